//! Writes `schema/case.schema.json` (run `cargo run -p schema-gen` after changing the case model).
#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = schema_gen::schema_path();
    match std::fs::write(&path, schema_gen::case_schema()) {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("schema-gen: cannot write {}: {}", path.display(), e.kind());
            ExitCode::FAILURE
        }
    }
}
