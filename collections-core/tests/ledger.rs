//! The account ledger, on cases worked by hand. Rates are chosen so that a day's interest is a whole
//! number of cents under Actual/365 Fixed (7.30% on 10,000.00 is 2.00 a day), so every expected value
//! below is days x a daily amount.

use chrono::NaiveDate;
use collections_core::debt::aging::{AgingRules, DateRange, FrozenPeriods};
use collections_core::debt::ledger::{
    Account, AllocationStrategy, Component, EntryKind, Event, EventKind, InterestMode, LateFeeRule,
    Ledger, OverpaymentRule, RateHistory, Terms, Timing,
};
use collections_core::debt::status::Status;
use collections_core::Currency;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> NaiveDate {
    #![allow(clippy::unwrap_used)]
    NaiveDate::from_str(s).unwrap()
}

fn m(s: &str) -> Decimal {
    #![allow(clippy::unwrap_used)]
    Decimal::from_str(s).unwrap()
}

fn terms(rate: &str) -> Terms {
    #![allow(clippy::unwrap_used)]
    Terms::new(RateHistory::fixed(d("2026-01-01"), m(rate)).unwrap())
}

fn ledger(principal: &str, terms: Terms) -> Ledger {
    #![allow(clippy::unwrap_used)]
    Ledger::new(Account::new("A-1", Currency::USD, d("2026-01-01"), m(principal), terms).unwrap())
}

fn pay(date: &str, id: &str, amount: &str) -> Event {
    Event::payment(d(date), id, m(amount), Currency::USD)
}

fn ob(date: &str, amount: &str) -> Event {
    Event::obligation(d(date), m(amount))
}

fn ev(date: &str, kind: EventKind) -> Event {
    Event::new(d(date), kind)
}

fn reason() -> String {
    "test".to_string()
}

#[test]
fn interest_follows_rate_changes() {
    #![allow(clippy::unwrap_used)]
    // 7.30% to January 31, 3.65% from February 1: 31 x 2.00 + 28 x 1.00 = 90.00 by March 1.
    let rates = RateHistory::new(vec![
        (d("2026-01-01"), m("0.073")),
        (d("2026-02-01"), m("0.0365")),
    ])
    .unwrap();
    let l = ledger("10000.00", Terms::new(rates));
    assert_eq!(l.balances_on(d("2026-03-01")).unwrap().interest, m("90.00"));
    assert_eq!(l.balances_on(d("2026-02-01")).unwrap().interest, m("62.00"));
    // A payoff on the opening day is the principal.
    assert_eq!(
        l.balances_on(d("2026-01-01")).unwrap().owed(),
        m("10000.00")
    );
}

#[test]
fn freezes_stop_interest() {
    #![allow(clippy::unwrap_used)]
    // Ten frozen days (January 11 to 20 inclusive) in January: 21 x 2.00 = 42.00 by February 1.
    let frozen = FrozenPeriods::new(vec![
        DateRange::new(d("2026-01-11"), d("2026-01-20")).unwrap()
    ])
    .unwrap();
    let l = ledger("10000.00", terms("0.073").with_freezes(frozen));
    assert_eq!(l.balances_on(d("2026-02-01")).unwrap().interest, m("42.00"));
    assert_eq!(l.balances_on(d("2026-01-15")).unwrap().interest, m("20.00"));
}

#[test]
fn penalty_rate_after_days_past_due_and_max_rate() {
    #![allow(clippy::unwrap_used)]
    // Everything due January 31 and unpaid. 7.30% (2.00 a day) until more than 30 days past due,
    // then 14.60% (4.00 a day) from March 3: by March 10, 30 x 2 (January 1-30) + 31 x 2
    // (January 31 - March 2) + 7 x 4 (March 3-9) = 150.00.
    let t = terms("0.073").with_penalty_rate(m("0.146"), 30).unwrap();
    let mut l = ledger("10000.00", t.clone());
    l.post(ob("2026-01-31", "10000.00")).unwrap();
    assert_eq!(
        l.balances_on(d("2026-03-10")).unwrap().interest,
        m("150.00")
    );
    assert_eq!(
        l.balances_on(d("2026-03-03")).unwrap().interest,
        m("122.00")
    );
    assert_eq!(l.days_past_due(d("2026-03-10")).unwrap(), 38);
    // Held under a maximum of 10.95% (3.00 a day): 60 + 62 + 7 x 3 = 143.00.
    let mut capped = ledger("10000.00", t.with_max_rate(m("0.1095")).unwrap());
    capped.post(ob("2026-01-31", "10000.00")).unwrap();
    assert_eq!(
        capped.balances_on(d("2026-03-10")).unwrap().interest,
        m("143.00")
    );
}

