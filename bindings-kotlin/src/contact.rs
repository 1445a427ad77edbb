//! Contact schedules and compliance (docs/rules/contact.md and enforcement.md): a `ContactPolicy` object, records,
//! single and batch calls, and JSON out.

use std::sync::Arc;

use chrono::NaiveDate;
use probation_core::contact as c;
use probation_core::sentence::SupervisionKind as CoreSupervisionKind;

use crate::allocation::internal;
use crate::api::{from_json, to_core};
use crate::batch::ItemError;
use crate::calendar::Calendar;
use crate::case::{Case, RoshLevel};
use crate::error::guard;
use crate::mirror::mirror_enum;
use crate::{ApiError, Basis, Rule};

/// A contact standard (national standards 2007, TR 2014, Probation Service 2021, or a custom one) as data.
/// Immutable and thread-safe.
#[derive(Debug, uniffi::Object)]
pub struct ContactPolicy {
    pub(crate) inner: c::ContactPolicy,
}

#[uniffi::export]
impl ContactPolicy {
    /// A built-in preset: `ns2007`, `tr2014` or `ps2021`.
    #[uniffi::constructor]
    pub fn preset(name: String) -> Result<Arc<Self>, ApiError> {
        guard(|| {
            Ok(Arc::new(ContactPolicy {
                inner: c::ContactPolicy::preset(&name)?,
            }))
        })
    }

    /// A custom policy from its JSON form (see `tests/vectors/schedule/README.md`); every field is checked.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, ApiError> {
        guard(|| {
            Ok(Arc::new(ContactPolicy {
                inner: c::ContactPolicy::from_json(&json)?,
            }))
        })
    }

    /// The policy's JSON form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }

    /// Short name, e.g. `ns2007`.
    pub fn name(&self) -> String {
        self.inner.name.clone()
    }
}

mirror_enum!(
    /// The kind of supervision a period is.
    SupervisionKind = CoreSupervisionKind { CommunityOrder, SuspendedSentenceOrder, Licence, PostSentenceSupervision });
mirror_enum!(
    /// What a schedule item is about.
    ItemKind = c::ItemKind { Allocation, FirstAppointment, SentencePlan, UnpaidWorkStart, HomeVisit, Contact });
mirror_enum!(
    /// How a deadline's days are counted.
    DayUnit = c::DayUnit { WorkingDays, CalendarDays });
mirror_enum!(
    /// How a window stands on the `as_of` date.
    WindowStatus = c::WindowStatus { Met, Late, Missed, Excused, Open });
mirror_enum!(
    /// An enforcement action.
    Action = c::Action { Warning, BreachReferral, LayReferredBreach, LayBreach, RecallReview });
mirror_enum!(
    /// Whether an enforcement step is due, overdue or done.
    StepStatus = c::StepStatus { Due, Overdue, Done });

fn rule(r: &c::RuleRef) -> Rule {
    Rule {
        id: r.id().to_owned(),
        text: r.text().to_owned(),
        source: r.source().to_owned(),
        basis: Basis::from(r.basis()),
    }
}

fn rules(rs: &[c::RuleRef]) -> Vec<Rule> {
    rs.iter().map(rule).collect()
}

/// A supervision period of one event.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SupervisionPeriod {
    /// Index of the event.
    pub event: u32,
    /// Kind of supervision.
    pub kind: SupervisionKind,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// RoSH at the start of the period, when assessed.
    pub rosh: Option<RoshLevel>,
    /// Whether the policy's high-risk condition held.
    pub high_risk: bool,
}

/// One contact window or deadline.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScheduleItem {
    /// Index of the event.
    pub event: u32,
    /// Kind of supervision it falls in.
    pub supervision: SupervisionKind,
    /// What it is about.
    pub kind: ItemKind,
    /// First day a contact counts.
    pub earliest: NaiveDate,
    /// Last day.
    pub due_by: NaiveDate,
    /// Contacts needed.
    pub contacts: u16,
    /// How the window's days were counted.
    pub unit: DayUnit,
    /// The rule that set it.
    pub rule: Rule,
}

