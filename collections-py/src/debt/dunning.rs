//! Dunning runs: `DunningLevel`s make a `DunningPolicy`; `dunning_run` takes each `Invoice` once and
//! gives a `DunningRun`: a `DunningLine` per invoice, grouped by customer (`CustomerDunning`), with
//! totals, exported to Arrow and pandas.

use chrono::NaiveDate;
use collections_core::debt::dunning::{
    self as core, DunningInterest, DunningLevel, DunningPolicy, DunningRun, DunningTotals, Invoice,
    Payment,
};
use collections_core::debt::late_interest::{DebtorKind, Statute, StatutoryTables};
use pyo3::prelude::*;
use pyo3::types::PyIterator;

use super::late_interest::{tables_arg, PyRateTable};
use super::table::{self, Column, Table};
use super::{decimal_or, given, money_arg, name_arg, opt_decimal, rounding_arg, value_class, Out};
use crate::convert::{bool_arg, date_arg, describe, int_arg, items_arg, str_arg, wrong_type};
use crate::errors::{invalid, CoreResultExt};
use crate::money::currency_arg;

/// The rate of an ERP interest method.
fn rate_of(method: &DunningInterest) -> Option<rust_decimal::Decimal> {
    match *method {
        DunningInterest::ErpNext {
            annual_rate_percent,
        } => Some(annual_rate_percent),
        DunningInterest::BalanceDue { rate_percent }
        | DunningInterest::AverageDailyBalance { rate_percent, .. } => Some(rate_percent),
        _ => None,
    }
}

/// The constructor's check of a level's interest method (its rate not negative, its parts those the
/// method takes), run again on a level unpickled.
fn check_level(level: &DunningLevel) -> collections_core::Result<()> {
    let Some(method) = level.interest else {
        return Ok(());
    };
    let (period, statute, debtor) = match method {
        DunningInterest::AverageDailyBalance {
            interest_period_days,
            ..
        } => (Some(interest_period_days), None, None),
        DunningInterest::Statutory { statute, debtor } => (None, Some(statute), Some(debtor)),
        _ => (None, None, None),
    };
    DunningInterest::from_parts(method.name(), rate_of(&method), period, statute, debtor)
        .map(|_| ())
}

