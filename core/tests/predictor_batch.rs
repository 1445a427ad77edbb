//! The batch predictors over columns (`predictors::batch`) against the per-case functions: on random and edge
//! inputs, valid and not, every row of `ogrs3_columns` is `ogrs3_percentages` of that row's input and every row
//! of `arp_columns` is `arp`'s figures, to the bit (floats compared by their bits), errors included.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test code"
)]

use chrono::{Days, NaiveDate};
use probation_core::model::Sex;
use probation_core::predictors::batch::{
    ArpColumns, ArpFigures, ColumnLengthError, Ogrs3Columns, arp_columns, day_number, ogrs3_code,
    ogrs3_columns,
};
use probation_core::predictors::{
    ActuarialCategory, ArpError, ArpInput, DynamicAnswers, MotivationLevel, Ogrs3Error, Ogrs3Input,
    Ogrs3Percentages, PreviousConvictions, ProblemLevel, RelationshipStatus, arp,
    ogrs3_percentages,
};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A date near an edge of a month or a leap day, or any day from 1900 to 2030.
fn some_date(r: &mut Rng) -> NaiveDate {
    let base = date("1900-01-01");
    match r.below(4) {
        0 => r.pick(&[
            date("1996-02-29"),
            date("2000-02-29"),
            date("1999-12-31"),
            date("2004-01-31"),
            date("1988-08-31"),
            date("1992-05-31"),
        ]),
        _ => base + Days::new(r.below(47_000)),
    }
}

fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    d.checked_add_signed(chrono::TimeDelta::days(days))
        .unwrap_or(d)
}

fn ogrs3_bits(
    r: &Result<Ogrs3Percentages, Ogrs3Error>,
) -> Result<(u8, u8, String, [u64; 3]), Ogrs3Error> {
    r.map(|p| {
        (
            p.one_year,
            p.two_year,
            format!("{:?}", p.band),
            [
                p.one_year_probability.to_bits(),
                p.two_year_probability.to_bits(),
                p.total.to_bits(),
            ],
        )
    })
}

fn ogrs3_inputs(r: &mut Rng, n: usize) -> Vec<Ogrs3Input> {
    let codes = [
        "00100", "02400", "09201", "04900", "05300", "03300", "00806", "01400", "08800", "95000",
        "12345", "99999", "00000", "1234", "123456", "12a45", "", " 0100",
    ];
    (0..n)
        .map(|_| {
            let dob = some_date(r);
            // Mostly 10–70 years after birth; sometimes before it, on it, or under 10 years after.
            let conviction = match r.below(10) {
                0 => shift(dob, r.below(4000) as i64 - 2000),
                1 => shift(dob, 3650 + r.below(3) as i64 - 1),
                _ => shift(dob, 3650 + r.below(22_000) as i64),
            };
            let follow_up = match r.below(12) {
                0 => shift(dob, r.below(5000) as i64 - 1000),
                1 => conviction,
                _ => shift(conviction, r.below(1500) as i64),
            };
            let code = match r.below(6) {
                0 => r.pick(&codes).to_owned(),
                1 => format!("{:05}", r.below(100_000)),
                _ => r.pick(&codes[..8]).to_owned(),
            };
            Ogrs3Input {
                sex: r.pick(&[Sex::Male, Sex::Male, Sex::Female, Sex::NotSpecified]),
                date_of_birth: dob,
                conviction_date: conviction,
                follow_up_start: follow_up,
                total_sanctions: r.pick(&[0, 1, 1, 2, 3, 999, 1000]).max(r.below(60) as u32),
                age_at_first_sanction: r.below(70) as u32,
                offence_code: code,
            }
        })
        .collect()
}

fn run_ogrs3(inputs: &[Ogrs3Input]) -> Vec<Result<Ogrs3Percentages, Ogrs3Error>> {
    let sex: Vec<Sex> = inputs.iter().map(|i| i.sex).collect();
    let dob: Vec<i32> = inputs.iter().map(|i| day_number(i.date_of_birth)).collect();
    let conv: Vec<i32> = inputs
        .iter()
        .map(|i| day_number(i.conviction_date))
        .collect();
    let fu: Vec<i32> = inputs
        .iter()
        .map(|i| day_number(i.follow_up_start))
        .collect();
    let total: Vec<u32> = inputs.iter().map(|i| i.total_sanctions).collect();
    let first: Vec<u32> = inputs.iter().map(|i| i.age_at_first_sanction).collect();
    let code: Vec<u32> = inputs.iter().map(|i| ogrs3_code(&i.offence_code)).collect();
    let mut out = vec![Err(Ogrs3Error::SexNotSpecified); inputs.len()];
    ogrs3_columns(
        &Ogrs3Columns {
            sex: &sex,
            date_of_birth: &dob,
            conviction_date: &conv,
            follow_up_start: &fu,
            total_sanctions: &total,
            age_at_first_sanction: &first,
            offence_code: &code,
        },
        &mut out,
    )
    .unwrap();
    out
}

