//! Repayment plans across the ABI (the core's `plan`): arrangements, tracking them against payments,
//! re-planning, scoring and ranking, the treatment policy, settlements, forecasts and portfolio KPIs.
//! Every rule is the core's; this converts values and maps errors.
//!
//! - this file: the enumerations (promise and arrangement statuses, ranking, forecast periods,
//!   probability kinds, treatment actions, contact outcomes and affordability results), each with
//!   `_from_name` and `_name`, and the small structs shared by the others (`coll_promise`,
//!   `coll_plan_payment`, `coll_probabilities`, `coll_plan_bounds`);
//! - `arrangement`: `coll_plan_terms`, the `coll_arrangement` handle (from promises, from a
//!   `coll_schedule`, JSON), `coll_break_rule`, `coll_plan_track` into the `coll_tracking` handle,
//!   `coll_replan_terms` and `coll_arrangement_replan`;
//! - `score`: `coll_plan_score`, `coll_plan_rank` and `coll_plan_forecast` into the `coll_forecast`
//!   handle;
//! - `treatment`: the `coll_treatment_policy` handle, `coll_account_state` and
//!   `coll_treatment_recommend` into the `coll_treatment` handle;
//! - `settlement`: `coll_settle`, `coll_minimum_settlement`, the `coll_settlement_policy` handle and
//!   `coll_settlement_offers`;
//! - `kpi`: the portfolio KPIs and `coll_roll_rate_matrix` into the `coll_roll_matrix` handle.
//!
//! JSON inputs are the core's serde forms; an error in one names the object first (`arrangement`,
//! `terms`, `break_rule`, `bounds`, `replan`, `policy`, `state`), then the core's field where there is
//! one, as the shared vectors (tests/vectors/plan.json) expect.

mod arrangement;

mod score;

mod treatment;

mod settlement;

mod kpi;

pub use arrangement::*;
pub use kpi::*;
pub use score::*;
pub use settlement::*;
pub use treatment::*;

use std::ffi::c_char;

use collections_core::affordability::MinimumPayment;
use collections_core::plan::{
    Action, Affordability, ArrangementStatus, ContactOutcome, ForecastPeriod, PlanBounds,
    Probabilities, Promise, PromiseStatus, RankBy,
};
use rust_decimal::Decimal;

use crate::affordability::{
    coll_minimum_payment_kind, COLL_MINIMUM_PAYMENT_FIXED, COLL_MINIMUM_PAYMENT_IRS_STREAMLINED,
};
use crate::calendar::coll_date;
use crate::debt::{at_item, CEnum};
use crate::error::{coll_status, Failure, FfiResult};
use crate::money::coll_decimal;
use crate::ptr;

/// A promise to pay `amount` on `date` (a down payment or an installment of an arrangement; also a
/// settlement's installment and a cost of an alternative path). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_promise {
    /// When the payment is promised.
    pub date: coll_date,
    /// How much: above zero, in the currency's minor units.
    pub amount: coll_decimal,
}

impl coll_promise {
    pub(crate) fn to_core(self) -> FfiResult<Promise> {
        Ok(Promise::new(
            self.date.to_core("promises")?,
            self.amount.to_core("promises")?,
        ))
    }

    pub(crate) fn from_core(p: &Promise) -> coll_promise {
        coll_promise {
            date: coll_date::from_core(p.date),
            amount: coll_decimal::from_core(p.amount),
        }
    }
}

/// Promises from C; an error names the promise (`promises: #2: ...`).
pub(crate) fn promises_of(list: &[coll_promise]) -> FfiResult<Vec<Promise>> {
    list.iter()
        .enumerate()
        .map(|(i, p)| p.to_core().map_err(|f| at_item(f, &format!("#{i}"))))
        .collect()
}

/// A payment received: `amount` (above zero) on `date`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_plan_payment {
    /// The day it was received.
    pub date: coll_date,
    /// How much.
    pub amount: coll_decimal,
}

