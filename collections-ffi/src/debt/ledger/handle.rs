//! The `coll_ledger` handle: an account and the events posted to it, with everything the core's
//! `Ledger` derives from them (balances and totals now or on a date, status, days past due, the
//! journal of entries and where each payment went, aging, obligations, the payments as reconciliation
//! records).

use std::collections::HashMap;
use std::ffi::c_char;

use collections_core::debt::ledger::{Account, Balances, Entry, EventKind, Ledger, Totals};

use super::event::{event_of, EventText};
use super::{
    coll_component, coll_ledger_entry_kind, coll_ledger_event, coll_ledger_terms, COMPONENTS,
    ENTRY_KINDS,
};
use crate::calendar::coll_date;
use crate::debt::aging::{
    aging_result, coll_aging_result, coll_aging_rules, coll_obligation, date_or_none, obligation_of,
};
use crate::debt::reconcile::coll_payment_record;
use crate::debt::status::{coll_debt_status, coll_status_history, constant as status_constant};
use crate::debt::{at_item, bad_index, text_or_empty, Text, COLL_NO_INDEX};
use crate::error::{boundary, coll_status, Failure, FfiResult, COLL_PANIC};
use crate::money::{coll_currency, coll_decimal};
use crate::ptr;

/// An account and the events posted to it. Opaque; made by `coll_ledger_new` (or `coll_ledger_clone`),
/// changed by `coll_ledger_post` and `coll_ledger_post_all`, freed by `coll_ledger_free`. Balances,
/// totals, status and entries are derived by replaying the events in date order, so an event posted
/// late (back-dated) re-derives everything after it; an event that cannot be applied is refused and
/// the ledger is left exactly as it was. No other thread may use a ledger while it is posted to.
///
/// Text the ledger lends (`coll_ledger_event_at`'s id and reason, `coll_ledger_get_account`'s id,
/// `coll_ledger_posted_payments`' references and account ids) stays valid until the ledger is freed:
/// posting more events never moves it.
#[allow(non_camel_case_types)]
#[derive(Debug, Clone)]
pub struct coll_ledger {
    inner: Ledger,
    /// Per event, in posting order: its text.
    text: Vec<EventText>,
    /// The account id.
    account_id: Text,
}

/// The account of a ledger (`coll_ledger_get_account`). `id` points into the ledger (valid until it is
/// freed, NUL-terminated, `id_len` bytes). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_ledger_account {
    /// The account id (owned by the ledger).
    pub id: *const c_char,
    /// Bytes in `id`.
    pub id_len: usize,
    /// The currency of every amount.
    pub currency: coll_currency,
    /// The day the principal was lent or placed.
    pub opened_on: coll_date,
    /// The original principal.
    pub principal: coll_decimal,
}

/// The balances of an account at a point of the replay. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_ledger_balances {
    /// Principal outstanding (due or not).
    pub principal: coll_decimal,
    /// Interest posted and unpaid.
    pub interest: coll_decimal,
    /// Fees unpaid.
    pub fees: coll_decimal,
    /// Penalties unpaid.
    pub penalties: coll_decimal,
    /// Money received and not applied to any charge (owed back to the debtor or held for later).
    pub credit: coll_decimal,
    /// principal + interest + fees + penalties (the credit is not netted).
    pub owed: coll_decimal,
}

/// The running totals of a ledger. The arrays are indexed by the `COLL_COMPONENT_` constants
/// (penalty, fee, interest, principal). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_ledger_totals {
    /// Charged (principal: the original principal plus positive adjustments).
    pub charged: [coll_decimal; 4],
    /// Paid by payments and credit.
    pub paid: [coll_decimal; 4],
    /// Forgiven: waivers, negative adjustments, settlements, write-offs.
    pub forgiven: [coll_decimal; 4],
    /// Payments received (reversed payments excluded).
    pub payments: coll_decimal,
    /// Credit refunded.
    pub refunds: coll_decimal,
    /// Interest, fees and penalties a cap cut off (never charged).
    pub capped: coll_decimal,
}

