//! Bank holidays of one year by rule (docs/rules/calendar.md), with the one-off moves and extra days.

use std::borrow::Cow;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use super::easter::easter_sunday;
use super::rules;
use crate::rules::Rule;

/// One bank holiday: its date, its name as GOV.UK publishes it, and the rule that made it.
///
/// Serialised as `{"date": "2022-06-03", "name": "Platinum Jubilee bank holiday", "substitute": false,
/// "rule": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BankHoliday {
    /// The day off.
    pub date: NaiveDate,
    /// Name, as on GOV.UK ("Boxing Day", "Early May bank holiday (VE day)").
    pub name: HolidayName,
    /// True for a substitute day: the holiday's usual date fell on a weekend (GOV.UK's note "Substitute day").
    pub substitute: bool,
    /// The rule that produced it.
    pub rule: crate::rules::StaticRule,
}

/// The regular holidays, which one-off moves can replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NewYear,
    GoodFriday,
    EasterMonday,
    EarlyMay,
    Spring,
    Summer,
    Christmas,
    Boxing,
}

/// A regular holiday moved to another day in one year.
struct Move {
    kind: Kind,
    to: (i32, u32, u32),
    name: &'static str,
    rule: &'static Rule,
}

/// An extra holiday.
struct Extra {
    on: (i32, u32, u32),
    name: &'static str,
    rule: &'static Rule,
}

impl Move {
    const fn new(kind: Kind, to: (i32, u32, u32), name: &'static str, rule: &'static Rule) -> Self {
        Move {
            kind,
            to,
            name,
            rule,
        }
    }
}

impl Extra {
    const fn new(on: (i32, u32, u32), name: &'static str, rule: &'static Rule) -> Self {
        Extra { on, name, rule }
    }
}

/// One row a move: the holiday, its date that year, its name that year, the rule.
#[rustfmt::skip] // a table: one row a line
const MOVES: &[Move] = &[
    Move::new(Kind::Spring, (1977, 6, 6), "Spring bank holiday", &rules::SPRING_1977),
    Move::new(Kind::EarlyMay, (1995, 5, 8), "Early May bank holiday (VE day)", &rules::EARLY_MAY_1995),
    Move::new(Kind::Spring, (2002, 6, 4), "Spring bank holiday", &rules::SPRING_2002),
    Move::new(Kind::Spring, (2012, 6, 4), "Spring bank holiday", &rules::SPRING_2012),
    Move::new(Kind::EarlyMay, (2020, 5, 8), "Early May bank holiday (VE day)", &rules::EARLY_MAY_2020),
    Move::new(Kind::Spring, (2022, 6, 2), "Spring bank holiday", &rules::SPRING_2022),
];

/// One row an extra holiday: its date, its name, the rule.
#[rustfmt::skip] // a table: one row a line
const EXTRAS: &[Extra] = &[
    Extra::new((1973, 11, 14), "Royal wedding", &rules::ROYAL_WEDDING_1973),
    Extra::new((1977, 6, 7), "Queen’s Silver Jubilee", &rules::SILVER_JUBILEE_1977),
    Extra::new((1981, 7, 29), "Royal wedding", &rules::ROYAL_WEDDING_1981),
    Extra::new((1999, 12, 31), "Millennium celebrations", &rules::MILLENNIUM_1999),
    Extra::new((2002, 6, 3), "Queen’s Golden Jubilee", &rules::GOLDEN_JUBILEE_2002),
    Extra::new((2011, 4, 29), "Royal wedding", &rules::ROYAL_WEDDING_2011),
    Extra::new((2012, 6, 5), "Queen’s Diamond Jubilee", &rules::DIAMOND_JUBILEE_2012),
    Extra::new((2022, 6, 3), "Platinum Jubilee bank holiday", &rules::PLATINUM_JUBILEE_2022),
    Extra::new((2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II", &rules::STATE_FUNERAL_2022),
    Extra::new((2023, 5, 8), "Bank holiday for the coronation of King Charles III", &rules::CORONATION_2023),
];

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn plus(d: NaiveDate, n: u64) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(n))
}

fn first_monday(year: i32, month: u32) -> Option<NaiveDate> {
    let first = ymd(year, month, 1)?;
    let ahead = (7 - first.weekday().num_days_from_monday()) % 7;
    plus(first, u64::from(ahead))
}

fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
    let last = ymd(year, month, 1)?
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    last.checked_sub_days(Days::new(u64::from(last.weekday().num_days_from_monday())))
}

