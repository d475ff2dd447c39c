//! Decisions across the ABI: `coll_contact_evaluate` into the `coll_contact_decision` handle (allowed,
//! every reason, warnings, the next eligible instant, JSON for logging), `coll_contact_next_eligible`,
//! `coll_contact_eligible_windows` into the `coll_contact_windows` handle, and
//! `coll_contact_evaluate_batch` into the `coll_contact_batch` handle.

use std::ffi::c_char;

use collections_core::contact::{
    eligible_windows, evaluate, evaluate_batch, next_eligible, BatchItem, Decision, Window,
};

use super::inputs::item_failure;
use super::{
    coll_contact_history, coll_contact_policy, coll_contact_profile, coll_contact_request,
    write_json,
};
use crate::debt::{bad_index, Text};
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::ptr;

/// A reason's text, kept by the decision.
#[derive(Debug, Clone)]
struct LentReason {
    rule: Text,
    citation: Text,
    mark: Text,
    message: Text,
}

/// A warning's text, kept by the decision.
#[derive(Debug, Clone)]
struct LentWarning {
    code: Text,
    citation: Text,
    message: Text,
}

/// The answer to a request: allowed or not, every rule that blocks, warnings that do not, and the next
/// eligible instant. Opaque; made by `coll_contact_evaluate` or `coll_contact_decision_clone` (and lent
/// by a `coll_contact_batch`), freed by `coll_contact_decision_free`. It never changes, so threads may
/// share it.
#[allow(non_camel_case_types)]
#[derive(Debug, Clone)]
pub struct coll_contact_decision {
    inner: Decision,
    reasons: Vec<LentReason>,
    warnings: Vec<LentWarning>,
}

impl coll_contact_decision {
    fn new(inner: Decision) -> coll_contact_decision {
        let reasons = inner
            .reasons()
            .iter()
            .map(|r| LentReason {
                rule: Text::new(&r.rule),
                citation: Text::new(&r.citation),
                mark: Text::new(r.mark.map_or("", |m| m.name())),
                message: Text::new(&r.message),
            })
            .collect();
        let warnings = inner
            .warnings()
            .iter()
            .map(|w| LentWarning {
                code: Text::new(&w.code),
                citation: Text::new(&w.citation),
                message: Text::new(&w.message),
            })
            .collect();
        coll_contact_decision {
            inner,
            reasons,
            warnings,
        }
    }
}

/// Why a contact is blocked, as `coll_contact_decision_reason_at` lends it: every text is owned by the
/// decision (valid until it is freed), NUL-terminated, with its length.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_contact_reason {
    /// The rule's id (`reg_f.time_of_day`, `reg_f.call_frequency`, ...).
    pub rule: *const c_char,
    /// Bytes in `rule`.
    pub rule_len: usize,
    /// Its source (`12 CFR 1006.6(b)(1)(i)`).
    pub citation: *const c_char,
    /// Bytes in `citation`.
    pub citation_len: usize,
    /// Its verification mark (`V`, `S`, `?`), empty for the creditor's own rules.
    pub mark: *const c_char,
    /// Bytes in `mark`.
    pub mark_len: usize,
    /// What is wrong, in a sentence a collector understands.
    pub message: *const c_char,
    /// Bytes in `message`.
    pub message_len: usize,
}

/// Something that does not block but a collector should see (calls in rapid succession or highly
/// concentrated), as `coll_contact_decision_warning_at` lends it; text owned by the decision.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_contact_warning {
    /// `rapid_succession` or `high_concentration`.
    pub code: *const c_char,
    /// Bytes in `code`.
    pub code_len: usize,
    /// Its source.
    pub citation: *const c_char,
    /// Bytes in `citation`.
    pub citation_len: usize,
    /// What it means, in a sentence.
    pub message: *const c_char,
    /// Bytes in `message`.
    pub message_len: usize,
}

/// A half-open interval of instants `[start, end)` in Unix seconds (UTC) in which contact is allowed.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_contact_window {
    /// The first instant contact is allowed.
    pub start: i64,
    /// The first instant after it that contact is not allowed (or the horizon's end).
    pub end: i64,
}

/// The eligible windows over a horizon. Opaque; made by `coll_contact_eligible_windows`, freed by
/// `coll_contact_windows_free`.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_contact_windows {
    windows: Vec<coll_contact_window>,
}

/// One request of a batch with the profile and history it is decided against (all borrowed for the
/// call).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_contact_batch_item {
    /// The person's profile.
    pub profile: *const coll_contact_profile,
    /// Their contact history.
    pub history: *const coll_contact_history,
    /// The request.
    pub request: *const coll_contact_request,
}

