//! The case as Kotlin records (`data class`es), converted to and from core's [`probation_core::model::Case`].
//!
//! Field names and meanings are those of the JSON interchange format (`docs/interchange.md`); counts are
//! `Int` in Kotlin (a negative or too-large count is an `ApiException.Decode` naming the field). Codes that
//! are open-ended on the wire (home area, provider, register codes, MAPPA level/category) stay strings and
//! are checked on the way in.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use probation_core::ids::{Crn, Pnc, PrisonNumber};
use probation_core::model as m;
use uuid::Uuid;

use crate::ApiError;
use crate::mirror::mirror_enum;

mirror_enum!(
    /// Sex as recorded in nDelius.
    Sex = m::Sex { Male, Female, NotSpecified });
mirror_enum!(
    /// The kind of custodial sentence.
    CustodyKind = m::CustodyKind { StandardDeterminate, Extended, Life });
mirror_enum!(
    /// Which kind of sentence.
    SentenceType = m::SentenceType { CommunityOrder, SuspendedSentenceOrder, Custody });
mirror_enum!(
/// The requirements a court can impose (CJA 2003 s.177).
RequirementKind = m::RequirementKind {
    UnpaidWork, RehabilitationActivity, Programme, ProhibitedActivity, Curfew, Exclusion, Residence,
    ForeignTravelProhibition, MentalHealthTreatment, DrugRehabilitation, AlcoholTreatment,
    AlcoholAbstinenceMonitoring, AttendanceCentre, ElectronicMonitoring
});
mirror_enum!(
    /// What a contact was.
    ContactKind = m::ContactKind { Appointment, FirstAppointment, HomeVisit, SentencePlan, UnpaidWork, Programme, Other });
mirror_enum!(
    /// The outcome of a contact.
    ContactOutcome = m::ContactOutcome { Attended, AcceptableAbsence, UnacceptableAbsence, NotRecorded });
mirror_enum!(
    /// An enforcement action already taken.
    EnforcementActionKind = m::EnforcementActionKind { Warning, BreachReferral, BreachLaid, RecallRequested });
mirror_enum!(
    /// Risk of Serious Harm level.
    RoshLevel = m::RoshLevel { Low, Medium, High, VeryHigh });
mirror_enum!(
/// Criminogenic need areas of OASys.
NeedArea = m::NeedArea {
    Accommodation, EducationTrainingEmployability, Relationships, LifestyleAssociates, DrugMisuse,
    AlcoholMisuse, ThinkingBehaviour, Attitudes, FinancialManagement, EmotionalWellbeing
});
mirror_enum!(
    /// How severe a need is.
    NeedSeverity = m::NeedSeverity { NoNeed, Standard, Severe });
mirror_enum!(
    /// An answer to an OASys section question.
    Answer = m::Answer { Yes, No, None, Some, Significant, Never, Previous, Currently, Unknown });
mirror_enum!(
    /// OASys or the Strengths and Needs assessment.
    AssessmentKind = m::AssessmentKind { Oasys, San });

/// A length as the court states it; missing parts are 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, uniffi::Record)]
pub struct Length {
    /// Years.
    #[uniffi(default)]
    pub years: i32,
    /// Months.
    #[uniffi(default)]
    pub months: i32,
    /// Weeks.
    #[uniffi(default)]
    pub weeks: i32,
    /// Days.
    #[uniffi(default)]
    pub days: i32,
}

/// A person's name (personal data; never used by a rule, never in an error).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PersonName {
    /// Given name(s).
    pub given: String,
    /// Family name.
    pub family: String,
}

/// The person a case is about.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Person {
    /// nDelius case reference number, e.g. `X320741`.
    pub crn: String,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Sex.
    pub sex: Sex,
    /// Home area as a CRC area code, `C01`–`C21`.
    pub home_area: String,
    /// PNC id (any accepted form; normalised to `YYYY/NNNNNNNA`).
    #[uniffi(default)]
    pub pnc: Option<String>,
    /// Prison (NOMS) number.
    #[uniffi(default)]
    pub prison_number: Option<String>,
    /// Name.
    #[uniffi(default)]
    pub name: Option<PersonName>,
    /// Foreign national liable to deportation.
    #[uniffi(default)]
    pub foreign_national_liable_to_deportation: bool,
}

