//! Tracking an arrangement against posted payments.
//!
//! Payments are matched to promises earliest first, on the day they are received (a payment before a
//! promise's date pays it early). A promise is settled once what is unpaid is within the tolerance; a
//! tolerated shortfall never rolls onto the next promise (FFIEC's per-installment method) but stays owed
//! on the debt. A promise whose deadline (date + grace days) has passed is kept, partially kept (some
//! money by the deadline) or broken (none); before it, it is pending unless already kept.
//!
//! The arrangement is broken on the day after the deadline at which the [`BreakRule`] is first met (N
//! missed installments, optionally consecutive; or a cumulative shortfall beyond a tolerance), completed
//! on the day the last promise is settled, cancelled on its cancellation date: whichever comes first.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::arrangement::{Arrangement, PlanTerms};
use crate::debt::aging::{by_name, Payment, Tolerance};
use crate::error::{Error, Result};
use crate::finance::arith::Checked;
use crate::money::Money;
use crate::rate::Rate;
use crate::schedule::{amortize, ScheduleTerms, TermOrPayment};
use crate::Frequency;

/// Where a promise stands.
///
/// ```
/// use collections_core::plan::PromiseStatus;
/// assert_eq!("partially-kept".parse::<PromiseStatus>()?, PromiseStatus::PartiallyKept);
/// assert_eq!(PromiseStatus::Broken.name(), "broken");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum PromiseStatus {
    /// Its deadline has not passed and it is not yet paid.
    Pending,
    /// Paid by its deadline, within the tolerance.
    Kept,
    /// Its deadline passed with some, not enough, paid by then.
    PartiallyKept,
    /// Its deadline passed with nothing paid by then.
    Broken,
}

impl PromiseStatus {
    /// Every status.
    pub const ALL: [PromiseStatus; 4] = [
        PromiseStatus::Pending,
        PromiseStatus::Kept,
        PromiseStatus::PartiallyKept,
        PromiseStatus::Broken,
    ];

    /// `pending`, `kept`, `partially-kept` or `broken`.
    pub fn name(self) -> &'static str {
        match self {
            PromiseStatus::Pending => "pending",
            PromiseStatus::Kept => "kept",
            PromiseStatus::PartiallyKept => "partially-kept",
            PromiseStatus::Broken => "broken",
        }
    }

    /// Whether the promise was missed (partially kept or broken).
    pub fn is_missed(self) -> bool {
        matches!(self, PromiseStatus::PartiallyKept | PromiseStatus::Broken)
    }
}

by_name!(PromiseStatus, "promise_status");

/// Where an arrangement stands.
///
/// ```
/// use collections_core::plan::ArrangementStatus;
/// assert_eq!("completed".parse::<ArrangementStatus>()?, ArrangementStatus::Completed);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ArrangementStatus {
    /// Running.
    Active,
    /// Every promise settled.
    Completed,
    /// The break rule was met.
    Broken,
    /// Cancelled by the creditor or the debtor.
    Cancelled,
}

impl ArrangementStatus {
    /// Every status.
    pub const ALL: [ArrangementStatus; 4] = [
        ArrangementStatus::Active,
        ArrangementStatus::Completed,
        ArrangementStatus::Broken,
        ArrangementStatus::Cancelled,
    ];

    /// `active`, `completed`, `broken` or `cancelled`.
    pub fn name(self) -> &'static str {
        match self {
            ArrangementStatus::Active => "active",
            ArrangementStatus::Completed => "completed",
            ArrangementStatus::Broken => "broken",
            ArrangementStatus::Cancelled => "cancelled",
        }
    }
}

by_name!(ArrangementStatus, "arrangement_status");

/// When an arrangement breaks: after `missed_installments` missed promises (counting only a run of
/// consecutive ones when `consecutive`), or when the shortfall at a deadline (everything promised by
/// then less everything paid by then) exceeds `cumulative_shortfall` (an amount, or a percentage of what
/// was promised by then). At least one test is set.
///
/// ```
/// use collections_core::debt::aging::Tolerance;
/// use collections_core::plan::BreakRule;
/// use rust_decimal::Decimal;
///
/// assert_eq!(BreakRule::default(), BreakRule::new(Some(2), false, None)?);
/// let shortfall = BreakRule::new(None, false, Some(Tolerance::Percent(Decimal::from(25))))?;
/// assert_eq!(shortfall.missed_installments(), None);
/// assert_eq!(BreakRule::new(None, false, None).unwrap_err().field(), "break_rule");
/// assert_eq!(BreakRule::new(Some(0), false, None).unwrap_err().field(), "missed_installments");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "BreakRuleRepr")]
pub struct BreakRule {
    missed_installments: Option<u32>,
    consecutive: bool,
    cumulative_shortfall: Option<Tolerance>,
}

