//! Money: an exact decimal amount in a currency, with checked arithmetic and named rounding.
//!
//! Amounts are `rust_decimal::Decimal` (96-bit mantissa, up to 28 decimal places), never floats. A `Money`
//! may hold more decimal places than its currency's minor unit (an interest accrual before rounding);
//! [`Money::round`] brings it to minor units with a named [`RoundingMode`]. Splitting a total by weights
//! uses the largest-remainder method, so the rounded parts add up to the total exactly.

mod currency;
mod iso4217;
mod rounding;

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use currency::{Currency, MAX_MINOR_UNITS};
pub use rounding::{round_decimal, round_to_multiple, RoundingMode, MAX_DECIMAL_PLACES};
pub(crate) use rounding::{round_ratio, round_ratio_i64};

use crate::error::{Error, Result};

/// An amount of money in one currency.
///
/// ```
/// use collections_core::{Currency, Money, RoundingMode};
/// use rust_decimal::Decimal;
/// use std::str::FromStr;
///
/// let a = Money::new(Decimal::from_str("10.005").unwrap(), Currency::USD);
/// let b = Money::new(Decimal::from_str("2.50").unwrap(), Currency::USD);
/// let sum = a.checked_add(&b).unwrap().round(RoundingMode::HalfUp);
/// assert_eq!(sum.to_string(), "12.51 USD");
/// let yen = Money::new(Decimal::ONE, Currency::JPY);
/// assert!(a.checked_add(&yen).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    /// An amount in a currency. Any decimal is accepted; rounding happens only when asked for.
    pub fn new(amount: Decimal, currency: Currency) -> Money {
        Money { amount, currency }
    }

    /// Zero in the given currency.
    pub fn zero(currency: Currency) -> Money {
        Money {
            amount: Decimal::ZERO,
            currency,
        }
    }

    /// An amount from a whole number of minor units (cents for USD, yen for JPY, fils for KWD).
    ///
    /// ```
    /// use collections_core::{Currency, Money};
    ///
    /// let kwd = Currency::from_code("KWD").unwrap();
    /// assert_eq!(Money::from_minor_units(12345, kwd).to_string(), "12.345 KWD");
    /// ```
    pub fn from_minor_units(units: i64, currency: Currency) -> Money {
        Money {
            amount: Decimal::new(units, currency.minor_units()),
            currency,
        }
    }

    /// The amount.
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Whether the amount is zero.
    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }

    /// Whether the amount has no more decimal places than the currency's minor unit.
    pub fn is_rounded(&self) -> bool {
        self.amount.normalize().scale() <= self.currency.minor_units()
    }

    /// The amount as a whole number of minor units.
    ///
    /// Fails when the amount has more decimal places than the minor unit (round it first) or does not fit
    /// in 64 bits.
    ///
    /// ```
    /// use collections_core::{Currency, Money};
    /// use rust_decimal::Decimal;
    ///
    /// assert_eq!(Money::new(Decimal::new(-1999, 2), Currency::USD).to_minor_units().unwrap(), -1999);
    /// assert!(Money::new(Decimal::new(1999, 3), Currency::USD).to_minor_units().is_err());
    /// ```
    pub fn to_minor_units(&self) -> Result<i64> {
        to_minor_units(self.amount, self.currency.minor_units()).map_err(|e| match e {
            Error::InvalidArgument { value, .. } => Error::InvalidArgument {
                field: "amount",
                value,
                reason: format!(
                    "has more decimal places than the {} minor units of {}; round it first",
                    self.currency.minor_units(),
                    self.currency
                ),
            },
            other => other.with_field("amount"),
        })
    }

    /// |amount| × 10^minor_units, an integer when the amount is rounded.
    fn units_abs(&self) -> Option<Decimal> {
        let mut scaled = self.amount.abs();
        scaled.set_sign_positive(true);
        let factor = Decimal::from_i128_with_scale(10_i128.pow(self.currency.minor_units()), 0);
        scaled.checked_mul(factor).map(|d| d.normalize())
    }

    fn same_currency(&self, other: &Money) -> Result<()> {
        if self.currency == other.currency {
            Ok(())
        } else {
            // Codes alone, unless the codes are equal (a user-defined currency with other minor units).
            let show = |c: Currency| {
                if self.currency.code() == other.currency.code() {
                    format!("{} with {} minor units", c.code(), c.minor_units())
                } else {
                    c.code().to_string()
                }
            };
            Err(Error::CurrencyMismatch {
                field: "currency",
                left: show(self.currency),
                right: show(other.currency),
            })
        }
    }

    /// `self + other`; fails on different currencies or overflow.
    pub fn checked_add(&self, other: &Money) -> Result<Money> {
        self.same_currency(other)?;
        self.amount
            .checked_add(other.amount)
            .map(|amount| Money {
                amount,
                currency: self.currency,
            })
            .ok_or_else(|| Error::overflow("amount", format!("{} + {}", self.amount, other.amount)))
    }

    /// `self - other`; fails on different currencies or overflow.
    pub fn checked_sub(&self, other: &Money) -> Result<Money> {
        self.same_currency(other)?;
        self.amount
            .checked_sub(other.amount)
            .map(|amount| Money {
                amount,
                currency: self.currency,
            })
            .ok_or_else(|| Error::overflow("amount", format!("{} - {}", self.amount, other.amount)))
    }

    /// `self × factor`, unrounded; fails on overflow.
    ///
    /// ```
    /// use collections_core::{Currency, Money, RoundingMode};
    /// use rust_decimal::Decimal;
    ///
    /// let interest = Money::new(Decimal::new(100000, 2), Currency::USD)
    ///     .checked_mul(Decimal::new(5, 3))
    ///     .unwrap();
    /// assert_eq!(interest.round(RoundingMode::HalfUp).to_string(), "5.00 USD");
    /// ```
    pub fn checked_mul(&self, factor: Decimal) -> Result<Money> {
        self.amount
            .checked_mul(factor)
            .map(|amount| Money {
                amount,
                currency: self.currency,
            })
            .ok_or_else(|| Error::overflow("amount", format!("{} * {}", self.amount, factor)))
    }

    /// The amount with its sign flipped.
    pub fn negate(&self) -> Money {
        Money {
            amount: -self.amount,
            currency: self.currency,
        }
    }

    /// Rounds to the currency's minor units; the result always shows exactly that many decimal places.
    ///
    /// ```
    /// use collections_core::{Currency, Money, RoundingMode};
    /// use rust_decimal::Decimal;
    ///
    /// let m = Money::new(Decimal::new(2345, 3), Currency::EUR); // 2.345
    /// assert_eq!(m.round(RoundingMode::HalfUp).amount().to_string(), "2.35");
    /// assert_eq!(m.round(RoundingMode::HalfEven).amount().to_string(), "2.34");
    /// assert_eq!(Money::new(Decimal::from(7), Currency::EUR).round(RoundingMode::Down).amount().to_string(), "7.00");
    /// ```
    pub fn round(&self, mode: RoundingMode) -> Money {
        let units = self.currency.minor_units();
        // minor units are at most 18, below Decimal's maximum scale, so rounding cannot fail.
        let mut amount = round_decimal(self.amount, units, mode).unwrap_or(self.amount);
        if amount.scale() < units {
            amount.rescale(units);
        }
        Money {
            amount,
            currency: self.currency,
        }
    }

    /// Rounds to an integer multiple of `multiple` (installments in multiples of 5, or of 1 unit).
    ///
    /// ```
    /// use collections_core::{Currency, Money, RoundingMode};
    /// use rust_decimal::Decimal;
    ///
    /// let m = Money::new(Decimal::new(30415, 2), Currency::USD); // 304.15
    /// let up5 = m.round_to_multiple(Decimal::from(5), RoundingMode::Up).unwrap();
    /// assert_eq!(up5.to_string(), "305.00 USD");
    /// ```
    pub fn round_to_multiple(&self, multiple: Decimal, mode: RoundingMode) -> Result<Money> {
        let mut amount = round_to_multiple(self.amount, multiple, mode)?;
        let units = self.currency.minor_units();
        if amount.scale() < units {
            amount.rescale(units);
        }
        Ok(Money {
            amount,
            currency: self.currency,
        })
    }

    /// Splits this amount into parts proportional to `weights`, each rounded to minor units, so that the
    /// parts add up to the total exactly (the largest-remainder method).
    ///
    /// Each part first gets its exact share rounded toward zero; the minor units left over go one each to
    /// the parts with the largest remainders, ties to the earlier part. A part with weight zero gets
    /// zero. The amount must already be rounded to minor units; weights must be non-negative with a
    /// positive sum.
    ///
    /// ```
    /// use collections_core::{Currency, Money};
    /// use rust_decimal::Decimal;
    ///
    /// let total = Money::new(Decimal::from(100), Currency::USD);
    /// let parts = total.split(&[Decimal::ONE, Decimal::ONE, Decimal::ONE]).unwrap();
    /// let shown: Vec<String> = parts.iter().map(|p| p.amount().to_string()).collect();
    /// assert_eq!(shown, ["33.34", "33.33", "33.33"]);
    /// assert!(total.split(&[Decimal::ZERO]).is_err());
    /// ```
    pub fn split(&self, weights: &[Decimal]) -> Result<Vec<Money>> {
        if !self.is_rounded() {
            return Err(Error::invalid(
                "total",
                self.amount,
                format!(
                    "must be rounded to the {} minor units of {}",
                    self.currency.minor_units(),
                    self.currency
                ),
            ));
        }
        if weights.is_empty() {
            return Err(Error::invalid("weights", "[]", "must not be empty"));
        }
        if let Some(w) = weights
            .iter()
            .find(|w| w.is_sign_negative() && !w.is_zero())
        {
            return Err(Error::invalid("weights", w, "must not be negative"));
        }
        let weight_sum = weights
            .iter()
            .try_fold(Decimal::ZERO, |acc, w| acc.checked_add(*w));
        let weight_sum = weight_sum.ok_or_else(|| Error::overflow("weights", "sum of weights"))?;
        if weight_sum.is_zero() {
            return Err(Error::invalid(
                "weights",
                format_list(weights),
                "must sum to more than zero",
            ));
        }
        let total_units = self
            .units_abs()
            .ok_or_else(|| Error::overflow("total", self.amount))?;
        let overflow = || {
            Error::overflow(
                "total",
                format!("{} split by {}", self.amount, format_list(weights)),
            )
        };

        // Exact share of part i, in minor units: total_units * w_i / weight_sum = floor_i + rem_i / weight_sum.
        let mut floors = Vec::with_capacity(weights.len());
        let mut remainders = Vec::with_capacity(weights.len());
        for w in weights {
            let numerator = total_units.checked_mul(*w).ok_or_else(overflow)?;
            let rem = numerator.checked_rem(weight_sum).ok_or_else(overflow)?;
            let floor = numerator
                .checked_sub(rem)
                .and_then(|n| n.checked_div(weight_sum))
                .ok_or_else(overflow)?
                .round();
            floors.push(floor);
            remainders.push(rem);
        }
        let assigned = floors
            .iter()
            .try_fold(Decimal::ZERO, |acc, f| acc.checked_add(*f))
            .ok_or_else(overflow)?;
        let mut leftover = total_units.checked_sub(assigned).ok_or_else(overflow)?;
        let mut order: Vec<usize> = (0..weights.len()).collect();
        // Largest remainder first; the sort is stable, so ties keep the earlier part first.
        order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]));
        for i in order {
            if leftover <= Decimal::ZERO {
                break;
            }
            if remainders[i].is_zero() {
                break;
            }
            floors[i] += Decimal::ONE;
            leftover -= Decimal::ONE;
        }
        // Near Decimal's 28 digits a product can lose digits; then the floors no longer add up, and the
        // split is refused rather than off by a minor unit.
        let assigned = floors
            .iter()
            .try_fold(Decimal::ZERO, |acc, f| acc.checked_add(*f))
            .ok_or_else(overflow)?;
        if assigned != total_units || !leftover.is_zero() {
            return Err(overflow());
        }
        let negative = self.amount.is_sign_negative() && !self.amount.is_zero();
        let scale = self.currency.minor_units();
        floors
            .into_iter()
            .map(|units| {
                let mut amount = units
                    .checked_div(Decimal::from_i128_with_scale(10_i128.pow(scale), 0))
                    .ok_or_else(overflow)?;
                if negative {
                    amount = -amount;
                }
                amount.rescale(scale);
                Ok(Money {
                    amount,
                    currency: self.currency,
                })
            })
            .collect()
    }
}

