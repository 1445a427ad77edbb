//! The precomputed working-day table behind [`super::Calendar`]: O(1) rank and select over 1970–2100.
//!
//! Days are numbered from 1970-01-01 (index 0) to 2100-12-31 (index 47,846). A bitset marks working days; a
//! prefix count per 64-day block gives the *rank* (working days up to a day) with one popcount, and the list of
//! working days in order gives the *select* (the k-th working day) with one load. The whole table is about
//! 150 KB and shared between clones of a calendar.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{CalendarError, FIRST_DATE};

/// [`FIRST_DATE`] counted in days from 1 January 1 CE (the Unix epoch's well-known 719,163; checked by a test).
const FIRST_CE: i32 = 719_163;
/// Number of days in the supported range: 131 years, 32 of them leap years (2100 is not). Checked by a test.
pub(super) const DAYS: usize = 131 * 365 + 32;

/// Index of `date` in the table, or `OutOfRange`.
#[inline]
pub(super) fn index(date: NaiveDate) -> Result<usize, CalendarError> {
    usize::try_from(date.num_days_from_ce() - FIRST_CE)
        .ok()
        .filter(|&i| i < DAYS)
        .ok_or(CalendarError::OutOfRange)
}

/// The date at index `i` (which must be in the table).
#[cfg(test)]
fn date_at(i: usize) -> Result<NaiveDate, CalendarError> {
    i32::try_from(i)
        .ok()
        .and_then(|i| NaiveDate::from_num_days_from_ce_opt(FIRST_CE + i))
        .filter(|d| *d <= super::LAST_DATE)
        .ok_or(CalendarError::OutOfRange)
}

/// Working days and bank holidays of the supported range.
#[derive(Clone)]
pub(super) struct Table {
    /// Bit `i % 64` of word `i / 64` is set when day `i` is a working day.
    working: Vec<u64>,
    /// Bit set when day `i` is a bank holiday (whatever its weekday).
    holiday: Vec<u64>,
    /// `rank_before[w]` = working days in words `0..w`.
    rank_before: Vec<u32>,
    /// The working days, in order (stored as dates so that answering needs no conversion).
    select: Vec<NaiveDate>,
    /// The same working days as day indices (for the column forms, which answer in day numbers).
    select_index: Vec<u16>,
}

impl Table {
    /// Builds the table from the holidays' dates (any order; dates outside the range are ignored).
    pub(super) fn build(holidays: impl IntoIterator<Item = NaiveDate>) -> Table {
        let words = DAYS.div_ceil(64);
        let mut holiday = vec![0u64; words];
        for d in holidays {
            if let Ok(i) = index(d)
                && let Some(w) = holiday.get_mut(i / 64)
            {
                *w |= 1 << (i % 64);
            }
        }
        let mut working = vec![0u64; words];
        let mut select = Vec::with_capacity(DAYS * 5 / 7 + 1);
        let mut select_index = Vec::with_capacity(DAYS * 5 / 7 + 1);
        let mut weekday = FIRST_DATE.weekday();
        let mut date = FIRST_DATE;
        for i in 0..DAYS {
            let bit = 1u64 << (i % 64);
            let is_holiday = holiday.get(i / 64).is_some_and(|w| w & bit != 0);
            if !matches!(weekday, Weekday::Sat | Weekday::Sun) && !is_holiday {
                if let Some(w) = working.get_mut(i / 64) {
                    *w |= bit;
                }
                select.push(date);
                // DAYS < 65,536 (checked by a test), so every index fits.
                select_index.push(u16::try_from(i).unwrap_or(u16::MAX));
            }
            weekday = weekday.succ();
            date = date.succ_opt().unwrap_or(date);
        }
        let mut rank_before = Vec::with_capacity(words);
        let mut acc = 0u32;
        for w in &working {
            rank_before.push(acc);
            acc += w.count_ones();
        }
        Table {
            working,
            holiday,
            rank_before,
            select,
            select_index,
        }
    }

    #[inline]
    fn bit(words: &[u64], i: usize) -> bool {
        words.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// True when day `i` is a working day.
    #[inline]
    pub(super) fn is_working(&self, i: usize) -> bool {
        Self::bit(&self.working, i)
    }

    /// True when day `i` is a bank holiday.
    #[inline]
    pub(super) fn is_holiday(&self, i: usize) -> bool {
        Self::bit(&self.holiday, i)
    }

    /// Working days in `0..=i`.
    #[inline]
    pub(super) fn rank(&self, i: usize) -> Result<u32, CalendarError> {
        let w = i / 64;
        let before = self.rank_before.get(w).ok_or(CalendarError::OutOfRange)?;
        let word = self.working.get(w).ok_or(CalendarError::OutOfRange)?;
        let mask = u64::MAX >> (63 - (i % 64));
        Ok(before + (word & mask).count_ones())
    }

    /// The `k`-th working day of the range (0-based), or `OutOfRange` past 2100-12-31.
    #[inline]
    pub(super) fn select(&self, k: usize) -> Result<NaiveDate, CalendarError> {
        self.select.get(k).copied().ok_or(CalendarError::OutOfRange)
    }

    /// The index of the `k`-th working day of the range (0-based), or `OutOfRange` past 2100-12-31.
    #[inline]
    pub(super) fn select_index(&self, k: usize) -> Result<usize, CalendarError> {
        self.select_index
            .get(k)
            .map(|i| usize::from(*i))
            .ok_or(CalendarError::OutOfRange)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::LAST_DATE;

    #[test]
    fn range_is_131_years() {
        assert_eq!(FIRST_CE, FIRST_DATE.num_days_from_ce());
        assert_eq!(
            DAYS,
            usize::try_from(LAST_DATE.num_days_from_ce() - FIRST_CE + 1).unwrap()
        );
        assert_eq!(DAYS, 47_847);
        assert!(DAYS <= usize::from(u16::MAX));
    }

    #[test]
    fn index_round_trips_and_rejects_out_of_range() {
        assert_eq!(index(FIRST_DATE), Ok(0));
        assert_eq!(index(LAST_DATE), Ok(DAYS - 1));
        assert_eq!(date_at(DAYS - 1), Ok(LAST_DATE));
        assert_eq!(date_at(DAYS), Err(CalendarError::OutOfRange));
        assert_eq!(
            index(FIRST_DATE.pred_opt().unwrap()),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            index(LAST_DATE.succ_opt().unwrap()),
            Err(CalendarError::OutOfRange)
        );
    }

    #[test]
    fn rank_and_select_agree_with_a_plain_count() {
        let t = Table::build([]);
        let mut count = 0u32;
        for i in 0..DAYS {
            if t.is_working(i) {
                assert_eq!(t.select(count as usize), date_at(i));
                assert_eq!(t.select_index(count as usize), Ok(i));
                count += 1;
            }
            assert_eq!(t.rank(i), Ok(count));
        }
        // Without holidays every weekday works: 1970-01-01 was a Thursday.
        assert!(t.is_working(0));
        assert!(!t.is_working(2));
    }
}
