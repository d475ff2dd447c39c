//! Annual percentage rates across the ABI: the US Regulation Z actuarial APR (12 CFR 1026, Appendix J)
//! with its §1026.22(a) tolerance, and the EU APRC (Directive 2008/48/EC, Annex I). The rules, the
//! checks of the flows and the tolerances are the core's `finance::apr`; this converts values.
//!
//! Flows cross as parallel arrays (a date and a positive amount per advance, drawdown or payment, each
//! list in date order), named as the Python functions name them, and every error about the flows names
//! the array at fault (`advance_dates`, `payment_amounts`, ...): the core names those columns itself.

use collections_core::finance::{self, AprcBasis, RegulationZApr, UnitPeriod};
use collections_core::Error;

use crate::calendar::coll_date;
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::money::coll_decimal;
use crate::ptr;

use super::dated_amounts;

/// The kind of a Regulation Z unit period: one of the `COLL_UNIT_PERIOD_` constants.
#[allow(non_camel_case_types)]
pub type coll_unit_period_kind = u32;

/// `count` days (365 / count unit periods a year; count 1 to 365).
pub const COLL_UNIT_PERIOD_DAYS: coll_unit_period_kind = 0;
/// `count` weeks (52 / count a year; count 1 to 52).
pub const COLL_UNIT_PERIOD_WEEKS: coll_unit_period_kind = 1;
/// Half a month (24 a year); `count` must be 0.
pub const COLL_UNIT_PERIOD_SEMIMONTH: coll_unit_period_kind = 2;
/// `count` months (12 / count a year; count 1 to 12, 12 being a year).
pub const COLL_UNIT_PERIOD_MONTHS: coll_unit_period_kind = 3;

/// The unit period of Regulation Z's equation (Appendix J (b)(4)): a kind and a count. Counts beyond a
/// year, or 0 for days, weeks and months, give `COLL_INVALID_ARGUMENT` naming `unit_period`. A plain
/// value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_unit_period {
    /// A `COLL_UNIT_PERIOD_` constant.
    pub kind: coll_unit_period_kind,
    /// How many days, weeks or months; 0 for `COLL_UNIT_PERIOD_SEMIMONTH`.
    pub count: u32,
}

impl coll_unit_period {
    /// The unit period from C; `field` names it. The counts allowed are the core's to check.
    fn to_core(self, field: &'static str) -> FfiResult<UnitPeriod> {
        Ok(match self.kind {
            COLL_UNIT_PERIOD_DAYS => UnitPeriod::Days(self.count),
            COLL_UNIT_PERIOD_WEEKS => UnitPeriod::Weeks(self.count),
            COLL_UNIT_PERIOD_MONTHS => UnitPeriod::Months(self.count),
            COLL_UNIT_PERIOD_SEMIMONTH if self.count == 0 => UnitPeriod::SemiMonth,
            COLL_UNIT_PERIOD_SEMIMONTH => {
                return Err(Error::InvalidArgument {
                    field,
                    value: format!("{{COLL_UNIT_PERIOD_SEMIMONTH, {}}}", self.count),
                    reason: "count must be 0 for a semimonth".into(),
                }
                .into())
            }
            other => {
                return Err(Failure::unknown_value(
                    field,
                    other,
                    "a COLL_UNIT_PERIOD_ constant, 0 to 3",
                ))
            }
        })
    }

    fn from_core(unit: UnitPeriod) -> FfiResult<coll_unit_period> {
        let (kind, count) = match unit {
            UnitPeriod::Days(n) => (COLL_UNIT_PERIOD_DAYS, n),
            UnitPeriod::Weeks(n) => (COLL_UNIT_PERIOD_WEEKS, n),
            UnitPeriod::SemiMonth => (COLL_UNIT_PERIOD_SEMIMONTH, 0),
            UnitPeriod::Months(n) => (COLL_UNIT_PERIOD_MONTHS, n),
            // A unit period the core added after this ABI: it has no constant yet.
            other => {
                return Err(Error::InvalidArgument {
                    field: "unit_period",
                    value: other.to_string(),
                    reason: "has no COLL_UNIT_PERIOD_ constant in this version of the C ABI".into(),
                }
                .into())
            }
        };
        Ok(coll_unit_period { kind, count })
    }
}

