//! Risk escalation (docs/rules/allocation.md#risk-escalation, PI 57/2014): when a CRC must refer a case to the NPS,
//! why, and by when.
//!
//! A CRC holding a case whose risk rises so that it meets an NPS criterion (RoSH high or very high, MAPPA, …) must
//! refer it to the NPS "without delay"; this library reads "without delay" as the policy's
//! `escalation_working_days` working days after the change (default 1: the next working day, \[A\]). A case the NPS
//! holds never moves back to a CRC \[A\]. The Wales switch is a transfer of the whole Welsh CRC, not an escalation,
//! so it is not a reason here.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::engine::{Period, decide, nps_criteria};
use super::{AllocationError, AllocationFacts, AllocationPolicy, Calendar, RuleList, rules};
use crate::model::{Case, Provider, RegisterCode};

/// Whether a case must be referred to the NPS on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Escalation {
    /// The date of the risk change (the new assessment or registration).
    pub on: NaiveDate,
    /// Who held the case before the change (`None`: not recorded).
    pub held_by: Option<Provider>,
    /// True when the case must be referred to the NPS.
    pub required: bool,
    /// The NPS division to refer to, when required.
    pub refer_to: Option<Provider>,
    /// The date by which to refer, when required.
    pub refer_by: Option<NaiveDate>,
    /// Every rule that fired: the NPS criteria now met, then the escalation rules.
    pub rules: RuleList,
    /// The policy's id.
    pub policy_id: Arc<str>,
    /// The policy's version.
    pub policy_version: u32,
}

/// Escalation from flat facts: the case is held by `held_by`, and `facts` describe it after the change.
///
/// # Errors
/// [`AllocationError::OutOfRange`] for an RSR outside 0–100; [`AllocationError::Calendar`] when the referral date
/// falls outside the calendar's range.
pub fn escalation_facts(
    facts: &AllocationFacts,
    held_by: Option<Provider>,
    policy: &AllocationPolicy,
    calendar: &Calendar,
) -> Result<Escalation, AllocationError> {
    facts.validate()?;
    let mut out = Escalation {
        on: facts.on,
        held_by,
        required: false,
        refer_to: None,
        refer_by: None,
        rules: RuleList::new(rules::TABLE),
        policy_id: Arc::clone(&policy.id),
        policy_version: policy.version,
    };
    let in_tr = Period::of(facts.on, policy) == Period::TransformingRehabilitation;
    match held_by {
        Some(Provider::Nps(_)) => out.rules.fire(rules::Idx::NPS_NEVER_RETURNS.bit()),
        Some(Provider::Crc(_)) if in_tr => {
            if nps_criteria(facts, policy, &mut out.rules) {
                out.required = true;
                out.refer_to = Some(Provider::Nps(facts.home_area.nps_division()));
                out.refer_by = Some(
                    calendar
                        .add_working_days(facts.on, policy.escalation_working_days)
                        .map_err(|_| AllocationError::Calendar { path: "on" })?,
                );
                out.rules.fire(rules::Idx::ESCALATE.bit());
                out.rules.fire(rules::Idx::ESCALATION_DEADLINE.bit());
            } else {
                out.rules.fire(rules::Idx::STAYS_WITH_CRC.bit());
            }
        }
        _ => out.rules.fire(rules::Idx::NOT_APPLICABLE.bit()),
    }
    Ok(out)
}

/// Whether `case`, held by `case.provider`, must be referred to the NPS because of the risk information it holds
/// on `on` (the date of a new assessment or registration, already in the case).
///
/// # Errors
/// As [`escalation_facts`], and [`AllocationError::OutOfRange`] naming the assessment's `rsr`.
///
/// ```
/// use chrono::NaiveDate;
/// use probation_core::allocation::{escalation, AllocationPolicy, Calendar};
/// use probation_core::interchange::decode_case;
/// let case = decode_case(r#"{"schema_version":1,
///   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C05"},
///   "provider":"C05",
///   "registrations":[{"code":"RHRH","registered":"2016-09-14"}]}"#).unwrap();
/// let on = NaiveDate::from_ymd_opt(2016, 9, 14).unwrap(); // a Wednesday
/// let e = escalation(&case, on, &AllocationPolicy::default_policy(), &Calendar::england_and_wales()).unwrap();
/// assert!(e.required);
/// assert_eq!(e.refer_to.unwrap().code(), "N02");
/// assert_eq!(e.refer_by, NaiveDate::from_ymd_opt(2016, 9, 15));
/// ```
pub fn escalation(
    case: &Case,
    on: NaiveDate,
    policy: &AllocationPolicy,
    calendar: &Calendar,
) -> Result<Escalation, AllocationError> {
    let facts = AllocationFacts::from_case(case, on)?;
    escalation_facts(&facts, case.provider, policy, calendar)
}

