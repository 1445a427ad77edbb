//! The rules of sentence arithmetic (docs/rules/sentence.md), as typed data with their sources.

use crate::rules::{Basis, Rule};

/// A length as pronounced, in days.
pub const LENGTH_IN_DAYS: Rule = Rule::new(
    "sentence.length_in_days",
    "a length runs from the start date: end = (start - 1 day) + years + months + weeks + days; when the start is \
     the 1st of a month and the length has months or years, those end on the last day of a month and the weeks \
     and days are added after; days = end - start + 1",
    "calculate-release-dates-api Duration.getEndDate (PSI 5.5); docs/rules/sentence.md#length-in-days",
    Basis::VerifiedCode,
);

/// Sentence expiry date.
pub const SENTENCE_EXPIRY: Rule = Rule::new(
    "sentence.sed",
    "sentence expiry date SED = start + days - 1, less remand and tagged-bail days",
    "Criminal Justice Act 2003 s.240ZA, s.240A; calculate-release-dates-api; docs/rules/sentence.md#expiry-release-and-licence",
    Basis::VerifiedCode,
);

/// Conditional release date.
pub const CONDITIONAL_RELEASE: Rule = Rule::new(
    "sentence.crd",
    "a standard determinate sentence is released on licence at the halfway point: CRD = start + ceil(days / 2) - 1, \
     less remand and tagged-bail days",
    "Criminal Justice Act 2003 s.244; calculate-release-dates-api; docs/rules/sentence.md#expiry-release-and-licence",
    Basis::VerifiedCode,
);

/// Automatic (unconditional) release of short pre-ORA sentences.
pub const AUTOMATIC_RELEASE_PRE_ORA: Rule = Rule::new(
    "sentence.ard.pre_ora_under_12_months",
    "a sentence of under 12 months for an offence before 1 February 2015 is released unconditionally at the \
     halfway point (automatic release date, ARD = start + ceil(days / 2) - 1 less credit): no licence",
    "Criminal Justice Act 2003 s.243A as enacted; Offender Rehabilitation Act 2014 s.1, s.22 (commenced 1 Feb \
     2015); docs/rules/sentence.md#automatic-release",
    Basis::Verified,
);

/// Automatic release of a 1-day sentence.
pub const AUTOMATIC_RELEASE_ONE_DAY: Rule = Rule::new(
    "sentence.ard.one_day",
    "a sentence of 1 day is released unconditionally: no licence and no supervision",
    "Criminal Justice Act 2003 s.243A(1) as amended by the Offender Rehabilitation Act 2014; \
     docs/rules/sentence.md#automatic-release",
    Basis::Verified,
);

/// Automatic release of an under-18 with a sentence under 12 months.
pub const AUTOMATIC_RELEASE_UNDER_18: Rule = Rule::new(
    "sentence.ard.under_18_under_12_months",
    "a sentence of under 12 months (in days, fewer than the days of 12 months from the sentence date) is released \
     unconditionally when the person is aged under 18 on the release date after credit: ARD, no licence and no \
     post-sentence supervision",
    "Criminal Justice Act 2003 s.243A(1)(b) as amended by the Offender Rehabilitation Act 2014 s.1; \
     calculate-release-dates-api ReleaseDateTypes @cd827b0; docs/rules/release.md#unconditional-release",
    Basis::Verified,
);

/// Remand and tagged-bail credit.
pub const CUSTODY_CREDIT: Rule = Rule::new(
    "sentence.credit",
    "days on remand and tagged-bail credit count as time served: their sum is deducted from SED, CRD (or ARD) \
     and the licence expiry (never moving a date before the sentence date); TUSED follows the CRD after credit",
    "Criminal Justice Act 2003 s.240ZA, s.240A; calculate-release-dates-api SentenceAdjustments; \
     docs/rules/sentence.md#remand-and-tagged-bail",
    Basis::VerifiedCode,
);

/// Immediate release when the credit reaches the release point.
pub const IMMEDIATE_RELEASE: Rule = Rule::new(
    "sentence.immediate_release",
    "when the release point after credit is on or before the sentence date the person is released on the \
     sentence date; TUSED is then the sentence date + 12 months",
    "calculate-release-dates-api (immediate release); docs/rules/sentence.md#remand-and-tagged-bail",
    Basis::VerifiedCode,
);

/// Licence expiry.
pub const LICENCE_EXPIRY: Rule = Rule::new(
    "sentence.led",
    "the licence runs from release (the actual release date, else CRD) to the end of the sentence: LED = SED",
    "Criminal Justice Act 2003 s.249; docs/rules/sentence.md#expiry-release-and-licence",
    Basis::Verified,
);

/// PSS: offence on or after 1 February 2015.
pub const PSS_OFFENCE_DATE: Rule = Rule::new(
    "sentence.pss.offence_from_2015_02_01",
    "post-sentence supervision applies only to offences committed on or after 1 February 2015",
    "Offender Rehabilitation Act 2014 s.2, commencement (SI 2015/40); CJA 2003 s.256AA; \
     docs/rules/sentence.md#post-sentence-supervision",
    Basis::Verified,
);

/// PSS: sentence of more than 1 day.
pub const PSS_MORE_THAN_ONE_DAY: Rule = Rule::new(
    "sentence.pss.more_than_one_day",
    "post-sentence supervision applies only to a sentence of more than 1 day",
    "Criminal Justice Act 2003 s.256AA(1); docs/rules/sentence.md#post-sentence-supervision",
    Basis::Verified,
);

