//! `settle` (a `Settlement`), `AlternativePath` and `minimum_settlement` (a `MinimumSettlement`),
//! `SettlementPolicy` and `settlement_offers` (`SettlementOffer`s), over the core's plan settlements.

use collections_core::plan::{
    minimum_settlement as core_minimum, settle as core_settle, settlement_offers as core_offers,
    AlternativePath, DiscountBand, ExpectedRecovery, MinimumSettlement, Promise, Settlement,
    SettlementOffer, SettlementPolicy,
};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use super::promise_pairs;
use crate::affordability::statement::pair_items;
use crate::contact::{class_arg, from_json};
use crate::convert::{date_arg, dates_arg, decimal_arg, int_arg};
use crate::debt::aging::dated_amounts;
use crate::debt::{given, opt_decimal, rounding_arg, value_class, Out};
use crate::errors::CoreResultExt;
use crate::money::currency_arg;

value_class! {
    in "collections_core.plan"
    /// A settlement at ``percent`` of the ``balance``: the ``amount`` (rounded to minor units), the
    /// ``discount`` given up, and the ``installments`` (``(date, amount)`` pairs; equal parts to the
    /// minor unit, the first ones larger by a unit where it does not divide).
    ///
    /// >>> s = settle(1000, "USD", 60, ["2026-02-01", "2026-03-01", "2026-04-01"])
    /// >>> s.amount, s.discount, [a for _, a in s.installments]
    /// (Decimal('600.00'), Decimal('400.00'), [Decimal('200.00'), Decimal('200.00'), Decimal('200.00')])
    "Settlement" PySettlement(Settlement) {
        /// The balance settled.
        balance: |s| s.balance,
        /// The percentage of it paid.
        percent: |s| s.percent,
        /// What is paid.
        amount: |s| s.amount,
        /// What is given up.
        discount: |s| s.discount,
        /// ``(date, amount)`` pairs.
        installments: |s| promise_pairs(&s.installments),
    }
}

/// A settlement of ``balance`` (in ``currency``) at ``percent`` (above 0 and at most 100), paid on
/// ``dates`` (one or more, increasing), the amount rounded by ``rounding`` (``'half-up'`` by default).
#[pyfunction]
#[pyo3(signature = (balance, currency, percent, dates, rounding = None))]
pub fn settle(
    balance: &Bound<'_, PyAny>,
    currency: &Bound<'_, PyAny>,
    percent: &Bound<'_, PyAny>,
    dates: &Bound<'_, PyAny>,
    rounding: Option<&Bound<'_, PyAny>>,
) -> PyResult<PySettlement> {
    core_settle(
        decimal_arg(balance, "balance")?,
        currency_arg(currency, "currency")?,
        decimal_arg(percent, "percent")?,
        &dates_arg(dates, "dates")?,
        rounding_arg(rounding, "rounding")?,
    )
    .or_raise()
    .map(PySettlement)
}

value_class! {
    in "collections_core.plan"
    /// What happens without a settlement: the expected ``recoveries`` (``(date, amount,
    /// probability)`` triples) and the ``costs`` of getting them (``(date, amount)`` pairs: legal
    /// fees, agency commission).
    ///
    /// >>> AlternativePath([("2027-01-01", 1000, "0.4")], [("2026-06-01", 150)]).recoveries
    /// ((datetime.date(2027, 1, 1), Decimal('1000'), Decimal('0.4')),)
    "AlternativePath" PyAlternativePath(AlternativePath) {
        /// ``(date, amount, probability)`` triples.
        recoveries: |p| p.recoveries.iter().map(|r| (r.date, r.amount, r.probability)).collect::<Vec<_>>(),
        /// ``(date, amount)`` pairs.
        costs: |p| promise_pairs(&p.costs),
    }

    #[new]
    #[pyo3(signature = (recoveries = None, costs = None))]
    fn new(recoveries: Option<&Bound<'_, PyAny>>, costs: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let recoveries = match given(recoveries) {
            None => Vec::new(),
            Some(r) => pair_items(r, "recoveries", 3..=3, "a (date, amount, probability) triple")?
                .iter()
                .map(|t: &Bound<'_, PyTuple>| {
                    Ok(ExpectedRecovery::new(
                        date_arg(&t.get_item(0)?, "recoveries")?,
                        decimal_arg(&t.get_item(1)?, "recoveries")?,
                        decimal_arg(&t.get_item(2)?, "probability")?,
                    ))
                })
                .collect::<PyResult<Vec<_>>>()?,
        };
        let costs = dated_amounts(costs, "costs")?
            .into_iter()
            .map(|(d, a)| Promise::new(d, a))
            .collect();
        Ok(PyAlternativePath(AlternativePath { recoveries, costs }))
    }

    /// A path from the core's JSON (``recoveries``: ``{date, amount, probability}``, ``costs``:
    /// ``{date, amount}``).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(AlternativePath, text, "path").map(PyAlternativePath)
    }

    /// The path as JSON.
    fn to_json(&self) -> String {
        self.state()
    }
}

