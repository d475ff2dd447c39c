//! Settlements across the ABI: `coll_settle`, `coll_minimum_settlement` (the alternative path as
//! arrays), the `coll_settlement_policy` handle and `coll_settlement_offers`.

use std::ffi::c_char;

use collections_core::plan::{
    minimum_settlement, settle, settlement_offers, AlternativePath, DiscountBand, ExpectedRecovery,
    SettlementPolicy,
};

use super::{coll_promise, from_json, promises_of};
use crate::calendar::coll_date;
use crate::contact::write_json;
use crate::debt::{at_item, bad_index};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::{coll_currency, coll_decimal, coll_rounding_mode, rounding_mode_of};
use crate::ptr;

/// A settlement: `amount` (`percent` of `balance`, rounded) paid in installments that add up to it
/// exactly (`coll_settle` writes them to its array). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_settlement {
    /// The balance settled.
    pub balance: coll_decimal,
    /// The percentage of it paid, above 0 and at most 100.
    pub percent: coll_decimal,
    /// What is paid.
    pub amount: coll_decimal,
    /// What is forgiven: `balance - amount`.
    pub discount: coll_decimal,
    /// The number of installments (one per date).
    pub n_installments: usize,
}

/// Settles `balance` (above zero, in `currency`'s minor units) at `percent` of it (above 0 and at most
/// 100: `COLL_INVALID_ARGUMENT` naming `percent` otherwise), rounded by `rounding`, paid in equal
/// parts (the largest-remainder split) on `n_dates` dates in strictly increasing order (naming
/// `dates`): the settlement into `*out` and its installments into `out_installments` (room for
/// `installments_cap`, at least `n_dates`: `COLL_BUFFER_TOO_SMALL` naming `out_installments`).
///
/// # Safety
/// `dates` is NULL or points to `n_dates` readable `coll_date`s; `out` is NULL or writable;
/// `out_installments` is NULL or points to `installments_cap` writable `coll_promise`s.
#[no_mangle]
pub unsafe extern "C" fn coll_settle(
    balance: coll_decimal,
    currency: coll_currency,
    percent: coll_decimal,
    dates: *const coll_date,
    n_dates: usize,
    rounding: coll_rounding_mode,
    out: *mut coll_settlement,
    out_installments: *mut coll_promise,
    installments_cap: usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (dates, out, installments) = unsafe {
            (
                ptr::read_slice_or_empty(dates, n_dates, "dates")?,
                ptr::out(out, "out")?,
                ptr::out_slice(out_installments, installments_cap, "out_installments")?,
            )
        };
        let dates = dates
            .iter()
            .enumerate()
            .map(|(i, d)| d.to_core("dates").map_err(|f| at_item(f, &format!("#{i}"))))
            .collect::<FfiResult<Vec<_>>>()?;
        installments.check_capacity(dates.len())?;
        let s = settle(
            balance.to_core("balance")?,
            currency.to_core("currency")?,
            percent.to_core("percent")?,
            &dates,
            rounding_mode_of(rounding, "rounding")?,
        )?;
        let list: Vec<coll_promise> = s.installments.iter().map(coll_promise::from_core).collect();
        installments.write_all(&list)?;
        out.write(coll_settlement {
            balance: coll_decimal::from_core(s.balance),
            percent: coll_decimal::from_core(s.percent),
            amount: coll_decimal::from_core(s.amount),
            discount: coll_decimal::from_core(s.discount),
            n_installments: list.len(),
        });
        Ok(())
    })
}

/// An amount the alternative path is expected to recover: `amount` on `date`, with `probability` (0
/// to 1). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_expected_recovery {
    /// When.
    pub date: coll_date,
    /// How much, above zero.
    pub amount: coll_decimal,
    /// How likely, from 0 to 1.
    pub probability: coll_decimal,
}

/// The least settlement worth accepting. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_minimum_settlement_result {
    /// The expected recoveries discounted to the valuation date (not rounded).
    pub recovery_npv: coll_decimal,
    /// The costs discounted likewise (not rounded).
    pub cost_npv: coll_decimal,
    /// `recovery_npv - cost_npv`, not below zero, rounded to minor units.
    pub net: coll_decimal,
    /// 1 when a floor was given.
    pub has_floor: u8,
    /// The floor.
    pub floor: coll_decimal,
    /// The larger of `net` and the floor.
    pub minimum: coll_decimal,
}

