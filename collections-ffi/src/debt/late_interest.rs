//! Late-payment interest across the ABI: statutory interest under EU Directive 2011/7/EU, BGB §288 and
//! the UK Late Payment of Commercial Debts (Interest) Act 1998 (`coll_statutory_claim` computed into a
//! `coll_late_interest` handle with its breakdown by rate), the reference-rate tables behind it (the
//! `coll_statutory_tables` handle), and the ERP formulas: ERPNext's dunning interest and Business
//! Central's finance charges. The rules are the core's `debt::late_interest`.

use std::ffi::c_char;

use collections_core::debt::late_interest::{
    average_daily_balance_interest, erpnext_dunning, DebtorKind, FinanceChargeMethod,
    FinanceChargeTerms, InterestSegment, LateInterest, RateRow, RateTable, Statute, StatutoryClaim,
    StatutoryTables, Verification,
};
use rust_decimal::Decimal;

use super::{bad_index, optional};
use crate::calendar::{
    coll_date, coll_day_count, coll_day_count_kind, COLL_DAY_COUNT_ACT_365_FIXED,
};
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::money::{
    coll_currency, coll_decimal, coll_money, coll_rounding_mode, rounding_mode,
    rounding_mode_constant, rounding_mode_of, COLL_ROUND_HALF_UP,
};
use crate::ptr;

/// A late-payment law: one of the `COLL_STATUTE_` constants.
#[allow(non_camel_case_types)]
pub type coll_statute = u32;

/// EU Directive 2011/7/EU: the ECB main refinancing rate in force on the first day of each half-year,
/// plus 8 points; EUR 40 fixed compensation. Commercial debts only; any currency.
pub const COLL_STATUTE_EU_2011_7: coll_statute = 0;
/// Germany, BGB §288: the Basiszinssatz plus 9 points between businesses (8 for obligations before
/// 2014-07-29) or 5 with a consumer; EUR 40 between businesses. EUR only.
pub const COLL_STATUTE_DE_BGB_288: coll_statute = 1;
/// UK Late Payment of Commercial Debts (Interest) Act 1998: Bank Rate on the 31 December or 30 June
/// before the debt fell due, plus 8 points, fixed for the life of the debt; GBP 40, 70 or 100 fixed
/// sums by the size of the debt. Commercial debts only; GBP only.
pub const COLL_STATUTE_UK_LATE_PAYMENT_1998: coll_statute = 2;

/// Who owes: one of the `COLL_DEBTOR_` constants.
#[allow(non_camel_case_types)]
pub type coll_debtor_kind = u32;

/// A business (a commercial debt). The default.
pub const COLL_DEBTOR_BUSINESS: coll_debtor_kind = 0;
/// A consumer (only BGB §288 covers consumer debts).
pub const COLL_DEBTOR_CONSUMER: coll_debtor_kind = 1;

/// How Business Central computes a finance charge: one of the `COLL_FINANCE_CHARGE_` constants.
#[allow(non_camel_case_types)]
pub type coll_finance_charge_method = u32;

/// "Balance due": remaining amount × rate / 100, once.
pub const COLL_FINANCE_CHARGE_BALANCE_DUE: coll_finance_charge_method = 0;
/// "Average daily balance": remaining amount × days overdue / interest period days × rate / 100.
pub const COLL_FINANCE_CHARGE_AVERAGE_DAILY_BALANCE: coll_finance_charge_method = 1;

pub(crate) fn statute(value: coll_statute, field: &'static str) -> FfiResult<Statute> {
    Ok(match value {
        COLL_STATUTE_EU_2011_7 => Statute::Eu2011_7,
        COLL_STATUTE_DE_BGB_288 => Statute::GermanyBgb288,
        COLL_STATUTE_UK_LATE_PAYMENT_1998 => Statute::UkLatePayment1998,
        other => {
            return Err(Failure::unknown_value(
                field,
                other,
                "a COLL_STATUTE_ constant, 0 to 2",
            ))
        }
    })
}

