//! `probation dates FILE [--on DATE] [--format jsonl|table]`: the key dates of every event of every case, and the
//! release dates of every custodial booking, as JSON Lines or a readable table.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::calendar::Calendar;
use probation_core::interchange::{DecodeError, read_jsonl};
use probation_core::model::Case;
use probation_core::release::{ReleaseDate, ReleaseDates, ReleaseOptions, release_dates};
use probation_core::sentence::sentence_dates;
use probation_core::validate::validate;
use serde_json::{Value, json};

use crate::args::exit_code;
use crate::io::{CliError, open_input, open_output, write_json_line};

/// Output format of `dates`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per case.
    Jsonl,
    /// One row per custodial booking: release, expiry, licence, HDCED, ERSED, TUSED.
    Table,
}

/// Arguments of `dates`.
#[derive(clap::Args)]
#[command(
    after_help = "JSON Lines output: one object per valid case: {\"line\", \"crn\", \"case_id\", \"events\": [sentence dates of each event, with \"event\"], \"bookings\": [release dates of each custodial booking, with \"source\" (\"bookings[i]\" or \"events[j]\" for a custody event in the single-sentence form), or {\"source\", \"error\": {\"kind\", \"field\", \"reason\"}} when a booking cannot be calculated]}."
)]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// Where to write the output; `-` (the default) for standard output.
    #[arg(short, long, default_value = "-")]
    output: PathBuf,
    /// Calculation date (YYYY-MM-DD): release dates follow the law in force on it. Default: today (UTC).
    #[arg(long)]
    on: Option<NaiveDate>,
    /// Apply the law as it stood on this date instead (YYYY-MM-DD).
    #[arg(long)]
    law_as_at: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Shape of the input (see `probation import`): community-api bundles give the custody and suspended
    /// sentences their convictions hold; a mapped case is validated before its dates are calculated.
    #[arg(long, value_enum, default_value = "case")]
    from: crate::io::InputShape,
}

/// Today's date (UTC) from the system clock.
fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

/// Runs `dates`: one JSON object per valid case on the output (`line`, `crn`, `case_id`, `events`: the
/// sentence dates of each event, with its index as `event`); each invalid case is reported on standard error by
/// line number and field path, without its data. Exit 1 when any case failed.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut out = open_output(&args.output)?;
    let on = args.on.unwrap_or_else(today);
    let options = ReleaseOptions {
        law_as_at: args.law_as_at,
        ..ReleaseOptions::default()
    };
    let calendar = Calendar::england_and_wales();
    if args.format == Format::Table {
        writeln!(
            out,
            "{:>5}  {:<9}  {:<14}  {:<16}  {:<16}  {:<10}  {:<10}  {:<10}  {:<10}",
            "line", "crn", "booking", "release", "expiry", "licence", "hdced", "ersed", "tused"
        )?;
    }
    let (mut total, mut failed) = (0usize, 0usize);
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    // The dates of one valid case: its output line (JSON Lines) or rows (table); false when an event failed.
    let mut one = |number: usize, case: &Case, err: &mut dyn Write| -> Result<bool, CliError> {
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
                        number,
                        e.field(),
                        strip_field(&e.to_string()),
                        e.code()
                    )?;
                }
            }
        }
        if !ok {
            return Ok(false);
        }
        let mut booked = Vec::new();
        for (source, b) in probation_core::lines::bookings(case) {
            match release_dates(&case.person, &b, on, &options, &calendar) {
                Ok(d) => {
                    if args.format == Format::Table {
                        table_row(&mut *out, number, case.person.crn.as_str(), &source, &d)?;
                    }
                    let mut v = serde_json::to_value(&d)
                        .map_err(|e| CliError(format!("cannot encode dates: {e}")))?;
                    if let Value::Object(m) = &mut v {
                        m.insert("source".to_owned(), json!(source));
                    }
                    booked.push(v);
                }
                Err(e) => {
                    writeln!(
                        err,
                        "line {}: {source}.{}: {} [{}]",
                        number,
                        e.field(),
                        strip_field(&e.to_string()),
                        e.code()
                    )?;
                    booked.push(json!({"source": source, "error": {"kind": e.code(), "field": e.field(), "reason": e.reason()}}));
                }
            }
        }
        if args.format == Format::Jsonl {
            write_json_line(
                &mut *out,
                &json!({
                    "line": number,
                    "crn": case.person.crn,
                    "case_id": case.case_id,
                    "events": events,
                    "bookings": booked,
                }),
            )?;
        }
        Ok(true)
    };
    if args.from != crate::io::InputShape::Case {
        crate::io::each_case(&args.file, args.from, args.on, |number, case| {
            total += 1;
            let ok = match case {
                Ok(case) => one(number, &case, &mut err)?,
                Err(v) => {
                    let (path, kind, message) = crate::io::error_parts(&v);
                    writeln!(err, "line {number}: {path}: {message} [{kind}]")?;
                    false
                }
            };
            failed += usize::from(!ok);
            Ok(())
        })?;
    } else {
        for line in read_jsonl(open_input(&args.file)?) {
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
            if !one(line.number, &case, &mut err)? {
                failed += 1;
            }
        }
    }
    out.flush()?;
    writeln!(err, "{total} case(s) read, {failed} failed")?;
    Ok(exit_code(failed))
}

/// One row of the table: the release date (CRD, ARD or PRRD) and the expiry with their kinds.
fn table_row(
    out: &mut dyn Write,
    line: usize,
    crn: &str,
    source: &str,
    d: &ReleaseDates,
) -> std::io::Result<()> {
    let date = |k: &Option<ReleaseDate>| k.map_or_else(|| "-".to_owned(), |k| k.date.to_string());
    let tagged = |pairs: [(&str, &Option<ReleaseDate>); 3]| {
        pairs
            .iter()
            .find_map(|(tag, k)| k.map(|k| format!("{tag} {}", k.date)))
            .unwrap_or_else(|| "-".to_owned())
    };
    let release = tagged([
        ("PRRD", &d.post_recall_release),
        ("CRD", &d.conditional_release),
        ("ARD", &d.automatic_release),
    ]);
    let expiry = tagged([
        ("SLED", &d.sentence_and_licence_expiry),
        ("SED", &d.sentence_expiry),
        ("SED", &None),
    ]);
    writeln!(
        out,
        "{line:>5}  {crn:<9}  {source:<14}  {release:<16}  {expiry:<16}  {:<10}  {:<10}  {:<10}  {:<10}",
        date(&d.licence_expiry),
        date(&d.hdc_eligibility),
        date(&d.early_removal_eligibility),
        date(&d.top_up_supervision_expiry),
    )
}

/// A sentence error's message without its leading `field: `.
fn strip_field(msg: &str) -> &str {
    msg.split_once(": ").map_or(msg, |(_, m)| m)
}
