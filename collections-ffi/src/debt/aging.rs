//! Aging across the ABI: days past due, the bucket and amounts of one account (`coll_age_account`),
//! charge-off eligibility (`coll_charge_off`, FFIEC 120/180 days by default), the limitation date
//! (`coll_time_bar`), and a batch over many accounts (`coll_age_portfolio`). The rules are the core's
//! `debt::aging` (FFIEC Uniform Retail Credit Classification; Fineract-style grace and frozen days).

use std::ffi::c_char;

use collections_core::debt::aging::{
    age_portfolio, AccountObligations, Aging, AgingRules, Buckets, ChargeOffPolicy, CreditType,
    DateRange, FrozenPeriods, LimitationPeriod, LimitationStart, Obligation, ShortfallMethod,
    Tolerance,
};

use super::{at_item, bad_index, name_key, optional};
use crate::calendar::coll_date;
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::money::{coll_decimal, write_text};
use crate::ptr;

/// How shortfalls are judged: one of the `COLL_SHORTFALL_` constants (FFIEC's two methods).
#[allow(non_camel_case_types)]
pub type coll_shortfall_method = u32;

/// Each installment on its own: one short by no more than the tolerance counts as paid. The default.
pub const COLL_SHORTFALL_PER_INSTALLMENT: coll_shortfall_method = 0;
/// Shortfalls add up: payments are pooled against the installments oldest first.
pub const COLL_SHORTFALL_CUMULATIVE: coll_shortfall_method = 1;

/// The kind of tolerance: one of the `COLL_TOLERANCE_` constants.
#[allow(non_camel_case_types)]
pub type coll_tolerance_kind = u32;

/// Every shortfall counts (the default); the tolerance value must be zero.
pub const COLL_TOLERANCE_NONE: coll_tolerance_kind = 0;
/// A shortfall of at most the tolerance amount counts as paid.
pub const COLL_TOLERANCE_AMOUNT: coll_tolerance_kind = 1;
/// A shortfall of at most the tolerance percentage (0 to 100) of the installment counts as paid (10 for
/// FFIEC's "a payment of at least 90% counts as full").
pub const COLL_TOLERANCE_PERCENT: coll_tolerance_kind = 2;

/// Closed-end or open-end credit, for charge-off: one of the `COLL_CREDIT_` constants.
#[allow(non_camel_case_types)]
pub type coll_credit_type = u32;

/// Installment credit (FFIEC: charge-off at 120 days past due).
pub const COLL_CREDIT_CLOSED_END: coll_credit_type = 0;
/// Revolving credit (FFIEC: charge-off at 180 days past due).
pub const COLL_CREDIT_OPEN_END: coll_credit_type = 1;

/// Where a limitation period starts: one of the `COLL_LIMITATION_FROM_` constants.
#[allow(non_camel_case_types)]
pub type coll_limitation_start = u32;

/// The due date of the oldest past-due obligation; later payments do not restart it.
pub const COLL_LIMITATION_FROM_DUE_DATE: coll_limitation_start = 0;
/// The latest of that due date, the last payment and the last written acknowledgment (England and
/// Wales, Limitation Act 1980 s.29(5)).
pub const COLL_LIMITATION_FROM_LAST_PAYMENT_OR_ACKNOWLEDGMENT: coll_limitation_start = 1;

/// The unit of a limitation period: one of the `COLL_LIMITATION_UNIT_` constants.
#[allow(non_camel_case_types)]
pub type coll_limitation_unit = u32;

/// Whole years (the day of the month kept, or the month's last day).
pub const COLL_LIMITATION_UNIT_YEARS: coll_limitation_unit = 0;
/// Whole months.
pub const COLL_LIMITATION_UNIT_MONTHS: coll_limitation_unit = 1;
/// Days.
pub const COLL_LIMITATION_UNIT_DAYS: coll_limitation_unit = 2;

/// One obligation of an account: what fell (or falls) due on a date and how much of it is paid. A
/// plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_obligation {
    /// The due date.
    pub due_date: coll_date,
    /// The amount due, at least zero.
    pub amount_due: coll_decimal,
    /// The amount paid towards it, at least zero (more than due counts as fully paid).
    pub amount_paid: coll_decimal,
}

