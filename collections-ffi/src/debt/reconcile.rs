//! Reconciliation across the ABI (the core's `debt::reconcile`): payment records a bank or processor
//! reported against those the ledger posted (`coll_reconcile` into the `coll_reconciliation` handle:
//! the pairs that agree and every discrepancy with a suggested resolution), and payments received
//! against the installments a schedule or plan expected (`coll_compare_to_expected` into the
//! `coll_expected_comparison` handle).

use std::ffi::c_char;

use collections_core::debt::reconcile::{
    compare_to_expected, reconcile, DiscrepancyKind, Expected, ExpectedComparison, ExpectedStatus,
    PaymentRecord, Reconciliation, Tolerances,
};

use super::aging::date_or_none;
use super::{at_item, bad_index, text_or_empty, CEnum, Text, COLL_NO_INDEX};
use crate::calendar::coll_date;
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::money::{coll_currency, coll_decimal};
use crate::plan::coll_plan_payment;
use crate::ptr;

/// What kind of discrepancy: one of the `COLL_DISCREPANCY_` constants.
#[allow(non_camel_case_types)]
pub type coll_discrepancy_kind = u32;

/// A reference appears more than once on one side.
pub const COLL_DISCREPANCY_DUPLICATE: coll_discrepancy_kind = 0;
/// The same reference, posted to another account.
pub const COLL_DISCREPANCY_WRONG_ACCOUNT: coll_discrepancy_kind = 1;
/// The same reference, in another currency.
pub const COLL_DISCREPANCY_CURRENCY_MISMATCH: coll_discrepancy_kind = 2;
/// The same reference, amounts apart by more than the tolerance.
pub const COLL_DISCREPANCY_AMOUNT_MISMATCH: coll_discrepancy_kind = 3;
/// The same reference, dates apart by more than the tolerance.
pub const COLL_DISCREPANCY_DATE_MISMATCH: coll_discrepancy_kind = 4;
/// Same account, currency and amount, dates within the window, different references.
pub const COLL_DISCREPANCY_REFERENCE_MISMATCH: coll_discrepancy_kind = 5;
/// Reported, not in the ledger.
pub const COLL_DISCREPANCY_MISSING_IN_LEDGER: coll_discrepancy_kind = 6;
/// In the ledger, not reported.
pub const COLL_DISCREPANCY_MISSING_IN_REPORT: coll_discrepancy_kind = 7;

pub(crate) const DISCREPANCY_KINDS: CEnum<DiscrepancyKind> = CEnum {
    prefix: "COLL_DISCREPANCY_",
    field: "kind",
    constants: &[
        (
            COLL_DISCREPANCY_DUPLICATE,
            DiscrepancyKind::Duplicate,
            c"duplicate",
        ),
        (
            COLL_DISCREPANCY_WRONG_ACCOUNT,
            DiscrepancyKind::WrongAccount,
            c"wrong_account",
        ),
        (
            COLL_DISCREPANCY_CURRENCY_MISMATCH,
            DiscrepancyKind::CurrencyMismatch,
            c"currency_mismatch",
        ),
        (
            COLL_DISCREPANCY_AMOUNT_MISMATCH,
            DiscrepancyKind::AmountMismatch,
            c"amount_mismatch",
        ),
        (
            COLL_DISCREPANCY_DATE_MISMATCH,
            DiscrepancyKind::DateMismatch,
            c"date_mismatch",
        ),
        (
            COLL_DISCREPANCY_REFERENCE_MISMATCH,
            DiscrepancyKind::ReferenceMismatch,
            c"reference_mismatch",
        ),
        (
            COLL_DISCREPANCY_MISSING_IN_LEDGER,
            DiscrepancyKind::MissingInLedger,
            c"missing_in_ledger",
        ),
        (
            COLL_DISCREPANCY_MISSING_IN_REPORT,
            DiscrepancyKind::MissingInReport,
            c"missing_in_report",
        ),
    ],
};

/// What became of an expected installment: one of the `COLL_EXPECTED_` constants.
#[allow(non_camel_case_types)]
pub type coll_expected_status = u32;

