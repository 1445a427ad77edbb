//! `schedule`: the dated list of required contacts and deadlines of a case under a policy.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::condition::Facts;
use super::policy::{Anchor, ContactPolicy, DayUnit, DeadlineKind};
use super::rule_ref::RuleRef;
use super::{ContactError, rules as r};
use crate::calendar::Calendar;
use crate::model::{
    Booking, Case, ContactKind, ContactOutcome, CustodyKind, Event, RoshLevel, Sentence,
};
use crate::release::{ReleaseLaw, ReleaseOptions, release_dates};
use crate::sentence::{SupervisionKind, SupervisionPeriod, sentence_dates};

/// The most items one schedule may hold (a daily contact over a 3-year order is ~1,100).
pub const MAX_ITEMS: usize = 20_000;

/// What a schedule item asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Allocation of the case.
    Allocation,
    /// The first appointment.
    FirstAppointment,
    /// The sentence plan.
    SentencePlan,
    /// Unpaid work arranged / started.
    UnpaidWorkStart,
    /// A home visit.
    HomeVisit,
    /// Ongoing contact: `contacts` contacts in the window.
    Contact,
}

impl From<DeadlineKind> for ItemKind {
    fn from(k: DeadlineKind) -> Self {
        match k {
            DeadlineKind::Allocation => ItemKind::Allocation,
            DeadlineKind::FirstAppointment => ItemKind::FirstAppointment,
            DeadlineKind::SentencePlan => ItemKind::SentencePlan,
            DeadlineKind::UnpaidWorkStart => ItemKind::UnpaidWorkStart,
            DeadlineKind::HomeVisit => ItemKind::HomeVisit,
        }
    }
}

impl ItemKind {
    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            ItemKind::Allocation => "allocation",
            ItemKind::FirstAppointment => "first_appointment",
            ItemKind::SentencePlan => "sentence_plan",
            ItemKind::UnpaidWorkStart => "unpaid_work_start",
            ItemKind::HomeVisit => "home_visit",
            ItemKind::Contact => "contact",
        }
    }
}

/// One required contact or deadline: due in the window `earliest ..= due_by`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScheduleItem {
    /// Index of the event in `case.events`.
    pub event: u32,
    /// The kind of supervision it belongs to.
    pub supervision: SupervisionKind,
    /// What is due.
    pub kind: ItemKind,
    /// First day of the window.
    pub earliest: NaiveDate,
    /// Last day of the window.
    pub due_by: NaiveDate,
    /// Contacts required in the window (1 for deadlines).
    pub contacts: u16,
    /// How `due_by` was counted: working days (deadlines in working days) or calendar days.
    pub unit: DayUnit,
    /// The policy rule that created it.
    pub rule: RuleRef,
    /// Which policy entry created it (for matching recorded contacts).
    #[serde(skip)]
    pub(crate) origin: Origin,
}

/// The policy entry behind a schedule item: an index into `phases` or `deadlines`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Phase(usize),
    Deadline(usize),
}

#[cfg(feature = "uniffi")]
impl Origin {
    /// `Phase(i)` as `i`, `Deadline(i)` as `-1 - i` (the Kotlin binding's form; indices beyond `i64` saturate).
    pub(crate) fn to_ffi(self) -> i64 {
        match self {
            Origin::Phase(i) => i64::try_from(i).unwrap_or(i64::MAX),
            Origin::Deadline(i) => -1 - i64::try_from(i).unwrap_or(i64::MAX - 1),
        }
    }

    /// The inverse of [`Origin::to_ffi`].
    pub(crate) fn from_ffi(v: i64) -> Self {
        if v >= 0 {
            Origin::Phase(usize::try_from(v).unwrap_or(usize::MAX))
        } else {
            Origin::Deadline(usize::try_from(-1 - v).unwrap_or(usize::MAX))
        }
    }
}

/// A supervision period the schedule covers, with the risk facts read at its start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi(name = "SupervisionPeriod"))]
pub struct Period {
    /// Index of the event in `case.events`.
    pub event: u32,
    /// Kind of supervision.
    pub kind: SupervisionKind,
    /// First day.
    pub start: NaiveDate,
    /// Last day (cut short when the event was terminated).
    pub end: NaiveDate,
    /// Overall RoSH at the start, if known.
    pub rosh: Option<RoshLevel>,
    /// Whether the policy's `high_risk` definition held at the start (NS 2007 Tier 4).
    pub high_risk: bool,
}

