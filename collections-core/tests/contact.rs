//! Contact rules: every worked example of the official interpretations of §1006.14(b) (comments
//! 14(b)(2)(i)-1 through 14(b)(4)-2) and §1006.6(b)(1)(i)-2, then hand-worked cases for every rule and
//! preset (daylight-saving edges included), bad input, and properties.
//!
//! The cases are data: a profile, a history, a request and the expected decision, so they can become
//! shared vectors later. The examples' weekdays fall in 2026 (Wednesday, April 1; Thursday, August 13;
//! Tuesday, October 6; Monday, June 1; Monday, November 9), and the consumer is in New York unless said.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use collections_core::contact::*;

const CELL: &str = "+1 212 555 0100";
const WORK: &str = "+1 212 555 0200";
const OTHER: &str = "+1 212 555 0300";
const NEIGHBOUR: &str = "+1 212 555 0400";
const LAWYER: &str = "+1 212 555 0500";
const EMAIL: &str = "pat@example.com";
const WORK_EMAIL: &str = "pat@employer.example";
const HOME: &str = "1 Main St";

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// A profile with every kind of destination.
fn profile(zones: &[&str]) -> ContactProfile {
    ContactProfile::new("p1", zones)
        .unwrap()
        .with_destination(Destination::phone(CELL, PhoneLine::Cell).unwrap())
        .unwrap()
        .with_destination(
            Destination::phone(WORK, PhoneLine::Landline)
                .unwrap()
                .at_place_of_employment(true),
        )
        .unwrap()
        .with_destination(Destination::phone(OTHER, PhoneLine::Landline).unwrap())
        .unwrap()
        .with_destination(
            Destination::phone(NEIGHBOUR, PhoneLine::Landline)
                .unwrap()
                .with_party(Party::ThirdParty),
        )
        .unwrap()
        .with_destination(
            Destination::phone(LAWYER, PhoneLine::Landline)
                .unwrap()
                .with_party(Party::ConsumerAttorney),
        )
        .unwrap()
        .with_destination(Destination::email(EMAIL).unwrap())
        .unwrap()
        .with_destination(
            Destination::email(WORK_EMAIL)
                .unwrap()
                .employer_provided_email()
                .unwrap(),
        )
        .unwrap()
        .with_destination(Destination::postal(HOME).unwrap())
        .unwrap()
}

fn ny() -> ContactProfile {
    profile(&["America/New_York"])
}

/// An attempt: instant, channel, direction, outcome, destination, debts.
fn attempt(
    t: &str,
    channel: Channel,
    direction: Direction,
    outcome: Outcome,
    dest: &str,
    debts: &[&str],
) -> Attempt {
    Attempt::new(at(t), channel, direction, outcome, dest)
        .unwrap()
        .about(debts.iter().copied())
        .unwrap()
}

/// An outbound call to the cell phone.
fn call(t: &str, outcome: Outcome, debts: &[&str]) -> Attempt {
    attempt(t, Channel::Call, Direction::Outbound, outcome, CELL, debts)
}

fn history(attempts: Vec<Attempt>) -> ContactHistory {
    ContactHistory::new(attempts).unwrap()
}

fn request(debt: &str, channel: Channel, dest: &str, t: &str) -> ContactRequest {
    ContactRequest::new("p1", debt, channel, dest, at(t)).unwrap()
}

fn federal() -> Policy {
    Policy::us_federal()
}

/// What a case expects: allowed or not, the rules that block (exactly), the next eligible instant.
struct Expect<'a> {
    allowed: bool,
    rules: &'a [&'a str],
    next: Option<&'a str>,
}

const ALLOWED: Expect<'static> = Expect {
    allowed: true,
    rules: &[],
    next: None,
};

fn blocked<'a>(rules: &'a [&'a str], next: Option<&'a str>) -> Expect<'a> {
    Expect {
        allowed: false,
        rules,
        next,
    }
}

#[track_caller]
fn check_case(
    name: &str,
    policy: &Policy,
    profile: &ContactProfile,
    history: &ContactHistory,
    req: &ContactRequest,
    expect: Expect<'_>,
) -> Decision {
    let d = evaluate(policy, profile, history, req).unwrap();
    assert_eq!(d.allowed(), expect.allowed, "{name}: allowed; {d:?}");
    let ids: Vec<&str> = d.reasons().iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(ids, expect.rules, "{name}: reasons");
    let want_next = if expect.allowed {
        Some(req.at())
    } else {
        expect.next.map(at)
    };
    assert_eq!(d.next_eligible(), want_next, "{name}: next eligible");
    assert_eq!(
        next_eligible(policy, profile, history, req).unwrap(),
        want_next,
        "{name}: next_eligible()"
    );
    d
}

const FREQ: &str = "reg_f.call_frequency";
const TOD: &str = "reg_f.time_of_day";

// ---------------------------------------------------------------------------------------------------
// Official examples, §1006.14(b)
// ---------------------------------------------------------------------------------------------------

/// Comment 14(b)(2)(i)-1.i: a limited-content message on Wednesday, April 1, six unanswered calls from
/// Thursday, April 2, to Tuesday, April 7: seven calls in seven days; the next call on Wednesday, April 8,
/// keeps the presumption of compliance. (An eighth on April 7 would not: see 14(b)(2)(ii)-1.i.)
#[test]
fn comment_14b2i_1_i_seven_calls_then_april_8() {
    let mut calls = vec![call(
        "2026-04-01T10:00:00-04:00",
        Outcome::LimitedContentMessage,
        &["card"],
    )];
    for day in 2..=7 {
        calls.push(call(
            &format!("2026-04-0{day}T10:00:00-04:00"),
            Outcome::NoAnswer,
            &["card"],
        ));
    }
    let h = history(calls);
    let req = request("card", Channel::Call, CELL, "2026-04-08T09:00:00-04:00");
    check_case("14(b)(2)(i)-1.i", &federal(), &ny(), &h, &req, ALLOWED);
    let same_day = request("card", Channel::Call, CELL, "2026-04-07T15:00:00-04:00");
    check_case(
        "14(b)(2)(i)-1.i, eighth call on April 7",
        &federal(),
        &ny(),
        &h,
        &same_day,
        blocked(&[FREQ], Some("2026-04-08T08:00:00-04:00")),
    );
}

/// Comment 14(b)(2)(i)-1.ii: the consumer calls on Thursday, August 13, and a conversation follows; no call
/// before Thursday, August 20, keeps the presumption.
#[test]
fn comment_14b2i_1_ii_consumer_initiated_conversation() {
    let h = history(vec![attempt(
        "2026-08-13T14:00:00-04:00",
        Channel::Call,
        Direction::Inbound,
        Outcome::RightPartyConversation,
        CELL,
        &["card"],
    )]);
    let on_20th = request("card", Channel::Call, CELL, "2026-08-20T09:00:00-04:00");
    check_case("14(b)(2)(i)-1.ii", &federal(), &ny(), &h, &on_20th, ALLOWED);
    let on_19th = request("card", Channel::Call, CELL, "2026-08-19T09:00:00-04:00");
    check_case(
        "14(b)(2)(i)-1.ii, August 19",
        &federal(),
        &ny(),
        &h,
        &on_19th,
        blocked(&[FREQ], Some("2026-08-20T08:00:00-04:00")),
    );
}

/// Comment 14(b)(2)(i)-1.iii: up to seven unanswered calls to a third party (for location information)
/// from Tuesday, October 6, through Monday, October 12, keep the presumption. They are not calls to the
/// consumer; an eighth to the third party that week would be.
#[test]
fn comment_14b2i_1_iii_third_party_calls() {
    let mut calls = Vec::new();
    for day in 6..=12 {
        calls.push(attempt(
            &format!("2026-10-{day:02}T10:00:00-04:00"),
            Channel::Call,
            Direction::Outbound,
            Outcome::NoAnswer,
            NEIGHBOUR,
            &["card"],
        ));
    }
    let h = history(calls);
    let consumer = request("card", Channel::Call, CELL, "2026-10-12T15:00:00-04:00");
    check_case(
        "14(b)(2)(i)-1.iii, consumer",
        &federal(),
        &ny(),
        &h,
        &consumer,
        ALLOWED,
    );
    let eighth = request(
        "card",
        Channel::Call,
        NEIGHBOUR,
        "2026-10-12T15:00:00-04:00",
    );
    check_case(
        "14(b)(2)(i)-1.iii, eighth to the third party",
        &federal(),
        &ny(),
        &h,
        &eighth,
        blocked(&[FREQ], Some("2026-10-13T08:00:00-04:00")),
    );
}

/// Comment 14(b)(2)(i)-2.i and .ii: a call on April 1 and six on Friday, April 3: presumed compliant, but
/// the concentration (and two unanswered calls within five minutes) may rebut it: warnings, not blocks.
#[test]
fn comment_14b2i_2_concentration_warns() {
    let mut calls = vec![call(
        "2026-04-01T10:00:00-04:00",
        Outcome::LimitedContentMessage,
        &["card"],
    )];
    for hour in ["09:00", "09:30", "10:00", "10:30", "11:00"] {
        calls.push(call(
            &format!("2026-04-03T{hour}:00-04:00"),
            Outcome::NoAnswer,
            &["card"],
        ));
    }
    let h = history(calls);
    let sixth = request("card", Channel::Call, CELL, "2026-04-03T11:03:00-04:00");
    let d = check_case("14(b)(2)(i)-2.i", &federal(), &ny(), &h, &sixth, ALLOWED);
    let codes: Vec<&str> = d.warnings().iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, ["rapid_succession", "high_concentration"]);
    let calm = request("card", Channel::Call, CELL, "2026-04-04T11:03:00-04:00");
    let d = check_case(
        "14(b)(2)(i)-2.i, next day",
        &federal(),
        &ny(),
        &h,
        &calm,
        ALLOWED,
    );
    assert!(d.warnings().is_empty());
}

/// Comment 14(b)(2)(i)-3.i: unanswered calls on Monday and Wednesday to a number that, on Thursday, turns
/// out to be someone else's: they are not calls to the consumer. With six calls to the consumer's own
/// number as well, a seventh to it is allowed; without the wrong-number finding it would be the ninth.
#[test]
fn comment_14b2i_3_i_misdirected_calls() {
    let mut calls = vec![
        attempt(
            "2026-04-06T10:00:00-04:00",
            Channel::Call,
            Direction::Outbound,
            Outcome::NoAnswer,
            OTHER,
            &["card"],
        ),
        attempt(
            "2026-04-08T10:00:00-04:00",
            Channel::Call,
            Direction::Outbound,
            Outcome::NoAnswer,
            OTHER,
            &["card"],
        ),
    ];
    for day in 4..=9 {
        calls.push(call(
            &format!("2026-04-0{day}T12:00:00-04:00"),
            Outcome::NoAnswer,
            &["card"],
        ));
    }
    let req = request("card", Channel::Call, CELL, "2026-04-10T09:00:00-04:00");
    let unaware = history(calls.clone());
    check_case(
        "14(b)(2)(i)-3.i, before learning",
        &federal(),
        &ny(),
        &unaware,
        &req,
        // Eight calls from April 4; the seventh latest is on April 5, so April 12 is the first free day.
        blocked(&[FREQ], Some("2026-04-12T08:00:00-04:00")),
    );
    calls.push(attempt(
        "2026-04-09T10:00:00-04:00",
        Channel::Call,
        Direction::Outbound,
        Outcome::WrongNumber,
        OTHER,
        &["card"],
    ));
    check_case(
        "14(b)(2)(i)-3.i",
        &federal(),
        &ny(),
        &history(calls),
        &req,
        ALLOWED,
    );
}