/// Covered in full by its due date plus grace.
pub const COLL_EXPECTED_PAID: coll_expected_status = 0;
/// Covered in full, after the grace days.
pub const COLL_EXPECTED_LATE: coll_expected_status = 1;
/// Due, partly covered.
pub const COLL_EXPECTED_SHORT: coll_expected_status = 2;
/// Due, nothing covered.
pub const COLL_EXPECTED_MISSED: coll_expected_status = 3;
/// Not yet due, or still in its grace days, on the as-of date (whatever it has received).
pub const COLL_EXPECTED_NOT_DUE: coll_expected_status = 4;

pub(crate) const EXPECTED_STATUSES: CEnum<ExpectedStatus> = CEnum {
    prefix: "COLL_EXPECTED_",
    field: "expected_status",
    constants: &[
        (COLL_EXPECTED_PAID, ExpectedStatus::Paid, c"paid"),
        (COLL_EXPECTED_LATE, ExpectedStatus::Late, c"late"),
        (COLL_EXPECTED_SHORT, ExpectedStatus::Short, c"short"),
        (COLL_EXPECTED_MISSED, ExpectedStatus::Missed, c"missed"),
        (COLL_EXPECTED_NOT_DUE, ExpectedStatus::NotDue, c"not_due"),
    ],
};

/// One payment as a bank statement, a processor's file or the ledger records it. Text is UTF-8 with
/// its length (no NUL needed). A plain value; a record from `coll_ledger_posted_payments` points to
/// text owned by the ledger.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_payment_record {
    /// The payment's reference (the ledger's payment id; the bank's transaction reference), not blank.
    pub reference: *const c_char,
    /// Bytes in `reference`.
    pub reference_len: usize,
    /// The account it is for, not blank.
    pub account_id: *const c_char,
    /// Bytes in `account_id`.
    pub account_id_len: usize,
    /// The value date.
    pub date: coll_date,
    /// The amount, greater than zero.
    pub amount: coll_decimal,
    /// Its currency.
    pub currency: coll_currency,
}

/// How far apart a matched pair may be and still agree. Start from `coll_tolerances_init`. A plain
/// value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_tolerances {
    /// Days the two dates may differ by (value date against posting date). Default 0.
    pub date_days: u32,
    /// The amount the two may differ by, at least zero. Default 0.
    pub amount: coll_decimal,
    /// For matching without a reference: the days the dates may differ by. Default 3.
    pub match_window_days: u32,
}

/// One discrepancy of a reconciliation. `resolution` points into the `coll_reconciliation` (valid
/// until it is freed, NUL-terminated, `resolution_len` bytes). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_discrepancy {
    /// A `COLL_DISCREPANCY_` constant.
    pub kind: coll_discrepancy_kind,
    /// The index of the reported record involved, or `COLL_NO_INDEX`.
    pub reported: usize,
    /// The index of the posted record involved, or `COLL_NO_INDEX`.
    pub posted: usize,
    /// 1 when `difference` is set (amount and date mismatches), else 0.
    pub has_difference: u8,
    /// Reported amount - posted amount (amount mismatches), or the days reported - posted (date
    /// mismatches).
    pub difference: coll_decimal,
    /// What to do about it, in words (owned by the reconciliation).
    pub resolution: *const c_char,
    /// Bytes in `resolution`.
    pub resolution_len: usize,
}

/// An installment a schedule or plan expected. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_expected_installment {
    /// The due date.
    pub due_date: coll_date,
    /// The amount, greater than zero.
    pub amount: coll_decimal,
}

/// An amount on a date (a payment received; an amount due). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_dated_amount {
    /// The date.
    pub date: coll_date,
    /// The amount.
    pub amount: coll_decimal,
}

/// One expected installment after the comparison. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_expected_outcome {
    /// The installment's due date.
    pub due_date: coll_date,
    /// The installment's amount.
    pub amount: coll_decimal,
    /// What the payments covered of it (oldest installment first).
    pub covered: coll_decimal,
    /// amount - covered.
    pub shortfall: coll_decimal,
    /// 1 when it was covered in full (then `paid_on` is set), else 0.
    pub has_paid_on: u8,
    /// The date its last cent was covered.
    pub paid_on: coll_date,
    /// Payments dated in its period (after the previous due date, up to its own) minus its amount, when
    /// positive: more came in than it asked for.
    pub over: coll_decimal,
    /// A `COLL_EXPECTED_` constant.
    pub status: coll_expected_status,
}

