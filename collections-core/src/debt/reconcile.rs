//! Reconciliation: what a bank or processor reported against what the ledger posted, and what was paid
//! against what a schedule or plan expected.
//!
//! [`reconcile`] matches payments by reference, then (for what is left) by account, currency, amount and
//! a date within tolerance, and reports every discrepancy with a suggested resolution:
//! - a reference twice on one side: [`DiscrepancyKind::Duplicate`] (reverse or drop the copy);
//! - the same reference on another account: [`DiscrepancyKind::WrongAccount`] (move the posting);
//! - another currency: [`DiscrepancyKind::CurrencyMismatch`];
//! - amounts apart by more than the tolerance: [`DiscrepancyKind::AmountMismatch`] (adjust the posting
//!   by the difference);
//! - dates apart by more than the tolerance: [`DiscrepancyKind::DateMismatch`] (correct the posting's
//!   date, which re-derives interest);
//! - matched only by account, amount and date: [`DiscrepancyKind::ReferenceMismatch`];
//! - reported and never posted: [`DiscrepancyKind::MissingInLedger`] (post it); posted and never
//!   reported: [`DiscrepancyKind::MissingInReport`] (investigate; reverse it if the money never came).
//!
//! [`compare_to_expected`] spreads the payments received over the installments a schedule or plan
//! expected, oldest first, and says of each whether it was paid on time, late, short, missed or is not
//! due yet, whether more came in its period than it asked for, and what no installment took
//! (unapplied).
//!
//! ```
//! use chrono::NaiveDate;
//! use collections_core::debt::reconcile::{reconcile, DiscrepancyKind, PaymentRecord, Tolerances};
//! use collections_core::Currency;
//! use rust_decimal::Decimal;
//!
//! let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
//! let rec = |r: &str, a: &str, day, cents| {
//!     PaymentRecord::new(r, a, d(day), Decimal::new(cents, 2), Currency::EUR).unwrap()
//! };
//! let bank = vec![rec("T1", "A-1", 2, 10_000), rec("T2", "A-2", 3, 5_000), rec("T3", "A-3", 4, 700)];
//! let ledger = vec![rec("T1", "A-1", 2, 10_000), rec("T2", "A-9", 3, 5_000)];
//! let r = reconcile(&bank, &ledger, &Tolerances::default())?;
//! assert_eq!(r.matched, vec![(0, 0)]);
//! let kinds: Vec<_> = r.discrepancies.iter().map(|x| x.kind).collect();
//! assert_eq!(kinds, vec![DiscrepancyKind::WrongAccount, DiscrepancyKind::MissingInLedger]);
//! assert_eq!(r.discrepancies[0].resolution, "move the posting from account A-9 to A-2");
//! # Ok::<(), collections_core::Error>(())
//! ```

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::non_negative;
use crate::debt::aging::Payment;
use crate::debt::ledger::MAX_AMOUNT;
use crate::error::{Error, Result};
use crate::money::Currency;

/// One payment as a bank statement, a processor's file or the ledger records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentRecord {
    /// The payment's reference (the ledger's payment id; the bank's transaction reference).
    pub reference: String,
    /// The account it is for.
    pub account_id: String,
    /// The value date.
    pub date: NaiveDate,
    /// The amount (greater than zero).
    pub amount: Decimal,
    /// Its currency.
    pub currency: Currency,
}

impl PaymentRecord {
    /// Validates: a reference and an account id that are not blank, an amount above zero.
    pub fn new(
        reference: impl Into<String>,
        account_id: impl Into<String>,
        date: NaiveDate,
        amount: Decimal,
        currency: Currency,
    ) -> Result<PaymentRecord> {
        let r = PaymentRecord {
            reference: reference.into(),
            account_id: account_id.into(),
            date,
            amount,
            currency,
        };
        r.validate()?;
        Ok(r)
    }

