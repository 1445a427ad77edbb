//! The 2026 single-axis tier, A–G with a provisional flag (docs/rules/tier-2026.md; \[V-code\] ministryofjustice/hmpps-tier
//! @affac98a, `service/calculation/`, "v3"), and both tiers in one call.
//!
//! Since 2026 hmpps-tier computes two tiers on every calculation and stores both: the 2021 two-axis tier
//! ([`crate::tier`], still read by the allocation and workload services) and this one, computed from the
//! OGRS4-family predictors (ARP, CSRP, DC-SRP) that replaced OGRS3 and RSR in OASys.
//!
//! - No active event → `not_supervised`; ARP or CSRP absent → `missing` (neither is provisional).
//! - Otherwise the **highest** letter of eight steps ([`Step`]): the reoffending table (CSRP row × ARP column,
//!   [`table::REOFFENDING`]), DC-SRP, MAPPA and RoSH, lifer / IPP release, domestic abuse, stalking, child
//!   protection, sexual offence history. A step with no letter counts as G.
//! - **Provisional** when a static predictor set the tier above what the other steps give, or when there is no
//!   RoSH registration and the other steps give less than A (with a MAPPA category) or C (without).
//!
//! [`tier_2026`] reads a [`Case`]; [`Tier2026Inputs`] holds the flat inputs and [`calculate`] is a pure function
//! on them that never allocates; [`tiers`] returns both tiers. The rules are in `docs/rules/tier-2026.md`.
//!
//! ```
//! use chrono::NaiveDate;
//! use probation_core::interchange::decode_case;
//! use probation_core::tier2026::{tier_2026, tiers};
//! let case = decode_case(r#"{"schema_version":1,
//!   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
//!   "events":[{"offence_date":"2026-01-04","sentence_date":"2026-03-01",
//!     "sentence":{"type":"community_order","length":{"months":24},
//!       "requirements":[{"kind":"rehabilitation_activity","days":20}]}}],
//!   "registrations":[{"code":"SPO","registered":"2026-03-02"}],
//!   "assessments":[{"date":"2026-08-10","layer":"layer3","predictors":{
//!     "arp":{"score":30.0,"kind":"static"},"csrp":{"score":0.7,"kind":"static"}}}]}"#).unwrap();
//! let on = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
//! let t = tier_2026(&case, on).unwrap();
//! // reoffending: CSRP ≥ 0.5 row, ARP ≥ 25 column → E; SPO → F; highest E.
//! // Both predictors static and the other steps give F < A → provisional; no RoSH registration and F < C →
//! // provisional too.
//! assert_eq!(t.tier.to_string(), "E");
//! assert!(t.provisional && t.provisional_because.static_predictors && t.provisional_because.missing_rosh);
//! let both = tiers(&case, on).unwrap();
//! // 2021: SPO is not a 2021 factor (protect D); the layer-3 assessment records no needs and no OGRS (change 1)
//! assert_eq!(both.tier_2021.tier.to_string(), "D1");
//! ```

mod calculate;
mod result;
pub mod rules;
pub mod table;

use chrono::NaiveDate;

pub use calculate::{Tier2026Inputs, calculate, dc_srp_medium_below_threshold};
pub use result::{Letter, Provisional, Step, Steps, Tier2026, Tier2026Code, Tier2026Step, Tiers};

use crate::model::Case;
use crate::tier::{ActiveRegisters, TierError, TierInputs};

/// The 2026 tier of `case` on `on` (docs/rules/tier-2026.md).
///
/// # Errors
/// [`TierError::OutOfRange`] naming `assessments[i].predictors.{arp,csrp,dc_srp}.score` outside 0–100;
/// [`TierError::DcSrpMediumBelowThreshold`] naming `assessments[i].predictors.dc_srp.score` for a medium DC-SRP
/// above 0 and below 0.60.
pub fn tier_2026(case: &Case, on: NaiveDate) -> Result<Tier2026, TierError> {
    calculate_2026(&Tier2026Inputs::from_case(case, on))
}

/// [`calculate`] on inputs read from a case: an error names the assessment the predictors came from.
fn calculate_2026(inputs: &Tier2026Inputs) -> Result<Tier2026, TierError> {
    calculate(inputs).map_err(|e| match inputs.predictors_from {
        Some(i) => e.prefixed(&format!("assessments[{i}].predictors.")),
        None => e,
    })
}

/// Both tiers of `case` on `on`: the 2021 tier exactly as [`crate::tier::tier`] returns it, and the 2026 tier.
///
/// # Errors
/// The first error of either calculation ([`TierError`], naming the field).
pub fn tiers(case: &Case, on: NaiveDate) -> Result<Tiers, TierError> {
    let registers = ActiveRegisters::read(&case.registrations, on);
    Ok(Tiers {
        tier_2021: crate::tier::calculate(&TierInputs::from_case_with(case, on, &registers)?)?,
        tier_2026: calculate_2026(&Tier2026Inputs::from_case_with(case, on, &registers))?,
    })
}
