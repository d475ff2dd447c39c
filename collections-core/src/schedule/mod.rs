//! Amortized repayment schedules: level payment, level principal, interest-only then balloon, balloon,
//! graduated and caller-given payments, with periodic or daily interest, odd first periods, payment
//! holidays and named rounding.
//!
//! One engine builds every kind. Each row accrues interest on its opening balance (periodic: annual rate
//! / periods a year; daily: annual rate × the day count's year fraction between due dates), rounded to
//! the currency's minor units by a named mode. A holiday row pays nothing and capitalizes or defers its
//! interest. A paying row takes its scheduled payment; the last row, or any row whose principal would
//! exceed the balance, pays the balance off exactly. So the principal column always adds up to the
//! principal (a capitalized row shows its interest as negative principal), the last balance is zero, and
//! no balance is ever negative.

mod terms;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use terms::{
    HolidayInterest, InterestMethod, KindParams, OddFirstPeriod, ScheduleKind, ScheduleTerms,
    TermOrPayment, DEFAULT_MAX_ROWS, MAX_ROWS_LIMIT,
};

use crate::calendar::DayCount;
use crate::error::{Error, Result};
use crate::finance::arith::{pow, Checked};
use crate::money::{round_decimal, round_ratio, round_ratio_i64, round_to_multiple, RoundingMode};
use crate::rate::Rate;

/// One installment of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// 1-based installment number.
    pub number: u32,
    /// The due date.
    pub due_date: NaiveDate,
    /// Days since the previous due date (for the first row, since the interest start).
    pub days: i64,
    /// The balance before this row.
    pub opening_balance: Decimal,
    /// The amount due (zero on a payment holiday).
    pub payment: Decimal,
    /// The interest charged in this row: its own, plus any deferred from holidays before it (on a
    /// capitalizing holiday, the interest added to the balance).
    pub interest: Decimal,
    /// On a deferring holiday, the interest accrued and carried to the next paying row.
    pub deferred_interest: Decimal,
    /// The principal repaid (negative when interest is capitalized).
    pub principal: Decimal,
    /// The balance after this row.
    pub closing_balance: Decimal,
    /// Whether this row is a payment holiday.
    pub holiday: bool,
}

/// The sums of a schedule's columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// All payments.
    pub payment: Decimal,
    /// All interest.
    pub interest: Decimal,
    /// All principal: the principal lent (plus any capitalized odd-period interest).
    pub principal: Decimal,
}

/// An amortization schedule: the terms it was built from, its rows and totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    terms: ScheduleTerms,
    rows: Vec<Row>,
    totals: Totals,
    level_payment: Option<Decimal>,
}

/// Changes for [`Schedule::reamortize`]; `None` keeps the current value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reamortization {
    /// A new annual rate.
    pub annual_rate: Option<Rate>,
    /// A new number of periods from the re-amortized row on.
    pub term: Option<u32>,
    /// A new level payment (the term follows from it).
    pub payment: Option<Decimal>,
}

impl Schedule {
    /// The terms the schedule was built from.
    pub fn terms(&self) -> &ScheduleTerms {
        &self.terms
    }

    /// The rows, in order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The column totals.
    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    /// The rounded level (or first graduated) payment, for kinds that have one.
    pub fn level_payment(&self) -> Option<Decimal> {
        self.level_payment
    }

