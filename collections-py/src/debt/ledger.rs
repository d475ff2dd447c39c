//! The account ledger: `Terms` (with `LateFeeRule`), `LedgerAccount`, `Event` and the one mutable
//! class, `Ledger`, whose results are `Entry` (with `Allocation`s), `Balances` and `LedgerTotals`, and
//! whose entries export to Arrow and pandas.
//!
//! Every rule is the core's (`collections_core::debt::ledger`): this module converts arguments, builds
//! the core's values with their own constructors and `with_*` builders, and maps errors.

use chrono::NaiveDate;
use collections_core::debt::ledger::{
    Account, Allocation, AllocationStrategy, Balances, Component, ComponentOrder, Entry, Event,
    EventKind, InterestMode, LateFeeRule, Ledger, OverpaymentRule, RateHistory, Scope, Terms,
    Timing, Totals,
};
use collections_core::{DayCount, Error};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyTuple, PyType};
use rust_decimal::Decimal;

use super::aging::{aging_out, frozen_arg, frozen_pairs, rules_arg, PyAccount, PyAging};
use super::reconcile::PyPaymentRecord;
use super::status::{status_arg, PyStatus, PyStatusHistory};
use super::table::{self, Column, Table};
use super::{given, money_arg, name_arg, opt_decimal, rounding_arg, value_class, Dict, Out};
use crate::calendar::{day_count_arg, day_count_value};
use crate::convert::{
    date_arg, decimal_arg, describe, int_arg, items_arg, str_arg, str_repr, wrong_type,
};
use crate::errors::{invalid, CoreResultExt};

/// A day count out as `Terms` takes it back (a name, or a `DayCount` with data).
#[derive(Debug)]
struct DayCountOut(DayCount);

impl Out for DayCountOut {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        day_count_value(py, self.0)
    }
}

/// An allocation strategy out as `Terms(allocation=...)` takes it: the order's name, or the advanced
/// order's `(timing, component)` pairs.
#[derive(Debug)]
enum AllocationOut {
    Named(&'static str),
    Advanced(Vec<(&'static str, &'static str)>),
}

impl Out for AllocationOut {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            AllocationOut::Named(name) => name.out(py),
            AllocationOut::Advanced(pairs) => pairs.clone().out(py),
        }
    }
}

fn allocation_out(s: &AllocationStrategy) -> AllocationOut {
    match s {
        AllocationStrategy::Advanced { order } => {
            AllocationOut::Advanced(order.iter().map(|(t, c)| (t.name(), c.name())).collect())
        }
        other => AllocationOut::Named(other.name()),
    }
}

fn scope_out(s: &AllocationStrategy) -> Option<&'static str> {
    match s {
        AllocationStrategy::Components { scope, .. } => Some(scope.name()),
        _ => None,
    }
}

/// The rate history: `(effective_date, annual_rate)` pairs.
fn rates_arg(obj: &Bound<'_, PyAny>) -> PyResult<RateHistory> {
    let rows = items_arg(obj, "rates")?
        .iter()
        .map(|item| {
            let parts = items_arg(item, "rates")?;
            let [date, rate] = parts.as_slice() else {
                return Err(wrong_type(item, "rates", "a (date, rate) pair"));
            };
            Ok((date_arg(date, "rates")?, decimal_arg(rate, "rates")?))
        })
        .collect::<PyResult<Vec<_>>>()?;
    RateHistory::new(rows).or_raise()
}

/// `allocation=` (an order's name, or `(timing, component)` pairs for an advanced order) with
/// `scope=` (a named order's only).
fn allocation_arg(
    allocation: Option<&Bound<'_, PyAny>>,
    scope: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<AllocationStrategy>> {
    let scope_name = given(scope).map(|s| str_arg(s, "scope")).transpose()?;
    let Some(allocation) = given(allocation) else {
        return scope_name
            .map(|s| AllocationStrategy::from_parts(ComponentOrder::default().name(), &s))
            .transpose()
            .or_raise();
    };
    if allocation.is_instance_of::<pyo3::types::PyString>() {
        let order = str_arg(allocation, "allocation")?;
        let scope_name = scope_name.unwrap_or_else(|| Scope::default().name().to_string());
        return AllocationStrategy::from_parts(&order, &scope_name)
            .or_raise()
            .map(Some);
    }
    if let Some(s) = given(scope) {
        return Err(invalid(
            "scope",
            describe(s),
            "a scope applies to a named allocation order, not to an advanced list of pairs",
        ));
    }
    let pairs = items_arg(allocation, "allocation")?
        .iter()
        .map(|item| {
            let parts = items_arg(item, "allocation")?;
            let [timing, component] = parts.as_slice() else {
                return Err(wrong_type(
                    item,
                    "allocation",
                    "an order's name or (timing, component) pairs",
                ));
            };
            Ok((
                name_arg::<Timing>(timing, "allocation")?,
                name_arg::<Component>(component, "allocation")?,
            ))
        })
        .collect::<PyResult<Vec<_>>>()?;
    AllocationStrategy::advanced(pairs).or_raise().map(Some)
}

value_class! {
    /// A late-fee rule: once per obligation still short ``grace_days`` after its due date (assessed on
    /// day ``grace_days + 1``), ``flat + percent × the overdue amount``, held between ``minimum`` and
    /// ``maximum``, booked to ``component`` (``'penalty'`` or ``'fee'``). No fee pyramiding: unpaid late
    /// fees never make a full, on-time payment late (16 CFR 444.4), and no fee is assessed in a freeze.
    ///
    /// >>> LateFeeRule(flat=25, grace_days=10)
    /// LateFeeRule(flat=Decimal('25'), percent=Decimal('0'), minimum=Decimal('0'), maximum=None, grace_days=10, component='penalty')
    "LateFeeRule" PyLateFeeRule(LateFeeRule)
    check |r| r.validate();
    {
        /// A fixed amount.
        flat: |r| r.flat,
        /// A fraction of the overdue amount (``0.05`` for 5%).
        percent: |r| r.percent,
        /// The least fee charged (when a fee is due at all).
        minimum: |r| r.minimum,
        /// The most charged, or ``None``.
        maximum: |r| r.maximum,
        /// Days after the due date before the fee applies.
        grace_days: |r| r.grace_days,
        /// ``'penalty'`` or ``'fee'``.
        component: |r| r.component.name(),
    }

    #[new]
    #[pyo3(
        signature = (*, flat = None, percent = None, minimum = None, maximum = None, grace_days = None, component = None),
        text_signature = "(*, flat=0, percent=0, minimum=0, maximum=None, grace_days=0, component='penalty')"
    )]
    fn new(
        flat: Option<&Bound<'_, PyAny>>,
        percent: Option<&Bound<'_, PyAny>>,
        minimum: Option<&Bound<'_, PyAny>>,
        maximum: Option<&Bound<'_, PyAny>>,
        grace_days: Option<&Bound<'_, PyAny>>,
        component: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        // The core's flat rule (no percentage, no minimum or maximum, a penalty), then what is given.
        let mut rule = LateFeeRule::flat(Decimal::ZERO, 0);
        if let Some(v) = opt_decimal(flat, "late_fee.flat")? {
            rule.flat = v;
        }
        if let Some(v) = opt_decimal(percent, "late_fee.percent")? {
            rule.percent = v;
        }
        if let Some(v) = opt_decimal(minimum, "late_fee.minimum")? {
            rule.minimum = v;
        }
        rule.maximum = opt_decimal(maximum, "late_fee.maximum")?;
        if let Some(g) = given(grace_days) {
            rule.grace_days = int_arg::<u32>(g, "late_fee.grace_days")?;
        }
        if let Some(c) = given(component) {
            rule.component = name_arg::<Component>(c, "late_fee.component")?;
        }
        rule.validate().or_raise()?;
        Ok(PyLateFeeRule(rule))
    }
}