/// Comment 14(b)(2)(ii)-1.i: a limited-content message on April 1, two calls on each of April 2, 3 and 6,
/// and one more on Tuesday, April 7: the eighth in seven days, presumed to violate. Next: April 8 at 8 a.m.
#[test]
fn comment_14b2ii_1_i_eighth_call() {
    let mut calls = vec![call(
        "2026-04-01T10:00:00-04:00",
        Outcome::LimitedContentMessage,
        &["mortgage"],
    )];
    for day in [2, 3, 6] {
        for hour in [10, 16] {
            calls.push(call(
                &format!("2026-04-0{day}T{hour}:00:00-04:00"),
                Outcome::NoAnswer,
                &["mortgage"],
            ));
        }
    }
    let req = request("mortgage", Channel::Call, CELL, "2026-04-07T10:00:00-04:00");
    check_case(
        "14(b)(2)(ii)-1.i",
        &federal(),
        &ny(),
        &history(calls),
        &req,
        blocked(&[FREQ], Some("2026-04-08T08:00:00-04:00")),
    );
}

/// Comment 14(b)(2)(ii)-1.ii: an unanswered call on Tuesday, August 11, a conversation on Friday,
/// August 14: a call before Friday, August 21, is presumed to violate.
#[test]
fn comment_14b2ii_1_ii_call_within_seven_days_of_conversation() {
    let h = history(vec![
        call("2026-08-11T10:00:00-04:00", Outcome::NoAnswer, &["card"]),
        call(
            "2026-08-14T10:00:00-04:00",
            Outcome::RightPartyConversation,
            &["card"],
        ),
    ]);
    let req = request("card", Channel::Call, CELL, "2026-08-20T20:00:00-04:00");
    check_case(
        "14(b)(2)(ii)-1.ii",
        &federal(),
        &ny(),
        &h,
        &req,
        blocked(&[FREQ], Some("2026-08-21T08:00:00-04:00")),
    );
    let on_21st = request("card", Channel::Call, CELL, "2026-08-21T08:00:00-04:00");
    check_case(
        "14(b)(2)(ii)-1.ii, August 21",
        &federal(),
        &ny(),
        &h,
        &on_21st,
        ALLOWED,
    );
}

fn friday_conversation() -> Attempt {
    call(
        "2026-04-03T14:00:00-04:00",
        Outcome::RightPartyConversation,
        &["card"],
    )
}

/// Comment 14(b)(3)(i)-3.i: in a conversation on Friday, April 3, the consumer says "call back on Monday":
/// a call on Monday, April 6, is excluded by the prior consent. Without it, the call would fall within
/// seven days of the conversation.
#[test]
fn comment_14b3i_3_i_call_back_on_monday() {
    let h = history(vec![friday_conversation()]);
    let monday = request("card", Channel::Call, CELL, "2026-04-06T10:00:00-04:00");
    check_case(
        "14(b)(3)(i)-3.i, no consent",
        &federal(),
        &ny(),
        &h,
        &monday,
        blocked(&[FREQ], Some("2026-04-10T08:00:00-04:00")),
    );
    let consent = PriorConsent::new("card", at("2026-04-03T14:05:00-04:00"))
        .unwrap()
        .until(date("2026-04-06"))
        .unwrap();
    let p = ny().with_prior_consent(consent);
    check_case("14(b)(3)(i)-3.i", &federal(), &p, &h, &monday, ALLOWED);
}

/// Comment 14(b)(3)(i)-3.ii: the consumer says "call back" with no day; the Monday call leads to a
/// conversation, which ends the consent: a call on Wednesday, April 8, counts and is presumed to violate.
#[test]
fn comment_14b3i_3_ii_conversation_ends_consent() {
    let consent = PriorConsent::new("card", at("2026-04-03T14:05:00-04:00")).unwrap();
    let p = ny().with_prior_consent(consent);
    let h = history(vec![
        friday_conversation(),
        call(
            "2026-04-06T10:00:00-04:00",
            Outcome::RightPartyConversation,
            &["card"],
        ),
    ]);
    let wednesday = request("card", Channel::Call, CELL, "2026-04-08T10:00:00-04:00");
    check_case(
        "14(b)(3)(i)-3.ii",
        &federal(),
        &p,
        &h,
        &wednesday,
        blocked(&[FREQ], Some("2026-04-13T08:00:00-04:00")),
    );
}

/// Comment 14(b)(3)(i)-3.iii: three unanswered calls June 1-3, consent by email on Thursday, June 4, then
/// eight unanswered calls June 8-10: excluded. Calls from Thursday, June 11, count again: seven on June 11
/// block an eighth that day.
#[test]
fn comment_14b3i_3_iii_consent_by_email() {
    let consent = PriorConsent::new("card", at("2026-06-04T11:00:00-04:00")).unwrap();
    let p = ny().with_prior_consent(consent);
    let mut calls = Vec::new();
    for day in 1..=3 {
        calls.push(call(
            &format!("2026-06-0{day}T10:00:00-04:00"),
            Outcome::NoAnswer,
            &["card"],
        ));
    }
    calls.push(attempt(
        "2026-06-04T11:00:00-04:00",
        Channel::Email,
        Direction::Inbound,
        Outcome::Sent,
        EMAIL,
        &["card"],
    ));
    for (day, hour) in [
        (8, 9),
        (8, 12),
        (8, 15),
        (9, 9),
        (9, 12),
        (9, 15),
        (10, 9),
        (10, 12),
    ] {
        calls.push(call(
            &format!("2026-06-{day:02}T{hour:02}:00:00-04:00"),
            Outcome::NoAnswer,
            &["card"],
        ));
    }
    let ninth = request("card", Channel::Call, CELL, "2026-06-10T15:00:00-04:00");
    check_case(
        "14(b)(3)(i)-3.iii, June 10",
        &federal(),
        &p,
        &history(calls.clone()),
        &ninth,
        ALLOWED,
    );
    let june_11 = request("card", Channel::Call, CELL, "2026-06-11T09:00:00-04:00");
    check_case(
        "14(b)(3)(i)-3.iii, June 11",
        &federal(),
        &p,
        &history(calls.clone()),
        &june_11,
        ALLOWED,
    );
    for hour in 9..16 {
        calls.push(call(
            &format!("2026-06-11T{hour:02}:00:00-04:00"),
            Outcome::NoAnswer,
            &["card"],
        ));
    }
    let eighth = request("card", Channel::Call, CELL, "2026-06-11T17:00:00-04:00");
    check_case(
        "14(b)(3)(i)-3.iii, eighth on June 11",
        &federal(),
        &p,
        &history(calls),
        &eighth,
        blocked(&[FREQ], Some("2026-06-18T08:00:00-04:00")),
    );
}

/// Comment 14(b)(3)(ii)-1: busy signals and numbers not in service do not connect and do not count; a
/// call that rings unanswered or reaches voicemail does.
#[test]
fn comment_14b3ii_1_unconnected_calls() {
    let outcomes = |o: Outcome| {
        history(
            (1..=7)
                .map(|day| call(&format!("2026-04-0{day}T10:00:00-04:00"), o, &["card"]))
                .collect(),
        )
    };
    let req = request("card", Channel::Call, CELL, "2026-04-07T15:00:00-04:00");
    for o in [Outcome::Busy, Outcome::NotInService] {
        check_case(
            "14(b)(3)(ii)-1, not connected",
            &federal(),
            &ny(),
            &outcomes(o),
            &req,
            ALLOWED,
        );
    }
    for o in [
        Outcome::NoAnswer,
        Outcome::Voicemail,
        Outcome::LimitedContentMessage,
    ] {
        check_case(
            "14(b)(3)(ii)-1, connected",
            &federal(),
            &ny(),
            &outcomes(o),
            &req,
            blocked(&[FREQ], Some("2026-04-08T08:00:00-04:00")),
        );
    }
}

/// Comment 14(b)(4)-2.i: 21 unanswered calls in seven days, seven counted toward each of a medical debt
/// and credit card debts A and B: presumed compliant; an eighth about any of them is not.
#[test]
fn comment_14b4_2_i_three_debts_seven_each() {
    let mut calls = Vec::new();
    for day in 1..=7 {
        for (hour, debt) in [(9, "medical"), (12, "card-a"), (15, "card-b")] {
            calls.push(call(
                &format!("2026-04-0{day}T{hour:02}:00:00-04:00"),
                Outcome::NoAnswer,
                &[debt],
            ));
        }
    }
    let h = history(calls);
    for debt in ["medical", "card-a", "card-b"] {
        let eighth = request(debt, Channel::Call, CELL, "2026-04-07T17:00:00-04:00");
        check_case(
            "14(b)(4)-2.i, eighth",
            &federal(),
            &ny(),
            &h,
            &eighth,
            blocked(&[FREQ], Some("2026-04-08T08:00:00-04:00")),
        );
        let next_day = request(debt, Channel::Call, CELL, "2026-04-08T09:00:00-04:00");
        check_case("14(b)(4)-2.i", &federal(), &ny(), &h, &next_day, ALLOWED);
    }
}

/// Comment 14(b)(4)-2.ii: a limited-content message meant for a medical and a credit card debt counts as
/// one call toward either: listed first as medical, it leaves the card's count at six.
#[test]
fn comment_14b4_2_ii_limited_content_message_counts_once() {
    let mut calls: Vec<Attempt> = (1..=6)
        .map(|day| {
            call(
                &format!("2026-04-0{day}T10:00:00-04:00"),
                Outcome::NoAnswer,
                &["card"],
            )
        })
        .collect();
    calls.push(call(
        "2026-04-07T10:00:00-04:00",
        Outcome::LimitedContentMessage,
        &["medical", "card"],
    ));
    let h = history(calls);
    let card = request("card", Channel::Call, CELL, "2026-04-07T15:00:00-04:00");
    check_case("14(b)(4)-2.ii", &federal(), &ny(), &h, &card, ALLOWED);
    let medical = request("medical", Channel::Call, CELL, "2026-04-07T15:00:00-04:00");
    check_case(
        "14(b)(4)-2.ii, medical",
        &federal(),
        &ny(),
        &h,
        &medical,
        ALLOWED,
    );
}

