//! Checked Decimal arithmetic for the solvers: every operation that could overflow or divide by zero
//! returns an [`Error::Overflow`] naming the computation, so no input can panic.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, MathematicalOps};

use crate::error::{Error, Result};

/// Checked operations that name the computation when they fail.
pub(crate) trait Checked: Sized {
    fn add_c(self, other: Decimal, what: &'static str) -> Result<Decimal>;
    fn sub_c(self, other: Decimal, what: &'static str) -> Result<Decimal>;
    fn mul_c(self, other: Decimal, what: &'static str) -> Result<Decimal>;
    fn div_c(self, other: Decimal, what: &'static str) -> Result<Decimal>;
}

impl Checked for Decimal {
    fn add_c(self, other: Decimal, what: &'static str) -> Result<Decimal> {
        self.checked_add(other)
            .ok_or_else(|| Error::overflow(what, format!("{self} + {other}")))
    }
    fn sub_c(self, other: Decimal, what: &'static str) -> Result<Decimal> {
        self.checked_sub(other)
            .ok_or_else(|| Error::overflow(what, format!("{self} - {other}")))
    }
    fn mul_c(self, other: Decimal, what: &'static str) -> Result<Decimal> {
        self.checked_mul(other)
            .ok_or_else(|| Error::overflow(what, format!("{self} * {other}")))
    }
    fn div_c(self, other: Decimal, what: &'static str) -> Result<Decimal> {
        self.checked_div(other)
            .ok_or_else(|| Error::overflow(what, format!("{self} / {other}")))
    }
}

/// A rate per period must be above -100%; `field` names the argument (`rate`, `guess`, `finance_rate`...).
pub(crate) fn check_rate(rate: Decimal, field: &'static str) -> Result<()> {
    if rate <= Decimal::NEGATIVE_ONE {
        return Err(Error::InvalidRate {
            field,
            value: rate.to_string(),
        });
    }
    Ok(())
}

/// `base ^ exponent`. Whole exponents use repeated squaring (exact to Decimal's 28 digits); others
/// use exp(exponent × ln(base)) and need a positive base.
pub(crate) fn pow(base: Decimal, exponent: Decimal, what: &'static str) -> Result<Decimal> {
    let overflow = || Error::overflow(what, format!("{base} ^ {exponent}"));
    if exponent.fract().is_zero() {
        let n = exponent.to_i64().ok_or_else(overflow)?;
        return base.checked_powi(n).ok_or_else(overflow);
    }
    if base <= Decimal::ZERO {
        return Err(overflow());
    }
    base.checked_ln()
        .and_then(|l| l.checked_mul(exponent))
        .and_then(|x| x.checked_exp())
        .ok_or_else(overflow)
}
