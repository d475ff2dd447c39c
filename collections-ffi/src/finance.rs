//! Time value of money across the ABI: numpy-financial's `fv`, `pv`, `pmt`, `nper`, `ipmt`, `ppmt`,
//! `rate`, `npv`, `irr`, `mirr`, Excel's `cumipmt`/`cumprinc`, and the dated `xnpv`/`xirr`. The rules
//! are the core's `finance` module; this converts values and maps errors.
//!
//! Arguments keep numpy-financial's names and order (`rate, nper, pmt, pv, fv, when`) and its sign
//! convention: money paid out is negative, money received positive. Every number is a `coll_decimal`,
//! including `nper`, `per`, `start_period` and `end_period`, and every result is exact to Decimal's 28
//! significant digits (round it with `coll_decimal_round`).
//!
//! Annual percentage rates (Regulation Z's APR and the EU APRC) are in the submodule `apr`.

use std::ffi::c_char;

use chrono::NaiveDate;
use collections_core::finance::{self, When};
use collections_core::Error;
use rust_decimal::Decimal;

use crate::calendar::{coll_date, coll_day_count};
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::money::coll_decimal;
use crate::ptr;

/// When payments fall within each period: one of the `COLL_WHEN_` constants.
#[allow(non_camel_case_types)]
pub type coll_when = u32;

/// At the end of each period (an ordinary annuity; numpy-financial's `'end'` or 0).
pub const COLL_WHEN_END: coll_when = 0;
/// At the start of each period (an annuity due; numpy-financial's `'begin'` or 1).
pub const COLL_WHEN_BEGIN: coll_when = 1;

/// The core's `When` of a C constant; any other number is `COLL_INVALID_ARGUMENT` naming `when`.
fn when(value: coll_when) -> FfiResult<When> {
    match value {
        COLL_WHEN_END => Ok(When::End),
        COLL_WHEN_BEGIN => Ok(When::Begin),
        other => Err(Failure::unknown_value(
            "when",
            other,
            "COLL_WHEN_END (0) or COLL_WHEN_BEGIN (1)",
        )),
    }
}

/// The constant of a core `When`.
fn when_constant(value: When) -> coll_when {
    match value {
        When::End => COLL_WHEN_END,
        When::Begin => COLL_WHEN_BEGIN,
    }
}

/// The `COLL_WHEN_` constant named by `name`: `end` (also `finish` or `0`) or `begin` (also `start` or
/// `1`), as numpy-financial accepts them; case and surrounding spaces are not significant. Unknown
/// names give `COLL_INVALID_ARGUMENT` naming `when`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_when`.
#[no_mangle]
pub unsafe extern "C" fn coll_when_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_when,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        let parsed: When = name.parse()?;
        out.write(when_constant(parsed));
        Ok(())
    })
}

/// The core calls the amounts of dated flows `values`; here they are the argument `amounts`.
fn amounts_field(error: Error) -> Error {
    match error.field() {
        "values" => error.with_field("amounts"),
        _ => error,
    }
}

/// Converts the optional guess of a solver (NULL from C: the default, 0.1).
fn guess_value(guess: Option<coll_decimal>) -> FfiResult<Option<Decimal>> {
    guess.map(|g| g.to_core("guess")).transpose()
}

/// Converts parallel arrays copied from C into dated amounts, pair by pair; the fields name the arrays.
fn dated_amounts(
    dates: Vec<coll_date>,
    amounts: Vec<coll_decimal>,
    date_field: &'static str,
    amount_field: &'static str,
) -> FfiResult<Vec<(NaiveDate, Decimal)>> {
    dates
        .into_iter()
        .zip(amounts)
        .map(|(d, a)| Ok((d.to_core(date_field)?, a.to_core(amount_field)?)))
        .collect()
}

