//! [`AllocationError`]: everything allocation and escalation can refuse.

use super::PolicyError;

/// Why an allocation or escalation could not be computed. Messages name the field, never its value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllocationError {
    /// A percentage (RSR) outside 0–100, or not a number.
    #[error("`{path}` must be a percentage from 0 to 100")]
    OutOfRange {
        /// Field path, e.g. `assessments[2].rsr`.
        path: String,
    },
    /// The policy is invalid.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// A deadline falls outside the calendar's range (1970–2100).
    #[error("`{path}` is outside the calendar's range")]
    Calendar {
        /// The date the deadline counts from (`sentence_date`, `on`).
        path: &'static str,
    },
}

impl AllocationError {
    /// The field path the error is about.
    pub fn path(&self) -> &str {
        match self {
            AllocationError::OutOfRange { path } => path,
            AllocationError::Policy(p) => p.field(),
            AllocationError::Calendar { path } => path,
        }
    }

    /// A short stable kind for bindings and vectors: `out_of_range`, `policy`, `calendar`.
    pub const fn kind(&self) -> &'static str {
        match self {
            AllocationError::OutOfRange { .. } => "out_of_range",
            AllocationError::Policy(_) => "policy",
            AllocationError::Calendar { .. } => "calendar",
        }
    }
}
