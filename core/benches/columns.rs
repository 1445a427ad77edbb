//! The columnar engine (issue 17): allocation + 2021 tier over 1,000,000 rows of columns, against the per-case
//! engines on the same rows' flat inputs (what the binding did before), one thread.
//!
//! Run briefly: `cargo bench -p probation-core --bench columns -- --warm-up-time 1 --measurement-time 5`.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "benchmark code"
)]

#[path = "support/column_table.rs"]
#[allow(dead_code, reason = "shared with the differential test")]
mod column_table;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use probation_core::allocation::{AllocationPolicy, Calendar, allocate_facts};
use probation_core::columns::{Want, assess};
use probation_core::tier;

const N: usize = 1_000_000;

fn bench(c: &mut Criterion) {
    let t = column_table::bench_table(N);
    let on = NaiveDate::from_ymd_opt(2016, 6, 1);
    let (policy, cal) = (
        AllocationPolicy::default_policy(),
        Calendar::england_and_wales(),
    );
    let alloc_and_2021 = Want {
        allocation: true,
        tier: true,
        tier_2026: false,
    };
    let mut g = c.benchmark_group("columns");
    g.throughput(Throughput::Elements(N as u64));
    g.sample_size(10);
    g.bench_function("allocation_and_2021_tier_1m", |b| {
        b.iter(|| assess(black_box(t.columns(on)), alloc_and_2021, &policy, &cal).unwrap())
    });
    g.bench_function("allocation_and_both_tiers_1m", |b| {
        b.iter(|| {
            assess(
                black_box(t.columns(on)),
                Want {
                    allocation: true,
                    tier: true,
                    tier_2026: true,
                },
                &policy,
                &cal,
            )
            .unwrap()
        })
    });
    let cols = t.columns(on);
    let rows: Vec<_> = (0..N)
        .map(|i| {
            (
                cols.allocation_facts(i).unwrap(),
                cols.tier_inputs(i).unwrap(),
            )
        })
        .collect();
    g.bench_function("per_case_allocation_and_2021_tier_1m", |b| {
        b.iter(|| {
            for (a, ti) in &rows {
                black_box(allocate_facts(a, &policy, &cal).unwrap());
                black_box(tier::calculate(ti).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
