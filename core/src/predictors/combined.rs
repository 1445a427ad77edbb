//! IIC-SRP (images and indirect contact sexual reoffending, the 2026 OSP-IIC) and CSRP (combined serious
//! reoffending, the 2026 RSR) (docs/rules/predictors.md#iic-srp and #csrp). IIC-SRP is a weight from a hierarchy of
//! sexual sanction counts; CSRP adds the SVRP, DC-SRP and IIC-SRP percentages (+ 0.38 for a woman with sexual
//! history). Weights generated from the service's files at 016919c (`logistic::coefficients`).

use serde::{Deserialize, Serialize};

use super::dcsrp::{consistent, count_sum, female, known_counts};
use super::logistic::coefficients::{CSRP_FEMALE, IIC_SRP_WEIGHTS};
use super::rules::combined::{self as rules, Idx};
use super::violent::{ViolentInput, svrp};
use super::{ArpError, DcSrpError, DcSrpInput, RiskBand, ScoreKind, dc_srp, half_up};
use crate::allocation::RuleList;
use crate::model::Sex;

/// The inputs of IIC-SRP (docs/rules/predictors.md "IIC-SRP").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct IicSrpInput {
    /// `male` or `female`; a woman's weight is 0 (band low).
    pub sex: Sex,
    /// Has the person ever committed a sexual offence; false → not applicable.
    pub has_ever_committed_sexual_offence: bool,
    /// Total sanctions for all offences (when given, the four counts must not add up to more).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_sanctions: Option<u32>,
    /// Sanctions for contact sexual offences against an adult (required with sexual history).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_adult_sexual_sanctions: Option<u32>,
    /// Sanctions for contact sexual offences against a child (required likewise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_child_sexual_sanctions: Option<u32>,
    /// Non-contact sexual offences (required likewise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_contact_sexual_offences: Option<u32>,
    /// Indecent image sanctions (required likewise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indecent_image_sanctions: Option<u32>,
}

impl From<&DcSrpInput> for IicSrpInput {
    /// IIC-SRP reads DC-SRP's sex, sexual-history flag, total sanctions and the four sexual counts.
    fn from(d: &DcSrpInput) -> Self {
        IicSrpInput {
            sex: d.sex,
            has_ever_committed_sexual_offence: d.has_ever_committed_sexual_offence,
            total_sanctions: Some(d.total_sanctions),
            contact_adult_sexual_sanctions: d.contact_adult_sexual_sanctions,
            contact_child_sexual_sanctions: d.contact_child_sexual_sanctions,
            non_contact_sexual_offences: d.non_contact_sexual_offences,
            indecent_image_sanctions: d.indecent_image_sanctions,
        }
    }
}

/// Which rung of the IIC-SRP hierarchy gave the weight (first match wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum IicSrpRung {
    /// 2 or more indecent image sanctions: 0.10310 (band high).
    TwoOrMoreImages,
    /// 1 indecent image sanction: 0.03328 (band medium).
    OneImage,
    /// 2 or more contact child sanctions: 0.00926.
    TwoOrMoreContactChild,
    /// 1 contact child sanction: 0.00634.
    OneContactChild,
    /// Non-contact offences and contact adult sanctions both above 0: 0.00281.
    NonContactAndContactAdult,
    /// None of these, or a woman: 0.
    None,
}

/// An IIC-SRP score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IicSrpScore {
    /// weight × 100, rounded half up to 2 dp (0 when not applicable).
    pub score: f64,
    /// High, medium or low (`not_applicable` with no sexual history).
    pub band: RiskBand,
    /// The hierarchy weight.
    pub weight: f64,
    /// The rung that gave it (`None` when not applicable).
    pub rung: Option<IicSrpRung>,
    /// Every rule that fired.
    pub rules: RuleList,
}

/// Scores IIC-SRP. The first failing check is the error: a missing count (for a woman with sexual history
/// the service fails with `UNEXPECTED_ERROR`; here it is `count_missing` too), then for a man all four counts 0
/// and the counts above the total, then non-zero counts with no sexual history.
pub fn iic_srp(input: &IicSrpInput) -> Result<IicSrpScore, DcSrpError> {
    let female = female(input.sex)?;
    let counts = [
        input.contact_adult_sexual_sanctions,
        input.contact_child_sexual_sanctions,
        input.non_contact_sexual_offences,
        input.indecent_image_sanctions,
    ];
    let mut fired = RuleList::new(rules::TABLE);
    if !input.has_ever_committed_sexual_offence {
        if !female {
            consistent(counts)?;
        }
        fired.fire(Idx::IIC_NOT_APPLICABLE.bit());
        return Ok(IicSrpScore {
            score: 0.0,
            band: RiskBand::NotApplicable,
            weight: 0.0,
            rung: None,
            rules: fired,
        });
    }
    let known = known_counts(counts)?;
    let [adult, child, non_contact, images] = known;
    if !female {
        if known == [0; 4] {
            return Err(DcSrpError::NoSexualSanctions);
        }
        if input
            .total_sanctions
            .is_some_and(|t| count_sum(known) > u64::from(t))
        {
            return Err(DcSrpError::SexualSanctionsExceedTotal);
        }
    }
    let rung = if female {
        IicSrpRung::None
    } else if images >= 2 {
        IicSrpRung::TwoOrMoreImages
    } else if images == 1 {
        IicSrpRung::OneImage
    } else if child >= 2 {
        IicSrpRung::TwoOrMoreContactChild
    } else if child == 1 {
        IicSrpRung::OneContactChild
    } else if non_contact != 0 && adult != 0 {
        IicSrpRung::NonContactAndContactAdult
    } else {
        IicSrpRung::None
    };
    let weight = match rung {
        IicSrpRung::None => 0.0,
        r => IIC_SRP_WEIGHTS.get(r as usize).copied().unwrap_or(0.0),
    };
    let band = match rung {
        IicSrpRung::TwoOrMoreImages => RiskBand::High,
        IicSrpRung::OneImage => RiskBand::Medium,
        _ => RiskBand::Low,
    };
    fired.fire(Idx::IIC_WEIGHT.bit());
    Ok(IicSrpScore {
        score: half_up(weight, 10_000) as f64 / 100.0,
        band,
        weight,
        rung: Some(rung),
        rules: fired,
    })
}

