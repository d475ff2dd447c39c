//! The f64 solvers (`finance::float`) agree with the exact Decimal ones to 1e-9 relative over random
//! realistic inputs, and fail where they fail, with the same kind of error naming the same field.
//!
//! The cash flows of `irr` and `xirr` change sign once (an outlay, then receipts): with later outflows there
//! can be a second root near -100%, where the exact path's evaluation overflows Decimal's range (7.9e28)
//! and the f64 one does not, so the two may rightly differ there (the f64 path then reports both roots).
//!
//! Near zero a relative bound means nothing (a payment that exactly clears a balloon is zero up to the
//! last digits of the terms that cancel), so each comparison allows an absolute floor of 1e-12 times the
//! size of the terms involved: about 10,000 times f64's resolution, and a millionth of a cent on a
//! 10,000 loan.
// Comparing floats is the point of this file.
#![allow(clippy::float_arithmetic)]

use std::mem::discriminant;

use chrono::{Duration, NaiveDate};
use collections_core::finance::{self, float, When};
use collections_core::{DayCount, Error};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const RELATIVE: f64 = 1e-9;
const FLOOR: f64 = 1e-12;

fn when() -> impl Strategy<Value = When> {
    prop_oneof![Just(When::End), Just(When::Begin)]
}

/// A periodic rate: mostly -5% to 5% (in millionths), sometimes tiny (where `(1 + r)^n - 1` cancels in
/// a naive formula), sometimes zero.
fn periodic_rate() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        8 => (-50_000i64..50_000).prop_map(|m| Decimal::new(m, 6)),
        1 => (-1_000i64..1_000).prop_map(|m| Decimal::new(m, 12)),
        1 => Just(Decimal::ZERO),
    ]
}

/// A number of periods: whole (1 to 480) or, sometimes, fractional.
fn periods() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (1i64..480).prop_map(Decimal::from),
        1 => (100i64..48_000).prop_map(|h| Decimal::new(h, 2)),
    ]
}

/// An amount in cents from -10,000,000.00 to 10,000,000.00.
fn amount() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000i64..1_000_000_000).prop_map(|c| Decimal::new(c, 2))
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

/// The f64 result is within RELATIVE of the exact one, plus FLOOR × `size`; or both fail alike.
fn agree(
    what: &str,
    fast: Result<f64, Error>,
    exact: Result<Decimal, Error>,
    size: f64,
) -> Result<(), TestCaseError> {
    match (fast, exact) {
        (Ok(a), Ok(b)) => {
            let b = f(b);
            let tolerance = RELATIVE * b.abs() + FLOOR * size;
            prop_assert!(
                (a - b).abs() <= tolerance,
                "{what}: f64 {a} vs exact {b} (off by {:e}, tolerance {:e})",
                (a - b).abs(),
                tolerance
            );
        }
        (Err(a), Err(b)) => {
            prop_assert!(
                discriminant(&a) == discriminant(&b) && a.field() == b.field(),
                "{what}: f64 error {a} vs exact error {b}"
            );
        }
        (a, b) => prop_assert!(false, "{what}: f64 {a:?} vs exact {b:?}"),
    }
    Ok(())
}

