//! Aging over time across the ABI (the rest of the core's `debt::aging`): an account's dated activity
//! (`coll_account_activity`: what fell due, what was paid, frozen periods) with its obligations and
//! last payment on a date, its month-end agings and its delinquency history (the
//! `coll_delinquency_history` handle); and roll rates between two agings of a portfolio.

use std::ffi::c_char;

use chrono::NaiveDate;
use collections_core::debt::aging::{
    roll_rates, AccountActivity, BucketTotals, DelinquencyChange, DueAmount, Payment,
    PortfolioAging, RollMeasure,
};
use rust_decimal::Decimal;

use super::aging::{
    aging_result, coll_aging_result, coll_aging_rules, coll_bucket_totals, coll_date_range,
    coll_obligation, date_or_none, frozen_periods, obligation_of,
};
use super::reconcile::coll_dated_amount;
use super::{at_item, bad_index, CEnum, Text};
use crate::calendar::coll_date;
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::money::coll_decimal;
use crate::ptr;

/// Which balance a roll rate compares: one of the `COLL_ROLL_MEASURE_` constants.
#[allow(non_camel_case_types)]
pub type coll_roll_measure = u32;

/// The accounts' outstanding amounts. The default.
pub const COLL_ROLL_MEASURE_OUTSTANDING: coll_roll_measure = 0;
/// Their past-due amounts.
pub const COLL_ROLL_MEASURE_PAST_DUE: coll_roll_measure = 1;
/// The number of accounts.
pub const COLL_ROLL_MEASURE_ACCOUNTS: coll_roll_measure = 2;

pub(crate) const ROLL_MEASURES: CEnum<RollMeasure> = CEnum {
    prefix: "COLL_ROLL_MEASURE_",
    field: "roll_measure",
    constants: &[
        (
            COLL_ROLL_MEASURE_OUTSTANDING,
            RollMeasure::Outstanding,
            c"outstanding",
        ),
        (
            COLL_ROLL_MEASURE_PAST_DUE,
            RollMeasure::PastDue,
            c"past-due",
        ),
        (
            COLL_ROLL_MEASURE_ACCOUNTS,
            RollMeasure::Accounts,
            c"accounts",
        ),
    ],
};

/// One roll rate: the balance in bucket k+1 now ÷ the balance in bucket k before. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_roll_rate {
    /// 1 when bucket k held something before (then `rate` is set), else 0.
    pub has_rate: u8,
    /// The rate (1 is everything rolled; above 1 when more arrived than was there).
    pub rate: coll_decimal,
}

/// An account's dated facts: what fell due (in date order), what was paid and when (in date order), and
/// its frozen periods (in order, not overlapping). Payments are applied to the oldest unpaid amount
/// first on the day they are received; a payment beyond everything due is a credit aging ignores. Any
/// array may be NULL when its count is 0. Ownership: the caller's; read during each call only.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_account_activity {
    /// The amounts due (installments, minimum payments, fees), each at least zero.
    pub dues: *const coll_dated_amount,
    /// The number of `dues`.
    pub n_dues: usize,
    /// The payments received, each at least zero.
    pub payments: *const coll_dated_amount,
    /// The number of `payments`.
    pub n_payments: usize,
    /// The frozen periods (days past due stand still).
    pub frozen: *const coll_date_range,
    /// The number of `frozen` periods.
    pub n_frozen: usize,
}

/// An aging at a month end (`coll_month_end_agings`). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_month_end_aging {
    /// The month end.
    pub as_of: coll_date,
    /// The account aged on it.
    pub aging: coll_aging_result,
}

/// One point of a delinquency history: the account's aging on a date where its bucket, the due date
/// its days count from, its past-due amount or its frozen state changed (between two points the days
/// past due grow by one a day, except on frozen days). `bucket_label` points into the history (valid
/// until it is freed, NUL-terminated). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_delinquency_change {
    /// The date of the change.
    pub date: coll_date,
    /// Days past due on that date.
    pub days_past_due: u32,
    /// 1 when something is past due (then `counting_from` is set), else 0.
    pub has_counting_from: u8,
    /// The due date the days count from.
    pub counting_from: coll_date,
    /// The bucket index.
    pub bucket: u32,
    /// Its label (owned by the history).
    pub bucket_label: *const c_char,
    /// Bytes in `bucket_label`.
    pub bucket_label_len: usize,
    /// The past-due amount on that date.
    pub past_due_amount: coll_decimal,
    /// 1 when the date is in a frozen period, else 0.
    pub frozen: u8,
}

