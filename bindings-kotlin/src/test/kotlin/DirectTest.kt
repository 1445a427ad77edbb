import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import probation.core.*
import probation.core.types.*
import java.time.LocalDate
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * [Direct], the record calls in one FFI call (issue 18, 3(b)), gives exactly what the generated calls give: the
 * same records on many cases (and on every shared vector: `Vectors` checks tier, allocation and schedule
 * vectors through both), the same typed errors for values that do not lift, IllegalStateException for a closed
 * engine (also while other threads call), large cases beyond its reused buffers, and no JNA memory per call.
 */
class DirectTest {
    private val on = LocalDate.of(2019, 6, 1)
    private val cases = syntheticCases(2026u, 300u)

    private fun errorOf(f: () -> Any): ApiException = assertThrows<ApiException> { f() }

    private fun assertSameError(generated: () -> Any, direct: () -> Any) {
        val g = errorOf(generated)
        val d = errorOf(direct)
        assertEquals(g.javaClass, d.javaClass)
        assertEquals(Vectors.error(g), Vectors.error(d))
    }

    @Test
    fun `the same records as the generated calls, case after case`() {
        Engine.defaults().use { engine ->
            for (case in cases) {
                assertEquals(tier(case, on), Direct.tier(case, on))
                assertEquals(tier(case, on), Probation.tier(case, on))
                assertEquals(engine.allocate(case, on), Direct.allocate(engine, case, on))
                assertEquals(engine.schedule(case), Direct.schedule(engine, case))
            }
        }
    }

    @Test
    fun `values that do not lift are the same typed errors, and the next call still works`() {
        val case = cases[1]
        val badCrn = case.copy(person = case.person.copy(crn = "not a crn"))
        assertSameError({ tier(badCrn, on) }, { Direct.tier(badCrn, on) })
        assertEquals("person.crn", (errorOf { Direct.tier(badCrn, on) } as ApiException.Decode).path)
        assertSameError({ tier(case, LocalDate.MAX) }, { Direct.tier(case, LocalDate.MAX) })
        val badArea = case.copy(person = case.person.copy(homeArea = "not an area"))
        assertSameError({ tier(badArea, on) }, { Direct.tier(badArea, on) })
        Engine.defaults().use { engine ->
            assertSameError({ engine.allocate(badCrn, on) }, { Direct.allocate(engine, badCrn, on) })
            assertSameError({ engine.schedule(badCrn) }, { Direct.schedule(engine, badCrn) })
            assertEquals(engine.allocate(case, on), Direct.allocate(engine, case, on))
        }
        // A string that is not valid UTF-16 is refused before the call, as by the generated code.
        val surrogate = case.copy(person = case.person.copy(crn = "X\uD800"))
        assertThrows<java.nio.charset.CharacterCodingException> { Direct.tier(surrogate, on) }
        assertEquals(tier(case, on), Direct.tier(case, on))
        // A rule error of core (not a lift error) comes through typed as well.
        val empty = case.copy(events = emptyList())
        runCatching { tier(empty, on) }.exceptionOrNull()?.let { assertSameError({ tier(empty, on) }, { Direct.tier(empty, on) }) }
    }

    @Test
    fun `a closed engine is IllegalStateException, also when closed while threads call`() {
        val closed = Engine.defaults().also { it.close() }
        assertThrows<IllegalStateException> { Direct.allocate(closed, cases[0], on) }
        assertThrows<IllegalStateException> { Direct.schedule(closed, cases[0]) }
        assertThrows<IllegalStateException> { Probation.allocate(closed, cases[0], on) }
        val expected = Engine.defaults().use { it.allocate(cases[0], on) }
        val pool = Executors.newFixedThreadPool(8)
        try {
            repeat(10) {
                val engine = Engine.defaults()
                val start = CountDownLatch(1)
                val tasks = (0 until 8).map {
                    pool.submit(Callable {
                        start.await()
                        repeat(20) {
                            try {
                                assertEquals(expected, Direct.allocate(engine, cases[0], on))
                                Direct.schedule(engine, cases[0])
                            } catch (_: IllegalStateException) {
                            }
                            assertEquals(tier(cases[0], on), Direct.tier(cases[0], on))
                        }
                    })
                }
                start.countDown()
                engine.close()
                tasks.forEach { it.get(60, TimeUnit.SECONDS) }
            }
        } finally {
            pool.shutdownNow()
        }
    }

