//! Decode + validate of the sample caseload, timed in CPU time of this thread rather than wall-clock time.
//!
//! The criterion bench (`benches/decode_validate.rs`) is the reference; on a shared, overloaded machine its
//! wall-clock figures mostly measure the wait for a core. This reads the thread's own CPU time
//! (`/proc/thread-self/schedstat`, Linux only; scheduler-tick granularity, so each round runs 20 passes over the
//! caseload) and reports the best of nine rounds, the fast path and serde_json alone taking turns so that both
//! see the same machine. Run: `cargo run --release -p probation-core --example decode_validate_cputime`.
#![allow(clippy::print_stdout, reason = "a measuring tool prints its figures")]

use std::hint::black_box;
use std::process::ExitCode;

use probation_core::interchange::decode_case;
use probation_core::validate::validate;

/// CPU time this thread has run, in nanoseconds.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Best CPU time per case, in ns, of `rounds` rounds of `passes` passes of `f` over `n` cases.
fn best(rounds: u32, passes: u32, n: usize, mut f: impl FnMut()) -> Option<f64> {
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let start = cpu_ns()?;
        for _ in 0..passes {
            f();
        }
        let spent = cpu_ns()?.saturating_sub(start) as f64;
        best = best.min(spent / f64::from(passes) / n as f64);
    }
    Some(best)
}

fn main() -> ExitCode {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/caseload.jsonl"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return ExitCode::FAILURE;
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let Ok(cases) = lines
        .iter()
        .map(|l| decode_case(l))
        .collect::<Result<Vec<_>, _>>()
    else {
        eprintln!("the sample caseload does not decode");
        return ExitCode::FAILURE;
    };
    let n = lines.len();
    let bytes = text.len() as f64 / n as f64;
    let with_fast_path = || {
        for l in &lines {
            if let Ok(c) = decode_case(black_box(l)) {
                black_box(validate(&c).is_ok());
            }
        }
    };
    let serde_json_alone = || {
        for l in &lines {
            if let Ok(c) = serde_json::from_str::<probation_core::model::Case>(black_box(l)) {
                black_box(validate(&c).is_ok());
            }
        }
    };
    let (mut decode_validate, mut serde_json_only) = (Some(f64::MAX), Some(f64::MAX));
    for _ in 0..9 {
        decode_validate = decode_validate
            .zip(best(1, 20, n, with_fast_path))
            .map(|(a, b)| a.min(b));
        serde_json_only = serde_json_only
            .zip(best(1, 20, n, serde_json_alone))
            .map(|(a, b)| a.min(b));
    }
    let scan = best(5, 10, n, || {
        for l in &lines {
            black_box(serde_json::from_str::<serde::de::IgnoredAny>(black_box(l)).is_ok());
        }
    });
    let validate_only = best(5, 50, n, || {
        for c in &cases {
            black_box(validate(black_box(c)).is_ok());
        }
    });
    let (Some(dv), Some(sj), Some(scan), Some(v)) =
        (decode_validate, serde_json_only, scan, validate_only)
    else {
        eprintln!("/proc/thread-self/schedstat is not available (Linux only)");
        return ExitCode::FAILURE;
    };
    println!("{n} cases, {bytes:.0} bytes per case on average; CPU time per case, best rounds:");
    println!(
        "  decode + validate  {dv:7.0} ns  = {:7.0} cases/s on one core ({:.0} MB/s)",
        1e9 / dv,
        bytes * 1e3 / dv
    );
    println!(
        "  same with serde_json alone {sj:7.0} ns  (no fast path: {:.2}x the time)",
        sj / dv
    );
    println!("  validate only      {v:7.0} ns");
    println!("  json scan only     {scan:7.0} ns  (serde_json reading the text into IgnoredAny)");
    ExitCode::SUCCESS
}
