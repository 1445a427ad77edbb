import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.node.JsonNodeFactory
import com.fasterxml.jackson.databind.node.ObjectNode
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import probation.core.*
import probation.core.types.*
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.time.LocalDate
import kotlin.io.path.extension
import kotlin.io.path.isRegularFile

/**
 * Runs every shared vector file under `tests/vectors/` through the Kotlin API, exactly as the Rust runner
 * (`core/tests/vectors.rs`) and the Python binding do. `expected` is a JSON subset of the output. A file naming a
 * function this runner does not know fails, so no vector is silently skipped.
 */
class VectorsTest {
    private val mapper = ObjectMapper()
    private val nodes = JsonNodeFactory.instance

    private fun vectorFiles(): List<Path> {
        val root = Paths.get(System.getProperty("probation.vectors") ?: "../tests/vectors")
        return Files.walk(root).use { s -> s.filter { it.isRegularFile() && it.extension == "json" }.sorted().toList() }
    }

    @Test
    fun `there are vector files`() {
        assertTrue(vectorFiles().isNotEmpty(), "no vector files found")
    }

    @TestFactory
    fun vectors(): List<DynamicTest> = vectorFiles().flatMap { file ->
        val doc = mapper.readTree(file.toFile())
        val function = doc.path("function").asText()
        assertTrue(doc.path("source").isTextual, "$file: every vector file cites a source")
        doc.path("cases").mapIndexed { i, case ->
            val name = "${file.parent.fileName}/${file.fileName}#$i ${case.path("description").asText()}"
            DynamicTest.dynamicTest(name) {
                val actual = Vectors.run(function, case.path("input"))
                val diffs = mutableListOf<String>()
                subset(case.path("expected"), actual, "", diffs)
                val text = actual.toString().lowercase()
                case.path("forbidden").map { it.asText() }.filter { text.contains(it.lowercase()) }
                    .forEach { diffs += "output contains the personal value `$it`" }
                if (diffs.isNotEmpty()) fail<Unit>("$name:\n  " + diffs.joinToString("\n  ") + "\n  actual: $actual")
            }
        }
    }

    @Test
    fun `an unknown function fails`() {
        val e = runCatching { Vectors.run("no.such.function", nodes.objectNode()) }.exceptionOrNull()
        assertTrue(e is IllegalArgumentException, "unknown functions must fail, got $e")
    }

    private fun subset(expected: JsonNode, actual: JsonNode, at: String, diffs: MutableList<String>) =
        subsetOf(expected, actual, at, diffs)

    companion object {
    /** True when `expected` is a subset of `actual`: object keys recursively, arrays element-wise, numbers within 1e-9. */
    fun subsetOf(expected: JsonNode, actual: JsonNode, at: String, diffs: MutableList<String>) {
        when {
            expected.isObject && actual.isObject -> expected.properties().forEach { (k, ev) ->
                val av = actual.get(k)
                if (av == null) diffs += "$at.$k: missing in actual" else subsetOf(ev, av, "$at.$k", diffs)
            }
            expected.isArray && actual.isArray -> {
                if (expected.size() != actual.size()) {
                    diffs += "$at: expected ${expected.size()} items, got ${actual.size()}: $actual"
                } else {
                    for (i in 0 until expected.size()) subsetOf(expected[i], actual[i], "$at[$i]", diffs)
                }
            }
            expected.isNumber && actual.isNumber ->
                if (Math.abs(expected.asDouble() - actual.asDouble()) > 1e-9) diffs += "$at: expected $expected, got $actual"
            expected != actual -> diffs += "$at: expected $expected, got $actual"
        }
    }
    }
}

/**
 * A typed record as a JSON tree, read by reflection, to compare with core's JSON of the same result: keys and
 * enum values are lower-cased without `_` (`oneYear`, `one_year` → `oneyear`; `VERY_HIGH`, `very_high` →
 * `veryhigh`), a variant of a sealed class gets core's `status` tag from its name, dates are ISO text, unsigned
 * numbers their value. [normalise] writes core's JSON the same way. A JSON `null` is a missing key (core omits
 * some), so only values present in the JSON are compared.
 */
