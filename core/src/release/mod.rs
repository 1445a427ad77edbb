//! Release dates of custodial bookings (docs/rules/release.md; issue 14): several sentences, concurrent or
//! consecutive, with remand, tagged bail, UAL, ADA and RADA, and recalls, under the law as it stood on a date.
//!
//! # What does it compute?
//!
//! For one [`Booking`] (one custodial period): SED, LED or SLED, CRD or ARD, HDCED, ERSED (when the person is
//! liable to removal), TUSED, PRRD after a fixed-term or standard recall, and the effective sentence length —
//! each with the rule that produced it and the sentence that drives it. Release fractions follow
//! [`ReleaseLaw`]: ½ (CJA 1991, CJA 2003 pre-ORA and ORA), ⅔ for SDS+, 40 % (SDS40, in tranches, with its
//! exclusions), ⅓ / ½ under the 2026 progression model (in tranches). Where the statute and the HMPPS
//! calculator differ, the calculator's behaviour is the default and the statute's an option
//! ([`StatuteOptions`]; docs/rules/release.md#statute-and-calculator).
//!
//! Refused as [`ReleaseError::Unsupported`], naming the field: extended sentences, SOPC, DTOs, indeterminate
//! sentences, fine defaults, BOTUS, terrorist sentences, Sentencing Act 2026 excluded offences, recalls from
//! HDC, more than one recall, a sentence imposed after the booking's earlier sentences were released, and the
//! cases the calculator handles in ways not modelled here (docs/rules/release.md#unsupported): the CJA 1991
//! single term, the ORA/non-ORA special case, UAL/ADA after an SDS40 tranche date, mixed-duration 28-day recalls.
//!
//! ```
//! use chrono::NaiveDate;
//! use probation_core::calendar::Calendar;
//! use probation_core::model::{Booking, CustodialSentence, Length, Person};
//! use probation_core::release::{release_dates, ReleaseOptions};
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let person: Person = serde_json::from_str(r#"{"crn":"X320741","date_of_birth":"1990-04-01",
//!   "sex":"male","home_area":"C17"}"#).unwrap();
//! // docs/rules/release.md: 2 years from 2023-10-01 (731 days); 50 % CRD 2024-09-30, 40 % 2024-07-19: tranche 1.
//! let booking = Booking {
//!     sentences: vec![CustodialSentence::sds(d(2023, 10, 1), d(2023, 6, 1), Length::years(2))],
//!     ..Booking::default()
//! };
//! let out = release_dates(&person, &booking, d(2024, 11, 1), &ReleaseOptions::default(),
//!     &Calendar::england_and_wales()).unwrap();
//! assert_eq!(out.conditional_release.unwrap().date, d(2024, 9, 10));
//! ```

mod calc;
mod indices;
pub mod law;
pub mod rules;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::allocation::RuleList;
use crate::calendar::Calendar;
use crate::model::{Booking, Person};
use crate::rules::Rule;
use crate::sentence::SupervisionPeriod;

pub use indices::SentenceIndices;
pub use law::{Fraction, ReleaseLaw};

/// Where the statute and the calculator differ, the statute's reading (all `false` by default: the
/// calculator's behaviour; docs/rules/release.md#statute-and-calculator).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct StatuteOptions {
    /// No HDC for a term of 4 years or more (CJA 2003 s.246(4) as read; the calculator has no bar since
    /// 17 June 2024).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub hdc_four_year_bar: bool,
    /// Move a release due on a Sunday, bank holiday or (term over 5 days) Saturday to the previous day (CJA 1961
    /// s.23(3)); the calculator reports the unmoved date with a hint.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub discharge_day: bool,
    /// Post-sentence supervision repealed (Sentencing Act 2026 s.34): no TUSED. The deployed calculator has it on
    /// for every date; its commencement was not read, so it is off by default.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pss_repealed: bool,
}

/// How to calculate: the law (as it stood on `law_as_at`, default the calculation date) and the statute options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ReleaseOptions {
    /// Apply the law as it stood on this date rather than on the calculation date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub law_as_at: Option<NaiveDate>,
    /// Statute readings where they differ from the calculator.
    #[serde(default)]
    pub statute: StatuteOptions,
}

/// One release date, the rule that produced it and the sentence (index in the booking; a consecutive chain's
/// first sentence) that drives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReleaseDate {
    /// The date.
    pub date: NaiveDate,
    /// The rule that produced it.
    pub rule: &'static Rule,
    /// The driving sentence's index.
    pub sentence: u32,
    /// The previous (HDCED: next) working day, when the date is not one and is on or after the calculation
    /// date (a hint; the date is unchanged).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_day: Option<NaiveDate>,
    /// The discretionary non-Friday release day, when the policy moves the date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_friday: Option<NaiveDate>,
}

/// Years, months and days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EffectiveLength {
    /// Whole years.
    pub years: u32,
    /// Whole months after the years.
    pub months: u32,
    /// Days after the months.
    pub days: u32,
    /// Rule.
    pub rule: &'static Rule,
}

/// A tranche the booking was allocated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TrancheUsed {
    /// The law row (`sds40`, `sds40_t3`, `progression_model`, `ftr_56`).
    pub law: &'static str,
    /// Tranche name.
    pub name: &'static str,
    /// Tranche date.
    pub date: NaiveDate,
}

