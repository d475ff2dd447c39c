//! An account's terms: rate history, penalty rate, caps, freezes, day count, compounding, fees,
//! allocation and overpayment.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::allocation::{AllocationStrategy, OverpaymentRule};
use super::event::Component;
use crate::calendar::DayCount;
use crate::debt::aging::FrozenPeriods;
use crate::debt::non_negative;
use crate::error::{Error, Result};
use crate::money::{Currency, RoundingMode};

/// The largest amount the ledger takes in one event (10^15 in the currency's major unit): far above
/// any real debt, and small enough that sums of a million events stay exact in a `Decimal`.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xA4C6_8000, 0x38D7E, 0, false, 0);

/// The highest annual rate a rate history or penalty rate takes: 100 (10,000%).
pub const MAX_RATE: Decimal = Decimal::ONE_HUNDRED;

/// Checks that `amount` is positive, at most [`MAX_AMOUNT`] and has no more decimals than `currency`
/// has minor units.
pub(crate) fn money_amount(field: &'static str, amount: Decimal, currency: Currency) -> Result<()> {
    if amount <= Decimal::ZERO {
        return Err(Error::invalid(field, amount, "must be greater than zero"));
    }
    if amount > MAX_AMOUNT {
        return Err(Error::invalid(field, amount, "must be at most 10^15"));
    }
    if amount.normalize().scale() > currency.minor_units() {
        return Err(Error::invalid(
            field,
            amount,
            format!(
                "has more decimals than {} has minor units ({})",
                currency.code(),
                currency.minor_units()
            ),
        ));
    }
    Ok(())
}

fn check_rate(field: &'static str, rate: Decimal) -> Result<()> {
    non_negative(field, rate)?;
    if rate > MAX_RATE {
        return Err(Error::invalid(
            field,
            rate,
            "must be at most 100 (10,000% a year)",
        ));
    }
    Ok(())
}

/// The annual interest rates of an account, each from its effective date until the next one.
///
/// The first rate must take effect on or before the day the account opens (a history with a gap at the
/// start is refused), and dates must increase.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::ledger::RateHistory;
/// use rust_decimal::Decimal;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let rates = RateHistory::new(vec![(d(1, 1), Decimal::new(12, 2)), (d(7, 1), Decimal::new(9, 2))])?;
/// assert_eq!(rates.rate_on(d(6, 30)), Some(Decimal::new(12, 2)));
/// assert_eq!(rates.rate_on(d(7, 1)), Some(Decimal::new(9, 2)));
/// assert_eq!(rates.rate_on(d(1, 1).pred_opt().unwrap()), None);
/// assert!(RateHistory::new(vec![(d(7, 1), Decimal::ONE), (d(7, 1), Decimal::ONE)]).is_err());
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    try_from = "Vec<(NaiveDate, Decimal)>",
    into = "Vec<(NaiveDate, Decimal)>"
)]
pub struct RateHistory {
    rates: Vec<(NaiveDate, Decimal)>,
}

impl RateHistory {
    /// Validates the rows: at least one, dates strictly increasing, each rate a fraction from 0 to
    /// [`MAX_RATE`].
    pub fn new(rates: Vec<(NaiveDate, Decimal)>) -> Result<RateHistory> {
        if rates.is_empty() {
            return Err(Error::invalid(
                "rates",
                "[]",
                "a rate history needs at least one rate (use 0 for none)",
            ));
        }
        for (i, (date, rate)) in rates.iter().enumerate() {
            check_rate("rates", *rate).map_err(|e| e.map_value(|v| format!("#{i} {date}: {v}")))?;
            if i > 0 && rates[i - 1].0 >= *date {
                return Err(Error::invalid(
                    "rates",
                    format!("#{i} {date} after {}", rates[i - 1].0),
                    "effective dates must increase",
                ));
            }
        }
        Ok(RateHistory { rates })
    }

    /// One rate from `from` on.
    pub fn fixed(from: NaiveDate, rate: Decimal) -> Result<RateHistory> {
        RateHistory::new(vec![(from, rate)])
    }

    /// The rows, in date order.
    pub fn rates(&self) -> &[(NaiveDate, Decimal)] {
        &self.rates
    }

    /// The rate in force on `date`, or `None` before the first effective date.
    pub fn rate_on(&self, date: NaiveDate) -> Option<Decimal> {
        let i = self.rates.partition_point(|(d, _)| *d <= date);
        i.checked_sub(1).map(|i| self.rates[i].1)
    }

