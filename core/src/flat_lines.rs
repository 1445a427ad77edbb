//! JSON Lines of cases (or of the records real systems hold) to the columnar engines' flat inputs, line by line:
//! what the Python binding's `read_cases` streams into Arrow record batches.
//!
//! Each line that is not blank becomes either the three flat inputs core's engines read on a date
//! ([`AllocationFacts`], [`TierInputs`], [`Tier2026Inputs`]) or a [`LineError`] (line number, kind, field path,
//! message — never a value or an unknown key from the input). Lines are read one at a time with at most
//! [`MAX_CASE_BYTES`] held, so memory is bounded whatever the input.
//!
//! ```
//! use chrono::NaiveDate;
//! use probation_core::flat_lines::{FlatLines, LineShape};
//! let on = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
//! let input = "not json\n\n{}\n";
//! let lines: Vec<_> = FlatLines::new(input.as_bytes(), LineShape::Case, on).collect();
//! assert_eq!(lines.len(), 2);
//! let err = lines[1].as_ref().unwrap_err();
//! assert_eq!((err.line, err.kind), (3, "decode"));
//! ```

use std::io::BufRead;

use chrono::NaiveDate;

use crate::allocation::AllocationFacts;
use crate::interchange::{DecodeError, MAX_CASE_BYTES, decode_case_bytes};
use crate::model::Case;
use crate::records::{
    RecordError, community_api_to_case, integration_api_to_case, tier_details_line_to_case,
};
use crate::tier::TierInputs;
use crate::tier2026::Tier2026Inputs;
use crate::validate::validate;

/// What one line holds: the case format, or one of the record shapes of [`crate::records`] (one document a
/// line; docs/records.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LineShape {
    /// The library's case format (validated).
    #[default]
    Case,
    /// tier-to-delius tier-details documents carrying a `crn` member, read on the date given (not validated:
    /// the cases hold placeholders for what the document lacks).
    TierDetails,
    /// community-api bundles (validated).
    CommunityApi,
    /// HMPPS Integration API bundles (not validated: the shape holds no requirements).
    IntegrationApi,
}

impl LineShape {
    /// Every shape, by its name.
    pub const ALL: [(&'static str, LineShape); 4] = [
        ("case", LineShape::Case),
        ("tier-details", LineShape::TierDetails),
        ("community-api", LineShape::CommunityApi),
        ("integration-api", LineShape::IntegrationApi),
    ];

    /// The shape called `name` (`case`, `tier-details`, `community-api`, `integration-api`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<LineShape> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
    }

    /// Whether this shape's cases are complete enough for the case format's validation rules.
    #[must_use]
    pub const fn validated(self) -> bool {
        matches!(self, LineShape::Case | LineShape::CommunityApi)
    }

    /// One line's case: decoded, mapped from the record shape, and validated when [`Self::validated`].
    ///
    /// # Errors
    /// A [`LineError`] naming the field path and the kind (`decode`, `too_large`, `too_deep`, `invalid`, or a
    /// record error's kind).
    pub fn case(self, line: usize, bytes: &[u8], on: NaiveDate) -> Result<Case, LineError> {
        let case = match self {
            LineShape::Case => decode_case_bytes(bytes).map_err(|e| LineError::decode(line, &e))?,
            shape => {
                let text = std::str::from_utf8(bytes)
                    .map_err(|_| LineError::new(line, "decode", "", "input is not valid utf-8"))?;
                let mapped = match shape {
                    LineShape::TierDetails => tier_details_line_to_case(text, on),
                    LineShape::IntegrationApi => integration_api_to_case(text),
                    _ => community_api_to_case(text),
                };
                mapped.map_err(|e| LineError::record(line, &e))?
            }
        };
        if self.validated()
            && let Err(errs) = validate(&case)
        {
            let first = errs.0.first();
            return Err(LineError::new(
                line,
                "invalid",
                first.map_or("", |i| i.path.as_str()),
                first.map_or("invalid case", |i| i.rule.message()),
            ));
        }
        Ok(case)
    }
}

/// Why one line gave no row. Never holds a value or an unknown key from the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// Stable kind: `io`, `decode`, `too_large`, `too_deep`, `invalid`, a record error's kind
    /// ([`RecordError::kind`]), or `allocation` / `tier` when the engines' inputs cannot be read from the case.
    pub kind: &'static str,
    /// Field path, `""` when none.
    pub path: String,
    /// What is wrong (lowercase, no value from the input).
    pub message: String,
}

impl LineError {
    fn new(line: usize, kind: &'static str, path: &str, message: &str) -> LineError {
        LineError {
            line,
            kind,
            path: path.to_owned(),
            message: message.to_owned(),
        }
    }

    fn decode(line: usize, e: &DecodeError) -> LineError {
        let kind = match e {
            DecodeError::Io(_) => "io",
            DecodeError::TooLarge { .. } => "too_large",
            DecodeError::TooDeep { .. } => "too_deep",
            _ => "decode",
        };
        LineError::new(line, kind, e.path(), &e.to_string())
    }

    fn record(line: usize, e: &RecordError) -> LineError {
        LineError::new(line, e.kind(), e.path(), &e.to_string())
    }
}

/// The flat inputs of one case on one date, as the columnar engines read them.
#[derive(Clone, Debug)]
pub struct Flat {
    /// Allocation's facts.
    pub allocation: AllocationFacts,
    /// The 2021 tier's inputs.
    pub tier: TierInputs,
    /// The 2026 tier's inputs.
    pub tier_2026: Tier2026Inputs,
}