/// An inclusive range of dates. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_date_range {
    /// The first day.
    pub start: coll_date,
    /// The last day, not before `start`.
    pub end: coll_date,
}

/// An account as aging reads it: its obligations in due-date order, and its frozen periods (a dispute,
/// a breathing space: days past due stand still) in date order, not overlapping. Either array may be
/// NULL when its count is 0. Ownership: the caller's; read during the call only.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_aging_account {
    /// The obligations.
    pub obligations: *const coll_obligation,
    /// The number of `obligations`.
    pub n_obligations: usize,
    /// The frozen periods.
    pub frozen: *const coll_date_range,
    /// The number of `frozen` periods.
    pub n_frozen: usize,
}

/// How accounts are aged. Start from `coll_aging_rules_init`. Ownership: the caller's; the bucket
/// bounds are read during each call only.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_aging_rules {
    /// A `COLL_SHORTFALL_` constant. Default: per installment.
    pub method: coll_shortfall_method,
    /// A `COLL_TOLERANCE_` constant. Default: none.
    pub tolerance_kind: coll_tolerance_kind,
    /// The tolerance: an amount (at least zero) or a percentage (0 to 100); zero for none.
    pub tolerance: coll_decimal,
    /// Days subtracted from every count of days past due. Default 0.
    pub grace_days: u32,
    /// The buckets' upper bounds in days, strictly increasing: buckets `0..=b0` (labelled `current`
    /// when b0 is 0), `b0+1..=b1` (`"a-b"`), ..., and an open last one (`"n+"`). NULL with 0 for the
    /// default buckets: current, 1-30, 31-60, 61-90, 91-120, 121-150, 151-180, 181+.
    pub bucket_upper_bounds: *const u32,
    /// The number of `bucket_upper_bounds`.
    pub n_bucket_upper_bounds: usize,
}

/// One account aged as of a date (`coll_age_account`). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_aging_result {
    /// Days past due: from the oldest past-due obligation not counted as paid, less frozen and grace
    /// days, never below zero.
    pub days_past_due: u32,
    /// 1 when something is past due (then `counting_from` is the due date counted from), else 0.
    pub has_counting_from: u8,
    /// The due date the days count from.
    pub counting_from: coll_date,
    /// The index of the account's bucket (see `coll_aging_bucket_label`).
    pub bucket: u32,
    /// Unpaid amounts of past-due obligations not counted as paid.
    pub past_due_amount: coll_decimal,
    /// Unpaid amounts of past-due obligations counted as paid under the tolerance (still owed).
    pub tolerated_shortfall: coll_decimal,
    /// Everything unpaid, due or not.
    pub outstanding: coll_decimal,
}

/// Days past due at which each credit type becomes eligible for charge-off. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_charge_off_policy {
    /// Closed-end credit, at least 1. Default (FFIEC) 120.
    pub closed_end_days: u32,
    /// Open-end credit, at least 1. Default (FFIEC) 180.
    pub open_end_days: u32,
}

/// Charge-off eligibility of an account (`coll_charge_off`). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_charge_off_result {
    /// The days past due that make it eligible.
    pub threshold_days: u32,
    /// Its days past due as of the date asked.
    pub days_past_due: u32,
    /// 1 when eligible as of that date, else 0.
    pub eligible: u8,
    /// 1 when something is past due (then `eligible_on` is set), else 0.
    pub has_eligible_on: u8,
    /// The first date it is (or was) eligible if nothing more is paid.
    pub eligible_on: coll_date,
}

/// A limitation period and the facts that may restart it. Start from `coll_limitation_init`. The flags
/// are `uint8_t`, 0 or 1. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_limitation {
    /// A `COLL_LIMITATION_FROM_` constant. Default: the due date.
    pub start: coll_limitation_start,
    /// A `COLL_LIMITATION_UNIT_` constant. Default: years.
    pub unit: coll_limitation_unit,
    /// The number of units, at least 1. Default 6.
    pub length: u32,
    /// 1 when `last_payment` is given; default 0.
    pub has_last_payment: u8,
    /// The last payment, not after the as-of date.
    pub last_payment: coll_date,
    /// 1 when `last_acknowledgment` is given; default 0.
    pub has_last_acknowledgment: u8,
    /// The last written acknowledgment, not after the as-of date.
    pub last_acknowledgment: coll_date,
}

