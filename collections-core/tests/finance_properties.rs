//! Properties of the time-value-of-money solvers (proptest).

use chrono::{Duration, NaiveDate};
use collections_core::finance::{self, When};
use collections_core::DayCount;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn when() -> impl Strategy<Value = When> {
    prop_oneof![Just(When::End), Just(When::Begin)]
}

/// A periodic rate from -5% to 5% in basis points of a basis point.
fn periodic_rate() -> impl Strategy<Value = Decimal> {
    (-50_000i64..50_000).prop_map(|bp| Decimal::new(bp, 6))
}

proptest! {
    #[test]
    fn pv_of_fv_round_trips(rate in periodic_rate(), nper in 1i64..480, pmt in -100_000i64..100_000, pv in -10_000_000i64..10_000_000, w in when()) {
        let (nper, pmt, pv) = (Decimal::from(nper), Decimal::new(pmt, 2), Decimal::new(pv, 2));
        let fv = finance::fv(rate, nper, pmt, pv, w).unwrap();
        let back = finance::pv(rate, nper, pmt, fv, w).unwrap();
        let tolerance = Decimal::new(1, 12) * (pv.abs() + fv.abs() + Decimal::ONE);
        prop_assert!((back - pv).abs() <= tolerance, "pv {pv} -> fv {fv} -> pv {back}");
    }

    #[test]
    fn interest_and_principal_make_the_payment(rate in periodic_rate(), nper in 1i64..480, per_frac in 0u32..1000, pv in 1i64..10_000_000, w in when()) {
        let nper_d = Decimal::from(nper);
        let per = Decimal::from(1 + (i64::from(per_frac) * (nper - 1)) / 1000);
        let pv = Decimal::new(pv, 2);
        let pmt = finance::pmt(rate, nper_d, pv, Decimal::ZERO, w).unwrap();
        let i = finance::ipmt(rate, per, nper_d, pv, Decimal::ZERO, w).unwrap();
        let p = finance::ppmt(rate, per, nper_d, pv, Decimal::ZERO, w).unwrap();
        // ppmt is pmt - ipmt; a Decimal subtraction rounds once its result needs more than 28 significant
        // digits, so the parts add back to the payment to 1e-20 of its size, not bit for bit.
        prop_assert!((i + p - pmt).abs() <= Decimal::new(1, 20) * pmt.abs().max(Decimal::ONE), "{i} + {p} != {pmt}");
        // A loan received (pv > 0) at a non-negative rate: payments and interest are never positive.
        if rate >= Decimal::ZERO {
            prop_assert!(i <= Decimal::ZERO && pmt < Decimal::ZERO);
        }
    }

    #[test]
    fn irr_makes_npv_zero(outlay in 1_000i64..1_000_000, returns in proptest::collection::vec(0i64..500_000, 2..40)) {
        let mut values = vec![Decimal::from(-outlay)];
        values.extend(returns.iter().map(|r| Decimal::from(*r)));
        prop_assume!(values[1..].iter().any(|v| !v.is_zero()));
        let r = finance::irr(&values, None).unwrap();
        let npv = finance::npv(r, &values).unwrap();
        prop_assert!(npv.abs() <= Decimal::new(1, 6) * Decimal::from(outlay), "irr {r}, npv {npv}");
    }

    #[test]
    fn xnpv_at_xirr_is_zero(outlay in 1_000i64..1_000_000, flows in proptest::collection::vec((1i64..3650, 0i64..200_000), 1..30)) {
        let start = NaiveDate::from_ymd_opt(2020, 1, 15).unwrap();
        let mut dated = vec![(start, Decimal::from(-outlay))];
        dated.extend(flows.iter().map(|(d, v)| (start + Duration::days(*d), Decimal::from(*v))));
        prop_assume!(dated[1..].iter().any(|(_, v)| !v.is_zero()));
        for dc in [DayCount::Act365Fixed, DayCount::ActActIsda] {
            match finance::xirr(&dated, dc, None) {
                Ok(r) => {
                    let v = finance::xnpv(r, &dated, dc).unwrap();
                    prop_assert!(v.abs() <= Decimal::new(1, 6) * Decimal::from(outlay), "{dc}: xirr {r}, xnpv {v}");
                }
                // Returns so small that the rate is below the search range (-99.99%) are reported, not guessed.
                Err(e) => prop_assert!(matches!(e, collections_core::Error::NoSolution { .. }), "{e}"),
            }
        }
    }
}