#[derive(Deserialize)]
struct BreakRuleRepr {
    missed_installments: Option<u32>,
    #[serde(default)]
    consecutive: bool,
    cumulative_shortfall: Option<Tolerance>,
}

impl TryFrom<BreakRuleRepr> for BreakRule {
    type Error = Error;
    fn try_from(r: BreakRuleRepr) -> Result<Self> {
        BreakRule::new(r.missed_installments, r.consecutive, r.cumulative_shortfall)
    }
}

impl Default for BreakRule {
    /// Broken at the second missed installment, consecutive or not.
    fn default() -> Self {
        BreakRule {
            missed_installments: Some(2),
            consecutive: false,
            cumulative_shortfall: None,
        }
    }
}

impl BreakRule {
    /// Checks that one test is set, a count of at least 1 and a valid tolerance.
    pub fn new(
        missed_installments: Option<u32>,
        consecutive: bool,
        cumulative_shortfall: Option<Tolerance>,
    ) -> Result<BreakRule> {
        if missed_installments.is_none() && cumulative_shortfall.is_none() {
            return Err(Error::invalid(
                "break_rule",
                "no test",
                "set missed_installments, cumulative_shortfall or both",
            ));
        }
        if missed_installments == Some(0) {
            return Err(Error::invalid(
                "missed_installments",
                0,
                "must be at least 1",
            ));
        }
        if let Some(t) = cumulative_shortfall {
            t.validate()?;
        }
        Ok(BreakRule {
            missed_installments,
            consecutive,
            cumulative_shortfall,
        })
    }

    /// Missed installments that break the arrangement.
    pub fn missed_installments(&self) -> Option<u32> {
        self.missed_installments
    }

    /// Whether only consecutive misses count.
    pub fn consecutive(&self) -> bool {
        self.consecutive
    }

    /// The cumulative shortfall beyond which the arrangement breaks.
    pub fn cumulative_shortfall(&self) -> Option<Tolerance> {
        self.cumulative_shortfall
    }
}

/// One promise as tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromiseTrack {
    /// The promise's date.
    pub date: NaiveDate,
    /// Its amount.
    pub amount: Decimal,
    /// The last day a payment counts as on time (date + grace days).
    pub deadline: NaiveDate,
    /// Matched to it up to the tracking date.
    pub paid: Decimal,
    /// Matched to it by its deadline.
    pub paid_on_time: Decimal,
    /// Where it stands.
    pub status: PromiseStatus,
}

/// An arrangement tracked as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracking {
    /// The date tracked as of (payments after it are ignored).
    pub as_of: NaiveDate,
    /// Where the arrangement stands.
    pub status: ArrangementStatus,
    /// When it completed, broke or was cancelled.
    pub status_date: Option<NaiveDate>,
    /// Every promise, in date order.
    pub promises: Vec<PromiseTrack>,
    /// Payments from the start to `as_of` matched to promises.
    pub paid: Decimal,
    /// Payments beyond every promise (an overpayment the ledger holds).
    pub unmatched: Decimal,
    /// Unpaid amounts of settled promises, within the tolerance (still owed on the debt).
    pub tolerated_shortfall: Decimal,
    /// Promised and not yet settled.
    pub remaining: Decimal,
    /// Promises whose deadline passed unkept.
    pub missed: u32,
}

impl Tracking {
    /// Kept promises ÷ promises whose deadline has passed (the promise-kept rate of one arrangement);
    /// `None` when none has come due.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use collections_core::affordability::Debt;
    /// # use collections_core::debt::aging::Payment;
    /// # use collections_core::plan::*;
    /// # use collections_core::Currency;
    /// # use rust_decimal::Decimal;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(300))], d(1, 1));
    /// let plan = Arrangement::from_promises(&terms, None, (1..=3).map(|m| Promise::new(d(m, 20), Decimal::from(100))).collect())?;
    /// let t = track(&plan, &[Payment { date: d(1, 20), amount: Decimal::from(100) }], d(3, 1), &BreakRule::default())?;
    /// assert_eq!(t.kept_rate(), Some(Decimal::new(5, 1))); // January kept, February missed
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn kept_rate(&self) -> Option<Decimal> {
        let (kept, due) = self.kept_and_due();
        Decimal::from(kept).checked_div(Decimal::from(due))
    }