/// Comment 14(b)(4)-2.iii: a conversation on Monday, November 9, solely about the medical debt: the credit
/// card debt has had neither call nor conversation.
#[test]
fn comment_14b4_2_iii_conversation_about_one_debt() {
    let h = history(vec![call(
        "2026-11-09T10:00:00-05:00",
        Outcome::RightPartyConversation,
        &["medical"],
    )]);
    let card = request("card", Channel::Call, CELL, "2026-11-10T10:00:00-05:00");
    check_case(
        "14(b)(4)-2.iii, card",
        &federal(),
        &ny(),
        &h,
        &card,
        ALLOWED,
    );
    let medical = request("medical", Channel::Call, CELL, "2026-11-10T10:00:00-05:00");
    check_case(
        "14(b)(4)-2.iii, medical",
        &federal(),
        &ny(),
        &h,
        &medical,
        blocked(&[FREQ], Some("2026-11-16T08:00:00-05:00")),
    );
}

/// Comment 14(b)(4)-2.iv: the November 9 conversation is about both debts: both are within the seven days.
#[test]
fn comment_14b4_2_iv_conversation_about_both() {
    let h = history(vec![call(
        "2026-11-09T10:00:00-05:00",
        Outcome::RightPartyConversation,
        &["medical", "card"],
    )]);
    for debt in ["medical", "card"] {
        let req = request(debt, Channel::Call, CELL, "2026-11-10T10:00:00-05:00");
        check_case(
            "14(b)(4)-2.iv",
            &federal(),
            &ny(),
            &h,
            &req,
            blocked(&[FREQ], Some("2026-11-16T08:00:00-05:00")),
        );
    }
}

/// Comment 14(b)(4)-2.v: two unanswered calls counted toward the medical debt and four toward the card
/// from November 9 to 11; a general conversation on Thursday, November 12, counted toward the medical
/// debt only: three calls and a conversation for it, four calls and none for the card.
#[test]
fn comment_14b4_2_v_general_conversation_counted_toward_one() {
    let mut calls = vec![
        call("2026-11-09T10:00:00-05:00", Outcome::NoAnswer, &["medical"]),
        call("2026-11-10T10:00:00-05:00", Outcome::NoAnswer, &["medical"]),
    ];
    for (day, hour) in [(9, 14), (10, 14), (11, 10), (11, 14)] {
        calls.push(call(
            &format!("2026-11-{day:02}T{hour}:00:00-05:00"),
            Outcome::NoAnswer,
            &["card"],
        ));
    }
    calls.push(call(
        "2026-11-12T10:00:00-05:00",
        Outcome::RightPartyConversation,
        &["medical"],
    ));
    let h = history(calls);
    let card = request("card", Channel::Call, CELL, "2026-11-13T10:00:00-05:00");
    check_case("14(b)(4)-2.v, card", &federal(), &ny(), &h, &card, ALLOWED);
    let medical = request("medical", Channel::Call, CELL, "2026-11-13T10:00:00-05:00");
    check_case(
        "14(b)(4)-2.v, medical",
        &federal(),
        &ny(),
        &h,
        &medical,
        blocked(&[FREQ], Some("2026-11-19T08:00:00-05:00")),
    );
}

/// Comment 14(b)(4)-2.vi: a call about the medical debt; the consumer talks about the credit card debt
/// instead. A call and a conversation about the medical debt; a conversation (no call) about the card.
#[test]
fn comment_14b4_2_vi_consumer_raises_another_debt() {
    let conversation = call(
        "2026-11-09T10:00:00-05:00",
        Outcome::RightPartyConversation,
        &["medical"],
    )
    .also_discussed(["card"])
    .unwrap();
    let h = history(vec![conversation]);
    for debt in ["medical", "card"] {
        let req = request(debt, Channel::Call, CELL, "2026-11-11T10:00:00-05:00");
        check_case(
            "14(b)(4)-2.vi",
            &federal(),
            &ny(),
            &h,
            &req,
            blocked(&[FREQ], Some("2026-11-16T08:00:00-05:00")),
        );
    }
    // The card had no call placed about it: six more unanswered card calls leave room for a seventh.
    let mut calls = vec![call(
        "2026-11-09T10:00:00-05:00",
        Outcome::RightPartyConversation,
        &["medical"],
    )
    .also_discussed(["card"])
    .unwrap()];
    for day in 16..=21 {
        calls.push(call(
            &format!("2026-11-{day}T10:00:00-05:00"),
            Outcome::NoAnswer,
            &["card"],
        ));
    }
    let seventh = request("card", Channel::Call, CELL, "2026-11-21T15:00:00-05:00");
    check_case(
        "14(b)(4)-2.vi, card calls",
        &federal(),
        &ny(),
        &history(calls),
        &seventh,
        ALLOWED,
    );
}

/// Comment 14(b)(4)-2.vii: three student loans serviced under one account number are one debt: seven
/// calls spread over them fill the week, and a conversation about one holds all three.
#[test]
fn comment_14b4_2_vii_student_loans_are_one_debt() {
    let p = ny()
        .with_combined_debts(vec!["loan-1".into(), "loan-2".into(), "loan-3".into()])
        .unwrap();
    let loans = ["loan-1", "loan-2", "loan-3"];
    let calls: Vec<Attempt> = (1..=7)
        .map(|day| {
            call(
                &format!("2026-04-0{day}T10:00:00-04:00"),
                Outcome::NoAnswer,
                &[loans[day % 3]],
            )
        })
        .collect();
    let req = request("loan-3", Channel::Call, CELL, "2026-04-07T15:00:00-04:00");
    check_case(
        "14(b)(4)-2.vii, calls",
        &federal(),
        &p,
        &history(calls),
        &req,
        blocked(&[FREQ], Some("2026-04-08T08:00:00-04:00")),
    );
    let h = history(vec![call(
        "2026-04-01T10:00:00-04:00",
        Outcome::RightPartyConversation,
        &["loan-2"],
    )]);
    let req = request("loan-1", Channel::Call, CELL, "2026-04-03T10:00:00-04:00");
    check_case(
        "14(b)(4)-2.vii, conversation",
        &federal(),
        &p,
        &h,
        &req,
        blocked(&[FREQ], Some("2026-04-08T08:00:00-04:00")),
    );
    let unrelated = request("card", Channel::Call, CELL, "2026-04-03T10:00:00-04:00");
    check_case(
        "14(b)(4)-2.vii, another debt",
        &federal(),
        &p,
        &h,
        &unrelated,
        ALLOWED,
    );
}

// ---------------------------------------------------------------------------------------------------
// Official examples, §1006.6(b)(1)(i)
// ---------------------------------------------------------------------------------------------------

/// Comment 6(b)(1)(i)-2.i: an Eastern mobile number and a Pacific address: convenient from 11:00 a.m.
/// to 9:00 p.m. Eastern (8:00 a.m. to 6:00 p.m. Pacific).
#[test]
fn comment_6b1i_2_i_eastern_and_pacific() {
    let p = profile(&["America/New_York", "America/Los_Angeles"]);
    let h = ContactHistory::empty();
    let early = request("card", Channel::Call, CELL, "2026-04-08T10:59:59-04:00");
    check_case(
        "6(b)(1)(i)-2.i, 10:59:59 ET",
        &federal(),
        &p,
        &h,
        &early,
        blocked(&[TOD], Some("2026-04-08T11:00:00-04:00")),
    );
    for ok in ["2026-04-08T11:00:00-04:00", "2026-04-08T21:00:00-04:00"] {
        check_case(
            "6(b)(1)(i)-2.i",
            &federal(),
            &p,
            &h,
            &request("card", Channel::Call, CELL, ok),
            ALLOWED,
        );
    }
    let late = request("card", Channel::Text, CELL, "2026-04-08T21:00:01-04:00");
    check_case(
        "6(b)(1)(i)-2.i, 21:00:01 ET",
        &federal(),
        &p,
        &h,
        &late,
        blocked(&[TOD], Some("2026-04-09T11:00:00-04:00")),
    );
    let windows = eligible_windows(&federal(), &p, &h, &early, 2).unwrap();
    assert_eq!(
        windows,
        [
            Window {
                start: at("2026-04-08T11:00:00-04:00"),
                end: at("2026-04-08T21:00:01-04:00")
            },
            Window {
                start: at("2026-04-09T11:00:00-04:00"),
                end: at("2026-04-09T21:00:01-04:00")
            },
        ]
    );
}

/// Comment 6(b)(1)(i)-2.ii: an Eastern mobile number and a Mountain landline: convenient from 10:00 a.m.
/// to 9:00 p.m. Eastern (8:00 a.m. to 7:00 p.m. Mountain).
#[test]
fn comment_6b1i_2_ii_eastern_and_mountain() {
    let p = profile(&["America/New_York", "America/Denver"]);
    let h = ContactHistory::empty();
    let early = request("card", Channel::Call, CELL, "2026-04-08T08:00:00-04:00");
    check_case(
        "6(b)(1)(i)-2.ii",
        &federal(),
        &p,
        &h,
        &early,
        blocked(&[TOD], Some("2026-04-08T10:00:00-04:00")),
    );
    let mountain_evening = request("card", Channel::Call, CELL, "2026-04-08T19:00:00-06:00");
    check_case(
        "6(b)(1)(i)-2.ii, 7 p.m. Mountain",
        &federal(),
        &p,
        &h,
        &mountain_evening,
        ALLOWED,
    );
}

// ---------------------------------------------------------------------------------------------------
// Hand-worked cases: time of day and daylight saving
// ---------------------------------------------------------------------------------------------------

#[test]
fn us_spring_forward_day() {
    // 2026-03-08: New York goes from 02:00 EST to 03:00 EDT; 08:00 EDT is 12:00 UTC.
    let h = ContactHistory::empty();
    let night = request("card", Channel::Call, CELL, "2026-03-08T06:00:00Z");
    check_case(
        "spring forward, 01:00 EST",
        &federal(),
        &ny(),
        &h,
        &night,
        blocked(&[TOD], Some("2026-03-08T12:00:00Z")),
    );
    let evening_before = request("card", Channel::Call, CELL, "2026-03-08T02:30:00Z"); // 21:30 EST Mar 7
    check_case(
        "spring forward, evening before",
        &federal(),
        &ny(),
        &h,
        &evening_before,
        blocked(&[TOD], Some("2026-03-08T12:00:00Z")),
    );
    // The window that day ends after 21:00:00 EDT = 01:00:01 UTC.
    let w = eligible_windows(&federal(), &ny(), &h, &night, 1).unwrap();
    assert_eq!(
        w,
        [Window {
            start: at("2026-03-08T12:00:00Z"),
            end: at("2026-03-09T01:00:01Z")
        }]
    );
}

