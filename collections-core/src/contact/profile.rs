//! The person's contact profile: where they may be (time zones), how they can be reached (destinations),
//! what they agreed to (consents), what they refused (opt-outs), when they said not to call, and the
//! statuses that hold contact (cease, attorney, bankruptcy, dispute, breathing space, ...).

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::clock::{check_date, check_instant, TimeZone};
use super::kinds::{Channel, FlagKind, Medium, Party, PhoneLine};
use crate::error::{Error, Result};

/// A phone number, email address or postal address of the person, with what is known about it.
///
/// ```
/// use collections_core::contact::{Destination, Medium, PhoneLine};
///
/// let work = Destination::phone("+1 617 555 0100", PhoneLine::Landline)?.at_place_of_employment(true);
/// assert_eq!(work.medium(), Medium::Phone);
/// assert!(work.place_of_employment());
/// assert_eq!(Destination::email(" ").unwrap_err().field(), "destinations.address");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DestinationData")]
pub struct Destination {
    address: String,
    medium: Medium,
    line: PhoneLine,
    place_of_employment: bool,
    employer_prohibits_contact: bool,
    employer_provided_email: bool,
    party: Party,
}

#[derive(Deserialize)]
struct DestinationData {
    address: String,
    medium: Medium,
    #[serde(default = "unknown_line")]
    line: PhoneLine,
    #[serde(default)]
    place_of_employment: bool,
    #[serde(default)]
    employer_prohibits_contact: bool,
    #[serde(default)]
    employer_provided_email: bool,
    #[serde(default = "consumer")]
    party: Party,
}

fn unknown_line() -> PhoneLine {
    PhoneLine::Unknown
}

fn consumer() -> Party {
    Party::Consumer
}

impl TryFrom<DestinationData> for Destination {
    type Error = Error;

    fn try_from(d: DestinationData) -> Result<Destination> {
        let mut dest = Destination::new(d.address, d.medium)?
            .at_place_of_employment(d.place_of_employment)
            .with_employer_prohibiting_contact(d.employer_prohibits_contact)
            .with_party(d.party);
        if d.medium == Medium::Phone {
            dest = dest.with_line(d.line);
        } else if d.line != PhoneLine::Unknown {
            return Err(Error::invalid(
                "destinations.line",
                d.line,
                "only a phone number has a line kind",
            ));
        }
        if d.employer_provided_email {
            dest = dest.employer_provided_email()?;
        }
        Ok(dest)
    }
}

