//! `DayCount`: day-count conventions, the days between two dates and the year fraction they make.

use collections_core::{DayCount, DayCountParams};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use super::frequency::frequency_arg;
use crate::convert::{bool_arg, date_arg, date_out, date_repr, decimal_out, str_arg, str_repr};
use crate::errors::CoreResultExt;

/// A day-count convention, by name: ``ACT/365F``, ``ACT/360``, ``ACT/364``, ``ACT/ACT ISDA``,
/// ``ACT/ACT ICMA``, ``ACT/ACT AFB``, ``30/360 US``, ``30/360 BOND BASIS``, ``30E/360``, ``30E/360 ISDA``
/// (see ``DAY_COUNTS``; case-insensitive, ``ACTUAL`` may stand for ``ACT``).
///
/// ``ACT/ACT ICMA`` needs ``reference_start``, ``reference_end`` (a regular coupon period) and
/// ``frequency``; ``30E/360 ISDA`` takes an optional ``maturity``; ``30/360 US`` takes
/// ``end_of_month_rule`` (default on). Other conventions take none of these: passing one is an error.
///
/// >>> round(DayCount("ACT/ACT ISDA").year_fraction("2003-11-01", "2004-05-01"), 12)
/// Decimal('0.497724380567')
/// >>> DayCount("ACT/360").days("2003-11-01", "2004-05-01")
/// 182
#[pyclass(module = "collections_core", name = "DayCount", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyDayCount(pub DayCount);

impl PyDayCount {
    /// The keyword arguments that rebuild this convention with its name, as (key, value) pairs.
    fn parameters<'py>(&self, py: Python<'py>) -> PyResult<Vec<(&'static str, Bound<'py, PyAny>)>> {
        Ok(match self.0 {
            DayCount::ActActIcma {
                reference_start,
                reference_end,
                frequency,
            } => vec![
                (
                    "reference_start",
                    date_out(py, reference_start, "reference_start")?.into_any(),
                ),
                (
                    "reference_end",
                    date_out(py, reference_end, "reference_end")?.into_any(),
                ),
                (
                    "frequency",
                    frequency.to_string().into_pyobject(py)?.into_any(),
                ),
            ],
            DayCount::Thirty360Us { end_of_month_rule } => vec![(
                "end_of_month_rule",
                pyo3::types::PyBool::new(py, end_of_month_rule)
                    .to_owned()
                    .into_any(),
            )],
            DayCount::Thirty360EuropeanIsda { maturity } => vec![(
                "maturity",
                match maturity {
                    Some(m) => date_out(py, m, "maturity")?.into_any(),
                    None => py.None().into_bound(py),
                },
            )],
            _ => Vec::new(),
        })
    }
}

#[pymethods]
impl PyDayCount {
    #[new]
    #[pyo3(signature = (
        name,
        *,
        reference_start = None,
        reference_end = None,
        frequency = None,
        maturity = None,
        end_of_month_rule = None
    ))]
    fn new(
        name: &Bound<'_, PyAny>,
        reference_start: Option<&Bound<'_, PyAny>>,
        reference_end: Option<&Bound<'_, PyAny>>,
        frequency: Option<&Bound<'_, PyAny>>,
        maturity: Option<&Bound<'_, PyAny>>,
        end_of_month_rule: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let text = str_arg(name, "name")?;
        let params = DayCountParams {
            reference_start: reference_start
                .map(|d| date_arg(d, "reference_start"))
                .transpose()?,
            reference_end: reference_end
                .map(|d| date_arg(d, "reference_end"))
                .transpose()?,
            frequency: frequency
                .map(|f| frequency_arg(f, "frequency"))
                .transpose()?,
            maturity: maturity.map(|m| date_arg(m, "maturity")).transpose()?,
            end_of_month_rule: end_of_month_rule
                .map(|b| bool_arg(b, "end_of_month_rule"))
                .transpose()?,
        };
        DayCount::from_name(&text, params)
            .or_raise_as(&[("day_count", "name")])
            .map(PyDayCount)
    }

    /// The canonical name (one of ``DAY_COUNTS``).
    #[getter]
    fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The days from ``start`` to ``end`` under the convention (negative when ``end`` is earlier).
    fn days(&self, start: &Bound<'_, PyAny>, end: &Bound<'_, PyAny>) -> PyResult<i64> {
        Ok(self
            .0
            .days(date_arg(start, "start")?, date_arg(end, "end")?))
    }

    /// The year fraction from ``start`` to ``end``, an exact ``decimal.Decimal`` (28 digits).
    fn year_fraction<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let fraction = self
            .0
            .year_fraction(date_arg(start, "start")?, date_arg(end, "end")?)
            .or_raise()?;
        decimal_out(py, fraction)
    }

    /// ``{"name": ..., <the convention's parameters>}``; ``DayCount(**d.to_dict()) == d``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("name", self.0.name())?;
        for (key, value) in self.parameters(py)? {
            dict.set_item(key, value)?;
        }
        Ok(dict)
    }

    /// Pickles as ``functools.partial(DayCount, **parameters)(name)``: the parameters are keyword-only.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let this = slf.get();
        let kwargs = PyDict::new(py);
        for (key, value) in this.parameters(py)? {
            kwargs.set_item(key, value)?;
        }
        let partial = py
            .import("functools")?
            .getattr("partial")?
            .call((slf.get_type(),), Some(&kwargs))?;
        Ok((partial, PyTuple::new(py, [this.0.name()])?))
    }

    fn __repr__(&self) -> String {
        let mut out = format!("DayCount({}", str_repr(self.0.name()));
        match self.0 {
            DayCount::ActActIcma {
                reference_start,
                reference_end,
                frequency,
            } => {
                out.push_str(&format!(
                    ", reference_start={}, reference_end={}, frequency={}",
                    date_repr(reference_start),
                    date_repr(reference_end),
                    str_repr(&frequency.to_string())
                ));
            }
            DayCount::Thirty360Us {
                end_of_month_rule: false,
            } => out.push_str(", end_of_month_rule=False"),
            DayCount::Thirty360EuropeanIsda {
                maturity: Some(maturity),
            } => out.push_str(&format!(", maturity={}", date_repr(maturity))),
            _ => {}
        }
        out.push(')');
        out
    }

    fn __str__(&self) -> &'static str {
        self.0.name()
    }
}

/// A day-count argument: a `DayCount` (any convention, with its data) or a name taking no data
/// (ACT/ACT ICMA needs a `DayCount` object); a bad name is reported under `field`.
pub fn day_count_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<DayCount> {
    if let Ok(dc) = obj.cast::<PyDayCount>() {
        return Ok(dc.get().0);
    }
    str_arg(obj, field)?
        .parse::<DayCount>()
        .or_raise_as(&[("day_count", field)])
}

/// A day count as the functions that take one give it back: its name when the name alone rebuilds it,
/// else the `DayCount` object (a convention with data, such as ACT/ACT ICMA).
pub fn day_count_value(py: Python<'_>, day_count: DayCount) -> PyResult<Bound<'_, PyAny>> {
    if day_count.name().parse::<DayCount>().ok() == Some(day_count) {
        return Ok(day_count.name().into_pyobject(py)?.into_any());
    }
    Ok(Bound::new(py, PyDayCount(day_count))?.into_any())
}
