//! Present values of dated amounts, as Excel's and pyxirr's XNPV (Actual/365 Fixed from a valuation
//! date), and the probability that each promise is paid.
//!
//! [`finance::xnpv`](crate::finance::xnpv) discounts one series; scoring a million plans at one rate wants
//! the powers of the daily factor q = (1 + r)^(-1/365) computed once and reused. [`Discount`] keeps
//! q^g for gaps of up to a year and a half of days, so a monthly plan costs one multiplication a promise.

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, MathematicalOps};
use serde::{Deserialize, Serialize};

use super::Promise;
use crate::error::{Error, Result};
use crate::finance::arith::{check_rate, Checked};

/// Days whose factor is tabulated (five years and a few months, for the longest common plans); beyond
/// them a factor is the previous one times q^gap, by repeated squaring for a gap beyond the table.
const TABLE_DAYS: usize = 1900;

/// Discount factors at an annual rate, Actual/365 Fixed.
#[derive(Debug, Clone)]
pub(crate) struct Discount {
    /// q^d for d in 0..TABLE_DAYS.
    table: Vec<Decimal>,
}

impl Discount {
    /// Fails with [`Error::InvalidRate`] naming `discount_rate` at or below -100%.
    pub(crate) fn new(annual_rate: Decimal) -> Result<Discount> {
        check_rate(annual_rate, "discount_rate")?;
        let q = if annual_rate.is_zero() {
            Decimal::ONE
        } else {
            Decimal::ONE
                .add_c(annual_rate, "discount_rate")?
                .checked_ln()
                .and_then(|l| l.checked_div(Decimal::from(365)))
                .and_then(|x| (-x).checked_exp())
                .ok_or_else(|| Error::overflow("discount_rate", annual_rate))?
        };
        let mut table = Vec::with_capacity(TABLE_DAYS);
        let mut f = Decimal::ONE;
        for _ in 0..TABLE_DAYS {
            table.push(f);
            f = f.mul_c(q, "discount_rate")?;
        }
        Ok(Discount { table })
    }

    /// q^days, for days >= 0.
    fn power(&self, days: i64) -> Result<Decimal> {
        let overflow = || Error::overflow("discount_rate", format!("factor for {days} days"));
        let n = usize::try_from(days).map_err(|_| overflow())?;
        if let Some(f) = self.table.get(n) {
            return Ok(*f);
        }
        let q = self.table.get(1).copied().unwrap_or(Decimal::ONE);
        q.checked_powi(i64::try_from(n).map_err(|_| overflow())?)
            .ok_or_else(overflow)
    }

    /// The factor of each date in increasing order from `from`: read from the table while the dates
    /// are within it (a five-year plan's are), then one multiplication a date.
    pub(crate) fn factors<'a>(
        &'a self,
        from: NaiveDate,
        dates: impl Iterator<Item = NaiveDate> + 'a,
    ) -> impl Iterator<Item = Result<Decimal>> + 'a {
        let start = i64::from(from.num_days_from_ce());
        let (mut at, mut factor) = (start, Decimal::ONE);
        dates.map(move |d| {
            let day = i64::from(d.num_days_from_ce());
            factor = match usize::try_from(day - start)
                .ok()
                .and_then(|n| self.table.get(n))
            {
                Some(f) => *f,
                None => factor.mul_c(self.power(day - at)?, "npv")?,
            };
            at = day;
            Ok(factor)
        })
    }
}

/// The probability that each promise is paid: certain, one per promise (from a model, say), or a
/// constant hazard h of the plan failing before each promise, so promise k (1-based) is paid with
/// probability (1 − h)^k.
///
/// ```
/// use collections_core::plan::Probabilities;
/// use rust_decimal::Decimal;
///
/// let p = Probabilities::ConstantHazard(Decimal::new(1, 1));
/// assert_eq!(p.for_promises(3)?, [Decimal::new(9, 1), Decimal::new(81, 2), Decimal::new(729, 3)]);
/// assert_eq!(Probabilities::PerInstallment(vec![Decimal::new(11, 1)]).for_promises(1).unwrap_err().field(), "probabilities");
/// assert_eq!(Probabilities::ConstantHazard(Decimal::from(-1)).validate().unwrap_err().field(), "hazard");
/// assert_eq!(Probabilities::Certain.for_promises(100_001).unwrap_err().field(), "n");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "value")]
#[non_exhaustive]
pub enum Probabilities {
    /// Every promise is paid.
    #[default]
    Certain,
    /// One probability per promise, each in [0, 1].
    PerInstallment(Vec<Decimal>),
    /// A constant hazard in [0, 1] before each promise.
    ConstantHazard(Decimal),
}

