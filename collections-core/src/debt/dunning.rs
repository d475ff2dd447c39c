//! Dunning runs: which invoices get which notice, with what fee and interest, grouped by customer.
//!
//! A [`DunningPolicy`] is a ladder of [`DunningLevel`]s, each reached at a number of days overdue (plus
//! its grace days) when enough is outstanding, as in SAP FI dunning (days in arrears = dunning date − net
//! due date, grace days per item, levels by days in arrears, minimum amounts), Odoo's follow-up levels
//! (an action per level, a litigation block per invoice) and Business Central's reminder levels (a fee
//! and whether interest is computed, per level). [`dunning_run`] takes each invoice once, in one pass,
//! and returns a line per invoice, ordered by customer, due date and invoice id.
//!
//! Rules, in order:
//! - a payment dated after `as_of` is not yet known and is ignored, so a run can be replayed for a past
//!   date; a payment in another currency, or out of date order, is an error;
//! - outstanding = amount − payments (never below zero; an overpaid invoice is paid);
//! - a blocked invoice (litigation, dispute) gets no level, whatever it owes;
//! - days overdue = `as_of` − due date; an invoice is overdue from the day after its due date;
//! - the level reached is the highest whose `days_overdue + grace_days` the invoice has reached and whose
//!   `minimum_outstanding` it owes; with `one_level_at_a_time` (the default) it is at most one above the
//!   invoice's earlier `dunning_level`, so no notice is skipped;
//! - a level at or below the earlier one sends nothing new (no fee, no interest); a new level charges the
//!   level's fee and, where the level says so, interest on the outstanding amount from the due date.

use std::cmp::Ordering;
use std::fmt;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::late_interest::erp::{adb_round, balance_due_interest, erpnext_interest};
use super::late_interest::statutory::{next_day, Accrual, Rules};
use super::late_interest::{
    name_key, round_money, DebtorKind, Statute, StatutoryTables, Verification,
};
use super::non_negative;
use crate::error::{Error, Result};
use crate::money::{Currency, RoundingMode};

/// A payment against an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// The day the payment was received.
    pub date: NaiveDate,
    /// The amount (greater than zero).
    pub amount: Decimal,
    /// Its currency (must be the invoice's).
    pub currency: Currency,
}

/// An invoice as a dunning run sees it.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::dunning::{Invoice, Payment};
/// use collections_core::Currency;
/// use rust_decimal::Decimal;
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let mut invoice = Invoice::new("INV-1", "C-7", Currency::EUR, Decimal::from(500), d(2026, 1, 31));
/// invoice.payments.push(Payment { date: d(2026, 2, 10), amount: Decimal::from(200), currency: Currency::EUR });
/// assert_eq!(invoice.dunning_level, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    /// The invoice id (unique within a run).
    pub id: String,
    /// The customer it belongs to.
    pub customer_id: String,
    /// Its currency (must be the policy's).
    pub currency: Currency,
    /// The invoiced amount (greater than zero).
    pub amount: Decimal,
    /// The date payment was due.
    pub due_date: NaiveDate,
    /// Payments, in date order.
    pub payments: Vec<Payment>,
    /// The level of the last notice already sent (0: none).
    pub dunning_level: u32,
    /// Blocked from dunning (litigation, dispute, handed over).
    pub blocked: bool,
}

impl Invoice {
    /// An invoice with no payments, no earlier notice, not blocked.
    pub fn new(
        id: impl Into<String>,
        customer_id: impl Into<String>,
        currency: Currency,
        amount: Decimal,
        due_date: NaiveDate,
    ) -> Invoice {
        Invoice {
            id: id.into(),
            customer_id: customer_id.into(),
            currency,
            amount,
            due_date,
            payments: Vec::new(),
            dunning_level: 0,
            blocked: false,
        }
    }
}

/// How a level computes interest on the outstanding amount.
///
/// ```
/// use collections_core::debt::dunning::DunningInterest;
/// use rust_decimal::Decimal;
///
/// let m = DunningInterest::from_parts("erpnext", Some(Decimal::from(12)), None, None, None).unwrap();
/// assert_eq!(m, DunningInterest::ErpNext { annual_rate_percent: Decimal::from(12) });
/// assert_eq!(m.name(), "erpnext");
/// assert_eq!(DunningInterest::from_parts("statutory", None, None, None, None).unwrap_err().field(), "statute");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "method")]
#[non_exhaustive]
pub enum DunningInterest {
    /// ERPNext: outstanding × annual rate / 100 / 365 × days overdue.
    #[serde(rename = "erpnext")]
    ErpNext {
        /// Annual rate in percent.
        annual_rate_percent: Decimal,
    },
    /// Business Central "balance due": outstanding × rate / 100.
    BalanceDue {
        /// Rate in percent, per charge.
        rate_percent: Decimal,
    },
    /// Business Central "average daily balance": Σ balance × days from the due date ÷ interest period ×
    /// rate / 100, the balance falling with each payment.
    AverageDailyBalance {
        /// Rate in percent per interest period.
        rate_percent: Decimal,
        /// Days in the interest period (at least 1).
        interest_period_days: u32,
    },
    /// Statutory interest from the day after the due date through `as_of`, on the balance as payments
    /// reduce it (a payment stops interest on its amount after its day), with the law's margin and day
    /// count and the policy's rate tables; the law's fixed compensation is not added (make it the fee).
    Statutory {
        /// The law.
        statute: Statute,
        /// Consumer or business.
        debtor: DebtorKind,
    },
}

