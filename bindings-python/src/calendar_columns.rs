//! The calendar over columns: `is_working_day` and `add_working_days` of core's `Calendar` over `i32` days since
//! 1970-01-01 (little-endian bytes, `i32::MIN` missing), with the GIL released. Private: called by
//! `probation._calendar_columns`, which converts numpy, pandas, pyarrow and Polars columns to and from bytes.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use probation_core::calendar::{ColumnError, NO_DAY, Offsets};

use crate::calendar::{PyCalendar, calendar_arg};
use crate::columnar::le_bytes;
use crate::errors::Error;
use crate::guard::guard;

/// Little-endian `i32`s of `b` (a trailing partial value is an error naming `what`).
fn i32s(b: &[u8], what: &str) -> Result<Vec<i32>, Error> {
    if !b.len().is_multiple_of(4) {
        return Err(Error::Calendar(format!(
            "`{what}`: buffer is not whole 32-bit values"
        )));
    }
    Ok(b.chunks_exact(4)
        .map(|c| <[u8; 4]>::try_from(c).map_or(NO_DAY, i32::from_le_bytes))
        .collect())
}

fn column_error(e: ColumnError) -> Error {
    Error::Calendar(format!("`dates` row {}: {}", e.row, e.error))
}

/// `is_working_day` of each day: one byte per row, 1 working, 0 not, 2 missing.
#[pyfunction]
#[pyo3(signature = (days, calendar = None))]
pub(crate) fn working_day_column<'py>(
    py: Python<'py>,
    days: &[u8],
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyBytes>> {
    guard(|| {
        let cal = calendar_arg(calendar);
        let days = i32s(days, "dates")?;
        let out = py
            .detach(|| cal.is_working_day_column(&days))
            .map_err(column_error)?;
        let bytes: Vec<u8> = out.iter().map(|w| w.map_or(2, u8::from)).collect();
        Ok(PyBytes::new(py, &bytes))
    })
}

/// `add_working_days` of each day and `n` (an int for every row, or `i32` bytes per row with `i32::MIN`
/// missing): `i32` bytes, `i32::MIN` missing.
#[pyfunction]
#[pyo3(signature = (days, n, calendar = None))]
pub(crate) fn add_working_days_column<'py>(
    py: Python<'py>,
    days: &[u8],
    n: &Bound<'py, PyAny>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyBytes>> {
    guard(|| {
        let cal = calendar_arg(calendar);
        let days = i32s(days, "dates")?;
        let per_row: Option<Vec<Option<u32>>> = match n.extract::<u32>() {
            Ok(_) => None,
            Err(_) => {
                let b = n.cast::<PyBytes>().map_err(|_| {
                    Error::Calendar("`n`: expected a non-negative int or a column".into())
                })?;
                let col = i32s(b.as_bytes(), "n")?;
                Some(
                    col.iter()
                        .enumerate()
                        .map(|(row, &v)| match v {
                            NO_DAY => Ok(None),
                            v => u32::try_from(v).map(Some).map_err(|_| {
                                Error::Calendar(format!(
                                    "`n` row {row}: negative number of working days"
                                ))
                            }),
                        })
                        .collect::<Result<_, Error>>()?,
                )
            }
        };
        let offsets = match &per_row {
            Some(col) => Offsets::Column(col),
            None => Offsets::Scalar(n.extract::<u32>()?),
        };
        let out = py
            .detach(|| cal.add_working_days_column(&days, offsets))
            .map_err(column_error)?;
        Ok(PyBytes::new(py, &le_bytes(&out, i32::to_le_bytes)))
    })
}
