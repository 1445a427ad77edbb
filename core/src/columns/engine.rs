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

/// The `provider` codes of each home area code: its NPS division, its CRC ([`NO_CODE`] for a code that is no
/// area); and the two national providers.
struct ProviderTables {
    division: [u8; 256],
    crc: [u8; 256],
    trust: u8,
    service: u8,
}

impl ProviderTables {
    fn new() -> Self {
        let (mut division, mut crc) = ([NO_CODE; 256], [NO_CODE; 256]);
        for ((d, c), a) in division.iter_mut().zip(crc.iter_mut()).zip(CrcArea::ALL) {
            *d = provider_code(Provider::Nps(a.nps_division()));
            *c = provider_code(Provider::Crc(*a));
        }
        ProviderTables {
            division,
            crc,
            trust: provider_code(Provider::ProbationTrust),
            service: provider_code(Provider::ProbationService),
        }
    }
}

/// The provider and the allocation rules of rows `rows` (written to `provider` and `rules`, one slot per row):
/// the NPS criteria one pass per criterion over the chunk, then period, Wales switch and provider.
fn providers_of(
    c: &Columns<'_>,
    on: &[i32],
    rows: std::ops::Range<usize>,
    policy: &AllocationPolicy,
    t: &ProviderTables,
    provider: &mut [u8],
    rules: &mut [u32],
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
    let wales_bit = if policy.wales_to_nps_enabled {
        bit(arules::Idx::WALES_NPS)
    } else {
        0
    };
    let (division, crc) = (bit(arules::Idx::NPS_DIVISION), bit(arules::Idx::CRC));
    let (trust, service) = (
        (t.trust, bit(arules::Idx::TRUST)),
        (t.service, bit(arules::Idx::PROBATION_SERVICE)),
    );
    for ((((d, h), m), p), r) in part(on, &rows)
        .iter()
        .zip(home)
        .zip(&nps)
        .zip(provider.iter_mut())
        .zip(rules.iter_mut())
    {
        // Every choice written as a select, not a branch: the rows come in any order.
        let k = usize::from(*h);
        let m = *m
            | if *h == wales && *d >= wales_from {
                wales_bit
            } else {
                0
            };
        let to_nps = (t.division.get(k).copied().unwrap_or(NO_CODE), m | division);
        let to_crc = (t.crc.get(k).copied().unwrap_or(NO_CODE), crc);
        let split = if m != 0 { to_nps } else { to_crc };
        (*p, *r) = if *d < tr {
            trust
        } else if *d >= ps {
            service
        } else {
            split
        };
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
    let mut first_bad = c.f64s(Input::Rsr).iter().position(|r| bad_percentage(*r));
    let tables = ProviderTables::new();
    out.provider = vec![0; n];
    out.allocation_rules = vec![0; n];
    let chunks = out
        .provider
        .chunks_mut(CHUNK)
        .zip(out.allocation_rules.chunks_mut(CHUNK));
    for (k, (provider, rules)) in chunks.enumerate() {
        let start = k * CHUNK;
        let rows = start..start + provider.len();
        providers_of(c, on, rows, policy, &tables, provider, rules);
    }

    // Deadlines: one pass over the sentence dates in day numbers (the calendar's rank / select tables).
    out.deadline = vec![NO_DATE; n];
    let deadline_bit = arules::Idx::DEADLINE.bit();
    let wd = policy.allocation_working_days;
    let mut first_bad_day = None;
    for (i, ((s, r), out)) in c
        .dates(Input::SentenceDate)
        .iter()
        .zip(out.allocation_rules.iter_mut())
        .zip(out.deadline.iter_mut())
        .enumerate()
    {
        if *s == NO_DATE {
            continue;
        }
        *r |= deadline_bit;
        match cal.add_working_days_to_day(*s, wd) {
            Ok(d) => *out = d,
            Err(_) => first_bad_day = first_bad_day.or(Some(i)),
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
    out.tier = vec![0; n];
    out.protect_points = vec![0; n];
    out.change_points = vec![0; n];
    out.tier_rules = vec![0; n];
    let chunks = out
        .tier
        .chunks_mut(CHUNK)
        .zip(out.protect_points.chunks_mut(CHUNK))
        .zip(out.change_points.chunks_mut(CHUNK))
        .zip(out.tier_rules.chunks_mut(CHUNK));
    for (k, (((tier, protect), change), rules)) in chunks.enumerate() {
        let start = k * CHUNK;
        let out = TierOut {
            tier,
            protect,
            change,
            rules,
        };
        tier_rows(c, start..start + out.tier.len(), out);
    }
    first_bad
}

/// The 2021 tier's output columns for one chunk of rows.
struct TierOut<'o> {
    tier: &'o mut [u8],
    protect: &'o mut [u32],
    change: &'o mut [u32],
    rules: &'o mut [u32],
}

/// The 2021 tier of rows `rows` (written to `out`, one slot per row), one pass per column over the chunk and
/// no branch per row (the columns' values come in any order, so a branch per row mispredicts).
#[allow(
    clippy::too_many_lines,
    reason = "one pass after another, in the order of docs/rules/tier.md"
)]
fn tier_rows(c: &Columns<'_>, rows: std::ops::Range<usize>, out: TierOut<'_>) {
    let bit = |i: trules::Idx| i.bit();
    let on = |b: bool, i: trules::Idx| if b { bit(i) } else { 0 };
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
    let TierOut {
        tier,
        protect,
        change,
        rules,
    } = out;

    // Protect: the larger of RSR and RoSH points, MAPPA, complexity, women's factors.
    const ROSH_POINTS: [u32; 4] = [0, 10, 20, 150];
    const MAPPA_POINTS: [u32; 4] = [0, 5, 150, 150];
    let base = bit(trules::Idx::PROTECT_LEVELS) | bit(trules::Idx::NDELIUS_FORM);
    for ((((p, f), r), k), m) in protect
        .iter_mut()
        .zip(rules.iter_mut())
        .zip(rsr)
        .zip(rosh)
        .zip(col(Input::MappaLevel))
    {
        // NaN (missing) scores no points.
        let rp = tier::rsr_points(*r);
        let kp = ROSH_POINTS.get(usize::from(*k)).copied().unwrap_or(0);
        let mp = MAPPA_POINTS.get(usize::from(*m)).copied().unwrap_or(0);
        *p = rp.max(kp) + mp;
        *f = base
            | on(r.is_nan(), trules::Idx::MISSING_SCORE)
            | on(rp > 0, trules::Idx::RSR)
            | on(kp > 0, trules::Idx::ROSH)
            | on(rp > 0 && kp > 0, trules::Idx::LARGER_OF_RSR_ROSH)
            | on(mp > 0, trules::Idx::MAPPA);
    }
    let n = protect.len();
    // Two points for each flag of `cols` that is set, per row.
    let two_per_flag = |out: &mut [u32; CHUNK], cols: &[Input]| {
        for k in cols {
            for (x, v) in out.iter_mut().zip(col(*k)) {
                *x += u32::from(*v != 0) * 2;
            }
        }
    };
    let (mut complexity, mut womens) = ([0u32; CHUNK], [0u32; CHUNK]);
    two_per_flag(&mut complexity, &COMPLEXITY);
    two_per_flag(
        &mut womens,
        &[Input::Parenting, Input::Impulsivity, Input::Breach],
    );
    let (complexity, womens) = (
        complexity.get(..n).unwrap_or_default(),
        womens.get_mut(..n).unwrap_or_default(),
    );
    for (x, v) in womens.iter_mut().zip(col(Input::Female)) {
        *x = if *v != 0 { *x } else { 0 };
    }
    for (((p, f), x), w) in protect
        .iter_mut()
        .zip(rules.iter_mut())
        .zip(complexity)
        .zip(&*womens)
    {
        *p += x + w;
        *f |= on(*x > 0, trules::Idx::COMPLEXITY) | on(*w > 0, trules::Idx::WOMENS_FACTORS);
    }

    // Change: needs (weight × severity), OGRS, IOM; or the no-mandate / no-assessment special rules.
    let mut needs = [0u32; CHUNK];
    let needs = needs.get_mut(..n).unwrap_or_default();
    for (k, area) in NEEDS.into_iter().zip(NeedArea::ALL) {
        let w = tier::weight(*area);
        let (standard, severe) = (
            w * tier::severity_score(NeedSeverity::Standard),
            w * tier::severity_score(NeedSeverity::Severe),
        );
        for (x, v) in needs.iter_mut().zip(col(k)) {
            *x += if *v == 1 {
                standard
            } else if *v == 2 {
                severe
            } else {
                0
            };
        }
    }
    // The IOM points, then whether there is a mandate and an assessment (bit 0 and bit 1), then unsupervised.
    let mut iom = [0u32; CHUNK];
    let iom = iom.get_mut(..n).unwrap_or_default();
    for (x, v) in iom.iter_mut().zip(col(Input::Iom)) {
        *x = u32::from(*v != 0) * 2;
    }
    let mut gate = [0u8; CHUNK];
    let gate = gate.get_mut(..n).unwrap_or_default();
    for ((g, m), a) in gate
        .iter_mut()
        .zip(col(Input::HasMandate))
        .zip(col(Input::HasAssessment))
    {
        *g = u8::from(*m != 0) | u8::from(*a != 0) << 1;
    }
    for (g, u) in gate.iter_mut().zip(col(Input::Unsupervised)) {
        *g |= u8::from(*u != 0) << 2;
    }
    // OGRS points in a pass of their own (a division per row, which vectorises alone), NaN (missing) as 0.
    let mut op = [0u32; CHUNK];
    let op = op.get_mut(..n).unwrap_or_default();
    for (x, o) in op.iter_mut().zip(ogrs) {
        *x = tier::ogrs_points(*o);
    }
    let changes = bit(trules::Idx::CHANGE_LEVELS);
    for ((((((((t, p), x), f), o), needs), ip), g), op) in tier
        .iter_mut()
        .zip(&*protect)
        .zip(change.iter_mut())
        .zip(rules.iter_mut())
        .zip(ogrs)
        .zip(&*needs)
        .zip(&*iom)
        .zip(&*gate)
        .zip(&*op)
    {
        let points = needs + op + ip;
        let scored = on(o.is_nan(), trules::Idx::MISSING_SCORE)
            | on(*needs > 0, trules::Idx::NEEDS)
            | on(*op > 0, trules::Idx::OGRS)
            | on(*ip > 0, trules::Idx::IOM)
            | changes;
        let (mandate, assessed, unsupervised) = (g & 1 != 0, g & 2 != 0, g & 4 != 0);
        let (level, fired, kept) = if !mandate {
            (ChangeLevel::Zero, bit(trules::Idx::NO_MANDATE), 0)
        } else if !assessed {
            (ChangeLevel::Two, bit(trules::Idx::NO_ASSESSMENT), 0)
        } else {
            (ChangeLevel::from_points(points), scored, points)
        };
        *f |= fired | on(unsupervised, trules::Idx::UNSUPERVISED);
        *x = kept;
        let code = (ProtectLevel::from_points(*p) as u8 ^ 3) * 4
            + level.digit()
            + if unsupervised { 16 } else { 0 };
        *t = code;
    }
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
