//! Time value of money: numpy-financial's `fv`, `pv`, `pmt`, `nper`, `ipmt`, `ppmt`, `rate`, `npv`,
//! `irr`, `mirr` with its names, argument order, defaults and signs; Excel's `cumipmt`/`cumprinc`; and
//! pyxirr's `xnpv`/`xirr` (dates, then amounts, then a day count). Exposed as `collections_core.finance`.
//!
//! Each call takes one of three paths, chosen by its arguments ([`args`]):
//! - exact: Decimal, int and str in, `decimal.Decimal` out, through `collections_core::finance`, run
//!   detached from the interpreter so other Python threads run meanwhile;
//! - f64: any float among the arguments (or numeric numpy arrays), `float` out, through
//!   `collections_core::finance::float` (analytics: nothing it returns is money);
//! - arrays: a numpy array, list or tuple among the arguments of the row functions broadcasts as in
//!   numpy-financial and returns a numpy array ([`columns`]): float64 for numeric columns, objects
//!   (Decimal) for object columns.
//!
//! Where numpy-financial returns NaN, these raise `NoSolutionError`, or the error of the first bad row of
//! an array, naming its index.
//!
//! The annual percentage rates (Regulation Z's APR and the EU APRC, with their result classes) are in
//! [`apr`].

use chrono::NaiveDate;
use collections_core::finance::float::{self, Column, RowError};
use collections_core::finance::{self, When};
use collections_core::{DayCount, Error};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};
use rust_decimal::Decimal;

use crate::calendar::day_count_arg;
use crate::convert::{dates_arg, decimal_arg, decimal_out, items_arg, wrong_type};
use crate::errors::{invalid, CoreResultExt};

mod apr;
mod args;
mod columns;
mod simd;

use args::{num_arg, num_or, series_arg, use_float, Num, Series};

/// Runs a core solver without the GIL and returns its result as a `decimal.Decimal`, reporting core
/// fields under the Python argument names in `renames`.
fn solved<'py, F>(
    py: Python<'py>,
    renames: &[(&str, &'static str)],
    solver: F,
) -> PyResult<Bound<'py, PyAny>>
where
    F: FnOnce() -> Result<Decimal, Error> + Send,
{
    let value = py.detach(solver).or_raise_as(renames)?;
    decimal_out(py, value)
}

/// An f64 result as a Python `float`, reporting core fields under the Python argument names.
fn float_out<'py>(
    py: Python<'py>,
    renames: &[(&str, &'static str)],
    value: Result<f64, Error>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(PyFloat::new(py, value.or_raise_as(renames)?).into_any())
}

/// A row function of N numeric arguments: broadcast over arrays (`fast_rows` over float64 columns), or
/// one f64 (`fast`) or one exact solve.
fn row_function<'py, const N: usize>(
    py: Python<'py>,
    args: [Num<'py>; N],
    fields: [&'static str; N],
    exact: impl Fn([Decimal; N]) -> Result<Decimal, Error> + Send + Sync,
    fast: impl Fn([f64; N]) -> Result<f64, Error> + Send + Sync,
    fast_rows: impl for<'a> Fn([Column<'a>; N], &mut [f64]) -> Result<(), RowError> + Sync,
) -> PyResult<Bound<'py, PyAny>> {
    if args.iter().any(|a| matches!(a, Num::Arrow(_))) {
        return columns::arrow_rows(py, args, fields, exact, fast, fast_rows);
    }
    if args.iter().any(|a| matches!(a, Num::Array(_))) {
        return columns::broadcast(py, args, fields, exact, fast_rows);
    }
    if use_float(args.iter().map(Num::kind)) {
        let mut values = [0.0; N];
        for ((value, arg), field) in values.iter_mut().zip(&args).zip(fields) {
            *value = arg.float(field)?;
        }
        // A closed form or a short solve: cheaper than releasing and retaking the GIL.
        return float_out(py, &[], fast(values));
    }
    let mut values = [Decimal::ZERO; N];
    for ((value, arg), field) in values.iter_mut().zip(&args).zip(fields) {
        *value = arg.decimal(field)?;
    }
    solved(py, &[], move || exact(values))
}