value_class! {
    /// One rung of a dunning ladder: reached at ``days_overdue`` plus ``grace_days`` when at least
    /// ``minimum_outstanding`` is owed; a notice at it charges ``fee`` (in the policy's currency) and,
    /// when ``interest`` names a method, interest on the outstanding amount from the due date.
    ///
    /// ``interest`` is ``None``, ``'erpnext'`` (``rate_percent`` a year, ERPNext's formula),
    /// ``'balance-due'`` (``rate_percent`` once), ``'average-daily-balance'`` (``rate_percent`` per
    /// ``interest_period_days``, the balance falling with payments) or ``'statutory'`` (``statute`` and
    /// ``debtor``, as ``statutory_interest``, without its fixed compensation). ``action`` is a key such
    /// as ``'reminder'`` or ``'legal handover'``.
    ///
    /// >>> DunningLevel(21, "final notice", fee="5.00", interest="erpnext", rate_percent=10).interest
    /// 'erpnext'
    "DunningLevel" PyDunningLevel(DunningLevel)
    check |l| check_level(l);
    {
        /// Days overdue at which the level is reached (before grace days).
        days_overdue: |l| l.days_overdue,
        /// What to do: a key such as ``'reminder'``.
        action: |l| l.action.as_str(),
        /// Further days of tolerance.
        grace_days: |l| l.grace_days,
        /// The fee charged with the notice.
        fee: |l| l.fee,
        /// The level is reached only when at least this much is outstanding.
        minimum_outstanding: |l| l.minimum_outstanding,
        /// The interest method's name, or ``None``.
        interest: |l| l.interest.as_ref().map(|m| m.name()),
        /// The ERP methods' rate in percent, or ``None``.
        rate_percent: |l| l.interest.as_ref().and_then(rate_of),
        /// The average daily balance's interest period, or ``None``.
        interest_period_days: |l| match l.interest {
            Some(DunningInterest::AverageDailyBalance { interest_period_days, .. }) => {
                Some(interest_period_days)
            }
            _ => None,
        },
        /// The statutory method's law, or ``None``.
        statute: |l| match l.interest {
            Some(DunningInterest::Statutory { statute, .. }) => Some(statute.name()),
            _ => None,
        },
        /// The statutory method's debtor kind, or ``None``.
        debtor: |l| match l.interest {
            Some(DunningInterest::Statutory { debtor, .. }) => Some(debtor.name()),
            _ => None,
        },
    }

    #[new]
    #[pyo3(
        signature = (
            days_overdue, action, *, grace_days = None, fee = None, minimum_outstanding = None,
            interest = None, rate_percent = None, interest_period_days = None, statute = None,
            debtor = None
        ),
        text_signature = "(days_overdue, action, *, grace_days=0, fee=0, minimum_outstanding=0, \
            interest=None, rate_percent=None, interest_period_days=None, statute=None, debtor=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn new(
        days_overdue: &Bound<'_, PyAny>,
        action: &Bound<'_, PyAny>,
        grace_days: Option<&Bound<'_, PyAny>>,
        fee: Option<&Bound<'_, PyAny>>,
        minimum_outstanding: Option<&Bound<'_, PyAny>>,
        interest: Option<&Bound<'_, PyAny>>,
        rate_percent: Option<&Bound<'_, PyAny>>,
        interest_period_days: Option<&Bound<'_, PyAny>>,
        statute: Option<&Bound<'_, PyAny>>,
        debtor: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut level = DunningLevel::new(
            int_arg::<u32>(days_overdue, "days_overdue")?,
            str_arg(action, "action")?,
        );
        if let Some(g) = given(grace_days) {
            level.grace_days = int_arg::<u32>(g, "grace_days")?;
        }
        level.fee = decimal_or(fee, "fee", level.fee)?;
        level.minimum_outstanding =
            decimal_or(minimum_outstanding, "minimum_outstanding", level.minimum_outstanding)?;
        let rate = opt_decimal(rate_percent, "rate_percent")?;
        let period = given(interest_period_days)
            .map(|p| int_arg::<u32>(p, "interest_period_days"))
            .transpose()?;
        let statute = given(statute)
            .map(|s| name_arg::<Statute>(s, "statute"))
            .transpose()?;
        let debtor = given(debtor)
            .map(|d| name_arg::<DebtorKind>(d, "debtor"))
            .transpose()?;
        level.interest = match given(interest) {
            Some(name) => Some(
                DunningInterest::from_parts(&str_arg(name, "interest")?, rate, period, statute, debtor)
                    .map_err(|e| {
                        if e.field() == "interest_method" {
                            crate::errors::raise(e.with_field("interest"))
                        } else {
                            crate::errors::raise(e)
                        }
                    })?,
            ),
            None => {
                let data = [
                    ("rate_percent", rate.is_some()),
                    ("interest_period_days", period.is_some()),
                    ("statute", statute.is_some()),
                    ("debtor", debtor.is_some()),
                ];
                if let Some((field, _)) = data.iter().find(|(_, taken)| *taken) {
                    return Err(invalid(
                        field,
                        "given",
                        "only a level with an interest method takes it",
                    ));
                }
                None
            }
        };
        Ok(PyDunningLevel(level))
    }
}

