//! Validated person identifiers: CRN, PNC id and prison (NOMS) number.
//!
//! Errors never contain the offending value: identifiers are personal data.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// Why an identifier was rejected. Messages never contain the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// A CRN is one letter followed by six digits.
    #[error("crn must be one letter followed by 6 digits")]
    CrnFormat,
    /// A PNC id is `YYYY/NNNNNNNA` or `YY/NNNNNNNA`; after the slash the serial may have 1 to 7 digits (it is
    /// zero-padded to 7), without the slash it must have all 7.
    #[error(
        "pnc must be YYYY/NNNNNNNA or YY/NNNNNNNA (a serial of 1 to 7 digits after the slash, all 7 without it, then the check letter)"
    )]
    PncFormat,
    /// The PNC check character does not match the year and serial.
    #[error("pnc check character does not match the year and serial")]
    PncCheckCharacter,
    /// A prison (NOMS) number is a letter, four digits and two letters.
    #[error("prison number must be a letter, 4 digits and 2 letters (A1234BC)")]
    PrisonNumberFormat,
}

/// nDelius case reference number: one letter and six digits, e.g. `X320741`. Stored upper-case.
///
/// ```
/// use probation_core::ids::Crn;
/// assert_eq!(Crn::parse("x320741").unwrap().as_str(), "X320741");
/// assert!(Crn::parse("X32074").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Crn([u8; 7]);

impl Crn {
    /// Parses a CRN; lower-case letters are accepted and upper-cased, surrounding spaces trimmed.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let b = s.trim().as_bytes();
        let arr: [u8; 7] = b.try_into().map_err(|_| IdError::CrnFormat)?;
        let [l, d @ ..] = arr;
        if !l.is_ascii_alphabetic() || !d.iter().all(u8::is_ascii_digit) {
            return Err(IdError::CrnFormat);
        }
        let mut out = arr;
        out[0] = l.to_ascii_uppercase();
        Ok(Crn(out))
    }

    /// A CRN from an upper-case ASCII letter (other bytes become `X`) and a number (taken mod 10⁶); used by the
    /// synthetic generator, which needs an infallible constructor.
    pub(crate) fn from_parts(letter: u8, number: u32) -> Self {
        let l = if letter.is_ascii_uppercase() {
            letter
        } else {
            b'X'
        };
        let mut out = [l, 0, 0, 0, 0, 0, 0];
        let mut n = number % 1_000_000;
        for slot in out.iter_mut().skip(1).rev() {
            // n % 10 < 10, so the digit is ASCII.
            *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
            n /= 10;
        }
        Crn(out)
    }

    /// The CRN as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are ever stored.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// Police National Computer id in its long form `YYYY/NNNNNNNA`, with a verified check character.
///
/// The check letter is `ZABCDEFGHJKLMNPQRTUVWXY[(yy·10⁷ + serial) mod 23]` ([V-code] hmpps-person-record
/// `PNCIdValidator`). Short forms are normalised to the long form as hmpps-person-record's `PNCIdentifier` does
/// ([V-code]): after a slash the serial may have 1 to 7 digits and is zero-padded to 7 (`04/12345D` is
/// `2004/0012345D`); without the slash it must have all 7 (`040012345D`, `20040012345D`), since `2004123D` could
/// be read two ways. A two-digit year `74`–`99` is read as 19yy and `00`–`73` as 20yy, since the PNC went live in
/// 1974 (\[A\]; hmpps-person-record pivots on the current year instead, which would change the reading of a stored
/// id as time passes). A lower-case check letter is accepted and upper-cased.
///
/// ```
/// use probation_core::ids::Pnc;
/// assert_eq!(Pnc::parse("04/12345D").unwrap().as_str(), "2004/0012345D");
/// assert!(Pnc::parse("2004/0012345E").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Pnc([u8; 13]);

const PNC_CHECK: &[u8; 23] = b"ZABCDEFGHJKLMNPQRTUVWXY";

impl Pnc {
    /// Parses and normalises a PNC id, verifying the check character.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let s = s.trim();
        let (year, serial, check) = split_pnc(s).ok_or(IdError::PncFormat)?;
        let yy = year % 100;
        let n = u64::from(yy) * 10_000_000 + u64::from(serial);
        let idx = usize::try_from(n % 23).map_err(|_| IdError::PncFormat)?;
        let expected = PNC_CHECK.get(idx).copied().ok_or(IdError::PncFormat)?;
        if expected != check.to_ascii_uppercase() {
            return Err(IdError::PncCheckCharacter);
        }
        // The canonical form, `YYYY/NNNNNNNA`, written without formatting machinery (this runs for every case).
        let mut out = *b"0000/0000000Z";
        let mut y = year;
        for slot in out.iter_mut().take(4).rev() {
            *slot = b'0' + u8::try_from(y % 10).unwrap_or(0);
            y /= 10;
        }
        let mut n = serial;
        for slot in out.iter_mut().skip(5).take(7).rev() {
            *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
            n /= 10;
        }
        if let Some(last) = out.last_mut() {
            *last = expected;
        }
        Ok(Pnc(out))
    }

    /// The long form, `YYYY/NNNNNNNA`.
    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are ever stored.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Splits a PNC into (four-digit year, serial, check letter).
