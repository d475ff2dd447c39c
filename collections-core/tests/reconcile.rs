//! Reconciliation of bank-reported payments against ledger postings, and of payments against what a
//! plan expected, on cases worked by hand.

use chrono::NaiveDate;
use collections_core::debt::ledger::{Account, Event, Ledger, RateHistory, Terms};
use collections_core::debt::reconcile::{
    compare_to_expected, reconcile, DiscrepancyKind, Expected, ExpectedStatus, PaymentRecord,
    Tolerances,
};
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

fn rec(reference: &str, account: &str, date: &str, amount: &str) -> PaymentRecord {
    #![allow(clippy::unwrap_used)]
    PaymentRecord::new(reference, account, d(date), m(amount), Currency::EUR).unwrap()
}

/// A discrepancy's kind, reported index, posted index and difference.
type Row = (
    DiscrepancyKind,
    Option<usize>,
    Option<usize>,
    Option<Decimal>,
);

#[test]
fn every_kind_of_discrepancy() {
    #![allow(clippy::unwrap_used)]
    let bank = vec![
        rec("T1", "A-1", "2026-03-02", "100.00"), // 0 matches posted 0
        rec("T2", "A-2", "2026-03-02", "50.00"),  // 1 posted to A-9
        rec("T3", "A-3", "2026-03-02", "75.00"),  // 2 posted as 57.00
        rec("T4", "A-4", "2026-03-02", "20.00"),  // 3 posted on 03-06
        rec("T5", "A-5", "2026-03-03", "30.00"),  // 4 posted as P-77 on 03-04
        rec("T6", "A-6", "2026-03-03", "10.00"),  // 5 never posted
        rec("T1", "A-1", "2026-03-02", "100.00"), // 6 listed twice by the bank
    ];
    let mut eur_to_usd = rec("T7", "A-7", "2026-03-02", "5.00");
    eur_to_usd.currency = Currency::USD;
    let mut bank_t7 = bank.clone();
    bank_t7.push(rec("T7", "A-7", "2026-03-02", "5.00")); // 7 posted in USD
    let ledger = vec![
        rec("T1", "A-1", "2026-03-02", "100.00"),
        rec("T2", "A-9", "2026-03-02", "50.00"),
        rec("T3", "A-3", "2026-03-02", "57.00"),
        rec("T4", "A-4", "2026-03-06", "20.00"),
        rec("P-77", "A-5", "2026-03-04", "30.00"),
        rec("T8", "A-8", "2026-03-02", "40.00"), // never reported
        rec("T3", "A-3", "2026-03-02", "57.00"), // posted twice
        eur_to_usd,
    ];
    let r = reconcile(&bank_t7, &ledger, &Tolerances::default()).unwrap();
    assert_eq!(r.matched, vec![(0, 0)]);
    let got: Vec<Row> = r
        .discrepancies
        .iter()
        .map(|x| (x.kind, x.reported, x.posted, x.difference))
        .collect();
    use DiscrepancyKind::*;
    assert_eq!(
        got,
        vec![
            (WrongAccount, Some(1), Some(1), None),
            (AmountMismatch, Some(2), Some(2), Some(m("18.00"))),
            (DateMismatch, Some(3), Some(3), Some(m("-4"))),
            (ReferenceMismatch, Some(4), Some(4), None),
            (MissingInLedger, Some(5), None, None),
            (Duplicate, Some(6), None, None),
            (CurrencyMismatch, Some(7), Some(7), None),
            (MissingInReport, None, Some(5), None),
            (Duplicate, None, Some(6), None),
        ]
    );
    assert_eq!(r.discrepancies[1].resolution, "post the missing 18.00");
    assert_eq!(
        r.discrepancies[2].resolution,
        "correct the posting date from 2026-03-06 to 2026-03-02 (interest is derived again)"
    );
    // With four days of date tolerance and 18.00 of amount tolerance, T3 and T4 match.
    let loose = Tolerances {
        date_days: 4,
        amount: m("18.00"),
        match_window_days: 3,
    };
    let r = reconcile(&bank_t7, &ledger, &loose).unwrap();
    assert_eq!(r.matched, vec![(0, 0), (2, 2), (3, 3)]);
}

#[test]
fn reference_free_matching_takes_the_nearest_date_in_the_window() {
    #![allow(clippy::unwrap_used)]
    let bank = vec![rec("B1", "A", "2026-03-10", "10.00")];
    let ledger = vec![
        rec("L1", "A", "2026-03-06", "10.00"), // 4 days: outside the 3-day window
        rec("L2", "A", "2026-03-12", "10.00"), // 2 days
        rec("L3", "A", "2026-03-11", "10.00"), // 1 day: chosen
    ];
    let r = reconcile(&bank, &ledger, &Tolerances::default()).unwrap();
    assert_eq!(r.discrepancies[0].kind, DiscrepancyKind::ReferenceMismatch);
    assert_eq!(r.discrepancies[0].posted, Some(2));
    assert_eq!(r.discrepancies.len(), 3); // L1 and L2 missing in the report
}