    /// A new schedule that keeps rows before `from_row` and rebuilds the rest from that row's opening
    /// balance with a new rate, term or payment (a rate change, a restructured plan).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::schedule::{amortize, Reamortization, ScheduleTerms, TermOrPayment};
    /// use collections_core::{Currency, Frequency, Rate};
    /// use rust_decimal_macros::dec;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let terms = ScheduleTerms::new(dec!(2000), Currency::USD, Rate::from_percent(dec!(10)).unwrap(),
    ///     d(2026, 1, 1), d(2026, 2, 1), collections_core::Frequency::Monthly, TermOrPayment::Term(24));
    /// let s = amortize(&terms).unwrap();
    /// let cheaper = s.reamortize(13, Reamortization { annual_rate: Some(Rate::from_percent(dec!(5)).unwrap()), ..Default::default() }).unwrap();
    /// assert_eq!(cheaper.rows().len(), 24);
    /// assert_eq!(cheaper.rows()[11], s.rows()[11]);
    /// assert!(cheaper.totals().interest < s.totals().interest);
    /// assert_eq!(cheaper.totals().principal, dec!(2000));
    /// ```
    pub fn reamortize(&self, from_row: u32, change: Reamortization) -> Result<Schedule> {
        let index = usize::try_from(from_row).unwrap_or(usize::MAX);
        if from_row == 0 || index > self.rows.len() {
            return Err(Error::invalid(
                "from_row",
                from_row,
                format!("must be a row from 1 to {}", self.rows.len()),
            ));
        }
        let row = &self.rows[index - 1];
        let kept = &self.rows[..index - 1];
        let mut terms = self.terms.clone();
        terms.principal = row.opening_balance;
        terms.start_date = kept.last().map_or(self.terms.start_date, |r| r.due_date);
        terms.first_due_date = row.due_date;
        terms.odd_first_period = OddFirstPeriod::Ignore;
        if let Some(rate) = change.annual_rate {
            terms.annual_rate = rate;
        }
        let remaining = u32::try_from(self.rows.len() - kept.len()).unwrap_or(u32::MAX);
        terms.term_or_payment = match (change.term, change.payment) {
            (Some(_), Some(p)) => {
                return Err(Error::invalid(
                    "payment",
                    p,
                    "give a new term or a new payment, not both",
                ))
            }
            (_, Some(p)) => {
                terms.kind = ScheduleKind::LevelPayment;
                TermOrPayment::Payment(p)
            }
            (Some(n), None) => TermOrPayment::Term(n),
            (None, None) => TermOrPayment::Term(remaining),
        };
        terms.payment_holidays = self
            .terms
            .payment_holidays
            .iter()
            .filter(|h| **h >= from_row)
            .map(|h| h - from_row + 1)
            .collect();
        if let ScheduleKind::Custom(list) = &terms.kind {
            // The list has one payment per paying row: skip those the kept rows paid, not their holidays.
            let paid = kept.iter().filter(|r| !r.holiday).count();
            terms.kind = ScheduleKind::Custom(list.iter().skip(paid).copied().collect());
        }
        if terms.principal.is_zero() {
            return Err(Error::invalid(
                "from_row",
                from_row,
                "the balance is already repaid there",
            ));
        }
        let rest = amortize(&terms)?;
        let mut rows: Vec<Row> = kept.to_vec();
        rows.extend(rest.rows.into_iter().map(|mut r| {
            r.number += from_row - 1;
            r
        }));
        let mut combined = self.terms.clone();
        combined.term_or_payment =
            TermOrPayment::Term(u32::try_from(rows.len()).unwrap_or(u32::MAX));
        let totals = totals(&rows, self.terms.currency.minor_units())?;
        Ok(Schedule {
            terms: combined,
            rows,
            totals,
            level_payment: rest.level_payment,
        })
    }
}

fn totals(rows: &[Row], minor_units: u32) -> Result<Totals> {
    let zero = Decimal::new(0, minor_units);
    let mut t = Totals {
        payment: zero,
        interest: zero,
        principal: zero,
    };
    for r in rows {
        t.payment = t.payment.add_c(r.payment, "payment")?;
        t.interest = t.interest.add_c(r.interest, "interest")?;
        t.principal = t.principal.add_c(r.principal, "principal")?;
    }
    Ok(t)
}

fn round_units(value: Decimal, terms: &ScheduleTerms, mode: RoundingMode) -> Result<Decimal> {
    let mut v = round_decimal(value, terms.currency.minor_units(), mode)?;
    v.rescale(terms.currency.minor_units());
    Ok(v)
}

/// The scheduled payment, rounded by the payment rules.
fn round_payment(value: Decimal, terms: &ScheduleTerms) -> Result<Decimal> {
    let v = round_units(value, terms, terms.payment_rounding)?;
    match terms.payment_multiple {
        Some(m) => {
            let mut r = round_to_multiple(v, m, terms.payment_rounding)?;
            r.rescale(terms.currency.minor_units());
            Ok(r)
        }
        None => Ok(v),
    }
}

