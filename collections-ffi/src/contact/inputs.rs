//! The inputs of a decision as handles: the person's `coll_contact_profile` (from JSON), their
//! `coll_contact_history` (from JSON, or built attempt by attempt from `coll_contact_attempt`s) and the
//! `coll_contact_request` (from `coll_contact_request_fields` or JSON).

use std::ffi::c_char;

use collections_core::contact::{
    Attempt, Channel, ContactHistory, ContactProfile, ContactRequest, Direction, Outcome, Purpose,
};

use super::{
    check_member, coll_contact_channel, coll_contact_direction, coll_contact_outcome,
    coll_contact_purpose, coll_contact_text, instant_or_text, json_failure, texts, write_json,
    CHANNELS, DIRECTIONS, OUTCOMES, PURPOSES,
};
use crate::debt::{at_item, text_or_empty};
use crate::error::{boundary, coll_status, FfiResult};
use crate::ptr;

/// Everything known about how and when a person may be contacted: the IANA time zones they may be in,
/// their destinations (phone numbers, email and postal addresses, with line kind, place of employment
/// and who is there), consents, opt-outs, inconvenient times and dates, status flags with effective
/// instants, and debts counted as one. Opaque; made by `coll_contact_profile_from_json`,
/// `coll_contact_profile_new` (then `coll_contact_profile_add_destination` and
/// `coll_contact_profile_add_flag`; consents, opt-outs and inconvenient times come through JSON) or
/// `coll_contact_profile_clone`, freed by `coll_contact_profile_free`. Not to be added to while another
/// thread reads it.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_contact_profile {
    pub(crate) inner: ContactProfile,
}

/// A person's contact history: attempts and contacts in time order. Opaque; made by
/// `coll_contact_history_new` (empty), `coll_contact_history_from_json` or `coll_contact_history_clone`,
/// grown by `coll_contact_history_append`, freed by `coll_contact_history_free`. Not to be appended to
/// while another thread reads it.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_contact_history {
    pub(crate) inner: ContactHistory,
}

/// The question: may this channel be used now to reach this person at this destination about this
/// debt? Opaque; made by `coll_contact_request_new`, `coll_contact_request_from_json` or
/// `coll_contact_request_at`, freed by `coll_contact_request_free`. It never changes.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_contact_request {
    pub(crate) inner: ContactRequest,
}

/// One attempt or contact, for `coll_contact_history_append`. Start from `coll_contact_attempt_init`.
/// The instant is `at` (Unix seconds, UTC) unless `at_text` is set, then RFC 3339 text
/// (`2026-04-08T10:15:00-04:00`). `debts` are the debts it was made about: an unanswered call or a
/// limited-content message counts toward the first only, a conversation or voicemail toward each, and
/// an attempt with none toward every debt. `also_discussed` are debts the person raised in a
/// conversation not placed about them.
///
/// Ownership: a plain value; its text is read during the call that takes it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_contact_attempt {
    /// When, in Unix seconds (used when `at_text` is NULL).
    pub at: i64,
    /// When, as RFC 3339 text (UTF-8), or NULL to use `at`.
    pub at_text: *const c_char,
    /// Bytes in `at_text`.
    pub at_text_len: usize,
    /// A `COLL_CONTACT_CHANNEL_` constant. Default call.
    pub channel: coll_contact_channel,
    /// A `COLL_CONTACT_DIRECTION_` constant. Default outbound.
    pub direction: coll_contact_direction,
    /// A `COLL_CONTACT_OUTCOME_` constant (a call cannot be `sent` or `undeliverable`). Default
    /// no answer.
    pub outcome: coll_contact_outcome,
    /// The number or address (UTF-8), not blank.
    pub destination: *const c_char,
    /// Bytes in `destination`.
    pub destination_len: usize,
    /// The debts it was made about; NULL when `n_debts` is 0.
    pub debts: *const coll_contact_text,
    /// The number of `debts`.
    pub n_debts: usize,
    /// Debts raised in a conversation besides those; NULL when `n_also_discussed` is 0.
    pub also_discussed: *const coll_contact_text,
    /// The number of `also_discussed`.
    pub n_also_discussed: usize,
}