/// The policy bounds a plan must stay within. A plain value; `coll_plan_bounds_init` gives none.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_plan_bounds {
    /// The longest plan, in months from its start to its last promise, 1 to `COLL_MAX_TERM_MONTHS`.
    /// Default `COLL_MAX_TERM_MONTHS`.
    pub max_term_months: u32,
    /// The kind of the least installment, a `COLL_MINIMUM_PAYMENT_` constant. Default fixed.
    pub minimum_installment_kind: coll_minimum_payment_kind,
    /// For `COLL_MINIMUM_PAYMENT_FIXED`: the least installment, zero or more (0: none, the default);
    /// must be 0 for `COLL_MINIMUM_PAYMENT_IRS_STREAMLINED`. The down payment and the last installment
    /// are exempt.
    pub minimum_installment: coll_decimal,
}

impl coll_plan_bounds {
    pub(crate) fn to_core(self) -> FfiResult<PlanBounds> {
        let amount = self.minimum_installment.to_core("minimum_installment")?;
        let minimum = match self.minimum_installment_kind {
            COLL_MINIMUM_PAYMENT_FIXED => MinimumPayment::Fixed { amount },
            COLL_MINIMUM_PAYMENT_IRS_STREAMLINED if amount.is_zero() => {
                MinimumPayment::IrsStreamlined
            }
            COLL_MINIMUM_PAYMENT_IRS_STREAMLINED => {
                return Err(crate::debt::not_taken(
                    "minimum_installment",
                    amount,
                    "COLL_MINIMUM_PAYMENT_IRS_STREAMLINED",
                ))
            }
            other => {
                return Err(Failure::unknown_value(
                    "minimum_installment_kind",
                    other,
                    "a COLL_MINIMUM_PAYMENT_ constant, 0 or 1",
                ))
            }
        };
        Ok(PlanBounds::new(self.max_term_months, minimum)?)
    }

    pub(crate) fn from_core(b: &PlanBounds) -> coll_plan_bounds {
        let (kind, amount) = match b.minimum_installment() {
            MinimumPayment::Fixed { amount } => (COLL_MINIMUM_PAYMENT_FIXED, amount),
            _ => (COLL_MINIMUM_PAYMENT_IRS_STREAMLINED, Decimal::ZERO),
        };
        coll_plan_bounds {
            max_term_months: b.max_term_months(),
            minimum_installment_kind: kind,
            minimum_installment: coll_decimal::from_core(amount),
        }
    }
}

/// Optional bounds from C: NULL is none (the library's own limits).
///
/// # Safety
/// `p` is NULL or readable.
pub(crate) unsafe fn bounds_or_default(p: *const coll_plan_bounds) -> FfiResult<PlanBounds> {
    // SAFETY: the caller's contract.
    match unsafe { ptr::read_optional(p) } {
        Some(b) => b.to_core(),
        None => Ok(PlanBounds::default()),
    }
}

/// Fills `*out` with no bounds: `COLL_MAX_TERM_MONTHS` months and no minimum installment.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_plan_bounds`.
#[no_mangle]
pub unsafe extern "C" fn coll_plan_bounds_init(out: *mut coll_plan_bounds) -> coll_status {
    crate::error::boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_plan_bounds::from_core(&PlanBounds::default()));
        Ok(())
    })
}

/// Bounds from JSON (`len` bytes of UTF-8), the core's form: `{"max_term_months": 24,
/// "minimum_installment": {"type": "fixed", "amount": "25"}}` (or `{"type": "irs_streamlined"}`), into
/// `*out`. Fails naming `bounds` (`bounds: max_term_months: ...`; not JSON: the line and column);
/// `COLL_INVALID_UTF8` naming `text`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_plan_bounds`.
#[no_mangle]
pub unsafe extern "C" fn coll_plan_bounds_from_json(
    text: *const c_char,
    len: usize,
    out: *mut coll_plan_bounds,
) -> coll_status {
    crate::error::boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        let b: PlanBounds = from_json!(text, "bounds")?;
        out.write(coll_plan_bounds::from_core(&b));
        Ok(())
    })
}

/// Reads JSON as the core's type, failures naming `what` (the contact module's convention).
macro_rules! from_json {
    ($text:expr, $what:literal) => {
        serde_json::from_str($text).map_err(|e| crate::contact::json_failure(&e, $what))
    };
}
pub(crate) use from_json;

