//! `probation validate FILE [--from SHAPE]`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::interchange::{DecodeError, read_jsonl};
use probation_core::model::Case;
use probation_core::validate::validate;
use serde_json::json;

use crate::args::exit_code;

use crate::io::{CliError, InputShape, each_record, open_input, open_output, write_json_line};

/// Arguments of `validate`.
#[derive(clap::Args)]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// Print one JSON object per invalid case instead of text.
    #[arg(long)]
    json: bool,
    /// Shape of the input (see `probation import`): a record is mapped, then the case it gives is validated in
    /// full, so what a shape lacks (tier-details' lengths, the Integration API's requirements) is reported too.
    #[arg(long, value_enum, default_value = "case")]
    from: InputShape,
    /// Calculation date (YYYY-MM-DD) tier-details needs.
    #[arg(long)]
    on: Option<NaiveDate>,
}

/// (path, rule or error kind, message) of each problem of one line.
type Problems = Vec<(String, String, String)>;

fn issues(case: &Case) -> Problems {
    validate(case).err().map_or_else(Vec::new, |errs| {
        errs.0
            .iter()
            .map(|i| {
                (
                    i.path.clone(),
                    i.rule.code().to_owned(),
                    i.rule.message().to_owned(),
                )
            })
            .collect()
    })
}

/// Runs `validate`: one report per invalid case on stdout, a summary on stderr; exit 1 when any case is invalid.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut out = open_output(std::path::Path::new("-"))?;
    let (mut total, mut invalid) = (0usize, 0usize);
    let mut report = |number: usize, problems: Problems| -> Result<(), CliError> {
        total += 1;
        if problems.is_empty() {
            return Ok(());
        }
        invalid += 1;
        if args.json {
            let errors: Vec<_> = problems
                .iter()
                .map(|(p, r, m)| json!({"path": p, "rule": r, "message": m}))
                .collect();
            write_json_line(
                &mut *out,
                &json!({"line": number, "valid": false, "errors": errors}),
            )
        } else {
            for (path, rule, message) in &problems {
                let path = if path.is_empty() { "(document)" } else { path };
                writeln!(out, "line {number}: {path}: {message} [{rule}]")?;
            }
            Ok(())
        }
    };
    if args.from == InputShape::Case {
        for line in read_jsonl(open_input(&args.file)?) {
            let problems = match line.case {
                Err(DecodeError::Io(e)) => return Err(CliError(format!("read failed: {e}"))),
                Err(e) => vec![(e.path().to_owned(), "decode".to_owned(), e.detail())],
                Ok(case) => issues(&case),
            };
            report(line.number, problems)?;
        }
    } else {
        each_record(&args.file, args.from, args.on, |number, mapped| {
            let problems = match mapped {
                Ok(case) => issues(&case),
                // The mapping's error line: its kind, field path and (redacted) message.
                Err(v) => {
                    let (path, kind, message) = crate::io::error_parts(&v);
                    vec![(path, kind, message)]
                }
            };
            report(number, problems)
        })?;
    }
    out.flush()?;
    eprintln!("{total} case(s) read, {invalid} invalid");
    Ok(exit_code(invalid))
}
