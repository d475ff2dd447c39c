//! Annual percentage rates: US Regulation Z's actuarial APR (`apr_regulation_z`, returning
//! `RegulationZApr`) and the EU APRC (`aprc_eu`, returning `Aprc`), exposed by
//! `collections_core.finance`.
//!
//! Flows arrive as parallel dates and amounts, like `xnpv`/`xirr`. The core checks them (at least one of
//! each, amounts positive, dates in order, no payment before the first advance) and names the column at
//! fault as these arguments are named (`payment_amounts`, `advance_dates`, ...). Unit periods cross as text: `months:N`, `weeks:N`, `days:N` or `semimonth`.

use std::hash::{Hash, Hasher};

use collections_core::finance::{self, Aprc, AprcBasis, RegulationZApr, UnitPeriod};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::flows_arg;
use crate::convert::{
    bool_arg, decimal_arg, decimal_out, decimal_repr, int_arg, str_arg, str_repr, Reduced,
};
use crate::errors::{invalid, raise};

/// A unit period as text: `months:1`, `weeks:2`, `days:90`, `semimonth`.
fn unit_period_text(unit: UnitPeriod) -> String {
    match unit {
        UnitPeriod::Days(n) => format!("days:{n}"),
        UnitPeriod::Weeks(n) => format!("weeks:{n}"),
        UnitPeriod::SemiMonth => String::from("semimonth"),
        UnitPeriod::Months(n) => format!("months:{n}"),
        // `UnitPeriod` is non-exhaustive: a kind added later shows as the core names it.
        other => other.to_string(),
    }
}

/// Text to a unit period (case and surrounding spaces ignored). The core checks the range when it
/// solves (days 1-365, weeks 1-52, months 1-12).
fn parse_unit_period(text: &str) -> Option<UnitPeriod> {
    let text = text.trim().to_ascii_lowercase();
    if text == "semimonth" {
        return Some(UnitPeriod::SemiMonth);
    }
    let (kind, n) = text.split_once(':')?;
    let n: u32 = n.trim().parse().ok()?;
    match kind.trim() {
        "days" => Some(UnitPeriod::Days(n)),
        "weeks" => Some(UnitPeriod::Weeks(n)),
        "months" => Some(UnitPeriod::Months(n)),
        _ => None,
    }
}

/// A unit period argument: text such as `'months:1'`.
fn unit_period_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<UnitPeriod> {
    let text = str_arg(obj, field)?;
    parse_unit_period(&text).ok_or_else(|| {
        invalid(
            field,
            text,
            "expected 'months:N', 'weeks:N', 'days:N' or 'semimonth'",
        )
    })
}

/// The APRC's time basis: `'days'` (the default), `'weeks'` or `'months'`.
fn basis_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<AprcBasis> {
    let Some(obj) = obj else {
        return Ok(AprcBasis::default());
    };
    let text = str_arg(obj, "basis")?;
    match text.trim().to_ascii_lowercase().as_str() {
        "days" => Ok(AprcBasis::Days),
        "weeks" => Ok(AprcBasis::Weeks),
        "months" => Ok(AprcBasis::Months),
        _ => Err(invalid(
            "basis",
            text,
            "expected 'days', 'weeks' or 'months'",
        )),
    }
}

