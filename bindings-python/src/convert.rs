//! Conversions between Python objects and the JSON interchange form of core's types.
//!
//! Python → JSON ([`to_json_text`]) writes JSON text from dicts (in their own key order, so core's decoder sees
//! what a JSON file would hold and reports the same path), lists, tuples, strings, numbers, booleans, `None`,
//! `datetime.date` (→ ISO string) and `enum.Enum` members (→ their value), with core's nesting limit
//! ([`MAX_NESTING_DEPTH`]) and a size budget equal to core's [`MAX_CASE_BYTES`], so a hostile object fails with
//! a typed error, never a crash. A value JSON cannot hold (a `datetime`, NaN, an arbitrary object, a non-string
//! key) is written as `null` and remembered ([`Refused`]); the caller decides how to report it, and a path is
//! only ever built from the format's own names ([`safe_path`]): a dictionary key is untrusted input and may be
//! personal data.
//! JSON → Python ([`to_py`]) turns ISO date strings into `datetime.date` when asked.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::Value;

use probation_core::interchange::{DecodeError, MAX_CASE_BYTES, MAX_NESTING_DEPTH};

use crate::errors::Error;

/// One step of a path into a Python object.
#[derive(Debug, Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

/// The first value JSON could not hold: where, and what it was (a fixed message: never the value).
#[derive(Debug, Clone)]
pub(crate) struct Refused {
    path: Vec<Segment>,
    pub(crate) message: &'static str,
}

impl Refused {
    /// The path, with every key that is not one of the formats' own names replaced by `?`.
    pub(crate) fn path(&self) -> String {
        safe_path(&self.path)
    }
}

/// Every name the interchange formats use: the case schema's field names, constants and enum values, the need
/// areas (map keys), and the field names of both policies' presets. Read from core, not restated.
fn known_names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        fn collect(v: &Value, out: &mut HashSet<String>) {
            match v {
                Value::Object(m) => {
                    for (k, x) in m {
                        if let (true, Value::Object(p)) = (k == "properties", x) {
                            out.extend(p.keys().cloned());
                        }
                        if k == "const" || k == "enum" {
                            for s in std::iter::once(x).chain(x.as_array().into_iter().flatten()) {
                                if let Some(s) = s.as_str() {
                                    out.insert(s.to_owned());
                                }
                            }
                        }
                        collect(x, out);
                    }
                }
                Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
                _ => {}
            }
        }
        fn keys(v: &Value, out: &mut HashSet<String>) {
            match v {
                Value::Object(m) => {
                    for (k, x) in m {
                        out.insert(k.clone());
                        keys(x, out);
                    }
                }
                Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
                _ => {}
            }
        }
        let mut out = HashSet::new();
        let schema: Value =
            serde_json::from_str(include_str!("../../schema/case.schema.json")).unwrap_or_default();
        collect(&schema, &mut out);
        for area in probation_core::model::NeedArea::ALL {
            if let Ok(Value::String(s)) = serde_json::to_value(area) {
                out.insert(s);
            }
        }
        use probation_core::{allocation::AllocationPolicy, contact::ContactPolicy};
        for name in AllocationPolicy::PRESETS {
            if let Ok(p) = AllocationPolicy::preset(name) {
                keys(&serde_json::to_value(&p).unwrap_or_default(), &mut out);
            }
        }
        for name in ContactPolicy::PRESETS {
            if let Ok(p) = ContactPolicy::preset(name) {
                keys(&serde_json::to_value(&p).unwrap_or_default(), &mut out);
            }
        }
        out
    })
}

/// A path in core's notation (`events[0].sentence.length`); a key that is not a format name is `?`.
fn safe_path(path: &[Segment]) -> String {
    let known = known_names();
    let mut s = String::new();
    for seg in path {
        match seg {
            Segment::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(if known.contains(k) { k } else { "?" });
            }
            Segment::Index(i) => {
                let _ = write!(s, "[{i}]");
            }
        }
    }
    s
}

struct Walker {
    budget: usize,
    out: String,
    path: Vec<Segment>,
    refused: Option<Refused>,
}

impl Walker {
    fn spend(&mut self, n: usize) -> Result<(), Error> {
        self.budget = self
            .budget
            .checked_sub(n)
            .ok_or(Error::Decode(DecodeError::TooLarge {
                limit: MAX_CASE_BYTES,
            }))?;
        Ok(())
    }

