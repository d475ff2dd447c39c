//! Annual percentage rates: the US Regulation Z actuarial APR (12 CFR 1026, Appendix J) with the
//! §1026.22(a) accuracy tolerances, and the EU APRC (Directive 2008/48/EC, Annex I, as amended by
//! Directive 2011/90/EU).
//!
//! Regulation Z: Σ A_k / ((1 + e_k·i)(1 + i)^q_k) = Σ P_j / ((1 + f_j·i)(1 + i)^t_j), times counted from
//! the first advance in whole unit periods (q, t) and a fraction (e, f), and APR = i × unit periods per
//! year. Whole months are counted back from the later date and leftover days divided by 30 (Appendix J
//! (b)(5)(ii)); a semimonthly or multi-month unit period turns the time into 30 days a month plus the
//! leftover days and divides by 15 or 30 × months ((b)(5)(iii)); days and weeks divide the actual days
//! ((b)(5)(iv)); a yearly unit period counts whole years back and takes the rest as months / 12 or
//! days / 365 ((b)(5)(v)). A single advance repaid by a single payment within a year is one unit period
//! with 365 / days unit periods a year.
//!
//! EU APRC: Σ C_k (1 + X)^(−t_k) = Σ D_l (1 + X)^(−s_l), t in years from the first drawdown: whole
//! periods (years, months or weeks) counted back from the date, then the remaining days divided by the
//! days (365 or 366) of the year that ends where those days end. Reported in percent, rounded half up to
//! the stated number of decimals.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::arith::{check_rate, pow, Checked};
use super::solve::{forward_slope, polish, solve};
use crate::calendar::frequency_shift_months as shift_months;
use crate::error::{Error, Result};
use crate::money::{round_decimal, RoundingMode};

/// The unit period of Regulation Z's equation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnitPeriod {
    /// A number of days (365 / n unit periods a year).
    Days(u32),
    /// A number of weeks (52 / n a year).
    Weeks(u32),
    /// Half a month (24 a year).
    SemiMonth,
    /// A number of months, 1 to 12 (12 / n a year; 12 months is a year).
    Months(u32),
}

impl UnitPeriod {
    /// Unit periods in a year.
    pub fn per_year(&self) -> Decimal {
        match *self {
            UnitPeriod::Days(n) => Decimal::from(365) / Decimal::from(n.max(1)),
            UnitPeriod::Weeks(n) => Decimal::from(52) / Decimal::from(n.max(1)),
            UnitPeriod::SemiMonth => Decimal::from(24),
            UnitPeriod::Months(n) => Decimal::from(12) / Decimal::from(n.max(1)),
        }
    }

    /// Approximate length in days, to order periods (the smaller wins a tie for "most common").
    fn approx_days(&self) -> Decimal {
        match *self {
            UnitPeriod::Days(n) => Decimal::from(n),
            UnitPeriod::Weeks(n) => Decimal::from(7 * n),
            UnitPeriod::SemiMonth => Decimal::new(1521, 2),
            UnitPeriod::Months(n) => Decimal::new(3042, 2) * Decimal::from(n),
        }
    }

    fn check(&self) -> Result<()> {
        let ok = match *self {
            UnitPeriod::Days(n) => (1..=365).contains(&n),
            UnitPeriod::Weeks(n) => (1..=52).contains(&n),
            UnitPeriod::SemiMonth => true,
            UnitPeriod::Months(n) => (1..=12).contains(&n),
        };
        if ok {
            Ok(())
        } else {
            Err(Error::invalid(
                "unit_period",
                self,
                "must not exceed a year (days 1-365, weeks 1-52, months 1-12)",
            ))
        }
    }