impl Destination {
    /// A destination of a medium; the address must not be blank.
    ///
    /// ```
    /// use collections_core::contact::{Destination, Medium};
    /// let home = Destination::new("1 Main St, Boston MA", Medium::Postal)?;
    /// assert_eq!(home.address(), "1 Main St, Boston MA");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn new(address: impl Into<String>, medium: Medium) -> Result<Destination> {
        let address = address.into();
        if address.trim().is_empty() {
            return Err(Error::invalid(
                "destinations.address",
                format!("{address:?}"),
                "must not be blank",
            ));
        }
        Ok(Destination {
            address,
            medium,
            line: PhoneLine::Unknown,
            place_of_employment: false,
            employer_prohibits_contact: false,
            employer_provided_email: false,
            party: Party::Consumer,
        })
    }

    /// A phone number with its line kind.
    ///
    /// ```
    /// use collections_core::contact::{Destination, PhoneLine};
    /// assert_eq!(Destination::phone("+1 212 555 0199", PhoneLine::Cell)?.line(), PhoneLine::Cell);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn phone(address: impl Into<String>, line: PhoneLine) -> Result<Destination> {
        Ok(Destination::new(address, Medium::Phone)?.with_line(line))
    }

    /// An email address.
    ///
    /// ```
    /// use collections_core::contact::{Destination, Medium};
    /// assert_eq!(Destination::email("pat@example.com")?.medium(), Medium::Email);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn email(address: impl Into<String>) -> Result<Destination> {
        Destination::new(address, Medium::Email)
    }

    /// A postal address (letters and visits).
    ///
    /// ```
    /// use collections_core::contact::{Destination, Medium};
    /// assert_eq!(Destination::postal("1 Main St")?.medium(), Medium::Postal);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn postal(address: impl Into<String>) -> Result<Destination> {
        Destination::new(address, Medium::Postal)
    }

    /// Sets the line kind (meaningful for phones only).
    ///
    /// ```
    /// use collections_core::contact::{Destination, PhoneLine};
    /// assert_eq!(Destination::phone("555", PhoneLine::Unknown)?.with_line(PhoneLine::Landline).line(), PhoneLine::Landline);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn with_line(mut self, line: PhoneLine) -> Destination {
        self.line = line;
        self
    }

    /// Marks the destination as being at the person's place of employment.
    ///
    /// ```
    /// use collections_core::contact::{Destination, PhoneLine};
    /// assert!(Destination::phone("555", PhoneLine::Landline)?.at_place_of_employment(true).place_of_employment());
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn at_place_of_employment(mut self, yes: bool) -> Destination {
        self.place_of_employment = yes;
        self
    }

    /// Records that the employer prohibits the person from receiving such communications
    /// (§1006.6(b)(3)); it implies the place of employment.
    ///
    /// ```
    /// use collections_core::contact::{Destination, PhoneLine};
    /// let d = Destination::phone("555", PhoneLine::Landline)?.with_employer_prohibiting_contact(true);
    /// assert!(d.employer_prohibits_contact() && d.place_of_employment());
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn with_employer_prohibiting_contact(mut self, yes: bool) -> Destination {
        self.employer_prohibits_contact = yes;
        self.place_of_employment |= yes;
        self
    }

    /// Marks an email address as provided by the person's employer (§1006.22(f)(3)); fails for a
    /// destination that is not an email address.
    ///
    /// ```
    /// use collections_core::contact::Destination;
    /// assert!(Destination::email("pat@employer.com")?.employer_provided_email()?.is_employer_provided_email());
    /// assert!(Destination::postal("1 Main St")?.employer_provided_email().is_err());
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn employer_provided_email(mut self) -> Result<Destination> {
        if self.medium != Medium::Email {
            return Err(Error::invalid(
                "destinations.employer_provided_email",
                &self.address,
                "only an email address can be employer-provided",
            ));
        }
        self.employer_provided_email = true;
        Ok(self)
    }

    /// Sets who is at the destination (the person by default).
    ///
    /// ```
    /// use collections_core::contact::{Destination, Party, PhoneLine};
    /// let lawyer = Destination::phone("555", PhoneLine::Landline)?.with_party(Party::ConsumerAttorney);
    /// assert_eq!(lawyer.party(), Party::ConsumerAttorney);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn with_party(mut self, party: Party) -> Destination {
        self.party = party;
        self
    }

    /// The number or address, as given.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Phone, email or postal.
    pub fn medium(&self) -> Medium {
        self.medium
    }

    /// Cell, landline or unknown.
    pub fn line(&self) -> PhoneLine {
        self.line
    }

    /// Whether it is at the person's place of employment.
    pub fn place_of_employment(&self) -> bool {
        self.place_of_employment
    }

    /// Whether the employer prohibits such communications.
    pub fn employer_prohibits_contact(&self) -> bool {
        self.employer_prohibits_contact
    }

    /// Whether it is an email address the employer provided.
    pub fn is_employer_provided_email(&self) -> bool {
        self.employer_provided_email
    }

    /// Who is at the destination.
    pub fn party(&self) -> Party {
        self.party
    }
}

/// Prior consent to additional calls about a debt given directly to the collector,
/// §1006.14(b)(3)(i): calls placed with it do not count toward the call frequencies for up to seven
/// consecutive days, the day it is given being day one (in the person's local time, in every zone), and
/// they may be placed even within seven days of a conversation (comment 14(b)(3)(i)-3.i). It ends early
/// on `last_day` (a shorter window the person gave), on revocation, or at the next telephone conversation
/// about the debt (comment 14(b)(3)(i)-2).
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use collections_core::contact::PriorConsent;
///
/// let given = Utc.with_ymd_and_hms(2026, 4, 3, 15, 0, 0).unwrap();
/// let consent = PriorConsent::new("card-1", given)?.until(NaiveDate::from_ymd_opt(2026, 4, 6).unwrap())?;
/// assert_eq!(consent.last_day(), NaiveDate::from_ymd_opt(2026, 4, 6));
/// assert!(PriorConsent::new("card-1", given)?.until(NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()).is_err());
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PriorConsentData")]
pub struct PriorConsent {
    debt: String,
    given_at: DateTime<Utc>,
    last_day: Option<NaiveDate>,
    revoked_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct PriorConsentData {
    debt: String,
    given_at: DateTime<Utc>,
    #[serde(default)]
    last_day: Option<NaiveDate>,
    #[serde(default)]
    revoked_at: Option<DateTime<Utc>>,
}

impl TryFrom<PriorConsentData> for PriorConsent {
    type Error = Error;

