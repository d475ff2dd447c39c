//! Scoring proposed plans: what they collect, how long they take, what they are worth today, how they
//! weigh on the debtor's budget and what they are expected to bring in; ranking several for one debtor.
//!
//! NPV discounts each promise from the plan's start at an annual rate, Actual/365 Fixed (Excel's and
//! pyxirr's XNPV). The recovery ratio is NPV ÷ the debts' balance. The payment-to-income ratio is the
//! largest calendar month's installments (the down payment aside) ÷ the monthly disposable income of an
//! affordability [`Assessment`]. The expected value weighs each promise by the probability it is paid
//! ([`Probabilities`]), each product rounded to minor units.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::value::{expected_amounts, Discount};
use super::{Arrangement, Probabilities};
use crate::affordability::Assessment;
use crate::debt::aging::by_name;
use crate::error::{Error, Result};
use crate::finance::arith::Checked;
use crate::money::{Money, RoundingMode};

/// The figures of one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanScore {
    /// Every promise added up.
    pub total: Decimal,
    /// The number of promises (the down payment included).
    pub promises: u32,
    /// Days from the start to the last promise.
    pub duration_days: i64,
    /// The present value at the discount rate, rounded to minor units.
    pub npv: Decimal,
    /// `npv ÷ balance` (not rounded).
    pub recovery_ratio: Decimal,
    /// The most the installments (the down payment aside) ask in one calendar month.
    pub largest_monthly_payment: Decimal,
    /// `largest_monthly_payment ÷ disposable income`; `None` without an assessment or with no surplus.
    pub payment_to_income: Option<Decimal>,
    /// Σ probability × amount, each rounded to minor units.
    pub expected_value: Decimal,
    /// The present value of the expected amounts, rounded to minor units.
    pub expected_npv: Decimal,
}

/// Scores plans at one discount rate (the discount factors are worked out once, for every plan).
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::Debt;
/// use collections_core::plan::*;
/// use collections_core::{Currency, RoundingMode};
/// use rust_decimal::Decimal;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(1000))], d(2026, 1, 1));
/// // 500.00 now and 500.00 in 365 days.
/// let plan = Arrangement::from_promises(&terms, Some(Promise::new(d(2026, 1, 1), Decimal::from(500))),
///                                       vec![Promise::new(d(2027, 1, 1), Decimal::from(500))])?;
/// let scorer = Scorer::new(Decimal::new(25, 2), Some(Decimal::from(1000)), RoundingMode::HalfUp)?;
/// let s = scorer.score(&plan, &Probabilities::ConstantHazard(Decimal::new(2, 1)))?;
/// // 500 + 500 / 1.25 = 900.00; ratio 0.9.
/// assert_eq!((s.total, s.npv, s.recovery_ratio), (Decimal::from(1000), Decimal::new(90000, 2), Decimal::new(9, 1)));
/// // 0.8 x 500 + 0.64 x 500 = 720.00; its NPV 400 + 320 / 1.25 = 656.00.
/// assert_eq!((s.expected_value, s.expected_npv), (Decimal::new(72000, 2), Decimal::new(65600, 2)));
/// // 500.00 in January 2027 against 1,000.00 disposable income a month.
/// assert_eq!(s.payment_to_income, Some(Decimal::new(5, 1)));
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Scorer {
    /// The discount factors by day, shared by a scorer's clones (a clone per plan stays cheap).
    discount: Arc<Discount>,
    disposable_income: Option<Decimal>,
    rounding: RoundingMode,
}

impl Scorer {
    /// At an annual `discount_rate` (a fraction above -1: else an error naming `discount_rate`), with
    /// the debtor's monthly disposable income if known, rounding figures by `rounding`.
    pub fn new(
        discount_rate: Decimal,
        disposable_income: Option<Decimal>,
        rounding: RoundingMode,
    ) -> Result<Scorer> {
        Ok(Scorer {
            discount: Arc::new(Discount::new(discount_rate)?),
            disposable_income,
            rounding,
        })
    }

