//! The shape every case function of the binding shares, written once: read the date argument, run core on the
//! case (or on each case, with the GIL released) under [`guard`], and convert the result to Python or the error to
//! its exception.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyList;
use serde::Serialize;

use probation_core::model::Case;

use crate::case::PyCase;
use crate::convert::{date_arg, result_to_py};
use crate::errors::Error;
use crate::guard::guard;

/// One date for every case, or one date per case (each a `datetime.date`, never a `datetime`: [`date_arg`]).
fn dates(on: &Bound<'_, PyAny>, n: usize) -> PyResult<Vec<NaiveDate>> {
    if on.is_instance_of::<pyo3::types::PyDate>() {
        return Ok(vec![date_arg(on, "on")?; n]);
    }
    let v = on
        .try_iter()
        .map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(
                "argument 'on': expected a datetime.date or a sequence of them",
            )
        })?
        .map(|d| date_arg(&d?, "on"))
        .collect::<PyResult<Vec<_>>>()?;
    if v.len() != n {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "`on` must be one date, or one date per case",
        ));
    }
    Ok(v)
}

/// `f` on one case and the date `on` (argument `on`), its result as Python.
pub(crate) fn on_case<'py, T: Serialize, E>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    on: &Bound<'_, PyAny>,
    f: impl FnOnce(&Case, NaiveDate) -> Result<T, E>,
) -> PyResult<Bound<'py, PyAny>>
where
    Error: From<E>,
{
    let on = date_arg(on, "on")?;
    guard(|| result_to_py(py, &f(&case.get().inner, on).map_err(Error::from)?))
}

/// `f` on every case, each on its date (`on`: one date or one per case), with the GIL released while core runs;
/// the first error is raised.
pub(crate) fn each_case<'py, T: Serialize + Send, E: Send>(
    py: Python<'py>,
    cases: &[Bound<'py, PyCase>],
    on: &Bound<'py, PyAny>,
    f: impl Fn(&Case, NaiveDate) -> Result<T, E> + Sync,
) -> PyResult<Bound<'py, PyList>>
where
    Error: From<E>,
{
    guard(|| {
        let on = dates(on, cases.len())?;
        let refs: Vec<&Case> = cases.iter().map(|c| &c.get().inner).collect();
        let results = py.detach(|| {
            refs.iter()
                .zip(&on)
                .map(|(c, d)| f(c, *d))
                .collect::<Result<Vec<_>, _>>()
        });
        let list = PyList::empty(py);
        for r in &results.map_err(Error::from)? {
            list.append(result_to_py(py, r)?)?;
        }
        Ok(list)
    })
}
