//! Exact decimals across the ABI (`coll_decimal`), their text and minor-unit forms, and rounding.

use std::cmp::Ordering;
use std::ffi::c_char;

use collections_core::money::{from_minor_units, to_minor_units};
use collections_core::{parse, round_decimal, round_to_multiple, Error};
use rust_decimal::Decimal;

use super::rounding::{coll_rounding_mode, rounding_mode};
use crate::error::{boundary, coll_status, FfiResult};
use crate::ptr;

/// An exact decimal number: `mantissa / 10^scale`, where `mantissa` is the 128-bit two's-complement
/// integer `(hi << 64) | lo`.
///
/// Valid values have `scale <= 28` and `|mantissa| < 2^96` (the range of Rust's `rust_decimal`, about
/// +-7.9e28 with up to 28 decimal places); any other value gives `COLL_INVALID_DECIMAL`. For example 12.34
/// is `{ .lo = 1234, .hi = 0, .scale = 2 }` and -1 is `{ .lo = UINT64_MAX, .hi = -1, .scale = 0 }`.
/// Results keep their scale (`2.50` has scale 2), which is how rounding results show their places.
/// A plain value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_decimal {
    /// The low 64 bits of the mantissa.
    pub lo: u64,
    /// The high 64 bits of the mantissa, with its sign.
    pub hi: i64,
    /// The number of decimal places, 0 to 28.
    pub scale: u32,
}

/// The largest scale a `coll_decimal` may have.
pub const COLL_DECIMAL_MAX_SCALE: u32 = 28;

/// A buffer size that always holds a decimal's text and its NUL (`coll_decimal_to_string`).
pub const COLL_DECIMAL_TEXT_CAPACITY: usize = 64;

impl coll_decimal {
    /// The 128-bit mantissa.
    pub fn mantissa(&self) -> i128 {
        (i128::from(self.hi) << 64) | i128::from(self.lo)
    }

    /// The same value from C, validated; `field` names the argument in the error.
    pub(crate) fn to_core(self, field: &'static str) -> FfiResult<Decimal> {
        let mantissa = self.mantissa();
        Decimal::try_from_i128_with_scale(mantissa, self.scale).map_err(|_| {
            Error::InvalidDecimal {
                field,
                value: format!("mantissa {mantissa} with scale {}", self.scale),
            }
            .into()
        })
    }

    /// An array copied from C, every element validated; `field` names the array.
    pub(crate) fn list_to_core(
        values: Vec<coll_decimal>,
        field: &'static str,
    ) -> FfiResult<Vec<Decimal>> {
        values.into_iter().map(|d| d.to_core(field)).collect()
    }

    /// A core value for C.
    pub(crate) fn from_core(value: Decimal) -> coll_decimal {
        let mantissa = value.mantissa();
        coll_decimal {
            lo: mantissa as u64,
            hi: (mantissa >> 64) as i64,
            scale: value.scale(),
        }
    }
}

/// Parses decimal text (`"-1234.5678"`, `"1.5e3"`; surrounding spaces are ignored) exactly.
///
/// `text` is `len` bytes of UTF-8 and need not be NUL-terminated. Fails with `COLL_INVALID_UTF8`, or
/// `COLL_INVALID_DECIMAL` for text that is not a number or needs more than 28 significant digits (it is
/// never rounded). Ownership: `text` is borrowed for the call.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_decimal_from_string(
    text: *const c_char,
    len: usize,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        let value = parse::decimal("text", text)?;
        out.write(coll_decimal::from_core(value));
        Ok(())
    })
}

