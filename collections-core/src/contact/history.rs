//! What has happened: the attempts and contacts with a person, and the request being decided.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::clock::check_instant;
use super::kinds::{Channel, Direction, Outcome, Purpose};
use super::profile::debt_id;
use crate::error::{Error, Result};

/// One attempt or contact: when, how, who started it, what came of it, at which address and about which
/// debts.
///
/// `debts` are the debts the attempt was made about. A call that reached no conversation, or left a
/// limited-content message, counts toward the first debt listed only (the collector may choose one,
/// comment 14(b)(4)-2.i and .ii: list that one first); a conversation or a voicemail counts toward each.
/// An attempt that lists no debt counts toward every debt (the strict reading). `also_discussed` are
/// debts the person raised in a conversation that was not placed about them (comment 14(b)(4)-2.vi):
/// they start the seven-day period after a conversation, but the call was not placed about them.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::{Attempt, Channel, Direction, Outcome};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 9, 15, 0, 0).unwrap();
/// let call = Attempt::new(at, Channel::Call, Direction::Outbound, Outcome::RightPartyConversation, "+1 212 555 0199")?
///     .about(["medical"])?
///     .also_discussed(["card"])?;
/// assert_eq!(call.debts(), ["medical"]);
/// let err = Attempt::new(at, Channel::Call, Direction::Outbound, Outcome::Sent, "+1 212 555 0199").unwrap_err();
/// assert_eq!(err.field(), "history.outcome");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AttemptData")]
pub struct Attempt {
    at: DateTime<Utc>,
    channel: Channel,
    direction: Direction,
    outcome: Outcome,
    destination: String,
    debts: Vec<String>,
    also_discussed: Vec<String>,
}

#[derive(Deserialize)]
struct AttemptData {
    at: DateTime<Utc>,
    channel: Channel,
    direction: Direction,
    outcome: Outcome,
    destination: String,
    #[serde(default)]
    debts: Vec<String>,
    #[serde(default)]
    also_discussed: Vec<String>,
}

impl TryFrom<AttemptData> for Attempt {
    type Error = Error;

    fn try_from(d: AttemptData) -> Result<Attempt> {
        Attempt::new(d.at, d.channel, d.direction, d.outcome, d.destination)?
            .about(d.debts)?
            .also_discussed(d.also_discussed)
    }
}

fn debt_list<I, S>(field: &'static str, debts: I) -> Result<Vec<String>>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    debts
        .into_iter()
        .map(|d| debt_id(field, d.into()))
        .collect()
}

impl Attempt {
    /// An attempt at an instant. A call or ringless voicemail cannot have a message outcome (`sent`,
    /// `undeliverable`).
    pub fn new(
        at: DateTime<Utc>,
        channel: Channel,
        direction: Direction,
        outcome: Outcome,
        destination: impl Into<String>,
    ) -> Result<Attempt> {
        check_instant("history.at", at)?;
        if channel.is_telephone_call() && outcome.message_only() {
            return Err(Error::invalid(
                "history.outcome",
                outcome,
                format!("is not an outcome of a {channel}"),
            ));
        }
        let destination = destination.into();
        if destination.trim().is_empty() {
            return Err(Error::invalid(
                "history.destination",
                "\"\"",
                "must not be blank",
            ));
        }
        Ok(Attempt {
            at,
            channel,
            direction,
            outcome,
            destination,
            debts: Vec::new(),
            also_discussed: Vec::new(),
        })
    }

    /// Sets the debts it was made about (the first one is the one an unanswered call counts toward).
    pub fn about<I, S>(mut self, debts: I) -> Result<Attempt>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.debts = debt_list("history.debts", debts)?;
        Ok(self)
    }

    /// Sets the debts the person raised in the conversation besides those it was made about.
    pub fn also_discussed<I, S>(mut self, debts: I) -> Result<Attempt>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.also_discussed = debt_list("history.also_discussed", debts)?;
        Ok(self)
    }

    /// When.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// How.
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// Who started it.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// What came of it.
    pub fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// The number or address.
    pub fn destination(&self) -> &str {
        &self.destination
    }

    /// The debts it was made about.
    pub fn debts(&self) -> &[String] {
        &self.debts
    }

    /// Debts raised in the conversation besides those.
    pub fn also_discussed_debts(&self) -> &[String] {
        &self.also_discussed
    }

    /// A telephone conversation with the person, §1006.14(b)(2)(i)(B).
    pub(crate) fn is_conversation(&self) -> bool {
        self.channel == Channel::Call && self.outcome == Outcome::RightPartyConversation
    }
}

/// A person's attempts and contacts, in time order (the constructor sorts them).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::{Attempt, Channel, ContactHistory, Direction, Outcome};
///
/// let t = |d| Utc.with_ymd_and_hms(2026, 4, d, 14, 0, 0).unwrap();
/// let call = |d| Attempt::new(t(d), Channel::Call, Direction::Outbound, Outcome::NoAnswer, "555");
/// let history = ContactHistory::new(vec![call(3)?, call(1)?])?;
/// assert_eq!(history.attempts()[0].at(), t(1));
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "Vec<Attempt>", into = "Vec<Attempt>")]
pub struct ContactHistory {
    attempts: Vec<Attempt>,
}

