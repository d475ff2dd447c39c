//! The `coll_schedule` handle: built from `coll_schedule_terms`, read row by row or in bulk, summed,
//! re-amortized into a new handle, freed.

use collections_core::schedule::{amortize, Row, Schedule};
use collections_core::Error;

use crate::calendar::coll_date;
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::money::coll_decimal;
use crate::ptr;

use super::terms::{coll_reamortization, coll_schedule_terms};

/// An amortized schedule: the rows and totals built from a `coll_schedule_terms`. Opaque; made by
/// `coll_schedule_new` or `coll_schedule_reamortize` and freed by `coll_schedule_free`. It never
/// changes after it is made, so one schedule may be read from several threads at once.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_schedule {
    pub(crate) inner: Schedule,
}

fn into_handle(schedule: Schedule) -> *mut coll_schedule {
    Box::into_raw(Box::new(coll_schedule { inner: schedule }))
}

/// Borrows the schedule behind a handle.
///
/// # Safety
/// `p` is NULL or a live handle from this library.
unsafe fn schedule<'a>(p: *const coll_schedule) -> FfiResult<&'a Schedule> {
    if p.is_null() {
        return Err(Failure::null("schedule"));
    }
    // SAFETY: a live handle made by `into_handle`, never mutated after it was made.
    Ok(unsafe { &(*p).inner })
}

/// One installment of a schedule. Amounts have the currency's minor units (`"1000.00"`). A plain
/// value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_schedule_row {
    /// The installment number, from 1 (the row at index i has number i + 1).
    pub number: u32,
    /// The due date.
    pub due_date: coll_date,
    /// Days since the previous due date (for the first row, since the interest start).
    pub days: i64,
    /// The balance before this row.
    pub opening_balance: coll_decimal,
    /// The amount due (zero on a payment holiday).
    pub payment: coll_decimal,
    /// The interest charged in this row, with any deferred from holidays before it (on a capitalizing
    /// holiday, the interest added to the balance).
    pub interest: coll_decimal,
    /// On a deferring holiday, the interest accrued and carried to the next paying row; else zero.
    pub deferred_interest: coll_decimal,
    /// The principal repaid (negative when interest is capitalized).
    pub principal: coll_decimal,
    /// The balance after this row (zero after the last row).
    pub closing_balance: coll_decimal,
    /// 1 when this row is a payment holiday, else 0.
    pub holiday: u8,
}

impl coll_schedule_row {
    fn from_core(row: &Row) -> coll_schedule_row {
        coll_schedule_row {
            number: row.number,
            due_date: coll_date::from_core(row.due_date),
            days: row.days,
            opening_balance: coll_decimal::from_core(row.opening_balance),
            payment: coll_decimal::from_core(row.payment),
            interest: coll_decimal::from_core(row.interest),
            deferred_interest: coll_decimal::from_core(row.deferred_interest),
            principal: coll_decimal::from_core(row.principal),
            closing_balance: coll_decimal::from_core(row.closing_balance),
            holiday: u8::from(row.holiday),
        }
    }
}

/// The sums of a schedule's columns. A plain value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_schedule_totals {
    /// All payments.
    pub payment: coll_decimal,
    /// All interest.
    pub interest: coll_decimal,
    /// All principal: the principal lent (plus any capitalized odd-period interest).
    pub principal: coll_decimal,
}

