//! `score_many` and `forecast_portfolio`: a long table of promises (one row per promise, the plan's
//! columns repeated on each of its rows) in, a table out; the plans built and scored without the GIL,
//! on every core.

use chrono::NaiveDate;
use collections_core::affordability::Debt;
use collections_core::plan::{
    forecast as core_forecast, Arrangement, ForecastRow, PlanScore, PlanTerms, Probabilities,
    Promise, Scorer,
};
use collections_core::{Currency, Error, RoundingMode};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rust_decimal::Decimal;

use super::score::{forecast_table, period_arg};
use crate::affordability::batch::{cell_text, columns, error_text, errors_arg, with_prefix};
use crate::convert::{date_arg, decimal_arg, wrong_type};
use crate::debt::aging::column_items;
use crate::debt::rounding_arg;
use crate::debt::table::{float_money_arg, to_table, Column, Table};
use crate::errors::{invalid, raise, CoreResultExt};
use crate::money::currency_arg;
use crate::schedule::{float_rounding_arg, money_cell};
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

/// Plans below this many per thread are built and scored on one thread.
const PLANS_PER_THREAD: usize = 256;

/// One plan as read: its head (from its first row), its promises and their probabilities.
struct PlanRows {
    currency: Currency,
    balance: Decimal,
    start_date: NaiveDate,
    income: Option<Decimal>,
    promises: Vec<Promise>,
    probabilities: Option<Vec<Decimal>>,
}

/// The plans of a promises table: their ids (as given, in the order they first appear), their names
/// (for errors and debt ids), what was read of each (or, with `errors='column'`, the text of the
/// plan's first error), and whether the table was pandas.
struct Plans {
    ids: Vec<Py<PyAny>>,
    names: Vec<String>,
    rows: Vec<Result<PlanRows, String>>,
    pandas: bool,
}

impl Plans {
    /// Each plan read without error: its index, its name and what was read of it, for the work done
    /// without the GIL.
    fn work(&self) -> Vec<(usize, &str, &PlanRows)> {
        self.names
            .iter()
            .zip(&self.rows)
            .enumerate()
            .filter_map(|(k, (name, p))| p.as_ref().ok().map(|p| (k, name.as_str(), p)))
            .collect()
    }
}

/// A cell that must not be null; errors name the column.
pub(crate) fn cell<'a, 'py>(
    column: &'a [Bound<'py, PyAny>],
    row: usize,
    name: &'static str,
) -> PyResult<&'a Bound<'py, PyAny>> {
    let v = &column[row];
    if v.is_none() {
        return Err(invalid(name, "None", "must not be null"));
    }
    Ok(v)
}

/// One row as read: its promise, its probability, and its plan's currency, balance, start date and
/// income.
type RowParts = (
    Promise,
    Option<Decimal>,
    Currency,
    Decimal,
    NaiveDate,
    Option<Decimal>,
);

