//! The root finder under `rate`, `irr` and `xirr`: Newton's method, then bisection over a bracketing
//! grid when Newton does not converge.
//!
//! Newton runs from the caller's guess with a numerical derivative and stops when a step is below
//! [`TOLERANCE`] × max(1, |r|), for at most [`MAX_NEWTON_STEPS`] steps. If it fails (no convergence, a
//! step out of the domain, an overflow), the function is evaluated on [`GRID`] (rates from -99.99% to
//! 10,000%) and the sign change nearest the guess is bisected to the same tolerance. No sign change on the
//! grid is an [`Error::NoSolution`]: never a NaN and never a point that is not a root.

use rust_decimal::Decimal;

use super::arith::Checked;
use crate::error::{Error, Result};

/// Relative step size at which Newton and bisection stop (about 18 significant digits of the rate).
pub const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 18);
/// The most Newton steps before falling back to bisection.
pub const MAX_NEWTON_STEPS: usize = 60;
/// The most bisection steps (each halves the bracket).
pub const MAX_BISECTION_STEPS: usize = 200;

/// Rates (as fractions) at which the function is sampled to find sign changes.
pub const GRID: [Decimal; 29] = [
    Decimal::from_parts(9999, 0, 0, true, 4), // -0.9999
    Decimal::from_parts(99, 0, 0, true, 2),
    Decimal::from_parts(9, 0, 0, true, 1),
    Decimal::from_parts(75, 0, 0, true, 2),
    Decimal::from_parts(5, 0, 0, true, 1),
    Decimal::from_parts(25, 0, 0, true, 2),
    Decimal::from_parts(1, 0, 0, true, 1),
    Decimal::from_parts(5, 0, 0, true, 2),
    Decimal::from_parts(1, 0, 0, true, 2),
    Decimal::from_parts(0, 0, 0, false, 0),
    Decimal::from_parts(1, 0, 0, false, 3),
    Decimal::from_parts(1, 0, 0, false, 2),
    Decimal::from_parts(25, 0, 0, false, 3),
    Decimal::from_parts(5, 0, 0, false, 2),
    Decimal::from_parts(75, 0, 0, false, 3),
    Decimal::from_parts(1, 0, 0, false, 1),
    Decimal::from_parts(15, 0, 0, false, 2),
    Decimal::from_parts(2, 0, 0, false, 1),
    Decimal::from_parts(3, 0, 0, false, 1),
    Decimal::from_parts(5, 0, 0, false, 1),
    Decimal::from_parts(75, 0, 0, false, 2),
    Decimal::from_parts(1, 0, 0, false, 0),
    Decimal::from_parts(2, 0, 0, false, 0),
    Decimal::from_parts(5, 0, 0, false, 0),
    Decimal::from_parts(10, 0, 0, false, 0),
    Decimal::from_parts(20, 0, 0, false, 0),
    Decimal::from_parts(50, 0, 0, false, 0),
    Decimal::from_parts(100, 0, 0, false, 0),
    Decimal::from_parts(1000, 0, 0, false, 0),
];

fn scale(r: Decimal) -> Decimal {
    r.abs().max(Decimal::ONE)
}

/// Newton's method from `guess`; `None` when it does not converge inside (-1, inf).
fn newton<F: Fn(Decimal) -> Result<Decimal>>(f: &F, guess: Decimal) -> Option<Decimal> {
    let mut r = guess;
    for _ in 0..MAX_NEWTON_STEPS {
        let fr = f(r).ok()?;
        if fr.is_zero() {
            return Some(r);
        }
        let h = scale(r) * Decimal::new(1, 9);
        let slope = f(r.checked_add(h)?).ok()?.checked_sub(fr)?.checked_div(h)?;
        if slope.is_zero() {
            return None;
        }
        let step = fr.checked_div(slope)?;
        let next = r.checked_sub(step)?;
        if next <= Decimal::NEGATIVE_ONE {
            return None;
        }
        if step.abs() <= TOLERANCE * scale(next) {
            return Some(next);
        }
        r = next;
    }
    None
}

/// Bisects a sign change of `f` between `lo` and `hi` (f(lo) and f(hi) of opposite signs).
fn bisect<F: Fn(Decimal) -> Result<Decimal>>(
    f: &F,
    mut lo: Decimal,
    mut hi: Decimal,
) -> Result<Decimal> {
    let mut f_lo = f(lo)?;
    for _ in 0..MAX_BISECTION_STEPS {
        let mid = (lo + hi) / Decimal::TWO;
        if hi - lo <= TOLERANCE * scale(mid) {
            return Ok(mid);
        }
        let f_mid = f(mid)?;
        if f_mid.is_zero() {
            return Ok(mid);
        }
        if f_mid.is_sign_negative() == f_lo.is_sign_negative() {
            lo = mid;
            f_lo = f_mid;
        } else {
            hi = mid;
        }
    }
    Ok((lo + hi) / Decimal::TWO)
}

