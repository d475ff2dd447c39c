//! Affordability, on cases worked by hand: monthly conversion for every frequency, the IRS Collection
//! Financial Standards (../shared/reference/irs-collection-standards.md) for several household sizes and
//! both age bands, each guideline rule, the contingency allowance, fair-share rounding, plan
//! recommendations, and bad input.

use chrono::NaiveDate;
use collections_core::affordability::*;
use collections_core::{Currency, Frequency, RoundingMode};
use proptest::prelude::*;
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

fn item(c: Category, amount: &str, f: Frequency) -> Item {
    #![allow(clippy::unwrap_used)]
    Item::new(c, m(amount), f).unwrap()
}

fn monthly(c: Category, amount: &str) -> Item {
    item(c, amount, Frequency::Monthly)
}

fn statement(date: &str, household: Household, items: Vec<Item>) -> Statement {
    #![allow(clippy::unwrap_used)]
    Statement::new(d(date), Currency::USD, household, items).unwrap()
}

fn irs(s: &Statement) -> Assessment {
    #![allow(clippy::unwrap_used)]
    assess(s, Some(&Guidelines::irs()), &AssessmentPolicy::default()).unwrap()
}

fn used<'a>(a: &'a Assessment, guideline: &str) -> &'a GuidelineUse {
    #![allow(clippy::unwrap_used)]
    a.guidelines
        .iter()
        .find(|g| g.guideline == guideline)
        .unwrap()
}

#[test]
fn every_frequency_to_monthly() {
    #![allow(clippy::unwrap_used)]
    // ../shared/reference/affordability.md: weekly x 52 / 12, fortnightly x 26 / 12, four-weekly x 13 /
    // 12 (50 four-weekly is 54.17), semi-monthly x 2, quarterly x 4 / 12, annual / 12.
    let cases = [
        ("50", "weekly", "216.67"),       // 2,600 / 12 = 216.666...
        ("100", "fortnightly", "216.67"), // 2,600 / 12
        ("50", "four-weekly", "54.17"),   // 650 / 12 = 54.1666...
        ("100", "semi-monthly", "200.00"),
        ("100", "monthly", "100.00"),
        ("300", "quarterly", "100.00"),
        ("100", "quarterly", "33.33"), // 400 / 12 = 33.333...
        ("1000", "annual", "83.33"),   // 83.333...
        ("90", "bimonthly", "45.00"),
    ];
    for (amount, freq, expected) in cases {
        let f = Frequency::from_str(freq).unwrap();
        let got = to_monthly(m(amount), f, Currency::GBP, RoundingMode::HalfUp).unwrap();
        assert_eq!(got.to_string(), expected, "{amount} {freq}");
    }
    // The rounding is named: 50 a week is 216.67 half-up and 216.66 rounded down (both appear in
    // published SFS examples).
    let weekly = |mode| to_monthly(m("50"), Frequency::Weekly, Currency::GBP, mode).unwrap();
    assert_eq!(weekly(RoundingMode::Down), m("216.66"));
    assert_eq!(weekly(RoundingMode::HalfEven), m("216.67"));
    // A statement totals the rounded monthly amounts of each item.
    let s = Statement::with_rounding(
        d("2025-06-01"),
        Currency::GBP,
        Household::new(1, 0, 0).unwrap(),
        vec![
            item(Category::Earnings, "50", Frequency::Weekly),
            item(Category::Earnings, "50", Frequency::Weekly),
        ],
        RoundingMode::Down,
    )
    .unwrap();
    assert_eq!(s.monthly(Category::Earnings), m("433.32"));
}

