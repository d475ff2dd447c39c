//! `PlanTerms`, `PlanBounds`, `Arrangement`, `BreakRule`, `ReplanTerms` and `track` (a `Tracking` of
//! `PromiseTrack`s), over the core's `plan` arrangements and tracking.

use collections_core::debt::aging::Payment;
use collections_core::plan::{
    track as core_track, Arrangement, BreakRule, Freeze, KeptRule, PlanBounds, PlanTerms,
    PromiseTrack, ReplanTerms, Tracking,
};
use collections_core::Frequency;
use pyo3::prelude::*;
use rust_decimal::Decimal;

use super::{
    debt_triples, debts_arg, opt_promise, promise_pairs, promises_arg, tolerance_arg, ToleranceOut,
};
use crate::affordability::recommend::{minimum_out, minimum_payment_arg};
use crate::calendar::frequency_arg;
use crate::contact::{class_arg, from_json};
use crate::convert::{bool_arg, date_arg, describe, int_arg};
use crate::debt::aging::dated_amounts;
use crate::debt::table::{to_arrow, to_pandas, Column, Table};
use crate::debt::{given, opt_decimal, value_class};
use crate::errors::{invalid, CoreResultExt};
use crate::money::currency_arg;
use crate::rate::rate_arg;
use crate::schedule::classes::PySchedule;

/// An optional count, `default` when not given.
fn count_or(obj: Option<&Bound<'_, PyAny>>, field: &'static str, default: u32) -> PyResult<u32> {
    given(obj).map_or(Ok(default), |o| int_arg::<u32>(o, field))
}

/// An optional flag, `default` when not given.
fn flag_or(obj: Option<&Bound<'_, PyAny>>, field: &'static str, default: bool) -> PyResult<bool> {
    given(obj).map_or(Ok(default), |o| bool_arg(o, field))
}

/// Policy bounds from a maximum term and a minimum installment (the library's 1,200 months and no
/// minimum when not given).
fn bounds_from(
    max_term_months: Option<&Bound<'_, PyAny>>,
    minimum_installment: Option<&Bound<'_, PyAny>>,
) -> PyResult<PlanBounds> {
    let d = PlanBounds::default();
    PlanBounds::new(
        count_or(max_term_months, "max_term_months", d.max_term_months())?,
        minimum_payment_arg(
            minimum_installment,
            "minimum_installment",
            d.minimum_installment(),
        )?,
    )
    .or_raise()
}

value_class! {
    in "collections_core.plan"
    /// Policy bounds a plan must stay within: the longest plan (``max_term_months`` from the start to
    /// the last promise; 1,200 by default) and the least installment (``minimum_installment``: an
    /// amount, 0 by default, or ``'irs_streamlined'``: the larger of 25 and the balance / 72; the down
    /// payment and the last installment are exempt). A plan beyond one is refused with an
    /// ``InvalidArgumentError`` naming the bound.
    ///
    /// >>> PlanBounds(24, 25).max_term_months, PlanBounds(minimum_installment="irs_streamlined").minimum_installment
    /// (24, 'irs_streamlined')
    "PlanBounds" PyPlanBounds(PlanBounds) {
        /// The longest plan, in months.
        max_term_months: |b| b.max_term_months(),
        /// The least installment: an amount or ``'irs_streamlined'``.
        minimum_installment: |b| minimum_out(b.minimum_installment()),
    }

    #[new]
    #[pyo3(signature = (max_term_months = None, minimum_installment = None))]
    fn new(max_term_months: Option<&Bound<'_, PyAny>>, minimum_installment: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        bounds_from(max_term_months, minimum_installment).map(PyPlanBounds)
    }

    /// Bounds from the core's JSON (``max_term_months``, ``minimum_installment``).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(PlanBounds, text, "bounds").map(PyPlanBounds)
    }

    /// The bounds as JSON.
    fn to_json(&self) -> String {
        self.state()
    }
}

