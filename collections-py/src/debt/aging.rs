//! Aging: `AgingRules`, one `Account` (`age`, `charge_off`, `time_bar`), an `AccountActivity` (its
//! delinquency history and month-end agings), and `age_accounts` over columns of many accounts, whose
//! `PortfolioAging` exports to Arrow and pandas and gives roll rates.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::NaiveDate;
use collections_core::debt::aging::{
    self as core, AccountActivity, AccountAge, AccountObligations, Aging, AgingRules, Bucket,
    BucketTotals, Buckets, ChargeOff, ChargeOffPolicy, CreditType, DateRange, DelinquencyChange,
    DueAmount, FrozenPeriods, LimitationPeriod, LimitationStart, Obligation, PortfolioAging,
    RollMeasure, ShortfallMethod, TimeBar, Tolerance,
};
use collections_core::Error;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyType};
use rust_decimal::Decimal;

use super::table::{self, Column, Table};
use super::{given, name_arg, name_or, opt_decimal, value_class, Dict, Out};
use crate::arrow::{give_back, InputColumn, InputTable, OutputTable, TableKind};
use crate::convert::{date_arg, decimal_arg, describe, int_arg, items_arg, str_arg, wrong_type};
use crate::debt::batch::{errors_arg, OnError};
use crate::errors::{invalid, raise, CoreResultExt};
use crate::threads::{par_map_detached, progress_arg};

/// The bucket triples of a set of buckets.
fn bucket_triples(buckets: &Buckets) -> Vec<(String, u32, Option<u32>)> {
    buckets
        .buckets()
        .iter()
        .map(|b| (b.label.clone(), b.min_days, b.max_days))
        .collect()
}

/// A buckets argument: upper bounds (ints; an open last bucket is added) or `(label, min_days,
/// max_days)` triples (`max_days` `None` for the open last one).
fn buckets_arg(obj: &Bound<'_, PyAny>) -> PyResult<Buckets> {
    let items = items_arg(obj, "buckets")?;
    let is_int =
        |o: &Bound<'_, PyAny>| o.is_instance_of::<PyInt>() && !o.is_instance_of::<PyBool>();
    if items.iter().all(is_int) && !items.is_empty() {
        let bounds = items
            .iter()
            .map(|b| int_arg::<u32>(b, "buckets"))
            .collect::<PyResult<Vec<_>>>()?;
        return Buckets::from_upper_bounds(&bounds).or_raise();
    }
    let mut buckets = Vec::with_capacity(items.len());
    for item in &items {
        let parts = items_arg(item, "buckets")?;
        let [label, min, max] = parts.as_slice() else {
            return Err(wrong_type(
                item,
                "buckets",
                "upper bounds (ints) or (label, min_days, max_days) triples",
            ));
        };
        let max = given(Some(max))
            .map(|m| int_arg::<u32>(m, "buckets"))
            .transpose()?;
        buckets.push(Bucket::new(
            str_arg(label, "buckets")?,
            int_arg::<u32>(min, "buckets")?,
            max,
        ));
    }
    Buckets::new(buckets).or_raise()
}

value_class! {
    /// How accounts are aged: the FFIEC shortfall method (``'per-installment'``: an installment
    /// short by no more than the tolerance counts as paid; ``'cumulative'``: every payment is pooled
    /// and the total shortfall is judged), the ``tolerance`` (``'none'``, ``'amount'`` or
    /// ``'percent'`` of the installment, with ``tolerance_value``), ``grace_days`` subtracted from every
    /// count of days past due, and the ``buckets``: the standard ``current, 1-30, ..., 151-180, 181+``
    /// by default, upper bounds (``[29, 59, 89]`` gives ``0-29, 30-59, 60-89, 90+``) or ``(label,
    /// min_days, max_days)`` triples. ``AgingRules.ffiec_ninety_percent()`` is FFIEC's "a payment of at
    /// least 90% counts as full".
    ///
    /// >>> AgingRules(buckets=[29, 59, 89]).bucket_labels
    /// ['0-29', '30-59', '60-89', '90+']
    "AgingRules" PyAgingRules(AgingRules) {
        /// ``'per-installment'`` or ``'cumulative'``.
        shortfall_method: |r| r.method().name(),
        /// ``'none'``, ``'amount'`` or ``'percent'``.
        tolerance: |r| r.tolerance().name(),
        /// The tolerance's amount or percentage, or ``None``.
        tolerance_value: |r| match r.tolerance() {
            Tolerance::Amount(v) | Tolerance::Percent(v) => Some(v),
            _ => None,
        },
        /// Days subtracted from every count of days past due.
        grace_days: |r| r.grace_days(),
        /// ``(label, min_days, max_days)`` triples.
        buckets: |r| bucket_triples(r.buckets()),
    }

    #[new]
    #[pyo3(
        signature = (
            shortfall_method = None, tolerance = None, tolerance_value = None, grace_days = None,
            buckets = None
        ),
        text_signature = "(shortfall_method='per-installment', tolerance='none', \
            tolerance_value=None, grace_days=0, buckets=None)"
    )]
    fn new(
        shortfall_method: Option<&Bound<'_, PyAny>>,
        tolerance: Option<&Bound<'_, PyAny>>,
        tolerance_value: Option<&Bound<'_, PyAny>>,
        grace_days: Option<&Bound<'_, PyAny>>,
        buckets: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let method = name_or(shortfall_method, "shortfall_method", ShortfallMethod::default())?;
        let kind = given(tolerance)
            .map(|t| str_arg(t, "tolerance"))
            .transpose()?
            .unwrap_or_else(|| String::from("none"));
        let tolerance = Tolerance::from_parts(&kind, opt_decimal(tolerance_value, "tolerance_value")?)
            .or_raise()?;
        let grace = given(grace_days)
            .map(|g| int_arg::<u32>(g, "grace_days"))
            .transpose()?
            .unwrap_or(0);
        let buckets = given(buckets).map(buckets_arg).transpose()?.unwrap_or_default();
        AgingRules::new(method, tolerance, grace, buckets)
            .or_raise()
            .map(PyAgingRules)
    }

    /// FFIEC's first method: per installment, a payment of at least 90% counts as full.
    #[staticmethod]
    fn ffiec_ninety_percent() -> Self {
        PyAgingRules(AgingRules::ffiec_ninety_percent())
    }

    /// The bucket labels, in order.
    #[getter]
    fn bucket_labels(&self) -> Vec<String> {
        self.0.buckets().labels().iter().map(|l| l.to_string()).collect()
    }
}

