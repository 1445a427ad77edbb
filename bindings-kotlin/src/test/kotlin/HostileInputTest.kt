import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*
import java.time.LocalDate

/**
 * Input a JVM caller can send that JSON cannot: extreme Kotlin values in records, odd strings. Each gives a typed
 * ApiException, never a crash of the JVM, and no message repeats a personal value. (Malformed JSON and bytes are
 * covered by the shared hostile vectors, run by VectorsTest.)
 */
class HostileInputTest {
    private val base = Fixtures.case()

    private fun assertClean(e: Throwable, vararg personal: String) {
        personal.forEach { assertFalse(e.message.orEmpty().contains(it), "message leaks `$it`: ${e.message}") }
    }

    @Test
    fun `extreme numbers in records are validation issues naming the field, never crashes`() {
        // Counts are unsigned in Kotlin, as in core, so a negative one cannot be written; the largest ones are
        // issues of the rules, named by path, and every engine answers them with a typed error or a result.
        val e0 = base.events[0]
        val co = e0.sentence as Sentence.CommunityOrder
        val cases = mapOf(
            "events[0].sentence.length" to base.copy(events = listOf(e0.copy(sentence = co.copy(length = Length(years = UShort.MAX_VALUE))))),
            "events[0].sentence.requirements[0].hours" to base.copy(events = listOf(e0.copy(sentence = co.copy(
                requirements = listOf(Requirement(RequirementKind.UNPAID_WORK, hours = UShort.MAX_VALUE)))))),
            "events[0].sentence.remand_days" to base.copy(events = listOf(e0.copy(sentence = Sentence.Custody(
                Length(months = 6u), CustodyKind.STANDARD_DETERMINATE, remandDays = UInt.MAX_VALUE, taggedBailDays = 0u, releaseDate = null)))),
            "contacts[0].event" to base.copy(contacts = listOf(Contact(LocalDate.of(2016, 3, 2), ContactKind.APPOINTMENT, ContactOutcome.ATTENDED, event = UInt.MAX_VALUE))),
        )
        cases.forEach { (path, case) ->
            assertTrue(validate(case).any { it.path.startsWith(path) }, "$path: ${validate(case)}")
            AllocationPolicy.preset("default").use { p -> Calendar.englandAndWales().use { cal ->
                listOf(
                    runCatching { allocate(case, LocalDate.of(2016, 6, 1), p, cal) },
                    runCatching { tier(case, LocalDate.of(2016, 6, 1)) },
                    runCatching { sentenceDates(case.person, case.events[0]) },
                ).forEach { r -> r.exceptionOrNull()?.let { assertTrue(it is ApiException, "$path: $it") } }
            } }
        }
    }

    @Test
    fun `NaN and infinite percentages are validation issues, not crashes`() {
        listOf(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0001, 100.0001).forEach { v ->
            val c = base.copy(assessments = listOf(Assessment(date = LocalDate.of(2016, 2, 1), kind = AssessmentKind.OASYS, rsr = v)))
            assertEquals(listOf("percent_range"), validate(c).map { it.rule }, "rsr $v")
            AllocationPolicy.preset("default").use { p ->
                val e = assertThrows<ApiException.Decode> { allocate(c, LocalDate.of(2016, 6, 1), p, Calendar.englandAndWales()) }
                assertEquals("out_of_range", e.code)
                assertEquals("assessments[0].rsr", e.path)
            }
            assertThrows<ApiException.Decode> { tier(c, LocalDate.of(2016, 6, 1)) }
        }
    }

    @Test
    fun `dates at the ends of LocalDate's range are errors or answers, never crashes`() {
        listOf(LocalDate.MIN, LocalDate.MAX, LocalDate.of(-1, 1, 1), LocalDate.of(262144, 1, 1)).forEach { d ->
            val c = base.copy(person = base.person.copy(dateOfBirth = d))
            AllocationPolicy.preset("default").use { p ->
                val e = runCatching { allocate(c, d, p, Calendar.englandAndWales()) }.exceptionOrNull()
                assert(e == null || e is ApiException) { "allocate $d: $e" }
            }
            Calendar.englandAndWales().use { cal -> assertThrows<ApiException>("calendar $d") { cal.isWorkingDay(d) } }
        }
        // Beyond chrono's range (about ±262,000 years) a date cannot even be lifted: Decode, naming no value.
        assertThrows<ApiException.Decode> { validate(base.copy(person = base.person.copy(dateOfBirth = LocalDate.MAX))) }
    }