value_class! {
    in "collections_core.plan"
    /// What every arrangement on a set of debts shares: the ``currency``, the ``debts`` (``(id,
    /// balance)`` pairs or ``(id, balance, annual_rate)`` triples), the ``start_date``, what is frozen
    /// (``freeze_interest``, ``freeze_fees``: both by default), when a promise is kept (paid by its date
    /// plus ``grace_days``, short by no more than ``tolerance``: ``None``, ``('percent', 10)`` or
    /// ``('amount', '5.00')``) and the policy bounds (``max_term_months``, ``minimum_installment``, or
    /// ``bounds``, a ``PlanBounds``, not both). The debts and bounds are checked when an arrangement is
    /// built.
    ///
    /// >>> t = PlanTerms("USD", [("card", 300)], "2026-01-01", grace_days=3, tolerance=("percent", 10))
    /// >>> t.balance, t.grace_days, t.tolerance
    /// (Decimal('300'), 3, ('percent', Decimal('10')))
    "PlanTerms" PyPlanTerms(PlanTerms) {
        /// The currency.
        currency: |t| t.currency,
        /// ``(id, balance, annual_rate)`` triples.
        debts: |t| debt_triples(&t.debts),
        /// The sum of the debts' balances.
        balance: |t| t.debts.iter().map(|d| d.balance).sum::<Decimal>(),
        /// The first day of the arrangement.
        start_date: |t| t.start_date,
        /// Whether interest is frozen.
        freeze_interest: |t| t.freeze.interest,
        /// Whether fees are frozen.
        freeze_fees: |t| t.freeze.fees,
        /// Days after a promise's date a payment still counts as on time.
        grace_days: |t| t.kept.grace_days(),
        /// The shortfall that still counts as kept: ``None`` or a ``(kind, value)`` pair.
        tolerance: |t| ToleranceOut(t.kept.tolerance()),
        /// The longest plan, in months.
        max_term_months: |t| t.bounds.max_term_months(),
        /// The least installment: an amount or ``'irs_streamlined'``.
        minimum_installment: |t| minimum_out(t.bounds.minimum_installment()),
    }

    #[new]
    #[pyo3(signature = (currency, debts, start_date, *, freeze_interest = None, freeze_fees = None,
                        grace_days = None, tolerance = None, max_term_months = None,
                        minimum_installment = None, bounds = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        currency: &Bound<'_, PyAny>,
        debts: &Bound<'_, PyAny>,
        start_date: &Bound<'_, PyAny>,
        freeze_interest: Option<&Bound<'_, PyAny>>,
        freeze_fees: Option<&Bound<'_, PyAny>>,
        grace_days: Option<&Bound<'_, PyAny>>,
        tolerance: Option<&Bound<'_, PyAny>>,
        max_term_months: Option<&Bound<'_, PyAny>>,
        minimum_installment: Option<&Bound<'_, PyAny>>,
        bounds: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut terms = PlanTerms::new(
            currency_arg(currency, "currency")?,
            debts_arg(debts)?,
            date_arg(start_date, "start_date")?,
        );
        terms.freeze = Freeze {
            interest: flag_or(freeze_interest, "freeze_interest", true)?,
            fees: flag_or(freeze_fees, "freeze_fees", true)?,
        };
        terms.kept = KeptRule::new(count_or(grace_days, "grace_days", 0)?, tolerance_arg(tolerance, "tolerance")?)
            .or_raise()?;
        terms.bounds = match given(bounds) {
            Some(b) => {
                // The bounds come whole from `bounds`: a bound given beside it would be dropped.
                for (field, other) in [("max_term_months", max_term_months), ("minimum_installment", minimum_installment)] {
                    if let Some(o) = given(other) {
                        return Err(invalid(field, describe(o), "not taken with bounds: give it in the PlanBounds"));
                    }
                }
                class_arg::<PyPlanBounds>(b, "bounds", "a PlanBounds")?.get().0
            }
            None => bounds_from(max_term_months, minimum_installment)?,
        };
        Ok(PyPlanTerms(terms))
    }

    /// Terms from the core's JSON (``currency``, ``debts``, ``start_date``, ``freeze``, ``kept``,
    /// ``bounds``).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(PlanTerms, text, "terms").map(PyPlanTerms)
    }

    /// The terms as JSON.
    fn to_json(&self) -> String {
        self.state()
    }
}

