//! Recommendations across the ABI (the core's `affordability::recommend`): an assessment's disposable
//! income shared among non-priority debts (`coll_plan_debt`) within a `coll_plan_policy`
//! (`coll_recommend`), into the `coll_recommendations` handle: a plan per debt, or the fallbacks, each
//! with its reasons.

use std::ffi::c_char;

use collections_core::affordability::{
    recommend, Debt, Fallback, MinimumPayment, PlanPolicy, Recommendation,
};
use rust_decimal::Decimal;

use super::assessment::coll_assessment;
use super::{
    coll_fallback_kind, coll_freeze_interest, coll_minimum_payment_kind, FallbackKind, MinimumKind,
    FALLBACK_KINDS, FREEZES, MINIMUM_KINDS,
};
use crate::debt::{at_item, bad_index, not_taken, text_or_empty, Text};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::{coll_decimal, coll_rounding_mode, rounding_mode_constant, rounding_mode_of};
use crate::ptr;

/// A non-priority debt to plan for. A plain value; its id is read during the call.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_plan_debt {
    /// The debt's reference (UTF-8), not blank, unique in the list.
    pub id: *const c_char,
    /// Bytes in `id`.
    pub id_len: usize,
    /// The balance owed, above zero, in the currency's minor units.
    pub balance: coll_decimal,
    /// The annual interest rate as a fraction, 0 to 10 (0.199 for 19.9%; 0 when interest is already
    /// frozen), charged monthly on the balance.
    pub annual_rate: coll_decimal,
}

/// What a recommendation may propose. Start from `coll_plan_policy_init` (the default) or
/// `coll_plan_policy_irs_streamlined`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_plan_policy {
    /// The longest plan, in months, 1 to `COLL_MAX_TERM_MONTHS`. Default 60.
    pub max_term_months: u32,
    /// The kind of the least payment per debt, a `COLL_MINIMUM_PAYMENT_` constant. Default fixed.
    pub minimum_payment_kind: coll_minimum_payment_kind,
    /// For `COLL_MINIMUM_PAYMENT_FIXED`: the least payment per debt, zero or more (0: no minimum, the
    /// default). Must be 0 for `COLL_MINIMUM_PAYMENT_IRS_STREAMLINED`.
    pub minimum_payment: coll_decimal,
    /// The most of the disposable income the plans may take together, a fraction above 0 and at most 1.
    /// Default 1.
    pub max_share_of_surplus: coll_decimal,
    /// When to ask for interest to be frozen, a `COLL_FREEZE_INTEREST_` constant. Default when the
    /// payment does not cover a month's interest.
    pub freeze_interest: coll_freeze_interest,
    /// The token payment offered when a plan cannot be afforded, zero or more. Default 1.
    pub token_payment: coll_decimal,
    /// The breathing space offered, in days (60 by default, England and Wales' standard breathing
    /// space); 0 offers none.
    pub breathing_space_days: u32,
    /// The forbearance offered, in months (3 by default); 0 offers none.
    pub forbearance_months: u32,
    /// The rounding of monthly interest to the cent, a `COLL_ROUND_` constant. Default half up.
    pub rounding: coll_rounding_mode,
}

/// A proposed plan for one debt. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_plan {
    /// The monthly payment.
    pub payment: coll_decimal,
    /// Months to clear the debt.
    pub term_months: u32,
    /// The last payment (at most `payment`).
    pub final_payment: coll_decimal,
    /// 1 when the creditor is asked to freeze interest, else 0.
    pub freeze_interest: u8,
    /// Everything paid over the plan.
    pub total_paid: coll_decimal,
}

/// The recommendation for one debt. `debt` points into the `coll_recommendations` (valid until it is
/// freed, NUL-terminated); the fallbacks and reasons are read with `coll_recommendations_fallback_at`
/// and `coll_recommendations_reason_at`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_recommendation {
    /// The debt's id.
    pub debt: *const c_char,
    /// Bytes in `debt`.
    pub debt_len: usize,
    /// Its fair share of what is available a month (zero when nothing is).
    pub fair_share: coll_decimal,
    /// 1 when `plan` is set, 0 when the debt cannot be afforded (see the fallbacks).
    pub has_plan: u8,
    /// The plan (all zero when `has_plan` is 0).
    pub plan: coll_plan,
    /// The number of fallbacks (when there is no plan).
    pub n_fallbacks: usize,
    /// The number of reasons, in words.
    pub n_reasons: usize,
}

