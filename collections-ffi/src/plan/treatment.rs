//! The treatment policy across the ABI: the `coll_treatment_policy` handle (the standard policy, JSON,
//! its rules), `coll_account_state` and `coll_treatment_recommend` into the `coll_treatment` handle.

use std::ffi::c_char;

use collections_core::plan::{AccountState, Recommendation, TreatmentPolicy};

use super::{
    coll_action, coll_affordability, coll_last_contact, from_json, ACTIONS, AFFORDABILITIES,
    LAST_CONTACTS,
};
use crate::contact::write_json;
use crate::debt::{bad_index, Text};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::coll_decimal;
use crate::ptr;

/// Rules, as data, from an account's state to the next action, tried in order (the first whose every
/// condition holds fires). Opaque; made by `coll_treatment_policy_standard`,
/// `coll_treatment_policy_from_json` or `coll_treatment_policy_clone`, freed by
/// `coll_treatment_policy_free`. It never changes.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_treatment_policy {
    inner: TreatmentPolicy,
    /// Each rule's name and reason, lent to C.
    texts: Vec<(Text, Text)>,
}

fn policy_handle(inner: TreatmentPolicy) -> *mut coll_treatment_policy {
    let texts = inner
        .rules()
        .iter()
        .map(|r| (Text::new(&r.name), Text::new(&r.reason)))
        .collect();
    ptr::into_handle(coll_treatment_policy { inner, texts })
}

/// A rule of a policy (its conditions are in the policy's JSON). `name` and `reason` point into the
/// policy (valid until it is freed, NUL-terminated). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_treatment_rule {
    /// The rule's name.
    pub name: *const c_char,
    /// Bytes in `name`.
    pub name_len: usize,
    /// The action it recommends, a `COLL_ACTION_` constant.
    pub action: coll_action,
    /// Why, in words.
    pub reason: *const c_char,
    /// Bytes in `reason`.
    pub reason_len: usize,
}

/// The standard policy (a starting point, not advice): a dispute is verified first (FDCPA 809(b)),
/// hardship is reviewed (FCA CONC 7.3.4), then small-balance write-off, legal review, agency
/// placement, the unwilling and the unable, settlement, final notice, plan offer, call, reminder.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_treatment_policy_free`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_treatment_policy *`.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_policy_standard(
    out: *mut *mut coll_treatment_policy,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(policy_handle(TreatmentPolicy::standard()));
        Ok(())
    })
}

/// A policy from JSON (`len` bytes of UTF-8), the core's form: `{"rules": [{"name", "when":
/// {"min_days_past_due"?, "max_days_past_due"?, "min_balance"?, "max_balance"?,
/// "min_broken_promises"?, "min_failed_contact_attempts"?, "last_contact"?: [...], "affordability"?:
/// [...], "disputed"?, "hardship"?, "active_plan"?}, "action", "reason"}]}`. Fails naming `policy`
/// (`policy: name: ...`; not JSON: the line and column); `COLL_INVALID_UTF8` naming `text`.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_treatment_policy_free`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_treatment_policy *`.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_policy_from_json(
    text: *const c_char,
    len: usize,
    out: *mut *mut coll_treatment_policy,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        out.write(policy_handle(from_json!(text, "policy")?));
        Ok(())
    })
}

/// The policy as JSON (the form `coll_treatment_policy_from_json` reads), written into `buf` with a
/// NUL as `coll_arrangement_to_json` writes.
///
/// # Safety
/// `policy` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
/// is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_policy_to_json(
    policy: *const coll_treatment_policy,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let p = unsafe { ptr::handle(policy, "policy")? };
        // SAFETY: the caller's contract.
        unsafe { write_json(serde_json::to_string(&p.inner), buf, buf_len, out_len) }
    })
}

/// The number of rules, in `*out`.
///
/// # Safety
/// `policy` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_policy_rule_count(
    policy: *const coll_treatment_policy,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(policy, "policy", out, |p| Ok(p.inner.rules().len())) }
}

