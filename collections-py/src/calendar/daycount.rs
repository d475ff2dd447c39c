//! `DayCount`: day-count conventions, the days between two dates and the year fraction they make.

use collections_core::DayCount;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use super::frequency::frequency_arg;
use crate::convert::{date_arg, date_out, date_repr, decimal_out, describe, str_arg, str_repr};
use crate::errors::{invalid, CoreResultExt};

/// Whether `name` names ACT/ACT ICMA, which the core parses only with its reference period.
///
/// The core's `FromStr` refuses this name (it needs parameters), so the skin recognises it to call
/// `DayCount::act_act_icma`; it normalises the name as the core does (case, `ACTUAL`, `_`, spaces).
fn is_icma(name: &str) -> bool {
    let upper = name
        .to_uppercase()
        .replace("ACTUAL", "ACT")
        .replace('_', " ");
    let key = upper.split_whitespace().collect::<Vec<_>>().join(" ");
    key == DayCount::NAMES[4] || key == "ACT/ACT ISMA"
}

/// A day-count convention, by name: ``ACT/365F``, ``ACT/360``, ``ACT/364``, ``ACT/ACT ISDA``,
/// ``ACT/ACT ICMA``, ``ACT/ACT AFB``, ``30/360 US``, ``30/360 BOND BASIS``, ``30E/360``, ``30E/360 ISDA``
/// (see ``DAY_COUNTS``; case-insensitive, ``ACTUAL`` may stand for ``ACT``).
///
/// ``ACT/ACT ICMA`` needs ``reference_start``, ``reference_end`` (a regular coupon period) and
/// ``frequency``; ``30E/360 ISDA`` takes an optional ``maturity``; ``30/360 US`` takes
/// ``end_of_month_rule`` (default on). Other conventions take none of these.
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
        end_of_month_rule = true
    ))]
    fn new(
        name: &Bound<'_, PyAny>,
        reference_start: Option<&Bound<'_, PyAny>>,
        reference_end: Option<&Bound<'_, PyAny>>,
        frequency: Option<&Bound<'_, PyAny>>,
        maturity: Option<&Bound<'_, PyAny>>,
        end_of_month_rule: bool,
    ) -> PyResult<Self> {
        let text = str_arg(name, "name")?;
        let not_taken = |field: &'static str, value: &Bound<'_, PyAny>, convention: &str| {
            invalid(
                field,
                describe(value),
                format!("{convention} does not take {field}"),
            )
        };
        if is_icma(&text) {
            if let (Some(rs), Some(re), Some(f)) = (reference_start, reference_end, frequency) {
                if let Some(m) = maturity {
                    return Err(not_taken("maturity", m, DayCount::NAMES[4]));
                }
                if !end_of_month_rule {
                    return Err(invalid(
                        "end_of_month_rule",
                        "False",
                        format!("{} does not take end_of_month_rule", DayCount::NAMES[4]),
                    ));
                }
                return DayCount::act_act_icma(
                    date_arg(rs, "reference_start")?,
                    date_arg(re, "reference_end")?,
                    frequency_arg(f, "frequency")?,
                )
                .or_raise()
                .map(PyDayCount);
            }
            // Without its reference period the core refuses the name and says what is missing.
        }
        let parsed: DayCount = text.parse().or_raise_as(&[("day_count", "name")])?;
        for (field, value) in [
            ("reference_start", reference_start),
            ("reference_end", reference_end),
            ("frequency", frequency),
        ] {
            if let Some(v) = value {
                return Err(not_taken(field, v, parsed.name()));
            }
        }
        let convention = match parsed {
            DayCount::Thirty360Us { .. } => DayCount::Thirty360Us { end_of_month_rule },
            DayCount::Thirty360EuropeanIsda { .. } => DayCount::Thirty360EuropeanIsda {
                maturity: match maturity {
                    Some(m) => Some(date_arg(m, "maturity")?),
                    None => None,
                },
            },
            other => {
                if let Some(m) = maturity {
                    return Err(not_taken("maturity", m, other.name()));
                }
                if !end_of_month_rule {
                    return Err(invalid(
                        "end_of_month_rule",
                        "False",
                        format!("{} does not take end_of_month_rule", other.name()),
                    ));
                }
                other
            }
        };
        Ok(PyDayCount(convention))
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