/// The body of the solvers whose arguments are all decimals and `when` (`coll_fv` to `coll_cumprinc`):
/// inside the panic boundary, reads every input (NULL checked in argument order) and checks `out`,
/// converts each input naming its argument, then writes what `solve` returns.
///
/// # Safety
/// Each input pointer is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a
/// writable `coll_decimal` (it may be one of the inputs).
unsafe fn solver<const N: usize>(
    inputs: [(*const coll_decimal, &'static str); N],
    out: *mut coll_decimal,
    solve: impl FnOnce([Decimal; N]) -> FfiResult<Decimal>,
) -> coll_status {
    boundary(|| {
        let mut raw = [coll_decimal::from_core(Decimal::ZERO); N];
        for (slot, (p, field)) in raw.iter_mut().zip(inputs) {
            // SAFETY: the caller's contract.
            *slot = unsafe { ptr::read(p, field)? };
        }
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let mut values = [Decimal::ZERO; N];
        for ((value, d), (_, field)) in values.iter_mut().zip(raw).zip(inputs) {
            *value = d.to_core(field)?;
        }
        out.write(coll_decimal::from_core(solve(values)?));
        Ok(())
    })
}

/// The future value: what `pv` now and `nper` payments of `pmt` grow to at `rate` per period
/// (numpy-financial's `fv`). `fv(0.075, 20, -2000, 0, END)` is 86609.362673...
///
/// Fails with `COLL_INVALID_RATE` when `rate` is at or below -1 (-100%), `COLL_INVALID_ARGUMENT` when
/// `nper` is not positive or `when` is not a `COLL_WHEN_` constant, or `COLL_OVERFLOW`.
///
/// # Safety
/// `rate`, `nper`, `pmt` and `pv` are NULL or point to readable `coll_decimal`s; `out` is NULL or points
/// to a writable `coll_decimal` (it may be one of the inputs).
#[no_mangle]
pub unsafe extern "C" fn coll_fv(
    rate: *const coll_decimal,
    nper: *const coll_decimal,
    pmt: *const coll_decimal,
    pv: *const coll_decimal,
    when: coll_when,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: forwarded contract.
    unsafe {
        solver(
            [(rate, "rate"), (nper, "nper"), (pmt, "pmt"), (pv, "pv")],
            out,
            |[rate, nper, pmt, pv]| Ok(finance::fv(rate, nper, pmt, pv, self::when(when)?)?),
        )
    }
}

/// The present value of `nper` payments of `pmt` and a final `fv` at `rate` per period
/// (numpy-financial's `pv`). `pv(0.07, 20, 12000, 0, END)` is -127128.1709461939...
///
/// Fails as `coll_fv` does.
///
/// # Safety
/// `rate`, `nper`, `pmt` and `fv` are NULL or point to readable `coll_decimal`s; `out` is NULL or points
/// to a writable `coll_decimal` (it may be one of the inputs).
#[no_mangle]
pub unsafe extern "C" fn coll_pv(
    rate: *const coll_decimal,
    nper: *const coll_decimal,
    pmt: *const coll_decimal,
    fv: *const coll_decimal,
    when: coll_when,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: forwarded contract.
    unsafe {
        solver(
            [(rate, "rate"), (nper, "nper"), (pmt, "pmt"), (fv, "fv")],
            out,
            |[rate, nper, pmt, fv]| Ok(finance::pv(rate, nper, pmt, fv, self::when(when)?)?),
        )
    }
}

/// The level payment per period that turns `pv` into `fv` over `nper` periods at `rate`
/// (numpy-financial's `pmt`). `pmt(0.08/12, 60, 15000, 0, END)` is -304.145914...
///
/// Fails as `coll_fv` does.
///
/// # Safety
/// `rate`, `nper`, `pv` and `fv` are NULL or point to readable `coll_decimal`s; `out` is NULL or points
/// to a writable `coll_decimal` (it may be one of the inputs).
#[no_mangle]
pub unsafe extern "C" fn coll_pmt(
    rate: *const coll_decimal,
    nper: *const coll_decimal,
    pv: *const coll_decimal,
    fv: *const coll_decimal,
    when: coll_when,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: forwarded contract.
    unsafe {
        solver(
            [(rate, "rate"), (nper, "nper"), (pv, "pv"), (fv, "fv")],
            out,
            |[rate, nper, pv, fv]| Ok(finance::pmt(rate, nper, pv, fv, self::when(when)?)?),
        )
    }
}

/// The number of periods (fractional in general) for `pv` to reach `fv` paying `pmt` each period at
/// `rate` (numpy-financial's `nper`). `nper(0.075, -2000, 0, 100000, END)` is 21.5449442...
///
/// Fails with `COLL_NO_SOLUTION` naming `pmt` when the payment never gets there (it does not cover the
/// interest: the message gives the smallest payment that does; or it is zero at a zero rate),
/// `COLL_INVALID_RATE` when `rate` is at or below -1, `COLL_INVALID_ARGUMENT` for an unknown `when`, or
/// `COLL_OVERFLOW`.
///
/// # Safety
/// `rate`, `pmt`, `pv` and `fv` are NULL or point to readable `coll_decimal`s; `out` is NULL or points
/// to a writable `coll_decimal` (it may be one of the inputs).
#[no_mangle]
pub unsafe extern "C" fn coll_nper(
    rate: *const coll_decimal,
    pmt: *const coll_decimal,
    pv: *const coll_decimal,
    fv: *const coll_decimal,
    when: coll_when,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: forwarded contract.
    unsafe {
        solver(
            [(rate, "rate"), (pmt, "pmt"), (pv, "pv"), (fv, "fv")],
            out,
            |[rate, pmt, pv, fv]| Ok(finance::nper(rate, pmt, pv, fv, self::when(when)?)?),
        )
    }
}

/// The interest part of payment number `per` (a whole number from 1 to `nper`) of a level-payment loan
/// (numpy-financial's `ipmt`, computed prospectively so it stays exact where floats cancel:
/// `ipmt(0.1479, 297, 300, -270.51, 0, END)` is 16.9656..., not 0.0).
///
/// Fails as `coll_fv` does, or with `COLL_INVALID_ARGUMENT` naming `per` when it is not a whole period
/// from 1 to `nper`.
///
/// # Safety
/// `rate`, `per`, `nper`, `pv` and `fv` are NULL or point to readable `coll_decimal`s; `out` is NULL or
/// points to a writable `coll_decimal` (it may be one of the inputs).
#[no_mangle]
pub unsafe extern "C" fn coll_ipmt(
    rate: *const coll_decimal,
    per: *const coll_decimal,
    nper: *const coll_decimal,
    pv: *const coll_decimal,
    fv: *const coll_decimal,
    when: coll_when,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: forwarded contract.
    unsafe {
        solver(
            [
                (rate, "rate"),
                (per, "per"),
                (nper, "nper"),
                (pv, "pv"),
                (fv, "fv"),
            ],
            out,
            |[rate, per, nper, pv, fv]| {
                Ok(finance::ipmt(rate, per, nper, pv, fv, self::when(when)?)?)
            },
        )
    }
}

/// The principal part of payment number `per`: `pmt - ipmt` (numpy-financial's `ppmt`).
/// `ppmt(0.1/12, 1, 60, 55000, 0, END)` is -710.254126...
///
/// Fails as `coll_ipmt` does.
///
/// # Safety
/// As for `coll_ipmt`.
#[no_mangle]
pub unsafe extern "C" fn coll_ppmt(
    rate: *const coll_decimal,
    per: *const coll_decimal,
    nper: *const coll_decimal,
    pv: *const coll_decimal,
    fv: *const coll_decimal,
    when: coll_when,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: forwarded contract.
    unsafe {
        solver(
            [
                (rate, "rate"),
                (per, "per"),
                (nper, "nper"),
                (pv, "pv"),
                (fv, "fv"),
            ],
            out,
            |[rate, per, nper, pv, fv]| {
                Ok(finance::ppmt(rate, per, nper, pv, fv, self::when(when)?)?)
            },
        )
    }
}

/// Cumulative interest paid from period `start_period` to `end_period` inclusive on a loan of `pv`
/// repaid in `nper` level payments (Excel's CUMIPMT with numpy-financial's signs: negative for a loan
/// received as a positive `pv`).
///
/// Fails as `coll_fv` does, or with `COLL_INVALID_ARGUMENT` naming `start_period` or `end_period` when
/// one is not a whole period from 1 to `nper` or `end_period` is before `start_period`.
///
/// # Safety
/// `rate`, `nper`, `pv`, `start_period` and `end_period` are NULL or point to readable `coll_decimal`s;
/// `out` is NULL or points to a writable `coll_decimal` (it may be one of the inputs).
#[no_mangle]
pub unsafe extern "C" fn coll_cumipmt(
    rate: *const coll_decimal,
    nper: *const coll_decimal,
    pv: *const coll_decimal,
    start_period: *const coll_decimal,
    end_period: *const coll_decimal,
    when: coll_when,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: forwarded contract.
    unsafe {
        solver(
            [
                (rate, "rate"),
                (nper, "nper"),
                (pv, "pv"),
                (start_period, "start_period"),
                (end_period, "end_period"),
            ],
            out,
            |[rate, nper, pv, start_period, end_period]| {
                Ok(finance::cumipmt(
                    rate,
                    nper,
                    pv,
                    start_period,
                    end_period,
                    self::when(when)?,
                )?)
            },
        )
    }
}

/// Cumulative principal repaid from period `start_period` to `end_period` inclusive (Excel's CUMPRINC
/// with numpy-financial's signs).
///
/// Fails as `coll_cumipmt` does.
///
/// # Safety
/// As for `coll_cumipmt`.
#[no_mangle]
pub unsafe extern "C" fn coll_cumprinc(
    rate: *const coll_decimal,
    nper: *const coll_decimal,
    pv: *const coll_decimal,
    start_period: *const coll_decimal,
    end_period: *const coll_decimal,
    when: coll_when,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: forwarded contract.
    unsafe {
        solver(
            [
                (rate, "rate"),
                (nper, "nper"),
                (pv, "pv"),
                (start_period, "start_period"),
                (end_period, "end_period"),
            ],
            out,
            |[rate, nper, pv, start_period, end_period]| {
                Ok(finance::cumprinc(
                    rate,
                    nper,
                    pv,
                    start_period,
                    end_period,
                    self::when(when)?,
                )?)
            },
        )
    }
}

/// The rate per period at which `pv` and `nper` payments of `pmt` reach `fv` (numpy-financial's
/// `rate`). `rate(10, 0, -3500, 10000, END, NULL)` is 0.1106908537...
///
/// Solved by Newton's method from `guess`, with a bisection fallback over rates from -99.99% to
/// 100000%. `guess` MAY be NULL: NULL means the default guess, 0.1.
///
/// Fails with `COLL_NO_SOLUTION` when no rate solves the equation (the message names `rate`, the
/// result sought, and lists the inputs), `COLL_INVALID_ARGUMENT` when `nper` is not positive or `when`
/// is unknown, `COLL_INVALID_RATE` naming `guess` when it is at or below -1, or `COLL_OVERFLOW`.
///
/// # Safety
/// `nper`, `pmt`, `pv` and `fv` are NULL or point to readable `coll_decimal`s; `guess` is NULL or points
/// to a readable `coll_decimal`; `out` is NULL or points to a writable `coll_decimal` (it may be one of
/// the inputs).
#[no_mangle]
pub unsafe extern "C" fn coll_rate(
    nper: *const coll_decimal,
    pmt: *const coll_decimal,
    pv: *const coll_decimal,
    fv: *const coll_decimal,
    when: coll_when,
    guess: *const coll_decimal,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (nper, pmt, pv, fv, guess, out) = unsafe {
            (
                ptr::read(nper, "nper")?,
                ptr::read(pmt, "pmt")?,
                ptr::read(pv, "pv")?,
                ptr::read(fv, "fv")?,
                ptr::read_optional(guess),
                ptr::out(out, "out")?,
            )
        };
        let value = finance::rate(
            nper.to_core("nper")?,
            pmt.to_core("pmt")?,
            pv.to_core("pv")?,
            fv.to_core("fv")?,
            self::when(when)?,
            guess_value(guess)?,
        )?;
        out.write(coll_decimal::from_core(value));
        Ok(())
    })
}

