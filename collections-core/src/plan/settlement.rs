//! Settlements: a lump sum (or a few installments) for less than the balance, the least a creditor
//! should accept, and offers within a discount policy.
//!
//! The least acceptable settlement is the net present value of what the alternative path (keep
//! collecting, sue, sell, place with an agency) is expected to recover, less what it costs to collect:
//! accepting less than that loses money in expectation. The caller gives the path as dated expected
//! amounts (each with its probability) and dated costs; they are discounted as XNPV does, Actual/365
//! Fixed from the valuation date.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::value::{present_value, Discount};
use super::{positive_amount, Promise};
use crate::error::{Error, Result};
use crate::finance::arith::Checked;
use crate::money::{Currency, Money, RoundingMode};

/// A settlement: `amount` = `percent` of `balance`, paid as `installments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    /// The balance settled.
    pub balance: Decimal,
    /// The percentage of the balance paid.
    pub percent: Decimal,
    /// What is paid: `balance × percent / 100`, rounded to minor units.
    pub amount: Decimal,
    /// What is forgiven: `balance − amount`.
    pub discount: Decimal,
    /// The payments, adding up to `amount` exactly.
    pub installments: Vec<Promise>,
}

/// Fails unless `percent` is in (0, 100].
fn check_percent(field: &'static str, percent: Decimal) -> Result<()> {
    if percent <= Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        return Err(Error::invalid(
            field,
            percent,
            "must be above 0 and at most 100",
        ));
    }
    Ok(())
}

/// `percent` (in (0, 100]) of `balance`, rounded to minor units by `rounding`.
fn percent_of(
    balance: Decimal,
    percent: Decimal,
    currency: Currency,
    rounding: RoundingMode,
) -> Result<Decimal> {
    let exact = balance
        .mul_c(percent, "percent")?
        .div_c(Decimal::ONE_HUNDRED, "percent")?;
    Ok(Money::new(exact, currency).round(rounding).amount())
}

/// A settlement of `balance` at `percent` (above 0, at most 100) paid on `dates` (one date: a lump sum;
/// several, in increasing order: equal installments, Money::split's largest remainder putting spare
/// cents on the earliest).
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::plan::settle;
/// use collections_core::{Currency, RoundingMode};
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// // 60% of 1,234.56 = 740.736 -> 740.74 half up; forgiven 493.82.
/// let s = settle(Decimal::new(123456, 2), Currency::USD, Decimal::from(60), &[d(2, 1)], RoundingMode::HalfUp)?;
/// assert_eq!((s.amount, s.discount), (Decimal::new(74074, 2), Decimal::new(49382, 2)));
/// // In three: 246.92, 246.91, 246.91.
/// let s = settle(Decimal::new(123456, 2), Currency::USD, Decimal::from(60), &[d(2, 1), d(3, 1), d(4, 1)], RoundingMode::HalfUp)?;
/// assert_eq!(s.installments.iter().map(|p| p.amount).collect::<Vec<_>>(), [Decimal::new(24692, 2), Decimal::new(24691, 2), Decimal::new(24691, 2)]);
/// assert_eq!(settle(Decimal::from(100), Currency::USD, Decimal::ZERO, &[d(2, 1)], RoundingMode::HalfUp).unwrap_err().field(), "percent");
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn settle(
    balance: Decimal,
    currency: Currency,
    percent: Decimal,
    dates: &[NaiveDate],
    rounding: RoundingMode,
) -> Result<Settlement> {
    positive_amount("balance", balance, currency)?;
    check_percent("percent", percent)?;
    if dates.is_empty() {
        return Err(Error::invalid("dates", "[]", "need at least one date"));
    }
    if let Some(w) = dates.windows(2).find(|w| w[1] <= w[0]) {
        return Err(Error::invalid(
            "dates",
            w[1],
            format!(
                "is out of order: dates must increase (the one before is {})",
                w[0]
            ),
        ));
    }
    let amount = percent_of(balance, percent, currency, rounding)?;
    if amount.is_zero() {
        return Err(Error::invalid(
            "percent",
            percent,
            format!("leaves nothing to pay on {balance} in minor units"),
        ));
    }
    let parts = Money::new(amount, currency).split(&vec![Decimal::ONE; dates.len()])?;
    Ok(Settlement {
        balance,
        percent,
        amount,
        discount: balance.sub_c(amount, "discount")?,
        installments: dates
            .iter()
            .zip(parts)
            .map(|(d, m)| Promise::new(*d, m.amount()))
            .collect(),
    })
}

