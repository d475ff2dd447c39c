//! Properties that must hold for every input (proptest). Failing seeds are kept in
//! `tests/properties.proptest-regressions` when proptest finds one.

use chrono::{Datelike, Duration, NaiveDate};
use collections_core::{
    BusinessDayConvention, Currency, DayCount, Frequency, HolidayCalendar, Money, RoundingMode,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // 1950-01-01 .. about 2100.
    (0i64..55_000)
        .prop_map(|d| NaiveDate::from_ymd_opt(1950, 1, 1).expect("valid") + Duration::days(d))
}

fn any_mode() -> impl Strategy<Value = RoundingMode> {
    proptest::sample::select(RoundingMode::ALL.to_vec())
}

fn any_currency() -> impl Strategy<Value = Currency> {
    proptest::sample::select(vec![
        Currency::USD,
        Currency::JPY,
        Currency::from_code("KWD").expect("iso"),
        Currency::from_code("CLF").expect("iso"),
    ])
}

proptest! {
    #[test]
    fn split_parts_add_up_to_the_total(
        units in -10_000_000_000i64..10_000_000_000,
        currency in any_currency(),
        weights in proptest::collection::vec((0u64..1_000_000, 0u32..4), 1..12),
    ) {
        let total = Money::from_minor_units(units, currency);
        let weights: Vec<Decimal> = weights.into_iter().map(|(m, s)| Decimal::new(m as i64, s)).collect();
        prop_assume!(weights.iter().any(|w| !w.is_zero()));
        let parts = total.split(&weights).expect("valid split");
        prop_assert_eq!(parts.len(), weights.len());
        let sum = parts.iter().try_fold(Money::zero(currency), |acc, p| acc.checked_add(p)).expect("no overflow");
        prop_assert_eq!(sum.amount(), total.amount());
        for (part, w) in parts.iter().zip(&weights) {
            prop_assert!(part.is_rounded());
            if w.is_zero() {
                prop_assert!(part.is_zero());
            }
        }
    }

    #[test]
    fn rounding_to_minor_units_is_idempotent(
        mantissa in any::<i64>(),
        scale in 0u32..20,
        currency in any_currency(),
        mode in any_mode(),
        again in any_mode(),
    ) {
        let once = Money::new(Decimal::new(mantissa, scale), currency).round(mode);
        prop_assert!(once.is_rounded());
        // Rounding a rounded amount by any mode changes nothing.
        prop_assert_eq!(once.round(again), once);
        prop_assert_eq!(once.round(again).amount().to_string(), once.amount().to_string());
    }

    #[test]
    fn actual_fixed_year_fractions_are_additive(a in any_date(), b in any_date(), c in any_date()) {
        let mut d = [a, b, c];
        d.sort();
        for dc in [DayCount::Act365Fixed, DayCount::Act360] {
            let whole = dc.year_fraction(d[0], d[2]).expect("yf");
            let parts = dc.year_fraction(d[0], d[1]).expect("yf") + dc.year_fraction(d[1], d[2]).expect("yf");
            // Each quotient is exact to 28 significant digits; the sum may differ in the last one.
            prop_assert!((whole - parts).abs() <= Decimal::new(1, 25), "{dc}: {whole} vs {parts}");
            prop_assert_eq!(dc.days(d[0], d[1]) + dc.days(d[1], d[2]), dc.days(d[0], d[2]));
            // Reversed dates give the negative.
            prop_assert_eq!(dc.year_fraction(d[2], d[0]).expect("yf"), -whole);
        }
    }

    #[test]
    fn rolling_never_lands_on_a_holiday_or_weekend(
        date in any_date(),
        convention in proptest::sample::select(BusinessDayConvention::ALL[1..].to_vec()),
        which in 0usize..3,
    ) {
        let cal = [HolidayCalendar::us_federal(), HolidayCalendar::england_and_wales(), HolidayCalendar::weekends_only()][which].clone();
        let rolled = cal.adjust(date, convention).expect("a business day exists");
        prop_assert!(cal.is_business_day(rolled));
        prop_assert!(!cal.is_holiday(rolled));
        if cal.is_business_day(date) {
            prop_assert_eq!(rolled, date);
        }
        if matches!(convention, BusinessDayConvention::ModifiedFollowing | BusinessDayConvention::ModifiedPreceding) {
            prop_assert_eq!(rolled.month(), date.month());
        }
        let stepped = cal.add_business_days(date, 3).expect("step");
        prop_assert!(cal.is_business_day(stepped) && stepped > date);
    }

    #[test]
    fn monthly_steps_keep_the_anchor_day(anchor in any_date(), n in 0i64..600) {
        let d = Frequency::Monthly.add_periods(anchor, n, false).expect("in range");
        let last = collections_core::calendar::days_in_month(d.year(), d.month()).expect("month");
        prop_assert_eq!(d.day(), anchor.day().min(last));
    }
}