/// What `coll_contact_request_new` makes a request of. Start from `coll_contact_request_fields_init`.
/// The instant is `at` (Unix seconds, UTC) unless `at_text` is set, then RFC 3339 text.
///
/// Ownership: a plain value; its text is read during the call that takes it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_contact_request_fields {
    /// The person's id (UTF-8), not blank; must be the profile's.
    pub person: *const c_char,
    /// Bytes in `person`.
    pub person_len: usize,
    /// The debt's id (UTF-8), not blank.
    pub debt: *const c_char,
    /// Bytes in `debt`.
    pub debt_len: usize,
    /// A `COLL_CONTACT_CHANNEL_` constant. Default call.
    pub channel: coll_contact_channel,
    /// The number or address (UTF-8): one of the profile's destinations, of the channel's kind.
    pub destination: *const c_char,
    /// Bytes in `destination`.
    pub destination_len: usize,
    /// When, in Unix seconds (used when `at_text` is NULL), in the years 1900 to 2200.
    pub at: i64,
    /// When, as RFC 3339 text (UTF-8), or NULL to use `at`.
    pub at_text: *const c_char,
    /// Bytes in `at_text`.
    pub at_text_len: usize,
    /// 1 when an autodialer or an artificial or prerecorded voice is used (the TCPA), else 0.
    pub autodialed: u8,
    /// A `COLL_CONTACT_PURPOSE_` constant. Default collection.
    pub purpose: coll_contact_purpose,
}

/// Fills `*out` with an attempt at `at` 0 with no `at_text`: an outbound call with no answer, no
/// destination (set it) and no debts.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_contact_attempt`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_attempt_init(out: *mut coll_contact_attempt) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_contact_attempt {
            at: 0,
            at_text: std::ptr::null(),
            at_text_len: 0,
            channel: super::COLL_CONTACT_CHANNEL_CALL,
            direction: super::COLL_CONTACT_DIRECTION_OUTBOUND,
            outcome: super::COLL_CONTACT_OUTCOME_NO_ANSWER,
            destination: std::ptr::null(),
            destination_len: 0,
            debts: std::ptr::null(),
            n_debts: 0,
            also_discussed: std::ptr::null(),
            n_also_discussed: 0,
        });
        Ok(())
    })
}

/// Fills `*out` with a request at `at` 0 with no `at_text`: a call, not autodialed, for collection,
/// with no person, debt or destination (set them).
///
/// # Safety
/// `out` is NULL or points to a writable `coll_contact_request_fields`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_request_fields_init(
    out: *mut coll_contact_request_fields,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_contact_request_fields {
            person: std::ptr::null(),
            person_len: 0,
            debt: std::ptr::null(),
            debt_len: 0,
            channel: super::COLL_CONTACT_CHANNEL_CALL,
            destination: std::ptr::null(),
            destination_len: 0,
            at: 0,
            at_text: std::ptr::null(),
            at_text_len: 0,
            autodialed: 0,
            purpose: super::COLL_CONTACT_PURPOSE_COLLECTION,
        });
        Ok(())
    })
}

// ---------------------------------------------------------------- profile

/// A profile from JSON (`len` bytes of UTF-8), the core's form: `{"person", "time_zones": [IANA
/// names], "destinations": [{"address", "medium": "phone" | "email" | "postal", "line"?: "cell" |
/// "landline" | "unknown", "place_of_employment"?, "employer_prohibits_contact"?,
/// "employer_provided_email"?, "party"?}], "prior_consents"?, "tcpa_consents"?, "opt_outs"?,
/// "time_place_consents"?, "inconvenient_times"?, "inconvenient_dates"?, "flags"?: [{"kind", "debt"?,
/// "from", "until"?}], "combined_debts"?}`; instants are RFC 3339 text.
///
/// Fails, naming `profile` and then the core's field where there is one: `COLL_INVALID_ARGUMENT`
/// (`profile: time_zones: ...` for an unknown zone name; `person`, `destinations.address`,
/// `tcpa_consents.destination`, `flags.until`, ...; not JSON or not a profile: the line and column),
/// `COLL_INVALID_DATE` (`profile: ...: not a valid date`); `COLL_INVALID_UTF8` naming `text`.
///
/// Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
/// frees with `coll_contact_profile_free`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_profile *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_profile_from_json(
    text: *const c_char,
    len: usize,
    out: *mut *mut coll_contact_profile,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        let inner: ContactProfile =
            serde_json::from_str(text).map_err(|e| json_failure(&e, "profile"))?;
        out.write(ptr::into_handle(coll_contact_profile { inner }));
        Ok(())
    })
}

