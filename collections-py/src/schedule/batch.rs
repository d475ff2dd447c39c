//! `amortize_many`: the schedules of many loans from one table of loans (one row per loan), in long
//! format (one row per installment), built without the GIL on the threads of `set_threads`.

use chrono::NaiveDate;
use collections_core::schedule::{self, Amortizer, RowUnits, ScheduleTerms, TermOrPayment};
use collections_core::{Currency, Error, Frequency, Rate, RoundingMode};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use arrow_array::{ArrayRef, Int64Array};
use arrow_buffer::NullBuffer;
use chrono::Datelike;

use crate::arrow::{
    give_back_parts, prefixed, InputColumn, InputTable, OutputTable, UnitsToFloat,
    UNIX_EPOCH_FROM_CE,
};
use crate::calendar::frequency_arg;
use crate::convert::{int_arg, str_arg};
use crate::debt::table::float_money_arg;
use crate::debt::{given, rounding_arg};
use crate::errors::{invalid, raise, CoreResultExt};
use crate::money::currency_arg;
use crate::threads::{par_map, par_map_detached, progress_arg, threads_for};

/// Loans below this many per thread are amortized on one thread.
const LOANS_PER_THREAD: usize = 16;

/// Runs of loans a thread: each run is one part of the output (a record batch).
const RUNS_PER_THREAD: usize = 4;

/// Calls of `amortize_many` so far: each thread's [`Amortizer`] serves one call.
static CALLS: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// This thread's amortizer and the call it serves.
    static AMORTIZER: RefCell<(u64, Amortizer)> = RefCell::new((u64::MAX, Amortizer::new()));
}

/// `f` with this thread's amortizer for call `call` (a fresh one when the thread last served
/// another call): the runs of loans a thread takes in one call share their annuity factors.
fn with_amortizer<R>(call: u64, f: impl FnOnce(&mut Amortizer) -> R) -> R {
    AMORTIZER.with_borrow_mut(|(served, amortizer)| {
        if *served != call {
            *amortizer = Amortizer::new();
            *served = call;
        }
        f(amortizer)
    })
}

/// The most installment rows the parts of one call reserve room for at the start, together (about
/// 100 MB of columns).
const RESERVE_ROWS: usize = 1 << 20;

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

/// The `errors` argument of a batch call: `'raise'` (the default: the first bad row's error) or
/// `'column'` (no error raised for a bad row: an `error` column says why, the row's results null);
/// whether `'column'` was asked for.
pub(crate) fn errors_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    let Some(obj) = given(obj) else {
        return Ok(false);
    };
    match str_arg(obj, "errors")?.as_str() {
        "raise" => Ok(false),
        "column" => Ok(true),
        other => Err(invalid(
            "errors",
            other,
            "must be 'raise' (the default) or 'column'",
        )),
    }
}

/// An error as the `error` column shows it: `'<field>: <message>'` (the message leads with the
/// field already).
pub(crate) fn error_text(err: &Error) -> String {
    err.to_string()
}

/// The `float_rounding` argument: the rounding mode that brings float amounts to minor units, or
/// `None` (not given) to refuse floats.
pub(crate) fn float_rounding_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<RoundingMode>> {
    match given(obj) {
        Some(_) => rounding_arg(obj, "float_rounding").map(Some),
        None => Ok(None),
    }
}

/// The columns of a loans table, as read.
struct LoanColumns {
    ids: InputColumn,
    principal: InputColumn,
    rate: InputColumn,
    start: InputColumn,
    first_due: InputColumn,
    term: Option<InputColumn>,
    payment: Option<InputColumn>,
    frequency: Option<InputColumn>,
}

