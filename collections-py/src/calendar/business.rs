//! `HolidayCalendar`: weekend days, listed holidays and built-in holiday rules; rolling dates to
//! business days by a named convention.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use chrono::Weekday;
use collections_core::{BusinessDayConvention, HolidayCalendar, HolidayRules};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDict, PyTuple};

use crate::convert::{
    date_arg, date_out, date_repr, dates_arg, dates_out, describe, int_arg, items_arg, str_arg,
    str_repr, wrong_type,
};
use crate::errors::{invalid, CoreResultExt};

/// A business-day convention argument: a name such as ``"modified-following"``; ``None`` means
/// following.
fn convention_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<BusinessDayConvention> {
    match obj {
        None => Ok(BusinessDayConvention::default()),
        Some(name) => str_arg(name, "convention")?.parse().or_raise(),
    }
}

fn weekday_arg(obj: &Bound<'_, PyAny>) -> PyResult<Weekday> {
    let name = str_arg(obj, "weekend")?;
    name.trim().parse::<Weekday>().map_err(|_| {
        invalid(
            "weekend",
            describe(obj),
            "expected a day name such as 'sat' or 'saturday'",
        )
    })
}

fn weekday_name(day: Weekday) -> String {
    day.to_string().to_lowercase()
}

/// A holiday calendar: weekend days, listed holidays and built-in holiday rules.
///
/// ``weekend`` holds day names (``"sat"`` or ``"saturday"``, any case); ``holidays`` holds dates;
/// ``rules`` holds built-in rule names (``"us-federal"``, ``"england-and-wales"``).
/// ``HolidayCalendar.us_federal()`` and ``HolidayCalendar.england_and_wales()`` are the built-ins.
///
/// >>> us = HolidayCalendar.us_federal()
/// >>> us.adjust("2026-07-04")
/// datetime.date(2026, 7, 6)
/// >>> HolidayCalendar(weekend=("fri", "sat")).is_business_day("2026-07-05")
/// True
#[pyclass(module = "collections_core", name = "HolidayCalendar", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyHolidayCalendar(pub HolidayCalendar);

impl PyHolidayCalendar {
    fn weekend_names(&self) -> Vec<String> {
        self.0.weekend().iter().map(|d| weekday_name(*d)).collect()
    }

    fn rule_names(&self) -> Vec<&'static str> {
        self.0.rules().iter().map(|r| r.name()).collect()
    }
}

