//! `amortize_many`: the schedules of many loans from one table of loans (one row per loan), in long
//! format (one row per installment), built without the GIL on the threads of `set_threads`.

use chrono::NaiveDate;
use collections_core::schedule::{self, ScheduleTerms, TermOrPayment};
use collections_core::{round_decimal, Currency, Error, Frequency, Rate, RoundingMode};
use pyo3::prelude::*;
use pyo3::types::PyFloat;
use rust_decimal::Decimal;

use crate::affordability::batch::{columns, with_prefix};
use crate::calendar::frequency_arg;
use crate::convert::{date_arg, decimal_arg, int_arg};
use crate::debt::aging::column_items;
use crate::debt::table::{float_money_arg, to_table, Column, Table};
use crate::debt::{given, rounding_arg};
use crate::errors::{invalid, raise, CoreResultExt};
use crate::money::currency_arg;
use crate::plan::batch::cell;
use crate::rate::rate_arg;
use crate::threads::{par_map_detached, progress_arg};

/// Loans below this many per thread are amortized on one thread.
const LOANS_PER_THREAD: usize = 16;

/// The columns a loans table must have.
const REQUIRED: [&str; 5] = [
    "loan_id",
    "principal",
    "annual_rate",
    "start_date",
    "first_due_date",
];

/// A loan as read: its terms.
struct Loan {
    principal: Decimal,
    rate: Rate,
    start: NaiveDate,
    first_due: NaiveDate,
    term_or_payment: TermOrPayment,
    frequency: Frequency,
}

/// The `float_rounding` argument: the rounding mode that brings float amounts to minor units, or
/// `None` (not given) to refuse floats.
pub(crate) fn float_rounding_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<RoundingMode>> {
    match given(obj) {
        Some(_) => rounding_arg(obj, "float_rounding").map(Some),
        None => Ok(None),
    }
}

/// An amount cell of a column: a Decimal, int or str exactly; a float only when `floats` names the
/// rounding mode that brings it to `places` (a NaN or infinity refused), otherwise refused.
pub(crate) fn money_cell(
    v: &Bound<'_, PyAny>,
    field: &'static str,
    floats: Option<RoundingMode>,
    places: u32,
) -> PyResult<Decimal> {
    let (Some(mode), Ok(f)) = (floats, v.cast::<PyFloat>()) else {
        return decimal_arg(v, field);
    };
    let x = f.value();
    if !x.is_finite() {
        return Err(invalid(field, x.to_string(), "must be a finite number"));
    }
    // The shortest text that reads back as the same float ("0.1" for 0.1), then rounded.
    let text = x.to_string();
    let exact: Decimal = text.parse().map_err(|_| {
        raise(Error::Overflow {
            field,
            value: text.clone(),
        })
    })?;
    round_decimal(exact, places, mode).or_raise()
}

