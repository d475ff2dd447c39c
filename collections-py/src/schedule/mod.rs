//! Amortized repayment schedules: `amortize` builds a `Schedule` from a loan's terms with the core's
//! engine (`collections_core::schedule`), and `Schedule.reamortize` rebuilds it from a row on. The
//! fluent `ScheduleBuilder` is plain Python on top of `amortize` (`collections_core/schedule.py`).
//!
//! Every option is parsed by the core's own named constructors (`ScheduleKind::from_parts`,
//! `InterestMethod::from_parts`, `OddFirstPeriod`/`HolidayInterest`/`RoundingMode` from text), so a
//! bad name gives the same error, naming the same field, on every surface. The arguments are read
//! while the GIL is held; the schedule is built without it.
//!
//! The classes are in [`classes`]; the columnar exports (numpy, Arrow, pandas, HTML) in [`export`];
//! `amortize_many`, the schedules of many loans in long format, in [`batch`].

mod batch;
pub(crate) mod classes;
mod export;

use std::str::FromStr;

use collections_core::schedule::{
    self, InterestMethod, KindParams, ScheduleKind, ScheduleTerms, TermOrPayment,
};
use collections_core::{Currency, Error, Frequency};
use pyo3::prelude::*;
use rust_decimal::Decimal;

pub(crate) use batch::{error_text, errors_arg, float_rounding_arg};
pub use classes::{PySchedule, PyScheduleRow, PyScheduleTotals};

use crate::calendar::{day_count_arg, frequency_arg};
use crate::convert::{bool_arg, date_arg, decimal_arg, describe, int_arg, items_arg, str_arg};
use crate::errors::{invalid, raise, CoreResultExt};
use crate::money::currency_arg;
use crate::rate::rate_arg;

/// A name argument (a `str`), or `default` (the core's default's name) when not given.
fn name_or(obj: Option<&Bound<'_, PyAny>>, field: &'static str, default: &str) -> PyResult<String> {
    obj.map_or_else(|| Ok(default.to_string()), |o| str_arg(o, field))
}

/// An option parsed by the core from its name when given; `current` (the core's default) when not.
/// The core names the field of a bad rounding mode `rounding_mode` for both roundings (as the shared
/// vectors expect).
fn option_arg<T: FromStr<Err = Error>>(
    obj: Option<&Bound<'_, PyAny>>,
    field: &'static str,
    current: T,
) -> PyResult<T> {
    obj.map_or(Ok(current), |o| str_arg(o, field)?.parse().or_raise())
}

/// An optional whole number of periods.
fn periods_arg(obj: Option<&Bound<'_, PyAny>>, field: &'static str) -> PyResult<Option<u32>> {
    obj.map(|o| int_arg::<u32>(o, field)).transpose()
}

/// Exactly one of `term` (periods) or `payment` (the level payment, the term solved from it).
pub(crate) fn term_or_payment(
    term: Option<&Bound<'_, PyAny>>,
    payment: Option<&Bound<'_, PyAny>>,
) -> PyResult<TermOrPayment> {
    match (term, payment) {
        (Some(n), None) => Ok(TermOrPayment::Term(int_arg::<u32>(n, "term")?)),
        (None, Some(p)) => Ok(TermOrPayment::Payment(decimal_arg(p, "payment")?)),
        (None, None) => Err(invalid(
            "term",
            "None",
            "give term (the number of periods) or payment (the level payment)",
        )),
        (Some(_), Some(p)) => Err(invalid(
            "payment",
            describe(p),
            "give a term or a payment, not both",
        )),
    }
}

/// A list of caller-given payments.
fn payments_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Decimal>> {
    items_arg(obj, "payments")?
        .iter()
        .map(|p| decimal_arg(p, "payments"))
        .collect()
}

/// The 1-based periods with no payment due.
fn holidays_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<u32>> {
    let Some(obj) = obj else {
        return Ok(Vec::new());
    };
    items_arg(obj, "payment_holidays")?
        .iter()
        .map(|h| int_arg::<u32>(h, "payment_holidays"))
        .collect()
}

