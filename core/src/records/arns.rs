//! The ARNS predictors document `GET /risks/predictors/unsafe/all/CRN/{crn}`
//! (ministryofjustice/hmpps-assess-risks-and-needs `RiskPredictorsService`, `AllPredictorDto`): a list of completed
//! assessments' predictor outputs. The OGRS4 family is `outputVersion` `"2"`; the newest `completedDate` of those is
//! read into one assessment with [`crate::model::Predictors`] (what the 2026 tier reads). Earlier output versions
//! (OGRS3, RSR, OVP, OGP, OSP) are not read.
//!
//! Fields read: `completedDate` (ISO date or date-time; the date part), `outputVersion`,
//! `output.allReoffendingPredictor` → ARP, `output.combinedSeriousReoffendingPredictor` → CSRP,
//! `output.directContactSexualReoffendingPredictor` → DC-SRP, `violentReoffendingPredictor` → VRP,
//! `seriousViolentReoffendingPredictor` → SVRP, `indirectImageContactSexualReoffendingPredictor` → IIC-SRP, each
//! `{score, band, staticOrDynamic}` (band `LOW`, `MEDIUM`, `HIGH`, `VERY_HIGH`, `NOT_APPLICABLE`; kind `STATIC`,
//! `DYNAMIC`; unknown values refused). The assessment is held with layer `standalone` \[A\]: the needs come from
//! the tier-assessment sections document, which is not read, so the 2021 tier must not take it for a needs
//! assessment.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{RecordError, check_len, decode};
use crate::model::{
    Assessment, AssessmentLayer, Predictor, PredictorBand, PredictorKind, Predictors,
};

/// One predictor of the OGRS4 family as ARNS reports it.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArnsPredictor {
    /// Percentage score.
    pub score: Option<f64>,
    /// Band (`LOW`, `MEDIUM`, `HIGH`, `VERY_HIGH`, `NOT_APPLICABLE`).
    pub band: Option<String>,
    /// `STATIC` or `DYNAMIC`.
    pub static_or_dynamic: Option<String>,
}

/// `AllPredictorDto` (output version 2).
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArnsPredictorOutput {
    /// ARP.
    pub all_reoffending_predictor: Option<ArnsPredictor>,
    /// VRP.
    pub violent_reoffending_predictor: Option<ArnsPredictor>,
    /// SVRP.
    pub serious_violent_reoffending_predictor: Option<ArnsPredictor>,
    /// DC-SRP.
    pub direct_contact_sexual_reoffending_predictor: Option<ArnsPredictor>,
    /// IIC-SRP.
    pub indirect_image_contact_sexual_reoffending_predictor: Option<ArnsPredictor>,
    /// CSRP.
    pub combined_serious_reoffending_predictor: Option<ArnsPredictor>,
}

/// One entry of the predictors document.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArnsPredictorEntry {
    /// When the assessment was completed (ISO date or date-time).
    pub completed_date: String,
    /// `"1"` (OGRS3 family, not read) or `"2"` (OGRS4 family).
    pub output_version: String,
    /// The output; read only for version 2.
    #[serde(default)]
    pub output: serde_json::Value,
}

pub(crate) const KEYS: &[&str] = &[
    "completedDate",
    "outputVersion",
    "output",
    "score",
    "band",
    "staticOrDynamic",
    "allReoffendingPredictor",
    "violentReoffendingPredictor",
    "seriousViolentReoffendingPredictor",
    "directContactSexualReoffendingPredictor",
    "indirectImageContactSexualReoffendingPredictor",
    "combinedSeriousReoffendingPredictor",
];

fn band(s: &str, path: &str) -> Result<PredictorBand, RecordError> {
    Ok(match s {
        "LOW" => PredictorBand::Low,
        "MEDIUM" => PredictorBand::Medium,
        "HIGH" => PredictorBand::High,
        "VERY_HIGH" => PredictorBand::VeryHigh,
        "NOT_APPLICABLE" => PredictorBand::NotApplicable,
        other => return Err(RecordError::unknown(path, other)),
    })
}

fn predictor(p: Option<&ArnsPredictor>, path: &str) -> Result<Option<Predictor>, RecordError> {
    let Some(p) = p else { return Ok(None) };
    let Some(score) = p.score else {
        return Ok(None);
    };
    if !(0.0..=100.0).contains(&score) {
        return Err(RecordError::invalid(
            format!("{path}.score"),
            "must be a percentage from 0 to 100",
        ));
    }
    let kind = match p.static_or_dynamic.as_deref() {
        None => None,
        Some("STATIC") => Some(PredictorKind::Static),
        Some("DYNAMIC") => Some(PredictorKind::Dynamic),
        Some(other) => {
            return Err(RecordError::unknown(
                format!("{path}.staticOrDynamic"),
                other,
            ));
        }
    };
    let band = p
        .band
        .as_deref()
        .map(|b| band(b, &format!("{path}.band")))
        .transpose()?;
    Ok(Some(Predictor { score, kind, band }))
}

