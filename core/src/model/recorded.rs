//! Decisions as a system recorded them (docs/interchange.md#recorded-decisions): the allocation made, the tier
//! history, the custody key dates. The enforcement actions taken are [`super::EnforcementAction`]s in
//! `Case.enforcement`. [`crate::audit`] re-runs each against the rules in force on its date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Provider;
use crate::allocation::OverrideReason;

/// Who or what made a recorded decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    /// A practitioner or manager, by hand.
    Practitioner,
    /// A case management or allocation system, automatically.
    System,
}

/// The allocation actually made: to whom, on which date, for which event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordedAllocation {
    /// The date the allocation was made.
    #[serde(deserialize_with = "crate::model::date::de")]
    pub date: NaiveDate,
    /// The provider allocated to.
    pub provider: Provider,
    /// Index of the event allocated, when known (otherwise the newest event sentenced on or before `date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub event: Option<u32>,
    /// Who or what made it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub by: Option<DecidedBy>,
    /// A manager's override reason, when the provider was chosen against the rules on purpose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub override_reason: Option<OverrideReason>,
}

/// A tier as recorded on a date: the 2021 tier (`B2`, `B2S`, or nDelius's `UB2`, `UB2S`), the 2026 tier
/// (`A`–`G`), or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordedTier {
    /// The date the tier was recorded.
    #[serde(deserialize_with = "crate::model::date::de")]
    pub date: NaiveDate,
    /// The 2021 tier recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^U?[A-D][0-3]S?$")))]
    pub tier_2021: Option<String>,
    /// The 2026 tier recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-G]$")))]
    pub tier_2026: Option<String>,
}

/// A custody key date as recorded, by nDelius key-date code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordedKeyDate {
    /// Index of the event (the custodial sentence).
    pub event: u32,
    /// nDelius key-date code: `SED`, `ACR`, `LED`, `PSSED` are checked; `PED`, `EXP`, `HDE`, `POM1` are read and
    /// not checked (the sentence arithmetic does not produce them).
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^(SED|ACR|LED|PSSED|PED|EXP|HDE|POM1)$"))
    )]
    pub code: String,
    /// The date recorded.
    #[serde(deserialize_with = "crate::model::date::de")]
    pub date: NaiveDate,
}

/// Every recorded decision of a case (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordedDecisions {
    /// Allocations made, any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub allocations: Vec<RecordedAllocation>,
    /// The tier history as recorded, any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tiers: Vec<RecordedTier>,
    /// Custody key dates as recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub key_dates: Vec<RecordedKeyDate>,
}

impl RecordedDecisions {
    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.allocations.is_empty() && self.tiers.is_empty() && self.key_dates.is_empty()
    }
}