/// The profile as JSON (the form `coll_contact_profile_from_json` reads), written into `buf` with a
/// NUL; `*out_len` is its length without the NUL. When `buf_len` is too small:
/// `COLL_BUFFER_TOO_SMALL`, `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be
/// NULL when `buf_len` is 0, to ask for the size.
///
/// # Safety
/// `profile` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
/// is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_profile_to_json(
    profile: *const coll_contact_profile,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let p = unsafe { ptr::handle(profile, "profile")? };
        // SAFETY: the caller's contract.
        unsafe { write_json(serde_json::to_string(&p.inner), buf, buf_len, out_len) }
    })
}

/// A copy of the profile, freed separately with `coll_contact_profile_free`.
///
/// # Safety
/// `profile` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_contact_profile *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_profile_clone(
    profile: *const coll_contact_profile,
    out: *mut *mut coll_contact_profile,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(profile, "profile", out, |p| {
            Ok(ptr::into_handle(coll_contact_profile {
                inner: p.inner.clone(),
            }))
        })
    }
}

/// Frees a profile. NULL is a no-op.
///
/// # Safety
/// `profile` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_profile_free(profile: *mut coll_contact_profile) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(profile) }
}

// ---------------------------------------------------------------- history

/// An empty history.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_contact_history_free`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_contact_history *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_history_new(
    out: *mut *mut coll_contact_history,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(ptr::into_handle(coll_contact_history {
            inner: ContactHistory::empty(),
        }));
        Ok(())
    })
}

/// Checks the enumeration members of a history's attempts by name, so that an unknown one names its
/// field and the attempt (`history: history.outcome: attempt #2: ...`).
fn check_history_names(text: &str) -> FfiResult {
    let Ok(serde_json::Value::Array(items)) = serde_json::from_str::<serde_json::Value>(text)
    else {
        return Ok(()); // serde's own error follows
    };
    for (i, item) in items.iter().enumerate() {
        let label = format!("attempt #{i}");
        check_member::<Channel>(item, "channel", "history", "history.channel", Some(&label))?;
        check_member::<Direction>(
            item,
            "direction",
            "history",
            "history.direction",
            Some(&label),
        )?;
        check_member::<Outcome>(item, "outcome", "history", "history.outcome", Some(&label))?;
    }
    Ok(())
}

/// A history from JSON (`len` bytes of UTF-8), the core's form: a list of attempts `{"at": RFC 3339,
/// "channel", "direction", "outcome", "destination", "debts"?: [ids], "also_discussed"?: [ids]}` in
/// any order (they are sorted by instant).
///
/// Fails, naming `history` and then the core's field: `COLL_INVALID_ARGUMENT` (`history.channel`,
/// `history.direction`, `history.outcome`: an unknown name, naming the attempt, as in `history:
/// history.outcome: attempt #0: ...`; an attempt the core refuses: `history.at`, `history.outcome`,
/// `history.destination`, `history.debts`; not JSON or not a list of attempts: the line and column);
/// `COLL_INVALID_UTF8` naming `text`.
///
/// Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
/// frees with `coll_contact_history_free`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_history *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_history_from_json(
    text: *const c_char,
    len: usize,
    out: *mut *mut coll_contact_history,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        check_history_names(text)?;
        let inner: ContactHistory =
            serde_json::from_str(text).map_err(|e| json_failure(&e, "history"))?;
        out.write(ptr::into_handle(coll_contact_history { inner }));
        Ok(())
    })
}