/// Whether a debt is time-barred (`coll_time_bar`). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_time_bar_result {
    /// 1 when something is past due (then `start` and `barred_on` are set), else 0.
    pub has_start: u8,
    /// The date the period runs from (not counted).
    pub start: coll_date,
    /// 1 when `barred_on` is set, else 0.
    pub has_barred_on: u8,
    /// The first day the debt is time-barred: the day after the period's anniversary of `start`.
    pub barred_on: coll_date,
    /// 1 when time-barred as of the date asked, else 0.
    pub time_barred: u8,
}

/// One account of a portfolio aging. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_account_age {
    /// Days past due.
    pub days_past_due: u32,
    /// The bucket index.
    pub bucket: u32,
}

/// Totals of the accounts in one bucket of a portfolio aging. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_bucket_totals {
    /// How many accounts.
    pub accounts: u64,
    /// Their outstanding amounts.
    pub outstanding: coll_decimal,
    /// Their past-due amounts.
    pub past_due: coll_decimal,
}

pub(super) const NO_DATE: coll_date = coll_date {
    year: 0,
    month: 0,
    day: 0,
};

/// A tolerance from C: its `COLL_TOLERANCE_` kind and value (a value with `COLL_TOLERANCE_NONE` must be
/// zero), checked by the core (errors name `tolerance_kind` and `tolerance`).
pub(crate) fn tolerance_of(kind: coll_tolerance_kind, value: coll_decimal) -> FfiResult<Tolerance> {
    let value = value.to_core("tolerance")?;
    let name = match kind {
        COLL_TOLERANCE_NONE => "none",
        COLL_TOLERANCE_AMOUNT => "amount",
        COLL_TOLERANCE_PERCENT => "percent",
        other => {
            return Err(Failure::unknown_value(
                "tolerance_kind",
                other,
                "a COLL_TOLERANCE_ constant, 0 to 2",
            ))
        }
    };
    // None takes no value: a non-zero one is given, and refused by the core.
    let given = (kind != COLL_TOLERANCE_NONE || !value.is_zero()).then_some(value);
    Ok(Tolerance::from_parts(name, given)?)
}

/// The C kind and value of a tolerance.
pub(crate) fn tolerance_to_c(t: Tolerance) -> (coll_tolerance_kind, coll_decimal) {
    match t {
        Tolerance::Amount(v) => (COLL_TOLERANCE_AMOUNT, coll_decimal::from_core(v)),
        Tolerance::Percent(v) => (COLL_TOLERANCE_PERCENT, coll_decimal::from_core(v)),
        _ => (
            COLL_TOLERANCE_NONE,
            coll_decimal::from_core(rust_decimal::Decimal::ZERO),
        ),
    }
}

pub(super) fn date_or_none(date: Option<chrono::NaiveDate>) -> (u8, coll_date) {
    date.map_or((0, NO_DATE), |d| (1, coll_date::from_core(d)))
}

impl coll_aging_account {
    /// The core account, its arrays copied.
    ///
    /// # Safety
    /// The arrays are NULL or valid for their counts.
    unsafe fn to_core(self) -> FfiResult<AccountObligations> {
        // SAFETY: the caller's contract.
        let (obligations, frozen) = unsafe {
            (
                ptr::read_slice_or_empty(self.obligations, self.n_obligations, "obligations")?,
                ptr::read_slice_or_empty(self.frozen, self.n_frozen, "frozen")?,
            )
        };
        let obligations = obligations
            .iter()
            .map(|o| {
                Ok(Obligation::new(
                    o.due_date.to_core("due_date")?,
                    o.amount_due.to_core("amount_due")?,
                    o.amount_paid.to_core("amount_paid")?,
                )?)
            })
            .collect::<FfiResult<Vec<Obligation>>>()?;
        Ok(AccountObligations::with_frozen(
            obligations,
            frozen_periods(&frozen)?,
        )?)
    }
}