/// Builds the amortized schedule of `*terms` (see `coll_schedule_terms`; start from
/// `coll_schedule_terms_init`). For example, 2000 at 10% over 24 months:
///
/// ```c
/// coll_schedule_terms terms;
/// coll_schedule *schedule = NULL;
/// coll_schedule_terms_init(&terms);
/// coll_decimal_from_string("2000", 4, &terms.principal);
/// coll_currency_from_code("USD", 3, &terms.currency);
/// coll_decimal_from_string("0.10", 4, &terms.annual_rate);
/// terms.start_date = (coll_date){2026, 1, 1};
/// terms.first_due_date = (coll_date){2026, 2, 1};
/// terms.term = 24;
/// if (coll_schedule_new(&terms, &schedule) == COLL_OK) {
///     ... coll_schedule_row_count, coll_schedule_row_at, coll_schedule_get_totals ...
///     coll_schedule_free(schedule);
/// }
/// ```
///
/// (`collections-ffi/examples/schedule.c` prints that schedule as a table.)
///
/// Fails, naming the field at fault, with `COLL_INVALID_ARGUMENT` (`principal` not positive,
/// `first_due_date` not after `start_date`, `term` 0 or beyond `max_rows`, an unknown constant, kind
/// data the kind does not take, `payment_holidays` outside the term or on its last period, a schedule
/// that does not end within `max_rows`, ...), `COLL_NO_SOLUTION` naming `payment` when a fixed payment
/// never repays the loan (the message gives the minimum), `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE`,
/// `COLL_UNKNOWN_CURRENCY`, `COLL_INVALID_RATE` naming `annual_rate`, `COLL_DATE_OUT_OF_RANGE` or
/// `COLL_OVERFLOW`.
///
/// Ownership: `terms` and its arrays are borrowed for the call (copied). On success `*out` is a new
/// schedule that the caller owns and frees with `coll_schedule_free`.
///
/// # Safety
/// `terms` is NULL or points to a readable `coll_schedule_terms` whose `payments` is NULL or points to
/// `n_payments` readable `coll_decimal`s and whose `payment_holidays` is NULL or points to
/// `n_payment_holidays` readable `uint32_t`s (NULL only with a count of 0); `out` is NULL or points to
/// a writable `coll_schedule *`.
#[no_mangle]
pub unsafe extern "C" fn coll_schedule_new(
    terms: *const coll_schedule_terms,
    out: *mut *mut coll_schedule,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract, for the struct and for the arrays it points to.
        let (terms, (payments, holidays), out) = unsafe {
            let terms = ptr::read(terms, "terms")?;
            (terms, terms.read_arrays()?, ptr::out(out, "out")?)
        };
        let schedule = amortize(&terms.to_core(payments, holidays)?)?;
        out.write(into_handle(schedule));
        Ok(())
    })
}

/// A new schedule that keeps the rows before `from_row` (1-based) and rebuilds the rest from that row's
/// opening balance with the `changes` (a new rate, term or payment; a struct of zeros keeps the rate
/// and the remaining periods). Payment holidays from `from_row` on are kept; a new payment makes the
/// rest a level-payment schedule. `schedule` itself is unchanged.
///
/// Fails with `COLL_INVALID_ARGUMENT` naming `from_row` when it is 0, past the last row, or at a row
/// whose opening balance is already zero, `payment` when both a term and a payment are given, or a flag
/// of `changes` that is not 0 or 1; `COLL_NO_SOLUTION` naming `payment` when the new payment never
/// repays the balance; `COLL_INVALID_RATE` naming `annual_rate`; `COLL_INVALID_DECIMAL`; or the errors
/// of `coll_schedule_new` for the rebuilt part (`term` 0, ...).
///
/// Ownership: `changes` is borrowed for the call. On success `*out` is a new schedule that the caller
/// owns and frees with `coll_schedule_free`, independently of `schedule`.
///
/// # Safety
/// `schedule` is NULL or a live handle; `changes` is NULL or points to a readable
/// `coll_reamortization`; `out` is NULL or points to a writable `coll_schedule *`.
#[no_mangle]
pub unsafe extern "C" fn coll_schedule_reamortize(
    schedule: *const coll_schedule,
    from_row: u32,
    changes: *const coll_reamortization,
    out: *mut *mut coll_schedule,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (schedule, changes, out) = unsafe {
            (
                self::schedule(schedule)?,
                ptr::read(changes, "changes")?,
                ptr::out(out, "out")?,
            )
        };
        let rebuilt = schedule.reamortize(from_row, changes.to_core()?)?;
        out.write(into_handle(rebuilt));
        Ok(())
    })
}

