//! The fast path of decoding: a lean serde `Deserializer` for the JSON this library and well-behaved systems
//! write, used before serde_json.
//!
//! It reads a strict *subset* of JSON and gives up — `Bail`, no detail — on anything outside it: strings with
//! escapes or control characters, negative numbers, exponents, integers beyond `u64`, nesting deeper than
//! [`MAX_NESTING_DEPTH`](super::MAX_NESTING_DEPTH), a type hint it does not serve, and every error of the
//! data itself (unknown field, missing field, bad date …). The caller then decodes the same text with serde_json,
//! which accepts or refuses it and names the path of the error. So this path never decides that a document is
//! invalid; it only ever says "here is the value" or "ask serde_json".
//!
//! For that to be sound, whenever it returns a value, serde_json must return the same value for the same text.
//! It does, by construction: for every token and every type hint it either bails or calls the visitor method
//! serde_json calls, with the same argument (`visit_borrowed_str` for an escape-free string, `visit_u64` for a
//! non-negative integer, `visit_f64` for a decimal — parsed by the standard library, correctly rounded as
//! serde_json's `float_roundtrip` is — `visit_map`/`visit_seq` and so on), and it refuses what serde_json refuses
//! in the subset it reads (leading zeros, trailing commas, trailing characters, a missing colon …). The tests
//! below (the sample caseload, edge cases, random floats, random edits of real cases) and the `decode_bytes` fuzz
//! target check exactly this. Keys and enumeration values are compared with the names the type declares and
//! handed over by index (see `index_of_name`), which serde's derive reads as the same field or variant.

use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, U32Deserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::MAX_NESTING_DEPTH;

/// "Not on the fast path": the text may still be valid; decode it with serde_json to find out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bail;

impl fmt::Display for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not on the fast path")
    }
}

impl std::error::Error for Bail {}

impl de::Error for Bail {
    #[cold]
    fn custom<T: fmt::Display>(_: T) -> Self {
        Bail
    }
}

/// Decodes `text` as one `T`, or `None` when it is not on the fast path (see the module docs). Not part of the
/// API: [`decode_case`](super::decode_case) is; this is public for the differential fuzz target.
pub fn decode<'de, T: de::Deserialize<'de>>(text: &'de str) -> Option<T> {
    decode_with(text, false)
}

/// [`decode`] for types that may have a serde `alias` (the records' shapes): a field or variant name found among
/// the declared names is handed to serde as that name, not as its index, so the derive's own matching (aliases
/// included) decides which field it is. A little slower than [`decode`]; the same values.
pub fn decode_by_name<'de, T: de::Deserialize<'de>>(text: &'de str) -> Option<T> {
    decode_with(text, true)
}

fn decode_with<'de, T: de::Deserialize<'de>>(text: &'de str, by_name: bool) -> Option<T> {
    let mut de = Fast {
        text,
        pos: 0,
        depth: 0,
        by_name,
    };
    let value = T::deserialize(&mut de).ok()?;
    de.peek().is_none().then_some(value)
}

/// The length of the string whose text starts `rest`, up to its closing quote; [`Bail`] at a backslash, a
/// control character or the end of the input. Eight bytes at a time: a byte-by-byte loop mispredicts its exit
/// on every string, and most strings of a case (keys, codes, dates) fit in one or two words.
#[inline]
fn string_len(rest: &[u8]) -> Result<usize> {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    let mut chunks = rest.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().map_err(|_| Bail)?);
        // A byte is flagged (high bit set) when it is a quote, a backslash or below 0x20; the lowest flagged
        // byte is exact (borrows only run towards higher bytes).
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let flags = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (word.wrapping_sub(ONES * 0x20) & !word);
        let flags = flags & HIGH;
        if flags != 0 {
            let at = offset + (flags.trailing_zeros() / 8) as usize;
            return match rest.get(at) {
                Some(b'"') => Ok(at),
                _ => Err(Bail),
            };
        }
        offset += 8;
    }
    for (i, &c) in chunks.remainder().iter().enumerate() {
        if c == b'"' {
            return Ok(offset + i);
        }
        if c == b'\\' || c < 0x20 {
            return Err(Bail);
        }
    }
    Err(Bail)
}