/// The result of ``apr_regulation_z``: the annual percentage rate of Regulation Z, Appendix J.
///
/// ``apr`` is a fraction (``0.0969`` for 9.69%), unrounded; ``rate_per_unit_period`` is the rate per
/// unit period, ``unit_period`` its length as text (``'months:1'``, ``'weeks:2'``, ``'days:90'``,
/// ``'semimonth'``) and ``unit_periods_per_year`` how many make a year. ``irregular`` is the
/// section 1026.22(a)(3) test (several advances, irregular periods, or irregular payment amounts
/// other than the first and last), which sets ``tolerance``: 1/8 of a percentage point (``0.00125``),
/// or 1/4 (``0.0025``) if irregular. ``is_accurate(disclosed)`` applies it to a disclosed APR.
///
/// An immutable value: equal results compare and hash equal, and it pickles. The constructor takes
/// the five fields (as ``repr`` and ``to_dict`` show them) and does not recompute anything.
///
/// >>> result = apr_regulation_z(["2026-01-01"], [1000], ["2026-04-01"], [1050])
/// >>> result.unit_period, round(result.apr, 6)
/// ('days:90', Decimal('0.202778'))
#[pyclass(
    module = "collections_core.finance",
    name = "RegulationZApr",
    frozen,
    eq,
    hash
)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyRegulationZApr(pub RegulationZApr);

impl Hash for PyRegulationZApr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let r = &self.0;
        r.apr.hash(state);
        r.rate_per_unit_period.hash(state);
        r.unit_period.hash(state);
        r.unit_periods_per_year.hash(state);
        r.irregular.hash(state);
    }
}

#[pymethods]
impl PyRegulationZApr {
    #[new]
    fn new(
        apr: &Bound<'_, PyAny>,
        rate_per_unit_period: &Bound<'_, PyAny>,
        unit_period: &Bound<'_, PyAny>,
        unit_periods_per_year: &Bound<'_, PyAny>,
        irregular: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        Ok(PyRegulationZApr(RegulationZApr {
            apr: decimal_arg(apr, "apr")?,
            rate_per_unit_period: decimal_arg(rate_per_unit_period, "rate_per_unit_period")?,
            unit_period: unit_period_arg(unit_period, "unit_period")?,
            unit_periods_per_year: decimal_arg(unit_periods_per_year, "unit_periods_per_year")?,
            irregular: bool_arg(irregular, "irregular")?,
        }))
    }

    /// The annual percentage rate as a fraction (``0.0969`` for 9.69%), unrounded.
    #[getter]
    fn apr<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.apr)
    }

    /// The rate per unit period.
    #[getter]
    fn rate_per_unit_period<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.rate_per_unit_period)
    }

    /// The unit period: ``'months:N'``, ``'weeks:N'``, ``'days:N'`` or ``'semimonth'``.
    #[getter]
    fn unit_period(&self) -> String {
        unit_period_text(self.0.unit_period)
    }

    /// Unit periods in a year (12 for monthly, 52 for weekly, 365 / N for N days).
    #[getter]
    fn unit_periods_per_year<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.unit_periods_per_year)
    }

    /// Whether the transaction is irregular under section 1026.22(a)(3).
    #[getter]
    fn irregular(&self) -> bool {
        self.0.irregular
    }

    /// The section 1026.22(a) tolerance as a fraction: ``0.00125``, or ``0.0025`` if irregular.
    #[getter]
    fn tolerance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.tolerance())
    }

    /// Whether a disclosed APR (a fraction: ``Decimal("0.0975")`` for 9.75%) is within the tolerance.
    fn is_accurate(&self, disclosed: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.is_accurate(decimal_arg(disclosed, "disclosed")?))
    }

    /// The five fields by name; ``RegulationZApr(**r.to_dict()) == r``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let r = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("apr", decimal_out(py, r.apr)?)?;
        dict.set_item(
            "rate_per_unit_period",
            decimal_out(py, r.rate_per_unit_period)?,
        )?;
        dict.set_item("unit_period", unit_period_text(r.unit_period))?;
        dict.set_item(
            "unit_periods_per_year",
            decimal_out(py, r.unit_periods_per_year)?,
        )?;
        dict.set_item("irregular", r.irregular)?;
        Ok(dict)
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> Reduced<
        'py,
        (
            Bound<'py, PyAny>,
            Bound<'py, PyAny>,
            String,
            Bound<'py, PyAny>,
            bool,
        ),
    > {
        let py = slf.py();
        let r = &slf.get().0;
        Ok((
            slf.get_type(),
            (
                decimal_out(py, r.apr)?,
                decimal_out(py, r.rate_per_unit_period)?,
                unit_period_text(r.unit_period),
                decimal_out(py, r.unit_periods_per_year)?,
                r.irregular,
            ),
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = &self.0;
        Ok(format!(
            "RegulationZApr(apr={}, rate_per_unit_period={}, unit_period={}, \
             unit_periods_per_year={}, irregular={})",
            decimal_repr(py, r.apr)?,
            decimal_repr(py, r.rate_per_unit_period)?,
            str_repr(&unit_period_text(r.unit_period)),
            decimal_repr(py, r.unit_periods_per_year)?,
            if r.irregular { "True" } else { "False" },
        ))
    }
}

/// The result of ``aprc_eu``: the EU annual percentage rate of charge.
///
/// ``percent`` is the APRC in percent, rounded half up to the requested decimals; ``rate`` is the
/// unrounded annual rate as a fraction. An immutable value: equal results compare and hash equal, it
/// pickles, and ``Aprc(**a.to_dict()) == a``.
///
/// >>> aprc_eu(["1994-01-01"], [1000], ["1995-07-01"], [1200], decimals=2).percent
/// Decimal('12.96')
#[pyclass(module = "collections_core.finance", name = "Aprc", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyAprc(pub Aprc);

impl Hash for PyAprc {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.percent.hash(state);
        self.0.rate.hash(state);
    }
}

