//! The rules that produced a result, as Kotlin records.

use probation_core::rules as r;

use crate::mirror::mirror_enum;

mirror_enum!(
    /// How well a rule is sourced: `Verified` [V], `VerifiedCode` [V-code], `Assumption` [A].
    Basis = r::Basis { Verified, VerifiedCode, Assumption });

/// One rule of probation practice, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Rule {
    /// Stable dotted identifier, e.g. `allocation.tr.mappa`.
    pub id: String,
    /// Plain-English statement of the rule.
    pub text: String,
    /// Where it comes from.
    pub source: String,
    /// How well it is sourced.
    pub basis: Basis,
}

impl From<&r::Rule> for Rule {
    fn from(rule: &r::Rule) -> Self {
        Rule {
            id: rule.id.to_owned(),
            text: rule.text.to_owned(),
            source: rule.source.to_owned(),
            basis: rule.basis.into(),
        }
    }
}

/// Converts a list of fired rules.
pub(crate) fn rules<'a>(rs: impl Iterator<Item = &'a r::Rule>) -> Vec<Rule> {
    rs.map(Into::into).collect()
}
