//! Reading a type from the borrowed text of a JSON string through its `FromStr`, without an owned `String` in
//! between: identifiers and providers are read for every case.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::Deserializer;
use serde::de::{Error, Visitor};

/// `Deserialize` for a `FromStr` type: a string, parsed; a parse failure is a custom error with the parse
/// error's message (which must not repeat the input).
pub(crate) fn deserialize<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    struct Parsed<T>(PhantomData<T>);
    impl<T: FromStr> Visitor<'_> for Parsed<T>
    where
        T::Err: fmt::Display,
    {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: Error>(self, s: &str) -> Result<T, E> {
            s.parse().map_err(E::custom)
        }
    }
    d.deserialize_str(Parsed(PhantomData))
}
