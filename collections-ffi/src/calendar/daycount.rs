//! Day-count conventions across the ABI (`coll_day_count`): days between dates and year fractions.

use std::ffi::c_char;

use chrono::NaiveDate;
use collections_core::{DayCount, DayCountParams, Error};

use super::date::coll_date;
use super::frequency::{coll_frequency, COLL_FREQUENCY_WEEKLY};
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::money::coll_decimal;
use crate::ptr;

/// A day-count convention: one of the `COLL_DAY_COUNT_` constants.
#[allow(non_camel_case_types)]
pub type coll_day_count_kind = u32;

/// Actual/365 Fixed.
pub const COLL_DAY_COUNT_ACT_365_FIXED: coll_day_count_kind = 0;
/// Actual/360.
pub const COLL_DAY_COUNT_ACT_360: coll_day_count_kind = 1;
/// Actual/364.
pub const COLL_DAY_COUNT_ACT_364: coll_day_count_kind = 2;
/// Actual/Actual ISDA.
pub const COLL_DAY_COUNT_ACT_ACT_ISDA: coll_day_count_kind = 3;
/// Actual/Actual ICMA: needs `reference_start`, `reference_end` and a whole-month `frequency`.
pub const COLL_DAY_COUNT_ACT_ACT_ICMA: coll_day_count_kind = 4;
/// Actual/Actual AFB.
pub const COLL_DAY_COUNT_ACT_ACT_AFB: coll_day_count_kind = 5;
/// 30/360 US (SIA), with `end_of_month_rule`.
pub const COLL_DAY_COUNT_30_360_US: coll_day_count_kind = 6;
/// 30/360 bond basis (ISDA 2006 4.16(f)).
pub const COLL_DAY_COUNT_30_360_BOND_BASIS: coll_day_count_kind = 7;
/// 30E/360, Eurobond basis (ISDA 2006 4.16(g)).
pub const COLL_DAY_COUNT_30E_360: coll_day_count_kind = 8;
/// 30E/360 ISDA (ISDA 2006 4.16(h)), with an optional `maturity`.
pub const COLL_DAY_COUNT_30E_360_ISDA: coll_day_count_kind = 9;

/// A day-count convention and the data some conventions need. Start from `coll_day_count_init` or
/// `coll_day_count_from_name`, then set what the convention needs. The convention is built from `kind`
/// and the data given, by the same rules as every other surface: data a convention does not take is
/// refused (`COLL_INVALID_ARGUMENT` naming the field), so a mistake is not silently ignored. What
/// counts as given:
/// - `reference_start`, `reference_end`: any date other than `{0, 0, 0}` (then it must exist);
/// - `frequency`: anything other than all zeros (`{COLL_FREQUENCY_WEEKLY, 0, 0}`, which ACT/ACT ICMA
///   could not use anyway);
/// - `end_of_month_rule`: 0 (1, the standard rule, is the default and is accepted by every kind);
/// - `maturity`: when `has_maturity` is 1.
///
/// The flags are `uint8_t`, not `bool`, so that any byte can be checked: a value other than 0 or 1 gives
/// `COLL_INVALID_ARGUMENT` naming the flag. A plain value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_day_count {
    /// A `COLL_DAY_COUNT_` constant.
    pub kind: coll_day_count_kind,
    /// 30/360 US: 1 to apply the February month-end adjustments (the standard rule, and the default), 0
    /// not to (30/360 US only).
    pub end_of_month_rule: u8,
    /// ACT/ACT ICMA: the start of a regular coupon period of the schedule; `{0, 0, 0}` when not given.
    pub reference_start: coll_date,
    /// ACT/ACT ICMA: the end of that period; `{0, 0, 0}` when not given.
    pub reference_end: coll_date,
    /// ACT/ACT ICMA: the schedule's frequency, made of whole months; all zeros when not given.
    pub frequency: coll_frequency,
    /// 30E/360 ISDA: 1 when `maturity` is given, else 0.
    pub has_maturity: u8,
    /// 30E/360 ISDA: the instrument's maturity date, when `has_maturity` is 1.
    pub maturity: coll_date,
}

/// The date C leaves in an unused date field.
const NO_DATE: coll_date = coll_date {
    year: 0,
    month: 0,
    day: 0,
};

/// The frequency C leaves in an unused frequency field.
const NO_FREQUENCY: coll_frequency = coll_frequency {
    kind: COLL_FREQUENCY_WEEKLY,
    first_day: 0,
    second_day: 0,
};

impl coll_day_count {
    pub(crate) fn with_kind(kind: coll_day_count_kind) -> coll_day_count {
        coll_day_count {
            kind,
            end_of_month_rule: 1,
            reference_start: NO_DATE,
            reference_end: NO_DATE,
            frequency: NO_FREQUENCY,
            has_maturity: 0,
            maturity: NO_DATE,
        }
    }

