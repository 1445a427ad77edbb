//! Keeps `docs/interchange.md` honest: its complete example decodes, validates and round-trips, and its table of
//! validation rules lists every rule with the library's own message.
#![cfg(test)]

use probation_core::interchange::{decode_case, encode_case};
use probation_core::validate::{ValidationRule, validate};

fn doc() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/interchange.md"
    ))
    .unwrap()
}

#[test]
fn complete_example_decodes_and_validates() {
    let doc = doc();
    let section = doc.split("## A complete example").nth(1).unwrap();
    let json = section
        .split("```json")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let case = decode_case(json).unwrap_or_else(|e| panic!("example does not decode: {e}"));
    if let Err(e) = validate(&case) {
        panic!("example does not validate: {e}");
    }
    assert_eq!(decode_case(&encode_case(&case)).unwrap(), case);
    // It shows every top-level field and every sentence type but the suspended order (see the tables).
    for field in [
        "case_id",
        "provider",
        "registrations",
        "assessments",
        "contacts",
        "enforcement",
    ] {
        assert!(
            json.contains(&format!("\"{field}\"")),
            "example lacks {field}"
        );
    }
}

#[test]
fn rule_table_lists_every_rule() {
    let doc = doc();
    let table = doc.split("## Validation rules").nth(1).unwrap();
    for rule in ValidationRule::ALL {
        let row = format!(
            "| `{}` | {} | {} |",
            rule.code(),
            rule.message(),
            rule.source()
        );
        assert!(
            table.contains(&row),
            "docs/interchange.md lacks or misstates: {row}"
        );
    }
}
