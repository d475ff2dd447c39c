//! Arrangements across the ABI: `coll_plan_terms`, the `coll_arrangement` handle, tracking against
//! payments (`coll_break_rule`, `coll_plan_track` into the `coll_tracking` handle) and re-planning
//! (`coll_replan_terms`, `coll_arrangement_replan`).

use std::ffi::c_char;

use collections_core::affordability::Debt;
use collections_core::debt::aging::Payment;
use collections_core::plan::{
    track, Arrangement, BreakRule, Freeze, KeptRule, PlanTerms, ReplanTerms, Tracking,
};
use collections_core::schedule::TermOrPayment;

use super::{
    bounds_or_default, coll_arrangement_status, coll_plan_bounds, coll_plan_payment, coll_promise,
    coll_promise_status, from_json, promises_of, ARRANGEMENT_STATUSES, PROMISE_STATUSES,
};
use crate::affordability::coll_plan_debt;
use crate::calendar::{coll_date, coll_frequency};
use crate::contact::write_json;
use crate::debt::{
    at_item, bad_index, coll_date_range, coll_tolerance_kind, optional, text_or_empty,
    tolerance_of, tolerance_to_c, Text, COLL_TOLERANCE_NONE,
};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::{coll_currency, coll_decimal};
use crate::ptr;
use crate::schedule::coll_schedule;

/// What every arrangement on a set of debts shares. Start from `coll_plan_terms_init`. A plain value;
/// the debts and their ids are read during the call that takes it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_plan_terms {
    /// The currency of every amount. No default: set it with `coll_currency_from_code`.
    pub currency: coll_currency,
    /// The debts covered (ids not blank and distinct, balances above zero in minor units, rates not
    /// negative).
    pub debts: *const coll_plan_debt,
    /// The number of `debts`, at least 1.
    pub n_debts: usize,
    /// The day the arrangement starts; no promise may be before it.
    pub start_date: coll_date,
    /// 1 when no interest accrues while the arrangement runs (then the promises add up to no more than
    /// the balance). Default 1.
    pub freeze_interest: u8,
    /// 1 when no fees are charged while it runs. Default 1.
    pub freeze_fees: u8,
    /// Days after a promise's date that a payment still counts as on time. Default 0.
    pub grace_days: u32,
    /// The shortfall that still counts as kept, a `COLL_TOLERANCE_` constant. Default none.
    pub tolerance_kind: coll_tolerance_kind,
    /// The tolerance: an amount, or a percentage of the promise from 0 to 100 (10 for "90% counts as
    /// paid"); zero for none.
    pub tolerance: coll_decimal,
    /// 1 when `bounds` apply; default 0 (no bounds).
    pub has_bounds: u8,
    /// The policy bounds, when `has_bounds` is 1: a plan beyond one is refused naming
    /// `max_term_months` or `minimum_installment`.
    pub bounds: coll_plan_bounds,
}

impl coll_plan_terms {
    /// # Safety
    /// `debts` is NULL or valid for `n_debts` reads, each id valid for its length.
    unsafe fn to_core(self) -> FfiResult<PlanTerms> {
        let currency = self.currency.to_core("currency")?;
        // SAFETY: the caller's contract.
        let debts = unsafe { ptr::read_slice_or_empty(self.debts, self.n_debts, "debts")? };
        let debts = debts
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let at = |f| at_item(f, &format!("debt #{i}"));
                // SAFETY: the caller's contract for each id.
                let id = unsafe { text_or_empty(d.id, d.id_len, "id") }.map_err(at)?;
                Ok(Debt::new(id, d.balance.to_core("balance").map_err(at)?)
                    .with_rate(d.annual_rate.to_core("annual_rate").map_err(at)?))
            })
            .collect::<FfiResult<Vec<Debt>>>()?;
        let mut terms = PlanTerms::new(currency, debts, self.start_date.to_core("start_date")?);
        terms.freeze = Freeze {
            interest: ptr::flag(self.freeze_interest, "freeze_interest")?,
            fees: ptr::flag(self.freeze_fees, "freeze_fees")?,
        };
        terms.kept = KeptRule::new(
            self.grace_days,
            tolerance_of(self.tolerance_kind, self.tolerance)?,
        )?;
        if let Some(b) = optional(self.has_bounds, "has_bounds", || self.bounds.to_core())? {
            terms.bounds = b;
        }
        Ok(terms)
    }
}

/// Fills `*out` with the default terms: no currency (set it), no debts, start 0000-00-00 (set it),
/// interest and fees frozen, no grace days, no tolerance, no bounds.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_plan_terms`.
#[no_mangle]
pub unsafe extern "C" fn coll_plan_terms_init(out: *mut coll_plan_terms) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_plan_terms {
            currency: coll_currency {
                code: [0; 4],
                minor_units: 0,
            },
            debts: std::ptr::null(),
            n_debts: 0,
            start_date: coll_date {
                year: 0,
                month: 0,
                day: 0,
            },
            freeze_interest: 1,
            freeze_fees: 1,
            grace_days: 0,
            tolerance_kind: COLL_TOLERANCE_NONE,
            tolerance: coll_decimal::from_core(rust_decimal::Decimal::ZERO),
            has_bounds: 0,
            bounds: coll_plan_bounds::from_core(&collections_core::plan::PlanBounds::default()),
        });
        Ok(())
    })
}

