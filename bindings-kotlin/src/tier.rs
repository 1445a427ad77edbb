//! The 2021 tier (A0–D3): a summary record, and the full breakdown as JSON.

use chrono::NaiveDate;
use probation_core::tier as t;

use probation_core::model::Case;
use probation_core::rules::StaticRule;

use crate::ApiError;
use crate::api::from_json;
use crate::batch::ItemError;
use crate::error::{guard, internal};

/// A tier: the protect and change halves with their points, the tier string and every rule that fired. The
/// per-component breakdown is in [`tier_json`]'s output.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Tier {
    /// The tier, e.g. `B2` or `B2S`.
    pub tier: String,
    /// The nDelius form, e.g. `UB2`.
    pub ndelius: String,
    /// Protect level, `A`–`D`.
    pub protect_level: String,
    /// Protect points.
    pub protect_points: u32,
    /// Change level, 0–3.
    pub change_level: u8,
    /// Change points (0 when a special rule applies).
    pub change_points: u32,
    /// The special rule that set the change level (`no_mandate`, `no_assessment`), if one did.
    pub special_rule: Option<String>,
    /// An active `PRC` registration (the `S` suffix).
    pub unsupervised: bool,
    /// The date of the calculation.
    pub on: NaiveDate,
    /// Every rule that fired.
    pub rules: Vec<StaticRule>,
}

impl From<t::Tier> for Tier {
    fn from(x: t::Tier) -> Self {
        Tier {
            tier: x.tier.to_string(),
            ndelius: x.ndelius.to_string(),
            protect_level: x.protect.level.letter().to_string(),
            protect_points: x.protect.points,
            change_level: x.change.level.digit(),
            change_points: x.change.points,
            special_rule: x.change.special_rule.map(|r| {
                match r {
                    t::SpecialRule::NoMandate => "no_mandate",
                    t::SpecialRule::NoAssessment => "no_assessment",
                }
                .to_owned()
            }),
            unsupervised: x.unsupervised,
            on: x.on,
            rules: x.rules.iter().collect(),
        }
    }
}

/// The tier of a case on `on`.
#[uniffi::export]
pub fn tier(case: Case, on: NaiveDate) -> Result<Tier, ApiError> {
    guard(|| Ok(t::tier(&case, on)?.into()))
}

/// The tier of a case given as JSON, as JSON with every component's points (see
/// `tests/vectors/tier/README.md`).
#[uniffi::export]
pub fn tier_json(case_json: String, on: NaiveDate) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&t::tier(&from_json(&case_json)?, on)?).map_err(internal))
}

/// One result of a batch tiering.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TierItem {
    /// The tier, when it could be calculated.
    pub tier: Option<Tier>,
    /// Why not.
    pub error: Option<ItemError>,
}

/// Tiers every case of a list on `on`; one item per case, in order.
#[uniffi::export]
pub fn tier_batch(cases: Vec<Case>, on: NaiveDate) -> Result<Vec<TierItem>, ApiError> {
    guard(|| {
        Ok(cases
            .into_iter()
            .map(|c| match t::tier(&c, on) {
                Ok(x) => TierItem {
                    tier: Some(x.into()),
                    error: None,
                },
                Err(e) => TierItem {
                    tier: None,
                    error: Some(ApiError::from(e).into()),
                },
            })
            .collect())
    })
}
