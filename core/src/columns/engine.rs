//! The column-wise engine: allocation and the 2021 tier evaluated pass by pass over whole columns (no row struct
//! per case); the 2026 tier from core's per-case engine on each row's inputs (its step table is not yet written
//! column-wise). The per-case engines stay the reference: `core/tests/columns.rs` proves the two agree.

use super::error::{AssessError, ColumnError};
use super::input::{Columns, days};
use super::spec::{COMPLEXITY, Input, NEEDS, NO_CODE, NO_DATE, provider_code, tier_2026_code};
use crate::allocation::{self, AllocationPolicy, Calendar, rules as arules};
use crate::model::{CrcArea, NeedArea, NeedSeverity, Provider};
use crate::tier::{self, ChangeLevel, ProtectLevel, rules as trules};
use crate::tier2026;

/// What to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Want {
    /// The allocation columns.
    pub allocation: bool,
    /// The 2021 tier columns.
    pub tier: bool,
    /// The 2026 tier columns.
    pub tier_2026: bool,
}

/// The columns only the 2026 tier reads: those `Columns::tier_2026_inputs` reads and no other row reader does
/// (allocation and the 2021 tier never look at them), so leaving them unread when `tier_2026` is off changes nothing.
const TIER_2026_ONLY: [Input; 12] = [
    Input::ActiveEvent,
    Input::Arp,
    Input::ArpKind,
    Input::Csrp,
    Input::CsrpKind,
    Input::DcSrp,
    Input::DcSrpBand,
    Input::Lifer,
    Input::LatestRelease,
    Input::DomesticAbuse,
    Input::Stalking,
    Input::SexualOffence,
];

impl Want {
    /// True when computing `self` reads column `c` (a binding may leave the others unread: [`assess`] never looks
    /// at them).
    pub fn reads(self, c: Input) -> bool {
        self.tier_2026 || !TIER_2026_ONLY.contains(&c)
    }
}

/// The output columns, one value per row (empty when not asked for); see [`super::spec::OUTPUTS`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assessed {
    /// `provider` codes ([`super::spec::providers`] order).
    pub provider: Vec<u8>,
    /// `allocation_deadline`: days since 1970-01-01, [`NO_DATE`] = none.
    pub deadline: Vec<i32>,
    /// The allocation rules that fired, a bitset over `allocation::rules::TABLE`.
    pub allocation_rules: Vec<u32>,
    /// `tier` codes ([`super::spec::tier_names`] order).
    pub tier: Vec<u8>,
    /// Protect points.
    pub protect_points: Vec<u32>,
    /// Change points.
    pub change_points: Vec<u32>,
    /// The 2021 tier rules that fired, a bitset over `tier::rules::TABLE`.
    pub tier_rules: Vec<u32>,
    /// `tier_2026` codes ([`super::spec::TIER_2026_NAMES`] order).
    pub tier_2026: Vec<u8>,
    /// 1 when the 2026 tier is provisional.
    pub provisional: Vec<u8>,
    /// The 2026 tier rules that fired, a bitset over `tier2026::rules::TABLE`.
    pub tier_2026_rules: Vec<u32>,
}

fn bad_percentage(v: f64) -> bool {
    // NaN is missing, not bad.
    !(v.is_nan() || (0.0..=100.0).contains(&v))
}

/// Rows per chunk of the column passes: the chunk's intermediate columns stay in the CPU's cache between passes.
const CHUNK: usize = 4096;

/// The rows `rows` of column `col`.
fn part<'a, T>(col: &'a [T], rows: &std::ops::Range<usize>) -> &'a [T] {
    col.get(rows.clone()).unwrap_or(&[])
}

/// The `provider` codes of each home area: its NPS division, its CRC; and the two national providers.
struct ProviderTables {
    division: Vec<u8>,
    crc: Vec<u8>,
    trust: u8,
    service: u8,
}

impl ProviderTables {
    fn new() -> Self {
        ProviderTables {
            division: CrcArea::ALL
                .iter()
                .map(|a| provider_code(Provider::Nps(a.nps_division())))
                .collect(),
            crc: CrcArea::ALL
                .iter()
                .map(|a| provider_code(Provider::Crc(*a)))
                .collect(),
            trust: provider_code(Provider::ProbationTrust),
            service: provider_code(Provider::ProbationService),
        }
    }
}

