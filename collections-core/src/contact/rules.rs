//! Each rule's verdict at an instant, with the instant it may next change.
//!
//! A blocked verdict carries the earliest instant after `t` at which the rule could allow (`None`: never,
//! without new facts); an allowed one the earliest instant at which it could block. Both are exact or
//! earlier, never later, so the search in `decision` that jumps to the latest of the blocking rules'
//! instants never steps over an instant every rule allows.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};

use super::clock::{add_days, nanos_of_day, TimeZone};
use super::history::{Attempt, ContactRequest};
use super::kinds::{Channel, Direction, FlagKind, Outcome, Party, PhoneLine, Purpose};
use super::policy::{window_seconds, Counting, Numbers, Rule, RuleKind};
use super::profile::{ContactProfile, Destination, WeeklyWindow};

/// What one evaluation looks at.
pub(crate) struct Ctx<'a> {
    pub profile: &'a ContactProfile,
    pub attempts: &'a [Attempt],
    pub req: &'a ContactRequest,
    pub dest: &'a Destination,
    pub zones: &'a [TimeZone],
    /// The request's debt as counted for the call frequencies (combined student loans).
    pub debt_key: &'a str,
    /// Destinations an attempt found to be a wrong number (comment 14(b)(2)(i)-3).
    pub wrong_numbers: Vec<&'a str>,
    /// Whether allowed verdicts must say when they could change (the windows need it; a decision does
    /// not, and skipping it saves a local-to-UTC conversion per zone).
    pub until_blocked: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub blocked: bool,
    pub change: Option<DateTime<Utc>>,
}

const fn allow(change: Option<DateTime<Utc>>) -> Verdict {
    Verdict {
        blocked: false,
        change,
    }
}

const fn block(change: Option<DateTime<Utc>>) -> Verdict {
    Verdict {
        blocked: true,
        change,
    }
}

fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// Blocked if blocked in any zone (until every blocking zone allows); allowed until the first zone blocks.
fn every_zone(ctx: &Ctx<'_>, mut per_zone: impl FnMut(&TimeZone) -> Verdict) -> Verdict {
    let mut blocked = false;
    let mut until: Option<DateTime<Utc>> = None;
    let mut never = false;
    let mut next_block: Option<DateTime<Utc>> = None;
    for zone in ctx.zones {
        let v = per_zone(zone);
        if v.blocked {
            blocked = true;
            match v.change {
                None => never = true,
                Some(c) => until = Some(until.map_or(c, |u| u.max(c))),
            }
        } else {
            next_block = earliest(next_block, v.change);
        }
    }
    if blocked {
        block(if never { None } else { until })
    } else {
        allow(next_block)
    }
}

impl Ctx<'_> {
    fn debt_of(&self, id: &str) -> bool {
        self.profile.frequency_debt(id) == self.debt_key
    }

    /// Whether the attempt was made about the request's debt (an attempt listing none: every debt).
    fn about_debt(&self, a: &Attempt) -> bool {
        a.debts().is_empty() || a.debts().iter().any(|d| self.debt_of(d))
    }

    fn is_wrong_number(&self, destination: &str) -> bool {
        self.wrong_numbers.contains(&destination)
    }

    fn at_work(&self, destination: &str) -> bool {
        self.profile
            .destination(destination)
            .is_some_and(Destination::place_of_employment)
    }
}