#[test]
fn irs_national_standards_by_household_size() {
    // 2025 (effective 2025-04-21): 839 / 1,481 / 1,753 / 2,129, and 394 for each person over four.
    let cases = [
        (1, 0, "839"),
        (2, 0, "1481"),
        (2, 1, "1753"),
        (2, 2, "2129"),
        (2, 4, "2917"),
    ];
    for (adults, children, expected) in cases {
        #[allow(clippy::unwrap_used)]
        let h = Household::new(adults, children, 0)
            .unwrap()
            .with_vehicles(1);
        let a = irs(&statement(
            "2025-06-01",
            h,
            vec![monthly(Category::FoodAndHousekeeping, "400")],
        ));
        let n = used(&a, "national_standards");
        assert_eq!(
            n.standard,
            m(expected),
            "{adults} adults {children} children"
        );
        assert_eq!(n.rule, Rule::AllowedInFull);
        // Allowed in full: the standard, though 400 was spent.
        assert_eq!(n.allowed, m(expected));
        assert_eq!(a.table.as_deref(), Some("irs-2025"));
        // Every figure reads as money, in cents, even the table's whole dollars and empty sections.
        assert_eq!(n.standard.to_string(), format!("{expected}.00"));
        assert_eq!(n.allowed.to_string(), format!("{expected}.00"));
        assert_eq!(a.income.to_string(), "0.00");
        assert_eq!(a.savings.to_string(), "0.00");
        assert_eq!(a.contingency.to_string(), "0.00");
        assert_eq!(a.max_affordable_payment().to_string(), "0.00");
    }
    // 2024 (effective 2024-04-22): 808 for one person, 2,027 + 386 for a household of five.
    #[allow(clippy::unwrap_used)]
    let five = Household::new(2, 3, 0).unwrap().with_vehicles(1);
    let a = irs(&statement("2025-01-15", five, vec![]));
    assert_eq!(used(&a, "national_standards").standard, m("2413"));
    assert_eq!(a.table.as_deref(), Some("irs-2024"));
    assert_eq!(used(&a, "national_standards").marks, vec!["U".to_string()]);
}

#[test]
fn irs_health_care_by_age_band() {
    #![allow(clippy::unwrap_used)]
    // 2025: 84 a person under 65, 149 aged 65 or over; 2024: 83 and 158.
    let h = Household::new(2, 1, 0)
        .unwrap()
        .with_aged_65_or_over(1)
        .unwrap()
        .with_vehicles(1);
    let spent = vec![monthly(Category::HealthCare, "500")];
    let a = irs(&statement("2025-06-01", h.clone(), spent.clone()));
    let hc = used(&a, "out_of_pocket_health_care");
    assert_eq!(hc.standard, m("317")); // 2 x 84 + 149
    assert_eq!(hc.allowed, m("317"));
    assert!(a
        .flags
        .iter()
        .any(|f| f.guideline == "out_of_pocket_health_care"
            && f.kind == FlagKind::UnusuallyHigh
            && f.difference == m("183")));
    assert_eq!(
        hc.derivation,
        "2 person_under_65 x 84 + 1 person_65_or_over x 149"
    );
    let a = irs(&statement("2024-06-01", h, spent.clone()));
    assert_eq!(used(&a, "out_of_pocket_health_care").standard, m("324")); // 2 x 83 + 158
                                                                          // Nobody aged 65 or over: the row still says what a person of that band is allowed.
    let young = Household::new(1, 0, 0).unwrap();
    let a = irs(&statement("2025-06-01", young, spent));
    assert_eq!(
        used(&a, "out_of_pocket_health_care").derivation,
        "1 person_under_65 x 84 + 0 person_65_or_over x 149"
    );
    // Past four people the national standard adds 394 a person: 2129 + 2 x 394 = 2917.
    let six = Household::new(2, 4, 0).unwrap();
    let a = irs(&statement("2025-06-01", six, vec![]));
    assert_eq!(
        used(&a, "national_standards").derivation,
        "1 household x (2129 + 2 x 394)"
    );
}

