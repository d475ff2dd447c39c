//! The numeric arguments of the finance functions, and which path a call takes.
//!
//! Each argument is exact (a `decimal.Decimal` or a `str`), an `int`, a `float`, or an array (a numpy
//! array, or a list or tuple where numpy-financial broadcasts). The call takes:
//! - the **f64 path** (`collections_core::finance::float`, results `float`) when any argument is a float
//!   or a float array, or when there is an int array and nothing exact (numpy's numeric columns);
//! - else the **exact path** (Decimal, results `decimal.Decimal`): Decimals, strs, ints, int arrays with
//!   a Decimal among the arguments, and object arrays of Decimals.
//!
//! So plain Python numbers behave as Python's do (Decimal and int stay exact; a float makes it float)
//! and numpy columns as numpy's do. Text and ints are parsed (and errors raised) when the path is known.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyList, PyString, PyTuple};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::columns;
use crate::convert::{decimal_arg, is_decimal, items_arg, read_sequence, wrong_type};
use crate::errors::invalid;

/// One numeric argument, classified but not yet converted.
pub enum Num<'py> {
    /// A `decimal.Decimal` or a `str`: makes the call exact unless a float is present.
    Exact(Bound<'py, PyAny>),
    /// An `int` (or a default): takes whichever path the others choose.
    Int(Bound<'py, PyAny>),
    /// A `float` (numpy's float64 scalars are floats).
    Float(f64),
    /// A numpy array or scalar, a list or a tuple: the call broadcasts.
    Array(Bound<'py, PyAny>),
    /// A pyarrow Array or ChunkedArray, a pandas or polars Series (anything with
    /// `__arrow_c_array__` or `__arrow_c_stream__`): the call runs over its rows, read as Arrow.
    Arrow(Bound<'py, PyAny>),
    /// A default (0 for `fv`, 0.1 for `guess`): takes whichever path the others choose.
    Default(Decimal),
}

/// What an argument asks of the call's path.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Decimals, strs, object arrays, lists without floats.
    Exact,
    /// Ints and defaults.
    Neutral,
    /// int arrays: float64 unless something is exact.
    Numeric,
    /// Floats and float arrays.
    Float,
}

/// Whether the arguments take the f64 path: a float anywhere, or a numeric array and nothing exact.
pub fn use_float(kinds: impl IntoIterator<Item = Kind> + Clone) -> bool {
    let has = |k: Kind| kinds.clone().into_iter().any(|x| x == k);
    has(Kind::Float) || (has(Kind::Numeric) && !has(Kind::Exact))
}

const EXPECTED: &str = "a decimal.Decimal, an int, a str, a float or an array of them";

/// Classifies one argument.
pub fn num_arg<'py>(obj: &Bound<'py, PyAny>, field: &'static str) -> PyResult<Num<'py>> {
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(Num::Float(f.value()));
    }
    if obj.is_instance_of::<PyBool>() {
        return Err(wrong_type(obj, field, EXPECTED));
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(Num::Int(obj.clone()));
    }
    if obj.is_instance_of::<PyString>() || is_decimal(obj)? {
        return Ok(Num::Exact(obj.clone()));
    }
    if crate::arrow::is_arrow_column(obj)? {
        return Ok(Num::Arrow(obj.clone()));
    }
    if obj.is_instance_of::<PyList>()
        || obj.is_instance_of::<PyTuple>()
        || crate::arrays::is_numpy_value(obj)?
    {
        return Ok(Num::Array(obj.clone()));
    }
    Err(wrong_type(obj, field, EXPECTED))
}

/// An optional argument with a default (numpy-financial's `fv=0`, `guess=None` meaning 0.1).
pub fn num_or<'py>(
    obj: Option<&Bound<'py, PyAny>>,
    field: &'static str,
    default: Decimal,
) -> PyResult<Num<'py>> {
    obj.map_or(Ok(Num::Default(default)), |o| num_arg(o, field))
}

impl<'py> Num<'py> {
    /// What this scalar asks of the path (arrays are classified by their dtype, in `columns`).
    pub fn kind(&self) -> Kind {
        match self {
            Num::Exact(_) => Kind::Exact,
            Num::Int(_) | Num::Default(_) => Kind::Neutral,
            Num::Float(_) => Kind::Float,
            Num::Array(_) | Num::Arrow(_) => Kind::Numeric,
        }
    }