/// 300,000 random rows (about a third refused, every error reached) and the per-case vectors' shapes.
#[test]
fn ogrs3_columns_equal_per_case() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let inputs = ogrs3_inputs(&mut r, 300_000);
    let out = run_ogrs3(&inputs);
    let mut errors = std::collections::BTreeMap::new();
    let mut ok = 0;
    for (input, got) in inputs.iter().zip(&out) {
        let want = ogrs3_percentages(input);
        assert_eq!(ogrs3_bits(got), ogrs3_bits(&want), "{input:?}");
        match want {
            Ok(_) => ok += 1,
            Err(e) => *errors.entry(e.kind()).or_insert(0) += 1,
        }
    }
    assert!(ok > 50_000, "{ok}");
    // Every kind of error is among the rows compared.
    assert_eq!(errors.len(), 10, "{errors:?}");
}

/// Whole years on every day of two birth dates' 12th and 40th years (leap days, month ends), as per case.
#[test]
fn ogrs3_columns_ages_at_every_day() {
    let mut inputs = Vec::new();
    for dob in [date("2000-02-29"), date("1983-01-31"), date("1971-12-31")] {
        for years in [10u64, 40] {
            let from = dob + chrono::Months::new(12 * years as u32 - 1);
            for on in from.iter_days().take(800) {
                inputs.push(Ogrs3Input {
                    sex: Sex::Female,
                    date_of_birth: dob,
                    conviction_date: on,
                    follow_up_start: on,
                    total_sanctions: 3,
                    age_at_first_sanction: 9,
                    offence_code: "00100".into(),
                });
            }
        }
    }
    let out = run_ogrs3(&inputs);
    for (input, got) in inputs.iter().zip(&out) {
        assert_eq!(
            ogrs3_bits(got),
            ogrs3_bits(&ogrs3_percentages(input)),
            "{input:?}"
        );
    }
}

#[test]
fn ogrs3_columns_name_a_short_column() {
    let one = [0i32];
    let mut out = [Err(Ogrs3Error::SexNotSpecified); 1];
    let got = ogrs3_columns(
        &Ogrs3Columns {
            sex: &[Sex::Male],
            date_of_birth: &one,
            conviction_date: &one,
            follow_up_start: &[],
            total_sanctions: &[1],
            age_at_first_sanction: &[1],
            offence_code: &[100],
        },
        &mut out,
    );
    assert_eq!(
        got,
        Err(ColumnLengthError {
            column: "follow_up_start"
        })
    );
}

fn some_answers(r: &mut Rng) -> DynamicAnswers {
    // Usually every required answer (dynamic), otherwise a random subset; drug flags now and then, with or
    // without the motivation answer.
    let all = r.below(3) != 0;
    let given = |r: &mut Rng| all || r.below(4) != 0;
    let level = |r: &mut Rng| {
        given(r).then(|| {
            r.pick(&[
                ProblemLevel::NoProblems,
                ProblemLevel::SomeProblems,
                ProblemLevel::SignificantProblems,
            ])
        })
    };
    let mut d = DynamicAnswers {
        suitability_of_accommodation: level(r),
        current_relationship_with_partner: level(r),
        regular_offending_activities: level(r),
        current_alcohol_use_problems: level(r),
        excessive_alcohol_use: level(r),
        impulsivity_problems: level(r),
        pro_criminal_attitudes: level(r),
        temper_control: level(r),
        current_relationship_status: (all || r.below(4) != 0).then(|| {
            r.pick(&[
                RelationshipStatus::NotInRelationship,
                RelationshipStatus::LivingTogether,
                RelationshipStatus::NotLivingTogether,
            ])
        }),
        motivation_to_tackle_drug_misuse: (r.below(3) != 0).then(|| {
            r.pick(&[
                MotivationLevel::FullMotivation,
                MotivationLevel::PartialMotivation,
                MotivationLevel::NoMotivation,
            ])
        }),
        previous_convictions: (r.below(2) == 0).then(PreviousConvictions::default),
        ..DynamicAnswers::default()
    };
    for name in DynamicAnswers::FLAGS {
        let v = match r.below(8) {
            0 => Some(true),
            1 | 2 => None,
            _ => Some(false),
        };
        // The two required flags follow the required answers' pattern.
        let v = if all
            && v.is_none()
            && (name == "is_unemployed" || name == "evidence_of_domestic_abuse")
        {
            Some(false)
        } else {
            v
        };
        *d.flag_mut(name).unwrap() = v;
    }
    d
}

