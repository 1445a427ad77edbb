//! `probation tier FILE [--on DATE] [--model 2021|2026|both]`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use probation_core::tier::{TierError, tier};
use probation_core::tier2026::{tier_2026, tiers};
use serde_json::json;

use probation_core::lines::result_line;

use crate::args::{DatedCases, exit_code};
use crate::io::{CliError, error_line};

/// Which tier to calculate.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Model {
    /// The 2021 framework, A0-D3 (the default; the output is unchanged).
    #[value(name = "2021")]
    V2021,
    /// The 2026 single-axis tier, A-G with provisional.
    #[value(name = "2026")]
    V2026,
    /// Both, as hmpps-tier stores them.
    #[value(name = "both")]
    Both,
}

/// Arguments of `tier`.
#[derive(clap::Args)]
#[command(after_help = "Output: one JSON object per case on standard output: \
{\"line\", \"crn\", \"tier\": {\"tier\", \"ndelius\", \"protect\", \"change\", \"unsupervised\", \"on\", \"readings\", \
\"rules\"}} with --model 2021 (the default); {\"line\", \"crn\", \"tier_2026\": {\"tier\", \"provisional\", \
\"provisional_because\", \"steps\", \"on\", \"rules\"}} with --model 2026; both keys with --model both; \
or {\"line\", \"error\": {\"kind\", \"path\", \"message\"}}. A summary (cases by tier, and by 2026 tier with how many \
are provisional) goes to standard error.")]
pub struct Args {
    #[command(flatten)]
    cases: DatedCases,
    /// Which tier: 2021 (A0-D3), 2026 (A-G, provisional) or both.
    #[arg(long, value_enum, default_value = "2021")]
    model: Model,
}

/// Runs `tier`.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut by_tier: BTreeMap<String, usize> = BTreeMap::new();
    // 2026 tier → (cases, provisional).
    let mut by_2026: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let err = |number: usize, e: TierError| error_line(number, e.kind(), e.path(), &e.to_string());
    let (total, errors) = args.cases.each(|number, case, on| {
        let mut count_2026 = |t: &probation_core::tier2026::Tier2026| {
            let slot = by_2026.entry(t.tier.to_string()).or_default();
            slot.0 += 1;
            slot.1 += usize::from(t.provisional);
        };
        match args.model {
            Model::V2021 => match tier(case, on) {
                Ok(t) => {
                    *by_tier.entry(t.tier.to_string()).or_default() += 1;
                    result_line(number, case, "tier", &t)
                }
                Err(e) => Err(err(number, e)),
            },
            Model::V2026 => match tier_2026(case, on) {
                Ok(t) => {
                    count_2026(&t);
                    result_line(number, case, "tier_2026", &t)
                }
                Err(e) => Err(err(number, e)),
            },
            Model::Both => match tiers(case, on) {
                Ok(t) => {
                    *by_tier.entry(t.tier_2021.tier.to_string()).or_default() += 1;
                    count_2026(&t.tier_2026);
                    Ok(
                        json!({"line": number, "crn": case.person.crn, "tier": t.tier_2021,
                              "tier_2026": t.tier_2026}),
                    )
                }
                Err(e) => Err(err(number, e)),
            },
        }
    })?;
    eprintln!(
        "{total} case(s) read, {} tiered, {errors} error(s)",
        total - errors
    );
    if !by_tier.is_empty() {
        if args.model == Model::Both {
            eprintln!("2021 tier:");
        }
        for (t, n) in &by_tier {
            eprintln!("  {t:<5} {n:>8}");
        }
    }
    if args.model != Model::V2021 {
        eprintln!("2026 tier (cases, of which provisional):");
        for (t, (n, p)) in &by_2026 {
            eprintln!("  {t:<15} {n:>8} {p:>8}");
        }
    }
    Ok(exit_code(errors))
}
