//! Events, sentences and requirements, inside every statutory limit that validation checks.

use chrono::NaiveDate;

use super::person::Profile;
use super::rng::Rng;
use super::{AS_OF, LAST_SENTENCE, date_between, minus, plus};
use crate::model::{CustodyKind, Event, Length, Requirement, RequirementKind, Sentence};
use crate::validate::PCSC_CURFEW_FROM;

#[derive(Debug, Clone, Copy)]
enum Kind {
    Community,
    Suspended,
    Custody,
}

pub(crate) fn events(rng: &mut Rng, profile: &Profile, first_sentence: NaiveDate) -> Vec<Event> {
    let n = rng.weighted(&[(1u32, 700), (2, 220), (3, 80)]).unwrap_or(1);
    let mut events = Vec::new();
    let mut sentence_date = first_sentence;
    for i in 0..n {
        if i > 0 {
            sentence_date = plus(sentence_date, rng.range(120, 1400));
            if sentence_date > LAST_SENTENCE {
                break;
            }
        }
        events.push(event(rng, profile, sentence_date));
    }
    events
}

fn event(rng: &mut Rng, profile: &Profile, sentence_date: NaiveDate) -> Event {
    let kind = rng
        .weighted(&[
            (Kind::Community, 450),
            (Kind::Suspended, 200),
            (Kind::Custody, 350),
        ])
        .unwrap_or(Kind::Community);
    let gap = rng.weighted(&[(0, 450), (14, 350), (42, 200)]).unwrap_or(0);
    let conviction = minus(sentence_date, rng.range(0, gap));
    let conviction_date = (conviction != sentence_date || rng.chance(300)).then_some(conviction);
    let offence_date = minus(conviction, rng.range(7, 540));
    let allocation_date = rng
        .chance(900)
        .then(|| plus(sentence_date, rng.range(0, 3)));
    let (sentence, natural_end) = match kind {
        Kind::Community => community_order(rng, profile, conviction, sentence_date),
        Kind::Suspended => suspended(rng, profile, conviction, sentence_date),
        Kind::Custody => custody(rng, sentence_date),
    };
    let termination_date = termination(rng, sentence_date, natural_end);
    Event {
        offence_date,
        conviction_date,
        sentence_date,
        allocation_date,
        termination_date,
        sentence,
        offence_code: None,
        actuarial_category: None,
    }
}

/// Most finished orders are terminated on their natural end; some early (revoked, breached); some not yet
/// recorded. A few open ones end early.
fn termination(
    rng: &mut Rng,
    start: NaiveDate,
    natural_end: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let end = natural_end?;
    if end <= AS_OF {
        match rng.weighted(&[(0u8, 750), (1, 100), (2, 150)]).unwrap_or(0) {
            0 => Some(end),
            1 => Some(date_between(rng, plus(start, 30), end)),
            _ => None,
        }
    } else if rng.chance(50) {
        let to = if AS_OF > start { AS_OF } else { start };
        Some(date_between(rng, start, to))
    } else {
        None
    }
}

fn months(n: u32) -> Length {
    Length::months(u16::try_from(n).unwrap_or(12))
}

/// A length of `n` months, written in whole years when it divides and the court said so.
fn months_or_years(rng: &mut Rng, n: u32) -> Length {
    if n.is_multiple_of(12) && rng.chance(300) {
        Length::years(u16::try_from(n / 12).unwrap_or(1))
    } else {
        months(n)
    }
}

fn community_order(
    rng: &mut Rng,
    profile: &Profile,
    conviction: NaiveDate,
    start: NaiveDate,
) -> (Sentence, Option<NaiveDate>) {
    let m = rng
        .weighted(&[
            (6u32, 100),
            (9, 30),
            (12, 380),
            (18, 200),
            (24, 200),
            (36, 90),
        ])
        .unwrap_or(12);
    let length = months_or_years(rng, m);
    let n = rng
        .weighted(&[(1usize, 450), (2, 400), (3, 150)])
        .unwrap_or(1);
    let requirements = requirements(rng, profile, conviction, m, n);
    let end = length.end_date(start);
    (
        Sentence::CommunityOrder {
            length,
            requirements,
        },
        end,
    )
}