/// A delinquency history (`coll_delinquency_history_new`). Opaque; freed by
/// `coll_delinquency_history_free`. It never changes, so threads may share it.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_delinquency_history {
    changes: Vec<DelinquencyChange>,
    /// Per change, its bucket label.
    labels: Vec<Text>,
}

impl coll_account_activity {
    /// The core activity, its arrays copied and checked by the core.
    ///
    /// # Safety
    /// The arrays are NULL or valid for their counts.
    unsafe fn to_core(self) -> FfiResult<AccountActivity> {
        // SAFETY: the caller's contract.
        let (dues, payments, frozen) = unsafe {
            (
                ptr::read_slice_or_empty(self.dues, self.n_dues, "dues")?,
                ptr::read_slice_or_empty(self.payments, self.n_payments, "payments")?,
                ptr::read_slice_or_empty(self.frozen, self.n_frozen, "frozen")?,
            )
        };
        let dated = |list: &[coll_dated_amount], field: &'static str| {
            list.iter()
                .enumerate()
                .map(|(i, d)| {
                    let one = || Ok((d.date.to_core(field)?, d.amount.to_core(field)?));
                    one().map_err(|f| at_item(f, &format!("#{i}")))
                })
                .collect::<FfiResult<Vec<(NaiveDate, Decimal)>>>()
        };
        let dues = dated(&dues, "dues")?
            .into_iter()
            .map(|(date, amount)| DueAmount { date, amount })
            .collect();
        let payments = dated(&payments, "payments")?
            .into_iter()
            .map(|(date, amount)| Payment { date, amount })
            .collect();
        Ok(AccountActivity::new(
            dues,
            payments,
            frozen_periods(&frozen)?,
        )?)
    }
}

/// Reads and converts an activity and rules.
///
/// # Safety
/// The pointers are NULL or readable, with their arrays valid for their counts.
unsafe fn inputs(
    activity: *const coll_account_activity,
    rules: *const coll_aging_rules,
) -> FfiResult<(AccountActivity, collections_core::debt::aging::AgingRules)> {
    // SAFETY: the caller's contract.
    unsafe {
        let activity = ptr::read(activity, "activity")?;
        let rules = ptr::read(rules, "rules")?;
        Ok((activity.to_core()?, rules.to_core()?))
    }
}

fn rates_of(rates: &[Option<Decimal>]) -> Vec<coll_roll_rate> {
    rates
        .iter()
        .map(|r| coll_roll_rate {
            has_rate: u8::from(r.is_some()),
            rate: coll_decimal::from_core(r.unwrap_or_default()),
        })
        .collect()
}

/// The `COLL_ROLL_MEASURE_` constant named by `name`: `outstanding`, `past-due` or `accounts`. Unknown
/// names give `COLL_INVALID_ARGUMENT` naming `roll_measure`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_roll_measure`.
#[no_mangle]
pub unsafe extern "C" fn coll_roll_measure_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_roll_measure,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ROLL_MEASURES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_ROLL_MEASURE_` constant (`"past-due"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `roll_measure`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_roll_measure_name(
    measure: coll_roll_measure,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ROLL_MEASURES.write_name_call(measure, out) }
}

/// Roll rates from per-bucket balances: `now[k + 1] / earlier[k]` for each bucket k but the last, into
/// `out` (room for `out_cap`, at least `n_buckets - 1`); `*out_len` is their number. A rate is absent
/// (`has_rate` 0) where `earlier[k]` is zero. For example earlier 1000, 200, 50 and now 900, 100, 40
/// give 0.1 and 0.2. When they do not fit: `COLL_BUFFER_TOO_SMALL`, nothing written to `out`,
/// `*out_len` the number needed; `out` may be NULL when `out_cap` is 0, to ask for it.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`now` for fewer than two buckets, `earlier` or
/// `now` for a negative balance) or `COLL_INVALID_DECIMAL`.
///
/// # Safety
/// `earlier` and `now` are NULL or point to `n_buckets` readable `coll_decimal`s; `out` is NULL or
/// points to `out_cap` writable `coll_roll_rate`s; `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_roll_rates(
    earlier: *const coll_decimal,
    now: *const coll_decimal,
    n_buckets: usize,
    out: *mut coll_roll_rate,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (earlier, now, out, out_len) = unsafe {
            (
                ptr::read_slice_or_empty(earlier, n_buckets, "earlier")?,
                ptr::read_slice_or_empty(now, n_buckets, "now")?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let earlier = coll_decimal::list_to_core(earlier, "earlier")?;
        let now = coll_decimal::list_to_core(now, "now")?;
        out.write_counted(&rates_of(&roll_rates(&earlier, &now)?), out_len)
    })
}

