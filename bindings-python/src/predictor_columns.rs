//! The columnar predictors: one predictor's inputs as columns in, its scores as columns out, core's predictor
//! run row by row with the GIL released. Columns are named as the predictor's input fields, in the encodings of
//! `columnar.rs` (`date` i32 days, `cat` i32 codes into a category list); counts and dynamic answers are i32
//! with a negative value (or no column) for "not given". A row the predictor refuses gets its error kind in the
//! `error` column and NaN scores; the call itself fails only for a malformed column.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use probation_core::model::Sex;
use probation_core::predictors::batch::{
    ArpColumns, ArpFigures, Ogrs3Columns, arp_columns, day_number, ogrs3_code, ogrs3_columns,
};
use probation_core::predictors::{
    self as p, ActuarialCategory, CsrpInput, DcSrpInput, DynamicAnswers, IicSrpInput,
    MotivationLevel, PreviousConvictions, ProblemLevel, RelationshipStatus, RiskBand, ScoreKind,
    SupervisionStatus, ViolentInput,
};

use crate::columnar::{Cat, Col, Columns, column_error, held_columns, le_bytes};
use crate::errors::Error;
use crate::guard::guard;

/// The predictors this API runs, by name.
const PREDICTORS: [&str; 7] = ["ogrs3", "arp", "vrp", "svrp", "dc_srp", "iic_srp", "csrp"];
/// The `band` column's categories.
const BANDS: [&str; 5] = ["low", "medium", "high", "very_high", "not_applicable"];
/// The `kind` column's categories.
const KINDS: [&str; 2] = ["static", "dynamic"];

/// The dynamic-answer columns, as `DynamicAnswers` fields: problem levels, the yes/no answers
/// (`DynamicAnswers::FLAGS`, named by core), and the three enums, each i32.
const PROBLEMS: [&str; 8] = [
    "suitability_of_accommodation",
    "current_relationship_with_partner",
    "regular_offending_activities",
    "current_alcohol_use_problems",
    "excessive_alcohol_use",
    "impulsivity_problems",
    "pro_criminal_attitudes",
    "temper_control",
];
fn sex_from(s: &str) -> Option<Sex> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

