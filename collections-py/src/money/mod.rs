//! Money: `Money` and `Currency`, checked arithmetic, named rounding and splitting by weights.

mod currency;
mod rounding;

use collections_core::{Error, Money};
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt};

pub use currency::{currency_arg, PyCurrency};
pub use rounding::{mode_arg, round_decimal, round_to_multiple};

use crate::convert::{
    decimal_arg, decimal_out, describe, is_decimal, items_arg, str_repr, wrong_type, Reduced,
};
use crate::errors::{invalid, raise, CoreResultExt};

/// An exact amount of money in one currency.
///
/// ``amount`` is a ``decimal.Decimal``, an ``int`` or a ``str`` (floats are refused: they cannot hold
/// most amounts exactly); ``currency`` is a ``Currency`` or an ISO 4217 code. The amount is kept as given,
/// with its scale; nothing rounds until ``round`` is called.
///
/// >>> Money("10.005", "USD") + Money("2.50", "USD")
/// Money('12.505', 'USD')
/// >>> (Money("10.005", "USD") + Money("2.50", "USD")).round()
/// Money('12.51', 'USD')
/// >>> [str(m) for m in Money("100.00", "USD").split([1, 1, 1])]
/// ['33.34 USD', '33.33 USD', '33.33 USD']
#[pyclass(module = "collections_core", name = "Money", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyMoney(pub Money);

impl PyMoney {
    fn repr_currency(&self) -> String {
        let c = self.0.currency();
        if c.is_iso() {
            str_repr(c.code())
        } else {
            format!("Currency({}, {})", str_repr(c.code()), c.minor_units())
        }
    }

    /// `self × factor` for an int or Decimal factor; `None` when the operand is not a number we take.
    fn times(&self, factor: &Bound<'_, PyAny>) -> PyResult<Option<PyMoney>> {
        if factor.is_instance_of::<PyFloat>() {
            return Err(invalid(
                "factor",
                describe(factor),
                "floats are refused because they are inexact: multiply by a decimal.Decimal or an int",
            ));
        }
        let is_int = factor.is_instance_of::<PyInt>() && !factor.is_instance_of::<PyBool>();
        if !(is_int || is_decimal(factor)?) {
            return Ok(None);
        }
        let factor = decimal_arg(factor, "factor")?;
        self.0
            .checked_mul(factor)
            .or_raise()
            .map(|m| Some(PyMoney(m)))
    }
}

#[pymethods]
impl PyMoney {
    #[new]
    fn new(amount: &Bound<'_, PyAny>, currency: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyMoney(Money::new(
            decimal_arg(amount, "amount")?,
            currency_arg(currency, "currency")?,
        )))
    }

    /// An amount from a whole number of minor units (cents for USD, fils for KWD).
    ///
    /// >>> Money.from_minor_units(12345, "KWD")
    /// Money('12.345', 'KWD')
    #[staticmethod]
    fn from_minor_units(units: &Bound<'_, PyAny>, currency: &Bound<'_, PyAny>) -> PyResult<Self> {
        let currency = currency_arg(currency, "currency")?;
        let units = match units.extract::<i64>() {
            Ok(u) if !units.is_instance_of::<PyBool>() => u,
            Err(e) if e.is_instance_of::<PyOverflowError>(units.py()) => {
                return Err(raise(Error::Overflow {
                    field: "units",
                    value: describe(units),
                }))
            }
            _ => {
                return Err(wrong_type(units, "units", "an int"));
            }
        };
        Ok(PyMoney(Money::from_minor_units(units, currency)))
    }

    /// The amount, a ``decimal.Decimal`` with its scale.
    #[getter]
    fn amount<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.amount())
    }

    /// The currency.
    #[getter]
    fn currency(&self) -> PyCurrency {
        PyCurrency(self.0.currency())
    }

    /// Rounded to the currency's minor units with a named mode (default half-up).
    #[pyo3(signature = (mode = None), text_signature = "($self, mode='half-up')")]
    fn round(&self, mode: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        Ok(PyMoney(self.0.round(mode_arg(mode)?)))
    }

    /// Rounded to an integer multiple of ``multiple`` (installments in multiples of 5, say).
    #[pyo3(signature = (multiple, mode = None), text_signature = "($self, multiple, mode='half-up')")]
    fn round_to_multiple(
        &self,
        multiple: &Bound<'_, PyAny>,
        mode: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let multiple = decimal_arg(multiple, "multiple")?;
        self.0
            .round_to_multiple(multiple, mode_arg(mode)?)
            .or_raise_as(&[("value", "amount")])
            .map(PyMoney)
    }

    /// Parts proportional to ``weights``, each rounded to minor units, adding up to this amount exactly.
    ///
    /// The amount must be rounded to minor units; weights are non-negative with a positive sum. Leftover
    /// minor units go one each to the parts with the largest remainders, ties to the earlier part.
    fn split(&self, weights: &Bound<'_, PyAny>) -> PyResult<Vec<PyMoney>> {
        let weights = items_arg(weights, "weights")?
            .iter()
            .map(|w| decimal_arg(w, "weights"))
            .collect::<PyResult<Vec<_>>>()?;
        let parts = self.0.split(&weights).or_raise()?;
        Ok(parts.into_iter().map(PyMoney).collect())
    }

    /// The amount as a whole number of minor units; the amount must be rounded first.
    fn to_minor_units(&self) -> PyResult<i64> {
        self.0.to_minor_units().or_raise()
    }

    /// ``{"amount": Decimal, "currency": {"code": ..., "minor_units": ...}}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let currency = PyDict::new(py);
        currency.set_item("code", self.0.currency().code())?;
        currency.set_item("minor_units", self.0.currency().minor_units())?;
        let dict = PyDict::new(py);
        dict.set_item("amount", decimal_out(py, self.0.amount())?)?;
        dict.set_item("currency", currency)?;
        Ok(dict)
    }

    fn __add__(&self, other: &Bound<'_, PyMoney>) -> PyResult<Self> {
        self.0.checked_add(&other.get().0).or_raise().map(PyMoney)
    }

    fn __sub__(&self, other: &Bound<'_, PyMoney>) -> PyResult<Self> {
        self.0.checked_sub(&other.get().0).or_raise().map(PyMoney)
    }

    fn __mul__(&self, factor: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = factor.py();
        match self.times(factor)? {
            Some(m) => Ok(Py::new(py, m)?.into_any()),
            None => Ok(py.NotImplemented()),
        }
    }

    fn __rmul__(&self, factor: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        self.__mul__(factor)
    }

    fn __neg__(&self) -> Self {
        PyMoney(self.0.negate())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (Bound<'py, PyAny>, PyCurrency)> {
        let m = slf.get().0;
        Ok((
            slf.get_type(),
            (decimal_out(slf.py(), m.amount())?, PyCurrency(m.currency())),
        ))
    }

    fn __repr__(&self) -> String {
        format!(
            "Money({}, {})",
            str_repr(&self.0.amount().to_string()),
            self.repr_currency()
        )
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }
}