value_class! {
    in "collections_core.plan"
    /// The least settlement worth taking: the NPV of the alternative's expected recoveries
    /// (``recovery_npv``) less the NPV of its costs (``cost_npv``), ``net`` (never below zero, in minor
    /// units), the ``floor`` given, and the ``minimum``: the larger of the net and the floor.
    "MinimumSettlement" PyMinimumSettlement(MinimumSettlement) {
        /// The NPV of the expected recoveries.
        recovery_npv: |m| m.recovery_npv,
        /// The NPV of the costs.
        cost_npv: |m| m.cost_npv,
        /// Recoveries less costs, not below zero, rounded.
        net: |m| m.net,
        /// The floor, or ``None``.
        floor: |m| m.floor,
        /// The least settlement to accept.
        minimum: |m| m.minimum,
    }
}

/// The least settlement worth accepting instead of ``path`` (an ``AlternativePath``), valued on
/// ``valuation_date`` at the annual ``discount_rate`` (a fraction above -1), with an optional
/// ``floor``, in ``currency``, rounded by ``rounding``.
///
/// >>> m = minimum_settlement(AlternativePath([("2026-01-01", 1000, "0.5")], [("2026-01-01", 100)]), "2026-01-01", "0.1", "USD")
/// >>> m.net, m.minimum
/// (Decimal('400.00'), Decimal('400.00'))
#[pyfunction]
#[pyo3(signature = (path, valuation_date, discount_rate, currency, *, floor = None, rounding = None))]
pub fn minimum_settlement(
    path: &Bound<'_, PyAny>,
    valuation_date: &Bound<'_, PyAny>,
    discount_rate: &Bound<'_, PyAny>,
    currency: &Bound<'_, PyAny>,
    floor: Option<&Bound<'_, PyAny>>,
    rounding: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyMinimumSettlement> {
    let path = class_arg::<PyAlternativePath>(path, "path", "an AlternativePath")?;
    core_minimum(
        &path.get().0,
        date_arg(valuation_date, "valuation_date")?,
        decimal_arg(discount_rate, "discount_rate")?,
        opt_decimal(floor, "floor")?,
        currency_arg(currency, "currency")?,
        rounding_arg(rounding, "rounding")?,
    )
    .or_raise()
    .map(PyMinimumSettlement)
}

/// A band out as a `(min_days_past_due, lump_sum_discount_percent, installment_discount_percent,
/// max_installments)` tuple.
struct BandOut(DiscountBand);

impl Out for BandOut {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let b = &self.0;
        Ok(PyTuple::new(
            py,
            [
                b.min_days_past_due.out(py)?,
                b.lump_sum_discount_percent.out(py)?,
                b.installment_discount_percent.out(py)?,
                b.max_installments.out(py)?,
            ],
        )?
        .into_any())
    }
}

