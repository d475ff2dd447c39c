//! `assess_many`: many statements from one long table (one row per item, the household repeated on
//! each row of a statement), assessed on every core with the GIL released.

use chrono::NaiveDate;
use collections_core::affordability::{assess, Assessment, Category, Household, Item, Statement};
use collections_core::{Currency, Error, Frequency, RoundingMode};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rust_decimal::Decimal;

use super::assessment::policy_arg;
use super::guidelines::guidelines_arg;
use super::statement::household;
use crate::arrow::TableKind;
use crate::calendar::frequency_arg;
use crate::convert::{date_arg, decimal_arg, int_arg, str_arg, wrong_type};
use crate::debt::aging::column_items;
use crate::debt::table::{to_table, Column, Table};
use crate::debt::{name_arg, rounding_arg};
use crate::errors::{invalid, raise};
use crate::money::currency_arg;
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

/// An item as read: category, amount, frequency.
type ItemParts = (Category, Decimal, Frequency);

/// One row as read: the statement's head, and its item unless the category is null.
type RowParts = (
    NaiveDate,
    Currency,
    [u32; 7],
    Option<String>,
    Option<ItemParts>,
);

/// What is read of a statement before it is built: its head (from its first row) and its items.
struct Pending {
    date: NaiveDate,
    currency: Currency,
    counts: [u32; 7],
    region: Option<String>,
    items: Vec<ItemParts>,
}

/// `err` (a `CollectionsError`) again, its value and message naming the statement; another error as
/// it is.
fn in_statement(py: Python<'_>, err: PyErr, id: &str) -> PyErr {
    with_prefix(py, err, &format!("statement {id}"))
}

/// `err` (a `CollectionsError`) again, its value and message led by `prefix` (`'statement S-2: ...'`,
/// `'row 4: ...'`); another error as it is.
pub(crate) fn with_prefix(py: Python<'_>, err: PyErr, prefix: &str) -> PyErr {
    let value = err.value(py);
    let rebuilt = (|| -> PyResult<PyErr> {
        let errors = py.import("collections_core._errors")?;
        if !value.is_instance(&errors.getattr("CollectionsError")?)? {
            return Ok(err.clone_ref(py));
        }
        let field = value.getattr("field")?;
        let old: Option<String> = value.getattr("value")?.extract()?;
        let message = format!("{prefix}: {}", value.str()?.to_cow()?);
        let new_value = format!("{prefix}: {}", old.unwrap_or_default());
        let class = value.get_type();
        Ok(PyErr::from_value(class.call1((message, field, new_value))?))
    })();
    rebuilt.unwrap_or(err)
}

/// The columns of a pandas DataFrame, a pyarrow Table, a polars DataFrame (its columns as polars
/// Series) or a dict of columns, by name; the kind of table to give back.
pub(crate) fn columns<'py>(table: &Bound<'py, PyAny>) -> PyResult<(Bound<'py, PyDict>, TableKind)> {
    if let Ok(d) = table.cast::<PyDict>() {
        return Ok((d.clone(), TableKind::Dict));
    }
    if crate::polars::is_polars(table) && table.hasattr("get_column")? {
        let out = PyDict::new(table.py());
        for name in table.getattr("columns")?.try_iter()? {
            let name = name?;
            out.set_item(&name, table.call_method1("get_column", (&name,))?)?;
        }
        return Ok((out, TableKind::Polars));
    }
    if table.hasattr("to_pydict")? && table.hasattr("column_names")? {
        let out = PyDict::new(table.py());
        for name in table.getattr("column_names")?.try_iter()? {
            let name = name?;
            out.set_item(&name, table.call_method1("column", (&name,))?)?;
        }
        return Ok((out, TableKind::Arrow));
    }
    if table.hasattr("columns")? && table.hasattr("iloc")? {
        let out = PyDict::new(table.py());
        for name in table.getattr("columns")?.try_iter()? {
            let name = name?;
            out.set_item(&name, table.get_item(&name)?)?;
        }
        return Ok((out, TableKind::Pandas));
    }
    Err(wrong_type(
        table,
        "table",
        "a pandas DataFrame, a pyarrow Table, a polars DataFrame or a dict of columns",
    ))
}

