//! `probation timeline FILE --from DATE --to DATE [--format table]`: every date on which any answer of each case
//! changes, with the rules behind it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::audit::{AuditOptions, render_timeline, timeline_with};
use serde_json::json;

use super::schedule::{Format, each_reported_case, load_calendar};
use crate::args::exit_code;
use crate::io::{CliError, InputShape, error_line, open_output, write_json_line};

/// Arguments of `timeline`.
#[derive(clap::Args)]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// First date of the range.
    #[arg(long, value_name = "DATE")]
    from: NaiveDate,
    /// Last date of the range.
    #[arg(long, value_name = "DATE")]
    to: NaiveDate,
    /// Extra bank holiday, repeatable.
    #[arg(long = "extra-holiday", value_name = "DATE")]
    extra_holidays: Vec<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
}

/// Runs `timeline`. Exit 1 when any case could not be read.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let calendar = load_calendar(&args.extra_holidays)?;
    let options = AuditOptions::standard().map_err(|e| CliError(e.to_string()))?;
    let mut out = open_output(Path::new("-"))?;
    let (total, failed) = each_reported_case(
        &args.file,
        InputShape::Case,
        args.format,
        &mut *out,
        |out, number, case| {
            let t = match timeline_with(case, args.from, args.to, &options, &calendar) {
                Err(e) => return Ok(Err(error_line(number, e.kind(), &e.path(), &e.to_string()))),
                Ok(t) => t,
            };
            let crn = case.person.crn.as_str();
            match args.format {
                Format::Json => {
                    write_json_line(out, &json!({"line": number, "crn": crn, "timeline": t}))?
                }
                Format::Table => writeln!(out, "{}", render_timeline(crn, &t))?,
            }
            Ok(Ok(()))
        },
    )?;
    out.flush()?;
    eprintln!("{total} case(s) read, {failed} failed");
    Ok(exit_code(failed))
}
