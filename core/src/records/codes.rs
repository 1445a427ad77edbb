//! The code tables of the records, as cited data. Per table: the codes, what each means here, its source, and
//! what an unknown code does ([`OnUnknown`]). docs/rules/records.md lists them with the same sources.

use serde::Serialize;

use super::RecordError;
use crate::model::{CustodyKind, EnforcementActionKind, RegisterCode, RequirementKind, Sex};

/// What a table does with a code it does not list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OnUnknown {
    /// The code is kept (and read as the table's default).
    Kept,
    /// The code is refused with [`RecordError::UnknownCode`] naming the field and the code.
    Refused,
}

/// One code table: name, source, what an unknown code does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CodeTable {
    /// Stable name, used by [`lookup`].
    pub name: &'static str,
    /// Where the codes come from.
    pub source: &'static str,
    /// What an unknown code does.
    pub on_unknown: OnUnknown,
}

/// Every table, in the order of docs/rules/records.md.
pub const TABLES: &[CodeTable] = &[
    CodeTable {
        name: "sentence_type",
        source: "ministryofjustice/hmpps-tier (mandate for change: sentenceTypeCode NC, SC are custodial); \
                 docs/rules/records.md#sentence-type-codes",
        on_unknown: OnUnknown::Kept,
    },
    CodeTable {
        name: "requirement_category",
        source: "ministryofjustice/hmpps-tier (W and W1 ignored for the mandate; restrictive flag); nDelius \
                 requirement main categories; docs/rules/records.md#requirement-main-categories",
        // Kept when the record carries the restrictive flag (read by it), refused without it (see
        // [`requirement_kind`]); a bare code lookup carries no flag, so it refuses.
        on_unknown: OnUnknown::Kept,
    },
    CodeTable {
        name: "register",
        source: "ministryofjustice/hmpps-tier registers; docs/rules/records.md#register-codes",
        on_unknown: OnUnknown::Kept,
    },
    CodeTable {
        name: "gender",
        source: "ministryofjustice/hmpps-probation-integration-services tier-to-delius TierDetails.gender; \
                 hmpps-tier matches `female` in any letter case; docs/rules/records.md#gender",
        on_unknown: OnUnknown::Refused,
    },
    CodeTable {
        name: "nsi_outcome",
        source: "ministryofjustice/hmpps-probation-integration-services tier-to-delius \
                 previousEnforcementActivity; docs/rules/records.md#nsi-breach-and-recall-outcomes",
        on_unknown: OnUnknown::Kept,
    },
    CodeTable {
        name: "key_date",
        source: "community-api CustodyRelatedKeyDates (ministryofjustice/community-api @fbbaeb1f); \
                 docs/rules/records.md#key-date-codes",
        on_unknown: OnUnknown::Refused,
    },
    CodeTable {
        name: "nomis_sentence_calculation_type",
        source: "ministryofjustice/calculate-release-dates-api @cd827b070 model/external/SentenceCalculationType.kt; \
                 docs/rules/records.md#nomis-sentence-calculation-types",
        on_unknown: OnUnknown::Refused,
    },
    CodeTable {
        name: "length_unit",
        source: "HMPPS Integration API SupervisionResponse sentence lengthUnits; \
                 docs/rules/records.md#length-units",
        on_unknown: OnUnknown::Refused,
    },
];

/// The sentence type codes read as custodial (a mandate for change). Exact match, as hmpps-tier compares.
pub const CUSTODIAL_SENTENCE_TYPES: &[&str] = &["NC", "SC"];

/// True when `code` is a custodial sentence type. Unknown codes are kept and read as non-custodial.
pub fn sentence_type_is_custodial(code: &str) -> bool {
    CUSTODIAL_SENTENCE_TYPES.contains(&code)
}

/// Requirement main categories this library can represent: code, kind, ignored for the mandate.
pub const REQUIREMENT_CATEGORIES: &[(&str, RequirementKind, bool)] = &[
    ("W", RequirementKind::UnpaidWork, true),
    // Order extended (additional unpaid work hours): held as unpaid work; ignored for the mandate like `W`.
    ("W1", RequirementKind::UnpaidWork, true),
    ("F", RequirementKind::RehabilitationActivity, false),
];

