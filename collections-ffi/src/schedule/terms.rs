//! The terms of an amortized schedule across the ABI: `coll_schedule_terms`, `coll_reamortization`, the
//! `COLL_SCHEDULE_KIND_`, `COLL_INTEREST_METHOD_`, `COLL_ODD_FIRST_PERIOD_` and `COLL_HOLIDAY_INTEREST_`
//! constants, and the functions that find a constant by name.
//!
//! The options are built by the core's own constructors (`ScheduleKind::from_parts`,
//! `InterestMethod::from_parts`, the `FromStr` of each option), so a kind refuses data it does not take
//! here exactly as it does in Rust and Python, and every check of the terms is the core's.

use std::ffi::c_char;

use collections_core::schedule::{
    HolidayInterest, InterestMethod, KindParams, OddFirstPeriod, Reamortization, ScheduleKind,
    ScheduleTerms, TermOrPayment, DEFAULT_MAX_ROWS,
};
use collections_core::{DayCount, Error};
use rust_decimal::Decimal;

use crate::calendar::{
    coll_date, coll_day_count, coll_frequency, COLL_DAY_COUNT_ACT_365_FIXED, COLL_FREQUENCY_MONTHLY,
};
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::money::{
    coll_currency, coll_decimal, coll_rounding_mode, rounding_mode_of, COLL_ROUND_HALF_UP,
};
use crate::ptr;

/// The shape of a schedule's payments: one of the `COLL_SCHEDULE_KIND_` constants.
#[allow(non_camel_case_types)]
pub type coll_schedule_kind = u32;

/// Equal payments (an annuity); the last one absorbs the rounding. Takes no kind data.
pub const COLL_SCHEDULE_KIND_LEVEL_PAYMENT: coll_schedule_kind = 0;
/// Equal principal in each payment, plus that row's interest. Takes no kind data.
pub const COLL_SCHEDULE_KIND_LEVEL_PRINCIPAL: coll_schedule_kind = 1;
/// Interest only in every payment, and the whole principal with the last one. Takes no kind data.
pub const COLL_SCHEDULE_KIND_INTEREST_ONLY: coll_schedule_kind = 2;
/// Payments as if amortizing over `amortization_periods` (at least the term), maturing at the term with
/// a balloon.
pub const COLL_SCHEDULE_KIND_BALLOON: coll_schedule_kind = 3;
/// Level payments that step up by `step_percent` percent every `every` paying periods.
pub const COLL_SCHEDULE_KIND_GRADUATED: coll_schedule_kind = 4;
/// The caller's payment for each paying period (`payments`, `n_payments`); the last row pays off what
/// remains.
pub const COLL_SCHEDULE_KIND_CUSTOM: coll_schedule_kind = 5;

/// How each row's interest is computed: one of the `COLL_INTEREST_METHOD_` constants.
#[allow(non_camel_case_types)]
pub type coll_interest_method = u32;

/// The annual rate divided by the periods in a year, on each row's opening balance.
pub const COLL_INTEREST_METHOD_PERIODIC: coll_interest_method = 0;
/// The annual rate times the day count's year fraction between due dates (US simple-interest loans).
pub const COLL_INTEREST_METHOD_DAILY: coll_interest_method = 1;

/// What happens to the interest of an odd first period (from the start date to one regular period
/// before the first due date): one of the `COLL_ODD_FIRST_PERIOD_` constants.
#[allow(non_camel_case_types)]
pub type coll_odd_first_period = u32;

/// Added to (or, for a short period, taken from) the first installment's interest. The default.
pub const COLL_ODD_FIRST_PERIOD_ADD_TO_FIRST_INSTALLMENT: coll_odd_first_period = 0;
/// Added to the principal before the schedule is built.
pub const COLL_ODD_FIRST_PERIOD_CAPITALIZE: coll_odd_first_period = 1;
/// Not charged: the first period counts as a regular one.
pub const COLL_ODD_FIRST_PERIOD_IGNORE: coll_odd_first_period = 2;

