//! `Rate`: an annual interest rate; periodic rates and nominal/effective (APY) conversion.

use std::str::FromStr;

use collections_core::{Compounding, Rate};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyType};

use crate::calendar::{frequency_arg, PyFrequency};
use crate::convert::{continuous_arg, decimal_arg, decimal_out, describe, int_arg, str_repr};
use crate::errors::{invalid, CoreResultExt};

/// An annual interest rate, nominal unless a method says otherwise, held as an exact fraction.
///
/// ``Rate("5.25%")`` reads a percentage, ``Rate("0.0525")`` or ``Rate(Decimal("0.0525"))`` a fraction;
/// ``Rate.from_percent`` and ``Rate.from_fraction`` say which. A rate must be above -100%.
/// Floats are refused.
///
/// >>> Rate.from_percent(12).periodic("monthly")
/// Decimal('0.01')
/// >>> Rate("5.25%") == Rate.from_fraction("0.0525")
/// True
#[pyclass(module = "collections_core", name = "Rate", frozen, eq, hash, ord)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyRate(pub Rate);

/// How interest compounds, from `periods_per_year` (an int or a `Frequency`) or `continuous=True`.
fn compounding(
    periods_per_year: Option<&Bound<'_, PyAny>>,
    continuous: bool,
) -> PyResult<Compounding> {
    match (periods_per_year, continuous) {
        (None, true) => Ok(Compounding::Continuous),
        (Some(p), false) => {
            if let Ok(f) = p.cast::<PyFrequency>() {
                return Ok(Compounding::from(f.get().0));
            }
            Ok(Compounding::PeriodsPerYear(int_arg::<u32>(
                p,
                "periods_per_year",
            )?))
        }
        (None, false) => Err(invalid(
            "periods_per_year",
            "None",
            "give periods_per_year or continuous=True",
        )),
        (Some(p), true) => Err(invalid(
            "periods_per_year",
            describe(p),
            "give periods_per_year or continuous=True, not both",
        )),
    }
}

/// A rate argument: a `Rate`, or a fraction as a Decimal, int or str.
pub fn rate_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Rate> {
    if let Ok(r) = obj.cast::<PyRate>() {
        return Ok(r.get().0);
    }
    Rate::from_fraction(decimal_arg(obj, field)?).or_raise_as(&[("rate", field)])
}

#[pymethods]
impl PyRate {
    #[new]
    fn new(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(text) = value.cast::<PyString>() {
            return Rate::from_str(&text.to_cow()?)
                .or_raise_as(&[("rate", "value")])
                .map(PyRate);
        }
        rate_arg(value, "value").map(PyRate)
    }

    /// A rate from a percentage (5 for 5%).
    #[staticmethod]
    fn from_percent(percent: &Bound<'_, PyAny>) -> PyResult<Self> {
        Rate::from_percent(decimal_arg(percent, "percent")?)
            .or_raise_as(&[("rate", "percent")])
            .map(PyRate)
    }

    /// A rate from a fraction (0.05 for 5%).
    #[staticmethod]
    fn from_fraction(fraction: &Bound<'_, PyAny>) -> PyResult<Self> {
        rate_arg(fraction, "fraction").map(PyRate)
    }

    /// The nominal rate that, compounded as given, has the effective annual rate ``effective``.
    ///
    /// Give ``periods_per_year`` (an int or a ``Frequency``) or ``continuous=True``.
    #[staticmethod]
    #[pyo3(signature = (effective, periods_per_year = None, *, continuous = false))]
    fn from_effective_annual(
        effective: &Bound<'_, PyAny>,
        periods_per_year: Option<&Bound<'_, PyAny>>,
        #[pyo3(from_py_with = continuous_arg)] continuous: bool,
    ) -> PyResult<Self> {
        let effective = rate_arg(effective, "effective")?;
        let compounding = compounding(periods_per_year, continuous)?;
        Rate::from_effective_annual(effective, compounding)
            .or_raise_as(&[("rate", "effective"), ("compounding", "periods_per_year")])
            .map(PyRate)
    }

    /// The rate as a fraction (0.0525).
    #[getter]
    fn fraction<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.as_fraction())
    }

    /// The rate as a percentage (5.25).
    #[getter]
    fn percent<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.as_percent())
    }

    /// The rate per period of ``frequency`` (a ``Frequency`` or a name): the annual rate divided by
    /// the periods in a year.
    fn periodic<'py>(
        &self,
        py: Python<'py>,
        frequency: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.periodic(frequency_arg(frequency, "frequency")?))
    }

    /// The effective annual rate (APY) of this nominal rate, compounded ``periods_per_year`` times a
    /// year (an int or a ``Frequency``) or continuously.
    ///
    /// >>> Rate.from_percent(8).effective_annual(4).fraction
    /// Decimal('0.08243216')
    #[pyo3(signature = (periods_per_year = None, *, continuous = false))]
    fn effective_annual(
        &self,
        periods_per_year: Option<&Bound<'_, PyAny>>,
        #[pyo3(from_py_with = continuous_arg)] continuous: bool,
    ) -> PyResult<Self> {
        let compounding = compounding(periods_per_year, continuous)?;
        self.0
            .effective_annual(compounding)
            .or_raise_as(&[("compounding", "periods_per_year")])
            .map(PyRate)
    }

    /// ``{"fraction": Decimal}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("fraction", decimal_out(py, self.0.as_fraction())?)?;
        Ok(dict)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, (Bound<'py, PyAny>,))> {
        Ok((
            slf.get_type(),
            (decimal_out(slf.py(), slf.get().0.as_fraction())?,),
        ))
    }

    fn __repr__(&self) -> String {
        format!("Rate({})", str_repr(&self.0.to_string()))
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }
}
