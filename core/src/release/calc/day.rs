//! Day numbers: the calculation's dates as days from the common era (chrono's `num_days_from_ce`), so that the
//! day arithmetic of docs/rules/release.md is an integer addition with a range check, and a date is converted to
//! and from `NaiveDate` only at the input and the output. Every operation gives what chrono gives on the same
//! dates, `None` exactly where chrono's is `None` (the tests below compare them).

use chrono::{Datelike, NaiveDate};

use crate::model::Length;

/// A date as days from the common era (0001-01-01 is 1), within chrono's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Day(i32);

/// `NaiveDate::MIN` (-262143-01-01) and `NaiveDate::MAX` (262142-12-31) as days from the common era.
const FIRST: i32 = -95_746_129;
const LAST: i32 = 95_745_399;
/// The proleptic years chrono represents.
const FIRST_YEAR: i64 = -262_143;
const LAST_YEAR: i64 = 262_142;
/// 1970-01-01 as days from the common era (the civil algorithms below count from 1970).
const UNIX: i64 = 719_163;

/// 700 eras of 400 years (146,097 days) added before dividing, so that every date in chrono's range (±262,143
/// years) is counted from a positive origin and the divisions are unsigned.
const ERAS: i64 = 700;

fn is_leap(y: i64) -> bool {
    // The remainders are 0 or not whatever the sign.
    y & 3 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn month_days(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The first year of [`MONTH_START`], and how many years it covers (1800–2399: every date of a booking, its
/// terms and the people's births in practice; days outside it take the civil conversions).
const TABLE_YEAR: i64 = 1800;
const TABLE_MONTHS: usize = 600 * 12;

/// H. Hinnant's days_from_civil of a valid (year, month, day) of chrono's range, as days from the common era:
/// counted from an origin [`ERAS`] eras earlier, so that every division is of a positive number. A `const fn`,
/// so that [`MONTH_START`] is built by it at compile time; [`Day::from_ymd`] is its range-checked form.
const fn civil_day(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } + ERAS * 400;
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era - ERAS) * 146_097 + doe - 719_468 + UNIX
}

#[allow(
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    reason = "evaluated at compile time: an index out of bounds fails the build, and the days fit an i32"
)]
const fn month_starts() -> [i32; TABLE_MONTHS + 1] {
    let mut t = [0i32; TABLE_MONTHS + 1];
    let mut k = 0;
    while k <= TABLE_MONTHS {
        let y = TABLE_YEAR + (k / 12) as i64;
        let m = (k % 12) as i64 + 1;
        t[k] = civil_day(y, m, 1) as i32;
        k += 1;
    }
    t
}

#[allow(
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    reason = "evaluated at compile time: an index out of bounds fails the build, and the years fit an i32"
)]
const fn year_starts() -> [NaiveDate; TABLE_MONTHS / 12] {
    let mut t = [NaiveDate::MIN; TABLE_MONTHS / 12];
    let mut k = 0;
    while k < TABLE_MONTHS / 12 {
        if let Some(d) = NaiveDate::from_yo_opt((TABLE_YEAR + k as i64) as i32, 1) {
            t[k] = d;
        }
        k += 1;
    }
    t
}

/// The 1st of January of each year of [`MONTH_START`]: a day of the year is its `with_ordinal`.
static YEAR_START: [NaiveDate; TABLE_MONTHS / 12] = year_starts();

/// The 1st of each month of 1800–2399, and 2400-01-01 last, as day numbers: month `k` (from January 1800) is
/// `MONTH_START[k]..MONTH_START[k + 1]`, so adding months is an index addition and a clamp.
static MONTH_START: [i32; TABLE_MONTHS + 1] = month_starts();

impl Day {
    /// The month of the table holding `self` and the day's offset in it (0 on the 1st), `None` outside it.
    #[inline]
    fn month_pos(self) -> Option<(usize, i32)> {
        let first = *MONTH_START.first()?;
        let off = u32::try_from(self.0.checked_sub(first)?).ok()?;
        // 4,800 months in 146,097 days: the estimate is within a month of the true one; at most one step each
        // way corrects it (the tests walk every day of the table).
        let mut k = usize::try_from(u64::from(off) * 4_800 / 146_097).ok()?;
        if *MONTH_START.get(k + 1)? <= self.0 {
            k += 1;
        } else if *MONTH_START.get(k)? > self.0 {
            k = k.checked_sub(1)?;
        }
        // `k + 1` must exist: the last entry only closes the last month.
        let start = *MONTH_START.get(k)?;
        MONTH_START.get(k + 1)?;
        Some((k, self.0 - start))
    }

