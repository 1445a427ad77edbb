//! The arithmetic of docs/rules/release.md: per calculable sentence (a concurrent sentence or a consecutive
//! chain), per "level" of the law (standard ½/⅔, SDS40, SDS40 with the T3 reversion, progression model), then the
//! booking's dates, the tranche defaulting between levels, recall, and the working-day hints.

use std::cell::Cell;

use chrono::{Datelike, NaiveDate};

use super::law::{Fraction, ReleaseLaw, Tranche};
use super::rules::{self as r, Idx};
use super::{
    EffectiveLength, ReleaseDate, ReleaseDates, ReleaseError, SentenceIndices, SentenceRelease,
    StatuteOptions, TrancheUsed,
};
use crate::allocation::RuleList;
use crate::calendar::Calendar;
use crate::model::{
    Booking, CustodialKind, CustodialSentence, EarlyReleaseExclusion as X, Length, Person,
    RecallKind,
};
use crate::rules::Rule;
use crate::sentence::{SupervisionKind, SupervisionPeriod};

mod day;
mod limits;

use day::Day;

type R<T> = Result<T, ReleaseError>;

/// The most sentences a booking may hold.
const MAX_SENTENCES: usize = 100;
// Sentence indices fit a `u8`, with `u8::MAX` to spare.
const _: () = assert!(MAX_SENTENCES < 255);
/// The most entries of each adjustment list.
const MAX_ADJUSTMENTS: usize = 1_000;

fn oor(field: &str) -> ReleaseError {
    ReleaseError::DateOutOfRange {
        field: field.to_owned(),
    }
}

fn invalid(field: String, reason: &'static str) -> ReleaseError {
    ReleaseError::Invalid { field, reason }
}

fn unsupported(field: String, reason: &'static str) -> ReleaseError {
    ReleaseError::Unsupported { field, reason }
}

/// `d + n` days (negative allowed).
fn add(d: Day, n: i64) -> R<Day> {
    d.plus(n).ok_or_else(|| oor("sentences"))
}

fn days_between(a: Day, b: Day) -> i64 {
    b.since(a)
}

/// The level of the law a calculation is made at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// ½ (⅔ SDS+).
    Standard,
    /// SDS40 with the T3-flagged offences still at 40 % (sentenced before the T3 date).
    Sds40,
    /// SDS40 with the T3-flagged offences back at ½.
    Sds40T3,
    /// Progression model on top of `Sds40T3` (or `Sds40` when the T3 row is not in force).
    Progression,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Regime {
    Act1991,
    PreOra,
    Ora,
}

/// What kind of release a calculable sentence has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Release {
    Crd,
    Ard,
}

/// One calculable sentence at one level.
#[derive(Debug, Clone)]
struct Calc {
    head: u32,
    start: Day,
    /// Unadjusted expiry E.
    end: Day,
    length: u32,
    release: Day,
    release_kind: Release,
    release_rule: &'static Rule,
    release_without_ada: Day,
    immediate: bool,
    /// Released on its sentence date with no credit left over (docs/rules/release.md HDC, "exact").
    exact: bool,
    expiry: Day,
    /// Separate licence expiry (1991 Act ¾, s.264B).
    led: Option<Day>,
    /// Licence end: LED or (CRD) the expiry.
    licence_end: Option<Day>,
    tused: Option<Day>,
    hdced: Option<Day>,
    ersed: Option<Day>,
    /// Parts sentenced on or after the progression model's commencement are eligible and it applied.
    pm_affected: bool,
}

/// The booking's dates at one level.
#[derive(Debug, Clone)]
struct Extract {
    release: (Day, u32),
    release_kind: Release,
    release_rule: &'static Rule,
    release_without_ada: Day,
    /// (date, sentence, is SLED).
    expiry: (Day, u32, bool),
    led: Option<(Day, u32)>,
    licence_end: Option<Day>,
    tused: Option<(Day, u32)>,
    hdced: Option<(Day, u32)>,
    ersed: Option<(Day, u32)>,
    calcs: Vec<Calc>,
    pm_affected_hdced: bool,
}

/// The calculable sentences: each chain's sentence indices in serving order, stored flat.
#[derive(Debug, Clone, Copy)]
struct Chains<'a> {
    order: &'a [usize],
    /// Where each chain ends in `order`.
    ends: &'a [usize],
}

impl Chains<'_> {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, k: usize) -> Option<&[usize]> {
        let start = match k.checked_sub(1) {
            Some(p) => *self.ends.get(p)?,
            None => 0,
        };
        self.order.get(start..*self.ends.get(k)?)
    }

    fn iter(&self) -> impl Iterator<Item = &[usize]> {
        (0..self.len()).filter_map(|k| self.get(k))
    }
}

struct Ctx<'a> {
    person: &'a Person,
    b: &'a Booking,
    law: &'a ReleaseLaw,
    statute: &'a StatuteOptions,
    chains: Chains<'a>,
    regimes: &'a [Regime],
    ded: i64,
    /// UAL, sorted by start.
    ual: &'a [(Day, i64)],
    /// Net awards (ADA +, RADA −), sorted by date (with the `restored_days` index of a restoration).
    awards: &'a [(Day, i64, usize)],
    recall: Option<crate::model::RecallEvent>,
    hdc_booking_excluded: bool,
    fired: std::cell::Cell<u32>,
    /// The person's date of birth (`age_on(d) >= 18` is `d.reached_birthday(dob, 18)`).
    dob: Day,
    /// Per calculable sentence, what does not depend on the level.
    fixed: &'a [Fixed],
    /// Each sentence's date.
    sdays: &'a [Day],
    /// Each sentence's eligibility for the early-release levels (`ELIG_*` bits).
    elig: &'a [u8],
    /// Buffers of levels no longer needed, for the next level's calculations.
    pool: &'a Cell<Vec<Vec<Calc>>>,
    /// The first [`FIRST_SCHEMES`] HDC and ERS schemes' commencements (`Day::MIN` past the last scheme),
    /// converted once per call when first asked for (a law of one scheme never asks).
    hdc_from: Cell<Option<[Day; FIRST_SCHEMES]>>,
    ers_from: Cell<Option<[Day; FIRST_SCHEMES]>>,
}

/// How many schemes' commencements [`Ctx`] holds converted (a later one is converted when asked for).
const FIRST_SCHEMES: usize = 4;

/// Commencement `k` of `dates` as a day (`Day::MIN` past the last), the first [`FIRST_SCHEMES`] from `cache`,
/// converted into it on the first call.
fn commencement(
    cache: &Cell<Option<[Day; FIRST_SCHEMES]>>,
    dates: impl Iterator<Item = NaiveDate> + Clone,
    k: usize,
) -> Day {
    let first = cache.get().unwrap_or_else(|| {
        let mut out = [Day::MIN; FIRST_SCHEMES];
        for (o, d) in out.iter_mut().zip(dates.clone()) {
            *o = Day::of(d);
        }
        cache.set(Some(out));
        out
    });
    match first.get(k) {
        Some(&d) => d,
        None => dates.clone().nth(k).map_or(Day::MIN, Day::of),
    }
}

/// [`Ctx::sds40_eligible`] (not reverted), [`Ctx::sds40_eligible`] (T3 reverted), [`Ctx::pm_eligible`].
const ELIG_SDS40: u8 = 1;
const ELIG_SDS40_REVERTED: u8 = 2;
const ELIG_PM: u8 = 4;
/// The sentence is SDS+ (its fractions are the SDS+ ones).
const SDS_PLUS: u8 = 8;

/// What a calculable sentence has whatever the release fractions.
#[derive(Debug, Clone, Copy)]
struct Fixed {
    start: Day,
    end: Day,
    length: u32,
    /// Length for the identification tests: all units added together from the start.
    id_len: u32,
    under_12m: bool,
    under_2y: bool,
    under_4y: bool,
    any_1991: bool,
    all_1991: bool,
    any_ora: bool,
    any_pre_ora: bool,
}

impl Ctx<'_> {
    fn fire(&self, i: Idx) {
        self.fired.set(self.fired.get() | i.bit());
    }

    /// `person.age_on(d) >= 18`.
    fn adult_on(&self, d: Day) -> bool {
        d.reached_birthday(self.dob, 18)
    }

    fn sday(&self, i: usize) -> Option<Day> {
        self.sdays.get(i).copied()
    }

    /// An empty buffer for one level's calculations, from the pool when it has one.
    fn calcs_buffer(&self) -> Vec<Calc> {
        let mut pool = self.pool.take();
        let mut v = pool.pop().unwrap_or_default();
        self.pool.set(pool);
        v.clear();
        v.reserve(self.chains.len());
        v
    }

    /// Returns a level's buffer to the pool.
    fn recycle(&self, e: Extract) {
        let mut pool = self.pool.take();
        pool.push(e.calcs);
        self.pool.set(pool);
    }

    /// Sentence `i` has eligibility `bit` (computed once in [`check`]).
    fn elig(&self, i: usize, bit: u8) -> bool {
        self.elig.get(i).is_some_and(|e| e & bit != 0)
    }

    fn sentence(&self, i: usize) -> R<&CustodialSentence> {
        self.b
            .sentences
            .get(i)
            .ok_or_else(|| invalid("sentences".into(), "index out of range"))
    }
}