    /// (kept, come due): promises kept among those whose deadline passed, and how many passed.
    pub fn kept_and_due(&self) -> (u64, u64) {
        self.promises
            .iter()
            .filter(|p| p.deadline < self.as_of)
            .fold((0, 0), |(k, n), p| {
                (k + u64::from(p.status == PromiseStatus::Kept), n + 1)
            })
    }
}

/// Tracks `arrangement` as of `as_of` against `payments` (in any order; those before the start or after
/// `as_of` are ignored), breaking it by `rule`.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::Debt;
/// use collections_core::debt::aging::{Payment, Tolerance};
/// use collections_core::plan::*;
/// use collections_core::Currency;
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let mut terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(300))], d(1, 1));
/// terms.kept = KeptRule::new(5, Tolerance::Amount(Decimal::ONE))?;
/// let plan = Arrangement::from_promises(&terms, None, (1..=3).map(|m| Promise::new(d(m, 10), Decimal::from(100))).collect())?;
/// // 99.50 four days late is kept (5 grace days, 1.00 tolerance); February gets 30.00: partially kept;
/// // March nothing. The second miss breaks the plan the day after March's deadline (March 15).
/// let pay = |m, day, cents| Payment { date: d(m, day), amount: Decimal::new(cents, 2) };
/// let t = track(&plan, &[pay(1, 14, 9950), pay(2, 12, 3000)], d(4, 1), &BreakRule::default())?;
/// let statuses: Vec<_> = t.promises.iter().map(|p| p.status).collect();
/// assert_eq!(statuses, [PromiseStatus::Kept, PromiseStatus::PartiallyKept, PromiseStatus::Broken]);
/// assert_eq!((t.status, t.status_date), (ArrangementStatus::Broken, Some(d(3, 16))));
/// assert_eq!((t.paid, t.tolerated_shortfall, t.remaining), (Decimal::new(12950, 2), Decimal::new(50, 2), Decimal::from(170)));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn track(
    arrangement: &Arrangement,
    payments: &[Payment],
    as_of: NaiveDate,
    rule: &BreakRule,
) -> Result<Tracking> {
    let start = arrangement.start_date();
    let mut counted: Vec<Payment> = payments
        .iter()
        .filter(|p| p.date >= start && p.date <= as_of)
        .copied()
        .collect();
    if let Some((i, p)) = counted
        .iter()
        .enumerate()
        .find(|(_, p)| p.amount <= Decimal::ZERO)
    {
        return Err(Error::invalid(
            "payments",
            format!("payment #{i}: {}", p.amount),
            "must be greater than zero",
        ));
    }
    counted.sort_by_key(|p| p.date);
    let kept = arrangement.kept_rule();
    let tolerance = kept.tolerance();
    let promises = arrangement.promises();
    let mut tracks: Vec<PromiseTrack> = Vec::with_capacity(promises.len());
    let mut allowances = Vec::with_capacity(promises.len());
    for p in promises {
        tracks.push(PromiseTrack {
            date: p.date,
            amount: p.amount,
            deadline: kept.deadline(p)?,
            paid: Decimal::ZERO,
            paid_on_time: Decimal::ZERO,
            status: PromiseStatus::Pending,
        });
        allowances.push(tolerance.allowance(p.amount)?);
    }
    // Earliest unsettled promise first; `completed_on` is the day the last one settles.
    let (mut next, mut unmatched, mut completed_on) = (0usize, Decimal::ZERO, None);
    for pay in &counted {
        let mut left = pay.amount;
        while left > Decimal::ZERO {
            let Some(t) = tracks.get_mut(next) else {
                unmatched = unmatched.add_c(left, "payments")?;
                break;
            };
            let take = left.min(t.amount.sub_c(t.paid, "payments")?);
            t.paid = t.paid.add_c(take, "payments")?;
            if pay.date <= t.deadline {
                t.paid_on_time = t.paid_on_time.add_c(take, "payments")?;
            }
            left = left.sub_c(take, "payments")?;
            if t.amount.sub_c(t.paid, "payments")? <= allowances[next] {
                next += 1;
                if next == tracks.len() {
                    completed_on = Some(pay.date);
                }
            }
        }
    }
    let mut paid = Decimal::ZERO;
    let mut tolerated = Decimal::ZERO;
    let mut remaining = Decimal::ZERO;
    for (i, t) in tracks.iter_mut().enumerate() {
        let short = t.amount.sub_c(t.paid_on_time, "payments")?;
        t.status = if short <= allowances[i] {
            PromiseStatus::Kept
        } else if as_of <= t.deadline {
            PromiseStatus::Pending
        } else if t.paid_on_time > Decimal::ZERO {
            PromiseStatus::PartiallyKept
        } else {
            PromiseStatus::Broken
        };
        paid = paid.add_c(t.paid, "payments")?;
        let unpaid = t.amount.sub_c(t.paid, "payments")?;
        if i < next {
            tolerated = tolerated.add_c(unpaid, "payments")?;
        } else {
            remaining = remaining.add_c(unpaid, "payments")?;
        }
    }
    let missed = tracks
        .iter()
        .filter(|t| t.deadline < as_of && t.status.is_missed())
        .count();
    let broken_on = break_date(&tracks, &counted, as_of, rule)?;
    let events = [
        (completed_on, ArrangementStatus::Completed),
        (broken_on, ArrangementStatus::Broken),
        (arrangement.cancelled_on(), ArrangementStatus::Cancelled),
    ];
    // The earliest event up to `as_of`; on a tie the order above decides.
    let (status, status_date) = events
        .iter()
        .filter_map(|(d, s)| d.filter(|d| *d <= as_of).map(|d| (d, *s)))
        .min_by_key(|(d, _)| *d)
        .map_or((ArrangementStatus::Active, None), |(d, s)| (s, Some(d)));
    Ok(Tracking {
        as_of,
        status,
        status_date,
        promises: tracks,
        paid,
        unmatched,
        tolerated_shortfall: tolerated,
        remaining,
        missed: u32::try_from(missed).unwrap_or(u32::MAX),
    })
}

