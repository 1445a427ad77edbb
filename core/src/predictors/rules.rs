//! The rules of the predictors, as typed data with their sources (`docs/rules/predictors.md`).

/// OGRS3 (docs/rules/predictors.md).
pub mod ogrs3 {
    use crate::allocation::fired::rule_table;
    use crate::rules::{Basis, Rule};

    rule_table! {
        /// Every OGRS3 rule, in the order results list them.
        TABLE, Idx;
        /// The age/sex term.
        AGE_SEX = (
        "predictors.ogrs3.age_sex",
        "the age/sex term: a weighting by sex and band of whole years of age at the start of follow-up \
         (10–11, 12–13, 14–15, 16–17, 18–20, 21–24, 25–29, 30–34, 35–39, 40–49, 50+)",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@c22870c1fd OGRS3TransformationHelper.getAgeGenderScore; \
         docs/rules/predictors.md#ogrs3-terms",
        Basis::VerifiedCode,
        );
        /// First or repeat sanction.
        CONVICTION_STATUS = (
        "predictors.ogrs3.conviction_status",
        "the conviction-status term: 0.12614 for a first sanction (total sanctions 1), else 0.46306",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@c22870c1fd OGRS3TransformationHelper; \
         docs/rules/predictors.md#ogrs3-terms",
        Basis::VerifiedCode,
        );
        /// The Copas rate.
        COPAS = (
        "predictors.ogrs3.copas",
        "the Copas term: 1.25112 × ln((1 + previous sanctions) / (10 + age at current conviction − age at first \
         sanction))",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@c22870c1fd OGRS3TransformationHelper.getOffenderCopasScore; \
         Howard et al. (2009); docs/rules/predictors.md#ogrs3-terms",
        Basis::VerifiedCode,
        );
        /// The offence group.
        OFFENCE_GROUP = (
        "predictors.ogrs3.offence_group",
        "the offence-group term: the weighting of the current offence's Home Office code in the OGRS3 offence table",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@c22870c1fd actuarial-mapping.json (core/data/\
         ogrs3_offence_codes.json); docs/rules/predictors.md#ogrs3-offence-groups",
        Basis::VerifiedCode,
        );
        /// The probabilities.
        PROBABILITY = (
        "predictors.ogrs3.probability",
        "1-year = logistic(total + 1.40256), 2-year = logistic(total + 2.1217); each rounded half up to 5 dp, then \
         × 100 rounded half up to a whole percentage",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@c22870c1fd OGRS3TransformationHelper, NumbersUtils; \
         docs/rules/predictors.md#ogrs3-probabilities-and-band",
        Basis::VerifiedCode,
        );
        /// The 1/99 clamp.
        CLAMP = (
        "predictors.ogrs3.clamp",
        "a percentage of 0 or below is reported as 1, above 99 as 99",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@c22870c1fd NumbersUtils.sanitisePercentage; \
         docs/rules/predictors.md#ogrs3-probabilities-and-band",
        Basis::VerifiedCode,
        );
        /// The band.
        BAND = (
        "predictors.ogrs3.band",
        "band on the 2-year percentage: low 0–49, medium 50–74, high 75–89, very high 90+",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@c22870c1fd OGRS3TransformationHelper.getRiskBand; \
         docs/rules/predictors.md#ogrs3-probabilities-and-band",
        Basis::VerifiedCode,
        );
    }
}

/// ARP, the all reoffending predictor (docs/rules/predictors.md; docs/rules/predictors.md rules 1–5).
pub mod arp {
    use crate::allocation::fired::rule_table;
    use crate::rules::{Basis, Rule};

    const HELPER: &str = "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c \
        AllReoffendingPredictorTransformationHelper, coefficients/AllReoffendingPredictor{Static,Dynamic}; \
        docs/rules/predictors.md#arp-terms";