/// Accounts from C, each converted; an error names the account after the field, as the core does
/// (`amount_due: account #12: ...`).
///
/// # Safety
/// Each account's arrays are NULL or valid for their counts.
pub(crate) unsafe fn accounts_of(
    accounts: &[coll_aging_account],
) -> FfiResult<Vec<AccountObligations>> {
    accounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            // SAFETY: the caller's contract for each account's arrays.
            unsafe { a.to_core() }.map_err(|f| at_item(f, &format!("account #{i}")))
        })
        .collect()
}

/// Frozen periods from C: each range built and the whole checked by the core (errors name
/// `frozen_periods`, as the core's do).
pub(super) fn frozen_periods(ranges: &[coll_date_range]) -> FfiResult<FrozenPeriods> {
    let ranges = ranges
        .iter()
        .map(|r| {
            Ok(DateRange::new(
                r.start.to_core("frozen_periods")?,
                r.end.to_core("frozen_periods")?,
            )?)
        })
        .collect::<FfiResult<Vec<DateRange>>>()?;
    Ok(FrozenPeriods::new(ranges)?)
}

impl coll_aging_rules {
    /// The core rules, the bounds copied.
    ///
    /// # Safety
    /// `bucket_upper_bounds` is NULL or valid for its count.
    pub(crate) unsafe fn to_core(self) -> FfiResult<AgingRules> {
        // SAFETY: the caller's contract.
        let bounds = unsafe {
            ptr::read_slice_or_empty(
                self.bucket_upper_bounds,
                self.n_bucket_upper_bounds,
                "bucket_upper_bounds",
            )?
        };
        let method = match self.method {
            COLL_SHORTFALL_PER_INSTALLMENT => ShortfallMethod::PerInstallment,
            COLL_SHORTFALL_CUMULATIVE => ShortfallMethod::Cumulative,
            other => {
                return Err(Failure::unknown_value(
                    "method",
                    other,
                    "a COLL_SHORTFALL_ constant, 0 or 1",
                ))
            }
        };
        let tolerance = tolerance_of(self.tolerance_kind, self.tolerance)?;
        let buckets = if bounds.is_empty() {
            Buckets::default()
        } else {
            Buckets::from_upper_bounds(&bounds)?
        };
        Ok(AgingRules::new(
            method,
            tolerance,
            self.grace_days,
            buckets,
        )?)
    }
}

/// The C struct of an obligation.
pub(super) fn obligation_of(o: &Obligation) -> coll_obligation {
    coll_obligation {
        due_date: coll_date::from_core(o.due_date()),
        amount_due: coll_decimal::from_core(o.amount_due()),
        amount_paid: coll_decimal::from_core(o.amount_paid()),
    }
}

/// The C struct of an aging.
pub(super) fn aging_result(aging: &Aging) -> coll_aging_result {
    let (has_counting_from, counting_from) = date_or_none(aging.counting_from);
    coll_aging_result {
        days_past_due: aging.days_past_due,
        has_counting_from,
        counting_from,
        bucket: u32::try_from(aging.bucket).unwrap_or(u32::MAX),
        past_due_amount: coll_decimal::from_core(aging.past_due_amount),
        tolerated_shortfall: coll_decimal::from_core(aging.tolerated_shortfall),
        outstanding: coll_decimal::from_core(aging.outstanding),
    }
}

/// Reads and converts an account and rules.
///
/// # Safety
/// The pointers are NULL or readable, with their arrays valid for their counts.
unsafe fn inputs(
    account: *const coll_aging_account,
    rules: *const coll_aging_rules,
) -> FfiResult<(AccountObligations, AgingRules)> {
    // SAFETY: the caller's contract.
    unsafe {
        let account = ptr::read(account, "account")?;
        let rules = ptr::read(rules, "rules")?;
        Ok((account.to_core()?, rules.to_core()?))
    }
}

fn credit_type(value: coll_credit_type) -> FfiResult<CreditType> {
    Ok(match value {
        COLL_CREDIT_CLOSED_END => CreditType::ClosedEnd,
        COLL_CREDIT_OPEN_END => CreditType::OpenEnd,
        other => {
            return Err(Failure::unknown_value(
                "credit_type",
                other,
                "a COLL_CREDIT_ constant, 0 or 1",
            ))
        }
    })
}

