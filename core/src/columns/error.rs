//! [`ColumnError`] and [`AssessError`]: what the columnar engine refuses, naming the column and row, never a value.

use std::fmt;

use crate::allocation::AllocationError;
use crate::tier::TierError;

/// A column that cannot be read: its name, what is wrong, and the first row where it is wrong (when one row is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnError {
    /// The column's name.
    pub column: &'static str,
    /// What is wrong (lowercase, no value quoted).
    pub message: &'static str,
    /// The first bad row, when the fault is one row's.
    pub row: Option<usize>,
}

impl ColumnError {
    pub(crate) const fn new(column: &'static str, message: &'static str) -> Self {
        ColumnError {
            column,
            message,
            row: None,
        }
    }

    pub(crate) const fn at(mut self, row: usize) -> Self {
        self.row = Some(row);
        self
    }
}

impl fmt::Display for ColumnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column `{}`: {}", self.column, self.message)?;
        match self.row {
            Some(r) => write!(f, " at row {r}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for ColumnError {}

/// Why [`super::assess`] refused a table: a column, or an engine's refusal of one row (the first in row order;
/// in a row, allocation before the 2021 tier before the 2026 tier, as the per-case engines run).
#[derive(Debug, Clone, PartialEq)]
pub enum AssessError {
    /// A column cannot be read.
    Column(ColumnError),
    /// The allocation engine refused row `row`.
    Allocation {
        /// The row.
        row: usize,
        /// The per-case engine's error.
        error: AllocationError,
    },
    /// The 2021 tier (`tier2026: false`) or the 2026 tier (`tier2026: true`) refused row `row`.
    Tier {
        /// The row.
        row: usize,
        /// True for the 2026 tier.
        tier2026: bool,
        /// The per-case engine's error.
        error: TierError,
    },
}

impl From<ColumnError> for AssessError {
    fn from(e: ColumnError) -> Self {
        AssessError::Column(e)
    }
}

impl fmt::Display for AssessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssessError::Column(e) => e.fmt(f),
            AssessError::Allocation { row, error } => write!(f, "row {row}: {error}"),
            AssessError::Tier { row, error, .. } => write!(f, "row {row}: {error}"),
        }
    }
}

impl std::error::Error for AssessError {}
