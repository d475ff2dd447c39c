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

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use terms::{
    HolidayInterest, InterestMethod, KindParams, OddFirstPeriod, ScheduleKind, ScheduleTerms,
    TermOrPayment, DEFAULT_MAX_ROWS,
};

use crate::error::{Error, Result};
use crate::finance::arith::{pow, Checked};
use crate::money::{round_decimal, round_to_multiple, RoundingMode};
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
            terms.kind = ScheduleKind::Custom(list.iter().skip(index - 1).copied().collect());
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
        let totals = totals(&rows)?;
        Ok(Schedule {
            terms: combined,
            rows,
            totals,
            level_payment: rest.level_payment,
        })
    }
}

fn totals(rows: &[Row]) -> Result<Totals> {
    let mut t = Totals {
        payment: Decimal::ZERO,
        interest: Decimal::ZERO,
        principal: Decimal::ZERO,
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
    terms.validate()?;
    let periods_per_year = Decimal::from(terms.frequency.periods_per_year());
    let annual = terms.annual_rate.as_fraction();
    let r = annual.div_c(periods_per_year, "annual_rate")?;
    let n = match terms.term_or_payment {
        TermOrPayment::Term(n) => n,
        TermOrPayment::Payment(_) => terms.max_rows,
    };
    let is_holiday = |k: u32| terms.payment_holidays.contains(&k);
    if let Some(h) = terms
        .payment_holidays
        .iter()
        .find(|h| **h == 0 || (matches!(terms.term_or_payment, TermOrPayment::Term(_)) && **h > n))
    {
        return Err(Error::invalid(
            "payment_holidays",
            h,
            format!("must be periods from 1 to the term ({n})"),
        ));
    }
    if let TermOrPayment::Term(_) = terms.term_or_payment {
        if is_holiday(n) {
            return Err(Error::invalid(
                "payment_holidays",
                n,
                "the last period must be a paying one",
            ));
        }
    }

    // The odd first period: interest from the disbursement to one regular period before the first due date.
    let regular_start =
        terms
            .frequency
            .add_periods(terms.first_due_date, -1, terms.end_of_month)?;
    let stub_count = match terms.interest_method {
        InterestMethod::Periodic => terms.stub_day_count,
        InterestMethod::Daily(dc) => dc,
    };
    let stub =
        if terms.odd_first_period == OddFirstPeriod::Ignore || regular_start == terms.start_date {
            Decimal::ZERO
        } else {
            let yf = stub_count.year_fraction(terms.start_date, regular_start)?;
            round_units(
                terms
                    .principal
                    .mul_c(annual, "principal")?
                    .mul_c(yf, "principal")?,
                terms,
                terms.interest_rounding,
            )?
        };
    let capitalized = terms.odd_first_period == OddFirstPeriod::Capitalize && stub > Decimal::ZERO;
    let principal = if capitalized {
        terms.principal.add_c(stub, "principal")?
    } else {
        terms.principal
    };
    let first_row_stub = if capitalized { Decimal::ZERO } else { stub };

    // Discount factors of the paying periods, for the level, balloon and graduated payments.
    let paying = |count: u32| -> Vec<u32> { (1..=count).filter(|k| !is_holiday(*k)).collect() };
    // Σ growth(j) · v^k over the paying periods k, with v = 1 / (1 + r) raised by one multiplication a
    // period (a power per period costs 20 times more; the accumulated error stays below 1e-25).
    let v = Decimal::ONE.div_c(Decimal::ONE.add_c(r, "annual_rate")?, "annual_rate")?;
    let annuity =
        |periods: &[u32], growth_of: &dyn Fn(usize) -> Result<Decimal>| -> Result<Decimal> {
            let mut sum = Decimal::ZERO;
            let mut discount = Decimal::ONE;
            let mut at = 0u32;
            for (j, k) in periods.iter().enumerate() {
                while at < *k {
                    discount = discount.mul_c(v, "annual_rate")?;
                    at += 1;
                }
                sum = sum.add_c(growth_of(j)?.mul_c(discount, "annual_rate")?, "annual_rate")?;
            }
            if sum.is_zero() {
                return Err(Error::invalid(
                    "payment_holidays",
                    terms.payment_holidays.len(),
                    "cover the whole term",
                ));
            }
            Ok(sum)
        };
    let flat = |_: usize| Ok(Decimal::ONE);
    let mut graduated_step = Decimal::ONE;
    let mut graduated_every = 1u32;
    let level = match (&terms.kind, terms.term_or_payment) {
        (_, TermOrPayment::Payment(p)) => {
            let first_interest = round_units(
                principal.mul_c(r, "principal")?,
                terms,
                terms.interest_rounding,
            )?;
            if p <= first_interest {
                let minimum = first_interest + Decimal::new(1, terms.currency.minor_units());
                return Err(Error::no_solution(
                    "payment",
                    p,
                    format!("the payment never repays the loan; the minimum payment is {minimum}"),
                ));
            }
            Some(round_units(p, terms, terms.payment_rounding)?)
        }
        (ScheduleKind::LevelPayment, _) => Some(round_payment(
            principal.div_c(annuity(&paying(n), &flat)?, "payment")?,
            terms,
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
            Some(round_payment(
                principal.div_c(annuity(&paying(*amortization_periods), &flat)?, "payment")?,
                terms,
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
            let growth = |j: usize| {
                pow(
                    graduated_step,
                    Decimal::from(u32::try_from(j).unwrap_or(u32::MAX) / graduated_every),
                    "step_percent",
                )
            };
            Some(principal.div_c(annuity(&paying(n), &growth)?, "payment")?)
        }
        _ => None,
    };
    let paying_count = Decimal::from(paying(n).len().max(1));
    let level_principal = round_units(
        principal.div_c(paying_count, "principal")?,
        terms,
        terms.payment_rounding,
    )?;
    let daily_count = match terms.interest_method {
        InterestMethod::Daily(dc) => Some(dc),
        InterestMethod::Periodic => None,
    };

    let mut rows: Vec<Row> =
        Vec::with_capacity(usize::try_from(n.min(DEFAULT_MAX_ROWS)).unwrap_or(0));
    let mut balance = principal;
    let mut deferred = Decimal::ZERO;
    let mut paid_rows = 0usize;
    let mut previous_due = if first_row_stub.is_zero() && !capitalized {
        regular_start
    } else {
        terms.start_date
    };
    if capitalized || terms.odd_first_period == OddFirstPeriod::Ignore {
        previous_due = regular_start;
    }
    if daily_count.is_some() && terms.odd_first_period == OddFirstPeriod::AddToFirstInstallment {
        previous_due = terms.start_date;
    }
    for k in 1..=n {
        let due = terms.frequency.add_periods(
            terms.first_due_date,
            i64::from(k) - 1,
            terms.end_of_month,
        )?;
        let days = due.signed_duration_since(previous_due).num_days();
        let mut interest = match daily_count {
            Some(dc) => round_units(
                balance
                    .mul_c(annual, "balance")?
                    .mul_c(dc.year_fraction(previous_due, due)?, "balance")?,
                terms,
                terms.interest_rounding,
            )?,
            None => round_units(balance.mul_c(r, "balance")?, terms, terms.interest_rounding)?,
        };
        if k == 1 && daily_count.is_none() {
            interest = interest
                .add_c(first_row_stub, "interest")?
                .max(Decimal::ZERO);
        }
        previous_due = due;
        let opening = balance;
        if is_holiday(k) {
            let (charged, carried, principal_part) = match terms.holiday_interest {
                HolidayInterest::Capitalize => (interest, Decimal::ZERO, -interest),
                HolidayInterest::Defer => {
                    deferred = deferred.add_c(interest, "interest")?;
                    (Decimal::ZERO, interest, Decimal::ZERO)
                }
            };
            balance = balance.sub_c(principal_part, "balance")?;
            rows.push(Row {
                number: k,
                due_date: due,
                days,
                opening_balance: opening,
                payment: Decimal::ZERO,
                interest: charged,
                deferred_interest: carried,
                principal: principal_part,
                closing_balance: balance,
                holiday: true,
            });
            continue;
        }
        let interest_due = interest.add_c(deferred, "interest")?;
        deferred = Decimal::ZERO;
        let scheduled = match &terms.kind {
            ScheduleKind::LevelPayment | ScheduleKind::Balloon { .. } => level.unwrap_or_default(),
            ScheduleKind::Graduated { .. } => {
                let step = u32::try_from(paid_rows).unwrap_or(u32::MAX) / graduated_every;
                round_payment(
                    level.unwrap_or_default().mul_c(
                        pow(graduated_step, Decimal::from(step), "step_percent")?,
                        "payment",
                    )?,
                    terms,
                )?
            }
            ScheduleKind::LevelPrincipal => level_principal.add_c(interest_due, "payment")?,
            ScheduleKind::InterestOnlyThenBalloon => interest_due,
            ScheduleKind::Custom(list) => list.get(paid_rows).copied().unwrap_or_default(),
        };
        paid_rows += 1;
        let mut principal_part = scheduled.sub_c(interest_due, "payment")?;
        let mut payment = scheduled;
        // A fixed term ends by paying off; a fixed payment must repay by itself within max_rows.
        let fixed_term = matches!(terms.term_or_payment, TermOrPayment::Term(_));
        let last = (fixed_term && k == n) || principal_part >= balance;
        if last {
            principal_part = balance;
            payment = balance.add_c(interest_due, "payment")?;
        }
        balance = balance.sub_c(principal_part, "balance")?;
        rows.push(Row {
            number: k,
            due_date: due,
            days,
            opening_balance: opening,
            payment,
            interest: interest_due,
            deferred_interest: Decimal::ZERO,
            principal: principal_part,
            closing_balance: balance,
            holiday: false,
        });
        if balance.is_zero() {
            break;
        }
    }
    if !balance.is_zero() {
        return Err(Error::invalid(
            "max_rows",
            terms.max_rows,
            format!(
                "the schedule does not repay the loan within {} rows (balance {balance})",
                terms.max_rows
            ),
        ));
    }
    // Graduated payments report their first (rounded) step.
    let level_payment = match &terms.kind {
        ScheduleKind::Graduated { .. } => match level {
            Some(l) => Some(round_payment(l, terms)?),
            None => None,
        },
        _ => level,
    };
    let totals = totals(&rows)?;
    Ok(Schedule {
        terms: terms.clone(),
        rows,
        totals,
        level_payment,
    })
}