/// A way forward when a plan cannot be afforded. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_fallback {
    /// A `COLL_FALLBACK_` constant.
    pub kind: coll_fallback_kind,
    /// `COLL_FALLBACK_TOKEN_PAYMENT`: the amount a month; zero otherwise.
    pub amount: coll_decimal,
    /// `COLL_FALLBACK_BREATHING_SPACE`: the days; 0 otherwise.
    pub days: u32,
    /// `COLL_FALLBACK_FORBEARANCE`: the months; 0 otherwise.
    pub months: u32,
}

/// The recommendations of `coll_recommend`, one per debt in the order given. Opaque; freed by
/// `coll_recommendations_free`. It never changes, so threads may share it.
#[allow(non_camel_case_types)]
#[derive(Debug, Clone)]
pub struct coll_recommendations {
    inner: Vec<Recommendation>,
    /// Per recommendation, the debt's id and the reasons.
    text: Vec<(Text, Vec<Text>)>,
}

fn into_handle(inner: Vec<Recommendation>) -> *mut coll_recommendations {
    let text = inner
        .iter()
        .map(|r| {
            (
                Text::new(&r.debt),
                r.reasons.iter().map(|s| Text::new(s)).collect(),
            )
        })
        .collect();
    ptr::into_handle(coll_recommendations { inner, text })
}

fn policy_of(p: &PlanPolicy) -> FfiResult<coll_plan_policy> {
    let (minimum_payment_kind, minimum) = match p.minimum_payment {
        MinimumPayment::Fixed { amount } => (MinimumKind::Fixed, amount),
        MinimumPayment::IrsStreamlined => (MinimumKind::IrsStreamlined, Decimal::ZERO),
        other => {
            return Err(crate::debt::no_constant(
                "minimum_payment",
                &format!("{other:?}"),
                "COLL_MINIMUM_PAYMENT_",
            ))
        }
    };
    Ok(coll_plan_policy {
        max_term_months: p.max_term_months,
        minimum_payment_kind: MINIMUM_KINDS.constant(minimum_payment_kind)?,
        minimum_payment: coll_decimal::from_core(minimum),
        max_share_of_surplus: coll_decimal::from_core(p.max_share_of_surplus),
        freeze_interest: FREEZES.constant(p.freeze_interest)?,
        token_payment: coll_decimal::from_core(p.token_payment),
        breathing_space_days: p.breathing_space_days,
        forbearance_months: p.forbearance_months,
        rounding: rounding_mode_constant(p.rounding),
    })
}

impl coll_plan_policy {
    /// The core policy (checked by `recommend`); conversion errors name the field.
    fn to_core(self) -> FfiResult<PlanPolicy> {
        let minimum = self.minimum_payment.to_core("minimum_payment")?;
        let minimum_payment =
            match MINIMUM_KINDS.core(self.minimum_payment_kind, "minimum_payment_kind")? {
                MinimumKind::Fixed => MinimumPayment::Fixed { amount: minimum },
                MinimumKind::IrsStreamlined if minimum.is_zero() => MinimumPayment::IrsStreamlined,
                MinimumKind::IrsStreamlined => {
                    return Err(not_taken(
                        "minimum_payment",
                        minimum,
                        "COLL_MINIMUM_PAYMENT_IRS_STREAMLINED",
                    ))
                }
            };
        Ok(PlanPolicy {
            max_term_months: self.max_term_months,
            minimum_payment,
            max_share_of_surplus: self.max_share_of_surplus.to_core("max_share_of_surplus")?,
            freeze_interest: FREEZES.core(self.freeze_interest, "freeze_interest")?,
            token_payment: self.token_payment.to_core("token_payment")?,
            breathing_space_days: self.breathing_space_days,
            forbearance_months: self.forbearance_months,
            rounding: rounding_mode_of(self.rounding, "rounding")?,
        })
    }
}

fn fallback_of(f: &Fallback) -> FfiResult<coll_fallback> {
    let (kind, amount, days, months) = match f {
        Fallback::TokenPayment { amount } => (FallbackKind::TokenPayment, *amount, 0, 0),
        Fallback::BreathingSpace { days } => {
            (FallbackKind::BreathingSpace, Decimal::ZERO, *days, 0)
        }
        Fallback::Forbearance { months } => (FallbackKind::Forbearance, Decimal::ZERO, 0, *months),
        other => {
            return Err(crate::debt::no_constant(
                "fallback",
                &format!("{other:?}"),
                "COLL_FALLBACK_",
            ))
        }
    };
    Ok(coll_fallback {
        kind: FALLBACK_KINDS.constant(kind)?,
        amount: coll_decimal::from_core(amount),
        days,
        months,
    })
}

