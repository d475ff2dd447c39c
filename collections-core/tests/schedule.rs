//! Schedules against the published amortization figures (../shared/reference/finance.md) and hand-checked
//! cases for each kind and option, plus the properties.

#![allow(clippy::unwrap_used)] // helpers of a test file: a panic is a failed test

use chrono::NaiveDate;
use collections_core::finance::apr_regulation_z;
use collections_core::schedule::{
    amortize, HolidayInterest, InterestMethod, OddFirstPeriod, Reamortization, Schedule,
    ScheduleKind, ScheduleTerms, TermOrPayment,
};
use collections_core::{Currency, DayCount, Error, Frequency, Rate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn monthly(principal: Decimal, percent: Decimal, n: u32) -> ScheduleTerms {
    ScheduleTerms::new(
        principal,
        Currency::USD,
        Rate::from_percent(percent).unwrap(),
        d(2026, 1, 1),
        d(2026, 2, 1),
        Frequency::Monthly,
        TermOrPayment::Term(n),
    )
}

fn check_invariants(s: &Schedule, principal: Decimal) {
    assert_eq!(s.totals().principal, principal, "principal column adds up");
    assert_eq!(
        s.rows().last().unwrap().closing_balance,
        Decimal::ZERO,
        "last balance zero"
    );
    assert!(
        s.rows().iter().all(|r| r.closing_balance >= Decimal::ZERO),
        "no negative balance"
    );
    let sum: Decimal = s.rows().iter().map(|r| r.payment).sum();
    assert_eq!(sum, s.totals().payment);
    assert_eq!(
        s.totals().payment,
        s.totals().principal + s.totals().interest
    );
    for w in s.rows().windows(2) {
        assert_eq!(w[0].closing_balance, w[1].opening_balance);
    }
}

#[test]
fn published_level_payment_tables() {
    // finance.md: principal / rate / months -> payment, last payment, total interest, first interest rows.
    let cases = [
        (
            dec!(15000),
            dec!(8),
            60,
            dec!(304.15),
            dec!(303.84),
            dec!(3248.69),
            vec![dec!(100.00)],
        ),
        (
            dec!(2000),
            dec!(10),
            24,
            dec!(92.29),
            dec!(92.28),
            dec!(214.95),
            vec![dec!(16.67), dec!(16.04), dec!(15.40), dec!(14.76)],
        ),
        (
            dec!(1200),
            dec!(0),
            12,
            dec!(100.00),
            dec!(100.00),
            dec!(0),
            vec![dec!(0.00)],
        ),
    ];
    for (p, rate, n, payment, last, interest, first_rows) in cases {
        let s = amortize(&monthly(p, rate, n)).unwrap();
        assert_eq!(s.level_payment(), Some(payment), "{p}");
        assert_eq!(s.rows().len(), n as usize);
        assert_eq!(s.rows().last().unwrap().payment, last, "{p}");
        assert_eq!(s.totals().interest, interest, "{p}");
        for (row, expected) in s.rows().iter().zip(&first_rows) {
            assert_eq!(row.interest, *expected, "{p} row {}", row.number);
        }
        check_invariants(&s, p);
    }
}

#[test]
fn published_level_principal_table() {
    // finance.md: equal principal 12000 at 12% over 12 months: 1120, 1110, ..., 1010; interest 780.
    let mut terms = monthly(dec!(12000), dec!(12), 12);
    terms.kind = ScheduleKind::LevelPrincipal;
    let s = amortize(&terms).unwrap();
    let payments: Vec<Decimal> = s.rows().iter().map(|r| r.payment).collect();
    let expected: Vec<Decimal> = (0..12).map(|k| Decimal::from(1120 - 10 * k)).collect();
    assert_eq!(payments, expected);
    assert_eq!(s.totals().interest, dec!(780.00));
    check_invariants(&s, dec!(12000));
}

#[test]
fn interest_only_then_balloon() {
    // 10000 at 12%: 100.00 interest each month, the principal with the twelfth.
    let mut terms = monthly(dec!(10000), dec!(12), 12);
    terms.kind = ScheduleKind::InterestOnlyThenBalloon;
    let s = amortize(&terms).unwrap();
    assert!(s.rows()[..11]
        .iter()
        .all(|r| r.payment == dec!(100.00) && r.principal.is_zero()));
    assert_eq!(s.rows()[11].payment, dec!(10100.00));
    assert_eq!(s.totals().interest, dec!(1200.00));
    check_invariants(&s, dec!(10000));
}

#[test]
fn balloon_amortizes_over_the_longer_term() {
    // 10000 at 12% amortized over 60 months (pmt 222.44), maturing at 12.
    let mut terms = monthly(dec!(10000), dec!(12), 12);
    terms.kind = ScheduleKind::Balloon {
        amortization_periods: 60,
    };
    let s = amortize(&terms).unwrap();
    assert_eq!(s.level_payment(), Some(dec!(222.44)));
    assert!(s.rows()[..11].iter().all(|r| r.payment == dec!(222.44)));
    let last = s.rows().last().unwrap();
    assert_eq!(last.payment, last.opening_balance + last.interest);
    assert!(last.payment > dec!(8000));
    check_invariants(&s, dec!(10000));
    terms.kind = ScheduleKind::Balloon {
        amortization_periods: 6,
    };
    assert_eq!(
        amortize(&terms).unwrap_err().field(),
        "amortization_periods"
    );
}

#[test]
fn graduated_steps_up() {
    let mut terms = monthly(dec!(10000), dec!(6), 24);
    terms.kind = ScheduleKind::Graduated {
        step_percent: dec!(10),
        every: 12,
    };
    let s = amortize(&terms).unwrap();
    let first = s.rows()[0].payment;
    let second_year = s.rows()[12].payment;
    assert!(s.rows()[..12].iter().all(|r| r.payment == first));
    // 10% more in the second year (rounded to cents).
    assert_eq!(second_year, (first * dec!(1.1)).round_dp(2));
    check_invariants(&s, dec!(10000));
}

#[test]
fn custom_payments_and_early_payoff() {
    let mut terms = monthly(dec!(1000), dec!(12), 6);
    terms.kind = ScheduleKind::Custom(vec![
        dec!(100),
        dec!(500),
        dec!(600),
        dec!(10),
        dec!(10),
        dec!(10),
    ]);
    let s = amortize(&terms).unwrap();
    // Row 1: interest 10.00, principal 90.00 -> 910.00; row 2: interest 9.10, principal 490.90 -> 419.10;
    // row 3: interest 4.19, 600 would overpay, so it pays 419.10 + 4.19 = 423.29 and the schedule ends.
    assert_eq!(s.rows().len(), 3);
    assert_eq!(s.rows()[1].closing_balance, dec!(419.10));
    assert_eq!(s.rows()[2].payment, dec!(423.29));
    check_invariants(&s, dec!(1000));
}

#[test]
fn odd_first_period_options() {
    // Disbursed 2026-01-15, first due 2026-03-01: the regular period starts 2026-02-01, a 17-day stub.
    // Stub interest: 12000 x 12% x 17/365 = 67.07 (Actual/365 Fixed).
    let mut terms = monthly(dec!(12000), dec!(12), 12);
    terms.start_date = d(2026, 1, 15);
    terms.first_due_date = d(2026, 3, 1);
    let regular = amortize(&{
        let mut t = terms.clone();
        t.odd_first_period = OddFirstPeriod::Ignore;
        t
    })
    .unwrap();
    assert_eq!(regular.rows()[0].interest, dec!(120.00));
    let added = amortize(&terms).unwrap();
    assert_eq!(added.rows()[0].interest, dec!(187.07));
    assert_eq!(added.level_payment(), regular.level_payment());
    check_invariants(&added, dec!(12000));
    let mut capitalized_terms = terms.clone();
    capitalized_terms.odd_first_period = OddFirstPeriod::Capitalize;
    let capitalized = amortize(&capitalized_terms).unwrap();
    assert_eq!(capitalized.rows()[0].opening_balance, dec!(12067.07));
    assert_eq!(capitalized.totals().principal, dec!(12067.07));
    check_invariants(&capitalized, dec!(12067.07));
}

#[test]
fn payment_holidays_capitalize_or_defer() {
    let mut terms = monthly(dec!(1200), dec!(12), 12);
    terms.payment_holidays = vec![3];
    let cap = amortize(&terms).unwrap();
    let h = &cap.rows()[2];
    assert!(h.holiday && h.payment.is_zero());
    assert_eq!(h.closing_balance, h.opening_balance + h.interest);
    assert_eq!(h.principal, -h.interest);
    check_invariants(&cap, dec!(1200));
    terms.holiday_interest = HolidayInterest::Defer;
    let def = amortize(&terms).unwrap();
    let (h, next) = (&def.rows()[2], &def.rows()[3]);
    assert_eq!(h.closing_balance, h.opening_balance);
    // The deferred interest is paid with the next installment.
    // The holiday charges nothing and carries its month of interest (1% of its balance) forward.
    assert_eq!(h.interest, Decimal::ZERO);
    assert_eq!(
        h.deferred_interest,
        (h.opening_balance * dec!(0.01)).round_dp(2)
    );
    assert_eq!(
        next.interest,
        h.deferred_interest + (next.opening_balance * dec!(0.01)).round_dp(2)
    );
    check_invariants(&def, dec!(1200));
    terms.payment_holidays = vec![12];
    assert_eq!(amortize(&terms).unwrap_err().field(), "payment_holidays");
    terms.term_or_payment = TermOrPayment::Term(2);
    terms.payment_holidays = vec![1, 2];
    assert!(amortize(&terms).is_err());
}

#[test]
fn payment_rounded_up_to_a_multiple() {
    let mut terms = monthly(dec!(15000), dec!(8), 60);
    terms.payment_rounding = collections_core::RoundingMode::Up;
    terms.payment_multiple = Some(dec!(5));
    let s = amortize(&terms).unwrap();
    assert_eq!(s.level_payment(), Some(dec!(305.00)));
    assert!(s.rows().last().unwrap().payment < dec!(305.00));
    check_invariants(&s, dec!(15000));
}

#[test]
fn daily_interest_counts_actual_days() {
    let mut terms = monthly(dec!(36500), dec!(10), 3);
    terms.interest_method = InterestMethod::Daily(DayCount::Act365Fixed);
    let s = amortize(&terms).unwrap();
    // January has 31 days: 36500 x 10% x 31/365 = 310.00; February 28 days on the lower balance.
    assert_eq!(s.rows()[0].days, 31);
    assert_eq!(s.rows()[0].interest, dec!(310.00));
    assert_eq!(s.rows()[1].days, 28);
    assert_eq!(
        s.rows()[1].interest,
        (s.rows()[1].opening_balance * dec!(0.1) * dec!(28) / dec!(365)).round_dp(2)
    );
    check_invariants(&s, dec!(36500));
}

#[test]
fn fixed_payment_solves_the_term() {
    let mut terms = monthly(dec!(15000), dec!(8), 1);
    terms.term_or_payment = TermOrPayment::Payment(dec!(304.15));
    let s = amortize(&terms).unwrap();
    assert_eq!(s.rows().len(), 60);
    assert_eq!(s.rows().last().unwrap().payment, dec!(303.84));
    // Interest of the first month is 100.00: a payment of 100 never repays.
    terms.term_or_payment = TermOrPayment::Payment(dec!(100));
    let err = amortize(&terms).unwrap_err();
    assert!(matches!(err, Error::NoSolution { .. }));
    assert!(
        err.to_string().contains("minimum payment is 100.01"),
        "{err}"
    );
}

#[test]
fn bad_terms_are_errors() {
    let bad = |f: &dyn Fn(&mut ScheduleTerms), field: &str| {
        let mut t = monthly(dec!(1000), dec!(5), 12);
        f(&mut t);
        assert_eq!(amortize(&t).unwrap_err().field(), field);
    };
    bad(&|t| t.principal = dec!(0), "principal");
    bad(&|t| t.term_or_payment = TermOrPayment::Term(0), "term");
    bad(&|t| t.term_or_payment = TermOrPayment::Term(5000), "term");
    bad(&|t| t.first_due_date = d(2025, 12, 1), "first_due_date");
    bad(&|t| t.payment_multiple = Some(dec!(0)), "payment_multiple");
    bad(&|t| t.kind = ScheduleKind::Custom(vec![]), "payments");
    bad(
        &|t| {
            t.kind = ScheduleKind::Graduated {
                step_percent: dec!(5),
                every: 0,
            }
        },
        "every",
    );
    let mut t = monthly(dec!(1000), dec!(5), 12);
    t.max_rows = 10;
    t.term_or_payment = TermOrPayment::Payment(dec!(50));
    assert_eq!(amortize(&t).unwrap_err().field(), "max_rows");
}

#[test]
fn reamortize_with_a_new_payment() {
    let s = amortize(&monthly(dec!(2000), dec!(10), 24)).unwrap();
    let faster = s
        .reamortize(
            7,
            Reamortization {
                payment: Some(dec!(200)),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(faster.rows().len() < 24);
    assert_eq!(faster.rows()[..6], s.rows()[..6]);
    check_invariants(&faster, dec!(2000));
    assert_eq!(
        s.reamortize(0, Reamortization::default())
            .unwrap_err()
            .field(),
        "from_row"
    );
}

proptest! {
    #[test]
    fn schedules_always_add_up(
        principal in 100i64..10_000_000,
        bp in 0i64..3_000,
        n in 1u32..120,
        kind in 0usize..5,
        holiday in proptest::option::of(1u32..119),
        daily in any::<bool>(),
    ) {
        let principal = Decimal::new(principal, 2);
        let mut t = monthly(principal, Decimal::new(bp, 2), n);
        t.kind = [
            ScheduleKind::LevelPayment,
            ScheduleKind::LevelPrincipal,
            ScheduleKind::InterestOnlyThenBalloon,
            ScheduleKind::Balloon { amortization_periods: n + 12 },
            ScheduleKind::Graduated { step_percent: dec!(3), every: 6 },
        ][kind].clone();
        if let Some(h) = holiday.filter(|h| *h < n) {
            t.payment_holidays = vec![h];
        }
        if daily {
            t.interest_method = InterestMethod::Daily(DayCount::Act365Fixed);
        }
        let s = amortize(&t).unwrap();
        prop_assert_eq!(s.totals().principal, principal);
        prop_assert_eq!(s.rows().last().unwrap().closing_balance, Decimal::ZERO);
        prop_assert!(s.rows().iter().all(|r| r.closing_balance >= Decimal::ZERO && r.interest >= Decimal::ZERO));
    }

    /// The property: the Regulation Z APR of a level-payment schedule we built (one advance on
    /// the start date, each row's payment on its due date) reproduces the schedule's annual rate within
    /// the §1026.22(a) tolerance (1/8 of a percentage point for a regular transaction).
    #[test]
    fn regulation_z_apr_of_a_schedule_reproduces_its_rate(
        principal in 50_000i64..10_000_000,
        bp in 0i64..3_600,
        n in 3u32..120,
        start_day in 1u32..28,
    ) {
        let principal = Decimal::new(principal, 2);
        let start = d(2026, 1, start_day);
        let mut t = monthly(principal, Decimal::new(bp, 2), n);
        t.start_date = start;
        t.first_due_date = start.checked_add_months(chrono::Months::new(1)).unwrap();
        let s = amortize(&t).unwrap();
        let payments: Vec<(NaiveDate, Decimal)> =
            s.rows().iter().map(|r| (r.due_date, r.payment)).collect();
        let apr = apr_regulation_z(&[(start, principal)], &payments, None).unwrap();
        let rate = t.annual_rate.as_fraction();
        prop_assert!(
            apr.is_accurate(rate),
            "APR {} against the schedule's rate {} (tolerance {}, irregular {})",
            apr.apr, rate, apr.tolerance(), apr.irregular
        );
    }
}

#[test]
fn reamortizing_custom_payments_after_a_holiday_keeps_their_order() {
    // The custom list is one payment per paying row, so a holiday before the re-amortized row must not
    // shift it: re-amortizing with no change gives the same rows.
    let mut t = monthly(dec!(1000), dec!(12), 6);
    t.kind = ScheduleKind::Custom(vec![dec!(100), dec!(200), dec!(300), dec!(400)]);
    t.payment_holidays = vec![2, 5];
    let s = amortize(&t).unwrap();
    let same = s.reamortize(3, Reamortization::default()).unwrap();
    assert_eq!(same.rows(), s.rows());
    assert_eq!(same.totals(), s.totals());
}
