//! The named kinds of the contact chapter: channels, directions, outcomes, parties, phone lines, status
//! flags and verification marks. Each has `ALL`, `name()` and `FromStr` (a wrong name is an error naming
//! the field and listing the names), and serializes as its snake_case name.

use serde::{Deserialize, Serialize};

use crate::parse::by_name;

/// How a contact is made.
///
/// ```
/// use collections_core::contact::Channel;
///
/// assert_eq!("ringless voicemail".parse::<Channel>()?, Channel::RinglessVoicemail);
/// assert!(Channel::RinglessVoicemail.is_telephone_call());
/// assert!(!Channel::Text.is_telephone_call());
/// assert_eq!("fax".parse::<Channel>().unwrap_err().field(), "channel");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Channel {
    /// A telephone call.
    Call,
    /// A voicemail left without the phone ringing (a telephone call for §1006.14(b), comment 14(b)-1).
    RinglessVoicemail,
    /// A text message (SMS).
    Text,
    /// An email.
    Email,
    /// A letter.
    Letter,
    /// A visit in person.
    Visit,
}

impl Channel {
    /// Every channel.
    pub const ALL: [Channel; 6] = [
        Channel::Call,
        Channel::RinglessVoicemail,
        Channel::Text,
        Channel::Email,
        Channel::Letter,
        Channel::Visit,
    ];

    /// `call`, `ringless_voicemail`, `text`, `email`, `letter` or `visit`.
    ///
    /// ```
    /// use collections_core::contact::Channel;
    /// assert_eq!(Channel::Email.name(), "email");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Channel::Call => "call",
            Channel::RinglessVoicemail => "ringless_voicemail",
            Channel::Text => "text",
            Channel::Email => "email",
            Channel::Letter => "letter",
            Channel::Visit => "visit",
        }
    }

    /// Whether it is "placing a telephone call" for §1006.14(b): calls and ringless voicemails, not texts
    /// or emails (comment 14(b)-1).
    ///
    /// ```
    /// use collections_core::contact::Channel;
    /// assert!(Channel::Call.is_telephone_call());
    /// ```
    pub fn is_telephone_call(self) -> bool {
        matches!(self, Channel::Call | Channel::RinglessVoicemail)
    }

    /// The kind of address the channel reaches.
    ///
    /// ```
    /// use collections_core::contact::{Channel, Medium};
    /// assert_eq!(Channel::Text.medium(), Medium::Phone);
    /// assert_eq!(Channel::Visit.medium(), Medium::Postal);
    /// ```
    pub fn medium(self) -> Medium {
        match self {
            Channel::Call | Channel::RinglessVoicemail | Channel::Text => Medium::Phone,
            Channel::Email => Medium::Email,
            Channel::Letter | Channel::Visit => Medium::Postal,
        }
    }
}

by_name!(Channel, "channel");

/// The kind of address a destination is.
///
/// ```
/// use collections_core::contact::Medium;
/// assert_eq!("phone".parse::<Medium>()?, Medium::Phone);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Medium {
    /// A telephone number (calls, ringless voicemails, texts).
    Phone,
    /// An email address.
    Email,
    /// A postal address (letters, visits).
    Postal,
}

impl Medium {
    /// Every medium.
    pub const ALL: [Medium; 3] = [Medium::Phone, Medium::Email, Medium::Postal];

    /// `phone`, `email` or `postal`.
    ///
    /// ```
    /// use collections_core::contact::Medium;
    /// assert_eq!(Medium::Postal.name(), "postal");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Medium::Phone => "phone",
            Medium::Email => "email",
            Medium::Postal => "postal",
        }
    }
}

by_name!(Medium, "medium");

/// Who started a contact.
///
/// ```
/// use collections_core::contact::Direction;
/// assert_eq!("inbound".parse::<Direction>()?, Direction::Inbound);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Placed or sent by the collector.
    Outbound,
    /// Initiated by the person (they called, texted or wrote).
    Inbound,
}