    /// The unit period between two payment dates: whole months when the dates are whole months apart,
    /// else whole weeks, else half a month (13 to 16 days), else days.
    fn between(a: NaiveDate, b: NaiveDate) -> UnitPeriod {
        for k in 1..=12u32 {
            if shift_months(a, i64::from(k), false) == Some(b)
                || shift_months(a, i64::from(k), true) == Some(b)
            {
                return UnitPeriod::Months(k);
            }
        }
        let days = b.signed_duration_since(a).num_days();
        let days_u = u32::try_from(days.max(1)).unwrap_or(u32::MAX);
        if days % 7 == 0 && days / 7 <= 52 {
            UnitPeriod::Weeks(days_u / 7)
        } else if (13..=16).contains(&days) {
            UnitPeriod::SemiMonth
        } else {
            UnitPeriod::Days(days_u.min(365))
        }
    }
}

impl fmt::Display for UnitPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnitPeriod::Days(n) => write!(f, "{n} day(s)"),
            UnitPeriod::Weeks(n) => write!(f, "{n} week(s)"),
            UnitPeriod::SemiMonth => f.write_str("semimonth"),
            UnitPeriod::Months(12) => f.write_str("year"),
            UnitPeriod::Months(n) => write!(f, "{n} month(s)"),
        }
    }
}

/// Whole months from `earlier` to `later`, counted back from `later`, and the date they reach.
fn whole_months_back(earlier: NaiveDate, later: NaiveDate) -> (i64, NaiveDate) {
    let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let mut m = index(later) - index(earlier);
    while m > 0 {
        match shift_months(later, -m, false) {
            Some(d) if d >= earlier => return (m, d),
            _ => m -= 1,
        }
    }
    (0, later)
}

fn days(a: NaiveDate, b: NaiveDate) -> i64 {
    b.signed_duration_since(a).num_days()
}

/// Whole unit periods and the fraction of one from `start` to `date` (Appendix J (b)(5)).
fn unit_time(start: NaiveDate, date: NaiveDate, unit: UnitPeriod) -> (i64, Decimal) {
    let split =
        |total: i64, len: i64| (total / len, Decimal::from(total % len) / Decimal::from(len));
    match unit {
        UnitPeriod::Days(n) => split(days(start, date), i64::from(n)),
        UnitPeriod::Weeks(n) => split(days(start, date), 7 * i64::from(n)),
        UnitPeriod::Months(1) => {
            let (m, reached) = whole_months_back(start, date);
            (m, Decimal::from(days(start, reached)) / Decimal::from(30))
        }
        UnitPeriod::Months(12) => {
            let (m, _) = whole_months_back(start, date);
            let years = m / 12;
            let year_point = shift_months(date, -12 * years, false).unwrap_or(date);
            let (rest_months, reached) = whole_months_back(start, year_point);
            let fraction = if reached == start {
                Decimal::from(rest_months) / Decimal::from(12)
            } else {
                Decimal::from(days(start, year_point)) / Decimal::from(365)
            };
            (years, fraction)
        }
        UnitPeriod::SemiMonth | UnitPeriod::Months(_) => {
            let (m, reached) = whole_months_back(start, date);
            let total = 30 * m + days(start, reached);
            let len = match unit {
                UnitPeriod::Months(k) => 30 * i64::from(k),
                _ => 15,
            };
            split(total, len)
        }
    }
}

/// A dated amount (an advance, a drawdown or a payment), positive.
pub type DatedAmount = (NaiveDate, Decimal);

/// The names of a list of flows' two columns, as errors report them.
struct Columns {
    dates: &'static str,
    amounts: &'static str,
}

const ADVANCES: Columns = Columns {
    dates: "advance_dates",
    amounts: "advance_amounts",
};
const DRAWDOWNS: Columns = Columns {
    dates: "drawdown_dates",
    amounts: "drawdown_amounts",
};
const PAYMENTS: Columns = Columns {
    dates: "payment_dates",
    amounts: "payment_amounts",
};