impl ReleaseLaw {
    /// A sentence's `ELIG_*` bits and [`SDS_PLUS`].
    fn eligibility(&self, s: &CustodialSentence) -> u8 {
        let mut e = 0;
        if self.sds40_eligible(s, false) {
            e |= ELIG_SDS40;
        }
        if self.sds40_eligible(s, true) {
            e |= ELIG_SDS40_REVERTED;
        }
        if self.pm_eligible(s) {
            e |= ELIG_PM;
        }
        if s.sds_plus {
            e |= SDS_PLUS;
        }
        e
    }

    /// Eligible for the progression model's fractions.
    fn pm_eligible(&self, s: &CustodialSentence) -> bool {
        let Some(pm) = &self.progression else {
            return false;
        };
        s.kind == CustodialKind::Sds
            && !s.section_250
            && (s.sds_plus || !s.sds_plus_eligible)
            && !(s.exclusions.contains(&X::ProgressionModelSchedule13Part3)
                && s.sentence_date < pm.commenced)
    }

    /// Eligible for SDS40's 40 % (with the T3-flagged offences reverted to ½ or not).
    fn sds40_eligible(&self, s: &CustodialSentence, t3_reverted: bool) -> bool {
        let Some(sds40) = &self.sds40 else {
            return false;
        };
        let hard = [
            X::Sexual,
            X::DomesticAbuse,
            X::NationalSecurity,
            X::Terrorism,
            X::Violent,
        ];
        if s.sds_plus || s.exclusions.iter().any(|e| hard.contains(e)) {
            return false;
        }
        let t3 = s
            .exclusions
            .iter()
            .any(|e| matches!(e, X::SexualT3 | X::DomesticAbuseT3 | X::MurderT3));
        if t3 && let Some(t3_from) = sds40.t3_from {
            return !(t3_reverted || s.sentence_date >= t3_from);
        }
        true
    }
}

impl Ctx<'_> {
    /// Sentence `i`'s release fraction at `level` (from its bits, computed once in [`check`]).
    fn fraction(&self, i: usize, level: Level) -> Fraction {
        let bits = self.elig.get(i).copied().unwrap_or(0);
        let plus = bits & SDS_PLUS != 0;
        let base = if plus {
            self.law.sds_plus
        } else {
            self.law.standard
        };
        let sds40 = |reverted: bool| match &self.law.sds40 {
            Some(l)
                if bits
                    & if reverted {
                        ELIG_SDS40_REVERTED
                    } else {
                        ELIG_SDS40
                    }
                    != 0 =>
            {
                l.fraction
            }
            _ => base,
        };
        match level {
            Level::Standard => base,
            Level::Sds40 => sds40(false),
            Level::Sds40T3 => sds40(true),
            Level::Progression => match &self.law.progression {
                Some(pm) if bits & ELIG_PM != 0 => {
                    if plus {
                        pm.sds_plus
                    } else {
                        pm.sds
                    }
                }
                _ => sds40(self.law.sds40.as_ref().is_some_and(|l| l.t3_from.is_some())),
            },
        }
    }
}

/// Splits a term into its (years, months) and (weeks, days) blocks.
fn blocks(t: &Length) -> [Length; 2] {
    [
        Length {
            years: t.years,
            months: t.months,
            weeks: 0,
            days: 0,
        },
        Length {
            years: 0,
            months: 0,
            weeks: t.weeks,
            days: t.days,
        },
    ]
}

fn sum(a: &Length, b: &Length) -> R<Length> {
    // One test for the four units' overflows.
    let (years, y) = a.years.overflowing_add(b.years);
    let (months, m) = a.months.overflowing_add(b.months);
    let (weeks, w) = a.weeks.overflowing_add(b.weeks);
    let (days, d) = a.days.overflowing_add(b.days);
    if y | m | w | d {
        return Err(oor("sentences"));
    }
    Ok(Length {
        years,
        months,
        weeks,
        days,
    })
}

/// The end of terms served one after another from `start`, adjacent blocks of the same unit class summed and
/// each block measured from the running date (docs/rules/release.md). `None` for no terms.
fn aggregate_end<'t>(start: Day, terms: impl Iterator<Item = &'t Length>) -> R<Option<Day>> {
    let mut cursor = start;
    let mut end = None;
    let mut pending: Option<(bool, Length)> = None;
    let flush = |p: &Length, cursor: &mut Day, end: &mut Option<Day>| -> R<()> {
        let e = cursor.end_of(p).ok_or_else(|| oor("sentences"))?;
        *end = Some(e);
        *cursor = add(e, 1)?;
        Ok(())
    };
    for t in terms {
        for (class, b) in blocks(t).iter().enumerate() {
            if b.is_zero() {
                continue;
            }
            let months = class == 0;
            pending = match pending {
                Some((m, p)) if m == months => Some((m, sum(&p, b)?)),
                Some((_, p)) => {
                    flush(&p, &mut cursor, &mut end)?;
                    Some((months, *b))
                }
                None => Some((months, *b)),
            };
        }
    }
    if let Some((_, p)) = pending {
        flush(&p, &mut cursor, &mut end)?;
    }
    Ok(end)
}

/// Whole years and months and days from `a` to `b` (Java `Period.between`).
fn period(a: Day, b: Day) -> (u32, u32, u32) {
    let ((ay, am, ad), (by, bm, bd)) = (a.ymd(), b.ymd());
    let mut months = (by - ay) * 12 + i64::from(bm) - i64::from(am);
    let mut days = i64::from(bd) - i64::from(ad);
    if days < 0 {
        months -= 1;
        let anchor = a
            .add_months(u32::try_from(months.max(0)).unwrap_or(0))
            .unwrap_or(a);
        days = days_between(anchor, b);
    }
    let months = u32::try_from(months.max(0)).unwrap_or(0);
    (
        months / 12,
        months % 12,
        u32::try_from(days.max(0)).unwrap_or(0),
    )
}

pub(super) fn calculate(
    person: &Person,
    b: &Booking,
    on: NaiveDate,
    law: &ReleaseLaw,
    statute: &StatuteOptions,
    calendar: &Calendar,
) -> R<ReleaseDates> {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => dates(check(person, b, law, statute, &mut scratch)?, on, calendar),
        // Not reached (a calculation does not call itself); fresh buffers if it were.
        Err(_) => dates(
            check(person, b, law, statute, &mut Scratch::default())?,
            on,
            calendar,
        ),
    })
}

/// The booking's buffers that do not outlive a call, kept per thread between calls (cleared before use, and
/// borrowed in place) so that a call allocates little more than its output.
#[derive(Default)]
struct Scratch {
    regimes: Vec<Regime>,
    order: Vec<usize>,
    ends: Vec<usize>,
    ual: Vec<(Day, i64)>,
    awards: Vec<(Day, i64, usize)>,
    fixed: Vec<Fixed>,
    sdays: Vec<Day>,
    elig: Vec<u8>,
    pool: Vec<Vec<Calc>>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = const {
        std::cell::RefCell::new(Scratch {
            regimes: Vec::new(),
            order: Vec::new(),
            ends: Vec::new(),
            ual: Vec::new(),
            awards: Vec::new(),
            fixed: Vec::new(),
            sdays: Vec::new(),
            elig: Vec::new(),
            pool: Vec::new(),
        })
    };
}