/// The day after the deadline at which `rule` is first met, among deadlines before `as_of`.
fn break_date(
    tracks: &[PromiseTrack],
    payments: &[Payment],
    as_of: NaiveDate,
    rule: &BreakRule,
) -> Result<Option<NaiveDate>> {
    let (mut missed, mut run) = (0u32, 0u32);
    let (mut promised, mut paid_by, mut next_payment) = (Decimal::ZERO, Decimal::ZERO, 0usize);
    for t in tracks.iter().filter(|t| t.deadline < as_of) {
        let mut met = false;
        if t.status.is_missed() {
            missed += 1;
            run += 1;
        } else {
            run = 0;
        }
        if let Some(n) = rule.missed_installments {
            met |= if rule.consecutive {
                run >= n
            } else {
                missed >= n
            };
        }
        if let Some(limit) = rule.cumulative_shortfall {
            promised = promised.add_c(t.amount, "promises")?;
            while let Some(p) = payments.get(next_payment).filter(|p| p.date <= t.deadline) {
                paid_by = paid_by.add_c(p.amount, "payments")?;
                next_payment += 1;
            }
            let shortfall = promised.sub_c(paid_by, "payments")?;
            met |= shortfall > limit.allowance(promised)?;
        }
        if met {
            return Ok(Some(
                t.deadline
                    .checked_add_days(Days::new(1))
                    .ok_or_else(|| Error::date_range("deadline", t.deadline))?,
            ));
        }
    }
    Ok(None)
}

/// How to re-plan what is left: a new schedule of the remainder from `start_date`.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::plan::ReplanTerms;
/// use collections_core::schedule::TermOrPayment;
/// use collections_core::Frequency;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let r = ReplanTerms::new(d(4, 1), d(5, 1), Frequency::Monthly, TermOrPayment::Term(6));
/// assert_eq!(r.balance, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplanTerms {
    /// The new plan's start (on or after the tracking date).
    pub start_date: NaiveDate,
    /// Its first installment.
    pub first_due_date: NaiveDate,
    /// How often installments fall due.
    pub frequency: Frequency,
    /// The number of installments, or a level installment to solve the term from.
    pub term_or_payment: TermOrPayment,
    /// The annual rate when interest is not frozen (zero by default).
    pub annual_rate: Rate,
    /// What is owed now, from the ledger. Needed when interest is not frozen; with interest frozen the
    /// default is the debts' balance less what the tracking matched.
    pub balance: Option<Decimal>,
}

