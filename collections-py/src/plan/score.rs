//! `Probabilities`, `Scorer` (a `PlanScore`), `rank`, `compare_plans` and `forecast` (a `Forecast` of
//! `ForecastRow`s), over the core's plan scoring and forecast.

use collections_core::plan::{
    compare_plans as core_compare, forecast as core_forecast, rank as core_rank, Forecast,
    ForecastPeriod, ForecastRow, PlanScore, Probabilities, RankBy, Scorer,
};
use collections_core::RoundingMode;
use pyo3::prelude::*;
use rust_decimal::Decimal;

use super::{plans_arg, PyArrangement};
use crate::affordability::assessment::PyAssessment;
use crate::contact::{class_arg, from_json};
use crate::convert::{date_arg, decimal_arg, decimal_out, int_arg, items_arg, Reduced};
use crate::debt::table::{to_arrow, to_pandas, Column, Table};
use crate::debt::{given, name_or, opt_decimal, rounding_arg, value_class, Out};
use crate::errors::CoreResultExt;

/// A probabilities argument: a `Probabilities`, or certain when not given (or `None`).
pub fn probabilities_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Probabilities> {
    match given(obj) {
        Some(p) => Ok(
            class_arg::<PyProbabilities>(p, "probabilities", "a Probabilities")?
                .get()
                .0
                .clone(),
        ),
        None => Ok(Probabilities::Certain),
    }
}

/// The value of a `Probabilities`: `None`, a tuple of decimals, or the hazard.
struct ProbabilityValue(Probabilities);

impl Out for ProbabilityValue {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.0 {
            Probabilities::PerInstallment(list) => list.out(py),
            Probabilities::ConstantHazard(h) => h.out(py),
            _ => Ok(py.None().into_bound(py)),
        }
    }
}

/// The kind's name of a `Probabilities`.
fn probability_kind(p: &Probabilities) -> &'static str {
    match p {
        Probabilities::PerInstallment(_) => "per-installment",
        Probabilities::ConstantHazard(_) => "constant-hazard",
        _ => "certain",
    }
}

value_class! {
    in "collections_core.plan"
    /// The chance each promise is paid: ``Probabilities.certain()`` (every one), ``per_installment``
    /// (one probability from 0 to 1 per promise, the down payment first) or ``constant_hazard`` (each
    /// promise is defaulted on with this probability given the ones before were paid: promise ``k``
    /// (from 1) is paid with probability ``(1 - hazard) ** k``). ``kind`` is the name, ``value`` the
    /// list or the hazard.
    ///
    /// >>> Probabilities.constant_hazard("0.1").for_promises(2)
    /// (Decimal('0.9'), Decimal('0.81'))
    "Probabilities" PyProbabilities(Probabilities)
    check |p| p.validate();
    {
        /// ``'certain'``, ``'per-installment'`` or ``'constant-hazard'``.
        kind: |p| probability_kind(p),
        /// The probabilities (a tuple), the hazard, or ``None`` when certain.
        value: |p| ProbabilityValue(p.clone()),
    }

    /// Every promise paid.
    #[staticmethod]
    fn certain() -> Self {
        PyProbabilities(Probabilities::Certain)
    }

    /// One probability per promise, each from 0 to 1.
    #[staticmethod]
    fn per_installment(values: &Bound<'_, PyAny>) -> PyResult<Self> {
        let list = items_arg(values, "probabilities")?
            .iter()
            .map(|v| decimal_arg(v, "probabilities"))
            .collect::<PyResult<Vec<Decimal>>>()?;
        let p = Probabilities::PerInstallment(list);
        p.validate().or_raise()?;
        Ok(PyProbabilities(p))
    }

    /// A constant hazard of default per promise, from 0 to 1.
    #[staticmethod]
    fn constant_hazard(hazard: &Bound<'_, PyAny>) -> PyResult<Self> {
        let p = Probabilities::ConstantHazard(decimal_arg(hazard, "hazard")?);
        p.validate().or_raise()?;
        Ok(PyProbabilities(p))
    }

    /// Probabilities from the core's JSON: ``{"kind": "certain"}``, ``{"kind": "per-installment",
    /// "value": ["0.9", ...]}`` or ``{"kind": "constant-hazard", "value": "0.2"}``.
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let p = from_json!(Probabilities, text, "probabilities")?;
        p.validate().or_raise()?;
        Ok(PyProbabilities(p))
    }

    /// The probabilities as JSON.
    fn to_json(&self) -> String {
        self.state()
    }

    /// The probability of each of ``n`` promises.
    fn for_promises<'py>(&self, py: Python<'py>, n: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let n = int_arg::<u32>(n, "n")?;
        self.0
            .for_promises(n as usize)
            .or_raise()?
            .out(py)
    }
}

