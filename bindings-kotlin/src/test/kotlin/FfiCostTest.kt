import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*
import java.time.LocalDate

/**
 * Guards the two fixes for the per-call cost (docs/benchmarks.md, Kotlin): dates cross as epoch days, and one
 * uniffi call status is reused per thread (scripts/build-kotlin.sh patches the generated code). Either
 * regression shows up as JNA `Memory` blocks allocated per call, which JNA tracks until a full GC.
 */
class FfiCostTest {
    /** JNA's table of live `Memory` blocks (a private field; the check is skipped if JNA renames it). */
    private fun jnaLiveMemory(): Map<*, *>? = runCatching {
        com.sun.jna.Memory::class.java.getDeclaredField("allocatedMemory").apply { isAccessible = true }.get(null) as Map<*, *>
    }.getOrNull()

    @Test
    fun `a calendar call allocates no JNA memory`() {
        val live = jnaLiveMemory()
        assumeTrue(live != null, "JNA's allocatedMemory field not found")
        Calendar.englandAndWales().use { cal ->
            val on = LocalDate.of(2019, 6, 1)
            repeat(1_000) { cal.addWorkingDays(on, 10u) } // warm up, let earlier tests' blocks settle
            val before = live!!.size
            repeat(10_000) { assertEquals(LocalDate.of(2019, 6, 14), cal.addWorkingDays(on, 10u)) }
            // Before the fixes: ~11 blocks per call (110,000 here). Now none; allow other threads' noise.
            assertTrue(live.size - before < 1_000, "JNA Memory blocks grew by ${live.size - before} over 10,000 calls")
        }
    }

    @Test
    fun `errors still come through after the reused call status carried an error`() {
        Calendar.englandAndWales().use { cal ->
            repeat(3) {
                val e = assertThrows<ApiException.Calendar> { cal.isWorkingDay(LocalDate.of(1969, 12, 31)) }
                assertEquals("out_of_range", e.code)
                assertTrue(cal.isWorkingDay(LocalDate.of(2024, 12, 27)))
                assertThrows<ApiException.Policy> { AllocationPolicy.preset("lenient") }
                assertEquals(LocalDate.of(2100, 12, 31), cal.addWorkingDays(LocalDate.of(2100, 12, 30), 1u))
            }
        }
    }
}
