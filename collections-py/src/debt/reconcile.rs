//! Reconciliation: `reconcile` matches the `PaymentRecord`s a bank or processor reported against those
//! the ledger posted, within `Tolerances`, and gives a `Reconciliation` (matched pairs and each
//! `Discrepancy` with a suggested resolution); `compare_to_expected` spreads the payments received over
//! the installments a schedule or plan expected and gives an `ExpectedComparison` (one
//! `ExpectedOutcome` per installment, and what no installment took). Both export to Arrow and pandas.
//!
//! Every rule is the core's (`collections_core::debt::reconcile`): this module converts arguments, maps
//! errors and lays the results out as tables.

use collections_core::debt::reconcile::{
    self as core, Discrepancy, DiscrepancyKind, Expected, ExpectedComparison, ExpectedOutcome,
    PaymentRecord, Reconciliation, Tolerances,
};
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyTuple};
use rust_decimal::Decimal;

use super::aging::dated_amounts;
use super::table::{self, Column, Table};
use super::{given, money_arg, opt_decimal, value_class, Out};
use crate::convert::{date_arg, int_arg, items_arg, str_arg, wrong_type};
use crate::errors::CoreResultExt;

value_class! {
    /// One payment as a bank statement, a processor's file or the ledger records it: its
    /// ``reference`` (the ledger's payment id, the bank's transaction reference), the ``account_id`` it
    /// is for, the value ``date``, the ``amount`` (above zero; a ``Money``, or an amount in
    /// ``currency``) and its ``currency``. Neither the reference nor the account id may be blank.
    ///
    /// >>> r = PaymentRecord("T-1", "A-1", "2026-03-02", "100.00", "EUR")
    /// >>> r.amount, r.currency.code
    /// (Decimal('100.00'), 'EUR')
    /// >>> PaymentRecord(**r.to_dict()) == r
    /// True
    "PaymentRecord" PyPaymentRecord(PaymentRecord)
    check |r| r.validate();
    {
        /// The payment's reference.
        reference: |r| r.reference.as_str(),
        /// The account it is for.
        account_id: |r| r.account_id.as_str(),
        /// The value date.
        date: |r| r.date,
        /// The amount.
        amount: |r| r.amount,
        /// Its ``Currency``.
        currency: |r| r.currency,
    }

    #[new]
    #[pyo3(signature = (reference, account_id, date, amount, currency = None))]
    fn new(
        reference: &Bound<'_, PyAny>,
        account_id: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        currency: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let money = money_arg(amount, currency, "amount")?;
        PaymentRecord::new(
            str_arg(reference, "reference")?,
            str_arg(account_id, "account_id")?,
            date_arg(date, "date")?,
            money.amount(),
            money.currency(),
        )
        .or_raise()
        .map(PyPaymentRecord)
    }

    /// The record as ``track`` (and aging) take a payment: a ``(date, amount)`` pair. This is how the
    /// payments a ledger posted (``Ledger.posted_payments()``) are tracked against an ``Arrangement``.
    ///
    /// >>> PaymentRecord("T-1", "A-1", "2026-03-06", "100.00", "USD").payment
    /// (datetime.date(2026, 3, 6), Decimal('100.00'))
    #[getter]
    fn payment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let p = self.0.payment();
        Out::out(&(p.date, p.amount), py)
    }
}

value_class! {
    /// How far apart a matched pair may be and still agree: the days the dates may differ by
    /// (``date_days``), the ``amount`` the amounts may differ by (not negative), and, for matching
    /// without a reference, the days around the reported date a posting is looked for in
    /// (``match_window_days``).
    ///
    /// >>> Tolerances(amount="0.05")
    /// Tolerances(date_days=0, amount=Decimal('0.05'), match_window_days=3)
    "Tolerances" PyTolerances(Tolerances)
    check |t| t.validate();
    {
        /// Days the dates of a pair may differ by.
        date_days: |t| t.date_days,
        /// The amount the amounts of a pair may differ by.
        amount: |t| t.amount,
        /// Days around the reported date a posting without its reference is looked for in.
        match_window_days: |t| t.match_window_days,
    }

    #[new]
    #[pyo3(
        signature = (*, date_days = None, amount = None, match_window_days = None),
        text_signature = "(*, date_days=0, amount=0, match_window_days=3)"
    )]
    fn new(
        date_days: Option<&Bound<'_, PyAny>>,
        amount: Option<&Bound<'_, PyAny>>,
        match_window_days: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut t = Tolerances::default();
        if let Some(d) = given(date_days) {
            t.date_days = int_arg::<u32>(d, "tolerances.date_days")?;
        }
        if let Some(a) = opt_decimal(amount, "tolerances.amount")? {
            t.amount = a;
        }
        if let Some(d) = given(match_window_days) {
            t.match_window_days = int_arg::<u32>(d, "tolerances.match_window_days")?;
        }
        Tolerances::validate(&t).or_raise()?;
        Ok(PyTolerances(t))
    }
}

