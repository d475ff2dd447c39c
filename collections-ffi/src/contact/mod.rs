//! Contact rules across the ABI (the core's `contact`): may we contact this person now, on this
//! channel, about this debt, and if not, when? Every rule is the core's; this converts values and maps
//! errors.
//!
//! - this file: the enumerations (channels, directions, outcomes, status flag kinds, purposes), each
//!   with `_from_name` and `_name`; `coll_contact_text` (a borrowed string in an array); instants as
//!   Unix seconds and their RFC 3339 text (`coll_instant_from_rfc3339`, `coll_instant_to_rfc3339`);
//! - `policy`: the `coll_contact_policy` handle (presets by name, JSON, its rules);
//! - `inputs`: the `coll_contact_profile`, `coll_contact_history` (with `coll_contact_attempt`s) and
//!   `coll_contact_request` handles, from JSON or from structs;
//! - `profile`: a profile built natively: zones, destinations (medium, phone line and party by
//!   name), status flags;
//! - `decision`: `coll_contact_evaluate` into the `coll_contact_decision` handle (reasons, warnings,
//!   next eligible instant, JSON), `coll_contact_next_eligible`, `coll_contact_eligible_windows` into
//!   the `coll_contact_windows` handle and `coll_contact_evaluate_batch` into the `coll_contact_batch`
//!   handle.
//!
//! JSON inputs are the core's serde forms. An error in one names the object first (`profile`,
//! `history`, `request`, `policy`, as the shared vectors do), then the core's field where there is one:
//! `profile: time_zones: unknown IANA time zone name ...`, `history: history.outcome: attempt #2: ...`;
//! JSON that is no such object at all gives the line and column (`policy: not a valid policy in
//! JSON: ...`).

// In the order the header presents them: the policy, the inputs, the decisions.
mod policy;

mod inputs;

mod profile;

mod decision;

pub use decision::*;
pub use inputs::*;
pub use policy::*;
pub use profile::*;

use std::ffi::c_char;

use chrono::{DateTime, SecondsFormat, Utc};
use collections_core::contact::{Channel, Direction, FlagKind, Outcome, Purpose};
use collections_core::Error;

use crate::debt::{at_item, CEnum};
use crate::error::{
    boundary, coll_status, Failure, FfiResult, COLL_DATE_OUT_OF_RANGE, COLL_INVALID_ARGUMENT,
    COLL_INVALID_DATE,
};
use crate::money::write_text;
use crate::ptr;

/// A borrowed piece of UTF-8 text in an array (preset names, debt ids): `len` bytes at `ptr`, no NUL
/// needed. A plain value; the text is read during the call that takes it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_contact_text {
    /// The bytes (NULL only with `len` 0, for the empty string).
    pub ptr: *const c_char,
    /// Their number.
    pub len: usize,
}

/// How a contact is made: one of the `COLL_CONTACT_CHANNEL_` constants.
#[allow(non_camel_case_types)]
pub type coll_contact_channel = u32;

/// A telephone call.
pub const COLL_CONTACT_CHANNEL_CALL: coll_contact_channel = 0;
/// A voicemail left without the phone ringing (a telephone call for §1006.14(b), comment 14(b)-1).
pub const COLL_CONTACT_CHANNEL_RINGLESS_VOICEMAIL: coll_contact_channel = 1;
/// A text message (SMS).
pub const COLL_CONTACT_CHANNEL_TEXT: coll_contact_channel = 2;
/// An email.
pub const COLL_CONTACT_CHANNEL_EMAIL: coll_contact_channel = 3;
/// A letter.
pub const COLL_CONTACT_CHANNEL_LETTER: coll_contact_channel = 4;
/// A visit in person.
pub const COLL_CONTACT_CHANNEL_VISIT: coll_contact_channel = 5;

