//! The portfolio KPIs and `roll_rate_matrix` (a `RollMatrix`), over the core's plan KPIs.

use collections_core::plan::{
    collection_effectiveness_index as core_cei, days_sales_outstanding as core_dso,
    liquidation_rate as core_liquidation, promise_kept_rate as core_kept,
    recovery_rate as core_recovery, right_party_contact_rate as core_rpc,
    roll_rate_matrix as core_roll, CeiInputs, RollMatrix,
};
use pyo3::prelude::*;

use super::arrangement::tracking_arg;
use crate::contact::class_arg;
use crate::convert::{date_arg, decimal_arg, int_arg, items_arg};
use crate::debt::aging::{PyAccount, PyAgingRules};
use crate::debt::{given, value_class, Out};
use crate::errors::CoreResultExt;

/// A ratio out: a `Decimal`, or `None` when the denominator is zero.
type Ratio<'py> = PyResult<Bound<'py, PyAny>>;

/// The collection effectiveness index, as a percentage: (opening receivables + credit sales / N -
/// closing receivables) / (opening receivables + credit sales / N - closing current receivables) x
/// 100, with ``months`` the N (at least 1); ``None`` when the denominator is zero. Amounts are not
/// negative; the closing current receivables do not exceed the closing receivables.
///
/// >>> collection_effectiveness_index(1000, 600, 3, 500, 200)
/// Decimal('70.00')
#[pyfunction]
pub fn collection_effectiveness_index<'py>(
    py: Python<'py>,
    opening_receivables: &Bound<'py, PyAny>,
    credit_sales: &Bound<'py, PyAny>,
    months: &Bound<'py, PyAny>,
    closing_receivables: &Bound<'py, PyAny>,
    closing_current_receivables: &Bound<'py, PyAny>,
) -> Ratio<'py> {
    let inputs = CeiInputs {
        opening_receivables: decimal_arg(opening_receivables, "opening_receivables")?,
        credit_sales: decimal_arg(credit_sales, "credit_sales")?,
        months: int_arg::<u32>(months, "months")?,
        closing_receivables: decimal_arg(closing_receivables, "closing_receivables")?,
        closing_current_receivables: decimal_arg(
            closing_current_receivables,
            "closing_current_receivables",
        )?,
    };
    core_cei(&inputs).or_raise()?.out(py)
}

/// Days sales outstanding: ``receivables`` / ``credit_sales`` x ``days``; ``None`` with no sales.
#[pyfunction]
pub fn days_sales_outstanding<'py>(
    py: Python<'py>,
    receivables: &Bound<'py, PyAny>,
    credit_sales: &Bound<'py, PyAny>,
    days: &Bound<'py, PyAny>,
) -> Ratio<'py> {
    core_dso(
        decimal_arg(receivables, "receivables")?,
        decimal_arg(credit_sales, "credit_sales")?,
        int_arg::<u32>(days, "days")?,
    )
    .or_raise()?
    .out(py)
}

/// The recovery rate: ``collected`` / ``outstanding``; ``None`` when nothing is outstanding.
#[pyfunction]
pub fn recovery_rate<'py>(
    py: Python<'py>,
    collected: &Bound<'py, PyAny>,
    outstanding: &Bound<'py, PyAny>,
) -> Ratio<'py> {
    core_recovery(
        decimal_arg(collected, "collected")?,
        decimal_arg(outstanding, "outstanding")?,
    )
    .or_raise()?
    .out(py)
}

/// The liquidation rate: ``gross_recoveries`` / ``placements``; ``None`` with no placements.
#[pyfunction]
pub fn liquidation_rate<'py>(
    py: Python<'py>,
    gross_recoveries: &Bound<'py, PyAny>,
    placements: &Bound<'py, PyAny>,
) -> Ratio<'py> {
    core_liquidation(
        decimal_arg(gross_recoveries, "gross_recoveries")?,
        decimal_arg(placements, "placements")?,
    )
    .or_raise()?
    .out(py)
}