/// The result of `coll_reconcile`. Opaque; freed by `coll_reconciliation_free`. It never changes, so
/// threads may share it.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_reconciliation {
    inner: Reconciliation,
    /// Per discrepancy, its resolution.
    resolutions: Vec<Text>,
}

/// The result of `coll_compare_to_expected`. Opaque; freed by `coll_expected_comparison_free`. It
/// never changes, so threads may share it.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_expected_comparison {
    inner: ExpectedComparison,
}

impl coll_payment_record {
    /// The core record (not yet validated: `reconcile` checks every record and names its side);
    /// `side` names the conversion errors.
    ///
    /// # Safety
    /// The text is NULL or valid for its length.
    unsafe fn to_core(self, side: &'static str) -> FfiResult<PaymentRecord> {
        // SAFETY: the caller's contract.
        let (reference, account_id) = unsafe {
            (
                text_or_empty(self.reference, self.reference_len, side)?,
                text_or_empty(self.account_id, self.account_id_len, side)?,
            )
        };
        Ok(PaymentRecord {
            reference: reference.to_string(),
            account_id: account_id.to_string(),
            date: self.date.to_core(side)?,
            amount: self.amount.to_core(side)?,
            currency: self.currency.to_core(side)?,
        })
    }
}

/// Reads and converts a list of records, an error naming the side and the record (`posted: #2: ...`).
///
/// # Safety
/// `p` is NULL or valid for `n` records whose text is NULL or valid for its length.
unsafe fn records(
    p: *const coll_payment_record,
    n: usize,
    side: &'static str,
) -> FfiResult<Vec<PaymentRecord>> {
    // SAFETY: the caller's contract.
    let list = unsafe { ptr::read_slice_or_empty(p, n, side)? };
    list.iter()
        .enumerate()
        .map(|(i, r)| {
            // SAFETY: the caller's contract for each record's text.
            unsafe { r.to_core(side) }.map_err(|f| at_item(f, &format!("#{i}")))
        })
        .collect()
}

/// The payments of `n` records (the payments a ledger posted, from `coll_ledger_posted_payments`) as
/// plan tracking takes them (`coll_plan_track`): each record's date and amount, into `out` (room for
/// `n`), in the same order. Every record is checked first (reference and account id not blank, an
/// amount above zero): `COLL_INVALID_ARGUMENT` naming the record's field, its index in the message
/// (`amount: records #2: ...`), and nothing is written; also `COLL_INVALID_DECIMAL`,
/// `COLL_INVALID_DATE`, `COLL_UNKNOWN_CURRENCY` or `COLL_INVALID_UTF8`. `records` and `out` may be
/// NULL when `n` is 0.
///
/// Ownership: the records are borrowed for the call; the caller owns `out`.
///
/// # Safety
/// `records` is NULL or points to `n` readable `coll_payment_record`s whose text is NULL or valid for
/// its length; `out` is NULL or points to `n` writable `coll_plan_payment`s.
#[no_mangle]
pub unsafe extern "C" fn coll_payment_records_to_plan_payments(
    records: *const coll_payment_record,
    n: usize,
    out: *mut coll_plan_payment,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let list = unsafe { self::records(records, n, "records")? };
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out_slice_or_size_query(out, n, "out")? };
        let mut payments = Vec::with_capacity(list.len());
        for (i, r) in list.iter().enumerate() {
            r.validate()
                .map_err(|e| at_item(Failure::from(e), &format!("records #{i}")))?;
            let p = r.payment();
            payments.push(coll_plan_payment {
                date: coll_date::from_core(p.date),
                amount: coll_decimal::from_core(p.amount),
            });
        }
        out.write_all(&payments)
    })
}

/// Fills `*out` with the core's default tolerances: 0 days, a zero amount, a match window of 3 days.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_tolerances`.
#[no_mangle]
pub unsafe extern "C" fn coll_tolerances_init(out: *mut coll_tolerances) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let t = Tolerances::default();
        out.write(coll_tolerances {
            date_days: t.date_days,
            amount: coll_decimal::from_core(t.amount),
            match_window_days: t.match_window_days,
        });
        Ok(())
    })
}

