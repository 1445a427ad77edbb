//! Runs the built `probation predict`: a case with the predictor fields, one without, and a broken line.

use serde_json::Value;

mod support;

const FULL: &str = r#"{"schema_version":1,"person":{"crn":"X320741","date_of_birth":"1980-06-15","sex":"male","home_area":"C17"},"events":[{"offence_date":"2019-12-01","conviction_date":"2020-03-01","sentence_date":"2020-03-01","sentence":{"type":"community_order","length":{"months":12},"requirements":[{"kind":"unpaid_work","hours":120}]},"offence_code":"00100","actuarial_category":"theft_non_motor"}],"criminal_history":{"total_sanctions":3,"age_at_first_sanction":16,"has_ever_committed_sexual_offence":false}}"#;
const BARE: &str = r#"{"schema_version":1,"person":{"crn":"X320742","date_of_birth":"1980-06-15","sex":"male","home_area":"C17"},"events":[{"offence_date":"2019-12-01","sentence_date":"2020-03-01","sentence":{"type":"custody","length":{"months":12}}}]}"#;

#[test]
fn predict_streams_one_line_per_case() {
    let input = format!("{FULL}\n{BARE}\n{{\"schema_version\":1}}\n");
    let out = support::run(
        &["predict", "-", "--on", "2020-03-01"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1), "a broken line makes exit 1");
    let lines: Vec<Value> = support::lines(&out);
    assert_eq!(lines.len(), 3);
    // Man aged 39, 3 sanctions from 16, violence: age/sex −1.368, repeat 0.46306,
    // copas 1.25112 × ln(3/(10+39−16)) = −3.000055, total −3.904995; 2-year logistic(−1.783295) = 0.14390 → 14%.
    let p = &lines[0]["predictors"];
    assert_eq!(p["ogrs3"]["status"], "scored");
    assert_eq!(p["ogrs3"]["score"]["two_year"], 14);
    assert_eq!(p["arp"]["status"], "scored");
    assert_eq!(p["arp"]["score"]["kind"], "static");
    assert_eq!(p["dc_srp"]["score"]["band"], "not_applicable");
    let p = &lines[1]["predictors"];
    assert_eq!(p["ogrs3"]["status"], "not_computed");
    assert_eq!(
        p["ogrs3"]["missing"],
        serde_json::json!([
            "events[0].sentence.release_date",
            "criminal_history.total_sanctions",
            "criminal_history.age_at_first_sanction",
            "events[0].offence_code"
        ])
    );
    assert_eq!(lines[2]["error"]["kind"], "decode");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("scored: OGRS3 1, ARP 1, DC-SRP 1"),
        "{stderr}"
    );
}
