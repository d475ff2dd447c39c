//! The event-sourced account ledger across the ABI (the core's `debt::ledger`): an account's terms
//! (`coll_ledger_terms`), the events posted to it (`coll_ledger_event`), and the `coll_ledger` handle
//! that derives balances, totals, the status and the journal of entries by replaying them.
//!
//! - this file: the enumerations (components, timings, interest modes, allocation orders and scopes,
//!   overpayment rules, event and entry kinds), each with `_from_name` and `_name`;
//! - `terms`: `coll_ledger_terms` (rates, penalty and maximum rates, caps, freezes, late fees,
//!   allocation, overpayment, rounding) and `coll_ledger_terms_init`;
//! - `event`: `coll_ledger_event`, one tagged struct for every kind, and `coll_ledger_event_init`;
//! - `handle`: the `coll_ledger` handle: made, posted to, queried, cloned and freed.

mod event;
mod handle;
mod terms;

pub use event::*;
pub use handle::*;
pub use terms::*;

use std::ffi::c_char;

use collections_core::debt::ledger::{
    Component, ComponentOrder, EntryKind, InterestMode, OverpaymentRule, Scope, Timing,
};

use super::CEnum;
use crate::error::coll_status;

/// A balance component: one of the `COLL_COMPONENT_` constants. The constants are also the indices
/// of the per-component arrays of `coll_ledger_totals`.
#[allow(non_camel_case_types)]
pub type coll_component = u32;

/// Penalties: late fees (as Apache Fineract books them) and other penalty charges.
pub const COLL_COMPONENT_PENALTY: coll_component = 0;
/// Fees: servicing, dunning and other charges.
pub const COLL_COMPONENT_FEE: coll_component = 1;
/// Interest.
pub const COLL_COMPONENT_INTEREST: coll_component = 2;
/// Principal.
pub const COLL_COMPONENT_PRINCIPAL: coll_component = 3;

pub(crate) const COMPONENTS: CEnum<Component> = CEnum {
    prefix: "COLL_COMPONENT_",
    field: "component",
    constants: &[
        (COLL_COMPONENT_PENALTY, Component::Penalty, c"penalty"),
        (COLL_COMPONENT_FEE, Component::Fee, c"fee"),
        (COLL_COMPONENT_INTEREST, Component::Interest, c"interest"),
        (COLL_COMPONENT_PRINCIPAL, Component::Principal, c"principal"),
    ],
};

/// When a charge falls due relative to the day a payment is made: one of the `COLL_TIMING_`
/// constants (for advanced allocation orders).
#[allow(non_camel_case_types)]
pub type coll_timing = u32;

/// Due before the payment date.
pub const COLL_TIMING_PAST_DUE: coll_timing = 0;
/// Due on the payment date.
pub const COLL_TIMING_DUE: coll_timing = 1;
/// Due after it (including principal no obligation has made due yet).
pub const COLL_TIMING_NOT_YET_DUE: coll_timing = 2;

pub(crate) const TIMINGS: CEnum<Timing> = CEnum {
    prefix: "COLL_TIMING_",
    field: "timing",
    constants: &[
        (COLL_TIMING_PAST_DUE, Timing::PastDue, c"past_due"),
        (COLL_TIMING_DUE, Timing::Due, c"due"),
        (COLL_TIMING_NOT_YET_DUE, Timing::NotYetDue, c"not_yet_due"),
    ],
};

/// How interest accrues: one of the `COLL_INTEREST_MODE_` constants.
#[allow(non_camel_case_types)]
pub type coll_interest_mode = u32;

/// Simple daily interest on the outstanding principal only (US simple-interest loans). The default.
pub const COLL_INTEREST_MODE_SIMPLE: coll_interest_mode = 0;
/// Compounded at each obligation's due date: interest unpaid on a due date bears interest from then
/// on, until it is paid.
pub const COLL_INTEREST_MODE_COMPOUND_AT_DUE_DATES: coll_interest_mode = 1;