/// What a payment holiday does with its interest: one of the `COLL_HOLIDAY_INTEREST_` constants.
#[allow(non_camel_case_types)]
pub type coll_holiday_interest = u32;

/// Added to the balance (it then bears interest). The default.
pub const COLL_HOLIDAY_INTEREST_CAPITALIZE: coll_holiday_interest = 0;
/// Kept apart and paid with the next paying installment.
pub const COLL_HOLIDAY_INTEREST_DEFER: coll_holiday_interest = 1;

/// Everything needed to build an amortized schedule (`coll_schedule_new`). Start from
/// `coll_schedule_terms_init`, which sets every option to its default, then set at least `principal`,
/// `currency`, `annual_rate`, `start_date`, `first_due_date` and the term (`term`, or `has_payment` and
/// `payment`).
///
/// The term or the payment: a schedule has either a number of periods (`term`, payment holidays
/// included, with `has_payment` 0) or a level payment whose number of periods is solved (`has_payment`
/// 1, `payment`, and `term` 0). A term of 0 without a payment gives `COLL_INVALID_ARGUMENT` naming
/// `term`; a non-zero term beside a payment too.
///
/// Kind data: `amortization_periods` belongs to `COLL_SCHEDULE_KIND_BALLOON`, `step_percent` and
/// `every` to `COLL_SCHEDULE_KIND_GRADUATED`, `payments` to `COLL_SCHEDULE_KIND_CUSTOM`. The kind a
/// field belongs to always reads it (so a 0 there is checked as a value: a graduated `every` of 0 is
/// refused). Any other kind refuses it when it is given, that is not zero (`n_payments` not 0 for
/// `payments`), with `COLL_INVALID_ARGUMENT` naming the field, so a mistake is not silently ignored.
///
/// Flags (`end_of_month`, `has_payment`, `has_day_count`, `has_payment_multiple`) are `uint8_t`, 0 or
/// 1; anything else gives `COLL_INVALID_ARGUMENT` naming the flag. Data behind a flag that is 0 is not
/// read. Every error names the field at fault (`principal: ...`, `payment_holidays: ...`); errors inside
/// a day count name it as `stub_day_count.<field>` or `day_count.<field>`.
///
/// Ownership: the struct and the arrays it points to belong to the caller; `coll_schedule_new` copies
/// what it needs, so they may be freed or reused as soon as it returns. A plain value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_schedule_terms {
    /// The amount lent, greater than zero, in `currency`.
    pub principal: coll_decimal,
    /// The currency: every amount of the schedule is rounded to its minor units. No default: set it
    /// with `coll_currency_from_code`.
    pub currency: coll_currency,
    /// The annual nominal rate as a fraction (0.06 for 6%), greater than -1.
    pub annual_rate: coll_decimal,
    /// The disbursement date (interest runs from here).
    pub start_date: coll_date,
    /// The first due date, after `start_date`; later due dates step from it by `frequency`.
    pub first_due_date: coll_date,
    /// How often payments fall due. Default: monthly.
    pub frequency: coll_frequency,
    /// 1 to keep month ends for due dates when `first_due_date` is one; default 0.
    pub end_of_month: u8,
    /// The number of periods (payment holidays included), at least 1 and at most `max_rows`; 0 when
    /// `has_payment` is 1. Default 0: set it (or the payment).
    pub term: u32,
    /// 1 when `payment` fixes the level payment and the term is solved from it; default 0.
    pub has_payment: u8,
    /// The level payment, when `has_payment` is 1 (level-payment schedules only). A payment that never
    /// repays the loan gives `COLL_NO_SOLUTION` naming `payment`, with the minimum payment in the message.
    pub payment: coll_decimal,
    /// The shape of the payments, a `COLL_SCHEDULE_KIND_` constant. Default: level payment.
    pub kind: coll_schedule_kind,
    /// Balloon: the (longer) number of periods the payment is computed over; 0 for other kinds.
    pub amortization_periods: u32,
    /// Graduated: the step in percent (5 for 5%), greater than -100; zero for other kinds.
    pub step_percent: coll_decimal,
    /// Graduated: paying periods between steps, at least 1; 0 for other kinds.
    pub every: u32,
    /// Custom: the payment of each paying period, none negative. NULL when `n_payments` is 0.
    pub payments: *const coll_decimal,
    /// Custom: the number of `payments`, at least 1; 0 for other kinds.
    pub n_payments: usize,
    /// Periodic or daily interest, a `COLL_INTEREST_METHOD_` constant. Default: periodic.
    pub interest_method: coll_interest_method,
    /// 1 when `day_count` is given (daily interest only; daily interest without one uses Actual/365
    /// Fixed); default 0.
    pub has_day_count: u8,
    /// Daily interest: the day count of the year fractions between due dates, when `has_day_count` is 1.
    pub day_count: coll_day_count,
    /// The odd-first-period rule, a `COLL_ODD_FIRST_PERIOD_` constant. Default: add to the first
    /// installment.
    pub odd_first_period: coll_odd_first_period,
    /// The day count of the odd first period's interest under periodic interest. Default: Actual/365
    /// Fixed.
    pub stub_day_count: coll_day_count,
    /// The periods (1-based) with no payment due, each from 1 to the term; the last period must pay.
    /// NULL when `n_payment_holidays` is 0.
    pub payment_holidays: *const u32,
    /// The number of `payment_holidays`; default 0.
    pub n_payment_holidays: usize,
    /// What a payment holiday does with its interest, a `COLL_HOLIDAY_INTEREST_` constant. Default:
    /// capitalize.
    pub holiday_interest: coll_holiday_interest,
    /// How the level payment is rounded to minor units, a `COLL_ROUND_` constant. Default: half up.
    pub payment_rounding: coll_rounding_mode,
    /// How each row's interest is rounded to minor units, a `COLL_ROUND_` constant. Default: half up.
    pub interest_rounding: coll_rounding_mode,
    /// 1 when the payment is rounded to a multiple of `payment_multiple` (with `payment_rounding`);
    /// default 0.
    pub has_payment_multiple: u8,
    /// The multiple (5 for multiples of 5), greater than zero, when `has_payment_multiple` is 1.
    pub payment_multiple: coll_decimal,
    /// The most rows the schedule may have, at least 1; more is `COLL_INVALID_ARGUMENT` naming `term`
    /// (a term beyond it) or `max_rows` (a payment that does not repay within it). Default: 1200.
    pub max_rows: u32,
}

