//! Answers in the forms nDelius stores: the tier (`UB2`, `UB2S`; community-api `D_2`), the 2026 tier, and
//! custody key dates by nDelius key-date code.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Case;
use crate::sentence::{SentenceDates, SentenceError};
use crate::tier::Tier;
use crate::tier2026::Tier2026;

/// The nDelius reference-data set the tier is written to.
pub const TIER_REFERENCE_SET: &str = "TIER";

/// The change reason nDelius records for a tier written by the tier service.
pub const TIER_CHANGE_REASON: &str = "ATS";

/// A tier in the forms nDelius and its APIs hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NdeliusTierForms {
    /// The tier, e.g. `B2` or `B2S`.
    pub tier: String,
    /// The reference-data code nDelius stores: `U` + tier, e.g. `UB2`, `UB2S`.
    pub ndelius: String,
    /// The reference-data set, `TIER`.
    pub reference_set: String,
    /// The change reason, `ATS`.
    pub change_reason: String,
    /// The community-api form: letter `_` digit, e.g. `B_2` (the `S` suffix is not shown there).
    pub community_api: String,
    /// The 2026 tier (`A`–`G`, `not_supervised`, `missing`), when calculated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_2026: Option<String>,
    /// Whether the 2026 tier is provisional, when calculated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_2026_provisional: Option<bool>,
}

/// The nDelius forms of a 2021 tier and, optionally, the 2026 tier.
pub fn tier_forms(tier: &Tier, tier_2026: Option<&Tier2026>) -> NdeliusTierForms {
    let code = tier.tier;
    NdeliusTierForms {
        tier: code.to_string(),
        ndelius: code.ndelius().to_string(),
        reference_set: TIER_REFERENCE_SET.to_owned(),
        change_reason: TIER_CHANGE_REASON.to_owned(),
        community_api: format!("{}_{}", code.protect.letter(), code.change.digit()),
        tier_2026: tier_2026.map(|t| t.tier.to_string()),
        tier_2026_provisional: tier_2026.map(|t| t.provisional),
    }
}

/// One key date by its nDelius code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NdeliusKeyDate {
    /// nDelius key-date code (`SED`, `ACR`, `LED`, `PSSED`).
    pub code: &'static str,
    /// The date.
    pub date: NaiveDate,
}

/// The key dates of a sentence as nDelius key-date codes: sentence expiry `SED`, conditional (automatic)
/// release `ACR`, licence expiry `LED`, end of post-sentence supervision `PSSED`. Codes the sentence arithmetic
/// does not produce (`PED`, `EXP`, `HDE`, `POM1`) are not written.
pub fn key_dates(dates: &SentenceDates) -> Vec<NdeliusKeyDate> {
    let release = dates.conditional_release.or(dates.automatic_release);
    [
        ("SED", dates.sentence_expiry),
        ("ACR", release),
        ("LED", dates.licence_expiry),
        ("PSSED", dates.top_up_supervision_expiry),
    ]
    .into_iter()
    .filter_map(|(code, d)| d.map(|d| NdeliusKeyDate { code, date: d.date }))
    .collect()
}

/// The nDelius key dates of one custodial event of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EventKeyDates {
    /// Index of the event in the case's `events`.
    pub event: usize,
    /// Its key dates ([`key_dates`]).
    pub dates: Vec<NdeliusKeyDate>,
}

/// The nDelius key dates of every custodial event of `case`, in event order (non-custodial events have none and
/// are left out). A sentence the arithmetic refuses is the [`SentenceError`] naming its event's field.
///
/// ```
/// use probation_core::records::{case_key_dates, community_api_to_case};
/// let doc = r#"{"offender": {"otherIds": {"crn": "X320741"}, "dateOfBirth": "1990-01-01"},
///   "convictions": [{"convictionId": 1, "convictionDate": "2024-01-10", "sentence": {"startDate": "2024-01-10",
///   "originalLength": 12, "originalLengthUnits": "Months", "sentenceType": {"code": "SC"}}}]}"#;
/// let dates = case_key_dates(&community_api_to_case(doc).unwrap()).unwrap();
/// assert_eq!(dates[0].event, 0);
/// assert!(dates[0].dates.iter().any(|d| d.code == "SED"));
/// ```
pub fn case_key_dates(case: &Case) -> Result<Vec<EventKeyDates>, SentenceError> {
    let mut out = Vec::new();
    for (event, e) in case.events.iter().enumerate() {
        if e.sentence.is_custodial() {
            let d = crate::sentence::sentence_dates(&case.person, e)?;
            out.push(EventKeyDates {
                event,
                dates: key_dates(&d),
            });
        }
    }
    Ok(out)
}