    /// The first effective date after `date`, if any.
    pub(crate) fn next_change_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        let i = self.rates.partition_point(|(d, _)| *d <= date);
        self.rates.get(i).map(|(d, _)| *d)
    }
}

impl TryFrom<Vec<(NaiveDate, Decimal)>> for RateHistory {
    type Error = Error;
    fn try_from(rates: Vec<(NaiveDate, Decimal)>) -> Result<Self> {
        RateHistory::new(rates)
    }
}

impl From<RateHistory> for Vec<(NaiveDate, Decimal)> {
    fn from(r: RateHistory) -> Self {
        r.rates
    }
}

/// A default (penalty) rate that replaces the contract rate once the account is more than
/// `after_days` days past due, and until it is no longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenaltyRate {
    /// The annual rate, as a fraction.
    pub rate: Decimal,
    /// Days past due after which it applies (it applies from day `after_days + 1`).
    pub after_days: u32,
}

/// How interest accrues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterestMode {
    /// Simple daily interest on the outstanding principal only (US simple-interest loans).
    #[default]
    Simple,
    /// Interest compounded at each obligation's due date: interest unpaid on a due date bears
    /// interest from then on, until it is paid.
    CompoundAtDueDates,
}

impl InterestMode {
    /// Every mode.
    pub const ALL: [InterestMode; 2] = [InterestMode::Simple, InterestMode::CompoundAtDueDates];

    /// `simple` or `compound_at_due_dates`.
    pub fn name(self) -> &'static str {
        match self {
            InterestMode::Simple => "simple",
            InterestMode::CompoundAtDueDates => "compound_at_due_dates",
        }
    }
}

crate::debt::aging::by_name!(InterestMode, "interest_mode");

/// A late-fee rule: assessed once per obligation that is still short after its due date plus
/// `grace_days`, as `flat + percent × the overdue amount`, then held between `minimum` and `maximum`.
///
/// No fee pyramiding (FTC Credit Practices Rule, 16 CFR 444.4): an obligation counts as short only when
/// the payments received so far, applied to principal and interest alone, do not cover the principal and
/// interest due up to it; late fees unpaid from earlier obligations never make a full, on-time payment
/// late, whatever the allocation strategy did with the money. No late fee is assessed on a day in an
/// interest freeze.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LateFeeRule {
    /// A fixed amount.
    pub flat: Decimal,
    /// A fraction of the overdue amount (0.05 for 5%).
    pub percent: Decimal,
    /// The least fee charged (when a fee is due at all).
    pub minimum: Decimal,
    /// The most charged, if any.
    pub maximum: Option<Decimal>,
    /// Days after the due date before the fee applies; the fee is assessed on day `grace_days + 1`.
    pub grace_days: u32,
    /// The component it is booked to: [`Component::Penalty`] (the default, as Apache Fineract books
    /// late fees) or [`Component::Fee`].
    pub component: Component,
}

impl LateFeeRule {
    /// A flat fee after `grace_days`, booked as a penalty.
    pub fn flat(amount: Decimal, grace_days: u32) -> LateFeeRule {
        LateFeeRule {
            flat: amount,
            percent: Decimal::ZERO,
            minimum: Decimal::ZERO,
            maximum: None,
            grace_days,
            component: Component::Penalty,
        }
    }

    /// Checks the amounts: none negative, percent at most 1, minimum at most maximum, component a
    /// fee or penalty.
    pub fn validate(&self) -> Result<()> {
        non_negative("late_fee.flat", self.flat)?;
        non_negative("late_fee.percent", self.percent)?;
        non_negative("late_fee.minimum", self.minimum)?;
        if self.percent > Decimal::ONE {
            return Err(Error::invalid(
                "late_fee.percent",
                self.percent,
                "must be a fraction at most 1",
            ));
        }
        for (field, v) in [
            ("late_fee.flat", self.flat),
            ("late_fee.minimum", self.minimum),
        ] {
            if v > MAX_AMOUNT {
                return Err(Error::invalid(field, v, "must be at most 10^15"));
            }
        }
        if let Some(max) = self.maximum {
            non_negative("late_fee.maximum", max)?;
            if max < self.minimum {
                return Err(Error::invalid(
                    "late_fee.maximum",
                    max,
                    format!("is below the minimum {}", self.minimum),
                ));
            }
        }
        if !matches!(self.component, Component::Fee | Component::Penalty) {
            return Err(Error::invalid(
                "late_fee.component",
                self.component,
                "a late fee is a fee or a penalty",
            ));
        }
        Ok(())
    }
}