    /// Month `k + n` of the table: its first day and its length, `None` past the table.
    #[inline]
    fn month_at(k: usize, n: u32) -> Option<(i32, i32)> {
        let j = k.checked_add(usize::try_from(n).ok()?)?;
        let s = *MONTH_START.get(j)?;
        Some((s, *MONTH_START.get(j + 1)? - s))
    }

    /// The earliest day chrono represents.
    pub(super) const MIN: Day = Day(FIRST);

    pub(super) fn of(d: NaiveDate) -> Day {
        Day(d.num_days_from_ce())
    }

    /// The date (every `Day` is within chrono's range).
    pub(super) fn date(self) -> NaiveDate {
        // Within the table: the year from the month, the day of the year from its January.
        if let Some((k, _)) = self.month_pos()
            && let Some(&jan) = MONTH_START.get(k - k % 12)
            && let Some(first) = YEAR_START.get(k / 12)
            && let Ok(ordinal) = u32::try_from(self.0 - jan + 1)
            && let Some(d) = first.with_ordinal(ordinal)
        {
            return d;
        }
        NaiveDate::from_num_days_from_ce_opt(self.0).unwrap_or(NaiveDate::MIN)
    }

    fn from_i64(v: i64) -> Option<Day> {
        if v < i64::from(FIRST) || v > i64::from(LAST) {
            return None;
        }
        i32::try_from(v).ok().map(Day)
    }

    /// `self + n` days, `None` outside chrono's range.
    pub(super) fn plus(self, n: i64) -> Option<Day> {
        Day::from_i64(i64::from(self.0).checked_add(n)?)
    }

    /// Days from `a` to `self`.
    pub(super) fn since(self, a: Day) -> i64 {
        i64::from(self.0) - i64::from(a.0)
    }

    /// (year, month, day).
    pub(super) fn ymd(self) -> (i64, u32, u32) {
        if let Some((k, off)) = self.month_pos()
            && let (Ok(y), Ok(m), Ok(d)) = (
                i64::try_from(k / 12),
                u32::try_from(k % 12),
                u32::try_from(off),
            )
        {
            return (TABLE_YEAR + y, m + 1, d + 1);
        }
        self.ymd_civil()
    }

    /// [`Day::ymd`] by the civil conversion.
    fn ymd_civil(self) -> (i64, u32, u32) {
        // H. Hinnant's civil_from_days, from an origin `ERAS` eras earlier (positive for every `Day`).
        let z = i64::from(self.0) - UNIX + 719_468 + ERAS * 146_097;
        let z = u32::try_from(z).unwrap_or(0);
        let era = z / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = i64::from(yoe) + (i64::from(era) - ERAS) * 400 + i64::from(m <= 2);
        (y, m, d)
    }

