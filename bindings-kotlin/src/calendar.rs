//! The working-day calendar as a Kotlin object (`Calendar`, `AutoCloseable`: use it with `.use {}`).

use std::sync::Arc;

use chrono::NaiveDate;
use probation_core::calendar as cal;

use crate::ApiError;
use crate::error::guard;

/// The England & Wales working-day calendar (1970-01-01 ..= 2100-12-31), optionally with extra holidays.
/// Immutable and thread-safe: share one across threads.
#[derive(Debug, Clone, uniffi::Object)]
pub struct Calendar {
    pub(crate) inner: cal::Calendar,
}

#[uniffi::export]
impl Calendar {
    /// England & Wales bank holidays by rule.
    #[uniffi::constructor]
    pub fn england_and_wales() -> Arc<Self> {
        Arc::new(Calendar {
            inner: cal::Calendar::england_and_wales(),
        })
    }

    /// A new calendar with these extra non-working days (e.g. a one-off bank holiday announced after this
    /// library was built).
    pub fn with_extra_holidays(&self, dates: Vec<NaiveDate>) -> Result<Arc<Calendar>, ApiError> {
        guard(|| {
            Ok(Arc::new(Calendar {
                inner: self.inner.clone().with_extra_holidays(dates)?,
            }))
        })
    }

    /// True on a bank holiday.
    pub fn is_bank_holiday(&self, date: NaiveDate) -> Result<bool, ApiError> {
        guard(|| Ok(self.inner.is_bank_holiday(date)?))
    }

    /// True on Monday to Friday when not a bank holiday.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, ApiError> {
        guard(|| Ok(self.inner.is_working_day(date)?))
    }

    /// The n-th working day after `date`, counting from the working day after it ("within n working days");
    /// `n = 0` gives `date`.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, ApiError> {
        guard(|| Ok(self.inner.add_working_days(date, n)?))
    }

    /// Working days in `(start, end]`; negative when `end < start`.
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> Result<i64, ApiError> {
        guard(|| Ok(self.inner.working_days_between(start, end)?))
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, ApiError> {
        guard(|| Ok(self.inner.next_working_day(date)?))
    }

    /// The bank holidays of `year`, in date order.
    pub fn bank_holidays(&self, year: i32) -> Result<Vec<cal::BankHoliday>, ApiError> {
        guard(|| Ok(self.inner.bank_holidays(year)?))
    }
}
