//! `probation dates FILE`: the key dates of every event of every case, as JSON Lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use probation_core::interchange::{DecodeError, read_jsonl};
use probation_core::sentence::sentence_dates;
use probation_core::validate::validate;
use serde_json::{Value, json};

use crate::io::{CliError, open_input, open_output, write_json_line};

/// Arguments of `dates`.
#[derive(clap::Args)]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// Where to write the JSON Lines; `-` (the default) for standard output.
    #[arg(short, long, default_value = "-")]
    output: PathBuf,
}

/// Runs `dates`: one JSON object per valid case on the output (`line`, `crn`, `case_id`, `events`: the
/// sentence dates of each event, with its index as `event`); each invalid case is reported on standard error by
/// line number and field path, without its data. Exit 1 when any case failed.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let input = open_input(&args.file)?;
    let mut out = open_output(&args.output)?;
    let (mut total, mut failed) = (0usize, 0usize);
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for line in read_jsonl(input) {
        total += 1;
        let case = match line.case {
            Err(DecodeError::Io(e)) => return Err(CliError(format!("read failed: {e}"))),
            Err(e) => {
                failed += 1;
                writeln!(err, "line {}: {}", line.number, e)?;
                continue;
            }
            Ok(case) => case,
        };
        if let Err(errs) = validate(&case) {
            failed += 1;
            for i in &errs.0 {
                writeln!(
                    err,
                    "line {}: {}: {} [{}]",
                    line.number,
                    i.path,
                    i.rule.message(),
                    i.rule.code()
                )?;
            }
            continue;
        }
        let mut events = Vec::with_capacity(case.events.len());
        let mut ok = true;
        for (i, event) in case.events.iter().enumerate() {
            match sentence_dates(&case.person, event) {
                Ok(d) => {
                    let mut v = serde_json::to_value(&d)
                        .map_err(|e| CliError(format!("cannot encode dates: {e}")))?;
                    if let Value::Object(m) = &mut v {
                        m.insert("event".to_owned(), json!(i));
                    }
                    events.push(v);
                }
                Err(e) => {
                    ok = false;
                    writeln!(
                        err,
                        "line {}: events[{i}].{}: {} [{}]",
                        line.number,
                        e.field(),
                        strip_field(&e.to_string()),
                        e.code()
                    )?;
                }
            }
        }
        if !ok {
            failed += 1;
            continue;
        }
        write_json_line(
            &mut *out,
            &json!({
                "line": line.number,
                "crn": case.person.crn,
                "case_id": case.case_id,
                "events": events,
            }),
        )?;
    }
    out.flush()?;
    writeln!(err, "{total} case(s) read, {failed} failed")?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A sentence error's message without its leading `field: `.
fn strip_field(msg: &str) -> &str {
    msg.split_once(": ").map_or(msg, |(_, m)| m)
}
