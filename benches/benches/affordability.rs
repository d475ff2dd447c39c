//! Criterion benches for affordability: the 1,000,000 statements of 30 items each, assessed
//! against the embedded IRS tables, and one statement on its own.
//!
//! The statements: 100,000 distinct ones (household of 1 to 6 people, 0 to 3 vehicles, four regions;
//! 30 items across every category at weekly, fortnightly, four-weekly, monthly, quarterly and annual
//! frequencies, amounts from a fixed-seed generator), each assessed ten times per batch: 1,000,000
//! assessments, each with its full line-by-line derivation.

use std::hint::black_box;

use chrono::NaiveDate;
use collections_core::affordability::{
    assess, fair_share, AssessmentPolicy, Category, Contingency, Creditor, Guidelines, Household,
    Item, OfferPolicy, Statement,
};
use collections_core::{Currency, Frequency};
use criterion::{criterion_group, criterion_main, Criterion};
use rust_decimal::Decimal;

const DISTINCT: usize = 100_000;
const ROUNDS: usize = 10;
const ITEMS: usize = 30;

/// A small deterministic generator (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

fn statement(rng: &mut Lcg) -> Statement {
    let frequencies = [
        Frequency::Weekly,
        Frequency::Biweekly,
        Frequency::FourWeekly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::Annual,
    ];
    let regions = ["northeast", "midwest", "south", "west"];
    let adults = 1 + rng.next(2) as u32;
    let children = rng.next(5) as u32;
    let household = Household::new(adults, children, 0)
        .expect("valid household")
        .with_vehicles(rng.next(4) as u32)
        .with_region(regions[rng.next(4) as usize]);
    let items = (0..ITEMS)
        .map(|i| {
            let category = Category::ALL[i % Category::ALL.len()];
            let frequency = frequencies[rng.next(frequencies.len() as u64) as usize];
            let amount = Decimal::new(rng.next(150_000) as i64, 2);
            Item::new(category, amount, frequency).expect("valid item")
        })
        .collect();
    let date = NaiveDate::from_ymd_opt(2025, 6, 1).expect("valid date");
    Statement::new(date, Currency::USD, household, items).expect("valid statement")
}

fn assessments(c: &mut Criterion) {
    let mut rng = Lcg(7);
    let statements: Vec<Statement> = (0..DISTINCT).map(|_| statement(&mut rng)).collect();
    let irs = Guidelines::irs();
    let policy = AssessmentPolicy::default().with_contingency(Contingency::common_financial_tool());
    eprintln!(
        "affordability bench: {DISTINCT} distinct statements x {ITEMS} items, assessed {ROUNDS} times a batch"
    );

    let mut group = c.benchmark_group("assess_1m");
    group.sample_size(10);
    group.bench_function("1m_statements_30_items_irs", |b| {
        b.iter(|| {
            let mut deficits = 0usize;
            for _ in 0..ROUNDS {
                for s in &statements {
                    let a = assess(black_box(s), Some(&irs), &policy).expect("assessed");
                    deficits += usize::from(a.is_deficit());
                }
            }
            black_box(deficits)
        })
    });
    group.finish();

    let one = &statements[0];
    c.bench_function("assess_one_30_items_irs", |b| {
        b.iter(|| assess(black_box(one), Some(&irs), &policy).expect("assessed"))
    });
    c.bench_function("assess_one_30_items_no_guidelines", |b| {
        b.iter(|| assess(black_box(one), None, &policy).expect("assessed"))
    });

    let creditors: Vec<Creditor> = (0..10)
        .map(|i| Creditor::new(format!("C{i}"), Decimal::new(100_000 + i * 37_911, 2)))
        .collect();
    let offers = OfferPolicy {
        minimum: Decimal::from(5),
        ..OfferPolicy::default()
    };
    c.bench_function("fair_share_10_creditors", |b| {
        b.iter(|| {
            fair_share(
                black_box(Decimal::new(23_456, 2)),
                Currency::USD,
                &creditors,
                &offers,
            )
            .expect("shared")
        })
    });
}

criterion_group!(benches, assessments);
criterion_main!(benches);
