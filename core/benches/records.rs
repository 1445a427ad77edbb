//! Import throughput of the records mappings over the bundled sample caseload (`examples/data/caseload.jsonl`,
//! 1,000 synthetic cases) written as community-api bundles and tier-details documents. Target: community-api
//! import ≥ 100,000 cases/s on one core. Figures are recorded in `docs/benchmarks.md`.
//!
//! Run briefly: `cargo bench -p probation-core --bench records -- --warm-up-time 1 --measurement-time 3`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "benchmark code"
)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use probation_core::interchange::decode_case;
use probation_core::records::{
    community_api_from_case, community_api_to_case, tier_details_line_from_case,
    tier_details_line_to_case,
};

fn bench(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/caseload.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("examples/data/caseload.jsonl");
    let cases: Vec<_> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| decode_case(l).unwrap())
        .collect();
    let on = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let community: Vec<String> = cases.iter().map(community_api_from_case).collect();
    let details: Vec<String> = cases
        .iter()
        .map(|c| tier_details_line_from_case(c, on))
        .filter(|d| tier_details_line_to_case(d, on).is_ok())
        .collect();
    let mean = |docs: &[String]| docs.iter().map(String::len).sum::<usize>() / docs.len().max(1);
    eprintln!(
        "community-api: {} documents, {} bytes each on average; tier-details: {}, {} bytes",
        community.len(),
        mean(&community),
        details.len(),
        mean(&details)
    );
    let mut g = c.benchmark_group("records");
    g.throughput(Throughput::Elements(
        u64::try_from(community.len()).unwrap(),
    ));
    g.bench_function("community_api_import", |b| {
        b.iter(|| {
            for doc in &community {
                black_box(community_api_to_case(black_box(doc)).unwrap());
            }
        });
    });
    g.throughput(Throughput::Elements(u64::try_from(details.len()).unwrap()));
    g.bench_function("tier_details_import", |b| {
        b.iter(|| {
            for doc in &details {
                black_box(tier_details_line_to_case(black_box(doc), on).unwrap());
            }
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
