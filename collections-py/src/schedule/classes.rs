//! `Schedule`, `ScheduleRow` and `ScheduleTotals`: immutable values over the core's schedule.
//!
//! A `Schedule` holds the core `Schedule` itself (terms, rows, totals, level payment); its `rows` tuple
//! of `ScheduleRow` objects is made on first use and kept. It pickles as the core schedule's serde
//! JSON, so a pickled schedule comes back row for row, re-amortized ones included.

use std::fmt;
use std::hash::{Hash, Hasher};

use collections_core::schedule::{
    InterestMethod, Reamortization, Row, Schedule, ScheduleKind, ScheduleTerms, TermOrPayment,
    Totals,
};
use collections_core::Currency;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyIterator, PyList, PyTuple, PyType};
use rust_decimal::Decimal;

use super::export;
use crate::calendar::day_count_value;
use crate::convert::{
    bool_arg, date_arg, date_out, date_repr, decimal_arg, decimal_out, decimal_repr, int_arg,
    str_arg, Reduced,
};
use crate::errors::{invalid, raise};
use crate::money::PyCurrency;
use crate::rate::rate_arg;

/// An optional decimal out: `None` or a `decimal.Decimal`.
fn optional_decimal<'py>(py: Python<'py>, value: Option<Decimal>) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Some(v) => decimal_out(py, v),
        None => Ok(py.None().into_bound(py)),
    }
}

/// A currency as `amortize` takes it back: the ISO code, or the `Currency` for one the caller defined.
fn currency_value(py: Python<'_>, currency: Currency) -> PyResult<Bound<'_, PyAny>> {
    if currency.is_iso() {
        return Ok(currency.code().into_pyobject(py)?.into_any());
    }
    Ok(Bound::new(py, PyCurrency(currency))?.into_any())
}

/// The terms by `amortize`'s argument names, so `amortize(**terms)` builds the same schedule.
fn terms_dict<'py>(py: Python<'py>, terms: &ScheduleTerms) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("principal", decimal_out(py, terms.principal)?)?;
    d.set_item(
        "annual_rate",
        decimal_out(py, terms.annual_rate.as_fraction())?,
    )?;
    d.set_item("start_date", date_out(py, terms.start_date, "start_date")?)?;
    d.set_item(
        "first_due_date",
        date_out(py, terms.first_due_date, "first_due_date")?,
    )?;
    let (term, payment) = match terms.term_or_payment {
        TermOrPayment::Term(n) => (Some(n), None),
        TermOrPayment::Payment(p) => (None, Some(p)),
    };
    d.set_item("term", term)?;
    d.set_item("payment", optional_decimal(py, payment)?)?;
    d.set_item("frequency", terms.frequency.to_string())?;
    d.set_item("currency", currency_value(py, terms.currency)?)?;
    d.set_item("end_of_month", terms.end_of_month)?;
    d.set_item("interest_method", terms.interest_method.name())?;
    let day_count = match terms.interest_method {
        InterestMethod::Daily(dc) => Some(day_count_value(py, dc)?),
        _ => None,
    };
    d.set_item("day_count", day_count)?;
    d.set_item("kind", terms.kind.name())?;
    let (mut periods, mut step, mut every, mut payments) = (None, None, None, None);
    match &terms.kind {
        ScheduleKind::Balloon {
            amortization_periods,
        } => periods = Some(*amortization_periods),
        ScheduleKind::Graduated {
            step_percent,
            every: e,
        } => {
            step = Some(*step_percent);
            every = Some(*e);
        }
        ScheduleKind::Custom(list) => {
            let items = list
                .iter()
                .map(|p| decimal_out(py, *p))
                .collect::<PyResult<Vec<_>>>()?;
            payments = Some(PyTuple::new(py, items)?);
        }
        _ => {}
    }
    d.set_item("amortization_periods", periods)?;
    d.set_item("step_percent", optional_decimal(py, step)?)?;
    d.set_item("every", every)?;
    d.set_item("payments", payments)?;
    d.set_item("odd_first_period", terms.odd_first_period.name())?;
    d.set_item("stub_day_count", day_count_value(py, terms.stub_day_count)?)?;
    d.set_item(
        "payment_holidays",
        PyTuple::new(py, &terms.payment_holidays)?,
    )?;
    d.set_item("holiday_interest", terms.holiday_interest.name())?;
    d.set_item("payment_rounding", terms.payment_rounding.name())?;
    d.set_item(
        "payment_multiple",
        optional_decimal(py, terms.payment_multiple)?,
    )?;
    d.set_item("interest_rounding", terms.interest_rounding.name())?;
    d.set_item("max_rows", terms.max_rows)?;
    Ok(d)
}

