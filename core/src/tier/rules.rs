//! The rules of the 2021 tiering framework (docs/rules/tier.md), as typed data.

use crate::rules::rule_table;
use crate::rules::{Basis, Rule};

const HMPPS_TIER: &str =
    "ministryofjustice/hmpps-tier ProtectLevelCalculator; docs/rules/tier.md#protect-points";
const HMPPS_TIER_LEVELS: &str =
    "ministryofjustice/hmpps-tier ProtectLevelCalculator; docs/rules/tier.md#protect-level";
const HMPPS_TIER_CHANGE: &str =
    "ministryofjustice/hmpps-tier ChangeLevelCalculator; docs/rules/tier.md#change-points";

rule_table! {
    /// Every rule of this area, in the order results list them.
    TABLE, Idx;
    /// A missing RSR or OGRS counts as 0.
    MISSING_SCORE = (
    "tier.missing_score_zero",
    "a missing RSR or OGRS score counts as 0",
    "ministryofjustice/hmpps-tier; docs/rules/tier.md#inputs",
    Basis::VerifiedCode,
    );
    /// RSR points.
    RSR = (
    "tier.protect.rsr",
    "RSR points: 20 at or above 7.00, 10 at or above 3.00 and below 7.00, else 0 (RSR of the newest assessment on or \
     before the date)",
    HMPPS_TIER,
    Basis::VerifiedCode,
    );
    /// RoSH points.
    ROSH = (
    "tier.protect.rosh",
    "RoSH points from the newest active RoSH registration (codes matched in any letter case): very high 150, \
     high 20, medium 10, low or none 0",
    HMPPS_TIER,
    Basis::VerifiedCode,
    );
    /// Only the larger of RSR and RoSH points counts.
    LARGER_OF_RSR_ROSH = (
    "tier.protect.larger_of_rsr_rosh",
    "only the larger of the RSR and RoSH points counts: the smaller is subtracted",
    HMPPS_TIER,
    Basis::VerifiedCode,
    );
    /// MAPPA points.
    MAPPA = (
    "tier.protect.mappa",
    "MAPPA points from the newest MAPP registration with a valid level: level 2 or 3 gives 150, level 1 gives 5",
    HMPPS_TIER,
    Basis::VerifiedCode,
    );
    /// Complexity factor points.
    COMPLEXITY = (
    "tier.protect.complexity",
    "2 points for each distinct active complexity factor registration, ten factors (RMDO, ALSH, RVLN, RCCO, RCHD, \
     RCPR, RPIR, RVAD, STRG, RTAO; codes matched in any letter case), 20 points when all are present",
    HMPPS_TIER,
    Basis::VerifiedCode,
    );
    /// The women's factors.
    WOMENS_FACTORS = (
    "tier.protect.womens_factors",
    "women only: 2 points if parenting responsibilities are answered yes, 2 if impulsivity or temper control \
     scores above 0 (both together still 2), 2 for a breach or recall in the last 12 months",
    "ministryofjustice/hmpps-tier AdditionalFactorsForWomen; docs/rules/tier.md#factors-for-women",
    Basis::VerifiedCode,
    );
    /// Protect level bands.
    PROTECT_LEVELS = (
    "tier.protect.levels",
    "protect level from the points: A at 150 or more, B 20 to 149, C 10 to 19, D below 10",
    HMPPS_TIER_LEVELS,
    Basis::VerifiedCode,
    );
    /// No mandate for change.
    NO_MANDATE = (
    "tier.change.no_mandate",
    "no mandate for change (no current event is custodial or has a non-restrictive requirement other than unpaid \
     work): change level 0",
    "ministryofjustice/hmpps-tier MandateForChange, ChangeLevelCalculator; docs/rules/tier.md#mandate-for-change",
    Basis::VerifiedCode,
    );
    /// No assessment.
    NO_ASSESSMENT = (
    "tier.change.no_assessment",
    "no OASys needs assessment on or before the date: change level 2 with 0 points (an RSR or OGRS on the person \
     record does not make the case assessed)",
    HMPPS_TIER_CHANGE,
    Basis::VerifiedCode,
    );
    /// Need severity scored from raw section answers.
    NEED_FROM_ANSWERS = (
    "tier.change.need_from_answers",
    "a need without a recorded severity is scored from its section answers (yes 2, some or previous 1, \
     significant or currently 2, other 0; a section whose answers are all missing or unknown has no severity) against the section's thresholds, which \
     differ for SAN assessments",
    "ministryofjustice/hmpps-tier NeedSection and Threshold; docs/rules/tier.md#need-severity-from-section-answers",
    Basis::VerifiedCode,
    );
    /// Need points.
    NEEDS = (
    "tier.change.needs",
    "need points: the sum of weight times severity (no need 0, standard 1, severe 2); weight 2 for thinking & \
     behaviour and attitudes, 0 for financial management and emotional wellbeing, 1 for the rest",
    HMPPS_TIER_CHANGE,
    Basis::VerifiedCode,
    );
    /// OGRS points.
    OGRS = (
    "tier.change.ogrs",
    "OGRS points: the OGRS percentage divided by 10, rounded down",
    HMPPS_TIER_CHANGE,
    Basis::VerifiedCode,
    );
    /// IOM points.
    IOM = (
    "tier.change.iom",
    "2 change points for an active IIOM (integrated offender management) registration",
    HMPPS_TIER_CHANGE,
    Basis::VerifiedCode,
    );
    /// Change level bands.
    CHANGE_LEVELS = (
    "tier.change.levels",
    "change level from the points: 3 at 20 or more, 2 from 10 to 19, 1 below 10",
    "ministryofjustice/hmpps-tier ChangeLevelCalculator; docs/rules/tier.md#change-level",
    Basis::VerifiedCode,
    );
    /// RSR / OGRS from the person record.
    SCORES_FROM_PERSON = (
    "tier.scores_from_person_record",
    "an RSR or OGRS held on the person record (nDelius, outside any OASys needs assessment) is the one used for the \
     RSR points and the OGRS points",
    "ministryofjustice/hmpps-probation-integration-services tier-to-delius (dynamicRsrScore, ogrsScore on the \
     person); docs/rules/tier.md#inputs",
    Basis::VerifiedCode,
    );
    /// The `S` suffix.
    UNSUPERVISED = (
    "tier.unsupervised_suffix",
    "an active PRC registration (unsupervised) adds the suffix S to the tier, e.g. B2S",
    "ministryofjustice/hmpps-tier TierDto (UNSUPERVISED_SUFFIX); docs/rules/tier.md#the-tier-string",
    Basis::VerifiedCode,
    );
    /// The nDelius form.
    NDELIUS_FORM = (
    "tier.ndelius_form",
    "nDelius stores the tier as U followed by the tier string (UB2, UB2S) in its TIER reference data",
    "ministryofjustice/hmpps-probation-integration-services tier-to-delius TierUpdateService \
     (\"U${tierScore}\"); docs/rules/tier.md#the-tier-string",
    Basis::VerifiedCode,
    );
}
