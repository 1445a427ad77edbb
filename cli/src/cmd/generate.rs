//! `probation generate --seed S --count N [-o FILE]`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use probation_core::interchange::encode_case;
use probation_core::synth::{Generator, decisions};

use crate::io::{CliError, open_output};

/// Arguments of `generate`.
#[derive(clap::Args)]
pub struct Args {
    /// Seed: the same seed always gives byte-identical output.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Number of cases.
    #[arg(long, default_value_t = 1000)]
    count: u64,
    /// Output file (JSON Lines); `-` for standard output.
    #[arg(short, long, default_value = "-")]
    output: PathBuf,
    /// Also record decisions (allocation, tier history, enforcement, key dates) as the rules give them, for
    /// `probation audit` (docs/rules/audit.md).
    #[arg(long)]
    record_decisions: bool,
    /// With `--record-decisions`: the percentage of cases given one realistic fault (a late allocation, a
    /// missed warning, a tier not updated after a registration).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=100))]
    fault_percent: u8,
}

/// Runs `generate`: writes `count` synthetic cases, one per line, streaming (memory does not grow with
/// `count`).
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut out = open_output(&args.output)?;
    let generator = Generator::new(args.seed);
    let audit = match args.record_decisions {
        true => Some(
            probation_core::audit::AuditOptions::standard().map_err(|e| CliError(e.to_string()))?,
        ),
        false => None,
    };
    let calendar = probation_core::calendar::Calendar::england_and_wales();
    let written = (|| -> std::io::Result<()> {
        for index in 0..args.count {
            let mut case = generator.case(index);
            if let Some(options) = &audit {
                // A case the engines refuse is written without recorded decisions.
                let mut recorded = case.clone();
                let (seed, p) = (args.seed, args.fault_percent);
                if decisions::record(&mut recorded, seed, index, p, options, &calendar).is_ok() {
                    case = recorded;
                }
            }
            let line = encode_case(&case);
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()
    })();
    match written {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // The reader went away (`probation generate | head`): stop quietly, as Unix tools do.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
    }
}
