//! Arbitrary bytes → decode (single document and JSON Lines) → validate → every engine; and the fast decoding
//! path against serde_json: whenever the fast path gives a case, serde_json must give the same case.
#![no_main]

use libfuzzer_sys::fuzz_target;
use probation_core::interchange::{decode_case_bytes, read_jsonl};
use probation_core::model::Case;
use probation_fuzz::{assert_no_personal_data, exercise};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(fast) = probation_core::interchange::fast::decode::<Case>(text) {
            // serde_json as `decode_case` uses it: structs from objects only.
            let slow = probation_core::interchange::from_str_objects_only::<Case>(text).ok();
            assert!(
                slow.as_ref() == Some(&fast),
                "fast path and serde_json disagree"
            );
        }
    }
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
