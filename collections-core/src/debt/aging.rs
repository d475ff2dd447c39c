//! Aging: days past due, buckets, delinquency history, charge-off eligibility, time-bar and roll rates.
//!
//! Days past due count from the oldest obligation not fully paid whose due date has passed
//! (`../shared/reference/affordability.md`, "Collections operations conventions"). A shortfall within a
//! tolerance counts as paid, by one of the two methods the FFIEC Uniform Retail Credit Classification and
//! Account Management Policy (65 FR 36903) allows, never both on one loan: per installment ("a payment of
//! at least 90% counts as full") or cumulative shortfalls. Grace days and frozen (paused) days are
//! subtracted, as in Apache Fineract's delinquent days. Closed-end loans become eligible for charge-off at
//! 120 days past due and open-end at 180 (FFIEC), both configurable.
//!
//! Amounts are plain [`Decimal`]s in the account's currency. Aging only compares and adds the amounts it
//! is given, so nothing is rounded; the one division (roll rates) is a ratio, not money.
//!
//! ```
//! use chrono::NaiveDate;
//! use collections_core::debt::aging::{AccountObligations, AgingRules, Obligation};
//! use rust_decimal::Decimal;
//!
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let hundred = Decimal::from(100);
//! let account = AccountObligations::new(vec![
//!     Obligation::new(d(1, 1), hundred, hundred)?,       // paid
//!     Obligation::new(d(2, 1), hundred, Decimal::ZERO)?, // missed
//!     Obligation::new(d(3, 1), hundred, Decimal::ZERO)?, // missed
//! ])?;
//! let aging = account.age(d(3, 15), &AgingRules::default())?;
//! assert_eq!(aging.days_past_due, 42); // from February 1
//! assert_eq!(aging.bucket_label, "31-60");
//! assert_eq!(aging.past_due_amount, Decimal::from(200));
//! # Ok::<(), collections_core::Error>(())
//! ```

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::non_negative;
use crate::error::{Error, Result};
use crate::parse::same_name;

/// One obligation of an account: what fell (or will fall) due on a date, and how much of it is paid.
///
/// Amounts are non-negative. An amount paid above the amount due is accepted and the obligation counts as
/// fully paid; with the per-installment method the excess stays on that obligation (allocating it to other
/// obligations is the ledger's job), with the cumulative method every amount paid is pooled.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::aging::Obligation;
/// use rust_decimal::Decimal;
///
/// let due = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// let o = Obligation::new(due, Decimal::from(100), Decimal::from(40))?;
/// assert_eq!(o.unpaid(), Decimal::from(60));
/// assert_eq!(Obligation::new(due, Decimal::from(-1), Decimal::ZERO).unwrap_err().field(), "amount_due");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ObligationRepr")]
pub struct Obligation {
    due_date: NaiveDate,
    amount_due: Decimal,
    amount_paid: Decimal,
}

#[derive(Deserialize)]
struct ObligationRepr {
    due_date: NaiveDate,
    amount_due: Decimal,
    amount_paid: Decimal,
}

impl TryFrom<ObligationRepr> for Obligation {
    type Error = Error;
    fn try_from(r: ObligationRepr) -> Result<Self> {
        Obligation::new(r.due_date, r.amount_due, r.amount_paid)
    }
}

impl Obligation {
    /// Validates the amounts: both at least zero.
    pub fn new(
        due_date: NaiveDate,
        amount_due: Decimal,
        amount_paid: Decimal,
    ) -> Result<Obligation> {
        non_negative("amount_due", amount_due)?;
        non_negative("amount_paid", amount_paid)?;
        Ok(Obligation {
            due_date,
            amount_due,
            amount_paid,
        })
    }

    /// The date it falls due.
    pub fn due_date(&self) -> NaiveDate {
        self.due_date
    }

    /// The amount that falls due.
    pub fn amount_due(&self) -> Decimal {
        self.amount_due
    }

    /// The amount paid towards it so far.
    pub fn amount_paid(&self) -> Decimal {
        self.amount_paid
    }

    /// What is left to pay: the amount due less the amount paid, never below zero.
    pub fn unpaid(&self) -> Decimal {
        if self.amount_paid >= self.amount_due {
            Decimal::ZERO
        } else {
            self.amount_due - self.amount_paid
        }
    }
}

// The macro lives in `parse` (the contact rules use it too); the debt modules still name it here.
pub(crate) use crate::parse::by_name;

/// An inclusive range of dates.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::aging::DateRange;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// assert_eq!(DateRange::new(d(3, 1), d(3, 31))?.days(), 31);
/// assert_eq!(DateRange::new(d(3, 2), d(3, 1)).unwrap_err().field(), "frozen_periods");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "(NaiveDate, NaiveDate)", into = "(NaiveDate, NaiveDate)")]
pub struct DateRange {
    start: NaiveDate,
    end: NaiveDate,
}

impl DateRange {
    /// A range from `start` to `end`, both included; `end` must not be before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<DateRange> {
        if end < start {
            return Err(Error::invalid(
                "frozen_periods",
                format!("{start}..={end}"),
                "the end is before the start",
            ));
        }
        Ok(DateRange { start, end })
    }

    /// The first day.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day.
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// The number of days, both ends included.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

impl TryFrom<(NaiveDate, NaiveDate)> for DateRange {
    type Error = Error;
    fn try_from((start, end): (NaiveDate, NaiveDate)) -> Result<Self> {
        DateRange::new(start, end)
    }
}

impl From<DateRange> for (NaiveDate, NaiveDate) {
    fn from(r: DateRange) -> Self {
        (r.start, r.end)
    }
}

/// The periods during which an account's days past due stand still (a dispute, a breathing space, a
/// payment holiday): in order of date and not overlapping.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::aging::{DateRange, FrozenPeriods};
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let frozen = FrozenPeriods::new(vec![DateRange::new(d(3, 1), d(3, 10))?])?;
/// assert_eq!(frozen.days_between(d(2, 28), d(3, 5)), 5); // March 1 to 5
/// let overlapping = vec![DateRange::new(d(3, 1), d(3, 10))?, DateRange::new(d(3, 10), d(3, 12))?];
/// assert!(FrozenPeriods::new(overlapping).is_err());
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "Vec<DateRange>", into = "Vec<DateRange>")]
pub struct FrozenPeriods {
    ranges: Vec<DateRange>,
}

impl FrozenPeriods {
    /// Validates the order: each range starts after the previous one ends.
    pub fn new(ranges: Vec<DateRange>) -> Result<FrozenPeriods> {
        for (i, pair) in ranges.windows(2).enumerate() {
            if pair[1].start <= pair[0].end {
                return Err(Error::invalid(
                    "frozen_periods",
                    format!(
                        "#{} {}..={} after {}..={}",
                        i + 1,
                        pair[1].start,
                        pair[1].end,
                        pair[0].start,
                        pair[0].end
                    ),
                    "ranges must be in date order and must not overlap",
                ));
            }
        }
        Ok(FrozenPeriods { ranges })
    }

    /// No frozen period.
    pub fn none() -> FrozenPeriods {
        FrozenPeriods::default()
    }

    /// The ranges, in date order.
    pub fn ranges(&self) -> &[DateRange] {
        &self.ranges
    }

