//! VRP (violent reoffending) and SVRP (serious violent reoffending), the 2026 replacements of OVP and SNSV
//! (docs/rules/predictors.md#vrp-and-svrp): the 2-year percentage from criminal history (static) or criminal history
//! and OASys answers (dynamic), with ARP's shape plus the violence terms (never / once violent, violent sanctions,
//! the violent log-rate ln(v / (gap + 30))). Coefficients generated from the service's files at 016919c
//! (`logistic::coefficients`); arithmetic as ARP (see `arp.rs`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::arp::{
    ActuarialCategory, ArpError, ArpInput, DynamicAnswers, MotivationLevel, ProblemLevel,
    answer_slots, band, inconsistent_drugs, missing_answers, other_drugs, relationship, unemployed,
};
use super::logistic::coefficients::{SVRP_DYNAMIC, SVRP_STATIC, VRP_DYNAMIC, VRP_STATIC};
use super::logistic::{self, Coefficients, History, HistoryTerms, StaticInputs, flag, level};
use super::rules::violent::{self as rules, Idx};
use super::{FieldSet, RiskBand, ScoreKind};
use crate::allocation::RuleList;
use crate::model::Sex;

/// The inputs of VRP and SVRP (docs/rules/predictors.md "Common static inputs", and each one's dynamic list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ViolentInput {
    /// The date of the assessment (the service defaults it to today; here it is explicit).
    #[serde(deserialize_with = "crate::model::date::de")]
    pub assessment_date: NaiveDate,
    /// Date of birth.
    #[serde(deserialize_with = "crate::model::date::de")]
    pub date_of_birth: NaiveDate,
    /// Date of the current conviction.
    #[serde(deserialize_with = "crate::model::date::de")]
    pub conviction_date: NaiveDate,
    /// Start of follow-up; defaults to the conviction date.
    #[serde(
        default,
        deserialize_with = "crate::model::date::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub follow_up_start: Option<NaiveDate>,
    /// `male` or `female`.
    pub sex: Sex,
    /// Age in whole years at the first sanction (0–109).
    pub age_at_first_sanction: u32,
    /// Total sanctions for all offences, including the current one (1–999).
    pub total_sanctions: u32,
    /// Sanctions for violent offences (0 to `total_sanctions`).
    pub violent_sanctions: u32,
    /// The current offence's actuarial category.
    pub actuarial_category: ActuarialCategory,
    /// OASys answers; with any required one missing the score is static.
    #[serde(default)]
    pub dynamic: DynamicAnswers,
}

impl From<&ViolentInput> for ArpInput {
    /// ARP's inputs are VRP's without the violent-sanction count.
    fn from(v: &ViolentInput) -> Self {
        ArpInput {
            assessment_date: v.assessment_date,
            date_of_birth: v.date_of_birth,
            conviction_date: v.conviction_date,
            follow_up_start: v.follow_up_start,
            sex: v.sex,
            age_at_first_sanction: v.age_at_first_sanction,
            total_sanctions: v.total_sanctions,
            actuarial_category: v.actuarial_category,
            dynamic: v.dynamic,
        }
    }
}

/// The criminal-history terms of VRP and SVRP, each the coefficient × its input, and the sum of every term.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ViolentTerms {
    /// The 2-year intercept.
    pub intercept: f64,
    /// The sex-specific polynomial in age at follow-up start (VRP: quartic, dynamic male quadratic; SVRP:
    /// quadratic).
    pub age_sex: f64,
    /// The female term (0 for a man).
    pub female: f64,
    /// The offence category's coefficient.
    pub offence_category: f64,
    /// The first-sanction flag's coefficient (n = 1), else 0.
    pub first_sanction: f64,
    /// The second-sanction flag's coefficient (n = 2), else 0.
    pub second_sanction: f64,
    /// n × the sanction-occasions coefficient.
    pub sanction_occasions: f64,
    /// (age at conviction − age at first sanction) × the sex's coefficient, at n = 2; else 0.
    pub second_sanction_gap: f64,
    /// The polynomial in offence-free months (VRP quartic static, quadratic dynamic; SVRP quartic).
    pub offence_free_months: f64,
    /// c · ln(n / (gap + 12)) at n ≥ 3, else 0.
    pub copas: f64,
    /// No violent sanction (v = 0): the sex's coefficient, else 0.
    pub never_violent: f64,
    /// One violent sanction (v = 1): the coefficient, else 0.
    pub once_violent: f64,
    /// v × the violent-sanctions coefficient.
    pub violent_sanctions: f64,
    /// c · ln(v / (gap + 30)) when v > 0, else 0.
    pub violent_rate: f64,
    /// The sum of every term, the dynamic ones included.
    pub total: f64,
}

