//! Criterion benches for the contact rules: one decision against 30 days of history (40 attempts over 3
//! debts), the next eligible instant and the eligible windows over a 14-day horizon, and a batch of
//! 1,000,000 requests (1,000 people, 1,000 requests each, spread over 14:00-20:57 Eastern, so each is a
//! plain decision like the first bench's).

use std::hint::black_box;

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use collections_core::contact::{
    eligible_windows, evaluate, evaluate_batch, next_eligible, Attempt, BatchItem, Channel,
    ContactHistory, ContactProfile, ContactRequest, Destination, Direction, Outcome, PhoneLine,
    Policy,
};
use criterion::{criterion_group, criterion_main, Criterion};

const CELL: &str = "+1 212 555 0100";
const WORK: &str = "+1 212 555 0200";
const DEBTS: [&str; 3] = ["medical", "card-a", "card-b"];

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0)
        .single()
        .expect("valid instant")
}

fn profile(person: &str) -> ContactProfile {
    ContactProfile::new(person, &["America/New_York", "America/Los_Angeles"])
        .and_then(|p| p.with_destination(Destination::phone(CELL, PhoneLine::Cell)?))
        .and_then(|p| {
            p.with_destination(
                Destination::phone(WORK, PhoneLine::Landline)?.at_place_of_employment(true),
            )
        })
        .and_then(|p| p.with_destination(Destination::email("pat@example.com")?))
        .expect("valid profile")
}

/// 40 attempts over 30 days: calls to the cell and work numbers with mixed outcomes, texts and emails,
/// about the three debts in turn, at 10:00-18:00 Eastern.
fn history() -> ContactHistory {
    let outcomes = [
        Outcome::NoAnswer,
        Outcome::Busy,
        Outcome::Voicemail,
        Outcome::LimitedContentMessage,
        Outcome::NoAnswer,
    ];
    let attempts = (0..40)
        .map(|i: i64| {
            let at = start() + Duration::hours(18 * i + 15);
            let (channel, dest, outcome) = match i % 8 {
                6 => (Channel::Text, CELL, Outcome::Sent),
                7 => (Channel::Email, "pat@example.com", Outcome::Sent),
                3 => (Channel::Call, WORK, outcomes[(i % 5) as usize]),
                _ => (Channel::Call, CELL, outcomes[(i % 5) as usize]),
            };
            Attempt::new(at, channel, Direction::Outbound, outcome, dest)
                .and_then(|a| a.about([DEBTS[(i % 3) as usize]]))
                .expect("valid attempt")
        })
        .collect();
    ContactHistory::new(attempts).expect("valid history")
}

fn benches(c: &mut Criterion) {
    let policy = Policy::us_federal();
    let p = profile("p1");
    let h = history();
    let last = h.attempts().last().map(Attempt::at).unwrap_or_else(start);
    // The day after the last attempt, 14:00 Eastern: allowed.
    let allowed_at = Utc
        .with_ymd_and_hms(2026, 3, 31, 18, 0, 0)
        .single()
        .expect("instant");
    assert!(allowed_at > last);
    let request =
        ContactRequest::new("p1", "card-a", Channel::Call, CELL, allowed_at).expect("request");
    let decision = evaluate(&policy, &p, &h, &request).expect("decision");
    assert!(decision.allowed(), "{decision:?}");
    c.bench_function(
        "contact: one decision, 40 attempts over 30 days (allowed)",
        |b| {
            b.iter(|| {
                evaluate(
                    black_box(&policy),
                    black_box(&p),
                    black_box(&h),
                    black_box(&request),
                )
            })
        },
    );
    // 23:30 Eastern: blocked by the time of day, the decision searches the next eligible instant.
    let night = request
        .at_instant(allowed_at + Duration::hours(9) + Duration::minutes(30))
        .expect("instant");
    assert!(!evaluate(&policy, &p, &h, &night)
        .expect("decision")
        .allowed());
    c.bench_function("contact: one decision, blocked, with next eligible", |b| {
        b.iter(|| {
            evaluate(
                black_box(&policy),
                black_box(&p),
                black_box(&h),
                black_box(&night),
            )
        })
    });
    c.bench_function("contact: next eligible instant", |b| {
        b.iter(|| {
            next_eligible(
                black_box(&policy),
                black_box(&p),
                black_box(&h),
                black_box(&night),
            )
        })
    });
    c.bench_function("contact: eligible windows over 14 days", |b| {
        b.iter(|| {
            eligible_windows(
                black_box(&policy),
                black_box(&p),
                black_box(&h),
                black_box(&request),
                14,
            )
        })
    });

    let people: Vec<ContactProfile> = (0..1000).map(|i| profile(&format!("p{i}"))).collect();
    let requests: Vec<ContactRequest> = (0..1_000_000usize)
        .map(|i| {
            let person = i % 1000;
            let at = allowed_at + Duration::seconds((i / 1000) as i64 * 25);
            ContactRequest::new(format!("p{person}"), DEBTS[i % 3], Channel::Call, CELL, at)
                .expect("request")
        })
        .collect();
    let items: Vec<BatchItem<'_>> = requests
        .iter()
        .enumerate()
        .map(|(i, r)| BatchItem {
            profile: &people[i % 1000],
            history: &h,
            request: r,
        })
        .collect();
    let zone =
        collections_core::contact::TimeZone::parse("zone", "America/New_York").expect("zone");
    let local = zone.local(allowed_at);
    c.bench_function("contact: UTC to local time, one zone", |b| {
        b.iter(|| black_box(&zone).local(black_box(allowed_at)))
    });
    c.bench_function("contact: local time to UTC, one zone", |b| {
        b.iter(|| black_box(&zone).first_instant_at_or_after(black_box(local)))
    });

    let mut group = c.benchmark_group("contact batch");
    group.sample_size(10);
    group.bench_function("contact: batch of 1,000,000 requests", |b| {
        b.iter(|| evaluate_batch(black_box(&policy), black_box(&items)))
    });
    // The same requests one by one on one thread, kept as the batch keeps them: the batch's speed-up
    // over this is its scaling.
    group.bench_function("contact: the same 1,000,000 one by one, one thread", |b| {
        b.iter(|| {
            items
                .iter()
                .map(|i| evaluate(black_box(&policy), i.profile, i.history, i.request))
                .collect::<Vec<_>>()
        })
    });
    group.finish();
}

criterion_group!(contact, benches);
criterion_main!(contact);