    /// Whether `date` is in a frozen period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.ranges.iter().any(|r| r.start <= date && date <= r.end)
    }

    /// The frozen days after `after` up to and including `through` (zero when `through <= after`).
    pub fn days_between(&self, after: NaiveDate, through: NaiveDate) -> i64 {
        let mut days = 0;
        for r in &self.ranges {
            if r.start > through {
                break;
            }
            let from = if r.start > after {
                r.start
            } else {
                after.succ_opt().unwrap_or(after)
            };
            let to = r.end.min(through);
            if to >= from && from > after {
                days += (to - from).num_days() + 1;
            }
        }
        days
    }

    /// The first date on which `needed` non-frozen days have passed since `after` (`needed >= 1`).
    fn date_after_unfrozen(&self, after: NaiveDate, needed: u64) -> Result<NaiveDate> {
        let overflow = || Error::date_range("as_of", after);
        let mut remaining = needed;
        let mut cursor = after;
        for r in &self.ranges {
            if r.end <= cursor {
                continue;
            }
            // Unfrozen days strictly between the cursor and the range's start.
            let start = r.start.max(cursor.succ_opt().ok_or_else(overflow)?);
            let free = u64::try_from((start - cursor).num_days() - 1).unwrap_or(0);
            if free >= remaining {
                break;
            }
            remaining -= free;
            cursor = r.end;
        }
        cursor
            .checked_add_days(Days::new(remaining))
            .ok_or_else(overflow)
    }
}

impl TryFrom<Vec<DateRange>> for FrozenPeriods {
    type Error = Error;
    fn try_from(ranges: Vec<DateRange>) -> Result<Self> {
        FrozenPeriods::new(ranges)
    }
}

impl From<FrozenPeriods> for Vec<DateRange> {
    fn from(f: FrozenPeriods) -> Self {
        f.ranges
    }
}

/// One aging bucket: a label and an inclusive range of days past due (`max_days` `None` is open-ended).
///
/// ```
/// use collections_core::debt::aging::Bucket;
///
/// let b = Bucket::new("31-60", 31, Some(60));
/// assert!(b.contains(31) && b.contains(60) && !b.contains(61));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// What reports call it.
    pub label: String,
    /// The fewest days past due in it.
    pub min_days: u32,
    /// The most days past due in it; `None` for the last, open-ended bucket.
    pub max_days: Option<u32>,
}

impl Bucket {
    /// A bucket; [`Buckets::new`] checks that a set of them is well formed.
    pub fn new(label: impl Into<String>, min_days: u32, max_days: Option<u32>) -> Bucket {
        Bucket {
            label: label.into(),
            min_days,
            max_days,
        }
    }

    /// Whether `days` falls in this bucket.
    pub fn contains(&self, days: u32) -> bool {
        days >= self.min_days && self.max_days.is_none_or(|max| days <= max)
    }
}

/// A validated set of aging buckets that covers every day count from 0 up exactly once.
///
/// The rule: at least one bucket; the first starts at 0; each next one starts the day after the previous
/// one ends; only the last is open-ended; labels are non-empty and distinct.
///
/// ```
/// use collections_core::debt::aging::{Bucket, Buckets};
///
/// let standard = Buckets::default();
/// assert_eq!(standard.labels(), ["current", "1-30", "31-60", "61-90", "91-120", "121-150", "151-180", "181+"]);
/// assert_eq!(standard.bucket_of(30), 1);
/// assert_eq!(standard.bucket_of(31), 2);
/// assert_eq!(standard.bucket_of(10_000), 7);
///
/// // Consumer-credit style: 0-29, 30-59, 60-89, 90+.
/// let consumer = Buckets::from_upper_bounds(&[29, 59, 89])?;
/// assert_eq!(consumer.labels(), ["0-29", "30-59", "60-89", "90+"]);
///
/// let gap = Buckets::new(vec![Bucket::new("a", 0, Some(30)), Bucket::new("b", 32, None)]);
/// assert_eq!(gap.unwrap_err().field(), "buckets");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Bucket>", into = "Vec<Bucket>")]
pub struct Buckets {
    buckets: Vec<Bucket>,
}

impl Buckets {
    /// Validates a set of buckets (the rule is in the type's documentation).
    pub fn new(buckets: Vec<Bucket>) -> Result<Buckets> {
        let Some(last) = buckets.last() else {
            return Err(Error::invalid(
                "buckets",
                "[]",
                "at least one bucket is needed",
            ));
        };
        if last.max_days.is_some() {
            return Err(Error::invalid(
                "buckets",
                &last.label,
                "the last bucket must be open-ended (no max_days) so every day count has a bucket",
            ));
        }
        let mut next_min = Some(0u32);
        for (i, b) in buckets.iter().enumerate() {
            if b.label.trim().is_empty() {
                return Err(Error::invalid(
                    "buckets",
                    format!("#{i}"),
                    "a bucket needs a label",
                ));
            }
            if buckets[..i].iter().any(|o| o.label == b.label) {
                return Err(Error::invalid(
                    "buckets",
                    &b.label,
                    "labels must be distinct",
                ));
            }
            if Some(b.min_days) != next_min {
                return Err(Error::invalid(
                    "buckets",
                    format!("{} ({}..)", b.label, b.min_days),
                    match next_min {
                        Some(n) => {
                            format!("must start at {n}, the day after the previous bucket ends")
                        }
                        None => "no day count is left after the previous bucket".to_string(),
                    },
                ));
            }
            match b.max_days {
                Some(max) if max < b.min_days => {
                    return Err(Error::invalid(
                        "buckets",
                        format!("{} ({}..={max})", b.label, b.min_days),
                        "ends before it starts",
                    ))
                }
                Some(max) if i + 1 < buckets.len() => next_min = max.checked_add(1),
                Some(_) => {}
                None if i + 1 < buckets.len() => {
                    return Err(Error::invalid(
                        "buckets",
                        &b.label,
                        "only the last bucket may be open-ended",
                    ))
                }
                None => {}
            }
        }
        Ok(Buckets { buckets })
    }

    /// Buckets ending at each of `upper_bounds` (increasing), plus an open last one. A bound of 0 as the
    /// first is labelled `current`; the others `a-b`, and the last `n+`.
    pub fn from_upper_bounds(upper_bounds: &[u32]) -> Result<Buckets> {
        let mut buckets = Vec::with_capacity(upper_bounds.len() + 1);
        let mut min = 0u32;
        for &max in upper_bounds {
            if max < min {
                return Err(Error::invalid(
                    "buckets",
                    max,
                    "upper bounds must increase strictly",
                ));
            }
            let label = if max == 0 {
                "current".to_string()
            } else {
                format!("{min}-{max}")
            };
            buckets.push(Bucket::new(label, min, Some(max)));
            min = max.checked_add(1).ok_or_else(|| {
                Error::invalid("buckets", max, "leaves no room for an open last bucket")
            })?;
        }
        buckets.push(Bucket::new(format!("{min}+"), min, None));
        Buckets::new(buckets)
    }

    /// The index of the bucket holding `days` (every count has exactly one).
    pub fn bucket_of(&self, days: u32) -> usize {
        // Few buckets: a linear scan beats a binary search and needs no second array.
        self.buckets
            .iter()
            .position(|b| b.max_days.is_none_or(|max| days <= max))
            .unwrap_or(self.buckets.len() - 1)
    }

    /// The buckets, in order.
    pub fn buckets(&self) -> &[Bucket] {
        &self.buckets
    }

    /// The labels, in order.
    pub fn labels(&self) -> Vec<&str> {
        self.buckets.iter().map(|b| b.label.as_str()).collect()
    }

    /// The number of buckets.
    pub fn len(&self) -> usize {
        self.buckets.len()
    }

    /// Always false: a valid set has at least one bucket.
    pub fn is_empty(&self) -> bool {
        self.buckets.is_empty()
    }

    fn label(&self, index: usize) -> &str {
        self.buckets.get(index).map_or("", |b| b.label.as_str())
    }
}

impl Default for Buckets {
    /// current, 1-30, 31-60, 61-90, 91-120, 121-150, 151-180, 181+.
    fn default() -> Self {
        let mut buckets = vec![Bucket::new("current", 0, Some(0))];
        for k in 0..6u32 {
            buckets.push(Bucket::new(
                format!("{}-{}", 30 * k + 1, 30 * k + 30),
                30 * k + 1,
                Some(30 * k + 30),
            ));
        }
        buckets.push(Bucket::new("181+", 181, None));
        Buckets { buckets }
    }
}

