//! Statutory late-payment interest and the ERP formulas, worked by hand.
//!
//! Each case is a row of plain data (strings for amounts and dates) so it can move into a shared vector
//! file later; the arithmetic is in the comment above it. Days run from the day after the due date
//! through the `through` date, so days = through − due date; every amount is 100 × year basis in the
//! denominator: interest = Σ principal × rate% × days / 36500 (ACT/365F).

use chrono::NaiveDate;
use collections_core::debt::late_interest::*;
use collections_core::{Currency, DayCount, Money, RoundingMode};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

struct Case {
    name: &'static str,
    statute: &'static str,
    debtor: &'static str,
    principal: &'static str,
    currency: &'static str,
    due_date: &'static str,
    through: &'static str,
    margin_points: Option<&'static str>,
    obligation_date: Option<&'static str>,
    day_count: &'static str,
    rounding: &'static str,
    /// (from, to exclusive, days, rate %, year basis)
    segments: &'static [(&'static str, &'static str, i64, &'static str, u32)],
    interest: &'static str,
    fixed_compensation: Option<&'static str>,
    any_unverified: bool,
}

const CASES: &[Case] = &[
    // Germany B2B, EUR 10,000 overdue from 2025-03-15 to 2025-09-30 (exclusive), split at 2025-07-01:
    //   108 days × (2.27 + 9 = 11.27%) : 10000 × 11.27 × 108 = 12,171,600
    //    91 days × (1.27 + 9 = 10.27%) : 10000 × 10.27 ×  91 =  9,345,700
    //   21,517,300 / 36500 = 589.51506849... -> 589.52; EUR 40 flat fee (§288(5)); 2025 rows are U.
    Case {
        name: "de_b2b_across_half_year",
        statute: "de-bgb-288",
        debtor: "business",
        principal: "10000.00",
        currency: "EUR",
        due_date: "2025-03-14",
        through: "2025-09-29",
        margin_points: None,
        obligation_date: None,
        day_count: "ACT/365F",
        rounding: "half-up",
        segments: &[
            ("2025-03-15", "2025-07-01", 108, "11.27", 365),
            ("2025-07-01", "2025-09-30", 91, "10.27", 365),
        ],
        interest: "589.52",
        fixed_compensation: Some("40.00 EUR"),
        any_unverified: true,
    },
    // Germany consumer, EUR 2,500 due 2025-11-30, through 2026-02-15: the base rate is 1.27 in both
    // half-years, but the days still split at 2026-01-01 (the 2026 H1 row is V, 2025 H2 is U):
    //   31 days × 6.27% : 2500 × 6.27 × 31 = 485,925
    //   46 days × 6.27% : 2500 × 6.27 × 46 = 721,050
    //   1,206,975 / 36500 = 33.0678082... -> 33.07; no flat fee for consumers.
    Case {
        name: "de_consumer_across_year_end",
        statute: "de-bgb-288",
        debtor: "consumer",
        principal: "2500",
        currency: "EUR",
        due_date: "2025-11-30",
        through: "2026-02-15",
        margin_points: None,
        obligation_date: None,
        day_count: "ACT/365F",
        rounding: "half-up",
        segments: &[
            ("2025-12-01", "2026-01-01", 31, "6.27", 365),
            ("2026-01-01", "2026-02-16", 46, "6.27", 365),
        ],
        interest: "33.07",
        fixed_compensation: None,
        any_unverified: true,
    },
    // Germany B2B, obligation from before the 2014 reform: 8 points, no flat fee.
    //   30 days × (3.62 + 8 = 11.62%) : 3000 × 11.62 × 30 = 1,045,800 / 36500 = 28.6520547... -> 28.65
    Case {
        name: "de_b2b_obligation_before_2014_07_29",
        statute: "de-bgb-288",
        debtor: "business",
        principal: "3000",
        currency: "EUR",
        due_date: "2024-03-31",
        through: "2024-04-30",
        margin_points: None,
        obligation_date: Some("2014-06-01"),
        day_count: "ACT/365F",
        rounding: "half-up",
        segments: &[("2024-04-01", "2024-05-01", 30, "11.62", 365)],
        interest: "28.65",
        fixed_compensation: None,
        any_unverified: true,
    },
    // EU directive, EUR 8,000 due 2024-05-31, through 2024-08-31. The reference rate is fixed per
    // half-year: 4.50 in force on 2024-01-01 (the cut to 4.25 on 2024-06-12 waits for H2), 4.25 on
    // 2024-07-01:
    //   30 days × 12.50% : 8000 × 12.50 × 30 = 3,000,000
    //   62 days × 12.25% : 8000 × 12.25 × 62 = 6,076,000
    //   9,076,000 / 36500 = 248.6575342... -> 248.66; EUR 40; all ECB rows are V.
    Case {
        name: "eu_rate_fixed_per_half_year",
        statute: "eu-2011-7",
        debtor: "business",
        principal: "8000",
        currency: "EUR",
        due_date: "2024-05-31",
        through: "2024-08-31",
        margin_points: None,
        obligation_date: None,
        day_count: "ACT/365F",
        rounding: "half-up",
        segments: &[
            ("2024-06-01", "2024-07-01", 30, "12.50", 365),
            ("2024-07-01", "2024-09-01", 62, "12.25", 365),
        ],
        interest: "248.66",
        fixed_compensation: Some("40.00 EUR"),
        any_unverified: false,
    },
    // EU, margin 9 points, ACT/ACT ISDA across the 2024/2025 year end:
    //   16 days of 2024 (366) × (4.25 + 9 = 13.25%) : 1000 × 13.25 × 16 = 212,000 / 36600
    //   20 days of 2025 (365) × (3.15 + 9 = 12.15%) : 1000 × 12.15 × 20 = 243,000 / 36500
    //   (243,000 × 366 + 212,000 × 365) / (100 × 365 × 366) = 166,318,000 / 13,359,000
    //   = 12.4498839... -> 12.45
    Case {
        name: "eu_margin_9_act_act_isda",
        statute: "eu-2011-7",
        debtor: "business",
        principal: "1000",
        currency: "EUR",
        due_date: "2024-12-15",
        through: "2025-01-20",
        margin_points: Some("9"),
        obligation_date: None,
        day_count: "ACT/ACT ISDA",
        rounding: "half-up",
        segments: &[
            ("2024-12-16", "2025-01-01", 16, "13.25", 366),
            ("2025-01-01", "2025-01-21", 20, "12.15", 365),
        ],
        interest: "12.45",
        fixed_compensation: Some("40.00 EUR"),
        any_unverified: false,
    },
    // EU, a true half cent: 73 days × 12.50% on EUR 100.20 = 100.20 × 12.5 × 73 / 36500 = 2.505
    // exactly: half-even gives 2.50 (half-up would give 2.51, the next case).
    Case {
        name: "eu_tie_half_even",
        statute: "eu-2011-7",
        debtor: "business",
        principal: "100.20",
        currency: "EUR",
        due_date: "2023-12-31",
        through: "2024-03-13",
        margin_points: None,
        obligation_date: None,
        day_count: "ACT/365F",
        rounding: "half-even",
        segments: &[("2024-01-01", "2024-03-14", 73, "12.50", 365)],
        interest: "2.50",
        fixed_compensation: Some("40.00 EUR"),
        any_unverified: false,
    },
    Case {
        name: "eu_tie_half_up",
        statute: "eu-2011-7",
        debtor: "business",
        principal: "100.20",
        currency: "EUR",
        due_date: "2023-12-31",
        through: "2024-03-13",
        margin_points: None,
        obligation_date: None,
        day_count: "ACT/365F",
        rounding: "half-up",
        segments: &[("2024-01-01", "2024-03-14", 73, "12.50", 365)],
        interest: "2.51",
        fixed_compensation: Some("40.00 EUR"),
        any_unverified: false,
    },
    // UK, GBP 12,000 due 2024-08-15 (H2 2024: Bank Rate 5.25 on 30 June) paid 2025-03-03: the rate
    // stays 13.25% for the life of the debt, across the year end and the 2025 cuts:
    //   200 days : 12000 × 13.25 × 200 = 31,800,000 / 36500 = 871.2328767... -> 871.23; GBP 100 (10,000+).
    Case {
        name: "uk_fixed_for_life_of_debt",
        statute: "uk-late-payment-1998",
        debtor: "business",
        principal: "12000",
        currency: "GBP",
        due_date: "2024-08-15",
        through: "2025-03-03",
        margin_points: None,
        obligation_date: None,
        day_count: "ACT/365F",
        rounding: "half-up",
        segments: &[("2024-08-16", "2025-03-04", 200, "13.25", 365)],
        interest: "871.23",
        fixed_compensation: Some("100.00 GBP"),
        any_unverified: false,
    },
    // UK, GBP 750 due 2026-01-10 (H1 2026: 3.75, marked U), 30 days at 11.75%:
    //   750 × 11.75 × 30 = 264,375 / 36500 = 7.2431506... -> 7.24; GBP 40 (under 1,000).
    Case {
        name: "uk_small_debt",
        statute: "uk-late-payment-1998",
        debtor: "business",
        principal: "750",
        currency: "GBP",
        due_date: "2026-01-10",
        through: "2026-02-09",
        margin_points: None,
        obligation_date: None,
        day_count: "ACT/365F",
        rounding: "half-up",
        segments: &[("2026-01-11", "2026-02-10", 30, "11.75", 365)],
        interest: "7.24",
        fixed_compensation: Some("40.00 GBP"),
        any_unverified: true,
    },
];

