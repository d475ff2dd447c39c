//! Payment frequencies across the ABI (`coll_frequency`).

use std::ffi::c_char;

use collections_core::{Error, Frequency};

use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::ptr;

/// A frequency kind: one of the `COLL_FREQUENCY_` constants.
#[allow(non_camel_case_types)]
pub type coll_frequency_kind = u32;

/// Every 7 days (52 a year).
pub const COLL_FREQUENCY_WEEKLY: coll_frequency_kind = 0;
/// Every 14 days, fortnightly (26 a year).
pub const COLL_FREQUENCY_BIWEEKLY: coll_frequency_kind = 1;
/// Every 28 days (13 a year).
pub const COLL_FREQUENCY_FOUR_WEEKLY: coll_frequency_kind = 2;
/// Twice a month on `first_day` and `second_day` (24 a year).
pub const COLL_FREQUENCY_SEMI_MONTHLY: coll_frequency_kind = 3;
/// Every month (12 a year).
pub const COLL_FREQUENCY_MONTHLY: coll_frequency_kind = 4;
/// Every two months (6 a year).
pub const COLL_FREQUENCY_BIMONTHLY: coll_frequency_kind = 5;
/// Every three months (4 a year).
pub const COLL_FREQUENCY_QUARTERLY: coll_frequency_kind = 6;
/// Every six months (2 a year).
pub const COLL_FREQUENCY_SEMI_ANNUAL: coll_frequency_kind = 7;
/// Every year.
pub const COLL_FREQUENCY_ANNUAL: coll_frequency_kind = 8;

/// How often a payment falls due. `first_day` and `second_day` are used by
/// `COLL_FREQUENCY_SEMI_MONTHLY` only (first in 1..=27, second after it and at most 31, where a day past
/// a month's end means its last day) and must be 0 for every other kind. A plain value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_frequency {
    /// A `COLL_FREQUENCY_` constant.
    pub kind: coll_frequency_kind,
    /// Semi-monthly: the first day of the month; otherwise 0.
    pub first_day: u32,
    /// Semi-monthly: the second day of the month; otherwise 0.
    pub second_day: u32,
}

impl coll_frequency {
    /// The frequency from C, checked; `field` names the argument.
    pub(crate) fn to_core(self, field: &'static str) -> FfiResult<Frequency> {
        let plain = match self.kind {
            COLL_FREQUENCY_SEMI_MONTHLY => {
                return Ok(Frequency::semi_monthly(self.first_day, self.second_day)?)
            }
            COLL_FREQUENCY_WEEKLY => Frequency::Weekly,
            COLL_FREQUENCY_BIWEEKLY => Frequency::Biweekly,
            COLL_FREQUENCY_FOUR_WEEKLY => Frequency::FourWeekly,
            COLL_FREQUENCY_MONTHLY => Frequency::Monthly,
            COLL_FREQUENCY_BIMONTHLY => Frequency::Bimonthly,
            COLL_FREQUENCY_QUARTERLY => Frequency::Quarterly,
            COLL_FREQUENCY_SEMI_ANNUAL => Frequency::SemiAnnual,
            COLL_FREQUENCY_ANNUAL => Frequency::Annual,
            other => {
                return Err(Failure::unknown_value(
                    field,
                    other,
                    "a COLL_FREQUENCY_ constant, 0 to 8",
                ))
            }
        };
        if self.first_day != 0 || self.second_day != 0 {
            return Err(Error::InvalidArgument {
                field,
                value: format!("{{{}, {}}}", self.first_day, self.second_day),
                reason: format!(
                    "first_day and second_day are for semi-monthly only and must be 0 for {plain}"
                ),
            }
            .into());
        }
        Ok(plain)
    }

    pub(crate) fn from_core(frequency: Frequency) -> FfiResult<coll_frequency> {
        let kind = match frequency {
            Frequency::SemiMonthly(days) => {
                return Ok(coll_frequency {
                    kind: COLL_FREQUENCY_SEMI_MONTHLY,
                    first_day: days.first(),
                    second_day: days.second(),
                })
            }
            Frequency::Weekly => COLL_FREQUENCY_WEEKLY,
            Frequency::Biweekly => COLL_FREQUENCY_BIWEEKLY,
            Frequency::FourWeekly => COLL_FREQUENCY_FOUR_WEEKLY,
            Frequency::Monthly => COLL_FREQUENCY_MONTHLY,
            Frequency::Bimonthly => COLL_FREQUENCY_BIMONTHLY,
            Frequency::Quarterly => COLL_FREQUENCY_QUARTERLY,
            Frequency::SemiAnnual => COLL_FREQUENCY_SEMI_ANNUAL,
            Frequency::Annual => COLL_FREQUENCY_ANNUAL,
            // A frequency the core added after this ABI: it has no constant yet.
            other => {
                return Err(Error::InvalidArgument {
                    field: "frequency",
                    value: other.to_string(),
                    reason: "has no COLL_FREQUENCY_ constant in this version of the C ABI".into(),
                }
                .into())
            }
        };
        Ok(coll_frequency {
            kind,
            first_day: 0,
            second_day: 0,
        })
    }
}

/// The frequency named by `name`: `weekly`, `biweekly` (`fortnightly`), `four-weekly`,
/// `semi-monthly` (the 1st and 15th), `semi-monthly(15,31)`, `monthly`, `bimonthly`, `quarterly`,
/// `semi-annual`, `annual` (`yearly`); case, `-`, `_` and spaces are not significant. Unknown names
/// give `COLL_INVALID_ARGUMENT`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_frequency`.
#[no_mangle]
pub unsafe extern "C" fn coll_frequency_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_frequency,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        let frequency: Frequency = name.parse()?;
        out.write(coll_frequency::from_core(frequency)?);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in COLL_FREQUENCY_WEEKLY..=COLL_FREQUENCY_ANNUAL {
            let (first_day, second_day) = if kind == COLL_FREQUENCY_SEMI_MONTHLY {
                (15, 31)
            } else {
                (0, 0)
            };
            let c = coll_frequency {
                kind,
                first_day,
                second_day,
            };
            let core = c.to_core("frequency").unwrap();
            assert_eq!(coll_frequency::from_core(core).unwrap(), c);
        }
        let bad = coll_frequency {
            kind: 9,
            first_day: 0,
            second_day: 0,
        };
        assert!(bad
            .to_core("frequency")
            .unwrap_err()
            .message
            .starts_with("frequency: "));
    }
}