/// The history as JSON (the form `coll_contact_history_from_json` reads, oldest first), written into
/// `buf` with a NUL; `*out_len` is its length without the NUL. When `buf_len` is too small:
/// `COLL_BUFFER_TOO_SMALL`, `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be
/// NULL when `buf_len` is 0, to ask for the size.
///
/// # Safety
/// `history` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
/// is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_history_to_json(
    history: *const coll_contact_history,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let h = unsafe { ptr::handle(history, "history")? };
        // SAFETY: the caller's contract.
        unsafe { write_json(serde_json::to_string(&h.inner), buf, buf_len, out_len) }
    })
}

impl coll_contact_attempt {
    /// The core attempt; errors name `history.<field>`.
    ///
    /// # Safety
    /// The pointers are NULL or valid for their lengths.
    unsafe fn to_core(self) -> FfiResult<Attempt> {
        // SAFETY: the caller's contract.
        let (at, destination, debts, also) = unsafe {
            (
                instant_or_text(self.at, self.at_text, self.at_text_len, "history.at")?,
                text_or_empty(
                    self.destination,
                    self.destination_len,
                    "history.destination",
                )?,
                texts(self.debts, self.n_debts, "history.debts")?,
                texts(
                    self.also_discussed,
                    self.n_also_discussed,
                    "history.also_discussed",
                )?,
            )
        };
        let attempt = Attempt::new(
            at,
            CHANNELS.core(self.channel, "history.channel")?,
            DIRECTIONS.core(self.direction, "history.direction")?,
            OUTCOMES.core(self.outcome, "history.outcome")?,
            destination,
        )?;
        Ok(attempt.about(debts)?.also_discussed(also)?)
    }
}

/// Adds an attempt to the history (kept in time order). Nothing changes on failure.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`history.channel`, `history.direction`,
/// `history.outcome`: an unknown constant, or a message outcome for a call; `history.destination`:
/// blank; `history.debts`, `history.also_discussed`: a blank id; `history.at`: outside the years 1900
/// to 2200), `COLL_INVALID_DATE` (`history.at`: `at_text` not RFC 3339), `COLL_DATE_OUT_OF_RANGE`
/// (`history.at`), `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT` (a text or array NULL with a length).
///
/// Ownership: `attempt` and its text are borrowed for the call (copied).
///
/// # Safety
/// `history` is NULL or a live handle no other thread uses during the call; `attempt` is NULL or
/// points to a readable `coll_contact_attempt` whose text and arrays are valid for their lengths.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_history_append(
    history: *mut coll_contact_history,
    attempt: *const coll_contact_attempt,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (h, attempt) = unsafe {
            (
                history
                    .as_mut()
                    .ok_or_else(|| crate::error::Failure::null("history"))?,
                ptr::read(attempt, "attempt")?,
            )
        };
        // SAFETY: the caller's contract for the attempt's pointers.
        let attempt = unsafe { attempt.to_core()? };
        let mut attempts = h.inner.attempts().to_vec();
        attempts.push(attempt);
        h.inner = ContactHistory::new(attempts)?;
        Ok(())
    })
}

/// The number of attempts.
///
/// # Safety
/// `history` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_history_count(
    history: *const coll_contact_history,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(history, "history", out, |h| Ok(h.inner.attempts().len())) }
}

/// A copy of the history, freed separately with `coll_contact_history_free`.
///
/// # Safety
/// `history` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_contact_history *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_history_clone(
    history: *const coll_contact_history,
    out: *mut *mut coll_contact_history,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(history, "history", out, |h| {
            Ok(ptr::into_handle(coll_contact_history {
                inner: h.inner.clone(),
            }))
        })
    }
}

/// Frees a history. NULL is a no-op.
///
/// # Safety
/// `history` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_history_free(history: *mut coll_contact_history) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(history) }
}

// ---------------------------------------------------------------- request