impl DunningInterest {
    /// The method's name: `erpnext`, `balance-due`, `average-daily-balance` or `statutory`.
    pub fn name(&self) -> &'static str {
        match self {
            DunningInterest::ErpNext { .. } => "erpnext",
            DunningInterest::BalanceDue { .. } => "balance-due",
            DunningInterest::AverageDailyBalance { .. } => "average-daily-balance",
            DunningInterest::Statutory { .. } => "statutory",
        }
    }

    /// A method from its name and the data it takes (the skins build methods this way): `rate_percent`
    /// for the three ERP methods, `interest_period_days` for the average daily balance, `statute` and
    /// `debtor` for statutory interest. Data a method does not take is refused.
    pub fn from_parts(
        name: &str,
        rate_percent: Option<Decimal>,
        interest_period_days: Option<u32>,
        statute: Option<Statute>,
        debtor: Option<DebtorKind>,
    ) -> Result<DunningInterest> {
        let key = name_key(name);
        let need =
            |field: &'static str| Error::invalid(field, "none", format!("{name} needs {field}"));
        let refuse = |field: &'static str, taken: bool| {
            if taken {
                Err(Error::invalid(
                    field,
                    "given",
                    format!("{name} does not take {field}"),
                ))
            } else {
                Ok(())
            }
        };
        let method = match key.as_str() {
            "erpnext" | "balancedue" | "averagedailybalance" => {
                refuse("statute", statute.is_some())?;
                refuse("debtor", debtor.is_some())?;
                let rate = rate_percent.ok_or_else(|| need("rate_percent"))?;
                match key.as_str() {
                    "erpnext" => {
                        refuse("interest_period_days", interest_period_days.is_some())?;
                        DunningInterest::ErpNext {
                            annual_rate_percent: rate,
                        }
                    }
                    "balancedue" => {
                        refuse("interest_period_days", interest_period_days.is_some())?;
                        DunningInterest::BalanceDue { rate_percent: rate }
                    }
                    _ => DunningInterest::AverageDailyBalance {
                        rate_percent: rate,
                        interest_period_days: interest_period_days
                            .ok_or_else(|| need("interest_period_days"))?,
                    },
                }
            }
            "statutory" => {
                refuse("rate_percent", rate_percent.is_some())?;
                refuse("interest_period_days", interest_period_days.is_some())?;
                DunningInterest::Statutory {
                    statute: statute.ok_or_else(|| need("statute"))?,
                    debtor: debtor.ok_or_else(|| need("debtor"))?,
                }
            }
            _ => {
                return Err(Error::invalid(
                    "interest_method",
                    name,
                    "expected one of erpnext, balance-due, average-daily-balance, statutory",
                ))
            }
        };
        method.check()?;
        Ok(method)
    }

    fn check(&self) -> Result<()> {
        let rate = match *self {
            DunningInterest::ErpNext {
                annual_rate_percent,
            } => annual_rate_percent,
            DunningInterest::BalanceDue { rate_percent } => rate_percent,
            DunningInterest::AverageDailyBalance {
                rate_percent,
                interest_period_days,
            } => {
                if interest_period_days == 0 {
                    return Err(Error::invalid(
                        "interest_period_days",
                        0,
                        "must be at least one day",
                    ));
                }
                rate_percent
            }
            DunningInterest::Statutory { .. } => Decimal::ZERO,
        };
        non_negative("rate_percent", rate)
    }
}

/// One rung of a dunning ladder.
///
/// ```
/// use collections_core::debt::dunning::DunningLevel;
/// use rust_decimal::Decimal;
///
/// let mut reminder = DunningLevel::new(14, "reminder");
/// reminder.fee = Decimal::new(500, 2);
/// reminder.grace_days = 3;
/// assert_eq!(reminder.action, "reminder");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DunningLevel {
    /// Days overdue at which the level is reached (before grace days).
    pub days_overdue: u32,
    /// Further days of tolerance: the level is reached at `days_overdue + grace_days`.
    pub grace_days: u32,
    /// The fee charged with the notice, in the policy's currency (at most its minor units).
    pub fee: Decimal,
    /// Whether interest is charged with the notice, and how.
    pub interest: Option<DunningInterest>,
    /// The level is reached only when at least this much is outstanding.
    pub minimum_outstanding: Decimal,
    /// What to do: a key such as `reminder`, `final notice`, `legal handover`.
    pub action: String,
}

impl DunningLevel {
    /// A level with no grace days, no fee, no interest and no minimum.
    pub fn new(days_overdue: u32, action: impl Into<String>) -> DunningLevel {
        DunningLevel {
            days_overdue,
            grace_days: 0,
            fee: Decimal::ZERO,
            interest: None,
            minimum_outstanding: Decimal::ZERO,
            action: action.into(),
        }
    }

    fn trigger(&self) -> i64 {
        i64::from(self.days_overdue) + i64::from(self.grace_days)
    }
}

/// A dunning ladder in one currency.
///
/// ```
/// use collections_core::debt::dunning::{DunningLevel, DunningPolicy};
/// use collections_core::Currency;
///
/// let policy = DunningPolicy::new(Currency::EUR, vec![DunningLevel::new(14, "reminder"), DunningLevel::new(30, "final notice")])?;
/// assert_eq!(policy.levels().len(), 2);
/// let err = DunningPolicy::new(Currency::EUR, vec![DunningLevel::new(30, "a"), DunningLevel::new(14, "b")]).unwrap_err();
/// assert_eq!(err.field(), "levels.days_overdue");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DunningPolicyData")]
pub struct DunningPolicy {
    currency: Currency,
    levels: Vec<DunningLevel>,
    rounding: RoundingMode,
    one_level_at_a_time: bool,
    tables: StatutoryTables,
}

#[derive(Deserialize)]
struct DunningPolicyData {
    currency: Currency,
    levels: Vec<DunningLevel>,
    rounding: RoundingMode,
    one_level_at_a_time: bool,
    tables: StatutoryTables,
}