fn dates(mut ctx: Ctx<'_>, on: NaiveDate, calendar: &Calendar) -> R<ReleaseDates> {
    limits::single_term_1991(&ctx)?;
    ctx.fire(Idx::LENGTH);
    if ctx.chains.len() < ctx.b.sentences.len() {
        ctx.fire(Idx::CONSECUTIVE);
    }
    if ctx.chains.len() > 1 {
        ctx.fire(Idx::CONCURRENT);
    }
    if ctx.regimes.contains(&Regime::Act1991) {
        ctx.fire(Idx::REGIME_1991);
    }
    if ctx.regimes.iter().any(|g| *g != Regime::Act1991) {
        ctx.fire(Idx::REGIME_2003);
    }
    if ctx.ded > 0 {
        ctx.fire(Idx::CREDIT);
    }

    let std = extract(&ctx, Level::Standard)?;
    second_custodial_period(&ctx, &std)?;
    limits::ora_non_ora(&ctx, &std)?;
    let mut tranches = Vec::new();
    let mut final_ = sds40(&mut ctx, std, &mut tranches)?;
    final_ = progression(&mut ctx, final_, &mut tranches)?;
    fire_points(&ctx);

    // Booking-level HDCED only before the release date.
    if let Some((h, _)) = final_.hdced
        && h >= final_.release.0
    {
        final_.hdced = None;
    }
    if let (Some(cs), Some((h, _))) = (ctx.law.hdc_adult_clean_stop, final_.hdced) {
        let adult = ctx.b.sentences.iter().any(|s| !s.section_250);
        if adult && (h >= Day::of(cs) || final_.pm_affected_hdced) {
            final_.hdced = None;
            ctx.fire(Idx::HDC_CLEAN_STOP);
        }
    }
    check_awards_before_release(&ctx, &final_)?;

    // Recall.
    let mut prrd = None;
    if let Some(rc) = ctx.recall {
        let rtc = Day::of(rc.return_to_custody);
        if rtc <= final_.release.0 {
            return Err(invalid(
                "recalls[0].return_to_custody".into(),
                "return to custody on or before the release date",
            ));
        }
        let (expiry, head, is_sled) = final_.expiry;
        limits::fixed_term_lengths(&ctx, rc.kind, is_sled)?;
        let fixed = match rc.kind {
            RecallKind::FixedTerm14 => Some(14),
            RecallKind::FixedTerm28 => Some(28),
            RecallKind::FixedTerm56 if ctx.law.ftr56.is_some() => Some(56),
            _ => None,
        };
        let date = match fixed {
            None => {
                ctx.fire(Idx::PRRD_STANDARD);
                expiry
            }
            Some(n) => {
                ctx.fire(Idx::PRRD_FIXED);
                let u: i64 = ctx
                    .ual
                    .iter()
                    .filter(|(f, _)| *f >= rtc && *f <= expiry)
                    .map(|(_, d)| *d)
                    .sum();
                let a: i64 = ctx.awards.iter().filter(|a| a.0 >= rtc).map(|a| a.1).sum();
                let mut p = add(rtc, n - 1 + u)?;
                if n == 56
                    && let Some(f) = &ctx.law.ftr56
                    && rc.return_to_custody <= f.commenced
                    && let Some(t) = allocate_tranche(
                        &ctx,
                        "ftr_56",
                        f.commenced,
                        &f.tranches,
                        &final_.calcs,
                        &mut tranches,
                    )?
                {
                    p = p.max(Day::of(t.date));
                }
                add(p, a)?.min(expiry)
            }
        };
        prrd = Some((date, head));
        final_.hdced = None;
    }

    // Assemble.
    let key = |date: Day, rule: &'static Rule, sentence: u32| ReleaseDate {
        date: date.date(),
        rule,
        sentence,
        working_day: None,
        non_friday: None,
    };
    let mut out = ReleaseDates {
        calculated_on: on,
        law_as_at: ctx.law.as_at,
        sentence_expiry: None,
        licence_expiry: None,
        sentence_and_licence_expiry: None,
        conditional_release: None,
        automatic_release: None,
        hdc_eligibility: final_.hdced.map(|(d, s)| key(d, &r::HDCED, s)),
        early_removal_eligibility: final_.ersed.map(|(d, s)| key(d, &r::ERSED, s)),
        top_up_supervision_expiry: None,
        post_recall_release: None,
        effective_sentence_length: effective_length(&final_),
        tranches,
        sentences: Vec::with_capacity(final_.calcs.len()),
        supervision: Vec::new(),
        rules: RuleList::new(r::TABLE),
    };
    for (c, chain) in final_.calcs.iter().zip(ctx.chains.iter()) {
        out.sentences.push(SentenceRelease {
            sentences: SentenceIndices::of_chain(chain),
            length_days: c.length,
            release: c.release.date(),
            expiry: c.expiry.date(),
        });
    }
    ctx.fire(Idx::EFFECTIVE_LENGTH);
    let (exp, exp_s, is_sled) = final_.expiry;
    ctx.fire(Idx::SLED);
    if is_sled {
        out.sentence_and_licence_expiry = Some(key(exp, &r::SLED, exp_s));
    } else {
        out.sentence_expiry = Some(key(exp, &r::SLED, exp_s));
        if let Some((l, s)) = final_.led {
            ctx.fire(Idx::SED_LED);
            out.licence_expiry = Some(key(l, &r::SED_LED, s));
        }
    }
    if let Some((t, s)) = final_.tused
        && final_.licence_end.is_some_and(|l| t > l)
        && !ctx.statute.pss_repealed
    {
        ctx.fire(Idx::TUSED);
        out.top_up_supervision_expiry = Some(key(t, &r::TUSED, s));
    }
    if out.hdc_eligibility.is_some() {
        ctx.fire(Idx::HDCED);
    }
    if out.early_removal_eligibility.is_some() {
        ctx.fire(Idx::ERSED);
    }
    let (rel, rel_s) = final_.release;
    let longest = final_.calcs.iter().map(|c| c.length).max().unwrap_or(0);
    if let Some((p, s)) = prrd {
        let rule = if ctx.fired.get() & Idx::PRRD_FIXED.bit() != 0 {
            &r::PRRD_FIXED
        } else {
            &r::PRRD_STANDARD
        };
        out.post_recall_release = Some(release_key(
            &mut ctx,
            calendar,
            on,
            p.date(),
            rule,
            s,
            longest,
        ));
    } else {
        let idx = match final_.release_rule.id {
            "release.ard" => Idx::ARD,
            "release.ard.under_18" => Idx::ARD_UNDER_18,
            _ => Idx::CRD,
        };
        ctx.fire(idx);
        let k = release_key(
            &mut ctx,
            calendar,
            on,
            rel.date(),
            final_.release_rule,
            rel_s,
            longest,
        );
        match final_.release_kind {
            Release::Crd => out.conditional_release = Some(k),
            Release::Ard => out.automatic_release = Some(k),
        }
    }
    if let Some(h) = &mut out.hdc_eligibility
        && h.date >= on
    {
        let next = calendar.next_working_day(h.date).ok();
        if next.is_some_and(|n| n != h.date) && calendar.is_working_day(h.date) == Ok(false) {
            h.working_day = next;
            ctx.fire(Idx::WORKING_DAY);
        }
    }

    // Supervision periods.
    let release_day = out
        .post_recall_release
        .or(out.conditional_release)
        .map(|k| k.date);
    if let (Some(start), Some(end_day)) = (release_day, final_.licence_end) {
        let end = end_day.date();
        let start = if prrd.is_none() {
            ctx.b.release_date.unwrap_or(start)
        } else {
            start
        };
        // Sized once (growing from empty costs more than the allocation).
        out.supervision = Vec::with_capacity(2);
        if start <= end {
            out.supervision.push(SupervisionPeriod {
                kind: SupervisionKind::Licence,
                start,
                end,
            });
        }
        if let Some(t) = &out.top_up_supervision_expiry {
            out.supervision.push(SupervisionPeriod {
                kind: SupervisionKind::PostSentenceSupervision,
                start: add(end_day, 1)?.date().max(start),
                end: t.date,
            });
        }
    }

    for c in &final_.calcs {
        if c.immediate {
            ctx.fire(Idx::IMMEDIATE);
        }
    }
    out.rules = RuleList::from_bits(r::TABLE, ctx.fired.get());
    ctx.recycle(final_);
    Ok(out)
}

/// Fires the release-point rules of the fractions in use.
fn fire_points(ctx: &Ctx<'_>) {
    for s in &ctx.b.sentences {
        if s.sds_plus {
            ctx.fire(Idx::POINT_SDS_PLUS);
        } else {
            ctx.fire(Idx::POINT_HALF);
        }
    }
}

/// A release date (CRD, ARD, PRRD) with the statutory discharge-day move (option) and the hints.
fn release_key(
    ctx: &mut Ctx<'_>,
    cal: &Calendar,
    on: NaiveDate,
    mut date: NaiveDate,
    rule: &'static Rule,
    sentence: u32,
    longest: u32,
) -> ReleaseDate {
    if ctx.statute.discharge_day {
        let mut d = date;
        while let Some(prev) = d.pred_opt() {
            let wd = d.weekday();
            let banned = wd == chrono::Weekday::Sun
                || (wd == chrono::Weekday::Sat && longest > 5)
                || cal.is_bank_holiday(d) == Ok(true);
            if !banned {
                break;
            }
            d = prev;
        }
        if d != date {
            ctx.fire(Idx::DISCHARGE_DAY);
            date = d;
        }
    }
    let mut k = ReleaseDate {
        date,
        rule,
        sentence,
        working_day: None,
        non_friday: None,
    };
    if date < on {
        return k;
    }
    let working = |d: NaiveDate| cal.is_working_day(d).ok();
    // The day reached by stepping back (at most 14 days) while `stop` does not hold, if it moved and is a
    // working day.
    let back = |stop: &dyn Fn(NaiveDate) -> bool| {
        let mut d = date;
        for _ in 0..14 {
            if stop(d) {
                break;
            }
            let Some(p) = d.pred_opt() else { break };
            d = p;
        }
        (d != date && working(d) == Some(true)).then_some(d)
    };
    if let Some(d) = back(&|d| working(d) != Some(false)) {
        k.working_day = Some(d);
        ctx.fire(Idx::WORKING_DAY);
    }
    let next_working = |d: NaiveDate| d.succ_opt().and_then(working) == Some(true);
    if let Some(d) = back(&|d| working(d) == Some(true) && next_working(d)) {
        k.non_friday = Some(d);
        ctx.fire(Idx::NON_FRIDAY);
    }
    k
}

