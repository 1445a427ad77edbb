//! One module per subcommand.

pub mod allocate;
pub mod tier;
pub mod validate;