fn arp_inputs(r: &mut Rng, n: usize) -> Vec<ArpInput> {
    let cats = [
        ActuarialCategory::TheftNonMotor,
        ActuarialCategory::BurglaryDomestic,
        ActuarialCategory::DrugPossessionOrSupply,
        ActuarialCategory::ViolenceAgainstThePersonSubAbh,
        ActuarialCategory::FraudAndForgery,
        ActuarialCategory::SexualAgainstChild,
        ActuarialCategory::AbscondingOrBail,
        ActuarialCategory::FirearmsMostSerious,
        ActuarialCategory::Unknown,
    ];
    (0..n)
        .map(|_| {
            let dob = some_date(r);
            let conviction = match r.below(12) {
                0 => shift(dob, r.below(4000) as i64 - 2000),
                _ => shift(dob, r.below(40_000) as i64),
            };
            // Assessment: mostly after the conviction; sometimes up to 4 months before it (the 3-month
            // check, month ends).
            let assessment = match r.below(6) {
                0 => shift(conviction, -(r.below(125) as i64)),
                _ => shift(conviction, r.below(1600) as i64),
            };
            let follow_up_start = match r.below(6) {
                0 => None,
                1 => Some(shift(dob, r.below(42_000) as i64 - 1000)),
                _ => Some(shift(conviction, r.below(900) as i64 - 100)),
            };
            ArpInput {
                assessment_date: assessment,
                date_of_birth: dob,
                conviction_date: conviction,
                follow_up_start,
                sex: r.pick(&[Sex::Male, Sex::Male, Sex::Female, Sex::NotSpecified]),
                age_at_first_sanction: r
                    .pick(&[0, 10, 15, 109, 110, 200])
                    .min(r.below(120) as u32 + 5),
                total_sanctions: r
                    .pick(&[0, 1, 1, 2, 2, 3, 999, 1000])
                    .max(r.below(50) as u32),
                actuarial_category: r.pick(&cats),
                dynamic: some_answers(r),
            }
        })
        .collect()
}

type ArpBits = (
    u64,
    u64,
    String,
    String,
    u64,
    Vec<&'static str>,
    Vec<&'static str>,
    [u32; 3],
);

fn figures_bits(f: &ArpFigures) -> ArpBits {
    (
        f.score.to_bits(),
        f.probability.to_bits(),
        format!("{:?}", f.band),
        format!("{:?}", f.kind),
        f.total.to_bits(),
        f.missing_dynamic.iter().collect(),
        f.inconsistent_drug_answers.iter().collect(),
        [
            f.age_at_follow_up,
            f.age_at_conviction,
            f.offence_free_months,
        ],
    )
}

/// logistic(t) as the per-case score computes it before rounding (the form for t's sign).
fn logistic(t: f64) -> f64 {
    if t >= 0.0 {
        1.0 / (1.0 + (-t).exp())
    } else {
        let e = t.exp();
        e / (1.0 + e)
    }
}

fn per_case(input: &ArpInput) -> Result<ArpBits, ArpError> {
    arp(input).map(|s| {
        (
            s.score.to_bits(),
            logistic(s.terms.total).to_bits(),
            format!("{:?}", s.band),
            format!("{:?}", s.kind),
            s.terms.total.to_bits(),
            s.missing_dynamic.iter().collect(),
            s.inconsistent_drug_answers.iter().collect(),
            [
                s.age_at_follow_up,
                s.age_at_conviction,
                s.offence_free_months,
            ],
        )
    })
}

