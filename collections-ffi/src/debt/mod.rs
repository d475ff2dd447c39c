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
//! - `aging_history`: an account's dated activity (`coll_account_activity`): its obligations and last
//!   payment on a date, month-end agings, the `coll_delinquency_history` handle; roll rates.
//! - `ledger`: the event-sourced account ledger: `coll_ledger_terms`, `coll_ledger_event`, the
//!   `coll_ledger` handle (posting, balances, totals, the journal of entries and their allocations).
//! - `reconcile`: `coll_payment_record`s reported against posted (`coll_reconcile`, the
//!   `coll_reconciliation` handle) and payments against expected installments (`coll_compare_to_expected`,
//!   the `coll_expected_comparison` handle).

// In the order the header presents them: late interest first (dunning uses its statutes and tables).
mod late_interest;

mod dunning;

mod aging;

mod aging_history;

mod status;

mod ledger;

mod reconcile;

pub use aging::*;
pub use aging_history::*;
pub use dunning::*;
pub use late_interest::*;
pub use ledger::*;
pub use reconcile::*;
pub use status::*;

use std::ffi::{c_char, CStr};

use collections_core::Error;

use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::ptr;

/// The index C receives where there is none: an entry no event made, a discrepancy with no reported
/// or no posted record. The header defines it as `COLL_NO_INDEX` (`SIZE_MAX`) in cbindgen.toml's
/// `after_includes`: cbindgen cannot write `usize::MAX` as a `size_t` constant.
pub(crate) const COLL_NO_INDEX: usize = usize::MAX;

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

/// Text from C that may be empty: a NULL pointer with length 0 is the empty string.
///
/// # Safety
/// `p` is NULL or points to `len` readable bytes.
pub(crate) unsafe fn text_or_empty<'a>(
    p: *const c_char,
    len: usize,
    field: &str,
) -> FfiResult<&'a str> {
    if p.is_null() && len == 0 {
        return Ok("");
    }
    // SAFETY: forwarded contract.
    unsafe { ptr::text(p, len, field) }
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

/// The same failure with `label` (`event #3`) after its field, as the core names an item of a list:
/// `amount: event #3: ...`.
pub(crate) fn at_item(failure: Failure, label: &str) -> Failure {
    match failure.message.split_once(": ") {
        Some((field, rest)) => Failure::new(failure.status, format!("{field}: {label}: {rest}")),
        None => failure,
    }
}

/// A C enumeration: `uint32_t` constants, each with its core value and the core's name for it.
///
/// The numbers run from 0 without a gap; the unit tests of each module check that every core value
/// has its constant and that the names are the core's.
pub(crate) struct CEnum<T: 'static> {
    /// The constants' prefix (`COLL_COMPONENT_`), for messages.
    pub(crate) prefix: &'static str,
    /// The field an unknown name or number is reported under (the core's, where it has one).
    pub(crate) field: &'static str,
    /// (constant, core value, name), in the order of the constants.
    pub(crate) constants: &'static [(u32, T, &'static CStr)],
}

impl<T: Copy + PartialEq + std::fmt::Debug + 'static> CEnum<T> {
    pub(crate) fn unknown(&self, value: u32, field: &'static str) -> Failure {
        let last = self.constants.len().saturating_sub(1);
        Failure::unknown_value(
            field,
            value,
            &format!("a {} constant, 0 to {last}", self.prefix),
        )
    }

    /// The core value of a constant from C; any other number names `field`.
    pub(crate) fn core(&self, value: u32, field: &'static str) -> FfiResult<T> {
        self.constants
            .iter()
            .find(|(c, _, _)| *c == value)
            .map(|(_, v, _)| *v)
            .ok_or_else(|| self.unknown(value, field))
    }

    /// The constant of a core value (one added to the core after this ABI has none: an error).
    pub(crate) fn constant(&self, value: T) -> FfiResult<u32> {
        self.constants
            .iter()
            .find(|(_, v, _)| *v == value)
            .map(|(c, _, _)| *c)
            .ok_or_else(|| {
                late_interest::no_constant(self.field, &format!("{value:?}"), self.prefix)
            })
    }

    /// The constant named `name` (case, `-`, `_` and spaces are not significant); an unknown name
    /// names the enumeration's field and lists the names.
    pub(crate) fn by_name(&self, name: &str) -> FfiResult<u32> {
        self.constants
            .iter()
            .find(|(_, _, n)| n.to_str().is_ok_and(|n| name_key(n) == name_key(name)))
            .map(|(c, _, _)| *c)
            .ok_or_else(|| {
                let names: Vec<&str> = self
                    .constants
                    .iter()
                    .filter_map(|(_, _, n)| n.to_str().ok())
                    .collect();
                Error::InvalidArgument {
                    field: self.field,
                    value: name.to_string(),
                    reason: format!("expected one of {}", names.join(", ")),
                }
                .into()
            })
    }

    /// The body of a `coll_<enum>_from_name` function.
    ///
    /// # Safety
    /// `name` is NULL or points to `len` readable bytes; `out` is NULL or writable.
    pub(crate) unsafe fn parse_name_call(
        &self,
        name: *const c_char,
        len: usize,
        out: *mut u32,
    ) -> coll_status {
        boundary(|| {
            // SAFETY: the caller's contract.
            let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
            out.write(self.by_name(name)?);
            Ok(())
        })
    }

    /// The body of a `coll_<enum>_name` function: the static name of a constant.
    ///
    /// # Safety
    /// `out` is NULL or writable.
    pub(crate) unsafe fn write_name_call(
        &self,
        value: u32,
        out: *mut *const c_char,
    ) -> coll_status {
        boundary(|| {
            // SAFETY: the caller's contract.
            let out = unsafe { ptr::out(out, "out")? };
            let name = self
                .constants
                .iter()
                .find(|(c, _, _)| *c == value)
                .map(|(_, _, n)| n.as_ptr())
                .ok_or_else(|| self.unknown(value, self.field))?;
            out.write(name);
            Ok(())
        })
    }

    /// Checks the table against the core's names (for the unit tests): numbers from 0 in order, and
    /// `name(value)` the name given.
    #[cfg(test)]
    pub(crate) fn check(&self, all: &[T], name: impl Fn(T) -> &'static str) {
        assert_eq!(self.constants.len(), all.len(), "{}", self.prefix);
        for (i, (c, v, n)) in self.constants.iter().enumerate() {
            assert_eq!(*c as usize, i, "{}", self.prefix);
            assert_eq!(n.to_str().unwrap(), name(*v), "{}", self.prefix);
        }
        for v in all {
            assert!(self.constant(*v).is_ok(), "{} lacks {v:?}", self.prefix);
        }
    }
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
