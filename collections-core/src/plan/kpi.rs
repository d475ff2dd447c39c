//! Portfolio KPIs and the roll-rate matrix between two dates.
//!
//! Formulas (`../shared/reference/affordability.md`, "Collections operations conventions"):
//! - Collection Effectiveness Index = (opening receivables + credit sales ÷ N − closing receivables) ÷
//!   (opening receivables + credit sales ÷ N − closing current receivables) × 100, N the number of months
//!   the credit sales cover. N is explicit because the same inputs give different results for different N
//!   (creditguru.com, "Collection Effectiveness Index (CEI)", works the N = 3 example used in the tests).
//! - Days sales outstanding = receivables ÷ credit sales × days in the period.
//! - Recovery rate = collected ÷ outstanding; liquidation rate = gross recoveries ÷ placements.
//! - Promise-kept rate = promises kept ÷ promises come due; right-party-contact rate = right-party
//!   contacts ÷ a denominator the caller chooses (dial attempts, connected calls).
//!
//! Ratios are exact Decimal quotients, not rounded (they are not money); a zero denominator gives `None`.
//! The aging report itself is [`age_portfolio`](crate::debt::aging::age_portfolio).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Tracking;
use crate::debt::aging::{AccountObligations, AgingRules};
use crate::debt::non_negative as not_negative;
use crate::error::{Error, Result};
use crate::finance::arith::Checked;

/// The inputs of the Collection Effectiveness Index over a period of `months` months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CeiInputs {
    /// Receivables at the start of the period.
    pub opening_receivables: Decimal,
    /// Credit sales (new balances placed) over the period.
    pub credit_sales: Decimal,
    /// N: the months the credit sales cover (at least 1).
    pub months: u32,
    /// Receivables at the end of the period.
    pub closing_receivables: Decimal,
    /// The part of the closing receivables that is current (not past due).
    pub closing_current_receivables: Decimal,
}

/// The Collection Effectiveness Index, in percent; `None` when its denominator is zero.
///
/// ```
/// use collections_core::plan::{collection_effectiveness_index, CeiInputs};
/// use rust_decimal::Decimal;
///
/// // creditguru.com's example: 6,200 opening, 10,890 credit sales over N = 3 months, 6,340 closing,
/// // 3,590 current: (6200 + 3630 - 6340) / (6200 + 3630 - 3590) x 100 = 3490 / 6240 x 100 = 55.93%.
/// let mut cei = CeiInputs { opening_receivables: Decimal::from(6200), credit_sales: Decimal::from(10890), months: 3,
///                           closing_receivables: Decimal::from(6340), closing_current_receivables: Decimal::from(3590) };
/// assert_eq!(collection_effectiveness_index(&cei)?.unwrap().round_dp(2), Decimal::new(5593, 2));
/// // The same inputs with N = 1: 10750 / 13500 x 100 = 79.63%.
/// cei.months = 1;
/// assert_eq!(collection_effectiveness_index(&cei)?.unwrap().round_dp(2), Decimal::new(7963, 2));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn collection_effectiveness_index(inputs: &CeiInputs) -> Result<Option<Decimal>> {
    if inputs.months == 0 {
        return Err(Error::invalid("months", 0, "N must be at least 1"));
    }
    for (field, v) in [
        ("opening_receivables", inputs.opening_receivables),
        ("credit_sales", inputs.credit_sales),
        ("closing_receivables", inputs.closing_receivables),
        (
            "closing_current_receivables",
            inputs.closing_current_receivables,
        ),
    ] {
        not_negative(field, v)?;
    }
    if inputs.closing_current_receivables > inputs.closing_receivables {
        return Err(Error::invalid(
            "closing_current_receivables",
            inputs.closing_current_receivables,
            format!(
                "must not exceed the closing receivables {}",
                inputs.closing_receivables
            ),
        ));
    }
    let available = inputs.opening_receivables.add_c(
        inputs
            .credit_sales
            .div_c(Decimal::from(inputs.months), "credit_sales")?,
        "cei",
    )?;
    let collected = available.sub_c(inputs.closing_receivables, "cei")?;
    let collectable = available.sub_c(inputs.closing_current_receivables, "cei")?;
    ratio(collected, collectable)?
        .map(|r| r.mul_c(Decimal::ONE_HUNDRED, "cei"))
        .transpose()
}

/// `numerator ÷ denominator`, `None` when the denominator is zero.
fn ratio(numerator: Decimal, denominator: Decimal) -> Result<Option<Decimal>> {
    if denominator.is_zero() {
        return Ok(None);
    }
    numerator.div_c(denominator, "ratio").map(Some)
}

/// Days sales outstanding: `receivables ÷ credit_sales × days`.
///
/// ```
/// use collections_core::plan::days_sales_outstanding;
/// use rust_decimal::Decimal;
///
/// // 45,000 owed against 90,000 of credit sales in a 30-day month: 15 days.
/// assert_eq!(days_sales_outstanding(Decimal::from(45000), Decimal::from(90000), 30)?, Some(Decimal::from(15)));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn days_sales_outstanding(
    receivables: Decimal,
    credit_sales: Decimal,
    days: u32,
) -> Result<Option<Decimal>> {
    not_negative("receivables", receivables)?;
    not_negative("credit_sales", credit_sales)?;
    ratio(receivables.mul_c(Decimal::from(days), "dso")?, credit_sales)
}

/// Recovery rate: `collected ÷ outstanding`.
///
/// ```
/// use collections_core::plan::recovery_rate;
/// use rust_decimal::Decimal;
/// assert_eq!(recovery_rate(Decimal::from(250), Decimal::from(1000))?, Some(Decimal::new(25, 2)));
/// assert_eq!(recovery_rate(Decimal::from(250), Decimal::ZERO)?, None);
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn recovery_rate(collected: Decimal, outstanding: Decimal) -> Result<Option<Decimal>> {
    not_negative("collected", collected)?;
    not_negative("outstanding", outstanding)?;
    ratio(collected, outstanding)
}

