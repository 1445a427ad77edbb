// Timing main (not a test): the per-call cost of the Kotlin binding for one case, and per case in a batch of
// 10,000. Run: bash bindings-kotlin/bench.sh  (builds the library, then `mvn test-compile exec:java`).
// Debug builds are slow: the script builds the library in release mode for this.
package probation.bench

import probation.core.*
import probation.core.types.*
import java.time.LocalDate

private fun <T> time(label: String, calls: Int, perCall: Int = 1, body: () -> T) {
    repeat(3) { body() } // warm up JIT and caches
    val runs = 5
    val samples = (1..runs).map {
        val t0 = System.nanoTime()
        repeat(calls) { body() }
        (System.nanoTime() - t0).toDouble() / (calls.toLong() * perCall)
    }.sorted()
    val median = samples[runs / 2]
    println(String.format("%-44s %10.2f µs  (median of %d runs, min %.2f µs)", label, median / 1000, runs, samples[0] / 1000))
}

fun main() {
    val on = LocalDate.of(2019, 6, 1)
    val cases = syntheticCases(2026u, 10_000u)
    val one = cases[1]
    val oneJson = encodeCase(one)
    val oneBytes = oneJson.toByteArray()
    println("probation-kotlin benchmark: ${cases.size} synthetic cases (seed 2026), on $on")
    // A 50 MB input is refused (`too_large`) as soon as it arrives: this times getting it across the FFI.
    val big = " ".repeat(50 shl 20) + oneJson
    val bigBytes = big.toByteArray()
    println("-- a 50 MB input (refused as too_large: the cost of passing it)")
    time("decodeCase(String), 50 MB", 5) { runCatching { decodeCase(big) } }
    time("decodeCaseBytes(ByteArray), 50 MB", 5) { runCatching { decodeCaseBytes(bigBytes) } }
    Calendar.englandAndWales().use { cal ->
        AllocationPolicy.preset("default").use { ap ->
            ContactPolicy.preset("tr2014").use { cp ->
                println("-- one case per call")
                time("decodeCase (JSON -> record)", 2_000) { decodeCase(oneJson) }
                time("decodeCaseBytes (UTF-8 bytes -> record)", 2_000) { decodeCaseBytes(oneBytes) }
                time("validate (record)", 2_000) { validate(one) }
                time("allocate (record)", 2_000) { allocate(one, on, ap, cal) }
                time("allocateJson (JSON in, JSON out)", 2_000) { allocateJson(oneJson, on, ap, cal) }
                time("tier (record)", 2_000) { tier(one, on) }
                time("schedule (record)", 1_000) { schedule(one, cp, cal) }
                time("compliance (record)", 1_000) { compliance(one, cp, cal, on) }
                time("calendar.addWorkingDays", 20_000) { cal.addWorkingDays(on, 10u) }
                println("-- batch of ${cases.size}, per case")
                time("allocateBatch", 1, cases.size) { allocateBatch(cases, on, ap, cal) }
                time("tierBatch", 1, cases.size) { tierBatch(cases, on) }
                time("scheduleBatch", 1, cases.size) { scheduleBatch(cases, cp, cal) }
                time("validateBatch", 1, cases.size) { validateBatch(cases) }
                time("allocate, one call per case", 1, cases.size) { cases.forEach { allocate(it, on, ap, cal) } }
            }
        }
    }
}