/// The provider and the allocation rules of rows `rows` (appended to `out`): the NPS criteria one pass per
/// criterion over the chunk, then period, Wales switch and provider.
fn providers_of(
    c: &Columns<'_>,
    on: &[i32],
    rows: std::ops::Range<usize>,
    policy: &AllocationPolicy,
    t: &ProviderTables,
    out: &mut Assessed,
) {
    let (tr, ps, wales_from) = (
        days(policy.tr_start),
        days(policy.ps_start),
        days(policy.wales_to_nps_from),
    );
    let bit = |i: arules::Idx| i.bit();
    let home = part(c.u8s(Input::HomeArea), &rows);
    let wales = CrcArea::C10 as u8;
    let mut nps = [0u32; CHUNK];
    let mut crit = |col: &[u8], b: u32| {
        for (m, v) in nps.iter_mut().zip(part(col, &rows)) {
            *m |= if *v != 0 { b } else { 0 };
        }
    };
    crit(c.u8s(Input::MappaEligible), bit(arules::Idx::MAPPA));
    crit(
        c.u8s(Input::ForeignNational),
        bit(arules::Idx::FOREIGN_NATIONAL),
    );
    if policy.public_interest_enabled {
        crit(
            c.u8s(Input::PublicInterest),
            bit(arules::Idx::PUBLIC_INTEREST),
        );
    }
    if policy.terrorism_enabled {
        crit(c.u8s(Input::Terrorism), bit(arules::Idx::TERRORISM));
    }
    let high = |r: u8| r != NO_CODE && r >= 2;
    let rosh_bit = bit(arules::Idx::ROSH_HIGH);
    for ((m, a), r) in nps
        .iter_mut()
        .zip(part(c.u8s(Input::AssessedRosh), &rows))
        .zip(part(c.u8s(Input::RegisteredRosh), &rows))
    {
        *m |= if high(*a) || high(*r) { rosh_bit } else { 0 };
    }
    if policy.rsr_threshold_enabled {
        let (th, b) = (policy.rsr_threshold, bit(arules::Idx::RSR));
        for (m, r) in nps.iter_mut().zip(part(c.f64s(Input::Rsr), &rows)) {
            *m |= if *r >= th { b } else { 0 };
        }
    }
    let wales_on = policy.wales_to_nps_enabled;
    for ((d, h), m) in part(on, &rows).iter().zip(home).zip(&nps) {
        let (p, r) = if *d < tr {
            (t.trust, bit(arules::Idx::TRUST))
        } else if *d >= ps {
            (t.service, bit(arules::Idx::PROBATION_SERVICE))
        } else {
            let mut m = *m;
            if wales_on && *h == wales && *d >= wales_from {
                m |= bit(arules::Idx::WALES_NPS);
            }
            let k = usize::from(*h);
            if m != 0 {
                (
                    t.division.get(k).copied().unwrap_or(NO_CODE),
                    m | bit(arules::Idx::NPS_DIVISION),
                )
            } else {
                (
                    t.crc.get(k).copied().unwrap_or(NO_CODE),
                    bit(arules::Idx::CRC),
                )
            }
        };
        out.provider.push(p);
        out.allocation_rules.push(r);
    }
}