/// The dynamic terms of VRP (each the coefficient × the answer's score; absent drug answers count 0).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs, reason = "one term per answer, named as the answer")]
pub struct VrpDynamicTerms {
    pub accommodation: f64,
    /// The coefficient × 2 when unemployed.
    pub unemployed: f64,
    pub live_in_relationship: f64,
    pub relationship_quality: f64,
    /// Living together × relationship quality (only when living together).
    pub live_in_relationship_quality: f64,
    pub domestic_abuse: f64,
    pub regular_offending_activities: f64,
    pub drug_motivation: f64,
    pub chronic_drinking: f64,
    pub binge_drinking: f64,
    pub impulsivity: f64,
    pub temper_control: f64,
    pub methadone: f64,
    pub other_opiate: f64,
    pub crack_cocaine: f64,
    pub powder_cocaine: f64,
    pub prescription_drug_misuse: f64,
    pub benzodiazepines: f64,
    pub cannabis: f64,
    pub steroids: f64,
    /// Other drugs, ketamine, spice, hallucinogens or solvents: one shared term.
    pub other_drugs: f64,
}

/// The dynamic terms of SVRP.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs, reason = "one term per answer, named as the answer")]
pub struct SvrpDynamicTerms {
    pub carrying_or_using_weapon: f64,
    pub accommodation: f64,
    /// The coefficient × 2 when unemployed.
    pub unemployed: f64,
    pub chronic_drinking: f64,
    pub temper_control: f64,
    pub pro_criminal_attitudes: f64,
    pub past_homicide: f64,
    pub past_wounding_gbh: f64,
    pub past_kidnapping: f64,
    pub past_firearms: f64,
    pub past_robbery: f64,
    pub past_aggravated_burglary: f64,
    pub past_weapon: f64,
    pub past_criminal_damage: f64,
    pub past_arson: f64,
}

/// The dynamic terms of VRP or SVRP, while scoring.
#[derive(Clone, Copy)]
enum ViolentDynamicTerms {
    Vrp(VrpDynamicTerms),
    Svrp(SvrpDynamicTerms),
}

/// A VRP or SVRP score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ViolentScore {
    /// 2-year percentage, 2 dp (VRP 0.01–99.99; SVRP 0.00–99.99).
    pub score: f64,
    /// Band (VRP 30/60/80; SVRP 1/3/6.9).
    pub band: RiskBand,
    /// Static or dynamic.
    pub kind: ScoreKind,
    /// Required dynamic answers that were missing (non-empty: the score fell back to static).
    pub missing_dynamic: FieldSet,
    /// Drug-use answers given as true with no motivation answer (VRP; non-empty: the score fell back to
    /// static).
    pub inconsistent_drug_answers: FieldSet,
    /// Whole years of age at the start of follow-up.
    pub age_at_follow_up: u32,
    /// Whole years of age at the current conviction.
    pub age_at_conviction: u32,
    /// Whole months from the start of follow-up to the assessment date, 0–36.
    pub offence_free_months: u32,
    /// The criminal-history terms and the total.
    pub terms: ViolentTerms,
    /// VRP's OASys terms, for a dynamic VRP score.
    pub vrp_dynamic: Option<VrpDynamicTerms>,
    /// SVRP's OASys terms, for a dynamic SVRP score.
    pub svrp_dynamic: Option<SvrpDynamicTerms>,
    /// Every rule that fired.
    pub rules: RuleList,
}

