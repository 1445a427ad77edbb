//! The law of release as effective-dated data (docs/rules/release.md#legislation-table).
//!
//! Each change of the law is one row of [`CHANGES`], with its commencement date and its own typed data; the law
//! "as it stood on" a date is the base law with every row commenced by then applied in order
//! ([`ReleaseLaw::as_stood_on`]). The next commencement is one more row.

use chrono::NaiveDate;
use serde::Serialize;

/// A release fraction, exact: `num / den` of the term (½, ⅔, 2/5, ⅓).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Fraction {
    /// Numerator.
    pub num: u32,
    /// Denominator (more than 0).
    pub den: u32,
}

impl Fraction {
    /// One-half.
    pub const HALF: Fraction = Fraction { num: 1, den: 2 };
    /// Two-thirds.
    pub const TWO_THIRDS: Fraction = Fraction { num: 2, den: 3 };
    /// Forty per cent.
    pub const FORTY_PERCENT: Fraction = Fraction { num: 2, den: 5 };
    /// One-third.
    pub const ONE_THIRD: Fraction = Fraction { num: 1, den: 3 };
    /// Thirty per cent.
    pub const THIRTY_PERCENT: Fraction = Fraction { num: 3, den: 10 };

    /// ceil(days × self), exact (the calculator's BigDecimal CEILING; equal for every realistic term).
    pub const fn ceil_of(self, days: u64) -> u64 {
        let x = days * self.num as u64;
        // The denominators in use as constants: a multiplication instead of a division.
        match self.den {
            0 | 1 => x,
            2 => x.div_ceil(2),
            3 => x.div_ceil(3),
            4 => x.div_ceil(4),
            5 => x.div_ceil(5),
            10 => x.div_ceil(10),
            d => x.div_ceil(d as u64),
        }
    }

    /// `x / den` (truncated; `x / 1` for a zero denominator), the denominators in use as constants.
    pub(crate) const fn div(self, x: i64) -> i64 {
        match self.den {
            0 | 1 => x,
            2 => x / 2,
            3 => x / 3,
            4 => x / 4,
            5 => x / 5,
            10 => x / 10,
            d => x / d as i64,
        }
    }
}

/// A tranche of a commencement in stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Tranche {
    /// Name (`tranche_1`).
    pub name: &'static str,
    /// Date the tranche's sentences move to the new release point.
    pub date: NaiveDate,
    /// SDS40: the tranche takes bookings whose every served sentence is under this many whole years
    /// (`None`: any). Progression model / FTR56: every length at most `max_days` days.
    pub under_whole_years: Option<u32>,
    /// The longest served sentence, in days inclusive, this tranche takes (`None`: any).
    pub max_days: Option<u32>,
}

/// SDS40 (SI 2024/844).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Sds40Law {
    /// Commencement: sentences imposed from this date get 40 % from the start.
    pub commenced: NaiveDate,
    /// The release fraction (2/5).
    pub fraction: Fraction,
    /// Tranches for sentences imposed before commencement, in order.
    pub tranches: Vec<Tranche>,
    /// SI 2024/1331: from this date the T3-flagged offences are excluded again.
    pub t3_from: Option<NaiveDate>,
}

/// The 2026 progression model (Sentencing Act 2026 s.23).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgressionLaw {
    /// Commencement (the first tranche date).
    pub commenced: NaiveDate,
    /// Release fraction of an eligible SDS (⅓).
    pub sds: Fraction,
    /// Release fraction of an eligible SDS+ (½).
    pub sds_plus: Fraction,
    /// Tranches, in order; the first whose `max_days` every served sentence is within.
    pub tranches: Vec<Tranche>,
}

/// One HDC scheme: its window before the CRD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HdcScheme {
    /// Name (`hdc_180`).
    pub name: &'static str,
    /// HDCEDs from this date use this scheme.
    pub applies_from: NaiveDate,
    /// Custodial days from which the window, not half the period, decides (360 / 730).
    pub midpoint_days: u32,
    /// Days of the window less one (179 / 364).
    pub window_days: u32,
}

