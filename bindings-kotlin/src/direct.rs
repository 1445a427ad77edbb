//! Record calls in one FFI call, with no JNA `Structure` (issue 18, 3(b); Kotlin's `Direct`, docs/kotlin.md).
//!
//! uniffi's generated Kotlin makes three or four FFI calls for one record call — allocate the argument
//! `RustBuffer`, clone the object handle (methods), the call, free the result — and JNA builds a `Structure`
//! (reflection, a `com.sun.jna.Memory`) for every `RustBuffer` passed or returned by value. These functions take
//! plain numbers instead: the address and length of a buffer the caller owns and reuses (one per thread,
//! `bindings-kotlin/src/main/kotlin/probation/core/Direct.kt`), holding the record as uniffi's own Kotlin
//! writes it (`FfiConverterTypeCase.write`), and the address and capacity of a second one for the answer, which
//! is written with uniffi's own lowering: a status byte, then the result record ([`OK`]) or the `ApiError`
//! ([`ERR`]), read back with `FfiConverterTypeTier.read` / `FfiConverterTypeApiError.read`. The types and their
//! conversions stay those core declares (docs/bindings.md); only the transport differs.
//!
//! Return value: the number of bytes of the answer; when it does not fit in `out_cap`, minus the number needed
//! (nothing written; the caller grows its buffer and calls again — the calls are pure); [`BROKEN`] if the answer
//! itself could not be produced (a bug: the caller throws `ApiException.Internal`).
//!
//! Not exported through uniffi (no metadata, no checksum): the Kotlin side binds these symbols with JNA direct
//! mapping, and `tests` below and the Kotlin tests (`DirectTest`, every shared vector) check both sides agree.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use chrono::NaiveDate;
use probation_core::allocation as alloc;
use probation_core::contact as c;
use probation_core::model::Case;
use probation_core::tier as t;
use uniffi::{Lift, Lower};

use crate::engine::Engine;
use crate::error::guard;
use crate::{ApiError, UniFfiTag};

/// Status byte of an answer holding the result record.
pub const OK: u8 = 0;
/// Status byte of an answer holding an `ApiError`.
pub const ERR: u8 = 1;
/// Returned when no answer could be written (a panic while lowering it, a length over `i64`): a bug.
pub const BROKEN: i64 = i64::MIN;

/// A lift failure as uniffi's scaffolding reports it: core's custom types raise `ApiError` (typed, naming the
/// field); anything else is a malformed buffer.
fn lift_error(e: uniffi::deps::anyhow::Error) -> ApiError {
    e.downcast::<ApiError>()
        .unwrap_or_else(|_| ApiError::decode("", "the record could not be read"))
}

