//! The tier-to-delius `GET /tier-details/{crn}` document (ministryofjustice/hmpps-probation-integration-services
//! `projects/tier-to-delius`, `TierDetails.kt`): exactly the inputs of the tiers, read into a [`Case`].
//!
//! What each field becomes (docs/records.md#tier-details):
//! - the CRN is not in the document (it is in the URL): the caller gives it, validated as in the case format;
//! - `gender` → `person.sex` ([`codes::gender`], refused when unknown; absent → `not_specified`);
//! - `rsrscore`, `ogrsscore` → `person.rsr`, `person.ogrs` (0–100, else [`RecordError::Invalid`]);
//! - `registrations[]` → `registrations[]`: `code` ([`codes::register`]: kept, `HREG` dropped), `level`,
//!   `category`, `date` → `registered`; the document lists active registrations only, so none is deregistered;
//! - `convictions[]` → `events[]`: `sentenceTypeCode` `NC`/`SC` → custody, anything else → a community order;
//!   `terminationDate` → `termination_date`; `requirements[]` → requirements by `mainCategoryTypeCode`
//!   ([`codes::requirement_kind`]: a listed code gives its kind and the `restrictive` flag must agree with it; an
//!   unlisted code is kept as an unlisted requirement, restrictive or not by the flag);
//! - `previousEnforcementActivity` → one enforcement action (breach laid) dated the calculation date;
//! - `latestReleaseDate` → `latest_release_date`; `hasActiveEvent` must agree with the convictions.
//!
//! Not in the document, so placeholders \[A\] (the tiers read none of them; `validate` reports the zero
//! lengths and missing hours): `date_of_birth` [`PLACEHOLDER_DATE_OF_BIRTH`], `home_area`
//! [`PLACEHOLDER_HOME_AREA`], each event's offence and sentence date (the calculation date, or the day before its
//! termination when that is earlier), sentence lengths (zero), unpaid-work hours and RAR days (absent). Not read:
//! `currentTier` (the answer), `description`, `breached` (hmpps-tier reads `previousEnforcementActivity`).

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{RecordError, check_len, codes, decode};
use crate::ids::Crn;
use crate::model::{
    Case, CrcArea, EnforcementAction, EnforcementActionKind, Event, Length, Person, Registration,
    Requirement, Sentence, Sex,
};

/// Placeholder date of birth \[A\]: tier-details has none; the tiers do not read it.
pub const PLACEHOLDER_DATE_OF_BIRTH: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Placeholder home area \[A\]: tier-details has none; the tiers do not read it.
pub const PLACEHOLDER_HOME_AREA: CrcArea = CrcArea::C01;

/// A registration row of tier-details.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TierDetailsRegistration {
    /// Register code, e.g. `RHRH`, `MAPP`.
    pub code: String,
    /// Register description (not read).
    pub description: Option<String>,
    /// Register level code, e.g. `M2` for MAPPA.
    pub level: Option<String>,
    /// Register category code, e.g. `M1` for MAPPA.
    pub category: Option<String>,
    /// Date registered.
    pub date: NaiveDate,
}

/// A requirement of a conviction in tier-details.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TierDetailsRequirement {
    /// Requirement main category code, e.g. `W`, `F`.
    pub main_category_type_code: String,
    /// nDelius' restrictive flag.
    #[serde(default)]
    pub restrictive: bool,
}

/// A conviction (event) in tier-details.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TierDetailsConviction {
    /// Date the event terminated, if it has.
    pub termination_date: Option<NaiveDate>,
    /// Sentence (disposal) type code, e.g. `SC`, `NC`, `SP`.
    pub sentence_type_code: Option<String>,
    /// In breach (not read).
    #[serde(default)]
    pub breached: bool,
    /// Requirements of the sentence.
    #[serde(default)]
    pub requirements: Vec<TierDetailsRequirement>,
}