/// Net present value of `values` at `rate` per period: the sum of `values[t] / (1 + rate)^t` for
/// t = 0, 1, 2, ... (numpy-financial's `npv`: the first value is not discounted; Excel's NPV discounts
/// it one period).
///
/// Fails with `COLL_INVALID_RATE` when `rate` is at or below -1, `COLL_INVALID_ARGUMENT` naming
/// `values` when `n_values` is 0, `COLL_INVALID_DECIMAL` naming `values` for an invalid element, or
/// `COLL_OVERFLOW`. Ownership: `values` is borrowed for the call.
///
/// # Safety
/// `rate` is NULL or points to a readable `coll_decimal`; `values` is NULL or points to `n_values`
/// readable `coll_decimal`s (NULL is refused even when `n_values` is 0); `out` is NULL or points to a
/// writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_npv(
    rate: *const coll_decimal,
    values: *const coll_decimal,
    n_values: usize,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (rate, values, out) = unsafe {
            (
                ptr::read(rate, "rate")?,
                ptr::read_slice(values, n_values, "values")?,
                ptr::out(out, "out")?,
            )
        };
        let rate = rate.to_core("rate")?;
        let value = finance::npv(rate, &coll_decimal::list_to_core(values, "values")?)?;
        out.write(coll_decimal::from_core(value));
        Ok(())
    })
}