/// The size of a time-value equation's terms: the amounts, the payments over the term, and the
/// compounding either way.
fn size(rate: Decimal, nper: Decimal, amounts: &[Decimal]) -> f64 {
    let n = f(nper);
    let g = (f(rate).ln_1p() * n).exp();
    let total: f64 = amounts.iter().map(|a| f(*a).abs()).sum::<f64>() * n.max(1.0);
    (total + 1.0) * g.max(1.0 / g)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn fv_pv_pmt(rate in periodic_rate(), nper in periods(), a in amount(), b in amount(), w in when()) {
        let (r, n, x, y) = (f(rate), f(nper), f(a), f(b));
        let s = size(rate, nper, &[a, b]);
        agree("fv", float::fv(r, n, x, y, w), finance::fv(rate, nper, a, b, w), s)?;
        agree("pv", float::pv(r, n, x, y, w), finance::pv(rate, nper, a, b, w), s)?;
        agree("pmt", float::pmt(r, n, x, y, w), finance::pmt(rate, nper, a, b, w), s)?;
    }

    #[test]
    fn parts_of_a_payment(rate in periodic_rate(), nper in 1i64..480, per_frac in 0u32..=1000, pv in amount(), fv in amount(), w in when()) {
        let per = Decimal::from(1 + (i64::from(per_frac) * (nper - 1)) / 1000);
        let nper = Decimal::from(nper);
        let (r, p, n, x, y) = (f(rate), f(per), f(nper), f(pv), f(fv));
        let s = size(rate, nper, &[pv, fv]);
        agree("ipmt", float::ipmt(r, p, n, x, y, w), finance::ipmt(rate, per, nper, pv, fv, w), s)?;
        agree("ppmt", float::ppmt(r, p, n, x, y, w), finance::ppmt(rate, per, nper, pv, fv, w), s)?;
    }

    #[test]
    fn cumulative_parts(rate in periodic_rate(), nper in 1i64..480, start_frac in 0u32..=1000, span in 0i64..48, pv in amount(), w in when()) {
        let start = 1 + (i64::from(start_frac) * (nper - 1)) / 1000;
        let end = (start + span).min(nper);
        let (start, end, nper) = (Decimal::from(start), Decimal::from(end), Decimal::from(nper));
        let (r, n, x, s0, s1) = (f(rate), f(nper), f(pv), f(start), f(end));
        let s = size(rate, nper, &[pv]);
        agree("cumipmt", float::cumipmt(r, n, x, s0, s1, w), finance::cumipmt(rate, nper, pv, start, end, w), s)?;
        agree("cumprinc", float::cumprinc(r, n, x, s0, s1, w), finance::cumprinc(rate, nper, pv, start, end, w), s)?;
    }

    /// The term of a loan whose payment is known (rounded to the cent, so the term is fractional).
    #[test]
    fn nper_of_a_loan(rate in periodic_rate(), nper in periods(), pv in amount(), balloon in 0u32..=50, w in when()) {
        let fv = -pv * Decimal::new(i64::from(balloon), 2);
        let Ok(payment) = finance::pmt(rate, nper, pv, fv, w) else { return Ok(()) };
        let payment = payment.round_dp(2);
        let s = size(rate, nper, &[pv, fv]) / f(nper).max(1.0);
        agree("nper", float::nper(f(rate), f(payment), f(pv), f(fv), w), finance::nper(rate, payment, pv, fv, w), s)?;
    }

    /// The rate of a loan whose payment is known to the cent.
    #[test]
    fn rate_of_a_loan(rate in (-20_000i64..50_000).prop_map(|m| Decimal::new(m, 6)), nper in 1i64..480, pv in 100_000i64..1_000_000_000, balloon in 0u32..=50, w in when()) {
        let (nper, pv) = (Decimal::from(nper), Decimal::new(pv, 2));
        let fv = -pv * Decimal::new(i64::from(balloon), 2);
        let payment = finance::pmt(rate, nper, pv, fv, w).unwrap().round_dp(2);
        let fast = float::rate(f(nper), f(payment), f(pv), f(fv), w, None);
        let exact = finance::rate(nper, payment, pv, fv, w, None);
        agree("rate", fast, exact, 1e-2)?;
    }

    #[test]
    fn npv_irr_mirr(outlay in 1_000i64..1_000_000, returns in proptest::collection::vec(0i64..500_000, 1..60), rate in periodic_rate(), finance_rate in periodic_rate()) {
        let mut values = vec![Decimal::from(-outlay)];
        values.extend(returns.iter().map(|r| Decimal::new(*r, 0)));
        let floats: Vec<f64> = values.iter().map(|v| f(*v)).collect();
        let s = size(rate, Decimal::from(values.len()), &values);
        agree("npv", float::npv(f(rate), &floats), finance::npv(rate, &values), s)?;
        agree("irr", float::irr(&floats, None), finance::irr(&values, None), 1e-2)?;
        agree("mirr", float::mirr(&floats, f(finance_rate), f(rate)), finance::mirr(&values, finance_rate, rate), 1e-2)?;
    }

    #[test]
    fn xnpv_xirr(outlay in 1_000i64..1_000_000, flows in proptest::collection::vec((30i64..3650, 0i64..500), 1..40), rate in (-500i64..5_000).prop_map(|m| Decimal::new(m, 4))) {
        // An outlay, then receipts of up to half of it each, from a month to ten years on.
        let start = NaiveDate::from_ymd_opt(2020, 1, 15).unwrap();
        let mut dated = vec![(start, Decimal::from(-outlay))];
        dated.extend(flows.iter().map(|(d, permille)| (start + Duration::days(*d), Decimal::from(outlay * permille / 1000))));
        let floats: Vec<(NaiveDate, f64)> = dated.iter().map(|(d, v)| (*d, f(*v))).collect();
        let total: f64 = floats.iter().map(|(_, v)| v.abs()).sum();
        for dc in [DayCount::Act365Fixed, DayCount::ActActIsda, DayCount::Thirty360BondBasis] {
            agree("xnpv", float::xnpv(f(rate), &floats, dc), finance::xnpv(rate, &dated, dc), total * 1e2)?;
            agree("xirr", float::xirr(&floats, dc, None), finance::xirr(&dated, dc, None), 1e-2)?;
        }
    }
}

