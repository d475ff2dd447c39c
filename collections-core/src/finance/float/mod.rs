//! Time value of money in `f64`, for analytics over float64 columns: the functions of
//! [`finance`](super) with the same names, arguments, conventions (numpy-financial's signs, [`When`])
//! and errors, computed in binary floating point.
//!
//! **Analytics only, never money.** A binary float cannot hold most decimal amounts, so nothing here
//! may be posted: a schedule's payments, a ledger's entries and a plan's installments come from the
//! exact Decimal functions. These serve what numpy-financial serves (scoring a column of loans in a
//! notebook), where 15 significant digits are plenty and speed matters.
//!
//! What carries over from the exact path:
//! - validation, with the same [`Error`] kinds and fields: a rate at or below -100% is an
//!   [`Error::InvalidRate`], `nper <= 0` an [`Error::InvalidArgument`] naming `nper`, and so on; a NaN
//!   or an infinity in any argument is an [`Error::InvalidArgument`] naming it; a result beyond f64's
//!   range is an [`Error::Overflow`]. No function returns a NaN or an infinity.
//! - the solvers: Newton's method from the guess, then bisection over the same grid of rates
//!   ([`GRID`]); no rate, or several, is an [`Error::NoSolution`].
//! - no cancellation: powers come from `ln_1p` and `exp_m1`, so `(1 + r)^n - 1` keeps its digits at tiny
//!   rates; a power that would overflow is taken the other way up (discounting instead of growing); and
//!   `ipmt`/`ppmt` use the prospective balance, exact where numpy-financial's floats cancel (its issue
//!   #35).
//!
//! Over many rows at once, [`pmt_rows`], [`fv_rows`], [`pv_rows`], [`nper_rows`], [`ipmt_rows`] and
//! [`ppmt_rows`] take [`Column`]s (a value per row, or one for all) and run a vectorized kernel, handing
//! the rows it cannot answer plainly to the functions here; [`map_rows`] runs any of these functions over
//! columns.
//!
//! The tests hold every function to the exact path within 1e-9 relative (`tests/float_agreement.rs`).
//!
//! ```
//! use collections_core::finance::{self, float, When};
//! use rust_decimal::prelude::ToPrimitive;
//! use rust_decimal_macros::dec;
//!
//! let fast = float::pmt(0.08 / 12.0, 60.0, 15000.0, 0.0, When::End).unwrap();
//! let exact = finance::pmt(dec!(0.08) / dec!(12), dec!(60), dec!(15000), dec!(0), When::End).unwrap();
//! assert!((fast - exact.to_f64().unwrap()).abs() < 1e-9 * fast.abs());
//! ```
// Binary floating point is this module's purpose; the workspace warns on it everywhere else.
#![allow(clippy::float_arithmetic)]

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;

use super::solve::{GRID, MAX_BISECTION_STEPS, MAX_NEWTON_STEPS};
use super::When;

mod math;
mod rows;

use crate::calendar::DayCount;
use crate::error::{Error, Result};
pub use rows::{
    fv_rows, ipmt_rows, map_rows, nper_rows, pmt_rows, ppmt_rows, pv_rows, Column, RowError,
};

/// Relative step size at which the f64 solvers stop (Newton and bisection), as
/// [`solve::TOLERANCE`](super::solve::TOLERANCE) is for Decimal: well above f64's resolution (2.2e-16),
/// so a noisy function still converges, and far below the 1e-9 the agreement tests ask.
pub const TOLERANCE: f64 = 1e-12;

/// ln 2: beyond it, `x - 1` for `x = e^±e` keeps its digits, so `exp_m1` is not needed.
const LN_2: f64 = std::f64::consts::LN_2;

fn when_factor(when: When) -> f64 {
    match when {
        When::End => 0.0,
        When::Begin => 1.0,
    }
}

/// A NaN or an infinity is an invalid argument naming the field.
fn finite(x: f64, field: &'static str) -> Result<f64> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(Error::invalid(field, x, "must be a finite number"))
    }
}

/// Every value of a series finite; the first that is not is named with its position.
fn all_finite(values: impl IntoIterator<Item = f64>, field: &'static str) -> Result<()> {
    match values.into_iter().enumerate().find(|(_, v)| !v.is_finite()) {
        Some((i, v)) => Err(Error::invalid(
            field,
            format!("{v} (item {i})"),
            "must be a finite number",
        )),
        None => Ok(()),
    }
}

/// A result out: a NaN or an infinity is an overflow of f64's range, reported with the inputs.
fn out(value: f64, field: &'static str, inputs: impl FnOnce() -> String) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::overflow(field, inputs()))
    }
}

fn check_rate(rate: f64, field: &'static str) -> Result<()> {
    if rate <= -1.0 {
        return Err(Error::InvalidRate {
            field,
            value: rate.to_string(),
        });
    }
    Ok(())
}

fn check_nper(nper: f64) -> Result<()> {
    if nper <= 0.0 {
        return Err(Error::invalid(
            "nper",
            nper,
            "the number of periods must be greater than zero",
        ));
    }
    Ok(())
}

fn check_per(per: f64, nper: f64) -> Result<()> {
    if per < 1.0 || per > nper || per.fract() != 0.0 {
        return Err(Error::invalid(
            "per",
            per,
            format!("must be a whole period from 1 to nper ({nper})"),
        ));
    }
    Ok(())
}