value_class! {
    /// One discrepancy of a ``Reconciliation``: its ``kind`` (``'duplicate'``, ``'wrong_account'``,
    /// ``'currency_mismatch'``, ``'amount_mismatch'``, ``'date_mismatch'``, ``'reference_mismatch'``,
    /// ``'missing_in_ledger'`` or ``'missing_in_report'``), the index of the ``reported`` and of the
    /// ``posted`` record involved (``None`` where none is), the ``difference`` (reported − posted: the
    /// amounts of an amount mismatch, the days of a date mismatch; ``None`` otherwise) and the
    /// suggested ``resolution`` in words.
    "Discrepancy" PyDiscrepancy(Discrepancy) {
        /// What kind of discrepancy.
        kind: |d| d.kind.name(),
        /// The index of the reported record, or ``None``.
        reported: |d| d.reported,
        /// The index of the posted record, or ``None``.
        posted: |d| d.posted,
        /// Reported − posted (amount or days), or ``None``.
        difference: |d| d.difference,
        /// What to do about it.
        resolution: |d| d.resolution.as_str(),
    }
}

/// A reconciliation with the records it was made from (its indices point into them).
type ReconciliationState = (Reconciliation, Vec<PaymentRecord>, Vec<PaymentRecord>);

/// The discrepancies as a table, with the references of the records involved.
fn discrepancies_table(state: &ReconciliationState) -> Table {
    let (r, reported, posted) = state;
    let d = &r.discrepancies;
    let index = |f: fn(&Discrepancy) -> Option<usize>| {
        Column::Int(
            d.iter()
                .map(|x| f(x).and_then(|i| i64::try_from(i).ok()))
                .collect(),
        )
    };
    let reference = |list: &[PaymentRecord], f: fn(&Discrepancy) -> Option<usize>| {
        Column::Text(
            d.iter()
                .map(|x| f(x).and_then(|i| list.get(i)).map(|p| p.reference.clone()))
                .collect(),
        )
    };
    let mut t = Table::default();
    t.add(
        "kind",
        Column::Text(d.iter().map(|x| Some(x.kind.name().to_string())).collect()),
    )
    .add("reported", index(|x| x.reported))
    .add("posted", index(|x| x.posted))
    .add("reported_reference", reference(reported, |x| x.reported))
    .add("posted_reference", reference(posted, |x| x.posted))
    .add(
        "difference",
        Column::Decimal(d.iter().map(|x| x.difference).collect(), 0),
    )
    .add(
        "resolution",
        Column::Text(d.iter().map(|x| Some(x.resolution.clone())).collect()),
    );
    t
}

/// The matched pairs as a table, with the references of both records.
fn matched_table(state: &ReconciliationState) -> Table {
    let (r, reported, posted) = state;
    let m = &r.matched;
    let reference = |list: &[PaymentRecord], pick: fn(&(usize, usize)) -> usize| {
        Column::Text(
            m.iter()
                .map(|p| list.get(pick(p)).map(|x| x.reference.clone()))
                .collect(),
        )
    };
    let index = |pick: fn(&(usize, usize)) -> usize| {
        Column::Int(m.iter().map(|p| i64::try_from(pick(p)).ok()).collect())
    };
    let mut t = Table::default();
    t.add("reported", index(|p| p.0))
        .add("posted", index(|p| p.1))
        .add("reported_reference", reference(reported, |p| p.0))
        .add("posted_reference", reference(posted, |p| p.1));
    t
}