/// How likely each promise is to be paid: one of the `COLL_PROBABILITIES_` constants.
#[allow(non_camel_case_types)]
pub type coll_probabilities_kind = u32;

/// Every promise is paid (the default).
pub const COLL_PROBABILITIES_CERTAIN: coll_probabilities_kind = 0;
/// A probability per promise, each from 0 to 1 (`coll_probabilities`' `values`).
pub const COLL_PROBABILITIES_PER_INSTALLMENT: coll_probabilities_kind = 1;
/// A constant hazard h (`coll_probabilities`' `hazard`, 0 to 1): promise k (from 1) is paid with
/// probability (1 - h)^k.
pub const COLL_PROBABILITIES_CONSTANT_HAZARD: coll_probabilities_kind = 2;

/// The kinds of the core's `Probabilities` (whose variants carry data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProbabilitiesKind {
    Certain,
    PerInstallment,
    ConstantHazard,
}

pub(crate) const PROBABILITY_KINDS: CEnum<ProbabilitiesKind> = CEnum {
    prefix: "COLL_PROBABILITIES_",
    field: "probabilities",
    constants: &[
        (
            COLL_PROBABILITIES_CERTAIN,
            ProbabilitiesKind::Certain,
            c"certain",
        ),
        (
            COLL_PROBABILITIES_PER_INSTALLMENT,
            ProbabilitiesKind::PerInstallment,
            c"per-installment",
        ),
        (
            COLL_PROBABILITIES_CONSTANT_HAZARD,
            ProbabilitiesKind::ConstantHazard,
            c"constant-hazard",
        ),
    ],
};

/// The probability that each promise of a plan is paid. A plain value; `values` is read during the
/// call that takes it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_probabilities {
    /// A `COLL_PROBABILITIES_` constant.
    pub kind: coll_probabilities_kind,
    /// `COLL_PROBABILITIES_PER_INSTALLMENT`: one probability per promise (the down payment first),
    /// each from 0 to 1; NULL otherwise.
    pub values: *const coll_decimal,
    /// The number of `values` (0 for the other kinds).
    pub n_values: usize,
    /// `COLL_PROBABILITIES_CONSTANT_HAZARD`: the hazard, 0 to 1; zero otherwise.
    pub hazard: coll_decimal,
}

impl coll_probabilities {
    /// The core probabilities (checked against the plan by the call that uses them).
    ///
    /// # Safety
    /// `values` is NULL or valid for `n_values` reads.
    pub(crate) unsafe fn to_core(self) -> FfiResult<Probabilities> {
        let kind = PROBABILITY_KINDS.core(self.kind, "probabilities")?;
        let hazard = self.hazard.to_core("hazard")?;
        if kind != ProbabilitiesKind::PerInstallment && (self.n_values != 0) {
            return Err(crate::debt::not_taken(
                "values",
                self.n_values,
                "this kind of probabilities",
            ));
        }
        if kind != ProbabilitiesKind::ConstantHazard && !hazard.is_zero() {
            return Err(crate::debt::not_taken(
                "hazard",
                hazard,
                "this kind of probabilities",
            ));
        }
        Ok(match kind {
            ProbabilitiesKind::Certain => Probabilities::Certain,
            ProbabilitiesKind::ConstantHazard => Probabilities::ConstantHazard(hazard),
            ProbabilitiesKind::PerInstallment => {
                // SAFETY: the caller's contract.
                let values =
                    unsafe { ptr::read_slice_or_empty(self.values, self.n_values, "values")? };
                Probabilities::PerInstallment(coll_decimal::list_to_core(values, "probabilities")?)
            }
        })
    }
}

/// Optional probabilities: NULL is certain.
///
/// # Safety
/// `p` is NULL or readable, its `values` valid for its count.
pub(crate) unsafe fn probabilities_or_certain(
    p: *const coll_probabilities,
) -> FfiResult<Probabilities> {
    // SAFETY: the caller's contract.
    match unsafe { ptr::read_optional(p) } {
        Some(p) => unsafe { p.to_core() },
        None => Ok(Probabilities::Certain),
    }
}

/// A promise's standing: one of the `COLL_PROMISE_` constants.
#[allow(non_camel_case_types)]
pub type coll_promise_status = u32;

