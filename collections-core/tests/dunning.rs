//! Dunning runs: level selection at the boundaries, interest per level, grouping by customer.
//!
//! Every case runs as of 2026-03-01; days overdue = 2026-03-01 − due date.

use chrono::NaiveDate;
use collections_core::debt::dunning::*;
use collections_core::debt::late_interest::{DebtorKind, Statute};
use collections_core::Currency;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

const AS_OF: &str = "2026-03-01";

/// 1: reminder at 7 days + 3 grace, no fee; 2: final notice at 21 days, 5.00 and ERPNext interest at
/// 10%; 3: legal handover at 45 days for 100.00 or more, 40.00 and German B2B statutory interest.
fn policy() -> DunningPolicy {
    let mut reminder = DunningLevel::new(7, "reminder");
    reminder.grace_days = 3;
    let mut last = DunningLevel::new(21, "final notice");
    last.fee = dec("5.00");
    last.interest = Some(DunningInterest::ErpNext {
        annual_rate_percent: dec("10"),
    });
    let mut legal = DunningLevel::new(45, "legal handover");
    legal.fee = dec("40");
    legal.minimum_outstanding = dec("100");
    legal.interest = Some(DunningInterest::Statutory {
        statute: Statute::GermanyBgb288,
        debtor: DebtorKind::Business,
    });
    DunningPolicy::new(Currency::EUR, vec![reminder, last, legal])
        .expect("policy")
        .with_one_level_at_a_time(false)
}

fn invoice(id: &str, customer: &str, amount: &str, due: &str) -> Invoice {
    Invoice::new(id, customer, Currency::EUR, dec(amount), d(due))
}

fn pay(date: &str, amount: &str) -> Payment {
    Payment {
        date: d(date),
        amount: dec(amount),
        currency: Currency::EUR,
    }
}

/// (invoice, days overdue, outcome, level, fee, interest, total) with the arithmetic beside each.
#[allow(clippy::type_complexity)]
fn boundary_cases() -> Vec<(
    Invoice,
    i64,
    DunningOutcome,
    Option<u32>,
    &'static str,
    &'static str,
    &'static str,
)> {
    let mut paid_in_part = invoice("P-1", "C", "2000", "2026-01-15");
    paid_in_part.payments.push(pay("2026-02-04", "1000"));
    let mut blocked = invoice("B-1", "C", "500", "2025-12-31");
    blocked.blocked = true;
    let mut paid = invoice("F-1", "C", "500", "2025-12-31");
    paid.payments.push(pay("2026-01-05", "500"));
    vec![
        // 9 days: past level 1's 7 days but within its 3 grace days.
        (
            invoice("G-1", "C", "365", "2026-02-20"),
            9,
            DunningOutcome::NoLevelReached,
            None,
            "0.00",
            "0.00",
            "0.00",
        ),
        // 10 days = 7 + 3: level 1 exactly at its threshold plus grace; no fee, no interest.
        (
            invoice("G-2", "C", "365", "2026-02-19"),
            10,
            DunningOutcome::Notice,
            Some(1),
            "0.00",
            "0.00",
            "0.00",
        ),
        (
            invoice("G-3", "C", "365", "2026-02-09"),
            20,
            DunningOutcome::Notice,
            Some(1),
            "0.00",
            "0.00",
            "0.00",
        ),
        // 21 days, exactly level 2's threshold: 365 × 10 × 21 / 36500 = 2.10, + 5.00.
        (
            invoice("G-4", "C", "365", "2026-02-08"),
            21,
            DunningOutcome::Notice,
            Some(2),
            "5.00",
            "2.10",
            "7.10",
        ),
        // 45 days but 99.99 is below level 3's minimum of 100: level 2,
        // 99.99 × 10 × 45 / 36500 = 1.23274..., -> 1.23, + 5.00.
        (
            invoice("G-5", "C", "99.99", "2026-01-15"),
            45,
            DunningOutcome::Notice,
            Some(2),
            "5.00",
            "1.23",
            "6.23",
        ),
        // 45 days on 1,000: level 3, statutory from 2026-01-16 to 2026-03-01 inclusive (45 days) at
        // 1.27 + 9 = 10.27%: 1000 × 10.27 × 45 / 36500 = 12.6616... -> 12.66, + 40.00.
        (
            invoice("G-6", "C", "1000", "2026-01-15"),
            45,
            DunningOutcome::Notice,
            Some(3),
            "40.00",
            "12.66",
            "52.66",
        ),
        // 2,000 with 1,000 paid on 2026-02-04: 20 days on 2,000 (01-16..02-04), 25 on 1,000
        // (02-05..03-01): 10.27 × (40,000 + 25,000) / 36500 = 18.2890... -> 18.29, + 40.00.
        (
            paid_in_part,
            45,
            DunningOutcome::Notice,
            Some(3),
            "40.00",
            "18.29",
            "58.29",
        ),
        (
            blocked,
            60,
            DunningOutcome::Blocked,
            None,
            "0.00",
            "0.00",
            "0.00",
        ),
        (paid, 60, DunningOutcome::Paid, None, "0.00", "0.00", "0.00"),
        (
            invoice("N-1", "C", "100", AS_OF),
            0,
            DunningOutcome::NotOverdue,
            None,
            "0.00",
            "0.00",
            "0.00",
        ),
    ]
}