/// The bytes at `ptr` (`len` of them).
///
/// # Safety
/// `ptr` is null or points to `len` bytes readable for the call.
unsafe fn input<'a>(ptr: *const u8, len: i32) -> Result<&'a [u8], ApiError> {
    let len = usize::try_from(len).map_err(|_| ApiError::decode("", "negative record length"))?;
    if ptr.is_null() {
        return Err(ApiError::decode("", "no record buffer"));
    }
    // SAFETY: the caller's contract.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// A case record as `FfiConverterTypeCase.write` wrote it, every byte used.
pub fn read_case(mut buf: &[u8]) -> Result<Case, ApiError> {
    let case = <Case as Lift<UniFfiTag>>::try_read(&mut buf).map_err(lift_error)?;
    if !buf.is_empty() {
        return Err(ApiError::decode("", "bytes left after the record"));
    }
    Ok(case)
}

/// A date as `FfiConverterTypeNaiveDate.lower` gives it (epoch days).
fn date(days: i64) -> Result<NaiveDate, ApiError> {
    <NaiveDate as Lift<UniFfiTag>>::try_lift(days).map_err(lift_error)
}

/// The answer's bytes: status byte, then the record or the error, as uniffi lowers them.
pub fn answer<T: Lower<UniFfiTag>>(result: Result<T, ApiError>) -> Vec<u8> {
    let mut buf = Vec::with_capacity(1024);
    match result {
        Ok(value) => {
            buf.push(OK);
            <T as Lower<UniFfiTag>>::write(value, &mut buf);
        }
        Err(e) => {
            buf.push(ERR);
            <ApiError as Lower<UniFfiTag>>::write(e, &mut buf);
        }
    }
    buf
}

/// Runs `call` and writes its answer to `out`, as the module doc says; never unwinds.
///
/// # Safety
/// `out` is null or points to `out_cap` bytes writable for the call, not overlapping any input.
unsafe fn respond<T: Lower<UniFfiTag>>(
    out: *mut u8,
    out_cap: i32,
    call: impl FnOnce() -> Result<T, ApiError>,
) -> i64 {
    let written = catch_unwind(AssertUnwindSafe(|| {
        let bytes = answer(guard(call));
        let len = i64::try_from(bytes.len()).ok()?;
        let fits = usize::try_from(out_cap).is_ok_and(|cap| bytes.len() <= cap);
        if !fits || out.is_null() {
            return Some(-len);
        }
        // SAFETY: `out` holds `out_cap` ≥ `bytes.len()` writable bytes (the caller's contract), disjoint from
        // `bytes`, which this function owns.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), out, bytes.len()) };
        Some(len)
    }));
    written.ok().flatten().unwrap_or(BROKEN)
}

/// The 2021 tier of the case record at `case` (`case_len` bytes) on `on` (epoch days): `tier(case, on)`.
///
/// # Safety
/// `case` points to `case_len` readable bytes and `out` to `out_cap` writable bytes, disjoint, both valid
/// for the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn probation_kotlin_direct_tier(
    case: *const u8,
    case_len: i32,
    on: i64,
    out: *mut u8,
    out_cap: i32,
) -> i64 {
    // SAFETY: the caller's contract, passed on.
    unsafe {
        respond(out, out_cap, || {
            let case = read_case(input(case, case_len)?)?;
            Ok(t::tier(&case, date(on)?)?)
        })
    }
}

/// The engine's object, from a handle Kotlin cloned for this call (`callWithHandle`), which it consumes, as a
/// uniffi method call does.
///
/// # Safety
/// `handle` is 0 or a handle of an `Engine` cloned for this call.
unsafe fn engine(handle: u64) -> Result<Arc<Engine>, ApiError> {
    // SAFETY: the caller's contract (a handle uniffi made, or 0, refused here).
    let handle = unsafe { uniffi::Handle::from_raw(handle) }
        .ok_or_else(|| ApiError::decode("engine", "no engine"))?;
    <Arc<Engine> as Lift<UniFfiTag>>::try_lift(handle).map_err(lift_error)
}

/// `Engine.allocate(case, on)`: the allocation of the case record with the engine's policy and calendar.
///
/// # Safety
/// As [`probation_kotlin_direct_tier`]; `engine` is a handle of an `Engine` cloned for this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn probation_kotlin_direct_engine_allocate(
    engine_handle: u64,
    case: *const u8,
    case_len: i32,
    on: i64,
    out: *mut u8,
    out_cap: i32,
) -> i64 {
    // SAFETY: the caller's contract.
    let engine = unsafe { engine(engine_handle) };
    // SAFETY: the caller's contract, passed on.
    unsafe {
        respond(out, out_cap, || -> Result<alloc::Allocation, ApiError> {
            let engine = engine?;
            let case = read_case(input(case, case_len)?)?;
            Ok(alloc::allocate(
                &case,
                date(on)?,
                &engine.inner.allocation,
                &engine.inner.calendar,
            )?)
        })
    }
}

