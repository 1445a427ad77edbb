//! What every CLI test needs: the built `probation` binary run with arguments (and standard input), the bundled
//! sample files, and the JSON lines of an output. Each test file uses it with `mod support;`.
#![allow(
    dead_code,
    clippy::unwrap_used,
    reason = "test support: each test file uses a part of it"
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The path of a file of `examples/data`.
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(name)
}

/// [`data`] as a string argument.
pub fn data_arg(name: &str) -> String {
    data(name).to_str().unwrap().to_owned()
}

/// Runs `probation ARGS`, feeding `stdin` when given (else standard input is empty), and waits for it.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_probation"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// Runs `probation ARGS` with empty standard input.
pub fn probation(args: &[&str]) -> Output {
    run(args, None)
}

/// The JSON lines of standard output.
pub fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