/// One requirement of an order; which numeric fields apply depends on `kind`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Requirement {
    /// What the requirement is.
    pub kind: RequirementKind,
    /// Hours (unpaid work, attendance centre).
    #[uniffi(default)]
    pub hours: Option<i32>,
    /// Days (RAR days, programme sessions).
    #[uniffi(default)]
    pub days: Option<i32>,
    /// Curfew hours per day.
    #[uniffi(default)]
    pub hours_per_day: Option<i32>,
    /// Curfew days per week.
    #[uniffi(default)]
    pub days_per_week: Option<i32>,
    /// How long the requirement lasts.
    #[uniffi(default)]
    pub length: Option<Length>,
    /// Date terminated early.
    #[uniffi(default)]
    pub terminated: Option<NaiveDate>,
}

/// A sentence (disposal).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Sentence {
    /// Community order.
    CommunityOrder {
        /// Length of the order.
        length: Length,
        /// Requirements.
        requirements: Vec<Requirement>,
    },
    /// Suspended sentence order.
    SuspendedSentenceOrder {
        /// The suspended custodial term.
        custodial_term: Length,
        /// Operational period.
        operational_period: Length,
        /// Supervision period, absent without requirements.
        supervision_period: Option<Length>,
        /// Requirements.
        requirements: Vec<Requirement>,
    },
    /// Custody followed by licence.
    Custody {
        /// Length of the custodial sentence.
        length: Length,
        /// Kind of custodial sentence.
        kind: CustodyKind,
        /// Remand days.
        remand_days: i32,
        /// Tagged-bail credit days.
        tagged_bail_days: i32,
        /// Actual release date, once released.
        release_date: Option<NaiveDate>,
    },
}

/// One conviction and its sentence.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Event {
    /// Date of the (first) offence.
    pub offence_date: NaiveDate,
    /// Date of sentence.
    pub sentence_date: NaiveDate,
    /// The sentence.
    pub sentence: Sentence,
    /// Date of conviction (defaults to the sentence date).
    #[uniffi(default)]
    pub conviction_date: Option<NaiveDate>,
    /// Date allocated to a provider.
    #[uniffi(default)]
    pub allocation_date: Option<NaiveDate>,
    /// Date terminated.
    #[uniffi(default)]
    pub termination_date: Option<NaiveDate>,
}

/// One registration (nDelius register flag).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Registration {
    /// Register code, e.g. `MAPP`, `RHRH`; unknown codes are kept.
    pub code: String,
    /// Date registered.
    pub registered: NaiveDate,
    /// Level code (MAPPA `M1`–`M3`).
    #[uniffi(default)]
    pub level: Option<String>,
    /// Category code (MAPPA `M1`–`M4`).
    #[uniffi(default)]
    pub category: Option<String>,
    /// Date deregistered.
    #[uniffi(default)]
    pub deregistered: Option<NaiveDate>,
}

/// RoSH per group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, uniffi::Record)]
pub struct RoshByGroup {
    /// Risk to children.
    #[uniffi(default)]
    pub children: Option<RoshLevel>,
    /// Risk to the public.
    #[uniffi(default)]
    pub public: Option<RoshLevel>,
    /// Risk to a known adult.
    #[uniffi(default)]
    pub known_adult: Option<RoshLevel>,
    /// Risk to staff.
    #[uniffi(default)]
    pub staff: Option<RoshLevel>,
    /// Risk to prisoners.
    #[uniffi(default)]
    pub prisoners: Option<RoshLevel>,
}