/// The tier-details document.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TierDetails {
    /// The person's CRN. Not in tier-to-delius' document (it is in the URL); a line of a tier-details JSON Lines
    /// file carries it here. When given, [`tier_details_line_to_case`] reads it.
    pub crn: Option<String>,
    /// nDelius gender string (`Male`, `Female`, `Not Specified`).
    pub gender: Option<String>,
    /// The tier nDelius holds now, e.g. `UB2` (not read: it is the answer).
    pub current_tier: Option<String>,
    /// OGRS percentage.
    #[serde(
        default,
        rename = "ogrsscore",
        alias = "ogrsScore",
        skip_serializing_if = "Option::is_none"
    )]
    pub ogrs_score: Option<f64>,
    /// Dynamic RSR percentage.
    #[serde(
        default,
        rename = "rsrscore",
        alias = "rsrScore",
        skip_serializing_if = "Option::is_none"
    )]
    pub rsr_score: Option<f64>,
    /// Active registrations, newest first.
    #[fields(keep)]
    pub registrations: Vec<TierDetailsRegistration>,
    /// Convictions (events).
    #[fields(keep)]
    pub convictions: Vec<TierDetailsConviction>,
    /// A breach or recall NSI outcome in the last 365 days.
    #[fields(keep)]
    pub previous_enforcement_activity: bool,
    /// Latest release from custody.
    pub latest_release_date: Option<NaiveDate>,
    /// The person has an active event.
    #[fields(keep)]
    pub has_active_event: bool,
    /// Not tier-to-delius': the ARNS predictors document (`/risks/predictors/unsafe/all/CRN/{crn}`) joined to the
    /// line, so one line carries every input of both tiers. Its newest OGRS4-family output becomes an assessment
    /// (see [`super::arns`]).
    pub predictors: Option<Vec<super::arns::ArnsPredictorEntry>>,
    /// Not tier-to-delius': the ARNS tier-assessment sections document (`/tier-assessment/sections/{crn}`)
    /// joined to the line: the needs assessment the 2021 tier reads (see [`super::arns_sections`]).
    pub sections: Option<super::arns_sections::ArnsSections>,
    /// Not tier-to-delius': the ARNS sexually-motivated-offence document joined to the line; its
    /// `everCommittedSexualOffence` is set on the assessments the line's ARNS documents give.
    pub sexual_offence: Option<super::arns_sections::ArnsSexualOffence>,
}

/// Every key of the tier-details shape (error paths show only these).
pub(crate) const KEYS: &[&str] = &[
    "crn",
    "gender",
    "currentTier",
    "ogrsscore",
    "ogrsScore",
    "rsrscore",
    "rsrScore",
    "registrations",
    "code",
    "description",
    "level",
    "category",
    "date",
    "convictions",
    "terminationDate",
    "sentenceTypeCode",
    "breached",
    "requirements",
    "mainCategoryTypeCode",
    "restrictive",
    "previousEnforcementActivity",
    "latestReleaseDate",
    "hasActiveEvent",
    "predictors",
    "sections",
    "sexualOffence",
];

/// The keys of a tier-details line with its joined ARNS documents.
const ALL_KEYS: super::Keys<'static> = &[KEYS, super::arns::KEYS, super::arns_sections::KEYS];

impl TierDetails {
    /// Decodes a tier-details document.
    ///
    /// # Errors
    /// [`RecordError::Decode`] naming the field; [`RecordError::TooLarge`].
    pub fn decode(json: &str) -> Result<Self, RecordError> {
        decode(json, ALL_KEYS)
    }

    /// Decodes a tier-details document from UTF-8 bytes.
    ///
    /// # Errors
    /// As [`TierDetails::decode`].
    pub fn decode_bytes(bytes: &[u8]) -> Result<Self, RecordError> {
        super::decode_bytes(bytes, ALL_KEYS)
    }

