//! The ARNS documents hmpps-tier reads beside the predictors: the tier-assessment sections
//! (`GET /tier-assessment/sections/{crn}`, hmpps-tier `client/arns/AssessmentForTier.kt`, `NeedSection.kt`,
//! `SectionAnswer.kt`, `AssessmentSummary.kt`) and the sexually-motivated-offence answer
//! (`GET /assessments/crn/{crn}/sexually-motivated-offence`, `SexualOffenceDto.kt`).
//!
//! What each field becomes (docs/records.md#arns-sections):
//! - `assessment.completedDate` (ISO date or date-time; the date part; required when there is an assessment) →
//!   the assessment's `date`; `assessment.sanIndicator` → kind `san` (else `oasys`); `id`/`assessmentId`, `type`/
//!   `assessmentType` and `status` are not read. No `assessment` → no assessment.
//! - each of the eight sections (`accommodation`, `educationTrainingEmployability`, `relationships`,
//!   `lifestyleAndAssociates`, `drugMisuse`, `alcoholMisuse`, `thinkingAndBehaviour`, `attitudes`): the values
//!   of `questionAnswers` → the area's `section_answers` (`Yes`, `No`, `Unknown`, `None`, `Some`, `Significant`,
//!   `Never`, `Previous`, `Currently`; `Missing`, `null` or `""` → missing; any other answer refused, naming
//!   the field, as hmpps-tier refuses it). The tier scores severities from them. `linkedToHarm` and
//!   `linkedToReOffending` are not read (hmpps-tier scores only the answers).
//! - women's factors: `relationships.parentalResponsibilities` `Yes` → parenting responsibilities;
//!   `thinkingAndBehaviour.impulsivity` / `temperControl` → their scores (0–2); held when either section is there.
//! - the sexual-offence document `{everCommittedSexualOffence}` → `ever_committed_sexual_offence` (`null` = false).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{RecordError, check_len};
use crate::model::{Answer, Assessment, AssessmentKind, NeedArea, WomensFactors};

/// `AssessmentSummary`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArnsAssessmentSummary {
    /// When the assessment was completed (ISO date or date-time).
    pub completed_date: Option<String>,
    /// The assessment is a Strengths and Needs (SAN) assessment: SAN need thresholds.
    #[serde(default)]
    pub san_indicator: bool,
}

/// One need section: its question answers (and, for two sections, the women's-factor answers).
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArnsNeedSection {
    /// Answers by question name (the names are not read; every answer counts).
    #[serde(default)]
    pub question_answers: BTreeMap<String, Option<String>>,
    /// `relationships` only: parental responsibilities (`Yes`, `No`, `Unknown`).
    pub parental_responsibilities: Option<String>,
    /// `thinkingAndBehaviour` only: impulsivity (`None`, `Some`, `Significant`, `Missing`).
    pub impulsivity: Option<String>,
    /// `thinkingAndBehaviour` only: temper control.
    pub temper_control: Option<String>,
}

/// `AssessmentForTier`: the tier-assessment sections document.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArnsSections {
    /// The assessment; absent when the person has none.
    pub assessment: Option<ArnsAssessmentSummary>,
    /// Accommodation.
    pub accommodation: Option<ArnsNeedSection>,
    /// Education, training and employability.
    pub education_training_employability: Option<ArnsNeedSection>,
    /// Relationships.
    pub relationships: Option<ArnsNeedSection>,
    /// Lifestyle and associates.
    pub lifestyle_and_associates: Option<ArnsNeedSection>,
    /// Drug misuse.
    pub drug_misuse: Option<ArnsNeedSection>,
    /// Alcohol misuse.
    pub alcohol_misuse: Option<ArnsNeedSection>,
    /// Thinking and behaviour.
    pub thinking_and_behaviour: Option<ArnsNeedSection>,
    /// Attitudes.
    pub attitudes: Option<ArnsNeedSection>,
}

/// `SexualOffenceDto`.
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArnsSexualOffence {
    /// The person has ever committed a sexual offence (`null` read as false).
    #[serde(default)]
    pub ever_committed_sexual_offence: Option<bool>,
}