/// The share of promises due (deadline before the tracking date) that were kept, over
/// ``trackings`` (``Tracking``s); ``None`` when none is due.
#[pyfunction]
pub fn promise_kept_rate<'py>(py: Python<'py>, trackings: &Bound<'py, PyAny>) -> Ratio<'py> {
    let trackings = items_arg(trackings, "trackings")?
        .iter()
        .map(|t| tracking_arg(t, "trackings"))
        .collect::<PyResult<Vec<_>>>()?;
    core_kept(&trackings).out(py)
}

/// The right-party contact rate: ``right_party_contacts`` / ``denominator`` (attempts or contacts,
/// whole numbers); ``None`` when the denominator is zero.
#[pyfunction]
pub fn right_party_contact_rate<'py>(
    py: Python<'py>,
    right_party_contacts: &Bound<'py, PyAny>,
    denominator: &Bound<'py, PyAny>,
) -> Ratio<'py> {
    core_rpc(
        int_arg::<u64>(right_party_contacts, "right_party_contacts")?,
        int_arg::<u64>(denominator, "denominator")?,
    )
    .or_raise()?
    .out(py)
}

value_class! {
    in "collections_core.plan"
    /// How accounts moved between aging buckets from ``from_date`` to ``to_date``: the bucket
    /// ``labels``, and by row (the bucket then) and column (the bucket now) the number of ``accounts``,
    /// their ``outstanding`` amount then, and the roll ``rates`` (each row's outstanding shares;
    /// ``None`` for an empty row).
    "RollMatrix" PyRollMatrix(RollMatrix) {
        /// The earlier date.
        from_date: |m| m.from,
        /// The later date.
        to_date: |m| m.to,
        /// The bucket labels.
        labels: |m| m.labels.clone(),
        /// Accounts by bucket then and now.
        accounts: |m| m.accounts.clone(),
        /// Outstanding then, by bucket then and now.
        outstanding: |m| m.outstanding.clone(),
        /// Each row's shares of its outstanding, or ``None``.
        rates: |m| m.rates.clone(),
    }
}

/// The roll-rate matrix of ``accounts`` (debt ``Account``s) between ``from_date`` and ``to_date``
/// (later), aged by ``rules`` (an ``AgingRules``; the default when not given).
#[pyfunction]
#[pyo3(signature = (accounts, from_date, to_date, rules = None))]
pub fn roll_rate_matrix(
    accounts: &Bound<'_, PyAny>,
    from_date: &Bound<'_, PyAny>,
    to_date: &Bound<'_, PyAny>,
    rules: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyRollMatrix> {
    let accounts = items_arg(accounts, "accounts")?
        .iter()
        .map(|a| {
            Ok(class_arg::<PyAccount>(a, "accounts", "an Account")?
                .get()
                .0
                .clone())
        })
        .collect::<PyResult<Vec<_>>>()?;
    let rules = match given(rules) {
        Some(r) => class_arg::<PyAgingRules>(r, "rules", "an AgingRules")?
            .get()
            .0
            .clone(),
        None => Default::default(),
    };
    core_roll(
        &accounts,
        date_arg(from_date, "from_date")?,
        date_arg(to_date, "to_date")?,
        &rules,
    )
    .or_raise()
    .map(PyRollMatrix)
}

/// Registers the classes and functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRollMatrix>()?;
    m.add_function(wrap_pyfunction!(collection_effectiveness_index, m)?)?;
    m.add_function(wrap_pyfunction!(days_sales_outstanding, m)?)?;
    m.add_function(wrap_pyfunction!(recovery_rate, m)?)?;
    m.add_function(wrap_pyfunction!(liquidation_rate, m)?)?;
    m.add_function(wrap_pyfunction!(promise_kept_rate, m)?)?;
    m.add_function(wrap_pyfunction!(right_party_contact_rate, m)?)?;
    m.add_function(wrap_pyfunction!(roll_rate_matrix, m)?)?;
    Ok(())
}
