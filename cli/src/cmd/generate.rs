//! `probation generate --seed S --count N [-o FILE]`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use probation_core::interchange::encode_case;
use probation_core::synth::Generator;

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
}

/// Runs `generate`: writes `count` synthetic cases, one per line, streaming (memory does not grow with
/// `count`).
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut out = open_output(&args.output)?;
    let generator = Generator::new(args.seed);
    let written = (|| -> std::io::Result<()> {
        for index in 0..args.count {
            let line = encode_case(&generator.case(index));
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