#[test]
fn compounding_at_due_dates() {
    #![allow(clippy::unwrap_used)]
    // 36.5% on 1,000.00 is 1.00 a day. 30.00 falls due unpaid on January 31 and bears interest from
    // then: 30 days on 1,030.00 to March 2 is 30.90, so 60.90 in all (simple interest: 60.00).
    let mut c = ledger(
        "1000.00",
        terms("0.365").with_interest_mode(InterestMode::CompoundAtDueDates),
    );
    c.post(ob("2026-01-31", "1000.00")).unwrap();
    assert_eq!(c.balances_on(d("2026-03-02")).unwrap().interest, m("60.90"));
    let mut s = ledger("1000.00", terms("0.365"));
    s.post(ob("2026-01-31", "1000.00")).unwrap();
    assert_eq!(s.balances_on(d("2026-03-02")).unwrap().interest, m("60.00"));
    // Paying the 30.00 on January 31 stops the compounding: 30.00 on 1,000.00 after it.
    c.post(pay("2026-01-31", "P", "30.00")).unwrap();
    assert_eq!(c.balances_on(d("2026-03-02")).unwrap().interest, m("30.00"));
}

#[test]
fn compounding_stops_when_the_interest_unpaid_on_a_due_date_is_paid() {
    #![allow(clippy::unwrap_used)]
    // Regression: paying the interest that was unpaid on a due date left interest posted since (due
    // later, never unpaid on a due date) bearing interest in its place. 36.5% on 1,000.00 is 1.00 a
    // day; 500.00 due January 31 and March 2. The 30.00 of January 1-30 bears interest from January 31:
    // 10 days on 1,030.00 = 10.30 by February 10, due March 2. Paying (or waiving) the 30.00 on
    // February 10 leaves 1,000.00 bearing interest: 20 x 1.00 to March 2, 30.30 owed then.
    let t = terms("0.365").with_interest_mode(InterestMode::CompoundAtDueDates);
    let waive = ev(
        "2026-02-10",
        EventKind::Waiver {
            component: Component::Interest,
            amount: m("30.00"),
            reason: reason(),
        },
    );
    for settle in [pay("2026-02-10", "P", "30.00"), waive] {
        let mut l = ledger("1000.00", t.clone());
        l.post_all(vec![
            ob("2026-01-31", "500.00"),
            ob("2026-03-02", "500.00"),
            settle,
        ])
        .unwrap();
        assert_eq!(l.balances().interest, m("10.30"));
        assert_eq!(l.balances_on(d("2026-03-02")).unwrap().interest, m("30.30"));
        // Unpaid on March 2, the 30.30 bears interest: 10 days on 1,030.30 = 10.303; the exact total
        // 70.603 is posted as 70.60, less the 30.00 paid or waived.
        assert_eq!(l.balances_on(d("2026-03-12")).unwrap().interest, m("40.60"));
    }
}

#[test]
fn late_fee_amounts_are_in_minor_units() {
    #![allow(clippy::unwrap_used)]
    // Regression: a late fee of 25.005 in USD was taken, and charged sub-cent penalties.
    let fee = |rule: LateFeeRule| {
        Account::new(
            "A-1",
            Currency::USD,
            d("2026-01-01"),
            m("100.00"),
            terms("0").with_late_fee(rule).unwrap(),
        )
    };
    let err = fee(LateFeeRule::flat(m("25.005"), 10)).unwrap_err();
    assert_eq!(
        (err.field(), err.value()),
        ("late_fee.flat", "25.005".into())
    );
    let mut rule = LateFeeRule::flat(m("0"), 10);
    rule.maximum = Some(m("15.001"));
    assert_eq!(fee(rule).unwrap_err().field(), "late_fee.maximum");
    assert!(fee(LateFeeRule::flat(m("25.000"), 10)).is_ok());
}

