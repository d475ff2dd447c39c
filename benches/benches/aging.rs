//! Criterion benches for aging: the 1,000,000-account portfolio as of a date, one account, and a
//! year of delinquency history.
//!
//! The portfolio: 12 monthly installments of 50.00 to 549.99 per account from 2025-01-01, aged as of
//! 2025-12-15. Accounts are paid up to a pseudo-random installment (about a third fully paid), with a
//! partial payment on the next one, so every bucket is populated.

use std::hint::black_box;
use std::mem::size_of;

use chrono::{Months, NaiveDate};
use collections_core::debt::aging::{
    age_portfolio, AccountActivity, AccountObligations, AgingRules, Buckets, DueAmount,
    FrozenPeriods, Obligation, Payment, ShortfallMethod, Tolerance,
};
use criterion::{criterion_group, criterion_main, Criterion};
use rust_decimal::Decimal;

const ACCOUNTS: usize = 1_000_000;
const INSTALLMENTS: u32 = 12;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A small deterministic generator (64-bit LCG, high bits), so every run ages the same portfolio.
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

fn account(rng: &mut Lcg, first_due: NaiveDate) -> AccountObligations {
    let amount = Decimal::new(5000 + rng.next(50_000) as i64, 2);
    let paid_through = rng
        .next(u64::from(INSTALLMENTS) + 6)
        .min(u64::from(INSTALLMENTS)) as u32;
    let partial = Decimal::new(rng.next(100) as i64, 2) * amount;
    let obligations = (0..INSTALLMENTS)
        .map(|k| {
            let due = first_due
                .checked_add_months(Months::new(k))
                .expect("in range");
            let paid = match k.cmp(&paid_through) {
                std::cmp::Ordering::Less => amount,
                std::cmp::Ordering::Equal => partial.round_dp(2),
                std::cmp::Ordering::Greater => Decimal::ZERO,
            };
            Obligation::new(due, amount, paid).expect("valid obligation")
        })
        .collect();
    AccountObligations::new(obligations).expect("in order")
}

fn portfolio() -> Vec<AccountObligations> {
    let mut rng = Lcg(42);
    (0..ACCOUNTS)
        .map(|_| account(&mut rng, ymd(2025, 1, 1)))
        .collect()
}

fn portfolio_aging(c: &mut Criterion) {
    let accounts = portfolio();
    let per_account =
        size_of::<AccountObligations>() + INSTALLMENTS as usize * size_of::<Obligation>();
    eprintln!(
        "aging bench: {ACCOUNTS} accounts x {INSTALLMENTS} obligations; input ~{} MB ({per_account} bytes an \
         account), result {} MB",
        ACCOUNTS * per_account / 1_000_000,
        ACCOUNTS * 8 / 1_000_000
    );
    let as_of = ymd(2025, 12, 15);
    let mut group = c.benchmark_group("age_portfolio_1m");
    group.sample_size(10);
    let rule_sets = [
        ("per_installment", AgingRules::default()),
        ("ffiec_90_percent", AgingRules::ffiec_ninety_percent()),
        (
            "cumulative_10_percent_grace_5",
            AgingRules::new(
                ShortfallMethod::Cumulative,
                Tolerance::Percent(Decimal::TEN),
                5,
                Buckets::default(),
            )
            .expect("valid"),
        ),
    ];
    // The least any aging must do: read every obligation and add up what is unpaid, in a plain loop.
    group.bench_function("baseline_sum_unpaid", |b| {
        b.iter(|| {
            let mut total = Decimal::ZERO;
            for a in black_box(&accounts) {
                for o in a.obligations() {
                    total = total.checked_add(o.unpaid()).expect("no overflow");
                }
            }
            total
        })
    });
    for (name, rules) in rule_sets {
        group.bench_function(name, |b| {
            b.iter(|| age_portfolio(black_box(&accounts), black_box(as_of), &rules))
        });
    }
    group.finish();
}

fn one_account(c: &mut Criterion) {
    let mut rng = Lcg(7);
    let a = account(&mut rng, ymd(2025, 1, 1));
    let rules = AgingRules::default();
    let as_of = ymd(2025, 12, 15);
    c.bench_function("age_account_12", |b| {
        b.iter(|| black_box(&a).age(black_box(as_of), &rules))
    });

    let dues = (0..INSTALLMENTS)
        .map(|k| DueAmount {
            date: ymd(2025, 1, 1)
                .checked_add_months(Months::new(k))
                .expect("in range"),
            amount: Decimal::from(100),
        })
        .collect();
    let payments = vec![
        Payment {
            date: ymd(2025, 3, 20),
            amount: Decimal::from(150),
        },
        Payment {
            date: ymd(2025, 8, 5),
            amount: Decimal::from(200),
        },
    ];
    let activity = AccountActivity::new(dues, payments, FrozenPeriods::none()).expect("valid");
    c.bench_function("delinquency_history_1y", |b| {
        b.iter(|| {
            black_box(&activity).delinquency_history(ymd(2025, 1, 1), ymd(2025, 12, 31), &rules)
        })
    });
}

criterion_group!(benches, one_account, portfolio_aging);
criterion_main!(benches);