#[pymethods]
impl PyHolidayCalendar {
    #[new]
    #[pyo3(
        signature = (weekend = None, holidays = None, rules = None),
        text_signature = "(weekend=('sat', 'sun'), holidays=(), rules=())"
    )]
    fn new(
        weekend: Option<&Bound<'_, PyAny>>,
        holidays: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let weekend = match weekend {
            None => vec![Weekday::Sat, Weekday::Sun],
            Some(days) => items_arg(days, "weekend")?
                .iter()
                .map(weekday_arg)
                .collect::<PyResult<_>>()?,
        };
        let holidays = match holidays {
            None => Vec::new(),
            Some(dates) => dates_arg(dates, "holidays")?,
        };
        let mut rule_set = Vec::new();
        if let Some(names) = rules {
            for name in items_arg(names, "rules")? {
                rule_set.push(
                    str_arg(&name, "rules")?
                        .parse::<HolidayRules>()
                        .or_raise()?,
                );
            }
        }
        let calendar = HolidayCalendar::new(&weekend, holidays).or_raise()?;
        Ok(PyHolidayCalendar(calendar.with_rules(rule_set)))
    }

    /// A built-in calendar by name: ``us-federal`` (``US``), ``england-and-wales`` (``UK``,
    /// ``GB-EAW``) or ``weekends``.
    #[staticmethod]
    fn builtin(name: &Bound<'_, PyAny>) -> PyResult<Self> {
        HolidayCalendar::builtin(&str_arg(name, "name")?)
            .or_raise_as(&[("calendar", "name")])
            .map(PyHolidayCalendar)
    }

    /// US federal legal public holidays (5 U.S.C. 6103) as observed, Saturday/Sunday weekends.
    #[staticmethod]
    fn us_federal() -> Self {
        PyHolidayCalendar(HolidayCalendar::us_federal())
    }

    /// England and Wales bank holidays, Saturday/Sunday weekends.
    #[staticmethod]
    fn england_and_wales() -> Self {
        PyHolidayCalendar(HolidayCalendar::england_and_wales())
    }

    /// Saturday and Sunday, no holidays.
    #[staticmethod]
    fn weekends_only() -> Self {
        PyHolidayCalendar(HolidayCalendar::weekends_only())
    }

    /// The weekend days, Monday first, as three-letter lower-case names.
    #[getter]
    fn weekend<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.weekend_names())
    }

    /// The names of the built-in holiday rules in force.
    #[getter]
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.rule_names())
    }

    /// Whether ``date`` falls on a weekend day.
    fn is_weekend(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.is_weekend(date_arg(date, "date")?))
    }

    /// Whether ``date`` is a listed or built-in holiday (weekends aside).
    fn is_holiday(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.is_holiday(date_arg(date, "date")?))
    }

    /// Whether ``date`` is neither a weekend day nor a holiday.
    fn is_business_day(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.is_business_day(date_arg(date, "date")?))
    }

    /// ``date`` rolled to a business day by ``convention``: unadjusted, following (the default),
    /// modified-following, preceding or modified-preceding.
    #[pyo3(signature = (date, convention = None), text_signature = "($self, date, convention='following')")]
    fn adjust<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
        convention: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDate>> {
        let date = date_arg(date, "date")?;
        let adjusted = self
            .0
            .adjust(date, convention_arg(convention)?)
            .or_raise()?;
        date_out(py, adjusted, "date")
    }

    /// Every date of ``dates`` rolled by ``convention``.
    #[pyo3(signature = (dates, convention = None), text_signature = "($self, dates, convention='following')")]
    fn adjust_all<'py>(
        &self,
        py: Python<'py>,
        dates: &Bound<'py, PyAny>,
        convention: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Vec<Bound<'py, PyDate>>> {
        let dates = dates_arg(dates, "dates")?;
        let convention = convention_arg(convention)?;
        let adjusted = py
            .detach(|| self.0.adjust_all(&dates, convention))
            .or_raise_as(&[("date", "dates")])?;
        dates_out(py, &adjusted, "dates")
    }

    /// The date ``n`` business days after ``date`` (before it when ``n`` is negative); ``n = 0`` rolls
    /// ``date`` to the following business day.
    fn add_business_days<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDate>> {
        let date = date_arg(date, "date")?;
        let n = int_arg::<i64>(n, "n")?;
        let moved = py.detach(|| self.0.add_business_days(date, n)).or_raise()?;
        date_out(py, moved, "date")
    }

    /// The holidays of ``year``, listed and by rule, sorted: ``(date, name)`` pairs (listed holidays
    /// are named ``"holiday"``).
    fn holidays<'py>(
        &self,
        py: Python<'py>,
        year: &Bound<'py, PyAny>,
    ) -> PyResult<Vec<(Bound<'py, PyDate>, &'static str)>> {
        let year = int_arg::<i32>(year, "year")?;
        self.0
            .holidays(year)
            .into_iter()
            .map(|(d, name)| Ok((date_out(py, d, "year")?, name)))
            .collect()
    }

    /// This calendar with more listed holidays.
    fn with_holidays(&self, dates: &Bound<'_, PyAny>) -> PyResult<Self> {
        let dates = dates_arg(dates, "dates")?;
        Ok(PyHolidayCalendar(self.0.clone().with_holidays(dates)))
    }

    /// The calendar whose business days are business days of both calendars.
    fn union(&self, other: &Bound<'_, PyAny>) -> PyResult<Self> {
        let other = other
            .cast::<PyHolidayCalendar>()
            .map_err(|_| wrong_type(other, "other", "a HolidayCalendar"))?;
        self.0
            .union(&other.get().0)
            .or_raise_as(&[("weekend", "other")])
            .map(PyHolidayCalendar)
    }

    /// ``{"weekend": [...], "holidays": [dates], "rules": [...]}``;
    /// ``HolidayCalendar(**c.to_dict()) == c``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("weekend", self.weekend_names())?;
        dict.set_item(
            "holidays",
            dates_out(
                py,
                &self.0.listed_holidays().collect::<Vec<_>>(),
                "holidays",
            )?,
        )?;
        dict.set_item("rules", self.rule_names())?;
        Ok(dict)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let this = slf.get();
        let py = slf.py();
        let args = (
            PyTuple::new(py, this.weekend_names())?,
            PyTuple::new(
                py,
                dates_out(
                    py,
                    &this.0.listed_holidays().collect::<Vec<_>>(),
                    "holidays",
                )?,
            )?,
            PyTuple::new(py, this.rule_names())?,
        );
        Ok((slf.get_type().into_any(), args.into_pyobject(py)?))
    }

    fn __hash__(&self) -> PyResult<u64> {
        let mut hasher = DefaultHasher::new();
        self.0.weekend().hash(&mut hasher);
        self.0
            .listed_holidays()
            .collect::<Vec<_>>()
            .hash(&mut hasher);
        self.0.rules().hash(&mut hasher);
        Ok(hasher.finish())
    }

    fn __repr__(&self) -> PyResult<String> {
        let weekend: Vec<String> = self.weekend_names().iter().map(|d| str_repr(d)).collect();
        let mut out = format!("HolidayCalendar(weekend={}", tuple_repr(&weekend));
        let holidays: Vec<String> = self
            .0
            .listed_holidays()
            .collect::<Vec<_>>()
            .into_iter()
            .map(date_repr)
            .collect();
        if !holidays.is_empty() {
            out.push_str(&format!(", holidays={}", tuple_repr(&holidays)));
        }
        let rules: Vec<String> = self.rule_names().iter().map(|r| str_repr(r)).collect();
        if !rules.is_empty() {
            out.push_str(&format!(", rules={}", tuple_repr(&rules)));
        }
        out.push(')');
        Ok(out)
    }
}

/// A Python tuple display of already-`repr`ed items: `('sat',)`, `('sat', 'sun')`.
fn tuple_repr(items: &[String]) -> String {
    match items {
        [one] => format!("({one},)"),
        _ => format!("({})", items.join(", ")),
    }
}
