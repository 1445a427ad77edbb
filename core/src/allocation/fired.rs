//! [`RuleList`]: the rules that fired for one decision, held inline (no heap allocation).

use std::fmt;

use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::rules::Rule;

/// The most rules one decision can fire (allocation fires at most 9, a tier at most 16).
pub const MAX_FIRED: usize = 20;

/// The rules that fired for one decision, in the order they fired, each at most once.
///
/// Held inline in a fixed-size array so that computing a decision never allocates; serialised as a JSON list of
/// rule objects (`id`, `text`, `source`, `basis`).
///
/// ```
/// use probation_core::allocation::RuleList;
/// use probation_core::rules::{Basis, Rule};
/// static R: Rule = Rule::new("example.rule", "an example", "DOMAIN.md §0", Basis::Assumption);
/// let mut rules = RuleList::new();
/// rules.push(&R);
/// rules.push(&R);
/// assert_eq!(rules.len(), 1);
/// assert!(rules.contains("example.rule"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RuleList {
    rules: [Option<&'static Rule>; MAX_FIRED],
    len: u8,
}

impl RuleList {
    /// An empty list.
    pub const fn new() -> Self {
        RuleList {
            rules: [None; MAX_FIRED],
            len: 0,
        }
    }

    /// Records that `rule` fired. A rule already in the list is not added twice. The list is sized for the
    /// largest decision the library makes; a push beyond [`MAX_FIRED`] is ignored (and is a bug caught by tests).
    pub fn push(&mut self, rule: &'static Rule) {
        if self
            .iter()
            .any(|r| std::ptr::eq(r, rule) || r.id == rule.id)
        {
            return;
        }
        let i = usize::from(self.len);
        if let Some(slot) = self.rules.get_mut(i) {
            *slot = Some(rule);
            self.len += 1;
        } else {
            debug_assert!(false, "more than MAX_FIRED rules fired");
        }
    }

    /// The rules, in firing order.
    pub fn iter(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        self.rules
            .iter()
            .take(usize::from(self.len))
            .flatten()
            .copied()
    }

    /// How many rules fired.
    pub const fn len(&self) -> usize {
        self.len as usize
    }

    /// True when no rule fired.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// True when the rule with this id fired.
    pub fn contains(&self, id: &str) -> bool {
        self.iter().any(|r| r.id == id)
    }

    /// The ids of the rules, in firing order.
    pub fn ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iter().map(|r| r.id)
    }
}

impl Default for RuleList {
    fn default() -> Self {
        RuleList::new()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Basis;

    static A: Rule = Rule::new("a", "a", "s", Basis::Verified);
    static B: Rule = Rule::new("b", "b", "s", Basis::Assumption);

    #[test]
    fn keeps_order_and_serialises_as_objects() {
        let mut l = RuleList::new();
        l.push(&B);
        l.push(&A);
        l.push(&B);
        assert_eq!(l.ids().collect::<Vec<_>>(), ["b", "a"]);
        let v = serde_json::to_value(l).unwrap();
        assert_eq!(v[0]["id"], "b");
        assert_eq!(v[1]["basis"], "verified");
    }
}
