//! The one declaration of the columnar engine's columns: name, kind, encoding, in the order bindings list them.

use crate::model::{CrcArea, NpsDivision, PredictorBand, PredictorKind, Provider, RoshLevel};
use crate::tier2026::Tier2026Code;

/// The code of a missing categorical value (any `u8` column of kind [`Kind::Cat`]).
pub const NO_CODE: u8 = u8::MAX;
/// A missing date (`i32` days since 1970-01-01).
pub const NO_DATE: i32 = i32::MIN;

/// A categorical column's categories: the codes are indices into [`Categories::names`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Categories {
    /// [`CrcArea::ALL`], by code (`C01` .. `C21`).
    HomeArea,
    /// [`RoshLevel`]: `low`, `medium`, `high`, `very_high` (codes 0–3, in order of seriousness).
    Rosh,
    /// [`PredictorKind`]: `static`, `dynamic`.
    PredictorKind,
    /// [`PredictorBand`]: `not_applicable`, `low`, `medium`, `high`, `very_high`.
    PredictorBand,
}

/// The `arp_kind` / `csrp_kind` categories, in code order.
pub const PREDICTOR_KINDS: [(&str, PredictorKind); 2] = [
    ("static", PredictorKind::Static),
    ("dynamic", PredictorKind::Dynamic),
];

/// The `dc_srp_band` categories, in code order.
pub const PREDICTOR_BANDS: [(&str, PredictorBand); 5] = [
    ("not_applicable", PredictorBand::NotApplicable),
    ("low", PredictorBand::Low),
    ("medium", PredictorBand::Medium),
    ("high", PredictorBand::High),
    ("very_high", PredictorBand::VeryHigh),
];

/// The RoSH categories, in code order.
pub const ROSH: [(&str, RoshLevel); 4] = [
    ("low", RoshLevel::Low),
    ("medium", RoshLevel::Medium),
    ("high", RoshLevel::High),
    ("very_high", RoshLevel::VeryHigh),
];

impl Categories {
    /// The category names, in code order.
    pub fn names(self) -> Vec<&'static str> {
        match self {
            Categories::HomeArea => CrcArea::ALL.iter().map(|c| c.code()).collect(),
            Categories::Rosh => ROSH.iter().map(|(k, _)| *k).collect(),
            Categories::PredictorKind => PREDICTOR_KINDS.iter().map(|(k, _)| *k).collect(),
            Categories::PredictorBand => PREDICTOR_BANDS.iter().map(|(k, _)| *k).collect(),
        }
    }

    /// The name bindings give the category list (`cat:<key>`).
    pub const fn key(self) -> &'static str {
        match self {
            Categories::HomeArea => "home_area",
            Categories::Rosh => "rosh",
            Categories::PredictorKind => "predictor_kind",
            Categories::PredictorBand => "predictor_band",
        }
    }

    /// The code of `name`, `None` when it is not a category.
    pub fn code_of(self, name: &str) -> Option<u8> {
        let i = self.names().iter().position(|n| *n == name)?;
        u8::try_from(i).ok()
    }
}

/// How a column is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `i32` days since 1970-01-01, [`NO_DATE`] = missing.
    Date,
    /// `f64`, NaN = missing.
    F64,
    /// `u8` 0 / 1 (any non-zero is true).
    Bool,
    /// `u8` from 0 to `max`.
    U8 {
        /// The largest valid value.
        max: u8,
    },
    /// `u8` code into the categories, [`NO_CODE`] = missing.
    Cat(Categories),
}

impl Kind {
    /// The encoding as bindings name it: `date`, `f64`, `bool`, `u8`, `cat:<key>`.
    pub fn encoding(self) -> String {
        match self {
            Kind::Date => "date".to_owned(),
            Kind::F64 => "f64".to_owned(),
            Kind::Bool => "bool".to_owned(),
            Kind::U8 { .. } => "u8".to_owned(),
            Kind::Cat(c) => format!("cat:{}", c.key()),
        }
    }
}