impl TryFrom<DunningPolicyData> for DunningPolicy {
    type Error = Error;

    fn try_from(d: DunningPolicyData) -> Result<DunningPolicy> {
        Ok(DunningPolicy::new(d.currency, d.levels)?
            .with_rounding(d.rounding)
            .with_one_level_at_a_time(d.one_level_at_a_time)
            .with_tables(d.tables))
    }
}

impl DunningPolicy {
    /// A policy from levels in strictly increasing `days_overdue`, with half-up rounding, one level at a
    /// time and the built-in statutory rate tables.
    pub fn new(currency: Currency, mut levels: Vec<DunningLevel>) -> Result<DunningPolicy> {
        if levels.is_empty() {
            return Err(Error::invalid(
                "levels",
                "[]",
                "a policy needs at least one level",
            ));
        }
        let mut previous: Option<u32> = None;
        for level in &levels {
            if let Some(p) = previous.filter(|&p| level.days_overdue <= p) {
                return Err(Error::invalid(
                    "levels.days_overdue",
                    level.days_overdue,
                    format!("levels must be in strictly increasing days overdue (after {p})"),
                ));
            }
            previous = Some(level.days_overdue);
            for (field, amount) in [
                ("levels.fee", level.fee),
                ("levels.minimum_outstanding", level.minimum_outstanding),
            ] {
                non_negative(field, amount)?;
            }
            if level.fee.normalize().scale() > currency.minor_units() {
                return Err(Error::invalid(
                    "levels.fee",
                    level.fee,
                    format!("has more decimal places than the minor units of {currency}"),
                ));
            }
            if let Some(method) = &level.interest {
                method.check()?;
                if let DunningInterest::Statutory { statute, debtor } = *method {
                    statute.check_parties(debtor, currency)?;
                }
            }
        }
        for level in &mut levels {
            // Exact: the fee has at most the currency's minor units (checked above).
            level.fee = round_money(level.fee, currency, RoundingMode::HalfUp);
        }
        Ok(DunningPolicy {
            currency,
            levels,
            rounding: RoundingMode::HalfUp,
            one_level_at_a_time: true,
            tables: StatutoryTables::default(),
        })
    }

    /// The same policy rounding interest with `mode`.
    pub fn with_rounding(mut self, mode: RoundingMode) -> DunningPolicy {
        self.rounding = mode;
        self
    }

    /// The same policy letting an invoice jump levels (`false`) or not (`true`, the default).
    pub fn with_one_level_at_a_time(mut self, on: bool) -> DunningPolicy {
        self.one_level_at_a_time = on;
        self
    }

    /// The same policy with other statutory rate tables.
    pub fn with_tables(mut self, tables: StatutoryTables) -> DunningPolicy {
        self.tables = tables;
        self
    }

    /// The policy's currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The levels, lowest first (level 1 is `levels()[0]`).
    pub fn levels(&self) -> &[DunningLevel] {
        &self.levels
    }

    /// The rounding of interest.
    pub fn rounding(&self) -> RoundingMode {
        self.rounding
    }

    /// Whether an invoice climbs at most one level per run.
    pub fn one_level_at_a_time(&self) -> bool {
        self.one_level_at_a_time
    }
}

/// What a run decided for one invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DunningOutcome {
    /// Blocked from dunning.
    Blocked,
    /// Nothing outstanding.
    Paid,
    /// Not past its due date.
    NotOverdue,
    /// Overdue, but no level's days and minimum reached.
    NoLevelReached,
    /// The level reached was already sent.
    AlreadyNotified,
    /// A new notice at `level`.
    Notice,
}

impl DunningOutcome {
    /// The name: `blocked`, `paid`, `not_overdue`, `no_level_reached`, `already_notified` or `notice`.
    pub fn name(self) -> &'static str {
        match self {
            DunningOutcome::Blocked => "blocked",
            DunningOutcome::Paid => "paid",
            DunningOutcome::NotOverdue => "not_overdue",
            DunningOutcome::NoLevelReached => "no_level_reached",
            DunningOutcome::AlreadyNotified => "already_notified",
            DunningOutcome::Notice => "notice",
        }
    }
}

impl fmt::Display for DunningOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One invoice's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DunningLine {
    /// The invoice's position in the slice given to [`dunning_run`].
    pub invoice_index: usize,
    /// Amount − payments up to `as_of`, never below zero.
    pub outstanding: Decimal,
    /// `as_of` − due date (negative before the due date).
    pub days_overdue: i64,
    /// The decision.
    pub outcome: DunningOutcome,
    /// The level reached (1 is the first), for a notice or one already sent.
    pub level: Option<u32>,
    /// The level's fee (zero unless a notice).
    pub fee: Decimal,
    /// The interest (zero unless a notice at a level with interest).
    pub interest: Decimal,
    /// fee + interest.
    pub total: Decimal,
    /// Whether the interest used a reference-rate row marked unverified (statutory interest only).
    pub unverified_rate: bool,
}

impl DunningLine {
    fn empty(zero: Decimal) -> DunningLine {
        DunningLine {
            invoice_index: 0,
            outstanding: zero,
            days_overdue: 0,
            outcome: DunningOutcome::NoLevelReached,
            level: None,
            fee: zero,
            interest: zero,
            total: zero,
            unverified_rate: false,
        }
    }
}

/// Sums over some lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DunningTotals {
    /// Invoices.
    pub invoices: usize,
    /// New notices.
    pub notices: usize,
    /// Outstanding over all invoices (blocked ones included).
    pub outstanding: Decimal,
    /// Fees of the notices.
    pub fee: Decimal,
    /// Interest of the notices.
    pub interest: Decimal,
    /// fee + interest.
    pub total: Decimal,
}

