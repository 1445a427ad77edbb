//! The column engine (allocation + 2021 tier) over the criterion bench's table (`core/benches/columns.rs`:
//! 1,000,000 rows of the differential test's synthetic columns, every row valid), `N` passes, with the CPU time
//! per row: for `valgrind --tool=callgrind` (instruction counts, which do not depend on the machine's load) and
//! for timing next to `cargo bench --bench columns`.
//! `cargo run --release -p probation-core --example columns_cputime -- 20`.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    reason = "example code"
)]

#[path = "../benches/support/column_table.rs"]
#[allow(dead_code, reason = "shared with the differential test")]
mod column_table;

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use probation_core::allocation::{AllocationPolicy, Calendar};
use probation_core::columns::{Want, assess};

const N: usize = 1_000_000;

fn main() {
    let passes: u32 = std::env::args().nth(1).map_or(20, |a| a.parse().unwrap());
    let t = column_table::bench_table(N);
    let on = NaiveDate::from_ymd_opt(2016, 6, 1);
    let (policy, cal) = (
        AllocationPolicy::default_policy(),
        Calendar::england_and_wales(),
    );
    let want = Want {
        allocation: true,
        tier: true,
        tier_2026: false,
    };
    let mut best = f64::INFINITY;
    for _ in 0..passes {
        let s = Instant::now();
        black_box(assess(black_box(t.columns(on)), want, &policy, &cal).unwrap());
        best = best.min(s.elapsed().as_secs_f64());
    }
    println!(
        "allocation + 2021 tier: {:.1} ns per row (best of {passes})",
        best * 1e9 / N as f64
    );
}