/// A repayment arrangement: a down payment (optional) and installments on one or more debts, with
/// what is frozen and when a promise counts as kept. Valid by construction. Opaque; made by
/// `coll_arrangement_new`, `coll_arrangement_new_with_terms_json`, `coll_arrangement_from_schedule`,
/// `coll_arrangement_from_json`, `coll_arrangement_cancel`, `coll_arrangement_replan` or
/// `coll_arrangement_clone`, freed by `coll_arrangement_free`. It never changes, so one handle may be
/// shared by threads.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_arrangement {
    pub(crate) inner: Arrangement,
    /// The debts' ids, lent to C.
    ids: Vec<Text>,
}

fn arrangement_handle(inner: Arrangement) -> *mut coll_arrangement {
    let ids = inner.debts().iter().map(|d| Text::new(&d.id)).collect();
    ptr::into_handle(coll_arrangement { inner, ids })
}

/// Handles from C as core arrangements (an error names the position: `plans: #2: must not be NULL`).
///
/// # Safety
/// `plans` is NULL or valid for `n` reads, each NULL or a live handle.
pub(crate) unsafe fn arrangements<'a>(
    plans: *const *const coll_arrangement,
    n: usize,
    field: &'static str,
) -> FfiResult<Vec<&'a Arrangement>> {
    // SAFETY: the caller's contract.
    let handles = unsafe { ptr::read_slice_or_empty(plans, n, field)? };
    handles
        .iter()
        .enumerate()
        .map(|(i, h)| {
            // SAFETY: the caller's contract for each handle.
            unsafe { ptr::handle(*h, field) }
                .map(|a| &a.inner)
                .map_err(|f| at_item(f, &format!("#{i}")))
        })
        .collect()
}

/// The down payment and installments from C.
///
/// # Safety
/// As for `coll_arrangement_new`.
unsafe fn promises_in(
    down_payment: *const coll_promise,
    installments: *const coll_promise,
    n_installments: usize,
) -> FfiResult<(
    Option<collections_core::plan::Promise>,
    Vec<collections_core::plan::Promise>,
)> {
    // SAFETY: the caller's contract.
    let (down, list) = unsafe {
        (
            ptr::read_optional(down_payment),
            ptr::read_slice_or_empty(installments, n_installments, "promises")?,
        )
    };
    let down = down
        .map(|p| p.to_core().map_err(|f| at_item(f, "down payment")))
        .transpose()?;
    Ok((down, promises_of(&list)?))
}

/// An arrangement of an optional down payment (NULL for none) and `n_installments` installments, in
/// strictly increasing date order, none before the start, each above zero in minor units.
///
/// Fails naming the field at fault: `COLL_INVALID_ARGUMENT` naming `promises` (none, out of order,
/// before the plan's start, not above zero, more than the balance with interest frozen: the message
/// names the promise), `max_term_months` or `minimum_installment` (a plan beyond the bounds: the
/// message names the promise), `debts`, `id`, `balance`, `annual_rate`, `tolerance`, a flag, ...;
/// `COLL_INVALID_DATE`, `COLL_INVALID_DECIMAL`, `COLL_UNKNOWN_CURRENCY`.
///
/// Ownership: the inputs are borrowed for the call (copied). On success `*out` is a new handle the
/// caller owns and frees with `coll_arrangement_free`.
///
/// # Safety
/// `terms` is NULL or readable, its debts valid for their count; `down_payment` is NULL or readable;
/// `installments` is NULL or points to `n_installments` readable `coll_promise`s; `out` is NULL or
/// points to a writable `coll_arrangement *`.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_new(
    terms: *const coll_plan_terms,
    down_payment: *const coll_promise,
    installments: *const coll_promise,
    n_installments: usize,
    out: *mut *mut coll_arrangement,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (terms, (down, list), out) = unsafe {
            (
                ptr::read(terms, "terms")?.to_core()?,
                promises_in(down_payment, installments, n_installments)?,
                ptr::out(out, "out")?,
            )
        };
        out.write(arrangement_handle(Arrangement::from_promises(
            &terms, down, list,
        )?));
        Ok(())
    })
}

