//! The `dates` and `calendar` subcommands, run as a user would.
#![cfg(test)]

mod support;

fn probation(args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = support::run(args, Some(stdin.as_bytes()));
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn holidays_text_and_json() {
    let (code, out, _) = probation(&["calendar", "holidays", "2021"], "");
    assert_eq!(code, 0);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[6], "2021-12-27\tChristmas Day (substitute day)");
    let (code, out, _) = probation(
        &[
            "calendar",
            "holidays",
            "2030",
            "--json",
            "--extra-holiday",
            "2030-06-14",
        ],
        "",
    );
    assert_eq!(code, 0);
    let extra: serde_json::Value = serde_json::from_str(out.lines().nth(5).unwrap()).unwrap();
    assert_eq!(extra["date"], "2030-06-14");
    assert_eq!(extra["rule"]["id"], "calendar.bank_holiday.extra");
    let (code, _, err) = probation(&["calendar", "holidays", "1969"], "");
    assert_eq!(code, 2);
    assert!(err.contains("outside the supported range"));
}

#[test]
fn add_working_days() {
    let (code, out, _) = probation(&["calendar", "add-working-days", "2022-12-22", "5"], "");
    assert_eq!((code, out.as_str()), (0, "2023-01-03\n"));
    let (code, out, _) = probation(
        &[
            "calendar",
            "add-working-days",
            "2030-06-13",
            "1",
            "--extra-holiday",
            "2030-06-14",
            "--extra-holiday",
            "2030-06-17",
        ],
        "",
    );
    assert_eq!((code, out.as_str()), (0, "2030-06-18\n"));
    let (code, _, _) = probation(&["calendar", "add-working-days", "2100-12-31", "1"], "");
    assert_eq!(code, 2);
}

#[test]
fn dates_streams_valid_cases_and_reports_invalid_ones_without_personal_data() {
    let input = concat!(
        r#"{"schema_version":1,"person":{"crn":"X320741","name":{"given":"Jane","family":"Doe"},"date_of_birth":"1990-04-01","sex":"female","home_area":"C17"},"events":[{"offence_date":"2023-11-04","sentence_date":"2024-01-15","sentence":{"type":"custody","length":{"months":6}}}]}"#,
        "\n\n",
        r#"{"schema_version":1,"person":{"crn":"Y123456","date_of_birth":"1985-06-02","sex":"male","home_area":"C01"},"events":[{"offence_date":"2023-11-04","sentence_date":"2024-01-15","sentence":{"type":"custody","length":{"months":6},"remand_days":500}}]}"#,
        "\n{\"schema_version\":1,\"person\":{\"crn\":\"Jane Doe\"}}\n"
    );
    let (code, out, err) = probation(&["dates", "-"], input);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["crn"], "X320741");
    let e = &lines[0]["events"][0];
    assert_eq!(e["event"], 0);
    assert_eq!(e["top_up_supervision_expiry"]["date"], "2025-04-14");
    assert!(
        err.contains("line 3: events[0].sentence.remand_days"),
        "{err}"
    );
    assert!(err.contains("line 4: person.crn"), "{err}");
    for secret in ["Jane", "Doe", "Y123456", "1985-06-02", "500"] {
        assert!(!err.contains(secret), "stderr leaks {secret}: {err}");
    }
}

#[test]
fn dates_gives_the_release_dates_of_every_booking_as_jsonl_and_a_table() {
    // A booking of 2 years + 4 months consecutive from 2023-10-01 with 20 days remand, an extended sentence
    // (refused, reported by field), and a custody event in the single-sentence form.
    let input = concat!(
        r#"{"schema_version":1,"person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},"#,
        r#""events":[{"offence_date":"2023-11-04","sentence_date":"2024-01-15","sentence":{"type":"custody","length":{"months":6}}}],"#,
        r#""bookings":[{"sentences":[{"sentence_date":"2023-10-01","offence_date":"2023-06-01","term":{"years":2}},"#,
        r#"{"sentence_date":"2023-10-01","offence_date":"2023-06-01","term":{"months":4},"consecutive_to":0}],"remand":[{"days":20}]},"#,
        r#"{"sentences":[{"sentence_date":"2024-01-15","offence_date":"2023-11-04","term":{"years":1},"kind":"extended"}]}]}"#,
        "\n"
    );
    let (code, out, err) = probation(&["dates", "-", "--on", "2024-11-01"], input);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let b = &v["bookings"];
    // 2 years + 4 months aggregate from 2023-10-01 to 2026-01-31 (854 days); 50 % CRD S + 427 - 1 - 20 =
    // 2024-11-10, 40 % S + 342 - 1 - 20 = 2024-08-17: tranche 1 gives 2024-09-10; SLED 2026-01-31 - 20.
    assert_eq!(b[0]["source"], "bookings[0]");
    assert_eq!(b[0]["conditional_release"]["date"], "2024-09-10");
    assert_eq!(b[0]["sentence_and_licence_expiry"]["date"], "2026-01-11");
    assert_eq!(b[1]["error"]["kind"], "unsupported");
    assert_eq!(b[1]["error"]["field"], "sentences[0].kind");
    assert_eq!(b[2]["source"], "events[0]");
    assert_eq!(b[2]["top_up_supervision_expiry"]["date"], "2025-04-14");
    assert!(
        err.contains("line 1: bookings[1].sentences[0].kind"),
        "{err}"
    );
    let (code, table, _) = probation(
        &["dates", "-", "--on", "2024-11-01", "--format", "table"],
        input,
    );
    assert_eq!(code, 0);
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 3, "{table}");
    assert!(
        rows[1].contains("bookings[0]")
            && rows[1].contains("CRD 2024-09-10")
            && rows[1].contains("SLED 2026-01-11"),
        "{table}"
    );
    assert!(
        rows[2].contains("events[0]") && rows[2].contains("2025-04-14"),
        "{table}"
    );
}
