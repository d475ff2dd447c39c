//! numpy, for the arguments that may be arrays: imported on first use (scalar calls and plain lists
//! never need it), and never imported just to ask whether a value is an array.
//!
//! The finance functions broadcast over numeric and object arrays ([`crate::finance`]); every argument
//! that takes a list of dates also takes a one-dimensional `datetime64[D]` array, read from its buffer
//! (numpy counts days from 1970-01-01), so a column of dates costs no Python object per element.

use chrono::{Datelike, NaiveDate};
use collections_core::Error;
use numpy::datetime::{units::Days, Datetime};
use numpy::{
    PyArrayDescrMethods, PyArrayDyn, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods,
};
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::convert::describe;
use crate::errors::{invalid, raise};

/// What the finance functions call in numpy, looked up once numpy is first needed.
pub struct Numpy {
    pub ndarray: Py<PyType>,
    pub generic: Py<PyType>,
    pub asarray: Py<PyAny>,
    pub ascontiguousarray: Py<PyAny>,
    pub broadcast_to: Py<PyAny>,
    pub float64: Py<PyAny>,
    pub int64: Py<PyAny>,
    pub object: Py<PyAny>,
}

static NUMPY: PyOnceLock<Numpy> = PyOnceLock::new();

/// numpy's functions and types, importing numpy if need be.
pub fn numpy(py: Python<'_>) -> PyResult<&Numpy> {
    NUMPY.get_or_try_init(py, || {
        let np = py.import("numpy").map_err(|err| {
            PyImportError::new_err(format!(
                "collections_core.finance needs numpy for arrays and lists of values ({err})"
            ))
        })?;
        Ok::<_, PyErr>(Numpy {
            ndarray: np.getattr("ndarray")?.cast_into::<PyType>()?.unbind(),
            generic: np.getattr("generic")?.cast_into::<PyType>()?.unbind(),
            asarray: np.getattr("asarray")?.unbind(),
            ascontiguousarray: np.getattr("ascontiguousarray")?.unbind(),
            broadcast_to: np.getattr("broadcast_to")?.unbind(),
            float64: np.getattr("float64")?.unbind(),
            int64: np.getattr("int64")?.unbind(),
            object: np.getattr("object_")?.unbind(),
        })
    })
}

/// numpy, if the program has imported it (a numpy value can exist only then); never imports it.
pub fn loaded(py: Python<'_>) -> PyResult<Option<&Numpy>> {
    if let Some(np) = NUMPY.get(py) {
        return Ok(Some(np));
    }
    if py.import("sys")?.getattr("modules")?.contains("numpy")? {
        return numpy(py).map(Some);
    }
    Ok(None)
}

/// Whether `obj` is a numpy array or a numpy scalar (a float64 scalar is a Python float and never
/// gets here).
pub fn is_numpy_value(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let py = obj.py();
    match loaded(py)? {
        Some(np) => {
            Ok(obj.is_instance(np.ndarray.bind(py))? || obj.is_instance(np.generic.bind(py))?)
        }
        None => Ok(false),
    }
}

/// 1970-01-01, day 0 of numpy's datetime64[D] and Arrow's date32, as chrono's `num_days_from_ce`
/// counts it (0001-01-01 is day 1).
pub const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// numpy's not-a-time, the smallest `i64`.
const NAT: i64 = i64::MIN;

/// The dates of a one-dimensional `datetime64[D]` array; `None` for anything that is not a numpy
/// array of datetimes (lists, tuples, other iterables, subclasses of `ndarray`), which are read item
/// by item.
///
/// Other units are refused rather than truncated (as a `datetime.datetime` is), and so are `NaT` and
/// dates outside `datetime.date`'s years 1 to 9999.
pub fn datetime64_dates(
    obj: &Bound<'_, PyAny>,
    field: &'static str,
) -> PyResult<Option<Vec<NaiveDate>>> {
    let Some(np) = loaded(obj.py())? else {
        return Ok(None);
    };
    // Exactly numpy.ndarray: a subclass (a masked array) may mean more than its buffer says.
    if obj.get_type_ptr() != np.ndarray.bind(obj.py()).as_type_ptr() {
        return Ok(None);
    }
    let Ok(array) = obj.cast::<PyUntypedArray>() else {
        return Ok(None);
    };
    if array.dtype().kind() != b'M' {
        return Ok(None);
    }
    let Ok(days) = array.cast::<PyArrayDyn<Datetime<Days>>>() else {
        let dtype = array.dtype().str()?.to_cow()?.into_owned();
        return Err(invalid(
            field,
            describe(obj),
            format!(
                "expected dates as datetime64[D], not {dtype}: convert with .astype('datetime64[D]') \
                 if a time of day may be dropped"
            ),
        ));
    };
    if days.ndim() != 1 {
        return Err(invalid(
            field,
            format!("an array of shape {:?}", days.shape()),
            "dates must be one-dimensional",
        ));
    }
    let readonly = days.try_readonly()?;
    let mut dates = Vec::with_capacity(readonly.len());
    for (index, day) in readonly.as_array().iter().enumerate() {
        let day = i64::from(*day);
        if day == NAT {
            return Err(invalid(
                field,
                format!("NaT at index {index}"),
                "not a date",
            ));
        }
        let date = day
            .checked_add(i64::from(UNIX_EPOCH_FROM_CE))
            .and_then(|ce| i32::try_from(ce).ok())
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .filter(|d| (1..=9999).contains(&d.year()))
            .ok_or_else(|| {
                raise(Error::DateOutOfRange {
                    field,
                    value: format!("{day} days from 1970-01-01 at index {index}"),
                })
            })?;
        dates.push(date);
    }
    Ok(Some(dates))
}
