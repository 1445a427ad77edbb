//! A case's history as the rules saw it (docs/rules/audit.md#timeline): every date in a range on which an answer
//! changes — provider, both tiers, escalation due, contact windows opening and closing, compliance, enforcement
//! due, release and licence dates — each change with the rules behind it.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use super::{AuditError, AuditOptions, steps_in_force, tier_change_dates};
use crate::allocation::{allocate, escalation_history};
use crate::calendar::Calendar;
use crate::contact::{WindowStatus, compliance, schedule};
use crate::model::Case;
use crate::sentence::{KeyDate, sentence_dates};

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The provider the allocation rules give.
    Provider,
    /// The 2021 tier.
    Tier2021,
    /// The 2026 tier.
    Tier2026,
    /// A referral to the NPS falls due (`after`: the NPS division and the date it is due by).
    EscalationDue,
    /// A contact window opens (`after`: the contact required).
    WindowOpens,
    /// A contact window closes (`after`: the contact required).
    WindowCloses,
    /// Compliance changes: a failure to comply, or a window missed.
    Compliance,
    /// An enforcement action falls due (`after`: the action and its deadline).
    EnforcementDue,
    /// A release, licence, supervision or sentence key date (`before`: its code).
    KeyDate,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TimelineChange {
    /// The date of the change.
    pub date: NaiveDate,
    /// What changes.
    pub subject: Subject,
    /// The event it belongs to, where it belongs to one.
    pub event: Option<u32>,
    /// The answer before (none at the start of the range), or a key date's code.
    pub before: Option<String>,
    /// The answer from this date.
    pub after: String,
    /// The ids of the rules behind the new answer.
    pub rules: Vec<String>,
}

/// The changes of a case between two dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Timeline {
    /// First date of the range.
    pub start: NaiveDate,
    /// Last date of the range (compliance and enforcement are read as of this date).
    pub end: NaiveDate,
    /// Every change in the range, by date then subject.
    pub changes: Vec<TimelineChange>,
}

/// [`timeline_with`] under [`AuditOptions::standard`].
///
/// # Errors
/// As [`timeline_with`].
pub fn timeline(
    case: &Case,
    from: NaiveDate,
    to: NaiveDate,
    calendar: &Calendar,
) -> Result<Timeline, AuditError> {
    timeline_with(case, from, to, &AuditOptions::standard()?, calendar)
}

fn change(
    date: NaiveDate,
    subject: Subject,
    before: Option<String>,
    after: String,
    rules: Vec<String>,
) -> TimelineChange {
    TimelineChange {
        date,
        subject,
        event: None,
        before,
        after,
        rules,
    }
}

/// The dates from `from` to `to` on which `case`'s answers change, each with its rules. The provider and both
/// tiers are recalculated on every date their inputs change (registrations, assessments, sentences,
/// terminations, the allocation policy's era dates); the rest are the dates the engines give.
///
/// # Errors
/// [`AuditError::Invalid`] naming `to` when it is before `from`; the engines' errors, naming the field.
pub fn timeline_with(
    case: &Case,
    from: NaiveDate,
    to: NaiveDate,
    options: &AuditOptions,
    calendar: &Calendar,
) -> Result<Timeline, AuditError> {
    if to < from {
        return Err(AuditError::Invalid {
            path: "to".to_owned(),
            message: "must not be before `from`",
        });
    }
    let mut changes = Vec::new();
    let within = |d: NaiveDate| d >= from && d <= to;
    // Provider and both tiers, on each date their inputs change.
    let mut dates = tier_change_dates(case);
    dates.extend([options.allocation.tr_start, options.allocation.ps_start]);
    if options.allocation.wales_to_nps_enabled {
        dates.push(options.allocation.wales_to_nps_from);
    }
    dates.push(from);
    dates.retain(|d| within(*d));
    dates.sort_unstable();
    dates.dedup();
    let (mut provider, mut t21, mut t26): (Option<String>, Option<String>, Option<String>) =
        (None, None, None);
    for d in dates {
        let a = allocate(case, d, &options.allocation, calendar)?;
        let code = a.provider.code().to_owned();
        if provider.as_deref() != Some(code.as_str()) {
            let rules = a.rules.ids().map(str::to_owned).collect();
            changes.push(change(
                d,
                Subject::Provider,
                provider.replace(code.clone()),
                code,
                rules,
            ));
        }
        let t = crate::tier::tier(case, d)?;
        let t_new = t.tier.to_string();
        if t21.as_deref() != Some(t_new.as_str()) {
            let rules = t.rules.ids().map(str::to_owned).collect();
            changes.push(change(
                d,
                Subject::Tier2021,
                t21.replace(t_new.clone()),
                t_new,
                rules,
            ));
        }
        let t2 = crate::tier2026::tier_2026(case, d)?;
        let t2_new = t2.tier.as_str().to_owned();
        if t26.as_deref() != Some(t2_new.as_str()) {
            let rules = t2.rules.ids().map(str::to_owned).collect();
            changes.push(change(
                d,
                Subject::Tier2026,
                t26.replace(t2_new.clone()),
                t2_new,
                rules,
            ));
        }
    }
    // Escalations due.
    for p in escalation_history(case, &options.allocation, calendar)? {
        if within(p.date) {
            let rules = p.rules.ids().map(str::to_owned).collect();
            changes.push(change(
                p.date,
                Subject::EscalationDue,
                Some(p.held_by.code().to_owned()),
                format!("refer to {} by {}", p.refer_to.code(), p.refer_by),
                rules,
            ));
        }
    }
    windows(case, from, to, options, calendar, &mut changes)?;
    // Enforcement due, as of `to`.
    for s in steps_in_force(case, options, calendar, to)? {
        if within(s.failure_date) {
            let mut rules = vec![s.rule.id().to_owned()];
            rules.extend(s.deadline_rule.as_ref().map(|r| r.id().to_owned()));
            let due = s.due_by.map_or_else(String::new, |d| format!(" by {d}"));
            let mut c = change(
                s.failure_date,
                Subject::EnforcementDue,
                None,
                format!("{}{due}", s.action.name()),
                rules,
            );
            c.event = Some(s.event);
            changes.push(c);
        }
    }
    // Key dates.
    for (i, e) in case.events.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let d = sentence_dates(&case.person, e).map_err(|err| AuditError::Sentence {
            event: index,
            field: err.field(),
            message: err.code(),
        })?;
        let named: [(&str, Option<KeyDate>); 8] = [
            ("SED", d.sentence_expiry),
            ("CRD", d.conditional_release),
            ("ARD", d.automatic_release),
            ("LED", d.licence_expiry),
            ("TUSED", d.top_up_supervision_expiry),
            ("order_end", d.order_end),
            ("operational_period_end", d.operational_period_end),
            ("supervision_period_end", d.supervision_period_end),
        ];
        for (code, k) in named {
            if let Some(k) = k.filter(|k| within(k.date)) {
                let mut c = change(
                    k.date,
                    Subject::KeyDate,
                    Some(code.to_owned()),
                    k.date.to_string(),
                    vec![k.rule.id.to_owned()],
                );
                c.event = Some(index);
                changes.push(c);
            }
        }
    }
    changes.sort_by_key(|a| (a.date, a.subject, a.event));
    Ok(Timeline {
        start: from,
        end: to,
        changes,
    })
}