#[test]
fn irs_transportation_lesser_of_and_public_transport() {
    #![allow(clippy::unwrap_used)]
    // Ownership: the lesser of the loan payment and 662 per vehicle, at most two (one for a single
    // person). Operating: the lesser of actual and the regional standard per vehicle (South 281).
    let couple = Household::new(2, 0, 0)
        .unwrap()
        .with_vehicles(3)
        .with_region("South");
    let a = irs(&statement(
        "2025-06-01",
        couple,
        vec![
            monthly(Category::VehicleOwnership, "1500"),
            monthly(Category::VehicleOperating, "400"),
            monthly(Category::PublicTransport, "50"),
        ],
    ));
    assert_eq!(used(&a, "vehicle_ownership").allowed, m("1324")); // 2 x 662 < 1,500
    assert_eq!(used(&a, "vehicle_operating").allowed, m("400")); // 400 < 2 x 281
    assert_eq!(used(&a, "public_transportation").allowed, m("50")); // lesser of 50 and 244
    let single = Household::new(1, 0, 0)
        .unwrap()
        .with_vehicles(2)
        .with_region("west");
    let a = irs(&statement(
        "2025-06-01",
        single,
        vec![
            monthly(Category::VehicleOwnership, "500"),
            monthly(Category::VehicleOperating, "400"),
        ],
    ));
    assert_eq!(used(&a, "vehicle_ownership").allowed, m("500")); // 500 < 662 (one vehicle)
    assert_eq!(used(&a, "vehicle_operating").allowed, m("297")); // West, one vehicle
                                                                 // No vehicle: public transportation allowed in full, whatever was spent.
    let a = irs(&statement(
        "2025-06-01",
        Household::new(1, 0, 0).unwrap(),
        vec![monthly(Category::PublicTransport, "30")],
    ));
    let pt = used(&a, "public_transportation");
    assert_eq!((pt.rule, pt.allowed), (Rule::AllowedInFull, m("244")));
    // Without a region, operating costs have no row: noted, and spending is allowed as stated.
    let a = irs(&statement(
        "2025-06-01",
        Household::new(1, 0, 0).unwrap().with_vehicles(1),
        vec![monthly(Category::VehicleOperating, "350")],
    ));
    assert!(a
        .guidelines
        .iter()
        .all(|g| g.guideline != "vehicle_operating"));
    assert!(a
        .lines
        .iter()
        .any(|l| l.kind == LineKind::Note && l.label == "vehicle_operating"));
}

#[test]
fn disposable_income_with_trigger_figures_and_contingency() {
    #![allow(clippy::unwrap_used)]
    // A user's SFS-style trigger table (figures invented for the test, as the real ones are licensed):
    // food and housekeeping 400 for one adult, communications and leisure 100.
    let csv = "table,effective,guideline,categories,rule,unit,amount,adults,children,mark\n\
               sfs,2025-04-07,food,food_and_housekeeping,trigger,household,400,1,0,\n\
               sfs,2025-04-07,comms,communications_and_leisure,trigger,household,100,1,0,\n";
    let g = Guidelines::from_csv(csv).unwrap();
    let s = Statement::new(
        d("2025-06-01"),
        Currency::GBP,
        Household::new(1, 0, 0).unwrap(),
        vec![
            item(Category::Earnings, "400", Frequency::Weekly), // 1,733.33
            item(Category::Benefits, "100", Frequency::FourWeekly), // 108.33
            monthly(Category::Housing, "650"),
            monthly(Category::FoodAndHousekeeping, "480"),
            monthly(Category::CommunicationsAndLeisure, "40"),
            monthly(Category::SavingsContribution, "20"),
            monthly(Category::PriorityDebtPayments, "75"),
        ],
    )
    .unwrap();
    let policy = AssessmentPolicy::default().with_contingency(Contingency::common_financial_tool());
    let a = assess(&s, Some(&g), &policy).unwrap();
    assert_eq!(a.income, m("1841.66"));
    // Trigger figures allow what was spent: 650 + 480 + 40.
    assert_eq!(a.allowable_expenditure, m("1170"));
    // 1,841.66 - 1,170 - 20 - 75 = 576.66; 10% is 57.67, capped at 20.
    assert_eq!(a.surplus, m("576.66"));
    assert_eq!(a.contingency, m("20"));
    assert_eq!(a.disposable_income, m("556.66"));
    // Food 80 over its trigger (flagged high); communications 40 is below half of 100 (flagged low).
    let kinds: Vec<(&str, FlagKind, Decimal)> = a
        .flags
        .iter()
        .map(|f| (f.guideline.as_str(), f.kind, f.difference))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("food", FlagKind::UnusuallyHigh, m("80")),
            ("comms", FlagKind::UnusuallyLow, m("-60"))
        ]
    );
    // Every figure is explained.
    let line = a.lines.iter().find(|l| l.label == "surplus").unwrap();
    assert_eq!(
        line.derivation,
        "income 1841.66 - allowable expenditure 1170.00 - savings 20.00 - debt administration fee 0.00 - priority debts 75.00 = 576.66"
    );
    // The ratios.
    assert_eq!(
        a.affordability_ratio(m("278.33"))
            .unwrap()
            .map(|r| r.round_dp(4)),
        Some(m("0.5000"))
    );
    assert_eq!(
        a.debt_to_income(m("75")).unwrap().map(|r| r.round_dp(4)),
        Some(m("0.0407"))
    );
    // A small surplus: 10% of 150.00 is 15.00, under the cap.
    let small = Statement::new(
        d("2025-06-01"),
        Currency::GBP,
        Household::new(1, 0, 0).unwrap(),
        vec![
            monthly(Category::Earnings, "1000"),
            monthly(Category::Housing, "850"),
        ],
    )
    .unwrap();
    let a = assess(&small, None, &policy).unwrap();
    assert_eq!(
        (a.contingency, a.disposable_income),
        (m("15.00"), m("135.00"))
    );
}