/// A single number: the series functions take one rate, not a column of them.
fn single<'py>(obj: &Bound<'py, PyAny>, field: &'static str) -> PyResult<Num<'py>> {
    match num_arg(obj, field)? {
        Num::Array(obj) | Num::Arrow(obj) => Err(wrong_type(
            &obj,
            field,
            "a single number (this function takes one rate, not an array)",
        )),
        scalar => Ok(scalar),
    }
}

/// `when`: `'end'`/`'begin'` (or the core's other names) or numpy-financial's 0/1; `None` is `'end'`.
fn when_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<When> {
    let Some(obj) = obj else {
        return Ok(When::default());
    };
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_cow()?.parse::<When>().or_raise();
    }
    if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        // 0 and 1 parse; any other integer gets the core's message for an unknown `when`.
        return obj.str()?.to_cow()?.parse::<When>().or_raise();
    }
    Err(wrong_type(obj, "when", "'end', 'begin', 0 or 1"))
}

/// numpy-financial's `guess=None`: the solvers' default of 0.1.
const DEFAULT_GUESS: Decimal = Decimal::from_parts(1, 0, 0, false, 1);

/// `day_count=` of `xnpv`/`xirr`: a `DayCount`, or a name taking no parameters; `None` is Actual/365
/// Fixed (Excel's and pyxirr's default).
fn day_count_or_default(obj: Option<&Bound<'_, PyAny>>) -> PyResult<DayCount> {
    obj.map_or(Ok(DayCount::Act365Fixed), |d| day_count_arg(d, "day_count"))
}

/// One amount per date: a length mismatch names the amounts.
fn check_lengths(dates: usize, amounts: usize, amounts_field: &'static str) -> PyResult<()> {
    if dates != amounts {
        return Err(invalid(
            amounts_field,
            format!("{amounts} amounts"),
            format!("need one amount per date ({dates} dates)"),
        ));
    }
    Ok(())
}

/// Dated flows from two iterables of the same length, named `fields` (dates, amounts); a length
/// mismatch names the amounts.
fn flows_arg(
    dates: &Bound<'_, PyAny>,
    amounts: &Bound<'_, PyAny>,
    fields: (&'static str, &'static str),
) -> PyResult<Vec<(NaiveDate, Decimal)>> {
    let (dates_field, amounts_field) = fields;
    let dates = dates_arg(dates, dates_field)?;
    let amounts = items_arg(amounts, amounts_field)?
        .iter()
        .map(|item| decimal_arg(item, amounts_field))
        .collect::<PyResult<Vec<_>>>()?;
    check_lengths(dates.len(), amounts.len(), amounts_field)?;
    Ok(dates.into_iter().zip(amounts).collect())
}

/// Dated flows for `xnpv`/`xirr`: the dates, and the amounts as a series (exact or f64).
fn dated_series(
    dates: &Bound<'_, PyAny>,
    amounts: &Bound<'_, PyAny>,
) -> PyResult<(Vec<NaiveDate>, Series)> {
    let dates = dates_arg(dates, "dates")?;
    let amounts = series_arg(amounts, "amounts")?;
    let count = match &amounts {
        Series::Exact(v) => v.len(),
        Series::Float(v) => v.len(),
        Series::Numeric(v) => v.len(),
    };
    check_lengths(dates.len(), count, "amounts")?;
    Ok((dates, amounts))
}