/// One calculable sentence: a concurrent sentence, or a consecutive chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SentenceRelease {
    /// Indices of its sentences, in serving order.
    pub sentences: SentenceIndices,
    /// Length in days (aggregated for a chain).
    pub length_days: u32,
    /// Its release date after adjustments (before tranche defaulting).
    pub release: NaiveDate,
    /// Its expiry after adjustments.
    pub expiry: NaiveDate,
}

/// The dates of one booking. Dates that do not apply are `null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReleaseDates {
    /// The calculation date.
    pub calculated_on: NaiveDate,
    /// The date the law was taken as at.
    pub law_as_at: NaiveDate,
    /// Sentence expiry (SED), when the licence ends earlier or there is none.
    pub sentence_expiry: Option<ReleaseDate>,
    /// Licence expiry (LED), when separate from the SED.
    pub licence_expiry: Option<ReleaseDate>,
    /// Sentence and licence expiry (SLED).
    pub sentence_and_licence_expiry: Option<ReleaseDate>,
    /// Conditional release (CRD).
    pub conditional_release: Option<ReleaseDate>,
    /// Automatic (unconditional) release (ARD).
    pub automatic_release: Option<ReleaseDate>,
    /// Home detention curfew eligibility (HDCED).
    pub hdc_eligibility: Option<ReleaseDate>,
    /// Early removal scheme eligibility (ERSED).
    pub early_removal_eligibility: Option<ReleaseDate>,
    /// Top-up supervision expiry (TUSED).
    pub top_up_supervision_expiry: Option<ReleaseDate>,
    /// Post-recall release (PRRD).
    pub post_recall_release: Option<ReleaseDate>,
    /// Effective sentence length.
    pub effective_sentence_length: EffectiveLength,
    /// Tranches allocated.
    pub tranches: Vec<TrancheUsed>,
    /// The calculable sentences (chains and concurrent sentences).
    pub sentences: Vec<SentenceRelease>,
    /// Licence and post-sentence supervision periods.
    pub supervision: Vec<SupervisionPeriod>,
    /// Every rule that fired, in the order of the rule table.
    pub rules: RuleList,
}

/// Why a booking's dates cannot be computed. `field` is the path within the booking (`sentences[1].kind`);
/// messages never contain input values.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ReleaseError {
    /// A sentence type or case the library does not calculate (docs/rules/release.md).
    #[error("{field}: unsupported: {reason}")]
    Unsupported {
        /// Path of the field.
        field: String,
        /// Why.
        reason: &'static str,
    },
    /// Input that cannot be right.
    #[error("{field}: invalid: {reason}")]
    Invalid {
        /// Path of the field.
        field: String,
        /// Why.
        reason: &'static str,
    },
    /// A computed date is outside the dates this library can represent.
    #[error("{field}: a computed date is out of range")]
    DateOutOfRange {
        /// Path of the input the date was computed from.
        field: String,
    },
}

impl ReleaseError {
    /// Stable code: `unsupported`, `invalid` or `date_out_of_range`.
    pub const fn code(&self) -> &'static str {
        match self {
            ReleaseError::Unsupported { .. } => "unsupported",
            ReleaseError::Invalid { .. } => "invalid",
            ReleaseError::DateOutOfRange { .. } => "date_out_of_range",
        }
    }
    /// Why, in words without input values.
    pub const fn reason(&self) -> &'static str {
        match self {
            ReleaseError::Unsupported { reason, .. } | ReleaseError::Invalid { reason, .. } => {
                reason
            }
            ReleaseError::DateOutOfRange { .. } => "a computed date is out of range",
        }
    }
    /// The field's path within the booking.
    pub fn field(&self) -> &str {
        match self {
            ReleaseError::Unsupported { field, .. }
            | ReleaseError::Invalid { field, .. }
            | ReleaseError::DateOutOfRange { field } => field,
        }
    }
}

/// The release dates of `booking` for `person` (date of birth: age tests; liability to deportation: ERSED),
/// calculated on `on` under the law as it stood on `options.law_as_at` (default `on`).
///
/// # Errors
/// [`ReleaseError`] naming the field: unsupported sentence types and cases, invalid links or adjustments,
/// dates out of range.
pub fn release_dates(
    person: &Person,
    booking: &Booking,
    on: NaiveDate,
    options: &ReleaseOptions,
    calendar: &Calendar,
) -> Result<ReleaseDates, ReleaseError> {
    // The law of the last date asked for, kept per thread: a batch calculated on one date builds it once.
    thread_local! {
        static LAW: std::cell::RefCell<Option<ReleaseLaw>> = const { std::cell::RefCell::new(None) };
    }
    let as_at = options.law_as_at.unwrap_or(on);
    LAW.with(|cell| {
        // Borrowed in place: the law is built only when the date changes and never moved.
        let mut cached = cell.borrow_mut();
        let law = match &mut *cached {
            Some(law) if law.as_at == as_at => law,
            slot => slot.insert(ReleaseLaw::as_stood_on(as_at)),
        };
        release_dates_under(person, booking, on, law, &options.statute, calendar)
    })
}

/// As [`release_dates`], under a given [`ReleaseLaw`] (which a caller may have changed).
///
/// # Errors
/// As [`release_dates`].
pub fn release_dates_under(
    person: &Person,
    booking: &Booking,
    on: NaiveDate,
    law: &ReleaseLaw,
    statute: &StatuteOptions,
    calendar: &Calendar,
) -> Result<ReleaseDates, ReleaseError> {
    calc::calculate(person, booking, on, law, statute, calendar)
}
