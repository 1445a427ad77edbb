//! The HMPPS Integration API for external partners (ministryofjustice/hmpps-probation-integration-services
//! `projects/external-api-and-delius`): `CaseDetails`, `SupervisionResponse` and `Registration`, read into a
//! [`Case`].
//!
//! The document is the bundle `{"crn", "caseDetails": CaseDetails, "supervisions": SupervisionResponse,
//! "registrations": [Registration]}` (the CRN is in the URL of each call). What is read (docs/records.md#
//! integration-api): `crn` (validated); `caseDetails.nomsId` (validated), `name.forename`/`name.surname`,
//! `dateOfBirth` (required), `gender` ([`super::codes::gender`]), `responsibleProvider.code` → `provider` when it is a
//! provider code and `person.home_area` when a CRC area code (else [`super::community_api::PLACEHOLDER_HOME_AREA`]
//! \[A\]), `ogrsScore`/`rsrScore` → `person.ogrs`/`rsr` (0–100); `supervisions.supervisions[]` that are `active`
//! → `events[]` (`date` → sentence date and, with no offence date in the shape, offence date \[A\];
//! `sentence.custodial` → custody, else a community order; `sentence.length` + `lengthUnits`); inactive
//! supervisions are left out (no termination date in the shape); `registrations[]`: `code`, `startDate`
//! (`notes` is free text and never read).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::community_api::{PLACEHOLDER_HOME_AREA, length_of, sex_of};
use super::{RecordError, check_len, decode};
use crate::ids::{Crn, PrisonNumber};
use crate::model::{
    Case, CrcArea, CustodyKind, Event, Length, Person, PersonName, Provider, RegisterCode,
    Registration, Sentence,
};

/// A name.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IntegrationName {
    /// Forename.
    pub forename: String,
    /// Surname.
    pub surname: String,
}

/// A code and name.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CodeName {
    /// Code.
    pub code: String,
    /// Name (not read).
    pub name: Option<String>,
}

/// `CaseDetails`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CaseDetails {
    /// NOMS number.
    pub noms_id: Option<String>,
    /// Name.
    pub name: Option<IntegrationName>,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// nDelius gender string.
    pub gender: Option<String>,
    /// Responsible provider.
    pub responsible_provider: Option<CodeName>,
    /// OGRS.
    pub ogrs_score: Option<f64>,
    /// RSR.
    pub rsr_score: Option<f64>,
}

/// A supervision's sentence.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SupervisionSentence {
    /// Length.
    pub length: Option<u16>,
    /// Units (`Hours`, `Days`, `Weeks`, `Months`, `Years`).
    pub length_units: Option<String>,
    /// Custodial.
    #[serde(default)]
    pub custodial: bool,
}

/// One supervision (event).
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Supervision {
    /// Active.
    #[serde(default)]
    pub active: bool,
    /// Sentence date.
    pub date: NaiveDate,
    /// Sentence.
    pub sentence: SupervisionSentence,
}

/// `SupervisionResponse`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SupervisionResponse {
    /// Supervisions.
    #[serde(default)]
    pub supervisions: Vec<Supervision>,
}

/// `Registration`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IntegrationRegistration {
    /// Register code.
    pub code: String,
    /// Start date.
    pub start_date: NaiveDate,
}

/// The Integration API bundle of one case.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IntegrationApiCase {
    /// CRN (from the URL).
    pub crn: String,
    /// `CaseDetails`.
    pub case_details: CaseDetails,
    /// `SupervisionResponse`.
    #[serde(default)]
    pub supervisions: SupervisionResponse,
    /// Registrations.
    #[serde(default)]
    pub registrations: Vec<IntegrationRegistration>,
}

pub(crate) const KEYS: &[&str] = &[
    "crn",
    "caseDetails",
    "supervisions",
    "registrations",
    "nomsId",
    "name",
    "forename",
    "surname",
    "dateOfBirth",
    "gender",
    "responsibleProvider",
    "code",
    "ogrsScore",
    "rsrScore",
    "length",
    "lengthUnits",
    "custodial",
    "active",
    "date",
    "sentence",
    "startDate",
];

impl IntegrationApiCase {
    /// Decodes an Integration API bundle.
    ///
    /// # Errors
    /// [`RecordError::Decode`] naming the field; [`RecordError::TooLarge`].
    pub fn decode(json: &str) -> Result<Self, RecordError> {
        decode(json, &[KEYS])
    }