#[test]
fn us_fall_back_day() {
    // 2026-11-01: 02:00 EDT becomes 01:00 EST; 01:30 happens twice. 08:00 EST is 13:00 UTC.
    let h = ContactHistory::empty();
    for t in ["2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z"] {
        let req = request("card", Channel::Call, CELL, t);
        check_case(
            "fall back",
            &federal(),
            &ny(),
            &h,
            &req,
            blocked(&[TOD], Some("2026-11-01T13:00:00Z")),
        );
    }
    let late = request("card", Channel::Call, CELL, "2026-11-02T02:00:01Z"); // 21:00:01 EST
    check_case(
        "fall back, evening",
        &federal(),
        &ny(),
        &h,
        &late,
        blocked(&[TOD], Some("2026-11-02T13:00:00Z")),
    );
}

/// A creditor's window that starts in the skipped hour opens when the clocks jump; one inside the
/// repeated hour opens again on its second pass.
#[test]
fn windows_starting_in_a_gap_or_a_fold() {
    let window = |start: &str, end: &str| {
        let json = format!(
            r#"{{"rules": [{{"id": "c.hours", "kind": "time_of_day", "start": "{start}", "end": "{end}",
                "boundaries": "inclusive", "channels": ["call"]}}]}}"#
        );
        serde_json::from_str::<Policy>(&json).unwrap()
    };
    let h = ContactHistory::empty();
    // 2026-03-08: 02:30 does not exist in New York; the first instant after it is 03:00 EDT.
    let gap = window("02:30:00", "05:00:00");
    let req = request("card", Channel::Call, CELL, "2026-03-08T06:00:00Z");
    check_case(
        "gap",
        &gap,
        &ny(),
        &h,
        &req,
        blocked(&["c.hours"], Some("2026-03-08T07:00:00Z")),
    );
    // 2026-11-01: 01:10 EST is the second pass of the hour; 01:30 comes again at 06:30 UTC.
    let fold = window("01:30:00", "01:45:00");
    let req = request("card", Channel::Call, CELL, "2026-11-01T06:10:00Z");
    check_case(
        "fold",
        &fold,
        &ny(),
        &h,
        &req,
        blocked(&["c.hours"], Some("2026-11-01T06:30:00Z")),
    );
    let first_pass = request("card", Channel::Call, CELL, "2026-11-01T05:10:00Z");
    check_case(
        "fold, first pass",
        &fold,
        &ny(),
        &h,
        &first_pass,
        blocked(&["c.hours"], Some("2026-11-01T05:30:00Z")),
    );
    let w = eligible_windows(&fold, &ny(), &h, &first_pass, 1).unwrap();
    assert_eq!(
        w,
        [
            Window {
                start: at("2026-11-01T05:30:00Z"),
                end: at("2026-11-01T05:45:01Z")
            },
            Window {
                start: at("2026-11-01T06:30:00Z"),
                end: at("2026-11-01T06:45:01Z")
            },
        ]
    );
}

#[test]
fn eastern_and_pacific_across_both_dst_changes() {
    let p = profile(&["America/New_York", "America/Los_Angeles"]);
    let h = ContactHistory::empty();
    // Spring: both zones change at their own 2 a.m.; 8:00 PDT = 15:00 UTC; 21:00 EDT = 01:00 UTC.
    let req = request("card", Channel::Call, CELL, "2026-03-08T12:00:00Z");
    check_case(
        "E+P spring",
        &federal(),
        &p,
        &h,
        &req,
        blocked(&[TOD], Some("2026-03-08T15:00:00Z")),
    );
    let w = eligible_windows(&federal(), &p, &h, &req, 1).unwrap();
    assert_eq!(
        w,
        [Window {
            start: at("2026-03-08T15:00:00Z"),
            end: at("2026-03-09T01:00:01Z")
        }]
    );
    // Fall: 8:00 PST = 16:00 UTC, 21:00 EST = 02:00 UTC.
    let req = request("card", Channel::Call, CELL, "2026-11-01T12:00:00Z");
    check_case(
        "E+P fall",
        &federal(),
        &p,
        &h,
        &req,
        blocked(&[TOD], Some("2026-11-01T16:00:00Z")),
    );
    // Between the two zones' changes (New York already on EST, Los Angeles still on PDT) at 06:30 UTC.
    let req = request("card", Channel::Call, CELL, "2026-11-01T06:30:00Z");
    check_case(
        "E+P fall, between changes",
        &federal(),
        &p,
        &h,
        &req,
        blocked(&[TOD], Some("2026-11-01T16:00:00Z")),
    );
}

#[test]
fn uk_bst_change() {
    let p = profile(&["Europe/London"]);
    let uk = Policy::from_presets(&["united_kingdom"]).unwrap();
    let h = ContactHistory::empty();
    // 2026-03-29: 01:00 GMT becomes 02:00 BST; 08:00 BST = 07:00 UTC.
    let req = request("card", Channel::Call, CELL, "2026-03-28T21:30:00Z");
    check_case(
        "BST starts",
        &uk,
        &p,
        &h,
        &req,
        blocked(&["uk.reasonable_hours"], Some("2026-03-29T07:00:00Z")),
    );
    // 2026-10-25: 02:00 BST becomes 01:00 GMT; 08:00 GMT = 08:00 UTC.
    let req = request("card", Channel::Call, CELL, "2026-10-25T06:00:00Z");
    check_case(
        "BST ends",
        &uk,
        &p,
        &h,
        &req,
        blocked(&["uk.reasonable_hours"], Some("2026-10-25T08:00:00Z")),
    );
}

#[test]
fn letters_are_not_timed_and_boundaries_are_a_setting() {
    let h = ContactHistory::empty();
    let letter = request("card", Channel::Letter, HOME, "2026-04-08T03:00:00-04:00");
    check_case("letter at 3 a.m.", &federal(), &ny(), &h, &letter, ALLOWED);
    let eight = request("card", Channel::Call, CELL, "2026-04-08T08:00:00-04:00");
    check_case("08:00:00 inclusive", &federal(), &ny(), &h, &eight, ALLOWED);
    let ma = Policy::from_presets(&["massachusetts"]).unwrap();
    check_case(
        "08:00:00 exclusive",
        &ma,
        &ny(),
        &h,
        &eight,
        blocked(&["ma.time_of_day"], Some("2026-04-08T08:00:01-04:00")),
    );
    let nine_pm = request("card", Channel::Call, CELL, "2026-04-08T21:00:00-04:00");
    check_case(
        "21:00:00 exclusive",
        &ma,
        &ny(),
        &h,
        &nine_pm,
        blocked(&["ma.time_of_day"], Some("2026-04-09T08:00:01-04:00")),
    );
}

/// §1006.6(b)(4): the person's prior consent lifts Regulation F's (and Florida's) hours, their own
/// inconvenient times and the place-of-employment prohibition, not Massachusetts' hours, and not the
/// employer-provided email address.
#[test]
fn time_and_place_consent() {
    let consent = TimePlaceConsent::new(Some(Channel::Call), at("2026-04-08T00:00:00Z"))
        .unwrap()
        .until(at("2026-04-09T00:00:00Z"))
        .unwrap();
    let p = ContactProfile::new("p1", &["America/New_York"])
        .unwrap()
        .with_destination(
            Destination::phone(WORK, PhoneLine::Landline)
                .unwrap()
                .with_employer_prohibiting_contact(true),
        )
        .unwrap()
        .with_destination(Destination::phone(CELL, PhoneLine::Cell).unwrap())
        .unwrap()
        .with_inconvenient_time(WeeklyWindow::new(Weekday::Wed, hm(9, 0), hm(12, 0)).unwrap())
        .with_time_place_consent(consent);
    let h = ContactHistory::empty();
    let early = request("card", Channel::Call, CELL, "2026-04-08T07:00:00-04:00");
    check_case("consent, 7 a.m.", &federal(), &p, &h, &early, ALLOWED);
    let fl = Policy::from_presets(&["florida"]).unwrap();
    check_case("consent, Florida", &fl, &p, &h, &early, ALLOWED);
    let ma = Policy::from_presets(&["massachusetts"]).unwrap();
    check_case(
        "consent, Massachusetts",
        &ma,
        &p,
        &h,
        &early,
        blocked(&["ma.time_of_day"], Some("2026-04-08T08:00:01-04:00")),
    );
    let inconvenient = request("card", Channel::Call, CELL, "2026-04-08T10:00:00-04:00");
    check_case(
        "consent, inconvenient time",
        &federal(),
        &p,
        &h,
        &inconvenient,
        ALLOWED,
    );
    check_case(
        "consent, at work",
        &federal(),
        &p,
        &h,
        &request("card", Channel::Call, WORK, "2026-04-08T14:00:00-04:00"),
        ALLOWED,
    );
    // The consent ends at midnight UTC (20:00 Eastern): at 22:00 Eastern the hours apply again.
    let late = request("card", Channel::Call, CELL, "2026-04-08T22:00:00-04:00");
    check_case(
        "consent ended",
        &federal(),
        &p,
        &h,
        &late,
        blocked(&[TOD], Some("2026-04-09T08:00:00-04:00")),
    );
    // A text is not covered by a consent to calls.
    let text = request("card", Channel::Text, CELL, "2026-04-08T07:00:00-04:00");
    check_case(
        "consent, text",
        &federal(),
        &p,
        &h,
        &text,
        blocked(&[TOD], Some("2026-04-08T08:00:00-04:00")),
    );
}

#[test]
fn missing_time_zone_blocks_or_assumes() {
    let p = profile(&[]);
    let h = ContactHistory::empty();
    let req = request("card", Channel::Call, CELL, "2026-04-08T15:00:00Z");
    let d = check_case(
        "no zone, block",
        &federal(),
        &p,
        &h,
        &req,
        blocked(&["policy.missing_time_zone"], None),
    );
    assert!(d.reasons()[0].message.contains("time zone"));
    let assume = federal()
        .with_missing_time_zone(MissingTimeZone::Assume("America/Chicago".parse().unwrap()));
    let early = request("card", Channel::Call, CELL, "2026-04-08T12:00:00Z"); // 07:00 CDT
    check_case(
        "no zone, assume Chicago",
        &assume,
        &p,
        &h,
        &early,
        blocked(&[TOD], Some("2026-04-08T13:00:00Z")),
    );
    assert!(eligible_windows(&federal(), &p, &h, &req, 3)
        .unwrap()
        .is_empty());
}

// ---------------------------------------------------------------------------------------------------
// Hand-worked cases: the other Regulation F rules, TCPA and status holds
// ---------------------------------------------------------------------------------------------------

