//! Annual interest rates: a validated Decimal newtype with periodic and nominal/effective conversion.
//!
//! A [`Rate`] is annual and nominal unless a function says otherwise, stored as a fraction (0.05 is 5%).
//! Conversions between a nominal rate compounded m times a year and the effective annual rate (APY) use
//! APY = (1 + r/m)^m - 1, and for continuous compounding APY = e^r - 1 (the US Truth in Savings Act,
//! 12 CFR 1030 Appendix A, defines APY with the same compounding identity).

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, MathematicalOps};
use serde::{Deserialize, Serialize};

use crate::calendar::Frequency;
use crate::error::{Error, Result};

/// How often interest compounds within a year.
///
/// ```
/// use collections_core::{Compounding, Frequency};
///
/// assert_eq!(Compounding::from(Frequency::Monthly), Compounding::PeriodsPerYear(12));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Compounding {
    /// A whole number of compounding periods per year (12 monthly, 365 daily, 4 quarterly).
    PeriodsPerYear(u32),
    /// Continuous compounding.
    Continuous,
}

impl From<Frequency> for Compounding {
    fn from(f: Frequency) -> Self {
        Compounding::PeriodsPerYear(f.periods_per_year())
    }
}

/// An annual interest rate, as a fraction greater than -1 (-100%).
///
/// ```
/// use collections_core::{Frequency, Rate};
/// use rust_decimal::Decimal;
/// use std::str::FromStr;
///
/// let apr = Rate::from_percent(Decimal::from(12)).unwrap();
/// assert_eq!(apr.as_fraction(), Decimal::from_str("0.12").unwrap());
/// assert_eq!(apr.periodic(Frequency::Monthly), Decimal::from_str("0.01").unwrap());
/// assert!(Rate::from_fraction(Decimal::from(-1)).is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Rate(Decimal);

impl Rate {
    /// Zero percent.
    pub const ZERO: Rate = Rate(Decimal::ZERO);

    /// A rate from a fraction (0.05 for 5%). Fails at or below -1.
    pub fn from_fraction(fraction: Decimal) -> Result<Rate> {
        if fraction <= Decimal::NEGATIVE_ONE {
            return Err(Error::InvalidRate {
                field: "rate",
                value: fraction.to_string(),
            });
        }
        Ok(Rate(fraction))
    }

    /// A rate from a percentage (5 for 5%). Fails at or below -100.
    pub fn from_percent(percent: Decimal) -> Result<Rate> {
        let fraction = percent
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or_else(|| Error::overflow("rate", percent))?;
        Rate::from_fraction(fraction).map_err(|_| Error::InvalidRate {
            field: "rate",
            value: format!("{percent}%"),
        })
    }

    /// The rate as a fraction.
    pub fn as_fraction(&self) -> Decimal {
        self.0
    }

    /// The rate as a percentage.
    pub fn as_percent(&self) -> Decimal {
        // |fraction| is bounded below by -1 and a Decimal fraction times 100 can only overflow near
        // Decimal::MAX; saturate rather than panic in that absurd case.
        self.0
            .checked_mul(Decimal::ONE_HUNDRED)
            .unwrap_or(Decimal::MAX)
    }

    /// The rate per period of `frequency`: the annual rate divided by the periods in a year
    /// (12 monthly, 26 biweekly, 24 semi-monthly, 13 four-weekly, 52 weekly).
    pub fn periodic(&self, frequency: Frequency) -> Decimal {
        self.0 / Decimal::from(frequency.periods_per_year())
    }

    /// The effective annual rate (APY) of this nominal rate compounded as given.
    ///
    /// ```
    /// use collections_core::{Compounding, Rate};
    /// use rust_decimal::Decimal;
    ///
    /// let nominal = Rate::from_percent(Decimal::from(12)).unwrap();
    /// let apy = nominal.effective_annual(Compounding::PeriodsPerYear(12)).unwrap();
    /// // (1 + 0.01)^12 - 1 = 0.126825030131969720661201
    /// assert_eq!(apy.as_fraction().round_dp(12).to_string(), "0.126825030132");
    /// ```
    pub fn effective_annual(&self, compounding: Compounding) -> Result<Rate> {
        let overflow = || Error::overflow("rate", self.0);
        let growth = match compounding {
            Compounding::PeriodsPerYear(m) => {
                let m = periods(m)?;
                let per = self.0 / Decimal::from(m);
                Decimal::ONE
                    .checked_add(per)
                    .and_then(|g| g.checked_powu(u64::from(m)))
                    .ok_or_else(overflow)?
            }
            Compounding::Continuous => self.0.checked_exp().ok_or_else(overflow)?,
        };
        Rate::from_fraction(growth - Decimal::ONE)
    }