object TypedTree {
    private val nodes = JsonNodeFactory.instance

    private fun key(k: String) = k.replace("_", "").lowercase()

    fun normalise(n: JsonNode): JsonNode = when {
        n.isObject -> nodes.objectNode().also { o ->
            n.properties().forEach { (k, v) -> if (!v.isNull) o.set<JsonNode>(key(k), normalise(v)) }
        }
        n.isArray -> nodes.arrayNode().also { a -> n.forEach { a.add(normalise(it)) } }
        n.isTextual -> nodes.textNode(key(n.asText()))
        else -> n
    }

    fun of(v: Any?): JsonNode = when (v) {
        null -> nodes.nullNode()
        is String -> nodes.textNode(key(v))
        is Boolean -> nodes.booleanNode(v)
        is UInt -> nodes.numberNode(v.toLong())
        is UByte -> nodes.numberNode(v.toLong())
        is UShort -> nodes.numberNode(v.toLong())
        is ULong -> nodes.numberNode(v.toLong())
        is Double -> nodes.numberNode(v)
        is Float -> nodes.numberNode(v.toDouble())
        is Number -> nodes.numberNode(v.toLong())
        is Enum<*> -> nodes.textNode(key(v.name))
        is LocalDate -> nodes.textNode(v.toString())
        is List<*> -> nodes.arrayNode().also { a -> v.forEach { a.add(of(it)) } }
        is Map<*, *> -> nodes.objectNode().also { o -> v.forEach { (k, x) -> o.set<JsonNode>(of(k).asText(), of(x)) } }
        else -> nodes.objectNode().also { o ->
            val cls = v.javaClass
            if (cls.enclosingClass != null && cls.superclass == cls.enclosingClass) o.put("status", key(cls.simpleName))
            cls.declaredFields.filter { !java.lang.reflect.Modifier.isStatic(it.modifiers) }.forEach { f ->
                f.isAccessible = true
                o.set<JsonNode>(key(f.name), of(f.get(v)))
            }
        }
    }
}

/**
 * Calls the Kotlin API for one vector `function`; returns its output as JSON (errors as `{"error": {...}}`).
 * Engines are called through their JSON-out functions (core's exact serialisation, which the vectors describe)
 * and, for allocation, tier and schedules, also through the typed records, which must agree.
 */
object Vectors {
    private val mapper = ObjectMapper()
    private val nodes = JsonNodeFactory.instance

