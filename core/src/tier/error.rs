//! [`TierError`]: everything a tier calculation (2021 or 2026) can refuse.

/// Why a tier could not be calculated. Messages name the field, never its value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TierError {
    /// RSR, OGRS or a predictor score outside 0–100, or not a number.
    #[error("`{path}` must be a percentage from 0 to 100")]
    OutOfRange {
        /// Field path, e.g. `assessments[0].ogrs`.
        path: String,
    },
    /// A DC-SRP in the medium band scoring above 0 and below 0.60: hmpps-tier fails the 2026 calculation here
    /// (docs/rules/tier-2026.md), so this library refuses it rather than guess a letter.
    #[error("`{path}`: a DC-SRP in the medium band must score at least 0.60")]
    DcSrpMediumBelowThreshold {
        /// Field path, e.g. `assessments[0].predictors.dc_srp.score`.
        path: String,
    },
}

impl TierError {
    /// The field path the error is about.
    pub fn path(&self) -> &str {
        match self {
            TierError::OutOfRange { path } | TierError::DcSrpMediumBelowThreshold { path } => path,
        }
    }

    /// A short stable kind for bindings and vectors: `out_of_range`, `dc_srp_medium_below_threshold`.
    pub const fn kind(&self) -> &'static str {
        match self {
            TierError::OutOfRange { .. } => "out_of_range",
            TierError::DcSrpMediumBelowThreshold { .. } => "dc_srp_medium_below_threshold",
        }
    }

    /// The same error with `prefix` put before its path (flat input paths → case paths).
    pub(crate) fn prefixed(self, prefix: &str) -> Self {
        match self {
            TierError::OutOfRange { path } => TierError::OutOfRange {
                path: format!("{prefix}{path}"),
            },
            TierError::DcSrpMediumBelowThreshold { path } => TierError::DcSrpMediumBelowThreshold {
                path: format!("{prefix}{path}"),
            },
        }
    }
}