fn flag(kind: FlagKind, debt: Option<&str>, from: &str, until: Option<&str>) -> StatusFlag {
    let f = StatusFlag::new(kind, debt.map(String::from), at(from)).unwrap();
    match until {
        Some(u) => f.until(at(u)).unwrap(),
        None => f,
    }
}

#[test]
fn inconvenient_times_and_one_response() {
    // Comment 6(b)(1)-1.ii and -2.i: weekdays 15:00-17:00 and weekends are inconvenient; the consumer emails
    // at 15:30 on Wednesday: one email reply before 17:00, no call.
    let mut p = ny();
    for wd in [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ] {
        p = p.with_inconvenient_time(WeeklyWindow::new(wd, hm(15, 0), hm(17, 0)).unwrap());
    }
    for wd in [Weekday::Sat, Weekday::Sun] {
        p = p.with_inconvenient_time(WeeklyWindow::new(wd, hm(0, 0), hm(0, 0)).unwrap());
    }
    let incon = "reg_f.inconvenient_times";
    let h = history(vec![attempt(
        "2026-04-08T15:30:00-04:00",
        Channel::Email,
        Direction::Inbound,
        Outcome::Sent,
        EMAIL,
        &["card"],
    )]);
    let reply = request("card", Channel::Email, EMAIL, "2026-04-08T15:40:00-04:00");
    check_case("one reply", &federal(), &p, &h, &reply, ALLOWED);
    let call_then = request("card", Channel::Call, CELL, "2026-04-08T15:40:00-04:00");
    check_case(
        "no call",
        &federal(),
        &p,
        &h,
        &call_then,
        blocked(&[incon], Some("2026-04-08T17:00:00-04:00")),
    );
    let mut replied = h.attempts().to_vec();
    replied.push(attempt(
        "2026-04-08T15:45:00-04:00",
        Channel::Email,
        Direction::Outbound,
        Outcome::Sent,
        EMAIL,
        &["card"],
    ));
    let second = request("card", Channel::Email, EMAIL, "2026-04-08T15:50:00-04:00");
    check_case(
        "only one reply",
        &federal(),
        &p,
        &history(replied),
        &second,
        blocked(&[incon], Some("2026-04-08T17:00:00-04:00")),
    );
    // Friday 16:00: the weekend follows; the next time is Monday 08:00 (Friday 17:00-21:00 comes first).
    let friday = request("card", Channel::Call, CELL, "2026-04-10T16:00:00-04:00");
    check_case(
        "Friday",
        &federal(),
        &p,
        &ContactHistory::empty(),
        &friday,
        blocked(&[incon], Some("2026-04-10T17:00:00-04:00")),
    );
    let friday_night = request("card", Channel::Call, CELL, "2026-04-10T21:30:00-04:00");
    check_case(
        "Friday night",
        &federal(),
        &p,
        &ContactHistory::empty(),
        &friday_night,
        blocked(&[TOD], Some("2026-04-13T08:00:00-04:00")),
    );
    // Comment 6(b)(1)-1.i: Tuesdays and Thursdays through the end of the year, and a specific date.
    let tuesdays = ny()
        .with_inconvenient_time(
            WeeklyWindow::new(Weekday::Tue, hm(0, 0), hm(0, 0))
                .unwrap()
                .through(date("2026-12-31"))
                .unwrap(),
        )
        .with_inconvenient_date(date("2026-12-30"))
        .unwrap();
    let tue = request("card", Channel::Call, CELL, "2026-12-29T10:00:00-05:00");
    check_case(
        "Tuesdays and a date",
        &federal(),
        &tuesdays,
        &ContactHistory::empty(),
        &tue,
        blocked(&[incon], Some("2026-12-31T08:00:00-05:00")),
    );
    let next_year = request("card", Channel::Call, CELL, "2027-01-05T10:00:00-05:00");
    check_case(
        "Tuesday after the year",
        &federal(),
        &tuesdays,
        &ContactHistory::empty(),
        &next_year,
        ALLOWED,
    );
}

#[test]
fn cease_attorney_place_of_employment_and_opt_outs() {
    let h = ContactHistory::empty();
    let t = "2026-04-08T10:00:00-04:00";
    let ceased = ny().with_flag(flag(
        FlagKind::CeaseReceived,
        Some("card"),
        "2026-04-01T00:00:00Z",
        None,
    ));
    check_case(
        "cease",
        &federal(),
        &ceased,
        &h,
        &request("card", Channel::Letter, HOME, t),
        blocked(&["reg_f.cease"], None),
    );
    // §1006.6(c)(2): a letter saying collection efforts end may still be sent.
    let notice = request("card", Channel::Letter, HOME, t).with_purpose(Purpose::CeaseNotice);
    check_case("cease notice", &federal(), &ceased, &h, &notice, ALLOWED);
    check_case(
        "cease, other debt",
        &federal(),
        &ceased,
        &h,
        &request("medical", Channel::Call, CELL, t),
        ALLOWED,
    );

    let represented = ny().with_flag(flag(
        FlagKind::AttorneyRepresentation,
        Some("card"),
        "2026-04-01T00:00:00Z",
        Some("2026-04-20T00:00:00Z"),
    ));
    check_case(
        "attorney",
        &federal(),
        &represented,
        &h,
        &request("card", Channel::Call, CELL, t),
        blocked(&["reg_f.attorney"], Some("2026-04-20T00:00:00Z")),
    );
    check_case(
        "the attorney",
        &federal(),
        &represented,
        &h,
        &request("card", Channel::Call, LAWYER, t),
        ALLOWED,
    );
    // Comment 6(b)(2)-1: the represented consumer emails about the debt; one reply by email is allowed.
    let wrote = history(vec![attempt(
        "2026-04-08T09:00:00-04:00",
        Channel::Email,
        Direction::Inbound,
        Outcome::Sent,
        EMAIL,
        &["card"],
    )]);
    let reply = request("card", Channel::Email, EMAIL, t);
    check_case(
        "attorney, reply",
        &federal(),
        &represented,
        &wrote,
        &reply,
        ALLOWED,
    );
    let mut replied = wrote.attempts().to_vec();
    replied.push(attempt(
        "2026-04-08T09:30:00-04:00",
        Channel::Email,
        Direction::Outbound,
        Outcome::Sent,
        EMAIL,
        &["card"],
    ));
    check_case(
        "attorney, after the reply",
        &federal(),
        &represented,
        &history(replied),
        &reply,
        blocked(&["reg_f.attorney"], Some("2026-04-20T00:00:00Z")),
    );

    let prohibited = ContactProfile::new("p1", &["America/New_York"])
        .unwrap()
        .with_destination(
            Destination::phone(WORK, PhoneLine::Landline)
                .unwrap()
                .with_employer_prohibiting_contact(true),
        )
        .unwrap()
        .with_destination(
            Destination::email(WORK_EMAIL)
                .unwrap()
                .employer_provided_email()
                .unwrap(),
        )
        .unwrap();
    check_case(
        "employer prohibits",
        &federal(),
        &prohibited,
        &h,
        &request("card", Channel::Call, WORK, t),
        blocked(&["reg_f.place_of_employment"], None),
    );
    check_case(
        "employer email",
        &federal(),
        &ny(),
        &h,
        &request("card", Channel::Email, WORK_EMAIL, t),
        blocked(&["reg_f.place_of_employment"], None),
    );

    let opted = ny()
        .with_opt_out(
            OptOut::new(Channel::Text, Some(CELL.into()), at("2026-04-02T00:00:00Z")).unwrap(),
        )
        .with_opt_out(
            OptOut::new(Channel::Email, None, at("2026-04-02T00:00:00Z"))
                .unwrap()
                .until(at("2026-04-10T00:00:00Z"))
                .unwrap(),
        );
    check_case(
        "text opt-out",
        &federal(),
        &opted,
        &h,
        &request("card", Channel::Text, CELL, t),
        blocked(&["reg_f.opt_out"], None),
    );
    check_case(
        "text opt-out leaves calls",
        &federal(),
        &opted,
        &h,
        &request("card", Channel::Call, CELL, t),
        ALLOWED,
    );
    // §1006.6(e): one confirmation of the opt-out by the same medium, then nothing.
    let confirm = request("card", Channel::Text, CELL, t).with_purpose(Purpose::OptOutConfirmation);
    check_case(
        "opt-out confirmation",
        &federal(),
        &opted,
        &h,
        &confirm,
        ALLOWED,
    );
    let sent = history(vec![attempt(
        "2026-04-02T15:00:00Z",
        Channel::Text,
        Direction::Outbound,
        Outcome::Sent,
        CELL,
        &["card"],
    )]);
    check_case(
        "second confirmation",
        &federal(),
        &opted,
        &sent,
        &confirm,
        blocked(&["reg_f.opt_out"], None),
    );
    // §1006.14(h)(2)(ii): the person texts after opting out of texts: one text in response.
    let they_texted = history(vec![attempt(
        "2026-04-05T15:00:00Z",
        Channel::Text,
        Direction::Inbound,
        Outcome::Sent,
        CELL,
        &["card"],
    )]);
    let response = request("card", Channel::Text, CELL, t);
    check_case(
        "opt-out, response",
        &federal(),
        &opted,
        &they_texted,
        &response,
        ALLOWED,
    );
    // A confirmation by call is not an electronic confirmation.
    let by_call =
        ny().with_opt_out(OptOut::new(Channel::Call, None, at("2026-04-02T00:00:00Z")).unwrap());
    let call_confirm =
        request("card", Channel::Call, CELL, t).with_purpose(Purpose::OptOutConfirmation);
    check_case(
        "opt-out confirmation by call",
        &federal(),
        &by_call,
        &h,
        &call_confirm,
        blocked(&["reg_f.opt_out"], None),
    );
    check_case(
        "email opt-out lapses",
        &federal(),
        &opted,
        &h,
        &request("card", Channel::Email, EMAIL, t),
        blocked(&["reg_f.opt_out"], Some("2026-04-10T00:00:00Z")),
    );
}