#[test]
fn fair_share_rounding_tokens_and_minimum() {
    #![allow(clippy::unwrap_used)]
    let creditors = |balances: &[&str]| -> Vec<Creditor> {
        balances
            .iter()
            .enumerate()
            .map(|(i, b)| Creditor::new(format!("C{i}"), m(b)))
            .collect()
    };
    let amounts =
        |f: &FairShare| -> Vec<String> { f.offers.iter().map(|o| o.amount.to_string()).collect() };
    // 100.00 among three equal debts: 33.33 each and the cent left to the first (equal remainders).
    let f = fair_share(
        m("100"),
        Currency::GBP,
        &creditors(&["500", "500", "500"]),
        &OfferPolicy::default(),
    )
    .unwrap();
    assert_eq!(amounts(&f), ["33.34", "33.33", "33.33"]);
    // 50.00 by 1,000 / 2,500 / 3,500 (7,000): 7.142857.., 17.857142.., 25.00: the cent to the largest
    // remainder (17.857 -> 17.86).
    let f = fair_share(
        m("50"),
        Currency::GBP,
        &creditors(&["1000", "2500", "3500"]),
        &OfferPolicy::default(),
    )
    .unwrap();
    assert_eq!(amounts(&f), ["7.14", "17.86", "25.00"]);
    assert_eq!(f.total, m("50"));
    // No surplus: a token of 2.00 each.
    let policy = OfferPolicy {
        token_payment: m("2"),
        minimum: Decimal::ZERO,
    };
    let f = fair_share(
        m("-35.10"),
        Currency::GBP,
        &creditors(&["10", "20"]),
        &policy,
    )
    .unwrap();
    assert!(f.no_surplus);
    assert_eq!(amounts(&f), ["2.00", "2.00"]);
    // Minimum 5.00: 40.00 by 100 / 900 / 9,000 gives 0.40 and 3.60 (both below) then 38.00 to the last
    // after two tokens of 1.00.
    let policy = OfferPolicy {
        token_payment: m("1"),
        minimum: m("5"),
    };
    let f = fair_share(
        m("40"),
        Currency::GBP,
        &creditors(&["100", "900", "9000"]),
        &policy,
    )
    .unwrap();
    assert_eq!(amounts(&f), ["1.00", "1.00", "38.00"]);
    assert_eq!(f.offers[0].basis, OfferBasis::Token);
    // Everyone below the minimum and the tokens would take it all: the minimum is set aside.
    let f = fair_share(m("2"), Currency::GBP, &creditors(&["100", "300"]), &policy).unwrap();
    assert!(f.minimum_set_aside);
    assert_eq!(amounts(&f), ["0.50", "1.50"]);
}