/// `(1 + r)^n` and `(1 + r)^n - 1`, from `n·ln(1 + r)` so that neither cancels at tiny rates.
fn growth(rate: f64, nper: f64) -> (f64, f64) {
    let e = nper * rate.ln_1p();
    let g = e.exp();
    let g_minus_1 = if e.abs() > LN_2 { g - 1.0 } else { e.exp_m1() };
    (g, g_minus_1)
}

/// `(1 + r)^-n` and `1 - (1 + r)^-n`, the same way.
fn discount(rate: f64, nper: f64) -> (f64, f64) {
    let e = nper * rate.ln_1p();
    let v = (-e).exp();
    let one_minus_v = if e.abs() > LN_2 {
        1.0 - v
    } else {
        -(-e).exp_m1()
    };
    (v, one_minus_v)
}

/// The future value: what `pv` now and `nper` payments of `pmt` grow to at `rate` per period.
///
/// ```
/// use collections_core::finance::{float, When};
///
/// // numpy-financial: fv(0.075, 20, -2000, 0, 0) = 86609.362673...
/// let v = float::fv(0.075, 20.0, -2000.0, 0.0, When::End).unwrap();
/// assert!((v - 86609.362673042924).abs() < 1e-8);
/// ```
pub fn fv(rate: f64, nper: f64, pmt: f64, pv: f64, when: When) -> Result<f64> {
    finite(rate, "rate")?;
    finite(nper, "nper")?;
    finite(pmt, "pmt")?;
    finite(pv, "pv")?;
    check_rate(rate, "rate")?;
    check_nper(nper)?;
    let value = if rate == 0.0 {
        -(pv + pmt * nper)
    } else {
        let (g, g_minus_1) = growth(rate, nper);
        -(pv * g + pmt * (1.0 + rate * when_factor(when)) * g_minus_1 / rate)
    };
    out(value, "fv", || {
        format!("rate={rate}, nper={nper}, pmt={pmt}, pv={pv}")
    })
}

/// The present value of `nper` payments of `pmt` and a final `fv`.
///
/// ```
/// use collections_core::finance::{float, When};
///
/// // numpy-financial: pv(0.07, 20, 12000) = -127128.1709461939
/// let v = float::pv(0.07, 20.0, 12000.0, 0.0, When::End).unwrap();
/// assert!((v + 127128.1709461939).abs() < 1e-8);
/// ```
pub fn pv(rate: f64, nper: f64, pmt: f64, fv: f64, when: When) -> Result<f64> {
    finite(rate, "rate")?;
    finite(nper, "nper")?;
    finite(pmt, "pmt")?;
    finite(fv, "fv")?;
    check_rate(rate, "rate")?;
    check_nper(nper)?;
    let value = if rate == 0.0 {
        -(fv + pmt * nper)
    } else {
        let (v, one_minus_v) = discount(rate, nper);
        -(fv * v + pmt * (1.0 + rate * when_factor(when)) * one_minus_v / rate)
    };
    out(value, "pv", || {
        format!("rate={rate}, nper={nper}, pmt={pmt}, fv={fv}")
    })
}

/// The payment once the arguments are known to be valid.
fn level_payment(rate: f64, nper: f64, pv: f64, fv: f64, when: When) -> f64 {
    if rate == 0.0 {
        return -(fv + pv) / nper;
    }
    let due = 1.0 + rate * when_factor(when);
    if rate > 0.0 {
        // Discounted, so a long term at a high rate cannot overflow: -(fv·v^n + pv)·r / ((1 + r·w)(1 - v^n)).
        let (v, one_minus_v) = discount(rate, nper);
        -(fv * v + pv) * rate / (due * one_minus_v)
    } else {
        let (g, g_minus_1) = growth(rate, nper);
        -(fv + pv * g) * rate / (due * g_minus_1)
    }
}

fn checked_payment(rate: f64, nper: f64, pv: f64, fv: f64, when: When) -> Result<f64> {
    check_rate(rate, "rate")?;
    check_nper(nper)?;
    out(level_payment(rate, nper, pv, fv, when), "pmt", || {
        format!("rate={rate}, nper={nper}, pv={pv}, fv={fv}")
    })
}

/// The level payment per period that turns `pv` into `fv` over `nper` periods.
///
/// ```
/// use collections_core::finance::{float, When};
///
/// // numpy-financial: pmt(0.08/12, 60, 15000) = -304.145914...
/// let p = float::pmt(0.08 / 12.0, 60.0, 15000.0, 0.0, When::End).unwrap();
/// assert!((p + 304.14591432620).abs() < 1e-9);
/// assert_eq!(float::pmt(0.0, 60.0, 15000.0, 0.0, When::End).unwrap(), -250.0);
/// // A NaN is refused, naming the argument.
/// assert_eq!(float::pmt(f64::NAN, 60.0, 15000.0, 0.0, When::End).unwrap_err().field(), "rate");
/// ```
pub fn pmt(rate: f64, nper: f64, pv: f64, fv: f64, when: When) -> Result<f64> {
    finite(rate, "rate")?;
    finite(nper, "nper")?;
    finite(pv, "pv")?;
    finite(fv, "fv")?;
    checked_payment(rate, nper, pv, fv, when)
}

