//! `collections_core.affordability`: income and expenditure statements, guideline tables, the
//! assessment of what a debtor can afford, fair shares among creditors and plan recommendations, over
//! the core's `affordability` module (which holds every rule).
//!
//! - [`statement`]: `Household`, `Item`, `Statement`, `to_monthly`, `from_monthly`.
//! - [`guidelines`]: `Guidelines` (the embedded IRS standards, JSON and CSV) and `GuidelineTable`.
//! - [`assessment`]: `assess`, giving an `Assessment` with its `GuidelineUse`s, `Flag`s and `Line`s.
//! - [`offers`]: `fair_share`, giving a `FairShare` of `Offer`s.
//! - [`recommend`]: `PlanPolicy` and `recommend`, giving `Recommendation`s with their `Plan`s.
//! - [`batch`]: `assess_many`, many statements from one long table, on every core.
//!
//! Every class is an immutable value (the `value_class!` of [`crate::debt`]): it compares and hashes by
//! its core value's JSON and pickles as that JSON, checked again on the way in. The compiled names are
//! re-exported by `collections_core/affordability.py`.

pub(crate) mod assessment;
pub(crate) mod batch;
mod guidelines;
mod offers;
pub(crate) mod recommend;
pub(crate) mod statement;

use pyo3::prelude::*;

/// Registers the classes and functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CATEGORIES", statement::category_names(m.py())?)?;
    m.add_class::<statement::PyHousehold>()?;
    m.add_class::<statement::PyItem>()?;
    m.add_class::<statement::PyStatement>()?;
    m.add_class::<guidelines::PyGuidelineTable>()?;
    m.add_class::<guidelines::PyGuidelines>()?;
    m.add_class::<assessment::PyGuidelineUse>()?;
    m.add_class::<assessment::PyFlag>()?;
    m.add_class::<assessment::PyLine>()?;
    m.add_class::<assessment::PyAssessment>()?;
    m.add_class::<offers::PyOffer>()?;
    m.add_class::<offers::PyFairShare>()?;
    m.add_class::<recommend::PyPlanPolicy>()?;
    m.add_class::<recommend::PyPlan>()?;
    m.add_class::<recommend::PyRecommendation>()?;
    m.add_function(wrap_pyfunction!(statement::to_monthly, m)?)?;
    m.add_function(wrap_pyfunction!(statement::from_monthly, m)?)?;
    m.add_function(wrap_pyfunction!(assessment::assess, m)?)?;
    m.add_function(wrap_pyfunction!(offers::fair_share, m)?)?;
    m.add_function(wrap_pyfunction!(recommend::recommend, m)?)?;
    m.add_function(wrap_pyfunction!(batch::assess_many, m)?)?;
    Ok(())
}
