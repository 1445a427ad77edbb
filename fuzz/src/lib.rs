//! Shared harness of the fuzz targets: what is run on every case, and the well-typed case generator of the
//! structured target. Built only by `scripts/fuzz.sh` (libFuzzer through `libfuzzer-sys`, on stable Rust).
//!
//! A target fails (and libFuzzer saves the input under `fuzz/artifacts/`) on any panic, including the
//! `assert!`s below: the invariants every result must keep whatever the input.

pub mod engines;
pub mod mirror;

use std::sync::OnceLock;

use probation_core::interchange::{MAX_CASE_BYTES, decode_case, encode_case};
use probation_core::model::Case;
use probation_core::validate::validate;

/// Personal values the generated cases carry: no error message may contain them.
pub const PERSONAL: &[&str] = &["X320741", "Marguerite", "Quennellford"];

/// Asserts that an error's message holds no personal value of the case.
pub fn assert_no_personal_data(case: Option<&Case>, message: &str) {
    let lower = message.to_lowercase();
    for p in PERSONAL {
        assert!(
            !lower.contains(&p.to_lowercase()),
            "error message leaks `{p}`: {message}"
        );
    }
    if let Some(case) = case {
        let crn = case.person.crn.as_str().to_lowercase();
        assert!(
            !lower.contains(&crn),
            "error message leaks the crn: {message}"
        );
        if let Some(name) = &case.person.name {
            for part in [&name.given, &name.family] {
                // Short or common fragments (one letter, "of") can occur in any message by chance.
                if part.len() >= 6 && part.chars().all(char::is_alphabetic) {
                    assert!(
                        !lower.contains(&part.to_lowercase()),
                        "error message leaks a name: {message}"
                    );
                }
            }
        }
        let dob = case.person.date_of_birth.to_string();
        // The library's own range constants (e.g. "1970-01-01 to 2100-12-31") are not the person's data, even
        // when a date of birth happens to equal one of them: leave them out of the check.
        let without_constants = RANGE_TEXTS.iter().fold(message.to_owned(), |m, c| m.replace(c, ""));
        assert!(
            !without_constants.contains(&dob),
            "error message leaks the date of birth: {message}"
        );
    }
}

/// Runs everything the library computes on one case. Never panics unless a library function does or an
/// invariant breaks.
pub fn exercise(case: &Case) {
    let valid = match validate(case) {
        Ok(()) => true,
        Err(errs) => {
            assert!(!errs.0.is_empty(), "an error with no issues");
            assert_no_personal_data(Some(case), &errs.to_string());
            false
        }
    };
    if valid {
        // A valid case survives its own encoding (floats aside: serde_json's float parsing is not bit-exact
        // without its float_roundtrip feature).
        let text = encode_case(case);
        if text.len() <= MAX_CASE_BYTES {
            let back = decode_case(&text);
            assert!(
                back.is_ok(),
                "a valid case's own encoding does not decode: {back:?}"
            );
            if let Ok(back) = back {
                assert!(
                    validate(&back).is_ok(),
                    "a valid case's encoding decodes to an invalid case"
                );
                assert_eq!(
                    without_floats(back),
                    without_floats(case.clone()),
                    "round trip changed the case"
                );
            }
        }
    }
    engines(case);
}

fn without_floats(mut case: Case) -> Case {
    for a in &mut case.assessments {
        a.rsr = a.rsr.map(|_| 0.0);
        a.ogrs = a.ogrs.map(|_| 0.0);
    }
    case
}

/// Fixed texts of the library's messages that contain dates (supported ranges), not input values.
const RANGE_TEXTS: &[&str] = &["1970-01-01 to 2100-12-31", "1900-01-01 and 2200-12-31"];

/// The engines, on any case (valid or not): each returns a result or a typed error, never a panic, and no
/// error message holds personal data.
fn engines(case: &Case) {
    static SETUP: OnceLock<engines::Setup> = OnceLock::new();
    let setup = SETUP.get_or_init(engines::Setup::new);
    assert_eq!(setup.contact.len(), 3, "a contact preset failed to load");
    for output in engines::run_engines(case, setup) {
        if let engines::Output::Err(message) = output {
            assert_no_personal_data(Some(case), &message);
        }
    }
}
