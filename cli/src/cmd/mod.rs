//! One module per subcommand.

pub mod calendar;
pub mod compliance;
pub mod dates;
pub mod generate;
pub mod schedule;
pub mod validate;