    rule_table! {
        /// Every ARP rule, in the order results list them.
        TABLE, Idx;
        /// Static coefficients.
        STATIC = (
        "predictors.arp.static",
        "the static coefficient set: intercept, quartic age/sex polynomial, female, offence category, first and \
         second sanction, sanction occasions, first-to-second gap, quartic offence-free months (capped at 36), \
         career term ln(n / (gap + 26)) and its square (n ≥ 3)",
        HELPER,
        Basis::VerifiedCode,
        );
        /// Dynamic coefficients.
        DYNAMIC = (
        "predictors.arp.dynamic",
        "the dynamic coefficient set: the static terms with their dynamic coefficients, offence-free months \
         quadratic, plus the OASys answers (accommodation, unemployment ×2, relationship, domestic abuse, \
         offending activities, drug motivation and use, alcohol, impulsivity, pro-criminal attitudes)",
        HELPER,
        Basis::VerifiedCode,
        );
        /// Fallback to static.
        FALLBACK = (
        "predictors.arp.dynamic_fallback",
        "a dynamic answer missing, or a drug-use answer true with no motivation answer, gives the static score \
         (MISSING_DYNAMIC_INPUT / MOTIVATION_TO_TACKLE_DRUG_MISUSE_INCONSISTENT)",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c AllReoffendingPredictorValidator, \
         AllReoffendingPredictorRiskProducerService; docs/rules/predictors.md#arp-dynamic-fallback",
        Basis::VerifiedCode,
        );
        /// The percentage.
        SCORE = (
        "predictors.arp.score",
        "score = 100 × logistic(total), rounded half up to 2 dp; 100.00 is reported as 99.99",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c NumbersUtils; docs/rules/predictors.md#arp-score-and-band",
        Basis::VerifiedCode,
        );
        /// The band.
        BAND = (
        "predictors.arp.band",
        "band: low below 50, medium below 75, high below 90, else very high",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c AllReoffendingPredictorConstant; \
         docs/rules/predictors.md#arp-score-and-band",
        Basis::VerifiedCode,
        );
    }
}

/// DC-SRP, the direct contact sexual reoffending predictor (docs/rules/predictors.md; docs/rules/predictors.md rule 6).
pub mod dcsrp {
    use crate::allocation::fired::rule_table;
    use crate::rules::{Basis, Rule};

    rule_table! {
        /// Every DC-SRP rule, in the order results list them.
        TABLE, Idx;
        /// Not applicable.
        NOT_APPLICABLE = (
        "predictors.dc_srp.not_applicable",
        "a woman, or someone who has never committed a sexual offence: not applicable, score 0",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c DirectContactSexualReoffendingPredictorProducerService; \
         docs/rules/predictors.md#dc-srp",
        Basis::VerifiedCode,
        );
        /// Points.
        POINTS = (
        "predictors.dc_srp.points",
        "points: contact adult sanctions 1/2/3+ → 5/10/15; contact child 3/6/9; non-contact 2/4/6; age at \
         follow-up start 14 − max(0, (age − 18) ÷ 3), 0 from 60; age at last sexual sanction 16–17 → 5, 18+ → 10; \
         2+ sanctions of any kind → 6; current victim a stranger → 4",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c DirectContactSexualReoffendingPredictorTransformationHelper; \
         docs/rules/predictors.md#dc-srp",
        Basis::VerifiedCode,
        );
        /// Probability.
        PROBABILITY = (
        "predictors.dc_srp.probability",
        "probability = logistic(−8.633 + 0.1598 × points), 0 for 0 points; percentage 100 × p rounded half up to 2 dp",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c DirectContactSexualReoffendingPredictorTransformationHelper.getScore; \
         docs/rules/predictors.md#dc-srp",
        Basis::VerifiedCode,
        );
        /// Band.
        BAND = (
        "predictors.dc_srp.band",
        "band on points: 0–21 low, 22–29 medium, 30–35 high, 36–64 very high",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c DirectContactSexualReoffendingPredictorTransformationHelper.getBand; \
         docs/rules/predictors.md#dc-srp",
        Basis::VerifiedCode,
        );
        /// Risk reduction.
        RISK_REDUCTION = (
        "predictors.dc_srp.risk_reduction",
        "one band lower (very high → high → medium → low) when the band is above low, not in custody, and at least \
         5 whole years to the assessment date from the last offence, the last sexual offence and the start of follow-up",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c DirectContactSexualReoffendingPredictorTransformationHelper.getRiskReduction; \
         docs/rules/predictors.md#dc-srp-risk-reduction",
        Basis::VerifiedCode,
        );
    }
}

/// VRP and SVRP, the violent and serious violent reoffending predictors (docs/rules/predictors.md#vrp-and-svrp).
pub mod violent {
    use crate::allocation::fired::rule_table;
    use crate::rules::{Basis, Rule};