#[pymethods]
impl PyAprc {
    #[new]
    fn new(percent: &Bound<'_, PyAny>, rate: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyAprc(Aprc {
            percent: decimal_arg(percent, "percent")?,
            rate: decimal_arg(rate, "rate")?,
        }))
    }

    /// The APRC in percent, rounded half up to the requested decimals.
    #[getter]
    fn percent<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.percent)
    }

    /// The unrounded annual rate as a fraction.
    #[getter]
    fn rate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.rate)
    }

    /// ``{"percent": Decimal, "rate": Decimal}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("percent", decimal_out(py, self.0.percent)?)?;
        dict.set_item("rate", decimal_out(py, self.0.rate)?)?;
        Ok(dict)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> Reduced<'py, (Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let py = slf.py();
        let a = &slf.get().0;
        Ok((
            slf.get_type(),
            (decimal_out(py, a.percent)?, decimal_out(py, a.rate)?),
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Aprc(percent={}, rate={})",
            decimal_repr(py, self.0.percent)?,
            decimal_repr(py, self.0.rate)?,
        ))
    }
}

/// The annual percentage rate of a closed-end credit under US Regulation Z (12 CFR 1026, Appendix J),
/// by the actuarial method.
///
/// Advances and payments are given as dates (``datetime.date`` or ``'YYYY-MM-DD'``, or a numpy
/// ``datetime64[D]`` array) and amounts (``Decimal``, ``int`` or ``str``; positive), each list in date
/// order and of the same length; at least one advance and one payment, none before the first advance. The unit period is the most common period
/// between payments unless ``unit_period`` overrides it (``'months:N'``, ``'weeks:N'``, ``'days:N'`` or
/// ``'semimonth'``). Returns a ``RegulationZApr``; the solve runs without the GIL.
///
/// Appendix J (c)(1)(i): 5,000 advanced on 1978-01-10, repaid by 24 monthly payments of 230:
///
/// >>> from collections_core import date_schedule
/// >>> result = apr_regulation_z(
/// ...     ["1978-01-10"], [5000], date_schedule("1978-02-10", "monthly", count=24), [230] * 24
/// ... )
/// >>> round(result.apr * 100, 2)
/// Decimal('9.69')
/// >>> result.unit_period, result.irregular, result.tolerance
/// ('months:1', False, Decimal('0.00125'))
/// >>> result.is_accurate(Decimal("0.0975")), result.is_accurate(Decimal("0.0985"))
/// (True, False)
#[pyfunction]
#[pyo3(
    signature = (advance_dates, advance_amounts, payment_dates, payment_amounts, *, unit_period = None),
    text_signature = "(advance_dates, advance_amounts, payment_dates, payment_amounts, *, unit_period=None)"
)]
pub fn apr_regulation_z(
    py: Python<'_>,
    advance_dates: &Bound<'_, PyAny>,
    advance_amounts: &Bound<'_, PyAny>,
    payment_dates: &Bound<'_, PyAny>,
    payment_amounts: &Bound<'_, PyAny>,
    unit_period: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyRegulationZApr> {
    let advances = flows_arg(
        advance_dates,
        advance_amounts,
        ("advance_dates", "advance_amounts"),
    )?;
    let payments = flows_arg(
        payment_dates,
        payment_amounts,
        ("payment_dates", "payment_amounts"),
    )?;
    let unit_period = unit_period
        .map(|u| unit_period_arg(u, "unit_period"))
        .transpose()?;
    py.detach(|| finance::apr_regulation_z(&advances, &payments, unit_period))
        .map(PyRegulationZApr)
        .map_err(raise)
}

/// The EU annual percentage rate of charge (Directive 2008/48/EC, Annex I, as amended by Directive
/// 2011/90/EU), in percent rounded half up to ``decimals`` places (1 to 10; at least one, Annex I (d)).
///
/// Drawdowns and payments are given as dates and amounts, as for ``apr_regulation_z``. Time is counted
/// from the first drawdown in whole years (``basis='days'``, the default), months (``'months'``) or
/// weeks (``'weeks'``), counted back from each date, plus the remaining days over the days of the year
/// ending there. Returns an ``Aprc``; the solve runs without the GIL.
///
/// Directive 98/7/EC, Annex III, example 1: 1,000 lent on 1994-01-01, 1,200 repaid on 1995-07-01:
///
/// >>> result = aprc_eu(["1994-01-01"], [1000], ["1995-07-01"], [1200], decimals=2)
/// >>> result.percent
/// Decimal('12.96')
/// >>> aprc_eu(["1994-01-01"], [1000], ["1995-07-01"], [1200], basis="months", decimals=2).percent
/// Decimal('12.92')
#[pyfunction]
#[pyo3(
    signature = (drawdown_dates, drawdown_amounts, payment_dates, payment_amounts, *, basis = None, decimals = None),
    text_signature = "(drawdown_dates, drawdown_amounts, payment_dates, payment_amounts, *, basis='days', decimals=1)"
)]
pub fn aprc_eu(
    py: Python<'_>,
    drawdown_dates: &Bound<'_, PyAny>,
    drawdown_amounts: &Bound<'_, PyAny>,
    payment_dates: &Bound<'_, PyAny>,
    payment_amounts: &Bound<'_, PyAny>,
    basis: Option<&Bound<'_, PyAny>>,
    decimals: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyAprc> {
    let drawdowns = flows_arg(
        drawdown_dates,
        drawdown_amounts,
        ("drawdown_dates", "drawdown_amounts"),
    )?;
    let payments = flows_arg(
        payment_dates,
        payment_amounts,
        ("payment_dates", "payment_amounts"),
    )?;
    let basis = basis_arg(basis)?;
    let decimals = decimals.map_or(Ok(1), |d| int_arg::<u32>(d, "decimals"))?;
    py.detach(|| finance::aprc_eu(&drawdowns, &payments, basis, decimals))
        .map(PyAprc)
        .map_err(raise)
}

/// Registers the functions and their result classes on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRegulationZApr>()?;
    m.add_class::<PyAprc>()?;
    m.add_function(wrap_pyfunction!(apr_regulation_z, m)?)?;
    m.add_function(wrap_pyfunction!(aprc_eu, m)?)?;
    Ok(())
}
