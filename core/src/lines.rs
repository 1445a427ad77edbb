//! JSON Lines in, JSON Lines out: the per-line decide-and-encode loops the `probation` command and the bindings'
//! byte paths share (Kotlin's `Engine.tierJsonLines`, …; docs/kotlin.md).
//!
//! Every input line that is not blank gets exactly one output line, in order: the result
//! `{"line", "crn", "<key>": result}` or an error line `{"line", "error": {"kind", "path", "message"}}`. An
//! error line names the field path and never quotes a value from the input. An [`Engine`] holds what is built
//! once (the allocation and contact policies, the calendar, the release options) and is immutable, so one
//! can serve many threads.
//!
//! ```
//! use probation_core::lines::Engine;
//! let engine = Engine::default();
//! let out = engine.tier_lines(b"{}\nnot json\n", None);
//! let text = String::from_utf8(out).unwrap();
//! assert_eq!(text.lines().count(), 2);
//! assert!(text.lines().all(|l| l.contains("\"error\"")));
//! ```

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Value, json};

use crate::allocation::{AllocationPolicy, allocate};
use crate::calendar::Calendar;
use crate::contact::{ContactPolicy, schedule};
use crate::interchange::{DecodeError, read_jsonl};
use crate::model::{Booking, Case};
use crate::release::{ReleaseOptions, release_dates};
use crate::sentence::sentence_dates;
use crate::validate::validate;

/// What one case came to: its output line, or its error line.
pub type LineResult = Result<Value, Value>;

/// One error line: kind, field path, message (never a value from the input).
#[must_use]
pub fn error_line(line: usize, kind: &str, path: &str, message: &str) -> Value {
    json!({"line": line, "error": {"kind": kind, "path": path, "message": message}})
}

/// One result line `{"line", "crn", key: value}`.
pub fn result_line<T: Serialize>(line: usize, case: &Case, key: &str, value: &T) -> LineResult {
    let value = serde_json::to_value(value)
        .map_err(|_| error_line(line, "internal", "", "result could not be encoded"))?;
    let mut m = serde_json::Map::new();
    m.insert("line".to_owned(), json!(line));
    m.insert("crn".to_owned(), json!(case.person.crn));
    m.insert(key.to_owned(), value);
    Ok(Value::Object(m))
}

/// A decoded line checked against the validation rules: the case, or its error line (the first issue's path
/// and message). A read error (only from a reader that can fail) is an error line of kind `io`.
pub fn checked(number: usize, case: Result<Case, DecodeError>) -> Result<Case, Value> {
    match case {
        Err(DecodeError::Io(_)) => Err(error_line(number, "io", "", "read failed")),
        Err(e) => Err(error_line(number, "decode", e.path(), &e.to_string())),
        Ok(case) => match validate(&case) {
            Ok(()) => Ok(case),
            Err(errs) => {
                let first = errs.0.first();
                Err(error_line(
                    number,
                    "invalid",
                    first.map_or("", |i| i.path.as_str()),
                    first.map_or("invalid case", |i| i.rule.message()),
                ))
            }
        },
    }
}

/// The newest sentence date of a case, the default decision date.
#[must_use]
pub fn newest_sentence_date(case: &Case) -> Option<NaiveDate> {
    case.events.iter().map(|e| e.sentence_date).max()
}

/// Runs `f` on the decision date: `on`, else the case's newest sentence date; a case with neither is an error
/// line (`no_date`).
pub fn dated(
    number: usize,
    case: &Case,
    on: Option<NaiveDate>,
    f: impl FnOnce(usize, &Case, NaiveDate) -> LineResult,
) -> LineResult {
    match on.or_else(|| newest_sentence_date(case)) {
        None => Err(error_line(
            number,
            "no_date",
            "events",
            "case has no event: give a decision date",
        )),
        Some(on) => f(number, case, on),
    }
}

/// The custodial bookings of a case with where each comes from: its `bookings` (`bookings[i]`), then each
/// custody event in the single-sentence form (`events[j]`) that no booking names in its `event`.
#[must_use]
pub fn bookings(case: &Case) -> Vec<(String, Booking)> {
    let mut out: Vec<(String, Booking)> = case
        .bookings
        .iter()
        .enumerate()
        .map(|(i, b)| (format!("bookings[{i}]"), b.clone()))
        .collect();
    let linked = |i: usize| {
        case.bookings.iter().any(|b| {
            b.event
                .is_some_and(|e| usize::try_from(e).is_ok_and(|e| e == i))
        })
    };
    for (i, e) in case.events.iter().enumerate() {
        if linked(i) {
            // A booking names this event: its dates are that booking's, not the single-sentence form's.
            continue;
        }
        if let Some(b) = Booking::from_event(e) {
            out.push((format!("events[{i}]"), b));
        }
    }
    out
}

