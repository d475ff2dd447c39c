//! A `coll_contact_profile` built natively (the JSON form has everything; this has the common parts):
//! the person and their time zones (`coll_contact_profile_new`), destinations
//! (`coll_contact_destination`, with the medium, phone line and party enumerations) and status flags
//! (`coll_contact_profile_add_flag`).

use std::ffi::c_char;

use collections_core::contact::{
    ContactProfile, Destination, Medium, Party, PhoneLine, StatusFlag,
};

use super::{
    coll_contact_flag_kind, coll_contact_profile, coll_contact_text, instant, texts, FLAG_KINDS,
};
use crate::debt::{optional, text_or_empty, CEnum};
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::ptr;

/// The kind of address a destination is: one of the `COLL_CONTACT_MEDIUM_` constants.
#[allow(non_camel_case_types)]
pub type coll_contact_medium = u32;

/// A telephone number (calls, ringless voicemails, texts).
pub const COLL_CONTACT_MEDIUM_PHONE: coll_contact_medium = 0;
/// An email address.
pub const COLL_CONTACT_MEDIUM_EMAIL: coll_contact_medium = 1;
/// A postal address (letters, visits).
pub const COLL_CONTACT_MEDIUM_POSTAL: coll_contact_medium = 2;

pub(crate) const MEDIA: CEnum<Medium> = CEnum {
    prefix: "COLL_CONTACT_MEDIUM_",
    field: "medium",
    constants: &[
        (COLL_CONTACT_MEDIUM_PHONE, Medium::Phone, c"phone"),
        (COLL_CONTACT_MEDIUM_EMAIL, Medium::Email, c"email"),
        (COLL_CONTACT_MEDIUM_POSTAL, Medium::Postal, c"postal"),
    ],
};

/// The kind of telephone line: one of the `COLL_CONTACT_LINE_` constants. An unknown line is treated
/// as a cell phone wherever that is stricter (the TCPA's autodialer consent).
#[allow(non_camel_case_types)]
pub type coll_contact_line = u32;

/// A mobile phone.
pub const COLL_CONTACT_LINE_CELL: coll_contact_line = 0;
/// A fixed line.
pub const COLL_CONTACT_LINE_LANDLINE: coll_contact_line = 1;
/// Not known (or not a phone).
pub const COLL_CONTACT_LINE_UNKNOWN: coll_contact_line = 2;

pub(crate) const LINES: CEnum<PhoneLine> = CEnum {
    prefix: "COLL_CONTACT_LINE_",
    field: "line",
    constants: &[
        (COLL_CONTACT_LINE_CELL, PhoneLine::Cell, c"cell"),
        (COLL_CONTACT_LINE_LANDLINE, PhoneLine::Landline, c"landline"),
        (COLL_CONTACT_LINE_UNKNOWN, PhoneLine::Unknown, c"unknown"),
    ],
};

/// Who is at a destination: one of the `COLL_CONTACT_PARTY_` constants. Calls to the consumer's
/// attorney, a consumer reporting agency, the creditor and the attorneys of the creditor or collector
/// do not count toward the call frequencies (§1006.14(b)(3)(iii)).
#[allow(non_camel_case_types)]
pub type coll_contact_party = u32;

/// The person the profile describes.
pub const COLL_CONTACT_PARTY_CONSUMER: coll_contact_party = 0;
/// The consumer's attorney.
pub const COLL_CONTACT_PARTY_CONSUMER_ATTORNEY: coll_contact_party = 1;
/// A consumer reporting agency.
pub const COLL_CONTACT_PARTY_CONSUMER_REPORTING_AGENCY: coll_contact_party = 2;
/// The creditor.
pub const COLL_CONTACT_PARTY_CREDITOR: coll_contact_party = 3;
/// The creditor's attorney.
pub const COLL_CONTACT_PARTY_CREDITOR_ATTORNEY: coll_contact_party = 4;
/// The debt collector's attorney.
pub const COLL_CONTACT_PARTY_COLLECTOR_ATTORNEY: coll_contact_party = 5;
/// Anyone else (a relative, a neighbour asked for location information).
pub const COLL_CONTACT_PARTY_THIRD_PARTY: coll_contact_party = 6;

pub(crate) const PARTIES: CEnum<Party> = CEnum {
    prefix: "COLL_CONTACT_PARTY_",
    field: "party",
    constants: &[
        (COLL_CONTACT_PARTY_CONSUMER, Party::Consumer, c"consumer"),
        (
            COLL_CONTACT_PARTY_CONSUMER_ATTORNEY,
            Party::ConsumerAttorney,
            c"consumer_attorney",
        ),
        (
            COLL_CONTACT_PARTY_CONSUMER_REPORTING_AGENCY,
            Party::ConsumerReportingAgency,
            c"consumer_reporting_agency",
        ),
        (COLL_CONTACT_PARTY_CREDITOR, Party::Creditor, c"creditor"),
        (
            COLL_CONTACT_PARTY_CREDITOR_ATTORNEY,
            Party::CreditorAttorney,
            c"creditor_attorney",
        ),
        (
            COLL_CONTACT_PARTY_COLLECTOR_ATTORNEY,
            Party::CollectorAttorney,
            c"collector_attorney",
        ),
        (
            COLL_CONTACT_PARTY_THIRD_PARTY,
            Party::ThirdParty,
            c"third_party",
        ),
    ],
};