/// The results of `coll_contact_evaluate_batch`, one per item in order: a decision or the item's own
/// error. Opaque; freed by `coll_contact_batch_free`.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_contact_batch {
    results: Vec<Result<coll_contact_decision, Failure>>,
}

/// The four inputs of a decision, borrowed.
///
/// # Safety
/// Each pointer is NULL or a live handle.
unsafe fn inputs<'a>(
    policy: *const coll_contact_policy,
    profile: *const coll_contact_profile,
    history: *const coll_contact_history,
    request: *const coll_contact_request,
) -> FfiResult<(
    &'a coll_contact_policy,
    &'a coll_contact_profile,
    &'a coll_contact_history,
    &'a coll_contact_request,
)> {
    // SAFETY: the caller's contract.
    unsafe {
        Ok((
            ptr::handle(policy, "policy")?,
            ptr::handle(profile, "profile")?,
            ptr::handle(history, "history")?,
            ptr::handle(request, "request")?,
        ))
    }
}

/// Decides a request: may its channel be used at its instant to reach the person at its destination
/// about its debt, and if not, why and when? Every rule of the policy is checked in every time zone of
/// the profile; the decision holds every rule that blocks (a profile with no time zone under a policy
/// that blocks gives the reason `policy.missing_time_zone` and no next eligible instant).
///
/// Fails (never answering "allowed"), naming the field: `COLL_INVALID_ARGUMENT` (`person`: the request
/// is for another person than the profile; `destination`: not a destination of the profile, or one the
/// channel cannot reach; `history.at`: an attempt after the request's instant, naming it),
/// `COLL_NULL_ARGUMENT` (`policy`, `profile`, `history`, `request`, `out`).
///
/// Ownership: the inputs are borrowed for the call. On success `*out` is a new handle the caller owns
/// and frees with `coll_contact_decision_free`.
///
/// # Safety
/// `policy`, `profile`, `history` and `request` are NULL or live handles; `out` is NULL or points to a
/// writable `coll_contact_decision *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_evaluate(
    policy: *const coll_contact_policy,
    profile: *const coll_contact_profile,
    history: *const coll_contact_history,
    request: *const coll_contact_request,
    out: *mut *mut coll_contact_decision,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let ((p, pr, h, r), out) = unsafe {
            (
                inputs(policy, profile, history, request)?,
                ptr::out(out, "out")?,
            )
        };
        let decision = evaluate(&p.inner, &pr.inner, &h.inner, &r.inner)?;
        out.write(ptr::into_handle(coll_contact_decision::new(decision)));
        Ok(())
    })
}

/// The earliest instant at or after the request's when every rule allows it: `*out_has` 1 and
/// `*out_at` that instant in Unix seconds, or `*out_has` 0 and `*out_at` 0 when none comes within the
/// policy's search horizon (after a cease, say). Same checks and errors as `coll_contact_evaluate`.
///
/// # Safety
/// `policy`, `profile`, `history` and `request` are NULL or live handles; `out_has` is NULL or points to
/// a writable `uint8_t`; `out_at` is NULL or points to a writable `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_next_eligible(
    policy: *const coll_contact_policy,
    profile: *const coll_contact_profile,
    history: *const coll_contact_history,
    request: *const coll_contact_request,
    out_has: *mut u8,
    out_at: *mut i64,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let ((p, pr, h, r), out_has, out_at) = unsafe {
            (
                inputs(policy, profile, history, request)?,
                ptr::out(out_has, "out_has")?,
                ptr::out(out_at, "out_at")?,
            )
        };
        let next = next_eligible(&p.inner, &pr.inner, &h.inner, &r.inner)?;
        out_has.write(u8::from(next.is_some()));
        out_at.write(next.map_or(0, |t| t.timestamp()));
        Ok(())
    })
}

/// The intervals in the `days` days (1 to 3660) from the request's instant in which every rule allows
/// the request, assuming no further attempts are made (for dialer scheduling). Same checks and errors
/// as `coll_contact_evaluate`, and `COLL_INVALID_ARGUMENT` naming `days`.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_contact_windows_free`.
///
/// # Safety
/// `policy`, `profile`, `history` and `request` are NULL or live handles; `out` is NULL or points to a
/// writable `coll_contact_windows *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_eligible_windows(
    policy: *const coll_contact_policy,
    profile: *const coll_contact_profile,
    history: *const coll_contact_history,
    request: *const coll_contact_request,
    days: u32,
    out: *mut *mut coll_contact_windows,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let ((p, pr, h, r), out) = unsafe {
            (
                inputs(policy, profile, history, request)?,
                ptr::out(out, "out")?,
            )
        };
        let windows = eligible_windows(&p.inner, &pr.inner, &h.inner, &r.inner, days)?;
        let windows = windows
            .iter()
            .map(|w: &Window| coll_contact_window {
                start: w.start.timestamp(),
                end: w.end.timestamp(),
            })
            .collect();
        out.write(ptr::into_handle(coll_contact_windows { windows }));
        Ok(())
    })
}