/// The future value of ``pv`` now and ``nper`` payments of ``pmt`` at ``rate`` per period.
///
/// numpy-financial's ``fv``: money paid out is negative; ``when`` is ``'end'`` (0) or ``'begin'``
/// (1). Decimal, int or str arguments give a ``Decimal``; a float among them gives a ``float``; arrays
/// broadcast and give a numpy array.
///
/// >>> round(fv(Decimal("0.075"), 20, -2000, 0), 6)
/// Decimal('86609.362673')
/// >>> round(fv(0.075, 20, -2000, 0), 6)
/// 86609.362673
#[pyfunction]
#[pyo3(signature = (rate, nper, pmt, pv, when = None), text_signature = "(rate, nper, pmt, pv, when='end')")]
pub fn fv<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    nper: &Bound<'py, PyAny>,
    pmt: &Bound<'py, PyAny>,
    pv: &Bound<'py, PyAny>,
    when: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = [
        num_arg(rate, "rate")?,
        num_arg(nper, "nper")?,
        num_arg(pmt, "pmt")?,
        num_arg(pv, "pv")?,
    ];
    let when = when_arg(when)?;
    row_function(
        py,
        args,
        ["rate", "nper", "pmt", "pv"],
        move |[r, n, p, v]| finance::fv(r, n, p, v, when),
        move |[r, n, p, v]| float::fv(r, n, p, v, when),
        move |[r, n, p, v], out| simd::fv_rows(r, n, p, v, when, out),
    )
}

/// The present value of ``nper`` payments of ``pmt`` and a final ``fv`` at ``rate`` per period.
///
/// numpy-financial's ``pv``: Decimal in, Decimal out; a float gives a float; arrays broadcast.
///
/// >>> round(pv(Decimal("0.07"), 20, 12000), 10)
/// Decimal('-127128.1709461939')
#[pyfunction]
#[pyo3(signature = (rate, nper, pmt, fv = None, when = None), text_signature = "(rate, nper, pmt, fv=0, when='end')")]
pub fn pv<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    nper: &Bound<'py, PyAny>,
    pmt: &Bound<'py, PyAny>,
    fv: Option<&Bound<'py, PyAny>>,
    when: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = [
        num_arg(rate, "rate")?,
        num_arg(nper, "nper")?,
        num_arg(pmt, "pmt")?,
        num_or(fv, "fv", Decimal::ZERO)?,
    ];
    let when = when_arg(when)?;
    row_function(
        py,
        args,
        ["rate", "nper", "pmt", "fv"],
        move |[r, n, p, f]| finance::pv(r, n, p, f, when),
        move |[r, n, p, f]| float::pv(r, n, p, f, when),
        move |[r, n, p, f], out| simd::pv_rows(r, n, p, f, when, out),
    )
}

/// The level payment per period that turns ``pv`` into ``fv`` over ``nper`` periods at ``rate``.
///
/// numpy-financial's ``pmt``: a loan received (positive ``pv``) gives a negative payment. Decimal values
/// hold 28 significant digits, like Python's default decimal context, so ``Decimal("0.08") / 12`` (30
/// places) is rounded to 28 on the way in. A float gives a float (computed in f64, for analytics);
/// arrays broadcast and give a numpy array.
///
/// >>> round(pmt(Decimal("0.08") / 12, 60, 15000), 6)
/// Decimal('-304.145914')
/// >>> round(pmt(Rate("8%").periodic("monthly"), 60, 15000), 6)
/// Decimal('-304.145914')
/// >>> pmt(0, 60, 15000)
/// Decimal('-250')
/// >>> round(pmt(0.08 / 12, 60, 15000), 6)
/// -304.145914
#[pyfunction]
#[pyo3(signature = (rate, nper, pv, fv = None, when = None), text_signature = "(rate, nper, pv, fv=0, when='end')")]
pub fn pmt<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    nper: &Bound<'py, PyAny>,
    pv: &Bound<'py, PyAny>,
    fv: Option<&Bound<'py, PyAny>>,
    when: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = [
        num_arg(rate, "rate")?,
        num_arg(nper, "nper")?,
        num_arg(pv, "pv")?,
        num_or(fv, "fv", Decimal::ZERO)?,
    ];
    let when = when_arg(when)?;
    row_function(
        py,
        args,
        ["rate", "nper", "pv", "fv"],
        move |[r, n, p, f]| finance::pmt(r, n, p, f, when),
        move |[r, n, p, f]| float::pmt(r, n, p, f, when),
        move |[r, n, p, f], out| simd::pmt_rows(r, n, p, f, when, out),
    )
}

