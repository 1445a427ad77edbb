import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import probation.core.*
import probation.core.types.*
import java.nio.file.Files
import java.nio.file.Paths
import kotlin.io.path.extension
import kotlin.io.path.isRegularFile

/**
 * Issue 12, through the Kotlin API: over every hostile vector (tests/vectors/hostile/), no exception message or
 * path, and no validation issue's path or message, contains a key or value of the input that is not one of the
 * format's own names. The same check as core/tests/vectors.rs runs in Rust and test_untrusted_keys.py in Python:
 * every token of the input counts, not only the personal values a vector's author listed. Format names are the
 * JSON Schema's property names, enum values and constants, the known register codes (listed in the schema) and the
 * need areas; tokens shorter than 3 characters are skipped (codes such as `M4` are words of the rules' messages).
 */
class HostileKeysTest {
    private val mapper = ObjectMapper()
    private val repo = Paths.get(System.getProperty("probation.vectors") ?: "../tests/vectors").toAbsolutePath().normalize()
        .parent.parent

    private fun formatNames(): Set<String> {
        val out = HashSet<String>()
        fun walk(n: JsonNode) {
            if (n.isObject) {
                n.properties().forEach { (k, v) ->
                    when {
                        k == "properties" && v.isObject -> v.fieldNames().forEach { out += it }
                        k == "enum" && v.isArray -> v.filter { it.isTextual }.forEach { out += it.asText() }
                        k == "const" && v.isTextual -> out += v.asText()
                        k == "description" && v.isTextual && v.asText().startsWith("nDelius register code; known:") ->
                            v.asText().substringAfter("known:").substringBefore(";").split(",").forEach { out += it.trim() }
                    }
                    walk(v)
                }
            } else if (n.isArray) n.forEach { walk(it) }
        }
        walk(mapper.readTree(repo.resolve("schema/case.schema.json").toFile()))
        NeedArea.entries.forEach { out += it.name.lowercase() }
        return out.map { it.lowercase() }.toSet()
    }

    /** Each string's content (raw and, when it can be, unescaped) and each bare word outside strings. */
    private fun tokens(text: String): List<String> {
        val out = ArrayList<String>()
        var i = 0
        while (i < text.length) {
            val c = text[i]
            if (c == '"') {
                var j = i + 1
                while (j < text.length && text[j] != '"') j += if (text[j] == '\\') 2 else 1
                val raw = text.substring(i + 1, minOf(j, text.length))
                out += raw
                runCatching { mapper.readValue("\"$raw\"", String::class.java) }.getOrNull()?.let { out += it }
                i = j + 1
            } else if (c.isLetterOrDigit() || c.code >= 0x80) {
                val start = i
                while (i < text.length && (text[i].isLetterOrDigit() || text[i].code >= 0x80 || text[i] in "_-+./:")) i++
                val word = text.substring(start, i)
                if (word.toDoubleOrNull() == null && word !in setOf("true", "false", "null")) out += word
            } else i++
        }
        return out
    }

    private fun inputText(input: JsonNode): Pair<String, () -> List<Issue>> = when {
        input.has("text") -> input.path("text").asText().let { t -> t to { validateJson(t) } }
        input.has("bytes_base64") -> {
            val b = java.util.Base64.getDecoder().decode(input.path("bytes_base64").asText())
            String(b, Charsets.UTF_8) to { validateJsonBytes(b) }
        }
        else -> {
            val g = input.path("generate")
            val full = g.path("prefix").asText() + g.path("repeat").asText().repeat(g.path("count").asInt()) +
                g.path("suffix").asText()
            // The repetition adds no token the first few copies do not have.
            (g.path("prefix").asText() + g.path("repeat").asText().repeat(minOf(3, g.path("count").asInt())) +
                g.path("suffix").asText()) to { validateJson(full) }
        }
    }

    @Test
    fun `no hostile input token reaches an exception, a path or an issue`() {
        val names = formatNames()
        assertTrue("date_of_birth" in names && "community_order" in names && "rhrh" in names)
        val files = Files.walk(repo.resolve("tests/vectors/hostile")).use { s ->
            s.filter { it.isRegularFile() && it.extension == "json" }.sorted().toList()
        }
        var checked = 0
        var tokensChecked = 0
        val failures = ArrayList<String>()
        for (file in files) {
            val doc = mapper.readTree(file.toFile())
            doc.path("cases").forEachIndexed { i, case ->
                val (text, run) = inputText(case.path("input"))
                val exposed = StringBuilder()
                try {
                    val issues = run()
                    if (issues.isEmpty()) return@forEachIndexed
                    issues.forEach { exposed.append(it.path).append('\n').append(it.message).append('\n') }
                } catch (e: ApiException) {
                    exposed.append(e.message.orEmpty()).append('\n')
                    if (e is ApiException.Decode) exposed.append(e.path)
                }
                checked++
                val shown = exposed.toString().lowercase()
                val leaked = tokens(text).map { it.lowercase() }.filter { it.length >= 3 && it !in names }
                    .onEach { tokensChecked++ }.filter { shown.contains(it) }.distinct()
                if (leaked.isNotEmpty()) failures += "${file.fileName}#$i ${case.path("description").asText()}: $leaked in $shown"
            }
        }
        assertTrue(checked > 150, "only $checked failing cases checked")
        assertTrue(tokensChecked > 1000, "only $tokensChecked tokens checked")
        assertTrue(failures.isEmpty(), failures.joinToString("\n"))
    }
}