#[test]
fn recommendations_and_fallbacks() {
    #![allow(clippy::unwrap_used)]
    let s = Statement::new(
        d("2025-06-01"),
        Currency::USD,
        Household::new(1, 0, 0).unwrap(),
        vec![
            monthly(Category::Earnings, "2000"),
            monthly(Category::Housing, "1700"),
        ],
    )
    .unwrap();
    let a = assess(&s, None, &AssessmentPolicy::default()).unwrap(); // 300.00
                                                                     // IRS streamlined: 9,000.00 / 72 = 125.00 minimum; 3,000.00 / 72 = 41.67 minimum.
    let debts = [
        Debt::new("tax-2023", m("9000")),
        Debt::new("tax-2024", m("3000")),
    ];
    let r = recommend(&a, &debts, &PlanPolicy::irs_streamlined()).unwrap();
    // Shares 225.00 and 75.00: 9,000 / 225 = 40 months; 3,000 / 75 = 40 months.
    let p0 = r[0].plan.as_ref().unwrap();
    assert_eq!(
        (p0.payment, p0.term_months, p0.final_payment),
        (m("225.00"), 40, m("225.00"))
    );
    let p1 = r[1].plan.as_ref().unwrap();
    assert_eq!((p1.payment, p1.term_months), (m("75.00"), 40));
    // A smaller surplus: 100.00 shared 75.00 / 25.00; 75 < 125 and 25 < 41.67: cannot be afforded.
    let s2 = Statement::new(
        d("2025-06-01"),
        Currency::USD,
        Household::new(1, 0, 0).unwrap(),
        vec![
            monthly(Category::Earnings, "1800"),
            monthly(Category::Housing, "1700"),
        ],
    )
    .unwrap();
    let a2 = assess(&s2, None, &AssessmentPolicy::default()).unwrap();
    let r = recommend(&a2, &debts, &PlanPolicy::irs_streamlined()).unwrap();
    assert!(r[0].plan.is_none());
    assert!(r[0]
        .reasons
        .iter()
        .any(|x| x.contains("below the policy's minimum 125.00")));
    assert_eq!(
        r[0].fallbacks,
        vec![
            Fallback::TokenPayment { amount: m("1") },
            Fallback::BreathingSpace { days: 60 },
            Fallback::Forbearance { months: 3 }
        ]
    );
    // The token reads as money.
    assert!(
        matches!(&r[0].fallbacks[0], Fallback::TokenPayment { amount } if amount.to_string() == "1.00")
    );
    // Interest: 1,200.00 at 24% (2% a month = 24.00) with a 20.00 payment: frozen under the default
    // policy, 60 months; never frozen: cannot be afforded.
    let one = Statement::new(
        d("2025-06-01"),
        Currency::USD,
        Household::new(1, 0, 0).unwrap(),
        vec![
            monthly(Category::Earnings, "1720"),
            monthly(Category::Housing, "1700"),
        ],
    )
    .unwrap();
    let a3 = assess(&one, None, &AssessmentPolicy::default()).unwrap();
    let debt = [Debt::new("card", m("1200")).with_rate(m("0.24"))];
    let r = recommend(&a3, &debt, &PlanPolicy::default()).unwrap();
    let p = r[0].plan.as_ref().unwrap();
    assert_eq!(
        (p.freeze_interest, p.term_months, p.total_paid),
        (true, 60, m("1200.00"))
    );
    let never = PlanPolicy {
        freeze_interest: FreezeInterest::Never,
        ..PlanPolicy::default()
    };
    assert!(recommend(&a3, &debt, &never).unwrap()[0].plan.is_none());
    // 120.00 a month on 1,200.00 at 12% (1% a month, half-up to the cent), interest not frozen:
    // balances after each payment 1,092.00 (12.00 interest), 982.92 (10.92), 872.75 (9.83), 761.48
    // (8.73), 649.09 (7.61), 535.58 (6.49), 420.94 (5.36), 305.15 (4.21), 188.20 (3.05), 70.08 (1.88);
    // month 11 adds 0.70 and the last payment is 70.78. Interest 70.78 in all.
    let rich = Statement::new(
        d("2025-06-01"),
        Currency::USD,
        Household::new(1, 0, 0).unwrap(),
        vec![
            monthly(Category::Earnings, "1820"),
            monthly(Category::Housing, "1700"),
        ],
    )
    .unwrap();
    let a4 = assess(&rich, None, &AssessmentPolicy::default()).unwrap();
    let r = recommend(
        &a4,
        &[Debt::new("loan", m("1200")).with_rate(m("0.12"))],
        &never,
    )
    .unwrap();
    let p = r[0].plan.as_ref().unwrap();
    assert!(!p.freeze_interest);
    assert_eq!(
        (p.term_months, p.final_payment, p.total_paid),
        (11, m("70.78"), m("1270.78"))
    );
}

