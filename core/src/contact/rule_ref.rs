//! The rule behind a policy entry: a built-in [`Rule`] (presets) or one declared in a custom JSON policy.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::rules::{Basis, Rule};

/// Mirror of [`Basis`] for reading custom policies (the shared type only serialises).
#[derive(Serialize, Deserialize)]
#[serde(remote = "Basis", rename_all = "snake_case")]
enum BasisDef {
    Verified,
    VerifiedCode,
    Assumption,
}

/// A rule declared in a custom policy: the same four fields as a built-in [`Rule`], owned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi(name = "Rule"))]
#[serde(deny_unknown_fields)]
pub struct CustomRule {
    /// Stable identifier, dotted (`mytrust.first_appointment`).
    pub id: String,
    /// Plain-English statement of the rule.
    pub text: String,
    /// Where it comes from.
    pub source: String,
    /// How well it is sourced: `verified`, `verified_code` or `assumption`.
    #[serde(with = "BasisDef")]
    pub basis: Basis,
}

/// The rule that created a schedule item or an enforcement step.
///
/// Presets hold `&'static` [`Rule`]s; a policy read from JSON holds [`CustomRule`]s behind an [`Arc`], so copying
/// a rule into every result item never allocates. Both serialise to the same object:
/// `{"id", "text", "source", "basis"}`, and a policy written out and read back keeps every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleRef {
    /// A rule built into this library.
    Builtin(&'static Rule),
    /// A rule declared by a custom policy.
    Custom(Arc<CustomRule>),
}

impl RuleRef {
    /// The rule's id.
    pub fn id(&self) -> &str {
        match self {
            RuleRef::Builtin(r) => r.id,
            RuleRef::Custom(r) => &r.id,
        }
    }
    /// The rule's text.
    pub fn text(&self) -> &str {
        match self {
            RuleRef::Builtin(r) => r.text,
            RuleRef::Custom(r) => &r.text,
        }
    }
    /// Where the rule comes from.
    pub fn source(&self) -> &str {
        match self {
            RuleRef::Builtin(r) => r.source,
            RuleRef::Custom(r) => &r.source,
        }
    }
    /// How well the rule is sourced.
    pub fn basis(&self) -> Basis {
        match self {
            RuleRef::Builtin(r) => r.basis,
            RuleRef::Custom(r) => r.basis,
        }
    }
}

impl From<&'static Rule> for RuleRef {
    fn from(r: &'static Rule) -> Self {
        RuleRef::Builtin(r)
    }
}

impl Serialize for RuleRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            RuleRef::Builtin(r) => r.serialize(s),
            RuleRef::Custom(r) => r.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for RuleRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        CustomRule::deserialize(d).map(|r| RuleRef::Custom(Arc::new(r)))
    }
}

crate::schema::inline_schema!(RuleRef, "RuleRef", g => {
    // Built-in or custom, a rule serialises as a `Rule`.
    g.subschema_for::<Rule>()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_and_custom_serialise_alike() {
        const R: Rule = Rule::new("a.b", "text", "src", Basis::Assumption);
        let b = serde_json::to_value(RuleRef::from(&R)).unwrap();
        let c: RuleRef = serde_json::from_value(b.clone()).unwrap();
        assert_eq!(serde_json::to_value(&c).unwrap(), b);
        assert_eq!(c.id(), "a.b");
        assert_eq!(c.basis(), Basis::Assumption);
    }
}
