//! `recommend`: a repayment plan per debt within a `PlanPolicy`, or the fallbacks when none can be
//! afforded (over the core's `affordability::recommend`).

use collections_core::affordability::{
    self as core, Debt, Fallback, FreezeInterest, MinimumPayment, Plan, PlanPolicy, Recommendation,
};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use super::assessment::PyAssessment;
use super::statement::pair_items;
use crate::convert::{decimal_arg, describe, int_arg, str_arg, wrong_type};
use crate::debt::{decimal_or, given, name_or, rounding_arg, value_class, Out};
use crate::errors::{invalid, CoreResultExt};

/// A minimum payment out: its amount, or ``'irs_streamlined'``.
struct MinimumOut(MinimumPayment);

impl Out for MinimumOut {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            MinimumPayment::Fixed { amount } => amount.out(py),
            _ => "irs_streamlined".out(py),
        }
    }
}

/// A fallback out as a ``(kind, value)`` pair.
struct FallbackOut(Fallback);

impl Out for FallbackOut {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.0 {
            Fallback::TokenPayment { amount } => ("token_payment", *amount).out(py),
            Fallback::BreathingSpace { days } => ("breathing_space", *days).out(py),
            Fallback::Forbearance { months } => ("forbearance", *months).out(py),
            other => ("other", format!("{other:?}")).out(py),
        }
    }
}

value_class! {
    in "collections_core.affordability"
    /// What a recommendation may propose: the longest plan (``max_term_months``, 60 by default), the
    /// least payment per debt (``minimum_payment``: an amount, 0 by default, or ``'irs_streamlined'``:
    /// the larger of 25 and the balance / 72), the share of the surplus plans may take
    /// (``max_share_of_surplus``, 1 by default), when interest is frozen (``freeze_interest``:
    /// ``'never'``, ``'when_payment_below_interest'`` (the default) or ``'always'``), the fallbacks
    /// offered (``token_payment`` 1, ``breathing_space_days`` 60, ``forbearance_months`` 3) and the
    /// ``rounding`` of monthly interest.
    ///
    /// >>> PlanPolicy.irs_streamlined().max_term_months, PlanPolicy(max_term_months=24).freeze_interest
    /// (72, 'when_payment_below_interest')
    "PlanPolicy" PyPlanPolicy(PlanPolicy)
    check |p| p.validate();
    {
        /// The longest plan, in months.
        max_term_months: |p| p.max_term_months,
        /// The least payment per debt: an amount, or ``'irs_streamlined'``.
        minimum_payment: |p| MinimumOut(p.minimum_payment),
        /// The share of the surplus plans may take.
        max_share_of_surplus: |p| p.max_share_of_surplus,
        /// When interest is frozen.
        freeze_interest: |p| p.freeze_interest.name(),
        /// The token payment offered as a fallback.
        token_payment: |p| p.token_payment,
        /// The breathing space offered, in days.
        breathing_space_days: |p| p.breathing_space_days,
        /// The forbearance offered, in months.
        forbearance_months: |p| p.forbearance_months,
        /// The rounding of monthly interest.
        rounding: |p| p.rounding.name(),
    }

    #[new]
    #[pyo3(signature = (*, max_term_months = None, minimum_payment = None, max_share_of_surplus = None,
                        freeze_interest = None, token_payment = None, breathing_space_days = None,
                        forbearance_months = None, rounding = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        max_term_months: Option<&Bound<'_, PyAny>>,
        minimum_payment: Option<&Bound<'_, PyAny>>,
        max_share_of_surplus: Option<&Bound<'_, PyAny>>,
        freeze_interest: Option<&Bound<'_, PyAny>>,
        token_payment: Option<&Bound<'_, PyAny>>,
        breathing_space_days: Option<&Bound<'_, PyAny>>,
        forbearance_months: Option<&Bound<'_, PyAny>>,
        rounding: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let d = PlanPolicy::default();
        let count = |obj: Option<&Bound<'_, PyAny>>, field: &'static str, default: u32| {
            given(obj).map_or(Ok(default), |o| int_arg::<u32>(o, field))
        };
        let minimum_payment = minimum_payment_arg(minimum_payment, "minimum_payment", d.minimum_payment)?;
        let policy = PlanPolicy {
            max_term_months: count(max_term_months, "max_term_months", d.max_term_months)?,
            minimum_payment,
            max_share_of_surplus: decimal_or(max_share_of_surplus, "max_share_of_surplus", d.max_share_of_surplus)?,
            freeze_interest: name_or::<FreezeInterest>(freeze_interest, "freeze_interest", d.freeze_interest)?,
            token_payment: decimal_or(token_payment, "token_payment", d.token_payment)?,
            breathing_space_days: count(breathing_space_days, "breathing_space_days", d.breathing_space_days)?,
            forbearance_months: count(forbearance_months, "forbearance_months", d.forbearance_months)?,
            rounding: rounding_arg(rounding, "rounding")?,
        };
        policy.validate().or_raise()?;
        Ok(PyPlanPolicy(policy))
    }

    /// The IRS streamlined installment agreement: at most 72 months, a minimum of max(25, balance /
    /// 72), interest never frozen.
    #[staticmethod]
    fn irs_streamlined() -> Self {
        PyPlanPolicy(PlanPolicy::irs_streamlined())
    }
}

/// A minimum payment argument: an amount, or ``'irs_streamlined'``; `default` when not given. Errors
/// name `field`.
pub(crate) fn minimum_payment_arg(
    obj: Option<&Bound<'_, PyAny>>,
    field: &'static str,
    default: MinimumPayment,
) -> PyResult<MinimumPayment> {
    Ok(match given(obj) {
        None => default,
        Some(m)
            if m.is_instance_of::<PyString>()
                && str_arg(m, field)?.parse::<StreamlinedName>().is_ok() =>
        {
            MinimumPayment::IrsStreamlined
        }
        Some(m) => MinimumPayment::Fixed {
            amount: decimal_arg(m, field)?,
        },
    })
}

