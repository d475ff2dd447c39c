//! Criterion benches for the time-value-of-money solvers (issue 3's list: pmt, xirr over 120 dated
//! flows; the schedule and APR benches join them with those features).

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use collections_core::finance::{self, When};
use collections_core::DayCount;
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

criterion_group!(benches, solvers);
criterion_main!(benches);