fn statute_constant(statute: Statute) -> FfiResult<coll_statute> {
    (COLL_STATUTE_EU_2011_7..=COLL_STATUTE_UK_LATE_PAYMENT_1998)
        .find(|c| self::statute(*c, "statute").is_ok_and(|s| s == statute))
        .ok_or_else(|| no_constant("statute", statute.name(), "COLL_STATUTE_"))
}

pub(crate) fn debtor(value: coll_debtor_kind, field: &'static str) -> FfiResult<DebtorKind> {
    Ok(match value {
        COLL_DEBTOR_BUSINESS => DebtorKind::Business,
        COLL_DEBTOR_CONSUMER => DebtorKind::Consumer,
        other => {
            return Err(Failure::unknown_value(
                field,
                other,
                "a COLL_DEBTOR_ constant, 0 or 1",
            ))
        }
    })
}

fn finance_charge_method(value: coll_finance_charge_method) -> FfiResult<FinanceChargeMethod> {
    Ok(match value {
        COLL_FINANCE_CHARGE_BALANCE_DUE => FinanceChargeMethod::BalanceDue,
        COLL_FINANCE_CHARGE_AVERAGE_DAILY_BALANCE => FinanceChargeMethod::AverageDailyBalance,
        other => {
            return Err(Failure::unknown_value(
                "method",
                other,
                "a COLL_FINANCE_CHARGE_ constant, 0 or 1",
            ))
        }
    })
}

/// `COLL_INVALID_ARGUMENT` for a core value this version of the ABI has no constant for.
pub(crate) fn no_constant(field: &'static str, name: &str, prefix: &str) -> Failure {
    collections_core::Error::InvalidArgument {
        field,
        value: name.to_string(),
        reason: format!("has no {prefix} constant in this version of the C ABI"),
    }
    .into()
}

/// The `COLL_STATUTE_` constant named by `name`: `eu-2011-7`, `de-bgb-288` or `uk-late-payment-1998`
/// (case, `-`, `_` and spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming
/// `statute`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_statute`.
#[no_mangle]
pub unsafe extern "C" fn coll_statute_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_statute,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        out.write(statute_constant(name.parse()?)?);
        Ok(())
    })
}

/// The `COLL_DEBTOR_` constant named by `name`: `business` or `consumer` (case-insensitive). Unknown
/// names give `COLL_INVALID_ARGUMENT` naming `debtor`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_debtor_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_debtor_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_debtor_kind,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        out.write(match name.parse::<DebtorKind>()? {
            DebtorKind::Business => COLL_DEBTOR_BUSINESS,
            DebtorKind::Consumer => COLL_DEBTOR_CONSUMER,
        });
        Ok(())
    })
}

/// The `COLL_FINANCE_CHARGE_` constant named by `name`: `balance-due` or `average-daily-balance` (case,
/// `-`, `_` and spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `method`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_finance_charge_method`.
#[no_mangle]
pub unsafe extern "C" fn coll_finance_charge_method_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_finance_charge_method,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        out.write(match name.parse::<FinanceChargeMethod>()? {
            FinanceChargeMethod::AverageDailyBalance => COLL_FINANCE_CHARGE_AVERAGE_DAILY_BALANCE,
            _ => COLL_FINANCE_CHARGE_BALANCE_DUE,
        });
        Ok(())
    })
}

// ---------------------------------------------------------------- the rate tables

/// The reference-rate tables statutory interest is computed from: the ECB main refinancing rate
/// (EU 2011/7), the Basiszinssatz (BGB §288) and the Bank of England reference rates (UK 1998 Act).
/// Opaque; `coll_statutory_tables_new` makes the built-in tables (the project's reference figures,
/// known through a last date each: a date after it is an error naming the date, never an
/// extrapolation), `coll_statutory_tables_push` and `coll_statutory_tables_extend_through` add what
/// has been published since, `coll_statutory_tables_free` frees them. Functions that take tables
/// read them during the call only. A table being changed must not be read by another thread at the
/// same time.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_statutory_tables {
    inner: StatutoryTables,
}

