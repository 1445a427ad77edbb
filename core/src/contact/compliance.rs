//! `compliance`: windows met, late, missed, excused or open; failures to comply; the enforcement they call for.

use chrono::NaiveDate;
use serde::Serialize;

use super::enforcement::{EnforcementStep, Failure, enforcement_steps};
use super::policy::ContactPolicy;
use super::rule_ref::RuleRef;
use super::schedule::{ItemKind, Origin, Schedule, ScheduleItem, schedule};
use super::{ContactError, rules as r};
use crate::calendar::Calendar;
use crate::model::{Case, ContactKind, ContactOutcome};

/// How a window stands on the `as_of` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum WindowStatus {
    /// Enough attended contacts in the window.
    Met,
    /// A deadline met after its due date (by `as_of`).
    Late,
    /// Due date passed without enough attended contacts, and no acceptable absence in the window.
    Missed,
    /// Due date passed without enough attended contacts, but an acceptable absence fell in the window (\[A\]).
    Excused,
    /// Not yet met, and the due date is `as_of` or later.
    Open,
}

/// One schedule item that has opened by `as_of`, and how it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi(name = "Window"))]
pub struct WindowResult {
    /// The schedule item.
    #[serde(flatten)]
    pub item: ScheduleItem,
    /// How it stands.
    pub status: WindowStatus,
    /// Attended contacts counted in the window (up to `as_of`).
    pub made: u16,
    /// The date it was met (the contact that made up the count, or the allocation date).
    pub met_on: Option<NaiveDate>,
}

/// The compliance of a case on `as_of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Compliance {
    /// The policy's name.
    pub policy: String,
    /// The date of the assessment.
    pub as_of: NaiveDate,
    /// The schedule's supervision periods.
    pub periods: Vec<super::Period>,
    /// Every schedule item whose window opened on or before `as_of`, in schedule order.
    pub windows: Vec<WindowResult>,
    /// Failures to comply up to `as_of`, by date.
    pub failures: Vec<Failure>,
    /// Acceptable absences during supervision up to `as_of` (never failures).
    pub acceptable_absences: u32,
    /// Enforcement steps the failures call for, by failure date.
    pub enforcement: Vec<EnforcementStep>,
    /// Rules that fired beyond each item's own, each once.
    pub rules: Vec<RuleRef>,
}

impl Compliance {
    /// The open windows (not yet met, due on or after `as_of`), in schedule order: the contacts due next.
    pub fn next_due(&self) -> impl Iterator<Item = &WindowResult> {
        self.windows
            .iter()
            .filter(|w| w.status == WindowStatus::Open)
    }
}

