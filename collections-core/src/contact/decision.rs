//! Decisions: whether a contact is allowed now, every reason it is not, warnings, the next eligible
//! instant and the eligible windows over a horizon; one request or many.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::clock::TimeZone;
use super::history::{ContactHistory, ContactRequest};
use super::kinds::Verification;
use super::policy::{Policy, Rule};
use super::profile::ContactProfile;
use super::rules::{check, concentration, explain, Ctx};
use crate::error::{Error, Result};

/// Why a contact is blocked: the rule's id, its citation and mark, and a sentence a collector understands.
///
/// ```
/// use collections_core::contact::Reason;
/// let r: Reason = serde_json::from_str(r#"{"rule":"reg_f.cease","citation":"12 CFR 1006.6(c)","mark":"V","message":"..."}"#).unwrap();
/// assert_eq!(r.rule, "reg_f.cease");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// The rule's id (`reg_f.time_of_day`, `ma.calls_personal_numbers`, ...).
    pub rule: String,
    /// Its source.
    pub citation: String,
    /// Its verification mark (`None` for the creditor's own rules).
    pub mark: Option<Verification>,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// Something that does not block but a collector should see: calls in rapid succession or highly
/// concentrated (comment 14(b)(2)(i)-2.i and .ii), factors that may rebut the presumption of compliance.
///
/// ```
/// use collections_core::contact::Warning;
/// let w: Warning = serde_json::from_str(r#"{"code":"rapid_succession","citation":"comment 14(b)(2)(i)-2.i","message":"..."}"#).unwrap();
/// assert_eq!(w.code, "rapid_succession");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// `rapid_succession` or `high_concentration`.
    pub code: String,
    /// Its source.
    pub citation: String,
    /// What it means, in a sentence.
    pub message: String,
}

/// A half-open interval of instants `[start, end)`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::Window;
/// let w = Window { start: Utc.with_ymd_and_hms(2026, 4, 8, 12, 0, 0).unwrap(), end: Utc.with_ymd_and_hms(2026, 4, 9, 1, 0, 1).unwrap() };
/// assert_eq!(w.duration().num_seconds(), 13 * 3600 + 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// The first instant contact is allowed.
    pub start: DateTime<Utc>,
    /// The first instant after it that contact is not allowed (or the horizon's end).
    pub end: DateTime<Utc>,
}

impl Window {
    /// How long it lasts.
    pub fn duration(&self) -> Duration {
        self.end - self.start
    }
}

/// The answer to a [`ContactRequest`]: allowed or not, why not, warnings, and the next eligible instant
/// (the earliest instant at or after the request when every rule allows; `None` when none comes within
/// the policy's search horizon, as after a cease).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::*;
///
/// let profile = ContactProfile::new("p1", &["America/New_York"])?
///     .with_destination(Destination::phone("+1 212 555 0199", PhoneLine::Cell)?)?;
/// let at = Utc.with_ymd_and_hms(2026, 4, 8, 11, 0, 0).unwrap(); // 07:00 in New York
/// let request = ContactRequest::new("p1", "card-1", Channel::Call, "+1 212 555 0199", at)?;
/// let decision = evaluate(&Policy::us_federal(), &profile, &ContactHistory::empty(), &request)?;
/// assert!(!decision.allowed());
/// assert_eq!(decision.reasons()[0].rule, "reg_f.time_of_day");
/// assert_eq!(decision.next_eligible(), Some(Utc.with_ymd_and_hms(2026, 4, 8, 12, 0, 0).unwrap()));
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    allowed: bool,
    at: DateTime<Utc>,
    reasons: Vec<Reason>,
    warnings: Vec<Warning>,
    next_eligible: Option<DateTime<Utc>>,
}

impl Decision {
    /// Whether the contact may be made at the request's instant.
    pub fn allowed(&self) -> bool {
        self.allowed
    }

    /// The request's instant.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// Every rule that blocks (empty when allowed).
    pub fn reasons(&self) -> &[Reason] {
        &self.reasons
    }

    /// Warnings that do not block.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The earliest instant at or after the request when every rule allows (the request's own instant
    /// when allowed).
    pub fn next_eligible(&self) -> Option<DateTime<Utc>> {
        self.next_eligible
    }
}

const MISSING_ZONE_RULE: &str = "policy.missing_time_zone";