/// The rules argument: an `AgingRules`, or the default rules when not given.
pub(super) fn rules_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<AgingRules> {
    match given(obj) {
        None => Ok(AgingRules::default()),
        Some(o) => o
            .cast::<PyAgingRules>()
            .map(|r| r.get().0.clone())
            .map_err(|_| wrong_type(o, "rules", "an AgingRules")),
    }
}

/// Frozen periods: `(start, end)` date pairs, both included, in order and not overlapping; errors name
/// `field`.
pub(super) fn frozen_arg(
    obj: Option<&Bound<'_, PyAny>>,
    field: &'static str,
) -> PyResult<FrozenPeriods> {
    let Some(obj) = given(obj) else {
        return Ok(FrozenPeriods::none());
    };
    let mut ranges = Vec::new();
    for item in items_arg(obj, field)? {
        let parts = items_arg(&item, field)?;
        let [start, end] = parts.as_slice() else {
            return Err(wrong_type(&item, field, "a (start, end) pair of dates"));
        };
        ranges.push(
            DateRange::new(date_arg(start, field)?, date_arg(end, field)?)
                .or_raise_as(&[("frozen_periods", field)])?,
        );
    }
    FrozenPeriods::new(ranges).or_raise_as(&[("frozen_periods", field)])
}

/// The frozen periods as pairs.
pub(super) fn frozen_pairs(frozen: &FrozenPeriods) -> Vec<(NaiveDate, NaiveDate)> {
    frozen
        .ranges()
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect()
}

/// `(date, amount)` pairs; errors name `field`.
pub(crate) fn dated_amounts(
    obj: Option<&Bound<'_, PyAny>>,
    field: &'static str,
) -> PyResult<Vec<(NaiveDate, Decimal)>> {
    let Some(obj) = given(obj) else {
        return Ok(Vec::new());
    };
    items_arg(obj, field)?
        .iter()
        .map(|item| {
            let parts = items_arg(item, field)?;
            let [date, amount] = parts.as_slice() else {
                return Err(wrong_type(item, field, "a (date, amount) pair"));
            };
            Ok((date_arg(date, field)?, decimal_arg(amount, field)?))
        })
        .collect()
}

value_class! {
    /// An account's aging as of a date (``Account.age``): ``days_past_due`` (from the oldest
    /// past-due obligation not counted as paid, less frozen and grace days), the due date they count
    /// from, the ``bucket`` (index and label), the ``past_due_amount``, the shortfall tolerated as paid
    /// (still owed), the past-due amount by bucket label (each obligation by its own days), and
    /// everything ``outstanding``.
    "Aging" PyAging((Aging, Vec<String>)) {
        /// The date aged as of.
        as_of: |a| a.0.as_of,
        /// Delinquent days.
        days_past_due: |a| a.0.days_past_due,
        /// The due date the days count from, or ``None``.
        counting_from: |a| a.0.counting_from,
        /// The bucket's index.
        bucket: |a| a.0.bucket,
        /// The bucket's label.
        bucket_label: |a| a.0.bucket_label.as_str(),
        /// Unpaid past-due amounts not counted as paid.
        past_due_amount: |a| a.0.past_due_amount,
        /// Unpaid past-due amounts counted as paid under the tolerance.
        tolerated_shortfall: |a| a.0.tolerated_shortfall,
        /// The past-due amount by bucket label.
        past_due_by_bucket: |a| Dict(a.1.iter().cloned().zip(a.0.past_due_by_bucket.iter().copied()).collect()),
        /// Everything unpaid, due or not.
        outstanding: |a| a.0.outstanding,
    }
}

/// An aging with its rules' labels.
pub(super) fn aging_out(aging: Aging, rules: &AgingRules) -> PyAging {
    let labels = rules
        .buckets()
        .labels()
        .iter()
        .map(|l| l.to_string())
        .collect();
    PyAging((aging, labels))
}

value_class! {
    /// Charge-off eligibility (``Account.charge_off``): the threshold, the days past due, whether
    /// eligible, and the first date it is (or was) eligible if nothing more is paid.
    "ChargeOff" PyChargeOff(ChargeOff) {
        /// The days past due that make it eligible.
        threshold_days: |c| c.threshold_days,
        /// Its days past due.
        days_past_due: |c| c.days_past_due,
        /// Whether it is eligible.
        eligible: |c| c.eligible,
        /// The first date it is eligible, or ``None`` when nothing is past due.
        eligible_on: |c| c.eligible_on,
    }
}

value_class! {
    /// Whether a debt is time-barred (``Account.time_bar``): the date the limitation period runs from,
    /// the first day it is barred, and whether it is barred as of the date asked.
    "TimeBar" PyTimeBar(TimeBar) {
        /// The start of the limitation period, or ``None``.
        start: |t| t.start,
        /// The first day the debt is time-barred, or ``None``.
        barred_on: |t| t.barred_on,
        /// Whether it is time-barred.
        time_barred: |t| t.time_barred,
    }
}

/// Obligations from `(due_date, amount_due, amount_paid)` triples.
fn obligations_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Obligation>> {
    items_arg(obj, "obligations")?
        .iter()
        .map(|item| {
            let parts = items_arg(item, "obligations")?;
            let [due, amount, paid] = parts.as_slice() else {
                return Err(wrong_type(
                    item,
                    "obligations",
                    "a (due_date, amount_due, amount_paid) triple",
                ));
            };
            Obligation::new(
                date_arg(due, "due_date")?,
                decimal_arg(amount, "amount_due")?,
                decimal_arg(paid, "amount_paid")?,
            )
            .or_raise()
        })
        .collect()
}

/// A limitation period from exactly one of `years`, `months`, `days`.
fn period_arg(
    years: Option<&Bound<'_, PyAny>>,
    months: Option<&Bound<'_, PyAny>>,
    days: Option<&Bound<'_, PyAny>>,
) -> PyResult<LimitationPeriod> {
    match (given(years), given(months), given(days)) {
        (Some(y), None, None) => Ok(LimitationPeriod::Years(int_arg::<u32>(y, "years")?)),
        (None, Some(m), None) => Ok(LimitationPeriod::Months(int_arg::<u32>(m, "months")?)),
        (None, None, Some(d)) => Ok(LimitationPeriod::Days(int_arg::<u32>(d, "days")?)),
        _ => Err(invalid(
            "limitation_period",
            "years, months, days",
            "give exactly one of years, months or days",
        )),
    }
}

