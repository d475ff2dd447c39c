//! Time value of money: numpy-financial's `fv`, `pv`, `pmt`, `nper`, `ipmt`, `ppmt`, `rate`, `npv`,
//! `irr`, `mirr` with its names, argument order, defaults and signs; Excel's `cumipmt`/`cumprinc`; and
//! pyxirr's `xnpv`/`xirr` (dates, then amounts, then a day count). Exposed as `collections_core.finance`.
//!
//! Each function extracts its arguments into core values while it holds the GIL, then runs the core's
//! `collections_core::finance` solver detached from the interpreter, so other Python threads run
//! meanwhile. Decimal, int and str in, `decimal.Decimal` out; floats are refused for now (a float64
//! path over numpy arrays is a later addition). Where numpy-financial returns NaN, these raise
//! `NoSolutionError`.
//!
//! The annual percentage rates (Regulation Z's APR and the EU APRC, with their result classes) are in
//! [`apr`].

use chrono::NaiveDate;
use collections_core::finance::{self, When};
use collections_core::{DayCount, Error};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyString};
use rust_decimal::Decimal;

use crate::calendar::PyDayCount;
use crate::convert::{date_arg, decimal_arg, decimal_out, items_arg, str_arg, wrong_type};
use crate::errors::{invalid, CoreResultExt};

mod apr;

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

/// `when`: `'end'`/`'begin'` (or the core's other names) or numpy-financial's 0/1; `None` is `'end'`.
fn when_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<When> {
    let Some(obj) = obj else {
        return Ok(When::End);
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

/// A decimal argument with a default of zero (numpy-financial's `fv=0`).
fn decimal_or_zero(obj: Option<&Bound<'_, PyAny>>, field: &'static str) -> PyResult<Decimal> {
    obj.map_or(Ok(Decimal::ZERO), |o| decimal_arg(o, field))
}

/// An optional starting guess for a solver.
fn guess_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Decimal>> {
    obj.map(|g| decimal_arg(g, "guess")).transpose()
}

/// A series of decimals from any iterable.
fn decimals_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Vec<Decimal>> {
    items_arg(obj, field)?
        .iter()
        .map(|item| decimal_arg(item, field))
        .collect()
}

/// A day count: a `DayCount`, or a name taking no parameters; `None` is Actual/365 Fixed (Excel's and
/// pyxirr's default).
fn day_count_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<DayCount> {
    let Some(obj) = obj else {
        return Ok(DayCount::Act365Fixed);
    };
    if let Ok(dc) = obj.cast::<PyDayCount>() {
        return Ok(dc.get().0);
    }
    let name = str_arg(obj, "day_count")?;
    // ACT/ACT ICMA needs a reference period, which only a DayCount object can carry.
    DayCount::from_name(&name, Default::default()).or_raise_as(&[("reference_start", "day_count")])
}

/// Dated flows from two iterables of the same length, named `fields` (dates, amounts); a length
/// mismatch names the amounts.
fn flows_arg(
    dates: &Bound<'_, PyAny>,
    amounts: &Bound<'_, PyAny>,
    fields: (&'static str, &'static str),
) -> PyResult<Vec<(NaiveDate, Decimal)>> {
    let (dates_field, amounts_field) = fields;
    let dates: Vec<NaiveDate> = items_arg(dates, dates_field)?
        .iter()
        .map(|d| date_arg(d, dates_field))
        .collect::<PyResult<_>>()?;
    let amounts = decimals_arg(amounts, amounts_field)?;
    if dates.len() != amounts.len() {
        return Err(invalid(
            amounts_field,
            format!("{} amounts", amounts.len()),
            format!("need one amount per date ({} dates)", dates.len()),
        ));
    }
    Ok(dates.into_iter().zip(amounts).collect())
}

/// The future value of ``pv`` now and ``nper`` payments of ``pmt`` at ``rate`` per period.
///
/// numpy-financial's ``fv``: money paid out is negative; ``when`` is ``'end'`` (0) or ``'begin'``
/// (1). Arguments are ``Decimal``, ``int`` or ``str``; floats are refused for now (a float path is
/// planned).
///
/// >>> round(fv(Decimal("0.075"), 20, -2000, 0), 6)
/// Decimal('86609.362673')
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
    let rate = decimal_arg(rate, "rate")?;
    let nper = decimal_arg(nper, "nper")?;
    let pmt = decimal_arg(pmt, "pmt")?;
    let pv = decimal_arg(pv, "pv")?;
    let when = when_arg(when)?;
    solved(py, &[], move || finance::fv(rate, nper, pmt, pv, when))
}

/// The present value of ``nper`` payments of ``pmt`` and a final ``fv`` at ``rate`` per period.
///
/// numpy-financial's ``pv``. Floats are refused for now (a float path is planned).
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
    let rate = decimal_arg(rate, "rate")?;
    let nper = decimal_arg(nper, "nper")?;
    let pmt = decimal_arg(pmt, "pmt")?;
    let fv = decimal_or_zero(fv, "fv")?;
    let when = when_arg(when)?;
    solved(py, &[], move || finance::pv(rate, nper, pmt, fv, when))
}