value_class! {
    in "collections_core.plan"
    /// A plan's score: the ``total`` promised, the number of ``promises``, ``duration_days`` (start to
    /// last promise), the ``npv`` at the scorer's discount rate (rounded to minor units), the
    /// ``recovery_ratio`` (npv / balance), the ``largest_monthly_payment`` (installments by calendar
    /// month), ``payment_to_income`` (that over the disposable income, or ``None``), and the
    /// ``expected_value`` and ``expected_npv`` with each promise weighted by its probability.
    "PlanScore" PyPlanScore(PlanScore) {
        /// The sum of every promise.
        total: |s| s.total,
        /// How many promises.
        promises: |s| s.promises,
        /// Days from the start to the last promise.
        duration_days: |s| s.duration_days,
        /// The net present value.
        npv: |s| s.npv,
        /// The npv over the balance.
        recovery_ratio: |s| s.recovery_ratio,
        /// The most due in one calendar month.
        largest_monthly_payment: |s| s.largest_monthly_payment,
        /// The largest monthly payment over the disposable income, or ``None``.
        payment_to_income: |s| s.payment_to_income,
        /// Each promise times its probability, summed.
        expected_value: |s| s.expected_value,
        /// The npv of the expected amounts.
        expected_npv: |s| s.expected_npv,
    }
}

/// Scores plans: ``Scorer(discount_rate, disposable_income=None, rounding='half-up')``, the discount
/// rate an annual fraction above -1 (``'0.10'``), compounded daily over 365 days; the disposable income
/// (monthly, or from an affordability ``Assessment`` with ``with_assessment``) gives the
/// payment-to-income ratio; ``rounding`` rounds NPVs and expected amounts to minor units.
///
/// >>> plan = Arrangement.from_promises(PlanTerms("USD", [("card", 300)], "2026-01-01"), [("2026-01-01", 300)])
/// >>> s = Scorer("0.10", disposable_income=600).score(plan)
/// >>> s.npv, s.recovery_ratio, s.payment_to_income
/// (Decimal('300.00'), Decimal('1.00'), Decimal('0.50'))
///
/// A scorer pickles (and so travels to worker processes) as its constructor's arguments.
#[pyclass(module = "collections_core.plan", name = "Scorer", frozen)]
#[derive(Debug, Clone)]
pub struct PyScorer {
    scorer: Scorer,
    discount_rate: Decimal,
    disposable_income: Option<Decimal>,
    rounding: RoundingMode,
}

#[pymethods]
impl PyScorer {
    #[new]
    #[pyo3(signature = (discount_rate, disposable_income = None, rounding = None))]
    fn new(
        discount_rate: &Bound<'_, PyAny>,
        disposable_income: Option<&Bound<'_, PyAny>>,
        rounding: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let discount_rate = decimal_arg(discount_rate, "discount_rate")?;
        let disposable_income = opt_decimal(disposable_income, "disposable_income")?;
        let rounding = rounding_arg(rounding, "rounding")?;
        Ok(PyScorer {
            scorer: Scorer::new(discount_rate, disposable_income, rounding).or_raise()?,
            discount_rate,
            disposable_income,
            rounding,
        })
    }

    /// The same scorer with the disposable income of an affordability ``Assessment``.
    fn with_assessment(&self, assessment: &Bound<'_, PyAny>) -> PyResult<Self> {
        let a = class_arg::<PyAssessment>(assessment, "assessment", "an Assessment")?;
        let mut out = self.clone();
        out.scorer = out.scorer.with_assessment(&a.get().0);
        out.disposable_income = Some(a.get().0.disposable_income);
        Ok(out)
    }