/// The internal rate of return of `values` (one per period): the rate at which `coll_npv` is zero
/// (numpy-financial's `irr`). `guess` MAY be NULL: NULL means the default guess, 0.1.
///
/// Fails with `COLL_NO_SOLUTION` naming `values` when the flows never change sign, or change sign more
/// than once and have several rates of return (the message lists them: the function does not pick
/// one); `COLL_INVALID_ARGUMENT` naming `values` for fewer than two values; `COLL_INVALID_RATE` naming
/// `guess` when it is at or below -1; `COLL_INVALID_DECIMAL`; or `COLL_OVERFLOW`.
///
/// # Safety
/// `values` is NULL or points to `n_values` readable `coll_decimal`s (NULL is refused even when
/// `n_values` is 0); `guess` is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a
/// writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_irr(
    values: *const coll_decimal,
    n_values: usize,
    guess: *const coll_decimal,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (values, guess, out) = unsafe {
            (
                ptr::read_slice(values, n_values, "values")?,
                ptr::read_optional(guess),
                ptr::out(out, "out")?,
            )
        };
        let values = coll_decimal::list_to_core(values, "values")?;
        let value = finance::irr(&values, guess_value(guess)?)?;
        out.write(coll_decimal::from_core(value));
        Ok(())
    })
}