/// Borrows the tables behind a handle; NULL is the built-in tables.
///
/// # Safety
/// `p` is NULL or a live handle.
pub(crate) unsafe fn tables_or_default(
    p: *const coll_statutory_tables,
    default: &StatutoryTables,
) -> &StatutoryTables {
    // SAFETY: NULL or a live handle by the caller's contract.
    match unsafe { p.as_ref() } {
        Some(t) => &t.inner,
        None => default,
    }
}

fn table_of(tables: &mut StatutoryTables, statute: Statute) -> &mut RateTable {
    match statute {
        Statute::GermanyBgb288 => &mut tables.de_base_rate,
        Statute::UkLatePayment1998 => &mut tables.uk_reference,
        _ => &mut tables.ecb,
    }
}

/// Makes the built-in tables: ECB from 2023-09-20 through 2025-12-22, Basiszinssatz and Bank of
/// England reference rates from 2024-01-01 through 2026-06-30, each row marked verified or not.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_statutory_tables_free`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_statutory_tables *`.
#[no_mangle]
pub unsafe extern "C" fn coll_statutory_tables_new(
    out: *mut *mut coll_statutory_tables,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(Box::into_raw(Box::new(coll_statutory_tables {
            inner: StatutoryTables::default(),
        })));
        Ok(())
    })
}

/// Adds a row to the table of `statute`: `percent` (2.15 for 2.15%, strictly between -100 and 100) in
/// force from `effective_from`, marked `verified` or not, and the table now known through
/// `valid_through`. The row's date must be after the table's last row and no later than the day after
/// its last known date; `valid_through` may not move back. Fails with `COLL_INVALID_ARGUMENT` naming
/// `rows.effective_from`, `rows.percent` or `valid_through`; on failure the table is unchanged.
///
/// # Safety
/// `tables` is NULL or a live handle not used by another thread during the call; `percent` is NULL or
/// points to a readable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_statutory_tables_push(
    tables: *mut coll_statutory_tables,
    statute: coll_statute,
    effective_from: coll_date,
    percent: *const coll_decimal,
    verified: bool,
    valid_through: coll_date,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (tables, percent) = unsafe {
            (
                tables.as_mut().ok_or_else(|| Failure::null("tables"))?,
                ptr::read(percent, "percent")?,
            )
        };
        let law = self::statute(statute, "statute")?;
        let row = RateRow::new(
            effective_from.to_core("effective_from")?,
            percent.to_core("percent")?,
            if verified {
                Verification::Verified
            } else {
                Verification::Unverified
            },
        );
        let through = valid_through.to_core("valid_through")?;
        table_of(&mut tables.inner, law).push(row, through)?;
        Ok(())
    })
}

/// Declares the last row of the table of `statute` still in force through `date` (a rate confirmed
/// unchanged). `date` may not be before the table's last known date (`COLL_INVALID_ARGUMENT` naming
/// `valid_through`).
///
/// # Safety
/// `tables` is NULL or a live handle not used by another thread during the call.
#[no_mangle]
pub unsafe extern "C" fn coll_statutory_tables_extend_through(
    tables: *mut coll_statutory_tables,
    statute: coll_statute,
    date: coll_date,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let tables = unsafe { tables.as_mut() }.ok_or_else(|| Failure::null("tables"))?;
        let law = self::statute(statute, "statute")?;
        let date = date.to_core("date")?;
        table_of(&mut tables.inner, law).extend_through(date)?;
        Ok(())
    })
}

/// Frees tables made by `coll_statutory_tables_new`. NULL is a no-op.
///
/// # Safety
/// `tables` is NULL or a handle from this library that has not been freed; it must not be used
/// afterwards.
#[no_mangle]
pub unsafe extern "C" fn coll_statutory_tables_free(tables: *mut coll_statutory_tables) {
    if tables.is_null() {
        return;
    }
    boundary(|| {
        // SAFETY: made by Box::into_raw in `coll_statutory_tables_new`, not freed before.
        drop(unsafe { Box::from_raw(tables) });
        Ok(())
    });
}

// ---------------------------------------------------------------- statutory claims