/// One step of the journal: what an event (or a rule of the terms) did, and the balances after it. A
/// plain value; its allocations are read with `coll_ledger_entry_allocation_at`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_ledger_entry {
    /// The effective date.
    pub date: coll_date,
    /// A `COLL_LEDGER_ENTRY_` constant.
    pub kind: coll_ledger_entry_kind,
    /// The index (`coll_ledger_event_at`) of the event that made it, or `COLL_NO_INDEX` for what the
    /// terms made (interest, late fees, credit applied).
    pub event: usize,
    /// The amount: charged, paid, refunded, waived or written off (signed for adjustments).
    pub amount: coll_decimal,
    /// For payments: the part held as credit.
    pub to_credit: coll_decimal,
    /// For charges: the part a cap cut off (not charged).
    pub capped: coll_decimal,
    /// The balances after this step.
    pub balances: coll_ledger_balances,
    /// For status entries the new status, otherwise the status after the step: a
    /// `COLL_DEBT_STATUS_` constant.
    pub status: coll_debt_status,
    /// How many allocations (where the amount went: payments, credit applied, waivers, settlements,
    /// write-offs); for a payment they add up, with `to_credit`, to the amount.
    pub n_allocations: usize,
}

/// Where part of an entry's amount went. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_ledger_allocation {
    /// A `COLL_COMPONENT_` constant.
    pub component: coll_component,
    /// 1 when the charge has a due date; 0 for principal no obligation has made due yet.
    pub has_due_date: u8,
    /// The due date of the charge it went to.
    pub due_date: coll_date,
    /// The amount.
    pub amount: coll_decimal,
}

fn balances_of(b: &Balances) -> coll_ledger_balances {
    coll_ledger_balances {
        principal: coll_decimal::from_core(b.principal),
        interest: coll_decimal::from_core(b.interest),
        fees: coll_decimal::from_core(b.fees),
        penalties: coll_decimal::from_core(b.penalties),
        credit: coll_decimal::from_core(b.credit),
        owed: coll_decimal::from_core(b.owed()),
    }
}

fn totals_of(t: &Totals) -> coll_ledger_totals {
    coll_ledger_totals {
        charged: t.charged.map(coll_decimal::from_core),
        paid: t.paid.map(coll_decimal::from_core),
        forgiven: t.forgiven.map(coll_decimal::from_core),
        payments: coll_decimal::from_core(t.payments),
        refunds: coll_decimal::from_core(t.refunds),
        capped: coll_decimal::from_core(t.capped),
    }
}

fn entry_of(e: &Entry) -> FfiResult<coll_ledger_entry> {
    Ok(coll_ledger_entry {
        date: coll_date::from_core(e.date),
        kind: ENTRY_KINDS.constant(e.kind)?,
        event: e.event.unwrap_or(COLL_NO_INDEX),
        amount: coll_decimal::from_core(e.amount),
        to_credit: coll_decimal::from_core(e.to_credit),
        capped: coll_decimal::from_core(e.capped),
        balances: balances_of(&e.balances),
        status: status_constant(e.status)?,
        n_allocations: e.allocations.len(),
    })
}

/// Borrows the ledger behind a handle.
///
/// # Safety
/// `p` is NULL or a live handle.
unsafe fn ledger<'a>(p: *const coll_ledger) -> FfiResult<&'a coll_ledger> {
    // SAFETY: NULL or a live handle, by the caller's contract.
    unsafe { p.as_ref() }.ok_or_else(|| Failure::null("ledger"))
}

/// Borrows the ledger behind a handle to change it.
///
/// # Safety
/// `p` is NULL or a live handle no other thread uses during the call.
unsafe fn ledger_mut<'a>(p: *mut coll_ledger) -> FfiResult<&'a mut coll_ledger> {
    // SAFETY: NULL or a live handle, by the caller's contract.
    unsafe { p.as_mut() }.ok_or_else(|| Failure::null("ledger"))
}

fn into_handle(ledger: coll_ledger) -> *mut coll_ledger {
    Box::into_raw(Box::new(ledger))
}