/// The modified internal rate of return of `values`: negative flows financed at `finance_rate`,
/// positive flows reinvested at `reinvest_rate` (numpy-financial's `mirr`, equal to Excel's MIRR).
///
/// Fails with `COLL_NO_SOLUTION` naming `values` unless there are at least one positive and one
/// negative value (so also when `n_values` is 0 or 1), `COLL_INVALID_RATE` naming `finance_rate` or
/// `reinvest_rate` at or below -1, `COLL_INVALID_DECIMAL`, or `COLL_OVERFLOW`.
///
/// # Safety
/// `values` is NULL or points to `n_values` readable `coll_decimal`s (NULL is refused even when
/// `n_values` is 0); `finance_rate` and `reinvest_rate` are NULL or point to readable `coll_decimal`s;
/// `out` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_mirr(
    values: *const coll_decimal,
    n_values: usize,
    finance_rate: *const coll_decimal,
    reinvest_rate: *const coll_decimal,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (values, finance_rate, reinvest_rate, out) = unsafe {
            (
                ptr::read_slice(values, n_values, "values")?,
                ptr::read(finance_rate, "finance_rate")?,
                ptr::read(reinvest_rate, "reinvest_rate")?,
                ptr::out(out, "out")?,
            )
        };
        let value = finance::mirr(
            &coll_decimal::list_to_core(values, "values")?,
            finance_rate.to_core("finance_rate")?,
            reinvest_rate.to_core("reinvest_rate")?,
        )?;
        out.write(coll_decimal::from_core(value));
        Ok(())
    })
}

