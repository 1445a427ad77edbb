//! The case model (docs/rules/case.md): plain data with serde, validated by [`crate::validate`].

mod assessment;
mod booking;
mod case;
mod contact;
pub(crate) mod date;
mod event;
pub(crate) mod from_text;
mod history;
mod length;
mod person;
mod provider;
mod recorded;
mod registration;
mod requirement;
mod unique_map;

pub use assessment::{
    Answer, AnswerMap, Assessment, AssessmentKind, AssessmentLayer, NeedArea, NeedMap,
    NeedSeverity, Predictor, PredictorBand, PredictorKind, Predictors, RoshByGroup, RoshLevel,
    WomensFactors,
};
pub use booking::{
    Booking, CustodialKind, CustodialSentence, DayAward, Deduction, EarlyReleaseExclusion,
    RecallEvent, RecallKind, UalPeriod,
};
pub use case::{Case, SCHEMA_VERSION, SchemaVersion, SchemaVersionError};
pub use contact::{Contact, ContactKind, ContactOutcome, EnforcementAction, EnforcementActionKind};
pub use event::{CustodyKind, Event, Sentence, SentenceType};
pub use history::CriminalHistory;
pub use length::Length;
pub use person::{Person, PersonName, Sex};
pub use provider::{CrcArea, NpsDivision, Provider, ProviderError};
pub use recorded::{
    DecidedBy, RecordedAllocation, RecordedDecisions, RecordedKeyDate, RecordedTier,
};
pub use registration::{MappaCategory, MappaLevel, RegisterCode, Registration};
pub use requirement::{Need, Requirement, RequirementFields, RequirementKind};
