//! community-api (legacy nDelius REST, ministryofjustice/community-api `src/main/java/uk/gov/justice/digital/
//! delius/data/api/`, HEAD `fbbaeb1f`): the offender detail, convictions with sentences and requirements,
//! registrations, contacts and NSIs, read into a full [`Case`].
//!
//! community-api serves these from separate endpoints; the document this module reads is their bundle
//! `{"offender": OffenderDetail, "convictions": [Conviction], "registrations": [Registration], "contacts":
//! [Contact], "nsis": [Nsi]}`, each part in community-api's own field names. docs/records.md#community-api says
//! per field what is read; in short:
//! - `offender.otherIds.crn` (required), `pncNumber`, `nomsNumber`: validated as in the case format;
//!   `firstName`/`surname` → `person.name`; `dateOfBirth` (required); `gender` ([`codes::gender`], refused when
//!   unknown); the active offender manager's `probationArea.code` → `provider` when it is a provider code and
//!   `person.home_area` when it is a CRC area code (else [`PLACEHOLDER_HOME_AREA`] \[A\]);
//! - `convictions[]` with a `sentence` → `events[]` (a conviction awaiting sentence is not an event): the
//!   offence date of the main offence (else the conviction date), `convictionDate`, `sentence.startDate`
//!   (required), `sentence.terminationDate`; `sentence.sentenceType.code` `NC`/`SC` or a `custody` part →
//!   custody; else a `sentence.description` containing `suspended` → an SSO \[A\] (`secondLength` its
//!   operational period); anything else → a community order; `custody.keyDates` checked, not read;
//!   `originalLength` + `originalLengthUnits` ([`codes::LENGTH_UNITS`]; `Hours` is unsupported for a sentence);
//!   `requirements[]`: `requirementTypeMainCategory.code` and `restrictive` ([`codes::requirement_kind`]: an
//!   unlisted code is kept by the flag, refused without it), `length` as hours (unpaid work) or days (RAR), `terminationDate`;
//! - `registrations[]`: `register.code` (kept when unknown), `registerLevel.code`, `registerCategory.code`,
//!   `startDate`, `endDate` (when not `active`);
//! - `contacts[]`: `contactStart` (date part), `outcome.attended`/`outcome.complied` (attended; acceptable absence
//!   N/Y; unacceptable N/N; no outcome), `eventId` → the index of that conviction; kind: `appointment` \[A\];
//! - `nsis[]`: `nsiOutcome.code` ([`codes::nsi_outcome`]; other outcomes are not enforcement), `referralDate`,
//!   `eventId` → an enforcement action.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{RecordError, check_len, codes, decode};
use crate::ids::{Crn, Pnc, PrisonNumber};
use crate::model::{
    Case, Contact, ContactKind, ContactOutcome, CrcArea, CustodyKind, EnforcementAction, Event,
    Length, Person, PersonName, Provider, Registration, Requirement, RequirementKind, Sentence,
    Sex,
};

/// Placeholder home area \[A\] when the offender manager's area is not a CRC area code.
pub const PLACEHOLDER_HOME_AREA: CrcArea = CrcArea::C01;

/// A code and description (community-api `KeyValue`).
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KeyValue {
    /// The code.
    pub code: String,
    /// The description (not read).
    pub description: Option<String>,
}

/// `IDs`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct OtherIds {
    /// CRN.
    pub crn: String,
    /// PNC number.
    pub pnc_number: Option<String>,
    /// NOMS (prison) number.
    pub noms_number: Option<String>,
}

/// An offender manager, with its probation area.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct OffenderManager {
    /// The probation area.
    pub probation_area: Option<KeyValue>,
    /// Whether this is the current manager.
    #[serde(default)]
    pub active: bool,
}

/// `OffenderDetail`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct OffenderDetail {
    /// First name.
    pub first_name: Option<String>,
    /// Surname.
    pub surname: Option<String>,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// nDelius gender string.
    pub gender: Option<String>,
    /// Identifiers.
    pub other_ids: OtherIds,
    /// Offender managers.
    #[serde(default)]
    pub offender_managers: Vec<OffenderManager>,
}

