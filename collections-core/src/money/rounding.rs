//! Rounding modes by name, and rounding to decimal places or to a multiple.
//!
//! Nothing in the library rounds silently: every function that rounds takes a [`RoundingMode`].
//! "Half-up" is commercial rounding, ties away from zero (-2.5 becomes -3), as in IEEE 754's
//! roundTiesToAway and Java's `RoundingMode.HALF_UP`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How to round a value that does not fit the wanted precision.
///
/// | name | 2.5 | -2.5 | 2.4 | -2.6 |
/// |---|---|---|---|---|
/// | `half-up` (ties away from zero) | 3 | -3 | 2 | -3 |
/// | `half-even` (banker's) | 2 | -2 | 2 | -3 |
/// | `half-down` (ties toward zero) | 2 | -2 | 2 | -3 |
/// | `up` (away from zero) | 3 | -3 | 3 | -3 |
/// | `down` (toward zero, truncate) | 2 | -2 | 2 | -2 |
/// | `ceiling` (toward +inf) | 3 | -2 | 3 | -2 |
/// | `floor` (toward -inf) | 2 | -3 | 2 | -3 |
///
/// ```
/// use collections_core::RoundingMode;
///
/// let mode: RoundingMode = "half-even".parse().unwrap();
/// assert_eq!(mode, RoundingMode::HalfEven);
/// assert_eq!(mode.to_string(), "half-even");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoundingMode {
    /// Round to nearest; ties away from zero. The library's default.
    #[default]
    HalfUp,
    /// Round to nearest; ties to the even neighbour (banker's rounding).
    HalfEven,
    /// Round to nearest; ties toward zero.
    HalfDown,
    /// Away from zero.
    Up,
    /// Toward zero (truncation).
    Down,
    /// Toward positive infinity.
    Ceiling,
    /// Toward negative infinity.
    Floor,
}

impl RoundingMode {
    /// Every mode, in declaration order.
    pub const ALL: [RoundingMode; 7] = [
        RoundingMode::HalfUp,
        RoundingMode::HalfEven,
        RoundingMode::HalfDown,
        RoundingMode::Up,
        RoundingMode::Down,
        RoundingMode::Ceiling,
        RoundingMode::Floor,
    ];

    /// The mode's name: `half-up`, `half-even`, `half-down`, `up`, `down`, `ceiling` or `floor`.
    pub fn name(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half-up",
            RoundingMode::HalfEven => "half-even",
            RoundingMode::HalfDown => "half-down",
            RoundingMode::Up => "up",
            RoundingMode::Down => "down",
            RoundingMode::Ceiling => "ceiling",
            RoundingMode::Floor => "floor",
        }
    }

    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::HalfDown => RoundingStrategy::MidpointTowardZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Ceiling => RoundingStrategy::ToPositiveInfinity,
            RoundingMode::Floor => RoundingStrategy::ToNegativeInfinity,
        }
    }
}

impl fmt::Display for RoundingMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for RoundingMode {
    type Err = Error;

    /// Parses a mode name; case, `_` and `-` are not significant (`HALF_UP`, `half-up`, `halfup`).
    fn from_str(s: &str) -> Result<Self> {
        let key: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect::<String>()
            .to_lowercase();
        RoundingMode::ALL
            .into_iter()
            .find(|m| m.name().replace('-', "") == key)
            .ok_or_else(|| {
                Error::invalid(
                    "rounding_mode",
                    s,
                    "expected one of half-up, half-even, half-down, up, down, ceiling, floor",
                )
            })
    }
}

/// The largest number of decimal places a value can be rounded to (Decimal's maximum scale).
pub const MAX_DECIMAL_PLACES: u32 = 28;