fn effective_length(e: &Extract) -> EffectiveLength {
    let start = e.calcs.iter().map(|c| c.start).min();
    let end = e.calcs.iter().map(|c| c.end).max();
    let (years, months, days) = match (start, end.and_then(|x| x.plus(1))) {
        (Some(a), Some(b)) => period(a, b),
        _ => (0, 0, 0),
    };
    EffectiveLength {
        years,
        months,
        days,
        rule: &r::EFFECTIVE_LENGTH,
    }
}

/// Validates the booking and builds the chains.
fn check<'a>(
    person: &'a Person,
    b: &'a Booking,
    law: &'a ReleaseLaw,
    statute: &'a StatuteOptions,
    scratch: &'a mut Scratch,
) -> R<Ctx<'a>> {
    let Scratch {
        regimes,
        order,
        ends,
        ual,
        awards,
        fixed: fixed_buf,
        sdays,
        elig,
        pool,
    } = scratch;
    let n = b.sentences.len();
    if n == 0 {
        return Err(invalid(
            "sentences".into(),
            "a booking needs at least one sentence",
        ));
    }
    // Bounds on hostile input: the calculation is quadratic in the sentences at worst.
    for (field, len, max) in [
        ("sentences", n, MAX_SENTENCES),
        ("remand", b.remand.len(), MAX_ADJUSTMENTS),
        ("tagged_bail", b.tagged_bail.len(), MAX_ADJUSTMENTS),
        (
            "unlawfully_at_large",
            b.unlawfully_at_large.len(),
            MAX_ADJUSTMENTS,
        ),
        ("additional_days", b.additional_days.len(), MAX_ADJUSTMENTS),
        ("restored_days", b.restored_days.len(), MAX_ADJUSTMENTS),
    ] {
        if len > max {
            return Err(invalid(field.into(), "too many entries"));
        }
    }
    regimes.clear();
    regimes.reserve(n);
    sdays.clear();
    sdays.reserve(n);
    elig.clear();
    elig.reserve(n);
    for (i, s) in b.sentences.iter().enumerate() {
        let reason = match s.kind {
            CustodialKind::Sds => None,
            CustodialKind::Extended => Some("extended sentences are not calculated"),
            CustodialKind::Sopc => Some("SOPC sentences are not calculated"),
            CustodialKind::Dto => Some("detention and training orders are not calculated"),
            CustodialKind::Indeterminate => Some("indeterminate sentences have no fixed release"),
            CustodialKind::FineDefault => Some("imprisonment in default is not calculated"),
            CustodialKind::Botus => Some("BOTUS committals are not calculated"),
            CustodialKind::Terrorist => Some("terrorist sentences (s.247A) are not calculated"),
        };
        if let Some(reason) = reason {
            return Err(unsupported(format!("sentences[{i}].kind"), reason));
        }
        if s.extension.is_some() {
            return Err(unsupported(
                format!("sentences[{i}].extension"),
                "extended sentences are not calculated",
            ));
        }
        if s.exclusions.contains(&X::Sa2026ProgressionModelSchedule) && !s.section_250 {
            return Err(unsupported(
                format!("sentences[{i}].exclusions"),
                "Sentencing Act 2026 excluded offence (the calculator routes it to manual entry)",
            ));
        }
        if s.term.is_zero() {
            return Err(invalid(
                format!("sentences[{i}].term"),
                "term must be more than zero",
            ));
        }
        if s.offence_date > s.sentence_date {
            return Err(invalid(
                format!("sentences[{i}].offence_date"),
                "offence after the sentence date",
            ));
        }
        let is_1991 = law.laspo_sentences_from.is_none_or(|l| s.sentence_date < l)
            && law
                .cja_2003_offences_from
                .is_none_or(|c| s.offence_date < c);
        regimes.push(if is_1991 {
            Regime::Act1991
        } else if law.ora_offences_from.is_some_and(|o| s.offence_date >= o) {
            Regime::Ora
        } else {
            Regime::PreOra
        });
        sdays.push(Day::of(s.sentence_date));
        elig.push(law.eligibility(s));
    }
    // Chains: a head (no consecutive_to) followed by the sentences consecutive to it, one successor each.
    // (`n` is at most `MAX_SENTENCES`, checked above, so an index fits a `u8` and `u8::MAX` is none.)
    const NONE: u8 = u8::MAX;
    let mut next = [NONE; MAX_SENTENCES];
    for (i, s) in b.sentences.iter().enumerate() {
        let Some(to) = s.consecutive_to else { continue };
        let field = || format!("sentences[{i}].consecutive_to");
        let to = usize::try_from(to).map_err(|_| invalid(field(), "no such sentence"))?;
        if to >= n || to == i {
            return Err(invalid(field(), "no such sentence"));
        }
        match next.get_mut(to) {
            Some(slot) if *slot == NONE => *slot = u8::try_from(i).unwrap_or(NONE),
            _ => {
                return Err(unsupported(
                    field(),
                    "two sentences consecutive to the same sentence",
                ));
            }
        }
    }
    // Each sentence has at most one predecessor and one successor, so a walk from the heads visits each at most
    // once; the sentences it does not reach are on a cycle.
    order.clear();
    order.reserve(n);
    ends.clear();
    ends.reserve(n);
    for (i, s) in b.sentences.iter().enumerate() {
        if s.consecutive_to.is_some() {
            continue;
        }
        order.push(i);
        let mut cur = i;
        while let Some(&nx) = next.get(cur)
            && nx != NONE
        {
            order.push(usize::from(nx));
            cur = usize::from(nx);
        }
        ends.push(order.len());
    }
    if let Some(i) = (order.len() < n)
        .then(|| (0..n).find(|i| !order.contains(i)))
        .flatten()
    {
        return Err(invalid(
            format!("sentences[{i}].consecutive_to"),
            "consecutive links form a cycle",
        ));
    }
    let mut ded = 0i64;
    for (name, list) in [("remand", &b.remand), ("tagged_bail", &b.tagged_bail)] {
        for (i, d) in list.iter().enumerate() {
            if d.sentence
                .is_some_and(|s| usize::try_from(s).map_or(true, |s| s >= n))
            {
                return Err(invalid(format!("{name}[{i}].sentence"), "no such sentence"));
            }
            ded += i64::from(d.days);
        }
    }
    ual.clear();
    ual.extend(
        b.unlawfully_at_large
            .iter()
            .map(|u| (Day::of(u.from), i64::from(u.days))),
    );
    ual.sort_by_key(|u| u.0);
    for w in ual.windows(2) {
        if let [a, c] = w
            && add(a.0, a.1)? > c.0
        {
            return Err(invalid("unlawfully_at_large".into(), "periods overlap"));
        }
    }
    awards.clear();
    awards.extend(
        b.additional_days
            .iter()
            .map(|a| (Day::of(a.date), i64::from(a.days), usize::MAX)),
    );
    awards.extend(
        b.restored_days
            .iter()
            .enumerate()
            .map(|(i, a)| (Day::of(a.date), -i64::from(a.days), i)),
    );
    // Awards before restorations on the same date.
    awards.sort_by_key(|a| (a.0, a.1 < 0));
    let mut net = 0i64;
    for (_, days, i) in awards.iter() {
        net += days;
        if net < 0 {
            return Err(invalid(
                format!("restored_days[{i}].days"),
                "restores more days than were awarded before it",
            ));
        }
    }
    if b.recalls.len() > 1 {
        return Err(unsupported("recalls[1]".into(), "more than one recall"));
    }
    let recall = b.recalls.first().copied();
    if let Some(rc) = recall {
        if rc.kind == RecallKind::FromHdc {
            return Err(unsupported(
                "recalls[0].kind".into(),
                "recall from home detention curfew",
            ));
        }
        if b.sentences
            .iter()
            .any(|s| rc.return_to_custody < s.sentence_date)
        {
            return Err(invalid(
                "recalls[0].return_to_custody".into(),
                "return to custody before a sentence date",
            ));
        }
    }
    let hdc_booking_excluded = b.hdc_excluded
        || recall.is_some()
        || b.sentences
            .iter()
            .any(|s| s.sds_plus || s.sds_plus_eligible);
    let mut ctx = Ctx {
        person,
        b,
        law,
        statute,
        chains: Chains {
            order: order.as_slice(),
            ends: ends.as_slice(),
        },
        regimes: regimes.as_slice(),
        ded,
        ual: ual.as_slice(),
        awards: awards.as_slice(),
        recall,
        hdc_booking_excluded,
        fired: std::cell::Cell::new(0),
        dob: Day::of(person.date_of_birth),
        fixed: &[],
        sdays: sdays.as_slice(),
        elig: elig.as_slice(),
        pool: Cell::from_mut(pool),
        hdc_from: Cell::new(None),
        ers_from: Cell::new(None),
    };
    fixed(&ctx, fixed_buf)?;
    ctx.fixed = fixed_buf.as_slice();
    Ok(ctx)
}

