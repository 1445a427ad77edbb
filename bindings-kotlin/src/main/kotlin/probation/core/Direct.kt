package probation.core

import com.sun.jna.Memory
import com.sun.jna.Native
import com.sun.jna.Pointer
import java.nio.BufferOverflowException
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.time.LocalDate
import probation.core.types.Allocation
import probation.core.types.ApiException
import probation.core.types.Case
import probation.core.types.FfiConverterTypeAllocation
import probation.core.types.FfiConverterTypeApiError
import probation.core.types.FfiConverterTypeCase
import probation.core.types.FfiConverterTypeNaiveDate
import probation.core.types.FfiConverterTypeSchedule
import probation.core.types.FfiConverterTypeTier
import probation.core.types.Schedule
import probation.core.types.Tier

/**
 * Record calls in one FFI call each, with no JNA `Structure` and no buffer allocated per call (issue 18).
 *
 * The same records, results and errors as the generated calls ([tier], [Engine.allocate], [Engine.schedule]),
 * converted by the same generated converters (`FfiConverterTypeCase.write`, `FfiConverterTypeTier.read`, …), so
 * the types stay core's; only the transport differs. The generated call makes three FFI calls (allocate the
 * argument's `RustBuffer`, the call, free the result; a method a fourth, to clone the object's handle) and JNA
 * builds a `Structure` for every `RustBuffer` passed or returned by value. Here the case is written into a
 * buffer this thread owns and reuses, one plain JNA call (numbers only) passes its address, and Rust writes the
 * answer into a second one (`bindings-kotlin/src/direct.rs`). Figures: docs/benchmarks.md#kotlin.
 *
 * Thread-safe (one pair of buffers per thread). Failures are those of the generated calls: [ApiException]
 * (typed, naming the field), `IllegalStateException` for a closed [Engine], `CharacterCodingException` for a
 * string that is not valid UTF-16.
 */
object Direct {
    /** The 2021 tier of a case on `on`: [probation.core.tier] in one FFI call. */
    @JvmStatic
    @Throws(ApiException::class)
    fun tier(case: Case, on: LocalDate): Tier {
        val days = FfiConverterTypeNaiveDate.lower(on)
        return call(case, FfiConverterTypeTier::read) { input, len, out, cap ->
            DirectLib.probation_kotlin_direct_tier(input, len, days, out, cap)
        }
    }

    /** [Engine.allocate] in one FFI call and one handle clone. */
    @JvmStatic
    @Throws(ApiException::class)
    fun allocate(engine: Engine, case: Case, on: LocalDate): Allocation {
        val days = FfiConverterTypeNaiveDate.lower(on)
        return call(case, FfiConverterTypeAllocation::read) { input, len, out, cap ->
            // The handle is cloned for the call, and the clone consumed by Rust, as for a generated method.
            engine.callWithHandle { DirectLib.probation_kotlin_direct_engine_allocate(it, input, len, days, out, cap) }
        }
    }

    /** [Engine.schedule] in one FFI call and one handle clone. */
    @JvmStatic
    @Throws(ApiException::class)
    fun schedule(engine: Engine, case: Case): Schedule =
        call(case, FfiConverterTypeSchedule::read) { input, len, out, cap ->
            engine.callWithHandle { DirectLib.probation_kotlin_direct_engine_schedule(it, input, len, out, cap) }
        }

    /**
     * [Engine.tierJsonLines] with one copy of the lines in and one copy of the output out (the generated call
     * copies them five times: into a `RustBuffer`, its length header dropped, behind a header again, out).
     */
    @JvmStatic
    @Throws(ApiException::class)
    fun tierJsonLines(engine: Engine, lines: ByteArray, on: LocalDate?): ByteArray = jsonLines(engine, TIER, lines, on)

    /** [Engine.allocateJsonLines], as [tierJsonLines]. */
    @JvmStatic
    @Throws(ApiException::class)
    fun allocateJsonLines(engine: Engine, lines: ByteArray, on: LocalDate?): ByteArray =
        jsonLines(engine, ALLOCATE, lines, on)

