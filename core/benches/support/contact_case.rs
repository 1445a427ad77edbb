//! The case both contact benchmarks use (`contact.rs` with criterion, `contact_cpu.rs` in CPU time): a 12-month
//! community order, and the same case with 50 weekly contacts and a warning.

use chrono::{Days, NaiveDate};
use probation_core::interchange::decode_case;
use probation_core::model::{
    Case, Contact, ContactKind, ContactOutcome, EnforcementAction, EnforcementActionKind,
};

const CASE: &str = r#"{"schema_version":1,
  "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
  "provider":"C17",
  "events":[{"offence_date":"2024-01-04","sentence_date":"2024-03-28","allocation_date":"2024-04-02",
    "sentence":{"type":"community_order","length":{"months":12},
      "requirements":[{"kind":"unpaid_work","hours":120}]}}],
  "registrations":[{"code":"RMRH","registered":"2024-03-01"}]}"#;

/// The date compliance is measured on.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
}

/// The 12-month community order, sentenced 28 March 2024.
pub fn case() -> Case {
    decode_case(CASE).unwrap()
}

/// `case` with 50 contacts over the order: weekly, every 7th an unacceptable absence, every 5th acceptable,
/// and a warning on day 22.
pub fn busy(case: &Case) -> Case {
    let mut busy = case.clone();
    let start = NaiveDate::from_ymd_opt(2024, 3, 29).unwrap();
    for i in 0..50u64 {
        busy.contacts.push(Contact {
            date: start + Days::new(i * 7),
            kind: if i == 0 {
                ContactKind::FirstAppointment
            } else {
                ContactKind::Appointment
            },
            outcome: match i % 7 {
                3 => ContactOutcome::UnacceptableAbsence,
                5 => ContactOutcome::AcceptableAbsence,
                _ => ContactOutcome::Attended,
            },
            event: None,
        });
    }
    busy.enforcement.push(EnforcementAction {
        date: start + Days::new(22),
        kind: EnforcementActionKind::Warning,
        event: None,
    });
    busy
}