/// Fills `*out` with the default rules: per installment, no tolerance, no grace days, the default
/// buckets (no bounds: NULL, 0).
///
/// # Safety
/// `out` is NULL or points to a writable `coll_aging_rules`.
#[no_mangle]
pub unsafe extern "C" fn coll_aging_rules_init(out: *mut coll_aging_rules) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_aging_rules {
            method: COLL_SHORTFALL_PER_INSTALLMENT,
            tolerance_kind: COLL_TOLERANCE_NONE,
            tolerance: coll_decimal::from_core(rust_decimal::Decimal::ZERO),
            grace_days: 0,
            bucket_upper_bounds: std::ptr::null(),
            n_bucket_upper_bounds: 0,
        });
        Ok(())
    })
}

/// Looks `name` up in a table of names; case, `-`, `_` and spaces are not significant.
fn by_name<T: Copy>(name: &str, table: &[(&str, T)], field: &'static str) -> FfiResult<T> {
    table
        .iter()
        .find(|(n, _)| name_key(n) == name_key(name))
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
            collections_core::Error::InvalidArgument {
                field,
                value: name.to_string(),
                reason: format!("expected one of {}", names.join(", ")),
            }
            .into()
        })
}

/// Writes the constant named by `name` in `table` to `out`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or writable.
unsafe fn constant_of_name<T: Copy>(
    name: *const c_char,
    len: usize,
    out: *mut T,
    table: &[(&str, T)],
    field: &'static str,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        out.write(by_name(name, table, field)?);
        Ok(())
    })
}

/// The `COLL_SHORTFALL_` constant named by `name`: `per-installment` or `cumulative` (case, `-`,
/// `_` and spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming
/// `shortfall_method`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_shortfall_method`.
#[no_mangle]
pub unsafe extern "C" fn coll_shortfall_method_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_shortfall_method,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        constant_of_name(
            name,
            len,
            out,
            &[
                ("per-installment", COLL_SHORTFALL_PER_INSTALLMENT),
                ("cumulative", COLL_SHORTFALL_CUMULATIVE),
            ],
            "shortfall_method",
        )
    }
}

/// The `COLL_TOLERANCE_` constant named by `name`: `none`, `amount` or `percent`. Unknown names give
/// `COLL_INVALID_ARGUMENT` naming `tolerance`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_tolerance_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_tolerance_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_tolerance_kind,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        constant_of_name(
            name,
            len,
            out,
            &[
                ("none", COLL_TOLERANCE_NONE),
                ("amount", COLL_TOLERANCE_AMOUNT),
                ("percent", COLL_TOLERANCE_PERCENT),
            ],
            "tolerance",
        )
    }
}

/// The `COLL_CREDIT_` constant named by `name`: `closed-end` or `open-end`. Unknown names give
/// `COLL_INVALID_ARGUMENT` naming `credit_type`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_credit_type`.
#[no_mangle]
pub unsafe extern "C" fn coll_credit_type_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_credit_type,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        constant_of_name(
            name,
            len,
            out,
            &[
                ("closed-end", COLL_CREDIT_CLOSED_END),
                ("open-end", COLL_CREDIT_OPEN_END),
            ],
            "credit_type",
        )
    }
}

/// The `COLL_LIMITATION_FROM_` constant named by `name`: `due-date` or
/// `last-payment-or-acknowledgment`. Unknown names give `COLL_INVALID_ARGUMENT` naming
/// `limitation_start`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_limitation_start`.
#[no_mangle]
pub unsafe extern "C" fn coll_limitation_start_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_limitation_start,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        constant_of_name(
            name,
            len,
            out,
            &[
                ("due-date", COLL_LIMITATION_FROM_DUE_DATE),
                (
                    "last-payment-or-acknowledgment",
                    COLL_LIMITATION_FROM_LAST_PAYMENT_OR_ACKNOWLEDGMENT,
                ),
            ],
            "limitation_start",
        )
    }
}

/// The `COLL_LIMITATION_UNIT_` constant named by `name`: `years`, `months` or `days`. Unknown names
/// give `COLL_INVALID_ARGUMENT` naming `unit`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_limitation_unit`.
#[no_mangle]
pub unsafe extern "C" fn coll_limitation_unit_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_limitation_unit,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        constant_of_name(
            name,
            len,
            out,
            &[
                ("years", COLL_LIMITATION_UNIT_YEARS),
                ("months", COLL_LIMITATION_UNIT_MONTHS),
                ("days", COLL_LIMITATION_UNIT_DAYS),
            ],
            "unit",
        )
    }
}

