//! Rust's own JSON-Lines path (`probation_core::lines`, what the `probation` command and the Kotlin `Engine`'s
//! `…JsonLines` calls run): decode + validate + engine + encode of 10,000 synthetic cases, so that the JMH
//! figures of the JVM (bindings-kotlin/jmh) can be compared with the same work done without the FFI
//! (docs/benchmarks.md#kotlin). Same input as the JMH benchmark: `synth::generate(2026, 10_000)`, each case
//! written with `encode_case`, one per line; on 2019-06-01 (dates: calculated on 2019-06-01).
//!
//! Run briefly: `cargo bench -p probation-core --bench lines -- --warm-up-time 1 --measurement-time 5`.
#![allow(missing_docs, reason = "benchmark binary")]

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "support/json_lines.rs"]
mod json_lines;

fn bench(c: &mut Criterion) {
    json_lines::bench(c, "json_lines_10000");
}

criterion_group!(benches, bench);
criterion_main!(benches);
