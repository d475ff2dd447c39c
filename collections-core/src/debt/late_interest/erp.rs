//! Dunning interest and finance charges as two ERP systems compute them (their published formulas; no
//! code of theirs): ERPNext's Dunning, and Microsoft Dynamics 365 Business Central's finance charge
//! terms with the "balance due" and "average daily balance" methods.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{name_key, round_fraction, round_money};
use crate::debt::non_negative;
use crate::error::{Error, Result};
use crate::money::{Currency, Money, RoundingMode};

/// An ERPNext-style dunning: interest, fee, amount and level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErpNextDunning {
    /// Posting date − due date (interest is zero when this is not positive).
    pub overdue_days: i64,
    /// outstanding × annual rate / 100 / 365 × overdue days, rounded to minor units.
    pub interest: Decimal,
    /// The dunning fee, as given.
    pub dunning_fee: Decimal,
    /// interest + dunning fee.
    pub dunning_amount: Decimal,
    /// Earlier dunnings of the payment line + 1.
    pub level: u32,
}

/// ERPNext's dunning formula: interest = outstanding × annual rate / 100 / 365 × overdue days, where
/// overdue days = posting date − due date; dunning amount = interest + fee; level = earlier dunnings + 1.
///
/// The interest is computed as one exact fraction (`outstanding × rate × days / 36500`) and rounded once
/// with `rounding` to the currency's minor units. A posting date on or before the due date gives zero
/// interest. Negative amounts, rates and fees are refused.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::late_interest::erpnext_dunning;
/// use collections_core::{Currency, Money, RoundingMode};
/// use rust_decimal::Decimal;
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// // 1,200.00 at 12% for 45 days: 1200 × 12 × 45 / 36500 = 17.7534... -> 17.75; + 10.00 fee
/// let r = erpnext_dunning(Money::new(Decimal::from(1200), Currency::USD), Decimal::from(12),
///     d(2026, 1, 15), d(2026, 3, 1), Decimal::from(10), 1, RoundingMode::HalfUp)?;
/// assert_eq!((r.overdue_days, r.interest.to_string(), r.dunning_amount.to_string(), r.level), (45, "17.75".into(), "27.75".into(), 2));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn erpnext_dunning(
    outstanding: Money,
    annual_rate_percent: Decimal,
    due_date: NaiveDate,
    posting_date: NaiveDate,
    dunning_fee: Decimal,
    earlier_dunnings: u32,
    rounding: RoundingMode,
) -> Result<ErpNextDunning> {
    non_negative("outstanding", outstanding.amount())?;
    non_negative("annual_rate_percent", annual_rate_percent)?;
    non_negative("dunning_fee", dunning_fee)?;
    let overdue_days = (posting_date - due_date).num_days();
    let interest = erpnext_interest(
        outstanding.amount(),
        annual_rate_percent,
        overdue_days,
        outstanding.currency(),
        rounding,
    )?;
    let dunning_amount = interest
        .checked_add(dunning_fee)
        .ok_or_else(|| Error::overflow("dunning_fee", dunning_fee))?;
    let level = earlier_dunnings
        .checked_add(1)
        .ok_or_else(|| Error::overflow("earlier_dunnings", earlier_dunnings))?;
    Ok(ErpNextDunning {
        overdue_days,
        interest,
        dunning_fee,
        dunning_amount,
        level,
    })
}

/// `outstanding × rate × days / 36500`, rounded; zero for days ≤ 0.
pub(crate) fn erpnext_interest(
    outstanding: Decimal,
    annual_rate_percent: Decimal,
    days: i64,
    currency: Currency,
    rounding: RoundingMode,
) -> Result<Decimal> {
    if days <= 0 {
        return Ok(round_money(Decimal::ZERO, currency, rounding));
    }
    let numerator = outstanding
        .checked_mul(annual_rate_percent)
        .and_then(|x| x.checked_mul(Decimal::from(days)))
        .ok_or_else(|| Error::overflow("outstanding", outstanding))?;
    round_fraction(numerator, 36_500, currency, rounding).map_err(|e| e.with_field("outstanding"))
}

