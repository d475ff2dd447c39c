//! Expected cash flows of a portfolio of plans, by week (Monday to Sunday) or calendar month.
//!
//! Each promise on or after the forecast date adds its amount to its period's scheduled total and its
//! expected amount (probability × amount, rounded to minor units by a named mode, as plan scoring does)
//! to the expected total. Every figure is a sum of amounts already in minor units, so a portfolio's
//! forecast is exactly the sum of its plans' forecasts.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::value::expected_amounts;
use super::{Arrangement, Probabilities};
use crate::debt::aging::by_name;
use crate::error::{Error, Result};
use crate::finance::arith::Checked;
use crate::money::{Currency, RoundingMode};

/// The length of a forecast period.
///
/// ```
/// use collections_core::plan::ForecastPeriod;
/// assert_eq!("monthly".parse::<ForecastPeriod>()?, ForecastPeriod::Monthly);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ForecastPeriod {
    /// ISO weeks, Monday to Sunday.
    Weekly,
    /// Calendar months.
    Monthly,
}

impl ForecastPeriod {
    /// Both periods.
    pub const ALL: [ForecastPeriod; 2] = [ForecastPeriod::Weekly, ForecastPeriod::Monthly];

    /// `weekly` or `monthly`.
    pub fn name(self) -> &'static str {
        match self {
            ForecastPeriod::Weekly => "weekly",
            ForecastPeriod::Monthly => "monthly",
        }
    }

    /// A number for the period holding `date`; consecutive periods have consecutive numbers.
    fn index(self, date: NaiveDate) -> i64 {
        match self {
            // Day 1 of the common era (0001-01-01) was a Monday.
            ForecastPeriod::Weekly => i64::from(date.num_days_from_ce() - 1).div_euclid(7),
            ForecastPeriod::Monthly => i64::from(date.year()) * 12 + i64::from(date.month0()),
        }
    }

    /// The first day of the period holding `date`; a Monday before the earliest date there is (the
    /// week of `NaiveDate::MIN`) is an error naming `from`.
    fn start_of(self, date: NaiveDate) -> Result<NaiveDate> {
        match self {
            ForecastPeriod::Weekly => date
                .week(Weekday::Mon)
                .checked_first_day()
                .ok_or_else(|| Error::date_range("from", date)),
            ForecastPeriod::Monthly => Ok(date.with_day(1).unwrap_or(date)),
        }
    }

    /// The first day of the period `n` periods after the one starting on `start`.
    fn advance(self, start: NaiveDate, n: u32) -> Result<NaiveDate> {
        match self {
            ForecastPeriod::Weekly => start.checked_add_days(Days::new(7 * u64::from(n))),
            ForecastPeriod::Monthly => start.checked_add_months(Months::new(n)),
        }
        .ok_or_else(|| Error::date_range("period", start))
    }
}

by_name!(ForecastPeriod, "period");

/// One period of a forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForecastRow {
    /// The first day of the period.
    pub period_start: NaiveDate,
    /// Promises falling due in it.
    pub promises: u64,
    /// Their amounts.
    pub scheduled: Decimal,
    /// Their expected amounts.
    pub expected: Decimal,
}

/// Expected cash flows by period, from the period of the forecast date to the last promise's (periods
/// without a promise included, at zero).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forecast {
    /// The period length.
    pub period: ForecastPeriod,
    /// The currency of every amount (`None` for an empty portfolio).
    pub currency: Option<Currency>,
    /// One row per period, in order.
    pub rows: Vec<ForecastRow>,
}

impl Forecast {
    /// The sums of every row: (promises, scheduled, expected).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::affordability::Debt;
    /// use collections_core::plan::*;
    /// use collections_core::{Currency, RoundingMode};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(300))], d(1, 1));
    /// let plan = Arrangement::from_promises(&terms, None, (1..=3).map(|m| Promise::new(d(m, 15), Decimal::from(100))).collect())?;
    /// let p = Probabilities::ConstantHazard(Decimal::new(1, 1));
    /// let f = forecast([(&plan, &p)], d(1, 1), ForecastPeriod::Weekly, RoundingMode::HalfUp)?;
    /// // 90.00 + 81.00 + 72.90 expected.
    /// assert_eq!(f.totals()?, (3, Decimal::from(300), Decimal::new(24390, 2)));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn totals(&self) -> Result<(u64, Decimal, Decimal)> {
        self.rows
            .iter()
            .try_fold((0u64, Decimal::ZERO, Decimal::ZERO), |(n, s, e), r| {
                Ok((
                    n + r.promises,
                    s.add_c(r.scheduled, "scheduled")?,
                    e.add_c(r.expected, "expected")?,
                ))
            })
    }
}