/// Principal 200.00 at 0%, 100.00 due January 10 and February 10, a fee of 10.00 on January 5 and a
/// penalty of 5.00 on January 20; 50.00 paid on February 15.
fn allocated(strategy: AllocationStrategy) -> (Decimal, Decimal, Decimal) {
    #![allow(clippy::unwrap_used)]
    let mut l = ledger("200.00", terms("0").with_allocation(strategy));
    l.post_all(vec![
        ob("2026-01-10", "100.00"),
        ob("2026-02-10", "100.00"),
        Event::fee(d("2026-01-05"), Component::Fee, m("10.00"), "statement"),
        Event::fee(d("2026-01-20"), Component::Penalty, m("5.00"), "late"),
        pay("2026-02-15", "P", "50.00"),
    ])
    .unwrap();
    let b = l.balances();
    let entry = l.payment_entry("P").unwrap();
    assert_eq!(
        entry.allocations.iter().map(|a| a.amount).sum::<Decimal>() + entry.to_credit,
        m("50.00")
    );
    (b.principal, b.fees, b.penalties)
}

#[test]
fn allocation_strategies_by_name() {
    #![allow(clippy::unwrap_used)]
    let s = |o: &str, sc: &str| AllocationStrategy::from_parts(o, sc).unwrap();
    // Oldest first: the January 5 fee (10), then January 10 principal (40).
    assert_eq!(
        allocated(s("fees-interest-principal", "oldest_first")),
        (m("160.00"), m("0.00"), m("5.00"))
    );
    // Component first: the penalty (5), the fee (10), then principal (35).
    assert_eq!(
        allocated(s("penalties-fees-interest-principal", "component_first")),
        (m("165.00"), m("0.00"), m("0.00"))
    );
    // Principal first across obligations: 50 to January's principal.
    assert_eq!(
        allocated(s("interest-principal-fees", "component_first")),
        (m("150.00"), m("10.00"), m("5.00"))
    );
    // Oldest first with interest-principal-fees: January 5 has only the fee, so it is paid first.
    assert_eq!(
        allocated(s("interest-principal-fees", "oldest_first")),
        (m("160.00"), m("0.00"), m("5.00"))
    );
    // Advanced: past-due penalties, then past-due principal.
    let adv = AllocationStrategy::advanced(vec![
        (Timing::PastDue, Component::Penalty),
        (Timing::PastDue, Component::Principal),
    ])
    .unwrap();
    assert_eq!(allocated(adv), (m("155.00"), m("10.00"), m("0.00")));
}

#[test]
fn advanced_order_pays_not_yet_due_nearest_first() {
    #![allow(clippy::unwrap_used)]
    let adv = AllocationStrategy::advanced(vec![
        (Timing::Due, Component::Principal),
        (Timing::NotYetDue, Component::Principal),
    ])
    .unwrap();
    let mut l = ledger("300.00", terms("0").with_allocation(adv));
    l.post_all(vec![
        ob("2026-01-31", "100.00"),
        ob("2026-02-28", "100.00"),
        ob("2026-03-31", "50.00"),
        pay("2026-01-31", "P", "280.00"),
    ])
    .unwrap();
    let e = l.payment_entry("P").unwrap();
    let got: Vec<(Option<NaiveDate>, Decimal)> = e
        .allocations
        .iter()
        .map(|a| (a.due_date, a.amount))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(d("2026-01-31")), m("100.00")),
            (Some(d("2026-02-28")), m("100.00")),
            (Some(d("2026-03-31")), m("50.00")),
            (None, m("30.00")),
        ]
    );
    assert_eq!(l.balances().principal, m("20.00"));
}

fn overpaid(rule: OverpaymentRule, date: &str, amount: &str) -> Vec<(NaiveDate, Decimal)> {
    #![allow(clippy::unwrap_used)]
    let mut l = ledger("300.00", terms("0").with_overpayment(rule));
    l.post_all(vec![
        ob("2026-01-31", "100.00"),
        ob("2026-02-28", "100.00"),
        ob("2026-03-31", "100.00"),
        pay(date, "P", amount),
    ])
    .unwrap();
    l.obligations_on(d("2026-01-31"))
        .unwrap()
        .iter()
        .map(|o| (o.due_date(), o.unpaid()))
        .collect()
}