    /// The annual discount rate.
    #[getter]
    fn discount_rate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.discount_rate)
    }

    /// The monthly disposable income, or ``None``.
    #[getter]
    fn disposable_income<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.disposable_income.out(py)
    }

    /// The rounding mode's name.
    #[getter]
    fn rounding(&self) -> &'static str {
        self.rounding.name()
    }

    /// The score of ``plan`` (an ``Arrangement``) with its promises paid with ``probabilities`` (a
    /// ``Probabilities``; certain when not given).
    #[pyo3(signature = (plan, probabilities = None))]
    fn score(
        &self,
        plan: &Bound<'_, PyAny>,
        probabilities: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyPlanScore> {
        let plan = class_arg::<PyArrangement>(plan, "plan", "an Arrangement")?;
        self.scorer
            .score(&plan.get().0, &probabilities_arg(probabilities)?)
            .or_raise()
            .map(PyPlanScore)
    }

    /// The score of each plan (an ``Arrangement`` or an ``(Arrangement, Probabilities)`` pair), in
    /// order; an error names the plan (``'plan #1: ...'``).
    fn score_all(&self, plans: &Bound<'_, PyAny>) -> PyResult<Vec<PyPlanScore>> {
        let plans = plans_arg(plans, "plans")?;
        Ok(self
            .scorer
            .score_all(plans.iter().map(|(a, p)| (a, p)))
            .or_raise()?
            .into_iter()
            .map(PyPlanScore)
            .collect())
    }

    /// Pickles as its constructor's arguments (the discount rate, the disposable income and the
    /// rounding mode's name), so an unpickled scorer is checked again like any new one.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> Reduced<'py, (Bound<'py, PyAny>, Bound<'py, PyAny>, &'static str)> {
        let (py, s) = (slf.py(), slf.get());
        Ok((
            slf.get_type(),
            (
                decimal_out(py, s.discount_rate)?,
                s.disposable_income.out(py)?,
                s.rounding.name(),
            ),
        ))
    }

    fn __repr__(&self) -> String {
        format!(
            "Scorer(discount_rate={}, disposable_income={}, rounding='{}')",
            self.discount_rate,
            self.disposable_income
                .map_or_else(|| "None".to_string(), |d| d.to_string()),
            self.rounding.name()
        )
    }
}

/// A `RankBy` argument (``'expected-npv'`` when not given).
fn by_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<RankBy> {
    name_or(obj, "by", RankBy::default())
}

/// The order of ``scores`` (``PlanScore``s) by ``by``, best first, as indices: ``'expected-npv'`` (the
/// default), ``'npv'``, ``'expected-value'``, ``'total'`` (highest first), ``'duration'`` (shortest
/// first) or ``'payment-to-income'`` (lowest first, ``None`` last); ties keep their order.
#[pyfunction]
#[pyo3(signature = (scores, by = None))]
pub fn rank(scores: &Bound<'_, PyAny>, by: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<usize>> {
    let scores = items_arg(scores, "scores")?
        .iter()
        .map(|s| {
            Ok(class_arg::<PyPlanScore>(s, "scores", "a PlanScore")?
                .get()
                .0
                .clone())
        })
        .collect::<PyResult<Vec<PlanScore>>>()?;
    Ok(core_rank(&scores, by_arg(by)?))
}

