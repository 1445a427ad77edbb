//! `probation tier FILE [--on DATE]`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::interchange::read_jsonl;
use probation_core::tier::tier;
use serde_json::json;

use super::allocate::newest_sentence_date;
use crate::io::{CliError, open_input, open_output, write_json_line};
use crate::io::{checked_case, error_line};

/// Arguments of `tier`.
#[derive(clap::Args)]
#[command(after_help = "Output: one JSON object per case on standard output: \
{\"line\", \"crn\", \"tier\": {\"tier\", \"ndelius\", \"protect\", \"change\", \"unsupervised\", \"on\", \"rules\"}} \
or {\"line\", \"error\": {\"kind\", \"path\", \"message\"}}. A summary (cases by tier) goes to standard error.")]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// Date of the calculation (YYYY-MM-DD). Default: each case's newest sentence date; a case with no event then
    /// gets an error line.
    #[arg(long)]
    on: Option<NaiveDate>,
}

/// Runs `tier`.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let input = open_input(&args.file)?;
    let mut out = open_output(Path::new("-"))?;
    let mut by_tier: BTreeMap<String, usize> = BTreeMap::new();
    let (mut total, mut errors) = (0usize, 0usize);
    for line in read_jsonl(input) {
        total += 1;
        let case = match checked_case(line.number, line.case)? {
            Ok(c) => c,
            Err(v) => {
                errors += 1;
                write_json_line(&mut *out, &v)?;
                continue;
            }
        };
        let Some(on) = args.on.or_else(|| newest_sentence_date(&case)) else {
            errors += 1;
            let v = error_line(
                line.number,
                "no_date",
                "events",
                "case has no event: give --on",
            );
            write_json_line(&mut *out, &v)?;
            continue;
        };
        match tier(&case, on) {
            Ok(t) => {
                *by_tier.entry(t.tier.to_string()).or_default() += 1;
                let v = json!({"line": line.number, "crn": case.person.crn, "tier": t});
                write_json_line(&mut *out, &v)?;
            }
            Err(e) => {
                errors += 1;
                let v = error_line(line.number, e.kind(), e.path(), &e.to_string());
                write_json_line(&mut *out, &v)?;
            }
        }
    }
    out.flush()?;
    eprintln!(
        "{total} case(s) read, {} tiered, {errors} error(s)",
        total - errors
    );
    for (t, n) in &by_tier {
        eprintln!("  {t:<5} {n:>8}");
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