/// As `coll_arrangement_new`, with the terms as JSON (`terms_len` bytes of UTF-8), the core's
/// `PlanTerms`: `{"currency": "USD", "debts": [{"id", "balance", "annual_rate"}], "start_date",
/// "freeze": {"interest", "fees"}, "kept": {"grace_days", "tolerance": {"kind": "percent", "value":
/// "10"}}, "bounds": {"max_term_months", "minimum_installment": {"type": "fixed", "amount"}}}`.
/// JSON the core refuses as terms fails naming `terms`; the checks of the promises name their fields
/// as `coll_arrangement_new`'s do.
///
/// # Safety
/// `terms_json` is NULL or points to `terms_len` readable bytes; the rest as for
/// `coll_arrangement_new`.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_new_with_terms_json(
    terms_json: *const c_char,
    terms_len: usize,
    down_payment: *const coll_promise,
    installments: *const coll_promise,
    n_installments: usize,
    out: *mut *mut coll_arrangement,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, (down, list), out) = unsafe {
            (
                ptr::text(terms_json, terms_len, "terms_json")?,
                promises_in(down_payment, installments, n_installments)?,
                ptr::out(out, "out")?,
            )
        };
        let terms: PlanTerms = from_json!(text, "terms")?;
        out.write(arrangement_handle(Arrangement::from_promises(
            &terms, down, list,
        )?));
        Ok(())
    })
}

/// An arrangement whose installments are a schedule's paying rows, after an optional down payment
/// (NULL for none): the schedule's principal plus the down payment must be the debts' balance
/// (`COLL_INVALID_ARGUMENT` naming `schedule`), and a schedule bearing interest needs interest not
/// frozen (naming `freeze`); another currency is `COLL_CURRENCY_MISMATCH` naming `schedule`.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_arrangement_free`; the schedule stays the caller's.
///
/// # Safety
/// `terms` is NULL or readable, its debts valid for their count; `down_payment` is NULL or readable;
/// `schedule` is NULL or a live handle; `out` is NULL or points to a writable `coll_arrangement *`.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_from_schedule(
    terms: *const coll_plan_terms,
    down_payment: *const coll_promise,
    schedule: *const coll_schedule,
    out: *mut *mut coll_arrangement,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (terms, down, schedule, out) = unsafe {
            (
                ptr::read(terms, "terms")?.to_core()?,
                ptr::read_optional(down_payment),
                ptr::handle(schedule, "schedule")?,
                ptr::out(out, "out")?,
            )
        };
        let down = down
            .map(|p| p.to_core().map_err(|f| at_item(f, "down payment")))
            .transpose()?;
        out.write(arrangement_handle(Arrangement::from_schedule(
            &terms,
            down,
            &schedule.inner,
        )?));
        Ok(())
    })
}

/// An arrangement from JSON (`len` bytes of UTF-8), the core's form (what `coll_arrangement_to_json`
/// writes): `{"currency", "debts", "start_date", "freeze", "kept", "has_down_payment", "promises":
/// [{"date", "amount"}], "cancelled_on"}`, checked as the constructors check (bounds are not stored).
/// Fails naming `arrangement` (`arrangement: promises: ...`; not JSON: the line and column);
/// `COLL_INVALID_UTF8` naming `text`.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_arrangement_free`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_arrangement *`.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_from_json(
    text: *const c_char,
    len: usize,
    out: *mut *mut coll_arrangement,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        out.write(arrangement_handle(from_json!(text, "arrangement")?));
        Ok(())
    })
}

/// The arrangement as JSON (the form `coll_arrangement_from_json` reads), written into `buf` with a
/// NUL; `*out_len` is its length without the NUL. When `buf_len` is too small: `COLL_BUFFER_TOO_SMALL`,
/// `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be NULL when `buf_len` is 0.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes;
/// `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_to_json(
    arrangement: *const coll_arrangement,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let a = unsafe { ptr::handle(arrangement, "arrangement")? };
        // SAFETY: the caller's contract.
        unsafe { write_json(serde_json::to_string(&a.inner), buf, buf_len, out_len) }
    })
}

/// A copy of the arrangement, freed separately with `coll_arrangement_free`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or points to a writable `coll_arrangement *`.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_clone(
    arrangement: *const coll_arrangement,
    out: *mut *mut coll_arrangement,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            Ok(arrangement_handle(a.inner.clone()))
        })
    }
}

/// Frees an arrangement. NULL is a no-op.
///
/// # Safety
/// `arrangement` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_free(arrangement: *mut coll_arrangement) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(arrangement) }
}

/// A copy of the arrangement cancelled on `on` (not before its start: `COLL_INVALID_ARGUMENT` naming
/// `cancelled_on`), in `*out`, a new handle the caller frees with `coll_arrangement_free`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or points to a writable `coll_arrangement *`.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_cancel(
    arrangement: *const coll_arrangement,
    on: coll_date,
    out: *mut *mut coll_arrangement,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            let on = on.to_core("cancelled_on")?;
            Ok(arrangement_handle(a.inner.clone().cancelled(on)?))
        })
    }
}