/// A VRP score.
pub type VrpScore = ViolentScore;
/// An SVRP score.
pub type SvrpScore = ViolentScore;

/// VRP's required dynamic answers: ARP's without pro-criminal attitudes, with drug motivation and temper control.
const VRP_REQUIRED: [&str; 11] = [
    "suitability_of_accommodation",
    "is_unemployed",
    "current_relationship_with_partner",
    "evidence_of_domestic_abuse",
    "current_relationship_status",
    "regular_offending_activities",
    "motivation_to_tackle_drug_misuse",
    "current_alcohol_use_problems",
    "excessive_alcohol_use",
    "impulsivity_problems",
    "temper_control",
];
/// VRP's drug answers (no heroin term; methadone).
const VRP_DRUGS: &[&str] = DynamicAnswers::FLAGS.split_at(4).1;
/// SVRP's required dynamic answers.
const SVRP_REQUIRED: [&str; 7] = [
    "carrying_or_using_weapon",
    "suitability_of_accommodation",
    "is_unemployed",
    "current_alcohol_use_problems",
    "temper_control",
    "pro_criminal_attitudes",
    "previous_convictions",
];

fn static_inputs(i: &ViolentInput) -> StaticInputs {
    StaticInputs {
        assessment_date: i.assessment_date,
        date_of_birth: i.date_of_birth,
        conviction_date: i.conviction_date,
        follow_up_start: i.follow_up_start,
        sex: i.sex,
        age_at_first_sanction: i.age_at_first_sanction,
        total_sanctions: i.total_sanctions,
        actuarial_category: i.actuarial_category,
        violent_sanctions: i.violent_sanctions,
    }
}

fn violent_terms(t: &HistoryTerms, total: f64) -> ViolentTerms {
    ViolentTerms {
        intercept: t.intercept,
        age_sex: super::exact_sum(&t.age),
        female: t.female,
        offence_category: t.offence_category,
        first_sanction: t.first_sanction,
        second_sanction: t.second_sanction,
        sanction_occasions: t.sanction_occasions,
        second_sanction_gap: t.second_sanction_gap,
        offence_free_months: super::exact_sum(&t.ofm),
        copas: t.copas,
        never_violent: t.never_violent,
        once_violent: t.once_violent,
        violent_sanctions: t.violent_sanctions,
        violent_rate: t.violent_rate,
        total,
    }
}

/// What the two predictors differ in.
struct Predictor {
    required: &'static [&'static str],
    /// `required`'s answer numbers (`answer_slots`).
    required_slots: &'static [u8],
    drugs: &'static [&'static str],
    /// `drugs`' answer numbers.
    drug_slots: &'static [u8],
    tables: [&'static Coefficients; 2],
    dynamic: fn(&DynamicAnswers, &Coefficients) -> (ViolentDynamicTerms, [f64; 21]),
    edges: [f64; 3],
    zero_refused: bool,
    rule: Idx,
}

