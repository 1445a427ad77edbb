//! JSON bytes from Kotlin (`ByteArray`), taken over without a per-byte copy.
//!
//! uniffi lifts a `Vec<u8>` argument one byte at a time (`Vec<T>`'s generic reader: a bounds check and a push per
//! byte), which made `decodeCaseBytes` several times slower than `decodeCase(String)` on large inputs, whose
//! lift takes the buffer over whole (docs/benchmarks.md, Kotlin). [`JsonBytes`] is the same type to the
//! bindings (uniffi's `Vec<u8>` metadata: a Kotlin `ByteArray`, written by the generated code as a big-endian
//! `i32` length and the bytes) but takes the buffer over and drops the 4-byte header. As a result it is
//! lowered the same way (header and one bulk copy), not byte by byte.

use uniffi::{Lift, Lower, LowerReturn, MetadataBuffer, RustBuffer, RustCallError, TypeId};

/// The bytes of a `ByteArray` argument or result. A result must be shorter than 2 GiB (`i32::MAX`; callers
/// check, see `engine.rs`): a longer one would be cut to an empty array.
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

fn header(len: usize) -> [u8; HEADER] {
    i32::try_from(len).unwrap_or(0).to_be_bytes()
}

// SAFETY: written exactly as uniffi writes a `Vec<u8>` (big-endian `i32` length, then the bytes), which is what
// the generated Kotlin reads for a `ByteArray`.
unsafe impl<UT> Lower<UT> for JsonBytes {
    type FfiType = RustBuffer;

    fn lower(obj: Self) -> RustBuffer {
        let mut buf = Vec::with_capacity(obj.0.len() + HEADER);
        <Self as Lower<UT>>::write(obj, &mut buf);
        RustBuffer::from_vec(buf)
    }

    fn write(obj: Self, buf: &mut Vec<u8>) {
        let bytes = if i32::try_from(obj.0.len()).is_ok() {
            obj.0.as_slice()
        } else {
            &[]
        };
        buf.extend_from_slice(&header(bytes.len()));
        buf.extend_from_slice(bytes);
    }
}

// SAFETY: returned as its lowered `RustBuffer`, like any buffer-lowered type.
unsafe impl<UT> LowerReturn<UT> for JsonBytes {
    type ReturnType = RustBuffer;

    fn lower_return(v: Self) -> Result<RustBuffer, RustCallError> {
        Ok(<Self as Lower<UT>>::lower(v))
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
    fn lowers_as_a_length_header_and_the_bytes() {
        let buf = <JsonBytes as Lower<crate::UniFfiTag>>::lower(JsonBytes(b"{}\n".to_vec()));
        assert_eq!(buf.destroy_into_vec(), [0, 0, 0, 3, b'{', b'}', b'\n']);
        assert_eq!(
            lift([0, 0, 0, 3, b'{', b'}', b'\n'].to_vec()).unwrap().0,
            b"{}\n"
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