/// The number of periods for ``pv`` to reach ``fv`` paying ``pmt`` each period (fractional in general).
///
/// numpy-financial's ``nper``. A payment that never gets there (it does not exceed the interest) raises
/// ``NoSolutionError`` with ``field == 'pmt'`` where numpy-financial returns NaN or infinity. A float
/// gives a float; arrays broadcast.
///
/// >>> round(nper(Decimal("0.075"), -2000, 0, 100000), 7)
/// Decimal('21.5449442')
#[pyfunction]
#[pyo3(signature = (rate, pmt, pv, fv = None, when = None), text_signature = "(rate, pmt, pv, fv=0, when='end')")]
pub fn nper<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    pmt: &Bound<'py, PyAny>,
    pv: &Bound<'py, PyAny>,
    fv: Option<&Bound<'py, PyAny>>,
    when: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = [
        num_arg(rate, "rate")?,
        num_arg(pmt, "pmt")?,
        num_arg(pv, "pv")?,
        num_or(fv, "fv", Decimal::ZERO)?,
    ];
    let when = when_arg(when)?;
    row_function(
        py,
        args,
        ["rate", "pmt", "pv", "fv"],
        move |[r, p, v, f]| finance::nper(r, p, v, f, when),
        move |[r, p, v, f]| float::nper(r, p, v, f, when),
        move |[r, p, v, f], out| simd::nper_rows(r, p, v, f, when, out),
    )
}

/// The interest part of payment number ``per`` (1 to ``nper``) of a level-payment loan.
///
/// numpy-financial's ``ipmt``, with the remaining balance computed so that it cannot cancel: where
/// numpy-financial's floats give 0.0 (its issue #35) this gives the true value, in Decimal and in
/// floats alike. A float gives a float; arrays broadcast.
///
/// >>> round(ipmt(Rate("10%").periodic("monthly"), 1, 24, 2000), 8)
/// Decimal('-16.66666667')
/// >>> round(ipmt(Decimal("0.1479"), 297, 300, Decimal("-270.51")), 4)
/// Decimal('16.9656')
/// >>> round(ipmt(0.1479, 297, 300, -270.51), 4)
/// 16.9656
#[pyfunction]
#[pyo3(signature = (rate, per, nper, pv, fv = None, when = None), text_signature = "(rate, per, nper, pv, fv=0, when='end')")]
pub fn ipmt<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    per: &Bound<'py, PyAny>,
    nper: &Bound<'py, PyAny>,
    pv: &Bound<'py, PyAny>,
    fv: Option<&Bound<'py, PyAny>>,
    when: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = [
        num_arg(rate, "rate")?,
        num_arg(per, "per")?,
        num_arg(nper, "nper")?,
        num_arg(pv, "pv")?,
        num_or(fv, "fv", Decimal::ZERO)?,
    ];
    let when = when_arg(when)?;
    row_function(
        py,
        args,
        ["rate", "per", "nper", "pv", "fv"],
        move |[r, k, n, p, f]| finance::ipmt(r, k, n, p, f, when),
        move |[r, k, n, p, f]| float::ipmt(r, k, n, p, f, when),
        move |[r, k, n, p, f], out| simd::ipmt_rows(r, k, n, p, f, when, out),
    )
}

