//! Money across the ABI: `coll_money` (an exact amount in a currency), checked arithmetic, rounding and
//! splitting by weights. The rules are the core's `money` module; this converts values and maps errors.

mod currency;
mod decimal;
mod rounding;

use collections_core::Money;

pub use currency::*;
pub use decimal::*;
pub use rounding::*;

use crate::error::{boundary, coll_status, FfiResult};
use crate::ptr;

/// An amount of money in one currency. The amount may have more decimal places than the currency's
/// minor unit (an interest accrual before rounding); `coll_money_round` brings it to minor units.
/// A plain value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_money {
    /// The amount.
    pub amount: coll_decimal,
    /// Its currency.
    pub currency: coll_currency,
}

impl coll_money {
    /// The money from C, checked; errors name `amount` / `currency` of the argument.
    pub(crate) fn to_core(self, amount: &'static str, currency: &'static str) -> FfiResult<Money> {
        Ok(Money::new(
            self.amount.to_core(amount)?,
            self.currency.to_core(currency)?,
        ))
    }

    pub(crate) fn from_core(money: Money) -> coll_money {
        coll_money {
            amount: coll_decimal::from_core(money.amount()),
            currency: coll_currency::from_core(money.currency()),
        }
    }
}

/// `left + right`, unrounded. Fails with `COLL_CURRENCY_MISMATCH` when the currencies differ, or
/// `COLL_OVERFLOW`.
///
/// # Safety
/// `left` and `right` are NULL or point to readable `coll_money` values; `out` is NULL or points to a
/// writable `coll_money` (it may be one of the inputs).
#[no_mangle]
pub unsafe extern "C" fn coll_money_add(
    left: *const coll_money,
    right: *const coll_money,
    out: *mut coll_money,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (left, right, out) = unsafe {
            (
                ptr::read(left, "left")?,
                ptr::read(right, "right")?,
                ptr::out(out, "out")?,
            )
        };
        let left = left.to_core("left.amount", "left.currency")?;
        let right = right.to_core("right.amount", "right.currency")?;
        out.write(coll_money::from_core(left.checked_add(&right)?));
        Ok(())
    })
}

/// `left - right`, unrounded. Fails with `COLL_CURRENCY_MISMATCH` when the currencies differ, or
/// `COLL_OVERFLOW`.
///
/// # Safety
/// As for `coll_money_add`.
#[no_mangle]
pub unsafe extern "C" fn coll_money_sub(
    left: *const coll_money,
    right: *const coll_money,
    out: *mut coll_money,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (left, right, out) = unsafe {
            (
                ptr::read(left, "left")?,
                ptr::read(right, "right")?,
                ptr::out(out, "out")?,
            )
        };
        let left = left.to_core("left.amount", "left.currency")?;
        let right = right.to_core("right.amount", "right.currency")?;
        out.write(coll_money::from_core(left.checked_sub(&right)?));
        Ok(())
    })
}

/// Rounds to the currency's minor units with `mode`; the result shows exactly that many decimal places
/// (`7` USD -> `7.00`).
///
/// # Safety
/// `money` is NULL or points to a readable `coll_money`; `out` is NULL or points to a writable
/// `coll_money` (it may be `money` itself).
#[no_mangle]
pub unsafe extern "C" fn coll_money_round(
    money: *const coll_money,
    mode: coll_rounding_mode,
    out: *mut coll_money,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (money, out) = unsafe { (ptr::read(money, "money")?, ptr::out(out, "out")?) };
        let money = money.to_core("money.amount", "money.currency")?;
        out.write(coll_money::from_core(money.round(rounding_mode(mode)?)));
        Ok(())
    })
}

/// Rounds to an integer multiple of `multiple` (positive) with `mode`: installments in multiples of 5,
/// say. The result shows at least the currency's decimal places.
///
/// # Safety
/// `money` is NULL or points to a readable `coll_money`; `multiple` is NULL or points to a readable
/// `coll_decimal`; `out` is NULL or points to a writable `coll_money` (it may be `money` itself).
#[no_mangle]
pub unsafe extern "C" fn coll_money_round_to_multiple(
    money: *const coll_money,
    multiple: *const coll_decimal,
    mode: coll_rounding_mode,
    out: *mut coll_money,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (money, multiple, out) = unsafe {
            (
                ptr::read(money, "money")?,
                ptr::read(multiple, "multiple")?,
                ptr::out(out, "out")?,
            )
        };
        let money = money.to_core("money.amount", "money.currency")?;
        let multiple = multiple.to_core("multiple")?;
        let rounded = money.round_to_multiple(multiple, rounding_mode(mode)?)?;
        out.write(coll_money::from_core(rounded));
        Ok(())
    })
}

/// Splits `total` into `n_weights` parts proportional to `weights`, each rounded to minor units, adding
/// up to `total` exactly (largest remainder; ties to the earlier part). `total` must already be rounded
/// to minor units; weights must be non-negative with a positive sum (`COLL_INVALID_ARGUMENT`).
///
/// `out_parts` has room for `out_cap` values; `out_cap < n_weights` gives `COLL_BUFFER_TOO_SMALL`.
/// On success `out_parts[0 .. n_weights]` hold the parts. Ownership: both arrays belong to the caller
/// and must not overlap.
///
/// # Safety
/// `total` is NULL or points to a readable `coll_money`; `weights` is NULL or points to `n_weights`
/// readable `coll_decimal`s; `out_parts` is NULL or points to `out_cap` writable `coll_money`s.
#[no_mangle]
pub unsafe extern "C" fn coll_money_split(
    total: *const coll_money,
    weights: *const coll_decimal,
    n_weights: usize,
    out_parts: *mut coll_money,
    out_cap: usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (total, weights, out_parts) = unsafe {
            (
                ptr::read(total, "total")?,
                ptr::read_slice(weights, n_weights, "weights")?,
                ptr::out_slice(out_parts, out_cap, "out_parts")?,
            )
        };
        let total = total.to_core("total.amount", "total.currency")?;
        let weights = coll_decimal::list_to_core(weights, "weights")?;
        out_parts.check_capacity(weights.len())?;
        let parts: Vec<coll_money> = total
            .split(&weights)?
            .into_iter()
            .map(coll_money::from_core)
            .collect();
        out_parts.write_all(&parts)
    })
}

/// An amount from a whole number of minor units of `currency` (`12345` USD cents -> `123.45` USD).
///
/// # Safety
/// `currency` is NULL or points to a readable `coll_currency`; `out` is NULL or points to a writable
/// `coll_money`.
#[no_mangle]
pub unsafe extern "C" fn coll_money_from_minor_units(
    units: i64,
    currency: *const coll_currency,
    out: *mut coll_money,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (currency, out) = unsafe { (ptr::read(currency, "currency")?, ptr::out(out, "out")?) };
        let currency = currency.to_core("currency")?;
        out.write(coll_money::from_core(Money::from_minor_units(
            units, currency,
        )));
        Ok(())
    })
}

/// The amount as a whole number of minor units (`-19.99` USD -> `-1999`). Fails with
/// `COLL_INVALID_ARGUMENT` when the amount has more decimal places than the currency's minor unit
/// (round it first), or `COLL_OVERFLOW` beyond 64 bits.
///
/// # Safety
/// `money` is NULL or points to a readable `coll_money`; `out` is NULL or points to a writable
/// `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_money_to_minor_units(
    money: *const coll_money,
    out: *mut i64,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (money, out) = unsafe { (ptr::read(money, "money")?, ptr::out(out, "out")?) };
        let money = money.to_core("money.amount", "money.currency")?;
        out.write(money.to_minor_units()?);
        Ok(())
    })
}
