//! The JSON interchange format: one case per JSON document, or JSON Lines for many.
//!
//! Decoding is strict: unknown fields are an error naming their path, `schema_version` must be 1, identifiers
//! are checked. Error messages never repeat a value from the input (it may be personal data): serde's
//! messages are redacted to the kind of value found and what was expected.

use std::io::{BufRead, Read};

use crate::model::Case;

/// The largest accepted case, in bytes of JSON (1 MiB). Larger input is refused before it is parsed.
pub const MAX_CASE_BYTES: usize = 1 << 20;

/// Why a case could not be decoded. Messages name the field path, never the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The input is not well-formed JSON.
    #[error("invalid json at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line within the document.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong, redacted.
        message: String,
    },
    /// The JSON does not match the case format at `path`.
    #[error("{path}: {message}")]
    Schema {
        /// Field path, e.g. `events[0].sentence`.
        path: String,
        /// What is wrong, redacted.
        message: String,
    },
    /// The case is larger than [`MAX_CASE_BYTES`].
    #[error("case is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The input is not UTF-8.
    #[error("input is not valid utf-8")]
    InvalidUtf8,
    /// Reading the input failed.
    #[error("read failed: {0}")]
    Io(String),
}

impl DecodeError {
    /// The field path for schema errors, `""` otherwise.
    pub fn path(&self) -> &str {
        match self {
            DecodeError::Schema { path, .. } => path,
            _ => "",
        }
    }

    /// What is wrong, without the path (which [`DecodeError::path`] gives); never contains an input value.
    ///
    /// ```
    /// use probation_core::interchange::decode_case;
    /// let err = decode_case(r#"{"schema_version":1,"person":{"crn":"X32074"}}"#).unwrap_err();
    /// assert_eq!(err.path(), "person.crn");
    /// assert_eq!(err.message(), "crn must be one letter followed by 6 digits");
    /// ```
    pub fn message(&self) -> String {
        match self {
            DecodeError::Schema { message, .. } => message.clone(),
            other => other.to_string(),
        }
    }
}

/// Decodes one case from JSON text.
///
/// ```
/// use probation_core::interchange::{decode_case, DecodeError};
/// let err = decode_case(r#"{"schema_version":1,"person":{"crn":"X320741","nickname":"Ed"}}"#).unwrap_err();
/// assert!(matches!(&err, DecodeError::Schema { path, .. } if path == "person.nickname"));
/// assert!(!err.to_string().contains("Ed"));
/// ```
pub fn decode_case(json: &str) -> Result<Case, DecodeError> {
    if json.len() > MAX_CASE_BYTES {
        return Err(DecodeError::TooLarge {
            limit: MAX_CASE_BYTES,
        });
    }
    // Happy path: plain serde_json, which is about twice as fast as tracking the path. Only when that fails is
    // the document decoded again with the path tracker, to name the field in the error.
    match serde_json::from_str::<Case>(json) {
        Ok(case) => Ok(case),
        Err(_) => Err(decode_error_with_path(json)),
    }
}

/// Decodes `json` again, tracking the path, to describe why it does not decode.
#[cold]
fn decode_error_with_path(json: &str) -> DecodeError {
    let mut de = serde_json::Deserializer::from_str(json);
    match serde_path_to_error::deserialize::<_, Case>(&mut de) {
        Err(e) => from_path_error(e),
        Ok(_) => match de.end() {
            Err(e) => from_json_error(String::new(), &e),
            // Unreachable in practice: both decoders accept the same documents.
            Ok(()) => DecodeError::Schema {
                path: String::new(),
                message: "case does not match the format".to_owned(),
            },
        },
    }
}

/// Decodes one case from bytes, which must be UTF-8.
pub fn decode_case_bytes(bytes: &[u8]) -> Result<Case, DecodeError> {
    if bytes.len() > MAX_CASE_BYTES {
        return Err(DecodeError::TooLarge {
            limit: MAX_CASE_BYTES,
        });
    }
    let s = std::str::from_utf8(bytes).map_err(|_| DecodeError::InvalidUtf8)?;
    decode_case(s)
}

/// Encodes a case as compact JSON.
pub fn encode_case(case: &Case) -> String {
    // Serialising these plain data types cannot fail: every map key is a string-like enum.
    serde_json::to_string(case).unwrap_or_default()
}

/// Encodes a case as indented JSON.
pub fn encode_case_pretty(case: &Case) -> String {
    serde_json::to_string_pretty(case).unwrap_or_default()
}

fn from_path_error(e: serde_path_to_error::Error<serde_json::Error>) -> DecodeError {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    from_json_error(path, e.inner())
}

fn from_json_error(path: String, e: &serde_json::Error) -> DecodeError {
    let full = e.to_string();
    let msg = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full),
        None => &full,
    };
    let message = redact(msg);
    match e.classify() {
        serde_json::error::Category::Data => DecodeError::Schema { path, message },
        serde_json::error::Category::Io => DecodeError::Io(message),
        _ => DecodeError::Syntax {
            line: e.line(),
            column: e.column(),
            message,
        },
    }
}