impl Direction {
    /// Both directions.
    pub const ALL: [Direction; 2] = [Direction::Outbound, Direction::Inbound];

    /// `outbound` or `inbound`.
    ///
    /// ```
    /// use collections_core::contact::Direction;
    /// assert_eq!(Direction::Outbound.name(), "outbound");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Direction::Outbound => "outbound",
            Direction::Inbound => "inbound",
        }
    }
}

by_name!(Direction, "direction");

/// What came of an attempt.
///
/// For calls, "connected" follows comment 14(b)(3)(ii)-1: a busy signal or a number not in service does
/// not connect; a call that rang unanswered, reached voicemail or was answered does.
///
/// ```
/// use collections_core::contact::Outcome;
/// assert!(!Outcome::Busy.connected());
/// assert!(Outcome::NoAnswer.connected());
/// assert_eq!("wrong-number".parse::<Outcome>()?, Outcome::WrongNumber);
/// assert_eq!("hung up".parse::<Outcome>().unwrap_err().field(), "outcome");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// A busy signal (a call that did not connect).
    Busy,
    /// The number is not in service (a call that did not connect).
    NotInService,
    /// The phone rang and nobody answered (connected).
    NoAnswer,
    /// A voicemail message about the debts listed (connected; counts toward each, comment 14(b)(4)-1.i).
    Voicemail,
    /// A limited-content message, §1006.2(j) (connected; refers to no particular debt).
    LimitedContentMessage,
    /// A conversation with the person (for calls: a "telephone conversation", §1006.14(b)(2)(i)(B)).
    RightPartyConversation,
    /// Someone other than the person answered (connected).
    ThirdParty,
    /// The number turned out not to be the person's: calls to it do not count as calls to the person
    /// (comment 14(b)(2)(i)-3).
    WrongNumber,
    /// A text, email or letter sent.
    Sent,
    /// A text, email or letter that bounced or was returned.
    Undeliverable,
}

impl Outcome {
    /// Every outcome.
    pub const ALL: [Outcome; 10] = [
        Outcome::Busy,
        Outcome::NotInService,
        Outcome::NoAnswer,
        Outcome::Voicemail,
        Outcome::LimitedContentMessage,
        Outcome::RightPartyConversation,
        Outcome::ThirdParty,
        Outcome::WrongNumber,
        Outcome::Sent,
        Outcome::Undeliverable,
    ];

    /// The snake_case name (`busy`, `not_in_service`, `no_answer`, ...).
    ///
    /// ```
    /// use collections_core::contact::Outcome;
    /// assert_eq!(Outcome::LimitedContentMessage.name(), "limited_content_message");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Busy => "busy",
            Outcome::NotInService => "not_in_service",
            Outcome::NoAnswer => "no_answer",
            Outcome::Voicemail => "voicemail",
            Outcome::LimitedContentMessage => "limited_content_message",
            Outcome::RightPartyConversation => "right_party_conversation",
            Outcome::ThirdParty => "third_party",
            Outcome::WrongNumber => "wrong_number",
            Outcome::Sent => "sent",
            Outcome::Undeliverable => "undeliverable",
        }
    }

    /// Whether a call with this outcome connected to the dialed number (comment 14(b)(3)(ii)-1); for
    /// messages, whether it was delivered.
    ///
    /// ```
    /// use collections_core::contact::Outcome;
    /// assert!(Outcome::Voicemail.connected());
    /// assert!(!Outcome::NotInService.connected());
    /// ```
    pub fn connected(self) -> bool {
        !matches!(
            self,
            Outcome::Busy | Outcome::NotInService | Outcome::Undeliverable
        )
    }

    /// Whether the outcome can only come from a text, email or letter.
    pub(crate) fn message_only(self) -> bool {
        matches!(self, Outcome::Sent | Outcome::Undeliverable)
    }
}