/// Checks the flows and returns the first advance's date. Errors name the column at fault
/// (`payment_amounts` for an amount that is not positive, `payment_dates` for dates), so every surface
/// reports the same argument.
fn check_flows(
    advances: &[DatedAmount],
    first: &Columns,
    payments: &[DatedAmount],
) -> Result<NaiveDate> {
    for (flows, columns, what) in [
        (advances, first, "advance"),
        (payments, &PAYMENTS, "payment"),
    ] {
        if flows.is_empty() {
            return Err(Error::invalid(
                columns.dates,
                "[]",
                format!("need at least one {what}"),
            ));
        }
    }
    for (flows, columns) in [(advances, first), (payments, &PAYMENTS)] {
        if let Some((d, a)) = flows.iter().find(|(_, a)| *a <= Decimal::ZERO) {
            return Err(Error::invalid(
                columns.amounts,
                format!("{d}: {a}"),
                "amounts must be positive",
            ));
        }
        if flows.windows(2).any(|w| w[1].0 < w[0].0) {
            return Err(Error::invalid(
                columns.dates,
                flows.len(),
                "dates must be in order",
            ));
        }
    }
    let start = advances[0].0;
    if let Some((d, _)) = payments.iter().find(|(d, _)| *d < start) {
        return Err(Error::invalid(
            "payment_dates",
            d,
            format!("a payment is dated before the first advance ({start})"),
        ));
    }
    let last = advances
        .iter()
        .chain(payments)
        .map(|(d, _)| *d)
        .max()
        .unwrap_or(start);
    if last == start {
        // Every flow on one day: every rate solves the equation, so there is no rate to report.
        return Err(Error::invalid(
            "payment_dates",
            start,
            "every flow is on the same day: the term is zero days",
        ));
    }
    Ok(start)
}

/// The result of [`apr_regulation_z`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegulationZApr {
    /// The annual percentage rate as a fraction (0.0969 for 9.69%), unrounded.
    pub apr: Decimal,
    /// The rate per unit period, i.
    pub rate_per_unit_period: Decimal,
    /// The unit period used.
    pub unit_period: UnitPeriod,
    /// Unit periods in a year.
    pub unit_periods_per_year: Decimal,
    /// Whether the transaction is irregular under §1026.22(a)(3) (several advances, irregular payment
    /// periods, or irregular payment amounts other than the first and last).
    pub irregular: bool,
}

impl RegulationZApr {
    /// The §1026.22(a) tolerance: 1/8 of a percentage point (0.00125), or 1/4 (0.0025) if irregular.
    pub fn tolerance(&self) -> Decimal {
        if self.irregular {
            Decimal::new(25, 4)
        } else {
            Decimal::new(125, 5)
        }
    }

    /// Whether a disclosed APR (a fraction) is accurate: within the tolerance of this one.
    pub fn is_accurate(&self, disclosed: Decimal) -> bool {
        (disclosed - self.apr).abs() <= self.tolerance()
    }
}

/// A float64 root of the Appendix J equation, Σ A / ((1 + e i)(1 + i)^q) − Σ P / ((1 + f i)(1 + i)^t),
/// by Newton's method from 1% a unit period: only a starting point for the exact solver.
#[allow(clippy::float_arithmetic)]
fn float_estimate(
    advances: &[(Decimal, i64, Decimal)],
    payments: &[(Decimal, i64, Decimal)],
) -> Option<f64> {
    let floats = |flows: &[(Decimal, i64, Decimal)]| -> Option<Vec<(f64, i32, f64)>> {
        flows
            .iter()
            .map(|(a, t, f)| Some((a.to_f64()?, i32::try_from(*t).ok()?, f.to_f64()?)))
            .collect()
    };
    let (adv, pay) = (floats(advances)?, floats(payments)?);
    // The value of the flows and its derivative in i.
    let value = |i: f64, flows: &[(f64, i32, f64)]| -> (f64, f64) {
        flows.iter().fold((0.0, 0.0), |(v, d), (a, t, f)| {
            let term = a / ((1.0 + f * i) * (1.0 + i).powi(*t));
            (
                v + term,
                d - term * (f / (1.0 + f * i) + f64::from(*t) / (1.0 + i)),
            )
        })
    };
    let mut i = 0.01_f64;
    for _ in 0..60 {
        let ((va, da), (vp, dp)) = (value(i, &adv), value(i, &pay));
        let step = (va - vp) / (da - dp);
        let next = i - step;
        if !next.is_finite() || next <= -1.0 {
            return None;
        }
        if step.abs() <= 1e-14 * next.abs().max(1.0) {
            return Some(next);
        }
        i = next;
    }
    None
}