/// Reads the plans of a promises table (see `score_many`), with its `disposable_income` column when
/// `with_income`; float amounts only when `floats` names their rounding to minor units. With
/// `by_plan` (`errors='column'`) a bad cell or a row disagreeing with its plan's first row marks the
/// plan and is not raised; a missing column, a column of the wrong length or a bad `plan_id` always
/// raise.
fn read_plans<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    with_income: bool,
    floats: Option<RoundingMode>,
    by_plan: bool,
) -> PyResult<Plans> {
    let (cols, pandas) = columns(table)?;
    let column = |name: &'static str, amounts: bool| -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
        let money = matches!(name, "amount" | "balance" | "disposable_income");
        match cols.get_item(name)? {
            Some(c) => column_items(&c, name, amounts && !(money && floats.is_some())).map(Some),
            None => Ok(None),
        }
    };
    let mut required = Vec::with_capacity(REQUIRED.len());
    for name in REQUIRED {
        let c = column(name, matches!(name, "amount" | "balance"))?
            .ok_or_else(|| invalid("table", name, "a required column is missing"))?;
        required.push(c);
    }
    let probability = column("probability", true)?;
    let income = if with_income {
        column("disposable_income", true)?
    } else {
        None
    };
    let rows = required[0].len();
    let lengths = REQUIRED.into_iter().zip(required.iter().map(Some)).chain([
        ("probability", probability.as_ref()),
        ("disposable_income", income.as_ref()),
    ]);
    for (name, c) in lengths {
        if let Some(c) = c.filter(|c| c.len() != rows) {
            return Err(invalid(
                name,
                format!("{} values", c.len()),
                format!("must have as many values as plan_id ({rows})"),
            ));
        }
    }
    let [ids, dates, amounts, currencies, balances, starts] = &required[..] else {
        unreachable!("six required columns");
    };
    let index = PyDict::new(py);
    let mut plans = Plans {
        ids: Vec::new(),
        names: Vec::new(),
        rows: Vec::new(),
        pandas,
    };
    for row in 0..rows {
        let at_row = |e: PyErr| with_prefix(py, e, &format!("row {row}"));
        let id = cell(ids, row, "plan_id").map_err(at_row)?;
        // An id keys its plan: one Python cannot hash (a list) is refused naming the column.
        let known = index.get_item(id).map_err(|_| {
            at_row(wrong_type(
                id,
                "plan_id",
                "a hashable value (a str or an int)",
            ))
        })?;
        let first = known.is_none();
        let k = match known {
            Some(k) => k.extract::<usize>()?,
            None => {
                let k = plans.ids.len();
                index.set_item(id, k)?;
                plans.ids.push(id.clone().unbind());
                plans.names.push(match id.cast::<PyString>() {
                    Ok(s) => s.to_cow()?.into_owned(),
                    Err(_) => id.str()?.to_cow()?.into_owned(),
                });
                plans.rows.push(Err(String::new()));
                k
            }
        };
        if !first && plans.rows[k].is_err() {
            // A plan already marked bad: its first error stands.
            continue;
        }
        let read = (|| -> PyResult<RowParts> {
            let currency = currency_arg(cell(currencies, row, "currency")?, "currency")?;
            let places = currency.minor_units();
            let money = |v: &Bound<'py, PyAny>, field| money_cell(v, field, floats, places);
            let promise = Promise::new(
                date_arg(cell(dates, row, "date")?, "date")?,
                money(cell(amounts, row, "amount")?, "amount")?,
            );
            let p = match probability.as_ref() {
                Some(c) => {
                    let p = decimal_arg(cell(c, row, "probability")?, "probability")?;
                    // The core's range check of a probability (0 to 1), named for the column.
                    Probabilities::ConstantHazard(p)
                        .validate()
                        .or_raise_as(&[("hazard", "probability")])?;
                    Some(p)
                }
                None => None,
            };
            let balance = money(cell(balances, row, "balance")?, "balance")?;
            let start = date_arg(cell(starts, row, "start_date")?, "start_date")?;
            let income = match income.as_ref().map(|c| &c[row]).filter(|v| !v.is_none()) {
                Some(v) => Some(money(v, "disposable_income")?),
                None => None,
            };
            Ok((promise, p, currency, balance, start, income))
        })();
        let (promise, p, currency, balance, start_date, income) = match read {
            Ok(parts) => parts,
            Err(e) if by_plan => {
                plans.rows[k] = Err(error_text(py, e, Some(&format!("row {row}")))?);
                continue;
            }
            Err(e) => return Err(at_row(e)),
        };
        if first {
            plans.rows[k] = Ok(PlanRows {
                currency,
                balance,
                start_date,
                income,
                promises: Vec::new(),
                probabilities: probability.as_ref().map(|_| Vec::new()),
            });
        }
        let Ok(plan) = plans.rows[k].as_mut() else {
            continue;
        };
        let differs = if plan.currency != currency {
            Some(("currency", currency.to_string()))
        } else if plan.balance != balance {
            Some(("balance", balance.to_string()))
        } else if plan.start_date != start_date {
            Some(("start_date", start_date.to_string()))
        } else if plan.income != income {
            let shown = income.map_or_else(|| "None".to_string(), |d| d.to_string());
            Some(("disposable_income", shown))
        } else {
            None
        };
        if let Some((field, value)) = differs {
            let err = invalid(
                field,
                format!("row {row}: {value}"),
                format!("differs from the first row of plan {}", plans.names[k]),
            );
            if !by_plan {
                return Err(err);
            }
            plans.rows[k] = Err(error_text(py, err, None)?);
            continue;
        }
        plan.promises.push(promise);
        if let (Some(list), Some(p)) = (plan.probabilities.as_mut(), p) {
            list.push(p);
        }
    }
    Ok(plans)
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