/// An offence of a conviction.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Offence {
    /// The main offence of the conviction.
    #[serde(default)]
    pub main_offence: bool,
    /// Date of the offence.
    pub offence_date: Option<NaiveDate>,
}

/// `Sentence`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CommunityApiSentence {
    /// Sentence (disposal) type.
    pub sentence_type: Option<KeyValue>,
    /// The disposal type's description (nDelius reference data): a suspended sentence order when it contains
    /// `suspended` in any letter case \[A\].
    pub description: Option<String>,
    /// Length.
    pub original_length: Option<u16>,
    /// Units of the length (`Days`, `Weeks`, `Months`, `Years`).
    pub original_length_units: Option<String>,
    /// Second length: a suspended sentence order's operational period \[A\] (not read for other sentences).
    pub second_length: Option<u16>,
    /// Units of the second length.
    pub second_length_units: Option<String>,
    /// Start (sentence) date.
    pub start_date: NaiveDate,
    /// Termination date.
    pub termination_date: Option<NaiveDate>,
}

/// `Requirement`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CommunityApiRequirement {
    /// Main category.
    pub requirement_type_main_category: KeyValue,
    /// nDelius' restrictive flag; an unlisted main category is kept only when the flag is given.
    pub restrictive: Option<bool>,
    /// Length (hours for unpaid work, days for RAR).
    pub length: Option<u16>,
    /// Termination date.
    pub termination_date: Option<NaiveDate>,
}

/// `Conviction`, with its requirements and custody part.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Conviction {
    /// nDelius id of the event (matched by contacts' and NSIs' `eventId`).
    pub conviction_id: Option<i64>,
    /// Conviction date.
    pub conviction_date: Option<NaiveDate>,
    /// Offences.
    #[serde(default)]
    pub offences: Vec<Offence>,
    /// The sentence; absent while awaiting sentence.
    pub sentence: Option<CommunityApiSentence>,
    /// Requirements.
    #[serde(default)]
    pub requirements: Vec<CommunityApiRequirement>,
    /// Custody part (its presence makes the sentence custodial).
    pub custody: Option<CommunityApiCustody>,
}

/// `Custody`: of its fields only the key dates are read (`bookingNumber`, `institution`, `status` and
/// `sentenceStartDate` are not).
#[probation_macros::fields]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CommunityApiCustody {
    /// `CustodyRelatedKeyDates`.
    pub key_dates: Option<CustodyRelatedKeyDates>,
}

/// `CustodyRelatedKeyDates`: the dates nDelius holds for a custodial sentence. The case holds a sentence's
/// inputs, not its answers (the library calculates these: `probation dates`), so on import they are checked to
/// be dates and not read; on export they carry the library's own `SED`, `ACR`, `LED` and `PSSED`
/// ([`super::export::key_dates`]).
#[probation_macros::fields]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CustodyRelatedKeyDates {
    /// `ACR`.
    pub conditional_release_date: Option<NaiveDate>,
    /// `LED`.
    pub licence_expiry_date: Option<NaiveDate>,
    /// `HDE`.
    pub hdc_eligibility_date: Option<NaiveDate>,
    /// `PED`.
    pub parole_eligibility_date: Option<NaiveDate>,
    /// `SED`.
    pub sentence_expiry_date: Option<NaiveDate>,
    /// `EXP`.
    pub expected_release_date: Option<NaiveDate>,
    /// `PSSED`.
    pub post_sentence_supervision_end_date: Option<NaiveDate>,
}

/// `Registration`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CommunityApiRegistration {
    /// The register.
    pub register: KeyValue,
    /// Level.
    pub register_level: Option<KeyValue>,
    /// Category.
    pub register_category: Option<KeyValue>,
    /// Start date.
    pub start_date: NaiveDate,
    /// End date.
    pub end_date: Option<NaiveDate>,
    /// Still active.
    #[serde(default = "yes")]
    pub active: bool,
}