#[test]
fn bad_input_names_the_field() {
    #![allow(clippy::unwrap_used)]
    assert_eq!(
        Item::new(Category::Housing, m("-1"), Frequency::Monthly)
            .unwrap_err()
            .field(),
        "amount"
    );
    assert_eq!(
        Category::from_str("yachts").unwrap_err().field(),
        "category"
    );
    assert_eq!(
        Frequency::from_str("hourly").unwrap_err().field(),
        "frequency"
    );
    assert_eq!(Household::new(0, 0, 0).unwrap_err().field(), "household");
    assert_eq!(Household::new(0, 2, 0).unwrap_err().field(), "household");
    assert_eq!(
        Household::new(1, 0, 0)
            .unwrap()
            .with_aged_65_or_over(2)
            .unwrap_err()
            .field(),
        "aged_65_or_over"
    );
    // A sub-cent amount, item 1.
    let err = Statement::new(
        d("2025-06-01"),
        Currency::USD,
        Household::new(1, 0, 0).unwrap(),
        vec![
            monthly(Category::Earnings, "1"),
            monthly(Category::Housing, "1.005"),
        ],
    )
    .unwrap_err();
    assert_eq!(
        (err.field(), err.value()),
        ("items", "#1 housing: 1.005".to_string())
    );
    // Before every table.
    let s = statement("2024-01-31", Household::new(1, 0, 0).unwrap(), vec![]);
    let err = assess(&s, Some(&Guidelines::irs()), &AssessmentPolicy::default()).unwrap_err();
    assert_eq!(
        (err.field(), err.value()),
        ("date", "2024-01-31".to_string())
    );
    // Tables on the same day, overlapping tables, a table ending before it starts.
    let row = || {
        GuidelineRow::new(
            "food",
            vec![Category::FoodAndHousekeeping],
            Rule::Trigger,
            Unit::Household,
            m("300"),
        )
    };
    let t = |name: &str, from: &str| GuidelineTable::new(name, d(from), vec![row()]).unwrap();
    assert_eq!(
        Guidelines::new(vec![t("a", "2025-04-07"), t("b", "2025-04-07")])
            .unwrap_err()
            .field(),
        "guidelines"
    );
    let ends_late = t("a", "2025-04-07").until(d("2026-05-01")).unwrap();
    let err = Guidelines::new(vec![ends_late, t("b", "2026-04-06")]).unwrap_err();
    assert!(err.to_string().contains("overlap"), "{err}");
    assert!(t("a", "2025-04-07").until(d("2025-01-01")).is_err());
    // A category in two guidelines; a negative amount.
    let other = GuidelineRow::new(
        "groceries",
        vec![Category::FoodAndHousekeeping],
        Rule::Trigger,
        Unit::Household,
        m("1"),
    );
    assert!(GuidelineTable::new("x", d("2025-04-07"), vec![row(), other]).is_err());
    let mut neg = row();
    neg.amount = m("-5");
    assert!(GuidelineTable::new("x", d("2025-04-07"), vec![neg]).is_err());
    // CSV: a missing effective date, an unknown rule, an unknown category, each naming its line.
    let head = "table,effective,guideline,categories,rule,unit,amount\n";
    let err = Guidelines::from_csv(&format!("{head}t,2025-04-07,food,food_and_housekeeping,trigger,household,1\nt,,food,food_and_housekeeping,trigger,household,1\n")).unwrap_err();
    assert_eq!(
        (err.field(), err.value()),
        ("effective", "line 3".to_string())
    );
    let err = Guidelines::from_csv(&format!(
        "{head}t,2025-04-07,food,food_and_housekeeping,sometimes,household,1\n"
    ))
    .unwrap_err();
    assert_eq!(
        (err.field(), err.value()),
        ("rule", "line 2: sometimes".to_string())
    );
    let err = Guidelines::from_csv(&format!(
        "{head}t,2025-04-07,food,caviar,trigger,household,1\n"
    ))
    .unwrap_err();
    assert_eq!(err.field(), "categories");
    assert!(Guidelines::from_json("{").is_err());
    // Fair share: no creditors, a zero balance, a duplicate id, a sub-cent amount.
    let ok = OfferPolicy::default();
    assert_eq!(
        fair_share(m("10"), Currency::USD, &[], &ok)
            .unwrap_err()
            .field(),
        "creditors"
    );
    let zero = [Creditor::new("a", m("0"))];
    assert_eq!(
        fair_share(m("10"), Currency::USD, &zero, &ok)
            .unwrap_err()
            .field(),
        "creditors"
    );
    let dup = [Creditor::new("a", m("1")), Creditor::new("a", m("2"))];
    assert_eq!(
        fair_share(m("10"), Currency::USD, &dup, &ok)
            .unwrap_err()
            .field(),
        "creditors"
    );
    let one = [Creditor::new("a", m("1"))];
    assert_eq!(
        fair_share(m("10.001"), Currency::USD, &one, &ok)
            .unwrap_err()
            .field(),
        "available"
    );
    // Policies.
    let p = AssessmentPolicy {
        low_spending_fraction: m("1.5"),
        ..AssessmentPolicy::default()
    };
    assert_eq!(
        assess(&s, None, &p).unwrap_err().field(),
        "low_spending_fraction"
    );
    let a = assess(&s, None, &AssessmentPolicy::default()).unwrap();
    let bad = PlanPolicy {
        max_term_months: 0,
        ..PlanPolicy::default()
    };
    assert_eq!(
        recommend(&a, &[Debt::new("x", m("1"))], &bad)
            .unwrap_err()
            .field(),
        "max_term_months"
    );
    assert_eq!(
        a.affordability_ratio(m("-1")).unwrap_err().field(),
        "payment"
    );
}