/// The identifier `names[i]` (a struct's `FIELDS`, an enum's `VARIANTS`) as its index. serde's derive maps index
/// `i` to the same field or variant as the name `names[i]` — its `FIELDS`/`VARIANTS` list the names in
/// declaration order, one per field — unless a field or variant has an `alias`, whose extra names shift the
/// list. The model has none (a test keeps it so), and this spares matching the name a second time.
fn index_of_name(i: usize) -> Result<U32Deserializer<Bail>> {
    Ok(U32Deserializer::new(u32::try_from(i).map_err(|_| Bail)?))
}

/// True when `rest` starts with `name` and a closing quote.
#[inline]
fn is_quoted(rest: &[u8], name: &str) -> bool {
    // The closing quote first: it settles most candidates of another length with one comparison. (Scanning the
    // string for its length first, then comparing lengths, was slower: most keys match the first candidate.)
    let name = name.as_bytes();
    rest.get(name.len()) == Some(&b'"')
        && rest
            .get(..name.len())
            .is_some_and(|head| same_bytes(head, name))
}

/// `a == b` for two slices of the same length, eight bytes at a time (the last word overlapping the one before),
/// with no call to `memcmp`: names are short, most candidates differ in their first word, and matching names
/// (`education_training_employability`, …) were compared a byte at a time, the largest single cost of decoding.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    if len < 4 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    if len < 8 {
        let half = |s: &[u8], at: usize| {
            s.get(at..at + 4)
                .and_then(|w| <[u8; 4]>::try_from(w).ok())
                .map(u32::from_ne_bytes)
        };
        return half(a, 0) == half(b, 0) && half(a, len - 4) == half(b, len - 4);
    }
    let word = |s: &[u8], at: usize| {
        s.get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_ne_bytes)
    };
    let mut at = 0;
    while at + 8 < len {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    word(a, len - 8) == word(b, len - 8)
}

struct Fast<'de> {
    text: &'de str,
    pos: usize,
    depth: usize,
    /// Hand known names over as names (see [`decode_by_name`]), not as indices.
    by_name: bool,
}

type Result<T> = std::result::Result<T, Bail>;

enum Number {
    Unsigned(u64),
    Float(f64),
}