/// Its deadline (date plus grace days) has not passed and it is not yet kept.
pub const COLL_PROMISE_PENDING: coll_promise_status = 0;
/// Paid by its deadline, short by no more than the tolerance.
pub const COLL_PROMISE_KEPT: coll_promise_status = 1;
/// Some money by the deadline, but short by more than the tolerance.
pub const COLL_PROMISE_PARTIALLY_KEPT: coll_promise_status = 2;
/// Nothing by the deadline.
pub const COLL_PROMISE_BROKEN: coll_promise_status = 3;

pub(crate) const PROMISE_STATUSES: CEnum<PromiseStatus> = CEnum {
    prefix: "COLL_PROMISE_",
    field: "promise_status",
    constants: &[
        (COLL_PROMISE_PENDING, PromiseStatus::Pending, c"pending"),
        (COLL_PROMISE_KEPT, PromiseStatus::Kept, c"kept"),
        (
            COLL_PROMISE_PARTIALLY_KEPT,
            PromiseStatus::PartiallyKept,
            c"partially-kept",
        ),
        (COLL_PROMISE_BROKEN, PromiseStatus::Broken, c"broken"),
    ],
};

/// An arrangement's standing: one of the `COLL_ARRANGEMENT_` constants.
#[allow(non_camel_case_types)]
pub type coll_arrangement_status = u32;

/// Running.
pub const COLL_ARRANGEMENT_ACTIVE: coll_arrangement_status = 0;
/// Every promise settled.
pub const COLL_ARRANGEMENT_COMPLETED: coll_arrangement_status = 1;
/// The break rule was met.
pub const COLL_ARRANGEMENT_BROKEN: coll_arrangement_status = 2;
/// Cancelled.
pub const COLL_ARRANGEMENT_CANCELLED: coll_arrangement_status = 3;

pub(crate) const ARRANGEMENT_STATUSES: CEnum<ArrangementStatus> = CEnum {
    prefix: "COLL_ARRANGEMENT_",
    field: "arrangement_status",
    constants: &[
        (
            COLL_ARRANGEMENT_ACTIVE,
            ArrangementStatus::Active,
            c"active",
        ),
        (
            COLL_ARRANGEMENT_COMPLETED,
            ArrangementStatus::Completed,
            c"completed",
        ),
        (
            COLL_ARRANGEMENT_BROKEN,
            ArrangementStatus::Broken,
            c"broken",
        ),
        (
            COLL_ARRANGEMENT_CANCELLED,
            ArrangementStatus::Cancelled,
            c"cancelled",
        ),
    ],
};

/// What plans are ranked by: one of the `COLL_RANK_BY_` constants (best first).
#[allow(non_camel_case_types)]
pub type coll_rank_by = u32;

/// The expected NPV, highest first (the default).
pub const COLL_RANK_BY_EXPECTED_NPV: coll_rank_by = 0;
/// The NPV, highest first.
pub const COLL_RANK_BY_NPV: coll_rank_by = 1;
/// The expected value, highest first.
pub const COLL_RANK_BY_EXPECTED_VALUE: coll_rank_by = 2;
/// The total promised, highest first.
pub const COLL_RANK_BY_TOTAL: coll_rank_by = 3;
/// The duration, shortest first.
pub const COLL_RANK_BY_DURATION: coll_rank_by = 4;
/// The payment-to-income ratio, lowest first (plans without one last).
pub const COLL_RANK_BY_PAYMENT_TO_INCOME: coll_rank_by = 5;

pub(crate) const RANK_BYS: CEnum<RankBy> = CEnum {
    prefix: "COLL_RANK_BY_",
    field: "rank_by",
    constants: &[
        (
            COLL_RANK_BY_EXPECTED_NPV,
            RankBy::ExpectedNpv,
            c"expected-npv",
        ),
        (COLL_RANK_BY_NPV, RankBy::Npv, c"npv"),
        (
            COLL_RANK_BY_EXPECTED_VALUE,
            RankBy::ExpectedValue,
            c"expected-value",
        ),
        (COLL_RANK_BY_TOTAL, RankBy::Total, c"total"),
        (COLL_RANK_BY_DURATION, RankBy::Duration, c"duration"),
        (
            COLL_RANK_BY_PAYMENT_TO_INCOME,
            RankBy::PaymentToIncome,
            c"payment-to-income",
        ),
    ],
};

