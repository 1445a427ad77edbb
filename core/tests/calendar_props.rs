//! Property tests of the working-day calendar over the whole supported range.
#![cfg(test)]

use chrono::{Datelike, Days, NaiveDate, Weekday};
use probation_core::calendar::{Calendar, CalendarError, FIRST_DATE, LAST_DATE};
use proptest::prelude::*;

fn date_in_range() -> impl Strategy<Value = NaiveDate> {
    let span = (LAST_DATE - FIRST_DATE).num_days();
    (0..=span).prop_map(|i| FIRST_DATE + Days::new(u64::try_from(i).unwrap()))
}

/// Any date, in range or not (chrono's whole range).
fn any_date() -> impl Strategy<Value = NaiveDate> {
    (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn add_working_days_lands_on_a_working_day(d in date_in_range(), n in 1u32..2_000) {
        let cal = Calendar::england_and_wales();
        match cal.add_working_days(d, n) {
            Ok(r) => {
                prop_assert!(r > d);
                prop_assert!(cal.is_working_day(r).unwrap());
                prop_assert_eq!(cal.working_days_between(d, r).unwrap(), i64::from(n));
                prop_assert_eq!(cal.working_days_between(r, d).unwrap(), -i64::from(n));
            }
            // Only when the answer would be after 2100-12-31.
            Err(CalendarError::OutOfRange) => {
                let left = cal.working_days_between(d, LAST_DATE).unwrap();
                prop_assert!(left < i64::from(n));
            }
            Err(e) => prop_assert!(false, "unexpected {e}"),
        }
    }

    #[test]
    fn add_working_days_is_additive(d in date_in_range(), a in 0u32..500, b in 0u32..500) {
        let cal = Calendar::england_and_wales();
        if let (Ok(x), Ok(y)) = (cal.add_working_days(d, a + b), cal.add_working_days(d, a)) {
            prop_assert_eq!(cal.add_working_days(y, b).unwrap(), x);
        }
    }

    #[test]
    fn next_working_day_is_after_and_skips_only_non_working_days(d in date_in_range()) {
        let cal = Calendar::england_and_wales();
        if let Ok(next) = cal.next_working_day(d) {
            prop_assert!(next > d);
            prop_assert!(cal.is_working_day(next).unwrap());
            let mut x = d.succ_opt().unwrap();
            while x < next {
                prop_assert!(!cal.is_working_day(x).unwrap());
                x = x.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn weekends_never_work_and_weekdays_work_unless_bank_holidays(d in date_in_range()) {
        let cal = Calendar::england_and_wales();
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        let holiday = cal.is_bank_holiday(d).unwrap();
        prop_assert_eq!(cal.is_working_day(d).unwrap(), !weekend && !holiday);
    }

    #[test]
    fn between_matches_a_day_by_day_count(d in date_in_range(), len in 0u64..120) {
        let cal = Calendar::england_and_wales();
        let end = (d + Days::new(len)).min(LAST_DATE);
        let mut count = 0i64;
        let mut x = d;
        while x < end {
            x = x.succ_opt().unwrap();
            count += i64::from(cal.is_working_day(x).unwrap());
        }
        prop_assert_eq!(cal.working_days_between(d, end).unwrap(), count);
    }

    #[test]
    fn never_panics_on_any_date(d in any_date(), n in any::<u32>(), y in any::<i32>()) {
        let cal = Calendar::england_and_wales();
        let in_range = (FIRST_DATE..=LAST_DATE).contains(&d);
        prop_assert_eq!(cal.is_working_day(d).is_ok(), in_range);
        prop_assert_eq!(cal.is_bank_holiday(d).is_ok(), in_range);
        let _ = cal.add_working_days(d, n);
        let _ = cal.next_working_day(d);
        let _ = cal.working_days_between(d, LAST_DATE);
        prop_assert_eq!(cal.bank_holidays(y).is_ok(), (1970..=2100).contains(&y));
    }
}
