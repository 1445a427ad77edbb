#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    missing_docs,
    reason = "scratch"
)]
fn main() {
    let base = r#"{"schema_version":1,"person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},"events":[{"offence_date":"2016-01-04","sentence_date":"2016-03-01","sentence":SENT}]}"#;
    for s in [
        r#"{"type":"community_order","length":{"months":12},"requirements":[{"kind":"unpaid_work","hours":"Jane"}]}"#,
        r#"{"type":"community_order","length":{"months":12},"requirements":[{"kind":"unpaid_work","hourz":12}]}"#,
        r#"{"type":"community_order","lengthx":{"months":12},"requirements":[]}"#,
        r#"{"type":"custard","length":{"months":12}}"#,
        r#"{"length":{"months":12}}"#,
        r#"{"length":{"months":12}, "type":"custody", "release_date":"2023-02-29"}"#,
    ] {
        let j = base.replace("SENT", s);
        println!(
            "{:?}",
            probation_core::interchange::decode_case(&j).unwrap_err()
        );
    }
    let j = base
        .replace("SENT", r#"{"type":"custody","length":{"months":12}}"#)
        .replace("1990-04-01", "2023-02-29");
    println!(
        "{:?}",
        probation_core::interchange::decode_case(&j).unwrap_err()
    );
    let j = base
        .replace("SENT", r#"{"type":"custody","length":{"months":12}}"#)
        .replace("X320741", "X3207411");
    println!(
        "{:?}",
        probation_core::interchange::decode_case(&j).unwrap_err()
    );
}