/// The principal part of payment number ``per``: ``pmt - ipmt``.
///
/// numpy-financial's ``ppmt`` (right where its floats give 40.008 instead of 23.0428, issue #35). A
/// float gives a float; arrays broadcast.
///
/// >>> round(ppmt(round(Decimal("0.1") / 12, 28), 1, 60, 55000), 6)
/// Decimal('-710.254126')
/// >>> round(ppmt(Decimal("0.1479"), 297, 300, Decimal("-270.51")), 4)
/// Decimal('23.0428')
#[pyfunction]
#[pyo3(signature = (rate, per, nper, pv, fv = None, when = None), text_signature = "(rate, per, nper, pv, fv=0, when='end')")]
pub fn ppmt<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    per: &Bound<'py, PyAny>,
    nper: &Bound<'py, PyAny>,
    pv: &Bound<'py, PyAny>,
    fv: Option<&Bound<'py, PyAny>>,
    when: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = [
        num_arg(rate, "rate")?,
        num_arg(per, "per")?,
        num_arg(nper, "nper")?,
        num_arg(pv, "pv")?,
        num_or(fv, "fv", Decimal::ZERO)?,
    ];
    let when = when_arg(when)?;
    row_function(
        py,
        args,
        ["rate", "per", "nper", "pv", "fv"],
        move |[r, k, n, p, f]| finance::ppmt(r, k, n, p, f, when),
        move |[r, k, n, p, f]| float::ppmt(r, k, n, p, f, when),
        move |[r, k, n, p, f], out| simd::ppmt_rows(r, k, n, p, f, when, out),
    )
}

/// Interest paid from period ``start_period`` to ``end_period`` inclusive (Excel's CUMIPMT, with
/// numpy-financial's signs: negative for a loan received as a positive ``pv``).
///
/// A float gives a float (in closed form); arrays broadcast.
///
/// >>> round(cumipmt(Decimal("0.09") / 12, 360, 125000, 13, 24), 5)
/// Decimal('-11135.23213')
#[pyfunction]
#[pyo3(signature = (rate, nper, pv, start_period, end_period, when = None), text_signature = "(rate, nper, pv, start_period, end_period, when='end')")]
pub fn cumipmt<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    nper: &Bound<'py, PyAny>,
    pv: &Bound<'py, PyAny>,
    start_period: &Bound<'py, PyAny>,
    end_period: &Bound<'py, PyAny>,
    when: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = [
        num_arg(rate, "rate")?,
        num_arg(nper, "nper")?,
        num_arg(pv, "pv")?,
        num_arg(start_period, "start_period")?,
        num_arg(end_period, "end_period")?,
    ];
    let when = when_arg(when)?;
    row_function(
        py,
        args,
        ["rate", "nper", "pv", "start_period", "end_period"],
        move |[r, n, p, s, e]| finance::cumipmt(r, n, p, s, e, when),
        move |[r, n, p, s, e]| float::cumipmt(r, n, p, s, e, when),
        move |columns, out| {
            float::map_rows(
                columns,
                ["rate", "nper", "pv", "start_period", "end_period"],
                out,
                |[r, n, p, s, e]| float::cumipmt(r, n, p, s, e, when),
            )
        },
    )
}

/// Principal repaid from period ``start_period`` to ``end_period`` inclusive (Excel's CUMPRINC, with
/// numpy-financial's signs).
///
/// A float gives a float (in closed form); arrays broadcast.
///
/// >>> round(cumprinc(Decimal("0.09") / 12, 360, 125000, 13, 24), 7)
/// Decimal('-934.1071234')
#[pyfunction]
#[pyo3(signature = (rate, nper, pv, start_period, end_period, when = None), text_signature = "(rate, nper, pv, start_period, end_period, when='end')")]
pub fn cumprinc<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    nper: &Bound<'py, PyAny>,
    pv: &Bound<'py, PyAny>,
    start_period: &Bound<'py, PyAny>,
    end_period: &Bound<'py, PyAny>,
    when: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = [
        num_arg(rate, "rate")?,
        num_arg(nper, "nper")?,
        num_arg(pv, "pv")?,
        num_arg(start_period, "start_period")?,
        num_arg(end_period, "end_period")?,
    ];
    let when = when_arg(when)?;
    row_function(
        py,
        args,
        ["rate", "nper", "pv", "start_period", "end_period"],
        move |[r, n, p, s, e]| finance::cumprinc(r, n, p, s, e, when),
        move |[r, n, p, s, e]| float::cumprinc(r, n, p, s, e, when),
        move |columns, out| {
            float::map_rows(
                columns,
                ["rate", "nper", "pv", "start_period", "end_period"],
                out,
                |[r, n, p, s, e]| float::cumprinc(r, n, p, s, e, when),
            )
        },
    )
}

