//! [`predictors`]: the predictors a case's inputs allow, on a date.

use chrono::NaiveDate;
use serde::Serialize;

use super::combined::combine;
use super::{
    ArpError, ArpInput, ArpScore, CsrpError, CsrpScore, DcSrpError, DcSrpInput, DcSrpScore,
    IicSrpInput, IicSrpScore, Ogrs3Error, Ogrs3Input, Ogrs3Score, SupervisionStatus, ViolentInput,
    ViolentScore, arp, dc_srp, iic_srp, ogrs3, svrp, vrp,
};
use crate::model::{Case, CriminalHistory, Event, Sentence};

/// A predictor refused its inputs: the error kind and the predictor's input field (see each predictor's error
/// type for the kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PredictorError {
    /// Stable kind, e.g. `offence_code_not_mapped`.
    pub kind: &'static str,
    /// The predictor input field, e.g. `offence_code`.
    pub field: &'static str,
    /// The message (never contains a value from the case).
    pub message: &'static str,
}

/// One predictor computed from a case: a score, a refusal, or not computed because inputs are missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome<T> {
    /// Computed.
    Scored {
        /// The score.
        score: T,
    },
    /// The inputs were present but refused.
    Refused {
        /// Why.
        error: PredictorError,
    },
    /// Not computed: these case fields (paths) are missing.
    NotComputed {
        /// The missing case fields, e.g. `criminal_history.total_sanctions`.
        missing: Vec<String>,
    },
}

/// Every predictor computed from a case on a date. Computed from the case's history, not taken from an OASys
/// assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CasePredictors {
    /// The date of the calculation (the assessment date of ARP and DC-SRP).
    pub on: NaiveDate,
    /// Index of the current event: the one with the latest conviction on or before `on` (ties: the later in
    /// the list). `None` when there is none.
    pub event: Option<u32>,
    /// OGRS3.
    pub ogrs3: Outcome<Ogrs3Score>,
    /// ARP (static, or dynamic when the case has every required answer).
    pub arp: Outcome<ArpScore>,
    /// DC-SRP.
    pub dc_srp: Outcome<DcSrpScore>,
    /// VRP (static, or dynamic when the case has every answer VRP requires).
    pub vrp: Outcome<ViolentScore>,
    /// SVRP (static, or dynamic likewise).
    pub svrp: Outcome<ViolentScore>,
    /// IIC-SRP.
    pub iic_srp: Outcome<IicSrpScore>,
    /// CSRP, from the SVRP, DC-SRP and IIC-SRP above: refused when one of them is, not computed when one of
    /// them is not.
    pub csrp: Outcome<CsrpScore>,
}

fn refused(kind: &'static str, field: &'static str, message: &'static str) -> PredictorError {
    PredictorError {
        kind,
        field,
        message,
    }
}

macro_rules! err_messages {
    ($t:ty { $($v:pat => $m:literal),+ $(,)? }) => {
        impl $t {
            /// The error message (no values, `'static`).
            pub const fn message(&self) -> &'static str {
                match self { $($v => $m),+ }
            }
        }
    };
}

err_messages!(Ogrs3Error {
    Ogrs3Error::SexNotSpecified => "sex must be male or female for OGRS3",
    Ogrs3Error::TotalSanctionsOutOfRange => "total sanctions must be from 1 to 999",
    Ogrs3Error::OffenceCodeFormat => "the offence code must be 5 digits",
    Ogrs3Error::ConvictionNotAfterBirth => "the conviction date must be after the date of birth",
    Ogrs3Error::FollowUpNotAfterBirth => "the start of follow-up must be after the date of birth",
    Ogrs3Error::AgeAtConvictionUnderTen => "the age at current conviction must be at least 10",
    Ogrs3Error::AgeAtFollowUpUnderTen => "the age at the start of follow-up must be at least 10",
    Ogrs3Error::FirstSanctionAfterConviction => "the age at first sanction must not be after the age at current conviction",
    Ogrs3Error::OffenceCodeNotMapped => "the offence code has no OGRS3 offence group",
    Ogrs3Error::OffenceNeedsDetails => "the offence code needs the details of the exact offence",
});

