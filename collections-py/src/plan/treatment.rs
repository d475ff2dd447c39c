//! `AccountState`, `TreatmentRule`, `TreatmentPolicy` and its `TreatmentRecommendation`, over the
//! core's plan treatment policy.

use collections_core::plan::{
    AccountState, Affordability, ContactOutcome, Recommendation, TreatmentPolicy, TreatmentRule,
};
use pyo3::prelude::*;

use super::JsonOut;
use crate::affordability::assessment::PyAssessment;
use crate::contact::{class_arg, from_json};
use crate::convert::{bool_arg, int_arg, items_arg};
use crate::debt::{decimal_or, given, name_or, value_class};
use crate::errors::CoreResultExt;

value_class! {
    in "collections_core.plan"
    /// What is known of an account when the next action is chosen: ``days_past_due``, ``balance``,
    /// ``broken_promises``, ``failed_contact_attempts``, the ``last_contact`` outcome (a name:
    /// ``'not-attempted'``, ``'no-answer'``, ``'left-message'``, ``'wrong-party'``,
    /// ``'right-party-contact'``, ``'promised-to-pay'``, ``'refused-to-pay'``), ``affordability``
    /// (``'not-assessed'``, ``'surplus'``, ``'deficit'``, or an affordability ``Assessment``, which
    /// gives surplus or deficit), and the flags ``disputed``, ``hardship`` and ``active_plan``.
    ///
    /// >>> AccountState(days_past_due=95, balance=800, last_contact="right-party-contact").last_contact
    /// 'right-party-contact'
    "AccountState" PyAccountState(AccountState) {
        /// Days past due.
        days_past_due: |s| s.days_past_due,
        /// The balance.
        balance: |s| s.balance,
        /// Promises broken.
        broken_promises: |s| s.broken_promises,
        /// Contact attempts that failed in a row.
        failed_contact_attempts: |s| s.failed_contact_attempts,
        /// The last contact's outcome.
        last_contact: |s| s.last_contact.name(),
        /// ``'not-assessed'``, ``'surplus'`` or ``'deficit'``.
        affordability: |s| s.affordability.name(),
        /// Whether the debt is disputed.
        disputed: |s| s.disputed,
        /// Whether the debtor is in hardship.
        hardship: |s| s.hardship,
        /// Whether a plan is running.
        active_plan: |s| s.active_plan,
    }

    #[new]
    #[pyo3(signature = (*, days_past_due = None, balance = None, broken_promises = None,
                        failed_contact_attempts = None, last_contact = None, affordability = None,
                        disputed = None, hardship = None, active_plan = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        days_past_due: Option<&Bound<'_, PyAny>>,
        balance: Option<&Bound<'_, PyAny>>,
        broken_promises: Option<&Bound<'_, PyAny>>,
        failed_contact_attempts: Option<&Bound<'_, PyAny>>,
        last_contact: Option<&Bound<'_, PyAny>>,
        affordability: Option<&Bound<'_, PyAny>>,
        disputed: Option<&Bound<'_, PyAny>>,
        hardship: Option<&Bound<'_, PyAny>>,
        active_plan: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let count = |o: Option<&Bound<'_, PyAny>>, field| given(o).map_or(Ok(0), |o| int_arg::<u32>(o, field));
        let flag = |o: Option<&Bound<'_, PyAny>>, field| given(o).map_or(Ok(false), |o| bool_arg(o, field));
        let affordability = match given(affordability) {
            Some(a) => match a.cast::<PyAssessment>() {
                Ok(assessment) => Affordability::of(&assessment.get().0),
                Err(_) => name_or(Some(a), "affordability", Affordability::default())?,
            },
            None => Affordability::default(),
        };
        Ok(PyAccountState(AccountState {
            days_past_due: count(days_past_due, "days_past_due")?,
            balance: decimal_or(balance, "balance", rust_decimal::Decimal::ZERO)?,
            broken_promises: count(broken_promises, "broken_promises")?,
            failed_contact_attempts: count(failed_contact_attempts, "failed_contact_attempts")?,
            last_contact: name_or(last_contact, "last_contact", ContactOutcome::default())?,
            affordability,
            disputed: flag(disputed, "disputed")?,
            hardship: flag(hardship, "hardship")?,
            active_plan: flag(active_plan, "active_plan")?,
        }))
    }

    /// A state from the core's JSON (every field named as here).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(AccountState, text, "state").map(PyAccountState)
    }

    /// The state as JSON.
    fn to_json(&self) -> String {
        self.state()
    }
}