/// Changes for `coll_schedule_reamortize`. Each change applies only when its flag is 1; a struct of
/// zeros (`coll_reamortization changes = {0};`) keeps the rate and re-amortizes over the remaining
/// periods. `has_term` and `has_payment` must not both be 1. The flags are `uint8_t`, 0 or 1. A plain
/// value: copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_reamortization {
    /// 1 to change the annual rate to `annual_rate`.
    pub has_annual_rate: u8,
    /// The new annual rate as a fraction, greater than -1.
    pub annual_rate: coll_decimal,
    /// 1 to change the number of periods from the re-amortized row on to `term`.
    pub has_term: u8,
    /// The new number of periods from `from_row` on, at least 1.
    pub term: u32,
    /// 1 to change to a level payment of `payment` (the term follows from it).
    pub has_payment: u8,
    /// The new level payment, greater than zero.
    pub payment: coll_decimal,
}

impl coll_reamortization {
    /// The changes from C, checked.
    pub(crate) fn to_core(self) -> FfiResult<Reamortization> {
        let annual_rate = if ptr::flag(self.has_annual_rate, "has_annual_rate")? {
            Some(crate::rate::rate(self.annual_rate, "annual_rate")?)
        } else {
            None
        };
        let term = ptr::flag(self.has_term, "has_term")?.then_some(self.term);
        let payment = if ptr::flag(self.has_payment, "has_payment")? {
            Some(self.payment.to_core("payment")?)
        } else {
            None
        };
        Ok(Reamortization {
            annual_rate,
            term,
            payment,
        })
    }
}

