//! Portfolio KPIs across the ABI: the collection effectiveness index (with an explicit N), days sales
//! outstanding, recovery, liquidation, promise-kept and right-party-contact rates, and the roll-rate
//! matrix between two dates (`coll_roll_rate_matrix` into the `coll_roll_matrix` handle; accounts and
//! rules as `coll_age_portfolio` takes them).

use std::ffi::c_char;

use collections_core::plan::{
    collection_effectiveness_index, days_sales_outstanding, liquidation_rate, promise_kept_rate,
    recovery_rate, right_party_contact_rate, roll_rate_matrix, CeiInputs, RollMatrix,
};
use rust_decimal::Decimal;

use super::arrangement::coll_tracking;
use crate::calendar::coll_date;
use crate::debt::{accounts_of, at_item, bad_index, coll_aging_account, coll_aging_rules, Text};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::coll_decimal;
use crate::ptr;

/// A ratio that may be undefined (a zero denominator). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_kpi {
    /// 1 when `value` is set; 0 when the denominator was zero.
    pub defined: u8,
    /// The exact quotient (not rounded; zero when undefined).
    pub value: coll_decimal,
}

fn kpi(value: Option<Decimal>) -> coll_kpi {
    coll_kpi {
        defined: u8::from(value.is_some()),
        value: coll_decimal::from_core(value.unwrap_or_default()),
    }
}

/// The body of a KPI function: `compute` in the boundary, its result into `*out`.
///
/// # Safety
/// `out` is NULL or writable.
unsafe fn kpi_call(
    out: *mut coll_kpi,
    compute: impl FnOnce() -> FfiResult<Option<Decimal>>,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(kpi(compute()?));
        Ok(())
    })
}

/// The inputs of the collection effectiveness index. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_cei_inputs {
    /// Receivables at the start of the period.
    pub opening_receivables: coll_decimal,
    /// Credit sales over the period.
    pub credit_sales: coll_decimal,
    /// N: the months the credit sales cover, at least 1.
    pub months: u32,
    /// Receivables at the end.
    pub closing_receivables: coll_decimal,
    /// Receivables at the end not yet due (at most `closing_receivables`).
    pub closing_current_receivables: coll_decimal,
}

/// The collection effectiveness index, (opening + credit sales / N - closing) / (opening + credit
/// sales / N - closing current) x 100, into `*out`. Fails naming `months` (0), a negative amount's
/// field, or `closing_current_receivables` (above the closing receivables).
///
/// # Safety
/// `inputs` is NULL or readable; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_collection_effectiveness_index(
    inputs: *const coll_cei_inputs,
    out: *mut coll_kpi,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        kpi_call(out, || {
            let i = ptr::read(inputs, "inputs")?;
            Ok(collection_effectiveness_index(&CeiInputs {
                opening_receivables: i.opening_receivables.to_core("opening_receivables")?,
                credit_sales: i.credit_sales.to_core("credit_sales")?,
                months: i.months,
                closing_receivables: i.closing_receivables.to_core("closing_receivables")?,
                closing_current_receivables: i
                    .closing_current_receivables
                    .to_core("closing_current_receivables")?,
            })?)
        })
    }
}

/// Days sales outstanding, receivables / credit sales x `days`, into `*out`. Fails naming a negative
/// amount's field.
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_days_sales_outstanding(
    receivables: coll_decimal,
    credit_sales: coll_decimal,
    days: u32,
    out: *mut coll_kpi,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        kpi_call(out, || {
            Ok(days_sales_outstanding(
                receivables.to_core("receivables")?,
                credit_sales.to_core("credit_sales")?,
                days,
            )?)
        })
    }
}

/// The recovery rate, collected / outstanding, into `*out`. Fails naming a negative amount's field.
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_recovery_rate(
    collected: coll_decimal,
    outstanding: coll_decimal,
    out: *mut coll_kpi,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        kpi_call(out, || {
            Ok(recovery_rate(
                collected.to_core("collected")?,
                outstanding.to_core("outstanding")?,
            )?)
        })
    }
}

/// The liquidation rate, gross recoveries / placements, into `*out`. Fails naming a negative amount's
/// field.
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_liquidation_rate(
    gross_recoveries: coll_decimal,
    placements: coll_decimal,
    out: *mut coll_kpi,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        kpi_call(out, || {
            Ok(liquidation_rate(
                gross_recoveries.to_core("gross_recoveries")?,
                placements.to_core("placements")?,
            )?)
        })
    }
}

/// The promise-kept rate over `n_trackings` trackings: promises kept / promises whose deadline has
/// passed, into `*out`. `trackings` may be NULL when `n_trackings` is 0.
///
/// # Safety
/// `trackings` is NULL or points to `n_trackings` live handles; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_promise_kept_rate(
    trackings: *const *const coll_tracking,
    n_trackings: usize,
    out: *mut coll_kpi,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        kpi_call(out, || {
            let handles = ptr::read_slice_or_empty(trackings, n_trackings, "trackings")?;
            let list = handles
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    ptr::handle(*h, "trackings")
                        .map(|t| t.inner.clone())
                        .map_err(|f| at_item(f, &format!("#{i}")))
                })
                .collect::<FfiResult<Vec<_>>>()?;
            Ok(promise_kept_rate(&list))
        })
    }
}