#[test]
fn overpayment_rules() {
    let dates = ["2026-01-31", "2026-02-28", "2026-03-31"].map(d);
    let rows = |v: [&str; 3]| -> Vec<(NaiveDate, Decimal)> {
        dates.iter().copied().zip(v.iter().map(|s| m(s))).collect()
    };
    // 150.00 on January 31: 100.00 to January, 50.00 left.
    assert_eq!(
        overpaid(OverpaymentRule::ReduceTerm, "2026-01-31", "150.00"),
        rows(["0.00", "100.00", "50.00"])
    );
    assert_eq!(
        overpaid(OverpaymentRule::ReducePayment, "2026-01-31", "150.00"),
        rows(["0.00", "75.00", "75.00"])
    );
    // Held as credit on January 31; it pays February's when that falls due.
    assert_eq!(
        overpaid(OverpaymentRule::HoldAsCredit, "2026-01-31", "150.00"),
        rows(["0.00", "100.00", "100.00"])
    );
    // 100.00 before anything is due, pro rata: 33.33 each, the cent left to the last.
    assert_eq!(
        overpaid(OverpaymentRule::ReducePayment, "2026-01-15", "100.00"),
        rows(["66.67", "66.67", "66.66"])
    );
}

#[test]
fn credit_is_applied_when_charges_fall_due() {
    #![allow(clippy::unwrap_used)]
    let mut l = ledger("300.00", terms("0"));
    l.post_all(vec![
        ob("2026-01-31", "100.00"),
        ob("2026-02-28", "100.00"),
        ob("2026-03-31", "100.00"),
        pay("2026-01-31", "P", "150.00"),
    ])
    .unwrap();
    assert_eq!(l.balances().credit, m("50.00"));
    let b = l.balances_on(d("2026-02-28")).unwrap();
    assert_eq!((b.principal, b.credit), (m("150.00"), m("0.00")));
    let o = l.obligations_on(d("2026-02-28")).unwrap();
    assert_eq!(o[1].unpaid(), m("50.00"));
}

fn late_fees(strategy: &str, rule: LateFeeRule) -> (Decimal, usize) {
    #![allow(clippy::unwrap_used)]
    let t = terms("0")
        .with_allocation(AllocationStrategy::from_parts(strategy, "oldest_first").unwrap())
        .with_late_fee(rule)
        .unwrap();
    let mut l = ledger("200.00", t);
    l.post_all(vec![
        ob("2026-01-31", "100.00"),
        ob("2026-02-28", "100.00"),
        // January's installment is paid late (after the ten grace days), February's on time.
        pay("2026-02-15", "P1", "100.00"),
        pay("2026-02-28", "P2", "100.00"),
    ])
    .unwrap();
    let t = l.totals();
    let count = l
        .entries()
        .iter()
        .filter(|e| e.kind == EntryKind::LateFee)
        .count();
    (
        t.charged[Component::Penalty as usize] + t.charged[Component::Fee as usize],
        count,
    )
}

#[test]
fn late_fee_once_and_without_pyramiding() {
    // 16 CFR 444.4: the on-time February payment is not late because January's 25.00 fee is unpaid,
    // even when the allocation put money to the fee first.
    let rule = LateFeeRule::flat(m("25.00"), 10);
    assert_eq!(
        late_fees("fees-interest-principal", rule.clone()),
        (m("25.00"), 1)
    );
    assert_eq!(
        late_fees("penalties-fees-interest-principal", rule),
        (m("25.00"), 1)
    );
    // 5% of the 100.00 overdue is 5.00, held at the 10.00 minimum.
    let pct = LateFeeRule {
        flat: m("0"),
        percent: m("0.05"),
        minimum: m("10.00"),
        maximum: Some(m("15.00")),
        grace_days: 10,
        component: Component::Fee,
    };
    assert_eq!(late_fees("fees-interest-principal", pct), (m("10.00"), 1));
}