    /** [Engine.scheduleJsonLines], as [tierJsonLines]. */
    @JvmStatic
    @Throws(ApiException::class)
    fun scheduleJsonLines(engine: Engine, lines: ByteArray): ByteArray = jsonLines(engine, SCHEDULE, lines, null)

    /** [Engine.datesJsonLines], as [tierJsonLines]. */
    @JvmStatic
    @Throws(ApiException::class)
    fun datesJsonLines(engine: Engine, lines: ByteArray, on: LocalDate): ByteArray = jsonLines(engine, DATES, lines, on)

    /**
     * The lines copied into native memory (this thread's input buffer when they fit, else a buffer of the
     * library's allocator), one native call that reads them in place and hands back its output `Vec` (address,
     * length, capacity in `answer`), one copy of that into the result, and the `Vec` freed
     * (`bindings-kotlin/src/direct.rs`, `probation_kotlin_direct_lines`).
     */
    private fun jsonLines(engine: Engine, path: Int, lines: ByteArray, on: LocalDate?): ByteArray {
        val days = if (on == null) 0L else FfiConverterTypeNaiveDate.lower(on)
        val buffers = threadBuffers.get()
        val answer = buffers.answer
        val size = lines.size.toLong()
        // Lines that fit go to this thread's input buffer; larger ones to memory of the library's allocator,
        // which it reuses from call to call (a JNA Memory would be a fresh mapping of the JVM's malloc each time).
        val kept = lines.size <= buffers.inputCapacity
        val input = if (kept) buffers.inputAddress else DirectLib.probation_kotlin_direct_reserve(size)
        if (input == 0L) throw ApiException.Decode("too_large", "lines", "no memory for the lines")
        val status = try {
            Pointer(input).write(0, lines, 0, lines.size)
            engine.callWithHandle {
                DirectLib.probation_kotlin_direct_lines(
                    it, path, input, size, days, if (on == null) 0 else 1, answer.address,
                )
            }
        } finally {
            if (!kept) DirectLib.probation_kotlin_direct_release(input, size)
        }
        if (status != OK.toInt() && status != ERR) {
            throw ApiException.Internal("the library gave no answer; this is a bug")
        }
        val address = answer.memory.getLong(0)
        val len = answer.memory.getLong(8)
        val cap = answer.memory.getLong(16)
        try {
            if (len < 0 || len > Int.MAX_VALUE) throw ApiException.Internal("the library gave no answer; this is a bug")
            val bytes = ByteArray(len.toInt())
            if (len > 0) Pointer(address).read(0, bytes, 0, bytes.size)
            if (status == OK.toInt()) return bytes
            throw FfiConverterTypeApiError.read(ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN))
        } finally {
            DirectLib.probation_kotlin_direct_free(address, len, cap)
        }
    }

    private const val TIER = 0
    private const val ALLOCATE = 1
    private const val SCHEDULE = 2
    private const val DATES = 3
    private const val ERR = 1

    /** Writes the case, makes the native call (`native(input, len, out, cap)`), reads the answer. */
    private inline fun <T> call(case: Case, read: (ByteBuffer) -> T, native: (Long, Int, Long, Int) -> Long): T {
        val buffers = threadBuffers.get()
        val input = buffers.write(case)
        var out = buffers.output
        var n = native(input.address, input.len, out.address, out.capacity)
        if (n < 0 && n != BROKEN) {
            // The answer did not fit: a buffer of the size asked for, and the same (pure) call again.
            out = buffers.outputOf(-n)
            n = native(input.address, input.len, out.address, out.capacity)
        }
        if (n < 1 || n > out.capacity) {
            throw ApiException.Internal("the library gave no answer; this is a bug")
        }
        val answer = out.view(n.toInt())
        return when (answer.get()) {
            OK -> read(answer)
            else -> throw FfiConverterTypeApiError.read(answer)
        }
    }

    private const val OK: Byte = 0
    private const val BROKEN = Long.MIN_VALUE

    private val threadBuffers: ThreadLocal<Buffers> = ThreadLocal.withInitial { Buffers() }
}