/// The bank holidays of `year` in date order. Meant for the supported years 1970–2100; `None` only when chrono
/// cannot represent a date of the year.
pub(super) fn holidays_of_year(year: i32) -> Option<Vec<BankHoliday>> {
    let old = year < 1972;
    let pick = |modern: &'static Rule| if old { &rules::BEFORE_1972 } else { modern };
    let ny = ymd(year, 1, 1)?;
    let (new_year, ny_sub) = match ny.weekday() {
        Weekday::Sat => (plus(ny, 2)?, true),
        Weekday::Sun => (plus(ny, 1)?, true),
        _ => (ny, false),
    };
    let easter = easter_sunday(year)?;
    // Christmas and Boxing Day take the first two weekdays from 25 December, keeping their order except that a
    // Monday 26th stays Boxing Day (25th on a Sunday).
    let (c_day, c_sub, b_day, b_sub) = match ymd(year, 12, 25)?.weekday() {
        Weekday::Fri => (25, false, 28, true),
        Weekday::Sat => (27, true, 28, true),
        Weekday::Sun => (27, true, 26, false),
        _ => (25, false, 26, false),
    };
    // The regular holidays: whether it exists that year, which, its date, name, substitute flag and rule.
    #[rustfmt::skip] // a table: one row a line
    let regular = [
        (year >= 1974, Kind::NewYear, new_year, "New Year’s Day", ny_sub, &rules::NEW_YEAR),
        (true, Kind::GoodFriday, easter.checked_sub_days(Days::new(2))?, "Good Friday", false, pick(&rules::GOOD_FRIDAY)),
        (true, Kind::EasterMonday, plus(easter, 1)?, "Easter Monday", false, pick(&rules::EASTER_MONDAY)),
        (year >= 1978, Kind::EarlyMay, first_monday(year, 5)?, "Early May bank holiday", false, &rules::EARLY_MAY),
        (true, Kind::Spring, last_monday(year, 5)?, "Spring bank holiday", false, pick(&rules::SPRING)),
        (true, Kind::Summer, last_monday(year, 8)?, "Summer bank holiday", false, pick(&rules::SUMMER)),
        (true, Kind::Christmas, ymd(year, 12, c_day)?, "Christmas Day", c_sub, pick(&rules::CHRISTMAS)),
        (true, Kind::Boxing, ymd(year, 12, b_day)?, "Boxing Day", b_sub, pick(&rules::BOXING_DAY)),
    ];
    let mut out: Vec<(Kind, BankHoliday)> = Vec::with_capacity(10);
    for (exists, kind, date, name, substitute, rule) in regular {
        if exists {
            let name = Cow::Borrowed(name);
            out.push((
                kind,
                BankHoliday {
                    date,
                    name,
                    substitute,
                    rule,
                },
            ));
        }
    }

    for m in MOVES.iter().filter(|m| m.to.0 == year) {
        if let Some((_, h)) = out.iter_mut().find(|(k, _)| *k == m.kind) {
            h.date = ymd(m.to.0, m.to.1, m.to.2)?;
            h.name = Cow::Borrowed(m.name);
            h.substitute = false;
            h.rule = m.rule;
        }
    }
    let mut out: Vec<BankHoliday> = out.into_iter().map(|(_, h)| h).collect();
    for e in EXTRAS.iter().filter(|e| e.on.0 == year) {
        out.push(BankHoliday {
            date: ymd(e.on.0, e.on.1, e.on.2)?,
            name: Cow::Borrowed(e.name),
            substitute: false,
            rule: e.rule,
        });
    }
    out.sort_by_key(|h| h.date);
    Some(out)
}

/// A bank holiday's name: a literal for those made by rule, owned for extra ones.
pub type HolidayName = Cow<'static, str>;

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(year: i32) -> Vec<String> {
        holidays_of_year(year)
            .unwrap()
            .iter()
            .map(|h| h.date.format("%m-%d").to_string())
            .collect()
    }

    #[test]
    fn before_the_1971_act() {
        // 1970: Easter 29 March; spring 25 May and summer 31 August by proclamation; Christmas Friday, Boxing
        // Day substitute Monday 28 December (assumed).
        assert_eq!(
            dates(1970),
            ["03-27", "03-30", "05-25", "08-31", "12-25", "12-28"]
        );
        let h = holidays_of_year(1970).unwrap();
        assert!(h.iter().all(|h| h.rule.id == rules::BEFORE_1972.id));
        // 1973: no early May yet, no New Year's Day yet; Princess Anne's wedding.
        assert_eq!(
            dates(1973),
            [
                "04-20", "04-23", "05-28", "08-27", "11-14", "12-25", "12-26"
            ]
        );
        // 1974: first New Year's Day bank holiday (a Tuesday).
        assert_eq!(dates(1974).first().map(String::as_str), Some("01-01"));
        // 1978: first early May bank holiday, Monday 1 May.
        assert!(dates(1978).contains(&"05-01".to_owned()));
        assert!(!dates(1977).iter().any(|d| d.starts_with("05-0")));
    }

    #[test]
    fn christmas_substitutes() {
        // 2020: Fri 25 → Boxing Day Mon 28. 2021: Sat 25 → Mon 27 and Tue 28. 2022: Sun 25 → Mon 26 Boxing Day,
        // Tue 27 Christmas.
        let names = |y| {
            holidays_of_year(y)
                .unwrap()
                .into_iter()
                .filter(|h| h.date.month() == 12)
                .map(|h| (h.date.day(), h.name.into_owned(), h.substitute))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(2020),
            [
                (25, "Christmas Day".to_owned(), false),
                (28, "Boxing Day".to_owned(), true)
            ]
        );
        assert_eq!(
            names(2021),
            [
                (27, "Christmas Day".to_owned(), true),
                (28, "Boxing Day".to_owned(), true)
            ]
        );
        assert_eq!(
            names(2022),
            [
                (26, "Boxing Day".to_owned(), false),
                (27, "Christmas Day".to_owned(), true)
            ]
        );
    }

    #[test]
    fn one_off_moves_and_extras() {
        assert!(dates(1995).contains(&"05-08".to_owned()));
        assert!(!dates(1995).contains(&"05-01".to_owned()));
        assert!(dates(1999).contains(&"12-31".to_owned()));
        let d2002 = dates(2002);
        assert!(d2002.contains(&"06-03".to_owned()) && d2002.contains(&"06-04".to_owned()));
        assert!(!d2002.contains(&"05-27".to_owned()));
        assert!(dates(2011).contains(&"04-29".to_owned()));
    }

    #[test]
    fn every_year_in_range_builds_with_at_least_six_holidays() {
        for y in 1970..=2100 {
            let h = holidays_of_year(y).unwrap();
            assert!(h.len() >= 6, "{y}");
            assert!(h.windows(2).all(|w| w[0].date < w[1].date), "{y}");
            assert!(h.iter().all(|h| h.date.year() == y), "{y}");
        }
    }
}