/// The compliance of `case` with `policy` on `as_of`: every window of [`schedule`] that has opened by then
/// with its status, the failures to comply, and the enforcement steps they call for (docs/rules/enforcement.md).
///
/// Only contacts and enforcement actions dated on or before `as_of` count. A contact with an `event` index
/// counts for that event only; one without counts for every event.
///
/// # Errors
/// As [`schedule`], and [`ContactError::Calendar`] when a breach deadline leaves the calendar's range.
///
/// # Example
/// ```
/// use probation_core::calendar::Calendar;
/// use probation_core::contact::{compliance, ContactPolicy, ItemKind, WindowStatus};
/// use probation_core::interchange::decode_case;
/// let case = decode_case(r#"{"schema_version":1,
///   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
///   "events":[{"offence_date":"2024-01-04","sentence_date":"2024-03-28",
///     "sentence":{"type":"community_order","length":{"months":12},
///       "requirements":[{"kind":"unpaid_work","hours":120}]}}],
///   "contacts":[{"date":"2024-04-09","kind":"first_appointment","outcome":"attended"}]}"#).unwrap();
/// let policy = ContactPolicy::preset("ns2007").unwrap();
/// let c = compliance(&case, &policy, &Calendar::england_and_wales(), "2024-04-10".parse().unwrap()).unwrap();
/// let first = c.windows.iter().find(|w| w.item.kind == ItemKind::FirstAppointment).unwrap();
/// // Due Monday 8 April (Easter in between), seen Tuesday 9 April: late.
/// assert_eq!(first.status, WindowStatus::Late);
/// ```
pub fn compliance(
    case: &Case,
    policy: &ContactPolicy,
    calendar: &Calendar,
    as_of: NaiveDate,
) -> Result<Compliance, ContactError> {
    let Schedule {
        policy: name,
        periods,
        items,
        rules,
    } = schedule(case, policy, calendar)?;
    let mut out = Compliance {
        policy: name,
        as_of,
        periods,
        windows: Vec::with_capacity(items.len()),
        failures: Vec::with_capacity(8),
        acceptable_absences: 0,
        enforcement: Vec::new(),
        rules,
    };
    // Contacts up to `as_of`, by date, copied into one compact, contiguous list.
    let mut contacts: Vec<Slim> = case
        .contacts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.date <= as_of)
        .filter_map(|(i, c)| {
            u32::try_from(i).ok().map(|index| Slim {
                date: c.date,
                index,
                event: c.event,
                kind: c.kind,
                outcome: c.outcome,
            })
        })
        .collect();
    contacts.sort_by_key(|c| (c.date, c.index));

    let mut any_window = false;
    for item in items {
        if item.earliest > as_of {
            continue;
        }
        any_window = true;
        let w = judge(case, policy, &contacts, item, as_of);
        if w.status == WindowStatus::Excused {
            fire(&mut out.rules, RuleRef::Builtin(&r::WINDOW_EXCUSED));
        }
        out.windows.push(w);
    }
    if any_window {
        fire(&mut out.rules, RuleRef::Builtin(&r::WINDOW_MATCH));
    }

    for c in &contacts {
        let (date, ci) = (c.date, c.index);
        if !matches!(
            c.outcome,
            ContactOutcome::UnacceptableAbsence | ContactOutcome::AcceptableAbsence
        ) {
            continue;
        }
        let Some(p) = out
            .periods
            .iter()
            .find(|p| c.event.is_none_or(|e| e == p.event) && p.start <= date && date <= p.end)
        else {
            continue;
        };
        if c.outcome == ContactOutcome::AcceptableAbsence {
            out.acceptable_absences += 1;
            continue;
        }
        out.failures.push(Failure {
            date,
            event: p.event,
            supervision: p.kind,
            contact: ci,
            rule: RuleRef::Builtin(&r::FAILURE),
        });
    }
    if out.acceptable_absences > 0 {
        fire(&mut out.rules, RuleRef::Builtin(&r::ACCEPTABLE_ABSENCE));
    }
    out.enforcement = enforcement_steps(case, policy, calendar, &out.failures, as_of)?;
    Ok(out)
}

fn fire(rules: &mut Vec<RuleRef>, rule: RuleRef) {
    if !rules.iter().any(|x| x.id() == rule.id()) {
        rules.push(rule);
    }
}

