//! The status lifecycle of a debt across the ABI: the statuses (`coll_debt_status`; not `coll_status`,
//! which is the status code of every call), the transition table (`coll_debt_status_can_become`,
//! `coll_debt_status_transition`) and the dated history with its own rules (the `coll_status_history`
//! handle). The rules are the core's `debt::status`.

use std::ffi::{c_char, CStr};

use collections_core::debt::status::{transition, Status, StatusHistory};

use super::late_interest::no_constant;
use super::{bad_index, Text};
use crate::calendar::coll_date;
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::ptr;

/// The status of a debt: one of the `COLL_DEBT_STATUS_` constants.
#[allow(non_camel_case_types)]
pub type coll_debt_status = u32;

/// Up to date.
pub const COLL_DEBT_STATUS_CURRENT: coll_debt_status = 0;
/// Past due, in ordinary collections.
pub const COLL_DEBT_STATUS_DELINQUENT: coll_debt_status = 1;
/// Paying under a repayment arrangement.
pub const COLL_DEBT_STATUS_IN_ARRANGEMENT: coll_debt_status = 2;
/// An arrangement was broken.
pub const COLL_DEBT_STATUS_ARRANGEMENT_BROKEN: coll_debt_status = 3;
/// Disputed; collection paused.
pub const COLL_DEBT_STATUS_DISPUTED: coll_debt_status = 4;
/// Hardship, breathing space or forbearance; collection paused.
pub const COLL_DEBT_STATUS_HARDSHIP: coll_debt_status = 5;
/// A fraud or identity-theft claim under investigation; collection paused.
pub const COLL_DEBT_STATUS_FRAUD: coll_debt_status = 6;
/// In legal proceedings or under a judgment.
pub const COLL_DEBT_STATUS_LEGAL: coll_debt_status = 7;
/// The debtor is in bankruptcy or another insolvency procedure.
pub const COLL_DEBT_STATUS_BANKRUPT: coll_debt_status = 8;
/// The debtor has died.
pub const COLL_DEBT_STATUS_DECEASED: coll_debt_status = 9;
/// Charged off the books; collection may continue.
pub const COLL_DEBT_STATUS_CHARGED_OFF: coll_debt_status = 10;
/// Settled for less than the balance (terminal).
pub const COLL_DEBT_STATUS_SETTLED: coll_debt_status = 11;
/// Paid in full (terminal).
pub const COLL_DEBT_STATUS_PAID_IN_FULL: coll_debt_status = 12;
/// Written off (terminal).
pub const COLL_DEBT_STATUS_WRITTEN_OFF: coll_debt_status = 13;
/// Closed administratively without a loss (terminal).
pub const COLL_DEBT_STATUS_CLOSED: coll_debt_status = 14;
/// Returned to the client that placed it (terminal).
pub const COLL_DEBT_STATUS_RECALLED: coll_debt_status = 15;
/// Sold to a debt buyer (terminal).
pub const COLL_DEBT_STATUS_SOLD: coll_debt_status = 16;

/// The constants in `Status::ALL` order, with their names as C strings.
const STATUSES: [(coll_debt_status, &CStr); 17] = [
    (COLL_DEBT_STATUS_CURRENT, c"current"),
    (COLL_DEBT_STATUS_DELINQUENT, c"delinquent"),
    (COLL_DEBT_STATUS_IN_ARRANGEMENT, c"in_arrangement"),
    (COLL_DEBT_STATUS_ARRANGEMENT_BROKEN, c"arrangement_broken"),
    (COLL_DEBT_STATUS_DISPUTED, c"disputed"),
    (COLL_DEBT_STATUS_HARDSHIP, c"hardship"),
    (COLL_DEBT_STATUS_FRAUD, c"fraud"),
    (COLL_DEBT_STATUS_LEGAL, c"legal"),
    (COLL_DEBT_STATUS_BANKRUPT, c"bankrupt"),
    (COLL_DEBT_STATUS_DECEASED, c"deceased"),
    (COLL_DEBT_STATUS_CHARGED_OFF, c"charged_off"),
    (COLL_DEBT_STATUS_SETTLED, c"settled"),
    (COLL_DEBT_STATUS_PAID_IN_FULL, c"paid_in_full"),
    (COLL_DEBT_STATUS_WRITTEN_OFF, c"written_off"),
    (COLL_DEBT_STATUS_CLOSED, c"closed"),
    (COLL_DEBT_STATUS_RECALLED, c"recalled"),
    (COLL_DEBT_STATUS_SOLD, c"sold"),
];

/// The core status of a constant (matched by name, so the table cannot drift from the core's order).
pub(super) fn status(value: coll_debt_status, field: &'static str) -> FfiResult<Status> {
    STATUSES
        .iter()
        .find(|(c, _)| *c == value)
        .and_then(|(_, name)| name.to_str().ok())
        .and_then(|name| Status::ALL.into_iter().find(|s| s.name() == name))
        .ok_or_else(|| {
            Failure::unknown_value(field, value, "a COLL_DEBT_STATUS_ constant, 0 to 16")
        })
}