/// PSS: sentence of less than 2 years.
pub const PSS_UNDER_TWO_YEARS: Rule = Rule::new(
    "sentence.pss.under_two_years",
    "post-sentence supervision applies only to a sentence of less than 2 years (in days, fewer than the days of \
     2 years from the sentence date)",
    "Criminal Justice Act 2003 s.256AA(1); calculate-release-dates-api; docs/rules/sentence.md#post-sentence-supervision",
    Basis::Verified,
);

/// PSS: aged 18 or over at release.
pub const PSS_ADULT_AT_RELEASE: Rule = Rule::new(
    "sentence.pss.adult_at_release",
    "post-sentence supervision applies only to a person aged 18 or over at the end of the requisite custodial \
     period (the CRD after credit)",
    "Criminal Justice Act 2003 s.256AA(1)(b); docs/rules/sentence.md#post-sentence-supervision",
    Basis::Verified,
);

/// PSS: not an extended sentence.
pub const PSS_NOT_EXTENDED: Rule = Rule::new(
    "sentence.pss.not_extended",
    "post-sentence supervision does not apply to an extended sentence",
    "Criminal Justice Act 2003 s.256AA(1)(a); docs/rules/sentence.md#post-sentence-supervision",
    Basis::Verified,
);

/// PSS: licence period under a year.
pub const PSS_LICENCE_UNDER_A_YEAR: Rule = Rule::new(
    "sentence.pss.licence_under_a_year",
    "post-sentence supervision applies only when the licence period (SED - CRD before credit, in days) is under \
     365 days",
    "calculate-release-dates-api (TUSED criteria, YEAR_IN_DAYS); docs/rules/sentence.md#post-sentence-supervision",
    Basis::VerifiedCode,
);

/// Top-up supervision expiry date.
pub const TUSED: Rule = Rule::new(
    "sentence.tused",
    "post-sentence supervision runs from the day after SED to TUSED = (CRD after remand and tagged-bail credit) + \
     12 calendar months; on immediate release, the sentence date + 12 months",
    "Criminal Justice Act 2003 s.256AA(4); calculate-release-dates-api TusedCalculator.getInitialTused @cd827b0; \
     docs/rules/release.md#top-up-supervision",
    Basis::VerifiedCode,
);

/// Life and IPP sentences.
pub const LIFE: Rule = Rule::new(
    "sentence.life",
    "a life or IPP sentence has no sentence expiry, conditional release or licence expiry date: release is at \
     the Parole Board's direction after the tariff and the licence is indeterminate",
    "Crime (Sentences) Act 1997 s.28; Criminal Justice Act 2003 s.269; docs/rules/sentence.md#life-ipp-and-extended-sentences",
    Basis::Verified,
);

/// Extended sentences: release point not modelled.
pub const EXTENDED: Rule = Rule::new(
    "sentence.extended",
    "an extended sentence's length is taken as the whole term (custodial term + extension period), so SED and \
     LED are its end; release at two-thirds of the custodial term or by the Parole Board needs the split the case \
     model does not carry, so no CRD is computed and the licence starts only at an actual release date",
    "Criminal Justice Act 2003 s.226A, s.246A; probation-core case model; docs/rules/sentence.md#life-ipp-and-extended-sentences",
    Basis::Assumption,
);

/// Community order end.
pub const COMMUNITY_ORDER_END: Rule = Rule::new(
    "sentence.community_order_end",
    "a community order runs from the sentence date for its length (at most 3 years)",
    "Sentencing Code s.209; CJA 2003 s.177(5); docs/rules/sentence.md#community-orders-and-suspended-sentence-orders",
    Basis::Verified,
);

/// SSO operational period end.
pub const SSO_OPERATIONAL_END: Rule = Rule::new(
    "sentence.sso_operational_end",
    "a suspended sentence order's operational period runs from the sentence date for its length",
    "Sentencing Code s.288; CJA 2003 s.189(3); docs/rules/sentence.md#community-orders-and-suspended-sentence-orders",
    Basis::Verified,
);

/// SSO supervision period end.
pub const SSO_SUPERVISION_END: Rule = Rule::new(
    "sentence.sso_supervision_end",
    "a suspended sentence order's supervision period runs from the sentence date for its length; an order \
     without requirements has none",
    "Sentencing Code s.288; CJA 2003 s.189(1A), (4); docs/rules/sentence.md#community-orders-and-suspended-sentence-orders",
    Basis::Verified,
);

/// Every rule of this area, in declaration order (the rulebook test `core/tests/rule_docs.rs` reads it).
pub static TABLE: &[&Rule] = &[
    &LENGTH_IN_DAYS,
    &SENTENCE_EXPIRY,
    &CONDITIONAL_RELEASE,
    &AUTOMATIC_RELEASE_PRE_ORA,
    &AUTOMATIC_RELEASE_ONE_DAY,
    &AUTOMATIC_RELEASE_UNDER_18,
    &CUSTODY_CREDIT,
    &IMMEDIATE_RELEASE,
    &LICENCE_EXPIRY,
    &PSS_OFFENCE_DATE,
    &PSS_MORE_THAN_ONE_DAY,
    &PSS_UNDER_TWO_YEARS,
    &PSS_ADULT_AT_RELEASE,
    &PSS_NOT_EXTENDED,
    &PSS_LICENCE_UNDER_A_YEAR,
    &TUSED,
    &LIFE,
    &EXTENDED,
    &COMMUNITY_ORDER_END,
    &SSO_OPERATIONAL_END,
    &SSO_SUPERVISION_END,
];
