//! Aging: hand-checked cases (each with its arithmetic in a comment, so it can move into a vector file),
//! bad input, and the issue's properties.

#![allow(clippy::unwrap_used)] // helpers of a test file: a panic is a failed test

use chrono::NaiveDate;
use collections_core::debt::aging::{
    age_portfolio, roll_rates, AccountActivity, AccountObligations, AgingRules, Bucket, Buckets,
    ChargeOffPolicy, CreditType, DateRange, DueAmount, FrozenPeriods, LimitationPeriod,
    LimitationStart, Obligation, Payment, RollMeasure, ShortfallMethod, Tolerance,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn ob(due: NaiveDate, amount: Decimal, paid: Decimal) -> Obligation {
    Obligation::new(due, amount, paid).unwrap()
}

fn account(obligations: Vec<Obligation>) -> AccountObligations {
    AccountObligations::new(obligations).unwrap()
}

fn frozen(ranges: &[(NaiveDate, NaiveDate)]) -> FrozenPeriods {
    FrozenPeriods::new(
        ranges
            .iter()
            .map(|&(a, b)| DateRange::new(a, b).unwrap())
            .collect(),
    )
    .unwrap()
}

fn rules(method: ShortfallMethod, tolerance: Tolerance, grace: u32) -> AgingRules {
    AgingRules::new(method, tolerance, grace, Buckets::default()).unwrap()
}

/// One missed 100 due on 2026-01-01.
fn one_missed() -> AccountObligations {
    account(vec![ob(d(2026, 1, 1), dec!(100), dec!(0))])
}

#[test]
fn three_missed_installments() {
    // 100 a month from Jan 15; January paid, February to April missed, May not yet due.
    let a = account(vec![
        ob(d(2026, 1, 15), dec!(100), dec!(100)),
        ob(d(2026, 2, 15), dec!(100), dec!(0)),
        ob(d(2026, 3, 15), dec!(100), dec!(0)),
        ob(d(2026, 4, 15), dec!(100), dec!(0)),
        ob(d(2026, 5, 15), dec!(100), dec!(0)),
    ]);
    let aging = a.age(d(2026, 4, 20), &AgingRules::default()).unwrap();
    // From Feb 15 to Apr 20: 13 + 31 + 20 = 64 days.
    assert_eq!(aging.days_past_due, 64);
    assert_eq!(aging.counting_from, Some(d(2026, 2, 15)));
    assert_eq!(aging.bucket_label, "61-90");
    assert_eq!(aging.past_due_amount, dec!(300));
    assert_eq!(aging.outstanding, dec!(400));
    // Receivables aging: Feb 64 days (61-90), Mar 36 (31-60), Apr 5 (1-30).
    assert_eq!(
        aging.past_due_by_bucket,
        [
            dec!(0),
            dec!(100),
            dec!(100),
            dec!(100),
            dec!(0),
            dec!(0),
            dec!(0),
            dec!(0)
        ]
    );
    // On the due date itself an installment is not past due.
    let on_due = account(vec![ob(d(2026, 2, 15), dec!(100), dec!(0))])
        .age(d(2026, 2, 15), &AgingRules::default())
        .unwrap();
    assert_eq!((on_due.days_past_due, on_due.past_due_amount), (0, dec!(0)));
}

#[test]
fn partial_payment_within_the_ninety_percent_tolerance() {
    let ffiec = AgingRules::ffiec_ninety_percent();
    let as_of = d(2026, 2, 10);
    // 90.00 of 100 is 90%: counts as full; the 10.00 is still owed but does not age.
    let a = account(vec![ob(d(2026, 1, 1), dec!(100), dec!(90))]);
    let aging = a.age(as_of, &ffiec).unwrap();
    assert_eq!(aging.days_past_due, 0);
    assert_eq!(aging.counting_from, None);
    assert_eq!(aging.bucket_label, "current");
    assert_eq!(
        (
            aging.past_due_amount,
            aging.tolerated_shortfall,
            aging.outstanding
        ),
        (dec!(0), dec!(10), dec!(10))
    );
    // 89.99 is below 90%: 40 days past due from Jan 1.
    let short = account(vec![ob(d(2026, 1, 1), dec!(100), dec!(89.99))]);
    let aging = short.age(as_of, &ffiec).unwrap();
    assert_eq!(
        (aging.days_past_due, aging.past_due_amount),
        (40, dec!(10.01))
    );
    // The same with an amount tolerance of 10.00: the shortfall 10.01 exceeds it, 10.00 does not.
    let amount = rules(
        ShortfallMethod::PerInstallment,
        Tolerance::Amount(dec!(10)),
        0,
    );
    assert_eq!(short.age(as_of, &amount).unwrap().days_past_due, 40);
    assert_eq!(a.age(as_of, &amount).unwrap().days_past_due, 0);
    // Without a tolerance the 90.00 payment leaves the account 40 days past due.
    assert_eq!(
        a.age(as_of, &AgingRules::default()).unwrap().days_past_due,
        40
    );
}

#[test]
fn cumulative_shortfall_method() {
    // Three installments of 100, each paid 95.
    let a = account(vec![
        ob(d(2026, 1, 1), dec!(100), dec!(95)),
        ob(d(2026, 2, 1), dec!(100), dec!(95)),
        ob(d(2026, 3, 1), dec!(100), dec!(95)),
    ]);
    let as_of = d(2026, 3, 15);
    // Per installment with 10%: every shortfall (5) is within 10, so current; 15 tolerated.
    let per = a
        .age(
            as_of,
            &rules(
                ShortfallMethod::PerInstallment,
                Tolerance::Percent(dec!(10)),
                0,
            ),
        )
        .unwrap();
    assert_eq!((per.days_past_due, per.tolerated_shortfall), (0, dec!(15)));
    // Cumulative with 10%: 285 paid is pooled; cumulative due 100, 200 are covered, 300 is short by 15,
    // more than 10% of the March installment: past due from March 1, 14 days, 15 past due.
    let cumulative = rules(ShortfallMethod::Cumulative, Tolerance::Percent(dec!(10)), 0);
    let cum = a.age(as_of, &cumulative).unwrap();
    assert_eq!(cum.counting_from, Some(d(2026, 3, 1)));
    assert_eq!((cum.days_past_due, cum.past_due_amount), (14, dec!(15)));
    assert_eq!(
        (cum.tolerated_shortfall, cum.outstanding),
        (dec!(0), dec!(15))
    );
    // On Feb 15, before March is due, the cumulative shortfall is 10: within 10% of 100, current.
    let feb = account(vec![
        ob(d(2026, 1, 1), dec!(100), dec!(95)),
        ob(d(2026, 2, 1), dec!(100), dec!(95)),
        ob(d(2026, 3, 1), dec!(100), dec!(0)),
    ]);
    let early = feb.age(d(2026, 2, 15), &cumulative).unwrap();
    assert_eq!(
        (early.days_past_due, early.tolerated_shortfall),
        (0, dec!(10))
    );
    // An amount tolerance of 20 covers the 15.
    let lenient = rules(ShortfallMethod::Cumulative, Tolerance::Amount(dec!(20)), 0);
    assert_eq!(a.age(as_of, &lenient).unwrap().days_past_due, 0);
    // Pooling: an overpaid later installment covers an earlier one (per installment it does not).
    let pooled = account(vec![
        ob(d(2026, 1, 1), dec!(100), dec!(0)),
        ob(d(2026, 2, 1), dec!(100), dec!(200)),
    ]);
    let strict_cum = rules(ShortfallMethod::Cumulative, Tolerance::None, 0);
    assert_eq!(pooled.age(as_of, &strict_cum).unwrap().days_past_due, 0);
    assert_eq!(
        pooled
            .age(as_of, &AgingRules::default())
            .unwrap()
            .days_past_due,
        73
    ); // Jan 1 to Mar 15
}

#[test]
fn grace_days() {
    let a = one_missed();
    let grace = rules(ShortfallMethod::PerInstallment, Tolerance::None, 10);
    // 10 days after Jan 1, less 10 grace days: 0, but the 100 is past due (in the current bucket).
    let day10 = a.age(d(2026, 1, 11), &grace).unwrap();
    assert_eq!(
        (day10.days_past_due, day10.counting_from),
        (0, Some(d(2026, 1, 1)))
    );
    assert_eq!(day10.past_due_by_bucket[0], dec!(100));
    assert_eq!(a.age(d(2026, 1, 12), &grace).unwrap().days_past_due, 1);
    assert_eq!(a.age(d(2026, 2, 1), &grace).unwrap().days_past_due, 21); // 31 - 10
}

#[test]
fn frozen_ranges() {
    // Jan 10 to Jan 19 frozen (10 days): Jan 31 is 30 - 10 = 20 days past due.
    let a = AccountObligations::with_frozen(
        vec![ob(d(2026, 1, 1), dec!(100), dec!(0))],
        frozen(&[(d(2026, 1, 10), d(2026, 1, 19))]),
    )
    .unwrap();
    assert_eq!(
        a.age(d(2026, 1, 31), &AgingRules::default())
            .unwrap()
            .days_past_due,
        20
    );
    // During the freeze the days stand still: Jan 9 and Jan 19 are both 8.
    assert_eq!(
        a.age(d(2026, 1, 9), &AgingRules::default())
            .unwrap()
            .days_past_due,
        8
    );
    assert_eq!(
        a.age(d(2026, 1, 19), &AgingRules::default())
            .unwrap()
            .days_past_due,
        8
    );
    // With 5 grace days too: 30 - 10 - 5 = 15.
    let grace = rules(ShortfallMethod::PerInstallment, Tolerance::None, 5);
    assert_eq!(a.age(d(2026, 1, 31), &grace).unwrap().days_past_due, 15);
    // A freeze that began before the due date counts only its days after it: Jan 2-5, so 30 - 4 = 26.
    let b = AccountObligations::with_frozen(
        vec![ob(d(2026, 1, 1), dec!(100), dec!(0))],
        frozen(&[(d(2025, 12, 20), d(2026, 1, 5))]),
    )
    .unwrap();
    assert_eq!(
        b.age(d(2026, 1, 31), &AgingRules::default())
            .unwrap()
            .days_past_due,
        26
    );
}

#[test]
fn bucket_edges() {
    let a = one_missed();
    let rules = AgingRules::default();
    let edges = [
        (d(2026, 1, 1), 0, "current"),
        (d(2026, 1, 2), 1, "1-30"),
        (d(2026, 1, 31), 30, "1-30"),
        (d(2026, 2, 1), 31, "31-60"),
        (d(2026, 3, 2), 60, "31-60"),
        (d(2026, 3, 3), 61, "61-90"),
        (d(2026, 6, 30), 180, "151-180"),
        (d(2026, 7, 1), 181, "181+"),
    ];
    for (as_of, days, label) in edges {
        let aging = a.age(as_of, &rules).unwrap();
        assert_eq!(
            (aging.days_past_due, aging.bucket_label.as_str()),
            (days, label),
            "{as_of}"
        );
    }
    let consumer = Buckets::from_upper_bounds(&[29, 59, 89]).unwrap();
    assert_eq!(
        [0, 29, 30, 59, 60, 89, 90, 5000].map(|n| consumer.bucket_of(n)),
        [0, 0, 1, 1, 2, 2, 3, 3]
    );
}

#[test]
fn charge_off_closed_end_120_days() {
    let a = one_missed();
    let policy = ChargeOffPolicy::default();
    let r = AgingRules::default();
    // Jan 1 + 120 days = May 1.
    let before = a
        .charge_off(d(2026, 4, 30), &r, CreditType::ClosedEnd, &policy)
        .unwrap();
    assert_eq!((before.days_past_due, before.eligible), (119, false));
    assert_eq!(before.eligible_on, Some(d(2026, 5, 1)));
    let on = a
        .charge_off(d(2026, 5, 1), &r, CreditType::ClosedEnd, &policy)
        .unwrap();
    assert_eq!((on.days_past_due, on.eligible), (120, true));
    // A 10-day freeze in February moves it 10 days: May 11.
    let frozen_account = AccountObligations::with_frozen(
        a.obligations().to_vec(),
        frozen(&[(d(2026, 2, 1), d(2026, 2, 10))]),
    )
    .unwrap();
    let moved = frozen_account
        .charge_off(d(2026, 3, 1), &r, CreditType::ClosedEnd, &policy)
        .unwrap();
    assert_eq!(moved.eligible_on, Some(d(2026, 5, 11)));
    // Nothing past due: no date.
    let paid = account(vec![ob(d(2026, 1, 1), dec!(100), dec!(100))]);
    let none = paid
        .charge_off(d(2026, 6, 1), &r, CreditType::ClosedEnd, &policy)
        .unwrap();
    assert_eq!((none.eligible, none.eligible_on), (false, None));
}

#[test]
fn charge_off_open_end_180_days() {
    let a = one_missed();
    let policy = ChargeOffPolicy::default();
    let r = AgingRules::default();
    // Jan 1 + 180 days = June 30.
    let c = a
        .charge_off(d(2026, 5, 1), &r, CreditType::OpenEnd, &policy)
        .unwrap();
    assert_eq!(
        (c.threshold_days, c.eligible, c.eligible_on),
        (180, false, Some(d(2026, 6, 30)))
    );
    assert!(
        a.charge_off(d(2026, 6, 30), &r, CreditType::OpenEnd, &policy)
            .unwrap()
            .eligible
    );
    assert!(
        !a.charge_off(d(2026, 6, 29), &r, CreditType::OpenEnd, &policy)
            .unwrap()
            .eligible
    );
    // A configured policy: 90 days closed-end, Jan 1 + 90 = April 1.
    let strict = ChargeOffPolicy::new(90, 120).unwrap();
    let c = a
        .charge_off(d(2026, 2, 1), &r, CreditType::ClosedEnd, &strict)
        .unwrap();
    assert_eq!(c.eligible_on, Some(d(2026, 4, 1)));
}

#[test]
fn time_barred_date() {
    let a = account(vec![ob(d(2019, 6, 1), dec!(100), dec!(0))]);
    let r = AgingRules::default();
    let six = LimitationPeriod::Years(6);
    // From the due date: six years end on 2025-06-01, the last day to sue; barred from 2025-06-02.
    let on_last_day = a
        .time_bar(
            d(2025, 6, 1),
            &r,
            LimitationStart::DueDate,
            six,
            Some(d(2021, 3, 10)),
            None,
        )
        .unwrap();
    assert_eq!(on_last_day.start, Some(d(2019, 6, 1)));
    assert_eq!(
        (on_last_day.barred_on, on_last_day.time_barred),
        (Some(d(2025, 6, 2)), false)
    );
    let next_day = a
        .time_bar(d(2025, 6, 2), &r, LimitationStart::DueDate, six, None, None)
        .unwrap();
    assert!(next_day.time_barred);
    // A payment on 2021-03-10 restarts the period: barred from 2027-03-11; an acknowledgment on
    // 2022-01-05 restarts it again: 2028-01-06.
    let restart = LimitationStart::LastPaymentOrAcknowledgment;
    let paid = a
        .time_bar(d(2025, 6, 2), &r, restart, six, Some(d(2021, 3, 10)), None)
        .unwrap();
    assert_eq!(
        (paid.barred_on, paid.time_barred),
        (Some(d(2027, 3, 11)), false)
    );
    let acknowledged = a
        .time_bar(
            d(2025, 6, 2),
            &r,
            restart,
            six,
            Some(d(2021, 3, 10)),
            Some(d(2022, 1, 5)),
        )
        .unwrap();
    assert_eq!(acknowledged.barred_on, Some(d(2028, 1, 6)));
    // A payment before the default does not move the start back.
    let early = a
        .time_bar(d(2025, 6, 2), &r, restart, six, Some(d(2019, 5, 1)), None)
        .unwrap();
    assert_eq!(early.start, Some(d(2019, 6, 1)));
    // Months and days: 36 months from 2019-06-01 end 2022-06-01; 30 days end 2019-07-01.
    let months = a
        .time_bar(
            d(2025, 1, 1),
            &r,
            LimitationStart::DueDate,
            LimitationPeriod::Months(36),
            None,
            None,
        )
        .unwrap();
    assert_eq!(months.barred_on, Some(d(2022, 6, 2)));
    let days = a
        .time_bar(
            d(2025, 1, 1),
            &r,
            LimitationStart::DueDate,
            LimitationPeriod::Days(30),
            None,
            None,
        )
        .unwrap();
    assert_eq!(days.barred_on, Some(d(2019, 7, 2)));
}

#[test]
fn portfolio_and_roll_rates() {
    let owing = |due, amount| account(vec![ob(due, amount, dec!(0))]);
    let accounts = vec![
        owing(d(2026, 3, 31), dec!(10)), // not yet due on Mar 31
        owing(d(2026, 3, 10), dec!(20)), // 21 days on Mar 31, 51 on Apr 30
        owing(d(2026, 3, 20), dec!(30)), // 11 days, then 41
        owing(d(2026, 1, 31), dec!(40)), // 59 days, then 89
        account(vec![ob(d(2026, 1, 31), dec!(50), dec!(50))]), // paid
    ];
    let r = AgingRules::default();
    let march = age_portfolio(&accounts, d(2026, 3, 31), &r).unwrap();
    let april = age_portfolio(&accounts, d(2026, 4, 30), &r).unwrap();
    assert_eq!(
        march
            .accounts
            .iter()
            .map(|a| a.days_past_due)
            .collect::<Vec<_>>(),
        [0, 21, 11, 59, 0]
    );
    assert_eq!(march.totals[0].accounts, 2);
    assert_eq!(march.totals[0].outstanding, dec!(10)); // the paid account owes nothing
    assert_eq!(march.totals[1].outstanding, dec!(50));
    assert_eq!(march.totals[2].outstanding, dec!(40));
    // April: the first account is 30 days (1-30), 20 and 30 are in 31-60, 40 in 61-90.
    assert_eq!(april.totals[1].outstanding, dec!(10));
    assert_eq!(april.totals[2].outstanding, dec!(50));
    assert_eq!(april.totals[3].outstanding, dec!(40));
    let rates = april
        .roll_rates_from(&march, RollMeasure::Outstanding)
        .unwrap();
    // current -> 1-30: 10 / 10; 1-30 -> 31-60: 50 / 50; 31-60 -> 61-90: 40 / 40; nothing further.
    assert_eq!(rates[..3], [Some(dec!(1)), Some(dec!(1)), Some(dec!(1))]);
    assert_eq!(rates[3], None);
    assert_eq!(rates.len(), 7);
    let by_count = april
        .roll_rates_from(&march, RollMeasure::Accounts)
        .unwrap();
    assert_eq!(by_count[0], Some(dec!(0.5))); // 1 account in 1-30 now / 2 current then
                                              // The wrong way round, or with other buckets, is refused.
    assert_eq!(
        march
            .roll_rates_from(&april, RollMeasure::PastDue)
            .unwrap_err()
            .field(),
        "earlier"
    );
    let other = AgingRules::new(
        ShortfallMethod::PerInstallment,
        Tolerance::None,
        0,
        Buckets::from_upper_bounds(&[29, 59]).unwrap(),
    )
    .unwrap();
    let other_march = age_portfolio(&accounts, d(2026, 3, 31), &other).unwrap();
    assert!(april
        .roll_rates_from(&other_march, RollMeasure::PastDue)
        .is_err());
    // Plain balances: 0.1 and 0.25, none from an empty bucket.
    assert_eq!(
        roll_rates(
            &[dec!(1000), dec!(200), dec!(0)],
            &[dec!(900), dec!(100), dec!(50)]
        )
        .unwrap(),
        [Some(dec!(0.1)), Some(dec!(0.25))]
    );
}

#[test]
fn delinquency_history_with_a_freeze() {
    // 100 due Jan 1, unpaid; frozen Jan 20 to Feb 9 (21 days).
    let activity = AccountActivity::new(
        vec![DueAmount {
            date: d(2026, 1, 1),
            amount: dec!(100),
        }],
        vec![],
        frozen(&[(d(2026, 1, 20), d(2026, 2, 9))]),
    )
    .unwrap();
    let history = activity
        .delinquency_history(d(2026, 1, 1), d(2026, 3, 31), &AgingRules::default())
        .unwrap();
    let points: Vec<_> = history
        .iter()
        .map(|h| (h.date, h.days_past_due, h.bucket_label.as_str(), h.frozen))
        .collect();
    assert_eq!(
        points,
        [
            (d(2026, 1, 1), 0, "current", false),
            (d(2026, 1, 2), 1, "1-30", false),
            (d(2026, 1, 20), 18, "1-30", true), // 19 days less Jan 20
            (d(2026, 2, 10), 19, "1-30", false), // 40 days less 21 frozen
            (d(2026, 2, 22), 31, "31-60", false), // 18 days in January, 13 from Feb 10
            (d(2026, 3, 24), 61, "61-90", false), // 82 days less 21
        ]
    );
    let months = activity
        .month_end_agings(d(2026, 1, 15), d(2026, 3, 31), &AgingRules::default())
        .unwrap();
    // Jan 31: 30 - 12 frozen = 18; Feb 28: 58 - 21 = 37; Mar 31: 89 - 21 = 68.
    assert_eq!(
        months.iter().map(|m| m.days_past_due).collect::<Vec<_>>(),
        [18, 37, 68]
    );
}

fn field(r: collections_core::Result<()>) -> &'static str {
    r.unwrap_err().field()
}

