//! Core errors to Python exceptions.
//!
//! Each [`Error`] variant maps to one exception class of `collections_core`, all under `CollectionsError`
//! (itself a `ValueError`). The classes are plain Python, defined in `collections_core/_errors.py`, so they
//! pickle like any exception; each is imported once and cached. An exception carries the core error's
//! `Display` text as its message and the core's `field` and `value` as attributes.

use collections_core::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

const ERRORS_MODULE: &str = "collections_core._errors";

static COLLECTIONS_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_ARGUMENT: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UNKNOWN_CURRENCY: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CURRENCY_MISMATCH: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_RATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static OVERFLOW: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE_OUT_OF_RANGE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static NO_SOLUTION: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The exception class of an error, and its cache.
fn class_of(err: &Error) -> (&'static PyOnceLock<Py<PyType>>, &'static str) {
    match err {
        Error::InvalidArgument { .. } => (&INVALID_ARGUMENT, "InvalidArgumentError"),
        Error::InvalidDecimal { .. } => (&INVALID_DECIMAL, "InvalidDecimalError"),
        Error::InvalidDate { .. } => (&INVALID_DATE, "InvalidDateError"),
        Error::UnknownCurrency { .. } => (&UNKNOWN_CURRENCY, "UnknownCurrencyError"),
        Error::CurrencyMismatch { .. } => (&CURRENCY_MISMATCH, "CurrencyMismatchError"),
        Error::InvalidRate { .. } => (&INVALID_RATE, "InvalidRateError"),
        Error::Overflow { .. } => (&OVERFLOW, "ArithmeticOverflowError"),
        Error::DateOutOfRange { .. } => (&DATE_OUT_OF_RANGE, "DateOutOfRangeError"),
        Error::NoSolution { .. } => (&NO_SOLUTION, "NoSolutionError"),
        // `Error` is non-exhaustive: a variant added later is still a CollectionsError.
        _ => (&COLLECTIONS_ERROR, "CollectionsError"),
    }
}

/// The Python exception for a core error.
pub fn to_pyerr(py: Python<'_>, err: &Error) -> PyErr {
    let (cell, name) = class_of(err);
    let raised = cell.import(py, ERRORS_MODULE, name).and_then(|class| {
        class
            .call1((err.to_string(), err.field(), err.value()))
            .map(PyErr::from_value)
    });
    raised.unwrap_or_else(|failure| failure)
}

/// Raises a core error as its Python exception.
pub fn raise(err: Error) -> PyErr {
    Python::attach(|py| to_pyerr(py, &err))
}

/// An `InvalidArgumentError` for a Python value the skin cannot convert (a float, a wrong type).
pub fn invalid(field: &'static str, value: impl Into<String>, reason: impl Into<String>) -> PyErr {
    raise(Error::InvalidArgument {
        field,
        value: value.into(),
        reason: reason.into(),
    })
}

/// Core results to Python results.
pub trait CoreResultExt<T> {
    /// The core error as its Python exception.
    fn or_raise(self) -> PyResult<T>;

    /// The same, reporting a core field under the Python argument's name (`(core, python)` pairs).
    fn or_raise_as(self, renames: &[(&str, &'static str)]) -> PyResult<T>;
}

impl<T> CoreResultExt<T> for Result<T, Error> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(raise)
    }

    fn or_raise_as(self, renames: &[(&str, &'static str)]) -> PyResult<T> {
        self.map_err(|err| {
            let renamed = match renames.iter().find(|(core, _)| *core == err.field()) {
                Some((_, python)) => err.with_field(python),
                None => err,
            };
            raise(renamed)
        })
    }
}
