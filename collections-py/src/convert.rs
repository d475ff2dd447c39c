//! Python values to core values and back: `decimal.Decimal` and `datetime.date` in and out.
//!
//! Decimals cross as their exact text (`str(Decimal)` in, `Decimal(str)` out), so the scale is kept:
//! `Decimal('2.50')` stays `2.50`. Text is parsed by `collections_core::parse`, so a bad number or date
//! gives the same error, naming the same field, as on every other surface. Floats are refused: a binary
//! float cannot hold most decimal amounts exactly. Wrong types raise `InvalidArgumentError` (a
//! `CollectionsError`, so a `ValueError`) naming the argument.

use chrono::{Datelike, NaiveDate};
use collections_core::{parse, Error};
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyFloat, PyInt, PyString, PyType};
use rust_decimal::Decimal;

use crate::errors::{invalid, CoreResultExt};

/// What `__reduce__` returns for a class rebuilt by calling it: the class and its arguments.
pub type Reduced<'py, Args> = PyResult<(Bound<'py, PyType>, Args)>;

/// `decimal.Decimal`, looked up once.
static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// Whether `obj` is a `decimal.Decimal`.
pub fn is_decimal(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    obj.is_instance(decimal_class(obj.py())?)
}

/// A short description of a Python value for an error message: its `repr`, cut to 80 characters.
pub fn describe(obj: &Bound<'_, PyAny>) -> String {
    let text = obj
        .repr()
        .and_then(|r| r.to_cow().map(|c| c.into_owned()))
        .unwrap_or_else(|_| String::from("<unrepresentable>"));
    if text.chars().count() > 80 {
        let cut: String = text.chars().take(77).collect();
        format!("{cut}...")
    } else {
        text
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .and_then(|n| n.to_cow().map(|c| c.into_owned()))
        .unwrap_or_else(|_| String::from("object"))
}

/// An `InvalidArgumentError` for a value of the wrong type.
pub fn wrong_type(obj: &Bound<'_, PyAny>, field: &'static str, expected: &str) -> PyErr {
    crate::errors::raise(wrong_type_error(obj, field, expected))
}

/// The core error [`wrong_type`] raises.
fn wrong_type_error(obj: &Bound<'_, PyAny>, field: &'static str, expected: &str) -> Error {
    Error::InvalidArgument {
        field,
        value: describe(obj),
        reason: format!("expected {expected}, not {}", type_name(obj)),
    }
}

/// Why a float is refused where a decimal is expected.
const FLOAT_REFUSED: &str =
    "floats are refused because they are inexact: pass a decimal.Decimal, an int or a str";

/// An amount, rate or weight: a `decimal.Decimal`, an `int` or a `str`, parsed exactly.
pub fn decimal_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Decimal> {
    decimal_value(obj, field, FLOAT_REFUSED)?.or_raise()
}

/// [`decimal_arg`] with a bad value as the core error rather than raised (so that a caller can say
/// where it was, as an array's index), and `float_reason` as the reason a float is refused. The
/// outer error is Python's own (a failing `str()`).
pub fn decimal_value(
    obj: &Bound<'_, PyAny>,
    field: &'static str,
    float_reason: &str,
) -> PyResult<Result<Decimal, Error>> {
    if obj.is_instance_of::<PyFloat>() {
        return Ok(Err(Error::InvalidArgument {
            field,
            value: describe(obj),
            reason: float_reason.into(),
        }));
    }
    let text = if obj.is_instance_of::<PyBool>() {
        None
    } else if let Ok(s) = obj.cast::<PyString>() {
        Some(s.to_cow()?.into_owned())
    } else if obj.is_instance_of::<PyInt>() || is_decimal(obj)? {
        Some(obj.str()?.to_cow()?.into_owned())
    } else {
        None
    };
    Ok(match text {
        Some(text) => parse::decimal(field, &text),
        None => Err(wrong_type_error(
            obj,
            field,
            "a decimal.Decimal, an int or a str",
        )),
    })
}

/// A `decimal.Decimal` with exactly the value and scale of `value`.
pub fn decimal_out(py: Python<'_>, value: Decimal) -> PyResult<Bound<'_, PyAny>> {
    decimal_class(py)?.call1((value.to_string(),))
}

/// `datetime.date`, looked up once.
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A date: a `datetime.date` (not a `datetime.datetime`) or ISO 8601 text `YYYY-MM-DD`.
pub fn date_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<NaiveDate> {
    // Fast path for exactly `datetime.date`: one pointer comparison and one `toordinal()` call, where
    // the limited API's year/month/day accessors are three attribute lookups. Python's ordinal and
    // chrono's days from the common era both count 0001-01-01 as day 1.
    let py = obj.py();
    if obj.get_type().is(DATE.import(py, "datetime", "date")?) {
        let ordinal: i32 = obj
            .call_method0(pyo3::intern!(py, "toordinal"))?
            .extract()?;
        if let Some(date) = NaiveDate::from_num_days_from_ce_opt(ordinal) {
            return Ok(date);
        }
    }
    if obj.is_instance_of::<PyDateTime>() {
        return Err(invalid(
            field,
            describe(obj),
            "a datetime.datetime is refused: pass a datetime.date (its .date()) or 'YYYY-MM-DD' text",
        ));
    }
    if let Ok(d) = obj.cast::<PyDate>() {
        use pyo3::types::PyDateAccess;
        return parse::date_ymd(
            field,
            d.get_year(),
            u32::from(d.get_month()),
            u32::from(d.get_day()),
        )
        .or_raise();
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return parse::date(field, &s.to_cow()?).or_raise();
    }
    Err(wrong_type(
        obj,
        field,
        "a datetime.date or 'YYYY-MM-DD' text",
    ))
}

/// Dates from an iterable, each a `datetime.date` or `'YYYY-MM-DD'` text.
pub fn dates_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Vec<NaiveDate>> {
    items_arg(obj, field)?
        .iter()
        .map(|d| date_arg(d, field))
        .collect()
}

/// A `datetime.date`; a date outside Python's years 1 to 9999 is a `DateOutOfRangeError`.
pub fn date_out<'py>(
    py: Python<'py>,
    date: NaiveDate,
    field: &'static str,
) -> PyResult<Bound<'py, PyDate>> {
    let out_of_range = || {
        crate::errors::raise(Error::DateOutOfRange {
            field,
            value: date.to_string(),
        })
    };
    if !(1..=9999).contains(&date.year()) {
        return Err(out_of_range());
    }
    let month = u8::try_from(date.month()).map_err(|_| out_of_range())?;
    let day = u8::try_from(date.day()).map_err(|_| out_of_range())?;
    PyDate::new(py, date.year(), month, day)
}