/// The result of `coll_apr_regulation_z`. Every rate is a fraction (0.0969 for 9.69%), unrounded.
/// A plain value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_regulation_z_apr {
    /// The annual percentage rate: `rate_per_unit_period` × `unit_periods_per_year`.
    pub apr: coll_decimal,
    /// The rate per unit period, i, that solves the equation.
    pub rate_per_unit_period: coll_decimal,
    /// The unit period used.
    pub unit_period: coll_unit_period,
    /// Unit periods in a year (12 for a month; 365 / days for a single advance and payment).
    pub unit_periods_per_year: coll_decimal,
    /// 1 when the transaction is irregular under §1026.22(a)(3) (several advances, irregular payment
    /// periods, or irregular payment amounts other than the first and last), else 0. A `uint8_t`, not a
    /// `bool`, so that it can be checked when the struct comes back in.
    pub irregular: u8,
    /// The §1026.22(a) tolerance for this transaction: 0.00125 (1/8 of a percentage point), or 0.0025
    /// when `irregular`. Output only: `coll_apr_is_accurate` does not read it.
    pub tolerance: coll_decimal,
}

impl coll_regulation_z_apr {
    fn from_core(apr: &RegulationZApr) -> FfiResult<coll_regulation_z_apr> {
        Ok(coll_regulation_z_apr {
            apr: coll_decimal::from_core(apr.apr),
            rate_per_unit_period: coll_decimal::from_core(apr.rate_per_unit_period),
            unit_period: coll_unit_period::from_core(apr.unit_period)?,
            unit_periods_per_year: coll_decimal::from_core(apr.unit_periods_per_year),
            irregular: u8::from(apr.irregular),
            tolerance: coll_decimal::from_core(apr.tolerance()),
        })
    }

    /// The result back from C (the argument `computed`), every field read checked but `tolerance`.
    fn to_core(self) -> FfiResult<RegulationZApr> {
        Ok(RegulationZApr {
            apr: self.apr.to_core("computed.apr")?,
            rate_per_unit_period: self
                .rate_per_unit_period
                .to_core("computed.rate_per_unit_period")?,
            unit_period: self.unit_period.to_core("computed.unit_period")?,
            unit_periods_per_year: self
                .unit_periods_per_year
                .to_core("computed.unit_periods_per_year")?,
            irregular: ptr::flag(self.irregular, "computed.irregular")?,
        })
    }
}

/// How the EU APRC counts time: one of the `COLL_APRC_BASIS_` constants.
#[allow(non_camel_case_types)]
pub type coll_aprc_basis = u32;

/// Whole years and the remaining days over the days (365 or 366) of the year ending there.
pub const COLL_APRC_BASIS_DAYS: coll_aprc_basis = 0;
/// Whole weeks (52 a year) and the remaining days.
pub const COLL_APRC_BASIS_WEEKS: coll_aprc_basis = 1;
/// Whole equal months (12 a year) and the remaining days.
pub const COLL_APRC_BASIS_MONTHS: coll_aprc_basis = 2;

fn aprc_basis(value: coll_aprc_basis) -> FfiResult<AprcBasis> {
    match value {
        COLL_APRC_BASIS_DAYS => Ok(AprcBasis::Days),
        COLL_APRC_BASIS_WEEKS => Ok(AprcBasis::Weeks),
        COLL_APRC_BASIS_MONTHS => Ok(AprcBasis::Months),
        other => Err(Failure::unknown_value(
            "basis",
            other,
            "a COLL_APRC_BASIS_ constant, 0 to 2",
        )),
    }
}