value_class! {
    /// An account's terms: ``rates`` (``(effective_date, annual_rate)`` pairs, dates increasing; the
    /// first on or before the account opens), a ``penalty_rate`` replacing them once more than
    /// ``penalty_after_days`` days past due, a ``max_rate`` every rate is held under, a ``charge_cap``
    /// (interest, fees and penalties over the account's life, as a fraction of the principal),
    /// ``freezes`` (``(start, end)`` date pairs, both included: no interest, no late fee), the
    /// ``day_count``, the ``interest_mode`` (``'simple'`` or ``'compound_at_due_dates'``), a
    /// ``late_fee`` rule, the payment ``allocation`` (a named order with its ``scope``,
    /// ``'oldest_first'`` or ``'component_first'``, or an advanced list of ``(timing, component)``
    /// pairs such as ``('past_due', 'penalty')``), the ``overpayment`` rule (``'hold_as_credit'``,
    /// ``'reduce_term'``, ``'reduce_payment'``) and the ``rounding`` of interest, percentage fees and
    /// pro-rata splits. What is not given is the core's default; ``Terms(**t.to_dict()) == t``.
    ///
    /// >>> t = Terms([("2026-01-01", "0.073")], penalty_rate="0.146", penalty_after_days=30)
    /// >>> t.allocation, t.scope, t.day_count, t.overpayment
    /// ('fees-interest-principal', 'oldest_first', 'ACT/365F', 'hold_as_credit')
    "Terms" PyTerms(Terms)
    check |t| t.validate();
    {
        /// ``(effective_date, annual_rate)`` pairs.
        rates: |t| t.rates().rates().to_vec(),
        /// The penalty rate, or ``None``.
        penalty_rate: |t| t.penalty_rate().map(|p| p.rate),
        /// Days past due after which the penalty rate applies, or ``None`` without one.
        penalty_after_days: |t| t.penalty_rate().map(|p| p.after_days),
        /// The maximum annual rate, or ``None``.
        max_rate: |t| t.max_rate(),
        /// The charge cap (a fraction of the principal), or ``None``.
        charge_cap: |t| t.charge_cap(),
        /// ``(start, end)`` pairs.
        freezes: |t| frozen_pairs(t.freezes()),
        /// The day count's name (or a ``DayCount`` with data).
        day_count: |t| DayCountOut(*t.day_count()),
        /// ``'simple'`` or ``'compound_at_due_dates'``.
        interest_mode: |t| t.interest_mode().name(),
        /// The ``LateFeeRule``, or ``None``.
        late_fee: |t| t.late_fee().cloned().map(PyLateFeeRule),
        /// The named order, or the advanced order's ``(timing, component)`` pairs.
        allocation: |t| allocation_out(t.allocation()),
        /// A named order's scope, or ``None`` for an advanced order.
        scope: |t| scope_out(t.allocation()),
        /// The overpayment rule's name.
        overpayment: |t| t.overpayment().name(),
        /// The rounding mode's name.
        rounding: |t| t.rounding().name(),
    }

    #[new]
    #[pyo3(
        signature = (
            rates, *, penalty_rate = None, penalty_after_days = None, max_rate = None,
            charge_cap = None, freezes = None, day_count = None, interest_mode = None,
            late_fee = None, allocation = None, scope = None, overpayment = None, rounding = None
        ),
        text_signature = "(rates, *, penalty_rate=None, penalty_after_days=0, max_rate=None, \
            charge_cap=None, freezes=(), day_count='ACT/365F', interest_mode='simple', late_fee=None, \
            allocation='fees-interest-principal', scope='oldest_first', overpayment='hold_as_credit', \
            rounding='half-up')"
    )]
    #[allow(clippy::too_many_arguments)]
    fn new(
        rates: &Bound<'_, PyAny>,
        penalty_rate: Option<&Bound<'_, PyAny>>,
        penalty_after_days: Option<&Bound<'_, PyAny>>,
        max_rate: Option<&Bound<'_, PyAny>>,
        charge_cap: Option<&Bound<'_, PyAny>>,
        freezes: Option<&Bound<'_, PyAny>>,
        day_count: Option<&Bound<'_, PyAny>>,
        interest_mode: Option<&Bound<'_, PyAny>>,
        late_fee: Option<&Bound<'_, PyAny>>,
        allocation: Option<&Bound<'_, PyAny>>,
        scope: Option<&Bound<'_, PyAny>>,
        overpayment: Option<&Bound<'_, PyAny>>,
        rounding: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut t = Terms::new(rates_arg(rates)?);
        let after_days = given(penalty_after_days)
            .map(|d| int_arg::<u32>(d, "penalty_after_days"))
            .transpose()?;
        match (opt_decimal(penalty_rate, "penalty_rate")?, after_days) {
            (Some(rate), days) => t = t.with_penalty_rate(rate, days.unwrap_or(0)).or_raise()?,
            (None, Some(days)) => {
                return Err(invalid(
                    "penalty_after_days",
                    days.to_string(),
                    "applies to a penalty rate: give penalty_rate too",
                ))
            }
            (None, None) => {}
        }
        if let Some(rate) = opt_decimal(max_rate, "max_rate")? {
            t = t.with_max_rate(rate).or_raise()?;
        }
        if let Some(cap) = opt_decimal(charge_cap, "charge_cap")? {
            t = t.with_charge_cap(cap).or_raise()?;
        }
        if given(freezes).is_some() {
            t = t.with_freezes(frozen_arg(freezes, "freezes")?);
        }
        if let Some(dc) = given(day_count) {
            t = t.with_day_count(day_count_arg(dc, "day_count")?);
        }
        if let Some(mode) = given(interest_mode) {
            t = t.with_interest_mode(name_arg::<InterestMode>(mode, "interest_mode")?);
        }
        if let Some(rule) = given(late_fee) {
            let rule = rule
                .cast::<PyLateFeeRule>()
                .map_err(|_| wrong_type(rule, "late_fee", "a LateFeeRule"))?;
            t = t.with_late_fee(rule.get().0.clone()).or_raise()?;
        }
        if let Some(strategy) = allocation_arg(allocation, scope)? {
            t = t.with_allocation(strategy);
        }
        if let Some(rule) = given(overpayment) {
            t = t.with_overpayment(name_arg::<OverpaymentRule>(rule, "overpayment")?);
        }
        if given(rounding).is_some() {
            t = t.with_rounding(rounding_arg(rounding, "rounding")?);
        }
        Ok(PyTerms(t))
    }
}

