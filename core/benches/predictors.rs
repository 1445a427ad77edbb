//! OGRS3 and ARP on flat inputs: the issue-16 budgets are OGRS3 ≥ 20 M scores/s and ARP ≥ 5 M scores/s on one
//! core. Run briefly: `cargo bench -p probation-core --bench predictors -- --warm-up-time 1 --measurement-time 3`.
//!
//! What each benchmark computes, per row of 4,096 (the figure is rows per second):
//! - `ogrs3`: the explained per-case score from a built `Ogrs3Input` (percentages, probabilities, band, every
//!   term, the rules that fired);
//! - `ogrs3_percentages`: the per-case score without the explanation (1- and 2-year percentages and
//!   probabilities, band, logit total);
//! - `ogrs3_columns`: the same full score as `ogrs3_percentages`, for every row of flat columns (dates as day
//!   numbers, codes as numbers) into a caller's slice — validation included;
//! - `arp static` / `arp dynamic`: the explained per-case ARP (score, band, kind, missing answers, every term);
//! - `arp_columns static` / `arp_columns dynamic`: the full ARP score for every row of flat columns (score,
//!   probability, band, static or dynamic, missing and inconsistent answers, ages, offence-free months), as
//!   `arp` gives them, without the per-term explanation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "bench code"
)]

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use probation_core::model::Sex;
use probation_core::predictors::batch::{
    ArpColumns, Ogrs3Columns, arp_columns, day_number, ogrs3_code, ogrs3_columns,
};
use probation_core::predictors::{
    ActuarialCategory, ArpInput, DynamicAnswers, Ogrs3Input, ProblemLevel, RelationshipStatus, arp,
    ogrs3, ogrs3_percentages,
};

const N: usize = 4096;
const CODES: [&str; 8] = [
    "00100", "02400", "09201", "04900", "05300", "03300", "00806", "01400",
];
const CATS: [ActuarialCategory; 6] = [
    ActuarialCategory::TheftNonMotor,
    ActuarialCategory::BurglaryDomestic,
    ActuarialCategory::DrugPossessionOrSupply,
    ActuarialCategory::ViolenceAgainstThePersonSubAbh,
    ActuarialCategory::FraudAndForgery,
    ActuarialCategory::CriminalDamage,
];

/// A fixed pseudo-random walk, so every run measures the same inputs.
fn rng() -> impl FnMut() -> u64 {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    }
}

fn ogrs3_inputs() -> Vec<Ogrs3Input> {
    let mut r = rng();
    let base = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
    (0..N)
        .map(|i| {
            let dob = base + Days::new(r() % 18_000);
            let age = 18 + r() % 50;
            let conv = dob + Days::new(age * 365 + 200);
            Ogrs3Input {
                sex: if i % 5 == 0 { Sex::Female } else { Sex::Male },
                date_of_birth: dob,
                conviction_date: conv,
                follow_up_start: conv + Days::new(r() % 700),
                total_sanctions: 1 + (r() % 40) as u32,
                age_at_first_sanction: 10 + (r() % 8) as u32,
                offence_code: CODES[i % CODES.len()].to_string(),
            }
        })
        .collect()
}