/// Reconciles `n_reported` records a bank or processor reported against `n_posted` records the ledger
/// posted (see `coll_ledger_posted_payments`): matched by reference first, then, for what is left, by
/// account, currency, an amount within tolerance and the nearest date within the match window. Every
/// discrepancy (duplicates, wrong account, currency, amount or date, a reference mismatch, missing on
/// either side) comes with a suggested resolution, in the order of the reported list, then of the
/// posted list. Either array may be NULL when its count is 0.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`reference`, `account_id` or `amount` for a blank
/// reference or account id or an amount not above zero, the value naming the list and the record:
/// `amount: ... (got posted #2 T9: 0)`;
/// `tolerances.amount` negative), `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE`,
/// `COLL_UNKNOWN_CURRENCY` or `COLL_INVALID_UTF8` (naming the side).
///
/// Ownership: every input is borrowed for the call. On success `*out` is a new handle the caller owns
/// and frees with `coll_reconciliation_free`.
///
/// # Safety
/// `reported` and `posted` are NULL or point to that many readable records whose text is NULL or valid
/// for its length; `tolerances` is NULL or readable; `out` is NULL or points to a writable
/// `coll_reconciliation *`.
#[no_mangle]
pub unsafe extern "C" fn coll_reconcile(
    reported: *const coll_payment_record,
    n_reported: usize,
    posted: *const coll_payment_record,
    n_posted: usize,
    tolerances: *const coll_tolerances,
    out: *mut *mut coll_reconciliation,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (reported, posted, t, out) = unsafe {
            (
                records(reported, n_reported, "reported")?,
                records(posted, n_posted, "posted")?,
                ptr::read(tolerances, "tolerances")?,
                ptr::out(out, "out")?,
            )
        };
        let tolerances = Tolerances {
            date_days: t.date_days,
            amount: t.amount.to_core("tolerances.amount")?,
            match_window_days: t.match_window_days,
        };
        let inner = reconcile(&reported, &posted, &tolerances)?;
        let resolutions = inner
            .discrepancies
            .iter()
            .map(|d| Text::new(&d.resolution))
            .collect();
        out.write(Box::into_raw(Box::new(coll_reconciliation {
            inner,
            resolutions,
        })));
        Ok(())
    })
}

/// Frees a reconciliation. NULL is a no-op.
///
/// # Safety
/// `reconciliation` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_reconciliation_free(reconciliation: *mut coll_reconciliation) {
    if reconciliation.is_null() {
        return;
    }
    boundary(|| {
        // SAFETY: made by Box::into_raw in `coll_reconcile`, not freed before.
        drop(unsafe { Box::from_raw(reconciliation) });
        Ok(())
    });
}

/// Borrows the reconciliation behind a handle.
///
/// # Safety
/// `p` is NULL or a live handle.
unsafe fn reconciliation<'a>(p: *const coll_reconciliation) -> FfiResult<&'a coll_reconciliation> {
    // SAFETY: NULL or a live handle, by the caller's contract.
    unsafe { p.as_ref() }.ok_or_else(|| Failure::null("reconciliation"))
}

/// The number of pairs that agree.
///
/// # Safety
/// `reconciliation` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_reconciliation_matched_count(
    reconciliation: *const coll_reconciliation,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (r, out) = unsafe { (self::reconciliation(reconciliation)?, ptr::out(out, "out")?) };
        out.write(r.inner.matched.len());
        Ok(())
    })
}

/// Pair `index` that agrees: the reported record's index in `*out_reported` and the posted record's
/// in `*out_posted`. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `reconciliation` is NULL or a live handle; `out_reported` and `out_posted` are NULL or point to
/// writable `size_t`s.
#[no_mangle]
pub unsafe extern "C" fn coll_reconciliation_matched_at(
    reconciliation: *const coll_reconciliation,
    index: usize,
    out_reported: *mut usize,
    out_posted: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (r, reported, posted) = unsafe {
            (
                self::reconciliation(reconciliation)?,
                ptr::out(out_reported, "out_reported")?,
                ptr::out(out_posted, "out_posted")?,
            )
        };
        let matched = &r.inner.matched;
        let (i, j) = matched
            .get(index)
            .copied()
            .ok_or_else(|| bad_index("index", index, matched.len()))?;
        reported.write(i);
        posted.write(j);
        Ok(())
    })
}