/// The kind a requirement main category maps to; `None` for a code the table does not list (refused: the case
/// model holds requirements by kind, and guessing one would change schedules and the mandate).
pub fn requirement_category(code: &str) -> Option<RequirementKind> {
    REQUIREMENT_CATEGORIES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, k, _)| *k)
}

/// The kind of a requirement read from a record: its main category `code` at `path`, and the record's
/// `restrictive` flag when it carries one (tier-details and community-api do; `flag_path` names it).
///
/// A listed code gives its kind; a flag that disagrees with that kind is refused (unpaid work is exempt: the
/// mandate ignores it whatever its flag). An unlisted code is **kept** when the record carries the flag, as
/// [`RequirementKind::Unlisted`] or [`RequirementKind::UnlistedRestrictive`] by the flag — exactly what the
/// mandate for change reads (hmpps-tier reads the flag, not the category) — and **refused** without one.
///
/// # Errors
/// [`RecordError::UnknownCode`] at `path` for an unlisted code with no flag; [`RecordError::Invalid`] at
/// `flag_path` for a flag that disagrees with a listed code.
pub fn requirement_kind(
    code: &str,
    restrictive: Option<bool>,
    path: impl FnOnce() -> String,
    flag_path: impl FnOnce() -> String,
) -> Result<RequirementKind, RecordError> {
    match (requirement_category(code), restrictive) {
        (Some(kind), Some(flag))
            if kind != RequirementKind::UnpaidWork && flag != kind.is_restrictive() =>
        {
            Err(RecordError::invalid(
                flag_path(),
                "disagrees with the requirement main category",
            ))
        }
        (Some(kind), _) => Ok(kind),
        (None, Some(true)) => Ok(RequirementKind::UnlistedRestrictive),
        (None, Some(false)) => Ok(RequirementKind::Unlisted),
        (None, None) => Err(RecordError::unknown(path(), code)),
    }
}

/// The main category an exported requirement of `kind` is written with, and whether the kind is one of the
/// table's (`None` for the unlisted kinds and kinds no listed code maps to: the export writes no code it did not
/// read).
pub fn requirement_category_of(kind: RequirementKind) -> Option<&'static str> {
    REQUIREMENT_CATEGORIES
        .iter()
        .find(|(_, k, _)| *k == kind)
        .map(|(c, _, _)| *c)
}

/// The register a code maps to: `None` for `HREG` (historic, dropped); any other code is kept, unknown ones as
/// [`RegisterCode::Other`].
pub fn register(code: &str) -> Option<RegisterCode> {
    match RegisterCode::from_code(code) {
        RegisterCode::Hreg => None,
        c => Some(c),
    }
}

/// nDelius gender strings (any letter case, as hmpps-tier matches `female`).
pub const GENDERS: &[(&str, Sex)] = &[
    ("Male", Sex::Male),
    ("Female", Sex::Female),
    ("Not Specified", Sex::NotSpecified),
];

/// The sex a gender string maps to; `None` when unknown (refused).
pub fn gender(s: &str) -> Option<Sex> {
    GENDERS
        .iter()
        .find(|(g, _)| g.eq_ignore_ascii_case(s))
        .map(|(_, sex)| *sex)
}

/// The NSI outcomes that count as breach or recall enforcement activity.
pub const NSI_ENFORCEMENT_OUTCOMES: &[(&str, EnforcementActionKind)] = &[
    ("BRE01", EnforcementActionKind::BreachLaid),
    ("BRE02", EnforcementActionKind::BreachLaid),
    ("BRE03", EnforcementActionKind::BreachLaid),
    ("BRE04", EnforcementActionKind::BreachLaid),
    ("BRE05", EnforcementActionKind::BreachLaid),
    ("BRE06", EnforcementActionKind::BreachLaid),
    ("BRE07", EnforcementActionKind::BreachLaid),
    ("BRE08", EnforcementActionKind::BreachLaid),
    ("BRE10", EnforcementActionKind::BreachLaid),
    ("BRE13", EnforcementActionKind::BreachLaid),
    ("BRE14", EnforcementActionKind::BreachLaid),
    ("BRE16", EnforcementActionKind::BreachLaid),
    ("REC01", EnforcementActionKind::RecallRequested),
    ("REC02", EnforcementActionKind::RecallRequested),
];