    /// The record as aging and plan tracking take a payment: its date and amount. This is how the
    /// payments a ledger posted ([`Ledger::posted_payments`](crate::debt::ledger::Ledger::posted_payments))
    /// are tracked against an arrangement ([`crate::plan::track`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::affordability::Debt;
    /// use collections_core::debt::ledger::{Account, Event, Ledger, RateHistory, Terms};
    /// use collections_core::debt::reconcile::PaymentRecord;
    /// use collections_core::plan::{track, Arrangement, BreakRule, PlanTerms, Promise, PromiseStatus};
    /// use collections_core::Currency;
    /// use rust_decimal::Decimal;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = Terms::new(RateHistory::fixed(d(1, 1), Decimal::ZERO)?);
    /// let account = Account::new("A-1", Currency::USD, d(1, 1), Decimal::from(300), terms)?;
    /// let mut ledger = Ledger::new(account);
    /// ledger.post(Event::obligation(d(1, 31), Decimal::from(300)))?;
    /// ledger.post(Event::payment(d(3, 6), "P-1", Decimal::from(100), Currency::USD))?;
    /// // 300.00 in three monthly promises of 100.00 from March 6.
    /// let debts = vec![Debt::new("A-1", Decimal::from(300))];
    /// let promises = (3..=5).map(|m| Promise::new(d(m, 6), Decimal::from(100))).collect();
    /// let plan = Arrangement::from_promises(&PlanTerms::new(Currency::USD, debts, d(3, 2)), None, promises)?;
    ///
    /// let paid: Vec<_> = ledger.posted_payments().iter().map(PaymentRecord::payment).collect();
    /// assert_eq!((paid[0].date, paid[0].amount), (d(3, 6), Decimal::from(100)));
    /// let t = track(&plan, &paid, d(3, 7), &BreakRule::default())?;
    /// assert_eq!(t.promises[0].status, PromiseStatus::Kept);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn payment(&self) -> Payment {
        Payment {
            date: self.date,
            amount: self.amount,
        }
    }

    /// The checks of [`PaymentRecord::new`].
    pub fn validate(&self) -> Result<()> {
        if self.reference.trim().is_empty() {
            return Err(Error::invalid(
                "reference",
                format!("{:?}", self.reference),
                "must not be empty",
            ));
        }
        if self.account_id.trim().is_empty() {
            return Err(Error::invalid(
                "account_id",
                format!("{:?}", self.account_id),
                "must not be empty",
            ));
        }
        if self.amount <= Decimal::ZERO {
            return Err(Error::invalid(
                "amount",
                self.amount,
                "must be greater than zero",
            ));
        }
        Ok(())
    }
}

/// How far apart a matched pair may be and still agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tolerances {
    /// Days the two dates may differ by (value date against posting date); 0 by default.
    pub date_days: u32,
    /// The amount the two may differ by; 0 by default.
    pub amount: Decimal,
    /// For matching without a reference: the days the dates may differ by (3 by default).
    pub match_window_days: u32,
}

impl Tolerances {
    /// Checks the tolerances as [`reconcile`] does: the amount must not be negative (the error names
    /// `tolerances.amount`).
    ///
    /// ```
    /// use collections_core::debt::reconcile::Tolerances;
    /// use rust_decimal::Decimal;
    ///
    /// let t = Tolerances { amount: Decimal::new(-1, 2), ..Tolerances::default() };
    /// assert_eq!(t.validate().unwrap_err().field(), "tolerances.amount");
    /// ```
    pub fn validate(&self) -> Result<()> {
        non_negative("tolerances.amount", self.amount)
    }
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            date_days: 0,
            amount: Decimal::ZERO,
            match_window_days: 3,
        }
    }
}

/// What kind of discrepancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiscrepancyKind {
    /// A reference appears more than once on one side.
    Duplicate,
    /// The same reference, posted to another account.
    WrongAccount,
    /// The same reference, in another currency.
    CurrencyMismatch,
    /// The same reference, amounts apart by more than the tolerance.
    AmountMismatch,
    /// The same reference, dates apart by more than the tolerance.
    DateMismatch,
    /// Same account, currency and amount, dates within the window, different references.
    ReferenceMismatch,
    /// Reported, not in the ledger.
    MissingInLedger,
    /// In the ledger, not reported.
    MissingInReport,
}

impl DiscrepancyKind {
    /// Every kind.
    pub const ALL: [DiscrepancyKind; 8] = [
        DiscrepancyKind::Duplicate,
        DiscrepancyKind::WrongAccount,
        DiscrepancyKind::CurrencyMismatch,
        DiscrepancyKind::AmountMismatch,
        DiscrepancyKind::DateMismatch,
        DiscrepancyKind::ReferenceMismatch,
        DiscrepancyKind::MissingInLedger,
        DiscrepancyKind::MissingInReport,
    ];

    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            DiscrepancyKind::Duplicate => "duplicate",
            DiscrepancyKind::WrongAccount => "wrong_account",
            DiscrepancyKind::CurrencyMismatch => "currency_mismatch",
            DiscrepancyKind::AmountMismatch => "amount_mismatch",
            DiscrepancyKind::DateMismatch => "date_mismatch",
            DiscrepancyKind::ReferenceMismatch => "reference_mismatch",
            DiscrepancyKind::MissingInLedger => "missing_in_ledger",
            DiscrepancyKind::MissingInReport => "missing_in_report",
        }
    }
}

