//! Custom types crossing the FFI: dates (`java.time.LocalDate` in Kotlin) as a count of days since 1970-01-01
//! (`LocalDate.toEpochDay()` / `LocalDate.ofEpochDay`, see `uniffi.toml`), and UUIDs (`java.util.UUID`) as
//! strings.
//!
//! Dates are numbers rather than ISO strings because the string form cost the JVM side far more than the call
//! itself: `LocalDate.toString()` (twice per date: size, then write) and `LocalDate.parse` for every date of
//! every record, and, for a date argument or return value, a separate `RustBuffer` allocation and free — two
//! extra FFI calls, each with its own JNA `Structure`s (see `docs/benchmarks.md`, Kotlin).

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use crate::ApiError;

/// `NaiveDate::num_days_from_ce` of 1970-01-01 (day 1 is 0001-01-01).
const UNIX_EPOCH_FROM_CE: i64 = 719_163;

/// The date `days` days after 1970-01-01 (negative: before), or `None` outside chrono's range (about
/// ±262,000 years; `LocalDate` reaches ±999,999,999 years).
pub(crate) fn date_from_epoch_days(days: i64) -> Option<NaiveDate> {
    let from_ce = days.checked_add(UNIX_EPOCH_FROM_CE)?;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(from_ce).ok()?)
}

/// Days from 1970-01-01 to `date` (`LocalDate.toEpochDay()`).
pub(crate) fn date_to_epoch_days(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - UNIX_EPOCH_FROM_CE
}

uniffi::custom_type!(NaiveDate, i64, {
    remote,
    // A LocalDate outside chrono's range (e.g. LocalDate.MAX) arrives as a typed decode error, not a panic.
    try_lift: |days| date_from_epoch_days(days)
        .ok_or_else(|| ApiError::decode("", "date is outside the supported range").into()),
    lower: |date| date_to_epoch_days(date),
});

uniffi::custom_type!(Uuid, String, {
    remote,
    try_lift: |s| Uuid::parse_str(&s).map_err(|_| ApiError::decode("case_id", "not a uuid").into()),
    lower: |u| u.to_string(),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_days_match_java_time() {
        // LocalDate.of(y, m, d).toEpochDay() values.
        let cases = [
            ((1970, 1, 1), 0),
            ((1969, 12, 31), -1),
            ((2019, 6, 1), 18_048),
            ((2000, 2, 29), 11_016),
            ((1, 1, 1), -719_162),
            ((2100, 12, 31), 47_846),
        ];
        for ((y, m, d), days) in cases {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(date_to_epoch_days(date), days, "{date}");
            assert_eq!(date_from_epoch_days(days), Some(date), "{days}");
        }
    }

    #[test]
    fn epoch_days_round_trip_over_chrono_range_ends() {
        for date in [NaiveDate::MIN, NaiveDate::MAX] {
            assert_eq!(date_from_epoch_days(date_to_epoch_days(date)), Some(date));
        }
        assert_eq!(
            date_from_epoch_days(date_to_epoch_days(NaiveDate::MAX) + 1),
            None
        );
        assert_eq!(
            date_from_epoch_days(date_to_epoch_days(NaiveDate::MIN) - 1),
            None
        );
        // LocalDate.MAX / LocalDate.MIN and the i64 extremes.
        for days in [365_241_780_471, -365_243_219_162, i64::MAX, i64::MIN] {
            assert_eq!(date_from_epoch_days(days), None);
        }
    }
}
