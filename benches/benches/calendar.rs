//! Criterion benches for year fractions, date-schedule generation and business-day rolling.

use std::hint::black_box;

use chrono::NaiveDate;
use collections_core::{
    date_schedule, BusinessDayConvention, DayCount, Frequency, HolidayCalendar, ScheduleEnd,
};
use criterion::{criterion_group, criterion_main, Criterion};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn year_fractions(c: &mut Criterion) {
    let (start, end) = (ymd(2003, 11, 1), ymd(2034, 5, 1));
    let icma = DayCount::act_act_icma(ymd(2003, 11, 1), ymd(2004, 5, 1), Frequency::SemiAnnual)
        .expect("valid");
    let mut group = c.benchmark_group("year_fraction");
    for dc in [
        DayCount::Act365Fixed,
        DayCount::Act360,
        DayCount::ActActIsda,
        DayCount::ActActAfb,
        icma,
        DayCount::Thirty360Us {
            end_of_month_rule: true,
        },
        DayCount::Thirty360EuropeanIsda { maturity: None },
    ] {
        group.bench_function(dc.name(), |b| {
            b.iter(|| black_box(dc).year_fraction(black_box(start), black_box(end)))
        });
    }
    group.finish();
}

fn schedules(c: &mut Criterion) {
    let mut group = c.benchmark_group("date_schedule");
    group.bench_function("monthly_360", |b| {
        b.iter(|| {
            date_schedule(
                black_box(ymd(2026, 1, 31)),
                Frequency::Monthly,
                ScheduleEnd::Count(360),
                false,
            )
        })
    });
    group.bench_function("weekly_520", |b| {
        b.iter(|| {
            date_schedule(
                black_box(ymd(2026, 1, 5)),
                Frequency::Weekly,
                ScheduleEnd::Count(520),
                false,
            )
        })
    });
    let semi = Frequency::semi_monthly(15, 31).expect("valid");
    group.bench_function("semi_monthly_until_30y", |b| {
        b.iter(|| {
            date_schedule(
                black_box(ymd(2026, 1, 1)),
                semi,
                ScheduleEnd::Until(ymd(2055, 12, 31)),
                false,
            )
        })
    });
    let us = HolidayCalendar::us_federal();
    let dates = date_schedule(
        ymd(2026, 1, 31),
        Frequency::Monthly,
        ScheduleEnd::Count(360),
        false,
    )
    .expect("valid");
    group.bench_function("monthly_360_rolled_us_federal", |b| {
        b.iter(|| us.adjust_all(black_box(&dates), BusinessDayConvention::ModifiedFollowing))
    });
    group.finish();
}

fn business_days(c: &mut Criterion) {
    let uk = HolidayCalendar::england_and_wales();
    c.bench_function("is_business_day_us_federal", |b| {
        let us = HolidayCalendar::us_federal();
        b.iter(|| us.is_business_day(black_box(ymd(2026, 11, 26))))
    });
    c.bench_function("add_business_days_250_england_and_wales", |b| {
        b.iter(|| uk.add_business_days(black_box(ymd(2026, 1, 2)), 250))
    });
}

criterion_group!(benches, year_fractions, schedules, business_days);
criterion_main!(benches);