/// The enforcement action an NSI outcome counts as; `None` for any other outcome (kept: not enforcement).
pub fn nsi_outcome(code: &str) -> Option<EnforcementActionKind> {
    NSI_ENFORCEMENT_OUTCOMES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, k)| *k)
}

/// nDelius custody key-date codes and what each is.
pub const KEY_DATES: &[(&str, &str)] = &[
    ("LED", "licence expiry date"),
    ("ACR", "automatic (conditional) release date"),
    ("PED", "parole eligibility date"),
    ("SED", "sentence expiry date"),
    ("EXP", "expected release date"),
    ("HDE", "home detention curfew eligibility date"),
    ("PSSED", "post-sentence supervision end date"),
    ("POM1", "POM handover date"),
];

/// What a NOMIS sentence calculation type becomes in the case model's custodial sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NomisMapping {
    /// A custody kind the model holds.
    Custody(CustodyKind),
    /// A sentence the model cannot hold yet (SOPC, fines, DTO, BOTUS, recalls): refused as
    /// [`RecordError::Unsupported`].
    Unsupported,
}

/// NOMIS sentence calculation types (the codes named in docs/rules/records.md#nomis-sentence-calculation-types) and what each becomes. The model holds standard
/// determinate, extended and life custody; the rest are `Unsupported` until the release-dates work lands.
pub const NOMIS_SENTENCE_CALCULATION_TYPES: &[(&str, NomisMapping)] = &[
    (
        "ADIMP",
        NomisMapping::Custody(CustodyKind::StandardDeterminate),
    ),
    (
        "ADIMP_ORA",
        NomisMapping::Custody(CustodyKind::StandardDeterminate),
    ),
    (
        "SEC250",
        NomisMapping::Custody(CustodyKind::StandardDeterminate),
    ),
    (
        "SEC250_ORA",
        NomisMapping::Custody(CustodyKind::StandardDeterminate),
    ),
    (
        "YOI",
        NomisMapping::Custody(CustodyKind::StandardDeterminate),
    ),
    (
        "YOI_ORA",
        NomisMapping::Custody(CustodyKind::StandardDeterminate),
    ),
    ("EDS18", NomisMapping::Custody(CustodyKind::Extended)),
    ("EDS21", NomisMapping::Custody(CustodyKind::Extended)),
    ("LASPO_AR", NomisMapping::Custody(CustodyKind::Extended)),
    ("LASPO_DR", NomisMapping::Custody(CustodyKind::Extended)),
    ("SOPC18", NomisMapping::Unsupported),
    ("SOPC21", NomisMapping::Unsupported),
    ("SEC236A", NomisMapping::Unsupported),
    ("A/FINE", NomisMapping::Unsupported),
    ("DTO", NomisMapping::Unsupported),
    ("BOTUS", NomisMapping::Unsupported),
    ("FTR_14_ORA", NomisMapping::Unsupported),
    ("FTR", NomisMapping::Unsupported),
    ("FTR_ORA", NomisMapping::Unsupported),
    ("FTR_56ORA", NomisMapping::Unsupported),
];

/// The custody kind of a NOMIS sentence calculation type, for the field `path`.
///
/// # Errors
/// [`RecordError::Unsupported`] naming `path` and the code for a listed code the model cannot hold (SOPC, fines,
/// DTO, BOTUS, and every recall `LR_*`/`FTR*`); [`RecordError::UnknownCode`] for a code not listed.
pub fn nomis_sentence_calculation_type(code: &str, path: &str) -> Result<CustodyKind, RecordError> {
    let listed = NOMIS_SENTENCE_CALCULATION_TYPES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, m)| *m)
        .or_else(|| code.starts_with("LR_").then_some(NomisMapping::Unsupported));
    match listed {
        Some(NomisMapping::Custody(k)) => Ok(k),
        Some(NomisMapping::Unsupported) => Err(RecordError::Unsupported {
            path: path.to_owned(),
            code: shown(code),
        }),
        None => Err(RecordError::unknown(path, code)),
    }
}