/// Builds the schedule.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::schedule::{amortize, ScheduleTerms, TermOrPayment};
/// use collections_core::{Currency, Frequency, Rate};
/// use rust_decimal_macros::dec;
///
/// // 200000 at 6% over 360 months: payment 1199.10, last 1200.14, interest 231677.04.
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let terms = ScheduleTerms::new(dec!(200000), Currency::USD, Rate::from_percent(dec!(6)).unwrap(),
///     d(2026, 1, 1), d(2026, 2, 1), Frequency::Monthly, TermOrPayment::Term(360));
/// let s = amortize(&terms).unwrap();
/// assert_eq!(s.level_payment(), Some(dec!(1199.10)));
/// assert_eq!((s.rows()[0].interest, s.rows()[0].principal, s.rows()[0].closing_balance), (dec!(1000.00), dec!(199.10), dec!(199800.90)));
/// assert_eq!(s.rows().last().unwrap().payment, dec!(1200.14));
/// assert_eq!(s.totals().interest, dec!(231677.04));
/// assert_eq!(s.totals().principal, dec!(200000));
/// ```
pub fn amortize(terms: &ScheduleTerms) -> Result<Schedule> {
    let mu = terms.currency.minor_units();
    let mut rows: Vec<Row> = Vec::with_capacity(
        usize::try_from(
            match terms.term_or_payment {
                TermOrPayment::Term(n) => n,
                TermOrPayment::Payment(_) => terms.max_rows,
            }
            .min(DEFAULT_MAX_ROWS),
        )
        .unwrap_or(0),
    );
    let (totals, level_payment) = build(terms, &mut None, |r| {
        let dec = |v: i128| parts_decimal(v, mu);
        rows.push(Row {
            number: r.number,
            due_date: r.due_date,
            days: r.days,
            opening_balance: dec(r.opening_balance),
            payment: dec(r.payment),
            interest: dec(r.interest),
            deferred_interest: dec(r.deferred_interest),
            principal: dec(r.principal),
            closing_balance: dec(r.closing_balance),
            holiday: r.holiday,
        });
    })?;
    Ok(Schedule {
        terms: terms.clone(),
        rows,
        totals,
        level_payment,
    })
}

/// One installment of a schedule with its amounts as whole counts of the currency's minor units
/// (cents for USD): what [`amortize_each`] hands its callback. The fields mean what [`Row`]'s do;
/// every amount is below 2^96 in magnitude, so `Decimal::from_i128_with_scale(units,
/// currency.minor_units())` is the row's amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowUnits {
    /// 1-based installment number.
    pub number: u32,
    /// The due date.
    pub due_date: NaiveDate,
    /// Days since the previous due date (for the first row, since the interest start).
    pub days: i64,
    /// The balance before this row, in minor units.
    pub opening_balance: i128,
    /// The amount due, in minor units.
    pub payment: i128,
    /// The interest charged in this row, in minor units.
    pub interest: i128,
    /// On a deferring holiday, the interest carried to the next paying row, in minor units.
    pub deferred_interest: i128,
    /// The principal repaid, in minor units.
    pub principal: i128,
    /// The balance after this row, in minor units.
    pub closing_balance: i128,
    /// Whether this row is a payment holiday.
    pub holiday: bool,
}