/// Allocation over columns. Returns the first row the per-case engine would refuse, if any.
fn allocate(
    c: &Columns<'_>,
    on: &[i32],
    policy: &AllocationPolicy,
    cal: &Calendar,
    out: &mut Assessed,
) -> Option<usize> {
    let n = c.len();
    let bit = |i: arules::Idx| i.bit();
    let mut first_bad = c.f64s(Input::Rsr).iter().position(|r| bad_percentage(*r));
    let tables = ProviderTables::new();
    out.provider.reserve(n);
    out.allocation_rules.reserve(n);
    for start in (0..n).step_by(CHUNK) {
        let rows = start..(start + CHUNK).min(n);
        providers_of(c, on, rows, policy, &tables, out);
    }

    // Deadlines: one pass over the sentence dates in day numbers (the calendar's rank / select tables).
    out.deadline.reserve(n);
    let deadline_bit = bit(arules::Idx::DEADLINE);
    let wd = policy.allocation_working_days;
    let mut first_bad_day = None;
    for (i, (s, r)) in c
        .dates(Input::SentenceDate)
        .iter()
        .zip(out.allocation_rules.iter_mut())
        .enumerate()
    {
        if *s == NO_DATE {
            out.deadline.push(NO_DATE);
            continue;
        }
        *r |= deadline_bit;
        match cal.add_working_days_to_day(*s, wd) {
            Ok(d) => out.deadline.push(d),
            Err(_) => {
                out.deadline.push(NO_DATE);
                first_bad_day = first_bad_day.or(Some(i));
            }
        }
    }
    if let Some(i) = first_bad_day {
        first_bad = Some(first_bad.map_or(i, |b| b.min(i)));
    }
    first_bad
}

/// The 2021 tier over columns, chunk by chunk. Returns the first row the per-case engine would refuse, if any.
fn tier_2021(c: &Columns<'_>, out: &mut Assessed) -> Option<usize> {
    let n = c.len();
    let rsr = c.f64s(if c.has(Input::TierRsr) {
        Input::TierRsr
    } else {
        Input::Rsr
    });
    let ogrs = c.f64s(Input::Ogrs);
    let first_bad = rsr
        .iter()
        .zip(ogrs)
        .position(|(r, o)| bad_percentage(*r) || bad_percentage(*o));
    out.tier.reserve(n);
    out.protect_points.reserve(n);
    out.change_points.reserve(n);
    out.tier_rules.reserve(n);
    for start in (0..n).step_by(CHUNK) {
        tier_rows(c, start..(start + CHUNK).min(n), out);
    }
    first_bad
}