impl TryFrom<Vec<Bucket>> for Buckets {
    type Error = Error;
    fn try_from(b: Vec<Bucket>) -> Result<Self> {
        Buckets::new(b)
    }
}

impl From<Buckets> for Vec<Bucket> {
    fn from(b: Buckets) -> Self {
        b.buckets
    }
}

/// How shortfalls are judged, FFIEC's two methods; one per loan, never both.
///
/// ```
/// use collections_core::debt::aging::ShortfallMethod;
///
/// assert_eq!("cumulative".parse::<ShortfallMethod>()?, ShortfallMethod::Cumulative);
/// assert_eq!(ShortfallMethod::PerInstallment.name(), "per-installment");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ShortfallMethod {
    /// Each installment on its own: one whose shortfall is within the tolerance counts as paid, and its
    /// shortfall never ages (FFIEC: "a payment of at least 90% counts as full" is a 10% tolerance).
    #[default]
    PerInstallment,
    /// Shortfalls add up: every amount paid is pooled against the installments oldest first, and the
    /// account is past due from the first installment at which the total shortfall exceeds the tolerance
    /// (a percentage tolerance is of that installment).
    Cumulative,
}

impl ShortfallMethod {
    /// Both methods.
    pub const ALL: [ShortfallMethod; 2] =
        [ShortfallMethod::PerInstallment, ShortfallMethod::Cumulative];

    /// `per-installment` or `cumulative`.
    pub fn name(self) -> &'static str {
        match self {
            ShortfallMethod::PerInstallment => "per-installment",
            ShortfallMethod::Cumulative => "cumulative",
        }
    }
}

by_name!(ShortfallMethod, "shortfall_method");

/// The shortfall that still counts as paid: none, at most an amount, or at most a percentage (0 to 100)
/// of the installment.
///
/// ```
/// use collections_core::debt::aging::Tolerance;
/// use rust_decimal::Decimal;
///
/// let t = Tolerance::from_parts("percent", Some(Decimal::from(10)))?;
/// assert_eq!(t, Tolerance::Percent(Decimal::from(10)));
/// assert_eq!(t.allowance(Decimal::from(250))?, Decimal::from(25));
/// assert_eq!(Tolerance::from_parts("percent", Some(Decimal::from(101))).unwrap_err().field(), "tolerance");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "value")]
#[non_exhaustive]
pub enum Tolerance {
    /// Every shortfall counts.
    #[default]
    None,
    /// A shortfall of at most this amount counts as paid.
    Amount(Decimal),
    /// A shortfall of at most this percentage of the installment counts as paid (10 for FFIEC's 90%).
    Percent(Decimal),
}

impl Tolerance {
    /// `none`, `amount` or `percent`.
    pub fn name(&self) -> &'static str {
        match self {
            Tolerance::None => "none",
            Tolerance::Amount(_) => "amount",
            Tolerance::Percent(_) => "percent",
        }
    }

    /// Builds and validates a tolerance from its name and value (none takes no value).
    pub fn from_parts(kind: &str, value: Option<Decimal>) -> Result<Tolerance> {
        let t = match (kind, value) {
            (k, None) if same_name(k, "none") => Tolerance::None,
            (k, Some(v)) if same_name(k, "amount") => Tolerance::Amount(v),
            (k, Some(v)) if same_name(k, "percent") => Tolerance::Percent(v),
            (k, _)
                if ["none", "amount", "percent"]
                    .iter()
                    .any(|n| same_name(k, n)) =>
            {
                return Err(Error::invalid(
                    "tolerance",
                    k,
                    "none takes no value; amount and percent need one",
                ))
            }
            (k, _) => {
                return Err(Error::invalid(
                    "tolerance",
                    k,
                    "expected none, amount or percent",
                ))
            }
        };
        t.validate()?;
        Ok(t)
    }

    /// Checks the value: an amount at least zero, a percentage from 0 to 100.
    pub fn validate(&self) -> Result<()> {
        match *self {
            Tolerance::None => Ok(()),
            Tolerance::Amount(a) => non_negative("tolerance", a),
            Tolerance::Percent(p) if p < Decimal::ZERO || p > Decimal::ONE_HUNDRED => {
                Err(Error::invalid(
                    "tolerance",
                    format!("{p}%"),
                    "a percentage must be from 0 to 100",
                ))
            }
            Tolerance::Percent(_) => Ok(()),
        }
    }

    /// Whether a positive `shortfall` on an installment of `installment` exceeds the tolerance; the
    /// percentage is compared as `shortfall x 100 > installment x percent`, without a division.
    fn exceeded_by(&self, shortfall: Decimal, installment: Decimal) -> Result<bool> {
        match *self {
            Tolerance::None => Ok(shortfall > Decimal::ZERO),
            Tolerance::Amount(a) => Ok(shortfall > a),
            Tolerance::Percent(p) => {
                let overflow = || Error::overflow("tolerance", format!("{installment} x {p}%"));
                let allowed = installment.checked_mul(p).ok_or_else(overflow)?;
                let scaled = shortfall
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .ok_or_else(overflow)?;
                Ok(scaled > allowed)
            }
        }
    }

    /// The shortfall allowed on an installment of `installment`.
    pub fn allowance(&self, installment: Decimal) -> Result<Decimal> {
        match *self {
            Tolerance::None => Ok(Decimal::ZERO),
            Tolerance::Amount(a) => Ok(a),
            Tolerance::Percent(p) => installment
                .checked_mul(p)
                .map(|x| x / Decimal::ONE_HUNDRED)
                .ok_or_else(|| Error::overflow("tolerance", format!("{installment} x {p}%"))),
        }
    }
}

/// How an account is aged: the shortfall method and its tolerance, grace days, and the buckets.
///
/// ```
/// use collections_core::debt::aging::{AgingRules, Buckets, ShortfallMethod, Tolerance};
/// use rust_decimal::Decimal;
///
/// let ffiec = AgingRules::new(ShortfallMethod::PerInstallment, Tolerance::Percent(Decimal::from(10)), 0,
///                             Buckets::default())?;
/// assert_eq!(ffiec, AgingRules::ffiec_ninety_percent());
/// let bad = AgingRules::new(ShortfallMethod::Cumulative, Tolerance::Amount(Decimal::from(-5)), 0, Buckets::default());
/// assert_eq!(bad.unwrap_err().field(), "tolerance");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "AgingRulesRepr")]
pub struct AgingRules {
    method: ShortfallMethod,
    tolerance: Tolerance,
    grace_days: u32,
    buckets: Buckets,
}

#[derive(Deserialize)]
struct AgingRulesRepr {
    method: ShortfallMethod,
    tolerance: Tolerance,
    grace_days: u32,
    buckets: Buckets,
}

impl TryFrom<AgingRulesRepr> for AgingRules {
    type Error = Error;
    fn try_from(r: AgingRulesRepr) -> Result<Self> {
        AgingRules::new(r.method, r.tolerance, r.grace_days, r.buckets)
    }
}

impl AgingRules {
    /// Validates the tolerance. `grace_days` are subtracted from every count of days past due.
    pub fn new(
        method: ShortfallMethod,
        tolerance: Tolerance,
        grace_days: u32,
        buckets: Buckets,
    ) -> Result<AgingRules> {
        tolerance.validate()?;
        Ok(AgingRules {
            method,
            tolerance,
            grace_days,
            buckets,
        })
    }

    /// FFIEC's first method: per installment, a payment of at least 90% counts as full; no grace; the
    /// default buckets.
    pub fn ffiec_ninety_percent() -> AgingRules {
        AgingRules {
            method: ShortfallMethod::PerInstallment,
            tolerance: Tolerance::Percent(Decimal::TEN),
            grace_days: 0,
            buckets: Buckets::default(),
        }
    }

