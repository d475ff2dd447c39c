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

use crate::money::{Currency, Money, RoundingMode};

/// Lower-cased with `-`, `_` and spaces dropped, so `balance-due`, `BALANCE_DUE` and `Balance Due` are
/// one name. (The schedule terms have the same rule; both could move down to `parse`.)
pub(crate) fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .collect::<String>()
        .to_lowercase()
}

/// `value` rounded to the currency's minor units, always showing that many places.
pub(crate) fn round_money(value: Decimal, currency: Currency, mode: RoundingMode) -> Decimal {
    Money::new(value, currency).round(mode).amount()
}
