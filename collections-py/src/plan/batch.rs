//! `score_many` and `forecast_portfolio`: long tables of promises in, tables out.

use pyo3::prelude::*;

/// Registers the functions on the compiled module.
pub fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
