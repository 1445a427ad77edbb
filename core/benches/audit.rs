//! Audit cost (issue 19): one synthetic case with 10 recorded decisions (target ≤ 20 µs), and a mix of 1,024
//! audited synthetic cases.
//!
//! Run briefly: `cargo bench -p probation-core --bench audit -- --warm-up-time 1 --measurement-time 3`.
#![allow(missing_docs, reason = "benchmark binary")]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "benchmark code")]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use probation_core::audit::{AuditOptions, audit_with};
use probation_core::calendar::Calendar;
use probation_core::synth::{self, decisions};

fn bench(c: &mut Criterion) {
    let options = AuditOptions::standard().unwrap();
    let calendar = Calendar::england_and_wales();
    let g = synth::Generator::new(2026);
    let audited: Vec<_> = (0..1024)
        .map(|i| {
            let mut case = g.case(i);
            decisions::record(&mut case, 2026, i, 20, &options, &calendar).unwrap();
            case
        })
        .collect();
    // The first case whose audit re-runs exactly 10 recorded decisions.
    let ten = audited
        .iter()
        .find(|c| {
            audit_with(c, synth::AS_OF, &options, &calendar)
                .unwrap()
                .checked
                == 10
        })
        .expect("a case with 10 decisions");
    c.bench_function("audit/case_with_10_decisions", |b| {
        b.iter(|| audit_with(black_box(ten), synth::AS_OF, &options, &calendar).unwrap());
    });
    let mut group = c.benchmark_group("audit");
    group.throughput(Throughput::Elements(audited.len() as u64));
    group.bench_function("1024_synthetic_cases", |b| {
        b.iter(|| {
            for case in &audited {
                black_box(audit_with(case, synth::AS_OF, &options, &calendar).unwrap());
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