/// The number of discrepancies.
///
/// # Safety
/// `reconciliation` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_reconciliation_discrepancy_count(
    reconciliation: *const coll_reconciliation,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (r, out) = unsafe { (self::reconciliation(reconciliation)?, ptr::out(out, "out")?) };
        out.write(r.inner.discrepancies.len());
        Ok(())
    })
}

/// Discrepancy `index` in `*out` (its resolution lent by the reconciliation). Past the end:
/// `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `reconciliation` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_discrepancy`.
#[no_mangle]
pub unsafe extern "C" fn coll_reconciliation_discrepancy_at(
    reconciliation: *const coll_reconciliation,
    index: usize,
    out: *mut coll_discrepancy,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (r, out) = unsafe { (self::reconciliation(reconciliation)?, ptr::out(out, "out")?) };
        let list = &r.inner.discrepancies;
        let (d, resolution) = list
            .get(index)
            .zip(r.resolutions.get(index))
            .ok_or_else(|| bad_index("index", index, list.len()))?;
        out.write(coll_discrepancy {
            kind: DISCREPANCY_KINDS.constant(d.kind)?,
            reported: d.reported.unwrap_or(COLL_NO_INDEX),
            posted: d.posted.unwrap_or(COLL_NO_INDEX),
            has_difference: u8::from(d.difference.is_some()),
            difference: coll_decimal::from_core(d.difference.unwrap_or_default()),
            resolution: resolution.ptr(),
            resolution_len: resolution.len(),
        });
        Ok(())
    })
}

/// Spreads the `n_received` payments received (in date order; those after `as_of` are not yet known)
/// over the `n_expected` installments a schedule or plan expected (in due-date order), oldest first,
/// and judges each with `grace_days` of grace: paid, late, short, missed or not due. Either array may
/// be NULL when its count is 0.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`expected`: an amount not above zero, above
/// 10^15 or out of due-date order; `received`: an amount not above zero, above 10^15 or out of date
/// order), `COLL_INVALID_DECIMAL` or `COLL_INVALID_DATE` (naming `expected`, `received` or `as_of`),
/// `COLL_DATE_OUT_OF_RANGE` naming `grace_days`.
///
/// Ownership: the arrays are borrowed for the call. On success `*out` is a new handle the caller owns
/// and frees with `coll_expected_comparison_free`.
///
/// # Safety
/// `expected` and `received` are NULL or point to that many readable structs; `out` is NULL or points
/// to a writable `coll_expected_comparison *`.
#[no_mangle]
pub unsafe extern "C" fn coll_compare_to_expected(
    expected: *const coll_expected_installment,
    n_expected: usize,
    received: *const coll_dated_amount,
    n_received: usize,
    grace_days: u32,
    as_of: coll_date,
    out: *mut *mut coll_expected_comparison,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (expected, received, out) = unsafe {
            (
                ptr::read_slice_or_empty(expected, n_expected, "expected")?,
                ptr::read_slice_or_empty(received, n_received, "received")?,
                ptr::out(out, "out")?,
            )
        };
        let expected = expected
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let one = || {
                    Ok(Expected {
                        due_date: e.due_date.to_core("expected")?,
                        amount: e.amount.to_core("expected")?,
                    })
                };
                one().map_err(|f| at_item(f, &format!("#{i}")))
            })
            .collect::<FfiResult<Vec<_>>>()?;
        let received = received
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let one = || Ok((p.date.to_core("received")?, p.amount.to_core("received")?));
                one().map_err(|f| at_item(f, &format!("#{i}")))
            })
            .collect::<FfiResult<Vec<_>>>()?;
        let as_of = as_of.to_core("as_of")?;
        let inner = compare_to_expected(&expected, &received, grace_days, as_of)?;
        out.write(Box::into_raw(Box::new(coll_expected_comparison { inner })));
        Ok(())
    })
}