/// An amortization schedule: its rows, totals, level payment and the terms it was built from.
///
/// Made by ``amortize`` (or ``ScheduleBuilder``); ``reamortize`` makes a new one. A sequence of
/// ``ScheduleRow``: ``len(s)``, ``s[0]``, ``s[-1]``, ``s[1:3]`` and ``for row in s`` work on ``rows``.
/// An immutable value: equal schedules compare and hash equal, and it pickles row for row.
///
/// Tabular exports: ``columns()`` (numpy arrays, amounts as ``int64`` minor units), ``to_arrow()``
/// (a ``pyarrow.Table`` with exact ``decimal128`` amounts), ``to_pandas()`` (a ``DataFrame`` with
/// ``pd.ArrowDtype`` columns, amounts exact decimals) and ``_repr_html_`` for notebooks. numpy, pyarrow
/// and pandas are optional: each export imports what it needs when called.
///
/// >>> s = amortize(2000, "0.10", "2026-01-01", "2026-02-01", term=24)
/// >>> s.level_payment, len(s), s.currency
/// (Decimal('92.29'), 24, Currency('USD'))
/// >>> s[0]
/// ScheduleRow(number=1, due_date=datetime.date(2026, 2, 1), days=31, opening_balance=Decimal('2000.00'), payment=Decimal('92.29'), interest=Decimal('16.67'), deferred_interest=Decimal('0.00'), principal=Decimal('75.62'), closing_balance=Decimal('1924.38'), holiday=False)
/// >>> s.totals
/// ScheduleTotals(payment=Decimal('2214.95'), interest=Decimal('214.95'), principal=Decimal('2000.00'))
#[pyclass(
    module = "collections_core",
    name = "Schedule",
    frozen,
    eq,
    hash,
    sequence
)]
pub struct PySchedule {
    schedule: Schedule,
    /// The `ScheduleRow` objects, made on first use.
    rows: PyOnceLock<Py<PyTuple>>,
}

impl From<Schedule> for PySchedule {
    fn from(schedule: Schedule) -> Self {
        PySchedule {
            schedule,
            rows: PyOnceLock::new(),
        }
    }
}

impl fmt::Debug for PySchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PySchedule")
            .field("schedule", &self.schedule)
            .finish_non_exhaustive()
    }
}

impl PartialEq for PySchedule {
    fn eq(&self, other: &Self) -> bool {
        self.schedule == other.schedule
    }
}

impl Eq for PySchedule {}

/// Hashes what equal schedules share; the rows themselves are compared by `==`.
impl Hash for PySchedule {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let s = &self.schedule;
        s.rows().len().hash(state);
        s.level_payment().hash(state);
        s.totals().payment.hash(state);
        s.totals().interest.hash(state);
        s.totals().principal.hash(state);
        s.terms().first_due_date.hash(state);
    }
}

impl PySchedule {
    /// The core schedule.
    pub(crate) fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// The `ScheduleRow` objects, as one tuple made on first use.
    fn rows_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        let rows = self.rows.get_or_try_init(py, || -> PyResult<Py<PyTuple>> {
            let items = self
                .schedule
                .rows()
                .iter()
                .map(|r| Py::new(py, PyScheduleRow(r.clone())))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyTuple::new(py, items)?.unbind())
        })?;
        Ok(rows.bind(py))
    }
}

