package probation.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import probation.core.AllocationItem;
import probation.core.Probation;
import probation.core.TierItem;
import probation.core.types.Allocation;
import probation.core.types.Tier;

/**
 * Typed records across the FFI: one case per call, and per case in a batch of 10,000 (the figure of a
 * {@code Batch} benchmark is per case: {@code @OperationsPerInvocation}). Average time, µs, warm JIT.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordCalls {
    @Benchmark
    public Tier tier(Caseload s) {
        return Probation.tier(s.one, s.on);
    }

    @Benchmark
    public Allocation allocate(Caseload s) {
        return Probation.allocate(s.one, s.on, s.policy, s.calendar);
    }

    /** The engine's record call: no object handles passed. */
    @Benchmark
    public Allocation engineAllocate(Caseload s) {
        return Probation.allocate(s.engine, s.one, s.on);
    }

    @Benchmark
    @OperationsPerInvocation(Caseload.BATCH)
    public List<TierItem> tierBatch(Caseload s) {
        return Probation.tierBatch(s.cases, s.on);
    }

    @Benchmark
    @OperationsPerInvocation(Caseload.BATCH)
    public List<AllocationItem> allocateBatch(Caseload s) {
        return Probation.allocateBatch(s.cases, s.on, s.policy, s.calendar);
    }
}
