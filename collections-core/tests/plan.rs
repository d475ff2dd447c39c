//! Repayment plans: hand-worked cases for each capability, written as data (inputs and expected results
//! side by side) so they can later move to `tests/vectors/`, and the issue's properties.

use chrono::NaiveDate;
use collections_core::affordability::{Debt, MinimumPayment};
use collections_core::debt::aging::{Payment, Tolerance};
use collections_core::plan::*;
use collections_core::schedule::{amortize, ScheduleTerms, TermOrPayment};
use collections_core::{Currency, Frequency, Rate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> NaiveDate {
    #![allow(clippy::unwrap_used)]
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    #![allow(clippy::unwrap_used)]
    Decimal::from_str(s).unwrap()
}

fn promises(list: &[(&str, &str)]) -> Vec<Promise> {
    list.iter()
        .map(|(day, a)| Promise::new(d(day), dec(a)))
        .collect()
}

fn payments(list: &[(&str, &str)]) -> Vec<Payment> {
    list.iter()
        .map(|(day, a)| Payment {
            date: d(day),
            amount: dec(a),
        })
        .collect()
}

fn terms(balance: &str, start: &str) -> PlanTerms {
    PlanTerms::new(
        Currency::USD,
        vec![Debt::new("debt-1", dec(balance))],
        d(start),
    )
}

// ---------------------------------------------------------------------------------------------------
// 1. Arrangements

#[test]
fn arrangement_bad_input_names_the_field() {
    struct Case {
        name: &'static str,
        balance: &'static str,
        promises: &'static [(&'static str, &'static str)],
        field: &'static str,
    }
    let cases = [
        Case {
            name: "out of order",
            balance: "300",
            promises: &[("2026-03-01", "100"), ("2026-02-01", "100")],
            field: "promises",
        },
        Case {
            name: "same day twice",
            balance: "300",
            promises: &[("2026-02-01", "100"), ("2026-02-01", "100")],
            field: "promises",
        },
        Case {
            name: "before the start (2026-01-01)",
            balance: "300",
            promises: &[("2025-12-31", "100")],
            field: "promises",
        },
        Case {
            name: "zero amount",
            balance: "300",
            promises: &[("2026-02-01", "0")],
            field: "promises",
        },
        Case {
            name: "sub-cent amount",
            balance: "300",
            promises: &[("2026-02-01", "1.001")],
            field: "promises",
        },
        Case {
            name: "more than the balance with interest frozen",
            balance: "150",
            promises: &[("2026-02-01", "100"), ("2026-03-01", "100")],
            field: "promises",
        },
        Case {
            name: "no installment",
            balance: "150",
            promises: &[],
            field: "promises",
        },
        Case {
            name: "a zero balance",
            balance: "0",
            promises: &[("2026-02-01", "100")],
            field: "balance",
        },
    ];
    for c in cases {
        let err =
            Arrangement::from_promises(&terms(c.balance, "2026-01-01"), None, promises(c.promises))
                .expect_err(c.name);
        assert_eq!(err.field(), c.field, "{}: {err}", c.name);
    }
}

#[test]
fn arrangement_policy_bounds_name_the_bound() {
    #![allow(clippy::unwrap_used)]
    // IRS streamlined bounds: 72 months; minimum max(25, 3000 / 72 = 41.67 rounded up).
    let mut t = terms("3000", "2026-01-01");
    t.bounds = PlanBounds::new(72, MinimumPayment::IrsStreamlined).unwrap();
    // 2026-01-01 + 72 months = 2032-01-01: a promise on 2032-01-02 is beyond it.
    let err =
        Arrangement::from_promises(&t, None, promises(&[("2032-01-02", "3000")])).unwrap_err();
    assert_eq!(err.field(), "max_term_months");
    assert!(err.to_string().contains("2032-01-01"), "{err}");
    let ok = Arrangement::from_promises(&t, None, promises(&[("2032-01-01", "3000")]));
    assert!(ok.is_ok());
    // 41.66 is a cent under the minimum 41.67; the last installment (the remainder) is exempt.
    let err = Arrangement::from_promises(
        &t,
        None,
        promises(&[("2026-02-01", "41.66"), ("2026-03-01", "2958.34")]),
    )
    .unwrap_err();
    assert_eq!(
        (err.field(), err.value()),
        ("minimum_installment", "41.67".to_string())
    );
    let ok = Arrangement::from_promises(
        &t,
        None,
        promises(&[("2026-02-01", "41.67"), ("2026-03-01", "5")]),
    );
    assert!(ok.is_ok());
}

#[test]
fn arrangement_from_a_schedule_with_a_down_payment() {
    #![allow(clippy::unwrap_used)]
    // 2,000.00 owed; 200.00 down; 1,800.00 over 24 months at 10% (the finance reference's 2000/10%/24
    // schedule scaled: payment = 1800 x (0.1/12) / (1 - (1 + 0.1/12)^-24) = 83.06).
    let mut t = terms("2000", "2026-01-01");
    t.freeze = Freeze {
        interest: false,
        fees: true,
    };
    let s = amortize(&ScheduleTerms::new(
        dec("1800"),
        Currency::USD,
        Rate::from_percent(dec("10")).unwrap(),
        d("2026-01-01"),
        d("2026-02-01"),
        Frequency::Monthly,
        TermOrPayment::Term(24),
    ))
    .unwrap();
    let down = Promise::new(d("2026-01-01"), dec("200"));
    let plan = Arrangement::from_schedule(&t, Some(down), &s).unwrap();
    assert_eq!(plan.promises().len(), 25);
    assert_eq!(plan.down_payment(), Some(&down));
    assert_eq!(plan.installments()[0].amount, dec("83.06"));
    assert_eq!(
        plan.total_promised(),
        dec("200") + s.totals().payment,
        "down payment plus the schedule's payments"
    );
    // A schedule that does not cover the balance less the down payment is refused.
    let err = Arrangement::from_schedule(&t, None, &s).unwrap_err();
    assert_eq!(err.field(), "schedule");
}

#[test]
fn arrangement_on_two_debts_splits_each_promise_to_the_cent() {
    #![allow(clippy::unwrap_used)]
    let mut t = terms("1", "2026-01-01");
    t.debts = vec![Debt::new("a", dec("700")), Debt::new("b", dec("300"))];
    let plan = Arrangement::from_promises(
        &t,
        None,
        promises(&[
            ("2026-02-01", "333.33"),
            ("2026-03-01", "333.33"),
            ("2026-04-01", "333.34"),
        ]),
    )
    .unwrap();
    // 333.33 x 0.7 = 233.331 -> 233.33; 333.33 x 0.3 = 99.999 -> 99.99 + the spare cent (largest
    // remainder 0.009) = 100.00.
    let shares = plan.debt_shares().unwrap();
    assert_eq!(shares[0], [dec("233.33"), dec("100.00")]);
    for (row, p) in shares.iter().zip(plan.promises()) {
        assert_eq!(row.iter().sum::<Decimal>(), p.amount);
    }
    // Debts with the same id are refused.
    t.debts = vec![Debt::new("a", dec("1")), Debt::new("a", dec("2"))];
    let err = Arrangement::from_promises(&t, None, promises(&[("2026-02-01", "1")])).unwrap_err();
    assert_eq!(err.field(), "id");
}

#[test]
fn arrangement_serde_round_trips_and_checks_on_the_way_in() {
    #![allow(clippy::unwrap_used)]
    let plan = Arrangement::from_promises(
        &terms("300", "2026-01-01"),
        Some(Promise::new(d("2026-01-01"), dec("50"))),
        promises(&[("2026-02-01", "125"), ("2026-03-01", "125")]),
    )
    .unwrap()
    .cancelled(d("2026-02-15"))
    .unwrap();
    let json = serde_json::to_string(&plan).unwrap();
    let back: Arrangement = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
    // The same JSON with the promises out of order is refused.
    let bad = json.replace("2026-03-01", "2026-01-15");
    let err = serde_json::from_str::<Arrangement>(&bad).unwrap_err();
    assert!(err.to_string().contains("out of order"), "{err}");
    // A kept rule with a tolerance above 100% is refused.
    let bad = r#"{"grace_days": 3, "tolerance": {"kind": "percent", "value": "150"}}"#;
    assert!(serde_json::from_str::<KeptRule>(bad).is_err());
}

// ---------------------------------------------------------------------------------------------------
// 2. Tracking

struct TrackCase {
    name: &'static str,
    grace_days: u32,
    tolerance: Tolerance,
    rule: BreakRule,
    promises: &'static [(&'static str, &'static str)],
    payments: &'static [(&'static str, &'static str)],
    as_of: &'static str,
    statuses: &'static [PromiseStatus],
    status: ArrangementStatus,
    status_date: Option<&'static str>,
    paid: &'static str,
    remaining: &'static str,
}

#[test]
fn tracking_cases() {
    #![allow(clippy::unwrap_used)]
    use ArrangementStatus as A;
    use PromiseStatus::*;
    let three = &[
        ("2026-01-10", "100"),
        ("2026-02-10", "100"),
        ("2026-03-10", "100"),
    ];
    let cases = [
        TrackCase {
            name: "all paid on their dates: kept and completed on the last payment",
            grace_days: 0,
            tolerance: Tolerance::None,
            rule: BreakRule::default(),
            promises: three,
            payments: &[
                ("2026-01-10", "100"),
                ("2026-02-10", "100"),
                ("2026-03-10", "100"),
            ],
            as_of: "2026-04-01",
            statuses: &[Kept, Kept, Kept],
            status: A::Completed,
            status_date: Some("2026-03-10"),
            paid: "300",
            remaining: "0",
        },
        TrackCase {
            name: "one payment of 300 before the first date pays everything early",
            grace_days: 0,
            tolerance: Tolerance::None,
            rule: BreakRule::default(),
            promises: three,
            payments: &[("2026-01-05", "300")],
            as_of: "2026-01-06",
            statuses: &[Kept, Kept, Kept],
            status: A::Completed,
            status_date: Some("2026-01-05"),
            paid: "300",
            remaining: "0",
        },
        TrackCase {
            name: "a payment two days late, inside three grace days, is on time",
            grace_days: 3,
            tolerance: Tolerance::None,
            rule: BreakRule::default(),
            promises: three,
            payments: &[("2026-01-12", "100")],
            as_of: "2026-02-01",
            statuses: &[Kept, Pending, Pending],
            status: A::Active,
            status_date: None,
            paid: "100",
            remaining: "200",
        },
        TrackCase {
            // 90.00 paid for 100.00: shortfall 10.00 = 10% of 100.00, within a 10% tolerance (FFIEC's
            // "at least 90% counts as full"). The 10.00 stays owed, it does not roll onto February.
            name: "90% of an installment is kept under a 10% tolerance",
            grace_days: 0,
            tolerance: Tolerance::Percent(dec("10")),
            rule: BreakRule::default(),
            promises: three,
            payments: &[("2026-01-10", "90"), ("2026-02-10", "100")],
            as_of: "2026-03-01",
            statuses: &[Kept, Kept, Pending],
            status: A::Active,
            status_date: None,
            paid: "190",
            remaining: "100",
        },
        TrackCase {
            // January: 40 of 100 on time, partially kept (one miss). February: nothing, broken (two
            // misses): the default rule breaks the plan the day after February's deadline.
            name: "two missed installments break the plan",
            grace_days: 0,
            tolerance: Tolerance::None,
            rule: BreakRule::default(),
            promises: three,
            payments: &[("2026-01-10", "40")],
            as_of: "2026-03-01",
            statuses: &[PartiallyKept, Broken, Pending],
            status: A::Broken,
            status_date: Some("2026-02-11"),
            paid: "40",
            remaining: "260",
        },
        TrackCase {
            // Consecutive misses only: January missed, February's 160 pays January's 60 then 100 of
            // February on time (a run of one), March missed (a new run of one): not broken.
            name: "misses that are not consecutive do not break a consecutive rule",
            grace_days: 0,
            tolerance: Tolerance::None,
            rule: BreakRule::new(Some(2), true, None).unwrap(),
            promises: three,
            payments: &[("2026-01-10", "40"), ("2026-02-09", "160")],
            as_of: "2026-03-20",
            statuses: &[PartiallyKept, Kept, Broken],
            status: A::Active,
            status_date: None,
            paid: "200",
            remaining: "100",
        },
        TrackCase {
            // Cumulative shortfall above 25% of what was promised by then: January 100 promised, 80
            // paid (20 short, 20% <= 25%); February 200 promised, 160 paid (40 short = 20%); March 300
            // promised, 160 paid: 140 > 75, broken on March 11. Per promise: January gets 80 on time
            // (partially kept) and 20 of February's payment late; February gets 60 on time (partially
            // kept). Remaining: 40 of February and 100 of March.
            name: "a cumulative shortfall beyond 25% breaks the plan",
            grace_days: 0,
            tolerance: Tolerance::None,
            rule: BreakRule::new(None, false, Some(Tolerance::Percent(dec("25")))).unwrap(),
            promises: three,
            payments: &[("2026-01-10", "80"), ("2026-02-10", "80")],
            as_of: "2026-04-01",
            statuses: &[PartiallyKept, PartiallyKept, Broken],
            status: A::Broken,
            status_date: Some("2026-03-11"),
            paid: "160",
            remaining: "140",
        },
        TrackCase {
            name: "payments after the tracking date are not counted",
            grace_days: 0,
            tolerance: Tolerance::None,
            rule: BreakRule::default(),
            promises: three,
            payments: &[("2026-01-10", "100"), ("2026-05-01", "200")],
            as_of: "2026-01-31",
            statuses: &[Kept, Pending, Pending],
            status: A::Active,
            status_date: None,
            paid: "100",
            remaining: "200",
        },
    ];
    for c in cases {
        let mut t = terms("300", "2026-01-01");
        t.kept = KeptRule::new(c.grace_days, c.tolerance).unwrap();
        let plan = Arrangement::from_promises(&t, None, promises(c.promises)).unwrap();
        let got = track(&plan, &payments(c.payments), d(c.as_of), &c.rule).unwrap();
        let statuses: Vec<_> = got.promises.iter().map(|p| p.status).collect();
        assert_eq!(statuses, c.statuses, "{}", c.name);
        assert_eq!(got.status, c.status, "{}", c.name);
        assert_eq!(got.status_date, c.status_date.map(d), "{}", c.name);
        assert_eq!(got.paid, dec(c.paid), "{}", c.name);
        assert_eq!(got.remaining, dec(c.remaining), "{}", c.name);
    }
}

#[test]
fn tracking_a_cancelled_plan_and_bad_payments() {
    #![allow(clippy::unwrap_used)]
    let plan = Arrangement::from_promises(
        &terms("200", "2026-01-01"),
        None,
        promises(&[("2026-01-10", "100"), ("2026-02-10", "100")]),
    )
    .unwrap()
    .cancelled(d("2026-01-20"))
    .unwrap();
    let t = track(
        &plan,
        &payments(&[("2026-01-10", "100")]),
        d("2026-03-01"),
        &BreakRule::default(),
    )
    .unwrap();
    assert_eq!(
        (t.status, t.status_date),
        (ArrangementStatus::Cancelled, Some(d("2026-01-20")))
    );
    let err = track(
        &plan,
        &payments(&[("2026-01-10", "-5")]),
        d("2026-03-01"),
        &BreakRule::default(),
    )
    .unwrap_err();
    assert_eq!(err.field(), "payments");
}

#[test]
fn replanning_after_a_break_amortizes_the_remainder() {
    #![allow(clippy::unwrap_used)]
    // Two debts (600 + 300 = 900), nine installments of 100; 200 paid, then two misses: broken.
    let mut t = terms("1", "2026-01-01");
    t.debts = vec![Debt::new("a", dec("600")), Debt::new("b", dec("300"))];
    let list: Vec<Promise> = (1..=9u32)
        .map(|m| Promise::new(NaiveDate::from_ymd_opt(2026, m, 15).unwrap(), dec("100")))
        .collect();
    let plan = Arrangement::from_promises(&t, None, list).unwrap();
    let tr = track(
        &plan,
        &payments(&[("2026-01-15", "100"), ("2026-02-15", "100")]),
        d("2026-05-01"),
        &BreakRule::default(),
    )
    .unwrap();
    assert_eq!(
        (tr.status, tr.status_date),
        (ArrangementStatus::Broken, Some(d("2026-04-16")))
    );
    let three_months = |start| {
        ReplanTerms::new(
            d(start),
            d("2026-06-01"),
            Frequency::Monthly,
            TermOrPayment::Term(3),
        )
    };
    // 900 - 200 = 700 left, split 2:1 as 466.67 and 233.33; 700 / 3 = 233.33, last 233.34.
    let again = plan
        .replan(&tr, &three_months("2026-05-01"), &PlanBounds::default())
        .unwrap();
    assert_eq!(again.debts()[0].balance, dec("466.67"));
    assert_eq!(again.debts()[1].balance, dec("233.33"));
    let amounts: Vec<Decimal> = again.promises().iter().map(|p| p.amount).collect();
    assert_eq!(amounts, [dec("233.33"), dec("233.33"), dec("233.34")]);
    // A start before the tracking date is refused.
    let err = plan
        .replan(&tr, &three_months("2026-04-01"), &PlanBounds::default())
        .unwrap_err();
    assert_eq!(err.field(), "start_date");
    // A tracking of another plan (eight promises of 100, not nine) is refused, naming tracking.
    let other = Arrangement::from_promises(
        &terms("800", "2026-01-01"),
        None,
        (1..=8u32)
            .map(|m| Promise::new(NaiveDate::from_ymd_opt(2026, m, 15).unwrap(), dec("100")))
            .collect(),
    )
    .unwrap();
    let foreign = track(&other, &[], d("2026-05-01"), &BreakRule::default()).unwrap();
    let err = plan
        .replan(
            &foreign,
            &three_months("2026-05-01"),
            &PlanBounds::default(),
        )
        .unwrap_err();
    assert_eq!(err.field(), "tracking");
    assert!(
        err.to_string().contains("8 promises from 2026-01-15"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------------
// 3. Settlements

#[test]
fn settlement_cases() {
    #![allow(clippy::unwrap_used)]
    use collections_core::RoundingMode;
    // (balance, percent, dates, rounding, expected installments)
    type Case = (
        &'static str,
        &'static str,
        &'static [&'static str],
        RoundingMode,
        &'static [&'static str],
    );
    let cases: [Case; 4] = [
        // 50% of 999.99 = 499.995: half up 500.00, half even 500.00 (the 9 before 5 is odd -> up),
        // down 499.99.
        (
            "999.99",
            "50",
            &["2026-02-01"],
            RoundingMode::HalfUp,
            &["500.00"],
        ),
        (
            "999.99",
            "50",
            &["2026-02-01"],
            RoundingMode::Down,
            &["499.99"],
        ),
        // 100% in four: 1000.01 / 4 = 250.0025 -> 250.01 on the first, 250.00 on the others.
        (
            "1000.01",
            "100",
            &["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"],
            RoundingMode::HalfUp,
            &["250.01", "250.00", "250.00", "250.00"],
        ),
        // 33.3% of 100 = 33.30, in three of 11.10.
        (
            "100",
            "33.3",
            &["2026-02-01", "2026-02-15", "2026-03-01"],
            RoundingMode::HalfUp,
            &["11.10", "11.10", "11.10"],
        ),
    ];
    for (balance, percent, dates, rounding, expected) in cases {
        let dates: Vec<NaiveDate> = dates.iter().map(|x| d(x)).collect();
        let s = settle(dec(balance), Currency::USD, dec(percent), &dates, rounding).unwrap();
        let got: Vec<String> = s
            .installments
            .iter()
            .map(|p| p.amount.to_string())
            .collect();
        assert_eq!(got, expected, "{balance} at {percent}%");
        assert_eq!(s.amount + s.discount, dec(balance));
        assert_eq!(
            s.installments.iter().map(|p| p.amount).sum::<Decimal>(),
            s.amount
        );
    }
    // Percentages outside (0, 100] and dates out of order are refused.
    for bad in ["0", "-5", "100.01"] {
        let err = settle(
            dec("100"),
            Currency::USD,
            dec(bad),
            &[d("2026-02-01")],
            RoundingMode::HalfUp,
        )
        .unwrap_err();
        assert_eq!(err.field(), "percent", "{bad}");
    }
    let err = settle(
        dec("100"),
        Currency::USD,
        dec("50"),
        &[d("2026-03-01"), d("2026-02-01")],
        RoundingMode::HalfUp,
    )
    .unwrap_err();
    assert_eq!(err.field(), "dates");
}

#[test]
fn minimum_settlement_is_the_npv_of_the_alternative_path() {
    #![allow(clippy::unwrap_used)]
    use collections_core::finance::xnpv;
    use collections_core::{DayCount, RoundingMode};
    // Placement with an agency: 25% chance of 400 in 90 days, 35% of 400 in 181 days, 20% of 1200 in
    // 365 days; agency fee 50 in 30 days. Expected flows 100, 140, 240; at 12% a year, Act/365F:
    // 100 / 1.12^(90/365) + 140 / 1.12^(181/365) + 240 / 1.12^(365/365) - 50 / 1.12^(30/365),
    // checked against finance::xnpv on the same flows.
    let v = d("2026-01-01");
    let path = AlternativePath {
        recoveries: vec![
            ExpectedRecovery::new(d("2026-04-01"), dec("400"), dec("0.25")),
            ExpectedRecovery::new(d("2026-07-01"), dec("400"), dec("0.35")),
            ExpectedRecovery::new(d("2027-01-01"), dec("1200"), dec("0.2")),
        ],
        costs: vec![Promise::new(d("2026-01-31"), dec("50"))],
    };
    let m = minimum_settlement(
        &path,
        v,
        dec("0.12"),
        None,
        Currency::USD,
        RoundingMode::Ceiling,
    )
    .unwrap();
    let flows = [
        (v, dec("0")),
        (d("2026-01-31"), dec("-50")),
        (d("2026-04-01"), dec("100")),
        (d("2026-07-01"), dec("140")),
        (d("2027-01-01"), dec("240")),
    ];
    let reference = xnpv(dec("0.12"), &flows, DayCount::Act365Fixed).unwrap();
    assert!(
        (m.recovery_npv - m.cost_npv - reference).abs() < dec("1e-18"),
        "{m:?} vs {reference}"
    );
    // 97.2443 + 132.3492 + 214.2857 - 49.5364 = 394.3428, rounded once, up (ceiling): 394.35.
    assert_eq!(m.minimum, dec("394.35"));
    // A cost path that exceeds the recovery never gives a negative minimum.
    let costly = AlternativePath {
        recoveries: vec![],
        costs: vec![Promise::new(v, dec("10"))],
    };
    let m = minimum_settlement(
        &costly,
        v,
        dec("0.12"),
        None,
        Currency::USD,
        RoundingMode::Ceiling,
    )
    .unwrap();
    assert_eq!(m.minimum, dec("0"));
    // Bad input: a probability outside [0, 1], a recovery before the valuation date, a rate <= -100%.
    let field = |path: &AlternativePath, rate: &str| {
        minimum_settlement(
            path,
            v,
            dec(rate),
            None,
            Currency::USD,
            RoundingMode::Ceiling,
        )
        .unwrap_err()
        .field()
    };
    let mut bad = path.clone();
    bad.recoveries[0].probability = dec("1.5");
    assert_eq!(field(&bad, "0.12"), "probability");
    let mut bad = path.clone();
    bad.recoveries[0].date = d("2025-12-31");
    assert_eq!(field(&bad, "0.12"), "recoveries");
    assert_eq!(field(&path, "-1"), "discount_rate");
    assert_eq!(field(&path, "-1.5"), "discount_rate");
}

#[test]
fn settlement_offers_follow_the_band_and_the_minimum() {
    #![allow(clippy::unwrap_used)]
    let band = |days, lump: &str, inst: &str, n| DiscountBand {
        min_days_past_due: days,
        lump_sum_discount_percent: dec(lump),
        installment_discount_percent: dec(inst),
        max_installments: n,
    };
    let policy = SettlementPolicy::new(vec![
        band(0, "0", "0", 1),
        band(91, "15", "10", 3),
        band(181, "35", "20", 6),
    ])
    .unwrap();
    // (days past due, minimum, expected (installments, amount, at_minimum) per offer)
    type Expect = &'static [(u32, &'static str, bool)];
    let cases: [(u32, Option<&str>, Expect); 5] = [
        (10, None, &[(1, "1234.57", false)]),
        // 85% of 1234.57 = 1049.3845 -> 1049.39 (ceiling: never more discount than allowed); 90% =
        // 1111.113 -> 1111.12.
        (91, None, &[(1, "1049.39", false), (3, "1111.12", false)]),
        // 65% = 802.4705 -> 802.48; 80% = 987.656 -> 987.66.
        (400, None, &[(1, "802.48", false), (6, "987.66", false)]),
        (400, Some("900"), &[(1, "900", true), (6, "987.66", false)]),
        // A minimum above the balance: offer the balance.
        (
            400,
            Some("2000"),
            &[(1, "1234.57", true), (6, "1234.57", true)],
        ),
    ];
    for (days, minimum, expected) in cases {
        let offers = settlement_offers(
            dec("1234.57"),
            Currency::USD,
            days,
            minimum.map(dec),
            &policy,
        )
        .unwrap();
        let got: Vec<(u32, Decimal, bool)> = offers
            .iter()
            .map(|o| (o.installments, o.amount, o.at_minimum))
            .collect();
        let want: Vec<(u32, Decimal, bool)> =
            expected.iter().map(|(n, a, m)| (*n, dec(a), *m)).collect();
        assert_eq!(got, want, "{days} days, minimum {minimum:?}");
    }
    // A minimum between two cents would raise an offer to an amount that cannot be paid.
    let err = settlement_offers(
        dec("1234.57"),
        Currency::USD,
        400,
        Some(dec("900.005")),
        &policy,
    )
    .unwrap_err();
    assert_eq!(
        (err.field(), err.value()),
        ("minimum", "900.005".to_string())
    );
    // A policy from JSON is checked like a constructed one.
    let bad = r#"{"bands": [{"min_days_past_due": 0, "lump_sum_discount_percent": "100", "installment_discount_percent": "0", "max_installments": 1}]}"#;
    let err = serde_json::from_str::<SettlementPolicy>(bad).unwrap_err();
    assert!(
        err.to_string().contains("lump_sum_discount_percent"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------------
// 4. Scoring

#[test]
fn scoring_a_twelve_month_plan() {
    #![allow(clippy::unwrap_used)]
    use collections_core::finance::xnpv;
    use collections_core::{DayCount, RoundingMode};
    // 1,200.00 in twelve monthly installments of 100.00 from 2026-02-01, started 2026-01-01.
    let list: Vec<Promise> = (2..=13u32)
        .map(|m| {
            let (y, m) = if m > 12 { (2027, m - 12) } else { (2026, m) };
            Promise::new(NaiveDate::from_ymd_opt(y, m, 1).unwrap(), dec("100"))
        })
        .collect();
    let plan =
        Arrangement::from_promises(&terms("1500", "2026-01-01"), None, list.clone()).unwrap();
    let scorer = Scorer::new(dec("0.08"), Some(dec("250")), RoundingMode::HalfUp).unwrap();
    let s = scorer.score(&plan, &Probabilities::Certain).unwrap();
    // 2026-02-01 .. 2027-01-01: the last promise is 365 days after the start.
    assert_eq!(
        (s.total, s.promises, s.duration_days),
        (dec("1200"), 12, 365)
    );
    // The NPV is XNPV at 8% of [0 on the start, then the promises], rounded to the cent.
    let mut flows = vec![(d("2026-01-01"), Decimal::ZERO)];
    flows.extend(list.iter().map(|p| (p.date, p.amount)));
    let reference = xnpv(dec("0.08"), &flows, DayCount::Act365Fixed).unwrap();
    assert_eq!(s.npv, reference.round_dp(2));
    // Recovery ratio: NPV / 1,500.00 owed. Payment to income: 100 / 250 = 0.4.
    assert_eq!(s.recovery_ratio, s.npv / dec("1500"));
    assert_eq!(s.payment_to_income, Some(dec("0.4")));
    // Certain payment: the expected value is the total and the expected NPV the NPV.
    assert_eq!((s.expected_value, s.expected_npv), (s.total, s.npv));
    // Caller-given probabilities 0.95, 0.90, ... 0.40 (down 0.05 a month): expected value
    // 100 x (0.95 + 0.90 + ... + 0.40) = 100 x 12 x (0.95 + 0.40) / 2 = 810.00.
    let probs: Vec<Decimal> = (0..12)
        .map(|k| dec("0.95") - Decimal::new(5 * k, 2))
        .collect();
    let s = scorer
        .score(&plan, &Probabilities::PerInstallment(probs))
        .unwrap();
    assert_eq!(s.expected_value, dec("810.00"));
    // No surplus: no payment-to-income ratio.
    let broke = Scorer::new(dec("0.08"), Some(dec("-20")), RoundingMode::HalfUp).unwrap();
    assert_eq!(
        broke
            .score(&plan, &Probabilities::Certain)
            .unwrap()
            .payment_to_income,
        None
    );
}

#[test]
fn scoring_bad_input() {
    #![allow(clippy::unwrap_used)]
    use collections_core::RoundingMode;
    for rate in ["-1", "-2"] {
        let err = Scorer::new(dec(rate), None, RoundingMode::HalfUp).unwrap_err();
        assert_eq!(err.field(), "discount_rate", "{rate}");
    }
    let plan = Arrangement::from_promises(
        &terms("200", "2026-01-01"),
        None,
        promises(&[("2026-02-01", "100"), ("2026-03-01", "100")]),
    )
    .unwrap();
    let scorer = Scorer::new(dec("0.05"), None, RoundingMode::HalfUp).unwrap();
    // (probabilities, field at fault)
    let cases = [
        (
            Probabilities::PerInstallment(vec![dec("0.5"), dec("1.01")]),
            "probabilities",
        ),
        (
            Probabilities::PerInstallment(vec![dec("-0.1"), dec("1")]),
            "probabilities",
        ),
        (
            Probabilities::PerInstallment(vec![dec("0.5")]),
            "probabilities",
        ),
        (Probabilities::ConstantHazard(dec("1.5")), "hazard"),
    ];
    for (p, field) in cases {
        let err = scorer.score(&plan, &p).unwrap_err();
        assert_eq!(err.field(), field, "{p:?}: {err}");
    }
}

#[test]
fn ranking_plans_for_one_debtor() {
    #![allow(clippy::unwrap_used)]
    use collections_core::RoundingMode;
    // Three offers on 1,000.00: a 70% settlement now (700.00), 10 x 100.00 monthly, 4 x 250.00
    // monthly. At 10% and a 5% monthly hazard:
    //  - settlement: expected 0.95 x 700 = 665.00, paid on the start: expected NPV 665.00;
    //  - 4 x 250: 237.50 + 225.63 (225.625) + 214.34 (214.34375) + 203.63 (203.6265625) = 881.10
    //    expected (each product rounded half up), about 864.48 today;
    //  - 10 x 100: 95.00 + 90.25 + 85.74 + 81.45 + 77.38 + 73.51 + 69.83 + 66.34 + 63.02 + 59.87 =
    //    762.39 expected, about 732.61 today.
    let t = terms("1000", "2026-01-01");
    let settlement =
        Arrangement::from_promises(&t, None, promises(&[("2026-01-01", "700")])).unwrap();
    let monthly = |n: u32, each: &str| {
        let list = (1..=n)
            .map(|k| {
                let (y, m) = if k + 1 > 12 {
                    (2027, k + 1 - 12)
                } else {
                    (2026, k + 1)
                };
                Promise::new(NaiveDate::from_ymd_opt(y, m, 1).unwrap(), dec(each))
            })
            .collect();
        Arrangement::from_promises(&t, None, list).unwrap()
    };
    let (ten, four) = (monthly(10, "100"), monthly(4, "250"));
    let hazard = Probabilities::ConstantHazard(dec("0.05"));
    let scorer = Scorer::new(dec("0.10"), None, RoundingMode::HalfUp).unwrap();
    let ranked = compare_plans(
        &scorer,
        &[(&settlement, &hazard), (&ten, &hazard), (&four, &hazard)],
        RankBy::ExpectedNpv,
    )
    .unwrap();
    let order: Vec<usize> = ranked.iter().map(|(i, _)| *i).collect();
    assert_eq!(order, [2, 1, 0]);
    assert_eq!(ranked[2].1.expected_npv, dec("665.00"));
    assert_eq!(ranked[0].1.expected_value, dec("881.10"));
    assert_eq!(ranked[0].1.expected_npv, dec("864.48"));
    assert_eq!(ranked[1].1.expected_value, dec("762.39"));
    assert_eq!(ranked[1].1.expected_npv, dec("732.61"));
    let by_duration: Vec<usize> = compare_plans(
        &scorer,
        &[(&settlement, &hazard), (&ten, &hazard), (&four, &hazard)],
        RankBy::Duration,
    )
    .unwrap()
    .iter()
    .map(|(i, _)| *i)
    .collect();
    assert_eq!(by_duration, [0, 2, 1]);
}

// ---------------------------------------------------------------------------------------------------
// 5. Forecast and KPIs

#[test]
fn forecast_by_week_and_by_month() {
    #![allow(clippy::unwrap_used)]
    use collections_core::RoundingMode;
    let t = terms("10000", "2026-01-01");
    // Plan A: 100.00 on Thu 2026-01-08, Mon 01-12, Sun 01-18, Fri 02-06; certain.
    // Plan B: 80.00 on Wed 01-14 and Fri 01-30 at 0.5 and 0.25 (expected 40.00 and 20.00).
    let a = Arrangement::from_promises(
        &t,
        None,
        promises(&[
            ("2026-01-08", "100"),
            ("2026-01-12", "100"),
            ("2026-01-18", "100"),
            ("2026-02-06", "100"),
        ]),
    )
    .unwrap();
    let b = Arrangement::from_promises(
        &t,
        None,
        promises(&[("2026-01-14", "80"), ("2026-01-30", "80")]),
    )
    .unwrap();
    let certain = Probabilities::Certain;
    let pb = Probabilities::PerInstallment(vec![dec("0.5"), dec("0.25")]);
    // Weekly from Fri 2026-01-09 (its week starts Mon 01-05; the 01-08 promise is before the forecast
    // date and left out). Weeks: 01-05 nothing; 01-12 (12th, 14th, 18th): 280 scheduled, 240 expected;
    // 01-19 nothing; 01-26 (30th): 80 / 20; 02-02 (6th): 100 / 100.
    let f = forecast(
        [(&a, &certain), (&b, &pb)],
        d("2026-01-09"),
        ForecastPeriod::Weekly,
        RoundingMode::HalfUp,
    )
    .unwrap();
    let rows: Vec<(NaiveDate, u64, Decimal, Decimal)> = f
        .rows
        .iter()
        .map(|r| (r.period_start, r.promises, r.scheduled, r.expected))
        .collect();
    let want = [
        ("2026-01-05", 0, "0", "0"),
        ("2026-01-12", 3, "280", "240"),
        ("2026-01-19", 0, "0", "0"),
        ("2026-01-26", 1, "80", "20"),
        ("2026-02-02", 1, "100", "100"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(w, n, s, e)| (d(w), *n, dec(s), dec(e)))
        .collect();
    assert_eq!(rows, want);
    // Monthly from 2026-01-01: January 300 + 160 = 460 scheduled, 300 + 60 = 360 expected; February 100.
    let f = forecast(
        [(&a, &certain), (&b, &pb)],
        d("2026-01-01"),
        ForecastPeriod::Monthly,
        RoundingMode::HalfUp,
    )
    .unwrap();
    let rows: Vec<_> = f
        .rows
        .iter()
        .map(|r| (r.period_start, r.scheduled, r.expected))
        .collect();
    assert_eq!(
        rows,
        [
            (d("2026-01-01"), dec("460"), dec("360")),
            (d("2026-02-01"), dec("100"), dec("100"))
        ]
    );
    // Plans in two currencies cannot be added up.
    let mut eur = terms("100", "2026-01-01");
    eur.currency = Currency::EUR;
    let c = Arrangement::from_promises(&eur, None, promises(&[("2026-01-20", "10")])).unwrap();
    let err = forecast(
        [(&a, &certain), (&c, &certain)],
        d("2026-01-01"),
        ForecastPeriod::Monthly,
        RoundingMode::HalfUp,
    )
    .unwrap_err();
    assert_eq!(err.field(), "plans");
}

#[test]
fn portfolio_kpis() {
    #![allow(clippy::unwrap_used)]
    // CEI, creditguru.com's worked example (Jan-Mar ATB): opening 6,200, credit sales 10,890 over
    // N = 3, closing 6,340, current 3,590: 3490 / 6240 x 100 = 55.929...%. With N = 1 the same figures
    // give 10750 / 13500 x 100 = 79.629...%: N changes the answer, so it is explicit.
    let mut cei = CeiInputs {
        opening_receivables: dec("6200"),
        credit_sales: dec("10890"),
        months: 3,
        closing_receivables: dec("6340"),
        closing_current_receivables: dec("3590"),
    };
    assert_eq!(
        collection_effectiveness_index(&cei)
            .unwrap()
            .unwrap()
            .round_dp(3),
        dec("55.929")
    );
    cei.months = 1;
    assert_eq!(
        collection_effectiveness_index(&cei)
            .unwrap()
            .unwrap()
            .round_dp(3),
        dec("79.630")
    );
    cei.months = 0;
    assert_eq!(
        collection_effectiveness_index(&cei).unwrap_err().field(),
        "months"
    );
    cei.months = 1;
    cei.closing_current_receivables = dec("7000");
    assert_eq!(
        collection_effectiveness_index(&cei).unwrap_err().field(),
        "closing_current_receivables"
    );
    // DSO: 6,340 receivables, 10,890 credit sales over 90 days: 6340 / 10890 x 90 = 52.396...
    assert_eq!(
        days_sales_outstanding(dec("6340"), dec("10890"), 90)
            .unwrap()
            .unwrap()
            .round_dp(3),
        dec("52.397")
    );
    assert_eq!(
        days_sales_outstanding(dec("1"), dec("0"), 90).unwrap(),
        None
    );
    assert_eq!(
        recovery_rate(dec("-1"), dec("10")).unwrap_err().field(),
        "collected"
    );
    assert_eq!(
        liquidation_rate(dec("300"), dec("1200")).unwrap(),
        Some(dec("0.25"))
    );
    assert_eq!(right_party_contact_rate(0, 0).unwrap(), None);
    // Promise-kept rate over two tracked plans: plan 1 kept 2 of 3 come due, plan 2 kept 0 of 1 (its
    // second promise not yet due): 2 / 4.
    let t = terms("300", "2026-01-01");
    let p1 = Arrangement::from_promises(
        &t,
        None,
        promises(&[
            ("2026-01-10", "100"),
            ("2026-02-10", "100"),
            ("2026-03-10", "100"),
        ]),
    )
    .unwrap();
    let p2 = Arrangement::from_promises(
        &t,
        None,
        promises(&[("2026-03-01", "100"), ("2026-04-01", "100")]),
    )
    .unwrap();
    let rule = BreakRule::new(Some(3), false, None).unwrap();
    let t1 = track(
        &p1,
        &payments(&[("2026-01-10", "100"), ("2026-03-10", "200")]),
        d("2026-03-20"),
        &rule,
    )
    .unwrap();
    let t2 = track(&p2, &[], d("2026-03-20"), &rule).unwrap();
    let statuses: Vec<_> = t1.promises.iter().map(|p| p.status).collect();
    assert_eq!(
        statuses,
        [
            PromiseStatus::Kept,
            PromiseStatus::Broken,
            PromiseStatus::Kept
        ]
    );
    assert_eq!(promise_kept_rate(&[t1, t2]), Some(dec("0.5")));
}

#[test]
fn roll_rate_matrix_between_two_month_ends() {
    #![allow(clippy::unwrap_used)]
    use collections_core::debt::aging::{AccountObligations, AgingRules, Obligation};
    let owing = |due: &str, amount: &str, paid: &str| {
        AccountObligations::new(vec![
            Obligation::new(d(due), dec(amount), dec(paid)).unwrap()
        ])
        .unwrap()
    };
    // On 2026-01-31: A (due 01-10, 21 days) and B (due 01-20, 11 days) are 1-30; C (due 2025-12-20,
    // 42 days) is 31-60; D (due 02-15) is current. On 2026-02-28: A 49 and B 39 days (31-60), C 70
    // (61-90), D 13 (1-30). A owes 300 and B 100: the 1-30 row sends 400 of 400 to 31-60.
    let accounts = [
        owing("2026-01-10", "300", "0"),
        owing("2026-01-20", "100", "0"),
        owing("2025-12-20", "50", "0"),
        owing("2026-02-15", "70", "0"),
    ];
    let m = roll_rate_matrix(
        &accounts,
        d("2026-01-31"),
        d("2026-02-28"),
        &AgingRules::default(),
    )
    .unwrap();
    assert_eq!(m.labels[..4], ["current", "1-30", "31-60", "61-90"]);
    assert_eq!((m.accounts[1][2], m.outstanding[1][2]), (2, dec("400")));
    assert_eq!(m.rates[1][2], Some(dec("1")));
    assert_eq!((m.accounts[2][3], m.accounts[0][1]), (1, 1));
    assert_eq!(m.rates[4][4], None);
    let err = roll_rate_matrix(
        &accounts,
        d("2026-02-28"),
        d("2026-01-31"),
        &AgingRules::default(),
    )
    .unwrap_err();
    assert_eq!(err.field(), "to");
}

// ---------------------------------------------------------------------------------------------------
// 6. Treatment and escalation

#[test]
fn the_standard_treatment_policy() {
    #![allow(clippy::unwrap_used)]
    let policy = TreatmentPolicy::standard();
    let base = AccountState {
        days_past_due: 0,
        balance: dec("1200"),
        affordability: Affordability::Surplus,
        ..AccountState::default()
    };
    // (state changes, expected action, expected rule)
    let cases: Vec<(AccountState, Option<(Action, &str)>)> = vec![
        (base.clone(), None),
        (
            AccountState {
                days_past_due: 3,
                ..base.clone()
            },
            Some((Action::Reminder, "reminder")),
        ),
        (
            AccountState {
                days_past_due: 20,
                ..base.clone()
            },
            Some((Action::Call, "call")),
        ),
        (
            AccountState {
                days_past_due: 35,
                ..base.clone()
            },
            Some((Action::PaymentPlanOffer, "plan-offer")),
        ),
        (
            AccountState {
                days_past_due: 35,
                active_plan: true,
                ..base.clone()
            },
            Some((Action::Call, "call")),
        ),
        (
            AccountState {
                days_past_due: 35,
                affordability: Affordability::Deficit,
                ..base.clone()
            },
            Some((Action::HardshipReview, "unable")),
        ),
        (
            AccountState {
                days_past_due: 95,
                ..base.clone()
            },
            Some((Action::FinalNotice, "final-notice")),
        ),
        (
            AccountState {
                days_past_due: 95,
                last_contact: ContactOutcome::RightPartyContact,
                ..base.clone()
            },
            Some((Action::SettlementOffer, "settle")),
        ),
        (
            AccountState {
                days_past_due: 60,
                broken_promises: 2,
                ..base.clone()
            },
            Some((Action::EscalateToSupervisor, "unwilling")),
        ),
        (
            AccountState {
                days_past_due: 160,
                ..base.clone()
            },
            Some((Action::AgencyPlacement, "agency-placement")),
        ),
        (
            AccountState {
                days_past_due: 125,
                balance: dec("5000"),
                broken_promises: 3,
                ..base.clone()
            },
            Some((Action::LegalReview, "legal-review")),
        ),
        (
            AccountState {
                days_past_due: 200,
                balance: dec("42.10"),
                ..base.clone()
            },
            Some((Action::WriteOff, "small-balance-write-off")),
        ),
        (
            AccountState {
                days_past_due: 200,
                hardship: true,
                ..base.clone()
            },
            Some((Action::HardshipReview, "hardship")),
        ),
        (
            AccountState {
                days_past_due: 200,
                hardship: true,
                disputed: true,
                ..base.clone()
            },
            Some((Action::EscalateToSupervisor, "dispute")),
        ),
    ];
    for (state, expected) in cases {
        let got = policy.recommend(&state);
        assert_eq!(
            got.as_ref().map(|r| (r.action, r.rule.as_str())),
            expected,
            "{state:?}"
        );
    }
    // The facts say why: the legal-review rule's four conditions, as they held.
    let r = policy
        .recommend(&AccountState {
            days_past_due: 125,
            balance: dec("5000"),
            broken_promises: 3,
            ..base
        })
        .unwrap();
    assert_eq!(
        r.facts,
        [
            "125 days past due >= 120",
            "balance 5000 >= 2500",
            "3 broken promises >= 2"
        ]
    );
    assert!(r.reason.contains("legal action"));
    // The standard policy round-trips through JSON.
    let json = serde_json::to_string(&policy).unwrap();
    assert_eq!(
        serde_json::from_str::<TreatmentPolicy>(&json).unwrap(),
        policy
    );
}

#[test]
fn treatment_policies_are_checked() {
    let rule = |name: &str, when: &str, reason: &str| {
        format!(r#"{{"name": "{name}", "when": {when}, "action": "call", "reason": "{reason}"}}"#)
    };
    // (rules, text expected in the error)
    let cases = [
        (String::new(), "rules"),
        (
            format!("{}, {}", rule("a", "{}", "r"), rule("a", "{}", "r")),
            "appears twice",
        ),
        (rule(" ", "{}", "r"), "name"),
        (rule("a", "{}", ""), "reason"),
        (rule("a", r#"{"min_balance": "-1"}"#, "r"), "min_balance"),
        (
            rule("a", r#"{"min_balance": "10", "max_balance": "5"}"#, "r"),
            "max_balance",
        ),
        (rule("a", r#"{"last_contact": []}"#, "r"), "last_contact"),
        (
            rule("a", r#"{"min_dayz_past_due": 3}"#, "r"),
            "unknown field",
        ),
        (
            r#"{"name": "a", "action": "sue", "reason": "r"}"#.to_string(),
            "sue",
        ),
    ];
    for (rules, expected) in cases {
        let json = format!(r#"{{"rules": [{rules}]}}"#);
        let err = serde_json::from_str::<TreatmentPolicy>(&json).expect_err(&json);
        assert!(err.to_string().contains(expected), "{json}: {err}");
    }
}

// ---------------------------------------------------------------------------------------------------
// Properties

fn arb_plan() -> impl Strategy<Value = (Vec<Promise>, NaiveDate)> {
    (
        0i64..2000,
        prop::collection::vec((1i64..45, 1i64..100_000), 1..40),
    )
        .prop_map(|(offset, steps)| {
            let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default()
                + chrono::Duration::days(offset);
            let mut day = start;
            let list = steps
                .into_iter()
                .map(|(gap, cents)| {
                    day += chrono::Duration::days(gap);
                    Promise::new(day, Decimal::new(cents, 2))
                })
                .collect();
            (list, start)
        })
}

/// Tracks a plan whose every promise is paid on its date, 60 days after the last one.
fn paid_on_time(list: &[Promise], start: NaiveDate, grace: u32) -> (Decimal, Tracking) {
    #![allow(clippy::unwrap_used)]
    let total: Decimal = list.iter().map(|p| p.amount).sum();
    let mut t = PlanTerms::new(Currency::USD, vec![Debt::new("x", total)], start);
    t.kept = KeptRule::new(grace, Tolerance::None).unwrap();
    let plan = Arrangement::from_promises(&t, None, list.to_vec()).unwrap();
    let paid: Vec<Payment> = list
        .iter()
        .map(|p| Payment {
            date: p.date,
            amount: p.amount,
        })
        .collect();
    let last = list.last().unwrap().date;
    let as_of = last + chrono::Duration::days(60);
    (
        total,
        track(&plan, &paid, as_of, &BreakRule::default()).unwrap(),
    )
}

fn scored(
    list: &[Promise],
    start: NaiveDate,
    rate: Decimal,
    hazard: Decimal,
) -> (Decimal, PlanScore) {
    #![allow(clippy::unwrap_used)]
    use collections_core::RoundingMode;
    let total: Decimal = list.iter().map(|p| p.amount).sum();
    let t = PlanTerms::new(Currency::USD, vec![Debt::new("x", total)], start);
    let plan = Arrangement::from_promises(&t, None, list.to_vec()).unwrap();
    let scorer = Scorer::new(rate, None, RoundingMode::HalfEven).unwrap();
    (
        total,
        scorer
            .score(&plan, &Probabilities::ConstantHazard(hazard))
            .unwrap(),
    )
}

/// Forecasts each plan alone and all together.
fn forecasts(
    plans: &[(Vec<Promise>, NaiveDate)],
    hazard: Decimal,
    period: ForecastPeriod,
) -> (Forecast, Vec<Forecast>) {
    #![allow(clippy::unwrap_used)]
    use collections_core::RoundingMode;
    let built: Vec<Arrangement> = plans
        .iter()
        .map(|(list, start)| {
            let total: Decimal = list.iter().map(|p| p.amount).sum();
            let t = PlanTerms::new(Currency::USD, vec![Debt::new("x", total)], *start);
            Arrangement::from_promises(&t, None, list.clone()).unwrap()
        })
        .collect();
    let p = Probabilities::ConstantHazard(hazard);
    let from = d("2021-06-01");
    let all = forecast(
        built.iter().map(|a| (a, &p)),
        from,
        period,
        RoundingMode::HalfUp,
    )
    .unwrap();
    let each = built
        .iter()
        .map(|a| forecast([(a, &p)], from, period, RoundingMode::HalfUp).unwrap())
        .collect();
    (all, each)
}

proptest! {
    #[test]
    fn a_portfolio_forecast_is_the_sum_of_its_plans(plans in prop::collection::vec(arb_plan(), 0..8), hazard in 0i64..=100, weekly in any::<bool>()) {
        let period = if weekly { ForecastPeriod::Weekly } else { ForecastPeriod::Monthly };
        let (all, each) = forecasts(&plans, Decimal::new(hazard, 2), period);
        let mut summed: std::collections::BTreeMap<NaiveDate, (u64, Decimal, Decimal)> = Default::default();
        for f in &each {
            for r in &f.rows {
                let e = summed.entry(r.period_start).or_default();
                *e = (e.0 + r.promises, e.1 + r.scheduled, e.2 + r.expected);
            }
        }
        for r in &all.rows {
            let e = summed.get(&r.period_start).copied().unwrap_or_default();
            prop_assert_eq!((r.promises, r.scheduled, r.expected), e, "{}", r.period_start);
        }
        // And no plan's period is missing from the portfolio's rows.
        let periods: std::collections::BTreeSet<NaiveDate> = all.rows.iter().map(|r| r.period_start).collect();
        prop_assert!(summed.iter().all(|(p, v)| v.0 == 0 || periods.contains(p)));
    }

    #[test]
    fn npv_at_a_zero_rate_is_the_total((list, start) in arb_plan(), hazard in 0i64..=100) {
        let (total, s) = scored(&list, start, Decimal::ZERO, Decimal::new(hazard, 2));
        prop_assert_eq!(s.npv, total);
        prop_assert_eq!(s.total, total);
        prop_assert_eq!(s.expected_npv, s.expected_value);
    }

    #[test]
    fn expected_value_is_between_zero_and_the_total((list, start) in arb_plan(), hazard in 0i64..=100, rate in 0i64..50) {
        let (total, s) = scored(&list, start, Decimal::new(rate, 2), Decimal::new(hazard, 2));
        prop_assert!(s.expected_value >= Decimal::ZERO && s.expected_value <= total);
        prop_assert!(s.expected_npv >= Decimal::ZERO && s.expected_npv <= s.npv);
        prop_assert!(s.npv <= total);
    }

    #[test]
    fn all_promises_paid_on_time_are_kept_and_completed((list, start) in arb_plan(), grace in 0u32..10) {
        let (total, tr) = paid_on_time(&list, start, grace);
        prop_assert!(tr.promises.iter().all(|p| p.status == PromiseStatus::Kept));
        prop_assert_eq!(tr.status, ArrangementStatus::Completed);
        prop_assert_eq!(tr.status_date, list.last().map(|p| p.date));
        prop_assert_eq!(tr.paid, total);
        prop_assert_eq!(tr.remaining, Decimal::ZERO);
    }
}