#[test]
fn late_fee_checked_the_day_after_grace() {
    #![allow(clippy::unwrap_used)]
    let t = terms("0")
        .with_late_fee(LateFeeRule::flat(m("25.00"), 10))
        .unwrap();
    let mut l = ledger("100.00", t);
    l.post(ob("2026-01-31", "100.00")).unwrap();
    // Paid on the last grace day (February 10): no fee.
    let mut on_time = l.clone();
    on_time.post(pay("2026-02-10", "P", "100.00")).unwrap();
    assert_eq!(
        on_time.balances_on(d("2026-03-31")).unwrap().penalties,
        m("0")
    );
    assert_eq!(on_time.status(), Status::PaidInFull);
    // Not paid: 25.00 on February 11, not on February 10.
    assert_eq!(l.balances_on(d("2026-02-10")).unwrap().penalties, m("0"));
    assert_eq!(
        l.balances_on(d("2026-02-11")).unwrap().penalties,
        m("25.00")
    );
}

#[test]
fn reversal_restores_and_rederives() {
    #![allow(clippy::unwrap_used)]
    let mut l = ledger("10000.00", terms("0.073"));
    l.post(ob("2026-01-31", "10000.00")).unwrap();
    let before = l.balances_on(d("2026-03-31")).unwrap();
    l.post(pay("2026-02-01", "P", "5000.00")).unwrap();
    // After the last obligation, interest is due with it (at once): the 62.00 of January 1-31 is paid
    // first, then 4,938.00 of principal.
    let b = l.balances();
    assert_eq!((b.principal, b.interest), (m("5062.00"), m("0.00")));
    l.post(Event::reversal(d("2026-02-05"), "P", "NSF"))
        .unwrap();
    assert!(l.is_reversed("P"));
    assert_eq!(l.balances_on(d("2026-03-31")).unwrap(), before);
    assert!(l.payment_entry("P").is_none());
    // A second reversal, or one of a payment never posted, is refused and changes nothing.
    let snapshot = l.clone();
    assert_eq!(
        l.post(Event::reversal(d("2026-02-06"), "P", "again"))
            .unwrap_err()
            .field(),
        "payment_id"
    );
    assert_eq!(
        l.post(Event::reversal(d("2026-02-06"), "Q", "unknown"))
            .unwrap_err()
            .field(),
        "payment_id"
    );
    assert_eq!(l, snapshot);
    assert_eq!(l.entries(), snapshot.entries());
}

#[test]
fn back_dated_event_rederives_everything_after_it() {
    #![allow(clippy::unwrap_used)]
    let events = vec![
        ob("2026-01-31", "5000.00"),
        ob("2026-02-28", "5000.00"),
        pay("2026-01-31", "A", "5060.00"),
        pay("2026-02-28", "B", "1000.00"),
        Event::fee(d("2026-02-10"), Component::Fee, m("15.00"), "dunning"),
    ];
    let in_order = Ledger::with_events(
        Account::new(
            "A-1",
            Currency::USD,
            d("2026-01-01"),
            m("10000.00"),
            terms("0.073"),
        )
        .unwrap(),
        events.clone(),
    )
    .unwrap();
    let mut one_by_one = ledger("10000.00", terms("0.073"));
    for e in events.into_iter().rev() {
        one_by_one.post(e).unwrap();
    }
    assert_eq!(one_by_one.balances(), in_order.balances());
    assert_eq!(one_by_one.entries().len(), in_order.entries().len());
    // January: 30 x 2.00 = 60.00 interest; 5,060.00 pays it and January's 5,000.00. February 1-27
    // on 5,000.00 at 1.00 a day = 28.00 (January 31 - February 27), paid with the fee 15.00 by B, the
    // rest (957.00) to principal.
    let b = in_order.balances();
    assert_eq!(
        (b.principal, b.interest, b.fees),
        (m("4043.00"), m("0.00"), m("0.00"))
    );
}