/// The net present value at the annual `rate` of `n` dated flows (`amounts[i]` on `dates[i]`),
/// discounted from the first date by `day_count`'s year fraction (Excel's XNPV uses Actual/365 Fixed).
/// The first date must be the earliest; the others may come in any order.
///
/// Fails with `COLL_INVALID_RATE` when `rate` is at or below -1, `COLL_INVALID_ARGUMENT` naming
/// `amounts` when `n` is 0 or `dates` when a date is before the first, `COLL_INVALID_DATE` naming
/// `dates`, `COLL_INVALID_DECIMAL` naming `amounts`, `COLL_INVALID_ARGUMENT` for an invalid
/// `day_count`, or `COLL_OVERFLOW`. Ownership: the arrays are borrowed for the call.
///
/// # Safety
/// `rate` is NULL or points to a readable `coll_decimal`; `dates` and `amounts` are NULL or point to `n`
/// readable elements each (NULL is refused even when `n` is 0); `day_count` is NULL or points to a
/// readable `coll_day_count`; `out` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_xnpv(
    rate: *const coll_decimal,
    dates: *const coll_date,
    amounts: *const coll_decimal,
    n: usize,
    day_count: *const coll_day_count,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (rate, dates, amounts, day_count, out) = unsafe {
            (
                ptr::read(rate, "rate")?,
                ptr::read_slice(dates, n, "dates")?,
                ptr::read_slice(amounts, n, "amounts")?,
                ptr::read(day_count, "day_count")?,
                ptr::out(out, "out")?,
            )
        };
        let rate = rate.to_core("rate")?;
        let flows = dated_amounts(dates, amounts, "dates", "amounts")?;
        let day_count = day_count.to_core("day_count")?;
        let value = finance::xnpv(rate, &flows, day_count).map_err(amounts_field)?;
        out.write(coll_decimal::from_core(value));
        Ok(())
    })
}

/// The annual internal rate of return of `n` dated flows: the rate at which `coll_xnpv` is zero (Excel's
/// XIRR with a selectable day count). `guess` MAY be NULL: NULL means the default guess, 0.1.
///
/// Fails with `COLL_NO_SOLUTION` naming `amounts` when the flows (in date order) never change sign, or
/// have several rates of return; `COLL_INVALID_ARGUMENT` naming `amounts` for fewer than two flows or
/// `dates` when a date is before the first; `COLL_INVALID_RATE` naming `guess` at or below -1; and
/// otherwise as `coll_xnpv`.
///
/// # Safety
/// `dates` and `amounts` are NULL or point to `n` readable elements each (NULL is refused even when `n`
/// is 0); `day_count` is NULL or points to a readable `coll_day_count`; `guess` is NULL or points to a
/// readable `coll_decimal`; `out` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_xirr(
    dates: *const coll_date,
    amounts: *const coll_decimal,
    n: usize,
    day_count: *const coll_day_count,
    guess: *const coll_decimal,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (dates, amounts, day_count, guess, out) = unsafe {
            (
                ptr::read_slice(dates, n, "dates")?,
                ptr::read_slice(amounts, n, "amounts")?,
                ptr::read(day_count, "day_count")?,
                ptr::read_optional(guess),
                ptr::out(out, "out")?,
            )
        };
        let flows = dated_amounts(dates, amounts, "dates", "amounts")?;
        let day_count = day_count.to_core("day_count")?;
        let guess = guess_value(guess)?;
        let value = finance::xirr(&flows, day_count, guess).map_err(amounts_field)?;
        out.write(coll_decimal::from_core(value));
        Ok(())
    })
}