pub(super) fn constant(status: Status) -> FfiResult<coll_debt_status> {
    STATUSES
        .iter()
        .find(|(_, name)| name.to_str().is_ok_and(|n| n == status.name()))
        .map(|(c, _)| *c)
        .ok_or_else(|| no_constant("status", status.name(), "COLL_DEBT_STATUS_"))
}

/// The `COLL_DEBT_STATUS_` constant named by `name` (`"paid_in_full"`, `"Paid In Full"` and
/// `"paid-in-full"` alike). Unknown names give `COLL_INVALID_ARGUMENT` naming `status`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_debt_status`.
#[no_mangle]
pub unsafe extern "C" fn coll_debt_status_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_debt_status,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        out.write(constant(name.parse()?)?);
        Ok(())
    })
}

/// The snake_case name of a status (`"in_arrangement"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `status`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_debt_status_name(
    status: coll_debt_status,
    out: *mut *const c_char,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let name = STATUSES
            .iter()
            .find(|(c, _)| *c == status)
            .map(|(_, n)| n.as_ptr())
            .ok_or_else(|| {
                Failure::unknown_value("status", status, "a COLL_DEBT_STATUS_ constant, 0 to 16")
            })?;
        out.write(name);
        Ok(())
    })
}

/// Whether `status` is terminal (settled, paid in full, written off, closed, recalled, sold: nothing
/// follows) in `*out_terminal`, and a pause (disputed, hardship, fraud: collection stops, and the
/// account returns to the status before) in `*out_pause`.
///
/// # Safety
/// `out_terminal` and `out_pause` are NULL or point to writable `bool`s (not the same one).
#[no_mangle]
pub unsafe extern "C" fn coll_debt_status_kind(
    status: coll_debt_status,
    out_terminal: *mut bool,
    out_pause: *mut bool,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (terminal, pause) = unsafe {
            (
                ptr::out(out_terminal, "out_terminal")?,
                ptr::out(out_pause, "out_pause")?,
            )
        };
        let status = self::status(status, "status")?;
        terminal.write(status.is_terminal());
        pause.write(status.is_pause());
        Ok(())
    })
}

/// Whether the transition table allows `from` to become `to` (the rules of the core's `debt::status`,
/// without a history's rules), in `*out`.
///
/// # Safety
/// `out` is NULL or points to a writable `bool`.
#[no_mangle]
pub unsafe extern "C" fn coll_debt_status_can_become(
    from: coll_debt_status,
    to: coll_debt_status,
    out: *mut bool,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let (from, to) = (status(from, "from")?, status(to, "to")?);
        out.write(from.can_become(to));
        Ok(())
    })
}

/// Checks a change from `from` to `to` on `date` for `reason` against the table: `COLL_OK` when
/// allowed; otherwise `COLL_INVALID_ARGUMENT` naming `status` with both states and why
/// (`status: "paid_in_full -> delinquent": nothing follows a terminal status`), or naming `reason` when
/// it is empty.
///
/// # Safety
/// `reason` is NULL or points to `reason_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn coll_debt_status_transition(
    from: coll_debt_status,
    to: coll_debt_status,
    date: coll_date,
    reason: *const c_char,
    reason_len: usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let reason = unsafe { ptr::text(reason, reason_len, "reason")? };
        transition(
            status(from, "from")?,
            status(to, "to")?,
            date.to_core("date")?,
            reason,
        )?;
        Ok(())
    })
}

/// Every status change of one account, with the history's rules (no back-dating, a pause returns to
/// the status before it, never current or delinquent again after a charge-off). Opaque; made by
/// `coll_status_history_new`, changed by `coll_status_history_change`, freed by
/// `coll_status_history_free`. It must not be changed while another thread reads it.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_status_history {
    inner: StatusHistory,
    /// The reasons, one per change, lent to C.
    reasons: Vec<Text>,
}

/// One recorded change. `reason` points into the history: valid until the history is freed,
/// NUL-terminated, `reason_len` bytes. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_status_change {
    /// The status before.
    pub from: coll_debt_status,
    /// The status after.
    pub to: coll_debt_status,
    /// The date it took effect.
    pub date: coll_date,
    /// Why (owned by the history).
    pub reason: *const c_char,
    /// Bytes in `reason`.
    pub reason_len: usize,
}

impl coll_status_history {
    /// A handle holding a copy of a core history (a ledger's), its reasons lent to C.
    pub(super) fn from_core(history: StatusHistory) -> coll_status_history {
        let reasons = history
            .changes()
            .iter()
            .map(|c| Text::new(&c.reason))
            .collect();
        coll_status_history {
            inner: history,
            reasons,
        }
    }
}

/// Borrows the history behind a handle.
///
/// # Safety
/// `p` is NULL or a live handle.
unsafe fn history<'a>(p: *const coll_status_history) -> FfiResult<&'a coll_status_history> {
    // SAFETY: NULL or a live handle, by the caller's contract.
    unsafe { p.as_ref() }.ok_or_else(|| Failure::null("history"))
}