/// `Engine.schedule(case)`: the contact schedule of the case record with the engine's policy and calendar.
///
/// # Safety
/// As [`probation_kotlin_direct_engine_allocate`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn probation_kotlin_direct_engine_schedule(
    engine_handle: u64,
    case: *const u8,
    case_len: i32,
    out: *mut u8,
    out_cap: i32,
) -> i64 {
    // SAFETY: the caller's contract.
    let engine = unsafe { engine(engine_handle) };
    // SAFETY: the caller's contract, passed on.
    unsafe {
        respond(out, out_cap, || -> Result<c::Schedule, ApiError> {
            let engine = engine?;
            let case = read_case(input(case, case_len)?)?;
            Ok(c::schedule(
                &case,
                &engine.inner.contact,
                &engine.inner.calendar,
            )?)
        })
    }
}

/// Which of the engine's JSON-Lines calls [`probation_kotlin_direct_lines`] makes.
pub const TIER_LINES: i32 = 0;
/// `allocateJsonLines`.
pub const ALLOCATE_LINES: i32 = 1;
/// `scheduleJsonLines` (`on` unused).
pub const SCHEDULE_LINES: i32 = 2;
/// `datesJsonLines` (`on` required).
pub const DATES_LINES: i32 = 3;

/// The engine's JSON-Lines calls for the facade (`Probation.tierJsonLines`, …): one copy in, one copy out.
///
/// The generated `Engine.tierJsonLines` copies the lines three times on the way in (the `ByteArray` into a
/// `RustBuffer` allocated through a JNA `Structure`, then the length header dropped) and twice on the way out
/// (the lines behind a length header, then into a `ByteArray`). Here Rust reads the lines where Kotlin copied
/// them (`input`, `input_len` bytes, in place) and hands the output `Vec` itself back: its address, length and
/// capacity are written to `answer[0..3]`, Kotlin copies the bytes into its `ByteArray` and gives the three
/// numbers back to [`probation_kotlin_direct_free`]. `on` is in epoch days; `has_on` 0 means none (each
/// case's newest sentence date; `datesJsonLines` needs one).
///
/// Returns [`OK`] (`answer` holds the output lines), [`ERR`] (`answer` holds an `ApiError` as uniffi lowers
/// it, e.g. `too_large` past 2 GiB of output, or a closed/invalid engine handle), or −1 when nothing could be
/// written (a bug; `answer` untouched).
///
/// # Safety
/// `engine_handle` is 0 or a handle of an `Engine` cloned for this call; `input` is null or points to
/// `input_len` readable bytes and `answer` to three writable `i64`s, all valid for the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn probation_kotlin_direct_lines(
    engine_handle: u64,
    path: i32,
    input: *const u8,
    input_len: i64,
    on: i64,
    has_on: i32,
    answer: *mut i64,
) -> i32 {
    // SAFETY: the caller's contract.
    let engine = unsafe { engine(engine_handle) };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let result = guard(|| -> Result<Vec<u8>, ApiError> {
            let engine = engine?;
            let len = i32::try_from(input_len)
                .map_err(|_| ApiError::decode("lines", "the lines exceed 2 GiB"))?;
            // SAFETY: the caller's contract.
            let lines = unsafe { input_bytes(input, len) }?;
            let on = if has_on == 0 { None } else { Some(date(on)?) };
            let inner = &engine.inner;
            let out = match path {
                TIER_LINES => inner.tier_lines(lines, on),
                ALLOCATE_LINES => inner.allocate_lines(lines, on),
                SCHEDULE_LINES => inner.schedule_lines(lines),
                DATES_LINES => {
                    let on = on.ok_or_else(|| ApiError::decode("on", "a date is required"))?;
                    inner.dates_lines(lines, on)
                }
                _ => return Err(ApiError::decode("", "unknown JSON-Lines call")),
            };
            crate::engine::fits_a_byte_array(&out)?;
            Ok(out)
        });
        match result {
            Ok(out) => (OK, out),
            Err(e) => {
                let mut buf = Vec::new();
                <ApiError as Lower<UniFfiTag>>::write(e, &mut buf);
                (ERR, buf)
            }
        }
    }));
    let Ok((status, out)) = outcome else {
        return -1;
    };
    if answer.is_null() {
        return -1;
    }
    let mut out = std::mem::ManuallyDrop::new(out);
    // Addresses and sizes of a live allocation fit in an `i64` (Rust caps allocations at `isize::MAX`).
    let numbers = [
        out.as_mut_ptr() as i64,
        i64::try_from(out.len()).unwrap_or(0),
        i64::try_from(out.capacity()).unwrap_or(0),
    ];
    // SAFETY: `answer` points to three writable `i64`s (the caller's contract).
    unsafe { std::ptr::copy_nonoverlapping(numbers.as_ptr(), answer, 3) };
    i32::from(status)
}