    /// The shortfall method.
    pub fn method(&self) -> ShortfallMethod {
        self.method
    }

    /// The tolerance.
    pub fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// The grace days.
    pub fn grace_days(&self) -> u32 {
        self.grace_days
    }

    /// The buckets.
    pub fn buckets(&self) -> &Buckets {
        &self.buckets
    }
}

/// An account's obligations (in due-date order) and its frozen periods: what aging reads.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::aging::{AccountObligations, Obligation};
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let late = Obligation::new(d(2, 1), Decimal::ONE, Decimal::ZERO)?;
/// let early = Obligation::new(d(1, 1), Decimal::ONE, Decimal::ZERO)?;
/// assert_eq!(AccountObligations::new(vec![late, early]).unwrap_err().field(), "obligations");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "AccountObligationsRepr")]
pub struct AccountObligations {
    obligations: Vec<Obligation>,
    frozen: FrozenPeriods,
}

#[derive(Deserialize)]
struct AccountObligationsRepr {
    obligations: Vec<Obligation>,
    #[serde(default)]
    frozen: FrozenPeriods,
}

impl TryFrom<AccountObligationsRepr> for AccountObligations {
    type Error = Error;
    fn try_from(r: AccountObligationsRepr) -> Result<Self> {
        AccountObligations::with_frozen(r.obligations, r.frozen)
    }
}

/// The result of aging one account as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aging {
    /// The date aged as of.
    pub as_of: NaiveDate,
    /// Delinquent days: days after the counting-from due date up to `as_of`, less frozen days and grace
    /// days, never below zero.
    pub days_past_due: u32,
    /// The due date the days are counted from: the oldest past-due obligation not counted as paid.
    pub counting_from: Option<NaiveDate>,
    /// The index of the account's bucket.
    pub bucket: usize,
    /// Its label.
    pub bucket_label: String,
    /// Unpaid amounts of past-due obligations that are not counted as paid.
    pub past_due_amount: Decimal,
    /// Unpaid amounts of past-due obligations counted as paid under the tolerance (still owed).
    pub tolerated_shortfall: Decimal,
    /// `past_due_amount` split by bucket, each obligation by its own days past due (receivables aging).
    pub past_due_by_bucket: Vec<Decimal>,
    /// Everything unpaid, due or not (with the cumulative method, total due less total paid).
    pub outstanding: Decimal,
}

/// What the hot loop computes for one account; no allocation.
#[derive(Debug, Clone, Copy, Default)]
struct Core {
    days_past_due: u32,
    counting_from: Option<NaiveDate>,
    past_due: Sum,
    tolerated: Sum,
    outstanding: Sum,
}

/// An exact running sum: a count of units (i128) at the first term's scale while the terms share it (one
/// currency's amounts do), Decimal's checked addition for any other. The total is the same as adding the
/// Decimals one by one, at a fraction of the cost in the portfolio loop.
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    units: i128,
    scale: u32,
    other: Decimal,
}

impl Sum {
    fn add(&mut self, x: Decimal, field: &'static str) -> Result<()> {
        self.merge(
            &Sum {
                units: x.mantissa(),
                scale: x.scale(),
                other: Decimal::ZERO,
            },
            field,
        )
    }

    fn merge(&mut self, s: &Sum, field: &'static str) -> Result<()> {
        if s.units != 0 {
            if self.units == 0 {
                self.scale = s.scale;
            }
            if s.scale == self.scale {
                self.units = self
                    .units
                    .checked_add(s.units)
                    .ok_or_else(|| Error::overflow(field, format!("{}e-{}", s.units, s.scale)))?;
            } else {
                self.other = add(self.other, s.units_total(field)?, field)?;
            }
        }
        if !s.other.is_zero() {
            self.other = add(self.other, s.other, field)?;
        }
        Ok(())
    }

    fn units_total(&self, field: &'static str) -> Result<Decimal> {
        Decimal::try_from_i128_with_scale(self.units, self.scale)
            .map_err(|_| Error::overflow(field, format!("{}e-{}", self.units, self.scale)))
    }

    fn total(&self, field: &'static str) -> Result<Decimal> {
        add(self.units_total(field)?, self.other, field)
    }
}

fn add(a: Decimal, b: Decimal, field: &'static str) -> Result<Decimal> {
    a.checked_add(b)
        .ok_or_else(|| Error::overflow(field, format!("{a} + {b}")))
}

impl AccountObligations {
    /// Obligations in due-date order (equal dates allowed), no frozen period.
    pub fn new(obligations: Vec<Obligation>) -> Result<AccountObligations> {
        AccountObligations::with_frozen(obligations, FrozenPeriods::none())
    }

    /// Obligations in due-date order, and the account's frozen periods.
    pub fn with_frozen(
        obligations: Vec<Obligation>,
        frozen: FrozenPeriods,
    ) -> Result<AccountObligations> {
        if let Some(i) = obligations
            .windows(2)
            .position(|w| w[1].due_date < w[0].due_date)
        {
            return Err(Error::invalid(
                "obligations",
                format!(
                    "#{} due {} after #{} due {}",
                    i + 1,
                    obligations[i + 1].due_date,
                    i,
                    obligations[i].due_date
                ),
                "must be in due-date order",
            ));
        }
        Ok(AccountObligations {
            obligations,
            frozen,
        })
    }

    /// The obligations.
    pub fn obligations(&self) -> &[Obligation] {
        &self.obligations
    }

    /// The frozen periods.
    pub fn frozen(&self) -> &FrozenPeriods {
        &self.frozen
    }

    /// Delinquent days of an obligation due on `due` as of `as_of`.
    fn delinquent_days(&self, due: NaiveDate, as_of: NaiveDate, grace: u32) -> u32 {
        if as_of <= due {
            return 0;
        }
        let days =
            (as_of - due).num_days() - self.frozen.days_between(due, as_of) - i64::from(grace);
        u32::try_from(days.max(0)).unwrap_or(u32::MAX)
    }

    /// The first date on which an obligation due on `due` reaches `days` days past due.
    fn date_reaching(&self, due: NaiveDate, days: u32, grace: u32) -> Result<NaiveDate> {
        if days == 0 {
            return Ok(due);
        }
        self.frozen
            .date_after_unfrozen(due, u64::from(days) + u64::from(grace))
    }