/// A ledger with no events for an account: `id` (`id_len` bytes of UTF-8, not blank), `currency`,
/// the day it opened, its `principal` (greater than zero, at most 10^15, in the currency's minor
/// units) and its `terms`.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`id` blank, `principal`, `rates` empty, not
/// increasing, out of range or starting after `opened_on`, `penalty_rate`, `max_rate`,
/// `charge_cap`, `freezes` out of order or overlapping, `late_fee.*`, `allocation`, an unknown
/// constant, a flag not 0 or 1, `allocation_order` or `allocation_scope` given beside
/// `advanced_allocation`), `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE`, `COLL_UNKNOWN_CURRENCY` or
/// `COLL_INVALID_UTF8`.
///
/// Ownership: every input is borrowed for the call. On success `*out` is a new handle the caller owns
/// and frees with `coll_ledger_free`.
///
/// # Safety
/// `id` is NULL or points to `id_len` readable bytes; `currency`, `principal` and `terms` are NULL or
/// readable, the terms' arrays NULL or valid for their counts; `out` is NULL or points to a writable
/// `coll_ledger *`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_new(
    id: *const c_char,
    id_len: usize,
    currency: *const coll_currency,
    opened_on: coll_date,
    principal: *const coll_decimal,
    terms: *const coll_ledger_terms,
    out: *mut *mut coll_ledger,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (id, currency, principal, terms, out) = unsafe {
            (
                text_or_empty(id, id_len, "id")?,
                ptr::read(currency, "currency")?,
                ptr::read(principal, "principal")?,
                ptr::read(terms, "terms")?,
                ptr::out(out, "out")?,
            )
        };
        // SAFETY: the caller's contract for the terms' arrays.
        let terms = unsafe { terms.to_core()? };
        let account = Account::new(
            id,
            currency.to_core("currency")?,
            opened_on.to_core("opened_on")?,
            principal.to_core("principal")?,
            terms,
        )?;
        let account_id = Text::new(account.id());
        out.write(into_handle(coll_ledger {
            inner: Ledger::new(account),
            text: Vec::new(),
            account_id,
        }));
        Ok(())
    })
}

/// Frees a ledger. NULL is a no-op. Text it lent is invalid afterwards.
///
/// # Safety
/// `ledger` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_free(ledger: *mut coll_ledger) {
    if ledger.is_null() {
        return;
    }
    boundary(|| {
        // SAFETY: made by Box::into_raw in `coll_ledger_new` or `coll_ledger_clone`, not freed before.
        drop(unsafe { Box::from_raw(ledger) });
        Ok(())
    });
}

/// A copy of a ledger (the same account and events), to try events on without changing the original.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with `coll_ledger_free`; it
/// lends text of its own.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger *`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_clone(
    ledger: *const coll_ledger,
    out: *mut *mut coll_ledger,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        out.write(into_handle(ledger.clone()));
        Ok(())
    })
}

/// Posts one event (see `coll_ledger_event`) and writes its index (0 for the first event, then 1, ...)
/// to `*out_index`. An event dated before others re-derives everything after it.
///
/// A refused event leaves the ledger exactly as it was. Fails, naming the field:
/// `COLL_INVALID_ARGUMENT` (`date` before the account opened or before the payment a reversal
/// reverses, `amount` not above zero, above 10^15 or with more decimals than the currency, or
/// obligations adding up to more than the principal, `id` empty or a payment id already posted,
/// `payment_id` of a reversal naming no payment or one already reversed, `reason` empty, `days` out of
/// range, `status` for a transition the status rules refuse, `component` not a fee or penalty for a
/// fee event, a refund beyond the credit or a waiver beyond the balance, any field the kind does not
/// take, an unknown constant; an error met while replaying later events has the event named in its
/// message), `COLL_CURRENCY_MISMATCH` naming `currency` (a payment in another currency),
/// `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE`, `COLL_UNKNOWN_CURRENCY`, `COLL_INVALID_UTF8`,
/// `COLL_OVERFLOW` or `COLL_DATE_OUT_OF_RANGE`.
///
/// Ownership: `event` and its text are borrowed for the call (the ledger keeps copies).
///
/// # Safety
/// `ledger` is NULL or a live handle no other thread uses during the call; `event` is NULL or points to
/// a readable `coll_ledger_event` whose text is NULL or valid for its length; `out_index` is NULL or
/// points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_post(
    ledger: *mut coll_ledger,
    event: *const coll_ledger_event,
    out_index: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, event, out) = unsafe {
            (
                ledger_mut(ledger)?,
                ptr::read(event, "event")?,
                ptr::out(out_index, "out_index")?,
            )
        };
        // SAFETY: the caller's contract for the event's text.
        let event = unsafe { event.to_core(ledger.inner.account().currency())? };
        let text = EventText::of(&event);
        let index = ledger.inner.post(event)?;
        ledger.text.push(text);
        out.write(index);
        Ok(())
    })
}