/// The level payment per period that turns ``pv`` into ``fv`` over ``nper`` periods at ``rate``.
///
/// numpy-financial's ``pmt``: a loan received (positive ``pv``) gives a negative payment. Floats are
/// refused for now (a float path is planned). Values hold 28 significant digits, like Python's default
/// decimal context, so ``Decimal("0.08") / 12`` (30 places) is rounded to 28 on the way in.
///
/// >>> round(pmt(Decimal("0.08") / 12, 60, 15000), 6)
/// Decimal('-304.145914')
/// >>> round(pmt(Rate("8%").periodic("monthly"), 60, 15000), 6)
/// Decimal('-304.145914')
/// >>> pmt(0, 60, 15000)
/// Decimal('-250')
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
    let rate = decimal_arg(rate, "rate")?;
    let nper = decimal_arg(nper, "nper")?;
    let pv = decimal_arg(pv, "pv")?;
    let fv = decimal_or_zero(fv, "fv")?;
    let when = when_arg(when)?;
    solved(py, &[], move || finance::pmt(rate, nper, pv, fv, when))
}

/// The number of periods for ``pv`` to reach ``fv`` paying ``pmt`` each period (fractional in general).
///
/// numpy-financial's ``nper``. A payment that never gets there (it does not exceed the interest) raises
/// ``NoSolutionError`` with ``field == 'pmt'`` where numpy-financial returns NaN or infinity. Floats are
/// refused for now (a float path is planned).
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
    let rate = decimal_arg(rate, "rate")?;
    let pmt = decimal_arg(pmt, "pmt")?;
    let pv = decimal_arg(pv, "pv")?;
    let fv = decimal_or_zero(fv, "fv")?;
    let when = when_arg(when)?;
    solved(py, &[], move || finance::nper(rate, pmt, pv, fv, when))
}

/// The interest part of payment number ``per`` (1 to ``nper``) of a level-payment loan.
///
/// numpy-financial's ``ipmt``, with the remaining balance computed so that it cannot cancel: where
/// numpy-financial's floats give 0.0 (its issue #35) this gives the true value. Floats are refused
/// for now (a float path is planned).
///
/// >>> round(ipmt(Rate("10%").periodic("monthly"), 1, 24, 2000), 8)
/// Decimal('-16.66666667')
/// >>> round(ipmt(Decimal("0.1479"), 297, 300, Decimal("-270.51")), 4)
/// Decimal('16.9656')
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
    let rate = decimal_arg(rate, "rate")?;
    let per = decimal_arg(per, "per")?;
    let nper = decimal_arg(nper, "nper")?;
    let pv = decimal_arg(pv, "pv")?;
    let fv = decimal_or_zero(fv, "fv")?;
    let when = when_arg(when)?;
    solved(py, &[], move || {
        finance::ipmt(rate, per, nper, pv, fv, when)
    })
}

/// The principal part of payment number ``per``: ``pmt - ipmt``.
///
/// numpy-financial's ``ppmt`` (exact where its floats give 40.008 instead of 23.0428, issue #35).
/// Floats are refused for now (a float path is planned).
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
    let rate = decimal_arg(rate, "rate")?;
    let per = decimal_arg(per, "per")?;
    let nper = decimal_arg(nper, "nper")?;
    let pv = decimal_arg(pv, "pv")?;
    let fv = decimal_or_zero(fv, "fv")?;
    let when = when_arg(when)?;
    solved(py, &[], move || {
        finance::ppmt(rate, per, nper, pv, fv, when)
    })
}

/// Interest paid from period ``start_period`` to ``end_period`` inclusive (Excel's CUMIPMT, with
/// numpy-financial's signs: negative for a loan received as a positive ``pv``).
///
/// Floats are refused for now (a float path is planned).
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
    let rate = decimal_arg(rate, "rate")?;
    let nper = decimal_arg(nper, "nper")?;
    let pv = decimal_arg(pv, "pv")?;
    let start = decimal_arg(start_period, "start_period")?;
    let end = decimal_arg(end_period, "end_period")?;
    let when = when_arg(when)?;
    solved(py, &[], move || {
        finance::cumipmt(rate, nper, pv, start, end, when)
    })
}

/// Principal repaid from period ``start_period`` to ``end_period`` inclusive (Excel's CUMPRINC, with
/// numpy-financial's signs).
///
/// Floats are refused for now (a float path is planned).
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
    let rate = decimal_arg(rate, "rate")?;
    let nper = decimal_arg(nper, "nper")?;
    let pv = decimal_arg(pv, "pv")?;
    let start = decimal_arg(start_period, "start_period")?;
    let end = decimal_arg(end_period, "end_period")?;
    let when = when_arg(when)?;
    solved(py, &[], move || {
        finance::cumprinc(rate, nper, pv, start, end, when)
    })
}