/// Builds an amortized repayment schedule.
///
/// ``annual_rate`` is a ``Rate`` or a fraction (``"0.06"`` is 6%); dates are ``datetime.date`` or
/// ``"YYYY-MM-DD"``. Give exactly one of ``term`` (the number of periods, holidays included) or
/// ``payment`` (a level payment; the term is solved, at most ``max_rows``).
///
/// Options, by name: ``frequency`` (a ``Frequency`` or a name), ``currency`` (a ``Currency`` or a
/// code; rows are rounded to its minor units), ``interest_method`` ``'periodic'`` (the annual rate
/// over the periods a year) or ``'daily'`` (the rate times the ``day_count`` year fraction between due
/// dates, Actual/365 Fixed by default); ``kind`` ``'level_payment'``, ``'level_principal'``,
/// ``'interest_only'``, ``'balloon'`` (with ``amortization_periods``), ``'graduated'`` (with
/// ``step_percent`` and ``every``) or ``'custom'`` (with ``payments``, one per paying period);
/// ``odd_first_period`` ``'add_to_first_installment'``, ``'capitalize'`` or ``'ignore'`` (the stub's
/// interest under ``stub_day_count``); ``payment_holidays`` (1-based periods with no payment), whose
/// interest is added to the balance (``holiday_interest='capitalize'``) or paid with the next payment
/// (``'defer'``); ``payment_rounding`` and ``interest_rounding`` (rounding-mode names) and ``payment_multiple``
/// (round the payment to a multiple of it).
///
/// The last row pays the balance off exactly, so the principal column adds up to the principal.
/// Floats are refused; a bad option raises a ``CollectionsError`` naming it, a payment too small to
/// repay raises ``NoSolutionError`` (``field == 'payment'``). The schedule is built without the GIL.
///
/// >>> s = amortize(200000, "0.06", "2026-01-01", "2026-02-01", term=360)
/// >>> s.level_payment, s[0].interest, s[-1].payment, s.totals.interest
/// (Decimal('1199.10'), Decimal('1000.00'), Decimal('1200.14'), Decimal('231677.04'))
/// >>> len(amortize(2000, Rate("10%"), "2026-01-01", "2026-02-01", payment=100))
/// 22
#[pyfunction]
#[pyo3(
    signature = (
        principal, annual_rate, start_date, first_due_date, *, term = None, payment = None,
        frequency = None, currency = None, end_of_month = None, interest_method = None,
        day_count = None, kind = None, amortization_periods = None, step_percent = None,
        every = None, payments = None, odd_first_period = None, stub_day_count = None,
        payment_holidays = None, holiday_interest = None, payment_rounding = None,
        payment_multiple = None, interest_rounding = None, max_rows = None
    ),
    text_signature = "(principal, annual_rate, start_date, first_due_date, *, term=None, payment=None, \
        frequency='monthly', currency='USD', end_of_month=False, interest_method='periodic', \
        day_count=None, kind='level_payment', amortization_periods=None, step_percent=None, \
        every=None, payments=None, odd_first_period='add_to_first_installment', \
        stub_day_count='ACT/365F', payment_holidays=(), holiday_interest='capitalize', \
        payment_rounding='half-up', payment_multiple=None, interest_rounding='half-up', \
        max_rows=1200)"
)]
#[allow(clippy::too_many_arguments)]
pub fn amortize(
    py: Python<'_>,
    principal: &Bound<'_, PyAny>,
    annual_rate: &Bound<'_, PyAny>,
    start_date: &Bound<'_, PyAny>,
    first_due_date: &Bound<'_, PyAny>,
    term: Option<&Bound<'_, PyAny>>,
    payment: Option<&Bound<'_, PyAny>>,
    frequency: Option<&Bound<'_, PyAny>>,
    currency: Option<&Bound<'_, PyAny>>,
    end_of_month: Option<&Bound<'_, PyAny>>,
    interest_method: Option<&Bound<'_, PyAny>>,
    day_count: Option<&Bound<'_, PyAny>>,
    kind: Option<&Bound<'_, PyAny>>,
    amortization_periods: Option<&Bound<'_, PyAny>>,
    step_percent: Option<&Bound<'_, PyAny>>,
    every: Option<&Bound<'_, PyAny>>,
    payments: Option<&Bound<'_, PyAny>>,
    odd_first_period: Option<&Bound<'_, PyAny>>,
    stub_day_count: Option<&Bound<'_, PyAny>>,
    payment_holidays: Option<&Bound<'_, PyAny>>,
    holiday_interest: Option<&Bound<'_, PyAny>>,
    payment_rounding: Option<&Bound<'_, PyAny>>,
    payment_multiple: Option<&Bound<'_, PyAny>>,
    interest_rounding: Option<&Bound<'_, PyAny>>,
    max_rows: Option<&Bound<'_, PyAny>>,
) -> PyResult<PySchedule> {
    let mut terms = ScheduleTerms::new(
        decimal_arg(principal, "principal")?,
        currency.map_or(Ok(Currency::USD), |c| currency_arg(c, "currency"))?,
        rate_arg(annual_rate, "annual_rate")?,
        date_arg(start_date, "start_date")?,
        date_arg(first_due_date, "first_due_date")?,
        frequency.map_or(Ok(Frequency::Monthly), |f| frequency_arg(f, "frequency"))?,
        term_or_payment(term, payment)?,
    );
    if let Some(b) = end_of_month {
        terms.end_of_month = bool_arg(b, "end_of_month")?;
    }
    let day_count = day_count
        .map(|d| day_count_arg(d, "day_count"))
        .transpose()?;
    terms.interest_method = InterestMethod::from_parts(
        &name_or(
            interest_method,
            "interest_method",
            terms.interest_method.name(),
        )?,
        day_count,
    )
    .or_raise()?;
    let params = KindParams {
        amortization_periods: periods_arg(amortization_periods, "amortization_periods")?,
        step_percent: step_percent
            .map(|s| decimal_arg(s, "step_percent"))
            .transpose()?,
        every: periods_arg(every, "every")?,
        payments: payments.map(payments_arg).transpose()?,
    };
    terms.kind =
        ScheduleKind::from_parts(&name_or(kind, "kind", terms.kind.name())?, params).or_raise()?;
    terms.odd_first_period =
        option_arg(odd_first_period, "odd_first_period", terms.odd_first_period)?;
    if let Some(d) = stub_day_count {
        terms.stub_day_count = day_count_arg(d, "stub_day_count")?;
    }
    terms.payment_holidays = holidays_arg(payment_holidays)?;
    terms.holiday_interest =
        option_arg(holiday_interest, "holiday_interest", terms.holiday_interest)?;
    terms.payment_rounding =
        option_arg(payment_rounding, "payment_rounding", terms.payment_rounding)?;
    terms.payment_multiple = payment_multiple
        .map(|m| decimal_arg(m, "payment_multiple"))
        .transpose()?;
    terms.interest_rounding = option_arg(
        interest_rounding,
        "interest_rounding",
        terms.interest_rounding,
    )?;
    if let Some(rows) = periods_arg(max_rows, "max_rows")? {
        terms.max_rows = rows;
    }
    py.detach(|| schedule::amortize(&terms))
        .map(PySchedule::from)
        .map_err(raise)
}

/// Registers the function and the classes on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySchedule>()?;
    m.add_class::<PyScheduleRow>()?;
    m.add_class::<PyScheduleTotals>()?;
    m.add_function(wrap_pyfunction!(amortize, m)?)?;
    m.add_function(wrap_pyfunction!(batch::amortize_many, m)?)?;
    Ok(())
}