/// The Regulation Z actuarial APR of advances and payments (all amounts positive, each list in date
/// order). `unit_period` overrides the most common period between payments.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::finance::apr_regulation_z;
/// use rust_decimal_macros::dec;
///
/// // Appendix J (c)(1)(i): 5000 advanced 1978-01-10, 24 monthly payments of 230 from 1978-02-10: 9.69%.
/// let start = NaiveDate::from_ymd_opt(1978, 1, 10).unwrap();
/// let payments: Vec<_> = (1..=24)
///     .map(|k| (start.checked_add_months(chrono::Months::new(k)).unwrap(), dec!(230)))
///     .collect();
/// let apr = apr_regulation_z(&[(start, dec!(5000))], &payments, None).unwrap();
/// assert_eq!((apr.apr * dec!(100)).round_dp(2), dec!(9.69));
/// assert!(apr.is_accurate(dec!(0.0975)) && !apr.is_accurate(dec!(0.0985)));
/// ```
pub fn apr_regulation_z(
    advances: &[DatedAmount],
    payments: &[DatedAmount],
    unit_period: Option<UnitPeriod>,
) -> Result<RegulationZApr> {
    let start = check_flows(advances, &ADVANCES, payments)?;
    let inputs = || format!("{} advances, {} payments", advances.len(), payments.len());
    // A single advance repaid by a single payment within a year: one unit period of that length.
    if advances.len() == 1 && payments.len() == 1 && unit_period.is_none() {
        let term = days(start, payments[0].0);
        if (1..=365).contains(&term) {
            let i = payments[0]
                .1
                .div_c(advances[0].1, "apr")?
                .sub_c(Decimal::ONE, "apr")?;
            let per_year = Decimal::from(365).div_c(Decimal::from(term), "apr")?;
            return Ok(RegulationZApr {
                apr: i.mul_c(per_year, "apr")?,
                rate_per_unit_period: i,
                unit_period: UnitPeriod::Days(u32::try_from(term).unwrap_or(365)),
                unit_periods_per_year: per_year,
                irregular: false,
            });
        }
    }
    // The periods between payments vote for the unit period; same-day payments (a fee at closing) do not.
    // With one payment, its distance from the advance decides, and more than a year is a yearly unit.
    let mut intervals: Vec<UnitPeriod> = payments
        .windows(2)
        .filter(|w| w[1].0 > w[0].0)
        .map(|w| UnitPeriod::between(w[0].0, w[1].0))
        .collect();
    if intervals.is_empty() {
        let last = payments[payments.len() - 1].0;
        intervals.push(if days(start, last) > 365 {
            UnitPeriod::Months(12)
        } else {
            UnitPeriod::between(start, last.max(start.succ_opt().unwrap_or(start)))
        });
    }
    let unit = match unit_period {
        Some(u) => u,
        None => most_common(&intervals),
    };
    unit.check()?;
    let middle = if payments.len() > 2 {
        &payments[1..payments.len() - 1]
    } else {
        &[][..]
    };
    let irregular = advances.len() > 1
        || intervals.iter().any(|p| *p != unit)
        || middle.windows(2).any(|w| w[0].1 != w[1].1);
    let times = |flows: &[DatedAmount]| -> Vec<(Decimal, i64, Decimal)> {
        flows
            .iter()
            .map(|(d, a)| {
                let (t, f) = unit_time(start, *d, unit);
                (*a, t, f)
            })
            .collect()
    };
    let (adv, pay) = (times(advances), times(payments));
    let value = |i: Decimal, flows: &[(Decimal, i64, Decimal)]| -> Result<Decimal> {
        let growth = Decimal::ONE.add_c(i, "rate")?;
        flows.iter().try_fold(Decimal::ZERO, |acc, (a, t, f)| {
            let denominator = Decimal::ONE
                .add_c(f.mul_c(i, "rate")?, "rate")?
                .mul_c(pow(growth, Decimal::from(*t), "rate")?, "rate")?;
            acc.add_c(a.div_c(denominator, "rate")?, "rate")
        })
    };
    let equation = |i: Decimal| -> Result<Decimal> {
        check_rate(i, "rate")?;
        value(i, &adv)?.sub_c(value(i, &pay)?, "rate")
    };
    // A float64 root, then exact Newton steps (forward-difference slope) from it; the general solver
    // when that fails.
    let polished = float_estimate(&adv, &pay)
        .and_then(Decimal::from_f64)
        .and_then(|start| polish(|i| forward_slope(&equation, i), start));
    let i = match polished {
        Some(i) => i,
        None => solve(equation, Decimal::new(1, 2), "payment_amounts", inputs)?,
    };
    let per_year = unit.per_year();
    Ok(RegulationZApr {
        apr: i.mul_c(per_year, "apr")?,
        rate_per_unit_period: i,
        unit_period: unit,
        unit_periods_per_year: per_year,
        irregular,
    })
}

