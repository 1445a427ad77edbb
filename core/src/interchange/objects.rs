//! [`ObjectsOnly`]: a `Deserializer` adapter that reads every struct from a JSON object, never from an array.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// A deserializer adapter under which structs are read from maps only.
///
/// serde's derived struct visitors accept a sequence as well as a map, taking the fields by position, and
/// serde_json (and `serde_json::Value`) hand a JSON array to them: `[1,null,["K918273",…]]` would decode as a
/// case. A case, its person, events, sentences, lengths, … are objects whose fields are named, never positions.
/// `ObjectsOnly` wraps any deserializer, forwards every `deserialize_struct` to `deserialize_map`, and wraps
/// everything it hands out in turn (visitors, map and sequence access, enum and variant access, seeds), so the
/// rule holds at every level: an array where a struct is expected is `invalid type: sequence, expected an
/// object`, reported at that field's path. Struct variants of enums are read the same way (as a map).
///
/// [`decode_case`](super::decode_case), the contact and allocation policies' `from_json` and the sentence's own
/// deserializer read through it; the fast path needs no wrapper (it reads a struct only from `{`, and gives up
/// on anything else). Wrap any other deserializer of the model's types the same way.
///
/// ```
/// use probation_core::interchange::ObjectsOnly;
/// use probation_core::model::Length;
/// use serde::Deserialize;
/// let mut de = serde_json::Deserializer::from_str("[0, 12]");
/// let err = Length::deserialize(ObjectsOnly(&mut de)).unwrap_err();
/// assert!(err.to_string().starts_with("invalid type: sequence, expected an object"));
/// // serde_json alone reads the array as `{"years": 0, "months": 12}`.
/// assert!(serde_json::from_str::<Length>("[0, 12]").is_ok());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ObjectsOnly<D>(pub D);

/// The `expecting` text of a struct read through [`ObjectsOnly`]: what an error message says was expected.
const AN_OBJECT: &str = "an object";

macro_rules! forward {
    ($($method:ident),+ $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method(Wrap(visitor))
            }
        )+
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;

    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Wrap(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Wrap(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Wrap(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap(visitor))
    }

    /// The point of the adapter: a struct is read from a map, never from a sequence.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Struct(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Wrap(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A struct's visitor, offered a map only: any other JSON value (an array above all) is an invalid type,
/// expected "an object".
struct Struct<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Struct<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(AN_OBJECT)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Map(map))
    }
}

/// Any other visitor: every call is passed on, with what it is given wrapped.
struct Wrap<V>(V);

macro_rules! visit_forward {
    ($($method:ident($ty:ty)),+ $(,)?) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.0.$method(v)
            }
        )+
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    visit_forward!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<V::Value, D2::Error> {
        self.0.visit_some(ObjectsOnly(d))
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(self, d: D2) -> Result<V::Value, D2::Error> {
        self.0.visit_newtype_struct(ObjectsOnly(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Seq(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Map(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Enum(data))
    }
}

/// A seed whose value is read through [`ObjectsOnly`].
struct Seed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(ObjectsOnly(d))
    }
}

struct Map<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Seed(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

struct Seq<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

struct Enum<A>(A);

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Enum<A> {
    type Error = A::Error;
    type Variant = Variant<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(Seed(seed))?;
        Ok((value, Variant(variant)))
    }
}

struct Variant<A>(A);

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Variant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap(visitor))
    }

    /// A struct variant's fields are read as a map too: through a newtype seed, since `VariantAccess` has no
    /// "struct variant from a map only".
    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.newtype_variant_seed(StructSeed(visitor))
    }
}

/// Reads a struct variant's fields from a map.
struct StructSeed<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for StructSeed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        d.deserialize_map(Struct(self.0))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        a: u8,
        #[serde(default)]
        b: Option<u8>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Outer {
        inner: Inner,
        #[serde(default)]
        list: Vec<Inner>,
        #[serde(default)]
        opt: Option<Inner>,
        #[serde(default)]
        choice: Option<Choice>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Choice {
        Unit,
        Newtype(Inner),
        Fields { x: u8 },
    }

    fn strict<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        let mut track = serde_path_to_error::Track::new();
        let v = T::deserialize(serde_path_to_error::Deserializer::new(
            ObjectsOnly(&mut de),
            &mut track,
        ))
        .map_err(|e| format!("{}: {e}", track.path()))?;
        de.end().map_err(|e| e.to_string())?;
        Ok(v)
    }

    #[test]
    fn plain_serde_json_reads_structs_by_position() {
        // What the adapter is for: without it, every one of these decodes.
        assert!(serde_json::from_str::<Outer>(r#"[[1]]"#).is_ok());
        assert!(serde_json::from_str::<Outer>(r#"{"inner":[1,2]}"#).is_ok());
        assert!(
            serde_json::from_str::<Outer>(r#"{"inner":{"a":1},"choice":{"fields":[3]}}"#).is_ok()
        );
    }

    #[test]
    fn arrays_are_refused_where_a_struct_is_expected_at_every_level() {
        let cases = [
            (r#"[[1]]"#, "."),
            (r#"{"inner":[1,2]}"#, "inner"),
            (r#"{"inner":{"a":1},"list":[{"a":1},[2]]}"#, "list[1]"),
            (r#"{"inner":{"a":1},"opt":[1]}"#, "opt"),
            (
                r#"{"inner":{"a":1},"choice":{"newtype":[1]}}"#,
                "choice.newtype",
            ),
            (
                r#"{"inner":{"a":1},"choice":{"fields":[3]}}"#,
                "choice.fields",
            ),
        ];
        for (json, path) in cases {
            let err = strict::<Outer>(json).unwrap_err();
            let err = err.split(" at line ").next().unwrap();
            assert_eq!(
                err,
                format!("{path}: invalid type: sequence, expected an object"),
                "{json}"
            );
        }
    }

    #[test]
    fn objects_decode_as_before() {
        let json =
            r#"{"inner":{"a":1},"list":[{"a":2,"b":3}],"opt":null,"choice":{"fields":{"x":4}}}"#;
        assert_eq!(
            strict::<Outer>(json),
            serde_json::from_str::<Outer>(json).map_err(|e| e.to_string())
        );
        let json = r#"{"inner":{"a":1},"choice":"unit"}"#;
        assert_eq!(
            strict::<Outer>(json),
            serde_json::from_str::<Outer>(json).map_err(|e| e.to_string())
        );
        let json = r#"{"inner":{"a":1},"choice":{"newtype":{"a":5}}}"#;
        assert_eq!(
            strict::<Outer>(json),
            serde_json::from_str::<Outer>(json).map_err(|e| e.to_string())
        );
        // Sequences of structs and plain arrays are still arrays.
        assert_eq!(strict::<Vec<u8>>("[1,2]"), Ok(vec![1, 2]));
    }

    #[test]
    fn serde_json_values_are_wrapped_too() {
        let v: serde_json::Value = serde_json::from_str(r#"{"inner":[1]}"#).unwrap();
        let err = Outer::deserialize(ObjectsOnly(v)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: sequence, expected an object"
        );
    }
}