err_messages!(ArpError {
    ArpError::SexNotSpecified => "sex must be male or female for ARP",
    ArpError::ConvictionNotAfterBirth => "the conviction date must be after the date of birth",
    ArpError::FirstSanctionAfterConviction => "the age at first sanction must not be after the age at current conviction",
    ArpError::ConvictionAfterAssessment => "the conviction date must be no more than 3 months after the assessment date",
    ArpError::AgeAtFirstSanctionOutOfRange => "the age at first sanction must be from 0 to 109",
    ArpError::CategoryUnknown => "the actuarial category must be known",
    ArpError::TotalSanctionsOutOfRange => "total sanctions must be from 1 to 999",
    ArpError::FollowUpNotAfterBirth => "the start of follow-up must be after the date of birth",
    ArpError::FollowUpAgeOutOfRange => "the age at the start of follow-up must be under 110",
    ArpError::ScoreZero => "the score rounds to 0.00, which has no band",
    ArpError::ViolentSanctionsOutOfRange => "violent sanctions must be from 0 to the total sanctions",
});

err_messages!(CsrpError {
    CsrpError::Svrp(_) => "CSRP: SVRP refused its inputs",
    CsrpError::DcSrp(_) => "CSRP: DC-SRP refused its inputs",
    CsrpError::IicSrp(_) => "CSRP: IIC-SRP refused its inputs",
});

err_messages!(DcSrpError {
    DcSrpError::SexNotSpecified => "sex must be male or female for DC-SRP",
    DcSrpError::CountMissing { .. } => "a sexual sanction count is required for a man who has committed a sexual offence",
    DcSrpError::TotalSanctionsOutOfRange => "total sanctions must be from 1 to 999",
    DcSrpError::NoSexualSanctions => "the sexual sanction counts must not all be 0",
    DcSrpError::SexualSanctionsExceedTotal => "the sexual sanction counts must not add up to more than the total sanctions",
    DcSrpError::SexualOffenceDateMissing => "the date of the most recent sexual offence is required",
    DcSrpError::SexualOffenceDateNotAfterBirth => "the most recent sexual offence must be after the date of birth",
    DcSrpError::SexualOffenceDateOutOfRange => "the age at the most recent sexual offence must be under 110",
    DcSrpError::FollowUpNotAfterBirth => "the start of follow-up must be after the date of birth",
    DcSrpError::FollowUpAgeOutOfRange => "the age at the start of follow-up must be under 110",
    DcSrpError::InconsistentSexualHistory { .. } => "sexual sanction counts must be absent or 0 with no sexual offending",
});

fn outcome<T, E>(r: Result<T, E>, f: impl Fn(&E) -> PredictorError) -> Outcome<T> {
    match r {
        Ok(score) => Outcome::Scored { score },
        Err(e) => Outcome::Refused { error: f(&e) },
    }
}

fn no_event<T>() -> Outcome<T> {
    Outcome::NotComputed {
        missing: vec!["events".to_string()],
    }
}

/// The current event on `on`, with its index.
fn current_event(case: &Case, on: NaiveDate) -> Option<(usize, &Event)> {
    case.events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.conviction_date() <= on)
        .max_by_key(|(i, e)| (e.conviction_date(), *i))
}

/// Start of follow-up: the release date of a custodial sentence, the sentence date of a community one.
fn follow_up(event: &Event) -> Option<NaiveDate> {
    match &event.sentence {
        Sentence::Custody { release_date, .. } => *release_date,
        _ => Some(event.sentence_date),
    }
}

fn supervision(event: &Event, on: NaiveDate) -> SupervisionStatus {
    match &event.sentence {
        Sentence::Custody { release_date, .. } if release_date.is_none_or(|r| r > on) => {
            SupervisionStatus::Custody
        }
        _ => SupervisionStatus::Community,
    }
}

