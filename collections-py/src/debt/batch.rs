//! The options the batch calls of `debt` and `contact` share: `errors="raise"|"column"` and an error
//! as the text of an `error` column.

use pyo3::prelude::*;

use crate::convert::str_arg;
use crate::debt::given;
use crate::errors::invalid;

/// What a batch call does with a bad row: raise its error (`errors="raise"`, the default), or give
/// it in an `error` column, its results null (`errors="column"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// Raise the first bad row's error.
    Raise,
    /// An `error` column: `"<field>: <message>"`, null when the row is fine.
    Column,
}

/// The `errors` argument: `None`, `'raise'` or `'column'`.
pub fn errors_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<OnError> {
    let Some(obj) = given(obj) else {
        return Ok(OnError::Raise);
    };
    match str_arg(obj, "errors")?.as_str() {
        "raise" => Ok(OnError::Raise),
        "column" => Ok(OnError::Column),
        other => Err(invalid(
            "errors",
            other,
            "must be 'raise' (the first bad row's error, the default) or 'column' (an error column)",
        )),
    }
}

/// An exception as the text of an `error` column: its message, which for a `CollectionsError` is
/// `"<field>: <reason> (got <value>)"`.
pub fn error_text(py: Python<'_>, err: &PyErr) -> String {
    err.value(py)
        .str()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|_| String::from("<error>"))
}

/// Whether a cell is missing: `None`, or the NaN, `NaT` or `NA` a pandas column holds for one.
pub fn missing(cell: &Bound<'_, PyAny>) -> bool {
    cell.is_none()
        || cell
            .cast::<pyo3::types::PyFloat>()
            .is_ok_and(|f| f.value().is_nan())
        || cell
            .get_type()
            .name()
            .is_ok_and(|n| n.to_cow().is_ok_and(|n| n == "NaTType" || n == "NAType"))
}

/// A row's error raised as its exception, its value and its message both led by the row (`'row 4:
/// ...'`), as the package reports a bad cell.
pub fn raise_at_row(py: Python<'_>, err: collections_core::Error, row: usize) -> PyErr {
    let prefix = format!("row {row}");
    let err = if err.value().starts_with(&format!("{prefix}: ")) {
        err
    } else {
        crate::arrow::prefixed(err, &prefix)
    };
    let raised = crate::errors::raise(err);
    let value = raised.value(py);
    let rebuilt = (|| -> PyResult<PyErr> {
        let message = format!("{prefix}: {}", value.str()?.to_cow()?);
        let class = value.get_type();
        Ok(PyErr::from_value(class.call1((
            message,
            value.getattr("field")?,
            value.getattr("value")?,
        ))?))
    })();
    rebuilt.unwrap_or(raised)
}
