//! The assessment: totals, allowable expenditure under guidelines, disposable income, flags, and the
//! line-by-line derivation of every figure.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::guidelines::{Guidelines, Rule};
use super::statement::{Category, Section, Statement};
use crate::error::{Error, Result};
use crate::money::{round_decimal, Currency, RoundingMode};

/// A contingency allowance: `percent` of a positive surplus, at most `cap` a month (Scotland's Common
/// Financial Tool: up to 10% of surplus, capped at 20 a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contingency {
    /// The fraction of the surplus (0.10 for 10%).
    pub percent: Decimal,
    /// The most a month.
    pub cap: Decimal,
}

impl Contingency {
    /// The Common Financial Tool's allowance: 10% of surplus, at most 20 a month.
    pub fn common_financial_tool() -> Contingency {
        Contingency {
            percent: Decimal::new(10, 2),
            cap: Decimal::from(20),
        }
    }
}

/// Choices of an assessment beyond the statement and the guidelines.
///
/// ```
/// use collections_core::affordability::{AssessmentPolicy, Contingency};
///
/// let p = AssessmentPolicy::default().with_contingency(Contingency::common_financial_tool());
/// assert!(p.validate().is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentPolicy {
    /// An optional contingency allowance taken from a positive surplus.
    pub contingency: Option<Contingency>,
    /// Spending below this fraction of a guideline's standard is flagged as unusually low (FCA CONC
    /// 8.5 questions unusually low spending as well as high); 0.5 by default, 0 turns the flag off.
    /// Guidelines allowed at the lesser of actual and standard are never flagged low: what is spent
    /// there is what is allowed, and nothing spent is ordinary (no bus fares for a car owner).
    pub low_spending_fraction: Decimal,
    /// A monthly debt administration fee (SFS: deducted before anything is available to creditors); 0
    /// by default.
    pub debt_administration_fee: Decimal,
    /// The rounding of the contingency allowance to minor units (half-up by default).
    pub rounding: RoundingMode,
}

impl Default for AssessmentPolicy {
    fn default() -> Self {
        AssessmentPolicy {
            contingency: None,
            low_spending_fraction: Decimal::new(5, 1),
            debt_administration_fee: Decimal::ZERO,
            rounding: RoundingMode::HalfUp,
        }
    }
}

impl AssessmentPolicy {
    /// The same policy with a contingency allowance.
    pub fn with_contingency(mut self, c: Contingency) -> AssessmentPolicy {
        self.contingency = Some(c);
        self
    }

    /// Checks: a contingency percent between 0 and 1 and a cap of zero or more; a low-spending
    /// fraction between 0 and 1; a fee of zero or more.
    pub fn validate(&self) -> Result<()> {
        if let Some(c) = self.contingency {
            if c.percent.is_sign_negative() || c.percent > Decimal::ONE {
                return Err(Error::invalid(
                    "contingency.percent",
                    c.percent,
                    "must be a fraction between 0 and 1",
                ));
            }
            if c.cap.is_sign_negative() && !c.cap.is_zero() {
                return Err(Error::invalid(
                    "contingency.cap",
                    c.cap,
                    "must not be negative",
                ));
            }
        }
        if self.low_spending_fraction.is_sign_negative()
            || self.low_spending_fraction > Decimal::ONE
        {
            return Err(Error::invalid(
                "low_spending_fraction",
                self.low_spending_fraction,
                "must be a fraction between 0 and 1",
            ));
        }
        if self.debt_administration_fee.is_sign_negative()
            && !self.debt_administration_fee.is_zero()
        {
            return Err(Error::invalid(
                "debt_administration_fee",
                self.debt_administration_fee,
                "must not be negative",
            ));
        }
        Ok(())
    }
}

/// Which way spending stands out from a guideline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FlagKind {
    /// More than the standard.
    UnusuallyHigh,
    /// Below the policy's low-spending fraction of the standard.
    UnusuallyLow,
}

impl FlagKind {
    /// Both kinds.
    pub const ALL: [FlagKind; 2] = [FlagKind::UnusuallyHigh, FlagKind::UnusuallyLow];

    /// `unusually_high` or `unusually_low`.
    pub fn name(self) -> &'static str {
        match self {
            FlagKind::UnusuallyHigh => "unusually_high",
            FlagKind::UnusuallyLow => "unusually_low",
        }
    }
}

crate::debt::aging::by_name!(FlagKind, "flag");