/// The right-party-contact rate, right-party contacts / `denominator` (dial attempts, connected calls:
/// the caller's choice), into `*out`. More contacts than the denominator fails naming
/// `right_party_contacts`.
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_right_party_contact_rate(
    right_party_contacts: u64,
    denominator: u64,
    out: *mut coll_kpi,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        kpi_call(out, || {
            Ok(right_party_contact_rate(right_party_contacts, denominator)?)
        })
    }
}

/// Where accounts in each bucket on one date were on a later date. Opaque; made by
/// `coll_roll_rate_matrix`, freed by `coll_roll_matrix_free`. It never changes.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_roll_matrix {
    inner: RollMatrix,
    labels: Vec<Text>,
}

/// One cell of a roll-rate matrix: the accounts in bucket `from` on the earlier date and in bucket
/// `to` on the later one. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_roll_cell {
    /// How many accounts.
    pub accounts: u64,
    /// What they had outstanding on the earlier date.
    pub outstanding: coll_decimal,
    /// 1 when `rate` is set (the row held something).
    pub has_rate: u8,
    /// `outstanding` / the row's outstanding (not rounded).
    pub rate: coll_decimal,
}

/// The roll-rate matrix of `n_accounts` accounts (as `coll_age_portfolio` takes them) aged by `rules`
/// on `from` and on `to` (after `from`: `COLL_INVALID_ARGUMENT` naming `to` otherwise). An error in an
/// account names it (`amount_due: account #2: ...`). `accounts` may be NULL when `n_accounts` is 0.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_roll_matrix_free`.
///
/// # Safety
/// `accounts` is NULL or points to `n_accounts` readable `coll_aging_account`s whose arrays are NULL
/// or valid for their counts; `rules` is NULL or readable; `out` is NULL or points to a writable
/// `coll_roll_matrix *`.
#[no_mangle]
pub unsafe extern "C" fn coll_roll_rate_matrix(
    accounts: *const coll_aging_account,
    n_accounts: usize,
    from: coll_date,
    to: coll_date,
    rules: *const coll_aging_rules,
    out: *mut *mut coll_roll_matrix,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (accounts, rules, out) = unsafe {
            (
                ptr::read_slice_or_empty(accounts, n_accounts, "accounts")?,
                ptr::read(rules, "rules")?.to_core()?,
                ptr::out(out, "out")?,
            )
        };
        // SAFETY: the caller's contract for each account's arrays.
        let accounts = unsafe { accounts_of(&accounts)? };
        let inner = roll_rate_matrix(&accounts, from.to_core("from")?, to.to_core("to")?, &rules)?;
        let labels = inner.labels.iter().map(|l| Text::new(l)).collect();
        out.write(ptr::into_handle(coll_roll_matrix { inner, labels }));
        Ok(())
    })
}

/// The number of buckets (rows and columns), in `*out`.
///
/// # Safety
/// `matrix` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_roll_matrix_size(
    matrix: *const coll_roll_matrix,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(matrix, "matrix", out, |m| Ok(m.labels.len())) }
}

/// The cell from bucket `from` to bucket `to`, in `*out`. An index past the end gives
/// `COLL_INVALID_ARGUMENT` naming `from` or `to`.
///
/// # Safety
/// `matrix` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_roll_matrix_cell(
    matrix: *const coll_roll_matrix,
    from: usize,
    to: usize,
    out: *mut coll_roll_cell,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(matrix, "matrix", out, |m| {
            let n = m.labels.len();
            if from >= n {
                return Err(bad_index("from", from, n));
            }
            if to >= n {
                return Err(bad_index("to", to, n));
            }
            let m = &m.inner;
            let rate = m.rates[from][to];
            Ok(coll_roll_cell {
                accounts: m.accounts[from][to],
                outstanding: coll_decimal::from_core(m.outstanding[from][to]),
                has_rate: u8::from(rate.is_some()),
                rate: coll_decimal::from_core(rate.unwrap_or_default()),
            })
        })
    }
}

/// Bucket `index`'s label (`"1-30"`): `*out` points into the handle (valid until it is freed,
/// NUL-terminated), `*out_len` its length. An index past the end gives `COLL_INVALID_ARGUMENT` naming
/// `index`.
///
/// # Safety
/// `matrix` is NULL or a live handle; `out` and `out_len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_roll_matrix_label(
    matrix: *const coll_roll_matrix,
    index: usize,
    out: *mut *const c_char,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (m, out, out_len) = unsafe {
            (
                ptr::handle(matrix, "matrix")?,
                ptr::out(out, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let label = m
            .labels
            .get(index)
            .ok_or_else(|| bad_index("index", index, m.labels.len()))?;
        out.write(label.ptr());
        out_len.write(label.len());
        Ok(())
    })
}

/// Frees a matrix. NULL is a no-op.
///
/// # Safety
/// `matrix` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_roll_matrix_free(matrix: *mut coll_roll_matrix) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(matrix) }
}