impl TryFrom<Vec<Attempt>> for ContactHistory {
    type Error = Error;

    fn try_from(attempts: Vec<Attempt>) -> Result<ContactHistory> {
        ContactHistory::new(attempts)
    }
}

impl From<ContactHistory> for Vec<Attempt> {
    fn from(h: ContactHistory) -> Vec<Attempt> {
        h.attempts
    }
}

impl ContactHistory {
    /// A history from attempts in any order.
    pub fn new(mut attempts: Vec<Attempt>) -> Result<ContactHistory> {
        attempts.sort_by_key(|a| a.at);
        Ok(ContactHistory { attempts })
    }

    /// No attempts.
    ///
    /// ```
    /// use collections_core::contact::ContactHistory;
    /// assert!(ContactHistory::empty().attempts().is_empty());
    /// ```
    pub fn empty() -> ContactHistory {
        ContactHistory::default()
    }

    /// The attempts, oldest first.
    pub fn attempts(&self) -> &[Attempt] {
        &self.attempts
    }
}

/// The question: may `channel` be used now (`at`) to reach `person` at `destination` about `debt`?
/// `autodialed` says whether an autodialer or an artificial or prerecorded voice is used (TCPA);
/// `purpose` is collection unless it is one of the notices the cease and opt-out rules let through.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::{Channel, ContactRequest};
///
/// let at = Utc.with_ymd_and_hms(2026, 4, 8, 14, 0, 0).unwrap();
/// let req = ContactRequest::new("person-1", "card-1", Channel::Call, "+1 212 555 0199", at)?.autodialed(true);
/// assert!(req.is_autodialed());
/// assert_eq!(ContactRequest::new("person-1", "", Channel::Call, "555", at).unwrap_err().field(), "debt");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RequestData")]
pub struct ContactRequest {
    person: String,
    debt: String,
    channel: Channel,
    destination: String,
    at: DateTime<Utc>,
    autodialed: bool,
    purpose: Purpose,
}

#[derive(Deserialize)]
struct RequestData {
    person: String,
    debt: String,
    channel: Channel,
    destination: String,
    at: DateTime<Utc>,
    #[serde(default)]
    autodialed: bool,
    #[serde(default = "collection")]
    purpose: Purpose,
}

fn collection() -> Purpose {
    Purpose::Collection
}

impl TryFrom<RequestData> for ContactRequest {
    type Error = Error;

    fn try_from(d: RequestData) -> Result<ContactRequest> {
        Ok(
            ContactRequest::new(d.person, d.debt, d.channel, d.destination, d.at)?
                .autodialed(d.autodialed)
                .with_purpose(d.purpose),
        )
    }
}

impl ContactRequest {
    /// A request (not autodialed).
    pub fn new(
        person: impl Into<String>,
        debt: impl Into<String>,
        channel: Channel,
        destination: impl Into<String>,
        at: DateTime<Utc>,
    ) -> Result<ContactRequest> {
        check_instant("at", at)?;
        let person = person.into();
        if person.trim().is_empty() {
            return Err(Error::invalid("person", "\"\"", "must not be blank"));
        }
        Ok(ContactRequest {
            person,
            debt: debt_id("debt", debt.into())?,
            channel,
            destination: destination.into(),
            at,
            autodialed: false,
            purpose: Purpose::Collection,
        })
    }

    /// Sets whether an autodialer or prerecorded voice is used.
    pub fn autodialed(mut self, yes: bool) -> ContactRequest {
        self.autodialed = yes;
        self
    }

    /// Sets the purpose (collection by default).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use collections_core::contact::{Channel, ContactRequest, Purpose};
    /// let at = Utc.with_ymd_and_hms(2026, 4, 8, 14, 0, 0).unwrap();
    /// let notice = ContactRequest::new("p", "d", Channel::Letter, "1 Main St", at)?.with_purpose(Purpose::CeaseNotice);
    /// assert_eq!(notice.purpose(), Purpose::CeaseNotice);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn with_purpose(mut self, purpose: Purpose) -> ContactRequest {
        self.purpose = purpose;
        self
    }

    /// The purpose.
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// The same request at another instant (a scheduler asking again).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use collections_core::contact::{Channel, ContactRequest};
    /// let at = Utc.with_ymd_and_hms(2026, 4, 8, 14, 0, 0).unwrap();
    /// let req = ContactRequest::new("p", "d", Channel::Email, "a@b.c", at)?;
    /// assert_eq!(req.at_instant(at + chrono::Duration::hours(1))?.at(), at + chrono::Duration::hours(1));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn at_instant(&self, at: DateTime<Utc>) -> Result<ContactRequest> {
        check_instant("at", at)?;
        let mut r = self.clone();
        r.at = at;
        Ok(r)
    }

    /// The person.
    pub fn person(&self) -> &str {
        &self.person
    }

    /// The debt.
    pub fn debt(&self) -> &str {
        &self.debt
    }

    /// The channel.
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// The number or address.
    pub fn destination(&self) -> &str {
        &self.destination
    }

    /// The instant.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// Whether an autodialer or prerecorded voice is used.
    pub fn is_autodialed(&self) -> bool {
        self.autodialed
    }
}