/// The text of a plan's `error` cell for a core error.
fn core_error_text(e: &Error) -> String {
    cell_text(Some(e.field()), &e.to_string(), None)
}

/// `f` of every plan read without error, on the threads of `set_threads` without the GIL, `progress`
/// told of each; with `by_plan` every plan's own result (a failure kept as its `error` text), else
/// the first failure in plan order raised, led by the plan's id.
fn per_plan<R: Send>(
    py: Python<'_>,
    plans: &Plans,
    by_plan: bool,
    f: impl Fn(&str, &PlanRows) -> Result<R, Error> + Sync,
    progress: Option<&mut Progress>,
) -> PyResult<Vec<Result<R, String>>> {
    let work = plans.work();
    let one = |(_, name, p): &(usize, &str, &PlanRows)| match f(name, p) {
        Ok(r) => Ok(Ok(r)),
        Err(e) if by_plan => Ok(Err(core_error_text(&e))),
        Err(e) => Err(e),
    };
    let done =
        par_map_detached(py, &work, PLANS_PER_THREAD, one, progress)?.map_err(|(i, e)| {
            let name = work.get(i).map_or("", |w| w.1);
            with_prefix(py, raise(e), &format!("plan {name}"))
        })?;
    // Back in plan order, the plans marked while reading keeping their error.
    let mut done = done.into_iter();
    Ok(plans
        .rows
        .iter()
        .map(|p| match p {
            Ok(_) => done.next().unwrap_or_else(|| Err(String::new())),
            Err(text) => Err(text.clone()),
        })
        .collect())
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
/// The table is read with the GIL held, then the plans are built and scored without it on the threads
/// of ``set_threads``; ``progress`` (``None``, ``True`` for a tqdm bar, or a callable) is told
/// ``(done, total)`` plans from the calling thread, at most 100 times.
/// Returns one row per plan, in the order their ids first appear: ``plan_id``, ``total``,
/// ``promises``, ``duration_days``, ``npv``, ``recovery_ratio``, ``largest_monthly_payment``,
/// ``payment_to_income``, ``expected_value``, ``expected_npv`` (exact decimals, or float64 with
/// ``money='float64'``): a pandas DataFrame when given one, otherwise a pyarrow Table. A missing
/// column is an ``InvalidArgumentError`` naming ``table``; a null or bad cell one naming its column,
/// the value led by its row (``'row 4: None'``); a plan the core refuses keeps its error's kind and
/// field, the value led by the plan (``'plan P-2: promise #1 on 2026-01-01'``). With
/// ``errors='column'`` a bad cell, a row disagreeing with its plan's first row or a plan the core
/// refuses raises nothing: that plan's result cells are null and a last column, ``error``, holds
/// ``'<field>: <message>'`` (null for the plans scored); a missing column, a column of the wrong
/// length or a null or unhashable ``plan_id`` still raise.
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
    let plans = read_plans(
        py,
        promises,
        true,
        float_rounding_arg(float_rounding)?,
        by_plan,
    )?;
    let score_one = |name: &str, p: &PlanRows| {
        let (plan, probabilities) = build(name, p)?;
        match p.income {
            // The shared discount table, copied: building it again for each plan costs more.
            Some(_) => scorer
                .clone()
                .with_disposable_income(p.income)
                .score(&plan, &probabilities),
            None => scorer.score(&plan, &probabilities),
        }
    };
    let scored = per_plan(py, &plans, by_plan, score_one, progress.as_mut())?;
    let s: Vec<Option<&PlanScore>> = scored.iter().map(|r| r.as_ref().ok()).collect();
    let amounts =
        |f: fn(&PlanScore) -> Decimal| Column::Decimal(s.iter().map(|x| x.map(f)).collect(), 0);
    let mut t = Table::default();
    t.add(
        "plan_id",
        Column::Objects(plans.ids.iter().map(|i| i.clone_ref(py)).collect()),
    )
    .add("total", amounts(|x| x.total))
    .add(
        "promises",
        Column::Int(s.iter().map(|x| x.map(|x| i64::from(x.promises))).collect()),
    )
    .add(
        "duration_days",
        Column::Int(s.iter().map(|x| x.map(|x| x.duration_days)).collect()),
    )
    .add("npv", amounts(|x| x.npv))
    .add("recovery_ratio", amounts(|x| x.recovery_ratio))
    .add(
        "largest_monthly_payment",
        amounts(|x| x.largest_monthly_payment),
    )
    .add(
        "payment_to_income",
        Column::Decimal(
            s.iter()
                .map(|x| x.and_then(|x| x.payment_to_income))
                .collect(),
            0,
        ),
    )
    .add("expected_value", amounts(|x| x.expected_value))
    .add("expected_npv", amounts(|x| x.expected_npv));
    if by_plan {
        t.add("error", error_column(&scored));
    }
    to_table(py, &t, "score_many", plans.pandas, float_money)
}