pub(crate) const CHANNELS: CEnum<Channel> = CEnum {
    prefix: "COLL_CONTACT_CHANNEL_",
    field: "channel",
    constants: &[
        (COLL_CONTACT_CHANNEL_CALL, Channel::Call, c"call"),
        (
            COLL_CONTACT_CHANNEL_RINGLESS_VOICEMAIL,
            Channel::RinglessVoicemail,
            c"ringless_voicemail",
        ),
        (COLL_CONTACT_CHANNEL_TEXT, Channel::Text, c"text"),
        (COLL_CONTACT_CHANNEL_EMAIL, Channel::Email, c"email"),
        (COLL_CONTACT_CHANNEL_LETTER, Channel::Letter, c"letter"),
        (COLL_CONTACT_CHANNEL_VISIT, Channel::Visit, c"visit"),
    ],
};

/// Who started a contact: one of the `COLL_CONTACT_DIRECTION_` constants.
#[allow(non_camel_case_types)]
pub type coll_contact_direction = u32;

/// Placed or sent by the collector.
pub const COLL_CONTACT_DIRECTION_OUTBOUND: coll_contact_direction = 0;
/// Initiated by the person (they called, texted or wrote).
pub const COLL_CONTACT_DIRECTION_INBOUND: coll_contact_direction = 1;

pub(crate) const DIRECTIONS: CEnum<Direction> = CEnum {
    prefix: "COLL_CONTACT_DIRECTION_",
    field: "direction",
    constants: &[
        (
            COLL_CONTACT_DIRECTION_OUTBOUND,
            Direction::Outbound,
            c"outbound",
        ),
        (
            COLL_CONTACT_DIRECTION_INBOUND,
            Direction::Inbound,
            c"inbound",
        ),
    ],
};

/// What came of an attempt: one of the `COLL_CONTACT_OUTCOME_` constants. For calls, "connected"
/// follows comment 14(b)(3)(ii)-1: busy and not in service did not connect; the others did.
#[allow(non_camel_case_types)]
pub type coll_contact_outcome = u32;

/// A busy signal (a call that did not connect).
pub const COLL_CONTACT_OUTCOME_BUSY: coll_contact_outcome = 0;
/// The number is not in service (a call that did not connect).
pub const COLL_CONTACT_OUTCOME_NOT_IN_SERVICE: coll_contact_outcome = 1;
/// The phone rang and nobody answered (connected).
pub const COLL_CONTACT_OUTCOME_NO_ANSWER: coll_contact_outcome = 2;
/// A voicemail message about the debts listed (connected; counts toward each).
pub const COLL_CONTACT_OUTCOME_VOICEMAIL: coll_contact_outcome = 3;
/// A limited-content message, §1006.2(j) (connected; refers to no particular debt).
pub const COLL_CONTACT_OUTCOME_LIMITED_CONTENT_MESSAGE: coll_contact_outcome = 4;
/// A conversation with the person.
pub const COLL_CONTACT_OUTCOME_RIGHT_PARTY_CONVERSATION: coll_contact_outcome = 5;
/// Someone other than the person answered (connected).
pub const COLL_CONTACT_OUTCOME_THIRD_PARTY: coll_contact_outcome = 6;
/// The number turned out not to be the person's (comment 14(b)(2)(i)-3).
pub const COLL_CONTACT_OUTCOME_WRONG_NUMBER: coll_contact_outcome = 7;
/// A text, email or letter sent (not an outcome of a call).
pub const COLL_CONTACT_OUTCOME_SENT: coll_contact_outcome = 8;
/// A text, email or letter that bounced or was returned (not an outcome of a call).
pub const COLL_CONTACT_OUTCOME_UNDELIVERABLE: coll_contact_outcome = 9;