value_class! {
    /// One account's obligations (``(due_date, amount_due, amount_paid)`` triples in due-date order)
    /// and its ``frozen_periods`` (``(start, end)`` date pairs, both included, during which the days
    /// past due stand still: a dispute, a breathing space).
    ///
    /// >>> account = Account([("2026-01-01", 100, 100), ("2026-02-01", 100, 0), ("2026-03-01", 100, 0)])
    /// >>> a = account.age("2026-03-15")
    /// >>> a.days_past_due, a.bucket_label, a.past_due_amount
    /// (42, '31-60', Decimal('200'))
    "Account" PyAccount(AccountObligations) {
        /// ``(due_date, amount_due, amount_paid)`` triples.
        obligations: |a| a.obligations().iter()
            .map(|o| (o.due_date(), o.amount_due(), o.amount_paid()))
            .collect::<Vec<_>>(),
        /// ``(start, end)`` pairs.
        frozen_periods: |a| frozen_pairs(a.frozen()),
    }

    #[new]
    #[pyo3(signature = (obligations, *, frozen_periods = None), text_signature = "(obligations, *, frozen_periods=())")]
    fn new(obligations: &Bound<'_, PyAny>, frozen_periods: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        AccountObligations::with_frozen(obligations_arg(obligations)?, frozen_arg(frozen_periods, "frozen_periods")?)
            .or_raise()
            .map(PyAccount)
    }

    /// The account aged as of ``as_of`` under ``rules`` (an ``AgingRules``; the default rules when not
    /// given). An obligation is past due from the day after its due date.
    #[pyo3(signature = (as_of, rules = None))]
    fn age(&self, as_of: &Bound<'_, PyAny>, rules: Option<&Bound<'_, PyAny>>) -> PyResult<PyAging> {
        let rules = rules_arg(rules)?;
        let aging = self.0.age(date_arg(as_of, "as_of")?, &rules).or_raise()?;
        Ok(aging_out(aging, &rules))
    }

    /// Charge-off eligibility: the first date the days past due reach the threshold for
    /// ``credit_type`` (``'closed-end'``: ``closed_end_days``, FFIEC's 120; ``'open-end'``:
    /// ``open_end_days``, FFIEC's 180).
    ///
    /// >>> Account([("2026-01-01", 10, 0)]).charge_off("2026-03-01", "closed-end").eligible_on
    /// datetime.date(2026, 5, 1)
    #[pyo3(
        signature = (as_of, credit_type, *, rules = None, closed_end_days = None, open_end_days = None),
        text_signature = "($self, as_of, credit_type, *, rules=None, closed_end_days=120, open_end_days=180)"
    )]
    fn charge_off(
        &self,
        as_of: &Bound<'_, PyAny>,
        credit_type: &Bound<'_, PyAny>,
        rules: Option<&Bound<'_, PyAny>>,
        closed_end_days: Option<&Bound<'_, PyAny>>,
        open_end_days: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyChargeOff> {
        let days = |obj: Option<&Bound<'_, PyAny>>, field, default| {
            given(obj).map_or(Ok(default), |d| int_arg::<u32>(d, field))
        };
        let policy = ChargeOffPolicy::new(
            days(closed_end_days, "closed_end_days", 120)?,
            days(open_end_days, "open_end_days", 180)?,
        )
        .or_raise()?;
        self.0
            .charge_off(
                date_arg(as_of, "as_of")?,
                &rules_arg(rules)?,
                name_arg::<CreditType>(credit_type, "credit_type")?,
                &policy,
            )
            .or_raise()
            .map(PyChargeOff)
    }

    /// Whether the debt is time-barred as of ``as_of`` after a limitation period of ``years``,
    /// ``months`` or ``days`` (exactly one), counted from the oldest past-due obligation
    /// (``limitation_start='due-date'``) or from the latest of it, ``last_payment`` and
    /// ``last_acknowledgment`` (``'last-payment-or-acknowledgment'``). The debt is barred from the day
    /// after the period's anniversary.
    ///
    /// >>> Account([("2019-06-01", 100, 0)]).time_bar("2025-06-02", years=6).barred_on
    /// datetime.date(2025, 6, 2)
    #[pyo3(
        signature = (
            as_of, *, years = None, months = None, days = None, limitation_start = None,
            rules = None, last_payment = None, last_acknowledgment = None
        ),
        text_signature = "($self, as_of, *, years=None, months=None, days=None, \
            limitation_start='due-date', rules=None, last_payment=None, last_acknowledgment=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn time_bar(
        &self,
        as_of: &Bound<'_, PyAny>,
        years: Option<&Bound<'_, PyAny>>,
        months: Option<&Bound<'_, PyAny>>,
        days: Option<&Bound<'_, PyAny>>,
        limitation_start: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
        last_payment: Option<&Bound<'_, PyAny>>,
        last_acknowledgment: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTimeBar> {
        let optional_date = |obj: Option<&Bound<'_, PyAny>>, field| {
            given(obj).map(|d| date_arg(d, field)).transpose()
        };
        self.0
            .time_bar(
                date_arg(as_of, "as_of")?,
                &rules_arg(rules)?,
                name_or(limitation_start, "limitation_start", LimitationStart::DueDate)?,
                period_arg(years, months, days)?,
                optional_date(last_payment, "last_payment")?,
                optional_date(last_acknowledgment, "last_acknowledgment")?,
            )
            .or_raise()
            .map(PyTimeBar)
    }
}

value_class! {
    /// One point of a delinquency history (``AccountActivity.delinquency_history``): the date, the
    /// days past due, the due date they count from, the bucket (index and label), the past-due amount,
    /// and whether the date is frozen.
    "DelinquencyChange" PyDelinquencyChange(DelinquencyChange) {
        /// The date of the change.
        date: |c| c.date,
        /// Days past due on that date.
        days_past_due: |c| c.days_past_due,
        /// The due date they count from, or ``None``.
        counting_from: |c| c.counting_from,
        /// The bucket's index.
        bucket: |c| c.bucket,
        /// The bucket's label.
        bucket_label: |c| c.bucket_label.as_str(),
        /// The past-due amount on that date.
        past_due_amount: |c| c.past_due_amount,
        /// Whether the date is in a frozen period.
        frozen: |c| c.frozen,
    }
}

/// An activity with what it was built from (the core's activity has no accessors for them).
type ActivityState = (
    AccountActivity,
    Vec<DueAmount>,
    Vec<core::Payment>,
    FrozenPeriods,
);

/// The constructor's checks of an activity's dues, payments and frozen periods, run again on a value
/// unpickled, which must also be the activity they make.
fn check_activity(state: &ActivityState) -> collections_core::Result<()> {
    let (activity, dues, payments, frozen) = state;
    let rebuilt = AccountActivity::new(dues.clone(), payments.clone(), frozen.clone())?;
    if rebuilt == *activity {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            field: "state",
            value: String::from("<pickled state>"),
            reason: String::from(
                "the activity is not the one its dues, payments and frozen periods make",
            ),
        })
    }
}

