//! Events (convictions) and their sentences.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Length, Requirement};

/// The kind of custodial sentence, as far as the release arithmetic cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustodyKind {
    /// Standard determinate sentence: release at the halfway point (CRD).
    #[default]
    StandardDeterminate,
    /// Extended determinate sentence: no post-sentence supervision.
    Extended,
    /// Life or IPP: no fixed release or expiry date.
    Life,
}

/// A sentence (disposal). One per event.
///
/// On the wire it is an object whose `type` field says which kind (`community_order`,
/// `suspended_sentence_order`, `custody`) and whose other fields are that kind's. Decoding is fastest, and errors
/// inside the sentence name their full path (`events[0].sentence.requirements[1].hours`), when `type` comes first,
/// as this library always writes it; any order is accepted.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Sentence {
    /// Community order: at most 3 years, at least one requirement.
    CommunityOrder {
        /// Length of the order.
        length: Length,
        /// Requirements.
        #[serde(default)]
        requirements: Vec<Requirement>,
    },
    /// Suspended sentence order.
    SuspendedSentenceOrder {
        /// The suspended custodial term (14 days – 2 years).
        custodial_term: Length,
        /// Operational period (6 months – 2 years).
        operational_period: Length,
        /// Supervision period (6 months – 2 years, never longer than the operational period); absent when the
        /// order has no community requirements.
        supervision_period: Option<Length>,
        /// Requirements.
        #[serde(default)]
        requirements: Vec<Requirement>,
    },
    /// Custody followed by licence (and, where it applies, post-sentence supervision).
    Custody {
        /// Length of the custodial sentence.
        length: Length,
        /// Kind of custodial sentence.
        #[serde(default)]
        kind: CustodyKind,
        /// Days spent on remand, deducted from the release date.
        #[serde(default)]
        remand_days: u32,
        /// Tagged-bail credit days, deducted from the release date.
        #[serde(default)]
        tagged_bail_days: u32,
        /// Actual release date, once released.
        release_date: Option<NaiveDate>,
    },
}

// Deserialisation by hand: serde's derive for internally tagged enums buffers the whole object before choosing
// the variant, which is slow and loses the field path of any error inside it. Here the variant's fields are read
// straight from the map once `type` is known; only when `type` is not the first key is the object buffered.
mod de {
    use std::fmt;

    use chrono::NaiveDate;
    use serde::de::value::MapAccessDeserializer;
    use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

