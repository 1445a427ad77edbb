//! The binding's one public error type, and the one place core's errors are mapped onto it.
//!
//! Kotlin sees `ApiException`, a sealed class with one subclass per variant (`ApiException.Decode`,
//! `ApiException.Validation`, …). A variant is added only when a caller would act differently on it.
//! Messages come from core, which never puts a value from the input into an error.

use std::panic::{AssertUnwindSafe, catch_unwind};

use probation_core::interchange::DecodeError;
use probation_core::validate::ValidationErrors;

/// One validation failure: the field path and the rule's stable code.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Issue {
    /// Field path, e.g. `events[0].sentence.requirements[1].hours`.
    pub path: String,
    /// The rule's snake_case code, e.g. `unpaid_work_hours`.
    pub rule: String,
    /// What the rule requires, in plain English.
    pub message: String,
}

/// Everything that can go wrong in a call. Never contains a value from the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum ApiError {
    /// The input could not be decoded: bad JSON, a field of the wrong type, an unknown code, a bad identifier.
    #[error("decode error at `{path}`: {reason}")]
    Decode {
        /// Field path (empty when the whole input is at fault).
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// The case decoded but breaks one or more rules of DOMAIN.md §2.
    #[error("{} validation issue(s)", issues.len())]
    Validation {
        /// Every failure, in case order.
        issues: Vec<Issue>,
    },
    /// A policy (allocation or contact standard) is malformed or cannot be applied to this case.
    #[error("policy error: {reason}")]
    Policy {
        /// What is wrong.
        reason: String,
    },
    /// A date is outside the calendar's range, or a holiday list is invalid.
    #[error("calendar error: {reason}")]
    Calendar {
        /// What is wrong.
        reason: String,
    },
    /// A bug in the library (a panic caught at the boundary). Please report it.
    #[error("internal error: {reason}")]
    Internal {
        /// What happened, without input values.
        reason: String,
    },
}

impl ApiError {
    /// A decode error at `path`.
    pub(crate) fn decode(path: impl Into<String>, reason: impl Into<String>) -> Self {
        ApiError::Decode {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

impl From<DecodeError> for ApiError {
    fn from(e: DecodeError) -> Self {
        let path = e.path().to_owned();
        let reason = match &e {
            DecodeError::Schema { message, .. } => message.clone(),
            other => other.to_string(),
        };
        ApiError::Decode { path, reason }
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(e: ValidationErrors) -> Self {
        ApiError::Validation {
            issues: e
                .0
                .into_iter()
                .map(|i| Issue {
                    message: i.rule.message().to_owned(),
                    rule: i.rule.code().to_owned(),
                    path: i.path,
                })
                .collect(),
        }
    }
}

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