/// The number of windows.
///
/// # Safety
/// `windows` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_windows_count(
    windows: *const coll_contact_windows,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(windows, "windows", out, |w| Ok(w.windows.len())) }
}

/// Window `index` (in time order) in `*out`. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `windows` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_window`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_windows_at(
    windows: *const coll_contact_windows,
    index: usize,
    out: *mut coll_contact_window,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(windows, "windows", out, |w| {
            w.windows
                .get(index)
                .copied()
                .ok_or_else(|| bad_index("index", index, w.windows.len()))
        })
    }
}

/// Frees windows. NULL is a no-op.
///
/// # Safety
/// `windows` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_windows_free(windows: *mut coll_contact_windows) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(windows) }
}

/// Whether the contact may be made at the request's instant, in `*out`.
///
/// # Safety
/// `decision` is NULL or a live handle; `out` is NULL or points to a writable `bool`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_decision_allowed(
    decision: *const coll_contact_decision,
    out: *mut bool,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(decision, "decision", out, |d| Ok(d.inner.allowed())) }
}

/// The request's instant (Unix seconds) in `*out`.
///
/// # Safety
/// `decision` is NULL or a live handle; `out` is NULL or points to a writable `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_decision_instant(
    decision: *const coll_contact_decision,
    out: *mut i64,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(decision, "decision", out, |d| Ok(d.inner.at().timestamp())) }
}

/// The next eligible instant: `*out_has` 1 and `*out_at` the earliest instant at or after the request
/// when every rule allows (the request's own instant when allowed), in Unix seconds; or `*out_has` 0
/// and `*out_at` 0 when none comes within the policy's search horizon.
///
/// # Safety
/// `decision` is NULL or a live handle; `out_has` is NULL or points to a writable `uint8_t`; `out_at`
/// is NULL or points to a writable `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_decision_next_eligible(
    decision: *const coll_contact_decision,
    out_has: *mut u8,
    out_at: *mut i64,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (d, out_has, out_at) = unsafe {
            (
                ptr::handle(decision, "decision")?,
                ptr::out(out_has, "out_has")?,
                ptr::out(out_at, "out_at")?,
            )
        };
        let next = d.inner.next_eligible();
        out_has.write(u8::from(next.is_some()));
        out_at.write(next.map_or(0, |t| t.timestamp()));
        Ok(())
    })
}

/// The number of reasons (rules that block; 0 when allowed).
///
/// # Safety
/// `decision` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_decision_reason_count(
    decision: *const coll_contact_decision,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(decision, "decision", out, |d| Ok(d.reasons.len())) }
}

/// Reason `index` (in the policy's order of rules) in `*out`, its text lent by the decision. Past the
/// end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `decision` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_reason`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_decision_reason_at(
    decision: *const coll_contact_decision,
    index: usize,
    out: *mut coll_contact_reason,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(decision, "decision", out, |d| {
            let r = d
                .reasons
                .get(index)
                .ok_or_else(|| bad_index("index", index, d.reasons.len()))?;
            Ok(coll_contact_reason {
                rule: r.rule.ptr(),
                rule_len: r.rule.len(),
                citation: r.citation.ptr(),
                citation_len: r.citation.len(),
                mark: r.mark.ptr(),
                mark_len: r.mark.len(),
                message: r.message.ptr(),
                message_len: r.message.len(),
            })
        })
    }
}

/// The number of warnings.
///
/// # Safety
/// `decision` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_decision_warning_count(
    decision: *const coll_contact_decision,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(decision, "decision", out, |d| Ok(d.warnings.len())) }
}

/// Warning `index` in `*out`, its text lent by the decision. Past the end: `COLL_INVALID_ARGUMENT`
/// naming `index`.
///
/// # Safety
/// `decision` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_warning`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_decision_warning_at(
    decision: *const coll_contact_decision,
    index: usize,
    out: *mut coll_contact_warning,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(decision, "decision", out, |d| {
            let w = d
                .warnings
                .get(index)
                .ok_or_else(|| bad_index("index", index, d.warnings.len()))?;
            Ok(coll_contact_warning {
                code: w.code.ptr(),
                code_len: w.code.len(),
                citation: w.citation.ptr(),
                citation_len: w.citation.len(),
                message: w.message.ptr(),
                message_len: w.message.len(),
            })
        })
    }
}

