//! Runs the built `probation` binary on the records sample files (issue 15): `import --from`, `tier --from
//! tier-details`, `export-tier`, `tier-events`, and per-line errors naming the field without personal values.

use std::io::Write;
mod support;

use support::{data_arg as data, lines, probation};

#[test]
fn every_sample_file_imports_into_cases() {
    for shape in ["tier-details", "community-api", "integration-api"] {
        let out = probation(&[
            "import",
            "--from",
            shape,
            "--on",
            "2024-06-01",
            &data(&format!("{shape}.jsonl")),
        ]);
        assert!(
            out.status.success(),
            "{shape}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let cases = lines(&out);
        assert_eq!(cases.len(), 20, "{shape}");
        assert!(
            cases
                .iter()
                .all(|c| c["schema_version"] == 1 && c["person"]["crn"].is_string())
        );
    }
}

#[test]
fn tier_from_tier_details_in_one_step() {
    let direct = probation(&[
        "tier",
        "--from",
        "tier-details",
        "--on",
        "2024-06-01",
        &data("tier-details.jsonl"),
    ]);
    assert!(direct.status.success());
    let direct = lines(&direct);
    assert_eq!(direct.len(), 20);
    assert!(
        direct
            .iter()
            .all(|l| l["tier"]["ndelius"].as_str().unwrap().starts_with('U'))
    );
}

#[test]
fn export_tier_writes_the_ndelius_forms() {
    let out = probation(&[
        "export-tier",
        "--from",
        "community-api",
        "--on",
        "2024-06-01",
        &data("community-api.jsonl"),
    ]);
    assert!(out.status.success());
    for l in lines(&out) {
        let f = &l["forms"];
        let tier = f["tier"].as_str().unwrap();
        assert_eq!(f["ndelius"].as_str().unwrap(), format!("U{tier}"));
        assert_eq!(f["reference_set"], "TIER");
        assert_eq!(f["change_reason"], "ATS");
        let ca = f["community_api"].as_str().unwrap();
        assert_eq!(ca.len(), 3);
        assert_eq!(&ca[1..2], "_");
    }
}

#[test]
fn tier_events_only_for_changed_cases() {
    let dir = std::env::temp_dir().join(format!("probation-records-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    std::fs::write(&a, "{\"crn\":\"X320741\",\"tier\":{\"ndelius\":\"UB2\"}}\n{\"crn\":\"Y123456\",\"tier\":{\"ndelius\":\"UD0\"}}\n").unwrap();
    std::fs::write(&b, "{\"crn\":\"X320741\",\"forms\":{\"ndelius\":\"UA2\"}}\n{\"crn\":\"Y123456\",\"forms\":{\"ndelius\":\"UD0\"}}\n").unwrap();
    let out = probation(&[
        "tier-events",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--occurred-at",
        "2024-06-01T09:00:00Z",
    ]);
    assert!(out.status.success());
    let events = lines(&out);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["eventType"], "tier.calculation.changed");
    assert_eq!(
        events[0]["personReference"]["identifiers"][0]["value"],
        "X320741"
    );
    assert_eq!(events[0]["additionalInformation"]["previousTier"], "UB2");
}

#[test]
fn a_bad_line_is_an_error_line_naming_the_field_without_its_value() {
    let dir = std::env::temp_dir().join(format!("probation-records-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bad.jsonl");
    let mut file = std::fs::File::create(&f).unwrap();
    writeln!(
        file,
        "{{\"offender\":{{\"dateOfBirth\":\"Jane Smith\",\"otherIds\":{{\"crn\":\"X320741\"}}}}}}"
    )
    .unwrap();
    writeln!(
        file,
        "{{\"offender\":{{\"dateOfBirth\":\"1990-01-01\",\"otherIds\":{{\"crn\":\"X320741\"}}}}}}"
    )
    .unwrap();
    drop(file);
    let out = probation(&["import", "--from", "community-api", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let l = lines(&out);
    assert_eq!(l[0]["line"], 1);
    assert_eq!(l[0]["error"]["path"], "offender.dateOfBirth");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Jane"));
    assert_eq!(l[1]["person"]["crn"], "X320741");
    let out = probation(&["import", "--from", "tier-details", f.to_str().unwrap()]);
    assert_eq!(lines(&out)[0]["error"]["kind"], "no_date");
}

#[test]
fn recompute_reads_domain_events() {
    let dir = std::env::temp_dir().join(format!("probation-records-ev-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("events.jsonl");
    std::fs::write(
        &f,
        "{\"eventType\":\"probation-case.requirement.created\",\"personReference\":{\"identifiers\":[{\"type\":\"CRN\",\"value\":\"X320741\"}]}}\n{\"eventType\":7}\n",
    )
    .unwrap();
    let out = probation(&["recompute", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let l = lines(&out);
    assert_eq!(l[0]["crn"], "X320741");
    assert_eq!(l[0]["recompute"]["tier"], true);
    assert_eq!(l[0]["recompute"]["tier_2026"], false);
    assert_eq!(l[1]["error"]["path"], "eventType");
}

#[test]
fn validate_and_dates_read_records_with_from() {
    // community-api samples map to valid cases; their custody convictions get release dates.
    let out = probation(&[
        "validate",
        "--from",
        "community-api",
        &data("community-api.jsonl"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = probation(&[
        "dates",
        "--from",
        "community-api",
        "--on",
        "2024-06-01",
        &data("community-api.jsonl"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cases = lines(&out);
    assert_eq!(cases.len(), 20);
    assert!(
        cases
            .iter()
            .any(|c| !c["bookings"].as_array().unwrap().is_empty())
    );
    // tier-details cases are partial: validate reports what the shape lacks (zero lengths), by field.
    let out = probation(&[
        "validate",
        "--json",
        "--from",
        "tier-details",
        "--on",
        "2024-06-01",
        &data("tier-details.jsonl"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let reports = lines(&out);
    assert!(reports.iter().all(|r| {
        r["errors"][0]["path"]
            .as_str()
            .unwrap()
            .starts_with("events[")
    }));
    // A mapping error is one problem naming the field, without the value.
    let f = std::env::temp_dir().join(format!(
        "probation-records-from-{}.jsonl",
        std::process::id()
    ));
    let bad = r#"{"offender":{"otherIds":{"crn":"Jane Doe"},"dateOfBirth":"1990-01-01"}}"#;
    std::fs::write(&f, format!("{bad}\n")).unwrap();
    for cmd in ["validate", "dates"] {
        let out = probation(&[cmd, "--from", "community-api", f.to_str().unwrap()]);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{cmd}: {text}");
        assert!(
            text.contains("line 1: offender.otherIds.crn"),
            "{cmd}: {text}"
        );
        assert!(!text.contains("Jane"), "{cmd}: {text}");
    }
    let _ = std::fs::remove_file(&f);
}
