//! Runs the built `probation` binary: `validate` on the ten broken cases and on the sample caseload, from a file
//! and from standard input; `generate` reproducing the bundled sample byte for byte.
#![cfg(test)]

use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod support;

use support::{data, run as probation};

/// Every personal value in a case file: names, dates of birth, CRN, PNC, prison number, and any other string
/// under `person` (the unknown `nickname` of one case).
fn personal_values(file: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in file.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        fn strings(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::String(s) => out.push(s.clone()),
                Value::Object(m) => m.values().for_each(|v| strings(v, out)),
                Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                _ => {}
            }
        }
        let person = &v["person"];
        for key in [
            "crn",
            "pnc",
            "prison_number",
            "date_of_birth",
            "name",
            "nickname",
        ] {
            strings(&person[key], &mut out);
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// (line, field path, rule) expected for each broken case.
const BROKEN: [(usize, &str, &str); 10] = [
    (1, "person.crn", "decode"),
    (2, "person.pnc", "decode"),
    (3, "person", "decode"),
    (4, "events[0].sentence.requirements[0].hours", "decode"),
    (5, "events[0].conviction_date", "decode"),
    (
        6,
        "events[0].sentence.requirements[0].hours",
        "unpaid_work_hours",
    ),
    (7, "events[0].sentence.length", "community_order_too_long"),
    (8, "contacts[0].date", "contact_before_first_sentence"),
    (9, "assessments[0].rsr", "percent_range"),
    (10, "events[0].conviction_date", "conviction_before_offence"),
];

fn assert_no_personal_data(input: &str, output: &Output) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let values = personal_values(input);
    assert!(
        values.len() >= 50,
        "expected names, DOBs and ids in the input"
    );
    for value in values {
        assert!(
            !stdout.contains(&value),
            "stdout contains personal value `{value}`:\n{stdout}"
        );
        assert!(
            !stderr.contains(&value),
            "stderr contains personal value `{value}`"
        );
    }
}

#[test]
fn broken_cases_are_all_reported_with_line_and_path_and_no_personal_data() {
    let path = data("broken.jsonl");
    let input = std::fs::read_to_string(&path).unwrap();
    let out = probation(&["validate", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 10, "{stdout}");
    for ((line, path, rule), text) in BROKEN.iter().zip(&lines) {
        let prefix = format!("line {line}: {path}: ");
        assert!(
            text.starts_with(&prefix),
            "want `{prefix}…[{rule}]`, got `{text}`"
        );
        assert!(
            text.ends_with(&format!("[{rule}]")),
            "want rule {rule}: `{text}`"
        );
    }
    assert!(String::from_utf8_lossy(&out.stderr).contains("10 case(s) read, 10 invalid"));
    assert_no_personal_data(&input, &out);
}

#[test]
fn broken_cases_as_json_reports() {
    let path = data("broken.jsonl");
    let input = std::fs::read_to_string(&path).unwrap();
    let out = probation(&["validate", "--json", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let reports: Vec<Value> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(reports.len(), 10);
    for ((line, path, rule), report) in BROKEN.iter().zip(&reports) {
        assert_eq!(report["line"], *line);
        assert_eq!(report["valid"], false);
        assert_eq!(report["errors"][0]["path"], *path);
        assert_eq!(report["errors"][0]["rule"], *rule);
        assert!(
            report["errors"][0]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    assert_no_personal_data(&input, &out);
}

#[test]
fn stdin_gives_the_same_report_as_the_file() {
    let path = data("broken.jsonl");
    let input = std::fs::read(&path).unwrap();
    let from_file = probation(&["validate", path.to_str().unwrap()], None);
    let from_stdin = probation(&["validate", "-"], Some(&input));
    assert_eq!(from_stdin.status.code(), Some(1));
    assert_eq!(from_stdin.stdout, from_file.stdout);
}

#[test]
fn sample_caseload_is_valid() {
    let path = data("caseload.jsonl");
    let out = probation(&["validate", path.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1000 case(s) read, 0 invalid"));
    let input = std::fs::read(&path).unwrap();
    let out = probation(&["validate", "-"], Some(&input));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn generate_reproduces_the_bundled_sample_byte_for_byte() {
    // The command in examples/data/README.md. Same seed → same bytes, on every run and platform.
    let out = probation(&["generate", "--seed", "2026", "--count", "1000"], None);
    assert_eq!(out.status.code(), Some(0));
    let bundled = std::fs::read(data("caseload.jsonl")).unwrap();
    assert!(
        out.stdout == bundled,
        "examples/data/caseload.jsonl differs from `probation generate --seed 2026 --count 1000`: \
         regenerate it if the generator changed on purpose"
    );
}

#[test]
fn generate_writes_to_a_file_and_validates() {
    let dir = std::env::temp_dir().join(format!("probation-gen-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cases.jsonl");
    let out = probation(
        &[
            "generate",
            "--seed",
            "9",
            "--count",
            "25",
            "-o",
            file.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.lines().count(), 25);
    let stdout = probation(
        &["generate", "--seed", "9", "--count", "25", "-o", "-"],
        None,
    )
    .stdout;
    assert_eq!(stdout, text.as_bytes());
    let check = probation(&["validate", file.to_str().unwrap()], None);
    assert_eq!(check.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn generate_stops_quietly_when_the_reader_goes_away() {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_probation"))
        .args(["generate", "--count", "10000000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"schema_version\":1"));
    // The reader is dropped here, like `probation generate | head -1`.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