#[test]
fn refunds_waivers_adjustments() {
    #![allow(clippy::unwrap_used)]
    let mut l = ledger("100.00", terms("0"));
    l.post(ob("2026-01-31", "100.00")).unwrap();
    l.post(Event::fee(
        d("2026-02-01"),
        Component::Fee,
        m("20.00"),
        "returned mail",
    ))
    .unwrap();
    l.post(ev(
        "2026-02-02",
        EventKind::Waiver {
            component: Component::Fee,
            amount: m("5.00"),
            reason: reason(),
        },
    ))
    .unwrap();
    assert_eq!(l.balances().fees, m("15.00"));
    // More than the balance is refused.
    let err = l
        .post(ev(
            "2026-02-02",
            EventKind::Waiver {
                component: Component::Fee,
                amount: m("15.01"),
                reason: reason(),
            },
        ))
        .unwrap_err();
    assert_eq!(err.field(), "amount");
    l.post(ev(
        "2026-02-03",
        EventKind::Adjustment {
            component: Component::Fee,
            amount: m("-15.00"),
            reason: reason(),
        },
    ))
    .unwrap();
    assert_eq!(l.balances().fees, m("0.00"));
    l.post(pay("2026-02-04", "P", "130.00")).unwrap();
    assert_eq!(l.balances().credit, m("30.00"));
    assert_eq!(l.status(), Status::PaidInFull);
    let err = l
        .post(ev("2026-02-05", EventKind::Refund { amount: m("30.01") }))
        .unwrap_err();
    assert_eq!(err.field(), "amount");
    l.post(ev("2026-02-05", EventKind::Refund { amount: m("30.00") }))
        .unwrap();
    assert_eq!(l.balances().credit, m("0.00"));
    // After paid in full, no more charges.
    let err = l
        .post(Event::fee(
            d("2026-02-06"),
            Component::Fee,
            m("1.00"),
            "late",
        ))
        .unwrap_err();
    assert_eq!(err.field(), "status");
    let t = l.totals();
    assert_eq!(
        t.payments - t.refunds,
        t.paid.iter().copied().sum::<Decimal>() + l.balances().credit
    );
}

#[test]
fn extension_moves_unpaid_obligations() {
    #![allow(clippy::unwrap_used)]
    let mut l = ledger("200.00", terms("0"));
    l.post_all(vec![ob("2026-01-31", "100.00"), ob("2026-02-28", "100.00")])
        .unwrap();
    assert_eq!(l.days_past_due(d("2026-02-10")).unwrap(), 10);
    l.post(ev(
        "2026-02-05",
        EventKind::Extension {
            days: 30,
            reason: "hardship".into(),
        },
    ))
    .unwrap();
    assert_eq!(l.days_past_due(d("2026-02-10")).unwrap(), 0);
    let o = l.obligations_on(d("2026-02-10")).unwrap();
    assert_eq!(
        o.iter().map(|o| o.due_date()).collect::<Vec<_>>(),
        vec![d("2026-03-02"), d("2026-03-30")]
    );
    assert_eq!(l.days_past_due(d("2026-03-05")).unwrap(), 3);
    let aging = l.aging(d("2026-03-05"), &AgingRules::default()).unwrap();
    assert_eq!(aging.days_past_due, 3);
}

#[test]
fn extended_obligation_takes_credit_on_its_new_due_date() {
    #![allow(clippy::unwrap_used)]
    // Regression: an obligation already past due and moved by an extension fell due again with no step
    // on its new date, so a credit held meanwhile was applied only at the next event, and an accrual
    // event posted in between changed the balances. 7,300.00 at 10% (2.00 a day) due January 31,
    // extended 30 days on February 5 (to March 2); 3,770.00 paid on February 10 is held as credit. On
    // March 2 the credit pays the 120.00 of interest then due (January 1 - March 1) and 3,650.00 of
    // principal; 3,650.00 at 10% is 1.00 a day, so 18.00 by March 20.
    let events = |accrue_on_due_date: bool| {
        let mut v = vec![
            ob("2026-01-31", "7300.00"),
            ev(
                "2026-02-05",
                EventKind::Extension {
                    days: 30,
                    reason: "hardship".into(),
                },
            ),
            pay("2026-02-10", "P", "3770.00"),
            ev("2026-03-20", EventKind::Accrue),
        ];
        if accrue_on_due_date {
            v.push(ev("2026-03-02", EventKind::Accrue));
        }
        v
    };
    let account = || {
        Account::new(
            "A-1",
            Currency::USD,
            d("2026-01-01"),
            m("7300.00"),
            terms("0.10"),
        )
        .unwrap()
    };
    let plain = Ledger::with_events(account(), events(false)).unwrap();
    let accrued = Ledger::with_events(account(), events(true)).unwrap();
    let b = plain.balances();
    assert_eq!(
        (b.principal, b.interest, b.credit),
        (m("3650.00"), m("18.00"), m("0"))
    );
    assert_eq!(accrued.balances(), b);
    let applied = plain
        .entries()
        .iter()
        .find(|e| e.kind == EntryKind::CreditApplied)
        .unwrap();
    assert_eq!(
        (applied.date, applied.amount),
        (d("2026-03-02"), m("3770.00"))
    );
    assert_eq!(plain.days_past_due(d("2026-03-25")).unwrap(), 23);
}

