//! `dunning_many`: the ERP dunning run over invoice columns (one row per invoice), each invoice
//! decided as `dunning_run` decides it, without the GIL on the threads of `set_threads`, the lines
//! given back as a table in the invoices' order.

use std::collections::HashMap;

use chrono::NaiveDate;
use collections_core::debt::dunning::{self as core, DunningLine, Invoice, Payment};
use collections_core::{Currency, Error, RoundingMode};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use super::batch::{error_text, errors_arg, missing, OnError};
use super::dunning::PyDunningPolicy;
use super::table::{float_money_arg, to_table, Column, Table};
use crate::affordability::batch::{columns, with_prefix};
use crate::convert::{bool_arg, date_arg, int_arg, str_arg, wrong_type};
use crate::debt::aging::column_items;
use crate::errors::{invalid, raise};
use crate::money::currency_arg;
use crate::schedule::{float_rounding_arg, money_cell};
use crate::threads::{par_map_detached, progress_arg};

/// Invoices below this many per thread are decided on one thread.
const INVOICES_PER_THREAD: usize = 1024;

/// The columns an invoices table must have.
const REQUIRED: [&str; 4] = ["invoice_id", "customer_id", "amount", "due_date"];

/// The optional columns.
const OPTIONAL: [&str; 5] = ["currency", "paid", "paid_date", "dunning_level", "blocked"];

/// One row read into the core's invoice (its payments at most one: the `paid` total on `paid_date`).
fn read_row(
    cells: &[Option<&Bound<'_, PyAny>>; 9],
    currency: Currency,
    floats: Option<RoundingMode>,
) -> PyResult<Invoice> {
    let [id, customer, amount, due, cur, paid, paid_date, level, blocked] = cells;
    fn present<'a, 'py>(cell: &Option<&'a Bound<'py, PyAny>>) -> Option<&'a Bound<'py, PyAny>> {
        cell.filter(|c| !missing(c))
    }
    fn needed<'a, 'py>(
        cell: &Option<&'a Bound<'py, PyAny>>,
        name: &'static str,
    ) -> PyResult<&'a Bound<'py, PyAny>> {
        present(cell).ok_or_else(|| invalid(name, "None", "must not be null"))
    }
    let currency = match present(cur) {
        Some(c) => currency_arg(c, "currency")?,
        None => currency,
    };
    let places = currency.minor_units();
    let mut invoice = Invoice::new(
        str_arg(needed(id, "invoice_id")?, "invoice_id")?,
        str_arg(needed(customer, "customer_id")?, "customer_id")?,
        currency,
        money_cell(needed(amount, "amount")?, "amount", floats, places)?,
        date_arg(needed(due, "due_date")?, "due_date")?,
    );
    if let Some(p) = present(paid) {
        let amount = money_cell(p, "paid", floats, places)?;
        // Nothing paid is no payment (the core refuses a payment of zero).
        if !amount.is_zero() {
            let date = match present(paid_date) {
                Some(d) => date_arg(d, "paid_date")?,
                None => return Err(invalid(
                    "paid_date",
                    "None",
                    "a paid amount needs the date it was paid (payments after as_of are ignored)",
                )),
            };
            invoice.payments.push(Payment {
                date,
                amount,
                currency,
            });
        }
    }
    if let Some(l) = present(level) {
        invoice.dunning_level = int_arg::<u32>(l, "dunning_level")?;
    }
    if let Some(b) = present(blocked) {
        invoice.blocked = bool_arg(b, "blocked")?;
    }
    Ok(invoice)
}

/// Duplicate invoice ids: for each row whose id an earlier row has, that earlier row.
fn duplicates(read: &[Result<Invoice, String>]) -> Vec<(usize, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(read.len());
    let mut out = Vec::new();
    for (row, invoice) in read.iter().enumerate() {
        if let Ok(invoice) = invoice {
            if let Some(&first) = seen.get(invoice.id.as_str()) {
                out.push((row, first));
            } else {
                seen.insert(invoice.id.as_str(), row);
            }
        }
    }
    out
}

/// The error of a duplicate id.
fn duplicate_error(id: &str, first: usize, row: usize) -> Error {
    Error::InvalidArgument {
        field: "invoice_id",
        value: format!("{id:?}"),
        reason: format!("duplicate invoice id (rows {first} and {row})"),
    }
}

/// Runs a dunning policy over a table of invoices as of a date: the ERP's dunning run over columns.
///
/// ``invoices`` is a pandas DataFrame, a pyarrow Table or a dict of columns, one row per invoice, with
/// ``invoice_id`` (unique), ``customer_id``, ``amount`` and ``due_date``, and optionally
/// ``currency`` (else the policy's), ``paid`` (the total paid so far; null or 0 for nothing) with
/// ``paid_date`` (the day it was paid, needed when ``paid`` is not zero: a payment after ``as_of`` is
/// ignored, and average-daily-balance interest counts the balance down from it), ``dunning_level``
/// (the level of the last notice sent; null is 0) and ``blocked`` (null is ``False``): the fields of
/// ``Invoice``, each row decided exactly as ``dunning_run`` decides that ``Invoice`` (with the paid
/// total as its one payment).
///
/// One policy is one currency: an invoice in another currency is a ``CurrencyMismatchError`` naming
/// ``currency`` (as ``dunning_run`` refuses it), so a customer whose invoices mix currencies has the
/// foreign ones refused and the others dunned: run each currency's invoices under its own policy.
/// Money follows the package's rule (see "Money in columns"): exact amounts (``decimal128``,
/// Decimals, ints, str); a float column is refused unless ``float_rounding`` names the rounding mode
/// that brings each float to the currency's minor units.
///
/// The table is read with the GIL held; the invoices are decided without it on the threads of
/// ``set_threads``; ``progress`` is ``None``, ``True`` (a tqdm bar) or a callable told ``(done,
/// total)`` invoices. Returns one row per invoice in the table's order (``dunning_run`` orders its
/// lines by customer: sort by ``customer_id``, ``due_date``, ``invoice_id`` for that order):
/// ``invoice_id`` and ``customer_id`` as given, ``due_date``, ``outstanding``, ``days_overdue``,
/// ``outcome``, ``level`` and ``action`` (null when no level is reached), ``fee``, ``interest``,
/// ``total`` (``decimal128`` at the currency's minor units, or ``float64`` with
/// ``money='float64'``) and ``unverified_rate``: a pandas DataFrame when given one, otherwise a
/// pyarrow Table. ``errors='raise'`` (the default) raises the first bad row's error, its value led by
/// its row (``'row 4: ...'``; a duplicate id names ``invoice_id`` and both rows);
/// ``errors='column'`` raises nothing for bad rows: an ``error`` column gives ``"<field>:
/// <message>"`` (null when fine) and that row's results are null.
///
/// >>> policy = DunningPolicy("EUR", [DunningLevel(14, "reminder", fee=5),
/// ...     DunningLevel(30, "final notice", fee=10, interest="erpnext", rate_percent=10)])
/// >>> t = dunning_many({"invoice_id": ["A-2", "A-1"], "customer_id": ["ACME", "ACME"],
/// ...     "amount": [730, 100], "due_date": ["2026-01-01", "2026-02-10"], "dunning_level": [1, 0]},
/// ...     policy, "2026-02-20")
/// >>> t.column("action").to_pylist(), t.column("total").to_pylist()
/// (['final notice', None], [Decimal('20.00'), Decimal('0.00')])
#[pyfunction]
#[pyo3(signature = (invoices, policy, as_of, *, errors = None, float_rounding = None, money = None,
                    progress = None),
       text_signature = "(invoices, policy, as_of, *, errors='raise', float_rounding=None, \
                         money='decimal128', progress=None)")]