/// The core's checks of an account, run again (on a value unpickled).
fn check_account(a: &Account) -> Result<(), Error> {
    Account::new(
        a.id(),
        a.currency(),
        a.opened_on(),
        a.principal(),
        a.terms().clone(),
    )
    .map(|_| ())
}

value_class! {
    /// A ledger's account: its ``id`` (not empty), the ``currency`` of every amount, the day it
    /// ``opened_on`` (the principal is lent or placed then; every event is dated on or after it), the
    /// ``principal`` (positive, in the currency's minor units; a ``Money`` or an amount) and its
    /// ``terms``. (``Account`` in this module is the aging account of obligations.)
    ///
    /// >>> LedgerAccount("A-1", "USD", "2026-01-01", "1000.00", Terms([("2026-01-01", "0.0365")])).principal
    /// Decimal('1000.00')
    "LedgerAccount" PyLedgerAccount(Account)
    check |a| check_account(a);
    {
        /// The account id.
        id: |a| a.id(),
        /// The ``Currency``.
        currency: |a| a.currency(),
        /// The day the principal was lent or placed.
        opened_on: |a| a.opened_on(),
        /// The original principal.
        principal: |a| a.principal(),
        /// The ``Terms``.
        terms: |a| PyTerms(a.terms().clone()),
    }

    #[new]
    fn new(
        id: &Bound<'_, PyAny>,
        currency: &Bound<'_, PyAny>,
        opened_on: &Bound<'_, PyAny>,
        principal: &Bound<'_, PyAny>,
        terms: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let principal = money_arg(principal, Some(currency), "principal")?;
        let terms = terms
            .cast::<PyTerms>()
            .map_err(|_| wrong_type(terms, "terms", "a Terms"))?;
        Account::new(
            str_arg(id, "id")?,
            principal.currency(),
            date_arg(opened_on, "opened_on")?,
            principal.amount(),
            terms.get().0.clone(),
        )
        .or_raise()
        .map(PyLedgerAccount)
    }
}

/// The event kinds, as `Event(kind, ...)` takes them (the core's `EventKind::name`s).
const EVENT_KINDS: [&str; 13] = [
    "obligation",
    "accrue",
    "fee",
    "payment",
    "reversal",
    "refund",
    "waiver",
    "adjustment",
    "extension",
    "settlement",
    "charge_off",
    "write_off",
    "status_change",
];

/// The fields an event may carry, as keyword arguments (`None` or missing: not given).
#[derive(Default)]
struct Fields<'a, 'py> {
    amount: Option<&'a Bound<'py, PyAny>>,
    id: Option<&'a Bound<'py, PyAny>>,
    currency: Option<&'a Bound<'py, PyAny>>,
    payment_id: Option<&'a Bound<'py, PyAny>>,
    component: Option<&'a Bound<'py, PyAny>>,
    reason: Option<&'a Bound<'py, PyAny>>,
    days: Option<&'a Bound<'py, PyAny>>,
    to: Option<&'a Bound<'py, PyAny>>,
}

impl<'a, 'py> Fields<'a, 'py> {
    fn all(&self) -> [(&'static str, Option<&'a Bound<'py, PyAny>>); 8] {
        [
            ("amount", self.amount),
            ("id", self.id),
            ("currency", self.currency),
            ("payment_id", self.payment_id),
            ("component", self.component),
            ("reason", self.reason),
            ("days", self.days),
            ("to", self.to),
        ]
    }
}

/// Builds an event of `kind` (a name; case, `_`, `-` and spaces are not significant) from `fields`:
/// each the kind takes must be given, and no other. Amounts are checked when the event is posted.
fn build_event(
    kind: &Bound<'_, PyAny>,
    date: &Bound<'_, PyAny>,
    f: &Fields<'_, '_>,
) -> PyResult<Event> {
    let given_kind = str_arg(kind, "kind")?;
    let key: String = given_kind
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    let Some(name) = EVENT_KINDS.into_iter().find(|k| k.replace('_', "") == key) else {
        return Err(invalid(
            "kind",
            format!("{given_kind:?}"),
            format!("expected one of {}", EVENT_KINDS.join(", ")),
        ));
    };
    let date = date_arg(date, "date")?;
    let takes: &[&str] = match name {
        "obligation" | "refund" => &["amount"],
        "accrue" => &[],
        "fee" | "waiver" | "adjustment" => &["component", "amount", "reason"],
        "payment" => &["id", "amount", "currency"],
        "reversal" => &["payment_id", "reason"],
        "extension" => &["days", "reason"],
        "status_change" => &["to", "reason"],
        _ => &["reason"],
    };
    for (field, value) in f.all() {
        if let Some(v) = given(value) {
            if !takes.contains(&field) {
                return Err(invalid(
                    field,
                    describe(v),
                    format!("is not a field of a {name} event"),
                ));
            }
        }
    }
    fn need<'py>(
        name: &str,
        field: &'static str,
        value: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        given(value)
            .cloned()
            .ok_or_else(|| invalid(field, "None", format!("is required for a {name} event")))
    }
    let need = |field, value| need(name, field, value);
    let amount = || decimal_arg(&need("amount", f.amount)?, "amount");
    let reason = || str_arg(&need("reason", f.reason)?, "reason");
    let component = || name_arg::<Component>(&need("component", f.component)?, "component");
    let kind = match name {
        "obligation" => EventKind::Obligation { amount: amount()? },
        "accrue" => EventKind::Accrue,
        "fee" => EventKind::Fee {
            component: component()?,
            amount: amount()?,
            reason: reason()?,
        },
        "payment" => {
            // The currency given, or the amount's own (a Money).
            let money = money_arg(&need("amount", f.amount)?, f.currency, "amount")?;
            EventKind::Payment {
                id: str_arg(&need("id", f.id)?, "id")?,
                amount: money.amount(),
                currency: money.currency(),
            }
        }
        "reversal" => EventKind::Reversal {
            payment_id: str_arg(&need("payment_id", f.payment_id)?, "payment_id")?,
            reason: reason()?,
        },
        "refund" => EventKind::Refund { amount: amount()? },
        "waiver" => EventKind::Waiver {
            component: component()?,
            amount: amount()?,
            reason: reason()?,
        },
        "adjustment" => EventKind::Adjustment {
            component: component()?,
            amount: amount()?,
            reason: reason()?,
        },
        "extension" => EventKind::Extension {
            days: int_arg::<u32>(&need("days", f.days)?, "days")?,
            reason: reason()?,
        },
        "status_change" => EventKind::StatusChange {
            to: status_arg(&need("to", f.to)?, "to")?,
            reason: reason()?,
        },
        "settlement" => EventKind::Settlement { reason: reason()? },
        "charge_off" => EventKind::ChargeOff { reason: reason()? },
        _ => EventKind::WriteOff { reason: reason()? },
    };
    Ok(Event::new(date, kind))
}