    /// The nominal rate that, compounded as given, has the effective annual rate `effective`.
    ///
    /// ```
    /// use collections_core::{Compounding, Rate};
    /// use rust_decimal::Decimal;
    /// use std::str::FromStr;
    ///
    /// let apy = Rate::from_fraction(Decimal::from_str("0.126825030131969720661201").unwrap()).unwrap();
    /// let nominal = Rate::from_effective_annual(apy, Compounding::PeriodsPerYear(12)).unwrap();
    /// assert_eq!(nominal.as_fraction().round_dp(20).to_string(), "0.12000000000000000000");
    /// ```
    pub fn from_effective_annual(effective: Rate, compounding: Compounding) -> Result<Rate> {
        let overflow = || Error::overflow("rate", effective.0);
        let growth = Decimal::ONE.checked_add(effective.0).ok_or_else(overflow)?;
        let nominal = match compounding {
            Compounding::PeriodsPerYear(m) => {
                let m = periods(m)?;
                let root = nth_root(growth, m).ok_or_else(overflow)?;
                (root - Decimal::ONE)
                    .checked_mul(Decimal::from(m))
                    .ok_or_else(overflow)?
            }
            Compounding::Continuous => growth.checked_ln().ok_or_else(overflow)?,
        };
        // Name the caller's input: the nominal rate is derived, and may itself be at or below -100%.
        Rate::from_fraction(nominal).map_err(|_| Error::InvalidRate {
            field: "effective",
            value: format!(
                "{} (the nominal rate would be {})",
                effective.0,
                nominal.round_dp(10)
            ),
        })
    }
}

fn periods(m: u32) -> Result<u32> {
    if m == 0 {
        Err(Error::invalid(
            "compounding",
            m,
            "periods per year must be at least 1",
        ))
    } else {
        Ok(m)
    }
}

/// The positive m-th root of a positive `a`, by Newton's method in Decimal (28 significant digits).
fn nth_root(a: Decimal, m: u32) -> Option<Decimal> {
    if m == 1 {
        return Some(a);
    }
    let md = Decimal::from(m);
    let tolerance = Decimal::new(1, 27);
    // Start from exp(ln(a) / m), close for any size of a (a first-order guess overflows for huge a).
    let mut x = a
        .checked_ln()
        .and_then(|l| (l / md).checked_exp())
        .unwrap_or(Decimal::ONE);
    if x <= Decimal::ZERO {
        x = Decimal::ONE;
    }
    for _ in 0..200 {
        let power = x.checked_powu(u64::from(m - 1))?;
        let next = (md - Decimal::ONE)
            .checked_mul(x)?
            .checked_add(a.checked_div(power)?)?
            / md;
        if (next - x).abs() <= tolerance {
            return Some(next);
        }
        x = next;
    }
    Some(x)
}

impl TryFrom<Decimal> for Rate {
    type Error = Error;
    fn try_from(fraction: Decimal) -> Result<Rate> {
        Rate::from_fraction(fraction)
    }
}

impl From<Rate> for Decimal {
    fn from(r: Rate) -> Decimal {
        r.0
    }
}

impl fmt::Debug for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rate({})", self.0)
    }
}

impl fmt::Display for Rate {
    /// The percentage with a `%` sign: `5.25%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.as_percent().normalize())
    }
}

impl FromStr for Rate {
    type Err = Error;

    /// `"5.25%"` is a percentage; `"0.0525"` is a fraction.
    ///
    /// ```
    /// use collections_core::Rate;
    ///
    /// assert_eq!("5.25%".parse::<Rate>().unwrap(), "0.0525".parse::<Rate>().unwrap());
    /// ```
    fn from_str(s: &str) -> Result<Rate> {
        let t = s.trim();
        match t.strip_suffix('%') {
            Some(p) => Rate::from_percent(crate::parse::decimal("rate", p.trim())?),
            None => Rate::from_fraction(crate::parse::decimal("rate", t)?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_else(|_| panic!("bad decimal {s}"))
    }

    #[test]
    fn validation_names_field() {
        let err = Rate::from_percent(d("-100")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "rate: rate must be greater than -100% (got -100%)"
        );
        assert!(Rate::from_percent(d("-99.99")).is_ok());
    }

    #[test]
    fn effective_round_trip_quarterly_daily_continuous() {
        let r = Rate::from_percent(d("8")).unwrap();
        // (1.02)^4 - 1 = 0.08243216
        assert_eq!(
            r.effective_annual(Compounding::PeriodsPerYear(4))
                .unwrap()
                .as_fraction(),
            d("0.08243216")
        );
        for c in [
            Compounding::PeriodsPerYear(365),
            Compounding::Continuous,
            Compounding::PeriodsPerYear(1),
        ] {
            let apy = r.effective_annual(c).unwrap();
            let back = Rate::from_effective_annual(apy, c).unwrap();
            assert!(
                (back.as_fraction() - d("0.08")).abs() < d("1e-15"),
                "{c:?}: {back:?}"
            );
        }
        // e^0.08 - 1 = 0.0832870676749585...
        let cont = r.effective_annual(Compounding::Continuous).unwrap();
        assert_eq!(cont.as_fraction().round_dp(12), d("0.083287067675"));
        assert!(r.effective_annual(Compounding::PeriodsPerYear(0)).is_err());
    }

    #[test]
    fn periodic_rates() {
        let r = Rate::from_percent(d("26")).unwrap();
        assert_eq!(r.periodic(Frequency::Biweekly), d("0.01"));
        assert_eq!(r.periodic(Frequency::Annual), d("0.26"));
    }
}