/// The `error` column of per-group results: each failure's text, null for a success.
pub(crate) fn error_column<R>(results: &[Result<R, String>]) -> Column {
    Column::Text(results.iter().map(|r| r.as_ref().err().cloned()).collect())
}

/// The expected cash flows of every plan of a long table of promises (the table of ``score_many``;
/// its ``disposable_income`` column is not read) by ``period`` (``'weekly'`` or ``'monthly'``, the
/// default) from ``from_date``, as ``forecast`` gives them: one row per period, ``period_start``,
/// ``promises``, ``scheduled``, ``expected`` (exact decimals, or float64 with ``money='float64'``); a
/// pandas DataFrame when given one, otherwise a pyarrow Table. The plans are built without the GIL on
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
    let plans = read_plans(
        py,
        promises,
        false,
        float_rounding_arg(float_rounding)?,
        by_plan,
    )?;
    let built = per_plan(py, &plans, by_plan, build, progress.as_mut())?;
    // Never two currencies in one sum: the first plan's currency, then the first plan in another.
    let mut first: Option<(Currency, &str)> = None;
    for (b, name) in built.iter().zip(&plans.names) {
        let Ok((a, _)) = b else { continue };
        match first {
            None => first = Some((a.currency(), name)),
            Some((c, other)) if c != a.currency() => {
                return Err(raise(Error::CurrencyMismatch {
                    field: "currency",
                    left: format!("{c} (plan {other})"),
                    right: format!("{} (plan {name})", a.currency()),
                }));
            }
            Some(_) => {}
        }
    }
    let good = built.iter().filter_map(|b| b.as_ref().ok());
    let f = py
        .detach(|| core_forecast(good.map(|(a, p)| (a, p)), from, period, rounding))
        .or_raise()?;
    if !by_plan {
        return to_table(
            py,
            &forecast_table(&f),
            "forecast_portfolio",
            plans.pandas,
            float_money,
        );
    }
    // The periods, then one row per plan left out.
    let bad: Vec<(usize, &String)> = built
        .iter()
        .enumerate()
        .filter_map(|(k, b)| b.as_ref().err().map(|e| (k, e)))
        .collect();
    let r = &f.rows;
    let pad = bad.len();
    let mut t = Table::default();
    t.add(
        "period_start",
        Column::Date(padded(r, |x| Some(x.period_start), pad)),
    )
    .add(
        "promises",
        Column::Int(padded(r, |x| i64::try_from(x.promises).ok(), pad)),
    )
    .add(
        "scheduled",
        Column::Decimal(padded(r, |x| Some(x.scheduled), pad), 0),
    )
    .add(
        "expected",
        Column::Decimal(padded(r, |x| Some(x.expected), pad), 0),
    )
    .add(
        "plan_id",
        Column::Objects(
            r.iter()
                .map(|_| py.None())
                .chain(bad.iter().map(|(k, _)| plans.ids[*k].clone_ref(py)))
                .collect(),
        ),
    )
    .add(
        "error",
        Column::Text(
            r.iter()
                .map(|_| None)
                .chain(bad.iter().map(|(_, e)| Some((*e).clone())))
                .collect(),
        ),
    );
    to_table(py, &t, "forecast_portfolio", plans.pandas, float_money)
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

/// Registers the functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(score_many, m)?)?;
    m.add_function(wrap_pyfunction!(forecast_portfolio, m)?)?;
    Ok(())
}
