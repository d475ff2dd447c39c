//! Annual interest rates across the ABI. A rate crosses as a `coll_decimal` fraction (0.05 is 5%); the
//! functions check it (greater than -1) and convert it with the core's `Rate`.

use collections_core::{Compounding, Error, Rate};

use crate::calendar::coll_frequency;
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::coll_decimal;
use crate::ptr;

/// How often interest compounds: continuously, or `periods_per_year` times a year. The core's
/// `Compounding` is an enum with data, so C passes its two forms as two arguments.
fn compounding(periods_per_year: u32, continuous: bool) -> FfiResult<Compounding> {
    if !continuous {
        return Ok(Compounding::PeriodsPerYear(periods_per_year));
    }
    if periods_per_year != 0 {
        return Err(Error::InvalidArgument {
            field: "periods_per_year",
            value: periods_per_year.to_string(),
            reason: "must be 0 when continuous is true".into(),
        }
        .into());
    }
    Ok(Compounding::Continuous)
}

/// The core names the compounding `compounding`; here it is the argument `periods_per_year`.
fn periods_field(error: Error) -> Error {
    match error.field() {
        "compounding" => error.with_field("periods_per_year"),
        _ => error,
    }
}

/// An annual rate from C (a fraction), checked; `field` names the argument.
pub(crate) fn rate(fraction: coll_decimal, field: &'static str) -> FfiResult<Rate> {
    Ok(Rate::from_fraction(fraction.to_core(field)?).map_err(|e| e.with_field(field))?)
}

/// The fraction of a percentage (`5.25` -> `0.0525`). Fails with `COLL_INVALID_RATE` at or below -100.
///
/// # Safety
/// `percent` is NULL or points to a readable `coll_decimal`; `out_fraction` is NULL or points to a
/// writable `coll_decimal` (it may be `percent` itself).
#[no_mangle]
pub unsafe extern "C" fn coll_rate_from_percent(
    percent: *const coll_decimal,
    out_fraction: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (percent, out) = unsafe {
            (
                ptr::read(percent, "percent")?,
                ptr::out(out_fraction, "out_fraction")?,
            )
        };
        let rate =
            Rate::from_percent(percent.to_core("percent")?).map_err(|e| e.with_field("percent"))?;
        out.write(coll_decimal::from_core(rate.as_fraction()));
        Ok(())
    })
}

/// Checks that `fraction` is a valid annual rate: `COLL_OK`, or `COLL_INVALID_RATE` at or below -1
/// (-100%).
///
/// # Safety
/// `fraction` is NULL or points to a readable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_rate_check(fraction: *const coll_decimal) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let fraction = unsafe { ptr::read(fraction, "fraction")? };
        rate(fraction, "fraction").map(|_| ())
    })
}

/// The rate per period of `frequency`: the annual `rate` (a fraction) divided by the periods in a
/// year (12 monthly, 26 biweekly, 24 semi-monthly, 13 four-weekly, 52 weekly).
///
/// # Safety
/// `rate` is NULL or points to a readable `coll_decimal`; `frequency` is NULL or points to a readable
/// `coll_frequency`; `out` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_rate_periodic(
    rate: *const coll_decimal,
    frequency: *const coll_frequency,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (fraction, frequency, out) = unsafe {
            (
                ptr::read(rate, "rate")?,
                ptr::read(frequency, "frequency")?,
                ptr::out(out, "out")?,
            )
        };
        let annual = self::rate(fraction, "rate")?;
        let frequency = frequency.to_core("frequency")?;
        out.write(coll_decimal::from_core(annual.periodic(frequency)));
        Ok(())
    })
}

/// The effective annual rate (APY) of the nominal annual `rate` compounded `periods_per_year` times a
/// year ((1 + r/m)^m - 1; `periods_per_year` at least 1), or, when `continuous` is true, continuously
/// (e^r - 1; `periods_per_year` must then be 0). Computed to Decimal's 28 significant digits.
///
/// # Safety
/// `rate` is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a writable
/// `coll_decimal` (it may be `rate` itself).
#[no_mangle]
pub unsafe extern "C" fn coll_rate_effective_annual(
    rate: *const coll_decimal,
    periods_per_year: u32,
    continuous: bool,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (fraction, out) = unsafe { (ptr::read(rate, "rate")?, ptr::out(out, "out")?) };
        let nominal = self::rate(fraction, "rate")?;
        let effective = nominal
            .effective_annual(compounding(periods_per_year, continuous)?)
            .map_err(periods_field)?;
        out.write(coll_decimal::from_core(effective.as_fraction()));
        Ok(())
    })
}

/// The nominal annual rate that, compounded `periods_per_year` times a year (or continuously when
/// `continuous` is true, with `periods_per_year` 0), has the effective annual rate `effective`.
///
/// # Safety
/// `effective` is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a writable
/// `coll_decimal` (it may be `effective` itself).
#[no_mangle]
pub unsafe extern "C" fn coll_rate_nominal_from_effective(
    effective: *const coll_decimal,
    periods_per_year: u32,
    continuous: bool,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (fraction, out) =
            unsafe { (ptr::read(effective, "effective")?, ptr::out(out, "out")?) };
        let effective = rate(fraction, "effective")?;
        let nominal =
            Rate::from_effective_annual(effective, compounding(periods_per_year, continuous)?)
                .map_err(periods_field)?;
        out.write(coll_decimal::from_core(nominal.as_fraction()));
        Ok(())
    })
}