    fn try_from(d: PriorConsentData) -> Result<PriorConsent> {
        let mut c = PriorConsent::new(d.debt, d.given_at)?;
        if let Some(day) = d.last_day {
            c = c.until(day)?;
        }
        if let Some(t) = d.revoked_at {
            c = c.revoked(t)?;
        }
        Ok(c)
    }
}

impl PriorConsent {
    /// Consent about `debt` received at `given_at`.
    pub fn new(debt: impl Into<String>, given_at: DateTime<Utc>) -> Result<PriorConsent> {
        check_instant("prior_consents.given_at", given_at)?;
        Ok(PriorConsent {
            debt: debt_id("prior_consents.debt", debt.into())?,
            given_at,
            last_day: None,
            revoked_at: None,
        })
    }

    /// A shorter window: the last local day the consent covers (not before the day it was given).
    pub fn until(mut self, last_day: NaiveDate) -> Result<PriorConsent> {
        check_date("prior_consents.last_day", last_day)?;
        if last_day < self.given_at.date_naive() - chrono::Days::new(1) {
            return Err(Error::invalid(
                "prior_consents.last_day",
                last_day,
                "must not be before the day the consent was given",
            ));
        }
        self.last_day = Some(last_day);
        Ok(self)
    }

    /// Revoked at an instant (not before it was given).
    pub fn revoked(mut self, at: DateTime<Utc>) -> Result<PriorConsent> {
        check_instant("prior_consents.revoked_at", at)?;
        if at < self.given_at {
            return Err(Error::invalid(
                "prior_consents.revoked_at",
                at.to_rfc3339(),
                "must not be before the consent was given",
            ));
        }
        self.revoked_at = Some(at);
        Ok(self)
    }

    /// The debt it concerns.
    pub fn debt(&self) -> &str {
        &self.debt
    }

    /// When it was received.
    pub fn given_at(&self) -> DateTime<Utc> {
        self.given_at
    }

    /// The shorter window's last day, if any.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.last_day
    }

    /// When it was revoked, if it was.
    pub fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.revoked_at
    }
}

/// Prior express consent to autodialed or prerecorded calls (and texts) to a cell phone, 47 CFR
/// 64.1200(a)(1)(iii). A revocation is honoured from the instant it is recorded (the rule's ten business
/// days are a deadline, not a grace period to use).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::TcpaConsent;
///
/// let c = TcpaConsent::new("+1 212 555 0199", Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap())?;
/// assert_eq!(c.destination(), "+1 212 555 0199");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TcpaConsentData")]
pub struct TcpaConsent {
    destination: String,
    given_at: DateTime<Utc>,
    revoked_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct TcpaConsentData {
    destination: String,
    given_at: DateTime<Utc>,
    #[serde(default)]
    revoked_at: Option<DateTime<Utc>>,
}

impl TryFrom<TcpaConsentData> for TcpaConsent {
    type Error = Error;

    fn try_from(d: TcpaConsentData) -> Result<TcpaConsent> {
        let c = TcpaConsent::new(d.destination, d.given_at)?;
        match d.revoked_at {
            Some(t) => c.revoked(t),
            None => Ok(c),
        }
    }
}

impl TcpaConsent {
    /// Consent for a phone number, given at an instant.
    pub fn new(destination: impl Into<String>, given_at: DateTime<Utc>) -> Result<TcpaConsent> {
        check_instant("tcpa_consents.given_at", given_at)?;
        let destination = destination.into();
        if destination.trim().is_empty() {
            return Err(Error::invalid(
                "tcpa_consents.destination",
                "\"\"",
                "must not be blank",
            ));
        }
        Ok(TcpaConsent {
            destination,
            given_at,
            revoked_at: None,
        })
    }

    /// Revoked at an instant.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use collections_core::contact::TcpaConsent;
    /// let c = TcpaConsent::new("555", Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap())?;
    /// assert!(c.revoked(Utc.with_ymd_and_hms(2025, 1, 5, 0, 0, 0).unwrap()).is_err());
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn revoked(mut self, at: DateTime<Utc>) -> Result<TcpaConsent> {
        check_instant("tcpa_consents.revoked_at", at)?;
        if at < self.given_at {
            return Err(Error::invalid(
                "tcpa_consents.revoked_at",
                at.to_rfc3339(),
                "must not be before the consent was given",
            ));
        }
        self.revoked_at = Some(at);
        Ok(self)
    }

    /// The phone number.
    pub fn destination(&self) -> &str {
        &self.destination
    }

    /// When it was given.
    pub fn given_at(&self) -> DateTime<Utc> {
        self.given_at
    }

    /// When it was revoked, if it was.
    pub fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.revoked_at
    }
}

