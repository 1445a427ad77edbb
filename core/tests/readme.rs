//! The README's Rust quick start is `core/examples/quickstart.rs`, verbatim (the example itself is compiled and
//! run by `cargo test`'s example build and by `scripts/run-sample.sh`).

#[test]
fn readme_quick_start_is_the_example_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("../README.md")).unwrap();
    let example = std::fs::read_to_string(root.join("examples/quickstart.rs")).unwrap();
    assert!(
        readme.contains(&format!("```rust\n{example}```")),
        "README.md's Rust quick start differs from core/examples/quickstart.rs"
    );
}