/// The verdict of a rule at `t`.
pub(crate) fn check(rule: &Rule, ctx: &Ctx<'_>, t: DateTime<Utc>) -> Verdict {
    if let Some(first_day) = rule.effective_from_date() {
        let before = ctx.zones.iter().all(|z| z.local(t).date() < first_day);
        if before {
            let starts = ctx.zones.iter().map(|z| z.start_of_day(first_day)).min();
            return allow(starts);
        }
    }
    let req = ctx.req;
    match rule.kind() {
        RuleKind::TimeOfDay {
            start,
            end,
            boundaries,
            channels,
            consent_lifts,
        } => {
            if !channels.contains(&req.channel()) {
                return allow(None);
            }
            let (s, e) = window_seconds(*start, *end, *boundaries);
            let v = every_zone(ctx, |z| time_of_day(z, t, s, e, ctx.until_blocked));
            if *consent_lifts {
                consented(ctx, t, v)
            } else {
                v
            }
        }
        RuleKind::InconvenientTimes => consented(ctx, t, inconvenient(ctx, t)),
        RuleKind::CallFrequency {
            max_calls,
            days,
            days_after_conversation,
        } => call_frequency(ctx, t, *max_calls, *days, *days_after_conversation),
        RuleKind::AttemptCap {
            channels,
            max,
            days,
            per_debt,
            count,
            numbers,
        } => attempt_cap(ctx, t, channels, *max, *days, *per_debt, *count, *numbers),
        RuleKind::MinimumGap { channels, minutes } => {
            if !channels.contains(&req.channel()) {
                return allow(None);
            }
            let last = ctx.attempts.iter().rev().find(|a| {
                a.at() <= t
                    && a.direction() == Direction::Outbound
                    && channels.contains(&a.channel())
            });
            match last.map(|a| a.at() + Duration::minutes(i64::from(*minutes))) {
                Some(free) if t < free => block(Some(free)),
                _ => allow(None),
            }
        }
        RuleKind::QuietDays { weekdays, dates } => {
            let quiet_now = |z: &TimeZone| {
                let d = z.local(t).date();
                weekdays.contains(&d.weekday()) || dates.contains(&d)
            };
            if !ctx.until_blocked && !ctx.zones.iter().any(quiet_now) {
                return allow(None);
            }
            let quiet = |d: NaiveDate| weekdays.contains(&d.weekday()) || dates.contains(&d);
            every_zone(ctx, |z| quiet_days(z, t, &quiet))
        }
        RuleKind::Cease if req.purpose() == Purpose::CeaseNotice => allow(None),
        RuleKind::Cease => flag_hold(ctx, t, &[FlagKind::CeaseReceived]),
        RuleKind::Attorney => {
            if ctx.dest.party() == Party::ConsumerAttorney {
                return allow(None);
            }
            let v = flag_hold(ctx, t, &[FlagKind::AttorneyRepresentation]);
            if v.blocked && answers_the_person(ctx, t) {
                // Comment 6(b)(2)-1: a consumer-initiated communication is consent to a response.
                return allow(v.change);
            }
            v
        }
        RuleKind::PlaceOfEmployment => {
            let email_at_work =
                ctx.dest.is_employer_provided_email() && req.channel() == Channel::Email;
            if email_at_work {
                block(None)
            } else if ctx.dest.employer_prohibits_contact() {
                consented(ctx, t, block(None))
            } else {
                allow(None)
            }
        }
        RuleKind::OptOut => opt_out(ctx, t),
        RuleKind::DisputeHold {
            hold_during_validation,
        } => {
            if *hold_during_validation {
                flag_hold(
                    ctx,
                    t,
                    &[FlagKind::DisputePending, FlagKind::ValidationPeriod],
                )
            } else {
                flag_hold(ctx, t, &[FlagKind::DisputePending])
            }
        }
        RuleKind::TcpaConsent => tcpa(ctx, t),
        RuleKind::Bankruptcy => flag_hold(ctx, t, &[FlagKind::Bankruptcy]),
        RuleKind::Deceased => flag_hold(ctx, t, &[FlagKind::Deceased]),
        RuleKind::BreathingSpace => flag_hold(ctx, t, &[FlagKind::BreathingSpace]),
    }
}

fn time_of_day(zone: &TimeZone, t: DateTime<Utc>, s: u32, e: u32, until_blocked: bool) -> Verdict {
    let local = zone.local(t);
    let date = local.date();
    let now = nanos_of_day(local);
    let nanos = |secs: u32| i64::from(secs) * 1_000_000_000;
    let at = |day: NaiveDate, secs: u32| {
        let target = day.and_time(chrono::NaiveTime::MIN) + Duration::seconds(i64::from(secs));
        zone.next_local(t, target)
    };
    if now < nanos(s) || now >= nanos(e) {
        let day = if now < nanos(s) {
            date
        } else {
            add_days(date, 1)
        };
        let mut opens = at(day, s);
        // If the clocks go back before then, the window may come round again sooner.
        if let Some(back) = zone.clocks_go_back(t, opens) {
            let local = zone.local(back);
            let then = nanos_of_day(local);
            if then >= nanos(s) && then < nanos(e) {
                opens = opens.min(back);
            } else if then < nanos(s) {
                opens = opens.min(back + Duration::nanoseconds(nanos(s) - then));
            }
        }
        block(Some(opens))
    } else if until_blocked {
        allow(Some(at(date, e)))
    } else {
        allow(None)
    }
}