/// Computes OGRS3, ARP and DC-SRP from `case` on `on`, as far as its inputs allow (docs/rules/predictors.md, §9b; the case
/// fields in `docs/interchange.md`). The case should have passed [`crate::validate::validate`].
pub fn predictors(case: &Case, on: NaiveDate) -> CasePredictors {
    let history = case.criminal_history.unwrap_or_default();
    let Some((i, event)) = current_event(case, on) else {
        return CasePredictors {
            on,
            event: None,
            ogrs3: no_event(),
            arp: no_event(),
            dc_srp: no_event(),
            vrp: no_event(),
            svrp: no_event(),
            iic_srp: no_event(),
            csrp: no_event(),
        };
    };
    let ev = |f: &str| format!("events[{i}].{f}");
    let ch = |f: &str| format!("criminal_history.{f}");
    let follow = follow_up(event);
    let person = &case.person;

    let mut missing = Vec::new();
    if follow.is_none() {
        missing.push(ev("sentence.release_date"));
    }
    if history.total_sanctions.is_none() {
        missing.push(ch("total_sanctions"));
    }
    if history.age_at_first_sanction.is_none() {
        missing.push(ch("age_at_first_sanction"));
    }
    let common = missing.clone();
    if event.offence_code.is_none() {
        missing.push(ev("offence_code"));
    }
    let ogrs3 = match (
        follow,
        history.total_sanctions,
        history.age_at_first_sanction,
        &event.offence_code,
    ) {
        (Some(follow_up_start), Some(total_sanctions), Some(age_at_first_sanction), Some(code)) => {
            outcome(
                ogrs3(&Ogrs3Input {
                    sex: person.sex,
                    date_of_birth: person.date_of_birth,
                    conviction_date: event.conviction_date(),
                    follow_up_start,
                    total_sanctions,
                    age_at_first_sanction,
                    offence_code: code.clone(),
                }),
                |e| refused(e.kind(), e.field(), e.message()),
            )
        }
        _ => Outcome::NotComputed { missing },
    };

    let mut missing = common;
    if event.actuarial_category.is_none() {
        missing.push(ev("actuarial_category"));
    }
    let violent_missing = {
        let mut m = missing.clone();
        if history.violent_sanctions.is_none() {
            m.push(ch("violent_sanctions"));
        }
        m
    };
    let violent_input = match (
        follow,
        history.total_sanctions,
        history.age_at_first_sanction,
        event.actuarial_category,
        history.violent_sanctions,
    ) {
        (
            Some(f),
            Some(total_sanctions),
            Some(age_at_first_sanction),
            Some(actuarial_category),
            Some(v),
        ) => Some(ViolentInput {
            assessment_date: on,
            date_of_birth: person.date_of_birth,
            conviction_date: event.conviction_date(),
            follow_up_start: Some(f),
            sex: person.sex,
            age_at_first_sanction,
            total_sanctions,
            violent_sanctions: v,
            actuarial_category,
            dynamic: case.dynamic_answers.unwrap_or_default(),
        }),
        _ => None,
    };
    let violent = |f: fn(&ViolentInput) -> Result<ViolentScore, ArpError>| match &violent_input {
        Some(i) => outcome(f(i), |e| refused(e.kind(), e.field(), e.message())),
        None => Outcome::NotComputed {
            missing: violent_missing.clone(),
        },
    };
    let (vrp, svrp) = (violent(vrp), violent(svrp));
    let arp = match (
        follow,
        history.total_sanctions,
        history.age_at_first_sanction,
        event.actuarial_category,
    ) {
        (Some(f), Some(total_sanctions), Some(age_at_first_sanction), Some(actuarial_category)) => {
            outcome(
                arp(&ArpInput {
                    assessment_date: on,
                    date_of_birth: person.date_of_birth,
                    conviction_date: event.conviction_date(),
                    follow_up_start: Some(f),
                    sex: person.sex,
                    age_at_first_sanction,
                    total_sanctions,
                    actuarial_category,
                    dynamic: case.dynamic_answers.unwrap_or_default(),
                }),
                |e| refused(e.kind(), e.field(), e.message()),
            )
        }
        _ => Outcome::NotComputed { missing },
    };

    let dc_srp = dc_srp_outcome(case, &history, event, follow, on, &ev, &ch);
    let iic_srp = iic_srp_outcome(case, &history, &ch);
    let csrp = csrp_outcome(case, &history, &svrp, &dc_srp, &iic_srp);
    CasePredictors {
        on,
        event: u32::try_from(i).ok(),
        ogrs3,
        arp,
        dc_srp,
        vrp,
        svrp,
        iic_srp,
        csrp,
    }
}

fn iic_srp_outcome(
    case: &Case,
    h: &CriminalHistory,
    ch: &dyn Fn(&str) -> String,
) -> Outcome<IicSrpScore> {
    match has_sexual_history(h) {
        Some(has_ever_committed_sexual_offence) => outcome(
            iic_srp(&IicSrpInput {
                sex: case.person.sex,
                has_ever_committed_sexual_offence,
                total_sanctions: h.total_sanctions,
                contact_adult_sexual_sanctions: h.contact_adult_sexual_sanctions,
                contact_child_sexual_sanctions: h.contact_child_sexual_sanctions,
                non_contact_sexual_offences: h.non_contact_sexual_offences,
                indecent_image_sanctions: h.indecent_image_sanctions,
            }),
            |e| refused(e.kind(), e.field(), e.message()),
        ),
        None => Outcome::NotComputed {
            missing: vec![ch("has_ever_committed_sexual_offence")],
        },
    }
}

