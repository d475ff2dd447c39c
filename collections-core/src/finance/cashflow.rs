//! Values and rates of return of cash-flow series: `npv`, `irr`, `mirr` (numpy-financial's definitions)
//! and the dated `xnpv`, `xirr` (Excel's and pyxirr's, with a selectable day count).
//!
//! `npv` discounts the first value at t = 0, as numpy-financial does; Excel's NPV discounts it one
//! period (Excel's `NPV(r, v1..vn)` is `npv(r, [0, v1..vn])` here, or `npv(r, v) / (1 + r)`).
//!
//! `irr` and `xirr` count the sign changes of the flows. None: there is no rate, an
//! [`Error::NoSolution`]. One: there is exactly one rate above -100% (Descartes' rule of signs), found by
//! [`solve`](super::solve). More: every rate on the search grid is found, and more than one is an
//! [`Error::NoSolution`] listing them, rather than a silent pick of one.

use chrono::NaiveDate;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::{Decimal, MathematicalOps};

use super::arith::{check_rate, pow, Checked};
use super::solve::{all_roots, polish, sign_changes, solve};
use super::tvm::one_plus;
use crate::calendar::DayCount;
use crate::error::{Error, Result};

/// Net present value: `Σ values[t] / (1 + rate)^t` for t = 0, 1, 2, ...
///
/// ```
/// use collections_core::finance::npv;
/// use rust_decimal_macros::dec;
///
/// // numpy-financial: npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]) = 122.894855
/// let v = npv(dec!(0.05), &[dec!(-15000), dec!(1500), dec!(2500), dec!(3500), dec!(4500), dec!(6000)]).unwrap();
/// assert_eq!(v.round_dp(6), dec!(122.894855));
/// ```
pub fn npv(rate: Decimal, values: &[Decimal]) -> Result<Decimal> {
    check_rate(rate, "rate")?;
    if values.is_empty() {
        return Err(Error::invalid("values", "[]", "must not be empty"));
    }
    let growth = one_plus(rate)?;
    // Horner's rule from the last value back: each step divides by (1 + rate).
    let mut acc = Decimal::ZERO;
    for v in values.iter().rev() {
        acc = acc.div_c(growth, "npv")?.add_c(*v, "npv")?;
    }
    Ok(acc)
}

/// npv and its derivative in `rate` by Horner's rule in x = 1 / (1 + rate): P(x) = Σ v_t x^t, and
/// d/dr P = P'(x) · dx/dr = -x² P'(x).
fn npv_and_slope(rate: Decimal, values: &[Decimal]) -> Result<(Decimal, Decimal)> {
    check_rate(rate, "rate")?;
    let x = Decimal::ONE.div_c(one_plus(rate)?, "npv")?;
    let (mut p, mut dp) = (Decimal::ZERO, Decimal::ZERO);
    for v in values.iter().rev() {
        dp = dp.mul_c(x, "npv")?.add_c(p, "npv")?;
        p = p.mul_c(x, "npv")?.add_c(*v, "npv")?;
    }
    Ok((p, -dp.mul_c(x, "npv")?.mul_c(x, "npv")?))
}

fn has_both_signs(values: impl Iterator<Item = Decimal> + Clone) -> bool {
    values.clone().any(|v| v > Decimal::ZERO) && values.into_iter().any(|v| v < Decimal::ZERO)
}

fn format_values(values: &[Decimal]) -> String {
    let shown: Vec<String> = values.iter().take(12).map(Decimal::to_string).collect();
    let more = if values.len() > 12 {
        format!(", ... ({} values)", values.len())
    } else {
        String::new()
    };
    format!("[{}{more}]", shown.join(", "))
}

/// Finds the single rate, or explains why there is none or several.
fn single_root<F: Fn(Decimal) -> Result<Decimal>>(
    f: F,
    changes: usize,
    guess: Decimal,
    field: &'static str,
    inputs: impl Fn() -> String,
) -> Result<Decimal> {
    if changes == 0 {
        return Err(Error::no_solution(
            field,
            inputs(),
            "the cash flows never change sign",
        ));
    }
    if changes == 1 {
        return solve(f, guess, field, inputs);
    }
    let roots = all_roots(&f)?;
    match roots.len() {
        0 => solve(f, guess, field, inputs),
        1 => Ok(roots[0]),
        _ => {
            let shown: Vec<String> = roots
                .iter()
                .map(|r| r.round_dp(10).normalize().to_string())
                .collect();
            Err(Error::no_solution(
                field,
                inputs(),
                format!("the cash flows change sign {changes} times and have several rates of return: {}", shown.join(", ")),
            ))
        }
    }
}

