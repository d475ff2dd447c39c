//! Rounding modes as C integers.

use std::ffi::c_char;

use collections_core::RoundingMode;

use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::ptr;

/// A rounding mode: one of the `COLL_ROUND_` constants. Every function that rounds takes one; nothing
/// rounds silently.
#[allow(non_camel_case_types)]
pub type coll_rounding_mode = u32;

/// Round to nearest, ties away from zero (2.5 -> 3, -2.5 -> -3): commercial rounding.
pub const COLL_ROUND_HALF_UP: coll_rounding_mode = 0;
/// Round to nearest, ties to the even neighbour (2.5 -> 2, 3.5 -> 4): banker's rounding.
pub const COLL_ROUND_HALF_EVEN: coll_rounding_mode = 1;
/// Round to nearest, ties toward zero (2.5 -> 2, -2.5 -> -2).
pub const COLL_ROUND_HALF_DOWN: coll_rounding_mode = 2;
/// Away from zero (2.1 -> 3, -2.1 -> -3).
pub const COLL_ROUND_UP: coll_rounding_mode = 3;
/// Toward zero, truncation (2.9 -> 2, -2.9 -> -2).
pub const COLL_ROUND_DOWN: coll_rounding_mode = 4;
/// Toward positive infinity (2.1 -> 3, -2.9 -> -2).
pub const COLL_ROUND_CEILING: coll_rounding_mode = 5;
/// Toward negative infinity (2.9 -> 2, -2.1 -> -3).
pub const COLL_ROUND_FLOOR: coll_rounding_mode = 6;

/// The core mode of a C constant; any other number is `COLL_INVALID_ARGUMENT` naming `mode`.
pub(crate) fn rounding_mode(mode: coll_rounding_mode) -> FfiResult<RoundingMode> {
    rounding_mode_of(mode, "mode")
}

/// The core mode of a C constant; any other number is `COLL_INVALID_ARGUMENT` naming `field`.
pub(crate) fn rounding_mode_of(
    mode: coll_rounding_mode,
    field: &'static str,
) -> FfiResult<RoundingMode> {
    Ok(match mode {
        COLL_ROUND_HALF_UP => RoundingMode::HalfUp,
        COLL_ROUND_HALF_EVEN => RoundingMode::HalfEven,
        COLL_ROUND_HALF_DOWN => RoundingMode::HalfDown,
        COLL_ROUND_UP => RoundingMode::Up,
        COLL_ROUND_DOWN => RoundingMode::Down,
        COLL_ROUND_CEILING => RoundingMode::Ceiling,
        COLL_ROUND_FLOOR => RoundingMode::Floor,
        other => {
            return Err(Failure::unknown_value(
                field,
                other,
                "a COLL_ROUND_ constant, 0 to 6",
            ))
        }
    })
}

pub(crate) fn rounding_mode_constant(mode: RoundingMode) -> coll_rounding_mode {
    match mode {
        RoundingMode::HalfUp => COLL_ROUND_HALF_UP,
        RoundingMode::HalfEven => COLL_ROUND_HALF_EVEN,
        RoundingMode::HalfDown => COLL_ROUND_HALF_DOWN,
        RoundingMode::Up => COLL_ROUND_UP,
        RoundingMode::Down => COLL_ROUND_DOWN,
        RoundingMode::Ceiling => COLL_ROUND_CEILING,
        RoundingMode::Floor => COLL_ROUND_FLOOR,
    }
}

/// The rounding mode named by `name` (`"half-up"`, `"HALF_EVEN"`, `"floor"`, ...: case, `-` and `_`
/// are not significant). Unknown names give `COLL_INVALID_ARGUMENT`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_rounding_mode`.
#[no_mangle]
pub unsafe extern "C" fn coll_rounding_mode_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_rounding_mode,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        let mode: RoundingMode = name.parse()?;
        out.write(rounding_mode_constant(mode));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_round_trip() {
        for mode in RoundingMode::ALL {
            assert_eq!(rounding_mode(rounding_mode_constant(mode)).unwrap(), mode);
        }
        let failure = rounding_mode(7).unwrap_err();
        assert_eq!(failure.status, crate::error::COLL_INVALID_ARGUMENT);
        assert!(failure.message.starts_with("mode: "));
    }
}