/// The newest OGRS4-family assessment of an ARNS predictors document (already decoded), if there is one.
///
/// # Errors
/// [`RecordError`] naming the field (`[i].completedDate`, `[i].output.<predictor>.score|band|staticOrDynamic`),
/// or [`RecordError::TooMany`].
pub fn predictors_assessment(
    entries: &[ArnsPredictorEntry],
) -> Result<Option<Assessment>, RecordError> {
    check_len(entries, String::new)?;
    let mut newest: Option<(usize, NaiveDate)> = None;
    for (i, e) in entries.iter().enumerate() {
        if e.output_version != "2" {
            continue;
        }
        let date = crate::model::date::iso_date_prefix(&e.completed_date).ok_or_else(|| {
            RecordError::invalid(
                format!("[{i}].completedDate"),
                "not an ISO date or date-time",
            )
        })?;
        if newest.is_none_or(|(_, d)| date >= d) {
            newest = Some((i, date));
        }
    }
    let Some((i, date)) = newest else {
        return Ok(None);
    };
    let Some(entry) = entries.get(i) else {
        return Ok(None);
    };
    let output: ArnsPredictorOutput =
        serde_json::from_value(entry.output.clone()).map_err(|e| RecordError::Decode {
            path: format!("[{i}].output"),
            message: crate::interchange::redact(&e.to_string()),
        })?;
    let p = |x: &Option<ArnsPredictor>, name: &str| {
        predictor(x.as_ref(), &format!("[{i}].output.{name}"))
    };
    let predictors = Predictors {
        arp: p(&output.all_reoffending_predictor, "allReoffendingPredictor")?,
        csrp: p(
            &output.combined_serious_reoffending_predictor,
            "combinedSeriousReoffendingPredictor",
        )?,
        dc_srp: p(
            &output.direct_contact_sexual_reoffending_predictor,
            "directContactSexualReoffendingPredictor",
        )?,
        vrp: p(
            &output.violent_reoffending_predictor,
            "violentReoffendingPredictor",
        )?,
        svrp: p(
            &output.serious_violent_reoffending_predictor,
            "seriousViolentReoffendingPredictor",
        )?,
        iic_srp: p(
            &output.indirect_image_contact_sexual_reoffending_predictor,
            "indirectImageContactSexualReoffendingPredictor",
        )?,
    };
    let mut a = Assessment::new(date);
    a.layer = Some(AssessmentLayer::Standalone);
    a.predictors = Some(predictors);
    Ok(Some(a))
}

/// Reads an ARNS predictors document (`json`, a list) into its newest OGRS4-family assessment.
///
/// # Errors
/// [`RecordError`] naming the field.
pub fn arns_predictors_to_assessment(json: &str) -> Result<Option<Assessment>, RecordError> {
    let entries: Vec<ArnsPredictorEntry> = decode(json, &[KEYS])?;
    predictors_assessment(&entries)
}

fn entry_predictor(p: Option<Predictor>) -> Option<ArnsPredictor> {
    p.map(|p| ArnsPredictor {
        score: Some(p.score),
        band: p.band.map(|b| {
            match b {
                PredictorBand::Low => "LOW",
                PredictorBand::Medium => "MEDIUM",
                PredictorBand::High => "HIGH",
                PredictorBand::VeryHigh => "VERY_HIGH",
                PredictorBand::NotApplicable => "NOT_APPLICABLE",
            }
            .to_owned()
        }),
        static_or_dynamic: p.kind.map(|k| {
            match k {
                PredictorKind::Static => "STATIC",
                PredictorKind::Dynamic => "DYNAMIC",
            }
            .to_owned()
        }),
    })
}

/// The predictors document entry (output version 2) of an assessment's predictors: the inverse of
/// [`predictors_assessment`] for one entry.
pub fn predictors_entry(date: NaiveDate, p: &Predictors) -> ArnsPredictorEntry {
    let output = ArnsPredictorOutput {
        all_reoffending_predictor: entry_predictor(p.arp),
        violent_reoffending_predictor: entry_predictor(p.vrp),
        serious_violent_reoffending_predictor: entry_predictor(p.svrp),
        direct_contact_sexual_reoffending_predictor: entry_predictor(p.dc_srp),
        indirect_image_contact_sexual_reoffending_predictor: entry_predictor(p.iic_srp),
        combined_serious_reoffending_predictor: entry_predictor(p.csrp),
    };
    ArnsPredictorEntry {
        completed_date: date.to_string(),
        output_version: "2".to_owned(),
        output: serde_json::to_value(output).unwrap_or_default(),
    }
}
