//! [`SentenceIndices`]: the booking indices of one calculable sentence's sentences, in serving order.

use std::fmt;
use std::ops::Deref;

use serde::ser::{Serialize, Serializer};

/// How many indices are held without allocating (a concurrent sentence has one; most chains are short).
const INLINE: usize = 4;

/// The indices (in the booking's `sentences`) of one calculable sentence's sentences, in serving order: a
/// concurrent sentence's one index, or a consecutive chain's from its first sentence.
///
/// Up to four are held inline, so that a result does not allocate one list per calculable sentence; a longer
/// chain's are held in a vector. It reads as a slice (`Deref<Target = [u32]>`), and is serialised as a JSON
/// list of numbers.
///
/// ```
/// use probation_core::release::SentenceIndices;
/// let chain: SentenceIndices = [2, 3, 4].into_iter().collect();
/// assert_eq!(&chain[..], [2, 3, 4]);
/// assert_eq!(serde_json::to_string(&chain).unwrap(), "[2,3,4]");
/// assert_eq!(chain, SentenceIndices::from(vec![2, 3, 4]));
/// assert_eq!((&chain).into_iter().sum::<u32>(), 9);
/// ```
#[derive(Clone)]
pub struct SentenceIndices(Repr);

#[derive(Clone)]
enum Repr {
    Inline { len: u8, items: [u32; INLINE] },
    Heap(Vec<u32>),
}

impl SentenceIndices {
    /// The indices, in serving order.
    pub fn as_slice(&self) -> &[u32] {
        match &self.0 {
            Repr::Inline { len, items } => items.get(..usize::from(*len)).unwrap_or(&[]),
            Repr::Heap(v) => v,
        }
    }

    /// The `len` indices of `items`: inline when they fit.
    fn exact(len: usize, items: impl Iterator<Item = u32>) -> Self {
        match u8::try_from(len) {
            Ok(n) if len <= INLINE => {
                let mut inline = [0; INLINE];
                for (slot, i) in inline.iter_mut().zip(items) {
                    *slot = i;
                }
                SentenceIndices(Repr::Inline {
                    len: n,
                    items: inline,
                })
            }
            _ => SentenceIndices(Repr::Heap(items.collect())),
        }
    }

    /// The indices of a chain (each below the booking's bound of 100 sentences).
    pub(super) fn of_chain(chain: &[usize]) -> Self {
        let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        SentenceIndices::exact(chain.len(), chain.iter().map(|&i| index(i)))
    }
}

impl Deref for SentenceIndices {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        self.as_slice()
    }
}

impl<'a> IntoIterator for &'a SentenceIndices {
    type Item = &'a u32;
    type IntoIter = std::slice::Iter<'a, u32>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl FromIterator<u32> for SentenceIndices {
    fn from_iter<I: IntoIterator<Item = u32>>(iter: I) -> Self {
        SentenceIndices::from(iter.into_iter().collect::<Vec<u32>>())
    }
}

impl From<Vec<u32>> for SentenceIndices {
    fn from(v: Vec<u32>) -> Self {
        if v.len() <= INLINE {
            SentenceIndices::exact(v.len(), v.into_iter())
        } else {
            SentenceIndices(Repr::Heap(v))
        }
    }
}

impl PartialEq for SentenceIndices {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for SentenceIndices {}

impl fmt::Debug for SentenceIndices {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(f)
    }
}

impl Serialize for SentenceIndices {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

crate::schema::inline_schema!(SentenceIndices, "SentenceIndices", g => {
    // Serialised as the array of the indices, in serving order.
    <Vec<u32> as schemars::JsonSchema>::json_schema(g)
});

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]
    use super::*;

    #[test]
    fn every_length_reads_back_and_serialises_as_a_list() {
        for n in 0..=9u32 {
            let v: Vec<u32> = (10..10 + n).collect();
            let a: SentenceIndices = v.iter().copied().collect();
            let b = SentenceIndices::from(v.clone());
            assert_eq!(a.as_slice(), v.as_slice());
            assert_eq!(b.as_slice(), v.as_slice());
            assert_eq!(a, b);
            assert_eq!(format!("{a:?}"), format!("{v:?}"));
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                serde_json::to_string(&v).unwrap()
            );
        }
        for n in 0..=9usize {
            let chain: Vec<usize> = (20..20 + n).collect();
            let want: Vec<u32> = (20..20 + n as u32).collect();
            assert_eq!(
                SentenceIndices::of_chain(&chain).as_slice(),
                want.as_slice()
            );
        }
        let one: SentenceIndices = [7].into_iter().collect();
        let other: SentenceIndices = [8].into_iter().collect();
        assert_ne!(one, other);
    }
}