/// An event of `kind` with the given fields (for the named constructors).
fn event_of(kind: &str, date: &Bound<'_, PyAny>, f: &Fields<'_, '_>) -> PyResult<PyEvent> {
    let kind = pyo3::types::PyString::new(date.py(), kind);
    build_event(kind.as_any(), date, f).map(PyEvent)
}

/// A fee, waiver or adjustment: a component, an amount and a reason.
fn component_event(
    kind: &str,
    date: &Bound<'_, PyAny>,
    component: &Bound<'_, PyAny>,
    amount: &Bound<'_, PyAny>,
    reason: &Bound<'_, PyAny>,
) -> PyResult<PyEvent> {
    let f = Fields {
        component: Some(component),
        amount: Some(amount),
        reason: Some(reason),
        ..Fields::default()
    };
    event_of(kind, date, &f)
}

/// The event's fields, by kind.
fn event_amount(k: &EventKind) -> Option<Decimal> {
    match k {
        EventKind::Obligation { amount }
        | EventKind::Refund { amount }
        | EventKind::Fee { amount, .. }
        | EventKind::Payment { amount, .. }
        | EventKind::Waiver { amount, .. }
        | EventKind::Adjustment { amount, .. } => Some(*amount),
        _ => None,
    }
}

fn event_component(k: &EventKind) -> Option<&'static str> {
    match k {
        EventKind::Fee { component, .. }
        | EventKind::Waiver { component, .. }
        | EventKind::Adjustment { component, .. } => Some(component.name()),
        _ => None,
    }
}

fn event_reason(k: &EventKind) -> Option<&str> {
    match k {
        EventKind::Fee { reason, .. }
        | EventKind::Reversal { reason, .. }
        | EventKind::Waiver { reason, .. }
        | EventKind::Adjustment { reason, .. }
        | EventKind::Extension { reason, .. }
        | EventKind::Settlement { reason }
        | EventKind::ChargeOff { reason }
        | EventKind::WriteOff { reason }
        | EventKind::StatusChange { reason, .. } => Some(reason),
        _ => None,
    }
}