const ZERO: coll_decimal = coll_decimal {
    lo: 0,
    hi: 0,
    scale: 0,
};

const NO_DATE: coll_date = coll_date {
    year: 0,
    month: 0,
    day: 0,
};

impl coll_schedule_terms {
    /// The defaults of `coll_schedule_terms_init` (those of the core's `ScheduleTerms::new`).
    fn defaults() -> coll_schedule_terms {
        coll_schedule_terms {
            principal: ZERO,
            currency: coll_currency {
                code: [0; 4],
                minor_units: 0,
            },
            annual_rate: ZERO,
            start_date: NO_DATE,
            first_due_date: NO_DATE,
            frequency: coll_frequency {
                kind: COLL_FREQUENCY_MONTHLY,
                first_day: 0,
                second_day: 0,
            },
            end_of_month: 0,
            term: 0,
            has_payment: 0,
            payment: ZERO,
            kind: COLL_SCHEDULE_KIND_LEVEL_PAYMENT,
            amortization_periods: 0,
            step_percent: ZERO,
            every: 0,
            payments: std::ptr::null(),
            n_payments: 0,
            interest_method: COLL_INTEREST_METHOD_PERIODIC,
            has_day_count: 0,
            day_count: coll_day_count::with_kind(COLL_DAY_COUNT_ACT_365_FIXED),
            odd_first_period: COLL_ODD_FIRST_PERIOD_ADD_TO_FIRST_INSTALLMENT,
            stub_day_count: coll_day_count::with_kind(COLL_DAY_COUNT_ACT_365_FIXED),
            payment_holidays: std::ptr::null(),
            n_payment_holidays: 0,
            holiday_interest: COLL_HOLIDAY_INTEREST_CAPITALIZE,
            payment_rounding: COLL_ROUND_HALF_UP,
            interest_rounding: COLL_ROUND_HALF_UP,
            has_payment_multiple: 0,
            payment_multiple: ZERO,
            max_rows: DEFAULT_MAX_ROWS,
        }
    }

    /// Copies the two arrays the terms point to.
    ///
    /// # Safety
    /// `payments` is NULL or points to `n_payments` readable `coll_decimal`s, and `payment_holidays` is
    /// NULL or points to `n_payment_holidays` readable `uint32_t`s.
    pub(crate) unsafe fn read_arrays(&self) -> FfiResult<(Vec<coll_decimal>, Vec<u32>)> {
        // SAFETY: the caller's contract.
        unsafe {
            Ok((
                ptr::read_slice_or_empty(self.payments, self.n_payments, "payments")?,
                ptr::read_slice_or_empty(
                    self.payment_holidays,
                    self.n_payment_holidays,
                    "payment_holidays",
                )?,
            ))
        }
    }

    /// The core's terms, every field converted and checked; `payments` and `holidays` are the arrays
    /// copied by `read_arrays`. The core's `amortize` checks how the fields fit together.
    pub(crate) fn to_core(
        self,
        payments: Vec<coll_decimal>,
        holidays: Vec<u32>,
    ) -> FfiResult<ScheduleTerms> {
        let mut terms = ScheduleTerms::new(
            self.principal.to_core("principal")?,
            self.currency.to_core("currency")?,
            crate::rate::rate(self.annual_rate, "annual_rate")?,
            self.start_date.to_core("start_date")?,
            self.first_due_date.to_core("first_due_date")?,
            self.frequency.to_core("frequency")?,
            self.term_or_payment()?,
        );
        terms.end_of_month = ptr::flag(self.end_of_month, "end_of_month")?;
        terms.kind = self.schedule_kind(payments)?;
        terms.interest_method = self.interest_method()?;
        terms.odd_first_period = odd_first_period(self.odd_first_period)?;
        terms.stub_day_count = day_count(self.stub_day_count, "stub_day_count")?;
        terms.payment_holidays = holidays;
        terms.holiday_interest = holiday_interest(self.holiday_interest)?;
        terms.payment_rounding = rounding_mode_of(self.payment_rounding, "payment_rounding")?;
        terms.interest_rounding = rounding_mode_of(self.interest_rounding, "interest_rounding")?;
        terms.payment_multiple = if ptr::flag(self.has_payment_multiple, "has_payment_multiple")? {
            Some(self.payment_multiple.to_core("payment_multiple")?)
        } else {
            None
        };
        terms.max_rows = self.max_rows;
        Ok(terms)
    }