fn claim_of(case: &Case) -> StatutoryClaim {
    let mut claim = StatutoryClaim::new(
        case.statute.parse().expect("statute"),
        case.debtor.parse().expect("debtor"),
        dec(case.principal),
        Currency::from_code(case.currency).expect("currency"),
        d(case.due_date),
        d(case.through),
    )
    .expect("claim");
    claim.margin_points = case.margin_points.map(dec);
    claim.obligation_date = case.obligation_date.map(d);
    claim.day_count = Some(case.day_count.parse::<DayCount>().expect("day count"));
    claim.rounding = case.rounding.parse().expect("rounding");
    claim
}

#[test]
fn statutory_cases_worked_by_hand() {
    let tables = StatutoryTables::default();
    for case in CASES {
        let result = claim_of(case).compute(&tables).expect(case.name);
        assert_eq!(result.interest.to_string(), case.interest, "{}", case.name);
        let segments: Vec<_> = result
            .segments
            .iter()
            .map(|s| {
                (
                    s.from.to_string(),
                    s.to.to_string(),
                    s.days,
                    s.rate_percent.to_string(),
                    s.year_basis,
                )
            })
            .collect();
        let expected: Vec<_> = case
            .segments
            .iter()
            .map(|&(f, t, days, rate, basis)| {
                (f.to_string(), t.to_string(), days, rate.to_string(), basis)
            })
            .collect();
        assert_eq!(segments, expected, "{}", case.name);
        assert_eq!(
            result.fixed_compensation.map(|m| m.to_string()).as_deref(),
            case.fixed_compensation,
            "{}",
            case.name
        );
        assert_eq!(result.any_unverified, case.any_unverified, "{}", case.name);
        assert_eq!(
            result.days,
            case.segments.iter().map(|s| s.2).sum::<i64>(),
            "{}",
            case.name
        );
    }
}

