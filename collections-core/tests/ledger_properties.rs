//! Properties of the account ledger over random accounts and events: conservation at every date,
//! replay independent of posting order, a payment and its reversal leave no trace, no component ever
//! negative, days past due well defined.

use chrono::{Days, NaiveDate};
use collections_core::debt::ledger::{
    Account, AllocationStrategy, Balances, Component, ComponentOrder, Entry, Event, EventKind,
    LateFeeRule, Ledger, OverpaymentRule, RateHistory, Scope, Terms, Totals,
};
use collections_core::Currency;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(n: u64) -> NaiveDate {
    #![allow(clippy::unwrap_used)]
    NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .checked_add_days(Days::new(n))
        .unwrap()
}

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

#[derive(Debug, Clone)]
struct Case {
    principal: i64,
    rate_bp: i64,
    second_rate: Option<(u64, i64)>,
    strategy: AllocationStrategy,
    overpayment: OverpaymentRule,
    late_fee: bool,
    obligations: Vec<(u64, i64)>,
    others: Vec<Event>,
}

fn strategy() -> impl Strategy<Value = AllocationStrategy> {
    (0usize..5, any::<bool>()).prop_map(|(o, first)| AllocationStrategy::Components {
        order: ComponentOrder::ALL[o],
        scope: if first {
            Scope::OldestFirst
        } else {
            Scope::ComponentFirst
        },
    })
}

fn other_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        4 => (0u64..200, 1i64..60_000).prop_map(|(d, c)| (d, c)).prop_map(|(d, c)| {
            Event::payment(day(d), format!("P{d}-{c}"), cents(c), Currency::USD)
        }),
        1 => (0u64..200, 1i64..3_000, any::<bool>()).prop_map(|(d, c, pen)| {
            let comp = if pen { Component::Penalty } else { Component::Fee };
            Event::fee(day(d), comp, cents(c), "fee")
        }),
        1 => (0u64..200).prop_map(|d| Event::new(day(d), EventKind::Accrue)),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    (
        10_000i64..5_000_000,
        0i64..3_000,
        proptest::option::of((1u64..150, 0i64..3_000)),
        strategy(),
        0usize..3,
        any::<bool>(),
        proptest::collection::vec((1u64..180, 1i64..100), 0..5),
        proptest::collection::vec(other_event(), 0..12),
    )
        .prop_map(
            |(principal, rate_bp, second_rate, strategy, o, late_fee, obs, others)| {
                // Obligations share out the principal by weight (what rounding leaves is not yet due).
                let weight: i64 = obs.iter().map(|(_, w)| w).sum::<i64>().max(1);
                let obligations = obs
                    .iter()
                    .map(|(d, w)| (*d, principal * w / weight))
                    .filter(|(_, c)| *c > 0)
                    .collect();
                Case {
                    principal,
                    rate_bp,
                    second_rate,
                    strategy,
                    overpayment: OverpaymentRule::ALL[o],
                    late_fee,
                    obligations,
                    others,
                }
            },
        )
}

fn account(c: &Case) -> Account {
    #![allow(clippy::unwrap_used)]
    let mut rates = vec![(day(0), Decimal::new(c.rate_bp, 4))];
    if let Some((d, bp)) = c.second_rate {
        rates.push((day(d), Decimal::new(bp, 4)));
    }
    let mut terms = Terms::new(RateHistory::new(rates).unwrap())
        .with_allocation(c.strategy.clone())
        .with_overpayment(c.overpayment);
    if c.late_fee {
        terms = terms
            .with_late_fee(LateFeeRule::flat(cents(2_500), 10))
            .unwrap();
    }
    Account::new("A", Currency::USD, day(0), cents(c.principal), terms).unwrap()
}

fn events(c: &Case) -> Vec<Event> {
    let mut v: Vec<Event> = c
        .obligations
        .iter()
        .map(|(d, amount)| Event::obligation(day(*d), cents(*amount)))
        .collect();
    v.extend(c.others.iter().cloned());
    v
}

/// The ledger of a case, or `None` when its random events are refused as a whole (a payment id drawn
/// twice); the properties are about ledgers that exist.
fn build(c: &Case, evs: Vec<Event>) -> Option<Ledger> {
    Ledger::with_events(account(c), evs).ok()
}

