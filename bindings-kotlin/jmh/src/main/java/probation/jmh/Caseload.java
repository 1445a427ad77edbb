package probation.jmh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import probation.core.AllocationPolicy;
import probation.core.Calendar;
import probation.core.Engine;
import probation.core.Probation;
import probation.core.types.Case;

/**
 * What every benchmark uses, built once per fork: the 10,000 cases of {@code syntheticCases(2026, 10000)} as
 * records and as JSON Lines (each written by {@code encodeCase}, the same bytes core/benches/lines.rs decodes),
 * one of them alone, the engine and the objects the record calls take. Decided on 2019-06-01.
 */
@State(Scope.Benchmark)
public class Caseload {
    /** Cases in a batch. */
    public static final int BATCH = 10_000;

    public final LocalDate on = LocalDate.of(2019, 6, 1);
    public List<Case> cases;
    public Case one;
    public byte[] lines;
    public byte[] oneLine;
    public Engine engine;
    public AllocationPolicy policy;
    public Calendar calendar;

    @Setup(Level.Trial)
    public void setUp() {
        cases = Probation.syntheticCases(2026, BATCH);
        one = cases.get(1);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Case c : cases) {
            all.writeBytes(Probation.encodeCase(c).getBytes(StandardCharsets.UTF_8));
            all.write('\n');
        }
        lines = all.toByteArray();
        oneLine = (Probation.encodeCase(one) + "\n").getBytes(StandardCharsets.UTF_8);
        engine = Probation.engine();
        policy = Probation.allocationPolicy("default");
        calendar = Probation.calendar();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        policy.close();
        calendar.close();
    }
}