/// Builds the schedule of [`amortize`] without keeping it: `each` is called with every installment,
/// in order, its amounts in minor units ([`RowUnits`]), and the totals are returned. For writing
/// many schedules into one table (a database, a columnar buffer) without a `Vec<Row>` per loan.
///
/// The rows handed over are the rows [`amortize`] returns, one for one. On an error some rows may
/// already have been handed to `each` (a payment that does not repay the loan within `max_rows` is
/// found at the end): discard the loan's rows when this returns an error.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::schedule::{amortize, amortize_each, ScheduleTerms, TermOrPayment};
/// use collections_core::{Currency, Frequency, Rate};
/// use rust_decimal::Decimal;
/// use rust_decimal_macros::dec;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let terms = ScheduleTerms::new(dec!(200000), Currency::USD, Rate::from_percent(dec!(6)).unwrap(),
///     d(2026, 1, 1), d(2026, 2, 1), Frequency::Monthly, TermOrPayment::Term(360));
/// let mut interest_cents = Vec::new();
/// let totals = amortize_each(&terms, |row| interest_cents.push(row.interest)).unwrap();
/// assert_eq!(interest_cents[0], 100_000); // 1000.00
/// assert_eq!(Decimal::from_i128_with_scale(interest_cents.iter().sum(), 2), dec!(231677.04));
/// assert_eq!(totals, *amortize(&terms).unwrap().totals());
/// ```
pub fn amortize_each(terms: &ScheduleTerms, each: impl FnMut(&RowUnits)) -> Result<Totals> {
    build(terms, &mut None, each).map(|(totals, _)| totals)
}

/// The annuity factors an [`Amortizer`] keeps at most (then it starts again).
const ANNUITIES_KEPT: usize = 4096;

/// Builds many schedules, keeping the annuity factor `(1 - (1 + r)^-n) / r` of each periodic rate
/// and term it has met, so that loans priced alike (the same rate and term) skip the Decimal power
/// and divisions of their level payment. The schedules are exactly [`amortize_each`]'s: the factor
/// is looked up by the periodic rate's exact representation and the term, and only for loans without
/// payment holidays.
///
/// One `Amortizer` a thread: it is cheap to make, and not shared.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::schedule::{amortize_each, Amortizer, ScheduleTerms, TermOrPayment};
/// use collections_core::{Currency, Frequency, Rate};
/// use rust_decimal_macros::dec;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let mut amortizer = Amortizer::new();
/// for principal in [dec!(1000), dec!(2500), dec!(1000)] {
///     let terms = ScheduleTerms::new(principal, Currency::USD, Rate::from_percent(dec!(12)).unwrap(),
///         d(2026, 1, 1), d(2026, 2, 1), Frequency::Monthly, TermOrPayment::Term(12));
///     let (mut a, mut b) = (Vec::new(), Vec::new());
///     let totals = amortizer.amortize_each(&terms, |r| a.push(*r)).unwrap();
///     assert_eq!(totals, amortize_each(&terms, |r| b.push(*r)).unwrap());
///     assert_eq!(a, b);
/// }
/// assert_eq!(amortizer.annuities_kept(), 1); // one rate and term met
/// ```
#[derive(Debug, Default, Clone)]
pub struct Amortizer {
    annuities: HashMap<(i128, u32, u32), Decimal>,
}

impl Amortizer {
    /// An amortizer that has met no rate yet.
    pub fn new() -> Amortizer {
        Amortizer::default()
    }

    /// [`amortize_each`], reusing the annuity factors met before.
    pub fn amortize_each(
        &mut self,
        terms: &ScheduleTerms,
        each: impl FnMut(&RowUnits),
    ) -> Result<Totals> {
        if self.annuities.len() >= ANNUITIES_KEPT {
            self.annuities.clear();
        }
        build(terms, &mut Some(&mut self.annuities), each).map(|(totals, _)| totals)
    }

    /// How many annuity factors it keeps now.
    pub fn annuities_kept(&self) -> usize {
        self.annuities.len()
    }
}