    fn term_or_payment(&self) -> FfiResult<TermOrPayment> {
        if !ptr::flag(self.has_payment, "has_payment")? {
            return Ok(TermOrPayment::Term(self.term));
        }
        let payment = self.payment.to_core("payment")?;
        if self.term != 0 {
            return Err(Error::InvalidArgument {
                field: "term",
                value: self.term.to_string(),
                reason: "must be 0 when a payment is given (has_payment 1): give a term or a \
                         payment, not both"
                    .into(),
            }
            .into());
        }
        Ok(TermOrPayment::Payment(payment))
    }

    /// The kind, built by the core from its name and the kind data given (see the struct's docs).
    fn schedule_kind(&self, payments: Vec<coll_decimal>) -> FfiResult<ScheduleKind> {
        let name = kind_name(self.kind)?;
        let step_percent = self.step_percent.to_core("step_percent")?;
        let payments = coll_decimal::list_to_core(payments, "payments")?;
        let owns = |kind: coll_schedule_kind| self.kind == kind;
        let params = KindParams {
            amortization_periods: (owns(COLL_SCHEDULE_KIND_BALLOON)
                || self.amortization_periods != 0)
                .then_some(self.amortization_periods),
            step_percent: (owns(COLL_SCHEDULE_KIND_GRADUATED) || !step_percent.is_zero())
                .then_some(step_percent),
            every: (owns(COLL_SCHEDULE_KIND_GRADUATED) || self.every != 0).then_some(self.every),
            payments: (owns(COLL_SCHEDULE_KIND_CUSTOM) || !payments.is_empty()).then_some(payments),
        };
        Ok(ScheduleKind::from_parts(name, params)?)
    }

    fn interest_method(&self) -> FfiResult<InterestMethod> {
        let name = match self.interest_method {
            COLL_INTEREST_METHOD_PERIODIC => "periodic",
            COLL_INTEREST_METHOD_DAILY => "daily",
            other => {
                return Err(Failure::unknown_value(
                    "interest_method",
                    other,
                    "a COLL_INTEREST_METHOD_ constant, 0 or 1",
                ))
            }
        };
        let day_count = if ptr::flag(self.has_day_count, "has_day_count")? {
            Some(day_count(self.day_count, "day_count")?)
        } else {
            None
        };
        Ok(InterestMethod::from_parts(name, day_count)?)
    }
}

/// A day count inside the terms: its errors name the field as `<field>.<part>` (or `<field>` itself for
/// an unknown kind), so `stub_day_count.reference_start: ...` is told from the interest's day count.
fn day_count(value: coll_day_count, field: &'static str) -> FfiResult<DayCount> {
    value.to_core(field).map_err(|failure| {
        if failure
            .message
            .strip_prefix(field)
            .is_some_and(|rest| rest.starts_with(':'))
        {
            failure
        } else {
            Failure::new(failure.status, format!("{field}.{}", failure.message))
        }
    })
}

