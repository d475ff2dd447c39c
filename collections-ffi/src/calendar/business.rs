//! Business days across the ABI: the opaque `coll_calendar` handle and business-day conventions.

use std::ffi::c_char;

use chrono::Weekday;
use collections_core::{BusinessDayConvention, HolidayCalendar};

use super::date::coll_date;
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::ptr;

/// A business-day convention: one of the `COLL_BUSINESS_DAY_` constants (ISDA 2006, section 4.12).
#[allow(non_camel_case_types)]
pub type coll_business_day_convention = u32;

/// Leave the date as it is.
pub const COLL_BUSINESS_DAY_UNADJUSTED: coll_business_day_convention = 0;
/// The next business day.
pub const COLL_BUSINESS_DAY_FOLLOWING: coll_business_day_convention = 1;
/// The next business day, unless that is in the next month: then the previous one.
pub const COLL_BUSINESS_DAY_MODIFIED_FOLLOWING: coll_business_day_convention = 2;
/// The previous business day.
pub const COLL_BUSINESS_DAY_PRECEDING: coll_business_day_convention = 3;
/// The previous business day, unless that is in the previous month: then the next one.
pub const COLL_BUSINESS_DAY_MODIFIED_PRECEDING: coll_business_day_convention = 4;

/// A day of the week: one of the `COLL_WEEKDAY_` constants, Monday 0 to Sunday 6.
#[allow(non_camel_case_types)]
pub type coll_weekday = u32;

/// Monday.
pub const COLL_WEEKDAY_MONDAY: coll_weekday = 0;
/// Tuesday.
pub const COLL_WEEKDAY_TUESDAY: coll_weekday = 1;
/// Wednesday.
pub const COLL_WEEKDAY_WEDNESDAY: coll_weekday = 2;
/// Thursday.
pub const COLL_WEEKDAY_THURSDAY: coll_weekday = 3;
/// Friday.
pub const COLL_WEEKDAY_FRIDAY: coll_weekday = 4;
/// Saturday.
pub const COLL_WEEKDAY_SATURDAY: coll_weekday = 5;
/// Sunday.
pub const COLL_WEEKDAY_SUNDAY: coll_weekday = 6;

fn convention(value: coll_business_day_convention) -> FfiResult<BusinessDayConvention> {
    Ok(match value {
        COLL_BUSINESS_DAY_UNADJUSTED => BusinessDayConvention::Unadjusted,
        COLL_BUSINESS_DAY_FOLLOWING => BusinessDayConvention::Following,
        COLL_BUSINESS_DAY_MODIFIED_FOLLOWING => BusinessDayConvention::ModifiedFollowing,
        COLL_BUSINESS_DAY_PRECEDING => BusinessDayConvention::Preceding,
        COLL_BUSINESS_DAY_MODIFIED_PRECEDING => BusinessDayConvention::ModifiedPreceding,
        other => {
            return Err(Failure::unknown_value(
                "convention",
                other,
                "a COLL_BUSINESS_DAY_ constant, 0 to 4",
            ))
        }
    })
}

fn convention_constant(value: BusinessDayConvention) -> coll_business_day_convention {
    match value {
        BusinessDayConvention::Unadjusted => COLL_BUSINESS_DAY_UNADJUSTED,
        BusinessDayConvention::Following => COLL_BUSINESS_DAY_FOLLOWING,
        BusinessDayConvention::ModifiedFollowing => COLL_BUSINESS_DAY_MODIFIED_FOLLOWING,
        BusinessDayConvention::Preceding => COLL_BUSINESS_DAY_PRECEDING,
        BusinessDayConvention::ModifiedPreceding => COLL_BUSINESS_DAY_MODIFIED_PRECEDING,
    }
}

/// A holiday calendar: weekend days, listed holidays and built-in holiday rules. Opaque; made by
/// `coll_calendar_builtin` or `coll_calendar_new` and freed by `coll_calendar_free`. It never changes
/// after it is made, so one calendar may be used from several threads at once.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_calendar {
    inner: HolidayCalendar,
}

fn into_handle(calendar: HolidayCalendar) -> *mut coll_calendar {
    Box::into_raw(Box::new(coll_calendar { inner: calendar }))
}

/// Borrows the calendar behind a handle.
///
/// # Safety
/// `p` is NULL or a live handle from this library.
unsafe fn calendar<'a>(p: *const coll_calendar) -> FfiResult<&'a HolidayCalendar> {
    if p.is_null() {
        return Err(Failure::null("calendar"));
    }
    // SAFETY: a live handle made by `into_handle`, never mutated after it was made.
    Ok(unsafe { &(*p).inner })
}