    /// The exact value of a scalar.
    pub fn decimal(&self, field: &'static str) -> PyResult<Decimal> {
        match self {
            Num::Exact(obj) | Num::Int(obj) => decimal_arg(obj, field),
            Num::Default(d) => Ok(*d),
            Num::Float(_) | Num::Array(_) | Num::Arrow(_) => {
                Err(invalid(field, "float", "internal: not an exact scalar"))
            }
        }
    }

    /// The f64 value of a scalar: text and Decimals are parsed exactly first (so bad text is reported
    /// as on the exact path), then rounded to the nearest f64.
    pub fn float(&self, field: &'static str) -> PyResult<f64> {
        match self {
            Num::Float(f) => Ok(*f),
            Num::Int(obj) => match obj.extract::<f64>() {
                Ok(f) => Ok(f),
                Err(_) => to_f64(decimal_arg(obj, field)?, field),
            },
            Num::Exact(_) | Num::Default(_) => to_f64(self.decimal(field)?, field),
            Num::Array(_) | Num::Arrow(_) => Err(invalid(field, "array", "internal: not a scalar")),
        }
    }
}

/// A Decimal as the nearest f64.
pub fn to_f64(value: Decimal, field: &'static str) -> PyResult<f64> {
    value
        .to_f64()
        .ok_or_else(|| invalid(field, value.to_string(), "cannot be represented as a float"))
}

/// A series of cash flows (`values`, `amounts`): exact, or f64 when an item is a float or the series
/// is a numeric numpy array.
pub enum Series {
    /// Decimals, ints and strs.
    Exact(Vec<Decimal>),
    /// At least one float among the items, or a float array.
    Float(Vec<f64>),
    /// An int array: f64 unless another argument is exact.
    Numeric(Vec<i64>),
}

impl Series {
    pub fn kind(&self) -> Kind {
        match self {
            Series::Exact(_) => Kind::Exact,
            Series::Float(_) => Kind::Float,
            Series::Numeric(_) => Kind::Numeric,
        }
    }

    /// The values as f64.
    pub fn into_floats(self, field: &'static str) -> PyResult<Vec<f64>> {
        match self {
            Series::Float(v) => Ok(v),
            // The nearest f64, as numpy's astype(float64) gives.
            Series::Numeric(v) => Ok(v.into_iter().map(|i| i as f64).collect()),
            Series::Exact(v) => v.into_iter().map(|d| to_f64(d, field)).collect(),
        }
    }

    /// The values as Decimal (never called on a float series: a float makes the call float).
    pub fn into_decimals(self) -> Vec<Decimal> {
        match self {
            Series::Exact(v) => v,
            Series::Numeric(v) => v.into_iter().map(Decimal::from).collect(),
            Series::Float(_) => Vec::new(),
        }
    }
}

/// A series from any iterable, or a one-dimensional numpy array (read from its buffer when numeric).
pub fn series_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Series> {
    // A list or tuple of floats, the usual input of pyxirr and numpy-financial, is read in one pass
    // (an empty one is exact).
    if let Some(floats) = read_sequence(obj, |item| item.cast::<PyFloat>().ok().map(|f| f.value()))
    {
        if !floats.is_empty() {
            return Ok(Series::Float(floats));
        }
    }
    if let Some(series) = columns::numeric_series(obj, field)? {
        return Ok(series);
    }
    let items = items_arg(obj, field)?;
    if items.iter().any(|item| item.is_instance_of::<PyFloat>()) {
        let floats = items
            .iter()
            .map(|item| match item.cast::<PyFloat>() {
                // The common case first: a float is read directly.
                Ok(f) => Ok(f.value()),
                Err(_) => num_arg(item, field)?.scalar_float(field),
            })
            .collect::<PyResult<_>>()?;
        return Ok(Series::Float(floats));
    }
    let exact = items
        .iter()
        .map(|item| decimal_arg(item, field))
        .collect::<PyResult<_>>()?;
    Ok(Series::Exact(exact))
}

impl Num<'_> {
    /// The f64 value of an item of a series: arrays are refused as items.
    fn scalar_float(&self, field: &'static str) -> PyResult<f64> {
        match self {
            Num::Array(obj) | Num::Arrow(obj) => Err(wrong_type(obj, field, "numbers")),
            _ => self.float(field),
        }
    }
}
