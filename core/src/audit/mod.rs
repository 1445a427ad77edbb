//! Audit (docs/rules/audit.md): every decision a case records — the allocation made, the tiers recorded, the
//! enforcement actions taken, the custody key dates — re-run with the rules and policy in force on its date, and
//! every difference listed with its kind, the rule that disagrees, the expected and the recorded value, and the
//! days late where a deadline exists. An allocation recorded against the rules with an override reason is an
//! [`Override`], not a [`Discrepancy`]. [`timeline`] shows the dates on which any answer changes.
//!
//! ```
//! use probation_core::audit::{audit, DiscrepancyKind};
//! use probation_core::calendar::Calendar;
//! use probation_core::interchange::decode_case;
//! let case = decode_case(r#"{"schema_version":1,
//!   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
//!   "events":[{"offence_date":"2016-01-04","sentence_date":"2016-03-01",
//!     "sentence":{"type":"community_order","length":{"months":12},
//!       "requirements":[{"kind":"unpaid_work","hours":120}]}}],
//!   "recorded":{"allocations":[{"date":"2016-03-08","provider":"C17"}]}}"#).unwrap();
//! let a = audit(&case, "2017-01-01".parse().unwrap(), &Calendar::england_and_wales()).unwrap();
//! // Sentenced Tuesday 1 March, due by Thursday 3 March, allocated Tuesday 8 March: 5 days late.
//! assert_eq!(a.discrepancies[0].kind, DiscrepancyKind::LateAllocation);
//! assert_eq!(a.discrepancies[0].days_late, Some(5));
//! ```

pub mod rules;
mod timeline;

use chrono::NaiveDate;
use serde::Serialize;

pub use timeline::{Subject, Timeline, TimelineChange, render_timeline, timeline, timeline_with};

use crate::allocation::{AllocationError, AllocationPolicy, OverrideReason, allocate};
use crate::calendar::Calendar;
use crate::contact::{
    Action, ContactError, ContactPolicy, EnforcementStep, StepStatus, compliance,
};
use crate::model::{Case, ContactOutcome, EnforcementActionKind, Provider, RecordedTier};
use crate::rules::{Rule, StaticRule};
use crate::tier::TierError;

/// What kind of difference an audit found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    /// Allocated to a provider other than the rules', with no override reason.
    DifferentProvider,
    /// Allocated after the allocation deadline.
    LateAllocation,
    /// A recorded tier (2021 or 2026) other than the rules' on its date.
    DifferentTier,
    /// The tier changed and no new tier was recorded in time.
    TierNotUpdated,
    /// A warning, breach or recall action not taken (or taken late) when due.
    EnforcementNotTaken,
    /// An enforcement action recorded that no failure called for.
    EnforcementNotDue,
    /// A recorded key date other than the computed one.
    DateDiffers,
}

impl DiscrepancyKind {
    /// Every kind, in order.
    pub const ALL: [DiscrepancyKind; 7] = [
        DiscrepancyKind::DifferentProvider,
        DiscrepancyKind::LateAllocation,
        DiscrepancyKind::DifferentTier,
        DiscrepancyKind::TierNotUpdated,
        DiscrepancyKind::EnforcementNotTaken,
        DiscrepancyKind::EnforcementNotDue,
        DiscrepancyKind::DateDiffers,
    ];
    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            DiscrepancyKind::DifferentProvider => "different_provider",
            DiscrepancyKind::LateAllocation => "late_allocation",
            DiscrepancyKind::DifferentTier => "different_tier",
            DiscrepancyKind::TierNotUpdated => "tier_not_updated",
            DiscrepancyKind::EnforcementNotTaken => "enforcement_not_taken",
            DiscrepancyKind::EnforcementNotDue => "enforcement_not_due",
            DiscrepancyKind::DateDiffers => "date_differs",
        }
    }
}

/// One difference between a recorded decision and the rules in force on its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Discrepancy {
    /// What kind of difference.
    pub kind: DiscrepancyKind,
    /// Where the decision is in the case (`recorded.allocations[0]`, `recorded.tiers[2].tier_2021`,
    /// `enforcement[1]`, `contacts[4]` for an action not taken after that failure).
    pub decision: String,
    /// The date the decision was (or should have been) made.
    pub on: NaiveDate,
    /// The audit rule that disagrees.
    pub rule: StaticRule,
    /// The ids of the engine's rules behind the expected value.
    pub because: Vec<String>,
    /// What the rules give (a provider code, a tier, an action, a date; `none` when nothing is due).
    pub expected: String,
    /// What was recorded (`none` when nothing was).
    pub recorded: String,
    /// Days late past a deadline; for a key date, the recorded date minus the computed one.
    pub days_late: Option<i64>,
    /// The provider holding the case then (the recorded allocation in force, else the case's provider).
    pub provider: Option<Provider>,
}