    fun run(function: String, input: JsonNode): JsonNode = try {
        when (function) {
            "case.validate" -> caseValidate(input)
            "calendar.is_working_day", "calendar.add_working_days", "calendar.working_days_between",
            "calendar.next_working_day", "calendar.bank_holidays" -> calendar(function, input)
            "allocation.allocate" -> allocation(input)
            "allocation.escalation" -> allocationPolicy(input).use { p ->
                Calendar.englandAndWales().use { cal -> json(escalationJson(case(input), date(input, "on"), p, cal)) }
            }
            "allocation.escalation_history" -> allocationPolicy(input).use { p ->
                Calendar.englandAndWales().use { cal -> json(escalationHistoryJson(case(input), p, cal)) }
            }
            "tier.calculate" -> date(input, "on").let { on ->
                sameRecord({ tierJson(case(input), on) }, {
                    val c = decodeCase(case(input))
                    tierToJson(sameAsDirect({ tier(c, on) }, { Direct.tier(c, on) }))
                })
            }
            "tier.calculate_2026" -> date(input, "on").let { on ->
                sameRecord({ tier2026Json(case(input), on) }, { tier2026ToJson(tier2026(decodeCase(case(input)), on)) })
            }
            "tier.both" -> date(input, "on").let { on ->
                sameRecord({ tiersJson(case(input), on) }, { tiersToJson(tiers(decodeCase(case(input)), on)) })
            }
            "audit.audit" -> Calendar.englandAndWales().use { cal -> json(auditJson(case(input), date(input, "as_of"), cal)) }
            "audit.timeline" -> Calendar.englandAndWales().use { cal ->
                json(timelineJson(case(input), date(input, "from"), date(input, "to"), cal))
            }
            "predictors.ogrs3" -> predictor { ogrs3Json(mapper.writeValueAsString(input)) }
            "predictors.arp" -> predictor { arpJson(mapper.writeValueAsString(input)) }
            "predictors.dc_srp" -> predictor { dcSrpJson(mapper.writeValueAsString(input)) }
            "predictors.vrp" -> predictor { vrpJson(mapper.writeValueAsString(input)) }
            "predictors.svrp" -> predictor { svrpJson(mapper.writeValueAsString(input)) }
            "predictors.iic_srp" -> predictor { iicSrpJson(mapper.writeValueAsString(input)) }
            "predictors.csrp" -> predictor { csrpJson(mapper.writeValueAsString(input)) }
            "predictors.case" -> date(input, "on").let { on ->
                typedToo(json(predictorsJson(case(input), on))) { predictors(decodeCase(case(input)), on) }
            }
            "release.dates" -> release(input)
            "release.law" -> date(input, "as_at").let { d -> typedToo(json(releaseLawJson(d))) { releaseLaw(d) } }
            "records.tier_details" -> recordsTierDetails(input)
            "records.tier_details_round_trip" -> recordsTierDetailsRoundTrip(input)
            "records.community_api" -> recordsCase(communityApiToCase(recordText(input)))
            "records.integration_api" -> recordsCase(integrationApiToCase(recordText(input)))
            "records.community_api_round_trip" -> {
                val first = communityApiToCase(recordText(input))
                nodes.objectNode().put("same", communityApiToCase(communityApiFromCase(first)) == first)
            }
            "records.code" -> recordsCode(input.path("table").asText(), input.path("code").asText())
            "records.recompute" -> recomputeChecked(input.path("event_type").asText())
            "records.recompute_for_event" -> recomputeForEventChecked(recordText(input))
            "records.tier_changed_events" -> nodes.objectNode().set(
                "events",
                json(
                    tierChangedEventsJson(
                        mapper.writeValueAsString(input.path("before")),
                        mapper.writeValueAsString(input.path("after")),
                        input.path("occurred_at").asText(),
                    ),
                ),
            )
            "contact.schedule", "contact.compliance" -> contact(function, input)
            "sentence.dates" -> sentence(input)
            "case.decode_validate_raw" -> decodeValidateRaw(input)
            else -> throw IllegalArgumentException("unknown function `$function`")
        }
    } catch (e: ApiException) {
        error(e)
    }

    /** The error of a call as the vectors spell it: `{"error": {"kind", "path"}}`. */
    fun error(e: ApiException): JsonNode {
        val err = nodes.objectNode()
        when (e) {
            is ApiException.Decode -> err.put("kind", e.code).put("path", e.path)
            is ApiException.Policy -> err.put("kind", e.code).put("path", e.path)
            is ApiException.Calendar -> err.put("kind", e.code).put("path", e.path)
            is ApiException.Validation -> {
                err.put("kind", "validation")
                err.set<JsonNode>("issues", issuesJson(e.issues))
            }
            is ApiException.Record -> {
                // As core serialises a `RecordError`: the refused code, and the limit as `limit` or `max`.
                err.put("kind", e.code).put("path", e.path).put("message", e.reason)
                e.tableCode?.let { err.put("code", it) }
                e.limit?.let { err.put(if (e.code == "too_large") "limit" else "max", it.toLong()) }
            }
            is ApiException.Internal -> err.put("kind", "internal")
        }
        return nodes.objectNode().set("error", err)
    }

    fun issuesJson(issues: List<Issue>): JsonNode =
        nodes.arrayNode().apply { issues.forEach { add(nodes.objectNode().put("path", it.path).put("rule", it.rule)) } }

