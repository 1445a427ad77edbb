//! The fixed rules of schedules, compliance and enforcement (the policy's own rules live in the policy).

use crate::rules::{Basis, Rule};

const SCH8: &str = "CJA 2003 Sch 8 paras 5-6 (now Sentencing Code Sch 10); docs/rules/enforcement.md#community-orders-and-suspended-sentence-orders";
const TR_SRC: &str = "Transforming Rehabilitation contract service levels (data.justice.gov.uk, business days); docs/rules/enforcement.md#breach-deadlines";

/// Risk conditions are read at the start of each supervision period.
pub const RISK_AT_START: Rule = Rule::new(
    "contact.risk.as_at_start",
    "risk conditions are read at the start of each supervision period: rosh from the newest active rosh registration, else the newest assessment on or before that date",
    "this library's default; docs/rules/contact.md#reading-risk",
    Basis::Assumption,
);
/// The 2021 tier is read at the start of each period when a policy condition uses it.
pub const TIER_AT_START: Rule = Rule::new(
    "contact.risk.tier_at_start",
    "a policy condition on the 2021 tier (a0-d3) reads the tier as at the start of the supervision period",
    "ministryofjustice/hmpps-tier; docs/rules/contact.md#reading-risk",
    Basis::VerifiedCode,
);
/// Allocation anchor falls back to the start of the period.
pub const ANCHOR_ALLOCATION_FALLBACK: Rule = Rule::new(
    "contact.anchor.allocation_fallback",
    "a deadline counted from allocation counts from the start of the period when the event has no allocation date, or for licence and post-sentence supervision",
    "this library's default; docs/rules/contact.md#anchors-and-windows",
    Basis::Assumption,
);
/// First appointment anchor.
pub const ANCHOR_FIRST_APPOINTMENT: Rule = Rule::new(
    "contact.anchor.first_appointment",
    "a deadline counted from the first appointment counts from the first attended appointment of the period, or while there is none from the first appointment's due date",
    "this library's default; docs/rules/contact.md#anchors-and-windows",
    Basis::Assumption,
);
/// A short last window is merged into the one before.
pub const SHORT_LAST_WINDOW: Rule = Rule::new(
    "contact.window.short_last",
    "a phase's last window, cut short by the end of the phase or of the supervision to less than half its length, is merged into the window before it",
    "this library's default; docs/rules/contact.md#anchors-and-windows",
    Basis::Assumption,
);
/// Contacts meet windows by kind and event.
pub const WINDOW_MATCH: Rule = Rule::new(
    "contact.window.match",
    "a window is met by attended contacts of the kinds the policy entry names, dated in the window, for the same event or for no event in particular",
    "this library's default; docs/rules/contact.md#anchors-and-windows",
    Basis::Assumption,
);
/// A window missed because of an acceptable absence is excused.
pub const WINDOW_EXCUSED: Rule = Rule::new(
    "contact.window.excused",
    "a window not met but holding an acceptable absence is excused, not missed",
    "this library's default; docs/rules/contact.md#anchors-and-windows",
    Basis::Assumption,
);
/// An unacceptable absence is a failure to comply.
pub const FAILURE: Rule = Rule::new(
    "enforcement.failure",
    "an unacceptable absence (attended no, complied no) is a failure to comply",
    "ministryofjustice/community-api contact outcomes (ConvictionTransformer); docs/rules/enforcement.md#failures-to-comply",
    Basis::VerifiedCode,
);
/// Acceptable absences never count.
pub const ACCEPTABLE_ABSENCE: Rule = Rule::new(
    "enforcement.acceptable_absence",
    "an acceptable absence (e.g. illness with a medical certificate) is not a failure",
    "CJA 2003 Sch 8 para 5 (now Sentencing Code Sch 10); docs/rules/enforcement.md#failures-to-comply",
    Basis::Verified,
);
/// Warn on a first failure.
pub const WARN: Rule = Rule::new(
    "enforcement.community.warn",
    "on a failure without reasonable excuse the officer must give a warning unless one was given in the previous 12 months",
    SCH8,
    Basis::Verified,
);
/// Breach on a further failure within 12 months of a warning.
pub const BREACH: Rule = Rule::new(
    "enforcement.community.breach",
    "a further failure within 12 months of a warning leads to breach proceedings",
    SCH8,
    Basis::Verified,
);
/// Straight to breach when the policy allows it.
pub const STRAIGHT_TO_BREACH: Rule = Rule::new(
    "enforcement.straight_to_breach",
    "the officer may refer a first failure straight to enforcement; applied because the policy's straight_to_breach is set",
    SCH8,
    Basis::Verified,
);
/// Licence failures lead to a recall review.
pub const LICENCE_RECALL: Rule = Rule::new(
    "enforcement.licence.recall_review",
    "a failure on licence leads to a recall decision, not breach proceedings",
    "CJA 2003 s.254; docs/rules/enforcement.md#licences",
    Basis::Verified,
);
/// PSS: warning first.
pub const PSS_WARN: Rule = Rule::new(
    "enforcement.pss.warn",
    "post-sentence supervision: a first failure gets a warning, as for community orders (policy switch warn_first_on_pss)",
    "this library's default; docs/rules/enforcement.md#post-sentence-supervision",
    Basis::Assumption,
);
/// PSS: breach to the magistrates.
pub const PSS_BREACH: Rule = Rule::new(
    "enforcement.pss.breach",
    "a breach of post-sentence supervision goes to the magistrates (up to 14 days' committal, a fine, or a supervision default order)",
    "CJA 2003 s.256AC; docs/rules/enforcement.md#post-sentence-supervision",
    Basis::Verified,
);
/// CRC refers a breach within 8 business days.
pub const CRC_REFERRAL: Rule = Rule::new(
    "enforcement.deadline.crc_referral",
    "a crc refers a breach to the nps within 8 business days of becoming aware (policy crc_referral_days; aware on the day of the failure [A])",
    TR_SRC,
    Basis::Verified,
);
/// NPS lays a referred breach within 2 business days.
pub const NPS_LAY_REFERRED: Rule = Rule::new(
    "enforcement.deadline.nps_lay_referred",
    "the nps lays a breach referred by a crc within 2 business days of the referral (policy nps_lay_referred_days)",
    TR_SRC,
    Basis::Verified,
);
/// NPS lays its own breach within 10 business days.
pub const NPS_LAY_OWN: Rule = Rule::new(
    "enforcement.deadline.nps_lay_own",
    "the nps lays its own breach within 10 business days of becoming aware (policy nps_lay_own_days; aware on the day of the failure [A])",
    TR_SRC,
    Basis::Verified,
);
/// Other providers lay a breach within 10 working days.
pub const OTHER_LAY: Rule = Rule::new(
    "enforcement.deadline.other_lay",
    "a probation trust, the probation service or an unrecorded provider lays a breach within 10 working days, as the nps (policy other_lay_days)",
    "this library's default; docs/rules/enforcement.md#breach-deadlines",
    Basis::Assumption,
);

/// Every rule of this module, in declaration order (the rulebook test `core/tests/rule_docs.rs` reads it).
pub static TABLE: &[&Rule] = &[
    &RISK_AT_START,
    &TIER_AT_START,
    &ANCHOR_ALLOCATION_FALLBACK,
    &ANCHOR_FIRST_APPOINTMENT,
    &SHORT_LAST_WINDOW,
    &WINDOW_MATCH,
    &WINDOW_EXCUSED,
    &FAILURE,
    &ACCEPTABLE_ABSENCE,
    &WARN,
    &BREACH,
    &STRAIGHT_TO_BREACH,
    &LICENCE_RECALL,
    &PSS_WARN,
    &PSS_BREACH,
    &CRC_REFERRAL,
    &NPS_LAY_REFERRED,
    &NPS_LAY_OWN,
    &OTHER_LAY,
];
