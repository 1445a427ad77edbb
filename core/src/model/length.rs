//! Lengths of orders and sentences as the court states them: years, months, weeks and days.

use serde::{Deserialize, Serialize};

/// A length as pronounced: `{"years": 0, "months": 18}`. Missing parts are 0.
///
/// Convert to days with [`crate::sentence::length_in_days`], which applies the calendar rule of
/// docs/rules/sentence.md#length-in-days.
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Length {
    /// Years.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub years: u16,
    /// Months.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub months: u16,
    /// Weeks.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub weeks: u16,
    /// Days.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub days: u16,
}

/// A zero part, which serialises as absent (also `contact::Offset`'s parts).
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
pub(crate) fn is_zero(v: &u16) -> bool {
    *v == 0
}

impl Length {
    /// A length of whole months.
    pub const fn months(months: u16) -> Self {
        Length {
            years: 0,
            months,
            weeks: 0,
            days: 0,
        }
    }
    /// A length of whole years.
    pub const fn years(years: u16) -> Self {
        Length {
            years,
            months: 0,
            weeks: 0,
            days: 0,
        }
    }
    /// A length of whole days.
    pub const fn days(days: u16) -> Self {
        Length {
            years: 0,
            months: 0,
            weeks: 0,
            days,
        }
    }
    /// True when every part is zero.
    pub const fn is_zero(&self) -> bool {
        self.years == 0 && self.months == 0 && self.weeks == 0 && self.days == 0
    }
}

impl Length {
    /// The last day of a term of this length starting on `start` (docs/rules/sentence.md#length-in-days, [V-code]
    /// calculate-release-dates-api `Duration.getEndDate`, PSI 5.5 "Converting a sentence into days"):
    ///
    /// - usually `end = (start − 1 day) + years + months + weeks + days`, adding the years, then the months
    ///   (each clamped to the month's end: 31 Jan − 1 day + 1 month = 28/29 Feb; 29 Feb + 1 year = 28 Feb), then
    ///   the weeks and days;
    /// - when `start` is the 1st of a month and the length has months or years, the years and months end on the
    ///   last day of the month before `start + years + months` (1 March + 1 year → the end of the following
    ///   February), and the weeks and days are added *after* that.
    ///
    /// `None` past chrono's range.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use probation_core::model::Length;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Length::months(6).end_date(d(2024, 1, 15)), Some(d(2024, 7, 14)));
    /// assert_eq!(Length::months(1).end_date(d(2024, 2, 1)), Some(d(2024, 2, 29)));
    /// // 1st of the month with months and days: the month ends, then the days are added.
    /// let l = Length { months: 1, days: 10, ..Length::default() };
    /// assert_eq!(l.end_date(d(2024, 3, 1)), Some(d(2024, 4, 10)));
    /// ```
    pub fn end_date(&self, start: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        use chrono::{Datelike, Days, Months};
        let days = u64::from(self.weeks) * 7 + u64::from(self.days);
        let whole_months = u32::from(self.years) * 12 + u32::from(self.months);
        let end = if start.day() == 1 && whole_months > 0 {
            // The last day of the month before start + years + months.
            start
                .checked_add_months(Months::new(whole_months))?
                .pred_opt()?
        } else {
            start
                .checked_sub_days(Days::new(1))?
                .checked_add_months(Months::new(u32::from(self.years) * 12))?
                .checked_add_months(Months::new(u32::from(self.months)))?
        };
        end.checked_add_days(Days::new(days))
    }

    /// The number of days in a term of this length starting on `start`: `end − start + 1` (0 for a zero length).
    pub fn days_from(&self, start: chrono::NaiveDate) -> Option<u32> {
        let end = self.end_date(start)?;
        let n = (end - start).num_days() + 1;
        u32::try_from(n.max(0)).ok()
    }
}