fn quiet_days(zone: &TimeZone, t: DateTime<Utc>, quiet: &impl Fn(NaiveDate) -> bool) -> Verdict {
    let today = zone.local(t).date();
    // A policy cannot make every weekday quiet, so a free day comes within 7 days plus the quiet dates.
    let mut d = today;
    for _ in 0..3700 {
        if !quiet(d) {
            break;
        }
        d = add_days(d, 1);
    }
    if d != today {
        return block(Some(zone.start_of_day(d)));
    }
    let mut next = add_days(today, 1);
    for _ in 0..3700 {
        if quiet(next) {
            return allow(Some(zone.start_of_day(next)));
        }
        if next > add_days(today, 8) {
            break;
        }
        next = add_days(next, 1);
    }
    allow(None)
}

/// If `local` falls in an inconvenient time, the local instant that span (with any spans adjoining it)
/// ends.
fn inconvenient_span_end(profile: &ContactProfile, local: NaiveDateTime) -> Option<NaiveDateTime> {
    let mut x = local;
    let mut inside = false;
    'spans: for _ in 0..64 {
        let date = x.date();
        if profile.inconvenient_dates().contains(&date) {
            x = add_days(date, 1).and_time(chrono::NaiveTime::MIN);
            inside = true;
            continue;
        }
        let now = nanos_of_day(x);
        for w in profile.inconvenient_times() {
            if let Some(end) = window_covering(w, date, now) {
                x = date.and_time(chrono::NaiveTime::MIN) + Duration::seconds(i64::from(end));
                inside = true;
                continue 'spans;
            }
        }
        break;
    }
    inside.then_some(x)
}

/// The end (seconds from midnight) of a weekly window covering `nanos` on `date`, if it does.
fn window_covering(w: &WeeklyWindow, date: NaiveDate, nanos: i64) -> Option<u32> {
    let (s, e) = w.seconds();
    let in_force = w.weekday() == date.weekday() && w.through_date().is_none_or(|d| date <= d);
    let inside = nanos >= i64::from(s) * 1_000_000_000 && nanos < i64::from(e) * 1_000_000_000;
    (in_force && inside).then_some(e)
}

/// The next local instant after `local` an inconvenient time starts, within eight days (or a listed date).
fn next_inconvenient_start(
    profile: &ContactProfile,
    local: NaiveDateTime,
) -> Option<NaiveDateTime> {
    let mut best: Option<NaiveDateTime> = None;
    let mut consider = |x: NaiveDateTime| {
        if x > local && best.is_none_or(|b| x < b) {
            best = Some(x);
        }
    };
    for d in profile.inconvenient_dates() {
        consider(d.and_time(chrono::NaiveTime::MIN));
    }
    for offset in 0..8 {
        let date = add_days(local.date(), offset);
        for w in profile.inconvenient_times() {
            if w.weekday() == date.weekday() && w.through_date().is_none_or(|d| date <= d) {
                consider(date.and_time(w.start()));
            }
        }
    }
    best
}

fn inconvenient(ctx: &Ctx<'_>, t: DateTime<Utc>) -> Verdict {
    let profile = ctx.profile;
    if ctx.req.channel() == Channel::Letter
        || (profile.inconvenient_times().is_empty() && profile.inconvenient_dates().is_empty())
    {
        return allow(None);
    }
    every_zone(ctx, |zone| {
        let local = zone.local(t);
        match inconvenient_span_end(profile, local) {
            Some(end) => {
                let end_at = zone.next_local(t, end);
                if responds_once(ctx, zone, t, local) {
                    allow(Some(end_at))
                } else {
                    block(Some(end_at))
                }
            }
            None => allow(
                next_inconvenient_start(profile, local).map(|x| zone.first_instant_at_or_after(x)),
            ),
        }
    })
}

