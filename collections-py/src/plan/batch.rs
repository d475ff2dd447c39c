//! `score_many` and `forecast_portfolio`: a long table of promises (one row per promise, the plan's
//! columns repeated on each of its rows) in, a table out; the cells read from the Arrow arrays and the
//! plans built and scored without the GIL, on every core.

use std::collections::HashMap;

use arrow_array::{make_array, ArrayRef};
use arrow_data::transform::MutableArrayData;
use chrono::NaiveDate;
use collections_core::affordability::Debt;
use collections_core::plan::{
    forecast as core_forecast, Arrangement, ForecastRow, PlanScore, PlanTerms, Probabilities,
    Promise, Scorer,
};
use collections_core::{Currency, Error, RoundingMode};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use super::score::period_arg;
use crate::arrow::{give_back, prefixed, InputColumn, InputTable, OutputTable};
use crate::convert::{date_arg, decimal_arg};
use crate::debt::rounding_arg;
use crate::debt::table::float_money_arg;
use crate::errors::{raise, CoreResultExt};
use crate::schedule::{error_text, errors_arg, float_rounding_arg};
use crate::threads::{par_map_detached, progress_arg, Progress};

/// The columns a promises table must have.
const REQUIRED: [&str; 6] = [
    "plan_id",
    "date",
    "amount",
    "currency",
    "balance",
    "start_date",
];

/// Plans below this many per thread are read, built and scored on one thread.
const PLANS_PER_THREAD: usize = 256;

/// One plan as read: its head (from its first row), its promises and their probabilities.
#[derive(Debug)]
struct PlanRows {
    currency: Currency,
    balance: Decimal,
    start_date: NaiveDate,
    income: Option<Decimal>,
    promises: Vec<Promise>,
    probabilities: Option<Vec<Decimal>>,
}

/// A group's key: its id as text or as a whole number.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Key<'a> {
    Text(&'a str),
    Int(i64),
}

/// The groups of a long table (plans, statements): each group's rows in table order, in the order
/// their ids first appear, and each group's name (its id as text, for errors and debt ids).
#[derive(Debug)]
pub(crate) struct Groups {
    /// Each group's rows, its first row first.
    pub rows: Vec<Vec<usize>>,
    /// Each group's id as text.
    pub names: Vec<String>,
}

impl Groups {
    /// Groups the `rows` rows of `ids` (text or whole numbers): a null or another kind of id is an
    /// error naming the column and the row.
    pub fn of(ids: &InputColumn, rows: usize) -> Result<Groups, Error> {
        let mut index: HashMap<Key<'_>, usize> = HashMap::new();
        let mut groups = Groups {
            rows: Vec::new(),
            names: Vec::new(),
        };
        for row in 0..rows {
            let key = match ids.str(row) {
                Ok(Some(s)) => Key::Text(s),
                Ok(None) => return Err(ids.null(row)),
                Err(text_error) => match ids.int(row) {
                    Ok(Some(i)) => Key::Int(i),
                    Ok(None) => return Err(ids.null(row)),
                    Err(_) => return Err(text_error),
                },
            };
            let next = groups.rows.len();
            let k = *index.entry(key).or_insert(next);
            if k == next {
                groups.rows.push(Vec::new());
                groups.names.push(ids.show(row));
            }
            groups.rows[k].push(row);
        }
        Ok(groups)
    }

    /// Each group's first row.
    pub fn first_rows(&self) -> Vec<usize> {
        self.rows.iter().map(|r| r[0]).collect()
    }
}

/// The rows `rows` of `ids` after `nulls` nulls (the period rows of a forecast).
fn ids_after_nulls(ids: &InputColumn, nulls: usize, rows: &[usize]) -> Result<ArrayRef, Error> {
    let data = ids.array().to_data();
    let mut out = MutableArrayData::new(vec![&data], true, nulls + rows.len());
    let overflow = |e: arrow_schema::ArrowError| Error::InvalidArgument {
        field: "plan_id",
        value: format!("{} rows", rows.len()),
        reason: e.to_string(),
    };
    out.try_extend_nulls(nulls).map_err(overflow)?;
    for &r in rows {
        out.try_extend(0, r, r + 1).map_err(overflow)?;
    }
    Ok(make_array(out.freeze()))
}

