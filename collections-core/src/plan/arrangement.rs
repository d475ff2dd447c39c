//! An arrangement: promises to pay on one or more debts, with the rules that say when a promise is kept.
//!
//! A promise is kept when what was paid toward it by its date plus the grace days falls short of its
//! amount by no more than the tolerance (the aging module's [`Tolerance`], FFIEC's per-installment
//! method: "a payment of at least 90% counts as full" is a 10% tolerance).

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::positive_amount;
use crate::affordability::{Debt, MinimumPayment, MAX_TERM_MONTHS};
use crate::debt::aging::{DateRange, Tolerance};
use crate::error::{Error, Result};
use crate::finance::arith::Checked;
use crate::money::{Currency, Money};
use crate::schedule::Schedule;

/// A promise to pay an amount on a date.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::plan::Promise;
/// use rust_decimal::Decimal;
///
/// let p = Promise::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Decimal::new(12550, 2));
/// assert_eq!(p.amount.to_string(), "125.50");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promise {
    /// When the payment is promised.
    pub date: NaiveDate,
    /// How much (above zero, in the currency's minor units: checked by the arrangement).
    pub amount: Decimal,
}

impl Promise {
    /// A promise; [`Arrangement`]'s constructors check it.
    pub fn new(date: NaiveDate, amount: Decimal) -> Promise {
        Promise { date, amount }
    }
}

/// What the arrangement freezes for its life. Frozen interest means the promises add up to no more than
/// the debts' balance; the ledger applies the freeze over [`Arrangement::frozen_period`]
/// ([`Terms::with_freezes`](crate::debt::ledger::Terms::with_freezes)).
///
/// ```
/// use collections_core::plan::Freeze;
/// assert_eq!(Freeze::default(), Freeze { interest: true, fees: true });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Freeze {
    /// No interest accrues while the arrangement runs (the UK Debt Arrangement Scheme; most debt
    /// management plans).
    pub interest: bool,
    /// No fees are charged while the arrangement runs.
    pub fees: bool,
}

impl Default for Freeze {
    fn default() -> Self {
        Freeze {
            interest: true,
            fees: true,
        }
    }
}

/// When a promise counts as kept: paid by its date plus `grace_days`, short by no more than `tolerance`.
///
/// ```
/// use collections_core::debt::aging::Tolerance;
/// use collections_core::plan::KeptRule;
/// use rust_decimal::Decimal;
///
/// let rule = KeptRule::new(3, Tolerance::Percent(Decimal::TEN))?;
/// assert_eq!(rule.grace_days(), 3);
/// assert_eq!(KeptRule::new(0, Tolerance::Percent(Decimal::from(120))).unwrap_err().field(), "tolerance");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "KeptRuleRepr")]
pub struct KeptRule {
    grace_days: u32,
    tolerance: Tolerance,
}

#[derive(Deserialize)]
struct KeptRuleRepr {
    grace_days: u32,
    tolerance: Tolerance,
}

impl TryFrom<KeptRuleRepr> for KeptRule {
    type Error = Error;
    fn try_from(r: KeptRuleRepr) -> Result<Self> {
        KeptRule::new(r.grace_days, r.tolerance)
    }
}

impl KeptRule {
    /// Checks the tolerance (an amount at least zero, a percentage from 0 to 100).
    pub fn new(grace_days: u32, tolerance: Tolerance) -> Result<KeptRule> {
        tolerance.validate()?;
        Ok(KeptRule {
            grace_days,
            tolerance,
        })
    }

    /// Days after a promise's date that a payment still counts as on time.
    pub fn grace_days(&self) -> u32 {
        self.grace_days
    }

    /// The shortfall that still counts as kept.
    pub fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// The last day a payment counts toward `promise` on time.
    pub(crate) fn deadline(&self, promise: &Promise) -> Result<NaiveDate> {
        promise
            .date
            .checked_add_days(chrono::Days::new(u64::from(self.grace_days)))
            .ok_or_else(|| Error::date_range("grace_days", promise.date))
    }
}