/// Decodes and validates every line of `input` (blank lines skipped) and writes what `f` makes of each valid
/// case, or the line's error line, as one JSON line each.
pub fn map_lines(input: &[u8], mut f: impl FnMut(usize, &Case) -> LineResult) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    for line in read_jsonl(input) {
        let value = match checked(line.number, line.case) {
            Ok(case) => f(line.number, &case),
            Err(e) => Err(e),
        };
        let value = value.unwrap_or_else(|e| e);
        // Writing a `Value` into a `Vec` cannot fail; a failure would drop only this line's bytes.
        if serde_json::to_writer(&mut out, &value).is_ok() {
            out.push(b'\n');
        }
    }
    out
}

/// The policies, calendar and options every case of a run is decided with, built once.
#[derive(Debug, Clone)]
pub struct Engine {
    /// Allocation policy (`allocate`).
    pub allocation: AllocationPolicy,
    /// Contact policy (`schedule`).
    pub contact: ContactPolicy,
    /// Working-day calendar (allocation deadlines, schedules, release dates).
    pub calendar: Calendar,
    /// Release-date options (`dates`).
    pub release: ReleaseOptions,
}

impl Default for Engine {
    /// The `default` allocation policy, the `ps2021` contact policy, the England & Wales calendar and the law in
    /// force on each calculation date: what the `probation` command uses when given no options.
    fn default() -> Self {
        Engine {
            allocation: AllocationPolicy::default(),
            contact: crate::contact::presets::ps2021(),
            calendar: Calendar::england_and_wales(),
            release: ReleaseOptions::default(),
        }
    }
}

impl Engine {
    /// The 2021 tier of one case on `on` (else its newest sentence date): `{"line", "crn", "tier"}`.
    pub fn tier(&self, number: usize, case: &Case, on: Option<NaiveDate>) -> LineResult {
        dated(
            number,
            case,
            on,
            |number, case, on| match crate::tier::tier(case, on) {
                Ok(t) => result_line(number, case, "tier", &t),
                Err(e) => Err(error_line(number, e.kind(), e.path(), &e.to_string())),
            },
        )
    }

    /// The allocation of one case on `on` (else its newest sentence date): `{"line", "crn", "allocation"}`.
    pub fn allocate(&self, number: usize, case: &Case, on: Option<NaiveDate>) -> LineResult {
        dated(number, case, on, |number, case, on| {
            match allocate(case, on, &self.allocation, &self.calendar) {
                Ok(a) => result_line(number, case, "allocation", &a),
                Err(e) => Err(error_line(number, e.kind(), e.path(), &e.to_string())),
            }
        })
    }

    /// The contact schedule of one case: `{"line", "crn", "schedule"}`.
    pub fn schedule(&self, number: usize, case: &Case) -> LineResult {
        match schedule(case, &self.contact, &self.calendar) {
            Ok(s) => result_line(number, case, "schedule", &s),
            Err(e) => Err(error_line(number, e.code(), &e.path(), &e.to_string())),
        }
    }

    /// The key dates of one case, the release dates calculated on `on`: `{"line", "crn", "case_id", "events":
    /// [sentence dates of each event, with "event"], "bookings": [release dates of each custodial booking with
    /// "source", or {"source", "error": {"kind", "field", "reason"}}]}`. An event whose dates cannot be
    /// calculated makes the line an error line naming `events[i].<field>`.
    pub fn dates(&self, number: usize, case: &Case, on: NaiveDate) -> LineResult {
        let internal = || error_line(number, "internal", "", "result could not be encoded");
        let mut events = Vec::with_capacity(case.events.len());
        for (i, event) in case.events.iter().enumerate() {
            let d = sentence_dates(&case.person, event).map_err(|e| {
                let path = format!("events[{i}].{}", e.field());
                error_line(number, e.code(), &path, &e.to_string())
            })?;
            let mut v = serde_json::to_value(&d).map_err(|_| internal())?;
            if let Value::Object(m) = &mut v {
                m.insert("event".to_owned(), json!(i));
            }
            events.push(v);
        }
        let mut booked = Vec::new();
        for (source, b) in bookings(case) {
            booked.push(
                match release_dates(&case.person, &b, on, &self.release, &self.calendar) {
                    Ok(d) => {
                        let mut v = serde_json::to_value(&d).map_err(|_| internal())?;
                        if let Value::Object(m) = &mut v {
                            m.insert("source".to_owned(), json!(source));
                        }
                        v
                    }
                    Err(e) => json!({"source": source, "error":
                        {"kind": e.code(), "field": e.field(), "reason": e.reason()}}),
                },
            );
        }
        Ok(json!({
            "line": number,
            "crn": case.person.crn,
            "case_id": case.case_id,
            "events": events,
            "bookings": booked,
        }))
    }

