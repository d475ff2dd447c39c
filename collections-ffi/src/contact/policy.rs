//! The `coll_contact_policy` handle (the core's `contact::Policy`): the US federal baseline, presets by
//! name, JSON in and out, and its rules with their ids, citations, verification marks and kinds.

use std::ffi::c_char;

use collections_core::contact::Policy;

use super::{coll_contact_text, json_failure, texts, write_json};
use crate::debt::{bad_index, Text};
use crate::error::{boundary, coll_status, FfiResult};
use crate::ptr;

/// A rule's text, kept by the policy for the `coll_contact_rule_info` it lends.
#[derive(Debug)]
struct LentRule {
    id: Text,
    citation: Text,
    mark: Text,
    kind: Text,
}

/// A contact policy: the rules that apply (each with an id, a citation and a verification mark), what
/// to do for a profile with no time zone, and how far ahead the next eligible instant is searched.
/// Opaque; made by `coll_contact_policy_us_federal`, `coll_contact_policy_from_presets`,
/// `coll_contact_policy_from_json` or `coll_contact_policy_clone`, freed by
/// `coll_contact_policy_free`. It never changes, so threads may share it.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_contact_policy {
    pub(crate) inner: Policy,
    rules: Vec<LentRule>,
}

fn handle(inner: Policy) -> *mut coll_contact_policy {
    let rules = inner
        .rules()
        .iter()
        .map(|r| LentRule {
            id: Text::new(r.id()),
            citation: Text::new(r.citation()),
            mark: Text::new(r.mark().map_or("", |m| m.name())),
            kind: Text::new(r.kind().name()),
        })
        .collect();
    ptr::into_handle(coll_contact_policy { inner, rules })
}

/// One rule of a policy, as `coll_contact_policy_rule_at` lends it: every text is owned by the policy
/// (valid until it is freed), NUL-terminated, with its length.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_contact_rule_info {
    /// The rule's id (`reg_f.time_of_day`, `ma.calls_personal_numbers`, ...), unique in the policy.
    pub id: *const c_char,
    /// Bytes in `id`.
    pub id_len: usize,
    /// The citation of its source (`12 CFR 1006.14(b)(2)(i)`, `creditor policy`).
    pub citation: *const c_char,
    /// Bytes in `citation`.
    pub citation_len: usize,
    /// Its verification mark: `V` (primary text read), `S` (secondary source only), `?` (not
    /// verified), or empty for the creditor's own rules. Rules marked `S` or `?` must be checked
    /// before production use.
    pub mark: *const c_char,
    /// Bytes in `mark`.
    pub mark_len: usize,
    /// What it checks, as in JSON (`time_of_day`, `call_frequency`, `attempt_cap`, `cease`, ...).
    pub kind: *const c_char,
    /// Bytes in `kind`.
    pub kind_len: usize,
}

/// The US federal baseline: Regulation F (time of day at every candidate zone, inconvenient times, the
/// seven-in-seven and post-conversation call frequencies, attorney, cease, place of employment,
/// opt-outs, dispute hold), the TCPA's autodialer consent and the status holds (bankruptcy, deceased).
/// A profile with no time zone is blocked; the next eligible instant is searched 400 days ahead.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_contact_policy_free`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_contact_policy *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_policy_us_federal(
    out: *mut *mut coll_contact_policy,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(handle(Policy::us_federal()));
        Ok(())
    })
}

/// The rules of the named presets, in order: `regulation_f`, `tcpa`, `status_holds`,
/// `massachusetts`, `washington`, `new_york_city`, `florida`, `united_kingdom` (case, `-`, `_` and
/// spaces not significant). A profile with no time zone is blocked.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`presets`: an unknown name, or none; `rules.id`:
/// a preset named twice; `rules`: time-of-day windows that leave no time on a channel),
/// `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT` (`names`: the array NULL with a count, or a name NULL
/// with a length; the message names the item, `names: #1: ...`).
///
/// Ownership: the names are borrowed for the call. On success `*out` is a new handle the caller owns
/// and frees with `coll_contact_policy_free`.
///
/// # Safety
/// `names` is NULL or points to `n_names` readable `coll_contact_text`s, each valid for its length;
/// `out` is NULL or points to a writable `coll_contact_policy *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_policy_from_presets(
    names: *const coll_contact_text,
    n_names: usize,
    out: *mut *mut coll_contact_policy,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (names, out) = unsafe { (texts(names, n_names, "names")?, ptr::out(out, "out")?) };
        if names.is_empty() {
            return Err(collections_core::Error::InvalidArgument {
                field: "presets",
                value: "[]".into(),
                reason: "name at least one preset".into(),
            }
            .into());
        }
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        out.write(handle(Policy::from_presets(&names)?));
        Ok(())
    })
}