/// Every bracket [a, b] of the grid on which `f` changes sign (or is zero at a), in grid order.
pub(crate) fn brackets<F: Fn(Decimal) -> Result<Decimal>>(f: &F) -> Vec<(Decimal, Decimal)> {
    let values: Vec<(Decimal, Decimal)> = GRID
        .iter()
        .filter_map(|r| f(*r).ok().map(|v| (*r, v)))
        .collect();
    values
        .windows(2)
        .filter(|w| {
            w[0].1.is_zero()
                || (w[0].1.is_sign_negative() != w[1].1.is_sign_negative() && !w[1].1.is_zero())
        })
        .map(|w| (w[0].0, w[1].0))
        .collect()
}

/// A root of `f` near `guess`: Newton first, then bisection of the grid bracket nearest the guess.
pub(crate) fn solve<F: Fn(Decimal) -> Result<Decimal>>(
    f: F,
    guess: Decimal,
    field: &'static str,
    inputs: impl Fn() -> String,
) -> Result<Decimal> {
    if let Some(r) = newton(&f, guess) {
        return Ok(r);
    }
    let found = brackets(&f);
    let nearest = found
        .iter()
        .min_by_key(|(a, b)| ((*a + *b) / Decimal::TWO - guess).abs())
        .copied()
        .ok_or_else(|| {
            Error::no_solution(
                field,
                inputs(),
                "the equation changes sign nowhere between -99.99% and 100000%",
            )
        })?;
    let (a, b) = nearest;
    if f(a)?.is_zero() {
        return Ok(a);
    }
    bisect(&f, a, b)
}

/// Newton's method with an exact slope from a float64 estimate of the root. The estimate is good to
/// about 1e-15, so the steps shrink quadratically: a step below 1e-12 × max(1, |r|) leaves an error of
/// the order of its square (1e-24), far inside [`TOLERANCE`], and the point
/// after it is returned. The slope may be exact or a forward difference (its relative error, about
/// 1e-9, then multiplies a 1e-15 error: 1e-24 again). `None` (no convergence in a few steps, a zero slope, an overflow) sends the
/// caller to the general solver.
pub(crate) fn polish(
    f: impl Fn(Decimal) -> Result<(Decimal, Decimal)>,
    start: Decimal,
) -> Option<Decimal> {
    let close = Decimal::new(1, 12);
    let mut r = start;
    for _ in 0..8 {
        let (value, slope) = f(r).ok()?;
        if value.is_zero() {
            return Some(r);
        }
        let step = value.checked_div(slope)?;
        let next = r.checked_sub(step)?;
        if next <= Decimal::NEGATIVE_ONE {
            return None;
        }
        if step.abs() <= close.checked_mul(next.abs().max(Decimal::ONE))? {
            return Some(next);
        }
        r = next;
    }
    None
}

/// `f(r)` and its forward-difference slope (step 1e-9 × max(1, |r|)), for [`polish`] when `f` has no
/// exact derivative at hand.
pub(crate) fn forward_slope<F: Fn(Decimal) -> Result<Decimal>>(
    f: &F,
    r: Decimal,
) -> Result<(Decimal, Decimal)> {
    let value = f(r)?;
    let h = scale(r).mul_c(Decimal::new(1, 9), "rate")?;
    let slope = f(r.add_c(h, "rate")?)?
        .sub_c(value, "rate")?
        .div_c(h, "rate")?;
    Ok((value, slope))
}

/// Every root of `f` found on the grid, each refined by bisection (used to detect several IRRs).
pub(crate) fn all_roots<F: Fn(Decimal) -> Result<Decimal>>(f: F) -> Result<Vec<Decimal>> {
    let mut roots = Vec::new();
    for (a, b) in brackets(&f) {
        let root = if f(a)?.is_zero() {
            a
        } else {
            bisect(&f, a, b)?
        };
        if roots
            .last()
            .is_none_or(|last: &Decimal| (root - *last).abs() > Decimal::new(1, 9))
        {
            roots.push(root);
        }
    }
    Ok(roots)
}

/// The number of sign changes in a sequence, zeros skipped (Descartes' rule bounds the IRRs by it).
pub(crate) fn sign_changes(values: impl IntoIterator<Item = Decimal>) -> usize {
    let mut last: Option<bool> = None;
    let mut changes = 0;
    for v in values.into_iter().filter(|v| !v.is_zero()) {
        let negative = v.is_sign_negative();
        if last.is_some_and(|l| l != negative) {
            changes += 1;
        }
        last = Some(negative);
    }
    changes
}

/// Checks that a division result is usable.
pub(crate) fn nonzero(value: Decimal, what: &'static str, why: &str) -> Result<Decimal> {
    if value.is_zero() {
        Err(Error::no_solution(what, value, why))
    } else {
        Ok(value)
    }
}