/// The context of one evaluation, after the input checks; `None` zones means "block: no zone".
fn context<'a>(
    policy: &'a Policy,
    profile: &'a ContactProfile,
    history: &'a ContactHistory,
    request: &'a ContactRequest,
) -> Result<Option<Ctx<'a>>> {
    if request.person() != profile.person() {
        return Err(Error::invalid(
            "person",
            request.person(),
            format!(
                "the request is for another person than the profile ({})",
                profile.person()
            ),
        ));
    }
    let dest = profile.destination(request.destination()).ok_or_else(|| {
        Error::invalid(
            "destination",
            request.destination(),
            "is not a destination of the profile",
        )
    })?;
    if dest.medium() != request.channel().medium() {
        return Err(Error::invalid(
            "destination",
            request.destination(),
            format!(
                "is a {} address, which a {} cannot reach",
                dest.medium().name(),
                request.channel()
            ),
        ));
    }
    let attempts = history.attempts();
    if let Some((i, late)) = attempts
        .iter()
        .enumerate()
        .rev()
        .find(|(_, a)| a.at() > request.at())
    {
        return Err(Error::invalid(
            "history.at",
            format!("attempt #{i} at {}", late.at().to_rfc3339()),
            format!("is after the request instant {}", request.at().to_rfc3339()),
        ));
    }
    let zones: &'a [TimeZone] = if profile.time_zones().is_empty() {
        match policy.assumed_zone() {
            None => return Ok(None),
            Some(zone) => std::slice::from_ref(zone),
        }
    } else {
        profile.time_zones()
    };
    let mut wrong_numbers: Vec<&'a str> = Vec::new();
    for a in attempts {
        if a.outcome() == super::kinds::Outcome::WrongNumber
            && !wrong_numbers.contains(&a.destination())
        {
            wrong_numbers.push(a.destination());
        }
    }
    Ok(Some(Ctx {
        profile,
        attempts,
        req: request,
        dest,
        zones,
        debt_key: profile.frequency_debt(request.debt()),
        wrong_numbers,
        until_blocked: false,
    }))
}

/// Whether every rule allows at `t`; otherwise the earliest instant any of them could (`None`: never).
fn step(
    rules: &[Rule],
    ctx: &Ctx<'_>,
    t: DateTime<Utc>,
) -> std::result::Result<Option<DateTime<Utc>>, Option<DateTime<Utc>>> {
    let mut blocked = false;
    let mut jump = t;
    let mut allowed_until: Option<DateTime<Utc>> = None;
    for rule in rules {
        let v = check(rule, ctx, t);
        if v.blocked {
            blocked = true;
            match v.change {
                None => return Err(None),
                Some(c) => jump = jump.max(c),
            }
        } else if let Some(c) = v.change {
            allowed_until = Some(allowed_until.map_or(c, |u| u.min(c)));
        }
    }
    if blocked {
        // A rule's instant is never later than the truth; at least one second of progress guards
        // against one that is not after `t` (a repeated local hour).
        Err(Some(jump.max(t + Duration::seconds(1))))
    } else {
        Ok(allowed_until)
    }
}

/// The first instant from `from` on when every rule allows, within the policy's search days of the
/// request's instant.
fn search(policy: &Policy, ctx: &Ctx<'_>, from: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let limit = ctx.req.at() + Duration::days(i64::from(policy.search_days()));
    let mut t = from;
    while t <= limit {
        match step(policy.rules(), ctx, t) {
            Ok(_) => return Some(t),
            Err(None) => return None,
            Err(Some(next)) => t = next,
        }
    }
    None
}

/// Decides a request: may this channel be used now to reach this person at this destination about this
/// debt, and if not, why and when?
///
/// Fails (never answering "allowed") when the request is for another person than the profile, names a
/// destination the profile does not have or one the channel cannot reach, or the history holds an attempt
/// after the request's instant.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::*;
///
/// let profile = ContactProfile::new("p1", &["America/New_York"])?
///     .with_destination(Destination::email("pat@example.com")?)?;
/// let at = Utc.with_ymd_and_hms(2026, 4, 8, 15, 0, 0).unwrap();
/// let ok = ContactRequest::new("p1", "card-1", Channel::Email, "pat@example.com", at)?;
/// assert!(evaluate(&Policy::us_federal(), &profile, &ContactHistory::empty(), &ok)?.allowed());
/// let wrong = ContactRequest::new("p1", "card-1", Channel::Call, "pat@example.com", at)?;
/// assert_eq!(evaluate(&Policy::us_federal(), &profile, &ContactHistory::empty(), &wrong).unwrap_err().field(), "destination");
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn evaluate(
    policy: &Policy,
    profile: &ContactProfile,
    history: &ContactHistory,
    request: &ContactRequest,
) -> Result<Decision> {
    let t = request.at();
    let Some(ctx) = context(policy, profile, history, request)? else {
        return Ok(no_zone(t));
    };
    let mut reasons = Vec::new();
    let mut jump: Option<Option<DateTime<Utc>>> = None;
    for rule in policy.rules() {
        let v = check(rule, &ctx, t);
        if v.blocked {
            reasons.push(Reason {
                rule: rule.id().to_string(),
                citation: rule.citation().to_string(),
                mark: rule.mark(),
                message: explain(rule, &ctx, t),
            });
            jump = Some(match (jump, v.change) {
                (Some(None), _) | (_, None) => None,
                (Some(Some(a)), Some(b)) => Some(a.max(b)),
                (None, Some(b)) => Some(b),
            });
        }
    }
    let next_eligible = match jump {
        None => Some(t),
        Some(None) => None,
        Some(Some(j)) => search(policy, &ctx, j.max(t + Duration::seconds(1))),
    };
    let mut warnings = Vec::new();
    let (rapid, concentrated) = concentration(&ctx, t);
    if rapid {
        warnings.push(Warning {
            code: "rapid_succession".into(),
            citation: "comment 14(b)(2)(i)-2.i, .ii".into(),
            message: "An unanswered call or voicemail to this number was placed less than five minutes ago: calls in rapid succession may rebut the presumption of compliance.".into(),
        });
    }
    if concentrated {
        warnings.push(Warning {
            code: "high_concentration".into(),
            citation: "comment 14(b)(2)(i)-2.i, .ii".into(),
            message: "This would be at least the sixth call to this number today: highly concentrated calls may rebut the presumption of compliance.".into(),
        });
    }
    Ok(Decision {
        allowed: reasons.is_empty(),
        at: t,
        reasons,
        warnings,
        next_eligible,
    })
}