impl DunningTotals {
    fn starting(zero: Decimal) -> DunningTotals {
        DunningTotals {
            invoices: 0,
            notices: 0,
            outstanding: zero,
            fee: zero,
            interest: zero,
            total: zero,
        }
    }

    fn add(&mut self, line: &DunningLine) -> Result<()> {
        let overflow = || Error::overflow("amount", line.outstanding);
        self.invoices += 1;
        self.notices += usize::from(line.outcome == DunningOutcome::Notice);
        self.outstanding = self
            .outstanding
            .checked_add(line.outstanding)
            .ok_or_else(overflow)?;
        if line.outcome != DunningOutcome::Notice {
            return Ok(()); // no fee, no interest
        }
        self.fee = self.fee.checked_add(line.fee).ok_or_else(overflow)?;
        self.interest = self
            .interest
            .checked_add(line.interest)
            .ok_or_else(overflow)?;
        self.total = self.total.checked_add(line.total).ok_or_else(overflow)?;
        Ok(())
    }
}

/// One customer's lines and totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDunning {
    /// The customer.
    pub customer_id: String,
    /// Their lines' positions in [`DunningRun::lines`].
    pub lines: Range<usize>,
    /// Their totals.
    pub totals: DunningTotals,
}

/// The result of [`dunning_run`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DunningRun {
    /// The run date.
    pub as_of: NaiveDate,
    /// The policy's currency.
    pub currency: Currency,
    /// The action key of each level (level 1 first).
    pub actions: Vec<String>,
    /// One line per invoice, by customer id, then due date, then invoice id.
    pub lines: Vec<DunningLine>,
    /// One entry per customer, by customer id.
    pub customers: Vec<CustomerDunning>,
    /// Totals over all invoices.
    pub totals: DunningTotals,
}

impl DunningRun {
    /// The action key of a line's level, if a level was reached.
    pub fn action(&self, line: &DunningLine) -> Option<&str> {
        let level = usize::try_from(line.level?).ok()?;
        self.actions.get(level.checked_sub(1)?).map(String::as_str)
    }

    /// A customer's lines.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::dunning::{dunning_run, DunningLevel, DunningPolicy, Invoice};
    /// use collections_core::Currency;
    /// use rust_decimal::Decimal;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let invoices = [
    ///     Invoice::new("2", "B", Currency::EUR, Decimal::ONE, due),
    ///     Invoice::new("1", "A", Currency::EUR, Decimal::ONE, due),
    /// ];
    /// let policy = DunningPolicy::new(Currency::EUR, vec![DunningLevel::new(10, "reminder")])?;
    /// let run = dunning_run(&invoices, &policy, NaiveDate::from_ymd_opt(2026, 2, 1).unwrap())?;
    /// let b = &run.customers[1];
    /// assert_eq!(b.customer_id, "B");
    /// assert_eq!(run.customer_lines(b)[0].invoice_index, 0);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn customer_lines(&self, customer: &CustomerDunning) -> &[DunningLine] {
        self.lines.get(customer.lines.clone()).unwrap_or(&[])
    }
}

/// Runs a dunning policy over invoices as of a date.
///
/// Fails, naming the field and the invoice, on a duplicate invoice id, an amount not above zero, an
/// invoice or payment in another currency, a payment not above zero or out of date order, and, for a
/// notice with statutory interest, on a period the rate tables do not cover (`due_date` before their
/// first row, `as_of` after their last known date: extend the policy's tables). The first bad invoice
/// in the input is the one reported. See the module documentation for the rules.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::dunning::{dunning_run, DunningInterest, DunningLevel, DunningOutcome, DunningPolicy, Invoice};
/// use collections_core::Currency;
/// use rust_decimal::Decimal;
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let mut reminder = DunningLevel::new(14, "reminder");
/// reminder.fee = Decimal::from(5);
/// let mut last = DunningLevel::new(30, "final notice");
/// last.fee = Decimal::from(10);
/// last.interest = Some(DunningInterest::ErpNext { annual_rate_percent: Decimal::from(10) });
/// let policy = DunningPolicy::new(Currency::EUR, vec![reminder, last])?;
///
/// let mut old = Invoice::new("A-2", "ACME", Currency::EUR, Decimal::from(730), d(2026, 1, 1));
/// old.dunning_level = 1;
/// let invoices = vec![old, Invoice::new("A-1", "ACME", Currency::EUR, Decimal::from(100), d(2026, 2, 10))];
/// let run = dunning_run(&invoices, &policy, d(2026, 2, 20))?;
/// // A-2: 50 days overdue, reminded before, now the final notice: 730 × 10 × 50 / 36500 = 10.00 + 10.00 fee.
/// let first = &run.lines[0];
/// assert_eq!((first.invoice_index, first.level, run.action(first)), (0, Some(2), Some("final notice")));
/// assert_eq!(first.total.to_string(), "20.00");
/// // A-1: 10 days overdue, below the first level.
/// assert_eq!(run.lines[1].outcome, DunningOutcome::NoLevelReached);
/// assert_eq!(run.customers[0].totals.total.to_string(), "20.00");
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn dunning_run(
    invoices: &[Invoice],
    policy: &DunningPolicy,
    as_of: NaiveDate,
) -> Result<DunningRun> {
    let count = invoices.len();
    if u32::try_from(count).is_err() {
        return Err(Error::invalid(
            "invoices",
            count,
            "at most 4,294,967,295 invoices in one run",
        ));
    }
    // Pass 1: a compact sort key per invoice (the run's order is decided on 48-byte keys in one
    // buffer, touching the strings only when their first 16 bytes tie), and unique ids.
    let keys: Vec<SortKey> = invoices
        .iter()
        .enumerate()
        .map(|(index, invoice)| SortKey::new(index, invoice))
        .collect();
    check_unique_ids(&keys, invoices)?;
    let mut keys = keys;
    // Ids are unique, so the order is total and an unstable sort is deterministic.
    sort_keys(&mut keys, invoices);
    let mut position = vec![0_u32; count];
    for (at, key) in keys.iter().enumerate() {
        if let Some(slot) = position.get_mut(key.index as usize) {
            *slot = at as u32;
        }
    }
    // Pass 2, in input order (so the first bad invoice in the input is the one reported): each line
    // goes straight to its place in the run's order.
    let zero = round_money(Decimal::ZERO, policy.currency, policy.rounding);
    let mut lines = vec![DunningLine::empty(zero); count];
    for (index, invoice) in invoices.iter().enumerate() {
        let line = dun(index, invoice, policy, as_of, zero)?;
        if let Some(slot) = position
            .get(index)
            .and_then(|&at| lines.get_mut(at as usize))
        {
            *slot = line;
        }
    }
    drop(position);

    let mut customers: Vec<CustomerDunning> = Vec::new();
    let mut totals = DunningTotals::starting(zero);
    let mut previous: Option<&SortKey> = None;
    for (at, (line, key)) in lines.iter().zip(&keys).enumerate() {
        if !previous.is_some_and(|p| p.same_customer(key, invoices)) {
            customers.push(CustomerDunning {
                customer_id: invoices[line.invoice_index].customer_id.clone(),
                lines: at..at,
                totals: DunningTotals::starting(zero),
            });
        }
        previous = Some(key);
        if let Some(current) = customers.last_mut() {
            current.lines.end = at + 1;
            current.totals.add(line)?;
        }
        totals.add(line)?;
    }
    Ok(DunningRun {
        as_of,
        currency: policy.currency,
        actions: policy.levels.iter().map(|l| l.action.clone()).collect(),
        lines,
        customers,
        totals,
    })
}

