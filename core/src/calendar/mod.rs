//! The England & Wales working-day calendar (docs/rules/calendar.md).
//!
//! # What is a working day?
//!
//! Deadlines in probation practice are counted in *working days*: Monday to Friday, except the bank holidays of
//! England & Wales. "Within 5 working days of sentence" means by the 5th working day after the sentence date:
//! the count starts on the working day after it ([`rules::WITHIN_N_WORKING_DAYS`],
//! docs/rules/calendar.md#working-days).
//!
//! The bank holidays are computed by rule for every year from 1970 to 2100 — New Year's Day (from 1974), Good
//! Friday and Easter Monday from the Gregorian computus, the early May (from 1978), spring and summer bank
//! holidays, Christmas and Boxing Day, each with its substitute days — plus the one-off moves and extra days
//! proclaimed since (the Diamond Jubilee, the 2020 VE-day move, the 2022 Platinum Jubilee and state funeral, the
//! 2023 coronation, …). Future one-off days are announced by proclamation: add them at run time with
//! [`Calendar::with_extra_holidays`].
//!
//! ## 1970 and 1971
//!
//! The supported range starts in 1970, before the Banking and Financial Dealings Act 1971. In 1970 and 1971 the
//! holidays were those of the Bank Holidays Act 1871 as varied by the yearly proclamations of the 1965–1971
//! trial: Good Friday, Easter Monday, the *spring* holiday on the last Monday of May (in place of Whit Monday —
//! 25 May 1970, not Whit Monday 18 May) and the *summer* holiday on the last Monday of August (in place of the
//! first Monday), Christmas Day and Boxing Day. There was no New Year's Day holiday in England & Wales until 1974
//! and no early May holiday until 1978. Whether Monday 28 December 1970 was proclaimed in place of Saturday
//! Boxing Day is not confirmed: the later substitute rule is assumed ([`rules::BEFORE_1972`], basis `A`).
//!
//! ## Speed
//!
//! A calendar precomputes a table of the whole range (about 150 KB, shared by its clones), so
//! [`Calendar::add_working_days`], [`Calendar::working_days_between`] and [`Calendar::is_working_day`] are O(1):
//! a few loads and a popcount.
//!
//! ```
//! use chrono::NaiveDate;
//! use probation_core::calendar::Calendar;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let cal = Calendar::england_and_wales();
//! // Sentenced on Thursday 22 December 2022: 5 working days skip the weekends, Boxing Day (Mon 26), the
//! // Christmas substitute day (Tue 27) and the New Year substitute day (Mon 2 January 2023).
//! assert_eq!(cal.add_working_days(d(2022, 12, 22), 5)?, d(2023, 1, 3));
//! assert_eq!(cal.working_days_between(d(2022, 12, 22), d(2023, 1, 3))?, 5);
//! assert!(!cal.is_working_day(d(2023, 5, 8))?); // coronation of King Charles III
//! # Ok::<(), probation_core::calendar::CalendarError>(())
//! ```

mod bank_holidays;
mod columns;
mod easter;
pub mod rules;
mod working_days;

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate};

pub use bank_holidays::{BankHoliday, HolidayName};
pub use columns::{ColumnError, NO_DAY, Offsets};
pub use easter::easter_sunday;
use working_days::{Table, index};

/// The first date the calendar supports.
pub const FIRST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// The last date the calendar supports.
pub const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};
/// The first year the calendar supports.
pub const FIRST_YEAR: i32 = 1970;
/// The last year the calendar supports.
pub const LAST_YEAR: i32 = 2100;

/// Why a calendar question has no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A date (given, or the answer) or a year is outside 1970-01-01 ..= 2100-12-31.
    #[error("date or year is outside the supported range 1970-01-01 to 2100-12-31")]
    OutOfRange,
}

impl CalendarError {
    /// Stable snake_case code: `out_of_range`.
    pub const fn code(self) -> &'static str {
        match self {
            CalendarError::OutOfRange => "out_of_range",
        }
    }
}

/// A working-day calendar: England & Wales bank holidays by rule, plus any extra days.
///
/// Cheap to clone (the precomputed table is shared), `Send` and `Sync`.
#[derive(Clone)]
pub struct Calendar {
    inner: Arc<Inner>,
}

struct Inner {
    /// Every holiday of the range, in date order, one per date.
    holidays: Vec<BankHoliday>,
    table: Table,
}

