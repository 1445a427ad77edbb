//! Events (convictions) and their sentences.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Length, Requirement};

/// The kind of custodial sentence, as far as the release arithmetic cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustodyKind {
    /// Standard determinate sentence: release at the halfway point (CRD).
    #[default]
    StandardDeterminate,
    /// Extended determinate sentence: no post-sentence supervision.
    Extended,
    /// Life or IPP: no fixed release or expiry date.
    Life,
}

/// A sentence (disposal). One per event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Sentence {
    /// Community order: at most 3 years, at least one requirement.
    CommunityOrder {
        /// Length of the order.
        length: Length,
        /// Requirements.
        #[serde(default)]
        requirements: Vec<Requirement>,
    },
    /// Suspended sentence order.
    SuspendedSentenceOrder {
        /// The suspended custodial term (14 days – 2 years).
        custodial_term: Length,
        /// Operational period (6 months – 2 years).
        operational_period: Length,
        /// Supervision period (6 months – 2 years, never longer than the operational period); absent when the
        /// order has no community requirements.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        supervision_period: Option<Length>,
        /// Requirements.
        #[serde(default)]
        requirements: Vec<Requirement>,
    },
    /// Custody followed by licence (and, where it applies, post-sentence supervision).
    Custody {
        /// Length of the custodial sentence.
        length: Length,
        /// Kind of custodial sentence.
        #[serde(default)]
        kind: CustodyKind,
        /// Days spent on remand, deducted from the release date.
        #[serde(default)]
        remand_days: u32,
        /// Tagged-bail credit days, deducted from the release date.
        #[serde(default)]
        tagged_bail_days: u32,
        /// Actual release date, once released.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        release_date: Option<NaiveDate>,
    },
}

/// Which kind of sentence, without its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SentenceType {
    /// Community order.
    CommunityOrder,
    /// Suspended sentence order.
    SuspendedSentenceOrder,
    /// Custody.
    Custody,
}

impl Sentence {
    /// The kind of sentence.
    pub const fn sentence_type(&self) -> SentenceType {
        match self {
            Sentence::CommunityOrder { .. } => SentenceType::CommunityOrder,
            Sentence::SuspendedSentenceOrder { .. } => SentenceType::SuspendedSentenceOrder,
            Sentence::Custody { .. } => SentenceType::Custody,
        }
    }
    /// The requirements (empty for custody).
    pub fn requirements(&self) -> &[Requirement] {
        match self {
            Sentence::CommunityOrder { requirements, .. }
            | Sentence::SuspendedSentenceOrder { requirements, .. } => requirements,
            Sentence::Custody { .. } => &[],
        }
    }
    /// True for a custodial sentence.
    pub const fn is_custodial(&self) -> bool {
        matches!(self, Sentence::Custody { .. })
    }
}

/// An event: one conviction and its sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Date of the (first) offence.
    pub offence_date: NaiveDate,
    /// Date of conviction; defaults to the sentence date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conviction_date: Option<NaiveDate>,
    /// Date of sentence.
    pub sentence_date: NaiveDate,
    /// Date the case was allocated to a provider, once it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation_date: Option<NaiveDate>,
    /// Date the event was terminated (order ended early, revoked, or completed), if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub termination_date: Option<NaiveDate>,
    /// The sentence.
    pub sentence: Sentence,
}

impl Event {
    /// The conviction date, defaulting to the sentence date.
    pub fn conviction_date(&self) -> NaiveDate {
        self.conviction_date.unwrap_or(self.sentence_date)
    }
    /// True when the event is not terminated on `on`.
    pub fn is_active_on(&self, on: NaiveDate) -> bool {
        self.sentence_date <= on && self.termination_date.is_none_or(|t| t > on)
    }
}