/** Native memory and a big-endian view of it (uniffi's byte order). */
private class Region(size: Long) {
    val memory = Memory(size)
    val address: Long = Pointer.nativeValue(memory)
    val capacity: Int = size.toInt()
    private val buffer: ByteBuffer = memory.getByteBuffer(0, size).order(ByteOrder.BIG_ENDIAN)

    fun cleared(): ByteBuffer = buffer.clear()

    fun view(len: Int): ByteBuffer = buffer.clear().limit(len)
}

/** The case is written at `address`, `len` bytes. */
private class Written(val address: Long, val len: Int)

/**
 * A thread's two buffers. They grow to fit (up to [KEPT]; a larger case or answer gets a region for that call
 * only, so one huge case does not pin megabytes to a thread).
 */
private class Buffers {
    private var input = Region(INITIAL)
    var output = Region(INITIAL)
        private set

    fun write(case: Case): Written {
        val first = input
        try {
            val buf = first.cleared()
            FfiConverterTypeCase.write(case, buf)
            return Written(first.address, buf.position())
        } catch (_: BufferOverflowException) {
            // uniffi's upper bound (3 bytes per UTF-16 unit of every string).
            val size = FfiConverterTypeCase.allocationSize(case)
            if (size > Int.MAX_VALUE.toULong()) {
                throw ApiException.Decode("too_large", "", "the case record exceeds 2 GiB")
            }
            val region = Region(size.toLong())
            if (size.toLong() <= KEPT) input = region
            val buf = region.cleared()
            FfiConverterTypeCase.write(case, buf)
            // Kept alive until the call returns: `last` is read by the caller through the address only.
            last = region
            return Written(region.address, buf.position())
        }
    }

    /** Three `i64`s for the address, length and capacity of a JSON-Lines answer. */
    val answer = Region(24)

    /** The kept input region, for JSON Lines that fit in it. */
    val inputAddress: Long get() = input.address
    val inputCapacity: Int get() = input.capacity

    /** The region the last [write] used when it was not the kept one (so that it outlives the native call). */
    private var last: Region? = null

    fun outputOf(size: Long): Region {
        if (size > Int.MAX_VALUE) throw ApiException.Decode("too_large", "", "the answer exceeds 2 GiB")
        val region = Region(size)
        if (size <= KEPT) output = region
        return region
    }

    private companion object {
        const val INITIAL = 16L * 1024
        const val KEPT = 1L shl 20
    }
}

/** The native functions of `bindings-kotlin/src/direct.rs`, bound by JNA direct mapping (numbers only). */
@Suppress("FunctionName")
internal object DirectLib {
    init {
        // The library uniffi loaded (same name, so JNA's NativeLibrary cache gives the same instance; its
        // contract and checksum checks have run).
        UniffiLib.ensureInitialized()
        val override = System.getProperty("uniffi.component.probation_kotlin.libraryOverride")
        Native.register(DirectLib::class.java, override ?: "probation_kotlin")
    }

    external fun probation_kotlin_direct_tier(case: Long, caseLen: Int, on: Long, out: Long, outCap: Int): Long

    external fun probation_kotlin_direct_engine_allocate(
        engine: Long, case: Long, caseLen: Int, on: Long, out: Long, outCap: Int,
    ): Long

    external fun probation_kotlin_direct_engine_schedule(
        engine: Long, case: Long, caseLen: Int, out: Long, outCap: Int,
    ): Long

    external fun probation_kotlin_direct_lines(
        engine: Long, path: Int, input: Long, inputLen: Long, on: Long, hasOn: Int, answer: Long,
    ): Int

    external fun probation_kotlin_direct_free(address: Long, len: Long, cap: Long)

    external fun probation_kotlin_direct_reserve(len: Long): Long

    external fun probation_kotlin_direct_release(address: Long, len: Long)
}