/// Posts `n` events, all or nothing, with one replay (their indices follow the ledger's last, in array
/// order). Fails as `coll_ledger_post`, the message naming the event at fault (`amount: event #4: ...`
/// or `... (event #4)`); then nothing is posted. `events` may be NULL when `n` is 0.
///
/// # Safety
/// `ledger` is NULL or a live handle no other thread uses during the call; `events` is NULL or points
/// to `n` readable `coll_ledger_event`s whose text is NULL or valid for its length.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_post_all(
    ledger: *mut coll_ledger,
    events: *const coll_ledger_event,
    n: usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, events) = unsafe {
            (
                ledger_mut(ledger)?,
                ptr::read_slice_or_empty(events, n, "events")?,
            )
        };
        let currency = ledger.inner.account().currency();
        let base = ledger.inner.events().len();
        let events = events
            .iter()
            .enumerate()
            .map(|(k, e)| {
                // SAFETY: the caller's contract for each event's text.
                unsafe { e.to_core(currency) }
                    .map_err(|f| at_item(f, &format!("event #{}", base + k)))
            })
            .collect::<FfiResult<Vec<_>>>()?;
        let text: Vec<EventText> = events.iter().map(EventText::of).collect();
        ledger.inner.post_all(events)?;
        ledger.text.extend(text);
        Ok(())
    })
}

/// The ledger's account in `*out` (its id lent by the ledger).
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_account`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_get_account(
    ledger: *const coll_ledger,
    out: *mut coll_ledger_account,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        let a = ledger.inner.account();
        out.write(coll_ledger_account {
            id: ledger.account_id.ptr(),
            id_len: ledger.account_id.len(),
            currency: coll_currency::from_core(a.currency()),
            opened_on: coll_date::from_core(a.opened_on()),
            principal: coll_decimal::from_core(a.principal()),
        });
        Ok(())
    })
}

/// The balances after the last event, in `*out`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_balances`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_get_balances(
    ledger: *const coll_ledger,
    out: *mut coll_ledger_balances,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        out.write(balances_of(&ledger.inner.balances()));
        Ok(())
    })
}

/// The balances at the end of `as_of`, with interest accrued up to it (what a payoff that day must
/// cover, less the credit); events after `as_of` are left out. Fails with `COLL_INVALID_ARGUMENT`
/// naming `as_of` (before the account opened) or `COLL_INVALID_DATE`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_balances`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_balances_on(
    ledger: *const coll_ledger,
    as_of: coll_date,
    out: *mut coll_ledger_balances,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        let balances = ledger.inner.balances_on(as_of.to_core("as_of")?)?;
        out.write(balances_of(&balances));
        Ok(())
    })
}

/// The running totals after the last event, in `*out`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_totals`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_get_totals(
    ledger: *const coll_ledger,
    out: *mut coll_ledger_totals,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        out.write(totals_of(ledger.inner.totals()));
        Ok(())
    })
}

/// The running totals at the end of `as_of` (as `coll_ledger_balances_on`), in `*out`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_totals`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_totals_on(
    ledger: *const coll_ledger,
    as_of: coll_date,
    out: *mut coll_ledger_totals,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        let totals = ledger.inner.totals_on(as_of.to_core("as_of")?)?;
        out.write(totals_of(&totals));
        Ok(())
    })
}

/// The status after the last event (a `COLL_DEBT_STATUS_` constant), in `*out`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_debt_status`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_status(
    ledger: *const coll_ledger,
    out: *mut coll_debt_status,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        out.write(status_constant(ledger.inner.status())?);
        Ok(())
    })
}

/// Every status change of the account, dated, as a new `coll_status_history` (a copy: posting more
/// events does not change it, and changing it does not change the ledger).
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_status_history_free`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_status_history *`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_status_history(
    ledger: *const coll_ledger,
    out: *mut *mut coll_status_history,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        let history = coll_status_history::from_core(ledger.inner.status_history().clone());
        out.write(Box::into_raw(Box::new(history)));
        Ok(())
    })
}