/// An allocation recorded against the rules' provider with a reason: the manager's decision, not a discrepancy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Override {
    /// `recorded.allocations[i]`.
    pub decision: String,
    /// Its date.
    pub on: NaiveDate,
    /// The provider the rules give.
    pub expected: Provider,
    /// The provider chosen.
    pub recorded: Provider,
    /// The recorded reason.
    pub reason: OverrideReason,
    /// `audit.allocation.override`.
    pub rule: StaticRule,
}

/// The audit of one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Audit {
    /// The date enforcement and tier updates were assessed up to.
    pub as_of: NaiveDate,
    /// How many recorded decisions were re-run.
    pub checked: u32,
    /// Every difference found, in the order of the decisions.
    pub discrepancies: Vec<Discrepancy>,
    /// Overrides recorded with a reason.
    pub overrides: Vec<Override>,
}

/// Why a case could not be audited. Messages name the field, never its value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditError {
    /// A recorded value is not of the form its field takes.
    #[error("`{path}`: {message}")]
    Invalid {
        /// Field path, e.g. `recorded.tiers[0].tier_2021`.
        path: String,
        /// What is wrong (no input values).
        message: &'static str,
    },
    /// Allocation refused the case.
    #[error(transparent)]
    Allocation(#[from] AllocationError),
    /// Tiering refused the case.
    #[error(transparent)]
    Tier(#[from] TierError),
    /// The contact or enforcement rules refused the case.
    #[error(transparent)]
    Contact(#[from] ContactError),
    /// The sentence arithmetic refused an event.
    #[error("`events[{event}].{field}`: {message}")]
    Sentence {
        /// Index of the event.
        event: u32,
        /// Field within the event.
        field: &'static str,
        /// What is wrong.
        message: &'static str,
    },
}

impl AuditError {
    /// The field path the error is about.
    pub fn path(&self) -> String {
        match self {
            AuditError::Invalid { path, .. } => path.clone(),
            AuditError::Allocation(e) => e.path().to_owned(),
            AuditError::Tier(e) => e.path().to_owned(),
            AuditError::Contact(e) => e.path(),
            AuditError::Sentence { event, field, .. } => format!("events[{event}].{field}"),
        }
    }
    /// A short stable kind: `invalid`, `allocation`, `tier`, `contact`, `sentence`.
    pub const fn kind(&self) -> &'static str {
        match self {
            AuditError::Invalid { .. } => "invalid",
            AuditError::Allocation(_) => "allocation",
            AuditError::Tier(_) => "tier",
            AuditError::Contact(_) => "contact",
            AuditError::Sentence { .. } => "sentence",
        }
    }
}

/// The contact policies in force, by commencement date (docs/rules/audit.md#enforcement): National Standards
/// 2007, the Transforming Rehabilitation service levels from 1 June 2014, the Probation Service's from 26 June
/// 2021. Effective-dated data: a failure is judged by the policy in force on its date.
pub const CONTACT_POLICIES_IN_FORCE: [(NaiveDate, &str); 3] = [
    (date(1970, 1, 1), "ns2007"),
    (date(2014, 6, 1), "tr2014"),
    (date(2021, 6, 26), "ps2021"),
];

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// The audit's policy: the allocation policy and contact policies re-run, and the assumptions `[A]` it checks
/// against (docs/rules/audit.md). Build once, audit many cases.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    /// The allocation policy (effective-dated: its eras decide which rules apply on each date).
    pub allocation: AllocationPolicy,
    /// The contact policies, each with the date it commences, oldest first.
    pub contact: Vec<(NaiveDate, ContactPolicy)>,
    /// Working days after a change of tier by which a new tier must be recorded (`audit.tier.updated`, \[A\] 1).
    pub tier_update_working_days: u32,
    /// Working days after a failure by which a warning (or a recall review) must be recorded
    /// (`audit.enforcement.warning_taken`, \[A\] 5).
    pub warning_working_days: u32,
}