/// What each calculable sentence has whatever the level: its expiry, length, length tests and regimes.
fn fixed(ctx: &Ctx<'_>, out: &mut Vec<Fixed>) -> R<()> {
    out.clear();
    out.reserve(ctx.chains.len());
    for chain in ctx.chains.iter() {
        let head = chain.first().copied().unwrap_or(0);
        let s = ctx
            .sday(head)
            .ok_or_else(|| invalid("sentences".into(), "index out of range"))?;
        let (mut any_1991, mut all_1991, mut any_ora, mut any_pre_ora) =
            (false, true, false, false);
        let mut all = Length::default();
        // A months block after a days block: the aggregation's end then differs from `all`'s.
        let (mut saw_days, mut days_then_months) = (false, false);
        for &i in chain {
            let t = &ctx.sentence(i)?.term;
            all = sum(&all, t)?;
            if t.years > 0 || t.months > 0 {
                days_then_months |= saw_days;
            }
            saw_days |= t.weeks > 0 || t.days > 0;
            match ctx.regimes.get(i) {
                Some(Regime::Act1991) => any_1991 = true,
                Some(Regime::Ora) => {
                    all_1991 = false;
                    any_ora = true;
                }
                _ => {
                    all_1991 = false;
                    any_pre_ora = true;
                }
            }
        }
        // A sentence cannot be ordered to run consecutively to terms already served: each one consecutive to
        // another must be imposed on or before the day the terms before it end.
        for (p, &i) in chain.iter().enumerate().skip(1) {
            // Imposed on or before the chain's start: within the terms before it, which end on or after the
            // start (a term is never zero). Were those terms out of range, the chain's aggregation below is.
            if ctx.sday(i).is_none_or(|x| x <= s) {
                continue;
            }
            let before = aggregate_end(
                s,
                chain
                    .iter()
                    .take(p)
                    .filter_map(|&j| ctx.b.sentences.get(j).map(|x| &x.term)),
            )?;
            if before.is_some_and(|e| ctx.sday(i).is_some_and(|x| x > e)) {
                return Err(invalid(
                    format!("sentences[{i}].consecutive_to"),
                    "consecutive to terms that ended before this sentence was imposed",
                ));
            }
        }
        let end = if chain.len() == 1 {
            s.end_of(&all)
        } else {
            aggregate_end(
                s,
                chain
                    .iter()
                    .filter_map(|&i| ctx.b.sentences.get(i).map(|p| &p.term)),
            )?
        }
        .ok_or_else(|| oor("sentences"))?;
        let length = u32::try_from(days_between(s, end) + 1).map_err(|_| oor("sentences"))?;
        // The aggregation of months blocks followed by days blocks is `all` measured from the start.
        let id_len = if chain.len() == 1 || !days_then_months {
            length
        } else {
            s.days_of(&all).ok_or_else(|| oor("sentences"))?
        };
        // Shorter than 12 months, 2 years and 4 years from the start.
        let [under_12m, under_2y, under_4y] = s
            .under_1_2_4_years(id_len)
            .ok_or_else(|| oor("sentences"))?;
        out.push(Fixed {
            start: s,
            end,
            length,
            id_len,
            under_12m,
            under_2y,
            under_4y,
            any_1991,
            all_1991,
            any_ora,
            any_pre_ora,
        });
    }
    Ok(())
}

/// A sentence imposed after every earlier sentence was released starts a second custodial period: refused.
fn second_custodial_period(ctx: &Ctx<'_>, std: &Extract) -> R<()> {
    for (c, chain) in std.calcs.iter().zip(ctx.chains.iter()) {
        let earlier = std
            .calcs
            .iter()
            .filter(|o| o.start < c.start)
            .map(|o| o.release_without_ada)
            .max();
        if earlier.is_some_and(|r| r < c.start) {
            let i = chain.first().copied().unwrap_or(0);
            return Err(unsupported(
                format!("sentences[{i}].sentence_date"),
                "imposed after the booking's earlier sentences were released (a second custodial period)",
            ));
        }
    }
    Ok(())
}

/// ADA or RADA dated after the final release, and not during a recall, cannot be right.
fn check_awards_before_release(ctx: &Ctx<'_>, e: &Extract) -> R<()> {
    let rtc = ctx.recall.map(|r| r.return_to_custody);
    for (name, list) in [
        ("additional_days", &ctx.b.additional_days),
        ("restored_days", &ctx.b.restored_days),
    ] {
        for (i, a) in list.iter().enumerate() {
            if Day::of(a.date) > e.release.0 && rtc.is_none_or(|t| a.date < t) {
                return Err(invalid(
                    format!("{name}[{i}].date"),
                    "dated after the release date",
                ));
            }
        }
    }
    Ok(())
}

/// The dates of every calculable sentence at `level`, and the booking's.
fn extract(ctx: &Ctx<'_>, level: Level) -> R<Extract> {
    let mut calcs = ctx.calcs_buffer();
    for k in 0..ctx.chains.len() {
        calcs.push(chain_calc(ctx, k, level)?);
    }
    booking(ctx, calcs)
}

fn booking(ctx: &Ctx<'_>, calcs: Vec<Calc>) -> R<Extract> {
    // One pass: the driver (latest release) and the latest expiry, the first of equals each; the latest licence
    // end and the first sentence that has it; the latest TUSED and ERSED (not an immediate release's), the last of
    // equals each (as `max_by_key`).
    let Some(first) = calcs.first() else {
        return Err(invalid(
            "sentences".into(),
            "a booking needs at least one sentence",
        ));
    };
    let (mut d, mut x) = (first, first);
    let mut licence_end: Option<(Day, u32)> = None;
    let mut tused: Option<(Day, u32)> = None;
    let mut ersed: Option<(Day, u32)> = None;
    for c in &calcs {
        if c.release > d.release {
            d = c;
        }
        if c.expiry > x.expiry {
            x = c;
        }
        if let Some(l) = c.licence_end
            && licence_end.is_none_or(|(m, _)| l > m)
        {
            licence_end = Some((l, c.head));
        }
        if let Some(t) = c.tused
            && tused.is_none_or(|(m, _)| t >= m)
        {
            tused = Some((t, c.head));
        }
        if let Some(e) = c.ersed
            && !c.immediate
            && ersed.is_none_or(|(m, _)| e >= m)
        {
            ersed = Some((e, c.head));
        }
    }
    let release = (d.release, d.head);
    let release_kind = if licence_end.is_some_and(|(l, _)| l >= d.release) {
        Release::Crd
    } else {
        Release::Ard
    };
    let release_rule = if release_kind == d.release_kind {
        d.release_rule
    } else if release_kind == Release::Crd {
        &r::CRD
    } else {
        &r::ARD
    };
    let x_is_sled = x.led.is_none() && x.release_kind == Release::Crd;
    let (expiry, led) = if x_is_sled && Some(x.expiry) == licence_end.map(|l| l.0) {
        ((x.expiry, x.head, true), None)
    } else {
        (
            (x.expiry, x.head, false),
            licence_end.filter(|l| l.0 >= d.release),
        )
    };
    let licence_end = licence_end.map(|l| l.0);
    // HDCED (docs/rules/release.md).
    let mut hdced = None;
    if d.hdced.is_some() {
        // The latest HDCED (the last of equals) of the sentences imposed at least 14 days before the release.
        for c in &calcs {
            if let Some(h) = c.hdced
                && add(c.start, 14).is_ok_and(|s14| s14 <= d.release)
                && hdced.is_none_or(|(m, _)| h >= m)
            {
                hdced = Some((h, c.head));
            }
        }
        if let Some((h, _)) = hdced {
            // The sentences without an HDCED released after it: the latest-released of them (the last of equals)
            // takes the HDCED unless all are immediate releases and it is not an exact one (credit equal to its
            // custodial days, none left over).
            let mut latest: Option<&Calc> = None;
            let mut all_immediate = true;
            for c in calcs.iter().filter(|c| c.hdced.is_none() && c.release > h) {
                all_immediate &= c.immediate;
                if latest.is_none_or(|l| c.release >= l.release) {
                    latest = Some(c);
                }
            }
            if !all_immediate || latest.is_some_and(|c| c.exact) {
                hdced = latest.map(|c| (c.release, c.head));
            }
        }
    }
    let pm_affected_hdced =
        hdced.is_some_and(|(_, s)| calcs.iter().any(|c| c.head == s && c.pm_affected));
    if ctx.b.sentences.len() > 1 && calcs.len() > 1 {
        ctx.fire(Idx::CONCURRENT);
    }
    Ok(Extract {
        release,
        release_kind,
        release_rule,
        release_without_ada: d.release_without_ada,
        expiry,
        led,
        licence_end,
        tused,
        hdced,
        ersed,
        calcs,
        pm_affected_hdced,
    })
}

