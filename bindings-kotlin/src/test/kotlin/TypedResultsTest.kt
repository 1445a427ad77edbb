import com.fasterxml.jackson.databind.ObjectMapper
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*
import java.nio.file.Paths
import java.time.LocalDate

/**
 * The typed 2026 tier, both tiers, predictors and release results (issue 13): the batch calls agree with the
 * single ones and give a failing case its error in its slot; a record passed back lifts only what core knows,
 * with an error that names the field and not the value.
 */
class TypedResultsTest {
    private val mapper = ObjectMapper()
    private val on = LocalDate.of(2026, 10, 1)

    /** A case whose 2026 tier is refused (ARP score out of range), from the shared vectors. */
    private fun refusedCase(): Case {
        val file = Paths.get(System.getProperty("probation.vectors") ?: "../tests/vectors").resolve("tier/tier_2026.json")
        val v = mapper.readTree(file.toFile()).path("cases").first { it.path("expected").has("error") }
        return decodeCase(mapper.writeValueAsString(v.path("input").path("case")))
    }

    @Test
    fun `batch calls agree with single calls and keep a failing case's error in its slot`() {
        val cases = syntheticCases(7u, 200u) + refusedCase() + syntheticCases(8u, 5u)
        val t26 = tier2026Batch(cases, on)
        val both = tiersBatch(cases, on)
        val t21 = tierBatch(cases, on)
        assertEquals(cases.size, t26.size)
        assertEquals(cases.size, both.size)
        cases.forEachIndexed { i, c ->
            val single = runCatching { tier2026(c, on) }
            assertEquals(single.getOrNull(), t26[i].tier, "tier2026Batch[$i]")
            assertEquals(runCatching { tiers(c, on) }.getOrNull(), both[i].tiers, "tiersBatch[$i]")
            assertEquals(runCatching { tier(c, on) }.getOrNull(), t21[i].tier, "tierBatch[$i]")
            assertTrue((t26[i].tier == null) != (t26[i].error == null), "exactly one of tier and error")
        }
        val failed = t26[200]
        assertNull(failed.tier)
        assertEquals(ErrorKind.DECODE, failed.error?.kind)
        assertEquals("out_of_range", failed.error?.code)
        assertEquals("assessments[0].predictors.arp.score", failed.error?.path)
        assertEquals(failed.error, both[200].error)
        assertTrue(t26.count { it.tier != null } >= 200)
    }

    @Test
    fun `a typed tier written back is core's JSON`() {
        for (c in syntheticCases(3u, 50u)) {
            val caseJson = encodeCase(c)
            assertEquals(mapper.readTree(tiersJson(caseJson, on)), mapper.readTree(tiersToJson(tiers(c, on))))
        }
    }

    @Test
    fun `a record passed back with an unknown rule or code is a typed error that does not quote it`() {
        val t = tier2026(Fixtures.case(), on)
        val token = "X320741secret"
        val badRule = t.copy(rules = listOf(Rule(token, token, token, Basis.ASSUMPTION)))
        val e = assertThrows<ApiException.Decode> { tier2026ToJson(badRule) }
        assertEquals("rules", e.path)
        assertFalse(e.message.orEmpty().contains(token), e.message)
        val badCode = assertThrows<ApiException.Decode> { tier2026ToJson(t.copy(tier = token)) }
        assertEquals("tier", badCode.path)
        assertFalse(badCode.message.orEmpty().contains(token), badCode.message)
        val t21 = tier(Fixtures.case(), on)
        assertThrows<ApiException.Decode> { tierToJson(t21.copy(tier = "E4")) }
        // Rules of two areas in one list are refused, not silently dropped.
        val mixed = t21.copy(rules = t21.rules + t.rules)
        if (t.rules.isNotEmpty() && t21.rules.isNotEmpty()) {
            assertEquals("rules", assertThrows<ApiException.Decode> { tierToJson(mixed) }.path)
        }
        // A built-in rule passed back by id is that rule.
        assertEquals(mapper.readTree(tierJson(encodeCase(Fixtures.case()), on)), mapper.readTree(tierToJson(t21)))
    }

    @Test
    fun `the single predictors take and give core's records`() {
        val ogrs = Ogrs3Input(Sex.MALE, LocalDate.of(2000, 6, 15), LocalDate.of(2012, 6, 14), LocalDate.of(2012, 6, 14), 3u, 10u, "00100")
        val o = ogrs3(ogrs)
        assertEquals(56.toUByte(), o.oneYear)
        assertEquals(72.toUByte(), o.twoYear)
        val arpIn = ArpInput(
            assessmentDate = LocalDate.of(2026, 7, 1), dateOfBirth = LocalDate.of(1985, 4, 10),
            convictionDate = LocalDate.of(2025, 1, 15), sex = Sex.MALE, ageAtFirstSanction = 39u, totalSanctions = 1u,
            actuarialCategory = ActuarialCategory.THEFT_NON_MOTOR, dynamic = DynamicAnswers(),
        )
        val a = arp(arpIn)
        assertEquals(6.86, a.score, 1e-9)
        assertEquals(RiskBand.LOW, a.band)
        assertEquals(ScoreKind.STATIC, a.kind)
        assertTrue("is_unemployed" in a.missingDynamic)
        val dc = dcSrp(DcSrpInput(
            assessmentDate = LocalDate.of(2026, 7, 1), sex = Sex.MALE, supervisionStatus = SupervisionStatus.COMMUNITY,
            hasEverCommittedSexualOffence = true, dateOfBirth = LocalDate.of(1980, 5, 20),
            followUpStart = LocalDate.of(2024, 2, 1), totalSanctions = 10u, contactAdultSexualSanctions = 1u,
            contactChildSexualSanctions = 0u, nonContactSexualOffences = 0u, indecentImageSanctions = 0u,
            mostRecentSexualOffenceDate = LocalDate.of(2023, 6, 1),
        ))
        assertEquals(RiskBand.MEDIUM, dc.band)
        assertEquals(27u, dc.points?.total)
        val refused = assertThrows<ApiException.Decode> { ogrs3(ogrs.copy(offenceCode = "X320741")) }
        assertEquals("offence_code", refused.path)
        assertFalse(refused.message.orEmpty().contains("X320741"))
        val p = predictors(Fixtures.case(), on)
        assertNotNull(p.ogrs3)
        assertTrue(p.ogrs3 is Ogrs3OutcomeView.NotComputed || p.ogrs3 is Ogrs3OutcomeView.Scored)
    }
}