impl AuditOptions {
    /// The default options: the default allocation policy, the contact presets of
    /// [`CONTACT_POLICIES_IN_FORCE`], 1 and 5 working days.
    ///
    /// # Errors
    /// [`ContactError::UnknownPreset`] only if a preset named in the table is missing (never, for the built-ins).
    pub fn standard() -> Result<Self, ContactError> {
        let contact = CONTACT_POLICIES_IN_FORCE
            .iter()
            .map(|(from, name)| ContactPolicy::preset(name).map(|p| (*from, p)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(AuditOptions {
            allocation: AllocationPolicy::default_policy(),
            contact,
            tier_update_working_days: 1,
            warning_working_days: 5,
        })
    }
}

/// Audits `case` with [`AuditOptions::standard`], up to `as_of`.
///
/// # Errors
/// As [`audit_with`].
pub fn audit(case: &Case, as_of: NaiveDate, calendar: &Calendar) -> Result<Audit, AuditError> {
    audit_with(case, as_of, &AuditOptions::standard()?, calendar)
}

/// Audits `case` up to `as_of` under `options`: each recorded allocation, tier, key date and enforcement action
/// re-run with the rules in force on its date, and each change of tier and each failure to comply checked for
/// the decision that should have followed it.
///
/// # Errors
/// [`AuditError::Invalid`] naming a recorded tier, key-date code or event index not of its form; the engines'
/// own errors (allocation, tier, contact, sentence), naming the field.
pub fn audit_with(
    case: &Case,
    as_of: NaiveDate,
    options: &AuditOptions,
    calendar: &Calendar,
) -> Result<Audit, AuditError> {
    let mut out = Audit {
        as_of,
        checked: 0,
        discrepancies: Vec::new(),
        overrides: Vec::new(),
    };
    allocations(case, options, calendar, &mut out)?;
    tiers(case, options, calendar, &mut out)?;
    enforcement(case, options, calendar, &mut out)?;
    key_dates(case, &mut out)?;
    Ok(out)
}

/// The provider holding `case` on `on`: the newest recorded allocation on or before it, else `case.provider`.
pub(crate) fn holding(case: &Case, on: NaiveDate) -> Option<Provider> {
    case.recorded
        .allocations
        .iter()
        .filter(|a| a.date <= on)
        .max_by_key(|a| a.date)
        .map(|a| a.provider)
        .or(case.provider)
}

fn finding(
    kind: DiscrepancyKind,
    decision: String,
    on: NaiveDate,
    rule: &'static Rule,
    expected: String,
    recorded: String,
) -> Discrepancy {
    Discrepancy {
        kind,
        decision,
        on,
        rule,
        because: Vec::new(),
        expected,
        recorded,
        days_late: None,
        provider: None,
    }
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "none".to_owned(), |d| d.to_string())
}

fn allocations(
    case: &Case,
    options: &AuditOptions,
    calendar: &Calendar,
    out: &mut Audit,
) -> Result<(), AuditError> {
    for (i, rec) in case.recorded.allocations.iter().enumerate() {
        out.checked += 1;
        let a = allocate(case, rec.date, &options.allocation, calendar)?;
        let decision = format!("recorded.allocations[{i}]");
        let because = || a.rules.ids().map(str::to_owned).collect::<Vec<_>>();
        if a.provider != rec.provider {
            match rec.override_reason {
                Some(reason) => out.overrides.push(Override {
                    decision: decision.clone(),
                    on: rec.date,
                    expected: a.provider,
                    recorded: rec.provider,
                    reason,
                    rule: &rules::ALLOCATION_OVERRIDE,
                }),
                None => {
                    let mut d = finding(
                        DiscrepancyKind::DifferentProvider,
                        decision.clone(),
                        rec.date,
                        &rules::ALLOCATION_PROVIDER,
                        a.provider.code().to_owned(),
                        rec.provider.code().to_owned(),
                    );
                    d.because = because();
                    d.provider = Some(rec.provider);
                    out.discrepancies.push(d);
                }
            }
        }
        if let Some(deadline) = a.deadline.filter(|d| rec.date > *d) {
            let mut d = finding(
                DiscrepancyKind::LateAllocation,
                decision,
                rec.date,
                &rules::ALLOCATION_DEADLINE,
                deadline.to_string(),
                rec.date.to_string(),
            );
            d.because = because();
            d.days_late = Some(days(deadline, rec.date));
            d.provider = Some(rec.provider);
            out.discrepancies.push(d);
        }
    }
    Ok(())
}

/// A recorded 2021 tier in the form the tier takes (`B2`, `B2S`), from itself or nDelius's `UB2`.
fn tier_2021_form(s: &str, path: impl FnOnce() -> String) -> Result<&str, AuditError> {
    let t = s.strip_prefix('U').unwrap_or(s);
    let b = t.as_bytes();
    let ok = matches!(b, [p, c] | [p, c, b'S'] if (b'A'..=b'D').contains(p) && (b'0'..=b'3').contains(c));
    if ok {
        Ok(t)
    } else {
        Err(AuditError::Invalid {
            path: path(),
            message: "must be a 2021 tier, A0 to D3 (optionally U before, S after)",
        })
    }
}

fn tier_2026_form(s: &str, path: impl FnOnce() -> String) -> Result<&str, AuditError> {
    if matches!(s.as_bytes(), [b'A'..=b'G']) {
        Ok(s)
    } else {
        Err(AuditError::Invalid {
            path: path(),
            message: "must be a 2026 tier, A to G",
        })
    }
}

/// The tiers the rules give on `on`: the 2021 tier and the 2026 tier, as text.
pub(crate) fn tiers_on(case: &Case, on: NaiveDate) -> Result<(String, &'static str), AuditError> {
    let t = crate::tier::tier(case, on)?;
    let t26 = crate::tier2026::tier_2026(case, on)?;
    Ok((t.tier.to_string(), t26.tier.as_str()))
}

/// The dates on which a case's tier inputs change: registrations and deregistrations, assessments, sentence
/// and termination dates.
pub(crate) fn tier_change_dates(case: &Case) -> Vec<NaiveDate> {
    let mut v: Vec<NaiveDate> = Vec::with_capacity(
        case.registrations.len() * 2 + case.assessments.len() + case.events.len() * 2,
    );
    for r in &case.registrations {
        v.push(r.registered);
        v.extend(r.deregistered);
    }
    v.extend(case.assessments.iter().map(|a| a.date));
    for e in &case.events {
        v.push(e.sentence_date);
        v.extend(e.termination_date);
    }
    v.sort_unstable();
    v.dedup();
    v
}

fn tiers(
    case: &Case,
    options: &AuditOptions,
    calendar: &Calendar,
    out: &mut Audit,
) -> Result<(), AuditError> {
    let recorded = &case.recorded.tiers;
    if recorded.is_empty() {
        return Ok(());
    }
    // Each recorded tier against the rules on its date.
    let mut order: Vec<usize> = (0..recorded.len()).collect();
    order.sort_by_key(|&i| recorded.get(i).map(|r| r.date));
    for (i, rec) in recorded.iter().enumerate() {
        out.checked += 1;
        let (t21, t26) = tiers_on(case, rec.date)?;
        let provider = holding(case, rec.date);
        if let Some(s) = &rec.tier_2021 {
            let form = tier_2021_form(s, || format!("recorded.tiers[{i}].tier_2021"))?;
            if form != t21 {
                let mut d = finding(
                    DiscrepancyKind::DifferentTier,
                    format!("recorded.tiers[{i}].tier_2021"),
                    rec.date,
                    &rules::TIER_RECORDED,
                    t21.clone(),
                    form.to_owned(),
                );
                d.provider = provider;
                out.discrepancies.push(d);
            }
        }
        if let Some(s) = &rec.tier_2026 {
            let form = tier_2026_form(s, || format!("recorded.tiers[{i}].tier_2026"))?;
            if form != t26 {
                let mut d = finding(
                    DiscrepancyKind::DifferentTier,
                    format!("recorded.tiers[{i}].tier_2026"),
                    rec.date,
                    &rules::TIER_RECORDED,
                    t26.to_owned(),
                    form.to_owned(),
                );
                d.provider = provider;
                out.discrepancies.push(d);
            }
        }
    }
    // Each change of the 2021 tier after the first recorded tier: recorded in time?
    let Some(first) = order.first().and_then(|&i| recorded.get(i)) else {
        return Ok(());
    };
    let in_force = |on: NaiveDate| -> Option<&RecordedTier> {
        recorded
            .iter()
            .filter(|r| r.date <= on && r.tier_2021.is_some())
            .max_by_key(|r| r.date)
    };
    let mut previous = tiers_on(case, first.date)?.0;
    let as_of = out.as_of;
    for c in tier_change_dates(case)
        .into_iter()
        .filter(|c| *c > first.date && *c <= as_of)
    {
        let now = tiers_on(case, c)?.0;
        if now == previous {
            continue;
        }
        previous.clone_from(&now);
        let deadline = calendar
            .add_working_days(c, options.tier_update_working_days)
            .map_err(ContactError::Calendar)?;
        if deadline >= out.as_of {
            continue;
        }
        let recorded_in_time = recorded
            .iter()
            .any(|r| r.tier_2021.is_some() && r.date >= c && r.date <= deadline);
        let standing = in_force(c).and_then(|r| r.tier_2021.as_deref());
        let standing_form = standing.map(|s| s.strip_prefix('U').unwrap_or(s));
        if recorded_in_time || standing_form == Some(now.as_str()) {
            continue;
        }
        let next = recorded
            .iter()
            .filter(|r| r.date > deadline && r.tier_2021.is_some())
            .map(|r| r.date)
            .min();
        let mut d = finding(
            DiscrepancyKind::TierNotUpdated,
            format!("recorded.tiers (change on {c})"),
            c,
            &rules::TIER_UPDATED,
            now.clone(),
            standing_form.unwrap_or("none").to_owned(),
        );
        d.days_late = Some(days(deadline, next.unwrap_or(out.as_of)));
        d.provider = holding(case, c);
        out.discrepancies.push(d);
    }
    Ok(())
}

/// The recorded action kind an enforcement step is done by.
const fn action_kind(a: Action) -> EnforcementActionKind {
    match a {
        Action::Warning => EnforcementActionKind::Warning,
        Action::BreachReferral => EnforcementActionKind::BreachReferral,
        Action::LayReferredBreach | Action::LayBreach => EnforcementActionKind::BreachLaid,
        Action::RecallReview => EnforcementActionKind::RecallRequested,
    }
}

const fn kind_name(k: EnforcementActionKind) -> &'static str {
    match k {
        EnforcementActionKind::Warning => "warning",
        EnforcementActionKind::BreachReferral => "breach_referral",
        EnforcementActionKind::BreachLaid => "breach_laid",
        EnforcementActionKind::RecallRequested => "recall_requested",
    }
}