impl<'de> Fast<'de> {
    /// The next byte that is not JSON whitespace, without consuming it.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        // Compact JSON has no whitespace: settle that case with one comparison.
        if let Some(&c) = bytes.get(self.pos)
            && c > b' '
        {
            return Some(c);
        }
        while let Some(&c) = bytes.get(self.pos) {
            if !matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(c);
            }
            self.pos += 1;
        }
        None
    }

    /// Consumes `c` as the next non-whitespace byte.
    #[inline]
    fn expect(&mut self, c: u8) -> Result<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// Reads an escape-free string; the next non-whitespace byte must be its opening quote.
    #[inline]
    fn string(&mut self) -> Result<&'de str> {
        self.expect(b'"')?;
        let start = self.pos;
        let end = start + string_len(self.text.as_bytes().get(start..).ok_or(Bail)?)?;
        self.pos = end + 1;
        // Both ends are next to an ASCII quote, so they are character boundaries.
        self.text.get(start..end).ok_or(Bail)
    }

    /// Reads a string expected to be one of `names` (a struct's fields, an enum's variants) by comparing the input
    /// with each name, starting at `names[start]`, instead of scanning for the closing quote: the name and its
    /// closing quote must match byte for byte. Returns the index of the name, or `None` (nothing consumed) when
    /// none matches — an escape, an unknown name — and the caller reads the string as any other.
    #[inline]
    fn known_name(&mut self, names: &'static [&'static str], start: usize) -> Option<usize> {
        // The opening quote is at `self.pos`; the name starts after it.
        let rest = self.text.as_bytes().get(self.pos + 1..)?;
        let (tail, head) = (names.get(start..)?, names.get(..start)?);
        let found = tail
            .iter()
            .position(|name| is_quoted(rest, name))
            .map(|i| i + start)
            .or_else(|| head.iter().position(|name| is_quoted(rest, name)))?;
        let len = names.get(found)?.len();
        self.pos += len + 2;
        Some(found)
    }

    /// Reads the literal `word` (`true`, `false`, `null`); the next non-whitespace byte must be its first.
    fn literal(&mut self, word: &[u8]) -> Result<()> {
        let _ = self.peek();
        let end = self.pos + word.len();
        if self.text.as_bytes().get(self.pos..end) != Some(word) {
            return Err(Bail);
        }
        self.pos = end;
        // `nullx` is an error for serde_json too, reported by whatever reads next; make sure of it here.
        match self.text.as_bytes().get(self.pos) {
            Some(c) if c.is_ascii_alphanumeric() => Err(Bail),
            _ => Ok(()),
        }
    }

    /// Reads a non-negative number: `0` or `[1-9][0-9]*`, with an optional `.[0-9]+` fraction. Exponents,
    /// minus signs and integers beyond `u64` bail.
    fn number(&mut self) -> Result<Number> {
        let _ = self.peek();
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut pos = start;
        let mut value: u64 = 0;
        match bytes.get(pos) {
            Some(b'0') => pos += 1,
            Some(c @ b'1'..=b'9') => {
                value = u64::from(c - b'0');
                pos += 1;
                while let Some(&c) = bytes.get(pos) {
                    if !c.is_ascii_digit() {
                        break;
                    }
                    value = value
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(u64::from(c - b'0')))
                        .ok_or(Bail)?;
                    pos += 1;
                }
            }
            _ => return Err(Bail),
        }
        let number = if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            let digits = pos;
            while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            }
            if pos == digits {
                return Err(Bail);
            }
            let text = self.text.get(start..pos).ok_or(Bail)?;
            Number::Float(text.parse().map_err(|_| Bail)?)
        } else {
            Number::Unsigned(value)
        };
        // A leading zero followed by a digit, an exponent or anything glued on: not on the fast path.
        if bytes
            .get(pos)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-'))
        {
            return Err(Bail);
        }
        self.pos = pos;
        Ok(number)
    }

    fn visit_number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.number()? {
            Number::Unsigned(n) => visitor.visit_u64(n),
            Number::Float(f) => visitor.visit_f64(f),
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING_DEPTH {
            return Err(Bail);
        }
        Ok(())
    }

    fn map<V: Visitor<'de>>(
        &mut self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'{')?;
        self.enter()?;
        let value = visitor.visit_map(Entries {
            de: self,
            first: true,
            fields,
            next: 0,
        })?;
        self.expect(b'}')?;
        self.depth -= 1;
        Ok(value)
    }

    fn seq<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.enter()?;
        let value = visitor.visit_seq(Elements {
            de: self,
            first: true,
        })?;
        self.expect(b']')?;
        self.depth -= 1;
        Ok(value)
    }
}

impl<'de> Deserializer<'de> for &mut Fast<'de> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'"') => visitor.visit_borrowed_str(self.string()?),
            Some(b'{') => self.map(&[], visitor),
            Some(b'[') => self.seq(visitor),
            Some(b't') => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            Some(b'n') => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            Some(b'0'..=b'9') => self.visit_number(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b't' | b'f') => self.deserialize_any(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_number(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_number(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_number(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_number(visitor)
    }
    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_number(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_number(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_number(visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_number(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_number(visitor)
    }
    // serde_json reads f32, 128-bit integers, chars and bytes in ways of their own; the format has none of them.
    fn deserialize_f32<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Bail)
    }
    fn deserialize_u128<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Bail)
    }
    fn deserialize_i128<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Bail)
    }
    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Bail)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Bail)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Bail)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.string()?)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.string()?)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.string()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() == Some(b'n') {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.literal(b"null")?;
        visitor.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.seq(visitor)
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        self.seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.map(&[], visitor)
    }
    // serde_json also reads a struct from an array; that is not on the fast path.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.map(fields, visitor)
    }

    // A string is a unit variant (serde_json's `UnitVariantAccess`); `{"variant": …}` is not on the fast path.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // The variant's name is compared, not scanned, and given to the visitor by its index.
        match self.peek() {
            Some(b'"') => match self.known_name(variants, 0) {
                Some(i) if self.by_name => visitor.visit_enum(
                    BorrowedStrDeserializer::<Bail>::new(variants.get(i).copied().ok_or(Bail)?),
                ),
                Some(i) => visitor.visit_enum(index_of_name(i)?),
                None => visitor.visit_enum(BorrowedStrDeserializer::<Bail>::new(self.string()?)),
            },
            _ => Err(Bail),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_any(visitor)
    }
}