/// The currency of the code at `row` of `column` (an error naming `currency` and the row); `last`
/// keeps the last code read, which a group's rows repeat, so it is looked up once per group.
pub(crate) fn currency_at<'a>(
    column: &'a InputColumn,
    row: usize,
    last: &mut Option<(&'a str, Currency)>,
) -> Result<Currency, Error> {
    let code = column.require_str(row)?;
    if let Some((c, currency)) = *last {
        if c == code {
            return Ok(currency);
        }
    }
    let currency = Currency::from_code(code)
        .map_err(|e| prefixed(e.with_field("currency"), &format!("row {row}")))?;
    *last = Some((code, currency));
    Ok(currency)
}

/// The columns of a promises table.
struct PromiseColumns {
    ids: InputColumn,
    dates: InputColumn,
    amounts: InputColumn,
    currencies: InputColumn,
    balances: InputColumn,
    starts: InputColumn,
    probability: Option<InputColumn>,
    income: Option<InputColumn>,
}

impl PromiseColumns {
    /// The columns of `table` (see `score_many`), its `disposable_income` when `with_income`.
    fn of(table: &InputTable, with_income: bool) -> PyResult<PromiseColumns> {
        let mut required = Vec::with_capacity(REQUIRED.len());
        for name in REQUIRED {
            required.push(table.required(name, "table")?);
        }
        let probability = table.column("probability")?;
        let income = if with_income {
            table.column("disposable_income")?
        } else {
            None
        };
        let mut required = required.into_iter();
        let mut next = || {
            required.next().ok_or_else(|| {
                raise(Error::InvalidArgument {
                    field: "table",
                    value: String::from("plan_id"),
                    reason: String::from("a required column is missing"),
                })
            })
        };
        Ok(PromiseColumns {
            ids: next()?,
            dates: next()?,
            amounts: next()?,
            currencies: next()?,
            balances: next()?,
            starts: next()?,
            probability,
            income,
        })
    }

    /// The plan `name` of rows `rows`: each row read (amounts to the currency's minor units, floats
    /// rounded by `floats` when named), its head checked against the first row's.
    fn plan(
        &self,
        name: &str,
        rows: &[usize],
        floats: Option<RoundingMode>,
    ) -> Result<PlanRows, Error> {
        let mut plan: Option<PlanRows> = None;
        let mut code = None;
        for &row in rows {
            let at_row = |e: Error| prefixed(e, &format!("row {row}"));
            let currency = currency_at(&self.currencies, row, &mut code)?;
            let money = floats.map(|m| (m, currency.minor_units()));
            let promise = Promise::new(
                self.dates.require_date(row)?,
                self.amounts.require_decimal(row, money)?,
            );
            let p = match &self.probability {
                Some(c) => {
                    let p = c.require_decimal(row, None)?;
                    // The core's range check of a probability (0 to 1), named for the column.
                    Probabilities::ConstantHazard(p)
                        .validate()
                        .map_err(|e| at_row(e.with_field("probability")))?;
                    Some(p)
                }
                None => None,
            };
            let balance = self.balances.require_decimal(row, money)?;
            let start_date = self.starts.require_date(row)?;
            let income = match &self.income {
                Some(c) => c.decimal(row, money)?,
                None => None,
            };
            let Some(head) = plan.as_mut() else {
                plan = Some(PlanRows {
                    currency,
                    balance,
                    start_date,
                    income,
                    promises: vec![promise],
                    probabilities: p.map(|p| vec![p]),
                });
                continue;
            };
            let differs = if head.currency != currency {
                Some(("currency", currency.to_string()))
            } else if head.balance != balance {
                Some(("balance", balance.to_string()))
            } else if head.start_date != start_date {
                Some(("start_date", start_date.to_string()))
            } else if head.income != income {
                let shown = income.map_or_else(|| "None".to_string(), |d| d.to_string());
                Some(("disposable_income", shown))
            } else {
                None
            };
            if let Some((field, value)) = differs {
                return Err(Error::InvalidArgument {
                    field,
                    value: format!("row {row}: {value}"),
                    reason: format!("differs from the first row of plan {name}"),
                });
            }
            head.promises.push(promise);
            if let (Some(list), Some(p)) = (head.probabilities.as_mut(), p) {
                list.push(p);
            }
        }
        plan.ok_or_else(|| Error::InvalidArgument {
            field: "plan_id",
            value: name.to_string(),
            reason: String::from("a plan has no rows"),
        })
    }
}

