//! Runs the built `probation` binary: `allocate` and `tier` on the bundled sample caseload (issue 3: every case gets
//! a provider and at least one reason on 2016-06-01), custom and invalid policies, and a broken line.

mod support;

use support::{data, lines, probation};

#[test]
fn every_case_gets_a_provider_and_a_reason_on_2016_06_01() {
    let caseload = data("caseload.jsonl");
    let out = probation(&["allocate", caseload.to_str().unwrap(), "--on", "2016-06-01"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = lines(&out);
    assert_eq!(rows.len(), 1000);
    for row in &rows {
        let a = &row["allocation"];
        let provider = a["provider"].as_str().unwrap();
        assert!(
            provider.starts_with('N') || provider.starts_with('C'),
            "TR era: NPS or CRC, got {provider}"
        );
        assert!(!a["rules"].as_array().unwrap().is_empty());
        assert_eq!(a["policy_id"], "default");
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1000 allocated"), "{stderr}");
}

#[test]
fn default_date_is_the_newest_sentence_date_and_tier_summarises_by_tier() {
    let caseload = data("caseload.jsonl");
    let out = probation(&["tier", caseload.to_str().unwrap()]);
    assert!(out.status.success());
    let rows = lines(&out);
    assert_eq!(rows.len(), 1000);
    let t = &rows[0]["tier"];
    let tier = t["tier"].as_str().unwrap();
    assert_eq!(t["ndelius"].as_str().unwrap(), format!("U{tier}"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1000 tiered"));
}

#[test]
fn tier_models_2021_2026_and_both() {
    let dir = std::env::temp_dir().join(format!("probation-tier-models-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cases.jsonl");
    // One case with predictors (2026: CSRP 1.2 row, ARP 52 column → D; SPO → F; not provisional with RMRH), one
    // with none (2026: missing).
    let with = r#"{"schema_version":1,"person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},"events":[{"offence_date":"2026-01-04","sentence_date":"2026-03-01","sentence":{"type":"community_order","length":{"months":24},"requirements":[{"kind":"rehabilitation_activity","days":20}]}}],"registrations":[{"code":"RMRH","registered":"2026-03-02"},{"code":"SPO","registered":"2026-03-02"}],"assessments":[{"date":"2026-08-10","predictors":{"arp":{"score":52.0,"kind":"dynamic"},"csrp":{"score":1.2,"kind":"dynamic"}}}]}"#;
    let without = r#"{"schema_version":1,"person":{"crn":"X320742","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},"events":[{"offence_date":"2026-01-04","sentence_date":"2026-03-01","sentence":{"type":"community_order","length":{"months":24},"requirements":[{"kind":"rehabilitation_activity","days":20}]}}]}"#;
    std::fs::write(&file, format!("{with}\n{without}\n")).unwrap();
    let f = file.to_str().unwrap();

    let default = probation(&["tier", f, "--on", "2026-10-01"]);
    let explicit = probation(&["tier", f, "--on", "2026-10-01", "--model", "2021"]);
    assert!(default.status.success());
    assert_eq!(default.stdout, explicit.stdout, "2021 is the default");
    let rows = lines(&default);
    assert!(rows[0].get("tier_2026").is_none());
    assert_eq!(rows[0]["tier"]["readings"]["rosh"], "medium");

    let out = probation(&["tier", f, "--on", "2026-10-01", "--model", "2026"]);
    assert!(out.status.success());
    let rows = lines(&out);
    assert!(rows[0].get("tier").is_none());
    assert_eq!(rows[0]["tier_2026"]["tier"], "D");
    assert_eq!(rows[0]["tier_2026"]["provisional"], false);
    assert_eq!(rows[1]["tier_2026"]["tier"], "missing");

    let out = probation(&["tier", f, "--on", "2026-10-01", "--model", "both"]);
    assert!(out.status.success());
    let rows = lines(&out);
    assert_eq!(rows[0]["tier"]["tier"], "C1");
    assert_eq!(rows[0]["tier_2026"]["tier"], "D");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2021 tier:"), "{stderr}");
    assert!(
        stderr.contains("2026 tier (cases, of which provisional):"),
        "{stderr}"
    );
    assert!(stderr.contains("  D "), "{stderr}");
    assert!(stderr.contains("  missing "), "{stderr}");

    let bad = probation(&["tier", f, "--model", "2030"]);
    assert!(!bad.status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn policies_by_preset_by_file_and_invalid() {
    let caseload = data("caseload.jsonl");
    let out = probation(&[
        "allocate",
        caseload.to_str().unwrap(),
        "--on",
        "2016-06-01",
        "--policy",
        "verified-only",
    ]);
    assert!(out.status.success());
    assert_eq!(lines(&out)[0]["allocation"]["policy_id"], "verified-only");

    let dir = std::env::temp_dir().join(format!("probation-alloc-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut policy =
        serde_json::to_value(probation_core::allocation::AllocationPolicy::default_policy())
            .unwrap();
    policy["id"] = "local".into();
    policy["version"] = 7.into();
    let good = dir.join("good.json");
    std::fs::write(&good, policy.to_string()).unwrap();
    let out = probation(&[
        "allocate",
        caseload.to_str().unwrap(),
        "--on",
        "2016-06-01",
        "--policy",
        good.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert_eq!(lines(&out)[0]["allocation"]["policy_version"], 7);

    policy["rsr_threshold"] = (-1.0).into();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, policy.to_string()).unwrap();
    let out = probation(&[
        "allocate",
        caseload.to_str().unwrap(),
        "--policy",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rsr_threshold"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn broken_lines_get_error_lines_without_personal_data() {
    let broken = data("broken.jsonl");
    let out = probation(&["allocate", broken.to_str().unwrap(), "--on", "2016-06-01"]);
    assert_eq!(out.status.code(), Some(1));
    for row in lines(&out) {
        if let Some(e) = row.get("error") {
            assert!(e["kind"].is_string() && e["path"].is_string());
        }
    }
}
