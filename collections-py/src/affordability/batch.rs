//! `assess_many`: many statements from one long table (one row per item, the household repeated on
//! each row of a statement); the cells read from the Arrow arrays and the statements built and
//! assessed on every core with the GIL released.

use chrono::NaiveDate;
use collections_core::affordability::{assess, Assessment, Category, Household, Item, Statement};
use collections_core::{Currency, Error, Frequency, RoundingMode};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use super::assessment::policy_arg;
use super::guidelines::guidelines_arg;
use super::statement::household;
use crate::arrow::{give_back, prefixed, InputColumn, InputTable, OutputTable};
use crate::debt::rounding_arg;
use crate::debt::table::float_money_arg;
use crate::errors::{invalid, raise, CoreResultExt};
use crate::plan::batch::{currency_at, error_strings, Groups};
use crate::schedule::{errors_arg, float_rounding_arg};
use crate::threads::{par_map_detached, progress_arg};

/// The columns a table must have.
const REQUIRED: [&str; 7] = [
    "statement_id",
    "date",
    "currency",
    "adults",
    "category",
    "amount",
    "frequency",
];

/// The household counts a table may have (0 when absent or null).
const COUNTS: [&str; 6] = [
    "children_under_16",
    "children_16_to_18",
    "other_dependants",
    "non_dependants",
    "aged_65_or_over",
    "vehicles",
];

/// Statements below this many per thread are assessed on one thread.
const STATEMENTS_PER_THREAD: usize = 256;

/// The columns of a statements table.
struct StatementColumns {
    ids: InputColumn,
    dates: InputColumn,
    currencies: InputColumn,
    adults: InputColumn,
    categories: InputColumn,
    amounts: InputColumn,
    frequencies: InputColumn,
    counts: Vec<Option<InputColumn>>,
    region: Option<InputColumn>,
}

/// A count of people or vehicles at `row` of `column` (0 when the cell is null).
fn count(column: &InputColumn, row: usize) -> Result<u32, Error> {
    let Some(n) = column.int(row)? else {
        return Ok(0);
    };
    u32::try_from(n).map_err(|_| Error::InvalidArgument {
        field: column.name(),
        value: format!("row {row}: {n}"),
        reason: format!("must be a whole number from 0 to {}", u32::MAX),
    })
}

/// What every row of a statement repeats: date, currency, the household's counts, region.
type Head<'a> = (NaiveDate, Currency, [u32; 7], Option<&'a str>);

impl StatementColumns {
    /// The columns of `table` (see `assess_many`).
    fn of(table: &InputTable) -> PyResult<StatementColumns> {
        let mut required = Vec::with_capacity(REQUIRED.len());
        for name in REQUIRED {
            required.push(table.required(name, "table")?);
        }
        let mut counts = Vec::with_capacity(COUNTS.len());
        for name in COUNTS {
            counts.push(table.column(name)?);
        }
        let region = table.column("region")?;
        let [ids, dates, currencies, adults, categories, amounts, frequencies] =
            <[InputColumn; 7]>::try_from(required)
                .map_err(|_| invalid("table", "statement_id", "a required column is missing"))?;
        Ok(StatementColumns {
            ids,
            dates,
            currencies,
            adults,
            categories,
            amounts,
            frequencies,
            counts,
            region,
        })
    }

