//! Arbitrary well-typed cases (built from fuzz bytes through `probation_fuzz::mirror`) → validate → every
//! engine. Reaches the engines' arithmetic far more often than bytes that must first parse as a case.
#![no_main]

use libfuzzer_sys::fuzz_target;
use probation_fuzz::{exercise, mirror::FCase};

fuzz_target!(|input: FCase| {
    exercise(&input.case());
});
