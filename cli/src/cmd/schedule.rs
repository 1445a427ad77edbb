//! `probation schedule FILE [--policy NAME|FILE]`: the contact schedule of every case.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::calendar::Calendar;
use probation_core::contact::{ContactError, ContactPolicy, render_schedule, schedule};
use serde_json::json;

use crate::io::{CliError, each_case, error_line, open_output, write_json_line};

/// Output format.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per case (JSON Lines).
    Json,
    /// A human-readable table per case.
    Table,
}

/// Arguments of `schedule`.
#[derive(clap::Args)]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// Contact policy: a preset (`ns2007`, `tr2014`, `ps2021`) or a policy JSON file.
    #[arg(long, default_value = "ps2021")]
    policy: String,
    /// Extra bank holiday (proclaimed one-off days), repeatable: `--extra-holiday 2027-06-07`.
    #[arg(long = "extra-holiday", value_name = "DATE")]
    extra_holidays: Vec<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Shape of the input: `case` (the default) or `community-api` (see `probation import`; tier-details and
    /// Integration API cases hold no contacts or requirements).
    #[arg(long, value_enum, default_value = "case")]
    from: crate::io::InputShape,
}

/// A preset by name, else a policy read from the file at `arg`.
pub fn load_policy(arg: &str) -> Result<ContactPolicy, CliError> {
    if ContactPolicy::PRESETS.contains(&arg) {
        return ContactPolicy::preset(arg).map_err(|e| CliError(e.to_string()));
    }
    let text = std::fs::read_to_string(arg).map_err(|e| {
        CliError(format!(
            "--policy is neither a preset (ns2007, tr2014, ps2021) nor a readable file: {}",
            e.kind()
        ))
    })?;
    ContactPolicy::from_json(&text).map_err(|e| CliError(format!("{arg}: {e}")))
}

/// The England & Wales calendar with `extra` holidays.
pub fn load_calendar(extra: &[NaiveDate]) -> Result<Calendar, CliError> {
    Calendar::england_and_wales()
        .with_extra_holidays(extra.iter().copied())
        .map_err(|e| CliError(format!("--extra-holiday: {e}")))
}

/// The JSON error for a contact error.
pub fn contact_error_line(line: usize, e: &ContactError) -> serde_json::Value {
    error_line(line, e.code(), &e.path(), &e.to_string())
}

/// Runs `schedule`. Exit 1 when any case could not be scheduled.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let policy = load_policy(&args.policy)?;
    let calendar = load_calendar(&args.extra_holidays)?;
    let mut out = open_output(Path::new("-"))?;
    let (mut total, mut failed) = (0usize, 0usize);
    each_case(&args.file, args.from, None, |number, case| {
        total += 1;
        let case = match case {
            Ok(c) => c,
            Err(v) => {
                failed += 1;
                report(&mut *out, args.format, v)?;
                return Ok(());
            }
        };
        match schedule(&case, &policy, &calendar) {
            Err(e) => {
                failed += 1;
                report(&mut *out, args.format, contact_error_line(number, &e))?;
            }
            Ok(s) => match args.format {
                Format::Json => write_json_line(
                    &mut *out,
                    &json!({"line": number, "crn": case.person.crn.as_str(), "schedule": s}),
                )?,
                Format::Table => {
                    writeln!(out, "{}", render_schedule(case.person.crn.as_str(), &s))?;
                }
            },
        }
        Ok(())
    })?;
    out.flush()?;
    eprintln!("{total} case(s) read, {failed} not scheduled");
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes an error as a JSON line, or as a text line in table format.
pub fn report(out: &mut dyn Write, format: Format, v: serde_json::Value) -> Result<(), CliError> {
    match format {
        Format::Json => write_json_line(out, &v),
        Format::Table => {
            let line = v
                .get("line")
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0);
            let message = v
                .get("error")
                .and_then(|e| e.get("message"))
                .and_then(serde_json::Value::as_str)
                .unwrap_or("error");
            writeln!(out, "line {line}: {message}\n")?;
            Ok(())
        }
    }
}
