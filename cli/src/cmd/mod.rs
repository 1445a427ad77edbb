//! One module per subcommand.

pub mod calendar;
pub mod dates;
pub mod generate;
pub mod compliance;
pub mod schedule;
pub mod validate;
