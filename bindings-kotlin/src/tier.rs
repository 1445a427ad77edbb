//! The 2021 tier (A0–D3): core's own result record ([`probation_core::tier::Tier`], with every component's
//! points), and the same as JSON.

use chrono::NaiveDate;
use probation_core::tier as t;

use probation_core::model::Case;

use crate::ApiError;
use crate::api::from_json;
use crate::batch::{ItemError, each};
use crate::error::{guard, internal};

/// The tier of a case on `on`.
#[uniffi::export]
pub fn tier(case: Case, on: NaiveDate) -> Result<t::Tier, ApiError> {
    guard(|| Ok(t::tier(&case, on)?))
}

/// The tier of a case given as JSON, as JSON with every component's points (see
/// `tests/vectors/tier/README.md`).
#[uniffi::export]
pub fn tier_json(case_json: String, on: NaiveDate) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&t::tier(&from_json(&case_json)?, on)?).map_err(internal))
}

/// A tier record (from [`tier`]) as core serialises it, i.e. as [`tier_json`] gives it. Its rules are read back
/// by id; a rule id no table has is `ApiException.Decode` at `rules`.
#[uniffi::export]
pub fn tier_to_json(tier: t::Tier) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&tier).map_err(internal))
}

/// One result of a batch tiering.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TierItem {
    /// The tier, when it could be calculated.
    pub tier: Option<t::Tier>,
    /// Why not.
    pub error: Option<ItemError>,
}

/// Tiers every case of a list on `on`; one item per case, in order.
#[uniffi::export]
pub fn tier_batch(cases: Vec<Case>, on: NaiveDate) -> Result<Vec<TierItem>, ApiError> {
    guard(|| {
        Ok(each(
            &cases,
            |c| t::tier(c, on),
            |tier, error| TierItem { tier, error },
        ))
    })
}