const fn yes() -> bool {
    true
}

/// A contact's outcome.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ContactOutcomeType {
    /// Attended.
    pub attended: Option<bool>,
    /// Complied.
    pub complied: Option<bool>,
}

/// `Contact`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CommunityApiContact {
    /// Start, an ISO date or date-time (the date part is read).
    pub contact_start: String,
    /// Outcome.
    pub outcome: Option<ContactOutcomeType>,
    /// The event it belongs to.
    pub event_id: Option<i64>,
}

/// `Nsi`.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CommunityApiNsi {
    /// Outcome.
    pub nsi_outcome: Option<KeyValue>,
    /// Referral date.
    pub referral_date: NaiveDate,
    /// The event it belongs to.
    pub event_id: Option<i64>,
}

/// The community-api bundle of one case.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommunityApiCase {
    /// `OffenderDetail`.
    pub offender: OffenderDetail,
    /// Convictions.
    #[serde(default)]
    pub convictions: Vec<Conviction>,
    /// Registrations.
    #[serde(default)]
    pub registrations: Vec<CommunityApiRegistration>,
    /// Contacts.
    #[serde(default)]
    pub contacts: Vec<CommunityApiContact>,
    /// NSIs.
    #[serde(default)]
    pub nsis: Vec<CommunityApiNsi>,
}

pub(crate) const KEYS: &[&str] = &[
    "offender",
    "convictions",
    "registrations",
    "contacts",
    "nsis",
    "code",
    "description",
    "crn",
    "pncNumber",
    "nomsNumber",
    "probationArea",
    "active",
    "firstName",
    "surname",
    "dateOfBirth",
    "gender",
    "otherIds",
    "offenderManagers",
    "mainOffence",
    "offenceDate",
    "sentenceType",
    "originalLength",
    "originalLengthUnits",
    "startDate",
    "terminationDate",
    "requirementTypeMainCategory",
    "restrictive",
    "length",
    "convictionId",
    "convictionDate",
    "offences",
    "sentence",
    "requirements",
    "custody",
    "keyDates",
    "conditionalReleaseDate",
    "licenceExpiryDate",
    "hdcEligibilityDate",
    "paroleEligibilityDate",
    "sentenceExpiryDate",
    "expectedReleaseDate",
    "postSentenceSupervisionEndDate",
    "secondLength",
    "secondLengthUnits",
    "register",
    "registerLevel",
    "registerCategory",
    "endDate",
    "attended",
    "complied",
    "contactStart",
    "outcome",
    "eventId",
    "nsiOutcome",
    "referralDate",
];

/// The requirements of a conviction; `at(suffix)` is the field path of `requirements` + `suffix`.
fn requirements_of(
    reqs: &[CommunityApiRequirement],
    at: impl Fn(&str) -> String,
) -> Result<Vec<Requirement>, RecordError> {
    let mut out = Vec::with_capacity(reqs.len());
    for (j, r) in reqs.iter().enumerate() {
        let field = |f: &str| at(&format!("[{j}].{f}"));
        let kind = codes::requirement_kind(
            &r.requirement_type_main_category.code,
            r.restrictive,
            || field("requirementTypeMainCategory.code"),
            || field("restrictive"),
        )?;
        let mut req = Requirement::new(kind);
        match kind {
            RequirementKind::UnpaidWork => req.hours = r.length,
            RequirementKind::RehabilitationActivity => req.days = r.length,
            _ => {}
        }
        req.terminated = r.termination_date;
        out.push(req);
    }
    Ok(out)
}

/// A length in the given units.
pub(crate) fn length_of(n: u16, unit: &str, path: &str) -> Result<Length, RecordError> {
    Ok(match unit {
        "Days" => Length::days(n),
        "Weeks" => Length {
            weeks: n,
            ..Length::default()
        },
        "Months" => Length::months(n),
        "Years" => Length::years(n),
        "Hours" => {
            return Err(RecordError::Unsupported {
                path: path.to_owned(),
                code: unit.to_owned(),
            });
        }
        other => return Err(RecordError::unknown(path, other)),
    })
}