value_class! {
    in "collections_core.plan"
    /// How what is left after a break is re-planned: a new schedule from ``start_date`` (not before the
    /// tracking date), its first payment on ``first_due_date``, every ``frequency``, of ``term``
    /// payments or a level ``payment``, at ``annual_rate`` (used only when interest is not frozen) on
    /// ``balance`` (the debts' balance less what was paid when not given; required when interest is
    /// not frozen).
    "ReplanTerms" PyReplanTerms(ReplanTerms) {
        /// The day the new plan starts.
        start_date: |r| r.start_date,
        /// Its first payment's date.
        first_due_date: |r| r.first_due_date,
        /// How often it pays.
        frequency: |r| r.frequency.name(),
        /// The number of payments, or ``None``.
        term: |r| match r.term_or_payment { collections_core::schedule::TermOrPayment::Term(n) => Some(n), _ => None },
        /// The level payment, or ``None``.
        payment: |r| match r.term_or_payment { collections_core::schedule::TermOrPayment::Payment(p) => Some(p), _ => None },
        /// The annual rate, a fraction.
        annual_rate: |r| r.annual_rate.as_fraction(),
        /// What is owed now, or ``None``.
        balance: |r| r.balance,
    }

    #[new]
    #[pyo3(signature = (start_date, first_due_date, frequency = None, *, term = None, payment = None,
                        annual_rate = None, balance = None))]
    fn new(
        start_date: &Bound<'_, PyAny>,
        first_due_date: &Bound<'_, PyAny>,
        frequency: Option<&Bound<'_, PyAny>>,
        term: Option<&Bound<'_, PyAny>>,
        payment: Option<&Bound<'_, PyAny>>,
        annual_rate: Option<&Bound<'_, PyAny>>,
        balance: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let frequency = given(frequency).map_or(Ok(Frequency::Monthly), |f| frequency_arg(f, "frequency"))?;
        let mut r = ReplanTerms::new(
            date_arg(start_date, "start_date")?,
            date_arg(first_due_date, "first_due_date")?,
            frequency,
            crate::schedule::term_or_payment(given(term), given(payment))?,
        );
        if let Some(rate) = given(annual_rate) {
            r.annual_rate = rate_arg(rate, "annual_rate")?;
        }
        r.balance = opt_decimal(balance, "balance")?;
        Ok(PyReplanTerms(r))
    }

    /// Re-plan terms from the core's JSON.
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(ReplanTerms, text, "replan").map(PyReplanTerms)
    }

    /// The terms as JSON.
    fn to_json(&self) -> String {
        self.state()
    }
}

/// The terms argument: a `PlanTerms`.
fn terms_arg(obj: &Bound<'_, PyAny>) -> PyResult<PlanTerms> {
    Ok(class_arg::<PyPlanTerms>(obj, "terms", "a PlanTerms")?
        .get()
        .0
        .clone())
}

/// A break rule argument: a `BreakRule`, or the default (two missed installments) when not given.
fn break_rule_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<BreakRule> {
    match given(obj) {
        Some(b) => Ok(class_arg::<PyBreakRule>(b, "break_rule", "a BreakRule")?
            .get()
            .0),
        None => Ok(BreakRule::default()),
    }
}

/// Payments from `(date, amount)` pairs.
fn payments_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Payment>> {
    Ok(dated_amounts(Some(obj), "payments")?
        .into_iter()
        .map(|(date, amount)| Payment { date, amount })
        .collect())
}