/// The arrangement of a plan as read: one debt (its id the plan's) of the plan's balance, interest and
/// fees frozen, no down payment.
fn build(name: &str, p: &PlanRows) -> Result<(Arrangement, Probabilities), Error> {
    let terms = PlanTerms::new(p.currency, vec![Debt::new(name, p.balance)], p.start_date);
    let plan = Arrangement::from_promises(&terms, None, p.promises.clone())?;
    let probabilities = match &p.probabilities {
        Some(list) => Probabilities::PerInstallment(list.clone()),
        None => Probabilities::Certain,
    };
    probabilities.for_promises(p.promises.len())?;
    Ok((plan, probabilities))
}

/// A promises table as read: its columns, its plans, and what each plan gave (`f` of it, or with
/// `errors='column'` its error).
struct Scored<R> {
    columns: PromiseColumns,
    groups: Groups,
    results: Vec<Result<R, Error>>,
}

/// Reads the plans of `promises` and gives `f` of each (as read, its arrangement and probabilities
/// built), on the threads of `set_threads` without the GIL, `progress` told of each; with `by_plan`
/// every plan's own result (a failure kept), else the first bad plan's error raised. A core error of
/// a plan built has its value led by the plan (`'plan P-2: ...'`); a bad cell by its row.
fn per_plan<R: Send>(
    py: Python<'_>,
    table: &InputTable,
    with_income: bool,
    floats: Option<RoundingMode>,
    by_plan: bool,
    f: impl Fn(&PlanRows, Arrangement, Probabilities) -> Result<R, Error> + Sync,
    progress: Option<&mut Progress>,
) -> PyResult<Scored<R>> {
    let columns = PromiseColumns::of(table, with_income)?;
    let groups = py
        .detach(|| Groups::of(&columns.ids, table.rows()))
        .or_raise()?;
    let work: Vec<usize> = (0..groups.rows.len()).collect();
    let one = |&k: &usize| {
        let name = &groups.names[k];
        let result = columns.plan(name, &groups.rows[k], floats).and_then(|p| {
            build(name, &p)
                .and_then(|(a, probabilities)| f(&p, a, probabilities))
                .map_err(|e| prefixed(e, &format!("plan {name}")))
        });
        match result {
            Ok(r) => Ok(Ok(r)),
            Err(e) if by_plan => Ok(Err(e)),
            Err(e) => Err(e),
        }
    };
    let results =
        par_map_detached(py, &work, PLANS_PER_THREAD, one, progress)?.map_err(|(_, e)| raise(e))?;
    Ok(Scored {
        columns,
        groups,
        results,
    })
}

/// The `error` column of per-group results: each failure as `'<field>: <message>'`, null for a
/// success.
pub(crate) fn error_strings<R>(results: &[Result<R, Error>]) -> Vec<Option<String>> {
    results
        .iter()
        .map(|r| r.as_ref().err().map(error_text))
        .collect()
}