/// Business Central's interest calculation methods for finance charges.
///
/// ```
/// use collections_core::debt::late_interest::FinanceChargeMethod;
/// let m: FinanceChargeMethod = "Average Daily Balance".parse().unwrap();
/// assert_eq!(m.name(), "average-daily-balance");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FinanceChargeMethod {
    /// remaining amount × rate / 100, once past the grace period (not time-weighted).
    BalanceDue,
    /// Σ amount × days outstanding ÷ days in the interest period × rate / 100.
    AverageDailyBalance,
}

impl FinanceChargeMethod {
    /// The name: `balance-due` or `average-daily-balance`.
    pub fn name(self) -> &'static str {
        match self {
            FinanceChargeMethod::BalanceDue => "balance-due",
            FinanceChargeMethod::AverageDailyBalance => "average-daily-balance",
        }
    }
}

impl fmt::Display for FinanceChargeMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for FinanceChargeMethod {
    type Err = Error;

    /// Parses a method name; case, `_`, `-` and spaces are not significant.
    fn from_str(s: &str) -> Result<Self> {
        match name_key(s).as_str() {
            "balancedue" => Ok(FinanceChargeMethod::BalanceDue),
            "averagedailybalance" => Ok(FinanceChargeMethod::AverageDailyBalance),
            _ => Err(Error::invalid(
                "method",
                s,
                "expected balance-due or average-daily-balance",
            )),
        }
    }
}

/// Finance charge terms in the manner of Business Central.
///
/// `interest_period_days` is the period the rate applies to (30 for "1.5% a month"); the balance-due
/// method does not use it. No charge is made until the due date plus `grace_days` has passed, and none
/// when the interest comes to less than `minimum_amount` (Business Central then adds nothing, fee
/// included). Amounts are in the entry's currency.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::late_interest::{FinanceChargeMethod, FinanceChargeTerms};
/// use collections_core::{Currency, Money, RoundingMode};
/// use rust_decimal::Decimal;
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let mut terms = FinanceChargeTerms::new(FinanceChargeMethod::AverageDailyBalance, Decimal::new(15, 1), 30);
/// terms.additional_fee = Decimal::from(5);
/// // 2,000.00 outstanding 45 days at 1.5% per 30 days: 2000 × 45 / 30 × 1.5 / 100 = 45.00, + 5.00 fee
/// let c = terms.charge(Money::new(Decimal::from(2000), Currency::USD), d(2026, 1, 1), d(2026, 2, 15), RoundingMode::HalfUp)?;
/// assert_eq!((c.interest.to_string(), c.total.to_string()), ("45.00".into(), "50.00".into()));
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinanceChargeTerms {
    /// The interest calculation method.
    pub method: FinanceChargeMethod,
    /// The rate in percent per interest period (balance due: per charge).
    pub interest_rate_percent: Decimal,
    /// Days in the interest period (at least 1 for the average daily balance method).
    pub interest_period_days: u32,
    /// Days after the due date before a charge is made.
    pub grace_days: u32,
    /// Interest below this is not charged at all.
    pub minimum_amount: Decimal,
    /// A fixed fee added to each charge.
    pub additional_fee: Decimal,
}

/// One finance charge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinanceCharge {
    /// as_of − due date.
    pub days_overdue: i64,
    /// Whether a charge is made (past the grace period, and interest at least the minimum).
    pub charged: bool,
    /// The interest, rounded to minor units (zero when not charged).
    pub interest: Decimal,
    /// The additional fee (zero when not charged).
    pub additional_fee: Decimal,
    /// interest + additional fee.
    pub total: Decimal,
}

impl FinanceChargeTerms {
    /// Terms with no grace period, no minimum and no fee.
    pub fn new(
        method: FinanceChargeMethod,
        interest_rate_percent: Decimal,
        interest_period_days: u32,
    ) -> FinanceChargeTerms {
        FinanceChargeTerms {
            method,
            interest_rate_percent,
            interest_period_days,
            grace_days: 0,
            minimum_amount: Decimal::ZERO,
            additional_fee: Decimal::ZERO,
        }
    }

