#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs,
    reason = "scratch"
)]
use probation_core::model::{Case, Sentence};
use std::time::Instant;
fn main() {
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
            std::hint::black_box(serde_json::from_str::<Case>(l).unwrap());
        }
        let b = t.elapsed();
        let t = Instant::now();
        for l in &lines {
            std::hint::black_box(serde_json::from_str::<serde::de::IgnoredAny>(l).unwrap());
        }
        let c = t.elapsed();
        let t = Instant::now();
        for l in &lines {
            std::hint::black_box(serde_json::from_str::<serde_json::Value>(l).unwrap());
        }
        let d = t.elapsed();
        println!("round {round}: path_to_error {a:?} plain {b:?} ignored {c:?} value {d:?}");
    }
    let sentences: Vec<String> = lines
        .iter()
        .flat_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["sentence"].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let t = Instant::now();
    for s in &sentences {
        std::hint::black_box(serde_json::from_str::<Sentence>(s).unwrap());
    }
    println!("{} sentences {:?}", sentences.len(), t.elapsed());
}
