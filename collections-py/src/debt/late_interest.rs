//! Late-payment interest: `statutory_interest` under EU 2011/7/EU, BGB §288 and the UK 1998 Act, from
//! `RateTable`s (the built-in ones, or the caller's with added rows), giving a `LateInterest` with its
//! `InterestSegment` breakdown; ERPNext's dunning formula (`erpnext_dunning`), Business Central's
//! finance charges (`FinanceChargeTerms`) and `average_daily_balance_interest`.

use collections_core::debt::late_interest::{
    self as core, DebtorKind, ErpNextDunning, FinanceCharge, FinanceChargeMethod,
    FinanceChargeTerms, InterestSegment, LateInterest, RateRow, RateTable, Statute, StatutoryClaim,
    StatutoryTables, Verification,
};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use super::table::{self, Column, Table};
use super::{decimal_or, given, money_arg, name_arg, opt_decimal, rounding_arg, value_class, Out};
use crate::calendar::day_count_arg;
use crate::convert::{date_arg, decimal_arg, decimal_out, int_arg, items_arg, str_arg, wrong_type};
use crate::errors::CoreResultExt;
use crate::money::currency_arg;

value_class! {
    /// One row of a ``RateTable``: a reference rate in percent (``Decimal('2.15')`` for 2.15%), in
    /// force from ``effective_from``, with its mark: ``'verified'`` (V: seen in a primary source or two
    /// agreeing ones) or ``'unverified'`` (U: derived, or from one secondary source). ``verification``
    /// takes either spelling.
    ///
    /// >>> RateRow("2026-07-01", "1.27", "U")
    /// RateRow(effective_from=datetime.date(2026, 7, 1), percent=Decimal('1.27'), verification='unverified')
    "RateRow" PyRateRow(RateRow) {
        /// The first day the rate is in force.
        effective_from: |r| r.effective_from,
        /// The rate in percent.
        percent: |r| r.percent,
        /// ``'verified'`` or ``'unverified'``.
        verification: |r| r.verification.name(),
    }

    #[new]
    fn new(
        effective_from: &Bound<'_, PyAny>,
        percent: &Bound<'_, PyAny>,
        verification: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        Ok(PyRateRow(RateRow::new(
            date_arg(effective_from, "effective_from")?,
            decimal_arg(percent, "percent")?,
            name_arg::<Verification>(verification, "verification")?,
        )))
    }

    /// The one-letter mark: ``'V'`` or ``'U'``.
    #[getter]
    fn mark(&self) -> String {
        self.0.verification.mark().to_string()
    }
}

/// A rate row argument: a `RateRow` or an `(effective_from, percent, verification)` triple.
fn rate_row_arg(obj: &Bound<'_, PyAny>) -> PyResult<RateRow> {
    if let Ok(row) = obj.cast::<PyRateRow>() {
        return Ok(row.get().0);
    }
    let items = items_arg(obj, "rows")?;
    match items.as_slice() {
        [date, percent, mark] => Ok(RateRow::new(
            date_arg(date, "rows.effective_from")?,
            decimal_arg(percent, "rows.percent")?,
            name_arg::<Verification>(mark, "rows.verification")?,
        )),
        _ => Err(wrong_type(
            obj,
            "rows",
            "a RateRow or an (effective_from, percent, verification) triple",
        )),
    }
}