/// Assesses many statements from one long table: a pandas DataFrame, a pyarrow Table, a polars
/// DataFrame or a dict of columns, one row per item, with the columns ``statement_id``, ``date``, ``currency``, ``adults``,
/// ``category``, ``amount`` (Decimals, ints or str; a float column is refused) and ``frequency``, and
/// optionally ``children_under_16``, ``children_16_to_18``, ``other_dependants``, ``non_dependants``,
/// ``aged_65_or_over``, ``vehicles`` (0 when absent or null) and ``region``. The household, date and
/// currency are repeated on every row of a statement and must agree. A statement with no items is
/// one row with a null ``category``.
///
/// The statements are taken in the order their ids first appear, read with the GIL held, then
/// assessed without it on the threads of ``set_threads``, against ``guidelines`` with the policy of
/// ``assess``; ``progress`` (``None``, ``True`` for a tqdm bar, or a callable) is told ``(done, total)``
/// statements from the calling thread, at most 100 times. Returns
/// one row per statement: ``statement_id``, ``income``, ``expenditure``, ``allowable_expenditure``,
/// ``savings``, ``priority_debts``, ``surplus``, ``contingency``, ``disposable_income``,
/// ``max_affordable_payment`` (exact decimals), ``flag_count`` and ``table``: a pandas (or polars)
/// DataFrame when given one, otherwise a pyarrow Table. An error keeps its kind and field, its value naming the
/// statement (``'statement S-2: ...'``).
///
/// >>> t = assess_many({"statement_id": ["a", "a", "b"], "date": ["2025-06-01"] * 3,
/// ...     "currency": ["GBP"] * 3, "adults": [1, 1, 2], "category": ["earnings", "housing", "earnings"],
/// ...     "amount": [1500, 1000, 2000], "frequency": ["monthly"] * 3})
/// >>> t.column("statement_id").to_pylist(), t.column("disposable_income").to_pylist()
/// (['a', 'b'], [Decimal('500.00'), Decimal('2000.00')])
#[pyfunction]
#[pyo3(signature = (table, guidelines = None, *, contingency = None, low_spending_fraction = None,
                    debt_administration_fee = None, rounding = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn assess_many<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    guidelines: Option<&Bound<'py, PyAny>>,
    contingency: Option<&Bound<'py, PyAny>>,
    low_spending_fraction: Option<&Bound<'py, PyAny>>,
    debt_administration_fee: Option<&Bound<'py, PyAny>>,
    rounding: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut progress = progress_arg(progress, "assess_many")?;
    let guidelines = guidelines_arg(guidelines)?;
    let policy = policy_arg(contingency, low_spending_fraction, debt_administration_fee)?;
    let rounding: RoundingMode = rounding_arg(rounding, "rounding")?;
    let (cols, kind) = columns(table)?;
    let column = |name: &'static str, amounts: bool| -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
        match cols.get_item(name)? {
            Some(c) => column_items(&c, name, amounts).map(Some),
            None => Ok(None),
        }
    };
    let mut required = Vec::with_capacity(REQUIRED.len());
    for name in REQUIRED {
        let c = column(name, name == "amount")?
            .ok_or_else(|| invalid("table", name, "a required column is missing"))?;
        required.push(c);
    }
    let rows = required[0].len();
    let mut optional = Vec::with_capacity(COUNTS.len() + 1);
    for name in COUNTS.into_iter().chain(["region"]) {
        optional.push(column(name, false)?);
    }
    for (name, c) in REQUIRED
        .iter()
        .zip(&required)
        .map(|(n, c)| (*n, Some(c)))
        .chain(
            COUNTS
                .into_iter()
                .chain(["region"])
                .zip(optional.iter().map(Option::as_ref)),
        )
    {
        if let Some(c) = c {
            if c.len() != rows {
                return Err(invalid(
                    name,
                    format!("{} values", c.len()),
                    format!("must have as many values as statement_id ({rows})"),
                ));
            }
        }
    }
    let [ids, dates, currencies, adults, categories, amounts, frequencies] = &required[..] else {
        unreachable!("seven required columns");
    };
    let index = PyDict::new(py);
    let mut order: Vec<Py<PyAny>> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    for row in 0..rows {
        let id = &ids[row];
        let k = match index.get_item(id)? {
            Some(k) => k.extract::<usize>()?,
            None => order.len(),
        };
        let name = if k < names.len() {
            names[k].clone()
        } else {
            match id.cast::<PyString>() {
                Ok(s) => s.to_cow()?.into_owned(),
                Err(_) => id.str()?.to_cow()?.into_owned(),
            }
        };
        let read = (|| -> PyResult<RowParts> {
            let mut counts = [0u32; 7];
            counts[0] = int_arg(&adults[row], "adults")?;
            for (i, c) in optional.iter().take(COUNTS.len()).enumerate() {
                if let Some(v) = c.as_ref().map(|c| &c[row]).filter(|v| !v.is_none()) {
                    counts[i + 1] = int_arg(v, COUNTS[i])?;
                }
            }
            let region = match optional[COUNTS.len()]
                .as_ref()
                .map(|c| &c[row])
                .filter(|v| !v.is_none())
            {
                Some(r) => Some(str_arg(r, "region")?),
                None => None,
            };
            let item = if categories[row].is_none() {
                None
            } else {
                Some((
                    name_arg::<Category>(&categories[row], "category")?,
                    decimal_arg(&amounts[row], "amount")?,
                    frequency_arg(&frequencies[row], "frequency")?,
                ))
            };
            Ok((
                date_arg(&dates[row], "date")?,
                currency_arg(&currencies[row], "currency")?,
                counts,
                region,
                item,
            ))
        })();
        let (date, currency, counts, region, item) =
            read.map_err(|e| in_statement(py, e, &name))?;
        if k == order.len() {
            index.set_item(id, k)?;
            order.push(id.clone().unbind());
            names.push(name);
            pending.push(Pending {
                date,
                currency,
                counts,
                region,
                items: Vec::new(),
            });
        } else {
            let p = &pending[k];
            let differs = if p.date != date {
                Some(("date", date.to_string()))
            } else if p.currency != currency {
                Some(("currency", currency.to_string()))
            } else if p.counts != counts || p.region != region {
                Some(("household", format!("row {row}")))
            } else {
                None
            };
            if let Some((field, value)) = differs {
                return Err(in_statement(
                    py,
                    invalid(field, value, "differs from the statement's first row"),
                    &name,
                ));
            }
        }
        if let Some(item) = item {
            pending[k].items.push(item);
        }
    }
    let guidelines = guidelines.as_ref();
    let built = py.detach(|| {
        pending
            .into_iter()
            .enumerate()
            .map(|(k, p)| {
                let [a, c16, c18, other, non, aged, vehicles] = p.counts;
                let h: Household =
                    household(a, c16, c18, other, non, aged, vehicles, p.region.as_deref())
                        .map_err(|e| (k, e))?;
                let items = p
                    .items
                    .into_iter()
                    .map(|(c, amount, f)| Item::new(c, amount, f))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| (k, e))?;
                Statement::with_rounding(p.date, p.currency, h, items, rounding).map_err(|e| (k, e))
            })
            .collect::<Result<Vec<_>, (usize, Error)>>()
    });
    let at = |(k, e): (usize, Error)| {
        let name = names.get(k).cloned().unwrap_or_default();
        in_statement(py, raise(e), &name)
    };
    let statements = built.map_err(at)?;
    let assess_one = |s: &Statement| assess(s, guidelines, &policy);
    let assessments = par_map_detached(
        py,
        &statements,
        STATEMENTS_PER_THREAD,
        assess_one,
        progress.as_mut(),
    )?
    .map_err(at)?;
    let a = &assessments;
    let amounts =
        |f: fn(&Assessment) -> Decimal| Column::Decimal(a.iter().map(|x| Some(f(x))).collect(), 0);
    let mut t = Table::default();
    t.add("statement_id", Column::Objects(order))
        .add("income", amounts(|x| x.income))
        .add("expenditure", amounts(|x| x.expenditure))
        .add(
            "allowable_expenditure",
            amounts(|x| x.allowable_expenditure),
        )
        .add("savings", amounts(|x| x.savings))
        .add("priority_debts", amounts(|x| x.priority_debts))
        .add("surplus", amounts(|x| x.surplus))
        .add("contingency", amounts(|x| x.contingency))
        .add("disposable_income", amounts(|x| x.disposable_income))
        .add(
            "max_affordable_payment",
            amounts(|x| x.max_affordable_payment()),
        )
        .add(
            "flag_count",
            Column::Int(
                a.iter()
                    .map(|x| i64::try_from(x.flags.len()).ok())
                    .collect(),
            ),
        )
        .add(
            "table",
            Column::Text(a.iter().map(|x| x.table.clone()).collect()),
        );
    to_table(py, &t, "assess_many", kind, false)
}