value_class! {
    /// Something that happened to an account, on its effective ``date``: one of the core's event
    /// kinds with its fields (``None`` for the fields the kind does not have). Build one with the named
    /// constructors (``Event.payment(date, id, amount, currency)``, ...) or ``Event(kind, date,
    /// **fields)``, which takes back ``to_dict()``. Amounts are checked when the event is posted.
    ///
    /// >>> e = Event.payment("2026-02-01", "P-1", "250.00", "USD")
    /// >>> e
    /// Event(date=datetime.date(2026, 2, 1), kind='payment', amount=Decimal('250.00'), id='P-1', currency=Currency('USD'))
    /// >>> Event(**e.to_dict()) == e
    /// True
    "Event" PyEvent(Event)
    repr |s, py| {
        let d = s.to_dict(py)?;
        let mut parts = Vec::new();
        for (k, v) in d.iter() {
            if !v.is_none() {
                parts.push(format!("{}={}", k.str()?.to_cow()?, v.repr()?.to_cow()?));
            }
        }
        Ok(format!("Event({})", parts.join(", ")))
    };
    {
        /// The effective date.
        date: |e| e.date,
        /// The kind's name: ``'obligation'``, ``'accrue'``, ``'fee'``, ``'payment'``, ``'reversal'``,
        /// ``'refund'``, ``'waiver'``, ``'adjustment'``, ``'extension'``, ``'settlement'``,
        /// ``'charge_off'``, ``'write_off'`` or ``'status_change'``.
        kind: |e| e.kind.name(),
        /// The amount (obligation, fee, payment, refund, waiver; signed for an adjustment).
        amount: |e| event_amount(&e.kind),
        /// A payment's id.
        id: |e| match &e.kind { EventKind::Payment { id, .. } => Some(id.as_str()), _ => None },
        /// A payment's ``Currency``.
        currency: |e| match &e.kind { EventKind::Payment { currency, .. } => Some(*currency), _ => None },
        /// The id of the payment a reversal takes out.
        payment_id: |e| match &e.kind {
            EventKind::Reversal { payment_id, .. } => Some(payment_id.as_str()),
            _ => None,
        },
        /// The component a fee, waiver or adjustment is booked to.
        component: |e| event_component(&e.kind),
        /// Why (every kind but obligation, accrue, payment and refund).
        reason: |e| event_reason(&e.kind),
        /// An extension's days.
        days: |e| match &e.kind { EventKind::Extension { days, .. } => Some(*days), _ => None },
        /// A status change's new ``Status``.
        to: |e| match &e.kind { EventKind::StatusChange { to, .. } => Some(PyStatus(*to)), _ => None },
    }

    #[new]
    #[pyo3(signature = (
        kind, date, *, amount = None, id = None, currency = None, payment_id = None,
        component = None, reason = None, days = None, to = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        kind: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
        amount: Option<&Bound<'_, PyAny>>,
        id: Option<&Bound<'_, PyAny>>,
        currency: Option<&Bound<'_, PyAny>>,
        payment_id: Option<&Bound<'_, PyAny>>,
        component: Option<&Bound<'_, PyAny>>,
        reason: Option<&Bound<'_, PyAny>>,
        days: Option<&Bound<'_, PyAny>>,
        to: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let f = Fields { amount, id, currency, payment_id, component, reason, days, to };
        build_event(kind, date, &f).map(PyEvent)
    }

    /// ``amount`` of the principal falls due on ``date`` (an installment or an invoice).
    #[staticmethod]
    fn obligation(date: &Bound<'_, PyAny>, amount: &Bound<'_, PyAny>) -> PyResult<Self> {
        event_of("obligation", date, &Fields { amount: Some(amount), ..Fields::default() })
    }

    /// Post the interest accrued up to ``date`` (interest is also posted at every other event).
    #[staticmethod]
    fn accrue(date: &Bound<'_, PyAny>) -> PyResult<Self> {
        event_of("accrue", date, &Fields::default())
    }

    /// A fee or penalty (``component``: ``'fee'`` or ``'penalty'``) assessed for ``reason``.
    #[staticmethod]
    fn fee(
        date: &Bound<'_, PyAny>,
        component: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        component_event("fee", date, component, amount, reason)
    }

    /// A payment with the caller's unique ``id``: an amount and its ``currency`` (the account's), or a
    /// ``Money``.
    #[staticmethod]
    #[pyo3(signature = (date, id, amount, currency = None))]
    fn payment(
        date: &Bound<'_, PyAny>,
        id: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        currency: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let f = Fields { id: Some(id), amount: Some(amount), currency, ..Fields::default() };
        event_of("payment", date, &f)
    }

    /// A returned, dishonoured or mistaken payment: taken out as if it had never been made.
    #[staticmethod]
    fn reversal(
        date: &Bound<'_, PyAny>,
        payment_id: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let f = Fields { payment_id: Some(payment_id), reason: Some(reason), ..Fields::default() };
        event_of("reversal", date, &f)
    }

    /// Part or all of a credit balance paid back.
    #[staticmethod]
    fn refund(date: &Bound<'_, PyAny>, amount: &Bound<'_, PyAny>) -> PyResult<Self> {
        event_of("refund", date, &Fields { amount: Some(amount), ..Fields::default() })
    }

    /// A charge forgiven (at most the component's balance).
    #[staticmethod]
    fn waiver(
        date: &Bound<'_, PyAny>,
        component: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        component_event("waiver", date, component, amount, reason)
    }

    /// A correction: a signed ``amount`` added to or taken from a component (never below zero).
    #[staticmethod]
    fn adjustment(
        date: &Bound<'_, PyAny>,
        component: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        component_event("adjustment", date, component, amount, reason)
    }

    /// A due-date extension: every obligation not fully paid, and every later one, moves ``days``
    /// later.
    #[staticmethod]
    fn extension(
        date: &Bound<'_, PyAny>,
        days: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let f = Fields { days: Some(days), reason: Some(reason), ..Fields::default() };
        event_of("extension", date, &f)
    }

    /// A settlement: what is still owed is forgiven; the status becomes settled.
    #[staticmethod]
    fn settlement(date: &Bound<'_, PyAny>, reason: &Bound<'_, PyAny>) -> PyResult<Self> {
        event_of("settlement", date, &Fields { reason: Some(reason), ..Fields::default() })
    }

    /// A charge-off: balances stay owed, interest stops; the status becomes charged off.
    #[staticmethod]
    fn charge_off(date: &Bound<'_, PyAny>, reason: &Bound<'_, PyAny>) -> PyResult<Self> {
        event_of("charge_off", date, &Fields { reason: Some(reason), ..Fields::default() })
    }

    /// A write-off: everything owed is written off; the status becomes written off.
    #[staticmethod]
    fn write_off(date: &Bound<'_, PyAny>, reason: &Bound<'_, PyAny>) -> PyResult<Self> {
        event_of("write_off", date, &Fields { reason: Some(reason), ..Fields::default() })
    }

    /// A change of status to ``to`` (a ``Status`` or a name), checked against the transition table.
    #[staticmethod]
    fn status_change(
        date: &Bound<'_, PyAny>,
        to: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let f = Fields { to: Some(to), reason: Some(reason), ..Fields::default() };
        event_of("status_change", date, &f)
    }
}

value_class! {
    /// Where part of an amount went: a ``component`` of the charges due on ``due_date`` (``None``:
    /// principal no obligation has made due yet), and the ``amount``.
    "Allocation" PyAllocation(Allocation) {
        /// ``'penalty'``, ``'fee'``, ``'interest'`` or ``'principal'``.
        component: |a| a.component.name(),
        /// The due date of the charge, or ``None``.
        due_date: |a| a.due_date,
        /// The amount.
        amount: |a| a.amount,
    }
}

value_class! {
    /// An account's balances: ``principal`` outstanding (due or not), ``interest`` posted and unpaid,
    /// ``fees``, ``penalties``, the ``credit`` held for the debtor, and ``owed`` (the four components;
    /// the credit is not netted).
    "Balances" PyBalances(Balances) {
        /// Principal outstanding.
        principal: |b| b.principal,
        /// Interest posted and unpaid.
        interest: |b| b.interest,
        /// Fees unpaid.
        fees: |b| b.fees,
        /// Penalties unpaid.
        penalties: |b| b.penalties,
        /// Money received and not applied.
        credit: |b| b.credit,
        /// Principal + interest + fees + penalties.
        owed: |b| b.owed(),
    }
}

/// A per-component array as a dict by component name.
fn by_component(values: &[Decimal; 4]) -> Dict<&'static str, Decimal> {
    Dict(
        Component::ALL
            .iter()
            .map(|c| (c.name(), values[*c as usize]))
            .collect(),
    )
}

value_class! {
    /// A ledger's running totals: ``charged``, ``paid`` and ``forgiven`` by component (dicts keyed
    /// ``'penalty'``, ``'fee'``, ``'interest'``, ``'principal'``), the ``payments`` received (reversed
    /// ones excluded), the ``refunds`` and what caps cut off (``capped``).
    "LedgerTotals" PyLedgerTotals(Totals) {
        /// Charged, by component (principal: the original principal and positive adjustments).
        charged: |t| by_component(&t.charged),
        /// Paid by payments and credit, by component.
        paid: |t| by_component(&t.paid),
        /// Forgiven (waivers, negative adjustments, settlements, write-offs), by component.
        forgiven: |t| by_component(&t.forgiven),
        /// Payments received.
        payments: |t| t.payments,
        /// Credit refunded.
        refunds: |t| t.refunds,
        /// Interest, fees and penalties a cap cut off.
        capped: |t| t.capped,
    }
}