/// The nDelius gender string of a sex.
pub(crate) const fn gender_string(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "Male",
        Sex::Female => "Female",
        Sex::NotSpecified => "Not Specified",
    }
}

pub(crate) fn sex_of(g: Option<&str>, path: &str) -> Result<Sex, RecordError> {
    match g {
        None => Ok(Sex::NotSpecified),
        Some(g) => codes::gender(g).ok_or_else(|| RecordError::unknown(path, g)),
    }
}

impl CommunityApiCase {
    /// Decodes a community-api bundle.
    ///
    /// # Errors
    /// [`RecordError::Decode`] naming the field; [`RecordError::TooLarge`].
    pub fn decode(json: &str) -> Result<Self, RecordError> {
        decode(json, &[KEYS])
    }

    /// The case this bundle describes.
    ///
    /// # Errors
    /// [`RecordError`] naming the field: identifiers, unknown gender, requirement category or length unit, an
    /// unsupported unit, an array over [`super::MAX_ITEMS`].
    pub fn to_case(&self) -> Result<Case, RecordError> {
        let o = &self.offender;
        let crn = Crn::parse(&o.other_ids.crn).map_err(|_| {
            RecordError::invalid("offender.otherIds.crn", "not a CRN (a letter and 6 digits)")
        })?;
        let pnc = o
            .other_ids
            .pnc_number
            .as_deref()
            .map(Pnc::parse)
            .transpose()
            .map_err(|_| {
                RecordError::invalid(
                    "offender.otherIds.pncNumber",
                    "not a PNC id (or its check character is wrong)",
                )
            })?;
        let prison_number = o
            .other_ids
            .noms_number
            .as_deref()
            .map(PrisonNumber::parse)
            .transpose()
            .map_err(|_| {
                RecordError::invalid("offender.otherIds.nomsNumber", "not a prison number")
            })?;
        let name = match (&o.first_name, &o.surname) {
            (Some(g), Some(f)) => Some(PersonName {
                given: g.clone(),
                family: f.clone(),
            }),
            _ => None,
        };
        check_len(&o.offender_managers, || {
            "offender.offenderManagers".to_owned()
        })?;
        let area = o
            .offender_managers
            .iter()
            .find(|m| m.active)
            .and_then(|m| m.probation_area.as_ref())
            .map(|a| a.code.as_str());
        let person = Person {
            crn,
            pnc,
            prison_number,
            name,
            date_of_birth: o.date_of_birth,
            sex: sex_of(o.gender.as_deref(), "offender.gender")?,
            foreign_national_liable_to_deportation: false,
            home_area: area
                .and_then(CrcArea::from_code)
                .unwrap_or(PLACEHOLDER_HOME_AREA),
            rsr: None,
            ogrs: None,
        };
        let mut case = Case::new(person);
        case.provider = area.and_then(|a| a.parse::<Provider>().ok());

        check_len(&self.convictions, || "convictions".to_owned())?;
        let mut event_index: Vec<(i64, u32)> = Vec::new();
        for (i, c) in self.convictions.iter().enumerate() {
            let Some(s) = &c.sentence else { continue };
            let p = |f: &str| format!("convictions[{i}].{f}");
            check_len(&c.requirements, || p("requirements"))?;
            check_len(&c.offences, || p("offences"))?;
            let length = match (s.original_length, s.original_length_units.as_deref()) {
                (Some(n), Some(u)) => length_of(n, u, &p("sentence.originalLengthUnits"))?,
                (Some(_), None) => {
                    return Err(RecordError::invalid(
                        p("sentence.originalLengthUnits"),
                        "absent with a length",
                    ));
                }
                _ => Length::default(),
            };
            let custodial = c.custody.is_some()
                || s.sentence_type
                    .as_ref()
                    .is_some_and(|t| codes::sentence_type_is_custodial(&t.code));
            let suspended = !custodial
                && s.description
                    .as_deref()
                    .is_some_and(|d| d.to_ascii_lowercase().contains("suspended"));
            let sentence = if custodial {
                if !c.requirements.is_empty() {
                    return Err(RecordError::invalid(
                        p("requirements"),
                        "a custodial sentence has no requirements in the case model",
                    ));
                }
                Sentence::Custody {
                    length,
                    kind: CustodyKind::StandardDeterminate,
                    remand_days: 0,
                    tagged_bail_days: 0,
                    release_date: None,
                }
            } else {
                let requirements =
                    requirements_of(&c.requirements, |f| p(&format!("requirements{f}")))?;
                if suspended {
                    let operational_period = match (
                        s.second_length,
                        s.second_length_units.as_deref(),
                    ) {
                        (Some(n), Some(u)) => length_of(n, u, &p("sentence.secondLengthUnits"))?,
                        _ => {
                            return Err(RecordError::invalid(
                                p("sentence.secondLength"),
                                "absent: a suspended sentence order needs its operational period",
                            ));
                        }
                    };
                    Sentence::SuspendedSentenceOrder {
                        custodial_term: length,
                        operational_period,
                        // [A] supervision for the whole operational period when the order has requirements.
                        supervision_period: (!requirements.is_empty())
                            .then_some(operational_period),
                        requirements,
                    }
                } else {
                    Sentence::CommunityOrder {
                        length,
                        requirements,
                    }
                }
            };
            let offence_date = c
                .offences
                .iter()
                .find(|o| o.main_offence)
                .or_else(|| c.offences.first())
                .and_then(|o| o.offence_date)
                .or(c.conviction_date)
                .unwrap_or(s.start_date);
            if let (Some(id), Ok(idx)) = (c.conviction_id, u32::try_from(case.events.len())) {
                event_index.push((id, idx));
            }
            case.events.push(Event {
                offence_code: None,
                actuarial_category: None,
                offence_date,
                conviction_date: c.conviction_date,
                sentence_date: s.start_date,
                allocation_date: None,
                termination_date: s.termination_date,
                sentence,
            });
        }
        let event_of = |id: Option<i64>| {
            id.and_then(|id| event_index.iter().find(|(e, _)| *e == id).map(|(_, i)| *i))
        };

        check_len(&self.registrations, || "registrations".to_owned())?;
        for (i, r) in self.registrations.iter().enumerate() {
            let mut reg = Registration::new(
                crate::model::RegisterCode::from_code(&r.register.code),
                r.start_date,
            );
            reg.level = r.register_level.as_ref().map(|k| k.code.clone());
            reg.category = r.register_category.as_ref().map(|k| k.code.clone());
            if !r.active {
                reg.deregistered = Some(r.end_date.ok_or_else(|| {
                    RecordError::invalid(
                        format!("registrations[{i}].endDate"),
                        "absent on an inactive registration",
                    )
                })?);
            }
            case.registrations.push(reg);
        }

        check_len(&self.contacts, || "contacts".to_owned())?;
        for (i, c) in self.contacts.iter().enumerate() {
            let date = crate::model::date::iso_date_prefix(&c.contact_start).ok_or_else(|| {
                RecordError::invalid(
                    format!("contacts[{i}].contactStart"),
                    "not an ISO date or date-time",
                )
            })?;
            let o = c.outcome.clone().unwrap_or_default();
            let outcome = match (o.attended, o.complied) {
                (Some(true), _) => ContactOutcome::Attended,
                (Some(false), Some(true)) => ContactOutcome::AcceptableAbsence,
                (Some(false), Some(false)) => ContactOutcome::UnacceptableAbsence,
                (None, None) => ContactOutcome::NotRecorded,
                _ => {
                    return Err(RecordError::invalid(
                        format!("contacts[{i}].outcome"),
                        "attended and complied must both be given, or attended true, or neither",
                    ));
                }
            };
            case.contacts.push(Contact {
                date,
                kind: ContactKind::Appointment,
                outcome,
                event: event_of(c.event_id),
            });
        }

        check_len(&self.nsis, || "nsis".to_owned())?;
        for n in &self.nsis {
            if let Some(kind) = n
                .nsi_outcome
                .as_ref()
                .and_then(|o| codes::nsi_outcome(&o.code))
            {
                case.enforcement.push(EnforcementAction {
                    date: n.referral_date,
                    kind,
                    event: event_of(n.event_id),
                });
            }
        }
        Ok(case)
    }
}

