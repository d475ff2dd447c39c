//! Criterion benches for repayment plans: the 1,000,000 proposed plans of 12 to 60 installments
//! scored (NPV, recovery ratio, payment-to-income, expected value and expected NPV under a constant
//! hazard), and the same 1,000,000 plans forecast by month as one portfolio; plus one plan scored and
//! tracked on its own.
//!
//! The plans: 1,000,000 distinct arrangements on one debt each, 12 to 60 monthly installments (the
//! count cycles through 12..=60), start dates spread over 2026, amounts from a fixed-seed generator in
//! cents, the last installment taking the remainder.

use std::hint::black_box;

use chrono::{Datelike, Months, NaiveDate};
use collections_benches::Lcg;
use collections_core::affordability::Debt;
use collections_core::debt::aging::Payment;
use collections_core::plan::{
    forecast, track, Arrangement, BreakRule, ForecastPeriod, PlanTerms, Probabilities, Promise,
    Scorer,
};
use collections_core::{Currency, RoundingMode};
use criterion::{criterion_group, criterion_main, Criterion};
use rust_decimal::Decimal;

const PLANS: usize = 1_000_000;

fn plan(i: usize, rng: &mut Lcg) -> Arrangement {
    let installments = 12 + (i % 49) as u32;
    let start = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(rng.next(365))))
        .expect("valid start");
    let each = Decimal::new(2_500 + rng.next(50_000) as i64, 2);
    let last = Decimal::new(100 + rng.next(50_000) as i64, 2);
    let promises: Vec<Promise> = (1..=installments)
        .map(|k| {
            let date = start
                .checked_add_months(Months::new(k))
                .expect("valid date");
            Promise::new(date, if k == installments { last } else { each })
        })
        .collect();
    let balance: Decimal = promises.iter().map(|p| p.amount).sum();
    let terms = PlanTerms::new(Currency::USD, vec![Debt::new("debt", balance)], start);
    Arrangement::from_promises(&terms, None, promises).expect("valid plan")
}

fn plans(c: &mut Criterion) {
    let mut rng = Lcg(11);
    let portfolio: Vec<Arrangement> = (0..PLANS).map(|i| plan(i, &mut rng)).collect();
    let promises: usize = portfolio.iter().map(|p| p.promises().len()).sum();
    eprintln!("plan bench: {PLANS} plans, {promises} promises");
    let hazard = Probabilities::ConstantHazard(Decimal::new(3, 2));
    let scorer = Scorer::new(
        Decimal::new(12, 2),
        Some(Decimal::from(400)),
        RoundingMode::HalfUp,
    )
    .expect("scorer");

    let mut group = c.benchmark_group("plan_1m");
    group.sample_size(10);
    group.bench_function("score_1m_plans_12_to_60_installments", |b| {
        b.iter(|| {
            let mut expected = Decimal::ZERO;
            for p in &portfolio {
                let s = scorer.score(black_box(p), &hazard).expect("scored");
                expected += s.expected_npv;
            }
            black_box(expected)
        })
    });
    let from = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date");
    group.bench_function("forecast_1m_plans_by_month", |b| {
        b.iter(|| {
            let f = forecast(
                portfolio.iter().map(|p| (p, &hazard)),
                black_box(from),
                ForecastPeriod::Monthly,
                RoundingMode::HalfUp,
            )
            .expect("forecast");
            black_box(f.rows.len())
        })
    });
    group.finish();

    let one = portfolio
        .iter()
        .find(|p| p.promises().len() == 36)
        .expect("a 36-installment plan");
    c.bench_function("score_one_plan_36_installments", |b| {
        b.iter(|| scorer.score(black_box(one), &hazard).expect("scored"))
    });
    // Every installment paid on its date but the 20th (a miss), tracked a month after the last.
    let payments: Vec<Payment> = one
        .promises()
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != 19)
        .map(|(_, p)| Payment {
            date: p.date,
            amount: p.amount,
        })
        .collect();
    let as_of = one
        .promises()
        .last()
        .and_then(|p| p.date.checked_add_months(Months::new(1)))
        .expect("valid date");
    assert!(as_of.year() > 2026);
    c.bench_function("track_one_plan_36_installments", |b| {
        b.iter(|| track(black_box(one), &payments, as_of, &BreakRule::default()).expect("tracked"))
    });
}

criterion_group!(benches, plans);
criterion_main!(benches);