/// A built-in calendar by name: `us-federal` (US federal holidays, 5 U.S.C. 6103, as observed),
/// `england-and-wales` (bank holidays), or `weekends` (Saturday and Sunday only); each has Saturday and
/// Sunday weekends. Unknown names give `COLL_INVALID_ARGUMENT`.
///
/// Ownership: on success `*out` is a new calendar that the caller owns and frees with
/// `coll_calendar_free`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_calendar *`.
#[no_mangle]
pub unsafe extern "C" fn coll_calendar_builtin(
    name: *const c_char,
    len: usize,
    out: *mut *mut coll_calendar,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        out.write(into_handle(HolidayCalendar::builtin(name)?));
        Ok(())
    })
}

/// A calendar with the given weekend days (`COLL_WEEKDAY_` values) and listed holidays. Either array
/// may be NULL when its count is 0. At least one day of the week must be a business day, and every
/// weekday value and date must be valid (`COLL_INVALID_ARGUMENT`, `COLL_INVALID_DATE`).
///
/// Ownership: the arrays are borrowed for the call (copied). On success `*out` is a new calendar that
/// the caller owns and frees with `coll_calendar_free`.
///
/// # Safety
/// `weekend_days` is NULL or points to `n_weekend` readable values; `holidays` is NULL or points to
/// `n_holidays` readable `coll_date`s; `out` is NULL or points to a writable `coll_calendar *`.
#[no_mangle]
pub unsafe extern "C" fn coll_calendar_new(
    weekend_days: *const coll_weekday,
    n_weekend: usize,
    holidays: *const coll_date,
    n_holidays: usize,
    out: *mut *mut coll_calendar,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (weekend_days, holidays, out) = unsafe {
            (
                ptr::read_slice_or_empty(weekend_days, n_weekend, "weekend_days")?,
                ptr::read_slice_or_empty(holidays, n_holidays, "holidays")?,
                ptr::out(out, "out")?,
            )
        };
        let weekend = weekend_days
            .into_iter()
            .map(|day| {
                u8::try_from(day)
                    .ok()
                    .and_then(|d| Weekday::try_from(d).ok())
                    .ok_or_else(|| {
                        Failure::unknown_value(
                            "weekend_days",
                            day,
                            "a COLL_WEEKDAY_ constant, 0 (Monday) to 6 (Sunday)",
                        )
                    })
            })
            .collect::<FfiResult<Vec<Weekday>>>()?;
        let holidays = holidays
            .into_iter()
            .map(|d| d.to_core("holidays"))
            .collect::<FfiResult<Vec<_>>>()?;
        out.write(into_handle(HolidayCalendar::new(&weekend, holidays)?));
        Ok(())
    })
}

/// Frees a calendar made by `coll_calendar_builtin` or `coll_calendar_new`. NULL is a no-op.
///
/// # Safety
/// `calendar` is NULL or a handle from this library that has not been freed; it must not be used
/// afterwards.
#[no_mangle]
pub unsafe extern "C" fn coll_calendar_free(calendar: *mut coll_calendar) {
    if calendar.is_null() {
        return;
    }
    // Dropping a calendar cannot fail; the boundary only guards against the unexpected.
    boundary(|| {
        // SAFETY: made by Box::into_raw in `into_handle` and not freed before (caller's contract).
        drop(unsafe { Box::from_raw(calendar) });
        Ok(())
    });
}

/// Whether `date` is a business day: neither a weekend day nor a holiday.
///
/// # Safety
/// `calendar` is NULL or a live handle; `out` is NULL or points to a writable `bool`.
#[no_mangle]
pub unsafe extern "C" fn coll_calendar_is_business_day(
    calendar: *const coll_calendar,
    date: coll_date,
    out: *mut bool,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (calendar, out) = unsafe { (self::calendar(calendar)?, ptr::out(out, "out")?) };
        out.write(calendar.is_business_day(date.to_core("date")?));
        Ok(())
    })
}

/// Whether `date` is a holiday of the calendar (listed or by its built-in rules; weekends aside).
///
/// # Safety
/// `calendar` is NULL or a live handle; `out` is NULL or points to a writable `bool`.
#[no_mangle]
pub unsafe extern "C" fn coll_calendar_is_holiday(
    calendar: *const coll_calendar,
    date: coll_date,
    out: *mut bool,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (calendar, out) = unsafe { (self::calendar(calendar)?, ptr::out(out, "out")?) };
        out.write(calendar.is_holiday(date.to_core("date")?));
        Ok(())
    })
}

