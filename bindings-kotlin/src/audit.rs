//! Audit and timeline (docs/rules/audit.md): core's `Audit` and `Timeline` records, and JSON forms for a case
//! given as JSON.

use chrono::NaiveDate;
use probation_core::audit as a;
use probation_core::model::Case;

use crate::ApiError;
use crate::api::from_json;
use crate::calendar::Calendar;
use crate::error::{guard, internal};

/// Every recorded decision of a case re-run with the rules in force on its date, up to `as_of`: discrepancies and
/// overrides recorded with a reason.
#[uniffi::export]
pub fn audit(case: Case, as_of: NaiveDate, calendar: &Calendar) -> Result<a::Audit, ApiError> {
    guard(|| Ok(a::audit(&case, as_of, &calendar.inner)?))
}

/// As [`audit`], for a case given as JSON; returns core's JSON (see `tests/vectors/audit/README.md`).
#[uniffi::export]
pub fn audit_json(
    case_json: String,
    as_of: NaiveDate,
    calendar: &Calendar,
) -> Result<String, ApiError> {
    guard(|| {
        serde_json::to_string(&a::audit(&from_json(&case_json)?, as_of, &calendar.inner)?)
            .map_err(internal)
    })
}

/// Every date from `from` to `to` on which an answer of the case changes, with the rules behind it.
#[uniffi::export]
pub fn timeline(
    case: Case,
    from: NaiveDate,
    to: NaiveDate,
    calendar: &Calendar,
) -> Result<a::Timeline, ApiError> {
    guard(|| Ok(a::timeline(&case, from, to, &calendar.inner)?))
}

/// As [`timeline`], for a case given as JSON; returns core's JSON.
#[uniffi::export]
pub fn timeline_json(
    case_json: String,
    from: NaiveDate,
    to: NaiveDate,
    calendar: &Calendar,
) -> Result<String, ApiError> {
    guard(|| {
        serde_json::to_string(&a::timeline(
            &from_json(&case_json)?,
            from,
            to,
            &calendar.inner,
        )?)
        .map_err(internal)
    })
}