/// A request not to be contacted through a medium (§1006.14(h)): a channel, at every address or one,
/// from an instant, optionally until one (an oral "not at work" that lapses, say).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::{Channel, OptOut};
///
/// let stop_texts = OptOut::new(Channel::Text, Some("+1 212 555 0199".into()), Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap())?;
/// assert_eq!(stop_texts.channel(), Channel::Text);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "OptOutData")]
pub struct OptOut {
    channel: Channel,
    destination: Option<String>,
    from: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct OptOutData {
    channel: Channel,
    #[serde(default)]
    destination: Option<String>,
    from: DateTime<Utc>,
    #[serde(default)]
    until: Option<DateTime<Utc>>,
}

impl TryFrom<OptOutData> for OptOut {
    type Error = Error;

    fn try_from(d: OptOutData) -> Result<OptOut> {
        let o = OptOut::new(d.channel, d.destination, d.from)?;
        match d.until {
            Some(t) => o.until(t),
            None => Ok(o),
        }
    }
}

impl OptOut {
    /// An opt-out of `channel` (at `destination`, or at every address when `None`) from `from`.
    pub fn new(
        channel: Channel,
        destination: Option<String>,
        from: DateTime<Utc>,
    ) -> Result<OptOut> {
        check_instant("opt_outs.from", from)?;
        Ok(OptOut {
            channel,
            destination,
            from,
            until: None,
        })
    }

    /// Lapses at an instant (after `from`).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use collections_core::contact::{Channel, OptOut};
    /// let t = Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap();
    /// assert_eq!(OptOut::new(Channel::Call, None, t)?.until(t).unwrap_err().field(), "opt_outs.until");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn until(mut self, until: DateTime<Utc>) -> Result<OptOut> {
        check_instant("opt_outs.until", until)?;
        if until <= self.from {
            return Err(Error::invalid(
                "opt_outs.until",
                until.to_rfc3339(),
                "must be after from",
            ));
        }
        self.until = Some(until);
        Ok(self)
    }

    /// The channel refused.
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// The address refused, or `None` for every address of the channel.
    pub fn destination(&self) -> Option<&str> {
        self.destination.as_deref()
    }

    /// From when.
    pub fn from(&self) -> DateTime<Utc> {
        self.from
    }

    /// Until when, if it lapses.
    pub fn until_instant(&self) -> Option<DateTime<Utc>> {
        self.until
    }
}

/// Prior consent given directly to the collector to be contacted at times or places that would otherwise
/// be inconvenient (§1006.6(b)(4)(i)), or a court's express permission (§1006.6(b)(4)(ii)): while in
/// force it lifts the person's inconvenient times, the place-of-employment prohibition and the
/// time-of-day rules whose `consent_lifts` is set (Regulation F's and Florida's). For one channel, or
/// every channel with `None`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::{Channel, TimePlaceConsent};
///
/// let from = Utc.with_ymd_and_hms(2026, 4, 8, 0, 0, 0).unwrap();
/// let late_calls = TimePlaceConsent::new(Some(Channel::Call), from)?.until(from + chrono::Duration::days(1))?;
/// assert_eq!(late_calls.channel(), Some(Channel::Call));
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TimePlaceConsentData")]
pub struct TimePlaceConsent {
    channel: Option<Channel>,
    from: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct TimePlaceConsentData {
    #[serde(default)]
    channel: Option<Channel>,
    from: DateTime<Utc>,
    #[serde(default)]
    until: Option<DateTime<Utc>>,
}

impl TryFrom<TimePlaceConsentData> for TimePlaceConsent {
    type Error = Error;

    fn try_from(d: TimePlaceConsentData) -> Result<TimePlaceConsent> {
        let c = TimePlaceConsent::new(d.channel, d.from)?;
        match d.until {
            Some(t) => c.until(t),
            None => Ok(c),
        }
    }
}

impl TimePlaceConsent {
    /// Consent for a channel (or every channel) from an instant.
    pub fn new(channel: Option<Channel>, from: DateTime<Utc>) -> Result<TimePlaceConsent> {
        check_instant("time_place_consents.from", from)?;
        Ok(TimePlaceConsent {
            channel,
            from,
            until: None,
        })
    }

    /// Ends at an instant (after `from`).
    pub fn until(mut self, until: DateTime<Utc>) -> Result<TimePlaceConsent> {
        check_instant("time_place_consents.until", until)?;
        if until <= self.from {
            return Err(Error::invalid(
                "time_place_consents.until",
                until.to_rfc3339(),
                "must be after from",
            ));
        }
        self.until = Some(until);
        Ok(self)
    }

    /// The channel, or `None` for every channel.
    pub fn channel(&self) -> Option<Channel> {
        self.channel
    }