/// The number of periods for `pv` to reach `fv` paying `pmt` each period (fractional in general).
///
/// Fails with [`Error::NoSolution`] naming `pmt` when the payment never gets there.
///
/// ```
/// use collections_core::finance::{float, When};
///
/// // numpy-financial: nper(0.075, -2000, 0, 100000) = 21.5449442...
/// let n = float::nper(0.075, -2000.0, 0.0, 100000.0, When::End).unwrap();
/// assert!((n - 21.5449441973).abs() < 1e-9);
/// assert!(float::nper(0.01, -5.0, 1000.0, 0.0, When::End).is_err());
/// ```
pub fn nper(rate: f64, pmt: f64, pv: f64, fv: f64, when: When) -> Result<f64> {
    finite(rate, "rate")?;
    finite(pmt, "pmt")?;
    finite(pv, "pv")?;
    finite(fv, "fv")?;
    check_rate(rate, "rate")?;
    let inputs = || format!("rate={rate}, pmt={pmt}, pv={pv}, fv={fv}");
    if rate == 0.0 {
        if pmt == 0.0 {
            return Err(Error::no_solution(
                "pmt",
                pmt,
                "a zero payment at a zero rate never changes the balance",
            ));
        }
        let n = -(fv + pv) / pmt;
        if n <= 0.0 {
            return Err(Error::no_solution(
                "pmt",
                inputs(),
                "the payment moves the balance away from fv",
            ));
        }
        return out(n, "nper", inputs);
    }
    let due = 1.0 + rate * when_factor(when);
    let z = pmt * due / rate;
    let denominator = pv + z;
    let ratio = if denominator == 0.0 {
        0.0
    } else {
        -(fv - z) / denominator
    };
    if ratio <= 0.0 || ratio.is_nan() {
        let minimum = -(pv * rate / due);
        return Err(Error::no_solution(
            "pmt",
            inputs(),
            format!(
                "the payment never reaches fv; it must exceed the interest each period ({} per period)",
                (minimum * 1e6).round() / 1e6
            ),
        ));
    }
    // ln(ratio) as ln_1p(ratio - 1), with ratio - 1 = -(fv + pv)/(pv + z) formed directly: a ratio near 1
    // (a tiny rate) keeps its digits.
    let n = (-(fv + pv) / denominator).ln_1p() / rate.ln_1p();
    if n <= 0.0 {
        return Err(Error::no_solution(
            "pmt",
            inputs(),
            "the balance already passed fv: no positive number of periods",
        ));
    }
    out(n, "nper", inputs)
}

/// The interest part of payment `per`, from the payment: the balance still owed is valued
/// prospectively, `fv·v^m + pmt·(1 + r·when)(1 - v^m)/r` with `m = nper - per + 1`, so nothing cancels.
fn interest_part(rate: f64, per: f64, nper: f64, fv: f64, payment: f64, when: When) -> f64 {
    if rate == 0.0 || (when == When::Begin && per == 1.0) {
        return 0.0;
    }
    let (v, one_minus_v) = discount(rate, nper - per + 1.0);
    let interest = fv * v * rate + payment * (1.0 + rate * when_factor(when)) * one_minus_v;
    match when {
        When::End => interest,
        When::Begin => interest / (1.0 + rate),
    }
}

/// The principal part of payment `per`: `pmt - ipmt`, which is `v^m·(pmt - r·fv/(1 + r·when))`, taken
/// in that form so that it never subtracts two near-equal numbers.
fn principal_part(rate: f64, per: f64, nper: f64, fv: f64, payment: f64, when: When) -> f64 {
    if rate == 0.0 || (when == When::Begin && per == 1.0) {
        return payment;
    }
    let (v, _) = discount(rate, nper - per + 1.0);
    v * (payment - rate * fv / (1.0 + rate * when_factor(when)))
}

/// The interest part of payment number `per` (1-based) of a level-payment loan.
///
/// ```
/// use collections_core::finance::{float, When};
///
/// // numpy-financial: ipmt(0.1/12, 1, 24, 2000) = -16.66666667
/// let i = float::ipmt(0.1 / 12.0, 1.0, 24.0, 2000.0, 0.0, When::End).unwrap();
/// assert!((i + 16.666666666666668).abs() < 1e-12);
/// // numpy-financial issue #35: its floats give 0.0 here; the true value is 16.9656...
/// let i = float::ipmt(0.1479, 297.0, 300.0, -270.51, 0.0, When::End).unwrap();
/// assert!((i - 16.9656277).abs() < 1e-6);
/// ```
pub fn ipmt(rate: f64, per: f64, nper: f64, pv: f64, fv: f64, when: When) -> Result<f64> {
    finite(rate, "rate")?;
    finite(per, "per")?;
    finite(nper, "nper")?;
    finite(pv, "pv")?;
    finite(fv, "fv")?;
    let payment = checked_payment(rate, nper, pv, fv, when)?;
    check_per(per, nper)?;
    out(
        interest_part(rate, per, nper, fv, payment, when),
        "ipmt",
        || format!("rate={rate}, per={per}, nper={nper}, pv={pv}, fv={fv}"),
    )
}

/// The principal part of payment number `per`: `pmt - ipmt`.
///
/// ```
/// use collections_core::finance::{float, When};
///
/// // numpy-financial: ppmt(0.1/12, 1, 60, 55000) = -710.254126
/// let p = float::ppmt(0.1 / 12.0, 1.0, 60.0, 55000.0, 0.0, When::End).unwrap();
/// assert!((p + 710.2541257).abs() < 1e-6);
/// // numpy-financial issue #35: its floats give 40.008; the true value is 23.0428...
/// let p = float::ppmt(0.1479, 297.0, 300.0, -270.51, 0.0, When::End).unwrap();
/// assert!((p - 23.0428013).abs() < 1e-6);
/// ```
pub fn ppmt(rate: f64, per: f64, nper: f64, pv: f64, fv: f64, when: When) -> Result<f64> {
    finite(rate, "rate")?;
    finite(per, "per")?;
    finite(nper, "nper")?;
    finite(pv, "pv")?;
    finite(fv, "fv")?;
    let payment = checked_payment(rate, nper, pv, fv, when)?;
    check_per(per, nper)?;
    out(
        principal_part(rate, per, nper, fv, payment, when),
        "ppmt",
        || format!("rate={rate}, per={per}, nper={nper}, pv={pv}, fv={fv}"),
    )
}

