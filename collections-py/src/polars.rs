//! polars, the optional DataFrame library: `to_polars()` (and `*_to_polars()`) of every class with an
//! Arrow export, made once here as `polars.from_arrow` of that export's `pyarrow.Table` (amounts stay
//! exact: `decimal128(38, s)` becomes polars `Decimal(38, s)`), and the recognition of a polars
//! DataFrame or Series given to a batch call. polars is imported on first use; a missing one is an
//! `ImportError` naming the package's `polars` extra. The package imports and works without it.

use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;

/// Imports polars, or says which export needs it and how to install it.
fn import<'py>(py: Python<'py>, export: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import("polars").map_err(|err| {
        if err.is_instance_of::<PyImportError>(py) {
            let missing = PyImportError::new_err(format!(
                "{export}() needs polars, which is not installed: pip install \
                 'collections-core[polars]' (the polars extra) or pip install polars pyarrow"
            ));
            missing.set_cause(py, Some(err));
            missing
        } else {
            err
        }
    })
}

/// The `pyarrow.Table` made by `arrow` as a polars DataFrame; `export` names the method for a missing
/// polars (checked before the table is made).
pub fn from_arrow<'py>(
    py: Python<'py>,
    export: &str,
    arrow: impl FnOnce() -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let pl = import(py, export)?;
    pl.getattr("from_arrow")?.call1((arrow()?,))
}

/// Whether `obj` is a polars object (a DataFrame or a Series): its class is defined in polars.
pub fn is_polars(obj: &Bound<'_, PyAny>) -> bool {
    obj.get_type().module().is_ok_and(|m| {
        m.to_cow()
            .is_ok_and(|m| m == "polars" || m.starts_with("polars."))
    })
}
