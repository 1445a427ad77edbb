package probation.core

// One uniffi call status per thread, reused by every FFI call that thread makes.
//
// uniffi's generated Kotlin allocates a fresh `UniffiRustCallStatus` (a JNA `Structure`, with a nested
// `RustBuffer` Structure) for every FFI call, and a single binding call makes several FFI calls (allocate the
// argument buffer, clone each object handle, the call itself, free the result). Each JNA Structure allocates a
// `com.sun.jna.Memory`, which JNA tracks in a global map and a Cleaner; in our measurements these were freed
// only by a full GC, so they piled up by the million and made every call slower (docs/benchmarks.md, Kotlin).
// `scripts/build-kotlin.sh` points the generated `uniffiRustCallWithError` at this function instead.
//
// Why reuse is safe: the status is used by one thread only; FFI calls nested in the lowering of arguments run
// (and are checked) before the outer native call; after that call only its code is read before its error
// buffer is lifted and freed. Rust writes the status only on failure and never frees or reads the previous
// error buffer (it is owned by this side and has already been freed when it was lifted), so only the code
// needs resetting. This relies on Rust never calling back into Kotlin during a call: if callback interfaces or
// async functions are ever exported, revisit it (a callback's own FFI calls would share the outer status).
private val callStatus: ThreadLocal<UniffiRustCallStatus> = ThreadLocal.withInitial { UniffiRustCallStatus() }

internal fun uniffiReusedCallStatus(): UniffiRustCallStatus {
    val status = callStatus.get()
    status.code = UNIFFI_CALL_SUCCESS
    return status
}

// A string's UTF-8 bytes when it has no surrogate (UTF-16 code units D800-DFFF), else null: the generated
// `FfiConverterString.toUtf8` then falls back to its CharsetEncoder, which refuses a lone surrogate. Without a
// surrogate the two encodings are the same bytes; `toByteArray` is the JDK's intrinsic (a copy for Latin-1
// strings) where the encoder costs an object and a buffer per string (patch 3 of scripts/build-kotlin.sh).
internal fun uniffiUtf8OrNull(value: String): java.nio.ByteBuffer? {
    for (i in 0 until value.length) {
        if (value[i].isSurrogate()) return null
    }
    return java.nio.ByteBuffer.wrap(value.toByteArray(Charsets.UTF_8))
}
