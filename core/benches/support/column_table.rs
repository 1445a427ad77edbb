//! A synthetic table for the columnar engine, every column filled from its kind's edge values (shared by
//! `core/tests/columns.rs`, `core/benches/columns.rs` and `core/examples/columns_cputime.rs`).

use probation_core::columns::{Columns, Data, INPUTS, Kind, NO_CODE, NO_DATE, days};

/// A column's owned values.
pub enum Owned {
    Date(Vec<i32>),
    F64(Vec<f64>),
    U8(Vec<u8>),
}

/// A table: one owned column per [`INPUTS`] entry.
pub struct Table {
    pub n: usize,
    pub cols: Vec<Owned>,
}

/// splitmix64.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[self.below(v.len())]
    }
}

fn d(y: i32, m: u32, day: u32) -> i32 {
    days(chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap())
}

/// Dates the rules turn on: the policy switch dates and bank holidays (with their neighbours).
pub fn edge_dates() -> Vec<i32> {
    let centres = [
        d(2014, 6, 1),   // Transforming Rehabilitation starts
        d(2021, 6, 26),  // the Probation Service starts
        d(2019, 12, 1),  // Wales to the NPS
        d(2024, 3, 29),  // Good Friday
        d(2024, 4, 1),   // Easter Monday
        d(2020, 12, 25), // Christmas (a Friday)
        d(2020, 12, 28), // Boxing Day substitute
        d(2022, 9, 19),  // the Queen's funeral
        d(2026, 10, 1),  // the 2026 tier
        d(1970, 1, 1),
    ];
    centres
        .iter()
        .flat_map(|c| [c - 2, c - 1, *c, c + 1, c + 2])
        .collect()
}

const SCORES: [f64; 17] = [
    f64::NAN,
    0.0,
    0.5,
    2.99,
    3.0,
    6.89,
    6.9,
    6.99,
    7.0,
    9.99,
    10.0,
    19.99,
    20.0,
    49.99,
    75.0,
    99.99,
    100.0,
];

impl Table {
    /// `n` rows from `seed`: each value an edge value of its column's kind, or (a third of the time for dates and
    /// scores) a uniform one.
    pub fn new(n: usize, seed: u64) -> Self {
        let mut rng = Rng(seed);
        let dates = edge_dates();
        let (lo, hi) = (d(1990, 1, 1), d(2040, 12, 31));
        let cols = INPUTS
            .iter()
            .map(|(_, _, kind)| match kind {
                Kind::Date => Owned::Date(
                    (0..n)
                        .map(|_| match rng.below(12) {
                            0 => NO_DATE,
                            1..=7 => rng.pick(&dates),
                            _ => lo + rng.below((hi - lo) as usize) as i32,
                        })
                        .collect(),
                ),
                Kind::F64 => Owned::F64(
                    (0..n)
                        .map(|_| match rng.below(3) {
                            0 => (rng.next() % 10_001) as f64 / 100.0,
                            _ => rng.pick(&SCORES),
                        })
                        .collect(),
                ),
                Kind::Bool => Owned::U8((0..n).map(|_| rng.pick(&[0, 0, 1, 1, 2, 255])).collect()),
                Kind::U8 { max } => Owned::U8(
                    (0..n)
                        .map(|_| rng.below(usize::from(*max) + 1) as u8)
                        .collect(),
                ),
                Kind::Cat(c) => {
                    let k = c.names().len();
                    Owned::U8(
                        (0..n)
                            .map(|_| match rng.below(k + 2) {
                                x if x >= k => NO_CODE,
                                x => x as u8,
                            })
                            .collect(),
                    )
                }
            })
            .collect();
        Table { n, cols }
    }

    /// Borrowed columns (every column given, `on_default` for rows without `on`).
    pub fn columns(&self, on_default: Option<chrono::NaiveDate>) -> Columns<'_> {
        let mut c = Columns::new(self.n, on_default);
        for ((input, _, _), col) in INPUTS.iter().zip(&self.cols) {
            let data = match col {
                Owned::Date(v) => Data::Date(v),
                Owned::F64(v) => Data::F64(v),
                Owned::U8(v) => Data::U8(v),
            };
            c.set(*input, data).unwrap();
        }
        c
    }

    /// Sets every score of row `i` to missing.
    pub fn clear_scores(&mut self, i: usize) {
        for col in &mut self.cols {
            if let Owned::F64(v) = col {
                v[i] = f64::NAN;
            }
        }
    }

    /// The column of `input`, mutable.
    pub fn col(&mut self, input: probation_core::columns::Input) -> &mut Owned {
        &mut self.cols[input.index()]
    }
}

/// The benches' table of `n` rows, every row one the engines accept: scores missing but a third of the rows' RSR
/// and OGRS, home areas given, and sentence dates the calendar has the working days after.
pub fn bench_table(n: usize) -> Table {
    use probation_core::allocation::{AllocationPolicy, Calendar};
    use probation_core::columns::Input;
    let mut t = Table::new(n, 1);
    if let Owned::U8(h) = t.col(Input::HomeArea) {
        h.iter_mut().filter(|h| **h == NO_CODE).for_each(|h| *h = 0);
    }
    for i in 0..n {
        t.clear_scores(i);
        if i % 3 == 0 {
            if let Owned::F64(v) = t.col(Input::Rsr) {
                v[i] = (i % 10_000) as f64 / 100.0;
            }
            if let Owned::F64(v) = t.col(Input::Ogrs) {
                v[i] = (i % 9_973) as f64 / 100.0;
            }
        }
    }
    let (cal, wd) = (
        Calendar::england_and_wales(),
        AllocationPolicy::default_policy().allocation_working_days,
    );
    if let Owned::Date(s) = t.col(Input::SentenceDate) {
        s.iter_mut()
            .filter(|d| **d != NO_DATE && cal.add_working_days_to_day(**d, wd).is_err())
            .for_each(|d| *d = NO_DATE);
    }
    t
}
