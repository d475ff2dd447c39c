//! Criterion benches for dunning runs (issue 4: a run over 1,000,000 invoices) and statutory interest.
//!
//! The portfolio: 50,000 customers with 20 invoices each, due over the 120 days before the run date,
//! a third of them part-paid, one in fifty blocked; a three-level policy with no interest at level 1,
//! ERPNext interest at level 2 and German statutory interest at level 3 (segments per half-year).

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use collections_core::debt::dunning::{
    dunning_run, DunningInterest, DunningLevel, DunningLine, DunningPolicy, Invoice, Payment,
};
use collections_core::debt::late_interest::{DebtorKind, Statute, StatutoryClaim, StatutoryTables};
use collections_core::Currency;
use criterion::{criterion_group, criterion_main, Criterion};
use rust_decimal::Decimal;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn policy() -> DunningPolicy {
    let reminder = DunningLevel::new(7, "reminder");
    let mut last = DunningLevel::new(30, "final notice");
    last.fee = Decimal::new(500, 2);
    last.interest = Some(DunningInterest::ErpNext {
        annual_rate_percent: Decimal::from(10),
    });
    let mut legal = DunningLevel::new(60, "legal handover");
    legal.fee = Decimal::from(40);
    legal.minimum_outstanding = Decimal::from(100);
    legal.interest = Some(DunningInterest::Statutory {
        statute: Statute::GermanyBgb288,
        debtor: DebtorKind::Business,
    });
    DunningPolicy::new(Currency::EUR, vec![reminder, last, legal])
        .expect("valid policy")
        .with_one_level_at_a_time(false)
}

fn portfolio(n: usize, as_of: NaiveDate) -> Vec<Invoice> {
    let start = as_of - Days::new(120);
    (0..n)
        .map(|i| {
            let due = start + Days::new((i * 7919 % 130) as u64);
            let cents = 5_000 + (i as i64 * 104_729) % 2_000_000;
            let mut inv = Invoice::new(
                format!("INV-{i:07}"),
                format!("C-{:05}", (i * 31) % (n / 20).max(1)),
                Currency::EUR,
                Decimal::new(cents, 2),
                due,
            );
            if i % 3 == 0 {
                inv.payments.push(Payment {
                    date: due + Days::new(10),
                    amount: Decimal::new(cents / 4, 2),
                    currency: Currency::EUR,
                });
            }
            inv.blocked = i % 50 == 0;
            inv
        })
        .collect()
}

fn runs(c: &mut Criterion) {
    let as_of = ymd(2026, 3, 31);
    let policy = policy();
    let mut group = c.benchmark_group("dunning_run");
    for n in [10_000usize, 1_000_000] {
        let invoices = portfolio(n, as_of);
        let run = dunning_run(&invoices, &policy, as_of).expect("run");
        let notices = run.totals.notices;
        eprintln!(
            "dunning_run/{n}: {notices} notices, {} customers, {} bytes per line, {} KB of lines",
            run.customers.len(),
            std::mem::size_of::<DunningLine>(),
            n * std::mem::size_of::<DunningLine>() / 1000
        );
        if n >= 1_000_000 {
            group.sample_size(10);
        }
        group.bench_function(format!("{n}_invoices"), |b| {
            b.iter(|| dunning_run(black_box(&invoices), &policy, as_of))
        });
    }
    group.finish();
}

fn statutory(c: &mut Criterion) {
    let tables = StatutoryTables::default();
    let claim = StatutoryClaim::new(
        Statute::GermanyBgb288,
        DebtorKind::Business,
        Decimal::from(10_000),
        Currency::EUR,
        ymd(2024, 1, 14),
        ymd(2026, 6, 29),
    )
    .expect("claim");
    c.bench_function("statutory_claim_5_half_years", |b| {
        b.iter(|| black_box(&claim).compute(&tables))
    });
}

criterion_group!(benches, runs, statutory);
criterion_main!(benches);
