//! The allocation and risk-escalation rules (docs/rules/allocation.md), as typed data.

use crate::rules::{Basis, Rule};

use crate::rules::rule_table;

rule_table! {
    /// Every rule of this area, in the order results list them.
    TABLE, Idx;
    /// Before 1 June 2014 every case belongs to the local Probation Trust.
    TRUST = (
    "allocation.trust",
    "before the start of Transforming Rehabilitation (1 June 2014) every case belongs to the local Probation Trust",
    "HMIP, GOV.UK (Transforming Rehabilitation); docs/rules/allocation.md#the-three-eras",
    Basis::Verified,
    );
    /// From 26 June 2021 every case belongs to the unified Probation Service.
    PROBATION_SERVICE = (
    "allocation.probation_service",
    "from 26 June 2021 the CRCs are folded back into one public Probation Service, which holds every case",
    "HMIP, GOV.UK (probation reform, 26 June 2021); docs/rules/allocation.md#the-three-eras",
    Basis::Verified,
    );
    /// NPS criterion 1: MAPPA eligible.
    MAPPA = (
    "allocation.tr.mappa",
    "a MAPPA-eligible case (an active MAPP registration of any category or level) stays with the NPS",
    "PI 05/2014 Case Allocation; HMIP (\"all MAPPA cases\"); docs/rules/allocation.md#mappa-eligible",
    Basis::Verified,
    );
    /// NPS criterion 2: overall RoSH high or very high.
    ROSH_HIGH = (
    "allocation.tr.rosh_high",
    "a case whose overall RoSH is high or very high stays with the NPS (overall RoSH: the higher of the newest \
     assessment's highest group level and the newest active RoSH registration)",
    "PI 05/2014 Case Allocation; PI 57/2014; HMIP; docs/rules/allocation.md#risk-of-serious-harm-high-or-very-high",
    Basis::Verified,
    );
    /// NPS criterion 3: foreign national liable to deportation.
    FOREIGN_NATIONAL = (
    "allocation.tr.foreign_national",
    "a foreign national liable to deportation stays with the NPS",
    "HMIP; docs/rules/allocation.md#foreign-national-liable-to-deportation",
    Basis::Verified,
    );
    /// NPS criterion 4: exceptional public interest (`RPIR`).
    PUBLIC_INTEREST = (
    "allocation.tr.public_interest",
    "a case of exceptional public interest (an active RPIR registration) stays with the NPS",
    "this library's default (policy switch public_interest_enabled); docs/rules/allocation.md#exceptional-public-interest",
    Basis::Assumption,
    );
    /// NPS criterion 5: terrorism or extremism (`RTAO`).
    TERRORISM = (
    "allocation.tr.terrorism",
    "a terrorism or extremism case (an active RTAO registration) stays with the NPS",
    "this library's default (policy switch terrorism_enabled); docs/rules/allocation.md#terrorism-or-extremism",
    Basis::Assumption,
    );
    /// NPS criterion 6: RSR at or above the threshold.
    RSR = (
    "allocation.tr.rsr",
    "a case whose RSR (newest assessment on or before the date) is at or above the policy threshold (default 6.9, \
     the high band) stays with the NPS",
    "HMIP (RSR \"informs whether cases are allocated to a CRC or remain with the NPS\"; policy switch \
     rsr_threshold_enabled, value rsr_threshold); docs/rules/allocation.md#rsr-at-or-above-the-high-band",
    Basis::Assumption,
    );
    /// Wales: CRC work moved to NPS Wales in December 2019.
    WALES_NPS = (
    "allocation.tr.wales_nps",
    "from December 2019 the CRC work in Wales moved to NPS Wales: a case whose home area is Wales goes to the NPS",
    "this library's default (policy switch wales_to_nps_enabled, date wales_to_nps_from); \
     docs/rules/allocation.md#wales-from-december-2019",
    Basis::Assumption,
    );
    /// The NPS division of an NPS case.
    NPS_DIVISION = (
    "allocation.tr.nps_division",
    "a case kept by the NPS goes to the NPS division that covers the person's home area",
    "this library's default (divisions N01-N07 by the geography of the 2014 divisions); \
     docs/rules/allocation.md#which-division-which-crc",
    Basis::Assumption,
    );
    /// No NPS criterion: the CRC of the home area.
    CRC = (
    "allocation.tr.crc",
    "no NPS criterion is met: the case goes to the CRC for the person's home area",
    "PI 05/2014 Case Allocation; HMIP; docs/rules/allocation.md#which-division-which-crc",
    Basis::Verified,
    );
    /// The allocation deadline.
    DEADLINE = (
    "allocation.deadline",
    "allocation must be done by the end of the 2nd full business day after sentence (of the newest active event)",
    "NPS service level SL002 (policy field allocation_working_days); docs/rules/allocation.md#allocation-deadline",
    Basis::Verified,
    );
    /// Risk escalation: refer to the NPS.
    ESCALATE = (
    "escalation.refer",
    "a CRC case that now meets an NPS criterion (such as RoSH risen to high) must be referred to the NPS for review \
     without delay; all high-RoSH people are managed by the NPS",
    "PI 57/2014; docs/rules/allocation.md#risk-escalation",
    Basis::Verified,
    );
    /// Risk escalation: the meaning of "without delay".
    ESCALATION_DEADLINE = (
    "escalation.deadline",
    "\"without delay\" is taken as within the policy's escalation working days of the change (default 1: by the \
     next working day)",
    "this library's default (policy field escalation_working_days); docs/rules/allocation.md#without-delay-and-never-back",
    Basis::Assumption,
    );
    /// Risk escalation: the NPS never hands a case back.
    NPS_NEVER_RETURNS = (
    "escalation.nps_never_returns",
    "a case held by the NPS never moves back to a CRC, even when its risk falls",
    "this library's default; docs/rules/allocation.md#without-delay-and-never-back",
    Basis::Assumption,
    );
    /// Risk escalation: a CRC case with no NPS criterion stays.
    STAYS_WITH_CRC = (
    "escalation.stays_with_crc",
    "no NPS criterion is met: the case stays with its CRC",
    "PI 05/2014; PI 57/2014; docs/rules/allocation.md#risk-escalation",
    Basis::Verified,
    );
    /// Risk escalation only exists between a CRC and the NPS.
    NOT_APPLICABLE = (
    "escalation.not_applicable",
    "escalation from a CRC to the NPS applies only to a case held by a CRC between 1 June 2014 and 25 June 2021",
    "PI 57/2014; docs/rules/allocation.md#risk-escalation",
    Basis::Verified,
    );
}
