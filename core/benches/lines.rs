//! Rust's own JSON-Lines path (`probation_core::lines`, what the `probation` command and the Kotlin `Engine`'s
//! `…JsonLines` calls run): decode + validate + engine + encode of 10,000 synthetic cases, so that the JMH
//! figures of the JVM (bindings-kotlin/jmh) can be compared with the same work done without the FFI
//! (docs/benchmarks.md#kotlin). Same input as the JMH benchmark: `synth::generate(2026, 10_000)`, each case
//! written with `encode_case`, one per line; on 2019-06-01 (dates: calculated on 2019-06-01).
//!
//! Run briefly: `cargo bench -p probation-core --bench lines -- --warm-up-time 1 --measurement-time 5`.
#![allow(missing_docs, reason = "benchmark binary")]
#![allow(clippy::unwrap_used, reason = "benchmark code")]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use probation_core::interchange::encode_case;
use probation_core::lines::Engine;
use probation_core::synth;

const N: usize = 10_000;

fn bench(c: &mut Criterion) {
    let mut input = Vec::new();
    for case in synth::generate(2026, N) {
        input.extend_from_slice(encode_case(&case).as_bytes());
        input.push(b'\n');
    }
    let engine = Engine::default();
    let on = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap();

    let mut g = c.benchmark_group("json_lines_10000");
    g.throughput(Throughput::Elements(N as u64));
    g.sample_size(10);
    g.bench_function("tier_lines", |b| {
        b.iter(|| black_box(engine.tier_lines(black_box(&input), Some(on))))
    });
    g.bench_function("allocate_lines", |b| {
        b.iter(|| black_box(engine.allocate_lines(black_box(&input), Some(on))))
    });
    g.bench_function("schedule_lines", |b| {
        b.iter(|| black_box(engine.schedule_lines(black_box(&input))))
    });
    g.bench_function("dates_lines", |b| {
        b.iter(|| black_box(engine.dates_lines(black_box(&input), on)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
