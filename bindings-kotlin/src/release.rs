//! Release dates of custodial bookings (docs/rules/release.md) and the release law as it stood on a date, as
//! core's serialised JSON (the results hold `&'static` rules and fractions uniffi cannot map).

use std::sync::Arc;

use chrono::NaiveDate;
use probation_core::release as r;

use crate::ApiError;
use crate::api::{from_json, input_from_json};
use crate::calendar::Calendar;
use crate::error::{guard, internal};

/// The release dates of `bookings[booking]` of a case given as JSON (the person's date of birth and liability
/// to deportation matter), calculated on `on`, as JSON (`ReleaseDates`). `options_json` is core's
/// `ReleaseOptions` (`law_as_at`, `statute`), absent for the defaults. A refused booking is
/// `ApiException.Decode` with code `unsupported`, `invalid` or `date_out_of_range` and the field's path within
/// the booking.
#[uniffi::export]
pub fn release_dates_json(
    case_json: String,
    booking: u32,
    on: NaiveDate,
    options_json: Option<String>,
    calendar: Arc<Calendar>,
) -> Result<String, ApiError> {
    guard(|| {
        let case = from_json(&case_json)?;
        let b = usize::try_from(booking)
            .ok()
            .and_then(|i| case.bookings.get(i))
            .ok_or_else(|| ApiError::decode("bookings", "no booking with this index"))?;
        let options: r::ReleaseOptions = match options_json {
            Some(o) => input_from_json(&o)?,
            None => r::ReleaseOptions::default(),
        };
        serde_json::to_string(&r::release_dates(
            &case.person,
            b,
            on,
            &options,
            &calendar.inner,
        )?)
        .map_err(internal)
    })
}

/// The release law (fractions, schemes, commencement dates) as it stood on `as_at`, as JSON (`ReleaseLaw`).
#[uniffi::export]
pub fn release_law_json(as_at: NaiveDate) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&r::ReleaseLaw::as_stood_on(as_at)).map_err(internal))
}
