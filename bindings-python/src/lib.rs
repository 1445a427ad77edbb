//! The native module `probation._probation`: a thin pyo3 layer over `probation-core`.
//!
//! All rules live in core; this crate converts types (Python objects ↔ core's interchange types, columns ↔
//! core's flat inputs) and errors (mapped in one place, [`errors`]). No panic crosses into Python
//! ([`guard`]). The public, documented package is `python/probation`.

use pyo3::prelude::*;

mod allocation;
mod arrow_table;
mod audit;
mod calendar;
mod calendar_columns;
mod call;
mod case;
mod columnar;
mod contact;
mod convert;
mod errors;
mod guard;
mod policy;
mod predictor_columns;
mod predictors;
mod read_cases;
mod records;
mod release;
mod sentence;
mod synth;

/// Panics inside the boundary guard, to test that no panic reaches Python as a `PanicException`.
#[pyfunction]
fn _panic_for_test() -> PyResult<u8> {
    guard::guard(|| {
        let v: Vec<u8> = std::hint::black_box(Vec::new());
        #[allow(
            clippy::indexing_slicing,
            reason = "deliberate panic for the boundary test"
        )]
        Ok(v[7])
    })
}

#[pymodule]
fn _probation(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<case::PyCase>()?;
    m.add_function(wrap_pyfunction!(case::validate_case, m)?)?;
    m.add_class::<policy::PyAllocationPolicy>()?;
    m.add_function(wrap_pyfunction!(allocation::allocate, m)?)?;
    m.add_function(wrap_pyfunction!(allocation::allocate_many, m)?)?;
    m.add_function(wrap_pyfunction!(allocation::escalation, m)?)?;
    m.add_function(wrap_pyfunction!(allocation::escalation_history, m)?)?;
    m.add_function(wrap_pyfunction!(allocation::tier_one, m)?)?;
    m.add_function(wrap_pyfunction!(allocation::tier_many, m)?)?;
    m.add_function(wrap_pyfunction!(allocation::tier_2026, m)?)?;
    m.add_function(wrap_pyfunction!(allocation::tiers, m)?)?;
    m.add_class::<calendar::PyCalendar>()?;
    m.add_class::<contact::PyContactPolicy>()?;
    m.add_function(wrap_pyfunction!(contact::schedule, m)?)?;
    m.add_function(wrap_pyfunction!(contact::compliance, m)?)?;
    m.add_function(wrap_pyfunction!(sentence::sentence_dates, m)?)?;
    m.add_function(wrap_pyfunction!(release::release_dates, m)?)?;
    m.add_function(wrap_pyfunction!(records::tier_details_to_case, m)?)?;
    m.add_function(wrap_pyfunction!(records::tier_details_from_case, m)?)?;
    m.add_function(wrap_pyfunction!(records::community_api_to_case, m)?)?;
    m.add_function(wrap_pyfunction!(records::community_api_from_case, m)?)?;
    m.add_function(wrap_pyfunction!(records::integration_api_to_case, m)?)?;
    m.add_function(wrap_pyfunction!(records::integration_api_from_case, m)?)?;
    m.add_function(wrap_pyfunction!(records::tier_forms, m)?)?;
    m.add_function(wrap_pyfunction!(records::code_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(records::recompute_for, m)?)?;
    m.add_function(wrap_pyfunction!(records::recompute_for_event, m)?)?;
    m.add_function(wrap_pyfunction!(records::tier_changed_events, m)?)?;
    m.add_function(wrap_pyfunction!(records::from_ndelius, m)?)?;
    m.add_function(wrap_pyfunction!(records::to_ndelius, m)?)?;
    m.add_function(wrap_pyfunction!(records::key_dates, m)?)?;
    m.add_function(wrap_pyfunction!(release::release_law, m)?)?;
    m.add_function(wrap_pyfunction!(predictors::ogrs3, m)?)?;
    m.add_function(wrap_pyfunction!(predictors::arp, m)?)?;
    m.add_function(wrap_pyfunction!(predictors::dc_srp, m)?)?;
    m.add_function(wrap_pyfunction!(predictors::vrp, m)?)?;
    m.add_function(wrap_pyfunction!(predictors::svrp, m)?)?;
    m.add_function(wrap_pyfunction!(predictors::iic_srp, m)?)?;
    m.add_function(wrap_pyfunction!(predictors::csrp, m)?)?;
    m.add_function(wrap_pyfunction!(predictors::predictors, m)?)?;
    m.add_function(wrap_pyfunction!(predictor_columns::predict_columns, m)?)?;
    m.add_function(wrap_pyfunction!(
        predictor_columns::predictor_column_categories,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(synth::synth, m)?)?;
    m.add_function(wrap_pyfunction!(audit::audit, m)?)?;
    m.add_function(wrap_pyfunction!(audit::audit_many, m)?)?;
    m.add_function(wrap_pyfunction!(audit::timeline, m)?)?;
    m.add_function(wrap_pyfunction!(audit::synth_audited, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_table::assess_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(calendar_columns::working_day_column, m)?)?;
    m.add_function(wrap_pyfunction!(
        calendar_columns::add_working_days_column,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(columnar::output_categories, m)?)?;
    m.add_function(wrap_pyfunction!(columnar::case_columns, m)?)?;
    m.add_function(wrap_pyfunction!(columnar::synth_columns, m)?)?;
    m.add_function(wrap_pyfunction!(columnar::input_columns, m)?)?;
    m.add_function(wrap_pyfunction!(columnar::input_column_names, m)?)?;
    m.add_function(wrap_pyfunction!(columnar::output_columns, m)?)?;
    m.add_class::<read_cases::PyCaseReader>()?;
    m.add_function(wrap_pyfunction!(read_cases::read_cases, m)?)?;
    m.add("SYNTH_AS_OF", probation_core::synth::AS_OF)?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    Ok(())
}
