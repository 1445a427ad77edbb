//! Contacts (appointments and their outcomes) and enforcement actions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a contact was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// Supervision appointment (office or elsewhere).
    Appointment,
    /// The first appointment after sentence, allocation or release.
    FirstAppointment,
    /// Home visit.
    HomeVisit,
    /// Sentence plan completed (or its review).
    SentencePlan,
    /// Unpaid work session.
    UnpaidWork,
    /// Accredited programme session.
    Programme,
    /// Anything else.
    Other,
}

/// The outcome of a contact, in nDelius semantics ([V-code]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactOutcome {
    /// Attended and complied.
    Attended,
    /// Acceptable absence (attended N, complied Y): never a failure.
    AcceptableAbsence,
    /// Unacceptable absence / failure to comply (attended N, complied N).
    UnacceptableAbsence,
    /// No outcome recorded yet.
    NotRecorded,
}

/// One contact.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Date of the contact.
    pub date: NaiveDate,
    /// Kind of contact.
    pub kind: ContactKind,
    /// Outcome.
    pub outcome: ContactOutcome,
    /// Index of the event it belongs to, when known.
    pub event: Option<u32>,
}

/// An enforcement action already taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EnforcementActionKind {
    /// A formal warning was given.
    Warning,
    /// A CRC referred a breach to the NPS.
    BreachReferral,
    /// Breach proceedings were laid before the court.
    BreachLaid,
    /// A licence recall was requested.
    RecallRequested,
}

/// A dated enforcement action.
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EnforcementAction {
    /// Date of the action.
    pub date: NaiveDate,
    /// What was done.
    pub kind: EnforcementActionKind,
    /// Index of the event it belongs to, when known.
    pub event: Option<u32>,
}