/// Reads a community-api bundle (`json`) into a case.
///
/// # Errors
/// [`RecordError`] naming the field (see [`CommunityApiCase::to_case`]).
pub fn community_api_to_case(json: &str) -> Result<Case, RecordError> {
    CommunityApiCase::decode(json)?.to_case()
}

/// A case's length as one community-api length and unit: the single unit given, else days from the sentence
/// date.
pub(crate) fn length_parts(l: &Length, start: NaiveDate) -> Option<(u16, &'static str)> {
    let parts = [
        (l.years, "Years"),
        (l.months, "Months"),
        (l.weeks, "Weeks"),
        (l.days, "Days"),
    ];
    let nonzero: Vec<(u16, &str)> = parts.into_iter().filter(|(n, _)| *n > 0).collect();
    match nonzero.as_slice() {
        [] => None,
        [one] => Some(*one),
        _ => l
            .days_from(start)
            .and_then(|d| u16::try_from(d).ok())
            .map(|d| (d, "Days")),
    }
}

impl CommunityApiCase {
    /// The community-api bundle of `case`: the inverse of [`CommunityApiCase::to_case`] for every field it reads.
    /// What the bundle cannot carry is left out: the home area when the provider is another code or absent, custody kind,
    /// remand and tagged-bail days, release date, requirement kinds other than unpaid work and RAR, contact kinds,
    /// warnings and breach referrals (NSI outcomes carry breach laid as `BRE01`, recall as `REC01`), an SSO's
    /// supervision period (read back as the operational period when it has requirements). An SSO is written
    /// with the description `Suspended Sentence Order`, its custodial term as the length and its operational
    /// period as the second length; custody with the library's key dates.
    pub fn from_case(case: &Case) -> Self {
        let p = &case.person;
        // No provider: no offender manager (an imported case without one has the placeholder home area).
        let area = match case.provider {
            Some(Provider::Crc(a)) if a == p.home_area => Some(p.home_area.code().to_owned()),
            Some(other) => Some(other.to_string()),
            None => None,
        };
        let kv = |c: &str| KeyValue {
            code: c.to_owned(),
            description: None,
        };
        let offender = OffenderDetail {
            first_name: p.name.as_ref().map(|n| n.given.clone()),
            surname: p.name.as_ref().map(|n| n.family.clone()),
            date_of_birth: p.date_of_birth,
            gender: Some(gender_string(p.sex).to_owned()),
            other_ids: OtherIds {
                crn: p.crn.as_str().to_owned(),
                pnc_number: p.pnc.as_ref().map(|x| x.as_str().to_owned()),
                noms_number: p.prison_number.as_ref().map(|x| x.as_str().to_owned()),
            },
            offender_managers: area
                .map(|a| OffenderManager {
                    probation_area: Some(kv(&a)),
                    active: true,
                })
                .into_iter()
                .collect(),
        };
        let convictions = case
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let (length, custodial, operational) = match &e.sentence {
                    Sentence::CommunityOrder { length, .. } => (*length, false, None),
                    Sentence::SuspendedSentenceOrder {
                        custodial_term,
                        operational_period,
                        ..
                    } => (*custodial_term, false, Some(operational_period)),
                    Sentence::Custody { length, .. } => (*length, true, None),
                };
                let second = operational.and_then(|l| length_parts(l, e.sentence_date));
                let parts = length_parts(&length, e.sentence_date);
                Conviction {
                    conviction_id: i64::try_from(i).ok().map(|i| i + 1),
                    conviction_date: e.conviction_date,
                    offences: vec![Offence {
                        main_offence: true,
                        offence_date: Some(e.offence_date),
                    }],
                    sentence: Some(CommunityApiSentence {
                        sentence_type: custodial.then(|| kv("SC")),
                        description: operational.map(|_| "Suspended Sentence Order".to_owned()),
                        original_length: parts.map(|(n, _)| n),
                        original_length_units: parts.map(|(_, u)| u.to_owned()),
                        second_length: second.map(|(n, _)| n),
                        second_length_units: second.map(|(_, u)| u.to_owned()),
                        start_date: e.sentence_date,
                        termination_date: e.termination_date,
                    }),
                    requirements: e
                        .sentence
                        .requirements()
                        .iter()
                        .filter_map(|r| {
                            let code = match r.kind {
                                RequirementKind::UnpaidWork => "W",
                                RequirementKind::RehabilitationActivity => "F",
                                _ => return None,
                            };
                            Some(CommunityApiRequirement {
                                requirement_type_main_category: kv(code),
                                restrictive: Some(false),
                                length: if code == "W" { r.hours } else { r.days },
                                termination_date: r.terminated,
                            })
                        })
                        .collect(),
                    custody: custodial.then(|| CommunityApiCustody {
                        key_dates: crate::sentence::sentence_dates(&case.person, e)
                            .ok()
                            .map(|d| key_dates_of(&d)),
                    }),
                }
            })
            .collect();
        let registrations = case
            .registrations
            .iter()
            .map(|r| CommunityApiRegistration {
                register: kv(r.code.code()),
                register_level: r.level.as_deref().map(kv),
                register_category: r.category.as_deref().map(kv),
                start_date: r.registered,
                end_date: r.deregistered,
                active: r.deregistered.is_none(),
            })
            .collect();
        let event_id = |e: Option<u32>| e.map(|e| i64::from(e) + 1);
        let contacts = case
            .contacts
            .iter()
            .map(|c| CommunityApiContact {
                contact_start: c.date.to_string(),
                outcome: match c.outcome {
                    ContactOutcome::Attended => Some(ContactOutcomeType {
                        attended: Some(true),
                        complied: Some(true),
                    }),
                    ContactOutcome::AcceptableAbsence => Some(ContactOutcomeType {
                        attended: Some(false),
                        complied: Some(true),
                    }),
                    ContactOutcome::UnacceptableAbsence => Some(ContactOutcomeType {
                        attended: Some(false),
                        complied: Some(false),
                    }),
                    ContactOutcome::NotRecorded => None,
                },
                event_id: event_id(c.event),
            })
            .collect();
        let nsis = case
            .enforcement
            .iter()
            .filter_map(|a| {
                let code = match a.kind {
                    crate::model::EnforcementActionKind::BreachLaid => "BRE01",
                    crate::model::EnforcementActionKind::RecallRequested => "REC01",
                    _ => return None,
                };
                Some(CommunityApiNsi {
                    nsi_outcome: Some(kv(code)),
                    referral_date: a.date,
                    event_id: event_id(a.event),
                })
            })
            .collect();
        CommunityApiCase {
            offender,
            convictions,
            registrations,
            contacts,
            nsis,
        }
    }
}

/// community-api's key dates from the library's sentence dates (`SED`, `ACR`, `LED`, `PSSED`).
fn key_dates_of(d: &crate::sentence::SentenceDates) -> CustodyRelatedKeyDates {
    let mut k = CustodyRelatedKeyDates::default();
    for kd in super::export::key_dates(d) {
        let slot = match kd.code {
            "SED" => &mut k.sentence_expiry_date,
            "ACR" => &mut k.conditional_release_date,
            "LED" => &mut k.licence_expiry_date,
            "PSSED" => &mut k.post_sentence_supervision_end_date,
            _ => continue,
        };
        *slot = Some(kd.date);
    }
    k
}

/// The community-api bundle of `case`, as JSON ([`CommunityApiCase::from_case`]).
pub fn community_api_from_case(case: &Case) -> String {
    serde_json::to_string(&CommunityApiCase::from_case(case)).unwrap_or_default()
}