/// Policy bounds a plan must stay within; a plan beyond one is refused with an error naming the bound
/// (`max_term_months` or `minimum_installment`).
///
/// ```
/// use collections_core::affordability::{MinimumPayment, PlanPolicy};
/// use collections_core::plan::PlanBounds;
/// use rust_decimal::Decimal;
///
/// let b = PlanBounds::new(24, MinimumPayment::Fixed { amount: Decimal::from(25) })?;
/// assert_eq!(b.max_term_months(), 24);
/// // The IRS streamlined agreement's bounds, from the affordability policy: 72 months, max(25, balance / 72).
/// let irs = PlanBounds::from_policy(&PlanPolicy::irs_streamlined())?;
/// assert_eq!(irs.minimum_installment().for_balance(Decimal::from(7200)), Decimal::from(100));
/// assert_eq!(PlanBounds::new(0, MinimumPayment::IrsStreamlined).unwrap_err().field(), "max_term_months");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PlanBoundsRepr")]
pub struct PlanBounds {
    max_term_months: u32,
    minimum_installment: MinimumPayment,
}

#[derive(Deserialize)]
struct PlanBoundsRepr {
    max_term_months: u32,
    minimum_installment: MinimumPayment,
}

impl TryFrom<PlanBoundsRepr> for PlanBounds {
    type Error = Error;
    fn try_from(r: PlanBoundsRepr) -> Result<Self> {
        PlanBounds::new(r.max_term_months, r.minimum_installment)
    }
}

impl Default for PlanBounds {
    /// No bound beyond the library's: 1,200 months and no minimum.
    fn default() -> Self {
        PlanBounds {
            max_term_months: MAX_TERM_MONTHS,
            minimum_installment: MinimumPayment::Fixed {
                amount: Decimal::ZERO,
            },
        }
    }
}

impl PlanBounds {
    /// Checks a term from 1 to [`MAX_TERM_MONTHS`] and a minimum that is not negative.
    pub fn new(max_term_months: u32, minimum_installment: MinimumPayment) -> Result<PlanBounds> {
        if max_term_months == 0 || max_term_months > MAX_TERM_MONTHS {
            return Err(Error::invalid(
                "max_term_months",
                max_term_months,
                format!("must be from 1 to {MAX_TERM_MONTHS}"),
            ));
        }
        if let MinimumPayment::Fixed { amount } = minimum_installment {
            if amount < Decimal::ZERO {
                return Err(Error::invalid(
                    "minimum_installment",
                    amount,
                    "must not be negative",
                ));
            }
        }
        Ok(PlanBounds {
            max_term_months,
            minimum_installment,
        })
    }

    /// The term and minimum of an affordability [`PlanPolicy`](crate::affordability::PlanPolicy).
    pub fn from_policy(policy: &crate::affordability::PlanPolicy) -> Result<PlanBounds> {
        PlanBounds::new(policy.max_term_months, policy.minimum_payment)
    }

    /// The longest plan, in months from its start to its last promise.
    pub fn max_term_months(&self) -> u32 {
        self.max_term_months
    }

    /// The least installment (the down payment and the last installment, which pays what remains, are
    /// exempt).
    pub fn minimum_installment(&self) -> MinimumPayment {
        self.minimum_installment
    }
}

/// What every arrangement on a set of debts shares: the currency, the debts, the start date, what is
/// frozen, the kept rule and the policy bounds (checked when an arrangement is built, not stored).
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::Debt;
/// use collections_core::plan::PlanTerms;
/// use collections_core::Currency;
/// use rust_decimal::Decimal;
///
/// let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(100)), Debt::new("b", Decimal::from(50))], start);
/// assert!(terms.freeze.interest);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanTerms {
    /// The currency of every amount.
    pub currency: Currency,
    /// The debts the arrangement covers (a balance above zero each; ids not blank and distinct).
    pub debts: Vec<Debt>,
    /// The day the arrangement starts; no promise may be before it.
    pub start_date: NaiveDate,
    /// What is frozen (both by default).
    pub freeze: Freeze,
    /// When a promise counts as kept (on its date, no tolerance, by default).
    pub kept: KeptRule,
    /// The policy bounds (none by default).
    pub bounds: PlanBounds,
}

