//! core/benches/lines.rs with this library's allocator: the same JSON-Lines work (`probation_core::lines`,
//! decode + validate + engine + encode of the same 10,000 lines) in a plain Rust process that links
//! `probation_kotlin`, whose `#[global_allocator]` (mimalloc) then serves it, as it serves the calls made from
//! the JVM. The difference from the JMH figures (bindings-kotlin/jmh) is then the FFI and the JVM alone, with the
//! allocator the same on both sides (docs/benchmarks.md#kotlin).
//!
//! Run briefly: `cargo bench -p probation-kotlin --bench lines -- --warm-up-time 1 --measurement-time 3`.
#![allow(missing_docs, reason = "benchmark binary")]
#![allow(clippy::unwrap_used, reason = "benchmark code")]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use probation_core::interchange::encode_case;
use probation_core::lines::Engine;
use probation_core::synth;
// Linked for its global allocator.
use probation_kotlin as _;

const N: usize = 10_000;

fn bench(c: &mut Criterion) {
    let mut input = Vec::new();
    for case in synth::generate(2026, N) {
        input.extend_from_slice(encode_case(&case).as_bytes());
        input.push(b'\n');
    }
    let engine = Engine::default();
    let on = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap();

    let mut g = c.benchmark_group("json_lines_10000_mimalloc");
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