/// The contact schedule of a case.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Schedule {
    /// The policy's name.
    pub policy: String,
    /// The supervision periods.
    pub periods: Vec<SupervisionPeriod>,
    /// Every window and deadline, in date order.
    pub items: Vec<ScheduleItem>,
    /// Every rule that fired.
    pub rules: Vec<Rule>,
}

fn period(p: &c::Period) -> SupervisionPeriod {
    SupervisionPeriod {
        event: p.event,
        kind: p.kind.into(),
        start: p.start,
        end: p.end,
        rosh: p.rosh.map(Into::into),
        high_risk: p.high_risk,
    }
}

fn item(i: &c::ScheduleItem) -> ScheduleItem {
    ScheduleItem {
        event: i.event,
        supervision: i.supervision.into(),
        kind: i.kind.into(),
        earliest: i.earliest,
        due_by: i.due_by,
        contacts: i.contacts,
        unit: i.unit.into(),
        rule: rule(&i.rule),
    }
}

impl From<&c::Schedule> for Schedule {
    fn from(s: &c::Schedule) -> Self {
        Schedule {
            policy: s.policy.clone(),
            periods: s.periods.iter().map(period).collect(),
            items: s.items.iter().map(item).collect(),
            rules: rules(&s.rules),
        }
    }
}

/// One window that has opened by `as_of`, and how it stands.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Window {
    /// The schedule item.
    pub item: ScheduleItem,
    /// How it stands.
    pub status: WindowStatus,
    /// Attended contacts counted in it.
    pub made: u16,
    /// The date it was met.
    pub met_on: Option<NaiveDate>,
}

/// One failure to comply: an unacceptable absence during supervision.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Failure {
    /// Date of the contact.
    pub date: NaiveDate,
    /// Index of the event.
    pub event: u32,
    /// Kind of supervision it fell in.
    pub supervision: SupervisionKind,
    /// Index of the contact in the case's contacts.
    pub contact: u32,
    /// Why it is a failure.
    pub rule: Rule,
}

/// One enforcement step the failures call for.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EnforcementStep {
    /// Index of the event.
    pub event: u32,
    /// Kind of supervision.
    pub supervision: SupervisionKind,
    /// Date of the failure that calls for it.
    pub failure_date: NaiveDate,
    /// What to do.
    pub action: Action,
    /// By when.
    pub due_by: Option<NaiveDate>,
    /// Due, overdue or done.
    pub status: StepStatus,
    /// When it was done.
    pub done_on: Option<NaiveDate>,
    /// The rule that calls for it.
    pub rule: Rule,
    /// The rule that sets its deadline.
    pub deadline_rule: Option<Rule>,
    /// The warning that preceded it.
    pub warning_on: Option<NaiveDate>,
}

/// The compliance of a case with a contact standard on a date.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Compliance {
    /// The policy's name.
    pub policy: String,
    /// The date of the assessment.
    pub as_of: NaiveDate,
    /// The supervision periods.
    pub periods: Vec<SupervisionPeriod>,
    /// Every window opened by `as_of`.
    pub windows: Vec<Window>,
    /// Failures to comply.
    pub failures: Vec<Failure>,
    /// Acceptable absences counted.
    pub acceptable_absences: u32,
    /// Enforcement steps.
    pub enforcement: Vec<EnforcementStep>,
    /// Every rule that fired.
    pub rules: Vec<Rule>,
}