/// Scores every plan of a long table of promises: a pandas DataFrame, a pyarrow Table or a dict of
/// columns, one row per promise in date order, with the columns ``plan_id``, ``date``, ``amount``,
/// and the plan's ``currency``, ``balance`` and ``start_date`` repeated on each of its rows (they
/// must agree: a plan whose rows disagree on ``currency`` is an error naming ``currency`` and the
/// plan); optionally ``probability`` (each promise's, from 0 to 1; certain when the column is
/// absent) and ``disposable_income`` (the plan's, monthly; ``None`` or absent for none). Each plan is
/// one debt of its balance, interest and fees frozen, no down payment, scored as ``Scorer(discount_rate,
/// rounding=rounding).score`` does. Amounts are Decimals, ints, str or a pyarrow decimal128 column; a
/// float column is refused unless ``float_rounding`` names the rounding mode that brings each float to
/// the currency's minor units (the package's "Money in columns").
///
/// The table is taken as Arrow arrays (a polars DataFrame too, given back as one); the cells are read,
/// the plans built and scored without the GIL on the threads of ``set_threads``; ``progress`` (``None``, ``True`` for a tqdm bar, or a callable) is told
/// ``(done, total)`` plans from the calling thread, at most 100 times.
/// Returns one row per plan, in the order their ids first appear: ``plan_id``, ``total``,
/// ``promises``, ``duration_days``, ``npv``, ``recovery_ratio``, ``largest_monthly_payment``,
/// ``payment_to_income``, ``expected_value``, ``expected_npv`` (exact decimals, or float64 with
/// ``money='float64'``): a pandas (or polars) DataFrame when given one, otherwise a pyarrow Table. A missing
/// column is an ``InvalidArgumentError`` naming ``table``; a null or bad cell one naming its column,
/// the value led by its row (``'row 4: None'``); a plan the core refuses keeps its error's kind and
/// field, the value led by the plan (``'plan P-2: promise #1 on 2026-01-01'``). The error raised is
/// the first bad plan's (in the order the ids first appear), and within it its first bad row's. With
/// ``errors='column'`` a bad cell, a row disagreeing with its plan's first row or a plan the core
/// refuses raises nothing: that plan's result cells are null and a last column, ``error``, holds
/// ``'<field>: <message>'`` (null for the plans scored); a missing column, a column of the wrong
/// length or a ``plan_id`` that is null or neither text nor a whole number still raise.
///
/// >>> t = score_many({"plan_id": ["a", "a", "b"], "date": ["2026-01-01", "2026-02-01", "2026-01-01"],
/// ...     "amount": [100, 100, 50], "currency": ["USD"] * 3, "balance": [200, 200, 50],
/// ...     "start_date": ["2026-01-01"] * 3}, "0")
/// >>> t.column("plan_id").to_pylist(), t.column("npv").to_pylist()
/// (['a', 'b'], [Decimal('200.00'), Decimal('50.00')])
#[pyfunction]
#[pyo3(signature = (promises, discount_rate, *, rounding = None, float_rounding = None,
                    errors = None, money = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn score_many<'py>(
    py: Python<'py>,
    promises: &Bound<'py, PyAny>,
    discount_rate: &Bound<'py, PyAny>,
    rounding: Option<&Bound<'py, PyAny>>,
    float_rounding: Option<&Bound<'py, PyAny>>,
    errors: Option<&Bound<'py, PyAny>>,
    money: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut progress = progress_arg(progress, "score_many")?;
    let by_plan = errors_arg(errors)?;
    let float_money = float_money_arg(money)?;
    let rate = decimal_arg(discount_rate, "discount_rate")?;
    let scorer = Scorer::new(rate, None, rounding_arg(rounding, "rounding")?).or_raise()?;
    let floats = float_rounding_arg(float_rounding)?;
    let table = InputTable::read(promises, "table")?;
    let score_one = |p: &PlanRows, plan: Arrangement, probabilities: Probabilities| match p.income {
        // A clone shares the scorer's discount table (one table for every plan).
        Some(_) => scorer
            .clone()
            .with_disposable_income(p.income)
            .score(&plan, &probabilities),
        None => scorer.score(&plan, &probabilities),
    };
    let scored = per_plan(
        py,
        &table,
        true,
        floats,
        by_plan,
        score_one,
        progress.as_mut(),
    )?;
    let out = py.detach(|| score_table(&scored, by_plan)).or_raise()?;
    give_back(py, out, table.kind(), float_money, "score_many")
}

