//! `fair_share`: disposable income split among creditors pro rata by balance, with token payments and
//! a per-creditor minimum (over the core's `affordability::offers`).

use collections_core::affordability::{self as core, Creditor, FairShare, Offer, OfferPolicy};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use super::statement::pair_items;
use crate::convert::{decimal_arg, str_arg};
use crate::debt::table::{to_arrow, to_pandas, Column, Table};
use crate::debt::{decimal_or, value_class};
use crate::errors::CoreResultExt;
use crate::money::currency_arg;

value_class! {
    in "collections_core.affordability"
    /// One creditor's offer: the ``creditor``'s id, its ``balance``, the monthly ``amount`` offered
    /// and its ``basis`` (``pro_rata`` or ``token``).
    "Offer" PyOffer(Offer) {
        /// The creditor's id.
        creditor: |o| o.creditor.as_str(),
        /// The balance owed to it.
        balance: |o| o.balance,
        /// The monthly amount offered.
        amount: |o| o.amount,
        /// ``pro_rata`` or ``token``.
        basis: |o| o.basis.name(),
    }
}

value_class! {
    in "collections_core.affordability"
    /// Offers to every creditor: what was ``available``, the ``offers`` in creditor order, their
    /// ``total``, whether there was ``no_surplus`` (every creditor gets a token payment) and whether
    /// the tokens of the creditors below the minimum would have taken everything, so the minimum was
    /// set aside and everything shared pro rata (``minimum_set_aside``). ``to_arrow()`` and ``to_pandas()`` give one row per offer.
    ///
    /// >>> f = fair_share(100, "GBP", [("bank", 6000), ("card", 3000), ("catalogue", 500)], minimum=15)
    /// >>> [(o.creditor, o.amount, o.basis) for o in f.offers]
    /// [('bank', Decimal('66.00'), 'pro_rata'), ('card', Decimal('33.00'), 'pro_rata'), ('catalogue', Decimal('1.00'), 'token')]
    "FairShare" PyFairShare(FairShare) {
        /// The amount shared.
        available: |f| f.available,
        /// One offer per creditor, in creditor order.
        offers: |f| f.offers.iter().cloned().map(PyOffer).collect::<Vec<_>>(),
        /// The sum of the offers.
        total: |f| f.total,
        /// Whether nothing was available (token payments only).
        no_surplus: |f| f.no_surplus,
        /// Whether the minimum was set aside (the tokens would have taken everything).
        minimum_set_aside: |f| f.minimum_set_aside,
    }

    /// The offers as a ``pyarrow.Table``: creditor, balance, amount (exact ``decimal128``), basis.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_arrow(py, &offers_table(&self.0), "to_arrow")
    }

    /// The offers as a pandas DataFrame (``pd.ArrowDtype`` columns, amounts exact).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(py, &offers_table(&self.0), "to_pandas")
    }

    /// The offers as a polars DataFrame (``polars.from_arrow`` of ``to_arrow()``; amounts stay exact
    /// ``Decimal`` columns). Needs the ``polars`` extra (polars and pyarrow).
    ///
    /// >>> f = fair_share(100, "GBP", [("bank", 6000), ("card", 3000), ("catalogue", 500)], minimum=15)
    /// >>> f.to_polars().select("creditor", "amount").rows()
    /// [('bank', Decimal('66.00')), ('card', Decimal('33.00')), ('catalogue', Decimal('1.00'))]
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "FairShare.to_polars", || to_arrow(py, &offers_table(&self.0), "FairShare.to_polars"))
    }
}

fn offers_table(f: &FairShare) -> Table {
    let o = &f.offers;
    let mut t = Table::default();
    t.add(
        "creditor",
        Column::Text(o.iter().map(|x| Some(x.creditor.clone())).collect()),
    )
    .add(
        "balance",
        Column::Decimal(o.iter().map(|x| Some(x.balance)).collect(), 0),
    )
    .add(
        "amount",
        Column::Decimal(o.iter().map(|x| Some(x.amount)).collect(), 0),
    )
    .add(
        "basis",
        Column::Text(o.iter().map(|x| Some(x.basis.name().to_string())).collect()),
    );
    t
}

/// Shares ``available`` (a monthly amount in ``currency``) among ``creditors``, ``(id, balance)``
/// pairs, pro rata by balance, to the minor unit (largest remainders). With nothing available every
/// creditor gets ``token_payment`` (1 by default); a creditor whose share would be below ``minimum``
/// (0 by default) gets a token instead and the rest is shared by the others.
///
/// >>> fair_share(0, "GBP", [("a", 100), ("b", 200)]).no_surplus
/// True
#[pyfunction]
#[pyo3(signature = (available, currency, creditors, *, token_payment = None, minimum = None))]
pub fn fair_share(
    available: &Bound<'_, PyAny>,
    currency: &Bound<'_, PyAny>,
    creditors: &Bound<'_, PyAny>,
    token_payment: Option<&Bound<'_, PyAny>>,
    minimum: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFairShare> {
    let available = decimal_arg(available, "available")?;
    let currency = currency_arg(currency, "currency")?;
    let creditors = pair_items(creditors, "creditors", 2..=2, "an (id, balance) pair")?
        .iter()
        .map(|t: &Bound<'_, PyTuple>| {
            Ok(Creditor::new(
                str_arg(&t.get_item(0)?, "creditors")?,
                decimal_arg(&t.get_item(1)?, "balance")?,
            ))
        })
        .collect::<PyResult<Vec<_>>>()?;
    let defaults = OfferPolicy::default();
    let policy = OfferPolicy {
        token_payment: decimal_or(token_payment, "token_payment", defaults.token_payment)?,
        minimum: decimal_or(minimum, "minimum", defaults.minimum)?,
    };
    core::fair_share(available, currency, &creditors, &policy)
        .or_raise()
        .map(PyFairShare)
}