value_class! {
    /// An account's dated facts: ``dues`` (``(date, amount)`` pairs in date order: installments,
    /// minimum payments, fees), ``payments`` (``(date, amount)`` pairs in date order, applied to the
    /// oldest unpaid amount first on the day received) and ``frozen_periods``.
    ///
    /// >>> activity = AccountActivity([("2026-01-01", 100)], [], frozen_periods=[("2026-01-20", "2026-02-09")])
    /// >>> [(c.date.isoformat(), c.days_past_due, c.bucket_label) for c in
    /// ...  activity.delinquency_history("2026-01-01", "2026-03-31")][:3]
    /// [('2026-01-01', 0, 'current'), ('2026-01-02', 1, '1-30'), ('2026-01-20', 18, '1-30')]
    "AccountActivity" PyAccountActivity(ActivityState)
    check |s| check_activity(s);
    {
        /// ``(date, amount)`` pairs.
        dues: |s| s.1.iter().map(|d| (d.date, d.amount)).collect::<Vec<_>>(),
        /// ``(date, amount)`` pairs.
        payments: |s| s.2.iter().map(|p| (p.date, p.amount)).collect::<Vec<_>>(),
        /// ``(start, end)`` pairs.
        frozen_periods: |s| frozen_pairs(&s.3),
    }

    #[new]
    #[pyo3(signature = (dues, payments, *, frozen_periods = None), text_signature = "(dues, payments, *, frozen_periods=())")]
    fn new(
        dues: &Bound<'_, PyAny>,
        payments: &Bound<'_, PyAny>,
        frozen_periods: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let dues: Vec<DueAmount> = dated_amounts(Some(dues), "dues")?
            .into_iter()
            .map(|(date, amount)| DueAmount { date, amount })
            .collect();
        let payments: Vec<core::Payment> = dated_amounts(Some(payments), "payments")?
            .into_iter()
            .map(|(date, amount)| core::Payment { date, amount })
            .collect();
        let frozen = frozen_arg(frozen_periods, "frozen_periods")?;
        let activity = AccountActivity::new(dues.clone(), payments.clone(), frozen.clone()).or_raise()?;
        Ok(PyAccountActivity((activity, dues, payments, frozen)))
    }

    /// The obligations as they stood at the end of ``date``, as an ``Account``.
    fn obligations_on(&self, date: &Bound<'_, PyAny>) -> PyResult<PyAccount> {
        self.0.0.obligations_on(date_arg(date, "date")?).or_raise().map(PyAccount)
    }

    /// The last payment received on or before ``date``, or ``None``.
    fn last_payment_on<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        self.0.0.last_payment_on(date_arg(date, "date")?).out(py)
    }

    /// The account aged at each month end from ``from_date`` to ``to_date`` (both included).
    #[pyo3(signature = (from_date, to_date, rules = None))]
    fn month_end_agings(
        &self,
        from_date: &Bound<'_, PyAny>,
        to_date: &Bound<'_, PyAny>,
        rules: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyAging>> {
        let rules = rules_arg(rules)?;
        let agings = self
            .0
            .0
            .month_end_agings(date_arg(from_date, "from")?, date_arg(to_date, "to")?, &rules)
            .or_raise()?;
        Ok(agings.into_iter().map(|a| aging_out(a, &rules)).collect())
    }

    /// The delinquency history from ``from_date`` to ``to_date`` (both included): a point on
    /// ``from_date`` and one on every later date where the bucket, the due date the days count from,
    /// the past-due amount or the frozen state changes.
    #[pyo3(signature = (from_date, to_date, rules = None))]
    fn delinquency_history(
        &self,
        from_date: &Bound<'_, PyAny>,
        to_date: &Bound<'_, PyAny>,
        rules: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyDelinquencyChange>> {
        let history = self
            .0
            .0
            .delinquency_history(date_arg(from_date, "from")?, date_arg(to_date, "to")?, &rules_arg(rules)?)
            .or_raise()?;
        Ok(history.into_iter().map(PyDelinquencyChange).collect())
    }
}

value_class! {
    /// The accounts of one bucket in a ``PortfolioAging``: the bucket's ``label``, how many
    /// ``accounts``, and their ``outstanding`` and ``past_due`` amounts.
    "BucketTotals" PyBucketTotals((String, BucketTotals)) {
        /// The bucket's label.
        label: |t| t.0.as_str(),
        /// How many accounts.
        accounts: |t| t.1.accounts,
        /// Their outstanding amounts.
        outstanding: |t| t.1.outstanding,
        /// Their past-due amounts.
        past_due: |t| t.1.past_due,
    }
}

/// A float amount column, refused whole: `dtype` names its type.
fn float_column_refused(field: &'static str, dtype: &Bound<'_, PyAny>) -> PyErr {
    invalid(
        field,
        describe(dtype),
        "a float column is refused because floats are inexact: pass Decimal objects, ints, str or a \
         pyarrow decimal column",
    )
}

/// A column argument's items: a pyarrow array (its `to_pylist()`), a polars Series (`to_list()`, a
/// Decimal column giving Decimal objects, Datetime values as dates), a numpy array or pandas Series
/// (`tolist()`, datetime64 values as dates), or any iterable. A float column is refused whole.
pub(crate) fn column_items<'py>(
    obj: &Bound<'py, PyAny>,
    field: &'static str,
    amounts: bool,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let py = obj.py();
    if obj.hasattr("to_pylist")? {
        return items_arg(&obj.call_method0("to_pylist")?, field);
    }
    if crate::polars::is_polars(obj) && obj.hasattr("to_list")? {
        let dtype = obj.getattr("dtype")?;
        if amounts && dtype.call_method0("is_float")?.is_truthy()? {
            return Err(float_column_refused(field, &dtype));
        }
        if dtype.str()?.to_cow()?.starts_with("Datetime") {
            let dates = obj.getattr("dt")?.call_method0("date")?;
            return items_arg(&dates.call_method0("to_list")?, field);
        }
        return items_arg(&obj.call_method0("to_list")?, field);
    }
    if obj.hasattr("dtype")? && obj.hasattr("tolist")? {
        let kind: String = obj.getattr("dtype")?.getattr("kind")?.extract()?;
        if kind == "f" && amounts {
            return Err(float_column_refused(field, &obj.getattr("dtype")?));
        }
        if kind == "M" {
            let np = py.import("numpy")?;
            let days = np
                .call_method1("asarray", (obj,))?
                .call_method1("astype", ("datetime64[D]",))?;
            return items_arg(&days.call_method0("tolist")?, field);
        }
        return items_arg(&obj.call_method0("tolist")?, field);
    }
    items_arg(obj, field)
}