value_class! {
    /// A dunning ladder in one currency: ``levels`` (``DunningLevel``s in strictly increasing
    /// ``days_overdue``; level 1 is the first), interest ``rounding`` (half-up by default), whether an
    /// invoice climbs at most one level per run (``one_level_at_a_time``, the default, so no notice is
    /// skipped), and the rate tables statutory interest uses (``ecb``, ``de_base_rate``,
    /// ``uk_reference``: ``RateTable``s, the built-in ones by default).
    ///
    /// >>> policy = DunningPolicy("EUR", [DunningLevel(14, "reminder"), DunningLevel(30, "final notice", fee=10)])
    /// >>> [level.action for level in policy.levels]
    /// ['reminder', 'final notice']
    "DunningPolicy" PyDunningPolicy((DunningPolicy, StatutoryTables))
    repr |s, _py| Ok(format!(
        "<DunningPolicy {} levels: {}>",
        s.0.0.currency(),
        s.0.0.levels().iter().map(|l| format!("{} at {}", l.action, l.days_overdue))
            .collect::<Vec<_>>().join(", ")
    ));
    {
        /// The policy's currency.
        currency: |p| p.0.currency(),
        /// The levels, lowest first.
        levels: |p| p.0.levels().iter().cloned().map(PyDunningLevel).collect::<Vec<_>>(),
        /// The rounding of interest.
        rounding: |p| p.0.rounding().name(),
        /// Whether an invoice climbs at most one level per run.
        one_level_at_a_time: |p| p.0.one_level_at_a_time(),
        /// The ECB table (EU statutory interest).
        ecb: |p| PyRateTable(p.1.ecb.clone()),
        /// The Basiszinssatz table (German statutory interest).
        de_base_rate: |p| PyRateTable(p.1.de_base_rate.clone()),
        /// The Bank of England table (UK statutory interest).
        uk_reference: |p| PyRateTable(p.1.uk_reference.clone()),
    }

    #[new]
    #[pyo3(
        signature = (
            currency, levels, *, rounding = None, one_level_at_a_time = None, ecb = None,
            de_base_rate = None, uk_reference = None
        ),
        text_signature = "(currency, levels, *, rounding='half-up', one_level_at_a_time=True, \
            ecb=None, de_base_rate=None, uk_reference=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn new(
        currency: &Bound<'_, PyAny>,
        levels: &Bound<'_, PyAny>,
        rounding: Option<&Bound<'_, PyAny>>,
        one_level_at_a_time: Option<&Bound<'_, PyAny>>,
        ecb: Option<&Bound<'_, PyAny>>,
        de_base_rate: Option<&Bound<'_, PyAny>>,
        uk_reference: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let levels = items_arg(levels, "levels")?
            .iter()
            .map(|l| {
                l.cast::<PyDunningLevel>()
                    .map(|l| l.get().0.clone())
                    .map_err(|_| wrong_type(l, "levels", "a DunningLevel"))
            })
            .collect::<PyResult<Vec<_>>>()?;
        let tables = tables_arg(ecb, de_base_rate, uk_reference)?;
        let one_level = given(one_level_at_a_time)
            .map(|b| bool_arg(b, "one_level_at_a_time"))
            .transpose()?
            .unwrap_or(true);
        let policy = DunningPolicy::new(currency_arg(currency, "currency")?, levels)
            .or_raise()?
            .with_rounding(rounding_arg(rounding, "rounding")?)
            .with_one_level_at_a_time(one_level)
            .with_tables(tables.clone());
        Ok(PyDunningPolicy((policy, tables)))
    }
}

/// A payment argument: a `(date, amount)` pair, the amount a `Money` or a plain amount in `currency`.
fn payment_arg(obj: &Bound<'_, PyAny>, currency: collections_core::Currency) -> PyResult<Payment> {
    let parts = items_arg(obj, "payments")?;
    let [date, amount] = parts.as_slice() else {
        return Err(wrong_type(obj, "payments", "a (date, amount) pair"));
    };
    let money = match amount.cast::<crate::money::PyMoney>() {
        Ok(m) => m.get().0,
        Err(_) => collections_core::Money::new(
            crate::convert::decimal_arg(amount, "payments.amount")?,
            currency,
        ),
    };
    Ok(Payment {
        date: date_arg(date, "payments.date")?,
        amount: money.amount(),
        currency: money.currency(),
    })
}