/// One early-removal scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ErsScheme {
    /// Name (`ers_50`).
    pub name: &'static str,
    /// ERSEDs from this date use this scheme.
    pub applies_from: NaiveDate,
    /// The minimum share of the custodial period served (½, 30 %).
    pub minimum: Fraction,
    /// The window before the release date, in days (544), or …
    pub window_days: Option<u32>,
    /// … in calendar years (4).
    pub window_years: Option<u32>,
}

/// FTR56 (Sentencing Act 2026 s.255BA).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Ftr56Law {
    /// Commencement.
    pub commenced: NaiveDate,
    /// Tranches for people returned to custody on or before commencement.
    pub tranches: Vec<Tranche>,
}

/// The law of release as it stood on a date: regime commencements, release fractions, the staged changes.
///
/// Build it with [`ReleaseLaw::as_stood_on`]; a Rust caller may also change one and pass it. Serialised (and
/// described by the JSON Schema) for inspection; not read from JSON — callers of the bindings and the CLI pass a
/// date instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReleaseLaw {
    /// The date the law is taken as at.
    pub as_at: NaiveDate,
    /// The ids of the [`CHANGES`] rows in force, in order.
    pub in_force: Vec<&'static str>,
    /// CJA 2003 Part 12 commencement (offence date), if in force.
    pub cja_2003_offences_from: Option<NaiveDate>,
    /// LASPO 2012 (sentence date): 1991-Act sentences are those imposed before it.
    pub laspo_sentences_from: Option<NaiveDate>,
    /// ORA 2014 (offence date): supervision, licence for short sentences.
    pub ora_offences_from: Option<NaiveDate>,
    /// The standard release fraction (½).
    pub standard: Fraction,
    /// SDS+ (⅔), once in force.
    pub sds_plus: Fraction,
    /// SDS40, once in force.
    pub sds40: Option<Sds40Law>,
    /// Progression model, once in force.
    pub progression: Option<ProgressionLaw>,
    /// HDC schemes in order of commencement.
    pub hdc: Vec<HdcScheme>,
    /// The calculator's HDC bounds before HDC4+ (17 June 2024): no HDC for 4 years or more or under 12 weeks.
    pub hdc_four_year_bar: bool,
    /// HDC clean stop (adults): HDCEDs on or after this date are removed.
    pub hdc_adult_clean_stop: Option<NaiveDate>,
    /// Early-removal schemes in order of commencement.
    pub ers: Vec<ErsScheme>,
    /// FTR56, once in force.
    pub ftr56: Option<Ftr56Law>,
}

const fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, dd) {
        Some(x) => x,
        None => NaiveDate::MIN,
    }
}

/// One row of the law table: a change and the date it commenced.
#[derive(Debug, Clone, Copy)]
pub struct LawChange {
    /// Stable id (`sds40`).
    pub id: &'static str,
    /// Commencement.
    pub commences: NaiveDate,
    /// The instrument.
    pub source: &'static str,
    /// What it changes.
    pub apply: fn(&mut ReleaseLaw),
}

/// SDS40 tranches (calculator `application-calculation-params.yml`).
pub const SDS40_TRANCHES: [Tranche; 2] = [
    Tranche {
        name: "tranche_1",
        date: d(2024, 9, 10),
        under_whole_years: Some(5),
        max_days: None,
    },
    Tranche {
        name: "tranche_2",
        date: d(2024, 10, 22),
        under_whole_years: None,
        max_days: None,
    },
];