impl PlanTerms {
    /// Terms with interest and fees frozen, no grace or tolerance, and no bounds.
    pub fn new(currency: Currency, debts: Vec<Debt>, start_date: NaiveDate) -> PlanTerms {
        PlanTerms {
            currency,
            debts,
            start_date,
            freeze: Freeze::default(),
            kept: KeptRule::default(),
            bounds: PlanBounds::default(),
        }
    }
}

/// A repayment arrangement: a down payment (optional) and installments on one or more debts.
///
/// Valid by construction: promises in strictly increasing date order, none before the start, each above
/// zero in the currency's minor units; with interest frozen, the promises add up to no more than the
/// debts' balance; within the bounds of the terms it was built with.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::{Debt, MinimumPayment};
/// use collections_core::plan::{Arrangement, PlanBounds, PlanTerms, Promise};
/// use collections_core::Currency;
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let mut terms = PlanTerms::new(Currency::USD, vec![Debt::new("card", Decimal::from(500))], d(1, 1));
/// terms.bounds = PlanBounds::new(2, MinimumPayment::Fixed { amount: Decimal::from(50) })?;
/// let down = Promise::new(d(1, 1), Decimal::from(100));
/// let plan = Arrangement::from_promises(&terms, Some(down), vec![Promise::new(d(2, 1), Decimal::from(200)), Promise::new(d(3, 1), Decimal::from(200))])?;
/// assert_eq!(plan.total_promised(), Decimal::from(500));
/// assert_eq!(plan.promises().len(), 3);
/// // A third month is beyond the two-month bound; 40.00 is below the minimum.
/// let late = Arrangement::from_promises(&terms, None, vec![Promise::new(d(4, 2), Decimal::from(100))]);
/// assert_eq!(late.unwrap_err().field(), "max_term_months");
/// let small = Arrangement::from_promises(&terms, None, vec![Promise::new(d(2, 1), Decimal::from(40)), Promise::new(d(3, 1), Decimal::from(40))]);
/// assert_eq!(small.unwrap_err().field(), "minimum_installment");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ArrangementRepr")]
pub struct Arrangement {
    currency: Currency,
    debts: Vec<Debt>,
    start_date: NaiveDate,
    freeze: Freeze,
    kept: KeptRule,
    has_down_payment: bool,
    promises: Vec<Promise>,
    cancelled_on: Option<NaiveDate>,
}

#[derive(Deserialize)]
struct ArrangementRepr {
    currency: Currency,
    debts: Vec<Debt>,
    start_date: NaiveDate,
    freeze: Freeze,
    kept: KeptRule,
    has_down_payment: bool,
    promises: Vec<Promise>,
    cancelled_on: Option<NaiveDate>,
}

impl TryFrom<ArrangementRepr> for Arrangement {
    type Error = Error;
    /// The same checks as the constructors, without policy bounds (they are not stored).
    fn try_from(r: ArrangementRepr) -> Result<Self> {
        let mut terms = PlanTerms::new(r.currency, r.debts, r.start_date);
        terms.freeze = r.freeze;
        terms.kept = r.kept;
        let mut promises = r.promises;
        let down = if r.has_down_payment && !promises.is_empty() {
            Some(promises.remove(0))
        } else {
            None
        };
        let a = Arrangement::from_promises(&terms, down, promises)?;
        match r.cancelled_on {
            Some(on) => a.cancelled(on),
            None => Ok(a),
        }
    }
}