#[test]
fn level_selection_at_the_boundaries() {
    let cases = boundary_cases();
    let invoices: Vec<Invoice> = cases.iter().map(|c| c.0.clone()).collect();
    let run = dunning_run(&invoices, &policy(), d(AS_OF)).unwrap();
    assert_eq!(run.lines.len(), cases.len());
    for line in &run.lines {
        let (inv, days, outcome, level, fee, interest, total) = &cases[line.invoice_index];
        let got = (
            line.days_overdue,
            line.outcome,
            line.level,
            line.fee.to_string(),
            line.interest.to_string(),
            line.total.to_string(),
        );
        let want = (
            *days,
            *outcome,
            *level,
            fee.to_string(),
            interest.to_string(),
            total.to_string(),
        );
        assert_eq!(got, want, "{}", inv.id);
    }
    let by_id = |id: &str| {
        run.lines
            .iter()
            .find(|l| invoices[l.invoice_index].id == id)
            .unwrap()
    };
    assert_eq!(run.action(by_id("G-2")), Some("reminder"));
    assert_eq!(run.action(by_id("G-6")), Some("legal handover"));
    assert_eq!(run.action(by_id("G-1")), None);
    assert_eq!(by_id("P-1").outstanding.to_string(), "1000");
}

#[test]
fn one_level_at_a_time_caps_the_climb() {
    let policy = policy().with_one_level_at_a_time(true);
    let mut never_reminded = invoice("X-1", "C", "1000", "2026-01-15"); // 45 days
    let mut reminded = never_reminded.clone();
    reminded.id = "X-2".into();
    reminded.dunning_level = 1;
    let mut handed_over = never_reminded.clone();
    handed_over.id = "X-3".into();
    handed_over.dunning_level = 3;
    never_reminded.dunning_level = 0;
    let run = dunning_run(&[never_reminded, reminded, handed_over], &policy, d(AS_OF)).unwrap();
    let levels: Vec<_> = run.lines.iter().map(|l| (l.level, l.outcome)).collect();
    assert_eq!(
        levels,
        [
            (Some(1), DunningOutcome::Notice),
            (Some(2), DunningOutcome::Notice),
            (Some(3), DunningOutcome::AlreadyNotified)
        ]
    );
    // Level 2 on 1,000 for 45 days by ERPNext at 10%: 1000 × 10 × 45 / 36500 = 12.3287... -> 12.33.
    assert_eq!(run.lines[1].total.to_string(), "17.33");
}

#[test]
fn average_daily_balance_follows_payments() {
    let mut level = DunningLevel::new(1, "charge");
    level.interest = Some(DunningInterest::AverageDailyBalance {
        rate_percent: dec("1.5"),
        interest_period_days: 30,
    });
    let policy = DunningPolicy::new(Currency::EUR, vec![level]).unwrap();
    let mut inv = invoice("A-1", "C", "3000", "2026-01-01");
    inv.payments.push(pay("2026-01-21", "1000"));
    // 20 days at 3,000 and 27 days at 2,000: (60,000 + 54,000) × 1.5 / 3000 = 57.00.
    let run = dunning_run(&[inv], &policy, d("2026-02-17")).unwrap();
    assert_eq!(run.lines[0].interest.to_string(), "57.00");
}

