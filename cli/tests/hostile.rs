//! The hostile-input vectors (`tests/vectors/hostile/`) through the command line: `probation validate` on a
//! JSON Lines file holding one vector input per line. Checks the exit code, that each invalid line is reported
//! under its own line number with the expected path and rule, that valid lines are not reported, and that no
//! personal value of any input appears on stdout or stderr.
#![cfg(test)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

mod support;

use support::probation;

struct Line {
    name: String,
    bytes: Vec<u8>,
    expected: Value,
    forbidden: Vec<String>,
}

fn base64_decode(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0u32);
    for c in s.bytes().filter(|&c| c != b'=') {
        acc = (acc << 6) | u32::try_from(ALPHABET.iter().position(|&a| a == c).unwrap()).unwrap();
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).unwrap());
        }
    }
    out
}

/// Every vector input that is one line of JSON Lines (no newline inside, not blank: a blank line is skipped by
/// design), and the personal values of the base case (forbidden everywhere in the output; each line's own
/// forbidden values are checked against that line's report).
fn vectors() -> (Vec<Line>, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let (mut lines, mut forbidden) = (Vec::new(), Vec::new());
    for file in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let input = &case["input"];
            let bytes = if let Some(t) = input["text"].as_str() {
                t.as_bytes().to_vec()
            } else if let Some(b) = input["bytes_base64"].as_str() {
                base64_decode(b)
            } else {
                let g = &input["generate"];
                let mut s = g["prefix"].as_str().unwrap().to_owned();
                s.push_str(
                    &g["repeat"]
                        .as_str()
                        .unwrap()
                        .repeat(g["count"].as_u64().unwrap() as usize),
                );
                s.push_str(g["suffix"].as_str().unwrap());
                s.into_bytes()
            };
            if bytes.contains(&b'\n') || bytes.trim_ascii().is_empty() {
                continue;
            }
            let own: Vec<String> = case["forbidden"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap().to_lowercase())
                .collect();
            forbidden.extend(own.iter().cloned());
            lines.push(Line {
                forbidden: own,
                name: format!(
                    "{}: {}",
                    file.file_name().unwrap().to_string_lossy(),
                    case["description"].as_str().unwrap()
                ),
                bytes,
                expected: case["expected"].clone(),
            });
        }
    }
    // The values every vector forbids are the base case's personal data.
    forbidden.sort();
    let counts = forbidden
        .iter()
        .fold(BTreeMap::<&String, usize>::new(), |mut m, f| {
            *m.entry(f).or_default() += 1;
            m
        });
    let everywhere: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n >= 50)
        .map(|(f, _)| f.clone())
        .collect();
    assert!(everywhere.len() >= 4, "{everywhere:?}");
    (lines, everywhere)
}

fn write_jsonl(name: &str, lines: &[&Line]) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "probation-hostile-{}-{name}.jsonl",
        std::process::id()
    ));
    let mut data = Vec::new();
    for l in lines {
        data.extend_from_slice(&l.bytes);
        data.push(b'\n');
    }
    std::fs::write(&path, data).unwrap();
    path
}

fn assert_no_personal_data(out: &Output, forbidden: &[String]) {
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
    .to_lowercase();
    for f in forbidden {
        assert!(
            !text.contains(f.as_str()),
            "output contains the personal value `{f}`"
        );
    }
}

#[test]
fn every_hostile_line_is_reported_at_its_line_with_its_path_and_rule() {
    let (lines, forbidden) = vectors();
    assert!(lines.len() >= 150, "only {} one-line vectors", lines.len());
    let path = write_jsonl("all", &lines.iter().collect::<Vec<_>>());
    let out = probation(&["validate", "--json", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(1), "some lines are invalid: exit 1");
    assert_no_personal_data(&out, &forbidden);

    let mut reported: BTreeMap<usize, Value> = BTreeMap::new();
    for l in String::from_utf8(out.stdout.clone()).unwrap().lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        reported.insert(usize::try_from(v["line"].as_u64().unwrap()).unwrap(), v);
    }
    let mut failures = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let number = i + 1;
        let got = reported.get(&number);
        if l.expected["valid"] == Value::Bool(true) {
            if let Some(g) = got {
                failures.push(format!(
                    "line {number} ({}) valid but reported: {g}",
                    l.name
                ));
            }
            continue;
        }
        let Some(g) = got else {
            failures.push(format!(
                "line {number} ({}) invalid but not reported",
                l.name
            ));
            continue;
        };
        let report = g.to_string().to_lowercase();
        for f in &l.forbidden {
            if report.contains(f.as_str()) {
                failures.push(format!(
                    "line {number} ({}): report contains `{f}`: {g}",
                    l.name
                ));
            }
        }
        let first = &g["errors"][0];
        let e = &l.expected["error"];
        let rule = match e["kind"].as_str().unwrap() {
            "validation" => e["rule"].as_str().unwrap(),
            _ => "decode",
        };
        let want_path = e["path"].as_str().unwrap_or("");
        if first["rule"] != rule || first["path"] != want_path {
            failures.push(format!(
                "line {number} ({}): expected {rule} at `{want_path}`, got {first}",
                l.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains(&format!("{} case(s) read", lines.len())),
        "{summary}"
    );
}

#[test]
fn text_report_names_lines_and_leaks_nothing() {
    let (lines, forbidden) = vectors();
    let path = write_jsonl("text", &lines.iter().collect::<Vec<_>>());
    let out = probation(&["validate", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(1));
    assert_no_personal_data(&out, &forbidden);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for report in stdout.lines() {
        let number: usize = report
            .strip_prefix("line ")
            .and_then(|r| r.split(':').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("not a line report: {report}"));
        let line = &lines[number - 1];
        for f in &line.forbidden {
            assert!(
                !report.to_lowercase().contains(f.as_str()),
                "{}: `{f}` in {report}",
                line.name
            );
        }
    }
}

#[test]
fn only_valid_lines_exit_zero() {
    let (lines, forbidden) = vectors();
    let valid: Vec<&Line> = lines
        .iter()
        .filter(|l| l.expected["valid"] == Value::Bool(true))
        .collect();
    assert!(valid.len() >= 5);
    let path = write_jsonl("valid", &valid);
    let out = probation(&["validate", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    assert_no_personal_data(&out, &forbidden);
}

#[test]
fn a_missing_file_is_exit_two() {
    let out = probation(&["validate", "/nonexistent/X320741-Marguerite.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
}