/// How one window stands.
fn judge(
    case: &Case,
    policy: &ContactPolicy,
    contacts: &[Slim],
    item: ScheduleItem,
    as_of: NaiveDate,
) -> WindowResult {
    if item.kind == ItemKind::Allocation {
        let allocated = case
            .events
            .get(item.event as usize)
            .and_then(|e| e.allocation_date)
            .filter(|a| *a <= as_of);
        let status = match allocated {
            Some(a) if a <= item.due_by => WindowStatus::Met,
            Some(_) => WindowStatus::Late,
            None if as_of <= item.due_by => WindowStatus::Open,
            None => WindowStatus::Missed,
        };
        return WindowResult {
            made: u16::from(allocated.is_some()),
            met_on: allocated,
            status,
            item,
        };
    }
    let kinds: &[ContactKind] = match item.origin {
        Origin::Phase(i) => policy.phases.get(i).map_or(&[], |p| &p.satisfied_by),
        Origin::Deadline(i) => policy
            .deadlines
            .get(i)
            .map_or(default_kinds(item.kind), |d| d.satisfied_by()),
    };
    let ev = item.event;
    let relevant = |c: &Slim| c.event.is_none_or(|e| e == ev) && kinds.contains(&c.kind);
    // One pass from the window's start: count attended contacts up to `due_by`, note an acceptable absence,
    // and for a deadline not met in time the first attended contact after it (contacts are all ≤ `as_of`).
    let lo = contacts.partition_point(|c| c.date < item.earliest);
    let (mut made, mut met_on, mut excused, mut late) = (0u16, None, false, None);
    for c in contacts.get(lo..).unwrap_or(&[]) {
        if c.date > item.due_by {
            if met_on.is_some() || item.kind == ItemKind::Contact {
                break;
            }
            if c.outcome == ContactOutcome::Attended && relevant(c) {
                late = Some(c.date);
                break;
            }
            continue;
        }
        if !relevant(c) {
            continue;
        }
        match c.outcome {
            ContactOutcome::Attended => {
                made = made.saturating_add(1);
                if made == item.contacts {
                    met_on = Some(c.date);
                }
            }
            ContactOutcome::AcceptableAbsence => excused = true,
            ContactOutcome::UnacceptableAbsence | ContactOutcome::NotRecorded => {}
        }
    }
    let status = if met_on.is_some() {
        WindowStatus::Met
    } else if as_of <= item.due_by {
        WindowStatus::Open
    } else if late.is_some() {
        met_on = late;
        WindowStatus::Late
    } else if excused {
        WindowStatus::Excused
    } else {
        WindowStatus::Missed
    };
    WindowResult {
        item,
        status,
        made,
        met_on,
    }
}

/// A recorded contact, copied for matching.
#[derive(Debug, Clone, Copy)]
struct Slim {
    date: NaiveDate,
    index: u32,
    event: Option<u32>,
    kind: ContactKind,
    outcome: ContactOutcome,
}

fn default_kinds(kind: ItemKind) -> &'static [ContactKind] {
    match kind {
        ItemKind::FirstAppointment | ItemKind::Contact => &[
            ContactKind::FirstAppointment,
            ContactKind::Appointment,
            ContactKind::HomeVisit,
        ],
        ItemKind::SentencePlan => &[ContactKind::SentencePlan],
        ItemKind::UnpaidWorkStart => &[ContactKind::UnpaidWork],
        ItemKind::HomeVisit => &[ContactKind::HomeVisit],
        ItemKind::Allocation => &[],
    }
}

#[cfg(test)]
mod tests {
    use crate::calendar::Calendar;
    use crate::contact::{Action, ContactPolicy, compliance};
    use crate::interchange::decode_case;

    #[test]
    fn a_warning_on_one_event_does_not_count_for_another() {
        let co = r#"{"offence_date":"2016-01-04","sentence_date":"2016-02-01",
            "sentence":{"type":"community_order","length":{"months":12},"requirements":[{"kind":"rehabilitation_activity","days":5}]}}"#;
        let c = decode_case(&format!(
            r#"{{"schema_version":1,"person":{{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"}},
            "provider":"N01","events":[{co},{co}],
            "contacts":[{{"date":"2016-03-01","kind":"appointment","outcome":"unacceptable_absence","event":0}},
                        {{"date":"2016-04-01","kind":"appointment","outcome":"unacceptable_absence","event":1}},
                        {{"date":"2016-05-02","kind":"appointment","outcome":"unacceptable_absence","event":0}}],
            "enforcement":[{{"date":"2016-03-02","kind":"warning","event":0}}]}}"#
        ))
        .unwrap();
        let policy = ContactPolicy::preset("ns2007").unwrap();
        let out = compliance(
            &c,
            &policy,
            &Calendar::england_and_wales(),
            "2016-05-03".parse().unwrap(),
        )
        .unwrap();
        let actions: Vec<_> = out
            .enforcement
            .iter()
            .map(|s| (s.event, s.action))
            .collect();
        assert_eq!(
            actions,
            [
                (0, Action::Warning),
                (1, Action::Warning),
                (0, Action::LayBreach)
            ]
        );
    }
}
