//! The bank-holiday rules of England & Wales (docs/rules/calendar.md), as typed data with their sources.
//!
//! Every [`super::BankHoliday`] names the rule that produced it.

use crate::rules::{Basis, Rule};

const ACT_1971: &str = "Banking and Financial Dealings Act 1971 s.1 and Sch 1; docs/rules/calendar.md#regular-bank-holidays";

/// New Year's Day, a bank holiday in England & Wales from 1974.
pub const NEW_YEAR: Rule = Rule::new(
    "calendar.bank_holiday.new_year",
    "1 January is a bank holiday from 1974; when it falls on a Saturday or Sunday the following Monday is the \
     substitute day. Before 1974 it was not a holiday in England & Wales",
    "Banking and Financial Dealings Act 1971 s.1(3), royal proclamation from 1974; docs/rules/calendar.md#regular-bank-holidays",
    Basis::Verified,
);

/// Good Friday.
pub const GOOD_FRIDAY: Rule = Rule::new(
    "calendar.bank_holiday.good_friday",
    "Good Friday, two days before Gregorian Easter Sunday, is a common-law holiday",
    "common law; Banking and Financial Dealings Act 1971 s.1(1); docs/rules/calendar.md#regular-bank-holidays",
    Basis::Verified,
);

/// Easter Monday.
pub const EASTER_MONDAY: Rule = Rule::new(
    "calendar.bank_holiday.easter_monday",
    "Easter Monday, the day after Gregorian Easter Sunday, is a bank holiday",
    ACT_1971,
    Basis::Verified,
);

/// The early May bank holiday, from 1978.
pub const EARLY_MAY: Rule = Rule::new(
    "calendar.bank_holiday.early_may",
    "the first Monday in May is a bank holiday from 1978",
    "royal proclamation under the Banking and Financial Dealings Act 1971 s.1(3), yearly from 1978; docs/rules/calendar.md#regular-bank-holidays",
    Basis::Verified,
);

/// The spring bank holiday.
pub const SPRING: Rule = Rule::new(
    "calendar.bank_holiday.spring",
    "the last Monday in May is a bank holiday (it replaced Whit Monday: by proclamation from 1965 to 1971, by \
     statute from 1972)",
    "Banking and Financial Dealings Act 1971 Sch 1; royal proclamations 1965-1971; docs/rules/calendar.md#regular-bank-holidays",
    Basis::Verified,
);

/// The summer bank holiday.
pub const SUMMER: Rule = Rule::new(
    "calendar.bank_holiday.summer",
    "the last Monday in August is a bank holiday (by proclamation from 1965 to 1971, by statute from 1972)",
    "Banking and Financial Dealings Act 1971 Sch 1; royal proclamations 1965-1971; docs/rules/calendar.md#regular-bank-holidays",
    Basis::Verified,
);

/// Christmas Day and its substitute.
pub const CHRISTMAS: Rule = Rule::new(
    "calendar.bank_holiday.christmas",
    "25 December is a common-law holiday; when it falls on a Saturday the substitute day is Monday 27 December, \
     when on a Sunday Tuesday 27 December (Boxing Day keeps Monday 26)",
    "common law; substitute days by proclamation under the Banking and Financial Dealings Act 1971 s.1(3); docs/rules/calendar.md#regular-bank-holidays",
    Basis::Verified,
);

/// Boxing Day and its substitute.
pub const BOXING_DAY: Rule = Rule::new(
    "calendar.bank_holiday.boxing_day",
    "26 December is a bank holiday; when it falls on a Saturday the substitute day is Monday 28 December, when on \
     a Sunday Tuesday 28 December (Christmas takes Monday 27)",
    "Banking and Financial Dealings Act 1971 Sch 1, with substitute days by proclamation; docs/rules/calendar.md#regular-bank-holidays",
    Basis::Verified,
);

/// 1970–1971: spring and summer holidays on the last Mondays of May and August before the 1971 Act.
pub const BEFORE_1972: Rule = Rule::new(
    "calendar.bank_holiday.before_1972",
    "in 1970 and 1971 the holidays were those of the Bank Holidays Act 1871 as varied by the yearly \
     proclamations of the 1965-1971 trial: Good Friday, Easter Monday, the last Mondays of May (in place of Whit \
     Monday) and August (in place of the first Monday), Christmas and Boxing Day; no New Year's Day and no early \
     May holiday. Boxing Day substitutes are assumed to follow the later rule",
    "Bank Holidays Act 1871 Sch; royal proclamations 1965-1971; Banking and Financial Dealings Act 1971; docs/rules/calendar.md#before-1972",
    Basis::Assumption,
);

