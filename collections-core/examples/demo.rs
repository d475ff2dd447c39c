//! The worked example of `make demo`, through the Rust API: a money split, a day count, and a monthly
//! schedule of due dates rolled to business days. The C and Python demos print the same figures.

use chrono::NaiveDate;
use collections_core::{
    date_schedule, BusinessDayConvention, Currency, DayCount, Frequency, HolidayCalendar, Money,
    ScheduleEnd,
};
use rust_decimal::Decimal;

fn main() -> Result<(), collections_core::Error> {
    let usd = Currency::from_code("USD")?;
    let payment = Money::new(Decimal::new(10000, 2), usd);
    let by_balance =
        payment.split(&[Decimal::from(500), Decimal::from(300), Decimal::from(200)])?;
    let evenly = payment.split(&[Decimal::ONE, Decimal::ONE, Decimal::ONE])?;
    let show = |parts: &[Money]| {
        parts
            .iter()
            .map(|p| p.amount().to_string())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    println!(
        "split {payment} by balances 500/300/200: {}",
        show(&by_balance)
    );
    println!("split {payment} evenly in three:        {}", show(&evenly));

    let (start, end) = (ymd(2003, 11, 1)?, ymd(2004, 5, 1)?);
    let yf = DayCount::ActActIsda.year_fraction(start, end)?;
    println!("ACT/ACT ISDA {start} -> {end}: {}", yf.round_dp(12));

    let dates = date_schedule(
        ymd(2026, 1, 31)?,
        Frequency::Monthly,
        ScheduleEnd::Count(6),
        false,
    )?;
    let calendar = HolidayCalendar::us_federal();
    let due = calendar.adjust_all(&dates, BusinessDayConvention::Following)?;
    println!("monthly from 2026-01-31, rolled following (US federal):");
    for (scheduled, rolled) in dates.iter().zip(&due) {
        println!("  {scheduled} -> {rolled}");
    }
    Ok(())
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, collections_core::Error> {
    collections_core::parse::date_ymd("date", y, m, d)
}