fn suspended(
    rng: &mut Rng,
    profile: &Profile,
    conviction: NaiveDate,
    start: NaiveDate,
) -> (Sentence, Option<NaiveDate>) {
    let (custodial_term, term_months) = if rng.chance(300) {
        let w = rng.range(3, 26);
        (
            Length {
                weeks: u16::try_from(w).unwrap_or(4),
                ..Length::default()
            },
            w / 4,
        )
    } else {
        let m = rng
            .weighted(&[
                (3u32, 80),
                (4, 100),
                (6, 250),
                (8, 120),
                (10, 60),
                (12, 200),
                (18, 110),
                (24, 80),
            ])
            .unwrap_or(6);
        (months_or_years(rng, m), m)
    };
    let op = [12u32, 18, 24]
        .into_iter()
        .filter(|&o| o >= term_months)
        .collect::<Vec<_>>();
    let op_months = rng.pick(&op).copied().unwrap_or(24);
    let operational_period = months_or_years(rng, op_months);
    let (supervision_period, requirements) = if rng.chance(900) {
        let sup = rng
            .weighted(&[(op_months, 600), (12.min(op_months), 250), (6, 150)])
            .unwrap_or(op_months);
        let n = rng
            .weighted(&[(1usize, 500), (2, 380), (3, 120)])
            .unwrap_or(1);
        (
            Some(months(sup)),
            requirements(rng, profile, conviction, sup, n),
        )
    } else {
        (None, Vec::new())
    };
    let end = operational_period.end_date(start);
    (
        Sentence::SuspendedSentenceOrder {
            custodial_term,
            operational_period,
            supervision_period,
            requirements,
        },
        end,
    )
}

const REQUIREMENTS: &[(RequirementKind, u32)] = &[
    (RequirementKind::UnpaidWork, 450),
    (RequirementKind::RehabilitationActivity, 450),
    (RequirementKind::Curfew, 150),
    (RequirementKind::Programme, 90),
    (RequirementKind::DrugRehabilitation, 70),
    (RequirementKind::AlcoholTreatment, 60),
    (RequirementKind::MentalHealthTreatment, 35),
    (RequirementKind::AlcoholAbstinenceMonitoring, 40),
    (RequirementKind::Exclusion, 30),
    (RequirementKind::ProhibitedActivity, 25),
    (RequirementKind::Residence, 20),
    (RequirementKind::ForeignTravelProhibition, 8),
    (RequirementKind::AttendanceCentre, 60),
];

/// `n` distinct requirements for an order (or supervision period) of `order_months` months.
fn requirements(
    rng: &mut Rng,
    profile: &Profile,
    conviction: NaiveDate,
    order_months: u32,
    n: usize,
) -> Vec<Requirement> {
    let young = profile.age_on(conviction) < 25;
    let mut out: Vec<Requirement> = Vec::new();
    let mut tries = 0;
    while out.len() < n && tries < 20 {
        tries += 1;
        let Some(kind) = rng.weighted(REQUIREMENTS) else {
            break;
        };
        if out.iter().any(|r| r.kind == kind)
            || (kind == RequirementKind::AttendanceCentre && !young)
        {
            continue;
        }
        out.push(requirement(rng, kind, conviction, order_months));
        if kind == RequirementKind::Curfew && rng.chance(750) {
            let length = out.last().and_then(|c| c.length);
            out.push(Requirement {
                length,
                ..Requirement::new(RequirementKind::ElectronicMonitoring)
            });
        }
    }
    if out.is_empty() {
        out.push(Requirement::rar(rng.range(5, 30).try_into().unwrap_or(10)));
    }
    out
}

