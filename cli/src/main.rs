//! `probation`: the command-line tool over case files (JSON Lines, `-` for stdin/stdout).
#![forbid(unsafe_code)]

mod args;
mod cmd;
mod io;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Rules of probation casework in England & Wales, over case files.
///
/// Case files are JSON Lines, one case per line (see the README's interchange format). `-` reads standard
/// input or writes standard output. Input is streamed: memory does not grow with the file.
#[derive(Parser)]
#[command(name = "probation", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every case; print each invalid case's line number and field paths. Exit 1 if any is invalid.
    Validate(cmd::validate::Args),
    /// Allocate every case to a provider (Probation Trust, NPS division, CRC, Probation Service) with the rules
    /// that fired and the allocation deadline. JSON Lines out; cases by provider on stderr.
    Allocate(cmd::allocate::Args),
    /// Tier every case (2021 framework A0-D3 by default; `--model 2026` the A-G tier, `--model both`) with its
    /// breakdown. JSON Lines out; cases by tier on stderr.
    Tier(cmd::tier::Args),
    /// Reoffending predictors of every case (OGRS3, ARP, DC-SRP) computed from its criminal history, with every
    /// term, or the case fields still missing. JSON Lines out; scores per predictor on stderr.
    Predict(cmd::predict::Args),
    /// Key dates of every event (SED, CRD, licence, post-sentence supervision, order ends) as JSON Lines.
    /// Invalid cases are reported on standard error by line and field path; exit 1 if any failed.
    Dates(cmd::dates::Args),
    /// England & Wales bank holidays and working days (1970-2100).
    Calendar(cmd::calendar::Args),
    /// Write a deterministic synthetic caseload (clearly fake people, valid cases) as JSON Lines.
    Generate(cmd::generate::Args),
    /// Contact schedule of every case: required contacts and deadlines with the rule behind each.
    Schedule(cmd::schedule::Args),
    /// Read records real systems hold (tier-details, community-api, integration-api; one document a line) into
    /// case JSON Lines. Per-line errors name the field; exit 1 if any line failed.
    Import(cmd::import::Args),
    /// The tier in the forms nDelius stores (UB2, UB2S, community-api B_2, the 2026 tier) and custody key dates
    /// by nDelius code, per case.
    ExportTier(cmd::export_tier::ExportArgs),
    /// Write cases as records real systems hold (tier-details, community-api), one document a line: sample
    /// files, and what `import --from` reads back.
    ExportRecords(cmd::export_tier::RecordsArgs),
    /// For each HMPPS domain event, which results (tier, 2026 tier, escalation, schedule, release dates) of
    /// whose case can change: recalculate those cases only.
    Recompute(cmd::recompute::Args),
    /// HMPPS `tier.calculation.changed` domain events for the cases whose tier changed between two runs.
    TierEvents(cmd::export_tier::EventsArgs),
    /// Compliance on a date: windows met or missed, failures to comply, enforcement due.
    Compliance(cmd::compliance::Args),
    /// Re-run every recorded decision (allocation, tiers, enforcement, key dates) with the rules in force on its
    /// date: one JSON line per discrepancy; on stderr a summary by kind and by provider.
    Audit(cmd::audit::Args),
    /// Every date on which an answer changes (provider, tiers, escalation, contact windows, compliance,
    /// enforcement, key dates), with its rules.
    Timeline(cmd::timeline::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate(a) => cmd::validate::run(a),
        Command::Allocate(a) => cmd::allocate::run(a),
        Command::Tier(a) => cmd::tier::run(a),
        Command::Predict(a) => cmd::predict::run(a),
        Command::Dates(a) => cmd::dates::run(a),
        Command::Calendar(a) => cmd::calendar::run(a),
        Command::Generate(a) => cmd::generate::run(a),
        Command::Schedule(a) => cmd::schedule::run(a),
        Command::Compliance(a) => cmd::compliance::run(a),
        Command::Import(a) => cmd::import::run(a),
        Command::ExportTier(a) => cmd::export_tier::run_export(a),
        Command::ExportRecords(a) => cmd::export_tier::run_records(a),
        Command::Recompute(a) => cmd::recompute::run(a),
        Command::TierEvents(a) => cmd::export_tier::run_events(a),
        Command::Audit(a) => cmd::audit::run(a),
        Command::Timeline(a) => cmd::timeline::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("probation: {e}");
            ExitCode::from(2)
        }
    }
}
