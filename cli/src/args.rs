//! Argument blocks the subcommands share: flatten one into a subcommand's `Args` with `#[command(flatten)]`. A
//! subcommand whose argument means something more specific rewords its help with
//! `#[command(mut_arg("on", |a| a.help("…")))]`, so a new subcommand gets the same names, defaults and parsing.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::model::Case;

use crate::io::{CaseLine, CliError, InputShape, each_dated_case};

/// `FILE [--on DATE] [--from SHAPE]`: a case file, each case taken on a decision date (`allocate`, `tier`,
/// `predict`, `export-tier`).
#[derive(clap::Args)]
pub struct DatedCases {
    /// Case file (JSON Lines); `-` for standard input.
    pub file: PathBuf,
    /// Date of the calculation (YYYY-MM-DD). Default: each case's newest sentence date; a case with no event then
    /// gets an error line.
    #[arg(long)]
    pub on: Option<NaiveDate>,
    /// Shape of the input: `case` (the default), `tier-details`, `community-api` or `integration-api` (one
    /// document a line; see `probation import`).
    #[arg(long, value_enum, default_value = "case")]
    pub from: InputShape,
}

impl DatedCases {
    /// Streams the cases and writes what `f` makes of each on its date ([`each_dated_case`]). Returns the cases
    /// read and the error lines.
    ///
    /// # Errors
    /// An unreadable input or a failed write.
    pub fn each(
        &self,
        f: impl FnMut(usize, &Case, NaiveDate) -> CaseLine,
    ) -> Result<(usize, usize), CliError> {
        each_dated_case(&self.file, self.from, self.on, f)
    }
}

/// Output format of the contact subcommands.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per case (JSON Lines).
    Json,
    /// A human-readable table per case.
    Table,
}

/// `[--policy NAME|FILE] [--extra-holiday DATE]… [--format json|table] [--from SHAPE]`: the options of the
/// contact subcommands (`schedule`, `compliance`).
#[derive(clap::Args)]
pub struct ContactOptions {
    /// Contact policy: a preset (`ns2007`, `tr2014`, `ps2021`) or a policy JSON file.
    #[arg(long, default_value = "ps2021")]
    pub policy: String,
    /// Extra bank holiday (proclaimed one-off days), repeatable: `--extra-holiday 2027-06-07`.
    #[arg(long = "extra-holiday", value_name = "DATE")]
    pub extra_holidays: Vec<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Shape of the input: `case` (the default) or `community-api` (see `probation import`; tier-details and
    /// Integration API cases hold no contacts or requirements).
    #[arg(long, value_enum, default_value = "case")]
    pub from: InputShape,
}

/// The exit code of a subcommand: 1 when any case failed, else success.
pub fn exit_code(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
