//! The columnar engine: allocation and the tiers over whole columns of a table, one row per case.
//!
//! Bindings hand in typed slices ([`Columns`]: `i32` date32 days, `f64` with NaN = missing, `u8` flags, levels
//! and category codes) and get typed output slices back ([`Assessed`]), with, per row, the rules that fired as
//! bitsets over each area's rule table ([`crate::allocation::RuleList::from_bits`]). The columns are declared once,
//! in [`INPUTS`] and [`OUTPUTS`]; the Python binding lists them from there.
//!
//! Allocation and the 2021 tier are evaluated pass by pass over columns; the 2026 tier runs core's per-case
//! engine on each row. The per-case engines are the reference: `core/tests/columns.rs` checks the two agree on
//! synthetic tables covering every column's edge values.

mod engine;
mod error;
mod input;
mod spec;

pub use engine::{Assessed, Want, assess};
pub use error::{AssessError, ColumnError};
pub use input::{Columns, Data, date, days};
pub use spec::{
    COMPLEXITY, Categories, INPUTS, Input, Kind, NEEDS, NO_CODE, NO_DATE, OUTPUTS, PREDICTOR_BANDS,
    PREDICTOR_KINDS, ROSH, TIER_2026_NAMES, output_categories, provider_code, providers,
    tier_2026_code, tier_names,
};