fn run_arp(inputs: &[ArpInput], optional_columns: bool) -> Vec<Result<ArpFigures, ArpError>> {
    let days = |f: fn(&ArpInput) -> NaiveDate| -> Vec<i32> {
        inputs.iter().map(|i| day_number(f(i))).collect()
    };
    let assessment = days(|i| i.assessment_date);
    let dob = days(|i| i.date_of_birth);
    let conviction = days(|i| i.conviction_date);
    let follow_up: Vec<Option<i32>> = if optional_columns {
        inputs
            .iter()
            .map(|i| i.follow_up_start.map(day_number))
            .collect()
    } else {
        Vec::new()
    };
    let sex: Vec<Sex> = inputs.iter().map(|i| i.sex).collect();
    let first: Vec<u32> = inputs.iter().map(|i| i.age_at_first_sanction).collect();
    let total: Vec<u32> = inputs.iter().map(|i| i.total_sanctions).collect();
    let category: Vec<ActuarialCategory> = inputs.iter().map(|i| i.actuarial_category).collect();
    let dynamic: Vec<DynamicAnswers> = if optional_columns {
        inputs.iter().map(|i| i.dynamic).collect()
    } else {
        Vec::new()
    };
    let mut out = vec![Err(ArpError::SexNotSpecified); inputs.len()];
    arp_columns(
        &ArpColumns {
            assessment_date: &assessment,
            date_of_birth: &dob,
            conviction_date: &conviction,
            follow_up_start: &follow_up,
            sex: &sex,
            age_at_first_sanction: &first,
            total_sanctions: &total,
            actuarial_category: &category,
            dynamic: &dynamic,
        },
        &mut out,
    )
    .unwrap();
    out
}

/// 200,000 random rows: static and dynamic scores, fallbacks for missing and inconsistent answers, and every
/// error ARP can give.
#[test]
fn arp_columns_equal_per_case() {
    let mut r = Rng(0x2545_F491_4F6C_DD1D);
    let inputs = arp_inputs(&mut r, 200_000);
    let out = run_arp(&inputs, true);
    let mut errors = std::collections::BTreeMap::new();
    let (mut dynamic, mut fallback) = (0, 0);
    for (input, got) in inputs.iter().zip(&out) {
        let want = per_case(input);
        assert_eq!(
            got.as_ref().map(figures_bits).map_err(|e| *e),
            want,
            "{input:?}"
        );
        match want {
            Ok(w) if w.3 == "Dynamic" => dynamic += 1,
            Ok(_) => fallback += 1,
            Err(e) => *errors.entry(e.kind()).or_insert(0) += 1,
        }
    }
    assert!(
        dynamic > 10_000 && fallback > 10_000,
        "{dynamic} {fallback}"
    );
    // Every error of ARP but VRP's violent-sanction check; a score of 0.00 is not reached by random rows.
    assert!(errors.len() >= 9, "{errors:?}");
}

/// Every length from 1 to 140 and 4,097 (blocks and pairs of rows cut anywhere, an odd row last): each row of
/// each run as per case.
#[test]
fn arp_columns_at_every_length() {
    let mut r = Rng(0x0DDB_1A5E_5BAD_5EED);
    let inputs = arp_inputs(&mut r, 4_097);
    let want: Vec<_> = inputs.iter().map(per_case).collect();
    for len in (1..=140).chain([4_097]) {
        let out = run_arp(&inputs[..len], true);
        for ((input, got), want) in inputs.iter().zip(&out).zip(&want) {
            assert_eq!(
                &got.as_ref().map(figures_bits).map_err(|e| *e),
                want,
                "{len} {input:?}"
            );
        }
    }
}

/// Empty follow-up and answer columns: every row as per case with no follow-up start and no answers.
#[test]
fn arp_columns_without_optional_columns() {
    let mut r = Rng(0x1234_5678_9ABC_DEF1);
    let mut inputs = arp_inputs(&mut r, 20_000);
    for i in &mut inputs {
        i.follow_up_start = None;
        i.dynamic = DynamicAnswers::default();
    }
    let out = run_arp(&inputs, false);
    for (input, got) in inputs.iter().zip(&out) {
        assert_eq!(
            got.as_ref().map(figures_bits).map_err(|e| *e),
            per_case(input),
            "{input:?}"
        );
    }
}

/// The score-zero refusal: a total low enough that the percentage rounds to 0.00.
#[test]
fn arp_columns_refuse_a_zero_score() {
    // Age 109 at follow-up, first sanction, far in the past: the lowest ARP totals.
    let input = ArpInput {
        assessment_date: date("2019-01-01"),
        date_of_birth: date("1910-01-02"),
        conviction_date: date("2018-12-01"),
        follow_up_start: Some(date("2016-01-01")),
        sex: Sex::Female,
        age_at_first_sanction: 108,
        total_sanctions: 1,
        actuarial_category: ActuarialCategory::SexualAgainstChild,
        dynamic: DynamicAnswers::default(),
    };
    let out = run_arp(&[input], true);
    assert_eq!(
        out[0].as_ref().map(figures_bits).map_err(|e| *e),
        per_case(&input)
    );
    assert_eq!(out[0], Err(ArpError::ScoreZero));
}