fn no_zone(t: DateTime<Utc>) -> Decision {
    Decision {
        allowed: false,
        at: t,
        reasons: vec![Reason {
            rule: MISSING_ZONE_RULE.into(),
            citation: "12 CFR 1006.6(b)(1)(i); comment 6(b)(1)(i)-2".into(),
            mark: None,
            message: "The person's time zone is unknown and the policy blocks contact until one is recorded.".into(),
        }],
        warnings: Vec::new(),
        next_eligible: None,
    }
}

/// The earliest instant at or after the request when every rule allows, or `None` when none comes within
/// the policy's search horizon. Same checks as [`evaluate`].
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::*;
///
/// // A person who may be in New York or Los Angeles: 8 a.m. in Los Angeles is 11 a.m. in New York.
/// let profile = ContactProfile::new("p1", &["America/New_York", "America/Los_Angeles"])?
///     .with_destination(Destination::phone("555", PhoneLine::Cell)?)?;
/// let at = Utc.with_ymd_and_hms(2026, 4, 8, 12, 0, 0).unwrap(); // 08:00 New York, 05:00 Los Angeles
/// let request = ContactRequest::new("p1", "d", Channel::Call, "555", at)?;
/// let next = next_eligible(&Policy::us_federal(), &profile, &ContactHistory::empty(), &request)?;
/// assert_eq!(next, Some(Utc.with_ymd_and_hms(2026, 4, 8, 15, 0, 0).unwrap()));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn next_eligible(
    policy: &Policy,
    profile: &ContactProfile,
    history: &ContactHistory,
    request: &ContactRequest,
) -> Result<Option<DateTime<Utc>>> {
    match context(policy, profile, history, request)? {
        None => Ok(None),
        Some(ctx) => Ok(search(policy, &ctx, request.at())),
    }
}

/// The intervals in the `days` days from the request's instant in which every rule allows the request
/// (assuming no further attempts are made), for dialer scheduling. Same checks as [`evaluate`]; `days`
/// from 1 to 3660.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::*;
///
/// let profile = ContactProfile::new("p1", &["America/New_York"])?
///     .with_destination(Destination::phone("555", PhoneLine::Cell)?)?;
/// let at = Utc.with_ymd_and_hms(2026, 4, 8, 4, 0, 0).unwrap(); // midnight in New York
/// let request = ContactRequest::new("p1", "d", Channel::Call, "555", at)?;
/// let windows = eligible_windows(&Policy::us_federal(), &profile, &ContactHistory::empty(), &request, 2)?;
/// assert_eq!(windows.len(), 2);
/// assert_eq!(windows[0].start, Utc.with_ymd_and_hms(2026, 4, 8, 12, 0, 0).unwrap()); // 08:00 EDT
/// assert_eq!(windows[0].end, Utc.with_ymd_and_hms(2026, 4, 9, 1, 0, 1).unwrap());   // after 21:00:00 EDT
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn eligible_windows(
    policy: &Policy,
    profile: &ContactProfile,
    history: &ContactHistory,
    request: &ContactRequest,
    days: u32,
) -> Result<Vec<Window>> {
    if days == 0 || days > 3660 {
        return Err(Error::invalid("days", days, "must be from 1 to 3660"));
    }
    let Some(mut ctx) = context(policy, profile, history, request)? else {
        return Ok(Vec::new());
    };
    ctx.until_blocked = true;
    let end = request.at() + Duration::days(i64::from(days));
    let mut windows: Vec<Window> = Vec::new();
    let mut t = request.at();
    while t < end {
        match step(policy.rules(), &ctx, t) {
            Err(None) => break,
            Err(Some(next)) => t = next,
            Ok(until) => {
                let stop = until.unwrap_or(end).min(end).max(t + Duration::seconds(1));
                match windows.last_mut() {
                    Some(last) if last.end == t => last.end = stop,
                    _ => windows.push(Window {
                        start: t,
                        end: stop,
                    }),
                }
                t = stop;
            }
        }
    }
    Ok(windows)
}

