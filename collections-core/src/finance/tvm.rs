//! Time value of money with numpy-financial's names, argument order and sign convention: money paid
//! out is negative, money received positive; `when` says whether payments fall at the end or the start
//! of each period. Everything is exact Decimal arithmetic (28 significant digits).
//!
//! The remaining balance behind `ipmt` and `ppmt` is computed prospectively, as the value of the
//! payments still to come, so it never subtracts two huge numbers: numpy-financial's retrospective
//! formula loses every digit on `ppmt(0.1479, 297, 300, -270.51)` (its issue #35); here it is exact.

use std::fmt;
use std::str::FromStr;

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::arith::{check_rate, pow, Checked};
use super::solve::{forward_slope, nonzero, polish, solve};
use crate::error::{Error, Result};

/// When payments are made within each period.
///
/// ```
/// use collections_core::finance::When;
///
/// assert_eq!("begin".parse::<When>().unwrap(), When::Begin);
/// assert_eq!("0".parse::<When>().unwrap(), When::End);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// At the end of each period (an ordinary annuity; numpy-financial's `'end'` or 0). The default.
    #[default]
    End,
    /// At the start of each period (an annuity due; `'begin'` or 1).
    Begin,
}

impl When {
    fn factor(self) -> Decimal {
        match self {
            When::End => Decimal::ZERO,
            When::Begin => Decimal::ONE,
        }
    }