/// The periods of a forecast: one of the `COLL_FORECAST_` constants.
#[allow(non_camel_case_types)]
pub type coll_forecast_period = u32;

/// Weeks, Monday to Sunday.
pub const COLL_FORECAST_WEEKLY: coll_forecast_period = 0;
/// Calendar months.
pub const COLL_FORECAST_MONTHLY: coll_forecast_period = 1;

pub(crate) const FORECAST_PERIODS: CEnum<ForecastPeriod> = CEnum {
    prefix: "COLL_FORECAST_",
    field: "period",
    constants: &[
        (COLL_FORECAST_WEEKLY, ForecastPeriod::Weekly, c"weekly"),
        (COLL_FORECAST_MONTHLY, ForecastPeriod::Monthly, c"monthly"),
    ],
};

/// The next step for an account: one of the `COLL_ACTION_` constants.
#[allow(non_camel_case_types)]
pub type coll_action = u32;

/// A payment reminder.
pub const COLL_ACTION_REMINDER: coll_action = 0;
/// A collection call.
pub const COLL_ACTION_CALL: coll_action = 1;
/// Offer a repayment plan.
pub const COLL_ACTION_PAYMENT_PLAN_OFFER: coll_action = 2;
/// Offer a settlement.
pub const COLL_ACTION_SETTLEMENT_OFFER: coll_action = 3;
/// The final notice before escalation.
pub const COLL_ACTION_FINAL_NOTICE: coll_action = 4;
/// Bring the account to a supervisor.
pub const COLL_ACTION_ESCALATE_TO_SUPERVISOR: coll_action = 5;
/// Review for legal action.
pub const COLL_ACTION_LEGAL_REVIEW: coll_action = 6;
/// Place with an agency.
pub const COLL_ACTION_AGENCY_PLACEMENT: coll_action = 7;
/// Review for hardship (forbearance).
pub const COLL_ACTION_HARDSHIP_REVIEW: coll_action = 8;
/// Write the balance off.
pub const COLL_ACTION_WRITE_OFF: coll_action = 9;

pub(crate) const ACTIONS: CEnum<Action> = CEnum {
    prefix: "COLL_ACTION_",
    field: "action",
    constants: &[
        (COLL_ACTION_REMINDER, Action::Reminder, c"reminder"),
        (COLL_ACTION_CALL, Action::Call, c"call"),
        (
            COLL_ACTION_PAYMENT_PLAN_OFFER,
            Action::PaymentPlanOffer,
            c"payment-plan-offer",
        ),
        (
            COLL_ACTION_SETTLEMENT_OFFER,
            Action::SettlementOffer,
            c"settlement-offer",
        ),
        (
            COLL_ACTION_FINAL_NOTICE,
            Action::FinalNotice,
            c"final-notice",
        ),
        (
            COLL_ACTION_ESCALATE_TO_SUPERVISOR,
            Action::EscalateToSupervisor,
            c"escalate-to-supervisor",
        ),
        (
            COLL_ACTION_LEGAL_REVIEW,
            Action::LegalReview,
            c"legal-review",
        ),
        (
            COLL_ACTION_AGENCY_PLACEMENT,
            Action::AgencyPlacement,
            c"agency-placement",
        ),
        (
            COLL_ACTION_HARDSHIP_REVIEW,
            Action::HardshipReview,
            c"hardship-review",
        ),
        (COLL_ACTION_WRITE_OFF, Action::WriteOff, c"write-off"),
    ],
};

/// The outcome of the last contact with an account's debtor (the treatment policy's view): one of the
/// `COLL_LAST_CONTACT_` constants.
#[allow(non_camel_case_types)]
pub type coll_last_contact = u32;

