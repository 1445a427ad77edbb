//! Registrations and assessments: RoSH, RSR, OGRS, MAPPA, other registers, OASys needs, women's factors.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::person::Profile;
use super::rng::Rng;
use super::{AS_OF, date_between, plus, ymd};
use crate::model::{
    Answer, Assessment, AssessmentKind, CustodyKind, Event, NeedArea, NeedSeverity, RegisterCode,
    Registration, RoshByGroup, RoshLevel, Sentence, Sex, WomensFactors,
};

/// What the risk step made, and the facts the provider step needs from it.
pub(crate) struct Risk {
    pub(crate) registrations: Vec<Registration>,
    pub(crate) assessments: Vec<Assessment>,
    pub(crate) mappa: bool,
    /// An `RPIR` or `RTAO` registration.
    pub(crate) nps_flag: bool,
    /// RSR of the first assessment (0 when none).
    pub(crate) rsr_at_allocation: f64,
}

/// Register codes this library does not interpret; real data has many. They must be kept as given.
const UNKNOWN_CODES: &[&str] = &["WRSM", "RLRS", "AVIS", "NCSD", "RDHX"];

/// Other registers and their chance per case, per mille.
const OTHER_REGISTERS: &[(RegisterCode, u32)] = &[
    (RegisterCode::Advp, 120),
    (RegisterCode::Reg30, 60),
    (RegisterCode::Spo, 15),
    (RegisterCode::Rcpr, 40),
    (RegisterCode::Iiom, 60),
    (RegisterCode::Rmdo, 60),
    (RegisterCode::Alsh, 40),
    (RegisterCode::Rvln, 30),
    (RegisterCode::Rcco, 20),
    (RegisterCode::Rchd, 20),
    (RegisterCode::Rpir, 5),
    (RegisterCode::Rvad, 10),
    (RegisterCode::Strg, 20),
    (RegisterCode::Rtao, 4),
    (RegisterCode::Prc, 8),
    (RegisterCode::Hreg, 10),
];

fn step_down(l: RoshLevel) -> RoshLevel {
    match l {
        RoshLevel::Low | RoshLevel::Medium => RoshLevel::Low,
        RoshLevel::High => RoshLevel::Medium,
        RoshLevel::VeryHigh => RoshLevel::High,
    }
}

fn rosh_code(l: RoshLevel) -> RegisterCode {
    match l {
        RoshLevel::Low => RegisterCode::Rlrh,
        RoshLevel::Medium => RegisterCode::Rmrh,
        RoshLevel::High => RegisterCode::Rhrh,
        RoshLevel::VeryHigh => RegisterCode::Rvhr,
    }
}

