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
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
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
                if (diffs.isNotEmpty()) fail<Unit>("$name:\n  " + diffs.joinToString("\n  ") + "\n  actual: $actual")
            }
        }
    }

    @Test
    fun `an unknown function fails`() {
        val e = runCatching { Vectors.run("no.such.function", nodes.objectNode()) }.exceptionOrNull()
        assertTrue(e is IllegalArgumentException, "unknown functions must fail, got $e")
    }

    /** True when `expected` is a subset of `actual`: object keys recursively, arrays element-wise, numbers within 1e-9. */
    private fun subset(expected: JsonNode, actual: JsonNode, at: String, diffs: MutableList<String>) {
        when {
            expected.isObject && actual.isObject -> expected.properties().forEach { (k, ev) ->
                val av = actual.get(k)
                if (av == null) diffs += "$at.$k: missing in actual" else subset(ev, av, "$at.$k", diffs)
            }
            expected.isArray && actual.isArray -> {
                if (expected.size() != actual.size()) {
                    diffs += "$at: expected ${expected.size()} items, got ${actual.size()}: $actual"
                } else {
                    for (i in 0 until expected.size()) subset(expected[i], actual[i], "$at[$i]", diffs)
                }
            }
            expected.isNumber && actual.isNumber ->
                if (Math.abs(expected.asDouble() - actual.asDouble()) > 1e-9) diffs += "$at: expected $expected, got $actual"
            expected != actual -> diffs += "$at: expected $expected, got $actual"
        }
    }
}

/** Calls the Kotlin API for one vector `function`; returns its output as JSON (errors as `{"error": {...}}`). */
object Vectors {
    private val mapper = ObjectMapper()
    private val nodes = JsonNodeFactory.instance

    fun run(function: String, input: JsonNode): JsonNode = when (function) {
        "case.validate" -> caseValidate(input)
        else -> throw IllegalArgumentException("unknown function `$function`")
    }

    /** The error of a call as the vectors spell it. */
    fun error(e: ApiException): JsonNode {
        val err = nodes.objectNode()
        when (e) {
            is ApiException.Decode -> err.put("kind", "decode").put("path", e.path)
            is ApiException.Validation -> {
                err.put("kind", "validation")
                err.set<JsonNode>("issues", issuesJson(e.issues))
            }
            is ApiException.Policy -> err.put("kind", "policy")
            is ApiException.Calendar -> err.put("kind", "calendar")
            is ApiException.Internal -> err.put("kind", "internal")
        }
        return nodes.objectNode().set("error", err)
    }

    fun issuesJson(issues: List<Issue>): JsonNode =
        nodes.arrayNode().apply { issues.forEach { add(nodes.objectNode().put("path", it.path).put("rule", it.rule)) } }

    private fun caseValidate(input: JsonNode): JsonNode = try {
        val issues = validateJson(mapper.writeValueAsString(input.path("case")))
        val out: ObjectNode = nodes.objectNode().put("valid", issues.isEmpty())
        if (issues.isNotEmpty()) out.set<JsonNode>("issues", issuesJson(issues))
        out
    } catch (e: ApiException) {
        error(e)
    }
}