/// Scores ``plans`` (each an ``Arrangement`` or an ``(Arrangement, Probabilities)`` pair, all in one
/// currency) with ``scorer`` and ranks them by ``by``: ``(index, PlanScore)`` pairs, best first.
#[pyfunction]
#[pyo3(signature = (scorer, plans, by = None))]
pub fn compare_plans(
    scorer: &Bound<'_, PyAny>,
    plans: &Bound<'_, PyAny>,
    by: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<(usize, PyPlanScore)>> {
    let scorer = class_arg::<PyScorer>(scorer, "scorer", "a Scorer")?;
    let plans = plans_arg(plans, "plans")?;
    let refs: Vec<_> = plans.iter().map(|(a, p)| (a, p)).collect();
    Ok(core_compare(&scorer.get().scorer, &refs, by_arg(by)?)
        .or_raise()?
        .into_iter()
        .map(|(i, s)| (i, PyPlanScore(s)))
        .collect())
}

value_class! {
    in "collections_core.plan"
    /// One period of a forecast: its first day (``period_start``), the ``promises`` falling in it, what
    /// they add up to (``scheduled``) and what is expected with the probabilities (``expected``).
    "ForecastRow" PyForecastRow(ForecastRow) {
        /// The period's first day.
        period_start: |r| r.period_start,
        /// Promises falling in the period.
        promises: |r| r.promises,
        /// What they add up to.
        scheduled: |r| r.scheduled,
        /// What is expected.
        expected: |r| r.expected,
    }
}

/// A forecast as a table.
pub fn forecast_table(f: &Forecast) -> Table {
    let r = &f.rows;
    let mut t = Table::default();
    t.add(
        "period_start",
        Column::Date(r.iter().map(|x| Some(x.period_start)).collect()),
    )
    .add(
        "promises",
        Column::Int(r.iter().map(|x| i64::try_from(x.promises).ok()).collect()),
    )
    .add(
        "scheduled",
        Column::Decimal(r.iter().map(|x| Some(x.scheduled)).collect(), 0),
    )
    .add(
        "expected",
        Column::Decimal(r.iter().map(|x| Some(x.expected)).collect(), 0),
    );
    t
}

value_class! {
    in "collections_core.plan"
    /// Expected cash flows of a portfolio of plans by ``period`` (``'weekly'``, from Mondays, or
    /// ``'monthly'``), from the period holding the forecast date, every period up to the last promise
    /// (empty ones included); ``currency`` is the plans' (``None`` with no plan). ``totals`` sums the
    /// rows; ``to_pandas()`` / ``to_arrow()`` give the rows as a table.
    ///
    /// >>> plan = Arrangement.from_promises(PlanTerms("USD", [("card", 300)], "2026-01-01"),
    /// ...     [("2026-01-15", 100), ("2026-03-15", 200)])
    /// >>> f = forecast([(plan, Probabilities.per_installment(["1", "0.5"]))], "2026-01-01")
    /// >>> [(r.period_start.month, r.scheduled, r.expected) for r in f.rows]
    /// [(1, Decimal('100'), Decimal('100')), (2, Decimal('0'), Decimal('0')), (3, Decimal('200'), Decimal('100.00'))]
    "Forecast" PyForecast(Forecast) {
        /// ``'weekly'`` or ``'monthly'``.
        period: |f| f.period.name(),
        /// The plans' currency, or ``None``.
        currency: |f| f.currency,
        /// The periods, in order.
        rows: |f| f.rows.iter().copied().map(PyForecastRow).collect::<Vec<_>>(),
    }

    /// ``(promises, scheduled, expected)`` over every period.
    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.totals().or_raise()?.out(py)
    }

    /// The rows as a pyarrow Table: ``period_start``, ``promises``, ``scheduled``, ``expected``.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_arrow(py, &forecast_table(&self.0), "to_arrow")
    }

    /// The rows as a pandas DataFrame, the columns of ``to_arrow()``.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(py, &forecast_table(&self.0), "to_pandas")
    }

    /// The rows as a polars DataFrame (``polars.from_arrow`` of ``to_arrow()``; amounts stay exact
    /// ``Decimal`` columns). Needs the ``polars`` extra (polars and pyarrow).
    ///
    /// >>> plan = Arrangement.from_promises(PlanTerms("USD", [("card", 300)], "2026-01-01"),
    /// ...     [("2026-01-15", 100), ("2026-03-15", 200)])
    /// >>> df = forecast([(plan, Probabilities.per_installment(["1", "0.5"]))], "2026-01-01").to_polars()
    /// >>> df["promises"].to_list(), df["expected"].to_list()
    /// ([1, 0, 1], [Decimal('100.00'), Decimal('0.00'), Decimal('100.00')])
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::polars::from_arrow(py, "Forecast.to_polars", || to_arrow(py, &forecast_table(&self.0), "Forecast.to_polars"))
    }
}

/// A forecast period argument (``'monthly'`` when not given).
pub fn period_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<ForecastPeriod> {
    name_or(obj, "period", ForecastPeriod::Monthly)
}

/// The expected cash flows of ``plans`` (each an ``Arrangement`` or an ``(Arrangement,
/// Probabilities)`` pair, all in one currency) by ``period`` (``'weekly'`` or ``'monthly'``, the
/// default) from ``from_date`` (promises before it are left out), expected amounts rounded to minor
/// units by ``rounding``.
#[pyfunction]
#[pyo3(signature = (plans, from_date, period = None, rounding = None))]
pub fn forecast(
    plans: &Bound<'_, PyAny>,
    from_date: &Bound<'_, PyAny>,
    period: Option<&Bound<'_, PyAny>>,
    rounding: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyForecast> {
    let plans = plans_arg(plans, "plans")?;
    let from = date_arg(from_date, "from_date")?;
    let period = period_arg(period)?;
    let rounding = rounding_arg(rounding, "rounding")?;
    core_forecast(plans.iter().map(|(a, p)| (a, p)), from, period, rounding)
        .or_raise()
        .map(PyForecast)
}

/// Registers the classes and functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyProbabilities>()?;
    m.add_class::<PyPlanScore>()?;
    m.add_class::<PyScorer>()?;
    m.add_class::<PyForecastRow>()?;
    m.add_class::<PyForecast>()?;
    m.add_function(wrap_pyfunction!(rank, m)?)?;
    m.add_function(wrap_pyfunction!(compare_plans, m)?)?;
    m.add_function(wrap_pyfunction!(forecast, m)?)?;
    Ok(())
}