/// The least settlement to accept: the NPV at `discount_rate` (an annual fraction above -1), from
/// `valuation_date`, of what the alternative path (`n_recoveries` expected recoveries and `n_costs`
/// costs, none before the valuation date) is expected to bring, less its costs, not below zero,
/// rounded by `rounding`; at least `floor` (NULL: none). Either array may be NULL with a count of 0.
///
/// Fails: `COLL_INVALID_RATE` naming `discount_rate`; `COLL_INVALID_ARGUMENT` naming `probability`
/// (outside [0, 1]), `recoveries` / `costs` (not above zero, before the valuation date), `floor`;
/// `COLL_INVALID_DATE`, `COLL_INVALID_DECIMAL`, `COLL_UNKNOWN_CURRENCY`.
///
/// # Safety
/// `recoveries` is NULL or points to `n_recoveries` readable structs; `costs` is NULL or points to
/// `n_costs` readable `coll_promise`s; `floor` is NULL or readable; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_minimum_settlement(
    recoveries: *const coll_expected_recovery,
    n_recoveries: usize,
    costs: *const coll_promise,
    n_costs: usize,
    valuation_date: coll_date,
    discount_rate: coll_decimal,
    floor: *const coll_decimal,
    currency: coll_currency,
    rounding: coll_rounding_mode,
    out: *mut coll_minimum_settlement_result,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (recoveries, costs, floor, out) = unsafe {
            (
                ptr::read_slice_or_empty(recoveries, n_recoveries, "recoveries")?,
                ptr::read_slice_or_empty(costs, n_costs, "costs")?,
                ptr::read_optional(floor),
                ptr::out(out, "out")?,
            )
        };
        let recoveries = recoveries
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let at = |f| at_item(f, &format!("recovery #{i}"));
                Ok(ExpectedRecovery::new(
                    r.date.to_core("recoveries").map_err(at)?,
                    r.amount.to_core("recoveries").map_err(at)?,
                    r.probability.to_core("probability").map_err(at)?,
                ))
            })
            .collect::<FfiResult<Vec<_>>>()?;
        let path = AlternativePath {
            recoveries,
            costs: promises_of(&costs).map_err(|f| at_item(f, "costs"))?,
        };
        out.write(minimum_of(
            &path,
            valuation_date,
            discount_rate,
            floor,
            currency,
            rounding,
        )?);
        Ok(())
    })
}

/// The least settlement of a path, for C (the body shared by `coll_minimum_settlement` and
/// `coll_minimum_settlement_with_path_json`).
fn minimum_of(
    path: &AlternativePath,
    valuation_date: coll_date,
    discount_rate: coll_decimal,
    floor: Option<coll_decimal>,
    currency: coll_currency,
    rounding: coll_rounding_mode,
) -> FfiResult<coll_minimum_settlement_result> {
    let floor = floor.map(|f| f.to_core("floor")).transpose()?;
    let m = minimum_settlement(
        path,
        valuation_date.to_core("valuation_date")?,
        discount_rate.to_core("discount_rate")?,
        floor,
        currency.to_core("currency")?,
        rounding_mode_of(rounding, "rounding")?,
    )?;
    Ok(coll_minimum_settlement_result {
        recovery_npv: coll_decimal::from_core(m.recovery_npv),
        cost_npv: coll_decimal::from_core(m.cost_npv),
        net: coll_decimal::from_core(m.net),
        has_floor: u8::from(m.floor.is_some()),
        floor: coll_decimal::from_core(m.floor.unwrap_or_default()),
        minimum: coll_decimal::from_core(m.minimum),
    })
}