/// One invoice's line as [`dunning_run`] gives it (`invoice_index` is stored in the line), without
/// the run's check that invoice ids are unique, its order or its totals: for a caller deciding many
/// invoices on several threads, or keeping the lines of the good invoices when others fail. The same
/// errors as [`dunning_run`] for this invoice.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::dunning::{dunning_line, DunningLevel, DunningOutcome, DunningPolicy, Invoice};
/// use collections_core::Currency;
/// use rust_decimal::Decimal;
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let mut reminder = DunningLevel::new(14, "reminder");
/// reminder.fee = Decimal::from(5);
/// let policy = DunningPolicy::new(Currency::EUR, vec![reminder])?;
/// let invoice = Invoice::new("A-1", "ACME", Currency::EUR, Decimal::from(100), d(2026, 1, 31));
/// // 2026-02-20 − 2026-01-31 = 20 days overdue: the reminder, its fee 5.00.
/// let line = dunning_line(7, &invoice, &policy, d(2026, 2, 20))?;
/// assert_eq!((line.invoice_index, line.days_overdue, line.outcome), (7, 20, DunningOutcome::Notice));
/// assert_eq!(line.total.to_string(), "5.00");
/// let usd = Invoice::new("A-2", "ACME", Currency::USD, Decimal::from(100), d(2026, 1, 31));
/// assert_eq!(dunning_line(0, &usd, &policy, d(2026, 2, 20)).unwrap_err().field(), "currency");
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn dunning_line(
    invoice_index: usize,
    invoice: &Invoice,
    policy: &DunningPolicy,
    as_of: NaiveDate,
) -> Result<DunningLine> {
    let zero = round_money(Decimal::ZERO, policy.currency, policy.rounding);
    dun(invoice_index, invoice, policy, as_of, zero)
}

/// An invoice's place in the run order (customer id, due date, invoice id), with the first 16 bytes of
/// each id inline. Byte strings compare as their zero-padded prefixes do whenever those differ, so the
/// prefixes decide most comparisons; equal prefixes with both lengths at most 16 mean equal strings up
/// to trailing NULs, which the lengths then order; otherwise the strings themselves are compared.
#[derive(Debug, Clone, Copy)]
struct SortKey {
    customer: u128,
    /// The customer id's length in the high half, the due date (order-preserving) in the low half.
    customer_len_due: u64,
    id: u128,
    id_len: u32,
    index: u32,
}

impl SortKey {
    fn new(index: usize, invoice: &Invoice) -> SortKey {
        let len = |s: &str| u32::try_from(s.len()).unwrap_or(u32::MAX);
        // Flipping the sign bit keeps the order of the signed day number as unsigned.
        let due = (invoice.due_date.num_days_from_ce() as u32) ^ 0x8000_0000;
        SortKey {
            customer: prefix(&invoice.customer_id),
            customer_len_due: u64::from(len(&invoice.customer_id)) << 32 | u64::from(due),
            id: prefix(&invoice.id),
            id_len: len(&invoice.id),
            // The caller checked that the count fits.
            index: u32::try_from(index).unwrap_or(u32::MAX),
        }
    }

    fn customer_len(&self) -> u32 {
        (self.customer_len_due >> 32) as u32
    }

    /// Whether both ids fit their prefixes, so the key alone orders the invoice.
    fn is_short(&self) -> bool {
        self.customer_len() <= 16 && self.id_len <= 16
    }

    /// The whole order as one integer tuple, valid when every key [`is_short`](SortKey::is_short).
    fn short(&self) -> (u128, u64, u128, u32) {
        (self.customer, self.customer_len_due, self.id, self.id_len)
    }

