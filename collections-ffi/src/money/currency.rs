//! Currencies across the ABI (`coll_currency`): ISO 4217 lookups and caller-defined currencies.

use std::ffi::c_char;

use collections_core::Currency;

use crate::error::{boundary, coll_status, FfiResult};
use crate::ptr;

/// A currency: a three-letter upper-case code, NUL-terminated, and the number of decimal places of its
/// minor unit (USD 2, JPY 0, KWD 3; at most 18).
///
/// Make one with `coll_currency_from_code` (ISO 4217) or `coll_currency_new` (a caller-defined
/// currency). Every function that takes one checks it again (`COLL_UNKNOWN_CURRENCY` for a malformed
/// code, `COLL_INVALID_ARGUMENT` for too many minor units). Two currencies are the same when the code
/// and the minor units are both equal. A plain value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_currency {
    /// The code, e.g. `"USD"`, with a NUL in `code[3]`.
    pub code: [c_char; 4],
    /// Decimal places of the minor unit.
    pub minor_units: u32,
}

impl coll_currency {
    /// The currency from C, checked by the core's own constructor; `field` names the argument.
    pub(crate) fn to_core(self, field: &'static str) -> FfiResult<Currency> {
        let bytes: Vec<u8> = self
            .code
            .iter()
            .map(|c| *c as u8)
            .take_while(|b| *b != 0)
            .collect();
        let code = String::from_utf8_lossy(&bytes);
        Ok(Currency::new(&code, self.minor_units).map_err(|e| e.with_field(field))?)
    }

    pub(crate) fn from_core(currency: Currency) -> coll_currency {
        let mut code = [0 as c_char; 4];
        for (out, b) in code.iter_mut().zip(currency.code().bytes()) {
            *out = b as c_char;
        }
        coll_currency {
            code,
            minor_units: currency.minor_units(),
        }
    }
}

/// Looks up an ISO 4217 currency by its alphabetic code (`"usd"` works too). `code` is `len` bytes of
/// UTF-8, not necessarily NUL-terminated. Unknown codes give `COLL_UNKNOWN_CURRENCY`.
///
/// # Safety
/// `code` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_currency`.
#[no_mangle]
pub unsafe extern "C" fn coll_currency_from_code(
    code: *const c_char,
    len: usize,
    out: *mut coll_currency,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (code, out) = unsafe { (ptr::text(code, len, "code")?, ptr::out(out, "out")?) };
        out.write(coll_currency::from_core(Currency::from_code(code)?));
        Ok(())
    })
}

/// Defines a currency that need not be in ISO 4217 (loyalty points, a fund): `code` is three ASCII
/// letters (stored upper-case; otherwise `COLL_UNKNOWN_CURRENCY`), `minor_units` at most 18
/// (otherwise `COLL_INVALID_ARGUMENT`).
///
/// # Safety
/// `code` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_currency`.
#[no_mangle]
pub unsafe extern "C" fn coll_currency_new(
    code: *const c_char,
    len: usize,
    minor_units: u32,
    out: *mut coll_currency,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (code, out) = unsafe { (ptr::text(code, len, "code")?, ptr::out(out, "out")?) };
        out.write(coll_currency::from_core(Currency::new(code, minor_units)?));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{COLL_INVALID_ARGUMENT, COLL_UNKNOWN_CURRENCY};

    #[test]
    fn struct_round_trip_and_checks() {
        let usd = coll_currency::from_core(Currency::USD);
        assert_eq!(usd.code[3], 0);
        assert_eq!(usd.to_core("currency").unwrap(), Currency::USD);
        let mut bad = usd;
        bad.code[3] = b'X' as c_char;
        let failure = bad.to_core("currency").unwrap_err();
        assert_eq!(failure.status, COLL_UNKNOWN_CURRENCY);
        assert!(failure.message.starts_with("currency: "));
        let mut bad = usd;
        bad.minor_units = 19;
        assert_eq!(
            bad.to_core("currency").unwrap_err().status,
            COLL_INVALID_ARGUMENT
        );
    }
}
