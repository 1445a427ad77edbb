//! The JSON interchange format: one case per JSON document, or JSON Lines for many.
//!
//! Decoding is strict: unknown fields are an error naming their path, `schema_version` must be 1, identifiers
//! are checked. Error messages never repeat a value from the input (it may be personal data): serde's
//! messages are redacted to the kind of value found and what was expected.

use std::io::BufRead;

use crate::model::Case;

// Public only for the differential fuzz target (`fuzz/fuzz_targets/decode_bytes.rs`); not part of the API.
#[doc(hidden)]
pub mod fast;
mod objects;

pub use objects::ObjectsOnly;

/// The largest accepted case, in bytes of JSON (1 MiB). Larger input is refused before it is parsed.
pub const MAX_CASE_BYTES: usize = 1 << 20;

/// The deepest accepted nesting of JSON arrays and objects, counting the document itself as level 1. A valid
/// case nests at most 6 levels; deeper input is refused before it is parsed, so the parser's recursion (and
/// serde_json's own limit of 128) is never reached.
pub const MAX_NESTING_DEPTH: usize = 32;

/// Why a case could not be decoded. Messages name the field path, never the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The input is not well-formed JSON (or a value is not of any shape the field accepts, which serde_json
    /// reports as a syntax error). `path` is the field being read when it happened, `""` at the top level.
    #[error(
        "{}invalid json at line {line}, column {column}: {message}",
        path_prefix(path)
    )]
    Syntax {
        /// Field path being read, e.g. `person.sex`; `""` when outside any field.
        path: String,
        /// 1-based line within the document.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong, redacted.
        message: String,
    },
    /// The JSON does not match the case format at `path`.
    #[error("{}{message}", path_prefix(path))]
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
    /// Arrays and objects are nested deeper than [`MAX_NESTING_DEPTH`].
    #[error("json is nested deeper than the limit of {limit} levels")]
    TooDeep {
        /// The limit in levels.
        limit: usize,
    },
    /// The input is not UTF-8.
    #[error("input is not valid utf-8")]
    InvalidUtf8,
    /// Reading the input failed.
    #[error("read failed: {0}")]
    Io(String),
}

fn path_prefix(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    }
}

impl DecodeError {
    /// The field path for schema and syntax errors (`""` for the document itself), `""` otherwise.
    pub fn path(&self) -> &str {
        match self {
            DecodeError::Schema { path, .. } | DecodeError::Syntax { path, .. } => path,
            _ => "",
        }
    }

    /// What is wrong, without the path (for reports that show the path in a column of its own).
    ///
    /// ```
    /// use probation_core::interchange::decode_case;
    /// let err = decode_case(r#"{"schema_version":2}"#).unwrap_err();
    /// assert_eq!(err.path(), "schema_version");
    /// assert_eq!(err.detail(), "unsupported schema_version: this library reads version 1");
    /// assert_eq!(err.to_string(), format!("schema_version: {}", err.detail()));
    /// ```
    pub fn detail(&self) -> String {
        match self {
            DecodeError::Schema { message, .. } => message.clone(),
            DecodeError::Syntax {
                line,
                column,
                message,
                ..
            } => format!("invalid json at line {line}, column {column}: {message}"),
            other => other.to_string(),
        }
    }
}

/// Decodes one case from JSON text.
///
/// ```
/// use probation_core::interchange::{decode_case, DecodeError};
/// // An unknown key is reported at the object that holds it, and never repeated: it may be personal data.
/// let err = decode_case(r#"{"schema_version":1,"person":{"crn":"X320741","Edwina":"Ed"}}"#).unwrap_err();
/// assert!(matches!(&err, DecodeError::Schema { path, .. } if path == "person"));
/// assert!(err.to_string().starts_with("person: unknown field, expected one of `crn`"));
/// assert!(!err.to_string().contains("Ed"));
/// ```
pub fn decode_case(json: &str) -> Result<Case, DecodeError> {
    if json.len() > MAX_CASE_BYTES {
        return Err(DecodeError::TooLarge {
            limit: MAX_CASE_BYTES,
        });
    }
    // Happy path: plain serde_json, which is about twice as fast as tracking the path. It cannot recurse deeper
    // than the format itself (a typed decode refuses any value of the wrong shape before descending into it, and
    // serde_json caps its own recursion at 128), so a document that decodes is never too deep. Only when it fails
    // is the nesting checked — before anything recurses again — and the document decoded again with the path
    // tracker, to name the field in the error. (The nesting scan costs as much as the decode itself.)
    if let Some(case) = fast::decode::<Case>(json) {
        return Ok(case);
    }
    match from_str_objects_only::<Case>(json) {
        Ok(case) => Ok(case),
        Err(_) if nesting_depth_exceeds(json.as_bytes(), MAX_NESTING_DEPTH) => {
            Err(DecodeError::TooDeep {
                limit: MAX_NESTING_DEPTH,
            })
        }
        Err(_) => Err(decode_error_with_path(json)),
    }
}