/// CSRP from the three component outcomes: the first refusal refuses it, else any missing inputs are its own.
fn csrp_outcome(
    case: &Case,
    h: &CriminalHistory,
    sv: &Outcome<ViolentScore>,
    dc: &Outcome<DcSrpScore>,
    iic: &Outcome<IicSrpScore>,
) -> Outcome<CsrpScore> {
    // The component's field; the message names the component (CsrpError's messages).
    let refused = |message: &'static str, inner: &PredictorError| Outcome::Refused {
        error: PredictorError {
            kind: "component_refused",
            field: inner.field,
            message,
        },
    };
    match (sv, dc, iic) {
        (Outcome::Refused { error }, _, _) => refused("CSRP: SVRP refused its inputs", error),
        (_, Outcome::Refused { error }, _) => refused("CSRP: DC-SRP refused its inputs", error),
        (_, _, Outcome::Refused { error }) => refused("CSRP: IIC-SRP refused its inputs", error),
        (
            Outcome::Scored { score: s },
            Outcome::Scored { score: d },
            Outcome::Scored { score: i },
        ) => Outcome::Scored {
            score: combine(
                s,
                d,
                i,
                case.person.sex,
                has_sexual_history(h).unwrap_or(false),
            ),
        },
        _ => {
            let mut missing = Vec::new();
            for o in [missing_of(sv), missing_of(dc), missing_of(iic)] {
                for m in o {
                    if !missing.contains(m) {
                        missing.push(m.clone());
                    }
                }
            }
            Outcome::NotComputed { missing }
        }
    }
}

fn missing_of<T>(o: &Outcome<T>) -> &[String] {
    match o {
        Outcome::NotComputed { missing } => missing,
        _ => &[],
    }
}

fn has_sexual_history(h: &CriminalHistory) -> Option<bool> {
    h.has_ever_committed_sexual_offence.or_else(|| {
        let counts = [
            h.contact_adult_sexual_sanctions?,
            h.contact_child_sexual_sanctions?,
            h.non_contact_sexual_offences?,
            h.indecent_image_sanctions?,
        ];
        Some(counts.iter().any(|&c| c > 0))
    })
}

fn dc_srp_outcome(
    case: &Case,
    h: &CriminalHistory,
    event: &Event,
    follow: Option<NaiveDate>,
    on: NaiveDate,
    ev: &dyn Fn(&str) -> String,
    ch: &dyn Fn(&str) -> String,
) -> Outcome<DcSrpScore> {
    let sexual = has_sexual_history(h);
    let mut missing = Vec::new();
    if follow.is_none() {
        missing.push(ev("sentence.release_date"));
    }
    if h.total_sanctions.is_none() {
        missing.push(ch("total_sanctions"));
    }
    if sexual.is_none() {
        missing.push(ch("has_ever_committed_sexual_offence"));
    }
    match (follow, h.total_sanctions, sexual) {
        (Some(follow_up_start), Some(total_sanctions), Some(has_ever_committed_sexual_offence)) => {
            outcome(
                dc_srp(&DcSrpInput {
                    assessment_date: on,
                    sex: case.person.sex,
                    supervision_status: supervision(event, on),
                    has_ever_committed_sexual_offence,
                    date_of_birth: case.person.date_of_birth,
                    follow_up_start,
                    total_sanctions,
                    contact_adult_sexual_sanctions: h.contact_adult_sexual_sanctions,
                    contact_child_sexual_sanctions: h.contact_child_sexual_sanctions,
                    non_contact_sexual_offences: h.non_contact_sexual_offences,
                    indecent_image_sanctions: h.indecent_image_sanctions,
                    most_recent_sexual_offence_date: h.last_sexual_offence_date,
                    current_offence_against_stranger: h.current_offence_against_stranger,
                    most_recent_offence_date: h.last_offence_date,
                }),
                |e| refused(e.kind(), e.field(), e.message()),
            )
        }
        _ => Outcome::NotComputed { missing },
    }
}