fn score(input: &ViolentInput, p: &Predictor) -> Result<ViolentScore, ArpError> {
    let h: History = logistic::history(&static_inputs(input), true)?;
    let mut fired = RuleList::new(rules::TABLE);
    let missing = missing_answers(&input.dynamic, p.required, p.required_slots);
    let inconsistent = inconsistent_drugs(&input.dynamic, p.drugs, p.drug_slots);
    let is_dynamic = missing.is_empty() && inconsistent.is_empty();
    let [static_table, dynamic_table] = p.tables;
    let (c, dynamic) = if is_dynamic {
        fired.fire(Idx::DYNAMIC.bit());
        (
            dynamic_table,
            Some((p.dynamic)(&input.dynamic, dynamic_table)),
        )
    } else {
        fired.fire(Idx::FALLBACK.bit());
        (static_table, None)
    };
    let t = logistic::history_terms(&h, c, 12);
    let total = logistic::total(&t, &dynamic.as_ref().map_or([0.0; 21], |d| d.1));
    let hundredths = logistic::hundredths(total);
    if hundredths == 0 && p.zero_refused {
        return Err(ArpError::ScoreZero);
    }
    let score = logistic::percentage(hundredths);
    fired.fire(Idx::TERMS.bit());
    fired.fire(p.rule.bit());
    Ok(ViolentScore {
        score,
        band: band(score, p.edges),
        kind: ScoreKind::of(is_dynamic),
        missing_dynamic: missing,
        inconsistent_drug_answers: inconsistent,
        age_at_follow_up: h.age_at_follow_up,
        age_at_conviction: h.age_at_conviction,
        offence_free_months: h.ofm,
        terms: violent_terms(&t, total),
        vrp_dynamic: match dynamic {
            Some((ViolentDynamicTerms::Vrp(t), _)) => Some(t),
            _ => None,
        },
        svrp_dynamic: match dynamic {
            Some((ViolentDynamicTerms::Svrp(t), _)) => Some(t),
            _ => None,
        },
        rules: fired,
    })
}

fn vrp_dynamic(d: &DynamicAnswers, c: &Coefficients) -> (ViolentDynamicTerms, [f64; 21]) {
    let a = &c.answers;
    let p = |x: Option<ProblemLevel>, coef: f64| level(x, ProblemLevel::score, coef);
    let [
        live_in_relationship,
        relationship_quality,
        live_in_relationship_quality,
    ] = relationship(d, a);
    let t = VrpDynamicTerms {
        accommodation: p(d.suitability_of_accommodation, a.accommodation_suitability),
        unemployed: unemployed(d, a.unemployed),
        live_in_relationship,
        relationship_quality,
        live_in_relationship_quality,
        domestic_abuse: flag(d.evidence_of_domestic_abuse, a.domestic_abuse),
        regular_offending_activities: p(
            d.regular_offending_activities,
            a.activities_encourage_offending,
        ),
        drug_motivation: level(
            d.motivation_to_tackle_drug_misuse,
            MotivationLevel::score,
            a.motivation_to_tackle_drug_misuse,
        ),
        chronic_drinking: p(d.current_alcohol_use_problems, a.chronic_drinking),
        binge_drinking: p(d.excessive_alcohol_use, a.binge_drinking),
        impulsivity: p(d.impulsivity_problems, a.impulsivity),
        temper_control: p(d.temper_control, a.temper),
        methadone: flag(d.has_methadone_usage, a.methadone),
        other_opiate: flag(d.has_other_opiate_usage, a.other_opiate),
        crack_cocaine: flag(d.has_crack_cocaine_usage, a.crack_cocaine),
        powder_cocaine: flag(d.has_powder_cocaine_usage, a.powder_cocaine),
        prescription_drug_misuse: flag(
            d.has_misused_prescription_drug_usage,
            a.prescription_drug_misuse,
        ),
        benzodiazepines: flag(d.has_benzodiazepines_usage, a.benzodiazepines),
        cannabis: flag(d.has_cannabis_usage, a.cannabis),
        steroids: flag(d.has_steroids_usage, a.steroids),
        other_drugs: other_drugs(d, a.other_drugs),
    };
    let v = [
        t.accommodation,
        t.unemployed,
        t.live_in_relationship,
        t.relationship_quality,
        t.live_in_relationship_quality,
        t.domestic_abuse,
        t.regular_offending_activities,
        t.drug_motivation,
        t.chronic_drinking,
        t.binge_drinking,
        t.impulsivity,
        t.temper_control,
        t.methadone,
        t.other_opiate,
        t.crack_cocaine,
        t.powder_cocaine,
        t.prescription_drug_misuse,
        t.benzodiazepines,
        t.cannabis,
        t.steroids,
        t.other_drugs,
    ];
    (ViolentDynamicTerms::Vrp(t), v)
}