/// A list of dates out.
pub fn dates_out<'py>(
    py: Python<'py>,
    dates: &[NaiveDate],
    field: &'static str,
) -> PyResult<Vec<Bound<'py, PyDate>>> {
    dates.iter().map(|d| date_out(py, *d, field)).collect()
}

/// The integer types an argument converts to, with their range for messages.
pub trait IntArg: TryFrom<i64> {
    /// The smallest and largest value, as `i64`.
    const RANGE: (i64, i64);
}

impl IntArg for i64 {
    const RANGE: (i64, i64) = (i64::MIN, i64::MAX);
}

impl IntArg for i32 {
    const RANGE: (i64, i64) = (i32::MIN as i64, i32::MAX as i64);
}

impl IntArg for u32 {
    const RANGE: (i64, i64) = (0, u32::MAX as i64);
}

/// An integer (anything with `__index__`, but not a bool) that fits `T`.
pub fn int_arg<T: IntArg>(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<T> {
    if obj.is_instance_of::<PyBool>() || obj.is_instance_of::<PyFloat>() {
        return Err(wrong_type(obj, field, "an int"));
    }
    let out_of_range = || {
        let (lo, hi) = T::RANGE;
        invalid(
            field,
            describe(obj),
            format!("must be a whole number from {lo} to {hi}"),
        )
    };
    match obj.extract::<i64>() {
        Ok(v) => T::try_from(v).map_err(|_| out_of_range()),
        Err(e) if e.is_instance_of::<PyOverflowError>(obj.py()) => Err(out_of_range()),
        Err(_) => Err(wrong_type(obj, field, "an int")),
    }
}

/// A flag: `True` or `False` only. Anything else (`1`, `None`, `"yes"`, a numpy bool) is an
/// `InvalidArgumentError` naming the argument, as for every other argument, rather than pyo3's bare
/// `TypeError`.
pub fn bool_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<bool> {
    match obj.cast::<PyBool>() {
        Ok(b) => Ok(b.is_true()),
        Err(_) => Err(wrong_type(obj, field, "True or False")),
    }
}

/// `end_of_month=` through [`bool_arg`], for `#[pyo3(from_py_with = ...)]`.
pub fn end_of_month_arg(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    bool_arg(obj, "end_of_month")
}

/// `continuous=` through [`bool_arg`], for `#[pyo3(from_py_with = ...)]`.
pub fn continuous_arg(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    bool_arg(obj, "continuous")
}

/// A name or code: a `str`.
pub fn str_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(wrong_type(obj, field, "a str")),
    }
}

/// The items of an iterable argument (a list, tuple, generator; a bare `str` is refused).
pub fn items_arg<'py>(
    obj: &Bound<'py, PyAny>,
    field: &'static str,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(wrong_type(obj, field, "a sequence, not a single str"));
    }
    let iter = obj
        .try_iter()
        .map_err(|_| wrong_type(obj, field, "a sequence"))?;
    iter.collect()
}

/// `repr` of a date as Python shows it: `datetime.date(2026, 1, 31)`.
pub fn date_repr(date: NaiveDate) -> String {
    format!(
        "datetime.date({}, {}, {})",
        date.year(),
        date.month(),
        date.day()
    )
}

/// `repr` of a decimal as Python shows it: `Decimal('0.0969')`.
pub fn decimal_repr(py: Python<'_>, value: Decimal) -> PyResult<String> {
    Ok(decimal_out(py, value)?.repr()?.to_cow()?.into_owned())
}

/// `repr` of a str as Python shows it, for the names and codes in a class `repr`.
pub fn str_repr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}