/// Writes the decimal's canonical text (`"-12.50"`: a leading `-` when negative, the scale's decimal
/// places, no exponent) into `buf` with a terminating NUL.
///
/// On success `*out_len` is the text's length without the NUL. When `buf_len` is too small the
/// call fails with `COLL_BUFFER_TOO_SMALL`, leaves `buf` untouched and, as the documented exception to "out-
/// parameters only on success", writes the size needed (including the NUL) to `*out_len`. A buffer of
/// `COLL_DECIMAL_TEXT_CAPACITY` bytes always suffices. `buf` may be NULL when `buf_len` is 0, to ask
/// for the size: the call then fails with `COLL_BUFFER_TOO_SMALL` and sets `*out_len`. Ownership: `buf`
/// belongs to the caller.
///
/// # Safety
/// `value` is NULL or points to a readable `coll_decimal`; `buf` is NULL or points to `buf_len`
/// writable bytes; `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_decimal_to_string(
    value: *const coll_decimal,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (value, buf, out_len) = unsafe {
            (
                ptr::read(value, "value")?,
                ptr::out_slice_or_size_query(buf.cast::<u8>(), buf_len, "buf")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let text = value.to_core("value")?.to_string();
        write_text(&text, buf, out_len)
    })
}

/// Copies `text` and a NUL into `buf`, or reports the size needed through `out_len`.
pub(crate) fn write_text(
    text: &str,
    buf: ptr::OutSlice<u8>,
    out_len: ptr::Out<usize>,
) -> FfiResult {
    let needed = text.len() + 1;
    if let Err(failure) = buf.check_capacity(needed) {
        out_len.write(needed);
        return Err(failure);
    }
    let mut bytes = Vec::with_capacity(needed);
    bytes.extend_from_slice(text.as_bytes());
    bytes.push(0);
    buf.write_all(&bytes)?;
    out_len.write(text.len());
    Ok(())
}

/// `units / 10^minor_units` exactly (`12345` with 2 minor units is `123.45`). `minor_units` is at most
/// 18.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_decimal_from_minor_units(
    units: i64,
    minor_units: u32,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_decimal::from_core(from_minor_units(
            units,
            minor_units,
        )?));
        Ok(())
    })
}

/// `value × 10^minor_units` as a 64-bit integer (`123.45` with 2 minor units is `12345`).
///
/// Fails with `COLL_INVALID_ARGUMENT` naming `value` when the value has more decimal places than
/// `minor_units` (round it first: nothing is rounded here) or naming `minor_units` when it is above 18,
/// or `COLL_OVERFLOW` naming `value` when the result does not fit 64 bits.
///
/// # Safety
/// `value` is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a writable
/// `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_decimal_to_minor_units(
    value: *const coll_decimal,
    minor_units: u32,
    out: *mut i64,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (value, out) = unsafe { (ptr::read(value, "value")?, ptr::out(out, "out")?) };
        out.write(to_minor_units(value.to_core("value")?, minor_units)?);
        Ok(())
    })
}

/// Rounds `value` to `places` decimal places (at most 28) with `mode`. The result has exactly
/// `places` decimal places when `value` had at least that many (`1.005` -> `1.01` half-up).
///
/// # Safety
/// `value` is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a writable
/// `coll_decimal` (it may be `value` itself).
#[no_mangle]
pub unsafe extern "C" fn coll_decimal_round(
    value: *const coll_decimal,
    places: u32,
    mode: coll_rounding_mode,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (value, out) = unsafe { (ptr::read(value, "value")?, ptr::out(out, "out")?) };
        let value = value.to_core("value")?;
        let rounded = round_decimal(value, places, rounding_mode(mode)?)?;
        out.write(coll_decimal::from_core(rounded));
        Ok(())
    })
}

/// Rounds `value` to an integer multiple of `multiple` (which must be positive) with `mode`:
/// 122 to a multiple of 5 is 125 rounding up, 120 half-up.
///
/// # Safety
/// `value` and `multiple` are NULL or point to readable `coll_decimal`s; `out` is NULL or points to a
/// writable `coll_decimal` (it may be one of the inputs).
#[no_mangle]
pub unsafe extern "C" fn coll_decimal_round_to_multiple(
    value: *const coll_decimal,
    multiple: *const coll_decimal,
    mode: coll_rounding_mode,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (value, multiple, out) = unsafe {
            (
                ptr::read(value, "value")?,
                ptr::read(multiple, "multiple")?,
                ptr::out(out, "out")?,
            )
        };
        let value = value.to_core("value")?;
        let multiple = multiple.to_core("multiple")?;
        let rounded = round_to_multiple(value, multiple, rounding_mode(mode)?)?;
        out.write(coll_decimal::from_core(rounded));
        Ok(())
    })
}