/// The women's factors of the tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, uniffi::Record)]
pub struct WomensFactors {
    /// Parenting responsibilities.
    #[uniffi(default)]
    pub parenting_responsibilities: bool,
    /// Impulsivity score (0–2).
    #[uniffi(default)]
    pub impulsivity: i32,
    /// Temper control score (0–2).
    #[uniffi(default)]
    pub temper_control: i32,
    /// A breach or recall in the last 12 months.
    #[uniffi(default)]
    pub breach_or_recall_last_12_months: bool,
}

/// One dated risk and needs assessment.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Assessment {
    /// Date completed.
    pub date: NaiveDate,
    /// OASys or SAN (`null` = OASys).
    #[uniffi(default)]
    pub kind: Option<AssessmentKind>,
    /// RoSH per group.
    #[uniffi(default)]
    pub rosh: RoshByGroup,
    /// RSR percent.
    #[uniffi(default)]
    pub rsr: Option<f64>,
    /// OGRS percent.
    #[uniffi(default)]
    pub ogrs: Option<f64>,
    /// Need severities already scored.
    #[uniffi(default)]
    pub needs: HashMap<NeedArea, NeedSeverity>,
    /// Raw section answers (`null` = missing).
    #[uniffi(default)]
    pub section_answers: HashMap<NeedArea, Vec<Option<Answer>>>,
    /// Women's factors.
    #[uniffi(default)]
    pub womens_factors: Option<WomensFactors>,
}

/// One contact.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Contact {
    /// Date.
    pub date: NaiveDate,
    /// Kind.
    pub kind: ContactKind,
    /// Outcome.
    pub outcome: ContactOutcome,
    /// Index of the event it belongs to.
    #[uniffi(default)]
    pub event: Option<i32>,
}

/// An enforcement action already taken.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EnforcementAction {
    /// Date.
    pub date: NaiveDate,
    /// What was done.
    pub kind: EnforcementActionKind,
    /// Index of the event it belongs to.
    #[uniffi(default)]
    pub event: Option<i32>,
}

/// One case.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Case {
    /// The person.
    pub person: Person,
    /// Events, each with its sentence.
    #[uniffi(default)]
    pub events: Vec<Event>,
    /// Registrations.
    #[uniffi(default)]
    pub registrations: Vec<Registration>,
    /// Assessments.
    #[uniffi(default)]
    pub assessments: Vec<Assessment>,
    /// Contacts.
    #[uniffi(default)]
    pub contacts: Vec<Contact>,
    /// Enforcement actions.
    #[uniffi(default)]
    pub enforcement: Vec<EnforcementAction>,
    /// Provider code (`N01`–`N07`, `C01`–`C21`, `probation_trust`, `probation_service`).
    #[uniffi(default)]
    pub provider: Option<String>,
    /// Stable identifier of the case record.
    #[uniffi(default)]
    pub case_id: Option<Uuid>,
}

// ---- Kotlin record → core ------------------------------------------------------------------------------------

/// Converts a count from Kotlin's `Int` to core's unsigned type, naming the field when it does not fit.
fn count<T: TryFrom<i32>>(v: i32, path: impl FnOnce() -> String) -> Result<T, ApiError> {
    T::try_from(v).map_err(|_| ApiError::decode(path(), "number out of range"))
}

fn opt_count<T: TryFrom<i32>>(
    v: Option<i32>,
    path: impl FnOnce() -> String,
) -> Result<Option<T>, ApiError> {
    v.map(|v| count(v, path)).transpose()
}

fn length(l: Length, at: &str) -> Result<m::Length, ApiError> {
    Ok(m::Length {
        years: count(l.years, || format!("{at}.years"))?,
        months: count(l.months, || format!("{at}.months"))?,
        weeks: count(l.weeks, || format!("{at}.weeks"))?,
        days: count(l.days, || format!("{at}.days"))?,
    })
}