    /// The head of the statement at `row` (`code`: the last currency code read, see `currency_at`).
    fn head<'a>(
        &'a self,
        row: usize,
        code: &mut Option<(&'a str, Currency)>,
    ) -> Result<Head<'a>, Error> {
        let mut counts = [0u32; 7];
        if self.adults.is_null(row) {
            return Err(self.adults.null(row));
        }
        counts[0] = count(&self.adults, row)?;
        for (i, c) in self.counts.iter().enumerate() {
            if let Some(c) = c {
                counts[i + 1] = count(c, row)?;
            }
        }
        let region = match &self.region {
            Some(c) => c.str(row)?,
            None => None,
        };
        let currency = currency_at(&self.currencies, row, code)?;
        Ok((self.dates.require_date(row)?, currency, counts, region))
    }

    /// The statement of rows `rows`, read (amounts to the currency's minor units, floats rounded by
    /// `floats` when named), the head of each row checked against the first row's.
    fn statement(
        &self,
        rows: &[usize],
        floats: Option<RoundingMode>,
        rounding: RoundingMode,
    ) -> Result<Statement, Error> {
        let mut first: Option<Head<'_>> = None;
        let mut items = Vec::new();
        let mut code = None;
        for &row in rows {
            let head = self.head(row, &mut code)?;
            if !self.categories.is_null(row) {
                let money = floats.map(|m| (m, head.1.minor_units()));
                items.push(Item::new(
                    self.categories.require_parsed::<Category>(row)?,
                    self.amounts.require_decimal(row, money)?,
                    self.frequencies.require_parsed::<Frequency>(row)?,
                )?);
            }
            let Some((date, currency, counts, region)) = first else {
                first = Some(head);
                continue;
            };
            let differs = if date != head.0 {
                Some(("date", head.0.to_string()))
            } else if currency != head.1 {
                Some(("currency", head.1.to_string()))
            } else if counts != head.2 || region != head.3 {
                Some(("household", format!("row {row}")))
            } else {
                None
            };
            if let Some((field, value)) = differs {
                return Err(Error::InvalidArgument {
                    field,
                    value,
                    reason: String::from("differs from the statement's first row"),
                });
            }
        }
        let Some((date, currency, counts, region)) = first else {
            return Err(Error::InvalidArgument {
                field: "statement_id",
                value: String::new(),
                reason: String::from("a statement has no rows"),
            });
        };
        let [a, c16, c18, other, non, aged, vehicles] = counts;
        let h: Household = household(a, c16, c18, other, non, aged, vehicles, region)?;
        Statement::with_rounding(date, currency, h, items, rounding)
    }
}

/// Assesses many statements from one long table: a pandas DataFrame, a pyarrow Table or a dict of
/// columns, one row per item, with the columns ``statement_id``, ``date``, ``currency``, ``adults``,
/// ``category``, ``amount`` and ``frequency``, and optionally ``children_under_16``,
/// ``children_16_to_18``, ``other_dependants``, ``non_dependants``, ``aged_65_or_over``, ``vehicles``
/// (0 when absent or null) and ``region``. The household, date and currency are repeated on every row
/// of a statement and must agree (a statement whose rows disagree on ``currency`` is an error naming
/// ``currency`` and the statement). A statement with no items is one row with a null ``category``.
/// Amounts are Decimals, ints, str or a pyarrow decimal128 column; a float column is refused unless
/// ``float_rounding`` names the rounding mode that brings each float to the currency's minor units
/// (the package's "Money in columns").
///
/// The statements are taken in the order their ids first appear; the table is taken as Arrow arrays
/// (a polars DataFrame too, given back as one) and the cells read, the statements built and assessed
/// without the GIL on the threads of ``set_threads``, against ``guidelines`` with the
/// policy of ``assess``; ``progress`` (``None``, ``True`` for a tqdm bar, or a callable) is told
/// ``(done, total)`` statements from the calling thread, at most 100 times. Returns
/// one row per statement: ``statement_id``, ``income``, ``expenditure``, ``allowable_expenditure``,
/// ``savings``, ``priority_debts``, ``surplus``, ``contingency``, ``disposable_income``,
/// ``max_affordable_payment`` (exact decimals, or float64 with ``money='float64'``), ``flag_count``
/// and ``table``: a pandas (or polars) DataFrame when given one, otherwise a pyarrow Table. An error
/// keeps its kind and field, its value naming the statement (``'statement S-2: ...'``, then the row
/// for a bad cell: ``'statement S-2: row 4: None'``); the error raised is the first bad statement's. With
/// ``errors='column'`` a bad cell, a row disagreeing with its statement's first row or a statement
/// the core refuses raises nothing: that statement's result cells are null and a last column,
/// ``error``, holds ``'<field>: <message>'`` (null for the statements assessed); a missing column, a
/// column of the wrong length or a ``statement_id`` that is null or neither text nor a whole number
/// still raise.
///
/// >>> t = assess_many({"statement_id": ["a", "a", "b"], "date": ["2025-06-01"] * 3,
/// ...     "currency": ["GBP"] * 3, "adults": [1, 1, 2], "category": ["earnings", "housing", "earnings"],
/// ...     "amount": [1500, 1000, 2000], "frequency": ["monthly"] * 3})
/// >>> t.column("statement_id").to_pylist(), t.column("disposable_income").to_pylist()
/// (['a', 'b'], [Decimal('500.00'), Decimal('2000.00')])
#[pyfunction]
#[pyo3(signature = (table, guidelines = None, *, contingency = None, low_spending_fraction = None,
                    debt_administration_fee = None, rounding = None, float_rounding = None,
                    errors = None, money = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn assess_many<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    guidelines: Option<&Bound<'py, PyAny>>,
    contingency: Option<&Bound<'py, PyAny>>,
    low_spending_fraction: Option<&Bound<'py, PyAny>>,
    debt_administration_fee: Option<&Bound<'py, PyAny>>,
    rounding: Option<&Bound<'py, PyAny>>,
    float_rounding: Option<&Bound<'py, PyAny>>,
    errors: Option<&Bound<'py, PyAny>>,
    money: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut progress = progress_arg(progress, "assess_many")?;
    let guidelines = guidelines_arg(guidelines)?;
    let policy = policy_arg(contingency, low_spending_fraction, debt_administration_fee)?;
    let rounding: RoundingMode = rounding_arg(rounding, "rounding")?;
    let floats = float_rounding_arg(float_rounding)?;
    let by_statement = errors_arg(errors)?;
    let float_money = float_money_arg(money)?;
    let input = InputTable::read(table, "table")?;
    let columns = StatementColumns::of(&input)?;
    let groups = py
        .detach(|| Groups::of(&columns.ids, input.rows()))
        .or_raise()?;
    let guidelines = guidelines.as_ref();
    let work: Vec<usize> = (0..groups.rows.len()).collect();
    let one = |&k: &usize| {
        let result = columns
            .statement(&groups.rows[k], floats, rounding)
            .and_then(|s| assess(&s, guidelines, &policy))
            .map_err(|e| prefixed(e, &format!("statement {}", groups.names[k])));
        match result {
            Ok(a) => Ok(Ok(a)),
            Err(e) if by_statement => Ok(Err(e)),
            Err(e) => Err(e),
        }
    };
    let results = par_map_detached(py, &work, STATEMENTS_PER_THREAD, one, progress.as_mut())?
        .map_err(|(_, e)| raise(e))?;
    let out = py.detach(|| assess_table(&columns.ids, &groups, &results, by_statement));
    give_back(
        py,
        out.or_raise()?,
        input.kind(),
        float_money,
        "assess_many",
    )
}

