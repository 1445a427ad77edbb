//! `probation schedule FILE [--policy NAME|FILE]`: the contact schedule of every case.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::calendar::Calendar;
use probation_core::contact::{ContactError, ContactPolicy, render_schedule, schedule};
use probation_core::model::Case;
use serde_json::json;

pub use crate::args::Format;
use crate::args::{ContactOptions, exit_code};
use crate::io::{CliError, InputShape, each_case, error_line, open_output, write_json_line};

/// Arguments of `schedule`.
#[derive(clap::Args)]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    #[command(flatten)]
    options: ContactOptions,
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
    let (total, failed) = each_contact_case(
        &args.file,
        &args.options,
        "schedule",
        schedule,
        render_schedule,
    )?;
    eprintln!("{total} case(s) read, {failed} not scheduled");
    Ok(exit_code(failed))
}

/// The loop the contact subcommands share: loads the policy and calendar of `options`, streams the cases of
/// `file`, and writes what `engine` makes of each — `{"line", "crn", key: result}` in JSON format, `table`'s text
/// in table format — or its error ([`report`]). Returns the cases read and the cases that failed.
pub fn each_contact_case<T: serde::Serialize>(
    file: &Path,
    options: &ContactOptions,
    key: &str,
    mut engine: impl FnMut(&Case, &ContactPolicy, &Calendar) -> Result<T, ContactError>,
    table: impl Fn(&str, &T) -> String,
) -> Result<(usize, usize), CliError> {
    let policy = load_policy(&options.policy)?;
    let calendar = load_calendar(&options.extra_holidays)?;
    let mut out = open_output(Path::new("-"))?;
    let counts = each_reported_case(
        file,
        options.from,
        options.format,
        &mut *out,
        |out, number, case| {
            match engine(case, &policy, &calendar) {
                Err(e) => return Ok(Err(contact_error_line(number, &e))),
                Ok(r) => match options.format {
                    Format::Json => write_json_line(
                        out,
                        &json!({"line": number, "crn": case.person.crn.as_str(), key: r}),
                    )?,
                    Format::Table => writeln!(out, "{}", table(case.person.crn.as_str(), &r))?,
                },
            }
            Ok(Ok(()))
        },
    )?;
    out.flush()?;
    Ok(counts)
}

/// The loop the case subcommands share: streams the cases of `file` read as `from` and passes each to `f`, which
/// writes its output to `out` or returns its error line. A line that is not a case, and each error line, is
/// written in `format` ([`report`]) and counts as failed. Returns the cases read and the cases that failed.
pub fn each_reported_case(
    file: &Path,
    from: InputShape,
    format: Format,
    out: &mut dyn Write,
    mut f: impl FnMut(&mut dyn Write, usize, &Case) -> Result<Result<(), serde_json::Value>, CliError>,
) -> Result<(usize, usize), CliError> {
    let (mut total, mut failed) = (0usize, 0usize);
    each_case(file, from, None, |number, case| {
        total += 1;
        let error = match case {
            Ok(case) => match f(&mut *out, number, &case)? {
                Ok(()) => return Ok(()),
                Err(v) => v,
            },
            Err(v) => v,
        };
        failed += 1;
        report(&mut *out, format, error)
    })?;
    Ok((total, failed))
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
