#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    missing_docs,
    reason = "scratch"
)]
use chrono::NaiveDate;
use std::time::Instant;
fn main() {
    let ds: Vec<String> = (0..100_000)
        .map(|i| format!("20{:02}-{:02}-{:02}", 10 + i % 15, 1 + i % 12, 1 + i % 28))
        .collect();
    for _ in 0..3 {
        let t = Instant::now();
        for d in &ds {
            std::hint::black_box(d.parse::<NaiveDate>().unwrap());
        }
        println!("chrono parse {:?} per date", t.elapsed() / 100_000);
        let t = Instant::now();
        for d in &ds {
            let b = d.as_bytes();
            let n = |x: &[u8]| x.iter().fold(0u32, |a, c| a * 10 + u32::from(c - b'0'));
            std::hint::black_box(
                NaiveDate::from_ymd_opt(n(&b[0..4]) as i32, n(&b[5..7]), n(&b[8..10])).unwrap(),
            );
        }
        println!("fast {:?} per date", t.elapsed() / 100_000);
    }
    let text = std::fs::read_to_string("examples/data/caseload.jsonl").unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for round in 0..3 {
        let t = Instant::now();
        for l in &lines {
            std::hint::black_box(probation_core::interchange::decode_case(l).unwrap());
        }
        let a = t.elapsed();
        let t = Instant::now();
        for l in &lines {
            std::hint::black_box(serde_json::from_str::<serde::de::IgnoredAny>(l).unwrap());
        }
        let c = t.elapsed();
        println!("round {round}: decode {a:?} ignored {c:?}");
    }
}