pub(crate) const INTEREST_MODES: CEnum<InterestMode> = CEnum {
    prefix: "COLL_INTEREST_MODE_",
    field: "interest_mode",
    constants: &[
        (COLL_INTEREST_MODE_SIMPLE, InterestMode::Simple, c"simple"),
        (
            COLL_INTEREST_MODE_COMPOUND_AT_DUE_DATES,
            InterestMode::CompoundAtDueDates,
            c"compound_at_due_dates",
        ),
    ],
};

/// A named order in which a payment pays the four components: one of the `COLL_ALLOCATION_ORDER_`
/// constants.
#[allow(non_camel_case_types)]
pub type coll_allocation_order = u32;

/// Fees, interest, principal, then penalties (penalties last, so a late fee never eats an
/// installment). The default.
pub const COLL_ALLOCATION_ORDER_FEES_INTEREST_PRINCIPAL: coll_allocation_order = 0;
/// Interest, principal, fees, then penalties.
pub const COLL_ALLOCATION_ORDER_INTEREST_PRINCIPAL_FEES: coll_allocation_order = 1;
/// Penalties, fees, interest, principal (Apache Fineract's "penalties, fees, interest, principal
/// order").
pub const COLL_ALLOCATION_ORDER_PENALTIES_FEES_INTEREST_PRINCIPAL: coll_allocation_order = 2;
/// Interest, principal, penalties, fees (Apache Fineract's "interest, principal, penalties, fees
/// order").
pub const COLL_ALLOCATION_ORDER_INTEREST_PRINCIPAL_PENALTIES_FEES: coll_allocation_order = 3;
/// Principal, interest, penalties, fees (Apache Fineract's "principal, interest, penalties, fees
/// order").
pub const COLL_ALLOCATION_ORDER_PRINCIPAL_INTEREST_PENALTIES_FEES: coll_allocation_order = 4;

pub(crate) const ALLOCATION_ORDERS: CEnum<ComponentOrder> = CEnum {
    prefix: "COLL_ALLOCATION_ORDER_",
    field: "allocation",
    constants: &[
        (
            COLL_ALLOCATION_ORDER_FEES_INTEREST_PRINCIPAL,
            ComponentOrder::FeesInterestPrincipal,
            c"fees-interest-principal",
        ),
        (
            COLL_ALLOCATION_ORDER_INTEREST_PRINCIPAL_FEES,
            ComponentOrder::InterestPrincipalFees,
            c"interest-principal-fees",
        ),
        (
            COLL_ALLOCATION_ORDER_PENALTIES_FEES_INTEREST_PRINCIPAL,
            ComponentOrder::PenaltiesFeesInterestPrincipal,
            c"penalties-fees-interest-principal",
        ),
        (
            COLL_ALLOCATION_ORDER_INTEREST_PRINCIPAL_PENALTIES_FEES,
            ComponentOrder::InterestPrincipalPenaltiesFees,
            c"interest-principal-penalties-fees",
        ),
        (
            COLL_ALLOCATION_ORDER_PRINCIPAL_INTEREST_PENALTIES_FEES,
            ComponentOrder::PrincipalInterestPenaltiesFees,
            c"principal-interest-penalties-fees",
        ),
    ],
};

/// Whether an allocation order runs within each obligation or across them: one of the
/// `COLL_ALLOCATION_SCOPE_` constants.
#[allow(non_camel_case_types)]
pub type coll_allocation_scope = u32;

/// Everything due on the oldest date, in component order, then the next date ("horizontal"). The
/// default.
pub const COLL_ALLOCATION_SCOPE_OLDEST_FIRST: coll_allocation_scope = 0;
/// The first component on every date, oldest first, then the next component ("vertical").
pub const COLL_ALLOCATION_SCOPE_COMPONENT_FIRST: coll_allocation_scope = 1;