/// As `coll_minimum_settlement`, with the alternative path as JSON (`path_len` bytes of UTF-8), the
/// core's `AlternativePath`: `{"recoveries": [{"date", "amount", "probability"}], "costs": [{"date",
/// "amount"}]}`. JSON that is no such path fails naming `path`; the checks of its amounts name their
/// fields as `coll_minimum_settlement`'s do.
///
/// # Safety
/// `path_json` is NULL or points to `path_len` readable bytes; `floor` is NULL or readable; `out` is
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_minimum_settlement_with_path_json(
    path_json: *const c_char,
    path_len: usize,
    valuation_date: coll_date,
    discount_rate: coll_decimal,
    floor: *const coll_decimal,
    currency: coll_currency,
    rounding: coll_rounding_mode,
    out: *mut coll_minimum_settlement_result,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, floor, out) = unsafe {
            (
                ptr::text(path_json, path_len, "path_json")?,
                ptr::read_optional(floor),
                ptr::out(out, "out")?,
            )
        };
        let path: AlternativePath = from_json!(text, "path")?;
        out.write(minimum_of(
            &path,
            valuation_date,
            discount_rate,
            floor,
            currency,
            rounding,
        )?);
        Ok(())
    })
}

/// A discount band of a settlement policy: from `min_days_past_due` on (the first band from 0, each
/// later band from more days), a lump sum may be discounted by `lump_sum_discount_percent` and up to
/// `max_installments` installments by `installment_discount_percent` (both from 0 to below 100, the
/// installments' no more than the lump sum's). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_discount_band {
    /// Where the band starts, in days past due.
    pub min_days_past_due: u32,
    /// The lump sum's discount, in percent.
    pub lump_sum_discount_percent: coll_decimal,
    /// The installments' discount, in percent.
    pub installment_discount_percent: coll_decimal,
    /// The most installments, at least 1 (1: a lump sum only).
    pub max_installments: u32,
}

/// Settlement discount bands by days past due. Opaque; made by `coll_settlement_policy_new`,
/// `coll_settlement_policy_from_json` or `coll_settlement_policy_clone`, freed by
/// `coll_settlement_policy_free`. It never changes.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_settlement_policy {
    inner: SettlementPolicy,
}

/// A policy of `n_bands` bands. Fails naming `bands` (none, the first not from 0, days not
/// increasing), `lump_sum_discount_percent`, `installment_discount_percent` or `max_installments`
/// (the message names the band).
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_settlement_policy_free`.
///
/// # Safety
/// `bands` is NULL or points to `n_bands` readable `coll_discount_band`s; `out` is NULL or points to a
/// writable `coll_settlement_policy *`.
#[no_mangle]
pub unsafe extern "C" fn coll_settlement_policy_new(
    bands: *const coll_discount_band,
    n_bands: usize,
    out: *mut *mut coll_settlement_policy,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (bands, out) = unsafe {
            (
                ptr::read_slice_or_empty(bands, n_bands, "bands")?,
                ptr::out(out, "out")?,
            )
        };
        let bands = bands
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let at = |f| at_item(f, &format!("band #{i}"));
                Ok(DiscountBand {
                    min_days_past_due: b.min_days_past_due,
                    lump_sum_discount_percent: b
                        .lump_sum_discount_percent
                        .to_core("lump_sum_discount_percent")
                        .map_err(at)?,
                    installment_discount_percent: b
                        .installment_discount_percent
                        .to_core("installment_discount_percent")
                        .map_err(at)?,
                    max_installments: b.max_installments,
                })
            })
            .collect::<FfiResult<Vec<_>>>()?;
        out.write(ptr::into_handle(coll_settlement_policy {
            inner: SettlementPolicy::new(bands)?,
        }));
        Ok(())
    })
}

/// A policy from JSON (`len` bytes of UTF-8), the core's form: `{"bands": [{"min_days_past_due",
/// "lump_sum_discount_percent", "installment_discount_percent", "max_installments"}]}`. Fails naming
/// `policy`; `COLL_INVALID_UTF8` naming `text`.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_settlement_policy_free`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_settlement_policy *`.
#[no_mangle]
pub unsafe extern "C" fn coll_settlement_policy_from_json(
    text: *const c_char,
    len: usize,
    out: *mut *mut coll_settlement_policy,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        out.write(ptr::into_handle(coll_settlement_policy {
            inner: from_json!(text, "policy")?,
        }));
        Ok(())
    })
}

/// The policy as JSON (the form `coll_settlement_policy_from_json` reads), written into `buf` with a
/// NUL as `coll_arrangement_to_json` writes.
///
/// # Safety
/// `policy` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
/// is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_settlement_policy_to_json(
    policy: *const coll_settlement_policy,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let p = unsafe { ptr::handle(policy, "policy")? };
        // SAFETY: the caller's contract.
        unsafe { write_json(serde_json::to_string(&p.inner), buf, buf_len, out_len) }
    })
}

