//! Sentence arithmetic (docs/rules/sentence.md): a sentence's key dates, each with the rule that produced it.
//!
//! # What are a sentence's key dates?
//!
//! A custodial sentence is pronounced as a length ("6 months"). Turned into days from the sentence date, it gives
//! the **sentence expiry date** (SED) and the **conditional release date** (CRD), the halfway point at which a
//! standard determinate sentence is released on licence. Days spent on remand and tagged-bail credit count as
//! time already served and are deducted from every date. The licence runs from release to the **licence expiry
//! date** (LED = SED). For offences from 1 February 2015 a short sentence is then followed by **post-sentence
//! supervision** (PSS) up to the **top-up supervision expiry date** (TUSED = CRD + 12 months) — when every
//! condition of the Offender Rehabilitation Act 2014 holds; when one fails, the result names it.
//!
//! Community orders and suspended sentence orders have end dates instead: the order's end, and the SSO's
//! operational and supervision periods.
//!
//! Not modelled: consecutive and concurrent sentences, additional days awarded, unlawfully-at-large time, home
//! detention curfew, recalls, detention and training orders, the CJA 1991 rules for offences before 4 April
//! 2005, and the release point of extended sentences ([`rules::EXTENDED`]).
//!
//! ```
//! use probation_core::interchange::decode_case;
//! use probation_core::sentence::{sentence_dates, SupervisionKind};
//! let case = decode_case(r#"{"schema_version":1,
//!   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
//!   "events":[{"offence_date":"2023-11-04","sentence_date":"2024-01-15",
//!     "sentence":{"type":"custody","length":{"months":6}}}]}"#).unwrap();
//! let dates = sentence_dates(&case.person, &case.events[0]).unwrap();
//! // 6 months from 15 January 2024 is 182 days: CRD after 91 days, then 3 months' licence and 9 months' PSS.
//! assert_eq!(dates.conditional_release.unwrap().date.to_string(), "2024-04-14");
//! assert_eq!(dates.licence_expiry.unwrap().date.to_string(), "2024-07-14");
//! assert_eq!(dates.top_up_supervision_expiry.unwrap().date.to_string(), "2025-04-14");
//! let kinds: Vec<_> = dates.supervision.iter().map(|p| p.kind).collect();
//! assert_eq!(kinds, [SupervisionKind::Licence, SupervisionKind::PostSentenceSupervision]);
//! ```

mod custody;
mod orders;
mod pss;
pub mod rules;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{CustodyKind, Event, Length, Person, Sentence, SentenceType};
use crate::rules::Rule;

pub use pss::{PssCondition, PssEligibility};

/// One key date and the rule that produced it. Serialised as `{"date": "2024-04-14", "rule": {...}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct KeyDate {
    /// The date.
    pub date: NaiveDate,
    /// The rule that produced it.
    pub rule: crate::rules::StaticRule,
}

/// What kind of supervision a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum SupervisionKind {
    /// A community order, from the sentence date to the order's end.
    CommunityOrder,
    /// A suspended sentence order's supervision period.
    SuspendedSentenceOrder,
    /// Licence after release from custody.
    Licence,
    /// Post-sentence supervision after the licence (ORA 2014).
    PostSentenceSupervision,
}

/// A period under supervision, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi(name = "SentencePeriod"))]
pub struct SupervisionPeriod {
    /// What kind of supervision.
    pub kind: SupervisionKind,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// The key dates of one event's sentence.
///
/// Fields that do not apply to the sentence are `None` (serialised as `null`): a community order has no SED, a
/// life sentence has no SED, CRD or LED. `rules` lists every rule that fired, in the order they did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SentenceDates {
    /// Community order, suspended sentence order or custody.
    pub sentence_type: SentenceType,
    /// For custody, the kind of custodial sentence.
    pub custody_kind: Option<CustodyKind>,
    /// The sentence date (start of the sentence or order).
    pub sentence_date: NaiveDate,
    /// Length in days: of the custodial sentence, the community order, or the SSO's custodial term. `None` for
    /// life.
    pub length_days: Option<u32>,
    /// Remand plus tagged-bail days deducted (custody; 0 otherwise).
    pub credit_days: u32,
    /// Sentence expiry date (determinate custody).
    pub sentence_expiry: Option<KeyDate>,
    /// Conditional release date: release on licence at the halfway point (standard determinate sentences).
    pub conditional_release: Option<KeyDate>,
    /// Automatic release date: unconditional release, no licence (short pre-ORA sentences, 1-day sentences).
    pub automatic_release: Option<KeyDate>,
    /// Licence expiry date.
    pub licence_expiry: Option<KeyDate>,
    /// Whether post-sentence supervision applies, and if not which conditions failed (determinate custody).
    pub post_sentence_supervision: Option<PssEligibility>,
    /// Top-up supervision expiry date: the end of post-sentence supervision, when it applies.
    pub top_up_supervision_expiry: Option<KeyDate>,
    /// End of a community order.
    pub order_end: Option<KeyDate>,
    /// End of a suspended sentence order's operational period.
    pub operational_period_end: Option<KeyDate>,
    /// End of a suspended sentence order's supervision period, if it has one.
    pub supervision_period_end: Option<KeyDate>,
    /// The periods under supervision, in order: CO; SSO supervision; licence then PSS.
    pub supervision: Vec<SupervisionPeriod>,
    /// Every rule that fired, in order, without repeats.
    pub rules: Vec<crate::rules::StaticRule>,
}

