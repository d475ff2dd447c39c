//! Debts and their ledger: aging and status, statutory late-payment interest and ERP dunning, and (being
//! built) the event-sourced account ledger with accrual, fees, payment posting and allocation.
//!
//! Each submodule is self-contained; amounts are [`Decimal`] in the account's
//! currency, rounded to its minor units by a named [`RoundingMode`](crate::RoundingMode).
//! Late interest under EU 2011/7/EU, BGB §288 and the UK 1998 Act, with ERPNext and Business Central
//! dunning formulas, is in [`late_interest`]; dunning runs over invoices by policy levels in [`dunning`].
//! Days past due, buckets, charge-off and time-bar dates and roll rates are in [`aging`]; the status
//! lifecycle (statuses, allowed transitions, dated history) in [`status`].

pub mod aging;
pub mod dunning;
pub mod late_interest;
pub mod ledger;
pub mod status;

use rust_decimal::Decimal;

use crate::error::{Error, Result};

/// Fails naming `field` when `value` is below zero (amounts, rates and fees the debt modules take).
pub(crate) fn non_negative(field: &'static str, value: Decimal) -> Result<()> {
    if value < Decimal::ZERO {
        return Err(Error::invalid(field, value, "must not be negative"));
    }
    Ok(())
}