    @Test
    fun `a case larger than the reused buffers gives the generated call's answer`() {
        val case = cases[1]
        // 3 MiB of strings: past the kept 1 MiB, so the call uses a buffer of its own; then a small case again.
        val big = case.copy(person = case.person.copy(name = PersonName(given = "x".repeat(3 shl 20), family = "Fake")))
        assertSameOutcome({ tier(big, on) }, { Direct.tier(big, on) })
        val mid = case.copy(person = case.person.copy(name = PersonName(given = "y".repeat(100_000), family = "Fake")))
        assertSameOutcome({ tier(mid, on) }, { Direct.tier(mid, on) })
        assertEquals(tier(case, on), Direct.tier(case, on))
    }

    private fun assertSameOutcome(generated: () -> Any, direct: () -> Any) {
        val g = runCatching(generated)
        val d = runCatching(direct)
        if (g.isSuccess) assertEquals(g.getOrNull(), d.getOrThrow()) else assertSameError(generated, direct)
    }

    @Test
    fun `a call allocates no JNA memory`() {
        val live = runCatching {
            com.sun.jna.Memory::class.java.getDeclaredField("allocatedMemory").apply { isAccessible = true }.get(null) as Map<*, *>
        }.getOrNull()
        assumeTrue(live != null, "JNA's allocatedMemory field not found")
        val case = cases[1]
        val expected = tier(case, on)
        repeat(1_000) { Direct.tier(case, on) }
        val before = live!!.size
        repeat(10_000) { assertEquals(expected, Direct.tier(case, on)) }
        assertTrue(live.size - before < 1_000, "JNA Memory blocks grew by ${live.size - before} over 10,000 calls")
        assertFalse(expected.rules.isEmpty())
    }

    @Test
    fun `the JSON-Lines calls give the generated calls' bytes, small, empty and past the input buffer`() {
        val small = cases.take(3).joinToString("\n", postfix = "\n") { encodeCase(it) }.toByteArray()
        // Past the thread's 16 KiB input buffer: a region for the call, freed after it.
        val large = cases.joinToString("\n", postfix = "\n") { encodeCase(it) }.toByteArray()
        assertTrue(large.size > 16 * 1024)
        Engine.defaults().use { engine ->
            for (bytes in listOf(small, large, ByteArray(0), "\n \nnot json\n".toByteArray(), small)) {
                assertEquals(engine.tierJsonLines(bytes, on).toList(), Direct.tierJsonLines(engine, bytes, on).toList())
                assertEquals(engine.tierJsonLines(bytes, null).toList(), Direct.tierJsonLines(engine, bytes, null).toList())
                assertEquals(engine.allocateJsonLines(bytes, on).toList(), Direct.allocateJsonLines(engine, bytes, on).toList())
                assertEquals(engine.scheduleJsonLines(bytes).toList(), Direct.scheduleJsonLines(engine, bytes).toList())
                assertEquals(engine.datesJsonLines(bytes, on).toList(), Direct.datesJsonLines(engine, bytes, on).toList())
            }
            assertEquals(0, Direct.tierJsonLines(engine, ByteArray(0), on).size)
            assertEquals(cases.size, String(Direct.tierJsonLines(engine, large, on)).trimEnd().split('\n').size)
        }
        val closed = Engine.defaults().also { it.close() }
        assertThrows<IllegalStateException> { Direct.tierJsonLines(closed, small, on) }
        assertThrows<IllegalStateException> { Direct.datesJsonLines(closed, large, on) }
    }
}