pub(crate) fn risk(rng: &mut Rng, profile: &mut Profile, events: &[Event]) -> Risk {
    let first = events.first().map_or(AS_OF, |e| e.sentence_date);
    let custody = events.iter().any(|e| e.sentence.is_custodial());
    let life = events.iter().any(|e| {
        matches!(
            e.sentence,
            Sentence::Custody {
                kind: CustodyKind::Life,
                ..
            }
        )
    });
    let rosh_mix: &[(RoshLevel, u32)] = if custody {
        &[
            (RoshLevel::Low, 300),
            (RoshLevel::Medium, 530),
            (RoshLevel::High, 140),
            (RoshLevel::VeryHigh, 30),
        ]
    } else {
        &[
            (RoshLevel::Low, 480),
            (RoshLevel::Medium, 440),
            (RoshLevel::High, 65),
            (RoshLevel::VeryHigh, 12),
        ]
    };
    let rosh = rng.weighted(rosh_mix).unwrap_or(RoshLevel::Medium);
    profile.rosh = rosh;

    // Assessments: the first around sentence (pre-sentence report), then reviews; earlier ones sometimes one
    // step lower than the newest.
    let n = rng
        .weighted(&[(0u32, 110), (1, 500), (2, 280), (3, 110)])
        .unwrap_or(1);
    let mut dates = Vec::new();
    let mut d = date_between(rng, super::minus(first, 30), plus(first, 20));
    for _ in 0..n {
        if d > AS_OF {
            break;
        }
        dates.push(d);
        d = plus(d, rng.range(180, 500));
    }
    let mut assessments = Vec::new();
    let mut registrations: Vec<Registration> = Vec::new();
    let count = dates.len();
    let mut previous_rosh: Option<(usize, RoshLevel)> = None;
    let mut rsr_at_allocation = 0.0;
    for (i, date) in dates.into_iter().enumerate() {
        let newest = i + 1 == count;
        let level = if newest || !rng.chance(250) {
            rosh
        } else {
            step_down(rosh)
        };
        let a = assessment(rng, profile, date, level, custody);
        if i == 0 {
            rsr_at_allocation = a.rsr.unwrap_or(0.0);
        }
        // A RoSH register follows each change of level; the previous one is deregistered.
        if previous_rosh.is_none_or(|(_, l)| l != level) {
            if let Some((idx, _)) = previous_rosh
                && let Some(r) = registrations.get_mut(idx)
            {
                r.deregistered = Some(date);
            }
            let on = plus(date, rng.range(0, 7));
            registrations.push(Registration::new(rosh_code(level), on));
            previous_rosh = Some((registrations.len() - 1, level));
        }
        assessments.push(a);
    }
    if count == 0 && rng.chance(500) {
        registrations.push(Registration::new(
            rosh_code(rosh),
            plus(first, rng.range(0, 14)),
        ));
    }

    // MAPPA: mostly the high-risk cases.
    let mappa_chance = match rosh {
        RoshLevel::VeryHigh => 600,
        RoshLevel::High => 250,
        RoshLevel::Medium => 30,
        RoshLevel::Low => 10,
    };
    let mappa = rng.chance(mappa_chance) || life;
    if mappa {
        let on = date_between(rng, first, plus(first, 60));
        let mut category = rng
            .weighted(&[("M1", 500), ("M2", 400), ("M3", 80), ("M4", 20)])
            .unwrap_or("M2");
        if category == "M4" && on < ymd(2022, 1, 1) {
            category = "M3";
        }
        let level_mix: &[(&str, u32)] = if rosh == RoshLevel::VeryHigh {
            &[("M1", 300), ("M2", 500), ("M3", 200)]
        } else {
            &[("M1", 750), ("M2", 220), ("M3", 30)]
        };
        let level = rng.weighted(level_mix).unwrap_or("M1");
        let mut r = Registration::new(RegisterCode::Mapp, on);
        // A few real MAPPA registrations have no level recorded: kept, and ignored by tiering.
        r.level = (!rng.chance(30)).then(|| level.to_owned());
        r.category = Some(category.to_owned());
        registrations.push(r);
    }
    if life {
        registrations.push(Registration::new(RegisterCode::Inll, first));
    }

    let mut nps_flag = false;
    for (code, chance) in OTHER_REGISTERS {
        if rng.chance(*chance) {
            let on = date_between(rng, first, AS_OF);
            let mut r = Registration::new(code.clone(), on);
            if rng.chance(200) {
                let off = plus(on, rng.range(60, 900));
                r.deregistered = (off <= AS_OF).then_some(off);
            }
            nps_flag |=
                matches!(code, RegisterCode::Rpir | RegisterCode::Rtao) && r.deregistered.is_none();
            registrations.push(r);
        }
    }
    if rng.chance(25) {
        let code = rng.pick(UNKNOWN_CODES).copied().unwrap_or("WRSM");
        registrations.push(Registration::new(
            RegisterCode::from_code(code),
            date_between(rng, first, AS_OF),
        ));
    }
    registrations.sort_by_key(|r| r.registered);
    Risk {
        registrations,
        assessments,
        mappa,
        nps_flag,
        rsr_at_allocation,
    }
}

fn at_most(rng: &mut Rng, level: RoshLevel) -> RoshLevel {
    let all = [
        RoshLevel::Low,
        RoshLevel::Medium,
        RoshLevel::High,
        RoshLevel::VeryHigh,
    ];
    let options: Vec<RoshLevel> = all.into_iter().filter(|l| *l <= level).collect();
    rng.pick(&options).copied().unwrap_or(RoshLevel::Low)
}

