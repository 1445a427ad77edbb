//! The boundary guard. The error type itself, [`crate::ApiError`], and the one mapping of core's errors onto it
//! live in `probation_core::ffi` (feature `uniffi`): a value that does not lift from Kotlin must raise exactly
//! the function's error type, and core's custom types raise it.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::ApiError;

/// Runs `f`, turning a panic into [`ApiError::Internal`] so that nothing unwinds into the JVM. uniffi's
/// scaffolding also catches panics; this keeps them in the typed error hierarchy. The panic payload is not
/// forwarded: it could quote input.
pub(crate) fn guard<T>(f: impl FnOnce() -> Result<T, ApiError>) -> Result<T, ApiError> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(ApiError::Internal {
            reason: "the library panicked; this is a bug".to_owned(),
        })
    })
}

/// Serialising core's plain results cannot fail; if it ever did it would be a bug.
pub(crate) fn internal(_: serde_json::Error) -> ApiError {
    ApiError::Internal {
        reason: "result could not be serialised".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic, reason = "test code")]
    use super::*;

    #[test]
    fn guard_turns_a_panic_into_internal() {
        let r: Result<(), ApiError> = guard(|| panic!("boom"));
        assert!(matches!(r, Err(ApiError::Internal { .. })));
    }
}
