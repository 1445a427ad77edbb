//! `probation allocate FILE [--on DATE] [--policy NAME|FILE]`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use probation_core::allocation::{AllocationPolicy, Calendar, allocate};
use probation_core::lines::result_line;

use crate::args::{DatedCases, exit_code};
use crate::io::{CliError, error_line};

/// Arguments of `allocate`.
#[derive(clap::Args)]
#[command(after_help = "Output: one JSON object per case on standard output: \
{\"line\", \"crn\", \"allocation\": {\"provider\", \"rules\", \"policy_id\", \"policy_version\", \"on\", \
\"sentence_date\", \"deadline\"}} or {\"line\", \"error\": {\"kind\", \"path\", \"message\"}}. \
A summary (cases by provider) goes to standard error.")]
#[command(mut_arg("on", |a| a.help("Date of the allocation (YYYY-MM-DD). Default: each case's newest sentence \
date (the day the allocation decision is made); a case with no event then gets an error line")))]
pub struct Args {
    #[command(flatten)]
    cases: DatedCases,
    /// Allocation policy: a preset name (`default`, `verified-only`) or a JSON policy file (every field given,
    /// unknown fields rejected). Default: `default`.
    #[arg(long, default_value = "default")]
    policy: String,
}

/// Loads a policy from a preset name or a JSON file.
pub fn load_policy(spec: &str) -> Result<AllocationPolicy, CliError> {
    if AllocationPolicy::PRESETS.contains(&spec) {
        return AllocationPolicy::preset(spec).map_err(|e| CliError(e.to_string()));
    }
    let text = std::fs::read_to_string(spec)
        .map_err(|e| CliError(format!("cannot read policy file {spec}: {}", e.kind())))?;
    AllocationPolicy::from_json(&text).map_err(|e| CliError(format!("invalid policy: {e}")))
}

/// Runs `allocate`.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let policy = load_policy(&args.policy)?;
    let calendar = Calendar::england_and_wales();
    let mut by_provider: BTreeMap<&'static str, usize> = BTreeMap::new();
    let (total, errors) =
        args.cases.each(
            |number, case, on| match allocate(case, on, &policy, &calendar) {
                Ok(a) => {
                    *by_provider.entry(a.provider.code()).or_default() += 1;
                    result_line(number, case, "allocation", &a)
                }
                Err(e) => Err(error_line(number, e.kind(), e.path(), &e.to_string())),
            },
        )?;
    eprintln!(
        "{total} case(s) read, {} allocated, {errors} error(s); policy {} v{}",
        total - errors,
        policy.id,
        policy.version
    );
    for (provider, n) in &by_provider {
        eprintln!("  {provider:<18} {n:>8}");
    }
    Ok(exit_code(errors))
}