/// The conditions set, as a JSON object (those not set left out).
fn conditions_json(when: &collections_core::plan::Conditions) -> String {
    let mut value = serde_json::to_value(when).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.retain(|_, v| !v.is_null());
    }
    value.to_string()
}

value_class! {
    in "collections_core.plan"
    /// One rule of a treatment policy: its ``name``, the conditions it fires ``when`` (a dict of the
    /// core's conditions: ``min_days_past_due``, ``max_balance``, ``last_contact``, ...), the
    /// ``action`` it recommends and the ``reason`` why.
    "TreatmentRule" PyTreatmentRule(TreatmentRule) {
        /// The rule's name.
        name: |r| r.name.as_str(),
        /// The conditions, as a dict.
        when: |r| JsonOut(conditions_json(&r.when)),
        /// The action's name.
        action: |r| r.action.name(),
        /// Why.
        reason: |r| r.reason.as_str(),
    }

    /// A rule from the core's JSON (``name``, ``when``, ``action``, ``reason``).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(TreatmentRule, text, "rule").map(PyTreatmentRule)
    }

    /// The rule as JSON.
    fn to_json(&self) -> String {
        self.state()
    }
}

value_class! {
    in "collections_core.plan"
    /// The next action for an account: the ``action`` (a name), the ``rule`` that fired, its
    /// ``reason``, and the ``facts`` of the account it checked.
    "TreatmentRecommendation" PyTreatmentRecommendation(Recommendation) {
        /// The action's name.
        action: |r| r.action.name(),
        /// The rule that fired.
        rule: |r| r.rule.as_str(),
        /// Why.
        reason: |r| r.reason.as_str(),
        /// What was checked.
        facts: |r| r.facts.clone(),
    }
}

value_class! {
    in "collections_core.plan"
    /// Rules, as data, from an ``AccountState`` to the next action: the first rule whose conditions
    /// hold fires. ``TreatmentPolicy.standard()`` is the library's (dispute, hardship, small-balance
    /// write-off, legal review, agency placement, ..., reminder); ``from_json`` reads your own.
    ///
    /// >>> r = TreatmentPolicy.standard().recommend(AccountState(days_past_due=95, balance=800, last_contact="right-party-contact"))
    /// >>> r.action, r.rule
    /// ('settlement-offer', 'settle')
    "TreatmentPolicy" PyTreatmentPolicy(TreatmentPolicy) {
        /// The rules, in order.
        rules: |p| p.rules().iter().cloned().map(PyTreatmentRule).collect::<Vec<_>>(),
    }

    #[new]
    fn new(rules: &Bound<'_, PyAny>) -> PyResult<Self> {
        let rules = items_arg(rules, "rules")?
            .iter()
            .map(|r| Ok(class_arg::<PyTreatmentRule>(r, "rules", "a TreatmentRule")?.get().0.clone()))
            .collect::<PyResult<Vec<_>>>()?;
        TreatmentPolicy::new(rules).or_raise().map(PyTreatmentPolicy)
    }

    /// The library's standard policy.
    #[staticmethod]
    fn standard() -> Self {
        PyTreatmentPolicy(TreatmentPolicy::standard())
    }

    /// A policy from the core's JSON (``rules``).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(TreatmentPolicy, text, "policy").map(PyTreatmentPolicy)
    }

    /// The policy as JSON.
    fn to_json(&self) -> String {
        self.state()
    }

    /// The recommendation for ``state`` (an ``AccountState``), or ``None`` when no rule fires.
    fn recommend(&self, state: &Bound<'_, PyAny>) -> PyResult<Option<PyTreatmentRecommendation>> {
        let state = class_arg::<PyAccountState>(state, "state", "an AccountState")?;
        Ok(self.0.recommend(&state.get().0).map(PyTreatmentRecommendation))
    }
}

/// Registers the classes on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyAccountState>()?;
    m.add_class::<PyTreatmentRule>()?;
    m.add_class::<PyTreatmentRecommendation>()?;
    m.add_class::<PyTreatmentPolicy>()?;
    Ok(())
}
