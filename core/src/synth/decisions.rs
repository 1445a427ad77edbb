//! Recorded decisions for synthetic cases (docs/rules/audit.md): the allocation made, the tier history, the
//! enforcement actions and the custody key dates, first exactly as the rules give them, then — in a configurable
//! share of cases — with one realistic fault injected, so that the audit's findings can be checked against the
//! truth.
//!
//! ```
//! use probation_core::audit::{audit_with, AuditOptions};
//! use probation_core::calendar::Calendar;
//! use probation_core::synth::{self, decisions};
//! let options = AuditOptions::standard().unwrap();
//! let calendar = Calendar::england_and_wales();
//! let mut case = synth::Generator::new(7).case(3);
//! let fault = decisions::record(&mut case, 7, 3, 0, &options, &calendar).unwrap();
//! assert!(fault.is_none());
//! let a = audit_with(&case, synth::AS_OF, &options, &calendar).unwrap();
//! assert!(a.discrepancies.is_empty());
//! ```

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::AS_OF;
use super::rng::{Rng, splitmix64};
use crate::allocation::allocate;
use crate::audit::{
    AuditError, AuditOptions, DiscrepancyKind, steps_in_force, tier_change_dates, tiers_on,
};
use crate::calendar::Calendar;
use crate::contact::{Action, ContactError, StepStatus};
use crate::model::{
    Case, ContactOutcome, EnforcementAction, EnforcementActionKind, RecordedAllocation,
    RecordedKeyDate, RecordedTier,
};

/// A fault injected into a case's recorded decisions: what the audit must find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct InjectedFault {
    /// The discrepancy it causes.
    pub kind: DiscrepancyKind,
    /// The date of the decision (the discrepancy's `on`).
    pub on: NaiveDate,
}

/// Records the decisions of `case` as the rules give them, then, in `fault_percent` % of cases (drawn from
/// `(seed, index)`), injects one fault where the case has room for it: an allocation made after its deadline, a
/// warning not given after the last failure of an event, or a tier not updated after a new registration.
///
/// # Errors
/// The engines' errors ([`AuditError`]) for a case they refuse.
pub fn record(
    case: &mut Case,
    seed: u64,
    index: u64,
    fault_percent: u8,
    options: &AuditOptions,
    calendar: &Calendar,
) -> Result<Option<InjectedFault>, AuditError> {
    allocations(case, options, calendar)?;
    tiers(case)?;
    enforcement(case, options, calendar)?;
    key_dates(case);
    let mut state = seed ^ index.wrapping_mul(0xA076_1D64_78BD_642F) ^ 0xFA01_7000;
    let mut rng = Rng::new(splitmix64(&mut state));
    if rng.below(100) >= u64::from(fault_percent) {
        return Ok(None);
    }
    let first = rng.below(3);
    for k in 0..3 {
        let fault = match (first + k) % 3 {
            0 => late_allocation(case, &mut rng, options, calendar)?,
            1 => missed_warning(case, options, calendar)?,
            _ => tier_not_updated(case, options, calendar)?,
        };
        if fault.is_some() {
            return Ok(fault);
        }
    }
    Ok(None)
}

fn allocations(
    case: &mut Case,
    options: &AuditOptions,
    calendar: &Calendar,
) -> Result<(), AuditError> {
    let mut out = Vec::with_capacity(case.events.len());
    for (i, e) in case.events.iter().enumerate() {
        if e.sentence_date > AS_OF {
            continue;
        }
        let a = allocate(case, e.sentence_date, &options.allocation, calendar)?;
        out.push(RecordedAllocation {
            date: e.sentence_date,
            provider: a.provider,
            event: u32::try_from(i).ok(),
            by: Some(crate::model::DecidedBy::System),
            override_reason: None,
        });
    }
    case.recorded.allocations = out;
    Ok(())
}

fn tiers(case: &mut Case) -> Result<(), AuditError> {
    let Some(first) = case
        .events
        .iter()
        .map(|e| e.sentence_date)
        .min()
        .filter(|d| *d <= AS_OF)
    else {
        return Ok(());
    };
    let record = |case: &Case, on: NaiveDate| -> Result<(RecordedTier, String), AuditError> {
        let (t21, t26) = tiers_on(case, on)?;
        let tier_2026 = (t26.len() == 1).then(|| t26.to_owned());
        Ok((
            RecordedTier {
                date: on,
                tier_2021: Some(format!("U{t21}")),
                tier_2026,
            },
            t21,
        ))
    };
    let (r, mut previous) = record(case, first)?;
    let mut out = vec![r];
    for c in tier_change_dates(case)
        .into_iter()
        .filter(|c| *c > first && *c <= AS_OF)
    {
        let (r, now) = record(case, c)?;
        if now != previous {
            previous = now;
            out.push(r);
        }
    }
    case.recorded.tiers = out;
    Ok(())
}

const fn done_by(a: Action) -> EnforcementActionKind {
    match a {
        Action::Warning => EnforcementActionKind::Warning,
        Action::BreachReferral => EnforcementActionKind::BreachReferral,
        Action::LayReferredBreach | Action::LayBreach => EnforcementActionKind::BreachLaid,
        Action::RecallReview => EnforcementActionKind::RecallRequested,
    }
}