/// `value × 10^minor_units` as a whole number: `123.45` with 2 minor units is `12345`.
///
/// Fails when `value` has more decimal places than `minor_units` (round it first) or the result does not
/// fit 64 bits. [`Money::to_minor_units`] is this with the currency's minor units.
///
/// ```
/// use collections_core::money::to_minor_units;
/// use rust_decimal::Decimal;
///
/// assert_eq!(to_minor_units(Decimal::new(12345, 2), 2).unwrap(), 12345);
/// assert_eq!(to_minor_units(Decimal::new(12345, 3), 2).unwrap_err().field(), "value");
/// ```
pub fn to_minor_units(value: Decimal, minor_units: u32) -> Result<i64> {
    if minor_units > MAX_MINOR_UNITS {
        return Err(Error::invalid(
            "minor_units",
            minor_units,
            format!("must be at most {MAX_MINOR_UNITS}"),
        ));
    }
    if value.normalize().scale() > minor_units {
        return Err(Error::invalid(
            "value",
            value,
            format!("has more decimal places than {minor_units}; round it first"),
        ));
    }
    let factor = Decimal::from_i128_with_scale(10_i128.pow(minor_units), 0);
    let units = value
        .checked_mul(factor)
        .ok_or_else(|| Error::overflow("value", value))?
        .normalize();
    i64::try_from(units.mantissa()).map_err(|_| Error::overflow("value", value))
}

