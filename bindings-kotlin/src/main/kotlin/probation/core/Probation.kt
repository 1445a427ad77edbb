package probation.core

import java.nio.file.Path
import java.time.LocalDate
import probation.core.types.ApiException
import probation.core.types.Case

/**
 * An [ApiException] rethrown unchecked, for Java: uniffi's Kotlin declares `@Throws(ApiException::class)` and
 * `ApiException` is a checked exception to javac, so every Java call would need a `throws` clause. [error] is
 * the typed error (`ApiException.Decode`, `.Validation`, …: code, field path, reason; never a value from the
 * input).
 */
class ProbationException(val error: ApiException) : RuntimeException(error.message, error)

private inline fun <T> unchecked(f: () -> T): T =
    try {
        f()
    } catch (e: ApiException) {
        throw ProbationException(e)
    }

/**
 * The Java facade: static methods (`Probation.tier(case, on)`) with no checked exceptions (a failure is a
 * [ProbationException]) and no Kotlin-only types (`Int`/`Long` where the Kotlin API takes `UInt`/`ULong`).
 * Each is one line delegating to the Kotlin API, which Kotlin callers use directly (the record calls `tier`,
 * and the engine's `allocate` and `schedule`, to [Direct]). docs/kotlin.md#java.
 */
object Probation {
    /** A case from its JSON interchange form. */
    @JvmStatic fun decodeCase(json: String): Case = unchecked { probation.core.decodeCase(json) }

    /** A case from UTF-8 JSON bytes (cheaper than a String for bytes you already hold). */
    @JvmStatic fun decodeCaseBytes(json: ByteArray): Case = unchecked { probation.core.decodeCaseBytes(json) }

    /** A case's JSON interchange form. */
    @JvmStatic fun encodeCase(case: Case): String = unchecked { probation.core.encodeCase(case) }

    /** Every line of a JSON Lines case file: its case or its error. */
    @JvmStatic fun readCaseFile(path: Path): List<DecodedLine> = unchecked { probation.core.readCaseFile(path) }

    /** The validation issues of a case (empty = valid). */
    @JvmStatic fun validate(case: Case) = unchecked { probation.core.validate(case) }

    /** The 2021 tier of a case on `on` ([Direct.tier]: the record call in one FFI call). */
    @JvmStatic fun tier(case: Case, on: LocalDate) = unchecked { Direct.tier(case, on) }

    /** The allocation of a case on `on` under `policy`, deadlines counted on `calendar`. */
    @JvmStatic fun allocate(case: Case, on: LocalDate, policy: AllocationPolicy, calendar: Calendar) =
        unchecked { probation.core.allocate(case, on, policy, calendar) }

    /** The contact schedule of a case. */
    @JvmStatic fun schedule(case: Case, policy: ContactPolicy, calendar: Calendar) =
        unchecked { probation.core.schedule(case, policy, calendar) }

    /** The tier of every case on `on`, in one call: one [TierItem] (tier or error) per case, in order. */
    @JvmStatic fun tierBatch(cases: List<Case>, on: LocalDate): List<TierItem> =
        unchecked { probation.core.tierBatch(cases, on) }

    /** The allocation of every case on `on`, in one call: one [AllocationItem] per case, in order. */
    @JvmStatic fun allocateBatch(cases: List<Case>, on: LocalDate, policy: AllocationPolicy, calendar: Calendar): List<AllocationItem> =
        unchecked { probation.core.allocateBatch(cases, on, policy, calendar) }

    /** [Engine.allocate]: one case with the engine's policy and calendar ([Direct.allocate]: one FFI call). */
    @JvmStatic fun allocate(engine: Engine, case: Case, on: LocalDate) = unchecked { Direct.allocate(engine, case, on) }

    /** [Engine.schedule]: the contact schedule of one case with the engine's policy and calendar ([Direct.schedule]). */
    @JvmStatic fun schedule(engine: Engine, case: Case) = unchecked { Direct.schedule(engine, case) }

    /** The England & Wales working-day calendar (close it, or use try-with-resources). */
    @JvmStatic fun calendar(): Calendar = Calendar.englandAndWales()

    /** The n-th working day after `date` ([Calendar.addWorkingDays] with an `int`). */
    @JvmStatic fun addWorkingDays(calendar: Calendar, date: LocalDate, n: Int): LocalDate =
        unchecked {
            require(n >= 0) { "n must not be negative" }
            calendar.addWorkingDays(date, n.toUInt())
        }

    /** A built-in allocation policy (`default`, `verified-only`). */
    @JvmStatic fun allocationPolicy(name: String): AllocationPolicy = unchecked { AllocationPolicy.preset(name) }

    /** A built-in contact policy (`ns2007`, `tr2014`, `ps2021`). */
    @JvmStatic fun contactPolicy(name: String): ContactPolicy = unchecked { ContactPolicy.preset(name) }

    /** An engine with the `default` allocation policy, the `ps2021` contact policy and the E&W calendar. */
    @JvmStatic fun engine(): Engine = Engine.defaults()

    /** An engine with these policies and calendar (copied into it). */
    @JvmStatic fun engine(allocationPolicy: AllocationPolicy, contactPolicy: ContactPolicy, calendar: Calendar): Engine =
        Engine(allocationPolicy, contactPolicy, calendar)

    /** [Engine.tierJsonLines]: JSON Lines of cases in, one result or error line per case out; `on` may be null. */
    @JvmStatic fun tierJsonLines(engine: Engine, lines: ByteArray, on: LocalDate?): ByteArray =
        unchecked { Direct.tierJsonLines(engine, lines, on) }

    /** [Engine.allocateJsonLines]; `on` may be null (each case's newest sentence date). */
    @JvmStatic fun allocateJsonLines(engine: Engine, lines: ByteArray, on: LocalDate?): ByteArray =
        unchecked { Direct.allocateJsonLines(engine, lines, on) }

    /** [Engine.scheduleJsonLines]. */
    @JvmStatic fun scheduleJsonLines(engine: Engine, lines: ByteArray): ByteArray =
        unchecked { Direct.scheduleJsonLines(engine, lines) }

    /** [Engine.datesJsonLines]: key dates, and release dates calculated on `on`. */
    @JvmStatic fun datesJsonLines(engine: Engine, lines: ByteArray, on: LocalDate): ByteArray =
        unchecked { Direct.datesJsonLines(engine, lines, on) }

    /** A deterministic synthetic caseload (clearly fake people), at most 100,000 cases. */
    @JvmStatic fun syntheticCases(seed: Long, count: Int): List<Case> =
        unchecked {
            require(count >= 0) { "count must not be negative" }
            probation.core.syntheticCases(seed.toULong(), count.toUInt())
        }
}
