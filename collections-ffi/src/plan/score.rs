//! Scoring and ranking plans (`coll_plan_score`, `coll_plan_rank`) and the cash-flow forecast of a
//! portfolio of plans (`coll_plan_forecast` into the `coll_forecast` handle).

use std::ffi::c_char;

use collections_core::plan::{compare_plans, forecast, Forecast, PlanScore, Probabilities, Scorer};

use super::arrangement::{arrangements, coll_arrangement};
use super::{
    coll_forecast_period, coll_probabilities, coll_rank_by, probabilities_or_certain,
    FORECAST_PERIODS, RANK_BYS,
};
use crate::calendar::coll_date;
use crate::contact::write_json;
use crate::debt::{at_item, bad_index};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::{coll_decimal, coll_rounding_mode, rounding_mode_of};
use crate::ptr;

/// A plan's score. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_plan_score_result {
    /// The sum of every promise.
    pub total: coll_decimal,
    /// The number of promises (the down payment included).
    pub promises: u32,
    /// Days from the start to the last promise.
    pub duration_days: i64,
    /// The promises discounted to the start (Actual/365 Fixed, as XNPV), rounded to minor units.
    pub npv: coll_decimal,
    /// `npv` / the debts' balance (not rounded).
    pub recovery_ratio: coll_decimal,
    /// The largest calendar month's installments (the down payment aside).
    pub largest_monthly_payment: coll_decimal,
    /// 1 when `payment_to_income` is set (a disposable income above zero was given).
    pub has_payment_to_income: u8,
    /// `largest_monthly_payment` / the monthly disposable income (not rounded).
    pub payment_to_income: coll_decimal,
    /// Each promise times the probability it is paid, each rounded to minor units, summed.
    pub expected_value: coll_decimal,
    /// Those expected amounts discounted as `npv`, rounded to minor units.
    pub expected_npv: coll_decimal,
}

impl coll_plan_score_result {
    fn from_core(s: &PlanScore) -> coll_plan_score_result {
        coll_plan_score_result {
            total: coll_decimal::from_core(s.total),
            promises: s.promises,
            duration_days: s.duration_days,
            npv: coll_decimal::from_core(s.npv),
            recovery_ratio: coll_decimal::from_core(s.recovery_ratio),
            largest_monthly_payment: coll_decimal::from_core(s.largest_monthly_payment),
            has_payment_to_income: u8::from(s.payment_to_income.is_some()),
            payment_to_income: coll_decimal::from_core(s.payment_to_income.unwrap_or_default()),
            expected_value: coll_decimal::from_core(s.expected_value),
            expected_npv: coll_decimal::from_core(s.expected_npv),
        }
    }
}

/// The scorer from C.
///
/// # Safety
/// `disposable_income` is NULL or readable.
unsafe fn scorer(
    discount_rate: coll_decimal,
    disposable_income: *const coll_decimal,
    rounding: coll_rounding_mode,
) -> FfiResult<Scorer> {
    // SAFETY: the caller's contract.
    let income = unsafe { ptr::read_optional(disposable_income) }
        .map(|d| d.to_core("disposable_income"))
        .transpose()?;
    Ok(Scorer::new(
        discount_rate.to_core("discount_rate")?,
        income,
        rounding_mode_of(rounding, "rounding")?,
    )?)
}

/// Scores a plan whose promises are paid with `probabilities` (NULL: certain), discounted at
/// `discount_rate` (an annual fraction above -1: 0.08 for 8%), with the payment-to-income ratio
/// against `disposable_income` a month (NULL: none), expected amounts rounded by `rounding` (a
/// `COLL_ROUND_` constant), into `*out`.
///
/// Fails: `COLL_INVALID_RATE` naming `discount_rate` (at or below -100%); `COLL_INVALID_ARGUMENT`
/// naming `probabilities` (outside [0, 1], the message naming the position; not one per promise),
/// `hazard` (outside [0, 1]), `values`, `rounding`; `COLL_INVALID_DECIMAL`; `COLL_OVERFLOW`.
///
/// # Safety
/// `arrangement` is NULL or a live handle; `probabilities` is NULL or readable, its `values` valid for
/// its count; `disposable_income` is NULL or readable; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_plan_score(
    arrangement: *const coll_arrangement,
    probabilities: *const coll_probabilities,
    discount_rate: coll_decimal,
    disposable_income: *const coll_decimal,
    rounding: coll_rounding_mode,
    out: *mut coll_plan_score_result,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, p, scorer, out) = unsafe {
            (
                ptr::handle(arrangement, "arrangement")?,
                probabilities_or_certain(probabilities)?,
                scorer(discount_rate, disposable_income, rounding)?,
                ptr::out(out, "out")?,
            )
        };
        let score = scorer.score(&a.inner, &p)?;
        out.write(coll_plan_score_result::from_core(&score));
        Ok(())
    })
}

