//! Criminal-history counts the reoffending predictors read (docs/rules/predictors.md, §9b).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The person's criminal history as counts and dates, as OASys and the Police National Computer record it. Every
/// field is optional: [`crate::predictors::predictors`] computes the predictors the given fields allow and lists
/// the missing ones for the rest.
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CriminalHistory {
    /// Total sanctions (convictions, cautions, reprimands, warnings) for all offences, including the current one
    /// (1–999).
    pub total_sanctions: Option<u32>,
    /// Age in whole years at the first sanction (0–109).
    pub age_at_first_sanction: Option<u32>,
    /// Sanctions for violent offences (0 to `total_sanctions`; read by VRP and SVRP, not yet computed).
    pub violent_sanctions: Option<u32>,
    /// Has the person ever committed a sexual offence. When absent and all four sexual counts are given, it is
    /// taken as "their sum is above 0".
    pub has_ever_committed_sexual_offence: Option<bool>,
    /// Sanctions for contact sexual offences against an adult.
    pub contact_adult_sexual_sanctions: Option<u32>,
    /// Sanctions for contact sexual offences against a child.
    pub contact_child_sexual_sanctions: Option<u32>,
    /// Non-contact sexual offences (excluding indecent images).
    pub non_contact_sexual_offences: Option<u32>,
    /// Sanctions for indecent images of children.
    pub indecent_image_sanctions: Option<u32>,
    /// Date of the most recent offence of any kind.
    pub last_offence_date: Option<NaiveDate>,
    /// Date of the most recent sexual offence.
    pub last_sexual_offence_date: Option<NaiveDate>,
    /// Was the victim of the current offence a stranger (DC-SRP; absent counts as no).
    pub current_offence_against_stranger: Option<bool>,
}