/// A column of f64 inputs for the row kernels: mostly ordinary, sometimes a row the kernels hand to the
/// scalar functions (a zero rate, a rate below -50%, a huge term).
fn column_rate() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => -0.05f64..0.2,
        1 => Just(0.0),
        1 => -0.9f64..-0.5,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The column kernels give the scalar functions' values row by row (to 1e-12), and their errors.
    #[test]
    fn column_kernels_are_the_scalar_functions(rows in proptest::collection::vec((column_rate(), 1u32..2000, -1e7f64..1e7, -1e5f64..1e5, 0u32..=1000), 1..700), w in when()) {
        let rate: Vec<f64> = rows.iter().map(|r| r.0).collect();
        let nper: Vec<f64> = rows.iter().map(|r| f64::from(r.1)).collect();
        let pv: Vec<f64> = rows.iter().map(|r| r.2).collect();
        let fv: Vec<f64> = rows.iter().map(|r| r.3).collect();
        let per: Vec<f64> = rows.iter().map(|r| (f64::from(r.4) / 1000.0 * (f64::from(r.1) - 1.0)).floor() + 1.0).collect();
        let pay: Vec<f64> = rows.iter().map(|r| float::pmt(r.0, f64::from(r.1), r.2, r.3, w).unwrap_or(1.0)).collect();
        let mut out = vec![0.0; rows.len()];
        // Rounding differs between the two by a few ulps of the terms, which cancel in some rows (the fv of a
        // loan that is fully repaid is zero up to the noise of terms of 1e26): a floor in their size.
        let size = |i: usize| {
            let g = (rate[i].ln_1p() * nper[i]).exp();
            (pv[i].abs() + fv[i].abs() + pay[i].abs() * nper[i] + 1.0) * g.max(1.0 / g)
        };
        let check = |name: &str, got: Result<(), float::RowError>, out: &[f64], one: &dyn Fn(usize) -> Result<f64, Error>| -> Result<(), TestCaseError> {
            let first_error = (0..out.len()).find_map(|i| one(i).err().map(|e| (i, e)));
            match (got, first_error) {
                (Ok(()), None) => {
                    for (i, value) in out.iter().enumerate() {
                        let want = one(i).unwrap();
                        prop_assert!((value - want).abs() <= 1e-12 * want.abs() + 1e-14 * size(i), "{name} row {i}: {value} vs {want}");
                    }
                }
                (Err(e), Some((i, want))) => prop_assert!(e.row == i && e.error == want, "{name}: {e:?} vs row {i}: {want:?}"),
                (got, want) => prop_assert!(false, "{name}: {got:?} vs {want:?}"),
            }
            Ok(())
        };
        use float::Column::{Same, Values};
        let got = float::pmt_rows(Values(&rate), Values(&nper), Values(&pv), Values(&fv), w, &mut out);
        check("pmt", got, &out, &|i| float::pmt(rate[i], nper[i], pv[i], fv[i], w))?;
        let got = float::fv_rows(Values(&rate), Values(&nper), Values(&pay), Values(&pv), w, &mut out);
        check("fv", got, &out, &|i| float::fv(rate[i], nper[i], pay[i], pv[i], w))?;
        let got = float::pv_rows(Values(&rate), Values(&nper), Values(&pay), Same(0.0), w, &mut out);
        check("pv", got, &out, &|i| float::pv(rate[i], nper[i], pay[i], 0.0, w))?;
        let got = float::ipmt_rows(Values(&rate), Values(&per), Values(&nper), Values(&pv), Values(&fv), w, &mut out);
        check("ipmt", got, &out, &|i| float::ipmt(rate[i], per[i], nper[i], pv[i], fv[i], w))?;
        let got = float::ppmt_rows(Values(&rate), Values(&per), Values(&nper), Values(&pv), Values(&fv), w, &mut out);
        check("ppmt", got, &out, &|i| float::ppmt(rate[i], per[i], nper[i], pv[i], fv[i], w))?;
        let got = float::nper_rows(Values(&rate), Values(&pay), Values(&pv), Same(0.0), w, &mut out);
        check("nper", got, &out, &|i| float::nper(rate[i], pay[i], pv[i], 0.0, w))?;
    }
}