value_class! {
    in "collections_core.plan"
    /// A repayment arrangement: an optional down payment and installments on one or more debts, valid
    /// by construction (promises in increasing date order, none before the start, each above zero in
    /// minor units; with interest frozen, adding up to no more than the balance; within the terms'
    /// bounds). Build it with ``Arrangement.from_promises(terms, promises, down_payment=None)`` or
    /// ``Arrangement.from_schedule(terms, schedule, down_payment=None)``; promises are ``(date,
    /// amount)`` pairs.
    ///
    /// >>> terms = PlanTerms("USD", [("card", 300)], "2026-01-01")
    /// >>> plan = Arrangement.from_promises(terms, [("2026-01-15", 100), ("2026-02-15", 100), ("2026-03-15", 100)])
    /// >>> plan.total_promised, plan.promises[0]
    /// (Decimal('300'), (datetime.date(2026, 1, 15), Decimal('100')))
    "Arrangement" PyArrangement(Arrangement) {
        /// The currency.
        currency: |a| a.currency(),
        /// ``(id, balance, annual_rate)`` triples.
        debts: |a| debt_triples(a.debts()),
        /// The sum of the debts' balances.
        balance: |a| a.balance(),
        /// The first day of the arrangement.
        start_date: |a| a.start_date(),
        /// Whether interest is frozen.
        freeze_interest: |a| a.freeze().interest,
        /// Whether fees are frozen.
        freeze_fees: |a| a.freeze().fees,
        /// Days after a promise's date a payment still counts as on time.
        grace_days: |a| a.kept_rule().grace_days(),
        /// The shortfall that still counts as kept: ``None`` or a ``(kind, value)`` pair.
        tolerance: |a| ToleranceOut(a.kept_rule().tolerance()),
        /// Every promise, ``(date, amount)``, the down payment first.
        promises: |a| promise_pairs(a.promises()),
        /// The down payment, or ``None``.
        down_payment: |a| a.down_payment().map(|p| (p.date, p.amount)),
        /// The installments after the down payment.
        installments: |a| promise_pairs(a.installments()),
        /// The day it was cancelled, or ``None``.
        cancelled_on: |a| a.cancelled_on(),
        /// The sum of every promise.
        total_promised: |a| a.total_promised(),
    }

    /// An arrangement from promised installments (``(date, amount)`` pairs) after an optional down
    /// payment (one pair), under ``terms`` (a ``PlanTerms``).
    #[staticmethod]
    #[pyo3(signature = (terms, promises, down_payment = None))]
    fn from_promises(
        terms: &Bound<'_, PyAny>,
        promises: &Bound<'_, PyAny>,
        down_payment: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let terms = terms_arg(terms)?;
        let down = opt_promise(down_payment, "down_payment")?;
        Arrangement::from_promises(&terms, down, promises_arg(promises, "promises")?)
            .or_raise()
            .map(PyArrangement)
    }

    /// An arrangement whose installments are a ``Schedule``'s paying rows; its principal plus the down
    /// payment must be the debts' balance, and a schedule with interest needs interest not frozen.
    #[staticmethod]
    #[pyo3(signature = (terms, schedule, down_payment = None))]
    fn from_schedule(
        terms: &Bound<'_, PyAny>,
        schedule: &Bound<'_, PyAny>,
        down_payment: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let terms = terms_arg(terms)?;
        let schedule = class_arg::<PySchedule>(schedule, "schedule", "a Schedule")?;
        let down = opt_promise(down_payment, "down_payment")?;
        Arrangement::from_schedule(&terms, down, schedule.get().schedule())
            .or_raise()
            .map(PyArrangement)
    }

    /// An arrangement from the core's JSON (``currency``, ``debts``, ``start_date``, ``freeze``,
    /// ``kept``, ``has_down_payment``, ``promises``, ``cancelled_on``), checked as when built.
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(Arrangement, text, "arrangement").map(PyArrangement)
    }

    /// The arrangement as JSON.
    fn to_json(&self) -> String {
        self.state()
    }

    /// The same arrangement, cancelled on ``on`` (not before the start).
    fn cancelled(&self, on: &Bound<'_, PyAny>) -> PyResult<Self> {
        self.0
            .clone()
            .cancelled(date_arg(on, "cancelled_on")?)
            .or_raise()
            .map(PyArrangement)
    }

    /// From the start to the last promise, both included: ``(start, end)``, the days to freeze on the
    /// ledger.
    #[getter]
    fn frozen_period<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r = self.0.frozen_period().or_raise()?;
        crate::debt::Out::out(&(r.start(), r.end()), py)
    }

    /// Each promise split across the debts pro rata to their balances, to the minor unit: one tuple
    /// per promise, one amount per debt.
    fn debt_shares<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::debt::Out::out(&self.0.debt_shares().or_raise()?, py)
    }

    /// This arrangement tracked against ``payments`` (``(date, amount)`` pairs) as of ``as_of``:
    /// ``track(self, payments, as_of, break_rule)``.
    #[pyo3(signature = (payments, as_of, break_rule = None))]
    fn track(
        &self,
        payments: &Bound<'_, PyAny>,
        as_of: &Bound<'_, PyAny>,
        break_rule: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTracking> {
        core_track(&self.0, &payments_arg(payments)?, date_arg(as_of, "as_of")?, &break_rule_arg(break_rule)?)
            .or_raise()
            .map(PyTracking)
    }

    /// What is left after ``tracking`` (a ``Tracking`` of this arrangement), amortized again under
    /// ``terms`` (a ``ReplanTerms``), with the same freeze and kept rule, within ``bounds`` (a
    /// ``PlanBounds``; none when not given).
    #[pyo3(signature = (tracking, terms, bounds = None))]
    fn replan(
        &self,
        tracking: &Bound<'_, PyAny>,
        terms: &Bound<'_, PyAny>,
        bounds: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let tracking = class_arg::<PyTracking>(tracking, "tracking", "a Tracking")?;
        let terms = class_arg::<PyReplanTerms>(terms, "replan", "a ReplanTerms")?;
        let bounds = match given(bounds) {
            Some(b) => class_arg::<PyPlanBounds>(b, "bounds", "a PlanBounds")?.get().0,
            None => PlanBounds::default(),
        };
        self.0
            .replan(&tracking.get().0, &terms.get().0, &bounds)
            .or_raise()
            .map(PyArrangement)
    }
}