/// The day the arrangement was cancelled: `*out_cancelled` 1 and `*out_on` the day, or 0 and
/// `*out_on` left as it was when it was not.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out_cancelled` and `out_on` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_cancelled_on(
    arrangement: *const coll_arrangement,
    out_cancelled: *mut bool,
    out_on: *mut coll_date,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, cancelled, on) = unsafe {
            (
                ptr::handle(arrangement, "arrangement")?,
                ptr::out(out_cancelled, "out_cancelled")?,
                ptr::out(out_on, "out_on")?,
            )
        };
        let day = a.inner.cancelled_on();
        cancelled.write(day.is_some());
        if let Some(d) = day {
            on.write(coll_date::from_core(d));
        }
        Ok(())
    })
}

/// The currency of every amount, in `*out`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_currency(
    arrangement: *const coll_arrangement,
    out: *mut coll_currency,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            Ok(coll_currency::from_core(a.inner.currency()))
        })
    }
}

/// The sum of the debts' balances, in `*out`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_balance(
    arrangement: *const coll_arrangement,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            Ok(coll_decimal::from_core(a.inner.balance()))
        })
    }
}

/// The sum of every promise (the down payment included), in `*out`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_total_promised(
    arrangement: *const coll_arrangement,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            Ok(coll_decimal::from_core(a.inner.total_promised()))
        })
    }
}

/// The start date, in `*out`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_start_date(
    arrangement: *const coll_arrangement,
    out: *mut coll_date,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            Ok(coll_date::from_core(a.inner.start_date()))
        })
    }
}

/// 1 in `*out` when the first promise is a down payment, else 0.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_has_down_payment(
    arrangement: *const coll_arrangement,
    out: *mut bool,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            Ok(a.inner.down_payment().is_some())
        })
    }
}

/// The number of promises (the down payment included), in `*out`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_promise_count(
    arrangement: *const coll_arrangement,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            Ok(a.inner.promises().len())
        })
    }
}

/// Promise `index` (0 is the down payment when there is one), in date order, in `*out`. An index past
/// the end gives `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_promise_at(
    arrangement: *const coll_arrangement,
    index: usize,
    out: *mut coll_promise,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            let list = a.inner.promises();
            list.get(index)
                .map(coll_promise::from_core)
                .ok_or_else(|| bad_index("index", index, list.len()))
        })
    }
}

/// What the arrangement freezes: `*out_interest` and `*out_fees` 1 when frozen, else 0.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out_interest` and `out_fees` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_freeze(
    arrangement: *const coll_arrangement,
    out_interest: *mut bool,
    out_fees: *mut bool,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, interest, fees) = unsafe {
            (
                ptr::handle(arrangement, "arrangement")?,
                ptr::out(out_interest, "out_interest")?,
                ptr::out(out_fees, "out_fees")?,
            )
        };
        let f = a.inner.freeze();
        interest.write(f.interest);
        fees.write(f.fees);
        Ok(())
    })
}

/// When a promise counts as kept: the grace days in `*out_grace_days` and the tolerance's kind (a
/// `COLL_TOLERANCE_` constant) and value in `*out_tolerance_kind` and `*out_tolerance`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; the out-pointers are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_kept_rule(
    arrangement: *const coll_arrangement,
    out_grace_days: *mut u32,
    out_tolerance_kind: *mut coll_tolerance_kind,
    out_tolerance: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, grace, kind, value) = unsafe {
            (
                ptr::handle(arrangement, "arrangement")?,
                ptr::out(out_grace_days, "out_grace_days")?,
                ptr::out(out_tolerance_kind, "out_tolerance_kind")?,
                ptr::out(out_tolerance, "out_tolerance")?,
            )
        };
        let rule = a.inner.kept_rule();
        let (k, v) = tolerance_to_c(rule.tolerance());
        grace.write(rule.grace_days());
        kind.write(k);
        value.write(v);
        Ok(())
    })
}

/// The days to freeze on the ledger while the arrangement runs (when interest or fees are frozen): from
/// its start to its last promise, inclusive, in `*out`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_frozen_period(
    arrangement: *const coll_arrangement,
    out: *mut coll_date_range,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            let r = a.inner.frozen_period()?;
            Ok(coll_date_range {
                start: coll_date::from_core(r.start()),
                end: coll_date::from_core(r.end()),
            })
        })
    }
}

/// The number of debts the arrangement covers, in `*out`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_debt_count(
    arrangement: *const coll_arrangement,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(arrangement, "arrangement", out, |a| Ok(a.ids.len())) }
}

/// Debt `index` (in the order given), in `*out`: its `id` points into the arrangement (valid until it
/// is freed, NUL-terminated). An index past the end gives `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_debt_at(
    arrangement: *const coll_arrangement,
    index: usize,
    out: *mut coll_plan_debt,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(arrangement, "arrangement", out, |a| {
            let debts = a.inner.debts();
            let (d, id) = debts
                .get(index)
                .zip(a.ids.get(index))
                .ok_or_else(|| bad_index("index", index, debts.len()))?;
            Ok(coll_plan_debt {
                id: id.ptr(),
                id_len: id.len(),
                balance: coll_decimal::from_core(d.balance),
                annual_rate: coll_decimal::from_core(d.annual_rate),
            })
        })
    }
}

