//! Criterion benches for the account ledger (issue 4: posting 1,000,000 payments across 100,000
//! accounts).
//!
//! The portfolio: 100,000 accounts of 1,000.00 to 20,999.00 at 9.99% simple daily interest, each with
//! twelve monthly obligations and a flat late fee after 10 days; ten monthly payments per account are
//! posted one by one, each on or after its installment's due date (the incremental path every
//! payment-posting system takes), with allocation fees-interest-principal oldest first.

use std::hint::black_box;

use chrono::{Months, NaiveDate};
use collections_core::debt::ledger::{Account, Event, LateFeeRule, Ledger, RateHistory, Terms};
use collections_core::Currency;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rust_decimal::Decimal;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn ledgers(n: usize) -> Vec<Ledger> {
    let opened = ymd(2026, 1, 1);
    let terms = Terms::new(RateHistory::fixed(opened, Decimal::new(999, 4)).expect("rate"))
        .with_late_fee(LateFeeRule::flat(Decimal::from(25), 10))
        .expect("fee");
    (0..n)
        .map(|i| {
            let whole = 1_000 + (i as i64 * 7_919) % 20_000;
            let account = Account::new(
                format!("A-{i:06}"),
                Currency::USD,
                opened,
                Decimal::from(whole * 12),
                terms.clone(),
            )
            .expect("account");
            let obligations = (1..=12)
                .map(|k| Event::obligation(opened + Months::new(k), Decimal::from(whole)))
                .collect();
            Ledger::with_events(account, obligations).expect("ledger")
        })
        .collect()
}

/// Payment `k` (0-based) of account `i`: on its installment's due date or up to 12 days late, the
/// installment plus some interest, every seventh one short.
fn payment(l: &Ledger, i: usize, k: u32) -> Event {
    let due = ymd(2026, 1, 1) + Months::new(k + 1);
    let late = (i as u64 * 31 + u64::from(k) * 7) % 13;
    let installment = l.account().principal() / Decimal::from(12);
    let mut amount = installment + Decimal::new(1_000 + (i as i64 % 9_000), 2);
    if (i + k as usize) % 7 == 0 {
        amount = installment / Decimal::from(2);
    }
    Event::payment(
        due + chrono::Days::new(late),
        format!("P-{i}-{k}"),
        amount.round_dp(2),
        Currency::USD,
    )
}

fn post_all_payments(ledgers: &mut [Ledger]) -> usize {
    let mut posted = 0;
    for k in 0..10 {
        for (i, l) in ledgers.iter_mut().enumerate() {
            let p = payment(l, i, k);
            l.post(p).expect("payment");
            posted += 1;
        }
    }
    posted
}

/// The process's resident set size as Linux reports it (VmRSS), or "unknown".
fn rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(|l| l.trim_start_matches("VmRSS:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}

fn posting(c: &mut Criterion) {
    let mut group = c.benchmark_group("ledger_post");
    for n in [1_000usize, 100_000] {
        let base = ledgers(n);
        let mut probe = base.clone();
        let posted = post_all_payments(&mut probe);
        let entries: usize = probe.iter().map(|l| l.entries().len()).sum();
        eprintln!(
            "ledger_post/{n}: {posted} payments, {entries} entries ({} per account)",
            entries / n
        );
        eprintln!(
            "ledger_post/{n}: resident memory with the posted ledgers: {}",
            rss()
        );
        drop(probe);
        if n >= 100_000 {
            group.sample_size(10);
        }
        group.bench_function(format!("{}_payments_{n}_accounts", n * 10), |b| {
            b.iter_batched(
                || base.clone(),
                // The ledgers are returned, so they are dropped outside the timing.
                |mut ls| {
                    black_box(post_all_payments(&mut ls));
                    ls
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

fn payoff(c: &mut Criterion) {
    let mut ls = ledgers(1);
    post_all_payments(&mut ls);
    let l = &ls[0];
    c.bench_function("ledger_balances_on_after_last_event", |b| {
        b.iter(|| black_box(l).balances_on(ymd(2027, 3, 1)))
    });
    c.bench_function("ledger_balances_on_mid_life_replay", |b| {
        b.iter(|| black_box(l).balances_on(ymd(2026, 6, 15)))
    });
}

criterion_group!(benches, posting, payoff);
criterion_main!(benches);