    /// [`Engine::tier`] over every line of `input`.
    #[must_use]
    pub fn tier_lines(&self, input: &[u8], on: Option<NaiveDate>) -> Vec<u8> {
        map_lines(input, |n, c| self.tier(n, c, on))
    }

    /// [`Engine::allocate`] over every line of `input`.
    #[must_use]
    pub fn allocate_lines(&self, input: &[u8], on: Option<NaiveDate>) -> Vec<u8> {
        map_lines(input, |n, c| self.allocate(n, c, on))
    }

    /// [`Engine::schedule`] over every line of `input`.
    #[must_use]
    pub fn schedule_lines(&self, input: &[u8]) -> Vec<u8> {
        map_lines(input, |n, c| self.schedule(n, c))
    }

    /// [`Engine::dates`] over every line of `input`.
    #[must_use]
    pub fn dates_lines(&self, input: &[u8], on: NaiveDate) -> Vec<u8> {
        map_lines(input, |n, c| self.dates(n, c, on))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]
    use super::*;

    fn parsed(out: &[u8]) -> Vec<Value> {
        std::str::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn caseload(n: usize) -> Vec<u8> {
        let mut input = Vec::new();
        for case in crate::synth::generate(7, n) {
            serde_json::to_writer(&mut input, &case).unwrap();
            input.extend_from_slice(b"\n\n");
        }
        input
    }

    #[test]
    fn one_output_line_per_non_blank_input_line_in_order() {
        let engine = Engine::default();
        let mut input = caseload(3);
        input.extend_from_slice(b"{\"person\": 1}\n\xff\xfe\n");
        let on = NaiveDate::from_ymd_opt(2024, 6, 1);
        for out in [
            engine.tier_lines(&input, on),
            engine.allocate_lines(&input, on),
            engine.schedule_lines(&input),
            engine.dates_lines(&input, on.unwrap()),
        ] {
            let lines = parsed(&out);
            assert_eq!(lines.len(), 5);
            let numbers: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
            assert_eq!(numbers, [1, 3, 5, 7, 8]);
            assert!(
                lines[..3].iter().all(|l| l.get("error").is_none()),
                "{lines:?}"
            );
            assert_eq!(lines[3]["error"]["kind"], "decode");
            assert_eq!(lines[3]["error"]["path"], "person");
            assert_eq!(lines[4]["error"]["kind"], "decode");
        }
    }

    #[test]
    fn results_are_the_single_calls_results() {
        let engine = Engine::default();
        let on = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let case = crate::synth::generate(7, 1).remove(0);
        let mut input = serde_json::to_vec(&case).unwrap();
        input.push(b'\n');
        let tier = crate::tier::tier(&case, on).unwrap();
        let line = &parsed(&engine.tier_lines(&input, Some(on)))[0];
        assert_eq!(line["tier"], serde_json::to_value(tier).unwrap());
        assert_eq!(line["crn"], json!(case.person.crn));
        let a = allocate(&case, on, &engine.allocation, &engine.calendar).unwrap();
        let line = &parsed(&engine.allocate_lines(&input, Some(on)))[0];
        assert_eq!(line["allocation"], serde_json::to_value(a).unwrap());
    }

    #[test]
    fn a_case_without_events_and_no_date_is_an_error_line() {
        let mut case = crate::synth::generate(7, 1).remove(0);
        case.events.clear();
        let r = Engine::default().tier(1, &case, None);
        assert_eq!(r.unwrap_err()["error"]["kind"], "no_date");
    }

    #[test]
    fn an_invalid_case_names_the_path_without_its_value() {
        let mut case = crate::synth::generate(7, 1).remove(0);
        let secret = "Zebediah-Quux";
        case.person.name = Some(crate::model::PersonName {
            given: secret.to_owned(),
            family: secret.to_owned(),
        });
        let mut v = serde_json::to_value(&case).unwrap();
        v["events"][0]["sentence_date"] = json!("1066-13-45");
        let mut input = serde_json::to_vec(&v).unwrap();
        input.push(b'\n');
        let out = String::from_utf8(Engine::default().tier_lines(&input, None)).unwrap();
        assert!(out.contains("\"error\""), "{out}");
        assert!(!out.contains(secret) && !out.contains("1066"), "{out}");
    }
}