/// Forecasts the promises of `plans` (each with its payment probabilities) dated on or after `from`,
/// by `period`. All plans share a currency; an error names the plan's index. A weekly forecast from a
/// day whose week starts before the earliest date there is (the first days of `NaiveDate::MIN`'s
/// year) is a `DateOutOfRange` error naming `from`.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::Debt;
/// use collections_core::plan::*;
/// use collections_core::{Currency, RoundingMode};
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(1000))], d(1, 1));
/// let a = Arrangement::from_promises(&terms, None, vec![Promise::new(d(1, 20), Decimal::from(100)), Promise::new(d(3, 5), Decimal::from(100))])?;
/// let b = Arrangement::from_promises(&terms, None, vec![Promise::new(d(1, 25), Decimal::from(50))])?;
/// let (certain, half) = (Probabilities::Certain, Probabilities::PerInstallment(vec![Decimal::new(5, 1)]));
/// let f = forecast([(&a, &certain), (&b, &half)], d(1, 10), ForecastPeriod::Monthly, RoundingMode::HalfUp)?;
/// let rows: Vec<_> = f.rows.iter().map(|r| (r.period_start, r.scheduled, r.expected)).collect();
/// assert_eq!(rows, [(d(1, 1), Decimal::from(150), Decimal::from(125)),
///                   (d(2, 1), Decimal::ZERO, Decimal::ZERO),
///                   (d(3, 1), Decimal::from(100), Decimal::from(100))]);
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn forecast<'a>(
    plans: impl IntoIterator<Item = (&'a Arrangement, &'a Probabilities)>,
    from: NaiveDate,
    period: ForecastPeriod,
    rounding: RoundingMode,
) -> Result<Forecast> {
    let base = period.index(from);
    let mut currency: Option<Currency> = None;
    // (promises, scheduled, expected) by period offset from `from`'s.
    let mut sums: Vec<(u64, Decimal, Decimal)> = Vec::new();
    for (i, (plan, probabilities)) in plans.into_iter().enumerate() {
        let at = |e: Error| e.map_value(|v| format!("plan #{i}: {v}"));
        match currency {
            Some(c) if c != plan.currency() => {
                return Err(Error::CurrencyMismatch {
                    field: "plans",
                    left: c.to_string(),
                    right: format!("{} (plan #{i})", plan.currency()),
                })
            }
            _ => currency = Some(plan.currency()),
        }
        let expected = expected_amounts(plan.promises(), probabilities, plan.currency(), rounding)
            .map_err(at)?;
        for e in expected {
            let (promise, expected) = e.map_err(at)?;
            if promise.date < from {
                continue;
            }
            let offset = usize::try_from(period.index(promise.date) - base)
                .map_err(|_| Error::date_range("period", promise.date))?;
            if offset >= sums.len() {
                sums.resize(offset + 1, (0, Decimal::ZERO, Decimal::ZERO));
            }
            let s = &mut sums[offset];
            s.0 += 1;
            s.1 = s.1.add_c(promise.amount, "scheduled")?;
            s.2 = s.2.add_c(expected, "expected")?;
        }
    }
    let first = period.start_of(from)?;
    let rows = sums
        .into_iter()
        .enumerate()
        .map(|(k, (promises, scheduled, expected))| {
            Ok(ForecastRow {
                period_start: period.advance(first, u32::try_from(k).unwrap_or(u32::MAX))?,
                promises,
                scheduled,
                expected,
            })
        })
        .collect::<Result<_>>()?;
    Ok(Forecast {
        period,
        currency,
        rows,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_week_starting_before_the_first_date_is_an_error_not_a_panic() {
        // NaiveDate::MIN (-262143-01-01) is not a Monday: the Monday that starts its week does not
        // exist, so a weekly forecast from it has no first period to name.
        assert_ne!(NaiveDate::MIN.weekday(), Weekday::Mon);
        let plans: [(&Arrangement, &Probabilities); 0] = [];
        let err = forecast(
            plans,
            NaiveDate::MIN,
            ForecastPeriod::Weekly,
            RoundingMode::HalfUp,
        )
        .unwrap_err();
        assert_eq!(err.field(), "from");
        // Monthly periods start on the 1st, which exists for every date.
        let plans: [(&Arrangement, &Probabilities); 0] = [];
        let f = forecast(
            plans,
            NaiveDate::MIN,
            ForecastPeriod::Monthly,
            RoundingMode::HalfUp,
        )
        .unwrap();
        assert!(f.rows.is_empty());
    }
}