/// Promise `index` split across the debts pro rata to their balances, to the minor unit (the
/// largest-remainder method: the shares add up to the promise exactly), into `out` (room for
/// `out_cap`, one per debt) with their number in `*out_len`; too small an array gives
/// `COLL_BUFFER_TOO_SMALL` with the number needed in `*out_len`. An index past the end gives
/// `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `out` is NULL or points to `out_cap` writable
/// `coll_decimal`s; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_debt_shares(
    arrangement: *const coll_arrangement,
    index: usize,
    out: *mut coll_decimal,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, out, out_len) = unsafe {
            (
                ptr::handle(arrangement, "arrangement")?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let n = a.inner.promises().len();
        if index >= n {
            return Err(bad_index("index", index, n));
        }
        let shares = a.inner.debt_shares()?;
        let row: Vec<coll_decimal> = shares
            .get(index)
            .map(|r| r.iter().copied().map(coll_decimal::from_core).collect())
            .unwrap_or_default();
        out.write_counted(&row, out_len)
    })
}

// ---------------------------------------------------------------- tracking

/// When an arrangement is broken: after `missed_installments` promises missed (partially kept or
/// broken; consecutively when `consecutive` is 1), or when the cumulative shortfall exceeds a
/// tolerance, or either. Start from `coll_break_rule_init` (two missed installments) or read one with
/// `coll_break_rule_from_json`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_break_rule {
    /// 1 when `missed_installments` applies.
    pub has_missed_installments: u8,
    /// The missed promises that break the arrangement, at least 1.
    pub missed_installments: u32,
    /// 1 when they must be consecutive.
    pub consecutive: u8,
    /// 1 when the cumulative shortfall applies.
    pub has_cumulative_shortfall: u8,
    /// Its kind, a `COLL_TOLERANCE_` constant (an amount or a percentage of what was promised so far).
    pub shortfall_kind: coll_tolerance_kind,
    /// Its value.
    pub shortfall: coll_decimal,
}

impl coll_break_rule {
    fn to_core(self) -> FfiResult<BreakRule> {
        let missed = optional(
            self.has_missed_installments,
            "has_missed_installments",
            || Ok(self.missed_installments),
        )?;
        let shortfall = optional(
            self.has_cumulative_shortfall,
            "has_cumulative_shortfall",
            || tolerance_of(self.shortfall_kind, self.shortfall),
        )?;
        Ok(BreakRule::new(
            missed,
            ptr::flag(self.consecutive, "consecutive")?,
            shortfall,
        )?)
    }

    fn from_core(r: &BreakRule) -> coll_break_rule {
        let (kind, value) = tolerance_to_c(r.cumulative_shortfall().unwrap_or_default());
        coll_break_rule {
            has_missed_installments: u8::from(r.missed_installments().is_some()),
            missed_installments: r.missed_installments().unwrap_or(0),
            consecutive: u8::from(r.consecutive()),
            has_cumulative_shortfall: u8::from(r.cumulative_shortfall().is_some()),
            shortfall_kind: kind,
            shortfall: value,
        }
    }
}

/// Fills `*out` with the default break rule: two missed installments, not necessarily consecutive.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_break_rule`.
#[no_mangle]
pub unsafe extern "C" fn coll_break_rule_init(out: *mut coll_break_rule) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_break_rule::from_core(&BreakRule::default()));
        Ok(())
    })
}

/// A break rule from JSON (`len` bytes of UTF-8), the core's form: `{"missed_installments": 2,
/// "consecutive": false, "cumulative_shortfall": {"kind": "amount", "value": "50"}}` (either test may
/// be null), into `*out`. Fails naming `break_rule` (`break_rule: missed_installments: ...`; not JSON:
/// the line and column); `COLL_INVALID_UTF8` naming `text`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_break_rule`.
#[no_mangle]
pub unsafe extern "C" fn coll_break_rule_from_json(
    text: *const c_char,
    len: usize,
    out: *mut coll_break_rule,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        let rule: BreakRule = from_json!(text, "break_rule")?;
        out.write(coll_break_rule::from_core(&rule));
        Ok(())
    })
}

/// An arrangement tracked against payments as of a date: each promise's standing and the
/// arrangement's. Opaque; made by `coll_plan_track` or `coll_tracking_clone`, freed by
/// `coll_tracking_free`. It never changes.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_tracking {
    pub(crate) inner: Tracking,
}