/// A minimum payment out: its amount, or ``'irs_streamlined'``.
pub(crate) fn minimum_out(m: MinimumPayment) -> impl Out {
    MinimumOut(m)
}

/// The core's name rule (its `parse::same_name` is private to the core): case, `_`, `-` and spaces
/// are not significant.
fn same_name(given: &str, name: &str) -> bool {
    let loose = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    loose(given) == loose(name)
}

/// `'irs_streamlined'` by the core's name rule (case, `_`, `-` and spaces not significant).
struct StreamlinedName;

impl std::str::FromStr for StreamlinedName {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        if same_name(s, "irs_streamlined") {
            Ok(StreamlinedName)
        } else {
            Err(())
        }
    }
}

value_class! {
    in "collections_core.affordability"
    /// A proposed plan for one debt: the monthly ``payment``, ``term_months``, the ``final_payment``,
    /// whether interest is frozen (``freeze_interest``) and the ``total_paid``.
    "Plan" PyPlan(Plan) {
        /// The monthly payment.
        payment: |p| p.payment,
        /// Months to clear the debt.
        term_months: |p| p.term_months,
        /// The last payment.
        final_payment: |p| p.final_payment,
        /// Whether the creditor is asked to freeze interest.
        freeze_interest: |p| p.freeze_interest,
        /// Everything paid.
        total_paid: |p| p.total_paid,
    }
}

value_class! {
    in "collections_core.affordability"
    /// The recommendation for one debt: its id (``debt``), its ``fair_share`` of the disposable income,
    /// the ``plan`` (``None`` when none can be afforded), the ``fallbacks`` offered then (``(kind,
    /// value)`` pairs: ``('token_payment', amount)``, ``('breathing_space', days)``,
    /// ``('forbearance', months)``) and the ``reasons``.
    "Recommendation" PyRecommendation(Recommendation) {
        /// The debt's id.
        debt: |r| r.debt.as_str(),
        /// Its share of the disposable income.
        fair_share: |r| r.fair_share,
        /// The plan, or ``None``.
        plan: |r| r.plan.clone().map(PyPlan),
        /// The fallbacks when there is no plan.
        fallbacks: |r| r.fallbacks.iter().cloned().map(FallbackOut).collect::<Vec<_>>(),
        /// Why.
        reasons: |r| r.reasons.clone(),
    }
}

/// Debts from `(id, balance)` pairs or `(id, balance, annual_rate)` triples (the rate a fraction).
pub(crate) fn debts_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Debt>> {
    pair_items(
        obj,
        "debts",
        2..=3,
        "an (id, balance) pair or an (id, balance, annual_rate) triple",
    )?
    .iter()
    .map(|t: &Bound<'_, PyTuple>| {
        let debt = Debt::new(
            str_arg(&t.get_item(0)?, "debts")?,
            decimal_arg(&t.get_item(1)?, "balance")?,
        );
        Ok(match t.len() {
            3 => debt.with_rate(decimal_arg(&t.get_item(2)?, "annual_rate")?),
            _ => debt,
        })
    })
    .collect()
}

/// A plan policy argument: a `PlanPolicy`, or `'default'` / `'irs_streamlined'`.
fn plan_policy_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<PlanPolicy> {
    let Some(p) = given(obj) else {
        return Ok(PlanPolicy::default());
    };
    if let Ok(p) = p.cast::<PyPlanPolicy>() {
        return Ok(p.get().0);
    }
    if p.is_instance_of::<PyString>() {
        let name = str_arg(p, "policy")?;
        if same_name(&name, "default") {
            return Ok(PlanPolicy::default());
        }
        if same_name(&name, "irs_streamlined") {
            return Ok(PlanPolicy::irs_streamlined());
        }
        return Err(invalid(
            "policy",
            describe(p),
            "expected 'default', 'irs_streamlined' or a PlanPolicy",
        ));
    }
    Err(wrong_type(
        p,
        "policy",
        "a PlanPolicy, 'default' or 'irs_streamlined'",
    ))
}

/// A plan per debt from an ``Assessment``'s disposable income, shared among ``debts`` (``(id, balance)``
/// pairs, or ``(id, balance, annual_rate)`` triples with the rate a fraction: ``"0.199"``) pro rata, within ``policy`` (a
/// ``PlanPolicy``, ``'default'`` or ``'irs_streamlined'``). Returns one ``Recommendation`` per debt.
///
/// >>> s = Statement("2025-06-01", "GBP", Household(1), [("earnings", 1500, "monthly"), ("housing", 1350, "monthly")])
/// >>> r = recommend(assess(s), [("card", 2000), ("loan", 4000, 0)])
/// >>> r[0].plan.payment, r[0].plan.term_months
/// (Decimal('50.00'), 40)
#[pyfunction]
#[pyo3(signature = (assessment, debts, policy = None))]
pub fn recommend(
    assessment: &Bound<'_, PyAny>,
    debts: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyRecommendation>> {
    let assessment = assessment
        .cast::<PyAssessment>()
        .map_err(|_| wrong_type(assessment, "assessment", "an Assessment"))?;
    let debts = debts_arg(debts)?;
    let policy = plan_policy_arg(policy)?;
    Ok(core::recommend(&assessment.get().0, &debts, &policy)
        .or_raise()?
        .into_iter()
        .map(PyRecommendation)
        .collect())
}