    /// In force from.
    pub fn from(&self) -> DateTime<Utc> {
        self.from
    }

    /// In force until (exclusive), if it ends.
    pub fn until_instant(&self) -> Option<DateTime<Utc>> {
        self.until
    }
}

/// A weekly time the person said is inconvenient (comment 6(b)(1)-1.ii: "weekdays 3 to 5 p.m."), in their
/// local time: `[start, end)` on `weekday`, where an `end` of 00:00 means midnight at the end of the day;
/// optionally only through a date (comment 6(b)(1)-1.i: "through the end of the calendar year").
///
/// ```
/// use chrono::{NaiveTime, Weekday};
/// use collections_core::contact::WeeklyWindow;
///
/// let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
/// let busy = WeeklyWindow::new(Weekday::Wed, t(15), t(17))?;
/// assert_eq!(busy.weekday(), Weekday::Wed);
/// let whole_saturday = WeeklyWindow::new(Weekday::Sat, t(0), t(0))?;
/// assert!(WeeklyWindow::new(Weekday::Mon, t(17), t(15)).is_err());
/// # let _ = whole_saturday;
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "WeeklyWindowData")]
pub struct WeeklyWindow {
    weekday: Weekday,
    start: NaiveTime,
    end: NaiveTime,
    through: Option<NaiveDate>,
}

#[derive(Deserialize)]
struct WeeklyWindowData {
    weekday: Weekday,
    start: NaiveTime,
    end: NaiveTime,
    #[serde(default)]
    through: Option<NaiveDate>,
}

impl TryFrom<WeeklyWindowData> for WeeklyWindow {
    type Error = Error;

    fn try_from(d: WeeklyWindowData) -> Result<WeeklyWindow> {
        let w = WeeklyWindow::new(d.weekday, d.start, d.end)?;
        match d.through {
            Some(day) => w.through(day),
            None => Ok(w),
        }
    }
}

impl WeeklyWindow {
    /// `[start, end)` every `weekday`; `end` after `start`, or 00:00 for midnight.
    pub fn new(weekday: Weekday, start: NaiveTime, end: NaiveTime) -> Result<WeeklyWindow> {
        if end != NaiveTime::MIN && end <= start {
            return Err(Error::invalid(
                "inconvenient_times.end",
                end,
                format!("must be after the start {start} (or 00:00 for midnight)"),
            ));
        }
        Ok(WeeklyWindow {
            weekday,
            start,
            end,
            through: None,
        })
    }

    /// Only up to and including a date.
    ///
    /// ```
    /// use chrono::{NaiveDate, NaiveTime, Weekday};
    /// use collections_core::contact::WeeklyWindow;
    /// let midnight = NaiveTime::MIN;
    /// let tuesdays = WeeklyWindow::new(Weekday::Tue, midnight, midnight)?.through(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap())?;
    /// assert_eq!(tuesdays.through_date(), NaiveDate::from_ymd_opt(2026, 12, 31));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn through(mut self, last_day: NaiveDate) -> Result<WeeklyWindow> {
        check_date("inconvenient_times.through", last_day)?;
        self.through = Some(last_day);
        Ok(self)
    }

    /// The weekday.
    pub fn weekday(&self) -> Weekday {
        self.weekday
    }

    /// The local start time.
    pub fn start(&self) -> NaiveTime {
        self.start
    }

    /// The local end time (00:00 = midnight at the end of the day).
    pub fn end(&self) -> NaiveTime {
        self.end
    }

    /// The last date it applies, if limited.
    pub fn through_date(&self) -> Option<NaiveDate> {
        self.through
    }

    /// `[start, end)` in seconds from midnight.
    pub(crate) fn seconds(&self) -> (u32, u32) {
        use chrono::Timelike;
        let end = if self.end == NaiveTime::MIN {
            86_400
        } else {
            self.end.num_seconds_from_midnight()
        };
        (self.start.num_seconds_from_midnight(), end)
    }
}

/// A status with effective instants: from `from` (inclusive) until `until` (exclusive; `None` = still in
/// force), about one debt or, with `debt: None`, every debt of the person.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::{FlagKind, StatusFlag};
///
/// let from = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// let lawyer = StatusFlag::new(FlagKind::AttorneyRepresentation, Some("card-1".into()), from)?;
/// assert_eq!(lawyer.debt(), Some("card-1"));
/// assert!(lawyer.until(from).is_err());
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StatusFlagData")]
pub struct StatusFlag {
    kind: FlagKind,
    debt: Option<String>,
    from: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct StatusFlagData {
    kind: FlagKind,
    #[serde(default)]
    debt: Option<String>,
    from: DateTime<Utc>,
    #[serde(default)]
    until: Option<DateTime<Utc>>,
}

impl TryFrom<StatusFlagData> for StatusFlag {
    type Error = Error;

