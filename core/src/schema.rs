//! [`inline_schema!`]: the JSON Schema (feature `schema`) of a type that serialises by hand, declared once.

/// Implements `schemars::JsonSchema` for a type serialised by hand, inlined where it is used, behind the `schema`
/// feature: `inline_schema!(Type, "Name", _ => json_schema!({ "type": "string" }));` or, with the generator for
/// subschemas, `inline_schema!(Type, "Name", g => g.subschema_for::<Other>());`.
macro_rules! inline_schema {
    ($ty:ty, $name:literal, $g:pat => $body:expr) => {
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn json_schema($g: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $body
            }
        }
    };
}
pub(crate) use inline_schema;
