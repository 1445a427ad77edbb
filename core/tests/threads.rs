//! Concurrency: the engines, policies, calendar and results are `Send + Sync` (checked at compile time), and
//! many threads sharing one calendar and one set of cases get exactly the answers of a single-threaded run.
//!
//! The engines are run through `fuzz/src/engines.rs`, the same code the fuzz targets use.
#![cfg(test)]

#[path = "../../fuzz/src/engines.rs"]
#[allow(dead_code, reason = "shared with the fuzz crate, which uses all of it")]
mod engines;

use std::thread;

use probation_core::model::Case;

/// Compile-time check: the type can be shared between threads and moved to another.
const fn send_sync<T: Send + Sync>() {}

const _: () = {
    use probation_core::{
        allocation, calendar, contact, interchange, model, rules, sentence, tier, validate,
    };
    // Inputs.
    send_sync::<model::Case>();
    send_sync::<model::Person>();
    send_sync::<model::Event>();
    // Calendar (shared by every engine) and its errors.
    send_sync::<calendar::Calendar>();
    send_sync::<calendar::CalendarError>();
    send_sync::<calendar::BankHoliday>();
    // Rules, results and errors.
    send_sync::<rules::Rule>();
    send_sync::<&'static rules::Rule>();
    send_sync::<sentence::SentenceDates>();
    send_sync::<sentence::SentenceError>();
    send_sync::<validate::ValidationErrors>();
    // Allocation, escalation and tier.
    send_sync::<allocation::AllocationPolicy>();
    send_sync::<allocation::Allocation>();
    send_sync::<allocation::AllocationFacts>();
    send_sync::<allocation::Escalation>();
    send_sync::<allocation::EscalationPoint>();
    send_sync::<allocation::AllocationError>();
    send_sync::<tier::Tier>();
    send_sync::<tier::TierInputs>();
    send_sync::<tier::TierError>();
    // Contact schedules and compliance.
    send_sync::<contact::ContactPolicy>();
    send_sync::<contact::Schedule>();
    send_sync::<contact::Compliance>();
    send_sync::<contact::ContactError>();
    send_sync::<interchange::DecodeError>();
    send_sync::<interchange::JsonLines<std::io::BufReader<std::fs::File>>>();
};

/// Synthetic cases plus a few awkward hand-made ones (custody, PSS, dates at the calendar's edges).
fn cases() -> Vec<Case> {
    let mut cases = probation_core::synth::generate(7, 48);
    for text in [
        r#"{"schema_version":1,"person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
          "events":[{"offence_date":"2016-01-04","sentence_date":"2016-03-01",
            "sentence":{"type":"custody","length":{"months":6},"remand_days":10}}]}"#,
        r#"{"schema_version":1,"person":{"crn":"X320742","date_of_birth":"1950-04-01","sex":"female","home_area":"C01"},
          "events":[{"offence_date":"2100-01-04","sentence_date":"2100-12-30",
            "sentence":{"type":"community_order","length":{"years":3},"requirements":[{"kind":"residence"}]}}]}"#,
    ] {
        cases.push(probation_core::interchange::decode_case(text).unwrap());
    }
    cases
}

#[test]
fn many_threads_get_the_single_threaded_answers() {
    let setup = engines::Setup::new();
    assert_eq!(setup.contact.len(), 3);
    let cases = cases();
    let expected: Vec<Vec<engines::Output>> = cases
        .iter()
        .map(|c| engines::run_engines(c, &setup))
        .collect();
    assert!(
        expected
            .iter()
            .flatten()
            .any(|o| matches!(o, engines::Output::Ok(s) if s.contains("rules"))),
        "the engines produced no results with rules: the test would prove nothing"
    );

    const THREADS: usize = 6;
    let results: Vec<Vec<(usize, Vec<engines::Output>)>> = thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let (setup, cases) = (&setup, &cases);
                s.spawn(move || {
                    // Each thread walks the cases from a different start, so threads work on different cases
                    // at the same moment and on the same case at different moments.
                    let n = cases.len();
                    (0..n)
                        .map(|i| (i + t * n / THREADS) % n)
                        .map(|i| (i, engines::run_engines(&cases[i], setup)))
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (t, per_thread) in results.iter().enumerate() {
        assert_eq!(per_thread.len(), cases.len());
        for (i, got) in per_thread {
            assert_eq!(got, &expected[*i], "thread {t}, case {i}");
        }
    }
}

#[test]
fn a_cloned_calendar_and_policies_moved_to_threads_agree() {
    let setup = engines::Setup::new();
    let case = &cases()[0];
    let expected = engines::run_engines(case, &setup);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let setup = engines::Setup {
                calendar: setup.calendar.clone(),
                contact: setup.contact.clone(),
                allocation: setup.allocation.clone(),
            };
            let case = case.clone();
            thread::spawn(move || engines::run_engines(&case, &setup))
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), expected);
    }
}
