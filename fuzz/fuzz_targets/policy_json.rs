//! Arbitrary bytes as a custom policy: a contact policy (`ContactPolicy::from_json`) and an allocation policy
//! (`AllocationPolicy::from_json`). Policies are caller-supplied configuration that drive the engines' loops and
//! thresholds, so they must be refused with a typed error or give bounded results — never a panic, a hang or
//! unbounded memory. Accepted policies are run on a few synthetic cases.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use probation_core::allocation::{AllocationPolicy, allocate, escalation_history};
use probation_core::calendar::Calendar;
use probation_core::contact::{ContactPolicy, MAX_ITEMS, compliance, schedule};
use probation_core::model::Case;
use probation_fuzz::assert_no_personal_data;

fn fixtures() -> &'static (Calendar, Vec<Case>) {
    static F: OnceLock<(Calendar, Vec<Case>)> = OnceLock::new();
    F.get_or_init(|| {
        (
            Calendar::england_and_wales(),
            probation_core::synth::generate(11, 4),
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (cal, cases) = fixtures();
    match ContactPolicy::from_json(text) {
        Err(e) => {
            let _ = (e.path(), e.code(), e.to_string());
        }
        Ok(policy) => {
            for case in cases {
                match schedule(case, &policy, cal) {
                    Ok(s) => assert!(s.items.len() <= MAX_ITEMS, "schedule over its limit"),
                    Err(e) => assert_no_personal_data(Some(case), &e.to_string()),
                }
                if let Some(e) = case.events.first() {
                    if let Err(e) = compliance(case, &policy, cal, e.sentence_date) {
                        assert_no_personal_data(Some(case), &e.to_string());
                    }
                }
            }
        }
    }
    match AllocationPolicy::from_json(text) {
        Err(e) => {
            let _ = e.to_string();
        }
        Ok(policy) => {
            for case in cases {
                for on in case.events.iter().map(|e| e.sentence_date).take(2) {
                    if let Err(e) = allocate(case, on, &policy, cal) {
                        assert_no_personal_data(Some(case), &e.to_string());
                    }
                }
                if let Err(e) = escalation_history(case, &policy, cal) {
                    assert_no_personal_data(Some(case), &e.to_string());
                }
            }
        }
    }
});