    /// The case this bundle describes.
    ///
    /// # Errors
    /// [`RecordError`] naming the field.
    pub fn to_case(&self) -> Result<Case, RecordError> {
        let d = &self.case_details;
        let crn = Crn::parse(&self.crn)
            .map_err(|_| RecordError::invalid("crn", "not a CRN (a letter and 6 digits)"))?;
        let prison_number = d
            .noms_id
            .as_deref()
            .map(PrisonNumber::parse)
            .transpose()
            .map_err(|_| RecordError::invalid("caseDetails.nomsId", "not a prison number"))?;
        let pct = |v: Option<f64>, path: &str| match v {
            Some(x) if !(0.0..=100.0).contains(&x) => Err(RecordError::invalid(
                path,
                "must be a percentage from 0 to 100",
            )),
            v => Ok(v),
        };
        let area = d.responsible_provider.as_ref().map(|p| p.code.as_str());
        let person = Person {
            crn,
            pnc: None,
            prison_number,
            name: d.name.as_ref().map(|n| PersonName {
                given: n.forename.clone(),
                family: n.surname.clone(),
            }),
            date_of_birth: d.date_of_birth,
            sex: sex_of(d.gender.as_deref(), "caseDetails.gender")?,
            foreign_national_liable_to_deportation: false,
            home_area: area
                .and_then(CrcArea::from_code)
                .unwrap_or(PLACEHOLDER_HOME_AREA),
            rsr: pct(d.rsr_score, "caseDetails.rsrScore")?,
            ogrs: pct(d.ogrs_score, "caseDetails.ogrsScore")?,
        };
        let mut case = Case::new(person);
        case.provider = area.and_then(|a| a.parse::<Provider>().ok());
        let sups = &self.supervisions.supervisions;
        check_len(sups, || "supervisions.supervisions".to_owned())?;
        for (i, s) in sups.iter().enumerate() {
            if !s.active {
                continue;
            }
            let path = format!("supervisions.supervisions[{i}].sentence.lengthUnits");
            let length = match (s.sentence.length, s.sentence.length_units.as_deref()) {
                (Some(n), Some(u)) => length_of(n, u, &path)?,
                (Some(_), None) => return Err(RecordError::invalid(path, "absent with a length")),
                _ => Length::default(),
            };
            let sentence = if s.sentence.custodial {
                Sentence::Custody {
                    length,
                    kind: CustodyKind::StandardDeterminate,
                    remand_days: 0,
                    tagged_bail_days: 0,
                    release_date: None,
                }
            } else {
                Sentence::CommunityOrder {
                    length,
                    requirements: Vec::new(),
                }
            };
            case.events.push(Event {
                offence_code: None,
                actuarial_category: None,
                offence_date: s.date,
                conviction_date: None,
                sentence_date: s.date,
                allocation_date: None,
                termination_date: None,
                sentence,
            });
        }
        check_len(&self.registrations, || "registrations".to_owned())?;
        for r in &self.registrations {
            case.registrations.push(Registration::new(
                RegisterCode::from_code(&r.code),
                r.start_date,
            ));
        }
        Ok(case)
    }
}

/// Reads an Integration API bundle (`json`) into a case.
///
/// # Errors
/// [`RecordError`] naming the field.
pub fn integration_api_to_case(json: &str) -> Result<Case, RecordError> {
    IntegrationApiCase::decode(json)?.to_case()
}

impl IntegrationApiCase {
    /// The Integration API bundle of `case` on `on`: the inverse of [`IntegrationApiCase::to_case`] for every
    /// field it reads (events active on `on` are `active`; lengths in one unit, else in days; registrations
    /// active on `on`; the provider's code as the responsible provider).
    pub fn from_case(case: &Case, on: NaiveDate) -> Self {
        let p = &case.person;
        let supervisions = case
            .events
            .iter()
            .map(|e| {
                let (length, custodial) = match &e.sentence {
                    Sentence::CommunityOrder { length, .. } => (*length, false),
                    Sentence::SuspendedSentenceOrder { custodial_term, .. } => {
                        (*custodial_term, false)
                    }
                    Sentence::Custody { length, .. } => (*length, true),
                };
                let parts = super::community_api::length_parts(&length, e.sentence_date);
                Supervision {
                    active: e.is_active_on(on),
                    date: e.sentence_date,
                    sentence: SupervisionSentence {
                        length: parts.map(|(n, _)| n),
                        length_units: parts.map(|(_, u)| u.to_owned()),
                        custodial,
                    },
                }
            })
            .collect();
        IntegrationApiCase {
            crn: p.crn.as_str().to_owned(),
            case_details: CaseDetails {
                noms_id: p.prison_number.as_ref().map(|x| x.as_str().to_owned()),
                name: p.name.as_ref().map(|n| IntegrationName {
                    forename: n.given.clone(),
                    surname: n.family.clone(),
                }),
                date_of_birth: p.date_of_birth,
                gender: Some(super::community_api::gender_string(p.sex).to_owned()),
                responsible_provider: case.provider.map(|pr| CodeName {
                    code: pr.to_string(),
                    name: None,
                }),
                ogrs_score: p.ogrs,
                rsr_score: p.rsr,
            },
            supervisions: SupervisionResponse { supervisions },
            registrations: case
                .active_registrations_on(on)
                .into_iter()
                .map(|r| IntegrationRegistration {
                    code: r.code.code().to_owned(),
                    start_date: r.registered,
                })
                .collect(),
        }
    }
}

/// The Integration API bundle of `case` on `on`, as JSON ([`IntegrationApiCase::from_case`]).
pub fn integration_api_from_case(case: &Case, on: NaiveDate) -> String {
    serde_json::to_string(&IntegrationApiCase::from_case(case, on)).unwrap_or_default()
}