/// One claim for statutory late-payment interest. Start from `coll_statutory_claim_init`, then set
/// `statute`, `debtor`, `principal`, `currency`, `due_date` and `through`.
///
/// Interest runs from the day after `due_date` through `through` (both included: the number of days is
/// `through - due_date`), simple, at the reference rate plus the law's margin, by the law's day count
/// (ACT/365 Fixed), summed exactly over the rate's segments and rounded once to the currency's minor
/// units. The flags are `uint8_t`, 0 or 1; data behind a flag that is 0 is not read.
///
/// Ownership: the struct belongs to the caller; `tables` is borrowed during the call. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_statutory_claim {
    /// The law, a `COLL_STATUTE_` constant. Default: EU 2011/7.
    pub statute: coll_statute,
    /// The debtor, a `COLL_DEBTOR_` constant. Default: business.
    pub debtor: coll_debtor_kind,
    /// The amount overdue, greater than zero.
    pub principal: coll_decimal,
    /// Its currency (EUR for BGB §288, GBP for the UK Act). No default.
    pub currency: coll_currency,
    /// The date payment was due; interest runs from the next day.
    pub due_date: coll_date,
    /// The last day interest runs (the payment date, or the date of the claim).
    pub through: coll_date,
    /// 1 when `margin_points` replaces the law's margin; default 0.
    pub has_margin_points: u8,
    /// A contractual margin in points, at least the law's and below 100.
    pub margin_points: coll_decimal,
    /// 1 when `obligation_date` is given (BGB §288: the date the obligation arose, for the 2014
    /// reform); default 0 (the due date is used).
    pub has_obligation_date: u8,
    /// The date the obligation arose.
    pub obligation_date: coll_date,
    /// 1 when `day_count` replaces the law's (ACT/365 Fixed); default 0.
    pub has_day_count: u8,
    /// ACT/365 Fixed, ACT/360 or ACT/ACT ISDA.
    pub day_count: coll_day_count,
    /// The rounding of the total, a `COLL_ROUND_` constant. Default: half up.
    pub rounding: coll_rounding_mode,
    /// The rate tables, or NULL for the built-in ones (the default).
    pub tables: *const coll_statutory_tables,
}

const ZERO: coll_decimal = coll_decimal {
    lo: 0,
    hi: 0,
    scale: 0,
};

const NO_DATE: coll_date = coll_date {
    year: 0,
    month: 0,
    day: 0,
};

const NO_CURRENCY: coll_currency = coll_currency {
    code: [0; 4],
    minor_units: 0,
};

impl coll_statutory_claim {
    fn to_core(self) -> FfiResult<StatutoryClaim> {
        let mut claim = StatutoryClaim::new(
            statute(self.statute, "statute")?,
            debtor(self.debtor, "debtor")?,
            self.principal.to_core("principal")?,
            self.currency.to_core("currency")?,
            self.due_date.to_core("due_date")?,
            self.through.to_core("through")?,
        )?;
        claim.margin_points = optional(self.has_margin_points, "has_margin_points", || {
            self.margin_points.to_core("margin_points")
        })?;
        claim.obligation_date = optional(self.has_obligation_date, "has_obligation_date", || {
            self.obligation_date.to_core("obligation_date")
        })?;
        claim.day_count = optional(self.has_day_count, "has_day_count", || {
            self.day_count.to_core("day_count")
        })?;
        claim.rounding = rounding_mode_of(self.rounding, "rounding")?;
        Ok(claim)
    }
}

/// Fills `*out` with the defaults: EU 2011/7, a business debtor, the law's margin and day count, half-up
/// rounding, the built-in tables; zero principal, currency and dates (set them).
///
/// # Safety
/// `out` is NULL or points to a writable `coll_statutory_claim`.
#[no_mangle]
pub unsafe extern "C" fn coll_statutory_claim_init(out: *mut coll_statutory_claim) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_statutory_claim {
            statute: COLL_STATUTE_EU_2011_7,
            debtor: COLL_DEBTOR_BUSINESS,
            principal: ZERO,
            currency: NO_CURRENCY,
            due_date: NO_DATE,
            through: NO_DATE,
            has_margin_points: 0,
            margin_points: ZERO,
            has_obligation_date: 0,
            obligation_date: NO_DATE,
            has_day_count: 0,
            day_count: coll_day_count::with_kind(COLL_DAY_COUNT_ACT_365_FIXED),
            rounding: COLL_ROUND_HALF_UP,
            tables: std::ptr::null(),
        });
        Ok(())
    })
}

