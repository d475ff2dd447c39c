//! `collections_core.plan`: repayment arrangements, tracking them against payments, settlements, plan
//! scoring, cash-flow forecasts, portfolio KPIs and the treatment policy, over the core's `plan` module
//! (which holds every rule).
//!
//! - [`arrangement`]: `PlanTerms`, `PlanBounds`, `Arrangement`, `BreakRule`, `ReplanTerms`, `track`
//!   giving a `Tracking` of `PromiseTrack`s.
//! - [`score`]: `Probabilities`, `Scorer` (a `PlanScore`), `rank`, `compare_plans`, `forecast` (a
//!   `Forecast` of `ForecastRow`s).
//! - [`settlement`]: `settle` (a `Settlement`), `AlternativePath` and `minimum_settlement` (a
//!   `MinimumSettlement`), `SettlementPolicy` and `settlement_offers` (`SettlementOffer`s).
//! - [`kpi`]: the portfolio KPIs and `roll_rate_matrix` (a `RollMatrix`).
//! - [`treatment`]: `AccountState`, `TreatmentRule`, `TreatmentPolicy` and its
//!   `TreatmentRecommendation`.
//! - [`batch`]: `score_many` and `forecast_portfolio`, long tables of promises in, tables out, the
//!   work done without the GIL.
//!
//! Every class but `Scorer` is an immutable value (the `value_class!` of [`crate::debt`]): it compares
//! and hashes by its core value's JSON and pickles as that JSON, checked again on the way in. `Scorer`
//! has no equality and pickles as its constructor's arguments, checked again by the constructor. Promises
//! and payments are `(date, amount)` pairs; enumerations are names. The compiled names are re-exported
//! by `collections_core/plan.py`.

mod arrangement;
pub(crate) mod batch;
mod kpi;
mod score;
mod settlement;
mod treatment;

use collections_core::affordability::Debt;
use collections_core::debt::aging::Tolerance;
use collections_core::plan::{
    Action, Affordability, ArrangementStatus, ContactOutcome, ForecastPeriod, Probabilities,
    Promise, PromiseStatus, RankBy,
};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::affordability::recommend::debts_arg;
use crate::convert::{date_arg, decimal_arg, items_arg, str_arg, wrong_type};
use crate::debt::aging::dated_amounts;
use crate::debt::{given, Out};
use crate::errors::CoreResultExt;

pub use arrangement::PyArrangement;

/// Registers the classes and functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add(
        "PROMISE_STATUSES",
        PyTuple::new(py, PromiseStatus::ALL.map(PromiseStatus::name))?,
    )?;
    m.add(
        "ARRANGEMENT_STATUSES",
        PyTuple::new(py, ArrangementStatus::ALL.map(ArrangementStatus::name))?,
    )?;
    m.add("RANK_BY", PyTuple::new(py, RankBy::ALL.map(RankBy::name))?)?;
    m.add(
        "FORECAST_PERIODS",
        PyTuple::new(py, ForecastPeriod::ALL.map(ForecastPeriod::name))?,
    )?;
    m.add("ACTIONS", PyTuple::new(py, Action::ALL.map(Action::name))?)?;
    m.add(
        "CONTACT_OUTCOMES",
        PyTuple::new(py, ContactOutcome::ALL.map(ContactOutcome::name))?,
    )?;
    m.add(
        "AFFORDABILITY_RESULTS",
        PyTuple::new(py, Affordability::ALL.map(Affordability::name))?,
    )?;
    arrangement::register(m)?;
    score::register(m)?;
    settlement::register(m)?;
    kpi::register(m)?;
    treatment::register(m)?;
    batch::register(m)?;
    Ok(())
}

/// Promises from `(date, amount)` pairs; errors name `field`.
pub fn promises_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Vec<Promise>> {
    Ok(dated_amounts(Some(obj), field)?
        .into_iter()
        .map(|(d, a)| Promise::new(d, a))
        .collect())
}

/// An optional promise: one `(date, amount)` pair, or `None`.
pub fn opt_promise(
    obj: Option<&Bound<'_, PyAny>>,
    field: &'static str,
) -> PyResult<Option<Promise>> {
    let Some(obj) = given(obj) else {
        return Ok(None);
    };
    let parts = items_arg(obj, field)?;
    let [date, amount] = parts.as_slice() else {
        return Err(wrong_type(obj, field, "a (date, amount) pair"));
    };
    Ok(Some(Promise::new(
        date_arg(date, field)?,
        decimal_arg(amount, field)?,
    )))
}

/// Promises out as `(date, amount)` pairs.
pub fn promise_pairs(promises: &[Promise]) -> Vec<(chrono::NaiveDate, rust_decimal::Decimal)> {
    promises.iter().map(|p| (p.date, p.amount)).collect()
}

/// Debts out as `(id, balance, annual_rate)` triples.
pub fn debt_triples(debts: &[Debt]) -> Vec<(String, rust_decimal::Decimal, rust_decimal::Decimal)> {
    debts
        .iter()
        .map(|d| (d.id.clone(), d.balance, d.annual_rate))
        .collect()
}

/// A tolerance: `None` or `'none'` (none), or a `(kind, value)` pair: `('percent', 10)`,
/// `('amount', '5.00')`. Errors name `field`.
pub fn tolerance_arg(obj: Option<&Bound<'_, PyAny>>, field: &'static str) -> PyResult<Tolerance> {
    let Some(obj) = given(obj) else {
        return Ok(Tolerance::None);
    };
    if obj.is_instance_of::<PyString>() {
        return Tolerance::from_parts(&str_arg(obj, field)?, None)
            .or_raise_as(&[("tolerance", field)]);
    }
    let parts = items_arg(obj, field)?;
    let [kind, value] = parts.as_slice() else {
        return Err(wrong_type(
            obj,
            field,
            "None, 'none' or a (kind, value) pair: ('percent', 10), ('amount', '5.00')",
        ));
    };
    Tolerance::from_parts(&str_arg(kind, field)?, Some(decimal_arg(value, field)?))
        .or_raise_as(&[("tolerance", field)])
}

/// A tolerance out: `None` for none, else a `(kind, value)` pair.
pub struct ToleranceOut(pub Tolerance);

impl Out for ToleranceOut {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            Tolerance::Amount(v) => ("amount", v).out(py),
            Tolerance::Percent(v) => ("percent", v).out(py),
            _ => Ok(py.None().into_bound(py)),
        }
    }
}

/// Core JSON text as Python values (`json.loads`), for the parts of a value best shown as data.
pub struct JsonOut(pub String);

impl Out for JsonOut {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.0.as_str(),))
    }
}

/// The plans of a portfolio: each an `Arrangement`, or an `(Arrangement, Probabilities)` pair (the
/// probabilities `None` for certain).
pub fn plans_arg(
    obj: &Bound<'_, PyAny>,
    field: &'static str,
) -> PyResult<Vec<(collections_core::plan::Arrangement, Probabilities)>> {
    items_arg(obj, field)?
        .iter()
        .map(|item| {
            if let Ok(a) = item.cast::<PyArrangement>() {
                return Ok((a.get().0.clone(), Probabilities::Certain));
            }
            let expected = "an Arrangement or an (Arrangement, Probabilities) pair";
            let parts = items_arg(item, field).map_err(|_| wrong_type(item, field, expected))?;
            let [a, p] = parts.as_slice() else {
                return Err(wrong_type(item, field, expected));
            };
            let a = a
                .cast::<PyArrangement>()
                .map_err(|_| wrong_type(item, field, expected))?;
            Ok((a.get().0.clone(), score::probabilities_arg(Some(p))?))
        })
        .collect()
}
