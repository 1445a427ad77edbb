//! [`TierInputs`]: the flat inputs of a tier calculation, read from a case in one pass.

use chrono::{Months, NaiveDate};

use super::TierError;
use super::complexity::ComplexityFactors;
use super::needs::{NEED_AREAS, index, severity_from_answers};
use super::registers::ActiveRegisters;
use crate::model::{
    AssessmentLayer, Case, EnforcementActionKind, MappaCategory, MappaLevel, NeedSeverity,
    RequirementKind, RoshLevel, Sex,
};

/// Everything a tier calculation reads, as plain values.
///
/// Build it from a [`Case`] with [`TierInputs::from_case`], or directly from table columns; then call
/// [`super::calculate`]. Where each value comes from (docs/rules/tier.md, \[V-code\] hmpps-tier):
/// - registrations: those active on `on` (registered on or before it, not deregistered by then); `HREG` and codes
///   the tier does not read are ignored. Read newest first (ties: the first in the list): `rosh` is the newest RoSH
///   registration; `mappa_level` the newest `MAPP` registration with a valid level M1–M3; `mappa_category` the
///   category of the newest `MAPP` registration, so level and category may come from different registrations;
///   `complexity` the distinct complexity factors; `iom` an `IIOM`; `unsupervised` a `PRC`;
/// - the assessment: the newest OASys needs assessment completed on or before `on` (ties: the later in the list;
///   a `standalone` predictor assessment is not a needs assessment and is skipped); needs and the women's factors
///   come from it. A need's severity is the recorded one, else it is scored from the section answers (OASys or
///   SAN thresholds; a section whose answers are all missing or unknown has no severity), else no need;
/// - `rsr` and `ogrs`: the person record's (`person.rsr`, `person.ogrs`, what hmpps-tier reads from nDelius) when
///   given, else the assessment's. A score on the person record does not make the case assessed;
/// - register codes: RoSH codes, the MAPPA level and complexity factors in any letter case, the other flags
///   exactly, as hmpps-tier matches them; `female` in any letter case (decoding accepts it);
/// - `breach_or_recall_last_12_months`: the assessment's flag, or an enforcement action (breach referral, breach
///   laid, recall requested) dated in the 12 months up to and including `on`;
/// - `has_mandate`: an event active on `on` that is custodial or has a requirement, not terminated by `on`, that is
///   neither unpaid work nor restrictive ([`RequirementKind::is_restrictive`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TierInputs {
    /// The date of the calculation.
    pub on: NaiveDate,
    /// The person is a woman (the women's factors apply).
    pub female: bool,
    /// RSR percentage (0–100); `None` when missing (counts as 0).
    pub rsr: Option<f64>,
    /// OGRS percentage (0–100); `None` when missing (counts as 0).
    pub ogrs: Option<f64>,
    /// RoSH of the newest active RoSH registration.
    pub rosh: Option<RoshLevel>,
    /// Level of the newest MAPP registration with a valid level.
    pub mappa_level: Option<MappaLevel>,
    /// Category of the newest MAPP registration (not used by the 2021 points; kept for the record).
    pub mappa_category: Option<MappaCategory>,
    /// Distinct active complexity factors.
    pub complexity: ComplexityFactors,
    /// Women's factor: parenting responsibilities answered yes.
    pub parenting_responsibilities: bool,
    /// Women's factor: impulsivity or temper control scored above 0.
    pub impulsivity_or_temper: bool,
    /// Women's factor: a breach or recall in the last 12 months.
    pub breach_or_recall_last_12_months: bool,
    /// An active `IIOM` registration.
    pub iom: bool,
    /// An active `PRC` registration.
    pub unsupervised: bool,
    /// A mandate for change.
    pub has_mandate: bool,
    /// An assessment on or before `on`.
    pub has_assessment: bool,
    /// Need severities, in [`crate::model::NeedArea::ALL`] order.
    pub needs: [NeedSeverity; NEED_AREAS],
    /// True when at least one severity was scored from section answers.
    pub needs_from_answers: bool,
    /// Where each need's severity came from, in [`crate::model::NeedArea::ALL`] order.
    pub need_sources: [NeedSource; NEED_AREAS],
    /// Where `rsr` came from.
    pub rsr_from: Option<ScoreSource>,
    /// Where `ogrs` came from.
    pub ogrs_from: Option<ScoreSource>,
}

/// Where a need's severity came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum NeedSource {
    /// Neither recorded nor scorable from answers (counts as no need).
    #[default]
    Absent,
    /// A severity recorded on the assessment.
    Recorded,
    /// Scored from the section answers.
    FromAnswers,
}

/// Where an RSR or OGRS value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ScoreSource {
    /// The person record (`person.rsr`, `person.ogrs`): nDelius' current score, outside any needs assessment.
    PersonRecord,
    /// The OASys needs assessment used.
    Assessment,
}

impl TierInputs {
    /// Inputs with nothing recorded: no assessment, no registrations, no mandate.
    pub const fn empty(on: NaiveDate) -> Self {
        TierInputs {
            on,
            female: false,
            rsr: None,
            ogrs: None,
            rosh: None,
            mappa_level: None,
            mappa_category: None,
            complexity: ComplexityFactors::empty(),
            parenting_responsibilities: false,
            impulsivity_or_temper: false,
            breach_or_recall_last_12_months: false,
            iom: false,
            unsupervised: false,
            has_mandate: false,
            has_assessment: false,
            needs: [NeedSeverity::NoNeed; NEED_AREAS],
            needs_from_answers: false,
            need_sources: [NeedSource::Absent; NEED_AREAS],
            rsr_from: None,
            ogrs_from: None,
        }
    }