/// Spending that stands out from a guideline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// The guideline.
    pub guideline: String,
    /// The categories it covers.
    pub categories: Vec<Category>,
    /// High or low.
    pub kind: FlagKind,
    /// Monthly spending in those categories.
    pub actual: Decimal,
    /// The guideline's standard.
    pub standard: Decimal,
    /// `actual − standard` (positive when over, negative when under).
    pub difference: Decimal,
}

/// How one guideline was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidelineUse {
    /// The guideline.
    pub guideline: String,
    /// Its rule for this household.
    pub rule: Rule,
    /// The categories it covers.
    pub categories: Vec<Category>,
    /// Monthly spending in them.
    pub actual: Decimal,
    /// The standard.
    pub standard: Decimal,
    /// What is allowed.
    pub allowed: Decimal,
    /// The verification marks of the rows used.
    pub marks: Vec<String>,
    /// How the standard was made.
    pub derivation: String,
}

/// What a line of the derivation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LineKind {
    /// A statement item normalized to monthly.
    Item,
    /// A guideline applied.
    Guideline,
    /// A total or a result.
    Total,
    /// A note (a guideline with no row for the household, ...).
    Note,
}

impl LineKind {
    /// `item`, `guideline`, `total` or `note`.
    pub fn name(self) -> &'static str {
        match self {
            LineKind::Item => "item",
            LineKind::Guideline => "guideline",
            LineKind::Total => "total",
            LineKind::Note => "note",
        }
    }
}

/// One line of the derivation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// What it is about.
    pub kind: LineKind,
    /// A short label (`earnings`, `national_standards`, `disposable_income`).
    pub label: String,
    /// The monthly amount it arrives at.
    pub amount: Decimal,
    /// How.
    pub derivation: String,
}

/// The result of [`assess`]: every figure monthly, in the statement's currency, with its derivation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The statement's date.
    pub date: NaiveDate,
    /// The currency.
    pub currency: Currency,
    /// The guideline table used, if any.
    pub table: Option<String>,
    /// Total income.
    pub income: Decimal,
    /// Fixed costs as stated.
    pub fixed_costs: Decimal,
    /// Flexible costs as stated.
    pub flexible_costs: Decimal,
    /// Fixed plus flexible costs as stated.
    pub expenditure: Decimal,
    /// Fixed plus flexible costs as the guidelines allow them.
    pub allowable_expenditure: Decimal,
    /// The savings contribution.
    pub savings: Decimal,
    /// Payments offered to priority creditors.
    pub priority_debts: Decimal,
    /// The debt administration fee.
    pub debt_administration_fee: Decimal,
    /// `income − allowable_expenditure − savings − debt_administration_fee − priority_debts` (negative:
    /// a deficit).
    pub surplus: Decimal,
    /// The contingency allowance taken from a positive surplus.
    pub contingency: Decimal,
    /// `surplus − contingency`: what is available for non-priority creditors (negative: a deficit).
    pub disposable_income: Decimal,
    /// Each guideline applied.
    pub guidelines: Vec<GuidelineUse>,
    /// Spending that stands out.
    pub flags: Vec<Flag>,
    /// The derivation, line by line.
    pub lines: Vec<Line>,
}

impl Assessment {
    /// True when the disposable income is below zero.
    pub fn is_deficit(&self) -> bool {
        self.disposable_income < Decimal::ZERO
    }

    /// The most that can be paid a month to non-priority creditors: the disposable income, or zero.
    pub fn max_affordable_payment(&self) -> Decimal {
        if self.disposable_income > Decimal::ZERO {
            self.disposable_income
        } else {
            Decimal::new(0, self.disposable_income.scale())
        }
    }

    /// A proposed monthly payment as a fraction of the disposable income (above 1: unaffordable);
    /// `None` when there is no disposable income.
    pub fn affordability_ratio(&self, payment: Decimal) -> Result<Option<Decimal>> {
        if payment.is_sign_negative() && !payment.is_zero() {
            return Err(Error::invalid("payment", payment, "must not be negative"));
        }
        if self.disposable_income <= Decimal::ZERO {
            return Ok(None);
        }
        payment
            .checked_div(self.disposable_income)
            .map(Some)
            .ok_or_else(|| Error::overflow("payment", payment))
    }

    /// Monthly debt payments as a fraction of monthly income (the debt-to-income ratio); `None` when
    /// there is no income. Pass the priority-debt payments plus what non-priority creditors are paid.
    pub fn debt_to_income(&self, monthly_debt_payments: Decimal) -> Result<Option<Decimal>> {
        if monthly_debt_payments.is_sign_negative() && !monthly_debt_payments.is_zero() {
            return Err(Error::invalid(
                "monthly_debt_payments",
                monthly_debt_payments,
                "must not be negative",
            ));
        }
        if self.income <= Decimal::ZERO {
            return Ok(None);
        }
        monthly_debt_payments
            .checked_div(self.income)
            .map(Some)
            .ok_or_else(|| Error::overflow("monthly_debt_payments", monthly_debt_payments))
    }
}