/// A phone number, email or postal address of the person, for `coll_contact_profile_add_destination`.
/// Start from `coll_contact_destination_init`. The flags are `uint8_t`, 0 or 1.
///
/// Ownership: a plain value; its text is read during the call that takes it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_contact_destination {
    /// The number or address (UTF-8), not blank, new to the profile.
    pub address: *const c_char,
    /// Bytes in `address`.
    pub address_len: usize,
    /// A `COLL_CONTACT_MEDIUM_` constant. Default phone.
    pub medium: coll_contact_medium,
    /// A `COLL_CONTACT_LINE_` constant (phones only; otherwise unknown). Default unknown.
    pub line: coll_contact_line,
    /// 1 when it is at the person's place of employment.
    pub place_of_employment: u8,
    /// 1 when the employer prohibits such communications there (§1006.6(b)(3); implies the place of
    /// employment).
    pub employer_prohibits_contact: u8,
    /// 1 for an email address the employer provided (§1006.22(f)(3); email addresses only).
    pub employer_provided_email: u8,
    /// A `COLL_CONTACT_PARTY_` constant. Default the consumer.
    pub party: coll_contact_party,
}

/// Fills `*out` with a destination: no address (set it), a phone of unknown line, not at work, the
/// consumer's.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_contact_destination`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_destination_init(
    out: *mut coll_contact_destination,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_contact_destination {
            address: std::ptr::null(),
            address_len: 0,
            medium: COLL_CONTACT_MEDIUM_PHONE,
            line: COLL_CONTACT_LINE_UNKNOWN,
            place_of_employment: 0,
            employer_prohibits_contact: 0,
            employer_provided_email: 0,
            party: COLL_CONTACT_PARTY_CONSUMER,
        });
        Ok(())
    })
}

impl coll_contact_destination {
    /// The core destination; errors name `destinations.<field>`.
    ///
    /// # Safety
    /// `address` is NULL or valid for `address_len` bytes.
    unsafe fn to_core(self) -> FfiResult<Destination> {
        // SAFETY: the caller's contract.
        let address =
            unsafe { text_or_empty(self.address, self.address_len, "destinations.address")? };
        let medium = MEDIA.core(self.medium, "destinations.medium")?;
        let line = LINES.core(self.line, "destinations.line")?;
        let mut d = Destination::new(address, medium)?
            .at_place_of_employment(ptr::flag(
                self.place_of_employment,
                "destinations.place_of_employment",
            )?)
            .with_employer_prohibiting_contact(ptr::flag(
                self.employer_prohibits_contact,
                "destinations.employer_prohibits_contact",
            )?)
            .with_party(PARTIES.core(self.party, "destinations.party")?);
        if medium == Medium::Phone {
            d = d.with_line(line);
        } else if line != PhoneLine::Unknown {
            return Err(collections_core::Error::InvalidArgument {
                field: "destinations.line",
                value: line.name().into(),
                reason: "only a phone number has a line kind".into(),
            }
            .into());
        }
        if ptr::flag(
            self.employer_provided_email,
            "destinations.employer_provided_email",
        )? {
            d = d.employer_provided_email()?;
        }
        Ok(d)
    }
}

/// A profile for a person (a non-blank id) in zero or more IANA time zones (`America/New_York`, ...;
/// contact must suit every one), with no destinations yet. A profile with no zone is blocked or given
/// an assumed zone by the policy.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`person`: blank; `time_zones`: an unknown zone
/// name), `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT` (`person`, `time_zones`: text or array NULL with a
/// length).
///
/// Ownership: the text is borrowed for the call. On success `*out` is a new handle the caller owns and
/// frees with `coll_contact_profile_free`.
///
/// # Safety
/// `person` is NULL or points to `person_len` readable bytes; `time_zones` is NULL or points to
/// `n_time_zones` readable `coll_contact_text`s, each valid for its length; `out` is NULL or points to a
/// writable `coll_contact_profile *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_profile_new(
    person: *const c_char,
    person_len: usize,
    time_zones: *const coll_contact_text,
    n_time_zones: usize,
    out: *mut *mut coll_contact_profile,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (person, zones, out) = unsafe {
            (
                text_or_empty(person, person_len, "person")?,
                texts(time_zones, n_time_zones, "time_zones")?,
                ptr::out(out, "out")?,
            )
        };
        let zones: Vec<&str> = zones.iter().map(String::as_str).collect();
        let inner = ContactProfile::new(person, &zones)?;
        out.write(ptr::into_handle(coll_contact_profile { inner }));
        Ok(())
    })
}