    rule_table! {
        /// Every VRP and SVRP rule, in the order results list them.
        TABLE, Idx;
        /// The terms.
        TERMS = (
        "predictors.violent.terms",
        "ARP's criminal-history terms with the table's own coefficients and degrees, the career term \
         c · ln(n / (gap + 12)) with no square, and the violence terms: never violent (v = 0, by sex), once \
         violent (v = 1), v × coefficient and c · ln(v / (gap + 30)) when v > 0",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c ViolentReoffendingPredictorTransformationHelper, \
         SeriousViolentReoffendingPredictorTransformationHelper, coefficients/*ViolentReoffendingPredictor*; \
         docs/rules/predictors.md#vrp-and-svrp-terms",
        Basis::VerifiedCode,
        );
        /// Dynamic coefficients.
        DYNAMIC = (
        "predictors.violent.dynamic",
        "the dynamic coefficient set when every required answer is given: VRP's ARP answers without pro-criminal \
         attitudes, with drug motivation, temper and methadone; SVRP's weapon, accommodation, unemployment, \
         alcohol, temper, attitudes and nine kinds of previous conviction",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c ViolentReoffendingPredictorValidator, \
         SeriousViolentReoffendingPredictorValidator; docs/rules/predictors.md#vrp-and-svrp-dynamic-fallback",
        Basis::VerifiedCode,
        );
        /// Fallback to static.
        FALLBACK = (
        "predictors.violent.dynamic_fallback",
        "a required dynamic answer missing (or, for VRP, a drug-use answer true with no motivation answer) gives \
         the static score (MISSING_DYNAMIC_INPUT)",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c ViolentReoffendingPredictorRiskProducerService, \
         SeriousViolentReoffendingPredictorRiskProducerService; docs/rules/predictors.md#vrp-and-svrp-dynamic-fallback",
        Basis::VerifiedCode,
        );
        /// VRP score and band.
        VRP_SCORE = (
        "predictors.vrp.score_and_band",
        "VRP = 100 × logistic(total) half up to 2 dp, 100.00 → 99.99, 0.00 refused; band low below 30, medium \
         below 60, high below 80, else very high",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c ViolentReoffendingPredictorConstant, NumbersUtils; \
         docs/rules/predictors.md#vrp-and-svrp-score-and-band",
        Basis::VerifiedCode,
        );
        /// SVRP score and band.
        SVRP_SCORE = (
        "predictors.svrp.score_and_band",
        "SVRP = 100 × logistic(total) half up to 2 dp, 100.00 → 99.99 (0.00 is low); band low below 1, medium \
         below 3, high below 6.9, else very high",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c SeriousViolentReoffendingPredictorConstant, \
         NumbersUtils; docs/rules/predictors.md#vrp-and-svrp-score-and-band",
        Basis::VerifiedCode,
        );
    }
}

/// IIC-SRP and CSRP (docs/rules/predictors.md#iic-srp and #csrp).
pub mod combined {
    use crate::allocation::fired::rule_table;
    use crate::rules::{Basis, Rule};

    rule_table! {
        /// Every IIC-SRP and CSRP rule, in the order results list them.
        TABLE, Idx;
        /// IIC-SRP not applicable.
        IIC_NOT_APPLICABLE = (
        "predictors.iic_srp.not_applicable",
        "no sexual history: IIC-SRP not applicable, score 0",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c ImagesAndIndirectContactSexualReoffendingPredictorProducerService; \
         docs/rules/predictors.md#iic-srp",
        Basis::VerifiedCode,
        );
        /// IIC-SRP weight.
        IIC_WEIGHT = (
        "predictors.iic_srp.weight",
        "weight, first match: 2+ image sanctions 0.10310 (high); 1 image 0.03328 (medium); 2+ contact child \
         0.00926; 1 contact child 0.00634; non-contact and contact adult both above 0 0.00281; else 0 (low); a \
         woman 0 (low); score = weight × 100 half up to 2 dp",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c ImagesAndIndirectContactSexualReoffendingPredictorTransformationHelper, \
         coefficients/ImagesAndIndirectContactSexualReoffendingPredictorStatic; docs/rules/predictors.md#iic-srp",
        Basis::VerifiedCode,
        );
        /// CSRP sum and band.
        CSRP_SUM = (
        "predictors.csrp.sum",
        "CSRP = SVRP % + DC-SRP % + IIC-SRP % (+ the female constant), summed in doubles, half up to 2 dp, \
         ≤ 0 → 0, ≥ 100 → 99.99; band low below 1, medium below 3, high below 6.9, else very high; static or \
         dynamic as SVRP",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c CombinedSeriousReoffendingPredictorRiskProducerService, \
         CombinedSeriousReoffendingPredictorTransformationHelper; docs/rules/predictors.md#csrp",
        Basis::VerifiedCode,
        );
        /// Female sexual offender.
        CSRP_FEMALE = (
        "predictors.csrp.female_sexual_offender",
        "a woman with sexual history adds FEMALE_SEXUAL_OFFENDER 0.0038314176245211 as a 2-dp percentage, 0.38",
        "ministryofjustice/hmpps-arns-risk-actuarial-api@016919c coefficients/CombinedSeriousReoffendingPredictor; \
         docs/rules/predictors.md#csrp",
        Basis::VerifiedCode,
        );
    }
}
