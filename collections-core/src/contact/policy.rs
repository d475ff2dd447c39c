//! Policies: which rules apply, each with its id, citation and verification mark, composed from named
//! rule sets (presets) and the creditor's own rules, in code or as JSON.

use chrono::{NaiveDate, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

use super::clock::{check_date, TimeZone};
use super::kinds::{Channel, Verification};
use super::presets::RuleSet;
use crate::error::{Error, Result};

/// Whether a time window's bounds are themselves inside it. Times resolve to the second: an exclusive
/// start of 08:00 allows from 08:00:01; an inclusive end of 21:00 allows until 21:00:00.999...
///
/// ```
/// use collections_core::contact::Boundaries;
/// assert_eq!("exclusive".parse::<Boundaries>()?, Boundaries::Exclusive);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boundaries {
    /// `start <= t <= end` ("before 8 a.m. and after 9 p.m." are inconvenient: Regulation F's text).
    Inclusive,
    /// `start < t < end` ("after 8 o'clock antemeridian and before 9 o'clock postmeridian": the FDCPA's
    /// and Massachusetts' wording).
    Exclusive,
}

impl Boundaries {
    /// Both settings.
    pub const ALL: [Boundaries; 2] = [Boundaries::Inclusive, Boundaries::Exclusive];

    /// `inclusive` or `exclusive`.
    ///
    /// ```
    /// use collections_core::contact::Boundaries;
    /// assert_eq!(Boundaries::Inclusive.name(), "inclusive");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Boundaries::Inclusive => "inclusive",
            Boundaries::Exclusive => "exclusive",
        }
    }
}

crate::parse::by_name!(Boundaries, "boundaries");

/// Which attempts a cap counts.
///
/// ```
/// use collections_core::contact::Counting;
/// assert_eq!(Counting::Connected.name(), "connected");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// Every outbound attempt, whatever came of it.
    Attempts,
    /// Outbound attempts that connected (calls per comment 14(b)(3)(ii)-1; messages delivered), not to
    /// a number found to be wrong.
    Connected,
}

impl Counting {
    /// Both settings.
    pub const ALL: [Counting; 2] = [Counting::Attempts, Counting::Connected];

    /// `attempts` or `connected`.
    pub fn name(self) -> &'static str {
        match self {
            Counting::Attempts => "attempts",
            Counting::Connected => "connected",
        }
    }
}

crate::parse::by_name!(Counting, "count");

/// Which destinations a cap covers (Massachusetts and Washington count personal and work numbers apart).
///
/// ```
/// use collections_core::contact::Numbers;
/// assert_eq!(Numbers::Work.name(), "work");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Numbers {
    /// Every destination.
    Any,
    /// Destinations not at the place of employment (residence, cell, personal).
    Personal,
    /// Destinations at the place of employment.
    Work,
}

impl Numbers {
    /// Every setting.
    pub const ALL: [Numbers; 3] = [Numbers::Any, Numbers::Personal, Numbers::Work];

    /// `any`, `personal` or `work`.
    pub fn name(self) -> &'static str {
        match self {
            Numbers::Any => "any",
            Numbers::Personal => "personal",
            Numbers::Work => "work",
        }
    }
}

crate::parse::by_name!(Numbers, "numbers");