#[test]
fn dispute_validation_bankruptcy_deceased_and_several_reasons() {
    let h = ContactHistory::empty();
    let t = "2026-04-08T10:00:00-04:00";
    let disputed = ny()
        .with_flag(flag(
            FlagKind::DisputePending,
            Some("card"),
            "2026-04-01T00:00:00Z",
            Some("2026-04-15T00:00:00Z"),
        ))
        .with_flag(flag(
            FlagKind::ValidationPeriod,
            Some("medical"),
            "2026-04-01T00:00:00Z",
            Some("2026-05-06T00:00:00Z"),
        ));
    check_case(
        "dispute",
        &federal(),
        &disputed,
        &h,
        &request("card", Channel::Email, EMAIL, t),
        blocked(&["reg_f.dispute_hold"], Some("2026-04-15T00:00:00Z")),
    );
    check_case(
        "validation period alone",
        &federal(),
        &disputed,
        &h,
        &request("medical", Channel::Email, EMAIL, t),
        ALLOWED,
    );
    // §1006.34(b)(5): provided Friday, November 20, 2026; received Monday, November 30 (Thanksgiving
    // and the weekends skipped); the period runs through Wednesday, December 30.
    let ny_zone: TimeZone = "America/New_York".parse().unwrap();
    let validation = StatusFlag::validation_period("card", date("2026-11-20"), &ny_zone).unwrap();
    assert_eq!(validation.from(), at("2026-11-20T00:00:00-05:00"));
    assert_eq!(
        validation.until_instant(),
        Some(at("2026-12-31T00:00:00-05:00"))
    );
    let strict = Policy::from_rules(vec![Rule::new(
        "creditor.validation_hold",
        "creditor policy",
        RuleKind::DisputeHold {
            hold_during_validation: true,
        },
    )
    .unwrap()])
    .unwrap();
    check_case(
        "validation hold",
        &strict,
        &disputed,
        &h,
        &request("medical", Channel::Email, EMAIL, t),
        blocked(&["creditor.validation_hold"], Some("2026-05-06T00:00:00Z")),
    );

    let bankrupt = ny().with_flag(flag(
        FlagKind::Bankruptcy,
        None,
        "2026-04-01T00:00:00Z",
        None,
    ));
    check_case(
        "bankruptcy",
        &federal(),
        &bankrupt,
        &h,
        &request("card", Channel::Letter, HOME, t),
        blocked(&["status.bankruptcy"], None),
    );
    let deceased = ny().with_flag(flag(FlagKind::Deceased, None, "2026-04-01T00:00:00Z", None));
    // Every rule that applies is a reason: the time of day and the deceased flag.
    check_case(
        "several reasons",
        &federal(),
        &deceased,
        &h,
        &request("card", Channel::Call, CELL, "2026-04-08T07:00:00-04:00"),
        blocked(&[TOD, "status.deceased"], None),
    );
    // A flag that starts later: allowed until then.
    let later = ny().with_flag(flag(
        FlagKind::Bankruptcy,
        None,
        "2026-04-09T00:00:00Z",
        None,
    ));
    check_case(
        "future flag",
        &federal(),
        &later,
        &h,
        &request("card", Channel::Call, CELL, t),
        ALLOWED,
    );
}

#[test]
fn tcpa_autodialer_consent() {
    let h = ContactHistory::empty();
    let t = "2026-04-08T10:00:00-04:00";
    let auto = |dest: &str| request("card", Channel::Call, dest, t).autodialed(true);
    check_case(
        "no consent",
        &federal(),
        &ny(),
        &h,
        &auto(CELL),
        blocked(&["tcpa.autodialer_consent"], None),
    );
    check_case("landline", &federal(), &ny(), &h, &auto(OTHER), ALLOWED);
    check_case(
        "manual",
        &federal(),
        &ny(),
        &h,
        &request("card", Channel::Call, CELL, t),
        ALLOWED,
    );
    let consented = ny()
        .with_tcpa_consent(TcpaConsent::new(CELL, at("2026-01-01T00:00:00Z")).unwrap())
        .unwrap();
    check_case("consent", &federal(), &consented, &h, &auto(CELL), ALLOWED);
    let revoked = ny()
        .with_tcpa_consent(
            TcpaConsent::new(CELL, at("2026-01-01T00:00:00Z"))
                .unwrap()
                .revoked(at("2026-04-01T00:00:00Z"))
                .unwrap(),
        )
        .unwrap();
    check_case(
        "revoked",
        &federal(),
        &revoked,
        &h,
        &auto(CELL),
        blocked(&["tcpa.autodialer_consent"], None),
    );
}

// ---------------------------------------------------------------------------------------------------
// Hand-worked cases: presets
// ---------------------------------------------------------------------------------------------------

#[test]
fn massachusetts_two_calls_a_week_per_debt() {
    let ma = Policy::from_presets(&["regulation_f", "massachusetts"]).unwrap();
    let h = history(vec![
        call("2026-04-06T10:00:00-04:00", Outcome::NoAnswer, &["card"]),
        call("2026-04-07T10:00:00-04:00", Outcome::Busy, &["card"]),
        attempt(
            "2026-04-08T10:00:00-04:00",
            Channel::Text,
            Direction::Outbound,
            Outcome::Sent,
            CELL,
            &["card"],
        ),
    ]);
    let req = request("card", Channel::Call, CELL, "2026-04-09T10:00:00-04:00");
    check_case(
        "MA personal",
        &ma,
        &ny(),
        &h,
        &req,
        blocked(
            &["ma.calls_personal_numbers"],
            Some("2026-04-13T08:00:01-04:00"),
        ),
    );
    check_case(
        "MA other debt",
        &ma,
        &ny(),
        &h,
        &request("medical", Channel::Call, CELL, "2026-04-09T10:00:00-04:00"),
        ALLOWED,
    );
    let work = history(vec![
        attempt(
            "2026-04-01T10:00:00-04:00",
            Channel::Call,
            Direction::Outbound,
            Outcome::NoAnswer,
            WORK,
            &["card"],
        ),
        attempt(
            "2026-04-20T10:00:00-04:00",
            Channel::Call,
            Direction::Outbound,
            Outcome::NoAnswer,
            WORK,
            &["card"],
        ),
    ]);
    let req = request("card", Channel::Call, WORK, "2026-04-25T10:00:00-04:00");
    check_case(
        "MA work, 30 days",
        &ma,
        &ny(),
        &work,
        &req,
        blocked(
            &["ma.calls_other_numbers"],
            Some("2026-05-01T08:00:01-04:00"),
        ),
    );
    check_case(
        "MA work leaves the cell",
        &ma,
        &ny(),
        &work,
        &request("card", Channel::Call, CELL, "2026-04-25T10:00:00-04:00"),
        ALLOWED,
    );
}

#[test]
fn washington_three_a_week_one_at_work() {
    let wa = Policy::from_presets(&["regulation_f", "washington"]).unwrap();
    let p = profile(&["America/Los_Angeles"]);
    let h = history(vec![
        attempt(
            "2026-04-06T10:00:00-07:00",
            Channel::Call,
            Direction::Outbound,
            Outcome::NoAnswer,
            CELL,
            &["card"],
        ),
        attempt(
            "2026-04-07T10:00:00-07:00",
            Channel::Email,
            Direction::Outbound,
            Outcome::Sent,
            EMAIL,
            &["medical"],
        ),
        attempt(
            "2026-04-08T10:00:00-07:00",
            Channel::Call,
            Direction::Outbound,
            Outcome::NoAnswer,
            WORK,
            &["card"],
        ),
    ]);
    let req = request("card", Channel::Text, CELL, "2026-04-09T10:00:00-07:00");
    check_case(
        "WA three a week",
        &wa,
        &p,
        &h,
        &req,
        blocked(
            &["wa.weekly_communications"],
            Some("2026-04-13T08:00:00-07:00"),
        ),
    );
    let work = request("card", Channel::Call, WORK, "2026-04-09T10:00:00-07:00");
    check_case(
        "WA work",
        &wa,
        &p,
        &h,
        &work,
        blocked(
            &["wa.weekly_communications", "wa.weekly_at_work"],
            Some("2026-04-15T08:00:00-07:00"),
        ),
    );
}

#[test]
fn new_york_city_from_september_2026() {
    let nyc = Policy::from_presets(&["regulation_f", "new_york_city"]).unwrap();
    let attempts = |month: u32| {
        history(vec![
            attempt(
                &format!("2026-{month:02}-07T10:00:00-04:00"),
                Channel::Letter,
                Direction::Outbound,
                Outcome::Sent,
                HOME,
                &["card"],
            ),
            attempt(
                &format!("2026-{month:02}-08T10:00:00-04:00"),
                Channel::Email,
                Direction::Outbound,
                Outcome::Sent,
                EMAIL,
                &["card"],
            ),
            attempt(
                &format!("2026-{month:02}-09T10:00:00-04:00"),
                Channel::Call,
                Direction::Outbound,
                Outcome::Busy,
                CELL,
                &["card"],
            ),
        ])
    };
    check_case(
        "NYC before",
        &nyc,
        &ny(),
        &attempts(8),
        &request("card", Channel::Text, CELL, "2026-08-10T10:00:00-04:00"),
        ALLOWED,
    );
    check_case(
        "NYC after",
        &nyc,
        &ny(),
        &attempts(9),
        &request("card", Channel::Text, CELL, "2026-09-10T10:00:00-04:00"),
        blocked(
            &["nyc.attempts_per_week"],
            Some("2026-09-14T08:00:00-04:00"),
        ),
    );
}

#[test]
fn florida_hours_exclude_email() {
    let fl = Policy::from_presets(&["florida"]).unwrap();
    let p = profile(&["America/New_York"]);
    let h = ContactHistory::empty();
    check_case(
        "FL email at 22:00",
        &fl,
        &p,
        &h,
        &request("card", Channel::Email, EMAIL, "2026-04-08T22:00:00-04:00"),
        ALLOWED,
    );
    check_case(
        "FL text at 22:00",
        &fl,
        &p,
        &h,
        &request("card", Channel::Text, CELL, "2026-04-08T22:00:00-04:00"),
        blocked(&["fl.time_of_day"], Some("2026-04-09T08:00:00-04:00")),
    );
}

#[test]
fn united_kingdom_breathing_space_and_dispute() {
    let uk = Policy::from_presets(&["united_kingdom"]).unwrap();
    let p = profile(&["Europe/London"])
        .with_flag(flag(
            FlagKind::BreathingSpace,
            None,
            "2026-05-01T00:00:00Z",
            Some("2026-06-30T00:00:00Z"),
        ))
        .with_flag(flag(
            FlagKind::DisputePending,
            Some("loan"),
            "2026-07-01T00:00:00Z",
            None,
        ));
    let h = ContactHistory::empty();
    check_case(
        "breathing space",
        &uk,
        &p,
        &h,
        &request("card", Channel::Call, CELL, "2026-06-10T10:00:00+01:00"),
        blocked(&["uk.breathing_space"], Some("2026-06-30T08:00:00+01:00")),
    );
    // The search stops at the policy's horizon: 15 days ahead, the end of the breathing space is too far.
    let short = uk.clone().with_search_days(15).unwrap();
    let early = request("card", Channel::Call, CELL, "2026-05-10T10:00:00+01:00");
    check_case(
        "search horizon",
        &short,
        &p,
        &h,
        &early,
        blocked(&["uk.breathing_space"], None),
    );
    check_case(
        "UK dispute",
        &uk,
        &p,
        &h,
        &request("loan", Channel::Email, EMAIL, "2026-07-10T10:00:00+01:00"),
        blocked(&["uk.dispute_hold"], None),
    );
    check_case(
        "UK other debt",
        &uk,
        &p,
        &h,
        &request("card", Channel::Email, EMAIL, "2026-07-10T10:00:00+01:00"),
        ALLOWED,
    );
}

