//! `probation import --from tier-details|community-api|integration-api FILE [--on DATE]`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::args::exit_code;
use crate::io::{CliError, InputShape, each_case, open_output, write_json_line};

/// Arguments of `import`.
#[derive(clap::Args)]
#[command(
    after_help = "Input: one document a line. tier-details: the tier-to-delius document with a `crn` member \
added (the CRN is in tier-to-delius' URL); community-api: {\"offender\", \"convictions\", \"registrations\", \
\"contacts\", \"nsis\"}; integration-api: {\"crn\", \"caseDetails\", \"supervisions\", \"registrations\"}. Output: one \
case a line (the case format), or {\"line\", \"error\": {\"kind\", \"path\", \"message\"}}; a summary on standard \
error; exit 1 if any line failed. docs/records.md says what each mapping reads."
)]
pub struct Args {
    /// Input file; `-` for standard input.
    file: PathBuf,
    /// Shape of the input.
    #[arg(long, value_enum)]
    from: InputShape,
    /// Calculation date (YYYY-MM-DD): tier-details places its events relative to it. Required for tier-details.
    #[arg(long)]
    on: Option<NaiveDate>,
}

/// Runs `import`.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut out = open_output(Path::new("-"))?;
    let (mut total, mut errors) = (0usize, 0usize);
    each_case(&args.file, args.from, args.on, |_, case| {
        total += 1;
        match case {
            Ok(case) => write_json_line(&mut *out, &case),
            Err(e) => {
                errors += 1;
                write_json_line(&mut *out, &e)
            }
        }
    })?;
    out.flush()?;
    eprintln!(
        "{total} document(s) read, {} imported, {errors} error(s)",
        total - errors
    );
    Ok(exit_code(errors))
}
