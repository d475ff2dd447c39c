//! Debts and their ledger: aging and status, statutory late-payment interest and ERP dunning, and (being
//! built) the event-sourced account ledger with accrual, fees, payment posting and allocation.
//!
//! Each submodule is self-contained; amounts are [`Decimal`](rust_decimal::Decimal) in the account's
//! currency, rounded to its minor units by a named [`RoundingMode`](crate::RoundingMode).
