//! Fails when `schema/case.schema.json` is not what the current types generate.
#![allow(clippy::unwrap_used, clippy::panic, reason = "test code")]

#[test]
fn checked_in_schema_is_up_to_date() {
    let path = schema_gen::schema_path();
    let on_disk = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert!(
        on_disk == schema_gen::case_schema(),
        "{} is stale: run `cargo run -p schema-gen` and commit the result",
        path.display()
    );
}