/// Frees an output of [`probation_kotlin_direct_lines`], given the three numbers it wrote.
///
/// # Safety
/// `ptr`, `len`, `cap` are exactly the numbers one call wrote, given back once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn probation_kotlin_direct_free(ptr: i64, len: i64, cap: i64) {
    let (Ok(len), Ok(cap)) = (usize::try_from(len), usize::try_from(cap)) else {
        return;
    };
    if ptr == 0 {
        return;
    }
    // SAFETY: a `Vec<u8>`'s own pointer, length and capacity, forgotten by `probation_kotlin_direct_lines`.
    drop(unsafe { Vec::from_raw_parts(ptr as *mut u8, len, cap) });
}

/// `len` bytes from this library's allocator (mimalloc, which keeps freed memory for reuse), for the lines of a
/// call larger than Kotlin's reused input buffer: Kotlin copies its `ByteArray` there, passes it to
/// [`probation_kotlin_direct_lines`] and gives it back to [`probation_kotlin_direct_release`]. Memory of the
/// JVM's own malloc (a JNA `Memory`) cost a fresh mapping and its page faults on every batch. Returns 0 for
/// `len` ≤ 0 or when the memory cannot be had.
#[unsafe(no_mangle)]
pub extern "C" fn probation_kotlin_direct_reserve(len: i64) -> i64 {
    let Some(layout) = lines_layout(len) else {
        return 0;
    };
    // SAFETY: `layout` has a non-zero size (`lines_layout`).
    let ptr = unsafe { std::alloc::alloc(layout) };
    ptr as i64
}

/// Gives back a buffer of [`probation_kotlin_direct_reserve`].
///
/// # Safety
/// `ptr` is 0 or what `probation_kotlin_direct_reserve(len)` returned, with the same `len`, given back once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn probation_kotlin_direct_release(ptr: i64, len: i64) {
    if let (Some(layout), false) = (lines_layout(len), ptr == 0) {
        // SAFETY: allocated by `probation_kotlin_direct_reserve` with this layout (the caller's contract).
        unsafe { std::alloc::dealloc(ptr as *mut u8, layout) };
    }
}

/// The layout of a reserved buffer of `len` bytes (none for `len` ≤ 0 or too large).
fn lines_layout(len: i64) -> Option<std::alloc::Layout> {
    let len = usize::try_from(len).ok().filter(|&n| n > 0)?;
    std::alloc::Layout::array::<u8>(len).ok()
}