    fn invoice<'a>(&self, invoices: &'a [Invoice]) -> Option<&'a Invoice> {
        invoices.get(self.index as usize)
    }

    fn cmp_customer(&self, other: &SortKey, invoices: &[Invoice]) -> Ordering {
        self.customer.cmp(&other.customer).then_with(|| {
            if self.customer_len() <= 16 && other.customer_len() <= 16 {
                self.customer_len().cmp(&other.customer_len())
            } else {
                let name = |k: &SortKey| k.invoice(invoices).map(|i| i.customer_id.as_str());
                name(self).cmp(&name(other))
            }
        })
    }

    fn cmp(&self, other: &SortKey, invoices: &[Invoice]) -> Ordering {
        self.cmp_customer(other, invoices)
            .then((self.customer_len_due as u32).cmp(&(other.customer_len_due as u32)))
            .then(self.id.cmp(&other.id))
            .then_with(|| {
                if self.id_len <= 16 && other.id_len <= 16 {
                    self.id_len.cmp(&other.id_len)
                } else {
                    let id = |k: &SortKey| k.invoice(invoices).map(|i| i.id.as_str());
                    id(self).cmp(&id(other))
                }
            })
    }

    fn same_customer(&self, other: &SortKey, invoices: &[Invoice]) -> bool {
        self.cmp_customer(other, invoices) == Ordering::Equal
    }
}

/// Sorts keys into the run order; on integer tuples alone when every id fits its prefix.
fn sort_keys(keys: &mut [SortKey], invoices: &[Invoice]) {
    if keys.iter().all(SortKey::is_short) {
        keys.sort_unstable_by_key(SortKey::short);
    } else {
        keys.sort_unstable_by(|a, b| a.cmp(b, invoices));
    }
}

/// The first 16 bytes of `s`, big-endian, zero-padded.
fn prefix(s: &str) -> u128 {
    let mut bytes = [0_u8; 16];
    let head = s.as_bytes().get(..16).unwrap_or(s.as_bytes());
    if let Some(target) = bytes.get_mut(..head.len()) {
        target.copy_from_slice(head);
    }
    u128::from_be_bytes(bytes)
}

/// Fails on the first id (in id order) that two invoices share, naming both positions. Sorting the
/// ids' keys beats hashing them: the work is sequential, and ids exported in order are nearly sorted.
fn check_unique_ids(keys: &[SortKey], invoices: &[Invoice]) -> Result<()> {
    let mut by_id: Vec<(u128, u32, u32)> = keys.iter().map(|k| (k.id, k.id_len, k.index)).collect();
    let id = |index: u32| invoices.get(index as usize).map(|i| i.id.as_str());
    let cmp = |a: &(u128, u32, u32), b: &(u128, u32, u32)| {
        a.0.cmp(&b.0).then_with(|| {
            if a.1 <= 16 && b.1 <= 16 {
                a.1.cmp(&b.1)
            } else {
                id(a.2).cmp(&id(b.2))
            }
        })
    };
    by_id.sort_unstable_by(|a, b| cmp(a, b).then(a.2.cmp(&b.2)));
    for pair in by_id.windows(2) {
        if let [a, b] = pair {
            if cmp(a, b) == Ordering::Equal {
                return Err(Error::invalid(
                    "id",
                    format!("{:?}", id(a.2).unwrap_or_default()),
                    format!("duplicate invoice id (invoices {} and {})", a.2, b.2),
                ));
            }
        }
    }
    Ok(())
}

fn about(invoice: &Invoice, value: impl fmt::Display) -> String {
    format!("{value} (invoice {:?})", invoice.id)
}

/// The same error with the invoice named beside its value (interest errors come from shared code that
/// does not know the invoice).
fn naming_invoice(error: Error, invoice: &Invoice) -> Error {
    if error.value().contains("(invoice ") {
        return error;
    }
    error.map_value(|value| about(invoice, value))
}

/// One invoice's line.
fn dun(
    invoice_index: usize,
    invoice: &Invoice,
    policy: &DunningPolicy,
    as_of: NaiveDate,
    zero: Decimal,
) -> Result<DunningLine> {
    let currency = policy.currency;
    if invoice.currency != currency {
        return Err(Error::CurrencyMismatch {
            field: "currency",
            left: currency.to_string(),
            right: about(invoice, invoice.currency),
        });
    }
    if invoice.amount <= Decimal::ZERO {
        return Err(Error::invalid(
            "amount",
            about(invoice, invoice.amount),
            "must be greater than zero",
        ));
    }
    let mut paid = Decimal::ZERO;
    let mut previous: Option<NaiveDate> = None;
    for payment in &invoice.payments {
        if payment.currency != invoice.currency {
            return Err(Error::CurrencyMismatch {
                field: "payments.currency",
                left: invoice.currency.to_string(),
                right: about(invoice, payment.currency),
            });
        }
        if payment.amount <= Decimal::ZERO {
            return Err(Error::invalid(
                "payments.amount",
                about(invoice, payment.amount),
                "must be greater than zero",
            ));
        }
        if previous.is_some_and(|p| payment.date < p) {
            return Err(Error::invalid(
                "payments.date",
                about(invoice, payment.date),
                "payments must be in date order",
            ));
        }
        previous = Some(payment.date);
        if payment.date <= as_of {
            paid = paid.checked_add(payment.amount).ok_or_else(|| {
                Error::overflow("payments.amount", about(invoice, payment.amount))
            })?;
        }
    }
    let outstanding = (invoice.amount - paid).max(Decimal::ZERO);
    let days_overdue = (as_of - invoice.due_date).num_days();
    let mut line = DunningLine {
        invoice_index,
        outstanding,
        days_overdue,
        outcome: DunningOutcome::NoLevelReached,
        level: None,
        fee: zero,
        interest: zero,
        total: zero,
        unverified_rate: false,
    };
    line.outcome = if invoice.blocked {
        DunningOutcome::Blocked
    } else if outstanding.is_zero() {
        DunningOutcome::Paid
    } else if days_overdue <= 0 {
        DunningOutcome::NotOverdue
    } else {
        DunningOutcome::NoLevelReached
    };
    if line.outcome != DunningOutcome::NoLevelReached {
        return Ok(line);
    }
    let reached = policy
        .levels
        .iter()
        .rposition(|l| days_overdue >= l.trigger() && outstanding >= l.minimum_outstanding);
    let Some(mut position) = reached else {
        return Ok(line);
    };
    let earlier = usize::try_from(invoice.dunning_level).unwrap_or(usize::MAX);
    if policy.one_level_at_a_time {
        position = position.min(earlier);
    }
    let level_number = u32::try_from(position + 1).unwrap_or(u32::MAX);
    line.level = Some(level_number);
    if level_number <= invoice.dunning_level {
        line.outcome = DunningOutcome::AlreadyNotified;
        return Ok(line);
    }
    let Some(level) = policy.levels.get(position) else {
        return Ok(line);
    };
    line.outcome = DunningOutcome::Notice;
    line.fee = level.fee;
    if let Some(method) = &level.interest {
        (line.interest, line.unverified_rate) =
            interest(method, invoice, outstanding, days_overdue, policy, as_of)
                .map_err(|e| naming_invoice(e, invoice))?;
    }
    line.total = line
        .fee
        .checked_add(line.interest)
        .ok_or_else(|| Error::overflow("amount", about(invoice, line.interest)))?;
    Ok(line)
}