/// The enforcement steps of `case` up to `as_of`, each judged by the contact policy in force on its failure's
/// date.
pub(crate) fn steps_in_force(
    case: &Case,
    options: &AuditOptions,
    calendar: &Calendar,
    as_of: NaiveDate,
) -> Result<Vec<EnforcementStep>, AuditError> {
    let mut steps = Vec::new();
    let mut policies = options.contact.iter().peekable();
    while let Some((from, policy)) = policies.next() {
        let until = policies.peek().map(|(d, _)| *d);
        let in_period = |d: NaiveDate| d >= *from && until.is_none_or(|u| d < u);
        let failures_here = case.contacts.iter().any(|c| {
            c.outcome == ContactOutcome::UnacceptableAbsence && c.date <= as_of && in_period(c.date)
        });
        if !failures_here {
            continue;
        }
        let c = compliance(case, policy, calendar, as_of)?;
        steps.extend(
            c.enforcement
                .into_iter()
                .filter(|s| in_period(s.failure_date)),
        );
    }
    Ok(steps)
}

fn enforcement(
    case: &Case,
    options: &AuditOptions,
    calendar: &Calendar,
    out: &mut Audit,
) -> Result<(), AuditError> {
    let as_of = out.as_of;
    let has_failure = case
        .contacts
        .iter()
        .any(|c| c.outcome == ContactOutcome::UnacceptableAbsence && c.date <= as_of);
    if !has_failure && case.enforcement.is_empty() {
        return Ok(());
    }
    let steps = if has_failure {
        steps_in_force(case, options, calendar, as_of)?
    } else {
        Vec::new()
    };
    for s in &steps {
        out.checked += 1;
        let (deadline, rule) = match s.due_by {
            Some(d) => (d, &rules::BREACH_TAKEN),
            None => {
                let d = calendar
                    .add_working_days(s.failure_date, options.warning_working_days)
                    .map_err(ContactError::Calendar)?;
                let rule = if s.action == Action::Warning {
                    &rules::WARNING_TAKEN
                } else {
                    &rules::BREACH_TAKEN
                };
                (d, rule)
            }
        };
        let late = match (s.status, s.done_on) {
            (StepStatus::Done, Some(done)) if done > deadline => Some(days(deadline, done)),
            (StepStatus::Done, _) => None,
            _ if deadline < as_of => Some(days(deadline, as_of)),
            _ => None,
        };
        if let Some(late) = late {
            let contact = case
                .contacts
                .iter()
                .position(|c| {
                    c.date == s.failure_date && c.outcome == ContactOutcome::UnacceptableAbsence
                })
                .unwrap_or_default();
            let mut d = finding(
                DiscrepancyKind::EnforcementNotTaken,
                format!("contacts[{contact}]"),
                s.failure_date,
                rule,
                format!("{} by {deadline}", s.action.name()),
                s.done_on.map_or_else(
                    || "none".to_owned(),
                    |d| format!("{} on {d}", kind_name(action_kind(s.action))),
                ),
            );
            d.because = vec![s.rule.id().to_owned()];
            d.days_late = Some(late);
            d.provider = holding(case, s.failure_date);
            out.discrepancies.push(d);
        }
    }
    // Each recorded action: did a failure call for it?
    for (i, a) in case.enforcement.iter().enumerate() {
        if a.date > as_of {
            continue;
        }
        out.checked += 1;
        let called_for = steps.iter().any(|s| {
            action_kind(s.action) == a.kind
                && s.done_on == Some(a.date)
                && a.event.is_none_or(|e| e == s.event)
        });
        if !called_for {
            let mut d = finding(
                DiscrepancyKind::EnforcementNotDue,
                format!("enforcement[{i}]"),
                a.date,
                &rules::NOT_DUE,
                "none".to_owned(),
                kind_name(a.kind).to_owned(),
            );
            d.provider = holding(case, a.date);
            out.discrepancies.push(d);
        }
    }
    Ok(())
}

