//! Property tests of the release calculation (issue 14): remand never moves a release later; a consecutive
//! chain's SLED is never before any of its sentences' own; the dates moved off non-working days land on working
//! days; and no input panics.
#![cfg(test)]

use chrono::{Datelike, Days, NaiveDate, Weekday};
use probation_core::calendar::Calendar;
use probation_core::model::{
    Booking, CustodialSentence, DayAward, Deduction, EarlyReleaseExclusion, Length, Person,
    UalPeriod,
};
use probation_core::release::{ReleaseDates, ReleaseOptions, StatuteOptions, release_dates};
use proptest::prelude::*;

fn day(i: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2010, 1, 1).unwrap() + Days::new(i)
}

fn person() -> Person {
    serde_json::from_value(serde_json::json!({
        "crn": "X320741", "date_of_birth": "1985-06-01", "sex": "female", "home_area": "C01"
    }))
    .unwrap()
}

fn term() -> impl Strategy<Value = Length> {
    (0u16..6, 0u16..12, 0u16..8, 0u16..40).prop_map(|(years, months, weeks, days)| Length {
        years,
        months,
        weeks,
        days: if years + months + weeks == 0 {
            days + 1
        } else {
            days
        },
    })
}

/// 1 to 5 sentences from 2010 to 2027, each concurrent or consecutive to an earlier one, with flags.
fn booking() -> impl Strategy<Value = Booking> {
    (
        0u64..6_500,
        prop::collection::vec((0u64..30, term(), 0u8..8, any::<bool>(), 0u64..2_000), 1..6),
        0u32..200,
        prop::collection::vec((0u64..400, 1u32..30), 0..3),
        prop::collection::vec((0u64..200, 1u32..20), 0..3),
    )
        .prop_map(|(start, parts, tagged, ual, ada)| {
            let s0 = day(start);
            let mut sentences: Vec<CustodialSentence> = Vec::new();
            for (i, (offset, t, flag, consecutive, offence_back)) in parts.into_iter().enumerate() {
                let sd = s0 + Days::new(offset);
                let mut s = CustodialSentence::sds(sd, sd - Days::new(offence_back), t);
                match flag {
                    1 => s.sds_plus = true,
                    2 => s.exclusions.push(EarlyReleaseExclusion::Sexual),
                    3 => s.exclusions.push(EarlyReleaseExclusion::SexualT3),
                    4 => s.section_250 = true,
                    _ => {}
                }
                // Consecutive to the previous sentence when it has no successor yet.
                if consecutive
                    && i > 0
                    && !sentences
                        .iter()
                        .any(|p| p.consecutive_to == Some(u32::try_from(i - 1).unwrap()))
                {
                    s.consecutive_to = Some(u32::try_from(i - 1).unwrap());
                }
                sentences.push(s);
            }
            Booking {
                sentences,
                tagged_bail: if tagged > 0 {
                    vec![Deduction {
                        days: tagged,
                        sentence: None,
                    }]
                } else {
                    vec![]
                },
                unlawfully_at_large: ual
                    .into_iter()
                    .scan(s0, |at, (gap, days)| {
                        *at = *at + Days::new(gap + 1);
                        let u = UalPeriod { from: *at, days };
                        *at = *at + Days::new(u64::from(days));
                        Some(u)
                    })
                    .collect(),
                additional_days: ada
                    .into_iter()
                    .map(|(off, days)| DayAward {
                        date: s0 + Days::new(off),
                        days,
                    })
                    .collect(),
                ..Booking::default()
            }
        })
}

fn release(d: &ReleaseDates) -> NaiveDate {
    d.post_recall_release
        .or(d.conditional_release)
        .or(d.automatic_release)
        .unwrap()
        .date
}