/// The profile behind a handle C may change (NULL is `COLL_NULL_ARGUMENT` naming `profile`).
///
/// # Safety
/// `p` is NULL or a live handle no one else uses during the call.
unsafe fn profile_mut<'a>(p: *mut coll_contact_profile) -> FfiResult<&'a mut coll_contact_profile> {
    // SAFETY: the caller's contract.
    unsafe { p.as_mut() }.ok_or_else(|| Failure::null("profile"))
}

/// Adds a destination to the profile. Nothing changes on failure.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`destinations.address`: blank or already in the
/// profile; `destinations.medium`, `destinations.line`, `destinations.party`: an unknown constant, or a
/// line kind for what is not a phone; `destinations.place_of_employment`,
/// `destinations.employer_prohibits_contact`, `destinations.employer_provided_email`: not 0 or 1, or
/// an employer-provided address that is not an email), `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT`.
///
/// # Safety
/// `profile` is NULL or a live handle no other thread uses during the call; `destination` is NULL or
/// points to a readable `coll_contact_destination` whose text is valid for its length.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_profile_add_destination(
    profile: *mut coll_contact_profile,
    destination: *const coll_contact_destination,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (p, d) = unsafe {
            (
                profile_mut(profile)?,
                ptr::read(destination, "destination")?,
            )
        };
        // SAFETY: the caller's contract for the destination's text.
        let d = unsafe { d.to_core()? };
        p.inner = p.inner.clone().with_destination(d)?;
        Ok(())
    })
}

/// Adds a status flag: `kind` (a `COLL_CONTACT_FLAG_` constant) in force from `from` (Unix seconds)
/// until `until` (exclusive) when `has_until` is 1, about the debt `debt` or, when `debt` is NULL with
/// `debt_len` 0, every debt of the person. Nothing changes on failure.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`flags.kind`: an unknown constant; `flags.debt`:
/// blank; `flags.from`, `flags.until`: outside the years 1900 to 2200, or `until` not after `from`;
/// `has_until`: not 0 or 1), `COLL_DATE_OUT_OF_RANGE` (`flags.from`, `flags.until`),
/// `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT`.
///
/// # Safety
/// `profile` is NULL or a live handle no other thread uses during the call; `debt` is NULL or points
/// to `debt_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_profile_add_flag(
    profile: *mut coll_contact_profile,
    kind: coll_contact_flag_kind,
    debt: *const c_char,
    debt_len: usize,
    from: i64,
    has_until: u8,
    until: i64,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let p = unsafe { profile_mut(profile)? };
        let debt = if debt.is_null() && debt_len == 0 {
            None
        } else {
            // SAFETY: the caller's contract.
            Some(unsafe { ptr::text(debt, debt_len, "flags.debt")? }.to_string())
        };
        let kind = FLAG_KINDS.core(kind, "flags.kind")?;
        let until = optional(has_until, "has_until", || instant(until, "flags.until"))?;
        let mut flag = StatusFlag::new(kind, debt, instant(from, "flags.from")?)?;
        if let Some(until) = until {
            flag = flag.until(until)?;
        }
        p.inner = p.inner.clone().with_flag(flag);
        Ok(())
    })
}

/// The `COLL_CONTACT_MEDIUM_` constant named by `name`: `phone`, `email` or `postal`. Case, `-`, `_`
/// and spaces are not significant. Unknown names give `COLL_INVALID_ARGUMENT` naming `medium`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_medium`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_medium_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_contact_medium,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { MEDIA.parse_name_call(name, len, out) }
}

/// The name of a `COLL_CONTACT_MEDIUM_` constant (`"postal"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `medium`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_medium_name(
    medium: coll_contact_medium,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { MEDIA.write_name_call(medium, out) }
}

/// The `COLL_CONTACT_LINE_` constant named by `name`: `cell`, `landline` or `unknown`. Case, `-`, `_`
/// and spaces are not significant. Unknown names give `COLL_INVALID_ARGUMENT` naming `line`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_line`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_line_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_contact_line,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { LINES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_CONTACT_LINE_` constant (`"landline"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `line`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_line_name(
    line: coll_contact_line,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { LINES.write_name_call(line, out) }
}

/// The `COLL_CONTACT_PARTY_` constant named by `name`: `consumer`, `consumer_attorney`,
/// `consumer_reporting_agency`, `creditor`, `creditor_attorney`, `collector_attorney` or
/// `third_party`. Case, `-`, `_` and spaces are not significant. Unknown names give
/// `COLL_INVALID_ARGUMENT` naming `party`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_contact_party`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_party_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_contact_party,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { PARTIES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_CONTACT_PARTY_` constant (`"consumer_attorney"`) in `*out`. An unknown number
/// gives `COLL_INVALID_ARGUMENT` naming `party`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_contact_party_name(
    party: coll_contact_party,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { PARTIES.write_name_call(party, out) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_the_cores() {
        MEDIA.check(&Medium::ALL, Medium::name);
        LINES.check(&PhoneLine::ALL, PhoneLine::name);
        PARTIES.check(&Party::ALL, Party::name);
    }
}