value_class! {
    /// The result of ``reconcile``: the ``matched`` pairs ``(reported index, posted index)`` that
    /// agree, every ``Discrepancy`` (in the order of the reported list, then of the posted list) and
    /// the ``reported`` and ``posted`` records the indices point into.
    ///
    /// ``to_arrow()`` and ``to_pandas()`` give the discrepancies as a table (a work list);
    /// ``matched_to_arrow()`` and ``matched_to_pandas()`` the matched pairs.
    "Reconciliation" PyReconciliation(ReconciliationState)
    repr |s, _py| Ok(format!(
        "<Reconciliation {} reported, {} posted: {} matched, {} discrepancies>",
        s.0.1.len(), s.0.2.len(), s.0.0.matched.len(), s.0.0.discrepancies.len()
    ));
    {
        /// ``(reported index, posted index)`` pairs that agree.
        matched: |s| s.0.matched.clone(),
        /// Every ``Discrepancy``.
        discrepancies: |s| s.0.discrepancies.iter().cloned().map(PyDiscrepancy).collect::<Vec<_>>(),
        /// The reported ``PaymentRecord``s.
        reported: |s| s.1.iter().cloned().map(PyPaymentRecord).collect::<Vec<_>>(),
        /// The posted ``PaymentRecord``s.
        posted: |s| s.2.iter().cloned().map(PyPaymentRecord).collect::<Vec<_>>(),
    }

    /// The discrepancies as a ``pyarrow.Table``: ``kind``, ``reported`` and ``posted`` (the indices,
    /// null where no record is involved), ``reported_reference`` and ``posted_reference``,
    /// ``difference`` (an exact ``decimal128``: the amounts' difference, or the days' for a date
    /// mismatch; null where there is none) and ``resolution``. Needs pyarrow.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_arrow(py, &discrepancies_table(&self.0), "Reconciliation.to_arrow")
    }

    /// ``to_arrow()`` as a pandas DataFrame of ``pd.ArrowDtype`` columns. Needs pandas and pyarrow.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_pandas(py, &discrepancies_table(&self.0), "Reconciliation.to_pandas")
    }

    /// ``to_arrow()`` as a polars DataFrame (``polars.from_arrow``; ``difference`` stays an exact
    /// ``Decimal`` column). Needs the ``polars`` extra (polars and pyarrow).
    ///
    /// >>> bank = [("T1", "A-1", "2026-03-02", "100.00", "EUR"), ("T3", "A-3", "2026-03-04", "7.00", "EUR")]
    /// >>> r = reconcile(bank, [("T1", "A-1", "2026-03-02", "100.00", "EUR")])
    /// >>> df = r.to_polars()
    /// >>> df["kind"].to_list(), df["reported"].to_list(), df["posted"].to_list()
    /// (['missing_in_ledger'], [1], [None])
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "Reconciliation.to_polars", || table::to_arrow(py, &discrepancies_table(&self.0), "Reconciliation.to_polars"))
    }

    /// The matched pairs as a ``pyarrow.Table``: ``reported``, ``posted`` (the indices),
    /// ``reported_reference`` and ``posted_reference``. Needs pyarrow.
    fn matched_to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_arrow(py, &matched_table(&self.0), "Reconciliation.matched_to_arrow")
    }

    /// ``matched_to_arrow()`` as a pandas DataFrame of ``pd.ArrowDtype`` columns.
    fn matched_to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_pandas(py, &matched_table(&self.0), "Reconciliation.matched_to_pandas")
    }

    /// ``matched_to_arrow()`` as a polars DataFrame (``polars.from_arrow``). Needs the ``polars`` extra
    /// (polars and pyarrow).
    ///
    /// >>> bank = [("T1", "A-1", "2026-03-02", "100.00", "EUR"), ("T3", "A-3", "2026-03-04", "7.00", "EUR")]
    /// >>> r = reconcile(bank, [("T1", "A-1", "2026-03-02", "100.00", "EUR")])
    /// >>> r.matched_to_polars().rows()
    /// [(0, 0, 'T1', 'T1')]
    fn matched_to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "Reconciliation.matched_to_polars", || table::to_arrow(py, &matched_table(&self.0), "Reconciliation.matched_to_polars"))
    }

    /// The discrepancies as an HTML table (Jupyter shows it).
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let caption = format!(
            "Reconciliation: {} reported, {} posted, {} matched, {} discrepancies",
            self.0.1.len(), self.0.2.len(), self.0.0.matched.len(), self.0.0.discrepancies.len()
        );
        table::to_html(py, &discrepancies_table(&self.0), &caption)
    }
}