/// Per-plan probabilities from C: NULL is every plan certain, else one per plan.
///
/// # Safety
/// `p` is NULL or valid for `n` reads, each one's `values` valid for its count.
unsafe fn probabilities_per_plan(
    p: *const coll_probabilities,
    n: usize,
) -> FfiResult<Vec<Probabilities>> {
    if p.is_null() {
        return Ok(vec![Probabilities::Certain; n]);
    }
    // SAFETY: the caller's contract.
    let list = unsafe { ptr::read_slice(p, n, "probabilities")? };
    list.iter()
        .enumerate()
        .map(|(i, p)| {
            // SAFETY: the caller's contract for each element.
            unsafe { p.to_core() }.map_err(|f| at_item(f, &format!("plan #{i}")))
        })
        .collect()
}

/// Ranks `n_plans` plans for one debtor (all in one currency: `COLL_CURRENCY_MISMATCH` naming
/// `plans`), each scored as `coll_plan_score` scores with `probabilities[i]` (`probabilities` NULL:
/// all certain), best first by `by` (a `COLL_RANK_BY_` constant; ties keep the input order): the
/// plans' indices into `out_order` (room for `order_cap`) and their number into `*out_len`; too small
/// an array gives `COLL_BUFFER_TOO_SMALL` with the number needed in `*out_len`. Optionally, with
/// `out_scores` not NULL (room for `order_cap` too), each plan's score in the same order. An error in
/// a plan names it (`probabilities: plan #1: ...`).
///
/// # Safety
/// `plans` is NULL or points to `n_plans` live handles; `probabilities` is NULL or points to `n_plans`
/// readable `coll_probabilities`; `disposable_income` is NULL or readable; `out_order` is NULL or
/// points to `order_cap` writable `size_t`s; `out_scores` is NULL or points to `order_cap` writable
/// `coll_plan_score_result`s; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_plan_rank(
    plans: *const *const coll_arrangement,
    probabilities: *const coll_probabilities,
    n_plans: usize,
    discount_rate: coll_decimal,
    disposable_income: *const coll_decimal,
    rounding: coll_rounding_mode,
    by: coll_rank_by,
    out_order: *mut usize,
    out_scores: *mut coll_plan_score_result,
    order_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (plans, ps, scorer, order, out_len) = unsafe {
            (
                arrangements(plans, n_plans, "plans")?,
                probabilities_per_plan(probabilities, n_plans)?,
                scorer(discount_rate, disposable_income, rounding)?,
                ptr::out_slice_or_size_query(out_order, order_cap, "out_order")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let by = RANK_BYS.core(by, "by")?;
        let pairs: Vec<_> = plans.iter().copied().zip(ps.iter()).collect();
        let ranked = compare_plans(&scorer, &pairs, by)?;
        let indices: Vec<usize> = ranked.iter().map(|(i, _)| *i).collect();
        if out_scores.is_null() {
            return order.write_counted(&indices, out_len);
        }
        // SAFETY: the caller's contract.
        let scores = unsafe { ptr::out_slice(out_scores, order_cap, "out_scores")? };
        let list: Vec<coll_plan_score_result> = ranked
            .iter()
            .map(|(_, s)| coll_plan_score_result::from_core(s))
            .collect();
        // The same capacity: when the order fits, so do the scores.
        order.write_counted(&indices, out_len)?;
        scores.write_all(&list)
    })
}

// ---------------------------------------------------------------- forecast

/// The expected cash flows of a portfolio of plans by period. Opaque; made by `coll_plan_forecast` or
/// `coll_forecast_clone`, freed by `coll_forecast_free`. It never changes.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_forecast {
    pub(crate) inner: Forecast,
}

/// One period of a forecast (or, from `coll_forecast_totals`, every period: `period_start` is then
/// the first row's, or {0, 0, 0} when there is none). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_forecast_row {
    /// The first day of the period (a Monday, or the first of a month).
    pub period_start: coll_date,
    /// The promises falling in it.
    pub promises: u64,
    /// What they promise.
    pub scheduled: coll_decimal,
    /// What they are expected to bring (each promise times its probability, rounded).
    pub expected: coll_decimal,
}