value_class! {
    /// An invoice as a dunning run sees it: its ``id`` (unique within a run), ``customer_id``,
    /// ``amount`` (a ``Money``, or an amount in ``currency``), ``due_date``, ``payments`` (``(date,
    /// amount)`` pairs in date order, each amount a ``Money`` or a plain amount in the invoice's
    /// currency), the level of the last notice already sent (``dunning_level``, 0 for none) and whether
    /// it is ``blocked`` from dunning (litigation, dispute).
    ///
    /// >>> inv = Invoice("INV-1", "C-7", "500.00", "2026-01-31", currency="EUR", payments=[("2026-02-10", 200)])
    /// >>> inv.amount, inv.payments
    /// (Money('500.00', 'EUR'), ((datetime.date(2026, 2, 10), Money('200', 'EUR')),))
    "Invoice" PyInvoice(Invoice) {
        /// The invoice id.
        id: |i| i.id.as_str(),
        /// The customer it belongs to.
        customer_id: |i| i.customer_id.as_str(),
        /// The invoiced amount.
        amount: |i| collections_core::Money::new(i.amount, i.currency),
        /// The date payment was due.
        due_date: |i| i.due_date,
        /// ``(date, Money)`` pairs.
        payments: |i| i.payments.iter()
            .map(|p| (p.date, collections_core::Money::new(p.amount, p.currency)))
            .collect::<Vec<_>>(),
        /// The level of the last notice sent (0: none).
        dunning_level: |i| i.dunning_level,
        /// Blocked from dunning.
        blocked: |i| i.blocked,
    }

    #[new]
    #[pyo3(
        signature = (
            id, customer_id, amount, due_date, *, currency = None, payments = None,
            dunning_level = None, blocked = None
        ),
        text_signature = "(id, customer_id, amount, due_date, *, currency=None, payments=(), \
            dunning_level=0, blocked=False)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn new(
        id: &Bound<'_, PyAny>,
        customer_id: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        due_date: &Bound<'_, PyAny>,
        currency: Option<&Bound<'_, PyAny>>,
        payments: Option<&Bound<'_, PyAny>>,
        dunning_level: Option<&Bound<'_, PyAny>>,
        blocked: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let amount = money_arg(amount, currency, "amount")?;
        let mut invoice = Invoice::new(
            str_arg(id, "id")?,
            str_arg(customer_id, "customer_id")?,
            amount.currency(),
            amount.amount(),
            date_arg(due_date, "due_date")?,
        );
        if let Some(p) = given(payments) {
            invoice.payments = items_arg(p, "payments")?
                .iter()
                .map(|p| payment_arg(p, amount.currency()))
                .collect::<PyResult<Vec<_>>>()?;
        }
        if let Some(level) = given(dunning_level) {
            invoice.dunning_level = int_arg::<u32>(level, "dunning_level")?;
        }
        if let Some(b) = given(blocked) {
            invoice.blocked = bool_arg(b, "blocked")?;
        }
        Ok(PyInvoice(invoice))
    }
}

/// What a line shows of its invoice: id, customer id, due date.
type InvoiceKey = (String, String, NaiveDate);

/// A line with its invoice's key and its level's action.
type LineState = (core::DunningLine, InvoiceKey, Option<String>);

value_class! {
    /// One invoice's result in a ``DunningRun``: the invoice (``invoice_index`` in the list given,
    /// ``invoice_id``, ``customer_id``, ``due_date``), what it owes (``outstanding``, payments after
    /// the run date ignored), ``days_overdue``, the ``outcome`` (``'blocked'``, ``'paid'``,
    /// ``'not_overdue'``, ``'no_level_reached'``, ``'already_notified'`` or ``'notice'``), the
    /// ``level`` reached and its ``action`` (``None`` when none), the ``fee``, ``interest`` and
    /// ``total`` of a new notice (zero otherwise), and whether statutory interest used a reference
    /// rate marked unverified.
    "DunningLine" PyDunningLine(LineState) {
        /// The invoice's position in the list given to ``dunning_run``.
        invoice_index: |s| s.0.invoice_index,
        /// The invoice id.
        invoice_id: |s| s.1.0.as_str(),
        /// The customer id.
        customer_id: |s| s.1.1.as_str(),
        /// The invoice's due date.
        due_date: |s| s.1.2,
        /// Amount − payments up to the run date, never below zero.
        outstanding: |s| s.0.outstanding,
        /// Run date − due date (negative before it).
        days_overdue: |s| s.0.days_overdue,
        /// The decision's name.
        outcome: |s| s.0.outcome.name(),
        /// The level reached (1 is the first), or ``None``.
        level: |s| s.0.level,
        /// The level's action, or ``None``.
        action: |s| s.2.as_deref(),
        /// The level's fee (zero unless a notice).
        fee: |s| s.0.fee,
        /// The interest (zero unless a notice at a level with interest).
        interest: |s| s.0.interest,
        /// fee + interest.
        total: |s| s.0.total,
        /// Whether statutory interest used a reference row marked unverified.
        unverified_rate: |s| s.0.unverified_rate,
    }
}