/// Builds the schedules of many loans from a table of loans, one row per loan: a pandas DataFrame, a
/// pyarrow Table, a polars DataFrame or a dict of columns with ``loan_id``, ``principal``, ``annual_rate`` (a fraction:
/// ``0.06`` is 6%), ``start_date`` and ``first_due_date``, and ``term`` (periods) or ``payment`` (a
/// level payment, the term solved) on each row (give one of the two columns, or both with exactly one
/// non-null per row); optionally ``currency`` and ``frequency`` columns, else the ``currency``
/// (``'USD'``) and ``frequency`` (``'monthly'``) given here for every loan. Each loan is
/// ``amortize(principal, annual_rate, start_date, first_due_date, term=..., payment=...,
/// frequency=..., currency=..., payment_rounding=..., interest_rounding=..., max_rows=...)``: a
/// level-payment schedule, interest by the period's share of the annual rate.
///
/// Money follows the package's rule (see the package's documentation, "Money in columns"): amounts
/// are exact (a pyarrow ``decimal128`` column, Decimals, ints or str); a float column (float64) is
/// refused unless ``float_rounding`` names the rounding mode that brings each float to the currency's
/// minor units. One currency per call: a ``currency`` column holding two is an
/// ``InvalidArgumentError`` naming ``currency`` and the first row that differs.
///
/// The table is read with the GIL held, then the schedules are built without it on the threads of
/// ``set_threads``. ``progress`` is ``None``, ``True`` (a tqdm bar) or a callable called with
/// ``(done, total)`` loans from the calling thread, at most 100 times. Returns one row per
/// installment, loan by loan in the table's order: ``loan_id``, ``number`` (from 1), ``due_date``,
/// ``payment``, ``interest``, ``principal``, ``balance`` (the balance after the installment; money
/// as ``decimal128`` at the currency's minor units, or ``float64`` with ``money='float64'``): a pandas (or
/// polars) DataFrame when given one, otherwise a pyarrow Table. A null or bad cell is a ``CollectionsError`` naming its column, the value led by its
/// row (``'row 4: None'``); a loan the core refuses keeps its error, the value led by the loan
/// (``'loan L-2: ...'``).
///
/// >>> t = amortize_many({"loan_id": ["a", "b"], "principal": [300, 1200], "annual_rate": ["0.12", "0"],
/// ...     "start_date": ["2026-01-01"] * 2, "first_due_date": ["2026-02-01"] * 2, "term": [3, 2]})
/// >>> t.column("loan_id").to_pylist(), t.column("payment").to_pylist()
/// (['a', 'a', 'a', 'b', 'b'], [Decimal('102.01'), Decimal('102.01'), Decimal('102.00'), Decimal('600.00'), Decimal('600.00')])
#[pyfunction]
#[pyo3(signature = (loans, *, currency = None, frequency = None, payment_rounding = None,
                    interest_rounding = None, float_rounding = None, max_rows = None,
                    money = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn amortize_many<'py>(
    py: Python<'py>,
    loans: &Bound<'py, PyAny>,
    currency: Option<&Bound<'py, PyAny>>,
    frequency: Option<&Bound<'py, PyAny>>,
    payment_rounding: Option<&Bound<'py, PyAny>>,
    interest_rounding: Option<&Bound<'py, PyAny>>,
    float_rounding: Option<&Bound<'py, PyAny>>,
    max_rows: Option<&Bound<'py, PyAny>>,
    money: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let float_money = float_money_arg(money)?;
    let default_currency = match given(currency) {
        Some(c) => currency_arg(c, "currency")?,
        None => Currency::USD,
    };
    let default_frequency = match given(frequency) {
        Some(f) => frequency_arg(f, "frequency")?,
        None => Frequency::Monthly,
    };
    let payment_rounding = rounding_arg(payment_rounding, "payment_rounding")?;
    let interest_rounding = rounding_arg(interest_rounding, "interest_rounding")?;
    let floats = float_rounding_arg(float_rounding)?;
    let max_rows = given(max_rows)
        .map(|m| int_arg::<u32>(m, "max_rows"))
        .transpose()?;
    let mut progress = progress_arg(progress, "amortize_many")?;

    let (cols, kind) = columns(loans)?;
    let column = |name: &'static str, amounts: bool| -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
        match cols.get_item(name)? {
            // A float amount column is read as floats when float_rounding allows them.
            Some(c) => column_items(&c, name, amounts && floats.is_none()).map(Some),
            None => Ok(None),
        }
    };
    let mut required = Vec::with_capacity(REQUIRED.len());
    for name in REQUIRED {
        let c = column(name, name == "principal")?
            .ok_or_else(|| invalid("loans", name, "a required column is missing"))?;
        required.push(c);
    }
    let term = column("term", false)?;
    let payment = column("payment", true)?;
    if term.is_none() && payment.is_none() {
        return Err(invalid(
            "loans",
            "term",
            "a term column (periods) or a payment column (the level payment) is required",
        ));
    }
    let currencies = column("currency", false)?;
    let frequencies = column("frequency", false)?;
    let rows = required[0].len();
    let lengths = REQUIRED.into_iter().zip(required.iter().map(Some)).chain([
        ("term", term.as_ref()),
        ("payment", payment.as_ref()),
        ("currency", currencies.as_ref()),
        ("frequency", frequencies.as_ref()),
    ]);
    for (name, c) in lengths {
        if let Some(c) = c.filter(|c| c.len() != rows) {
            return Err(invalid(
                name,
                format!("{} values", c.len()),
                format!("must have as many values as loan_id ({rows})"),
            ));
        }
    }
    let [ids, principals, rates, starts, first_dues] = &required[..] else {
        unreachable!("five required columns");
    };

    let mut the_currency: Option<Currency> = None;
    let mut read = Vec::with_capacity(rows);
    let mut names = Vec::with_capacity(rows);
    for row in 0..rows {
        let at_row = |e: PyErr| with_prefix(py, e, &format!("row {row}"));
        let one = (|| -> PyResult<(Loan, Currency, String)> {
            let id = cell(ids, row, "loan_id")?;
            let name = id.str()?.to_cow()?.into_owned();
            let c = match currencies.as_ref() {
                Some(c) => currency_arg(cell(c, row, "currency")?, "currency")?,
                None => default_currency,
            };
            let places = c.minor_units();
            let principal = money_cell(
                cell(principals, row, "principal")?,
                "principal",
                floats,
                places,
            )?;
            let t = term.as_ref().map(|t| &t[row]).filter(|v| !v.is_none());
            let p = payment.as_ref().map(|p| &p[row]).filter(|v| !v.is_none());
            let term_or_payment = match (t, p) {
                (Some(t), None) => TermOrPayment::Term(int_arg::<u32>(t, "term")?),
                (None, Some(p)) => {
                    TermOrPayment::Payment(money_cell(p, "payment", floats, places)?)
                }
                (None, None) => {
                    return Err(invalid(
                        "term",
                        "None",
                        "give a term or a payment on every row",
                    ))
                }
                (Some(_), Some(p)) => {
                    return Err(invalid(
                        "payment",
                        p.str()?.to_cow()?.into_owned(),
                        "give a term or a payment, not both",
                    ))
                }
            };
            let frequency = match frequencies.as_ref() {
                Some(f) => frequency_arg(cell(f, row, "frequency")?, "frequency")?,
                None => default_frequency,
            };
            let loan = Loan {
                principal,
                rate: rate_arg(cell(rates, row, "annual_rate")?, "annual_rate")?,
                start: date_arg(cell(starts, row, "start_date")?, "start_date")?,
                first_due: date_arg(cell(first_dues, row, "first_due_date")?, "first_due_date")?,
                term_or_payment,
                frequency,
            };
            Ok((loan, c, name))
        })();
        let (loan, c, name) = one.map_err(at_row)?;
        match the_currency {
            None => the_currency = Some(c),
            Some(first) if first != c => {
                return Err(invalid(
                    "currency",
                    format!("row {row}: {c}"),
                    format!(
                        "differs from row 0's {first}: one currency per call (split the table by \
                         currency)"
                    ),
                ))
            }
            Some(_) => {}
        }
        read.push(loan);
        names.push(name);
    }
    let the_currency = the_currency.unwrap_or(default_currency);

    let build = |loan: &Loan| {
        let mut terms = ScheduleTerms::new(
            loan.principal,
            the_currency,
            loan.rate,
            loan.start,
            loan.first_due,
            loan.frequency,
            loan.term_or_payment,
        );
        terms.payment_rounding = payment_rounding;
        terms.interest_rounding = interest_rounding;
        if let Some(m) = max_rows {
            terms.max_rows = m;
        }
        schedule::amortize(&terms)
    };
    let built = par_map_detached(py, &read, LOANS_PER_THREAD, build, progress.as_mut())?;
    let schedules = built.map_err(|(k, e)| {
        let name = names.get(k).cloned().unwrap_or_default();
        with_prefix(py, raise(e), &format!("loan {name}"))
    })?;

    let n: usize = schedules.iter().map(|s| s.rows().len()).sum();
    let mut loan_ids = Vec::with_capacity(n);
    let mut numbers = Vec::with_capacity(n);
    let mut dates = Vec::with_capacity(n);
    let (mut pay, mut interest, mut principal, mut balance) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for (id, s) in ids.iter().zip(&schedules) {
        for r in s.rows() {
            loan_ids.push(id.clone().unbind());
            numbers.push(Some(i64::from(r.number)));
            dates.push(Some(r.due_date));
            pay.push(Some(r.payment));
            interest.push(Some(r.interest));
            principal.push(Some(r.principal));
            balance.push(Some(r.closing_balance));
        }
    }
    let places = the_currency.minor_units();
    let mut t = Table::default();
    t.add("loan_id", Column::Objects(loan_ids))
        .add("number", Column::Int(numbers))
        .add("due_date", Column::Date(dates))
        .add("payment", Column::Decimal(pay, places))
        .add("interest", Column::Decimal(interest, places))
        .add("principal", Column::Decimal(principal, places))
        .add("balance", Column::Decimal(balance, places));
    to_table(py, &t, "amortize_many", kind, float_money)
}