    use super::{CustodyKind, Length, Requirement, Sentence, SentenceType};
    use crate::interchange::ObjectsOnly;

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct CommunityOrder {
        length: Length,
        #[serde(default)]
        requirements: Vec<Requirement>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SuspendedSentenceOrder {
        custodial_term: Length,
        operational_period: Length,
        #[serde(default)]
        supervision_period: Option<Length>,
        #[serde(default)]
        requirements: Vec<Requirement>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Custody {
        length: Length,
        #[serde(default)]
        kind: CustodyKind,
        #[serde(default)]
        remand_days: u32,
        #[serde(default)]
        tagged_bail_days: u32,
        #[serde(default, deserialize_with = "crate::model::date::de_opt")]
        release_date: Option<NaiveDate>,
    }

    impl From<CommunityOrder> for Sentence {
        fn from(v: CommunityOrder) -> Self {
            Sentence::CommunityOrder {
                length: v.length,
                requirements: v.requirements,
            }
        }
    }
    impl From<SuspendedSentenceOrder> for Sentence {
        fn from(v: SuspendedSentenceOrder) -> Self {
            Sentence::SuspendedSentenceOrder {
                custodial_term: v.custodial_term,
                operational_period: v.operational_period,
                supervision_period: v.supervision_period,
                requirements: v.requirements,
            }
        }
    }
    impl From<Custody> for Sentence {
        fn from(v: Custody) -> Self {
            Sentence::Custody {
                length: v.length,
                kind: v.kind,
                remand_days: v.remand_days,
                tagged_bail_days: v.tagged_bail_days,
                release_date: v.release_date,
            }
        }
    }

    fn fields<'de, D: Deserializer<'de>>(t: SentenceType, d: D) -> Result<Sentence, D::Error> {
        Ok(match t {
            SentenceType::CommunityOrder => CommunityOrder::deserialize(d)?.into(),
            SentenceType::SuspendedSentenceOrder => SuspendedSentenceOrder::deserialize(d)?.into(),
            SentenceType::Custody => Custody::deserialize(d)?.into(),
        })
    }

    /// The first key of a sentence object: `type` (the fast path, no allocation) or another key.
    enum FirstKey {
        Type,
        Other(String),
    }

    impl<'de> Deserialize<'de> for FirstKey {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl Visitor<'_> for V {
                type Value = FirstKey;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a field name")
                }
                fn visit_str<E: de::Error>(self, s: &str) -> Result<FirstKey, E> {
                    Ok(if s == "type" {
                        FirstKey::Type
                    } else {
                        FirstKey::Other(s.to_owned())
                    })
                }
            }
            d.deserialize_identifier(V)
        }
    }

    struct SentenceVisitor;

    impl<'de> Visitor<'de> for SentenceVisitor {
        type Value = Sentence;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a sentence object with a `type`")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sentence, A::Error> {
            let Some(first) = map.next_key::<FirstKey>()? else {
                return Err(de::Error::missing_field("type"));
            };
            let first = match first {
                FirstKey::Type => {
                    let t: SentenceType = map.next_value()?;
                    return fields(t, MapAccessDeserializer::new(map));
                }
                FirstKey::Other(k) => k,
            };
            // `type` is not first: buffer the object, then read it.
            let mut rest = serde_json::Map::new();
            let v: serde_json::Value = map.next_value()?;
            rest.insert(first, v);
            while let Some((k, v)) = map.next_entry::<String, serde_json::Value>()? {
                if rest.contains_key(&k) {
                    // The key is not repeated: an unknown key is input, and may be personal data.
                    return Err(de::Error::custom("duplicate field"));
                }
                rest.insert(k, v);
            }
            let t = rest
                .remove("type")
                .ok_or_else(|| de::Error::missing_field("type"))?;
            let t = SentenceType::deserialize(t).map_err(de::Error::custom)?;
            // Structs from objects only, as everywhere else (`interchange::ObjectsOnly`): a buffered value would
            // otherwise read `"length": [0, 12]` by position.
            fields(t, ObjectsOnly(serde_json::Value::Object(rest))).map_err(de::Error::custom)
        }
    }

    impl<'de> Deserialize<'de> for Sentence {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_map(SentenceVisitor)
        }
    }
}

/// Which kind of sentence, without its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SentenceType {
    /// Community order.
    CommunityOrder,
    /// Suspended sentence order.
    SuspendedSentenceOrder,
    /// Custody.
    Custody,
}

impl Sentence {
    /// The kind of sentence.
    pub const fn sentence_type(&self) -> SentenceType {
        match self {
            Sentence::CommunityOrder { .. } => SentenceType::CommunityOrder,
            Sentence::SuspendedSentenceOrder { .. } => SentenceType::SuspendedSentenceOrder,
            Sentence::Custody { .. } => SentenceType::Custody,
        }
    }
    /// The requirements (empty for custody).
    pub fn requirements(&self) -> &[Requirement] {
        match self {
            Sentence::CommunityOrder { requirements, .. }
            | Sentence::SuspendedSentenceOrder { requirements, .. } => requirements,
            Sentence::Custody { .. } => &[],
        }
    }
    /// True for a custodial sentence.
    pub const fn is_custodial(&self) -> bool {
        matches!(self, Sentence::Custody { .. })
    }
}

/// An event: one conviction and its sentence.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Date of the (first) offence.
    pub offence_date: NaiveDate,
    /// Date of conviction; defaults to the sentence date.
    pub conviction_date: Option<NaiveDate>,
    /// Date of sentence.
    pub sentence_date: NaiveDate,
    /// Date the case was allocated to a provider, once it was.
    pub allocation_date: Option<NaiveDate>,
    /// Date the event was terminated (order ended early, revoked, or completed), if it was.
    pub termination_date: Option<NaiveDate>,
    /// The sentence.
    pub sentence: Sentence,
    /// The Home Office offence code of the (principal) offence: 5 digits, a 3-digit category and a 2-digit
    /// sub-category (read by OGRS3).
    pub offence_code: Option<String>,
    /// The offence's actuarial category (read by ARP; the code-to-category map is not public).
    pub actuarial_category: Option<crate::predictors::ActuarialCategory>,
}

impl Event {
    /// The conviction date, defaulting to the sentence date.
    pub fn conviction_date(&self) -> NaiveDate {
        self.conviction_date.unwrap_or(self.sentence_date)
    }
    /// True when the event is not terminated on `on`.
    pub fn is_active_on(&self, on: NaiveDate) -> bool {
        self.sentence_date <= on && self.termination_date.is_none_or(|t| t > on)
    }
}