    /// The case this document describes, for the person `crn`, read on `on` (the calculation date).
    ///
    /// # Errors
    /// [`RecordError`] naming the field: `crn` malformed; `rsrscore`/`ogrsscore` outside 0–100; an unknown
    /// `gender`; a `restrictive` flag that disagrees with the category; an array of
    /// more than [`super::MAX_ITEMS`]; `hasActiveEvent` contradicting the convictions.
    pub fn to_case(&self, crn: &str, on: NaiveDate) -> Result<Case, RecordError> {
        let crn = Crn::parse(crn)
            .map_err(|_| RecordError::invalid("crn", "not a CRN (a letter and 6 digits)"))?;
        let sex = match self.gender.as_deref() {
            None => Sex::NotSpecified,
            Some(g) => codes::gender(g).ok_or_else(|| RecordError::unknown("gender", g))?,
        };
        let pct = |v: Option<f64>, path: &str| match v {
            Some(x) if !(0.0..=100.0).contains(&x) => Err(RecordError::invalid(
                path,
                "must be a percentage from 0 to 100",
            )),
            v => Ok(v),
        };
        let mut person = Person {
            crn,
            pnc: None,
            prison_number: None,
            name: None,
            date_of_birth: PLACEHOLDER_DATE_OF_BIRTH,
            sex,
            foreign_national_liable_to_deportation: false,
            home_area: PLACEHOLDER_HOME_AREA,
            rsr: None,
            ogrs: None,
        };
        person.rsr = pct(self.rsr_score, "rsrscore")?;
        person.ogrs = pct(self.ogrs_score, "ogrsscore")?;
        let mut case = Case::new(person);

        check_len(&self.registrations, || "registrations".to_owned())?;
        for r in &self.registrations {
            if let Some(code) = codes::register(&r.code) {
                let mut reg = Registration::new(code, r.date);
                reg.level.clone_from(&r.level);
                reg.category.clone_from(&r.category);
                case.registrations.push(reg);
            }
        }

        check_len(&self.convictions, || "convictions".to_owned())?;
        for (i, c) in self.convictions.iter().enumerate() {
            check_len(&c.requirements, || format!("convictions[{i}].requirements"))?;
            let mut requirements = Vec::with_capacity(c.requirements.len());
            for (j, r) in c.requirements.iter().enumerate() {
                let path = || format!("convictions[{i}].requirements[{j}]");
                let kind = codes::requirement_kind(
                    &r.main_category_type_code,
                    Some(r.restrictive),
                    || format!("{}.mainCategoryTypeCode", path()),
                    || format!("{}.restrictive", path()),
                )?;
                requirements.push(Requirement::new(kind));
            }
            let custodial = c
                .sentence_type_code
                .as_deref()
                .is_some_and(codes::sentence_type_is_custodial);
            if custodial && !requirements.is_empty() {
                return Err(RecordError::invalid(
                    format!("convictions[{i}].requirements"),
                    "a custodial sentence has no requirements in the case model",
                ));
            }
            let sentence = if custodial {
                Sentence::Custody {
                    length: Length::default(),
                    kind: crate::model::CustodyKind::StandardDeterminate,
                    remand_days: 0,
                    tagged_bail_days: 0,
                    release_date: None,
                }
            } else {
                Sentence::CommunityOrder {
                    length: Length::default(),
                    requirements,
                }
            };
            let mut termination_date = c.termination_date;
            if !self.has_active_event && termination_date.is_none_or(|t| t > on) {
                // hasActiveEvent false: no event is active on `on`.
                termination_date = Some(on);
            }
            let sentence_date = match termination_date {
                Some(t) if t <= on => t.checked_sub_days(Days::new(1)).unwrap_or(t),
                _ => on,
            };
            case.events.push(Event {
                offence_code: None,
                actuarial_category: None,
                offence_date: sentence_date,
                conviction_date: None,
                sentence_date,
                allocation_date: None,
                termination_date,
                sentence,
            });
        }
        if self.has_active_event && !case.events.iter().any(|e| e.is_active_on(on)) {
            return Err(RecordError::invalid(
                "hasActiveEvent",
                "true, but no conviction is active on the calculation date",
            ));
        }
        if self.previous_enforcement_activity {
            case.enforcement.push(EnforcementAction {
                date: on,
                kind: EnforcementActionKind::BreachLaid,
                event: None,
            });
        }
        case.latest_release_date = self.latest_release_date;
        if let Some(p) = &self.predictors {
            let a = super::arns::predictors_assessment(p).map_err(|e| match e {
                RecordError::Decode { path, message } => RecordError::Decode {
                    path: format!("predictors{path}"),
                    message,
                },
                RecordError::Invalid { path, reason } => RecordError::Invalid {
                    path: format!("predictors{path}"),
                    reason,
                },
                RecordError::UnknownCode { path, code } => RecordError::UnknownCode {
                    path: format!("predictors{path}"),
                    code,
                },
                RecordError::TooMany { max, .. } => RecordError::TooMany {
                    path: "predictors".to_owned(),
                    max,
                },
                other => other,
            })?;
            case.assessments.extend(a);
        }
        if let Some(sections) = &self.sections {
            case.assessments
                .extend(sections.to_assessment("sections.")?);
        }
        if let Some(flag) = self
            .sexual_offence
            .and_then(|s| s.ever_committed_sexual_offence)
        {
            for a in &mut case.assessments {
                a.ever_committed_sexual_offence = flag;
            }
        }
        Ok(case)
    }