/// The table of `score_many`: one row per plan.
fn score_table(scored: &Scored<PlanScore>, by_plan: bool) -> Result<OutputTable, Error> {
    let s: Vec<Option<&PlanScore>> = scored.results.iter().map(|r| r.as_ref().ok()).collect();
    let amounts = |f: fn(&PlanScore) -> Option<Decimal>| -> Vec<Option<Decimal>> {
        s.iter().map(|x| x.and_then(f)).collect()
    };
    let mut t = OutputTable::new();
    t.push(
        "plan_id",
        scored.columns.ids.take(&scored.groups.first_rows())?,
    );
    t.money("total", &amounts(|x| Some(x.total)), 0)?
        .ints(
            "promises",
            s.iter().map(|x| x.map(|x| i64::from(x.promises))).collect(),
        )
        .ints(
            "duration_days",
            s.iter().map(|x| x.map(|x| x.duration_days)).collect(),
        );
    t.money("npv", &amounts(|x| Some(x.npv)), 0)?
        .money("recovery_ratio", &amounts(|x| Some(x.recovery_ratio)), 0)?
        .money(
            "largest_monthly_payment",
            &amounts(|x| Some(x.largest_monthly_payment)),
            0,
        )?
        .money("payment_to_income", &amounts(|x| x.payment_to_income), 0)?
        .money("expected_value", &amounts(|x| Some(x.expected_value)), 0)?
        .money("expected_npv", &amounts(|x| Some(x.expected_npv)), 0)?;
    if by_plan {
        t.strs("error", &error_strings(&scored.results));
    }
    Ok(t)
}

/// The expected cash flows of every plan of a long table of promises (the table of ``score_many``;
/// its ``disposable_income`` column is not read) by ``period`` (``'weekly'`` or ``'monthly'``, the
/// default) from ``from_date``, as ``forecast`` gives them: one row per period, ``period_start``,
/// ``promises``, ``scheduled``, ``expected`` (exact decimals, or float64 with ``money='float64'``); a
/// pandas DataFrame when given one, a polars DataFrame when given one, otherwise a pyarrow Table. The plans are built without the GIL on
/// the threads of ``set_threads``, ``progress`` told ``(done, total)`` plans as ``score_many`` tells
/// it. Float amounts as ``score_many`` takes them, with ``float_rounding``.
///
/// Two currencies are never added: the plans must share one currency, and a plan in another than the
/// first plan's is a ``CurrencyMismatchError`` naming ``currency`` and both plans (``'USD (plan a),
/// EUR (plan b)'``), with ``errors='column'`` too; a plan whose own rows disagree on ``currency`` is
/// an ``InvalidArgumentError`` naming ``currency`` and the plan, as in ``score_many``. With
/// ``errors='column'`` a plan that cannot be read or built is left out of the sums and given a row
/// of its own after the periods: its ``plan_id`` and ``error`` (``'<field>: <message>'``), its other
/// cells null; the table gains the two columns, null on the period rows.
///
/// >>> t = forecast_portfolio({"plan_id": ["a", "a", "b"], "date": ["2026-01-10", "2026-02-10", "2026-01-20"],
/// ...     "amount": [100, 100, 50], "currency": ["USD"] * 3, "balance": [200, 200, 50],
/// ...     "start_date": ["2026-01-01"] * 3, "probability": ["1", "0.5", "1"]}, "2026-01-01")
/// >>> t.column("scheduled").to_pylist(), t.column("expected").to_pylist()
/// ([Decimal('150'), Decimal('100')], [Decimal('150.00'), Decimal('50.00')])
#[pyfunction]
#[pyo3(signature = (promises, from_date, period = None, rounding = None, *, float_rounding = None,
                    errors = None, money = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn forecast_portfolio<'py>(
    py: Python<'py>,
    promises: &Bound<'py, PyAny>,
    from_date: &Bound<'py, PyAny>,
    period: Option<&Bound<'py, PyAny>>,
    rounding: Option<&Bound<'py, PyAny>>,
    float_rounding: Option<&Bound<'py, PyAny>>,
    errors: Option<&Bound<'py, PyAny>>,
    money: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut progress = progress_arg(progress, "forecast_portfolio")?;
    let by_plan = errors_arg(errors)?;
    let float_money = float_money_arg(money)?;
    let from = date_arg(from_date, "from_date")?;
    let period = period_arg(period)?;
    let rounding = rounding_arg(rounding, "rounding")?;
    let floats = float_rounding_arg(float_rounding)?;
    let table = InputTable::read(promises, "table")?;
    let keep = |_: &PlanRows, a: Arrangement, p: Probabilities| Ok((a, p));
    let built = per_plan(py, &table, false, floats, by_plan, keep, progress.as_mut())?;
    let out = py.detach(|| -> Result<OutputTable, Error> {
        // Never two currencies in one sum: the first plan's currency, then the first plan in another.
        let mut first: Option<(Currency, &str)> = None;
        for (b, name) in built.results.iter().zip(&built.groups.names) {
            let Ok((a, _)) = b else { continue };
            match first {
                None => first = Some((a.currency(), name)),
                Some((c, other)) if c != a.currency() => {
                    return Err(Error::CurrencyMismatch {
                        field: "currency",
                        left: format!("{c} (plan {other})"),
                        right: format!("{} (plan {name})", a.currency()),
                    });
                }
                Some(_) => {}
            }
        }
        let good = built.results.iter().filter_map(|b| b.as_ref().ok());
        let f = core_forecast(good.map(|(a, p)| (a, p)), from, period, rounding)?;
        forecast_table(&f, &built, by_plan)
    });
    give_back(
        py,
        out.or_raise()?,
        table.kind(),
        float_money,
        "forecast_portfolio",
    )
}