/// Ages one account as of `as_of`. For example, 100 due on the 1st of each month from January 2026,
/// January paid and February and March missed, aged on 2026-03-15: 42 days past due from February 1,
/// bucket 2 (`31-60`), 200.00 past due.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`amount_due` or `amount_paid` negative,
/// `obligations` out of due-date order, `frozen_periods` out of order or overlapping, `tolerance`
/// outside its range or given with none, `buckets` bounds not increasing, an unknown constant),
/// `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE` or `COLL_OVERFLOW`.
///
/// Ownership: `account`, `rules` and their arrays are borrowed for the call.
///
/// # Safety
/// `account` and `rules` are NULL or point to readable structs whose arrays are NULL or valid for their
/// counts; `out` is NULL or points to a writable `coll_aging_result`.
#[no_mangle]
pub unsafe extern "C" fn coll_age_account(
    account: *const coll_aging_account,
    as_of: coll_date,
    rules: *const coll_aging_rules,
    out: *mut coll_aging_result,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let ((account, rules), out) = unsafe { (inputs(account, rules)?, ptr::out(out, "out")?) };
        let aging = account.age(as_of.to_core("as_of")?, &rules)?;
        out.write(aging_result(&aging));
        Ok(())
    })
}

/// The account's past-due amount split by bucket, each obligation by its own days past due
/// (receivables aging): one amount per bucket into `out`, which has room for `out_cap`. On success
/// `*out_len` is the number of buckets. When they do not fit the call fails with
/// `COLL_BUFFER_TOO_SMALL`, writes nothing to `out` and sets `*out_len` to the number needed; `out` may
/// be NULL when `out_cap` is 0, to ask for it. Fails otherwise as `coll_age_account`.
///
/// # Safety
/// As for `coll_age_account`; `out` is NULL or points to `out_cap` writable `coll_decimal`s; `out_len`
/// is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_age_account_by_bucket(
    account: *const coll_aging_account,
    as_of: coll_date,
    rules: *const coll_aging_rules,
    out: *mut coll_decimal,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let ((account, rules), out, out_len) = unsafe {
            (
                inputs(account, rules)?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let aging = account.age(as_of.to_core("as_of")?, &rules)?;
        let amounts: Vec<coll_decimal> = aging
            .past_due_by_bucket
            .iter()
            .map(|d| coll_decimal::from_core(*d))
            .collect();
        out.write_counted(&amounts, out_len)
    })
}

/// The number of buckets of `rules` (the default set has 8).
///
/// # Safety
/// `rules` is NULL or points to a readable `coll_aging_rules` whose bounds are NULL or valid for their
/// count; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_aging_bucket_count(
    rules: *const coll_aging_rules,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (rules, out) =
            unsafe { (ptr::read(rules, "rules")?.to_core()?, ptr::out(out, "out")?) };
        out.write(rules.buckets().len());
        Ok(())
    })
}

/// The label of bucket `index` of `rules` (`"current"`, `"31-60"`, `"181+"`), written into `buf` with a
/// NUL; `*out_len` is its length without the NUL. When `buf_len` is too small: `COLL_BUFFER_TOO_SMALL`,
/// `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be NULL when `buf_len` is 0.
/// An index past the last bucket gives `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `rules` is NULL or points to a readable `coll_aging_rules`; `buf` is NULL or points to `buf_len`
/// writable bytes; `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_aging_bucket_label(
    rules: *const coll_aging_rules,
    index: usize,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (rules, buf, out_len) = unsafe {
            (
                ptr::read(rules, "rules")?.to_core()?,
                ptr::out_slice_or_size_query(buf.cast::<u8>(), buf_len, "buf")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let buckets = rules.buckets().buckets();
        let bucket = buckets
            .get(index)
            .ok_or_else(|| bad_index("index", index, buckets.len()))?;
        write_text(&bucket.label, buf, out_len)
    })
}