    fn core(
        &self,
        as_of: NaiveDate,
        rules: &AgingRules,
        mut by_bucket: Option<&mut [Decimal]>,
    ) -> Result<Core> {
        let mut c = Core::default();
        let grace = rules.grace_days;
        let mut put = |c: &mut Core, o: &Obligation, unpaid: Decimal, counts: bool| -> Result<()> {
            if unpaid.is_zero() {
                return Ok(());
            }
            if !counts {
                c.tolerated.add(unpaid, "tolerated_shortfall")?;
                return Ok(());
            }
            if c.counting_from.is_none() {
                c.counting_from = Some(o.due_date);
                c.days_past_due = self.delinquent_days(o.due_date, as_of, grace);
            }
            c.past_due.add(unpaid, "past_due_amount")?;
            if let Some(b) = by_bucket.as_deref_mut() {
                let k = rules
                    .buckets
                    .bucket_of(self.delinquent_days(o.due_date, as_of, grace));
                b[k] = add(b[k], unpaid, "past_due_amount")?;
            }
            Ok(())
        };
        match rules.method {
            ShortfallMethod::PerInstallment => {
                for o in &self.obligations {
                    let unpaid = o.unpaid();
                    if unpaid.is_zero() {
                        continue;
                    }
                    c.outstanding.add(unpaid, "outstanding")?;
                    if o.due_date >= as_of {
                        continue;
                    }
                    let counts = rules.tolerance.exceeded_by(unpaid, o.amount_due)?;
                    put(&mut c, o, unpaid, counts)?;
                }
            }
            ShortfallMethod::Cumulative => {
                let (mut paid_sum, mut due_sum) = (Sum::default(), Sum::default());
                for o in &self.obligations {
                    paid_sum.add(o.amount_paid, "amount_paid")?;
                    due_sum.add(o.amount_due, "amount_due")?;
                }
                let (paid, total_due) =
                    (paid_sum.total("amount_paid")?, due_sum.total("amount_due")?);
                if total_due > paid {
                    c.outstanding.add(total_due - paid, "outstanding")?;
                }
                // When every amount has one scale (the usual case), the running total is kept in units.
                let in_units = paid_sum.other.is_zero()
                    && due_sum.other.is_zero()
                    && (paid_sum.units == 0 || paid_sum.scale == due_sum.scale);
                let (mut cumulative_units, mut cumulative_due) = (0i128, Decimal::ZERO);
                for o in &self.obligations {
                    if o.due_date >= as_of {
                        break;
                    }
                    let shortfall = if in_units {
                        // At most the sum of all amounts due, which fits.
                        cumulative_units = cumulative_units.saturating_add(o.amount_due.mantissa());
                        if cumulative_units <= paid_sum.units {
                            continue;
                        }
                        Sum {
                            units: cumulative_units - paid_sum.units,
                            scale: due_sum.scale,
                            other: Decimal::ZERO,
                        }
                        .units_total("amount_due")?
                    } else {
                        cumulative_due = add(cumulative_due, o.amount_due, "amount_due")?;
                        if cumulative_due <= paid {
                            continue;
                        }
                        cumulative_due - paid
                    };
                    let unpaid = shortfall.min(o.amount_due);
                    let counts = c.counting_from.is_some()
                        || rules.tolerance.exceeded_by(shortfall, o.amount_due)?;
                    put(&mut c, o, unpaid, counts)?;
                }
            }
        }
        Ok(c)
    }

    /// Ages the account as of a date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::aging::{AccountObligations, AgingRules, Obligation};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let account = AccountObligations::new(vec![
    ///     Obligation::new(d(1, 1), Decimal::from(100), Decimal::from(95))?,
    /// ])?;
    /// // 95 of 100 paid: past due without a tolerance, paid under FFIEC's 90% rule.
    /// assert_eq!(account.age(d(2, 1), &AgingRules::default())?.days_past_due, 31);
    /// let ffiec = account.age(d(2, 1), &AgingRules::ffiec_ninety_percent())?;
    /// assert_eq!((ffiec.days_past_due, ffiec.tolerated_shortfall), (0, Decimal::from(5)));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn age(&self, as_of: NaiveDate, rules: &AgingRules) -> Result<Aging> {
        let mut by_bucket = vec![Decimal::ZERO; rules.buckets.len()];
        let c = self.core(as_of, rules, Some(&mut by_bucket))?;
        let bucket = rules.buckets.bucket_of(c.days_past_due);
        Ok(Aging {
            as_of,
            days_past_due: c.days_past_due,
            counting_from: c.counting_from,
            bucket,
            bucket_label: rules.buckets.label(bucket).to_string(),
            past_due_amount: c.past_due.total("past_due_amount")?,
            tolerated_shortfall: c.tolerated.total("tolerated_shortfall")?,
            past_due_by_bucket: by_bucket,
            outstanding: c.outstanding.total("outstanding")?,
        })
    }

    /// When the account becomes eligible for charge-off if nothing more is paid: the first date its days
    /// past due reach the policy's threshold for the credit type (frozen periods and grace included).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::aging::{AccountObligations, AgingRules, ChargeOffPolicy, CreditType, Obligation};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let account = AccountObligations::new(vec![Obligation::new(d(2026, 1, 1), Decimal::TEN, Decimal::ZERO)?])?;
    /// let c = account.charge_off(d(2026, 3, 1), &AgingRules::default(), CreditType::ClosedEnd,
    ///                            &ChargeOffPolicy::default())?;
    /// assert_eq!((c.threshold_days, c.eligible, c.eligible_on), (120, false, Some(d(2026, 5, 1))));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn charge_off(
        &self,
        as_of: NaiveDate,
        rules: &AgingRules,
        credit_type: CreditType,
        policy: &ChargeOffPolicy,
    ) -> Result<ChargeOff> {
        let c = self.core(as_of, rules, None)?;
        let threshold_days = policy.threshold(credit_type);
        let eligible_on = c
            .counting_from
            .map(|due| self.date_reaching(due, threshold_days, rules.grace_days))
            .transpose()?;
        Ok(ChargeOff {
            threshold_days,
            days_past_due: c.days_past_due,
            eligible: c.days_past_due >= threshold_days,
            eligible_on,
        })
    }

    /// Whether the debt is time-barred as of a date, and from when, under a limitation period counted by
    /// the named rule from the oldest past-due obligation (or a later payment or acknowledgment).
    ///
    /// The period runs from the start date, which is not counted; the last day to bring a claim is the
    /// period's anniversary of it, and the debt is time-barred from the next day (the English rule,
    /// Marren v Dawson Bentley, 1961).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::aging::{AccountObligations, AgingRules, LimitationPeriod, LimitationStart, Obligation};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let account = AccountObligations::new(vec![Obligation::new(d(2019, 1, 1), Decimal::TEN, Decimal::ZERO)?])?;
    /// let bar = account.time_bar(d(2026, 1, 1), &AgingRules::default(), LimitationStart::LastPaymentOrAcknowledgment,
    ///                            LimitationPeriod::Years(6), Some(d(2020, 3, 15)), None)?;
    /// assert_eq!((bar.start, bar.barred_on, bar.time_barred), (Some(d(2020, 3, 15)), Some(d(2026, 3, 16)), false));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn time_bar(
        &self,
        as_of: NaiveDate,
        rules: &AgingRules,
        rule: LimitationStart,
        period: LimitationPeriod,
        last_payment: Option<NaiveDate>,
        last_acknowledgment: Option<NaiveDate>,
    ) -> Result<TimeBar> {
        let c = self.core(as_of, rules, None)?;
        time_bar_from(
            as_of,
            c.counting_from,
            rule,
            period,
            last_payment,
            last_acknowledgment,
        )
    }
}

/// Closed-end (installment loans) or open-end (credit cards, lines of credit) credit, for charge-off.
///
/// ```
/// use collections_core::debt::aging::CreditType;
/// assert_eq!("open_end".parse::<CreditType>()?, CreditType::OpenEnd);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CreditType {
    /// Installment credit: FFIEC charge-off at 120 days past due.
    ClosedEnd,
    /// Revolving credit: FFIEC charge-off at 180 days past due.
    OpenEnd,
}

impl CreditType {
    /// Both types.
    pub const ALL: [CreditType; 2] = [CreditType::ClosedEnd, CreditType::OpenEnd];

    /// `closed-end` or `open-end`.
    pub fn name(self) -> &'static str {
        match self {
            CreditType::ClosedEnd => "closed-end",
            CreditType::OpenEnd => "open-end",
        }
    }
}

by_name!(CreditType, "credit_type");

/// The days past due at which each credit type becomes eligible for charge-off (FFIEC: 120 and 180).
///
/// ```
/// use collections_core::debt::aging::{ChargeOffPolicy, CreditType};
///
/// assert_eq!(ChargeOffPolicy::default().threshold(CreditType::OpenEnd), 180);
/// assert_eq!(ChargeOffPolicy::new(0, 180).unwrap_err().field(), "closed_end_days");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "(u32, u32)", into = "(u32, u32)")]
pub struct ChargeOffPolicy {
    closed_end_days: u32,
    open_end_days: u32,
}