// After the solvers, so the header shows them in this order.
mod apr;
pub use apr::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{COLL_INVALID_ARGUMENT, COLL_NO_SOLUTION, COLL_NULL_ARGUMENT, COLL_OK};
    use std::ffi::CStr;
    use std::str::FromStr;

    fn d(text: &str) -> coll_decimal {
        coll_decimal::from_core(Decimal::from_str(text).unwrap())
    }

    fn core(value: coll_decimal) -> Decimal {
        value.to_core("value").unwrap()
    }

    fn last_message() -> String {
        // SAFETY: never NULL, NUL-terminated.
        unsafe { CStr::from_ptr(crate::error::coll_last_error_message()) }
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn when_constants_match_the_core() {
        assert_eq!(when(COLL_WHEN_END).unwrap(), When::End);
        assert_eq!(when(COLL_WHEN_BEGIN).unwrap(), When::Begin);
        for w in [When::End, When::Begin] {
            assert_eq!(when(when_constant(w)).unwrap(), w);
            let name = w.name();
            let mut out = u32::MAX;
            // SAFETY: valid pointers.
            let status = unsafe { coll_when_from_name(name.as_ptr().cast(), name.len(), &mut out) };
            assert_eq!(status, COLL_OK);
            assert_eq!(out, when_constant(w));
        }
        let failure = when(2).unwrap_err();
        assert_eq!(failure.status, COLL_INVALID_ARGUMENT);
        assert!(failure.message.starts_with("when:"), "{}", failure.message);
    }

    #[test]
    fn pmt_matches_numpy_financial() {
        let (rate, nper, pv, fv) = (d("0.005"), d("360"), d("200000"), d("0"));
        let mut out = d("0");
        // SAFETY: valid pointers.
        let status = unsafe { coll_pmt(&rate, &nper, &pv, &fv, COLL_WHEN_END, &mut out) };
        assert_eq!(status, COLL_OK);
        assert_eq!(
            core(out).round_dp(12),
            Decimal::from_str("-1199.101050305505").unwrap()
        );
    }

    #[test]
    fn guess_may_be_null_and_errors_name_c_arguments() {
        std::thread::spawn(|| {
            let (nper, pmt, pv, fv) = (d("10"), d("0"), d("-3500"), d("10000"));
            let mut out = d("0");
            // SAFETY: valid pointers; a NULL guess is allowed.
            let status = unsafe {
                coll_rate(
                    &nper,
                    &pmt,
                    &pv,
                    &fv,
                    COLL_WHEN_END,
                    std::ptr::null(),
                    &mut out,
                )
            };
            assert_eq!(status, COLL_OK);
            assert_eq!(
                core(out).round_dp(10),
                Decimal::from_str("0.1106908537").unwrap()
            );

            // Dated flows: the core's `values` is the C argument `amounts`.
            let dates = [
                coll_date {
                    year: 2008,
                    month: 1,
                    day: 1,
                },
                coll_date {
                    year: 2009,
                    month: 1,
                    day: 1,
                },
            ];
            let amounts = [d("100"), d("50")];
            let mut dc = std::mem::MaybeUninit::<coll_day_count>::uninit();
            // SAFETY: a writable out-parameter.
            let status = unsafe {
                crate::calendar::coll_day_count_init(
                    crate::calendar::COLL_DAY_COUNT_ACT_365_FIXED,
                    dc.as_mut_ptr(),
                )
            };
            assert_eq!(status, COLL_OK);
            // SAFETY: initialised by the successful call.
            let dc = unsafe { dc.assume_init() };
            let before = out;
            // SAFETY: valid pointers.
            let status = unsafe {
                coll_xirr(
                    dates.as_ptr(),
                    amounts.as_ptr(),
                    2,
                    &dc,
                    std::ptr::null(),
                    &mut out,
                )
            };
            assert_eq!(status, COLL_NO_SOLUTION);
            assert!(last_message().starts_with("amounts:"), "{}", last_message());
            assert_eq!(out, before);

            // SAFETY: a NULL array is refused before anything is read.
            let status =
                unsafe { coll_xnpv(&pv, std::ptr::null(), amounts.as_ptr(), 0, &dc, &mut out) };
            assert_eq!(status, COLL_NULL_ARGUMENT);
            assert_eq!(last_message(), "dates: must not be NULL");
        })
        .join()
        .unwrap();
    }
}
