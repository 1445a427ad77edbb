//! Column forms of [`Calendar::is_working_day`] and [`Calendar::add_working_days`]: whole columns of dates as
//! `i32` days since 1970-01-01 (Arrow's `date32`), with [`NO_DAY`] for a missing date, so that a binding can run
//! them over a buffer without building a date per row. Each row gives exactly what the per-date method gives.

use super::working_days::DAYS;

use super::{Calendar, CalendarError};

/// A missing date in a column (Arrow's null, numpy's `NaT` narrowed to `i32`): missing in, missing out.
pub const NO_DAY: i32 = i32::MIN;

/// A column-level calendar error: the row (0-based) and what was wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("row {row}: {error}")]
pub struct ColumnError {
    /// The row of the column that failed.
    pub row: usize,
    /// The calendar's error for that row.
    pub error: CalendarError,
}

/// The number of working days to add in each row: one for all rows, or one per row (`None`: missing).
#[derive(Debug, Clone, Copy)]
pub enum Offsets<'a> {
    /// The same `n` in every row.
    Scalar(u32),
    /// One `n` per row (same length as the dates); `None` gives a missing date.
    Column(&'a [Option<u32>]),
}

/// The table index of a day number, or `OutOfRange`.
#[inline]
fn day_index(day: i32) -> Result<usize, CalendarError> {
    usize::try_from(day)
        .ok()
        .filter(|&i| i < DAYS)
        .ok_or(CalendarError::OutOfRange)
}

impl Calendar {
    /// For each day of `days` (days since 1970-01-01, [`NO_DAY`] missing): `Some(is_working_day)`, or `None` for a
    /// missing day.
    ///
    /// # Errors
    /// The first row outside 1970-01-01 ..= 2100-12-31.
    ///
    /// ```
    /// use probation_core::calendar::{Calendar, NO_DAY};
    /// let cal = Calendar::england_and_wales();
    /// // Thursday 28 March 2024, Good Friday 29 March 2024, missing.
    /// assert_eq!(cal.is_working_day_column(&[19_810, 19_811, NO_DAY])?, vec![Some(true), Some(false), None]);
    /// # Ok::<(), probation_core::calendar::ColumnError>(())
    /// ```
    pub fn is_working_day_column(&self, days: &[i32]) -> Result<Vec<Option<bool>>, ColumnError> {
        let table = &self.inner.table;
        days.iter()
            .enumerate()
            .map(|(row, &day)| {
                if day == NO_DAY {
                    return Ok(None);
                }
                day_index(day)
                    .map(|i| Some(table.is_working(i)))
                    .map_err(|error| ColumnError { row, error })
            })
            .collect()
    }

    /// For each day of `days`: [`Calendar::add_working_days`] of it and its row's `n`, as days since 1970-01-01;
    /// [`NO_DAY`] where the day or the row's `n` is missing.
    ///
    /// # Errors
    /// The first row whose day or answer is outside 1970-01-01 ..= 2100-12-31, or (as `OutOfRange` on row
    /// `days.len()`) a column of `n` whose length differs from `days`.
    ///
    /// ```
    /// use probation_core::calendar::{Calendar, NO_DAY, Offsets};
    /// let cal = Calendar::england_and_wales();
    /// // Thursday 28 March 2024 + 1 working day skips Good Friday and Easter Monday: Tuesday 2 April (19,815).
    /// assert_eq!(cal.add_working_days_column(&[19_810, NO_DAY], Offsets::Scalar(1))?, vec![19_815, NO_DAY]);
    /// assert_eq!(cal.add_working_days_column(&[19_810, 19_810], Offsets::Column(&[Some(0), None]))?, vec![19_810, NO_DAY]);
    /// # Ok::<(), probation_core::calendar::ColumnError>(())
    /// ```
    pub fn add_working_days_column(
        &self,
        days: &[i32],
        n: Offsets<'_>,
    ) -> Result<Vec<i32>, ColumnError> {
        if let Offsets::Column(col) = n
            && col.len() != days.len()
        {
            return Err(ColumnError {
                row: days.len().min(col.len()),
                error: CalendarError::OutOfRange,
            });
        }
        days.iter()
            .enumerate()
            .map(|(row, &day)| {
                let n = match n {
                    Offsets::Scalar(n) => Some(n),
                    Offsets::Column(col) => col.get(row).copied().flatten(),
                };
                match n {
                    Some(n) if day != NO_DAY => self
                        .add_working_days_to_day(day, n)
                        .map_err(|error| ColumnError { row, error }),
                    _ => Ok(NO_DAY),
                }
            })
            .collect()
    }