pub(crate) const ALLOCATION_SCOPES: CEnum<Scope> = CEnum {
    prefix: "COLL_ALLOCATION_SCOPE_",
    field: "scope",
    constants: &[
        (
            COLL_ALLOCATION_SCOPE_OLDEST_FIRST,
            Scope::OldestFirst,
            c"oldest_first",
        ),
        (
            COLL_ALLOCATION_SCOPE_COMPONENT_FIRST,
            Scope::ComponentFirst,
            c"component_first",
        ),
    ],
};

/// What happens to money a payment has left after its allocation: one of the `COLL_OVERPAYMENT_`
/// constants.
#[allow(non_camel_case_types)]
pub type coll_overpayment_rule = u32;

/// Held as a credit balance, applied to charges as they fall due (and refundable). The default.
pub const COLL_OVERPAYMENT_HOLD_AS_CREDIT: coll_overpayment_rule = 0;
/// Prepays principal from the end (the term shortens); any rest is credit.
pub const COLL_OVERPAYMENT_REDUCE_TERM: coll_overpayment_rule = 1;
/// Prepays the principal of every not-yet-due obligation pro rata (each installment gets smaller);
/// any rest is credit.
pub const COLL_OVERPAYMENT_REDUCE_PAYMENT: coll_overpayment_rule = 2;

pub(crate) const OVERPAYMENT_RULES: CEnum<OverpaymentRule> = CEnum {
    prefix: "COLL_OVERPAYMENT_",
    field: "overpayment",
    constants: &[
        (
            COLL_OVERPAYMENT_HOLD_AS_CREDIT,
            OverpaymentRule::HoldAsCredit,
            c"hold_as_credit",
        ),
        (
            COLL_OVERPAYMENT_REDUCE_TERM,
            OverpaymentRule::ReduceTerm,
            c"reduce_term",
        ),
        (
            COLL_OVERPAYMENT_REDUCE_PAYMENT,
            OverpaymentRule::ReducePayment,
            c"reduce_payment",
        ),
    ],
};

/// What a replay derived at one step of the journal: one of the `COLL_LEDGER_ENTRY_` constants.
#[allow(non_camel_case_types)]
pub type coll_ledger_entry_kind = u32;

/// Principal fell due (an obligation event).
pub const COLL_LEDGER_ENTRY_OBLIGATION: coll_ledger_entry_kind = 0;
/// Interest posted.
pub const COLL_LEDGER_ENTRY_INTEREST: coll_ledger_entry_kind = 1;
/// A late fee assessed by the terms' rule.
pub const COLL_LEDGER_ENTRY_LATE_FEE: coll_ledger_entry_kind = 2;
/// A fee or penalty posted by an event.
pub const COLL_LEDGER_ENTRY_FEE: coll_ledger_entry_kind = 3;
/// A payment allocated.
pub const COLL_LEDGER_ENTRY_PAYMENT: coll_ledger_entry_kind = 4;
/// Credit balance applied to charges as they fell due.
pub const COLL_LEDGER_ENTRY_CREDIT_APPLIED: coll_ledger_entry_kind = 5;
/// A payment reversed (the payment's own entry is gone; this records the reversal).
pub const COLL_LEDGER_ENTRY_REVERSAL: coll_ledger_entry_kind = 6;
/// Credit refunded.
pub const COLL_LEDGER_ENTRY_REFUND: coll_ledger_entry_kind = 7;
/// A waiver.
pub const COLL_LEDGER_ENTRY_WAIVER: coll_ledger_entry_kind = 8;
/// An adjustment.
pub const COLL_LEDGER_ENTRY_ADJUSTMENT: coll_ledger_entry_kind = 9;
/// Due dates extended.
pub const COLL_LEDGER_ENTRY_EXTENSION: coll_ledger_entry_kind = 10;
/// A status change (including those a settlement, charge-off or write-off makes).
pub const COLL_LEDGER_ENTRY_STATUS: coll_ledger_entry_kind = 11;
/// What was still owed, forgiven by a settlement.
pub const COLL_LEDGER_ENTRY_SETTLEMENT: coll_ledger_entry_kind = 12;
/// A charge-off.
pub const COLL_LEDGER_ENTRY_CHARGE_OFF: coll_ledger_entry_kind = 13;
/// What was still owed, written off.
pub const COLL_LEDGER_ENTRY_WRITE_OFF: coll_ledger_entry_kind = 14;