/// The aging of many accounts as of one date, in the order their ids first appear.
#[pyclass(module = "collections_core.debt", name = "PortfolioAging", frozen)]
#[derive(Debug)]
pub struct PyPortfolioAging {
    portfolio: PortfolioAging,
    /// Each account's aging, `None` for an account in error (`errors="column"`).
    agings: Vec<Option<Aging>>,
    ids: Vec<Py<PyAny>>,
    /// Each account's error (`None` when fine) when `errors="column"` was asked for.
    errors: Option<Vec<Option<String>>>,
    /// Whether the tables give amounts as float64 (`money="float64"`).
    float_money: bool,
}

/// What a portfolio aging pickles as (with its ids beside it).
type AgingState = (
    PortfolioAging,
    Vec<Option<Aging>>,
    Option<Vec<Option<String>>>,
    bool,
);

impl PyPortfolioAging {
    fn state(&self) -> String {
        serde_json::to_string(&(
            &self.portfolio,
            &self.agings,
            &self.errors,
            self.float_money,
        ))
        .unwrap_or_default()
    }

    fn table(&self, py: Python<'_>) -> Table {
        let a = &self.agings;
        let amounts = |f: fn(&Aging) -> Decimal| {
            Column::Decimal(a.iter().map(|x| x.as_ref().map(f)).collect(), 0)
        };
        let mut t = Table::default();
        t.add(
            "account_id",
            Column::Objects(self.ids.iter().map(|i| i.clone_ref(py)).collect()),
        )
        .add(
            "days_past_due",
            Column::Int(
                a.iter()
                    .map(|x| x.as_ref().map(|x| i64::from(x.days_past_due)))
                    .collect(),
            ),
        )
        .add(
            "bucket",
            Column::Int(
                a.iter()
                    .map(|x| x.as_ref().and_then(|x| i64::try_from(x.bucket).ok()))
                    .collect(),
            ),
        )
        .add(
            "bucket_label",
            Column::Text(
                a.iter()
                    .map(|x| x.as_ref().map(|x| x.bucket_label.clone()))
                    .collect(),
            ),
        )
        .add(
            "counting_from",
            Column::Date(
                a.iter()
                    .map(|x| x.as_ref().and_then(|x| x.counting_from))
                    .collect(),
            ),
        )
        .add("past_due_amount", amounts(|x| x.past_due_amount))
        .add("tolerated_shortfall", amounts(|x| x.tolerated_shortfall))
        .add("outstanding", amounts(|x| x.outstanding));
        if let Some(errors) = &self.errors {
            t.add("error", Column::Text(errors.clone()));
        }
        t
    }
}