/// No contact attempted (the default).
pub const COLL_LAST_CONTACT_NOT_ATTEMPTED: coll_last_contact = 0;
/// Nobody answered.
pub const COLL_LAST_CONTACT_NO_ANSWER: coll_last_contact = 1;
/// A message was left.
pub const COLL_LAST_CONTACT_LEFT_MESSAGE: coll_last_contact = 2;
/// Someone other than the debtor.
pub const COLL_LAST_CONTACT_WRONG_PARTY: coll_last_contact = 3;
/// The debtor was reached.
pub const COLL_LAST_CONTACT_RIGHT_PARTY_CONTACT: coll_last_contact = 4;
/// The debtor promised to pay.
pub const COLL_LAST_CONTACT_PROMISED_TO_PAY: coll_last_contact = 5;
/// The debtor refused to pay.
pub const COLL_LAST_CONTACT_REFUSED_TO_PAY: coll_last_contact = 6;

pub(crate) const LAST_CONTACTS: CEnum<ContactOutcome> = CEnum {
    prefix: "COLL_LAST_CONTACT_",
    field: "last_contact",
    constants: &[
        (
            COLL_LAST_CONTACT_NOT_ATTEMPTED,
            ContactOutcome::NotAttempted,
            c"not-attempted",
        ),
        (
            COLL_LAST_CONTACT_NO_ANSWER,
            ContactOutcome::NoAnswer,
            c"no-answer",
        ),
        (
            COLL_LAST_CONTACT_LEFT_MESSAGE,
            ContactOutcome::LeftMessage,
            c"left-message",
        ),
        (
            COLL_LAST_CONTACT_WRONG_PARTY,
            ContactOutcome::WrongParty,
            c"wrong-party",
        ),
        (
            COLL_LAST_CONTACT_RIGHT_PARTY_CONTACT,
            ContactOutcome::RightPartyContact,
            c"right-party-contact",
        ),
        (
            COLL_LAST_CONTACT_PROMISED_TO_PAY,
            ContactOutcome::PromisedToPay,
            c"promised-to-pay",
        ),
        (
            COLL_LAST_CONTACT_REFUSED_TO_PAY,
            ContactOutcome::RefusedToPay,
            c"refused-to-pay",
        ),
    ],
};

/// What an affordability assessment found (the treatment policy's view): one of the
/// `COLL_AFFORDABILITY_` constants.
#[allow(non_camel_case_types)]
pub type coll_affordability = u32;

/// Not assessed (the default).
pub const COLL_AFFORDABILITY_NOT_ASSESSED: coll_affordability = 0;
/// A surplus to pay from.
pub const COLL_AFFORDABILITY_SURPLUS: coll_affordability = 1;
/// No surplus.
pub const COLL_AFFORDABILITY_DEFICIT: coll_affordability = 2;

pub(crate) const AFFORDABILITIES: CEnum<Affordability> = CEnum {
    prefix: "COLL_AFFORDABILITY_",
    field: "affordability",
    constants: &[
        (
            COLL_AFFORDABILITY_NOT_ASSESSED,
            Affordability::NotAssessed,
            c"not-assessed",
        ),
        (
            COLL_AFFORDABILITY_SURPLUS,
            Affordability::Surplus,
            c"surplus",
        ),
        (
            COLL_AFFORDABILITY_DEFICIT,
            Affordability::Deficit,
            c"deficit",
        ),
    ],
};

/// The `COLL_PROBABILITIES_` constant named by `name`: `certain`, `per-installment` or `constant-hazard` (the core's names; case, `-`, `_` and
/// spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `probabilities`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_probabilities_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_probabilities_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_probabilities_kind,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { PROBABILITY_KINDS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_PROBABILITIES_` constant (`"per-installment"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `probabilities`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_probabilities_kind_name(
    value: coll_probabilities_kind,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { PROBABILITY_KINDS.write_name_call(value, out) }
}

/// The `COLL_PROMISE_` constant named by `name`: `pending`, `kept`, `partially-kept` or `broken` (the core's names; case, `-`, `_` and
/// spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `promise_status`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_promise_status`.
#[no_mangle]
pub unsafe extern "C" fn coll_promise_status_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_promise_status,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { PROMISE_STATUSES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_PROMISE_` constant (`"partially-kept"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `promise_status`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_promise_status_name(
    value: coll_promise_status,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { PROMISE_STATUSES.write_name_call(value, out) }
}

/// The `COLL_ARRANGEMENT_` constant named by `name`: `active`, `completed`, `broken` or `cancelled` (the core's names; case, `-`, `_` and
/// spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `arrangement_status`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_arrangement_status`.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_status_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_arrangement_status,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ARRANGEMENT_STATUSES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_ARRANGEMENT_` constant (`"completed"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `arrangement_status`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_arrangement_status_name(
    value: coll_arrangement_status,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ARRANGEMENT_STATUSES.write_name_call(value, out) }
}

