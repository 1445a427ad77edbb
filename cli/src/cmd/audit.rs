//! `probation audit FILE --as-of DATE`: every recorded decision of every case re-run with the rules in force on
//! its date; one JSON line per discrepancy, and on stderr a summary by kind and by provider.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::audit::{AuditOptions, DiscrepancyKind, audit_with};
use serde_json::json;

use super::schedule::{Format, each_reported_case, load_calendar};
use crate::args::exit_code;
use crate::io::{CliError, InputShape, error_line, open_output, write_json_line};

/// Arguments of `audit`.
#[derive(clap::Args)]
pub struct Args {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// The date enforcement and tier updates are judged up to.
    #[arg(long = "as-of", value_name = "DATE")]
    as_of: NaiveDate,
    /// Extra bank holiday, repeatable.
    #[arg(long = "extra-holiday", value_name = "DATE")]
    extra_holidays: Vec<NaiveDate>,
}

/// Runs `audit`. Exit 1 when any case could not be audited.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let calendar = load_calendar(&args.extra_holidays)?;
    let options = AuditOptions::standard().map_err(|e| CliError(e.to_string()))?;
    let as_of = args.as_of;
    let mut out = open_output(Path::new("-"))?;
    let mut overrides = 0usize;
    let mut by_kind = [0usize; DiscrepancyKind::ALL.len()];
    let mut by_provider: BTreeMap<&'static str, usize> = BTreeMap::new();
    let (total, failed) = each_reported_case(
        &args.file,
        InputShape::Case,
        Format::Json,
        &mut *out,
        |out, number, case| {
            let a = match audit_with(case, as_of, &options, &calendar) {
                Err(e) => return Ok(Err(error_line(number, e.kind(), &e.path(), &e.to_string()))),
                Ok(a) => a,
            };
            overrides += a.overrides.len();
            for d in &a.discrepancies {
                if let Some(n) = by_kind.get_mut(d.kind as usize) {
                    *n += 1;
                }
                let p = d.provider.map_or("unallocated", |p| p.code());
                *by_provider.entry(p).or_default() += 1;
                write_json_line(
                    out,
                    &json!({"line": number, "crn": case.person.crn.as_str(), "discrepancy": d}),
                )?;
            }
            Ok(Ok(()))
        },
    )?;
    out.flush()?;
    let found: usize = by_kind.iter().sum();
    eprintln!(
        "{total} case(s) read, {failed} not audited, {found} discrepancy(ies), {overrides} override(s) with a reason"
    );
    eprintln!("by kind:");
    for (k, n) in DiscrepancyKind::ALL.iter().zip(by_kind) {
        eprintln!("  {:<22} {n}", k.name());
    }
    eprintln!("by provider:");
    for (p, n) in &by_provider {
        eprintln!("  {p:<22} {n}");
    }
    Ok(exit_code(failed))
}
