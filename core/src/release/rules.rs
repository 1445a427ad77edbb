//! The release-date rules, as typed data with their sources.

use crate::allocation::fired::rule_table;
use crate::rules::{Basis, Rule};

/// The commit of calculate-release-dates-api the [V-code] rules were read at.
macro_rules! crd {
    ($file:literal) => {
        concat!("calculate-release-dates-api ", $file, " @cd827b0")
    };
}

rule_table! {
    /// Every release rule, in the order results list them.
    TABLE, Idx;
    /// Length of a term in days.
    LENGTH = ("release.length",
    "a term runs from the sentence date S to E = (S - 1 day) + years + months (on the 1st of a month: the last day \
     of the month before S + years + months), then + weeks + days; length = E - S + 1 days; 'under N months' means \
     fewer days than from S to S + N months",
    concat!(crd!("model/Duration.kt, CalculableSentence.kt"), " (PSI 5.5); docs/rules/release.md#length-and-release-point"),
    Basis::VerifiedCode);
    /// Consecutive aggregation.
    CONSECUTIVE = ("release.consecutive",
    "consecutive terms are served as one: the expiry is the terms aggregated in order from the first sentence date; \
     the custodial period is, per group of parts with the same release fraction in order of first appearance, \
     ceil(group days x fraction), each group starting the day after the last; length tests add all units",
    concat!("Criminal Justice Act 2003 s.264(2); ", crd!("UnadjustedReleaseDate.getConsecutiveRelease, DurationAggregator"), "; docs/rules/release.md#several-sentences"),
    Basis::VerifiedCode);
    /// Concurrent extraction.
    CONCURRENT = ("release.concurrent",
    "concurrent sentences: release is required only when it is required for each, so the booking's release is the \
     latest release and the licence runs to the latest expiry; the sentence with the latest release drives it",
    concat!("Criminal Justice Act 2003 s.263(2); ", crd!("BookingExtractionService.extractMultiple"), "; docs/rules/release.md#several-sentences"),
    Basis::VerifiedCode);
    /// CJA 1991 regime.
    REGIME_1991 = ("release.regime.cja1991",
    "a sentence imposed before 3 December 2012 for an offence before 4 April 2005 is under the 1991 Act: under 12 \
     months ARD; 12 months to under 4 years CRD with licence to the three-quarter point (LED) and SED; 4 years or \
     more CRD and SLED; release at one-half",
    concat!("Criminal Justice Act 1991 ss.33, 37; CJA 2003 Sch 20B; CJIA 2008 s.26; ", crd!("SentenceIdentificationService.identifyStandardDeterminate"), "; docs/rules/release.md#regimes"),
    Basis::VerifiedCode);
    /// CJA 2003 regime.
    REGIME_2003 = ("release.regime.cja2003",
    "any other standard determinate sentence is under CJA 2003 Part 12 Ch.6, split by offence date into pre-ORA \
     (before 1 February 2015) and ORA",
    concat!("Criminal Justice Act 2003 s.244; LASPO 2012 s.121; ORA 2014 s.1 (SI 2015/40); ", crd!("StandardDeterminateSentence.isOraSentence"), "; docs/rules/release.md#regimes"),
    Basis::VerifiedCode);
    /// One-half.
    POINT_HALF = ("release.point.half",
    "a standard determinate sentence is released at one-half: CRD = S + ceil(length x 1/2) - 1",
    concat!("Criminal Justice Act 2003 ss.243A(3), 244(3); ", crd!("UnadjustedReleaseDate, ReleaseMultiplier"), "; docs/rules/release.md#length-and-release-point"),
    Basis::VerifiedCode);
    /// SDS+.
    POINT_SDS_PLUS = ("release.point.sds_plus",
    "an SDS+ sentence (s.244ZA; the caller's flag) is released at two-thirds: CRD = S + ceil(2 x length / 3) - 1; \
     no HDC and no SDS40",
    concat!("Criminal Justice Act 2003 s.244ZA; ", crd!("SDSPlusCheckResult"), "; docs/rules/release.md#sds-plus"),
    Basis::VerifiedCode);
    /// SDS40.
    POINT_SDS40 = ("release.point.sds40",
    "from 10 September 2024 'one-half' is read as 40 per cent: CRD = S + ceil(length x 2/5) - 1, for SDS parts \
     (not SDS+) without an exclusion flag (sexual, domestic abuse, national security, terrorism, violent 4 years+)",
    concat!("SI 2024/844 art 3; ", crd!("EarlyReleaseSentenceFilter, SDSEarlyReleaseExclusionType"), "; docs/rules/release.md#sds40"),
    Basis::Verified);
    /// SDS40 tranches.
    SDS40_TRANCHE = ("release.sds40.tranche",
    "a booking with SDS parts sentenced before 10 September 2024 is in tranche 1 (10 Sep 2024) when no sentence it \
     serves is 5 whole years or more, else tranche 2 (22 Oct 2024); each date is then max(40 % date, min(50 % date, \
     tranche date))",
    concat!("SI 2024/844 art 1(2); ", crd!("TrancheAllocationService, SDS40EarlyReleaseDefaultingRulesService"), "; docs/rules/release.md#sds40"),
    Basis::VerifiedCode);
    /// T3 reversion.
    SDS40_T3 = ("release.sds40.t3_reversion",
    "offences added by SI 2024/1331 (sexual/domestic abuse/murder 'T3' flags) keep 40 % only up to 16 December 2024: \
     a sentence imposed from that date, or still in custody on it, returns to one-half (if the one-half date has \
     passed by then, release on 16 December 2024 [A])",
    concat!("SI 2024/1331 art 3; ", crd!("SDSEarlyReleaseExclusionType"), "; docs/rules/release.md#sds40"),
    Basis::VerifiedCode);
    /// Progression model.
    POINT_PROGRESSION = ("release.point.progression",
    "from 1 October 2026 (progression model) an eligible SDS is released at one-third and an eligible SDS+ at \
     one-half; not eligible: s.250, would-be SDS+ by type/length/offence, Sch 13 Part 3 flag; others keep 40 % or \
     one-half",
    concat!("Sentencing Act 2026 s.23; ", crd!("application-sds-progression-model-october.yml, EarlyReleaseSentenceFilter"), "; docs/rules/release.md#progression-model"),
    Basis::VerifiedCode);
    /// Progression-model tranches.
    PROGRESSION_TRANCHE = ("release.progression.tranche",
    "a booking with eligible parts sentenced before 1 October 2026 and not released by then gets the first tranche \
     whose bound every served sentence's length (parts chained, days inclusive) is within; CRD and ERSED are then: \
     s if s - ADA < T, else T + ADA if e - ADA < T, else e (s = pre-2026 date, e = progression date)",
    concat!(crd!("TrancheAllocationService, SDSProgressionModelFinalDatesService"), "; docs/rules/release.md#progression-model"),
    Basis::VerifiedCode);
    /// Unconditional release.
    ARD = ("release.ard",
    "release is unconditional (ARD, SED, no licence) for a term of 1 day, a 1991-Act term under 12 months, or a \
     CJA 2003 term under 12 months for an offence before 1 February 2015",
    concat!("Criminal Justice Act 2003 s.243A(1),(1A) as amended by ORA 2014 s.1; ", crd!("SentenceIdentificationService"), "; docs/rules/release.md#unconditional-release"),
    Basis::Verified);
    /// Under 18 at release.
    ARD_UNDER_18 = ("release.ard.under_18",
    "a term under 12 months is released unconditionally (ARD, SED, no licence or supervision) when the person is \
     under 18 on the release date after adjustments (not a DTO)",
    concat!("Criminal Justice Act 2003 s.243A(1)(b) as amended by ORA 2014 s.1; ", crd!("model/ReleaseDateTypes.kt"), "; docs/rules/release.md#unconditional-release"),
    Basis::Verified);
    /// Conditional release.
    CRD = ("release.crd",
    "release on licence (CRD) at the release point after adjustments: max(S, unadjusted CRD - remand - tagged bail \
     + UAL in custody + (ADA - RADA)), at most the SLED (unused ADA)",
    concat!("Criminal Justice Act 2003 ss.244, 240ZA, 240A, 257; ", crd!("SentenceCalculation, SentenceAdjustments"), "; docs/rules/release.md#credit-and-adjustments"),
    Basis::VerifiedCode);
    /// SLED.
    SLED = ("release.sled",
    "sentence and licence expiry SLED = max(S, E - remand - tagged bail + UAL, last UAL day + 1); ADA does not move it",
    concat!("Criminal Justice Act 2003 s.249; ", crd!("SentenceCalculation"), "; docs/rules/release.md#credit-and-adjustments"),
    Basis::VerifiedCode);
    /// SED + LED.
    SED_LED = ("release.sed_led",
    "sentence expiry SED with a separate licence expiry: 1991 Act 12 months to under 4 years LED = S + ceil(3/4 x \
     length) - 1 + UAL - credit + max(0, credit - custodial days); a consecutive chain under 12 months mixing pre-ORA \
     and ORA parts LED = CRD + floor(ORA days / 2) (s.264B)",
    concat!("Criminal Justice Act 1991 s.37; CJA 2003 s.264B; ", crd!("SentenceAdjustedCalculationService.calculateLED"), "; docs/rules/release.md#regimes"),
    Basis::VerifiedCode);
    /// Remand and tagged bail.
    CREDIT = ("release.credit",
    "remand and tagged-bail days count once against the whole custodial period: deducted from CRD/ARD, SLED/SED, \
     HDCED and ERSED of every sentence, and from the CRD that TUSED is built on",
    concat!("Criminal Justice Act 2003 ss.240ZA(9), 240A; ", crd!("TimelineSentenceCalculationHandler"), "; docs/rules/release.md#credit-and-adjustments"),
    Basis::VerifiedCode);
    /// UAL.
    UAL = ("release.ual",
    "days unlawfully at large do not count: UAL starting on or before release moves CRD, SLED, HDCED, ERSED and \
     TUSED later; UAL after release counts only on recall (SLED, TUSED, fixed-term PRRD)",
    concat!("Prison Act 1952 s.49(2); ", crd!("TimelineUalAdjustmentCalculationHandler"), "; docs/rules/release.md#credit-and-adjustments"),
    Basis::VerifiedCode);
    /// ADA / RADA.
    ADA = ("release.ada",
    "additional days awarded less days restored, awarded before release, move CRD/ARD, HDCED, ERSED later, never \
     the SLED or TUSED; a CRD moved past the SLED stops at the SLED (unused ADA); restored days may not exceed the \
     days awarded before them [A]",
    concat!("Criminal Justice Act 2003 s.257; ", crd!("TimelineAwardedAdjustmentCalculationHandler, TimelineCalculator"), "; docs/rules/release.md#credit-and-adjustments"),
    Basis::VerifiedCode);
    /// Immediate release.
    IMMEDIATE = ("release.immediate_release",
    "when credit reaches the release point the release date is the sentence date (immediate release); TUSED is then \
     the sentence date + 12 months",
    concat!(crd!("SentenceCalculation.isImmediateRelease, TusedCalculator"), "; docs/rules/release.md#credit-and-adjustments"),
    Basis::VerifiedCode);
    /// TUSED.
    TUSED = ("release.tused",
    "post-sentence supervision to TUSED = (unadjusted CRD - remand - tagged bail + UAL in custody) + 12 months + UAL \
     after release, for an ORA term over 1 day and under 2 years, aged 18+ on the 50 % point and at release, licence \
     under 365 days, not a 1991-Act term; shown only when after the latest licence expiry",
    concat!("Criminal Justice Act 2003 s.256AA; ", crd!("TusedCalculator"), "; docs/rules/release.md#top-up-supervision"),
    Basis::VerifiedCode);
    /// HDCED.
    HDCED = ("release.hdced",
    "home detention curfew eligibility: with c the custodial days, none if c < 42 or CRD < S + 14; below the \
     midpoint (360 / 730 days) S + max(28, ceil(c/2)) - credit, else unadjusted CRD - (179 / 364) - credit; at least \
     S + 14; + UAL + ADA; HDC-180 before 3 June 2025, HDC-365 from it; none for SDS+ (or would-be SDS+) bookings, \
     recalls, or the caller's exclusions; booking: the latest HDCED moves to the release of the latest-released \
     sentence without one released after it, unless all those are immediate releases and that one is not exact \
     (credit equal to its days to release - 1); shown only before the release date",
    concat!("Criminal Justice Act 2003 s.246; SI 2023/390; SI 2024/1331 art 2; ", crd!("HdcedCalculator, HdcedExtractionService.getLatestConflictingSentence"), "; docs/rules/release.md#hdc"),
    Basis::VerifiedCode);
    /// HDC 4-year bar.
    HDC_FOUR_YEAR_BAR = ("release.hdced.four_year_bar",
    "no HDC for a term of 4 years or more, nor under 12 weeks: the calculator's rule before 17 June 2024 (HDC4+), and \
     the statute's as this library read it (option statute.hdc_four_year_bar)",
    "Criminal Justice Act 2003 s.246(4) (Halsbury's Laws §715); calculate-release-dates-api @e61722eca; \
     docs/rules/release.md#hdc",
    Basis::VerifiedCode);
    /// HDC clean stop.
    HDC_CLEAN_STOP = ("release.hdced.clean_stop",
    "from 2 September 2026 an HDCED on or after that date is removed for a booking with any adult sentence (any \
     sentence not under s.250), and so is an HDCED produced by the progression model",
    concat!("Sentencing Act 2026 s.26; ", crd!("HdcedExtractionService.shouldExcludePostHdcedRepeal"), "; docs/rules/release.md#hdc"),
    Basis::VerifiedCode);
    /// ERSED.
    ERSED = ("release.ersed",
    "early removal (person liable to removal): ERSED = the later of (CRD - 544 days) and min(CRD, S + ceil(custodial \
     days x 1/2) + UAL - credit + ADA); from 23 September 2025 (ERS30) the later of (CRD - 4 years) and the 30 % \
     point; not before S + UAL + ADA; not for 1991-Act sentences or recalls",
    concat!("Criminal Justice Act 2003 s.260; SI 2023/1368; ", crd!("ErsedCalculator"), "; docs/rules/release.md#early-removal"),
    Basis::VerifiedCode);
    /// Standard recall.
    PRRD_STANDARD = ("release.prrd.standard",
    "after a standard recall the post-recall release date is the SLED (release earlier only at the Parole Board's \
     direction); a fixed-term recall of 56 days before its commencement (31 March 2026) is a standard recall",
    concat!("Criminal Justice Act 2003 s.255C; ", crd!("UnadjustedReleaseDate.findRecallCalculation"), "; docs/rules/release.md#recall"),
    Basis::VerifiedCode);
    /// Fixed-term recall.
    PRRD_FIXED = ("release.prrd.fixed_term",
    "after a fixed-term recall of N days (14, 28, 56) PRRD = min(SLED, max(RTC + N - 1 + UAL after return, FTR56 \
     tranche date) + ADA awarded after return); remand never shortens it",
    concat!("Criminal Justice Act 2003 ss.255A, 255B, 255BA (Sentencing Act 2026 ss.31-33); ", crd!("FixedTermRecallsService, FTR56TrancheSelectionStrategy"), "; docs/rules/release.md#recall"),
    Basis::VerifiedCode);
    /// Effective sentence length.
    EFFECTIVE_LENGTH = ("release.effective_sentence_length",
    "effective sentence length = the years, months and days from the earliest sentence date to the day after the \
     latest unadjusted expiry",
    concat!(crd!("BookingExtractionService"), "; docs/rules/release.md#several-sentences"),
    Basis::VerifiedCode);
    /// Working-day hint.
    WORKING_DAY = ("release.working_day_hint",
    "a CRD, ARD or PRRD on or after the calculation date that falls on a Saturday, Sunday or bank holiday gets a \
     hint: the previous working day (HDCED: the next working day); the date itself is not changed",
    concat!("Criminal Justice Act 1961 s.23(3); ", crd!("WorkingDayService, ReleaseDateType.allowsWeekendAdjustment"), "; docs/rules/release.md#working-days"),
    Basis::VerifiedCode);
    /// Non-Friday release.
    NON_FRIDAY = ("release.non_friday",
    "discretionary Friday / pre-bank-holiday release: a CRD, ARD or PRRD on or after the calculation date moves back \
     while it, or the day after it, is not a working day (Friday to Thursday); shown as a hint",
    concat!("Criminal Justice Act 1961 s.23(3B)-(3D) (Offenders (Day of Release from Detention) Act 2023); ", crd!("NonFridayReleaseService"), "; docs/rules/release.md#working-days"),
    Basis::VerifiedCode);
    /// Statutory discharge day.
    DISCHARGE_DAY = ("release.statute.discharge_day",
    "option statute.discharge_day: a release due on a Sunday, bank holiday (incl. Christmas Day, Good Friday) or, for \
     a term over 5 days, a Saturday is moved to the previous day that is none of these",
    "Criminal Justice Act 1961 s.23(3) (Halsbury's Laws §746); docs/rules/release.md#statute-and-calculator",
    Basis::Verified);
}