/// The schedule of a case: its supervision periods and the required contacts and deadlines, sorted by
/// `due_by`, then `earliest`, event and kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Schedule {
    /// The policy's name.
    pub policy: String,
    /// Supervision periods, by event then start.
    pub periods: Vec<Period>,
    /// Required contacts and deadlines.
    pub items: Vec<ScheduleItem>,
    /// Rules that fired beyond each item's own (risk reading, anchors, Tier 4), each once.
    pub rules: Vec<RuleRef>,
}

impl Schedule {
    pub(crate) fn fire(&mut self, rule: RuleRef) {
        if !self.rules.iter().any(|x| x.id() == rule.id()) {
            self.rules.push(rule);
        }
    }
}

/// The periods of supervision of one event, cut at its termination; a period starting on or before the end of
/// the one before it starts the day after (\[A\]: licence then PSS never overlap).
///
/// A standard determinate custodial sentence takes its licence and PSS from the release-date engine
/// ([`crate::release`]): the booking in `case.bookings` whose `event` is this one, else the event's
/// single-sentence form as a one-sentence booking (docs/rules/release.md#contact-schedule).
pub(crate) fn event_periods(
    case: &Case,
    index: usize,
    event: &Event,
    calendar: &Calendar,
) -> Result<Vec<SupervisionPeriod>, ContactError> {
    let sentence_error = |e: crate::sentence::SentenceError| ContactError::Sentence {
        event: index,
        field: e.field(),
        message: e.to_string(),
    };
    let mut periods = match linked_booking(case, index)? {
        Some((k, booking)) => {
            release_periods(case, booking, calendar, |f| format!("bookings[{k}].{f}"))?
        }
        None => {
            // The event's own dates first: their errors (zero length, credit over the term) stay as they were.
            let dates = sentence_dates(&case.person, event).map_err(sentence_error)?;
            match standard_custody(event) {
                Some(booking) => release_periods(case, &booking, calendar, |f| {
                    format!("events[{index}].{}", event_field(f))
                })?,
                None => dates.supervision,
            }
        }
    };
    let mut last_end: Option<NaiveDate> = None;
    for p in &mut periods {
        if let Some(prev) = last_end
            && p.start <= prev
        {
            p.start = prev
                .checked_add_days(Days::new(1))
                .ok_or(ContactError::DateOutOfRange)?;
        }
        last_end = Some(last_end.map_or(p.end, |e| e.max(p.end)));
        if let Some(t) = event.termination_date {
            // Terminated on `t`: the last day of supervision is the day before.
            let last = t.pred_opt().ok_or(ContactError::DateOutOfRange)?;
            if p.end > last {
                p.end = last;
            }
        }
    }
    periods.retain(|p| p.start <= p.end);
    Ok(periods)
}

/// The booking of `case.bookings` that details event `index` (its position with it), checking every link.
fn linked_booking(case: &Case, index: usize) -> Result<Option<(usize, &Booking)>, ContactError> {
    let mut found = None;
    for (k, b) in case.bookings.iter().enumerate() {
        let Some(e) = b.event else { continue };
        let bad = |reason| ContactError::Release {
            path: format!("bookings[{k}].event"),
            code: "invalid",
            reason,
        };
        let target = usize::try_from(e)
            .ok()
            .and_then(|e| case.events.get(e).map(|ev| (e, ev)));
        match target {
            None => return Err(bad("refers to no event")),
            Some((_, ev)) if !matches!(ev.sentence, Sentence::Custody { .. }) => {
                return Err(bad("refers to an event that is not a custodial sentence"));
            }
            Some((e, _)) if e == index => {
                if found.is_some() {
                    return Err(bad("a second booking for the same event"));
                }
                found = Some((k, b));
            }
            Some(_) => {}
        }
    }
    Ok(found)
}

/// A standard determinate custodial sentence in the single-sentence form as a one-sentence booking; `None` for
/// orders and for extended and life sentences (their licence stays with [`sentence_dates`]).
fn standard_custody(event: &Event) -> Option<Booking> {
    match event.sentence {
        Sentence::Custody {
            kind: CustodyKind::StandardDeterminate,
            ..
        } => Booking::from_event(event),
        _ => None,
    }
}