pub(crate) const OUTCOMES: CEnum<Outcome> = CEnum {
    prefix: "COLL_CONTACT_OUTCOME_",
    field: "outcome",
    constants: &[
        (COLL_CONTACT_OUTCOME_BUSY, Outcome::Busy, c"busy"),
        (
            COLL_CONTACT_OUTCOME_NOT_IN_SERVICE,
            Outcome::NotInService,
            c"not_in_service",
        ),
        (
            COLL_CONTACT_OUTCOME_NO_ANSWER,
            Outcome::NoAnswer,
            c"no_answer",
        ),
        (
            COLL_CONTACT_OUTCOME_VOICEMAIL,
            Outcome::Voicemail,
            c"voicemail",
        ),
        (
            COLL_CONTACT_OUTCOME_LIMITED_CONTENT_MESSAGE,
            Outcome::LimitedContentMessage,
            c"limited_content_message",
        ),
        (
            COLL_CONTACT_OUTCOME_RIGHT_PARTY_CONVERSATION,
            Outcome::RightPartyConversation,
            c"right_party_conversation",
        ),
        (
            COLL_CONTACT_OUTCOME_THIRD_PARTY,
            Outcome::ThirdParty,
            c"third_party",
        ),
        (
            COLL_CONTACT_OUTCOME_WRONG_NUMBER,
            Outcome::WrongNumber,
            c"wrong_number",
        ),
        (COLL_CONTACT_OUTCOME_SENT, Outcome::Sent, c"sent"),
        (
            COLL_CONTACT_OUTCOME_UNDELIVERABLE,
            Outcome::Undeliverable,
            c"undeliverable",
        ),
    ],
};

/// A status that holds or limits contact (a profile's flags, given in its JSON): one of the
/// `COLL_CONTACT_FLAG_` constants.
#[allow(non_camel_case_types)]
pub type coll_contact_flag_kind = u32;

/// A written refusal to pay or request to cease communication received, §1006.6(c).
pub const COLL_CONTACT_FLAG_CEASE_RECEIVED: coll_contact_flag_kind = 0;
/// Represented by an attorney about the debt, §1006.6(b)(2).
pub const COLL_CONTACT_FLAG_ATTORNEY_REPRESENTATION: coll_contact_flag_kind = 1;
/// A bankruptcy case is open.
pub const COLL_CONTACT_FLAG_BANKRUPTCY: coll_contact_flag_kind = 2;
/// The person has died.
pub const COLL_CONTACT_FLAG_DECEASED: coll_contact_flag_kind = 3;
/// A dispute (or a request for the original creditor) is pending.
pub const COLL_CONTACT_FLAG_DISPUTE_PENDING: coll_contact_flag_kind = 4;
/// The validation period of §1006.34(b)(5) is running.
pub const COLL_CONTACT_FLAG_VALIDATION_PERIOD: coll_contact_flag_kind = 5;
/// A UK debt respite (breathing space) moratorium.
pub const COLL_CONTACT_FLAG_BREATHING_SPACE: coll_contact_flag_kind = 6;

pub(crate) const FLAG_KINDS: CEnum<FlagKind> = CEnum {
    prefix: "COLL_CONTACT_FLAG_",
    field: "flags.kind",
    constants: &[
        (
            COLL_CONTACT_FLAG_CEASE_RECEIVED,
            FlagKind::CeaseReceived,
            c"cease_received",
        ),
        (
            COLL_CONTACT_FLAG_ATTORNEY_REPRESENTATION,
            FlagKind::AttorneyRepresentation,
            c"attorney_representation",
        ),
        (
            COLL_CONTACT_FLAG_BANKRUPTCY,
            FlagKind::Bankruptcy,
            c"bankruptcy",
        ),
        (COLL_CONTACT_FLAG_DECEASED, FlagKind::Deceased, c"deceased"),
        (
            COLL_CONTACT_FLAG_DISPUTE_PENDING,
            FlagKind::DisputePending,
            c"dispute_pending",
        ),
        (
            COLL_CONTACT_FLAG_VALIDATION_PERIOD,
            FlagKind::ValidationPeriod,
            c"validation_period",
        ),
        (
            COLL_CONTACT_FLAG_BREATHING_SPACE,
            FlagKind::BreathingSpace,
            c"breathing_space",
        ),
    ],
};

/// Why a contact is made: one of the `COLL_CONTACT_PURPOSE_` constants. The cease and opt-out rules
/// let the named notices through; every other rule still applies.
#[allow(non_camel_case_types)]
pub type coll_contact_purpose = u32;