/// A record argument: a `PaymentRecord`, or a `(reference, account_id, date, amount, currency)`
/// tuple (`(reference, account_id, date, money)` with a `Money`). A tuple's values are converted here,
/// naming `side` (the list) as the core's checks do, and checked by `reconcile` itself.
fn record_arg(obj: &Bound<'_, PyAny>, side: &'static str) -> PyResult<PaymentRecord> {
    if let Ok(r) = obj.cast::<PyPaymentRecord>() {
        return Ok(r.get().0.clone());
    }
    let expected = "a PaymentRecord or a (reference, account_id, date, amount, currency) tuple";
    if obj.is_instance_of::<pyo3::types::PyString>() {
        return Err(wrong_type(obj, side, expected));
    }
    let parts = items_arg(obj, side).map_err(|_| wrong_type(obj, side, expected))?;
    let (reference, account_id, date, amount, currency) = match parts.as_slice() {
        [r, a, d, m] => (r, a, d, m, None),
        [r, a, d, m, c] => (r, a, d, m, Some(c)),
        _ => return Err(wrong_type(obj, side, expected)),
    };
    let money = money_arg(amount, currency, side)?;
    Ok(PaymentRecord {
        reference: str_arg(reference, side)?,
        account_id: str_arg(account_id, side)?,
        date: date_arg(date, side)?,
        amount: money.amount(),
        currency: money.currency(),
    })
}

fn records_arg(obj: &Bound<'_, PyAny>, side: &'static str) -> PyResult<Vec<PaymentRecord>> {
    items_arg(obj, side)?
        .iter()
        .map(|r| record_arg(r, side))
        .collect()
}