/// Reads one `T` from JSON text with serde_json, structs from objects only ([`ObjectsOnly`]); trailing
/// characters are an error. What [`decode_case`] accepts is exactly what this accepts for [`Case`] (the fast path
/// gives the same value or gives up); the errors are serde_json's own, without the path and redaction of
/// [`decode_case`].
///
/// ```
/// use probation_core::interchange::from_str_objects_only;
/// use probation_core::model::Case;
/// assert!(from_str_objects_only::<Case>(r#"[1,null,["K918273",null,null,null,"1990-04-01","male",false,"C17"]]"#).is_err());
/// ```
pub fn from_str_objects_only<'de, T: serde::Deserialize<'de>>(
    json: &'de str,
) -> serde_json::Result<T> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = T::deserialize(ObjectsOnly(&mut de))?;
    de.end()?;
    Ok(value)
}

/// Decodes `json` again, tracking the path, to describe why it does not decode.
#[cold]
fn decode_error_with_path(json: &str) -> DecodeError {
    let mut de = serde_json::Deserializer::from_str(json);
    match serde_path_to_error::deserialize::<_, Case>(ObjectsOnly(&mut de)) {
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

/// True when `[`/`{` nest deeper than `limit` outside strings. One pass, no allocation; malformed JSON is left
/// for the parser to report.
fn nesting_depth_exceeds(json: &[u8], limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &c in json {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
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
    let unknown = unknown_field(&e.inner().to_string());
    let path = redact_path(e.path(), unknown.as_deref());
    from_json_error(path, e.inner())
}

/// The key named by serde's ``unknown field `key`, …`` message.
fn unknown_field(msg: &str) -> Option<String> {
    let rest = msg.strip_prefix("unknown field `")?;
    // The key itself may contain a backtick: the message continues with "`, expected" or "`, there are".
    let end = rest
        .rfind("`, expected")
        .or_else(|| rest.rfind("`, there are"))?;
    rest.get(..end).map(str::to_owned)
}

/// The path of a decode error, without input values: an unknown key at the end (the cause of the error) is
/// dropped, and any other key that is not a key of the format ([`is_format_key`]) is shown as `?`. Trailing
/// unnamed segments (a key being read) are dropped: the path ends at the last named field or index.
fn redact_path(path: &serde_path_to_error::Path, unknown: Option<&str>) -> String {
    use serde_path_to_error::Segment;
    let mut segments: Vec<&Segment> = path.iter().collect();
    while segments
        .last()
        .is_some_and(|s| matches!(s, Segment::Unknown))
    {
        segments.pop();
    }
    let mut out = String::new();
    for (i, segment) in segments.iter().enumerate() {
        let key = match segment {
            Segment::Seq { index } => {
                out.push_str(&format!("[{index}]"));
                continue;
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if i + 1 == segments.len() && unknown == Some(key.as_str()) {
                    continue;
                }
                if is_format_key(key) {
                    key.as_str()
                } else {
                    "?"
                }
            }
            Segment::Unknown => "?",
        };
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(key);
    }
    out
}

/// The keys of the format that are not struct fields: the need areas, keys of `needs` and `section_answers`.
/// A path names only these and the fields of the format, `interchange/format_keys.txt` (generated from the schema
/// by `cargo run -p schema-gen`, one name a line, checked by `cargo test -p schema-gen`); any other
/// key — it is input, and may be a name or an identifier — is shown as `?`.
const MAP_KEYS: &[&str] = &[
    "accommodation",
    "education_training_employability",
    "relationships",
    "lifestyle_associates",
    "drug_misuse",
    "alcohol_misuse",
    "thinking_behaviour",
    "attitudes",
    "financial_management",
    "emotional_wellbeing",
];

fn is_format_key(key: &str) -> bool {
    include_str!("interchange/format_keys.txt")
        .lines()
        .any(|k| k == key)
        || MAP_KEYS.contains(&key)
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
            path,
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
    // The input value sits between the prefix and the *last* ", expected" (the value itself may contain that
    // text; serde's own "expected …" descriptions never do).
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            let (found, expected) = rest.rsplit_once(", expected").unwrap_or((rest, ""));
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
        let expected = rest.rsplit_once(", expected").map(|(_, e)| e).unwrap_or("");
        return format!("unknown variant, expected{expected}");
    }
    // An unknown key is input, and may be personal (a name or CRN used as a key): drop it.
    if let Some(key) = unknown_field(msg) {
        let rest = msg
            .get("unknown field `".len() + key.len() + 1..)
            .unwrap_or("");
        return format!("unknown field{rest}");
    }
    // Missing and duplicate fields: keep the name when it is a key of the format (serde's derive only reports
    // known fields, but a hand-written deserializer may report any key).
    for prefix in ["missing field `", "duplicate field `"] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            let key = rest.strip_suffix('`').unwrap_or(rest);
            return if is_format_key(key) {
                msg.to_owned()
            } else {
                prefix.trim_end_matches(" `").to_owned()
            };
        }
    }
    // Custom messages of other crates may quote the offending input after "found" (uuid: "found `X` at 0").
    if let Some(i) = msg.find("found `") {
        let head = msg.get(..i).unwrap_or("");
        return format!("{head}found an unexpected character");
    }
    // Anything else comes from this crate's own errors, chrono or serde_json's syntax errors, which never quote
    // input; strip quoted text defensively all the same.
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
            let read = read_line(&mut self.reader, &mut self.buf, MAX_CASE_BYTES + 1);
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

/// Appends to `buf` the bytes up to and including the next `\n`, but no more than `limit` bytes in all; returns
/// how many were read (0 at the end of the input). `read_until` with `take` did the same, but finds the line end
/// a word at a time; `memchr` uses SIMD, which the CLI's path (`read_jsonl`) notices at ~2 KB a case.
fn read_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<usize> {
    let room = limit.saturating_sub(buf.len());
    each_line_chunk(r, room, |chunk| buf.extend_from_slice(chunk))
}

/// Consumes the rest of the current line without holding it.
fn skip_line<R: BufRead>(r: &mut R) -> std::io::Result<()> {
    each_line_chunk(r, usize::MAX, |_| {}).map(|_| ())
}

/// Consumes input up to and including the next `\n`, at most `limit` bytes, handing each buffered chunk to
/// `chunk`; returns how many bytes were consumed.
fn each_line_chunk<R: BufRead>(
    r: &mut R,
    limit: usize,
    mut chunk: impl FnMut(&[u8]),
) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let window = available
            .get(..available.len().min(limit - read))
            .unwrap_or_default();
        if window.is_empty() {
            return Ok(read);
        }
        let (used, done) = match memchr::memchr(b'\n', window) {
            Some(i) => (i + 1, true),
            None => (window.len(), false),
        };
        chunk(window.get(..used).unwrap_or_default());
        r.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
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
    fn nesting_is_counted_outside_strings_only() {
        let cases: [(&str, usize, bool); 6] = [
            ("[[[]]]", 3, false),
            ("[[[[]]]]", 3, true),
            (r#"{"a":"[[[[[[","b":{}}"#, 2, false),
            (r#"{"a":"\"[[[[","b":{}}"#, 2, false),
            (r#"{"a":"\\"}[[["#, 2, true),
            ("]]]][[", 2, false),
        ];
        for (json, limit, want) in cases {
            assert_eq!(
                nesting_depth_exceeds(json.as_bytes(), limit),
                want,
                "{json}"
            );
        }
    }

    #[test]
    fn format_keys_exclude_identifiers_and_names() {
        for k in ["x320741", "marguerite", "Person", "", "a.b", "2004", "élan"] {
            assert!(!is_format_key(k), "{k}");
        }
    }

    /// Every key of a case with every field set is a format key, so paths name them (a field added to the
    /// model would show as `?` if `format_keys.txt` were stale or a map key were missing from `MAP_KEYS`).
    #[test]
    fn format_keys_cover_every_field() {
        let json = r#"{"schema_version":1,"case_id":"123e4567-e89b-12d3-a456-426614174000",
          "person":{"crn":"X320741","pnc":"2004/0012345D","prison_number":"G4721KD",
            "name":{"given":"A","family":"B"},"date_of_birth":"1990-04-01","sex":"female",
            "foreign_national_liable_to_deportation":true,"home_area":"C17"},
          "provider":"C17",
          "events":[
            {"offence_date":"2016-01-04","conviction_date":"2016-02-01","sentence_date":"2016-03-01",
             "allocation_date":"2016-03-02","termination_date":"2017-03-01",
             "sentence":{"type":"community_order","length":{"years":1,"months":1,"weeks":1,"days":1},
               "requirements":[{"kind":"curfew","hours":1,"days":1,"hours_per_day":8,"days_per_week":5,
                 "length":{"months":3},"terminated":"2016-05-01"}]}},
            {"offence_date":"2016-01-04","sentence_date":"2016-03-01",
             "sentence":{"type":"suspended_sentence_order","custodial_term":{"months":6},
               "operational_period":{"months":12},"supervision_period":{"months":12},"requirements":[]}},
            {"offence_date":"2016-01-04","sentence_date":"2016-03-01",
             "sentence":{"type":"custody","length":{"months":6},"kind":"extended","remand_days":1,
               "tagged_bail_days":1,"release_date":"2016-05-01"}}],
          "registrations":[{"code":"MAPP","level":"M1","category":"M2","registered":"2016-03-01",
            "deregistered":"2016-04-01"}],
          "assessments":[{"date":"2016-02-15","kind":"san","rsr":1.0,"ogrs":2.0,
            "rosh":{"children":"low","public":"low","known_adult":"low","staff":"low","prisoners":"low"},
            "needs":{"accommodation":"severe"},"section_answers":{"attitudes":["yes",null]},
            "womens_factors":{"parenting_responsibilities":true,"impulsivity":1,"temper_control":1,
              "breach_or_recall_last_12_months":true}}],
          "contacts":[{"date":"2016-03-07","kind":"appointment","outcome":"attended","event":0}],
          "enforcement":[{"date":"2016-03-08","kind":"warning","event":0}]}"#;
        let case = decode_case(json).unwrap();
        let value = serde_json::to_value(&case).unwrap();
        let mut keys = Vec::new();
        collect_keys(&value, &mut keys);
        for area in crate::model::NeedArea::ALL {
            keys.push(
                serde_json::to_value(area)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        let missing: Vec<_> = keys.iter().filter(|k| !is_format_key(k)).collect();
        assert!(missing.is_empty(), "not format keys: {missing:?}");
    }

    fn collect_keys(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    out.push(k.clone());
                    collect_keys(v, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| collect_keys(v, out)),
            _ => {}
        }
    }

    #[test]
    fn syntax_errors_keep_their_field_path_and_redact_values() {
        let err = decode_case(r#"{"schema_version":1,"person":{"crn":"X320741","sex":true}}"#)
            .unwrap_err();
        assert_eq!(err.path(), "person.sex");
        assert!(matches!(err, DecodeError::Syntax { .. }));
        let err = decode_case(r#"{"schema_version":1,"case_id":"X320741"}"#).unwrap_err();
        assert_eq!(err.path(), "case_id");
        assert!(!err.to_string().contains('X'), "{err}");
    }

    /// Every field of the schema is named in a path, also those added after the hand-kept key list of old
    /// (which had no `criminal_history` and showed such a path as `?.?`).
    #[test]
    fn fields_of_the_schema_are_named_in_paths() {
        let err = decode_case(
            r#"{"schema_version":1,"person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male",
              "home_area":"C17"},"criminal_history":{"total_sanctions":"x"}}"#,
        )
        .unwrap_err();
        assert_eq!(err.path(), "criminal_history.total_sanctions");
        for k in [
            "criminal_history",
            "bookings",
            "actuarial_category",
            "dynamic_answers",
            "key_dates",
        ] {
            assert!(is_format_key(k), "{k}");
        }
    }

    /// Structs are read from objects only, at every level and on both paths (issue 12, item 2): serde's derive
    /// would take an array's elements as the fields in order.
    #[test]
    fn arrays_are_never_read_as_structs() {
        let person =
            r#"{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"}"#;
        let co = r#"{"type":"community_order","length":{"months":12},"requirements":[{"kind":"unpaid_work","hours":120}]}"#;
        let event = format!(
            r#"{{"offence_date":"2016-01-04","sentence_date":"2016-03-01","sentence":{co}}}"#
        );
        let case = |person: &str, events: &str| {
            format!(r#"{{"schema_version":1,"person":{person},"events":{events}}}"#)
        };
        assert!(decode_case(&case(person, &format!("[{event}]"))).is_ok());
        let cases = [
            (
                r#"[1,null,["K918273",null,null,null,"1990-04-01","male",false,"C17"]]"#.to_owned(),
                "",
            ),
            (
                case(
                    r#"["X320741",null,null,null,"1990-04-01","male",false,"C17"]"#,
                    "[]",
                ),
                "person",
            ),
            (
                case(
                    &person.replace(r#""home_area""#, r#""name":["A","B"],"home_area""#),
                    "[]",
                ),
                "person.name",
            ),
            (
                case(person, r#"[["2016-01-04",null,"2016-03-01"]]"#),
                "events[0]",
            ),
            (
                case(
                    person,
                    &format!(
                        "[{}]",
                        event.replace(co, r#"["community_order",{"months":12}]"#)
                    ),
                ),
                "events[0].sentence",
            ),
            (
                case(
                    person,
                    &format!("[{}]", event.replace(r#"{"months":12}"#, "[0,12]")),
                ),
                "events[0].sentence.length",
            ),
            // `type` not first: the sentence is buffered and its fields read from the buffer, whose errors are
            // reported at the sentence.
            (
                case(
                    person,
                    &format!(
                        "[{}]",
                        event.replace(co, r#"{"length":[0,12],"type":"community_order"}"#)
                    ),
                ),
                "events[0].sentence",
            ),
            (
                case(
                    person,
                    &format!(
                        "[{}]",
                        event.replace(
                            r#"{"kind":"unpaid_work","hours":120}"#,
                            r#"["unpaid_work",120]"#
                        )
                    ),
                ),
                "events[0].sentence.requirements[0]",
            ),
            (
                format!(
                    r#"{{"schema_version":1,"person":{person},"registrations":[["MAPP","M2","M2","2016-03-01"]]}}"#
                ),
                "registrations[0]",
            ),
            (
                format!(
                    r#"{{"schema_version":1,"person":{person},"assessments":[{{"date":"2016-02-15","rosh":["low"]}}]}}"#
                ),
                "assessments[0].rosh",
            ),
            (
                format!(
                    r#"{{"schema_version":1,"person":{person},"contacts":[["2016-03-07","appointment","attended"]]}}"#
                ),
                "contacts[0]",
            ),
        ];
        for (json, path) in cases {
            assert!(fast::decode::<Case>(&json).is_none(), "fast path: {json}");
            let err = decode_case(&json).unwrap_err();
            assert!(matches!(err, DecodeError::Schema { .. }), "{json}: {err:?}");
            assert_eq!(err.path(), path, "{json}");
            assert!(
                err.detail()
                    .starts_with("invalid type: sequence, expected "),
                "{err}"
            );
            assert!(
                !err.to_string().contains("X320741") && !err.to_string().contains("1990"),
                "{err}"
            );
        }
    }

    #[test]
    fn lines_are_read_across_buffer_refills_and_stop_at_the_limit() {
        let input = b"ab\ncdefgh\n\nij";
        let mut r = std::io::BufReader::with_capacity(3, &input[..]);
        let mut lines = Vec::new();
        loop {
            let mut buf = Vec::new();
            if read_line(&mut r, &mut buf, 5).unwrap() == 0 {
                break;
            }
            lines.push(String::from_utf8(buf).unwrap());
        }
        // "cdefgh\n" is cut at 5 bytes; the rest of it is read as the next call's bytes.
        assert_eq!(lines, ["ab\n", "cdefg", "h\n", "\n", "ij"]);
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
