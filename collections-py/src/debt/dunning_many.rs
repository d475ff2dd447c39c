//! `dunning_many`: the ERP dunning run over invoice columns (one row per invoice), each invoice
//! decided as `dunning_run` decides it, without the GIL on the threads of `set_threads`, the lines
//! given back as a table in the invoices' order.

use std::collections::HashMap;

use collections_core::debt::dunning::{self as core, DunningLine, DunningPolicy, Invoice, Payment};
use collections_core::{Currency, Error, RoundingMode};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use super::batch::{errors_arg, OnError};
use super::dunning::PyDunningPolicy;
use super::table::float_money_arg;
use crate::arrow::{give_back, prefixed, InputColumn, InputTable, OutputTable};
use crate::convert::{date_arg, wrong_type};
use crate::errors::raise;
use crate::schedule::float_rounding_arg;
use crate::threads::{par_map, par_map_detached, progress_arg};

/// Invoices below this many per thread are decided on one thread.
const INVOICES_PER_THREAD: usize = 1024;

/// The columns of an invoices table (the optional ones `None` when absent).
struct InvoiceColumns {
    id: InputColumn,
    customer: InputColumn,
    amount: InputColumn,
    due: InputColumn,
    currency: Option<InputColumn>,
    paid: Option<InputColumn>,
    paid_date: Option<InputColumn>,
    level: Option<InputColumn>,
    blocked: Option<InputColumn>,
}

impl InvoiceColumns {
    fn read(table: &InputTable) -> PyResult<InvoiceColumns> {
        Ok(InvoiceColumns {
            id: table.required("invoice_id", "invoices")?,
            customer: table.required("customer_id", "invoices")?,
            amount: table.required("amount", "invoices")?,
            due: table.required("due_date", "invoices")?,
            currency: table.column("currency")?,
            paid: table.column("paid")?,
            paid_date: table.column("paid_date")?,
            level: table.column("dunning_level")?,
            blocked: table.column("blocked")?,
        })
    }

    /// Row `row` as the core's invoice (its payments at most one: the `paid` total on `paid_date`);
    /// a currency other than `currency` is kept for the core to refuse, as `dunning_run` does.
    fn invoice(
        &self,
        row: usize,
        currency: Currency,
        floats: Option<RoundingMode>,
    ) -> Result<Invoice, Error> {
        let currency = match &self.currency {
            Some(c) => c.parsed::<Currency>(row)?.unwrap_or(currency),
            None => currency,
        };
        let floats = floats.map(|mode| (mode, currency.minor_units()));
        let mut invoice = Invoice::new(
            id_text(&self.id, row)?,
            id_text(&self.customer, row)?,
            currency,
            self.amount.require_decimal(row, floats)?,
            self.due.require_date(row)?,
        );
        let paid = match &self.paid {
            Some(p) => p.decimal(row, floats)?,
            None => None,
        };
        // Nothing paid is no payment (the core refuses a payment of zero).
        if let Some(amount) = paid.filter(|a| !a.is_zero()) {
            let date = match &self.paid_date {
                Some(d) => d.date(row)?,
                None => None,
            };
            let Some(date) = date else {
                return Err(Error::InvalidArgument {
                    field: "paid_date",
                    value: format!("row {row}: None"),
                    reason: String::from(
                        "a paid amount needs the date it was paid (payments after as_of are ignored)",
                    ),
                });
            };
            invoice.payments.push(Payment {
                date,
                amount,
                currency,
            });
        }
        if let Some(level) = self
            .level
            .as_ref()
            .map(|l| l.int(row))
            .transpose()?
            .flatten()
        {
            invoice.dunning_level = u32::try_from(level).map_err(|_| Error::InvalidArgument {
                field: "dunning_level",
                value: format!("row {row}: {level}"),
                reason: String::from("must be a whole number from 0"),
            })?;
        }
        if let Some(b) = self
            .blocked
            .as_ref()
            .map(|b| b.bool(row))
            .transpose()?
            .flatten()
        {
            invoice.blocked = b;
        }
        Ok(invoice)
    }
}

/// An id: text, or a whole number as its text (the output keeps the column's own type).
fn id_text(column: &InputColumn, row: usize) -> Result<String, Error> {
    match column.require_str(row) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => match column.int(row) {
            Ok(Some(i)) => Ok(i.to_string()),
            _ => Err(e),
        },
    }
}

