//! Aging.

use pyo3::prelude::*;

/// Registers the classes and functions.
pub fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