/// The table of `assess_many`: one row per statement.
fn assess_table(
    ids: &InputColumn,
    groups: &Groups,
    results: &[Result<Assessment, Error>],
    by_statement: bool,
) -> Result<OutputTable, Error> {
    let a: Vec<Option<&Assessment>> = results.iter().map(|r| r.as_ref().ok()).collect();
    let amounts = |f: fn(&Assessment) -> Decimal| -> Vec<Option<Decimal>> {
        a.iter().map(|x| x.map(f)).collect()
    };
    let mut t = OutputTable::new();
    t.push("statement_id", ids.take(&groups.first_rows())?);
    t.money("income", &amounts(|x| x.income), 0)?
        .money("expenditure", &amounts(|x| x.expenditure), 0)?
        .money(
            "allowable_expenditure",
            &amounts(|x| x.allowable_expenditure),
            0,
        )?
        .money("savings", &amounts(|x| x.savings), 0)?
        .money("priority_debts", &amounts(|x| x.priority_debts), 0)?
        .money("surplus", &amounts(|x| x.surplus), 0)?
        .money("contingency", &amounts(|x| x.contingency), 0)?
        .money("disposable_income", &amounts(|x| x.disposable_income), 0)?
        .money(
            "max_affordable_payment",
            &amounts(|x| x.max_affordable_payment()),
            0,
        )?
        .ints(
            "flag_count",
            a.iter()
                .map(|x| x.and_then(|x| i64::try_from(x.flags.len()).ok()))
                .collect(),
        )
        .strs(
            "table",
            &a.iter()
                .map(|x| x.and_then(|x| x.table.clone()))
                .collect::<Vec<_>>(),
        );
    if by_statement {
        t.strs("error", &error_strings(results));
    }
    Ok(t)
}
