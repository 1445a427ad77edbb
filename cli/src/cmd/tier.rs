//! `probation tier FILE [--on DATE]`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::tier::tier;
use serde_json::json;

use crate::io::{CliError, each_dated_case, error_line};

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
    let mut by_tier: BTreeMap<String, usize> = BTreeMap::new();
    let (total, errors) = each_dated_case(&args.file, args.on, |number, case, on| {
        match tier(case, on) {
            Ok(t) => {
                *by_tier.entry(t.tier.to_string()).or_default() += 1;
                Ok(json!({"line": number, "crn": case.person.crn, "tier": t}))
            }
            Err(e) => Err(error_line(number, e.kind(), e.path(), &e.to_string())),
        }
    })?;
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
