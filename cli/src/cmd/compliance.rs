//! `probation compliance FILE --as-of DATE [--policy NAME|FILE]`: windows, failures and enforcement per case.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::contact::{compliance, render_compliance};

use super::schedule::each_contact_case;
use crate::args::{ContactOptions, exit_code};
use crate::io::CliError;

/// Arguments of `compliance`.
#[derive(clap::Args)]
#[command(mut_arg("extra_holidays", |a| a.help("Extra bank holiday, repeatable")))]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// The date to assess compliance on.
    #[arg(long = "as-of", value_name = "DATE")]
    as_of: NaiveDate,
    #[command(flatten)]
    options: ContactOptions,
    /// In table format, how many open windows to show per case.
    #[arg(long, default_value_t = 3)]
    next: usize,
}

/// Runs `compliance`. Exit 1 when any case could not be assessed.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut actions = 0usize;
    let (total, failed) = each_contact_case(
        &args.file,
        &args.options,
        "compliance",
        |case, policy, calendar| {
            let c = compliance(case, policy, calendar, args.as_of)?;
            actions += c
                .enforcement
                .iter()
                .filter(|s| s.status != probation_core::contact::StepStatus::Done)
                .count();
            Ok(c)
        },
        |crn, c| render_compliance(crn, c, args.next),
    )?;
    eprintln!(
        "{total} case(s) read, {failed} not assessed, {actions} enforcement action(s) outstanding"
    );
    Ok(exit_code(failed))
}