/// The schedule's rows handed to `each` as they are made; its totals and level payment returned.
fn build(
    terms: &ScheduleTerms,
    annuities: &mut Option<&mut HashMap<(i128, u32, u32), Decimal>>,
    mut each: impl FnMut(&RowUnits),
) -> Result<(Totals, Option<Decimal>)> {
    terms.validate()?;
    let mu = terms.currency.minor_units();
    let annual = terms.annual_rate.as_fraction();
    let periods_per_year = i128::from(terms.frequency.periods_per_year());
    let r = annual.div_c(Decimal::from(periods_per_year), "annual_rate")?;
    let fixed_term = matches!(terms.term_or_payment, TermOrPayment::Term(_));
    let n = match terms.term_or_payment {
        TermOrPayment::Term(n) => n,
        TermOrPayment::Payment(_) => terms.max_rows,
    };
    let mut holidays = terms.payment_holidays.clone();
    holidays.sort_unstable();
    holidays.dedup();
    if let Some(h) = holidays
        .iter()
        .find(|h| **h == 0 || (fixed_term && **h > n))
    {
        return Err(Error::invalid(
            "payment_holidays",
            h,
            format!("must be periods from 1 to the term ({n})"),
        ));
    }
    if fixed_term && holidays.last() == Some(&n) {
        return Err(Error::invalid(
            "payment_holidays",
            n,
            "the last period must be a paying one",
        ));
    }
    let is_holiday = |k: u32| holidays.binary_search(&k).is_ok();
    let paying_within = |count: u32| {
        let skipped = holidays.iter().take_while(|h| **h <= count).count();
        u32::try_from(skipped).map_or(0, |s| count.saturating_sub(s))
    };
    let interest_mode = terms.interest_rounding;

    // The odd first period: interest from the disbursement to one regular period before the first
    // due date (negative for a short first period).
    let regular_start =
        terms
            .frequency
            .add_periods(terms.first_due_date, -1, terms.end_of_month)?;
    let daily_count = match terms.interest_method {
        InterestMethod::Daily(dc) => Some(dc),
        InterestMethod::Periodic => None,
    };
    let principal_units = to_units(terms.principal, mu)?;
    let stub =
        if terms.odd_first_period == OddFirstPeriod::Ignore || regular_start == terms.start_date {
            0
        } else {
            let dc = daily_count.unwrap_or(terms.stub_day_count);
            accrue_days(
                principal_units,
                annual,
                dc,
                terms.start_date,
                regular_start,
                interest_mode,
                mu,
            )?
        };
    let capitalized = terms.odd_first_period == OddFirstPeriod::Capitalize && stub > 0;
    let principal = if capitalized {
        principal_units
            .checked_add(stub)
            .ok_or_else(|| overflow(principal_units))?
    } else {
        principal_units
    };
    let first_row_stub = if capitalized { 0 } else { stub };
    let principal_dec = from_units(principal, mu)?;

    // The level (or first graduated) payment.
    let mut graduated_step = Decimal::ONE;
    let mut graduated_every = 1u32;
    let mut graduated_first = Decimal::ZERO;
    let level: Option<i128> = match (&terms.kind, terms.term_or_payment) {
        (_, TermOrPayment::Payment(p)) => {
            let first_interest = accrue(principal, annual, 1, periods_per_year, interest_mode, mu)?;
            let p = to_units(round_units(p, terms, terms.payment_rounding)?, mu)?;
            if p <= first_interest {
                let minimum = first_interest
                    .checked_add(1)
                    .ok_or_else(|| overflow(first_interest))
                    .and_then(|units| from_units(units, mu))?;
                return Err(Error::no_solution(
                    "payment",
                    from_units(p, mu)?,
                    format!("the payment never repays the loan; the minimum payment is {minimum}"),
                ));
            }
            Some(p)
        }
        (ScheduleKind::LevelPayment, _) => Some(to_units(
            round_payment(
                principal_dec.div_c(annuity_kept(annuities, r, n, &holidays)?, "payment")?,
                terms,
            )?,
            mu,
        )?),
        (
            ScheduleKind::Balloon {
                amortization_periods,
            },
            _,
        ) => {
            if *amortization_periods < n {
                return Err(Error::invalid(
                    "amortization_periods",
                    amortization_periods,
                    format!("must be at least the term ({n})"),
                ));
            }
            Some(to_units(
                round_payment(
                    principal_dec.div_c(
                        annuity_kept(annuities, r, *amortization_periods, &holidays)?,
                        "payment",
                    )?,
                    terms,
                )?,
                mu,
            )?)
        }
        (
            ScheduleKind::Graduated {
                step_percent,
                every,
            },
            _,
        ) => {
            graduated_step = Decimal::ONE.add_c(
                step_percent.div_c(Decimal::ONE_HUNDRED, "step_percent")?,
                "step_percent",
            )?;
            graduated_every = *every;
            graduated_first = principal_dec.div_c(
                graduated_annuity(r, n, &holidays, graduated_step, graduated_every)?,
                "payment",
            )?;
            None
        }
        _ => None,
    };
    let level_principal = to_units(
        round_units(
            principal_dec.div_c(Decimal::from(paying_within(n).max(1)), "principal")?,
            terms,
            terms.payment_rounding,
        )?,
        mu,
    )?;

    // Interest of row 1 runs from the disbursement when the odd period is charged in it.
    let mut previous_due = match (daily_count, terms.odd_first_period) {
        (Some(_), OddFirstPeriod::AddToFirstInstallment) => terms.start_date,
        _ if capitalized || terms.odd_first_period == OddFirstPeriod::Ignore => regular_start,
        _ if first_row_stub != 0 => terms.start_date,
        _ => regular_start,
    };
    let mut balance = principal;
    let mut deferred = 0i128;
    let mut paid_rows = 0u32;
    let (mut total_payment, mut total_interest, mut total_principal) = (0i128, 0i128, 0i128);
    let units = |v: i128| from_units(v, mu);
    let add = |a: i128, b: i128| a.checked_add(b).ok_or_else(|| overflow(a));
    let sub = |a: i128, b: i128| a.checked_sub(b).ok_or_else(|| overflow(a));
    for k in 1..=n {
        let due = terms.frequency.add_periods(
            terms.first_due_date,
            i64::from(k) - 1,
            terms.end_of_month,
        )?;
        let days = i64::from(due.num_days_from_ce()) - i64::from(previous_due.num_days_from_ce());
        let mut interest = match daily_count {
            Some(dc) => accrue_days(balance, annual, dc, previous_due, due, interest_mode, mu)?,
            None => accrue(balance, annual, 1, periods_per_year, interest_mode, mu)?,
        };
        if k == 1 && daily_count.is_none() {
            interest = add(interest, first_row_stub)?.max(0);
        }
        previous_due = due;
        let opening = balance;
        let (payment, charged, carried, principal_part) = if is_holiday(k) {
            match terms.holiday_interest {
                HolidayInterest::Capitalize => (0, interest, 0, -interest),
                HolidayInterest::Defer => {
                    deferred = add(deferred, interest)?;
                    (0, 0, interest, 0)
                }
            }
        } else {
            let interest_due = add(interest, deferred)?;
            deferred = 0;
            let scheduled = match &terms.kind {
                ScheduleKind::LevelPayment | ScheduleKind::Balloon { .. } => level.unwrap_or(0),
                ScheduleKind::Graduated { .. } => {
                    let step = paid_rows / graduated_every;
                    to_units(
                        round_payment(
                            graduated_first.mul_c(
                                pow(graduated_step, Decimal::from(step), "step_percent")?,
                                "payment",
                            )?,
                            terms,
                        )?,
                        mu,
                    )?
                }
                ScheduleKind::LevelPrincipal => add(level_principal, interest_due)?,
                ScheduleKind::InterestOnlyThenBalloon => interest_due,
                ScheduleKind::Custom(list) => match list.get(paid_rows as usize) {
                    Some(p) => to_units(*p, mu)?,
                    None => 0,
                },
            };
            paid_rows += 1;
            // A fixed term ends by paying off; a fixed payment must repay by itself within max_rows.
            let principal_part = sub(scheduled, interest_due)?;
            if (fixed_term && k == n) || principal_part >= balance {
                (add(balance, interest_due)?, interest_due, 0, balance)
            } else {
                (scheduled, interest_due, 0, principal_part)
            }
        };
        balance = sub(balance, principal_part)?;
        total_payment = add(total_payment, payment)?;
        total_interest = add(total_interest, charged)?;
        total_principal = add(total_principal, principal_part)?;
        // One bound check for the row; every amount then converts without a check.
        let widest = opening.unsigned_abs()
            | payment.unsigned_abs()
            | charged.unsigned_abs()
            | carried.unsigned_abs()
            | principal_part.unsigned_abs()
            | balance.unsigned_abs();
        if widest >> 96 != 0 {
            return Err(overflow(balance));
        }
        each(&RowUnits {
            number: k,
            due_date: due,
            days,
            opening_balance: opening,
            payment,
            interest: charged,
            deferred_interest: carried,
            principal: principal_part,
            closing_balance: balance,
            holiday: is_holiday(k),
        });
        if balance == 0 && !is_holiday(k) {
            break;
        }
    }
    if balance != 0 {
        return Err(Error::invalid(
            "max_rows",
            terms.max_rows,
            format!(
                "the schedule does not repay the loan within {} rows (balance {})",
                terms.max_rows,
                units(balance)?
            ),
        ));
    }
    // Graduated payments report their first (rounded) step.
    let level_payment = match &terms.kind {
        ScheduleKind::Graduated { .. } if level.is_none() && fixed_term => {
            Some(round_payment(graduated_first, terms)?)
        }
        _ => level.map(units).transpose()?,
    };
    Ok((
        Totals {
            payment: units(total_payment)?,
            interest: units(total_interest)?,
            principal: units(total_principal)?,
        },
        level_payment,
    ))
}