/// Roll rates between two portfolio agings (the bucket totals `coll_age_portfolio` wrote, under the
/// same rules): the `measure` of bucket k+1 on `as_of` ÷ that of bucket k on `earlier_as_of`, for each
/// bucket k but the last, into `out` as `coll_roll_rates` does.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`earlier` dated on or after `as_of`, `now` for
/// fewer than two buckets, `measure` unknown), `COLL_INVALID_DECIMAL` or `COLL_INVALID_DATE`.
///
/// # Safety
/// `earlier` and `now` are NULL or point to `n_buckets` readable `coll_bucket_totals`; `out` is NULL or
/// points to `out_cap` writable `coll_roll_rate`s; `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_portfolio_roll_rates(
    earlier: *const coll_bucket_totals,
    earlier_as_of: coll_date,
    now: *const coll_bucket_totals,
    as_of: coll_date,
    n_buckets: usize,
    measure: coll_roll_measure,
    out: *mut coll_roll_rate,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (earlier, now, out, out_len) = unsafe {
            (
                ptr::read_slice_or_empty(earlier, n_buckets, "earlier")?,
                ptr::read_slice_or_empty(now, n_buckets, "now")?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let measure = ROLL_MEASURES.core(measure, "measure")?;
        // The core compares two agings; the C caller has their totals. Both get the same (empty)
        // labels, as they come from the same rules.
        let aging = |totals: &[coll_bucket_totals], as_of: coll_date, field: &'static str| {
            Ok::<_, Failure>(PortfolioAging {
                as_of: as_of.to_core(field)?,
                labels: Vec::new(),
                totals: totals
                    .iter()
                    .map(|t| {
                        Ok(BucketTotals {
                            accounts: t.accounts,
                            outstanding: t.outstanding.to_core(field)?,
                            past_due: t.past_due.to_core(field)?,
                        })
                    })
                    .collect::<FfiResult<Vec<_>>>()?,
                accounts: Vec::new(),
            })
        };
        let then = aging(&earlier, earlier_as_of, "earlier")?;
        let current = aging(&now, as_of, "now")?;
        out.write_counted(
            &rates_of(&current.roll_rates_from(&then, measure)?),
            out_len,
        )
    })
}

/// The account's obligations as they stood at the end of `date` (payments received up to it applied
/// oldest first), in due order, into `out` (room for `out_cap`); `*out_len` is their number. Too little
/// room: `COLL_BUFFER_TOO_SMALL` with the number needed in `*out_len` (`out` may be NULL when `out_cap`
/// is 0). Fails, naming the field: `COLL_INVALID_ARGUMENT` (`dues` or `payments` negative or out of
/// date order, `frozen_periods`), `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE` or `COLL_OVERFLOW`.
///
/// # Safety
/// `activity` is NULL or points to a readable `coll_account_activity` whose arrays are NULL or valid for
/// their counts; `out` is NULL or points to `out_cap` writable `coll_obligation`s; `out_len` is NULL or
/// points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_account_activity_obligations_on(
    activity: *const coll_account_activity,
    date: coll_date,
    out: *mut coll_obligation,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (activity, out, out_len) = unsafe {
            (
                ptr::read(activity, "activity")?.to_core()?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let state = activity.obligations_on(date.to_core("date")?)?;
        let obligations: Vec<coll_obligation> =
            state.obligations().iter().map(obligation_of).collect();
        out.write_counted(&obligations, out_len)
    })
}

/// The last payment (of a non-zero amount) received on or before `date`: `*out_has_value` false (and
/// `*out` zeros) when none. Fails as `coll_account_activity_obligations_on`.
///
/// # Safety
/// `activity` is NULL or points to a readable `coll_account_activity` whose arrays are NULL or valid for
/// their counts; `out_has_value` is NULL or points to a writable `bool`; `out` is NULL or points to a
/// writable `coll_date`.
#[no_mangle]
pub unsafe extern "C" fn coll_account_activity_last_payment_on(
    activity: *const coll_account_activity,
    date: coll_date,
    out_has_value: *mut bool,
    out: *mut coll_date,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (activity, has, out) = unsafe {
            (
                ptr::read(activity, "activity")?.to_core()?,
                ptr::out(out_has_value, "out_has_value")?,
                ptr::out(out, "out")?,
            )
        };
        let (flag, last) = date_or_none(activity.last_payment_on(date.to_core("date")?));
        has.write(flag == 1);
        out.write(last);
        Ok(())
    })
}

