#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(case) = probation_core::interchange::decode_case_bytes(data) {
        let _ = probation_core::validate::validate(&case);
    }
});
