//! Strategies the property tests share (`mod support;` in each): an optional value drawn uniformly from "absent"
//! and a list of values, and the RoSH levels.
#![allow(dead_code, reason = "each test crate uses part of it")]

use std::fmt::Debug;

use probation_core::model::RoshLevel;
use proptest::prelude::*;

/// `None` or one of `values`, each equally likely (as `prop_oneof![Just(None), Just(Some(a)), ...]`).
pub fn none_or<T: Clone + Debug + 'static>(
    values: &[T],
) -> impl Strategy<Value = Option<T>> + use<T> {
    let all: Vec<Option<T>> = std::iter::once(None)
        .chain(values.iter().cloned().map(Some))
        .collect();
    prop::sample::select(all)
}

/// No RoSH, or one of the four levels.
pub fn rosh() -> impl Strategy<Value = Option<RoshLevel>> {
    none_or(&[
        RoshLevel::Low,
        RoshLevel::Medium,
        RoshLevel::High,
        RoshLevel::VeryHigh,
    ])
}
