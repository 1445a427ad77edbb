//! Release dates of one booking of 3 concurrent + 2 consecutive sentences with remand, tagged bail, UAL and
//! ADA (issue 14 budget: ≤ 2 µs on one core). Run briefly: `cargo bench -p probation-core --bench release --
//! --warm-up-time 1 --measurement-time 3`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "bench code"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use probation_core::calendar::Calendar;
use probation_core::release::{
    ReleaseLaw, ReleaseOptions, StatuteOptions, release_dates, release_dates_under,
};

#[path = "support/release_booking.rs"]
mod release_booking;
use release_booking::{booking, d, person};

fn bench(c: &mut Criterion) {
    let cal = Calendar::england_and_wales();
    let person = person();
    let b = booking();
    let mut g = c.benchmark_group("release");
    for (name, on) in [
        ("SDS40 law (2024-11-01)", d(2024, 11, 1)),
        ("progression law (2026-11-01)", d(2026, 11, 1)),
    ] {
        release_dates(&person, &b, on, &ReleaseOptions::default(), &cal).unwrap();
        g.bench_function(format!("3 concurrent + 2 consecutive, {name}"), |bn| {
            bn.iter(|| {
                release_dates(
                    black_box(&person),
                    black_box(&b),
                    on,
                    &ReleaseOptions::default(),
                    &cal,
                )
                .unwrap()
            });
        });
        let law = ReleaseLaw::as_stood_on(on);
        g.bench_function(format!("same, law built once, {name}"), |bn| {
            bn.iter(|| {
                release_dates_under(
                    black_box(&person),
                    black_box(&b),
                    on,
                    &law,
                    &StatuteOptions::default(),
                    &cal,
                )
                .unwrap()
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