/// Comment 6(b)(1)-2: the person initiated contact by this channel earlier the same local day at an
/// inconvenient time, and the collector has not yet responded by it.
fn responds_once(ctx: &Ctx<'_>, zone: &TimeZone, t: DateTime<Utc>, local: NaiveDateTime) -> bool {
    let channel = ctx.req.channel();
    for a in ctx.attempts.iter().rev().filter(|a| a.at() <= t) {
        if a.channel() != channel {
            continue;
        }
        match a.direction() {
            Direction::Outbound => return false,
            Direction::Inbound => {
                let their = zone.local(a.at());
                return their.date() == local.date()
                    && inconvenient_span_end(ctx.profile, their).is_some();
            }
        }
    }
    false
}

/// Whether the latest attempt by the request's channel about its debt, at or before `t`, was initiated by
/// the person (and so not yet answered).
fn answers_the_person(ctx: &Ctx<'_>, t: DateTime<Utc>) -> bool {
    ctx.attempts
        .iter()
        .rev()
        .filter(|a| a.at() <= t && a.channel() == ctx.req.channel() && ctx.about_debt(a))
        .map(Attempt::direction)
        .next()
        == Some(Direction::Inbound)
}

/// The period of a prior consent at `x` for the request's debt: `Some(end)` if one covers `x`.
fn consent_covering(ctx: &Ctx<'_>, x: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let mut covered: Option<DateTime<Utc>> = None;
    for c in ctx.profile.prior_consents() {
        if !ctx.debt_of(c.debt()) || c.given_at() > x || c.revoked_at().is_some_and(|r| r <= x) {
            continue;
        }
        let talked = ctx.attempts.iter().any(|a| {
            a.at() > c.given_at() && a.at() < x && a.is_conversation() && discussed(ctx, a)
        });
        if talked {
            continue;
        }
        let mut end = c.revoked_at();
        let mut inside = true;
        for zone in ctx.zones {
            let given = zone.local(c.given_at()).date();
            let mut last = add_days(given, 6);
            if let Some(l) = c.last_day() {
                last = last.min(l);
            }
            inside &= zone.local(x).date() <= last;
            end = earliest(end, Some(zone.start_of_day(add_days(last, 1))));
        }
        if inside {
            covered = covered.max(end).or(end);
        }
    }
    covered
}

/// Whether a conversation was about the request's debt (comment 14(b)(4)-1.ii; none named: every debt).
fn discussed(ctx: &Ctx<'_>, a: &Attempt) -> bool {
    let named = a.debts().iter().chain(a.also_discussed_debts());
    (a.debts().is_empty() && a.also_discussed_debts().is_empty())
        || named.into_iter().any(|d| ctx.debt_of(d))
}

fn call_frequency(
    ctx: &Ctx<'_>,
    t: DateTime<Utc>,
    max_calls: u32,
    days: u32,
    days_after_conversation: u32,
) -> Verdict {
    let req = ctx.req;
    if !req.channel().is_telephone_call() || ctx.dest.party().excluded_from_call_frequency() {
        return allow(None);
    }
    if let Some(end) = consent_covering(ctx, t) {
        return allow(Some(end));
    }
    // Calls to the person: to the number asked about if it is a third party's, else to any number that
    // is not known to be someone else's.
    let third_party = ctx.dest.party() == Party::ThirdParty;
    let in_scope = |a: &Attempt| {
        if third_party {
            a.destination() == req.destination()
        } else {
            ctx.profile
                .destination(a.destination())
                .is_none_or(|d| d.party() == Party::Consumer)
        }
    };
    let counts = |a: &Attempt| {
        if a.direction() != Direction::Outbound
            || !a.channel().is_telephone_call()
            || !a.outcome().connected()
        {
            return false;
        }
        // A conversation or a voicemail counts toward each debt it was about; an unanswered call or a
        // limited-content message toward the first listed (comment 14(b)(4)-1.i).
        let toward = match a.outcome() {
            Outcome::RightPartyConversation | Outcome::Voicemail => ctx.about_debt(a),
            _ => a.debts().first().is_none_or(|d| ctx.debt_of(d)),
        };
        toward
            && !ctx.is_wrong_number(a.destination())
            && in_scope(a)
            && consent_covering(ctx, a.at()).is_none()
    };
    let conversation = |a: &Attempt| {
        a.is_conversation()
            && !ctx.is_wrong_number(a.destination())
            && in_scope(a)
            && discussed(ctx, a)
    };
    let span = i64::from(days.max(days_after_conversation)) + 2;
    let horizon = t - Duration::days(span);
    let recent = || {
        ctx.attempts
            .iter()
            .rev()
            .skip_while(move |a| a.at() > t)
            .take_while(move |a| a.at() >= horizon)
    };
    every_zone(ctx, |zone| {
        let today = zone.local(t).date();
        let mut until: Option<DateTime<Utc>> = None;
        // Only the attempts that count are converted to local dates (newest first, until one falls
        // before the period).
        let first_day = add_days(today, 1 - i64::from(days));
        let mut seen = 0u32;
        for a in recent().filter(|a| counts(a)) {
            let day = zone.local(a.at()).date();
            if day < first_day {
                break;
            }
            seen += 1;
            if seen == max_calls {
                until = Some(zone.start_of_day(add_days(day, i64::from(days))));
                break;
            }
        }
        let first_conversation_day = add_days(today, 1 - i64::from(days_after_conversation));
        if let Some(a) = recent().find(|a| conversation(a)) {
            let day = zone.local(a.at()).date();
            if day >= first_conversation_day {
                let free = zone.start_of_day(add_days(day, i64::from(days_after_conversation)));
                until = Some(until.map_or(free, |u| u.max(free)));
            }
        }
        match until {
            Some(u) => block(Some(u)),
            None => allow(None),
        }
    })
}