/// A tracking's figures. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_tracking_summary {
    /// The day tracked to.
    pub as_of: coll_date,
    /// A `COLL_ARRANGEMENT_` constant.
    pub status: coll_arrangement_status,
    /// 1 when `status_date` is set (the day it completed, broke or was cancelled); 0 while active.
    pub has_status_date: u8,
    /// That day ({0, 0, 0} when there is none).
    pub status_date: coll_date,
    /// Everything paid toward the promises.
    pub paid: coll_decimal,
    /// Payments beyond the last promise.
    pub unmatched: coll_decimal,
    /// Shortfalls tolerated on settled promises (still owed on the debt).
    pub tolerated_shortfall: coll_decimal,
    /// What is left of the unsettled promises.
    pub remaining: coll_decimal,
    /// Promises whose deadline has passed, partially kept or broken.
    pub missed: u32,
    /// The number of promises (`coll_tracking_promise_at`).
    pub n_promises: usize,
}

/// One promise's standing. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_promise_track {
    /// The promise's date.
    pub date: coll_date,
    /// The amount promised.
    pub amount: coll_decimal,
    /// The last day a payment counts on time (date plus grace days).
    pub deadline: coll_date,
    /// Paid toward it (on time or late).
    pub paid: coll_decimal,
    /// Paid toward it by the deadline.
    pub paid_on_time: coll_decimal,
    /// A `COLL_PROMISE_` constant.
    pub status: coll_promise_status,
}

/// Tracks an arrangement against `n_payments` payments (any order; those before the start or after
/// `as_of` are ignored) as of `as_of`, breaking it by `rule` (NULL: the default, two missed
/// installments). `payments` may be NULL when `n_payments` is 0.
///
/// Fails: `COLL_INVALID_ARGUMENT` naming `payments` (an amount not above zero: the message names the
/// payment), `break_rule`, `missed_installments`, `tolerance`, a flag or a constant; `COLL_INVALID_DATE`,
/// `COLL_INVALID_DECIMAL`.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with `coll_tracking_free`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `payments` is NULL or points to `n_payments` readable
/// `coll_plan_payment`s; `rule` is NULL or readable; `out` is NULL or points to a writable
/// `coll_tracking *`.
#[no_mangle]
pub unsafe extern "C" fn coll_plan_track(
    arrangement: *const coll_arrangement,
    payments: *const coll_plan_payment,
    n_payments: usize,
    as_of: coll_date,
    rule: *const coll_break_rule,
    out: *mut *mut coll_tracking,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, payments, rule, out) = unsafe {
            (
                ptr::handle(arrangement, "arrangement")?,
                ptr::read_slice_or_empty(payments, n_payments, "payments")?,
                ptr::read_optional(rule),
                ptr::out(out, "out")?,
            )
        };
        let payments = payments
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let at = |f| at_item(f, &format!("payment #{i}"));
                Ok(Payment {
                    date: p.date.to_core("payments").map_err(at)?,
                    amount: p.amount.to_core("payments").map_err(at)?,
                })
            })
            .collect::<FfiResult<Vec<Payment>>>()?;
        let rule = rule.map_or(Ok(BreakRule::default()), coll_break_rule::to_core)?;
        let inner = track(&a.inner, &payments, as_of.to_core("as_of")?, &rule)?;
        out.write(ptr::into_handle(coll_tracking { inner }));
        Ok(())
    })
}

/// The tracking's figures, in `*out`.
///
/// # Safety
/// `tracking` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_tracking_get_summary(
    tracking: *const coll_tracking,
    out: *mut coll_tracking_summary,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(tracking, "tracking", out, |t| {
            let t = &t.inner;
            let (has_status_date, status_date) = crate::affordability::date_or_none(t.status_date);
            Ok(coll_tracking_summary {
                as_of: coll_date::from_core(t.as_of),
                status: ARRANGEMENT_STATUSES.constant(t.status)?,
                has_status_date,
                status_date,
                paid: coll_decimal::from_core(t.paid),
                unmatched: coll_decimal::from_core(t.unmatched),
                tolerated_shortfall: coll_decimal::from_core(t.tolerated_shortfall),
                remaining: coll_decimal::from_core(t.remaining),
                missed: t.missed,
                n_promises: t.promises.len(),
            })
        })
    }
}

/// Promise `index`'s standing, in `*out`. An index past the end gives `COLL_INVALID_ARGUMENT` naming
/// `index`.
///
/// # Safety
/// `tracking` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_tracking_promise_at(
    tracking: *const coll_tracking,
    index: usize,
    out: *mut coll_promise_track,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(tracking, "tracking", out, |t| {
            let list = &t.inner.promises;
            let p = list
                .get(index)
                .ok_or_else(|| bad_index("index", index, list.len()))?;
            Ok(coll_promise_track {
                date: coll_date::from_core(p.date),
                amount: coll_decimal::from_core(p.amount),
                deadline: coll_date::from_core(p.deadline),
                paid: coll_decimal::from_core(p.paid),
                paid_on_time: coll_decimal::from_core(p.paid_on_time),
                status: PROMISE_STATUSES.constant(p.status)?,
            })
        })
    }
}