/// The forecast of `n_plans` plans (one currency: `COLL_CURRENCY_MISMATCH` naming `plans`), each
/// paid with `probabilities[i]` (`probabilities` NULL: all certain), of the promises on or after
/// `from`, by `period` (a `COLL_FORECAST_` constant) from `from`'s period on, expected amounts rounded
/// by `rounding`. Periods with no promise in between are rows of zero. An error in a plan names it
/// (`probabilities: plan #1: ...`).
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with `coll_forecast_free`.
///
/// # Safety
/// `plans` is NULL or points to `n_plans` live handles; `probabilities` is NULL or points to `n_plans`
/// readable `coll_probabilities`; `out` is NULL or points to a writable `coll_forecast *`.
#[no_mangle]
pub unsafe extern "C" fn coll_plan_forecast(
    plans: *const *const coll_arrangement,
    probabilities: *const coll_probabilities,
    n_plans: usize,
    from: coll_date,
    period: coll_forecast_period,
    rounding: coll_rounding_mode,
    out: *mut *mut coll_forecast,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (plans, ps, out) = unsafe {
            (
                arrangements(plans, n_plans, "plans")?,
                probabilities_per_plan(probabilities, n_plans)?,
                ptr::out(out, "out")?,
            )
        };
        let inner = forecast(
            plans.iter().copied().zip(ps.iter()),
            from.to_core("from")?,
            FORECAST_PERIODS.core(period, "period")?,
            rounding_mode_of(rounding, "rounding")?,
        )?;
        out.write(ptr::into_handle(coll_forecast { inner }));
        Ok(())
    })
}

/// The number of rows (periods), in `*out`.
///
/// # Safety
/// `forecast` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_forecast_row_count(
    forecast: *const coll_forecast,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(forecast, "forecast", out, |f| Ok(f.inner.rows.len())) }
}

fn row_of(r: &collections_core::plan::ForecastRow) -> coll_forecast_row {
    coll_forecast_row {
        period_start: coll_date::from_core(r.period_start),
        promises: r.promises,
        scheduled: coll_decimal::from_core(r.scheduled),
        expected: coll_decimal::from_core(r.expected),
    }
}

/// Row `index`, in `*out`. An index past the end gives `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `forecast` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_forecast_row_at(
    forecast: *const coll_forecast,
    index: usize,
    out: *mut coll_forecast_row,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(forecast, "forecast", out, |f| {
            let rows = &f.inner.rows;
            rows.get(index)
                .map(row_of)
                .ok_or_else(|| bad_index("index", index, rows.len()))
        })
    }
}

/// The totals over every row, in `*out` (`period_start` is the first row's).
///
/// # Safety
/// `forecast` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_forecast_totals(
    forecast: *const coll_forecast,
    out: *mut coll_forecast_row,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(forecast, "forecast", out, |f| {
            let (promises, scheduled, expected) = f.inner.totals()?;
            let (_, period_start) =
                crate::affordability::date_or_none(f.inner.rows.first().map(|r| r.period_start));
            Ok(coll_forecast_row {
                period_start,
                promises,
                scheduled: coll_decimal::from_core(scheduled),
                expected: coll_decimal::from_core(expected),
            })
        })
    }
}

/// The forecast as JSON (the core's form), written into `buf` with a NUL as
/// `coll_arrangement_to_json` writes.
///
/// # Safety
/// `forecast` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
/// is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_forecast_to_json(
    forecast: *const coll_forecast,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let f = unsafe { ptr::handle(forecast, "forecast")? };
        // SAFETY: the caller's contract.
        unsafe { write_json(serde_json::to_string(&f.inner), buf, buf_len, out_len) }
    })
}

/// A copy of the forecast, freed separately with `coll_forecast_free`.
///
/// # Safety
/// `forecast` is NULL or a live handle; `out` is NULL or points to a writable `coll_forecast *`.
#[no_mangle]
pub unsafe extern "C" fn coll_forecast_clone(
    forecast: *const coll_forecast,
    out: *mut *mut coll_forecast,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(forecast, "forecast", out, |f| {
            Ok(ptr::into_handle(coll_forecast {
                inner: f.inner.clone(),
            }))
        })
    }
}

/// Frees a forecast. NULL is a no-op.
///
/// # Safety
/// `forecast` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_forecast_free(forecast: *mut coll_forecast) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(forecast) }
}
