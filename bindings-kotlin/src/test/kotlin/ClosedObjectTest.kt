import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*
import java.time.LocalDate
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * A closed object (Calendar, AllocationPolicy, ContactPolicy) passed as an *argument* throws
 * IllegalStateException, like a method call on it; it never reads freed memory (issue 12). The build patches
 * uniffi's generated lowering of object arguments to go through the same check as method calls
 * (scripts/build-kotlin.sh, patch 2).
 */
class ClosedObjectTest {
    private val on = LocalDate.of(2016, 6, 1)
    private val case = Fixtures.case()

    @Test
    fun `a closed policy or calendar passed as an argument is IllegalStateException`() {
        val cp = ContactPolicy.preset("tr2014").also { it.close() }
        Calendar.englandAndWales().use { cal -> assertThrows<IllegalStateException> { schedule(case, cp, cal) } }
        val ap = AllocationPolicy.preset("default").also { it.close() }
        Calendar.englandAndWales().use { cal -> assertThrows<IllegalStateException> { allocate(case, on, ap, cal) } }
        val closedCal = Calendar.englandAndWales().also { it.close() }
        AllocationPolicy.preset("default").use { p ->
            assertThrows<IllegalStateException> { allocate(case, on, p, closedCal) }
            assertThrows<IllegalStateException> { allocateBatch(listOf(case), on, p, closedCal) }
            assertThrows<IllegalStateException> { escalationJson(encodeCase(case), on, p, closedCal) }
        }
        ContactPolicy.preset("ps2021").use { p ->
            assertThrows<IllegalStateException> { compliance(case, p, closedCal, on) }
            assertThrows<IllegalStateException> { scheduleBatch(listOf(case), p, closedCal) }
        }
        assertThrows<IllegalStateException> { releaseDates(case, 0u, on, null, closedCal) }
        // The objects still open are unaffected.
        AllocationPolicy.preset("default").use { p -> Calendar.englandAndWales().use { cal -> allocate(case, on, p, cal) } }
    }

    @Test
    fun `closing objects while 32 threads use them gives only typed exceptions or correct results`() {
        val expectedAllocation = AllocationPolicy.preset("default").use { p ->
            Calendar.englandAndWales().use { cal -> allocate(case, on, p, cal) }
        }
        val expectedSchedule = ContactPolicy.preset("tr2014").use { p ->
            Calendar.englandAndWales().use { cal -> schedule(case, p, cal) }
        }
        val threads = 32
        val pool = Executors.newFixedThreadPool(threads + 1)
        val refused = AtomicInteger()
        val answered = AtomicInteger()
        try {
            repeat(100) { round ->
                val cal = Calendar.englandAndWales()
                val ap = AllocationPolicy.preset("default")
                val cp = ContactPolicy.preset("tr2014")
                val start = CountDownLatch(1)
                val roundAnswered = AtomicInteger()
                val workers = (0 until threads).map { t ->
                    pool.submit(Callable {
                        start.await()
                        var stop = false
                        var i = 0
                        // Until refused: the closer always closes, so every worker meets the closed objects.
                        while (!stop) {
                            check(i < 1_000_000) { "round $round: never refused" }
                            try {
                                if ((t + i) % 2 == 0) {
                                    check(allocate(case, on, ap, cal) == expectedAllocation) { "round $round: wrong allocation" }
                                } else {
                                    check(schedule(case, cp, cal) == expectedSchedule) { "round $round: wrong schedule" }
                                }
                                answered.incrementAndGet()
                                roundAnswered.incrementAndGet()
                            } catch (e: IllegalStateException) {
                                if (e.message.orEmpty().startsWith("round ")) throw e // a wrong result
                                refused.incrementAndGet()
                                stop = true
                            }
                            i++
                        }
                    })
                }
                val closer = pool.submit {
                    start.await()
                    // Close at once, or after the workers have made a few calls: both races are exercised.
                    val after = (round % 4) * 16
                    while (roundAnswered.get() < after) Thread.yield()
                    when (round % 3) {
                        0 -> { cal.close(); ap.close(); cp.close() }
                        1 -> { ap.close(); cp.close(); cal.close() }
                        else -> { cp.close(); cal.close(); ap.close() }
                    }
                }
                start.countDown()
                closer.get(60, TimeUnit.SECONDS)
                workers.forEach { it.get(120, TimeUnit.SECONDS) } // rethrows anything but a refusal
                assertThrows<IllegalStateException> { allocate(case, on, ap, cal) }
            }
        } finally {
            pool.shutdownNow()
        }
        assertEquals(100 * threads, refused.get(), "every worker was refused once its objects closed")
        assertTrue(answered.get() > 0, "some calls ran while the objects were open")
    }
}