/// Frees a schedule made by `coll_schedule_new` or `coll_schedule_reamortize`. NULL is a no-op.
///
/// # Safety
/// `schedule` is NULL or a handle from this library that has not been freed; it must not be used
/// afterwards.
#[no_mangle]
pub unsafe extern "C" fn coll_schedule_free(schedule: *mut coll_schedule) {
    if schedule.is_null() {
        return;
    }
    // Dropping a schedule cannot fail; the boundary only guards against the unexpected.
    boundary(|| {
        // SAFETY: made by Box::into_raw in `into_handle` and not freed before (caller's contract).
        drop(unsafe { Box::from_raw(schedule) });
        Ok(())
    });
}

/// The number of rows of the schedule (at least 1).
///
/// # Safety
/// `schedule` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_schedule_row_count(
    schedule: *const coll_schedule,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (schedule, out) = unsafe { (self::schedule(schedule)?, ptr::out(out, "out")?) };
        out.write(schedule.rows().len());
        Ok(())
    })
}

/// The row at `index`, from 0 to the row count - 1 (its `number` is `index + 1`). An index past the
/// last row gives `COLL_INVALID_ARGUMENT` naming `index`. (The accessor is not called
/// `coll_schedule_row`: in C a function may not share its name with the struct type.)
///
/// # Safety
/// `schedule` is NULL or a live handle; `out` is NULL or points to a writable `coll_schedule_row`.
#[no_mangle]
pub unsafe extern "C" fn coll_schedule_row_at(
    schedule: *const coll_schedule,
    index: usize,
    out: *mut coll_schedule_row,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (schedule, out) = unsafe { (self::schedule(schedule)?, ptr::out(out, "out")?) };
        let rows = schedule.rows();
        let row = rows.get(index).ok_or_else(|| -> Failure {
            Error::InvalidArgument {
                field: "index",
                value: index.to_string(),
                reason: format!(
                    "must be a row index from 0 to {}",
                    rows.len().saturating_sub(1)
                ),
            }
            .into()
        })?;
        out.write(coll_schedule_row::from_core(row));
        Ok(())
    })
}

/// Copies every row, in order, into `out`, which has room for `out_cap` rows. On success `*out_len` is
/// the number written (the row count). When they do not fit the call fails with
/// `COLL_BUFFER_TOO_SMALL`, writes nothing to `out` and, as an exception to "out-parameters only on
/// success", sets `*out_len` to the number of rows needed. `out` may be NULL when `out_cap` is 0, to ask
/// for that number. Ownership: `out` belongs to the caller.
///
/// # Safety
/// `schedule` is NULL or a live handle; `out` is NULL or points to `out_cap` writable
/// `coll_schedule_row`s; `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_schedule_rows(
    schedule: *const coll_schedule,
    out: *mut coll_schedule_row,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (schedule, out, out_len) = unsafe {
            (
                self::schedule(schedule)?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let rows = schedule.rows();
        if let Err(failure) = out.check_capacity(rows.len()) {
            out_len.write(rows.len());
            return Err(failure);
        }
        let rows: Vec<coll_schedule_row> = rows.iter().map(coll_schedule_row::from_core).collect();
        out.write_counted(&rows, out_len)
    })
}

/// The sums of the payment, interest and principal columns. (Not `coll_schedule_totals`: that is the
/// struct's name.)
///
/// # Safety
/// `schedule` is NULL or a live handle; `out` is NULL or points to a writable `coll_schedule_totals`.
#[no_mangle]
pub unsafe extern "C" fn coll_schedule_get_totals(
    schedule: *const coll_schedule,
    out: *mut coll_schedule_totals,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (schedule, out) = unsafe { (self::schedule(schedule)?, ptr::out(out, "out")?) };
        let totals = schedule.totals();
        out.write(coll_schedule_totals {
            payment: coll_decimal::from_core(totals.payment),
            interest: coll_decimal::from_core(totals.interest),
            principal: coll_decimal::from_core(totals.principal),
        });
        Ok(())
    })
}