value_class! {
    /// A published reference rate as a step function of the date: each row is in force from its date
    /// up to the day before the next row's, the last up to ``valid_through`` (the last day the table is
    /// known to describe). A date before the first row or after ``valid_through`` is an error naming
    /// it: a statutory rate is never extrapolated.
    ///
    /// ``RateTable(name, rows, valid_through)`` takes ``RateRow``s (or ``(date, percent, mark)``
    /// triples) in increasing date order. The built-in tables are ``ecb_main_refinancing()``,
    /// ``de_basiszinssatz()`` and ``uk_bank_rate_reference()``. A table is immutable:
    /// ``with_row`` and ``extended_through`` return a new one.
    ///
    /// >>> de = RateTable.de_basiszinssatz()
    /// >>> de.lookup("2025-09-30").percent, de.valid_through
    /// (Decimal('1.27'), datetime.date(2026, 6, 30))
    /// >>> later = de.with_row(RateRow("2026-07-01", "1.27", "U"), "2026-12-31")
    /// >>> later.lookup("2026-07-01").verification
    /// 'unverified'
    "RateTable" PyRateTable(RateTable)
    repr |s, _py| Ok(format!(
        "<RateTable {:?} {} rows {}..{}>",
        s.0.name(),
        s.0.rows().len(),
        s.0.rows().first().map_or_else(String::new, |r| r.effective_from.to_string()),
        s.0.valid_through()
    ));
    {
        /// The table's name (used in error messages).
        name: |t| t.name(),
        /// The rows, in date order.
        rows: |t| t.rows().iter().copied().map(PyRateRow).collect::<Vec<_>>(),
        /// The last date the table is known to describe.
        valid_through: |t| t.valid_through(),
    }

    #[new]
    fn new(
        name: &Bound<'_, PyAny>,
        rows: &Bound<'_, PyAny>,
        valid_through: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let rows = items_arg(rows, "rows")?
            .iter()
            .map(rate_row_arg)
            .collect::<PyResult<Vec<_>>>()?;
        RateTable::new(str_arg(name, "name")?, rows, date_arg(valid_through, "valid_through")?)
            .or_raise()
            .map(PyRateTable)
    }

    /// The ECB main refinancing operations rate (EU Directive 2011/7/EU), all rows verified.
    #[staticmethod]
    fn ecb_main_refinancing() -> Self {
        PyRateTable(RateTable::ecb_main_refinancing())
    }

    /// The German Basiszinssatz (BGB §247) by half-year.
    #[staticmethod]
    fn de_basiszinssatz() -> Self {
        PyRateTable(RateTable::de_basiszinssatz())
    }

    /// The Bank of England reference rates of the UK Late Payment Act 1998, by half-year of the due
    /// date.
    #[staticmethod]
    fn uk_bank_rate_reference() -> Self {
        PyRateTable(RateTable::uk_bank_rate_reference())
    }

    /// Whether every row is marked verified.
    #[getter]
    fn all_verified(&self) -> bool {
        self.0.all_verified()
    }

    /// The row in force on ``date``.
    fn lookup(&self, date: &Bound<'_, PyAny>) -> PyResult<PyRateRow> {
        let date = date_arg(date, "date")?;
        self.0.lookup(date).copied().map(PyRateRow).or_raise()
    }

    /// The date of the first row after ``date`` (where the rate next changes), or ``None``.
    fn next_change_after<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.0.next_change_after(date_arg(date, "date")?).out(py)
    }

    /// A new table with ``row`` added after the last one, known through ``valid_through``: the row's
    /// date must follow the last row's and leave no gap after the current ``valid_through``, which may
    /// not move back.
    fn with_row(&self, row: &Bound<'_, PyAny>, valid_through: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut table = self.0.clone();
        table
            .push(rate_row_arg(row)?, date_arg(valid_through, "valid_through")?)
            .or_raise()?;
        Ok(PyRateTable(table))
    }

    /// A new table whose last row is in force through ``date`` (a rate confirmed unchanged).
    fn extended_through(&self, date: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut table = self.0.clone();
        table
            .extend_through(date_arg(date, "valid_through")?)
            .or_raise()?;
        Ok(PyRateTable(table))
    }
}

/// The statutory tables from the `ecb`, `de_base_rate` and `uk_reference` arguments (`RateTable`s),
/// the built-in ones where not given.
pub fn tables_arg(
    ecb: Option<&Bound<'_, PyAny>>,
    de_base_rate: Option<&Bound<'_, PyAny>>,
    uk_reference: Option<&Bound<'_, PyAny>>,
) -> PyResult<StatutoryTables> {
    let mut tables = StatutoryTables::default();
    for (obj, field, slot) in [
        (ecb, "ecb", &mut tables.ecb),
        (de_base_rate, "de_base_rate", &mut tables.de_base_rate),
        (uk_reference, "uk_reference", &mut tables.uk_reference),
    ] {
        if let Some(obj) = given(obj) {
            *slot = obj
                .cast::<PyRateTable>()
                .map_err(|_| wrong_type(obj, field, "a RateTable"))?
                .get()
                .0
                .clone();
        }
    }
    Ok(tables)
}