fn add(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow(what, b))
}

fn sub(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(|| Error::overflow(what, b))
}

/// Assesses a statement: guideline rules from the table of `guidelines` in force on the statement's
/// date (none: everything stated is allowed), then the surplus, contingency and disposable income.
///
/// Allowable expenditure is the fixed and flexible costs, each category at what it states, except
/// that the categories a guideline covers are allowed by its rule: in full (the standard, whatever
/// was spent), the lesser of spending and the standard, or as spent (a trigger figure only flags).
/// A guideline with no row for the household is noted and allows what was spent.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::{assess, AssessmentPolicy, Category, Guidelines, Household, Item, Statement};
/// use collections_core::{Currency, Frequency};
/// use rust_decimal::Decimal;
///
/// let item = |c, a: i64| Item::new(c, Decimal::from(a), Frequency::Monthly).unwrap();
/// let items = vec![
///     item(Category::Earnings, 3000),
///     item(Category::Housing, 1200),
///     item(Category::FoodAndHousekeeping, 500),
///     item(Category::PersonalCosts, 100),
/// ];
/// let date = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
/// let s = Statement::new(date, Currency::USD, Household::new(1, 0, 0)?, items)?;
/// let a = assess(&s, Some(&Guidelines::irs()), &AssessmentPolicy::default())?;
/// // IRS 2025, one person without a vehicle: national standards 839 allowed in full (600 spent),
/// // health care 84 and public transportation 244, both allowed in full.
/// assert_eq!(a.allowable_expenditure, Decimal::from(1200 + 839 + 84 + 244));
/// assert_eq!(a.disposable_income, Decimal::from(3000 - 2367));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn assess(
    statement: &Statement,
    guidelines: Option<&Guidelines>,
    policy: &AssessmentPolicy,
) -> Result<Assessment> {
    policy.validate()?;
    let currency = statement.currency();
    let units = currency.minor_units();
    if policy.debt_administration_fee.normalize().scale() > units {
        return Err(Error::invalid(
            "debt_administration_fee",
            policy.debt_administration_fee,
            format!("must be in the {units} minor units of {currency}"),
        ));
    }
    let mut lines = Vec::new();
    for (item, monthly) in statement.items().iter().zip(statement.monthly_amounts()) {
        let label = if item.label().is_empty() {
            item.category().name().to_string()
        } else {
            format!("{} ({})", item.category().name(), item.label())
        };
        lines.push(Line {
            kind: LineKind::Item,
            label,
            amount: *monthly,
            derivation: format!(
                "{}: {} {} x {} / 12 = {monthly} a month ({})",
                item.category().section().name(),
                item.amount(),
                item.frequency(),
                item.frequency().periods_per_year(),
                statement.rounding()
            ),
        });
    }

    let income = statement.section_total(Section::Income);
    let fixed_costs = statement.section_total(Section::FixedCosts);
    let flexible_costs = statement.section_total(Section::FlexibleCosts);
    let expenditure = add(fixed_costs, flexible_costs, "expenditure")?;
    let savings = statement.section_total(Section::Savings);
    let priority_debts = statement.section_total(Section::PriorityDebts);

    let mut uses = Vec::new();
    let mut flags = Vec::new();
    let mut allowable = expenditure;
    let mut table_name = None;
    if let Some(g) = guidelines {
        let table = g.table_on(statement.date())?;
        table_name = Some(table.name().to_string());
        let standards = table.standards(statement.household())?;
        let mut seen: Vec<&str> = Vec::new();
        for row in table.rows() {
            if seen.contains(&row.guideline.as_str()) {
                continue;
            }
            seen.push(&row.guideline);
            if !standards.iter().any(|s| s.guideline == row.guideline) {
                lines.push(Line {
                    kind: LineKind::Note,
                    label: row.guideline.clone(),
                    amount: Decimal::ZERO,
                    derivation: format!(
                        "no row of guideline {} in table {} matches the household: spending in {} is allowed as stated",
                        row.guideline,
                        table.name(),
                        names(&row.categories)
                    ),
                });
            }
        }
        for mut s in standards {
            // Table figures are often whole units (1753): shown in minor units (1753.00) like the
            // rest of the assessment; a figure with more decimals than the currency keeps them.
            if s.amount.scale() < units {
                s.amount.rescale(units);
            }
            let actual = s
                .categories
                .iter()
                .map(|c| statement.monthly(*c))
                .try_fold(Decimal::new(0, units), |acc, x| acc.checked_add(x))
                .ok_or_else(|| Error::overflow("items", &s.guideline))?;
            let allowed = s.rule.allowed(actual, s.amount);
            allowable = add(
                sub(allowable, actual, "expenditure")?,
                allowed,
                "expenditure",
            )?;
            let marks = if s.marks.is_empty() {
                String::new()
            } else {
                format!(", marks {}", s.marks.join(" "))
            };
            lines.push(Line {
                kind: LineKind::Guideline,
                label: s.guideline.clone(),
                amount: allowed,
                derivation: format!(
                    "{} ({}, {}{marks}): standard {} = {}; spent on {} {actual}; allowed {allowed}",
                    s.guideline,
                    table.name(),
                    s.rule.name(),
                    s.derivation,
                    s.amount,
                    names(&s.categories)
                ),
            });
            let low_line = s
                .amount
                .checked_mul(policy.low_spending_fraction)
                .unwrap_or(Decimal::ZERO);
            let kind = if actual > s.amount {
                Some(FlagKind::UnusuallyHigh)
            } else if s.rule != Rule::LesserOf && actual < low_line {
                Some(FlagKind::UnusuallyLow)
            } else {
                None
            };
            if let Some(kind) = kind {
                flags.push(Flag {
                    guideline: s.guideline.clone(),
                    categories: s.categories.clone(),
                    kind,
                    actual,
                    standard: s.amount,
                    difference: sub(actual, s.amount, "items")?,
                });
            }
            uses.push(GuidelineUse {
                guideline: s.guideline,
                rule: s.rule,
                categories: s.categories,
                actual,
                standard: s.amount,
                allowed,
                marks: s.marks,
                derivation: s.derivation,
            });
        }
    }

    let mut fee = policy.debt_administration_fee;
    if fee.scale() < units {
        fee.rescale(units);
    }
    let surplus = sub(income, allowable, "surplus")
        .and_then(|x| sub(x, savings, "surplus"))
        .and_then(|x| sub(x, fee, "surplus"))
        .and_then(|x| sub(x, priority_debts, "surplus"))?;
    let contingency = match policy.contingency {
        Some(c) if surplus > Decimal::ZERO => {
            let share = surplus
                .checked_mul(c.percent)
                .ok_or_else(|| Error::overflow("contingency", surplus))?;
            round_decimal(share, units, policy.rounding)?.min(c.cap)
        }
        _ => Decimal::new(0, units),
    };
    let disposable_income = sub(surplus, contingency, "disposable_income")?;

    let total = |label: &str, amount: Decimal, derivation: String| Line {
        kind: LineKind::Total,
        label: label.to_string(),
        amount,
        derivation,
    };
    lines.push(total(
        "income",
        income,
        format!("sum of income items = {income}"),
    ));
    lines.push(total(
        "expenditure",
        expenditure,
        format!("fixed costs {fixed_costs} + flexible costs {flexible_costs} = {expenditure}"),
    ));
    lines.push(total(
        "allowable_expenditure",
        allowable,
        format!(
            "expenditure {expenditure}, each guideline's categories replaced by what it allows = {allowable}"
        ),
    ));
    lines.push(total(
        "surplus",
        surplus,
        format!(
            "income {income} - allowable expenditure {allowable} - savings {savings} - debt administration fee {fee} - priority debts {priority_debts} = {surplus}"
        ),
    ));
    if let Some(c) = policy.contingency {
        lines.push(total(
            "contingency",
            contingency,
            format!(
                "{} of a positive surplus, at most {} ({}) = {contingency}",
                c.percent, c.cap, policy.rounding
            ),
        ));
    }
    lines.push(total(
        "disposable_income",
        disposable_income,
        format!("surplus {surplus} - contingency {contingency} = {disposable_income}"),
    ));

    Ok(Assessment {
        date: statement.date(),
        currency,
        table: table_name,
        income,
        fixed_costs,
        flexible_costs,
        expenditure,
        allowable_expenditure: allowable,
        savings,
        priority_debts,
        debt_administration_fee: fee,
        surplus,
        contingency,
        disposable_income,
        guidelines: uses,
        flags,
        lines,
    })
}

fn names(categories: &[Category]) -> String {
    categories
        .iter()
        .map(|c| c.name())
        .collect::<Vec<_>>()
        .join(" + ")
}
