//! The booking of the release-date benchmark, shared by `core/benches/release.rs` (criterion) and
//! `core/examples/release_cputime.rs` (callgrind and quiet-machine timing): 3 concurrent + 2 consecutive
//! sentences with remand, tagged bail, UAL and ADA.

use chrono::NaiveDate;
use probation_core::model::{
    Booking, CustodialSentence, DayAward, Deduction, EarlyReleaseExclusion, Length, Person,
    UalPeriod,
};

pub fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

/// The person the booking is calculated for (an adult; not liable to deportation).
pub fn person() -> Person {
    serde_json::from_value(serde_json::json!({
        "crn": "X320741", "date_of_birth": "1990-04-01", "sex": "male", "home_area": "C17"
    }))
    .unwrap()
}

/// Sentences 0, 1, 2 concurrent; 3 consecutive to 2, 4 consecutive to 3; one SDS40-excluded part.
pub fn booking() -> Booking {
    let mut s = vec![
        CustodialSentence::sds(d(2024, 3, 4), d(2023, 11, 2), Length::years(3)),
        CustodialSentence::sds(d(2024, 3, 4), d(2023, 11, 2), Length::months(18)),
        CustodialSentence::sds(d(2024, 5, 20), d(2024, 1, 9), Length::months(20)),
        CustodialSentence::sds(
            d(2024, 5, 20),
            d(2024, 1, 9),
            Length {
                months: 6,
                weeks: 2,
                ..Length::default()
            },
        ),
        CustodialSentence::sds(d(2024, 5, 20), d(2023, 12, 1), Length::months(9)),
    ];
    s[3].consecutive_to = Some(2);
    s[4].consecutive_to = Some(3);
    s[4].exclusions.push(EarlyReleaseExclusion::Sexual);
    Booking {
        sentences: s,
        remand: vec![Deduction {
            days: 41,
            sentence: Some(0),
        }],
        tagged_bail: vec![Deduction {
            days: 12,
            sentence: Some(2),
        }],
        unlawfully_at_large: vec![UalPeriod {
            from: d(2024, 8, 1),
            days: 3,
        }],
        additional_days: vec![DayAward {
            date: d(2024, 9, 30),
            days: 7,
        }],
        ..Booking::default()
    }
}