/// What a rule checks, with its settings. Periods of days are counted by calendar date in the person's
/// local time, in every zone they may be in (the strictest answer wins).
///
/// ```
/// use collections_core::contact::RuleKind;
/// let kind: RuleKind = serde_json::from_str(r#"{"kind": "minimum_gap", "channels": ["call"], "minutes": 120}"#).unwrap();
/// assert_eq!(kind.name(), "minimum_gap");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleKind {
    /// Contact only between `start` and `end` local time in every zone, on these channels.
    TimeOfDay {
        /// The earliest local time.
        start: NaiveTime,
        /// The latest local time.
        end: NaiveTime,
        /// Whether `start` and `end` themselves are allowed.
        boundaries: Boundaries,
        /// The channels it applies to.
        channels: Vec<Channel>,
        /// Whether the person's prior consent given directly to the collector (or a court's permission)
        /// lifts it, §1006.6(b)(4) (see [`TimePlaceConsent`](super::TimePlaceConsent)).
        #[serde(default)]
        consent_lifts: bool,
    },
    /// The times and dates the person said are inconvenient (§1006.6(b)(1)), on every channel but
    /// letters; after the person initiates contact at such a time, one response by the same channel. A
    /// [`TimePlaceConsent`](super::TimePlaceConsent) lifts it.
    InconvenientTimes,
    /// Regulation F's call frequencies, §1006.14(b)(2): per debt, no call if `max_calls` calls were
    /// placed within `days` consecutive days, nor within `days_after_conversation` days of a telephone
    /// conversation (its date is day one); with the exclusions of §1006.14(b)(3).
    CallFrequency {
        /// Calls allowed in the period (7).
        max_calls: u32,
        /// The period in days (7).
        days: u32,
        /// Days after a conversation, counting its date (7).
        days_after_conversation: u32,
    },
    /// At most `max` attempts on `channels` within `days` consecutive local dates.
    AttemptCap {
        /// The channels counted and limited.
        channels: Vec<Channel>,
        /// Attempts allowed in the period.
        max: u32,
        /// The period in days (1 = a calendar day).
        days: u32,
        /// Count per debt (only attempts about the request's debt) or across all debts.
        per_debt: bool,
        /// Which attempts count.
        count: Counting,
        /// Which destinations it covers.
        numbers: Numbers,
    },
    /// At least `minutes` between outbound attempts on `channels`.
    MinimumGap {
        /// The channels.
        channels: Vec<Channel>,
        /// The minimum gap in minutes.
        minutes: u32,
    },
    /// No contact on these local weekdays or dates.
    QuietDays {
        /// Quiet weekdays.
        weekdays: Vec<Weekday>,
        /// Quiet dates.
        dates: Vec<NaiveDate>,
    },
    /// A written cease or refusal to pay, §1006.6(c): no communication about the debt.
    Cease,
    /// Represented by an attorney about the debt, §1006.6(b)(2): only the attorney may be contacted.
    Attorney,
    /// Place of employment, §1006.6(b)(3) and §1006.22(f)(3): not where the employer prohibits it (unless
    /// a [`TimePlaceConsent`](super::TimePlaceConsent) is in force), never to an employer-provided email
    /// address.
    PlaceOfEmployment,
    /// Opt-outs per medium and address, §1006.14(h).
    OptOut,
    /// Collection stops while a dispute is pending (and, when `hold_during_validation`, during the
    /// validation period).
    DisputeHold {
        /// Also hold during the validation period.
        hold_during_validation: bool,
    },
    /// Autodialed or prerecorded calls and texts to a cell phone (or a line of unknown kind) need
    /// consent.
    TcpaConsent,
    /// No contact while a bankruptcy flag is in force.
    Bankruptcy,
    /// No contact with a person flagged deceased.
    Deceased,
    /// No contact to recover a debt in a breathing space.
    BreathingSpace,
}