/// `missed_installments=`: a whole number, or `None` for no count test.
fn missed_arg(obj: &Bound<'_, PyAny>) -> PyResult<Option<u32>> {
    if obj.is_none() {
        return Ok(None);
    }
    int_arg::<u32>(obj, "missed_installments").map(Some)
}

value_class! {
    in "collections_core.plan"
    /// When an arrangement is broken: ``missed_installments`` missed (partially kept or broken)
    /// promises past their deadline (``consecutive`` ones, or any; 2 by default; ``None`` for no such
    /// test), or the ``cumulative_shortfall`` (a tolerance: ``('amount', 50)`` or ``('percent', 10)``
    /// of what was promised by then) exceeded; whichever comes first.
    ///
    /// >>> BreakRule().missed_installments, BreakRule(missed_installments=None, cumulative_shortfall=("percent", 10)).cumulative_shortfall
    /// (2, ('percent', Decimal('10')))
    "BreakRule" PyBreakRule(BreakRule) {
        /// Missed installments that break the arrangement, or ``None``.
        missed_installments: |b| b.missed_installments(),
        /// Whether they must be consecutive.
        consecutive: |b| b.consecutive(),
        /// The cumulative shortfall that breaks it: ``None`` or a ``(kind, value)`` pair.
        cumulative_shortfall: |b| b.cumulative_shortfall().map(ToleranceOut),
    }

    #[new]
    #[pyo3(signature = (*, missed_installments = Some(2), consecutive = None, cumulative_shortfall = None))]
    fn new(
        #[pyo3(from_py_with = missed_arg)] missed_installments: Option<u32>,
        consecutive: Option<&Bound<'_, PyAny>>,
        cumulative_shortfall: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let shortfall = match given(cumulative_shortfall) {
            Some(s) => Some(tolerance_arg(Some(s), "cumulative_shortfall")?),
            None => None,
        };
        BreakRule::new(missed_installments, flag_or(consecutive, "consecutive", false)?, shortfall)
            .or_raise()
            .map(PyBreakRule)
    }

    /// A break rule from the core's JSON (``missed_installments``, ``consecutive``,
    /// ``cumulative_shortfall``).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(BreakRule, text, "break_rule").map(PyBreakRule)
    }

    /// The rule as JSON.
    fn to_json(&self) -> String {
        self.state()
    }
}

