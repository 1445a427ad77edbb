//! One entry point over the three case shapes: a shape named as the CLI's `--from` names it
//! (`tier-details`, `community-api`, `integration-api`) to and from a case, for bindings that take the shape
//! as a string (`probation.from_ndelius`, Kotlin `fromNdelius`).

use chrono::NaiveDate;

use super::{RecordError, community_api, integration_api, tier_details};
use crate::model::Case;

/// A record shape that maps to a whole case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordShape {
    /// tier-to-delius `tier-details` (the CRN from the URL, or a `crn` member on a JSON Lines line).
    TierDetails,
    /// The community-api bundle `{"offender", "convictions", "registrations", "contacts", "nsis"}`.
    CommunityApi,
    /// The Integration API bundle `{"crn", "caseDetails", "supervisions", "registrations"}`.
    IntegrationApi,
}

impl RecordShape {
    /// Every shape, in the order the docs list them.
    pub const ALL: [RecordShape; 3] = [
        RecordShape::TierDetails,
        RecordShape::CommunityApi,
        RecordShape::IntegrationApi,
    ];

    /// The shape's name as the CLI's `--from` takes it.
    pub const fn name(self) -> &'static str {
        match self {
            RecordShape::TierDetails => "tier-details",
            RecordShape::CommunityApi => "community-api",
            RecordShape::IntegrationApi => "integration-api",
        }
    }

    /// The shape named `name` (`_` may stand for `-`); any other name is `unknown_code` at `shape`.
    pub fn parse(name: &str) -> Result<Self, RecordError> {
        Self::ALL
            .into_iter()
            .find(|s| s.name() == name || s.name().replace('-', "_") == name)
            .ok_or_else(|| RecordError::unknown("shape", name))
    }
}

fn refused(path: &str, reason: &str) -> RecordError {
    RecordError::invalid(path, reason)
}

/// A document of `shape` → a case (not validated). tier-details needs `on` (the calculation date) and takes
/// the CRN from `crn`, else from the document's `crn` member; community-api and the Integration API carry
/// their CRN, so `crn` is refused for them, and read no `on`.
///
/// ```
/// use probation_core::records::{RecordShape, from_ndelius};
/// let on = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
/// let doc = r#"{"gender": "Male", "registrations": [], "convictions": [], "previousEnforcementActivity": false, "hasActiveEvent": false}"#;
/// let case = from_ndelius(RecordShape::TierDetails, doc, Some("X320741"), Some(on)).unwrap();
/// assert_eq!(case.person.crn.as_str(), "X320741");
/// let err = from_ndelius(RecordShape::TierDetails, doc, Some("X320741"), None).unwrap_err();
/// assert_eq!((err.kind(), err.path()), ("invalid", "on"));
/// ```
pub fn from_ndelius(
    shape: RecordShape,
    json: &str,
    crn: Option<&str>,
    on: Option<NaiveDate>,
) -> Result<Case, RecordError> {
    match (shape, crn) {
        (RecordShape::TierDetails, _) => {
            let on = on.ok_or_else(|| refused("on", "tier-details needs the calculation date"))?;
            match crn {
                Some(crn) => tier_details::tier_details_to_case(json, crn, on),
                None => tier_details::tier_details_line_to_case(json, on),
            }
        }
        (_, Some(_)) => Err(refused("crn", "this shape carries its own crn")),
        (RecordShape::CommunityApi, None) => community_api::community_api_to_case(json),
        (RecordShape::IntegrationApi, None) => integration_api::integration_api_to_case(json),
    }
}

/// A case → a document of `shape` (JSON text). tier-details and the Integration API are written as on `on`
/// (required for them); tier-details is the JSON Lines form, carrying `crn`.
///
/// ```
/// use probation_core::records::{RecordShape, from_ndelius, to_ndelius};
/// let doc = r#"{"gender": "Female", "registrations": [], "convictions": [], "previousEnforcementActivity": false, "hasActiveEvent": false}"#;
/// let on = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
/// let case = from_ndelius(RecordShape::TierDetails, doc, Some("X320741"), on).unwrap();
/// let line = to_ndelius(RecordShape::TierDetails, &case, on).unwrap();
/// assert_eq!(from_ndelius(RecordShape::TierDetails, &line, None, on).unwrap(), case);
/// ```
pub fn to_ndelius(
    shape: RecordShape,
    case: &Case,
    on: Option<NaiveDate>,
) -> Result<String, RecordError> {
    let dated = || on.ok_or_else(|| refused("on", "this shape is written as on a date"));
    Ok(match shape {
        RecordShape::TierDetails => tier_details::tier_details_line_from_case(case, dated()?),
        RecordShape::CommunityApi => community_api::community_api_from_case(case),
        RecordShape::IntegrationApi => integration_api::integration_api_from_case(case, dated()?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_and_unknown_names_are_refused_without_echo() {
        for s in RecordShape::ALL {
            assert_eq!(RecordShape::parse(s.name()), Ok(s));
            assert_eq!(RecordShape::parse(&s.name().replace('-', "_")), Ok(s));
        }
        let e = RecordShape::parse("Jane Smith 1980-01-01").unwrap_err();
        assert_eq!((e.kind(), e.path()), ("unknown_code", "shape"));
        assert!(!e.to_string().contains("Jane"), "{e}");
    }

    #[test]
    fn crn_is_refused_for_shapes_that_carry_one() {
        for s in [RecordShape::CommunityApi, RecordShape::IntegrationApi] {
            let e = from_ndelius(s, "{}", Some("X320741"), None).unwrap_err();
            assert_eq!((e.kind(), e.path()), ("invalid", "crn"));
            assert!(!e.to_string().contains("X320741"));
        }
    }

    #[test]
    fn dated_exports_need_on() {
        let doc = r#"{"gender": "Male", "registrations": [], "convictions": [], "previousEnforcementActivity": false, "hasActiveEvent": false}"#;
        let on = NaiveDate::from_ymd_opt(2024, 6, 1);
        let case = from_ndelius(RecordShape::TierDetails, doc, Some("X320741"), on).unwrap();
        for s in [RecordShape::TierDetails, RecordShape::IntegrationApi] {
            assert_eq!(to_ndelius(s, &case, None).unwrap_err().path(), "on");
        }
        assert!(to_ndelius(RecordShape::CommunityApi, &case, None).is_ok());
    }
}