#[test]
fn grouped_by_customer_in_a_fixed_order() {
    let invoices = vec![
        invoice("I-5", "bravo", "100", "2026-01-10"),
        invoice("I-2", "alpha", "365", "2026-02-08"),
        invoice("I-9", "charlie", "50", "2026-02-28"),
        invoice("I-1", "alpha", "365", "2026-02-08"),
        invoice("I-3", "alpha", "200", "2026-01-01"),
        invoice("I-4", "bravo", "80", "2026-03-10"),
    ];
    let run = dunning_run(&invoices, &policy(), d(AS_OF)).unwrap();
    let order: Vec<_> = run
        .lines
        .iter()
        .map(|l| invoices[l.invoice_index].id.as_str())
        .collect();
    // alpha by due date then id (I-1 and I-2 share a due date), then bravo, then charlie.
    assert_eq!(order, ["I-3", "I-1", "I-2", "I-5", "I-4", "I-9"]);
    let customers: Vec<_> = run
        .customers
        .iter()
        .map(|c| {
            (
                c.customer_id.as_str(),
                c.lines.clone(),
                c.totals.invoices,
                c.totals.notices,
            )
        })
        .collect();
    assert_eq!(
        customers,
        [
            ("alpha", 0..3, 3, 3),
            ("bravo", 3..5, 2, 1),
            ("charlie", 5..6, 1, 0)
        ]
    );
    // alpha: I-3 59 days on 200 (at least level 3's minimum of 100): level 3, statutory 59 days at
    // 10.27%: 200 × 10.27 × 59 / 36500 = 3.3201... -> 3.32 + 40.00; I-1 and I-2 21 days: 2.10 + 5.00
    // each. Fees 50.00, interest 7.52, total 57.52.
    let alpha = &run.customers[0].totals;
    assert_eq!(
        (
            alpha.outstanding.to_string(),
            alpha.fee.to_string(),
            alpha.interest.to_string(),
            alpha.total.to_string()
        ),
        ("930".into(), "50.00".into(), "7.52".into(), "57.52".into())
    );
    assert_eq!(run.customer_lines(&run.customers[1]).len(), 2);
    assert_eq!(run.totals.invoices, 6);
    // The same invoices in another order give the same run, but for the indices.
    let mut reversed = invoices.clone();
    reversed.reverse();
    let again = dunning_run(&reversed, &policy(), d(AS_OF)).unwrap();
    assert_eq!(again.customers, run.customers);
    assert_eq!(again.totals, run.totals);
}

#[test]
fn runs_serialize() {
    let run = dunning_run(
        &[invoice("I-1", "alpha", "365", "2026-02-08")],
        &policy(),
        d(AS_OF),
    )
    .unwrap();
    let json = serde_json::to_string(&run).unwrap();
    assert!(json.contains("\"outcome\":\"notice\""), "{json}");
    let back: DunningRun = serde_json::from_str(&json).unwrap();
    assert_eq!(back, run);
}

fn arb_invoices() -> impl Strategy<Value = Vec<Invoice>> {
    proptest::collection::vec(
        (
            0u8..5,
            1i64..500_000,
            0u64..120,
            proptest::collection::vec((0u64..120, 1i64..200_000), 0..3),
            0u32..3,
            any::<bool>(),
        ),
        0..40,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (customer, cents, due, payments, level, blocked))| {
                let due_date = d("2026-01-01") + chrono::Days::new(due);
                let mut inv = Invoice::new(
                    format!("I-{i}"),
                    format!("C-{customer}"),
                    Currency::EUR,
                    Decimal::new(cents, 2),
                    due_date,
                );
                let mut dates: Vec<_> = payments.into_iter().collect();
                dates.sort();
                inv.payments = dates
                    .into_iter()
                    .map(|(day, c)| Payment {
                        date: d("2025-12-15") + chrono::Days::new(day),
                        amount: Decimal::new(c, 2),
                        currency: Currency::EUR,
                    })
                    .collect();
                inv.dunning_level = level;
                inv.blocked = blocked && i % 7 == 0;
                inv
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn run_invariants(invoices in arb_invoices(), one_at_a_time in any::<bool>(), as_of_day in 0u64..181) {
        let policy = policy().with_one_level_at_a_time(one_at_a_time);
        let as_of = d("2026-01-01") + chrono::Days::new(as_of_day);
        let run = dunning_run(&invoices, &policy, as_of).unwrap();
        // Every invoice once.
        let mut seen: Vec<_> = run.lines.iter().map(|l| l.invoice_index).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..invoices.len()).collect::<Vec<_>>());
        // Ordered by customer, due date, id; customers cover the lines in order.
        let key = |l: &DunningLine| {
            let i = &invoices[l.invoice_index];
            (i.customer_id.clone(), i.due_date, i.id.clone())
        };
        prop_assert!(run.lines.windows(2).all(|w| key(&w[0]) < key(&w[1])));
        let mut next = 0;
        let mut sum = Decimal::ZERO;
        for c in &run.customers {
            prop_assert_eq!(c.lines.start, next);
            next = c.lines.end;
            sum += c.totals.total;
            prop_assert!(run.customer_lines(c).iter().all(|l| invoices[l.invoice_index].customer_id == c.customer_id));
        }
        prop_assert_eq!(next, run.lines.len());
        prop_assert_eq!(sum, run.totals.total);
        for l in &run.lines {
            prop_assert_eq!(l.total, l.fee + l.interest);
            prop_assert!(l.interest >= Decimal::ZERO && l.outstanding >= Decimal::ZERO);
            if l.outcome != DunningOutcome::Notice {
                prop_assert!(l.total.is_zero());
            }
            if let Some(level) = l.level {
                prop_assert!((1..=3).contains(&level));
                if one_at_a_time {
                    prop_assert!(level <= invoices[l.invoice_index].dunning_level + 1);
                }
            }
        }
    }
}