#[test]
fn json_round_trip_of_the_irs_tables() {
    #![allow(clippy::unwrap_used)]
    let irs = Guidelines::irs();
    let back = Guidelines::from_json(&irs.to_json()).unwrap();
    assert_eq!(back, irs);
}

#[test]
fn statements_read_from_json_are_checked_and_agree_with_their_items() {
    #![allow(clippy::unwrap_used)]
    let h = Household::new(2, 1, 0).unwrap().with_vehicles(1);
    let s = Statement::with_rounding(
        d("2025-06-01"),
        Currency::USD,
        h,
        vec![
            item(Category::Earnings, "450.00", Frequency::Weekly),
            monthly(Category::Housing, "900.00"),
        ],
        RoundingMode::HalfEven,
    )
    .unwrap();
    let json = serde_json::to_string(&s).unwrap();
    let back: Statement = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    // 450 a week = 450 * 52 / 12 = 1,950.00 a month.
    assert_eq!(back.monthly_amounts(), &[m("1950.00"), m("900.00")]);

    // A doctored monthly amount is worked out again from the item, not believed.
    let doctored = json.replace("\"1950.00\"", "\"1.00\"");
    assert_ne!(doctored, json);
    let back: Statement = serde_json::from_str(&doctored).unwrap();
    assert_eq!(back.monthly_amounts()[0], m("1950.00"));

    // What the constructors refuse, deserializing refuses too, naming the field.
    let bad_item = r#"{"category": "housing", "amount": "-5", "frequency": "monthly"}"#;
    let e = serde_json::from_str::<Item>(bad_item)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("amount") && e.contains("must not be negative"),
        "{e}"
    );
    let nobody = r#"{"adults": 0}"#;
    let e = serde_json::from_str::<Household>(nobody)
        .unwrap_err()
        .to_string();
    assert!(e.contains("household") && e.contains("zero people"), "{e}");
    let too_old = r#"{"adults": 1, "aged_65_or_over": 2}"#;
    let e = serde_json::from_str::<Household>(too_old)
        .unwrap_err()
        .to_string();
    assert!(e.contains("aged_65_or_over"), "{e}");
    let cents = json.replace("\"900.00\"", "\"900.001\"");
    let e = serde_json::from_str::<Statement>(&cents)
        .unwrap_err()
        .to_string();
    assert!(e.contains("items") && e.contains("minor units"), "{e}");
}