    /// The same scorer with the disposable income of an affordability assessment.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::affordability::{assess, AssessmentPolicy, Category, Household, Item, Statement};
    /// use collections_core::affordability::Debt;
    /// use collections_core::plan::{Arrangement, PlanTerms, Probabilities, Promise, Scorer};
    /// use collections_core::{Currency, Frequency, RoundingMode};
    /// use rust_decimal::Decimal;
    ///
    /// let items = vec![Item::new(Category::Earnings, Decimal::from(2000), Frequency::Monthly)?,
    ///                  Item::new(Category::Housing, Decimal::from(1500), Frequency::Monthly)?];
    /// let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let statement = Statement::new(date, Currency::USD, Household::new(1, 0, 0)?, items)?;
    /// let a = assess(&statement, None, &AssessmentPolicy::default())?;
    /// assert_eq!(a.disposable_income, Decimal::from(500));
    /// // 100.00 a month against the assessment's 500.00 of disposable income: 0.2.
    /// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(200))], date);
    /// let plan = Arrangement::from_promises(&terms, None, vec![
    ///     Promise::new(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(), Decimal::from(100)),
    ///     Promise::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Decimal::from(100))])?;
    /// let scorer = Scorer::new(Decimal::ZERO, None, RoundingMode::HalfUp)?.with_assessment(&a);
    /// assert_eq!(scorer.score(&plan, &Probabilities::Certain)?.payment_to_income, Some(Decimal::new(2, 1)));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn with_assessment(mut self, assessment: &Assessment) -> Scorer {
        self.disposable_income = Some(assessment.disposable_income);
        self
    }

    /// The same scorer with another monthly disposable income (or none), without building its discount
    /// table again: for many plans, each with its debtor's income.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::affordability::Debt;
    /// use collections_core::plan::{Arrangement, PlanTerms, Probabilities, Promise, Scorer};
    /// use collections_core::{Currency, RoundingMode};
    /// use rust_decimal::Decimal;
    ///
    /// let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(100))], d);
    /// let plan = Arrangement::from_promises(&terms, None, vec![Promise::new(d, Decimal::from(100))])?;
    /// let base = Scorer::new(Decimal::new(1, 1), None, RoundingMode::HalfUp)?;
    /// assert_eq!(base.score(&plan, &Probabilities::Certain)?.payment_to_income, None);
    /// // 100.00 in January against 400.00 a month: 0.25.
    /// let with_income = base.clone().with_disposable_income(Some(Decimal::from(400)));
    /// assert_eq!(with_income.score(&plan, &Probabilities::Certain)?.payment_to_income, Some(Decimal::new(25, 2)));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn with_disposable_income(mut self, disposable_income: Option<Decimal>) -> Scorer {
        self.disposable_income = disposable_income;
        self
    }

    /// Scores one plan, each promise paid with the given probabilities.
    pub fn score(&self, plan: &Arrangement, probabilities: &Probabilities) -> Result<PlanScore> {
        let currency = plan.currency();
        let round = |x: Decimal| Money::new(x, currency).round(self.rounding).amount();
        let start = plan.start_date();
        let promises = plan.promises();
        let factors = self
            .discount
            .factors(start, promises.iter().map(|p| p.date));
        let expected = expected_amounts(promises, probabilities, currency, self.rounding)?;
        let (mut total, mut pv, mut expected_value, mut expected_pv) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for (e, f) in expected.zip(factors) {
            let ((p, e), f) = (e?, f?);
            total = total.add_c(p.amount, "total")?;
            pv = pv.add_c(p.amount.mul_c(f, "npv")?, "npv")?;
            expected_value = expected_value.add_c(e, "expected_value")?;
            expected_pv = expected_pv.add_c(e.mul_c(f, "npv")?, "npv")?;
        }
        let npv = round(pv);
        let largest = largest_monthly(plan.installments().iter().map(|p| (p.date, p.amount)))?;
        let payment_to_income = match self.disposable_income {
            Some(income) if income > Decimal::ZERO => {
                Some(largest.div_c(income, "payment_to_income")?)
            }
            _ => None,
        };
        let last = promises.last().map_or(start, |p| p.date);
        Ok(PlanScore {
            total,
            promises: u32::try_from(promises.len()).unwrap_or(u32::MAX),
            duration_days: last.signed_duration_since(start).num_days(),
            npv,
            recovery_ratio: npv.div_c(plan.balance(), "recovery_ratio")?,
            largest_monthly_payment: largest,
            payment_to_income,
            expected_value,
            expected_npv: round(expected_pv),
        })
    }

    /// Scores every plan with its probabilities; an error names the plan's index.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::affordability::Debt;
    /// use collections_core::plan::*;
    /// use collections_core::{Currency, RoundingMode};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(100))], d(1, 1));
    /// let plan = Arrangement::from_promises(&terms, None, vec![Promise::new(d(2, 1), Decimal::from(100))])?;
    /// let (ok, bad) = (Probabilities::Certain, Probabilities::ConstantHazard(Decimal::from(2)));
    /// let scorer = Scorer::new(Decimal::ZERO, None, RoundingMode::HalfUp)?;
    /// assert_eq!(scorer.score_all([(&plan, &ok)])?[0].npv, Decimal::from(100));
    /// let err = scorer.score_all([(&plan, &ok), (&plan, &bad)]).unwrap_err();
    /// assert_eq!((err.field(), err.value()), ("hazard", "plan #1: 2".to_string()));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn score_all<'a>(
        &self,
        plans: impl IntoIterator<Item = (&'a Arrangement, &'a Probabilities)>,
    ) -> Result<Vec<PlanScore>> {
        plans
            .into_iter()
            .enumerate()
            .map(|(i, (plan, p))| {
                self.score(plan, p)
                    .map_err(|e| e.map_value(|v| format!("plan #{i}: {v}")))
            })
            .collect()
    }
}

/// The largest sum of amounts falling in one calendar month (dates in increasing order).
fn largest_monthly(amounts: impl Iterator<Item = (NaiveDate, Decimal)>) -> Result<Decimal> {
    let (mut best, mut current, mut month) = (Decimal::ZERO, Decimal::ZERO, None);
    for (date, amount) in amounts {
        let m = (date.year(), date.month());
        if month != Some(m) {
            month = Some(m);
            current = Decimal::ZERO;
        }
        current = current.add_c(amount, "largest_monthly_payment")?;
        best = best.max(current);
    }
    Ok(best)
}

