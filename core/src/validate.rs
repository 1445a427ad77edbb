//! Validation of a decoded case against every rule a single case can break (docs/rules/validation.md).
//!
//! All failures are collected, each with the field path, the rule and a message that never contains a value
//! from the case.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{
    Case, CriminalHistory, Event, Length, Need, Predictors, RegisterCode, Requirement,
    RequirementKind, Sentence,
};

/// Limits on collection sizes, so that memory and work per case stay bounded (see the README's reliability
/// section).
pub mod limits {
    /// Events per case.
    pub const MAX_EVENTS: usize = 200;
    /// Requirements per sentence.
    pub const MAX_REQUIREMENTS: usize = 50;
    /// Registrations per case.
    pub const MAX_REGISTRATIONS: usize = 1_000;
    /// Assessments per case.
    pub const MAX_ASSESSMENTS: usize = 500;
    /// Answers per OASys section.
    pub const MAX_SECTION_ANSWERS: usize = 100;
    /// Contacts per case.
    pub const MAX_CONTACTS: usize = 10_000;
    /// Enforcement actions per case.
    pub const MAX_ENFORCEMENT: usize = 1_000;
}

macro_rules! validation_rules {
    ($($v:ident = $code:literal, $msg:literal, $src:literal;)+) => {
        /// The rule a validation failure broke.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ValidationRule {
            $(#[doc = $msg] $v,)+
        }
        impl ValidationRule {
            /// Every rule.
            pub const ALL: &'static [ValidationRule] = &[$(ValidationRule::$v),+];
            /// Stable snake_case code.
            pub const fn code(self) -> &'static str {
                match self { $(ValidationRule::$v => $code),+ }
            }
            /// What the rule requires, in plain English.
            pub const fn message(self) -> &'static str {
                match self { $(ValidationRule::$v => $msg),+ }
            }
            /// Where the rule comes from.
            pub const fn source(self) -> &'static str {
                match self { $(ValidationRule::$v => $src),+ }
            }
        }
    };
}