/// The internal rate of return: the rate at which `npv` of `values` is zero.
///
/// ```
/// use collections_core::finance::irr;
/// use rust_decimal_macros::dec;
///
/// // numpy-financial: irr([-150000, 15000, 25000, 35000, 45000, 60000]) = 0.052433
/// let r = irr(&[dec!(-150000), dec!(15000), dec!(25000), dec!(35000), dec!(45000), dec!(60000)], None).unwrap();
/// assert_eq!(r.round_dp(6), dec!(0.052433));
/// // No sign change: no rate.
/// assert!(irr(&[dec!(100), dec!(50)], None).is_err());
/// // Two sign changes and two rates (10% and 20%): an error naming both, not a guess.
/// let err = irr(&[dec!(-100), dec!(230), dec!(-132)], None).unwrap_err();
/// assert!(err.to_string().contains("0.1, 0.2"), "{err}");
/// ```
pub fn irr(values: &[Decimal], guess: Option<Decimal>) -> Result<Decimal> {
    if values.len() < 2 {
        return Err(Error::invalid(
            "values",
            format_values(values),
            "need at least two cash flows",
        ));
    }
    let guess = guess.unwrap_or(Decimal::new(1, 1));
    check_rate(guess, "guess")?;
    let changes = sign_changes(values.iter().copied());
    if changes == 1 {
        let estimate = values
            .iter()
            .map(|v| v.to_f64())
            .collect::<Option<Vec<_>>>()
            .and_then(|floats| super::float::irr(&floats, guess.to_f64()).ok())
            .and_then(Decimal::from_f64);
        if let Some(root) = estimate.and_then(|start| polish(|r| npv_and_slope(r, values), start)) {
            return Ok(root);
        }
    }
    single_root(
        |r| npv(r, values),
        changes,
        guess,
        "values",
        || format_values(values),
    )
}

/// The modified internal rate of return: negative flows financed at `finance_rate`, positive flows
/// reinvested at `reinvest_rate` (numpy-financial's definition, equal to Excel's MIRR).
///
/// ```
/// use collections_core::finance::mirr;
/// use rust_decimal_macros::dec;
///
/// let flows = [dec!(-120000), dec!(39000), dec!(30000), dec!(21000), dec!(37000), dec!(46000)];
/// let r = mirr(&flows, dec!(0.10), dec!(0.12)).unwrap();
/// assert_eq!(r.round_dp(6), dec!(0.126094));
/// ```
pub fn mirr(values: &[Decimal], finance_rate: Decimal, reinvest_rate: Decimal) -> Result<Decimal> {
    check_rate(finance_rate, "finance_rate")?;
    check_rate(reinvest_rate, "reinvest_rate")?;
    if values.len() < 2 || !has_both_signs(values.iter().copied()) {
        return Err(Error::no_solution(
            "values",
            format_values(values),
            "need at least one positive and one negative cash flow",
        ));
    }
    let positives: Vec<Decimal> = values.iter().map(|v| (*v).max(Decimal::ZERO)).collect();
    let negatives: Vec<Decimal> = values.iter().map(|v| (*v).min(Decimal::ZERO)).collect();
    let numerator = npv(reinvest_rate, &positives)?.abs();
    let denominator = npv(finance_rate, &negatives)?.abs();
    let periods = Decimal::from(values.len() - 1);
    let ratio = numerator.div_c(denominator, "mirr")?;
    let root = pow(ratio, Decimal::ONE.div_c(periods, "mirr")?, "mirr")?;
    root.mul_c(one_plus(reinvest_rate)?, "mirr")?
        .sub_c(Decimal::ONE, "mirr")
}

/// How each dated flow is discounted: by whole days when the day count is a fixed divisor (fast, exact
/// powers), else by the convention's year fraction.
enum Discount {
    /// Whole days from the first date, the convention's divisor, and the flows' indices in day order.
    Days {
        days: Vec<i64>,
        basis: Decimal,
        order: Vec<usize>,
    },
    Years(Vec<Decimal>),
}

