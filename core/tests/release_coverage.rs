//! Every release rule fires in at least one shared vector of `tests/vectors/sentence/release_*.json`, and every
//! rule id is listed in docs/rules/release.md.

use std::collections::BTreeSet;
use std::path::Path;

use probation_core::calendar::Calendar;
use probation_core::release::{ReleaseOptions, release_dates, rules::TABLE};
use serde_json::Value;

#[test]
fn every_release_rule_fires_in_some_vector_and_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/sentence");
    let cal = Calendar::england_and_wales();
    let mut fired = BTreeSet::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("release_") || name == "release_law.json" {
            continue;
        }
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in file["cases"].as_array().unwrap() {
            let input = &case["input"];
            let person = serde_json::from_value(input["person"].clone()).unwrap();
            let booking = serde_json::from_value(input["booking"].clone()).unwrap();
            let on = serde_json::from_value(input["on"].clone()).unwrap();
            let options: ReleaseOptions = input
                .get("options")
                .map(|o| serde_json::from_value(o.clone()).unwrap())
                .unwrap_or_default();
            if let Ok(d) = release_dates(&person, &booking, on, &options, &cal) {
                fired.extend(d.rules.iter().map(|r| r.id));
            }
        }
    }
    let missing: Vec<_> = TABLE
        .iter()
        .map(|r| r.id)
        .filter(|id| !fired.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules no vector fires: {missing:?}");
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rules/release.md"),
    )
    .unwrap();
    let undocumented: Vec<_> = TABLE
        .iter()
        .map(|r| r.id)
        .filter(|id| {
            !doc.lines()
                .any(|l| l.starts_with("Rules:") && l.contains(&format!("`{id}`")))
        })
        .collect();
    assert!(
        undocumented.is_empty(),
        "rules missing from docs/rules/release.md: {undocumented:?}"
    );
}
