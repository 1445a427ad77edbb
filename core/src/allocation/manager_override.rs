//! [`ManagerOverride`]: a manager's decision recorded beside the rules' answer.

use serde::{Deserialize, Serialize};

use crate::model::Provider;

/// Why a manager overrode the rules' allocation. The Case Allocation System recorded an override with a reason
/// (docs/rules/allocation.md); its code list was not readable, so these codes are this library's \[A\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum OverrideReason {
    /// Risk information not reflected in the scores or registrations (e.g. awaiting an assessment).
    RiskNotReflected,
    /// Keep the person with the officer or provider who already supervises them.
    ContinuityOfSupervision,
    /// Complexity of the case (several agencies, vulnerability) beyond the checklist.
    CaseComplexity,
    /// Public interest or media attention not recorded as `RPIR`.
    PublicInterest,
    /// Any other reason, recorded in the case notes.
    Other,
}

/// A manager's override: the provider they chose and why. Recorded in [`super::Allocation`] beside the rules'
/// provider, never in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ManagerOverride {
    /// The provider chosen.
    pub provider: Provider,
    /// Why.
    pub reason: OverrideReason,
}