/// The path within an event of a field of its one-sentence booking ([`Booking::from_event`]).
fn event_field(booking_field: &str) -> &'static str {
    let rest = booking_field
        .strip_prefix("sentences[0].")
        .unwrap_or(booking_field);
    match rest {
        "offence_date" => "offence_date",
        "sentence_date" => "sentence_date",
        f if f.starts_with("remand") => "sentence.remand_days",
        f if f.starts_with("tagged_bail") => "sentence.tagged_bail_days",
        "release_date" => "sentence.release_date",
        "term" | "term.years" | "term.months" | "term.weeks" | "term.days" => "sentence.length",
        _ => "sentence",
    }
}

/// The licence and PSS periods of `booking` under every change of the law the library knows
/// ([`ReleaseLaw::latest_commencement`]; \[A\] docs/rules/release.md#contact-schedule); `path` places a
/// booking field in the case.
fn release_periods(
    case: &Case,
    booking: &Booking,
    calendar: &Calendar,
    path: impl Fn(&str) -> String,
) -> Result<Vec<SupervisionPeriod>, ContactError> {
    let on = ReleaseLaw::latest_commencement();
    let options = ReleaseOptions::default();
    release_dates(&case.person, booking, on, &options, calendar)
        .map(|d| d.supervision)
        .map_err(|e| ContactError::Release {
            path: path(e.field()),
            code: e.code(),
            reason: e.reason(),
        })
}

/// The schedule of `case` under `policy`: for every event, every supervision period (sentence, release or
/// licence end to order, licence or PSS end), the deadlines and the windows of ongoing contact the policy asks
/// for, each with the rule that created it.
///
/// Risk conditions are read as at the start of each period. Deadlines counted in working days use `calendar`.
///
/// # Errors
/// [`ContactError::Sentence`] when an event's sentence dates cannot be worked out, [`ContactError::Calendar`]
/// for dates outside the calendar's range, [`ContactError::TooManyItems`] past [`MAX_ITEMS`].
///
/// # Example
/// ```
/// use probation_core::calendar::Calendar;
/// use probation_core::contact::{schedule, ContactPolicy, ItemKind};
/// use probation_core::interchange::decode_case;
/// let case = decode_case(r#"{"schema_version":1,
///   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
///   "events":[{"offence_date":"2024-01-04","sentence_date":"2024-03-28",
///     "sentence":{"type":"community_order","length":{"months":12},
///       "requirements":[{"kind":"unpaid_work","hours":120}]}}]}"#).unwrap();
/// let policy = ContactPolicy::preset("ns2007").unwrap();
/// let s = schedule(&case, &policy, &Calendar::england_and_wales()).unwrap();
/// let first = s.items.iter().find(|i| i.kind == ItemKind::FirstAppointment).unwrap();
/// // Sentenced Thursday 28 March 2024; Good Friday and Easter Monday are bank holidays:
/// // 5 working days are 2, 3, 4, 5 and 8 April.
/// assert_eq!(first.due_by.to_string(), "2024-04-08");
/// assert_eq!(first.rule.id(), "ns2007.first_appointment");
/// ```
pub fn schedule(
    case: &Case,
    policy: &ContactPolicy,
    calendar: &Calendar,
) -> Result<Schedule, ContactError> {
    let mut out = Schedule {
        policy: policy.name.clone(),
        periods: Vec::with_capacity(2),
        items: Vec::with_capacity(32),
        rules: Vec::with_capacity(4),
    };
    for (index, event) in case.events.iter().enumerate() {
        let ev =
            u32::try_from(index).map_err(|_| ContactError::TooManyItems { limit: MAX_ITEMS })?;
        for p in event_periods(case, index, event, calendar)? {
            schedule_period(case, policy, calendar, ev, event, &p, &mut out)?;
        }
    }
    if out.items.len() > MAX_ITEMS {
        return Err(ContactError::TooManyItems { limit: MAX_ITEMS });
    }
    out.items
        .sort_by_key(|i| (i.due_by, i.earliest, i.event, i.kind));
    Ok(out)
}

