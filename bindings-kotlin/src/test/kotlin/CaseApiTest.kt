import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*

/** The case records and JSON in/out: the binding glue, not the rules (the shared vectors check those). */
class CaseApiTest {
    @Test
    fun `json decodes to the same record as built in Kotlin`() {
        assertEquals(Fixtures.case(), decodeCase(Fixtures.JSON))
    }

    @Test
    fun `record to json and back is lossless`() {
        val c = Fixtures.case()
        assertEquals(c, decodeCase(encodeCase(c)))
    }

    @Test
    fun `a valid case has no issues`() {
        assertTrue(validate(Fixtures.case()).isEmpty())
        assertTrue(validateJson(Fixtures.JSON).isEmpty())
        requireValid(Fixtures.case())
    }

    @Test
    fun `case files decode line by line`() {
        val text = Fixtures.JSON.replace("\n", " ") + "\n\nnot json\n" + Fixtures.JSON.replace("\n", " ") + "\n"
        val lines = decodeJsonl(text)
        assertEquals(listOf(1u, 3u, 4u), lines.map { it.line })
        assertEquals(Fixtures.case(), lines[0].case)
        assertNull(lines[1].case)
        assertEquals(ErrorKind.DECODE, lines[1].error!!.kind)
        assertEquals(2, lines.cases().size)
    }

    @Test
    fun `batch validation gives one item per case, in order`() {
        val good = Fixtures.case()
        val invalid = good.copy(events = listOf(good.events[0].copy(sentence = Sentence.CommunityOrder(Length(years = 4u), listOf()))))
        val items = validateBatch(listOf(good, invalid, good))
        assertEquals(3, items.size)
        assertTrue(items[0].issues.isEmpty() && items[0].error == null)
        assertTrue(items[1].issues.isNotEmpty())
        assertTrue(items[2].issues.isEmpty())
        // A code that does not convert fails the whole call, as every argument is converted before it runs.
        val bad = good.copy(person = good.person.copy(homeArea = "C99"))
        assertEquals("person.home_area", assertThrows<ApiException.Decode> { validateBatch(listOf(good, bad)) }.path)
    }
}

/** `readCaseFile` reads bytes: a line that is not UTF-8 is one item error, the rest decode (issue 12). */
class CaseFileTest {
    @Test
    fun `an invalid UTF-8 line is an item error and the other lines decode`() {
        val line = Fixtures.JSON.replace("\n", " ").toByteArray()
        val bad = "{\"schema_version\":1,\"person\":\"".toByteArray() + byteArrayOf(0xC3.toByte(), 0x28) + "\"}".toByteArray()
        val nl = "\n".toByteArray()
        val file = kotlin.io.path.createTempFile("cases", ".jsonl")
        try {
            java.nio.file.Files.write(file, line + nl + bad + nl + line + nl)
            val lines = readCaseFile(file)
            assertEquals(listOf(1u, 2u, 3u), lines.map { it.line })
            assertEquals(Fixtures.case(), lines[0].case)
            assertNull(lines[1].case)
            assertEquals("invalid_utf8", lines[1].error!!.code)
            assertEquals(ErrorKind.DECODE, lines[1].error!!.kind)
            assertEquals(Fixtures.case(), lines[2].case)
            assertEquals(2, lines.cases().size)
        } finally {
            java.nio.file.Files.deleteIfExists(file)
        }
    }
}