/// The entries of an object. Keys are read by serde's `BorrowedStrDeserializer`, which, like serde_json's
/// key deserializer, visits a borrowed string (and bails on the integer keys serde_json would parse).
struct Entries<'a, 'de> {
    de: &'a mut Fast<'de>,
    first: bool,
    /// The struct's fields (empty for a map): keys are compared with these, the one after the last key first,
    /// since writers usually keep the declared order.
    fields: &'static [&'static str],
    next: usize,
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = Bail;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        match self.de.peek() {
            Some(b'}') => return Ok(None),
            Some(b',') if !self.first => self.de.pos += 1,
            Some(b'"') if self.first => {}
            _ => return Err(Bail),
        }
        self.first = false;
        let key = match self.de.peek() {
            Some(b'"') => match self.de.known_name(self.fields, self.next) {
                Some(i) => {
                    // A known field is given to serde's field visitor by its index, which derive-generated
                    // visitors map to the same field as its name (see `index_of_name`).
                    self.next = i + 1;
                    self.de.expect(b':')?;
                    if self.de.by_name {
                        let name = self.fields.get(i).copied().ok_or(Bail)?;
                        return seed
                            .deserialize(BorrowedStrDeserializer::new(name))
                            .map(Some);
                    }
                    return seed.deserialize(index_of_name(i)?).map(Some);
                }
                None => self.de.string()?,
            },
            _ => return Err(Bail),
        };
        self.de.expect(b':')?;
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.de)
    }
}

/// The elements of an array.
struct Elements<'a, 'de> {
    de: &'a mut Fast<'de>,
    first: bool,
}

impl<'de> SeqAccess<'de> for Elements<'_, 'de> {
    type Error = Bail;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        match self.de.peek() {
            Some(b']') => return Ok(None),
            Some(b',') if !self.first => self.de.pos += 1,
            Some(_) if self.first => {}
            _ => return Err(Bail),
        }
        self.first = false;
        seed.deserialize(&mut *self.de).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Case;
    use crate::synth::rng::Rng;

    /// The soundness property: when the fast path gives a case, serde_json gives the same case.
    fn agrees(text: &str) -> bool {
        match decode::<Case>(text) {
            None => true,
            Some(fast) => {
                crate::interchange::from_str_objects_only::<Case>(text)
                    .ok()
                    .as_ref()
                    == Some(&fast)
            }
        }
    }

