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
use rust_decimal::{Decimal, MathematicalOps};

use super::arith::{pow, Checked};
use super::solve::{all_roots, sign_changes, solve};
use super::tvm::one_plus;
use crate::calendar::DayCount;
use crate::error::{Error, Result};

fn check_rate(rate: Decimal, field: &'static str) -> Result<()> {
    if rate <= Decimal::NEGATIVE_ONE {
        return Err(Error::InvalidRate {
            field,
            value: rate.to_string(),
        });
    }
    Ok(())
}

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
    Days { days: Vec<i64>, basis: Decimal },
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
        Some(b) => Discount::Days {
            days: flows
                .iter()
                .map(|(d, _)| d.signed_duration_since(first).num_days())
                .collect(),
            basis: Decimal::from(b),
        },
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
    let growth = one_plus(rate)?;
    let mut total = Decimal::ZERO;
    match discount {
        Discount::Days { days, basis } => {
            // (1 + r)^(days / basis) = q^days with q = (1 + r)^(1 / basis), computed once.
            let q = growth
                .checked_ln()
                .and_then(|l| l.checked_div(*basis))
                .and_then(|x| x.checked_exp())
                .ok_or_else(|| Error::overflow("rate", rate))?;
            for ((_, value), d) in flows.iter().zip(days) {
                let factor = q
                    .checked_powi(-*d)
                    .ok_or_else(|| Error::overflow("rate", rate))?;
                total = total.add_c(value.mul_c(factor, "xnpv")?, "xnpv")?;
            }
        }
        Discount::Years(years) => {
            for ((_, value), t) in flows.iter().zip(years) {
                let factor = pow(growth, -*t, "rate")?;
                total = total.add_c(value.mul_c(factor, "xnpv")?, "xnpv")?;
            }
        }
    }
    Ok(total)
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
    single_root(
        |r| xnpv_with(r, flows, &discount),
        changes,
        guess,
        "values",
        inputs,
    )
}