impl LoanColumns {
    /// The loan at `row`, amounts to `places` (floats rounded by `floats` when named).
    fn loan(
        &self,
        row: usize,
        places: u32,
        floats: Option<RoundingMode>,
        default_frequency: Frequency,
    ) -> Result<Loan, Error> {
        let floats = floats.map(|m| (m, places));
        let principal = self.principal.require_decimal(row, floats)?;
        let t = match &self.term {
            Some(t) => t.int(row)?,
            None => None,
        };
        let p = match &self.payment {
            Some(p) => p.decimal(row, floats)?,
            None => None,
        };
        let term_or_payment = match (t, p) {
            (Some(t), None) => {
                let periods = u32::try_from(t).map_err(|_| Error::InvalidArgument {
                    field: "term",
                    value: format!("row {row}: {t}"),
                    reason: format!("must be a whole number from 0 to {}", u32::MAX),
                })?;
                TermOrPayment::Term(periods)
            }
            (None, Some(p)) => TermOrPayment::Payment(p),
            (None, None) => {
                return Err(Error::InvalidArgument {
                    field: "term",
                    value: format!("row {row}: None"),
                    reason: String::from("give a term or a payment on every row"),
                })
            }
            (Some(_), Some(p)) => {
                return Err(Error::InvalidArgument {
                    field: "payment",
                    value: format!("row {row}: {p}"),
                    reason: String::from("give a term or a payment, not both"),
                })
            }
        };
        let frequency = match &self.frequency {
            Some(f) => f.parsed::<Frequency>(row)?.unwrap_or(default_frequency),
            None => default_frequency,
        };
        let rate = Rate::from_fraction(self.rate.require_decimal(row, None)?)
            .map_err(|e| prefixed(e.with_field("annual_rate"), &format!("row {row}")))?;
        Ok(Loan {
            principal,
            rate,
            start: self.start.require_date(row)?,
            first_due: self.first_due.require_date(row)?,
            term_or_payment,
            frequency,
        })
    }
}

/// The one currency of a loans table (its `currency` column's, all rows alike, else `default`); the
/// first row that names an unknown code or differs from row 0 is an error naming `currency`.
fn the_currency(
    column: Option<&InputColumn>,
    rows: usize,
    default: Currency,
) -> Result<Currency, Error> {
    let Some(column) = column else {
        return Ok(default);
    };
    let mut first: Option<(Currency, String)> = None;
    for row in 0..rows {
        let code = column.require_str(row)?;
        match &first {
            Some((_, text)) if text == code => {}
            Some((c, _)) => {
                let other = Currency::from_code(code)
                    .map_err(|e| prefixed(e.with_field("currency"), &format!("row {row}")))?;
                if other != *c {
                    return Err(Error::InvalidArgument {
                        field: "currency",
                        value: format!("row {row}: {other}"),
                        reason: format!(
                            "differs from row 0's {c}: one currency per call (split the table by \
                             currency)"
                        ),
                    });
                }
            }
            None => {
                let c = Currency::from_code(code)
                    .map_err(|e| prefixed(e.with_field("currency"), &format!("row {row}")))?;
                first = Some((c, code.to_string()));
            }
        }
    }
    Ok(first.map_or(default, |(c, _)| c))
}