#[test]
fn breakdown_reports_rows_and_marks() {
    let result = claim_of(&CASES[0])
        .compute(&StatutoryTables::default())
        .unwrap();
    let rows: Vec<_> = result
        .segments
        .iter()
        .map(|s| {
            (
                s.reference.effective_from.to_string(),
                s.reference.percent.to_string(),
                s.reference.verification.mark(),
                s.margin_points.to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "2025-01-01".to_string(),
                "2.27".to_string(),
                'U',
                "9".to_string()
            ),
            (
                "2025-07-01".to_string(),
                "1.27".to_string(),
                'U',
                "9".to_string()
            )
        ]
    );
    // The exact fraction of the comment above.
    assert_eq!(
        (result.numerator, result.denominator),
        (dec("21517300.0000"), dec("36500"))
    );
    assert_eq!(result.unrounded().round_dp(8).to_string(), "589.51506849");
    let json = serde_json::to_string(&result).unwrap();
    assert!(json.contains("\"statute\":\"de-bgb-288\""), "{json}");
    assert!(json.contains("\"verification\":\"unverified\""), "{json}");
}

#[test]
fn user_rows_extend_the_tables() {
    // EU interest in 2026 H1 needs the ECB rate on 2026-01-01, after the built-in table's last date.
    let case = &CASES[3];
    let mut claim = claim_of(case);
    claim.due_date = d("2025-12-31");
    claim.from = d("2026-01-01");
    claim.to = d("2026-02-01");
    let mut tables = StatutoryTables::default();
    let err = claim.compute(&tables).unwrap_err();
    assert_eq!(err.field(), "from");
    assert!(err.to_string().contains("2026-01-01"), "{err}");
    tables.ecb.extend_through(d("2026-06-30")).unwrap();
    // 31 days × (2.15 + 8 = 10.15%): 8000 × 10.15 × 31 = 2,517,200 / 36500 = 68.96438... -> 68.96
    assert_eq!(
        claim.compute(&tables).unwrap().interest.to_string(),
        "68.96"
    );
}