    private fun json(text: String): JsonNode = mapper.readTree(text)
    private fun case(input: JsonNode): String = mapper.writeValueAsString(input.path("case"))
    private fun date(input: JsonNode, key: String): LocalDate = LocalDate.parse(input.path(key).asText())

    private fun caseValidate(input: JsonNode): JsonNode {
        val issues = validateJson(case(input))
        val out: ObjectNode = nodes.objectNode().put("valid", issues.isEmpty())
        if (issues.isNotEmpty()) out.set<JsonNode>("issues", issuesJson(issues))
        return out
    }

    private fun calendarOf(input: JsonNode): Calendar {
        val base = Calendar.englandAndWales()
        val extra = input.get("extra_holidays") ?: return base
        return base.use { it.withExtraHolidays(extra.map { d -> LocalDate.parse(d.asText()) }) }
    }

    private fun calendar(function: String, input: JsonNode): JsonNode = calendarOf(input).use { cal ->
        val out = nodes.objectNode()
        when (function) {
            "calendar.is_working_day" -> out.put("working_day", cal.isWorkingDay(date(input, "date")))
            "calendar.add_working_days" ->
                out.put("date", cal.addWorkingDays(date(input, "date"), input.path("n").asLong().toUInt()).toString())
            "calendar.working_days_between" ->
                out.put("days", cal.workingDaysBetween(date(input, "start"), date(input, "end")))
            "calendar.next_working_day" -> out.put("date", cal.nextWorkingDay(date(input, "date")).toString())
            else -> out.set<JsonNode>("holidays", nodes.arrayNode().apply {
                cal.bankHolidays(input.path("year").asInt()).forEach { h ->
                    add(nodes.objectNode().put("date", h.date.toString()).put("name", h.name)
                        .put("substitute", h.substitute).set<JsonNode>("rule", ruleJson(h.rule)))
                }
            })
        }
        out
    }

    private fun sentence(input: JsonNode): JsonNode {
        val doc = nodes.objectNode().put("schema_version", 1)
        doc.set<JsonNode>("person", input.path("person"))
        doc.set<JsonNode>("events", nodes.arrayNode().add(input.path("event")))
        val caseJson = mapper.writeValueAsString(doc)
        return try {
            val out = json(sentenceDatesJson(caseJson, 0u))
            val c = decodeCase(caseJson)
            val typed = sentenceDates(c.person, c.events[0])
            fun d(k: KeyDate?) = k?.date?.toString()
            fun j(key: String) = out.get(key)?.takeIf { !it.isNull }?.path("date")?.asText()
            check(d(typed.sentenceExpiry) == j("sentence_expiry")) { "typed SED" }
            check(d(typed.conditionalRelease) == j("conditional_release")) { "typed CRD" }
            check(d(typed.licenceExpiry) == j("licence_expiry")) { "typed LED" }
            check(d(typed.topUpSupervisionExpiry) == j("top_up_supervision_expiry")) { "typed TUSED" }
            check(typed.rules.map { it.id } == out.path("rules").map { it.path("id").asText() }) { "typed rules" }
            out
        } catch (e: ApiException.Decode) {
            // Sentence errors name the field within the event.
            nodes.objectNode().set("error", nodes.objectNode().put("kind", e.code).put("field", e.path))
        }
    }

    /** Raw text or bytes decoded and validated (tests/vectors/hostile/README.md). */
    private fun decodeValidateRaw(input: JsonNode): JsonNode {
        val out = nodes.objectNode()
        try {
            val issues = when {
                input.has("text") -> validateJson(input.path("text").asText())
                input.has("bytes_base64") ->
                    validateJsonBytes(java.util.Base64.getDecoder().decode(input.path("bytes_base64").asText()))
                input.has("generate") -> {
                    val g = input.path("generate")
                    val text = StringBuilder(g.path("prefix").asText())
                    repeat(g.path("count").asInt()) { text.append(g.path("repeat").asText()) }
                    text.append(g.path("suffix").asText())
                    validateJson(text.toString())
                }
                else -> throw IllegalArgumentException("input needs text, bytes_base64 or generate")
            }
            out.put("valid", issues.isEmpty())
            issues.firstOrNull()?.let { first ->
                out.set<JsonNode>("error", nodes.objectNode().put("kind", "validation").put("path", first.path).put("rule", first.rule))
                out.set<JsonNode>("issues", issuesJson(issues))
                out.put("message", issues.joinToString("; ") { "${it.path}: ${it.message} (${it.rule})" })
            }
        } catch (e: ApiException.Decode) {
            out.put("valid", false)
            out.set<JsonNode>("error", nodes.objectNode().put("kind", e.code).put("path", e.path))
            out.put("message", e.message)
        }
        return out
    }

