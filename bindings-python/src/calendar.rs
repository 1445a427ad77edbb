//! `Calendar`: core's England & Wales working-day calendar.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyList;

use probation_core::calendar::{Calendar, CalendarError};

use crate::convert::{date_arg, result_to_py};
use crate::errors::Error;
use crate::guard::guard;

impl From<CalendarError> for Error {
    fn from(e: CalendarError) -> Self {
        Error::Calendar(e.to_string())
    }
}

/// The England & Wales working-day calendar (Monday–Friday except bank holidays, 1970–2100), plus any extra
/// holidays proclaimed at run time. Immutable; cheap to share between threads.
#[pyclass(frozen, subclass, module = "probation._probation", name = "Calendar")]
pub(crate) struct PyCalendar {
    pub(crate) inner: Calendar,
}

#[pymethods]
impl PyCalendar {
    /// England & Wales, with `extra_holidays` (dates) added.
    #[new]
    #[pyo3(signature = (extra_holidays = Vec::new()))]
    fn new(extra_holidays: Vec<Bound<'_, PyAny>>) -> PyResult<Self> {
        guard(|| {
            Ok(PyCalendar {
                inner: Calendar::england_and_wales()
                    .with_extra_holidays(
                        extra_holidays
                            .iter()
                            .map(|d| date_arg(d, "extra_holidays"))
                            .collect::<PyResult<Vec<_>>>()?,
                    )
                    .map_err(Error::from)?,
            })
        })
    }

    /// True for a bank holiday.
    fn is_bank_holiday(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let date = date_arg(date, "date")?;
        guard(|| Ok(self.inner.is_bank_holiday(date).map_err(Error::from)?))
    }

    /// True for Monday–Friday except bank holidays.
    fn is_working_day(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let date = date_arg(date, "date")?;
        guard(|| Ok(self.inner.is_working_day(date).map_err(Error::from)?))
    }

    /// The `n`-th working day after `date`, counting from the working day after it; `n = 0` gives `date`.
    fn add_working_days(&self, date: &Bound<'_, PyAny>, n: u32) -> PyResult<NaiveDate> {
        let date = date_arg(date, "date")?;
        guard(|| Ok(self.inner.add_working_days(date, n).map_err(Error::from)?))
    }

    /// Working days in `(start, end]`; negative when `end < start`.
    fn working_days_between(
        &self,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
    ) -> PyResult<i64> {
        let start = date_arg(start, "start")?;
        let end = date_arg(end, "end")?;
        guard(|| {
            Ok(self
                .inner
                .working_days_between(start, end)
                .map_err(Error::from)?)
        })
    }

    /// The first working day strictly after `date`.
    fn next_working_day(&self, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
        let date = date_arg(date, "date")?;
        guard(|| Ok(self.inner.next_working_day(date).map_err(Error::from)?))
    }

    /// The bank holidays of `year`, in date order, as core serialises them (dicts).
    fn _bank_holidays<'py>(&self, py: Python<'py>, year: i32) -> PyResult<Bound<'py, PyList>> {
        guard(|| {
            let list = PyList::empty(py);
            for h in self.inner.bank_holidays(year).map_err(Error::from)? {
                list.append(result_to_py(py, &h)?)?;
            }
            Ok(list)
        })
    }

    fn __repr__(&self) -> String {
        "Calendar(england_and_wales)".to_owned()
    }
}

/// The calendar argument: `None` for England & Wales, else a `Calendar`.
pub(crate) fn calendar_arg(arg: Option<&Bound<'_, PyCalendar>>) -> Calendar {
    arg.map_or_else(Calendar::england_and_wales, |c| c.get().inner.clone())
}