fn arp_inputs(dynamic: bool) -> Vec<ArpInput> {
    let mut r = rng();
    let base = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
    let levels = [
        ProblemLevel::NoProblems,
        ProblemLevel::SomeProblems,
        ProblemLevel::SignificantProblems,
    ];
    (0..N)
        .map(|i| {
            let dob = base + Days::new(r() % 18_000);
            let age = 18 + r() % 50;
            let conv = dob + Days::new(age * 365 + 200);
            let l = || levels[i % 3];
            ArpInput {
                assessment_date: conv + Days::new(r() % 1500),
                date_of_birth: dob,
                conviction_date: conv,
                follow_up_start: None,
                sex: if i % 5 == 0 { Sex::Female } else { Sex::Male },
                age_at_first_sanction: 10 + (r() % 8) as u32,
                total_sanctions: 1 + (r() % 40) as u32,
                actuarial_category: CATS[i % CATS.len()],
                dynamic: if dynamic {
                    DynamicAnswers {
                        suitability_of_accommodation: Some(l()),
                        is_unemployed: Some(i % 2 == 0),
                        current_relationship_with_partner: Some(l()),
                        evidence_of_domestic_abuse: Some(i % 3 == 0),
                        current_relationship_status: Some(RelationshipStatus::LivingTogether),
                        regular_offending_activities: Some(l()),
                        current_alcohol_use_problems: Some(l()),
                        excessive_alcohol_use: Some(l()),
                        impulsivity_problems: Some(l()),
                        pro_criminal_attitudes: Some(l()),
                        ..DynamicAnswers::default()
                    }
                } else {
                    DynamicAnswers::default()
                },
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("predictors");
    g.throughput(Throughput::Elements(N as u64));
    let o = ogrs3_inputs();
    assert!(o.iter().all(|i| ogrs3(i).is_ok()));
    g.bench_function("ogrs3 x4096", |b| {
        b.iter(|| {
            let mut s = 0u32;
            for i in &o {
                s += u32::from(ogrs3(black_box(i)).map_or(0, |r| r.two_year));
            }
            s
        });
    });
    g.bench_function("ogrs3_percentages x4096", |b| {
        b.iter(|| {
            let mut s = 0u32;
            for i in &o {
                s += u32::from(ogrs3_percentages(black_box(i)).map_or(0, |r| r.two_year));
            }
            s
        });
    });
    let sex: Vec<Sex> = o.iter().map(|i| i.sex).collect();
    let dob: Vec<i32> = o.iter().map(|i| day_number(i.date_of_birth)).collect();
    let conv: Vec<i32> = o.iter().map(|i| day_number(i.conviction_date)).collect();
    let fu: Vec<i32> = o.iter().map(|i| day_number(i.follow_up_start)).collect();
    let total: Vec<u32> = o.iter().map(|i| i.total_sanctions).collect();
    let first: Vec<u32> = o.iter().map(|i| i.age_at_first_sanction).collect();
    let code: Vec<u32> = o.iter().map(|i| ogrs3_code(&i.offence_code)).collect();
    let cols = Ogrs3Columns {
        sex: &sex,
        date_of_birth: &dob,
        conviction_date: &conv,
        follow_up_start: &fu,
        total_sanctions: &total,
        age_at_first_sanction: &first,
        offence_code: &code,
    };
    let mut out = vec![Err(probation_core::predictors::Ogrs3Error::SexNotSpecified); N];
    ogrs3_columns(&cols, &mut out).unwrap();
    assert!(out.iter().zip(&o).all(|(r, i)| *r == ogrs3_percentages(i)));
    g.bench_function("ogrs3_columns x4096", |b| {
        b.iter(|| {
            ogrs3_columns(black_box(&cols), &mut out).unwrap();
            out.iter()
                .map(|r| r.map_or(0, |s| u32::from(s.two_year)))
                .sum::<u32>()
        });
    });
    for (name, columns, dynamic) in [
        ("arp static x4096", "arp_columns static x4096", false),
        ("arp dynamic x4096", "arp_columns dynamic x4096", true),
    ] {
        let a = arp_inputs(dynamic);
        let assessment: Vec<i32> = a.iter().map(|i| day_number(i.assessment_date)).collect();
        let dob: Vec<i32> = a.iter().map(|i| day_number(i.date_of_birth)).collect();
        let conv: Vec<i32> = a.iter().map(|i| day_number(i.conviction_date)).collect();
        let sex: Vec<Sex> = a.iter().map(|i| i.sex).collect();
        let first: Vec<u32> = a.iter().map(|i| i.age_at_first_sanction).collect();
        let total: Vec<u32> = a.iter().map(|i| i.total_sanctions).collect();
        let cat: Vec<ActuarialCategory> = a.iter().map(|i| i.actuarial_category).collect();
        let answers: Vec<DynamicAnswers> = a.iter().map(|i| i.dynamic).collect();
        let cols = ArpColumns {
            assessment_date: &assessment,
            date_of_birth: &dob,
            conviction_date: &conv,
            follow_up_start: &[],
            sex: &sex,
            age_at_first_sanction: &first,
            total_sanctions: &total,
            actuarial_category: &cat,
            dynamic: &answers,
        };
        let mut out = vec![Err(probation_core::predictors::ArpError::SexNotSpecified); N];
        arp_columns(&cols, &mut out).unwrap();
        assert!(out.iter().zip(&a).all(|(r, i)| {
            let s = arp(i).unwrap();
            let f = r.unwrap();
            (f.score, f.band, f.kind, f.total) == (s.score, s.band, s.kind, s.terms.total)
        }));
        g.bench_function(columns, |b| {
            b.iter(|| {
                arp_columns(black_box(&cols), &mut out).unwrap();
                out.iter().map(|r| r.map_or(0.0, |s| s.score)).sum::<f64>()
            });
        });
        assert!(a.iter().all(|i| arp(i).is_ok()));
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut s = 0.0f64;
                for i in &a {
                    s += arp(black_box(i)).map_or(0.0, |r| r.score);
                }
                s
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