/// The rate per period at which ``pv`` and ``nper`` payments of ``pmt`` reach ``fv``.
///
/// numpy-financial's ``rate``, solved by Newton's method from ``guess`` (0.1 when ``None``) with a
/// bisection fallback. No rate above -100% raises ``NoSolutionError`` where numpy-financial returns
/// NaN. A float gives a float; arrays (``guess`` too) broadcast, each row solved on its own.
///
/// >>> round(rate(10, 0, -3500, 10000), 10)
/// Decimal('0.1106908537')
/// >>> round(rate(10, 0, -3500.0, 10000), 10)
/// 0.1106908537
#[pyfunction]
#[pyo3(signature = (nper, pmt, pv, fv, when = None, guess = None), text_signature = "(nper, pmt, pv, fv, when='end', guess=None)")]
pub fn rate<'py>(
    py: Python<'py>,
    nper: &Bound<'py, PyAny>,
    pmt: &Bound<'py, PyAny>,
    pv: &Bound<'py, PyAny>,
    fv: &Bound<'py, PyAny>,
    when: Option<&Bound<'py, PyAny>>,
    guess: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = [
        num_arg(nper, "nper")?,
        num_arg(pmt, "pmt")?,
        num_arg(pv, "pv")?,
        num_arg(fv, "fv")?,
        num_or(guess, "guess", DEFAULT_GUESS)?,
    ];
    let when = when_arg(when)?;
    row_function(
        py,
        args,
        ["nper", "pmt", "pv", "fv", "guess"],
        move |[n, p, v, f, g]| finance::rate(n, p, v, f, when, Some(g)),
        move |[n, p, v, f, g]| float::rate(n, p, v, f, when, Some(g)),
        move |columns, out| {
            float::map_rows(
                columns,
                ["nper", "pmt", "pv", "fv", "guess"],
                out,
                |[n, p, v, f, g]| float::rate(n, p, v, f, when, Some(g)),
            )
        },
    )
}

/// The net present value of ``values`` (any iterable, or a one-dimensional array) at ``rate`` per
/// period.
///
/// The first value is discounted at t = 0, as numpy-financial does; Excel's NPV discounts it one
/// period (Excel's ``NPV(r, v1, ..., vn)`` is ``npv(r, [0, v1, ..., vn])`` here). A float rate or value
/// (or a float array) gives a float.
///
/// >>> round(npv(Decimal("0.05"), [-15000, 1500, 2500, 3500, 4500, 6000]), 6)
/// Decimal('122.894855')
/// >>> round(npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]), 6)
/// 122.894855
#[pyfunction]
pub fn npv<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    values: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let rate = single(rate, "rate")?;
    let values = series_arg(values, "values")?;
    if use_float([rate.kind(), values.kind()]) {
        let rate = rate.float("rate")?;
        let values = values.into_floats("values")?;
        return float_out(py, &[], py.detach(move || float::npv(rate, &values)));
    }
    let rate = rate.decimal("rate")?;
    let values = values.into_decimals();
    solved(py, &[], move || finance::npv(rate, &values))
}