/// The date of the last step replayed (the last event's, or the opening day), in `*out`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_date`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_last_date(
    ledger: *const coll_ledger,
    out: *mut coll_date,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        out.write(coll_date::from_core(ledger.inner.last_date()));
        Ok(())
    })
}

/// Days past due on `as_of`: from the oldest obligation (principal or interest) not fully paid whose
/// due date has passed; 0 when none. Fails as `coll_ledger_balances_on`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_days_past_due(
    ledger: *const coll_ledger,
    as_of: coll_date,
    out: *mut u32,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        out.write(ledger.inner.days_past_due(as_of.to_core("as_of")?)?);
        Ok(())
    })
}

/// The number of events posted.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_event_count(
    ledger: *const coll_ledger,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        out.write(ledger.inner.events().len());
        Ok(())
    })
}

/// The event at `index`, in posting order, in `*out`: the kind's fields set, the others as
/// `coll_ledger_event_init` leaves them; a payment's currency is given. Its `id` and `reason` point
/// into the ledger (valid until it is freed, NUL-terminated), NULL with length 0 for a kind without
/// them. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_event`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_event_at(
    ledger: *const coll_ledger,
    index: usize,
    out: *mut coll_ledger_event,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        let events = ledger.inner.events();
        let (event, text) = events
            .get(index)
            .zip(ledger.text.get(index))
            .ok_or_else(|| bad_index("index", index, events.len()))?;
        out.write(event_of(event, text)?);
        Ok(())
    })
}

/// The number of entries in the journal.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_entry_count(
    ledger: *const coll_ledger,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        out.write(ledger.inner.entries().len());
        Ok(())
    })
}

/// The journal entry at `index` (entries are in date order: what each event and each rule of the terms
/// did), in `*out`. Posting an event re-derives the journal, so indices are only stable until the next
/// post. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_entry`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_entry_at(
    ledger: *const coll_ledger,
    index: usize,
    out: *mut coll_ledger_entry,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        let entries = ledger.inner.entries();
        let entry = entries
            .get(index)
            .ok_or_else(|| bad_index("index", index, entries.len()))?;
        out.write(entry_of(entry)?);
        Ok(())
    })
}

/// Allocation `index` of entry `entry`, in `*out` (in the order the money was applied). Past the end:
/// `COLL_INVALID_ARGUMENT` naming `entry` or `index`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_allocation`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_entry_allocation_at(
    ledger: *const coll_ledger,
    entry: usize,
    index: usize,
    out: *mut coll_ledger_allocation,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out) = unsafe { (self::ledger(ledger)?, ptr::out(out, "out")?) };
        let entries = ledger.inner.entries();
        let e = entries
            .get(entry)
            .ok_or_else(|| bad_index("entry", entry, entries.len()))?;
        let a = e
            .allocations
            .get(index)
            .ok_or_else(|| bad_index("index", index, e.allocations.len()))?;
        let (has_due_date, due_date) = date_or_none(a.due_date);
        out.write(coll_ledger_allocation {
            component: COMPONENTS.constant(a.component)?,
            has_due_date,
            due_date,
            amount: coll_decimal::from_core(a.amount),
        });
        Ok(())
    })
}

/// The journal entry of payment `id` (`id_len` bytes): `*out_found` true and `*out_index` its index
/// (for `coll_ledger_entry_at`) when the payment was posted and not reversed; otherwise false and
/// `COLL_NO_INDEX`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `id` is NULL or points to `id_len` readable bytes; `out_found`
/// and `out_index` are NULL or point to a writable `bool` and `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_payment_entry(
    ledger: *const coll_ledger,
    id: *const c_char,
    id_len: usize,
    out_found: *mut bool,
    out_index: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, id, found, out) = unsafe {
            (
                self::ledger(ledger)?,
                text_or_empty(id, id_len, "id")?,
                ptr::out(out_found, "out_found")?,
                ptr::out(out_index, "out_index")?,
            )
        };
        let entries = ledger.inner.entries();
        let index = ledger
            .inner
            .payment_entry(id)
            .and_then(|e| entries.iter().position(|x| std::ptr::eq(x, e)));
        found.write(index.is_some());
        out.write(index.unwrap_or(COLL_NO_INDEX));
        Ok(())
    })
}

