//! The actuarial predictors: OGRS3, ARP and DC-SRP over their own inputs (a dict in the shape of core's
//! `Ogrs3Input`, `ArpInput`, `DcSrpInput`), and everything a case allows on a date (`CasePredictors`).

use pyo3::prelude::*;

use probation_core::predictors::{self as core_predictors, ArpError, DcSrpError, Ogrs3Error};
use serde::de::DeserializeOwned;

use crate::call::on_case;
use crate::case::PyCase;
use crate::convert::{result_to_py, to_json_text};
use crate::errors::Error;
use crate::guard::guard;

/// The path of an input that does not decode, with field names only: serde descends only into fields the input
/// type knows (every predictor input refuses unknown fields and holds no free-keyed map), so every key on the path
/// is a field name, except an unknown key at the end, which is dropped. Enum variants and unnamed segments end it.
fn field_path(e: &serde_path_to_error::Error<serde_json::Error>) -> String {
    use serde_path_to_error::Segment;
    let unknown = e.inner().to_string().starts_with("unknown field");
    let segments: Vec<&Segment> = e.path().iter().collect();
    let keep = segments
        .iter()
        .position(|s| matches!(s, Segment::Enum { .. } | Segment::Unknown))
        .unwrap_or(segments.len());
    let keep = if unknown && keep == segments.len() {
        keep.saturating_sub(1)
    } else {
        keep
    };
    let mut out = String::new();
    for s in segments.iter().take(keep) {
        match s {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

/// Reads a predictor's input from a dict (dates as `datetime.date` or ISO strings). `DecodeError` naming the
/// field for a missing or unknown field or a wrong type; the message never holds a key or value of the input.
pub(crate) fn input<T: DeserializeOwned>(data: &Bound<'_, PyAny>, what: &str) -> Result<T, Error> {
    let (text, refused) = to_json_text(data)?;
    if let Some(r) = refused {
        return Err(Error::Input {
            path: r.path(),
            message: r.message.to_owned(),
        });
    }
    let mut de = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| Error::Input {
        path: field_path(&e),
        message: format!(
            "not a valid {what} input: a missing or unknown field, or a value of the wrong type"
        ),
    })
}

fn rule(code: &'static str, path: &'static str, message: String) -> Error {
    Error::Rule {
        kind: "predictors",
        code,
        path: path.to_owned(),
        message,
    }
}

impl From<Ogrs3Error> for Error {
    fn from(e: Ogrs3Error) -> Self {
        rule(e.kind(), e.field(), e.to_string())
    }
}

impl From<ArpError> for Error {
    fn from(e: ArpError) -> Self {
        rule(e.kind(), e.field(), e.to_string())
    }
}

impl From<DcSrpError> for Error {
    fn from(e: DcSrpError) -> Self {
        rule(e.kind(), e.field(), e.to_string())
    }
}

/// OGRS3 over an `Ogrs3Input` dict.
#[pyfunction]
pub(crate) fn ogrs3<'py>(
    py: Python<'py>,
    inputs: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    score(py, inputs, "OGRS3", core_predictors::ogrs3)
}

/// A predictor over its input dict: the input read as `I` (named `what` in errors), the result as Python.
fn score<'py, I: DeserializeOwned, O: serde::Serialize, E>(
    py: Python<'py>,
    inputs: &Bound<'py, PyAny>,
    what: &str,
    predictor: impl FnOnce(&I) -> Result<O, E>,
) -> PyResult<Bound<'py, PyAny>>
where
    Error: From<E>,
{
    guard(|| {
        result_to_py(
            py,
            &predictor(&input::<I>(inputs, what)?).map_err(Error::from)?,
        )
    })
}

/// ARP over an `ArpInput` dict.
#[pyfunction]
pub(crate) fn arp<'py>(py: Python<'py>, inputs: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    score(py, inputs, "ARP", core_predictors::arp)
}

/// DC-SRP over a `DcSrpInput` dict.
#[pyfunction]
pub(crate) fn dc_srp<'py>(
    py: Python<'py>,
    inputs: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    score(py, inputs, "DC-SRP", core_predictors::dc_srp)
}

/// OGRS3, ARP and DC-SRP of a case on `on`, as far as its inputs allow.
#[pyfunction]
pub(crate) fn predictors<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    on: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    on_case(py, case, on, |c, on| {
        Ok::<_, Error>(core_predictors::predictors(c, on))
    })
}
