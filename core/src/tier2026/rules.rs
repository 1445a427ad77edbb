//! The rules of the 2026 single-axis tier (docs/rules/tier-2026.md), as typed data. Documented in
//! `docs/rules/tier-2026.md`, one section per group.

use crate::allocation::fired::rule_table;
use crate::rules::{Basis, Rule};

rule_table! {
    /// Every rule of the 2026 tier, in the order results list them.
    TABLE, Idx;
    /// No active event.
    NOT_SUPERVISED = (
    "tier2026.not_supervised",
    "no active event on the date: not supervised (provisional false)",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#not-supervised-and-missing",
    Basis::VerifiedCode,
    );
    /// ARP or CSRP absent.
    MISSING = (
    "tier2026.missing",
    "an active event but no ARP or no CSRP (OGRS4-family predictors) on or before the date: missing (provisional \
     false)",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#not-supervised-and-missing",
    Basis::VerifiedCode,
    );
    /// The reoffending table.
    REOFFENDING = (
    "tier2026.reoffending",
    "reoffending: the letter in the table at the first CSRP row reached (6.9, 3.0, 1.0, 0.5, 0.0) and the first ARP \
     column reached (90, 75, 50, 25, 15, 0)",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#reoffending-table",
    Basis::VerifiedCode,
    );
    /// DC-SRP.
    SEXUAL_REOFFENDING = (
    "tier2026.sexual_reoffending",
    "sexual reoffending, when the DC-SRP scores above 0 with a band other than not applicable: very high A, high B, \
     low E; medium C at 3.36 or more, D at 2.11, C at 1.12, D at 0.60 (below 0.60 the calculation fails)",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#sexual-reoffending-dc-srp",
    Basis::VerifiedCode,
    );
    /// MAPPA and RoSH.
    MAPPA_ROSH = (
    "tier2026.mappa_rosh",
    "MAPPA and RoSH: with a MAPPA category, RoSH very high A, high C, medium D, low or none E; without one, very \
     high C, high D, else no letter",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#mappa-and-rosh",
    Basis::VerifiedCode,
    );
    /// Lifer / IPP.
    LIFER = (
    "tier2026.lifer",
    "lifer or IPP (INLL) with a release date: released on or after the date less 1 year B, on or after the date \
     less 5 years D, earlier E; no release date, no letter",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#lifer-and-ipp",
    Basis::VerifiedCode,
    );
    /// Domestic abuse.
    DOMESTIC_ABUSE = (
    "tier2026.domestic_abuse",
    "an active ADVP (domestic abuse perpetrator) or REG30 (domestic abuse history) registration: E",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#registrations-and-sexual-offences",
    Basis::VerifiedCode,
    );
    /// Stalking.
    STALKING = (
    "tier2026.stalking",
    "an active SPO (stalking) registration: F",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#registrations-and-sexual-offences",
    Basis::VerifiedCode,
    );
    /// Child protection.
    CHILD_PROTECTION = (
    "tier2026.child_protection",
    "an active RCPR (child protection) registration: F",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#registrations-and-sexual-offences",
    Basis::VerifiedCode,
    );
    /// Sexual offence history.
    SEXUAL_OFFENCE = (
    "tier2026.sexual_offence",
    "the person has ever committed a sexual offence (OASys sexually-motivated-offence question): E",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#registrations-and-sexual-offences",
    Basis::VerifiedCode,
    );
    /// The maximum.
    HIGHEST = (
    "tier2026.highest",
    "the tier is the highest letter of the steps (A highest); a step with no letter counts as G",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#the-tier-is-the-highest-letter",
    Basis::VerifiedCode,
    );
    /// Provisional: static predictors.
    PROVISIONAL_STATIC = (
    "tier2026.provisional.static",
    "provisional (static predictors): with W the highest letter of every step but reoffending, ARP and CSRP both \
     static and W below A; only ARP static and W below the 90 column of the CSRP's row; only CSRP static and W \
     below the 6.9 row of the ARP's column",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#provisional",
    Basis::VerifiedCode,
    );
    /// Provisional: no RoSH.
    PROVISIONAL_MISSING_ROSH = (
    "tier2026.provisional.missing_rosh",
    "provisional (no RoSH registration): with W2 the highest letter of every step but MAPPA-and-RoSH (and but \
     reoffending unless ARP and CSRP are both dynamic), W2 below A with a MAPPA category, below C without",
    "ministryofjustice/hmpps-tier @affac98a service/calculation (v3); docs/rules/tier-2026.md#provisional",
    Basis::VerifiedCode,
    );
}