fn overflow(value: impl std::fmt::Display) -> Error {
    Error::overflow("principal", value)
}

/// `value` (at most `minor_units` decimals) as an integer count of minor units.
fn to_units(value: Decimal, minor_units: u32) -> Result<i128> {
    let scale = value.scale();
    if scale > minor_units {
        // Callers round first; a value that still has more decimals is rounded half-up here.
        let mut v = value.round_dp_with_strategy(
            minor_units,
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        );
        v.rescale(minor_units);
        return Ok(v.mantissa());
    }
    10i128
        .checked_pow(minor_units - scale)
        .and_then(|f| value.mantissa().checked_mul(f))
        .ok_or_else(|| overflow(value))
}

/// A count of minor units as a Decimal with the currency's scale (zero is `0.00`, never `0`).
fn from_units(units: i128, minor_units: u32) -> Result<Decimal> {
    if units.unsigned_abs() >> 96 != 0 || minor_units > 28 {
        return Err(overflow(units));
    }
    Ok(parts_decimal(units, minor_units))
}

/// The Decimal of `units` at `minor_units` decimals; the caller has checked that `units` fits 96 bits
/// and `minor_units` is at most 28 (a currency's minor units always are).
#[inline]
fn parts_decimal(units: i128, minor_units: u32) -> Decimal {
    let magnitude = units.unsigned_abs();
    // The 96-bit mantissa's three words (truncation intended).
    #[allow(clippy::cast_possible_truncation)]
    let (lo, mid, hi) = (
        magnitude as u32,
        (magnitude >> 32) as u32,
        (magnitude >> 64) as u32,
    );
    Decimal::from_parts(lo, mid, hi, units < 0, minor_units)
}

