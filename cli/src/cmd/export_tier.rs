//! `probation export-tier FILE [--from ...] [--on DATE]` and `probation tier-events BEFORE AFTER --occurred-at`.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use probation_core::records::{TierChange, key_dates, tier_changed_events, tier_forms};
use probation_core::sentence::sentence_dates;
use probation_core::tier2026::tiers;
use serde_json::{Value, json};

use crate::args::{DatedCases, exit_code};
use crate::io::{CliError, InputShape, error_line, open_input, open_output, write_json_line};

/// Arguments of `export-tier`.
#[derive(clap::Args)]
#[command(
    after_help = "Output: one JSON object per case: {\"line\", \"crn\", \"forms\": {\"tier\", \"ndelius\" (UB2, \
UB2S), \"reference_set\" (TIER), \"change_reason\" (ATS), \"community_api\" (B_2), \"tier_2026\", \
\"tier_2026_provisional\"}, \"key_dates\": [{\"event\", \"dates\": [{\"code\" (SED, ACR, LED, PSSED), \"date\"}]}]} or \
{\"line\", \"error\"}."
)]
#[command(mut_arg("on", |a| a.help("Date of the calculation (YYYY-MM-DD). Default: each case's newest sentence \
date")))]
#[command(mut_arg("from", |a| a.help("Shape of the input (see `probation import`)")))]
pub struct ExportArgs {
    #[command(flatten)]
    cases: DatedCases,
}

/// Runs `export-tier`.
pub fn run_export(args: ExportArgs) -> Result<ExitCode, CliError> {
    let (total, errors) = args.cases.each(|number, case, on| {
        match tiers(case, on) {
            Err(e) => Err(error_line(number, e.kind(), e.path(), &e.to_string())),
            Ok(t) => {
                let dates: Vec<Value> = case
                    .events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.sentence.is_custodial())
                    .filter_map(|(i, e)| {
                        let d = sentence_dates(&case.person, e).ok()?;
                        Some(json!({"event": i, "dates": key_dates(&d)}))
                    })
                    .collect();
                Ok(json!({"line": number, "crn": case.person.crn,
                          "forms": tier_forms(&t.tier_2021, Some(&t.tier_2026)), "key_dates": dates}))
            }
        }
    })?;
    eprintln!(
        "{total} case(s) read, {} exported, {errors} error(s)",
        total - errors
    );
    Ok(exit_code(errors))
}

/// Which tier `tier-events` compares.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Which {
    /// The 2021 tier in nDelius form (`forms.ndelius` of export-tier, `tier.ndelius` of `probation tier`).
    #[value(name = "2021")]
    V2021,
    /// The 2026 tier (`forms.tier_2026`, `tier_2026.tier`).
    #[value(name = "2026")]
    V2026,
}

/// Arguments of `tier-events`.
#[derive(clap::Args)]
#[command(
    after_help = "Reads two runs' output (of `probation export-tier` or `probation tier`; error lines are \
skipped) and writes one HMPPS domain event (tier.calculation.changed, camelCase envelope) per CRN whose tier \
changed or is new in AFTER."
)]
pub struct EventsArgs {
    /// The earlier run.
    before: PathBuf,
    /// The later run.
    after: PathBuf,
    /// When the events occurred (RFC 3339, e.g. 2024-06-01T09:00:00Z).
    #[arg(long)]
    occurred_at: String,
    /// Which tier to compare.
    #[arg(long, value_enum, default_value = "2021")]
    model: Which,
}

fn read_run(path: &Path, model: Which) -> Result<Vec<TierChange>, CliError> {
    let mut out = Vec::new();
    for line in open_input(path)?.lines() {
        let Ok(v) = serde_json::from_str::<Value>(&line?) else {
            continue;
        };
        let tier = match model {
            Which::V2021 => v
                .pointer("/forms/ndelius")
                .and_then(Value::as_str)
                .or_else(|| v.pointer("/tier/ndelius").and_then(Value::as_str)),
            Which::V2026 => v
                .pointer("/forms/tier_2026")
                .and_then(Value::as_str)
                .or_else(|| v.pointer("/tier_2026/tier").and_then(Value::as_str)),
        };
        if let (Some(crn), Some(tier)) = (v.get("crn").and_then(Value::as_str), tier) {
            out.push(TierChange {
                crn: crn.to_owned(),
                tier: tier.to_owned(),
            });
        }
    }
    Ok(out)
}

/// Runs `tier-events`.
pub fn run_events(args: EventsArgs) -> Result<ExitCode, CliError> {
    let before = read_run(&args.before, args.model)?;
    let after = read_run(&args.after, args.model)?;
    let events = tier_changed_events(&before, &after, &args.occurred_at)
        .map_err(|e| CliError(format!("{}: {e}", e.kind())))?;
    let mut out = open_output(Path::new("-"))?;
    for e in &events {
        write_json_line(&mut *out, e)?;
    }
    out.flush()?;
    eprintln!(
        "{} case(s) before, {} after, {} changed",
        before.len(),
        after.len(),
        events.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// Which record shape `export-records` writes.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RecordShape {
    /// tier-to-delius tier-details, with a `crn` member (needs `--on`).
    TierDetails,
    /// community-api bundles.
    CommunityApi,
    /// HMPPS Integration API bundles (needs `--on`).
    IntegrationApi,
}

/// Arguments of `export-records`.
#[derive(clap::Args)]
pub struct RecordsArgs {
    /// Case file (JSON Lines); `-` for standard input.
    file: PathBuf,
    /// Shape to write.
    #[arg(long, value_enum)]
    to: RecordShape,
    /// Date the tier-details document describes (YYYY-MM-DD); required for tier-details.
    #[arg(long)]
    on: Option<NaiveDate>,
}

/// Runs `export-records`: each valid case as one document a line (what `probation import --from` reads back).
pub fn run_records(args: RecordsArgs) -> Result<ExitCode, CliError> {
    if args.to != RecordShape::CommunityApi && args.on.is_none() {
        return Err(CliError(
            "--to tier-details and --to integration-api need --on".to_owned(),
        ));
    }
    let mut out = open_output(Path::new("-"))?;
    let (mut total, mut errors) = (0usize, 0usize);
    crate::io::each_case(&args.file, InputShape::Case, None, |number, case| {
        total += 1;
        match case {
            Err(e) => {
                errors += 1;
                write_json_line(&mut *out, &e)
            }
            Ok(case) => {
                use probation_core::records as r;
                let text = match (args.to, args.on) {
                    (RecordShape::TierDetails, Some(on)) => {
                        let text = r::tier_details_line_from_case(&case, on);
                        // A requirement kind with no main category this library lists cannot be written.
                        if let Err(e) = r::tier_details_line_to_case(&text, on) {
                            errors += 1;
                            let path = format!("tier-details: {}", e.path());
                            return write_json_line(
                                &mut *out,
                                &error_line(
                                    number,
                                    "unsupported",
                                    &path,
                                    "the case cannot be written as tier-details",
                                ),
                            );
                        }
                        text
                    }
                    (RecordShape::IntegrationApi, Some(on)) => {
                        r::integration_api_from_case(&case, on)
                    }
                    _ => r::community_api_from_case(&case),
                };
                out.write_all(text.as_bytes())?;
                out.write_all(b"\n")?;
                Ok(())
            }
        }
    })?;
    out.flush()?;
    eprintln!(
        "{total} case(s) read, {} written, {errors} error(s)",
        total - errors
    );
    Ok(exit_code(errors))
}