/// One request of a batch, with the profile and history it is decided against.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::*;
///
/// let profile = ContactProfile::new("p1", &["Europe/London"])?.with_destination(Destination::email("a@b.uk")?)?;
/// let history = ContactHistory::empty();
/// let request = ContactRequest::new("p1", "d", Channel::Email, "a@b.uk", Utc.with_ymd_and_hms(2026, 6, 1, 10, 0, 0).unwrap())?;
/// let item = BatchItem { profile: &profile, history: &history, request: &request };
/// let decisions = evaluate_batch(&Policy::from_presets(&["united_kingdom"])?, &[item]);
/// assert!(decisions[0].as_ref().unwrap().allowed());
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct BatchItem<'a> {
    /// The person's profile.
    pub profile: &'a ContactProfile,
    /// Their contact history.
    pub history: &'a ContactHistory,
    /// The request.
    pub request: &'a ContactRequest,
}

/// Decides many requests, in order, over every core (`std::thread::scope`; small batches stay on the
/// calling thread). Each result is what [`evaluate`] gives for that item.
pub fn evaluate_batch(policy: &Policy, items: &[BatchItem<'_>]) -> Vec<Result<Decision>> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    evaluate_batch_on(policy, items, threads)
}

/// [`evaluate_batch`] on at most `threads` threads (0 is taken as 1); the results are the same for
/// every count.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use collections_core::contact::*;
///
/// let profile = ContactProfile::new("p1", &["America/Chicago"])?
///     .with_destination(Destination::phone("+1 312 555 0100", PhoneLine::Cell)?)?;
/// let history = ContactHistory::empty();
/// // 21:30 and 09:00 in Chicago: the first is at an inconvenient time, the second is not.
/// let requests: Vec<ContactRequest> = [(3, 30), (15, 0)].iter().map(|&(h, m)| {
///     let at = Utc.with_ymd_and_hms(2026, 11, 2, h, m, 0).unwrap();
///     ContactRequest::new("p1", "card-1", Channel::Call, "+1 312 555 0100", at)
/// }).collect::<Result<_, _>>()?;
/// let items: Vec<BatchItem> = requests.iter()
///     .map(|request| BatchItem { profile: &profile, history: &history, request }).collect();
/// let allowed = |threads| -> Vec<bool> {
///     evaluate_batch_on(&Policy::us_federal(), &items, threads).iter()
///         .map(|d| d.as_ref().map_or(false, Decision::allowed)).collect()
/// };
/// assert_eq!(allowed(1), [false, true]);
/// assert_eq!(allowed(2), allowed(1));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn evaluate_batch_on(
    policy: &Policy,
    items: &[BatchItem<'_>],
    threads: usize,
) -> Vec<Result<Decision>> {
    let one = |item: &BatchItem<'_>| evaluate(policy, item.profile, item.history, item.request);
    if threads < 2 || items.len() < 4096 {
        return items.iter().map(one).collect();
    }
    let chunk = items.len().div_ceil(threads);
    // Each thread writes its decisions in place (no per-thread vector copied into the result); the
    // placeholders are errors that allocate nothing, all overwritten.
    let mut out: Vec<Result<Decision>> = Vec::with_capacity(items.len());
    out.resize_with(items.len(), || {
        Err(Error::invalid("items", String::new(), String::new()))
    });
    let fill = |slots: &mut [Result<Decision>], part: &[BatchItem<'_>]| {
        for (slot, item) in slots.iter_mut().zip(part) {
            *slot = one(item);
        }
    };
    let failed: Vec<usize> = std::thread::scope(|s| {
        let handles: Vec<_> = out
            .chunks_mut(chunk)
            .zip(items.chunks(chunk))
            .map(|(slots, part)| s.spawn(move || fill(slots, part)))
            .collect();
        handles
            .into_iter()
            .enumerate()
            .filter_map(|(k, h)| h.join().is_err().then_some(k))
            .collect()
    });
    // A panic in a worker is a bug; the rows it held are answered again on this thread.
    for k in failed {
        if let (Some(slots), Some(part)) =
            (out.chunks_mut(chunk).nth(k), items.chunks(chunk).nth(k))
        {
            fill(slots, part);
        }
    }
    out
}