/// The statutory interest of a claim: its summary and its breakdown by rate. Opaque; made by
/// `coll_late_interest_new`, freed by `coll_late_interest_free`; it never changes, so threads may share
/// it.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_late_interest {
    inner: LateInterest,
}

/// The totals of a `coll_late_interest`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_late_interest_summary {
    /// The law, a `COLL_STATUTE_` constant.
    pub statute: coll_statute,
    /// The principal.
    pub principal: coll_decimal,
    /// The currency of the principal and the interest.
    pub currency: coll_currency,
    /// The day count used, a `COLL_DAY_COUNT_` constant.
    pub day_count: coll_day_count_kind,
    /// Days of interest (`through - due_date`).
    pub days: i64,
    /// The interest, rounded once to the currency's minor units.
    pub interest: coll_decimal,
    /// The exact interest is `numerator / denominator` (before rounding).
    pub numerator: coll_decimal,
    /// See `numerator`: 100 × the year basis (36500, 36000, or 100 × 365 × 366 across leap years).
    pub denominator: coll_decimal,
    /// The rounding applied, a `COLL_ROUND_` constant.
    pub rounding: coll_rounding_mode,
    /// 1 when the law grants fixed compensation (EUR 40; the UK's GBP 40, 70 or 100), else 0.
    pub has_fixed_compensation: u8,
    /// The fixed compensation, in its own currency (EUR or GBP), when `has_fixed_compensation` is 1.
    pub fixed_compensation: coll_money,
    /// 1 when a reference rate used is marked unverified in the tables, else 0.
    pub any_unverified: u8,
}

/// One row of the breakdown: a run of days at one rate. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_interest_segment {
    /// The first day.
    pub from: coll_date,
    /// The day after the last.
    pub to: coll_date,
    /// Days in the segment.
    pub days: i64,
    /// The date the reference rate row applied is in force from.
    pub reference_from: coll_date,
    /// The reference rate in percent.
    pub reference_percent: coll_decimal,
    /// 1 when that reference row is marked unverified, else 0.
    pub reference_unverified: u8,
    /// The margin in points.
    pub margin_points: coll_decimal,
    /// The rate applied in percent: reference + margin, never below zero.
    pub rate_percent: coll_decimal,
    /// The year basis of the segment (365, 360 or 366).
    pub year_basis: u32,
    /// The segment's interest, unrounded (the total is rounded once, not the segments).
    pub interest: coll_decimal,
}

unsafe fn late_interest<'a>(p: *const coll_late_interest) -> FfiResult<&'a LateInterest> {
    // SAFETY: NULL or a live handle by the caller's contract.
    unsafe { p.as_ref() }
        .map(|h| &h.inner)
        .ok_or_else(|| Failure::null("late_interest"))
}

/// Computes the statutory interest of `*claim` (see `coll_statutory_claim`). For example, GBP 5,000
/// due 2025-02-28, paid 2025-04-29, under the UK Act: 60 days at 4.75 + 8 = 12.75%, interest 104.79
/// and GBP 70.00 fixed compensation.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`principal` not above zero, `through` before
/// `due_date` as `to`, `debtor` a consumer under a commercial-only law, `margin_points` below the
/// law's, `day_count` not one of the three, a date outside the tables as `from`, `to` or `due_date`,
/// an unknown constant, a flag not 0 or 1), `COLL_CURRENCY_MISMATCH` naming `currency`,
/// `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE`, `COLL_UNKNOWN_CURRENCY`, `COLL_DATE_OUT_OF_RANGE` or
/// `COLL_OVERFLOW`.
///
/// Ownership: `claim` (and the tables it points to) are borrowed for the call. On success `*out` is a
/// new handle the caller owns and frees with `coll_late_interest_free`.
///
/// # Safety
/// `claim` is NULL or points to a readable `coll_statutory_claim` whose `tables` is NULL or a live
/// handle; `out` is NULL or points to a writable `coll_late_interest *`.
#[no_mangle]
pub unsafe extern "C" fn coll_late_interest_new(
    claim: *const coll_statutory_claim,
    out: *mut *mut coll_late_interest,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (claim, out) = unsafe { (ptr::read(claim, "claim")?, ptr::out(out, "out")?) };
        let built_in = StatutoryTables::default();
        // SAFETY: the caller's contract for `tables`.
        let tables = unsafe { tables_or_default(claim.tables, &built_in) };
        let result = claim.to_core()?.compute(tables)?;
        out.write(Box::into_raw(Box::new(coll_late_interest {
            inner: result,
        })));
        Ok(())
    })
}