/// Collecting the debt (the default).
pub const COLL_CONTACT_PURPOSE_COLLECTION: coll_contact_purpose = 0;
/// After a cease: advising that collection is terminated or a remedy invoked, §1006.6(c)(2).
pub const COLL_CONTACT_PURPOSE_CEASE_NOTICE: coll_contact_purpose = 1;
/// The one electronic confirmation of an opt-out, §1006.14(h)(2)(i).
pub const COLL_CONTACT_PURPOSE_OPT_OUT_CONFIRMATION: coll_contact_purpose = 2;

pub(crate) const PURPOSES: CEnum<Purpose> = CEnum {
    prefix: "COLL_CONTACT_PURPOSE_",
    field: "purpose",
    constants: &[
        (
            COLL_CONTACT_PURPOSE_COLLECTION,
            Purpose::Collection,
            c"collection",
        ),
        (
            COLL_CONTACT_PURPOSE_CEASE_NOTICE,
            Purpose::CeaseNotice,
            c"cease_notice",
        ),
        (
            COLL_CONTACT_PURPOSE_OPT_OUT_CONFIRMATION,
            Purpose::OptOutConfirmation,
            c"opt_out_confirmation",
        ),
    ],
};

/// An instant from Unix seconds; outside what chrono can hold: `COLL_DATE_OUT_OF_RANGE` naming `field`.
pub(crate) fn instant(seconds: i64, field: &'static str) -> FfiResult<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, 0).ok_or_else(|| {
        Failure::from(Error::DateOutOfRange {
            field,
            value: format!("{seconds} seconds from 1970-01-01T00:00:00Z"),
        })
    })
}

/// An instant from RFC 3339 text (`2026-04-08T08:00:00-04:00`); other text is `COLL_INVALID_DATE`
/// naming `field`.
pub(crate) fn instant_text(text: &str, field: &'static str) -> FfiResult<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            Error::InvalidDate {
                field,
                value: text.to_string(),
            }
            .into()
        })
}

/// An instant given as Unix seconds or, when `text` is not NULL, as RFC 3339 text.
///
/// # Safety
/// `text` is NULL or valid for `len` bytes.
pub(crate) unsafe fn instant_or_text(
    seconds: i64,
    text: *const c_char,
    len: usize,
    field: &'static str,
) -> FfiResult<DateTime<Utc>> {
    if text.is_null() {
        return instant(seconds, field);
    }
    // SAFETY: the caller's contract.
    let text = unsafe { ptr::text(text, len, field)? };
    instant_text(text, field)
}

/// The text of a `coll_contact_text` array.
///
/// # Safety
/// `items` is NULL or valid for `n` elements whose text is valid for its length.
pub(crate) unsafe fn texts(
    items: *const coll_contact_text,
    n: usize,
    field: &'static str,
) -> FfiResult<Vec<String>> {
    // SAFETY: the caller's contract.
    let items = unsafe { ptr::read_slice_or_empty(items, n, field)? };
    items
        .iter()
        .enumerate()
        .map(|(i, t)| {
            // SAFETY: the caller's contract for each element.
            unsafe { crate::debt::text_or_empty(t.ptr, t.len, field) }
                .map(str::to_string)
                .map_err(|f| at_item(f, &format!("#{i}")))
        })
        .collect()
}

/// Whether a message has the shape of a core error: a field, a colon and a space.
fn names_a_field(message: &str) -> bool {
    let field_len = message
        .bytes()
        .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_' || *b == b'.')
        .count();
    field_len > 0 && message[field_len..].starts_with(": ")
}

/// A failure inside the JSON of `what` (`profile`, `history`, ...): the same status, its message after
/// `what: ` (`profile: time_zones: unknown IANA time zone name (got Mars/Base) ...`), so the message names
/// the argument at fault first and the core's field next, as the shared vectors expect.
pub(crate) fn within(what: &str, failure: Failure) -> Failure {
    Failure::new(failure.status, format!("{what}: {}", failure.message))
}

