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

use probation_core::calendar::Calendar;
use probation_core::contact::{ContactPolicy, compliance, schedule};

#[path = "support/contact_case.rs"]
mod contact_case;

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

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let cal = Calendar::england_and_wales();
    let case = contact_case::case();
    let busy = contact_case::busy(&case);
    let as_of = contact_case::as_of();
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