    /// Reads `case` on `on` (one pass over registrations, assessments, events; no allocation).
    ///
    /// # Errors
    /// [`TierError::OutOfRange`] naming `assessments[i].rsr` or `assessments[i].ogrs` when the assessment used
    /// holds a value outside 0–100.
    pub fn from_case(case: &Case, on: NaiveDate) -> Result<Self, TierError> {
        Self::from_case_with(case, on, &ActiveRegisters::read(&case.registrations, on))
    }

    /// [`Self::from_case`] with the case's registrations already read on `on` (so [`crate::tier2026::tiers`]
    /// reads them once for both tiers).
    ///
    /// # Errors
    /// As [`Self::from_case`].
    pub fn from_case_with(
        case: &Case,
        on: NaiveDate,
        registers: &ActiveRegisters,
    ) -> Result<Self, TierError> {
        let mut t = TierInputs::empty(on);
        t.female = case.person.sex == Sex::Female;
        let newest =
            case.newest_assessment_on(on, |a| a.layer != Some(AssessmentLayer::Standalone));
        t.has_mandate = case.active_events_on(on).any(|e| {
            e.sentence.is_custodial()
                || e.sentence.requirements().iter().any(|r| {
                    r.terminated.is_none_or(|d| d > on)
                        && r.kind != RequirementKind::UnpaidWork
                        && !r.kind.is_restrictive()
                })
        });
        t.rosh = registers.rosh;
        t.mappa_level = registers.mappa_level;
        t.mappa_category = registers.mappa_category;
        t.complexity = registers.complexity;
        t.iom = registers.iom;
        t.unsupervised = registers.unsupervised;

        if let Some((i, a)) = newest {
            t.has_assessment = true;
            t.rsr = checked_percentage(a.rsr, i, "rsr")?;
            t.ogrs = checked_percentage(a.ogrs, i, "ogrs")?;
            t.rsr_from = t.rsr.map(|_| ScoreSource::Assessment);
            t.ogrs_from = t.ogrs.map(|_| ScoreSource::Assessment);
            for (area, sev) in &a.needs {
                if let Some(slot) = t.needs.get_mut(index(*area)) {
                    *slot = *sev;
                }
                if let Some(slot) = t.need_sources.get_mut(index(*area)) {
                    *slot = NeedSource::Recorded;
                }
            }
            for (area, answers) in &a.section_answers {
                if a.needs.contains_key(area) {
                    continue;
                }
                if let Some(sev) = severity_from_answers(*area, a.kind, answers) {
                    t.needs_from_answers = true;
                    if let Some(slot) = t.needs.get_mut(index(*area)) {
                        *slot = sev;
                    }
                    if let Some(slot) = t.need_sources.get_mut(index(*area)) {
                        *slot = NeedSource::FromAnswers;
                    }
                }
            }
            if let Some(w) = a.womens_factors {
                t.parenting_responsibilities = w.parenting_responsibilities;
                t.impulsivity_or_temper = w.impulsivity > 0 || w.temper_control > 0;
                t.breach_or_recall_last_12_months = w.breach_or_recall_last_12_months;
            }
        }
        if let Some(x) = case.person.rsr {
            t.rsr = Some(checked_person(x, "person.rsr")?);
            t.rsr_from = Some(ScoreSource::PersonRecord);
        }
        if let Some(x) = case.person.ogrs {
            t.ogrs = Some(checked_person(x, "person.ogrs")?);
            t.ogrs_from = Some(ScoreSource::PersonRecord);
        }
        if t.female && !t.breach_or_recall_last_12_months {
            let from = on
                .checked_sub_months(Months::new(12))
                .unwrap_or(NaiveDate::MIN);
            t.breach_or_recall_last_12_months = case.enforcement.iter().any(|e| {
                matches!(
                    e.kind,
                    EnforcementActionKind::BreachReferral
                        | EnforcementActionKind::BreachLaid
                        | EnforcementActionKind::RecallRequested
                ) && e.date > from
                    && e.date <= on
            });
        }

        Ok(t)
    }

    /// Checks the values a caller building inputs by hand could get wrong.
    ///
    /// # Errors
    /// [`TierError::OutOfRange`] with path `rsr` or `ogrs`.
    pub fn validate(&self) -> Result<(), TierError> {
        checked_field(self.rsr, "rsr")?;
        checked_field(self.ogrs, "ogrs")?;
        Ok(())
    }
}

fn in_range(v: f64) -> bool {
    v.is_finite() && (0.0..=100.0).contains(&v)
}

fn checked_percentage(v: Option<f64>, i: usize, field: &str) -> Result<Option<f64>, TierError> {
    match v {
        Some(x) if !in_range(x) => Err(TierError::OutOfRange {
            path: format!("assessments[{i}].{field}"),
        }),
        other => Ok(other),
    }
}

fn checked_person(v: f64, path: &str) -> Result<f64, TierError> {
    if in_range(v) {
        Ok(v)
    } else {
        Err(TierError::OutOfRange {
            path: path.to_owned(),
        })
    }
}

fn checked_field(v: Option<f64>, field: &str) -> Result<(), TierError> {
    match v {
        Some(x) if !in_range(x) => Err(TierError::OutOfRange {
            path: field.to_owned(),
        }),
        _ => Ok(()),
    }
}
