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
import probation.core.Probation_kotlinKt;
import probation.core.TierItem;
import probation.core.types.Allocation;
import probation.core.types.Schedule;
import probation.core.types.Tier;

/**
 * Typed records across the FFI: one case per call, and per case in a batch of 10,000 (the figure of a
 * {@code Batch} benchmark is per case: {@code @OperationsPerInvocation}). Average time, µs, warm JIT.
 * {@code tier}, {@code engineAllocate} and {@code engineSchedule} go through the facade to {@code Direct} (one FFI
 * call, no JNA Structure); their {@code …Generated} twins call uniffi's generated functions, the path the facade
 * took before (issue 18's "before").
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordCalls {
    @Benchmark
    public Tier tier(Caseload s) {
        return Probation.tier(s.one, s.on);
    }

    /** uniffi's generated call: allocate the argument buffer, the call, free the result (JNA Structures). */
    @Benchmark
    public Tier tierGenerated(Caseload s) throws Exception {
        return Probation_kotlinKt.tier(s.one, s.on);
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
    public Allocation engineAllocateGenerated(Caseload s) throws Exception {
        return s.engine.allocate(s.one, s.on);
    }

    @Benchmark
    public Schedule engineSchedule(Caseload s) {
        return Probation.schedule(s.engine, s.one);
    }

    @Benchmark
    public Schedule engineScheduleGenerated(Caseload s) throws Exception {
        return s.engine.schedule(s.one);
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
