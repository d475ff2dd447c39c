//! # collections-py
//!
//! The Python skin of `collections-core`: the compiled module `collections_core._collections_core`,
//! re-exported by the `collections_core` package (with the exception classes, which are plain Python in
//! `collections_core/_errors.py`). It converts values and maps errors; every rule lives in the core.
//!
//! Each module here mirrors the core module of the same name: `money` (Money, Currency, rounding),
//! `rate` (Rate), `calendar` (Frequency, DayCount, HolidayCalendar, date_schedule), `parse`
//! (parse_decimal), `finance` (pmt, irr, xirr, ..., and the APRs apr_regulation_z and aprc_eu with
//! their result classes, which `collections_core.finance` re-exports) and `schedule` (amortize, Schedule,
//! ScheduleRow, ScheduleTotals, with the numpy, Arrow and pandas exports) and `debt` (late interest,
//! dunning, aging, status and the account ledger, which `collections_core.debt` re-exports) and
//! `affordability` (statements, guidelines, assess, fair_share, recommend, which
//! `collections_core.affordability` re-exports) and `contact` (contact-rule eligibility: policies,
//! profiles, histories, evaluate, next_eligible, eligible_windows, evaluate_many, which
//! `collections_core.contact` re-exports) and `plan` (repayment arrangements, tracking, settlements,
//! plan scoring, forecasts, portfolio KPIs and the treatment policy, which `collections_core.plan`
//! re-exports); `threads` holds the one thread-count setting of every batch call (`set_threads`,
//! `get_threads`, `COLLECTIONS_CORE_THREADS`); `arrays`
//! holds numpy (imported on first use) and reads `datetime64[D]` columns of dates, `convert` turns
//! Python values into core values and back, `errors` turns core errors into Python exceptions.

mod affordability;
mod arrays;
mod arrow;
mod calendar;
mod contact;
mod convert;
mod debt;
mod errors;
mod finance;
mod money;
mod parse;
mod plan;
mod rate;
mod schedule;
mod threads;

use collections_core::{BusinessDayConvention, DayCount, RoundingMode};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// The compiled part of `collections_core`; import from `collections_core`, not from here.
#[pymodule]
fn _collections_core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", collections_core::VERSION)?;
    m.add(
        "ROUNDING_MODES",
        PyTuple::new(py, RoundingMode::ALL.map(RoundingMode::name))?,
    )?;
    m.add(
        "BUSINESS_DAY_CONVENTIONS",
        PyTuple::new(
            py,
            BusinessDayConvention::ALL.map(BusinessDayConvention::name),
        )?,
    )?;
    m.add("DAY_COUNTS", PyTuple::new(py, DayCount::NAMES)?)?;

    m.add_class::<money::PyCurrency>()?;
    m.add_class::<money::PyMoney>()?;
    m.add_class::<rate::PyRate>()?;
    m.add_class::<calendar::PyFrequency>()?;
    m.add_class::<calendar::PyDayCount>()?;
    m.add_class::<calendar::PyHolidayCalendar>()?;

    m.add_function(wrap_pyfunction!(money::round_decimal, m)?)?;
    m.add_function(wrap_pyfunction!(money::round_to_multiple, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::date_schedule, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_decimal, m)?)?;
    threads::register(m)?;
    finance::register(m)?;
    schedule::register(m)?;
    debt::register(m)?;
    affordability::register(m)?;
    contact::register(m)?;
    plan::register(m)?;
    Ok(())
}