/// Fills `*out` with FFIEC's thresholds: 120 days closed-end, 180 open-end.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_charge_off_policy`.
#[no_mangle]
pub unsafe extern "C" fn coll_charge_off_policy_init(
    out: *mut coll_charge_off_policy,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let (closed_end_days, open_end_days) = ChargeOffPolicy::default().into();
        out.write(coll_charge_off_policy {
            closed_end_days,
            open_end_days,
        });
        Ok(())
    })
}

/// When the account becomes eligible for charge-off if nothing more is paid: the first date its days
/// past due reach the policy's threshold for `credit_type` (frozen periods and grace included), and
/// whether it is eligible as of `as_of`. Fails as `coll_age_account`, or with `COLL_INVALID_ARGUMENT`
/// naming `closed_end_days` or `open_end_days` (0) or `credit_type` (unknown).
///
/// # Safety
/// As for `coll_age_account`; `policy` is NULL or points to a readable `coll_charge_off_policy`; `out`
/// is NULL or points to a writable `coll_charge_off_result`.
#[no_mangle]
pub unsafe extern "C" fn coll_charge_off(
    account: *const coll_aging_account,
    as_of: coll_date,
    rules: *const coll_aging_rules,
    credit_type: coll_credit_type,
    policy: *const coll_charge_off_policy,
    out: *mut coll_charge_off_result,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let ((account, rules), policy, out) = unsafe {
            (
                inputs(account, rules)?,
                ptr::read(policy, "policy")?,
                ptr::out(out, "out")?,
            )
        };
        let policy = ChargeOffPolicy::new(policy.closed_end_days, policy.open_end_days)?;
        let c = account.charge_off(
            as_of.to_core("as_of")?,
            &rules,
            self::credit_type(credit_type)?,
            &policy,
        )?;
        let (has_eligible_on, eligible_on) = date_or_none(c.eligible_on);
        out.write(coll_charge_off_result {
            threshold_days: c.threshold_days,
            days_past_due: c.days_past_due,
            eligible: u8::from(c.eligible),
            has_eligible_on,
            eligible_on,
        });
        Ok(())
    })
}

/// Fills `*out` with a six-year period from the due date, no payment and no acknowledgment.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_limitation`.
#[no_mangle]
pub unsafe extern "C" fn coll_limitation_init(out: *mut coll_limitation) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_limitation {
            start: COLL_LIMITATION_FROM_DUE_DATE,
            unit: COLL_LIMITATION_UNIT_YEARS,
            length: 6,
            has_last_payment: 0,
            last_payment: NO_DATE,
            has_last_acknowledgment: 0,
            last_acknowledgment: NO_DATE,
        });
        Ok(())
    })
}

/// Whether the account's debt is time-barred as of `as_of`, and from when: the period runs from the
/// oldest past-due obligation's due date (or, by the limitation's rule, a later payment or
/// acknowledgment), which is not counted; the last day to bring a claim is the period's anniversary of
/// it, and the debt is time-barred from the next day. Fails as `coll_age_account`, or with
/// `COLL_INVALID_ARGUMENT` naming `limitation_period` (a length of 0), `last_payment` or
/// `last_acknowledgment` (after `as_of`), `start` or `unit` (unknown), a flag not 0 or 1.
///
/// # Safety
/// As for `coll_age_account`; `limitation` is NULL or points to a readable `coll_limitation`; `out` is
/// NULL or points to a writable `coll_time_bar_result`.
#[no_mangle]
pub unsafe extern "C" fn coll_time_bar(
    account: *const coll_aging_account,
    as_of: coll_date,
    rules: *const coll_aging_rules,
    limitation: *const coll_limitation,
    out: *mut coll_time_bar_result,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let ((account, rules), l, out) = unsafe {
            (
                inputs(account, rules)?,
                ptr::read(limitation, "limitation")?,
                ptr::out(out, "out")?,
            )
        };
        let start = match l.start {
            COLL_LIMITATION_FROM_DUE_DATE => LimitationStart::DueDate,
            COLL_LIMITATION_FROM_LAST_PAYMENT_OR_ACKNOWLEDGMENT => {
                LimitationStart::LastPaymentOrAcknowledgment
            }
            other => {
                return Err(Failure::unknown_value(
                    "start",
                    other,
                    "a COLL_LIMITATION_FROM_ constant, 0 or 1",
                ))
            }
        };
        let period = match l.unit {
            COLL_LIMITATION_UNIT_YEARS => LimitationPeriod::Years(l.length),
            COLL_LIMITATION_UNIT_MONTHS => LimitationPeriod::Months(l.length),
            COLL_LIMITATION_UNIT_DAYS => LimitationPeriod::Days(l.length),
            other => {
                return Err(Failure::unknown_value(
                    "unit",
                    other,
                    "a COLL_LIMITATION_UNIT_ constant, 0 to 2",
                ))
            }
        };
        let last_payment = optional(l.has_last_payment, "has_last_payment", || {
            l.last_payment.to_core("last_payment")
        })?;
        let last_acknowledgment =
            optional(l.has_last_acknowledgment, "has_last_acknowledgment", || {
                l.last_acknowledgment.to_core("last_acknowledgment")
            })?;
        let t = account.time_bar(
            as_of.to_core("as_of")?,
            &rules,
            start,
            period,
            last_payment,
            last_acknowledgment,
        )?;
        let (has_start, start) = date_or_none(t.start);
        let (has_barred_on, barred_on) = date_or_none(t.barred_on);
        out.write(coll_time_bar_result {
            has_start,
            start,
            has_barred_on,
            barred_on,
            time_barred: u8::from(t.time_barred),
        });
        Ok(())
    })
}