fn most_common(periods: &[UnitPeriod]) -> UnitPeriod {
    let mut counts: Vec<(UnitPeriod, usize)> = Vec::new();
    for p in periods {
        match counts.iter_mut().find(|(q, _)| q == p) {
            Some((_, n)) => *n += 1,
            None => counts.push((*p, 1)),
        }
    }
    // Most frequent; among equals, the smaller period (Appendix J (b)(4)(i)).
    counts
        .into_iter()
        .max_by(|(p, n), (q, m)| n.cmp(m).then_with(|| q.approx_days().cmp(&p.approx_days())))
        .map_or(UnitPeriod::Months(1), |(p, _)| p)
}

/// How the APRC expresses the time between dates (Annex I (c) as amended: whole years, months or
/// weeks, counted back from the date, plus days over the days of the year ending there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AprcBasis {
    /// Whole years and days (365 or 366 a year). The default.
    #[default]
    Days,
    /// Whole weeks (52 a year) and days.
    Weeks,
    /// Whole equal months (12 a year) and days.
    Months,
}

/// Days in the year that ends on `end` (366 when it contains a February 29).
fn year_ending(end: NaiveDate) -> Decimal {
    let start = shift_months(end, -12, false).unwrap_or(end);
    Decimal::from(days(start, end).max(1))
}

fn aprc_time(first: NaiveDate, date: NaiveDate, basis: AprcBasis) -> Decimal {
    let (whole, per_year, reached) = match basis {
        AprcBasis::Days => {
            let (m, _) = whole_months_back(first, date);
            let years = m / 12;
            (
                years,
                Decimal::ONE,
                shift_months(date, -12 * years, false).unwrap_or(date),
            )
        }
        AprcBasis::Months => {
            let (m, reached) = whole_months_back(first, date);
            (m, Decimal::from(12), reached)
        }
        AprcBasis::Weeks => {
            let w = days(first, date) / 7;
            (w, Decimal::from(52), date - chrono::Duration::days(7 * w))
        }
    };
    Decimal::from(whole) / per_year + Decimal::from(days(first, reached)) / year_ending(reached)
}

/// The result of [`aprc_eu`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aprc {
    /// The APRC in percent, rounded half up to the requested decimals.
    pub percent: Decimal,
    /// The unrounded annual rate as a fraction.
    pub rate: Decimal,
}