#[pymethods]
impl PyPortfolioAging {
    /// The date aged as of.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.portfolio.as_of.out(py)
    }

    /// The bucket labels.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.portfolio.labels.clone()
    }

    /// The account ids, as given, in the order they first appear.
    #[getter]
    fn account_ids(&self, py: Python<'_>) -> Vec<Py<PyAny>> {
        self.ids.iter().map(|i| i.clone_ref(py)).collect()
    }

    /// The totals of each bucket, accounts placed by their own days past due.
    #[getter]
    fn bucket_totals(&self) -> Vec<PyBucketTotals> {
        self.portfolio
            .labels
            .iter()
            .cloned()
            .zip(self.portfolio.totals.iter().copied())
            .map(PyBucketTotals)
            .collect()
    }

    /// Roll rates from ``earlier`` (an aging of the same accounts one period before, with the same
    /// buckets) to this one: for each bucket but the last, the balance now in the next bucket ÷ the
    /// balance then in this one (``None`` where it held nothing). ``measure`` is ``'outstanding'``,
    /// ``'past-due'`` or ``'accounts'``.
    #[pyo3(signature = (earlier, measure = None), text_signature = "($self, earlier, measure='outstanding')")]
    fn roll_rates_from<'py>(
        &self,
        py: Python<'py>,
        earlier: &Bound<'py, PyAny>,
        measure: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let earlier = earlier
            .cast::<PyPortfolioAging>()
            .map_err(|_| wrong_type(earlier, "earlier", "a PortfolioAging"))?;
        let measure = name_or(measure, "roll_measure", RollMeasure::Outstanding)?;
        let rates = self
            .portfolio
            .roll_rates_from(&earlier.get().portfolio, measure)
            .or_raise()?;
        Ok(PyList::new(
            py,
            rates
                .iter()
                .map(|r| r.out(py))
                .collect::<PyResult<Vec<_>>>()?,
        )?
        .into_any())
    }

    /// The accounts as a ``pyarrow.Table``: ``account_id`` (as given), ``days_past_due``, ``bucket``,
    /// ``bucket_label``, ``counting_from`` (``date32``, null when nothing is past due), and
    /// ``past_due_amount``, ``tolerated_shortfall``, ``outstanding`` as exact ``decimal128``. Needs
    /// pyarrow.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_table(
            py,
            &self.table(py),
            "PortfolioAging.to_arrow",
            TableKind::Arrow,
            self.float_money,
        )
    }

    /// ``to_arrow()`` as a pandas DataFrame of ``pd.ArrowDtype`` columns. Needs pandas and pyarrow.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_table(
            py,
            &self.table(py),
            "PortfolioAging.to_pandas",
            TableKind::Pandas,
            self.float_money,
        )
    }

    /// ``to_arrow()`` as a polars DataFrame (``polars.from_arrow``; amounts stay exact ``Decimal``
    /// columns). Needs the ``polars`` extra (polars and pyarrow).
    ///
    /// >>> p = age_accounts(["A", "B", "A"], ["2026-01-31", "2026-03-10", "2026-02-28"], [40, 20, 40], [0, 0, 0],
    /// ...                  "2026-03-31")
    /// >>> df = p.to_polars()
    /// >>> df["account_id"].to_list(), df["days_past_due"].to_list(), df["outstanding"].to_list()
    /// (['A', 'B'], [59, 21], [Decimal('80'), Decimal('20')])
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_table(
            py,
            &self.table(py),
            "PortfolioAging.to_polars",
            TableKind::Polars,
            self.float_money,
        )
    }

    /// The accounts as an HTML table (Jupyter shows it).
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        table::to_html(
            py,
            &self.table(py),
            self.__repr__()
                .trim_start_matches('<')
                .trim_end_matches('>'),
        )
    }

    /// ``{"as_of": ..., "labels": [...], "bucket_totals": [...], "accounts": [...]}``, each account's
    /// aging as ``Aging.to_dict()`` with its ``account_id``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("as_of", self.portfolio.as_of.out(py)?)?;
        d.set_item("labels", self.labels())?;
        let totals = PyList::empty(py);
        for t in self.bucket_totals() {
            totals.append(t.to_dict(py)?)?;
        }
        d.set_item("bucket_totals", totals)?;
        let accounts = PyList::empty(py);
        for (k, (id, aging)) in self.ids.iter().zip(&self.agings).enumerate() {
            let row = match aging {
                Some(a) => PyAging((a.clone(), self.portfolio.labels.clone())).to_dict(py)?,
                None => PyDict::new(py),
            };
            row.set_item("account_id", id.bind(py))?;
            if let Some(errors) = &self.errors {
                row.set_item("error", errors.get(k).cloned().flatten())?;
            }
            accounts.append(row)?;
        }
        d.set_item("accounts", accounts)?;
        Ok(d)
    }

    /// Rebuilds a portfolio aging from the state ``__reduce__`` gives.
    #[classmethod]
    fn _from_state(
        _cls: &Bound<'_, PyType>,
        state: &Bound<'_, PyAny>,
        ids: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let text = super::state_text(state)?;
        // A state pickled before errors="column" is the portfolio and its agings alone.
        let (portfolio, agings, errors, float_money): AgingState = serde_json::from_str(&text)
            .or_else(|_| {
                serde_json::from_str::<(PortfolioAging, Vec<Option<Aging>>)>(&text)
                    .map(|(p, a)| (p, a, None, false))
            })
            .map_err(|e| super::bad_state(&e))?;
        if errors.as_ref().is_some_and(|e| e.len() != agings.len()) {
            return Err(invalid("state", "errors", "one error cell per account"));
        }
        let ids: Vec<Py<PyAny>> = items_arg(ids, "ids")?
            .into_iter()
            .map(Bound::unbind)
            .collect();
        if ids.len() != agings.len() {
            return Err(invalid("ids", ids.len().to_string(), "one id per account"));
        }
        Ok(PyPortfolioAging {
            portfolio,
            agings,
            ids,
            errors,
            float_money,
        })
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, Bound<'py, PyList>))> {
        let py = slf.py();
        let this = slf.get();
        Ok((
            slf.get_type().getattr("_from_state")?,
            (
                this.state(),
                PyList::new(py, this.ids.iter().map(|i| i.bind(py)))?,
            ),
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyPortfolioAging>() else {
            return Ok(py.NotImplemented());
        };
        let other = other.get();
        let same = self.state() == other.state()
            && PyList::new(py, self.ids.iter().map(|i| i.bind(py)))?
                .eq(PyList::new(py, other.ids.iter().map(|i| i.bind(py)))?)?;
        Ok(PyBool::new(py, same).to_owned().into_any().unbind())
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.state().hash(&mut h);
        h.finish()
    }

    fn __len__(&self) -> usize {
        self.agings.len()
    }

    /// The aging of the account at ``index`` (in the order of ``account_ids``); ``None`` for an
    /// account in error (``errors='column'``).
    fn __getitem__(&self, index: isize) -> PyResult<Option<PyAging>> {
        let n = self.agings.len() as isize;
        let at = if index < 0 { index + n } else { index };
        usize::try_from(at)
            .ok()
            .and_then(|i| self.agings.get(i))
            .map(|a| {
                a.as_ref()
                    .map(|a| PyAging((a.clone(), self.portfolio.labels.clone())))
            })
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("account index out of range"))
    }

    /// Each account's error (``None`` when fine), in the order of ``account_ids``, when
    /// ``age_accounts`` was called with ``errors='column'``; otherwise ``None``.
    #[getter]
    fn errors(&self) -> Option<Vec<Option<String>>> {
        self.errors.clone()
    }

    fn __repr__(&self) -> String {
        let counts: Vec<String> = self
            .portfolio
            .labels
            .iter()
            .zip(&self.portfolio.totals)
            .map(|(l, t)| format!("{l}: {}", t.accounts))
            .collect();
        format!(
            "<PortfolioAging {} {} accounts ({})>",
            self.portfolio.as_of,
            self.agings.len(),
            counts.join(", ")
        )
    }
}

/// A core error about one account, its value naming the account's position as the core's
/// `age_portfolio` does.
fn at_account(err: Error, k: usize) -> Error {
    match err {
        Error::InvalidArgument {
            field,
            value,
            reason,
        } => Error::InvalidArgument {
            field,
            value: format!("account #{k}: {value}"),
            reason,
        },
        other => other,
    }
}

/// Accounts below this many per thread are aged on one thread.
const ACCOUNTS_PER_THREAD: usize = 2048;

/// The per-bucket totals of agings.
fn bucket_sums<'a>(
    agings: impl Iterator<Item = &'a Aging>,
    buckets: usize,
) -> Result<Vec<BucketTotals>, Error> {
    let mut totals = vec![BucketTotals::default(); buckets];
    for a in agings {
        let Some(t) = totals.get_mut(a.bucket) else {
            continue;
        };
        t.accounts += 1;
        let overflow = |field: &'static str, v: Decimal| Error::Overflow {
            field,
            value: v.to_string(),
        };
        t.outstanding = t
            .outstanding
            .checked_add(a.outstanding)
            .ok_or_else(|| overflow("outstanding", a.outstanding))?;
        t.past_due = t
            .past_due
            .checked_add(a.past_due_amount)
            .ok_or_else(|| overflow("past_due_amount", a.past_due_amount))?;
    }
    Ok(totals)
}

/// Rows below this many per thread are read on one thread.
const READS_PER_THREAD: usize = 8192;

/// An account id as a key: text, a whole number, a null, or (any other Arrow value) as shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum IdKey {
    Null,
    Int(i64),
    Str(String),
    Other(String),
}

impl IdKey {
    /// The id at `row` of the column.
    fn of(column: &InputColumn, row: usize) -> Result<IdKey, Error> {
        // A cell that could not be read (or a column that could not be converted) is an error.
        column.check(row)?;
        if column.is_null(row) {
            return Ok(IdKey::Null);
        }
        if let Ok(Some(s)) = column.str(row) {
            return Ok(IdKey::Str(s.to_string()));
        }
        if let Ok(Some(i)) = column.int(row) {
            return Ok(IdKey::Int(i));
        }
        Ok(IdKey::Other(column.show(row)))
    }

    /// The key of a Python id (a `frozen_periods` key): `None`, an int or a str; `None` for any other.
    fn of_python(obj: &Bound<'_, PyAny>) -> Option<IdKey> {
        if obj.is_none() {
            return Some(IdKey::Null);
        }
        if let Ok(s) = obj.cast::<pyo3::types::PyString>() {
            return s.to_cow().ok().map(|s| IdKey::Str(s.into_owned()));
        }
        if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
            return obj.extract::<i64>().ok().map(IdKey::Int);
        }
        None
    }
}

