//! Criminal history, OASys answers and the OGRS4-family predictor outputs of each assessment, computed with the
//! library's own predictors (`crate::predictors`) from the generated history: what OASys would have shown had
//! the 2026 predictors been in use at each assessment (docs/rules/predictors.md).
//!
//! Drawn from a stream of its own (one word of the case's stream, taken last), so adding it changed no other
//! part of a generated case.

use chrono::NaiveDate;

use super::rng::Rng;
use crate::model::{
    Case, CriminalHistory, Predictor, PredictorBand, PredictorKind, Predictors, Sex,
};
use crate::predictors::{
    ActuarialCategory, DynamicAnswers, MotivationLevel, Outcome, PreviousConvictions, ProblemLevel,
    RelationshipStatus, RiskBand, ScoreKind, predictors,
};

/// Actuarial categories of the generated events, weighted roughly as a community caseload.
const CATEGORIES: &[(ActuarialCategory, u32)] = &[
    (ActuarialCategory::TheftNonMotor, 150),
    (ActuarialCategory::ViolenceAgainstThePersonSubAbh, 120),
    (ActuarialCategory::ViolenceAgainstThePersonAbhPlus, 90),
    (ActuarialCategory::DrugPossessionOrSupply, 100),
    (ActuarialCategory::BurglaryDomestic, 50),
    (ActuarialCategory::BurglaryOther, 30),
    (ActuarialCategory::PublicOrderAndHarrassment, 70),
    (ActuarialCategory::MotoringOffences, 50),
    (ActuarialCategory::DrinkDriving, 40),
    (ActuarialCategory::FraudAndForgery, 40),
    (ActuarialCategory::CriminalDamage, 40),
    (ActuarialCategory::AcquisitiveViolence, 30),
    (ActuarialCategory::WeaponsNonFirearm, 30),
    (ActuarialCategory::HandlingStolenGoods, 20),
    (ActuarialCategory::AbscondingOrBail, 20),
    (ActuarialCategory::OtherOffences, 40),
    (ActuarialCategory::SexualNotAgainstChild, 15),
    (ActuarialCategory::SexualAgainstChild, 15),
    (ActuarialCategory::DrugImportExportOrProduction, 10),
    (ActuarialCategory::VehicleRelatedTheft, 15),
    (ActuarialCategory::Drunkenness, 5),
    (ActuarialCategory::WelfareFraud, 5),
    (ActuarialCategory::FirearmsOther, 3),
    (ActuarialCategory::FirearmsMostSerious, 2),
];

fn level(rng: &mut Rng) -> ProblemLevel {
    rng.weighted(&[
        (ProblemLevel::NoProblems, 450),
        (ProblemLevel::SomeProblems, 350),
        (ProblemLevel::SignificantProblems, 200),
    ])
    .unwrap_or(ProblemLevel::NoProblems)
}

/// OASys answers for most cases (every answer ARP, VRP and SVRP read), a few partial.
fn answers(rng: &mut Rng) -> DynamicAnswers {
    let drug = rng.chance(300);
    let mut d = DynamicAnswers {
        suitability_of_accommodation: Some(level(rng)),
        is_unemployed: Some(rng.chance(450)),
        current_relationship_with_partner: Some(level(rng)),
        evidence_of_domestic_abuse: Some(rng.chance(200)),
        current_relationship_status: rng.weighted(&[
            (RelationshipStatus::NotInRelationship, 500),
            (RelationshipStatus::LivingTogether, 300),
            (RelationshipStatus::NotLivingTogether, 200),
        ]),
        regular_offending_activities: Some(level(rng)),
        current_alcohol_use_problems: Some(level(rng)),
        excessive_alcohol_use: Some(level(rng)),
        impulsivity_problems: Some(level(rng)),
        pro_criminal_attitudes: Some(level(rng)),
        motivation_to_tackle_drug_misuse: rng.weighted(&[
            (MotivationLevel::FullMotivation, 500),
            (MotivationLevel::PartialMotivation, 350),
            (MotivationLevel::NoMotivation, 150),
        ]),
        temper_control: Some(level(rng)),
        carrying_or_using_weapon: Some(rng.chance(100)),
        previous_convictions: Some(PreviousConvictions {
            wounding_gbh: rng.chance(80),
            robbery: rng.chance(60),
            weapon: rng.chance(90),
            criminal_damage: rng.chance(200),
            arson: rng.chance(15),
            ..PreviousConvictions::default()
        }),
        ..DynamicAnswers::default()
    };
    if drug {
        d.has_cannabis_usage = Some(rng.chance(700));
        d.has_crack_cocaine_usage = Some(rng.chance(250));
        d.has_heroin_usage = Some(rng.chance(200));
        d.has_powder_cocaine_usage = Some(rng.chance(300));
    }
    // A few assessments leave an answer out: ARP, VRP and SVRP fall back to static.
    if rng.chance(150) {
        d.temper_control = None;
    }
    if rng.chance(100) {
        d.pro_criminal_attitudes = None;
    }
    d
}