/// Builds the schedules of many loans from a table of loans, one row per loan: a pandas or polars
/// DataFrame, a pyarrow Table (or any Arrow table) or a dict of columns with ``loan_id``,
/// ``principal``, ``annual_rate`` (a fraction: ``0.06`` is 6%), ``start_date`` and
/// ``first_due_date``, and ``term`` (periods) or ``payment`` (a level payment, the term solved) on
/// each row (give one of the two columns, or both with exactly one non-null per row); optionally
/// ``currency`` and ``frequency`` columns, else the ``currency`` (``'USD'``) and ``frequency``
/// (``'monthly'``) given here for every loan. Each loan is ``amortize(principal, annual_rate,
/// start_date, first_due_date, term=..., payment=..., frequency=..., currency=...,
/// payment_rounding=..., interest_rounding=..., max_rows=...)``: a level-payment schedule, interest
/// by the period's share of the annual rate.
///
/// Money follows the package's rule (see the package's documentation, "Money in columns"): amounts
/// are exact (a pyarrow ``decimal128`` column, Decimals, ints or str); a float column (float64) is
/// refused unless ``float_rounding`` names the rounding mode that brings each float to the currency's
/// minor units. One currency per call: a ``currency`` column holding two is an
/// ``InvalidArgumentError`` naming ``currency`` and the first row that differs.
///
/// The table is read as Arrow columns (see "Batch calls": no Python object per cell for Arrow,
/// pandas, polars or numpy columns), then the loans are read and their schedules built without the
/// GIL on the threads of ``set_threads``, and the result is written as Arrow columns. ``progress`` is
/// ``None``, ``True`` (a tqdm bar) or a callable called with ``(done, total)`` loans from the calling
/// thread, at most 100 times. Returns one row per installment, loan by loan in the table's order:
/// ``loan_id`` (the table's ids, their Arrow type kept), ``number`` (from 1), ``due_date``,
/// ``payment``, ``interest``, ``principal``, ``balance`` (the balance after the installment; money as
/// ``decimal128`` at the currency's minor units, or ``float64`` with ``money='float64'``): a pandas
/// DataFrame when given one, a polars DataFrame when given one, otherwise a pyarrow Table.
///
/// With ``errors='raise'`` (the default) a null or bad cell is a ``CollectionsError`` naming its
/// column, the value led by its row (``'row 4: None'``), and a loan the core refuses keeps its error,
/// the value led by the loan (``'loan L-2: ...'``). With ``errors='column'`` nothing is raised for a
/// bad loan: it gives one row, its ``loan_id`` and nulls, and the table gains an ``error`` column
/// (``'<field>: <message>'``, null on the rows of good loans).
///
/// >>> t = amortize_many({"loan_id": ["a", "b"], "principal": [300, 1200], "annual_rate": ["0.12", "0"],
/// ...     "start_date": ["2026-01-01"] * 2, "first_due_date": ["2026-02-01"] * 2, "term": [3, 2]})
/// >>> t.column("loan_id").to_pylist(), t.column("payment").to_pylist()
/// (['a', 'a', 'a', 'b', 'b'], [Decimal('102.01'), Decimal('102.01'), Decimal('102.00'), Decimal('600.00'), Decimal('600.00')])
#[pyfunction]
#[pyo3(signature = (loans, *, currency = None, frequency = None, payment_rounding = None,
                    interest_rounding = None, float_rounding = None, max_rows = None,
                    money = None, progress = None, errors = None))]
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
    errors: Option<&Bound<'py, PyAny>>,
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
    let error_column = errors_arg(errors)?;
    let mut progress = progress_arg(progress, "amortize_many")?;

    let table = InputTable::read(loans, "table")?;
    let mut required = Vec::with_capacity(REQUIRED.len());
    for name in REQUIRED {
        required.push(table.required(name, "loans")?);
    }
    let term = table.column("term")?;
    let payment = table.column("payment")?;
    if term.is_none() && payment.is_none() {
        return Err(invalid(
            "loans",
            "term",
            "a term column (periods) or a payment column (the level payment) is required",
        ));
    }
    let currencies = table.column("currency")?;
    let frequencies = table.column("frequency")?;
    let rows = table.rows();
    let [ids, principal, rate, start, first_due] = <[InputColumn; 5]>::try_from(required)
        .map_err(|_| invalid("loans", "loan_id", "a required column is missing"))?;
    let columns = LoanColumns {
        ids,
        principal,
        rate,
        start,
        first_due,
        term,
        payment,
        frequency: frequencies,
    };

    let the_currency = py
        .detach(|| the_currency(currencies.as_ref(), rows, default_currency))
        .or_raise()?;
    let places = the_currency.minor_units();
    // Loan `row`'s schedule, its installments handed to `each` as they are made (some may have been
    // handed before an error: the caller drops them); a run's loans share an `Amortizer` (loans of
    // one rate and term compute their level payment's annuity factor once).
    let schedule_of = |row: usize,
                       amortizer: &mut Amortizer,
                       each: &mut dyn FnMut(&RowUnits)|
     -> Result<(), Error> {
        let loan = columns.loan(row, places, floats, default_frequency)?;
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
        amortizer
            .amortize_each(&terms, each)
            .map(|_| ())
            .map_err(|e| prefixed(e, &format!("loan {}", columns.ids.show(row))))
    };
    // The loans in runs, one part of the output each: several runs a thread, so that a thread that
    // finishes early takes another.
    let runs: Vec<std::ops::Range<usize>> = {
        let count = (threads_for(rows, LOANS_PER_THREAD) * RUNS_PER_THREAD).min(rows.max(1));
        let per = rows.div_ceil(count).max(1);
        (0..count)
            .map(|k| (k * per).min(rows)..((k + 1) * per).min(rows))
            .filter(|r| !r.is_empty() || rows == 0)
            .collect()
    };
    // The installments a run of loans will have, as far as the term column tells (to size the
    // output once): each term within 1 and the rows a schedule may have, and the runs together at
    // most RESERVE_ROWS (loans whose errors leave their terms unmade reserve no more; a longer run
    // grows as it goes).
    let reserve_per_run = RESERVE_ROWS / runs.len().max(1);
    let expected_rows = |run: &std::ops::Range<usize>| -> usize {
        let Some(term) = &columns.term else {
            return run.len();
        };
        let cap = i64::from(
            max_rows
                .unwrap_or(schedule::DEFAULT_MAX_ROWS)
                .clamp(1, schedule::MAX_ROWS_LIMIT),
        );
        run.clone()
            .map(|row| match term.int(row) {
                Ok(Some(t)) => usize::try_from(t.clamp(1, cap)).unwrap_or(1),
                _ => 1,
            })
            .fold(0usize, usize::saturating_add)
            .min(reserve_per_run)
    };
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let parts = if let Some(progress) = progress.as_mut() {
        // With progress the schedules are built loan by loan (the progress counts loans), then
        // written out run by run.
        let indices: Vec<usize> = (0..rows).collect();
        let one = |&row: &usize| {
            let mut installments = Vec::new();
            let made = with_amortizer(call, |amortizer| {
                schedule_of(row, amortizer, &mut |r| installments.push(*r))
            });
            match made {
                Ok(()) => Ok(Ok(installments)),
                Err(e) if error_column => Ok(Err(e)),
                Err(e) => Err(e),
            }
        };
        let built = par_map_detached(py, &indices, LOANS_PER_THREAD, one, Some(progress))?;
        let schedules = built.map_err(|(_, e)| raise(e))?;
        py.detach(|| {
            par_map(&runs, 1, |run| {
                let mut part = Part::new(places, error_column, float_money, expected_rows(run));
                for row in run.clone() {
                    match &schedules[row] {
                        Ok(installments) => installments.iter().for_each(|r| part.push(row, r)),
                        Err(e) => part.push_error(row, e),
                    }
                }
                part.shrink();
                part.take_ids(&columns.ids)?;
                Ok(part)
            })
        })
    } else {
        py.detach(|| {
            par_map(&runs, 1, |run| {
                let mut part = Part::new(places, error_column, float_money, expected_rows(run));
                with_amortizer(call, |amortizer| {
                    for row in run.clone() {
                        let mark = part.len();
                        match schedule_of(row, amortizer, &mut |r| part.push(row, r)) {
                            Ok(()) => {}
                            Err(e) if error_column => {
                                part.truncate(mark);
                                part.push_error(row, &e);
                            }
                            Err(e) => return Err(e),
                        }
                    }
                    Ok(())
                })?;
                part.shrink();
                part.take_ids(&columns.ids)?;
                Ok(part)
            })
        })
    };
    let parts = parts.map_err(|(_, e)| raise(e))?;
    let tables = py.detach(|| Part::tables(parts, &columns.ids)).or_raise()?;
    give_back_parts(py, tables, table.kind(), float_money, "amortize_many")
}