    /** A predictor's refusal as the vectors spell it: `{"error": {"kind", "field"}}`. */
    private fun predictor(call: () -> String): JsonNode = try {
        json(call())
    } catch (e: ApiException.Decode) {
        nodes.objectNode().set("error", nodes.objectNode().put("kind", e.code).put("field", e.path))
    }

    /** `release.dates`: the person and one booking as a case; errors name the field within the booking. */
    private fun release(input: JsonNode): JsonNode {
        val doc = nodes.objectNode().put("schema_version", 1)
        doc.set<JsonNode>("person", input.path("person"))
        doc.set<JsonNode>("bookings", nodes.arrayNode().add(input.path("booking")))
        val caseJson = mapper.writeValueAsString(doc)
        val on = date(input, "on")
        val options = input.get("options")
        return Calendar.englandAndWales().use { cal ->
            try {
                val out = json(releaseDatesJson(caseJson, 0u, on, options?.let { mapper.writeValueAsString(it) }, cal))
                typedToo(out) { releaseDates(decodeCase(caseJson), 0u, on, options?.let(::releaseOptions), cal) }
            } catch (e: ApiException.Decode) {
                nodes.objectNode().set("error", nodes.objectNode().put("kind", e.code).put("field", e.path))
            }
        }
    }

    /** Core's `ReleaseOptions` from a vector's `options` (the fields the format has; an unknown one fails). */
    private fun releaseOptions(o: JsonNode): ReleaseOptions {
        val known = setOf("law_as_at", "statute")
        check(o.fieldNames().asSequence().all { it in known }) { "release options: unknown field in $o" }
        val s = o.path("statute")
        return ReleaseOptions(
            lawAsAt = o.get("law_as_at")?.let { LocalDate.parse(it.asText()) },
            statute = StatuteOptions(
                hdcFourYearBar = s.path("hdc_four_year_bar").asBoolean(false),
                dischargeDay = s.path("discharge_day").asBoolean(false),
                pssRepealed = s.path("pss_repealed").asBoolean(false),
            ),
        )
    }

    /**
     * The JSON call's output, which must equal the typed call's record written back by core (`...ToJson`, which
     * lifts it from Kotlin: rules by id, codes parsed): the typed record carries everything the JSON does. When
     * the JSON call fails, the typed call must fail with the same error.
     */
    /** The generated record call and [Direct]'s (one FFI call) give the same record, or the same typed error. */
    private fun <T> sameAsDirect(generated: () -> T, direct: () -> T): T {
        val d = runCatching(direct)
        val g = try {
            generated()
        } catch (e: ApiException) {
            val t = d.exceptionOrNull()
            check(t is ApiException && error(t) == error(e)) { "Direct gave $t, the generated call $e" }
            throw e
        }
        check(d.isSuccess && d.getOrNull() == g) { "Direct gave ${d.exceptionOrNull() ?: d.getOrNull()}, the generated call $g" }
        return g
    }

    private fun sameRecord(jsonCall: () -> String, typedBack: () -> String): JsonNode {
        val typed = runCatching(typedBack)
        val out = try {
            json(jsonCall())
        } catch (e: ApiException) {
            val t = typed.exceptionOrNull()
            check(t is ApiException && error(t) == error(e)) { "typed call gave $t, JSON call $e" }
            throw e
        }
        val back = json(typed.getOrThrow())
        check(back == out) { "typed record differs from the JSON one:\n  typed $back\n  json  $out" }
        return out
    }