/// Rolls `date` to a business day by `convention` (a `COLL_BUSINESS_DAY_` constant).
///
/// # Safety
/// `calendar` is NULL or a live handle; `out` is NULL or points to a writable `coll_date`.
#[no_mangle]
pub unsafe extern "C" fn coll_calendar_adjust(
    calendar: *const coll_calendar,
    date: coll_date,
    convention: coll_business_day_convention,
    out: *mut coll_date,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (calendar, out) = unsafe { (self::calendar(calendar)?, ptr::out(out, "out")?) };
        let adjusted = calendar.adjust(date.to_core("date")?, self::convention(convention)?)?;
        out.write(coll_date::from_core(adjusted));
        Ok(())
    })
}

/// The date `n` business days after `date` (before it when `n` is negative; `|n|` at most 1,000,000).
/// Counting starts from `date` whether or not it is a business day; `n = 0` rolls `date` to the
/// following business day.
///
/// # Safety
/// `calendar` is NULL or a live handle; `out` is NULL or points to a writable `coll_date`.
#[no_mangle]
pub unsafe extern "C" fn coll_calendar_add_business_days(
    calendar: *const coll_calendar,
    date: coll_date,
    n: i64,
    out: *mut coll_date,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (calendar, out) = unsafe { (self::calendar(calendar)?, ptr::out(out, "out")?) };
        let moved = calendar.add_business_days(date.to_core("date")?, n)?;
        out.write(coll_date::from_core(moved));
        Ok(())
    })
}

/// The holidays of the calendar in `year` (listed and by rule), sorted.
///
/// `out` has room for `out_cap` dates. On success `*out_len` is the number written. When they do not fit
/// the call fails with `COLL_BUFFER_TOO_SMALL`, writes nothing to `out` and, as an exception to "out-
/// parameters only on success", sets `*out_len` to the number needed. `out` may be NULL when `out_cap`
/// is 0, to ask for that number. Ownership: `out` belongs to the caller.
///
/// # Safety
/// `calendar` is NULL or a live handle; `out` is NULL or points to `out_cap` writable `coll_date`s;
/// `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_calendar_holidays(
    calendar: *const coll_calendar,
    year: i32,
    out: *mut coll_date,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (calendar, out, out_len) = unsafe {
            (
                self::calendar(calendar)?,
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let dates: Vec<coll_date> = calendar
            .holidays(year)
            .into_iter()
            .map(|(d, _)| coll_date::from_core(d))
            .collect();
        out.write_counted(&dates, out_len)
    })
}

/// The business-day convention named by `name`: `unadjusted`, `following`, `modified-following`,
/// `preceding`, `modified-preceding` (case, `-`, `_` and spaces are not significant). Unknown names
/// give `COLL_INVALID_ARGUMENT`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_business_day_convention`.
#[no_mangle]
pub unsafe extern "C" fn coll_business_day_convention_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_business_day_convention,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        let parsed: BusinessDayConvention = name.parse()?;
        out.write(convention_constant(parsed));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conventions_round_trip() {
        for c in BusinessDayConvention::ALL {
            assert_eq!(convention(convention_constant(c)).unwrap(), c);
        }
        assert!(convention(5)
            .unwrap_err()
            .message
            .starts_with("convention: "));
    }

    #[test]
    fn handles_are_made_and_freed() {
        let mut cal: *mut coll_calendar = std::ptr::null_mut();
        let name = "us-federal";
        // SAFETY: valid pointers.
        let status = unsafe { coll_calendar_builtin(name.as_ptr().cast(), name.len(), &mut cal) };
        assert_eq!(status, crate::error::COLL_OK);
        let mut business = true;
        let july3 = coll_date {
            year: 2026,
            month: 7,
            day: 3,
        };
        // SAFETY: a live handle and a valid out-pointer.
        let status = unsafe { coll_calendar_is_business_day(cal, july3, &mut business) };
        assert_eq!(status, crate::error::COLL_OK);
        assert!(!business);
        // SAFETY: a live handle, freed once; NULL is a no-op.
        unsafe {
            coll_calendar_free(cal);
            coll_calendar_free(std::ptr::null_mut());
        }
    }
}
