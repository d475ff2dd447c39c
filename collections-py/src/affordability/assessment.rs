//! `assess`: a statement against guidelines, giving an `Assessment` (totals, allowable expenditure,
//! surplus, contingency, disposable income, flags and the derivation line by line), over the core's
//! `affordability::assessment`.

use collections_core::affordability::{
    self as core, Assessment, AssessmentPolicy, Contingency, Flag, GuidelineUse, Line,
};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rust_decimal::Decimal;

use super::guidelines::guidelines_arg;
use super::statement::PyStatement;
use crate::convert::{decimal_arg, decimal_out, html_escape, wrong_type};
use crate::debt::{decimal_or, given, value_class};
use crate::errors::CoreResultExt;

/// The categories' names.
fn names(categories: &[core::Category]) -> Vec<&'static str> {
    categories.iter().map(|c| c.name()).collect()
}

value_class! {
    in "collections_core.affordability"
    /// A guideline applied by an assessment: the ``guideline``, its ``rule``, the ``categories`` it
    /// covers, what was spent on them (``actual``), the ``standard``, what is ``allowed``, the
    /// verification ``marks`` of its figures and how the standard was found (``derivation``).
    "GuidelineUse" PyGuidelineUse(GuidelineUse) {
        /// The guideline's name.
        guideline: |g| g.guideline.as_str(),
        /// ``allowed_in_full``, ``lesser_of`` or ``trigger``.
        rule: |g| g.rule.name(),
        /// The categories it covers.
        categories: |g| names(&g.categories),
        /// The monthly spending on them.
        actual: |g| g.actual,
        /// The standard for the household.
        standard: |g| g.standard,
        /// What is allowed.
        allowed: |g| g.allowed,
        /// The verification marks of the figures used.
        marks: |g| g.marks.clone(),
        /// How the standard was found.
        derivation: |g| g.derivation.as_str(),
    }
}

value_class! {
    in "collections_core.affordability"
    /// Spending that stands out from a guideline: ``kind`` is ``unusually_high`` (above a trigger
    /// figure) or ``unusually_low`` (below the low-spending fraction of the standard), with the
    /// ``actual`` spending, the ``standard`` and the ``difference`` (actual minus standard).
    "Flag" PyFlag(Flag) {
        /// The guideline's name.
        guideline: |f| f.guideline.as_str(),
        /// The categories it covers.
        categories: |f| names(&f.categories),
        /// ``unusually_high`` or ``unusually_low``.
        kind: |f| f.kind.name(),
        /// The monthly spending.
        actual: |f| f.actual,
        /// The standard.
        standard: |f| f.standard,
        /// Actual minus standard.
        difference: |f| f.difference,
    }
}

value_class! {
    in "collections_core.affordability"
    /// One line of an assessment's derivation: its ``kind`` (``item``, ``guideline``, ``total`` or
    /// ``note``), a ``label``, the monthly ``amount`` and how it was found (``derivation``).
    "Line" PyLine(Line) {
        /// ``item``, ``guideline``, ``total`` or ``note``.
        kind: |l| l.kind.name(),
        /// What the line is.
        label: |l| l.label.as_str(),
        /// The monthly amount.
        amount: |l| l.amount,
        /// How it was found.
        derivation: |l| l.derivation.as_str(),
    }
}

