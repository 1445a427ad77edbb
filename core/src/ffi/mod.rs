//! How core's own types cross uniffi (feature `uniffi`, for the Kotlin binding; see `docs/bindings.md`).
//!
//! The model and result types carry `#[cfg_attr(feature = "uniffi", derive(uniffi::Record / uniffi::Enum))]`
//! beside their serde derives, so a field added to core reaches Kotlin with no copy of the type. This module
//! holds what a derive cannot say: the custom types (a date as epoch days, identifiers and codes as validated
//! strings, rules as records) and the one public error type of the binding, [`ApiError`], which custom types
//! must be able to raise when a value from Kotlin does not lift.

mod error;
mod results;

pub use results::{ArpOutcomeView, DcSrpOutcomeView, Ogrs3OutcomeView, StaticStr};

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use crate::allocation::{PolicyId, RuleList};
use crate::calendar::HolidayName;
use crate::contact::{CustomRule, Origin, RuleRef};
use crate::ids::{Crn, Pnc, PrisonNumber};
use crate::model::{
    Answer, AnswerMap, CrcArea, NeedArea, NeedMap, NeedSeverity, Provider, RegisterCode,
    SchemaVersion,
};
use crate::rules::{Rule, StaticRule};

pub use error::{ApiError, Issue};

/// `NaiveDate::num_days_from_ce` of 1970-01-01 (day 1 is 0001-01-01).
const UNIX_EPOCH_FROM_CE: i64 = 719_163;

/// The date `days` days after 1970-01-01 (negative: before), or `None` outside chrono's range (about
/// ±262,000 years; `LocalDate` reaches ±999,999,999 years).
pub fn date_from_epoch_days(days: i64) -> Option<NaiveDate> {
    let from_ce = days.checked_add(UNIX_EPOCH_FROM_CE)?;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(from_ce).ok()?)
}

/// Days from 1970-01-01 to `date` (`LocalDate.toEpochDay()`).
pub fn date_to_epoch_days(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - UNIX_EPOCH_FROM_CE
}

/// A lift failure as the binding's typed decode error (`ApiException.Decode`): `path` is the type's field name,
/// `reason` core's message, which never quotes the value.
fn bad(path: &str, reason: impl ToString) -> uniffi::deps::anyhow::Error {
    ApiError::decode(path, reason.to_string()).into()
}

// Dates are numbers rather than ISO strings: the string form cost the JVM far more than the call itself
// (docs/benchmarks.md, Kotlin). `uniffi.toml` maps them onto java.time.LocalDate.
uniffi::custom_type!(NaiveDate, i64, {
    remote,
    // A LocalDate outside chrono's range (e.g. LocalDate.MAX) arrives as a typed decode error, not a panic.
    try_lift: |days| date_from_epoch_days(days).ok_or_else(|| bad("", "date is outside the supported range")),
    lower: |date| date_to_epoch_days(date),
});

uniffi::custom_type!(Uuid, String, {
    remote,
    try_lift: |s| Uuid::parse_str(&s).map_err(|_| bad("case_id", "not a uuid")),
    lower: |u| u.to_string(),
});

uniffi::custom_type!(Crn, String, {
    try_lift: |s| Crn::parse(&s).map_err(|e| bad("person.crn", e)),
    lower: |c| c.to_string(),
});

uniffi::custom_type!(Pnc, String, {
    try_lift: |s| Pnc::parse(&s).map_err(|e| bad("person.pnc", e)),
    lower: |p| String::from(p),
});

uniffi::custom_type!(PrisonNumber, String, {
    try_lift: |s| PrisonNumber::parse(&s).map_err(|e| bad("person.prison_number", e)),
    lower: |p| String::from(p),
});

uniffi::custom_type!(CrcArea, String, {
    try_lift: |s| CrcArea::from_code(&s).ok_or_else(|| bad("person.home_area", "home area must be C01-C21")),
    lower: |a| a.code().to_owned(),
});

uniffi::custom_type!(Provider, String, {
    try_lift: |s| s.parse().map_err(|e: crate::model::ProviderError| bad("provider", e)),
    lower: |p| p.code().to_owned(),
});

uniffi::custom_type!(RegisterCode, String, {
    try_lift: |s| Ok(RegisterCode::from_code(&s)),
    lower: |c| c.code().to_owned(),
});

uniffi::custom_type!(SchemaVersion, u32, {
    try_lift: |v| SchemaVersion::try_from(v).map_err(|e| bad("schema_version", e)),
    lower: |v| v.into(),
});

uniffi::custom_type!(PolicyId, String, {
    try_lift: |s| Ok(PolicyId(Arc::from(s))),
    lower: |s| s.to_string(),
});

uniffi::custom_type!(HolidayName, String, {
    remote,
    try_lift: |s| Ok(std::borrow::Cow::Owned(s)),
    lower: |s| s.into_owned(),
});

fn rule_record(r: &Rule) -> CustomRule {
    CustomRule {
        id: r.id.to_owned(),
        text: r.text.to_owned(),
        source: r.source.to_owned(),
        basis: r.basis,
    }
}

/// The built-in rule a record names, looked up by its `id` in core's rule tables ([`crate::rules::by_id`]); an
/// id no table has is a typed error (which does not quote it).
fn builtin_rule(r: &CustomRule) -> Result<StaticRule, uniffi::deps::anyhow::Error> {
    crate::rules::by_id(&r.id)
        .map(|(rule, _)| rule)
        .ok_or_else(|| bad("rules", "no built-in rule has this id"))
}

// Rules cross as the record `Rule { id, text, source, basis }` (core's `CustomRule`). A record coming back (a
// result passed back in, e.g. to `tier2026ToJson`) lifts by its `id` to the one static rule of that id.
uniffi::custom_type!(StaticRule, CustomRule, {
    remote,
    try_lift: |r| builtin_rule(&r),
    lower: |r| rule_record(r),
});

uniffi::custom_type!(RuleRef, CustomRule, {
    try_lift: |r| Ok(RuleRef::Custom(Arc::new(r))),
    lower: |r| match r {
        RuleRef::Builtin(b) => rule_record(b),
        RuleRef::Custom(c) => Arc::unwrap_or_clone(c),
    },
});

// A list lifts over the table of its rules; rules of two tables in one list are a typed error.
uniffi::custom_type!(RuleList, Vec<StaticRule>, {
    try_lift: |rules| RuleList::from_rules(&rules).ok_or_else(|| bad("rules", "the rules of one list must come from one area's table")),
    lower: |l| l.iter().collect(),
});

// Which policy entry made a schedule item (`phases[i]` as `i`, `deadlines[i]` as `-1 - i`): compliance needs
// it to match contacts to windows, so it is part of the record.
uniffi::custom_type!(Origin, i64, {
    try_lift: |v| Ok(Origin::from_ffi(v)),
    lower: |o| o.to_ffi(),
});

// uniffi has no ordered map: the maps of an assessment are a Kotlin `Map` (order is not part of their meaning).
uniffi::custom_type!(NeedMap, HashMap<NeedArea, NeedSeverity>, {
    remote,
    try_lift: |m| Ok(m.into_iter().collect()),
    lower: |m| m.into_iter().collect(),
});

uniffi::custom_type!(AnswerMap, HashMap<NeedArea, Vec<Option<Answer>>>, {
    remote,
    try_lift: |m| Ok(m.into_iter().collect()),
    lower: |m| m.into_iter().collect(),
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
