//! Enforcement (docs/rules/enforcement.md): what each failure to comply calls for, with its deadline and the rule.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::policy::ContactPolicy;
use super::rule_ref::RuleRef;
use super::{ContactError, rules as r};
use crate::calendar::Calendar;
use crate::model::{Case, EnforcementActionKind, Provider};
use crate::sentence::SupervisionKind;

/// One failure to comply: an unacceptable absence during supervision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Failure {
    /// Date of the contact.
    pub date: NaiveDate,
    /// Index of the event.
    pub event: u32,
    /// The kind of supervision it fell in.
    pub supervision: SupervisionKind,
    /// Index of the contact in `case.contacts`.
    pub contact: u32,
    /// Why it is a failure.
    pub rule: RuleRef,
}

/// An enforcement action a failure calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Give a formal warning.
    Warning,
    /// A CRC refers the breach to the NPS.
    BreachReferral,
    /// The NPS lays a breach a CRC referred.
    LayReferredBreach,
    /// Lay breach proceedings (NPS, Probation Trust, Probation Service); in post-sentence supervision, before
    /// the magistrates.
    LayBreach,
    /// Review the licence for recall.
    RecallReview,
}

impl Action {
    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            Action::Warning => "warning",
            Action::BreachReferral => "breach_referral",
            Action::LayReferredBreach => "lay_referred_breach",
            Action::LayBreach => "lay_breach",
            Action::RecallReview => "recall_review",
        }
    }
    /// True for the breach actions.
    pub const fn is_breach(self) -> bool {
        matches!(
            self,
            Action::BreachReferral | Action::LayReferredBreach | Action::LayBreach
        )
    }
}

/// Where a step stands on `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// To do; its deadline (if any) is `as_of` or later.
    Due,
    /// To do, and its deadline has passed.
    Overdue,
    /// A matching enforcement action is recorded on or after the failure (`done_on`).
    Done,
}

/// One enforcement step: the action a failure calls for, its deadline and the rules behind both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EnforcementStep {
    /// Index of the event.
    pub event: u32,
    /// The kind of supervision the failure fell in.
    pub supervision: SupervisionKind,
    /// The failure's date.
    pub failure_date: NaiveDate,
    /// What is called for.
    pub action: Action,
    /// Its deadline, when there is one (breach deadlines in working days).
    pub due_by: Option<NaiveDate>,
    /// Where it stands.
    pub status: StepStatus,
    /// The date of the recorded action that did it.
    pub done_on: Option<NaiveDate>,
    /// Why this action.
    pub rule: RuleRef,
    /// Where the deadline comes from.
    pub deadline_rule: Option<RuleRef>,
    /// The recorded warning this step follows from, for breach steps.
    pub warning_on: Option<NaiveDate>,
}

/// The enforcement steps for `failures` (sorted by date), reading recorded actions up to `as_of`.
pub(crate) fn enforcement_steps(
    case: &Case,
    policy: &ContactPolicy,
    calendar: &Calendar,
    failures: &[Failure],
    as_of: NaiveDate,
) -> Result<Vec<EnforcementStep>, ContactError> {
    let e = &policy.enforcement;
    let mut out = Vec::with_capacity(failures.len());
    // The first recorded action of `kind` for the event on or after `from`, up to `as_of`.
    let recorded = |ev: u32, kind: EnforcementActionKind, from: NaiveDate| {
        case.enforcement
            .iter()
            .filter(|a| {
                a.kind == kind
                    && a.event.is_none_or(|x| x == ev)
                    && a.date >= from
                    && a.date <= as_of
            })
            .map(|a| a.date)
            .min()
    };
    let status = |done_on: Option<NaiveDate>, due_by: Option<NaiveDate>| match (done_on, due_by) {
        (Some(_), _) => StepStatus::Done,
        (None, Some(d)) if d < as_of => StepStatus::Overdue,
        _ => StepStatus::Due,
    };
    for f in failures {
        let step = |action, due_by, done_on, rule: &'static crate::rules::Rule| EnforcementStep {
            event: f.event,
            supervision: f.supervision,
            failure_date: f.date,
            action,
            due_by,
            status: status(done_on, due_by),
            done_on,
            rule: RuleRef::Builtin(rule),
            deadline_rule: None,
            warning_on: None,
        };
        if f.supervision == SupervisionKind::Licence {
            let done = recorded(f.event, EnforcementActionKind::RecallRequested, f.date);
            out.push(step(Action::RecallReview, None, done, &r::LICENCE_RECALL));
            continue;
        }
        let pss = f.supervision == SupervisionKind::PostSentenceSupervision;
        // A warning in force: recorded before the failure, and the failure within `warning_months` of it.
        let warning = case
            .enforcement
            .iter()
            .filter(|a| {
                a.kind == EnforcementActionKind::Warning
                    && a.event.is_none_or(|x| x == f.event)
                    && a.date < f.date
                    && a.date
                        .checked_add_months(Months::new(u32::from(e.warning_months)))
                        .is_some_and(|end| f.date <= end)
            })
            .map(|a| a.date)
            .max();
        let warn_first = if pss {
            e.warn_first_on_pss
        } else {
            !e.straight_to_breach
        };
        let breach_rule: &'static crate::rules::Rule = match (pss, warning) {
            (true, _) => &r::PSS_BREACH,
            (false, Some(_)) => &r::BREACH,
            (false, None) => &r::STRAIGHT_TO_BREACH,
        };
        if warning.is_none() && warn_first {
            let done = recorded(f.event, EnforcementActionKind::Warning, f.date);
            let rule = if pss { &r::PSS_WARN } else { &r::WARN };
            out.push(step(Action::Warning, None, done, rule));
            continue;
        }
        let wd = |from: NaiveDate, n: u16| calendar.add_working_days(from, u32::from(n));
        match case.provider {
            Some(Provider::Crc(_)) => {
                let due = wd(f.date, e.crc_referral_days)?;
                let done = recorded(f.event, EnforcementActionKind::BreachReferral, f.date);
                let mut s = step(Action::BreachReferral, Some(due), done, breach_rule);
                s.deadline_rule = Some(RuleRef::Builtin(&r::CRC_REFERRAL));
                s.warning_on = warning;
                out.push(s);
                if let Some(referred) = done {
                    let due = wd(referred, e.nps_lay_referred_days)?;
                    let laid = recorded(f.event, EnforcementActionKind::BreachLaid, referred);
                    let mut s = step(Action::LayReferredBreach, Some(due), laid, breach_rule);
                    s.deadline_rule = Some(RuleRef::Builtin(&r::NPS_LAY_REFERRED));
                    s.warning_on = warning;
                    out.push(s);
                }
            }
            other => {
                let (days, rule) = if matches!(other, Some(Provider::Nps(_))) {
                    (e.nps_lay_own_days, &r::NPS_LAY_OWN)
                } else {
                    (e.other_lay_days, &r::OTHER_LAY)
                };
                let due = wd(f.date, days)?;
                let done = recorded(f.event, EnforcementActionKind::BreachLaid, f.date);
                let mut s = step(Action::LayBreach, Some(due), done, breach_rule);
                s.deadline_rule = Some(RuleRef::Builtin(rule));
                s.warning_on = warning;
                out.push(s);
            }
        }
    }
    Ok(out)
}