value_class! {
    /// One step of a ledger's replay: its ``date``, ``kind`` (``'obligation'``, ``'interest'``,
    /// ``'late_fee'``, ``'fee'``, ``'payment'``, ``'credit_applied'``, ``'reversal'``, ``'refund'``,
    /// ``'waiver'``, ``'adjustment'``, ``'extension'``, ``'status'``, ``'settlement'``,
    /// ``'charge_off'``, ``'write_off'``), the index of the ``event`` that made it (``None`` for what
    /// the terms made), the ``amount``, where it went (``allocations``), the part of a payment held as
    /// credit (``to_credit``), the part of a charge a cap cut (``capped``), the ``balances`` after it
    /// and the ``status``.
    "Entry" PyEntry(Entry) {
        /// The effective date.
        date: |e| e.date,
        /// What it was.
        kind: |e| e.kind.name(),
        /// The index in ``Ledger.events`` of the event that made it, or ``None``.
        event: |e| e.event,
        /// Charged, paid, refunded, waived or written off (signed for adjustments).
        amount: |e| e.amount,
        /// ``Allocation``s.
        allocations: |e| e.allocations.iter().copied().map(PyAllocation).collect::<Vec<_>>(),
        /// For payments: the part held as credit.
        to_credit: |e| e.to_credit,
        /// For charges: the part a cap cut off.
        capped: |e| e.capped,
        /// The ``Balances`` after it.
        balances: |e| PyBalances(e.balances),
        /// The ``Status`` after it.
        status: |e| PyStatus(e.status),
    }
}

/// An `Event` argument.
fn event_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Event> {
    obj.cast::<PyEvent>()
        .map(|e| e.get().0.clone())
        .map_err(|_| wrong_type(obj, field, "an Event"))
}

/// Events from an iterable of `Event`s.
fn events_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Event>> {
    items_arg(obj, "events")?
        .iter()
        .map(|e| event_arg(e, "events"))
        .collect()
}

/// An account and the events posted to it, with the balances and entries the core derives by
/// replaying them in date order; the one mutable class of the module.
///
/// ``post(event)`` and ``post_all(events)`` raise on an event that cannot be applied (a refund beyond
/// the credit, a reversal of an unknown payment, an invalid status change, one that only fails
/// further down the replay) and leave the ledger exactly as it was. A back-dated event re-derives
/// everything after it. A ledger pickles as its account and events (unpickling replays them), and
/// compares equal to another with the same account and events in the same order; it is not hashable.
///
/// >>> terms = Terms([("2026-01-01", "0.0365")])   # 3.65% on 1,000.00 (ACT/365F): 0.10 a day
/// >>> ledger = Ledger(LedgerAccount("A-1", "USD", "2026-01-01", "1000.00", terms))
/// >>> ledger.post_all([Event.obligation("2026-01-31", "500.00"), Event.obligation("2026-03-02", "500.00")])
/// >>> ledger.post(Event.payment("2026-01-31", "P-1", "503.00", "USD"))
/// 2
/// >>> b = ledger.balances   # 30 days of interest (3.00) and the first 500.00 paid
/// >>> b.principal, b.interest, b.credit
/// (Decimal('500.00'), Decimal('0.00'), Decimal('0.00'))
/// >>> ledger.balances_on("2026-03-02").owed   # thirty more days on 500.00: 0.05 a day
/// Decimal('501.50')
#[pyclass(module = "collections_core.debt", name = "Ledger")]
#[derive(Debug)]
pub struct PyLedger(Ledger);

impl PyLedger {
    /// The state `__reduce__` gives: the core's JSON of the account and events.
    fn state(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    fn minor_units(&self) -> u32 {
        self.0.account().currency().minor_units()
    }

    fn entries_table(&self) -> Table {
        let e = self.0.entries();
        let scale = self.minor_units();
        let amounts = |f: fn(&Entry) -> Decimal| {
            Column::Decimal(e.iter().map(|x| Some(f(x))).collect(), scale)
        };
        let mut t = Table::default();
        t.add(
            "entry",
            Column::Int((0..e.len()).map(|i| i64::try_from(i).ok()).collect()),
        )
        .add(
            "date",
            Column::Date(e.iter().map(|x| Some(x.date)).collect()),
        )
        .add(
            "kind",
            Column::Text(e.iter().map(|x| Some(x.kind.name().to_string())).collect()),
        )
        .add(
            "event",
            Column::Int(
                e.iter()
                    .map(|x| x.event.and_then(|i| i64::try_from(i).ok()))
                    .collect(),
            ),
        )
        .add("amount", amounts(|x| x.amount))
        .add("to_credit", amounts(|x| x.to_credit))
        .add("capped", amounts(|x| x.capped))
        .add("principal", amounts(|x| x.balances.principal))
        .add("interest", amounts(|x| x.balances.interest))
        .add("fees", amounts(|x| x.balances.fees))
        .add("penalties", amounts(|x| x.balances.penalties))
        .add("credit", amounts(|x| x.balances.credit))
        .add("owed", amounts(|x| x.balances.owed()))
        .add(
            "status",
            Column::Text(
                e.iter()
                    .map(|x| Some(x.status.name().to_string()))
                    .collect(),
            ),
        );
        t
    }

    fn allocations_table(&self) -> Table {
        let rows: Vec<(usize, &Allocation)> = self
            .0
            .entries()
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.allocations.iter().map(move |a| (i, a)))
            .collect();
        let mut t = Table::default();
        t.add(
            "entry",
            Column::Int(rows.iter().map(|(i, _)| i64::try_from(*i).ok()).collect()),
        )
        .add(
            "component",
            Column::Text(
                rows.iter()
                    .map(|(_, a)| Some(a.component.name().to_string()))
                    .collect(),
            ),
        )
        .add(
            "due_date",
            Column::Date(rows.iter().map(|(_, a)| a.due_date).collect()),
        )
        .add(
            "amount",
            Column::Decimal(
                rows.iter().map(|(_, a)| Some(a.amount)).collect(),
                self.minor_units(),
            ),
        );
        t
    }
}