value_class! {
    /// One stretch of a ``LateInterest`` at one rate: the days ``from_date`` (included) to ``to_date``
    /// (excluded), the reference ``RateRow`` used (with its mark), the margin and the rate (reference
    /// plus margin, in percent, never below zero), the year basis (365, 366 or 360), and the interest of
    /// the stretch before rounding (for display: the total is the exact sum, rounded once).
    "InterestSegment" PyInterestSegment(InterestSegment) {
        /// The first day of the stretch.
        from_date: |s| s.from,
        /// The day after its last day.
        to_date: |s| s.to,
        /// ``to_date - from_date``.
        days: |s| s.days,
        /// The reference-rate row used.
        reference: |s| PyRateRow(s.reference),
        /// The margin in percentage points.
        margin_points: |s| s.margin_points,
        /// Reference plus margin, in percent.
        rate_percent: |s| s.rate_percent,
        /// 365, 366 or 360.
        year_basis: |s| s.year_basis,
        /// ``principal × rate% × days / (100 × year_basis)``, unrounded.
        interest: |s| s.interest,
    }
}

/// The breakdown rows as a table.
fn segments_table(result: &LateInterest) -> Table {
    let s = &result.segments;
    let mut t = Table::default();
    t.add(
        "from_date",
        Column::Date(s.iter().map(|x| Some(x.from)).collect()),
    )
    .add(
        "to_date",
        Column::Date(s.iter().map(|x| Some(x.to)).collect()),
    )
    .add(
        "days",
        Column::Int(s.iter().map(|x| Some(x.days)).collect()),
    )
    .add(
        "reference_from",
        Column::Date(s.iter().map(|x| Some(x.reference.effective_from)).collect()),
    )
    .add(
        "reference_percent",
        Column::Decimal(s.iter().map(|x| Some(x.reference.percent)).collect(), 0),
    )
    .add(
        "verification",
        Column::Text(
            s.iter()
                .map(|x| Some(x.reference.verification.name().to_string()))
                .collect(),
        ),
    )
    .add(
        "margin_points",
        Column::Decimal(s.iter().map(|x| Some(x.margin_points)).collect(), 0),
    )
    .add(
        "rate_percent",
        Column::Decimal(s.iter().map(|x| Some(x.rate_percent)).collect(), 0),
    )
    .add(
        "year_basis",
        Column::Int(s.iter().map(|x| Some(i64::from(x.year_basis))).collect()),
    )
    .add(
        "interest",
        Column::Decimal(s.iter().map(|x| Some(x.interest)).collect(), 0),
    );
    t
}