    /**
     * The JSON call's output `out`, after checking that every value of it is in the typed record too, compared
     * as [TypedTree] writes records (keys and enum values without case or `_`; core's `status` tag from the variant).
     */
    private fun typedToo(out: JsonNode, typed: () -> Any): JsonNode {
        val diffs = mutableListOf<String>()
        VectorsTest.subsetOf(TypedTree.normalise(out), TypedTree.of(typed()), "", diffs)
        check(diffs.isEmpty()) { "typed record differs from the JSON one: " + diffs.joinToString("; ") }
        return out
    }

    /** The document of a records vector: `generate` (items joined by commas), `text` (raw) or `document`. */
    private fun recordText(input: JsonNode): String {
        input.get("generate")?.let { g ->
            val items = List(g.path("count").asInt()) { g.path("repeat").asText() }.joinToString(",")
            return g.path("prefix").asText() + items + g.path("suffix").asText()
        }
        return input.get("text")?.asText() ?: mapper.writeValueAsString(input.path("document"))
    }

    /** An imported case and its validation: `{"case", "valid", "issues"}`. */
    private fun recordsCase(c: Case): JsonNode {
        val issues = validate(c)
        return nodes.objectNode().put("valid", issues.isEmpty()).also {
            it.set<JsonNode>("case", json(encodeCase(c)))
            it.set<JsonNode>("issues", issuesJson(issues))
        }
    }

    private fun recordsTierDetails(input: JsonNode): JsonNode {
        val on = date(input, "on")
        val c = tierDetailsToCase(recordText(input), input.path("crn").asText(), on)
        val caseJson = encodeCase(c)
        val tiers = json(tiersJson(caseJson, on))
        return nodes.objectNode().also {
            it.set<JsonNode>("case", json(caseJson))
            it.set<JsonNode>("tier", tiers.path("tier_2021"))
            it.set<JsonNode>("tier_2026", tiers.path("tier_2026"))
            it.set<JsonNode>("forms", json(ndeliusTierFormsJson(caseJson, on)))
        }.also { out ->
            val typed = ndeliusTierForms(c, on)
            val forms = out.path("forms")
            check(typed.ndelius == forms.path("ndelius").asText()) { "typed nDelius form" }
            check(typed.communityApi == forms.path("community_api").asText()) { "typed community-api form" }
            check(typed.tier2026 == forms.get("tier_2026")?.asText()) { "typed 2026 form" }
        }
    }

    private fun recordsCode(table: String, code: String): JsonNode {
        val out = json(recordCodeJson(table, code))
        val typed = recordCode(table, code)
        val variant = typed::class.simpleName!!.replace(Regex("([a-z])([A-Z])"), "$1_$2").lowercase()
        check(variant == out.path("table").asText()) { "typed code reading $variant" }
        return out
    }

    private fun recomputeJsonOf(r: Recompute): JsonNode = nodes.objectNode().put("known", r.known).put("tier", r.tier)
        .put("tier_2026", r.tier2026).put("escalation", r.escalation).put("schedule", r.schedule)
        .put("release_dates", r.releaseDates)

    private fun recomputeChecked(eventType: String): JsonNode {
        val out = json(recomputeForJson(eventType))
        check(recomputeJsonOf(recomputeFor(eventType)) == out) { "typed recompute" }
        return out
    }

    private fun recomputeForEventChecked(event: String): JsonNode {
        val out = json(recomputeForEventJson(event))
        val typed = recomputeForEvent(event)
        check(typed.eventType == out.path("event_type").asText()) { "typed event type" }
        check(typed.crn == out.get("crn")?.asText()) { "typed crn" }
        check(typed.noms == out.get("noms")?.asText()) { "typed noms" }
        check(recomputeJsonOf(typed.recompute) == out.path("recompute")) { "typed recompute" }
        return out
    }

