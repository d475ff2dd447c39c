//! `Currency`: an ISO 4217 currency, or one the caller defines with its minor units.

use collections_core::Currency;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

use crate::convert::{int_arg, str_arg, str_repr, wrong_type};
use crate::errors::CoreResultExt;

/// A currency: a three-letter code and the decimal places of its minor unit.
///
/// ``Currency("USD")`` looks the code up in ISO 4217 (case-insensitive); ``Currency("PTS", 0)`` defines a
/// currency the table does not have. Two currencies are equal when code and minor units are equal.
///
/// >>> Currency("jpy")
/// Currency('JPY')
/// >>> Currency("KWD").minor_units
/// 3
#[pyclass(module = "collections_core", name = "Currency", frozen, eq, hash, ord)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyCurrency(pub Currency);

#[pymethods]
impl PyCurrency {
    #[new]
    #[pyo3(signature = (code, minor_units = None))]
    fn new(code: &Bound<'_, PyAny>, minor_units: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let code = str_arg(code, "code")?;
        let currency = match minor_units {
            None => Currency::from_code(&code).or_raise_as(&[("currency", "code")])?,
            Some(units) => {
                Currency::new(&code, int_arg::<u32>(units, "minor_units")?).or_raise()?
            }
        };
        Ok(PyCurrency(currency))
    }

    /// The three-letter code, upper-case.
    #[getter]
    fn code(&self) -> &str {
        self.0.code()
    }

    /// Decimal places of the minor unit (USD 2, JPY 0, KWD 3).
    #[getter]
    fn minor_units(&self) -> u32 {
        self.0.minor_units()
    }

    /// Whether this is the ISO 4217 entry for its code.
    #[getter]
    fn is_iso(&self) -> bool {
        self.0.is_iso()
    }

    /// Every ISO 4217 currency of the table, sorted by code.
    #[staticmethod]
    fn iso_currencies() -> Vec<PyCurrency> {
        Currency::iso_currencies()
            .into_iter()
            .map(PyCurrency)
            .collect()
    }

    /// ``{"code": ..., "minor_units": ...}``; ``Currency(**c.to_dict()) == c``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("code", self.0.code())?;
        dict.set_item("minor_units", self.0.minor_units())?;
        Ok(dict)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, (String, u32)) {
        let c = slf.get().0;
        (slf.get_type(), (c.code().to_string(), c.minor_units()))
    }

    fn __repr__(&self) -> String {
        if self.0.is_iso() {
            format!("Currency({})", str_repr(self.0.code()))
        } else {
            format!(
                "Currency({}, {})",
                str_repr(self.0.code()),
                self.0.minor_units()
            )
        }
    }

    fn __str__(&self) -> &str {
        self.0.code()
    }
}

/// A currency argument: a `Currency` or an ISO 4217 code.
pub fn currency_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Currency> {
    if let Ok(c) = obj.cast::<PyCurrency>() {
        return Ok(c.get().0);
    }
    if obj.is_instance_of::<pyo3::types::PyString>() {
        let code = str_arg(obj, field)?;
        return Currency::from_code(&code).or_raise_as(&[("currency", field)]);
    }
    Err(wrong_type(obj, field, "a Currency or an ISO 4217 code"))
}