fn schedule_period(
    case: &Case,
    policy: &ContactPolicy,
    calendar: &Calendar,
    ev: u32,
    event: &Event,
    p: &SupervisionPeriod,
    out: &mut Schedule,
) -> Result<(), ContactError> {
    let facts = Facts::new(
        case,
        event,
        p.start,
        policy.high_risk.as_ref(),
        policy.uses_tier(),
    )?;
    out.fire(RuleRef::Builtin(&r::RISK_AT_START));
    if facts.tier.is_some() {
        out.fire(RuleRef::Builtin(&r::TIER_AT_START));
    }
    if facts.high_risk
        && let Some(rule) = &policy.high_risk_rule
    {
        out.fire(rule.clone());
    }
    out.periods.push(Period {
        event: ev,
        kind: p.kind,
        start: p.start,
        end: p.end,
        rosh: facts.rosh,
        high_risk: facts.high_risk,
    });
    let end_excl = p
        .end
        .checked_add_days(Days::new(1))
        .ok_or(ContactError::DateOutOfRange)?;

    // Deadlines, one per kind: the first matching entry of the policy.
    let mut first_due: Option<NaiveDate> = None;
    for kind in DeadlineKind::ALL {
        let Some((di, d)) = policy.deadline_for(kind, p.kind, |c| facts.holds(c)) else {
            continue;
        };
        let anchor = match d.from {
            Anchor::Start => p.start,
            Anchor::Allocation => match (p.kind, event.allocation_date) {
                (
                    SupervisionKind::CommunityOrder | SupervisionKind::SuspendedSentenceOrder,
                    Some(a),
                ) => a,
                _ => {
                    out.fire(RuleRef::Builtin(&r::ANCHOR_ALLOCATION_FALLBACK));
                    p.start
                }
            },
            Anchor::FirstAppointment => {
                out.fire(RuleRef::Builtin(&r::ANCHOR_FIRST_APPOINTMENT));
                let kinds = policy
                    .deadline_for(DeadlineKind::FirstAppointment, p.kind, |c| facts.holds(c))
                    .map_or(
                        DeadlineKind::FirstAppointment.default_satisfied_by(),
                        |(_, f)| f.satisfied_by(),
                    );
                first_attended(case, ev, p, kinds)
                    .or(first_due)
                    .unwrap_or(p.start)
            }
        };
        let due_by = match d.unit {
            DayUnit::WorkingDays => calendar.add_working_days(anchor, u32::from(d.within))?,
            DayUnit::CalendarDays => anchor
                .checked_add_days(Days::new(u64::from(d.within)))
                .ok_or(ContactError::DateOutOfRange)?,
        };
        if kind == DeadlineKind::FirstAppointment {
            first_due = Some(due_by);
        }
        out.items.push(ScheduleItem {
            event: ev,
            supervision: p.kind,
            kind: kind.into(),
            earliest: anchor,
            due_by,
            contacts: 1,
            unit: d.unit,
            rule: d.rule.clone(),
            origin: Origin::Deadline(di),
        });
    }

    // Phases of ongoing contact.
    for (pi, phase) in policy.phases.iter().enumerate() {
        if !phase.applies_to.contains(p.kind) || !phase.when.as_ref().is_none_or(|c| facts.holds(c))
        {
            continue;
        }
        let Some(from) = phase.from.add_to(p.start) else {
            continue;
        };
        let until = match phase.until.map(|u| u.add_to(p.start)) {
            Some(Some(u)) => u.min(end_excl),
            Some(None) | None => end_excl,
        };
        // Window k runs from `from + k × every` to the day before window k + 1 (months added to `from` each
        // time, so month ends do not drift), the last cut short at the end of the phase.
        //
        // A last window shorter than half its full length is merged into the one before ([A]).
        let mut ws = from;
        let mut k: u32 = 1;
        let mut nominal = phase.every.add_times(from, 1);
        while ws < until {
            let mut next = nominal.map_or(until, |n| n.min(until));
            let following = if next < until {
                phase.every.add_times(from, k + 1)
            } else {
                None
            };
            if let Some(full_end) = following
                && full_end > until
                && (until - next).num_days() * 2 < (full_end - next).num_days()
            {
                next = until;
                out.fire(RuleRef::Builtin(&r::SHORT_LAST_WINDOW));
            }
            let we = next.pred_opt().ok_or(ContactError::DateOutOfRange)?;
            if out.items.len() >= MAX_ITEMS {
                return Err(ContactError::TooManyItems { limit: MAX_ITEMS });
            }
            out.items.push(ScheduleItem {
                event: ev,
                supervision: p.kind,
                kind: ItemKind::Contact,
                earliest: ws,
                due_by: we,
                contacts: phase.contacts,
                unit: DayUnit::CalendarDays,
                rule: phase.rule.clone(),
                origin: Origin::Phase(pi),
            });
            ws = next;
            nominal = following;
            k += 1;
        }
    }
    Ok(())
}

