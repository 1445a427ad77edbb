//! Tiering: the 2021 framework, A0–D3 (docs/rules/tier.md; \[V-code\] ministryofjustice/hmpps-tier).
//!
//! # What is a tier?
//!
//! A tier says how much a case demands. It has two halves: a **protect** letter for the risk of harm (A highest,
//! from RSR or RoSH — only the larger counts — MAPPA, complexity factors and, for women, three extra factors) and a
//! **change** digit for the need for change (0 when there is no mandate for change, 2 when there is no
//! assessment, else 1–3 from weighted criminogenic needs, OGRS and IOM). `B2` is protect B, change 2; an
//! unsupervised case (an active `PRC` registration) gets the suffix `S` (`B2S`); nDelius stores `U` + tier
//! (`UB2`, `UB2S`).
//!
//! [`tier`] reads a [`Case`] on a date; [`TierInputs`] holds the flat inputs (build them from table columns) and
//! [`calculate`] is a pure function on them that never allocates. Every [`Tier`] keeps the points of every
//! component and the rules that fired.
//!
//! ```
//! use chrono::NaiveDate;
//! use probation_core::interchange::decode_case;
//! use probation_core::tier::tier;
//! let case = decode_case(r#"{"schema_version":1,
//!   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
//!   "events":[{"offence_date":"2023-01-04","sentence_date":"2023-03-01",
//!     "sentence":{"type":"community_order","length":{"months":24},
//!       "requirements":[{"kind":"rehabilitation_activity","days":20}]}}],
//!   "registrations":[{"code":"RMRH","registered":"2023-03-02"},{"code":"STRG","registered":"2023-03-02"}],
//!   "assessments":[{"date":"2023-03-10","rsr":4.2,"ogrs":55.0,
//!     "needs":{"attitudes":"severe","accommodation":"standard"}}]}"#).unwrap();
//! let t = tier(&case, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()).unwrap();
//! // protect: RoSH medium 10 and RSR 10 (only one counts) + STRG 2 = 12 → C
//! // change: attitudes 2 × 2 + accommodation 1 × 1 + ⌊55 / 10⌋ = 10 → 2
//! assert_eq!(t.tier.to_string(), "C2");
//! assert_eq!(t.ndelius.to_string(), "UC2");
//! assert_eq!((t.protect.points, t.change.points), (12, 10));
//! ```

mod calculate;
mod complexity;
mod error;
mod inputs;
mod needs;
mod registers;
mod result;
pub mod rules;

use chrono::NaiveDate;

pub use calculate::{calculate, mappa_points, ogrs_points, rosh_points, rsr_points};
pub use complexity::{ComplexityFactor, ComplexityFactors};
pub use error::TierError;
pub use inputs::{NeedSource, ScoreSource, TierInputs};
pub use needs::{
    NEED_AREAS, section_score, severity_from_answers, severity_score, thresholds, weight,
};
pub use registers::ActiveRegisters;
pub use result::{
    Change, ChangeBreakdown, ChangeLevel, NdeliusTier, NeedScore, NeedScores, Protect,
    ProtectBreakdown, ProtectLevel, SpecialRule, Tier, TierCode, TierReadings, WomensPoints,
};

use crate::model::Case;

/// The tier of `case` on `on` (2021 framework, A0–D3).
///
/// # Errors
/// [`TierError::OutOfRange`] naming the assessment's `rsr` or `ogrs` when it is outside 0–100.
///
/// ```
/// use chrono::NaiveDate;
/// use probation_core::interchange::decode_case;
/// use probation_core::tier::tier;
/// let case = decode_case(r#"{"schema_version":1,
///   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
///   "assessments":[{"date":"2023-03-10","ogrs":120.0}]}"#).unwrap();
/// let err = tier(&case, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()).unwrap_err();
/// assert_eq!(err.to_string(), "`assessments[0].ogrs` must be a percentage from 0 to 100");
/// ```
pub fn tier(case: &Case, on: NaiveDate) -> Result<Tier, TierError> {
    calculate(&TierInputs::from_case(case, on)?)
}
