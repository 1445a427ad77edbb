//! Release dates (docs/rules/release.md) of one booking of a case, and the release law as it stood on a date.

use pyo3::prelude::*;

use probation_core::release::{self as core_release, ReleaseError, ReleaseLaw, ReleaseOptions};

use crate::calendar::{PyCalendar, calendar_arg};
use crate::case::PyCase;
use crate::convert::{date_arg, result_to_py};
use crate::errors::Error;
use crate::guard::guard;
use crate::predictors::input;

/// A release error at `bookings[i].<field>`.
fn release_error(booking: usize, e: &ReleaseError) -> Error {
    Error::Rule {
        kind: "release",
        code: e.code(),
        path: format!("bookings[{booking}].{}", e.field()),
        message: format!("bookings[{booking}].{e}"),
    }
}

/// The release dates of `case.bookings[booking]` on `on`, as core serialises them.
#[pyfunction]
#[pyo3(signature = (case, on, booking = 0, options = None, calendar = None))]
pub(crate) fn release_dates<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    on: &Bound<'_, PyAny>,
    booking: usize,
    options: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyAny>> {
    let on = date_arg(on, "on")?;
    guard(|| {
        let c = &case.get().inner;
        let b = c
            .bookings
            .get(booking)
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("no booking at this index"))?;
        let options: ReleaseOptions = match options.filter(|o| !o.is_none()) {
            None => ReleaseOptions::default(),
            Some(o) => input(o, "release options")?,
        };
        let d = core_release::release_dates(&c.person, b, on, &options, &calendar_arg(calendar))
            .map_err(|e| release_error(booking, &e))?;
        result_to_py(py, &d)
    })
}

/// The release law (fractions, schemes and their commencement) as it stood on `as_at`.
#[pyfunction]
pub(crate) fn release_law<'py>(
    py: Python<'py>,
    as_at: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_at = date_arg(as_at, "as_at")?;
    guard(|| result_to_py(py, &ReleaseLaw::as_stood_on(as_at)))
}
