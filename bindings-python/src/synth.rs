//! Synthetic caseloads from core's seeded generator ([`probation_core::synth`]).

use pyo3::prelude::*;
use pyo3::types::PyList;

use probation_core::synth::Generator;

use crate::case::PyCase;
use crate::guard::guard;

/// Largest number of cases one call may generate (memory stays bounded; call again with `start` for more).
pub(crate) const MAX_SYNTH: u64 = 10_000_000;

/// The end of the range `start .. start + count`, refusing more than [`MAX_SYNTH`] cases or an overflow.
pub(crate) fn synth_end(count: u64, start: u64) -> PyResult<u64> {
    if count > MAX_SYNTH {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "count must be at most {MAX_SYNTH}"
        )));
    }
    start
        .checked_add(count)
        .ok_or_else(|| pyo3::exceptions::PyValueError::new_err("start + count overflows"))
}

/// `count` synthetic cases of `seed`, cases `start .. start + count` (deterministic; case n never depends on
/// the count). Generated with the GIL released.
#[pyfunction]
#[pyo3(signature = (seed, count, *, start = 0))]
pub(crate) fn synth<'py>(
    py: Python<'py>,
    seed: u64,
    count: u64,
    start: u64,
) -> PyResult<Bound<'py, PyList>> {
    guard(|| {
        let end = synth_end(count, start)?;
        let cases = py.detach(|| {
            let g = Generator::new(seed);
            (start..end).map(|i| g.case(i)).collect::<Vec<_>>()
        });
        let list = PyList::empty(py);
        for case in cases {
            list.append(Bound::new(py, PyCase { inner: case })?)?;
        }
        Ok(list)
    })
}