    fn try_from(d: StatusFlagData) -> Result<StatusFlag> {
        let f = StatusFlag::new(d.kind, d.debt, d.from)?;
        match d.until {
            Some(t) => f.until(t),
            None => Ok(f),
        }
    }
}

impl StatusFlag {
    /// A flag in force from an instant.
    pub fn new(kind: FlagKind, debt: Option<String>, from: DateTime<Utc>) -> Result<StatusFlag> {
        check_instant("flags.from", from)?;
        let debt = debt.map(|d| debt_id("flags.debt", d)).transpose()?;
        Ok(StatusFlag {
            kind,
            debt,
            from,
            until: None,
        })
    }

    /// The validation period of §1006.34(b)(5) for validation information provided on `provided_on`: from
    /// the start of that day until the end of the 30th day after the person receives it, receipt being
    /// assumed five days after it is provided, not counting Saturdays, Sundays and the legal public
    /// holidays of 5 U.S.C. 6103(a) (the built-in US federal calendar). Days are local in `zone`.
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeZone as _, Utc};
    /// use collections_core::contact::{StatusFlag, TimeZone};
    ///
    /// let ny = TimeZone::parse("zone", "America/New_York")?;
    /// // Provided Friday, November 20, 2026: received Monday, November 30 (Thanksgiving skipped);
    /// // the period runs through Wednesday, December 30.
    /// let flag = StatusFlag::validation_period("card", NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(), &ny)?;
    /// assert_eq!(flag.until_instant(), Some(Utc.with_ymd_and_hms(2026, 12, 31, 5, 0, 0).unwrap()));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn validation_period(
        debt: impl Into<String>,
        provided_on: NaiveDate,
        zone: &TimeZone,
    ) -> Result<StatusFlag> {
        check_date("flags.from", provided_on)?;
        let received = crate::HolidayCalendar::us_federal().add_business_days(provided_on, 5)?;
        let end = super::clock::add_days(received, 31);
        StatusFlag::new(
            FlagKind::ValidationPeriod,
            Some(debt.into()),
            zone.start_of_day(provided_on),
        )?
        .until(zone.start_of_day(end))
    }

    /// Ends at an instant (after `from`).
    pub fn until(mut self, until: DateTime<Utc>) -> Result<StatusFlag> {
        check_instant("flags.until", until)?;
        if until <= self.from {
            return Err(Error::invalid(
                "flags.until",
                until.to_rfc3339(),
                "must be after from",
            ));
        }
        self.until = Some(until);
        Ok(self)
    }

    /// The kind.
    pub fn kind(&self) -> FlagKind {
        self.kind
    }

    /// The debt, or `None` for every debt.
    pub fn debt(&self) -> Option<&str> {
        self.debt.as_deref()
    }

    /// In force from.
    pub fn from(&self) -> DateTime<Utc> {
        self.from
    }

    /// In force until (exclusive), if it ends.
    pub fn until_instant(&self) -> Option<DateTime<Utc>> {
        self.until
    }
}

/// Everything known about how and when a person may be contacted.
///
/// Built with [`ContactProfile::new`] and the `with_*` methods, each of which checks its input, or
/// deserialized from JSON (checked the same way). Time zones are the IANA zones the person may be in
/// (from the address, each phone number's area code, ...); contact must suit every one of them
/// (comment 6(b)(1)(i)-2). A profile may have no zone: the policy then blocks or assumes one.
///
/// ```
/// use collections_core::contact::{ContactProfile, Destination, PhoneLine};
///
/// let profile = ContactProfile::new("person-1", &["America/New_York", "America/Los_Angeles"])?
///     .with_destination(Destination::phone("+1 212 555 0199", PhoneLine::Cell)?)?;
/// assert_eq!(profile.time_zones().len(), 2);
/// assert!(profile.destination("+1 212 555 0199").is_some());
/// let err = ContactProfile::new("person-1", &["US/Eastern Standard"]).unwrap_err();
/// assert_eq!((err.field(), err.value().as_str()), ("time_zones", "US/Eastern Standard"));
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ProfileData")]
pub struct ContactProfile {
    person: String,
    time_zones: Vec<TimeZone>,
    destinations: Vec<Destination>,
    prior_consents: Vec<PriorConsent>,
    tcpa_consents: Vec<TcpaConsent>,
    opt_outs: Vec<OptOut>,
    time_place_consents: Vec<TimePlaceConsent>,
    inconvenient_times: Vec<WeeklyWindow>,
    inconvenient_dates: Vec<NaiveDate>,
    flags: Vec<StatusFlag>,
    combined_debts: Vec<Vec<String>>,
}