#[test]
fn a_ledger_reconciles_against_its_bank_report() {
    #![allow(clippy::unwrap_used)]
    let opened = d("2026-01-01");
    let terms = Terms::new(RateHistory::fixed(opened, m("0")).unwrap());
    let account = Account::new("A-1", Currency::EUR, opened, m("300.00"), terms).unwrap();
    let mut l = Ledger::new(account);
    l.post(Event::payment(
        d("2026-02-01"),
        "T1",
        m("100.00"),
        Currency::EUR,
    ))
    .unwrap();
    l.post(Event::payment(
        d("2026-03-01"),
        "T2",
        m("100.00"),
        Currency::EUR,
    ))
    .unwrap();
    l.post(Event::reversal(d("2026-03-05"), "T2", "NSF"))
        .unwrap();
    let bank = vec![rec("T1", "A-1", "2026-02-01", "100.00")];
    let r = reconcile(&bank, &l.posted_payments(), &Tolerances::default()).unwrap();
    assert_eq!(r.matched, vec![(0, 0)]);
    assert!(r.discrepancies.is_empty());
}

#[test]
fn bad_records_are_refused() {
    let bad = PaymentRecord {
        reference: "T".into(),
        account_id: "A".into(),
        date: d("2026-03-01"),
        amount: m("-1"),
        currency: Currency::EUR,
    };
    let good = rec("T", "A", "2026-03-01", "1.00");
    let err = reconcile(&[good.clone(), bad.clone()], &[], &Tolerances::default()).unwrap_err();
    assert_eq!(err.field(), "amount");
    assert!(err.value().starts_with("reported #1 T"), "{}", err.value());
    let err = reconcile(&[], &[bad], &Tolerances::default()).unwrap_err();
    assert_eq!(err.field(), "amount");
    assert!(err.value().starts_with("posted #0 T"), "{}", err.value());
    let negative = Tolerances {
        amount: m("-0.01"),
        ..Tolerances::default()
    };
    assert_eq!(
        reconcile(&[good], &[], &negative).unwrap_err().field(),
        "tolerances.amount"
    );
    assert!(PaymentRecord::new(" ", "A", d("2026-03-01"), m("1"), Currency::EUR).is_err());
}

#[test]
fn payments_against_a_plan() {
    #![allow(clippy::unwrap_used)]
    // Four monthly installments of 100.00 due on the 28th, five days of grace, as of May 10.
    let plan: Vec<Expected> = ["2026-01-28", "2026-02-28", "2026-03-28", "2026-04-28"]
        .iter()
        .map(|s| Expected {
            due_date: d(s),
            amount: m("100.00"),
        })
        .collect();
    let paid = [
        (d("2026-01-20"), m("150.00")), // January's, and 50.00 towards February (over by 50.00)
        (d("2026-03-10"), m("50.00")),  // completes February, 10 days after its grace ended
        (d("2026-03-30"), m("60.00")),  // March: 60.00 of 100.00
        (d("2026-05-20"), m("500.00")), // after the as-of date: not yet known
    ];
    let c = compare_to_expected(&plan, &paid, 5, d("2026-05-10")).unwrap();
    let got: Vec<(ExpectedStatus, Decimal, Decimal, Option<NaiveDate>, Decimal)> = c
        .installments
        .iter()
        .map(|o| (o.status, o.covered, o.shortfall, o.paid_on, o.over))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                ExpectedStatus::Paid,
                m("100.00"),
                m("0.00"),
                Some(d("2026-01-20")),
                m("50.00")
            ),
            (
                ExpectedStatus::Late,
                m("100.00"),
                m("0.00"),
                Some(d("2026-03-10")),
                m("0")
            ),
            (ExpectedStatus::Short, m("60.00"), m("40.00"), None, m("0")),
            (ExpectedStatus::Missed, m("0"), m("100.00"), None, m("0")),
        ]
    );
    assert_eq!(c.unapplied, m("0"));
    // Once the 500.00 is known, it covers March and April (late) and 360.00 is unapplied.
    let c = compare_to_expected(&plan, &paid, 5, d("2026-05-31")).unwrap();
    assert_eq!(c.installments[3].status, ExpectedStatus::Late);
    assert_eq!(c.unapplied, m("360.00"));
    // Bad input: an expected amount of zero, payments out of order.
    assert_eq!(
        compare_to_expected(
            &[Expected {
                due_date: d("2026-01-28"),
                amount: m("0")
            }],
            &[],
            0,
            d("2026-02-01")
        )
        .unwrap_err()
        .field(),
        "expected"
    );
    let out_of_order = [(d("2026-02-01"), m("1")), (d("2026-01-01"), m("1"))];
    assert_eq!(
        compare_to_expected(&plan, &out_of_order, 0, d("2026-02-01"))
            .unwrap_err()
            .field(),
        "received"
    );
}

#[test]
fn huge_amounts_are_refused_not_summed_past_the_range() {
    #![allow(clippy::unwrap_used)]
    use collections_core::debt::reconcile::{compare_to_expected, Expected};
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
    let big = rust_decimal::Decimal::MAX;
    let plan = [Expected {
        due_date: day,
        amount: rust_decimal::Decimal::ONE,
    }];
    let err = compare_to_expected(&plan, &[(day, big), (day, big)], 0, day).unwrap_err();
    assert_eq!(err.field(), "received");
    let too_big = [Expected {
        due_date: day,
        amount: big,
    }];
    assert_eq!(
        compare_to_expected(&too_big, &[], 0, day)
            .unwrap_err()
            .field(),
        "expected"
    );
}
