//! TEMPORARY stand-in for branch `cal`'s calendar (API of CONTRACTS.md), removed when `cal` is merged.
#![allow(missing_docs, reason = "temporary stand-in")]

use chrono::{Datelike, Days, NaiveDate, Weekday};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("date out of range")]
    OutOfRange,
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    extra: Vec<NaiveDate>,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn easter(y: i32) -> NaiveDate {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

fn first_monday(y: i32, m: u32) -> NaiveDate {
    let mut d = ymd(y, m, 1);
    while d.weekday() != Weekday::Mon {
        d = d.succ_opt().unwrap_or(d);
    }
    d
}
fn last_monday(y: i32, m: u32) -> NaiveDate {
    let mut d = if m == 12 {
        ymd(y + 1, 1, 1)
    } else {
        ymd(y, m + 1, 1)
    };
    d = d.pred_opt().unwrap_or(d);
    while d.weekday() != Weekday::Mon {
        d = d.pred_opt().unwrap_or(d);
    }
    d
}

impl Calendar {
    pub fn england_and_wales() -> Calendar {
        Calendar::default()
    }
    pub fn with_extra_holidays(
        mut self,
        days: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<Calendar, CalendarError> {
        for d in days {
            check(d)?;
            self.extra.push(d);
        }
        Ok(self)
    }
    pub fn is_bank_holiday(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        check(d)?;
        if self.extra.contains(&d) {
            return Ok(true);
        }
        let y = d.year();
        let mut hs = Vec::new();
        let nyd = ymd(y, 1, 1);
        hs.push(match nyd.weekday() {
            Weekday::Sat => ymd(y, 1, 3),
            Weekday::Sun => ymd(y, 1, 2),
            _ => nyd,
        });
        let e = easter(y);
        hs.push(e - Days::new(2));
        hs.push(e + Days::new(1));
        hs.push(match y {
            1995 => ymd(1995, 5, 8),
            2020 => ymd(2020, 5, 8),
            _ => first_monday(y, 5),
        });
        hs.push(match y {
            2002 => ymd(2002, 6, 4),
            2012 => ymd(2012, 6, 4),
            2022 => ymd(2022, 6, 2),
            _ => last_monday(y, 5),
        });
        hs.push(last_monday(y, 8));
        match ymd(y, 12, 25).weekday() {
            Weekday::Fri => hs.extend([ymd(y, 12, 25), ymd(y, 12, 28)]),
            Weekday::Sat => hs.extend([ymd(y, 12, 27), ymd(y, 12, 28)]),
            Weekday::Sun => hs.extend([ymd(y, 12, 26), ymd(y, 12, 27)]),
            _ => hs.extend([ymd(y, 12, 25), ymd(y, 12, 26)]),
        }
        hs.extend([
            ymd(1999, 12, 31),
            ymd(2002, 6, 3),
            ymd(2011, 4, 29),
            ymd(2012, 6, 5),
            ymd(2022, 6, 3),
            ymd(2022, 9, 19),
            ymd(2023, 5, 8),
        ]);
        Ok(hs.contains(&d))
    }
    pub fn is_working_day(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        Ok(!matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_bank_holiday(d)?)
    }
    pub fn next_working_day(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let mut x = d;
        loop {
            x = x.succ_opt().ok_or(CalendarError::OutOfRange)?;
            if self.is_working_day(x)? {
                return Ok(x);
            }
        }
    }
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        check(d)?;
        let mut x = d;
        for _ in 0..n {
            x = self.next_working_day(x)?;
        }
        Ok(x)
    }
}

fn check(d: NaiveDate) -> Result<(), CalendarError> {
    if d < ymd(1970, 1, 1) || d > ymd(2100, 12, 31) {
        Err(CalendarError::OutOfRange)
    } else {
        Ok(())
    }
}