/// Compares two decimals by value (`0.5` equals `0.500`): `*out` is -1, 0 or 1 as `left` is less than,
/// equal to or greater than `right`.
///
/// # Safety
/// `left` and `right` are NULL or point to readable `coll_decimal`s; `out` is NULL or points to a
/// writable `int32_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_decimal_cmp(
    left: *const coll_decimal,
    right: *const coll_decimal,
    out: *mut i32,
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
        let order = left.to_core("left")?.cmp(&right.to_core("right")?);
        out.write(match order {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        });
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{COLL_INVALID_DECIMAL, COLL_OK};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn struct_round_trips_the_whole_range() {
        for s in [
            "0",
            "1",
            "-1",
            "12.34",
            "-0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "18446744073709551616",
            "-18446744073709551616",
            "7.9228162514264337593543950335",
        ] {
            let v = d(s);
            let c = coll_decimal::from_core(v);
            assert_eq!(c.to_core("x").unwrap(), v, "{s}");
            assert_eq!(c.to_core("x").unwrap().to_string(), v.to_string(), "{s}");
        }
        let minus_one = coll_decimal::from_core(Decimal::NEGATIVE_ONE);
        assert_eq!(
            minus_one,
            coll_decimal {
                lo: u64::MAX,
                hi: -1,
                scale: 0
            }
        );
    }

    #[test]
    fn invalid_structs_are_refused() {
        let too_big = coll_decimal {
            lo: 0,
            hi: 1 << 32,
            scale: 0,
        };
        let too_small = coll_decimal {
            lo: 0,
            hi: -(1 << 32),
            scale: 0,
        };
        let bad_scale = coll_decimal {
            lo: 1,
            hi: 0,
            scale: 29,
        };
        for bad in [too_big, too_small, bad_scale] {
            let failure = bad.to_core("amount").unwrap_err();
            assert_eq!(failure.status, COLL_INVALID_DECIMAL);
            assert!(
                failure.message.starts_with("amount: "),
                "{}",
                failure.message
            );
        }
        let largest = coll_decimal {
            lo: u64::MAX,
            hi: (1 << 32) - 1,
            scale: 28,
        };
        assert!(largest.to_core("amount").is_ok());
    }

    #[test]
    fn text_round_trip_through_the_abi() {
        let text = "-1234.5600";
        let mut value = coll_decimal {
            lo: 0,
            hi: 0,
            scale: 0,
        };
        // SAFETY: valid pointers and lengths.
        let status =
            unsafe { coll_decimal_from_string(text.as_ptr().cast(), text.len(), &mut value) };
        assert_eq!(status, COLL_OK);
        let mut buf = [0 as c_char; 8];
        let mut len = 0usize;
        // SAFETY: valid pointers and lengths.
        let status =
            unsafe { coll_decimal_to_string(&value, buf.as_mut_ptr(), buf.len(), &mut len) };
        assert_eq!(status, crate::error::COLL_BUFFER_TOO_SMALL);
        assert_eq!(len, text.len() + 1);
        let mut buf = [0 as c_char; 11];
        // SAFETY: valid pointers and lengths.
        let status =
            unsafe { coll_decimal_to_string(&value, buf.as_mut_ptr(), buf.len(), &mut len) };
        assert_eq!(status, COLL_OK);
        assert_eq!(len, text.len());
        let bytes: Vec<u8> = buf[..len].iter().map(|c| *c as u8).collect();
        assert_eq!(std::str::from_utf8(&bytes).unwrap(), text);
        assert_eq!(buf[len], 0);
    }
}
