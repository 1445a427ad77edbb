//! Custom types crossing the FFI as strings: dates (`java.time.LocalDate` in Kotlin, see `uniffi.toml`) and
//! UUIDs (`java.util.UUID`).

use chrono::NaiveDate;
use uuid::Uuid;

use crate::ApiError;

uniffi::custom_type!(NaiveDate, String, {
    remote,
    // A LocalDate outside chrono's range (e.g. LocalDate.MAX) arrives as a typed decode error, not a panic.
    try_lift: |s| NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .map_err(|_| ApiError::decode("", "date is outside the supported range").into()),
    lower: |d| d.format("%Y-%m-%d").to_string(),
});

uniffi::custom_type!(Uuid, String, {
    remote,
    try_lift: |s| Uuid::parse_str(&s).map_err(|_| ApiError::decode("case_id", "not a uuid").into()),
    lower: |u| u.to_string(),
});