value_class! {
    /// Statutory late-payment interest on one claim (``statutory_interest``): the law, currency,
    /// principal, day count and days; the ``segments`` at one rate each (``InterestSegment``); the exact
    /// fraction ``numerator / denominator`` and the ``interest`` rounded once to minor units by
    /// ``rounding``; the law's ``fixed_compensation`` (a ``Money``, or ``None``), and whether any
    /// reference row used is marked unverified. ``to_arrow()``/``to_pandas()`` give the segments as
    /// rows.
    "LateInterest" PyLateInterest(LateInterest)
    repr |s, _py| Ok(format!(
        "<LateInterest {} {} {} days in {} segments: interest={}{}{}>",
        s.0.statute,
        s.0.principal,
        s.0.days,
        s.0.segments.len(),
        s.0.interest,
        s.0.fixed_compensation.map_or_else(String::new, |m| format!(" fixed_compensation={m}")),
        if s.0.any_unverified { " (unverified rates)" } else { "" },
    ));
    {
        /// ``'eu-2011-7'``, ``'de-bgb-288'`` or ``'uk-late-payment-1998'``.
        statute: |r| r.statute.name(),
        /// The claim's currency.
        currency: |r| r.currency,
        /// The principal interest ran on.
        principal: |r| r.principal,
        /// The day count's name.
        day_count: |r| r.day_count.name(),
        /// All days of the period.
        days: |r| r.days,
        /// The stretches at one rate, in date order.
        segments: |r| r.segments.iter().cloned().map(PyInterestSegment).collect::<Vec<_>>(),
        /// The interest before rounding is exactly ``numerator / denominator``.
        numerator: |r| r.numerator,
        /// 100 × the year basis (100 × 365 × 366 for ACT/ACT ISDA).
        denominator: |r| r.denominator,
        /// The interest rounded to minor units.
        interest: |r| r.interest,
        /// The rounding mode's name.
        rounding: |r| r.rounding.name(),
        /// The fixed compensation the law adds per claim, or ``None``.
        fixed_compensation: |r| r.fixed_compensation,
        /// Whether any reference row used is marked unverified.
        any_unverified: |r| r.any_unverified,
    }

    /// The interest before rounding (28 significant digits).
    #[getter]
    fn unrounded<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.unrounded())
    }

    /// The segments as a ``pyarrow.Table``: ``from_date``, ``to_date`` (``date32``), ``days``,
    /// ``reference_from``, ``reference_percent``, ``verification``, ``margin_points``,
    /// ``rate_percent``, ``year_basis`` and ``interest`` (exact ``decimal128``). Needs pyarrow.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_arrow(py, &segments_table(&self.0), "LateInterest.to_arrow")
    }

    /// ``to_arrow()`` as a pandas DataFrame of ``pd.ArrowDtype`` columns. Needs pandas and pyarrow.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table::to_pandas(py, &segments_table(&self.0), "LateInterest.to_pandas")
    }

    /// ``to_arrow()`` as a polars DataFrame (``polars.from_arrow``; amounts stay exact ``Decimal``
    /// columns). Needs the ``polars`` extra (polars and pyarrow).
    ///
    /// >>> r = statutory_interest("de-bgb-288", "business", "10000.00", "EUR", "2025-03-14", "2025-09-29")
    /// >>> df = r.to_polars()
    /// >>> df["days"].to_list(), df["rate_percent"].to_list()
    /// ([108, 91], [Decimal('11.27'), Decimal('10.27')])
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "LateInterest.to_polars", || table::to_arrow(py, &segments_table(&self.0), "LateInterest.to_polars"))
    }
}