value_class! {
    in "collections_core.plan"
    /// The discounts a settlement may give, by days past due: ``bands`` of ``(min_days_past_due,
    /// lump_sum_discount_percent, installment_discount_percent, max_installments)``, the first from 0
    /// days, increasing; each discount from 0 to below 100, the installments' no more than the lump
    /// sum's.
    ///
    /// >>> p = SettlementPolicy([(0, 10, 5, 3), (90, 30, 20, 6)])
    /// >>> p.band_for(120)
    /// (90, Decimal('30'), Decimal('20'), 6)
    "SettlementPolicy" PySettlementPolicy(SettlementPolicy) {
        /// The bands, in order.
        bands: |p| p.bands().iter().copied().map(BandOut).collect::<Vec<_>>(),
    }

    #[new]
    fn new(bands: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bands = pair_items(
            bands,
            "bands",
            4..=4,
            "a (min_days_past_due, lump_sum_discount_percent, installment_discount_percent, max_installments) tuple",
        )?
        .iter()
        .map(|t: &Bound<'_, PyTuple>| {
            Ok(DiscountBand {
                min_days_past_due: int_arg::<u32>(&t.get_item(0)?, "min_days_past_due")?,
                lump_sum_discount_percent: decimal_arg(&t.get_item(1)?, "lump_sum_discount_percent")?,
                installment_discount_percent: decimal_arg(&t.get_item(2)?, "installment_discount_percent")?,
                max_installments: int_arg::<u32>(&t.get_item(3)?, "max_installments")?,
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
        SettlementPolicy::new(bands).or_raise().map(PySettlementPolicy)
    }

    /// A policy from the core's JSON (``bands``: ``{min_days_past_due, lump_sum_discount_percent,
    /// installment_discount_percent, max_installments}``).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(SettlementPolicy, text, "policy").map(PySettlementPolicy)
    }

    /// The policy as JSON.
    fn to_json(&self) -> String {
        self.state()
    }

    /// The band for an account ``days_past_due``.
    fn band_for<'py>(&self, py: Python<'py>, days_past_due: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        BandOut(*self.0.band_for(int_arg::<u32>(days_past_due, "days_past_due")?)).out(py)
    }
}

value_class! {
    in "collections_core.plan"
    /// A settlement offer: in ``installments`` (1 for a lump sum), the ``amount`` and ``discount``,
    /// the band it came from (``band_min_days_past_due``) and whether the minimum raised it
    /// (``at_minimum``).
    "SettlementOffer" PySettlementOffer(SettlementOffer) {
        /// 1 for a lump sum, else the band's most installments.
        installments: |o| o.installments,
        /// What is paid.
        amount: |o| o.amount,
        /// What is given up.
        discount: |o| o.discount,
        /// The band's first day past due.
        band_min_days_past_due: |o| o.band_min_days_past_due,
        /// Whether the minimum raised the amount.
        at_minimum: |o| o.at_minimum,
    }
}

/// The settlement offers for ``balance`` (in ``currency``) at ``days_past_due`` under ``policy`` (a
/// ``SettlementPolicy``): a lump sum and, where the band allows more than one, an installment offer;
/// each amount rounded up to minor units, raised to ``minimum`` (a ``MinimumSettlement``'s, say) and
/// never above the balance.
///
/// >>> [(o.installments, o.amount) for o in settlement_offers(1000, "USD", 120, SettlementPolicy([(0, 10, 5, 3), (90, 30, 20, 6)]))]
/// [(1, Decimal('700.00')), (6, Decimal('800.00'))]
#[pyfunction]
#[pyo3(signature = (balance, currency, days_past_due, policy, *, minimum = None))]
pub fn settlement_offers(
    balance: &Bound<'_, PyAny>,
    currency: &Bound<'_, PyAny>,
    days_past_due: &Bound<'_, PyAny>,
    policy: &Bound<'_, PyAny>,
    minimum: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PySettlementOffer>> {
    let policy = class_arg::<PySettlementPolicy>(policy, "policy", "a SettlementPolicy")?;
    Ok(core_offers(
        decimal_arg(balance, "balance")?,
        currency_arg(currency, "currency")?,
        int_arg::<u32>(days_past_due, "days_past_due")?,
        opt_decimal(minimum, "minimum")?,
        &policy.get().0,
    )
    .or_raise()?
    .into_iter()
    .map(PySettlementOffer)
    .collect())
}

/// Registers the classes and functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySettlement>()?;
    m.add_class::<PyAlternativePath>()?;
    m.add_class::<PyMinimumSettlement>()?;
    m.add_class::<PySettlementPolicy>()?;
    m.add_class::<PySettlementOffer>()?;
    m.add_function(wrap_pyfunction!(settle, m)?)?;
    m.add_function(wrap_pyfunction!(minimum_settlement, m)?)?;
    m.add_function(wrap_pyfunction!(settlement_offers, m)?)?;
    Ok(())
}