value_class! {
    /// Sums over some lines of a ``DunningRun``: ``invoices``, new ``notices``, ``outstanding`` over
    /// all the invoices (blocked ones included), and the ``fee``, ``interest`` and ``total`` of the
    /// notices.
    "DunningTotals" PyDunningTotals(DunningTotals) {
        /// Invoices.
        invoices: |t| t.invoices,
        /// New notices.
        notices: |t| t.notices,
        /// Outstanding over all invoices.
        outstanding: |t| t.outstanding,
        /// Fees of the notices.
        fee: |t| t.fee,
        /// Interest of the notices.
        interest: |t| t.interest,
        /// fee + interest.
        total: |t| t.total,
    }
}

value_class! {
    /// One customer's part of a ``DunningRun``: the ``customer_id``, their ``lines`` (by due date, then
    /// invoice id) and their ``totals``.
    "CustomerDunning" PyCustomerDunning((String, DunningTotals, Vec<LineState>))
    repr |s, _py| Ok(format!(
        "<CustomerDunning {:?} {} invoices, {} notices, total {}>",
        s.0.0, s.0.1.invoices, s.0.1.notices, s.0.1.total
    ));
    {
        /// The customer.
        customer_id: |c| c.0.as_str(),
        /// Their totals.
        totals: |c| PyDunningTotals(c.1.clone()),
        /// Their lines.
        lines: |c| c.2.iter().cloned().map(PyDunningLine).collect::<Vec<_>>(),
    }
}

/// A run with the keys of its invoices (by invoice index).
type RunState = (DunningRun, Vec<InvoiceKey>);

/// A line of a run with its invoice's key and action.
fn line_state(state: &RunState, line: &core::DunningLine) -> LineState {
    let (run, keys) = state;
    let key = keys
        .get(line.invoice_index)
        .cloned()
        .unwrap_or_else(|| (String::new(), String::new(), run.as_of));
    (line.clone(), key, run.action(line).map(str::to_string))
}

/// The lines of a run as a table.
fn lines_table(state: &RunState) -> Table {
    let (run, keys) = state;
    let lines = &run.lines;
    let minor = run.currency.minor_units();
    let key = |l: &core::DunningLine| keys.get(l.invoice_index);
    let amounts = |f: fn(&core::DunningLine) -> rust_decimal::Decimal| {
        Column::Decimal(lines.iter().map(|l| Some(f(l))).collect(), minor)
    };
    let mut t = Table::default();
    t.add(
        "invoice_index",
        Column::Int(
            lines
                .iter()
                .map(|l| i64::try_from(l.invoice_index).ok())
                .collect(),
        ),
    )
    .add(
        "invoice_id",
        Column::Text(lines.iter().map(|l| key(l).map(|k| k.0.clone())).collect()),
    )
    .add(
        "customer_id",
        Column::Text(lines.iter().map(|l| key(l).map(|k| k.1.clone())).collect()),
    )
    .add(
        "due_date",
        Column::Date(lines.iter().map(|l| key(l).map(|k| k.2)).collect()),
    )
    .add("outstanding", amounts(|l| l.outstanding))
    .add(
        "days_overdue",
        Column::Int(lines.iter().map(|l| Some(l.days_overdue)).collect()),
    )
    .add(
        "outcome",
        Column::Text(
            lines
                .iter()
                .map(|l| Some(l.outcome.name().to_string()))
                .collect(),
        ),
    )
    .add(
        "level",
        Column::Int(lines.iter().map(|l| l.level.map(i64::from)).collect()),
    )
    .add(
        "action",
        Column::Text(
            lines
                .iter()
                .map(|l| run.action(l).map(str::to_string))
                .collect(),
        ),
    )
    .add("fee", amounts(|l| l.fee))
    .add("interest", amounts(|l| l.interest))
    .add("total", amounts(|l| l.total))
    .add(
        "unverified_rate",
        Column::Bool(lines.iter().map(|l| l.unverified_rate).collect()),
    );
    t
}