/// Whether payment `id` (`id_len` bytes) has been reversed, in `*out` (false for an id never posted).
///
/// # Safety
/// `ledger` is NULL or a live handle; `id` is NULL or points to `id_len` readable bytes; `out` is NULL
/// or points to a writable `bool`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_is_reversed(
    ledger: *const coll_ledger,
    id: *const c_char,
    id_len: usize,
    out: *mut bool,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, id, out) = unsafe {
            (
                self::ledger(ledger)?,
                text_or_empty(id, id_len, "id")?,
                ptr::out(out, "out")?,
            )
        };
        out.write(ledger.inner.is_reversed(id));
        Ok(())
    })
}

/// The account aged on `as_of` under `rules` (its obligations as `coll_ledger_obligations_on` gives
/// them), in `*out`. Fails as `coll_ledger_balances_on` and `coll_age_account` (for the rules).
///
/// # Safety
/// `ledger` is NULL or a live handle; `rules` is NULL or points to a readable `coll_aging_rules` whose
/// bounds are NULL or valid for their count; `out` is NULL or points to a writable
/// `coll_aging_result`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_aging(
    ledger: *const coll_ledger,
    as_of: coll_date,
    rules: *const coll_aging_rules,
    out: *mut coll_aging_result,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, rules, out) = unsafe {
            (
                self::ledger(ledger)?,
                ptr::read(rules, "rules")?.to_core()?,
                ptr::out(out, "out")?,
            )
        };
        let aging = ledger.inner.aging(as_of.to_core("as_of")?, &rules)?;
        out.write(aging_result(&aging));
        Ok(())
    })
}

/// The obligations as aging sees them on `as_of` (per due date, the principal and interest due and
/// what was paid of them; fees and penalties are not obligations), in due-date order, into `out`
/// (room for `out_cap`); `*out_len` is their number. When they do not fit: `COLL_BUFFER_TOO_SMALL`,
/// nothing written to `out`, `*out_len` the number needed; `out` may be NULL when `out_cap` is 0, to
/// ask for it. Fails otherwise as `coll_ledger_balances_on`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to `out_cap` writable
/// `coll_obligation`s; `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_obligations_on(
    ledger: *const coll_ledger,
    as_of: coll_date,
    out: *mut coll_obligation,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out, out_len) = unsafe {
            (
                self::ledger(ledger)?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let obligations: Vec<coll_obligation> = ledger
            .inner
            .obligations_on(as_of.to_core("as_of")?)?
            .iter()
            .map(obligation_of)
            .collect();
        out.write_counted(&obligations, out_len)
    })
}