/// The failure of JSON that did not parse as `what`, naming `what`: a core error carried through serde
/// keeps its field after it (and, for dates, its status); anything else gives the line and column.
pub(crate) fn json_failure(e: &serde_json::Error, what: &'static str) -> Failure {
    let message = e.to_string();
    if e.classify() == serde_json::error::Category::Data && names_a_field(&message) {
        let status = if message.contains(": not a valid date: ") {
            COLL_INVALID_DATE
        } else if message.contains(": date out of range from ") {
            COLL_DATE_OUT_OF_RANGE
        } else {
            COLL_INVALID_ARGUMENT
        };
        return within(what, Failure::new(status, message));
    }
    Error::InvalidArgument {
        field: what,
        value: format!("line {} column {}", e.line(), e.column()),
        reason: format!("not a valid {what} in JSON: {e}"),
    }
    .into()
}

/// Checks a JSON object's enumeration member (`"channel": "fax"`) by the core's names, so an unknown
/// one names its field (`field`, then `label` when given) after `what`, rather than failing as a bare
/// serde error.
pub(crate) fn check_member<T: std::str::FromStr<Err = Error>>(
    object: &serde_json::Value,
    key: &str,
    what: &str,
    field: &'static str,
    label: Option<&str>,
) -> FfiResult {
    if let Some(serde_json::Value::String(name)) = object.get(key) {
        if let Err(e) = name.parse::<T>() {
            let failure = Failure::from(e.with_field(field));
            let failure = match label {
                Some(label) => at_item(failure, label),
                None => failure,
            };
            return Err(within(what, failure));
        }
    }
    Ok(())
}

/// Writes serialized JSON into a caller's buffer (with the size query of `write_text`).
///
/// # Safety
/// `buf` is NULL or valid for `buf_len` bytes; `out_len` is NULL or writable.
pub(crate) unsafe fn write_json(
    json: serde_json::Result<String>,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> FfiResult {
    // SAFETY: the caller's contract.
    let (buf, out_len) = unsafe {
        (
            ptr::out_slice_or_size_query(buf.cast::<u8>(), buf_len, "buf")?,
            ptr::out(out_len, "out_len")?,
        )
    };
    let json = json.map_err(|e| {
        Failure::new(
            crate::error::COLL_PANIC,
            format!("json: cannot serialize (a bug): {e}"),
        )
    })?;
    write_text(&json, buf, out_len)
}

/// The instant of RFC 3339 text (`"2026-04-08T08:00:00-04:00"`, any offset; `Z` for UTC) as Unix
/// seconds in `*out` (fractions of a second are dropped). Other text: `COLL_INVALID_DATE` naming
/// `text`; bad UTF-8: `COLL_INVALID_UTF8`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_instant_from_rfc3339(
    text: *const c_char,
    len: usize,
    out: *mut i64,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        out.write(instant_text(text, "text")?.timestamp());
        Ok(())
    })
}

/// The RFC 3339 text of an instant in UTC (`"2026-04-08T12:00:00Z"`) written into `buf` with a NUL;
/// `*out_len` is its length without the NUL. When `buf_len` is too small: `COLL_BUFFER_TOO_SMALL`,
/// `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be NULL when `buf_len` is 0,
/// to ask for the size. An instant chrono cannot represent: `COLL_DATE_OUT_OF_RANGE` naming `seconds`.
///
/// # Safety
/// `buf` is NULL or points to `buf_len` writable bytes; `out_len` is NULL or points to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_instant_to_rfc3339(
    seconds: i64,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (buf, out_len) = unsafe {
            (
                ptr::out_slice_or_size_query(buf.cast::<u8>(), buf_len, "buf")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let text = instant(seconds, "seconds")?.to_rfc3339_opts(SecondsFormat::Secs, true);
        write_text(&text, buf, out_len)
    })
}

