//! Release dates of the criterion bench's booking (`core/benches/support/release_booking.rs`: 3 concurrent + 2
//! consecutive sentences, remand, tagged bail, UAL, ADA), computed `N` times under each law, with the wall time
//! per call: for `valgrind --tool=callgrind` (instruction counts, which do not depend on the machine's load) and
//! for timing on a quiet core next to `cargo bench --bench release`.
//! `cargo run --release -p probation-core --example release_cputime -- 200000`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::print_stdout,
    reason = "example code"
)]

use std::hint::black_box;
use std::time::Instant;

use probation_core::calendar::Calendar;
use probation_core::release::{ReleaseOptions, release_dates};

#[path = "../benches/support/release_booking.rs"]
mod release_booking;
use release_booking::{booking, d, person};

fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .map_or(100_000, |a| a.parse().unwrap());
    let cal = Calendar::england_and_wales();
    let person = person();
    let b = booking();
    for (name, on) in [("SDS40", d(2024, 11, 1)), ("progression", d(2026, 11, 1))] {
        let opts = ReleaseOptions::default();
        release_dates(&person, &b, on, &opts, &cal).unwrap();
        let t = Instant::now();
        for _ in 0..n {
            black_box(release_dates(black_box(&person), black_box(&b), on, &opts, &cal).unwrap());
        }
        let ns = t.elapsed().as_secs_f64() * 1e9 / f64::from(n);
        println!("{name}: {ns:.0} ns per call");
    }
}
