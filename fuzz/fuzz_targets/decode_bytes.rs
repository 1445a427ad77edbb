//! Arbitrary bytes → decode (single document and JSON Lines) → validate → every engine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use probation_core::interchange::{decode_case_bytes, read_jsonl};
use probation_fuzz::{assert_no_personal_data, exercise};

fuzz_target!(|data: &[u8]| {
    match decode_case_bytes(data) {
        Ok(case) => exercise(&case),
        Err(e) => {
            let _ = e.path();
            assert_no_personal_data(None, &e.to_string());
        }
    }
    // The same bytes as a JSON Lines stream: each line is decoded on its own.
    for line in read_jsonl(data).take(64) {
        if let Ok(case) = line.case {
            exercise(&case);
        }
    }
});