/// The inputs of CSRP: SVRP's and DC-SRP's (IIC-SRP reads DC-SRP's sex, sexual history, total and counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CsrpInput {
    /// SVRP's inputs.
    pub svrp: ViolentInput,
    /// DC-SRP's inputs.
    pub dc_srp: DcSrpInput,
}

/// Why CSRP could not be scored (`COMPONENT_VALIDATION_ERROR`): the first component refused, and its error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CsrpError {
    /// SVRP refused its inputs.
    #[error("CSRP: SVRP refused its inputs: {0}")]
    Svrp(ArpError),
    /// DC-SRP refused its inputs.
    #[error("CSRP: DC-SRP refused its inputs: {0}")]
    DcSrp(DcSrpError),
    /// IIC-SRP refused its inputs.
    #[error("CSRP: IIC-SRP refused its inputs: {0}")]
    IicSrp(DcSrpError),
}

impl CsrpError {
    /// The component that refused (`svrp`, `dc_srp` or `iic_srp`); its own field is the inner error's.
    pub const fn field(&self) -> &'static str {
        match self {
            CsrpError::Svrp(_) => "svrp",
            CsrpError::DcSrp(_) => "dc_srp",
            CsrpError::IicSrp(_) => "iic_srp",
        }
    }

    /// `component_refused`; the component's own kind is [`CsrpError::component_kind`].
    pub const fn kind(&self) -> &'static str {
        "component_refused"
    }

    /// The component's error kind.
    pub const fn component_kind(&self) -> &'static str {
        match self {
            CsrpError::Svrp(e) => e.kind(),
            CsrpError::DcSrp(e) | CsrpError::IicSrp(e) => e.kind(),
        }
    }
}

/// A CSRP score, with the three components it adds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsrpScore {
    /// SVRP % + DC-SRP % + IIC-SRP % (+ 0.38), rounded half up to 2 dp, clamped to 0–99.99.
    pub score: f64,
    /// Band: low below 1, medium below 3, high below 6.9, else very high.
    pub band: RiskBand,
    /// SVRP's static or dynamic.
    pub kind: ScoreKind,
    /// SVRP's percentage.
    pub svrp: f64,
    /// SVRP's band.
    pub svrp_band: RiskBand,
    /// DC-SRP's percentage (100 × p, 2 dp).
    pub dc_srp: f64,
    /// DC-SRP's band.
    pub dc_srp_band: RiskBand,
    /// DC-SRP's risk reduction.
    pub dc_srp_risk_reduction: Option<bool>,
    /// IIC-SRP's percentage.
    pub iic_srp: f64,
    /// IIC-SRP's band.
    pub iic_srp_band: RiskBand,
    /// 0.38 (the female sexual offender constant as a 2-dp percentage) for a woman with sexual history, else 0.
    pub female_sexual_offender: f64,
    /// Every rule that fired.
    pub rules: RuleList,
}

/// Scores CSRP from its three components, computed here from `input`. Any component refusing its inputs is
/// the error (SVRP falling back to static is not).
pub fn csrp(input: &CsrpInput) -> Result<CsrpScore, CsrpError> {
    let d = &input.dc_srp;
    let sv = svrp(&input.svrp).map_err(CsrpError::Svrp)?;
    let dc = dc_srp(d).map_err(CsrpError::DcSrp)?;
    let iic = iic_srp(&IicSrpInput::from(d)).map_err(CsrpError::IicSrp)?;
    Ok(combine(
        &sv,
        &dc,
        &iic,
        d.sex,
        d.has_ever_committed_sexual_offence,
    ))
}

/// CSRP from component scores already computed (as `predictors(case, on)` has them).
pub(crate) fn combine(
    sv: &super::SvrpScore,
    dc: &super::DcSrpScore,
    iic: &IicSrpScore,
    sex: Sex,
    sexual_history: bool,
) -> CsrpScore {
    let mut fired = RuleList::new(rules::TABLE);
    let female_sexual_offender = if sex == Sex::Female && sexual_history {
        fired.fire(Idx::CSRP_FEMALE.bit());
        half_up(CSRP_FEMALE.first().copied().unwrap_or(0.0), 10_000) as f64 / 100.0
    } else {
        0.0
    };
    // As the service: a list of doubles summed in order, then BigDecimal(sum).setScale(2, HALF_UP).
    let sum = sv.score + dc.score + iic.score + female_sexual_offender;
    let rounded = half_up(sum.max(0.0), 100) as f64 / 100.0;
    let score = if rounded <= 0.0 {
        0.0
    } else if rounded >= 100.0 {
        99.99
    } else {
        rounded
    };
    fired.fire(Idx::CSRP_SUM.bit());
    CsrpScore {
        score,
        band: super::arp::band(score, [1.0, 3.0, 6.9]),
        kind: sv.kind,
        svrp: sv.score,
        svrp_band: sv.band,
        dc_srp: dc.score,
        dc_srp_band: dc.band,
        dc_srp_risk_reduction: dc.risk_reduction,
        iic_srp: iic.score,
        iic_srp_band: iic.band,
        female_sexual_offender,
        rules: fired,
    }
}