/// Every input column, read once.
struct Inputs<'a> {
    n: usize,
    dates: [Col<'a>; 5],
    ints: [Col<'a>; 8],
    sex: Cat<'a, Sex>,
    category: Cat<'a, ActuarialCategory>,
    supervision: Cat<'a, SupervisionStatus>,
    /// The offence code as `ogrs3_code` gives it.
    offence_code: Cat<'a, u32>,
    problems: [Col<'a>; 8],
    flags: [Col<'a>; DynamicAnswers::FLAGS.len()],
    motivation: Col<'a>,
    relationship: Col<'a>,
    previous: Col<'a>,
}

/// The date columns, then the integer columns.
const DATES: [&str; 5] = [
    "assessment_date",
    "date_of_birth",
    "conviction_date",
    "follow_up_start",
    "most_recent_sexual_offence_date",
];
const INTS: [&str; 8] = [
    "total_sanctions",
    "age_at_first_sanction",
    "violent_sanctions",
    "contact_adult_sexual_sanctions",
    "contact_child_sexual_sanctions",
    "non_contact_sexual_offences",
    "indecent_image_sanctions",
    "has_ever_committed_sexual_offence",
];

fn cols<'a, const N: usize>(
    c: &Columns<'a>,
    names: [&str; N],
    width: usize,
) -> Result<[Col<'a>; N], Error> {
    let mut out = [Col(None); N];
    for (slot, name) in out.iter_mut().zip(names) {
        *slot = c.col(name, width)?;
    }
    Ok(out)
}

/// A row's value that is not a valid input: the column and why.
type RowError = (&'static str, &'static str);

impl<'a> Inputs<'a> {
    fn read(c: &Columns<'a>) -> Result<Self, Error> {
        Ok(Inputs {
            n: c.n,
            dates: cols(c, DATES, 4)?,
            ints: cols(c, INTS, 4)?,
            sex: c.cat("sex", sex_from)?,
            category: c.cat("actuarial_category", parse)?,
            supervision: c.cat("supervision_status", parse)?,
            offence_code: c.cat("offence_code", |s| Some(ogrs3_code(s)))?,
            problems: cols(c, PROBLEMS, 4)?,
            flags: cols(c, DynamicAnswers::FLAGS, 4)?,
            motivation: c.col("motivation_to_tackle_drug_misuse", 4)?,
            relationship: c.col("current_relationship_status", 4)?,
            previous: c.col("previous_convictions", 4)?,
        })
    }

    fn date(&self, k: usize, i: usize) -> Result<Option<chrono::NaiveDate>, RowError> {
        let name = DATES.get(k).copied().unwrap_or("date");
        self.dates
            .get(k)
            .map_or(Ok(None), |c| c.date(i))
            .map_err(|()| (name, "a date out of range"))
    }
    fn need_date(&self, k: usize, i: usize) -> Result<chrono::NaiveDate, RowError> {
        let name = DATES.get(k).copied().unwrap_or("date");
        self.date(k, i)?.ok_or((name, "required"))
    }
    /// A count: absent or negative is `None`.
    fn int(&self, k: usize, i: usize) -> Option<u32> {
        self.ints
            .get(k)
            .and_then(|c| c.i32(i))
            .and_then(|v| u32::try_from(v).ok())
    }
    fn need_int(&self, k: usize, i: usize) -> Result<u32, RowError> {
        self.int(k, i)
            .ok_or((INTS.get(k).copied().unwrap_or("int"), "required"))
    }
    fn sex(&self, i: usize) -> Result<Sex, RowError> {
        self.sex.get(i).ok().flatten().ok_or(("sex", "required"))
    }

    fn dynamic(&self, i: usize) -> DynamicAnswers {
        let v = |c: &Col<'_>| c.i32(i).filter(|v| *v >= 0);
        let problem = |k: usize| {
            self.problems.get(k).and_then(v).and_then(|x| match x {
                0 => Some(ProblemLevel::NoProblems),
                1 => Some(ProblemLevel::SomeProblems),
                2 => Some(ProblemLevel::SignificantProblems),
                _ => None,
            })
        };
        let past = v(&self.previous).map(|b| {
            let bit = |k: u32| b & (1 << k) != 0;
            PreviousConvictions {
                homicide: bit(0),
                wounding_gbh: bit(1),
                kidnapping: bit(2),
                firearms: bit(3),
                robbery: bit(4),
                aggravated_burglary: bit(5),
                weapon: bit(6),
                criminal_damage: bit(7),
                arson: bit(8),
            }
        });
        let mut answers = DynamicAnswers {
            suitability_of_accommodation: problem(0),
            current_relationship_with_partner: problem(1),
            regular_offending_activities: problem(2),
            current_alcohol_use_problems: problem(3),
            excessive_alcohol_use: problem(4),
            impulsivity_problems: problem(5),
            pro_criminal_attitudes: problem(6),
            temper_control: problem(7),
            motivation_to_tackle_drug_misuse: v(&self.motivation).and_then(|x| match x {
                0 => Some(MotivationLevel::FullMotivation),
                1 => Some(MotivationLevel::PartialMotivation),
                2 => Some(MotivationLevel::NoMotivation),
                _ => None,
            }),
            current_relationship_status: v(&self.relationship).and_then(|x| match x {
                0 => Some(RelationshipStatus::NotInRelationship),
                1 => Some(RelationshipStatus::LivingTogether),
                2 => Some(RelationshipStatus::NotLivingTogether),
                _ => None,
            }),
            previous_convictions: past,
            ..DynamicAnswers::default()
        };
        for (col, name) in self.flags.iter().zip(DynamicAnswers::FLAGS) {
            if let Some(slot) = answers.flag_mut(name) {
                *slot = v(col).map(|x| x != 0);
            }
        }
        answers
    }

    fn violent(&self, i: usize) -> Result<ViolentInput, RowError> {
        Ok(ViolentInput {
            assessment_date: self.need_date(0, i)?,
            date_of_birth: self.need_date(1, i)?,
            conviction_date: self.need_date(2, i)?,
            follow_up_start: self.date(3, i)?,
            sex: self.sex(i)?,
            age_at_first_sanction: self.need_int(1, i)?,
            total_sanctions: self.need_int(0, i)?,
            violent_sanctions: self.int(2, i).unwrap_or(0),
            actuarial_category: self
                .category
                .get(i)
                .ok()
                .flatten()
                .ok_or(("actuarial_category", "required"))?,
            dynamic: self.dynamic(i),
        })
    }

    fn dc_srp(&self, i: usize) -> Result<DcSrpInput, RowError> {
        Ok(DcSrpInput {
            assessment_date: self.need_date(0, i)?,
            sex: self.sex(i)?,
            supervision_status: self
                .supervision
                .get(i)
                .ok()
                .flatten()
                .unwrap_or(SupervisionStatus::Community),
            has_ever_committed_sexual_offence: self.int(7, i).is_some_and(|v| v != 0),
            date_of_birth: self.need_date(1, i)?,
            follow_up_start: self.need_date(3, i)?,
            total_sanctions: self.need_int(0, i)?,
            contact_adult_sexual_sanctions: self.int(3, i),
            contact_child_sexual_sanctions: self.int(4, i),
            non_contact_sexual_offences: self.int(5, i),
            indecent_image_sanctions: self.int(6, i),
            most_recent_sexual_offence_date: self.date(4, i)?,
            current_offence_against_stranger: None,
            most_recent_offence_date: None,
        })
    }
}

/// The output columns.
#[derive(Default)]
struct Out {
    score: Vec<f64>,
    total: Vec<f64>,
    probability: Vec<f64>,
    band: Vec<i32>,
    kind: Vec<i32>,
    error: Vec<i32>,
    kinds: Vec<&'static str>,
}

impl Out {
    fn push(
        &mut self,
        score: f64,
        total: f64,
        probability: f64,
        band: RiskBand,
        kind: Option<ScoreKind>,
    ) {
        self.score.push(score);
        self.total.push(total);
        self.probability.push(probability);
        self.band.push(band as i32);
        self.kind.push(kind.map_or(-1, |k| k as i32));
        self.error.push(-1);
    }
    fn refuse(&mut self, kind: &'static str) {
        let code = match self.kinds.iter().position(|k| *k == kind) {
            Some(c) => c,
            None => {
                self.kinds.push(kind);
                self.kinds.len() - 1
            }
        };
        self.score.push(f64::NAN);
        self.total.push(f64::NAN);
        self.probability.push(f64::NAN);
        self.band.push(-1);
        self.kind.push(-1);
        self.error.push(i32::try_from(code).unwrap_or(-1));
    }
}

fn logistic(t: f64) -> f64 {
    1.0 / (1.0 + (-t).exp())
}

/// A row's missing or unreadable input as the call's error, as the row-by-row path reports it.
fn row_error(i: usize, (column, why): RowError) -> Error {
    column_error(column, format!("row {i}: {why}"))
}

/// OGRS3 through core's batch kernel (`ogrs3_columns`): the columns gathered in core's encoding (day numbers,
/// code numbers), then every row scored at once, exactly as `ogrs3_percentages` per row.
fn run_ogrs3(c: &Inputs<'_>) -> Result<Out, Error> {
    let n = c.n;
    let (mut sex, mut dob, mut conviction, mut follow_up) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut total, mut first, mut code) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for i in 0..n {
        let row: Result<(), RowError> = (|| {
            sex.push(c.sex(i)?);
            dob.push(day_number(c.need_date(1, i)?));
            conviction.push(day_number(c.need_date(2, i)?));
            follow_up.push(day_number(c.need_date(3, i)?));
            total.push(c.need_int(0, i)?);
            first.push(c.need_int(1, i)?);
            code.push(
                c.offence_code
                    .get(i)
                    .ok()
                    .flatten()
                    .ok_or(("offence_code", "required"))?,
            );
            Ok(())
        })();
        row.map_err(|e| row_error(i, e))?;
    }
    let mut scores = vec![Err(p::Ogrs3Error::SexNotSpecified); n];
    ogrs3_columns(
        &Ogrs3Columns {
            sex: &sex,
            date_of_birth: &dob,
            conviction_date: &conviction,
            follow_up_start: &follow_up,
            total_sanctions: &total,
            age_at_first_sanction: &first,
            offence_code: &code,
        },
        &mut scores,
    )
    .map_err(|e| column_error(e.column, "a column of another length"))?;
    let mut out = Out::default();
    for s in scores {
        match s {
            Ok(s) => out.push(
                f64::from(s.two_year),
                s.total,
                s.two_year_probability,
                s.band,
                None,
            ),
            Err(e) => out.refuse(e.kind()),
        }
    }
    Ok(out)
}

/// ARP through core's batch kernel (`arp_columns`), exactly as `arp` per row; the probability is the
/// logistic of the total that the score is rounded from.
fn run_arp(c: &Inputs<'_>) -> Result<Out, Error> {
    let n = c.n;
    let mut dates: [Vec<i32>; 3] = [
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    ];
    let mut follow_up = Vec::with_capacity(n);
    let (mut sex, mut first, mut total, mut category, mut dynamic) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for i in 0..n {
        // The checks of `violent`, in its order.
        let row: Result<(), RowError> = (|| {
            for (k, col) in dates.iter_mut().enumerate() {
                col.push(day_number(c.need_date(k, i)?));
            }
            follow_up.push(c.date(3, i)?.map(day_number));
            sex.push(c.sex(i)?);
            first.push(c.need_int(1, i)?);
            total.push(c.need_int(0, i)?);
            category.push(
                c.category
                    .get(i)
                    .ok()
                    .flatten()
                    .ok_or(("actuarial_category", "required"))?,
            );
            dynamic.push(c.dynamic(i));
            Ok(())
        })();
        row.map_err(|e| row_error(i, e))?;
    }
    let [assessment, dob, conviction] = &dates;
    let mut scores: Vec<Result<ArpFigures, p::ArpError>> =
        vec![Err(p::ArpError::SexNotSpecified); n];
    arp_columns(
        &ArpColumns {
            assessment_date: assessment,
            date_of_birth: dob,
            conviction_date: conviction,
            follow_up_start: &follow_up,
            sex: &sex,
            age_at_first_sanction: &first,
            total_sanctions: &total,
            actuarial_category: &category,
            dynamic: &dynamic,
        },
        &mut scores,
    )
    .map_err(|e| column_error(e.column, "a column of another length"))?;
    let mut out = Out::default();
    for s in scores {
        match s {
            Ok(f) => out.push(f.score, f.total, f.probability, f.band, Some(f.kind)),
            Err(e) => out.refuse(e.kind()),
        }
    }
    Ok(out)
}

/// Runs `which` on every row.
fn run(which: &str, c: &Inputs<'_>) -> Result<Out, Error> {
    match which {
        "ogrs3" => return run_ogrs3(c),
        "arp" => return run_arp(c),
        _ => {}
    }
    let mut out = Out::default();
    for i in 0..c.n {
        let row: Result<(), RowError> = (|| {
            match which {
                "vrp" | "svrp" => {
                    let v = c.violent(i)?;
                    let r = match which {
                        "vrp" => p::vrp(&v).map(|s| (s.score, s.terms.total, s.band, s.kind)),
                        _ => p::svrp(&v).map(|s| (s.score, s.terms.total, s.band, s.kind)),
                    };
                    match r {
                        Ok((score, total, band, kind)) => {
                            out.push(score, total, logistic(total), band, Some(kind));
                        }
                        Err(e) => out.refuse(e.kind()),
                    }
                }
                "dc_srp" => match p::dc_srp(&c.dc_srp(i)?) {
                    Ok(s) => out.push(
                        s.score,
                        s.points.map_or(f64::NAN, |x| f64::from(x.total)),
                        s.probability,
                        s.band,
                        None,
                    ),
                    Err(e) => out.refuse(e.kind()),
                },
                "iic_srp" => match p::iic_srp(&IicSrpInput::from(&c.dc_srp(i)?)) {
                    Ok(s) => out.push(s.score, s.weight, s.weight, s.band, None),
                    Err(e) => out.refuse(e.kind()),
                },
                _ => match p::csrp(&CsrpInput {
                    svrp: c.violent(i)?,
                    dc_srp: c.dc_srp(i)?,
                }) {
                    Ok(s) => out.push(
                        s.score,
                        s.svrp + s.dc_srp + s.iic_srp + s.female_sexual_offender,
                        f64::NAN,
                        s.band,
                        Some(s.kind),
                    ),
                    Err(e) => out.refuse(e.kind()),
                },
            }
            Ok(())
        })();
        if let Err((column, why)) = row {
            return Err(column_error(column, format!("row {i}: {why}")));
        }
    }
    Ok(out)
}

/// One predictor over columns: `{"score", "total", "probability"}` f64 (NaN when refused), `{"band", "kind",
/// "error"}` i32 codes into the lists `predictor_column_categories()` and `error_kinds` return.
#[pyfunction]
pub(crate) fn predict_columns<'py>(
    py: Python<'py>,
    predictor: &str,
    n: usize,
    columns: &Bound<'py, PyDict>,
    categories: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyDict>> {
    guard(|| {
        let which = PREDICTORS
            .iter()
            .find(|p| **p == predictor)
            .copied()
            .ok_or_else(|| {
                column_error(
                    "predictor",
                    "one of ogrs3, arp, vrp, svrp, dc_srp, iic_srp, csrp",
                )
            })?;
        let held = held_columns(columns)?;
        let cols = Columns::new(n, &held, categories)?;
        let inputs = Inputs::read(&cols)?;
        let out = py.detach(|| run(which, &inputs))?;
        let d = PyDict::new(py);
        let f64s = |v: &[f64]| PyBytes::new(py, &le_bytes(v, f64::to_le_bytes));
        let i32s = |v: &[i32]| PyBytes::new(py, &le_bytes(v, i32::to_le_bytes));
        d.set_item("score", f64s(&out.score))?;
        d.set_item("total", f64s(&out.total))?;
        d.set_item("probability", f64s(&out.probability))?;
        d.set_item("band", i32s(&out.band))?;
        d.set_item("kind", i32s(&out.kind))?;
        d.set_item("error", i32s(&out.error))?;
        d.set_item("error_kinds", out.kinds)?;
        Ok(d)
    })
}

/// The category lists of `predict_columns`' `band` and `kind` columns.
#[pyfunction]
pub(crate) fn predictor_column_categories() -> (Vec<&'static str>, Vec<&'static str>) {
    (BANDS.to_vec(), KINDS.to_vec())
}
