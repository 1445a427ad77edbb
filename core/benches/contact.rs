//! Contact schedule and compliance speed (issue 4 targets: the schedule of a 12-month community order ≤ 5 µs;
//! compliance over 50 contacts ≤ 5 µs). Figures are recorded in `docs/benchmarks.md` under `## contacts`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs,
    reason = "benchmark code"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use probation_core::calendar::Calendar;
use probation_core::contact::{ContactPolicy, compliance, schedule};

#[path = "support/contact_case.rs"]
mod contact_case;

fn bench(c: &mut Criterion) {
    let cal = Calendar::england_and_wales();
    let case = contact_case::case();
    for name in ContactPolicy::PRESETS {
        let policy = ContactPolicy::preset(name).unwrap();
        c.bench_function(&format!("schedule 12-month CO {name}"), |b| {
            b.iter(|| schedule(black_box(&case), black_box(&policy), &cal).unwrap())
        });
    }

    let busy = contact_case::busy(&case);
    let as_of = contact_case::as_of();
    for name in ContactPolicy::PRESETS {
        let policy = ContactPolicy::preset(name).unwrap();
        c.bench_function(&format!("compliance 50 contacts {name}"), |b| {
            b.iter(|| compliance(black_box(&busy), black_box(&policy), &cal, as_of).unwrap())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