/// Why a sentence's dates cannot be computed. `field` is the path within the event (`sentence.length`); prefix
/// it with the event's path (`events[0].`) to locate it in a case. Messages never contain input values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum SentenceError {
    /// A length that must be more than zero is zero.
    #[error("{field}: length must be more than zero")]
    ZeroLength {
        /// Path of the length within the event.
        field: &'static str,
    },
    /// Remand and tagged-bail days together exceed the sentence.
    #[error("{field}: remand and tagged-bail days exceed the sentence")]
    CreditExceedsSentence {
        /// `sentence.remand_days`.
        field: &'static str,
    },
    /// A computed date is outside the dates this library can represent.
    #[error("{field}: a computed date is out of range")]
    DateOutOfRange {
        /// Path of the input the date was computed from.
        field: &'static str,
    },
}

impl SentenceError {
    /// Stable snake_case code: `zero_length`, `credit_exceeds_sentence` or `date_out_of_range`.
    pub const fn code(&self) -> &'static str {
        match self {
            SentenceError::ZeroLength { .. } => "zero_length",
            SentenceError::CreditExceedsSentence { .. } => "credit_exceeds_sentence",
            SentenceError::DateOutOfRange { .. } => "date_out_of_range",
        }
    }
    /// The path of the field within the event.
    pub const fn field(&self) -> &'static str {
        match self {
            SentenceError::ZeroLength { field }
            | SentenceError::CreditExceedsSentence { field }
            | SentenceError::DateOutOfRange { field } => field,
        }
    }
}

/// The number of days in a term of `length` starting on `start` ([`rules::LENGTH_IN_DAYS`]; see
/// [`Length::end_date`]).
///
/// # Errors
/// [`SentenceError::ZeroLength`] for a zero length, [`SentenceError::DateOutOfRange`] past chrono's range; both
/// name `field`.
///
/// ```
/// use chrono::NaiveDate;
/// use probation_core::model::Length;
/// use probation_core::sentence::{length_in_days, SentenceError};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(length_in_days(&Length::months(6), d(2024, 1, 15), "sentence.length"), Ok(182));
/// assert_eq!(length_in_days(&Length::years(1), d(2024, 3, 1), "sentence.length"), Ok(365));
/// assert_eq!(
///     length_in_days(&Length::default(), d(2024, 3, 1), "sentence.length"),
///     Err(SentenceError::ZeroLength { field: "sentence.length" })
/// );
/// ```
pub fn length_in_days(
    length: &Length,
    start: NaiveDate,
    field: &'static str,
) -> Result<u32, SentenceError> {
    if length.is_zero() {
        return Err(SentenceError::ZeroLength { field });
    }
    length
        .days_from(start)
        .filter(|&d| d > 0)
        .ok_or(SentenceError::DateOutOfRange { field })
}

/// The key dates of `event`'s sentence for `person` (whose date of birth decides the PSS age condition).
///
/// The event does not need to have passed [`crate::validate::validate`]: anything that makes the arithmetic
/// impossible is an error naming the field, never a panic.
///
/// # Errors
/// [`SentenceError`] naming the field within the event: a zero length, credit days exceeding the sentence, or a
/// date past the representable range.
///
/// ```
/// use probation_core::interchange::decode_case;
/// use probation_core::sentence::{sentence_dates, PssCondition, SentenceError};
/// let case = decode_case(r#"{"schema_version":1,
///   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
///   "events":[{"offence_date":"2015-01-31","sentence_date":"2015-06-01",
///     "sentence":{"type":"custody","length":{"months":18},"remand_days":20}},
///            {"offence_date":"2015-01-31","sentence_date":"2015-06-01",
///     "sentence":{"type":"custody","length":{"days":10},"remand_days":11}}]}"#).unwrap();
/// let dates = sentence_dates(&case.person, &case.events[0]).unwrap();
/// let pss = dates.post_sentence_supervision.unwrap();
/// assert!(!pss.applies);
/// assert_eq!(pss.failed, [PssCondition::OffenceBeforeOra]); // offence one day before 1 February 2015
/// let err = sentence_dates(&case.person, &case.events[1]).unwrap_err();
/// assert_eq!(err, SentenceError::CreditExceedsSentence { field: "sentence.remand_days" });
/// ```
pub fn sentence_dates(person: &Person, event: &Event) -> Result<SentenceDates, SentenceError> {
    let mut out = SentenceDates {
        sentence_type: event.sentence.sentence_type(),
        custody_kind: None,
        sentence_date: event.sentence_date,
        length_days: None,
        credit_days: 0,
        sentence_expiry: None,
        conditional_release: None,
        automatic_release: None,
        licence_expiry: None,
        post_sentence_supervision: None,
        top_up_supervision_expiry: None,
        order_end: None,
        operational_period_end: None,
        supervision_period_end: None,
        supervision: Vec::new(),
        rules: Vec::new(),
    };
    match &event.sentence {
        Sentence::CommunityOrder { length, .. } => orders::community_order(&mut out, length)?,
        Sentence::SuspendedSentenceOrder {
            custodial_term,
            operational_period,
            supervision_period,
            ..
        } => orders::suspended(
            &mut out,
            custodial_term,
            operational_period,
            supervision_period.as_ref(),
        )?,
        Sentence::Custody {
            length,
            kind,
            remand_days,
            tagged_bail_days,
            release_date,
        } => custody::custody(
            &mut out,
            person,
            event,
            &custody::Custody {
                length,
                kind: *kind,
                credit: (*remand_days, *tagged_bail_days),
                release_date: *release_date,
            },
        )?,
    }
    Ok(out)
}

