import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import probation.core.*
import probation.core.types.*
import java.time.LocalDate
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** The same shared Calendar and policies, used from many JVM threads at once, give identical results. */
class ConcurrencyTest {
    private val on = LocalDate.of(2019, 6, 1)

    private data class Result(val allocation: Any, val tier: Any, val schedule: Any)

    private fun work(cases: List<Case>, cal: Calendar, ap: AllocationPolicy, cp: ContactPolicy): List<Result> =
        cases.map { c ->
            Result(
                runCatching { allocate(c, on, ap, cal) }.fold({ it }, { it.javaClass.name + ":" + it.message }),
                runCatching { tier(c, on) }.fold({ it }, { it.javaClass.name + ":" + it.message }),
                runCatching { schedule(c, cp, cal) }.fold({ it }, { it.javaClass.name + ":" + it.message }),
            )
        }

    @Test
    fun `sixteen threads agree with one`() {
        val cases = syntheticCases(7u, 200u)
        Calendar.englandAndWales().use { cal ->
            AllocationPolicy.preset("default").use { ap ->
                ContactPolicy.preset("tr2014").use { cp ->
                    val expected = work(cases, cal, ap, cp)
                    assertTrue(expected.any { it.allocation is Allocation }, "some cases allocate")
                    val pool = Executors.newFixedThreadPool(16)
                    try {
                        val futures = (1..32).map { i ->
                            pool.submit(Callable { work(if (i % 2 == 0) cases else cases.reversed(), cal, ap, cp) })
                        }
                        futures.forEachIndexed { i, f ->
                            val got = f.get(120, TimeUnit.SECONDS)
                            assertEquals(expected, if (i % 2 == 1) got else got.reversed())
                        }
                    } finally {
                        pool.shutdownNow()
                    }
                }
            }
        }
    }

    @Test
    fun `batch calls from many threads agree with single calls`() {
        val cases = syntheticCases(11u, 100u)
        AllocationPolicy.preset("default").use { ap -> Calendar.englandAndWales().use { cal ->
            val single = cases.map { runCatching { allocate(it, on, ap, cal) }.getOrNull() }
            val pool = Executors.newFixedThreadPool(8)
            try {
                val batches = (1..8).map { pool.submit(Callable { allocateBatch(cases, on, ap, cal) }) }.map { it.get(120, TimeUnit.SECONDS) }
                batches.forEach { b -> assertEquals(single, b.map { it.allocation }) }
            } finally {
                pool.shutdownNow()
            }
        } }
    }
}
