//! Calendar dates across the ABI (`coll_date`).

use std::ffi::c_char;

use chrono::{Datelike, NaiveDate};
use collections_core::parse;

use crate::error::{boundary, coll_status, FfiResult};
use crate::ptr;

/// A calendar date (proleptic Gregorian). Every function that takes one checks that it exists:
/// `{2025, 2, 30}` gives `COLL_INVALID_DATE`. A plain value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_date {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, 1 to 31.
    pub day: u32,
}

impl coll_date {
    /// The date from C, checked; `field` names the argument.
    pub(crate) fn to_core(self, field: &'static str) -> FfiResult<NaiveDate> {
        Ok(parse::date_ymd(field, self.year, self.month, self.day)?)
    }

    pub(crate) fn from_core(date: NaiveDate) -> coll_date {
        coll_date {
            year: date.year(),
            month: date.month(),
            day: date.day(),
        }
    }
}

/// Parses an ISO 8601 date, `YYYY-MM-DD` (surrounding spaces are ignored). `text` is `len` bytes of
/// UTF-8, not necessarily NUL-terminated. Text that is not a date, or a date that does not exist,
/// gives `COLL_INVALID_DATE`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_date`.
#[no_mangle]
pub unsafe extern "C" fn coll_date_from_string(
    text: *const c_char,
    len: usize,
    out: *mut coll_date,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        out.write(coll_date::from_core(parse::date("text", text)?));
        Ok(())
    })
}