/// The checks of `cumipmt`/`cumprinc`, then the payment, the interest summed from `start_period` to
/// `end_period` and the number of periods.
fn cumulative(
    rate: f64,
    nper: f64,
    pv: f64,
    start_period: f64,
    end_period: f64,
    when: When,
) -> Result<(f64, f64, f64)> {
    finite(rate, "rate")?;
    finite(nper, "nper")?;
    finite(pv, "pv")?;
    finite(start_period, "start_period")?;
    finite(end_period, "end_period")?;
    let payment = checked_payment(rate, nper, pv, 0.0, when)?;
    check_per(start_period, nper).map_err(|e| e.with_field("start_period"))?;
    check_per(end_period, nper).map_err(|e| e.with_field("end_period"))?;
    if end_period < start_period {
        return Err(Error::invalid(
            "end_period",
            end_period,
            format!("must not be before start_period ({start_period})"),
        ));
    }
    let count = end_period - start_period + 1.0;
    if rate == 0.0 {
        return Ok((payment, 0.0, count));
    }
    // With fv = 0 the interest of payment k is pmt·(1 - v^m), m = nper - k + 1 (the first payment of an
    // annuity due carries none), so the sum is pmt·(count - S) with the geometric sum
    // S = Σ v^m = v^a·(1 - v^count)·(1 + r)/r over m = a ..= a + count - 1, a = nper - end_period + 1.
    let (v_a, _) = discount(rate, nper - end_period + 1.0);
    let (_, one_minus_v_count) = discount(rate, count);
    let sum = v_a * one_minus_v_count * (1.0 + rate) / rate;
    let mut interest = payment * (count - sum);
    if when == When::Begin && start_period == 1.0 {
        let (_, one_minus_v_n) = discount(rate, nper);
        interest -= payment * one_minus_v_n;
    }
    Ok((payment, interest, count))
}

/// Cumulative interest paid from period `start_period` to `end_period` inclusive (Excel's CUMIPMT, with
/// numpy-financial's signs), in closed form.
///
/// ```
/// use collections_core::finance::{float, When};
///
/// // Excel's CUMIPMT example: 9% a year, 30 years monthly, 125000, second year.
/// let i = float::cumipmt(0.09 / 12.0, 360.0, 125000.0, 13.0, 24.0, When::End).unwrap();
/// assert!((i + 11135.23213).abs() < 1e-5);
/// ```
pub fn cumipmt(
    rate: f64,
    nper: f64,
    pv: f64,
    start_period: f64,
    end_period: f64,
    when: When,
) -> Result<f64> {
    let (_, interest, _) = cumulative(rate, nper, pv, start_period, end_period, when)?;
    out(interest, "cumipmt", || {
        format!("rate={rate}, nper={nper}, pv={pv}")
    })
}

/// Cumulative principal repaid from period `start_period` to `end_period` inclusive (Excel's CUMPRINC).
///
/// ```
/// use collections_core::finance::{float, When};
///
/// // Excel's CUMPRINC example: 9% a year, 30 years monthly, 125000, second year.
/// let p = float::cumprinc(0.09 / 12.0, 360.0, 125000.0, 13.0, 24.0, When::End).unwrap();
/// assert!((p + 934.1071234).abs() < 1e-6);
/// ```
pub fn cumprinc(
    rate: f64,
    nper: f64,
    pv: f64,
    start_period: f64,
    end_period: f64,
    when: When,
) -> Result<f64> {
    let (payment, interest, count) = cumulative(rate, nper, pv, start_period, end_period, when)?;
    out(payment * count - interest, "cumprinc", || {
        format!("rate={rate}, nper={nper}, pv={pv}")
    })
}

// ------------------------------------------------------------------------------------------ solvers

/// The Decimal search grid as f64, converted once.
static GRID_F64: LazyLock<Vec<f64>> =
    LazyLock::new(|| GRID.iter().filter_map(ToPrimitive::to_f64).collect());

fn scale(r: f64) -> f64 {
    r.abs().max(1.0)
}

/// Newton's method from `guess` on a function that gives its value and slope (`None` out of its
/// domain); `None` when it does not converge inside (-1, inf).
fn newton(f: &impl Fn(f64) -> Option<(f64, f64)>, guess: f64) -> Option<f64> {
    let mut r = guess;
    for _ in 0..MAX_NEWTON_STEPS {
        let (value, slope) = f(r)?;
        if value == 0.0 {
            return Some(r);
        }
        if slope == 0.0 || !slope.is_finite() {
            return None;
        }
        let step = value / slope;
        let next = r - step;
        if !next.is_finite() || next <= -1.0 {
            return None;
        }
        if step.abs() <= TOLERANCE * scale(next) {
            return Some(next);
        }
        r = next;
    }
    None
}