    /// Checks the terms: no negative amounts, and an interest period for the average daily balance.
    pub fn validate(&self) -> Result<()> {
        non_negative("interest_rate_percent", self.interest_rate_percent)?;
        non_negative("minimum_amount", self.minimum_amount)?;
        non_negative("additional_fee", self.additional_fee)?;
        if self.method == FinanceChargeMethod::AverageDailyBalance && self.interest_period_days == 0
        {
            return Err(Error::invalid(
                "interest_period_days",
                0,
                "the average daily balance method needs an interest period of at least one day",
            ));
        }
        Ok(())
    }

    /// The finance charge on one open entry of `remaining`, due on `due_date`, as of `as_of`.
    pub fn charge(
        &self,
        remaining: Money,
        due_date: NaiveDate,
        as_of: NaiveDate,
        rounding: RoundingMode,
    ) -> Result<FinanceCharge> {
        self.validate()?;
        non_negative("remaining", remaining.amount())?;
        let days_overdue = (as_of - due_date).num_days();
        let currency = remaining.currency();
        let zero = round_money(Decimal::ZERO, currency, rounding);
        let none = FinanceCharge {
            days_overdue,
            charged: false,
            interest: zero,
            additional_fee: zero,
            total: zero,
        };
        if days_overdue <= i64::from(self.grace_days) || remaining.is_zero() {
            return Ok(none);
        }
        let interest = match self.method {
            FinanceChargeMethod::BalanceDue => balance_due_interest(
                remaining.amount(),
                self.interest_rate_percent,
                currency,
                rounding,
            )?,
            FinanceChargeMethod::AverageDailyBalance => average_daily_balance_interest(
                &[(remaining.amount(), days_overdue)],
                self.interest_rate_percent,
                self.interest_period_days,
                currency,
                rounding,
            )?,
        };
        if interest < self.minimum_amount {
            return Ok(none);
        }
        let total = interest
            .checked_add(self.additional_fee)
            .ok_or_else(|| Error::overflow("additional_fee", self.additional_fee))?;
        Ok(FinanceCharge {
            days_overdue,
            charged: true,
            interest,
            additional_fee: self.additional_fee,
            total,
        })
    }
}

/// Business Central's average daily balance interest: Σ amount × days outstanding ÷ days in the interest
/// period × rate / 100, as one exact fraction rounded once to the currency's minor units.
///
/// Each item is `(amount, days outstanding)`; a balance that changed with payments is one item per
/// stretch at one balance. Negative amounts or days are refused.
///
/// ```
/// use collections_core::debt::late_interest::average_daily_balance_interest;
/// use collections_core::{Currency, RoundingMode};
/// use rust_decimal::Decimal;
///
/// // 1,000 for 20 days, then 400 for 10 days, at 2% per 30 days: (20000 + 4000) / 30 × 2 / 100 = 16.00
/// let i = average_daily_balance_interest(&[(Decimal::from(1000), 20), (Decimal::from(400), 10)],
///     Decimal::from(2), 30, Currency::EUR, RoundingMode::HalfUp)?;
/// assert_eq!(i.to_string(), "16.00");
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn average_daily_balance_interest(
    items: &[(Decimal, i64)],
    rate_percent: Decimal,
    interest_period_days: u32,
    currency: Currency,
    rounding: RoundingMode,
) -> Result<Decimal> {
    non_negative("rate_percent", rate_percent)?;
    if interest_period_days == 0 {
        return Err(Error::invalid(
            "interest_period_days",
            0,
            "must be at least one day",
        ));
    }
    let mut weighted = Decimal::ZERO;
    for &(amount, days) in items {
        non_negative("amount", amount)?;
        if days < 0 {
            return Err(Error::invalid("days", days, "must not be negative"));
        }
        weighted = amount
            .checked_mul(Decimal::from(days))
            .and_then(|x| weighted.checked_add(x))
            .ok_or_else(|| Error::overflow("amount", amount))?;
    }
    adb_round(
        weighted,
        rate_percent,
        interest_period_days,
        currency,
        rounding,
    )
}

/// `weighted × rate / (100 × period)`, rounded once.
pub(crate) fn adb_round(
    weighted: Decimal,
    rate_percent: Decimal,
    interest_period_days: u32,
    currency: Currency,
    rounding: RoundingMode,
) -> Result<Decimal> {
    let numerator = weighted
        .checked_mul(rate_percent)
        .ok_or_else(|| Error::overflow("amount", weighted))?;
    round_fraction(
        numerator,
        100 * u64::from(interest_period_days),
        currency,
        rounding,
    )
    .map_err(|e| e.with_field("amount"))
}

