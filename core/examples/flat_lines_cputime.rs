//! `flat_lines` (what Python's `read_cases` runs before building Arrow) over the sample caseload, in CPU time of
//! this thread, split into its stages: decode, decode + validate, decode + validate + the three flat inputs.
//! Run: `cargo run --release -p probation-core --example flat_lines_cputime [PASSES]`.
#![allow(clippy::print_stdout, reason = "a measuring tool prints its figures")]

use std::hint::black_box;
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::flat_lines::{Flat, FlatLines, LineShape};
use probation_core::interchange::decode_case_bytes;
use probation_core::validate::validate;

/// CPU time this thread has run, in nanoseconds.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn main() -> ExitCode {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/caseload.jsonl"
    );
    let Ok(text) = std::fs::read(path) else {
        return ExitCode::FAILURE;
    };
    let passes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let lines: Vec<&[u8]> = text
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let Some(on) = NaiveDate::from_ymd_opt(2024, 6, 1) else {
        return ExitCode::FAILURE;
    };
    let n = (lines.len() * passes) as f64;
    let stage = |name: &str, f: &mut dyn FnMut()| {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let Some(start) = cpu_ns() else { return };
            f();
            let Some(end) = cpu_ns() else { return };
            best = best.min((end - start) as f64 / n);
        }
        println!(
            "{name:<40} {best:>8.0} ns/case  {:>9.0} cases/s",
            1e9 / best
        );
    };
    stage("decode", &mut || {
        for _ in 0..passes {
            for l in &lines {
                black_box(decode_case_bytes(l).ok());
            }
        }
    });
    stage("decode + validate", &mut || {
        for _ in 0..passes {
            for l in &lines {
                if let Ok(c) = decode_case_bytes(l) {
                    black_box(validate(&c).is_ok());
                }
            }
        }
    });
    stage("decode + validate + flat inputs", &mut || {
        for _ in 0..passes {
            for (i, l) in lines.iter().enumerate() {
                if let Ok(c) = LineShape::Case.case(i, l, on) {
                    black_box(Flat::from_case(i, &c, on).ok());
                }
            }
        }
    });
    stage("FlatLines (line splitting too)", &mut || {
        for _ in 0..passes {
            for r in FlatLines::new(text.as_slice(), LineShape::Case, on) {
                black_box(r.ok());
            }
        }
    });
    ExitCode::SUCCESS
}
