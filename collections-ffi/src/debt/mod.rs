//! Debts across the ABI: statutory late-payment interest and the ERP dunning formulas, dunning runs over
//! invoices, aging of accounts, and the status lifecycle. The rules are the core's `debt` module; this
//! converts values and maps errors.
//!
//! - `late_interest`: `coll_statute`, `coll_debtor_kind`, the `coll_statutory_tables` handle, a
//!   `coll_statutory_claim` computed into the `coll_late_interest` handle (summary and breakdown rows),
//!   `coll_erpnext_dunning`, `coll_finance_charge` and `coll_average_daily_balance_interest`.
//! - `dunning`: `coll_dunning_invoice`, `coll_dunning_policy` and its levels, the `coll_dunning_run`
//!   handle (lines, customer groups, totals).
//! - `aging`: `coll_aging_account`, `coll_aging_rules`, `coll_age_account` (and by bucket), charge-off
//!   and time-bar dates, `coll_age_portfolio`.
//! - `status`: `coll_debt_status`, the transition table, the `coll_status_history` handle.

// In the order the header presents them: late interest first (dunning uses its statutes and tables).
mod late_interest;

mod dunning;

mod aging;

mod status;

pub use aging::*;
pub use dunning::*;
pub use late_interest::*;
pub use status::*;

use std::ffi::c_char;

use collections_core::Error;

use crate::error::Failure;

/// Text kept inside a handle and lent to C: the bytes followed by a NUL, so the pointer may be used as
/// a C string, with the length (without the NUL) for text that itself holds NUL bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Text(Box<[u8]>);

impl Text {
    pub(crate) fn new(text: &str) -> Text {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        bytes.extend_from_slice(text.as_bytes());
        bytes.push(0);
        Text(bytes.into_boxed_slice())
    }

    pub(crate) fn ptr(&self) -> *const c_char {
        self.0.as_ptr().cast()
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len().saturating_sub(1)
    }
}

/// A name without case, `-`, `_` or spaces, as the core compares names (for the `_from_name` lookups
/// whose table is this ABI's own).
pub(crate) fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// `COLL_INVALID_ARGUMENT` naming `field` for an index past the end of `len` items.
pub(crate) fn bad_index(field: &'static str, index: usize, len: usize) -> Failure {
    let reason = if len == 0 {
        "there is nothing to index".to_string()
    } else {
        format!("must be an index from 0 to {}", len - 1)
    };
    Error::InvalidArgument {
        field,
        value: index.to_string(),
        reason,
    }
    .into()
}

/// `COLL_INVALID_ARGUMENT` naming `field` for data given to an option that does not take it.
pub(crate) fn not_taken(field: &'static str, value: impl ToString, owner: &str) -> Failure {
    Error::InvalidArgument {
        field,
        value: value.to_string(),
        reason: format!("{owner} does not take {field}"),
    }
    .into()
}

/// A `uint8_t` "has" flag and its value: `Some(value)` when the flag is 1.
pub(crate) fn optional<T>(
    flag: u8,
    flag_field: &'static str,
    value: impl FnOnce() -> crate::error::FfiResult<T>,
) -> crate::error::FfiResult<Option<T>> {
    if crate::ptr::flag(flag, flag_field)? {
        value().map(Some)
    } else {
        Ok(None)
    }
}
