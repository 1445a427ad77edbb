//! core/benches/lines.rs with this library's allocator: the same JSON-Lines work (`probation_core::lines`,
//! decode + validate + engine + encode of the same 10,000 lines) in a plain Rust process that links
//! `probation_kotlin`, whose `#[global_allocator]` (mimalloc) then serves it, as it serves the calls made from
//! the JVM. The difference from the JMH figures (bindings-kotlin/jmh) is then the FFI and the JVM alone, with the
//! allocator the same on both sides (docs/benchmarks.md#kotlin).
//!
//! Run briefly: `cargo bench -p probation-kotlin --bench lines -- --warm-up-time 1 --measurement-time 3`.
#![allow(missing_docs, reason = "benchmark binary")]

use criterion::{Criterion, criterion_group, criterion_main};
// Linked for its global allocator.
use probation_kotlin as _;

#[path = "../../core/benches/support/json_lines.rs"]
mod json_lines;

fn bench(c: &mut Criterion) {
    json_lines::bench(c, "json_lines_10000_mimalloc");
}

criterion_group!(benches, bench);
criterion_main!(benches);