/// The nDelius key-date codes a case may record; the first four are computed and checked.
pub const KEY_DATE_CODES: [&str; 8] = ["SED", "ACR", "LED", "PSSED", "PED", "EXP", "HDE", "POM1"];

fn key_dates(case: &Case, out: &mut Audit) -> Result<(), AuditError> {
    for (i, rec) in case.recorded.key_dates.iter().enumerate() {
        let Some(pos) = KEY_DATE_CODES.iter().position(|c| *c == rec.code) else {
            return Err(AuditError::Invalid {
                path: format!("recorded.key_dates[{i}].code"),
                message: "must be an nDelius key-date code (SED, ACR, LED, PSSED, PED, EXP, HDE, POM1)",
            });
        };
        if pos >= 4 {
            continue;
        }
        let event = usize::try_from(rec.event)
            .ok()
            .and_then(|e| case.events.get(e))
            .ok_or_else(|| AuditError::Invalid {
                path: format!("recorded.key_dates[{i}].event"),
                message: "is not the index of an event",
            })?;
        out.checked += 1;
        let dates = crate::sentence::sentence_dates(&case.person, event).map_err(|e| {
            AuditError::Sentence {
                event: rec.event,
                field: e.field(),
                message: e.code(),
            }
        })?;
        let computed = crate::records::key_dates(&dates)
            .into_iter()
            .find(|k| k.code == rec.code);
        if computed.map(|k| k.date) != Some(rec.date) {
            let mut d = finding(
                DiscrepancyKind::DateDiffers,
                format!("recorded.key_dates[{i}]"),
                rec.date,
                &rules::KEY_DATE,
                opt_date(computed.map(|k| k.date)),
                rec.date.to_string(),
            );
            d.because = computed
                .and_then(|k| key_date_rule(&dates, k.code))
                .map(|r| vec![r.id.to_owned()])
                .unwrap_or_default();
            d.days_late = computed.map(|k| days(k.date, rec.date));
            d.provider = holding(case, rec.date);
            out.discrepancies.push(d);
        }
    }
    Ok(())
}

/// The sentence rule behind a key date of `dates` by its nDelius code.
pub(crate) fn key_date_rule(
    dates: &crate::sentence::SentenceDates,
    code: &str,
) -> Option<StaticRule> {
    let k = match code {
        "SED" => dates.sentence_expiry,
        "ACR" => dates.conditional_release.or(dates.automatic_release),
        "LED" => dates.licence_expiry,
        "PSSED" => dates.top_up_supervision_expiry,
        _ => None,
    };
    k.map(|k| k.rule)
}
