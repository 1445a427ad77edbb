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
use column_table::{Owned, Table};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use probation_core::allocation::{AllocationPolicy, Calendar, allocate_facts};
use probation_core::columns::{Input, NO_CODE, Want, assess};
use probation_core::tier;

const N: usize = 1_000_000;

fn table() -> Table {
    let mut t = Table::new(N, 1);
    if let Owned::U8(h) = t.col(Input::HomeArea) {
        h.iter_mut().filter(|h| **h == NO_CODE).for_each(|h| *h = 0);
    }
    for i in 0..N {
        t.clear_scores(i); // keep every row valid (scores NaN); the bands are exercised by the test
        if i % 3 == 0 {
            if let Owned::F64(v) = t.col(Input::Rsr) {
                v[i] = (i % 10_000) as f64 / 100.0;
            }
            if let Owned::F64(v) = t.col(Input::Ogrs) {
                v[i] = (i % 9_973) as f64 / 100.0;
            }
        }
    }
    t
}

fn bench(c: &mut Criterion) {
    let t = table();
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