/// One calculable sentence (chain `k`) at `level`.
#[allow(
    clippy::too_many_lines,
    reason = "one rule after another, in the order of docs/rules/release.md"
)]
fn chain_calc(ctx: &Ctx<'_>, k: usize, level: Level) -> R<Calc> {
    let chain: &[usize] = ctx
        .chains
        .get(k)
        .ok_or_else(|| invalid("sentences".into(), "index out of range"))?;
    let f = *ctx
        .fixed
        .get(k)
        .ok_or_else(|| invalid("sentences".into(), "index out of range"))?;
    let head = chain.first().copied().unwrap_or(0);
    let (s, e, length, id_len, id_under_12m) = (f.start, f.end, f.length, f.id_len, f.under_12m);
    let (any_1991, all_1991, any_ora, any_pre_ora) =
        (f.any_1991, f.all_1991, f.any_ora, f.any_pre_ora);
    let under_12m = id_under_12m;

    // Release point: groups of parts by fraction, in order of first appearance.
    let mut pm_affected = false;
    let mut first_fraction = None;
    let mut one_group = true;
    // The first parts' fractions, by position in the chain (a longer chain's later parts are looked up again).
    const KEPT: usize = 8;
    let mut kept = [Fraction::HALF; KEPT];
    for (p, &i) in chain.iter().enumerate() {
        let fr = ctx.fraction(i, level);
        if let Some(slot) = kept.get_mut(p) {
            *slot = fr;
        }
        if level == Level::Progression && ctx.elig(i, ELIG_PM) {
            pm_affected = true;
        }
        match first_fraction {
            None => first_fraction = Some(fr),
            Some(x) if x != fr => one_group = false,
            _ => {}
        }
    }
    let mut release_days = 0i64;
    let mut c30 = 0i64;
    let mut group = |fr: Fraction, days: i64| {
        let rd = i64::try_from(fr.ceil_of(u64::try_from(days).unwrap_or(0))).unwrap_or(i64::MAX);
        release_days += rd;
        c30 += fr.div(days * i64::from(fr.num) * 30);
        rd
    };
    if one_group {
        // One fraction: the group is the whole chain, already measured.
        group(first_fraction.unwrap_or(Fraction::HALF), i64::from(length));
    } else {
        // Groups in order of first appearance: a part whose fraction no earlier part has opens one, holding
        // every part with that fraction (no allocation: chains are short; each fraction was found above).
        let frac = |p: usize, j: usize| match kept.get(p) {
            Some(&fr) => fr,
            None => ctx.fraction(j, level),
        };
        let has = |p: usize, j: usize, fr: Fraction| frac(p, j) == fr;
        let mut cursor = s;
        for (p, &i) in chain.iter().enumerate() {
            let fr = frac(p, i);
            if chain
                .iter()
                .take(p)
                .enumerate()
                .any(|(q, &j)| has(q, j, fr))
            {
                continue;
            }
            let terms = chain
                .iter()
                .enumerate()
                .filter(|&(q, &j)| has(q, j, fr))
                .filter_map(|(_, &j)| ctx.b.sentences.get(j).map(|x| &x.term));
            let end = aggregate_end(cursor, terms)?.ok_or_else(|| oor("sentences"))?;
            let rd = group(fr, days_between(cursor, end) + 1);
            cursor = add(cursor, rd)?;
        }
    }
    let crd_unadj = add(s, release_days - 1)?;
    let ded = ctx.ded;

    // UAL: in custody when it starts on or before the release reached so far; after release only on recall.
    let recall = ctx.recall.is_some();
    let mut running = add(crd_unadj, -ded)?;
    let (mut ual_c, mut ual_after, mut last_ual) = (0i64, 0i64, None);
    let sled_before_ual = add(e, -ded)?;
    for &(from, days) in ctx.ual {
        if from < s {
            continue;
        }
        if from <= running {
            ual_c += days;
            running = add(running, days)?;
        } else if recall && from <= add(sled_before_ual, ual_c + ual_after)? {
            ual_after += days;
        } else {
            continue;
        }
        last_ual = Some(add(from, days)?);
    }
    if ual_c + ual_after > 0 {
        ctx.fire(Idx::UAL);
    }
    // ADA / RADA awarded before release (or before the sentence, prospectively).
    let mut ada = 0i64;
    for &(date, n, _) in ctx.awards {
        if date <= add(running, ada)? {
            ada += n;
        }
    }
    if !ctx.awards.is_empty() {
        ctx.fire(Idx::ADA);
    }
    // Credit never moves a date before the day the chain's last sentence was imposed.
    let imposed = chain
        .iter()
        .filter_map(|&i| ctx.sday(i))
        .max()
        .unwrap_or(s)
        .max(s);
    let expiry = add(e, ual_c + ual_after - ded)?
        .max(imposed)
        .max(last_ual.unwrap_or(s));
    let without_ada_raw = add(crd_unadj, ual_c - ded)?;
    let release_without_ada = without_ada_raw.max(imposed);
    let mut release = add(without_ada_raw, ada)?.max(imposed);
    let immediate = add(without_ada_raw, ada)? <= imposed;
    let exact = add(without_ada_raw, ada)? == imposed;
    release = release.min(expiry);

    // Release type.
    let pm_switch = level == Level::Progression && pm_affected;
    let (mut kind, mut rule, mut led): (Release, &'static Rule, Option<Day>) =
        (Release::Crd, &r::CRD, None);
    if length <= 1 {
        (kind, rule) = (Release::Ard, &r::ARD);
    } else if all_1991 {
        if under_12m {
            (kind, rule) = (Release::Ard, &r::ARD);
        } else if f.under_4y {
            let l = i64::try_from(Fraction { num: 3, den: 4 }.ceil_of(u64::from(length)))
                .unwrap_or(i64::MAX);
            let days_led = l + (ual_c - ded) + (ded - release_days).max(0);
            led = Some(add(s, days_led - 1)?);
        }
    } else if !any_1991 && !any_ora && under_12m && !pm_switch {
        (kind, rule) = (Release::Ard, &r::ARD);
    } else if !any_1991 && any_ora && any_pre_ora && under_12m {
        // s.264B: LED = CRD + floor(ORA-part days / 2).
        let ora_terms = chain
            .iter()
            .filter(|&&i| ctx.regimes.get(i) == Some(&Regime::Ora))
            .filter_map(|&i| ctx.b.sentences.get(i).map(|p| &p.term));
        if let Some(end) = aggregate_end(s, ora_terms)? {
            let ora_days = days_between(s, end) + 1;
            led = Some(add(release, ora_days / 2)?.min(expiry));
        }
    }
    if kind == Release::Crd && under_12m && !ctx.adult_on(release) {
        (kind, rule, led) = (Release::Ard, &r::ARD_UNDER_18, None);
    }
    let licence_end = (kind == Release::Crd).then(|| led.unwrap_or(expiry));

    // TUSED.
    let mut tused = None;
    let half_point = add(
        s,
        i64::try_from(u64::from(length).div_ceil(2)).unwrap_or(0) - 1,
    )?;
    if kind == Release::Crd
        && any_ora
        && !any_1991
        && f.under_2y
        && length > 1
        && ctx.adult_on(half_point)
        && i64::from(length) - release_days < 365
        && ctx.adult_on(release_without_ada)
    {
        let base = if without_ada_raw <= s {
            s
        } else {
            without_ada_raw
        };
        let year = base.add_year().ok_or_else(|| oor("sentences"))?;
        tused = Some(add(year, ual_after)?);
    }

    // HDCED and ERSED.
    let point = Point {
        chain,
        s,
        release,
        release_without_ada,
        release_days,
        c30,
        ual: ual_c,
        ada,
        id_len,
        under_4y: f.under_4y,
    };
    let hdced = hdced(ctx, &point)?;
    let ersed = if ctx.person.foreign_national_liable_to_deportation && !any_1991 && !recall {
        ersed(ctx, &point)?
    } else {
        None
    };
    Ok(Calc {
        head: u32::try_from(head).unwrap_or(u32::MAX),
        start: s,
        end: e,
        length,
        release,
        release_kind: kind,
        release_rule: rule,
        release_without_ada,
        immediate,
        exact,
        expiry,
        led,
        licence_end,
        tused,
        hdced,
        ersed,
        pm_affected,
    })
}

/// True when the chain has parts sentenced both before and on or after `date`.
fn straddles(ctx: &Ctx<'_>, chain: &[usize], date: Day) -> bool {
    let dates = chain.iter().filter_map(|&i| ctx.sday(i));
    let (mut before, mut after) = (false, false);
    for d in dates {
        if d < date {
            before = true;
        } else {
            after = true;
        }
    }
    before && after
}

/// The terms of one calculable sentence its HDCED and ERSED are built from (docs/rules/release.md).
struct Point<'c> {
    chain: &'c [usize],
    /// Sentence date.
    s: Day,
    release: Day,
    release_without_ada: Day,
    /// Days to the unadjusted release.
    release_days: i64,
    /// The custodial period in thirtieths of a day (exact for every fraction in use).
    c30: i64,
    /// UAL in custody.
    ual: i64,
    /// Net ADA.
    ada: i64,
    id_len: u32,
    under_4y: bool,
}