validation_rules! {
    DateOutOfRange = "date_out_of_range", "dates must be between 1900-01-01 and 2200-12-31", "probation-core limits; docs/rules/validation.md#limits";
    TooMany = "too_many", "collection is larger than the documented limit", "probation-core limits; docs/rules/validation.md#limits";
    BelowAgeOfResponsibility = "below_age_of_responsibility", "the person must have been at least 10 on the offence date", "[V] Children and Young Persons Act 1933 s.50; docs/rules/validation.md#age-of-criminal-responsibility";
    ConvictionBeforeOffence = "conviction_before_offence", "conviction date must not be before the offence date", "[V] nDelius schema (date order); docs/rules/validation.md#date-order";
    SentenceBeforeConviction = "sentence_before_conviction", "sentence date must not be before the conviction date", "[V] nDelius schema (date order); docs/rules/validation.md#date-order";
    AllocationBeforeSentence = "allocation_before_sentence", "allocation date must not be before the sentence date", "[V] nDelius schema (date order); docs/rules/validation.md#date-order";
    TerminationBeforeSentence = "termination_before_sentence", "termination date must not be before the sentence date", "[V] nDelius schema (date order); docs/rules/validation.md#date-order";
    ReleaseBeforeSentence = "release_before_sentence", "release date must not be before the sentence date", "[V] nDelius schema (date order); docs/rules/validation.md#date-order";
    ZeroLength = "zero_length", "length must be more than zero", "probation-core model; docs/rules/validation.md#limits";
    CommunityOrderTooLong = "community_order_too_long", "a community order lasts at most 3 years", "[V] CJA 2003 s.177(5); Sentencing Code s.209; docs/rules/validation.md#community-orders";
    CommunityOrderWithoutRequirement = "community_order_without_requirement", "a community order must impose at least one requirement", "[V] CJA 2003 s.177(1); Sentencing Code s.204; docs/rules/validation.md#community-orders";
    SsoCustodialTerm = "sso_custodial_term", "a suspended sentence's custodial term is 14 days to 2 years", "[V] CJA 2003 s.189(1); Sentencing Code s.277; docs/rules/validation.md#suspended-sentence-orders";
    SsoOperationalPeriod = "sso_operational_period", "a suspended sentence's operational period is 6 months to 2 years", "[V] CJA 2003 s.189(3); Sentencing Code s.288; docs/rules/validation.md#suspended-sentence-orders";
    SsoSupervisionPeriod = "sso_supervision_period", "a suspended sentence's supervision period is 6 months to 2 years and not longer than the operational period", "[V] CJA 2003 s.189(4); Sentencing Code s.288; docs/rules/validation.md#suspended-sentence-orders";
    SsoSupervisionMissing = "sso_supervision_missing", "a suspended sentence order with requirements needs a supervision period", "[V] CJA 2003 s.189(1A); docs/rules/validation.md#suspended-sentence-orders";
    RequirementFieldMissing = "requirement_field_missing", "this requirement kind needs this field", "[V] Sentencing Code Sch 9; docs/rules/validation.md#requirements";
    RequirementFieldNotApplicable = "requirement_field_not_applicable", "this field does not apply to this requirement kind", "[V] Sentencing Code Sch 9; docs/rules/validation.md#requirements";
    UnpaidWorkHours = "unpaid_work_hours", "unpaid work must be 40 to 300 hours", "[V] CJA 2003 s.199(2); Sentencing Code Sch 9 para 2; docs/rules/validation.md#requirements";
    RarDays = "rar_days", "a rehabilitation activity requirement must set at least 1 day", "[V] CJA 2003 s.200A; docs/rules/validation.md#requirements";
    AttendanceCentreAge = "attendance_centre_age", "an attendance centre requirement is only for people under 25 when convicted", "[V] CJA 2003 s.177(2A); Sentencing Code Sch 9 para 21; docs/rules/validation.md#requirements";
    AttendanceCentreHours = "attendance_centre_hours", "an attendance centre requirement is 12 to 36 hours", "[V] CJA 2003 s.214(2); docs/rules/validation.md#requirements";
    CurfewHours = "curfew_hours", "curfew must be 2 to 16 hours a day (2 to 20, and at most 112 in any 7 days, for convictions from 2022-06-28)", "[V] CJA 2003 s.204(2); [A] PCSC Act 2022 s.152 from 28 June 2022; docs/rules/validation.md#requirements";
    CurfewDaysPerWeek = "curfew_days_per_week", "curfew days per week must be 1 to 7", "probation-core model; docs/rules/validation.md#limits";
    CurfewPeriod = "curfew_period", "a curfew lasts at most 12 months (2 years for convictions from 2022-06-28)", "[V] CJA 2003 s.204(3); [A] PCSC Act 2022 s.152; docs/rules/validation.md#requirements";
    CustodyCreditExceedsSentence = "custody_credit_exceeds_sentence", "remand and tagged-bail days cannot exceed the sentence", "[V-code] calculate-release-dates-api; docs/rules/validation.md#scores-and-credit";
    PercentRange = "percent_range", "a percentage must be a finite number from 0 to 100", "[V-code] ministryofjustice/hmpps-tier; docs/rules/validation.md#scores-and-credit";
    WomensFactorScore = "womens_factor_score", "impulsivity and temper control are scored 0 to 2", "[V-code] OASys section 11; docs/rules/validation.md#scores-and-credit";
    DeregisteredBeforeRegistered = "deregistered_before_registered", "deregistration must not be before registration", "[V] nDelius schema (date order); docs/rules/validation.md#date-order";
    RecordBeforeBirth = "record_before_birth", "a dated record cannot be before the date of birth", "[V] nDelius schema (date order); docs/rules/validation.md#date-order";
    ContactBeforeFirstSentence = "contact_before_first_sentence", "contacts must fall inside the case's life: not before its first sentence", "[V] nDelius schema (date order); docs/rules/validation.md#date-order";
    EventIndex = "event_index", "event index does not refer to an event of this case", "probation-core model; docs/rules/validation.md#limits";
    MappaLevel = "mappa_level", "a MAPPA registration's level is M1, M2 or M3, or M0 (not yet confirmed)", "[V-code] community-api MappaDetailsTransformer (nDelius level M0); docs/rules/validation.md#mappa-codes";
    MappaCategory = "mappa_category", "a MAPPA registration's category is M1 to M4, or X9 (not yet determined)", "[V-code] community-api MappaDetailsTransformer (nDelius category X9); docs/rules/validation.md#mappa-codes";
    DcSrpMediumBelowThreshold = "dc_srp_medium_below_threshold", "a DC-SRP in the medium band must score at least 0.60 (hmpps-tier fails the calculation below it)", "[V-code] hmpps-tier @affac98a v3 sexual reoffending step; docs/rules/tier-2026.md#sexual-reoffending-dc-srp";
    OffenceCodeFormat = "offence_code_format", "a Home Office offence code is 5 digits", "[V-code] hmpps-arns-risk-actuarial-api CommonValidator; docs/rules/predictors.md#from-a-case";
    SanctionCountRange = "sanction_count_range", "total sanctions are 1 to 999 and the age at first sanction 0 to 109", "[V-code] hmpps-arns-risk-actuarial-api CommonValidator; docs/rules/predictors.md#from-a-case";
    SanctionCountsExceedTotal = "sanction_counts_exceed_total", "violent sanctions, and the sexual sanction counts together, cannot exceed total sanctions", "[V-code] hmpps-arns-risk-actuarial-api CommonValidator; docs/rules/predictors.md#from-a-case";
}