/// `f` of each forecast row, then `pad` nulls (the rows of the plans left out).
fn padded<T>(
    rows: &[ForecastRow],
    f: impl Fn(&ForecastRow) -> Option<T>,
    pad: usize,
) -> Vec<Option<T>> {
    rows.iter()
        .map(f)
        .chain(std::iter::repeat_with(|| None).take(pad))
        .collect()
}

/// The table of `forecast_portfolio`: one row per period; with `by_plan`, then one row per plan left
/// out (its `plan_id` and `error`, the other cells null).
fn forecast_table<R>(
    f: &collections_core::plan::Forecast,
    built: &Scored<R>,
    by_plan: bool,
) -> Result<OutputTable, Error> {
    let bad: Vec<usize> = if by_plan {
        (0..built.results.len())
            .filter(|&k| built.results[k].is_err())
            .collect()
    } else {
        Vec::new()
    };
    let (r, pad) = (&f.rows, bad.len());
    let mut t = OutputTable::new();
    t.dates("period_start", &padded(r, |x| Some(x.period_start), pad))
        .ints(
            "promises",
            padded(r, |x| i64::try_from(x.promises).ok(), pad),
        );
    t.money("scheduled", &padded(r, |x| Some(x.scheduled), pad), 0)?
        .money("expected", &padded(r, |x| Some(x.expected), pad), 0)?;
    if by_plan {
        let first = built.groups.first_rows();
        let rows: Vec<usize> = bad.iter().map(|&k| first[k]).collect();
        let errors: Vec<Option<String>> = std::iter::repeat_with(|| None)
            .take(r.len())
            .chain(
                bad.iter()
                    .map(|&k| built.results[k].as_ref().err().map(error_text)),
            )
            .collect();
        t.push(
            "plan_id",
            ids_after_nulls(&built.columns.ids, r.len(), &rows)?,
        )
        .strs("error", &errors);
    }
    Ok(t)
}

/// Registers the functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(score_many, m)?)?;
    m.add_function(wrap_pyfunction!(forecast_portfolio, m)?)?;
    Ok(())
}