crate::debt::aging::by_name!(DiscrepancyKind, "kind");

/// One discrepancy: the records involved (indices into the two lists), the difference where there is
/// one, and a suggested resolution in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discrepancy {
    /// What kind.
    pub kind: DiscrepancyKind,
    /// The index of the reported record, if one is involved.
    pub reported: Option<usize>,
    /// The index of the posted record, if one is involved.
    pub posted: Option<usize>,
    /// Reported amount − posted amount (amount mismatches), or the days reported − posted (date
    /// mismatches).
    pub difference: Option<Decimal>,
    /// What to do about it.
    pub resolution: String,
}

/// The result of [`reconcile`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Reconciliation {
    /// Pairs (reported index, posted index) that agree.
    pub matched: Vec<(usize, usize)>,
    /// Every discrepancy, in the order of the reported list, then of the posted list.
    pub discrepancies: Vec<Discrepancy>,
}

fn check_all(records: &[PaymentRecord], side: &'static str) -> Result<()> {
    for (i, r) in records.iter().enumerate() {
        // The record's own field (reference, account_id, amount), as PaymentRecord::new names it;
        // the list and the index go in the value.
        r.validate()
            .map_err(|e| e.map_value(|v| format!("{side} #{i} {}: {v}", r.reference)))?;
    }
    Ok(())
}

/// The first index of each reference, and each later copy with the index of its first.
type Firsts<'a> = (HashMap<&'a str, usize>, Vec<(usize, usize)>);

fn firsts(list: &[PaymentRecord]) -> Firsts<'_> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut copies = Vec::new();
    for (i, r) in list.iter().enumerate() {
        if let Some(&first) = seen.get(r.reference.as_str()) {
            copies.push((i, first));
        } else {
            seen.insert(r.reference.as_str(), i);
        }
    }
    (seen, copies)
}

