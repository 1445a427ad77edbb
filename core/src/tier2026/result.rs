//! [`Tier2026`]: the result of a 2026 tier calculation, and the combined [`Tiers`].

use std::fmt;

use chrono::NaiveDate;
use serde::ser::{Serialize, Serializer};

use super::rules;
use crate::allocation::RuleList;
use crate::rules::{Rule, StaticRule};
use crate::tier::Tier;

/// A letter of the 2026 tier, A highest. Ordered by severity: `G < F < … < A`. Serialised as the letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Letter {
    /// G, the lowest.
    G,
    /// F.
    F,
    /// E.
    E,
    /// D.
    D,
    /// C.
    C,
    /// B.
    B,
    /// A, the highest.
    A,
}

impl Letter {
    /// The letter as a character.
    pub const fn as_char(self) -> char {
        match self {
            Letter::A => 'A',
            Letter::B => 'B',
            Letter::C => 'C',
            Letter::D => 'D',
            Letter::E => 'E',
            Letter::F => 'F',
            Letter::G => 'G',
        }
    }
}

/// The 2026 tier: not supervised, missing (no ARP or CSRP), or a letter. Ordered
/// `NotSupervised < Missing < G < … < A`. Serialised as `"not_supervised"`, `"missing"` or the letter (`"B"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier2026Code {
    /// No active event.
    NotSupervised,
    /// An active event but no ARP or no CSRP.
    Missing,
    /// A letter A–G.
    Letter(Letter),
}

impl Tier2026Code {
    /// The letter, when there is one.
    pub const fn letter(self) -> Option<Letter> {
        match self {
            Tier2026Code::Letter(l) => Some(l),
            _ => None,
        }
    }
    /// The text: `not_supervised`, `missing` or the letter.
    pub const fn as_str(self) -> &'static str {
        match self {
            Tier2026Code::NotSupervised => "not_supervised",
            Tier2026Code::Missing => "missing",
            Tier2026Code::Letter(l) => match l {
                Letter::A => "A",
                Letter::B => "B",
                Letter::C => "C",
                Letter::D => "D",
                Letter::E => "E",
                Letter::F => "F",
                Letter::G => "G",
            },
        }
    }
}

impl Tier2026Code {
    /// Reads the text form (`not_supervised`, `missing`, `A`–`G`); `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        let letter = match s {
            "not_supervised" => return Some(Tier2026Code::NotSupervised),
            "missing" => return Some(Tier2026Code::Missing),
            "A" => Letter::A,
            "B" => Letter::B,
            "C" => Letter::C,
            "D" => Letter::D,
            "E" => Letter::E,
            "F" => Letter::F,
            "G" => Letter::G,
            _ => return None,
        };
        Some(Tier2026Code::Letter(letter))
    }
}

impl fmt::Display for Tier2026Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Tier2026Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A step of the 2026 tier (docs/rules/tier-2026.md), in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The reoffending table (CSRP × ARP).
    Reoffending,
    /// DC-SRP.
    SexualReoffending,
    /// MAPPA category and RoSH.
    MappaRosh,
    /// Lifer / IPP release.
    Lifer,
    /// `ADVP` or `REG30`.
    DomesticAbuse,
    /// `SPO`.
    Stalking,
    /// `RCPR`.
    ChildProtection,
    /// Ever committed a sexual offence.
    SexualOffence,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 8] = [
        Step::Reoffending,
        Step::SexualReoffending,
        Step::MappaRosh,
        Step::Lifer,
        Step::DomesticAbuse,
        Step::Stalking,
        Step::ChildProtection,
        Step::SexualOffence,
    ];

    /// The rule of the step.
    pub fn rule(self) -> &'static Rule {
        match self {
            Step::Reoffending => &rules::REOFFENDING,
            Step::SexualReoffending => &rules::SEXUAL_REOFFENDING,
            Step::MappaRosh => &rules::MAPPA_ROSH,
            Step::Lifer => &rules::LIFER,
            Step::DomesticAbuse => &rules::DOMESTIC_ABUSE,
            Step::Stalking => &rules::STALKING,
            Step::ChildProtection => &rules::CHILD_PROTECTION,
            Step::SexualOffence => &rules::SEXUAL_OFFENCE,
        }
    }
}

/// The letter each step produced (`None`: no result), in [`Step::ALL`] order. Serialised as a list of the steps
/// that produced a letter: `[{"step", "letter", "rule": {"id", "text", "source", "basis"}}]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Steps(pub [Option<Letter>; 8]);

impl Steps {
    /// The letter of `step`.
    pub fn get(&self, step: Step) -> Option<Letter> {
        self.0.get(step as usize).copied().flatten()
    }
    /// The steps that produced a letter, in order.
    pub fn iter(&self) -> impl Iterator<Item = (Step, Letter)> + '_ {
        Step::ALL
            .iter()
            .zip(self.0.iter())
            .filter_map(|(s, l)| Some((*s, (*l)?)))
    }
    /// The highest letter over the steps `keep` accepts (`G` if none).
    pub fn highest(&self, keep: impl Fn(Step) -> bool) -> Letter {
        self.iter()
            .filter(|(s, _)| keep(*s))
            .map(|(_, l)| l)
            .max()
            .unwrap_or(super::table::NO_RESULT)
    }
}