#[allow(clippy::too_many_arguments)]
pub fn dunning_many<'py>(
    py: Python<'py>,
    invoices: &Bound<'py, PyAny>,
    policy: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    errors: Option<&Bound<'py, PyAny>>,
    float_rounding: Option<&Bound<'py, PyAny>>,
    money: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let policy = policy
        .cast::<PyDunningPolicy>()
        .map_err(|_| wrong_type(policy, "policy", "a DunningPolicy"))?;
    let policy = &policy.get().0 .0;
    let as_of = date_arg(as_of, "as_of")?;
    let on_error = errors_arg(errors)?;
    let floats = float_rounding_arg(float_rounding)?;
    let float_money = float_money_arg(money)?;
    let mut progress = progress_arg(progress, "dunning_many")?;

    let (cols, pandas) = columns(invoices)?;
    let column = |name: &'static str| -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
        let amounts = matches!(name, "amount" | "paid") && floats.is_none();
        match cols.get_item(name)? {
            Some(c) => column_items(&c, name, amounts).map(Some),
            None => Ok(None),
        }
    };
    let mut all: Vec<Option<Vec<Bound<'py, PyAny>>>> = Vec::with_capacity(9);
    for name in REQUIRED {
        let c = column(name)?
            .ok_or_else(|| invalid("invoices", name, "a required column is missing"))?;
        all.push(Some(c));
    }
    for name in OPTIONAL {
        all.push(column(name)?);
    }
    let rows = all[0].as_ref().map_or(0, Vec::len);
    for (name, c) in REQUIRED.iter().chain(&OPTIONAL).zip(&all) {
        if let Some(c) = c.as_ref().filter(|c| c.len() != rows) {
            return Err(invalid(
                name,
                format!("{} values", c.len()),
                format!("must have as many values as invoice_id ({rows})"),
            ));
        }
    }

    let mut read: Vec<Result<Invoice, String>> = Vec::with_capacity(rows);
    for row in 0..rows {
        let cells: [Option<&Bound<'py, PyAny>>; 9] =
            std::array::from_fn(|k| all[k].as_ref().map(|c| &c[row]));
        match read_row(&cells, policy.currency(), floats) {
            Ok(invoice) => read.push(Ok(invoice)),
            Err(e) => match on_error {
                OnError::Raise => return Err(with_prefix(py, e, &format!("row {row}"))),
                OnError::Column => read.push(Err(error_text(py, &e))),
            },
        }
    }
    // Unique ids, checked first as dunning_run checks them.
    for (row, first) in duplicates(&read) {
        let id = match &read[row] {
            Ok(i) => i.id.clone(),
            Err(_) => continue,
        };
        let err = duplicate_error(&id, first, row);
        match on_error {
            OnError::Raise => return Err(with_prefix(py, raise(err), &format!("row {row}"))),
            OnError::Column => read[row] = Err(err.to_string()),
        }
    }

    let indexed: Vec<(usize, &Result<Invoice, String>)> = read.iter().enumerate().collect();
    let decide = |&(row, invoice): &(usize, &Result<Invoice, String>)| -> Result<Result<DunningLine, String>, Error> {
        match invoice {
            Err(text) => Ok(Err(text.clone())),
            Ok(invoice) => match core::dunning_line(row, invoice, policy, as_of) {
                Ok(line) => Ok(Ok(line)),
                Err(e) if on_error == OnError::Column => Ok(Err(e.to_string())),
                Err(e) => Err(e),
            },
        }
    };
    let decided = par_map_detached(py, &indexed, INVOICES_PER_THREAD, decide, progress.as_mut())?;
    let lines = decided.map_err(|(row, e)| with_prefix(py, raise(e), &format!("row {row}")))?;

    let ids = all[0].take().unwrap_or_default();
    let customers = all[1].take().unwrap_or_default();
    let actions: Vec<Option<String>> = policy
        .levels()
        .iter()
        .map(|l| Some(l.action.clone()))
        .collect();
    let ok = |k: usize| lines.get(k).and_then(|l| l.as_ref().ok());
    let amounts = |f: fn(&DunningLine) -> Decimal| {
        Column::Decimal(
            (0..rows).map(|k| ok(k).map(f)).collect(),
            policy.currency().minor_units(),
        )
    };
    let due: Vec<Option<NaiveDate>> = read
        .iter()
        .map(|r| r.as_ref().ok().map(|i| i.due_date))
        .collect();
    let mut t = Table::default();
    t.add(
        "invoice_id",
        Column::Objects(ids.into_iter().map(Bound::unbind).collect()),
    )
    .add(
        "customer_id",
        Column::Objects(customers.into_iter().map(Bound::unbind).collect()),
    )
    .add("due_date", Column::Date(due))
    .add("outstanding", amounts(|l| l.outstanding))
    .add(
        "days_overdue",
        Column::Int((0..rows).map(|k| ok(k).map(|l| l.days_overdue)).collect()),
    )
    .add(
        "outcome",
        Column::Text(
            (0..rows)
                .map(|k| ok(k).map(|l| l.outcome.name().to_string()))
                .collect(),
        ),
    )
    .add(
        "level",
        Column::Int(
            (0..rows)
                .map(|k| ok(k).and_then(|l| l.level).map(i64::from))
                .collect(),
        ),
    )
    .add(
        "action",
        Column::Text(
            (0..rows)
                .map(|k| {
                    let level = ok(k)?.level?;
                    actions
                        .get(usize::try_from(level).ok()?.checked_sub(1)?)?
                        .clone()
                })
                .collect(),
        ),
    )
    .add("fee", amounts(|l| l.fee))
    .add("interest", amounts(|l| l.interest))
    .add("total", amounts(|l| l.total));
    let flags = (0..rows)
        .map(|k| match ok(k) {
            Some(l) => pyo3::types::PyBool::new(py, l.unverified_rate)
                .to_owned()
                .into_any()
                .unbind(),
            None => py.None(),
        })
        .collect();
    t.add("unverified_rate", Column::Objects(flags));
    if on_error == OnError::Column {
        t.add(
            "error",
            Column::Text(lines.iter().map(|l| l.as_ref().err().cloned()).collect()),
        );
    }
    to_table(py, &t, "dunning_many", pandas, float_money)
}

/// Registers the function.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(dunning_many, m)?)?;
    Ok(())
}
