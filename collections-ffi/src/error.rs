//! Status codes, the per-thread last error message, and the panic boundary every exported function
//! runs in (the pattern of rustls-ffi's `panic.rs` and `error.rs`).
//!
//! Each core [`Error`] variant maps to one status code. The numbers are part of the ABI: they are never
//! renumbered or reused; a retired code stays here as a comment.

use std::cell::RefCell;
use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

use collections_core::Error;

/// The result of every fallible function: `COLL_OK` (0) or one of the other `COLL_` status codes.
/// The numbers are stable and never reused.
#[allow(non_camel_case_types)]
pub type coll_status = u32;

/// Success.
pub const COLL_OK: coll_status = 0;
/// A pointer argument was NULL.
pub const COLL_NULL_ARGUMENT: coll_status = 1;
/// A value is outside what the function accepts (a zero count, an unknown enum value, weights that sum
/// to zero, ...).
pub const COLL_INVALID_ARGUMENT: coll_status = 2;
/// Text that is not a decimal number, or a `coll_decimal` outside Decimal's range (scale above 28, or a
/// mantissa of 2^96 or more in absolute value).
pub const COLL_INVALID_DECIMAL: coll_status = 3;
/// A date that does not exist (2025-02-30), or text that is not `YYYY-MM-DD`.
pub const COLL_INVALID_DATE: coll_status = 4;
/// A currency code that is not ISO 4217 or is malformed.
pub const COLL_UNKNOWN_CURRENCY: coll_status = 5;
/// An operation combined amounts in two different currencies.
pub const COLL_CURRENCY_MISMATCH: coll_status = 6;
/// A rate at or below -100%.
pub const COLL_INVALID_RATE: coll_status = 7;
/// Arithmetic overflowed Decimal's range, or a result does not fit the C type.
pub const COLL_OVERFLOW: coll_status = 8;
/// A date computation left the supported range of dates.
pub const COLL_DATE_OUT_OF_RANGE: coll_status = 9;
/// An output buffer is too small; where the function has a length out-parameter, it holds the size
/// needed.
pub const COLL_BUFFER_TOO_SMALL: coll_status = 10;
/// Text that is not valid UTF-8.
pub const COLL_INVALID_UTF8: coll_status = 11;
/// An equation has no solution for the inputs: a payment too small ever to repay the balance, cash flows
/// that never change sign, or several rates of return where the function must not pick one. The message
/// names the argument at fault (or, for `coll_rate`, the rate sought) and says why.
pub const COLL_NO_SOLUTION: coll_status = 12;
/// A bug: the library panicked. The call had no effect on its out-parameters.
pub const COLL_PANIC: coll_status = 99;

/// The status code of a core error. `Error` is non-exhaustive: a variant added later maps to
/// `COLL_INVALID_ARGUMENT` until it is given a code of its own.
pub(crate) fn status_of(error: &Error) -> coll_status {
    match error {
        Error::InvalidArgument { .. } => COLL_INVALID_ARGUMENT,
        Error::InvalidDecimal { .. } => COLL_INVALID_DECIMAL,
        Error::InvalidDate { .. } => COLL_INVALID_DATE,
        Error::UnknownCurrency { .. } => COLL_UNKNOWN_CURRENCY,
        Error::CurrencyMismatch { .. } => COLL_CURRENCY_MISMATCH,
        Error::InvalidRate { .. } => COLL_INVALID_RATE,
        Error::Overflow { .. } => COLL_OVERFLOW,
        Error::DateOutOfRange { .. } => COLL_DATE_OUT_OF_RANGE,
        Error::NoSolution { .. } => COLL_NO_SOLUTION,
        _ => COLL_INVALID_ARGUMENT,
    }
}

/// A failed call: the status to return and the message to keep for `coll_last_error_message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    pub(crate) status: coll_status,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(status: coll_status, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    pub(crate) fn null(field: &str) -> Failure {
        Failure::new(COLL_NULL_ARGUMENT, format!("{field}: must not be NULL"))
    }

    pub(crate) fn buffer_too_small(field: &str, given: usize, needed: usize) -> Failure {
        Failure::new(
            COLL_BUFFER_TOO_SMALL,
            format!("{field}: capacity {given} is too small; {needed} needed"),
        )
    }

    /// An enum integer from C that names no constant.
    pub(crate) fn unknown_value(field: &'static str, value: u32, expected: &str) -> Failure {
        Error::InvalidArgument {
            field,
            value: value.to_string(),
            reason: format!("not a known value (expected {expected})"),
        }
        .into()
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure::new(status_of(&error), error.to_string())
    }
}