/// Interest on `balance` (minor units) at `annual` for `num / den` of a year, rounded to minor units.
/// Exact in integers (so a true half cent is a tie); Decimal arithmetic when the integers would
/// overflow.
fn accrue(
    balance: i128,
    annual: Decimal,
    num: i128,
    den: i128,
    mode: RoundingMode,
    minor_units: u32,
) -> Result<i128> {
    let numerator = balance
        .checked_mul(annual.mantissa())
        .and_then(|x| x.checked_mul(num));
    let denominator = 10i128
        .checked_pow(annual.scale())
        .and_then(|p| p.checked_mul(den));
    let exact = match (numerator, denominator) {
        // 64-bit division is several times faster than 128-bit; most loans fit.
        (Some(n), Some(d)) => match (i64::try_from(n), i64::try_from(d)) {
            (Ok(n), Ok(d)) => round_ratio_i64(n, d, mode).map(i128::from),
            _ => round_ratio(n, d, mode),
        },
        _ => None,
    };
    match exact {
        Some(v) => Ok(v),
        None => {
            let value = from_units(balance, minor_units)?
                .mul_c(annual, "balance")?
                .mul_c(Decimal::from_i128_with_scale(num, 0), "balance")?
                .div_c(Decimal::from_i128_with_scale(den, 0), "balance")?;
            to_units(round_decimal(value, minor_units, mode)?, minor_units)
        }
    }
}