/// A history that starts in `initial` on `opened_on` (any status, so an account can be taken over
/// mid-life).
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_status_history_free`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_status_history *`.
#[no_mangle]
pub unsafe extern "C" fn coll_status_history_new(
    initial: coll_debt_status,
    opened_on: coll_date,
    out: *mut *mut coll_status_history,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let history =
            StatusHistory::new(status(initial, "initial")?, opened_on.to_core("opened_on")?);
        out.write(Box::into_raw(Box::new(coll_status_history {
            inner: history,
            reasons: Vec::new(),
        })));
        Ok(())
    })
}

/// Frees a history. NULL is a no-op.
///
/// # Safety
/// `history` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_status_history_free(history: *mut coll_status_history) {
    if history.is_null() {
        return;
    }
    boundary(|| {
        // SAFETY: made by Box::into_raw in `coll_status_history_new`, not freed before.
        drop(unsafe { Box::from_raw(history) });
        Ok(())
    });
}

/// Records a change to `to` on `date` for `reason`, after the table's and the history's rules. Fails
/// with `COLL_INVALID_ARGUMENT` naming `status` (a transition refused, with both states:
/// `"disputed -> current"`), `date` (before the last change) or `reason` (empty); the history is then
/// unchanged.
///
/// # Safety
/// `history` is NULL or a live handle not read by another thread during the call; `reason` is NULL or
/// points to `reason_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn coll_status_history_change(
    history: *mut coll_status_history,
    to: coll_debt_status,
    date: coll_date,
    reason: *const c_char,
    reason_len: usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (history, reason) = unsafe {
            (
                history.as_mut().ok_or_else(|| Failure::null("history"))?,
                ptr::text(reason, reason_len, "reason")?,
            )
        };
        let change = history
            .inner
            .change(status(to, "to")?, date.to_core("date")?, reason)?;
        let text = Text::new(&change.reason);
        history.reasons.push(text);
        Ok(())
    })
}

/// The status now, in `*out`.
///
/// # Safety
/// `history` is NULL or a live handle; `out` is NULL or points to a writable `coll_debt_status`.
#[no_mangle]
pub unsafe extern "C" fn coll_status_history_current(
    history: *const coll_status_history,
    out: *mut coll_debt_status,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (history, out) = unsafe { (self::history(history)?, ptr::out(out, "out")?) };
        out.write(constant(history.inner.current())?);
        Ok(())
    })
}

/// The status in force at the end of `date`: `*out_has_value` false (and `*out` 0) before the history
/// opens.
///
/// # Safety
/// `history` is NULL or a live handle; `out_has_value` is NULL or points to a writable `bool`; `out` is
/// NULL or points to a writable `coll_debt_status`.
#[no_mangle]
pub unsafe extern "C" fn coll_status_history_status_on(
    history: *const coll_status_history,
    date: coll_date,
    out_has_value: *mut bool,
    out: *mut coll_debt_status,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (history, has, out) = unsafe {
            (
                self::history(history)?,
                ptr::out(out_has_value, "out_has_value")?,
                ptr::out(out, "out")?,
            )
        };
        let status = history.inner.status_on(date.to_core("date")?);
        let value = status.map(constant).transpose()?;
        has.write(value.is_some());
        out.write(value.unwrap_or(0));
        Ok(())
    })
}

/// The working status a pause would return to: `*out_has_value` false (and `*out` 0) when the account
/// is not paused, or was opened paused.
///
/// # Safety
/// `history` is NULL or a live handle; `out_has_value` is NULL or points to a writable `bool`; `out` is
/// NULL or points to a writable `coll_debt_status`.
#[no_mangle]
pub unsafe extern "C" fn coll_status_history_returns_to(
    history: *const coll_status_history,
    out_has_value: *mut bool,
    out: *mut coll_debt_status,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (history, has, out) = unsafe {
            (
                self::history(history)?,
                ptr::out(out_has_value, "out_has_value")?,
                ptr::out(out, "out")?,
            )
        };
        let value = history.inner.returns_to().map(constant).transpose()?;
        has.write(value.is_some());
        out.write(value.unwrap_or(0));
        Ok(())
    })
}

/// The number of changes recorded.
///
/// # Safety
/// `history` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_status_history_change_count(
    history: *const coll_status_history,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (history, out) = unsafe { (self::history(history)?, ptr::out(out, "out")?) };
        out.write(history.inner.changes().len());
        Ok(())
    })
}

/// The change at `index`, oldest first; past the end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `history` is NULL or a live handle; `out` is NULL or points to a writable `coll_status_change`.
#[no_mangle]
pub unsafe extern "C" fn coll_status_history_change_at(
    history: *const coll_status_history,
    index: usize,
    out: *mut coll_status_change,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (history, out) = unsafe { (self::history(history)?, ptr::out(out, "out")?) };
        let changes = history.inner.changes();
        let (change, reason) = changes
            .get(index)
            .zip(history.reasons.get(index))
            .ok_or_else(|| bad_index("index", index, changes.len()))?;
        out.write(coll_status_change {
            from: constant(change.from)?,
            to: constant(change.to)?,
            date: coll_date::from_core(change.date),
            reason: reason.ptr(),
            reason_len: reason.len(),
        });
        Ok(())
    })
}