/// Length units of the HMPPS Integration API and the case-model unit each becomes.
pub const LENGTH_UNITS: &[(&str, &str)] = &[
    ("Hours", "hours"),
    ("Days", "days"),
    ("Weeks", "weeks"),
    ("Months", "months"),
    ("Years", "years"),
];

/// The code as an error may show it: itself when it has the shape of a code (1–16 of `A-Z`, `0-9`, `_`, `/`,
/// `-`), else `<redacted>` (a free-text or personal value in a code field is never echoed).
pub fn shown(code: &str) -> String {
    let ok = !code.is_empty()
        && code.len() <= 16
        && code.bytes().all(|b| {
            b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'_' | b'/' | b'-')
        });
    if ok {
        code.to_owned()
    } else {
        "<redacted>".to_owned()
    }
}

/// What one table makes of one code ([`lookup`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "table", rename_all = "snake_case")]
pub enum CodeReading {
    /// `sentence_type`.
    SentenceType {
        /// Read as custodial.
        custodial: bool,
        /// The table lists the code.
        known: bool,
    },
    /// `requirement_category`.
    RequirementCategory {
        /// The requirement kind.
        kind: RequirementKind,
        /// Ignored for the mandate for change (unpaid work).
        ignored_for_mandate: bool,
    },
    /// `register`.
    Register {
        /// The register kept, `None` when dropped (`HREG`).
        #[serde(skip_serializing_if = "Option::is_none")]
        code: Option<String>,
        /// A register the library knows.
        known: bool,
        /// Dropped (historic).
        dropped: bool,
    },
    /// `gender`.
    Gender {
        /// The case model's sex.
        sex: Sex,
    },
    /// `nsi_outcome`.
    NsiOutcome {
        /// The enforcement action it counts as; `None` when it is not enforcement activity.
        #[serde(skip_serializing_if = "Option::is_none")]
        enforcement: Option<EnforcementActionKind>,
    },
    /// `key_date`.
    KeyDate {
        /// What the date is.
        meaning: String,
    },
    /// `nomis_sentence_calculation_type`.
    NomisSentenceCalculationType {
        /// The custody kind.
        custody_kind: CustodyKind,
    },
    /// `length_unit`.
    LengthUnit {
        /// The case-model unit.
        unit: String,
    },
}

/// Reads `code` with the table named `table` (one of [`TABLES`]).
///
/// # Errors
/// [`RecordError::UnknownCode`] with path `table` for an unknown table name, or with path `code` for a code a
/// refusing table does not list.
pub fn lookup(table: &str, code: &str) -> Result<CodeReading, RecordError> {
    let refuse = || RecordError::unknown("code", code);
    Ok(match table {
        "sentence_type" => CodeReading::SentenceType {
            custodial: sentence_type_is_custodial(code),
            known: sentence_type_is_custodial(code),
        },
        "requirement_category" => {
            let (_, kind, ignored) = REQUIREMENT_CATEGORIES
                .iter()
                .find(|(c, _, _)| *c == code)
                .ok_or_else(refuse)?;
            CodeReading::RequirementCategory {
                kind: *kind,
                ignored_for_mandate: *ignored,
            }
        }
        "register" => {
            let r = register(code);
            CodeReading::Register {
                known: !matches!(RegisterCode::from_code(code), RegisterCode::Other(_)),
                dropped: r.is_none(),
                code: r.map(|c| c.code().to_owned()),
            }
        }
        "gender" => CodeReading::Gender {
            sex: gender(code).ok_or_else(refuse)?,
        },
        "nsi_outcome" => CodeReading::NsiOutcome {
            enforcement: nsi_outcome(code),
        },
        "key_date" => CodeReading::KeyDate {
            meaning: KEY_DATES
                .iter()
                .find(|(c, _)| *c == code)
                .ok_or_else(refuse)?
                .1
                .to_owned(),
        },
        "nomis_sentence_calculation_type" => CodeReading::NomisSentenceCalculationType {
            custody_kind: nomis_sentence_calculation_type(code, "code")?,
        },
        "length_unit" => CodeReading::LengthUnit {
            unit: LENGTH_UNITS
                .iter()
                .find(|(c, _)| *c == code)
                .ok_or_else(refuse)?
                .1
                .to_owned(),
        },
        _ => return Err(RecordError::unknown("table", table)),
    })
}