/// Frees a result of `coll_late_interest_new`. NULL is a no-op.
///
/// # Safety
/// `late_interest` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_late_interest_free(late_interest: *mut coll_late_interest) {
    if late_interest.is_null() {
        return;
    }
    boundary(|| {
        // SAFETY: made by Box::into_raw in `coll_late_interest_new`, not freed before.
        drop(unsafe { Box::from_raw(late_interest) });
        Ok(())
    });
}

/// The summary: interest, its exact fraction, days, fixed compensation, verification.
///
/// # Safety
/// `late_interest` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_late_interest_summary`.
#[no_mangle]
pub unsafe extern "C" fn coll_late_interest_get_summary(
    late_interest: *const coll_late_interest,
    out: *mut coll_late_interest_summary,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (r, out) = unsafe { (self::late_interest(late_interest)?, ptr::out(out, "out")?) };
        let fixed = r.fixed_compensation;
        out.write(coll_late_interest_summary {
            statute: statute_constant(r.statute)?,
            principal: coll_decimal::from_core(r.principal),
            currency: coll_currency::from_core(r.currency),
            day_count: coll_day_count::from_core(r.day_count)?.kind,
            days: r.days,
            interest: coll_decimal::from_core(r.interest),
            numerator: coll_decimal::from_core(r.numerator),
            denominator: coll_decimal::from_core(r.denominator),
            rounding: rounding_mode_constant(r.rounding),
            has_fixed_compensation: u8::from(fixed.is_some()),
            fixed_compensation: fixed.map_or(
                coll_money {
                    amount: ZERO,
                    currency: NO_CURRENCY,
                },
                coll_money::from_core,
            ),
            any_unverified: u8::from(r.any_unverified),
        });
        Ok(())
    })
}

/// The number of breakdown rows (0 when no day of interest runs).
///
/// # Safety
/// `late_interest` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_late_interest_segment_count(
    late_interest: *const coll_late_interest,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (r, out) = unsafe { (self::late_interest(late_interest)?, ptr::out(out, "out")?) };
        out.write(r.segments.len());
        Ok(())
    })
}

fn segment(s: &InterestSegment) -> coll_interest_segment {
    coll_interest_segment {
        from: coll_date::from_core(s.from),
        to: coll_date::from_core(s.to),
        days: s.days,
        reference_from: coll_date::from_core(s.reference.effective_from),
        reference_percent: coll_decimal::from_core(s.reference.percent),
        reference_unverified: u8::from(s.reference.verification == Verification::Unverified),
        margin_points: coll_decimal::from_core(s.margin_points),
        rate_percent: coll_decimal::from_core(s.rate_percent),
        year_basis: s.year_basis,
        interest: coll_decimal::from_core(s.interest),
    }
}

/// The breakdown row at `index` (0 to the count - 1; past the end: `COLL_INVALID_ARGUMENT` naming
/// `index`).
///
/// # Safety
/// `late_interest` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_interest_segment`.
#[no_mangle]
pub unsafe extern "C" fn coll_late_interest_segment_at(
    late_interest: *const coll_late_interest,
    index: usize,
    out: *mut coll_interest_segment,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (r, out) = unsafe { (self::late_interest(late_interest)?, ptr::out(out, "out")?) };
        let s = r
            .segments
            .get(index)
            .ok_or_else(|| bad_index("index", index, r.segments.len()))?;
        out.write(segment(s));
        Ok(())
    })
}

// ---------------------------------------------------------------- ERP formulas