/// The interest of a notice.
fn interest(
    method: &DunningInterest,
    invoice: &Invoice,
    outstanding: Decimal,
    days_overdue: i64,
    policy: &DunningPolicy,
    as_of: NaiveDate,
) -> Result<(Decimal, bool)> {
    let (currency, rounding) = (policy.currency, policy.rounding);
    let overflow = || Error::overflow("amount", about(invoice, invoice.amount));
    // Payments known at as_of that fell after the due date, in order; those on or before it only
    // lower the opening balance.
    let due = invoice.due_date;
    let later = || {
        invoice
            .payments
            .iter()
            .filter(move |p| p.date > due && p.date <= as_of)
    };
    let opening = invoice
        .payments
        .iter()
        .filter(|p| p.date <= due)
        .try_fold(invoice.amount, |balance, p| {
            balance.checked_sub(p.amount).ok_or_else(overflow)
        })?;
    let mut unverified = false;
    let amount = match *method {
        DunningInterest::ErpNext {
            annual_rate_percent,
        } => erpnext_interest(
            outstanding,
            annual_rate_percent,
            days_overdue,
            currency,
            rounding,
        )
        .map_err(|e| e.with_field("amount")),
        DunningInterest::BalanceDue { rate_percent } => {
            balance_due_interest(outstanding, rate_percent, currency, rounding)
                .map_err(|e| e.with_field("amount"))
        }
        DunningInterest::AverageDailyBalance {
            rate_percent,
            interest_period_days,
        } => {
            let (mut weighted, mut balance, mut start) = (Decimal::ZERO, opening, due);
            for p in later() {
                let days = Decimal::from((p.date - start).num_days());
                weighted = balance
                    .max(Decimal::ZERO)
                    .checked_mul(days)
                    .and_then(|x| weighted.checked_add(x))
                    .ok_or_else(overflow)?;
                balance = balance.checked_sub(p.amount).ok_or_else(overflow)?;
                start = p.date;
            }
            let days = Decimal::from((as_of - start).num_days());
            weighted = balance
                .max(Decimal::ZERO)
                .checked_mul(days)
                .and_then(|x| weighted.checked_add(x))
                .ok_or_else(overflow)?;
            adb_round(
                weighted,
                rate_percent,
                interest_period_days,
                currency,
                rounding,
            )
        }
        DunningInterest::Statutory { statute, debtor } => (|| {
            let rules = Rules::new(
                statute,
                debtor,
                currency,
                due,
                None,
                None,
                None,
                &policy.tables,
            )?;
            let mut accrual = Accrual::default();
            let end = next_day("as_of", as_of)?;
            let (mut balance, mut start) = (opening, next_day("due_date", due)?);
            for p in later() {
                let stop = next_day("payments.date", p.date)?;
                if balance > Decimal::ZERO {
                    rules.accrue(balance, start, stop, &mut accrual, |seg| {
                        unverified |= seg.reference.verification == Verification::Unverified;
                    })?;
                }
                balance = balance.checked_sub(p.amount).ok_or_else(overflow)?;
                start = stop;
            }
            if balance > Decimal::ZERO && start < end {
                rules.accrue(balance, start, end, &mut accrual, |seg| {
                    unverified |= seg.reference.verification == Verification::Unverified;
                })?;
            }
            accrual.rounded(rules.basis, currency, rounding)
        })()
        .map_err(|e| match e.field() {
            // The period's ends are the run date and the due date here.
            "to" => e.with_field("as_of"),
            "from" => e.with_field("due_date"),
            _ => e,
        }),
    }?;
    Ok((amount, unverified))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn eur(id: &str, customer: &str, amount: i64, due: NaiveDate) -> Invoice {
        Invoice::new(id, customer, Currency::EUR, Decimal::from(amount), due)
    }

    fn policy() -> DunningPolicy {
        let mut a = DunningLevel::new(10, "reminder");
        a.grace_days = 2;
        a.fee = Decimal::from(5);
        let mut b = DunningLevel::new(30, "final notice");
        b.fee = Decimal::from(15);
        b.minimum_outstanding = Decimal::from(50);
        DunningPolicy::new(Currency::EUR, vec![a, b]).unwrap()
    }

    #[test]
    fn bad_invoices_name_field_and_invoice() {
        let p = policy();
        let run = |inv: Invoice| dunning_run(&[inv], &p, d(2026, 3, 1)).unwrap_err();
        let base = eur("X-1", "C", 100, d(2026, 1, 1));
        let e = run(Invoice {
            amount: Decimal::ZERO,
            ..base.clone()
        });
        assert_eq!(e.field(), "amount");
        assert!(e.to_string().contains("X-1"), "{e}");
        assert_eq!(
            run(Invoice {
                amount: -Decimal::ONE,
                ..base.clone()
            })
            .field(),
            "amount"
        );
        assert_eq!(
            run(Invoice {
                currency: Currency::USD,
                ..base.clone()
            })
            .field(),
            "currency"
        );
        let pay = |date, amount: i64, currency| Payment {
            date,
            amount: Decimal::from(amount),
            currency,
        };
        let with = |payments| Invoice {
            payments,
            ..base.clone()
        };
        assert_eq!(
            run(with(vec![pay(d(2026, 1, 2), 10, Currency::USD)])).field(),
            "payments.currency"
        );
        assert_eq!(
            run(with(vec![pay(d(2026, 1, 2), 0, Currency::EUR)])).field(),
            "payments.amount"
        );
        assert_eq!(
            run(with(vec![
                pay(d(2026, 1, 5), 1, Currency::EUR),
                pay(d(2026, 1, 2), 1, Currency::EUR)
            ]))
            .field(),
            "payments.date"
        );
        let dup = dunning_run(&[base.clone(), base.clone()], &p, d(2026, 3, 1)).unwrap_err();
        assert_eq!(dup.field(), "id");
    }

    #[test]
    fn interest_methods_serialize_by_name() {
        for method in [
            DunningInterest::ErpNext {
                annual_rate_percent: Decimal::ONE,
            },
            DunningInterest::BalanceDue {
                rate_percent: Decimal::ONE,
            },
            DunningInterest::AverageDailyBalance {
                rate_percent: Decimal::ONE,
                interest_period_days: 30,
            },
            DunningInterest::Statutory {
                statute: Statute::Eu2011_7,
                debtor: DebtorKind::Business,
            },
        ] {
            let json = serde_json::to_value(method).unwrap();
            assert_eq!(json["method"], method.name(), "{json}");
            assert_eq!(
                serde_json::from_value::<DunningInterest>(json).unwrap(),
                method
            );
        }
    }

    #[test]
    fn bad_policies() {
        let err = |levels| {
            DunningPolicy::new(Currency::EUR, levels)
                .unwrap_err()
                .field()
        };
        assert_eq!(err(vec![]), "levels");
        assert_eq!(
            err(vec![DunningLevel::new(5, "a"), DunningLevel::new(5, "b")]),
            "levels.days_overdue"
        );
        let mut fee = DunningLevel::new(5, "a");
        fee.fee = Decimal::new(1, 3);
        assert_eq!(err(vec![fee.clone()]), "levels.fee");
        fee.fee = -Decimal::ONE;
        assert_eq!(err(vec![fee]), "levels.fee");
        let mut adb = DunningLevel::new(5, "a");
        adb.interest = Some(DunningInterest::AverageDailyBalance {
            rate_percent: Decimal::ONE,
            interest_period_days: 0,
        });
        assert_eq!(err(vec![adb]), "interest_period_days");
        let json = serde_json::to_string(&policy()).unwrap();
        assert_eq!(
            serde_json::from_str::<DunningPolicy>(&json).unwrap(),
            policy()
        );
        let swapped = json.replacen("\"days_overdue\":10", "\"days_overdue\":40", 1);
        assert!(serde_json::from_str::<DunningPolicy>(&swapped).is_err());
    }

    #[test]
    fn payments_after_as_of_are_ignored_and_overpayment_is_paid() {
        let p = policy();
        let mut inv = eur("X-1", "C", 100, d(2026, 1, 1));
        inv.payments.push(Payment {
            date: d(2026, 3, 2),
            amount: Decimal::from(100),
            currency: Currency::EUR,
        });
        let run = dunning_run(std::slice::from_ref(&inv), &p, d(2026, 3, 1)).unwrap();
        assert_eq!(run.lines[0].outstanding, Decimal::from(100));
        let run = dunning_run(std::slice::from_ref(&inv), &p, d(2026, 3, 2)).unwrap();
        assert_eq!(run.lines[0].outcome, DunningOutcome::Paid);
        inv.payments[0].amount = Decimal::from(150);
        let run = dunning_run(&[inv], &p, d(2026, 3, 2)).unwrap();
        assert_eq!(
            (run.lines[0].outcome, run.lines[0].outstanding),
            (DunningOutcome::Paid, Decimal::ZERO)
        );
    }

    #[test]
    fn one_level_at_a_time_and_jumps() {
        let p = policy();
        let inv = eur("X-1", "C", 100, d(2026, 1, 1));
        let at = d(2026, 3, 1); // 59 days overdue: level 2 by days
        let run = dunning_run(std::slice::from_ref(&inv), &p, at).unwrap();
        assert_eq!(
            (run.lines[0].level, run.lines[0].fee.to_string()),
            (Some(1), "5.00".into())
        );
        let run = dunning_run(
            std::slice::from_ref(&inv),
            &p.clone().with_one_level_at_a_time(false),
            at,
        )
        .unwrap();
        assert_eq!(
            (run.lines[0].level, run.lines[0].fee.to_string()),
            (Some(2), "15.00".into())
        );
        let sent = Invoice {
            dunning_level: 2,
            ..inv
        };
        let run = dunning_run(&[sent], &p, at).unwrap();
        assert_eq!(
            (run.lines[0].outcome, run.lines[0].total.to_string()),
            (DunningOutcome::AlreadyNotified, "0.00".into())
        );
    }
}