fn requirements(rs: Vec<Requirement>, at: &str) -> Result<Vec<m::Requirement>, ApiError> {
    rs.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let at = format!("{at}.requirements[{i}]");
            Ok(m::Requirement {
                kind: r.kind.into(),
                hours: opt_count(r.hours, || format!("{at}.hours"))?,
                days: opt_count(r.days, || format!("{at}.days"))?,
                hours_per_day: opt_count(r.hours_per_day, || format!("{at}.hours_per_day"))?,
                days_per_week: opt_count(r.days_per_week, || format!("{at}.days_per_week"))?,
                length: r
                    .length
                    .map(|l| length(l, &format!("{at}.length")))
                    .transpose()?,
                terminated: r.terminated,
            })
        })
        .collect()
}

fn sentence(s: Sentence, at: &str) -> Result<m::Sentence, ApiError> {
    Ok(match s {
        Sentence::CommunityOrder {
            length: l,
            requirements: rs,
        } => m::Sentence::CommunityOrder {
            length: length(l, &format!("{at}.length"))?,
            requirements: requirements(rs, at)?,
        },
        Sentence::SuspendedSentenceOrder {
            custodial_term,
            operational_period,
            supervision_period,
            requirements: rs,
        } => m::Sentence::SuspendedSentenceOrder {
            custodial_term: length(custodial_term, &format!("{at}.custodial_term"))?,
            operational_period: length(operational_period, &format!("{at}.operational_period"))?,
            supervision_period: supervision_period
                .map(|l| length(l, &format!("{at}.supervision_period")))
                .transpose()?,
            requirements: requirements(rs, at)?,
        },
        Sentence::Custody {
            length: l,
            kind,
            remand_days,
            tagged_bail_days,
            release_date,
        } => m::Sentence::Custody {
            length: length(l, &format!("{at}.length"))?,
            kind: kind.into(),
            remand_days: count(remand_days, || format!("{at}.remand_days"))?,
            tagged_bail_days: count(tagged_bail_days, || format!("{at}.tagged_bail_days"))?,
            release_date,
        },
    })
}

/// Converts a person record to core's model, checking identifiers and codes.
pub(crate) fn person_to_core(p: Person) -> Result<m::Person, ApiError> {
    let id_err = |path: &str| {
        let path = path.to_owned();
        move |e: probation_core::ids::IdError| ApiError::decode(path, e.to_string())
    };
    Ok(m::Person {
        crn: Crn::parse(&p.crn).map_err(id_err("person.crn"))?,
        pnc: p
            .pnc
            .as_deref()
            .map(Pnc::parse)
            .transpose()
            .map_err(id_err("person.pnc"))?,
        prison_number: p
            .prison_number
            .as_deref()
            .map(PrisonNumber::parse)
            .transpose()
            .map_err(id_err("person.prison_number"))?,
        name: p.name.map(|n| m::PersonName {
            given: n.given,
            family: n.family,
        }),
        date_of_birth: p.date_of_birth,
        sex: p.sex.into(),
        foreign_national_liable_to_deportation: p.foreign_national_liable_to_deportation,
        home_area: m::CrcArea::from_code(&p.home_area)
            .ok_or_else(|| ApiError::decode("person.home_area", "home area must be C01-C21"))?,
    })
}

/// Converts `events[i]` to core's model.
pub(crate) fn event_to_core(e: Event, i: usize) -> Result<m::Event, ApiError> {
    Ok(m::Event {
        offence_date: e.offence_date,
        conviction_date: e.conviction_date,
        sentence_date: e.sentence_date,
        allocation_date: e.allocation_date,
        termination_date: e.termination_date,
        sentence: sentence(e.sentence, &format!("events[{i}].sentence"))?,
    })
}

