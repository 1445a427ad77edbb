//! Gregorian Easter (the computus), which fixes Good Friday and Easter Monday.

use chrono::NaiveDate;

/// Easter Sunday of `year` in the Gregorian calendar, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher,
/// published in *Nature*, 1876). `None` only for years chrono cannot represent.
///
/// ```
/// use chrono::NaiveDate;
/// use probation_core::calendar::easter_sunday;
/// assert_eq!(easter_sunday(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let y = year;
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n / 31).ok()?;
    let day = u32::try_from(n % 31 + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_easters() {
        // Published Easter Sunday dates (Church of England tables; HM Nautical Almanac Office).
        let known = [
            (1970, 3, 29),
            (1981, 4, 19),
            (1990, 4, 15),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25),
            (2100, 3, 28),
        ];
        for (y, m, d) in known {
            assert_eq!(easter_sunday(y), NaiveDate::from_ymd_opt(y, m, d), "{y}");
        }
    }

    #[test]
    fn always_a_sunday_between_22_march_and_25_april() {
        use chrono::{Datelike, Weekday};
        for y in 1583..=4099 {
            let e = easter_sunday(y).unwrap();
            assert_eq!(e.weekday(), Weekday::Sun);
            assert!(e >= NaiveDate::from_ymd_opt(y, 3, 22).unwrap());
            assert!(e <= NaiveDate::from_ymd_opt(y, 4, 25).unwrap());
        }
    }
}
