//! Recommendations: a plan per debt within a policy, or the fallbacks when it cannot be afforded.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::offers::{fair_share, Creditor, OfferBasis, OfferPolicy};
use crate::error::{Error, Result};
use crate::money::round_decimal;
use crate::money::RoundingMode;

/// A non-priority debt to plan for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debt {
    /// The debt's reference.
    pub id: String,
    /// The balance owed.
    pub balance: Decimal,
    /// The annual interest rate, as a fraction (0 when interest is already frozen).
    pub annual_rate: Decimal,
}

impl Debt {
    /// A debt without interest.
    pub fn new(id: impl Into<String>, balance: Decimal) -> Debt {
        Debt {
            id: id.into(),
            balance,
            annual_rate: Decimal::ZERO,
        }
    }

    /// The same debt bearing `annual_rate` (a fraction) on its balance, monthly.
    pub fn with_rate(mut self, annual_rate: Decimal) -> Debt {
        self.annual_rate = annual_rate;
        self
    }
}

/// The least monthly payment a policy accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum MinimumPayment {
    /// A fixed amount (0: no minimum).
    Fixed {
        /// The amount.
        amount: Decimal,
    },
    /// The IRS streamlined installment agreement: the larger of 25 and the balance / 72, rounded up to
    /// the cent so 72 payments clear the balance (IRM 4.20.4.3).
    IrsStreamlined,
}

impl MinimumPayment {
    /// The minimum for a balance.
    pub fn for_balance(self, balance: Decimal) -> Decimal {
        match self {
            MinimumPayment::Fixed { amount } => amount,
            MinimumPayment::IrsStreamlined => {
                let per = (balance / Decimal::from(72))
                    .round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity);
                per.max(Decimal::from(25))
            }
        }
    }
}

/// When a plan asks the creditor to freeze interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FreezeInterest {
    /// Never: a plan whose payment does not cover the interest cannot be afforded.
    Never,
    /// When the payment does not cover a month's interest (the balance would never fall).
    WhenPaymentBelowInterest,
    /// Always (a debt management plan or the Debt Arrangement Scheme, where interest and fees are
    /// frozen from the application).
    Always,
}

impl FreezeInterest {
    /// Every rule.
    pub const ALL: [FreezeInterest; 3] = [
        FreezeInterest::Never,
        FreezeInterest::WhenPaymentBelowInterest,
        FreezeInterest::Always,
    ];

    /// `never`, `when_payment_below_interest` or `always`.
    pub fn name(self) -> &'static str {
        match self {
            FreezeInterest::Never => "never",
            FreezeInterest::WhenPaymentBelowInterest => "when_payment_below_interest",
            FreezeInterest::Always => "always",
        }
    }
}

crate::debt::aging::by_name!(FreezeInterest, "freeze_interest");

/// What a recommendation may propose.
///
/// ```
/// use collections_core::affordability::{MinimumPayment, PlanPolicy};
/// use rust_decimal::Decimal;
///
/// let irs = PlanPolicy::irs_streamlined();
/// assert_eq!(irs.max_term_months, 72);
/// // 7,200.00 / 72 = 100.00; 1,000.00 / 72 = 13.89, below the 25.00 floor.
/// assert_eq!(irs.minimum_payment.for_balance(Decimal::from(7200)), Decimal::from(100));
/// assert_eq!(irs.minimum_payment.for_balance(Decimal::from(1000)), Decimal::from(25));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPolicy {
    /// The longest plan, in months (60 by default).
    pub max_term_months: u32,
    /// The least payment per debt (none by default).
    pub minimum_payment: MinimumPayment,
    /// The most of the disposable income the plans may take together (1 by default).
    pub max_share_of_surplus: Decimal,
    /// When to ask for interest to be frozen.
    pub freeze_interest: FreezeInterest,
    /// The token payment offered when a plan cannot be afforded (1.00 by default).
    pub token_payment: Decimal,
    /// The breathing space offered (days; 60 by default, England and Wales' standard breathing space
    /// under the Debt Respite Scheme Regulations 2020); 0 offers none.
    pub breathing_space_days: u32,
    /// The forbearance offered (months of reduced or no payments with interest frozen; 3 by default);
    /// 0 offers none.
    pub forbearance_months: u32,
    /// The rounding of monthly interest to the cent when a plan bears interest.
    pub rounding: RoundingMode,
}

impl Default for PlanPolicy {
    fn default() -> Self {
        PlanPolicy {
            max_term_months: 60,
            minimum_payment: MinimumPayment::Fixed {
                amount: Decimal::ZERO,
            },
            max_share_of_surplus: Decimal::ONE,
            freeze_interest: FreezeInterest::WhenPaymentBelowInterest,
            token_payment: Decimal::ONE,
            breathing_space_days: 60,
            forbearance_months: 3,
            rounding: RoundingMode::HalfUp,
        }
    }
}

/// The longest term a policy may set (100 years).
pub const MAX_TERM_MONTHS: u32 = 1_200;