/// The tracking as JSON (the core's form), written into `buf` with a NUL as
/// `coll_arrangement_to_json` writes.
///
/// # Safety
/// `tracking` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
/// is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_tracking_to_json(
    tracking: *const coll_tracking,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let t = unsafe { ptr::handle(tracking, "tracking")? };
        // SAFETY: the caller's contract.
        unsafe { write_json(serde_json::to_string(&t.inner), buf, buf_len, out_len) }
    })
}

/// A copy of the tracking, freed separately with `coll_tracking_free`.
///
/// # Safety
/// `tracking` is NULL or a live handle; `out` is NULL or points to a writable `coll_tracking *`.
#[no_mangle]
pub unsafe extern "C" fn coll_tracking_clone(
    tracking: *const coll_tracking,
    out: *mut *mut coll_tracking,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(tracking, "tracking", out, |t| {
            Ok(ptr::into_handle(coll_tracking {
                inner: t.inner.clone(),
            }))
        })
    }
}

/// Frees a tracking. NULL is a no-op.
///
/// # Safety
/// `tracking` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_tracking_free(tracking: *mut coll_tracking) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(tracking) }
}

// ---------------------------------------------------------------- re-planning

/// How to re-plan what is left after a break: a schedule from `start_date` (not before the tracking
/// date) with its first installment on `first_due_date`, every `frequency`, over `term` installments
/// or at a level `payment`. Start from `coll_replan_terms_init` or `coll_replan_terms_from_json`. A
/// plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_replan_terms {
    /// The new plan's start.
    pub start_date: coll_date,
    /// Its first installment.
    pub first_due_date: coll_date,
    /// How often. Default monthly.
    pub frequency: coll_frequency,
    /// The number of installments; 0 when `has_payment` is 1.
    pub term: u32,
    /// 1 when `payment` fixes the installment and the term follows.
    pub has_payment: u8,
    /// The installment, when `has_payment` is 1.
    pub payment: coll_decimal,
    /// The annual rate as a fraction, used only when interest is not frozen. Default 0.
    pub annual_rate: coll_decimal,
    /// 1 when `balance` gives what is owed now (required when interest is not frozen); 0: the
    /// balance less what was paid.
    pub has_balance: u8,
    /// What is owed now, when `has_balance` is 1.
    pub balance: coll_decimal,
}

impl coll_replan_terms {
    fn to_core(self) -> FfiResult<ReplanTerms> {
        let term_or_payment = if ptr::flag(self.has_payment, "has_payment")? {
            if self.term != 0 {
                return Err(crate::debt::not_taken(
                    "term",
                    self.term,
                    "a re-plan with a payment (has_payment 1)",
                ));
            }
            TermOrPayment::Payment(self.payment.to_core("payment")?)
        } else {
            TermOrPayment::Term(self.term)
        };
        let mut t = ReplanTerms::new(
            self.start_date.to_core("start_date")?,
            self.first_due_date.to_core("first_due_date")?,
            self.frequency.to_core("frequency")?,
            term_or_payment,
        );
        t.annual_rate = crate::rate::rate(self.annual_rate, "annual_rate")?;
        t.balance = optional(self.has_balance, "has_balance", || {
            self.balance.to_core("balance")
        })?;
        Ok(t)
    }

    fn from_core(t: &ReplanTerms) -> FfiResult<coll_replan_terms> {
        let zero = coll_decimal::from_core(rust_decimal::Decimal::ZERO);
        let (term, has_payment, payment) = match t.term_or_payment {
            TermOrPayment::Term(n) => (n, 0, zero),
            TermOrPayment::Payment(p) => (0, 1, coll_decimal::from_core(p)),
        };
        Ok(coll_replan_terms {
            start_date: coll_date::from_core(t.start_date),
            first_due_date: coll_date::from_core(t.first_due_date),
            frequency: coll_frequency::from_core(t.frequency)?,
            term,
            has_payment,
            payment,
            annual_rate: coll_decimal::from_core(t.annual_rate.as_fraction()),
            has_balance: u8::from(t.balance.is_some()),
            balance: t.balance.map_or(zero, coll_decimal::from_core),
        })
    }
}

/// Fills `*out` with the default re-plan terms: monthly, rate 0, no balance; the dates ({0, 0, 0}) and
/// the term (0) or payment are to be set.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_replan_terms`.
#[no_mangle]
pub unsafe extern "C" fn coll_replan_terms_init(out: *mut coll_replan_terms) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let zero = coll_decimal::from_core(rust_decimal::Decimal::ZERO);
        let no_date = coll_date {
            year: 0,
            month: 0,
            day: 0,
        };
        out.write(coll_replan_terms {
            start_date: no_date,
            first_due_date: no_date,
            frequency: coll_frequency::from_core(collections_core::Frequency::Monthly)?,
            term: 0,
            has_payment: 0,
            payment: zero,
            annual_rate: zero,
            has_balance: 0,
            balance: zero,
        });
        Ok(())
    })
}