#[test]
fn settlement_charge_off_write_off() {
    #![allow(clippy::unwrap_used)]
    let mut l = ledger("10000.00", terms("0.073"));
    l.post(ob("2026-01-31", "10000.00")).unwrap();
    let charge_off = ev(
        "2026-02-01",
        EventKind::ChargeOff {
            reason: "120 days".into(),
        },
    );
    let err = l.post(charge_off.clone()).unwrap_err();
    assert_eq!(err.value(), "current -> charged_off");
    let delinquent = EventKind::StatusChange {
        to: Status::Delinquent,
        reason: reason(),
    };
    l.post(ev("2026-02-01", delinquent)).unwrap();
    l.post(charge_off).unwrap();
    assert_eq!(l.status(), Status::ChargedOff);
    // No interest after the charge-off: January's 62.00 (January 1-31) and nothing more.
    assert_eq!(l.balances_on(d("2026-06-01")).unwrap().interest, m("62.00"));
    l.post(pay("2026-03-01", "P", "6000.00")).unwrap();
    l.post(ev(
        "2026-03-01",
        EventKind::Settlement {
            reason: "60% settlement".into(),
        },
    ))
    .unwrap();
    assert_eq!(l.status(), Status::Settled);
    assert_eq!(l.balances().owed(), m("0"));
    let settled = l
        .entries()
        .iter()
        .find(|e| e.kind == EntryKind::Settlement)
        .unwrap();
    assert_eq!(settled.amount, m("4062.00"));
    let err = l
        .post(ev("2026-03-02", EventKind::WriteOff { reason: "x".into() }))
        .unwrap_err();
    assert_eq!(err.field(), "status");

    let mut w = ledger("500.00", terms("0"));
    w.post(ev(
        "2026-05-01",
        EventKind::WriteOff {
            reason: "uncollectable".into(),
        },
    ))
    .unwrap();
    assert_eq!(
        (w.status(), w.balances().owed()),
        (Status::WrittenOff, m("0"))
    );
    assert_eq!(
        w.totals().forgiven[Component::Principal as usize],
        m("500.00")
    );
}

#[test]
fn charge_cap_cuts_charges() {
    #![allow(clippy::unwrap_used)]
    // Charges at most 1% of 10,000.00 = 100.00: interest 2.00 a day stops at day 50, then a fee is
    // cut to nothing.
    let mut l = ledger(
        "10000.00",
        terms("0.073").with_charge_cap(m("0.01")).unwrap(),
    );
    l.post(ev("2026-03-01", EventKind::Accrue)).unwrap();
    assert_eq!(l.balances().interest, m("100.00"));
    assert_eq!(l.totals().capped, m("18.00"));
    l.post(Event::fee(
        d("2026-03-02"),
        Component::Fee,
        m("10.00"),
        "dunning",
    ))
    .unwrap();
    assert_eq!(l.balances().fees, m("0"));
    assert_eq!(l.entries().last().unwrap().capped, m("10.00"));
}

#[test]
fn status_changes_are_checked_and_recorded() {
    #![allow(clippy::unwrap_used)]
    let mut l = ledger("100.00", terms("0"));
    let to = |s: Status| EventKind::StatusChange {
        to: s,
        reason: reason(),
    };
    l.post(ev("2026-02-01", to(Status::Delinquent))).unwrap();
    l.post(ev("2026-02-02", to(Status::InArrangement))).unwrap();
    let err = l
        .post(ev("2026-02-03", to(Status::InArrangement)))
        .unwrap_err();
    assert_eq!(
        (err.field(), err.value()),
        ("status", "in_arrangement -> in_arrangement".to_string())
    );
    assert_eq!(l.status_history().changes().len(), 2);
    assert_eq!(
        l.status_history().status_on(d("2026-02-01")),
        Some(Status::Delinquent)
    );
}