#[test]
fn statutory_interest_past_the_tables_names_as_of() {
    let inv = invoice("L-1", "C", "1000", "2026-05-01");
    let err = dunning_run(&[inv], &policy(), d("2026-07-01")).unwrap_err();
    assert_eq!(err.field(), "as_of");
    assert!(err.to_string().contains("2026-06-30"), "{err}");
    assert!(err.to_string().contains("invoice \"L-1\""), "{err}");
    // Before the first Basiszinssatz row: the due date is at fault.
    let old = invoice("O-1", "C", "1000", "2023-10-01");
    let err = dunning_run(&[old], &policy(), d("2024-01-31")).unwrap_err();
    assert_eq!(err.field(), "due_date");
    // A statute that cannot apply is refused with the policy, not in the middle of a run.
    let mut uk = DunningLevel::new(30, "uk");
    uk.interest = Some(DunningInterest::Statutory {
        statute: Statute::UkLatePayment1998,
        debtor: DebtorKind::Business,
    });
    let err = DunningPolicy::new(Currency::EUR, vec![uk]).unwrap_err();
    assert_eq!(err.field(), "currency");
}

#[test]
fn unverified_rates_are_reported_per_line() {
    // Due 2025-12-01, run 2026-02-01: 62 days, level 3. Statutory interest runs 30 days of 2025 H2
    // (base 1.27, marked U) and 32 days of 2026 H1 (1.27, V) at 10.27%:
    // 1000 × 10.27 × 62 / 36500 = 17.4449... -> 17.44.
    let inv = invoice("U-1", "C", "1000", "2025-12-01");
    let run = dunning_run(&[inv], &policy(), d("2026-02-01")).unwrap();
    let line = &run.lines[0];
    assert_eq!(
        (line.level, line.interest.to_string()),
        (Some(3), "17.44".into())
    );
    assert!(line.unverified_rate);
    let fresh = invoice("V-1", "C", "1000", "2026-01-01");
    let run = dunning_run(&[fresh], &policy(), d("2026-03-01")).unwrap();
    assert_eq!(run.lines[0].level, Some(3));
    assert!(!run.lines[0].unverified_rate);
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        (-5_000i64..5_000).prop_map(|days| d("2025-06-01") + chrono::TimeDelta::days(days)),
    ]
}

proptest! {
    #[test]
    fn no_input_panics(due in any_date(), as_of in any_date(), paid in any_date(), cents in -10i64..10_000_000, level in 0usize..4) {
        let mut policy_levels = policy().levels().to_vec();
        policy_levels.truncate(level.max(1));
        let mut p = DunningPolicy::new(Currency::EUR, policy_levels).unwrap();
        if level == 0 {
            p = p.with_one_level_at_a_time(true);
        }
        let mut inv = Invoice::new("I", "C", Currency::EUR, Decimal::new(cents, 2), due);
        inv.payments.push(Payment { date: paid, amount: Decimal::new(cents.abs() / 3 + 1, 2), currency: Currency::EUR });
        let _ = dunning_run(&[inv], &p, as_of);
        for statute in Statute::ALL {
            let currency = if statute == Statute::UkLatePayment1998 { Currency::GBP } else { Currency::EUR };
            if let Ok(claim) = collections_core::debt::late_interest::StatutoryClaim::new(
                statute, DebtorKind::Business, Decimal::new(cents, 2), currency, due, as_of) {
                let _ = claim.compute(&Default::default());
            }
        }
    }
}