/// The Regulation Z actuarial APR (12 CFR 1026, Appendix J) of `n_advances` advances and `n_payments`
/// payments: amounts positive, each list in date order, no payment before the first advance. Time is
/// counted from the first advance in whole unit periods back from each date and a fraction (leftover
/// days over 30, 15 or 7). `unit_period` MAY be NULL: NULL means the most common period between
/// payments (the shorter on a tie); otherwise it overrides it. A single advance repaid by a single
/// payment within a year, with a NULL `unit_period`, is one unit period of that many days.
///
/// On success `*out` holds the APR, the rate per unit period, the unit period and periods per year,
/// the §1026.22(a)(3) irregular flag and the tolerance that goes with it (see `coll_apr_is_accurate`).
///
/// Fails with `COLL_INVALID_ARGUMENT` naming `advance_amounts` or `payment_amounts` when an amount is
/// not positive, or `advance_dates` or `payment_dates` when a list is empty, its dates are out of order,
/// or a payment comes before the first advance (or on its day, with no `unit_period`: a period of zero
/// length); `COLL_INVALID_ARGUMENT` naming `unit_period` for an unknown kind, a semimonth with a count,
/// or a count of 0 or beyond a year; `COLL_INVALID_DATE` or `COLL_INVALID_DECIMAL` naming the array of
/// an invalid element; `COLL_NO_SOLUTION` naming `payment_amounts` when no rate balances the flows; or
/// `COLL_OVERFLOW`.
/// Ownership: the arrays are borrowed for the call.
///
/// # Safety
/// `advance_dates` and `advance_amounts` are NULL or point to `n_advances` readable elements each, and
/// `payment_dates` and `payment_amounts` to `n_payments` (NULL is refused even when the count is 0);
/// `unit_period` is NULL or points to a readable `coll_unit_period`; `out` is NULL or points to a
/// writable `coll_regulation_z_apr`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn coll_apr_regulation_z(
    advance_dates: *const coll_date,
    advance_amounts: *const coll_decimal,
    n_advances: usize,
    payment_dates: *const coll_date,
    payment_amounts: *const coll_decimal,
    n_payments: usize,
    unit_period: *const coll_unit_period,
    out: *mut coll_regulation_z_apr,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract (`unit_period` may be NULL).
        let (advance_dates, advance_amounts, payment_dates, payment_amounts, unit_period, out) = unsafe {
            (
                ptr::read_slice(advance_dates, n_advances, "advance_dates")?,
                ptr::read_slice(advance_amounts, n_advances, "advance_amounts")?,
                ptr::read_slice(payment_dates, n_payments, "payment_dates")?,
                ptr::read_slice(payment_amounts, n_payments, "payment_amounts")?,
                ptr::read_optional(unit_period),
                ptr::out(out, "out")?,
            )
        };
        let advances = dated_amounts(
            advance_dates,
            advance_amounts,
            "advance_dates",
            "advance_amounts",
        )?;
        let payments = dated_amounts(
            payment_dates,
            payment_amounts,
            "payment_dates",
            "payment_amounts",
        )?;
        let unit_period = unit_period.map(|u| u.to_core("unit_period")).transpose()?;
        let apr = finance::apr_regulation_z(&advances, &payments, unit_period)?;
        out.write(coll_regulation_z_apr::from_core(&apr)?);
        Ok(())
    })
}

/// Whether a disclosed APR (a fraction: 0.0975 for 9.75%) is accurate under §1026.22(a): within the
/// tolerance of the APR `computed` by `coll_apr_regulation_z` (1/8 of a percentage point, or 1/4 when
/// `computed->irregular`). `computed` is checked as it comes in: its decimals, unit period and
/// `irregular` flag (0 or 1) must be valid (`COLL_INVALID_DECIMAL` or `COLL_INVALID_ARGUMENT` naming
/// `computed.<field>`); its `tolerance` is not read.
///
/// # Safety
/// `computed` is NULL or points to a readable `coll_regulation_z_apr`; `disclosed` is NULL or points to
/// a readable `coll_decimal`; `out` is NULL or points to a writable `bool`.
#[no_mangle]
pub unsafe extern "C" fn coll_apr_is_accurate(
    computed: *const coll_regulation_z_apr,
    disclosed: *const coll_decimal,
    out: *mut bool,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (computed, disclosed, out) = unsafe {
            (
                ptr::read(computed, "computed")?,
                ptr::read(disclosed, "disclosed")?,
                ptr::out(out, "out")?,
            )
        };
        let computed = computed.to_core()?;
        out.write(computed.is_accurate(disclosed.to_core("disclosed")?));
        Ok(())
    })
}