impl fmt::Display for ValidationRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One validation failure: where, and which rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationIssue {
    /// Field path, e.g. `events[0].sentence.requirements[2].hours`.
    pub path: String,
    /// The rule broken.
    pub rule: ValidationRule,
}

impl ValidationIssue {
    /// The rule's message.
    pub fn message(&self) -> &'static str {
        self.rule.message()
    }
}

impl fmt::Display for ValidationIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({})",
            self.path,
            self.rule.message(),
            self.rule.code()
        )
    }
}

/// Every failure of one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(transparent)]
pub struct ValidationErrors(pub Vec<ValidationIssue>);

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} validation error(s)", self.0.len())?;
        for i in &self.0 {
            write!(f, "; {i}")?;
        }
        Ok(())
    }
}

const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2200, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};
/// Conviction date from which the Police, Crime, Sentencing and Courts Act 2022 curfew limits apply (\[A\]).
pub const PCSC_CURFEW_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2022, 6, 28) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Validates a case, reporting every failure.
///
/// ```
/// use probation_core::{interchange::decode_case, validate::{validate, ValidationRule}};
/// let case = decode_case(r#"{"schema_version":1,
///   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"female","home_area":"C01"},
///   "events":[{"offence_date":"2016-01-04","sentence_date":"2016-03-01",
///     "sentence":{"type":"community_order","length":{"years":4},
///       "requirements":[{"kind":"unpaid_work","hours":500}]}}]}"#).unwrap();
/// let errs = validate(&case).unwrap_err();
/// let found: Vec<_> = errs.0.iter().map(|e| (e.path.as_str(), e.rule)).collect();
/// assert_eq!(found, [
///     ("events[0].sentence.length", ValidationRule::CommunityOrderTooLong),
///     ("events[0].sentence.requirements[0].hours", ValidationRule::UnpaidWorkHours),
/// ]);
/// ```
pub fn validate(case: &Case) -> Result<(), ValidationErrors> {
    let mut v = Validator { issues: Vec::new() };
    v.case(case);
    if v.issues.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(v.issues))
    }
}