#[derive(Deserialize)]
struct ProfileData {
    person: String,
    #[serde(default)]
    time_zones: Vec<String>,
    #[serde(default)]
    destinations: Vec<Destination>,
    #[serde(default)]
    prior_consents: Vec<PriorConsent>,
    #[serde(default)]
    tcpa_consents: Vec<TcpaConsent>,
    #[serde(default)]
    opt_outs: Vec<OptOut>,
    #[serde(default)]
    time_place_consents: Vec<TimePlaceConsent>,
    #[serde(default)]
    inconvenient_times: Vec<WeeklyWindow>,
    #[serde(default)]
    inconvenient_dates: Vec<NaiveDate>,
    #[serde(default)]
    flags: Vec<StatusFlag>,
    #[serde(default)]
    combined_debts: Vec<Vec<String>>,
}

impl TryFrom<ProfileData> for ContactProfile {
    type Error = Error;

    fn try_from(d: ProfileData) -> Result<ContactProfile> {
        let zones: Vec<&str> = d.time_zones.iter().map(String::as_str).collect();
        let mut p = ContactProfile::new(d.person, &zones)?;
        for x in d.destinations {
            p = p.with_destination(x)?;
        }
        for x in d.prior_consents {
            p = p.with_prior_consent(x);
        }
        for x in d.tcpa_consents {
            p = p.with_tcpa_consent(x)?;
        }
        for x in d.opt_outs {
            p = p.with_opt_out(x);
        }
        for x in d.time_place_consents {
            p = p.with_time_place_consent(x);
        }
        for x in d.inconvenient_times {
            p = p.with_inconvenient_time(x);
        }
        for x in d.inconvenient_dates {
            p = p.with_inconvenient_date(x)?;
        }
        for x in d.flags {
            p = p.with_flag(x);
        }
        for x in d.combined_debts {
            p = p.with_combined_debts(x)?;
        }
        Ok(p)
    }
}

pub(crate) fn debt_id(field: &'static str, id: String) -> Result<String> {
    if id.trim().is_empty() {
        return Err(Error::invalid(
            field,
            format!("{id:?}"),
            "must not be blank",
        ));
    }
    Ok(id)
}

impl ContactProfile {
    /// A profile for a person (a non-blank id) in zero or more IANA time zones.
    pub fn new(person: impl Into<String>, time_zones: &[&str]) -> Result<ContactProfile> {
        let person = person.into();
        if person.trim().is_empty() {
            return Err(Error::invalid("person", "\"\"", "must not be blank"));
        }
        let mut zones: Vec<TimeZone> = Vec::with_capacity(time_zones.len());
        for name in time_zones {
            let zone = TimeZone::parse("time_zones", name)?;
            if !zones.contains(&zone) {
                zones.push(zone);
            }
        }
        Ok(ContactProfile {
            person,
            time_zones: zones,
            destinations: Vec::new(),
            prior_consents: Vec::new(),
            tcpa_consents: Vec::new(),
            opt_outs: Vec::new(),
            time_place_consents: Vec::new(),
            inconvenient_times: Vec::new(),
            inconvenient_dates: Vec::new(),
            flags: Vec::new(),
            combined_debts: Vec::new(),
        })
    }