fn freq() -> impl Strategy<Value = Frequency> {
    prop::sample::select(vec![
        Frequency::Weekly,
        Frequency::Biweekly,
        Frequency::FourWeekly,
        Frequency::semi_monthly(1, 15).unwrap_or(Frequency::Monthly),
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::Annual,
    ])
}

proptest! {
    #[test]
    fn fair_share_adds_up_and_is_never_negative(
        cents in 1i64..10_000_000,
        balances in prop::collection::vec(1i64..100_000_000, 1..12),
        minimum in 0i64..5_000,
        token in 0i64..300,
    ) {
        let creditors: Vec<Creditor> = balances
            .iter()
            .enumerate()
            .map(|(i, b)| Creditor::new(format!("C{i}"), Decimal::new(*b, 2)))
            .collect();
        let policy = OfferPolicy { token_payment: Decimal::new(token, 2), minimum: Decimal::new(minimum, 2) };
        let f = fair_share(Decimal::new(cents, 2), Currency::USD, &creditors, &policy).unwrap();
        let total: Decimal = f.offers.iter().map(|o| o.amount).sum();
        prop_assert_eq!(total, Decimal::new(cents, 2));
        prop_assert_eq!(f.total, total);
        prop_assert!(f.offers.iter().all(|o| o.amount >= Decimal::ZERO));
        if !f.minimum_set_aside {
            prop_assert!(f.offers.iter().all(|o| o.basis == OfferBasis::Token || o.amount >= policy.minimum));
        }
    }

    #[test]
    fn monthly_and_back_is_consistent_with_the_rounding(cents in 0i64..1_000_000_000, f in freq()) {
        let amount = Decimal::new(cents, 2);
        for mode in [RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::HalfDown] {
            let monthly = to_monthly(amount, f, Currency::USD, mode).unwrap();
            let back = from_monthly(monthly, f, Currency::USD, mode).unwrap();
            if f.periods_per_year() >= 12 {
                // The factor is at least 1: the amount comes back exactly.
                prop_assert_eq!(back, amount);
            } else {
                // Quarterly, annual: a monthly amount goes out and back exactly.
                prop_assert_eq!(to_monthly(back, f, Currency::USD, mode).unwrap(), monthly);
            }
            // Either way, within half a cent times the periods-per-month factor.
            let per_year = Decimal::from(f.periods_per_year());
            let bound = Decimal::new(5, 3) * (Decimal::ONE + Decimal::from(12) / per_year);
            prop_assert!((back - amount).abs() <= bound);
        }
    }

    #[test]
    fn disposable_income_is_income_minus_every_deduction(
        amounts in prop::collection::vec((0usize..24, 0i64..500_000), 0..30),
        fee in 0i64..5_000,
        contingency in proptest::bool::ANY,
    ) {
        let items: Vec<Item> = amounts
            .iter()
            .map(|(c, a)| Item::new(Category::ALL[*c], Decimal::new(*a, 2), Frequency::Weekly).unwrap())
            .collect();
        let s = Statement::new(d("2025-06-01"), Currency::USD, Household::new(2, 1, 0).unwrap().with_vehicles(1).with_region("midwest"), items).unwrap();
        let mut policy = AssessmentPolicy { debt_administration_fee: Decimal::new(fee, 2), ..AssessmentPolicy::default() };
        if contingency {
            policy = policy.with_contingency(Contingency::common_financial_tool());
        }
        let a = assess(&s, Some(&Guidelines::irs()), &policy).unwrap();
        prop_assert_eq!(
            a.disposable_income,
            a.income - a.allowable_expenditure - a.savings - a.debt_administration_fee - a.priority_debts - a.contingency
        );
        let allowed_by_guidelines: Decimal = a.guidelines.iter().map(|g| g.allowed - g.actual).sum();
        prop_assert_eq!(a.allowable_expenditure, a.expenditure + allowed_by_guidelines);
        prop_assert_eq!(a.income, s.section_total(Section::Income));
        prop_assert!(a.contingency >= Decimal::ZERO && a.contingency <= Decimal::from(20));
    }
}