impl From<&c::Compliance> for Compliance {
    fn from(x: &c::Compliance) -> Self {
        Compliance {
            policy: x.policy.clone(),
            as_of: x.as_of,
            periods: x.periods.iter().map(period).collect(),
            windows: x
                .windows
                .iter()
                .map(|w| Window {
                    item: item(&w.item),
                    status: w.status.into(),
                    made: w.made,
                    met_on: w.met_on,
                })
                .collect(),
            failures: x
                .failures
                .iter()
                .map(|f| Failure {
                    date: f.date,
                    event: f.event,
                    supervision: f.supervision.into(),
                    contact: f.contact,
                    rule: rule(&f.rule),
                })
                .collect(),
            acceptable_absences: x.acceptable_absences,
            enforcement: x
                .enforcement
                .iter()
                .map(|s| EnforcementStep {
                    event: s.event,
                    supervision: s.supervision.into(),
                    failure_date: s.failure_date,
                    action: s.action.into(),
                    due_by: s.due_by,
                    status: s.status.into(),
                    done_on: s.done_on,
                    rule: rule(&s.rule),
                    deadline_rule: s.deadline_rule.as_ref().map(rule),
                    warning_on: s.warning_on,
                })
                .collect(),
            rules: rules(&x.rules),
        }
    }
}

/// The contact schedule of a case under `policy`, counting working days on `calendar`.
#[uniffi::export]
pub fn schedule(
    case: Case,
    policy: &ContactPolicy,
    calendar: &Calendar,
) -> Result<Schedule, ApiError> {
    guard(|| Ok((&c::schedule(&to_core(case)?, &policy.inner, &calendar.inner)?).into()))
}

/// As [`schedule`], for a case given as JSON; returns core's JSON (see `tests/vectors/schedule/README.md`).
#[uniffi::export]
pub fn schedule_json(
    case_json: String,
    policy: &ContactPolicy,
    calendar: &Calendar,
) -> Result<String, ApiError> {
    guard(|| {
        let s = c::schedule(&from_json(&case_json)?, &policy.inner, &calendar.inner)?;
        serde_json::to_string(&s).map_err(internal)
    })
}

/// The compliance of a case with `policy` on `as_of`: windows met, late, missed, excused or open; failures;
/// the enforcement steps they call for.
#[uniffi::export]
pub fn compliance(
    case: Case,
    policy: &ContactPolicy,
    calendar: &Calendar,
    as_of: NaiveDate,
) -> Result<Compliance, ApiError> {
    guard(|| Ok((&c::compliance(&to_core(case)?, &policy.inner, &calendar.inner, as_of)?).into()))
}

/// As [`compliance`], for a case given as JSON; returns core's JSON (see `tests/vectors/enforcement/README.md`).
#[uniffi::export]
pub fn compliance_json(
    case_json: String,
    policy: &ContactPolicy,
    calendar: &Calendar,
    as_of: NaiveDate,
) -> Result<String, ApiError> {
    guard(|| {
        let x = c::compliance(
            &from_json(&case_json)?,
            &policy.inner,
            &calendar.inner,
            as_of,
        )?;
        serde_json::to_string(&x).map_err(internal)
    })
}

/// One result of a batch schedule.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScheduleItemResult {
    /// The schedule, when it could be worked out.
    pub schedule: Option<Schedule>,
    /// Why not.
    pub error: Option<ItemError>,
}

/// Schedules every case of a list; one item per case, in order.
#[uniffi::export]
pub fn schedule_batch(
    cases: Vec<Case>,
    policy: &ContactPolicy,
    calendar: &Calendar,
) -> Result<Vec<ScheduleItemResult>, ApiError> {
    guard(|| {
        Ok(cases
            .into_iter()
            .map(|case| {
                let r = to_core(case)
                    .and_then(|k| Ok(c::schedule(&k, &policy.inner, &calendar.inner)?));
                match r {
                    Ok(s) => ScheduleItemResult {
                        schedule: Some((&s).into()),
                        error: None,
                    },
                    Err(e) => ScheduleItemResult {
                        schedule: None,
                        error: Some(e.into()),
                    },
                }
            })
            .collect())
    })
}