/// HDCED of one calculable sentence (docs/rules/release.md).
fn hdced(ctx: &Ctx<'_>, p: &Point<'_>) -> R<Option<Day>> {
    if ctx.hdc_booking_excluded {
        return Ok(None);
    }
    if ctx.law.hdc_four_year_bar || ctx.statute.hdc_four_year_bar {
        let too_short = ctx.law.hdc_four_year_bar && p.id_len < 84;
        if !p.under_4y || too_short {
            ctx.fire(Idx::HDC_FOUR_YEAR_BAR);
            return Ok(None);
        }
    }
    let cc = (p.c30 + 29) / 30;
    let floor = add(p.s, 14)?;
    if p.release < floor || cc < 42 {
        return Ok(None);
    }
    let ded = ctx.ded;
    let schemes = &ctx.law.hdc;
    let date = |k: usize| -> R<Day> {
        let sc = schemes.get(k).ok_or_else(|| oor("sentences"))?;
        let days = if cc < i64::from(sc.midpoint_days) {
            28i64.max((p.c30 + 59) / 60)
        } else {
            cc - 1 - i64::from(sc.window_days)
        };
        let base = add(p.s, days - ded)?;
        add(base.max(floor), p.ual)
    };
    let from = |k: usize| commencement(&ctx.hdc_from, schemes.iter().map(|sc| sc.applies_from), k);
    let out = pick_scheme(
        Schemes {
            n: schemes.len(),
            from: &from,
            forced: |_, _| false,
            skip_prev: |_, from| straddles(ctx, p.chain, from),
        },
        date,
        |k, t| {
            let d = match t {
                Some(d) => d,
                None => date(k)?,
            };
            add(d, p.ada)
        },
        p.ada,
    )?;
    Ok(Some(out))
}

/// ERSED of one calculable sentence (docs/rules/release.md).
fn ersed(ctx: &Ctx<'_>, p: &Point<'_>) -> R<Option<Day>> {
    let schemes = &ctx.law.ers;
    let ded = ctx.ded;
    let date_with = |k: usize, with_ada: bool| -> R<Day> {
        let sc = schemes.get(k).ok_or_else(|| oor("sentences"))?;
        let (rel, a) = if with_ada {
            (p.release, p.ada)
        } else {
            (p.release_without_ada, 0)
        };
        let max = match (sc.window_days, sc.window_years) {
            (Some(dw), _) => add(rel, -i64::from(dw))?,
            (None, Some(y)) => rel.sub_months(y * 12).ok_or_else(|| oor("sentences"))?,
            (None, None) => rel,
        };
        let c = u64::try_from(p.release_days).unwrap_or(0);
        let min_point = i64::try_from(sc.minimum.ceil_of(c)).unwrap_or(i64::MAX);
        let min = rel.min(add(p.s, min_point + p.ual - ded + a)?);
        let mut out = max.max(min);
        if add(out, -(p.ual + a))? < p.s {
            out = add(p.s, p.ual + a)?;
        }
        Ok(out)
    };
    let from = |k: usize| commencement(&ctx.ers_from, schemes.iter().map(|sc| sc.applies_from), k);
    // Selection on the dates without ADA, then the scheme's date with ADA.
    let out = pick_scheme(
        Schemes {
            n: schemes.len(),
            from: &from,
            forced: |_, from| p.s >= from || straddles(ctx, p.chain, from),
            skip_prev: |_, _| false,
        },
        |k| date_with(k, false),
        |k, _| date_with(k, true),
        p.ada,
    )?;
    Ok(Some(out))
}

/// Schemes commenced in turn (HDC-180 / HDC-365, ERS50 / ERS30): how many, each one's commencement, when a
/// scheme applies whatever its date (`forced`), and when the one before it is never considered (`skip_prev`); the
/// last two are given the scheme and its commencement.
struct Schemes<From, Forced, Skip> {
    n: usize,
    from: From,
    forced: Forced,
    skip_prev: Skip,
}

/// Chooses between schemes commenced in turn (docs/rules/release.md): the earlier scheme while its `test` date
/// is before the later one's commencement; the later scheme when its own is on or after it; else the
/// commencement itself plus `add_days`. The chosen scheme's date is `fin(k, t)`, `t` its `test` date when that
/// was computed (each `test` and commencement is computed once).
fn pick_scheme(
    sc: Schemes<impl Fn(usize) -> Day, impl Fn(usize, Day) -> bool, impl Fn(usize, Day) -> bool>,
    test: impl Fn(usize) -> R<Day>,
    fin: impl Fn(usize, Option<Day>) -> R<Day>,
    add_days: i64,
) -> R<Day> {
    let mut k = sc.n.saturating_sub(1);
    // `test(k)`, when computed.
    let mut known = None;
    loop {
        if k == 0 {
            return fin(k, known);
        }
        let from = (sc.from)(k);
        if (sc.forced)(k, from) {
            return fin(k, known);
        }
        if !(sc.skip_prev)(k, from) {
            let prev = test(k - 1)?;
            if prev < from {
                k -= 1;
                known = Some(prev);
                continue;
            }
        }
        let t = match known {
            Some(t) => t,
            None => test(k)?,
        };
        return if t >= from {
            fin(k, Some(t))
        } else {
            add(from, add_days)
        };
    }
}

/// For each calculable sentence still served on `date` (expiry on or after it), the days of its parts
/// sentenced before `date`, chained from the earliest, and the whole years from its start to the day after
/// (only when `years` is asked for; else 0): the largest of each, `None` when no sentence is considered.
fn served_lengths(ctx: &Ctx<'_>, date: Day, calcs: &[Calc], years: bool) -> R<Option<(u32, u32)>> {
    let mut out: Option<(u32, u32)> = None;
    for (c, chain) in calcs.iter().zip(ctx.chains.iter()) {
        if c.expiry < date {
            continue;
        }
        let parts = || {
            chain
                .iter()
                .filter_map(|&i| Some((ctx.sday(i)?, &ctx.b.sentences.get(i)?.term)))
                .filter(|(d, _)| *d < date)
        };
        let Some(start) = parts().map(|(d, _)| d).min() else {
            continue;
        };
        let (mut cursor, mut end) = (start, start);
        if chain.len() == 1 {
            // One sentence: its own term from its date, already measured.
            end = c.end;
            cursor = add(end, 1)?;
        } else {
            for (_, term) in parts() {
                end = cursor.end_of(term).ok_or_else(|| oor("sentences"))?;
                cursor = add(end, 1)?;
            }
        }
        let days = u32::try_from(days_between(start, end) + 1).unwrap_or(u32::MAX);
        // Whole years from the start to the day after the end.
        let whole = if years {
            cursor.years_since(start).unwrap_or(0)
        } else {
            0
        };
        out = Some(out.map_or((days, whole), |(d, y)| (d.max(days), y.max(whole))));
    }
    Ok(out)
}

/// Whether a tranche table tests whole years (else `served_lengths` need not count them).
fn tests_years(tranches: &[Tranche]) -> bool {
    tranches.iter().any(|t| t.under_whole_years.is_some())
}

/// The first tranche every considered length fits: each test is a bound, so every length fits it when the
/// largest days and the largest whole years do (`None`: no length considered, every tranche fits).
fn pick_tranche(tranches: &[Tranche], longest: Option<(u32, u32)>) -> Option<&Tranche> {
    tranches.iter().find(|t| {
        longest.is_none_or(|(days, years)| {
            t.under_whole_years.is_none_or(|y| years < y) && t.max_days.is_none_or(|m| days <= m)
        })
    })
}