/// The account aged at each month end from `from` to `to` (both included), for month-on-month charts
/// and roll rates, into `out` (room for `out_cap`); `*out_len` is their number. Too little room: as
/// `coll_account_activity_obligations_on`. Fails as it does, as `coll_age_account` for the rules, or
/// with `COLL_INVALID_ARGUMENT` naming `to` (before `from`).
///
/// # Safety
/// `activity` and `rules` are NULL or point to readable structs whose arrays are NULL or valid for their
/// counts; `out` is NULL or points to `out_cap` writable `coll_month_end_aging`s; `out_len` is NULL or
/// points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_month_end_agings(
    activity: *const coll_account_activity,
    from: coll_date,
    to: coll_date,
    rules: *const coll_aging_rules,
    out: *mut coll_month_end_aging,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let ((activity, rules), out, out_len) = unsafe {
            (
                inputs(activity, rules)?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let agings: Vec<coll_month_end_aging> = activity
            .month_end_agings(from.to_core("from")?, to.to_core("to")?, &rules)?
            .iter()
            .map(|a| coll_month_end_aging {
                as_of: coll_date::from_core(a.as_of),
                aging: aging_result(a),
            })
            .collect();
        out.write_counted(&agings, out_len)
    })
}

/// The account's delinquency history from `from` to `to` (both included): a point on `from`, and one
/// on every later date where the bucket, the due date the days count from, the past-due amount or the
/// frozen state changes. Fails as `coll_month_end_agings`.
///
/// Ownership: the inputs are borrowed for the call. On success `*out` is a new handle the caller owns
/// and frees with `coll_delinquency_history_free`.
///
/// # Safety
/// `activity` and `rules` are NULL or point to readable structs whose arrays are NULL or valid for their
/// counts; `out` is NULL or points to a writable `coll_delinquency_history *`.
#[no_mangle]
pub unsafe extern "C" fn coll_delinquency_history_new(
    activity: *const coll_account_activity,
    from: coll_date,
    to: coll_date,
    rules: *const coll_aging_rules,
    out: *mut *mut coll_delinquency_history,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let ((activity, rules), out) = unsafe { (inputs(activity, rules)?, ptr::out(out, "out")?) };
        let changes =
            activity.delinquency_history(from.to_core("from")?, to.to_core("to")?, &rules)?;
        let labels = changes.iter().map(|c| Text::new(&c.bucket_label)).collect();
        out.write(Box::into_raw(Box::new(coll_delinquency_history {
            changes,
            labels,
        })));
        Ok(())
    })
}

/// Frees a delinquency history. NULL is a no-op.
///
/// # Safety
/// `history` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_delinquency_history_free(history: *mut coll_delinquency_history) {
    if history.is_null() {
        return;
    }
    boundary(|| {
        // SAFETY: made by Box::into_raw in `coll_delinquency_history_new`, not freed before.
        drop(unsafe { Box::from_raw(history) });
        Ok(())
    });
}

/// Borrows the history behind a handle.
///
/// # Safety
/// `p` is NULL or a live handle.
unsafe fn history<'a>(
    p: *const coll_delinquency_history,
) -> FfiResult<&'a coll_delinquency_history> {
    // SAFETY: NULL or a live handle, by the caller's contract.
    unsafe { p.as_ref() }.ok_or_else(|| Failure::null("history"))
}

/// The number of points of a delinquency history (at least 1).
///
/// # Safety
/// `history` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_delinquency_history_count(
    history: *const coll_delinquency_history,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (h, out) = unsafe { (self::history(history)?, ptr::out(out, "out")?) };
        out.write(h.changes.len());
        Ok(())
    })
}

/// Point `index` of a delinquency history, in date order, in `*out` (its label lent by the history).
/// Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `history` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_delinquency_change`.
#[no_mangle]
pub unsafe extern "C" fn coll_delinquency_history_at(
    history: *const coll_delinquency_history,
    index: usize,
    out: *mut coll_delinquency_change,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (h, out) = unsafe { (self::history(history)?, ptr::out(out, "out")?) };
        let (c, label) = h
            .changes
            .get(index)
            .zip(h.labels.get(index))
            .ok_or_else(|| bad_index("index", index, h.changes.len()))?;
        let (has_counting_from, counting_from) = date_or_none(c.counting_from);
        out.write(coll_delinquency_change {
            date: coll_date::from_core(c.date),
            days_past_due: c.days_past_due,
            has_counting_from,
            counting_from,
            bucket: u32::try_from(c.bucket).unwrap_or(u32::MAX),
            bucket_label: label.ptr(),
            bucket_label_len: label.len(),
            past_due_amount: coll_decimal::from_core(c.past_due_amount),
            frozen: u8::from(c.frozen),
        });
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_the_cores() {
        ROLL_MEASURES.check(&RollMeasure::ALL, RollMeasure::name);
    }
}