#[test]
fn creditor_caps_gap_and_quiet_days() {
    let json = r#"{
        "presets": ["regulation_f"],
        "rules": [
            {"id": "creditor.calls_per_day", "kind": "attempt_cap", "channels": ["call"], "max": 2, "days": 1,
             "per_debt": false, "count": "attempts", "numbers": "any"},
            {"id": "creditor.gap", "kind": "minimum_gap", "channels": ["call", "text"], "minutes": 120},
            {"id": "creditor.no_sundays", "kind": "quiet_days", "weekdays": ["Sun"], "dates": ["2026-12-25"]}
        ]
    }"#;
    let policy: Policy = serde_json::from_str(json).unwrap();
    let h = history(vec![
        call("2026-04-08T09:00:00-04:00", Outcome::Busy, &["card"]),
        call("2026-04-08T12:00:00-04:00", Outcome::NoAnswer, &["medical"]),
    ]);
    check_case(
        "two a day",
        &policy,
        &ny(),
        &h,
        &request("card", Channel::Call, CELL, "2026-04-08T16:00:00-04:00"),
        blocked(
            &["creditor.calls_per_day"],
            Some("2026-04-09T08:00:00-04:00"),
        ),
    );
    check_case(
        "gap",
        &policy,
        &ny(),
        &h,
        &request("card", Channel::Text, CELL, "2026-04-08T13:00:00-04:00"),
        blocked(&["creditor.gap"], Some("2026-04-08T14:00:00-04:00")),
    );
    check_case(
        "Sunday",
        &policy,
        &ny(),
        &ContactHistory::empty(),
        &request("card", Channel::Email, EMAIL, "2026-04-12T10:00:00-04:00"),
        blocked(&["creditor.no_sundays"], Some("2026-04-13T08:00:00-04:00")),
    );
    check_case(
        "Christmas on a Friday",
        &policy,
        &ny(),
        &ContactHistory::empty(),
        &request("card", Channel::Email, EMAIL, "2026-12-25T10:00:00-05:00"),
        blocked(&["creditor.no_sundays"], Some("2026-12-26T08:00:00-05:00")),
    );
}

// ---------------------------------------------------------------------------------------------------
// Bad input and bad policies
// ---------------------------------------------------------------------------------------------------

