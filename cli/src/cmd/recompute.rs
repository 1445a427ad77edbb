//! `probation recompute EVENTS`: for each HMPPS domain event (JSON Lines), which results of whose case can change.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use probation_core::records::recompute_for_event;
use serde_json::json;

use crate::args::exit_code;
use crate::io::{CliError, error_line, open_input, open_output, write_json_line};

/// Arguments of `recompute`.
#[derive(clap::Args)]
#[command(
    after_help = "Output: one line per event: {\"line\", \"event_type\", \"crn\"?, \"noms\"?, \"recompute\": \
{\"known\", \"tier\", \"tier_2026\", \"escalation\", \"schedule\", \"release_dates\"}} or {\"line\", \"error\"}."
)]
pub struct Args {
    /// HMPPS domain events, one envelope a line; `-` for standard input.
    file: PathBuf,
}

/// Runs `recompute`.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut out = open_output(Path::new("-"))?;
    let (mut total, mut errors) = (0usize, 0usize);
    for (i, line) in open_input(&args.file)?.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        total += 1;
        let number = i + 1;
        let value = match recompute_for_event(&line) {
            Ok(r) => {
                json!({"line": number, "event_type": r.event_type, "crn": r.crn, "noms": r.noms,
                            "recompute": r.recompute})
            }
            Err(e) => {
                errors += 1;
                error_line(number, e.kind(), e.path(), &e.to_string())
            }
        };
        write_json_line(&mut *out, &value)?;
    }
    out.flush()?;
    eprintln!("{total} event(s) read, {errors} error(s)");
    Ok(exit_code(errors))
}
