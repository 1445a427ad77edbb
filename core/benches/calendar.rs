//! `add_working_days` and `working_days_between`: the calendar calls contact schedules make in hot loops
//! (budget ≤ 5 µs per schedule). Run briefly: `cargo bench -p probation-core --bench calendar -- --warm-up-time 1
//! --measurement-time 3`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "bench code"
)]

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use probation_core::calendar::Calendar;

/// 1,024 start dates spread over 2000–2030 (a fixed pseudo-random walk, so every run measures the same work).
fn dates() -> Vec<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            base + Days::new(x % 11_000)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::england_and_wales();
    let ds = dates();
    let mut g = c.benchmark_group("calendar");
    g.bench_function("add_working_days n=5 (1 call)", |b| {
        let mut i = 0usize;
        b.iter(|| {
            i = (i + 1) & 1023;
            cal.add_working_days(black_box(ds[i]), black_box(5))
                .unwrap()
        })
    });
    g.bench_function("add_working_days n=250 (1 call)", |b| {
        let mut i = 0usize;
        b.iter(|| {
            i = (i + 1) & 1023;
            cal.add_working_days(black_box(ds[i]), black_box(250))
                .unwrap()
        })
    });
    let ends: Vec<NaiveDate> = ds.iter().map(|d| *d + Days::new(365)).collect();
    g.bench_function("working_days_between ~1 year (1 call)", |b| {
        let mut i = 0usize;
        b.iter(|| {
            i = (i + 1) & 1023;
            cal.working_days_between(black_box(ds[i]), black_box(ends[i]))
                .unwrap()
        })
    });
    g.bench_function("is_working_day (1 call)", |b| {
        let mut i = 0usize;
        b.iter(|| {
            i = (i + 1) & 1023;
            cal.is_working_day(black_box(ds[i])).unwrap()
        })
    });
    g.bench_function("england_and_wales() (shared, clone)", |b| {
        b.iter(Calendar::england_and_wales)
    });
    g.bench_function("with_extra_holidays (rebuild table)", |b| {
        let extra = NaiveDate::from_ymd_opt(2030, 6, 14).unwrap();
        b.iter(|| {
            Calendar::england_and_wales()
                .with_extra_holidays([black_box(extra)])
                .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