fn conserved(t: &Totals, b: &Balances) -> bool {
    let owed = [b.penalties, b.fees, b.interest, b.principal];
    let paid: Decimal = t.paid.iter().copied().sum();
    (0..4).all(|i| owed[i] == t.charged[i] - t.paid[i] - t.forgiven[i])
        && b.credit == t.payments - t.refunds - paid
}

fn non_negative(b: &Balances) -> bool {
    [b.principal, b.interest, b.fees, b.penalties, b.credit]
        .iter()
        .all(|v| *v >= Decimal::ZERO)
}

/// An entry without the index of the event that made it (which depends on posting order).
fn shape(e: &Entry) -> (NaiveDate, &'static str, Decimal, Balances, Decimal, Decimal) {
    (
        e.date,
        e.kind.name(),
        e.amount,
        e.balances,
        e.to_credit,
        e.capped,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn money_is_conserved_at_every_date(c in case(), dates in proptest::collection::vec(0u64..260, 1..6)) {
        let Some(l) = build(&c, events(&c)) else { return Ok(()); };
        prop_assert!(conserved(l.totals(), &l.balances()));
        for d in dates {
            let as_of = day(d);
            let b = l.balances_on(as_of).unwrap();
            let t = l.totals_on(as_of).unwrap();
            prop_assert!(conserved(&t, &b), "{as_of}: {b:?} {t:?}");
            prop_assert!(non_negative(&b));
            // Days past due are defined on every date (never negative by type) and zero when nothing
            // is owed.
            let dpd = l.days_past_due(as_of).unwrap();
            if b.owed() == Decimal::ZERO {
                prop_assert_eq!(dpd, 0);
            }
        }
        for e in l.entries() {
            prop_assert!(non_negative(&e.balances), "{e:?}");
            if e.kind.name() == "payment" {
                let spread: Decimal = e.allocations.iter().map(|a| a.amount).sum();
                prop_assert_eq!(spread + e.to_credit, e.amount);
                prop_assert!(e.allocations.iter().all(|a| a.amount > Decimal::ZERO));
            }
        }
    }

    #[test]
    fn replay_does_not_depend_on_posting_order(c in case(), seed in any::<u64>()) {
        let evs = events(&c);
        let Some(a) = build(&c, evs.clone()) else { return Ok(()); };
        // A shuffled order, all at once, and one event at a time in reverse.
        let mut shuffled = evs.clone();
        let n = shuffled.len();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let j = usize::try_from(s >> 33).unwrap_or(0) % (i + 1);
            shuffled.swap(i, j);
        }
        let b = build(&c, shuffled).unwrap();
        let mut one_by_one = Ledger::new(account(&c));
        for e in evs.into_iter().rev() {
            // A subset of the events may be refused where the whole set is not (a fee after the
            // account is paid in full by a payment that, with every event, pays less).
            if one_by_one.post(e).is_err() {
                return Ok(());
            }
        }
        for other in [&b, &one_by_one] {
            prop_assert_eq!(other.balances(), a.balances());
            prop_assert_eq!(other.totals(), a.totals());
            let x: Vec<_> = a.entries().iter().map(shape).collect();
            let y: Vec<_> = other.entries().iter().map(shape).collect();
            prop_assert_eq!(x, y);
        }
    }

    #[test]
    fn a_payment_and_its_reversal_leave_no_trace(
        c in case(),
        paid_on in 0u64..200,
        cents_paid in 1i64..100_000,
        after in 0u64..60,
    ) {
        let evs = events(&c);
        let Some(without) = build(&c, evs.clone()) else { return Ok(()); };
        let mut with = evs;
        with.push(Event::payment(day(paid_on), "REV", cents(cents_paid), Currency::USD));
        with.push(Event::reversal(day(paid_on + after), "REV", "returned"));
        let with = build(&c, with).unwrap();
        // As of a date before the reversal, the payment stands (the ledger as then known).
        for d in [paid_on + after, 199, 260].into_iter().filter(|d| *d >= paid_on + after) {
            prop_assert_eq!(with.balances_on(day(d)).unwrap(), without.balances_on(day(d)).unwrap());
        }
        prop_assert_eq!(with.totals_on(day(260)).unwrap(), without.totals_on(day(260)).unwrap());
    }
}
