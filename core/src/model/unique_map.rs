//! Maps that refuse a repeated key: `{"accommodation": "severe", "accommodation": "no_need"}` must not silently
//! mean whichever came last (serde's maps keep the last value; structs already refuse duplicate fields).

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};

/// Deserialises a `BTreeMap`, failing with `duplicate map key` on a key given twice (the key is not repeated in
/// the message: map keys are input).
pub(crate) fn deserialize<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
{
    struct UniqueMap<K, V>(PhantomData<(K, V)>);
    impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Visitor<'de> for UniqueMap<K, V> {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<K, V>()? {
                if out.insert(k, v).is_some() {
                    return Err(A::Error::custom("duplicate map key"));
                }
            }
            Ok(out)
        }
    }
    d.deserialize_map(UniqueMap(PhantomData))
}