/// The payments posted and not reversed, in posting order, as reconciliation records (reference =
/// payment id, the account's id, date, amount, currency) into `out` (room for `out_cap`), ready to be
/// passed to `coll_reconcile` as `posted`; `*out_len` is their number. Their text points into the
/// ledger (valid until it is freed). Too little room: as `coll_ledger_obligations_on`.
///
/// # Safety
/// `ledger` is NULL or a live handle; `out` is NULL or points to `out_cap` writable
/// `coll_payment_record`s; `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_posted_payments(
    ledger: *const coll_ledger,
    out: *mut coll_payment_record,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (ledger, out, out_len) = unsafe {
            (
                self::ledger(ledger)?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        // The ledger's own text of each payment id, to lend.
        let ids: HashMap<&str, (*const c_char, usize)> = ledger
            .inner
            .events()
            .iter()
            .zip(&ledger.text)
            .filter_map(|(e, t)| match &e.kind {
                EventKind::Payment { id, .. } => Some((id.as_str(), t.id())),
                _ => None,
            })
            .collect();
        let records = ledger
            .inner
            .posted_payments()
            .iter()
            .map(|r| {
                let (reference, reference_len) =
                    ids.get(r.reference.as_str()).copied().ok_or_else(|| {
                        Failure::new(COLL_PANIC, "a posted payment has no event (a bug)")
                    })?;
                Ok(coll_payment_record {
                    reference,
                    reference_len,
                    account_id: ledger.account_id.ptr(),
                    account_id_len: ledger.account_id.len(),
                    date: coll_date::from_core(r.date),
                    amount: coll_decimal::from_core(r.amount),
                    currency: coll_currency::from_core(r.currency),
                })
            })
            .collect::<FfiResult<Vec<_>>>()?;
        out.write_counted(&records, out_len)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::debt::ledger::{
        coll_ledger_event_init, coll_ledger_terms_init, COLL_LEDGER_EVENT_OBLIGATION,
        COLL_LEDGER_EVENT_PAYMENT,
    };
    use crate::error::{COLL_INVALID_ARGUMENT, COLL_OK};
    use std::mem::MaybeUninit;

    fn dec(text: &str) -> coll_decimal {
        coll_decimal::from_core(text.parse().unwrap())
    }

    fn date(y: i32, m: u32, d: u32) -> coll_date {
        coll_date::from_core(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn event(kind: u32, on: coll_date) -> coll_ledger_event {
        let mut e = MaybeUninit::uninit();
        // SAFETY: a writable struct.
        let status = unsafe { coll_ledger_event_init(kind, on, e.as_mut_ptr()) };
        assert_eq!(status, COLL_OK);
        // SAFETY: written by the call above.
        unsafe { e.assume_init() }
    }

    #[test]
    fn a_ledger_may_be_shared_by_threads_that_read_it() {
        fn shared<T: Send + Sync>() {}
        shared::<coll_ledger>();
    }

    #[test]
    fn a_refused_post_leaves_the_handle_and_its_text_as_they_were() {
        let mut terms = MaybeUninit::uninit();
        // SAFETY: a writable struct.
        let status = unsafe { coll_ledger_terms_init(terms.as_mut_ptr()) };
        assert_eq!(status, COLL_OK);
        // SAFETY: written above.
        let mut terms = unsafe { terms.assume_init() };
        let (opened, rate) = (date(2026, 1, 1), dec("0.073"));
        terms.rate_dates = &opened;
        terms.rates = &rate;
        terms.n_rates = 1;
        let usd = coll_currency::from_core(collections_core::Currency::USD);
        let principal = dec("10000.00");
        let mut ledger: *mut coll_ledger = std::ptr::null_mut();
        // SAFETY: valid pointers for the call.
        let status = unsafe {
            coll_ledger_new(
                c"A-1".as_ptr(),
                3,
                &usd,
                opened,
                &principal,
                &terms,
                &mut ledger,
            )
        };
        assert_eq!(status, COLL_OK);
        let mut index = 0;
        let mut due = event(COLL_LEDGER_EVENT_OBLIGATION, date(2026, 1, 31));
        due.amount = dec("10000.00");
        // SAFETY: a live handle and readable event.
        let status = unsafe { coll_ledger_post(ledger, &due, &mut index) };
        assert_eq!(status, COLL_OK);
        let mut paid = event(COLL_LEDGER_EVENT_PAYMENT, date(2026, 2, 1));
        paid.id = c"P1".as_ptr();
        paid.id_len = 2;
        paid.amount = dec("5000.00");
        // SAFETY: as above.
        let status = unsafe { coll_ledger_post(ledger, &paid, &mut index) };
        assert_eq!(status, COLL_OK);
        // SAFETY: a live handle.
        let before = unsafe { (*ledger).clone() };
        let events = [paid, due];
        // A second P1 and obligations beyond the principal: refused, all or nothing.
        // SAFETY: as above.
        let status = unsafe { coll_ledger_post_all(ledger, events.as_ptr(), 2) };
        assert_eq!(status, COLL_INVALID_ARGUMENT);
        // SAFETY: as above.
        let status = unsafe { coll_ledger_post(ledger, &events[1], &mut index) };
        assert_eq!(status, COLL_INVALID_ARGUMENT);
        // SAFETY: a live handle.
        let after = unsafe { &*ledger };
        assert_eq!(after.inner, before.inner);
        assert_eq!(after.text.len(), 2);
        assert_eq!(after.inner.entries(), before.inner.entries());
        // SAFETY: made above, freed once.
        unsafe { coll_ledger_free(ledger) };
    }
}