/// The bytes at `ptr` (`len` of them), or an empty slice for a null pointer with length 0.
///
/// # Safety
/// As [`input`].
unsafe fn input_bytes<'a>(ptr: *const u8, len: i32) -> Result<&'a [u8], ApiError> {
    if len == 0 {
        return Ok(&[]);
    }
    // SAFETY: the caller's contract.
    unsafe { input(ptr, len) }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing, reason = "test code")]
    use super::*;
    use probation_core::synth;

    fn lowered(case: Case) -> Vec<u8> {
        let mut buf = Vec::new();
        <Case as Lower<UniFfiTag>>::write(case, &mut buf);
        buf
    }

    fn on() -> i64 {
        probation_core::ffi::date_to_epoch_days(
            NaiveDate::from_ymd_opt(2019, 6, 1).unwrap_or_default(),
        )
    }

    fn call(input: &[u8], cap: usize) -> (i64, Vec<u8>) {
        let mut out = vec![0u8; cap];
        let len = i32::try_from(input.len()).unwrap_or(i32::MAX);
        let cap = i32::try_from(cap).unwrap_or(i32::MAX);
        // SAFETY: both buffers live for the call and are disjoint.
        let n = unsafe {
            probation_kotlin_direct_tier(input.as_ptr(), len, on(), out.as_mut_ptr(), cap)
        };
        (n, out)
    }

    #[test]
    fn a_case_gives_the_tier_of_the_record_call() {
        let case = synth::generate(2026, 2).remove(1);
        let expected = t::tier(&case, date(on()).unwrap_or_default());
        let (n, out) = call(&lowered(case), 64 * 1024);
        let n = usize::try_from(n).unwrap_or_default();
        assert_eq!(out[0], OK);
        // Read back, not compared byte for byte: the need scores cross as a map, whose order is a hash map's.
        let mut rest = &out[1..n];
        let got = <t::Tier as uniffi::Lift<UniFfiTag>>::try_read(&mut rest).ok();
        assert!(rest.is_empty());
        assert_eq!(got, expected.ok());
    }

    #[test]
    fn a_small_buffer_is_told_the_size_needed() {
        let input = lowered(synth::generate(2026, 2).remove(1));
        let (full, _) = call(&input, 64 * 1024);
        assert!(full > 1);
        let (n, out) = call(&input, 1);
        assert_eq!(n, -full);
        assert_eq!(out, [0]);
    }

    #[test]
    fn hostile_buffers_are_typed_errors() {
        let input = lowered(synth::generate(2026, 2).remove(1));
        let cut = &input[..input.len() / 2];
        let mut trailing = input.clone();
        trailing.push(0);
        for bad in [&[][..], &[0xff; 7][..], cut, &trailing[..]] {
            let (n, out) = call(bad, 4096);
            assert!(n > 1, "{n}");
            assert_eq!(out[0], ERR);
        }
        // A negative length or no buffer at all.
        let mut out = vec![0u8; 4096];
        // SAFETY: `out` lives for the calls; the inputs are refused before being read.
        let (a, b) = unsafe {
            (
                probation_kotlin_direct_tier(input.as_ptr(), -1, on(), out.as_mut_ptr(), 4096),
                probation_kotlin_direct_tier(std::ptr::null(), 3, on(), out.as_mut_ptr(), 4096),
            )
        };
        assert!(a > 1 && b > 1);
        assert_eq!(out[0], ERR);
    }

    #[test]
    fn a_date_out_of_range_is_a_typed_error() {
        let input = lowered(synth::generate(2026, 2).remove(1));
        let mut out = vec![0u8; 4096];
        // SAFETY: both buffers live for the call and are disjoint.
        let n = unsafe {
            probation_kotlin_direct_tier(
                input.as_ptr(),
                i32::try_from(input.len()).unwrap_or(0),
                i64::MAX,
                out.as_mut_ptr(),
                4096,
            )
        };
        assert!(n > 1);
        assert_eq!(out[0], ERR);
    }

    /// Calls `probation_kotlin_direct_lines` on a fresh defaults engine; the status and the answer's bytes.
    fn lines_call(path: i32, input: &[u8], on: Option<i64>) -> (i32, Vec<u8>) {
        let engine = Arc::new(Engine {
            inner: probation_core::lines::Engine::default(),
        });
        let handle = <Arc<Engine> as Lower<UniFfiTag>>::lower(engine).as_raw();
        let mut answer = [0i64; 3];
        // SAFETY: a handle made for this call, the input and answer live for it.
        let status = unsafe {
            probation_kotlin_direct_lines(
                handle,
                path,
                input.as_ptr(),
                i64::try_from(input.len()).unwrap_or(0),
                on.unwrap_or(0),
                i32::from(on.is_some()),
                answer.as_mut_ptr(),
            )
        };
        let [ptr, len, cap] = answer;
        let bytes = if ptr == 0 {
            Vec::new()
        } else {
            // SAFETY: the answer's own pointer and length, read before it is freed once below.
            let b = unsafe {
                std::slice::from_raw_parts(ptr as *const u8, usize::try_from(len).unwrap_or(0))
            }
            .to_vec();
            // SAFETY: the three numbers the call wrote, given back once.
            unsafe { probation_kotlin_direct_free(ptr, len, cap) };
            b
        };
        (status, bytes)
    }

    #[test]
    fn the_lines_calls_give_the_engines_lines() {
        let mut input = Vec::new();
        for case in synth::generate(2026, 20) {
            input.extend_from_slice(probation_core::interchange::encode_case(&case).as_bytes());
            input.push(b'\n');
        }
        input.extend_from_slice(b"not json\n");
        let engine = probation_core::lines::Engine::default();
        let day = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap_or_default();
        assert_eq!(
            lines_call(TIER_LINES, &input, Some(on())),
            (0, engine.tier_lines(&input, Some(day)))
        );
        assert_eq!(
            lines_call(TIER_LINES, &input, None),
            (0, engine.tier_lines(&input, None))
        );
        assert_eq!(
            lines_call(ALLOCATE_LINES, &input, Some(on())),
            (0, engine.allocate_lines(&input, Some(day)))
        );
        assert_eq!(
            lines_call(SCHEDULE_LINES, &input, None),
            (0, engine.schedule_lines(&input))
        );
        assert_eq!(
            lines_call(DATES_LINES, &input, Some(on())),
            (0, engine.dates_lines(&input, day))
        );
        assert_eq!(lines_call(TIER_LINES, b"", None), (0, Vec::new()));
    }

    #[test]
    fn reserved_buffers_hold_their_bytes_and_bad_sizes_get_none() {
        let ptr = probation_kotlin_direct_reserve(3);
        assert_ne!(ptr, 0);
        // SAFETY: three bytes reserved above, written then released once.
        unsafe {
            std::ptr::copy_nonoverlapping(b"{}\n".as_ptr(), ptr as *mut u8, 3);
            probation_kotlin_direct_release(ptr, 3);
        }
        assert_eq!(probation_kotlin_direct_reserve(0), 0);
        assert_eq!(probation_kotlin_direct_reserve(-1), 0);
        assert_eq!(probation_kotlin_direct_reserve(i64::MAX), 0);
        // SAFETY: 0 is ignored.
        unsafe { probation_kotlin_direct_release(0, 3) };
    }

    #[test]
    fn bad_lines_calls_are_typed_errors() {
        let read_error = |bytes: &[u8]| {
            let mut rest = bytes;
            <ApiError as Lift<UniFfiTag>>::try_read(&mut rest).ok()
        };
        for (path, on) in [
            (DATES_LINES, None),
            (7, Some(on())),
            (TIER_LINES, Some(i64::MAX)),
        ] {
            let (status, bytes) = lines_call(path, b"{}\n", on);
            assert_eq!(status, i32::from(ERR));
            assert!(matches!(read_error(&bytes), Some(ApiError::Decode { .. })));
        }
        let mut answer = [0i64; 3];
        // SAFETY: no engine (handle 0) and no input: refused before anything is read.
        let status = unsafe {
            probation_kotlin_direct_lines(
                0,
                TIER_LINES,
                std::ptr::null(),
                5,
                0,
                0,
                answer.as_mut_ptr(),
            )
        };
        assert_eq!(status, i32::from(ERR));
        // SAFETY: the answer of the call above, freed once.
        unsafe { probation_kotlin_direct_free(answer[0], answer[1], answer[2]) };
        // SAFETY: a null answer pointer is refused; nothing else is read.
        let status = unsafe {
            probation_kotlin_direct_lines(
                0,
                TIER_LINES,
                std::ptr::null(),
                0,
                0,
                0,
                std::ptr::null_mut(),
            )
        };
        assert_eq!(status, -1);
    }
}