/// Statutory late-payment interest on one debt, simple interest for the days after ``due_date`` up to
/// and including ``through``.
///
/// ``statute`` is ``'eu-2011-7'`` (ECB rate on 1 January / 1 July, per half-year, plus at least 8
/// points, EUR 40), ``'de-bgb-288'`` (Basiszinssatz plus 5 points for a consumer, 9 for a business, 8
/// for an obligation that arose before 2014-07-29; EUR 40 for a business from then; EUR only) or
/// ``'uk-late-payment-1998'`` (Bank Rate on the 31 December / 30 June before the due date, fixed for the
/// debt, plus 8 points; GBP 40 / 70 / 100 by size; GBP only). ``debtor`` is ``'business'`` or
/// ``'consumer'`` (Germany only). The days are split where the rate changes, the exact numerators summed
/// and the total rounded once (``rounding``, half-up by default) to minor units.
///
/// Options: ``margin_points`` (at least the statutory margin), ``obligation_date`` (Germany's 2014
/// rule; the due date by default), ``day_count`` (``'ACT/365F'`` by default, ``'ACT/360'`` or
/// ``'ACT/ACT ISDA'``), and the rate tables ``ecb``, ``de_base_rate``, ``uk_reference`` (built-in by
/// default; pass a ``RateTable`` with rows added for dates past a built-in table's last known date). A
/// date the table does not cover is an ``InvalidArgumentError`` naming ``from`` (the day after the due
/// date) or ``to`` (the day after ``through``).
///
/// >>> r = statutory_interest("de-bgb-288", "business", "10000.00", "EUR", "2025-03-14", "2025-09-29")
/// >>> r.interest, [(s.days, s.rate_percent) for s in r.segments], str(r.fixed_compensation)
/// (Decimal('589.52'), [(108, Decimal('11.27')), (91, Decimal('10.27'))], '40.00 EUR')
#[pyfunction]
#[pyo3(
    signature = (
        statute, debtor, principal, currency, due_date, through, *, margin_points = None,
        obligation_date = None, day_count = None, rounding = None, ecb = None, de_base_rate = None,
        uk_reference = None
    ),
    text_signature = "(statute, debtor, principal, currency, due_date, through, *, margin_points=None, \
        obligation_date=None, day_count='ACT/365F', rounding='half-up', ecb=None, de_base_rate=None, \
        uk_reference=None)"
)]
#[allow(clippy::too_many_arguments)]
pub fn statutory_interest(
    py: Python<'_>,
    statute: &Bound<'_, PyAny>,
    debtor: &Bound<'_, PyAny>,
    principal: &Bound<'_, PyAny>,
    currency: &Bound<'_, PyAny>,
    due_date: &Bound<'_, PyAny>,
    through: &Bound<'_, PyAny>,
    margin_points: Option<&Bound<'_, PyAny>>,
    obligation_date: Option<&Bound<'_, PyAny>>,
    day_count: Option<&Bound<'_, PyAny>>,
    rounding: Option<&Bound<'_, PyAny>>,
    ecb: Option<&Bound<'_, PyAny>>,
    de_base_rate: Option<&Bound<'_, PyAny>>,
    uk_reference: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyLateInterest> {
    let principal = money_arg(principal, Some(currency), "principal")?;
    let mut claim = StatutoryClaim::new(
        name_arg::<Statute>(statute, "statute")?,
        name_arg::<DebtorKind>(debtor, "debtor")?,
        principal.amount(),
        principal.currency(),
        date_arg(due_date, "due_date")?,
        date_arg(through, "through")?,
    )
    .or_raise()?;
    claim.margin_points = opt_decimal(margin_points, "margin_points")?;
    claim.obligation_date = given(obligation_date)
        .map(|d| date_arg(d, "obligation_date"))
        .transpose()?;
    claim.day_count = given(day_count)
        .map(|d| day_count_arg(d, "day_count"))
        .transpose()?;
    claim.rounding = rounding_arg(rounding, "rounding")?;
    let tables = tables_arg(ecb, de_base_rate, uk_reference)?;
    py.detach(|| claim.compute(&tables))
        .or_raise()
        .map(PyLateInterest)
}

value_class! {
    /// An ERPNext dunning (``erpnext_dunning``): overdue days, the interest rounded to minor units, the
    /// fee, their sum and the dunning level.
    "ErpNextDunning" PyErpNextDunning(ErpNextDunning) {
        /// Posting date − due date.
        overdue_days: |r| r.overdue_days,
        /// outstanding × rate / 100 / 365 × overdue days, rounded.
        interest: |r| r.interest,
        /// The dunning fee.
        dunning_fee: |r| r.dunning_fee,
        /// interest + dunning fee.
        dunning_amount: |r| r.dunning_amount,
        /// Earlier dunnings + 1.
        level: |r| r.level,
    }
}

/// ERPNext's dunning: interest = outstanding × ``annual_rate_percent`` / 100 / 365 × overdue days
/// (posting date − due date, zero interest when not positive), as one exact fraction rounded once to
/// minor units; dunning amount = interest + ``dunning_fee``; level = ``earlier_dunnings`` + 1.
///
/// ``outstanding`` is a ``Money``, or an amount with ``currency``.
///
/// >>> r = erpnext_dunning("2345.67", "9.5", "2025-10-01", "2025-11-20", currency="EUR",
/// ...                     dunning_fee="7.50", earlier_dunnings=2)
/// >>> r.overdue_days, r.interest, r.dunning_amount, r.level
/// (50, Decimal('30.53'), Decimal('38.03'), 3)
#[pyfunction]
#[pyo3(
    signature = (
        outstanding, annual_rate_percent, due_date, posting_date, *, currency = None,
        dunning_fee = None, earlier_dunnings = None, rounding = None
    ),
    text_signature = "(outstanding, annual_rate_percent, due_date, posting_date, *, currency=None, \
        dunning_fee=0, earlier_dunnings=0, rounding='half-up')"
)]
#[allow(clippy::too_many_arguments)]
pub fn erpnext_dunning(
    outstanding: &Bound<'_, PyAny>,
    annual_rate_percent: &Bound<'_, PyAny>,
    due_date: &Bound<'_, PyAny>,
    posting_date: &Bound<'_, PyAny>,
    currency: Option<&Bound<'_, PyAny>>,
    dunning_fee: Option<&Bound<'_, PyAny>>,
    earlier_dunnings: Option<&Bound<'_, PyAny>>,
    rounding: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyErpNextDunning> {
    core::erpnext_dunning(
        money_arg(outstanding, currency, "outstanding")?,
        decimal_arg(annual_rate_percent, "annual_rate_percent")?,
        date_arg(due_date, "due_date")?,
        date_arg(posting_date, "posting_date")?,
        decimal_or(dunning_fee, "dunning_fee", rust_decimal::Decimal::ZERO)?,
        given(earlier_dunnings)
            .map(|n| int_arg::<u32>(n, "earlier_dunnings"))
            .transpose()?
            .unwrap_or(0),
        rounding_arg(rounding, "rounding")?,
    )
    .or_raise()
    .map(PyErpNextDunning)
}

value_class! {
    /// One finance charge (``FinanceChargeTerms.charge``): days overdue, whether a charge is made
    /// (past the grace days, and interest at least the minimum), the interest and fee (zero when not
    /// charged) and their total.
    "FinanceCharge" PyFinanceCharge(FinanceCharge) {
        /// as_of − due date.
        days_overdue: |c| c.days_overdue,
        /// Whether a charge is made.
        charged: |c| c.charged,
        /// The interest, rounded to minor units.
        interest: |c| c.interest,
        /// The additional fee.
        additional_fee: |c| c.additional_fee,
        /// interest + additional fee.
        total: |c| c.total,
    }
}

value_class! {
    /// Finance charge terms in the manner of Business Central.
    ///
    /// ``method`` is ``'balance-due'`` (remaining × rate / 100, once past the grace days) or
    /// ``'average-daily-balance'`` (remaining × days overdue ÷ ``interest_period_days`` × rate / 100);
    /// ``interest_rate_percent`` is per interest period. No charge is made until the due date plus
    /// ``grace_days`` has passed, nor when the interest is below ``minimum_amount`` (then the
    /// ``additional_fee`` is not charged either).
    ///
    /// >>> terms = FinanceChargeTerms("balance-due", "1.5", 30, grace_days=10, additional_fee="2.50")
    /// >>> c = terms.charge("1234.56", "2026-01-01", "2026-01-12", currency="USD")
    /// >>> c.charged, c.interest, c.total
    /// (True, Decimal('18.52'), Decimal('21.02'))
    "FinanceChargeTerms" PyFinanceChargeTerms(FinanceChargeTerms)
    check |t| t.validate();
    {
        /// ``'balance-due'`` or ``'average-daily-balance'``.
        method: |t| t.method.name(),
        /// The rate in percent per interest period.
        interest_rate_percent: |t| t.interest_rate_percent,
        /// Days in the interest period.
        interest_period_days: |t| t.interest_period_days,
        /// Days after the due date before a charge is made.
        grace_days: |t| t.grace_days,
        /// Interest below this is not charged.
        minimum_amount: |t| t.minimum_amount,
        /// A fixed fee added to each charge.
        additional_fee: |t| t.additional_fee,
    }

    #[new]
    #[pyo3(
        signature = (
            method, interest_rate_percent, interest_period_days, *, grace_days = None,
            minimum_amount = None, additional_fee = None
        ),
        text_signature = "(method, interest_rate_percent, interest_period_days, *, grace_days=0, \
            minimum_amount=0, additional_fee=0)"
    )]
    fn new(
        method: &Bound<'_, PyAny>,
        interest_rate_percent: &Bound<'_, PyAny>,
        interest_period_days: &Bound<'_, PyAny>,
        grace_days: Option<&Bound<'_, PyAny>>,
        minimum_amount: Option<&Bound<'_, PyAny>>,
        additional_fee: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut terms = FinanceChargeTerms::new(
            name_arg::<FinanceChargeMethod>(method, "method")?,
            decimal_arg(interest_rate_percent, "interest_rate_percent")?,
            int_arg::<u32>(interest_period_days, "interest_period_days")?,
        );
        if let Some(g) = given(grace_days) {
            terms.grace_days = int_arg::<u32>(g, "grace_days")?;
        }
        terms.minimum_amount = decimal_or(minimum_amount, "minimum_amount", terms.minimum_amount)?;
        terms.additional_fee = decimal_or(additional_fee, "additional_fee", terms.additional_fee)?;
        terms.validate().or_raise()?;
        Ok(PyFinanceChargeTerms(terms))
    }

    /// The finance charge on one open entry of ``remaining`` (a ``Money``, or an amount with
    /// ``currency``) due on ``due_date``, as of ``as_of``.
    #[pyo3(
        signature = (remaining, due_date, as_of, *, currency = None, rounding = None),
        text_signature = "($self, remaining, due_date, as_of, *, currency=None, rounding='half-up')"
    )]
    fn charge(
        &self,
        remaining: &Bound<'_, PyAny>,
        due_date: &Bound<'_, PyAny>,
        as_of: &Bound<'_, PyAny>,
        currency: Option<&Bound<'_, PyAny>>,
        rounding: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyFinanceCharge> {
        self.0
            .charge(
                money_arg(remaining, currency, "remaining")?,
                date_arg(due_date, "due_date")?,
                date_arg(as_of, "as_of")?,
                rounding_arg(rounding, "rounding")?,
            )
            .or_raise()
            .map(PyFinanceCharge)
    }
}