/// A date argument as the core's `as_of`.
fn as_of_arg(obj: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    date_arg(obj, "as_of")
}

#[pymethods]
impl PyLedger {
    #[new]
    #[pyo3(signature = (account, events = None), text_signature = "(account, events=())")]
    fn new(
        py: Python<'_>,
        account: &Bound<'_, PyAny>,
        events: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let account = account
            .cast::<PyLedgerAccount>()
            .map_err(|_| wrong_type(account, "account", "a LedgerAccount"))?
            .get()
            .0
            .clone();
        let events = given(events)
            .map(events_arg)
            .transpose()?
            .unwrap_or_default();
        py.detach(|| Ledger::with_events(account, events))
            .or_raise()
            .map(PyLedger)
    }

    /// Posts one ``Event`` and returns its index in ``events``; on error the ledger is unchanged.
    fn post(&mut self, py: Python<'_>, event: &Bound<'_, PyAny>) -> PyResult<usize> {
        let event = event_arg(event, "event")?;
        let ledger = &mut self.0;
        py.detach(|| ledger.post(event)).or_raise()
    }

    /// Posts several ``Event``s, all or nothing, with one replay.
    fn post_all(&mut self, py: Python<'_>, events: &Bound<'_, PyAny>) -> PyResult<()> {
        let events = events_arg(events)?;
        let ledger = &mut self.0;
        py.detach(|| ledger.post_all(events)).or_raise()
    }

    /// The ``LedgerAccount``.
    #[getter]
    fn account(&self) -> PyLedgerAccount {
        PyLedgerAccount(self.0.account().clone())
    }

    /// The ``Event``s, in the order they were posted.
    #[getter]
    fn events(&self) -> Vec<PyEvent> {
        self.0.events().iter().cloned().map(PyEvent).collect()
    }

    /// The ``Entry``s of the replay, in date order.
    #[getter]
    fn entries(&self) -> Vec<PyEntry> {
        self.0.entries().iter().cloned().map(PyEntry).collect()
    }

    /// The ``Entry`` of payment ``id`` (its allocations), or ``None`` if it was not posted or was
    /// reversed.
    fn payment_entry(&self, id: &Bound<'_, PyAny>) -> PyResult<Option<PyEntry>> {
        let id = str_arg(id, "id")?;
        Ok(self.0.payment_entry(&id).cloned().map(PyEntry))
    }

    /// The payments posted and not reversed, in posting order, as ``PaymentRecord``s (the payment id
    /// as the reference, the account's id) that ``reconcile`` takes as its ``posted`` list.
    ///
    /// >>> ledger = Ledger(LedgerAccount("A-1", "EUR", "2026-01-01", "100.00", Terms([("2026-01-01", 0)])))
    /// >>> ledger.post(Event.payment("2026-01-10", "T1", "40.00", "EUR"))
    /// 0
    /// >>> reconcile([("T1", "A-1", "2026-01-10", "40.00", "EUR")], ledger.posted_payments()).matched
    /// ((0, 0),)
    fn posted_payments(&self) -> Vec<PyPaymentRecord> {
        self.0
            .posted_payments()
            .into_iter()
            .map(PyPaymentRecord)
            .collect()
    }