/// The key figures of an assessment, by name, in the order the HTML view and `assess_many` show them.
pub fn key_figures(a: &Assessment) -> [(&'static str, Decimal); 10] {
    [
        ("income", a.income),
        ("fixed_costs", a.fixed_costs),
        ("flexible_costs", a.flexible_costs),
        ("expenditure", a.expenditure),
        ("allowable_expenditure", a.allowable_expenditure),
        ("savings", a.savings),
        ("priority_debts", a.priority_debts),
        ("surplus", a.surplus),
        ("contingency", a.contingency),
        ("disposable_income", a.disposable_income),
    ]
}

/// The HTML view for notebooks: the key figures, then every line of the derivation.
fn html(a: &Assessment) -> String {
    let mut out = String::from("<div class=\"collections-core-assessment\">");
    out.push_str(&format!(
        "<p>Assessment {} {}, guideline table: {}</p>",
        a.date,
        a.currency,
        html_escape(a.table.as_deref().unwrap_or("none"))
    ));
    out.push_str("<table><thead><tr><th>figure</th><th>monthly</th></tr></thead><tbody>");
    for (name, value) in key_figures(a) {
        out.push_str(&format!("<tr><td>{name}</td><td>{value}</td></tr>"));
    }
    out.push_str(&format!(
        "<tr><td>max_affordable_payment</td><td>{}</td></tr></tbody></table>",
        a.max_affordable_payment()
    ));
    out.push_str(
        "<table><thead><tr><th>kind</th><th>line</th><th>amount</th><th>derivation</th></tr></thead><tbody>",
    );
    for l in &a.lines {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            l.kind.name(),
            html_escape(&l.label),
            l.amount,
            html_escape(&l.derivation)
        ));
    }
    out.push_str("</tbody></table>");
    if !a.flags.is_empty() {
        out.push_str("<p>Flags:</p><ul>");
        for f in &a.flags {
            out.push_str(&format!(
                "<li>{}: {} (spent {}, standard {})</li>",
                html_escape(&f.guideline),
                f.kind.name(),
                f.actual,
                f.standard
            ));
        }
        out.push_str("</ul>");
    }
    out.push_str("</div>");
    out
}

value_class! {
    in "collections_core.affordability"
    /// What a statement leaves to pay debts with. Every figure is monthly, a ``Decimal``: ``income``,
    /// ``fixed_costs``, ``flexible_costs``, ``expenditure`` (all costs as stated),
    /// ``allowable_expenditure`` (after the guideline rules), ``savings``, ``priority_debts``,
    /// ``debt_administration_fee``, ``surplus``, ``contingency`` and ``disposable_income``; with the
    /// guideline ``table`` used (or ``None``), the ``guidelines`` applied, the ``flags`` and the
    /// derivation ``lines``.
    ///
    /// >>> s = Statement("2025-06-01", "USD", Household(1), [("earnings", 3000, "monthly"),
    /// ...     ("housing", 1200, "monthly"), ("food_and_housekeeping", 500, "monthly")])
    /// >>> a = assess(s, Guidelines.irs())
    /// >>> a.allowable_expenditure, a.disposable_income, a.is_deficit
    /// (Decimal('2367.00'), Decimal('633.00'), False)
    /// >>> a.affordability_ratio("316.50")
    /// Decimal('0.50')
    "Assessment" PyAssessment(Assessment)
    repr |s, _py| Ok(format!(
        "<Assessment {} {}: income {}, allowable expenditure {}, disposable income {}, {} flags>",
        s.0.date, s.0.currency, s.0.income, s.0.allowable_expenditure, s.0.disposable_income, s.0.flags.len()
    ));
    {
        /// The statement's date.
        date: |a| a.date,
        /// The currency.
        currency: |a| a.currency,
        /// The guideline table used, or ``None``.
        table: |a| a.table.as_deref(),
        /// Monthly income.
        income: |a| a.income,
        /// Monthly fixed costs as stated.
        fixed_costs: |a| a.fixed_costs,
        /// Monthly flexible costs as stated.
        flexible_costs: |a| a.flexible_costs,
        /// Every cost as stated.
        expenditure: |a| a.expenditure,
        /// The costs allowed under the guidelines.
        allowable_expenditure: |a| a.allowable_expenditure,
        /// Savings contributions.
        savings: |a| a.savings,
        /// Payments to priority creditors.
        priority_debts: |a| a.priority_debts,
        /// The debt administration fee.
        debt_administration_fee: |a| a.debt_administration_fee,
        /// Income less allowable expenditure, savings, priority debts and the fee.
        surplus: |a| a.surplus,
        /// The contingency allowance taken from a positive surplus.
        contingency: |a| a.contingency,
        /// What is left for non-priority creditors (negative: a deficit).
        disposable_income: |a| a.disposable_income,
        /// The guidelines applied.
        guidelines: |a| a.guidelines.iter().cloned().map(PyGuidelineUse).collect::<Vec<_>>(),
        /// Spending that stands out.
        flags: |a| a.flags.iter().cloned().map(PyFlag).collect::<Vec<_>>(),
        /// The derivation, line by line.
        lines: |a| a.lines.iter().cloned().map(PyLine).collect::<Vec<_>>(),
        /// Whether the disposable income is below zero.
        is_deficit: |a| a.is_deficit(),
        /// The disposable income, or zero.
        max_affordable_payment: |a| a.max_affordable_payment(),
    }

    /// A monthly ``payment`` as a fraction of the disposable income (above 1: unaffordable); ``None``
    /// when there is no disposable income.
    fn affordability_ratio<'py>(&self, py: Python<'py>, payment: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .affordability_ratio(decimal_arg(payment, "payment")?)
            .or_raise()?
            .map(|r| decimal_out(py, r))
            .transpose()
    }

    /// Monthly debt ``payments`` (priority payments plus what non-priority creditors are paid) as a
    /// fraction of income; ``None`` when there is no income.
    fn debt_to_income<'py>(&self, py: Python<'py>, payments: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .debt_to_income(decimal_arg(payments, "payments")?)
            .or_raise_as(&[("monthly_debt_payments", "payments")])?
            .map(|r| decimal_out(py, r))
            .transpose()
    }

    fn _repr_html_(&self) -> String {
        html(&self.0)
    }
}