/// Every action the failures call for, each recorded on the day it falls due (its failure's date, or for the
/// NPS laying a referred breach, the referral's), one at a time until none is left to do.
fn enforcement(
    case: &mut Case,
    options: &AuditOptions,
    calendar: &Calendar,
) -> Result<(), AuditError> {
    case.enforcement.clear();
    let failures = case
        .contacts
        .iter()
        .filter(|c| c.outcome == ContactOutcome::UnacceptableAbsence && c.date <= AS_OF)
        .count();
    for _ in 0..(failures * 3 + 1) {
        let steps = steps_in_force(case, options, calendar, AS_OF)?;
        let Some(s) = steps
            .iter()
            .filter(|s| s.status != StepStatus::Done)
            .min_by_key(|s| s.failure_date)
        else {
            return Ok(());
        };
        let date = match s.action {
            Action::LayReferredBreach => steps
                .iter()
                .find(|r| {
                    r.action == Action::BreachReferral
                        && r.failure_date == s.failure_date
                        && r.event == s.event
                })
                .and_then(|r| r.done_on)
                .unwrap_or(s.failure_date),
            _ => s.failure_date,
        };
        case.enforcement.push(EnforcementAction {
            date,
            kind: done_by(s.action),
            event: Some(s.event),
        });
    }
    Err(AuditError::Contact(ContactError::TooManyItems {
        limit: failures * 3 + 1,
    }))
}

fn key_dates(case: &mut Case) {
    let mut out = Vec::new();
    for (i, e) in case.events.iter().enumerate() {
        let (Ok(d), Ok(event)) = (
            crate::sentence::sentence_dates(&case.person, e),
            u32::try_from(i),
        ) else {
            continue;
        };
        if d.custody_kind.is_none() {
            continue;
        }
        out.extend(
            crate::records::key_dates(&d)
                .into_iter()
                .map(|k| RecordedKeyDate {
                    event,
                    code: k.code.to_owned(),
                    date: k.date,
                }),
        );
    }
    case.recorded.key_dates = out;
}

/// An allocation moved 1–20 days past its deadline, where the rules still give the same provider and deadline
/// on the new date.
fn late_allocation(
    case: &mut Case,
    rng: &mut Rng,
    options: &AuditOptions,
    calendar: &Calendar,
) -> Result<Option<InjectedFault>, AuditError> {
    let n = case.recorded.allocations.len();
    if n == 0 {
        return Ok(None);
    }
    let i = usize::try_from(rng.below(n as u64)).unwrap_or_default();
    let Some(rec) = case.recorded.allocations.get(i).copied() else {
        return Ok(None);
    };
    let before = allocate(case, rec.date, &options.allocation, calendar)?;
    let Some(deadline) = before.deadline else {
        return Ok(None);
    };
    let late = deadline
        .checked_add_days(Days::new(rng.below(20) + 1))
        .filter(|d| *d <= AS_OF);
    let Some(late) = late else { return Ok(None) };
    let after = allocate(case, late, &options.allocation, calendar)?;
    if after.provider != rec.provider || after.deadline != Some(deadline) {
        return Ok(None);
    }
    if let Some(r) = case.recorded.allocations.get_mut(i) {
        r.date = late;
    }
    Ok(Some(InjectedFault {
        kind: DiscrepancyKind::LateAllocation,
        on: late,
    }))
}

/// The warning after an event's last failure removed, where nothing else follows that failure: no later
/// failure and no other action on or after it, and the warning's deadline passed by [`AS_OF`].
fn missed_warning(
    case: &mut Case,
    options: &AuditOptions,
    calendar: &Calendar,
) -> Result<Option<InjectedFault>, AuditError> {
    let last_failure = case
        .contacts
        .iter()
        .filter(|c| c.outcome == ContactOutcome::UnacceptableAbsence && c.date <= AS_OF)
        .map(|c| c.date)
        .max();
    let Some(f) = last_failure else {
        return Ok(None);
    };
    let same_day = case
        .contacts
        .iter()
        .filter(|c| c.outcome == ContactOutcome::UnacceptableAbsence && c.date == f)
        .count();
    let after: Vec<usize> = (0..case.enforcement.len())
        .filter(|&i| case.enforcement.get(i).is_some_and(|a| a.date >= f))
        .collect();
    let [only] = after[..] else { return Ok(None) };
    let is_warning = case
        .enforcement
        .get(only)
        .is_some_and(|a| a.kind == EnforcementActionKind::Warning && a.date == f);
    let deadline = calendar
        .add_working_days(f, options.warning_working_days)
        .map_err(ContactError::Calendar)?;
    if same_day != 1 || !is_warning || deadline >= AS_OF {
        return Ok(None);
    }
    case.enforcement.remove(only);
    Ok(Some(InjectedFault {
        kind: DiscrepancyKind::EnforcementNotTaken,
        on: f,
    }))
}

/// The tier recorded after a new registration removed, where no other tier is recorded within the update
/// deadline.
fn tier_not_updated(
    case: &mut Case,
    options: &AuditOptions,
    calendar: &Calendar,
) -> Result<Option<InjectedFault>, AuditError> {
    let registered: Vec<NaiveDate> = case.registrations.iter().map(|r| r.registered).collect();
    for i in 1..case.recorded.tiers.len() {
        let Some(c) = case.recorded.tiers.get(i).map(|r| r.date) else {
            continue;
        };
        if !registered.contains(&c) {
            continue;
        }
        let deadline = calendar
            .add_working_days(c, options.tier_update_working_days)
            .map_err(ContactError::Calendar)?;
        let others = case
            .recorded
            .tiers
            .iter()
            .filter(|r| r.date >= c && r.date <= deadline)
            .count();
        if others == 1 && deadline < AS_OF {
            case.recorded.tiers.remove(i);
            return Ok(Some(InjectedFault {
                kind: DiscrepancyKind::TierNotUpdated,
                on: c,
            }));
        }
    }
    Ok(None)
}
