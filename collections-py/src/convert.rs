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
use pyo3::types::{PyBool, PyDate, PyDateTime, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use pyo3::Borrowed;
use rust_decimal::Decimal;

use crate::errors::{invalid, CoreResultExt};

/// What `__reduce__` returns for a class rebuilt by calling it: the class and its arguments.
pub type Reduced<'py, Args> = PyResult<(Bound<'py, PyType>, Args)>;

/// `decimal.Decimal`, looked up once.
static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// Whether `obj` is a `decimal.Decimal` (exactly, a pointer comparison, or a subclass).
pub fn is_decimal(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let class = decimal_class(obj.py())?;
    Ok(obj.get_type_ptr() == class.as_type_ptr() || obj.is_instance(class)?)
}

/// The longest `str()` of a Decimal read through a buffer on the stack; longer text (more digits than a
/// `rust_decimal` holds) is read the general way, to the same result.
const DECIMAL_TEXT: usize = 64;

/// `str(obj)` parsed as a decimal, the text copied out of the Python string into a buffer on the stack
/// (the limited API of Python 3.9 has no borrowed UTF-8 view, so `to_cow` allocates twice).
fn decimal_from_str(
    obj: &Bound<'_, PyAny>,
    field: &'static str,
) -> PyResult<Result<Decimal, Error>> {
    let text = obj.str()?;
    let mut wide = [0u32; DECIMAL_TEXT];
    let len = text.len()?;
    if len <= DECIMAL_TEXT {
        // SAFETY: `wide` holds `DECIMAL_TEXT` code points, at least the string's length, and no
        // terminating NUL is asked for; the string is alive for the call.
        let copied = unsafe {
            pyo3::ffi::PyUnicode_AsUCS4(
                text.as_ptr(),
                wide.as_mut_ptr(),
                DECIMAL_TEXT as pyo3::ffi::Py_ssize_t,
                0,
            )
        };
        if copied.is_null() {
            // Cannot happen with the length checked; clear the error and read the text the other way.
            drop(PyErr::take(obj.py()));
        } else {
            let mut ascii = [0u8; DECIMAL_TEXT];
            if wide[..len].iter().zip(&mut ascii).all(|(c, a)| {
                *a = u8::try_from(*c).unwrap_or(0);
                a.is_ascii() && *a != 0
            }) {
                if let Ok(text) = std::str::from_utf8(&ascii[..len]) {
                    return Ok(parse::decimal(field, text));
                }
            }
        }
    }
    Ok(parse::decimal(field, &text.to_cow()?))
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
    // Exactly decimal.Decimal first: the usual argument, told by one pointer comparison.
    if obj.get_type_ptr() == decimal_class(obj.py())?.as_type_ptr() {
        return decimal_from_str(obj, field);
    }
    // An int that fits an i64 is that many units: what its text parses to (scale 0), without the text.
    if obj.is_exact_instance_of::<PyInt>() {
        if let Ok(value) = obj.extract::<i64>() {
            return Ok(Ok(Decimal::from(value)));
        }
    }
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

fn date_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE.import(py, "datetime", "date")
}

/// Where an exact `datetime.date` keeps its year (two bytes, high first), month and day, once checked.
///
/// The limited API reads a date only through calls (`toordinal()`, or three attribute lookups), about
/// 40 ns each, which made reading the dates most of a 121-flow `xirr`. CPython's `PyDateTime_Date` (the
/// struct behind the `PyDateTime_GET_YEAR` macros that non-abi3 extensions such as pyxirr use) has
/// been the object header, a cached hash, a tzinfo flag, then these four bytes, since Python 2.3. That
/// layout is not promised to abi3 modules, so it is used only after checking it on this interpreter:
/// the type's size must hold the bytes, and probe dates across the range must read back their own
/// year, month and day. Otherwise (`None`) every date goes through `toordinal()`.
static DATE_BYTES: PyOnceLock<Option<usize>> = PyOnceLock::new();

fn date_bytes(date_class: &Bound<'_, PyType>) -> PyResult<Option<usize>> {
    DATE_BYTES
        .get_or_try_init(date_class.py(), || {
            let offset = std::mem::size_of::<pyo3::ffi::PyObject>()
                + std::mem::size_of::<pyo3::ffi::Py_hash_t>()
                + 1;
            let size: usize = date_class.getattr("__basicsize__")?.extract()?;
            if size < offset + 4 {
                return Ok::<_, PyErr>(None);
            }
            for (year, month, day) in [(1, 1, 1), (2026, 11, 23), (1969, 7, 20), (9999, 12, 31)] {
                let probe = date_class.call1((year, month, day))?;
                if read_date_bytes(&probe, offset) != [(year >> 8) as u8, year as u8, month, day] {
                    return Ok(None);
                }
            }
            Ok(Some(offset))
        })
        .copied()
}