/// max(e, min(s, T)) for an optional date (docs/rules/release.md).
fn default_to(early: Option<(Day, u32)>, std: Option<(Day, u32)>, t: Day) -> Option<(Day, u32)> {
    match (early, std) {
        (Some(e), Some(s)) => {
            if e.0 >= t {
                Some(e)
            } else if s.0 < t {
                Some(s)
            } else {
                Some((t, e.1))
            }
        }
        (None, Some(s)) if s.0 < t => Some(s),
        (e, _) => e,
    }
}

/// Combines two levels with tranche date `t` (SDS40 rule).
fn combine(early: Extract, std: &Extract, t: Day) -> Extract {
    let mut out = early;
    let rel = default_to(Some(out.release), Some(std.release), t).unwrap_or(out.release);
    let used_std = std.release.0 < t && out.release.0 < t;
    out.release = rel;
    if used_std {
        out.release_kind = std.release_kind;
        out.release_rule = std.release_rule;
        out.tused = std.tused;
        out.release_without_ada = std.release_without_ada;
    } else if out.release.0 > out.release_without_ada {
        out.release_without_ada = out.release_without_ada.max(t.min(out.release.0));
    }
    out.hdced = default_to(out.hdced, std.hdced, t);
    out.ersed = default_to(out.ersed, std.ersed, t);
    for d in [&mut out.hdced, &mut out.ersed] {
        if d.is_some_and(|(x, _)| x == t && rel.0 == t) {
            *d = None;
        }
    }
    out
}

/// Whether any sentence eligible for a level (`bit`, an `ELIG_*`) was sentenced before `commenced`; `None` when
/// no sentence is eligible.
fn eligible_before(ctx: &Ctx<'_>, bit: u8, commenced: NaiveDate) -> Option<bool> {
    let mut dates = ctx
        .b
        .sentences
        .iter()
        .enumerate()
        .filter(|&(i, _)| ctx.elig(i, bit))
        .map(|(_, s)| s.sentence_date);
    let first = dates.next()?;
    Some(first < commenced || dates.any(|d| d < commenced))
}

/// The tranche of a commencement's `table` that the booking's sentences in custody on `commenced` fall in, by
/// their served lengths; recorded in `used` under `law`.
fn allocate_tranche<'t>(
    ctx: &Ctx<'_>,
    law: &'static str,
    commenced: NaiveDate,
    table: &'t [Tranche],
    calcs: &[Calc],
    used: &mut Vec<TrancheUsed>,
) -> R<Option<&'t Tranche>> {
    let longest = served_lengths(ctx, Day::of(commenced), calcs, tests_years(table))?;
    let tranche = pick_tranche(table, longest);
    if let Some(t) = tranche {
        if used.capacity() == 0 {
            // Sized once: every tranche table the law can use.
            *used = Vec::with_capacity(4);
        }
        used.push(TrancheUsed {
            law,
            name: t.name,
            date: t.date,
        });
    }
    Ok(tranche)
}

/// SDS40: the 40 % level, its tranche and the T3 reversion (docs/rules/release.md).
fn sds40(ctx: &mut Ctx<'_>, std: Extract, tranches: &mut Vec<TrancheUsed>) -> R<Extract> {
    let all_law: &ReleaseLaw = ctx.law;
    let Some(law) = &all_law.sds40 else {
        return Ok(std);
    };
    let Some(pre) = eligible_before(ctx, ELIG_SDS40, law.commenced) else {
        return Ok(std);
    };
    ctx.fire(Idx::POINT_SDS40);
    let early = extract(ctx, Level::Sds40)?;
    let mut out = if pre && std.release.0 > Day::of(law.commenced) {
        match allocate_tranche(
            ctx,
            "sds40",
            law.commenced,
            &law.tranches,
            &std.calcs,
            tranches,
        )? {
            Some(t) => {
                ctx.fire(Idx::SDS40_TRANCHE);
                let td = Day::of(t.date);
                let rel = default_to(Some(early.release), Some(std.release), td)
                    .map_or(early.release.0, |r| r.0);
                limits::post_tranche_adjustments(ctx, &early, td, rel)?;
                combine(early, &std, td)
            }
            None => early,
        }
    } else if pre {
        // Released before commencement: the 50 % dates stand.
        std.clone()
    } else {
        early
    };
    // T3 reversion: still in custody on the T3 date.
    if let Some(t3) = law.t3_from {
        let t3_parts = ctx.b.sentences.iter().any(|s| {
            s.sentence_date < t3
                && s.exclusions
                    .iter()
                    .any(|e| matches!(e, X::SexualT3 | X::DomesticAbuseT3 | X::MurderT3))
        });
        if t3_parts && out.release.0 >= Day::of(t3) {
            ctx.fire(Idx::SDS40_T3);
            let reverted = extract(ctx, Level::Sds40T3)?;
            let reverted = match tranches.iter().find(|t| t.law == "sds40") {
                Some(t) => combine(reverted, &std, Day::of(t.date)),
                None => reverted,
            };
            tranches.push(TrancheUsed {
                law: "sds40_t3",
                name: "t3",
                date: t3,
            });
            out = combine(reverted, &out, Day::of(t3));
        }
    }
    ctx.recycle(std);
    Ok(out)
}

/// The progression model (docs/rules/release.md).
fn progression(ctx: &mut Ctx<'_>, snap: Extract, tranches: &mut Vec<TrancheUsed>) -> R<Extract> {
    let all_law: &ReleaseLaw = ctx.law;
    let Some(pm) = &all_law.progression else {
        return Ok(snap);
    };
    let Some(pre) = eligible_before(ctx, ELIG_PM, pm.commenced) else {
        return Ok(snap);
    };
    if pre && snap.release_without_ada < Day::of(pm.commenced) {
        // Released before commencement.
        return Ok(snap);
    }
    ctx.fire(Idx::POINT_PROGRESSION);
    let e = extract(ctx, Level::Progression)?;
    if !pre {
        let mut e = e;
        e.pm_affected_hdced = false;
        if snap.hdced.is_some() {
            e.hdced = snap.hdced;
        }
        ctx.recycle(snap);
        return Ok(e);
    }
    let Some(t) = allocate_tranche(
        ctx,
        "progression_model",
        pm.commenced,
        &pm.tranches,
        &snap.calcs,
        tranches,
    )?
    else {
        return Ok(snap);
    };
    ctx.fire(Idx::PROGRESSION_TRANCHE);
    let t = Day::of(t.date);
    let a: i64 = ctx.awards.iter().map(|a| a.1).sum();
    let pick = |s: Option<(Day, u32)>, e: Option<(Day, u32)>| -> R<Option<(Day, u32, bool)>> {
        if let Some(sv) = s
            && add(sv.0, -a)? < t
        {
            return Ok(Some((sv.0, sv.1, false)));
        }
        if let Some(ev) = e {
            return Ok(Some(if add(ev.0, -a)? < t {
                (add(t, a)?, ev.1, true)
            } else {
                (ev.0, ev.1, true)
            }));
        }
        Ok(None)
    };
    let rel = pick(Some(snap.release), Some(e.release))?;
    let ersed = pick(snap.ersed, e.ersed)?;
    let (snap_hdced, e_hdced) = (snap.hdced, e.hdced);
    let (mut out, other) = match rel {
        Some((_, _, true)) => (e, snap),
        _ => (snap, e),
    };
    ctx.recycle(other);
    if let Some((d, s, _)) = rel {
        out.release = (d, s);
    }
    out.ersed = ersed.map(|(d, s, _)| (d, s));
    out.hdced = snap_hdced.or(e_hdced);
    out.pm_affected_hdced = snap_hdced.is_none() && e_hdced.is_some();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Day {
        Day::of(NaiveDate::from_ymd_opt(y, m, dd).unwrap_or(NaiveDate::MIN))
    }

    #[test]
    fn java_period() {
        assert_eq!(period(d(2024, 1, 15), d(2026, 1, 15)), (2, 0, 0));
        assert_eq!(period(d(2024, 1, 31), d(2024, 3, 1)), (0, 1, 1));
        assert_eq!(period(d(2024, 1, 15), d(2024, 7, 14)), (0, 5, 29));
    }

    #[test]
    fn aggregation_blocks() {
        // [3 months, 3 weeks, 3 months, 5 months] = [3 months, 3 weeks, 8 months] (docs/rules/release.md).
        let t = [
            Length::months(3),
            Length {
                weeks: 3,
                ..Length::default()
            },
            Length::months(3),
            Length::months(5),
        ];
        // 2024-01-15 + 3 months: 2024-04-14; + 3 weeks: 2024-05-05; from 2024-05-06 + 8 months: 2025-01-05.
        assert_eq!(
            aggregate_end(d(2024, 1, 15), t.iter()).ok(),
            Some(Some(d(2025, 1, 5)))
        );
    }
}