/// ERPNext's dunning amounts (`coll_erpnext_dunning`). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_erpnext_dunning_result {
    /// posting date - due date (negative before the due date).
    pub overdue_days: i64,
    /// outstanding × rate / 100 / 365 × overdue days, rounded; zero when not overdue.
    pub interest: coll_decimal,
    /// The fee charged.
    pub dunning_fee: coll_decimal,
    /// interest + fee.
    pub dunning_amount: coll_decimal,
    /// The dunning level: earlier dunnings + 1.
    pub level: u32,
}

/// ERPNext's dunning: simple interest at `annual_rate_percent` (9.5 for 9.5%) on `outstanding` for the
/// days from `due_date` to `posting_date`, over a 365-day year, rounded with `rounding`; plus
/// `dunning_fee`. Fails with `COLL_INVALID_ARGUMENT` naming `outstanding`, `annual_rate_percent` or
/// `dunning_fee` when negative, or `COLL_OVERFLOW`.
///
/// # Safety
/// `outstanding`, `annual_rate_percent` and `dunning_fee` are NULL or point to readable values; `out`
/// is NULL or points to a writable `coll_erpnext_dunning_result`.
#[no_mangle]
pub unsafe extern "C" fn coll_erpnext_dunning(
    outstanding: *const coll_money,
    annual_rate_percent: *const coll_decimal,
    due_date: coll_date,
    posting_date: coll_date,
    dunning_fee: *const coll_decimal,
    earlier_dunnings: u32,
    rounding: coll_rounding_mode,
    out: *mut coll_erpnext_dunning_result,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (outstanding, rate, fee, out) = unsafe {
            (
                ptr::read(outstanding, "outstanding")?,
                ptr::read(annual_rate_percent, "annual_rate_percent")?,
                ptr::read(dunning_fee, "dunning_fee")?,
                ptr::out(out, "out")?,
            )
        };
        let r = erpnext_dunning(
            outstanding.to_core("outstanding", "outstanding.currency")?,
            rate.to_core("annual_rate_percent")?,
            due_date.to_core("due_date")?,
            posting_date.to_core("posting_date")?,
            fee.to_core("dunning_fee")?,
            earlier_dunnings,
            rounding_mode_of(rounding, "rounding")?,
        )?;
        out.write(coll_erpnext_dunning_result {
            overdue_days: r.overdue_days,
            interest: coll_decimal::from_core(r.interest),
            dunning_fee: coll_decimal::from_core(r.dunning_fee),
            dunning_amount: coll_decimal::from_core(r.dunning_amount),
            level: r.level,
        });
        Ok(())
    })
}

/// Business Central finance charge terms. Start from `coll_finance_charge_terms_init`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_finance_charge_terms {
    /// A `COLL_FINANCE_CHARGE_` constant. Default: balance due.
    pub method: coll_finance_charge_method,
    /// The rate in percent (per charge for balance due, per interest period for the average daily
    /// balance), at least zero.
    pub interest_rate_percent: coll_decimal,
    /// Days in the interest period (at least 1 for the average daily balance). Default 30.
    pub interest_period_days: u32,
    /// Days after the due date with no charge. Default 0.
    pub grace_days: u32,
    /// Interest below this is not charged. Default 0.
    pub minimum_amount: coll_decimal,
    /// A fee added to a charge. Default 0.
    pub additional_fee: coll_decimal,
}

/// A Business Central finance charge (`coll_finance_charge`). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_finance_charge_result {
    /// as-of date - due date.
    pub days_overdue: i64,
    /// 1 when a charge is made (past the grace days, something remaining, interest at least the
    /// minimum), else 0 and every amount zero.
    pub charged: u8,
    /// The interest.
    pub interest: coll_decimal,
    /// The additional fee.
    pub additional_fee: coll_decimal,
    /// interest + fee.
    pub total: coll_decimal,
}

/// Fills `*out` with the defaults: balance due, rate 0, a 30-day interest period, no grace days, no
/// minimum, no fee.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_finance_charge_terms`.
#[no_mangle]
pub unsafe extern "C" fn coll_finance_charge_terms_init(
    out: *mut coll_finance_charge_terms,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_finance_charge_terms {
            method: COLL_FINANCE_CHARGE_BALANCE_DUE,
            interest_rate_percent: ZERO,
            interest_period_days: 30,
            grace_days: 0,
            minimum_amount: ZERO,
            additional_fee: ZERO,
        });
        Ok(())
    })
}