/// The body of the two policy initializers.
///
/// # Safety
/// `out` is NULL or writable.
unsafe fn write_policy(policy: PlanPolicy, out: *mut coll_plan_policy) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(policy_of(&policy)?);
        Ok(())
    })
}

/// Fills `*out` with the core's default policy: at most 60 months, no minimum payment, all of the
/// disposable income, interest frozen when the payment does not cover it, fallbacks of a token payment
/// of 1, 60 days of breathing space and 3 months of forbearance, half-up rounding.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_plan_policy`.
#[no_mangle]
pub unsafe extern "C" fn coll_plan_policy_init(out: *mut coll_plan_policy) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { write_policy(PlanPolicy::default(), out) }
}

/// Fills `*out` with the IRS streamlined installment agreement: at most 72 months, a minimum of the
/// larger of 25 and the balance / 72 (rounded up to the cent), interest never frozen; the other
/// fields as `coll_plan_policy_init`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_plan_policy`.
#[no_mangle]
pub unsafe extern "C" fn coll_plan_policy_irs_streamlined(
    out: *mut coll_plan_policy,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { write_policy(PlanPolicy::irs_streamlined(), out) }
}

/// Proposes a plan per debt from `assessment`: its disposable income (times the policy's share,
/// rounded down to the cent) is shared among the `n_debts` debts pro rata by balance, as
/// `coll_fair_share_new` does; each debt's share is its payment (never more than clears it), accepted
/// when it is at least the policy's minimum, covers the month's interest (or interest is frozen) and
/// clears the debt within the longest term. Otherwise the debt gets the fallbacks (a token payment, a
/// breathing space, forbearance), each recommendation with its reasons. `policy` may be NULL (the
/// defaults of `coll_plan_policy_init`).
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`debts`: none, a blank or repeated id, a balance
/// not above zero or finer than the currency's minor units, an annual rate outside 0 to 10, the value
/// naming the debt; `max_term_months` outside 1 to `COLL_MAX_TERM_MONTHS`; `max_share_of_surplus` not
/// above 0 and at most 1; `token_payment`, `minimum_payment` negative; `minimum_payment` given with
/// `COLL_MINIMUM_PAYMENT_IRS_STREAMLINED`; `minimum_payment_kind`, `freeze_interest`, `rounding`
/// unknown), `COLL_INVALID_DECIMAL` (`debts.balance`, `debts.annual_rate`, a policy field),
/// `COLL_INVALID_UTF8` (`debts.id`) or `COLL_OVERFLOW`. An error about one debt the C side reads names
/// it (`#1`) after the field.
///
/// Ownership: every input is borrowed for the call. On success `*out` is a new handle the caller owns
/// and frees with `coll_recommendations_free`.
///
/// # Safety
/// `assessment` is NULL or a live handle; `debts` is NULL or points to `n_debts` readable debts whose
/// ids are NULL or valid for their lengths; `policy` is NULL or readable; `out` is NULL or points to a
/// writable `coll_recommendations *`.
#[no_mangle]
pub unsafe extern "C" fn coll_recommend(
    assessment: *const coll_assessment,
    debts: *const coll_plan_debt,
    n_debts: usize,
    policy: *const coll_plan_policy,
    out: *mut *mut coll_recommendations,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, debts, policy, out) = unsafe {
            (
                ptr::handle(assessment, "assessment")?,
                ptr::read_slice_or_empty(debts, n_debts, "debts")?,
                ptr::read_optional(policy),
                ptr::out(out, "out")?,
            )
        };
        let debts = debts
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let one = || -> FfiResult<Debt> {
                    // SAFETY: the caller's contract for each id.
                    let id = unsafe { text_or_empty(d.id, d.id_len, "debts.id")? };
                    Ok(Debt::new(id, d.balance.to_core("debts.balance")?)
                        .with_rate(d.annual_rate.to_core("debts.annual_rate")?))
                };
                one().map_err(|f| at_item(f, &format!("#{i}")))
            })
            .collect::<FfiResult<Vec<_>>>()?;
        let policy = match policy {
            Some(p) => p.to_core()?,
            None => PlanPolicy::default(),
        };
        out.write(into_handle(recommend(&a.inner, &debts, &policy)?));
        Ok(())
    })
}