pub(crate) const ENTRY_KINDS: CEnum<EntryKind> = CEnum {
    prefix: "COLL_LEDGER_ENTRY_",
    field: "entry_kind",
    constants: &[
        (
            COLL_LEDGER_ENTRY_OBLIGATION,
            EntryKind::Obligation,
            c"obligation",
        ),
        (COLL_LEDGER_ENTRY_INTEREST, EntryKind::Interest, c"interest"),
        (COLL_LEDGER_ENTRY_LATE_FEE, EntryKind::LateFee, c"late_fee"),
        (COLL_LEDGER_ENTRY_FEE, EntryKind::Fee, c"fee"),
        (COLL_LEDGER_ENTRY_PAYMENT, EntryKind::Payment, c"payment"),
        (
            COLL_LEDGER_ENTRY_CREDIT_APPLIED,
            EntryKind::CreditApplied,
            c"credit_applied",
        ),
        (COLL_LEDGER_ENTRY_REVERSAL, EntryKind::Reversal, c"reversal"),
        (COLL_LEDGER_ENTRY_REFUND, EntryKind::Refund, c"refund"),
        (COLL_LEDGER_ENTRY_WAIVER, EntryKind::Waiver, c"waiver"),
        (
            COLL_LEDGER_ENTRY_ADJUSTMENT,
            EntryKind::Adjustment,
            c"adjustment",
        ),
        (
            COLL_LEDGER_ENTRY_EXTENSION,
            EntryKind::Extension,
            c"extension",
        ),
        (COLL_LEDGER_ENTRY_STATUS, EntryKind::Status, c"status"),
        (
            COLL_LEDGER_ENTRY_SETTLEMENT,
            EntryKind::Settlement,
            c"settlement",
        ),
        (
            COLL_LEDGER_ENTRY_CHARGE_OFF,
            EntryKind::ChargeOff,
            c"charge_off",
        ),
        (
            COLL_LEDGER_ENTRY_WRITE_OFF,
            EntryKind::WriteOff,
            c"write_off",
        ),
    ],
};