value_class! {
    /// The result of ``dunning_run``: the run date ``as_of``, the policy's ``currency`` and the
    /// ``actions`` of its levels, one ``DunningLine`` per invoice ordered by customer id, due date and
    /// invoice id (``lines``; also ``len(run)`` and ``iter(run)``), the ``customers`` in id order, each
    /// with their lines and totals (``customer(id)`` finds one), and the ``totals`` over all invoices.
    ///
    /// ``to_arrow()`` and ``to_pandas()`` give the lines as a table, amounts as exact ``decimal128``
    /// of the currency's minor units; ``run.to_pandas().groupby("customer_id")`` groups them.
    "DunningRun" PyDunningRun(RunState)
    repr |s, _py| Ok(format!(
        "<DunningRun {} {}: {} invoices of {} customers, {} notices, total {}>",
        s.0.0.as_of, s.0.0.currency, s.0.0.totals.invoices, s.0.0.customers.len(),
        s.0.0.totals.notices, s.0.0.totals.total
    ));
    {
        /// The run date.
        as_of: |s| s.0.as_of,
        /// The policy's currency.
        currency: |s| s.0.currency,
        /// The action of each level, level 1 first.
        actions: |s| s.0.actions.clone(),
        /// One line per invoice.
        lines: |s| s.0.lines.iter().map(|l| PyDunningLine(line_state(s, l))).collect::<Vec<_>>(),
        /// One entry per customer, by customer id.
        customers: |s| s.0.customers.iter().map(|c| customer(s, c)).collect::<Vec<_>>(),
        /// Totals over all invoices.
        totals: |s| PyDunningTotals(s.0.totals.clone()),
    }

    /// The customer with this id, or ``None``.
    fn customer(&self, customer_id: &Bound<'_, PyAny>) -> PyResult<Option<PyCustomerDunning>> {
        let id = str_arg(customer_id, "customer_id")?;
        let run = &self.0.0;
        Ok(run
            .customers
            .binary_search_by(|c| c.customer_id.as_str().cmp(id.as_str()))
            .ok()
            .and_then(|i| run.customers.get(i))
            .map(|c| customer(&self.0, c)))
    }

    /// The lines as a ``pyarrow.Table``: ``invoice_index``, ``invoice_id``, ``customer_id``,
    /// ``due_date`` (``date32``), ``outstanding``, ``days_overdue``, ``outcome``, ``level`` and
    /// ``action`` (null when no level), ``fee``, ``interest``, ``total`` (``decimal128(38, minor
    /// units)``) and ``unverified_rate``. Needs pyarrow.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_arrow(py, &lines_table(&self.0), "DunningRun.to_arrow")
    }

    /// ``to_arrow()`` as a pandas DataFrame of ``pd.ArrowDtype`` columns (amounts stay exact
    /// decimals). Needs pandas and pyarrow.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_pandas(py, &lines_table(&self.0), "DunningRun.to_pandas")
    }

    /// ``to_arrow()`` as a polars DataFrame (``polars.from_arrow``; amounts stay exact ``Decimal``
    /// columns). Needs the ``polars`` extra (polars and pyarrow).
    ///
    /// >>> policy = DunningPolicy("EUR", [DunningLevel(14, "reminder", fee=5)])
    /// >>> run = dunning_run([Invoice("A-1", "ACME", 100, "2026-01-01", currency="EUR")], policy, "2026-02-20")
    /// >>> df = run.to_polars()
    /// >>> df["invoice_id"].to_list(), df["outcome"].to_list(), df["total"].to_list()
    /// (['A-1'], ['notice'], [Decimal('5.00')])
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "DunningRun.to_polars", || table::to_arrow(py, &lines_table(&self.0), "DunningRun.to_polars"))
    }

    /// The lines as an HTML table (Jupyter shows it).
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let (run, _) = &self.0;
        let caption = format!(
            "DunningRun {} {}: {} invoices of {} customers, {} notices, total {}",
            run.as_of, run.currency, run.totals.invoices, run.customers.len(), run.totals.notices,
            run.totals.total
        );
        table::to_html(py, &lines_table(&self.0), &caption)
    }

    fn __len__(&self) -> usize {
        self.0.0.lines.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        let lines = self.0.0.lines.iter().map(|l| PyDunningLine(line_state(&self.0, l))).collect::<Vec<_>>();
        lines.out(py)?.try_iter()
    }
}

