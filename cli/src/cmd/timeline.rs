//! `probation timeline FILE --from DATE --to DATE [--format table]`: every date on which any answer of each case
//! changes, with the rules behind it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::audit::{AuditOptions, render_timeline, timeline_with};
use serde_json::json;

use super::schedule::{Format, load_calendar, report};
use crate::io::{CliError, each_case, error_line, open_output, write_json_line};

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
    let (mut total, mut failed) = (0usize, 0usize);
    each_case(
        &args.file,
        crate::io::InputShape::Case,
        None,
        |number, case| {
            total += 1;
            let case = match case {
                Ok(c) => c,
                Err(v) => {
                    failed += 1;
                    return report(&mut *out, args.format, v);
                }
            };
            match timeline_with(&case, args.from, args.to, &options, &calendar) {
                Err(e) => {
                    failed += 1;
                    report(
                        &mut *out,
                        args.format,
                        error_line(number, e.kind(), &e.path(), &e.to_string()),
                    )
                }
                Ok(t) => match args.format {
                    Format::Json => write_json_line(
                        &mut *out,
                        &json!({"line": number, "crn": case.person.crn.as_str(), "timeline": t}),
                    ),
                    Format::Table => {
                        writeln!(out, "{}", render_timeline(case.person.crn.as_str(), &t))?;
                        Ok(())
                    }
                },
            }
        },
    )?;
    out.flush()?;
    eprintln!("{total} case(s) read, {failed} failed");
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
