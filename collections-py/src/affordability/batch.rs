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
use crate::calendar::frequency_arg;
use crate::convert::{date_arg, int_arg, str_arg, wrong_type};
use crate::debt::aging::column_items;
use crate::debt::table::{float_money_arg, to_table, Column, Table};
use crate::debt::{name_arg, rounding_arg};
use crate::errors::{invalid, raise};
use crate::money::currency_arg;
use crate::plan::batch::error_column;
use crate::schedule::{float_rounding_arg, money_cell};
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

/// The `errors` argument of a batch call: `None` or `'raise'` (the first bad row or group raises, the
/// default) or `'column'` (each bad group's result cells null and its error in an `error` column);
/// whether it was `'column'`.
pub(crate) fn errors_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
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

/// The text of an `error` cell for `err` (a `CollectionsError`): `'<field>: <message>'`, `lead`
/// (`'row 4'`) put after the field; another exception is given back to be raised.
pub(crate) fn error_text(py: Python<'_>, err: PyErr, lead: Option<&str>) -> PyResult<String> {
    let value = err.value(py);
    let errors = py.import("collections_core._errors")?;
    if !value.is_instance(&errors.getattr("CollectionsError")?)? {
        return Err(err);
    }
    let field: Option<String> = value.getattr("field")?.extract()?;
    let message = value.str()?.to_cow()?.into_owned();
    Ok(cell_text(field.as_deref(), &message, lead))
}

/// `'<field>: <lead>: <message>'`, the message's own leading `'<field>: '` not repeated.
pub(crate) fn cell_text(field: Option<&str>, message: &str, lead: Option<&str>) -> String {
    let field = field.unwrap_or("table");
    let rest = message
        .strip_prefix(field)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(message);
    match lead {
        Some(lead) => format!("{field}: {lead}: {rest}"),
        None => format!("{field}: {rest}"),
    }
}