/// A customer of a run with their lines.
fn customer(state: &RunState, c: &core::CustomerDunning) -> PyCustomerDunning {
    let lines = state
        .0
        .customer_lines(c)
        .iter()
        .map(|l| line_state(state, l))
        .collect();
    PyCustomerDunning((c.customer_id.clone(), c.totals.clone(), lines))
}

/// Runs a dunning policy over invoices as of a date.
///
/// Each ``Invoice`` is taken once: payments dated after ``as_of`` are ignored; a blocked invoice, a
/// paid one and one not past its due date get no level; otherwise the highest level whose days (plus
/// grace days) and minimum outstanding are reached (with ``one_level_at_a_time``, at most one above the
/// invoice's ``dunning_level``); a level not above the one already sent sends nothing new; a new level
/// charges its fee and interest. The run is computed without the GIL.
///
/// A duplicate invoice id, an amount not above zero, another currency than the policy's, payments out
/// of date order, or statutory interest for dates the rate tables do not cover raise a
/// ``CollectionsError`` naming the field and, in its value, the invoice.
///
/// >>> policy = DunningPolicy("EUR", [
/// ...     DunningLevel(14, "reminder", fee=5),
/// ...     DunningLevel(30, "final notice", fee=10, interest="erpnext", rate_percent=10),
/// ... ])
/// >>> invoices = [
/// ...     Invoice("A-2", "ACME", 730, "2026-01-01", currency="EUR", dunning_level=1),
/// ...     Invoice("A-1", "ACME", 100, "2026-02-10", currency="EUR"),
/// ... ]
/// >>> run = dunning_run(invoices, policy, "2026-02-20")
/// >>> [(line.invoice_id, line.outcome, line.action, line.total) for line in run]
/// [('A-2', 'notice', 'final notice', Decimal('20.00')), ('A-1', 'no_level_reached', None, Decimal('0.00'))]
/// >>> run.customer("ACME").totals.total
/// Decimal('20.00')
#[pyfunction]
pub fn dunning_run(
    py: Python<'_>,
    invoices: &Bound<'_, PyAny>,
    policy: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
) -> PyResult<PyDunningRun> {
    let policy = policy
        .cast::<PyDunningPolicy>()
        .map_err(|_| wrong_type(policy, "policy", "a DunningPolicy"))?;
    let policy = &policy.get().0 .0;
    let as_of = date_arg(as_of, "as_of")?;
    let invoices = items_arg(invoices, "invoices")?
        .iter()
        .map(|i| {
            i.cast::<PyInvoice>()
                .map(|i| i.get().0.clone())
                .map_err(|_| invalid("invoices", describe(i), "expected Invoice objects"))
        })
        .collect::<PyResult<Vec<_>>>()?;
    let run = py
        .detach(|| core::dunning_run(&invoices, policy, as_of))
        .or_raise()?;
    let keys = invoices
        .into_iter()
        .map(|i| (i.id, i.customer_id, i.due_date))
        .collect();
    Ok(PyDunningRun((run, keys)))
}

/// Registers the classes and the function.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDunningLevel>()?;
    m.add_class::<PyDunningPolicy>()?;
    m.add_class::<PyInvoice>()?;
    m.add_class::<PyDunningLine>()?;
    m.add_class::<PyDunningTotals>()?;
    m.add_class::<PyCustomerDunning>()?;
    m.add_class::<PyDunningRun>()?;
    m.add_function(wrap_pyfunction!(dunning_run, m)?)?;
    Ok(())
}
