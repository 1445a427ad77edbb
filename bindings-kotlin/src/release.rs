//! Release dates of custodial bookings (docs/rules/release.md) and the release law as it stood on a date: core's
//! own result records, and the same as JSON (core's serialisation).

use std::sync::Arc;

use chrono::NaiveDate;
use probation_core::model::Case;
use probation_core::release as r;

use crate::ApiError;
use crate::api::{from_json, input_from_json};
use crate::calendar::Calendar;
use crate::error::{guard, internal};

/// The release dates of `case.bookings[booking]` on `on` (core's call, with the booking looked up).
fn dates(
    case: &Case,
    booking: u32,
    on: NaiveDate,
    options: &r::ReleaseOptions,
    calendar: &Calendar,
) -> Result<r::ReleaseDates, ApiError> {
    let b = usize::try_from(booking)
        .ok()
        .and_then(|i| case.bookings.get(i))
        .ok_or_else(|| ApiError::decode("bookings", "no booking with this index"))?;
    Ok(r::release_dates(
        &case.person,
        b,
        on,
        options,
        &calendar.inner,
    )?)
}

/// The release dates of `case.bookings[booking]` (the person's date of birth and liability to deportation
/// matter), calculated on `on`. `options` is core's `ReleaseOptions` (`lawAsAt`, `statute`), `null` for the
/// defaults. A refused booking is `ApiException.Decode` with code `unsupported`, `invalid` or
/// `date_out_of_range` and the field's path within the booking.
#[uniffi::export]
pub fn release_dates(
    case: Case,
    booking: u32,
    on: NaiveDate,
    options: Option<r::ReleaseOptions>,
    calendar: Arc<Calendar>,
) -> Result<r::ReleaseDates, ApiError> {
    guard(|| dates(&case, booking, on, &options.unwrap_or_default(), &calendar))
}

/// As [`release_dates`], for a case given as JSON, as JSON (`ReleaseDates`); `options_json` is core's
/// `ReleaseOptions` as JSON.
#[uniffi::export]
pub fn release_dates_json(
    case_json: String,
    booking: u32,
    on: NaiveDate,
    options_json: Option<String>,
    calendar: Arc<Calendar>,
) -> Result<String, ApiError> {
    guard(|| {
        let options: r::ReleaseOptions = match options_json {
            Some(o) => input_from_json(&o)?,
            None => r::ReleaseOptions::default(),
        };
        let d = dates(&from_json(&case_json)?, booking, on, &options, &calendar)?;
        serde_json::to_string(&d).map_err(internal)
    })
}

/// The release law (fractions, schemes, commencement dates) as it stood on `as_at`.
#[uniffi::export]
pub fn release_law(as_at: NaiveDate) -> Result<r::ReleaseLaw, ApiError> {
    guard(|| Ok(r::ReleaseLaw::as_stood_on(as_at)))
}

/// As [`release_law`], as JSON (`ReleaseLaw`).
#[uniffi::export]
pub fn release_law_json(as_at: NaiveDate) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&r::ReleaseLaw::as_stood_on(as_at)).map_err(internal))
}