fn discounting(flows: &[(NaiveDate, Decimal)], day_count: DayCount) -> Result<Discount> {
    let Some(first) = flows.first().map(|f| f.0) else {
        return Err(Error::invalid("values", "[]", "must not be empty"));
    };
    if let Some((d, _)) = flows.iter().find(|(d, _)| *d < first) {
        return Err(Error::invalid(
            "dates",
            d,
            format!("must not be before the first date {first}"),
        ));
    }
    let basis = match day_count {
        DayCount::Act365Fixed => Some(365),
        DayCount::Act360 => Some(360),
        DayCount::Act364 => Some(364),
        _ => None,
    };
    Ok(match basis {
        Some(b) => {
            let days: Vec<i64> = flows
                .iter()
                .map(|(d, _)| d.signed_duration_since(first).num_days())
                .collect();
            let mut order: Vec<usize> = (0..days.len()).collect();
            order.sort_by_key(|i| days[*i]);
            Discount::Days {
                days,
                basis: Decimal::from(b),
                order,
            }
        }
        None => Discount::Years(
            flows
                .iter()
                .map(|(d, _)| day_count.year_fraction(first, *d))
                .collect::<Result<_>>()?,
        ),
    })
}

fn xnpv_with(
    rate: Decimal,
    flows: &[(NaiveDate, Decimal)],
    discount: &Discount,
) -> Result<Decimal> {
    xnpv_and_slope(rate, flows, discount).map(|(value, _)| value)
}

/// The xnpv at `rate` and its derivative with respect to `rate`, in one pass.
///
/// Whole-day conventions: with q = (1 + r)^(-1/basis) (one `ln` and one `exp`), the factor of a flow
/// d days out is q^d, reached from the previous flow's factor by multiplying q^(2^j) for the bits of
/// the day gap, so a monthly series costs a few multiplications a flow (each exact to 28 digits; the
/// accumulated error stays below 1e-25 relative). Other conventions: exp(-t ln(1 + r)) per flow.
fn xnpv_and_slope(
    rate: Decimal,
    flows: &[(NaiveDate, Decimal)],
    discount: &Discount,
) -> Result<(Decimal, Decimal)> {
    let overflow = || Error::overflow("rate", rate);
    let growth = one_plus(rate)?;
    let log_growth = growth.checked_ln().ok_or_else(overflow)?;
    let mut total = Decimal::ZERO;
    // Σ t_i · v_i · factor_i, in the flows' own time unit.
    let mut weighted = Decimal::ZERO;
    let unit = match discount {
        Discount::Days { days, basis, order } => {
            let q = log_growth
                .checked_div(*basis)
                .and_then(|x| (-x).checked_exp())
                .ok_or_else(overflow)?;
            // q^(2^j), grown on demand, and q^gap for the gaps seen so far (a monthly series has
            // four: 28 to 31 days), so most flows cost one full-precision multiplication.
            let mut squares = vec![q];
            let mut gaps: Vec<(u64, Decimal)> = Vec::new();
            let (mut at, mut factor) = (0i64, Decimal::ONE);
            for &i in order {
                let day = days[i];
                let gap = u64::try_from(day - at).map_err(|_| overflow())?;
                if gap != 0 {
                    let step = match gaps.iter().find(|(g, _)| *g == gap) {
                        Some((_, power)) => *power,
                        None => {
                            let (mut rest, mut bit, mut power) = (gap, 0usize, Decimal::ONE);
                            while rest != 0 {
                                if bit == squares.len() {
                                    let last = squares[bit - 1];
                                    squares.push(last.checked_mul(last).ok_or_else(overflow)?);
                                }
                                if rest & 1 == 1 {
                                    power = power.checked_mul(squares[bit]).ok_or_else(overflow)?;
                                }
                                rest >>= 1;
                                bit += 1;
                            }
                            if gaps.len() < 16 {
                                gaps.push((gap, power));
                            }
                            power
                        }
                    };
                    factor = factor.checked_mul(step).ok_or_else(overflow)?;
                }
                at = day;
                let term = flows[i].1.mul_c(factor, "xnpv")?;
                total = total.add_c(term, "xnpv")?;
                weighted = weighted.add_c(term.mul_c(Decimal::from(day), "xnpv")?, "xnpv")?;
            }
            *basis
        }
        Discount::Years(years) => {
            for ((_, value), t) in flows.iter().zip(years) {
                let factor = t
                    .checked_mul(log_growth)
                    .and_then(|x| (-x).checked_exp())
                    .ok_or_else(overflow)?;
                let term = value.mul_c(factor, "xnpv")?;
                total = total.add_c(term, "xnpv")?;
                weighted = weighted.add_c(term.mul_c(*t, "xnpv")?, "xnpv")?;
            }
            Decimal::ONE
        }
    };
    // d/dr Σ v (1 + r)^(-t) = -Σ t v (1 + r)^(-t) / (1 + r).
    let slope = -weighted.div_c(unit, "xnpv")?.div_c(growth, "xnpv")?;
    Ok((total, slope))
}