    /// Adds a destination; its address must be new to the profile.
    ///
    /// ```
    /// use collections_core::contact::{ContactProfile, Destination};
    /// let p = ContactProfile::new("p", &[])?.with_destination(Destination::email("a@b.c")?)?;
    /// assert_eq!(p.with_destination(Destination::email("a@b.c")?).unwrap_err().field(), "destinations.address");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn with_destination(mut self, destination: Destination) -> Result<ContactProfile> {
        if self.destination(destination.address()).is_some() {
            return Err(Error::invalid(
                "destinations.address",
                destination.address(),
                "appears twice in the profile",
            ));
        }
        self.destinations.push(destination);
        Ok(self)
    }

    /// Adds a §1006.14(b)(3)(i) prior consent.
    pub fn with_prior_consent(mut self, consent: PriorConsent) -> ContactProfile {
        self.prior_consents.push(consent);
        self
    }

    /// Adds a TCPA consent; its destination must be one of the profile's phone numbers.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use collections_core::contact::{ContactProfile, TcpaConsent};
    /// let c = TcpaConsent::new("555", Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap())?;
    /// assert_eq!(ContactProfile::new("p", &[])?.with_tcpa_consent(c).unwrap_err().field(), "tcpa_consents.destination");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn with_tcpa_consent(mut self, consent: TcpaConsent) -> Result<ContactProfile> {
        match self.destination(consent.destination()) {
            Some(d) if d.medium() == Medium::Phone => {}
            _ => {
                return Err(Error::invalid(
                    "tcpa_consents.destination",
                    consent.destination(),
                    "is not a phone number of the profile",
                ))
            }
        }
        self.tcpa_consents.push(consent);
        Ok(self)
    }

    /// Adds an opt-out.
    pub fn with_opt_out(mut self, opt_out: OptOut) -> ContactProfile {
        self.opt_outs.push(opt_out);
        self
    }

    /// Adds a §1006.6(b)(4) consent to otherwise inconvenient times and places.
    pub fn with_time_place_consent(mut self, consent: TimePlaceConsent) -> ContactProfile {
        self.time_place_consents.push(consent);
        self
    }

    /// Adds a weekly inconvenient time.
    pub fn with_inconvenient_time(mut self, window: WeeklyWindow) -> ContactProfile {
        self.inconvenient_times.push(window);
        self
    }

    /// Adds a whole local date the person said is inconvenient.
    pub fn with_inconvenient_date(mut self, date: NaiveDate) -> Result<ContactProfile> {
        check_date("inconvenient_dates", date)?;
        self.inconvenient_dates.push(date);
        Ok(self)
    }

    /// Adds a status flag.
    pub fn with_flag(mut self, flag: StatusFlag) -> ContactProfile {
        self.flags.push(flag);
        self
    }

    /// Debts counted as one "particular debt" for the call frequencies: student loans serviced under one
    /// account number (§1006.14(b)(4)). At least two ids, none already in another group.
    ///
    /// ```
    /// use collections_core::contact::ContactProfile;
    /// let p = ContactProfile::new("p", &[])?.with_combined_debts(vec!["loan-1".into(), "loan-2".into()])?;
    /// assert_eq!(p.frequency_debt("loan-2"), "loan-1");
    /// assert_eq!(p.frequency_debt("card"), "card");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn with_combined_debts(mut self, debts: Vec<String>) -> Result<ContactProfile> {
        if debts.len() < 2 {
            return Err(Error::invalid(
                "combined_debts",
                format!("{debts:?}"),
                "a group needs at least two debts",
            ));
        }
        for (i, d) in debts.iter().enumerate() {
            let again = debts[..i].contains(d) || self.combined_debts.iter().any(|g| g.contains(d));
            if again || d.trim().is_empty() {
                return Err(Error::invalid(
                    "combined_debts",
                    d,
                    "is blank or already in a group",
                ));
            }
        }
        self.combined_debts.push(debts);
        Ok(self)
    }

    /// The person's id.
    pub fn person(&self) -> &str {
        &self.person
    }

    /// The zones the person may be in.
    pub fn time_zones(&self) -> &[TimeZone] {
        &self.time_zones
    }

    /// Every destination.
    pub fn destinations(&self) -> &[Destination] {
        &self.destinations
    }

    /// The destination with this address.
    pub fn destination(&self, address: &str) -> Option<&Destination> {
        self.destinations.iter().find(|d| d.address == address)
    }

    /// The §1006.14(b)(3)(i) consents.
    pub fn prior_consents(&self) -> &[PriorConsent] {
        &self.prior_consents
    }

    /// The TCPA consents.
    pub fn tcpa_consents(&self) -> &[TcpaConsent] {
        &self.tcpa_consents
    }

    /// The opt-outs.
    pub fn opt_outs(&self) -> &[OptOut] {
        &self.opt_outs
    }

    /// The §1006.6(b)(4) consents.
    pub fn time_place_consents(&self) -> &[TimePlaceConsent] {
        &self.time_place_consents
    }

    /// The weekly inconvenient times.
    pub fn inconvenient_times(&self) -> &[WeeklyWindow] {
        &self.inconvenient_times
    }

    /// The inconvenient dates.
    pub fn inconvenient_dates(&self) -> &[NaiveDate] {
        &self.inconvenient_dates
    }

    /// The status flags.
    pub fn flags(&self) -> &[StatusFlag] {
        &self.flags
    }

    /// The id a debt is counted under for the call frequencies: the first id of its combined group, or
    /// itself.
    pub fn frequency_debt<'a>(&'a self, debt: &'a str) -> &'a str {
        self.combined_debts
            .iter()
            .find(|g| g.iter().any(|d| d == debt))
            .and_then(|g| g.first())
            .map_or(debt, String::as_str)
    }
}