by_name!(Outcome, "outcome");

/// Who is at a destination. Calls to the persons of §1006.6(d)(1)(ii)-(vi) (the consumer's attorney, a
/// consumer reporting agency, the creditor and the attorneys of the creditor or collector) do not count
/// toward the call frequencies (§1006.14(b)(3)(iii)).
///
/// ```
/// use collections_core::contact::Party;
/// assert!(Party::ConsumerAttorney.excluded_from_call_frequency());
/// assert!(!Party::Consumer.excluded_from_call_frequency());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Party {
    /// The person the profile describes.
    Consumer,
    /// The consumer's attorney.
    ConsumerAttorney,
    /// A consumer reporting agency.
    ConsumerReportingAgency,
    /// The creditor.
    Creditor,
    /// The creditor's attorney.
    CreditorAttorney,
    /// The debt collector's attorney.
    CollectorAttorney,
    /// Anyone else (a relative, a neighbour asked for location information).
    ThirdParty,
}

impl Party {
    /// Every party.
    pub const ALL: [Party; 7] = [
        Party::Consumer,
        Party::ConsumerAttorney,
        Party::ConsumerReportingAgency,
        Party::Creditor,
        Party::CreditorAttorney,
        Party::CollectorAttorney,
        Party::ThirdParty,
    ];

    /// The snake_case name.
    ///
    /// ```
    /// use collections_core::contact::Party;
    /// assert_eq!(Party::ThirdParty.name(), "third_party");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Party::Consumer => "consumer",
            Party::ConsumerAttorney => "consumer_attorney",
            Party::ConsumerReportingAgency => "consumer_reporting_agency",
            Party::Creditor => "creditor",
            Party::CreditorAttorney => "creditor_attorney",
            Party::CollectorAttorney => "collector_attorney",
            Party::ThirdParty => "third_party",
        }
    }

    /// Calls to this party are excluded from the §1006.14(b)(2) frequencies by §1006.14(b)(3)(iii).
    pub fn excluded_from_call_frequency(self) -> bool {
        !matches!(self, Party::Consumer | Party::ThirdParty)
    }
}

by_name!(Party, "party");

/// The kind of telephone line. An unknown line is treated as a cell phone wherever that is stricter
/// (the TCPA's autodialer consent).
///
/// ```
/// use collections_core::contact::PhoneLine;
/// assert_eq!("landline".parse::<PhoneLine>()?, PhoneLine::Landline);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneLine {
    /// A mobile phone.
    Cell,
    /// A fixed line.
    Landline,
    /// Not known (or not a phone).
    Unknown,
}

impl PhoneLine {
    /// Every kind.
    pub const ALL: [PhoneLine; 3] = [PhoneLine::Cell, PhoneLine::Landline, PhoneLine::Unknown];

    /// `cell`, `landline` or `unknown`.
    ///
    /// ```
    /// use collections_core::contact::PhoneLine;
    /// assert_eq!(PhoneLine::Cell.name(), "cell");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            PhoneLine::Cell => "cell",
            PhoneLine::Landline => "landline",
            PhoneLine::Unknown => "unknown",
        }
    }
}

by_name!(PhoneLine, "line");

/// A status with effective dates that holds or limits contact (see [`StatusFlag`](super::StatusFlag)).
///
/// ```
/// use collections_core::contact::FlagKind;
/// assert_eq!("breathing space".parse::<FlagKind>()?, FlagKind::BreathingSpace);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FlagKind {
    /// A written refusal to pay or request to cease communication received, §1006.6(c).
    CeaseReceived,
    /// The person is represented by an attorney about the debt, §1006.6(b)(2).
    AttorneyRepresentation,
    /// A bankruptcy case is open (the automatic stay, 11 U.S.C. 362(a)(6)).
    Bankruptcy,
    /// The person has died.
    Deceased,
    /// A dispute (or a request for the original creditor) is pending, §1006.38, CONC 7.14.1R.
    DisputePending,
    /// The validation period of §1006.34(b)(5) is running.
    ValidationPeriod,
    /// A UK debt respite (breathing space) moratorium, SI 2020/1311.
    BreathingSpace,
}