impl ChargeOffPolicy {
    /// Both thresholds must be at least one day.
    pub fn new(closed_end_days: u32, open_end_days: u32) -> Result<ChargeOffPolicy> {
        if closed_end_days == 0 {
            return Err(Error::invalid("closed_end_days", 0, "must be at least 1"));
        }
        if open_end_days == 0 {
            return Err(Error::invalid("open_end_days", 0, "must be at least 1"));
        }
        Ok(ChargeOffPolicy {
            closed_end_days,
            open_end_days,
        })
    }

    /// The threshold for a credit type.
    pub fn threshold(&self, credit_type: CreditType) -> u32 {
        match credit_type {
            CreditType::ClosedEnd => self.closed_end_days,
            CreditType::OpenEnd => self.open_end_days,
        }
    }
}

impl Default for ChargeOffPolicy {
    /// FFIEC: 120 days closed-end, 180 open-end.
    fn default() -> Self {
        ChargeOffPolicy {
            closed_end_days: 120,
            open_end_days: 180,
        }
    }
}

impl TryFrom<(u32, u32)> for ChargeOffPolicy {
    type Error = Error;
    fn try_from((c, o): (u32, u32)) -> Result<Self> {
        ChargeOffPolicy::new(c, o)
    }
}

impl From<ChargeOffPolicy> for (u32, u32) {
    fn from(p: ChargeOffPolicy) -> Self {
        (p.closed_end_days, p.open_end_days)
    }
}

/// Charge-off eligibility of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChargeOff {
    /// The days past due that make it eligible.
    pub threshold_days: u32,
    /// Its days past due as of the date asked.
    pub days_past_due: u32,
    /// Whether it is eligible as of that date.
    pub eligible: bool,
    /// The first date it is (or was) eligible if nothing more is paid; `None` when nothing is past due.
    pub eligible_on: Option<NaiveDate>,
}

/// Where a limitation period starts.
///
/// ```
/// use collections_core::debt::aging::LimitationStart;
/// assert_eq!("due-date".parse::<LimitationStart>()?, LimitationStart::DueDate);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum LimitationStart {
    /// The due date of the oldest past-due obligation; later payments do not restart it.
    DueDate,
    /// The latest of that due date, the last payment and the last written acknowledgment: a payment or
    /// an acknowledgment restarts the period (England and Wales, Limitation Act 1980 s.29(5)).
    LastPaymentOrAcknowledgment,
}

impl LimitationStart {
    /// Both rules.
    pub const ALL: [LimitationStart; 2] = [
        LimitationStart::DueDate,
        LimitationStart::LastPaymentOrAcknowledgment,
    ];

    /// `due-date` or `last-payment-or-acknowledgment`.
    pub fn name(self) -> &'static str {
        match self {
            LimitationStart::DueDate => "due-date",
            LimitationStart::LastPaymentOrAcknowledgment => "last-payment-or-acknowledgment",
        }
    }
}

by_name!(LimitationStart, "limitation_start");

/// The length of a limitation period (at least one unit). Months and years keep the day of the month,
/// or the month's last day when it is shorter (February 29 plus one year is February 28).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitationPeriod {
    /// Whole years.
    Years(u32),
    /// Whole months.
    Months(u32),
    /// Days.
    Days(u32),
}

impl LimitationPeriod {
    /// The date the period after `start` ends on.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::aging::LimitationPeriod;
    ///
    /// let leap = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    /// assert_eq!(LimitationPeriod::Years(6).end_after(leap)?, NaiveDate::from_ymd_opt(2030, 2, 28).unwrap());
    /// assert_eq!(LimitationPeriod::Days(0).end_after(leap).unwrap_err().field(), "limitation_period");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn end_after(&self, start: NaiveDate) -> Result<NaiveDate> {
        let (n, end) = match *self {
            LimitationPeriod::Years(n) => (
                n,
                n.checked_mul(12)
                    .and_then(|m| start.checked_add_months(Months::new(m))),
            ),
            LimitationPeriod::Months(n) => (n, start.checked_add_months(Months::new(n))),
            LimitationPeriod::Days(n) => (n, start.checked_add_days(Days::new(u64::from(n)))),
        };
        if n == 0 {
            return Err(Error::invalid(
                "limitation_period",
                format!("{self:?}"),
                "must be at least one unit",
            ));
        }
        end.ok_or_else(|| Error::date_range("limitation_period", start))
    }
}

/// Whether a debt is time-barred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeBar {
    /// The date the limitation period runs from; `None` when nothing is past due.
    pub start: Option<NaiveDate>,
    /// The first day the debt is time-barred.
    pub barred_on: Option<NaiveDate>,
    /// Whether it is time-barred as of the date asked.
    pub time_barred: bool,
}

fn time_bar_from(
    as_of: NaiveDate,
    counting_from: Option<NaiveDate>,
    rule: LimitationStart,
    period: LimitationPeriod,
    last_payment: Option<NaiveDate>,
    last_acknowledgment: Option<NaiveDate>,
) -> Result<TimeBar> {
    for (field, date) in [
        ("last_payment", last_payment),
        ("last_acknowledgment", last_acknowledgment),
    ] {
        if let Some(date) = date.filter(|d| *d > as_of) {
            return Err(Error::invalid(
                field,
                date,
                format!("is after the as-of date {as_of}"),
            ));
        }
    }
    // Validate the period even when nothing is past due.
    period.end_after(as_of)?;
    let start = counting_from.map(|due| match rule {
        LimitationStart::DueDate => due,
        LimitationStart::LastPaymentOrAcknowledgment => due
            .max(last_payment.unwrap_or(due))
            .max(last_acknowledgment.unwrap_or(due)),
    });
    let barred_on = start
        .map(|s| {
            period
                .end_after(s)?
                .succ_opt()
                .ok_or_else(|| Error::date_range("limitation_period", s))
        })
        .transpose()?;
    Ok(TimeBar {
        start,
        barred_on,
        time_barred: barred_on.is_some_and(|b| as_of >= b),
    })
}

/// Account bucket and days past due of one account in a portfolio aging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountAge {
    /// Days past due.
    pub days_past_due: u32,
    /// The bucket index.
    pub bucket: u32,
}

/// Totals of the accounts in one bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BucketTotals {
    /// How many accounts.
    pub accounts: u64,
    /// Their outstanding amounts.
    pub outstanding: Decimal,
    /// Their past-due amounts.
    pub past_due: Decimal,
}

/// A portfolio aged as of a date: each account's days and bucket (in input order) and per-bucket totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortfolioAging {
    /// The date aged as of.
    pub as_of: NaiveDate,
    /// The bucket labels.
    pub labels: Vec<String>,
    /// Totals per bucket, accounts placed by their own days past due.
    pub totals: Vec<BucketTotals>,
    /// Each account, in input order.
    pub accounts: Vec<AccountAge>,
}

/// Which balance a roll rate compares.
///
/// ```
/// use collections_core::debt::aging::RollMeasure;
/// assert_eq!("past-due".parse::<RollMeasure>()?, RollMeasure::PastDue);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RollMeasure {
    /// The accounts' outstanding amounts.
    Outstanding,
    /// Their past-due amounts.
    PastDue,
    /// The number of accounts.
    Accounts,
}

impl RollMeasure {
    /// Every measure.
    pub const ALL: [RollMeasure; 3] = [
        RollMeasure::Outstanding,
        RollMeasure::PastDue,
        RollMeasure::Accounts,
    ];

    /// `outstanding`, `past-due` or `accounts`.
    pub fn name(self) -> &'static str {
        match self {
            RollMeasure::Outstanding => "outstanding",
            RollMeasure::PastDue => "past-due",
            RollMeasure::Accounts => "accounts",
        }
    }
}

by_name!(RollMeasure, "roll_measure");