/// The date of the first attended contact of one of `kinds` in the period.
fn first_attended(
    case: &Case,
    ev: u32,
    p: &SupervisionPeriod,
    kinds: &[ContactKind],
) -> Option<NaiveDate> {
    case.contacts
        .iter()
        .filter(|c| {
            c.outcome == ContactOutcome::Attended
                && c.event.is_none_or(|e| e == ev)
                && c.date >= p.start
                && c.date <= p.end
                && kinds.contains(&c.kind)
        })
        .map(|c| c.date)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::decode_case;

    fn case(events: &str, extra: &str) -> Case {
        decode_case(&format!(
            r#"{{"schema_version":1,"person":{{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"}},
            "events":[{events}]{extra}}}"#
        ))
        .unwrap()
    }

    const CO: &str = r#"{"offence_date":"2024-01-04","sentence_date":"2024-03-28",
        "sentence":{"type":"community_order","length":{"months":12},"requirements":[{"kind":"rehabilitation_activity","days":5}]}}"#;

    #[test]
    fn termination_cuts_the_schedule_the_day_before() {
        let terminated = CO.replace(
            r#""sentence_date":"2024-03-28","#,
            r#""sentence_date":"2024-03-28","termination_date":"2024-06-01","#,
        );
        let c = case(&terminated, "");
        let policy = ContactPolicy::preset("tr2014").unwrap();
        let s = schedule(&c, &policy, &Calendar::england_and_wales()).unwrap();
        assert_eq!(s.periods[0].end.to_string(), "2024-05-31");
        let last = s
            .items
            .iter()
            .rfind(|i| i.kind == ItemKind::Contact)
            .unwrap();
        // 28 May is a window start; its 4-day tail (28-31 May) is merged into the window from 28 April.
        assert_eq!(
            (last.earliest.to_string(), last.due_by.to_string()),
            ("2024-04-28".into(), "2024-05-31".into())
        );
    }

    #[test]
    fn each_event_gets_its_own_items_and_an_sso_without_supervision_none() {
        let sso = r#"{"offence_date":"2024-01-04","sentence_date":"2024-04-15",
            "sentence":{"type":"suspended_sentence_order","custodial_term":{"months":3},"operational_period":{"months":12}}}"#;
        let c = case(&format!("{CO},{sso},{CO}"), "");
        let policy = ContactPolicy::preset("ns2007").unwrap();
        let s = schedule(&c, &policy, &Calendar::england_and_wales()).unwrap();
        assert_eq!(
            s.periods.iter().map(|p| p.event).collect::<Vec<_>>(),
            [0, 2]
        );
        let per_event = |e| s.items.iter().filter(|i| i.event == e).count();
        assert_eq!(per_event(0), 12);
        assert_eq!(per_event(1), 0);
        assert_eq!(per_event(2), 12);
    }

    #[test]
    fn a_contact_for_another_event_does_not_move_the_plan() {
        let two = format!("{CO},{CO}");
        let c = case(
            &two,
            r#","contacts":[{"date":"2024-04-02","kind":"first_appointment","outcome":"attended","event":1}]"#,
        );
        let policy = ContactPolicy::preset("tr2014").unwrap();
        let s = schedule(&c, &policy, &Calendar::england_and_wales()).unwrap();
        let plan = |e| {
            s.items
                .iter()
                .find(|i| i.event == e && i.kind == ItemKind::SentencePlan)
                .unwrap()
                .earliest
                .to_string()
        };
        // Event 0 counts from its first appointment's due date (not allocated: 28 March + 5 working days over
        // Easter = 8 April); event 1 from the appointment attended on 2 April.
        assert_eq!(plan(0), "2024-04-08");
        assert_eq!(plan(1), "2024-04-02");
    }
}
