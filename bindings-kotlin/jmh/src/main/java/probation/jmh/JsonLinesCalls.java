package probation.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import probation.core.Probation;

/**
 * JSON Lines bytes in, JSON Lines bytes out through one engine: one case per call, and per case in a batch of
 * 10,000 (compare with core/benches/lines.rs, the same work without the FFI). Average time, µs, warm JIT.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonLinesCalls {
    @Benchmark
    public byte[] tierOne(Caseload s) {
        return Probation.tierJsonLines(s.engine, s.oneLine, s.on);
    }

    @Benchmark
    public byte[] allocateOne(Caseload s) {
        return Probation.allocateJsonLines(s.engine, s.oneLine, s.on);
    }

    @Benchmark
    public byte[] datesOne(Caseload s) {
        return Probation.datesJsonLines(s.engine, s.oneLine, s.on);
    }

    @Benchmark
    public byte[] scheduleOne(Caseload s) {
        return Probation.scheduleJsonLines(s.engine, s.oneLine);
    }

    @Benchmark
    @OperationsPerInvocation(Caseload.BATCH)
    public byte[] tierBatch(Caseload s) {
        return Probation.tierJsonLines(s.engine, s.lines, s.on);
    }

    @Benchmark
    @OperationsPerInvocation(Caseload.BATCH)
    public byte[] allocateBatch(Caseload s) {
        return Probation.allocateJsonLines(s.engine, s.lines, s.on);
    }

    @Benchmark
    @OperationsPerInvocation(Caseload.BATCH)
    public byte[] datesBatch(Caseload s) {
        return Probation.datesJsonLines(s.engine, s.lines, s.on);
    }

    @Benchmark
    @OperationsPerInvocation(Caseload.BATCH)
    public byte[] scheduleBatch(Caseload s) {
        return Probation.scheduleJsonLines(s.engine, s.lines);
    }
}