/// An assessment policy from `assess`'s keyword arguments.
pub fn policy_arg(
    contingency: Option<&Bound<'_, PyAny>>,
    low_spending_fraction: Option<&Bound<'_, PyAny>>,
    debt_administration_fee: Option<&Bound<'_, PyAny>>,
) -> PyResult<AssessmentPolicy> {
    let defaults = AssessmentPolicy::default();
    let contingency = match given(contingency) {
        None => None,
        Some(c) => {
            let pair = c
                .cast::<PyTuple>()
                .ok()
                .filter(|t| t.len() == 2)
                .ok_or_else(|| wrong_type(c, "contingency", "a (percent, cap) pair or None"))?;
            Some(Contingency {
                percent: decimal_arg(&pair.get_item(0)?, "contingency.percent")?,
                cap: decimal_arg(&pair.get_item(1)?, "contingency.cap")?,
            })
        }
    };
    Ok(AssessmentPolicy {
        contingency,
        low_spending_fraction: decimal_or(
            low_spending_fraction,
            "low_spending_fraction",
            defaults.low_spending_fraction,
        )?,
        debt_administration_fee: decimal_or(
            debt_administration_fee,
            "debt_administration_fee",
            defaults.debt_administration_fee,
        )?,
        ..defaults
    })
}

/// Assesses a ``Statement`` against ``guidelines`` (a ``Guidelines``; ``None``: every cost as stated
/// is allowed), using the table in force on the statement's date.
///
/// ``contingency`` is a ``(percent, cap)`` pair (``("0.10", 20)``: the Common Financial Tool's 10% of
/// the surplus, at most 20 a month) or ``None``; spending below ``low_spending_fraction`` of a standard
/// is flagged (``0`` turns the flag off; a lesser-of guideline is never flagged low, since what is spent
/// there is what is allowed); ``debt_administration_fee`` is deducted before anything is
/// available to creditors.
///
/// >>> s = Statement("2025-06-01", "GBP", Household(1), [("earnings", 1500, "monthly"), ("housing", 1000, "monthly")])
/// >>> assess(s, contingency=("0.10", 20)).disposable_income
/// Decimal('480.00')
#[pyfunction]
#[pyo3(signature = (statement, guidelines = None, *, contingency = None, low_spending_fraction = None,
                    debt_administration_fee = None))]
pub fn assess(
    statement: &Bound<'_, PyAny>,
    guidelines: Option<&Bound<'_, PyAny>>,
    contingency: Option<&Bound<'_, PyAny>>,
    low_spending_fraction: Option<&Bound<'_, PyAny>>,
    debt_administration_fee: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyAssessment> {
    let statement = statement
        .cast::<PyStatement>()
        .map_err(|_| wrong_type(statement, "statement", "a Statement"))?;
    let guidelines = guidelines_arg(guidelines)?;
    let policy = policy_arg(contingency, low_spending_fraction, debt_administration_fee)?;
    core::assess(&statement.get().0, guidelines.as_ref(), &policy)
        .or_raise()
        .map(PyAssessment)
}