#[test]
fn bad_input_is_an_error_naming_the_field() {
    let err = ContactProfile::new("p1", &["America/Atlantis"]).unwrap_err();
    assert_eq!(
        (err.field(), err.value().as_str()),
        ("time_zones", "America/Atlantis")
    );
    let err =
        serde_json::from_str::<ContactProfile>(r#"{"person":"p1","time_zones":["Mars/Base"]}"#)
            .unwrap_err();
    assert!(err.to_string().contains("Mars/Base"), "{err}");

    let late = history(vec![call(
        "2026-04-08T11:00:00-04:00",
        Outcome::NoAnswer,
        &["card"],
    )]);
    let req = request("card", Channel::Call, CELL, "2026-04-08T10:00:00-04:00");
    let err = evaluate(&federal(), &ny(), &late, &req).unwrap_err();
    assert_eq!(err.field(), "history.at");
    assert!(err.value().contains("attempt #0"), "{err}");
    assert_eq!(
        next_eligible(&federal(), &ny(), &late, &req)
            .unwrap_err()
            .field(),
        "history.at"
    );
    assert_eq!(
        eligible_windows(&federal(), &ny(), &late, &req, 3)
            .unwrap_err()
            .field(),
        "history.at"
    );

    assert_eq!(
        "carrier pigeon".parse::<Channel>().unwrap_err().field(),
        "channel"
    );
    assert_eq!("hung up".parse::<Outcome>().unwrap_err().field(), "outcome");
    let bad_outcome = r#"{"at":"2026-04-08T10:00:00Z","channel":"call","direction":"outbound","outcome":"hung_up","destination":"555"}"#;
    assert!(serde_json::from_str::<Attempt>(bad_outcome)
        .unwrap_err()
        .to_string()
        .contains("hung_up"));
    let bad_channel = r#"{"person":"p1","debt":"d","channel":"fax","destination":"555","at":"2026-04-08T10:00:00Z"}"#;
    assert!(serde_json::from_str::<ContactRequest>(bad_channel)
        .unwrap_err()
        .to_string()
        .contains("fax"));

    let other_person = ContactRequest::new(
        "p2",
        "card",
        Channel::Call,
        CELL,
        at("2026-04-08T14:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        evaluate(&federal(), &ny(), &ContactHistory::empty(), &other_person)
            .unwrap_err()
            .field(),
        "person"
    );
    let unknown_dest = request("card", Channel::Call, "+1 000", "2026-04-08T10:00:00-04:00");
    assert_eq!(
        evaluate(&federal(), &ny(), &ContactHistory::empty(), &unknown_dest)
            .unwrap_err()
            .field(),
        "destination"
    );
    let far = ContactRequest::new(
        "p1",
        "card",
        Channel::Call,
        CELL,
        at("2999-01-01T00:00:00Z"),
    )
    .unwrap_err();
    assert_eq!(far.field(), "at");
    assert_eq!(
        eligible_windows(&federal(), &ny(), &ContactHistory::empty(), &req, 0)
            .unwrap_err()
            .field(),
        "days"
    );
}

#[test]
fn bad_policies_are_errors() {
    let parse = |json: &str| {
        serde_json::from_str::<Policy>(json)
            .unwrap_err()
            .to_string()
    };
    assert!(parse(r#"{"presets": ["texas"]}"#).contains("presets"));
    assert!(
        parse(r#"{"presets": ["regulation_f"], "disable": ["reg_f.nope"]}"#).contains("disable")
    );
    assert!(parse(r#"{"rules": []}"#).contains("rules"));
    assert!(parse(r#"{"presets": ["regulation_f", "regulation_f"]}"#)
        .contains("two rules have this id"));
    let contradiction = r#"{"presets": ["regulation_f"], "rules": [{"id": "c.evenings", "kind": "time_of_day",
        "start": "21:30:00", "end": "23:00:00", "boundaries": "inclusive", "channels": ["call"]}]}"#;
    let msg = parse(contradiction);
    assert!(
        msg.contains("leave no time") && msg.contains("c.evenings"),
        "{msg}"
    );
    let all_quiet = r#"{"rules": [{"id": "q", "kind": "quiet_days", "weekdays": ["Mon","Tue","Wed","Thu","Fri","Sat","Sun"], "dates": []}]}"#;
    assert!(parse(all_quiet).contains("every day of the week"));
    let zero = r#"{"rules": [{"id": "z", "kind": "attempt_cap", "channels": ["call"], "max": 0, "days": 1, "per_debt": false, "count": "attempts", "numbers": "any"}]}"#;
    assert!(parse(zero).contains("rules.max"));
    let empty_window = r#"{"rules": [{"id": "w", "kind": "time_of_day", "start": "09:00:00", "end": "09:00:00", "boundaries": "exclusive", "channels": ["call"]}]}"#;
    assert!(parse(empty_window).contains("empty"));
    let unknown_zone =
        parse(r#"{"presets": ["regulation_f"], "missing_time_zone": {"assume": "Nowhere/Town"}}"#);
    // The setting is named, not a profile's `time_zones`.
    assert!(
        unknown_zone.contains("Nowhere/Town") && unknown_zone.contains("missing_time_zone"),
        "{unknown_zone}"
    );
    assert!(!unknown_zone.contains("time_zones"), "{unknown_zone}");
    assert!(parse(r#"{"rules": [{"id": "x", "kind": "teleport"}]}"#).contains("teleport"));
}

#[test]
fn every_preset_builds_and_carries_citations_and_marks() {
    for name in RuleSet::names() {
        let set = RuleSet::by_name(name).unwrap();
        let policy = Policy::from_presets(&[name]).unwrap();
        assert_eq!(policy.rules().len(), set.rules().len());
        for r in set.rules() {
            assert!(!r.citation().is_empty() && r.mark().is_some(), "{}", r.id());
        }
    }
    let all = Policy::from_presets(RuleSet::names()).unwrap();
    assert!(all.rules().len() > 20);
    assert_eq!(
        RuleSet::by_name("massachusetts").unwrap().mark(),
        Verification::Verified
    );
    assert_eq!(
        RuleSet::by_name("new_york_city").unwrap().mark(),
        Verification::Secondary
    );
    assert_eq!(
        RuleSet::by_name("status_holds").unwrap().mark(),
        Verification::Unverified
    );
}

#[test]
fn json_round_trips() {
    let policy = Policy::from_presets(&["regulation_f", "massachusetts", "new_york_city"])
        .unwrap()
        .with_missing_time_zone(MissingTimeZone::Assume("America/New_York".parse().unwrap()));
    let text = serde_json::to_string(&policy).unwrap();
    assert_eq!(serde_json::from_str::<Policy>(&text).unwrap(), policy);

    let p = ny()
        .with_prior_consent(PriorConsent::new("card", at("2026-04-03T18:00:00Z")).unwrap())
        .with_flag(flag(
            FlagKind::Bankruptcy,
            None,
            "2026-04-01T00:00:00Z",
            None,
        ))
        .with_inconvenient_time(WeeklyWindow::new(Weekday::Fri, hm(15, 0), hm(17, 0)).unwrap())
        .with_combined_debts(vec!["l1".into(), "l2".into()])
        .unwrap();
    let text = serde_json::to_string(&p).unwrap();
    assert_eq!(serde_json::from_str::<ContactProfile>(&text).unwrap(), p);

    let h = history(vec![call(
        "2026-04-02T10:00:00-04:00",
        Outcome::NoAnswer,
        &["card"],
    )]);
    let text = serde_json::to_string(&h).unwrap();
    assert_eq!(serde_json::from_str::<ContactHistory>(&text).unwrap(), h);

    let d = evaluate(
        &federal(),
        &p,
        &h,
        &request("card", Channel::Call, CELL, "2026-04-08T07:00:00-04:00"),
    )
    .unwrap();
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["allowed"], false);
    assert_eq!(json["reasons"][0]["rule"], TOD);
    assert_eq!(json["reasons"][0]["mark"], "V");
    assert_eq!(serde_json::from_value::<Decision>(json).unwrap(), d);
}

#[test]
fn batch_matches_one_by_one() {
    let p = ny();
    let h = history(vec![call(
        "2026-04-06T10:00:00-04:00",
        Outcome::RightPartyConversation,
        &["card"],
    )]);
    let requests: Vec<ContactRequest> = (0..5000)
        .map(|i| {
            let debt = if i % 2 == 0 { "card" } else { "medical" };
            ContactRequest::new(
                "p1",
                debt,
                Channel::Call,
                CELL,
                at("2026-04-08T00:00:00Z") + chrono::Duration::minutes(i),
            )
            .unwrap()
        })
        .collect();
    let items: Vec<BatchItem<'_>> = requests
        .iter()
        .map(|r| BatchItem {
            profile: &p,
            history: &h,
            request: r,
        })
        .collect();
    let batch = evaluate_batch(&federal(), &items);
    assert_eq!(batch.len(), requests.len());
    for (r, d) in requests.iter().zip(&batch) {
        assert_eq!(
            d.as_ref().unwrap(),
            &evaluate(&federal(), &p, &h, r).unwrap()
        );
    }
    // The same decisions on one thread, on three, and on more threads than there are cores.
    for threads in [0, 1, 3, 1024] {
        assert_eq!(evaluate_batch_on(&federal(), &items, threads), batch);
    }
}

// ---------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// US zones (combined, they still leave a window every day), and two alone: London (BST starts on
    /// 2026-03-29) and Lord Howe (a half-hour daylight-saving shift, ending on 2026-04-05).
    const ZONES: [&str; 6] = [
        "America/New_York",
        "America/Los_Angeles",
        "America/Chicago",
        "America/Denver",
        "Europe/London",
        "Australia/Lord_Howe",
    ];
    const DEBTS: [&str; 3] = ["d0", "d1", "d2"];

    /// An event: minute from the origin, kind (channel, direction and outcome), debt, destination.
    type Event = (i64, u8, u8, u8);
    /// Zones (indices into ZONES), events, the request's minute, kind and debt, and whether the profile
    /// carries flags, consents, opt-outs and inconvenient times.
    type Scenario = (Vec<usize>, Vec<Event>, i64, u8, u8, bool);

    fn scenario() -> impl Strategy<Value = Scenario> {
        (
            prop_oneof![
                3 => proptest::sample::subsequence(vec![0usize, 1, 2, 3], 1..=3),
                1 => (4usize..6).prop_map(|i| vec![i]),
            ],
            proptest::collection::vec((0i64..16 * 24 * 60, 0u8..10, 0u8..3, 0u8..3), 0..40),
            0i64..14 * 24 * 60,
            0u8..4,
            0u8..3,
            any::<bool>(),
        )
    }

    /// The history's kinds of attempt.
    fn kind(k: u8) -> (Channel, Direction, Outcome) {
        match k {
            0 => (Channel::Call, Direction::Outbound, Outcome::Busy),
            1 | 2 => (Channel::Call, Direction::Outbound, Outcome::NoAnswer),
            3 => (Channel::Call, Direction::Outbound, Outcome::Voicemail),
            4 => (
                Channel::Call,
                Direction::Outbound,
                Outcome::LimitedContentMessage,
            ),
            5 => (
                Channel::Call,
                Direction::Outbound,
                Outcome::RightPartyConversation,
            ),
            6 => (
                Channel::Call,
                Direction::Inbound,
                Outcome::RightPartyConversation,
            ),
            7 => (Channel::Text, Direction::Outbound, Outcome::Sent),
            8 => (
                Channel::RinglessVoicemail,
                Direction::Outbound,
                Outcome::Voicemail,
            ),
            _ => (Channel::Email, Direction::Outbound, Outcome::Sent),
        }
    }

    fn policy() -> Policy {
        let json = r#"{
            "presets": ["regulation_f", "tcpa", "status_holds", "massachusetts", "new_york_city"],
            "rules": [
                {"id": "c.gap", "kind": "minimum_gap", "channels": ["call", "text"], "minutes": 90},
                {"id": "c.quiet", "kind": "quiet_days", "weekdays": ["Sun"], "dates": ["2026-03-10"]},
                {"id": "c.daily", "kind": "attempt_cap", "channels": ["call", "ringless_voicemail"], "max": 3,
                 "days": 1, "per_debt": false, "count": "attempts", "numbers": "any"}
            ],
            "search_days": 60
        }"#;
        serde_json::from_str(json).unwrap()
    }

    fn build(sc: &Scenario) -> (ContactProfile, ContactHistory, ContactRequest) {
        let (zones, events, minute, req_kind, debt, extras) = sc;
        let names: Vec<&str> = zones.iter().map(|&i| ZONES[i]).collect();
        let mut p = profile(&names);
        if *extras {
            p = p
                .with_flag(flag(
                    FlagKind::DisputePending,
                    Some("d1"),
                    "2026-03-05T00:00:00Z",
                    Some("2026-03-09T13:00:00Z"),
                ))
                .with_flag(flag(
                    FlagKind::AttorneyRepresentation,
                    Some("d2"),
                    "2026-03-14T00:00:00Z",
                    Some("2026-03-16T07:30:00Z"),
                ))
                .with_prior_consent(PriorConsent::new("d0", at("2026-03-04T15:00:00Z")).unwrap())
                .with_opt_out(
                    OptOut::new(Channel::Text, None, at("2026-03-03T00:00:00Z"))
                        .unwrap()
                        .until(at("2026-03-12T18:00:00Z"))
                        .unwrap(),
                )
                .with_inconvenient_time(
                    WeeklyWindow::new(Weekday::Wed, hm(12, 0), hm(14, 30)).unwrap(),
                )
                .with_time_place_consent(
                    TimePlaceConsent::new(Some(Channel::Call), at("2026-03-12T23:00:00Z"))
                        .unwrap()
                        .until(at("2026-03-13T03:00:00Z"))
                        .unwrap(),
                )
                .with_inconvenient_date(date("2026-03-11"))
                .unwrap()
                .with_tcpa_consent(
                    TcpaConsent::new(CELL, at("2026-03-02T00:00:00Z"))
                        .unwrap()
                        .revoked(at("2026-03-11T00:00:00Z"))
                        .unwrap(),
                )
                .unwrap();
        }
        // Requests fall from 16 to 30 days after the origin: over the US change to daylight time
        // (2026-03-08), London's (2026-03-29) and Lord Howe's return to standard time (2026-04-05).
        let origin = if zones.iter().any(|&z| z >= 4) {
            at("2026-03-10T00:00:00Z")
        } else {
            at("2026-02-20T00:00:00Z")
        };
        let attempts = events
            .iter()
            .map(|&(m, k, d, dest)| {
                let (channel, direction, outcome) = kind(k);
                let dest = match channel {
                    Channel::Email => EMAIL,
                    _ => [CELL, WORK, CELL][dest as usize],
                };
                Attempt::new(
                    origin + chrono::Duration::minutes(m),
                    channel,
                    direction,
                    outcome,
                    dest,
                )
                .unwrap()
                .about([DEBTS[d as usize]])
                .unwrap()
            })
            .collect();
        let (channel, dest, autodialed) = match req_kind {
            0 => (Channel::Call, CELL, false),
            1 => (Channel::Call, WORK, false),
            2 => (Channel::Text, CELL, true),
            _ => (Channel::Email, EMAIL, false),
        };
        let t = origin + chrono::Duration::days(16) + chrono::Duration::minutes(*minute);
        let req = ContactRequest::new("p1", DEBTS[*debt as usize], channel, dest, t)
            .unwrap()
            .autodialed(autodialed);
        (p, history(attempts), req)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The next eligible instant, when there is one, is allowed, and instants between the request and
        /// it (sampled, and the second before it) are not; a decision is allowed exactly when it has no
        /// reason.
        #[test]
        fn next_eligible_is_the_first_allowed_instant(sc in scenario(), probes in proptest::collection::vec(0.0f64..1.0, 8)) {
            let policy = policy();
            let (p, h, req) = build(&sc);
            let d = evaluate(&policy, &p, &h, &req).unwrap();
            prop_assert_eq!(d.allowed(), d.reasons().is_empty());
            if let Some(n) = d.next_eligible() {
                prop_assert!(n >= req.at());
                let at_n = evaluate(&policy, &p, &h, &req.at_instant(n).unwrap()).unwrap();
                prop_assert!(at_n.allowed(), "next eligible {} is blocked: {:?}", n, at_n.reasons());
                let span = (n - req.at()).num_seconds();
                for f in probes {
                    #[allow(clippy::float_arithmetic, clippy::cast_possible_truncation)]
                    let s = (f * span as f64) as i64;
                    let probe = req.at() + chrono::Duration::seconds(s);
                    if probe < n {
                        let dp = evaluate(&policy, &p, &h, &req.at_instant(probe).unwrap()).unwrap();
                        prop_assert!(!dp.allowed(), "{} is allowed before next eligible {}", probe, n);
                    }
                }
                if n > req.at() {
                    let before = req.at_instant(n - chrono::Duration::seconds(1)).unwrap();
                    prop_assert!(!evaluate(&policy, &p, &h, &before).unwrap().allowed());
                }
            }
        }

        /// A decision never says allowed while a rule blocks: its reasons are exactly the rules that block
        /// the request when each is the policy's only rule.
        #[test]
        fn reasons_are_exactly_the_blocking_rules(sc in scenario()) {
            let policy = policy();
            let (p, h, req) = build(&sc);
            let d = evaluate(&policy, &p, &h, &req).unwrap();
            let reasons: Vec<&str> = d.reasons().iter().map(|r| r.rule.as_str()).collect();
            let alone: Vec<&str> = policy
                .rules()
                .iter()
                .filter(|r| {
                    let single = Policy::from_rules(vec![(*r).clone()]).unwrap();
                    !evaluate(&single, &p, &h, &req).unwrap().allowed()
                })
                .map(|r| r.id())
                .collect();
            prop_assert_eq!(reasons, alone);
        }

        /// Every window's start and last second are allowed, the second after its end (inside the
        /// horizon) is not, and the first window starts at the next eligible instant.
        #[test]
        fn windows_are_exact(sc in scenario()) {
            let policy = policy();
            let (p, h, req) = build(&sc);
            let windows = eligible_windows(&policy, &p, &h, &req, 4).unwrap();
            let horizon = req.at() + chrono::Duration::days(4);
            let allowed = |t: DateTime<Utc>| evaluate(&policy, &p, &h, &req.at_instant(t).unwrap()).unwrap().allowed();
            if let Some(first) = windows.first() {
                prop_assert_eq!(Some(first.start), next_eligible(&policy, &p, &h, &req).unwrap());
            }
            for w in &windows {
                prop_assert!(w.start < w.end);
                prop_assert!(allowed(w.start));
                prop_assert!(allowed(w.end - chrono::Duration::seconds(1)));
                if w.end < horizon {
                    prop_assert!(!allowed(w.end));
                }
            }
        }
    }
}
