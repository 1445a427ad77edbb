//! Opening inputs and outputs (`-` is stdin/stdout) and streaming cases from JSON Lines.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;

/// An error of the command itself (not of a case): unreadable file, broken pipe, bad argument.
#[derive(Debug)]
pub struct CliError(pub String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError(format!("i/o error: {}", e.kind()))
    }
}

/// Opens `path` for buffered reading; `-` is standard input.
pub fn open_input(path: &Path) -> Result<Box<dyn BufRead>, CliError> {
    if path == Path::new("-") {
        return Ok(Box::new(BufReader::new(io::stdin().lock())));
    }
    let f = File::open(path)
        .map_err(|e| CliError(format!("cannot open {}: {}", path.display(), e.kind())))?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, f)))
}

/// Opens `path` for buffered writing; `-` is standard output.
pub fn open_output(path: &Path) -> Result<Box<dyn Write>, CliError> {
    if path == Path::new("-") {
        return Ok(Box::new(BufWriter::new(io::stdout().lock())));
    }
    let f = File::create(path)
        .map_err(|e| CliError(format!("cannot create {}: {}", path.display(), e.kind())))?;
    Ok(Box::new(BufWriter::new(f)))
}

/// Writes one JSON value as a line.
pub fn write_json_line<T: serde::Serialize>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), CliError> {
    serde_json::to_writer(&mut *out, value).map_err(|e| CliError(format!("write failed: {e}")))?;
    out.write_all(b"\n")?;
    Ok(())
}