    /// `end` or `begin`.
    pub fn name(self) -> &'static str {
        match self {
            When::End => "end",
            When::Begin => "begin",
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for When {
    type Err = Error;

    /// `end`/`begin` (numpy-financial also accepts `finish`/`start`, and 0/1).
    fn from_str(s: &str) -> Result<When> {
        match s.trim().to_ascii_lowercase().as_str() {
            "end" | "finish" | "0" => Ok(When::End),
            "begin" | "start" | "1" => Ok(When::Begin),
            _ => Err(Error::invalid("when", s, "expected 'end' or 'begin'")),
        }
    }
}

/// 1 + x, checked (a rate near Decimal's maximum would overflow).
pub(crate) fn one_plus(x: Decimal) -> Result<Decimal> {
    Decimal::ONE
        .checked_add(x)
        .ok_or_else(|| Error::overflow("rate", x))
}

fn check_nper(nper: Decimal) -> Result<()> {
    if nper <= Decimal::ZERO {
        return Err(Error::invalid(
            "nper",
            nper,
            "the number of periods must be greater than zero",
        ));
    }
    Ok(())
}

/// (1 + r)^n and the annuity factor (1 + r·when)((1 + r)^n − 1)/r (n when r = 0).
fn growth_and_annuity(rate: Decimal, nper: Decimal, when: When) -> Result<(Decimal, Decimal)> {
    if rate.is_zero() {
        return Ok((Decimal::ONE, nper));
    }
    let growth = pow(one_plus(rate)?, nper, "rate")?;
    let annuity = (one_plus(rate * when.factor())?)
        .mul_c(growth.sub_c(Decimal::ONE, "rate")?, "rate")?
        .div_c(rate, "rate")?;
    Ok((growth, annuity))
}

/// The future value: what `pv` now and `nper` payments of `pmt` grow to at `rate` per period.
///
/// ```
/// use collections_core::finance::{fv, When};
/// use rust_decimal_macros::dec;
///
/// // numpy-financial: fv(0.075, 20, -2000, 0, 0) = 86609.362673...
/// let v = fv(dec!(0.075), dec!(20), dec!(-2000), dec!(0), When::End).unwrap();
/// assert_eq!(v.round_dp(6), dec!(86609.362673));
/// ```
pub fn fv(rate: Decimal, nper: Decimal, pmt: Decimal, pv: Decimal, when: When) -> Result<Decimal> {
    check_rate(rate, "rate")?;
    check_nper(nper)?;
    let (growth, annuity) = growth_and_annuity(rate, nper, when)?;
    let total = pv
        .mul_c(growth, "pv")?
        .add_c(pmt.mul_c(annuity, "pmt")?, "fv")?;
    Ok(-total)
}

/// The present value of `nper` payments of `pmt` and a final `fv`.
///
/// ```
/// use collections_core::finance::{pv, When};
/// use rust_decimal_macros::dec;
///
/// // numpy-financial: pv(0.07, 20, 12000) = -127128.1709461939
/// let v = pv(dec!(0.07), dec!(20), dec!(12000), dec!(0), When::End).unwrap();
/// assert_eq!(v.round_dp(10), dec!(-127128.1709461939));
/// ```
pub fn pv(rate: Decimal, nper: Decimal, pmt: Decimal, fv: Decimal, when: When) -> Result<Decimal> {
    check_rate(rate, "rate")?;
    check_nper(nper)?;
    let (growth, annuity) = growth_and_annuity(rate, nper, when)?;
    let total = fv.add_c(pmt.mul_c(annuity, "pmt")?, "pv")?;
    Ok(-total.div_c(growth, "pv")?)
}

/// The level payment per period that turns `pv` into `fv` over `nper` periods.
///
/// ```
/// use collections_core::finance::{pmt, When};
/// use rust_decimal_macros::dec;
///
/// // numpy-financial: pmt(0.08/12, 60, 15000) = -304.145914...
/// let p = pmt(dec!(0.08) / dec!(12), dec!(60), dec!(15000), dec!(0), When::End).unwrap();
/// assert_eq!(p.round_dp(6), dec!(-304.145914));
/// assert_eq!(pmt(dec!(0), dec!(60), dec!(15000), dec!(0), When::End).unwrap(), dec!(-250));
/// ```
pub fn pmt(rate: Decimal, nper: Decimal, pv: Decimal, fv: Decimal, when: When) -> Result<Decimal> {
    check_rate(rate, "rate")?;
    check_nper(nper)?;
    let (growth, annuity) = growth_and_annuity(rate, nper, when)?;
    let owed = fv.add_c(pv.mul_c(growth, "pv")?, "pmt")?;
    Ok(-owed.div_c(annuity, "pmt")?)
}

/// The number of periods for `pv` to reach `fv` paying `pmt` each period (fractional in general).
///
/// Fails with [`Error::NoSolution`] when the payment never gets there (it does not cover the interest:
/// the message gives the smallest payment that does).
///
/// ```
/// use collections_core::finance::{nper, When};
/// use rust_decimal_macros::dec;
///
/// // numpy-financial: nper(0.075, -2000, 0, 100000) = 21.5449442...
/// let n = nper(dec!(0.075), dec!(-2000), dec!(0), dec!(100000), When::End).unwrap();
/// assert_eq!(n.round_dp(7), dec!(21.5449442));
/// assert!(nper(dec!(0.01), dec!(-5), dec!(1000), dec!(0), When::End).is_err());
/// ```
pub fn nper(rate: Decimal, pmt: Decimal, pv: Decimal, fv: Decimal, when: When) -> Result<Decimal> {
    check_rate(rate, "rate")?;
    let inputs = || format!("rate={rate}, pmt={pmt}, pv={pv}, fv={fv}");
    if rate.is_zero() {
        let pmt = nonzero(
            pmt,
            "pmt",
            "a zero payment at a zero rate never changes the balance",
        )?;
        let n = -(fv.add_c(pv, "nper")?.div_c(pmt, "nper")?);
        if n <= Decimal::ZERO {
            return Err(Error::no_solution(
                "pmt",
                inputs(),
                "the payment moves the balance away from fv",
            ));
        }
        return Ok(n);
    }
    let z = pmt
        .mul_c(one_plus(rate * when.factor())?, "nper")?
        .div_c(rate, "nper")?;
    let denominator = pv.add_c(z, "nper")?;
    let ratio = if denominator.is_zero() {
        Decimal::ZERO
    } else {
        -(fv.sub_c(z, "nper")?.div_c(denominator, "nper")?)
    };
    if ratio <= Decimal::ZERO {
        // The payment only covers (or does not cover) the interest on pv: the balance never reaches fv.
        let minimum = -(pv
            .mul_c(rate, "nper")?
            .div_c(one_plus(rate * when.factor())?, "nper")?);
        return Err(Error::no_solution(
            "pmt",
            inputs(),
            format!("the payment never reaches fv; it must exceed the interest each period ({} per period)", minimum.round_dp(6)),
        ));
    }
    let numerator = rust_decimal::MathematicalOps::checked_ln(&ratio)
        .ok_or_else(|| Error::overflow("nper", ratio))?;
    let per_period = rust_decimal::MathematicalOps::checked_ln(&(one_plus(rate)?))
        .ok_or_else(|| Error::overflow("nper", rate))?;
    let n = numerator.div_c(per_period, "nper")?;
    if n <= Decimal::ZERO {
        return Err(Error::no_solution(
            "pmt",
            inputs(),
            "the balance already passed fv: no positive number of periods",
        ));
    }
    Ok(n)
}

fn check_per(per: Decimal, nper: Decimal) -> Result<()> {
    if per < Decimal::ONE || per > nper || !per.fract().is_zero() {
        return Err(Error::invalid(
            "per",
            per,
            format!("must be a whole period from 1 to nper ({nper})"),
        ));
    }
    Ok(())
}

/// The interest part of payment number `per` (1-based) of a level-payment loan.
///
/// ```
/// use collections_core::finance::{ipmt, When};
/// use rust_decimal_macros::dec;
///
/// // numpy-financial: ipmt(0.1/12, 1, 24, 2000) = -16.66666667
/// let i = ipmt(dec!(0.1) / dec!(12), dec!(1), dec!(24), dec!(2000), dec!(0), When::End).unwrap();
/// assert_eq!(i.round_dp(8), dec!(-16.66666667));
/// // numpy-financial issue #35: floats give 0.0 here; the true value is 16.9656...
/// let i = ipmt(dec!(0.1479), dec!(297), dec!(300), dec!(-270.51), dec!(0), When::End).unwrap();
/// assert_eq!(i.round_dp(4), dec!(16.9656));
/// ```
pub fn ipmt(
    rate: Decimal,
    per: Decimal,
    nper: Decimal,
    pv: Decimal,
    fv: Decimal,
    when: When,
) -> Result<Decimal> {
    let payment = pmt(rate, nper, pv, fv, when)?;
    check_per(per, nper)?;
    if rate.is_zero() || (when == When::Begin && per == Decimal::ONE) {
        return Ok(Decimal::ZERO);
    }
    // numpy-financial's balance after per - 1 payments, fv(rate, per - 1, pmt, pv, when), computed as the
    // value of what is still to come: fv·v^m + pmt·(1 + r·when)(1 − v^m)/r with m = nper − per + 1.
    let remaining = nper - per + Decimal::ONE;
    let discount = pow(one_plus(rate)?, -remaining, "rate")?;
    let balance = fv.mul_c(discount, "ipmt")?.add_c(
        payment
            .mul_c(one_plus(rate * when.factor())?, "ipmt")?
            .mul_c(Decimal::ONE - discount, "ipmt")?
            .div_c(rate, "ipmt")?,
        "ipmt",
    )?;
    let interest = balance.mul_c(rate, "ipmt")?;
    match when {
        When::End => Ok(interest),
        When::Begin => interest.div_c(one_plus(rate)?, "ipmt"),
    }
}

/// The principal part of payment number `per`: `pmt - ipmt`.
///
/// ```
/// use collections_core::finance::{ppmt, When};
/// use rust_decimal_macros::dec;
///
/// // numpy-financial: ppmt(0.1/12, 1, 60, 55000) = -710.254126
/// let p = ppmt(dec!(0.1) / dec!(12), dec!(1), dec!(60), dec!(55000), dec!(0), When::End).unwrap();
/// assert_eq!(p.round_dp(6), dec!(-710.254126));
/// // numpy-financial issue #35: floats give 40.008; the true value is 23.0428...
/// let p = ppmt(dec!(0.1479), dec!(297), dec!(300), dec!(-270.51), dec!(0), When::End).unwrap();
/// assert_eq!(p.round_dp(4), dec!(23.0428));
/// ```
pub fn ppmt(
    rate: Decimal,
    per: Decimal,
    nper: Decimal,
    pv: Decimal,
    fv: Decimal,
    when: When,
) -> Result<Decimal> {
    let payment = pmt(rate, nper, pv, fv, when)?;
    payment.sub_c(ipmt(rate, per, nper, pv, fv, when)?, "ppmt")
}

fn check_span(start: Decimal, end: Decimal, nper: Decimal) -> Result<()> {
    check_per(start, nper).map_err(|e| e.with_field("start_period"))?;
    check_per(end, nper).map_err(|e| e.with_field("end_period"))?;
    if end < start {
        return Err(Error::invalid(
            "end_period",
            end,
            format!("must not be before start_period ({start})"),
        ));
    }
    Ok(())
}

/// Cumulative interest paid from period `start_period` to `end_period` inclusive (Excel's CUMIPMT,
/// with numpy-financial's signs: negative for a loan received as a positive `pv`).
///
/// ```
/// use collections_core::finance::{cumipmt, When};
/// use rust_decimal_macros::dec;
///
/// // Excel's CUMIPMT example: 9% a year, 30 years monthly, 125000, second year.
/// let i = cumipmt(dec!(0.09) / dec!(12), dec!(360), dec!(125000), dec!(13), dec!(24), When::End).unwrap();
/// assert_eq!(i.round_dp(5), dec!(-11135.23213));
/// ```
pub fn cumipmt(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    start_period: Decimal,
    end_period: Decimal,
    when: When,
) -> Result<Decimal> {
    let payment = pmt(rate, nper, pv, Decimal::ZERO, when)?;
    check_span(start_period, end_period, nper)?;
    if rate.is_zero() {
        return Ok(Decimal::ZERO);
    }
    // In closed form, so a span of a billion periods costs what one does (a loop over ipmt would
    // hang). With fv = 0 the interest of payment k is pmt·(1 − v^m), m = nper − k + 1, v = 1/(1 + r),
    // so the sum is pmt·(count − S) with S = Σ v^m = v^a·(1 − v^count)·(1 + r)/r over
    // m = a ..= a + count − 1, a = nper − end_period + 1; the first payment of an annuity due carries no
    // interest, which removes pmt·(1 − v^nper) when the span starts there.
    let what = "cumipmt";
    let growth = one_plus(rate)?;
    let v = Decimal::ONE.div_c(growth, what)?;
    let count = end_period
        .sub_c(start_period, what)?
        .add_c(Decimal::ONE, what)?;
    let first = nper.sub_c(end_period, what)?.add_c(Decimal::ONE, what)?;
    let sum = pow(v, first, what)?
        .mul_c(Decimal::ONE.sub_c(pow(v, count, what)?, what)?, what)?
        .mul_c(growth, what)?
        .div_c(rate, what)?;
    let mut interest = payment.mul_c(count.sub_c(sum, what)?, what)?;
    if when == When::Begin && start_period == Decimal::ONE {
        let unpaid = Decimal::ONE.sub_c(pow(v, nper, what)?, what)?;
        interest = interest.sub_c(payment.mul_c(unpaid, what)?, what)?;
    }
    Ok(interest)
}

/// Cumulative principal repaid from period `start_period` to `end_period` inclusive (Excel's CUMPRINC).
///
/// ```
/// use collections_core::finance::{cumprinc, When};
/// use rust_decimal_macros::dec;
///
/// // Excel's CUMPRINC example: 9% a year, 30 years monthly, 125000, second year.
/// let p = cumprinc(dec!(0.09) / dec!(12), dec!(360), dec!(125000), dec!(13), dec!(24), When::End).unwrap();
/// assert_eq!(p.round_dp(7), dec!(-934.1071234));
/// ```
pub fn cumprinc(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    start_period: Decimal,
    end_period: Decimal,
    when: When,
) -> Result<Decimal> {
    let payment = pmt(rate, nper, pv, Decimal::ZERO, when)?;
    let interest = cumipmt(rate, nper, pv, start_period, end_period, when)?;
    let count = end_period - start_period + Decimal::ONE;
    payment
        .mul_c(count, "cumprinc")?
        .sub_c(interest, "cumprinc")
}

/// The rate per period at which `pv` and `nper` payments of `pmt` reach `fv`.
///
/// Solved by Newton's method from `guess` (0.1 when `None`), with a bisection fallback; see
/// [`super::solve`] for the tolerance and limits. No rate in (-99.99%, 100000%) is an
/// [`Error::NoSolution`].
///
/// ```
/// use collections_core::finance::{rate, When};
/// use rust_decimal_macros::dec;
///
/// // numpy-financial: rate(10, 0, -3500, 10000) = 0.1106908537
/// let r = rate(dec!(10), dec!(0), dec!(-3500), dec!(10000), When::End, None).unwrap();
/// assert_eq!(r.round_dp(10), dec!(0.1106908537));
/// assert!(rate(dec!(10), dec!(0), dec!(3500), dec!(10000), When::End, None).is_err());
/// ```
pub fn rate(
    nper: Decimal,
    pmt: Decimal,
    pv: Decimal,
    fv: Decimal,
    when: When,
    guess: Option<Decimal>,
) -> Result<Decimal> {
    check_nper(nper)?;
    let guess = guess.unwrap_or(Decimal::new(1, 1));
    check_rate(guess, "guess")?;
    // f(r) = pv(1 + r)^n + pmt(1 + r·when)((1 + r)^n − 1)/r + fv, which is zero at the rate.
    let f = |r: Decimal| -> Result<Decimal> {
        check_rate(r, "rate")?;
        let (growth, annuity) = growth_and_annuity(r, nper, when)?;
        pv.mul_c(growth, "rate")?
            .add_c(pmt.mul_c(annuity, "rate")?, "rate")?
            .add_c(fv, "rate")
    };
    // A float64 root, then exact Newton steps with a forward-difference slope.
    let estimate = [nper, pmt, pv, fv, guess]
        .iter()
        .map(ToPrimitive::to_f64)
        .collect::<Option<Vec<f64>>>()
        .and_then(|x| super::float::rate(x[0], x[1], x[2], x[3], when, Some(x[4])).ok())
        .and_then(Decimal::from_f64);
    if let Some(root) = estimate.and_then(|start| polish(|r| forward_slope(&f, r), start)) {
        return Ok(root);
    }
    solve(f, guess, "rate", || {
        format!("nper={nper}, pmt={pmt}, pv={pv}, fv={fv}, when={when}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cumipmt_closed_form_equals_the_sum_of_ipmt() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        for when in [When::End, When::Begin] {
            for (rate, nper, pv) in [
                ("0.0075", "360", "125000"),
                ("0.1", "24", "2000"),
                ("0.0001", "60", "-500"),
            ] {
                let (rate, nper, pv) = (d(rate), d(nper), d(pv));
                for (start, end) in [(1, 1), (1, 12), (13, 24), (2, 24), (24, 24)] {
                    let (start, end) = (Decimal::from(start), Decimal::from(end));
                    let mut by_period = Decimal::ZERO;
                    let mut per = start;
                    while per <= end {
                        by_period += ipmt(rate, per, nper, pv, Decimal::ZERO, when).unwrap();
                        per += Decimal::ONE;
                    }
                    let closed = cumipmt(rate, nper, pv, start, end, when).unwrap();
                    assert!(
                        (closed - by_period).abs() < d("1e-18"),
                        "{rate} {nper} {pv} {start}-{end} {when}: {closed} vs {by_period}"
                    );
                }
            }
        }
    }

    #[test]
    fn cumipmt_over_a_billion_periods_returns() {
        let n = Decimal::from(1_000_000_000u32);
        let i = cumipmt(
            Decimal::new(1, 9),
            n,
            Decimal::from(1000),
            Decimal::ONE,
            n,
            When::End,
        );
        assert!(i.is_ok(), "{i:?}");
        let p = cumprinc(
            Decimal::new(1, 9),
            n,
            Decimal::from(1000),
            Decimal::ONE,
            n,
            When::End,
        );
        assert_eq!(p.unwrap().round_dp(6), Decimal::from(-1000));
    }
}