fn svrp_dynamic(d: &DynamicAnswers, c: &Coefficients) -> (ViolentDynamicTerms, [f64; 21]) {
    let a = &c.answers;
    let p = |x: Option<ProblemLevel>, coef: f64| level(x, ProblemLevel::score, coef);
    let past = d.previous_convictions.unwrap_or_default();
    let on = |b: bool, coef: f64| if b { coef } else { 0.0 };
    let t = SvrpDynamicTerms {
        carrying_or_using_weapon: flag(d.carrying_or_using_weapon, a.carry_or_use_weapon),
        accommodation: p(d.suitability_of_accommodation, a.accommodation_suitability),
        unemployed: unemployed(d, a.unemployed),
        chronic_drinking: p(d.current_alcohol_use_problems, a.chronic_drinking),
        temper_control: p(d.temper_control, a.temper),
        pro_criminal_attitudes: p(d.pro_criminal_attitudes, a.pro_criminal_attitude),
        past_homicide: on(past.homicide, a.past_homicide_offence),
        past_wounding_gbh: on(past.wounding_gbh, a.past_gbh_offence),
        past_kidnapping: on(past.kidnapping, a.past_kidnapping_offence),
        past_firearms: on(past.firearms, a.past_firearms_offence),
        past_robbery: on(past.robbery, a.past_robbery_offence),
        past_aggravated_burglary: on(past.aggravated_burglary, a.past_aggravated_burglary_offence),
        past_weapon: on(past.weapon, a.past_weapon_offence),
        past_criminal_damage: on(past.criminal_damage, a.past_criminal_damage_offence),
        past_arson: on(past.arson, a.past_arson_offence),
    };
    let mut v = [0.0; 21];
    for (slot, x) in v.iter_mut().zip([
        t.carrying_or_using_weapon,
        t.accommodation,
        t.unemployed,
        t.chronic_drinking,
        t.temper_control,
        t.pro_criminal_attitudes,
        t.past_homicide,
        t.past_wounding_gbh,
        t.past_kidnapping,
        t.past_firearms,
        t.past_robbery,
        t.past_aggravated_burglary,
        t.past_weapon,
        t.past_criminal_damage,
        t.past_arson,
    ]) {
        *slot = x;
    }
    (ViolentDynamicTerms::Svrp(t), v)
}

/// Scores VRP: dynamic when every required answer (ARP's without pro-criminal attitudes, plus drug motivation
/// and temper control) is given and the drug answers are consistent, else static. A score that rounds to 0.00
/// is refused (`score_zero`), as the service does. The first failing check, in the order of [`ArpError`]'s
/// variants, is the error.
pub fn vrp(input: &ViolentInput) -> Result<VrpScore, ArpError> {
    score(
        input,
        &Predictor {
            required: &VRP_REQUIRED,
            required_slots: &const { answer_slots::<11>(&VRP_REQUIRED) },
            drugs: VRP_DRUGS,
            drug_slots: &const { answer_slots::<13>(VRP_DRUGS) },
            tables: [&VRP_STATIC, &VRP_DYNAMIC],
            dynamic: vrp_dynamic,
            edges: [30.0, 60.0, 80.0],
            zero_refused: true,
            rule: Idx::VRP_SCORE,
        },
    )
}

/// Scores SVRP: dynamic when the weapon, accommodation, unemployment, alcohol, temper, attitudes and previous
/// convictions answers are all given, else static. 0.00 is a score (band low).
pub fn svrp(input: &ViolentInput) -> Result<SvrpScore, ArpError> {
    score(
        input,
        &Predictor {
            required: &SVRP_REQUIRED,
            required_slots: &const { answer_slots::<7>(&SVRP_REQUIRED) },
            drugs: &[],
            drug_slots: &[],
            tables: [&SVRP_STATIC, &SVRP_DYNAMIC],
            dynamic: svrp_dynamic,
            edges: [1.0, 3.0, 6.9],
            zero_refused: false,
            rule: Idx::SVRP_SCORE,
        },
    )
}
