//! One module per subcommand.

pub mod compliance;
pub mod schedule;
pub mod validate;