    fn sample() -> Vec<&'static str> {
        include_str!("../../../examples/data/caseload.jsonl")
            .lines()
            .collect()
    }

    /// Every case of the bundled caseload is on the fast path, and decodes to what serde_json gives.
    #[test]
    fn sample_caseload_is_on_the_fast_path() {
        let lines = sample();
        assert_eq!(lines.len(), 1000);
        for (i, line) in lines.iter().enumerate() {
            let slow: Case = serde_json::from_str(line).unwrap();
            assert_eq!(decode::<Case>(line).as_ref(), Some(&slow), "line {}", i + 1);
        }
    }

    /// The same cases with whitespace around every token and their keys in another order (reverse
    /// alphabetical): still on the fast path, still the same cases.
    #[test]
    fn whitespace_and_key_order_stay_on_the_fast_path() {
        for line in sample().iter().take(200) {
            let slow: Case = serde_json::from_str(line).unwrap();
            let mut text = String::new();
            write_spaced_reversed(&serde_json::from_str(line).unwrap(), &mut text);
            assert_eq!(decode::<Case>(&text).as_ref(), Some(&slow), "{text}");
        }
    }

    fn write_spaced_reversed(v: &serde_json::Value, out: &mut String) {
        use serde_json::Value;
        match v {
            Value::Object(m) => {
                out.push_str("{\r\n");
                for (i, (k, v)) in m.iter().rev().enumerate() {
                    if i > 0 {
                        out.push_str(" ,\n\t");
                    }
                    out.push_str(&Value::String(k.clone()).to_string());
                    out.push_str(" :\t");
                    write_spaced_reversed(v, out);
                }
                out.push_str("\n}");
            }
            Value::Array(a) => {
                out.push_str("[ ");
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" , ");
                    }
                    write_spaced_reversed(v, out);
                }
                out.push_str(" ]");
            }
            other => out.push_str(&other.to_string()),
        }
    }

    /// A case with every predictor field (offence code and category per event, the criminal history, the OASys
    /// dynamic answers) is on the fast path and decodes to serde_json's value.
    #[test]
    fn predictor_fields_are_on_the_fast_path() {
        let text = r#"{"schema_version":1,"person":{"crn":"X320741","date_of_birth":"1980-06-15","sex":"male","home_area":"C17"},"events":[{"offence_date":"2019-12-01","sentence_date":"2020-03-01","sentence":{"type":"custody","length":{"months":24},"release_date":"2021-03-01"},"offence_code":"00100","actuarial_category":"violence_against_the_person_abh_plus"}],"criminal_history":{"total_sanctions":7,"age_at_first_sanction":15,"violent_sanctions":2,"has_ever_committed_sexual_offence":true,"contact_adult_sexual_sanctions":1,"contact_child_sexual_sanctions":0,"non_contact_sexual_offences":2,"indecent_image_sanctions":0,"last_offence_date":"2019-12-01","last_sexual_offence_date":"2015-04-02","current_offence_against_stranger":false},"dynamic_answers":{"suitability_of_accommodation":"some_problems","is_unemployed":true,"current_relationship_status":"living_together","motivation_to_tackle_drug_misuse":"partial_motivation","has_cannabis_usage":true,"temper_control":"no_problems"}}"#;
        let slow: Case = serde_json::from_str(text).unwrap();
        assert!(slow.criminal_history.is_some() && slow.dynamic_answers.is_some());
        assert_eq!(decode::<Case>(text).as_ref(), Some(&slow));
        let bad = text.replace(
            r#""is_unemployed":true"#,
            r#""is_unemployed":true,"unknown":1"#,
        );
        assert!(agrees(&bad));
        assert!(serde_json::from_str::<Case>(&bad).is_err());
    }

    /// Hand-picked texts at the edge of the subset: each either stays on the fast path with serde_json's value,
    /// or leaves it.
    #[test]
    fn edge_cases_agree_with_serde_json() {
        let base = sample()[0];
        let edits: &[(&str, &str)] = &[
            (r#""schema_version":1"#, r#""schema_version":01"#),
            (r#""schema_version":1"#, r#""schema_version":1.0"#),
            (r#""schema_version":1"#, r#""schema_version":1e0"#),
            (r#""schema_version":1"#, r#""schema_version":-1"#),
            (
                r#""schema_version":1"#,
                r#""schema_version":18446744073709551617"#,
            ),
            (r#""schema_version":1"#, r#""schema_version":"1""#),
            (r#""schema_version":1"#, r#""schema_version" : 1 "#),
            (r#""sex":"male""#, r#""sex":"m\u0061le""#),
            (r#""sex":"male""#, r#""s\u0065x":"male""#),
            (r#""sex":"male""#, r#""sex":"male","sex":"male""#),
            (r#""sex":"male""#, r#""sex":"MALE""#),
            (r#""sex":"male""#, r#""sex":null"#),
            (r#""sex":"male""#, r#""sex":"male",""#),
            (r#""given":"Mark""#, "\"given\":\"Ma\trk\""),
            (r#""given":"Mark""#, r#""given":"Ma\"rk""#),
            (r#""given":"Mark""#, r#""given":"Märk""#),
            (r#""given":"Mark""#, r#""given":"""#),
            (r#""given":"Mark""#, r#""given":null"#),
            (
                r#""rsr":2.7"#,
                r#""rsr":2.70000000000000017763568394002504646778106689453125"#,
            ),
            (r#""rsr":2.7"#, r#""rsr":3"#),
            (r#""rsr":2.7"#, r#""rsr":2."#),
            (r#""rsr":2.7"#, r#""rsr":.7"#),
            (r#""rsr":2.7"#, r#""rsr":null"#),
            (r#""rsr":2.7"#, r#""rsr":2.7e1"#),
            (r#""remand_days":225"#, r#""remand_days":4294967296"#),
            (r#""remand_days":225"#, r#""remand_days":4294967295"#),
            (
                r#""foreign_national_liable_to_deportation":true"#,
                r#""foreign_national_liable_to_deportation":truex"#,
            ),
            (
                r#""foreign_national_liable_to_deportation":true"#,
                r#""foreign_national_liable_to_deportation":1"#,
            ),
            (r#""requirements":[{"#, r#""requirements":[,{"#),
            (r#"}]},"actu"#, r#"}],},"actu"#),
            (r#""registrations":["#, r#""registrations":[ ]"#),
            // Issue 13: sex in any letter case; the new optional fields; their errors.
            (r#""sex":"male""#, r#""sex":"Female""#),
            (r#""sex":"male""#, r#""sex":"nOt_SpEcIfIeD""#),
            (r#""sex":"male""#, r#""sex":"femalex""#),
            (r#""sex":"male""#, r#""sex":true"#),
            (
                r#""rsr":2.7"#,
                r#""rsr":2.7,"layer":"standalone","predictors":{"arp":{"score":52.5,"kind":"static"},"csrp":{"score":1.25,"kind":"dynamic","band":"medium"},"dc_srp":{"score":1.1,"band":"medium"},"vrp":{"score":31},"svrp":{"score":2},"iic_srp":{"score":0,"band":"not_applicable"}},"ever_committed_sexual_offence":true"#,
            ),
            (
                r#""rsr":2.7"#,
                r#""rsr":2.7,"predictors":{"arp":{"kind":"static"}}"#,
            ),
            (
                r#""rsr":2.7"#,
                r#""rsr":2.7,"predictors":{"arp":{"score":1,"x":1}}"#,
            ),
            (r#""rsr":2.7"#, r#""rsr":2.7,"layer":"layer4""#),
            (
                r#""foreign_national_liable_to_deportation":true"#,
                r#""foreign_national_liable_to_deportation":true,"rsr":5.5,"ogrs":40"#,
            ),
            (
                r#""schema_version":1"#,
                r#""schema_version":1,"latest_release_date":"2025-01-01""#,
            ),
            (
                r#""schema_version":1"#,
                r#""schema_version":1,"latest_release_date":"2025-02-30""#,
            ),
        ];
        for (from, to) in edits {
            assert!(base.contains(from), "{from}");
            let text = base.replacen(from, to, 1);
            assert!(agrees(&text), "{to}");
        }
        for text in [
            "",
            " ",
            "null",
            "{}",
            "[]",
            &format!("\u{feff}{base}"),
            &format!("{base} "),
            &format!("{base}x"),
            &format!("{base}{{}}"),
            &format!("[{base}]"),
            &base.replacen('{', "{\"x\":1,", 1),
        ] {
            assert!(agrees(text), "{text:.40}");
        }
        // Whitespace is allowed around every token; JSON's four whitespace bytes only.
        assert!(decode::<Case>(&format!(" \t\r\n{base}\n")).is_some());
        assert!(decode::<Case>(&format!("\u{a0}{base}")).is_none());
    }

    /// `same_bytes` is `==` for every length up to 40 and a difference at every position (it reads the slices a
    /// word at a time, the last word overlapping).
    #[test]
    fn same_bytes_is_slice_equality() {
        for len in 0..40_usize {
            let a: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(same_bytes(&a, &a.clone()), "{len}");
            for at in 0..len {
                let mut b = a.clone();
                b[at] ^= 0x20;
                assert!(!same_bytes(&a, &b), "{len} {at}");
            }
            assert!(!same_bytes(&a, &a[..len.saturating_sub(1)]) || len == 0);
        }
        assert!(is_quoted(b"sex\":1", "sex"));
        assert!(!is_quoted(b"sexx\":1", "sex"));
        assert!(!is_quoted(b"se", "sex"));
        assert!(!is_quoted(b"sex", "sex"));
    }

    /// Floats are the standard library's, correctly rounded, as serde_json's `float_roundtrip`.
    #[test]
    fn floats_round_like_serde_json() {
        let mut rng = Rng::new(7);
        for _ in 0..20_000 {
            let digits = rng.range(1, 18);
            let mut text = rng.range(0, 100).to_string();
            text.push('.');
            for _ in 0..digits {
                text.push(char::from(b'0' + u8::try_from(rng.below(10)).unwrap()));
            }
            let fast: Option<f64> = decode(&text);
            let slow: f64 = serde_json::from_str(&text).unwrap();
            assert_eq!(fast.map(f64::to_bits), Some(slow.to_bits()), "{text}");
        }
    }

    /// Random edits of real cases (bytes deleted, repeated or replaced by JSON punctuation, digits, escapes):
    /// whenever the fast path still gives a case, it is serde_json's.
    #[test]
    fn mutated_cases_agree_with_serde_json() {
        const PIECES: &[&str] = &[
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0041", "0", "1", "9", "-", ".", "e", " ",
            "\n", "null", "true", "a", "é", "\u{1}", "00", "1.5",
        ];
        let lines = sample();
        let mut rng = Rng::new(2026);
        let (mut fast, mut total) = (0, 0);
        for _ in 0..20_000 {
            let line = *rng.pick(&lines).unwrap();
            let mut text = line.to_owned();
            for _ in 0..rng.range(1, 3) {
                let mut at = usize::try_from(rng.below(text.len() as u64)).unwrap();
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + usize::try_from(rng.range(0, 4)).unwrap()).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                if rng.chance(500) {
                    // A digit for a digit: usually still a valid case, with other values.
                    if let Some(d) = text[at..].find(|c: char| c.is_ascii_digit()) {
                        let digit = char::from(b'0' + u8::try_from(rng.below(10)).unwrap());
                        text.replace_range(at + d..at + d + 1, &digit.to_string());
                    }
                    continue;
                }
                let piece = if rng.chance(300) {
                    ""
                } else {
                    *rng.pick(PIECES).unwrap()
                };
                text.replace_range(at..end, piece);
            }
            total += 1;
            if decode::<Case>(&text).is_some() {
                fast += 1;
            }
            assert!(agrees(&text), "{text}");
        }
        // The edits must leave a fair share on the fast path, or this would test nothing.
        assert!(fast > total / 10, "{fast} of {total} on the fast path");
    }

    /// Field and enum names are handed to serde as indices (`index_of_name`), which is only the same as the
    /// name while no field or variant of the model has a serde `alias`.
    #[test]
    fn model_has_no_serde_aliases() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(dir)];
        let mut seen = 0;
        while let Some(p) = stack.pop() {
            if p.is_dir() {
                stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            } else if p.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                seen += 1;
                for line in text.lines().filter(|l| l.contains("#[serde(")) {
                    assert!(!line.contains("alias"), "{}: {line}", p.display());
                }
            }
        }
        assert!(seen > 20);
    }
}