/// One obligation as read: due date, amount due, amount paid.
type Obligated = (NaiveDate, Decimal, Decimal);

/// One obligation row as read, or its error's text (`errors="column"`).
type ObligationRow = Result<Obligated, String>;

/// One account built from its rows, or its first error's text.
fn build_account(
    k: usize,
    rows: &[ObligationRow],
    frozen: &FrozenPeriods,
) -> Result<Result<AccountObligations, String>, Error> {
    let mut obligations = Vec::with_capacity(rows.len());
    for row in rows {
        let (date, due, paid) = match row {
            Ok(r) => *r,
            Err(text) => return Ok(Err(text.clone())),
        };
        obligations.push(Obligation::new(date, due, paid).map_err(|e| at_account(e, k))?);
    }
    AccountObligations::with_frozen(obligations, frozen.clone())
        .map(Ok)
        .map_err(|e| at_account(e, k))
}

/// Ages many accounts as of one date, from columns with one row per obligation.
///
/// ``account_ids`` (any hashable values: the rows of one account need not be adjacent),
/// ``due_dates`` (dates, ``'YYYY-MM-DD'`` text or a ``datetime64`` column), ``amounts_due`` and
/// ``amounts_paid`` (Decimals, ints or str; a float column is refused) are lists, numpy arrays,
/// pandas or polars Series or pyarrow arrays of one length. Ids are text, whole numbers or null (any
/// other Arrow value is keyed by its text), and come back as Python values of their Arrow type. Each
/// account's obligations must be in due-date order (equal dates allowed), in the order of their rows,
/// as ``Account`` takes them. The columns are read through Arrow (no Python object per cell) and,
/// with the accounts aged, without the GIL, on the threads of ``set_threads``;
/// ``progress`` is ``None``, ``True`` (a tqdm bar) or a callable told ``(done, total)`` accounts.
/// ``rules`` is an ``AgingRules`` (the default rules when not given); ``frozen_periods`` maps account
/// ids to their ``(start, end)`` date pairs (both included) during which the days past due stand
/// still, as ``Account`` takes them. ``money='float64'`` makes ``to_arrow()`` and ``to_pandas()``
/// give the amounts as float64 (exact ``decimal128`` by default).
///
/// ``errors='raise'`` (the default): an account's error keeps its kind and field, its value naming
/// the account's position (``'account #3: ...'``): obligations out of due-date order name
/// ``'obligations'``, as the core does; a bad cell is its column's error led by its row (``'row 4:
/// ...'``). ``errors='column'``: nothing is raised for a bad account (a bad cell, obligations the
/// core refuses): ``errors`` and the tables' ``error`` column give ``"<field>: <message>"`` per
/// account (``None`` when fine), the account's aging is ``None`` (its table cells null) and it is in
/// no bucket's totals. A bad id, column or ``frozen_periods`` still raises.
///
/// >>> p = age_accounts(["A", "B", "A"], ["2026-01-31", "2026-03-10", "2026-02-28"], [40, 20, 40], [0, 0, 0],
/// ...                  "2026-03-31")
/// >>> [(t.label, t.accounts, t.outstanding) for t in p.bucket_totals if t.accounts]
/// [('1-30', 1, Decimal('20')), ('31-60', 1, Decimal('80'))]
/// >>> p[0].days_past_due, p.account_ids
/// (59, ['A', 'B'])
/// >>> frozen = {"A": [("2026-02-01", "2026-02-28")]}   # 28 days of dispute stand still
/// >>> age_accounts(["A", "A"], ["2026-01-31", "2026-02-28"], [40, 40], [0, 0], "2026-03-31",
/// ...              frozen_periods=frozen)[0].days_past_due
/// 31
/// >>> bad = age_accounts(["A", "B"], ["2026-01-31", None], [40, 20], [0, 0], "2026-03-31", errors="column")
/// >>> [e and e.split(":")[0] for e in bad.errors], bad[1], bad.bucket_totals[2].accounts
/// ([None, 'due_dates'], None, 1)
#[pyfunction]
#[pyo3(
    signature = (account_ids, due_dates, amounts_due, amounts_paid, as_of, *, rules = None,
                 frozen_periods = None, errors = None, money = None, progress = None),
    text_signature = "(account_ids, due_dates, amounts_due, amounts_paid, as_of, *, rules=None, \
                      frozen_periods=None, errors='raise', money='decimal128', progress=None)"
)]
#[allow(clippy::too_many_arguments)]
pub fn age_accounts(
    py: Python<'_>,
    account_ids: &Bound<'_, PyAny>,
    due_dates: &Bound<'_, PyAny>,
    amounts_due: &Bound<'_, PyAny>,
    amounts_paid: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    rules: Option<&Bound<'_, PyAny>>,
    frozen_periods: Option<&Bound<'_, PyAny>>,
    errors: Option<&Bound<'_, PyAny>>,
    money: Option<&Bound<'_, PyAny>>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyPortfolioAging> {
    let rules = rules_arg(rules)?;
    let as_of = date_arg(as_of, "as_of")?;
    let on_error = errors_arg(errors)?;
    let float_money = table::float_money_arg(money)?;
    let mut progress = progress_arg(progress, "age_accounts")?;
    let given_columns = PyDict::new(py);
    given_columns.set_item("account_ids", account_ids)?;
    given_columns.set_item("due_dates", due_dates)?;
    given_columns.set_item("amounts_due", amounts_due)?;
    given_columns.set_item("amounts_paid", amounts_paid)?;
    let table = InputTable::read(&given_columns, "columns")?;
    let ids = table.required("account_ids", "columns")?;
    let dates = table.required("due_dates", "columns")?;
    let due = table.required("amounts_due", "columns")?;
    let paid = table.required("amounts_paid", "columns")?;
    let n = table.rows();
    // Each row's account key and obligation, read without the GIL; the rows grouped by account in
    // the order the ids first appear.
    let indices: Vec<usize> = (0..n).collect();
    let read_one = |&row: &usize| -> Result<(IdKey, Result<Obligated, Error>), Error> {
        let key = IdKey::of(&ids, row)?;
        let obligation = (|| {
            Ok((
                dates.require_date(row)?,
                due.require_decimal(row, None)?,
                paid.require_decimal(row, None)?,
            ))
        })();
        Ok((key, obligation))
    };
    let (first_rows, index, rows) = py
        .detach(|| -> Result<_, Error> {
            let read = crate::threads::par_map(&indices, READS_PER_THREAD, read_one)
                .map_err(|(_, e)| e)?;
            let mut index: HashMap<IdKey, usize> = HashMap::new();
            let mut first_rows: Vec<usize> = Vec::new();
            let mut rows: Vec<Vec<ObligationRow>> = Vec::new();
            for (row, (key, obligation)) in read.into_iter().enumerate() {
                let k = *index.entry(key).or_insert_with(|| {
                    first_rows.push(row);
                    rows.push(Vec::new());
                    rows.len() - 1
                });
                let obligation = match (obligation, on_error) {
                    (Ok(o), _) => Ok(o),
                    (Err(e), OnError::Raise) => return Err(e),
                    (Err(e), OnError::Column) => Err(e.to_string()),
                };
                if let Some(r) = rows.get_mut(k) {
                    r.push(obligation);
                }
            }
            Ok((first_rows, index, rows))
        })
        .map_err(raise)?;
    // The ids as Python values (one per account), taken from the column as given.
    let mut id_table = OutputTable::new();
    id_table.push("id", ids.take(&first_rows).map_err(raise)?);
    let order: Vec<Py<PyAny>> = items_arg(
        &give_back(py, id_table, TableKind::Arrow, false, "age_accounts")?
            .call_method1("column", ("id",))?
            .call_method0("to_pylist")?,
        "account_ids",
    )?
    .into_iter()
    .map(Bound::unbind)
    .collect();
    // Frozen periods by account id; an id no row has is refused (a typo would freeze nothing).
    let mut frozen: Vec<FrozenPeriods> = vec![FrozenPeriods::none(); order.len()];
    if let Some(map) = given(frozen_periods) {
        let items = map.call_method0("items").map_err(|_| {
            wrong_type(
                map,
                "frozen_periods",
                "a mapping of account ids to (start, end) pairs",
            )
        })?;
        for item in items_arg(&items, "frozen_periods")? {
            let (id, pairs): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let Some(&k) = IdKey::of_python(&id).and_then(|key| index.get(&key)) else {
                return Err(invalid(
                    "frozen_periods",
                    describe(&id),
                    "names no account of account_ids",
                ));
            };
            if let Some(slot) = frozen.get_mut(k) {
                *slot = frozen_arg(Some(&pairs), "frozen_periods")?;
            }
        }
    }
    // Each account's rows in the order given: out of due-date order is the core's error, as in
    // Rust and C (sorting here would age obligations the caller did not list).
    // Each account built from its rows and aged, without the GIL on the threads of set_threads.
    let work: Vec<(usize, &[ObligationRow], &FrozenPeriods)> = rows
        .iter()
        .zip(&frozen)
        .enumerate()
        .map(|(k, (r, f))| (k, r.as_slice(), f))
        .collect();
    let age = |&(k, r, f): &(usize, &[ObligationRow], &FrozenPeriods)| -> Result<Result<Aging, String>, Error> {
        let account = match build_account(k, r, f) {
            Ok(Ok(account)) => account,
            Ok(Err(text)) => return Ok(Err(text)),
            Err(e) if on_error == OnError::Column => return Ok(Err(e.to_string())),
            Err(e) => return Err(e),
        };
        match account.age(as_of, &rules) {
            Ok(aging) => Ok(Ok(aging)),
            Err(e) if on_error == OnError::Column => Ok(Err(e.to_string())),
            Err(e) => Err(e),
        }
    };
    let aged = par_map_detached(py, &work, ACCOUNTS_PER_THREAD, age, progress.as_mut())?;
    let aged = match aged {
        Ok(aged) => aged,
        // A build error as it is; an aging error as the core's own portfolio error (its value naming
        // the account) for the first bad account.
        Err((i, err)) => {
            let mut good = Vec::with_capacity(i + 1);
            for &(k, r, f) in work.iter().take(i + 1) {
                match build_account(k, r, f) {
                    Ok(Ok(account)) => good.push(account),
                    Ok(Err(_)) => {}
                    Err(e) => return Err(raise(e)),
                }
            }
            return Err(raise(
                core::age_portfolio(&good, as_of, &rules)
                    .err()
                    .unwrap_or(err),
            ));
        }
    };
    let (agings, errors): (Vec<Option<Aging>>, Vec<Option<String>>) = aged
        .into_iter()
        .map(|r| match r {
            Ok(a) => (Some(a), None),
            Err(text) => (None, Some(text)),
        })
        .unzip();
    let totals = bucket_sums(agings.iter().flatten(), rules.buckets().len()).map_err(raise)?;
    let portfolio = PortfolioAging {
        as_of,
        labels: rules
            .buckets()
            .labels()
            .iter()
            .map(|l| l.to_string())
            .collect(),
        totals,
        accounts: agings
            .iter()
            .flatten()
            .map(|a| AccountAge {
                days_past_due: a.days_past_due,
                bucket: u32::try_from(a.bucket).unwrap_or(u32::MAX),
            })
            .collect(),
    };
    Ok(PyPortfolioAging {
        portfolio,
        agings,
        ids: order,
        errors: (on_error == OnError::Column).then_some(errors),
        float_money,
    })
}