/// The 2021 tier of rows `rows` (appended to `out`), one pass per column over the chunk.
fn tier_rows(c: &Columns<'_>, rows: std::ops::Range<usize>, out: &mut Assessed) {
    let n = rows.len();
    let bit = |i: trules::Idx| i.bit();
    let col = |i: Input| part(c.u8s(i), &rows);
    let rsr = part(
        c.f64s(if c.has(Input::TierRsr) {
            Input::TierRsr
        } else {
            Input::Rsr
        }),
        &rows,
    );
    let rosh = col(if c.has(Input::TierRosh) {
        Input::TierRosh
    } else {
        Input::RegisteredRosh
    });
    let ogrs = part(c.f64s(Input::Ogrs), &rows);

    // Protect: the larger of RSR and RoSH points, MAPPA, complexity, women's factors.
    const ROSH_POINTS: [u32; 4] = [0, 10, 20, 150];
    let mut protect = [0u32; CHUNK];
    let mut rules = [bit(trules::Idx::PROTECT_LEVELS) | bit(trules::Idx::NDELIUS_FORM); CHUNK];
    let (protect, rules) = (
        protect.get_mut(..n).unwrap_or_default(),
        rules.get_mut(..n).unwrap_or_default(),
    );
    for (((p, f), r), k) in protect.iter_mut().zip(rules.iter_mut()).zip(rsr).zip(rosh) {
        let rp = if r.is_nan() { 0 } else { tier::rsr_points(*r) };
        let kp = ROSH_POINTS.get(usize::from(*k)).copied().unwrap_or(0);
        *p = rp.max(kp);
        *f |= if r.is_nan() {
            bit(trules::Idx::MISSING_SCORE)
        } else {
            0
        } | if rp > 0 { bit(trules::Idx::RSR) } else { 0 }
            | if kp > 0 { bit(trules::Idx::ROSH) } else { 0 }
            | if rp > 0 && kp > 0 {
                bit(trules::Idx::LARGER_OF_RSR_ROSH)
            } else {
                0
            };
    }
    const MAPPA_POINTS: [u32; 4] = [0, 5, 150, 150];
    for ((p, f), m) in protect
        .iter_mut()
        .zip(rules.iter_mut())
        .zip(col(Input::MappaLevel))
    {
        let mp = MAPPA_POINTS.get(usize::from(*m)).copied().unwrap_or(0);
        *p += mp;
        *f |= if mp > 0 { bit(trules::Idx::MAPPA) } else { 0 };
    }
    let mut complexity = [0u32; CHUNK];
    for k in COMPLEXITY {
        for (x, v) in complexity.iter_mut().zip(col(k)) {
            *x += u32::from(*v != 0) * 2;
        }
    }
    let (par, imp, brc, female) = (
        col(Input::Parenting),
        col(Input::Impulsivity),
        col(Input::Breach),
        col(Input::Female),
    );
    for (i, ((p, f), x)) in protect
        .iter_mut()
        .zip(rules.iter_mut())
        .zip(&complexity)
        .enumerate()
    {
        let flag = |col: &[u8]| u32::from(col.get(i).is_some_and(|v| *v != 0));
        let womens = u32::from(female.get(i).is_some_and(|v| *v != 0))
            * 2
            * (flag(par) + flag(imp) + flag(brc));
        *p += x + womens;
        *f |= if *x > 0 {
            bit(trules::Idx::COMPLEXITY)
        } else {
            0
        } | if womens > 0 {
            bit(trules::Idx::WOMENS_FACTORS)
        } else {
            0
        };
    }

    // Change: needs (weight × severity), OGRS, IOM; or the no-mandate / no-assessment special rules.
    let mut need_points = [0u32; CHUNK];
    for (k, area) in NEEDS.into_iter().zip(NeedArea::ALL) {
        let w = tier::weight(*area);
        let lut = [
            0,
            w * tier::severity_score(NeedSeverity::Standard),
            w * tier::severity_score(NeedSeverity::Severe),
        ];
        for (x, v) in need_points.iter_mut().zip(col(k)) {
            *x += lut.get(usize::from(*v)).copied().unwrap_or(0);
        }
    }
    let (mandate, assessed, iom) = (
        col(Input::HasMandate),
        col(Input::HasAssessment),
        col(Input::Iom),
    );
    let unsupervised = col(Input::Unsupervised);
    for (i, (f, needs)) in rules.iter_mut().zip(&need_points).enumerate() {
        let on = |col: &[u8]| col.get(i).is_some_and(|v| *v != 0);
        let (level, points) = if !on(mandate) {
            *f |= bit(trules::Idx::NO_MANDATE);
            (ChangeLevel::Zero, 0)
        } else if !on(assessed) {
            *f |= bit(trules::Idx::NO_ASSESSMENT);
            (ChangeLevel::Two, 0)
        } else {
            let o = ogrs.get(i).copied().unwrap_or(f64::NAN);
            let op = if o.is_nan() { 0 } else { tier::ogrs_points(o) };
            let ip = if on(iom) { 2 } else { 0 };
            *f |= if o.is_nan() {
                bit(trules::Idx::MISSING_SCORE)
            } else {
                0
            } | if *needs > 0 {
                bit(trules::Idx::NEEDS)
            } else {
                0
            } | if op > 0 { bit(trules::Idx::OGRS) } else { 0 }
                | if ip > 0 { bit(trules::Idx::IOM) } else { 0 }
                | bit(trules::Idx::CHANGE_LEVELS);
            let p = needs + op + ip;
            (ChangeLevel::from_points(p), p)
        };
        let u = on(unsupervised);
        if u {
            *f |= bit(trules::Idx::UNSUPERVISED);
        }
        let p = ProtectLevel::from_points(protect.get(i).copied().unwrap_or(0));
        let code = (p as usize ^ 3) * 4 + usize::from(level.digit()) + if u { 16 } else { 0 };
        out.tier.push(u8::try_from(code).unwrap_or(NO_CODE));
        out.change_points.push(points);
    }
    out.protect_points.extend_from_slice(protect);
    out.tier_rules.extend_from_slice(rules);
}

