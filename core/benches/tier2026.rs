//! 2026 tier throughput (issue 13): on flat `Tier2026Inputs` (target ≥ 20,000,000 cases/s on one core) and on
//! whole cases, both tiers, 4,096 cases (target ≥ 5,000,000 cases/s).
//!
//! Run briefly: `cargo bench -p probation-core --bench tier2026 -- --warm-up-time 1 --measurement-time 3`.
#![allow(missing_docs, reason = "benchmark binary")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "benchmark code"
)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use probation_core::model::{Case, Predictor, PredictorBand, PredictorKind, Predictors};
use probation_core::synth;
use probation_core::tier::tier;
use probation_core::tier2026::{Tier2026Inputs, calculate, tier_2026, tiers};

const N: usize = 4096;

/// Synthetic cases with OGRS4-family predictors on every assessment (the generator predates them): ARP from the
/// OGRS, CSRP from the RSR, a DC-SRP band on every seventh case, static or dynamic alternating.
fn cases() -> Vec<Case> {
    let bands = [
        PredictorBand::NotApplicable,
        PredictorBand::Low,
        PredictorBand::High,
        PredictorBand::VeryHigh,
    ];
    let mut cases = synth::generate(2026, N);
    for (i, c) in cases.iter_mut().enumerate() {
        let kind = if i % 3 == 0 {
            PredictorKind::Static
        } else {
            PredictorKind::Dynamic
        };
        for a in &mut c.assessments {
            a.predictors = Some(Predictors {
                arp: Some(Predictor {
                    score: a.ogrs.unwrap_or(30.0).min(99.99),
                    kind: Some(kind),
                    band: None,
                }),
                csrp: Some(Predictor {
                    score: a.rsr.unwrap_or(1.0).min(99.99),
                    kind: Some(kind),
                    band: None,
                }),
                dc_srp: (i % 7 == 0).then(|| Predictor {
                    score: 1.5,
                    kind: None,
                    band: Some(bands[i % 4]),
                }),
                ..Predictors::default()
            });
        }
    }
    cases
}

fn bench(c: &mut Criterion) {
    let cases = cases();
    let ons: Vec<NaiveDate> = cases
        .iter()
        .map(|c| c.events.iter().map(|e| e.sentence_date).max().unwrap())
        .collect();
    let inputs: Vec<Tier2026Inputs> = cases
        .iter()
        .zip(&ons)
        .map(|(c, on)| Tier2026Inputs::from_case(c, *on))
        .collect();

    let mut g = c.benchmark_group("tier2026");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("calculate on flat inputs", |b| {
        b.iter(|| {
            for t in &inputs {
                black_box(calculate(black_box(t)).unwrap());
            }
        })
    });
    g.bench_function("tier_2026 per case", |b| {
        b.iter(|| {
            for (case, on) in cases.iter().zip(&ons) {
                black_box(tier_2026(case, *on).unwrap());
            }
        })
    });
    g.bench_function("tiers (2021 + 2026) per case", |b| {
        b.iter(|| {
            for (case, on) in cases.iter().zip(&ons) {
                black_box(tiers(case, *on).unwrap());
            }
        })
    });
    g.bench_function("tier (2021) per case", |b| {
        b.iter(|| {
            for (case, on) in cases.iter().zip(&ons) {
                black_box(tier(case, *on).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