/// The `COLL_CONTACT_CHANNEL_` constant named by `name`: `call`, `ringless_voicemail`, `text`, `email`, `letter` or `visit`. Case, `-`, `_` and spaces are not significant.
/// Unknown names give `COLL_INVALID_ARGUMENT` naming `channel`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_channel`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_channel_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_contact_channel,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { CHANNELS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_CONTACT_CHANNEL_` constant (`"ringless_voicemail"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `channel`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_channel_name(
    channel: coll_contact_channel,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { CHANNELS.write_name_call(channel, out) }
}

/// The `COLL_CONTACT_DIRECTION_` constant named by `name`: `outbound` or `inbound`. Case, `-`, `_` and spaces are not significant.
/// Unknown names give `COLL_INVALID_ARGUMENT` naming `direction`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_direction`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_direction_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_contact_direction,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { DIRECTIONS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_CONTACT_DIRECTION_` constant (`"inbound"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `direction`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_direction_name(
    direction: coll_contact_direction,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { DIRECTIONS.write_name_call(direction, out) }
}

/// The `COLL_CONTACT_OUTCOME_` constant named by `name`: `busy`, `not_in_service`, `no_answer`, `voicemail`,
/// `limited_content_message`, `right_party_conversation`, `third_party`, `wrong_number`, `sent` or
/// `undeliverable`. Case, `-`, `_` and spaces are not significant.
/// Unknown names give `COLL_INVALID_ARGUMENT` naming `outcome`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_outcome`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_outcome_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_contact_outcome,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { OUTCOMES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_CONTACT_OUTCOME_` constant (`"no_answer"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `outcome`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_outcome_name(
    outcome: coll_contact_outcome,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { OUTCOMES.write_name_call(outcome, out) }
}

/// The `COLL_CONTACT_FLAG_` constant named by `name`: `cease_received`, `attorney_representation`,
/// `bankruptcy`, `deceased`, `dispute_pending`, `validation_period` or `breathing_space`. Case, `-`, `_` and spaces are not significant.
/// Unknown names give `COLL_INVALID_ARGUMENT` naming `flags.kind`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_flag_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_flag_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_contact_flag_kind,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { FLAG_KINDS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_CONTACT_FLAG_` constant (`"cease_received"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `flags.kind`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_flag_kind_name(
    kind: coll_contact_flag_kind,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { FLAG_KINDS.write_name_call(kind, out) }
}

/// The `COLL_CONTACT_PURPOSE_` constant named by `name`: `collection`, `cease_notice` or `opt_out_confirmation`. Case, `-`, `_` and spaces are not significant.
/// Unknown names give `COLL_INVALID_ARGUMENT` naming `purpose`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_purpose`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_purpose_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_contact_purpose,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { PURPOSES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_CONTACT_PURPOSE_` constant (`"cease_notice"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `purpose`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_purpose_name(
    purpose: coll_contact_purpose,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { PURPOSES.write_name_call(purpose, out) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_the_cores() {
        CHANNELS.check(&Channel::ALL, Channel::name);
        DIRECTIONS.check(&Direction::ALL, Direction::name);
        OUTCOMES.check(&Outcome::ALL, Outcome::name);
        FLAG_KINDS.check(&FlagKind::ALL, FlagKind::name);
        PURPOSES.check(&Purpose::ALL, Purpose::name);
    }

    #[test]
    fn json_failures_name_a_field() {
        let e = serde_json::from_str::<collections_core::contact::ContactProfile>(
            r#"{"person":"p","time_zones":["Mars/Base"]}"#,
        )
        .unwrap_err();
        let f = json_failure(&e, "profile");
        assert!(
            f.message.starts_with("profile: time_zones: "),
            "{}",
            f.message
        );
        let e = serde_json::from_str::<collections_core::contact::ContactProfile>("[").unwrap_err();
        let f = json_failure(&e, "profile");
        assert!(f.message.starts_with("profile: "), "{}", f.message);
        assert!(!names_a_field("unknown variant `x`"));
    }
}