/// What the body of an exported function returns.
pub(crate) type FfiResult<T = ()> = Result<T, Failure>;

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

fn set_last_error(message: &str) {
    // A NUL inside the message (from a caller's string) would cut it short in C; show it escaped.
    let text = CString::new(message.replace('\0', "\\0")).unwrap_or_default();
    // During thread teardown the slot may be gone; the status code still reports the failure.
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = text;
        }
    });
}

/// Runs the body of an exported function: catches a panic (`COLL_PANIC`), and on failure records the
/// message for this thread and returns the status.
pub(crate) fn boundary(body: impl FnOnce() -> FfiResult) -> coll_status {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => COLL_OK,
        Ok(Err(failure)) => {
            set_last_error(&failure.message);
            failure.status
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            set_last_error(&format!("panic in collections: {what}"));
            COLL_PANIC
        }
    }
}

/// The message of the last failed call on this thread: the core error's text, which names the field
/// and value at fault (`"due_date: not a valid date: \"2025-02-30\""`). An empty string when no call
/// has failed on this thread yet. Successful calls leave it as it is.
///
/// Ownership: the string belongs to the library. It stays valid until the next failing call on the same
/// thread; copy it to keep it longer. Never NULL; do not free it.
#[no_mangle]
pub extern "C" fn coll_last_error_message() -> *const c_char {
    LAST_ERROR
        .try_with(|slot| match slot.try_borrow() {
            Ok(text) => text.as_ptr(),
            Err(_) => c"".as_ptr(),
        })
        .unwrap_or(c"".as_ptr())
}

/// The name of a status code, `"COLL_INVALID_DATE"` for `COLL_INVALID_DATE`, or
/// `"COLL_UNKNOWN_STATUS"` for a number that is not a status code.
///
/// Ownership: a static string; never NULL; do not free it.
#[no_mangle]
pub extern "C" fn coll_status_name(status: coll_status) -> *const c_char {
    status_name(status).as_ptr()
}

