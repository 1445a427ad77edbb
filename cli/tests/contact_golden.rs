//! Golden snapshots of the human-readable contact schedule and compliance tables.
//!
//! Each `cli/tests/golden/*.txt` file is the exact standard output of one command over
//! `cli/tests/golden/contact_cases.jsonl`. Run with `UPDATE_GOLDEN=1` to rewrite them after a deliberate change,
//! then review the diff.
#![cfg(test)]

use std::path::Path;
use std::process::Command;

fn check(name: &str, args: &[&str]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let out = Command::new(env!("CARGO_BIN_EXE_probation"))
        .args(args)
        .arg(dir.join("contact_cases.jsonl"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let actual = String::from_utf8(out.stdout).unwrap();
    let path = dir.join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        actual == expected,
        "{name}: output differs from {} (UPDATE_GOLDEN=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

#[test]
fn schedule_ns2007_table() {
    check(
        "schedule_ns2007",
        &["schedule", "--policy", "ns2007", "--format", "table"],
    );
}

#[test]
fn schedule_tr2014_table() {
    check(
        "schedule_tr2014",
        &["schedule", "--policy", "tr2014", "--format", "table"],
    );
}

#[test]
fn schedule_ps2021_table() {
    check(
        "schedule_ps2021",
        &["schedule", "--policy", "ps2021", "--format", "table"],
    );
}

#[test]
fn compliance_tr2014_table() {
    check(
        "compliance_tr2014",
        &[
            "compliance",
            "--policy",
            "tr2014",
            "--as-of",
            "2023-02-10",
            "--format",
            "table",
        ],
    );
}

#[test]
fn compliance_ps2021_table() {
    check(
        "compliance_ps2021",
        &["compliance", "--as-of", "2024-05-03", "--format", "table"],
    );
}