/// Ages `n_accounts` accounts as of one date: each account's days past due and bucket into `out_ages`
/// (room for `ages_cap`, at least `n_accounts`), in input order, and per-bucket totals (accounts placed
/// by their own days past due) into `out_totals` (room for `totals_cap`, at least the number of buckets:
/// see `coll_aging_bucket_count`). Too little room gives `COLL_BUFFER_TOO_SMALL` naming the array, and
/// nothing is written. An error in an account keeps its kind and field, and its message names the
/// account (`amount_due: account #12: -5: ...`). `accounts` may be NULL when `n_accounts` is 0.
///
/// Ownership: every input is borrowed for the call; the output arrays belong to the caller and must not
/// overlap.
///
/// # Safety
/// `accounts` is NULL or points to `n_accounts` readable `coll_aging_account`s whose arrays are NULL or
/// valid for their counts; `rules` is NULL or readable; `out_ages` is NULL or points to `ages_cap`
/// writable `coll_account_age`s; `out_totals` is NULL or points to `totals_cap` writable
/// `coll_bucket_totals`.
#[no_mangle]
pub unsafe extern "C" fn coll_age_portfolio(
    accounts: *const coll_aging_account,
    n_accounts: usize,
    as_of: coll_date,
    rules: *const coll_aging_rules,
    out_ages: *mut coll_account_age,
    ages_cap: usize,
    out_totals: *mut coll_bucket_totals,
    totals_cap: usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (accounts, rules, out_ages, out_totals) = unsafe {
            (
                ptr::read_slice_or_empty(accounts, n_accounts, "accounts")?,
                ptr::read(rules, "rules")?.to_core()?,
                ptr::out_slice(out_ages, ages_cap, "out_ages")?,
                ptr::out_slice(out_totals, totals_cap, "out_totals")?,
            )
        };
        out_ages.check_capacity(accounts.len())?;
        out_totals.check_capacity(rules.buckets().len())?;
        // SAFETY: the caller's contract for each account's arrays.
        let accounts = unsafe { accounts_of(&accounts)? };
        let portfolio = age_portfolio(&accounts, as_of.to_core("as_of")?, &rules)?;
        let ages: Vec<coll_account_age> = portfolio
            .accounts
            .iter()
            .map(|a| coll_account_age {
                days_past_due: a.days_past_due,
                bucket: a.bucket,
            })
            .collect();
        let totals: Vec<coll_bucket_totals> = portfolio
            .totals
            .iter()
            .map(|t| coll_bucket_totals {
                accounts: t.accounts,
                outstanding: coll_decimal::from_core(t.outstanding),
                past_due: coll_decimal::from_core(t.past_due),
            })
            .collect();
        out_ages.write_all(&ages)?;
        out_totals.write_all(&totals)
    })
}