/// The rate per period at which ``pv`` and ``nper`` payments of ``pmt`` reach ``fv``.
///
/// numpy-financial's ``rate``, solved by Newton's method from ``guess`` (0.1 when ``None``) with a
/// bisection fallback. No rate above -100% raises ``NoSolutionError`` where numpy-financial returns
/// NaN. Floats are refused for now (a float path is planned).
///
/// >>> round(rate(10, 0, -3500, 10000), 10)
/// Decimal('0.1106908537')
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
    let nper = decimal_arg(nper, "nper")?;
    let pmt = decimal_arg(pmt, "pmt")?;
    let pv = decimal_arg(pv, "pv")?;
    let fv = decimal_arg(fv, "fv")?;
    let when = when_arg(when)?;
    let guess = guess_arg(guess)?;
    solved(py, &[], move || {
        finance::rate(nper, pmt, pv, fv, when, guess)
    })
}

/// The net present value of ``values`` (any iterable) at ``rate`` per period.
///
/// The first value is discounted at t = 0, as numpy-financial does; Excel's NPV discounts it one
/// period (Excel's ``NPV(r, v1, ..., vn)`` is ``npv(r, [0, v1, ..., vn])`` here). Floats are refused
/// for now (a float path is planned).
///
/// >>> round(npv(Decimal("0.05"), [-15000, 1500, 2500, 3500, 4500, 6000]), 6)
/// Decimal('122.894855')
#[pyfunction]
pub fn npv<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    values: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let rate = decimal_arg(rate, "rate")?;
    let values = decimals_arg(values, "values")?;
    solved(py, &[], move || finance::npv(rate, &values))
}

/// The internal rate of return of ``values`` (any iterable, one per period): the rate at which ``npv``
/// is zero.
///
/// numpy-financial's ``irr``. Flows that never change sign, or that change sign more than once and
/// have several rates of return, raise ``NoSolutionError`` (numpy-financial returns NaN or picks one).
/// Floats are refused for now (a float path is planned).
///
/// >>> round(irr([-150000, 15000, 25000, 35000, 45000, 60000]), 6)
/// Decimal('0.052433')
#[pyfunction]
#[pyo3(signature = (values, guess = None))]
pub fn irr<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    guess: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let values = decimals_arg(values, "values")?;
    let guess = guess_arg(guess)?;
    solved(py, &[], move || finance::irr(&values, guess))
}

/// The modified internal rate of return: negative flows financed at ``finance_rate``, positive flows
/// reinvested at ``reinvest_rate``.
///
/// numpy-financial's ``mirr`` (equal to Excel's MIRR). Flows without both a positive and a negative
/// value raise ``NoSolutionError``. Floats are refused for now (a float path is planned).
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
    let values = decimals_arg(values, "values")?;
    let finance_rate = decimal_arg(finance_rate, "finance_rate")?;
    let reinvest_rate = decimal_arg(reinvest_rate, "reinvest_rate")?;
    solved(py, &[], move || {
        finance::mirr(&values, finance_rate, reinvest_rate)
    })
}

/// The net present value of dated cash flows at an annual ``rate``, discounted from the first date.
///
/// pyxirr's argument order: ``dates`` (``datetime.date`` or ``'YYYY-MM-DD'``), then ``amounts``, the
/// same length. ``day_count`` is a ``DayCount`` or a name (Actual/365 Fixed by default, as in Excel and
/// pyxirr). No date may precede the first. Floats are refused for now (a float path is planned).
///
/// >>> dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
/// >>> round(xnpv(Decimal("0.09"), dates, [-10000, 2750, 4250, 3250, 2750]), 2)
/// Decimal('2086.65')
#[pyfunction]
#[pyo3(signature = (rate, dates, amounts, day_count = None), text_signature = "(rate, dates, amounts, day_count='ACT/365F')")]
pub fn xnpv<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    dates: &Bound<'py, PyAny>,
    amounts: &Bound<'py, PyAny>,
    day_count: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rate = decimal_arg(rate, "rate")?;
    let flows = flows_arg(dates, amounts, ("dates", "amounts"))?;
    let day_count = day_count_arg(day_count)?;
    solved(py, &[("values", "amounts")], move || {
        finance::xnpv(rate, &flows, day_count)
    })
}

/// The annual rate at which ``xnpv`` of the dated flows is zero.
///
/// pyxirr's argument order (``dates``, then ``amounts``); ``day_count`` as for ``xnpv``. No sign
/// change, or several rates, raise ``NoSolutionError``. Floats are refused for now (a float path is
/// planned). Excel's example prints 0.373362535; the exact root is 0.37336253352...
///
/// >>> dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
/// >>> round(xirr(dates, [-10000, 2750, 4250, 3250, 2750]), 10)
/// Decimal('0.3733625335')
#[pyfunction]
#[pyo3(signature = (dates, amounts, day_count = None, guess = None), text_signature = "(dates, amounts, day_count='ACT/365F', guess=None)")]
pub fn xirr<'py>(
    py: Python<'py>,
    dates: &Bound<'py, PyAny>,
    amounts: &Bound<'py, PyAny>,
    day_count: Option<&Bound<'py, PyAny>>,
    guess: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let flows = flows_arg(dates, amounts, ("dates", "amounts"))?;
    let day_count = day_count_arg(day_count)?;
    let guess = guess_arg(guess)?;
    solved(py, &[("values", "amounts")], move || {
        finance::xirr(&flows, day_count, guess)
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