#[pymethods]
impl PySchedule {
    /// The rows, in order: a tuple of ``ScheduleRow``.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.rows_tuple(py).cloned()
    }

    /// The column sums: a ``ScheduleTotals`` (payment, interest, principal).
    #[getter]
    fn totals(&self) -> PyScheduleTotals {
        PyScheduleTotals(self.schedule.totals().clone())
    }

    /// The rounded level payment (the first step of a graduated schedule); ``None`` for kinds without
    /// one (level principal, interest only, custom payments).
    #[getter]
    fn level_payment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        optional_decimal(py, self.schedule.level_payment())
    }

    /// The currency: every amount has its minor units.
    #[getter]
    fn currency(&self) -> PyCurrency {
        PyCurrency(self.schedule.terms().currency)
    }

    /// The terms, by ``amortize``'s argument names: ``amortize(**s.terms) == s`` for a schedule
    /// ``amortize`` built. After ``reamortize`` they are the original terms with the term set to the
    /// row count.
    ///
    /// >>> amortize(1000, "0.12", "2026-01-01", "2026-02-01", term=12).terms["frequency"]
    /// 'monthly'
    #[getter]
    fn terms<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        terms_dict(py, self.schedule.terms())
    }

    /// A new schedule keeping the rows before ``from_row`` (1-based) and rebuilding the rest from that
    /// row's opening balance with a new ``annual_rate`` (a ``Rate`` or a fraction), ``term`` (periods
    /// from that row on) or level ``payment`` (the term follows); at most one of ``term`` and
    /// ``payment``. With none of them the rest is rebuilt over the remaining periods.
    ///
    /// >>> s = amortize(2000, "0.10", "2026-01-01", "2026-02-01", term=24)
    /// >>> cheaper = s.reamortize(13, annual_rate="0.05")
    /// >>> cheaper[11] == s[11], cheaper.totals.interest < s.totals.interest, len(cheaper)
    /// (True, True, 24)
    #[pyo3(signature = (from_row, *, annual_rate = None, term = None, payment = None))]
    fn reamortize(
        &self,
        py: Python<'_>,
        from_row: &Bound<'_, PyAny>,
        annual_rate: Option<&Bound<'_, PyAny>>,
        term: Option<&Bound<'_, PyAny>>,
        payment: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PySchedule> {
        let from_row = int_arg::<u32>(from_row, "from_row")?;
        let change = Reamortization {
            annual_rate: annual_rate
                .map(|r| rate_arg(r, "annual_rate"))
                .transpose()?,
            term: term.map(|n| int_arg::<u32>(n, "term")).transpose()?,
            payment: payment.map(|p| decimal_arg(p, "payment")).transpose()?,
        };
        let schedule = &self.schedule;
        py.detach(|| schedule.reamortize(from_row, change))
            .map(PySchedule::from)
            .map_err(raise)
    }

    /// The columns as numpy arrays, by name: ``number`` and ``days`` (``int64``), ``due_date``
    /// (``datetime64[D]``), ``holiday`` (``bool``) and the amounts ``opening_balance``, ``payment``,
    /// ``interest``, ``deferred_interest``, ``principal``, ``closing_balance`` as ``int64`` counts of
    /// the currency's minor units (cents for USD): exact, and summed without rounding. Divide by
    /// ``10 ** s.currency.minor_units`` for display, or use ``to_arrow()``/``to_pandas()`` for decimals.
    /// Needs numpy.
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        export::columns(py, &self.schedule)
    }

    /// A ``pyarrow.Table`` with one row per installment: ``number`` and ``days`` (``int64``),
    /// ``due_date`` (``date32``), ``holiday`` (``bool``) and the amounts as exact
    /// ``decimal128(38, scale)``, ``scale`` the currency's minor units. Needs pyarrow.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        export::to_arrow(py, &self.schedule)
    }

    /// A ``pandas.DataFrame`` of ``to_arrow()``, every column a ``pd.ArrowDtype``: the amounts stay
    /// exact decimals (an element is a ``decimal.Decimal``), dates are ``date32[pyarrow]``. Call
    /// ``.astype(...)`` on a column for numpy types. Needs pandas and pyarrow.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        export::to_pandas(py, &self.schedule)
    }

    /// A polars ``DataFrame`` of ``to_arrow()`` (``polars.from_arrow``): the amounts stay exact as polars
    /// ``Decimal(38, scale)`` columns (an element is a ``decimal.Decimal``), dates are ``Date``. Needs the
    /// ``polars`` extra (polars and pyarrow).
    ///
    /// >>> df = amortize(2000, "0.10", "2026-01-01", "2026-02-01", term=24).to_polars()
    /// >>> df.shape, str(df["payment"].dtype), df["payment"][0], df["payment"].sum()
    /// ((24, 10), 'Decimal(precision=38, scale=2)', Decimal('92.29'), Decimal('2214.95'))
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "Schedule.to_polars", || {
            export::to_arrow(py, &self.schedule)
        })
    }

    /// ``{"terms": ..., "rows": [row.to_dict(), ...], "totals": ..., "level_payment": ...}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = &self.schedule;
        let dict = PyDict::new(py);
        dict.set_item("terms", terms_dict(py, s.terms())?)?;
        let rows = PyList::empty(py);
        for row in s.rows() {
            rows.append(row_dict(py, row)?)?;
        }
        dict.set_item("rows", rows)?;
        dict.set_item("totals", totals_dict(py, s.totals())?)?;
        dict.set_item("level_payment", optional_decimal(py, s.level_payment())?)?;
        Ok(dict)
    }

    /// Rebuilds a schedule from the state ``__reduce__`` gives (the core schedule as JSON).
    #[classmethod]
    fn _from_state(_cls: &Bound<'_, PyType>, state: &Bound<'_, PyAny>) -> PyResult<PySchedule> {
        let text = str_arg(state, "state")?;
        serde_json::from_str::<Schedule>(&text)
            .map(PySchedule::from)
            .map_err(|e| invalid("state", "<schedule state>", e.to_string()))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let state = serde_json::to_string(&slf.get().schedule)
            .map_err(|e| invalid("state", "<schedule>", e.to_string()))?;
        Ok((slf.get_type().getattr("_from_state")?, (state,)))
    }

    fn __len__(&self) -> usize {
        self.schedule.rows().len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.rows_tuple(py)?.as_any().get_item(index)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.rows_tuple(py)?.as_any().try_iter()
    }

    fn __repr__(&self) -> String {
        export::summary(&self.schedule)
    }

    fn _repr_html_(&self) -> String {
        export::html(&self.schedule)
    }
}

