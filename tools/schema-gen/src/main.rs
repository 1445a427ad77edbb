//! Writes `schema/case.schema.json`, `schema/types.schema.json` and the generated Python types and core's list of format keys (run
//! `cargo run -p schema-gen` after changing the case model or a result type).
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let outputs: [(PathBuf, String); 4] = [
        (schema_gen::schema_path(), schema_gen::case_schema()),
        (schema_gen::types_schema_path(), schema_gen::types_schema()),
        (schema_gen::python_types_path(), schema_gen::python_types()),
        (schema_gen::format_keys_path(), schema_gen::format_keys()),
    ];
    for (path, text) in outputs {
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("schema-gen: cannot write {}: {}", path.display(), e.kind());
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
