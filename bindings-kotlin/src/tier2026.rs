//! The 2026 tier (docs/rules/tier-2026.md) and both tiers side by side: core's own result records
//! ([`probation_core::tier2026::Tier2026`], [`probation_core::tier2026::Tiers`]), their batch calls, and the
//! same as JSON.

use chrono::NaiveDate;
use probation_core::model::Case;
use probation_core::tier2026 as t;

use crate::ApiError;
use crate::api::from_json;
use crate::batch::{ItemError, each};
use crate::error::{guard, internal};

/// The 2026 tier of a case on `on`.
#[uniffi::export]
pub fn tier_2026(case: Case, on: NaiveDate) -> Result<t::Tier2026, ApiError> {
    guard(|| Ok(t::tier_2026(&case, on)?))
}

/// The 2021 and the 2026 tier of a case on `on`.
#[uniffi::export]
pub fn tiers(case: Case, on: NaiveDate) -> Result<t::Tiers, ApiError> {
    guard(|| Ok(t::tiers(&case, on)?))
}

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

/// A `Tier2026` record (from [`tier_2026`]) as core serialises it, i.e. as [`tier_2026_json`] gives it; rules
/// are read back by id (an unknown id is `ApiException.Decode` at `rules`).
#[uniffi::export]
pub fn tier_2026_to_json(tier: t::Tier2026) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&tier).map_err(internal))
}

/// A `Tiers` record (from [`tiers`]) as core serialises it, i.e. as [`tiers_json`] gives it; rules are read back
/// by id (an unknown id is `ApiException.Decode` at `rules`).
#[uniffi::export]
pub fn tiers_to_json(tiers: t::Tiers) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&tiers).map_err(internal))
}

/// One result of a batch 2026 tiering.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Tier2026Item {
    /// The 2026 tier, when it could be calculated.
    pub tier: Option<t::Tier2026>,
    /// Why not.
    pub error: Option<ItemError>,
}

/// The 2026 tier of every case of a list on `on`, in one call; one item per case, in order.
#[uniffi::export]
pub fn tier_2026_batch(cases: Vec<Case>, on: NaiveDate) -> Result<Vec<Tier2026Item>, ApiError> {
    guard(|| {
        Ok(each(
            &cases,
            |c| t::tier_2026(c, on),
            |tier, error| Tier2026Item { tier, error },
        ))
    })
}

/// One result of a batch of both tiers.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TiersItem {
    /// Both tiers, when they could be calculated.
    pub tiers: Option<t::Tiers>,
    /// Why not.
    pub error: Option<ItemError>,
}

/// Both tiers of every case of a list on `on`, in one call; one item per case, in order.
#[uniffi::export]
pub fn tiers_batch(cases: Vec<Case>, on: NaiveDate) -> Result<Vec<TiersItem>, ApiError> {
    guard(|| {
        Ok(each(
            &cases,
            |c| t::tiers(c, on),
            |tiers, error| TiersItem { tiers, error },
        ))
    })
}
