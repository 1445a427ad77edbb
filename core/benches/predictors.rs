//! OGRS3 and ARP on flat inputs (the input structs, already built): the issue-16 budgets are OGRS3 ≥ 20 M scores/s
//! and ARP ≥ 5 M scores/s on one core. Run briefly: `cargo bench -p probation-core --bench predictors --
//! --warm-up-time 1 --measurement-time 3`.
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
    for (name, dynamic) in [("arp static x4096", false), ("arp dynamic x4096", true)] {
        let a = arp_inputs(dynamic);
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