/// The output columns of a run of loans, written as their schedules are built: one row per
/// installment (one row of nulls for a loan that failed, with its error when `errors`), amounts as
/// units of `10^-scale` (the currency's minor units).
#[derive(Debug)]
struct Part {
    loan_rows: Vec<usize>,
    numbers: Vec<i64>,
    days: Vec<i32>,
    /// Payment, interest, principal and balance in units (empty with float money).
    amounts: [Vec<i128>; 4],
    /// The same as floats, with money='float64' (else empty).
    floats: [Vec<f64>; 4],
    /// Set with money='float64'.
    to_float: Option<UnitsToFloat>,
    valid: Vec<bool>,
    errors: Option<Vec<Option<String>>>,
    scale: u32,
    /// The loan ids of the rows, taken from the table's (on the part's own thread).
    ids: Option<ArrayRef>,
}

impl Part {
    /// An empty part with room for `rows` installments.
    /// With `floats`, the amounts are kept as float64 (money='float64').
    fn new(places: u32, errors: bool, floats: bool, rows: usize) -> Part {
        let (units, float_rows) = if floats { (0, rows) } else { (rows, 0) };
        Part {
            loan_rows: Vec::with_capacity(rows),
            numbers: Vec::with_capacity(rows),
            days: Vec::with_capacity(rows),
            amounts: std::array::from_fn(|_| Vec::with_capacity(units)),
            floats: std::array::from_fn(|_| Vec::with_capacity(float_rows)),
            to_float: floats.then(|| UnitsToFloat::new(i32::try_from(places).unwrap_or(i32::MAX))),
            valid: Vec::with_capacity(rows),
            errors: errors.then(|| Vec::with_capacity(rows)),
            scale: places,
            ids: None,
        }
    }

