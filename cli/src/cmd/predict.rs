//! `probation predict FILE [--on DATE]`.

use std::process::ExitCode;

use probation_core::predictors::{Outcome, predictors};
use serde_json::json;

use crate::args::{DatedCases, exit_code};
use crate::io::CliError;

/// Arguments of `predict`.
#[derive(clap::Args)]
#[command(after_help = "Output: one JSON object per case on standard output: \
{\"line\", \"crn\", \"predictors\": {\"on\", \"event\", \"ogrs3\", \"arp\", \"dc_srp\", \"vrp\", \"svrp\", \"iic_srp\", \"csrp\"}}, each predictor \
{\"status\": \"scored\", \"score\"}, {\"status\": \"refused\", \"error\": {\"kind\", \"field\", \"message\"}} or \
{\"status\": \"not_computed\", \"missing\": [case field paths]}; or, for a case that does not decode or validate, \
{\"line\", \"error\": {\"kind\", \"path\", \"message\"}}. A summary (scores per predictor) goes to standard error.")]
#[command(mut_arg("on", |a| a.help("Date of the calculation: the assessment date of ARP and DC-SRP, and the \
current event is the newest conviction on or before it (YYYY-MM-DD). Default: each case's newest sentence date")))]
#[command(mut_arg("from", |a| a.help("The shape of the input records (docs/records.md): the case format, or an \
nDelius/OASys shape")))]
pub struct Args {
    #[command(flatten)]
    cases: DatedCases,
}

fn scored<T>(o: &Outcome<T>) -> usize {
    usize::from(matches!(o, Outcome::Scored { .. }))
}

/// Runs `predict`.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut counts = [0usize; 7];
    let (total, errors) = args.cases.each(|number, case, on| {
        let p = predictors(case, on);
        for (c, n) in counts.iter_mut().zip([
            scored(&p.ogrs3),
            scored(&p.arp),
            scored(&p.dc_srp),
            scored(&p.vrp),
            scored(&p.svrp),
            scored(&p.iic_srp),
            scored(&p.csrp),
        ]) {
            *c += n;
        }
        Ok(json!({"line": number, "crn": case.person.crn, "predictors": p}))
    })?;
    let [ogrs3, arp, dc_srp, vrp, svrp, iic_srp, csrp] = counts;
    eprintln!(
        "{total} case(s) read, {errors} error(s); scored: OGRS3 {ogrs3}, ARP {arp}, DC-SRP {dc_srp}, \
         VRP {vrp}, SVRP {svrp}, IIC-SRP {iic_srp}, CSRP {csrp}"
    );
    Ok(exit_code(errors))
}