/// `remaining × rate / 100`, rounded once.
pub(crate) fn balance_due_interest(
    remaining: Decimal,
    rate_percent: Decimal,
    currency: Currency,
    rounding: RoundingMode,
) -> Result<Decimal> {
    let numerator = remaining
        .checked_mul(rate_percent)
        .ok_or_else(|| Error::overflow("remaining", remaining))?;
    round_fraction(numerator, 100, currency, rounding).map_err(|e| e.with_field("remaining"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn erpnext_not_overdue_and_bad_input() {
        let m = Money::new(Decimal::from(100), Currency::EUR);
        let r = erpnext_dunning(
            m,
            Decimal::TEN,
            d(2026, 1, 10),
            d(2026, 1, 1),
            Decimal::ONE,
            0,
            RoundingMode::HalfUp,
        )
        .unwrap();
        assert_eq!(
            (r.overdue_days, r.interest.to_string(), r.level),
            (-9, "0.00".to_string(), 1)
        );
        let neg = Money::new(-Decimal::ONE, Currency::EUR);
        let field = |r: Result<ErpNextDunning>| r.unwrap_err().field();
        assert_eq!(
            field(erpnext_dunning(
                neg,
                Decimal::TEN,
                d(2026, 1, 1),
                d(2026, 2, 1),
                Decimal::ONE,
                0,
                RoundingMode::HalfUp
            )),
            "outstanding"
        );
        assert_eq!(
            field(erpnext_dunning(
                m,
                -Decimal::TEN,
                d(2026, 1, 1),
                d(2026, 2, 1),
                Decimal::ONE,
                0,
                RoundingMode::HalfUp
            )),
            "annual_rate_percent"
        );
        assert_eq!(
            field(erpnext_dunning(
                m,
                Decimal::TEN,
                d(2026, 1, 1),
                d(2026, 2, 1),
                -Decimal::ONE,
                0,
                RoundingMode::HalfUp
            )),
            "dunning_fee"
        );
        assert_eq!(
            field(erpnext_dunning(
                m,
                Decimal::TEN,
                d(2026, 1, 1),
                d(2026, 2, 1),
                Decimal::ONE,
                u32::MAX,
                RoundingMode::HalfUp
            )),
            "earlier_dunnings"
        );
    }

    #[test]
    fn business_central_grace_and_minimum() {
        let mut terms =
            FinanceChargeTerms::new(FinanceChargeMethod::BalanceDue, Decimal::from(2), 0);
        terms.grace_days = 5;
        terms.minimum_amount = Decimal::from(3);
        terms.additional_fee = Decimal::from(7);
        let m = |a: i64| Money::new(Decimal::from(a), Currency::EUR);
        // Exactly at the end of the grace period: no charge; one day later: 2% of 500 = 10.00 + 7.00.
        let at = terms
            .charge(m(500), d(2026, 1, 1), d(2026, 1, 6), RoundingMode::HalfUp)
            .unwrap();
        assert!(!at.charged);
        let past = terms
            .charge(m(500), d(2026, 1, 1), d(2026, 1, 7), RoundingMode::HalfUp)
            .unwrap();
        assert_eq!(
            (past.interest.to_string(), past.total.to_string()),
            ("10.00".into(), "17.00".into())
        );
        // 2% of 100 = 2.00 is below the minimum 3: nothing at all.
        let small = terms
            .charge(m(100), d(2026, 1, 1), d(2026, 3, 1), RoundingMode::HalfUp)
            .unwrap();
        assert_eq!(
            (small.charged, small.total.to_string()),
            (false, "0.00".into())
        );
        let bad =
            FinanceChargeTerms::new(FinanceChargeMethod::AverageDailyBalance, Decimal::ONE, 0);
        assert_eq!(
            bad.charge(m(1), d(2026, 1, 1), d(2026, 2, 1), RoundingMode::HalfUp)
                .unwrap_err()
                .field(),
            "interest_period_days"
        );
        assert_eq!(
            "x".parse::<FinanceChargeMethod>().unwrap_err().field(),
            "method"
        );
    }
}