/// One installment of a schedule: its number (1-based), due date, days since the previous due date
/// (the first row: since the interest start), the opening balance, the payment due, the interest
/// charged, interest deferred by a payment holiday, the principal repaid (negative when interest is
/// capitalized), the closing balance, and whether it is a payment holiday.
///
/// Amounts are ``Decimal`` with the currency's minor units. An immutable value: it compares, hashes,
/// pickles, and ``ScheduleRow(**row.to_dict()) == row`` (the constructor checks types, not sums).
#[pyclass(module = "collections_core", name = "ScheduleRow", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyScheduleRow(pub Row);

impl Hash for PyScheduleRow {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let r = &self.0;
        r.number.hash(state);
        r.due_date.hash(state);
        r.days.hash(state);
        r.opening_balance.hash(state);
        r.payment.hash(state);
        r.interest.hash(state);
        r.deferred_interest.hash(state);
        r.principal.hash(state);
        r.closing_balance.hash(state);
        r.holiday.hash(state);
    }
}

/// The fields of a row by name.
fn row_dict<'py>(py: Python<'py>, r: &Row) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("number", r.number)?;
    d.set_item("due_date", date_out(py, r.due_date, "due_date")?)?;
    d.set_item("days", r.days)?;
    d.set_item("opening_balance", decimal_out(py, r.opening_balance)?)?;
    d.set_item("payment", decimal_out(py, r.payment)?)?;
    d.set_item("interest", decimal_out(py, r.interest)?)?;
    d.set_item("deferred_interest", decimal_out(py, r.deferred_interest)?)?;
    d.set_item("principal", decimal_out(py, r.principal)?)?;
    d.set_item("closing_balance", decimal_out(py, r.closing_balance)?)?;
    d.set_item("holiday", r.holiday)?;
    Ok(d)
}