/// The four bytes at `offset` of an exact `datetime.date` (see [`DATE_BYTES`]).
fn read_date_bytes(date: &Bound<'_, PyAny>, offset: usize) -> [u8; 4] {
    let base = date.as_ptr().cast::<u8>();
    // SAFETY: `date` is an instance of exactly `datetime.date` (the callers compare its type), whose
    // objects are `__basicsize__` bytes long, at least `offset + 4` (checked in `date_bytes`); the
    // bytes are plain data, set when the immutable date was made.
    std::array::from_fn(|i| unsafe { *base.add(offset + i) })
}

/// A date: a `datetime.date` (not a `datetime.datetime`) or ISO 8601 text `YYYY-MM-DD`.
pub fn date_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<NaiveDate> {
    let date_class = date_class(obj.py())?;
    date_item(obj, date_class, date_bytes(date_class)?, field)
}

/// An exact `datetime.date` read from its bytes at `offset` (see [`DATE_BYTES`]); `None` for anything
/// else. Runs no Python code.
fn exact_date(
    obj: &Bound<'_, PyAny>,
    date_class: &Bound<'_, PyType>,
    offset: usize,
) -> Option<NaiveDate> {
    if obj.get_type_ptr() != date_class.as_type_ptr() {
        return None;
    }
    let [high, low, month, day] = read_date_bytes(obj, offset);
    NaiveDate::from_ymd_opt(
        i32::from(high) << 8 | i32::from(low),
        u32::from(month),
        u32::from(day),
    )
}

/// [`date_arg`] with `datetime.date` and its layout already looked up, for the items of a list.
fn date_item(
    obj: &Bound<'_, PyAny>,
    date_class: &Bound<'_, PyType>,
    bytes_at: Option<usize>,
    field: &'static str,
) -> PyResult<NaiveDate> {
    if let Some(date) = bytes_at.and_then(|offset| exact_date(obj, date_class, offset)) {
        return Ok(date);
    }
    if obj.get_type_ptr() == date_class.as_type_ptr() {
        // Python's ordinal and chrono's days from the common era both count 0001-01-01 as day 1.
        if let Some(date) = obj
            .call_method0(pyo3::intern!(obj.py(), "toordinal"))?
            .extract::<i32>()
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
        {
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

/// Dates from an iterable, each a `datetime.date` or `'YYYY-MM-DD'` text, or from a one-dimensional
/// numpy `datetime64[D]` array ([`crate::arrays::datetime64_dates`]).
pub fn dates_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Vec<NaiveDate>> {
    let date_class = date_class(obj.py())?;
    let bytes_at = date_bytes(date_class)?;
    // A list or tuple of exact dates, the usual input, is read in one pass from the dates' bytes.
    if let Some(dates) =
        bytes_at.and_then(|offset| read_sequence(obj, |d| exact_date(d, date_class, offset)))
    {
        return Ok(dates);
    }
    if let Some(dates) = crate::arrays::datetime64_dates(obj, field)? {
        return Ok(dates);
    }
    // Other lists and tuples (not subclasses, which may iterate their own way) are read in place,
    // without first collecting their items.
    if let Ok(list) = obj.cast_exact::<PyList>() {
        return list
            .iter()
            .map(|d| date_item(&d, date_class, bytes_at, field))
            .collect();
    }
    if let Ok(tuple) = obj.cast_exact::<PyTuple>() {
        return tuple
            .iter()
            .map(|d| date_item(&d, date_class, bytes_at, field))
            .collect();
    }
    items_arg(obj, field)?
        .iter()
        .map(|d| date_item(d, date_class, bytes_at, field))
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

impl IntArg for u64 {
    const RANGE: (i64, i64) = (0, i64::MAX);
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

/// Every item of a list or tuple read by `read`, without a reference taken per item; `None` when `obj`
/// is neither (a subclass is neither: it may iterate its own way), or at the first item `read` declines
/// (the caller then reads the items by its general rule). `read` must run no Python code, so that the
/// sequence cannot change while it is read.
pub fn read_sequence<T>(
    obj: &Bound<'_, PyAny>,
    mut read: impl FnMut(&Bound<'_, PyAny>) -> Option<T>,
) -> Option<Vec<T>> {
    let py = obj.py();
    if let Ok(list) = obj.cast_exact::<PyList>() {
        let len = list.len();
        let mut out = Vec::with_capacity(len);
        for index in 0..len {
            let index = pyo3::ffi::Py_ssize_t::try_from(index).ok()?;
            // SAFETY: `index` is below the list's length, which cannot change while `read` runs no
            // Python code; the item is borrowed from the list, which `obj` keeps alive.
            let item = unsafe {
                Borrowed::from_ptr_or_opt(py, pyo3::ffi::PyList_GetItem(list.as_ptr(), index))?
            };
            out.push(read(&item)?);
        }
        return Some(out);
    }
    if let Ok(tuple) = obj.cast_exact::<PyTuple>() {
        let mut out = Vec::with_capacity(tuple.len());
        for index in 0..tuple.len() {
            // SAFETY: `index` is below the tuple's length.
            let item = unsafe { tuple.get_borrowed_item_unchecked(index) };
            out.push(read(&item)?);
        }
        return Some(out);
    }
    None
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

/// Text made safe for HTML (the notebooks' `_repr_html_` views).
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