/// The rounded level payment, for kinds that have one (level payment and balloon; the first step of a
/// graduated schedule; for a re-amortized schedule, that of the rebuilt part). On success
/// `*out_has_value` is true and `*out` the payment, or `*out_has_value` is false and `*out` zero
/// (level principal, interest only, custom). `out_has_value` and `out` must not overlap.
///
/// # Safety
/// `schedule` is NULL or a live handle; `out_has_value` is NULL or points to a writable `bool`; `out`
/// is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_schedule_level_payment(
    schedule: *const coll_schedule,
    out_has_value: *mut bool,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (schedule, out_has_value, out) = unsafe {
            (
                self::schedule(schedule)?,
                ptr::out(out_has_value, "out_has_value")?,
                ptr::out(out, "out")?,
            )
        };
        let payment = schedule.level_payment();
        out_has_value.write(payment.is_some());
        out.write(coll_decimal::from_core(payment.unwrap_or_default()));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{COLL_BUFFER_TOO_SMALL, COLL_INVALID_ARGUMENT, COLL_NO_SOLUTION, COLL_OK};
    use crate::schedule::COLL_SCHEDULE_KIND_CUSTOM;
    use rust_decimal::Decimal;
    use std::ffi::CStr;
    use std::mem::MaybeUninit;
    use std::str::FromStr;

    fn d(text: &str) -> coll_decimal {
        coll_decimal::from_core(Decimal::from_str(text).unwrap())
    }

    fn text(value: coll_decimal) -> String {
        value.to_core("value").unwrap().to_string()
    }

    fn last_message() -> String {
        // SAFETY: never NULL, NUL-terminated.
        unsafe { CStr::from_ptr(crate::error::coll_last_error_message()) }
            .to_string_lossy()
            .into_owned()
    }

    /// 2000 at 10% over 24 months from 2026-01-01.
    fn loan() -> coll_schedule_terms {
        coll_schedule_terms::example_loan()
    }

    fn build(terms: &coll_schedule_terms) -> (coll_status, *mut coll_schedule) {
        let mut handle: *mut coll_schedule = std::ptr::null_mut();
        // SAFETY: valid pointers; the terms' arrays are valid for their counts.
        let status = unsafe { coll_schedule_new(terms, &mut handle) };
        (status, handle)
    }

    #[test]
    fn a_24_month_loan_row_by_row_and_in_bulk() {
        let (status, handle) = build(&loan());
        assert_eq!(status, COLL_OK, "{}", last_message());
        let mut count = 0usize;
        // SAFETY: a live handle and valid out-pointers throughout.
        unsafe {
            assert_eq!(coll_schedule_row_count(handle, &mut count), COLL_OK);
            assert_eq!(count, 24);
            let mut has = false;
            let mut payment = d("0");
            assert_eq!(
                coll_schedule_level_payment(handle, &mut has, &mut payment),
                COLL_OK
            );
            assert!(has);
            assert_eq!(text(payment), "92.29");
            let mut first = MaybeUninit::<coll_schedule_row>::uninit();
            assert_eq!(coll_schedule_row_at(handle, 0, first.as_mut_ptr()), COLL_OK);
            let first = first.assume_init();
            assert_eq!(first.number, 1);
            assert_eq!(text(first.interest), "16.67");
            assert_eq!(text(first.principal), "75.62");
            assert_eq!(text(first.closing_balance), "1924.38");
            let mut rows = vec![first; 24];
            let mut needed = 0usize;
            assert_eq!(
                coll_schedule_rows(handle, std::ptr::null_mut(), 0, &mut needed),
                COLL_BUFFER_TOO_SMALL
            );
            assert_eq!(needed, 24);
            let mut len = 0usize;
            assert_eq!(
                coll_schedule_rows(handle, rows.as_mut_ptr(), rows.len(), &mut len),
                COLL_OK
            );
            assert_eq!(len, 24);
            assert_eq!(rows[0], first);
            assert_eq!(text(rows[23].closing_balance), "0.00");
            let mut totals = MaybeUninit::<coll_schedule_totals>::uninit();
            assert_eq!(
                coll_schedule_get_totals(handle, totals.as_mut_ptr()),
                COLL_OK
            );
            let totals = totals.assume_init();
            assert_eq!(text(totals.principal), "2000.00");
            let mut row = first;
            assert_eq!(
                coll_schedule_row_at(handle, 24, &mut row),
                COLL_INVALID_ARGUMENT
            );
            assert!(last_message().starts_with("index: "));
            assert_eq!(row, first);

            // Re-amortized at 5% from row 13: the first 12 rows are kept, the new handle is independent.
            let changes = coll_reamortization {
                has_annual_rate: 1,
                annual_rate: d("0.05"),
                has_term: 0,
                term: 0,
                has_payment: 0,
                payment: d("0"),
            };
            let mut cheaper: *mut coll_schedule = std::ptr::null_mut();
            assert_eq!(
                coll_schedule_reamortize(handle, 13, &changes, &mut cheaper),
                COLL_OK
            );
            coll_schedule_free(handle);
            let mut row12 = first;
            assert_eq!(coll_schedule_row_at(cheaper, 11, &mut row12), COLL_OK);
            assert_eq!(row12, rows[11]);
            assert_eq!(coll_schedule_row_count(cheaper, &mut count), COLL_OK);
            assert_eq!(count, 24);
            let mut zero_from = std::ptr::null_mut();
            assert_eq!(
                coll_schedule_reamortize(cheaper, 0, &changes, &mut zero_from),
                COLL_INVALID_ARGUMENT
            );
            assert!(last_message().starts_with("from_row: "));
            assert!(zero_from.is_null());
            coll_schedule_free(cheaper);
            coll_schedule_free(std::ptr::null_mut());
        }
    }

    #[test]
    fn a_payment_too_small_has_no_solution() {
        let mut terms = loan();
        terms.term = 0;
        terms.has_payment = 1;
        terms.payment = d("16.67");
        let (status, handle) = build(&terms);
        assert_eq!(status, COLL_NO_SOLUTION);
        assert!(handle.is_null());
        assert!(
            last_message().starts_with("payment: "),
            "{}",
            last_message()
        );
        terms.term = 24;
        terms.payment = d("100");
        let (status, _) = build(&terms);
        assert_eq!(status, COLL_INVALID_ARGUMENT);
        assert!(last_message().starts_with("term: "));
    }

    #[test]
    fn arrays_in_the_terms_are_copied() {
        let mut terms = loan();
        let holidays = [3u32, 4];
        terms.payment_holidays = holidays.as_ptr();
        terms.n_payment_holidays = holidays.len();
        let (status, handle) = build(&terms);
        assert_eq!(status, COLL_OK, "{}", last_message());
        let mut row = MaybeUninit::<coll_schedule_row>::uninit();
        // SAFETY: a live handle and a valid out-pointer.
        unsafe {
            assert_eq!(coll_schedule_row_at(handle, 2, row.as_mut_ptr()), COLL_OK);
            assert_eq!(row.assume_init().holiday, 1);
            coll_schedule_free(handle);
        }
        let payments = [d("500"), d("500"), d("500"), d("600")];
        let mut custom = loan();
        custom.kind = COLL_SCHEDULE_KIND_CUSTOM;
        custom.term = 4;
        custom.payments = payments.as_ptr();
        custom.n_payments = payments.len();
        let (status, handle) = build(&custom);
        assert_eq!(status, COLL_OK, "{}", last_message());
        let mut has = true;
        let mut level = d("1");
        // SAFETY: a live handle and valid out-pointers.
        unsafe {
            assert_eq!(
                coll_schedule_level_payment(handle, &mut has, &mut level),
                COLL_OK
            );
            coll_schedule_free(handle);
        }
        assert!(!has);
        assert_eq!(text(level), "0");
        custom.payments = std::ptr::null();
        let (status, _) = build(&custom);
        assert_eq!(status, crate::error::COLL_NULL_ARGUMENT);
        assert_eq!(last_message(), "payments: must not be NULL");
    }
}
