//! Rounding by named mode: `round_decimal`, `round_to_multiple`, and the mode names.

use collections_core::{round_decimal as core_round_decimal, RoundingMode};
use pyo3::prelude::*;

use crate::convert::{decimal_arg, decimal_out, int_arg, str_arg};
use crate::errors::CoreResultExt;

/// A rounding mode argument: a name such as ``"half-up"``; ``None`` means half-up.
pub fn mode_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<RoundingMode> {
    match obj {
        None => Ok(RoundingMode::default()),
        Some(name) => str_arg(name, "mode")?
            .parse()
            .or_raise_as(&[("rounding_mode", "mode")]),
    }
}

/// Rounds ``value`` to ``places`` decimal places with a named mode.
///
/// Modes: half-up (ties away from zero, the default), half-even, half-down, up, down, ceiling, floor.
///
/// >>> round_decimal("2.345", 2, "half-even")
/// Decimal('2.34')
#[pyfunction]
#[pyo3(signature = (value, places, mode = None), text_signature = "(value, places, mode='half-up')")]
pub fn round_decimal<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
    places: &Bound<'py, PyAny>,
    mode: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let value = decimal_arg(value, "value")?;
    let places = int_arg::<u32>(places, "places")?;
    let rounded = core_round_decimal(value, places, mode_arg(mode)?).or_raise()?;
    decimal_out(py, rounded)
}

/// Rounds ``value`` to an integer multiple of ``multiple`` (positive) with a named mode.
///
/// >>> round_to_multiple("122", "5", "up")
/// Decimal('125')
#[pyfunction]
#[pyo3(signature = (value, multiple, mode = None), text_signature = "(value, multiple, mode='half-up')")]
pub fn round_to_multiple<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
    multiple: &Bound<'py, PyAny>,
    mode: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let value = decimal_arg(value, "value")?;
    let multiple = decimal_arg(multiple, "multiple")?;
    let rounded =
        collections_core::round_to_multiple(value, multiple, mode_arg(mode)?).or_raise()?;
    decimal_out(py, rounded)
}
