//! CPU time per call of `schedule` and `compliance`, for a machine shared with other work.
//!
//! Criterion (`benches/contact.rs`) measures wall-clock time, which on a loaded machine includes the time this
//! process waits for a core. This bench runs each operation in a loop for about a second and divides the
//! process's CPU time (user + system, from `/proc/self/stat`; Linux only) by the number of calls. Run with
//! `cargo bench -p probation-core --bench contact_cpu`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::indexing_slicing,
    missing_docs,
    reason = "benchmark code"
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use probation_core::calendar::Calendar;
use probation_core::contact::{ContactPolicy, compliance, schedule};
use probation_core::interchange::decode_case;
use probation_core::model::{
    Case, Contact, ContactKind, ContactOutcome, EnforcementAction, EnforcementActionKind,
};

const CASE: &str = r#"{"schema_version":1,
  "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
  "provider":"C17",
  "events":[{"offence_date":"2024-01-04","sentence_date":"2024-03-28","allocation_date":"2024-04-02",
    "sentence":{"type":"community_order","length":{"months":12},
      "requirements":[{"kind":"unpaid_work","hours":120}]}}],
  "registrations":[{"code":"RMRH","registered":"2024-03-01"}]}"#;

/// Seconds of CPU time used by this process so far, or `None` off Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn measure(name: &str, mut f: impl FnMut()) {
    for _ in 0..10_000 {
        f();
    }
    let (wall0, cpu0) = (Instant::now(), cpu_seconds());
    let mut n = 0u64;
    while wall0.elapsed() < Duration::from_secs(2) {
        for _ in 0..1_000 {
            f();
        }
        n += 1_000;
    }
    let wall = wall0.elapsed().as_secs_f64();
    match (cpu0, cpu_seconds()) {
        (Some(a), Some(b)) => println!(
            "{name:<40} cpu {:>6.2} µs/call   wall {:>6.2} µs/call   ({n} calls)",
            (b - a) * 1e6 / n as f64,
            wall * 1e6 / n as f64
        ),
        _ => println!("{name:<40} wall {:>6.2} µs/call", wall * 1e6 / n as f64),
    }
}

fn busy(case: &Case) -> Case {
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
    busy
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let cal = Calendar::england_and_wales();
    let case = decode_case(CASE).unwrap();
    let busy = busy(&case);
    let as_of = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
    for name in ContactPolicy::PRESETS {
        let policy = ContactPolicy::preset(name).unwrap();
        measure(&format!("schedule 12-month CO {name}"), || {
            black_box(schedule(black_box(&case), black_box(&policy), &cal).unwrap());
        });
        measure(&format!("compliance 50 contacts {name}"), || {
            black_box(compliance(black_box(&busy), black_box(&policy), &cal, as_of).unwrap());
        });
    }
}