/// The core's name of a kind constant.
fn kind_name(kind: coll_schedule_kind) -> FfiResult<&'static str> {
    Ok(match kind {
        COLL_SCHEDULE_KIND_LEVEL_PAYMENT => "level_payment",
        COLL_SCHEDULE_KIND_LEVEL_PRINCIPAL => "level_principal",
        COLL_SCHEDULE_KIND_INTEREST_ONLY => "interest_only",
        COLL_SCHEDULE_KIND_BALLOON => "balloon",
        COLL_SCHEDULE_KIND_GRADUATED => "graduated",
        COLL_SCHEDULE_KIND_CUSTOM => "custom",
        other => {
            return Err(Failure::unknown_value(
                "kind",
                other,
                "a COLL_SCHEDULE_KIND_ constant, 0 to 5",
            ))
        }
    })
}

/// The constant of a core kind name; `None` for a kind the core added after this ABI.
fn kind_constant(name: &str) -> Option<coll_schedule_kind> {
    (COLL_SCHEDULE_KIND_LEVEL_PAYMENT..=COLL_SCHEDULE_KIND_CUSTOM)
        .find(|k| kind_name(*k).is_ok_and(|n| n == name))
}

fn odd_first_period(value: coll_odd_first_period) -> FfiResult<OddFirstPeriod> {
    Ok(match value {
        COLL_ODD_FIRST_PERIOD_ADD_TO_FIRST_INSTALLMENT => OddFirstPeriod::AddToFirstInstallment,
        COLL_ODD_FIRST_PERIOD_CAPITALIZE => OddFirstPeriod::Capitalize,
        COLL_ODD_FIRST_PERIOD_IGNORE => OddFirstPeriod::Ignore,
        other => {
            return Err(Failure::unknown_value(
                "odd_first_period",
                other,
                "a COLL_ODD_FIRST_PERIOD_ constant, 0 to 2",
            ))
        }
    })
}

fn odd_first_period_constant(value: OddFirstPeriod) -> coll_odd_first_period {
    match value {
        OddFirstPeriod::AddToFirstInstallment => COLL_ODD_FIRST_PERIOD_ADD_TO_FIRST_INSTALLMENT,
        OddFirstPeriod::Capitalize => COLL_ODD_FIRST_PERIOD_CAPITALIZE,
        OddFirstPeriod::Ignore => COLL_ODD_FIRST_PERIOD_IGNORE,
    }
}

fn holiday_interest(value: coll_holiday_interest) -> FfiResult<HolidayInterest> {
    Ok(match value {
        COLL_HOLIDAY_INTEREST_CAPITALIZE => HolidayInterest::Capitalize,
        COLL_HOLIDAY_INTEREST_DEFER => HolidayInterest::Defer,
        other => {
            return Err(Failure::unknown_value(
                "holiday_interest",
                other,
                "a COLL_HOLIDAY_INTEREST_ constant, 0 or 1",
            ))
        }
    })
}

fn holiday_interest_constant(value: HolidayInterest) -> coll_holiday_interest {
    match value {
        HolidayInterest::Capitalize => COLL_HOLIDAY_INTEREST_CAPITALIZE,
        HolidayInterest::Defer => COLL_HOLIDAY_INTEREST_DEFER,
    }
}

/// The kind a name stands for. The core builds kinds from a name and their data only, so each form of
/// data is offered in turn; for an unknown name the error is the core's own, naming `kind`.
fn kind_of_name(name: &str) -> Result<ScheduleKind, Error> {
    let refusal = match ScheduleKind::from_parts(name, KindParams::default()) {
        Ok(kind) => return Ok(kind),
        Err(e) => e,
    };
    let with_data = [
        KindParams {
            amortization_periods: Some(1),
            ..KindParams::default()
        },
        KindParams {
            step_percent: Some(Decimal::ZERO),
            every: Some(1),
            ..KindParams::default()
        },
        KindParams {
            payments: Some(Vec::new()),
            ..KindParams::default()
        },
    ];
    with_data
        .into_iter()
        .find_map(|params| ScheduleKind::from_parts(name, params).ok())
        .ok_or(refusal)
}