/// Reconciles `reported` (bank or processor) against `posted` (the ledger). See the [module
/// documentation](self) for the rules.
pub fn reconcile(
    reported: &[PaymentRecord],
    posted: &[PaymentRecord],
    tolerances: &Tolerances,
) -> Result<Reconciliation> {
    check_all(reported, "reported")?;
    check_all(posted, "posted")?;
    tolerances.validate()?;
    let mut out = Reconciliation::default();
    let mut found = Vec::new();

    // Duplicates on either side: the first occurrence stands, each copy is a discrepancy.
    let (_, rep_copies) = firsts(reported);
    let (post_refs, post_copies) = firsts(posted);
    let mut reported_done = vec![false; reported.len()];
    let mut posted_done = vec![false; posted.len()];
    for (i, first) in rep_copies {
        reported_done[i] = true;
        found.push(Discrepancy {
            kind: DiscrepancyKind::Duplicate,
            reported: Some(i),
            posted: None,
            difference: None,
            resolution: format!(
                "the report lists reference {} twice (#{first} and #{i}): ask the bank which one stands",
                reported[i].reference
            ),
        });
    }
    for (i, first) in post_copies {
        posted_done[i] = true;
        found.push(Discrepancy {
            kind: DiscrepancyKind::Duplicate,
            reported: None,
            posted: Some(i),
            difference: None,
            resolution: format!(
                "reverse the duplicate posting #{i} of reference {} (first posted as #{first})",
                posted[i].reference
            ),
        });
    }

    // By reference.
    for (i, r) in reported.iter().enumerate() {
        if reported_done[i] {
            continue;
        }
        let Some(&j) = post_refs.get(r.reference.as_str()) else {
            continue;
        };
        if posted_done[j] {
            continue;
        }
        reported_done[i] = true;
        posted_done[j] = true;
        let p = &posted[j];
        let mut issue = |kind, difference, resolution: String| {
            found.push(Discrepancy {
                kind,
                reported: Some(i),
                posted: Some(j),
                difference,
                resolution,
            })
        };
        let mut clean = true;
        if p.account_id != r.account_id {
            clean = false;
            issue(
                DiscrepancyKind::WrongAccount,
                None,
                format!(
                    "move the posting from account {} to {}",
                    p.account_id, r.account_id
                ),
            );
        }
        if p.currency != r.currency {
            clean = false;
            issue(
                DiscrepancyKind::CurrencyMismatch,
                None,
                format!(
                    "the report says {} and the ledger {}: reverse and repost in {}",
                    r.currency.code(),
                    p.currency.code(),
                    r.currency.code()
                ),
            );
        } else if (r.amount - p.amount).abs() > tolerances.amount {
            clean = false;
            let diff = r.amount - p.amount;
            let what = if diff > Decimal::ZERO {
                format!("post the missing {diff}")
            } else {
                format!("reverse and repost: {} too much was posted", -diff)
            };
            issue(DiscrepancyKind::AmountMismatch, Some(diff), what);
        }
        let days = (r.date - p.date).num_days();
        if days.unsigned_abs() > u64::from(tolerances.date_days) {
            clean = false;
            issue(
                DiscrepancyKind::DateMismatch,
                Some(Decimal::from(days)),
                format!(
                    "correct the posting date from {} to {} (interest is derived again)",
                    p.date, r.date
                ),
            );
        }
        if clean {
            out.matched.push((i, j));
        }
    }

    // Without a reference: account, currency, amount within tolerance, nearest date within the window.
    for (i, r) in reported.iter().enumerate() {
        if reported_done[i] {
            continue;
        }
        let window = i64::from(tolerances.match_window_days);
        let best = posted
            .iter()
            .enumerate()
            .filter(|(j, p)| {
                !posted_done[*j]
                    && p.account_id == r.account_id
                    && p.currency == r.currency
                    && (p.amount - r.amount).abs() <= tolerances.amount
                    && (p.date - r.date).num_days().abs() <= window
            })
            .min_by_key(|(j, p)| ((p.date - r.date).num_days().abs(), *j))
            .map(|(j, _)| j);
        if let Some(j) = best {
            reported_done[i] = true;
            posted_done[j] = true;
            found.push(Discrepancy {
                kind: DiscrepancyKind::ReferenceMismatch,
                reported: Some(i),
                posted: Some(j),
                difference: None,
                resolution: format!(
                    "same payment under two references: record {} against posting {}",
                    r.reference, posted[j].reference
                ),
            });
        }
    }

    for (i, r) in reported.iter().enumerate() {
        if !reported_done[i] {
            found.push(Discrepancy {
                kind: DiscrepancyKind::MissingInLedger,
                reported: Some(i),
                posted: None,
                difference: None,
                resolution: format!(
                    "post {} {} to account {} dated {}",
                    r.amount,
                    r.currency.code(),
                    r.account_id,
                    r.date
                ),
            });
        }
    }
    for (j, p) in posted.iter().enumerate() {
        if !posted_done[j] {
            found.push(Discrepancy {
                kind: DiscrepancyKind::MissingInReport,
                reported: None,
                posted: Some(j),
                difference: None,
                resolution: format!(
                    "investigate posting {}: if the money never arrived, reverse it",
                    p.reference
                ),
            });
        }
    }
    // In the order of the reported list, then of the posted list.
    found.sort_by_key(|d| {
        (
            d.reported.is_none(),
            d.reported.unwrap_or(usize::MAX),
            d.posted.unwrap_or(usize::MAX),
            d.kind,
        )
    });
    out.discrepancies = found;
    Ok(out)
}

/// An installment a schedule or plan expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expected {
    /// The due date.
    pub due_date: NaiveDate,
    /// The amount (greater than zero).
    pub amount: Decimal,
}

/// What became of an expected installment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExpectedStatus {
    /// Covered in full by its due date plus grace.
    Paid,
    /// Covered in full, after the grace days.
    Late,
    /// Due, partly covered.
    Short,
    /// Due, nothing covered.
    Missed,
    /// Not yet due, or still in its grace days, on the as-of date (whatever it has received).
    NotDue,
}

impl ExpectedStatus {
    /// `paid`, `late`, `short`, `missed` or `not_due`.
    pub fn name(self) -> &'static str {
        match self {
            ExpectedStatus::Paid => "paid",
            ExpectedStatus::Late => "late",
            ExpectedStatus::Short => "short",
            ExpectedStatus::Missed => "missed",
            ExpectedStatus::NotDue => "not_due",
        }
    }
}

/// One expected installment after the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedOutcome {
    /// The installment.
    pub expected: Expected,
    /// What the payments covered of it (oldest installment first).
    pub covered: Decimal,
    /// `amount − covered`.
    pub shortfall: Decimal,
    /// The date the last cent of it was covered, if it was.
    pub paid_on: Option<NaiveDate>,
    /// Payments dated in its period (after the previous due date, up to its own) minus its amount,
    /// when positive: more came in than it asked for.
    pub over: Decimal,
    /// The verdict.
    pub status: ExpectedStatus,
}

/// The result of [`compare_to_expected`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedComparison {
    /// One outcome per expected installment, in due-date order.
    pub installments: Vec<ExpectedOutcome>,
    /// Received and taken by no installment.
    pub unapplied: Decimal,
}

