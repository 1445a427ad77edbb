//! Result types whose shape is not a plain record: bitsets, fixed arrays and codes written as text cross uniffi
//! as the list, map or string of their serialised form, and lift back from it (a value that does not read is a
//! typed error naming the field, never quoting the value).

use std::collections::HashMap;

use super::bad;
use crate::model::{NeedArea, NeedSeverity};
use crate::predictors::{
    ArpScore, CsrpScore, DcSrpScore, FieldSet, IicSrpScore, Ogrs3Score, Outcome, PredictorError,
    ViolentScore,
};
use crate::release::SentenceIndices;
use crate::tier::{
    ComplexityFactor, ComplexityFactors, NEED_AREAS, NdeliusTier, NeedScore, NeedScores,
    NeedSource, TierCode,
};
use crate::tier2026::{Steps, Tier2026Code, Tier2026Step};

uniffi::custom_type!(TierCode, String, {
    try_lift: |s| TierCode::parse(&s).ok_or_else(|| bad("tier", "a tier is a letter A-D, a digit 0-3 and an optional S")),
    lower: |t| t.to_string(),
});

uniffi::custom_type!(NdeliusTier, String, {
    try_lift: |s| NdeliusTier::parse(&s).ok_or_else(|| bad("ndelius", "an nDelius tier is U and a tier")),
    lower: |t| t.to_string(),
});

uniffi::custom_type!(Tier2026Code, String, {
    try_lift: |s| Tier2026Code::parse(&s).ok_or_else(|| bad("tier", "a 2026 tier is not_supervised, missing or A-G")),
    lower: |t| t.as_str().to_owned(),
});

// The set of distinct complexity factors, in factor order.
uniffi::custom_type!(ComplexityFactors, Vec<ComplexityFactor>, {
    try_lift: |v| Ok(v.into_iter().collect()),
    lower: |s| s.iter().collect(),
});

// A calculable sentence's booking indices, in serving order.
uniffi::custom_type!(SentenceIndices, Vec<u32>, {
    try_lift: |v| Ok(SentenceIndices::from(v)),
    lower: |s| s.to_vec(),
});

// Each need area → its contribution (as core serialises it); `weight` and `points` are recomputed on the way
// back, and an area left out is absent with no need.
uniffi::custom_type!(NeedScores, HashMap<NeedArea, NeedScore>, {
    try_lift: |m| Ok(need_scores(&m)),
    lower: |n| n.iter().collect(),
});

// The steps that produced a letter, in table order; each step's rule is the step's own on the way back.
uniffi::custom_type!(Steps, Vec<Tier2026Step>, {
    try_lift: |v| Ok(v.into_iter().map(|s| (s.step, s.letter)).collect()),
    lower: |s| s.entries().collect(),
});

fn need_scores(m: &HashMap<NeedArea, NeedScore>) -> NeedScores {
    let mut severity = [NeedSeverity::NoNeed; NEED_AREAS];
    let mut source = [NeedSource::Absent; NEED_AREAS];
    for ((area, sev), src) in NeedArea::ALL.iter().zip(&mut severity).zip(&mut source) {
        if let Some(n) = m.get(area) {
            *sev = n.severity;
            *src = n.source;
        }
    }
    NeedScores(severity, source)
}

/// Text of the library's own tables (a rule-free name, kind or id: a tranche's name, a predictor error's kind).
pub type StaticStr = &'static str;

// Output only: a `'static` text cannot be rebuilt from a string without leaking it, and no exported function
// takes one back, so lifting one is a typed error.
uniffi::custom_type!(StaticStr, String, {
    remote,
    try_lift: |_s| Err(bad("", "the library's own text cannot be passed into it")),
    lower: |s| s.to_owned(),
});

// The field names of the set, in input order; output only, as `StaticStr`.
uniffi::custom_type!(FieldSet, Vec<String>, {
    try_lift: |_v| Err(bad("", "the library's own field names cannot be passed into it")),
    lower: |f| f.iter().map(str::to_owned).collect(),
});

/// uniffi has no generic types: each `Outcome<Score>` of [`crate::predictors::CasePredictors`] crosses as its
/// own enum, generated here with the variants of [`Outcome`] (serialised `status`: `scored`, `refused`,
/// `not_computed`).
macro_rules! outcome_view {
    ($($alias:ident = $view:ident($score:ty);)+) => {$(
        /// `Outcome` of one predictor, as a type uniffi can name.
        pub type $alias = Outcome<$score>;

        /// One predictor computed from a case: a score, a refusal, or not computed.
        #[derive(uniffi::Enum)]
        #[allow(clippy::large_enum_variant, reason = "the shape of `Outcome`, which holds its score inline; built only at the boundary")]
        pub enum $view {
            /// Computed.
            Scored {
                /// The score.
                score: $score,
            },
            /// The inputs were present but refused.
            Refused {
                /// Why.
                error: PredictorError,
            },
            /// Not computed: these case fields (paths) are missing.
            NotComputed {
                /// The missing case fields, e.g. `criminal_history.total_sanctions`.
                missing: Vec<String>,
            },
        }

        uniffi::custom_type!($alias, $view, {
            try_lift: |v| Ok(match v {
                $view::Scored { score } => Outcome::Scored { score },
                $view::Refused { error } => Outcome::Refused { error },
                $view::NotComputed { missing } => Outcome::NotComputed { missing },
            }),
            lower: |o| match o {
                Outcome::Scored { score } => $view::Scored { score },
                Outcome::Refused { error } => $view::Refused { error },
                Outcome::NotComputed { missing } => $view::NotComputed { missing },
            },
        });
    )+};
}

outcome_view! {
    Ogrs3Outcome = Ogrs3OutcomeView(Ogrs3Score);
    ArpOutcome = ArpOutcomeView(ArpScore);
    DcSrpOutcome = DcSrpOutcomeView(DcSrpScore);
    ViolentOutcome = ViolentOutcomeView(ViolentScore);
    IicSrpOutcome = IicSrpOutcomeView(IicSrpScore);
    CsrpOutcome = CsrpOutcomeView(CsrpScore);
}