/// The columns of a pandas DataFrame, a pyarrow Table or a dict of columns, by name; whether it was
/// pandas.
pub(crate) fn columns<'py>(table: &Bound<'py, PyAny>) -> PyResult<(Bound<'py, PyDict>, bool)> {
    if let Ok(d) = table.cast::<PyDict>() {
        return Ok((d.clone(), false));
    }
    if table.hasattr("to_pydict")? && table.hasattr("column_names")? {
        let out = PyDict::new(table.py());
        for name in table.getattr("column_names")?.try_iter()? {
            let name = name?;
            out.set_item(&name, table.call_method1("column", (&name,))?)?;
        }
        return Ok((out, false));
    }
    if table.hasattr("columns")? && table.hasattr("iloc")? {
        let out = PyDict::new(table.py());
        for name in table.getattr("columns")?.try_iter()? {
            let name = name?;
            out.set_item(&name, table.get_item(&name)?)?;
        }
        return Ok((out, true));
    }
    Err(wrong_type(
        table,
        "table",
        "a pandas DataFrame, a pyarrow Table or a dict of columns",
    ))
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
/// The statements are taken in the order their ids first appear, read with the GIL held, then
/// built and assessed without it on the threads of ``set_threads``, against ``guidelines`` with the
/// policy of ``assess``; ``progress`` (``None``, ``True`` for a tqdm bar, or a callable) is told
/// ``(done, total)`` statements from the calling thread, at most 100 times. Returns
/// one row per statement: ``statement_id``, ``income``, ``expenditure``, ``allowable_expenditure``,
/// ``savings``, ``priority_debts``, ``surplus``, ``contingency``, ``disposable_income``,
/// ``max_affordable_payment`` (exact decimals, or float64 with ``money='float64'``), ``flag_count``
/// and ``table``: a pandas DataFrame when given one, otherwise a pyarrow Table. An error keeps its
/// kind and field, its value naming the statement (``'statement S-2: ...'``). With
/// ``errors='column'`` a bad cell, a row disagreeing with its statement's first row or a statement
/// the core refuses raises nothing: that statement's result cells are null and a last column,
/// ``error``, holds ``'<field>: <message>'`` (null for the statements assessed); a missing column or
/// a column of the wrong length still raise.
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
    let (cols, pandas) = columns(table)?;
    let column = |name: &'static str, amounts: bool| -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
        match cols.get_item(name)? {
            Some(c) => column_items(&c, name, amounts).map(Some),
            None => Ok(None),
        }
    };
    let mut required = Vec::with_capacity(REQUIRED.len());
    for name in REQUIRED {
        let c = column(name, name == "amount" && floats.is_none())?
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
    // Each statement as read, or (errors='column') the text of its first error.
    let mut pending: Vec<Result<Pending, String>> = Vec::new();
    for row in 0..rows {
        let id = &ids[row];
        let known = index.get_item(id)?;
        let first = known.is_none();
        let k = match known {
            Some(k) => k.extract::<usize>()?,
            None => {
                let k = order.len();
                index.set_item(id, k)?;
                order.push(id.clone().unbind());
                names.push(match id.cast::<PyString>() {
                    Ok(s) => s.to_cow()?.into_owned(),
                    Err(_) => id.str()?.to_cow()?.into_owned(),
                });
                pending.push(Err(String::new()));
                k
            }
        };
        if !first && pending[k].is_err() {
            // A statement already marked bad: its first error stands.
            continue;
        }
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
            let currency = currency_arg(&currencies[row], "currency")?;
            let item = if categories[row].is_none() {
                None
            } else {
                Some((
                    name_arg::<Category>(&categories[row], "category")?,
                    money_cell(&amounts[row], "amount", floats, currency.minor_units())?,
                    frequency_arg(&frequencies[row], "frequency")?,
                ))
            };
            Ok((
                date_arg(&dates[row], "date")?,
                currency,
                counts,
                region,
                item,
            ))
        })();
        let fail = |err: PyErr| -> PyResult<String> {
            if by_statement {
                error_text(py, err, Some(&format!("row {row}")))
            } else {
                Err(in_statement(py, err, &names[k]))
            }
        };
        let (date, currency, counts, region, item) = match read {
            Ok(parts) => parts,
            Err(e) => {
                pending[k] = Err(fail(e)?);
                continue;
            }
        };
        if first {
            pending[k] = Ok(Pending {
                date,
                currency,
                counts,
                region: region.clone(),
                items: Vec::new(),
            });
        }
        let Ok(p) = pending[k].as_mut() else {
            continue;
        };
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
            let err = invalid(field, value, "differs from the statement's first row");
            pending[k] = Err(if by_statement {
                error_text(py, err, Some(&format!("row {row}")))?
            } else {
                return Err(in_statement(py, err, &names[k]));
            });
            continue;
        }
        if let Some(item) = item {
            p.items.push(item);
        }
    }
    let guidelines = guidelines.as_ref();
    let assess_one = |p: &Pending| {
        let [a, c16, c18, other, non, aged, vehicles] = p.counts;
        let h: Household = household(a, c16, c18, other, non, aged, vehicles, p.region.as_deref())?;
        let items = p
            .items
            .iter()
            .map(|&(c, amount, f)| Item::new(c, amount, f))
            .collect::<Result<Vec<_>, _>>()?;
        let s = Statement::with_rounding(p.date, p.currency, h, items, rounding)?;
        assess(&s, guidelines, &policy)
    };
    let work: Vec<&Pending> = pending.iter().filter_map(|p| p.as_ref().ok()).collect();
    let one = |p: &&Pending| match assess_one(p) {
        Ok(a) => Ok(Ok(a)),
        Err(e) if by_statement => Ok(Err(cell_text(Some(e.field()), &e.to_string(), None))),
        Err(e) => Err(e),
    };
    let done = par_map_detached(py, &work, STATEMENTS_PER_THREAD, one, progress.as_mut())?
        .map_err(|(k, e): (usize, Error)| {
            // Without errors='column' every statement was read, so `k` is the statement's index.
            let name = names.get(k).cloned().unwrap_or_default();
            in_statement(py, raise(e), &name)
        })?;
    let mut done = done.into_iter();
    let results: Vec<Result<Assessment, String>> = pending
        .iter()
        .map(|p| match p {
            Ok(_) => done.next().unwrap_or_else(|| Err(String::new())),
            Err(text) => Err(text.clone()),
        })
        .collect();
    let a: Vec<Option<&Assessment>> = results.iter().map(|r| r.as_ref().ok()).collect();
    let amounts =
        |f: fn(&Assessment) -> Decimal| Column::Decimal(a.iter().map(|x| x.map(f)).collect(), 0);
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
                    .map(|x| x.and_then(|x| i64::try_from(x.flags.len()).ok()))
                    .collect(),
            ),
        )
        .add(
            "table",
            Column::Text(a.iter().map(|x| x.and_then(|x| x.table.clone())).collect()),
        );
    if by_statement {
        t.add("error", error_column(&results));
    }
    to_table(py, &t, "assess_many", pandas, float_money)
}