mod streamed_schedules {
    use chrono::NaiveDate;
    use collections_core::schedule::{
        amortize, amortize_each, Amortizer, HolidayInterest, InterestMethod, OddFirstPeriod,
        RowUnits, ScheduleKind, ScheduleTerms, TermOrPayment,
    };
    use collections_core::{Currency, DayCount, Frequency, Rate};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn kind() -> impl Strategy<Value = ScheduleKind> {
        prop_oneof![
            Just(ScheduleKind::LevelPayment),
            Just(ScheduleKind::LevelPrincipal),
            Just(ScheduleKind::InterestOnlyThenBalloon),
            (0u32..240).prop_map(|extra| ScheduleKind::Balloon {
                amortization_periods: 120 + extra
            }),
            (2u32..6).prop_map(|every| ScheduleKind::Graduated {
                step_percent: Decimal::new(5, 0),
                every
            }),
        ]
    }

    thread_local! {
        static SHARED: std::cell::RefCell<Amortizer> = std::cell::RefCell::new(Amortizer::new());
    }

    proptest! {
        // amortize_each hands over exactly amortize's rows (as minor units) and totals, or fails alike.
        #[test]
        fn amortize_each_streams_amortize(
            cents in 1i64..100_000_000,
            rate_bp in prop_oneof![Just(500i64), Just(1_200), 0i64..3_000],
            term in 1u32..120,
            start_offset in 0i64..60,
            kind in kind(),
            holiday in proptest::option::of(1u32..120),
            defer in any::<bool>(),
            odd in 0usize..3,
            daily in any::<bool>(),
            by_payment in any::<bool>(),
            frequency in prop_oneof![
                Just(Frequency::Monthly),
                Just(Frequency::Weekly),
                Just(Frequency::Quarterly),
                Just(Frequency::Annual),
            ],
        ) {
            let first_due = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap_or_default();
            let start = first_due - chrono::Duration::days(start_offset + 1);
            let principal = Decimal::new(cents, 2);
            let rate = Rate::from_fraction(Decimal::new(rate_bp, 4)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let how = if by_payment {
                TermOrPayment::Payment(Decimal::new(cents / i64::from(term) + 100, 2))
            } else {
                TermOrPayment::Term(term)
            };
            let mut terms = ScheduleTerms::new(principal, Currency::USD, rate, start, first_due, frequency, how);
            terms.kind = kind;
            terms.payment_holidays = holiday.into_iter().collect();
            terms.holiday_interest = if defer { HolidayInterest::Defer } else { HolidayInterest::Capitalize };
            terms.odd_first_period = [OddFirstPeriod::AddToFirstInstallment, OddFirstPeriod::Capitalize, OddFirstPeriod::Ignore][odd];
            if daily {
                terms.interest_method = InterestMethod::Daily(DayCount::Act365Fixed);
            }
            let mut streamed: Vec<RowUnits> = Vec::new();
            let each = amortize_each(&terms, |r| streamed.push(*r));
            // An Amortizer gives the same, the first time (the factor computed) and the second (kept).
            let mut amortizer = Amortizer::new();
            for round in 0..3 {
                let mut kept: Vec<RowUnits> = Vec::new();
                // The third time through one amortizer shared by all the cases (their factors kept).
                let again = if round < 2 {
                    amortizer.amortize_each(&terms, |r| kept.push(*r))
                } else {
                    SHARED.with_borrow_mut(|a| a.amortize_each(&terms, |r| kept.push(*r)))
                };
                prop_assert_eq!(format!("{again:?}"), format!("{each:?}"));
                if each.is_ok() {
                    prop_assert_eq!(&kept, &streamed);
                }
            }
            match (amortize(&terms), each) {
                (Ok(s), Ok(totals)) => {
                    prop_assert_eq!(&totals, s.totals());
                    prop_assert_eq!(streamed.len(), s.rows().len());
                    let dec = |u: i128| Decimal::from_i128_with_scale(u, 2);
                    for (u, r) in streamed.iter().zip(s.rows()) {
                        prop_assert_eq!((u.number, u.due_date, u.days, u.holiday), (r.number, r.due_date, r.days, r.holiday));
                        prop_assert_eq!(
                            [dec(u.opening_balance), dec(u.payment), dec(u.interest), dec(u.deferred_interest), dec(u.principal), dec(u.closing_balance)],
                            [r.opening_balance, r.payment, r.interest, r.deferred_interest, r.principal, r.closing_balance]
                        );
                    }
                }
                (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
                (a, b) => prop_assert!(false, "amortize {:?} but amortize_each {:?}", a.map(|_| ()), b),
            }
        }
    }
}