fn assessment(
    rng: &mut Rng,
    profile: &Profile,
    date: NaiveDate,
    level: RoshLevel,
    custody: bool,
) -> Assessment {
    let mut a = Assessment::new(date);
    if date >= ymd(2024, 4, 1) && rng.chance(400) {
        a.kind = AssessmentKind::San;
    }
    // One of public / known adult carries the overall level; the other groups are at most that.
    let mut rosh = RoshByGroup {
        children: Some(at_most(rng, level)),
        public: Some(at_most(rng, level)),
        known_adult: Some(at_most(rng, level)),
        staff: Some(at_most(rng, level.min(RoshLevel::Medium))),
        prisoners: (custody && rng.chance(500)).then(|| at_most(rng, level)),
    };
    if rng.chance(600) {
        rosh.public = Some(level);
    } else {
        rosh.known_adult = Some(level);
    }
    a.rosh = rosh;
    let (lo, hi) = match level {
        RoshLevel::Low => (0, 450),
        RoshLevel::Medium => (80, 900),
        RoshLevel::High => (300, 2000),
        RoshLevel::VeryHigh => (500, 3500),
    };
    a.rsr = rng
        .chance(920)
        .then(|| f64::from(rng.range(lo, hi)) / 100.0);
    a.ogrs = rng
        .chance(900)
        .then(|| f64::from(rng.range(20, 990)) / 10.0);
    let style = rng
        .weighted(&[(0u8, 650), (1, 250), (2, 50), (3, 50)])
        .unwrap_or(0);
    if matches!(style, 0 | 2) {
        for &area in NeedArea::ALL {
            if rng.chance(750) {
                let sev = rng
                    .weighted(&[
                        (NeedSeverity::NoNeed, 450),
                        (NeedSeverity::Standard, 400),
                        (NeedSeverity::Severe, 150),
                    ])
                    .unwrap_or(NeedSeverity::NoNeed);
                a.needs.insert(area, sev);
            }
        }
    }
    if matches!(style, 1 | 2) {
        a.section_answers = section_answers(rng);
    }
    if profile.sex == Sex::Female && rng.chance(800) {
        a.womens_factors = Some(WomensFactors {
            parenting_responsibilities: rng.chance(400),
            impulsivity: u8::try_from(rng.range(0, 2)).unwrap_or(0),
            temper_control: u8::try_from(rng.range(0, 2)).unwrap_or(0),
            breach_or_recall_last_12_months: rng.chance(150),
        });
    }
    a
}

/// Raw OASys answers for the scored sections, in the answer style each section uses; a few missing.
fn section_answers(rng: &mut Rng) -> BTreeMap<NeedArea, Vec<Option<Answer>>> {
    use Answer::*;
    let styles: &[(NeedArea, &[Answer])] = &[
        (NeedArea::Accommodation, &[No, No, Yes, Some, Significant]),
        (
            NeedArea::EducationTrainingEmployability,
            &[None, Some, Significant, No, Yes],
        ),
        (NeedArea::Relationships, &[None, None, Some, Significant]),
        (NeedArea::LifestyleAssociates, &[None, Some, Significant]),
        (NeedArea::DrugMisuse, &[Never, Never, Previous, Currently]),
        (
            NeedArea::AlcoholMisuse,
            &[None, Some, Significant, Never, Previous, Currently],
        ),
        (
            NeedArea::ThinkingBehaviour,
            &[None, Some, Some, Significant],
        ),
        (NeedArea::Attitudes, &[None, Some, Significant]),
    ];
    let mut out = BTreeMap::new();
    for (area, answers) in styles {
        if !rng.chance(800) {
            continue;
        }
        let n = rng.range(3, 7);
        let list = (0..n)
            .map(|_| {
                if rng.chance(50) {
                    Option::None
                } else if rng.chance(20) {
                    Option::Some(Unknown)
                } else {
                    rng.pick(answers).copied()
                }
            })
            .collect();
        out.insert(*area, list);
    }
    out
}