/// Roll rates from per-bucket balances: ``now[k + 1] / earlier[k]`` for each ``k`` but the last,
/// ``None`` where ``earlier[k]`` is zero. Both lists have one balance per bucket (at least two), none
/// negative.
///
/// >>> roll_rates([1000, 200, 0], [900, 100, 50])
/// [Decimal('0.10'), Decimal('0.25')]
#[pyfunction]
pub fn roll_rates<'py>(
    py: Python<'py>,
    earlier: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let list = |obj: &Bound<'py, PyAny>, field| {
        column_items(obj, field, true)?
            .iter()
            .map(|v| decimal_arg(v, field))
            .collect::<PyResult<Vec<_>>>()
    };
    let rates = core::roll_rates(&list(earlier, "earlier")?, &list(now, "now")?).or_raise()?;
    Ok(PyList::new(
        py,
        rates
            .iter()
            .map(|r| r.out(py))
            .collect::<PyResult<Vec<_>>>()?,
    )?
    .into_any())
}

/// Registers the classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyAgingRules>()?;
    m.add_class::<PyAccount>()?;
    m.add_class::<PyAging>()?;
    m.add_class::<PyChargeOff>()?;
    m.add_class::<PyTimeBar>()?;
    m.add_class::<PyAccountActivity>()?;
    m.add_class::<PyDelinquencyChange>()?;
    m.add_class::<PyBucketTotals>()?;
    m.add_class::<PyPortfolioAging>()?;
    m.add_function(wrap_pyfunction!(age_accounts, m)?)?;
    m.add_function(wrap_pyfunction!(roll_rates, m)?)?;
    Ok(())
}