/// Early May 1995 moved to Monday 8 May (50th anniversary of VE Day).
pub const EARLY_MAY_1995: Rule = Rule::new(
    "calendar.bank_holiday.early_may_1995",
    "the early May bank holiday of 1995 moved from Monday 1 May to Monday 8 May, the 50th anniversary of VE Day",
    "royal proclamation 1994; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// 31 December 1999, the millennium.
pub const MILLENNIUM_1999: Rule = Rule::new(
    "calendar.bank_holiday.millennium_1999",
    "Friday 31 December 1999 was an extra bank holiday for the millennium",
    "royal proclamation; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Spring 2002 moved to Tuesday 4 June, Golden Jubilee.
pub const SPRING_2002: Rule = Rule::new(
    "calendar.bank_holiday.spring_2002",
    "the spring bank holiday of 2002 moved from Monday 27 May to Tuesday 4 June for the Golden Jubilee",
    "royal proclamation 2001; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Monday 3 June 2002, Golden Jubilee.
pub const GOLDEN_JUBILEE_2002: Rule = Rule::new(
    "calendar.bank_holiday.golden_jubilee_2002",
    "Monday 3 June 2002 was an extra bank holiday for the Golden Jubilee",
    "royal proclamation 2001; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Friday 29 April 2011, royal wedding.
pub const ROYAL_WEDDING_2011: Rule = Rule::new(
    "calendar.bank_holiday.royal_wedding_2011",
    "Friday 29 April 2011 was an extra bank holiday for the wedding of Prince William and Catherine Middleton",
    "royal proclamation 2010; GOV.UK bank holidays; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Spring 2012 moved to Monday 4 June, Diamond Jubilee.
pub const SPRING_2012: Rule = Rule::new(
    "calendar.bank_holiday.spring_2012",
    "the spring bank holiday of 2012 moved from Monday 28 May to Monday 4 June for the Diamond Jubilee",
    "royal proclamation 2011; GOV.UK bank holidays; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Tuesday 5 June 2012, Diamond Jubilee.
pub const DIAMOND_JUBILEE_2012: Rule = Rule::new(
    "calendar.bank_holiday.diamond_jubilee_2012",
    "Tuesday 5 June 2012 was an extra bank holiday for the Queen's Diamond Jubilee",
    "royal proclamation 2011; GOV.UK bank holidays; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Early May 2020 moved to Friday 8 May, VE Day 75th anniversary.
pub const EARLY_MAY_2020: Rule = Rule::new(
    "calendar.bank_holiday.early_may_2020",
    "the early May bank holiday of 2020 moved from Monday 4 May to Friday 8 May, the 75th anniversary of VE Day",
    "royal proclamation 2019; GOV.UK bank holidays; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Spring 2022 moved to Thursday 2 June, Platinum Jubilee.
pub const SPRING_2022: Rule = Rule::new(
    "calendar.bank_holiday.spring_2022",
    "the spring bank holiday of 2022 moved from Monday 30 May to Thursday 2 June for the Platinum Jubilee",
    "royal proclamation 2021; GOV.UK bank holidays; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Friday 3 June 2022, Platinum Jubilee.
pub const PLATINUM_JUBILEE_2022: Rule = Rule::new(
    "calendar.bank_holiday.platinum_jubilee_2022",
    "Friday 3 June 2022 was an extra bank holiday for the Platinum Jubilee",
    "royal proclamation 2021; GOV.UK bank holidays; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Monday 19 September 2022, state funeral of Queen Elizabeth II.
pub const STATE_FUNERAL_2022: Rule = Rule::new(
    "calendar.bank_holiday.state_funeral_2022",
    "Monday 19 September 2022 was an extra bank holiday for the state funeral of Queen Elizabeth II",
    "royal proclamation September 2022; GOV.UK bank holidays; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Monday 8 May 2023, coronation of King Charles III.
pub const CORONATION_2023: Rule = Rule::new(
    "calendar.bank_holiday.coronation_2023",
    "Monday 8 May 2023 was an extra bank holiday for the coronation of King Charles III",
    "royal proclamation 2022; GOV.UK bank holidays; docs/rules/calendar.md#one-off-moves-and-extra-days",
    Basis::Verified,
);

/// Wednesday 14 November 1973, wedding of Princess Anne. Not from a source that was read: from memory of the proclamations.
pub const ROYAL_WEDDING_1973: Rule = Rule::new(
    "calendar.bank_holiday.royal_wedding_1973",
    "Wednesday 14 November 1973 was an extra bank holiday for the wedding of Princess Anne and Mark Phillips",
    "royal proclamation 1973 (not read) - remove with Calendar::without_holidays; docs/rules/calendar.md#earlier-extra-days-not-read",
    Basis::Assumption,
);

/// Spring 1977 moved to Monday 6 June, Silver Jubilee. Not from a source that was read.
pub const SPRING_1977: Rule = Rule::new(
    "calendar.bank_holiday.spring_1977",
    "the spring bank holiday of 1977 moved from Monday 30 May to Monday 6 June for the Silver Jubilee",
    "royal proclamation 1976 (not read); docs/rules/calendar.md#earlier-extra-days-not-read",
    Basis::Assumption,
);

/// Tuesday 7 June 1977, Silver Jubilee. Not from a source that was read.
pub const SILVER_JUBILEE_1977: Rule = Rule::new(
    "calendar.bank_holiday.silver_jubilee_1977",
    "Tuesday 7 June 1977 was an extra bank holiday for the Silver Jubilee",
    "royal proclamation 1976 (not read) - remove with Calendar::without_holidays; docs/rules/calendar.md#earlier-extra-days-not-read",
    Basis::Assumption,
);

/// Wednesday 29 July 1981, wedding of the Prince of Wales. Not from a source that was read.
pub const ROYAL_WEDDING_1981: Rule = Rule::new(
    "calendar.bank_holiday.royal_wedding_1981",
    "Wednesday 29 July 1981 was an extra bank holiday for the wedding of the Prince of Wales and Lady Diana \
     Spencer",
    "royal proclamation 1981 (not read) - remove with Calendar::without_holidays; docs/rules/calendar.md#earlier-extra-days-not-read",
    Basis::Assumption,
);

/// A holiday added by the caller at run time (a future proclamation).
pub const RUN_TIME_EXTRA: Rule = Rule::new(
    "calendar.bank_holiday.extra",
    "an extra bank holiday added at run time: one-off days are announced by royal proclamation",
    "Banking and Financial Dealings Act 1971 s.1(3); docs/rules/calendar.md#holidays-added-at-run-time",
    Basis::Verified,
);

/// Working days: Monday to Friday except bank holidays.
pub const WORKING_DAY: Rule = Rule::new(
    "calendar.working_day",
    "working days are Monday to Friday except England & Wales bank holidays",
    "National Standards; Transforming Rehabilitation contract service levels; docs/rules/calendar.md#working-days",
    Basis::Verified,
);

/// "Within N working days of X" counts from the working day after X.
pub const WITHIN_N_WORKING_DAYS: Rule = Rule::new(
    "calendar.within_n_working_days",
    "\"within N working days of X\" counts from the working day after X: day 1 is the first working day after X",
    "this library's reading of \"within N working days\"; docs/rules/calendar.md#working-days",
    Basis::Assumption,
);

/// Every rule of this area, in declaration order (the rulebook test `core/tests/rule_docs.rs` reads it).
pub static TABLE: &[&Rule] = &[
    &NEW_YEAR,
    &GOOD_FRIDAY,
    &EASTER_MONDAY,
    &EARLY_MAY,
    &SPRING,
    &SUMMER,
    &CHRISTMAS,
    &BOXING_DAY,
    &BEFORE_1972,
    &EARLY_MAY_1995,
    &MILLENNIUM_1999,
    &SPRING_2002,
    &GOLDEN_JUBILEE_2002,
    &ROYAL_WEDDING_2011,
    &SPRING_2012,
    &DIAMOND_JUBILEE_2012,
    &EARLY_MAY_2020,
    &SPRING_2022,
    &PLATINUM_JUBILEE_2022,
    &STATE_FUNERAL_2022,
    &CORONATION_2023,
    &ROYAL_WEDDING_1973,
    &SPRING_1977,
    &SILVER_JUBILEE_1977,
    &ROYAL_WEDDING_1981,
    &RUN_TIME_EXTRA,
    &WORKING_DAY,
    &WITHIN_N_WORKING_DAYS,
];