/// Progression-model tranches (calculator `application-sds-progression-model-october.yml`).
pub const PROGRESSION_TRANCHES: [Tranche; 10] = [
    pm("tranche_1", d(2026, 10, 1), Some(574)),
    pm("tranche_2", d(2026, 10, 13), Some(882)),
    pm("tranche_3", d(2026, 11, 10), Some(1162)),
    pm("tranche_4", d(2026, 12, 8), Some(1561)),
    pm("tranche_5", d(2027, 1, 12), Some(2121)),
    pm("tranche_6", d(2027, 2, 9), Some(2758)),
    pm("tranche_7", d(2027, 3, 9), Some(3283)),
    pm("tranche_8", d(2027, 4, 13), Some(3654)),
    pm("tranche_9", d(2027, 5, 11), Some(4396)),
    pm("tranche_10", d(2027, 6, 8), None),
];

/// FTR56 tranches (calculator `ftr-legislations`).
pub const FTR56_TRANCHES: [Tranche; 6] = [
    pm("ftr56_tranche_1", d(2026, 3, 31), Some(1701)),
    pm("ftr56_tranche_2", d(2026, 4, 14), Some(2128)),
    pm("ftr56_tranche_3", d(2026, 4, 21), Some(2576)),
    pm("ftr56_tranche_4", d(2026, 4, 28), Some(3304)),
    pm("ftr56_tranche_5", d(2026, 5, 5), Some(4438)),
    pm("ftr56_tranche_6", d(2026, 5, 12), None),
];

const fn pm(name: &'static str, date: NaiveDate, max_days: Option<u32>) -> Tranche {
    Tranche {
        name,
        date,
        under_whole_years: None,
        max_days,
    }
}

/// Every change, in commencement order.
pub const CHANGES: [LawChange; 13] = [
    LawChange {
        id: "cja_2003",
        commences: d(2005, 4, 4),
        source: "Criminal Justice Act 2003 Part 12 (SI 2005/950)",
        apply: |l| l.cja_2003_offences_from = Some(d(2005, 4, 4)),
    },
    LawChange {
        id: "laspo_2012",
        commences: d(2012, 12, 3),
        source: "LASPO 2012 s.121 (SI 2012/2906)",
        apply: |l| l.laspo_sentences_from = Some(d(2012, 12, 3)),
    },
    LawChange {
        id: "ora_2014",
        commences: d(2015, 2, 1),
        source: "Offender Rehabilitation Act 2014 ss.1-2 (SI 2015/40)",
        apply: |l| l.ora_offences_from = Some(d(2015, 2, 1)),
    },
    LawChange {
        id: "hdc_4_plus",
        commences: d(2024, 6, 17),
        source: "calculate-release-dates-api @e61722eca (HDC4+)",
        apply: |l| l.hdc_four_year_bar = false,
    },
    LawChange {
        id: "sds40",
        commences: d(2024, 9, 10),
        source: "SI 2024/844",
        apply: |l| {
            l.sds40 = Some(Sds40Law {
                commenced: d(2024, 9, 10),
                fraction: Fraction::FORTY_PERCENT,
                tranches: SDS40_TRANCHES.to_vec(),
                t3_from: None,
            })
        },
    },
    LawChange {
        id: "sds40_t3",
        commences: d(2024, 12, 16),
        source: "SI 2024/1331 art 3",
        apply: |l| {
            if let Some(s) = &mut l.sds40 {
                s.t3_from = Some(d(2024, 12, 16))
            }
        },
    },
    LawChange {
        id: "hdc_365",
        commences: d(2025, 6, 3),
        source: "SI 2024/1331 art 2",
        apply: |l| {
            l.hdc.push(HdcScheme {
                name: "hdc_365",
                applies_from: d(2025, 6, 3),
                midpoint_days: 730,
                window_days: 364,
            })
        },
    },
    LawChange {
        id: "ers_30",
        commences: d(2025, 9, 23),
        source: "calculate-release-dates-api ErsedCalculator (ERS30)",
        apply: |l| {
            l.ers.push(ErsScheme {
                name: "ers_30",
                applies_from: d(2025, 9, 23),
                minimum: Fraction::THIRTY_PERCENT,
                window_days: None,
                window_years: Some(4),
            })
        },
    },
    LawChange {
        id: "ftr_56",
        commences: d(2026, 3, 31),
        source: "Sentencing Act 2026 ss.31-33",
        apply: |l| {
            l.ftr56 = Some(Ftr56Law {
                commenced: d(2026, 3, 31),
                tranches: FTR56_TRANCHES.to_vec(),
            })
        },
    },
    LawChange {
        id: "hdc_clean_stop",
        commences: d(2026, 9, 2),
        source: "Sentencing Act 2026 s.26; calculator HDC_CLEAN_STOP_DATE",
        apply: |l| l.hdc_adult_clean_stop = Some(d(2026, 9, 2)),
    },
    LawChange {
        id: "progression_model",
        commences: d(2026, 10, 1),
        source: "Sentencing Act 2026 s.23",
        apply: |l| {
            l.progression = Some(ProgressionLaw {
                commenced: d(2026, 10, 1),
                sds: Fraction::ONE_THIRD,
                sds_plus: Fraction::HALF,
                tranches: PROGRESSION_TRANCHES.to_vec(),
            })
        },
    },
    // Rows that only document a date already in the base law (kept so `in_force` lists them).
    LawChange {
        id: "sds_plus",
        commences: d(2020, 4, 1),
        source: "Criminal Justice Act 2003 s.244ZA (SI 2020/158)",
        apply: |_| {},
    },
    LawChange {
        id: "hdc_180",
        commences: d(2023, 6, 6),
        source: "SI 2023/390",
        apply: |_| {},
    },
];