/// A request from its fields.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`person`, `debt`: blank; `channel`, `purpose`:
/// an unknown constant; `autodialed`: not 0 or 1; `at`: outside the years 1900 to 2200),
/// `COLL_INVALID_DATE` (`at`: `at_text` not RFC 3339), `COLL_DATE_OUT_OF_RANGE` (`at`),
/// `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT` (a text NULL with a length).
///
/// Ownership: `fields` and its text are borrowed for the call (copied). On success `*out` is a new
/// handle the caller owns and frees with `coll_contact_request_free`.
///
/// # Safety
/// `fields` is NULL or points to a readable `coll_contact_request_fields` whose text is valid for its
/// lengths; `out` is NULL or points to a writable `coll_contact_request *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_request_new(
    fields: *const coll_contact_request_fields,
    out: *mut *mut coll_contact_request,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (f, out) = unsafe { (ptr::read(fields, "fields")?, ptr::out(out, "out")?) };
        // SAFETY: the caller's contract for the fields' pointers.
        let (person, debt, destination, at) = unsafe {
            (
                text_or_empty(f.person, f.person_len, "person")?,
                text_or_empty(f.debt, f.debt_len, "debt")?,
                text_or_empty(f.destination, f.destination_len, "destination")?,
                instant_or_text(f.at, f.at_text, f.at_text_len, "at")?,
            )
        };
        let channel = CHANNELS.core(f.channel, "channel")?;
        let purpose: Purpose = PURPOSES.core(f.purpose, "purpose")?;
        let autodialed = ptr::flag(f.autodialed, "autodialed")?;
        let inner = ContactRequest::new(person, debt, channel, destination, at)?
            .autodialed(autodialed)
            .with_purpose(purpose);
        out.write(ptr::into_handle(coll_contact_request { inner }));
        Ok(())
    })
}

/// A request from JSON (`len` bytes of UTF-8), the core's form: `{"person", "debt", "channel",
/// "destination", "at": RFC 3339, "autodialed"?: false, "purpose"?: "collection"}`.
///
/// Fails, naming `request` and then the core's field: `COLL_INVALID_ARGUMENT` (`request: channel:
/// ...`, `purpose`: an unknown name; `person`, `debt`, `at`: blank, or outside the years 1900 to
/// 2200; not JSON or not a request: the line and column); `COLL_INVALID_UTF8` naming `text`.
///
/// Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
/// frees with `coll_contact_request_free`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_request *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_request_from_json(
    text: *const c_char,
    len: usize,
    out: *mut *mut coll_contact_request,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            check_member::<Channel>(&value, "channel", "request", "channel", None)?;
            check_member::<Purpose>(&value, "purpose", "request", "purpose", None)?;
        }
        let inner: ContactRequest =
            serde_json::from_str(text).map_err(|e| json_failure(&e, "request"))?;
        out.write(ptr::into_handle(coll_contact_request { inner }));
        Ok(())
    })
}

/// The same request at another instant (`at`, Unix seconds): a scheduler asking again.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`at`: outside the years 1900 to 2200),
/// `COLL_DATE_OUT_OF_RANGE` (`at`).
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_contact_request_free`.
///
/// # Safety
/// `request` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_request *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_request_at(
    request: *const coll_contact_request,
    at: i64,
    out: *mut *mut coll_contact_request,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(request, "request", out, |r| {
            let inner = r.inner.at_instant(super::instant(at, "at")?)?;
            Ok(ptr::into_handle(coll_contact_request { inner }))
        })
    }
}

/// The request as JSON (the form `coll_contact_request_from_json` reads), written into `buf` with a
/// NUL; `*out_len` is its length without the NUL. When `buf_len` is too small:
/// `COLL_BUFFER_TOO_SMALL`, `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be
/// NULL when `buf_len` is 0, to ask for the size.
///
/// # Safety
/// `request` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
/// is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_request_to_json(
    request: *const coll_contact_request,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let r = unsafe { ptr::handle(request, "request")? };
        // SAFETY: the caller's contract.
        unsafe { write_json(serde_json::to_string(&r.inner), buf, buf_len, out_len) }
    })
}

/// Frees a request. NULL is a no-op.
///
/// # Safety
/// `request` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_request_free(request: *mut coll_contact_request) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(request) }
}

/// Labels a failure of item `index` of a list (`items.profile: item #3: ...`).
pub(crate) fn item_failure(failure: crate::error::Failure, index: usize) -> crate::error::Failure {
    at_item(failure, &format!("item #{index}"))
}