proptest! {
    #[test]
    fn parsing_never_panics(text in "[-+0-9eE.,_ ]{0,40}|\\PC{0,40}") {
        let _ = collections_core::parse::decimal("x", &text);
        let _ = collections_core::parse::date("x", &text);
        let _ = text.parse::<Frequency>();
        let _ = text.parse::<DayCount>();
        let _ = text.parse::<RoundingMode>();
        let _ = text.parse::<BusinessDayConvention>();
        let _ = text.parse::<collections_core::Rate>();
        let _ = Currency::from_code(&text);
    }

    #[test]
    fn rate_conversions_never_panic(mantissa in any::<i64>(), hi in any::<u32>(), scale in 0u32..=28, m in 0u32..2000) {
        let value = Decimal::from_i128_with_scale((i128::from(hi) << 64) | i128::from(mantissa as u64), scale);
        if let Ok(rate) = collections_core::Rate::from_fraction(value) {
            for c in [collections_core::Compounding::PeriodsPerYear(m), collections_core::Compounding::Continuous] {
                let _ = rate.effective_annual(c);
                let _ = collections_core::Rate::from_effective_annual(rate, c);
            }
            let _ = rate.as_percent();
            let _ = rate.periodic(Frequency::Weekly);
        }
    }

    #[test]
    fn money_arithmetic_never_panics(a in any::<i64>(), b in any::<i64>(), sa in 0u32..=28, sb in 0u32..=28, mode in any_mode()) {
        let x = Money::new(Decimal::new(a, sa) * Decimal::from(u32::MAX), Currency::USD);
        let y = Money::new(Decimal::new(b, sb), Currency::USD);
        let _ = x.checked_add(&y);
        let _ = x.checked_sub(&y);
        let _ = x.checked_mul(y.amount());
        let _ = x.round(mode).to_minor_units();
        let _ = x.round_to_multiple(y.amount(), mode);
        let _ = x.round(mode).split(&[y.amount().abs(), Decimal::ONE]);
    }
}

#[test]
fn extreme_values_are_errors() {
    let max = collections_core::Rate::from_fraction(Decimal::MAX).unwrap();
    assert!(max
        .effective_annual(collections_core::Compounding::PeriodsPerYear(1))
        .is_err());
    assert!(collections_core::Rate::from_effective_annual(
        max,
        collections_core::Compounding::PeriodsPerYear(12)
    )
    .is_err());
    let big = Money::new(Decimal::MAX, Currency::USD);
    assert!(big.split(&[Decimal::MAX, Decimal::ONE]).is_err());
    let last = NaiveDate::MAX;
    assert!(Frequency::Monthly.add_periods(last, 1, false).is_err());
    assert!(HolidayCalendar::weekends_only()
        .add_business_days(last, 5)
        .is_err());
    // At the first representable date there may be no earlier business day: an error or a date, never a panic.
    let _ = HolidayCalendar::us_federal().adjust(NaiveDate::MIN, BusinessDayConvention::Preceding);
    assert!(HolidayCalendar::weekends_only()
        .add_business_days(NaiveDate::MIN, -5)
        .is_err());
}
