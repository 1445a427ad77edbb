import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*
import java.time.LocalDate

/** A Rust error arrives as the right Kotlin exception subclass, with the field path and no personal data. */
class ErrorMappingTest {
    @Test
    fun `malformed json is ApiException Decode`() {
        val e = assertThrows<ApiException.Decode> { decodeCase("{not json") }
        assertEquals("", e.path)
    }

    @Test
    fun `an unknown field is Decode naming the object that holds it`() {
        val e = assertThrows<ApiException.Decode> {
            decodeCase("""{"schema_version":1,"person":{"crn":"X320741","nickname":"Edward"}}""")
        }
        assertEquals("person", e.path) // an unknown key is reported at the object that holds it
        assertFalse(e.message!!.contains("Edward"))
    }

    @Test
    fun `a bad identifier in a record is Decode naming the field, without the value`() {
        val bad = Fixtures.case().let { it.copy(person = it.person.copy(crn = "Z99")) }
        val e = assertThrows<ApiException.Decode> { validate(bad) }
        assertEquals("person.crn", e.path)
        assertFalse(e.message!!.contains("Z99"))
    }

    @Test
    fun `a bad code in a record is Decode naming the field`() {
        val c = Fixtures.case()
        val e = assertThrows<ApiException.Decode> { validate(c.copy(provider = "N99")) }
        assertEquals("provider", e.path)
        // Counts are unsigned in Kotlin (UShort, UInt...), as in core: a negative count cannot be written.
        val co = c.events[0].sentence as Sentence.CommunityOrder
        assertEquals(12u.toUShort(), co.length.months)
    }

    @Test
    fun `an invalid case is ApiException Validation with every issue`() {
        val c = Fixtures.case()
        val bad = c.copy(events = listOf(c.events[0].copy(sentence = Sentence.CommunityOrder(Length(years = 4u), listOf()))))
        val e = assertThrows<ApiException.Validation> { requireValid(bad) }
        assertEquals(
            listOf("events[0].sentence.length" to "community_order_too_long",
                "events[0].sentence.requirements" to "community_order_without_requirement"),
            e.issues.map { it.path to it.rule })
        assertTrue(e.issues.all { it.message.isNotBlank() })
        // The same issues come back as a list from validate().
        assertEquals(e.issues, validate(bad))
    }

    @Test
    fun `every exception is an ApiException`() {
        val e: ApiException = assertThrows<ApiException> { decodeCase("") }
        assertTrue(e is ApiException.Decode)
    }

    @Test
    fun `a date beyond the library's range is Decode, not a crash`() {
        val c = Fixtures.case()
        val bad = c.copy(person = c.person.copy(dateOfBirth = LocalDate.MAX))
        assertThrows<ApiException.Decode> { validate(bad) }
    }

    @Test
    fun `a record that cannot be read is ApiException Record naming the field, without the value`() {
        val doc = """{"offender":{"firstName":"Testy","surname":"Fakeperson","dateOfBirth":"1990-04-01",""" +
            """"otherIds":{"crn":"Fakeperson"}}}"""
        val e = assertThrows<ApiException.Record> { communityApiToCase(doc) }
        assertTrue(e.path.contains("crn"), e.path)
        assertFalse(e.message!!.contains("Fakeperson"), e.message)
        val unknown = assertThrows<ApiException.Record> { recordCode("requirement_category", "RM38") }
        assertEquals("unknown_code", unknown.code)
        assertEquals("RM38", unknown.tableCode)
        val tooMany = assertThrows<ApiException.Record> {
            integrationApiToCase(
                """{"crn":"X320741","caseDetails":{"dateOfBirth":"1990-01-01"},"registrations":[""" +
                    List(1001) { """{"code":"RHRH","startDate":"2024-01-01"}""" }.joinToString(",") + "]}",
            )
        }
        assertEquals("too_many", tooMany.code)
        assertEquals(1000uL, tooMany.limit)
    }

    @Test
    fun `a predictor input of the wrong shape is Decode naming the field, without the value`() {
        val e = assertThrows<ApiException.Decode> { ogrs3Json("""{"sex":"Edward"}""") }
        assertEquals("sex", e.path)
        assertFalse(e.message!!.contains("Edward"), e.message)
    }

    @Test
    fun `a missing booking is Decode naming bookings`() {
        val e = Calendar.englandAndWales().use { cal ->
            assertThrows<ApiException.Decode> {
                releaseDatesJson(encodeCase(Fixtures.case()), 0u, LocalDate.of(2024, 1, 1), null, cal)
            }
        }
        assertEquals("bookings", e.path)
    }
}

/** Small cases for the tests, built as records and as JSON. */
object Fixtures {
    const val JSON = """{"schema_version":1,
      "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
      "events":[{"offence_date":"2016-01-04","sentence_date":"2016-03-01",
        "sentence":{"type":"community_order","length":{"months":12},
          "requirements":[{"kind":"unpaid_work","hours":120}]}}]}"""

    fun case(): Case = Case(
        person = Person(crn = "X320741", dateOfBirth = LocalDate.of(1990, 4, 1), sex = Sex.MALE, homeArea = "C17"),
        events = listOf(Event(
            offenceDate = LocalDate.of(2016, 1, 4),
            sentenceDate = LocalDate.of(2016, 3, 1),
            sentence = Sentence.CommunityOrder(
                length = Length(months = 12u),
                requirements = listOf(Requirement(kind = RequirementKind.UNPAID_WORK, hours = 120u)),
            ),
        )),
    )
}