/// Spreads `received` payments (date, amount), up to `as_of`, over `expected` installments oldest first
/// and judges each installment with `grace_days` of grace. Payments after `as_of` are not yet known.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::reconcile::{compare_to_expected, Expected, ExpectedStatus};
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let plan = [1, 2, 3].map(|m| Expected { due_date: d(m, 28), amount: Decimal::from(100) });
/// let paid = [(d(1, 27), Decimal::from(100)), (d(3, 5), Decimal::from(60))];
/// let c = compare_to_expected(&plan, &paid, 5, d(4, 10))?;
/// let s: Vec<_> = c.installments.iter().map(|o| o.status).collect();
/// assert_eq!(s, vec![ExpectedStatus::Paid, ExpectedStatus::Short, ExpectedStatus::Missed]);
/// // On March 31 the March installment is still in its grace days.
/// let c = compare_to_expected(&plan, &paid, 5, d(3, 31))?;
/// assert_eq!(c.installments[2].status, ExpectedStatus::NotDue);
/// assert_eq!(c.installments[1].shortfall, Decimal::from(40));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn compare_to_expected(
    expected: &[Expected],
    received: &[(NaiveDate, Decimal)],
    grace_days: u32,
    as_of: NaiveDate,
) -> Result<ExpectedComparison> {
    for (i, e) in expected.iter().enumerate() {
        if e.amount <= Decimal::ZERO || e.amount > MAX_AMOUNT {
            return Err(Error::invalid(
                "expected",
                format!("#{i} {}", e.amount),
                "an expected amount must be greater than zero and at most 10^15",
            ));
        }
        if i > 0 && expected[i - 1].due_date > e.due_date {
            return Err(Error::invalid(
                "expected",
                format!("#{i} {}", e.due_date),
                "installments must be in due-date order",
            ));
        }
    }
    for (i, (date, amount)) in received.iter().enumerate() {
        // At most 10^15 each, so no sum of a list that fits in memory can leave Decimal's range.
        if *amount <= Decimal::ZERO || *amount > MAX_AMOUNT {
            return Err(Error::invalid(
                "received",
                format!("#{i} {amount}"),
                "a payment must be greater than zero and at most 10^15",
            ));
        }
        if i > 0 && received[i - 1].0 > *date {
            return Err(Error::invalid(
                "received",
                format!("#{i} {date}"),
                "payments must be in date order",
            ));
        }
    }
    let known: Vec<(NaiveDate, Decimal)> = received
        .iter()
        .copied()
        .filter(|(d, _)| *d <= as_of)
        .collect();
    let mut installments = Vec::with_capacity(expected.len());
    let mut k = 0; // the payment being spent
    let mut left = known.first().map(|p| p.1).unwrap_or(Decimal::ZERO);
    let mut previous_due: Option<NaiveDate> = None;
    for e in expected {
        let mut covered = Decimal::ZERO;
        let mut paid_on = None;
        while covered < e.amount && k < known.len() {
            let take = left.min(e.amount - covered);
            covered += take;
            left -= take;
            if covered == e.amount {
                paid_on = Some(known[k].0);
            }
            if left == Decimal::ZERO {
                k += 1;
                left = known.get(k).map(|p| p.1).unwrap_or(Decimal::ZERO);
            }
        }
        let in_period: Decimal = known
            .iter()
            .filter(|(d, _)| previous_due.is_none_or(|p| *d > p) && *d <= e.due_date)
            .map(|(_, a)| *a)
            .sum();
        previous_due = Some(e.due_date);
        let deadline = e
            .due_date
            .checked_add_days(Days::new(u64::from(grace_days)))
            .ok_or_else(|| Error::date_range("grace_days", e.due_date))?;
        let status = match paid_on {
            Some(p) if p <= deadline => ExpectedStatus::Paid,
            Some(_) => ExpectedStatus::Late,
            None if deadline >= as_of => ExpectedStatus::NotDue,
            None if covered > Decimal::ZERO => ExpectedStatus::Short,
            None => ExpectedStatus::Missed,
        };
        installments.push(ExpectedOutcome {
            expected: *e,
            covered,
            shortfall: e.amount - covered,
            paid_on,
            over: (in_period - e.amount).max(Decimal::ZERO),
            status,
        });
    }
    // What no installment took: everything known less everything covered.
    let received_total: Decimal = known.iter().map(|p| p.1).sum();
    let covered_total: Decimal = installments.iter().map(|o| o.covered).sum();
    Ok(ExpectedComparison {
        installments,
        unapplied: received_total - covered_total,
    })
}