impl PlanPolicy {
    /// The IRS streamlined installment agreement: at most 72 months, a minimum of max(25, balance /
    /// 72), interest never frozen (the IRS does not freeze interest and penalties).
    pub fn irs_streamlined() -> PlanPolicy {
        PlanPolicy {
            max_term_months: 72,
            minimum_payment: MinimumPayment::IrsStreamlined,
            freeze_interest: FreezeInterest::Never,
            ..PlanPolicy::default()
        }
    }

    /// Checks the figures.
    pub fn validate(&self) -> Result<()> {
        if self.max_term_months == 0 || self.max_term_months > MAX_TERM_MONTHS {
            return Err(Error::invalid(
                "max_term_months",
                self.max_term_months,
                format!("must be between 1 and {MAX_TERM_MONTHS}"),
            ));
        }
        if self.max_share_of_surplus <= Decimal::ZERO || self.max_share_of_surplus > Decimal::ONE {
            return Err(Error::invalid(
                "max_share_of_surplus",
                self.max_share_of_surplus,
                "must be a fraction above 0 and at most 1",
            ));
        }
        for (field, v) in [
            ("token_payment", self.token_payment),
            (
                "minimum_payment",
                match self.minimum_payment {
                    MinimumPayment::Fixed { amount } => amount,
                    MinimumPayment::IrsStreamlined => Decimal::ZERO,
                },
            ),
        ] {
            if v.is_sign_negative() && !v.is_zero() {
                return Err(Error::invalid(field, v, "must not be negative"));
            }
        }
        Ok(())
    }
}

/// A way forward when a plan cannot be afforded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Fallback {
    /// A token payment a month while circumstances are reviewed.
    TokenPayment {
        /// The amount.
        amount: Decimal,
    },
    /// A breathing space: enforcement, interest and charges paused.
    BreathingSpace {
        /// Days.
        days: u32,
    },
    /// Forbearance: reduced or no payments with interest frozen.
    Forbearance {
        /// Months.
        months: u32,
    },
}

/// A proposed plan for one debt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The monthly payment.
    pub payment: Decimal,
    /// Months to clear the debt.
    pub term_months: u32,
    /// The last payment (at most `payment`).
    pub final_payment: Decimal,
    /// Whether the creditor is asked to freeze interest.
    pub freeze_interest: bool,
    /// Everything paid over the plan.
    pub total_paid: Decimal,
}

/// The recommendation for one debt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The debt.
    pub debt: String,
    /// Its fair share of what is available a month.
    pub fair_share: Decimal,
    /// The plan, or `None` when it cannot be afforded.
    pub plan: Option<Plan>,
    /// The fallbacks (when there is no plan).
    pub fallbacks: Vec<Fallback>,
    /// Why, in words.
    pub reasons: Vec<String>,
}

