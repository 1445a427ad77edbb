//! Interim stand-in for `crate::calendar` (branch `cal`) until it is merged: weekends only, no bank holidays.
//! Same signatures as the contract; removed when the real calendar lands.
#![allow(missing_docs, reason = "temporary stand-in for the calendar branch")]

use chrono::{Datelike, NaiveDate, Weekday};

#[derive(Debug, Clone, Default)]
pub struct Calendar;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("date outside the calendar's range")]
    OutOfRange,
}

impl Calendar {
    pub fn england_and_wales() -> Calendar {
        Calendar
    }
    pub fn is_working_day(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        Ok(!matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
    }
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let mut d = d;
        let mut left = n;
        while left > 0 {
            d = d.succ_opt().ok_or(CalendarError::OutOfRange)?;
            if self.is_working_day(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }
}
