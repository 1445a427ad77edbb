//! Fast decoding of the ISO dates (`YYYY-MM-DD`) of the interchange format.
//!
//! chrono's own `Deserialize` for `NaiveDate` goes through its general format parser (~150 ns a date); a case has
//! dozens of dates, so decoding used to spend a quarter of its time there. The canonical form is read directly
//! here; anything else falls back to chrono's parser, so exactly the same texts are accepted and rejected. A
//! rejected text gets the message `invalid date (<chrono's reason>), expected YYYY-MM-DD`, never the text itself.

use std::fmt;

use chrono::NaiveDate;
use serde::Deserializer;
use serde::de::{self, Visitor};

/// The date at the start of an ISO date or date-time text (`2024-03-01`, `2024-03-01T10:15:00`): its first ten
/// characters, read as `YYYY-MM-DD` directly, or by chrono's parser when they are in another form chrono accepts.
pub(crate) fn iso_date_prefix(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    parse_canonical(head).or_else(|| head.parse::<NaiveDate>().ok())
}

/// Parses exactly `YYYY-MM-DD` (four-digit year); `None` for any other form or an impossible date.
fn parse_canonical(s: &str) -> Option<NaiveDate> {
    let b: &[u8; 10] = s.as_bytes().try_into().ok()?;
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *b else {
        return None;
    };
    let digit = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
    let y = ((digit(y0)? * 10 + digit(y1)?) * 10 + digit(y2)?) * 10 + digit(y3)?;
    let m = digit(m0)? * 10 + digit(m1)?;
    let d = digit(d0)? * 10 + digit(d1)?;
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a formatted date string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        match parse_canonical(s) {
            Some(d) => Ok(d),
            None => s.parse().map_err(|e: chrono::ParseError| {
                E::custom(format_args!("invalid date ({e}), expected YYYY-MM-DD"))
            }),
        }
    }
}

struct OptionDateVisitor;

impl<'de> Visitor<'de> for OptionDateVisitor {
    type Value = Option<NaiveDate>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a formatted date string or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(DateVisitor).map(Some)
    }
}

/// `deserialize_with` for a `NaiveDate` field.
pub(crate) fn de<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

/// `deserialize_with` for an `Option<NaiveDate>` field (`null` or absent is `None`; give it `#[serde(default)]`).
pub(crate) fn de_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(OptionDateVisitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_agrees_with_chrono() {
        for s in [
            "2024-02-29",
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "0000-01-01",
            "9999-12-31",
            "2023-1-01",
            "2023/01/01",
            "+2023-01-01",
            "2023-01-01 ",
            "",
            "２０２３-01-01",
            "2023-04-31",
        ] {
            let chrono = s.parse::<NaiveDate>().ok();
            let fast = parse_canonical(s);
            if fast.is_some() {
                assert_eq!(fast, chrono, "{s}");
            }
            let via: Result<NaiveDate, serde_json::Error> = de(
                &mut serde_json::Deserializer::from_str(&serde_json::to_string(s).unwrap()),
            );
            assert_eq!(via.ok(), chrono, "{s}");
        }
    }
}
