//! The JSON-Lines benchmark shared by `core/benches/lines.rs` (the system allocator) and
//! `bindings-kotlin/benches/lines.rs` (the Kotlin library's mimalloc): decode + validate + engine + encode of
//! 10,000 synthetic cases (`synth::generate(2026, 10_000)`, each written with `encode_case`, one per line) on
//! 2019-06-01, through `probation_core::lines::Engine`'s four `…_lines` calls.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput};
use probation_core::interchange::encode_case;
use probation_core::lines::Engine;
use probation_core::synth;

/// Cases in the batch.
const N: usize = 10_000;

/// Runs the four calls over the batch as the criterion group `group`.
#[allow(clippy::unwrap_used, reason = "benchmark code: a fixed, valid date")]
pub fn bench(c: &mut Criterion, group: &str) {
    let mut input = Vec::new();
    for case in synth::generate(2026, N) {
        input.extend_from_slice(encode_case(&case).as_bytes());
        input.push(b'\n');
    }
    let engine = Engine::default();
    let on = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap();

    let mut g = c.benchmark_group(group);
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
