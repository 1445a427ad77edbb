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

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use probation_core::calendar::Calendar;
use probation_core::model::{
    Booking, CustodialSentence, DayAward, Deduction, EarlyReleaseExclusion, Length, Person,
    UalPeriod,
};
use probation_core::release::{
    ReleaseLaw, ReleaseOptions, StatuteOptions, release_dates, release_dates_under,
};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

/// Sentences 0, 1, 2 concurrent; 3 consecutive to 2, 4 consecutive to 3; one SDS40-excluded part.
fn booking() -> Booking {
    let mut s = vec![
        CustodialSentence::sds(d(2024, 3, 4), d(2023, 11, 2), Length::years(3)),
        CustodialSentence::sds(d(2024, 3, 4), d(2023, 11, 2), Length::months(18)),
        CustodialSentence::sds(d(2024, 5, 20), d(2024, 1, 9), Length::months(20)),
        CustodialSentence::sds(
            d(2024, 5, 20),
            d(2024, 1, 9),
            Length {
                months: 6,
                weeks: 2,
                ..Length::default()
            },
        ),
        CustodialSentence::sds(d(2024, 5, 20), d(2023, 12, 1), Length::months(9)),
    ];
    s[3].consecutive_to = Some(2);
    s[4].consecutive_to = Some(3);
    s[4].exclusions.push(EarlyReleaseExclusion::Sexual);
    Booking {
        sentences: s,
        remand: vec![Deduction {
            days: 41,
            sentence: Some(0),
        }],
        tagged_bail: vec![Deduction {
            days: 12,
            sentence: Some(2),
        }],
        unlawfully_at_large: vec![UalPeriod {
            from: d(2024, 8, 1),
            days: 3,
        }],
        additional_days: vec![DayAward {
            date: d(2024, 9, 30),
            days: 7,
        }],
        ..Booking::default()
    }
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::england_and_wales();
    let person: Person = serde_json::from_value(serde_json::json!({
        "crn": "X320741", "date_of_birth": "1990-04-01", "sex": "male", "home_area": "C17"
    }))
    .unwrap();
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