/// The internal rate of return of ``values`` (any iterable or a one-dimensional array, one per period):
/// the rate at which ``npv`` is zero.
///
/// numpy-financial's ``irr``. Flows that never change sign, or that change sign more than once and
/// have several rates of return, raise ``NoSolutionError`` (numpy-financial returns NaN or picks one).
/// A float among the values (or a float array) gives a float.
///
/// >>> round(irr([-150000, 15000, 25000, 35000, 45000, 60000]), 6)
/// Decimal('0.052433')
/// >>> round(irr([-150000.0, 15000, 25000, 35000, 45000, 60000]), 6)
/// 0.052433
#[pyfunction]
#[pyo3(signature = (values, guess = None))]
pub fn irr<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    guess: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let values = series_arg(values, "values")?;
    let guess = match guess {
        Some(g) => single(g, "guess")?,
        None => Num::Default(DEFAULT_GUESS),
    };
    if use_float([values.kind(), guess.kind()]) {
        let values = values.into_floats("values")?;
        let guess = guess.float("guess")?;
        return float_out(py, &[], py.detach(move || float::irr(&values, Some(guess))));
    }
    let values = values.into_decimals();
    let guess = guess.decimal("guess")?;
    solved(py, &[], move || finance::irr(&values, Some(guess)))
}

/// The modified internal rate of return: negative flows financed at ``finance_rate``, positive flows
/// reinvested at ``reinvest_rate``.
///
/// numpy-financial's ``mirr`` (equal to Excel's MIRR). Flows without both a positive and a negative
/// value raise ``NoSolutionError``. A float among the arguments gives a float.
///
/// >>> round(mirr([-120000, 39000, 30000, 21000, 37000, 46000], Decimal("0.10"), Decimal("0.12")), 6)
/// Decimal('0.126094')
#[pyfunction]
pub fn mirr<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    finance_rate: &Bound<'py, PyAny>,
    reinvest_rate: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let values = series_arg(values, "values")?;
    let finance_rate = single(finance_rate, "finance_rate")?;
    let reinvest_rate = single(reinvest_rate, "reinvest_rate")?;
    if use_float([values.kind(), finance_rate.kind(), reinvest_rate.kind()]) {
        let values = values.into_floats("values")?;
        let f = finance_rate.float("finance_rate")?;
        let r = reinvest_rate.float("reinvest_rate")?;
        return float_out(py, &[], py.detach(move || float::mirr(&values, f, r)));
    }
    let values = values.into_decimals();
    let f = finance_rate.decimal("finance_rate")?;
    let r = reinvest_rate.decimal("reinvest_rate")?;
    solved(py, &[], move || finance::mirr(&values, f, r))
}

/// The net present value of dated cash flows at an annual ``rate``, discounted from the first date.
///
/// pyxirr's argument order: ``dates`` (``datetime.date`` or ``'YYYY-MM-DD'``, or a numpy
/// ``datetime64[D]`` array), then ``amounts``, the same length. ``day_count`` is a ``DayCount`` or a name
/// (Actual/365 Fixed by default, as in Excel and pyxirr). No date may precede the first. A float rate or
/// amount (or a float array) gives a float.
///
/// >>> dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
/// >>> round(xnpv(Decimal("0.09"), dates, [-10000, 2750, 4250, 3250, 2750]), 2)
/// Decimal('2086.65')
/// >>> round(xnpv(0.09, dates, [-10000, 2750, 4250, 3250, 2750]), 2)
/// 2086.65
/// >>> import numpy as np
/// >>> round(xnpv(0.09, np.array(dates, dtype="datetime64[D]"), [-10000.0, 2750, 4250, 3250, 2750]), 2)
/// 2086.65
#[pyfunction]
#[pyo3(signature = (rate, dates, amounts, day_count = None), text_signature = "(rate, dates, amounts, day_count='ACT/365F')")]
pub fn xnpv<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    dates: &Bound<'py, PyAny>,
    amounts: &Bound<'py, PyAny>,
    day_count: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rate = single(rate, "rate")?;
    let (dates, amounts) = dated_series(dates, amounts)?;
    let day_count = day_count_or_default(day_count)?;
    let renames = [("values", "amounts")];
    if use_float([rate.kind(), amounts.kind()]) {
        let rate = rate.float("rate")?;
        let flows: Vec<(NaiveDate, f64)> = dates
            .into_iter()
            .zip(amounts.into_floats("amounts")?)
            .collect();
        return float_out(
            py,
            &renames,
            py.detach(move || float::xnpv(rate, &flows, day_count)),
        );
    }
    let rate = rate.decimal("rate")?;
    let flows: Vec<(NaiveDate, Decimal)> = dates.into_iter().zip(amounts.into_decimals()).collect();
    solved(py, &renames, move || finance::xnpv(rate, &flows, day_count))
}