/// Everything that decides how an account's balances move. Build with [`Terms::new`] and the
/// `with_*` methods; each validates what it sets.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::ledger::{InterestMode, RateHistory, Terms};
/// use rust_decimal::Decimal;
///
/// let opened = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// let terms = Terms::new(RateHistory::fixed(opened, Decimal::new(18, 2))?)
///     .with_max_rate(Decimal::new(36, 2))?
///     .with_charge_cap(Decimal::new(50, 2))?
///     .with_interest_mode(InterestMode::CompoundAtDueDates);
/// assert_eq!(terms.max_rate(), Some(Decimal::new(36, 2)));
/// assert!(terms.clone().with_max_rate(Decimal::new(-1, 0)).is_err());
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    rates: RateHistory,
    penalty_rate: Option<PenaltyRate>,
    max_rate: Option<Decimal>,
    charge_cap: Option<Decimal>,
    freezes: FrozenPeriods,
    day_count: DayCount,
    interest_mode: InterestMode,
    late_fee: Option<LateFeeRule>,
    allocation: AllocationStrategy,
    overpayment: OverpaymentRule,
    rounding: RoundingMode,
}

impl Terms {
    /// Terms with these rates and the defaults: no penalty rate, no caps, no freezes, Actual/365 Fixed,
    /// simple interest, no late fee, fees-interest-principal oldest obligation first, overpayment held
    /// as credit, half-up rounding.
    pub fn new(rates: RateHistory) -> Terms {
        Terms {
            rates,
            penalty_rate: None,
            max_rate: None,
            charge_cap: None,
            freezes: FrozenPeriods::none(),
            day_count: DayCount::Act365Fixed,
            interest_mode: InterestMode::Simple,
            late_fee: None,
            allocation: AllocationStrategy::default(),
            overpayment: OverpaymentRule::default(),
            rounding: RoundingMode::HalfUp,
        }
    }

    /// A penalty rate once more than `after_days` days past due.
    pub fn with_penalty_rate(mut self, rate: Decimal, after_days: u32) -> Result<Terms> {
        check_rate("penalty_rate", rate)?;
        self.penalty_rate = Some(PenaltyRate { rate, after_days });
        Ok(self)
    }

    /// A maximum annual rate: every rate (contract or penalty) is held at or below it.
    pub fn with_max_rate(mut self, rate: Decimal) -> Result<Terms> {
        check_rate("max_rate", rate)?;
        self.max_rate = Some(rate);
        Ok(self)
    }

    /// A cap on interest, fees and penalties charged over the account's life, as a fraction of the
    /// original principal (0.5: at most half the principal). A charge that would pass it is cut to
    /// what is left, and the cut is recorded in the entry.
    pub fn with_charge_cap(mut self, fraction: Decimal) -> Result<Terms> {
        non_negative("charge_cap", fraction)?;
        if fraction > Decimal::from(1000) {
            return Err(Error::invalid(
                "charge_cap",
                fraction,
                "must be at most 1000",
            ));
        }
        self.charge_cap = Some(fraction);
        Ok(self)
    }

    /// Date ranges (both ends included) on which no interest accrues and no late fee is assessed.
    pub fn with_freezes(mut self, freezes: FrozenPeriods) -> Terms {
        self.freezes = freezes;
        self
    }

    /// The day count that turns days into a fraction of a year (Actual/365 Fixed by default).
    pub fn with_day_count(mut self, day_count: DayCount) -> Terms {
        self.day_count = day_count;
        self
    }

    /// Simple or compounded interest.
    pub fn with_interest_mode(mut self, mode: InterestMode) -> Terms {
        self.interest_mode = mode;
        self
    }

    /// A late-fee rule.
    pub fn with_late_fee(mut self, rule: LateFeeRule) -> Result<Terms> {
        rule.validate()?;
        self.late_fee = Some(rule);
        Ok(self)
    }

    /// How payments are allocated.
    pub fn with_allocation(mut self, allocation: AllocationStrategy) -> Terms {
        self.allocation = allocation;
        self
    }

    /// What happens to money left after the allocation.
    pub fn with_overpayment(mut self, rule: OverpaymentRule) -> Terms {
        self.overpayment = rule;
        self
    }

    /// How interest, percentage fees and pro-rata splits are rounded to minor units.
    pub fn with_rounding(mut self, rounding: RoundingMode) -> Terms {
        self.rounding = rounding;
        self
    }

    /// The rate history.
    pub fn rates(&self) -> &RateHistory {
        &self.rates
    }

    /// The penalty rate, if any.
    pub fn penalty_rate(&self) -> Option<PenaltyRate> {
        self.penalty_rate
    }

