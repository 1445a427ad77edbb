//! Human-readable tables of a schedule and of a compliance result (the CLI's `--format table`).

use std::fmt::Write;

use super::compliance::{Compliance, WindowStatus};
use super::enforcement::StepStatus;
use super::schedule::Schedule;

fn kind_name(k: crate::sentence::SupervisionKind) -> &'static str {
    use crate::sentence::SupervisionKind as K;
    match k {
        K::CommunityOrder => "community order",
        K::SuspendedSentenceOrder => "suspended sentence order",
        K::Licence => "licence",
        K::PostSentenceSupervision => "post-sentence supervision",
    }
}

/// The schedule as a fixed-width text table, one line per item, headed by the case label and its periods.
///
/// ```
/// use probation_core::calendar::Calendar;
/// use probation_core::contact::{render_schedule, schedule, ContactPolicy};
/// use probation_core::interchange::decode_case;
/// let case = decode_case(r#"{"schema_version":1,
///   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
///   "events":[{"offence_date":"2024-01-04","sentence_date":"2024-03-28",
///     "sentence":{"type":"community_order","length":{"months":1},
///       "requirements":[{"kind":"unpaid_work","hours":120}]}}]}"#).unwrap();
/// let s = schedule(&case, &ContactPolicy::preset("tr2014").unwrap(), &Calendar::england_and_wales()).unwrap();
/// let text = render_schedule("X320741", &s);
/// // Thursday 28 March 2024 + 2 working days, over Good Friday and Easter Monday: Wednesday 3 April.
/// assert!(text.contains("2024-04-03  2024-03-28  allocation"));
/// ```
pub fn render_schedule(label: &str, s: &Schedule) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "{label} · policy {}", s.policy);
    for p in &s.periods {
        let risk = p.rosh.map_or("not known", |r| match r {
            crate::model::RoshLevel::Low => "low",
            crate::model::RoshLevel::Medium => "medium",
            crate::model::RoshLevel::High => "high",
            crate::model::RoshLevel::VeryHigh => "very high",
        });
        let _ = writeln!(
            t,
            "  event {} · {} {} to {} · rosh {risk}{}",
            p.event,
            kind_name(p.kind),
            p.start,
            p.end,
            if p.high_risk { " · high risk" } else { "" }
        );
    }
    let _ = writeln!(
        t,
        "  {:<10}  {:<10}  {:<17}  {:>2}  {:<5}  rule",
        "due by", "earliest", "what", "n", "event"
    );
    for i in &s.items {
        let _ = writeln!(
            t,
            "  {}  {}  {:<17}  {:>2}  {:<5}  {}",
            i.due_by,
            i.earliest,
            i.kind.name(),
            i.contacts,
            i.event,
            i.rule.id()
        );
    }
    t
}

/// What is due next for a case on `as_of`: open windows (at most `limit`), missed ones, and enforcement steps
/// not yet done.
pub fn render_compliance(label: &str, c: &Compliance, limit: usize) -> String {
    let mut t = String::new();
    let missed = c
        .windows
        .iter()
        .filter(|w| w.status == WindowStatus::Missed)
        .count();
    let _ = writeln!(
        t,
        "{label} · policy {} · as of {} · {} failure(s), {} acceptable absence(s), {missed} window(s) missed",
        c.policy,
        c.as_of,
        c.failures.len(),
        c.acceptable_absences
    );
    let mut open: Vec<_> = c.next_due().collect();
    open.sort_by_key(|w| w.item.due_by);
    for w in open.iter().take(limit) {
        let _ = writeln!(
            t,
            "  {:<7}  {:<13}  {:<19}  {}/{} made  event {}  {}",
            "due",
            w.item.due_by.to_string(),
            w.item.kind.name(),
            w.made,
            w.item.contacts,
            w.item.event,
            w.item.rule.id()
        );
    }
    for s in c
        .enforcement
        .iter()
        .filter(|s| s.status != StepStatus::Done)
    {
        let due = s
            .due_by
            .map_or_else(|| "(no deadline)".to_owned(), |d| d.to_string());
        let status = if s.status == StepStatus::Overdue {
            "OVERDUE"
        } else {
            "action"
        };
        let _ = writeln!(
            t,
            "  {status:<7}  {due:<13}  {:<19}  failure {}  event {}  {}",
            s.action.name(),
            s.failure_date,
            s.event,
            s.rule.id()
        );
    }
    t
}