impl FlagKind {
    /// Every kind.
    pub const ALL: [FlagKind; 7] = [
        FlagKind::CeaseReceived,
        FlagKind::AttorneyRepresentation,
        FlagKind::Bankruptcy,
        FlagKind::Deceased,
        FlagKind::DisputePending,
        FlagKind::ValidationPeriod,
        FlagKind::BreathingSpace,
    ];

    /// The snake_case name.
    ///
    /// ```
    /// use collections_core::contact::FlagKind;
    /// assert_eq!(FlagKind::CeaseReceived.name(), "cease_received");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            FlagKind::CeaseReceived => "cease_received",
            FlagKind::AttorneyRepresentation => "attorney_representation",
            FlagKind::Bankruptcy => "bankruptcy",
            FlagKind::Deceased => "deceased",
            FlagKind::DisputePending => "dispute_pending",
            FlagKind::ValidationPeriod => "validation_period",
            FlagKind::BreathingSpace => "breathing_space",
        }
    }
}

by_name!(FlagKind, "flags.kind");

/// How well a rule's source was checked (the marks of `contact-rules.md`): `V` primary text read, `S`
/// secondary source only, `?` not verified. Rules marked `S` or `?` must be checked before production use.
///
/// ```
/// use collections_core::contact::Verification;
/// assert_eq!(serde_json::to_string(&Verification::Unverified).unwrap(), "\"?\"");
/// assert_eq!("S".parse::<Verification>()?, Verification::Secondary);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Verification {
    /// `V`: the primary text was read.
    #[serde(rename = "V")]
    Verified,
    /// `S`: a secondary source only.
    #[serde(rename = "S")]
    Secondary,
    /// `?`: not verified.
    #[serde(rename = "?")]
    Unverified,
}

impl Verification {
    /// Every mark.
    pub const ALL: [Verification; 3] = [
        Verification::Verified,
        Verification::Secondary,
        Verification::Unverified,
    ];

    /// `V`, `S` or `?`.
    ///
    /// ```
    /// use collections_core::contact::Verification;
    /// assert_eq!(Verification::Verified.name(), "V");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Verification::Verified => "V",
            Verification::Secondary => "S",
            Verification::Unverified => "?",
        }
    }
}

by_name!(Verification, "mark");

/// Why a contact is made. The exceptions of the cease and opt-out rules apply only to the named purposes;
/// every other rule (the time of day, the frequencies, ...) still applies.
///
/// ```
/// use collections_core::contact::Purpose;
/// assert_eq!("opt-out confirmation".parse::<Purpose>()?, Purpose::OptOutConfirmation);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Purpose {
    /// Collecting the debt (the default).
    Collection,
    /// After a cease: advising that collection efforts are being terminated, or that a specified remedy
    /// may be or will be invoked, §1006.6(c)(2).
    CeaseNotice,
    /// The one electronic confirmation (text or email) of a request to opt out of that medium,
    /// §1006.14(h)(2)(i).
    OptOutConfirmation,
}

impl Purpose {
    /// Every purpose.
    pub const ALL: [Purpose; 3] = [
        Purpose::Collection,
        Purpose::CeaseNotice,
        Purpose::OptOutConfirmation,
    ];

    /// `collection`, `cease_notice` or `opt_out_confirmation`.
    ///
    /// ```
    /// use collections_core::contact::Purpose;
    /// assert_eq!(Purpose::CeaseNotice.name(), "cease_notice");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Purpose::Collection => "collection",
            Purpose::CeaseNotice => "cease_notice",
            Purpose::OptOutConfirmation => "opt_out_confirmation",
        }
    }
}

by_name!(Purpose, "purpose");
