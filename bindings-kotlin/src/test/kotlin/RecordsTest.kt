import com.fasterxml.jackson.databind.ObjectMapper
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*
import java.time.LocalDate

/**
 * Issue 15 on the JVM: the documents vendors hold (tier-details, community-api, Integration API) through the one
 * shape-named entry `fromNdelius` / `toNdelius`, key dates in nDelius codes, and typed `ApiException.Record`
 * errors naming the field without any input value.
 */
class RecordsTest {
    private val on = LocalDate.of(2024, 6, 1)
    private val secretCrn = "X999901"
    private val secretName = "Zebedee"
    private val tierDetails = """{"gender":"Female","ogrsscore":40,"rsrscore":3.0,"registrations":[{"code":"MAPP",""" +
        """"level":"M2","category":"M1","date":"2023-05-01"}],"convictions":[{"sentenceTypeCode":"SP",""" +
        """"requirements":[{"mainCategoryTypeCode":"F","restrictive":false}]}],"previousEnforcementActivity":true,""" +
        """"hasActiveEvent":true}"""
    private val communityApi = """{"offender":{"otherIds":{"crn":"$secretCrn"},"firstName":"$secretName",""" +
        """"surname":"Q","dateOfBirth":"1990-01-01","gender":"Male"},"convictions":[{"convictionId":7,""" +
        """"convictionDate":"2024-01-10","sentence":{"startDate":"2024-01-10","originalLength":12,""" +
        """"originalLengthUnits":"Months","sentenceType":{"code":"SC"}}}]}"""
    private val integrationApi = """{"crn":"$secretCrn","caseDetails":{"name":{"forename":"$secretName",""" +
        """"surname":"Q"},"dateOfBirth":"1990-01-01","gender":"Female"},"supervisions":{"supervisions":[""" +
        """{"active":true,"date":"2024-02-01","sentence":{"custodial":true,"length":2,"lengthUnits":"Years"}}]},""" +
        """"registrations":[]}"""

    @Test
    fun `each shape imports as its own function does, from text and from bytes, and round trips`() {
        val cases = listOf(
            fromNdelius(tierDetails, "tier-details", secretCrn, on) to tierDetailsToCase(tierDetails, secretCrn, on),
            fromNdelius(communityApi, "community-api") to communityApiToCase(communityApi),
            fromNdelius(integrationApi, "integration-api") to integrationApiToCase(integrationApi),
        )
        for ((viaShape, direct) in cases) assertEquals(direct, viaShape)
        assertEquals(cases[1].first, fromNdeliusBytes(communityApi.toByteArray(), "community-api"))
        for ((shape, case) in listOf("tier-details", "community-api", "integration-api").zip(cases.map { it.first })) {
            assertEquals(case, fromNdelius(toNdelius(case, shape, on), shape, on = on), shape)
        }
        assertEquals(secretCrn, cases[2].first.person.crn)
    }

    @Test
    fun `key dates come per custodial event in nDelius codes`() {
        val dates = ObjectMapper().readTree(keyDatesJson(fromNdelius(communityApi, "community-api")))
        assertEquals(1, dates.size())
        assertEquals(0, dates[0]["event"].asInt())
        val codes = dates[0]["dates"].map { it["code"].asText() }
        assertEquals("SED", codes.first())
        assertTrue(codes.contains("ACR"), codes.toString())
        assertEquals("2025-01-09", dates[0]["dates"][0]["date"].asText())
    }

    @Test
    fun `refusals are ApiException Record naming the field, without the input value`() {
        val refusals = listOf<Triple<() -> Any, String, String>>(
            Triple({ fromNdelius(communityApi, secretName) }, "unknown_code", "shape"),
            Triple({ fromNdelius(tierDetails, "tier-details", secretCrn) }, "invalid", "on"),
            Triple({ fromNdelius(communityApi, "community-api", secretCrn) }, "invalid", "crn"),
            Triple({ fromNdeliusBytes(byteArrayOf(-1) + secretName.toByteArray(), "community-api") }, "decode", ""),
            Triple({ fromNdelius(communityApi.replace("\"crn\":\"$secretCrn\"", "\"crn\":\"$secretName\""),
                "community-api") }, "invalid", "offender.otherIds.crn"),
            Triple({ fromNdelius(integrationApi.replace("\"1990-01-01\"", "7"), "integration-api") },
                "decode", "caseDetails.dateOfBirth"),
            Triple({ fromNdelius("""{"offender":{"otherIds":{"crn":"$secretCrn"},"dateOfBirth":"1990-01-01"},"convictions":[""" +
                List(1001) { "{}" }.joinToString(",") + "]}",
                "community-api") }, "too_many", "convictions"),
            Triple({ toNdelius(fromNdelius(communityApi, "community-api"), "integration-api") }, "invalid", "on"),
        )
        for ((call, code, path) in refusals) {
            val e = assertThrows<ApiException.Record> { call() }
            assertEquals(code, e.code, e.message)
            assertEquals(path, e.path, e.message)
            for (secret in listOf(secretCrn, secretName, "1990-01-01")) assertFalse(e.message!!.contains(secret), e.message)
        }
    }
}