#[test]
fn bad_input_is_an_error_naming_the_field() {
    let date = d(2026, 1, 1);
    assert_eq!(
        field(Obligation::new(date, dec!(-1), dec!(0)).map(|_| ())),
        "amount_due"
    );
    assert_eq!(
        field(Obligation::new(date, dec!(1), dec!(-0.01)).map(|_| ())),
        "amount_paid"
    );
    let out_of_order = vec![
        ob(d(2026, 2, 1), dec!(1), dec!(0)),
        ob(date, dec!(1), dec!(0)),
    ];
    let err = AccountObligations::new(out_of_order).unwrap_err();
    assert_eq!(err.field(), "obligations");
    assert!(err.to_string().contains("2026-01-01"), "{err}");
    assert_eq!(
        field(DateRange::new(d(2026, 2, 1), date).map(|_| ())),
        "frozen_periods"
    );
    let overlapping = vec![
        DateRange::new(date, d(2026, 1, 10)).unwrap(),
        DateRange::new(d(2026, 1, 5), d(2026, 1, 20)).unwrap(),
    ];
    assert_eq!(
        field(FrozenPeriods::new(overlapping).map(|_| ())),
        "frozen_periods"
    );
    for tolerance in [
        Tolerance::Percent(dec!(-1)),
        Tolerance::Percent(dec!(100.01)),
        Tolerance::Amount(dec!(-0.01)),
    ] {
        let r = AgingRules::new(
            ShortfallMethod::Cumulative,
            tolerance,
            0,
            Buckets::default(),
        );
        assert_eq!(field(r.map(|_| ())), "tolerance");
    }
    assert!(AgingRules::new(
        ShortfallMethod::Cumulative,
        Tolerance::Percent(dec!(100)),
        0,
        Buckets::default()
    )
    .is_ok());
    assert_eq!(
        field(Tolerance::from_parts("percent", None).map(|_| ())),
        "tolerance"
    );
    assert_eq!(
        field(Tolerance::from_parts("share", Some(dec!(1))).map(|_| ())),
        "tolerance"
    );
    let bucket_sets: [Vec<Bucket>; 6] = [
        vec![],
        vec![Bucket::new("a", 1, None)], // does not start at 0
        vec![Bucket::new("a", 0, Some(30)), Bucket::new("b", 30, None)], // overlaps
        vec![
            Bucket::new("a", 0, Some(30)),
            Bucket::new("b", 31, Some(60)),
        ], // not open-ended
        vec![Bucket::new("a", 0, None), Bucket::new("b", 31, None)], // open before the last
        vec![Bucket::new("a", 0, Some(30)), Bucket::new("a", 31, None)], // same label
    ];
    for set in bucket_sets {
        assert_eq!(
            field(Buckets::new(set.clone()).map(|_| ())),
            "buckets",
            "{set:?}"
        );
    }
    assert_eq!(
        field(Buckets::from_upper_bounds(&[30, 30]).map(|_| ())),
        "buckets"
    );
    assert_eq!(
        field(Buckets::from_upper_bounds(&[u32::MAX]).map(|_| ())),
        "buckets"
    );
    assert_eq!(
        field(ChargeOffPolicy::new(120, 0).map(|_| ())),
        "open_end_days"
    );
    let a = one_missed();
    let r = AgingRules::default();
    let bar = a.time_bar(
        date,
        &r,
        LimitationStart::DueDate,
        LimitationPeriod::Years(0),
        None,
        None,
    );
    assert_eq!(field(bar.map(|_| ())), "limitation_period");
    let future = a.time_bar(
        date,
        &r,
        LimitationStart::DueDate,
        LimitationPeriod::Years(6),
        Some(d(2027, 1, 1)),
        None,
    );
    assert_eq!(field(future.map(|_| ())), "last_payment");
    let activity = AccountActivity::new(vec![], vec![], FrozenPeriods::none()).unwrap();
    assert_eq!(
        field(
            activity
                .delinquency_history(date, d(2025, 1, 1), &r)
                .map(|_| ())
        ),
        "to"
    );
    let backwards = vec![
        Payment {
            date: d(2026, 2, 1),
            amount: dec!(1),
        },
        Payment {
            date,
            amount: dec!(1),
        },
    ];
    assert_eq!(
        field(AccountActivity::new(vec![], backwards, FrozenPeriods::none()).map(|_| ())),
        "payments"
    );
    let negative = vec![DueAmount {
        date,
        amount: dec!(-5),
    }];
    assert_eq!(
        field(AccountActivity::new(negative, vec![], FrozenPeriods::none()).map(|_| ())),
        "dues"
    );
    assert_eq!(field(roll_rates(&[dec!(1)], &[dec!(1)]).map(|_| ())), "now");
    assert_eq!(
        field(roll_rates(&[dec!(-1), dec!(1)], &[dec!(1), dec!(1)]).map(|_| ())),
        "earlier"
    );
    // An amount sum beyond Decimal's range is an overflow, not a panic.
    let huge = account(vec![
        ob(date, Decimal::MAX, dec!(0)),
        ob(date, Decimal::MAX, dec!(0)),
    ]);
    for rules in [
        r.clone(),
        rules(ShortfallMethod::Cumulative, Tolerance::None, 0),
    ] {
        let err = huge.age(d(2026, 2, 1), &rules).unwrap_err();
        assert!(
            matches!(err, collections_core::Error::Overflow { .. }),
            "{err}"
        );
        // In a portfolio the account's sums are carried into its bucket's, which then overflow.
        let err = age_portfolio(std::slice::from_ref(&huge), d(2026, 2, 1), &rules).unwrap_err();
        assert!(
            matches!(err, collections_core::Error::Overflow { .. }),
            "{err}"
        );
    }
    // An account's own error in a portfolio keeps its kind and field, its value naming the account.
    let fine = account(vec![ob(date, dec!(10), dec!(0))]);
    let unjudgeable = account(vec![ob(date, Decimal::MAX, dec!(0))]);
    let err = age_portfolio(
        &[fine, unjudgeable],
        d(2026, 2, 1),
        &rules(
            ShortfallMethod::PerInstallment,
            Tolerance::Percent(dec!(10)),
            0,
        ),
    )
    .unwrap_err();
    assert_eq!(err.field(), "tolerance");
    assert!(err.value().starts_with("account #1: "), "{err}");
    // Parsing names.
    assert_eq!(
        field("monthly".parse::<ShortfallMethod>().map(|_| ())),
        "shortfall_method"
    );
    assert_eq!(
        field("revolving".parse::<CreditType>().map(|_| ())),
        "credit_type"
    );
    assert_eq!(
        field("whenever".parse::<LimitationStart>().map(|_| ())),
        "limitation_start"
    );
    assert_eq!(
        field("balance".parse::<RollMeasure>().map(|_| ())),
        "roll_measure"
    );
}

