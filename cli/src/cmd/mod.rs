//! One module per subcommand.

pub mod calendar;
pub mod dates;
pub mod generate;
pub mod validate;