#[test]
fn arp_columns_name_a_short_column() {
    let mut out = [Err(ArpError::SexNotSpecified); 2];
    let two = [0i32, 0];
    let got = arp_columns(
        &ArpColumns {
            assessment_date: &two,
            date_of_birth: &two,
            conviction_date: &two,
            follow_up_start: &[],
            sex: &[Sex::Male, Sex::Male],
            age_at_first_sanction: &[1, 1],
            total_sanctions: &[1],
            actuarial_category: &[ActuarialCategory::TheftNonMotor; 2],
            dynamic: &[],
        },
        &mut out,
    );
    assert_eq!(
        got,
        Err(ColumnLengthError {
            column: "total_sanctions"
        })
    );
}

/// Every required answer given, no drug flag: the answers' fast paths (none missing, no drug used) and a
/// dynamic row's sum from its third slot, with the two zero offence-free-months terms left out.
fn complete_answers(r: &mut Rng) -> DynamicAnswers {
    let levels = [
        ProblemLevel::NoProblems,
        ProblemLevel::SomeProblems,
        ProblemLevel::SignificantProblems,
    ];
    DynamicAnswers {
        suitability_of_accommodation: Some(r.pick(&levels)),
        is_unemployed: Some(r.below(2) == 0),
        current_relationship_with_partner: Some(r.pick(&levels)),
        evidence_of_domestic_abuse: Some(r.below(2) == 0),
        current_relationship_status: Some(r.pick(&[
            RelationshipStatus::NotInRelationship,
            RelationshipStatus::LivingTogether,
            RelationshipStatus::NotLivingTogether,
        ])),
        regular_offending_activities: Some(r.pick(&levels)),
        current_alcohol_use_problems: Some(r.pick(&levels)),
        excessive_alcohol_use: Some(r.pick(&levels)),
        impulsivity_problems: Some(r.pick(&levels)),
        pro_criminal_attitudes: Some(r.pick(&levels)),
        ..DynamicAnswers::default()
    }
}

/// Valid rows (every one scored) whose answers follow `answers`, with offence-free months from 0 to 36.
fn valid_arp_inputs(
    r: &mut Rng,
    n: usize,
    mut answers: impl FnMut(&mut Rng, usize) -> DynamicAnswers,
) -> Vec<ArpInput> {
    let cats = [
        ActuarialCategory::TheftNonMotor,
        ActuarialCategory::BurglaryDomestic,
        ActuarialCategory::DrugPossessionOrSupply,
        ActuarialCategory::ViolenceAgainstThePersonSubAbh,
        ActuarialCategory::FraudAndForgery,
        ActuarialCategory::CriminalDamage,
    ];
    (0..n)
        .map(|i| {
            let dob = shift(date("1940-01-01"), r.below(20_000) as i64);
            let conviction = shift(dob, (18 + r.below(50) as i64) * 365 + 200);
            ArpInput {
                assessment_date: shift(conviction, r.below(1500) as i64),
                date_of_birth: dob,
                conviction_date: conviction,
                follow_up_start: (r.below(4) == 0).then(|| shift(conviction, r.below(400) as i64)),
                sex: r.pick(&[Sex::Male, Sex::Male, Sex::Female]),
                age_at_first_sanction: 10 + r.below(8) as u32,
                total_sanctions: r.pick(&[1, 2, 3, 4]).max(r.below(41) as u32),
                actuarial_category: r.pick(&cats),
                dynamic: answers(r, i),
            }
        })
        .collect()
}

