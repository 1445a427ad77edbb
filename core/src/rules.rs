//! Rules as typed data: every decision the library makes names the [`Rule`]s that produced it.

use serde::Serialize;

/// How well a rule is sourced (the labels of the rulebook, docs/rules/README.md#labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Stated by a public source (legislation, HMIP, GOV.UK, MoJ). `\[V\]`.
    Verified,
    /// How a public HMPPS system implements it. `[V-code]`.
    VerifiedCode,
    /// An assumption where no source could be read; shipped as an overridable default. `\[A\]`.
    Assumption,
}

impl Basis {
    /// The short label: `V` (verified), `V-code` (verified in code) or `A` (assumption); see
    /// docs/rules/README.md#labels.
    pub const fn label(self) -> &'static str {
        match self {
            Basis::Verified => "V",
            Basis::VerifiedCode => "V-code",
            Basis::Assumption => "A",
        }
    }
}

/// One rule of probation practice, with where it comes from.
///
/// Rules are `'static` data: results hold `&'static Rule`, so explaining a decision costs no allocation.
///
/// ```
/// use probation_core::rules::{Basis, Rule};
/// const R: Rule = Rule::new("example.rule", "an example", "docs/rules/README.md#labels", Basis::Assumption);
/// assert_eq!(R.basis.label(), "A");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rule {
    /// Stable identifier, dotted (`allocation.tr.mappa`).
    pub id: &'static str,
    /// Plain-English statement of the rule.
    pub text: &'static str,
    /// Where the rule comes from (statute, policy instruction, public HMPPS repository).
    pub source: &'static str,
    /// How well the rule is sourced.
    pub basis: Basis,
}

impl Rule {
    /// Builds a rule; `const` so rules can be declared as constants.
    pub const fn new(
        id: &'static str,
        text: &'static str,
        source: &'static str,
        basis: Basis,
    ) -> Self {
        Rule {
            id,
            text,
            source,
            basis,
        }
    }
}

/// Declares an area's rules as `pub static`s, a `TABLE` of them in listing order, and a crate-private index enum
/// (one variant per rule, named as the rule) so that firing a rule is setting one bit.
macro_rules! rule_table {
    ($(#[$tm:meta])* $table:ident, $idx:ident;
     $( $(#[$m:meta])* $name:ident = ($id:expr, $text:expr, $source:expr, $basis:expr $(,)?); )+) => {
        $( $(#[$m])* pub static $name: Rule = Rule::new($id, $text, $source, $basis); )+
        $(#[$tm])*
        pub static $table: &[&Rule] = &[$(&$name),+];
        /// Index of each rule in the table.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, reason = "one index per rule, named as the rule")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum $idx { $($name),+ }
        impl $idx {
            /// The bit of this rule in a [`crate::allocation::RuleList`].
            pub(crate) const fn bit(self) -> u32 {
                1 << (self as u32)
            }
        }
    };
}
pub(crate) use rule_table;
/// A rule of one of core's tables as results hold it; one name for it, so that the Kotlin binding can map it
/// onto its `Rule` record (`crate::ffi`, feature `uniffi`).
pub type StaticRule = &'static Rule;

/// Every rule table of the library, by area, in a fixed order. A new area adds its table here (the rulebook drift
/// test, `core/tests/rule_docs.rs`, checks every rule of these tables and fails on a rule declared elsewhere).
pub fn tables() -> [(&'static str, &'static [&'static Rule]); 14] {
    use crate::{
        allocation, audit, calendar, contact, predictors, release, sentence, tier, tier2026,
    };
    [
        ("allocation", allocation::rules::TABLE),
        ("tier", tier::rules::TABLE),
        ("tier 2026", tier2026::rules::TABLE),
        ("ogrs3", predictors::rules::ogrs3::TABLE),
        ("arp", predictors::rules::arp::TABLE),
        ("dc-srp", predictors::rules::dcsrp::TABLE),
        ("vrp-svrp", predictors::rules::violent::TABLE),
        ("iic-srp-csrp", predictors::rules::combined::TABLE),
        ("release", release::rules::TABLE),
        ("contact", contact::rules::TABLE),
        ("contact presets", contact::presets::TABLE),
        ("sentence", sentence::rules::TABLE),
        ("calendar", calendar::rules::TABLE),
        ("audit", audit::rules::TABLE),
    ]
}

/// The built-in rule with this id, and the table that holds it; `None` for an id no table has.
pub fn by_id(id: &str) -> Option<(&'static Rule, &'static [&'static Rule])> {
    tables()
        .into_iter()
        .find_map(|(_, table)| table.iter().find(|r| r.id == id).map(|r| (*r, table)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]
    use super::*;
    use crate::allocation::RuleList;

    #[test]
    fn every_rule_is_found_by_its_id_in_its_own_table() {
        for (area, table) in tables() {
            for r in table {
                let (found, in_table) = by_id(r.id).unwrap();
                assert!(std::ptr::eq(found, *r), "{area}: {} is not unique", r.id);
                assert!(std::ptr::eq(in_table, table), "{area}: {}", r.id);
            }
        }
        assert!(by_id("no.such.rule").is_none());
    }

    #[test]
    fn a_rule_list_is_rebuilt_over_its_table_and_refuses_two_tables() {
        let tier = crate::tier::rules::TABLE;
        let picked = [tier[2], tier[0]];
        let list = RuleList::from_rules(&picked).unwrap();
        assert_eq!(list.ids().collect::<Vec<_>>(), [tier[0].id, tier[2].id]);
        assert_eq!(RuleList::from_rules(&[]).unwrap().len(), 0);
        let mixed = [tier[0], crate::allocation::rules::TABLE[0]];
        assert!(RuleList::from_rules(&mixed).is_none());
    }
}