impl ReleaseLaw {
    /// The law before any row of [`CHANGES`]: release at one-half, HDC-180 (dated from HDC's introduction on
    /// 28 January 1999, Crime and Disorder Act 1998 s.99: the calculator applies the 180-day formula to every date
    /// before HDC-365, docs/rules/release.md#statute-and-calculator) with its 4-year bar, ERS at one-half / 544 days
    /// (dated from CJA 2003 s.260, 4 April 2005; the calculator has no earlier era).
    pub fn base(as_at: NaiveDate) -> ReleaseLaw {
        ReleaseLaw {
            as_at,
            in_force: Vec::new(),
            cja_2003_offences_from: None,
            laspo_sentences_from: None,
            ora_offences_from: None,
            standard: Fraction::HALF,
            sds_plus: Fraction::TWO_THIRDS,
            sds40: None,
            progression: None,
            hdc: vec![HdcScheme {
                name: "hdc_180",
                applies_from: d(1999, 1, 28),
                midpoint_days: 360,
                window_days: 179,
            }],
            hdc_four_year_bar: true,
            hdc_adult_clean_stop: None,
            ers: vec![ErsScheme {
                name: "ers_50",
                applies_from: d(2005, 4, 4),
                minimum: Fraction::HALF,
                window_days: Some(544),
                window_years: None,
            }],
            ftr56: None,
        }
    }

    /// The last commencement date of [`CHANGES`]: the law as it stood on this date is every change known to
    /// the library (the contact schedule plans licences under it, docs/rules/release.md#contact-schedule).
    pub fn latest_commencement() -> NaiveDate {
        CHANGES
            .iter()
            .map(|c| c.commences)
            .max()
            .unwrap_or(NaiveDate::MIN)
    }

    /// The law as it stood on `date`: every change commenced on or before it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use probation_core::release::ReleaseLaw;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(ReleaseLaw::as_stood_on(d(2024, 9, 9)).sds40.is_none());
    /// assert!(ReleaseLaw::as_stood_on(d(2024, 9, 10)).sds40.is_some());
    /// assert!(ReleaseLaw::as_stood_on(d(2026, 10, 1)).progression.is_some());
    /// ```
    pub fn as_stood_on(date: NaiveDate) -> ReleaseLaw {
        let mut law = ReleaseLaw::base(date);
        let mut rows: Vec<&LawChange> = CHANGES.iter().filter(|c| c.commences <= date).collect();
        rows.sort_by_key(|c| c.commences);
        for c in rows {
            (c.apply)(&mut law);
            law.in_force.push(c.id);
        }
        law
    }
}