/// Contact windows opening and closing, and compliance (failures, windows missed), under the contact policy in
/// force on each date.
fn windows(
    case: &Case,
    from: NaiveDate,
    to: NaiveDate,
    options: &AuditOptions,
    calendar: &Calendar,
    changes: &mut Vec<TimelineChange>,
) -> Result<(), AuditError> {
    if case.events.is_empty() {
        return Ok(());
    }
    let within = |d: NaiveDate| d >= from && d <= to;
    let mut policies = options.contact.iter().peekable();
    while let Some((start, policy)) = policies.next() {
        let until = policies.peek().map(|(d, _)| *d);
        let in_period = |d: NaiveDate| d >= *start && until.is_none_or(|u| d < u);
        if until.is_some_and(|u| u <= from) || *start > to {
            continue;
        }
        let s = schedule(case, policy, calendar)?;
        for item in s.items.iter().filter(|i| in_period(i.earliest)) {
            for (date, subject) in [
                (item.earliest, Subject::WindowOpens),
                (item.due_by, Subject::WindowCloses),
            ] {
                if within(date) {
                    let mut c = change(
                        date,
                        subject,
                        None,
                        item.kind.name().to_owned(),
                        vec![item.rule.id().to_owned()],
                    );
                    c.event = Some(item.event);
                    changes.push(c);
                }
            }
        }
        let c = compliance(case, policy, calendar, to).map_err(AuditError::from)?;
        for f in c
            .failures
            .iter()
            .filter(|f| in_period(f.date) && within(f.date))
        {
            let mut ch = change(
                f.date,
                Subject::Compliance,
                None,
                "failure to comply".to_owned(),
                vec![f.rule.id().to_owned()],
            );
            ch.event = Some(f.event);
            changes.push(ch);
        }
        for w in c.windows.iter().filter(|w| {
            w.status == WindowStatus::Missed && in_period(w.item.earliest) && within(w.item.due_by)
        }) {
            let mut ch = change(
                w.item.due_by,
                Subject::Compliance,
                None,
                format!("{} missed", w.item.kind.name()),
                vec![w.item.rule.id().to_owned()],
            );
            ch.event = Some(w.item.event);
            changes.push(ch);
        }
    }
    Ok(())
}

/// The subject's name as the table shows it.
const fn subject_name(s: Subject) -> &'static str {
    match s {
        Subject::Provider => "provider",
        Subject::Tier2021 => "tier 2021",
        Subject::Tier2026 => "tier 2026",
        Subject::EscalationDue => "escalation due",
        Subject::WindowOpens => "window opens",
        Subject::WindowCloses => "window closes",
        Subject::Compliance => "compliance",
        Subject::EnforcementDue => "enforcement due",
        Subject::KeyDate => "key date",
    }
}

/// A timeline as a plain-text table: date, subject, event, from → to, rules.
pub fn render_timeline(label: &str, t: &Timeline) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{label}: {} to {}", t.start, t.end);
    let _ = writeln!(
        out,
        "{:<10}  {:<15}  {:>5}  {:<40}  rules",
        "date", "subject", "event", "change"
    );
    for c in &t.changes {
        let event = c.event.map_or_else(String::new, |e| e.to_string());
        let what = match &c.before {
            Some(f) => format!("{f} -> {}", c.after),
            None => c.after.clone(),
        };
        let _ = writeln!(
            out,
            "{:<10}  {:<15}  {:>5}  {:<40}  {}",
            c.date,
            subject_name(c.subject),
            event,
            what,
            c.rules.join(", ")
        );
    }
    out
}