/// The `COLL_RANK_BY_` constant named by `name`: `expected-npv`, `npv`, `expected-value`, `total`, `duration` or `payment-to-income` (the core's names; case, `-`, `_` and
/// spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `rank_by`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_rank_by`.
#[no_mangle]
pub unsafe extern "C" fn coll_rank_by_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_rank_by,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { RANK_BYS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_RANK_BY_` constant (`"expected-npv"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `rank_by`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_rank_by_name(
    value: coll_rank_by,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { RANK_BYS.write_name_call(value, out) }
}

/// The `COLL_FORECAST_` constant named by `name`: `weekly` or `monthly` (the core's names; case, `-`, `_` and
/// spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `period`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_forecast_period`.
#[no_mangle]
pub unsafe extern "C" fn coll_forecast_period_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_forecast_period,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { FORECAST_PERIODS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_FORECAST_` constant (`"monthly"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `period`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_forecast_period_name(
    value: coll_forecast_period,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { FORECAST_PERIODS.write_name_call(value, out) }
}

/// The `COLL_ACTION_` constant named by `name`: `reminder`, `call`, `payment-plan-offer`, `settlement-offer`, `final-notice`, `escalate-to-supervisor`, `legal-review`, `agency-placement`, `hardship-review` or `write-off` (the core's names; case, `-`, `_` and
/// spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `action`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_action`.
#[no_mangle]
pub unsafe extern "C" fn coll_action_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_action,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ACTIONS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_ACTION_` constant (`"hardship-review"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `action`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_action_name(
    value: coll_action,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ACTIONS.write_name_call(value, out) }
}

/// The `COLL_LAST_CONTACT_` constant named by `name`: `not-attempted`, `no-answer`, `left-message`, `wrong-party`, `right-party-contact`, `promised-to-pay` or `refused-to-pay` (the core's names; case, `-`, `_` and
/// spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `last_contact`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_last_contact`.
#[no_mangle]
pub unsafe extern "C" fn coll_last_contact_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_last_contact,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { LAST_CONTACTS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_LAST_CONTACT_` constant (`"promised-to-pay"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `last_contact`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_last_contact_name(
    value: coll_last_contact,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { LAST_CONTACTS.write_name_call(value, out) }
}

/// The `COLL_AFFORDABILITY_` constant named by `name`: `not-assessed`, `surplus` or `deficit` (the core's names; case, `-`, `_` and
/// spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `affordability`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_affordability`.
#[no_mangle]
pub unsafe extern "C" fn coll_affordability_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_affordability,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { AFFORDABILITIES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_AFFORDABILITY_` constant (`"surplus"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `affordability`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_affordability_name(
    value: coll_affordability,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { AFFORDABILITIES.write_name_call(value, out) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_the_cores() {
        PROMISE_STATUSES.check(&PromiseStatus::ALL, PromiseStatus::name);
        ARRANGEMENT_STATUSES.check(&ArrangementStatus::ALL, ArrangementStatus::name);
        RANK_BYS.check(&RankBy::ALL, RankBy::name);
        FORECAST_PERIODS.check(&ForecastPeriod::ALL, ForecastPeriod::name);
        ACTIONS.check(&Action::ALL, Action::name);
        LAST_CONTACTS.check(&ContactOutcome::ALL, ContactOutcome::name);
        AFFORDABILITIES.check(&Affordability::ALL, Affordability::name);
    }

    #[test]
    fn probabilities_kind_names_are_the_serde_tags() {
        // The JSON tags of the core's Probabilities (`{"kind": "per-installment", ...}`).
        let tags = ["certain", "per-installment", "constant-hazard"];
        for ((_, _, name), tag) in PROBABILITY_KINDS.constants.iter().zip(tags) {
            assert_eq!(name.to_str().unwrap(), tag);
        }
    }
}