    /// The maximum rate, if any.
    pub fn max_rate(&self) -> Option<Decimal> {
        self.max_rate
    }

    /// The charge cap, if any.
    pub fn charge_cap(&self) -> Option<Decimal> {
        self.charge_cap
    }

    /// The interest freezes.
    pub fn freezes(&self) -> &FrozenPeriods {
        &self.freezes
    }

    /// The day count.
    pub fn day_count(&self) -> &DayCount {
        &self.day_count
    }

    /// The interest mode.
    pub fn interest_mode(&self) -> InterestMode {
        self.interest_mode
    }

    /// The late-fee rule, if any.
    pub fn late_fee(&self) -> Option<&LateFeeRule> {
        self.late_fee.as_ref()
    }

    /// The allocation strategy.
    pub fn allocation(&self) -> &AllocationStrategy {
        &self.allocation
    }

    /// The overpayment rule.
    pub fn overpayment(&self) -> OverpaymentRule {
        self.overpayment
    }

    /// The rounding mode.
    pub fn rounding(&self) -> RoundingMode {
        self.rounding
    }

    /// Checks everything again (used after deserializing, where the `with_*` checks did not run).
    pub fn validate(&self) -> Result<()> {
        RateHistory::new(self.rates.rates.clone())?;
        if let Some(p) = self.penalty_rate {
            check_rate("penalty_rate", p.rate)?;
        }
        if let Some(m) = self.max_rate {
            check_rate("max_rate", m)?;
        }
        if let Some(c) = self.charge_cap {
            Terms::new(self.rates.clone()).with_charge_cap(c)?;
        }
        FrozenPeriods::new(self.freezes.ranges().to_vec())?;
        if let Some(rule) = &self.late_fee {
            rule.validate()?;
        }
        self.allocation.validate()
    }
}

/// An account: who owes what, in which currency, from when, on which terms.
///
/// The principal is lent (or placed) on `opened_on`; obligation events then make parts of it due. Every
/// event must be dated on or after `opened_on`, and the rate history must cover that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    id: String,
    currency: Currency,
    opened_on: NaiveDate,
    principal: Decimal,
    terms: Terms,
}

impl Account {
    /// Validates: a non-empty id, a positive principal in the currency's minor units, late-fee amounts
    /// in the currency's minor units, terms whose rate history starts on or before `opened_on`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::ledger::{Account, RateHistory, Terms};
    /// use collections_core::Currency;
    /// use rust_decimal::Decimal;
    ///
    /// let opened = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let terms = Terms::new(RateHistory::fixed(opened, Decimal::new(10, 2))?);
    /// let account = Account::new("A-1", Currency::USD, opened, Decimal::new(100_000, 2), terms.clone())?;
    /// assert_eq!(account.principal(), Decimal::new(100_000, 2));
    /// let err = Account::new("A-1", Currency::USD, opened, Decimal::new(1, 3), terms).unwrap_err();
    /// assert_eq!(err.field(), "principal");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        currency: Currency,
        opened_on: NaiveDate,
        principal: Decimal,
        terms: Terms,
    ) -> Result<Account> {
        let id = id.into();
        if id.trim().is_empty() {
            return Err(Error::invalid("id", format!("{id:?}"), "must not be empty"));
        }
        money_amount("principal", principal, currency)?;
        terms.validate()?;
        if let Some(rule) = terms.late_fee() {
            let amounts = [
                ("late_fee.flat", Some(rule.flat)),
                ("late_fee.minimum", Some(rule.minimum)),
                ("late_fee.maximum", rule.maximum),
            ];
            for (field, amount) in amounts {
                if let Some(v) = amount.filter(|v| v.normalize().scale() > currency.minor_units()) {
                    return Err(Error::invalid(
                        field,
                        v,
                        format!(
                            "has more decimals than {} has minor units ({})",
                            currency.code(),
                            currency.minor_units()
                        ),
                    ));
                }
            }
        }
        let first = terms.rates.rates[0].0;
        if first > opened_on {
            return Err(Error::invalid(
                "rates",
                first,
                format!("the first rate takes effect after the account opens on {opened_on}"),
            ));
        }
        Ok(Account {
            id,
            currency,
            opened_on,
            principal,
            terms,
        })
    }

    /// The account id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The currency of every amount.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The day the principal was lent or placed.
    pub fn opened_on(&self) -> NaiveDate {
        self.opened_on
    }

    /// The original principal.
    pub fn principal(&self) -> Decimal {
        self.principal
    }

    /// The terms.
    pub fn terms(&self) -> &Terms {
        &self.terms
    }
}