impl Arrangement {
    /// An arrangement from a list of promised installments, after an optional down payment.
    pub fn from_promises(
        terms: &PlanTerms,
        down_payment: Option<Promise>,
        installments: Vec<Promise>,
    ) -> Result<Arrangement> {
        let balance = check_debts(&terms.debts, terms.currency)?;
        if installments.is_empty() {
            return Err(Error::invalid(
                "promises",
                "[]",
                "need at least one installment",
            ));
        }
        let mut promises = Vec::with_capacity(installments.len() + 1);
        promises.extend(down_payment);
        promises.extend(installments);
        let a = Arrangement {
            currency: terms.currency,
            debts: terms.debts.clone(),
            start_date: terms.start_date,
            freeze: terms.freeze,
            kept: terms.kept,
            has_down_payment: down_payment.is_some(),
            promises,
            cancelled_on: None,
        };
        a.check_promises(balance)?;
        a.check_bounds(&terms.bounds, balance)?;
        Ok(a)
    }

    /// An arrangement whose installments are a schedule's paying rows (holidays skipped). The schedule's
    /// principal plus the down payment must be the debts' balance, and a schedule bearing interest needs
    /// interest not frozen.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::affordability::Debt;
    /// use collections_core::plan::{Arrangement, Freeze, PlanTerms, Promise};
    /// use collections_core::schedule::{amortize, ScheduleTerms, TermOrPayment};
    /// use collections_core::{Currency, Frequency, Rate};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// // 1,000.00 owed, 100.00 down, 900.00 over 3 months at 0%: 300.00 each.
    /// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("loan", Decimal::from(1000))], d(1, 1));
    /// let s = amortize(&ScheduleTerms::new(Decimal::from(900), Currency::USD, Rate::ZERO, d(1, 1), d(2, 1),
    ///     Frequency::Monthly, TermOrPayment::Term(3)))?;
    /// let plan = Arrangement::from_schedule(&terms, Some(Promise::new(d(1, 1), Decimal::from(100))), &s)?;
    /// assert_eq!(plan.installments().iter().map(|p| p.amount).collect::<Vec<_>>(), [Decimal::from(300); 3]);
    /// // At 12% the interest needs the freeze lifted.
    /// let s = amortize(&ScheduleTerms::new(Decimal::from(900), Currency::USD, Rate::from_percent(Decimal::from(12))?,
    ///     d(1, 1), d(2, 1), Frequency::Monthly, TermOrPayment::Term(3)))?;
    /// assert_eq!(Arrangement::from_schedule(&terms, Some(Promise::new(d(1, 1), Decimal::from(100))), &s).unwrap_err().field(), "freeze");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn from_schedule(
        terms: &PlanTerms,
        down_payment: Option<Promise>,
        schedule: &Schedule,
    ) -> Result<Arrangement> {
        let st = schedule.terms();
        if st.currency != terms.currency {
            return Err(Error::CurrencyMismatch {
                field: "schedule",
                left: terms.currency.to_string(),
                right: st.currency.to_string(),
            });
        }
        if terms.freeze.interest && schedule.totals().interest != Decimal::ZERO {
            return Err(Error::invalid(
                "freeze",
                "interest frozen",
                format!(
                    "the schedule charges {} of interest; lift the interest freeze or use a 0% schedule",
                    schedule.totals().interest
                ),
            ));
        }
        let balance = check_debts(&terms.debts, terms.currency)?;
        let down = down_payment.map_or(Decimal::ZERO, |p| p.amount);
        let covered = st.principal.add_c(down, "schedule")?;
        if covered != balance {
            return Err(Error::invalid(
                "schedule",
                covered,
                format!("the principal plus the down payment must be the debts' balance {balance}"),
            ));
        }
        let installments = schedule
            .rows()
            .iter()
            .filter(|r| r.payment > Decimal::ZERO)
            .map(|r| Promise::new(r.due_date, r.payment))
            .collect();
        Arrangement::from_promises(terms, down_payment, installments)
    }

    /// The same arrangement, cancelled on `on` (not before the start).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use collections_core::affordability::Debt;
    /// # use collections_core::plan::{Arrangement, PlanTerms, Promise};
    /// # use collections_core::Currency;
    /// # use rust_decimal::Decimal;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::TEN)], d(2, 1));
    /// let plan = Arrangement::from_promises(&terms, None, vec![Promise::new(d(3, 1), Decimal::TEN)])?;
    /// assert_eq!(plan.clone().cancelled(d(2, 10))?.cancelled_on(), Some(d(2, 10)));
    /// assert_eq!(plan.cancelled(d(1, 10)).unwrap_err().field(), "cancelled_on");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn cancelled(mut self, on: NaiveDate) -> Result<Arrangement> {
        if on < self.start_date {
            return Err(Error::invalid(
                "cancelled_on",
                on,
                format!("must not be before the start {}", self.start_date),
            ));
        }
        self.cancelled_on = Some(on);
        Ok(self)
    }

    fn check_promises(&self, balance: Decimal) -> Result<()> {
        let mut previous: Option<NaiveDate> = None;
        let mut total = Decimal::ZERO;
        for (i, p) in self.promises.iter().enumerate() {
            positive_amount("promises", p.amount, self.currency)
                .map_err(|e| e.map_value(|v| format!("promise #{i}: {v}")))?;
            if p.date < self.start_date {
                return Err(Error::invalid(
                    "promises",
                    format!("promise #{i} on {}", p.date),
                    format!("is before the plan's start {}", self.start_date),
                ));
            }
            if let Some(prev) = previous.filter(|prev| p.date <= *prev) {
                return Err(Error::invalid(
                    "promises",
                    format!("promise #{i} on {}", p.date),
                    format!("is out of order: dates must increase (the one before is on {prev})"),
                ));
            }
            previous = Some(p.date);
            total = total.add_c(p.amount, "promises")?;
        }
        if self.freeze.interest && total > balance {
            return Err(Error::invalid(
                "promises",
                total,
                format!("add up to more than the debts' balance {balance} with interest frozen"),
            ));
        }
        Ok(())
    }

    fn check_bounds(&self, bounds: &PlanBounds, balance: Decimal) -> Result<()> {
        let limit = self
            .start_date
            .checked_add_months(Months::new(bounds.max_term_months))
            .ok_or_else(|| Error::date_range("max_term_months", self.start_date))?;
        if let Some(last) = self.promises.last().filter(|p| p.date > limit) {
            return Err(Error::invalid(
                "max_term_months",
                bounds.max_term_months,
                format!(
                    "the last promise ({}) is beyond the maximum term, which ends on {limit}",
                    last.date
                ),
            ));
        }
        let minimum = bounds.minimum_installment.for_balance(balance);
        let installments = self.installments();
        let first = usize::from(self.has_down_payment);
        let all_but_last = &installments[..installments.len().saturating_sub(1)];
        if let Some((i, p)) = all_but_last
            .iter()
            .enumerate()
            .find(|(_, p)| p.amount < minimum)
        {
            return Err(Error::invalid(
                "minimum_installment",
                minimum,
                format!(
                    "promise #{} ({} on {}) is below the minimum installment",
                    i + first,
                    p.amount,
                    p.date
                ),
            ));
        }
        Ok(())
    }

    /// The currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The debts covered.
    pub fn debts(&self) -> &[Debt] {
        &self.debts
    }

    /// The sum of the debts' balances.
    pub fn balance(&self) -> Decimal {
        // Checked at construction; the sum fits.
        self.debts.iter().map(|d| d.balance).sum()
    }

    /// The start date.
    pub fn start_date(&self) -> NaiveDate {
        self.start_date
    }

    /// What is frozen.
    pub fn freeze(&self) -> Freeze {
        self.freeze
    }

    /// When a promise is kept.
    pub fn kept_rule(&self) -> KeptRule {
        self.kept
    }

    /// Every promise in date order, the down payment (if any) first.
    pub fn promises(&self) -> &[Promise] {
        &self.promises
    }

    /// The down payment, if any.
    pub fn down_payment(&self) -> Option<&Promise> {
        self.promises.first().filter(|_| self.has_down_payment)
    }

    /// The installments after the down payment.
    pub fn installments(&self) -> &[Promise] {
        &self.promises[usize::from(self.has_down_payment)..]
    }

    /// The day the arrangement was cancelled, if it was.
    pub fn cancelled_on(&self) -> Option<NaiveDate> {
        self.cancelled_on
    }

    /// The sum of every promise.
    pub fn total_promised(&self) -> Decimal {
        // Checked at construction; the sum fits.
        self.promises.iter().map(|p| p.amount).sum()
    }

    /// From the start to the last promise, inclusive: the days to freeze on the ledger when interest or
    /// fees are frozen.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use collections_core::affordability::Debt;
    /// # use collections_core::plan::{Arrangement, PlanTerms, Promise};
    /// # use collections_core::Currency;
    /// # use rust_decimal::Decimal;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::TEN)], d(1, 1));
    /// let plan = Arrangement::from_promises(&terms, None, vec![Promise::new(d(3, 31), Decimal::TEN)])?;
    /// assert_eq!(plan.frozen_period()?.days(), 90);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn frozen_period(&self) -> Result<DateRange> {
        let last = self.promises.last().map_or(self.start_date, |p| p.date);
        DateRange::new(self.start_date, last)
    }

    /// Each promise split across the debts pro rata to their balances, to the cent (Money::split's
    /// largest-remainder method: each row adds up to its promise exactly).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use collections_core::affordability::Debt;
    /// # use collections_core::plan::{Arrangement, PlanTerms, Promise};
    /// # use collections_core::Currency;
    /// # use rust_decimal::Decimal;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(200)), Debt::new("b", Decimal::from(100))], d(1, 1));
    /// let plan = Arrangement::from_promises(&terms, None, vec![Promise::new(d(2, 1), Decimal::from(100))])?;
    /// // 100.00 by 2:1 is 66.67 and 33.33.
    /// assert_eq!(plan.debt_shares()?[0], [Decimal::new(6667, 2), Decimal::new(3333, 2)]);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn debt_shares(&self) -> Result<Vec<Vec<Decimal>>> {
        let weights: Vec<Decimal> = self.debts.iter().map(|d| d.balance).collect();
        self.promises
            .iter()
            .map(|p| {
                Ok(Money::new(p.amount, self.currency)
                    .split(&weights)?
                    .iter()
                    .map(Money::amount)
                    .collect())
            })
            .collect()
    }
}

/// Checks the debts (at least one; ids not blank and distinct; balances above zero in minor units; rates
/// not negative) and returns their total balance.
pub(crate) fn check_debts(debts: &[Debt], currency: Currency) -> Result<Decimal> {
    if debts.is_empty() {
        return Err(Error::invalid("debts", "[]", "need at least one debt"));
    }
    let mut total = Decimal::ZERO;
    for (i, d) in debts.iter().enumerate() {
        let at = |e: Error| e.map_value(|v| format!("debt #{i}: {v}"));
        if d.id.trim().is_empty() {
            return Err(at(Error::invalid("id", "\"\"", "must not be blank")));
        }
        if debts[..i].iter().any(|o| o.id == d.id) {
            return Err(at(Error::invalid("id", &d.id, "appears twice")));
        }
        positive_amount("balance", d.balance, currency).map_err(at)?;
        if d.annual_rate < Decimal::ZERO {
            return Err(at(Error::invalid(
                "annual_rate",
                d.annual_rate,
                "must not be negative",
            )));
        }
        total = total.add_c(d.balance, "balance")?;
    }
    Ok(total)
}