value_class! {
    in "collections_core.plan"
    /// One promise tracked: its ``date`` and ``amount``, the ``deadline`` (the date plus the grace
    /// days), what was ``paid`` toward it, what of that by the deadline (``paid_on_time``) and its
    /// ``status`` (``'pending'``, ``'kept'``, ``'partially-kept'`` or ``'broken'``).
    "PromiseTrack" PyPromiseTrack(PromiseTrack) {
        /// The promise's date.
        date: |t| t.date,
        /// The amount promised.
        amount: |t| t.amount,
        /// The last day a payment counts on time.
        deadline: |t| t.deadline,
        /// What was paid toward it.
        paid: |t| t.paid,
        /// What was paid by the deadline.
        paid_on_time: |t| t.paid_on_time,
        /// ``'pending'``, ``'kept'``, ``'partially-kept'`` or ``'broken'``.
        status: |t| t.status.name(),
    }
}

/// The promises of a tracking as a table.
fn tracking_table(t: &Tracking) -> Table {
    let p = &t.promises;
    let mut table = Table::default();
    table
        .add(
            "date",
            Column::Date(p.iter().map(|x| Some(x.date)).collect()),
        )
        .add(
            "amount",
            Column::Decimal(p.iter().map(|x| Some(x.amount)).collect(), 0),
        )
        .add(
            "deadline",
            Column::Date(p.iter().map(|x| Some(x.deadline)).collect()),
        )
        .add(
            "paid",
            Column::Decimal(p.iter().map(|x| Some(x.paid)).collect(), 0),
        )
        .add(
            "paid_on_time",
            Column::Decimal(p.iter().map(|x| Some(x.paid_on_time)).collect(), 0),
        )
        .add(
            "status",
            Column::Text(
                p.iter()
                    .map(|x| Some(x.status.name().to_string()))
                    .collect(),
            ),
        );
    table
}

