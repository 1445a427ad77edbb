//! Contact histories and the enforcement actions that follow unacceptable absences.

use chrono::NaiveDate;

use super::person::Profile;
use super::rng::Rng;
use super::{AS_OF, minus, plus, ymd};
use crate::model::{
    Contact, ContactKind, ContactOutcome, EnforcementAction, EnforcementActionKind, Event,
    RequirementKind, Sentence,
};

/// At most this many contacts per case, to keep the sample caseload small.
const MAX_CONTACTS: usize = 16;

/// The supervision window of an event (start, last day), cut at [`AS_OF`]; `None` when nothing is supervised.
fn window(e: &Event) -> Option<(NaiveDate, NaiveDate)> {
    let (start, end) = match &e.sentence {
        Sentence::CommunityOrder { length, .. } => {
            (e.sentence_date, length.end_date(e.sentence_date)?)
        }
        Sentence::SuspendedSentenceOrder {
            supervision_period, ..
        } => (
            e.sentence_date,
            supervision_period.as_ref()?.end_date(e.sentence_date)?,
        ),
        Sentence::Custody { release_date, .. } => ((*release_date)?, AS_OF),
    };
    let end = e.termination_date.map_or(end, |t| t.min(end)).min(AS_OF);
    (end > start).then_some((start, end))
}

pub(crate) fn history(
    rng: &mut Rng,
    profile: &Profile,
    events: &[Event],
) -> (Vec<Contact>, Vec<EnforcementAction>) {
    let mut contacts = Vec::new();
    let mut actions = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let Some((start, end)) = window(e) else {
            continue;
        };
        let room = MAX_CONTACTS.saturating_sub(contacts.len());
        let cap = usize::try_from(rng.range(5, 12)).unwrap_or(8).min(room);
        let index = u32::try_from(i).ok();
        let licence = e.sentence.is_custodial();
        let mut planned = schedule(rng, e, start, end, cap);
        planned.sort_by_key(|(d, _)| *d);
        let mut last_warning: Option<NaiveDate> = None;
        for (date, kind) in planned {
            let outcome = outcome(rng, profile, date, kind);
            contacts.push(Contact {
                date,
                kind,
                outcome,
                event: index.filter(|_| rng.chance(900)),
            });
            if outcome != ContactOutcome::UnacceptableAbsence {
                continue;
            }
            let on = plus(date, rng.range(0, 3)).min(AS_OF);
            let event = index;
            if licence {
                if rng.chance(350) {
                    actions.push(EnforcementAction {
                        date: on,
                        kind: EnforcementActionKind::RecallRequested,
                        event,
                    });
                    break; // recalled: supervision in the community stops
                }
            } else if last_warning.is_some_and(|w| on <= plus(w, 365)) {
                // A further failure within 12 months of a warning: breach (referred first by a CRC in the TR era).
                let tr = (ymd(2014, 6, 1)..=ymd(2021, 6, 25)).contains(&on);
                if tr && rng.chance(500) {
                    actions.push(EnforcementAction {
                        date: on,
                        kind: EnforcementActionKind::BreachReferral,
                        event,
                    });
                }
                actions.push(EnforcementAction {
                    date: plus(on, rng.range(1, 10)).min(AS_OF),
                    kind: EnforcementActionKind::BreachLaid,
                    event,
                });
                break; // the breach goes to court; this history stops here
            } else {
                actions.push(EnforcementAction {
                    date: on,
                    kind: EnforcementActionKind::Warning,
                    event,
                });
                last_warning = Some(on);
            }
        }
    }
    contacts.sort_by_key(|c| c.date);
    actions.sort_by_key(|a| a.date);
    (contacts, actions)
}

/// The planned contacts of one event: a first appointment within days, weekly for a month, fortnightly to
/// about three months, then monthly; a sentence plan, sometimes a home visit, and unpaid work or programme
/// sessions when the order has them.
fn schedule(
    rng: &mut Rng,
    e: &Event,
    start: NaiveDate,
    end: NaiveDate,
    cap: usize,
) -> Vec<(NaiveDate, ContactKind)> {
    let mut out = Vec::new();
    let push = |out: &mut Vec<(NaiveDate, ContactKind)>, d: NaiveDate, k: ContactKind| {
        if d <= end && out.len() < cap {
            out.push((d, k));
        }
    };
    let first = plus(
        start,
        if e.sentence.is_custodial() {
            rng.range(0, 1)
        } else {
            rng.range(1, 6)
        },
    );
    push(&mut out, first, ContactKind::FirstAppointment);
    push(
        &mut out,
        plus(start, rng.range(10, 20)),
        ContactKind::SentencePlan,
    );
    if rng.chance(400) {
        push(
            &mut out,
            plus(start, rng.range(10, 80)),
            ContactKind::HomeVisit,
        );
    }
    let has = |k: RequirementKind| e.sentence.requirements().iter().any(|r| r.kind == k);
    if has(RequirementKind::UnpaidWork) {
        let mut d = plus(start, rng.range(7, 14));
        for _ in 0..rng.range(2, 5) {
            push(&mut out, d, ContactKind::UnpaidWork);
            d = plus(d, 7);
        }
    }
    if has(RequirementKind::Programme) {
        let mut d = plus(start, rng.range(21, 60));
        for _ in 0..rng.range(2, 4) {
            push(&mut out, d, ContactKind::Programme);
            d = plus(d, 7);
        }
    }
    let mut d = first;
    let mut n = 0u32;
    while out.len() < cap {
        let gap = match n {
            0..=3 => 7,
            4..=7 => 14,
            _ => rng.range(28, 31),
        };
        d = plus(d, gap + rng.range(0, 2));
        if d > end {
            break;
        }
        let kind = if rng.chance(30) {
            ContactKind::Other
        } else {
            ContactKind::Appointment
        };
        push(&mut out, d, kind);
        n += 1;
    }
    out
}

fn outcome(rng: &mut Rng, profile: &Profile, date: NaiveDate, kind: ContactKind) -> ContactOutcome {
    if date > minus(AS_OF, 3) || rng.chance(10) {
        return ContactOutcome::NotRecorded;
    }
    if kind == ContactKind::SentencePlan {
        return ContactOutcome::Attended;
    }
    let x = rng.range(0, 999);
    if x < profile.unacceptable {
        ContactOutcome::UnacceptableAbsence
    } else if x < profile.unacceptable + profile.acceptable {
        ContactOutcome::AcceptableAbsence
    } else {
        ContactOutcome::Attended
    }
}