fn calc(b: &Booking, on: NaiveDate, statute: StatuteOptions) -> Option<ReleaseDates> {
    let options = ReleaseOptions {
        law_as_at: None,
        statute,
    };
    release_dates(&person(), b, on, &options, &Calendar::england_and_wales()).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_500))]

    #[test]
    fn adding_remand_never_moves_a_release_later(b in booking(), extra in 1u32..400, on in 0u64..6_500) {
        let on = day(on);
        let Some(before) = calc(&b, on, StatuteOptions::default()) else { return Ok(()) };
        let mut more = b.clone();
        more.remand.push(Deduction { days: extra, sentence: None });
        if let Some(after) = calc(&more, on, StatuteOptions::default()) {
            prop_assert!(release(&after) <= release(&before), "{} then {}", release(&before), release(&after));
            let sled = |d: &ReleaseDates| d.sentence_and_licence_expiry.or(d.sentence_expiry).unwrap().date;
            prop_assert!(sled(&after) <= sled(&before));
            // Every other release date the booking had before and still has.
            for (a, b) in [
                (after.hdc_eligibility, before.hdc_eligibility),
                (after.early_removal_eligibility, before.early_removal_eligibility),
                (after.top_up_supervision_expiry, before.top_up_supervision_expiry),
            ] {
                if let (Some(a), Some(b)) = (a, b) {
                    prop_assert!(a.date <= b.date, "{} then {}", b.date, a.date);
                }
            }
        }
    }

    #[test]
    fn a_chain_expires_no_earlier_than_any_of_its_sentences(b in booking(), on in 0u64..6_500) {
        let on = day(on);
        let mut b = b;
        b.unlawfully_at_large.clear();
        b.additional_days.clear();
        let Some(all) = calc(&b, on, StatuteOptions::default()) else { return Ok(()) };
        for chain in &all.sentences {
            for &i in &chain.sentences {
                let alone = Booking { sentences: vec![CustodialSentence { consecutive_to: None, ..b.sentences[i as usize].clone() }], tagged_bail: b.tagged_bail.clone(), ..Booking::default() };
                if let Some(one) = calc(&alone, on, StatuteOptions::default()) {
                    prop_assert!(chain.expiry >= one.sentences[0].expiry, "chain {:?} expires {} before sentence {i}'s {}", chain.sentences, chain.expiry, one.sentences[0].expiry);
                }
            }
        }
    }

    #[test]
    fn dates_moved_off_non_working_days_are_working_days(b in booking(), on in 0u64..6_500, statutory in any::<bool>()) {
        let on = day(on);
        let cal = Calendar::england_and_wales();
        let statute = StatuteOptions { discharge_day: statutory, ..StatuteOptions::default() };
        let Some(d) = calc(&b, on, statute) else { return Ok(()) };
        for k in [d.conditional_release, d.automatic_release, d.post_recall_release, d.hdc_eligibility].into_iter().flatten() {
            for hint in [k.working_day, k.non_friday].into_iter().flatten() {
                prop_assert!(cal.is_working_day(hint).unwrap(), "{hint} is not a working day");
            }
        }
        if statutory {
            let longest = d.sentences.iter().map(|s| s.length_days).max().unwrap();
            let k = d.post_recall_release.or(d.conditional_release).or(d.automatic_release).unwrap();
            let wd = k.date.weekday();
            prop_assert!(wd != Weekday::Sun && !cal.is_bank_holiday(k.date).unwrap());
            if longest > 5 {
                prop_assert!(cal.is_working_day(k.date).unwrap(), "{} is not a working day", k.date);
            }
        }
    }
}

#[test]
fn most_generated_bookings_are_calculated() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = (booking(), 0u64..6_500);
    let mut ok = 0;
    for _ in 0..500 {
        let (b, on) = strategy.new_tree(&mut runner).unwrap().current();
        if calc(&b, day(on), StatuteOptions::default()).is_some() {
            ok += 1;
        }
    }
    // The properties above skip refused bookings; make sure they test something.
    assert!(
        ok > 300,
        "only {ok} of 500 generated bookings were calculated"
    );
}
