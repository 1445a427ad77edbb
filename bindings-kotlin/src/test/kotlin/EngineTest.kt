import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*
import java.time.LocalDate
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * The engine's JSON Lines paths and its record calls: the same answers as the single calls, one output line per
 * input line with per-line errors, and (issue 12) a closed engine, or a closed object passed to build one, is an
 * IllegalStateException, never a read of freed memory — also when closed while other threads use it.
 */
class EngineTest {
    private val on = LocalDate.of(2019, 6, 1)
    private val cases = syntheticCases(2026u, 20u)
    private val input = (cases.joinToString("\n") { encodeCase(it) } + "\n\n{\"person\": 1}\n").toByteArray()

    private fun lines(out: ByteArray) = String(out, Charsets.UTF_8).trimEnd('\n').split('\n')

    @Test
    fun `tierJsonLines gives one line per case, the single call's tier, and a per-line error`() {
        Engine.defaults().use { engine ->
            val out = lines(engine.tierJsonLines(input, on))
            assertEquals(cases.size + 1, out.size)
            cases.forEachIndexed { i, case ->
                val t = tier(case, on)
                assertTrue(out[i].contains("\"tier\":\"${t.tier}\""), out[i])
                assertTrue(out[i].startsWith("{\"crn\":\"${case.person.crn}\",\"line\":${i + 1},"), out[i])
            }
            val err = out.last()
            assertTrue(err.contains("\"error\"") && err.contains("\"kind\":\"decode\"") && err.contains("\"path\":\"person\""), err)
        }
    }

    @Test
    fun `allocate, schedule and dates lines match the record calls`() {
        Calendar.englandAndWales().use { cal ->
            AllocationPolicy.preset("default").use { ap ->
                ContactPolicy.preset("tr2014").use { cp ->
                    Engine(ap, cp, cal).use { engine ->
                        val allocations = lines(engine.allocateJsonLines(input, on))
                        val schedules = lines(engine.scheduleJsonLines(input))
                        val dates = lines(engine.datesJsonLines(input, on))
                        for (out in listOf(allocations, schedules, dates)) assertEquals(cases.size + 1, out.size)
                        cases.forEachIndexed { i, case ->
                            val a = allocate(case, on, ap, cal)
                            assertEquals(a, engine.allocate(case, on))
                            assertTrue(allocations[i].contains("\"provider\":\"${a.provider}\""), allocations[i])
                            assertEquals(schedule(case, cp, cal), engine.schedule(case))
                            assertTrue(schedules[i].contains("\"policy\":\"tr2014\""), schedules[i])
                            assertTrue(dates[i].contains("\"case_id\""), dates[i])
                        }
                    }
                }
            }
        }
    }

    @Test
    fun `bytes that are not UTF-8 or not JSON are error lines, not exceptions`() {
        Engine.defaults().use { engine ->
            val bad = byteArrayOf(0xff.toByte(), 0xfe.toByte(), '\n'.code.toByte()) + "{\"a\":".toByteArray()
            val out = lines(engine.tierJsonLines(bad, null))
            assertEquals(2, out.size)
            assertTrue(out.all { it.contains("\"error\"") }, out.toString())
            assertEquals(0, engine.tierJsonLines(ByteArray(0), null).size)
        }
    }

    @Test
    fun `a closed engine or a closed object passed to build one is IllegalStateException`() {
        val engine = Engine.defaults().also { it.close() }
        assertThrows<IllegalStateException> { engine.tierJsonLines(input, on) }
        assertThrows<IllegalStateException> { engine.allocateJsonLines(input, on) }
        assertThrows<IllegalStateException> { engine.scheduleJsonLines(input) }
        assertThrows<IllegalStateException> { engine.datesJsonLines(input, on) }
        assertThrows<IllegalStateException> { engine.allocate(cases[0], on) }
        assertThrows<IllegalStateException> { engine.schedule(cases[0]) }
        val closedCal = Calendar.englandAndWales().also { it.close() }
        AllocationPolicy.preset("default").use { ap ->
            ContactPolicy.preset("tr2014").use { cp ->
                assertThrows<IllegalStateException> { Engine(ap, cp, closedCal) }
                // Built from open objects, the engine holds its own copies: closing them does not affect it.
                val cal = Calendar.englandAndWales()
                Engine(ap, cp, cal).use { e ->
                    cal.close()
                    assertFalse(lines(e.allocateJsonLines(input, on)).first().contains("\"error\""))
                }
            }
        }
    }

    @Test
    fun `closing an engine while threads use it gives only results or IllegalStateException`() {
        val expected = Engine.defaults().use { it.tierJsonLines(input, on) }.toList()
        val pool = Executors.newFixedThreadPool(8)
        try {
            repeat(20) {
                val engine = Engine.defaults()
                val tasks = (1..8).map {
                    pool.submit(Callable {
                        repeat(20) {
                            try {
                                assertEquals(expected, engine.tierJsonLines(input, on).toList())
                            } catch (_: IllegalStateException) {
                            }
                        }
                    })
                }
                engine.close()
                tasks.forEach { it.get(60, TimeUnit.SECONDS) }
            }
        } finally {
            pool.shutdownNow()
        }
    }

    @Test
    fun `the Java facade rethrows the typed error unchecked`() {
        val e = assertThrows<ProbationException> { Probation.decodeCase("{\"person\": 1}") }
        assertTrue(e.error is ApiException.Decode)
        assertEquals("person", (e.error as ApiException.Decode).path)
        Probation.engine().use { engine ->
            assertEquals(lines(engine.tierJsonLines(input, on)), lines(Probation.tierJsonLines(engine, input, on)))
        }
        Probation.calendar().use { cal ->
            assertEquals(LocalDate.of(2019, 6, 4), Probation.addWorkingDays(cal, on, 2))
        }
    }
}
