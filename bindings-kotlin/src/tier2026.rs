//! The 2026 tier (docs/rules/tier-2026.md) and both tiers side by side, as core's serialised JSON (the result
//! types hold `&'static` rule tables and fixed arrays, which uniffi cannot map).

use chrono::NaiveDate;
use probation_core::tier2026 as t;

use crate::ApiError;
use crate::api::from_json;
use crate::error::{guard, internal};

/// The 2026 tier of a case given as JSON, as JSON (`Tier2026`; see `tests/vectors/tier/README.md`).
#[uniffi::export]
pub fn tier_2026_json(case_json: String, on: NaiveDate) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&t::tier_2026(&from_json(&case_json)?, on)?).map_err(internal))
}

/// The 2021 and the 2026 tier of a case given as JSON, as JSON `{"tier_2021", "tier_2026"}` (`Tiers`).
#[uniffi::export]
pub fn tiers_json(case_json: String, on: NaiveDate) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&t::tiers(&from_json(&case_json)?, on)?).map_err(internal))
}
