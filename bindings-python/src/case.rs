//! `Case`: one decoded case, held as core's [`Case`]; decoding and validation.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

use probation_core::interchange::{
    decode_case, decode_case_bytes, encode_case, encode_case_pretty,
};
use probation_core::model::Case;
use probation_core::validate::validate;

use crate::convert::{to_json_text, to_py};
use crate::errors::Error;
use crate::guard::guard;

/// One case (a person, their events, registrations, assessments, contacts): immutable.
#[pyclass(frozen, module = "probation._probation", name = "Case")]
pub(crate) struct PyCase {
    pub(crate) inner: Case,
}

fn decoded(case: Case, check: bool) -> PyResult<PyCase> {
    if check {
        validate(&case).map_err(Error::from)?;
    }
    Ok(PyCase { inner: case })
}

/// Decodes JSON text (`str` or `bytes`).
pub(crate) fn decode_text(text: &Bound<'_, PyAny>) -> PyResult<Case> {
    if let Ok(b) = text.cast::<PyBytes>() {
        return Ok(decode_case_bytes(b.as_bytes()).map_err(Error::from)?);
    }
    if let Ok(s) = text.cast::<PyString>() {
        let s = s
            .to_str()
            .map_err(|_| Error::from(probation_core::interchange::DecodeError::InvalidUtf8))?;
        return Ok(decode_case(s).map_err(Error::from)?);
    }
    Err(pyo3::exceptions::PyTypeError::new_err(
        "expected the case as str or bytes",
    ))
}

/// Decodes a dict of the interchange format: written as JSON text in the dict's own order and decoded by core,
/// so every error has the path and message a JSON file would get. A value JSON cannot hold (a `datetime`, NaN, an
/// object) is written as `null`: when core then fails at that very field, or decodes the case (every key on the
/// path is then a field core knows), the error names that field with what was wrong; when core fails first
/// elsewhere (an unknown key on the way, reported without its spelling), that error is the answer.
pub(crate) fn decode_dict(data: &Bound<'_, PyAny>) -> PyResult<Case> {
    let (text, refused) = to_json_text(data)?;
    let decoded = decode_case(&text);
    Ok(match (decoded, refused) {
        (Ok(case), None) => case,
        (Err(e), None) => return Err(Error::from(e).into()),
        (Ok(_), Some(r)) => {
            return Err(Error::Input {
                path: r.path(),
                message: r.message.to_owned(),
            }
            .into());
        }
        (Err(e), Some(r)) if e.path() == r.path() => {
            return Err(Error::Input {
                path: r.path(),
                message: r.message.to_owned(),
            }
            .into());
        }
        (Err(e), Some(_)) => return Err(Error::from(e).into()),
    })
}

#[pymethods]
impl PyCase {
    /// Decodes one case from JSON text; validates it unless `validate=False`.
    #[staticmethod]
    #[pyo3(signature = (text, /, *, validate = true))]
    fn from_json(text: &Bound<'_, PyAny>, validate: bool) -> PyResult<Self> {
        guard(|| decoded(decode_text(text)?, validate))
    }

    /// Decodes one case from a dict of the interchange format (dates may be `datetime.date`, enum members
    /// are read by value); validates it unless `validate=False`.
    #[staticmethod]
    #[pyo3(signature = (data, /, *, validate = true))]
    fn from_dict(data: &Bound<'_, PyAny>, validate: bool) -> PyResult<Self> {
        guard(|| decoded(decode_dict(data)?, validate))
    }

    /// The case as a dict of the interchange format, dates as `datetime.date`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let value = serde_json::to_value(&self.inner).map_err(|_| Error::Internal)?;
            to_py(py, &value, true)
        })
    }

    /// The case as compact JSON (indented with `indent=True`).
    #[pyo3(signature = (*, indent = false))]
    fn to_json(&self, indent: bool) -> PyResult<String> {
        guard(|| {
            Ok(if indent {
                encode_case_pretty(&self.inner)
            } else {
                encode_case(&self.inner)
            })
        })
    }

    /// Raises `ValidationError` listing every failure when the case breaks a rule of the case model.
    fn validate(&self) -> PyResult<()> {
        guard(|| Ok(validate(&self.inner).map_err(Error::from)?))
    }

    /// Every validation failure as `(path, rule)` pairs; empty when the case is valid.
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        guard(|| {
            let list = PyList::empty(py);
            if let Err(errs) = validate(&self.inner) {
                for i in &errs.0 {
                    list.append((i.path.as_str(), i.rule.code()))?;
                }
            }
            Ok(list)
        })
    }

    /// Number of events.
    #[getter]
    fn event_count(&self) -> usize {
        self.inner.events.len()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyCase>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        // No identifiers or dates: the repr may end up in logs.
        let c = &self.inner;
        format!(
            "Case(events={}, registrations={}, assessments={}, contacts={})",
            c.events.len(),
            c.registrations.len(),
            c.assessments.len(),
            c.contacts.len()
        )
    }

    /// Pickle support: a case pickles as its JSON.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let ctor = py.get_type::<PyCase>().getattr("_from_json_unchecked")?;
        let text = encode_case(&slf.get().inner);
        Ok((ctor, PyTuple::new(py, [text])?))
    }

    /// Decodes without validating (used by pickle: the case was valid, or not, when pickled).
    #[staticmethod]
    fn _from_json_unchecked(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| decoded(decode_text(text)?, false))
    }
}

/// Raises `ValidationError` when the case breaks a rule of the case model.
#[pyfunction(name = "validate", signature = (case, /))]
pub(crate) fn validate_case(case: &Bound<'_, PyCase>) -> PyResult<()> {
    case.get().validate()
}