/// Sanctions before the first generated event, the first sanction's age, violent and sexual counts.
fn history(rng: &mut Rng, case: &Case) -> Option<CriminalHistory> {
    let first = case.events.iter().map(|e| e.conviction_date()).min()?;
    let age_at_first_event = first.years_since(case.person.date_of_birth)?;
    let events = u32::try_from(case.events.len()).unwrap_or(1);
    let previous = rng
        .weighted(&[(0u32, 200), (2, 250), (6, 250), (15, 200), (35, 100)])
        .unwrap_or(0);
    let previous = if previous == 0 {
        0
    } else {
        rng.range(previous / 2, previous)
    };
    let total = (events + previous).min(999);
    let age_at_first_sanction = if previous == 0 {
        age_at_first_event
    } else {
        rng.range(12.min(age_at_first_event), age_at_first_event)
    };
    let violent = rng.range(0, total / 2);
    let sexual = case.person.sex == Sex::Male && rng.chance(60);
    let mut h = CriminalHistory {
        total_sanctions: Some(total),
        age_at_first_sanction: Some(age_at_first_sanction),
        violent_sanctions: Some(violent),
        has_ever_committed_sexual_offence: Some(sexual),
        last_offence_date: case.events.iter().map(|e| e.offence_date).max(),
        ..CriminalHistory::default()
    };
    if sexual {
        let budget = total.saturating_sub(violent).max(1);
        let adult = rng.range(0, budget.min(2));
        let child = rng.range(0, budget.saturating_sub(adult).min(2));
        let images = if adult + child == 0 {
            1
        } else {
            rng.range(0, budget.saturating_sub(adult + child).min(2))
        };
        h.contact_adult_sexual_sanctions = Some(adult);
        h.contact_child_sexual_sanctions = Some(child);
        h.non_contact_sexual_offences = Some(0);
        h.indecent_image_sanctions = Some(images);
        h.last_sexual_offence_date = Some(first);
        h.current_offence_against_stranger = Some(rng.chance(300));
    }
    Some(h)
}

fn band(b: RiskBand) -> PredictorBand {
    match b {
        RiskBand::Low => PredictorBand::Low,
        RiskBand::Medium => PredictorBand::Medium,
        RiskBand::High => PredictorBand::High,
        RiskBand::VeryHigh => PredictorBand::VeryHigh,
        RiskBand::NotApplicable => PredictorBand::NotApplicable,
    }
}

fn kind(k: ScoreKind) -> PredictorKind {
    match k {
        ScoreKind::Static => PredictorKind::Static,
        ScoreKind::Dynamic => PredictorKind::Dynamic,
    }
}

fn output<T>(o: &Outcome<T>, f: impl Fn(&T) -> Predictor) -> Option<Predictor> {
    match o {
        Outcome::Scored { score } => Some(f(score)),
        _ => None,
    }
}

/// The OGRS4-family outputs the library computes for `case` on `on` (none when nothing could be computed).
fn outputs(case: &Case, on: NaiveDate) -> Option<Predictors> {
    let p = predictors(case, on);
    let scored = |score: f64, k: Option<ScoreKind>, b: RiskBand| Predictor {
        score,
        kind: k.map(kind),
        band: Some(band(b)),
    };
    let out = Predictors {
        arp: output(&p.arp, |s| scored(s.score, Some(s.kind), s.band)),
        csrp: output(&p.csrp, |s| scored(s.score, Some(s.kind), s.band)),
        dc_srp: output(&p.dc_srp, |s| scored(s.score, None, s.band)),
        vrp: output(&p.vrp, |s| scored(s.score, Some(s.kind), s.band)),
        svrp: output(&p.svrp, |s| scored(s.score, Some(s.kind), s.band)),
        iic_srp: output(&p.iic_srp, |s| scored(s.score, None, s.band)),
    };
    (out != Predictors::default()).then_some(out)
}

/// Adds the criminal history, the events' actuarial categories, the OASys answers and each assessment's
/// predictor outputs to `case`.
pub(crate) fn add(rng: &mut Rng, case: &mut Case) {
    for e in &mut case.events {
        e.actuarial_category = rng.weighted(CATEGORIES);
    }
    case.criminal_history = history(rng, case);
    if rng.chance(850) {
        case.dynamic_answers = Some(answers(rng));
    }
    let dates: Vec<NaiveDate> = case.assessments.iter().map(|a| a.date).collect();
    for (i, date) in dates.into_iter().enumerate() {
        let out = outputs(case, date);
        if let Some(a) = case.assessments.get_mut(i) {
            a.predictors = out;
        }
    }
}