#[allow(clippy::too_many_arguments)]
fn attempt_cap(
    ctx: &Ctx<'_>,
    t: DateTime<Utc>,
    channels: &[Channel],
    max: u32,
    days: u32,
    per_debt: bool,
    count: Counting,
    numbers: Numbers,
) -> Verdict {
    if !channels.contains(&ctx.req.channel()) {
        return allow(None);
    }
    let work = ctx.dest.place_of_employment();
    match numbers {
        Numbers::Personal if work => return allow(None),
        Numbers::Work if !work => return allow(None),
        _ => {}
    }
    let counts = |a: &Attempt| {
        a.direction() == Direction::Outbound
            && channels.contains(&a.channel())
            && (count == Counting::Attempts
                || (a.outcome().connected() && !ctx.is_wrong_number(a.destination())))
            && (numbers == Numbers::Any || ctx.at_work(a.destination()) == work)
            && (!per_debt || ctx.about_debt(a))
    };
    let horizon = t - Duration::days(i64::from(days) + 2);
    every_zone(ctx, |zone| {
        let today = zone.local(t).date();
        let first_day = add_days(today, 1 - i64::from(days));
        let mut seen = 0u32;
        for a in ctx.attempts.iter().rev() {
            if a.at() > t {
                continue;
            }
            if a.at() < horizon {
                break;
            }
            if counts(a) {
                let day = zone.local(a.at()).date();
                if day < first_day {
                    break;
                }
                seen += 1;
                if seen == max {
                    return block(Some(zone.start_of_day(add_days(day, i64::from(days)))));
                }
            }
        }
        allow(None)
    })
}

/// A verdict of a rule that a §1006.6(b)(4) consent lifts: allowed while a consent for the channel is in
/// force; when blocked, it may next allow when one starts.
fn consented(ctx: &Ctx<'_>, t: DateTime<Utc>, v: Verdict) -> Verdict {
    let consents = ctx.profile.time_place_consents();
    if !v.blocked || consents.is_empty() {
        return v;
    }
    let channel = ctx.req.channel();
    let periods = consents
        .iter()
        .filter(|c| c.channel().is_none_or(|ch| ch == channel))
        .map(|c| (c.from(), c.until_instant()));
    // `in_force` reads the consents as holds: "blocked" there means a consent covers `t`.
    let c = in_force(t, periods);
    if c.blocked {
        allow(c.change)
    } else {
        block(earliest(v.change, c.change))
    }
}

/// Blocked while a flag of these kinds about the request's debt (or every debt) is in force.
fn flag_hold(ctx: &Ctx<'_>, t: DateTime<Utc>, kinds: &[FlagKind]) -> Verdict {
    let flags = ctx
        .profile
        .flags()
        .iter()
        .filter(|f| kinds.contains(&f.kind()) && f.debt().is_none_or(|d| d == ctx.req.debt()));
    in_force(t, flags.map(|f| (f.from(), f.until_instant())))
}

