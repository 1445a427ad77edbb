//! The last line of defence: no panic crosses into Python as a `PanicException`.
//!
//! Every exported function runs its body through [`guard`]. Core is written not to panic (the workspace
//! lints deny `unwrap`, `expect`, `panic` and indexing); if it ever does, the caller gets an `InternalError`
//! (a `ProbationError`) whose message carries nothing from the panic payload, which might quote input.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::PyResult;

use crate::errors::Error;

/// Runs `f`, turning a panic into [`Error::Internal`].
pub(crate) fn guard<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(_) => Err(Error::Internal.into()),
    }
}