/// Ages every account of a portfolio as of one date. Allocates only the result (8 bytes an account);
/// an error keeps its kind and field, and its value starts with the account's index (`account #12: ...`).
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::aging::{age_portfolio, AccountObligations, AgingRules, Obligation};
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let owing = |due| AccountObligations::new(vec![Obligation::new(due, Decimal::TEN, Decimal::ZERO).unwrap()]).unwrap();
/// let accounts = [owing(d(3, 1)), owing(d(1, 1)), owing(d(2, 20))];
/// let p = age_portfolio(&accounts, d(3, 1), &AgingRules::default())?;
/// assert_eq!(p.accounts.iter().map(|a| a.days_past_due).collect::<Vec<_>>(), [0, 59, 9]);
/// assert_eq!(p.totals[1].accounts, 1); // 1-30
/// assert_eq!(p.totals[2].past_due, Decimal::TEN); // 31-60
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn age_portfolio(
    accounts: &[AccountObligations],
    as_of: NaiveDate,
    rules: &AgingRules,
) -> Result<PortfolioAging> {
    // (accounts, outstanding, past due) per bucket.
    let mut sums = vec![(0u64, Sum::default(), Sum::default()); rules.buckets.len()];
    let mut ages = Vec::with_capacity(accounts.len());
    for (i, account) in accounts.iter().enumerate() {
        let c = account
            .core(as_of, rules, None)
            .map_err(|e| at_account(e, i))?;
        let bucket = rules.buckets.bucket_of(c.days_past_due);
        let t = &mut sums[bucket];
        t.0 += 1;
        t.1.merge(&c.outstanding, "outstanding")?;
        t.2.merge(&c.past_due, "past_due_amount")?;
        ages.push(AccountAge {
            days_past_due: c.days_past_due,
            bucket: u32::try_from(bucket).unwrap_or(u32::MAX),
        });
    }
    let totals = sums
        .iter()
        .map(|(accounts, outstanding, past_due)| {
            Ok(BucketTotals {
                accounts: *accounts,
                outstanding: outstanding.total("outstanding")?,
                past_due: past_due.total("past_due_amount")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(PortfolioAging {
        as_of,
        labels: rules
            .buckets
            .labels()
            .iter()
            .map(|l| l.to_string())
            .collect(),
        totals,
        accounts: ages,
    })
}

/// The same error, its value prefixed by the index of the account it came from.
fn at_account(e: Error, index: usize) -> Error {
    e.map_value(|value| format!("account #{index}: {value}"))
}

impl PortfolioAging {
    /// Roll rates from an aging one period earlier to this one: the balance in bucket k+1 now ÷ the
    /// balance in bucket k then, for each k but the last; `None` where bucket k held nothing.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::aging::{age_portfolio, AccountObligations, AgingRules, Obligation, RollMeasure};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let owing = |due| AccountObligations::new(vec![Obligation::new(due, Decimal::TEN, Decimal::ZERO).unwrap()]).unwrap();
    /// let accounts = [owing(d(1, 10)), owing(d(1, 20))];
    /// let rules = AgingRules::default();
    /// let january = age_portfolio(&accounts, d(1, 31), &rules)?;  // both 1-30
    /// let february = age_portfolio(&accounts, d(2, 28), &rules)?; // 49 and 39 days: both 31-60
    /// let rates = february.roll_rates_from(&january, RollMeasure::Outstanding)?;
    /// assert_eq!(rates[1], Some(Decimal::ONE)); // 1-30 -> 31-60: everything rolled
    /// assert_eq!(rates[2], None);               // nothing was in 31-60 in January
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn roll_rates_from(
        &self,
        earlier: &PortfolioAging,
        measure: RollMeasure,
    ) -> Result<Vec<Option<Decimal>>> {
        if earlier.labels != self.labels {
            return Err(Error::invalid(
                "earlier",
                earlier.labels.join(","),
                format!(
                    "buckets differ from this aging's ({})",
                    self.labels.join(",")
                ),
            ));
        }
        if earlier.as_of >= self.as_of {
            return Err(Error::invalid(
                "earlier",
                earlier.as_of,
                format!("must be before this aging's date {}", self.as_of),
            ));
        }
        let pick = |t: &BucketTotals| match measure {
            RollMeasure::Outstanding => t.outstanding,
            RollMeasure::PastDue => t.past_due,
            RollMeasure::Accounts => Decimal::from(t.accounts),
        };
        let then: Vec<Decimal> = earlier.totals.iter().map(pick).collect();
        let now: Vec<Decimal> = self.totals.iter().map(pick).collect();
        roll_rates(&then, &now)
    }
}

/// Roll rates from per-bucket balances: `now[k + 1] / earlier[k]` for each k but the last, `None` where
/// `earlier[k]` is zero. Both slices have one balance per bucket (at least two), none negative.
///
/// ```
/// use collections_core::debt::aging::roll_rates;
/// use rust_decimal::Decimal;
///
/// let earlier = [Decimal::from(1000), Decimal::from(200), Decimal::from(50)];
/// let now = [Decimal::from(900), Decimal::from(100), Decimal::from(40)];
/// let rates = roll_rates(&earlier, &now)?;
/// assert_eq!(rates, [Some(Decimal::new(1, 1)), Some(Decimal::new(2, 1))]);
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn roll_rates(earlier: &[Decimal], now: &[Decimal]) -> Result<Vec<Option<Decimal>>> {
    if earlier.len() != now.len() || earlier.len() < 2 {
        return Err(Error::invalid(
            "now",
            format!("{} and {} buckets", earlier.len(), now.len()),
            "both need the same number of buckets, at least two",
        ));
    }
    for (field, values) in [("earlier", earlier), ("now", now)] {
        if let Some(v) = values.iter().find(|v| v.is_sign_negative() && !v.is_zero()) {
            return Err(Error::invalid(field, v, "balances must not be negative"));
        }
    }
    Ok(earlier
        .iter()
        .zip(&now[1..])
        .map(|(then, next)| next.checked_div(*then).filter(|_| !then.is_zero()))
        .collect())
}

/// An amount that fell due on a date (an installment, a minimum payment, a fee).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueAmount {
    /// When it falls due.
    pub date: NaiveDate,
    /// How much.
    pub amount: Decimal,
}

/// A payment received on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// When it was received.
    pub date: NaiveDate,
    /// How much.
    pub amount: Decimal,
}

/// An account's dated facts: what fell due, what was paid and when, and its frozen periods. Payments
/// are applied to the oldest unpaid amount first (even one not yet due) on the day they are received; a
/// payment beyond everything due is a credit that aging ignores. The ledger, when it exists, will feed
/// [`AccountObligations`] directly with its own allocation.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::aging::{AccountActivity, AgingRules, DueAmount, FrozenPeriods, Payment};
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let dues = (1..=3).map(|m| DueAmount { date: d(m, 1), amount: Decimal::from(100) }).collect();
/// let payments = vec![Payment { date: d(2, 20), amount: Decimal::from(100) }];
/// let activity = AccountActivity::new(dues, payments, FrozenPeriods::none())?;
/// let history = activity.delinquency_history(d(1, 1), d(3, 31), &AgingRules::default())?;
/// let points: Vec<_> = history.iter().map(|h| (h.date, h.days_past_due, h.bucket_label.as_str())).collect();
/// assert_eq!(points, [
///     (d(1, 1), 0, "current"),
///     (d(1, 2), 1, "1-30"),    // January's 100 is past due
///     (d(2, 1), 31, "31-60"),
///     (d(2, 2), 32, "31-60"),  // February's 100 too: the past-due amount changes
///     (d(2, 20), 19, "1-30"),  // the payment cures January: days count from February 1
///     (d(3, 2), 29, "1-30"),   // March's 100 past due
///     (d(3, 4), 31, "31-60"),
/// ]);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AccountActivityRepr")]
pub struct AccountActivity {
    dues: Vec<DueAmount>,
    payments: Vec<Payment>,
    frozen: FrozenPeriods,
}

#[derive(Deserialize)]
struct AccountActivityRepr {
    dues: Vec<DueAmount>,
    payments: Vec<Payment>,
    #[serde(default)]
    frozen: FrozenPeriods,
}

impl TryFrom<AccountActivityRepr> for AccountActivity {
    type Error = Error;
    fn try_from(r: AccountActivityRepr) -> Result<Self> {
        AccountActivity::new(r.dues, r.payments, r.frozen)
    }
}

/// One point of a delinquency history: the account's aging on a date where its bucket, the due date its
/// days count from, its past-due amount or its frozen state changed. Between two points the days past
/// due grow by one a day, except on frozen days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelinquencyChange {
    /// The date of the change.
    pub date: NaiveDate,
    /// Days past due on that date.
    pub days_past_due: u32,
    /// The due date they count from.
    pub counting_from: Option<NaiveDate>,
    /// The bucket index.
    pub bucket: usize,
    /// Its label.
    pub bucket_label: String,
    /// The past-due amount on that date.
    pub past_due_amount: Decimal,
    /// Whether the date is in a frozen period.
    pub frozen: bool,
}

impl AccountActivity {
    /// Validates the facts: amounts at least zero, dues and payments each in date order.
    pub fn new(
        dues: Vec<DueAmount>,
        payments: Vec<Payment>,
        frozen: FrozenPeriods,
    ) -> Result<AccountActivity> {
        for d in &dues {
            non_negative("dues", d.amount)?;
        }
        for p in &payments {
            non_negative("payments", p.amount)?;
        }
        if let Some(i) = dues.windows(2).position(|w| w[1].date < w[0].date) {
            return Err(Error::invalid(
                "dues",
                format!("#{} on {} after {}", i + 1, dues[i + 1].date, dues[i].date),
                "must be in date order",
            ));
        }
        if let Some(i) = payments.windows(2).position(|w| w[1].date < w[0].date) {
            return Err(Error::invalid(
                "payments",
                format!(
                    "#{} on {} after {}",
                    i + 1,
                    payments[i + 1].date,
                    payments[i].date
                ),
                "must be in date order",
            ));
        }
        Ok(AccountActivity {
            dues,
            payments,
            frozen,
        })
    }

    /// The obligations as they stood at the end of `date`: payments received up to it applied oldest
    /// first.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::aging::{AccountActivity, DueAmount, FrozenPeriods, Payment};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let dues = vec![DueAmount { date: d(1, 1), amount: Decimal::from(100) },
    ///                 DueAmount { date: d(2, 1), amount: Decimal::from(100) }];
    /// let activity = AccountActivity::new(dues, vec![Payment { date: d(1, 5), amount: Decimal::from(150) }],
    ///                                     FrozenPeriods::none())?;
    /// let state = activity.obligations_on(d(1, 31))?;
    /// assert_eq!(state.obligations()[1].amount_paid(), Decimal::from(50));
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn obligations_on(&self, date: NaiveDate) -> Result<AccountObligations> {
        let mut paid = Decimal::ZERO;
        for p in self.payments.iter().take_while(|p| p.date <= date) {
            paid = add(paid, p.amount, "payments")?;
        }
        let mut obligations = Vec::with_capacity(self.dues.len());
        for d in &self.dues {
            let applied = paid.min(d.amount);
            paid -= applied;
            obligations.push(Obligation {
                due_date: d.date,
                amount_due: d.amount,
                amount_paid: applied,
            });
        }
        Ok(AccountObligations {
            obligations,
            frozen: self.frozen.clone(),
        })
    }

    /// The last payment received on or before `date`.
    pub fn last_payment_on(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.payments
            .iter()
            .take_while(|p| p.date <= date)
            .filter(|p| !p.amount.is_zero())
            .map(|p| p.date)
            .last()
    }

    /// The account aged at each month end from `from` to `to` (both included), for month-on-month charts
    /// and roll rates.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::aging::{AccountActivity, AgingRules, DueAmount, FrozenPeriods};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let dues = vec![DueAmount { date: d(1, 15), amount: Decimal::from(100) }];
    /// let activity = AccountActivity::new(dues, vec![], FrozenPeriods::none())?;
    /// let months = activity.month_end_agings(d(1, 1), d(3, 31), &AgingRules::default())?;
    /// let days: Vec<_> = months.iter().map(|a| (a.as_of, a.days_past_due)).collect();
    /// assert_eq!(days, [(d(1, 31), 16), (d(2, 28), 44), (d(3, 31), 75)]);
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn month_end_agings(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        rules: &AgingRules,
    ) -> Result<Vec<Aging>> {
        check_range(from, to)?;
        let mut out = Vec::new();
        let mut month_end = last_of_month(from)?;
        while month_end <= to {
            out.push(self.obligations_on(month_end)?.age(month_end, rules)?);
            let next = month_end
                .succ_opt()
                .ok_or_else(|| Error::date_range("to", month_end))?;
            month_end = last_of_month(next)?;
        }
        Ok(out)
    }

    /// The delinquency history from `from` to `to` (both included): a point on `from`, and one on every
    /// later date where the bucket, the due date the days count from, the past-due amount or the frozen
    /// state changes (see [`DelinquencyChange`]; the example is on the type).
    pub fn delinquency_history(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        rules: &AgingRules,
    ) -> Result<Vec<DelinquencyChange>> {
        check_range(from, to)?;
        // Dates where the inputs change: the day after each due date, each payment date, and the first
        // day of each frozen period and the day after it. Between them the days past due only grow, so
        // the bucket can change only where they reach a bucket's first day.
        let mut events: Vec<NaiveDate> = Vec::new();
        events.extend(self.dues.iter().filter_map(|d| d.date.succ_opt()));
        events.extend(self.payments.iter().map(|p| p.date));
        for r in self.frozen.ranges() {
            events.push(r.start);
            events.extend(r.end.succ_opt());
        }
        events.retain(|d| *d > from && *d <= to);
        events.push(from);
        events.sort_unstable();
        events.dedup();

        let mut out: Vec<DelinquencyChange> = Vec::new();
        for (i, &start) in events.iter().enumerate() {
            let segment_end = events.get(i + 1).copied();
            let state = self.obligations_on(start)?;
            let mut date = start;
            loop {
                let aging = state.age(date, rules)?;
                let point = DelinquencyChange {
                    date,
                    days_past_due: aging.days_past_due,
                    counting_from: aging.counting_from,
                    bucket: aging.bucket,
                    bucket_label: aging.bucket_label,
                    past_due_amount: aging.past_due_amount,
                    frozen: self.frozen.contains(date),
                };
                let changed = out.last().is_none_or(|last| {
                    (
                        last.bucket,
                        last.counting_from,
                        last.past_due_amount,
                        last.frozen,
                    ) != (
                        point.bucket,
                        point.counting_from,
                        point.past_due_amount,
                        point.frozen,
                    )
                });
                if changed {
                    out.push(point);
                }
                // The next bucket boundary within this segment, if the days are counting.
                let (Some(due), Some(next)) = (
                    aging.counting_from,
                    rules.buckets.buckets().get(aging.bucket + 1),
                ) else {
                    break;
                };
                let reach = state.date_reaching(due, next.min_days, rules.grace_days)?;
                if reach > to || segment_end.is_some_and(|e| reach >= e) || reach <= date {
                    break;
                }
                date = reach;
            }
        }
        Ok(out)
    }
}

fn check_range(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to < from {
        return Err(Error::invalid("to", to, format!("is before from ({from})")));
    }
    Ok(())
}

fn last_of_month(date: NaiveDate) -> Result<NaiveDate> {
    let first = date
        .with_day(1)
        .ok_or_else(|| Error::date_range("from", date))?;
    first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| Error::date_range("to", date))
}