#[pymethods]
impl PyScheduleRow {
    #[new]
    #[pyo3(signature = (
        number, due_date, days, opening_balance, payment, interest, deferred_interest, principal,
        closing_balance, holiday
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        number: &Bound<'_, PyAny>,
        due_date: &Bound<'_, PyAny>,
        days: &Bound<'_, PyAny>,
        opening_balance: &Bound<'_, PyAny>,
        payment: &Bound<'_, PyAny>,
        interest: &Bound<'_, PyAny>,
        deferred_interest: &Bound<'_, PyAny>,
        principal: &Bound<'_, PyAny>,
        closing_balance: &Bound<'_, PyAny>,
        holiday: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        Ok(PyScheduleRow(Row {
            number: int_arg::<u32>(number, "number")?,
            due_date: date_arg(due_date, "due_date")?,
            days: int_arg::<i64>(days, "days")?,
            opening_balance: decimal_arg(opening_balance, "opening_balance")?,
            payment: decimal_arg(payment, "payment")?,
            interest: decimal_arg(interest, "interest")?,
            deferred_interest: decimal_arg(deferred_interest, "deferred_interest")?,
            principal: decimal_arg(principal, "principal")?,
            closing_balance: decimal_arg(closing_balance, "closing_balance")?,
            holiday: bool_arg(holiday, "holiday")?,
        }))
    }

    /// The installment number, from 1.
    #[getter]
    fn number(&self) -> u32 {
        self.0.number
    }

    /// The due date.
    #[getter]
    fn due_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDate>> {
        date_out(py, self.0.due_date, "due_date")
    }

    /// Days since the previous due date (the first row: since the interest start).
    #[getter]
    fn days(&self) -> i64 {
        self.0.days
    }

    /// The balance before this row.
    #[getter]
    fn opening_balance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.opening_balance)
    }

    /// The amount due (zero on a payment holiday).
    #[getter]
    fn payment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.payment)
    }

    /// The interest charged: this row's, plus any deferred from holidays before it (on a capitalizing
    /// holiday, the interest added to the balance).
    #[getter]
    fn interest<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.interest)
    }

    /// On a deferring holiday, the interest carried to the next paying row.
    #[getter]
    fn deferred_interest<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.deferred_interest)
    }

    /// The principal repaid (negative when interest is capitalized).
    #[getter]
    fn principal<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.principal)
    }

    /// The balance after this row.
    #[getter]
    fn closing_balance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.closing_balance)
    }

    /// Whether this row is a payment holiday.
    #[getter]
    fn holiday(&self) -> bool {
        self.0.holiday
    }

    /// The ten fields by name.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        row_dict(py, &self.0)
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, Bound<'py, PyTuple>> {
        let py = slf.py();
        let r = &slf.get().0;
        let args = PyTuple::new(
            py,
            [
                r.number.into_pyobject(py)?.into_any(),
                date_out(py, r.due_date, "due_date")?.into_any(),
                r.days.into_pyobject(py)?.into_any(),
                decimal_out(py, r.opening_balance)?,
                decimal_out(py, r.payment)?,
                decimal_out(py, r.interest)?,
                decimal_out(py, r.deferred_interest)?,
                decimal_out(py, r.principal)?,
                decimal_out(py, r.closing_balance)?,
                pyo3::types::PyBool::new(py, r.holiday)
                    .to_owned()
                    .into_any(),
            ],
        )?;
        Ok((slf.get_type(), args))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = &self.0;
        Ok(format!(
            "ScheduleRow(number={}, due_date={}, days={}, opening_balance={}, payment={}, \
             interest={}, deferred_interest={}, principal={}, closing_balance={}, holiday={})",
            r.number,
            date_repr(r.due_date),
            r.days,
            decimal_repr(py, r.opening_balance)?,
            decimal_repr(py, r.payment)?,
            decimal_repr(py, r.interest)?,
            decimal_repr(py, r.deferred_interest)?,
            decimal_repr(py, r.principal)?,
            decimal_repr(py, r.closing_balance)?,
            if r.holiday { "True" } else { "False" },
        ))
    }
}

/// The column sums of a schedule: ``payment``, ``interest`` and ``principal`` (the principal lent,
/// plus any capitalized interest). An immutable value like ``ScheduleRow``.
#[pyclass(module = "collections_core", name = "ScheduleTotals", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyScheduleTotals(pub Totals);

impl Hash for PyScheduleTotals {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.payment.hash(state);
        self.0.interest.hash(state);
        self.0.principal.hash(state);
    }
}

/// The totals by name.
fn totals_dict<'py>(py: Python<'py>, t: &Totals) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("payment", decimal_out(py, t.payment)?)?;
    d.set_item("interest", decimal_out(py, t.interest)?)?;
    d.set_item("principal", decimal_out(py, t.principal)?)?;
    Ok(d)
}

#[pymethods]
impl PyScheduleTotals {
    #[new]
    fn new(
        payment: &Bound<'_, PyAny>,
        interest: &Bound<'_, PyAny>,
        principal: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        Ok(PyScheduleTotals(Totals {
            payment: decimal_arg(payment, "payment")?,
            interest: decimal_arg(interest, "interest")?,
            principal: decimal_arg(principal, "principal")?,
        }))
    }

    /// All payments.
    #[getter]
    fn payment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.payment)
    }

    /// All interest.
    #[getter]
    fn interest<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.interest)
    }

    /// All principal.
    #[getter]
    fn principal<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.principal)
    }

    /// ``{"payment": ..., "interest": ..., "principal": ...}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        totals_dict(py, &self.0)
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> Reduced<'py, (Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let py = slf.py();
        let t = &slf.get().0;
        Ok((
            slf.get_type(),
            (
                decimal_out(py, t.payment)?,
                decimal_out(py, t.interest)?,
                decimal_out(py, t.principal)?,
            ),
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "ScheduleTotals(payment={}, interest={}, principal={})",
            decimal_repr(py, self.0.payment)?,
            decimal_repr(py, self.0.interest)?,
            decimal_repr(py, self.0.principal)?,
        ))
    }
}