/// Duplicate invoice ids: for each row whose id an earlier row has, that earlier row.
fn duplicates(read: &[Result<Invoice, Error>]) -> Vec<(usize, usize)> {
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

/// A core error about an invoice, naming its column: the payment's fields are `paid` and
/// `paid_date`.
fn by_column(err: Error) -> Error {
    match err.field() {
        "payments.amount" => err.with_field("paid"),
        "payments.date" => err.with_field("paid_date"),
        _ => err,
    }
}

/// The error of a duplicate id.
fn duplicate_error(id: &str, first: usize, row: usize) -> Error {
    Error::InvalidArgument {
        field: "invoice_id",
        value: format!("row {row}: {id:?}"),
        reason: format!("duplicate invoice id (rows {first} and {row})"),
    }
}

/// Runs a dunning policy over a table of invoices as of a date: the ERP's dunning run over columns.
///
/// ``invoices`` is a pandas or polars DataFrame, a pyarrow Table (any Arrow table) or a dict of
/// columns (Arrow arrays, numpy arrays or lists), one row per invoice, with
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
/// The table is read through Arrow (no Python object per cell) and the invoices are read and decided
/// without the GIL on the threads of ``set_threads``; ``progress`` is ``None``, ``True`` (a tqdm bar)
/// or a callable told ``(done, total)`` invoices. Returns one row per invoice in the table's order (``dunning_run`` orders its
/// lines by customer: sort by ``customer_id``, ``due_date``, ``invoice_id`` for that order):
/// ``invoice_id`` and ``customer_id`` as given, ``due_date``, ``outstanding``, ``days_overdue``,
/// ``outcome``, ``level`` and ``action`` (null when no level is reached), ``fee``, ``interest``,
/// ``total`` (``decimal128`` at the currency's minor units, or ``float64`` with
/// ``money='float64'``) and ``unverified_rate``: a pandas (``pd.ArrowDtype`` columns) or polars
/// DataFrame when given one, otherwise a pyarrow Table. ``errors='raise'`` (the default) raises the first bad row's error, its value led by
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

    let table = InputTable::read(invoices, "invoices")?;
    let cols = InvoiceColumns::read(&table)?;
    let rows = table.rows();
    let currency = policy.currency();

    // The rows read without the GIL, on the threads of set_threads (errors kept per row).
    let indices: Vec<usize> = (0..rows).collect();
    let read_one = |&row: &usize| Ok(cols.invoice(row, currency, floats));
    let mut read: Vec<Result<Invoice, Error>> = py
        .detach(|| par_map(&indices, INVOICES_PER_THREAD, read_one))
        .map_err(|(_, e)| raise(e))?;
    if on_error == OnError::Raise {
        if let Some(e) = read.iter().find_map(|r| r.as_ref().err()) {
            return Err(raise(e.clone()));
        }
    }
    // Unique ids, checked before any invoice is decided, as dunning_run checks them.
    for (row, first) in duplicates(&read) {
        let id = match &read[row] {
            Ok(i) => i.id.clone(),
            Err(_) => continue,
        };
        let err = duplicate_error(&id, first, row);
        match on_error {
            OnError::Raise => return Err(raise(err)),
            OnError::Column => read[row] = Err(err),
        }
    }

    let decide = |&row: &usize| -> Result<Result<DunningLine, Error>, Error> {
        match &read[row] {
            Err(e) => Ok(Err(e.clone())),
            Ok(invoice) => match core::dunning_line(row, invoice, policy, as_of).map_err(by_column)
            {
                Ok(line) => Ok(Ok(line)),
                Err(e) if on_error == OnError::Column => Ok(Err(e)),
                Err(e) => Err(prefixed(e, &format!("row {row}"))),
            },
        }
    };
    let decided = par_map_detached(py, &indices, INVOICES_PER_THREAD, decide, progress.as_mut())?;
    let lines = decided.map_err(|(_, e)| raise(e))?;
    let t = lines_table(&cols, &read, &lines, policy, on_error).map_err(raise)?;
    give_back(py, t, table.kind(), float_money, "dunning_many")
}

/// The output: one row per invoice, in the table's order.
fn lines_table(
    cols: &InvoiceColumns,
    read: &[Result<Invoice, Error>],
    lines: &[Result<DunningLine, Error>],
    policy: &DunningPolicy,
    on_error: OnError,
) -> Result<OutputTable, Error> {
    let all: Vec<usize> = (0..lines.len()).collect();
    let ok = |k: usize| lines.get(k).and_then(|l| l.as_ref().ok());
    let n = lines.len();
    let money = |f: fn(&DunningLine) -> Decimal| -> Vec<Option<Decimal>> {
        (0..n).map(|k| ok(k).map(f)).collect()
    };
    let places = policy.currency().minor_units();
    let actions = policy.levels();
    let mut t = OutputTable::new();
    t.push("invoice_id", cols.id.take(&all)?)
        .push("customer_id", cols.customer.take(&all)?)
        .dates(
            "due_date",
            &read
                .iter()
                .map(|r| r.as_ref().ok().map(|i| i.due_date))
                .collect::<Vec<_>>(),
        );
    t.money("outstanding", &money(|l| l.outstanding), places)?
        .ints(
            "days_overdue",
            (0..n).map(|k| ok(k).map(|l| l.days_overdue)).collect(),
        )
        .strs(
            "outcome",
            &(0..n)
                .map(|k| ok(k).map(|l| l.outcome.name()))
                .collect::<Vec<_>>(),
        )
        .ints(
            "level",
            (0..n)
                .map(|k| ok(k).and_then(|l| l.level).map(i64::from))
                .collect(),
        )
        .strs(
            "action",
            &(0..n)
                .map(|k| {
                    let level = usize::try_from(ok(k)?.level?).ok()?;
                    actions
                        .get(level.checked_sub(1)?)
                        .map(|l| l.action.as_str())
                })
                .collect::<Vec<_>>(),
        );
    t.money("fee", &money(|l| l.fee), places)?;
    t.money("interest", &money(|l| l.interest), places)?;
    t.money("total", &money(|l| l.total), places)?.bools(
        "unverified_rate",
        (0..n).map(|k| ok(k).map(|l| l.unverified_rate)).collect(),
    );
    if on_error == OnError::Column {
        let errors: Vec<Option<String>> = lines
            .iter()
            .map(|l| l.as_ref().err().map(ToString::to_string))
            .collect();
        t.strs("error", &errors);
    }
    Ok(t)
}

/// Registers the function.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(dunning_many, m)?)?;
    Ok(())
}