#[test]
fn serde_validates_on_the_way_in() {
    let rules = AgingRules::ffiec_ninety_percent();
    let json = serde_json::to_string(&rules).unwrap();
    assert_eq!(serde_json::from_str::<AgingRules>(&json).unwrap(), rules);
    let bad = json.replace("\"10\"", "\"110\"");
    assert!(serde_json::from_str::<AgingRules>(&bad).is_err(), "{bad}");
    let a = one_missed();
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(
        serde_json::from_str::<AccountObligations>(&json).unwrap(),
        a
    );
    assert!(serde_json::from_str::<Obligation>(
        r#"{"due_date":"2026-01-01","amount_due":"-1","amount_paid":"0"}"#
    )
    .is_err());
}

// Properties.

fn arb_obligations(max_paid_percent: u32) -> impl Strategy<Value = Vec<Obligation>> {
    prop::collection::vec((0i64..400, 0u32..50_000, 0u32..=120), 0..8).prop_map(move |mut rows| {
        rows.sort_by_key(|r| r.0);
        rows.into_iter()
            .map(|(offset, cents, pct)| {
                let due = Decimal::new(i64::from(cents), 2);
                // Both at two places, as a ledger in cents gives them (the scale property mixes them).
                let mut paid = due * Decimal::from(pct.min(max_paid_percent)) / dec!(100);
                paid.rescale(2);
                ob(d(2025, 1, 1) + chrono::Days::new(offset as u64), due, paid)
            })
            .collect()
    })
}

