//! One module per subcommand.

pub mod allocate;
pub mod audit;
pub mod calendar;
pub mod compliance;
pub mod dates;
pub mod export_tier;
pub mod generate;
pub mod import;
pub mod predict;
pub mod recompute;
pub mod schedule;
pub mod tier;
pub mod timeline;
pub mod validate;