pub(crate) fn status_name(status: coll_status) -> &'static CStr {
    match status {
        COLL_OK => c"COLL_OK",
        COLL_NULL_ARGUMENT => c"COLL_NULL_ARGUMENT",
        COLL_INVALID_ARGUMENT => c"COLL_INVALID_ARGUMENT",
        COLL_INVALID_DECIMAL => c"COLL_INVALID_DECIMAL",
        COLL_INVALID_DATE => c"COLL_INVALID_DATE",
        COLL_UNKNOWN_CURRENCY => c"COLL_UNKNOWN_CURRENCY",
        COLL_CURRENCY_MISMATCH => c"COLL_CURRENCY_MISMATCH",
        COLL_INVALID_RATE => c"COLL_INVALID_RATE",
        COLL_OVERFLOW => c"COLL_OVERFLOW",
        COLL_DATE_OUT_OF_RANGE => c"COLL_DATE_OUT_OF_RANGE",
        COLL_BUFFER_TOO_SMALL => c"COLL_BUFFER_TOO_SMALL",
        COLL_INVALID_UTF8 => c"COLL_INVALID_UTF8",
        COLL_NO_SOLUTION => c"COLL_NO_SOLUTION",
        COLL_PANIC => c"COLL_PANIC",
        _ => c"COLL_UNKNOWN_STATUS",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last_message() -> String {
        // SAFETY: coll_last_error_message never returns NULL and the string is NUL-terminated.
        unsafe { CStr::from_ptr(coll_last_error_message()) }
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn every_core_error_maps_to_its_code() {
        let cases = [
            (
                Error::InvalidArgument {
                    field: "f",
                    value: "v".into(),
                    reason: "r".into(),
                },
                COLL_INVALID_ARGUMENT,
            ),
            (
                Error::InvalidDecimal {
                    field: "f",
                    value: "v".into(),
                },
                COLL_INVALID_DECIMAL,
            ),
            (
                Error::InvalidDate {
                    field: "f",
                    value: "v".into(),
                },
                COLL_INVALID_DATE,
            ),
            (
                Error::UnknownCurrency {
                    field: "f",
                    value: "v".into(),
                },
                COLL_UNKNOWN_CURRENCY,
            ),
            (
                Error::CurrencyMismatch {
                    field: "f",
                    left: "a".into(),
                    right: "b".into(),
                },
                COLL_CURRENCY_MISMATCH,
            ),
            (
                Error::InvalidRate {
                    field: "f",
                    value: "v".into(),
                },
                COLL_INVALID_RATE,
            ),
            (
                Error::Overflow {
                    field: "f",
                    value: "v".into(),
                },
                COLL_OVERFLOW,
            ),
            (
                Error::DateOutOfRange {
                    field: "f",
                    value: "v".into(),
                },
                COLL_DATE_OUT_OF_RANGE,
            ),
            (
                Error::NoSolution {
                    field: "f",
                    value: "v".into(),
                    reason: "r".into(),
                },
                COLL_NO_SOLUTION,
            ),
        ];
        for (error, code) in cases {
            let failure = Failure::from(error.clone());
            assert_eq!(failure.status, code, "{error:?}");
            assert_eq!(failure.message, error.to_string());
            // The status name is the vector files' error kind, upper-cased and prefixed.
            assert!(status_name(code).to_str().unwrap().starts_with("COLL_"));
        }
    }

    #[test]
    fn status_numbers_are_stable() {
        let expected = [
            (COLL_OK, 0, "COLL_OK"),
            (COLL_NULL_ARGUMENT, 1, "COLL_NULL_ARGUMENT"),
            (COLL_INVALID_ARGUMENT, 2, "COLL_INVALID_ARGUMENT"),
            (COLL_INVALID_DECIMAL, 3, "COLL_INVALID_DECIMAL"),
            (COLL_INVALID_DATE, 4, "COLL_INVALID_DATE"),
            (COLL_UNKNOWN_CURRENCY, 5, "COLL_UNKNOWN_CURRENCY"),
            (COLL_CURRENCY_MISMATCH, 6, "COLL_CURRENCY_MISMATCH"),
            (COLL_INVALID_RATE, 7, "COLL_INVALID_RATE"),
            (COLL_OVERFLOW, 8, "COLL_OVERFLOW"),
            (COLL_DATE_OUT_OF_RANGE, 9, "COLL_DATE_OUT_OF_RANGE"),
            (COLL_BUFFER_TOO_SMALL, 10, "COLL_BUFFER_TOO_SMALL"),
            (COLL_INVALID_UTF8, 11, "COLL_INVALID_UTF8"),
            (COLL_NO_SOLUTION, 12, "COLL_NO_SOLUTION"),
            (COLL_PANIC, 99, "COLL_PANIC"),
        ];
        for (code, number, name) in expected {
            assert_eq!(code, number);
            assert_eq!(status_name(code).to_str().unwrap(), name);
        }
        assert_eq!(status_name(13).to_str().unwrap(), "COLL_UNKNOWN_STATUS");
    }

    #[test]
    fn boundary_records_failures_and_catches_panics() {
        std::thread::spawn(|| {
            assert_eq!(last_message(), "");
            assert_eq!(boundary(|| Ok(())), COLL_OK);
            let status = boundary(|| Err(Failure::null("out")));
            assert_eq!(status, COLL_NULL_ARGUMENT);
            assert_eq!(last_message(), "out: must not be NULL");
            // A success leaves the message of the last failure in place.
            assert_eq!(boundary(|| Ok(())), COLL_OK);
            assert_eq!(last_message(), "out: must not be NULL");
            let status = boundary(|| panic!("deliberate"));
            assert_eq!(status, COLL_PANIC);
            assert_eq!(last_message(), "panic in collections: deliberate");
            boundary(|| Err(Failure::new(COLL_INVALID_ARGUMENT, "a\0b")));
            assert_eq!(last_message(), "a\\0b");
        })
        .join()
        .unwrap();
    }
}
