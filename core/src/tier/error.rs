//! [`TierError`]: everything a tier calculation can refuse.

/// Why a tier could not be calculated. Messages name the field, never its value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TierError {
    /// RSR or OGRS outside 0–100, or not a number.
    #[error("`{path}` must be a percentage from 0 to 100")]
    OutOfRange {
        /// Field path, e.g. `assessments[0].ogrs`.
        path: String,
    },
}

impl TierError {
    /// The field path the error is about.
    pub fn path(&self) -> &str {
        match self {
            TierError::OutOfRange { path } => path,
        }
    }

    /// A short stable kind for bindings and vectors: `out_of_range`.
    pub const fn kind(&self) -> &'static str {
        match self {
            TierError::OutOfRange { .. } => "out_of_range",
        }
    }
}