    /// The tier-details document of `case` on `on`: the inverse of [`TierDetails::to_case`] for every field it
    /// reads (registrations active on `on`, newest first; `HREG` left out; custody as `SC`, other sentences with
    /// no sentence type code; unpaid work as `W`, RAR as `F`, other requirement kinds with their own
    /// restrictiveness as the category `?`, which reads back as an unlisted requirement of that restrictiveness).
    pub fn from_case(case: &Case, on: NaiveDate) -> Self {
        let registrations = case
            .active_registrations_on(on)
            .into_iter()
            .filter(|r| r.code != crate::model::RegisterCode::Hreg)
            .map(|r| TierDetailsRegistration {
                code: r.code.code().to_owned(),
                description: None,
                level: r.level.clone(),
                category: r.category.clone(),
                date: r.registered,
            })
            .collect();
        let convictions = case
            .events
            .iter()
            .map(|e| TierDetailsConviction {
                termination_date: e.termination_date,
                sentence_type_code: e.sentence.is_custodial().then(|| "SC".to_owned()),
                breached: false,
                requirements: e
                    .sentence
                    .requirements()
                    .iter()
                    .filter(|r| r.terminated.is_none_or(|d| d > on))
                    .map(|r| TierDetailsRequirement {
                        main_category_type_code: codes::requirement_category_of(r.kind)
                            .unwrap_or("?")
                            .to_owned(),
                        restrictive: r.kind.is_restrictive(),
                    })
                    .collect(),
            })
            .collect();
        let twelve_months_before = on.checked_sub_months(chrono::Months::new(12)).unwrap_or(on);
        TierDetails {
            gender: Some(
                match case.person.sex {
                    Sex::Male => "Male",
                    Sex::Female => "Female",
                    Sex::NotSpecified => "Not Specified",
                }
                .to_owned(),
            ),
            crn: None,
            current_tier: None,
            ogrs_score: case.person.ogrs,
            rsr_score: case.person.rsr,
            registrations,
            convictions,
            previous_enforcement_activity: case.enforcement.iter().any(|a| {
                a.kind != EnforcementActionKind::Warning
                    && a.date <= on
                    && a.date > twelve_months_before
            }),
            latest_release_date: case.latest_release_date,
            has_active_event: case.events.iter().any(|e| e.is_active_on(on)),
            predictors: case
                .assessments
                .iter()
                .filter(|a| a.date <= on)
                .filter_map(|a| Some((a.date, a.predictors?)))
                .max_by_key(|(d, _)| *d)
                .map(|(d, p)| vec![super::arns::predictors_entry(d, &p)]),
            sections: case
                .assessments
                .iter()
                .filter(|a| {
                    a.date <= on && a.layer != Some(crate::model::AssessmentLayer::Standalone)
                })
                .max_by_key(|a| a.date)
                .map(super::arns_sections::ArnsSections::from_assessment),
            sexual_offence: case
                .assessments
                .iter()
                .filter(|a| a.date <= on)
                .max_by_key(|a| a.date)
                .map(|a| super::arns_sections::ArnsSexualOffence {
                    ever_committed_sexual_offence: Some(a.ever_committed_sexual_offence),
                }),
        }
    }
}

/// Reads a tier-details document (`json`) for the person `crn` on `on` into a case the tiers accept.
///
/// # Errors
/// [`RecordError`] naming the field (see [`TierDetails::decode`] and [`TierDetails::to_case`]).
pub fn tier_details_to_case(json: &str, crn: &str, on: NaiveDate) -> Result<Case, RecordError> {
    TierDetails::decode(json)?.to_case(crn, on)
}

/// Reads a tier-details document that carries its own `crn` (one line of a tier-details JSON Lines file).
///
/// # Errors
/// [`RecordError::Invalid`] naming `crn` when it is absent; otherwise as [`tier_details_to_case`].
pub fn tier_details_line_to_case(json: &str, on: NaiveDate) -> Result<Case, RecordError> {
    let d = TierDetails::decode(json)?;
    let crn = d.crn.as_deref().ok_or_else(|| {
        RecordError::invalid("crn", "absent: a tier-details line must carry the CRN")
    })?;
    d.to_case(crn, on)
}

/// The tier-details document of `case` on `on`, carrying the case's CRN (a line of a tier-details JSON Lines
/// file).
pub fn tier_details_line_from_case(case: &Case, on: NaiveDate) -> String {
    let mut d = TierDetails::from_case(case, on);
    d.crn = Some(case.person.crn.as_str().to_owned());
    serde_json::to_string(&d).unwrap_or_default()
}

/// The tier-details document of `case` on `on`, as JSON ([`TierDetails::from_case`]).
pub fn tier_details_from_case(case: &Case, on: NaiveDate) -> String {
    serde_json::to_string(&TierDetails::from_case(case, on)).unwrap_or_default()
}