// ERPNext: 2,345.67 outstanding, 9.5% a year, due 2025-10-01, dunning posted 2025-11-20 (50 days):
//   2345.67 × 9.5 × 50 / 36500 = 1,114,193.25 / 36500 = 30.5258424... -> 30.53; + 7.50 fee = 38.03;
//   two earlier dunnings -> level 3.
#[test]
fn erpnext_formula() {
    let r = erpnext_dunning(
        Money::new(dec("2345.67"), Currency::EUR),
        dec("9.5"),
        d("2025-10-01"),
        d("2025-11-20"),
        dec("7.50"),
        2,
        RoundingMode::HalfUp,
    )
    .unwrap();
    assert_eq!(r.overdue_days, 50);
    assert_eq!(r.interest.to_string(), "30.53");
    assert_eq!(r.dunning_amount.to_string(), "38.03");
    assert_eq!(r.level, 3);
}

// Business Central "balance due": 1,234.56 × 1.5 / 100 = 18.5184 -> 18.52, + 2.50 fee = 21.02, once
// past a 10-day grace period (due 2026-01-01: nothing on 2026-01-11, the charge on 2026-01-12).
#[test]
fn business_central_balance_due() {
    let mut terms = FinanceChargeTerms::new(FinanceChargeMethod::BalanceDue, dec("1.5"), 30);
    terms.grace_days = 10;
    terms.additional_fee = dec("2.50");
    let remaining = Money::new(dec("1234.56"), Currency::USD);
    let within = terms
        .charge(
            remaining,
            d("2026-01-01"),
            d("2026-01-11"),
            RoundingMode::HalfUp,
        )
        .unwrap();
    assert!(!within.charged);
    assert_eq!(within.total.to_string(), "0.00");
    let past = terms
        .charge(
            remaining,
            d("2026-01-01"),
            d("2026-01-12"),
            RoundingMode::HalfUp,
        )
        .unwrap();
    assert_eq!(
        (past.interest.to_string(), past.total.to_string()),
        ("18.52".into(), "21.02".into())
    );
}

// Business Central "average daily balance": 1,000.00 outstanding 40 days and 250.50 for 12 days at 2%
// per 30-day period: (40,000 + 3,006) / 30 × 2 / 100 = 86,012 / 3000 = 28.670666... -> 28.67.
// One entry: 3,000 for 47 days at 1.5% per 30 days = 141,000 × 1.5 / 3000 = 70.50; with a minimum of
// 75.00 nothing is charged.
#[test]
fn business_central_average_daily_balance() {
    let items = [(dec("1000.00"), 40), (dec("250.50"), 12)];
    let i =
        average_daily_balance_interest(&items, dec("2"), 30, Currency::EUR, RoundingMode::HalfUp)
            .unwrap();
    assert_eq!(i.to_string(), "28.67");
    let mut terms =
        FinanceChargeTerms::new(FinanceChargeMethod::AverageDailyBalance, dec("1.5"), 30);
    let remaining = Money::new(dec("3000"), Currency::EUR);
    let c = terms
        .charge(
            remaining,
            d("2026-01-01"),
            d("2026-02-17"),
            RoundingMode::HalfUp,
        )
        .unwrap();
    assert_eq!(
        (c.days_overdue, c.interest.to_string()),
        (47, "70.50".into())
    );
    terms.minimum_amount = dec("75.00");
    let c = terms
        .charge(
            remaining,
            d("2026-01-01"),
            d("2026-02-17"),
            RoundingMode::HalfUp,
        )
        .unwrap();
    assert!(!c.charged);
}