/// Removes input values from a serde message, keeping the kind of value and what was expected.
///
/// `invalid type: string "Jane", expected u16` → `invalid type: string, expected u16`;
/// ``unknown variant `jane`, expected one of …`` → `unknown variant, expected one of …`.
pub(crate) fn redact(msg: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            let (found, expected) = rest.split_once(", expected").unwrap_or((rest, ""));
            let kind = found.split(['"', '`']).next().unwrap_or("").trim();
            let kind = if prefix == "invalid length " {
                ""
            } else {
                kind
            };
            let sep = if kind.is_empty() { "" } else { " " };
            return format!("{}{sep}{kind}, expected{expected}", prefix.trim_end());
        }
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let expected = rest.split_once(", expected").map(|(_, e)| e).unwrap_or("");
        return format!("unknown variant, expected{expected}");
    }
    // Field names (missing, unknown, duplicate) are keys of the format, not values: keep them. Anything else
    // comes from this crate's own errors, which never quote input; strip quoted text defensively all the same.
    if msg.starts_with("missing field")
        || msg.starts_with("unknown field")
        || msg.starts_with("duplicate field")
    {
        return msg.to_owned();
    }
    strip_quoted(msg)
}

fn strip_quoted(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut in_quote = false;
    for c in msg.chars() {
        if c == '"' {
            if !in_quote {
                out.push_str("\"…\"");
            }
            in_quote = !in_quote;
        } else if !in_quote {
            out.push(c);
        }
    }
    out
}

/// One line of a JSON Lines stream.
#[derive(Debug)]
pub struct Line {
    /// 1-based line number.
    pub number: usize,
    /// The decoded case, or why it could not be.
    pub case: Result<Case, DecodeError>,
}

/// Streams cases from JSON Lines, one per line; blank lines are skipped. Memory is bounded by
/// [`MAX_CASE_BYTES`] whatever the input: an over-long line is reported and skipped.
///
/// ```
/// use probation_core::interchange::read_jsonl;
/// let input = "not json\n\n{}\n";
/// let lines: Vec<_> = read_jsonl(input.as_bytes()).collect();
/// assert_eq!(lines.len(), 2);
/// assert_eq!(lines[1].number, 3);
/// ```
pub fn read_jsonl<R: BufRead>(reader: R) -> JsonLines<R> {
    JsonLines {
        reader,
        number: 0,
        buf: Vec::new(),
        done: false,
    }
}

/// Iterator returned by [`read_jsonl`].
#[derive(Debug)]
pub struct JsonLines<R> {
    reader: R,
    number: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Line;
    fn next(&mut self) -> Option<Line> {
        while !self.done {
            self.buf.clear();
            self.number += 1;
            let limit = u64::try_from(MAX_CASE_BYTES).unwrap_or(u64::MAX) + 1;
            let read = (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf);
            let n = match read {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Line {
                        number: self.number,
                        case: Err(DecodeError::Io(e.kind().to_string())),
                    });
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            if self.buf.last() != Some(&b'\n') && self.buf.len() > MAX_CASE_BYTES {
                // Skip the rest of the over-long line without holding it.
                if let Err(e) = skip_line(&mut self.reader) {
                    self.done = true;
                    return Some(Line {
                        number: self.number,
                        case: Err(DecodeError::Io(e.kind().to_string())),
                    });
                }
                return Some(Line {
                    number: self.number,
                    case: Err(DecodeError::TooLarge {
                        limit: MAX_CASE_BYTES,
                    }),
                });
            }
            let text = trim_ascii(&self.buf);
            if text.is_empty() {
                continue;
            }
            return Some(Line {
                number: self.number,
                case: decode_case_bytes(text),
            });
        }
        None
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

fn skip_line<R: BufRead>(r: &mut R) -> std::io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = buf.iter().position(|&c| c == b'\n') {
            r.consume(i + 1);
            return Ok(());
        }
        let n = buf.len();
        r.consume(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_keeps_kinds_and_drops_values() {
        let cases = [
            (
                r#"invalid type: string "Jane Doe", expected u16"#,
                "invalid type: string, expected u16",
            ),
            (
                "invalid value: integer `-5`, expected u32",
                "invalid value: integer, expected u32",
            ),
            (
                "unknown variant `jane`, expected one of `male`, `female`",
                "unknown variant, expected one of `male`, `female`",
            ),
            ("missing field `crn`", "missing field `crn`"),
            (r#"something "secret" here"#, r#"something "…" here"#),
            (
                "invalid length 3, expected a tuple",
                "invalid length, expected a tuple",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(redact(input), want);
        }
    }

    #[test]
    fn too_long_line_is_reported_and_skipped() {
        let mut input = vec![b' '; MAX_CASE_BYTES + 10];
        input.extend_from_slice(b"x\n{}\n");
        let lines: Vec<_> = read_jsonl(input.as_slice()).collect();
        assert_eq!(lines.len(), 2);
        assert!(matches!(lines[0].case, Err(DecodeError::TooLarge { .. })));
        assert_eq!(lines[1].number, 2);
    }
}