/// The net present value of dated cash flows at an annual `rate`, discounted from the first date by
/// `day_count`'s year fraction (Actual/365 Fixed in Excel and pyxirr).
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::finance::xnpv;
/// use collections_core::DayCount;
/// use rust_decimal_macros::dec;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let flows = [(d(2008, 1, 1), dec!(-10000)), (d(2008, 3, 1), dec!(2750)), (d(2008, 10, 30), dec!(4250)),
///              (d(2009, 2, 15), dec!(3250)), (d(2009, 4, 1), dec!(2750))];
/// // Excel's XNPV example: 2086.65
/// assert_eq!(xnpv(dec!(0.09), &flows, DayCount::Act365Fixed).unwrap().round_dp(2), dec!(2086.65));
/// ```
pub fn xnpv(rate: Decimal, flows: &[(NaiveDate, Decimal)], day_count: DayCount) -> Result<Decimal> {
    check_rate(rate, "rate")?;
    let discount = discounting(flows, day_count)?;
    xnpv_with(rate, flows, &discount)
}

/// The annual rate at which `xnpv` of the dated flows is zero.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::finance::xirr;
/// use collections_core::DayCount;
/// use rust_decimal_macros::dec;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let flows = [(d(2008, 1, 1), dec!(-10000)), (d(2008, 3, 1), dec!(2750)), (d(2008, 10, 30), dec!(4250)),
///              (d(2009, 2, 15), dec!(3250)), (d(2009, 4, 1), dec!(2750))];
/// // Excel's XIRR example prints 0.373362535; the exact root is 0.37336253352 (Excel stops iterating at
/// // a tolerance of 1e-8), so the two agree to 8 places.
/// let r = xirr(&flows, DayCount::Act365Fixed, None).unwrap();
/// assert_eq!(r.round_dp(11), dec!(0.37336253352));
/// ```
pub fn xirr(
    flows: &[(NaiveDate, Decimal)],
    day_count: DayCount,
    guess: Option<Decimal>,
) -> Result<Decimal> {
    let guess = guess.unwrap_or(Decimal::new(1, 1));
    check_rate(guess, "guess")?;
    let discount = discounting(flows, day_count)?;
    let inputs = || {
        let shown: Vec<String> = flows
            .iter()
            .take(6)
            .map(|(d, v)| format!("{d}: {v}"))
            .collect();
        format!(
            "[{}{}]",
            shown.join(", "),
            if flows.len() > 6 { ", ..." } else { "" }
        )
    };
    if flows.len() < 2 {
        return Err(Error::invalid(
            "values",
            inputs(),
            "need at least two cash flows",
        ));
    }
    // Sign changes in date order.
    let mut by_date: Vec<&(NaiveDate, Decimal)> = flows.iter().collect();
    by_date.sort_by_key(|(d, _)| *d);
    let changes = sign_changes(by_date.iter().map(|(_, v)| *v));
    if changes == 1 {
        // One rate exists (Descartes); a float64 estimate and two exact Newton steps find it.
        let estimate = flows
            .iter()
            .map(|(d, v)| v.to_f64().map(|x| (*d, x)))
            .collect::<Option<Vec<_>>>()
            .and_then(|floats| super::float::xirr(&floats, day_count, guess.to_f64()).ok())
            .and_then(Decimal::from_f64);
        if let Some(root) =
            estimate.and_then(|start| polish(|r| xnpv_and_slope(r, flows, &discount), start))
        {
            return Ok(root);
        }
    }
    single_root(
        |r| xnpv_with(r, flows, &discount),
        changes,
        guess,
        "values",
        inputs,
    )
}
