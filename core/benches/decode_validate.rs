//! Decode + validate throughput over the bundled sample caseload (`examples/data/caseload.jsonl`, 1,000
//! synthetic cases). Target: ≥ 200,000 cases/s on one core. Figures are recorded in `docs/benchmarks.md`.
//!
//! Run briefly: `cargo bench -p probation-core --bench decode_validate -- --warm-up-time 1 --measurement-time 3`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "benchmark code"
)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use probation_core::interchange::{decode_case, read_jsonl};
use probation_core::validate::validate;

fn sample() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/caseload.jsonl"
    );
    std::fs::read_to_string(path).expect("examples/data/caseload.jsonl")
}

fn bench(c: &mut Criterion) {
    let text = sample();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let cases: Vec<_> = lines.iter().map(|l| decode_case(l).unwrap()).collect();
    let n = u64::try_from(lines.len()).unwrap();
    let mut g = c.benchmark_group("caseload");
    g.throughput(Throughput::Elements(n));
    g.bench_function("decode_validate", |b| {
        b.iter(|| {
            for line in &lines {
                let case = decode_case(black_box(line)).unwrap();
                black_box(validate(&case).is_ok());
            }
        });
    });
    g.bench_function("decode", |b| {
        b.iter(|| {
            for line in &lines {
                black_box(decode_case(black_box(line)).unwrap());
            }
        });
    });
    g.bench_function("validate", |b| {
        b.iter(|| {
            for case in &cases {
                black_box(validate(black_box(case)).is_ok());
            }
        });
    });
    g.bench_function("read_jsonl_validate", |b| {
        b.iter(|| {
            for line in read_jsonl(black_box(text.as_bytes())) {
                black_box(line.case.map(|c| validate(&c).is_ok()).unwrap());
            }
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