/// Liquidation rate: `gross_recoveries ÷ placements` (what was placed with the agency or the team).
///
/// ```
/// use collections_core::plan::liquidation_rate;
/// use rust_decimal::Decimal;
/// assert_eq!(liquidation_rate(Decimal::from(12_000), Decimal::from(150_000))?, Some(Decimal::new(8, 2)));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn liquidation_rate(gross_recoveries: Decimal, placements: Decimal) -> Result<Option<Decimal>> {
    not_negative("gross_recoveries", gross_recoveries)?;
    not_negative("placements", placements)?;
    ratio(gross_recoveries, placements)
}

/// Promise-kept rate of a portfolio: promises kept ÷ promises come due (deadline before each tracking's
/// date), over every tracked arrangement.
///
/// ```
/// use collections_core::plan::promise_kept_rate;
/// assert_eq!(promise_kept_rate(&[]), None);
/// ```
pub fn promise_kept_rate(trackings: &[Tracking]) -> Option<Decimal> {
    let (kept, due) = trackings
        .iter()
        .map(Tracking::kept_and_due)
        .fold((0u64, 0u64), |(k, n), (k1, n1)| {
            (k.saturating_add(k1), n.saturating_add(n1))
        });
    Decimal::from(kept).checked_div(Decimal::from(due))
}

/// Right-party-contact rate: `right_party_contacts ÷ denominator` (the caller's choice: dial attempts,
/// connected calls, accounts worked). More contacts than the denominator is an error.
///
/// ```
/// use collections_core::plan::right_party_contact_rate;
/// use rust_decimal::Decimal;
/// assert_eq!(right_party_contact_rate(30, 400)?, Some(Decimal::new(75, 3)));
/// assert_eq!(right_party_contact_rate(5, 4).unwrap_err().field(), "right_party_contacts");
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn right_party_contact_rate(
    right_party_contacts: u64,
    denominator: u64,
) -> Result<Option<Decimal>> {
    if right_party_contacts > denominator {
        return Err(Error::invalid(
            "right_party_contacts",
            right_party_contacts,
            format!("must not exceed the denominator {denominator}"),
        ));
    }
    ratio(
        Decimal::from(right_party_contacts),
        Decimal::from(denominator),
    )
}

/// Where accounts in each bucket on one date were on a later date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollMatrix {
    /// The earlier date.
    pub from: NaiveDate,
    /// The later date.
    pub to: NaiveDate,
    /// The bucket labels (rows: the bucket on `from`; columns: on `to`).
    pub labels: Vec<String>,
    /// Accounts moving from bucket i to bucket j.
    pub accounts: Vec<Vec<u64>>,
    /// Their outstanding amounts on `from`.
    pub outstanding: Vec<Vec<Decimal>>,
    /// `outstanding[i][j] ÷ Σ_j outstanding[i][j]`; `None` in a row that held nothing.
    pub rates: Vec<Vec<Option<Decimal>>>,
}

/// The roll-rate (transition) matrix of `accounts` between two dates: each account's bucket on `from`
/// and on `to` under `rules`, weighted by its outstanding amount on `from`.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::aging::{AccountObligations, AgingRules, Obligation};
/// use collections_core::plan::roll_rate_matrix;
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let owing = |due, paid| AccountObligations::new(vec![Obligation::new(due, Decimal::TEN, paid).unwrap()]).unwrap();
/// // Both unpaid: 21 and 11 days past due (1-30) on January 31, 49 and 39 (31-60) on February 28.
/// let accounts = [owing(d(1, 10), Decimal::ZERO), owing(d(1, 20), Decimal::ZERO)];
/// let m = roll_rate_matrix(&accounts, d(1, 31), d(2, 28), &AgingRules::default())?;
/// assert_eq!(m.accounts[1][2], 2); // 1-30 -> 31-60
/// assert_eq!(m.rates[1][2], Some(Decimal::ONE));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn roll_rate_matrix(
    accounts: &[AccountObligations],
    from: NaiveDate,
    to: NaiveDate,
    rules: &AgingRules,
) -> Result<RollMatrix> {
    if to <= from {
        return Err(Error::invalid(
            "to",
            to,
            format!("must be after the earlier date {from}"),
        ));
    }
    let n = rules.buckets().len();
    let mut counts = vec![vec![0u64; n]; n];
    let mut outstanding = vec![vec![Decimal::ZERO; n]; n];
    for (k, a) in accounts.iter().enumerate() {
        let at = |e: Error| e.map_value(|v| format!("account #{k}: {v}"));
        let then = a.age(from, rules).map_err(at)?;
        let now = a.age(to, rules).map_err(at)?;
        if let (Some(c), Some(o)) = (
            counts
                .get_mut(then.bucket)
                .and_then(|r| r.get_mut(now.bucket)),
            outstanding
                .get_mut(then.bucket)
                .and_then(|r| r.get_mut(now.bucket)),
        ) {
            *c += 1;
            *o = o.add_c(then.outstanding, "outstanding")?;
        }
    }
    let rates = outstanding
        .iter()
        .map(|row| {
            let total = row
                .iter()
                .try_fold(Decimal::ZERO, |s, x| s.add_c(*x, "outstanding"))?;
            row.iter()
                .map(|x| ratio(*x, total))
                .collect::<Result<Vec<_>>>()
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(RollMatrix {
        from,
        to,
        labels: rules
            .buckets()
            .labels()
            .into_iter()
            .map(String::from)
            .collect(),
        accounts: counts,
        outstanding,
        rates,
    })
}