/// Rule `index` (in the order they are tried), in `*out`. An index past the end gives
/// `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `policy` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_policy_rule_at(
    policy: *const coll_treatment_policy,
    index: usize,
    out: *mut coll_treatment_rule,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(policy, "policy", out, |p| {
            let rules = p.inner.rules();
            let (rule, (name, reason)) = rules
                .get(index)
                .zip(p.texts.get(index))
                .ok_or_else(|| bad_index("index", index, rules.len()))?;
            Ok(coll_treatment_rule {
                name: name.ptr(),
                name_len: name.len(),
                action: ACTIONS.constant(rule.action)?,
                reason: reason.ptr(),
                reason_len: reason.len(),
            })
        })
    }
}

/// A copy of the policy, freed separately with `coll_treatment_policy_free`.
///
/// # Safety
/// `policy` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_treatment_policy *`.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_policy_clone(
    policy: *const coll_treatment_policy,
    out: *mut *mut coll_treatment_policy,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(policy, "policy", out, |p| {
            Ok(policy_handle(p.inner.clone()))
        })
    }
}

/// Frees a policy. NULL is a no-op.
///
/// # Safety
/// `policy` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_policy_free(policy: *mut coll_treatment_policy) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(policy) }
}

/// What is known of an account when choosing the next action. Start from `coll_account_state_init`
/// or `coll_account_state_from_json`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_account_state {
    /// Days past due.
    pub days_past_due: u32,
    /// The balance owed.
    pub balance: coll_decimal,
    /// Promises broken so far.
    pub broken_promises: u32,
    /// Contact attempts that reached nobody, in a row.
    pub failed_contact_attempts: u32,
    /// The last contact's outcome, a `COLL_LAST_CONTACT_` constant. Default not attempted.
    pub last_contact: coll_last_contact,
    /// What an assessment found, a `COLL_AFFORDABILITY_` constant. Default not assessed.
    pub affordability: coll_affordability,
    /// 1 when the debt is disputed.
    pub disputed: u8,
    /// 1 when the debtor reported financial difficulty.
    pub hardship: u8,
    /// 1 when a repayment plan is running.
    pub active_plan: u8,
}

impl coll_account_state {
    fn to_core(self) -> FfiResult<AccountState> {
        Ok(AccountState {
            days_past_due: self.days_past_due,
            balance: self.balance.to_core("balance")?,
            broken_promises: self.broken_promises,
            failed_contact_attempts: self.failed_contact_attempts,
            last_contact: LAST_CONTACTS.core(self.last_contact, "last_contact")?,
            affordability: AFFORDABILITIES.core(self.affordability, "affordability")?,
            disputed: ptr::flag(self.disputed, "disputed")?,
            hardship: ptr::flag(self.hardship, "hardship")?,
            active_plan: ptr::flag(self.active_plan, "active_plan")?,
        })
    }

    fn from_core(s: &AccountState) -> FfiResult<coll_account_state> {
        Ok(coll_account_state {
            days_past_due: s.days_past_due,
            balance: coll_decimal::from_core(s.balance),
            broken_promises: s.broken_promises,
            failed_contact_attempts: s.failed_contact_attempts,
            last_contact: LAST_CONTACTS.constant(s.last_contact)?,
            affordability: AFFORDABILITIES.constant(s.affordability)?,
            disputed: u8::from(s.disputed),
            hardship: u8::from(s.hardship),
            active_plan: u8::from(s.active_plan),
        })
    }
}

/// Fills `*out` with an account current and clear: 0 days past due, balance 0, nothing broken or
/// failed, no contact attempted, not assessed, not disputed, no hardship, no plan.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_account_state`.
#[no_mangle]
pub unsafe extern "C" fn coll_account_state_init(out: *mut coll_account_state) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_account_state::from_core(&AccountState::default())?);
        Ok(())
    })
}

/// An account state from JSON (`len` bytes of UTF-8), the core's form: `{"days_past_due", "balance",
/// "broken_promises", "failed_contact_attempts", "last_contact": "promised-to-pay", "affordability":
/// "surplus", "disputed", "hardship", "active_plan"}`, into `*out`. Fails naming `state`;
/// `COLL_INVALID_UTF8` naming `text`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_account_state`.
#[no_mangle]
pub unsafe extern "C" fn coll_account_state_from_json(
    text: *const c_char,
    len: usize,
    out: *mut coll_account_state,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        let state: AccountState = from_json!(text, "state")?;
        out.write(coll_account_state::from_core(&state)?);
        Ok(())
    })
}