/// A policy from JSON (`len` bytes of UTF-8), the core's form: `{"presets": [names], "rules": [rules],
/// "disable": [rule ids], "missing_time_zone": "block" | {"assume": "America/New_York"},
/// "search_days": 400}`, every member optional but some rule required; a rule is `{"id", "citation"?,
/// "mark"?, "effective_from"?, "kind", ...settings}` (`coll_contact_policy_to_json` writes the rules
/// out in full).
///
/// Fails, naming `policy` and then the core's field: `COLL_INVALID_ARGUMENT` (`policy: presets: ...`
/// for an unknown preset; `disable`, `rules`, `rules.id`, `rules.end`, `time_zones` (an assumed zone),
/// `search_days`, ...; not JSON or not a policy: the line and column); `COLL_INVALID_UTF8` naming
/// `text`.
///
/// Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
/// frees with `coll_contact_policy_free`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_policy *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_policy_from_json(
    text: *const c_char,
    len: usize,
    out: *mut *mut coll_contact_policy,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        let policy: Policy = serde_json::from_str(text).map_err(|e| json_failure(&e, "policy"))?;
        out.write(handle(policy));
        Ok(())
    })
}

/// The policy as JSON (every rule in full, the form `coll_contact_policy_from_json` reads), written
/// into `buf` with a NUL; `*out_len` is its length without the NUL. When `buf_len` is too small:
/// `COLL_BUFFER_TOO_SMALL`, `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be
/// NULL when `buf_len` is 0, to ask for the size.
///
/// # Safety
/// `policy` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
/// is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_policy_to_json(
    policy: *const coll_contact_policy,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let p = unsafe { ptr::handle(policy, "policy")? };
        // SAFETY: the caller's contract.
        unsafe {
            write_json(
                serde_json::to_string_pretty(&p.inner),
                buf,
                buf_len,
                out_len,
            )
        }
    })
}

/// A copy of the policy, freed separately with `coll_contact_policy_free`.
///
/// # Safety
/// `policy` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_policy *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_policy_clone(
    policy: *const coll_contact_policy,
    out: *mut *mut coll_contact_policy,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(policy, "policy", out, |p| Ok(handle(p.inner.clone()))) }
}

/// Frees a policy (and the text it lent). NULL is a no-op.
///
/// # Safety
/// `policy` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_policy_free(policy: *mut coll_contact_policy) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(policy) }
}

/// The number of rules.
///
/// # Safety
/// `policy` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_policy_rule_count(
    policy: *const coll_contact_policy,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(policy, "policy", out, |p| Ok(p.rules.len())) }
}

/// Rule `index` (in the policy's order) in `*out`, its text lent by the policy. Past the end:
/// `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `policy` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_rule_info`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_policy_rule_at(
    policy: *const coll_contact_policy,
    index: usize,
    out: *mut coll_contact_rule_info,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(policy, "policy", out, |p| -> FfiResult<_> {
            let r = p
                .rules
                .get(index)
                .ok_or_else(|| bad_index("index", index, p.rules.len()))?;
            Ok(coll_contact_rule_info {
                id: r.id.ptr(),
                id_len: r.id.len(),
                citation: r.citation.ptr(),
                citation_len: r.citation.len(),
                mark: r.mark.ptr(),
                mark_len: r.mark.len(),
                kind: r.kind.ptr(),
                kind_len: r.kind.len(),
            })
        })
    }
}