/// What to rank plans by; ties keep the earlier plan first.
///
/// ```
/// use collections_core::plan::RankBy;
/// assert_eq!("expected-npv".parse::<RankBy>()?, RankBy::ExpectedNpv);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RankBy {
    /// The largest expected NPV first (the default: worth most today, allowing for the risk).
    #[default]
    ExpectedNpv,
    /// The largest NPV first.
    Npv,
    /// The largest expected value first.
    ExpectedValue,
    /// The largest total first.
    Total,
    /// The shortest first.
    Duration,
    /// The lowest payment-to-income ratio first (plans without one last).
    PaymentToIncome,
}

impl RankBy {
    /// Every criterion.
    pub const ALL: [RankBy; 6] = [
        RankBy::ExpectedNpv,
        RankBy::Npv,
        RankBy::ExpectedValue,
        RankBy::Total,
        RankBy::Duration,
        RankBy::PaymentToIncome,
    ];

    /// `expected-npv`, `npv`, `expected-value`, `total`, `duration` or `payment-to-income`.
    pub fn name(self) -> &'static str {
        match self {
            RankBy::ExpectedNpv => "expected-npv",
            RankBy::Npv => "npv",
            RankBy::ExpectedValue => "expected-value",
            RankBy::Total => "total",
            RankBy::Duration => "duration",
            RankBy::PaymentToIncome => "payment-to-income",
        }
    }
}

by_name!(RankBy, "rank_by");

/// The indexes of `scores`, best first by `by` (a stable sort: ties keep their order).
///
/// ```
/// use collections_core::plan::{rank, PlanScore, RankBy};
/// use rust_decimal::Decimal;
///
/// let s = |npv: i64, days| PlanScore { total: Decimal::from(100), promises: 1, duration_days: days, npv: Decimal::from(npv),
///     recovery_ratio: Decimal::ONE, largest_monthly_payment: Decimal::from(100), payment_to_income: None,
///     expected_value: Decimal::from(npv), expected_npv: Decimal::from(npv) };
/// let scores = [s(90, 300), s(95, 600), s(90, 100)];
/// assert_eq!(rank(&scores, RankBy::Npv), [1, 0, 2]);
/// assert_eq!(rank(&scores, RankBy::Duration), [2, 0, 1]);
/// ```
pub fn rank(scores: &[PlanScore], by: RankBy) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&scores[a], &scores[b]);
        match by {
            RankBy::ExpectedNpv => y.expected_npv.cmp(&x.expected_npv),
            RankBy::Npv => y.npv.cmp(&x.npv),
            RankBy::ExpectedValue => y.expected_value.cmp(&x.expected_value),
            RankBy::Total => y.total.cmp(&x.total),
            RankBy::Duration => x.duration_days.cmp(&y.duration_days),
            RankBy::PaymentToIncome => match (x.payment_to_income, y.payment_to_income) {
                (Some(p), Some(q)) => p.cmp(&q),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
        }
    });
    order
}

/// Scores `plans` for one debtor with one scorer and ranks them: (index, score), best first.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::Debt;
/// use collections_core::plan::*;
/// use collections_core::{Currency, RoundingMode};
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(600))], d(1, 1));
/// let monthly = |n: u32, each: i64| Arrangement::from_promises(&terms, None,
///     (1..=n).map(|m| Promise::new(d(m + 1, 1), Decimal::from(each))).collect()).unwrap();
/// let (short, long) = (monthly(2, 300), monthly(6, 100));
/// let hazard = Probabilities::ConstantHazard(Decimal::new(1, 1));
/// let scorer = Scorer::new(Decimal::new(1, 1), None, RoundingMode::HalfUp)?;
/// let ranked = compare_plans(&scorer, &[(&short, &hazard), (&long, &hazard)], RankBy::ExpectedNpv)?;
/// assert_eq!(ranked[0].0, 0); // two installments are likelier to be paid than six
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn compare_plans(
    scorer: &Scorer,
    plans: &[(&Arrangement, &Probabilities)],
    by: RankBy,
) -> Result<Vec<(usize, PlanScore)>> {
    if let Some(first) = plans.first() {
        if let Some((i, (p, _))) = plans
            .iter()
            .enumerate()
            .find(|(_, (p, _))| p.currency() != first.0.currency())
        {
            return Err(Error::CurrencyMismatch {
                field: "plans",
                left: first.0.currency().to_string(),
                right: format!("{} (plan #{i})", p.currency()),
            });
        }
    }
    let scores = scorer.score_all(plans.iter().copied())?;
    let order = rank(&scores, by);
    let mut scores: Vec<Option<PlanScore>> = scores.into_iter().map(Some).collect();
    Ok(order
        .into_iter()
        .filter_map(|i| scores.get_mut(i).and_then(Option::take).map(|s| (i, s)))
        .collect())
}
