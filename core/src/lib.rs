//! # probation-core
//!
//! The rules of probation casework in England & Wales, once: the case model and its validation, the
//! England & Wales working-day calendar, sentence arithmetic, allocation between the NPS and CRCs, tiering,
//! contact schedules and enforcement. Every decision names the [`rules::Rule`]s that produced it and where they
//! come from.
//!
//! ```
//! use probation_core::interchange::decode_case;
//! let json = r#"{"schema_version":1,
//!   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
//!   "events":[{"offence_date":"2016-01-04","sentence_date":"2016-03-01",
//!     "sentence":{"type":"community_order","length":{"months":12},
//!       "requirements":[{"kind":"unpaid_work","hours":120}]}}]}"#;
//! let case = decode_case(json).unwrap();
//! assert!(probation_core::validate::validate(&case).is_ok());
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod allocation;
pub mod audit;
pub mod calendar;
pub mod columns;
pub mod contact;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod flat_lines;
pub mod ids;
pub mod interchange;
pub mod lines;
pub mod model;
pub mod predictors;
pub mod records;
pub mod release;
pub mod rules;
mod schema;
pub mod sentence;
pub mod synth;
pub mod tier;
pub mod tier2026;
pub mod validate;

// The uniffi scaffolding of this crate's own types (feature `uniffi`): the derives on the model and the results
// need this crate's `UniFfiTag`; the Kotlin binding exports the functions (docs/bindings.md).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();