/// Reconciles the payments a bank or processor ``reported`` against those the ledger ``posted``
/// (each a list of ``PaymentRecord``s or of ``(reference, account_id, date, amount, currency)``
/// tuples), within ``tolerances`` (a ``Tolerances``; none but a 3-day match window when not given).
///
/// Records are matched by reference first; for what is left, by account, currency, an amount within
/// the tolerance and the nearest date within the match window. Every discrepancy is reported with a
/// suggested resolution: a reference twice on one side (``'duplicate'``), on another account
/// (``'wrong_account'``), in another currency (``'currency_mismatch'``), amounts or dates apart by
/// more than the tolerance (``'amount_mismatch'``, ``'date_mismatch'``), matched without the
/// reference (``'reference_mismatch'``), reported and never posted (``'missing_in_ledger'``), posted
/// and never reported (``'missing_in_report'``). The matching runs without the GIL.
///
/// A blank reference or account id, or an amount not above zero, raises a ``CollectionsError``
/// naming the list (``'reported'`` or ``'posted'``) with the record's position and reference in its
/// value; a negative amount tolerance names ``'tolerances.amount'``.
///
/// >>> bank = [("T1", "A-1", "2026-03-02", "100.00", "EUR"), ("T2", "A-2", "2026-03-03", "50.00", "EUR"),
/// ...         ("T3", "A-3", "2026-03-04", "7.00", "EUR")]
/// >>> ledger = [("T1", "A-1", "2026-03-02", "100.00", "EUR"), ("T2", "A-9", "2026-03-03", "50.00", "EUR")]
/// >>> r = reconcile(bank, ledger)
/// >>> r.matched
/// ((0, 0),)
/// >>> [(d.kind, d.reported, d.posted, d.resolution) for d in r.discrepancies]
/// [('wrong_account', 1, 1, 'move the posting from account A-9 to A-2'), ('missing_in_ledger', 2, None, 'post 7.00 EUR to account A-3 dated 2026-03-04')]
#[pyfunction]
#[pyo3(signature = (reported, posted, tolerances = None))]
pub fn reconcile(
    py: Python<'_>,
    reported: &Bound<'_, PyAny>,
    posted: &Bound<'_, PyAny>,
    tolerances: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReconciliation> {
    let reported = records_arg(reported, "reported")?;
    let posted = records_arg(posted, "posted")?;
    let tolerances = match given(tolerances) {
        None => Tolerances::default(),
        Some(t) => {
            t.cast::<PyTolerances>()
                .map_err(|_| wrong_type(t, "tolerances", "a Tolerances"))?
                .get()
                .0
        }
    };
    let result = py
        .detach(|| core::reconcile(&reported, &posted, &tolerances))
        .or_raise()?;
    Ok(PyReconciliation((result, reported, posted)))
}

value_class! {
    /// One expected installment after ``compare_to_expected``: its ``due_date`` and ``amount``, what
    /// the payments ``covered`` of it (oldest installment first), the ``shortfall`` (amount −
    /// covered), the date its last cent was covered (``paid_on``, ``None`` if it was not), ``over``
    /// (what came in during its period beyond its amount, when positive) and the ``status``:
    /// ``'paid'`` (covered by its due date plus grace), ``'late'`` (covered after the grace days),
    /// ``'short'`` (due, partly covered), ``'missed'`` (due, nothing covered) or ``'not_due'`` (not
    /// yet due, or still in its grace days).
    "ExpectedOutcome" PyExpectedOutcome(ExpectedOutcome) {
        /// The due date.
        due_date: |o| o.expected.due_date,
        /// The amount expected.
        amount: |o| o.expected.amount,
        /// What the payments covered of it.
        covered: |o| o.covered,
        /// amount − covered.
        shortfall: |o| o.shortfall,
        /// The date its last cent was covered, or ``None``.
        paid_on: |o| o.paid_on,
        /// Payments in its period beyond its amount (0 when none).
        over: |o| o.over,
        /// ``'paid'``, ``'late'``, ``'short'``, ``'missed'`` or ``'not_due'``.
        status: |o| o.status.name(),
    }
}

/// The installments as a table.
fn installments_table(c: &ExpectedComparison) -> Table {
    let i = &c.installments;
    let amounts = |f: fn(&ExpectedOutcome) -> Decimal| {
        Column::Decimal(i.iter().map(|o| Some(f(o))).collect(), 0)
    };
    let mut t = Table::default();
    t.add(
        "due_date",
        Column::Date(i.iter().map(|o| Some(o.expected.due_date)).collect()),
    )
    .add("amount", amounts(|o| o.expected.amount))
    .add("covered", amounts(|o| o.covered))
    .add("shortfall", amounts(|o| o.shortfall))
    .add(
        "paid_on",
        Column::Date(i.iter().map(|o| o.paid_on).collect()),
    )
    .add("over", amounts(|o| o.over))
    .add(
        "status",
        Column::Text(
            i.iter()
                .map(|o| Some(o.status.name().to_string()))
                .collect(),
        ),
    );
    t
}

value_class! {
    /// The result of ``compare_to_expected``: one ``ExpectedOutcome`` per installment, in due-date
    /// order (``installments``; also ``len()`` and ``iter()``), and what was received and taken by no
    /// installment (``unapplied``).
    ///
    /// ``to_arrow()`` and ``to_pandas()`` give the installments as a table.
    "ExpectedComparison" PyExpectedComparison(ExpectedComparison)
    repr |s, _py| {
        let c = &s.0;
        let count = |name: &str| c.installments.iter().filter(|o| o.status.name() == name).count();
        Ok(format!(
            "<ExpectedComparison {} installments: {} paid, {} late, {} short, {} missed, {} not due; unapplied {}>",
            c.installments.len(), count("paid"), count("late"), count("short"), count("missed"),
            count("not_due"), c.unapplied
        ))
    };
    {
        /// One ``ExpectedOutcome`` per installment.
        installments: |c| c.installments.iter().cloned().map(PyExpectedOutcome).collect::<Vec<_>>(),
        /// Received and taken by no installment.
        unapplied: |c| c.unapplied,
    }

    /// The installments as a ``pyarrow.Table``: ``due_date``, ``amount``, ``covered``,
    /// ``shortfall``, ``paid_on`` (null when not covered), ``over`` (exact ``decimal128``) and
    /// ``status``. Needs pyarrow.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_arrow(py, &installments_table(&self.0), "ExpectedComparison.to_arrow")
    }

    /// ``to_arrow()`` as a pandas DataFrame of ``pd.ArrowDtype`` columns. Needs pandas and pyarrow.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_pandas(py, &installments_table(&self.0), "ExpectedComparison.to_pandas")
    }

    /// ``to_arrow()`` as a polars DataFrame (``polars.from_arrow``; amounts stay exact ``Decimal``
    /// columns). Needs the ``polars`` extra (polars and pyarrow).
    ///
    /// >>> plan = [("2026-01-28", 100), ("2026-02-28", 100), ("2026-03-28", 100)]
    /// >>> df = compare_to_expected(plan, [("2026-01-27", 100), ("2026-03-05", 60)], 5, "2026-04-10").to_polars()
    /// >>> df["status"].to_list(), df["shortfall"].to_list()
    /// (['paid', 'short', 'missed'], [Decimal('0'), Decimal('40'), Decimal('100')])
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "ExpectedComparison.to_polars", || table::to_arrow(py, &installments_table(&self.0), "ExpectedComparison.to_polars"))
    }

    /// The installments as an HTML table (Jupyter shows it).
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let caption = format!(
            "ExpectedComparison: {} installments, unapplied {}",
            self.0.installments.len(), self.0.unapplied
        );
        table::to_html(py, &installments_table(&self.0), &caption)
    }

    fn __len__(&self) -> usize {
        self.0.installments.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        let items: Vec<PyExpectedOutcome> =
            self.0.installments.iter().cloned().map(PyExpectedOutcome).collect();
        items.out(py)?.try_iter()
    }

    /// The installment at ``index`` (negative from the end).
    fn __getitem__(&self, index: isize) -> PyResult<PyExpectedOutcome> {
        let n = self.0.installments.len() as isize;
        let at = if index < 0 { index + n } else { index };
        usize::try_from(at)
            .ok()
            .and_then(|i| self.0.installments.get(i))
            .cloned()
            .map(PyExpectedOutcome)
            .ok_or_else(|| {
                pyo3::exceptions::PyIndexError::new_err("installment index out of range")
            })
    }
}

