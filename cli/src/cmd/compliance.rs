//! `probation compliance FILE --as-of DATE [--policy NAME|FILE]`: windows, failures and enforcement per case.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::contact::{compliance, render_compliance};
use serde_json::json;

use super::schedule::{Format, contact_error_line, load_calendar, load_policy, report};
use crate::io::{CliError, each_case, open_output, write_json_line};

/// Arguments of `compliance`.
#[derive(clap::Args)]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// The date to assess compliance on.
    #[arg(long = "as-of", value_name = "DATE")]
    as_of: NaiveDate,
    /// Contact policy: a preset (`ns2007`, `tr2014`, `ps2021`) or a policy JSON file.
    #[arg(long, default_value = "ps2021")]
    policy: String,
    /// Extra bank holiday, repeatable.
    #[arg(long = "extra-holiday", value_name = "DATE")]
    extra_holidays: Vec<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Shape of the input: `case` (the default) or `community-api` (see `probation import`; tier-details and
    /// Integration API cases hold no contacts or requirements).
    #[arg(long, value_enum, default_value = "case")]
    from: crate::io::InputShape,
    /// In table format, how many open windows to show per case.
    #[arg(long, default_value_t = 3)]
    next: usize,
}

/// Runs `compliance`. Exit 1 when any case could not be assessed.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let policy = load_policy(&args.policy)?;
    let calendar = load_calendar(&args.extra_holidays)?;
    let mut out = open_output(Path::new("-"))?;
    let (mut total, mut failed, mut actions) = (0usize, 0usize, 0usize);
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
        match compliance(&case, &policy, &calendar, args.as_of) {
            Err(e) => {
                failed += 1;
                report(&mut *out, args.format, contact_error_line(number, &e))?;
            }
            Ok(c) => {
                actions += c
                    .enforcement
                    .iter()
                    .filter(|s| s.status != probation_core::contact::StepStatus::Done)
                    .count();
                match args.format {
                    Format::Json => write_json_line(
                        &mut *out,
                        &json!({"line": number, "crn": case.person.crn.as_str(), "compliance": c}),
                    )?,
                    Format::Table => {
                        writeln!(
                            out,
                            "{}",
                            render_compliance(case.person.crn.as_str(), &c, args.next)
                        )?;
                    }
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    eprintln!(
        "{total} case(s) read, {failed} not assessed, {actions} enforcement action(s) outstanding"
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
