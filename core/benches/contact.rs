//! Contact schedule and compliance speed (issue 4 targets: the schedule of a 12-month community order ≤ 5 µs;
//! compliance over 50 contacts ≤ 5 µs). Figures are recorded in `docs/benchmarks.md` under `## contacts`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs,
    reason = "benchmark code"
)]

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use probation_core::calendar::Calendar;
use probation_core::contact::{ContactPolicy, compliance, schedule};
use probation_core::interchange::decode_case;
use probation_core::model::{
    Contact, ContactKind, ContactOutcome, EnforcementAction, EnforcementActionKind,
};

const CASE: &str = r#"{"schema_version":1,
  "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
  "provider":"C17",
  "events":[{"offence_date":"2024-01-04","sentence_date":"2024-03-28","allocation_date":"2024-04-02",
    "sentence":{"type":"community_order","length":{"months":12},
      "requirements":[{"kind":"unpaid_work","hours":120}]}}],
  "registrations":[{"code":"RMRH","registered":"2024-03-01"}]}"#;

fn bench(c: &mut Criterion) {
    let cal = Calendar::england_and_wales();
    let case = decode_case(CASE).unwrap();
    for name in ContactPolicy::PRESETS {
        let policy = ContactPolicy::preset(name).unwrap();
        c.bench_function(&format!("schedule 12-month CO {name}"), |b| {
            b.iter(|| schedule(black_box(&case), black_box(&policy), &cal).unwrap())
        });
    }

    // 50 contacts over the order: weekly, every 7th an unacceptable absence, every 5th acceptable.
    let mut busy = case.clone();
    let start = NaiveDate::from_ymd_opt(2024, 3, 29).unwrap();
    for i in 0..50u64 {
        busy.contacts.push(Contact {
            date: start + Days::new(i * 7),
            kind: if i == 0 {
                ContactKind::FirstAppointment
            } else {
                ContactKind::Appointment
            },
            outcome: match i % 7 {
                3 => ContactOutcome::UnacceptableAbsence,
                5 => ContactOutcome::AcceptableAbsence,
                _ => ContactOutcome::Attended,
            },
            event: None,
        });
    }
    busy.enforcement.push(EnforcementAction {
        date: start + Days::new(22),
        kind: EnforcementActionKind::Warning,
        event: None,
    });
    let as_of = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
    for name in ContactPolicy::PRESETS {
        let policy = ContactPolicy::preset(name).unwrap();
        c.bench_function(&format!("compliance 50 contacts {name}"), |b| {
            b.iter(|| compliance(black_box(&busy), black_box(&policy), &cal, as_of).unwrap())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