    /// The convention from C, built by the core from the kind's name and the data given; `field`
    /// names the argument in an unknown-kind error.
    pub(crate) fn to_core(self, field: &'static str) -> FfiResult<DayCount> {
        // Only the constants of this ABI, as `coll_day_count_init` and `from_core` allow: a convention
        // the core adds later gets a constant before C can name it.
        let name = Some(self.kind)
            .filter(|k| *k <= COLL_DAY_COUNT_30E_360_ISDA)
            .and_then(|k| usize::try_from(k).ok())
            .and_then(|k| DayCount::NAMES.get(k))
            .ok_or_else(|| unknown_kind(field, self.kind))?;
        let date = |d: coll_date, field: &'static str| -> FfiResult<Option<NaiveDate>> {
            if d == NO_DATE {
                Ok(None)
            } else {
                d.to_core(field).map(Some)
            }
        };
        let params = DayCountParams {
            reference_start: date(self.reference_start, "reference_start")?,
            reference_end: date(self.reference_end, "reference_end")?,
            frequency: if self.frequency == NO_FREQUENCY {
                None
            } else {
                Some(self.frequency.to_core("frequency")?)
            },
            maturity: if ptr::flag(self.has_maturity, "has_maturity")? {
                Some(self.maturity.to_core("maturity")?)
            } else {
                None
            },
            end_of_month_rule: if ptr::flag(self.end_of_month_rule, "end_of_month_rule")? {
                None
            } else {
                Some(false)
            },
        };
        Ok(DayCount::from_name(name, params)?)
    }

    /// The struct of a core convention: its kind (by its place in `DayCount::NAMES`) and its data.
    pub(crate) fn from_core(day_count: DayCount) -> FfiResult<coll_day_count> {
        let kind = DayCount::NAMES
            .iter()
            .position(|name| *name == day_count.name())
            .and_then(|k| u32::try_from(k).ok())
            .filter(|k| *k <= COLL_DAY_COUNT_30E_360_ISDA)
            .ok_or_else(|| -> Failure {
                // A convention the core added after this ABI: it has no constant yet.
                Error::InvalidArgument {
                    field: "day_count",
                    value: day_count.to_string(),
                    reason: "has no COLL_DAY_COUNT_ constant in this version of the C ABI".into(),
                }
                .into()
            })?;
        let params = day_count.params();
        let mut out = coll_day_count::with_kind(kind);
        if let Some(d) = params.reference_start {
            out.reference_start = coll_date::from_core(d);
        }
        if let Some(d) = params.reference_end {
            out.reference_end = coll_date::from_core(d);
        }
        if let Some(f) = params.frequency {
            out.frequency = coll_frequency::from_core(f)?;
        }
        if let Some(rule) = params.end_of_month_rule {
            out.end_of_month_rule = u8::from(rule);
        }
        if let Some(d) = params.maturity {
            out.has_maturity = 1;
            out.maturity = coll_date::from_core(d);
        }
        Ok(out)
    }
}

fn unknown_kind(field: &'static str, kind: u32) -> Failure {
    Failure::unknown_value(field, kind, "a COLL_DAY_COUNT_ constant, 0 to 9")
}

/// Fills `*out` with the convention `kind` and nothing else given: `end_of_month_rule` 1 (the
/// default), `has_maturity` 0, and zeros in the reference dates, the frequency and the maturity. An
/// ACT/ACT ICMA caller must then set `reference_start`, `reference_end` and `frequency`. An unknown
/// `kind` gives `COLL_INVALID_ARGUMENT`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_day_count`.
#[no_mangle]
pub unsafe extern "C" fn coll_day_count_init(
    kind: coll_day_count_kind,
    out: *mut coll_day_count,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        if kind > COLL_DAY_COUNT_30E_360_ISDA {
            return Err(unknown_kind("kind", kind));
        }
        out.write(coll_day_count::with_kind(kind));
        Ok(())
    })
}

/// The convention named by `name` (case-insensitive; `ACTUAL` may stand for `ACT`): `ACT/365F`,
/// `ACT/360`, `ACT/364`, `ACT/ACT ISDA`, `ACT/ACT AFB`, `30/360 US`, `30/360 BOND BASIS`, `30E/360`,
/// `30E/360 ISDA`, and aliases. `ACT/ACT ICMA` is refused (`COLL_INVALID_ARGUMENT`) because it needs a
/// reference period: use `coll_day_count_init(COLL_DAY_COUNT_ACT_ACT_ICMA, ...)` and set its fields.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_day_count`.
#[no_mangle]
pub unsafe extern "C" fn coll_day_count_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_day_count,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        let day_count: DayCount = name.parse()?;
        out.write(coll_day_count::from_core(day_count)?);
        Ok(())
    })
}

/// The days from `start` to `end` under the convention: actual days for the Actual conventions, the
/// 30-day-month count for the 30/360 family; negative when `end` is before `start`.
///
/// # Safety
/// `day_count` is NULL or points to a readable `coll_day_count`; `out` is NULL or points to a writable
/// `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_day_count_days(
    day_count: *const coll_day_count,
    start: coll_date,
    end: coll_date,
    out: *mut i64,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (day_count, out) =
            unsafe { (ptr::read(day_count, "day_count")?, ptr::out(out, "out")?) };
        let day_count = day_count.to_core("day_count")?;
        let days = day_count.days(start.to_core("start")?, end.to_core("end")?);
        out.write(days);
        Ok(())
    })
}