/// What changed a case's risk: an assessment or a registration, by its index in the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Trigger {
    /// `assessments[index]`.
    Assessment {
        /// Index in `assessments`.
        index: usize,
    },
    /// `registrations[index]`.
    Registration {
        /// Index in `registrations`.
        index: usize,
        /// Its register code.
        code: RegisterCode,
    },
}

/// One point in a case's history at which it should have been referred to the NPS.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EscalationPoint {
    /// The date of the risk change.
    pub date: NaiveDate,
    /// What changed.
    pub trigger: Trigger,
    /// Who held the case (a CRC).
    pub held_by: Provider,
    /// The NPS division to refer to.
    pub refer_to: Provider,
    /// The date by which to refer.
    pub refer_by: NaiveDate,
    /// The NPS criteria met, then the escalation rules.
    pub rules: RuleList,
}

/// Lists when `case` should have been escalated, by replaying its dated history.
///
/// The replay walks, in date order, the sentence dates of its events and the dates of its assessments and
/// registrations (a sentence date before the risk changes of the same day). At the start of Transforming
/// Rehabilitation and at each sentence date inside it, a case with an active event is allocated by the rules
/// (unless the NPS already holds it: it never moves back). At a risk change while a CRC holds it, if an NPS criterion is now met, an [`EscalationPoint`] is
/// listed and the NPS holds the case from then on. Deregistrations lower nothing: they never move a case back.
///
/// # Errors
/// As [`escalation`], for any date replayed.
pub fn escalation_history(
    case: &Case,
    policy: &AllocationPolicy,
    calendar: &Calendar,
) -> Result<Vec<EscalationPoint>, AllocationError> {
    // (date, order within the day: 0 sentence, 1 risk change, trigger)
    let mut moments: Vec<(NaiveDate, u8, Option<Trigger>)> = Vec::new();
    moments.push((policy.tr_start, 0, None));
    moments.extend(case.events.iter().map(|e| (e.sentence_date, 0, None)));
    moments.extend(
        case.assessments
            .iter()
            .enumerate()
            .map(|(index, a)| (a.date, 1, Some(Trigger::Assessment { index }))),
    );
    moments.extend(case.registrations.iter().enumerate().map(|(index, r)| {
        let code = r.code.clone();
        (r.registered, 1, Some(Trigger::Registration { index, code }))
    }));
    moments.sort_by_key(|m| (m.0, m.1));

    let mut held: Option<Provider> = None;
    let mut points = Vec::new();
    for (date, _, trigger) in moments {
        if Period::of(date, policy) != Period::TransformingRehabilitation {
            continue;
        }
        let facts = AllocationFacts::from_case(case, date)?;
        match trigger {
            None => {
                if facts.sentence_date.is_some() && !held.is_some_and(Provider::is_nps) {
                    held = Some(decide(&facts, policy).provider);
                }
            }
            Some(trigger) => {
                let Some(h @ Provider::Crc(_)) = held else {
                    continue;
                };
                let e = escalation_facts(&facts, Some(h), policy, calendar)?;
                if let (true, Some(refer_to), Some(refer_by)) = (e.required, e.refer_to, e.refer_by)
                {
                    points.push(EscalationPoint {
                        date,
                        trigger,
                        held_by: h,
                        refer_to,
                        refer_by,
                        rules: e.rules,
                    });
                    held = Some(refer_to);
                }
            }
        }
    }
    Ok(points)
}