/// Frees recommendations (and the text they lent). NULL is a no-op.
///
/// # Safety
/// `recommendations` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_recommendations_free(recommendations: *mut coll_recommendations) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(recommendations) }
}

/// A copy of the recommendations, freed separately with `coll_recommendations_free`.
///
/// Ownership: on success `*out` is a new handle the caller owns; the copy lends text of its own.
///
/// # Safety
/// `recommendations` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_recommendations *`.
#[no_mangle]
pub unsafe extern "C" fn coll_recommendations_clone(
    recommendations: *const coll_recommendations,
    out: *mut *mut coll_recommendations,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(recommendations, "recommendations", out, |r| {
            Ok(into_handle(r.inner.clone()))
        })
    }
}

/// The number of recommendations: one per debt, in the order given.
///
/// # Safety
/// `recommendations` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_recommendations_count(
    recommendations: *const coll_recommendations,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(recommendations, "recommendations", out, |r| {
            Ok(r.inner.len())
        })
    }
}

/// Recommendation `index` (for the debt at `index`) in `*out`, its debt id lent by the
/// recommendations. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `recommendations` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_recommendation`.
#[no_mangle]
pub unsafe extern "C" fn coll_recommendations_at(
    recommendations: *const coll_recommendations,
    index: usize,
    out: *mut coll_recommendation,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(recommendations, "recommendations", out, |r| {
            let (rec, (id, reasons)) = r
                .inner
                .iter()
                .zip(&r.text)
                .nth(index)
                .ok_or_else(|| bad_index("index", index, r.inner.len()))?;
            let zero = coll_decimal::from_core(Decimal::ZERO);
            let plan = rec.plan.as_ref().map_or(
                coll_plan {
                    payment: zero,
                    term_months: 0,
                    final_payment: zero,
                    freeze_interest: 0,
                    total_paid: zero,
                },
                |p| coll_plan {
                    payment: coll_decimal::from_core(p.payment),
                    term_months: p.term_months,
                    final_payment: coll_decimal::from_core(p.final_payment),
                    freeze_interest: u8::from(p.freeze_interest),
                    total_paid: coll_decimal::from_core(p.total_paid),
                },
            );
            Ok(coll_recommendation {
                debt: id.ptr(),
                debt_len: id.len(),
                fair_share: coll_decimal::from_core(rec.fair_share),
                has_plan: u8::from(rec.plan.is_some()),
                plan,
                n_fallbacks: rec.fallbacks.len(),
                n_reasons: reasons.len(),
            })
        })
    }
}

/// Fallback `fallback` of recommendation `index` in `*out`. Past the end: `COLL_INVALID_ARGUMENT`
/// naming `index` or `fallback`.
///
/// # Safety
/// `recommendations` is NULL or a live handle; `out` is NULL or points to a writable `coll_fallback`.
#[no_mangle]
pub unsafe extern "C" fn coll_recommendations_fallback_at(
    recommendations: *const coll_recommendations,
    index: usize,
    fallback: usize,
    out: *mut coll_fallback,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(recommendations, "recommendations", out, |r| {
            let rec = r
                .inner
                .get(index)
                .ok_or_else(|| bad_index("index", index, r.inner.len()))?;
            let f = rec
                .fallbacks
                .get(fallback)
                .ok_or_else(|| bad_index("fallback", fallback, rec.fallbacks.len()))?;
            fallback_of(f)
        })
    }
}

/// Reason `reason` of recommendation `index` (`"fair share of 150.00 available: ..."`), lent by the
/// recommendations (NUL-terminated) in `*out_reason`, its length in bytes in `*out_len`. Past the end:
/// `COLL_INVALID_ARGUMENT` naming `index` or `reason`.
///
/// # Safety
/// `recommendations` is NULL or a live handle; `out_reason` is NULL or points to a writable
/// `const char *`; `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_recommendations_reason_at(
    recommendations: *const coll_recommendations,
    index: usize,
    reason: usize,
    out_reason: *mut *const c_char,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (r, out_reason, out_len) = unsafe {
            (
                ptr::handle(recommendations, "recommendations")?,
                ptr::out(out_reason, "out_reason")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let (_, reasons) = r
            .text
            .get(index)
            .ok_or_else(|| bad_index("index", index, r.text.len()))?;
        let text = reasons
            .get(reason)
            .ok_or_else(|| bad_index("reason", reason, reasons.len()))?;
        out_reason.write(text.ptr());
        out_len.write(text.len());
        Ok(())
    })
}
