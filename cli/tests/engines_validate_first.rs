//! Every engine subcommand decodes *and validates* each case before computing anything: an invalid case gets one
//! error line (kind `decode` or `invalid`, with its line number and field path) and the command exits 1.

use std::process::Command;

#[test]
fn engines_refuse_the_ten_broken_cases() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let broken = root.join("examples/data/broken.jsonl");
    for args in [
        vec!["allocate", "--on", "2016-06-01"],
        vec!["tier"],
        vec!["schedule"],
        vec!["compliance", "--as-of", "2025-01-31"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_probation"))
            .args(&args)
            .arg(&broken)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<serde_json::Value> = stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 10, "{args:?}: {stdout}");
        for (i, v) in lines.iter().enumerate() {
            assert_eq!(v["line"], i + 1, "{args:?}");
            let kind = v["error"]["kind"].as_str().unwrap();
            assert!(kind == "decode" || kind == "invalid", "{args:?}: {v}");
            assert!(
                !v["error"]["path"].as_str().unwrap().is_empty(),
                "{args:?}: {v}"
            );
        }
    }
}
