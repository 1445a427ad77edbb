//! Sentence dates (docs/rules/sentence.md) of one event of a case.

use pyo3::prelude::*;

use probation_core::sentence::{SentenceError, sentence_dates as core_sentence_dates};

use crate::case::PyCase;
use crate::convert::result_to_py;
use crate::errors::Error;
use crate::guard::guard;

impl From<SentenceError> for Error {
    fn from(e: SentenceError) -> Self {
        Error::Rule {
            kind: "sentence",
            code: e.code(),
            path: e.field().to_owned(),
            message: e.to_string(),
        }
    }
}

/// The key dates of `case.events[event]`, as core serialises them.
#[pyfunction]
#[pyo3(signature = (case, event = 0))]
pub(crate) fn sentence_dates<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    event: usize,
) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let c = &case.get().inner;
        let e = c
            .events
            .get(event)
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("no event at this index"))?;
        let d = core_sentence_dates(&c.person, e).map_err(Error::from)?;
        result_to_py(py, &d)
    })
}