/// Rounds `value` to `places` decimal places with the given mode.
///
/// The result keeps exactly `places` decimal places when `value` had at least that many, so
/// `round_decimal(1.005, 2, HalfUp)` is `1.01`.
///
/// ```
/// use collections_core::{round_decimal, RoundingMode};
/// use rust_decimal::Decimal;
/// use std::str::FromStr;
///
/// let x = Decimal::from_str("2.345").unwrap();
/// assert_eq!(round_decimal(x, 2, RoundingMode::HalfUp).unwrap().to_string(), "2.35");
/// assert_eq!(round_decimal(x, 2, RoundingMode::HalfEven).unwrap().to_string(), "2.34");
/// assert!(round_decimal(x, 29, RoundingMode::HalfUp).is_err());
/// ```
pub fn round_decimal(value: Decimal, places: u32, mode: RoundingMode) -> Result<Decimal> {
    if places > MAX_DECIMAL_PLACES {
        return Err(Error::invalid("places", places, "must be at most 28"));
    }
    Ok(value.round_dp_with_strategy(places, mode.strategy()))
}

/// Rounds the exact ratio `numerator / denominator` to an integer with `mode`, in integer arithmetic
/// (no intermediate rounding, so a true tie is seen as a tie). `None` when `denominator` is zero or a
/// value overflows.
pub(crate) fn round_ratio(numerator: i128, denominator: i128, mode: RoundingMode) -> Option<i128> {
    if denominator == 0 {
        return None;
    }
    let (n, d) = if denominator < 0 {
        (numerator.checked_neg()?, denominator.checked_neg()?)
    } else {
        (numerator, denominator)
    };
    let (q, r) = (n / d, n % d);
    if r == 0 {
        return Some(q);
    }
    let negative = n < 0;
    // |r| < d <= i128::MAX, so twice |r| fits in u128.
    let half = (r.unsigned_abs() * 2).cmp(&d.unsigned_abs());
    Some(
        match (away_from_zero(mode, negative, half, q % 2 != 0), negative) {
            (false, _) => q,
            (true, false) => q + 1,
            (true, true) => q - 1,
        },
    )
}

/// [`round_ratio`] in 64-bit integers (the common case, several times faster).
pub(crate) fn round_ratio_i64(numerator: i64, denominator: i64, mode: RoundingMode) -> Option<i64> {
    if denominator == 0 {
        return None;
    }
    let (n, d) = if denominator < 0 {
        (numerator.checked_neg()?, denominator.checked_neg()?)
    } else {
        (numerator, denominator)
    };
    let (q, r) = (n / d, n % d);
    if r == 0 {
        return Some(q);
    }
    let negative = n < 0;
    let half = (u128::from(r.unsigned_abs()) * 2).cmp(&u128::from(d.unsigned_abs()));
    Some(
        match (away_from_zero(mode, negative, half, q % 2 != 0), negative) {
            (false, _) => q,
            (true, false) => q + 1,
            (true, true) => q - 1,
        },
    )
}

/// Whether an inexact quotient `q` moves one away from zero under `mode`: `negative` is the ratio's sign,
/// `half` compares the remainder with half the divisor, `odd` is whether `q` is odd.
#[inline]
fn away_from_zero(mode: RoundingMode, negative: bool, half: Ordering, odd: bool) -> bool {
    match mode {
        RoundingMode::Up => true,
        RoundingMode::Down => false,
        RoundingMode::Ceiling => !negative,
        RoundingMode::Floor => negative,
        RoundingMode::HalfUp => half != Ordering::Less,
        RoundingMode::HalfDown => half == Ordering::Greater,
        RoundingMode::HalfEven => half == Ordering::Greater || (half == Ordering::Equal && odd),
    }
}

/// Rounds `value` to an integer multiple of `multiple` (for example installments in multiples of 5).
///
/// The quotient `value / multiple` is rounded to an integer with `mode`, then multiplied back.
/// `multiple` must be positive.
///
/// ```
/// use collections_core::{round_to_multiple, RoundingMode};
/// use rust_decimal::Decimal;
///
/// let five = Decimal::from(5);
/// assert_eq!(round_to_multiple(Decimal::from(122), five, RoundingMode::Up).unwrap(), Decimal::from(125));
/// assert_eq!(round_to_multiple(Decimal::from(122), five, RoundingMode::HalfUp).unwrap(), Decimal::from(120));
/// assert!(round_to_multiple(Decimal::ONE, Decimal::ZERO, RoundingMode::Up).is_err());
/// ```
pub fn round_to_multiple(value: Decimal, multiple: Decimal, mode: RoundingMode) -> Result<Decimal> {
    if multiple <= Decimal::ZERO {
        return Err(Error::invalid(
            "multiple",
            multiple,
            "must be greater than zero",
        ));
    }
    let quotient = value
        .checked_div(multiple)
        .ok_or_else(|| Error::overflow("value", format!("{value} / {multiple}")))?;
    let units = quotient.round_dp_with_strategy(0, mode.strategy());
    units
        .checked_mul(multiple)
        .map(|v| v.normalize_to_scale(multiple.scale()))
        .ok_or_else(|| Error::overflow("value", format!("{units} * {multiple}")))
}