/// Interest on `balance` from `start` to `end` under a day count: exact `days / basis` where the
/// convention has a fixed basis, the Decimal year fraction otherwise.
fn accrue_days(
    balance: i128,
    annual: Decimal,
    day_count: DayCount,
    start: NaiveDate,
    end: NaiveDate,
    mode: RoundingMode,
    minor_units: u32,
) -> Result<i128> {
    match day_count.basis() {
        Some(basis) => accrue(
            balance,
            annual,
            i128::from(day_count.days(start, end)),
            i128::from(basis),
            mode,
            minor_units,
        ),
        None => {
            let value = from_units(balance, minor_units)?
                .mul_c(annual, "balance")?
                .mul_c(day_count.year_fraction(start, end)?, "balance")?;
            to_units(round_decimal(value, minor_units, mode)?, minor_units)
        }
    }
}

/// [`annuity`], looked up in (and added to) `kept` when given and there are no holidays; the key is
/// the rate's exact representation (mantissa and scale), so a hit is the same computation's result.
fn annuity_kept(
    kept: &mut Option<&mut HashMap<(i128, u32, u32), Decimal>>,
    r: Decimal,
    count: u32,
    holidays: &[u32],
) -> Result<Decimal> {
    match kept {
        Some(kept) if holidays.is_empty() => {
            let key = (r.mantissa(), r.scale(), count);
            if let Some(a) = kept.get(&key) {
                return Ok(*a);
            }
            let a = annuity(r, count, holidays)?;
            kept.insert(key, a);
            Ok(a)
        }
        _ => annuity(r, count, holidays),
    }
}

/// Σ v^k over the paying periods k in 1..=count, v = 1 / (1 + r): the closed form (1 − v^count) / r
/// less the holidays' terms (count less the holidays at a zero rate).
fn annuity(r: Decimal, count: u32, holidays: &[u32]) -> Result<Decimal> {
    let skipped: Vec<u32> = holidays.iter().copied().filter(|h| *h <= count).collect();
    if skipped.len() >= count as usize {
        return Err(Error::invalid(
            "payment_holidays",
            holidays.len(),
            "cover the whole term",
        ));
    }
    if r.is_zero() {
        return Ok(Decimal::from(count as usize - skipped.len()));
    }
    let v = Decimal::ONE.div_c(Decimal::ONE.add_c(r, "annual_rate")?, "annual_rate")?;
    let mut sum = Decimal::ONE
        .sub_c(pow(v, Decimal::from(count), "annual_rate")?, "annual_rate")?
        .div_c(r, "annual_rate")?;
    for h in skipped {
        sum = sum.sub_c(pow(v, Decimal::from(h), "annual_rate")?, "annual_rate")?;
    }
    Ok(sum)
}

/// Σ step^(j / every) · v^k over the paying periods k (the j-th paying period steps up every `every`).
fn graduated_annuity(
    r: Decimal,
    count: u32,
    holidays: &[u32],
    step: Decimal,
    every: u32,
) -> Result<Decimal> {
    let v = Decimal::ONE.div_c(Decimal::ONE.add_c(r, "annual_rate")?, "annual_rate")?;
    let (mut sum, mut discount, mut growth) = (Decimal::ZERO, Decimal::ONE, Decimal::ONE);
    let mut j = 0u32;
    for k in 1..=count {
        discount = discount.mul_c(v, "annual_rate")?;
        if holidays.binary_search(&k).is_ok() {
            continue;
        }
        if j > 0 && j % every == 0 {
            growth = growth.mul_c(step, "step_percent")?;
        }
        sum = sum.add_c(growth.mul_c(discount, "annual_rate")?, "annual_rate")?;
        j += 1;
    }
    if j == 0 {
        return Err(Error::invalid(
            "payment_holidays",
            holidays.len(),
            "cover the whole term",
        ));
    }
    Ok(sum)
}