/// An amount the alternative path is expected to recover on a date, with the probability it does (1
/// for an expected cash flow already weighted by the caller).
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::plan::ExpectedRecovery;
/// use rust_decimal::Decimal;
///
/// let r = ExpectedRecovery::new(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), Decimal::from(1000), Decimal::new(4, 1));
/// assert_eq!(r.probability, Decimal::new(4, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedRecovery {
    /// When.
    pub date: NaiveDate,
    /// How much, if recovered.
    pub amount: Decimal,
    /// The probability it is recovered, in [0, 1].
    pub probability: Decimal,
}

impl ExpectedRecovery {
    /// A recovery; [`minimum_settlement`] checks it.
    pub fn new(date: NaiveDate, amount: Decimal, probability: Decimal) -> ExpectedRecovery {
        ExpectedRecovery {
            date,
            amount,
            probability,
        }
    }
}

/// The path not taken if the debtor settles: what it recovers and what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AlternativePath {
    /// Expected recoveries.
    pub recoveries: Vec<ExpectedRecovery>,
    /// Collection costs (fees, court costs, agency commission paid separately), each on a date.
    pub costs: Vec<Promise>,
}

/// The least acceptable settlement and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinimumSettlement {
    /// Σ probability × amount × discount factor of the recoveries (not rounded).
    pub recovery_npv: Decimal,
    /// Σ amount × discount factor of the costs (not rounded).
    pub cost_npv: Decimal,
    /// `recovery_npv − cost_npv`, rounded to minor units by the given mode, never below zero.
    pub net: Decimal,
    /// The floor, when one was given.
    pub floor: Option<Decimal>,
    /// The larger of `net` and the floor: the least the creditor should accept now.
    pub minimum: Decimal,
}

/// The least acceptable settlement on `valuation_date` at an annual `discount_rate` (a fraction, above
/// -1): the NPV of the alternative path's expected recoveries less its costs, rounded by `rounding`
/// (Ceiling never accepts a fraction of a cent below the NPV), raised to `floor` if given.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::plan::{minimum_settlement, AlternativePath, ExpectedRecovery, Promise};
/// use collections_core::{Currency, RoundingMode};
/// use rust_decimal::Decimal;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// // Suing: a 60% chance of 2,000.00 in one year (365 days), 300.00 of costs now. At 10%:
/// // 0.6 x 2000 / 1.1 = 1090.909..., less 300 = 790.909... -> 790.91 (ceiling).
/// let path = AlternativePath {
///     recoveries: vec![ExpectedRecovery::new(d(2027, 1, 1), Decimal::from(2000), Decimal::new(6, 1))],
///     costs: vec![Promise::new(d(2026, 1, 1), Decimal::from(300))],
/// };
/// let m = minimum_settlement(&path, d(2026, 1, 1), Decimal::new(1, 1), None, Currency::USD, RoundingMode::Ceiling)?;
/// assert_eq!(m.minimum, Decimal::new(79091, 2));
/// let floored = minimum_settlement(&path, d(2026, 1, 1), Decimal::new(1, 1), Some(Decimal::from(800)), Currency::USD, RoundingMode::Ceiling)?;
/// assert_eq!(floored.minimum, Decimal::from(800));
/// assert_eq!(minimum_settlement(&path, d(2026, 1, 1), Decimal::from(-1), None, Currency::USD, RoundingMode::Ceiling).unwrap_err().field(), "discount_rate");
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn minimum_settlement(
    path: &AlternativePath,
    valuation_date: NaiveDate,
    discount_rate: Decimal,
    floor: Option<Decimal>,
    currency: Currency,
    rounding: RoundingMode,
) -> Result<MinimumSettlement> {
    let discount = Discount::new(discount_rate)?;
    let mut recoveries: Vec<Promise> = Vec::with_capacity(path.recoveries.len());
    for (i, r) in path.recoveries.iter().enumerate() {
        let at = |e: Error| e.map_value(|v| format!("recovery #{i}: {v}"));
        if r.probability < Decimal::ZERO || r.probability > Decimal::ONE {
            return Err(at(Error::invalid(
                "probability",
                r.probability,
                "must be from 0 to 1",
            )));
        }
        positive_amount("recoveries", r.amount, currency).map_err(at)?;
        recoveries.push(Promise::new(
            r.date,
            r.amount.mul_c(r.probability, "recoveries")?,
        ));
    }
    let mut costs: Vec<Promise> = Vec::with_capacity(path.costs.len());
    for (i, c) in path.costs.iter().enumerate() {
        positive_amount("costs", c.amount, currency)
            .map_err(|e| e.map_value(|v| format!("cost #{i}: {v}")))?;
        costs.push(*c);
    }
    let recovery_npv = dated_npv(&discount, valuation_date, &mut recoveries, "recoveries")?;
    let cost_npv = dated_npv(&discount, valuation_date, &mut costs, "costs")?;
    // Never below zero (a path that costs more than it recovers), shown in minor units either way.
    let net = Money::new(
        recovery_npv.sub_c(cost_npv, "npv")?.max(Decimal::ZERO),
        currency,
    )
    .round(rounding)
    .amount();
    if let Some(f) = floor {
        if f < Decimal::ZERO || !Money::new(f, currency).is_rounded() {
            return Err(Error::invalid(
                "floor",
                f,
                format!("must be at least zero, in the minor units of {currency}"),
            ));
        }
    }
    Ok(MinimumSettlement {
        recovery_npv,
        cost_npv,
        net,
        floor,
        minimum: floor.map_or(net, |f| f.max(net)),
    })
}

