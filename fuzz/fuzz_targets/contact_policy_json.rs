//! Arbitrary bytes as a custom contact policy (`ContactPolicy::from_json`): a policy is caller-supplied
//! configuration that drives the scheduler's loops, so it must be refused with a typed error or produce a bounded
//! schedule, never a panic, a hang or unbounded memory. Accepted policies are run on a few synthetic cases.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
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
    let policy = match ContactPolicy::from_json(text) {
        Ok(p) => p,
        Err(e) => {
            let _ = (e.path(), e.code(), e.to_string());
            return;
        }
    };
    let (cal, cases) = fixtures();
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
});
