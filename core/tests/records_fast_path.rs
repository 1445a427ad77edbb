//! The records' decoding tries the case format's fast path (`interchange::fast::decode_by_name`) before serde_json. It is sound
//! only if, whenever the fast path returns a value, serde_json (structs from objects only) returns the same one.
//! Checked here on every record document of the shared vectors, the sample files, synthetic documents and
//! random edits of them (truncations, replaced bytes), for each record type.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code"
)]

use std::fmt::Debug;
use std::path::Path;

use probation_core::interchange::{fast, from_str_objects_only};
use probation_core::records::tier_details::TierDetails;
use probation_core::records::{
    ArnsSections, CommunityApiCase, IntegrationApiCase, community_api_from_case,
    integration_api_from_case, tier_details_line_from_case,
};
use probation_core::synth::Generator;
use serde::de::DeserializeOwned;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Fast path and serde_json agree on `text`: where the fast path gives a value, serde_json gives the same.
/// Returns whether the fast path gave one.
fn agree<T: DeserializeOwned + PartialEq + Debug>(text: &str) -> bool {
    let Some(fast) = fast::decode_by_name::<T>(text) else {
        return false;
    };
    match from_str_objects_only::<T>(text) {
        Ok(slow) => assert_eq!(fast, slow, "fast path and serde_json differ on {text}"),
        Err(e) => panic!("fast path accepted what serde_json refuses ({e}): {text}"),
    }
    true
}

/// `agree` on `text` and on edits of it: every truncation at a few points and some bytes replaced.
fn agree_with_edits<T: DeserializeOwned + PartialEq + Debug>(text: &str, seed: u64) -> bool {
    let taken = agree::<T>(text);
    let bytes = text.as_bytes();
    let mut x = seed | 1;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..24 {
        let at = usize::try_from(next() % u64::try_from(bytes.len().max(1)).unwrap()).unwrap();
        if let Ok(cut) = std::str::from_utf8(&bytes[..at]) {
            agree::<T>(cut);
        }
        let mut edited = bytes.to_vec();
        edited[at] = b"{}[]\",:0-9.tfn \\e"[usize::try_from(next() % 17).unwrap()];
        if let Ok(s) = std::str::from_utf8(&edited) {
            agree::<T>(s);
        }
    }
    taken
}

/// Every `input.document` of a vector file, as JSON text.
fn vector_documents(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("tests/vectors/records").join(file)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["input"].get("document"))
        .map(|d| d.to_string())
        .collect()
}

fn sample_lines(file: &str) -> Vec<String> {
    std::fs::read_to_string(root().join("examples/data").join(file))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every document of `docs` (and its edits, seeded from `first_seed` on) decodes the same on both paths, and at
/// least `at_least` of them take the fast path.
fn assert_mostly_fast<T: DeserializeOwned + PartialEq + Debug>(
    docs: &[String],
    first_seed: u64,
    at_least: usize,
) {
    let taken = docs
        .iter()
        .zip(first_seed..)
        .filter(|(d, seed)| agree_with_edits::<T>(d, *seed))
        .count();
    assert!(
        taken >= at_least,
        "only {taken} of {} on the fast path",
        docs.len()
    );
}

#[test]
fn community_api_documents_decode_the_same_on_both_paths() {
    let g = Generator::new(11);
    let mut docs = vector_documents("community_api.json");
    docs.extend(vector_documents("community_api_round_trip.json"));
    docs.extend(sample_lines("community-api.jsonl"));
    docs.extend((0..200).map(|i| community_api_from_case(&g.case(i))));
    // The documents this library writes are all on the fast path (this is what makes import fast).
    assert_mostly_fast::<CommunityApiCase>(&docs, 1, 220);
}

#[test]
fn tier_details_documents_decode_the_same_on_both_paths() {
    let g = Generator::new(12);
    let on = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let mut docs = vector_documents("tier_details.json");
    docs.extend(vector_documents("tier_details_hostile.json"));
    docs.extend(vector_documents("tier_details_round_trip.json"));
    docs.extend(sample_lines("tier-details.jsonl"));
    docs.extend((0..200).map(|i| tier_details_line_from_case(&g.case(i), on)));
    assert_mostly_fast::<TierDetails>(&docs, 100, 200);
}

#[test]
fn integration_api_documents_decode_the_same_on_both_paths() {
    let g = Generator::new(13);
    let on = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let mut docs = vector_documents("integration_api.json");
    docs.extend(sample_lines("integration-api.jsonl"));
    docs.extend((0..200).map(|i| integration_api_from_case(&g.case(i), on)));
    assert_mostly_fast::<IntegrationApiCase>(&docs, 200, 200);
}

#[test]
fn arns_sections_documents_decode_the_same_on_both_paths() {
    let mut seen = 0;
    for file in [
        "tier_details.json",
        "tier_details_hostile.json",
        "tier_details_round_trip.json",
    ] {
        for d in vector_documents(file) {
            let v: serde_json::Value = serde_json::from_str(&d).unwrap();
            if let Some(sections) = v.get("sections") {
                seen += 1;
                agree_with_edits::<ArnsSections>(&sections.to_string(), 300 + seen);
            }
        }
    }
    assert!(seen >= 5, "{seen} documents with sections");
}

/// The shape's aliased keys (`ogrsScore` for `ogrsscore`, `rsrScore` for `rsrscore`) reach the right fields on
/// the fast path: names, not indices, are handed over (an index would name the field after the alias).
#[test]
fn aliased_keys_reach_their_fields_on_the_fast_path() {
    let doc = r#"{"gender":"Male","ogrsScore":55,"rsrScore":3.25,"registrations":[],"convictions":[],"previousEnforcementActivity":true,"hasActiveEvent":false}"#;
    assert!(agree::<TierDetails>(doc));
    let d = fast::decode_by_name::<TierDetails>(doc).unwrap();
    assert_eq!(d.ogrs_score, Some(55.0));
    assert_eq!(d.rsr_score, Some(3.25));
    assert!(d.previous_enforcement_activity);
    assert!(!d.has_active_event);
}