fn assessment(a: Assessment, i: usize) -> Result<m::Assessment, ApiError> {
    let at = format!("assessments[{i}]");
    Ok(m::Assessment {
        date: a.date,
        kind: a.kind.map(Into::into).unwrap_or_default(),
        rosh: m::RoshByGroup {
            children: a.rosh.children.map(Into::into),
            public: a.rosh.public.map(Into::into),
            known_adult: a.rosh.known_adult.map(Into::into),
            staff: a.rosh.staff.map(Into::into),
            prisoners: a.rosh.prisoners.map(Into::into),
        },
        rsr: a.rsr,
        ogrs: a.ogrs,
        needs: a
            .needs
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect(),
        section_answers: a
            .section_answers
            .into_iter()
            .map(|(k, v)| (k.into(), v.into_iter().map(|x| x.map(Into::into)).collect()))
            .collect(),
        womens_factors: a
            .womens_factors
            .map(|w| {
                Ok::<_, ApiError>(m::WomensFactors {
                    parenting_responsibilities: w.parenting_responsibilities,
                    impulsivity: count(w.impulsivity, || {
                        format!("{at}.womens_factors.impulsivity")
                    })?,
                    temper_control: count(w.temper_control, || {
                        format!("{at}.womens_factors.temper_control")
                    })?,
                    breach_or_recall_last_12_months: w.breach_or_recall_last_12_months,
                })
            })
            .transpose()?,
    })
}

impl TryFrom<Case> for m::Case {
    type Error = ApiError;

    /// Checks identifiers, codes and number ranges, as decoding the JSON form would; the rules of
    /// docs/rules/validation.md are checked by `validate`.
    fn try_from(c: Case) -> Result<Self, ApiError> {
        let mut case = m::Case::new(person_to_core(c.person)?);
        case.case_id = c.case_id;
        case.provider = c
            .provider
            .map(|p| p.parse())
            .transpose()
            .map_err(|e: m::ProviderError| ApiError::decode("provider", e.to_string()))?;
        case.events = c
            .events
            .into_iter()
            .enumerate()
            .map(|(i, e)| event_to_core(e, i))
            .collect::<Result<_, ApiError>>()?;
        case.registrations = c
            .registrations
            .into_iter()
            .map(|r| m::Registration {
                code: m::RegisterCode::from_code(&r.code),
                level: r.level,
                category: r.category,
                registered: r.registered,
                deregistered: r.deregistered,
            })
            .collect();
        case.assessments = c
            .assessments
            .into_iter()
            .enumerate()
            .map(|(i, a)| assessment(a, i))
            .collect::<Result<_, _>>()?;
        case.contacts = c
            .contacts
            .into_iter()
            .enumerate()
            .map(|(i, x)| {
                Ok(m::Contact {
                    date: x.date,
                    kind: x.kind.into(),
                    outcome: x.outcome.into(),
                    event: opt_count(x.event, || format!("contacts[{i}].event"))?,
                })
            })
            .collect::<Result<_, ApiError>>()?;
        case.enforcement = c
            .enforcement
            .into_iter()
            .enumerate()
            .map(|(i, x)| {
                Ok(m::EnforcementAction {
                    date: x.date,
                    kind: x.kind.into(),
                    event: opt_count(x.event, || format!("enforcement[{i}].event"))?,
                })
            })
            .collect::<Result<_, ApiError>>()?;
        Ok(case)
    }
}

// ---- core → Kotlin record ------------------------------------------------------------------------------------

impl From<m::Length> for Length {
    fn from(l: m::Length) -> Self {
        Length {
            years: l.years.into(),
            months: l.months.into(),
            weeks: l.weeks.into(),
            days: l.days.into(),
        }
    }
}

