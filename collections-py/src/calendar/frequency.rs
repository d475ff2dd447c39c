//! `Frequency`: how often a payment falls due, and stepping a date by whole periods.

use collections_core::Frequency;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDict, PyString, PyType};

use crate::convert::{
    date_arg, date_out, end_of_month_arg, int_arg, str_arg, str_repr, wrong_type,
};
use crate::errors::CoreResultExt;

/// A payment frequency, by name: weekly, biweekly, four-weekly, semi-monthly (the 1st and 15th),
/// ``semi-monthly(15,31)``, monthly, bimonthly, quarterly, semi-annual, annual.
///
/// >>> Frequency("fortnightly")
/// Frequency('biweekly')
/// >>> Frequency.semi_monthly(15, 31).periods_per_year
/// 24
#[pyclass(module = "collections_core", name = "Frequency", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyFrequency(pub Frequency);

#[pymethods]
impl PyFrequency {
    #[new]
    fn new(name: &Bound<'_, PyAny>) -> PyResult<Self> {
        str_arg(name, "name")?
            .parse()
            .or_raise_as(&[("frequency", "name")])
            .map(PyFrequency)
    }

    /// Semi-monthly on two days of the month: ``first_day`` in 1..27, ``second_day`` after it, at most
    /// 31 (a day past a month's end means its last day).
    #[staticmethod]
    fn semi_monthly(first_day: &Bound<'_, PyAny>, second_day: &Bound<'_, PyAny>) -> PyResult<Self> {
        Frequency::semi_monthly(
            int_arg::<u32>(first_day, "first_day")?,
            int_arg::<u32>(second_day, "second_day")?,
        )
        .or_raise()
        .map(PyFrequency)
    }

    /// The canonical name, with the days for semi-monthly: ``semi-monthly(15,31)``.
    #[getter]
    fn name(&self) -> String {
        self.0.to_string()
    }

    /// Periods in a year: 52, 26, 13, 24, 12, 6, 4, 2 or 1.
    #[getter]
    fn periods_per_year(&self) -> u32 {
        self.0.periods_per_year()
    }

    /// The date ``n`` periods from ``anchor`` (``n`` may be negative).
    ///
    /// Month steps keep the anchor's day, or the month's last day when the month is shorter; with
    /// ``end_of_month`` an anchor on a month's last day steps to month ends.
    ///
    /// >>> Frequency("monthly").add_periods("2024-01-31", 1)
    /// datetime.date(2024, 2, 29)
    #[pyo3(signature = (anchor, n, end_of_month = false))]
    fn add_periods<'py>(
        &self,
        py: Python<'py>,
        anchor: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
        #[pyo3(from_py_with = end_of_month_arg)] end_of_month: bool,
    ) -> PyResult<Bound<'py, PyDate>> {
        let anchor = date_arg(anchor, "anchor")?;
        let n = int_arg::<i64>(n, "n")?;
        let date = self
            .0
            .add_periods(anchor, n, end_of_month)
            .or_raise_as(&[("date", "anchor")])?;
        date_out(py, date, "anchor")
    }

    /// ``{"name": ...}``; ``Frequency(**f.to_dict()) == f``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("name", self.0.to_string())?;
        Ok(dict)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, (String,)) {
        (slf.get_type(), (slf.get().0.to_string(),))
    }

    fn __repr__(&self) -> String {
        format!("Frequency({})", str_repr(&self.0.to_string()))
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

/// A frequency argument: a `Frequency` or its name.
pub fn frequency_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Frequency> {
    if let Ok(f) = obj.cast::<PyFrequency>() {
        return Ok(f.get().0);
    }
    if let Ok(name) = obj.cast::<PyString>() {
        return name.to_cow()?.parse().or_raise_as(&[("frequency", field)]);
    }
    Err(wrong_type(obj, field, "a Frequency or a frequency name"))
}