/// Compares the payments ``received`` (``(date, amount)`` pairs in date order) with the installments
/// ``expected`` (``(due_date, amount)`` pairs in due-date order, amounts above zero; a schedule's
/// ``[(row.due_date, row.payment) for row in schedule.rows]``) as of ``as_of``, with ``grace_days``
/// of grace after each due date.
///
/// Payments dated after ``as_of`` are not yet known. The rest are spread over the installments
/// oldest first; each installment is judged paid, late, short, missed or not yet due (see
/// ``ExpectedOutcome``). Installments out of due-date order, payments out of date order and amounts
/// not above zero raise a ``CollectionsError`` naming ``'expected'`` or ``'received'``, the position
/// in its value.
///
/// >>> plan = [("2026-01-28", 100), ("2026-02-28", 100), ("2026-03-28", 100)]
/// >>> c = compare_to_expected(plan, [("2026-01-27", 100), ("2026-03-05", 60)], 5, "2026-04-10")
/// >>> [(o.status, o.covered, o.shortfall) for o in c]
/// [('paid', Decimal('100'), Decimal('0')), ('short', Decimal('60'), Decimal('40')), ('missed', Decimal('0'), Decimal('100'))]
/// >>> compare_to_expected(plan, [("2026-01-27", 100), ("2026-03-05", 60)], 5, "2026-03-31")[2].status
/// 'not_due'
#[pyfunction]
#[pyo3(signature = (expected, received, grace_days, as_of))]
pub fn compare_to_expected(
    py: Python<'_>,
    expected: &Bound<'_, PyAny>,
    received: &Bound<'_, PyAny>,
    grace_days: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
) -> PyResult<PyExpectedComparison> {
    let expected: Vec<Expected> = dated_amounts(Some(expected), "expected")?
        .into_iter()
        .map(|(due_date, amount)| Expected { due_date, amount })
        .collect();
    let received = dated_amounts(Some(received), "received")?;
    let grace_days = int_arg::<u32>(grace_days, "grace_days")?;
    let as_of = date_arg(as_of, "as_of")?;
    py.detach(|| core::compare_to_expected(&expected, &received, grace_days, as_of))
        .or_raise()
        .map(PyExpectedComparison)
}

/// Registers the classes, the functions and the names of the discrepancy kinds.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add(
        "DISCREPANCY_KINDS",
        PyTuple::new(py, DiscrepancyKind::ALL.map(DiscrepancyKind::name))?,
    )?;
    m.add_class::<PyPaymentRecord>()?;
    m.add_class::<PyTolerances>()?;
    m.add_class::<PyDiscrepancy>()?;
    m.add_class::<PyReconciliation>()?;
    m.add_class::<PyExpectedOutcome>()?;
    m.add_class::<PyExpectedComparison>()?;
    m.add_function(wrap_pyfunction!(reconcile, m)?)?;
    m.add_function(wrap_pyfunction!(compare_to_expected, m)?)?;
    Ok(())
}