/// The EU annual percentage rate of charge of drawdowns and repayments (amounts positive, in date
/// order), in percent rounded half up to `decimals` places (at least one, Annex I (d)).
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::finance::{aprc_eu, AprcBasis};
/// use rust_decimal_macros::dec;
///
/// // Directive 98/7/EC, Annex III, example 1: 1000 lent 1994-01-01, 1200 repaid 1995-07-01.
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let aprc = aprc_eu(&[(d(1994, 1, 1), dec!(1000))], &[(d(1995, 7, 1), dec!(1200))], AprcBasis::Days, 2).unwrap();
/// assert_eq!(aprc.percent, dec!(12.96));
/// ```
pub fn aprc_eu(
    drawdowns: &[DatedAmount],
    payments: &[DatedAmount],
    basis: AprcBasis,
    decimals: u32,
) -> Result<Aprc> {
    let first = check_flows(drawdowns, &DRAWDOWNS, payments)?;
    if decimals == 0 || decimals > 10 {
        return Err(Error::invalid("decimals", decimals, "must be from 1 to 10"));
    }
    let timed = |flows: &[DatedAmount]| -> Vec<(Decimal, Decimal)> {
        flows
            .iter()
            .map(|(d, a)| (*a, aprc_time(first, *d, basis)))
            .collect()
    };
    let (c, d) = (timed(drawdowns), timed(payments));
    let value = |x: Decimal, flows: &[(Decimal, Decimal)]| -> Result<Decimal> {
        let growth = Decimal::ONE.add_c(x, "rate")?;
        flows.iter().try_fold(Decimal::ZERO, |acc, (a, t)| {
            acc.add_c(a.mul_c(pow(growth, -*t, "rate")?, "rate")?, "rate")
        })
    };
    let equation = |x: Decimal| -> Result<Decimal> {
        check_rate(x, "rate")?;
        value(x, &c)?.sub_c(value(x, &d)?, "rate")
    };
    let rate = solve(equation, Decimal::new(1, 1), "payment_amounts", || {
        format!("{} drawdowns, {} payments", drawdowns.len(), payments.len())
    })?;
    let percent = round_decimal(
        rate.mul_c(Decimal::ONE_HUNDRED, "rate")?,
        decimals,
        RoundingMode::HalfUp,
    )?;
    Ok(Aprc { percent, rate })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_payment_on_the_advance_date_does_not_vote() {
        let start = d(2026, 1, 10);
        let mut payments = vec![(start, Decimal::from(50))];
        payments
            .extend((1..=12).map(|k| (shift_months(start, k, false).unwrap(), Decimal::from(90))));
        let apr = apr_regulation_z(&[(start, Decimal::from(1000))], &payments, None).unwrap();
        assert_eq!(apr.unit_period, UnitPeriod::Months(1));
    }

    #[test]
    fn a_zero_day_transaction_has_no_rate() {
        let day = d(2026, 1, 1);
        let err = apr_regulation_z(
            &[(day, Decimal::from(5000))],
            &[(day, Decimal::from(5000))],
            None,
        )
        .unwrap_err();
        assert_eq!(err.field(), "payment_dates");
        assert!(aprc_eu(
            &[(day, Decimal::from(5000))],
            &[(day, Decimal::from(5000))],
            AprcBasis::Days,
            1
        )
        .is_err());
    }

    #[test]
    fn a_single_payment_after_more_than_a_year_uses_a_yearly_unit() {
        let apr = apr_regulation_z(
            &[(d(2026, 1, 1), Decimal::from(1000))],
            &[(d(2028, 1, 1), Decimal::from(1210))],
            None,
        )
        .unwrap();
        assert_eq!(apr.unit_period, UnitPeriod::Months(12));
        // 1000 grows to 1210 over two whole years: 10% a year.
        assert_eq!(apr.apr.round_dp(12), Decimal::new(1, 1));
    }
}
