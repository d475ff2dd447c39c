//! Criterion benches for the time-value-of-money solvers (issue 3's list: pmt, xirr over 120 dated
//! flows; the schedule and APR benches join them with those features).

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use collections_core::finance::{self, When};
use collections_core::schedule::{
    amortize, amortize_each, Amortizer, InterestMethod, ScheduleTerms, TermOrPayment,
};
use collections_core::{Currency, DayCount, Frequency, Rate};
use criterion::{criterion_group, criterion_main, Criterion};
use rust_decimal::Decimal;

fn solvers(c: &mut Criterion) {
    let rate = Decimal::new(5, 3); // 0.5% a month
    let (nper, pv) = (Decimal::from(360), Decimal::from(200_000));
    let mut group = c.benchmark_group("finance");
    group.bench_function("pmt_360", |b| {
        b.iter(|| {
            finance::pmt(
                black_box(rate),
                black_box(nper),
                black_box(pv),
                Decimal::ZERO,
                When::End,
            )
        })
    });
    group.bench_function("ipmt_360_last", |b| {
        b.iter(|| finance::ipmt(black_box(rate), nper, nper, pv, Decimal::ZERO, When::End))
    });
    group.bench_function("rate_360", |b| {
        b.iter(|| {
            finance::rate(
                nper,
                Decimal::new(-119910, 2),
                black_box(pv),
                Decimal::ZERO,
                When::End,
                None,
            )
        })
    });
    let values: Vec<Decimal> = std::iter::once(Decimal::from(-100_000))
        .chain((0..120).map(|i| Decimal::from(1_000 + 10 * i)))
        .collect();
    group.bench_function("irr_121", |b| {
        b.iter(|| finance::irr(black_box(&values), None))
    });
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).expect("valid");
    let flows: Vec<(NaiveDate, Decimal)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| (start + Duration::days(30 * i as i64 + (i as i64 % 3)), *v))
        .collect();
    group.bench_function("xirr_121_act365f", |b| {
        b.iter(|| finance::xirr(black_box(&flows), DayCount::Act365Fixed, None))
    });
    group.bench_function("xnpv_121_act365f", |b| {
        b.iter(|| finance::xnpv(black_box(Decimal::new(8, 2)), &flows, DayCount::Act365Fixed))
    });
    group.finish();
}

/// The baseline: a plain rust_decimal loop computing a 360-row rounded schedule.
fn plain_loop(principal: Decimal, r: Decimal, payment: Decimal) -> Decimal {
    let mut balance = principal;
    let mut total_interest = Decimal::ZERO;
    for k in 0..360 {
        let interest = (balance * r).round_dp(2);
        let principal_part = if k == 359 {
            balance
        } else {
            payment - interest
        };
        balance -= principal_part;
        total_interest += interest;
    }
    total_interest
}

fn schedules(c: &mut Criterion) {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("valid");
    let terms = ScheduleTerms::new(
        Decimal::from(200_000),
        Currency::USD,
        Rate::from_percent(Decimal::from(6)).expect("valid"),
        d(2026, 1, 1),
        d(2026, 2, 1),
        Frequency::Monthly,
        TermOrPayment::Term(360),
    );
    let mut group = c.benchmark_group("schedule");
    group.bench_function("level_payment_360", |b| {
        b.iter(|| amortize(black_box(&terms)))
    });
    group.bench_function("plain_rust_decimal_loop_360", |b| {
        b.iter(|| {
            plain_loop(
                black_box(Decimal::from(200_000)),
                Decimal::new(5, 3),
                Decimal::new(119910, 2),
            )
        })
    });
    let mut daily = terms.clone();
    daily.interest_method = InterestMethod::Daily(DayCount::Act365Fixed);
    group.bench_function("daily_interest_360", |b| {
        b.iter(|| amortize(black_box(&daily)))
    });
    // The same schedule streamed as minor units (no Row, no Decimal per row), summing the interest.
    group.bench_function("amortize_each_360", |b| {
        b.iter(|| {
            let mut interest = 0i128;
            amortize_each(black_box(&terms), |r| interest += r.interest).map(|_| interest)
        })
    });
    // 100 loans of 36 months at 10 rates: every loan computing its annuity factor, against an
    // Amortizer that computes each rate's once.
    let portfolio: Vec<ScheduleTerms> = (0..100u32)
        .map(|k| {
            ScheduleTerms::new(
                Decimal::from(1_000 + 250 * k),
                Currency::USD,
                Rate::from_fraction(Decimal::new(500 + 250 * i64::from(k % 10), 4)).expect("valid"),
                d(2026, 1, 1),
                d(2026, 2, 1),
                Frequency::Monthly,
                TermOrPayment::Term(36),
            )
        })
        .collect();
    let run = |each: &mut dyn FnMut(&ScheduleTerms, &mut i128)| {
        let mut rows = 0i128;
        for t in &portfolio {
            each(black_box(t), &mut rows);
        }
        rows
    };
    group.bench_function("amortize_each_100_loans_36", |b| {
        b.iter(|| {
            run(&mut |t, rows| {
                let _ = amortize_each(t, |_| *rows += 1);
            })
        })
    });
    group.bench_function("amortizer_100_loans_36_10_rates", |b| {
        b.iter(|| {
            let mut amortizer = Amortizer::new();
            run(&mut |t, rows| {
                let _ = amortizer.amortize_each(t, |_| *rows += 1);
            })
        })
    });
    group.finish();

    let start = d(2026, 1, 10);
    let payments: Vec<(NaiveDate, Decimal)> = (1..=36)
        .map(|k| {
            (
                start
                    .checked_add_months(chrono::Months::new(k))
                    .expect("valid"),
                Decimal::from(330),
            )
        })
        .collect();
    c.bench_function("apr_regulation_z_36", |b| {
        b.iter(|| {
            finance::apr_regulation_z(
                black_box(&[(start, Decimal::from(10_000))]),
                black_box(&payments),
                None,
            )
        })
    });
}

criterion_group!(benches, solvers, schedules);
criterion_main!(benches);
