//! Allocation: who supervises a case — the NPS or a CRC — and risk escalation (docs/rules/allocation.md).
//!
//! # Why NPS or CRC?
//!
//! On 1 June 2014 ("Transforming Rehabilitation") the 35 Probation Trusts were split into a public National
//! Probation Service (NPS) and 21 Community Rehabilitation Companies (CRCs). The NPS kept the high-risk cases —
//! MAPPA, high or very high Risk of Serious Harm, foreign nationals liable to deportation, and (by this library's
//! documented assumptions) exceptional public interest, terrorism and a high RSR — and every other case went to the
//! CRC for the person's home area. The NPS decided every allocation, by the end of the 2nd business day after
//! sentence. On 26 June 2021 the CRCs were folded back into one Probation Service.
//!
//! [`allocate`] answers "who supervises this case on this date", with every rule that fired, the policy's id and
//! version, and the deadline. The policy is data ([`AllocationPolicy`]): effective dates, switches and thresholds,
//! presets built in, custom ones loaded from JSON. A manager's override is recorded beside the rules' answer
//! ([`Allocation::with_override`]), never in its place. [`escalation`] and [`escalation_history`] answer "must this
//! CRC case now be referred to the NPS, and by when".
//!
//! For whole caseloads, [`AllocationFacts`] holds the flat inputs (build them from table columns) and
//! [`allocate_facts`] / [`decide`] are pure functions on them; nothing on that path allocates memory.
//!
//! ```
//! use chrono::NaiveDate;
//! use probation_core::allocation::{allocate, AllocationPolicy, Calendar};
//! use probation_core::interchange::decode_case;
//! use probation_core::model::{CrcArea, Provider};
//! let case = decode_case(r#"{"schema_version":1,
//!   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
//!   "events":[{"offence_date":"2016-01-04","sentence_date":"2016-03-01",
//!     "sentence":{"type":"community_order","length":{"months":12},
//!       "requirements":[{"kind":"unpaid_work","hours":120}]}}]}"#).unwrap();
//! let on = NaiveDate::from_ymd_opt(2016, 3, 1).unwrap();
//! let a = allocate(&case, on, &AllocationPolicy::default_policy(), &Calendar::england_and_wales()).unwrap();
//! assert_eq!(a.provider, Provider::Crc(CrcArea::C17));
//! assert!(a.rules.contains("allocation.tr.crc"));
//! assert_eq!(a.deadline, NaiveDate::from_ymd_opt(2016, 3, 3)); // Tuesday 1 March + 2 working days
//! assert_eq!(a.policy_id.as_ref(), "default");
//! ```

mod engine;
mod error;
mod escalation;
mod facts;
pub(crate) mod fired;
mod manager_override;
mod policy;
pub mod rules;

use chrono::NaiveDate;

/// The working-day calendar allocation deadlines are counted in (re-exported from [`crate::calendar`]).
pub use crate::calendar::Calendar;
pub use engine::{Allocation, Decision, Period, PolicyId, allocate_facts, decide, nps_criteria};
pub use error::AllocationError;
pub use escalation::{
    Escalation, EscalationPoint, Trigger, escalation, escalation_facts, escalation_history,
};
pub use facts::AllocationFacts;
pub use fired::{MAX_FIRED, RuleList};
pub use manager_override::{ManagerOverride, OverrideReason};
pub use policy::{AllocationPolicy, PolicyError};

use crate::model::Case;

/// Allocates `case` on `on` under `policy`: the provider, every rule that fired, the policy id and version, and
/// the allocation deadline (`policy.allocation_working_days` working days after the sentence date of the newest
/// event active on `on`, from `calendar`).
///
/// # Errors
/// [`AllocationError::OutOfRange`] naming the assessment's `rsr` when it is not a percentage from 0 to 100;
/// [`AllocationError::Calendar`] when the deadline is outside the calendar's range.
///
/// ```
/// use chrono::NaiveDate;
/// use probation_core::allocation::{allocate, AllocationPolicy, Calendar};
/// use probation_core::interchange::decode_case;
/// let case = decode_case(r#"{"schema_version":1,
///   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
///   "assessments":[{"date":"2016-01-10","rsr":250.0}]}"#).unwrap();
/// let on = NaiveDate::from_ymd_opt(2016, 6, 1).unwrap();
/// let err = allocate(&case, on, &AllocationPolicy::default_policy(), &Calendar::england_and_wales())
///     .unwrap_err();
/// assert_eq!(err.to_string(), "`assessments[0].rsr` must be a percentage from 0 to 100");
/// ```
pub fn allocate(
    case: &Case,
    on: NaiveDate,
    policy: &AllocationPolicy,
    calendar: &Calendar,
) -> Result<Allocation, AllocationError> {
    let facts = AllocationFacts::from_case(case, on)?;
    allocate_facts(&facts, policy, calendar)
}