impl Flat {
    /// The flat inputs of `case` on `on` (core's `from_case` of each).
    ///
    /// # Errors
    /// A [`LineError`] of kind `allocation` or `tier` naming the field (an RSR outside 0–100).
    pub fn from_case(line: usize, case: &Case, on: NaiveDate) -> Result<Flat, LineError> {
        let allocation = AllocationFacts::from_case(case, on)
            .map_err(|e| LineError::new(line, "allocation", e.path(), &e.to_string()))?;
        let tier = TierInputs::from_case(case, on)
            .map_err(|e| LineError::new(line, "tier", e.path(), &e.to_string()))?;
        Ok(Flat {
            allocation,
            tier,
            tier_2026: Tier2026Inputs::from_case(case, on),
        })
    }
}

/// Streams the flat inputs of every non-blank line of `reader` read as `shape` on `on`.
#[derive(Debug)]
pub struct FlatLines<R> {
    reader: R,
    shape: LineShape,
    on: NaiveDate,
    line: usize,
    buf: Vec<u8>,
    done: bool,
    bytes_read: u64,
}

impl<R: BufRead> FlatLines<R> {
    /// Reads `reader` line by line as `shape`, on `on`.
    pub fn new(reader: R, shape: LineShape, on: NaiveDate) -> FlatLines<R> {
        FlatLines {
            reader,
            shape,
            on,
            line: 0,
            buf: Vec::new(),
            done: false,
            bytes_read: 0,
        }
    }

    /// Bytes consumed so far (for a progress display).
    #[must_use]
    pub const fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Reads the next line into `buf`, at most `MAX_CASE_BYTES + 1` bytes of it held; `Ok(false)` at the end,
    /// `Ok(true)` with an over-long line's first part held (its rest skipped).
    fn read_line(&mut self) -> std::io::Result<bool> {
        self.buf.clear();
        let mut any = false;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok(any);
            }
            any = true;
            let (take, end) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = (MAX_CASE_BYTES + 1).saturating_sub(self.buf.len());
            self.buf
                .extend_from_slice(chunk.get(..take.min(room)).unwrap_or_default());
            self.reader.consume(take);
            self.bytes_read += take as u64;
            if end {
                return Ok(true);
            }
        }
    }
}

impl<R: BufRead> Iterator for FlatLines<R> {
    type Item = Result<Flat, LineError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            match self.read_line() {
                Err(e) => {
                    self.done = true;
                    let message = format!("read failed: {}", e.kind());
                    return Some(Err(LineError::new(self.line, "io", "", &message)));
                }
                Ok(false) => self.done = true,
                Ok(true) => {
                    let text = self.buf.trim_ascii();
                    if text.is_empty() {
                        continue;
                    }
                    if text.len() > MAX_CASE_BYTES {
                        let message = format!("line longer than {MAX_CASE_BYTES} bytes");
                        return Some(Err(LineError::new(self.line, "too_large", "", &message)));
                    }
                    let line = self.line;
                    let result = self
                        .shape
                        .case(line, text, self.on)
                        .and_then(|case| Flat::from_case(line, &case, self.on));
                    return Some(result);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
    }

    const CASE: &str = r#"{"schema_version":1,"person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},"events":[{"offence_date":"2016-01-04","sentence_date":"2016-03-01","sentence":{"type":"community_order","length":{"months":12},"requirements":[{"kind":"unpaid_work","hours":120}]}}]}"#;

    #[test]
    fn a_case_line_gives_its_flat_inputs_and_blank_lines_none() {
        let input = format!("\n{CASE}\n  \n{CASE}");
        let rows: Vec<_> = FlatLines::new(input.as_bytes(), LineShape::Case, on()).collect();
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(Result::is_ok));
    }

    #[test]
    fn an_unknown_key_is_reported_by_path_without_the_key() {
        let input = r#"{"schema_version":1,"person":{"crn":"X320741","Edwina":"Ed"}}"#;
        let rows: Vec<_> = FlatLines::new(input.as_bytes(), LineShape::Case, on()).collect();
        let Some(Err(e)) = rows.first() else {
            unreachable!("expected an error line")
        };
        assert_eq!((e.line, e.kind, e.path.as_str()), (1, "decode", "person"));
        assert!(!e.message.contains("Edwina") && !e.message.contains("Ed\""));
    }

    #[test]
    fn an_over_long_line_is_skipped_and_the_next_line_read() {
        let long = format!("{{\"x\":\"{}\"}}", "a".repeat(MAX_CASE_BYTES + 10));
        let input = format!("{long}\n{CASE}\n");
        let rows: Vec<_> = FlatLines::new(input.as_bytes(), LineShape::Case, on()).collect();
        assert_eq!(rows.len(), 2);
        assert!(matches!(&rows[0], Err(e) if e.kind == "too_large" && e.line == 1));
        assert!(rows[1].is_ok());
    }

    #[test]
    fn a_record_shape_reports_its_own_kind() {
        let rows: Vec<_> =
            FlatLines::new(&b"{\"crn\": 5}\n"[..], LineShape::TierDetails, on()).collect();
        assert!(matches!(&rows[0], Err(e) if e.kind == "decode" && e.line == 1));
        assert_eq!(
            LineShape::from_name("tier-details"),
            Some(LineShape::TierDetails)
        );
        assert_eq!(LineShape::from_name("nope"), None);
    }
}
