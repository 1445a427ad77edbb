//! `probation calendar`: England & Wales bank holidays and working-day arithmetic.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::calendar::Calendar;

use crate::io::{CliError, open_output, write_json_line};

/// Arguments of `calendar`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// List the bank holidays of YEAR (1970-2100): one line per holiday, date and name.
    Holidays {
        /// The year, 1970 to 2100.
        year: i32,
        /// Print JSON Lines (`date`, `name`, `substitute`, `rule`) instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        extra: Extra,
    },
    /// Print the N-th working day after DATE, counting from the working day after it (N = 0 prints DATE).
    AddWorkingDays {
        /// Start date, YYYY-MM-DD.
        date: NaiveDate,
        /// Number of working days.
        n: u32,
        #[command(flatten)]
        extra: Extra,
    },
}

/// Extra bank holidays (a day proclaimed after this release).
#[derive(clap::Args)]
struct Extra {
    /// An extra bank holiday, YYYY-MM-DD; repeat for more.
    #[arg(long = "extra-holiday", value_name = "DATE")]
    extra_holidays: Vec<NaiveDate>,
}

impl Extra {
    fn calendar(&self) -> Result<Calendar, CliError> {
        Calendar::england_and_wales()
            .with_extra_holidays(self.extra_holidays.iter().copied())
            .map_err(|e| CliError(format!("--extra-holiday: {e}")))
    }
}

/// Runs `calendar`.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut out = open_output(Path::new("-"))?;
    match args.command {
        Command::Holidays { year, json, extra } => {
            let holidays = extra
                .calendar()?
                .bank_holidays(year)
                .map_err(|e| CliError(format!("year: {e}")))?;
            for h in &holidays {
                if json {
                    write_json_line(&mut *out, h)?;
                } else {
                    let sub = if h.substitute {
                        " (substitute day)"
                    } else {
                        ""
                    };
                    writeln!(out, "{}\t{}{sub}", h.date, h.name)?;
                }
            }
        }
        Command::AddWorkingDays { date, n, extra } => {
            let d = extra
                .calendar()?
                .add_working_days(date, n)
                .map_err(|e| CliError(format!("add-working-days: {e}")))?;
            writeln!(out, "{d}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