/// Frees a comparison. NULL is a no-op.
///
/// # Safety
/// `comparison` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_expected_comparison_free(comparison: *mut coll_expected_comparison) {
    if comparison.is_null() {
        return;
    }
    boundary(|| {
        // SAFETY: made by Box::into_raw in `coll_compare_to_expected`, not freed before.
        drop(unsafe { Box::from_raw(comparison) });
        Ok(())
    });
}

/// Borrows the comparison behind a handle.
///
/// # Safety
/// `p` is NULL or a live handle.
unsafe fn comparison<'a>(p: *const coll_expected_comparison) -> FfiResult<&'a ExpectedComparison> {
    // SAFETY: NULL or a live handle, by the caller's contract.
    unsafe { p.as_ref() }
        .map(|c| &c.inner)
        .ok_or_else(|| Failure::null("comparison"))
}

/// The number of installments (one per expected installment, in due-date order).
///
/// # Safety
/// `comparison` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_expected_comparison_installment_count(
    comparison: *const coll_expected_comparison,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (c, out) = unsafe { (self::comparison(comparison)?, ptr::out(out, "out")?) };
        out.write(c.installments.len());
        Ok(())
    })
}

/// Installment `index` after the comparison, in `*out`. Past the end: `COLL_INVALID_ARGUMENT` naming
/// `index`.
///
/// # Safety
/// `comparison` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_expected_outcome`.
#[no_mangle]
pub unsafe extern "C" fn coll_expected_comparison_installment_at(
    comparison: *const coll_expected_comparison,
    index: usize,
    out: *mut coll_expected_outcome,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (c, out) = unsafe { (self::comparison(comparison)?, ptr::out(out, "out")?) };
        let o = c
            .installments
            .get(index)
            .ok_or_else(|| bad_index("index", index, c.installments.len()))?;
        let (has_paid_on, paid_on) = date_or_none(o.paid_on);
        out.write(coll_expected_outcome {
            due_date: coll_date::from_core(o.expected.due_date),
            amount: coll_decimal::from_core(o.expected.amount),
            covered: coll_decimal::from_core(o.covered),
            shortfall: coll_decimal::from_core(o.shortfall),
            has_paid_on,
            paid_on,
            over: coll_decimal::from_core(o.over),
            status: EXPECTED_STATUSES.constant(o.status)?,
        });
        Ok(())
    })
}

/// What was received (up to the as-of date) and taken by no installment, in `*out`.
///
/// # Safety
/// `comparison` is NULL or a live handle; `out` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_expected_comparison_unapplied(
    comparison: *const coll_expected_comparison,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (c, out) = unsafe { (self::comparison(comparison)?, ptr::out(out, "out")?) };
        out.write(coll_decimal::from_core(c.unapplied));
        Ok(())
    })
}

/// The `COLL_DISCREPANCY_` constant named by `name` (`duplicate`, `wrong_account`,
/// `currency_mismatch`, `amount_mismatch`, `date_mismatch`, `reference_mismatch`,
/// `missing_in_ledger`, `missing_in_report`). Unknown names give `COLL_INVALID_ARGUMENT` naming `kind`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_discrepancy_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_discrepancy_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_discrepancy_kind,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { DISCREPANCY_KINDS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_DISCREPANCY_` constant (`"wrong_account"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `kind`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_discrepancy_kind_name(
    kind: coll_discrepancy_kind,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { DISCREPANCY_KINDS.write_name_call(kind, out) }
}

/// The `COLL_EXPECTED_` constant named by `name` (`paid`, `late`, `short`, `missed`, `not_due`).
/// Unknown names give `COLL_INVALID_ARGUMENT` naming `expected_status`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_expected_status`.
#[no_mangle]
pub unsafe extern "C" fn coll_expected_status_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_expected_status,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { EXPECTED_STATUSES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_EXPECTED_` constant (`"not_due"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `expected_status`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_expected_status_name(
    status: coll_expected_status,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { EXPECTED_STATUSES.write_name_call(status, out) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_the_cores() {
        DISCREPANCY_KINDS.check(&DiscrepancyKind::ALL, DiscrepancyKind::name);
        let statuses: Vec<ExpectedStatus> =
            EXPECTED_STATUSES.constants.iter().map(|c| c.1).collect();
        EXPECTED_STATUSES.check(&statuses, ExpectedStatus::name);
    }
}
