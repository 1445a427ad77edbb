//! The README's Rust quick start: decode, validate, allocate and tier one case.
//! Run: `cargo run -p probation-core --example quickstart`.
#![allow(clippy::print_stdout, reason = "an example prints its results")]

use probation_core::allocation::{AllocationPolicy, allocate};
use probation_core::calendar::Calendar;
use probation_core::interchange::decode_case;
use probation_core::tier::tier;
use probation_core::validate::validate;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let json = r#"{"schema_version": 1,
      "person": {"crn": "X320741", "date_of_birth": "1990-04-01", "sex": "male", "home_area": "C17"},
      "events": [{"offence_date": "2016-01-04", "sentence_date": "2016-03-01",
        "sentence": {"type": "community_order", "length": {"months": 12},
                     "requirements": [{"kind": "unpaid_work", "hours": 120}]}}],
      "registrations": [{"code": "RHRH", "registered": "2016-03-02"}]}"#;
    let case = decode_case(json)?; // strict: unknown fields, bad identifiers → an error naming the path
    validate(&case)?; // every rule a single case can break, all failures at once
    let on = chrono::NaiveDate::from_ymd_opt(2016, 6, 1).ok_or("bad date")?;
    let policy = AllocationPolicy::preset("default")?;
    let a = allocate(&case, on, &policy, &Calendar::england_and_wales())?;
    println!("provider {} (deadline {:?})", a.provider, a.deadline);
    for rule in a.rules.iter() {
        println!("  {} — {} [{}]", rule.id, rule.text, rule.source);
    }
    println!("tier {}", tier(&case, on)?.tier);
    Ok(())
}
