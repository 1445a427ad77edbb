import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*
import java.time.LocalDate

/** Objects (Calendar, AllocationPolicy, ContactPolicy) are AutoCloseable handles on Rust values. */
class LifetimeTest {
    @Test
    fun `use closes the object and a closed object refuses calls`() {
        val cal = Calendar.englandAndWales()
        cal.use { assertTrue(it.isBankHoliday(LocalDate.of(2024, 12, 25))) }
        assertThrows<IllegalStateException> { cal.isWorkingDay(LocalDate.of(2024, 12, 27)) }
        cal.close() // closing twice is harmless
    }

    @Test
    fun `a derived calendar outlives the one it came from`() {
        val extra = Calendar.englandAndWales().use { it.withExtraHolidays(listOf(LocalDate.of(2024, 12, 27))) }
        extra.use {
            assertFalse(it.isWorkingDay(LocalDate.of(2024, 12, 27)))
            assertEquals(LocalDate.of(2024, 12, 30), it.nextWorkingDay(LocalDate.of(2024, 12, 24)))
        }
    }

    @Test
    fun `policies are objects too`() {
        AllocationPolicy.preset("default").use { p ->
            assertEquals("default", p.id())
            AllocationPolicy.fromJson(p.toJson()).use { again -> assertEquals(p.toJson(), again.toJson()) }
        }
        ContactPolicy.preset("ps2021").use { assertEquals("ps2021", it.name()) }
        assertThrows<ApiException.Policy> { ContactPolicy.preset("ns1999") }.also { assertEquals("unknown_preset", it.code) }
        assertThrows<ApiException.Policy> { AllocationPolicy.preset("lenient") }
    }

    @Test
    fun `creating and closing many objects is cheap and safe`() {
        repeat(10_000) { Calendar.englandAndWales().use { c -> c.isWorkingDay(LocalDate.of(2024, 1, 2)) } }
    }

    @Test
    fun `a calendar error is ApiException Calendar`() {
        Calendar.englandAndWales().use { cal ->
            val e = assertThrows<ApiException.Calendar> { cal.isWorkingDay(LocalDate.of(1969, 12, 31)) }
            assertEquals("out_of_range", e.code)
            assertThrows<ApiException.Calendar> { cal.addWorkingDays(LocalDate.of(2100, 12, 1), UInt.MAX_VALUE) }
            assertThrows<ApiException.Calendar> { cal.bankHolidays(Int.MIN_VALUE) }
        }
    }
}