/// Fills `*out` with the default terms, so that a caller sets only what it needs: a monthly
/// level-payment schedule with periodic interest, the odd first period added to the first installment
/// (its interest by Actual/365 Fixed), no payment holidays (capitalized if there were), payments and
/// interest rounded half up, no payment multiple, at most 1200 rows. Every amount, date and the currency
/// are zero: set `principal`, `currency`, `annual_rate`, `start_date`, `first_due_date` and `term` (or
/// `has_payment` and `payment`) before calling `coll_schedule_new`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_schedule_terms`.
#[no_mangle]
pub unsafe extern "C" fn coll_schedule_terms_init(out: *mut coll_schedule_terms) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_schedule_terms::defaults());
        Ok(())
    })
}

/// The `COLL_SCHEDULE_KIND_` constant named by `name`: `level_payment`, `level_principal`,
/// `interest_only` (also `interest_only_then_balloon`), `balloon`, `graduated` or `custom`; case, `-`,
/// `_` and spaces are not significant. Unknown names give `COLL_INVALID_ARGUMENT` naming `kind`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_schedule_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_schedule_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_schedule_kind,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        let kind = kind_of_name(name)?;
        let constant = kind_constant(kind.name()).ok_or_else(|| -> Failure {
            Error::InvalidArgument {
                field: "kind",
                value: kind.name().to_string(),
                reason: "has no COLL_SCHEDULE_KIND_ constant in this version of the C ABI".into(),
            }
            .into()
        })?;
        out.write(constant);
        Ok(())
    })
}

/// The `COLL_INTEREST_METHOD_` constant named by `name`: `periodic` or `daily` (case, `-`, `_` and
/// spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `interest_method`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_interest_method`.
#[no_mangle]
pub unsafe extern "C" fn coll_interest_method_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_interest_method,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        let method = InterestMethod::from_parts(name, None)?;
        out.write(match method {
            InterestMethod::Periodic => COLL_INTEREST_METHOD_PERIODIC,
            _ => COLL_INTEREST_METHOD_DAILY,
        });
        Ok(())
    })
}

/// The `COLL_ODD_FIRST_PERIOD_` constant named by `name`: `add_to_first_installment`, `capitalize` or
/// `ignore` (case, `-`, `_` and spaces are not significant). Unknown names give
/// `COLL_INVALID_ARGUMENT` naming `odd_first_period`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_odd_first_period`.
#[no_mangle]
pub unsafe extern "C" fn coll_odd_first_period_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_odd_first_period,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        let rule: OddFirstPeriod = name.parse()?;
        out.write(odd_first_period_constant(rule));
        Ok(())
    })
}

/// The `COLL_HOLIDAY_INTEREST_` constant named by `name`: `capitalize` or `defer` (case, `-`, `_` and
/// spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `holiday_interest`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_holiday_interest`.
#[no_mangle]
pub unsafe extern "C" fn coll_holiday_interest_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_holiday_interest,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        let rule: HolidayInterest = name.parse()?;
        out.write(holiday_interest_constant(rule));
        Ok(())
    })
}