/// Bisects a sign change of `f` between `lo` and `hi` (`f_lo` = f(lo), of the opposite sign to f(hi)).
fn bisect(f: &impl Fn(f64) -> Option<(f64, f64)>, mut lo: f64, mut hi: f64, mut f_lo: f64) -> f64 {
    for _ in 0..MAX_BISECTION_STEPS {
        let mid = 0.5 * (lo + hi);
        if hi - lo <= TOLERANCE * scale(mid) {
            return mid;
        }
        // Between two points where f is finite it is finite; if not, stop at the bracket's middle.
        let Some((f_mid, _)) = f(mid) else {
            return mid;
        };
        if f_mid == 0.0 {
            return mid;
        }
        if f_mid.is_sign_negative() == f_lo.is_sign_negative() {
            lo = mid;
            f_lo = f_mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Every bracket `(a, b, f(a))` of the grid on which `f` changes sign (or is zero at a), in grid order.
fn brackets(f: &impl Fn(f64) -> Option<(f64, f64)>) -> Vec<(f64, f64, f64)> {
    let values: Vec<(f64, f64)> = GRID_F64
        .iter()
        .filter_map(|r| f(*r).map(|(v, _)| (*r, v)))
        .collect();
    values
        .windows(2)
        .filter(|w| {
            w[0].1 == 0.0
                || (w[0].1.is_sign_negative() != w[1].1.is_sign_negative() && w[1].1 != 0.0)
        })
        .map(|w| (w[0].0, w[1].0, w[0].1))
        .collect()
}

fn refine(f: &impl Fn(f64) -> Option<(f64, f64)>, (a, b, f_a): (f64, f64, f64)) -> f64 {
    if f_a == 0.0 {
        a
    } else {
        bisect(f, a, b, f_a)
    }
}

/// A root near `guess`: Newton first, then bisection of the grid bracket nearest the guess.
fn solve(
    f: impl Fn(f64) -> Option<(f64, f64)>,
    guess: f64,
    field: &'static str,
    inputs: impl FnOnce() -> String,
) -> Result<f64> {
    if let Some(r) = newton(&f, guess) {
        return Ok(r);
    }
    let nearest = brackets(&f)
        .into_iter()
        .min_by(|x, y| {
            let distance = |(a, b, _): &(f64, f64, f64)| (0.5 * (a + b) - guess).abs();
            distance(x).total_cmp(&distance(y))
        })
        .ok_or_else(|| {
            Error::no_solution(
                field,
                inputs(),
                "the equation changes sign nowhere between -99.99% and 100000%",
            )
        })?;
    Ok(refine(&f, nearest))
}

/// Every root found on the grid, each refined by bisection (to detect several rates of return).
fn all_roots(f: &impl Fn(f64) -> Option<(f64, f64)>) -> Vec<f64> {
    let mut roots: Vec<f64> = Vec::new();
    for bracket in brackets(f) {
        let root = refine(f, bracket);
        if roots.last().is_none_or(|last| (root - last).abs() > 1e-9) {
            roots.push(root);
        }
    }
    roots
}

/// The number of sign changes in a sequence, zeros skipped.
fn sign_changes(values: impl IntoIterator<Item = f64>) -> usize {
    let mut last: Option<bool> = None;
    let mut changes = 0;
    for v in values.into_iter().filter(|v| *v != 0.0) {
        let negative = v < 0.0;
        if last.is_some_and(|l| l != negative) {
            changes += 1;
        }
        last = Some(negative);
    }
    changes
}

/// Finds the single rate, or explains why there is none or several (as the exact path does).
fn single_root(
    f: impl Fn(f64) -> Option<(f64, f64)>,
    changes: usize,
    guess: f64,
    field: &'static str,
    inputs: impl Fn() -> String,
) -> Result<f64> {
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
    let roots = all_roots(&f);
    match roots.as_slice() {
        [] => solve(f, guess, field, inputs),
        [root] => Ok(*root),
        _ => {
            let shown: Vec<String> = roots
                .iter()
                .map(|r| ((r * 1e10).round() / 1e10).to_string())
                .collect();
            Err(Error::no_solution(
                field,
                inputs(),
                format!(
                    "the cash flows change sign {changes} times and have several rates of return: {}",
                    shown.join(", ")
                ),
            ))
        }
    }
}

fn check_guess(guess: Option<f64>) -> Result<f64> {
    let guess = finite(guess.unwrap_or(0.1), "guess")?;
    check_rate(guess, "guess")?;
    Ok(guess)
}

/// The rate per period at which `pv` and `nper` payments of `pmt` reach `fv`.
///
/// Newton's method from `guess` (0.1 when `None`), then bisection over the grid; no rate is an
/// [`Error::NoSolution`] naming `rate`.
///
/// ```
/// use collections_core::finance::{float, When};
///
/// // numpy-financial: rate(10, 0, -3500, 10000) = 0.1106908537
/// let r = float::rate(10.0, 0.0, -3500.0, 10000.0, When::End, None).unwrap();
/// assert!((r - 0.1106908537).abs() < 1e-10);
/// assert!(float::rate(10.0, 0.0, 3500.0, 10000.0, When::End, None).is_err());
/// ```
pub fn rate(nper: f64, pmt: f64, pv: f64, fv: f64, when: When, guess: Option<f64>) -> Result<f64> {
    finite(nper, "nper")?;
    finite(pmt, "pmt")?;
    finite(pv, "pv")?;
    finite(fv, "fv")?;
    if let Some(g) = guess {
        finite(g, "guess")?;
    }
    check_nper(nper)?;
    let guess = check_guess(guess)?;
    let w = when_factor(when);
    // f(r) = pv(1 + r)^n + pmt(1 + r·when)((1 + r)^n - 1)/r + fv, zero at the rate.
    let value = |r: f64| -> Option<f64> {
        if r <= -1.0 {
            return None;
        }
        let v = if r == 0.0 {
            pv + pmt * nper + fv
        } else {
            let (g, g_minus_1) = growth(r, nper);
            pv * g + pmt * (1.0 + r * w) * g_minus_1 / r + fv
        };
        v.is_finite().then_some(v)
    };
    // The slope by a forward difference, as the exact path takes it (the root is where f is zero,
    // whatever the slope's last digits).
    let f = |r: f64| -> Option<(f64, f64)> {
        let fr = value(r)?;
        let h = scale(r) * 1.5e-8;
        let slope = (value(r + h)? - fr) / h;
        Some((fr, slope))
    };
    solve(f, guess, "rate", || {
        format!("nper={nper}, pmt={pmt}, pv={pv}, fv={fv}, when={when}")
    })
}

/// `Σ values[t]·x^t` and its derivative in x, by Horner's rule from the last value back.
fn horner(values: impl DoubleEndedIterator<Item = f64>, x: f64) -> (f64, f64) {
    let mut p = 0.0;
    let mut dp = 0.0;
    for v in values.rev() {
        dp = dp * x + p;
        p = p * x + v;
    }
    (p, dp)
}

/// The net present value and its slope in the rate: with x = 1/(1 + r), d/dr = -x²·d/dx.
fn npv_and_slope(rate: f64, values: &[f64]) -> Option<(f64, f64)> {
    if rate <= -1.0 {
        return None;
    }
    let x = 1.0 / (1.0 + rate);
    let (p, dp) = horner(values.iter().copied(), x);
    let slope = -x * x * dp;
    (p.is_finite() && slope.is_finite()).then_some((p, slope))
}

fn format_values(values: &[f64]) -> String {
    let shown: Vec<String> = values.iter().take(12).map(f64::to_string).collect();
    let more = if values.len() > 12 {
        format!(", ... ({} values)", values.len())
    } else {
        String::new()
    };
    format!("[{}{more}]", shown.join(", "))
}

/// Net present value: `Σ values[t] / (1 + rate)^t` for t = 0, 1, 2, ... (numpy-financial's: the first
/// value is not discounted).
///
/// ```
/// use collections_core::finance::float;
///
/// // numpy-financial: npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]) = 122.894855
/// let v = float::npv(0.05, &[-15000.0, 1500.0, 2500.0, 3500.0, 4500.0, 6000.0]).unwrap();
/// assert!((v - 122.89485495093).abs() < 1e-9);
/// ```
pub fn npv(rate: f64, values: &[f64]) -> Result<f64> {
    finite(rate, "rate")?;
    all_finite(values.iter().copied(), "values")?;
    check_rate(rate, "rate")?;
    if values.is_empty() {
        return Err(Error::invalid("values", "[]", "must not be empty"));
    }
    let (p, _) = horner(values.iter().copied(), 1.0 / (1.0 + rate));
    out(p, "npv", || {
        format!("rate={rate}, values={}", format_values(values))
    })
}

/// The internal rate of return: the rate at which `npv` of `values` is zero.
///
/// No sign change, or several rates of return, is an [`Error::NoSolution`] naming `values`.
///
/// ```
/// use collections_core::finance::float;
///
/// // numpy-financial: irr([-150000, 15000, 25000, 35000, 45000, 60000]) = 0.052433
/// let r = float::irr(&[-150000.0, 15000.0, 25000.0, 35000.0, 45000.0, 60000.0], None).unwrap();
/// assert!((r - 0.0524328889).abs() < 1e-9);
/// assert!(float::irr(&[100.0, 50.0], None).is_err());
/// let err = float::irr(&[-100.0, 230.0, -132.0], None).unwrap_err();
/// assert!(err.to_string().contains("0.1, 0.2"), "{err}");
/// ```
pub fn irr(values: &[f64], guess: Option<f64>) -> Result<f64> {
    all_finite(values.iter().copied(), "values")?;
    if let Some(g) = guess {
        finite(g, "guess")?;
    }
    if values.len() < 2 {
        return Err(Error::invalid(
            "values",
            format_values(values),
            "need at least two cash flows",
        ));
    }
    let guess = check_guess(guess)?;
    let changes = sign_changes(values.iter().copied());
    single_root(
        |r| npv_and_slope(r, values),
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
/// use collections_core::finance::float;
///
/// let flows = [-120000.0, 39000.0, 30000.0, 21000.0, 37000.0, 46000.0];
/// let r = float::mirr(&flows, 0.10, 0.12).unwrap();
/// assert!((r - 0.126094).abs() < 1e-6);
/// ```
pub fn mirr(values: &[f64], finance_rate: f64, reinvest_rate: f64) -> Result<f64> {
    all_finite(values.iter().copied(), "values")?;
    finite(finance_rate, "finance_rate")?;
    finite(reinvest_rate, "reinvest_rate")?;
    check_rate(finance_rate, "finance_rate")?;
    check_rate(reinvest_rate, "reinvest_rate")?;
    let positive = values.iter().any(|v| *v > 0.0);
    let negative = values.iter().any(|v| *v < 0.0);
    if values.len() < 2 || !positive || !negative {
        return Err(Error::no_solution(
            "values",
            format_values(values),
            "need at least one positive and one negative cash flow",
        ));
    }
    let (gains, _) = horner(
        values.iter().map(|v| v.max(0.0)),
        1.0 / (1.0 + reinvest_rate),
    );
    let (costs, _) = horner(
        values.iter().map(|v| v.min(0.0)),
        1.0 / (1.0 + finance_rate),
    );
    let periods = (values.len() - 1) as f64;
    // (gains/costs)^(1/periods)·(1 + reinvest) - 1, through logarithms so the last step cannot cancel.
    let value = ((gains.abs() / costs.abs()).ln() / periods + reinvest_rate.ln_1p()).exp_m1();
    out(value, "mirr", || format_values(values))
}

/// Years from the first date to each flow's date: whole days over the divisor when the day count is a
/// fixed divisor, else the convention's year fraction.
fn years(dates: impl Iterator<Item = NaiveDate> + Clone, day_count: DayCount) -> Result<Vec<f64>> {
    let Some(first) = dates.clone().next() else {
        return Err(Error::invalid("values", "[]", "must not be empty"));
    };
    if let Some(d) = dates.clone().find(|d| *d < first) {
        return Err(Error::invalid(
            "dates",
            d,
            format!("must not be before the first date {first}"),
        ));
    }
    let basis = match day_count {
        DayCount::Act365Fixed => Some(365.0),
        DayCount::Act360 => Some(360.0),
        DayCount::Act364 => Some(364.0),
        _ => None,
    };
    match basis {
        // Whole days as a difference of day numbers: the same integer as `signed_duration_since`,
        // without its year-cycle arithmetic (a quarter of a 121-flow xirr went there).
        Some(b) => {
            let first = first.num_days_from_ce();
            Ok(dates
                .map(|d| f64::from(d.num_days_from_ce() - first) / b)
                .collect())
        }
        None => dates
            .map(|d| {
                let t = day_count.year_fraction(first, d)?;
                t.to_f64().ok_or_else(|| Error::overflow("dates", t))
            })
            .collect(),
    }
}

/// `Σ amount·(1 + r)^-t` and its slope in r.
fn xnpv_and_slope(rate: f64, amounts: &[f64], times: &[f64]) -> Option<(f64, f64)> {
    if rate <= -1.0 {
        return None;
    }
    let l = rate.ln_1p();
    let mut total = 0.0;
    let mut slope = 0.0;
    for (a, t) in amounts.iter().zip(times) {
        let discounted = a * (-t * l).exp();
        total += discounted;
        slope -= t * discounted;
    }
    let slope = slope / (1.0 + rate);
    (total.is_finite() && slope.is_finite()).then_some((total, slope))
}

/// The net present value of dated cash flows at an annual `rate`, discounted from the first date by
/// `day_count`'s year fraction (Actual/365 Fixed in Excel and pyxirr).
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::finance::float;
/// use collections_core::DayCount;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let flows = [(d(2008, 1, 1), -10000.0), (d(2008, 3, 1), 2750.0), (d(2008, 10, 30), 4250.0),
///              (d(2009, 2, 15), 3250.0), (d(2009, 4, 1), 2750.0)];
/// // Excel's XNPV example: 2086.65
/// let v = float::xnpv(0.09, &flows, DayCount::Act365Fixed).unwrap();
/// assert!((v - 2086.6476).abs() < 1e-4);
/// ```
pub fn xnpv(rate: f64, flows: &[(NaiveDate, f64)], day_count: DayCount) -> Result<f64> {
    finite(rate, "rate")?;
    all_finite(flows.iter().map(|f| f.1), "values")?;
    check_rate(rate, "rate")?;
    let times = years(flows.iter().map(|f| f.0), day_count)?;
    let amounts: Vec<f64> = flows.iter().map(|f| f.1).collect();
    let value = xnpv_and_slope(rate, &amounts, &times).map_or(f64::NAN, |(v, _)| v);
    out(value, "xnpv", || format!("rate={rate}"))
}

/// The annual rate at which `xnpv` of the dated flows is zero.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::finance::float;
/// use collections_core::DayCount;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let flows = [(d(2008, 1, 1), -10000.0), (d(2008, 3, 1), 2750.0), (d(2008, 10, 30), 4250.0),
///              (d(2009, 2, 15), 3250.0), (d(2009, 4, 1), 2750.0)];
/// // Excel's XIRR example: 0.373362535
/// let r = float::xirr(&flows, DayCount::Act365Fixed, None).unwrap();
/// assert!((r - 0.37336253352).abs() < 1e-10);
/// ```
pub fn xirr(flows: &[(NaiveDate, f64)], day_count: DayCount, guess: Option<f64>) -> Result<f64> {
    all_finite(flows.iter().map(|f| f.1), "values")?;
    if let Some(g) = guess {
        finite(g, "guess")?;
    }
    let guess = check_guess(guess)?;
    let times = years(flows.iter().map(|f| f.0), day_count)?;
    let amounts: Vec<f64> = flows.iter().map(|f| f.1).collect();
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
    // Sign changes in date order (a stable sort, as the exact path's).
    let mut by_date: Vec<&(NaiveDate, f64)> = flows.iter().collect();
    by_date.sort_by_key(|(d, _)| *d);
    let changes = sign_changes(by_date.iter().map(|(_, v)| *v));
    single_root(
        |r| xnpv_and_slope(r, &amounts, &times),
        changes,
        guess,
        "values",
        inputs,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance * b.abs().max(1.0)
    }

    #[test]
    fn numpy_financial_published_values() {
        let end = When::End;
        let begin = When::Begin;
        assert!(close(
            pmt(0.08 / 12.0, 60.0, 15000.0, 0.0, begin).unwrap(),
            -302.131703,
            1e-9
        ));
        assert!(close(
            fv(0.075, 20.0, -2000.0, 0.0, begin).unwrap(),
            93105.064874,
            1e-10
        ));
        assert!(close(
            nper(0.075, -2000.0, 0.0, 100000.0, begin).unwrap(),
            20.7615644,
            1e-8
        ));
        assert_eq!(nper(0.0, -100.0, 1000.0, 0.0, end).unwrap(), 10.0);
        assert!(close(
            ppmt(0.1 / 12.0, 1.0, 60.0, 55000.0, 0.0, begin).unwrap(),
            -1158.929712,
            1e-9
        ));
        let expected = [-16.66666667, -16.03647345, -15.40102862, -14.76028842];
        for (per, want) in (1..=4).zip(expected) {
            let got = ipmt(0.1 / 12.0, f64::from(per), 24.0, 2000.0, 0.0, end).unwrap();
            assert!(close(got, want, 1e-9), "{per}: {got}");
        }
        assert!(close(
            irr(&[-100.0, 39.0, 59.0, 55.0, 20.0], None).unwrap(),
            0.280948,
            1e-6
        ));
    }

    #[test]
    fn errors_name_the_field() {
        let end = When::End;
        let field = |r: Result<f64>| r.unwrap_err().field();
        assert_eq!(field(fv(0.01, f64::INFINITY, -10.0, 0.0, end)), "nper");
        assert_eq!(field(pv(0.01, 12.0, -10.0, f64::NAN, end)), "fv");
        assert_eq!(field(ipmt(0.01, f64::NAN, 12.0, 1.0, 0.0, end)), "per");
        assert_eq!(
            field(rate(12.0, -10.0, 100.0, 0.0, end, Some(f64::NAN))),
            "guess"
        );
        assert_eq!(field(npv(0.1, &[1.0, f64::NEG_INFINITY])), "values");
        assert!(matches!(
            pmt(-1.0, 12.0, 1.0, 0.0, end),
            Err(Error::InvalidRate { field: "rate", .. })
        ));
        assert!(matches!(
            mirr(&[-1.0, 2.0], 0.1, -1.5),
            Err(Error::InvalidRate {
                field: "reinvest_rate",
                ..
            })
        ));
        assert!(matches!(
            pmt(0.01, 0.0, 1.0, 0.0, end),
            Err(Error::InvalidArgument { field: "nper", .. })
        ));
        assert!(matches!(
            ipmt(0.01, 1.5, 12.0, 1.0, 0.0, end),
            Err(Error::InvalidArgument { field: "per", .. })
        ));
        assert!(matches!(
            cumipmt(0.01, 12.0, 1.0, 5.0, 4.0, end),
            Err(Error::InvalidArgument {
                field: "end_period",
                ..
            })
        ));
        assert!(matches!(
            cumprinc(0.01, 12.0, 1.0, 0.0, 4.0, end),
            Err(Error::InvalidArgument {
                field: "start_period",
                ..
            })
        ));
        assert!(matches!(
            nper(0.01, -5.0, 1000.0, 0.0, end),
            Err(Error::NoSolution { field: "pmt", .. })
        ));
        assert!(matches!(
            nper(0.0, 0.0, 1000.0, 0.0, end),
            Err(Error::NoSolution { field: "pmt", .. })
        ));
        assert!(matches!(
            rate(10.0, 0.0, 3500.0, 10000.0, end, None),
            Err(Error::NoSolution { field: "rate", .. })
        ));
        assert!(matches!(
            irr(&[-100.0, -50.0], None),
            Err(Error::NoSolution {
                field: "values",
                ..
            })
        ));
        assert!(matches!(
            irr(&[-100.0], None),
            Err(Error::InvalidArgument {
                field: "values",
                ..
            })
        ));
        assert!(matches!(
            npv(0.1, &[]),
            Err(Error::InvalidArgument {
                field: "values",
                ..
            })
        ));
        assert!(matches!(
            mirr(&[1.0, 2.0], 0.1, 0.1),
            Err(Error::NoSolution {
                field: "values",
                ..
            })
        ));
        // Beyond f64's range: an overflow, not an infinity.
        assert!(matches!(
            fv(10.0, 1000.0, -1.0, 1.0, end),
            Err(Error::Overflow { field: "fv", .. })
        ));
    }

    #[test]
    fn no_cancellation_at_tiny_rates_and_no_overflow_over_long_terms() {
        // (1 + 1e-12)^60 - 1 is 6e-11: computed from ln_1p and exp_m1 it keeps its digits.
        let p = pmt(1e-12, 60.0, 1000.0, 0.0, When::End).unwrap();
        let zero = pmt(0.0, 60.0, 1000.0, 0.0, When::End).unwrap();
        assert!(close(p, zero * (1.0 + 1e-12 * 30.5), 1e-14), "{p}");
        // (1.5)^5000 overflows f64, but the payment is the interest on the loan.
        assert!(close(
            pmt(0.5, 5000.0, 1000.0, 0.0, When::End).unwrap(),
            -500.0,
            1e-12
        ));
        assert_eq!(
            ipmt(0.5, 1.0, 5000.0, 1000.0, 0.0, When::End).unwrap(),
            -500.0
        );
    }

    #[test]
    fn dated_flows() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let flows = [(d(2008, 1, 1), -100.0), (d(2007, 1, 1), 110.0)];
        assert!(matches!(
            xnpv(0.1, &flows, DayCount::Act365Fixed),
            Err(Error::InvalidArgument { field: "dates", .. })
        ));
        let one = [(d(2008, 1, 1), -100.0)];
        assert!(matches!(
            xirr(&one, DayCount::Act365Fixed, None),
            Err(Error::InvalidArgument {
                field: "values",
                ..
            })
        ));
        let flows = [(d(2008, 1, 1), -100.0), (d(2009, 1, 1), 110.0)];
        let r = xirr(&flows, DayCount::ActActIsda, None).unwrap();
        assert!(close(r, 0.1, 1e-12), "{r}");
    }
}