/// The fraction of a year from `start` to `end` under the convention, exact to Decimal's 28
/// significant digits; negative when `end` is before `start`.
///
/// # Safety
/// `day_count` is NULL or points to a readable `coll_day_count`; `out` is NULL or points to a writable
/// `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_year_fraction(
    day_count: *const coll_day_count,
    start: coll_date,
    end: coll_date,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (day_count, out) =
            unsafe { (ptr::read(day_count, "day_count")?, ptr::out(out, "out")?) };
        let day_count = day_count.to_core("day_count")?;
        let fraction = day_count.year_fraction(start.to_core("start")?, end.to_core("end")?)?;
        out.write(coll_decimal::from_core(fraction));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::COLL_INVALID_ARGUMENT;

    #[test]
    fn names_and_kinds_agree() {
        for (kind, name) in DayCount::NAMES.iter().enumerate() {
            let kind = kind as u32;
            if kind == COLL_DAY_COUNT_ACT_ACT_ICMA {
                continue;
            }
            let parsed: DayCount = name.parse().unwrap();
            let c = coll_day_count::from_core(parsed).unwrap();
            assert_eq!(c.kind, kind, "{name}");
            assert_eq!(c.to_core("day_count").unwrap(), parsed);
        }
        let icma = coll_day_count::with_kind(COLL_DAY_COUNT_ACT_ACT_ICMA);
        let failure = icma.to_core("day_count").unwrap_err();
        assert_eq!(failure.status, COLL_INVALID_ARGUMENT);
        assert!(failure.message.starts_with("reference_start: "));
        let mut icma = icma;
        icma.reference_start = coll_date::from_core(ymd(2003, 11, 1));
        icma.reference_end = coll_date::from_core(ymd(2004, 5, 1));
        icma.frequency.kind = crate::calendar::COLL_FREQUENCY_SEMI_ANNUAL;
        let core = icma.to_core("day_count").unwrap();
        assert_eq!(coll_day_count::from_core(core).unwrap(), icma);
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn refused(c: coll_day_count) -> (u32, String) {
        let failure = c.to_core("day_count").unwrap_err();
        (failure.status, failure.message)
    }

    #[test]
    fn flags_are_checked_bytes() {
        for value in [2u8, 255] {
            let mut c = coll_day_count::with_kind(COLL_DAY_COUNT_30_360_US);
            c.end_of_month_rule = value;
            let (status, message) = refused(c);
            assert_eq!(status, COLL_INVALID_ARGUMENT);
            assert!(message.starts_with("end_of_month_rule: "), "{message}");
            let mut c = coll_day_count::with_kind(COLL_DAY_COUNT_30E_360_ISDA);
            c.has_maturity = value;
            let (status, message) = refused(c);
            assert_eq!(status, COLL_INVALID_ARGUMENT);
            assert!(message.starts_with("has_maturity: "), "{message}");
        }
        let mut us = coll_day_count::with_kind(COLL_DAY_COUNT_30_360_US);
        us.end_of_month_rule = 0;
        assert_eq!(
            us.to_core("day_count").unwrap(),
            DayCount::Thirty360Us {
                end_of_month_rule: false
            }
        );
        assert_eq!(
            coll_day_count::from_core(us.to_core("x").unwrap()).unwrap(),
            us
        );
    }

    #[test]
    fn data_a_convention_does_not_take_is_refused() {
        let mut c = coll_day_count::with_kind(COLL_DAY_COUNT_ACT_360);
        c.has_maturity = 1;
        c.maturity = coll_date::from_core(ymd(2030, 1, 1));
        let (status, message) = refused(c);
        assert_eq!(status, COLL_INVALID_ARGUMENT);
        assert!(message.starts_with("maturity: "), "{message}");

        let mut c = coll_day_count::with_kind(COLL_DAY_COUNT_ACT_360);
        c.end_of_month_rule = 0;
        assert!(refused(c).1.starts_with("end_of_month_rule: "));

        let mut c = coll_day_count::with_kind(COLL_DAY_COUNT_30E_360);
        c.reference_start = coll_date::from_core(ymd(2030, 1, 1));
        assert!(refused(c).1.starts_with("reference_start: "));

        let mut c = coll_day_count::with_kind(COLL_DAY_COUNT_ACT_ACT_ISDA);
        c.frequency.kind = crate::calendar::COLL_FREQUENCY_MONTHLY;
        assert!(refused(c).1.starts_with("frequency: "));

        // An unknown kind names the argument.
        let c = coll_day_count::with_kind(10);
        let (status, message) = refused(c);
        assert_eq!(status, COLL_INVALID_ARGUMENT);
        assert!(message.starts_with("day_count: "), "{message}");
    }
}