fn check_probability(field: &'static str, index: Option<usize>, p: Decimal) -> Result<()> {
    if p < Decimal::ZERO || p > Decimal::ONE {
        let value = match index {
            Some(i) => format!("#{i}: {p}"),
            None => p.to_string(),
        };
        return Err(Error::invalid(field, value, "must be from 0 to 1"));
    }
    Ok(())
}

impl Probabilities {
    /// Checks every probability (or the hazard) is in [0, 1].
    pub fn validate(&self) -> Result<()> {
        match self {
            Probabilities::Certain => Ok(()),
            Probabilities::PerInstallment(list) => list
                .iter()
                .enumerate()
                .try_for_each(|(i, p)| check_probability("probabilities", Some(i), *p)),
            Probabilities::ConstantHazard(h) => check_probability("hazard", None, *h),
        }
    }

    /// The probability of each of `n` promises; `n` at most a schedule's
    /// [`MAX_ROWS_LIMIT`](crate::schedule::MAX_ROWS_LIMIT) (else an error naming `n`, rather than a list
    /// too large to allocate).
    pub fn for_promises(&self, n: usize) -> Result<Vec<Decimal>> {
        let limit = crate::schedule::MAX_ROWS_LIMIT;
        if u32::try_from(n).map_or(true, |n| n > limit) {
            return Err(Error::invalid("n", n, format!("must be at most {limit}")));
        }
        self.iter(n)?.collect()
    }

    /// The probabilities of `n` promises, without allocating; checks the list's length and values.
    pub(crate) fn iter(&self, n: usize) -> Result<impl Iterator<Item = Result<Decimal>> + '_> {
        self.validate()?;
        if let Probabilities::PerInstallment(list) = self {
            if list.len() != n {
                return Err(Error::invalid(
                    "probabilities",
                    format!("{} values", list.len()),
                    format!("need one per promise ({n})"),
                ));
            }
        }
        let survive = match self {
            Probabilities::ConstantHazard(h) => Decimal::ONE - *h,
            _ => Decimal::ONE,
        };
        let mut running = Decimal::ONE;
        Ok((0..n).map(move |i| match self {
            Probabilities::Certain => Ok(Decimal::ONE),
            Probabilities::PerInstallment(list) => Ok(list.get(i).copied().unwrap_or_default()),
            Probabilities::ConstantHazard(_) => {
                running = running.mul_c(survive, "hazard")?;
                Ok(running)
            }
        }))
    }
}

/// Σ amount × factor over promises discounted from `from` (not rounded).
pub(crate) fn present_value(
    discount: &Discount,
    from: NaiveDate,
    promises: &[Promise],
) -> Result<Decimal> {
    let mut total = Decimal::ZERO;
    for (p, f) in promises
        .iter()
        .zip(discount.factors(from, promises.iter().map(|p| p.date)))
    {
        total = total.add_c(p.amount.mul_c(f?, "npv")?, "npv")?;
    }
    Ok(total)
}

/// Each promise with its expected amount, probability × amount rounded to the currency's minor units
/// by `rounding` (so sums of expected amounts are exact, and each lies between zero and its promise).
pub(crate) fn expected_amounts<'a>(
    promises: &'a [Promise],
    probabilities: &'a Probabilities,
    currency: crate::money::Currency,
    rounding: crate::money::RoundingMode,
) -> Result<impl Iterator<Item = Result<(&'a Promise, Decimal)>> + 'a> {
    let ps = probabilities.iter(promises.len())?;
    Ok(promises.iter().zip(ps).map(move |(promise, p)| {
        let p = p?;
        let expected = if p == Decimal::ONE {
            promise.amount
        } else {
            crate::money::Money::new(promise.amount.mul_c(p, "probabilities")?, currency)
                .round(rounding)
                .amount()
        };
        Ok((promise, expected))
    }))
}
