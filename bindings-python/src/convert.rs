//! Conversions between Python objects and the JSON interchange form of core's types.
//!
//! Python → JSON ([`to_json`]) walks dicts, lists, tuples, strings, numbers, booleans, `None`, `datetime.date`
//! (→ ISO string) and `enum.Enum` members (→ their value), with core's nesting limit ([`MAX_NESTING_DEPTH`]) and
//! a size budget equal to core's [`MAX_CASE_BYTES`], so a hostile object fails with a `DecodeError` naming the path, never a crash.
//! JSON → Python ([`to_py`]) turns ISO date strings into `datetime.date` when asked.

use chrono::{Datelike, NaiveDate};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

use probation_core::interchange::{DecodeError, MAX_CASE_BYTES, MAX_NESTING_DEPTH};

use crate::errors::Error;

struct Walker {
    budget: usize,
}

fn input(path: &str, message: impl Into<String>) -> Error {
    Error::Input {
        path: path.to_owned(),
        message: message.into(),
    }
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

    fn walk(
        &mut self,
        obj: &Bound<'_, PyAny>,
        path: &mut String,
        depth: usize,
    ) -> Result<Value, Error> {
        // `depth` counts from 0 for the document; core counts the document as level 1.
        if depth >= MAX_NESTING_DEPTH {
            return Err(Error::Decode(DecodeError::TooDeep {
                limit: MAX_NESTING_DEPTH,
            }));
        }
        self.spend(4)?;
        if obj.is_none() {
            return Ok(Value::Null);
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Ok(Value::Bool(b.is_true()));
        }
        if obj.is_instance_of::<PyInt>() {
            if let Ok(v) = obj.extract::<i64>() {
                return Ok(Value::from(v));
            }
            if let Ok(v) = obj.extract::<u64>() {
                return Ok(Value::from(v));
            }
            return Err(input(path, "integer out of range"));
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return Number::from_f64(f.value())
                .map(Value::Number)
                .ok_or_else(|| input(path, "number must be finite (not nan or infinity)"));
        }
        if let Ok(s) = obj.cast::<PyString>() {
            let s = s
                .to_str()
                .map_err(|_| input(path, "string is not valid unicode"))?;
            self.spend(s.len())?;
            return Ok(Value::String(s.to_owned()));
        }
        if obj.is_instance_of::<PyDateTime>() {
            return Err(input(path, "expected a date, found a datetime"));
        }
        if let Ok(d) = obj.cast::<PyDate>() {
            let date = d
                .extract::<NaiveDate>()
                .map_err(|_| input(path, "date out of range"))?;
            return Ok(Value::String(date.format("%Y-%m-%d").to_string()));
        }
        if let Ok(dict) = obj.cast::<PyDict>() {
            let mut map = Map::new();
            for (k, v) in dict.iter() {
                let key = k
                    .cast::<PyString>()
                    .map_err(|_| input(path, "object keys must be strings"))?;
                let key = key
                    .to_str()
                    .map_err(|_| input(path, "key is not valid unicode"))?;
                self.spend(key.len())?;
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                let value = self.walk(&v, path, depth + 1)?;
                path.truncate(len);
                map.insert(key.to_owned(), value);
            }
            return Ok(Value::Object(map));
        }
        if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            let mut items = Vec::new();
            for (i, item) in obj
                .try_iter()
                .map_err(|_| input(path, "not iterable"))?
                .enumerate()
            {
                let item = item.map_err(|_| input(path, "iteration failed"))?;
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let value = self.walk(&item, path, depth + 1)?;
                path.truncate(len);
                items.push(value);
            }
            return Ok(Value::Array(items));
        }
        if is_enum(obj) {
            let value = obj
                .getattr("value")
                .map_err(|_| input(path, "enum without a value"))?;
            return self.walk(&value, path, depth + 1);
        }
        let type_name = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "object".to_owned());
        Err(input(
            path,
            format!("unsupported value of type `{type_name}`"),
        ))
    }
}

fn is_enum(obj: &Bound<'_, PyAny>) -> bool {
    let py = obj.py();
    static ENUM: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> = pyo3::sync::PyOnceLock::new();
    ENUM.import(py, "enum", "Enum")
        .is_ok_and(|cls| obj.is_instance(cls).unwrap_or(false))
}

/// Converts a Python object (dict of the interchange format) to JSON.
pub(crate) fn to_json(obj: &Bound<'_, PyAny>) -> Result<Value, Error> {
    let mut w = Walker {
        budget: MAX_CASE_BYTES,
    };
    w.walk(obj, &mut String::new(), 0)
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
/// `invalid` for allocation policies, following their core error types).
pub(crate) fn policy_json_from_dict(
    data: &Bound<'_, PyAny>,
    code: &'static str,
) -> Result<String, Error> {
    let value = to_json(data).map_err(|e| match e {
        Error::Input { path, message } => Error::Policy {
            code,
            path,
            message,
        },
        other => other,
    })?;
    serde_json::to_string(&value).map_err(|_| Error::Internal)
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