macro_rules! inputs {
    ($($(#[$doc:meta])* $var:ident = $name:literal : $kind:expr,)*) => {
        /// An input column of the columnar engine.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs, reason = "each variant is the column of the same name, documented in docs/python.md")]
        pub enum Input { $($(#[$doc])* $var,)* }

        /// Every input column: `(column, name, kind)`, in the order bindings list them.
        pub const INPUTS: &[(Input, &str, Kind)] = &[$((Input::$var, $name, $kind),)*];
    };
}

use Categories as C;
use Kind::{Bool, Cat, Date, F64};
const NEED: Kind = Kind::U8 { max: 2 };

inputs! {
    On = "on": Date,
    HomeArea = "home_area": Cat(C::HomeArea),
    MappaEligible = "mappa_eligible": Bool,
    AssessedRosh = "assessed_rosh": Cat(C::Rosh),
    RegisteredRosh = "registered_rosh": Cat(C::Rosh),
    ForeignNational = "foreign_national_liable_to_deportation": Bool,
    Rsr = "rsr": F64,
    SentenceDate = "sentence_date": Date,
    Female = "female": Bool,
    Ogrs = "ogrs": F64,
    MappaLevel = "mappa_level": Kind::U8 { max: 3 },
    Parenting = "parenting_responsibilities": Bool,
    Impulsivity = "impulsivity_or_temper": Bool,
    Breach = "breach_or_recall_last_12_months": Bool,
    Iom = "iom": Bool,
    Unsupervised = "unsupervised": Bool,
    HasMandate = "has_mandate": Bool,
    HasAssessment = "has_assessment": Bool,
    // The complexity factors, in `ComplexityFactor::ALL` order (public_interest and terrorism are also
    // allocation criteria).
    MentalHealth = "mental_health": Bool,
    SelfHarm = "self_harm": Bool,
    Vulnerability = "vulnerability": Bool,
    ChildConcerns = "child_concerns": Bool,
    RiskToChildren = "risk_to_children": Bool,
    ChildProtection = "child_protection": Bool,
    PublicInterest = "public_interest": Bool,
    AdultAtRisk = "adult_at_risk": Bool,
    StreetGangs = "street_gangs": Bool,
    Terrorism = "terrorism": Bool,
    // The needs, in `NeedArea::ALL` order: 0 no need, 1 standard, 2 severe.
    NeedAccommodation = "need_accommodation": NEED,
    NeedEte = "need_education_training_employability": NEED,
    NeedRelationships = "need_relationships": NEED,
    NeedLifestyle = "need_lifestyle_associates": NEED,
    NeedDrugs = "need_drug_misuse": NEED,
    NeedAlcohol = "need_alcohol_misuse": NEED,
    NeedThinking = "need_thinking_behaviour": NEED,
    NeedAttitudes = "need_attitudes": NEED,
    NeedFinance = "need_financial_management": NEED,
    NeedEmotional = "need_emotional_wellbeing": NEED,
    // The RSR and RoSH both tiers read (absent: `rsr` / `registered_rosh`), the MAPPA category (0 none, 1–4),
    // and the columns only the 2026 tier reads.
    TierRsr = "tier_rsr": F64,
    TierRosh = "tier_rosh": Cat(C::Rosh),
    MappaCategory = "mappa_category": Kind::U8 { max: 4 },
    ActiveEvent = "active_event": Bool,
    Arp = "arp": F64,
    ArpKind = "arp_kind": Cat(C::PredictorKind),
    Csrp = "csrp": F64,
    CsrpKind = "csrp_kind": Cat(C::PredictorKind),
    DcSrp = "dc_srp": F64,
    DcSrpBand = "dc_srp_band": Cat(C::PredictorBand),
    Lifer = "lifer": Bool,
    LatestRelease = "latest_release": Date,
    DomesticAbuse = "domestic_abuse": Bool,
    Stalking = "stalking": Bool,
    SexualOffence = "sexual_offence": Bool,
}

/// The complexity-factor columns, in `ComplexityFactor::ALL` order.
pub const COMPLEXITY: [Input; 10] = [
    Input::MentalHealth,
    Input::SelfHarm,
    Input::Vulnerability,
    Input::ChildConcerns,
    Input::RiskToChildren,
    Input::ChildProtection,
    Input::PublicInterest,
    Input::AdultAtRisk,
    Input::StreetGangs,
    Input::Terrorism,
];

/// The need columns, in `NeedArea::ALL` order.
pub const NEEDS: [Input; 10] = [
    Input::NeedAccommodation,
    Input::NeedEte,
    Input::NeedRelationships,
    Input::NeedLifestyle,
    Input::NeedDrugs,
    Input::NeedAlcohol,
    Input::NeedThinking,
    Input::NeedAttitudes,
    Input::NeedFinance,
    Input::NeedEmotional,
];

impl Input {
    /// The column's position in [`INPUTS`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The column's name.
    pub fn name(self) -> &'static str {
        INPUTS.get(self.index()).map_or("", |(_, n, _)| *n)
    }

    /// The column's kind.
    pub fn kind(self) -> Kind {
        INPUTS.get(self.index()).map_or(Kind::Bool, |(_, _, k)| *k)
    }

    /// The column named `name`.
    pub fn by_name(name: &str) -> Option<Input> {
        INPUTS
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(c, _, _)| *c)
    }
}

/// Every output column, `(name, encoding)`: `cat:<list>` columns are `u8` codes into [`output_categories`],
/// `rules:<area>` columns `u32` bitsets over that area's rule table (`RuleList::from_bits`).
pub const OUTPUTS: [(&str, &str); 10] = [
    ("provider", "cat:provider"),
    ("allocation_deadline", "date"),
    ("allocation_rules", "rules:allocation"),
    ("tier", "cat:tier"),
    ("protect_points", "u32"),
    ("change_points", "u32"),
    ("tier_rules", "rules:tier"),
    ("tier_2026", "cat:tier_2026"),
    ("provisional", "bool"),
    ("tier_2026_rules", "rules:tier2026"),
];

/// Every provider, in the order of the `provider` output's codes.
pub fn providers() -> Vec<Provider> {
    let mut v = vec![Provider::ProbationTrust];
    v.extend(NpsDivision::ALL.iter().map(|d| Provider::Nps(*d)));
    v.extend(CrcArea::ALL.iter().map(|c| Provider::Crc(*c)));
    v.push(Provider::ProbationService);
    v
}

/// The `provider` output code of `p`.
pub fn provider_code(p: Provider) -> u8 {
    let i = match p {
        Provider::ProbationTrust => 0,
        Provider::Nps(d) => 1 + d as usize,
        Provider::Crc(c) => 1 + NpsDivision::ALL.len() + c as usize,
        Provider::ProbationService => 1 + NpsDivision::ALL.len() + CrcArea::ALL.len(),
    };
    u8::try_from(i).unwrap_or(NO_CODE)
}

/// The `tier_2026` output's categories, in code order.
pub const TIER_2026_NAMES: [&str; 9] = [
    "not_supervised",
    "missing",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
];

/// The `tier_2026` output code of `code`.
pub fn tier_2026_code(code: Tier2026Code) -> u8 {
    let name = code.as_str();
    let i = TIER_2026_NAMES.iter().position(|n| *n == name);
    i.and_then(|i| u8::try_from(i).ok()).unwrap_or(NO_CODE)
}

/// Tier strings in the order of the `tier` output's codes: `A0`..`D3`, then `A0S`..`D3S`.
pub fn tier_names() -> Vec<String> {
    let mut v = Vec::with_capacity(32);
    for s in ["", "S"] {
        for l in ['A', 'B', 'C', 'D'] {
            for d in 0..4 {
                v.push(format!("{l}{d}{s}"));
            }
        }
    }
    v
}

/// The category lists of the outputs and of the categorical inputs, by list name.
pub fn output_categories() -> Vec<(&'static str, Vec<String>)> {
    let owned = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect::<Vec<_>>();
    vec![
        (
            "provider",
            providers().iter().map(|p| p.to_string()).collect(),
        ),
        ("tier", tier_names()),
        ("tier_2026", owned(TIER_2026_NAMES.to_vec())),
        ("predictor_kind", owned(Categories::PredictorKind.names())),
        ("predictor_band", owned(Categories::PredictorBand.names())),
        ("rosh", owned(Categories::Rosh.names())),
        ("home_area", owned(Categories::HomeArea.names())),
    ]
}