/// Blocked while an opt-out of the request's channel (at its address or at every address) is in force,
/// §1006.14(h)(1), except (h)(2)(i) its one electronic confirmation (a text or email for that purpose,
/// nothing sent by the channel to the address since the opt-out) and (h)(2)(ii) one response when the
/// person contacts the collector by that channel (the latest attempt by it since the opt-out is theirs).
fn opt_out(ctx: &Ctx<'_>, t: DateTime<Utc>) -> Verdict {
    let req = ctx.req;
    let opt_outs = || {
        ctx.profile.opt_outs().iter().filter(|o| {
            o.channel() == req.channel() && o.destination().is_none_or(|d| d == req.destination())
        })
    };
    let v = in_force(t, opt_outs().map(|o| (o.from(), o.until_instant())));
    if !v.blocked {
        return v;
    }
    let Some(since) = opt_outs().filter(|o| o.from() <= t).map(|o| o.from()).max() else {
        return v;
    };
    let mut by_channel = ctx
        .attempts
        .iter()
        .rev()
        .filter(|a| a.at() <= t && a.at() >= since && a.channel() == req.channel());
    let electronic = matches!(req.channel(), Channel::Text | Channel::Email);
    if req.purpose() == Purpose::OptOutConfirmation && electronic {
        let sent = by_channel
            .any(|a| a.direction() == Direction::Outbound && a.destination() == req.destination());
        return if sent { v } else { allow(v.change) };
    }
    match by_channel.next() {
        Some(a) if a.direction() == Direction::Inbound => allow(v.change),
        _ => v,
    }
}

/// Blocked while any of the periods `[from, until)` (`until` `None`: open-ended) covers `t`; allowed
/// until the next one starts.
fn in_force(
    t: DateTime<Utc>,
    periods: impl Iterator<Item = (DateTime<Utc>, Option<DateTime<Utc>>)>,
) -> Verdict {
    let (mut blocked, mut never) = (false, false);
    let mut until: Option<DateTime<Utc>> = None;
    let mut next_start: Option<DateTime<Utc>> = None;
    for (from, end) in periods {
        if from > t {
            next_start = earliest(next_start, Some(from));
        } else if end.is_none_or(|u| u > t) {
            blocked = true;
            match end {
                None => never = true,
                Some(u) => until = until.max(Some(u)),
            }
        }
    }
    if !blocked {
        allow(next_start)
    } else if never {
        block(None)
    } else {
        block(until)
    }
}

fn tcpa(ctx: &Ctx<'_>, t: DateTime<Utc>) -> Verdict {
    let req = ctx.req;
    let phone_channel = matches!(
        req.channel(),
        Channel::Call | Channel::RinglessVoicemail | Channel::Text
    );
    if !req.is_autodialed() || !phone_channel || ctx.dest.line() == PhoneLine::Landline {
        return allow(None);
    }
    let (mut active, mut forever) = (false, false);
    let mut until: Option<DateTime<Utc>> = None;
    let mut next_given: Option<DateTime<Utc>> = None;
    for c in ctx.profile.tcpa_consents() {
        if c.destination() != req.destination() {
            continue;
        }
        if c.given_at() > t {
            next_given = earliest(next_given, Some(c.given_at()));
        } else if c.revoked_at().is_none_or(|r| r > t) {
            active = true;
            match c.revoked_at() {
                None => forever = true,
                Some(r) => until = until.max(Some(r)),
            }
        }
    }
    if active {
        allow(if forever { None } else { until })
    } else {
        block(next_given)
    }
}

