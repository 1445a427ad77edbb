//! Kotlin-visible copies of core's plain enums, converted both ways without loss.
//!
//! core has no uniffi in it (all logic stays free of FFI concerns), so each enum the binding exposes is
//! declared again here with the same variants; `mirror_enum!` writes both `From` conversions, so a variant
//! added to core and not here is a compile error.

/// Declares a uniffi enum with the same unit variants as a core enum, and `From` both ways.
macro_rules! mirror_enum {
    ($(#[$m:meta])* $name:ident = $core:path { $($(#[$vm:meta])* $v:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        #[allow(missing_docs, reason = "each variant is documented on the core enum it mirrors")]
        pub enum $name {
            $($(#[$vm])* $v,)+
        }
        impl From<$name> for $core {
            fn from(v: $name) -> Self {
                match v { $($name::$v => <$core>::$v,)+ }
            }
        }
        impl From<$core> for $name {
            fn from(v: $core) -> Self {
                match v { $(<$core>::$v => $name::$v,)+ }
            }
        }
    };
}
pub(crate) use mirror_enum;
