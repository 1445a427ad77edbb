//! Property tests of sentence arithmetic: no panic on any input, and the dates keep their order.
#![cfg(test)]

use chrono::{Days, NaiveDate};
use probation_core::model::{CustodyKind, Event, Length, Person, Sentence};
use probation_core::sentence::{SupervisionKind, sentence_dates};
use proptest::prelude::*;

fn date() -> impl Strategy<Value = NaiveDate> {
    (0u64..80_000).prop_map(|i| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Days::new(i))
}

fn length() -> impl Strategy<Value = Length> {
    (0u16..5, 0u16..30, 0u16..60, 0u16..800).prop_map(|(years, months, weeks, days)| Length {
        years,
        months,
        weeks,
        days,
    })
}

fn person(dob: NaiveDate) -> Person {
    serde_json::from_value(serde_json::json!({
        "crn": "X320741", "date_of_birth": dob, "sex": "female", "home_area": "C01"
    }))
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn custody_dates_are_ordered_or_a_typed_error(
        dob in date(), offence in date(), start in date(), len in length(),
        remand in 0u32..400, tagged in 0u32..400,
        kind in prop_oneof![Just(CustodyKind::StandardDeterminate), Just(CustodyKind::Extended), Just(CustodyKind::Life)],
    ) {
        let event = Event {
            offence_date: offence,
            conviction_date: None,
            sentence_date: start,
            allocation_date: None,
            termination_date: None,
            sentence: Sentence::Custody {
                length: len, kind, remand_days: remand, tagged_bail_days: tagged, release_date: None,
            },
            offence_code: None,
            actuarial_category: None,
        };
        match sentence_dates(&person(dob), &event) {
            Err(e) => {
                prop_assert!(!e.field().is_empty());
                prop_assert!(!e.to_string().contains(&start.to_string()));
            }
            Ok(dates) => {
                if let (Some(sed), Some(crd)) = (dates.sentence_expiry, dates.conditional_release) {
                    prop_assert!(start <= crd.date && crd.date <= sed.date);
                }
                if let Some(t) = dates.top_up_supervision_expiry {
                    prop_assert!(t.date > dates.sentence_expiry.unwrap().date);
                }
                // Periods are non-empty and do not overlap.
                for p in &dates.supervision {
                    prop_assert!(p.start <= p.end);
                }
                for w in dates.supervision.windows(2) {
                    prop_assert!(w[0].end < w[1].start);
                    prop_assert_eq!(w[1].kind, SupervisionKind::PostSentenceSupervision);
                }
                let pss = dates.post_sentence_supervision.as_ref();
                prop_assert_eq!(
                    pss.is_some_and(|p| p.applies),
                    dates.top_up_supervision_expiry.is_some()
                );
                // The output always serialises.
                prop_assert!(serde_json::to_string(&dates).is_ok());
            }
        }
    }
}