fn u16_of(n: u32) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn requirement(
    rng: &mut Rng,
    kind: RequirementKind,
    conviction: NaiveDate,
    order_months: u32,
) -> Requirement {
    let mut r = Requirement::new(kind);
    match kind {
        RequirementKind::UnpaidWork => {
            let h = if rng.chance(700) {
                rng.pick(&[
                    40u32, 60, 60, 80, 80, 100, 100, 120, 120, 150, 150, 180, 200, 240, 250, 300,
                ])
                .copied()
                .unwrap_or(100)
            } else {
                rng.range(40, 300)
            };
            r.hours = Some(u16_of(h));
        }
        RequirementKind::RehabilitationActivity => {
            let d = rng
                .pick(&[5u32, 10, 10, 15, 15, 20, 20, 25, 30, 40, 60])
                .copied()
                .unwrap_or(15);
            r.days = Some(u16_of(d));
        }
        RequirementKind::Programme => {
            r.days = rng.chance(600).then(|| u16_of(rng.range(10, 40)));
        }
        RequirementKind::Curfew => {
            let pcsc = conviction >= PCSC_CURFEW_FROM;
            let max_h = if pcsc { 20 } else { 16 };
            let h = if rng.chance(800) {
                rng.range(7, 12)
            } else {
                rng.range(2, max_h)
            };
            let mut days_per_week = rng.chance(100).then(|| rng.range(3, 6));
            let per_week = h * days_per_week.unwrap_or(7);
            if pcsc && per_week > 112 {
                days_per_week = Some(112 / h);
            }
            r.hours_per_day = u8::try_from(h).ok();
            r.days_per_week = days_per_week.and_then(|d| u8::try_from(d).ok());
            let max_months = if pcsc { 24 } else { 12 }.min(order_months.max(1));
            r.length = Some(if rng.chance(250) {
                Length {
                    weeks: u16_of(rng.range(2, 4 * max_months.min(6))),
                    ..Length::default()
                }
            } else {
                months(rng.range(1, max_months))
            });
        }
        RequirementKind::Exclusion => {
            r.length = Some(months(rng.range(3, order_months.clamp(3, 12))))
        }
        RequirementKind::AlcoholAbstinenceMonitoring => {
            r.length = Some(Length::days(u16_of(rng.range(14, 120))))
        }
        RequirementKind::AttendanceCentre => r.hours = Some(u16_of(rng.range(12, 36))),
        _ => {
            if rng.chance(500) {
                r.length = Some(months(rng.range(3, order_months.clamp(3, 12))));
            }
        }
    }
    r
}

fn custody(rng: &mut Rng, start: NaiveDate) -> (Sentence, Option<NaiveDate>) {
    let kind = rng
        .weighted(&[
            (CustodyKind::StandardDeterminate, 930),
            (CustodyKind::Extended, 45),
            (CustodyKind::Life, 25),
        ])
        .unwrap_or_default();
    let length = match kind {
        CustodyKind::StandardDeterminate => {
            match rng.weighted(&[(0u8, 300), (1, 500), (2, 200)]).unwrap_or(1) {
                0 => Length {
                    weeks: u16_of(rng.range(2, 26)),
                    ..Length::default()
                },
                1 => months(rng.range(6, 48)),
                _ => Length::years(u16_of(rng.range(2, 10))),
            }
        }
        CustodyKind::Extended => Length::years(u16_of(rng.range(4, 16))),
        CustodyKind::Life => Length::years(u16_of(rng.range(8, 20))),
    };
    let days = length.days_from(start).unwrap_or(1);
    let remand_days = if rng.chance(400) {
        rng.range(1, (days / 2).clamp(1, 365))
    } else {
        0
    };
    let tagged_bail_days = if rng.chance(100) {
        rng.range(1, 60).min(days / 4)
    } else {
        0
    };
    let credit = remand_days + tagged_bail_days;
    // Release at the halfway point (two thirds for extended sentences; a life tariff's end), less credit,
    // sometimes earlier on home detention curfew.
    let served = match kind {
        CustodyKind::StandardDeterminate => days.div_ceil(2),
        CustodyKind::Extended => (2 * days).div_ceil(3),
        CustodyKind::Life => days,
    };
    let hdc = if kind == CustodyKind::StandardDeterminate && days >= 84 && rng.chance(250) {
        rng.range(14, 135).min(served / 4)
    } else {
        0
    };
    let release = plus(
        start,
        served
            .saturating_sub(1)
            .saturating_sub(credit)
            .saturating_sub(hdc),
    );
    let released = release <= AS_OF && (kind != CustodyKind::Life || rng.chance(300));
    let release_date = released.then_some(release);
    // Supervision ends at sentence expiry, or twelve months after the halfway point for short sentences
    // (post-sentence supervision); life licences do not end.
    let sed = plus(start, days.saturating_sub(1));
    let end = match kind {
        CustodyKind::Life => None,
        _ if released && days < 730 && days > 1 => {
            let tused = plus(start, served.saturating_sub(1) + 365);
            Some(if tused > sed { tused } else { sed })
        }
        _ => Some(sed),
    };
    let end = if released { end } else { None };
    (
        Sentence::Custody {
            length,
            kind,
            remand_days,
            tagged_bail_days,
            release_date,
        },
        end,
    )
}