/// Blocks of one kind and blocks mixing kinds, each row as per case to the bit: every row dynamic with no drug
/// used; every row dynamic with drugs used (and a motivation answer); static and dynamic rows alternating, in
/// both orders within a pair; one required answer missing (each in turn) beside complete rows; drugs used with
/// no motivation answer (inconsistent: static) and methadone alone, which ARP does not read (dynamic).
#[test]
fn arp_columns_in_uniform_and_mixed_blocks() {
    let mut r = Rng(0x5EED_0A4B_C0FF_EE11);
    let with_drugs = |r: &mut Rng| {
        let mut d = complete_answers(r);
        d.motivation_to_tackle_drug_misuse = Some(MotivationLevel::PartialMotivation);
        for name in DynamicAnswers::FLAGS.iter().skip(3) {
            *d.flag_mut(name).unwrap() = Some(r.below(3) == 0);
        }
        d
    };
    let missing_one = |r: &mut Rng, k: usize| {
        let mut d = complete_answers(r);
        match k % 10 {
            0 => d.suitability_of_accommodation = None,
            1 => d.is_unemployed = None,
            2 => d.current_relationship_with_partner = None,
            3 => d.evidence_of_domestic_abuse = None,
            4 => d.current_relationship_status = None,
            5 => d.regular_offending_activities = None,
            6 => d.current_alcohol_use_problems = None,
            7 => d.excessive_alcohol_use = None,
            8 => d.impulsivity_problems = None,
            _ => d.pro_criminal_attitudes = None,
        }
        d
    };
    type Pattern = Box<dyn FnMut(&mut Rng, usize) -> DynamicAnswers>;
    let patterns: Vec<(&str, Pattern)> = vec![
        ("dynamic, no drugs", Box::new(|r, _| complete_answers(r))),
        ("dynamic, drugs", Box::new(move |r, _| with_drugs(r))),
        (
            "static then dynamic",
            Box::new(|r, i| {
                if i % 2 == 0 {
                    DynamicAnswers::default()
                } else {
                    complete_answers(r)
                }
            }),
        ),
        (
            "dynamic then static",
            Box::new(|r, i| {
                if i % 2 == 0 {
                    complete_answers(r)
                } else {
                    DynamicAnswers::default()
                }
            }),
        ),
        (
            "one missing",
            Box::new(move |r, i| {
                if r.below(2) == 0 {
                    missing_one(r, i)
                } else {
                    complete_answers(r)
                }
            }),
        ),
        (
            "inconsistent or methadone",
            Box::new(move |r, i| {
                let mut d = complete_answers(r);
                match i % 3 {
                    0 => d.has_cannabis_usage = Some(true),
                    1 => d.has_methadone_usage = Some(true),
                    _ => d = with_drugs(r),
                }
                d
            }),
        ),
    ];
    for (name, pattern) in patterns {
        let inputs = valid_arp_inputs(&mut r, 1_000, pattern);
        let out = run_arp(&inputs, true);
        let mut kinds = std::collections::BTreeMap::new();
        for (input, got) in inputs.iter().zip(&out) {
            let want = per_case(input);
            assert_eq!(
                got.as_ref().map(figures_bits).map_err(|e| *e),
                want,
                "{name}: {input:?}"
            );
            // The missing answers also against the fields themselves (the per-case score shares the kernel's
            // `missing_answers`, so this is the check of its fast path).
            let d = &input.dynamic;
            let required = [
                (
                    "suitability_of_accommodation",
                    d.suitability_of_accommodation.is_none(),
                ),
                ("is_unemployed", d.is_unemployed.is_none()),
                (
                    "current_relationship_with_partner",
                    d.current_relationship_with_partner.is_none(),
                ),
                (
                    "evidence_of_domestic_abuse",
                    d.evidence_of_domestic_abuse.is_none(),
                ),
                (
                    "current_relationship_status",
                    d.current_relationship_status.is_none(),
                ),
                (
                    "regular_offending_activities",
                    d.regular_offending_activities.is_none(),
                ),
                (
                    "current_alcohol_use_problems",
                    d.current_alcohol_use_problems.is_none(),
                ),
                ("excessive_alcohol_use", d.excessive_alcohol_use.is_none()),
                ("impulsivity_problems", d.impulsivity_problems.is_none()),
                ("pro_criminal_attitudes", d.pro_criminal_attitudes.is_none()),
            ];
            let missing: Vec<&str> = required
                .iter()
                .filter(|(_, none)| *none)
                .map(|(name, _)| *name)
                .collect();
            let got_missing: Vec<&str> = got
                .as_ref()
                .map(|f| f.missing_dynamic.iter().collect())
                .unwrap_or_default();
            assert_eq!(got_missing, missing, "{name}: {input:?}");
            let kind = want.map_or_else(|e| format!("{e:?}"), |w| w.3);
            *kinds.entry(kind).or_insert(0) += 1;
        }
        // Every row scored, and of the kinds the pattern is for.
        let want_kinds: &[&str] = match name {
            "dynamic, no drugs" | "dynamic, drugs" => &["Dynamic"],
            _ => &["Dynamic", "Static"],
        };
        assert!(
            kinds
                .keys()
                .map(String::as_str)
                .eq(want_kinds.iter().copied()),
            "{name}: {kinds:?}"
        );
    }
}