    /// [`Calendar::add_working_days`] on day numbers (days since 1970-01-01): the same O(1) rank and select,
    /// without converting to and from dates.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] when `day` or the answer is outside 1970-01-01 ..= 2100-12-31.
    ///
    /// ```
    /// use probation_core::calendar::Calendar;
    /// let cal = Calendar::england_and_wales();
    /// // Thursday 28 March 2024 (19,810) + 1 working day: Tuesday 2 April (19,815).
    /// assert_eq!(cal.add_working_days_to_day(19_810, 1)?, 19_815);
    /// # Ok::<(), probation_core::calendar::CalendarError>(())
    /// ```
    #[inline]
    pub fn add_working_days_to_day(&self, day: i32, n: u32) -> Result<i32, CalendarError> {
        let i = day_index(day)?;
        if n == 0 {
            return Ok(day);
        }
        let t = &self.inner.table;
        // rank(i) working days are on or before `day`; the answer is working day number rank(i) + n (1-based).
        let k = usize::try_from(u64::from(t.rank(i)?) + u64::from(n) - 1)
            .map_err(|_| CalendarError::OutOfRange)?;
        i32::try_from(t.select_index(k)?).map_err(|_| CalendarError::OutOfRange)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn day(d: NaiveDate) -> i32 {
        i32::try_from(
            d.signed_duration_since(crate::calendar::FIRST_DATE)
                .num_days(),
        )
        .unwrap()
    }

    /// Every day from 1970 to 2100 (and a few past either end), each `n` in 0..12: the column forms give what the
    /// per-date methods give, errors included.
    #[test]
    fn columns_equal_per_date_methods() {
        let cal = Calendar::england_and_wales()
            .with_extra_holidays([NaiveDate::from_ymd_opt(2030, 7, 3).unwrap()])
            .unwrap();
        let days: Vec<i32> = (-3..i32::try_from(DAYS).unwrap() + 3).step_by(7).collect();
        let dates: Vec<Option<NaiveDate>> = days
            .iter()
            .map(|&d| {
                crate::calendar::FIRST_DATE.checked_add_signed(chrono::Duration::days(i64::from(d)))
            })
            .collect();
        for (row, (&d, date)) in days.iter().zip(&dates).enumerate() {
            let one = cal.is_working_day_column(&[d]);
            let expected = date.map(|x| cal.is_working_day(x)).unwrap();
            match expected {
                Ok(w) => assert_eq!(one, Ok(vec![Some(w)]), "row {row}"),
                Err(error) => assert_eq!(one, Err(ColumnError { row: 0, error })),
            }
            for n in 0..12u32 {
                let got = cal.add_working_days_column(&[d], Offsets::Scalar(n));
                match date.map(|x| cal.add_working_days(x, n)).unwrap() {
                    Ok(x) => assert_eq!(got, Ok(vec![day(x)]), "day {d} n {n}"),
                    Err(error) => assert_eq!(got, Err(ColumnError { row: 0, error })),
                }
            }
        }
    }

    /// Every day of the range (every weekday, every holiday), a spread of `n`: the day-number form gives what
    /// the date form gives.
    #[test]
    fn day_numbers_equal_dates_on_every_day() {
        let cal = Calendar::england_and_wales();
        for d in -2..i32::try_from(DAYS).unwrap() + 2 {
            let date = crate::calendar::FIRST_DATE
                .checked_add_signed(chrono::Duration::days(i64::from(d)))
                .unwrap();
            for n in [0u32, 1, 2, 5, 10, 23, 250] {
                let expected = cal.add_working_days(date, n).map(day);
                assert_eq!(cal.add_working_days_to_day(d, n), expected, "day {d} n {n}");
            }
        }
    }

    #[test]
    fn missing_stays_missing_and_errors_name_the_row() {
        let cal = Calendar::england_and_wales();
        assert_eq!(
            cal.is_working_day_column(&[NO_DAY, 0]),
            Ok(vec![None, Some(true)])
        );
        assert_eq!(
            cal.is_working_day_column(&[0, -1]),
            Err(ColumnError {
                row: 1,
                error: CalendarError::OutOfRange
            })
        );
        assert_eq!(
            cal.add_working_days_column(&[NO_DAY], Offsets::Scalar(3)),
            Ok(vec![NO_DAY])
        );
        assert_eq!(
            cal.add_working_days_column(&[0, 0], Offsets::Column(&[Some(1)]))
                .map_err(|e| e.row),
            Err(1)
        );
        let last = i32::try_from(DAYS).unwrap() - 1;
        assert_eq!(
            cal.add_working_days_column(&[0, last], Offsets::Scalar(5))
                .map_err(|e| e.row),
            Err(1)
        );
    }
}