    /// Remembers the first value JSON cannot hold and writes `null` in its place.
    fn refuse(&mut self, message: &'static str) {
        if self.refused.is_none() {
            self.refused = Some(Refused {
                path: self.path.clone(),
                message,
            });
        }
        self.out.push_str("null");
    }

    fn string(&mut self, s: &str) -> Result<(), Error> {
        self.spend(s.len())?;
        let quoted = serde_json::to_string(s).map_err(|_| Error::Internal)?;
        self.out.push_str(&quoted);
        Ok(())
    }

    fn walk(&mut self, obj: &Bound<'_, PyAny>, depth: usize) -> Result<(), Error> {
        // `depth` counts from 0 for the document; core counts the document as level 1.
        if depth >= MAX_NESTING_DEPTH {
            return Err(Error::Decode(DecodeError::TooDeep {
                limit: MAX_NESTING_DEPTH,
            }));
        }
        self.spend(4)?;
        if obj.is_none() {
            self.out.push_str("null");
            return Ok(());
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            self.out
                .push_str(if b.is_true() { "true" } else { "false" });
            return Ok(());
        }
        if obj.is_instance_of::<PyInt>() {
            if let Ok(v) = obj.extract::<i64>() {
                let _ = write!(self.out, "{v}");
            } else if let Ok(v) = obj.extract::<u64>() {
                let _ = write!(self.out, "{v}");
            } else {
                self.refuse("integer out of range");
            }
            return Ok(());
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            match serde_json::Number::from_f64(f.value()) {
                Some(n) => {
                    let _ = write!(self.out, "{n}");
                }
                None => self.refuse("number must be finite (not nan or infinity)"),
            }
            return Ok(());
        }
        if let Ok(s) = obj.cast::<PyString>() {
            match s.to_str() {
                Ok(s) => self.string(s)?,
                Err(_) => self.refuse("string is not valid unicode"),
            }
            return Ok(());
        }
        if obj.is_instance_of::<PyDateTime>() {
            self.refuse("expected a date, found a datetime");
            return Ok(());
        }
        if let Ok(d) = obj.cast::<PyDate>() {
            match d.extract::<NaiveDate>() {
                Ok(date) => {
                    let _ = write!(self.out, "\"{}\"", date.format("%Y-%m-%d"));
                }
                Err(_) => self.refuse("date out of range"),
            }
            return Ok(());
        }
        if let Ok(dict) = obj.cast::<PyDict>() {
            self.out.push('{');
            let mut first = true;
            for (k, v) in dict.iter() {
                let Some(key) = k
                    .cast::<PyString>()
                    .ok()
                    .and_then(|k| k.to_str().ok().map(str::to_owned))
                else {
                    // The entry is left out: the path names the object that holds it.
                    if self.refused.is_none() {
                        self.refused = Some(Refused {
                            path: self.path.clone(),
                            message: "object keys must be strings",
                        });
                    }
                    continue;
                };
                if !first {
                    self.out.push(',');
                }
                first = false;
                self.string(&key)?;
                self.out.push(':');
                self.path.push(Segment::Key(key));
                self.walk(&v, depth + 1)?;
                self.path.pop();
            }
            self.out.push('}');
            return Ok(());
        }
        if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            self.out.push('[');
            let items = obj.try_iter().map_err(|_| Error::Internal)?;
            for (i, item) in items.enumerate() {
                if i > 0 {
                    self.out.push(',');
                }
                self.path.push(Segment::Index(i));
                match item {
                    Ok(item) => self.walk(&item, depth + 1)?,
                    Err(_) => self.refuse("iteration failed"),
                }
                self.path.pop();
            }
            self.out.push(']');
            return Ok(());
        }
        if is_enum(obj) {
            return match obj.getattr("value") {
                Ok(value) => self.walk(&value, depth + 1),
                Err(_) => {
                    self.refuse("enum member without a value");
                    Ok(())
                }
            };
        }
        // The type's name is not echoed: it is the caller's code, and may say anything.
        self.refuse("unsupported value (expected dict, list, str, int, float, bool, None, datetime.date or an enum member)");
        Ok(())
    }
}

