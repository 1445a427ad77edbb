//! [`RuleList`]: the rules that fired for one decision, as a bitset over an area's rule table (no allocation).

use std::fmt;

use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::rules::Rule;

/// The most rules one area's table may hold.
pub const MAX_FIRED: usize = 32;

// `rule_table!` lives in `crate::rules`; re-exported here for the paths that named it before.
#[allow(
    unused_imports,
    reason = "old path of the macro, kept for code that names it"
)]
pub(crate) use crate::rules::rule_table;

/// The rules that fired for one decision, listed in the order of their area's rule table (which is the logical
/// order of the decision), each at most once.
///
/// A bitset over a `'static` table of rules: building one never allocates, and copying one is 16 bytes. Serialised
/// as a JSON list of rule objects (`id`, `text`, `source`, `basis`).
///
/// ```
/// use probation_core::allocation::{rules, RuleList};
/// let mut fired = RuleList::new(rules::TABLE);
/// fired.push(&rules::CRC);
/// fired.push(&rules::MAPPA);
/// fired.push(&rules::MAPPA);
/// assert_eq!(fired.ids().collect::<Vec<_>>(), ["allocation.tr.mappa", "allocation.tr.crc"]);
/// assert!(fired.contains("allocation.tr.crc"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RuleList {
    table: &'static [&'static Rule],
    bits: u32,
}

impl RuleList {
    /// An empty list over `table` (an area's `rules::TABLE`, at most [`MAX_FIRED`] rules).
    pub const fn new(table: &'static [&'static Rule]) -> Self {
        RuleList { table, bits: 0 }
    }

    /// Records that the rule with this bit fired (crate-internal fast path).
    pub(crate) fn fire(&mut self, bit: u32) {
        self.bits |= bit;
    }

    /// Records that `rule` fired. A rule not in the table is ignored; a rule already listed is not listed twice.
    pub fn push(&mut self, rule: &'static Rule) {
        if let Some(i) = self.table.iter().position(|r| std::ptr::eq(*r, rule)) {
            self.bits |= 1u32.checked_shl(i as u32).unwrap_or(0);
        }
    }

    /// The list of `rules` over the table that holds them (an empty list over no table); `None` when they are
    /// not all of one of core's tables ([`crate::rules::tables`]).
    pub fn from_rules(rules: &[&'static Rule]) -> Option<Self> {
        let Some(first) = rules.first() else {
            return Some(RuleList::new(&[]));
        };
        let (_, table) = crate::rules::by_id(first.id)?;
        let mut out = RuleList::new(table);
        for r in rules {
            if !table.iter().any(|t| std::ptr::eq(*t, *r)) {
                return None;
            }
            out.push(r);
        }
        Some(out)
    }

    /// The rules, in table order.
    pub fn iter(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        let bits = self.bits;
        self.table
            .iter()
            .take(MAX_FIRED)
            .enumerate()
            .filter(move |(i, _)| bits & (1 << i) != 0)
            .map(|(_, r)| *r)
    }

    /// The bitset: bit `i` set when rule `i` of the table fired (the columnar engine's per-row output).
    pub const fn bits(&self) -> u32 {
        self.bits
    }

    /// The list over `table` whose bitset is `bits` (bits beyond the table are dropped).
    pub fn from_bits(table: &'static [&'static Rule], bits: u32) -> Self {
        let mask = 1u32
            .checked_shl(table.len() as u32)
            .map_or(u32::MAX, |m| m - 1);
        RuleList {
            table,
            bits: bits & mask,
        }
    }

    /// How many rules fired.
    pub const fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    /// True when no rule fired.
    pub const fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// True when the rule with this id fired.
    pub fn contains(&self, id: &str) -> bool {
        self.iter().any(|r| r.id == id)
    }

    /// The ids of the rules, in order.
    pub fn ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iter().map(|r| r.id)
    }
}

impl fmt::Debug for RuleList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.ids()).finish()
    }
}

impl Serialize for RuleList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for r in self.iter() {
            seq.serialize_element(r)?;
        }
        seq.end()
    }
}

crate::schema::inline_schema!(RuleList, "RuleList", g => {
    // Serialised as the array of the rules that fired, in order.
    <Vec<Rule> as schemars::JsonSchema>::json_schema(g)
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allocation::rules as a;
    use crate::tier::rules as t;

    #[test]
    fn tables_fit_and_indices_match() {
        for table in [a::TABLE, t::TABLE] {
            assert!(table.len() <= MAX_FIRED);
            let mut ids: Vec<_> = table.iter().map(|r| r.id).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), table.len(), "rule ids are unique");
        }
        let mut l = RuleList::new(a::TABLE);
        l.fire(a::Idx::DEADLINE.bit());
        assert_eq!(l.ids().collect::<Vec<_>>(), [a::DEADLINE.id]);
        let mut l = RuleList::new(t::TABLE);
        l.fire(t::Idx::NDELIUS_FORM.bit());
        assert_eq!(l.ids().collect::<Vec<_>>(), [t::NDELIUS_FORM.id]);
    }

    #[test]
    fn serialises_as_rule_objects_in_table_order() {
        let mut l = RuleList::new(a::TABLE);
        l.push(&a::DEADLINE);
        l.push(&a::MAPPA);
        let v = serde_json::to_value(l).unwrap();
        assert_eq!(v[0]["id"], "allocation.tr.mappa");
        assert_eq!(v[1]["basis"], "verified");
        l.push(&t::RSR); // not in the allocation table: ignored
        assert_eq!(l.len(), 2);
    }
}