/// The finance charge on `remaining` (due on `due_date`) as of `as_of` under `terms`, interest rounded
/// with `rounding`. Fails with `COLL_INVALID_ARGUMENT` naming `interest_rate_percent`,
/// `minimum_amount`, `additional_fee` or `remaining` when negative, `interest_period_days` 0 for the
/// average daily balance, `method` unknown; or `COLL_OVERFLOW`.
///
/// # Safety
/// `terms` and `remaining` are NULL or point to readable values; `out` is NULL or points to a writable
/// `coll_finance_charge_result`.
#[no_mangle]
pub unsafe extern "C" fn coll_finance_charge(
    terms: *const coll_finance_charge_terms,
    remaining: *const coll_money,
    due_date: coll_date,
    as_of: coll_date,
    rounding: coll_rounding_mode,
    out: *mut coll_finance_charge_result,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (t, remaining, out) = unsafe {
            (
                ptr::read(terms, "terms")?,
                ptr::read(remaining, "remaining")?,
                ptr::out(out, "out")?,
            )
        };
        let mut terms = FinanceChargeTerms::new(
            finance_charge_method(t.method)?,
            t.interest_rate_percent.to_core("interest_rate_percent")?,
            t.interest_period_days,
        );
        terms.grace_days = t.grace_days;
        terms.minimum_amount = t.minimum_amount.to_core("minimum_amount")?;
        terms.additional_fee = t.additional_fee.to_core("additional_fee")?;
        let c = terms.charge(
            remaining.to_core("remaining", "remaining.currency")?,
            due_date.to_core("due_date")?,
            as_of.to_core("as_of")?,
            rounding_mode_of(rounding, "rounding")?,
        )?;
        out.write(coll_finance_charge_result {
            days_overdue: c.days_overdue,
            charged: u8::from(c.charged),
            interest: coll_decimal::from_core(c.interest),
            additional_fee: coll_decimal::from_core(c.additional_fee),
            total: coll_decimal::from_core(c.total),
        });
        Ok(())
    })
}

/// An amount outstanding for a number of days (`coll_average_daily_balance_interest`). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_balance_days {
    /// The amount, at least zero.
    pub amount: coll_decimal,
    /// The days it was outstanding, at least zero.
    pub days: i64,
}

/// Business Central's average daily balance interest over several balances: Σ amount × days ÷
/// `interest_period_days` × `rate_percent` / 100, rounded once to the minor units of `currency` with
/// `mode`. Fails with `COLL_INVALID_ARGUMENT` naming `rate_percent`, `interest_period_days` (0),
/// `amount` or `days` (negative); or `COLL_OVERFLOW`. `items` may be NULL when `n_items` is 0.
///
/// # Safety
/// `items` is NULL or points to `n_items` readable `coll_balance_days`; `rate_percent` and `currency`
/// are NULL or point to readable values; `out` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_average_daily_balance_interest(
    items: *const coll_balance_days,
    n_items: usize,
    rate_percent: *const coll_decimal,
    interest_period_days: u32,
    currency: *const coll_currency,
    mode: coll_rounding_mode,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (items, rate, currency, out) = unsafe {
            (
                ptr::read_slice_or_empty(items, n_items, "items")?,
                ptr::read(rate_percent, "rate_percent")?,
                ptr::read(currency, "currency")?,
                ptr::out(out, "out")?,
            )
        };
        let items = items
            .iter()
            .map(|i| Ok((i.amount.to_core("amount")?, i.days)))
            .collect::<FfiResult<Vec<(Decimal, i64)>>>()?;
        let interest = average_daily_balance_interest(
            &items,
            rate.to_core("rate_percent")?,
            interest_period_days,
            currency.to_core("currency")?,
            rounding_mode(mode)?,
        )?;
        out.write(coll_decimal::from_core(interest));
        Ok(())
    })
}