/// Every key of the two shapes (error paths show only these).
pub(crate) const KEYS: &[&str] = &[
    "assessment",
    "completedDate",
    "sanIndicator",
    "accommodation",
    "educationTrainingEmployability",
    "relationships",
    "lifestyleAndAssociates",
    "drugMisuse",
    "alcoholMisuse",
    "thinkingAndBehaviour",
    "attitudes",
    "questionAnswers",
    "parentalResponsibilities",
    "impulsivity",
    "temperControl",
    "everCommittedSexualOffence",
];

/// The answers hmpps-tier's `SectionAnswer` knows, as the case model holds them (`None` = missing).
const ANSWERS: &[(&str, Option<Answer>)] = &[
    ("Yes", Some(Answer::Yes)),
    ("No", Some(Answer::No)),
    ("Unknown", Some(Answer::Unknown)),
    ("None", Some(Answer::None)),
    ("Some", Some(Answer::Some)),
    ("Significant", Some(Answer::Significant)),
    ("Missing", None),
    ("Never", Some(Answer::Never)),
    ("Previous", Some(Answer::Previous)),
    ("Currently", Some(Answer::Currently)),
];

/// One answer at `path`: missing for `null`/`""`/`Missing`.
///
/// # Errors
/// [`RecordError::UnknownCode`] for an answer `SectionAnswer` does not know.
fn answer(s: Option<&str>, path: impl FnOnce() -> String) -> Result<Option<Answer>, RecordError> {
    match s {
        None | Some("") => Ok(None),
        Some(s) => ANSWERS
            .iter()
            .find(|(a, _)| *a == s)
            .map(|(_, a)| *a)
            .ok_or_else(|| RecordError::unknown(path(), s)),
    }
}