/// The EU annual percentage rate of charge (Directive 2008/48/EC, Annex I, as amended by Directive
/// 2011/90/EU) of `n_drawdowns` drawdowns and `n_payments` payments (amounts positive, each list in
/// date order, no payment before the first drawdown). Time is counted from the first drawdown in whole
/// years, weeks or months by `basis` (a `COLL_APRC_BASIS_` constant) back from each date, plus the
/// remaining days over the days of the year ending there.
///
/// On success `*out_percent` is the APRC in percent rounded half up to `decimals` places (1 to 10), and
/// `*out_rate` the unrounded annual rate as a fraction; they must be two different objects.
///
/// Fails with `COLL_INVALID_ARGUMENT` naming the array at fault for the flows, as
/// `coll_apr_regulation_z` does (`drawdown_amounts`, `drawdown_dates`, `payment_amounts`,
/// `payment_dates`), `basis` for an unknown constant, or `decimals` outside 1 to 10;
/// `COLL_INVALID_DATE` or `COLL_INVALID_DECIMAL` naming the array of an invalid element;
/// `COLL_NO_SOLUTION` naming `payment_amounts`; or `COLL_OVERFLOW`. Ownership: the arrays are borrowed for the
/// call.
///
/// # Safety
/// `drawdown_dates` and `drawdown_amounts` are NULL or point to `n_drawdowns` readable elements each,
/// and `payment_dates` and `payment_amounts` to `n_payments` (NULL is refused even when the count is
/// 0); `out_percent` and `out_rate` are NULL or point to writable `coll_decimal`s.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn coll_aprc_eu(
    drawdown_dates: *const coll_date,
    drawdown_amounts: *const coll_decimal,
    n_drawdowns: usize,
    payment_dates: *const coll_date,
    payment_amounts: *const coll_decimal,
    n_payments: usize,
    basis: coll_aprc_basis,
    decimals: u32,
    out_percent: *mut coll_decimal,
    out_rate: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (
            drawdown_dates,
            drawdown_amounts,
            payment_dates,
            payment_amounts,
            out_percent,
            out_rate,
        ) = unsafe {
            (
                ptr::read_slice(drawdown_dates, n_drawdowns, "drawdown_dates")?,
                ptr::read_slice(drawdown_amounts, n_drawdowns, "drawdown_amounts")?,
                ptr::read_slice(payment_dates, n_payments, "payment_dates")?,
                ptr::read_slice(payment_amounts, n_payments, "payment_amounts")?,
                ptr::out(out_percent, "out_percent")?,
                ptr::out(out_rate, "out_rate")?,
            )
        };
        let drawdowns = dated_amounts(
            drawdown_dates,
            drawdown_amounts,
            "drawdown_dates",
            "drawdown_amounts",
        )?;
        let payments = dated_amounts(
            payment_dates,
            payment_amounts,
            "payment_dates",
            "payment_amounts",
        )?;
        let aprc = finance::aprc_eu(&drawdowns, &payments, aprc_basis(basis)?, decimals)?;
        out_percent.write(coll_decimal::from_core(aprc.percent));
        out_rate.write(coll_decimal::from_core(aprc.rate));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{COLL_INVALID_ARGUMENT, COLL_NULL_ARGUMENT, COLL_OK};
    use rust_decimal::Decimal;
    use std::ffi::CStr;
    use std::str::FromStr;

    fn d(text: &str) -> coll_decimal {
        coll_decimal::from_core(Decimal::from_str(text).unwrap())
    }

    fn ymd(year: i32, month: u32, day: u32) -> coll_date {
        coll_date { year, month, day }
    }

    fn last_message() -> String {
        // SAFETY: never NULL, NUL-terminated.
        unsafe { CStr::from_ptr(crate::error::coll_last_error_message()) }
            .to_string_lossy()
            .into_owned()
    }

    /// Appendix J (c)(1)(i): 5000 advanced 1978-01-10, 24 monthly payments of 230.
    fn appendix_j() -> (Vec<coll_date>, Vec<coll_decimal>) {
        (1..=24u32)
            // k months after January 1978.
            .map(|k| (ymd(1978 + (k / 12) as i32, k % 12 + 1, 10), d("230")))
            .unzip()
    }

    #[test]
    fn unit_periods_round_trip() {
        for u in [
            UnitPeriod::Days(90),
            UnitPeriod::Weeks(2),
            UnitPeriod::SemiMonth,
            UnitPeriod::Months(3),
        ] {
            let c = coll_unit_period::from_core(u).unwrap();
            assert_eq!(c.to_core("unit_period").unwrap(), u);
        }
        let semimonth_with_count = coll_unit_period {
            kind: COLL_UNIT_PERIOD_SEMIMONTH,
            count: 1,
        };
        let unknown = coll_unit_period { kind: 4, count: 1 };
        for bad in [semimonth_with_count, unknown] {
            let failure = bad.to_core("unit_period").unwrap_err();
            assert_eq!(failure.status, COLL_INVALID_ARGUMENT);
            assert!(failure.message.starts_with("unit_period: "));
        }
    }

    #[test]
    fn appendix_j_example_and_its_tolerance() {
        std::thread::spawn(|| {
            let (dates, amounts) = appendix_j();
            let advance = [ymd(1978, 1, 10)];
            let principal = [d("5000")];
            let mut out = std::mem::MaybeUninit::<coll_regulation_z_apr>::uninit();
            // SAFETY: valid arrays and out-pointer; a NULL unit period is allowed.
            let status = unsafe {
                coll_apr_regulation_z(
                    advance.as_ptr(),
                    principal.as_ptr(),
                    1,
                    dates.as_ptr(),
                    amounts.as_ptr(),
                    dates.len(),
                    std::ptr::null(),
                    out.as_mut_ptr(),
                )
            };
            assert_eq!(status, COLL_OK, "{}", last_message());
            // SAFETY: written by the successful call.
            let apr = unsafe { out.assume_init() };
            let rate = apr.apr.to_core("apr").unwrap();
            assert_eq!(rate.round_dp(4), Decimal::from_str("0.0969").unwrap());
            assert_eq!(
                apr.unit_period,
                coll_unit_period {
                    kind: COLL_UNIT_PERIOD_MONTHS,
                    count: 1
                }
            );
            assert_eq!(apr.irregular, 0);
            assert_eq!(
                apr.tolerance.to_core("tolerance").unwrap(),
                Decimal::from_str("0.00125").unwrap()
            );
            let mut accurate = false;
            // SAFETY: valid pointers.
            assert_eq!(
                unsafe { coll_apr_is_accurate(&apr, &d("0.0975"), &mut accurate) },
                COLL_OK
            );
            assert!(accurate);
            // SAFETY: valid pointers.
            assert_eq!(
                unsafe { coll_apr_is_accurate(&apr, &d("0.0985"), &mut accurate) },
                COLL_OK
            );
            assert!(!accurate);
            // The same transaction, called irregular: a quarter point.
            let mut irregular = apr;
            irregular.irregular = 1;
            // SAFETY: valid pointers.
            assert_eq!(
                unsafe { coll_apr_is_accurate(&irregular, &d("0.0985"), &mut accurate) },
                COLL_OK
            );
            assert!(accurate);
            irregular.irregular = 2;
            // SAFETY: valid pointers.
            let status = unsafe { coll_apr_is_accurate(&irregular, &d("0.0985"), &mut accurate) };
            assert_eq!(status, COLL_INVALID_ARGUMENT);
            assert!(last_message().starts_with("computed.irregular: "));

            // NULL arrays are refused, even with a count of 0.
            // SAFETY: a NULL array is refused before anything is read.
            let status = unsafe {
                coll_apr_regulation_z(
                    std::ptr::null(),
                    principal.as_ptr(),
                    0,
                    dates.as_ptr(),
                    amounts.as_ptr(),
                    dates.len(),
                    std::ptr::null(),
                    out.as_mut_ptr(),
                )
            };
            assert_eq!(status, COLL_NULL_ARGUMENT);
            assert_eq!(last_message(), "advance_dates: must not be NULL");
        })
        .join()
        .unwrap();
    }

    #[test]
    fn aprc_directive_example() {
        let (drawdown, lent) = ([ymd(1994, 1, 1)], [d("1000")]);
        let (payment, repaid) = ([ymd(1995, 7, 1)], [d("1200")]);
        let (mut percent, mut rate) = (d("0"), d("0"));
        // SAFETY: valid arrays and out-pointers.
        let status = unsafe {
            coll_aprc_eu(
                drawdown.as_ptr(),
                lent.as_ptr(),
                1,
                payment.as_ptr(),
                repaid.as_ptr(),
                1,
                COLL_APRC_BASIS_DAYS,
                2,
                &mut percent,
                &mut rate,
            )
        };
        assert_eq!(status, COLL_OK);
        assert_eq!(percent.to_core("percent").unwrap().to_string(), "12.96");
        assert!(aprc_basis(3).unwrap_err().message.starts_with("basis: "));
    }
}