impl std::fmt::Debug for Calendar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Calendar")
            .field("holidays", &self.inner.holidays.len())
            .field("from", &FIRST_DATE)
            .field("to", &LAST_DATE)
            .finish()
    }
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar::england_and_wales()
    }
}

impl Calendar {
    /// The England & Wales calendar, 1970–2100, with every bank holiday of docs/rules/calendar.md.
    ///
    /// Built once per process and shared: calling this again is a reference-count increment.
    ///
    /// ```
    /// use probation_core::calendar::Calendar;
    /// let cal = Calendar::england_and_wales();
    /// assert_eq!(cal.bank_holidays(2024).unwrap().len(), 8);
    /// ```
    pub fn england_and_wales() -> Calendar {
        static DEFAULT: OnceLock<Calendar> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                let holidays = (FIRST_YEAR..=LAST_YEAR)
                    .filter_map(bank_holidays::holidays_of_year)
                    .flatten()
                    .collect();
                Calendar::from_holidays(holidays)
            })
            .clone()
    }

    fn from_holidays(mut holidays: Vec<BankHoliday>) -> Calendar {
        holidays.sort_by_key(|h| h.date);
        holidays.dedup_by_key(|h| h.date);
        let table = Table::build(holidays.iter().map(|h| h.date));
        Calendar {
            inner: Arc::new(Inner { holidays, table }),
        }
    }

    /// This calendar with extra bank holidays (announced by proclamation), each named "Extra bank holiday".
    /// A date that is already a bank holiday keeps its name.
    ///
    /// This rebuilds the working-day table (about half a millisecond): build the calendar once and clone it.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] if a date is outside 1970–2100; the calendar is then unchanged.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use probation_core::calendar::{Calendar, CalendarError};
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let cal = Calendar::england_and_wales().with_extra_holidays([d(2030, 6, 14)])?;
    /// assert!(!cal.is_working_day(d(2030, 6, 14))?);
    /// let err = Calendar::england_and_wales().with_extra_holidays([d(2101, 1, 3)]).unwrap_err();
    /// assert_eq!(err, CalendarError::OutOfRange);
    /// # Ok::<(), CalendarError>(())
    /// ```
    pub fn with_extra_holidays(
        self,
        dates: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<Calendar, CalendarError> {
        self.with_named_extra_holidays(
            dates
                .into_iter()
                .map(|d| (d, Cow::Borrowed("Extra bank holiday"))),
        )
    }

    /// This calendar with extra bank holidays, each with its name.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] if a date is outside 1970–2100.
    pub fn with_named_extra_holidays(
        self,
        holidays: impl IntoIterator<Item = (NaiveDate, Cow<'static, str>)>,
    ) -> Result<Calendar, CalendarError> {
        let mut all = self.inner.holidays.clone();
        let before = all.len();
        for (date, name) in holidays {
            index(date)?;
            all.push(BankHoliday {
                date,
                name,
                substitute: false,
                rule: &rules::RUN_TIME_EXTRA,
            });
        }
        if all.len() == before {
            return Ok(self);
        }
        // A stable sort keeps the existing holiday first on a date, so dedup keeps its name.
        Ok(Calendar::from_holidays(all))
    }

    /// This calendar without the bank holidays on `dates` (for example to drop one of the \[A\]-labelled historic
    /// days of [`rules`]). Dates that are not holidays are ignored.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] if a date is outside 1970–2100.
    pub fn without_holidays(
        self,
        dates: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<Calendar, CalendarError> {
        let mut drop = Vec::new();
        for d in dates {
            index(d)?;
            drop.push(d);
        }
        if drop.is_empty() {
            return Ok(self);
        }
        let kept = self
            .inner
            .holidays
            .iter()
            .filter(|h| !drop.contains(&h.date))
            .cloned()
            .collect();
        Ok(Calendar::from_holidays(kept))
    }

    /// True when `date` is a bank holiday (including extra holidays and substitute days).
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] outside 1970-01-01 ..= 2100-12-31.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use probation_core::calendar::Calendar;
    /// let cal = Calendar::england_and_wales();
    /// assert!(cal.is_bank_holiday(NaiveDate::from_ymd_opt(2012, 6, 5).unwrap())?); // Diamond Jubilee
    /// assert!(cal.is_bank_holiday(NaiveDate::from_ymd_opt(1969, 12, 25).unwrap()).is_err());
    /// # Ok::<(), probation_core::calendar::CalendarError>(())
    /// ```
    pub fn is_bank_holiday(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        Ok(self.inner.table.is_holiday(index(date)?))
    }

    /// True when `date` is a working day: Monday to Friday and not a bank holiday.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] outside 1970-01-01 ..= 2100-12-31.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use probation_core::calendar::Calendar;
    /// let cal = Calendar::england_and_wales();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(cal.is_working_day(d(2024, 3, 28))?); // Maundy Thursday
    /// assert!(!cal.is_working_day(d(2024, 3, 29))?); // Good Friday
    /// assert!(!cal.is_working_day(d(2024, 3, 30))?); // Saturday
    /// # Ok::<(), probation_core::calendar::CalendarError>(())
    /// ```
    #[inline]
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        Ok(self.inner.table.is_working(index(date)?))
    }

    /// The `n`-th working day after `date`, counting from the working day after it (so `n = 1` is the next
    /// working day); `n = 0` gives `date` itself, working day or not. This is "within N working days of X"
    /// (docs/rules/calendar.md#working-days). O(1).
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] when `date` or the answer is outside 1970-01-01 ..= 2100-12-31.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use probation_core::calendar::{Calendar, CalendarError};
    /// let cal = Calendar::england_and_wales();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Thursday before Easter 2024: Good Friday and Easter Monday are skipped.
    /// assert_eq!(cal.add_working_days(d(2024, 3, 28), 1)?, d(2024, 4, 2));
    /// assert_eq!(cal.add_working_days(d(2024, 3, 30), 0)?, d(2024, 3, 30));
    /// assert_eq!(cal.add_working_days(d(2100, 12, 30), 5), Err(CalendarError::OutOfRange));
    /// # Ok::<(), CalendarError>(())
    /// ```
    #[inline]
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = index(date)?;
        if n == 0 {
            return Ok(date);
        }
        let t = &self.inner.table;
        // rank(i) working days are on or before `date`; the answer is working day number rank(i) + n (1-based).
        let k = usize::try_from(u64::from(t.rank(i)?) + u64::from(n) - 1)
            .map_err(|_| CalendarError::OutOfRange)?;
        t.select(k)
    }

    /// The number of working days in `(start, end]`; negative (minus the working days in `(end, start]`) when
    /// `end` is before `start`. So `working_days_between(d, add_working_days(d, n)?) == n`. O(1).
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] when either date is outside 1970-01-01 ..= 2100-12-31.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use probation_core::calendar::Calendar;
    /// let cal = Calendar::england_and_wales();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(cal.working_days_between(d(2024, 12, 20), d(2025, 1, 3))?, 7);
    /// assert_eq!(cal.working_days_between(d(2025, 1, 3), d(2024, 12, 20))?, -7);
    /// # Ok::<(), probation_core::calendar::CalendarError>(())
    /// ```
    #[inline]
    pub fn working_days_between(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<i64, CalendarError> {
        let t = &self.inner.table;
        let (a, b) = (t.rank(index(start)?)?, t.rank(index(end)?)?);
        Ok(i64::from(b) - i64::from(a))
    }

    /// The first working day strictly after `date`.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] when `date` or the answer is outside 1970-01-01 ..= 2100-12-31.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use probation_core::calendar::Calendar;
    /// let cal = Calendar::england_and_wales();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(cal.next_working_day(d(2021, 12, 24))?, d(2021, 12, 29));
    /// # Ok::<(), probation_core::calendar::CalendarError>(())
    /// ```
    #[inline]
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(date, 1)
    }

    /// The bank holidays of `year`, in date order, each with its name and rule (extra holidays included).
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] for a year outside 1970–2100.
    ///
    /// ```
    /// use probation_core::calendar::Calendar;
    /// let cal = Calendar::england_and_wales();
    /// let h = cal.bank_holidays(2022)?;
    /// let names: Vec<_> = h.iter().map(|h| (h.date.to_string(), h.name.as_ref())).collect();
    /// assert_eq!(names[4], ("2022-06-02".to_owned(), "Spring bank holiday"));
    /// assert_eq!(names[5], ("2022-06-03".to_owned(), "Platinum Jubilee bank holiday"));
    /// assert!(cal.bank_holidays(1969).is_err());
    /// # Ok::<(), probation_core::calendar::CalendarError>(())
    /// ```
    pub fn bank_holidays(&self, year: i32) -> Result<Vec<BankHoliday>, CalendarError> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(CalendarError::OutOfRange);
        }
        let all = &self.inner.holidays;
        let from = all.partition_point(|h| h.date.year() < year);
        let to = all.partition_point(|h| h.date.year() <= year);
        Ok(all.get(from..to).unwrap_or_default().to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn calendar_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<Calendar>();
        let a = Calendar::england_and_wales();
        let b = Calendar::england_and_wales();
        assert!(Arc::ptr_eq(&a.inner, &b.inner));
    }

    #[test]
    fn every_function_rejects_the_edges_of_the_range() {
        let cal = Calendar::england_and_wales();
        for bad in [
            d(1969, 12, 31),
            d(2101, 1, 1),
            NaiveDate::MIN,
            NaiveDate::MAX,
        ] {
            assert_eq!(cal.is_working_day(bad), Err(CalendarError::OutOfRange));
            assert_eq!(cal.is_bank_holiday(bad), Err(CalendarError::OutOfRange));
            assert_eq!(cal.add_working_days(bad, 0), Err(CalendarError::OutOfRange));
            assert_eq!(
                cal.add_working_days(bad, u32::MAX),
                Err(CalendarError::OutOfRange)
            );
            assert_eq!(cal.next_working_day(bad), Err(CalendarError::OutOfRange));
            assert_eq!(
                cal.working_days_between(bad, d(2000, 1, 1)),
                Err(CalendarError::OutOfRange)
            );
            assert_eq!(
                cal.working_days_between(d(2000, 1, 1), bad),
                Err(CalendarError::OutOfRange)
            );
        }
        for y in [1969, 2101, i32::MIN, i32::MAX] {
            assert_eq!(cal.bank_holidays(y), Err(CalendarError::OutOfRange));
        }
        // First and last days work.
        assert_eq!(cal.is_working_day(d(1970, 1, 1)), Ok(true)); // Thursday; no New Year holiday before 1974
        assert_eq!(cal.next_working_day(d(1970, 1, 1)), Ok(d(1970, 1, 2)));
        assert_eq!(cal.is_working_day(d(2100, 12, 31)), Ok(true)); // Friday
        assert_eq!(cal.next_working_day(d(2100, 12, 30)), Ok(d(2100, 12, 31)));
        assert_eq!(
            cal.next_working_day(d(2100, 12, 31)),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            cal.add_working_days(d(1970, 1, 1), u32::MAX),
            Err(CalendarError::OutOfRange)
        );
    }

    #[test]
    fn extra_holidays_are_added_named_and_deduplicated() {
        let cal = Calendar::england_and_wales()
            .with_named_extra_holidays([
                (d(2030, 6, 14), Cow::Borrowed("Proclaimed holiday")),
                (d(2030, 12, 25), Cow::Borrowed("Duplicate")),
            ])
            .unwrap();
        let h = cal.bank_holidays(2030).unwrap();
        assert_eq!(h.len(), 9);
        let june = h.iter().find(|h| h.date == d(2030, 6, 14)).unwrap();
        assert_eq!(june.name, "Proclaimed holiday");
        assert_eq!(june.rule.id, rules::RUN_TIME_EXTRA.id);
        let xmas = h.iter().find(|h| h.date == d(2030, 12, 25)).unwrap();
        assert_eq!(xmas.name, "Christmas Day");
        assert_eq!(cal.add_working_days(d(2030, 6, 13), 1), Ok(d(2030, 6, 17)));
        // The default calendar is not changed.
        assert_eq!(
            Calendar::england_and_wales().add_working_days(d(2030, 6, 13), 1),
            Ok(d(2030, 6, 14))
        );
        // An out-of-range extra is refused.
        assert_eq!(
            Calendar::england_and_wales()
                .with_extra_holidays([d(2030, 1, 2), d(1969, 1, 2)])
                .unwrap_err(),
            CalendarError::OutOfRange
        );
    }

    #[test]
    fn holidays_can_be_removed() {
        let cal = Calendar::england_and_wales()
            .without_holidays([d(1973, 11, 14)])
            .unwrap();
        assert_eq!(cal.is_working_day(d(1973, 11, 14)), Ok(true));
        assert_eq!(cal.bank_holidays(1973).unwrap().len(), 6);
    }

    #[test]
    fn working_days_of_known_years() {
        // 2024: 262 weekdays − 8 bank holidays (all on weekdays) = 254 working days.
        let cal = Calendar::england_and_wales();
        assert_eq!(
            cal.working_days_between(d(2023, 12, 31), d(2024, 12, 31)),
            Ok(254)
        );
        // 2022: 260 weekdays − 10 bank holidays on weekdays = 250.
        assert_eq!(
            cal.working_days_between(d(2021, 12, 31), d(2022, 12, 31)),
            Ok(250)
        );
    }
}
