//! `parse_decimal`: text to an exact Decimal, with the core's rules (no NaN, no silent rounding).

use collections_core::parse;
use pyo3::prelude::*;

use crate::convert::{decimal_out, str_arg};
use crate::errors::CoreResultExt;

/// Parses decimal text exactly, plain (``-1234.5678``) or scientific (``1.5e3``).
///
/// NaN, infinities and numbers Decimal cannot hold exactly (beyond 28 significant digits or about
/// 7.9e28) raise ``InvalidDecimalError`` rather than being rounded.
///
/// >>> parse_decimal("1.5e3")
/// Decimal('1500')
#[pyfunction]
pub fn parse_decimal<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = str_arg(text, "text")?;
    decimal_out(py, parse::decimal("text", &text).or_raise()?)
}
