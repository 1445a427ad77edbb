import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*
import java.time.LocalDate
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.random.Random

/**
 * The fast paths (issue 18: the engine's JSON Lines calls, its record calls, the Java facade's batch and engine
 * calls) against what crashed JVMs in the hostile-input issue: a closed object used or passed, objects closed
 * while other threads call, bytes that are not JSON or not UTF-8, over-long and over-deep lines. Each is a
 * typed exception or an error line, never a crash of the JVM or a read of freed memory, and no output repeats a
 * value from the input.
 */
class FastPathHostileTest {
    private val on = LocalDate.of(2019, 6, 1)
    private val cases = syntheticCases(7u, 8u)
    private val input = cases.joinToString("\n", postfix = "\n") { encodeCase(it) }.toByteArray()

    private fun lines(out: ByteArray) = String(out, Charsets.UTF_8).trimEnd('\n').split('\n').filter { it.isNotEmpty() }

    /** Every bytes path of an engine, through the Kotlin API and the Java facade. */
    private fun bytesPaths(engine: Engine, bytes: ByteArray): List<() -> ByteArray> = listOf(
        { engine.tierJsonLines(bytes, on) },
        { engine.tierJsonLines(bytes, null) },
        { engine.allocateJsonLines(bytes, on) },
        { engine.scheduleJsonLines(bytes) },
        { engine.datesJsonLines(bytes, on) },
        { Probation.tierJsonLines(engine, bytes, on) },
        { Probation.allocateJsonLines(engine, bytes, null) },
        { Probation.scheduleJsonLines(engine, bytes) },
        { Probation.datesJsonLines(engine, bytes, on) },
    )

    @Test
    fun `every fast path of a closed engine or with a closed object is IllegalStateException`() {
        val engine = Engine.defaults().also { it.close() }
        engine.close() // twice is harmless
        bytesPaths(engine, input).forEach { call -> assertThrows<IllegalStateException> { call() } }
        assertThrows<IllegalStateException> { Probation.allocate(engine, cases[0], on) }
        assertThrows<IllegalStateException> { engine.schedule(cases[0]) }
        val closedPolicy = AllocationPolicy.preset("default").also { it.close() }
        val closedCal = Calendar.englandAndWales().also { it.close() }
        Calendar.englandAndWales().use { cal ->
            assertThrows<IllegalStateException> { Probation.allocateBatch(cases, on, closedPolicy, cal) }
        }
        AllocationPolicy.preset("default").use { ap ->
            assertThrows<IllegalStateException> { Probation.allocateBatch(cases, on, ap, closedCal) }
            ContactPolicy.preset("tr2014").use { cp ->
                assertThrows<IllegalStateException> { Probation.engine(ap, cp, closedCal) }
                assertThrows<IllegalStateException> { Probation.engine(closedPolicy, cp, Calendar.englandAndWales()) }
            }
        }
    }

    @Test
    fun `closing the engine and the objects while threads call every fast path gives results or IllegalStateException`() {
        val expected = Engine.defaults().use { e -> bytesPaths(e, input).map { it().toList() } }
        val expectedAllocation = Engine.defaults().use { it.allocate(cases[0], on) }
        val pool = Executors.newFixedThreadPool(8)
        try {
            repeat(10) {
                val engine = Engine.defaults()
                val ap = AllocationPolicy.preset("default")
                val cal = Calendar.englandAndWales()
                val start = CountDownLatch(1)
                val tasks = (0 until 8).map { t ->
                    pool.submit(Callable {
                        start.await()
                        repeat(10) { i ->
                            try {
                                when ((t + i) % 4) {
                                    0, 1 -> {
                                        val k = (t + i) % expected.size
                                        assertEquals(expected[k], bytesPaths(engine, input)[k]().toList())
                                    }
                                    2 -> assertEquals(cases.size, Probation.allocateBatch(cases, on, ap, cal).size)
                                    else -> assertEquals(expectedAllocation, Probation.allocate(engine, cases[0], on))
                                }
                            } catch (_: IllegalStateException) {
                            }
                        }
                    })
                }
                start.countDown()
                engine.close()
                ap.close()
                cal.close()
                tasks.forEach { it.get(60, TimeUnit.SECONDS) }
            }
        } finally {
            pool.shutdownNow()
        }
    }

    @Test
    fun `garbage bytes give one error line per non-blank line, never an exception`() {
        Engine.defaults().use { engine ->
            val random = Random(18)
            repeat(50) {
                val garbage = random.nextBytes(random.nextInt(1, 4096))
                val nonBlank = String(garbage, Charsets.ISO_8859_1).split('\n').count { it.isNotBlank() }
                bytesPaths(engine, garbage).forEach { call ->
                    val out = lines(call())
                    assertTrue(out.size <= nonBlank, "${out.size} lines for $nonBlank")
                    assertTrue(out.all { it.contains("\"error\"") }, out.toString())
                }
            }
            // Not UTF-8, a lone surrogate in UTF-8 form, NULs, a valid case: three errors and one result.
            val mixed = byteArrayOf(0xc3.toByte(), 0x28, '\n'.code.toByte(), 0xed.toByte(), 0xa0.toByte(), 0x80.toByte(), '\n'.code.toByte(), 0, 0, '\n'.code.toByte()) +
                encodeCase(cases[0]).toByteArray()
            bytesPaths(engine, mixed).forEach { call ->
                val out = lines(call())
                assertEquals(4, out.size, out.toString())
                assertTrue(out.take(3).all { it.contains("\"error\"") }, out.toString())
                assertFalse(out[3].contains("\"error\""), out[3])
            }
        }
    }

    @Test
    fun `over-long and over-deep lines are error lines naming the limit, and the next line is still read`() {
        Engine.defaults().use { engine ->
            val secret = "SECRET-VALUE"
            val long = ("{\"person\": {\"name\": \"$secret" + "x".repeat(2 shl 20) + "\"}}\n").toByteArray()
            val deep = ("[".repeat(100_000) + "\n").toByteArray()
            val bytes = long + deep + encodeCase(cases[0]).toByteArray()
            bytesPaths(engine, bytes).forEach { call ->
                val out = lines(call())
                assertEquals(3, out.size)
                assertTrue(out[0].contains("\"kind\":\"decode\"") && out[0].contains("larger than the limit"), out[0].take(200))
                assertTrue(out[1].contains("\"error\""), out[1].take(200))
                assertFalse(out[2].contains("\"error\""), out[2].take(200))
                assertFalse(out.any { it.contains(secret) })
            }
        }
    }
}