fn arb_frozen() -> impl Strategy<Value = FrozenPeriods> {
    prop::collection::vec((0u64..500, 0u64..40), 0..3).prop_map(|mut v| {
        v.sort();
        let mut ranges: Vec<DateRange> = Vec::new();
        for (start, len) in v {
            let s = d(2025, 1, 1) + chrono::Days::new(start);
            if ranges.last().is_some_and(|r| r.end() >= s) {
                continue;
            }
            ranges.push(DateRange::new(s, s + chrono::Days::new(len)).unwrap());
        }
        FrozenPeriods::new(ranges).unwrap()
    })
}

fn arb_rules() -> impl Strategy<Value = AgingRules> {
    (any::<bool>(), 0u32..3, 0u32..20, 0u32..15).prop_map(|(cumulative, kind, pct, grace)| {
        let method = if cumulative {
            ShortfallMethod::Cumulative
        } else {
            ShortfallMethod::PerInstallment
        };
        let tolerance = match kind {
            0 => Tolerance::None,
            1 => Tolerance::Percent(Decimal::from(pct)),
            _ => Tolerance::Amount(Decimal::from(pct)),
        };
        AgingRules::new(method, tolerance, grace, Buckets::default()).unwrap()
    })
}

proptest! {
    #[test]
    fn days_past_due_is_bounded_and_never_negative(
        obligations in arb_obligations(120), frozen in arb_frozen(), rules in arb_rules(), day in 0u64..700,
    ) {
        let as_of = d(2025, 1, 1) + chrono::Days::new(day);
        let a = AccountObligations::with_frozen(obligations, frozen).unwrap();
        let aging = a.age(as_of, &rules).unwrap();
        match aging.counting_from {
            None => prop_assert_eq!(aging.days_past_due, 0),
            Some(due) => {
                prop_assert!(due < as_of);
                prop_assert!(i64::from(aging.days_past_due) <= (as_of - due).num_days());
            }
        }
        prop_assert_eq!(aging.bucket, rules.buckets().bucket_of(aging.days_past_due));
        let by_bucket: Decimal = aging.past_due_by_bucket.iter().sum();
        prop_assert_eq!(by_bucket, aging.past_due_amount);
        prop_assert!(aging.past_due_amount + aging.tolerated_shortfall <= aging.outstanding);
    }

    /// The result does not depend on how the amounts are written: 12.5 as 12.50 or 12.500000 (one scale
    /// takes the fast path in integer units, mixed scales Decimal's own arithmetic).
    #[test]
    fn aging_does_not_depend_on_the_scale_of_the_amounts(
        obligations in arb_obligations(120), frozen in arb_frozen(), rules in arb_rules(),
        day in 0u64..700, scales in prop::collection::vec((0u32..5, 0u32..5), 8),
    ) {
        let as_of = d(2025, 1, 1) + chrono::Days::new(day);
        let rescale = |x: Decimal, extra: u32| {
            let mut y = x;
            y.rescale(x.scale() + extra);
            y
        };
        let mixed: Vec<Obligation> = obligations.iter().zip(&scales).map(|(o, (a, b))| {
            ob(o.due_date(), rescale(o.amount_due(), *a), rescale(o.amount_paid(), *b))
        }).collect();
        let plain = AccountObligations::with_frozen(obligations, frozen.clone()).unwrap();
        let mixed = AccountObligations::with_frozen(mixed, frozen).unwrap();
        prop_assert_eq!(plain.age(as_of, &rules).unwrap(), mixed.age(as_of, &rules).unwrap());
        let (p, m) = (
            age_portfolio(std::slice::from_ref(&plain), as_of, &rules).unwrap(),
            age_portfolio(std::slice::from_ref(&mixed), as_of, &rules).unwrap(),
        );
        prop_assert_eq!(p, m);
    }

    #[test]
    fn bucket_of_covers_every_day_count_exactly_once(
        steps in prop::collection::vec(1u32..100, 0..10), zero_first in any::<bool>(), days in 0u32..2000,
    ) {
        let mut bounds = Vec::new();
        let mut at = if zero_first { 0 } else { steps.first().copied().unwrap_or(1) };
        for s in steps {
            bounds.push(at);
            at += s;
        }
        let buckets = Buckets::from_upper_bounds(&bounds).unwrap();
        let holding: Vec<usize> = buckets.buckets().iter().enumerate()
            .filter(|(_, b)| b.contains(days)).map(|(i, _)| i).collect();
        prop_assert_eq!(holding, vec![buckets.bucket_of(days)]);
        // The same through the validating constructor.
        prop_assert!(Buckets::new(buckets.buckets().to_vec()).is_ok());
    }

    #[test]
    fn aging_is_monotone_in_the_as_of_date_while_nothing_is_paid(
        obligations in arb_obligations(0), frozen in arb_frozen(), rules in arb_rules(),
        day in 0u64..700, later in 0u64..200,
    ) {
        let a = AccountObligations::with_frozen(obligations, frozen).unwrap();
        let first = d(2025, 1, 1) + chrono::Days::new(day);
        let second = first + chrono::Days::new(later);
        let (x, y) = (a.age(first, &rules).unwrap(), a.age(second, &rules).unwrap());
        prop_assert!(x.days_past_due <= y.days_past_due);
        prop_assert!(x.bucket <= y.bucket);
        prop_assert!(x.past_due_amount <= y.past_due_amount);
    }

    #[test]
    fn charge_off_date_is_the_first_day_at_the_threshold(
        obligations in arb_obligations(100), frozen in arb_frozen(), rules in arb_rules(),
        day in 0u64..700, threshold in 1u32..200,
    ) {
        let a = AccountObligations::with_frozen(obligations, frozen).unwrap();
        let as_of = d(2025, 1, 1) + chrono::Days::new(day);
        let policy = ChargeOffPolicy::new(threshold, threshold).unwrap();
        let c = a.charge_off(as_of, &rules, CreditType::ClosedEnd, &policy).unwrap();
        let aging = a.age(as_of, &rules).unwrap();
        prop_assert_eq!(c.eligible_on.is_some(), aging.counting_from.is_some());
        if let (Some(on), Some(due)) = (c.eligible_on, aging.counting_from) {
            // Only the counting-from obligation's days matter: age it alone, with nothing paid.
            let alone = AccountObligations::with_frozen(
                vec![ob(due, dec!(1), dec!(0))], a.frozen().clone()).unwrap();
            let strict = AgingRules::new(ShortfallMethod::PerInstallment, Tolerance::None,
                                         rules.grace_days(), Buckets::default()).unwrap();
            prop_assert_eq!(alone.age(on, &strict).unwrap().days_past_due, threshold);
            prop_assert!(alone.age(on.pred_opt().unwrap(), &strict).unwrap().days_past_due < threshold);
            prop_assert_eq!(c.eligible, as_of >= on);
        }
    }

    #[test]
    fn history_agrees_with_aging_on_every_day(
        dues in prop::collection::vec((0u64..120, 1u32..500), 0..5),
        payments in prop::collection::vec((0u64..150, 1u32..500), 0..4),
        frozen in arb_frozen(), rules in arb_rules(),
    ) {
        let mut dues: Vec<_> = dues.into_iter()
            .map(|(o, a)| DueAmount { date: d(2025, 1, 1) + chrono::Days::new(o), amount: Decimal::from(a) })
            .collect();
        dues.sort_by_key(|x| x.date);
        let mut payments: Vec<_> = payments.into_iter()
            .map(|(o, a)| Payment { date: d(2025, 1, 1) + chrono::Days::new(o), amount: Decimal::from(a) })
            .collect();
        payments.sort_by_key(|x| x.date);
        let activity = AccountActivity::new(dues, payments, frozen).unwrap();
        let (from, to) = (d(2025, 1, 1), d(2025, 8, 1));
        let history = activity.delinquency_history(from, to, &rules).unwrap();
        prop_assert_eq!(history[0].date, from);
        let mut date = from;
        while date <= to {
            let aging = activity.obligations_on(date).unwrap().age(date, &rules).unwrap();
            let point = history.iter().rev().find(|p| p.date <= date).unwrap();
            prop_assert_eq!(point.bucket, aging.bucket, "{}", date);
            prop_assert_eq!(point.counting_from, aging.counting_from, "{}", date);
            prop_assert_eq!(point.past_due_amount, aging.past_due_amount, "{}", date);
            if point.date == date {
                prop_assert_eq!(point.days_past_due, aging.days_past_due);
            }
            date = date.succ_opt().unwrap();
        }
    }
}
