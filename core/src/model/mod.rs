//! The case model (docs/rules/case.md): plain data with serde, validated by [`crate::validate`].

mod assessment;
mod booking;
mod case;
mod contact;
pub(crate) mod date;
mod event;
pub(crate) mod from_text;
mod history;
pub(crate) mod length;
mod person;
mod provider;
mod recorded;
mod registration;
mod requirement;
pub(crate) mod unique_map;

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

#[cfg(test)]
mod fields_tests {
    //! What `#[probation_macros::fields]` writes (docs/bindings.md, "Adding an optional field to the case"). The
    //! model's own byte-identity is checked by the schema staleness test and the generated Kotlin.
    use std::collections::BTreeMap;

    use chrono::NaiveDate;
    use serde::{Deserialize, Serialize};

    #[probation_macros::fields]
    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        date: NaiveDate,
        maybe: Option<u32>,
        on: Option<NaiveDate>,
        list: Vec<u32>,
        map: BTreeMap<String, u32>,
        flag: bool,
        #[serde(default)]
        count: u32,
        #[fields(keep)]
        required: Vec<u32>,
    }

    fn decode(json: &str) -> Result<Sample, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn absent_optional_fields_default_and_are_not_written() -> Result<(), String> {
        let s = decode(r#"{"date": "2025-01-31", "required": []}"#)?;
        let date = NaiveDate::from_ymd_opt(2025, 1, 31).ok_or("date")?;
        assert_eq!(
            s,
            Sample {
                date,
                ..Sample::default()
            }
        );
        let json = serde_json::to_string(&s).map_err(|e| e.to_string())?;
        assert_eq!(json, r#"{"date":"2025-01-31","count":0,"required":[]}"#);
        Ok(())
    }

    #[test]
    fn given_fields_round_trip() -> Result<(), String> {
        let json = r#"{"date":"2025-01-31","maybe":3,"on":"2025-02-01","list":[1],"map":{"a":1},"flag":true,"count":2,"required":[4]}"#;
        let s = decode(json)?;
        assert_eq!(serde_json::to_string(&s).map_err(|e| e.to_string())?, json);
        Ok(())
    }

    #[test]
    fn dates_use_the_model_decoder_and_maps_refuse_repeated_keys() {
        // Only the model's date decoder says what it expected (chrono's own does not).
        let bad = decode(r#"{"date": "2025-13-01", "required": []}"#);
        assert!(bad.is_err_and(|e| e.contains("expected YYYY-MM-DD")));
        let bad = decode(r#"{"date": "2025-01-31", "on": "2025-13-01", "required": []}"#);
        assert!(bad.is_err_and(|e| e.contains("expected YYYY-MM-DD")));
        let repeated = decode(r#"{"date": "2025-01-31", "map": {"a": 1, "a": 2}, "required": []}"#);
        assert!(repeated.is_err_and(|e| e.contains("duplicate map key")));
    }

    #[test]
    fn a_kept_field_stays_required() {
        let missing = decode(r#"{"date": "2025-01-31"}"#);
        assert!(missing.is_err_and(|e| e.contains("missing field `required`")));
    }
}
