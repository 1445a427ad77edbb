//! `probation allocate FILE [--on DATE] [--policy NAME|FILE]`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::allocation::{AllocationPolicy, Calendar, allocate};
use probation_core::interchange::read_jsonl;
use probation_core::model::Case;
use serde_json::json;

use crate::io::{CliError, checked_case, error_line, open_input, open_output, write_json_line};

/// Arguments of `allocate`.
#[derive(clap::Args)]
#[command(after_help = "Output: one JSON object per case on standard output: \
{\"line\", \"crn\", \"allocation\": {\"provider\", \"rules\", \"policy_id\", \"policy_version\", \"on\", \
\"sentence_date\", \"deadline\"}} or {\"line\", \"error\": {\"kind\", \"path\", \"message\"}}. \
A summary (cases by provider) goes to standard error.")]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// Date of the allocation (YYYY-MM-DD). Default: each case's newest sentence date (the day the allocation
    /// decision is made); a case with no event then gets an error line.
    #[arg(long)]
    on: Option<NaiveDate>,
    /// Allocation policy: a preset name (`default`, `verified-only`) or a JSON policy file (every field given,
    /// unknown fields rejected). Default: `default`.
    #[arg(long, default_value = "default")]
    policy: String,
}

/// Loads a policy from a preset name or a JSON file.
pub fn load_policy(spec: &str) -> Result<AllocationPolicy, CliError> {
    if AllocationPolicy::PRESETS.contains(&spec) {
        return AllocationPolicy::preset(spec).map_err(|e| CliError(e.to_string()));
    }
    let text = std::fs::read_to_string(spec)
        .map_err(|e| CliError(format!("cannot read policy file {spec}: {}", e.kind())))?;
    AllocationPolicy::from_json(&text).map_err(|e| CliError(format!("invalid policy: {e}")))
}

/// The newest sentence date of a case, the default decision date.
pub fn newest_sentence_date(case: &Case) -> Option<NaiveDate> {
    case.events.iter().map(|e| e.sentence_date).max()
}

/// Runs `allocate`.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let policy = load_policy(&args.policy)?;
    let calendar = Calendar::england_and_wales();
    let input = open_input(&args.file)?;
    let mut out = open_output(Path::new("-"))?;
    let mut by_provider: BTreeMap<&'static str, usize> = BTreeMap::new();
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
        match allocate(&case, on, &policy, &calendar) {
            Ok(a) => {
                *by_provider.entry(a.provider.code()).or_default() += 1;
                let v = json!({"line": line.number, "crn": case.person.crn, "allocation": a});
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
        "{total} case(s) read, {} allocated, {errors} error(s); policy {} v{}",
        total - errors,
        policy.id,
        policy.version
    );
    for (provider, n) in &by_provider {
        eprintln!("  {provider:<18} {n:>8}");
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