/// A sentence a collector understands, for a rule that blocks at `t`.
pub(crate) fn explain(rule: &Rule, ctx: &Ctx<'_>, t: DateTime<Utc>) -> String {
    let req = ctx.req;
    let local_times = || {
        ctx.zones
            .iter()
            .map(|z| format!("{} in {}", z.local(t).format("%a %Y-%m-%d %H:%M"), z.name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match rule.kind() {
        RuleKind::TimeOfDay {
            start,
            end,
            boundaries,
            ..
        } => format!(
            "It is {}; a {} is allowed only from {} to {} ({}) local time in every zone the person may be in.",
            local_times(),
            req.channel(),
            start.format("%H:%M"),
            end.format("%H:%M"),
            boundaries.name()
        ),
        RuleKind::InconvenientTimes => format!(
            "The person said this time is inconvenient (it is {}).",
            local_times()
        ),
        RuleKind::CallFrequency {
            max_calls,
            days,
            days_after_conversation,
        } => format!(
            "About debt {}: {max_calls} calls were already placed within {days} consecutive days, or a telephone conversation took place within the last {days_after_conversation} days (its date counting as day one); another call is presumed to violate the rule.",
            req.debt()
        ),
        RuleKind::AttemptCap {
            max, days, channels, ..
        } => {
            let names: Vec<&str> = channels.iter().map(|c| c.name()).collect();
            format!(
                "The limit of {max} attempts ({}) within {days} day(s) is reached.",
                names.join(", ")
            )
        }
        RuleKind::MinimumGap { minutes, .. } => {
            format!("The last attempt was less than {minutes} minutes ago.")
        }
        RuleKind::QuietDays { .. } => format!("No contact on this day ({}).", local_times()),
        RuleKind::Cease => format!(
            "The person asked in writing to stop communication (or refused to pay) about debt {}.",
            req.debt()
        ),
        RuleKind::Attorney => format!(
            "The person is represented by an attorney about debt {}: contact the attorney instead.",
            req.debt()
        ),
        RuleKind::PlaceOfEmployment => format!(
            "{} is at the place of employment where the employer prohibits such contact, or is an employer-provided email address.",
            req.destination()
        ),
        RuleKind::OptOut => format!(
            "The person opted out of {} contact at {}.",
            req.channel(),
            req.destination()
        ),
        RuleKind::DisputeHold { .. } => format!(
            "Debt {} is disputed (or its validation hold applies): collection is suspended until the dispute is answered.",
            req.debt()
        ),
        RuleKind::TcpaConsent => format!(
            "An autodialed or prerecorded {} to {} (a cell phone or a line of unknown kind) needs the person's prior express consent, and there is none in force.",
            req.channel(),
            req.destination()
        ),
        RuleKind::Bankruptcy => {
            "The person is in bankruptcy: the automatic stay forbids collection contact.".into()
        }
        RuleKind::Deceased => "The person is recorded as deceased.".into(),
        RuleKind::BreathingSpace => format!(
            "Debt {} is in a breathing space: no contact to recover it.",
            req.debt()
        ),
    }
}

/// The warnings for a call at `t` that no rule blocks: comment 14(b)(2)(i)-2.i and .ii's rapid succession
/// (an unanswered call or voicemail to the same number within five minutes) and high concentration
/// (this would be at least the sixth call to the same number in one local day: the comment's example
/// is six calls on one day).
pub(crate) fn concentration(ctx: &Ctx<'_>, t: DateTime<Utc>) -> (bool, bool) {
    let req = ctx.req;
    if !req.channel().is_telephone_call() {
        return (false, false);
    }
    let same_number = |a: &&Attempt| {
        a.at() <= t
            && a.direction() == Direction::Outbound
            && a.channel().is_telephone_call()
            && a.destination() == req.destination()
    };
    let five_minutes_before = t - Duration::minutes(5);
    let rapid = ctx
        .attempts
        .iter()
        .rev()
        .take_while(|a| a.at() > five_minutes_before)
        .filter(same_number)
        .any(|a| {
            matches!(
                a.outcome(),
                Outcome::NoAnswer | Outcome::Voicemail | Outcome::LimitedContentMessage
            )
        });
    let concentrated = ctx.zones.iter().any(|z| {
        let today = z.local(t).date();
        let horizon = t - Duration::days(2);
        ctx.attempts
            .iter()
            .rev()
            .skip_while(|a| a.at() > t)
            .take_while(|a| a.at() >= horizon)
            .filter(same_number)
            .filter(|a| z.local(a.at()).date() == today)
            .count()
            >= 5
    });
    (rapid, concentrated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    #[test]
    fn weekday_window_covers_half_open() {
        let w = WeeklyWindow::new(
            Weekday::Wed,
            chrono::NaiveTime::from_hms_opt(15, 0, 0).unwrap_or_default(),
            chrono::NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default(),
        );
        let Ok(w) = w else { return };
        let wed = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap_or_default();
        assert_eq!(
            window_covering(&w, wed, 15 * 3600 * 1_000_000_000),
            Some(17 * 3600)
        );
        assert_eq!(window_covering(&w, wed, 17 * 3600 * 1_000_000_000), None);
    }
}