/// What a policy recommends for an account: the action, the rule that fired, why and the facts that
/// held; or that no rule fired. Opaque; made by `coll_treatment_recommend`, freed by
/// `coll_treatment_free`. It never changes.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_treatment {
    inner: Option<Recommendation>,
    rule: Text,
    reason: Text,
    facts: Vec<Text>,
}

/// A recommendation's figures: `rule` and `reason` point into the `coll_treatment` (valid until it is
/// freed, NUL-terminated). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_treatment_result {
    /// 1 when a rule fired; 0 when none did (then the rest is empty: action 0, no text, no facts).
    pub fired: u8,
    /// The action, a `COLL_ACTION_` constant.
    pub action: coll_action,
    /// The rule's name.
    pub rule: *const c_char,
    /// Bytes in `rule`.
    pub rule_len: usize,
    /// The rule's reason.
    pub reason: *const c_char,
    /// Bytes in `reason`.
    pub reason_len: usize,
    /// The number of facts (`coll_treatment_fact_at`): each condition that held, in words.
    pub n_facts: usize,
}

/// The first rule of `policy` whose every condition holds for `state`, into `*out` (a handle even when
/// no rule fires: see `coll_treatment_result`'s `fired`). Fails naming a field of `state` (an unknown
/// constant, a flag not 0 or 1, `COLL_INVALID_DECIMAL` naming `balance`).
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with `coll_treatment_free`.
///
/// # Safety
/// `policy` is NULL or a live handle; `state` is NULL or readable; `out` is NULL or points to a
/// writable `coll_treatment *`.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_recommend(
    policy: *const coll_treatment_policy,
    state: *const coll_account_state,
    out: *mut *mut coll_treatment,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (p, state, out) = unsafe {
            (
                ptr::handle(policy, "policy")?,
                ptr::read(state, "state")?.to_core()?,
                ptr::out(out, "out")?,
            )
        };
        let inner = p.inner.recommend(&state);
        let (rule, reason, facts) = match &inner {
            Some(r) => (
                Text::new(&r.rule),
                Text::new(&r.reason),
                r.facts.iter().map(|f| Text::new(f)).collect(),
            ),
            None => (Text::new(""), Text::new(""), Vec::new()),
        };
        out.write(ptr::into_handle(coll_treatment {
            inner,
            rule,
            reason,
            facts,
        }));
        Ok(())
    })
}

/// The recommendation, in `*out`.
///
/// # Safety
/// `treatment` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_get_result(
    treatment: *const coll_treatment,
    out: *mut coll_treatment_result,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(treatment, "treatment", out, |t| {
            let action = match &t.inner {
                Some(r) => ACTIONS.constant(r.action)?,
                None => 0,
            };
            Ok(coll_treatment_result {
                fired: u8::from(t.inner.is_some()),
                action,
                rule: t.rule.ptr(),
                rule_len: t.rule.len(),
                reason: t.reason.ptr(),
                reason_len: t.reason.len(),
                n_facts: t.facts.len(),
            })
        })
    }
}

/// Fact `index` (`"120 days past due >= 90"`): `*out` points into the handle (valid until it is freed,
/// NUL-terminated) and `*out_len` is its length in bytes. An index past the end gives
/// `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `treatment` is NULL or a live handle; `out` and `out_len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_fact_at(
    treatment: *const coll_treatment,
    index: usize,
    out: *mut *const c_char,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (t, out, out_len) = unsafe {
            (
                ptr::handle(treatment, "treatment")?,
                ptr::out(out, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let fact = t
            .facts
            .get(index)
            .ok_or_else(|| bad_index("index", index, t.facts.len()))?;
        out.write(fact.ptr());
        out_len.write(fact.len());
        Ok(())
    })
}

/// Frees a recommendation. NULL is a no-op.
///
/// # Safety
/// `treatment` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_treatment_free(treatment: *mut coll_treatment) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(treatment) }
}