/// Proposes a plan per debt: the disposable income (times the policy's share, rounded down to the
/// cent) is shared among the debts pro rata by balance ([`fair_share`]); each debt's share is its
/// payment (never more than clears it), accepted when it is at least the policy's minimum, covers the
/// interest (or interest is frozen) and clears the debt within the longest term. Otherwise the debt
/// gets the fallbacks: a token payment, a breathing space, forbearance, each with its reason.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::{assess, recommend, AssessmentPolicy, Category, Debt, Household, Item, PlanPolicy, Statement};
/// use collections_core::{Currency, Frequency};
/// use rust_decimal::Decimal;
///
/// let item = |c, a: i64| Item::new(c, Decimal::from(a), Frequency::Monthly).unwrap();
/// let date = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
/// let s = Statement::new(date, Currency::GBP, Household::new(1, 0, 0)?,
///                        vec![item(Category::Earnings, 1500), item(Category::Housing, 1350)])?;
/// let a = assess(&s, None, &AssessmentPolicy::default())?; // 150.00 disposable
/// let debts = [Debt::new("card", Decimal::from(2000)), Debt::new("loan", Decimal::from(4000))];
/// let r = recommend(&a, &debts, &PlanPolicy::default())?;
/// let card = r[0].plan.as_ref().unwrap();
/// assert_eq!((card.payment, card.term_months), (Decimal::from(50), 40));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn recommend(
    assessment: &Assessment,
    debts: &[Debt],
    policy: &PlanPolicy,
) -> Result<Vec<Recommendation>> {
    policy.validate()?;
    let currency = assessment.currency;
    let units = currency.minor_units();
    for (i, d) in debts.iter().enumerate() {
        if d.annual_rate.is_sign_negative() && !d.annual_rate.is_zero()
            || d.annual_rate > Decimal::from(10)
        {
            return Err(Error::invalid(
                "debts",
                format!("#{i} {}: rate {}", d.id, d.annual_rate),
                "an annual rate must be a fraction between 0 and 10",
            ));
        }
    }
    let creditors: Vec<Creditor> = debts
        .iter()
        .map(|d| Creditor::new(d.id.clone(), d.balance))
        .collect();
    let available = assessment
        .max_affordable_payment()
        .checked_mul(policy.max_share_of_surplus)
        .ok_or_else(|| Error::overflow("disposable_income", assessment.disposable_income))?;
    let available = round_decimal(available, units, RoundingMode::Down)?;
    // The token reads as money (1.00, not 1); fair_share refuses one finer than the currency's units.
    let mut token = policy.token_payment;
    if token.scale() < units {
        token.rescale(units);
    }
    let offer_policy = OfferPolicy {
        token_payment: token,
        minimum: Decimal::ZERO,
    };
    let shares = fair_share(available, currency, &creditors, &offer_policy).map_err(|e| {
        if e.field() == "creditors" {
            e.with_field("debts")
        } else {
            e
        }
    })?;
    let fallbacks = || {
        let mut f = vec![Fallback::TokenPayment { amount: token }];
        if policy.breathing_space_days > 0 {
            f.push(Fallback::BreathingSpace {
                days: policy.breathing_space_days,
            });
        }
        if policy.forbearance_months > 0 {
            f.push(Fallback::Forbearance {
                months: policy.forbearance_months,
            });
        }
        f
    };
    // fair_share checked every balance (positive, in minor units); their sum fits as the split did.
    let owed = creditors
        .iter()
        .try_fold(Decimal::ZERO, |acc, c| acc.checked_add(c.balance))
        .ok_or_else(|| Error::overflow("debts", "sum of balances"))?;
    let mut out = Vec::with_capacity(debts.len());
    for (debt, offer) in debts.iter().zip(&shares.offers) {
        let mut reasons = Vec::new();
        if shares.no_surplus || offer.basis == OfferBasis::Token {
            reasons.push(format!(
                "no surplus: the disposable income is {}",
                assessment.disposable_income
            ));
            out.push(Recommendation {
                debt: debt.id.clone(),
                fair_share: Decimal::ZERO,
                plan: None,
                fallbacks: fallbacks(),
                reasons,
            });
            continue;
        }
        let share = offer.amount;
        reasons.push(format!(
            "fair share of {available} available: {} of {} owed in all = {share}",
            debt.balance, owed
        ));
        let payment = share.min(debt.balance);
        let mut minimum = policy.minimum_payment.for_balance(debt.balance);
        if minimum.scale() < units {
            minimum.rescale(units);
        }
        let plan = plan_for(debt, payment, minimum, units, policy, &mut reasons)?;
        out.push(Recommendation {
            debt: debt.id.clone(),
            fair_share: share,
            fallbacks: if plan.is_none() {
                fallbacks()
            } else {
                Vec::new()
            },
            plan,
            reasons,
        });
    }
    Ok(out)
}

fn plan_for(
    debt: &Debt,
    payment: Decimal,
    minimum: Decimal,
    units: u32,
    policy: &PlanPolicy,
    reasons: &mut Vec<String>,
) -> Result<Option<Plan>> {
    if payment < minimum || payment <= Decimal::ZERO {
        reasons.push(format!(
            "the payment {payment} is below the policy's minimum {minimum}"
        ));
        return Ok(None);
    }
    let monthly_rate = debt.annual_rate / Decimal::from(12);
    let overflow = || Error::overflow("debts", format!("{}: {}", debt.id, debt.balance));
    let interest_on = |balance: Decimal| -> Result<Decimal> {
        round_decimal(
            balance.checked_mul(monthly_rate).ok_or_else(overflow)?,
            units,
            policy.rounding,
        )
    };
    let first_interest = interest_on(debt.balance)?;
    let freeze = match policy.freeze_interest {
        FreezeInterest::Always => true,
        FreezeInterest::Never => false,
        FreezeInterest::WhenPaymentBelowInterest => {
            !debt.annual_rate.is_zero() && payment <= first_interest
        }
    };
    if freeze && !debt.annual_rate.is_zero() {
        reasons.push(if policy.freeze_interest == FreezeInterest::Always {
            "interest frozen under the policy".to_string()
        } else {
            format!("interest frozen: the payment {payment} does not cover a month's interest {first_interest}")
        });
    }
    if !freeze && payment <= first_interest {
        reasons.push(format!(
            "the payment {payment} does not cover a month's interest {first_interest}"
        ));
        return Ok(None);
    }
    let mut balance = debt.balance;
    let mut months = 0u32;
    let mut total = Decimal::ZERO;
    let mut last = payment;
    while balance > Decimal::ZERO {
        if months >= policy.max_term_months {
            reasons.push(format!(
                "{payment} a month would take more than the policy's {} months",
                policy.max_term_months
            ));
            return Ok(None);
        }
        if !freeze {
            balance = balance
                .checked_add(interest_on(balance)?)
                .ok_or_else(overflow)?;
        }
        last = payment.min(balance);
        balance -= last;
        total = total.checked_add(last).ok_or_else(overflow)?;
        months += 1;
    }
    reasons.push(format!(
        "{payment} a month clears {} in {months} months (last payment {last})",
        debt.balance
    ));
    Ok(Some(Plan {
        payment,
        term_months: months,
        final_payment: last,
        freeze_interest: freeze,
        total_paid: total,
    }))
}