/// Re-plan terms from JSON (`len` bytes of UTF-8), the core's `ReplanTerms`: `{"start_date",
/// "first_due_date", "frequency": "monthly", "term_or_payment": {"term": 6} | {"payment": "50"},
/// "annual_rate": "0", "balance": null}`, into `*out`. Fails naming `replan`; `COLL_INVALID_UTF8`
/// naming `text`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_replan_terms`.
#[no_mangle]
pub unsafe extern "C" fn coll_replan_terms_from_json(
    text: *const c_char,
    len: usize,
    out: *mut coll_replan_terms,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        let t: ReplanTerms = from_json!(text, "replan")?;
        out.write(coll_replan_terms::from_core(&t)?);
        Ok(())
    })
}

/// A new arrangement for what is left after `tracking` (of this arrangement): the balance less what
/// was paid (interest frozen) or the terms' balance, amortized by the terms, on the same debts (pro
/// rata), freeze and kept rule, within `bounds` (NULL: none). Fails naming `start_date` (before the
/// tracking date), `balance` (nothing left, or none given with interest not frozen),
/// `max_term_months` / `minimum_installment` (beyond the bounds), or a schedule field.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_arrangement_free`.
///
/// # Safety
/// `arrangement` and `tracking` are NULL or live handles; `terms` is NULL or readable; `bounds` is
/// NULL or readable; `out` is NULL or points to a writable `coll_arrangement *`.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_replan(
    arrangement: *const coll_arrangement,
    tracking: *const coll_tracking,
    terms: *const coll_replan_terms,
    bounds: *const coll_plan_bounds,
    out: *mut *mut coll_arrangement,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, t, terms, bounds, out) = unsafe {
            (
                ptr::handle(arrangement, "arrangement")?,
                ptr::handle(tracking, "tracking")?,
                ptr::read(terms, "terms")?,
                bounds_or_default(bounds)?,
                ptr::out(out, "out")?,
            )
        };
        let plan = a.inner.replan(&t.inner, &terms.to_core()?, &bounds)?;
        out.write(arrangement_handle(plan));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::error::{coll_last_error_message, COLL_INVALID_ARGUMENT, COLL_OK};
    use std::ffi::CStr;

    fn last_message() -> String {
        // SAFETY: never NULL, NUL-terminated.
        unsafe { CStr::from_ptr(coll_last_error_message()) }
            .to_string_lossy()
            .into_owned()
    }

    const PLAN: &str = r#"{"currency":"USD","debts":[{"id":"a","balance":"300.00","annual_rate":"0"}],
        "start_date":"2026-01-01","freeze":{"interest":true,"fees":true},
        "kept":{"grace_days":0,"tolerance":{"kind":"none"}},"has_down_payment":false,
        "promises":[{"date":"2026-01-10","amount":"100.00"},{"date":"2026-02-10","amount":"100.00"},
        {"date":"2026-03-10","amount":"100.00"}],"cancelled_on":null}"#;

    #[test]
    fn json_the_core_refuses_names_the_input_then_the_field() {
        let text = PLAN.replace("2026-02-10", "2026-01-05");
        let mut out = std::ptr::null_mut();
        // SAFETY: valid text and out-pointer.
        let status =
            unsafe { coll_arrangement_from_json(text.as_ptr().cast(), text.len(), &mut out) };
        assert_eq!(status, COLL_INVALID_ARGUMENT);
        assert!(out.is_null());
        assert!(
            last_message().starts_with("arrangement: promises: "),
            "{}",
            last_message()
        );
    }

    #[test]
    fn tracks_through_the_abi() {
        let mut a = std::ptr::null_mut();
        let mut t = std::ptr::null_mut();
        // SAFETY: valid text and out-pointers; the handles are freed below.
        unsafe {
            assert_eq!(
                coll_arrangement_from_json(PLAN.as_ptr().cast(), PLAN.len(), &mut a),
                COLL_OK
            );
            // 100.00 on 01-09 keeps January's promise; February's is missed by 03-01: one miss, active.
            let pay = [coll_plan_payment {
                date: coll_date::from_core(chrono::NaiveDate::from_ymd_opt(2026, 1, 9).unwrap()),
                amount: coll_decimal::from_core(rust_decimal::Decimal::new(10000, 2)),
            }];
            let as_of = coll_date::from_core(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
            assert_eq!(
                coll_plan_track(a, pay.as_ptr(), 1, as_of, std::ptr::null(), &mut t),
                COLL_OK
            );
            let mut s = std::mem::zeroed::<coll_tracking_summary>();
            assert_eq!(coll_tracking_get_summary(t, &mut s), COLL_OK);
            assert_eq!(s.status, super::super::COLL_ARRANGEMENT_ACTIVE);
            assert_eq!(s.missed, 1);
            assert_eq!(s.remaining.to_core("r").unwrap().to_string(), "200.00");
            coll_tracking_free(t);
            coll_arrangement_free(a);
        }
    }
}