value_class! {
    in "collections_core.plan"
    /// An arrangement tracked as of a date: its ``status`` (``'active'``, ``'completed'``, ``'broken'``
    /// or ``'cancelled'``) and the day it took it (``status_date``), each promise (``promises``:
    /// ``PromiseTrack``s), what was ``paid`` toward promises, what was paid beyond them
    /// (``unmatched``), the shortfall forgiven by the tolerance (``tolerated_shortfall``), what is
    /// still to pay (``remaining``), the promises ``missed`` and the share of promises due that were
    /// kept (``kept_rate``, ``None`` when none is due). ``to_pandas()`` / ``to_arrow()`` give the
    /// promises as a table.
    ///
    /// >>> plan = Arrangement.from_promises(PlanTerms("USD", [("card", 300)], "2026-01-01"),
    /// ...     [("2026-01-15", 100), ("2026-02-15", 100), ("2026-03-15", 100)])
    /// >>> t = track(plan, [("2026-01-14", 100)], "2026-02-01")
    /// >>> t.status, [p.status for p in t.promises], t.remaining
    /// ('active', ['kept', 'pending', 'pending'], Decimal('200'))
    "Tracking" PyTracking(Tracking) {
        /// The date tracked to.
        as_of: |t| t.as_of,
        /// ``'active'``, ``'completed'``, ``'broken'`` or ``'cancelled'``.
        status: |t| t.status.name(),
        /// The day the status was taken, or ``None`` while active.
        status_date: |t| t.status_date,
        /// Each promise tracked.
        promises: |t| t.promises.iter().copied().map(PyPromiseTrack).collect::<Vec<_>>(),
        /// What was paid toward promises.
        paid: |t| t.paid,
        /// What was paid beyond every promise.
        unmatched: |t| t.unmatched,
        /// The shortfall forgiven by the tolerance.
        tolerated_shortfall: |t| t.tolerated_shortfall,
        /// What is still to pay.
        remaining: |t| t.remaining,
        /// Promises missed (partially kept or broken) past their deadline.
        missed: |t| t.missed,
        /// Kept promises over promises due, or ``None``.
        kept_rate: |t| t.kept_rate(),
    }

    /// The promises as a pyarrow Table: ``date``, ``amount``, ``deadline``, ``paid``,
    /// ``paid_on_time``, ``status``.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_arrow(py, &tracking_table(&self.0), "to_arrow")
    }

    /// The promises as a pandas DataFrame, the columns of ``to_arrow()``.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(py, &tracking_table(&self.0), "to_pandas")
    }

    /// The promises as a polars DataFrame (``polars.from_arrow`` of ``to_arrow()``; amounts stay exact
    /// ``Decimal`` columns). Needs the ``polars`` extra (polars and pyarrow).
    ///
    /// >>> plan = Arrangement.from_promises(PlanTerms("USD", [("card", 200)], "2026-01-01"),
    /// ...     [("2026-01-15", 100), ("2026-02-15", 100)])
    /// >>> df = track(plan, [("2026-01-14", 100)], "2026-02-01").to_polars()
    /// >>> df["status"].to_list(), df["paid"].to_list()
    /// (['kept', 'pending'], [Decimal('100'), Decimal('0')])
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "Tracking.to_polars", || to_arrow(py, &tracking_table(&self.0), "Tracking.to_polars"))
    }
}

/// An arrangement tracked against posted ``payments`` (``(date, amount)`` pairs; those before the start
/// or after ``as_of`` are ignored) as of ``as_of``: payments go to promises earliest first; each
/// promise is pending, kept, partially kept or broken; the arrangement active, completed, broken (by
/// ``break_rule``, a ``BreakRule``; two missed installments by default) or cancelled.
///
/// >>> plan = Arrangement.from_promises(PlanTerms("USD", [("card", 200)], "2026-01-01"),
/// ...     [("2026-01-15", 100), ("2026-02-15", 100)])
/// >>> t = track(plan, [], "2026-02-16")
/// >>> t.status, t.status_date, t.missed
/// ('broken', datetime.date(2026, 2, 16), 2)
#[pyfunction]
#[pyo3(signature = (arrangement, payments, as_of, break_rule = None))]
pub fn track(
    arrangement: &Bound<'_, PyAny>,
    payments: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    break_rule: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTracking> {
    let a = class_arg::<PyArrangement>(arrangement, "arrangement", "an Arrangement")?;
    core_track(
        &a.get().0,
        &payments_arg(payments)?,
        date_arg(as_of, "as_of")?,
        &break_rule_arg(break_rule)?,
    )
    .or_raise()
    .map(PyTracking)
}

/// A `Tracking` argument's core value.
pub fn tracking_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Tracking> {
    Ok(class_arg::<PyTracking>(obj, field, "a Tracking")?
        .get()
        .0
        .clone())
}

/// Registers the classes and functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPlanBounds>()?;
    m.add_class::<PyPlanTerms>()?;
    m.add_class::<PyReplanTerms>()?;
    m.add_class::<PyArrangement>()?;
    m.add_class::<PyBreakRule>()?;
    m.add_class::<PyPromiseTrack>()?;
    m.add_class::<PyTracking>()?;
    m.add_function(wrap_pyfunction!(track, m)?)?;
    Ok(())
}