struct Validator {
    issues: Vec<ValidationIssue>,
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, rule: ValidationRule) {
        self.issues.push(ValidationIssue {
            path: path.into(),
            rule,
        });
    }

    fn date(&mut self, path: impl FnOnce() -> String, d: NaiveDate) -> bool {
        if d < MIN_DATE || d > MAX_DATE {
            self.push(path(), ValidationRule::DateOutOfRange);
            return false;
        }
        true
    }

    fn count(&mut self, path: &str, n: usize, max: usize) {
        if n > max {
            self.push(path, ValidationRule::TooMany);
        }
    }

    fn after_birth(&mut self, path: impl FnOnce() -> String, d: NaiveDate, dob: NaiveDate) {
        if d < dob {
            self.push(path(), ValidationRule::RecordBeforeBirth);
        }
    }

    fn percent(&mut self, path: impl FnOnce() -> String, v: Option<f64>) {
        if let Some(x) = v
            && !(x.is_finite() && (0.0..=100.0).contains(&x))
        {
            self.push(path(), ValidationRule::PercentRange);
        }
    }

    fn history(&mut self, h: &CriminalHistory, dob: NaiveDate, dob_ok: bool) {
        let at = |f: &str| format!("criminal_history.{f}");
        if h.total_sanctions.is_some_and(|n| !(1..=999).contains(&n)) {
            self.push(at("total_sanctions"), ValidationRule::SanctionCountRange);
        }
        if h.age_at_first_sanction.is_some_and(|a| a >= 110) {
            self.push(
                at("age_at_first_sanction"),
                ValidationRule::SanctionCountRange,
            );
        }
        if let Some(total) = h.total_sanctions {
            if h.violent_sanctions.is_some_and(|v| v > total) {
                self.push(
                    at("violent_sanctions"),
                    ValidationRule::SanctionCountsExceedTotal,
                );
            }
            let sexual: u64 = [
                h.contact_adult_sexual_sanctions,
                h.contact_child_sexual_sanctions,
                h.non_contact_sexual_offences,
                h.indecent_image_sanctions,
            ]
            .iter()
            .flatten()
            .map(|&c| u64::from(c))
            .sum();
            if sexual > u64::from(total) {
                self.push(
                    at("contact_adult_sexual_sanctions"),
                    ValidationRule::SanctionCountsExceedTotal,
                );
            }
        }
        for (name, d) in [
            ("last_offence_date", h.last_offence_date),
            ("last_sexual_offence_date", h.last_sexual_offence_date),
        ] {
            if let Some(d) = d
                && self.date(|| at(name), d)
                && dob_ok
            {
                self.after_birth(|| at(name), d, dob);
            }
        }
    }

    fn case(&mut self, case: &Case) {
        use limits::*;
        let dob = case.person.date_of_birth;
        let dob_ok = self.date(|| "person.date_of_birth".into(), dob);
        self.count("events", case.events.len(), MAX_EVENTS);
        self.count("registrations", case.registrations.len(), MAX_REGISTRATIONS);
        self.count("assessments", case.assessments.len(), MAX_ASSESSMENTS);
        self.count("contacts", case.contacts.len(), MAX_CONTACTS);
        self.count("enforcement", case.enforcement.len(), MAX_ENFORCEMENT);
        if self
            .issues
            .iter()
            .any(|i| i.rule == ValidationRule::TooMany)
        {
            return; // do not walk oversized collections
        }

        for (i, e) in case.events.iter().enumerate() {
            self.event(case, i, e, dob_ok);
            if let Some(code) = &e.offence_code
                && !(code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()))
            {
                self.push(
                    format!("events[{i}].offence_code"),
                    ValidationRule::OffenceCodeFormat,
                );
            }
        }
        if let Some(h) = &case.criminal_history {
            self.history(h, dob, dob_ok);
        }

        for (i, r) in case.registrations.iter().enumerate() {
            let ok = self.date(|| format!("registrations[{i}].registered"), r.registered);
            if ok && dob_ok {
                self.after_birth(
                    || format!("registrations[{i}].registered"),
                    r.registered,
                    dob,
                );
            }
            if let Some(d) = r.deregistered
                && self.date(|| format!("registrations[{i}].deregistered"), d)
                && ok
                && d < r.registered
            {
                self.push(
                    format!("registrations[{i}].deregistered"),
                    ValidationRule::DeregisteredBeforeRegistered,
                );
            }
            if r.code == RegisterCode::Mapp {
                // nDelius's own codes only: a level or category it cannot hold is an error of the input, not
                // a registration for tiering to skip. `M0` and `X9` are nDelius's "not yet decided" codes:
                // valid, and read as no level / no category.
                if r.level.as_deref().is_some_and(|l| l != "M0") && r.mappa_level().is_none() {
                    self.push(
                        format!("registrations[{i}].level"),
                        ValidationRule::MappaLevel,
                    );
                }
                if r.category.as_deref().is_some_and(|c| c != "X9") && r.mappa_category().is_none()
                {
                    self.push(
                        format!("registrations[{i}].category"),
                        ValidationRule::MappaCategory,
                    );
                }
            }
        }

        for (i, a) in case.assessments.iter().enumerate() {
            if self.date(|| format!("assessments[{i}].date"), a.date) && dob_ok {
                self.after_birth(|| format!("assessments[{i}].date"), a.date, dob);
            }
            self.percent(|| format!("assessments[{i}].rsr"), a.rsr);
            self.percent(|| format!("assessments[{i}].ogrs"), a.ogrs);
            if let Some(p) = &a.predictors {
                self.predictors(i, p);
            }
            for (area, answers) in &a.section_answers {
                if answers.len() > MAX_SECTION_ANSWERS {
                    let area = serde_json::to_value(area)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned));
                    self.push(
                        format!(
                            "assessments[{i}].section_answers.{}",
                            area.unwrap_or_default()
                        ),
                        ValidationRule::TooMany,
                    );
                }
            }
            if let Some(w) = &a.womens_factors {
                if w.impulsivity > 2 {
                    self.push(
                        format!("assessments[{i}].womens_factors.impulsivity"),
                        ValidationRule::WomensFactorScore,
                    );
                }
                if w.temper_control > 2 {
                    self.push(
                        format!("assessments[{i}].womens_factors.temper_control"),
                        ValidationRule::WomensFactorScore,
                    );
                }
            }
        }

        self.percent(|| "person.rsr".into(), case.person.rsr);
        self.percent(|| "person.ogrs".into(), case.person.ogrs);
        if let Some(d) = case.latest_release_date
            && self.date(|| "latest_release_date".into(), d)
            && dob_ok
        {
            self.after_birth(|| "latest_release_date".into(), d, dob);
        }

        let first_sentence = case.events.iter().map(|e| e.sentence_date).min();
        let n_events = case.events.len();
        for (i, c) in case.contacts.iter().enumerate() {
            if !self.date(|| format!("contacts[{i}].date"), c.date) {
                continue;
            }
            if first_sentence.is_some_and(|f| c.date < f) {
                self.push(
                    format!("contacts[{i}].date"),
                    ValidationRule::ContactBeforeFirstSentence,
                );
            }
            if c.event
                .is_some_and(|e| usize::try_from(e).map_or(true, |e| e >= n_events))
            {
                self.push(format!("contacts[{i}].event"), ValidationRule::EventIndex);
            }
        }
        for (i, a) in case.enforcement.iter().enumerate() {
            if !self.date(|| format!("enforcement[{i}].date"), a.date) {
                continue;
            }
            if first_sentence.is_some_and(|f| a.date < f) {
                self.push(
                    format!("enforcement[{i}].date"),
                    ValidationRule::ContactBeforeFirstSentence,
                );
            }
            if a.event
                .is_some_and(|e| usize::try_from(e).map_or(true, |e| e >= n_events))
            {
                self.push(
                    format!("enforcement[{i}].event"),
                    ValidationRule::EventIndex,
                );
            }
        }
    }

    fn predictors(&mut self, i: usize, p: &Predictors) {
        let all = [
            ("arp", p.arp),
            ("csrp", p.csrp),
            ("dc_srp", p.dc_srp),
            ("vrp", p.vrp),
            ("svrp", p.svrp),
            ("iic_srp", p.iic_srp),
        ];
        for (name, v) in all {
            self.percent(
                || format!("assessments[{i}].predictors.{name}.score"),
                v.map(|v| v.score),
            );
        }
        if let Some(dc) = p.dc_srp
            && crate::tier2026::dc_srp_medium_below_threshold(&dc)
        {
            self.push(
                format!("assessments[{i}].predictors.dc_srp.score"),
                ValidationRule::DcSrpMediumBelowThreshold,
            );
        }
    }

    fn event(&mut self, case: &Case, i: usize, e: &Event, dob_ok: bool) {
        let p = |f: &str| format!("events[{i}].{f}");
        let mut ok = self.date(|| p("offence_date"), e.offence_date);
        ok &= self.date(|| p("sentence_date"), e.sentence_date);
        if let Some(c) = e.conviction_date {
            ok &= self.date(|| p("conviction_date"), c);
        }
        for (field, d) in [
            ("allocation_date", e.allocation_date),
            ("termination_date", e.termination_date),
        ] {
            if let Some(d) = d {
                ok &= self.date(|| p(field), d);
            }
        }
        if let Sentence::Custody {
            release_date: Some(r),
            ..
        } = &e.sentence
        {
            ok &= self.date(|| p("sentence.release_date"), *r);
        }
        if !ok {
            return; // date arithmetic below needs in-range dates
        }
        if dob_ok && case.person.age_on(e.offence_date) < 10 {
            self.push(p("offence_date"), ValidationRule::BelowAgeOfResponsibility);
        }
        let conviction = e.conviction_date();
        if conviction < e.offence_date {
            self.push(
                p(if e.conviction_date.is_some() {
                    "conviction_date"
                } else {
                    "sentence_date"
                }),
                ValidationRule::ConvictionBeforeOffence,
            );
        }
        if e.conviction_date.is_some() && e.sentence_date < conviction {
            self.push(p("sentence_date"), ValidationRule::SentenceBeforeConviction);
        }
        if e.allocation_date.is_some_and(|a| a < e.sentence_date) {
            self.push(
                p("allocation_date"),
                ValidationRule::AllocationBeforeSentence,
            );
        }
        if e.termination_date.is_some_and(|t| t < e.sentence_date) {
            self.push(
                p("termination_date"),
                ValidationRule::TerminationBeforeSentence,
            );
        }
        let start = e.sentence_date;
        match &e.sentence {
            Sentence::CommunityOrder {
                length,
                requirements,
            } => {
                if length.is_zero() {
                    self.push(p("sentence.length"), ValidationRule::ZeroLength);
                } else if !within(length, start, &Length::years(3)) {
                    self.push(p("sentence.length"), ValidationRule::CommunityOrderTooLong);
                }
                if requirements.is_empty() {
                    self.push(
                        p("sentence.requirements"),
                        ValidationRule::CommunityOrderWithoutRequirement,
                    );
                }
                self.requirements(case, i, e, requirements);
            }
            Sentence::SuspendedSentenceOrder {
                custodial_term,
                operational_period,
                supervision_period,
                requirements,
            } => {
                if !at_least(custodial_term, start, &Length::days(14))
                    || !within(custodial_term, start, &Length::years(2))
                {
                    self.push(
                        p("sentence.custodial_term"),
                        ValidationRule::SsoCustodialTerm,
                    );
                }
                let six_months = Length::months(6);
                let two_years = Length::years(2);
                if !at_least(operational_period, start, &six_months)
                    || !within(operational_period, start, &two_years)
                {
                    self.push(
                        p("sentence.operational_period"),
                        ValidationRule::SsoOperationalPeriod,
                    );
                }
                match supervision_period {
                    Some(s)
                        if !at_least(s, start, &six_months)
                            || !within(s, start, &two_years)
                            || !within(s, start, operational_period) =>
                    {
                        self.push(
                            p("sentence.supervision_period"),
                            ValidationRule::SsoSupervisionPeriod,
                        );
                    }
                    Some(_) => {}
                    None if !requirements.is_empty() => {
                        self.push(
                            p("sentence.supervision_period"),
                            ValidationRule::SsoSupervisionMissing,
                        );
                    }
                    None => {}
                }
                self.requirements(case, i, e, requirements);
            }
            Sentence::Custody {
                length,
                remand_days,
                tagged_bail_days,
                release_date,
                ..
            } => {
                if length.is_zero() {
                    self.push(p("sentence.length"), ValidationRule::ZeroLength);
                } else if let Some(days) = length.days_from(start)
                    && u64::from(*remand_days) + u64::from(*tagged_bail_days) > u64::from(days)
                {
                    self.push(
                        p("sentence.remand_days"),
                        ValidationRule::CustodyCreditExceedsSentence,
                    );
                }
                if release_date.is_some_and(|r| r < start) {
                    self.push(
                        p("sentence.release_date"),
                        ValidationRule::ReleaseBeforeSentence,
                    );
                }
            }
        }
    }

    fn requirements(&mut self, case: &Case, i: usize, e: &Event, reqs: &[Requirement]) {
        if reqs.len() > limits::MAX_REQUIREMENTS {
            self.push(
                format!("events[{i}].sentence.requirements"),
                ValidationRule::TooMany,
            );
            return;
        }
        let conviction = e.conviction_date();
        let pcsc = conviction >= PCSC_CURFEW_FROM;
        for (j, r) in reqs.iter().enumerate() {
            let p = |f: &str| format!("events[{i}].sentence.requirements[{j}].{f}");
            let fields = r.kind.fields();
            let check = |v: &mut Self, need: Need, present: bool, name: &str| match (need, present)
            {
                (Need::Required, false) => v.push(p(name), ValidationRule::RequirementFieldMissing),
                (Need::No, true) => v.push(p(name), ValidationRule::RequirementFieldNotApplicable),
                _ => {}
            };
            check(self, fields.hours, r.hours.is_some(), "hours");
            check(self, fields.days, r.days.is_some(), "days");
            check(
                self,
                fields.curfew,
                r.hours_per_day.is_some(),
                "hours_per_day",
            );
            if fields.curfew == Need::No {
                check(self, Need::No, r.days_per_week.is_some(), "days_per_week");
            }
            check(self, fields.length, r.length.is_some(), "length");
            if let Some(t) = r.terminated
                && self.date(|| p("terminated"), t)
                && t < e.sentence_date
            {
                self.push(p("terminated"), ValidationRule::TerminationBeforeSentence);
            }
            match r.kind {
                RequirementKind::UnpaidWork => {
                    if r.hours.is_some_and(|h| !(40..=300).contains(&h)) {
                        self.push(p("hours"), ValidationRule::UnpaidWorkHours);
                    }
                }
                RequirementKind::RehabilitationActivity => {
                    if r.days == Some(0) {
                        self.push(p("days"), ValidationRule::RarDays);
                    }
                }
                RequirementKind::AttendanceCentre => {
                    if case.person.age_on(conviction) >= 25 {
                        self.push(p("kind"), ValidationRule::AttendanceCentreAge);
                    }
                    if r.hours.is_some_and(|h| !(12..=36).contains(&h)) {
                        self.push(p("hours"), ValidationRule::AttendanceCentreHours);
                    }
                }
                RequirementKind::Curfew => {
                    let days_per_week = r.days_per_week.unwrap_or(7);
                    if !(1..=7).contains(&days_per_week) {
                        self.push(p("days_per_week"), ValidationRule::CurfewDaysPerWeek);
                    }
                    if let Some(h) = r.hours_per_day {
                        let max = if pcsc { 20 } else { 16 };
                        let weekly = u32::from(h) * u32::from(days_per_week.min(7));
                        if !(2..=max).contains(&h) || (pcsc && weekly > 112) {
                            self.push(p("hours_per_day"), ValidationRule::CurfewHours);
                        }
                    }
                    if let Some(l) = &r.length {
                        let max = if pcsc {
                            Length::years(2)
                        } else {
                            Length::months(12)
                        };
                        if l.is_zero() {
                            self.push(p("length"), ValidationRule::ZeroLength);
                        } else if !within(l, e.sentence_date, &max) {
                            self.push(p("length"), ValidationRule::CurfewPeriod);
                        }
                    }
                }
                _ => {
                    if r.length.is_some_and(|l| l.is_zero()) {
                        self.push(p("length"), ValidationRule::ZeroLength);
                    }
                }
            }
        }
    }
}

/// True when a term of `len` from `start` ends no later than a term of `max` from `start`.
fn within(len: &Length, start: NaiveDate, max: &Length) -> bool {
    match (len.end_date(start), max.end_date(start)) {
        (Some(a), Some(b)) => a <= b,
        _ => false,
    }
}

/// True when a term of `len` from `start` ends no earlier than a term of `min` from `start`.
fn at_least(len: &Length, start: NaiveDate, min: &Length) -> bool {
    match (len.end_date(start), min.end_date(start)) {
        (Some(a), Some(b)) => a >= b,
        _ => false,
    }
}