/// One step of the 2026 tier that produced a letter, with its rule: how [`Steps`] serialises (and crosses to
/// Kotlin as) each element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Tier2026Step {
    /// The step.
    pub step: Step,
    /// The letter it produced.
    pub letter: Letter,
    /// The step's rule.
    pub rule: StaticRule,
}

impl Steps {
    /// Each step that produced a letter, with its rule, in order.
    pub fn entries(&self) -> impl Iterator<Item = Tier2026Step> + '_ {
        self.iter().map(|(step, letter)| Tier2026Step {
            step,
            letter,
            rule: step.rule(),
        })
    }
}

impl FromIterator<(Step, Letter)> for Steps {
    /// Steps from `(step, letter)` pairs (a later pair for the same step replaces an earlier one).
    fn from_iter<I: IntoIterator<Item = (Step, Letter)>>(iter: I) -> Self {
        let mut out = Steps::default();
        for (step, letter) in iter {
            if let Some(slot) = out.0.get_mut(step as usize) {
                *slot = Some(letter);
            }
        }
        out
    }
}

impl Serialize for Steps {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.entries())
    }
}

/// Why a 2026 tier is provisional: each rule that made it so (both false when it is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Provisional {
    /// The static-predictor rule: a static ARP or CSRP set the tier above what the other steps give.
    pub static_predictors: bool,
    /// The missing-RoSH rule: no RoSH registration, and the other steps give less than A (with a MAPPA category)
    /// or C (without).
    pub missing_rosh: bool,
}

impl Provisional {
    /// True when either rule applies.
    pub const fn any(self) -> bool {
        self.static_predictors || self.missing_rosh
    }
}

/// A 2026 tier (docs/rules/tier-2026.md): the tier, whether it is provisional and why, every step that produced a letter,
/// and every rule that fired.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Tier2026 {
    /// `not_supervised`, `missing` or A–G.
    pub tier: Tier2026Code,
    /// Provisional (only ever true for A–G).
    pub provisional: bool,
    /// Which provisional rules applied.
    pub provisional_because: Provisional,
    /// The steps that produced a letter.
    pub steps: Steps,
    /// The date of the calculation.
    pub on: NaiveDate,
    /// Every rule that fired.
    pub rules: RuleList,
}

/// Both tiers of a case on a date, as hmpps-tier stores them: the 2021 two-axis tier and the 2026 tier.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Tiers {
    /// The 2021 tier (A0–D3), as [`crate::tier::tier`] returns it.
    pub tier_2021: Tier,
    /// The 2026 tier (A–G, provisional).
    pub tier_2026: Tier2026,
}

#[cfg(feature = "schema")]
mod schema {
    //! JSON Schemas of the result types that serialise by hand.
    use schemars::json_schema;

    use super::{Steps, Tier2026Code, Tier2026Step};

    crate::schema::inline_schema!(Tier2026Code, "Tier2026Code", _ =>
        json_schema!({ "type": "string", "pattern": "^(not_supervised|missing|[A-G])$" }));

    crate::schema::inline_schema!(Steps, "Steps", g => {
        let item = g.subschema_for::<Tier2026Step>();
        json_schema!({
            "type": "array",
            "description": "The steps that produced a letter, in table order.",
            "items": item
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tier::{ChangeLevel, NdeliusTier, ProtectLevel, TierCode};

    #[test]
    fn codes_read_back_what_they_write_and_nothing_else() {
        let letters = [
            Letter::A,
            Letter::B,
            Letter::C,
            Letter::D,
            Letter::E,
            Letter::F,
            Letter::G,
        ];
        let codes = [Tier2026Code::NotSupervised, Tier2026Code::Missing]
            .into_iter()
            .chain(letters.map(Tier2026Code::Letter));
        for c in codes {
            assert_eq!(Tier2026Code::parse(c.as_str()), Some(c));
        }
        let protect = [
            ProtectLevel::A,
            ProtectLevel::B,
            ProtectLevel::C,
            ProtectLevel::D,
        ];
        let change = [
            ChangeLevel::Zero,
            ChangeLevel::One,
            ChangeLevel::Two,
            ChangeLevel::Three,
        ];
        for (p, c, s) in protect.iter().flat_map(|p| {
            change
                .iter()
                .flat_map(move |c| [(*p, *c, false), (*p, *c, true)])
        }) {
            let t = TierCode {
                protect: p,
                change: c,
                unsupervised: s,
            };
            assert_eq!(TierCode::parse(&t.to_string()), Some(t));
            assert_eq!(
                NdeliusTier::parse(&t.ndelius().to_string()),
                Some(t.ndelius())
            );
        }
        for bad in [
            "", "a", "H", "E4", "A4", "B2SS", "B2X", "UB", "B2 ", "Missing",
        ] {
            assert_eq!(TierCode::parse(bad), None, "{bad}");
            assert_eq!(Tier2026Code::parse(bad), None, "{bad}");
        }
        assert_eq!(NdeliusTier::parse("B2"), None);
    }
}