#[cfg(test)]
impl coll_schedule_terms {
    /// For the tests: the defaults with 2000 USD lent at 10% on 2026-01-01, 24 monthly payments from
    /// 2026-02-01.
    pub(crate) fn example_loan() -> coll_schedule_terms {
        let date = |month| coll_date {
            year: 2026,
            month,
            day: 1,
        };
        coll_schedule_terms {
            principal: coll_decimal::from_core(Decimal::from(2000)),
            currency: coll_currency::from_core(collections_core::Currency::USD),
            annual_rate: coll_decimal::from_core(Decimal::new(1, 1)),
            start_date: date(1),
            first_due_date: date(2),
            term: 24,
            ..coll_schedule_terms::defaults()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::COLL_INVALID_ARGUMENT;

    #[test]
    fn kind_constants_name_the_core_kinds() {
        for name in ScheduleKind::NAMES {
            let constant = kind_constant(name).unwrap();
            assert_eq!(kind_name(constant).unwrap(), name);
            assert_eq!(kind_of_name(name).unwrap().name(), name);
        }
        assert_eq!(
            kind_of_name("Interest-Only-Then-Balloon").unwrap().name(),
            "interest_only"
        );
        assert_eq!(kind_of_name("annuity").unwrap_err().field(), "kind");
        let failure = kind_name(6).unwrap_err();
        assert_eq!(failure.status, COLL_INVALID_ARGUMENT);
        assert!(failure.message.starts_with("kind: "));
    }

    #[test]
    fn option_constants_round_trip() {
        for rule in OddFirstPeriod::ALL {
            assert_eq!(
                odd_first_period(odd_first_period_constant(rule)).unwrap(),
                rule
            );
        }
        for rule in [HolidayInterest::Capitalize, HolidayInterest::Defer] {
            assert_eq!(
                holiday_interest(holiday_interest_constant(rule)).unwrap(),
                rule
            );
        }
        assert!(odd_first_period(3)
            .unwrap_err()
            .message
            .starts_with("odd_first_period: "));
        assert!(holiday_interest(2)
            .unwrap_err()
            .message
            .starts_with("holiday_interest: "));
    }

    #[test]
    fn init_writes_the_defaults() {
        let mut out = std::mem::MaybeUninit::<coll_schedule_terms>::uninit();
        // SAFETY: a valid out-pointer.
        let status = unsafe { coll_schedule_terms_init(out.as_mut_ptr()) };
        assert_eq!(status, crate::error::COLL_OK);
        // SAFETY: written by the successful call.
        assert_eq!(
            unsafe { out.assume_init() },
            coll_schedule_terms::defaults()
        );
    }

    #[test]
    fn defaults_are_the_cores() {
        let core = coll_schedule_terms::example_loan()
            .to_core(Vec::new(), Vec::new())
            .unwrap();
        let expected = ScheduleTerms::new(
            Decimal::from(2000),
            collections_core::Currency::USD,
            collections_core::Rate::from_fraction(Decimal::new(1, 1)).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
            collections_core::Frequency::Monthly,
            TermOrPayment::Term(24),
        );
        assert_eq!(core, expected);
    }

    #[test]
    fn kind_data_belongs_to_its_kind() {
        let mut c = coll_schedule_terms::defaults();
        c.every = 12;
        let failure = c.schedule_kind(Vec::new()).unwrap_err();
        assert_eq!(failure.status, COLL_INVALID_ARGUMENT);
        assert!(
            failure.message.starts_with("every: "),
            "{}",
            failure.message
        );
        c.kind = COLL_SCHEDULE_KIND_GRADUATED;
        assert_eq!(
            c.schedule_kind(Vec::new()).unwrap(),
            ScheduleKind::Graduated {
                step_percent: Decimal::ZERO,
                every: 12
            }
        );
        let mut c = coll_schedule_terms::defaults();
        c.kind = COLL_SCHEDULE_KIND_CUSTOM;
        assert_eq!(
            c.schedule_kind(Vec::new()).unwrap(),
            ScheduleKind::Custom(Vec::new())
        );
        c.kind = COLL_SCHEDULE_KIND_LEVEL_PAYMENT;
        let failure = c
            .schedule_kind(vec![coll_decimal::from_core(Decimal::ONE)])
            .unwrap_err();
        assert!(failure.message.starts_with("payments: "));
    }

    #[test]
    fn day_count_errors_name_the_field_inside_the_terms() {
        let mut dc = coll_day_count::with_kind(crate::calendar::COLL_DAY_COUNT_ACT_360);
        dc.end_of_month_rule = 2;
        let failure = day_count(dc, "stub_day_count").unwrap_err();
        assert!(
            failure
                .message
                .starts_with("stub_day_count.end_of_month_rule: "),
            "{}",
            failure.message
        );
        dc.kind = 99;
        let failure = day_count(dc, "day_count").unwrap_err();
        assert!(failure.message.starts_with("day_count: "));
    }
}
