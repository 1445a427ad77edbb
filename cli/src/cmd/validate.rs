//! `probation validate FILE`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use probation_core::interchange::{DecodeError, read_jsonl};
use probation_core::validate::validate;
use serde_json::json;

use crate::args::exit_code;
use crate::io::{CliError, open_input, open_output, write_json_line};

/// Arguments of `validate`.
#[derive(clap::Args)]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// Print one JSON object per invalid case instead of text.
    #[arg(long)]
    json: bool,
}

/// Runs `validate`: one report per invalid case on stdout, a summary on stderr; exit 1 when any case is invalid.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let input = open_input(&args.file)?;
    let mut out = open_output(std::path::Path::new("-"))?;
    let (mut total, mut invalid) = (0usize, 0usize);
    for line in read_jsonl(input) {
        total += 1;
        let problems: Vec<(String, String, String)> = match line.case {
            Err(DecodeError::Io(e)) => return Err(CliError(format!("read failed: {e}"))),
            Err(e) => vec![(e.path().to_owned(), "decode".to_owned(), e.detail())],
            Ok(case) => match validate(&case) {
                Ok(()) => continue,
                Err(errs) => errs
                    .0
                    .iter()
                    .map(|i| {
                        (
                            i.path.clone(),
                            i.rule.code().to_owned(),
                            i.rule.message().to_owned(),
                        )
                    })
                    .collect(),
            },
        };
        invalid += 1;
        if args.json {
            let errors: Vec<_> = problems
                .iter()
                .map(|(p, r, m)| json!({"path": p, "rule": r, "message": m}))
                .collect();
            write_json_line(
                &mut *out,
                &json!({"line": line.number, "valid": false, "errors": errors}),
            )?;
        } else {
            for (path, rule, message) in &problems {
                let path = if path.is_empty() { "(document)" } else { path };
                writeln!(out, "line {}: {path}: {message} [{rule}]", line.number)?;
            }
        }
    }
    out.flush()?;
    eprintln!("{total} case(s) read, {invalid} invalid");
    Ok(exit_code(invalid))
}