    private fun recordsTierDetailsRoundTrip(input: JsonNode): JsonNode {
        val on = date(input, "on")
        val crn = input.path("crn").asText()
        val first = tierDetailsToCase(recordText(input), crn, on)
        val exported = tierDetailsFromCase(first, on)
        val second = tierDetailsToCase(exported, crn, on)
        return nodes.objectNode().put("same", first == second).also { it.set<JsonNode>("exported", json(exported)) }
    }

    fun ruleJson(r: Rule): JsonNode = nodes.objectNode().put("id", r.id).put("text", r.text).put("source", r.source)
        .put("basis", r.basis.name.lowercase())

    private fun allocationPolicy(input: JsonNode): AllocationPolicy = when (val p = input.get("policy")) {
        null, is com.fasterxml.jackson.databind.node.NullNode -> AllocationPolicy.preset("default")
        else -> if (p.isTextual) AllocationPolicy.preset(p.asText()) else AllocationPolicy.fromJson(mapper.writeValueAsString(p))
    }

    private fun allocation(input: JsonNode): JsonNode = allocationPolicy(input).use { policy ->
        Calendar.englandAndWales().use { cal -> allocation(input, policy, cal) }
    }

    private fun allocation(input: JsonNode, policy: AllocationPolicy, cal: Calendar): JsonNode {
        val over = input.get("override")?.let {
            ManagerOverride(it.path("provider").asText(), OverrideReason.valueOf(it.path("reason").asText().uppercase()))
        }
        val on = date(input, "on")
        val out = json(allocateJson(case(input), on, policy, cal, over))
        // The typed API must agree with the JSON one.
        val typed = allocate(decodeCase(case(input)), on, policy, cal, over)
        check(typed.provider == out.path("provider").asText()) { "typed provider ${typed.provider} != json" }
        check(typed.effectiveProvider == out.path("effective_provider").asText()) { "typed effective provider" }
        check(typed.deadline?.toString() == out.get("deadline")?.takeIf { !it.isNull }?.asText()) { "typed deadline" }
        check(typed.rules.map { it.id } == out.path("rules").map { it.path("id").asText() }) { "typed rules" }
        if (over == null) {
            val c = decodeCase(case(input))
            ContactPolicy.preset("ps2021").use { cp ->
                Engine(policy, cp, cal).use { e -> sameAsDirect({ e.allocate(c, on) }, { Direct.allocate(e, c, on) }) }
            }
        }
        return out
    }

    private fun contactPolicy(input: JsonNode): ContactPolicy {
        val p = input.path("policy")
        return if (p.isTextual) ContactPolicy.preset(p.asText()) else ContactPolicy.fromJson(mapper.writeValueAsString(p))
    }

    private fun contact(function: String, input: JsonNode): JsonNode = contactPolicy(input).use { policy ->
        calendarOf(input).use { cal ->
            if (function == "contact.schedule") {
                val out = json(scheduleJson(case(input), policy, cal))
                val typed = schedule(decodeCase(case(input)), policy, cal)
                check(typed.items.map { it.dueBy.toString() } == out.path("items").map { it.path("due_by").asText() }) {
                    "typed schedule items"
                }
                check(typed.rules.map { it.id } == out.path("rules").map { it.path("id").asText() }) { "typed rules" }
                val c = decodeCase(case(input))
                AllocationPolicy.preset("default").use { ap ->
                    Engine(ap, policy, cal).use { e -> sameAsDirect({ e.schedule(c) }, { Direct.schedule(e, c) }) }
                }
                out
            } else {
                val asOf = date(input, "as_of")
                val out = json(complianceJson(case(input), policy, cal, asOf))
                val typed = compliance(decodeCase(case(input)), policy, cal, asOf)
                check(typed.windows.map { it.status.name.lowercase() } == out.path("windows").map { it.path("status").asText() }) {
                    "typed compliance windows"
                }
                check(typed.enforcement.size == out.path("enforcement").size()) { "typed enforcement" }
                out
            }
        }
    }
}