fn arb_claim() -> impl Strategy<Value = StatutoryClaim> {
    // Dates inside the built-in tables: 2024-01-01 .. 2025-12-22 for all three laws.
    let start = d("2024-01-01");
    (
        0usize..3,
        any::<bool>(),
        1i64..100_000_000,
        0u64..700,
        0u64..700,
        0usize..3,
    )
        .prop_map(move |(law, consumer, cents, offset, length, dc)| {
            let statute = Statute::ALL[law];
            let debtor = if consumer && statute == Statute::GermanyBgb288 {
                DebtorKind::Consumer
            } else {
                DebtorKind::Business
            };
            let currency = match statute {
                Statute::UkLatePayment1998 => Currency::GBP,
                _ => Currency::EUR,
            };
            let due = start + chrono::Days::new(offset.min(715));
            let through = (due + chrono::Days::new(length)).min(d("2025-12-21"));
            let mut claim = StatutoryClaim::new(
                statute,
                debtor,
                Decimal::new(cents, 2),
                currency,
                due,
                through.max(due),
            )
            .expect("claim");
            claim.day_count = Some(
                [
                    DayCount::Act365Fixed,
                    DayCount::Act360,
                    DayCount::ActActIsda,
                ][dc],
            );
            claim
        })
}

/// n1/d1 + n2/d2 == n/d, exactly.
fn fractions_add_up(parts: &[(Decimal, Decimal)], whole: (Decimal, Decimal)) -> bool {
    let (mut n, mut den) = (Decimal::ZERO, Decimal::ONE);
    for &(pn, pd) in parts {
        // n/den + pn/pd = (n × pd + pn × den) / (den × pd); the denominators are 36000, 36500,
        // 36600 or 13,359,000, so the products stay far inside Decimal's range.
        n = n * pd + pn * den;
        den *= pd;
    }
    n * whole.1 == whole.0 * den
}

proptest! {
    #[test]
    fn interest_is_never_negative(claim in arb_claim()) {
        let r = claim.compute(&StatutoryTables::default()).unwrap();
        prop_assert!(r.interest >= Decimal::ZERO);
        prop_assert!(r.numerator >= Decimal::ZERO);
        prop_assert!(r.segments.iter().all(|s| s.interest >= Decimal::ZERO && s.days > 0));
        prop_assert_eq!(r.segments.iter().map(|s| s.days).sum::<i64>(), r.days);
    }

    #[test]
    fn splitting_the_period_keeps_the_exact_total(claim in arb_claim(), cut in 0i64..700) {
        let tables = StatutoryTables::default();
        let whole = claim.compute(&tables).unwrap();
        let span = (claim.to - claim.from).num_days();
        let at = claim.from + chrono::Days::new(u64::try_from(cut.min(span)).unwrap());
        let first = StatutoryClaim { to: at, ..claim.clone() }.compute(&tables).unwrap();
        let second = StatutoryClaim { from: at, ..claim.clone() }.compute(&tables).unwrap();
        prop_assert!(fractions_add_up(
            &[(first.numerator, first.denominator), (second.numerator, second.denominator)],
            (whole.numerator, whole.denominator),
        ));
        // Rounded once at the end: the parts' rounded sum is within a cent of the whole.
        prop_assert!((first.interest + second.interest - whole.interest).abs() <= dec("0.01"));
    }

    #[test]
    fn more_days_never_less_interest(claim in arb_claim(), extra in 0u64..30) {
        let tables = StatutoryTables::default();
        let shorter = claim.compute(&tables).unwrap();
        let to = (claim.to + chrono::Days::new(extra)).min(d("2025-12-22"));
        let longer = StatutoryClaim { to: to.max(claim.to), ..claim }.compute(&tables).unwrap();
        prop_assert!(longer.interest >= shorter.interest);
    }

    #[test]
    fn erpnext_matches_statute_free_formula(cents in 1i64..1_000_000_000, rate in 0i64..3000, days in -30i64..2000) {
        let due = d("2025-01-01");
        let posting = due + chrono::TimeDelta::days(days);
        let r = erpnext_dunning(Money::new(Decimal::new(cents, 2), Currency::EUR), Decimal::new(rate, 2),
            due, posting, Decimal::ZERO, 0, RoundingMode::HalfUp).unwrap();
        let exact = Decimal::new(cents, 2) * Decimal::new(rate, 2) * Decimal::from(days.max(0)) / Decimal::from(36500);
        prop_assert_eq!(r.interest, exact.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero));
        prop_assert!(r.interest >= Decimal::ZERO);
    }
}
