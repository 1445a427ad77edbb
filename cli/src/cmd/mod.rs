//! One module per subcommand.

pub mod calendar;
pub mod dates;
pub mod validate;
