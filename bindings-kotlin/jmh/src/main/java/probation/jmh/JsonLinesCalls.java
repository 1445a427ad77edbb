package probation.jmh;

import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import probation.core.Probation;

/**
 * JSON Lines bytes in, JSON Lines bytes out through one engine, for each of the four paths ({@code path}):
 * one case per call ({@code one}), and per case in a batch of 10,000 ({@code batch}, the facade; compare with
 * core/benches/lines.rs, the same work without the FFI; {@code batchGenerated}, the engine's generated method).
 * Average time, µs, warm JIT.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonLinesCalls {
    @Param({"tier", "allocate", "dates", "schedule"})
    public String path;

    private BiFunction<Caseload, byte[], byte[]> call;

    /** uniffi's generated engine method: the lines copied into a {@code RustBuffer}, the output out of one. */
    private Generated generated;

    /** A generated call (they declare the checked {@code ApiException}). */
    @FunctionalInterface
    interface Generated {
        byte[] apply(Caseload s, byte[] in) throws Exception;
    }

    @Setup
    public void choose() {
        switch (path) {
            case "tier" -> call = (s, in) -> Probation.tierJsonLines(s.engine, in, s.on);
            case "allocate" -> call = (s, in) -> Probation.allocateJsonLines(s.engine, in, s.on);
            case "dates" -> call = (s, in) -> Probation.datesJsonLines(s.engine, in, s.on);
            case "schedule" -> call = (s, in) -> Probation.scheduleJsonLines(s.engine, in);
            default -> throw new IllegalArgumentException("unknown path");
        }
        switch (path) {
            case "tier" -> generated = (s, in) -> s.engine.tierJsonLines(in, s.on);
            case "allocate" -> generated = (s, in) -> s.engine.allocateJsonLines(in, s.on);
            case "dates" -> generated = (s, in) -> s.engine.datesJsonLines(in, s.on);
            case "schedule" -> generated = (s, in) -> s.engine.scheduleJsonLines(in);
            default -> throw new IllegalArgumentException("unknown path");
        }
    }

    @Benchmark
    public byte[] one(Caseload s) {
        return call.apply(s, s.oneLine);
    }

    @Benchmark
    @OperationsPerInvocation(Caseload.BATCH)
    public byte[] batch(Caseload s) {
        return call.apply(s, s.lines);
    }

    /** The batch through uniffi's generated method (what the facade called before issue 18's direct path). */
    @Benchmark
    @OperationsPerInvocation(Caseload.BATCH)
    public byte[] batchGenerated(Caseload s) throws Exception {
        return generated.apply(s, s.lines);
    }
}