impl ArnsSections {
    /// The sections with their case-model area and field name.
    fn sections(&self) -> [(NeedArea, &'static str, Option<&ArnsNeedSection>); 8] {
        [
            (
                NeedArea::Accommodation,
                "accommodation",
                self.accommodation.as_ref(),
            ),
            (
                NeedArea::EducationTrainingEmployability,
                "educationTrainingEmployability",
                self.education_training_employability.as_ref(),
            ),
            (
                NeedArea::Relationships,
                "relationships",
                self.relationships.as_ref(),
            ),
            (
                NeedArea::LifestyleAssociates,
                "lifestyleAndAssociates",
                self.lifestyle_and_associates.as_ref(),
            ),
            (
                NeedArea::DrugMisuse,
                "drugMisuse",
                self.drug_misuse.as_ref(),
            ),
            (
                NeedArea::AlcoholMisuse,
                "alcoholMisuse",
                self.alcohol_misuse.as_ref(),
            ),
            (
                NeedArea::ThinkingBehaviour,
                "thinkingAndBehaviour",
                self.thinking_and_behaviour.as_ref(),
            ),
            (NeedArea::Attitudes, "attitudes", self.attitudes.as_ref()),
        ]
    }

    /// The assessment this document describes, `None` when it has no `assessment`. `prefix` is put before
    /// every error path (e.g. `sections.` when the document is a member of a tier-details line).
    ///
    /// # Errors
    /// [`RecordError`] naming the field: `assessment.completedDate` absent or not a date; an unknown answer; a
    /// section with more than [`super::MAX_ITEMS`] answers.
    pub fn to_assessment(&self, prefix: &str) -> Result<Option<Assessment>, RecordError> {
        let Some(summary) = &self.assessment else {
            return Ok(None);
        };
        let date = summary
            .completed_date
            .as_deref()
            .and_then(crate::model::date::iso_date_prefix)
            .ok_or_else(|| {
                RecordError::invalid(
                    format!("{prefix}assessment.completedDate"),
                    "absent or not an ISO date or date-time",
                )
            })?;
        let mut a = Assessment::new(date);
        if summary.san_indicator {
            a.kind = AssessmentKind::San;
        }
        for (area, name, section) in self.sections() {
            let Some(section) = section.filter(|s| !s.question_answers.is_empty()) else {
                continue;
            };
            check_len(
                &section.question_answers.values().collect::<Vec<_>>(),
                || format!("{prefix}{name}.questionAnswers"),
            )?;
            let mut answers = Vec::with_capacity(section.question_answers.len());
            for v in section.question_answers.values() {
                answers.push(answer(v.as_deref(), || {
                    format!("{prefix}{name}.questionAnswers")
                })?);
            }
            a.section_answers.insert(area, answers);
        }
        let field = |section: Option<&ArnsNeedSection>,
                     name: &str,
                     key: &str,
                     pick: fn(&ArnsNeedSection) -> Option<&str>| {
            section
                .and_then(pick)
                .map(|s| answer(Some(s), || format!("{prefix}{name}.{key}")))
                .transpose()
                .map(Option::flatten)
        };
        let parenting = field(
            self.relationships.as_ref(),
            "relationships",
            "parentalResponsibilities",
            |s| s.parental_responsibilities.as_deref(),
        )?;
        let t = self.thinking_and_behaviour.as_ref();
        let impulsivity = field(t, "thinkingAndBehaviour", "impulsivity", |s| {
            s.impulsivity.as_deref()
        })?;
        let temper = field(t, "thinkingAndBehaviour", "temperControl", |s| {
            s.temper_control.as_deref()
        })?;
        if self.relationships.is_some() || t.is_some() {
            let score = |a: Option<Answer>| a.map_or(0, |a| u8::try_from(a.score()).unwrap_or(0));
            a.womens_factors = Some(WomensFactors {
                parenting_responsibilities: parenting == Some(Answer::Yes),
                impulsivity: score(impulsivity),
                temper_control: score(temper),
                breach_or_recall_last_12_months: false,
            });
        }
        Ok(Some(a))
    }

    /// The sections document of an assessment: the inverse of [`ArnsSections::to_assessment`] for every field
    /// it reads (answers are written under the names `q001`, `q002`, ...; missing as `Missing`).
    pub fn from_assessment(a: &Assessment) -> Self {
        let word = |x: Option<Answer>| {
            ANSWERS
                .iter()
                .find(|(_, y)| *y == x)
                .map_or("Missing", |(w, _)| w)
                .to_owned()
        };
        let section = |area: NeedArea| {
            a.section_answers.get(&area).map(|answers| ArnsNeedSection {
                question_answers: answers
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("q{:03}", i + 1), Some(word(*x))))
                    .collect(),
                ..ArnsNeedSection::default()
            })
        };
        let problem = |score: u8| {
            match score {
                0 => "None",
                1 => "Some",
                _ => "Significant",
            }
            .to_owned()
        };
        let mut doc = ArnsSections {
            assessment: Some(ArnsAssessmentSummary {
                completed_date: Some(a.date.to_string()),
                san_indicator: a.kind == AssessmentKind::San,
            }),
            accommodation: section(NeedArea::Accommodation),
            education_training_employability: section(NeedArea::EducationTrainingEmployability),
            relationships: section(NeedArea::Relationships),
            lifestyle_and_associates: section(NeedArea::LifestyleAssociates),
            drug_misuse: section(NeedArea::DrugMisuse),
            alcohol_misuse: section(NeedArea::AlcoholMisuse),
            thinking_and_behaviour: section(NeedArea::ThinkingBehaviour),
            attitudes: section(NeedArea::Attitudes),
        };
        if let Some(w) = a.womens_factors {
            let r = doc
                .relationships
                .get_or_insert_with(ArnsNeedSection::default);
            r.parental_responsibilities = Some(
                if w.parenting_responsibilities {
                    "Yes"
                } else {
                    "No"
                }
                .to_owned(),
            );
            let t = doc
                .thinking_and_behaviour
                .get_or_insert_with(ArnsNeedSection::default);
            t.impulsivity = Some(problem(w.impulsivity));
            t.temper_control = Some(problem(w.temper_control));
        }
        doc
    }
}

/// Reads a tier-assessment sections document (`json`) into its assessment (`None` when it has none).
///
/// # Errors
/// [`RecordError`] naming the field.
pub fn arns_sections_to_assessment(json: &str) -> Result<Option<Assessment>, RecordError> {
    super::decode::<ArnsSections>(json, &[KEYS])?.to_assessment("")
}
