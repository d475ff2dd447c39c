//! Contact rules: may we contact this person now, on this channel, about this debt, and if not, when?
//!
//! Follows US Regulation F (12 CFR 1006) and its official interpretations: the 8 a.m. to 9 p.m. window
//! at every location the person may be in (§1006.6(b)(1)(i), comment 6(b)(1)(i)-2), the call
//! frequencies per debt (§1006.14(b)(2)-(4)), attorney, cease, place of employment, opt-outs and
//! dispute holds; the TCPA's autodialer consent; and presets for Massachusetts, Washington, New York City,
//! Florida and the United Kingdom, each rule citing its source with a verification mark.
//!
//! - Inputs: a [`ContactProfile`] (zones, [`Destination`]s, consents, opt-outs, inconvenient times,
//!   [`StatusFlag`]s), a [`ContactHistory`] of [`Attempt`]s and a [`ContactRequest`].
//! - Policy: a [`Policy`] of [`Rule`]s, composed from [`RuleSet`]s and the creditor's own rules, in code
//!   or JSON.
//! - Output: a [`Decision`] ([`evaluate`]) with every [`Reason`], [`Warning`]s and the next eligible
//!   instant; [`eligible_windows`] over a horizon; [`evaluate_batch`] for many requests.
//!
//! Days are calendar dates in the person's local time; with several zones the strictest answer wins.
//! Instants and dates must lie in 1900-2200.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use collections_core::contact::*;
//!
//! // A dialer asks: may I call now, and if not, when?
//! let profile = ContactProfile::new("p1", &["America/Chicago"])?
//!     .with_destination(Destination::phone("+1 312 555 0100", PhoneLine::Cell)?)?;
//! let at = Utc.with_ymd_and_hms(2026, 11, 2, 3, 30, 0).unwrap(); // 21:30 in Chicago
//! let request = ContactRequest::new("p1", "card-1", Channel::Call, "+1 312 555 0100", at)?;
//! let decision = evaluate(&Policy::us_federal(), &profile, &ContactHistory::empty(), &request)?;
//! assert!(!decision.allowed());
//! assert_eq!(decision.next_eligible(), Some(Utc.with_ymd_and_hms(2026, 11, 2, 14, 0, 0).unwrap())); // 08:00 CST
//! # Ok::<(), collections_core::Error>(())
//! ```

mod clock;
mod decision;
mod history;
mod kinds;
mod policy;
mod presets;
mod profile;
mod rules;

pub use clock::TimeZone;
pub use decision::{
    eligible_windows, evaluate, evaluate_batch, evaluate_batch_on, next_eligible, BatchItem,
    Decision, Reason, Warning, Window,
};
pub use history::{Attempt, ContactHistory, ContactRequest};
pub use kinds::{
    Channel, Direction, FlagKind, Medium, Outcome, Party, PhoneLine, Purpose, Verification,
};
pub use policy::{Boundaries, Counting, MissingTimeZone, Numbers, Policy, Rule, RuleKind};
pub use presets::RuleSet;
pub use profile::{
    ContactProfile, Destination, OptOut, PriorConsent, StatusFlag, TcpaConsent, TimePlaceConsent,
    WeeklyWindow,
};
