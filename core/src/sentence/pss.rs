//! Post-sentence supervision eligibility (Offender Rehabilitation Act 2014; CJA 2003 s.256AA).

use chrono::NaiveDate;
use serde::Serialize;

use super::rules;
use crate::rules::Rule;

/// The date from which post-sentence supervision applies to offences (ORA 2014 commencement).
pub const ORA_COMMENCEMENT: NaiveDate = match NaiveDate::from_ymd_opt(2015, 2, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// A condition of post-sentence supervision that a sentence fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PssCondition {
    /// The offence was committed before 1 February 2015.
    OffenceBeforeOra,
    /// The sentence is of 1 day (or less).
    OneDayOrLess,
    /// The sentence is of 2 years or more.
    TwoYearsOrMore,
    /// The person is under 18 at the end of the requisite custodial period.
    UnderEighteenAtRelease,
    /// The sentence is an extended sentence.
    ExtendedSentence,
    /// The licence period is a year (365 days) or more.
    LicenceYearOrMore,
}

impl PssCondition {
    /// The rule the condition comes from.
    pub const fn rule(self) -> &'static Rule {
        match self {
            PssCondition::OffenceBeforeOra => &rules::PSS_OFFENCE_DATE,
            PssCondition::OneDayOrLess => &rules::PSS_MORE_THAN_ONE_DAY,
            PssCondition::TwoYearsOrMore => &rules::PSS_UNDER_TWO_YEARS,
            PssCondition::UnderEighteenAtRelease => &rules::PSS_ADULT_AT_RELEASE,
            PssCondition::ExtendedSentence => &rules::PSS_NOT_EXTENDED,
            PssCondition::LicenceYearOrMore => &rules::PSS_LICENCE_UNDER_A_YEAR,
        }
    }
}

/// Whether post-sentence supervision applies. Serialised as `{"applies": false, "failed":
/// ["offence_before_ora"]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PssEligibility {
    /// True when every condition holds.
    pub applies: bool,
    /// The conditions that fail, in statutory order (empty when `applies`).
    pub failed: Vec<PssCondition>,
}

/// The facts the conditions are checked on.
pub(super) struct Facts {
    pub offence_date: NaiveDate,
    /// Sentence length in days.
    pub days: u32,
    /// Days of 2 years from the sentence date.
    pub two_years_days: u32,
    /// Age on the release point (CRD after credit).
    pub age_at_release: u32,
    pub extended: bool,
}

/// Checks every condition; all failures are listed.
pub(super) fn eligibility(f: &Facts) -> PssEligibility {
    let licence_days = f.days - f.days.div_ceil(2);
    let checks = [
        (
            f.offence_date < ORA_COMMENCEMENT,
            PssCondition::OffenceBeforeOra,
        ),
        (f.days <= 1, PssCondition::OneDayOrLess),
        (f.days >= f.two_years_days, PssCondition::TwoYearsOrMore),
        (f.age_at_release < 18, PssCondition::UnderEighteenAtRelease),
        (f.extended, PssCondition::ExtendedSentence),
        (licence_days >= 365, PssCondition::LicenceYearOrMore),
    ];
    let failed: Vec<_> = checks
        .iter()
        .filter(|(fails, _)| *fails)
        .map(|(_, c)| *c)
        .collect();
    PssEligibility {
        applies: failed.is_empty(),
        failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts {
            offence_date: ORA_COMMENCEMENT,
            days: 182,
            two_years_days: 731,
            age_at_release: 18,
            extended: false,
        }
    }

    #[test]
    fn boundaries() {
        assert!(eligibility(&facts()).applies);
        type Change = fn(&mut Facts);
        let table: [(Change, &[PssCondition]); 7] = [
            (|f| f.days = 1, &[PssCondition::OneDayOrLess]),
            (|f| f.days = 2, &[]),
            (|f| f.days = 730, &[PssCondition::LicenceYearOrMore]),
            (
                |f| f.days = 731,
                &[
                    PssCondition::TwoYearsOrMore,
                    PssCondition::LicenceYearOrMore,
                ],
            ),
            (
                |f| f.age_at_release = 17,
                &[PssCondition::UnderEighteenAtRelease],
            ),
            (|f| f.extended = true, &[PssCondition::ExtendedSentence]),
            (
                |f| f.offence_date = ORA_COMMENCEMENT.pred_opt().unwrap_or(ORA_COMMENCEMENT),
                &[PssCondition::OffenceBeforeOra],
            ),
        ];
        for (change, want) in table {
            let mut f = facts();
            change(&mut f);
            let e = eligibility(&f);
            assert_eq!(e.failed, want);
            assert_eq!(e.applies, want.is_empty());
        }
    }
}