/// `units / 10^minor_units` exactly: `12345` with 2 minor units is `123.45`.
///
/// ```
/// use collections_core::money::from_minor_units;
///
/// assert_eq!(from_minor_units(-5, 0).unwrap().to_string(), "-5");
/// assert_eq!(from_minor_units(12345, 3).unwrap().to_string(), "12.345");
/// assert!(from_minor_units(1, 19).is_err());
/// ```
pub fn from_minor_units(units: i64, minor_units: u32) -> Result<Decimal> {
    if minor_units > MAX_MINOR_UNITS {
        return Err(Error::invalid(
            "minor_units",
            minor_units,
            format!("must be at most {MAX_MINOR_UNITS}"),
        ));
    }
    Ok(Decimal::new(units, minor_units))
}

fn format_list(values: &[Decimal]) -> String {
    let items: Vec<String> = values.iter().map(Decimal::to_string).collect();
    format!("[{}]", items.join(", "))
}

impl fmt::Display for Money {
    /// `12.34 USD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_else(|_| panic!("bad decimal {s}"))
    }

    fn usd(s: &str) -> Money {
        Money::new(d(s), Currency::USD)
    }

    fn amounts(parts: &[Money]) -> Vec<String> {
        parts.iter().map(|p| p.amount().to_string()).collect()
    }

    #[test]
    fn split_weighted_and_negative() {
        let parts = usd("10.00").split(&[d("1"), d("2"), d("3")]).unwrap();
        assert_eq!(amounts(&parts), ["1.67", "3.33", "5.00"]);
        let parts = usd("-100").split(&[d("1"), d("1"), d("1")]).unwrap();
        assert_eq!(amounts(&parts), ["-33.34", "-33.33", "-33.33"]);
        let parts = usd("0.05").split(&[d("0"), d("1"), d("1")]).unwrap();
        assert_eq!(amounts(&parts), ["0.00", "0.03", "0.02"]);
    }

    #[test]
    fn split_errors_name_the_field() {
        assert_eq!(usd("1.005").split(&[d("1")]).unwrap_err().field(), "total");
        assert_eq!(usd("1").split(&[]).unwrap_err().field(), "weights");
        assert_eq!(
            usd("1").split(&[d("1"), d("-1")]).unwrap_err().field(),
            "weights"
        );
        assert_eq!(
            usd("1").split(&[d("0"), d("0")]).unwrap_err().field(),
            "weights"
        );
    }

    #[test]
    fn split_near_decimal_precision_is_exact_or_refused() {
        let huge = Money::new(d("792281625142643375935439503.35"), Currency::USD);
        match huge.split(&[d("0.7"), d("0.3")]) {
            Ok(parts) => assert_eq!(parts[0].checked_add(&parts[1]).unwrap(), huge),
            Err(e) => assert!(matches!(e, Error::Overflow { .. }), "{e}"),
        }
    }

    #[test]
    fn minor_units_round_trip() {
        let jpy = Money::from_minor_units(-500, Currency::JPY);
        assert_eq!(jpy.to_string(), "-500 JPY");
        assert_eq!(jpy.to_minor_units().unwrap(), -500);
        assert_eq!(usd("12.30000").to_minor_units().unwrap(), 1230);
        assert!(Money::new(Decimal::MAX, Currency::USD)
            .to_minor_units()
            .is_err());
    }

    #[test]
    fn mismatch_and_overflow() {
        let err = usd("1")
            .checked_add(&Money::new(d("1"), Currency::EUR))
            .unwrap_err();
        assert_eq!(err.to_string(), "currency: currency mismatch: USD and EUR");
        let tenth_yen = Money::new(d("1"), Currency::new("JPY", 1).unwrap());
        let err = Money::new(d("1"), Currency::JPY)
            .checked_add(&tenth_yen)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "currency: currency mismatch: JPY with 0 minor units and JPY with 1 minor units"
        );
        assert!(Money::new(Decimal::MAX, Currency::USD)
            .checked_add(&usd("1"))
            .is_err());
        assert!(Money::new(Decimal::MAX, Currency::USD)
            .checked_mul(d("2"))
            .is_err());
    }

    #[test]
    fn serde_keeps_amount_as_string() {
        let json = serde_json::to_string(&usd("12.30")).unwrap();
        assert_eq!(
            json,
            r#"{"amount":"12.30","currency":{"code":"USD","minor_units":2}}"#
        );
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), usd("12.30"));
    }
}