/// Σ amount × factor of dated amounts (sorted here), none before `from`.
fn dated_npv(
    discount: &Discount,
    from: NaiveDate,
    flows: &mut [Promise],
    field: &'static str,
) -> Result<Decimal> {
    flows.sort_by_key(|f| f.date);
    if let Some(f) = flows.first().filter(|f| f.date < from) {
        return Err(Error::invalid(
            field,
            f.date,
            format!("is before the valuation date {from}"),
        ));
    }
    present_value(discount, from, flows)
}

/// The most a policy lets an account be discounted, from `min_days_past_due` on (an aging bucket is a
/// band starting at its first day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscountBand {
    /// The band applies from this many days past due (until the next band).
    pub min_days_past_due: u32,
    /// The largest discount for a lump sum, in percent of the balance, from 0 to below 100.
    pub lump_sum_discount_percent: Decimal,
    /// The largest discount when paid in installments, at most the lump sum's.
    pub installment_discount_percent: Decimal,
    /// The most installments a settlement may take (1: lump sums only).
    pub max_installments: u32,
}

/// Discount bands by days past due, in increasing order, the first from day 0.
///
/// ```
/// use collections_core::plan::{DiscountBand, SettlementPolicy};
/// use rust_decimal::Decimal;
///
/// let band = |days, lump: i64, inst: i64, n| DiscountBand { min_days_past_due: days,
///     lump_sum_discount_percent: Decimal::from(lump), installment_discount_percent: Decimal::from(inst), max_installments: n };
/// let policy = SettlementPolicy::new(vec![band(0, 0, 0, 1), band(91, 20, 10, 3), band(181, 40, 25, 6)])?;
/// assert_eq!(policy.band_for(120).lump_sum_discount_percent, Decimal::from(20));
/// assert_eq!(SettlementPolicy::new(vec![band(30, 10, 5, 1)]).unwrap_err().field(), "bands");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SettlementPolicyRepr")]
pub struct SettlementPolicy {
    bands: Vec<DiscountBand>,
}

#[derive(Deserialize)]
struct SettlementPolicyRepr {
    bands: Vec<DiscountBand>,
}

impl TryFrom<SettlementPolicyRepr> for SettlementPolicy {
    type Error = Error;
    fn try_from(r: SettlementPolicyRepr) -> Result<Self> {
        SettlementPolicy::new(r.bands)
    }
}

impl SettlementPolicy {
    /// Checks the bands: the first from day 0, days increasing, discounts from 0 to below 100 with the
    /// installment discount at most the lump sum's, at least one installment.
    pub fn new(bands: Vec<DiscountBand>) -> Result<SettlementPolicy> {
        if bands.first().map(|b| b.min_days_past_due) != Some(0) {
            return Err(Error::invalid(
                "bands",
                bands
                    .first()
                    .map_or("[]".to_string(), |b| b.min_days_past_due.to_string()),
                "the first band must start at 0 days past due",
            ));
        }
        for (i, b) in bands.iter().enumerate() {
            let at = |e: Error| e.map_value(|v| format!("band #{i}: {v}"));
            if i > 0 && b.min_days_past_due <= bands[i - 1].min_days_past_due {
                return Err(at(Error::invalid(
                    "bands",
                    b.min_days_past_due,
                    "days past due must increase from band to band",
                )));
            }
            for (field, p) in [
                ("lump_sum_discount_percent", b.lump_sum_discount_percent),
                (
                    "installment_discount_percent",
                    b.installment_discount_percent,
                ),
            ] {
                if p < Decimal::ZERO || p >= Decimal::ONE_HUNDRED {
                    return Err(at(Error::invalid(field, p, "must be from 0 to below 100")));
                }
            }
            if b.installment_discount_percent > b.lump_sum_discount_percent {
                return Err(at(Error::invalid(
                    "installment_discount_percent",
                    b.installment_discount_percent,
                    "must not exceed the lump sum's discount",
                )));
            }
            if b.max_installments == 0 {
                return Err(at(Error::invalid(
                    "max_installments",
                    0,
                    "must be at least 1",
                )));
            }
        }
        Ok(SettlementPolicy { bands })
    }