    /// The day of a valid (year, month, day), `None` outside chrono's range.
    fn from_ymd(y: i64, m: u32, d: u32) -> Option<Day> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&y) {
            return None;
        }
        Day::from_i64(civil_day(y, i64::from(m), i64::from(d)))
    }

    /// (year, month, day) plus `n` months, the day clamped to the month's end (chrono's `checked_add_months`).
    fn ymd_add_months((y, m, d): (i64, u32, u32), n: u32) -> (i64, u32, u32) {
        let months = u64::from(m) - 1 + u64::from(n);
        let y = y + i64::try_from(months / 12).unwrap_or(0);
        let m = u32::try_from(months % 12).unwrap_or(0) + 1;
        // Every month has 28 days: only a later day may need clamping.
        (y, m, if d <= 28 { d } else { d.min(month_days(y, m)) })
    }

    /// `self + n` months, the day clamped to the month's end (chrono's `checked_add_months`).
    pub(super) fn add_months(self, n: u32) -> Option<Day> {
        if n == 0 {
            return Some(self);
        }
        if let Some((k, off)) = self.month_pos()
            && let Some((s, len)) = Day::month_at(k, n)
        {
            return Some(Day(s + off.min(len - 1)));
        }
        let (y, m, d) = Day::ymd_add_months(self.ymd(), n);
        Day::from_ymd(y, m, d)
    }

    /// `self` + 12 months (`add_months(12)`): 365 days, or 366 when a 29 February is passed.
    pub(super) fn add_year(self) -> Option<Day> {
        let (y, m, d) = self.ymd();
        let leap = if m <= 2 { is_leap(y) } else { is_leap(y + 1) };
        let days = if (m == 2 && d == 29) || !leap {
            365
        } else {
            366
        };
        self.plus(days)
    }

    /// `self − n` months, the day clamped to the month's end (chrono's `checked_sub_months`).
    pub(super) fn sub_months(self, n: u32) -> Option<Day> {
        if n == 0 {
            return Some(self);
        }
        let (y, m, d) = self.ymd();
        let months = y * 12 + i64::from(m) - 1 - i64::from(n);
        let y = months.div_euclid(12);
        let m = u32::try_from(months.rem_euclid(12)).unwrap_or(0) + 1;
        Day::from_ymd(y, m, d.min(month_days(y, m)))
    }

    /// Whole years from `base` to `self` (chrono's `years_since`).
    pub(super) fn years_since(self, base: Day) -> Option<u32> {
        // `n` whole years are reached `365·n + k` days after `base`, `k` the 29 Februaries of the `n` years
        // passed (`n` consecutive years hold at most ⌈n/4⌉ leap years). So with `days` days, `n = days / 365` is
        // an upper bound, reached when `days ≥ 365·n + ⌈n/4⌉`; else the civil dates decide.
        let days = self.since(base);
        if days >= 0 {
            let n = days / 365;
            if days >= 365 * n + (n + 3) / 4 {
                return u32::try_from(n).ok();
            }
        }
        let (y, m, d) = self.ymd();
        let (by, bm, bd) = base.ymd();
        let mut years = y - by;
        if (m, d) < (bm, bd) {
            years -= 1;
        }
        u32::try_from(years).ok()
    }

    /// The first day on which a person born on `self` is `n` years old (`years_since` ≥ n), `None` if past
    /// chrono's range.
    pub(super) fn birthday(self, n: u32) -> Option<Day> {
        let (y, m, d) = self.ymd();
        let y = y + i64::from(n);
        if d > month_days(y, m) {
            // 29 February in a common year: the 1st of March.
            Day::from_ymd(y, m + 1, 1)
        } else {
            Day::from_ymd(y, m, d)
        }
    }

    /// Whether `self` is on or after `base.birthday(n)` (`years_since(base) ≥ n`), from the day count alone
    /// unless it is within the bounds of `n` years (365·n to 365·n + ⌈n/4⌉ days, as in [`Day::years_since`]).
    pub(super) fn reached_birthday(self, base: Day, n: u32) -> bool {
        let days = self.since(base);
        let n = i64::from(n);
        if days >= 365 * n + (n + 3) / 4 {
            return true;
        }
        if days < 365 * n {
            return false;
        }
        base.birthday(u32::try_from(n).unwrap_or(u32::MAX))
            .is_some_and(|a| self >= a)
    }

    /// The last day of a term of `len` starting on `self`: [`Length::end_date`] on day numbers.
    pub(super) fn end_of(self, len: &Length) -> Option<Day> {
        let days = i64::from(len.weeks) * 7 + i64::from(len.days);
        let years = u32::from(len.years) * 12;
        let months = u32::from(len.months);
        let end = if years + months == 0 {
            self.plus(-1)?
        } else if let Some(e) = self.months_end(years + months) {
            e
        } else {
            self.end_of_civil(years, months)?
        };
        end.plus(days)
    }

    /// The last day of a term of `n` whole months from `self` from [`MONTH_START`], `None` past it. The day
    /// before the start (in its month; the 1st: the last of the month before) plus `n` months, clamped to the
    /// month's end: the years and months added one after the other, as [`Length::end_date`] does, clamp at most
    /// once, since a day before another of its month is never a 29 February.
    #[inline]
    fn months_end(self, n: u32) -> Option<Day> {
        let (k, off) = self.month_pos()?;
        Day::months_end_at(k, off, n)
    }

    /// [`Day::months_end`] of the day at offset `off` of table month `k` (its [`Day::month_pos`]).
    #[inline]
    fn months_end_at(k: usize, off: i32, n: u32) -> Option<Day> {
        let (s, len) = Day::month_at(k, n)?;
        // On the 1st (`off` 0): the day before month `k + n`. Else day `off` (1-based) of it, clamped.
        Some(Day(s + off.min(len) - 1))
    }

    /// [`Day::end_of`]'s months and years by the civil conversions (`years` in months, both not both zero).
    fn end_of_civil(self, years: u32, months: u32) -> Option<Day> {
        let end = {
            let (y, m, d) = self.ymd();
            if d == 1 {
                // The last day of the month before start + years + months.
                let (y, m, d) = Day::ymd_add_months((y, m, d), years + months);
                Day::from_ymd(y, m, d)?.plus(-1)?
            } else {
                // The day before (in the same month), plus the years, then the months, each clamped.
                let mut ymd = (y, m, d - 1);
                if years > 0 {
                    ymd = Day::ymd_add_months(ymd, years);
                }
                if months > 0 {
                    ymd = Day::ymd_add_months(ymd, months);
                }
                Day::from_ymd(ymd.0, ymd.1, ymd.2)?
            }
        };
        Some(end)
    }

    /// Days of terms of `ns` whole months from `self`: [`Day::days_of`] of `Length::months(n)` (or, the same,
    /// `Length::years(n / 12)`) for each, from [`MONTH_START`] or one civil conversion.
    pub(super) fn days_of_months<const K: usize>(self, ns: [u32; K]) -> [Option<u32>; K] {
        if let Some((k, off)) = self.month_pos() {
            let fast = ns.map(|n| {
                let end = if n == 0 {
                    self.plus(-1)
                } else {
                    Day::months_end_at(k, off, n)
                };
                end.map(|e| u32::try_from((e.since(self) + 1).max(0)).ok())
            });
            if fast.iter().all(Option::is_some) {
                return fast.map(Option::flatten);
            }
        }
        let (y, m, d) = self.ymd();
        ns.map(|n| {
            let end = if n == 0 {
                self.plus(-1)?
            } else if d == 1 {
                let (y, m, d) = Day::ymd_add_months((y, m, d), n);
                Day::from_ymd(y, m, d)?.plus(-1)?
            } else {
                let (y, m, d) = Day::ymd_add_months((y, m, d - 1), n);
                Day::from_ymd(y, m, d)?
            };
            u32::try_from((end.since(self) + 1).max(0)).ok()
        })
    }

    /// Whether a term of `len` days from `self` is shorter than 1, 2 and 4 years (`len <` [`Day::days_of_months`]
    /// of 12, 24 and 48), `None` where one of those is out of range. `n` years are 365·n to 366·n days, so the
    /// civil date is needed only for a length within those bounds.
    pub(super) fn under_1_2_4_years(self, len: u32) -> Option<[bool; 3]> {
        let clear = |years: u32| len < 365 * years || len >= 366 * years;
        // The 4-year end is at most 1,461 days on: all three in range.
        if self.plus(1_462).is_some() && clear(1) && clear(2) && clear(4) {
            return Some([len < 365, len < 730, len < 1_460]);
        }
        let [m12, y2, y4] = self.days_of_months([12, 24, 48]);
        Some([len < m12?, len < y2?, len < y4?])
    }

    /// Days of a term of `len` from `self`: [`Length::days_from`] on day numbers.
    pub(super) fn days_of(self, len: &Length) -> Option<u32> {
        let end = self.end_of(len)?;
        u32::try_from((end.since(self) + 1).max(0)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or(NaiveDate::MIN)
    }

    /// Every day of 1896–2104 and of a few years at chrono's ends.
    fn days() -> impl Iterator<Item = NaiveDate> {
        let span = |a: NaiveDate, b: NaiveDate| a.iter_days().take_while(move |x| *x <= b);
        span(d(1896, 1, 1), d(2104, 12, 31))
            .chain(span(NaiveDate::MIN, d(-262_140, 12, 31)))
            .chain(span(d(262_140, 1, 1), NaiveDate::MAX))
    }

    #[test]
    fn range_and_conversion() {
        assert_eq!(Day::of(NaiveDate::MIN), Day(FIRST));
        assert_eq!(Day::of(NaiveDate::MAX), Day(LAST));
        assert_eq!(
            NaiveDate::MIN.year(),
            i32::try_from(FIRST_YEAR).unwrap_or(0)
        );
        assert_eq!(NaiveDate::MAX.year(), i32::try_from(LAST_YEAR).unwrap_or(0));
        assert_eq!(Day::of(d(1970, 1, 1)).since(Day(0)), UNIX);
        for x in days() {
            let day = Day::of(x);
            assert_eq!(day.date(), x);
            let (y, m, dd) = day.ymd();
            assert_eq!((y, m, dd), (i64::from(x.year()), x.month(), x.day()));
            assert_eq!(Day::from_ymd(y, m, dd), Some(day));
            for n in [-400_000i64, -366, -1, 0, 1, 28, 365, 400_000] {
                let want = if n >= 0 {
                    x.checked_add_days(chrono::Days::new(n.unsigned_abs()))
                } else {
                    x.checked_sub_days(chrono::Days::new(n.unsigned_abs()))
                };
                assert_eq!(day.plus(n).map(Day::date), want, "{x} {n}");
            }
        }
    }

    /// Every day of the month table (1800–2399) and a year either side: the table's month and offset are the
    /// civil conversion's, and its month additions and term ends those of the civil conversions.
    #[test]
    fn month_table_as_civil() {
        for (k, &s) in MONTH_START.iter().enumerate() {
            let (y, m) = (TABLE_YEAR + i64::try_from(k / 12).unwrap_or(0), k % 12 + 1);
            let m = u32::try_from(m).unwrap_or(0);
            assert_eq!(Day::from_ymd(y, m, 1), Some(Day(s)), "{k}");
        }
        let first = Day::from_ymd(TABLE_YEAR - 1, 1, 1).unwrap_or(Day::MIN);
        let last = Day::from_ymd(TABLE_YEAR + 601, 12, 31).unwrap_or(Day::MIN);
        let ns = [
            1u32, 2, 3, 6, 11, 12, 13, 18, 24, 25, 48, 120, 1_199, 7_199, 7_200, 7_201,
        ];
        for v in first.0..=last.0 {
            let day = Day(v);
            assert_eq!(
                Some(day.date()),
                NaiveDate::from_num_days_from_ce_opt(v),
                "{v}"
            );
            let (y, m, dd) = day.ymd_civil();
            assert_eq!(day.ymd(), (y, m, dd), "{v}");
            let inside = (TABLE_YEAR..TABLE_YEAR + 600).contains(&y);
            match day.month_pos() {
                Some((k, off)) => {
                    assert!(inside, "{v}");
                    let want =
                        usize::try_from((y - TABLE_YEAR) * 12).unwrap_or(0) + (m as usize) - 1;
                    assert_eq!((k, off), (want, i32::try_from(dd).unwrap_or(0) - 1), "{v}");
                }
                None => assert!(!inside, "{v}"),
            }
            for n in ns {
                let (ay, am, ad) = Day::ymd_add_months((y, m, dd), n);
                assert_eq!(day.add_months(n), Day::from_ymd(ay, am, ad), "{v} + {n}");
                for (years, months) in [(n / 12 * 12, n % 12), (0, n)] {
                    let len = Length {
                        years: u16::try_from(years / 12).unwrap_or(0),
                        months: u16::try_from(months).unwrap_or(0),
                        weeks: 1,
                        days: 2,
                    };
                    let want = day.end_of_civil(years, months).and_then(|e| e.plus(9));
                    assert_eq!(day.end_of(&len), want, "{v} {len:?}");
                }
            }
            let got = day.days_of_months([0, 1, 12, 24, 48, 7_200]);
            let want = [0u32, 1, 12, 24, 48, 7_200].map(|n| {
                let e = if n == 0 {
                    day.plus(-1)
                } else {
                    day.end_of_civil(0, n)
                };
                e.and_then(|e| u32::try_from(e.since(day) + 1).ok())
            });
            assert_eq!(got, want, "{v}");
        }
    }

    #[test]
    fn months_years_and_terms_as_chrono() {
        let lengths = [
            Length::months(1),
            Length::months(12),
            Length::months(18),
            Length::years(1),
            Length::years(2),
            Length::years(4),
            Length {
                years: 1,
                months: 1,
                weeks: 2,
                days: 3,
            },
            Length {
                months: 6,
                weeks: 2,
                ..Length::default()
            },
            Length::days(10),
            Length {
                weeks: 3,
                ..Length::default()
            },
            Length::years(u16::MAX),
        ];
        let dob = Day::of(d(2004, 2, 29));
        for x in days() {
            let day = Day::of(x);
            for n in [0u32, 1, 11, 12, 13, 24, 48, 1_000_000] {
                assert_eq!(
                    day.add_months(n).map(Day::date),
                    x.checked_add_months(chrono::Months::new(n)),
                    "{x} + {n}"
                );
                if n == 12 {
                    assert_eq!(day.add_year(), day.add_months(12), "{x} + 1 year");
                }
                assert_eq!(
                    day.sub_months(n).map(Day::date),
                    x.checked_sub_months(chrono::Months::new(n)),
                    "{x} - {n}"
                );
            }
            assert_eq!(
                day.days_of_months([0, 12, 24, 48]),
                [
                    Length::days(0).days_from(x),
                    Length::months(12).days_from(x),
                    Length::years(2).days_from(x),
                    Length::years(4).days_from(x),
                ],
                "{x}"
            );
            let [m12, y2, y4] = day.days_of_months([12, 24, 48]);
            for len in
                (0..4).flat_map(|k| [364 + k, 729 + k, 1_459 + k, 1_000 + k, 10 + k, 2_000 + k])
            {
                let exact = m12
                    .zip(y2)
                    .zip(y4)
                    .map(|((a, b), c)| [len < a, len < b, len < c]);
                assert_eq!(day.under_1_2_4_years(len), exact, "{x} {len}");
            }
            for l in &lengths {
                assert_eq!(day.end_of(l).map(Day::date), l.end_date(x), "{x} {l:?}");
                assert_eq!(day.days_of(l), l.days_from(x), "{x} {l:?}");
            }
            assert_eq!(day.years_since(dob), x.years_since(d(2004, 2, 29)), "{x}");
            for n in [0u32, 1, 4, 17, 18] {
                let lo = 365 * i64::from(n);
                for off in (lo - 2)..=(lo + i64::from(n.div_ceil(4)) + 2) {
                    if let Some(y) = day.plus(off) {
                        let exact = day.birthday(n).is_some_and(|a| y >= a);
                        assert_eq!(y.reached_birthday(day, n), exact, "{x} {n} {off}");
                    }
                }
            }
            // Around each bound of `years_since`'s shortcut (365·n to 365·n + ⌈n/4⌉ days), both ways.
            let far = [99, 100, 101, 400];
            let ns = (0..=12).chain(far.into_iter().filter(|_| x.ordinal() % 10 == 0));
            for n in ns {
                for off in (365 * n - 1)..=(365 * n + (n + 3) / 4 + 1) {
                    if let Some(y) = day.plus(off) {
                        assert_eq!(y.years_since(day), y.date().years_since(x), "{x} {off}");
                        assert_eq!(day.years_since(y), x.years_since(y.date()), "{x} -{off}");
                    }
                }
            }
            for n in [0u32, 17, 18, 21] {
                if let Some(b) = day.birthday(n) {
                    assert!(b.date().years_since(x).is_some_and(|a| a >= n), "{x} {n}");
                    assert!(
                        b.plus(-1)
                            .is_none_or(|p| p.date().years_since(x).is_none_or(|a| a < n))
                    );
                }
            }
        }
    }
}
