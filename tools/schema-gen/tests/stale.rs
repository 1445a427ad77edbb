//! Fails when a checked-in generated file is not what the current types generate: `schema/case.schema.json`,
//! `schema/types.schema.json`, the Python types `bindings-python/python/probation/_types.py` and core's
//! `core/src/interchange/format_keys.txt`.
#![cfg(test)]

use std::path::Path;

fn check(path: &Path, generated: &str) {
    let on_disk = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert!(
        on_disk == generated,
        "{} is stale: run `cargo run -p schema-gen` and commit the result",
        path.display()
    );
}

#[test]
fn checked_in_schema_is_up_to_date() {
    check(&schema_gen::schema_path(), &schema_gen::case_schema());
}

#[test]
fn checked_in_types_schema_is_up_to_date() {
    check(
        &schema_gen::types_schema_path(),
        &schema_gen::types_schema(),
    );
}

#[test]
fn checked_in_python_types_are_up_to_date() {
    check(
        &schema_gen::python_types_path(),
        &schema_gen::python_types(),
    );
}

#[test]
fn checked_in_format_keys_are_up_to_date() {
    check(&schema_gen::format_keys_path(), &schema_gen::format_keys());
}

#[test]
fn every_result_field_is_a_python_name() {
    let defs = schema_gen::types_defs();
    for (name, def) in &defs {
        let props = def.get("properties").and_then(|p| p.as_object());
        for field in props.into_iter().flat_map(|p| p.keys()) {
            assert!(
                !schema_gen::python::PYTHON_KEYWORDS.contains(&field.as_str()),
                "{name}.{field} is a Python keyword: the generator would need a rename"
            );
        }
    }
}

#[test]
fn the_python_types_cover_every_result_type() {
    let py = schema_gen::python_types();
    for t in [
        "Allocation",
        "Tier",
        "Schedule",
        "Compliance",
        "SentenceDates",
        "BankHoliday",
        "Trigger",
    ] {
        assert!(
            py.contains(&format!("\nclass {t}")),
            "{t} missing from _types.py"
        );
    }
}

/// A shape the Python generator does not know (an externally tagged enum with data, an untagged union, ...)
/// would come out as `typing.Any`: extend `src/python.rs` instead of letting a type go untyped.
#[test]
fn every_python_field_is_typed() {
    let py = schema_gen::python_types();
    let untyped: Vec<&str> = py.lines().filter(|l| l.contains("typing.Any")).collect();
    assert!(
        untyped.is_empty(),
        "untyped fields in the generated Python: {untyped:?}"
    );
}