/// The number of bands, in `*out`.
///
/// # Safety
/// `policy` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_settlement_policy_band_count(
    policy: *const coll_settlement_policy,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(policy, "policy", out, |p| Ok(p.inner.bands().len())) }
}

/// Band `index`, in `*out`. An index past the end gives `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `policy` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_settlement_policy_band_at(
    policy: *const coll_settlement_policy,
    index: usize,
    out: *mut coll_discount_band,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(policy, "policy", out, |p| {
            let bands = p.inner.bands();
            let b = bands
                .get(index)
                .ok_or_else(|| bad_index("index", index, bands.len()))?;
            Ok(coll_discount_band {
                min_days_past_due: b.min_days_past_due,
                lump_sum_discount_percent: coll_decimal::from_core(b.lump_sum_discount_percent),
                installment_discount_percent: coll_decimal::from_core(
                    b.installment_discount_percent,
                ),
                max_installments: b.max_installments,
            })
        })
    }
}

/// A copy of the policy, freed separately with `coll_settlement_policy_free`.
///
/// # Safety
/// `policy` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_settlement_policy *`.
#[no_mangle]
pub unsafe extern "C" fn coll_settlement_policy_clone(
    policy: *const coll_settlement_policy,
    out: *mut *mut coll_settlement_policy,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(policy, "policy", out, |p| {
            Ok(ptr::into_handle(coll_settlement_policy {
                inner: p.inner.clone(),
            }))
        })
    }
}

/// Frees a policy. NULL is a no-op.
///
/// # Safety
/// `policy` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_settlement_policy_free(policy: *mut coll_settlement_policy) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(policy) }
}

/// A settlement offer. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_settlement_offer {
    /// 1 for a lump sum, else the most installments.
    pub installments: u32,
    /// What is paid (rounded up to minor units; at least the minimum, at most the balance).
    pub amount: coll_decimal,
    /// What is forgiven.
    pub discount: coll_decimal,
    /// The band's start, in days past due.
    pub band_min_days_past_due: u32,
    /// 1 when the minimum, not the policy's discount, set the amount.
    pub at_minimum: u8,
}

/// The offers the policy allows for `balance` (above zero in `currency`'s minor units) at
/// `days_past_due`, none below `minimum` (NULL: none; not negative): the lump sum, then the
/// installment offer when the band allows more than one installment, into `out` (room for `out_cap`;
/// 2 is always enough) with their number in `*out_len`; too small an array gives
/// `COLL_BUFFER_TOO_SMALL` with the number needed in `*out_len`.
///
/// # Safety
/// `minimum` is NULL or readable; `policy` is NULL or a live handle; `out` is NULL or points to
/// `out_cap` writable `coll_settlement_offer`s; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_settlement_offers(
    balance: coll_decimal,
    currency: coll_currency,
    days_past_due: u32,
    minimum: *const coll_decimal,
    policy: *const coll_settlement_policy,
    out: *mut coll_settlement_offer,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (minimum, policy, out, out_len) = unsafe {
            (
                ptr::read_optional(minimum),
                ptr::handle(policy, "policy")?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let minimum = minimum.map(|m| m.to_core("minimum")).transpose()?;
        let offers = settlement_offers(
            balance.to_core("balance")?,
            currency.to_core("currency")?,
            days_past_due,
            minimum,
            &policy.inner,
        )?;
        let list: Vec<coll_settlement_offer> = offers
            .iter()
            .map(|o| coll_settlement_offer {
                installments: o.installments,
                amount: coll_decimal::from_core(o.amount),
                discount: coll_decimal::from_core(o.discount),
                band_min_days_past_due: o.band_min_days_past_due,
                at_minimum: u8::from(o.at_minimum),
            })
            .collect();
        out.write_counted(&list, out_len)
    })
}
