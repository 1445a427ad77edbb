package probation.jmh;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import probation.core.Probation;
import probation.core.types.FfiConverterTypeCase;
import probation.core.types.FfiConverterTypeTier;
import probation.core.types.Tier;

/**
 * Where a record call's time goes, on the JVM side only (no FFI): writing the case as uniffi's Kotlin does
 * ({@code FfiConverterTypeCase.write}, into a reused buffer), and reading a tier record back
 * ({@code FfiConverterTypeTier.read}, from bytes written once). Average time, µs, warm JIT.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Parts {
    private final ByteBuffer caseBuf = ByteBuffer.allocateDirect(1 << 20);
    private ByteBuffer tierBytes;

    @Setup
    public void setUp(Caseload s) {
        Tier tier = Probation.tier(s.one, s.on);
        tierBytes = ByteBuffer.allocateDirect(1 << 20);
        FfiConverterTypeTier.INSTANCE.write(tier, tierBytes);
        tierBytes.flip();
    }

    @Benchmark
    public int writeCase(Caseload s) {
        caseBuf.clear();
        FfiConverterTypeCase.INSTANCE.write(s.one, caseBuf);
        return caseBuf.position();
    }

    @Benchmark
    public Tier readTier() {
        return FfiConverterTypeTier.INSTANCE.read(tierBytes.duplicate());
    }
}