/// The decision as one line of JSON for logging (`{"allowed", "at", "reasons": [{"rule", "citation",
/// "mark", "message"}], "warnings": [{"code", "citation", "message"}], "next_eligible"}`, instants as
/// RFC 3339 text), written into `buf` with a NUL; `*out_len` is its length without the NUL. When
/// `buf_len` is too small: `COLL_BUFFER_TOO_SMALL`, `buf` untouched, `*out_len` the size needed (with
/// the NUL); `buf` may be NULL when `buf_len` is 0, to ask for the size.
///
/// # Safety
/// `decision` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
/// is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_decision_to_json(
    decision: *const coll_contact_decision,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let d = unsafe { ptr::handle(decision, "decision")? };
        // SAFETY: the caller's contract.
        unsafe { write_json(serde_json::to_string(&d.inner), buf, buf_len, out_len) }
    })
}

/// A copy of the decision, freed separately with `coll_contact_decision_free`.
///
/// # Safety
/// `decision` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_contact_decision *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_decision_clone(
    decision: *const coll_contact_decision,
    out: *mut *mut coll_contact_decision,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(decision, "decision", out, |d| {
            Ok(ptr::into_handle(d.clone()))
        })
    }
}

/// Frees a decision (and the text it lent). NULL is a no-op. Never free a decision lent by a
/// `coll_contact_batch`.
///
/// # Safety
/// `decision` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_decision_free(decision: *mut coll_contact_decision) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(decision) }
}

/// Decides `n_items` requests, each against its own profile and history, over every core (small
/// batches stay on the calling thread). One item's error does not stop the others: it is kept as that
/// item's result (`coll_contact_batch_decision`).
///
/// Fails as a whole only when an argument is missing: `COLL_NULL_ARGUMENT` (`policy`, `items` NULL
/// with a count, `out`; `items.profile`, `items.history`, `items.request`, naming the item:
/// `items.profile: item #3: must not be NULL`).
///
/// Ownership: the inputs are borrowed for the call. On success `*out` is a new handle the caller owns
/// and frees with `coll_contact_batch_free`.
///
/// # Safety
/// `policy` is NULL or a live handle; `items` is NULL or points to `n_items` readable items whose
/// handles are NULL or live; `out` is NULL or points to a writable `coll_contact_batch *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_evaluate_batch(
    policy: *const coll_contact_policy,
    items: *const coll_contact_batch_item,
    n_items: usize,
    out: *mut *mut coll_contact_batch,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (p, items, out) = unsafe {
            (
                ptr::handle(policy, "policy")?,
                ptr::read_slice_or_empty(items, n_items, "items")?,
                ptr::out(out, "out")?,
            )
        };
        let core_items = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                // SAFETY: the caller's contract for each item's handles.
                let borrowed = unsafe {
                    (
                        ptr::handle(item.profile, "items.profile"),
                        ptr::handle(item.history, "items.history"),
                        ptr::handle(item.request, "items.request"),
                    )
                };
                match borrowed {
                    (Ok(profile), Ok(history), Ok(request)) => Ok(BatchItem {
                        profile: &profile.inner,
                        history: &history.inner,
                        request: &request.inner,
                    }),
                    (Err(f), _, _) | (_, Err(f), _) | (_, _, Err(f)) => Err(item_failure(f, i)),
                }
            })
            .collect::<FfiResult<Vec<_>>>()?;
        let results = evaluate_batch(&p.inner, &core_items)
            .into_iter()
            .map(|r| r.map(coll_contact_decision::new).map_err(Failure::from))
            .collect();
        out.write(ptr::into_handle(coll_contact_batch { results }));
        Ok(())
    })
}

/// The number of results (the batch's items).
///
/// # Safety
/// `batch` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_batch_count(
    batch: *const coll_contact_batch,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(batch, "batch", out, |b| Ok(b.results.len())) }
}

/// The result of item `index`: on success `*out` is its decision, lent by the batch (valid until the
/// batch is freed; never free it, `coll_contact_decision_clone` it to keep it longer). When the item
/// itself failed, this returns that item's status (`COLL_INVALID_ARGUMENT`, ...) and its message is the
/// last error message, as `coll_contact_evaluate` would have given. Past the end:
/// `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `batch` is NULL or a live handle; `out` is NULL or points to a writable
/// `const coll_contact_decision *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_batch_decision(
    batch: *const coll_contact_batch,
    index: usize,
    out: *mut *const coll_contact_decision,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(batch, "batch", out, |b| {
            match b
                .results
                .get(index)
                .ok_or_else(|| bad_index("index", index, b.results.len()))?
            {
                Ok(d) => Ok(d as *const coll_contact_decision),
                Err(f) => Err(f.clone()),
            }
        })
    }
}

/// Frees a batch and the decisions it lent. NULL is a no-op.
///
/// # Safety
/// `batch` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_batch_free(batch: *mut coll_contact_batch) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(batch) }
}
