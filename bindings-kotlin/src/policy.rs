//! [`policy_object!`]: what the policy objects (`AllocationPolicy`, `ContactPolicy`) share — a preset by name, a
//! policy from its JSON form (every field checked), and its JSON form — declared once.

/// Exports `preset`, `from_json` and `to_json` on a policy object `$ty { inner: $core }` whose core type has
/// `preset(&str)`, `from_json(&str)` and a serde form; each constructor's documentation is given.
macro_rules! policy_object {
    ($ty:ident, $core:ty, preset: $preset_doc:literal, from_json: $json_doc:literal) => {
        impl $ty {
            /// The object holding the policy `make` builds, or its error.
            fn made<E>(
                make: impl FnOnce() -> Result<$core, E>,
            ) -> Result<std::sync::Arc<Self>, $crate::ApiError>
            where
                $crate::ApiError: From<E>,
            {
                $crate::error::guard(|| Ok(std::sync::Arc::new($ty { inner: make()? })))
            }
        }

        #[uniffi::export]
        impl $ty {
            #[doc = $preset_doc]
            #[uniffi::constructor]
            pub fn preset(name: String) -> Result<std::sync::Arc<Self>, $crate::ApiError> {
                Self::made(|| <$core>::preset(&name))
            }

            #[doc = $json_doc]
            #[uniffi::constructor]
            pub fn from_json(json: String) -> Result<std::sync::Arc<Self>, $crate::ApiError> {
                Self::made(|| <$core>::from_json(&json))
            }

            /// The policy's JSON form.
            pub fn to_json(&self) -> String {
                serde_json::to_string(&self.inner).unwrap_or_default()
            }
        }
    };
}
pub(crate) use policy_object;
