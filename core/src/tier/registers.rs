//! [`ActiveRegisters`]: one reading of a case's registrations on a date, shared by allocation, the 2021 tier and
//! the 2026 tier (docs/rules/case.md#registrations), so a code means the same to each of them and to the
//! columnar API, whose columns hold this reading.

use chrono::NaiveDate;

use super::complexity::{ComplexityFactor, ComplexityFactors};
use crate::model::{MappaCategory, MappaLevel, RegisterCode, Registration, RoshLevel};

/// What the registrations active on a date say, read in one pass, newest first (ties: the first in the list).
///
/// How codes are matched (docs/rules/tier.md, as hmpps-tier matches them): RoSH codes, the `MAPP` level and the
/// ten complexity factors in any letter case (`RPIR`, `RTAO` and `RCPR` included, for allocation and the 2026
/// tier's child-protection step too); `MAPP`, `IIOM`, `PRC`, `INLL`, `ADVP`, `REG30` and `SPO` exactly.
/// Allocation's registered RoSH is the exact-code reading [`Self::rosh_exact`] (docs/rules/allocation.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActiveRegisters {
    /// RoSH of the newest active RoSH registration, codes in any letter case (the tiers).
    pub rosh: Option<RoshLevel>,
    /// RoSH of the newest active RoSH registration with an exact code (allocation).
    pub rosh_exact: Option<RoshLevel>,
    /// An active `MAPP` registration.
    pub mapp: bool,
    /// Level of the newest `MAPP` registration with a valid level (any letter case).
    pub mappa_level: Option<MappaLevel>,
    /// Category of the newest `MAPP` registration.
    pub mappa_category: Option<MappaCategory>,
    /// The distinct complexity factors (any letter case).
    pub complexity: ComplexityFactors,
    /// An `IIOM`.
    pub iom: bool,
    /// A `PRC` (unsupervised).
    pub unsupervised: bool,
    /// An `INLL` (lifer / IPP).
    pub lifer: bool,
    /// An `ADVP` or `REG30`.
    pub domestic_abuse: bool,
    /// An `SPO`.
    pub stalking: bool,
}

impl ActiveRegisters {
    /// Reads the registrations active on `on` (no allocation).
    pub fn read(registrations: &[Registration], on: NaiveDate) -> Self {
        let mut t = ActiveRegisters::default();
        let mut rosh_at: Option<NaiveDate> = None;
        let mut exact_at: Option<NaiveDate> = None;
        let mut level_at: Option<NaiveDate> = None;
        let mut category_at: Option<NaiveDate> = None;
        for r in registrations {
            if !r.is_active_on(on) {
                continue;
            }
            let newer = |at: Option<NaiveDate>| at.is_none_or(|d| r.registered > d);
            match &r.code {
                RegisterCode::Mapp => {
                    t.mapp = true;
                    if newer(category_at) {
                        category_at = Some(r.registered);
                        t.mappa_category = r.mappa_category();
                    }
                    if let Some(level) = r.mappa_level_any_case()
                        && newer(level_at)
                    {
                        level_at = Some(r.registered);
                        t.mappa_level = Some(level);
                    }
                }
                RegisterCode::Iiom => t.iom = true,
                RegisterCode::Prc => t.unsupervised = true,
                RegisterCode::Inll => t.lifer = true,
                RegisterCode::Advp | RegisterCode::Reg30 => t.domestic_abuse = true,
                RegisterCode::Spo => t.stalking = true,
                code => {
                    if let Some(level) = code.rosh_level_any_case() {
                        if newer(rosh_at) {
                            rosh_at = Some(r.registered);
                            t.rosh = Some(level);
                        }
                        if let Some(level) = code.rosh_level()
                            && newer(exact_at)
                        {
                            exact_at = Some(r.registered);
                            t.rosh_exact = Some(level);
                        }
                    } else if let Some(f) = ComplexityFactor::from_register(code) {
                        t.complexity.insert(f);
                    }
                }
            }
        }
        t
    }

    /// True when the complexity factor `f` is active.
    pub const fn has(&self, f: ComplexityFactor) -> bool {
        self.complexity.contains(f)
    }
}