fn split_pnc(s: &str) -> Option<(u16, u32, u8)> {
    if !s.is_ascii() || s.len() < 4 {
        return None;
    }
    let (body, check) = s.split_at(s.len() - 1);
    let check = *check.as_bytes().first()?;
    if !check.is_ascii_alphabetic() {
        return None;
    }
    let (year, serial) = match body.split_once('/') {
        Some((y, n)) if (y.len() == 2 || y.len() == 4) && (1..=7).contains(&n.len()) => (y, n),
        Some(_) => return None,
        None if body.len() == 11 => body.split_at(4),
        None if body.len() == 9 => body.split_at(2),
        None => return None,
    };
    if !all_digits(year) || !all_digits(serial) {
        return None;
    }
    let mut y: u16 = year.parse().ok()?;
    if year.len() == 2 {
        y += if y >= 74 { 1900 } else { 2000 };
    }
    Some((y, serial.parse().ok()?, check))
}

/// Prison (NOMS) number, e.g. `A1234BC`. Stored upper-case.
///
/// ```
/// use probation_core::ids::PrisonNumber;
/// assert!(PrisonNumber::parse("A1234BC").is_ok());
/// assert!(PrisonNumber::parse("A12345C").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct PrisonNumber([u8; 7]);

impl PrisonNumber {
    /// Parses a prison number; lower case is accepted and upper-cased.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let b = s.trim().as_bytes();
        let arr: [u8; 7] = b.try_into().map_err(|_| IdError::PrisonNumberFormat)?;
        let [a, d1, d2, d3, d4, b1, b2] = arr;
        let ok = [a, b1, b2].iter().all(u8::is_ascii_alphabetic)
            && [d1, d2, d3, d4].iter().all(u8::is_ascii_digit);
        if !ok {
            return Err(IdError::PrisonNumberFormat);
        }
        Ok(PrisonNumber(arr.map(|c| c.to_ascii_uppercase())))
    }

    /// The prison number as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

macro_rules! id_impls {
    ($t:ident, $pattern:literal, $desc:literal) => {
        impl TryFrom<String> for $t {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                $t::parse(&s)
            }
        }
        /// Read from a borrowed string: no allocation unless the identifier is valid.
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                crate::model::from_text::deserialize(d)
            }
        }
        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.as_str().to_owned()
            }
        }
        impl std::str::FromStr for $t {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                $t::parse(s)
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        /// Debug is redacted: identifiers are personal data and must not reach logs by accident.
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($t), "(<redacted>)"))
            }
        }
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $t {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($t).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "pattern": $pattern, "description": $desc })
            }
        }
    };
}
id_impls!(
    Crn,
    "^\\s*[A-Za-z][0-9]{6}\\s*$",
    "nDelius case reference number: a letter and 6 digits"
);
id_impls!(
    Pnc,
    "^\\s*(([0-9]{2}|[0-9]{4})/[0-9]{1,7}|[0-9]{9}|[0-9]{11})[A-Za-z]\\s*$",
    "PNC id, YYYY/NNNNNNNA or YY/NNNNNNNA: after the slash a serial of 1 to 7 digits, zero-padded to 7; without the slash exactly 9 or 11 digits before the check letter; the check letter must match"
);
id_impls!(
    PrisonNumber,
    "^\\s*[A-Za-z][0-9]{4}[A-Za-z]{2}\\s*$",
    "prison (NOMS) number: a letter, 4 digits and 2 letters"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pnc_forms_normalise_to_long_form() {
        for s in [
            "2004/0012345D",
            "04/12345D",
            "2004/12345d",
            "20040012345D",
            "040012345D",
        ] {
            assert_eq!(
                Pnc::parse(s).map(String::from),
                Ok("2004/0012345D".to_owned()),
                "{s}"
            );
        }
        // After a slash, a serial of 1 to 7 digits is zero-padded to 7; without one, all 7 digits are needed.
        for (s, long) in [
            ("04/12345D", "2004/0012345D"),
            ("2004/12345D", "2004/0012345D"),
            ("04/0K", "2004/0000000K"),
            ("99/1234567b", "1999/1234567B"),
        ] {
            let yy: u64 = long[2..4].parse().unwrap();
            let serial: u64 = long[5..12].parse().unwrap();
            let check = PNC_CHECK[usize::try_from((yy * 10_000_000 + serial) % 23).unwrap()];
            assert_eq!(
                long.as_bytes()[12],
                check,
                "{long}: the test's own check letter"
            );
            assert_eq!(Pnc::parse(s).map(String::from), Ok(long.to_owned()), "{s}");
        }
        for s in ["0412345D", "04/D", "200412345678D", "2004/D"] {
            assert_eq!(Pnc::parse(s), Err(IdError::PncFormat), "{s}");
        }
        // Ten digits without a slash are a two-digit year and a 7-digit serial (`20/0412345`), whose check letter
        // is `E`: the `D` of `2004/12345D` does not pass for it.
        assert_eq!(Pnc::parse("200412345D"), Err(IdError::PncCheckCharacter));
        assert_eq!(Pnc::parse("2004/0012345E"), Err(IdError::PncCheckCharacter));
        assert_eq!(Pnc::parse("2004/00123456D"), Err(IdError::PncFormat));
        assert_eq!(Pnc::parse("ab/12345D"), Err(IdError::PncFormat));
        assert_eq!(Pnc::parse(""), Err(IdError::PncFormat));
        assert_eq!(Pnc::parse("é/1D"), Err(IdError::PncFormat));
    }

    #[test]
    fn crn_from_parts_is_a_valid_crn() {
        assert_eq!(Crn::from_parts(b'X', 320_741).as_str(), "X320741");
        assert_eq!(Crn::from_parts(b'a', 1_000_042).as_str(), "X000042");
    }

    #[test]
    fn debug_is_redacted() {
        let crn = Crn::parse("X320741").unwrap();
        assert!(!format!("{crn:?}").contains("320741"));
    }
}