/// The `COLL_COMPONENT_` constant named by `name`: `penalty`, `fee`, `interest` or `principal` (case,
/// `-`, `_` and spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming
/// `component`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_component`.
#[no_mangle]
pub unsafe extern "C" fn coll_component_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_component,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { COMPONENTS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_COMPONENT_` constant (`"interest"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `component`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_component_name(
    component: coll_component,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { COMPONENTS.write_name_call(component, out) }
}

/// The `COLL_TIMING_` constant named by `name`: `past_due`, `due` or `not_yet_due`. Unknown names give
/// `COLL_INVALID_ARGUMENT` naming `timing`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_timing`.
#[no_mangle]
pub unsafe extern "C" fn coll_timing_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_timing,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { TIMINGS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_TIMING_` constant (`"past_due"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `timing`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_timing_name(
    timing: coll_timing,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { TIMINGS.write_name_call(timing, out) }
}

/// The `COLL_INTEREST_MODE_` constant named by `name`: `simple` or `compound_at_due_dates`. Unknown
/// names give `COLL_INVALID_ARGUMENT` naming `interest_mode`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_interest_mode`.
#[no_mangle]
pub unsafe extern "C" fn coll_interest_mode_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_interest_mode,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { INTEREST_MODES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_INTEREST_MODE_` constant (`"simple"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `interest_mode`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_interest_mode_name(
    mode: coll_interest_mode,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { INTEREST_MODES.write_name_call(mode, out) }
}

/// The `COLL_ALLOCATION_ORDER_` constant named by `name`: `fees-interest-principal`,
/// `interest-principal-fees`, `penalties-fees-interest-principal`,
/// `interest-principal-penalties-fees` or `principal-interest-penalties-fees`. Unknown names give
/// `COLL_INVALID_ARGUMENT` naming `allocation`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_allocation_order`.
#[no_mangle]
pub unsafe extern "C" fn coll_allocation_order_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_allocation_order,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ALLOCATION_ORDERS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_ALLOCATION_ORDER_` constant (`"fees-interest-principal"`) in `*out`. An
/// unknown number gives `COLL_INVALID_ARGUMENT` naming `allocation`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_allocation_order_name(
    order: coll_allocation_order,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ALLOCATION_ORDERS.write_name_call(order, out) }
}

/// The `COLL_ALLOCATION_SCOPE_` constant named by `name`: `oldest_first` or `component_first`.
/// Unknown names give `COLL_INVALID_ARGUMENT` naming `scope`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_allocation_scope`.
#[no_mangle]
pub unsafe extern "C" fn coll_allocation_scope_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_allocation_scope,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ALLOCATION_SCOPES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_ALLOCATION_SCOPE_` constant (`"oldest_first"`) in `*out`. An unknown number
/// gives `COLL_INVALID_ARGUMENT` naming `scope`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_allocation_scope_name(
    scope: coll_allocation_scope,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ALLOCATION_SCOPES.write_name_call(scope, out) }
}

/// The `COLL_OVERPAYMENT_` constant named by `name`: `hold_as_credit`, `reduce_term` or
/// `reduce_payment`. Unknown names give `COLL_INVALID_ARGUMENT` naming `overpayment`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_overpayment_rule`.
#[no_mangle]
pub unsafe extern "C" fn coll_overpayment_rule_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_overpayment_rule,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { OVERPAYMENT_RULES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_OVERPAYMENT_` constant (`"reduce_term"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `overpayment`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_overpayment_rule_name(
    rule: coll_overpayment_rule,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { OVERPAYMENT_RULES.write_name_call(rule, out) }
}

/// The `COLL_LEDGER_ENTRY_` constant named by `name` (`obligation`, `interest`, `late_fee`, `fee`,
/// `payment`, `credit_applied`, `reversal`, `refund`, `waiver`, `adjustment`, `extension`, `status`,
/// `settlement`, `charge_off`, `write_off`). Unknown names give `COLL_INVALID_ARGUMENT` naming
/// `entry_kind`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_ledger_entry_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_entry_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_ledger_entry_kind,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ENTRY_KINDS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_LEDGER_ENTRY_` constant (`"late_fee"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `entry_kind`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_entry_kind_name(
    kind: coll_ledger_entry_kind,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ENTRY_KINDS.write_name_call(kind, out) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_the_cores() {
        COMPONENTS.check(&Component::ALL, Component::name);
        TIMINGS.check(&Timing::ALL, Timing::name);
        INTEREST_MODES.check(&InterestMode::ALL, InterestMode::name);
        ALLOCATION_ORDERS.check(&ComponentOrder::ALL, ComponentOrder::name);
        ALLOCATION_SCOPES.check(&Scope::ALL, Scope::name);
        OVERPAYMENT_RULES.check(&OverpaymentRule::ALL, OverpaymentRule::name);
        let entry_kinds: Vec<EntryKind> = ENTRY_KINDS.constants.iter().map(|c| c.1).collect();
        ENTRY_KINDS.check(&entry_kinds, EntryKind::name);
        // The per-component arrays of the totals are in the core's order.
        for (i, c) in Component::ALL.iter().enumerate() {
            assert_eq!(COMPONENTS.constant(*c).unwrap() as usize, i);
        }
    }
}
