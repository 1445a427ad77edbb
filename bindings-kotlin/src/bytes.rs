//! JSON bytes from Kotlin (`ByteArray`), taken over without a per-byte copy.
//!
//! uniffi lifts a `Vec<u8>` argument one byte at a time (`Vec<T>`'s generic reader: a bounds check and a push per
//! byte), which made `decodeCaseBytes` several times slower than `decodeCase(String)` on large inputs, whose
//! lift takes the buffer over whole (docs/benchmarks.md, Kotlin). [`JsonBytes`] is the same type to the
//! bindings (uniffi's `Vec<u8>` metadata: a Kotlin `ByteArray`, written by the generated code as a big-endian
//! `i32` length and the bytes) but takes the buffer over and drops the 4-byte header.

use uniffi::{Lift, MetadataBuffer, RustBuffer, TypeId};

/// The bytes of a `ByteArray` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonBytes(pub Vec<u8>);

/// The length header uniffi's Kotlin writes before the bytes of a `ByteArray`.
const HEADER: usize = 4;

fn bad_length() -> uniffi::deps::anyhow::Error {
    uniffi::deps::anyhow::anyhow!("byte array length does not match its buffer")
}

// SAFETY (of the trait's contract): the FFI type is uniffi's own `RustBuffer`, lifted exactly as uniffi's
// `Vec<u8>` would be, and the metadata is `Vec<u8>`'s, so the generated foreign code is the same.
unsafe impl<UT> Lift<UT> for JsonBytes {
    type FfiType = RustBuffer;

    fn try_lift(buf: RustBuffer) -> uniffi::Result<Self> {
        let mut vec = buf.destroy_into_vec();
        let header: [u8; HEADER] = vec
            .get(..HEADER)
            .and_then(|h| h.try_into().ok())
            .ok_or_else(bad_length)?;
        let len = usize::try_from(i32::from_be_bytes(header)).map_err(|_| bad_length())?;
        if vec.len() - HEADER != len {
            return Err(bad_length());
        }
        vec.drain(..HEADER);
        Ok(JsonBytes(vec))
    }

    fn try_read(buf: &mut &[u8]) -> uniffi::Result<Self> {
        <Vec<u8> as Lift<UT>>::try_read(buf).map(JsonBytes)
    }
}

impl<UT> TypeId<UT> for JsonBytes {
    const TYPE_ID_META: MetadataBuffer = <Vec<u8> as TypeId<UT>>::TYPE_ID_META;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lift(bytes: Vec<u8>) -> uniffi::Result<JsonBytes> {
        <JsonBytes as Lift<crate::UniFfiTag>>::try_lift(RustBuffer::from_vec(bytes))
    }

    #[test]
    fn takes_the_bytes_after_the_length_header() {
        let mut buf = 3i32.to_be_bytes().to_vec();
        buf.extend_from_slice(b"{}\n");
        assert_eq!(lift(buf).unwrap(), JsonBytes(b"{}\n".to_vec()));
        assert_eq!(
            lift(0i32.to_be_bytes().to_vec()).unwrap(),
            JsonBytes(Vec::new())
        );
    }

    #[test]
    fn a_wrong_header_is_an_error_not_a_panic() {
        assert!(lift(Vec::new()).is_err());
        assert!(lift(vec![0, 0]).is_err());
        assert!(lift([(-1i32).to_be_bytes().as_slice(), b"x"].concat()).is_err());
        assert!(lift([5i32.to_be_bytes().as_slice(), b"abc"].concat()).is_err());
    }
}