impl RuleKind {
    /// The kind's snake_case name, as in JSON.
    pub fn name(&self) -> &'static str {
        match self {
            RuleKind::TimeOfDay { .. } => "time_of_day",
            RuleKind::InconvenientTimes => "inconvenient_times",
            RuleKind::CallFrequency { .. } => "call_frequency",
            RuleKind::AttemptCap { .. } => "attempt_cap",
            RuleKind::MinimumGap { .. } => "minimum_gap",
            RuleKind::QuietDays { .. } => "quiet_days",
            RuleKind::Cease => "cease",
            RuleKind::Attorney => "attorney",
            RuleKind::PlaceOfEmployment => "place_of_employment",
            RuleKind::OptOut => "opt_out",
            RuleKind::DisputeHold { .. } => "dispute_hold",
            RuleKind::TcpaConsent => "tcpa_consent",
            RuleKind::Bankruptcy => "bankruptcy",
            RuleKind::Deceased => "deceased",
            RuleKind::BreathingSpace => "breathing_space",
        }
    }

    fn check(&self) -> Result<()> {
        let nonempty = |channels: &Vec<Channel>| {
            if channels.is_empty() {
                Err(Error::invalid(
                    "rules.channels",
                    "[]",
                    "a rule must apply to at least one channel",
                ))
            } else {
                Ok(())
            }
        };
        let positive = |field: &'static str, n: u32| {
            if n == 0 || n > 3660 {
                Err(Error::invalid(field, n, "must be from 1 to 3660"))
            } else {
                Ok(())
            }
        };
        match self {
            RuleKind::TimeOfDay {
                start,
                end,
                boundaries,
                channels,
                ..
            } => {
                nonempty(channels)?;
                let (s, e) = window_seconds(*start, *end, *boundaries);
                if s >= e {
                    return Err(Error::invalid(
                        "rules.end",
                        end,
                        format!("the window from {start} ({}) is empty", boundaries.name()),
                    ));
                }
            }
            RuleKind::CallFrequency {
                max_calls,
                days,
                days_after_conversation,
            } => {
                positive("rules.max_calls", *max_calls)?;
                positive("rules.days", *days)?;
                positive("rules.days_after_conversation", *days_after_conversation)?;
            }
            RuleKind::AttemptCap {
                channels,
                max,
                days,
                ..
            } => {
                nonempty(channels)?;
                positive("rules.max", *max)?;
                positive("rules.days", *days)?;
            }
            RuleKind::MinimumGap { channels, minutes } => {
                nonempty(channels)?;
                positive("rules.minutes", *minutes)?;
            }
            RuleKind::QuietDays { weekdays, dates } => {
                let mut seen = [false; 7];
                for w in weekdays {
                    seen[w.num_days_from_monday() as usize] = true;
                }
                if seen.iter().all(|&s| s) {
                    return Err(Error::invalid(
                        "rules.weekdays",
                        format!("{weekdays:?}"),
                        "every day of the week is quiet: no contact would ever be allowed",
                    ));
                }
                for d in dates {
                    check_date("rules.dates", *d)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// `[start, end)` in seconds from midnight for a window with boundaries resolved to the second.
pub(crate) fn window_seconds(start: NaiveTime, end: NaiveTime, b: Boundaries) -> (u32, u32) {
    let (s, e) = (
        start.num_seconds_from_midnight(),
        end.num_seconds_from_midnight(),
    );
    match b {
        Boundaries::Inclusive => (s, e + 1),
        Boundaries::Exclusive => (s + 1, e),
    }
}

/// One rule of a policy: an id unique in the policy, the citation of its source, its verification mark
/// (`None` for the creditor's own rules), an optional first local date it applies, and what it checks.
///
/// ```
/// use collections_core::contact::{Channel, Rule, RuleKind};
///
/// let cap = Rule::new("creditor.two_calls_a_day", "creditor policy", RuleKind::AttemptCap {
///     channels: vec![Channel::Call], max: 2, days: 1, per_debt: false,
///     count: collections_core::contact::Counting::Attempts, numbers: collections_core::contact::Numbers::Any,
/// })?;
/// assert_eq!(cap.id(), "creditor.two_calls_a_day");
/// assert_eq!(Rule::new(" ", "x", RuleKind::Cease).unwrap_err().field(), "rules.id");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RuleData")]
pub struct Rule {
    id: String,
    citation: String,
    mark: Option<Verification>,
    effective_from: Option<NaiveDate>,
    #[serde(flatten)]
    kind: RuleKind,
}

#[derive(Deserialize)]
struct RuleData {
    id: String,
    #[serde(default)]
    citation: Option<String>,
    #[serde(default)]
    mark: Option<Verification>,
    #[serde(default)]
    effective_from: Option<NaiveDate>,
    #[serde(flatten)]
    kind: RuleKind,
}

impl TryFrom<RuleData> for Rule {
    type Error = Error;

    fn try_from(d: RuleData) -> Result<Rule> {
        let mut r = Rule::new(
            d.id,
            d.citation.unwrap_or_else(|| "creditor policy".into()),
            d.kind,
        )?;
        r.mark = d.mark;
        if let Some(day) = d.effective_from {
            r = r.effective_from(day)?;
        }
        Ok(r)
    }
}

impl Rule {
    /// A rule with no mark, in force from the start.
    pub fn new(id: impl Into<String>, citation: impl Into<String>, kind: RuleKind) -> Result<Rule> {
        let id = id.into();
        if id.trim().is_empty() {
            return Err(Error::invalid("rules.id", "\"\"", "must not be blank"));
        }
        kind.check()
            .map_err(|e| e.map_value(|v| format!("{v} (rule {id})")))?;
        Ok(Rule {
            id,
            citation: citation.into(),
            mark: None,
            effective_from: None,
            kind,
        })
    }

    pub(crate) fn preset(id: &str, citation: &str, mark: Verification, kind: RuleKind) -> Rule {
        Rule {
            id: id.into(),
            citation: citation.into(),
            mark: Some(mark),
            effective_from: None,
            kind,
        }
    }

    /// Sets the verification mark.
    pub fn marked(mut self, mark: Verification) -> Rule {
        self.mark = Some(mark);
        self
    }

    /// Applies only from a local date on.
    pub fn effective_from(mut self, day: NaiveDate) -> Result<Rule> {
        check_date("rules.effective_from", day)?;
        self.effective_from = Some(day);
        Ok(self)
    }

    /// The id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The citation.
    pub fn citation(&self) -> &str {
        &self.citation
    }

    /// The verification mark.
    pub fn mark(&self) -> Option<Verification> {
        self.mark
    }

    /// The first local date it applies, if limited.
    pub fn effective_from_date(&self) -> Option<NaiveDate> {
        self.effective_from
    }

    /// What it checks.
    pub fn kind(&self) -> &RuleKind {
        &self.kind
    }
}

/// What to do for a profile with no time zone.
///
/// ```
/// use collections_core::contact::{MissingTimeZone, TimeZone};
/// let assume = MissingTimeZone::Assume(TimeZone::parse("missing_time_zone", "America/Chicago")?);
/// assert_eq!(serde_json::to_string(&assume).unwrap(), r#"{"assume":"America/Chicago"}"#);
/// assert_eq!(serde_json::to_string(&MissingTimeZone::Block).unwrap(), r#""block""#);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "MissingTimeZoneRepr")]
pub enum MissingTimeZone {
    /// Block every contact (the decision says why; no next eligible instant).
    Block,
    /// Assume this zone.
    Assume(TimeZone),
}

/// [`MissingTimeZone`] as read from JSON: the assumed zone's name is checked naming
/// `missing_time_zone` (a profile's own zones are `time_zones`).
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum MissingTimeZoneRepr {
    Block,
    Assume(String),
}

impl TryFrom<MissingTimeZoneRepr> for MissingTimeZone {
    type Error = Error;
    fn try_from(r: MissingTimeZoneRepr) -> Result<MissingTimeZone> {
        Ok(match r {
            MissingTimeZoneRepr::Block => MissingTimeZone::Block,
            MissingTimeZoneRepr::Assume(name) => {
                MissingTimeZone::Assume(TimeZone::parse("missing_time_zone", &name)?)
            }
        })
    }
}

/// A policy: the rules that apply, the setting for profiles with no time zone, and how far ahead the
/// next eligible instant is searched (`search_days`, 400 by default: beyond it, `None`).
///
/// In JSON: `presets` names rule sets ([`RuleSet::names`]), `rules` adds rules, `disable` removes rules
/// by id. An unknown preset, a `disable` naming no rule, two rules with one id, an empty policy or
/// time-of-day windows that leave no time on a channel are errors.
///
/// ```
/// use collections_core::contact::Policy;
///
/// let policy: Policy = serde_json::from_str(r#"{
///     "presets": ["regulation_f", "massachusetts"],
///     "disable": ["reg_f.inconvenient_times"],
///     "missing_time_zone": {"assume": "America/New_York"}
/// }"#).unwrap();
/// assert!(policy.rule("ma.time_of_day").is_some());
/// assert!(policy.rule("reg_f.inconvenient_times").is_none());
/// let err = serde_json::from_str::<Policy>(r#"{"presets": ["regulation_f"], "disable": ["reg_f.typo"]}"#).unwrap_err();
/// assert!(err.to_string().contains("disable"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PolicyData", into = "PolicyData")]
pub struct Policy {
    rules: Vec<Rule>,
    missing_time_zone: MissingTimeZone,
    search_days: u32,
}

#[derive(Serialize, Deserialize)]
struct PolicyData {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    presets: Vec<String>,
    #[serde(default)]
    rules: Vec<Rule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    disable: Vec<String>,
    #[serde(default = "block")]
    missing_time_zone: MissingTimeZone,
    #[serde(default = "default_search_days")]
    search_days: u32,
}

fn block() -> MissingTimeZone {
    MissingTimeZone::Block
}

fn default_search_days() -> u32 {
    400
}

impl TryFrom<PolicyData> for Policy {
    type Error = Error;

    fn try_from(d: PolicyData) -> Result<Policy> {
        let mut rules = Vec::new();
        for name in &d.presets {
            rules.extend(RuleSet::by_name(name)?.rules().iter().cloned());
        }
        rules.extend(d.rules);
        let mut policy = Policy::from_rules(rules)?;
        for id in &d.disable {
            policy = policy.without(id)?;
        }
        policy
            .with_missing_time_zone(d.missing_time_zone)
            .with_search_days(d.search_days)
    }
}

impl From<Policy> for PolicyData {
    fn from(p: Policy) -> PolicyData {
        PolicyData {
            presets: Vec::new(),
            rules: p.rules,
            disable: Vec::new(),
            missing_time_zone: p.missing_time_zone,
            search_days: p.search_days,
        }
    }
}

impl Policy {
    /// A policy of these rules (blocking profiles with no zone).
    pub fn from_rules(rules: Vec<Rule>) -> Result<Policy> {
        let policy = Policy {
            rules,
            missing_time_zone: MissingTimeZone::Block,
            search_days: default_search_days(),
        };
        policy.check()?;
        Ok(policy)
    }

    /// The rules of named rule sets, in order.
    ///
    /// ```
    /// use collections_core::contact::Policy;
    /// let p = Policy::from_presets(&["regulation_f", "tcpa"])?;
    /// assert!(p.rule("tcpa.autodialer_consent").is_some());
    /// assert_eq!(Policy::from_presets(&["texas"]).unwrap_err().field(), "presets");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn from_presets(names: &[&str]) -> Result<Policy> {
        let mut rules = Vec::new();
        for name in names {
            rules.extend(RuleSet::by_name(name)?.rules().iter().cloned());
        }
        Policy::from_rules(rules)
    }

    /// The US federal baseline: Regulation F, the TCPA and the status holds.
    ///
    /// ```
    /// use collections_core::contact::Policy;
    /// assert!(Policy::us_federal().rule("reg_f.call_frequency").is_some());
    /// ```
    pub fn us_federal() -> Policy {
        let mut rules = RuleSet::regulation_f().rules().to_vec();
        rules.extend(RuleSet::tcpa().rules().iter().cloned());
        rules.extend(RuleSet::status_holds().rules().iter().cloned());
        Policy {
            rules,
            missing_time_zone: MissingTimeZone::Block,
            search_days: default_search_days(),
        }
    }

    /// Adds a rule (its id must be new; the policy must stay consistent).
    ///
    /// ```
    /// use collections_core::contact::{Policy, Rule, RuleKind};
    /// let p = Policy::us_federal();
    /// let dup = Rule::new("reg_f.cease", "x", RuleKind::Cease)?;
    /// assert_eq!(p.with_rule(dup).unwrap_err().field(), "rules.id");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn with_rule(mut self, rule: Rule) -> Result<Policy> {
        self.rules.push(rule);
        self.check()?;
        Ok(self)
    }

    /// Removes the rule with this id; fails if there is none.
    ///
    /// ```
    /// use collections_core::contact::Policy;
    /// assert!(Policy::us_federal().without("reg_f.inconvenient_times").is_ok());
    /// assert_eq!(Policy::us_federal().without("reg_f.nope").unwrap_err().field(), "disable");
    /// ```
    pub fn without(mut self, id: &str) -> Result<Policy> {
        let before = self.rules.len();
        self.rules.retain(|r| r.id != id);
        if self.rules.len() == before {
            return Err(Error::invalid(
                "disable",
                id,
                "no rule of the policy has this id",
            ));
        }
        self.check()?;
        Ok(self)
    }

    /// Sets what to do for a profile with no time zone.
    pub fn with_missing_time_zone(mut self, setting: MissingTimeZone) -> Policy {
        self.missing_time_zone = setting;
        self
    }

    /// Sets how many days ahead the next eligible instant is searched (1 to 3660).
    ///
    /// ```
    /// use collections_core::contact::Policy;
    /// assert_eq!(Policy::us_federal().with_search_days(0).unwrap_err().field(), "search_days");
    /// ```
    pub fn with_search_days(mut self, days: u32) -> Result<Policy> {
        if days == 0 || days > 3660 {
            return Err(Error::invalid(
                "search_days",
                days,
                "must be from 1 to 3660",
            ));
        }
        self.search_days = days;
        Ok(self)
    }

    /// The rules.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The setting for profiles with no time zone.
    pub fn missing_time_zone(&self) -> MissingTimeZone {
        self.missing_time_zone
    }

    /// The zone assumed for a profile with none (`None`: block).
    pub(crate) fn assumed_zone(&self) -> Option<&TimeZone> {
        match &self.missing_time_zone {
            MissingTimeZone::Block => None,
            MissingTimeZone::Assume(zone) => Some(zone),
        }
    }

    /// How far ahead the next eligible instant is searched.
    pub fn search_days(&self) -> u32 {
        self.search_days
    }

    fn check(&self) -> Result<()> {
        if self.rules.is_empty() {
            return Err(Error::invalid(
                "rules",
                "[]",
                "a policy without rules would allow everything",
            ));
        }
        for (i, r) in self.rules.iter().enumerate() {
            r.kind
                .check()
                .map_err(|e| e.map_value(|v| format!("{v} (rule {})", r.id)))?;
            if self.rules[..i].iter().any(|o| o.id == r.id) {
                return Err(Error::invalid("rules.id", &r.id, "two rules have this id"));
            }
        }
        // Time-of-day windows that share a channel must overlap, or that channel could never be used.
        for channel in Channel::ALL {
            let (mut lo, mut hi) = (0u32, 86_401u32);
            let mut ids: Vec<&str> = Vec::new();
            for r in &self.rules {
                if let RuleKind::TimeOfDay {
                    start,
                    end,
                    boundaries,
                    channels,
                    ..
                } = &r.kind
                {
                    if channels.contains(&channel) {
                        let (s, e) = window_seconds(*start, *end, *boundaries);
                        lo = lo.max(s);
                        hi = hi.min(e);
                        ids.push(&r.id);
                    }
                }
            }
            if lo >= hi {
                return Err(Error::invalid(
                    "rules",
                    ids.join(", "),
                    format!("these time-of-day windows leave no time for a {channel}"),
                ));
            }
        }
        Ok(())
    }
}