/// The annual rate at which ``xnpv`` of the dated flows is zero.
///
/// pyxirr's argument order (``dates``, then ``amounts``); ``dates`` and ``day_count`` as for ``xnpv``.
/// No sign change, or several rates, raise ``NoSolutionError``. A float amount or guess (or a float
/// array) gives a float. Excel's example prints 0.373362535; the exact root is 0.37336253352...
///
/// >>> dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
/// >>> round(xirr(dates, [-10000, 2750, 4250, 3250, 2750]), 10)
/// Decimal('0.3733625335')
/// >>> round(xirr(dates, [-10000.0, 2750.0, 4250.0, 3250.0, 2750.0]), 10)
/// 0.3733625335
#[pyfunction]
#[pyo3(signature = (dates, amounts, day_count = None, guess = None), text_signature = "(dates, amounts, day_count='ACT/365F', guess=None)")]
pub fn xirr<'py>(
    py: Python<'py>,
    dates: &Bound<'py, PyAny>,
    amounts: &Bound<'py, PyAny>,
    day_count: Option<&Bound<'py, PyAny>>,
    guess: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (dates, amounts) = dated_series(dates, amounts)?;
    let day_count = day_count_or_default(day_count)?;
    let guess = match guess {
        Some(g) => single(g, "guess")?,
        None => Num::Default(DEFAULT_GUESS),
    };
    let renames = [("values", "amounts")];
    if use_float([amounts.kind(), guess.kind()]) {
        let guess = guess.float("guess")?;
        let flows: Vec<(NaiveDate, f64)> = dates
            .into_iter()
            .zip(amounts.into_floats("amounts")?)
            .collect();
        return float_out(
            py,
            &renames,
            py.detach(move || float::xirr(&flows, day_count, Some(guess))),
        );
    }
    let guess = guess.decimal("guess")?;
    let flows: Vec<(NaiveDate, Decimal)> = dates.into_iter().zip(amounts.into_decimals()).collect();
    solved(py, &renames, move || {
        finance::xirr(&flows, day_count, Some(guess))
    })
}

/// Registers the functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(fv, m)?)?;
    m.add_function(wrap_pyfunction!(pv, m)?)?;
    m.add_function(wrap_pyfunction!(pmt, m)?)?;
    m.add_function(wrap_pyfunction!(nper, m)?)?;
    m.add_function(wrap_pyfunction!(ipmt, m)?)?;
    m.add_function(wrap_pyfunction!(ppmt, m)?)?;
    m.add_function(wrap_pyfunction!(cumipmt, m)?)?;
    m.add_function(wrap_pyfunction!(cumprinc, m)?)?;
    m.add_function(wrap_pyfunction!(rate, m)?)?;
    m.add_function(wrap_pyfunction!(npv, m)?)?;
    m.add_function(wrap_pyfunction!(irr, m)?)?;
    m.add_function(wrap_pyfunction!(mirr, m)?)?;
    m.add_function(wrap_pyfunction!(xnpv, m)?)?;
    m.add_function(wrap_pyfunction!(xirr, m)?)?;
    apr::register(m)?;
    Ok(())
}