impl ReplanTerms {
    /// Re-planning at 0% on the remaining balance.
    pub fn new(
        start_date: NaiveDate,
        first_due_date: NaiveDate,
        frequency: Frequency,
        term_or_payment: TermOrPayment,
    ) -> ReplanTerms {
        ReplanTerms {
            start_date,
            first_due_date,
            frequency,
            term_or_payment,
            annual_rate: Rate::ZERO,
            balance: None,
        }
    }
}

impl Arrangement {
    /// A new arrangement for what is left after `tracking` (typically after a break): the remainder
    /// amortized by [`amortize`] from `terms`, split across the debts pro rata to their original balances
    /// (to the cent), with the same freeze and kept rule and checked against `bounds`. A tracking of
    /// another arrangement (its promises differ) is refused, naming `tracking`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::affordability::Debt;
    /// use collections_core::debt::aging::Payment;
    /// use collections_core::plan::*;
    /// use collections_core::schedule::TermOrPayment;
    /// use collections_core::{Currency, Frequency};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = PlanTerms::new(Currency::USD, vec![Debt::new("a", Decimal::from(600))], d(1, 1));
    /// let plan = Arrangement::from_promises(&terms, None, (1..=6).map(|m| Promise::new(d(m, 10), Decimal::from(100))).collect())?;
    /// let t = track(&plan, &[Payment { date: d(1, 10), amount: Decimal::from(100) }], d(4, 1), &BreakRule::default())?;
    /// assert_eq!(t.status, ArrangementStatus::Broken);
    /// // 500.00 left, over 4 months from May: 125.00 each.
    /// let again = plan.replan(&t, &ReplanTerms::new(d(4, 1), d(5, 1), Frequency::Monthly, TermOrPayment::Term(4)), &PlanBounds::default())?;
    /// assert_eq!(again.balance(), Decimal::from(500));
    /// assert!(again.promises().iter().all(|p| p.amount == Decimal::from(125)));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn replan(
        &self,
        tracking: &Tracking,
        terms: &ReplanTerms,
        bounds: &super::PlanBounds,
    ) -> Result<Arrangement> {
        let own = tracking.promises.len() == self.promises().len()
            && tracking
                .promises
                .iter()
                .zip(self.promises())
                .all(|(t, p)| t.date == p.date && t.amount == p.amount);
        if !own {
            return Err(Error::invalid(
                "tracking",
                format!(
                    "{} promises from {}",
                    tracking.promises.len(),
                    tracking
                        .promises
                        .first()
                        .map_or_else(|| "none".to_string(), |p| p.date.to_string())
                ),
                "is not a tracking of this arrangement: its promises differ (track this arrangement)",
            ));
        }
        if terms.start_date < tracking.as_of {
            return Err(Error::invalid(
                "start_date",
                terms.start_date,
                format!("must not be before the tracking date {}", tracking.as_of),
            ));
        }
        let balance = match (terms.balance, self.freeze().interest) {
            (Some(b), _) => b,
            (None, true) => self.balance().sub_c(tracking.paid, "balance")?,
            (None, false) => {
                return Err(Error::invalid(
                    "balance",
                    "none",
                    "give what is owed now (from the ledger): interest is not frozen",
                ))
            }
        };
        if balance <= Decimal::ZERO {
            return Err(Error::invalid(
                "balance",
                balance,
                "nothing is left to re-plan",
            ));
        }
        let rate = if self.freeze().interest {
            Rate::ZERO
        } else {
            terms.annual_rate
        };
        let schedule = amortize(&ScheduleTerms::new(
            balance,
            self.currency(),
            rate,
            terms.start_date,
            terms.first_due_date,
            terms.frequency,
            terms.term_or_payment,
        ))?;
        let weights: Vec<Decimal> = self.debts().iter().map(|d| d.balance).collect();
        let shares = Money::new(balance, self.currency()).split(&weights)?;
        let debts = self
            .debts()
            .iter()
            .zip(shares)
            .filter(|(_, s)| !s.is_zero())
            .map(|(d, s)| {
                let mut d = d.clone();
                d.balance = s.amount();
                d
            })
            .collect();
        let mut plan_terms = PlanTerms::new(self.currency(), debts, terms.start_date);
        plan_terms.freeze = self.freeze();
        plan_terms.kept = self.kept_rule();
        plan_terms.bounds = *bounds;
        Arrangement::from_schedule(&plan_terms, None, &schedule)
    }
}