#[test]
fn bad_input_is_refused_and_nothing_changes() {
    #![allow(clippy::unwrap_used)]
    let mut l = ledger("100.00", terms("0.05"));
    l.post(ob("2026-01-31", "100.00")).unwrap();
    l.post(pay("2026-02-01", "P", "10.00")).unwrap();
    let snapshot = l.clone();
    let cases: Vec<(Event, &str)> = vec![
        (pay("2026-02-02", "Z", "0"), "amount"),
        (pay("2026-02-02", "Z", "-5.00"), "amount"),
        (pay("2026-02-02", "Z", "1.001"), "amount"),
        (pay("2026-02-02", "P", "5.00"), "id"),
        (
            Event::payment(d("2026-02-02"), "E", m("5.00"), Currency::EUR),
            "currency",
        ),
        (pay("2025-12-31", "Z", "5.00"), "date"),
        (Event::reversal(d("2026-01-15"), "P", "too early"), "date"),
        (ob("2026-03-31", "0.01"), "amount"),
        (
            ev("2026-02-02", EventKind::Refund { amount: m("1.00") }),
            "amount",
        ),
        (
            ev(
                "2026-02-02",
                EventKind::Extension {
                    days: 0,
                    reason: reason(),
                },
            ),
            "days",
        ),
        (
            Event::fee(d("2026-02-02"), Component::Interest, m("1.00"), "x"),
            "component",
        ),
        (
            Event::fee(d("2026-02-02"), Component::Fee, m("1.00"), " "),
            "reason",
        ),
        (
            ev(
                "2026-02-02",
                EventKind::StatusChange {
                    to: Status::Current,
                    reason: reason(),
                },
            ),
            "status",
        ),
    ];
    for (event, field) in cases {
        let err = l.post(event.clone()).unwrap_err();
        assert_eq!(err.field(), field, "{event:?}: {err}");
        assert_eq!(l, snapshot);
        assert_eq!(l.entries(), snapshot.entries());
        assert_eq!(l.balances(), snapshot.balances());
        // All or nothing: the same event among good ones is refused too.
        let err = l
            .post_all(vec![pay("2026-02-03", "OK", "1.00"), event])
            .unwrap_err();
        assert_eq!(err.field(), field);
        assert_eq!(l, snapshot);
    }
    // Terms: overlapping freezes, a rate history starting after the opening, rates out of order.
    assert!(FrozenPeriods::new(vec![
        DateRange::new(d("2026-01-01"), d("2026-01-10")).unwrap(),
        DateRange::new(d("2026-01-10"), d("2026-01-20")).unwrap(),
    ])
    .is_err());
    let late = Terms::new(RateHistory::fixed(d("2026-01-02"), m("0.05")).unwrap());
    let err = Account::new("A", Currency::USD, d("2026-01-01"), m("1.00"), late).unwrap_err();
    assert_eq!(err.field(), "rates");
    let err = RateHistory::new(vec![
        (d("2026-02-01"), m("0.05")),
        (d("2026-01-01"), m("0.04")),
    ])
    .unwrap_err();
    assert_eq!(err.field(), "rates");
    assert_eq!(RateHistory::new(vec![]).unwrap_err().field(), "rates");
    assert_eq!(
        RateHistory::fixed(d("2026-01-01"), m("-0.01"))
            .unwrap_err()
            .field(),
        "rates"
    );
}

#[test]
fn serde_round_trip_replays() {
    #![allow(clippy::unwrap_used)]
    let mut l = ledger(
        "1000.00",
        terms("0.1")
            .with_late_fee(LateFeeRule::flat(m("10"), 5))
            .unwrap(),
    );
    l.post_all(vec![
        ob("2026-01-31", "500.00"),
        ob("2026-02-28", "500.00"),
        pay("2026-02-20", "P", "300.00"),
    ])
    .unwrap();
    let json = serde_json::to_string(&l).unwrap();
    let back: Ledger = serde_json::from_str(&json).unwrap();
    assert_eq!(back, l);
    assert_eq!(back.entries(), l.entries());
    assert_eq!(back.balances(), l.balances());
}
