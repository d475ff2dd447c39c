//! Late-payment interest: statutory interest under EU Directive 2011/7/EU, German BGB §288 and the UK
//! Late Payment of Commercial Debts (Interest) Act 1998, from reference-rate tables that carry their
//! verification marks; and the dunning interest and finance charges of ERPNext and Business Central.
//!
//! - [`rates`]: [`RateTable`] (step functions with effective dates), the built-in ECB, Basiszinssatz
//!   and Bank of England tables, [`Verification`] marks.
//! - [`statutory`]: [`StatutoryClaim`] → [`LateInterest`] (segments by rate, exact sum, one rounding,
//!   fixed compensation).
//! - [`erp`]: [`erpnext_dunning`], [`FinanceChargeTerms`] (balance due, average daily balance).
//!
//! ```
//! use chrono::NaiveDate;
//! use collections_core::debt::late_interest::*;
//! use collections_core::Currency;
//! use rust_decimal::Decimal;
//!
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! // GBP 5,000 due 2025-02-28, paid 2025-04-29: 60 days at 4.75 + 8 = 12.75% fixed.
//! let claim = StatutoryClaim::new(Statute::UkLatePayment1998, DebtorKind::Business,
//!     Decimal::from(5000), Currency::GBP, d(2025, 2, 28), d(2025, 4, 29))?;
//! let r = claim.compute(&StatutoryTables::default())?;
//! // 5000 × 12.75 × 60 / 36500 = 104.794520... -> 104.79
//! assert_eq!(r.interest.to_string(), "104.79");
//! assert_eq!(r.fixed_compensation.unwrap().to_string(), "70.00 GBP");
//! assert!(r.any_unverified); // the 2025 H1 reference rate is marked U
//! # Ok::<(), collections_core::Error>(())
//! ```

pub mod erp;
pub mod rates;
pub mod statutory;

pub use erp::{
    average_daily_balance_interest, erpnext_dunning, ErpNextDunning, FinanceCharge,
    FinanceChargeMethod, FinanceChargeTerms,
};
pub use rates::{RateRow, RateTable, Verification};
pub use statutory::{
    DebtorKind, InterestSegment, LateInterest, Statute, StatutoryClaim, StatutoryTables,
};

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::{round_ratio, Currency, Money, RoundingMode};

pub(crate) use crate::parse::name_key;

/// `value` rounded to the currency's minor units, always showing that many places.
pub(crate) fn round_money(value: Decimal, currency: Currency, mode: RoundingMode) -> Decimal {
    Money::new(value, currency).round(mode).amount()
}

/// `numerator / denominator` rounded once to the currency's minor units, exactly: in 128-bit integers
/// (numerator mantissa × 10^minor / (10^scale × denominator)) when that fits, so a true tie is seen as a
/// tie and no 28-digit quotient is formed; otherwise by Decimal division. `denominator` is positive.
pub(crate) fn round_fraction(
    numerator: Decimal,
    denominator: u64,
    currency: Currency,
    mode: RoundingMode,
) -> Result<Decimal> {
    let units = currency.minor_units();
    let scale = numerator.scale();
    let exact = if scale >= units {
        10_i128
            .checked_pow(scale - units)
            .and_then(|p| p.checked_mul(i128::from(denominator)))
            .and_then(|d| round_ratio(numerator.mantissa(), d, mode))
    } else {
        10_i128
            .checked_pow(units - scale)
            .and_then(|p| numerator.mantissa().checked_mul(p))
            .and_then(|n| round_ratio(n, i128::from(denominator), mode))
    };
    if let Some(minor) = exact.and_then(|m| i64::try_from(m).ok()) {
        return Ok(Decimal::new(minor, units));
    }
    let value = numerator
        .checked_div(Decimal::from(denominator))
        .ok_or_else(|| Error::overflow("amount", numerator))?;
    Ok(round_money(value, currency, mode))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_fraction_agrees_with_decimal_division() {
        let cases = [
            ("21517300.0000", 36_500),
            ("9145.00", 3_650),
            ("-12.345", 1),
            ("1", 3),
            ("79228162514264337593543950335", 7),
        ];
        for (n, d) in cases {
            let n: Decimal = n.parse().unwrap();
            for mode in RoundingMode::ALL {
                for currency in [Currency::EUR, Currency::JPY] {
                    let want = round_money(n / Decimal::from(d), currency, mode);
                    assert_eq!(
                        round_fraction(n, d, currency, mode).unwrap(),
                        want,
                        "{n}/{d} {mode}"
                    );
                }
            }
        }
        // Below Decimal's last digit the quotient would be 0; the integer path still sees it is positive.
        let tiny: Decimal = "0.0000000000000000000000000001".parse().unwrap();
        assert_eq!(
            round_fraction(tiny, 36_500, Currency::EUR, RoundingMode::Up)
                .unwrap()
                .to_string(),
            "0.01"
        );
        assert_eq!(
            round_fraction(tiny, 36_500, Currency::EUR, RoundingMode::Down)
                .unwrap()
                .to_string(),
            "0.00"
        );
        // A true half cent: 2.505 is a tie in both paths.
        let tie: Decimal = "9143250".parse().unwrap();
        assert_eq!(
            round_fraction(tie, 3_650_000, Currency::EUR, RoundingMode::HalfEven)
                .unwrap()
                .to_string(),
            "2.50"
        );
    }
}