    @Test
    fun `personal values in bad identifiers never reach the message`() {
        val name = PersonName("Jolene", "Featherstonehaugh")
        listOf(
            base.person.copy(crn = "JOLENE1", name = name),
            base.person.copy(pnc = "1990/0000001Q", name = name),
            base.person.copy(prisonNumber = "FEATHER", name = name),
            base.person.copy(homeArea = "Featherstonehaugh Street", name = name),
        ).forEach { p ->
            val e = assertThrows<ApiException.Decode> { validate(base.copy(person = p)) }
            assertClean(e, "JOLENE1", "Jolene", "Featherstonehaugh", "0000001", "FEATHER")
        }
        val e = assertThrows<ApiException.Decode> {
            allocate(base, LocalDate.of(2016, 6, 1), AllocationPolicy.preset("default"), Calendar.englandAndWales(), ManagerOverride("Featherstonehaugh", OverrideReason.OTHER))
        }
        assertEquals("provider", e.path) // a provider code that does not convert, wherever it is
        assertClean(e, "Featherstonehaugh")
    }

    @Test
    fun `odd strings are decode errors`() {
        listOf("", " ", "\u0000", "{\"schema_version\":1,\"person\":\"\uFFFF\"}", "[".repeat(100_000), "x".repeat(2 shl 20))
            .forEach { s -> assertThrows<ApiException.Decode> { decodeCase(s) } }
        // A string that is not valid UTF-16 (a lone surrogate) cannot be encoded as UTF-8: the generated Kotlin
        // refuses it before the call, with a CharacterCodingException (documented in docs/kotlin.md).
        assertThrows<java.nio.charset.CharacterCodingException> { decodeCase("\"\uD800\"") }
        assertEquals("too_large", assertThrows<ApiException.Decode> { decodeCase(" ".repeat(2 shl 20)) }.code)
        assertEquals("too_deep", assertThrows<ApiException.Decode> { decodeCase("[".repeat(100)) }.code)
        assertEquals("invalid_utf8", assertThrows<ApiException.Decode> { decodeCaseBytes(byteArrayOf(0xC3.toByte(), 0x28)) }.code)
    }

    @Test
    fun `huge lists are bounded by validation limits`() {
        val contacts = List(10_001) { Contact(LocalDate.of(2016, 3, 2), ContactKind.APPOINTMENT, ContactOutcome.ATTENDED) }
        assertEquals(listOf("too_many"), validate(base.copy(contacts = contacts)).map { it.rule }.distinct())
        assertThrows<ApiException.Decode> { syntheticCases(1u, UInt.MAX_VALUE) }
    }

    @Test
    fun `a batch with a poisoned item still answers every other item`() {
        val bad = base.copy(assessments = listOf(Assessment(date = LocalDate.of(2016, 2, 1), kind = AssessmentKind.OASYS, rsr = Double.NaN)))
        AllocationPolicy.preset("default").use { p ->
            val items = allocateBatch(listOf(base, bad, base), LocalDate.of(2016, 6, 1), p, Calendar.englandAndWales())
            assertEquals(listOf(true, false, true), items.map { it.allocation != null })
            assertEquals("assessments[0].rsr", items[1].error!!.path)
            // An identifier that does not convert fails the whole call (named, without the value).
            val badCrn = base.copy(person = base.person.copy(crn = "not a crn"))
            val e = assertThrows<ApiException.Decode> { allocateBatch(listOf(base, badCrn), LocalDate.of(2016, 6, 1), p, Calendar.englandAndWales()) }
            assertEquals("person.crn", e.path)
            // A date that cannot be lifted at all fails the whole call (arguments are converted before it runs).
            val unliftable = base.copy(person = base.person.copy(dateOfBirth = LocalDate.MAX))
            assertThrows<ApiException.Decode> { allocateBatch(listOf(base, unliftable), LocalDate.of(2016, 6, 1), p, Calendar.englandAndWales()) }
        }
    }
}
