//! Day-count conventions across the ABI (`coll_day_count`): days between dates and year fractions.

use std::ffi::c_char;

use collections_core::{DayCount, Error};

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

/// A day-count convention and the data some conventions need. Fields a convention does not use are
/// ignored (and not checked). Start from `coll_day_count_init` or `coll_day_count_from_name`, then set
/// what the convention needs. A plain value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_day_count {
    /// A `COLL_DAY_COUNT_` constant.
    pub kind: coll_day_count_kind,
    /// 30/360 US: apply the February month-end adjustments (the standard rule; true by default).
    pub end_of_month_rule: bool,
    /// ACT/ACT ICMA: the start of a regular coupon period of the schedule.
    pub reference_start: coll_date,
    /// ACT/ACT ICMA: the end of that period.
    pub reference_end: coll_date,
    /// ACT/ACT ICMA: the schedule's frequency, made of whole months.
    pub frequency: coll_frequency,
    /// 30E/360 ISDA: whether `maturity` is set.
    pub has_maturity: bool,
    /// 30E/360 ISDA: the instrument's maturity date, when `has_maturity`.
    pub maturity: coll_date,
}

impl coll_day_count {
    fn with_kind(kind: coll_day_count_kind) -> coll_day_count {
        // Zero dates are invalid, so an ICMA caller who forgets the reference period is told so.
        let no_date = coll_date {
            year: 0,
            month: 0,
            day: 0,
        };
        coll_day_count {
            kind,
            end_of_month_rule: true,
            reference_start: no_date,
            reference_end: no_date,
            frequency: coll_frequency {
                kind: COLL_FREQUENCY_WEEKLY,
                first_day: 0,
                second_day: 0,
            },
            has_maturity: false,
            maturity: no_date,
        }
    }

    /// The convention from C, checked; `field` names the argument.
    pub(crate) fn to_core(self, field: &'static str) -> FfiResult<DayCount> {
        Ok(match self.kind {
            COLL_DAY_COUNT_ACT_365_FIXED => DayCount::Act365Fixed,
            COLL_DAY_COUNT_ACT_360 => DayCount::Act360,
            COLL_DAY_COUNT_ACT_364 => DayCount::Act364,
            COLL_DAY_COUNT_ACT_ACT_ISDA => DayCount::ActActIsda,
            COLL_DAY_COUNT_ACT_ACT_ICMA => DayCount::act_act_icma(
                self.reference_start.to_core("reference_start")?,
                self.reference_end.to_core("reference_end")?,
                self.frequency.to_core("frequency")?,
            )?,
            COLL_DAY_COUNT_ACT_ACT_AFB => DayCount::ActActAfb,
            COLL_DAY_COUNT_30_360_US => DayCount::Thirty360Us {
                end_of_month_rule: self.end_of_month_rule,
            },
            COLL_DAY_COUNT_30_360_BOND_BASIS => DayCount::Thirty360BondBasis,
            COLL_DAY_COUNT_30E_360 => DayCount::Thirty360European,
            COLL_DAY_COUNT_30E_360_ISDA => DayCount::Thirty360EuropeanIsda {
                maturity: if self.has_maturity {
                    Some(self.maturity.to_core("maturity")?)
                } else {
                    None
                },
            },
            other => return Err(unknown_kind(field, other)),
        })
    }

    fn from_core(day_count: DayCount) -> FfiResult<coll_day_count> {
        let mut out = coll_day_count::with_kind(COLL_DAY_COUNT_ACT_365_FIXED);
        out.kind = match day_count {
            DayCount::Act365Fixed => COLL_DAY_COUNT_ACT_365_FIXED,
            DayCount::Act360 => COLL_DAY_COUNT_ACT_360,
            DayCount::Act364 => COLL_DAY_COUNT_ACT_364,
            DayCount::ActActIsda => COLL_DAY_COUNT_ACT_ACT_ISDA,
            DayCount::ActActIcma {
                reference_start,
                reference_end,
                frequency,
            } => {
                out.reference_start = coll_date::from_core(reference_start);
                out.reference_end = coll_date::from_core(reference_end);
                out.frequency = coll_frequency::from_core(frequency)?;
                COLL_DAY_COUNT_ACT_ACT_ICMA
            }
            DayCount::ActActAfb => COLL_DAY_COUNT_ACT_ACT_AFB,
            DayCount::Thirty360Us { end_of_month_rule } => {
                out.end_of_month_rule = end_of_month_rule;
                COLL_DAY_COUNT_30_360_US
            }
            DayCount::Thirty360BondBasis => COLL_DAY_COUNT_30_360_BOND_BASIS,
            DayCount::Thirty360European => COLL_DAY_COUNT_30E_360,
            DayCount::Thirty360EuropeanIsda { maturity } => {
                if let Some(maturity) = maturity {
                    out.has_maturity = true;
                    out.maturity = coll_date::from_core(maturity);
                }
                COLL_DAY_COUNT_30E_360_ISDA
            }
            // A convention the core added after this ABI: it has no constant yet.
            other => {
                return Err(Error::InvalidArgument {
                    field: "day_count",
                    value: other.to_string(),
                    reason: "has no COLL_DAY_COUNT_ constant in this version of the C ABI".into(),
                }
                .into())
            }
        };
        Ok(out)
    }
}

fn unknown_kind(field: &'static str, kind: u32) -> Failure {
    Failure::unknown_value(field, kind, "a COLL_DAY_COUNT_ constant, 0 to 9")
}

/// Fills `*out` with the convention `kind` and its defaults: `end_of_month_rule` true, no maturity,
/// and zero (invalid) reference dates and a weekly frequency, which an ACT/ACT ICMA caller must set.
/// An unknown `kind` gives `COLL_INVALID_ARGUMENT`.
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
        assert_eq!(failure.status, crate::error::COLL_INVALID_DATE);
        assert!(failure.message.starts_with("reference_start: "));
    }
}