/// Extension used across the crate: a value with at least `scale` decimal places shown, trailing zeros
/// beyond it removed, so `120.0 * 5` prints as `120` when the multiple is `5` and `12.50` for `0.50`.
trait NormalizeToScale {
    fn normalize_to_scale(self, scale: u32) -> Self;
}

impl NormalizeToScale for Decimal {
    fn normalize_to_scale(self, scale: u32) -> Self {
        let mut v = self.normalize();
        if v.scale() < scale {
            v.rescale(scale);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_else(|_| panic!("bad decimal {s}"))
    }

    #[test]
    fn round_ratio_agrees_with_round_decimal_on_exact_ratios() {
        // Denominators whose ratios are exact decimals, so round_decimal sees the true value.
        for mode in RoundingMode::ALL {
            for n in -1000i128..=1000 {
                for d in [1i128, 2, 4, 5, 8, 10, 16, 20, 25, 40, -8] {
                    let exact =
                        Decimal::from_i128_with_scale(n, 0) / Decimal::from_i128_with_scale(d, 0);
                    let want = round_decimal(exact, 0, mode).unwrap();
                    assert_eq!(
                        round_ratio(n, d, mode).map(Decimal::from),
                        Some(want),
                        "{mode} {n}/{d}"
                    );
                    let narrow = round_ratio_i64(n as i64, d as i64, mode);
                    assert_eq!(narrow.map(Decimal::from), Some(want), "i64 {mode} {n}/{d}");
                }
            }
        }
        assert_eq!(round_ratio(1, 0, RoundingMode::HalfUp), None);
        assert_eq!(round_ratio(i128::MIN, -1, RoundingMode::HalfUp), None);
        // 1/3 is never a tie however the decimal is cut: 2/3 rounds up, 1/3 down.
        assert_eq!(round_ratio(2, 3, RoundingMode::HalfDown), Some(1));
        assert_eq!(round_ratio(-1, 3, RoundingMode::Floor), Some(-1));
    }

    #[test]
    fn table_in_docs_holds() {
        let expect = [
            (RoundingMode::HalfUp, ["3", "-3", "2", "-3"]),
            (RoundingMode::HalfEven, ["2", "-2", "2", "-3"]),
            (RoundingMode::HalfDown, ["2", "-2", "2", "-3"]),
            (RoundingMode::Up, ["3", "-3", "3", "-3"]),
            (RoundingMode::Down, ["2", "-2", "2", "-2"]),
            (RoundingMode::Ceiling, ["3", "-2", "3", "-2"]),
            (RoundingMode::Floor, ["2", "-3", "2", "-3"]),
        ];
        for (mode, outs) in expect {
            for (input, out) in ["2.5", "-2.5", "2.4", "-2.6"].iter().zip(outs) {
                assert_eq!(
                    round_decimal(d(input), 0, mode).unwrap(),
                    d(out),
                    "{mode} {input}"
                );
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for mode in RoundingMode::ALL {
            assert_eq!(mode.name().parse::<RoundingMode>().unwrap(), mode);
        }
        assert_eq!(
            "HALF_EVEN".parse::<RoundingMode>().unwrap(),
            RoundingMode::HalfEven
        );
        let err = "nearest".parse::<RoundingMode>().unwrap_err();
        assert_eq!(err.field(), "rounding_mode");
    }

    #[test]
    fn multiple_keeps_scale_of_multiple() {
        assert_eq!(
            round_to_multiple(d("12.3"), d("0.50"), RoundingMode::Up)
                .unwrap()
                .to_string(),
            "12.50"
        );
        assert_eq!(
            round_to_multiple(d("-7"), d("5"), RoundingMode::Floor).unwrap(),
            d("-10")
        );
    }
}