    /// The rows written so far.
    fn len(&self) -> usize {
        self.loan_rows.len()
    }

    /// Drops the rows from `len` on (a loan that failed part way).
    fn truncate(&mut self, len: usize) {
        self.loan_rows.truncate(len);
        self.numbers.truncate(len);
        self.days.truncate(len);
        for column in &mut self.amounts {
            column.truncate(len);
        }
        for column in &mut self.floats {
            column.truncate(len);
        }
        self.valid.truncate(len);
        if let Some(errors) = &mut self.errors {
            errors.truncate(len);
        }
    }

    /// Gives back room reserved beyond twice the rows written (loans that failed before making
    /// their term's rows): the columns keep their allocations as Arrow buffers.
    fn shrink(&mut self) {
        let len = self.len();
        if self.loan_rows.capacity() / 2 <= len {
            return;
        }
        self.loan_rows.shrink_to_fit();
        self.numbers.shrink_to_fit();
        self.days.shrink_to_fit();
        for column in &mut self.amounts {
            column.shrink_to_fit();
        }
        for column in &mut self.floats {
            column.shrink_to_fit();
        }
        self.valid.shrink_to_fit();
        if let Some(errors) = &mut self.errors {
            errors.shrink_to_fit();
        }
    }

    /// Takes the rows' loan ids from the table's.
    fn take_ids(&mut self, ids: &InputColumn) -> Result<(), Error> {
        self.ids = Some(ids.take(&self.loan_rows)?);
        Ok(())
    }

    /// Writes one installment of loan `row`.
    fn push(&mut self, row: usize, r: &RowUnits) {
        self.loan_rows.push(row);
        self.valid.push(true);
        if let Some(errors) = &mut self.errors {
            errors.push(None);
        }
        self.numbers.push(i64::from(r.number));
        self.days
            .push(r.due_date.num_days_from_ce() - UNIX_EPOCH_FROM_CE);
        let values = [r.payment, r.interest, r.principal, r.closing_balance];
        match self.to_float {
            Some(to_float) => {
                for (column, units) in self.floats.iter_mut().zip(values) {
                    column.push(to_float.of(units));
                }
            }
            None => {
                for (column, units) in self.amounts.iter_mut().zip(values) {
                    column.push(units);
                }
            }
        }
    }

    /// Writes loan `row`'s one row of nulls (and its error, when the part keeps errors).
    fn push_error(&mut self, row: usize, e: &Error) {
        self.loan_rows.push(row);
        self.numbers.push(0);
        self.days.push(0);
        if self.to_float.is_some() {
            for column in &mut self.floats {
                column.push(0.0);
            }
        } else {
            for column in &mut self.amounts {
                column.push(0);
            }
        }
        self.valid.push(false);
        if let Some(errors) = &mut self.errors {
            errors.push(Some(error_text(e)));
        }
    }

    /// The parts as tables of one schema.
    fn tables(parts: Vec<Part>, ids: &InputColumn) -> Result<Vec<OutputTable>, Error> {
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            let scale = p.scale;
            let nulls = (!p.valid.iter().all(|v| *v)).then(|| NullBuffer::from(p.valid));
            let mut t = OutputTable::new();
            // Taken on the part's thread; else here.
            let taken = match p.ids {
                Some(a) => a,
                None => ids.take(&p.loan_rows)?,
            };
            t.push("loan_id", taken);
            t.push(
                "number",
                Arc::new(Int64Array::new(p.numbers.into(), nulls.clone())),
            );
            t.date_days("due_date", p.days, nulls.clone());
            let names = ["payment", "interest", "principal", "balance"];
            if p.to_float.is_some() {
                for (name, values) in names.into_iter().zip(p.floats) {
                    t.float_values(name, values, nulls.clone());
                }
            } else {
                for (name, units) in names.into_iter().zip(p.amounts) {
                    t.money_units(name, units, nulls.clone(), scale);
                }
            }
            if let Some(errors) = p.errors {
                t.strs("error", &errors);
            }
            out.push(t);
        }
        Ok(out)
    }
}