    /// Whether payment ``id`` has been reversed.
    fn is_reversed(&self, id: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.is_reversed(&str_arg(id, "id")?))
    }

    /// The ``Balances`` after the last event.
    #[getter]
    fn balances(&self) -> PyBalances {
        PyBalances(self.0.balances())
    }

    /// The ``Balances`` at the end of ``as_of``, with interest accrued up to it (what a payoff that
    /// day must cover, less the credit); events dated after it are left out.
    fn balances_on(&self, as_of: &Bound<'_, PyAny>) -> PyResult<PyBalances> {
        self.0
            .balances_on(as_of_arg(as_of)?)
            .or_raise()
            .map(PyBalances)
    }

    /// The ``LedgerTotals`` after the last event.
    #[getter]
    fn totals(&self) -> PyLedgerTotals {
        PyLedgerTotals(*self.0.totals())
    }

    /// The ``LedgerTotals`` at the end of ``as_of``.
    fn totals_on(&self, as_of: &Bound<'_, PyAny>) -> PyResult<PyLedgerTotals> {
        self.0
            .totals_on(as_of_arg(as_of)?)
            .or_raise()
            .map(PyLedgerTotals)
    }

    /// The ``Status`` after the last event.
    #[getter]
    fn status(&self) -> PyStatus {
        PyStatus(self.0.status())
    }

    /// Every status change, dated, as a ``StatusHistory``.
    #[getter]
    fn status_history(&self) -> PyStatusHistory {
        PyStatusHistory(self.0.status_history().clone())
    }

    /// The date of the last step replayed (the last event, or the opening day).
    #[getter]
    fn last_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.last_date().out(py)
    }

    /// Days past due on ``as_of``: from the oldest obligation (principal or interest) not fully paid
    /// whose due date has passed; 0 when none.
    fn days_past_due(&self, as_of: &Bound<'_, PyAny>) -> PyResult<u32> {
        self.0.days_past_due(as_of_arg(as_of)?).or_raise()
    }

    /// The obligations on ``as_of`` (per due date, the principal and interest due and what was paid
    /// of them) as an aging ``Account``.
    fn obligations_on(&self, as_of: &Bound<'_, PyAny>) -> PyResult<PyAccount> {
        let obligations = self.0.obligations_on(as_of_arg(as_of)?).or_raise()?;
        collections_core::debt::aging::AccountObligations::new(obligations)
            .or_raise()
            .map(PyAccount)
    }

    /// The account aged on ``as_of`` under ``rules`` (an ``AgingRules``; the default rules when not
    /// given).
    #[pyo3(signature = (as_of, rules = None))]
    fn aging(
        &self,
        as_of: &Bound<'_, PyAny>,
        rules: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyAging> {
        let rules = rules_arg(rules)?;
        let aging = self.0.aging(as_of_arg(as_of)?, &rules).or_raise()?;
        Ok(aging_out(aging, &rules))
    }

    /// The entries as a ``pyarrow.Table``, one row per entry: ``entry`` (its index), ``date``,
    /// ``kind``, ``event`` (null for what the terms made), ``amount``, ``to_credit``, ``capped``, the
    /// balances after it (``principal``, ``interest``, ``fees``, ``penalties``, ``credit``, ``owed``)
    /// as exact ``decimal128`` at the currency's minor units (or more), and ``status``. Needs pyarrow.
    fn entries_to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_arrow(py, &self.entries_table(), "Ledger.entries_to_arrow")
    }

    /// ``entries_to_arrow()`` as a pandas DataFrame of ``pd.ArrowDtype`` columns.
    fn entries_to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_pandas(py, &self.entries_table(), "Ledger.entries_to_pandas")
    }

    /// ``entries_to_arrow()`` as a polars DataFrame (``polars.from_arrow``; amounts stay exact
    /// ``Decimal`` columns). Needs the ``polars`` extra (polars and pyarrow).
    ///
    /// >>> ledger = Ledger(LedgerAccount("A-1", "USD", "2026-01-01", "1000.00", Terms([("2026-01-01", "0.0365")])))
    /// >>> ledger.post_all([Event.obligation("2026-01-31", "500.00"),
    /// ...                  Event.payment("2026-01-31", "P-1", "503.00", "USD")])
    /// >>> df = ledger.entries_to_polars()
    /// >>> df["kind"].to_list(), df["owed"].to_list()
    /// (['interest', 'obligation', 'payment'], [Decimal('1003.00'), Decimal('1003.00'), Decimal('500.00')])
    fn entries_to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "Ledger.entries_to_polars", || {
            table::to_arrow(py, &self.entries_table(), "Ledger.entries_to_polars")
        })
    }

    /// Every allocation as a ``pyarrow.Table``: ``entry`` (the index of its entry), ``component``,
    /// ``due_date`` (null: principal not yet made due) and ``amount``. Needs pyarrow.
    fn allocations_to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_arrow(py, &self.allocations_table(), "Ledger.allocations_to_arrow")
    }

    /// ``allocations_to_arrow()`` as a pandas DataFrame of ``pd.ArrowDtype`` columns.
    fn allocations_to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_pandas(
            py,
            &self.allocations_table(),
            "Ledger.allocations_to_pandas",
        )
    }

    /// ``allocations_to_arrow()`` as a polars DataFrame (``polars.from_arrow``; amounts stay exact
    /// ``Decimal`` columns). Needs the ``polars`` extra (polars and pyarrow).
    ///
    /// >>> ledger = Ledger(LedgerAccount("A-1", "USD", "2026-01-01", "1000.00", Terms([("2026-01-01", "0.0365")])))
    /// >>> ledger.post_all([Event.obligation("2026-01-31", "500.00"),
    /// ...                  Event.payment("2026-01-31", "P-1", "503.00", "USD")])
    /// >>> df = ledger.allocations_to_polars()
    /// >>> df["component"].to_list(), df["amount"].to_list()
    /// (['interest', 'principal'], [Decimal('3.00'), Decimal('500.00')])
    fn allocations_to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "Ledger.allocations_to_polars", || {
            table::to_arrow(
                py,
                &self.allocations_table(),
                "Ledger.allocations_to_polars",
            )
        })
    }

    /// The entries as an HTML table (Jupyter shows it).
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        table::to_html(
            py,
            &self.entries_table(),
            self.__repr__()
                .trim_start_matches('<')
                .trim_end_matches('>'),
        )
    }

    /// ``{"account", "events", "balances", "totals", "status"}``; ``Ledger(d["account"],
    /// d["events"])`` rebuilds the ledger.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("account", Bound::new(py, self.account())?)?;
        d.set_item("events", PyList::new(py, self.events())?)?;
        d.set_item("balances", Bound::new(py, self.balances())?)?;
        d.set_item("totals", Bound::new(py, self.totals())?)?;
        d.set_item("status", Bound::new(py, self.status())?)?;
        Ok(d)
    }

    /// Rebuilds a ledger from the state ``__reduce__`` gives: the account is checked again and the
    /// events replayed.
    #[classmethod]
    fn _from_state(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        state: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let text = super::state_text(state)?;
        // The core's serialization of a ledger: {"account": ..., "events": [...]}.
        let mut saved: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| super::bad_state(&e))?;
        let mut part = |key: &str| saved.get_mut(key).map(serde_json::Value::take);
        let (account, events) = (part("account"), part("events"));
        let account: Account = serde_json::from_value(account.unwrap_or_default())
            .map_err(|e| super::bad_state(&e))?;
        let events: Vec<Event> =
            serde_json::from_value(events.unwrap_or_default()).map_err(|e| super::bad_state(&e))?;
        check_account(&account).or_raise()?;
        py.detach(|| Ledger::with_events(account, events))
            .or_raise()
            .map(PyLedger)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((
            slf.get_type().getattr("_from_state")?,
            (slf.borrow().state(),),
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyLedger>() else {
            return Ok(py.NotImplemented());
        };
        let same = self.0 == other.borrow().0;
        Ok(PyBool::new(py, same).to_owned().into_any().unbind())
    }

    fn __repr__(&self) -> String {
        let a = self.0.account();
        let b = self.0.balances();
        format!(
            "<Ledger {} {} opened {}: {} events, owed {}, credit {}, {} since {}>",
            str_repr(a.id()),
            a.currency().code(),
            a.opened_on(),
            self.0.events().len(),
            b.owed(),
            b.credit,
            self.0.status(),
            self.0.last_date()
        )
    }
}

/// Registers the classes and the names of the options.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add(
        "COMPONENTS",
        PyTuple::new(py, Component::ALL.map(Component::name))?,
    )?;
    m.add("TIMINGS", PyTuple::new(py, Timing::ALL.map(Timing::name))?)?;
    m.add(
        "ALLOCATION_ORDERS",
        PyTuple::new(py, ComponentOrder::ALL.map(ComponentOrder::name))?,
    )?;
    m.add("SCOPES", PyTuple::new(py, Scope::ALL.map(Scope::name))?)?;
    m.add(
        "OVERPAYMENT_RULES",
        PyTuple::new(py, OverpaymentRule::ALL.map(OverpaymentRule::name))?,
    )?;
    m.add(
        "INTEREST_MODES",
        PyTuple::new(py, InterestMode::ALL.map(InterestMode::name))?,
    )?;
    m.add("EVENT_KINDS", PyTuple::new(py, EVENT_KINDS)?)?;
    m.add_class::<PyLateFeeRule>()?;
    m.add_class::<PyTerms>()?;
    m.add_class::<PyLedgerAccount>()?;
    m.add_class::<PyEvent>()?;
    m.add_class::<PyAllocation>()?;
    m.add_class::<PyBalances>()?;
    m.add_class::<PyLedgerTotals>()?;
    m.add_class::<PyEntry>()?;
    m.add_class::<PyLedger>()?;
    Ok(())
}