impl SentenceDates {
    /// Records that `rule` fired (once).
    fn fired(&mut self, rule: &'static Rule) {
        if !self.rules.iter().any(|r| r.id == rule.id) {
            self.rules.push(rule);
        }
    }

    /// A key date produced by `rule`, recorded as fired.
    fn key(&mut self, date: NaiveDate, rule: &'static Rule) -> Option<KeyDate> {
        self.fired(rule);
        Some(KeyDate { date, rule })
    }

    /// Adds a supervision period when it is not empty.
    fn period(&mut self, kind: SupervisionKind, start: NaiveDate, end: NaiveDate) {
        if start <= end {
            self.supervision
                .push(SupervisionPeriod { kind, start, end });
        }
    }
}

/// `date + days`, or `DateOutOfRange` naming `field`.
fn add_days(date: NaiveDate, days: i64, field: &'static str) -> Result<NaiveDate, SentenceError> {
    let out = if days >= 0 {
        date.checked_add_days(chrono::Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(chrono::Days::new(days.unsigned_abs()))
    };
    out.ok_or(SentenceError::DateOutOfRange { field })
}

/// `date + months`, clamped to the month's end, or `DateOutOfRange` naming `field`.
fn add_months(
    date: NaiveDate,
    months: u32,
    field: &'static str,
) -> Result<NaiveDate, SentenceError> {
    date.checked_add_months(chrono::Months::new(months))
        .ok_or(SentenceError::DateOutOfRange { field })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn len(years: u16, months: u16, weeks: u16, days: u16) -> Length {
        Length {
            years,
            months,
            weeks,
            days,
        }
    }

    /// Lengths in days, worked by hand with the rule of [`rules::LENGTH_IN_DAYS`].
    #[test]
    fn lengths_in_days() {
        let table = [
            // 15 Jan + 6 months: 14 Jan - 14 Jul.
            (len(0, 6, 0, 0), d(2024, 1, 15), d(2024, 7, 14), 182),
            // 1st of the month: the end of the month before.
            (len(0, 1, 0, 0), d(2024, 2, 1), d(2024, 2, 29), 29),
            (len(0, 1, 0, 0), d(2023, 2, 1), d(2023, 2, 28), 28),
            (len(1, 0, 0, 0), d(2024, 3, 1), d(2025, 2, 28), 365),
            (len(1, 0, 0, 0), d(2023, 3, 1), d(2024, 2, 29), 366),
            // 1st of the month with days: the days are added after the month end (not before).
            (len(0, 1, 0, 10), d(2024, 3, 1), d(2024, 4, 10), 41),
            (len(0, 1, 1, 0), d(2024, 3, 1), d(2024, 4, 7), 38),
            // Weeks and days only: no month-end rule on the 1st.
            (len(0, 0, 2, 0), d(2024, 3, 1), d(2024, 3, 14), 14),
            (len(0, 0, 0, 1), d(2024, 3, 1), d(2024, 3, 1), 1),
            // Month ends clamp: 31 Jan - 1 day = 30 Jan, + 1 month = 29 Feb (leap) / 28 Feb.
            (len(0, 1, 0, 0), d(2024, 1, 31), d(2024, 2, 29), 30),
            (len(0, 1, 0, 0), d(2023, 1, 31), d(2023, 2, 28), 29),
            // Years then months, each clamped: 29 Feb 2024 - 1 day = 28 Feb; + 1 year = 28 Feb 2025; + 1 month.
            (len(1, 1, 0, 0), d(2024, 2, 29), d(2025, 3, 28), 394),
            (len(2, 0, 0, 0), d(2025, 1, 15), d(2027, 1, 14), 730),
        ];
        for (l, start, end, days) in table {
            assert_eq!(l.end_date(start), Some(end), "{l:?} from {start}");
            assert_eq!(
                length_in_days(&l, start, "x"),
                Ok(days),
                "{l:?} from {start}"
            );
        }
        assert_eq!(
            length_in_days(&len(0, 0, 0, 0), d(2024, 1, 1), "x"),
            Err(SentenceError::ZeroLength { field: "x" })
        );
        assert_eq!(
            length_in_days(&len(u16::MAX, u16::MAX, 0, 0), NaiveDate::MAX, "x"),
            Err(SentenceError::DateOutOfRange { field: "x" })
        );
    }
}