/// Business Central's average daily balance interest: Σ amount × days ÷ ``interest_period_days`` ×
/// ``rate_percent`` / 100, one exact fraction rounded once to ``currency``'s minor units. ``items`` are
/// ``(amount, days outstanding)`` pairs, one per stretch at one balance.
///
/// >>> average_daily_balance_interest([("1000.00", 40), ("250.50", 12)], 2, 30, "EUR")
/// Decimal('28.67')
#[pyfunction]
#[pyo3(
    signature = (items, rate_percent, interest_period_days, currency, *, rounding = None),
    text_signature = "(items, rate_percent, interest_period_days, currency, *, rounding='half-up')"
)]
pub fn average_daily_balance_interest<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    rate_percent: &Bound<'py, PyAny>,
    interest_period_days: &Bound<'py, PyAny>,
    currency: &Bound<'py, PyAny>,
    rounding: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut pairs = Vec::new();
    for item in items_arg(items, "items")? {
        let parts = items_arg(&item, "items")?;
        let [amount, days] = parts.as_slice() else {
            return Err(wrong_type(&item, "items", "an (amount, days) pair"));
        };
        pairs.push((
            decimal_arg(amount, "amount")?,
            int_arg::<i64>(days, "days")?,
        ));
    }
    let interest = core::average_daily_balance_interest(
        &pairs,
        decimal_arg(rate_percent, "rate_percent")?,
        int_arg::<u32>(interest_period_days, "interest_period_days")?,
        currency_arg(currency, "currency")?,
        rounding_arg(rounding, "rounding")?,
    )
    .or_raise()?;
    decimal_out(py, interest)
}

/// Registers the classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add(
        "STATUTES",
        PyTuple::new(py, Statute::ALL.map(Statute::name))?,
    )?;
    m.add_class::<PyRateRow>()?;
    m.add_class::<PyRateTable>()?;
    m.add_class::<PyInterestSegment>()?;
    m.add_class::<PyLateInterest>()?;
    m.add_class::<PyErpNextDunning>()?;
    m.add_class::<PyFinanceChargeTerms>()?;
    m.add_class::<PyFinanceCharge>()?;
    m.add_function(wrap_pyfunction!(statutory_interest, m)?)?;
    m.add_function(wrap_pyfunction!(erpnext_dunning, m)?)?;
    m.add_function(wrap_pyfunction!(average_daily_balance_interest, m)?)?;
    Ok(())
}