    /// The bands.
    pub fn bands(&self) -> &[DiscountBand] {
        &self.bands
    }

    /// The band for an account `days_past_due` days past due.
    pub fn band_for(&self, days_past_due: u32) -> &DiscountBand {
        let i = self
            .bands
            .partition_point(|b| b.min_days_past_due <= days_past_due);
        // The first band starts at 0, so i >= 1.
        &self.bands[i.saturating_sub(1)]
    }
}

/// One settlement offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementOffer {
    /// 1 for a lump sum, else the number of installments.
    pub installments: u32,
    /// What is asked, in total.
    pub amount: Decimal,
    /// `balance − amount`.
    pub discount: Decimal,
    /// The band's days past due it came from.
    pub band_min_days_past_due: u32,
    /// Whether the minimum acceptable settlement, not the band's discount, set the amount.
    pub at_minimum: bool,
}

/// Offers for an account: a lump sum at the band's largest discount and, when the band allows more than
/// one installment, a settlement in `max_installments` at the installment discount. Amounts are rounded
/// up to minor units (never more discount than the policy allows), raised to `minimum` (the least
/// acceptable settlement, at least zero and in minor units: else an error naming `minimum`) and never
/// above the balance.
///
/// ```
/// use collections_core::plan::{settlement_offers, DiscountBand, SettlementPolicy};
/// use collections_core::Currency;
/// use rust_decimal::Decimal;
///
/// let policy = SettlementPolicy::new(vec![
///     DiscountBand { min_days_past_due: 0, lump_sum_discount_percent: Decimal::ZERO, installment_discount_percent: Decimal::ZERO, max_installments: 1 },
///     DiscountBand { min_days_past_due: 181, lump_sum_discount_percent: Decimal::from(40), installment_discount_percent: Decimal::from(25), max_installments: 6 },
/// ])?;
/// // 200 days past due on 1,000.00: 600.00 at once or 750.00 in six; a minimum of 650.00 lifts the lump sum.
/// let offers = settlement_offers(Decimal::from(1000), Currency::USD, 200, Some(Decimal::from(650)), &policy)?;
/// assert_eq!((offers[0].installments, offers[0].amount, offers[0].at_minimum), (1, Decimal::from(650), true));
/// assert_eq!((offers[1].installments, offers[1].amount), (6, Decimal::from(750)));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn settlement_offers(
    balance: Decimal,
    currency: Currency,
    days_past_due: u32,
    minimum: Option<Decimal>,
    policy: &SettlementPolicy,
) -> Result<Vec<SettlementOffer>> {
    positive_amount("balance", balance, currency)?;
    if let Some(m) = minimum.filter(|m| *m < Decimal::ZERO) {
        return Err(Error::invalid("minimum", m, "must not be negative"));
    }
    // An offer is raised to the minimum, so a minimum between two cents would ask an amount that
    // cannot be paid.
    if let Some(m) = minimum.filter(|m| !Money::new(*m, currency).is_rounded()) {
        return Err(Error::invalid(
            "minimum",
            m,
            format!(
                "must be in the {} minor units of {currency}",
                currency.minor_units()
            ),
        ));
    }
    let band = policy.band_for(days_past_due);
    let mut kinds = vec![(1, band.lump_sum_discount_percent)];
    if band.max_installments > 1 {
        kinds.push((band.max_installments, band.installment_discount_percent));
    }
    kinds
        .into_iter()
        .map(|(installments, discount_percent)| {
            let by_policy = percent_of(
                balance,
                Decimal::ONE_HUNDRED.sub_c(discount_percent, "discount")?,
                currency,
                RoundingMode::Ceiling,
            )?;
            let floor = minimum.unwrap_or(Decimal::ZERO);
            let amount = by_policy.max(floor).min(balance);
            Ok(SettlementOffer {
                installments,
                amount,
                discount: balance.sub_c(amount, "discount")?,
                band_min_days_past_due: band.min_days_past_due,
                at_minimum: floor > by_policy,
            })
        })
        .collect()
}
