//! The engine object for callers with many cases: built once from the policies and the calendar, then JSON
//! Lines in and JSON Lines out (`tierJsonLines`, `allocateJsonLines`, `scheduleJsonLines`, `datesJsonLines`:
//! one FFI call and two byte copies per batch, no record conversion), and record calls that pass no object
//! handles (`allocate`, `schedule`: one FFI call each). The loops and the output lines are core's
//! (`probation_core::lines`), the same as the `probation` command's.

use std::sync::Arc;

use chrono::NaiveDate;
use probation_core::allocation as alloc;
use probation_core::contact as c;
use probation_core::lines;
use probation_core::model::Case;
use probation_core::release::ReleaseOptions;

use crate::ApiError;
use crate::allocation::AllocationPolicy;
use crate::bytes::JsonBytes;
use crate::calendar::Calendar;
use crate::contact::ContactPolicy;
use crate::error::guard;

/// What every case is decided with (an allocation policy, a contact policy, a calendar), held on the Rust side
/// so that a call passes only its cases. Immutable and thread-safe: build one, share it, close it at the end.
#[derive(Debug, uniffi::Object)]
pub struct Engine {
    pub(crate) inner: lines::Engine,
}

/// An output larger than a `ByteArray` can hold (2 GiB) is refused rather than cut.
pub(crate) fn fits_a_byte_array(out: &[u8]) -> Result<(), ApiError> {
    if i32::try_from(out.len()).is_err() {
        return Err(ApiError::Decode {
            code: "too_large".to_owned(),
            path: "lines".to_owned(),
            reason: "the results exceed 2 GiB: pass fewer lines per call".to_owned(),
        });
    }
    Ok(())
}

/// The output lines as a `ByteArray` result, if they fit in one.
fn sized(out: Vec<u8>) -> Result<JsonBytes, ApiError> {
    fits_a_byte_array(&out)?;
    Ok(JsonBytes(out))
}

#[uniffi::export]
impl Engine {
    /// An engine deciding with these objects (copied: closing them afterwards does not affect the engine).
    #[uniffi::constructor]
    pub fn new(
        allocation_policy: &AllocationPolicy,
        contact_policy: &ContactPolicy,
        calendar: &Calendar,
    ) -> Arc<Self> {
        Arc::new(Engine {
            inner: lines::Engine {
                allocation: allocation_policy.inner.clone(),
                contact: contact_policy.inner.clone(),
                calendar: calendar.inner.clone(),
                release: ReleaseOptions::default(),
            },
        })
    }

    /// The `default` allocation policy, the `ps2021` contact policy and the England & Wales calendar (the
    /// `probation` command's defaults).
    #[uniffi::constructor]
    pub fn defaults() -> Arc<Self> {
        Arc::new(Engine {
            inner: lines::Engine::default(),
        })
    }

    /// The 2021 tier of every case of `lines` (JSON Lines, UTF-8), on `on` or else each case's newest sentence
    /// date: one output line per non-blank input line, `{"line", "crn", "tier"}` or
    /// `{"line", "error": {"kind", "path", "message"}}`.
    #[uniffi::method(default(on = None))]
    pub fn tier_json_lines(
        &self,
        lines: JsonBytes,
        on: Option<NaiveDate>,
    ) -> Result<JsonBytes, ApiError> {
        guard(|| sized(self.inner.tier_lines(&lines.0, on)))
    }

    /// The allocation of every case of `lines`, as [`Engine::tier_json_lines`]: `{"line", "crn", "allocation"}`.
    #[uniffi::method(default(on = None))]
    pub fn allocate_json_lines(
        &self,
        lines: JsonBytes,
        on: Option<NaiveDate>,
    ) -> Result<JsonBytes, ApiError> {
        guard(|| sized(self.inner.allocate_lines(&lines.0, on)))
    }

    /// The contact schedule of every case of `lines`: `{"line", "crn", "schedule"}` or an error line.
    pub fn schedule_json_lines(&self, lines: JsonBytes) -> Result<JsonBytes, ApiError> {
        guard(|| sized(self.inner.schedule_lines(&lines.0)))
    }

    /// The key dates and release dates (calculated on `on`) of every case of `lines`: `{"line", "crn",
    /// "case_id", "events", "bookings"}` (as `probation dates`) or an error line.
    pub fn dates_json_lines(&self, lines: JsonBytes, on: NaiveDate) -> Result<JsonBytes, ApiError> {
        guard(|| sized(self.inner.dates_lines(&lines.0, on)))
    }

    /// Allocates one case with the engine's policy and calendar (as `allocate`, one FFI call: no object handle
    /// to pass).
    pub fn allocate(&self, case: Case, on: NaiveDate) -> Result<alloc::Allocation, ApiError> {
        guard(|| {
            Ok(alloc::allocate(
                &case,
                on,
                &self.inner.allocation,
                &self.inner.calendar,
            )?)
        })
    }

    /// The contact schedule of one case with the engine's policy and calendar (as `schedule`).
    pub fn schedule(&self, case: Case) -> Result<c::Schedule, ApiError> {
        guard(|| {
            Ok(c::schedule(
                &case,
                &self.inner.contact,
                &self.inner.calendar,
            )?)
        })
    }
}