fn is_enum(obj: &Bound<'_, PyAny>) -> bool {
    let py = obj.py();
    static ENUM: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> = pyo3::sync::PyOnceLock::new();
    ENUM.import(py, "enum", "Enum")
        .is_ok_and(|cls| obj.is_instance(cls).unwrap_or(false))
}

/// Writes a Python object (a dict of an interchange format) as JSON text, in the dicts' own key order; the
/// first value JSON cannot hold is written as `null` and returned beside the text.
pub(crate) fn to_json_text(obj: &Bound<'_, PyAny>) -> Result<(String, Option<Refused>), Error> {
    let mut w = Walker {
        budget: MAX_CASE_BYTES,
        out: String::new(),
        path: Vec::new(),
        refused: None,
    };
    w.walk(obj, 0)?;
    Ok((w.out, w.refused))
}

/// A Python object as a JSON value (for small arguments such as a manager override); a value JSON cannot hold
/// is an input error at a path of format names only.
pub(crate) fn to_json(obj: &Bound<'_, PyAny>) -> Result<Value, Error> {
    let (text, refused) = to_json_text(obj)?;
    if let Some(r) = refused {
        return Err(Error::Input {
            path: r.path(),
            message: r.message.to_owned(),
        });
    }
    serde_json::from_str(&text).map_err(|_| Error::Internal)
}

/// The date a string holds when it is exactly an ISO `YYYY-MM-DD` date.
fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A `datetime.date`.
pub(crate) fn py_date<'py>(py: Python<'py>, d: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
    let month = u8::try_from(d.month()).unwrap_or(1);
    let day = u8::try_from(d.day()).unwrap_or(1);
    Ok(PyDate::new(py, d.year(), month, day)?.into_any())
}

/// Converts JSON to Python objects; with `dates`, ISO date strings become `datetime.date`.
pub(crate) fn to_py<'py>(py: Python<'py>, v: &Value, dates: bool) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => match iso_date(s).filter(|_| dates) {
            Some(d) => py_date(py, d)?,
            None => PyString::new(py, s).into_any(),
        },
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item, dates)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, to_py(py, item, dates)?)?;
            }
            dict.into_any()
        }
    })
}

/// Serialises a core result and converts it to Python (dates as `datetime.date`).
pub(crate) fn result_to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    v: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(v).map_err(|_| Error::Internal)?;
    to_py(py, &value, true)
}

/// The JSON text of a policy given as a dict (`from_dict` of either policy class). A value that has no JSON form
/// is a policy error with `code`: the code the policy's own field errors use (`policy` for contact policies,
/// `invalid` for allocation policies, following their core error types), at a path of format names only.
pub(crate) fn policy_json_from_dict(
    data: &Bound<'_, PyAny>,
    code: &'static str,
) -> Result<String, Error> {
    let (text, refused) = to_json_text(data)?;
    match refused {
        None => Ok(text),
        Some(r) => Err(Error::Policy {
            code,
            path: r.path(),
            message: r.message.to_owned(),
        }),
    }
}

/// A policy as a dict (`to_dict` of either policy class); dates as `datetime.date` when `dates`.
pub(crate) fn policy_to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    policy: &T,
    dates: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(policy).map_err(|_| Error::Internal)?;
    to_py(py, &value, dates)
}

/// A policy as JSON text (`to_json` of either policy class).
pub(crate) fn policy_to_json<T: serde::Serialize>(policy: &T) -> Result<String, Error> {
    serde_json::to_string(policy).map_err(|_| Error::Internal)
}

/// A date argument (`on`, `as_of`, a calendar date): a `datetime.date`, never a `datetime.datetime` (a subclass
/// of `date` whose time would be silently dropped, and which `Case.from_dict` refuses too). A `TypeError`
/// naming the argument otherwise.
pub(crate) fn date_arg(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
    if obj.is_instance_of::<PyDateTime>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "argument '{name}': expected a datetime.date, found a datetime.datetime (pass .date() to drop the time)"
        )));
    }
    if !obj.is_instance_of::<PyDate>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "argument '{name}': expected a datetime.date"
        )));
    }
    obj.extract::<NaiveDate>().map_err(|_| {
        pyo3::exceptions::PyValueError::new_err(format!("argument '{name}': date out of range"))
    })
}
