//! Rules as typed data: every decision the library makes names the [`Rule`]s that produced it.

use serde::Serialize;

/// How well a rule is sourced (the labels of `DOMAIN.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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
    /// The label used in `DOMAIN.md`: `V`, `V-code` or `A`.
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
/// const R: Rule = Rule::new("example.rule", "an example", "DOMAIN.md §0", Basis::Assumption);
/// assert_eq!(R.basis.label(), "A");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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

/// A rule of one of core's tables as results hold it; one name for it, so that the Kotlin binding can map it
/// onto its `Rule` record (`crate::ffi`, feature `uniffi`).
pub type StaticRule = &'static Rule;