/// The 2026 tier, row by row through core's per-case engine. Returns the first refused row.
fn tier_2026(c: &Columns<'_>, out: &mut Assessed) -> Option<usize> {
    let n = c.len();
    out.tier_2026.reserve(n);
    out.provisional.reserve(n);
    out.tier_2026_rules.reserve(n);
    let mut first_bad = None;
    for i in 0..n {
        match c.tier_2026_inputs(i).map(|u| tier2026::calculate(&u)) {
            Some(Ok(r)) => {
                out.tier_2026.push(tier_2026_code(r.tier));
                out.provisional.push(u8::from(r.provisional));
                out.tier_2026_rules.push(r.rules.bits());
            }
            _ => {
                first_bad = first_bad.or(Some(i));
                out.tier_2026.push(NO_CODE);
                out.provisional.push(0);
                out.tier_2026_rules.push(0);
            }
        }
    }
    first_bad
}

/// The per-case engines' error on row `i` (which the column passes found bad), in their order.
fn row_error(
    c: &Columns<'_>,
    i: usize,
    want: Want,
    policy: &AllocationPolicy,
    cal: &Calendar,
) -> AssessError {
    let missing = || {
        AssessError::Column(ColumnError::new("on", "missing date (give `on=` for a default)").at(i))
    };
    if want.allocation {
        let Some(f) = c.allocation_facts(i) else {
            return missing();
        };
        if let Err(error) = allocation::allocate_facts(&f, policy, cal) {
            return AssessError::Allocation { row: i, error };
        }
    }
    if want.tier {
        let Some(t) = c.tier_inputs(i) else {
            return missing();
        };
        if let Err(error) = tier::calculate(&t) {
            return AssessError::Tier {
                row: i,
                tier2026: false,
                error,
            };
        }
    }
    if want.tier_2026 {
        let Some(u) = c.tier_2026_inputs(i) else {
            return missing();
        };
        if let Err(error) = tier2026::calculate(&u) {
            return AssessError::Tier {
                row: i,
                tier2026: true,
                error,
            };
        }
    }
    missing()
}

/// Allocation and the 2021 / 2026 tiers over the columns of `c`.
///
/// # Errors
/// [`AssessError::Column`] for a missing required column (`on` without a default, `home_area` for the
/// allocation) or a row missing one; otherwise the per-case engines' error on the first row they refuse.
///
/// ```
/// use chrono::NaiveDate;
/// use probation_core::allocation::{AllocationPolicy, Calendar};
/// use probation_core::columns::{assess, Columns, Data, Input, Want, Categories};
/// let home = [Categories::HomeArea.code_of("C17").unwrap(); 2];
/// let rsr = [8.0, 1.0];
/// let mut c = Columns::new(2, NaiveDate::from_ymd_opt(2016, 6, 1));
/// c.set(Input::HomeArea, Data::U8(&home))?;
/// c.set(Input::Rsr, Data::F64(&rsr))?;
/// let want = Want { allocation: true, tier: true, tier_2026: true };
/// let out = assess(c, want, &AllocationPolicy::default_policy(), &Calendar::england_and_wales()).unwrap();
/// let names = probation_core::columns::providers();
/// let provider = |i: usize| names[usize::from(out.provider[i])].to_string();
/// assert_eq!((provider(0), provider(1)), ("N07".to_owned(), "C17".to_owned()));
/// # Ok::<(), probation_core::columns::ColumnError>(())
/// ```
pub fn assess(
    mut c: Columns<'_>,
    want: Want,
    policy: &AllocationPolicy,
    cal: &Calendar,
) -> Result<Assessed, AssessError> {
    c.fill_defaults(|i| want.reads(i));
    let on = c.on()?;
    let mut out = Assessed::default();
    let mut bad: Option<usize> = None;
    let mut note = |b: Option<usize>| {
        if let Some(b) = b {
            bad = Some(bad.map_or(b, |x| x.min(b)));
        }
    };
    if want.allocation {
        if !c.has(Input::HomeArea) {
            return Err(ColumnError::new("home_area", "required").into());
        }
        if let Some(i) = c.u8s(Input::HomeArea).iter().position(|h| *h == NO_CODE) {
            return Err(ColumnError::new("home_area", "missing value").at(i).into());
        }
        note(allocate(&c, &on, policy, cal, &mut out));
    }
    if want.tier {
        note(tier_2021(&c, &mut out));
    }
    if want.tier_2026 {
        note(tier_2026(&c, &mut out));
    }
    match bad {
        Some(i) => Err(row_error(&c, i, want, policy, cal)),
        None => Ok(out),
    }
}