/// Core counts are at most `u32`; Kotlin's `Int` holds every value core accepts from JSON except the top half
/// of `u32`, which saturates (no count that large passes validation).
fn int(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

fn requirement_out(r: m::Requirement) -> Requirement {
    Requirement {
        kind: r.kind.into(),
        hours: r.hours.map(Into::into),
        days: r.days.map(Into::into),
        hours_per_day: r.hours_per_day.map(Into::into),
        days_per_week: r.days_per_week.map(Into::into),
        length: r.length.map(Into::into),
        terminated: r.terminated,
    }
}

fn requirements_out(rs: Vec<m::Requirement>) -> Vec<Requirement> {
    rs.into_iter().map(requirement_out).collect()
}

impl From<m::Sentence> for Sentence {
    fn from(s: m::Sentence) -> Self {
        match s {
            m::Sentence::CommunityOrder {
                length,
                requirements,
            } => Sentence::CommunityOrder {
                length: length.into(),
                requirements: requirements_out(requirements),
            },
            m::Sentence::SuspendedSentenceOrder {
                custodial_term,
                operational_period,
                supervision_period,
                requirements,
            } => Sentence::SuspendedSentenceOrder {
                custodial_term: custodial_term.into(),
                operational_period: operational_period.into(),
                supervision_period: supervision_period.map(Into::into),
                requirements: requirements_out(requirements),
            },
            m::Sentence::Custody {
                length,
                kind,
                remand_days,
                tagged_bail_days,
                release_date,
            } => Sentence::Custody {
                length: length.into(),
                kind: kind.into(),
                remand_days: int(remand_days),
                tagged_bail_days: int(tagged_bail_days),
                release_date,
            },
        }
    }
}

fn map_out<K: Into<NeedArea>, V, W>(m: BTreeMap<K, V>, f: impl Fn(V) -> W) -> HashMap<NeedArea, W> {
    m.into_iter().map(|(k, v)| (k.into(), f(v))).collect()
}

impl From<m::Case> for Case {
    fn from(c: m::Case) -> Self {
        let p = c.person;
        Case {
            person: Person {
                crn: p.crn.to_string(),
                date_of_birth: p.date_of_birth,
                sex: p.sex.into(),
                home_area: p.home_area.code().to_owned(),
                pnc: p.pnc.map(String::from),
                prison_number: p.prison_number.map(String::from),
                name: p.name.map(|n| PersonName {
                    given: n.given,
                    family: n.family,
                }),
                foreign_national_liable_to_deportation: p.foreign_national_liable_to_deportation,
            },
            events: c
                .events
                .into_iter()
                .map(|e| Event {
                    offence_date: e.offence_date,
                    sentence_date: e.sentence_date,
                    sentence: e.sentence.into(),
                    conviction_date: e.conviction_date,
                    allocation_date: e.allocation_date,
                    termination_date: e.termination_date,
                })
                .collect(),
            registrations: c
                .registrations
                .into_iter()
                .map(|r| Registration {
                    code: r.code.code().to_owned(),
                    registered: r.registered,
                    level: r.level,
                    category: r.category,
                    deregistered: r.deregistered,
                })
                .collect(),
            assessments: c
                .assessments
                .into_iter()
                .map(|a| Assessment {
                    date: a.date,
                    kind: Some(a.kind.into()),
                    rosh: RoshByGroup {
                        children: a.rosh.children.map(Into::into),
                        public: a.rosh.public.map(Into::into),
                        known_adult: a.rosh.known_adult.map(Into::into),
                        staff: a.rosh.staff.map(Into::into),
                        prisoners: a.rosh.prisoners.map(Into::into),
                    },
                    rsr: a.rsr,
                    ogrs: a.ogrs,
                    needs: map_out(a.needs, NeedSeverity::from),
                    section_answers: map_out(a.section_answers, |v: Vec<Option<m::Answer>>| {
                        v.into_iter().map(|x| x.map(Answer::from)).collect()
                    }),
                    womens_factors: a.womens_factors.map(|w| WomensFactors {
                        parenting_responsibilities: w.parenting_responsibilities,
                        impulsivity: w.impulsivity.into(),
                        temper_control: w.temper_control.into(),
                        breach_or_recall_last_12_months: w.breach_or_recall_last_12_months,
                    }),
                })
                .collect(),
            contacts: c
                .contacts
                .into_iter()
                .map(|x| Contact {
                    date: x.date,
                    kind: x.kind.into(),
                    outcome: x.outcome.into(),
                    event: x.event.map(int),
                })
                .collect(),
            enforcement: c
                .enforcement
                .into_iter()
                .map(|x| EnforcementAction {
                    date: x.date,
                    kind: x.kind.into(),
                    event: x.event.map(int),
                })
                .collect(),
            provider: c.provider.map(|p| p.code().to_owned()),
            case_id: c.case_id,
        }
    }
}
