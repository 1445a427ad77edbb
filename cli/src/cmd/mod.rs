//! One module per subcommand.

pub mod allocate;
pub mod tier;
pub mod calendar;
pub mod dates;
pub mod generate;
pub mod compliance;
pub mod schedule;
pub mod validate;
