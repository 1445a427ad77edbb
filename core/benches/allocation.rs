//! Allocation + tier throughput on in-memory cases (target: ≥ 5,000,000 cases/s on one core).
//!
//! Run briefly: `cargo bench -p probation-core --bench allocation -- --warm-up-time 1 --measurement-time 3`.
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
use probation_core::allocation::{
    AllocationFacts, AllocationPolicy, Calendar, allocate, allocate_facts,
};
use probation_core::synth;
use probation_core::tier::{TierInputs, calculate, tier};

const N: usize = 4096;

fn bench(c: &mut Criterion) {
    let cases = synth::generate(2026, N);
    let policy = AllocationPolicy::default_policy();
    let calendar = Calendar::england_and_wales();
    // Each case on its newest sentence date (the CLI's default), so the deadline is always computed.
    let ons: Vec<NaiveDate> = cases
        .iter()
        .map(|c| c.events.iter().map(|e| e.sentence_date).max().unwrap())
        .collect();

    let mut g = c.benchmark_group("allocation_and_tier");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("allocate+tier per case", |b| {
        b.iter(|| {
            for (case, on) in cases.iter().zip(&ons) {
                black_box(allocate(case, *on, &policy, &calendar).unwrap());
                black_box(tier(case, *on).unwrap());
            }
        })
    });
    g.bench_function("allocate per case", |b| {
        b.iter(|| {
            for (case, on) in cases.iter().zip(&ons) {
                black_box(allocate(case, *on, &policy, &calendar).unwrap());
            }
        })
    });
    g.bench_function("tier per case", |b| {
        b.iter(|| {
            for (case, on) in cases.iter().zip(&ons) {
                black_box(tier(case, *on).unwrap());
            }
        })
    });
    let facts: Vec<AllocationFacts> = cases
        .iter()
        .zip(&ons)
        .map(|(c, on)| AllocationFacts::from_case(c, *on).unwrap())
        .collect();
    let inputs: Vec<TierInputs> = cases
        .iter()
        .zip(&ons)
        .map(|(c, on)| TierInputs::from_case(c, *on).unwrap())
        .collect();
    g.bench_function("allocate_facts+calculate on flat inputs", |b| {
        b.iter(|| {
            for (f, t) in facts.iter().zip(&inputs) {
                black_box(allocate_facts(f, &policy, &calendar).unwrap());
                black_box(calculate(t).unwrap());
            }
        })
    });
    g.finish();

    // The same work on a 256-case working set that stays in the core's cache: the compute cost alone.
    let hot = &cases[..256];
    let hot_ons = &ons[..256];
    let mut g = c.benchmark_group("allocation_and_tier_hot");
    g.throughput(Throughput::Elements(hot.len() as u64));
    g.bench_function("allocate+tier per case, 256 cached cases", |b| {
        b.iter(|| {
            for (case, on) in hot.iter().zip(hot_ons) {
                black_box(allocate(case, *on, &policy, &calendar).unwrap());
                black_box(tier(case, *on).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
