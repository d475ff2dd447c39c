//! The terms of an amortized repayment schedule and their validation.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::{DayCount, Frequency};
use crate::error::{Error, Result};
use crate::money::{Currency, RoundingMode};
use crate::parse::name_key;
use crate::rate::Rate;

/// The default cap on the rows of one schedule (100 years of monthly payments).
pub const DEFAULT_MAX_ROWS: u32 = 1200;

/// The largest `max_rows` accepted (a weekly schedule of almost 2,000 years): a bound on the memory and
/// time one call can take.
pub const MAX_ROWS_LIMIT: u32 = 100_000;

/// How each row's interest is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterestMethod {
    /// The annual rate divided by the periods in a year, on the opening balance of each row.
    Periodic,
    /// The annual rate times the year fraction between due dates under the day count (US simple-interest
    /// loans; Apache Fineract's progressive loans).
    Daily(DayCount),
}

/// The shape of the payments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ScheduleKind {
    /// Equal payments (an annuity); the last one absorbs the rounding.
    LevelPayment,
    /// Equal principal in each payment, plus that row's interest.
    LevelPrincipal,
    /// Interest only in every payment, and the whole principal with the last one.
    InterestOnlyThenBalloon,
    /// Payments as if amortizing over `amortization_periods`, maturing earlier with a balloon.
    Balloon {
        /// The (longer) number of periods the level payment is computed over.
        amortization_periods: u32,
    },
    /// Level payments that step up by `step_percent` every `every` periods.
    Graduated {
        /// The step, in percent (5 for 5%).
        step_percent: Decimal,
        /// Periods between steps (at least 1).
        every: u32,
    },
    /// The caller's payment for each period; the last row pays off what remains.
    Custom(Vec<Decimal>),
}

/// What happens to the interest of an odd (shorter or longer) first period, from the disbursement to
/// the first due date, beyond or short of a regular period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OddFirstPeriod {
    /// Added to (or, for a short period, taken from) the first installment's interest. The default.
    #[default]
    AddToFirstInstallment,
    /// Added to the principal before the schedule is built.
    Capitalize,
    /// Not charged: the first period counts as a regular one.
    Ignore,
}

/// What happens to the interest of a payment holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayInterest {
    /// Added to the balance (it then bears interest). The default.
    #[default]
    Capitalize,
    /// Kept apart and paid with the next installment.
    Defer,
}

/// How the term is fixed: a number of payments, or a payment amount whose term is solved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermOrPayment {
    /// This many periods (payment holidays included).
    Term(u32),
    /// This level payment; the number of periods follows.
    Payment(Decimal),
}

/// Everything needed to build a schedule. Build it with [`ScheduleTerms::new`] and adjust the public
/// fields; [`amortize`](super::amortize) validates them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleTerms {
    /// The amount lent, in `currency`.
    pub principal: Decimal,
    /// The currency: rows are rounded to its minor units.
    pub currency: Currency,
    /// The annual nominal rate.
    pub annual_rate: Rate,
    /// The disbursement date.
    pub start_date: NaiveDate,
    /// The first due date.
    pub first_due_date: NaiveDate,
    /// How often payments fall due.
    pub frequency: Frequency,
    /// Keep month ends for due dates that start on one.
    pub end_of_month: bool,
    /// The term, or a payment to solve the term from.
    pub term_or_payment: TermOrPayment,
    /// Periodic or daily interest.
    pub interest_method: InterestMethod,
    /// The shape of the payments.
    pub kind: ScheduleKind,
    /// The odd-first-period rule (needs a day count for the stub: `stub_day_count`).
    pub odd_first_period: OddFirstPeriod,
    /// The day count for the odd first period's stub under the periodic method (default Actual/365 Fixed).
    pub stub_day_count: DayCount,
    /// Periods (1-based) with no payment due.
    pub payment_holidays: Vec<u32>,
    /// What a payment holiday does with its interest.
    pub holiday_interest: HolidayInterest,
    /// How the level payment is rounded to minor units.
    pub payment_rounding: RoundingMode,
    /// Round the payment to a multiple of this (5 for multiples of 5), with `payment_rounding`.
    pub payment_multiple: Option<Decimal>,
    /// How each row's interest is rounded to minor units.
    pub interest_rounding: RoundingMode,
    /// The most rows the schedule may have; more is an error.
    pub max_rows: u32,
}

impl ScheduleTerms {
    /// Level monthly-style payments with the defaults: periodic interest, half-up rounding, odd first
    /// period added to the first installment, no holidays, at most 1,200 rows.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        principal: Decimal,
        currency: Currency,
        annual_rate: Rate,
        start_date: NaiveDate,
        first_due_date: NaiveDate,
        frequency: Frequency,
        term_or_payment: TermOrPayment,
    ) -> ScheduleTerms {
        ScheduleTerms {
            principal,
            currency,
            annual_rate,
            start_date,
            first_due_date,
            frequency,
            end_of_month: false,
            term_or_payment,
            interest_method: InterestMethod::Periodic,
            kind: ScheduleKind::LevelPayment,
            odd_first_period: OddFirstPeriod::default(),
            stub_day_count: DayCount::Act365Fixed,
            payment_holidays: Vec::new(),
            holiday_interest: HolidayInterest::default(),
            payment_rounding: RoundingMode::HalfUp,
            payment_multiple: None,
            interest_rounding: RoundingMode::HalfUp,
            max_rows: DEFAULT_MAX_ROWS,
        }
    }

    pub(crate) fn validate(&self) -> Result<()> {
        if self.principal <= Decimal::ZERO {
            return Err(Error::invalid(
                "principal",
                self.principal,
                "must be greater than zero",
            ));
        }
        let mu = self.currency.minor_units();
        if self.principal.normalize().scale() > mu {
            return Err(Error::invalid(
                "principal",
                self.principal,
                format!(
                    "has more decimals than {}'s {mu} minor units",
                    self.currency
                ),
            ));
        }
        if self.first_due_date <= self.start_date {
            return Err(Error::invalid(
                "first_due_date",
                self.first_due_date,
                format!("must be after the start date {}", self.start_date),
            ));
        }
        if self.max_rows == 0 || self.max_rows > MAX_ROWS_LIMIT {
            return Err(Error::invalid(
                "max_rows",
                self.max_rows,
                format!("must be from 1 to {MAX_ROWS_LIMIT}"),
            ));
        }
        match self.term_or_payment {
            TermOrPayment::Term(0) => {
                return Err(Error::invalid("term", 0, "must be at least 1 period"))
            }
            TermOrPayment::Term(n) if n > self.max_rows => {
                return Err(Error::invalid(
                    "term",
                    n,
                    format!("exceeds max_rows ({})", self.max_rows),
                ))
            }
            TermOrPayment::Payment(p) if p <= Decimal::ZERO => {
                return Err(Error::invalid("payment", p, "must be greater than zero"))
            }
            TermOrPayment::Payment(_) if !matches!(self.kind, ScheduleKind::LevelPayment) => {
                return Err(Error::invalid(
                    "payment",
                    "given",
                    "a fixed payment goes with level-payment schedules",
                ))
            }
            _ => {}
        }
        if let Some(m) = self.payment_multiple {
            if m <= Decimal::ZERO {
                return Err(Error::invalid(
                    "payment_multiple",
                    m,
                    "must be greater than zero",
                ));
            }
        }
        match &self.kind {
            ScheduleKind::Graduated { every: 0, .. } => {
                return Err(Error::invalid("every", 0, "must be at least 1 period"))
            }
            ScheduleKind::Graduated { step_percent, .. }
                if *step_percent <= -Decimal::ONE_HUNDRED =>
            {
                return Err(Error::invalid(
                    "step_percent",
                    step_percent,
                    "must be greater than -100",
                ))
            }
            ScheduleKind::Custom(list) if list.is_empty() => {
                return Err(Error::invalid("payments", "[]", "must not be empty"))
            }
            ScheduleKind::Custom(list) => {
                if let Some(p) = list.iter().find(|p| p.is_sign_negative() && !p.is_zero()) {
                    return Err(Error::invalid("payments", p, "must not be negative"));
                }
                if let Some(p) = list.iter().find(|p| p.normalize().scale() > mu) {
                    return Err(Error::invalid(
                        "payments",
                        p,
                        format!(
                            "has more decimals than {}'s {mu} minor units",
                            self.currency
                        ),
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }
}

impl OddFirstPeriod {
    /// Every rule, in declaration order.
    pub const ALL: [OddFirstPeriod; 3] = [
        OddFirstPeriod::AddToFirstInstallment,
        OddFirstPeriod::Capitalize,
        OddFirstPeriod::Ignore,
    ];

    /// The canonical name: `add_to_first_installment`, `capitalize` or `ignore`.
    pub fn name(self) -> &'static str {
        match self {
            OddFirstPeriod::AddToFirstInstallment => "add_to_first_installment",
            OddFirstPeriod::Capitalize => "capitalize",
            OddFirstPeriod::Ignore => "ignore",
        }
    }
}

impl fmt::Display for OddFirstPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for OddFirstPeriod {
    type Err = Error;

    /// Parses a rule name; case, `_` and `-` are not significant.
    ///
    /// ```
    /// use collections_core::schedule::OddFirstPeriod;
    /// assert_eq!("capitalize".parse::<OddFirstPeriod>().unwrap(), OddFirstPeriod::Capitalize);
    /// assert_eq!("add-to-first-installment".parse::<OddFirstPeriod>().unwrap(), OddFirstPeriod::AddToFirstInstallment);
    /// assert!("defer".parse::<OddFirstPeriod>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        let key = name_key(s);
        OddFirstPeriod::ALL
            .into_iter()
            .find(|o| name_key(o.name()) == key)
            .ok_or_else(|| {
                Error::invalid(
                    "odd_first_period",
                    s,
                    "expected one of add_to_first_installment, capitalize, ignore",
                )
            })
    }
}

impl HolidayInterest {
    /// The canonical name: `capitalize` or `defer`.
    pub fn name(self) -> &'static str {
        match self {
            HolidayInterest::Capitalize => "capitalize",
            HolidayInterest::Defer => "defer",
        }
    }
}

impl fmt::Display for HolidayInterest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for HolidayInterest {
    type Err = Error;

    /// Parses `capitalize` or `defer` (case, `_` and `-` are not significant).
    ///
    /// ```
    /// use collections_core::schedule::HolidayInterest;
    /// assert_eq!("DEFER".parse::<HolidayInterest>().unwrap(), HolidayInterest::Defer);
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match name_key(s).as_str() {
            "capitalize" | "capitalise" => Ok(HolidayInterest::Capitalize),
            "defer" => Ok(HolidayInterest::Defer),
            _ => Err(Error::invalid(
                "holiday_interest",
                s,
                "expected capitalize or defer",
            )),
        }
    }
}

impl InterestMethod {
    /// The method named `periodic` or `daily`; `daily` takes the day count (Actual/365 Fixed when
    /// `None`), `periodic` refuses one.
    ///
    /// ```
    /// use collections_core::schedule::InterestMethod;
    /// use collections_core::DayCount;
    /// assert_eq!(InterestMethod::from_parts("daily", None).unwrap(), InterestMethod::Daily(DayCount::Act365Fixed));
    /// assert_eq!(InterestMethod::from_parts("periodic", None).unwrap(), InterestMethod::Periodic);
    /// assert!(InterestMethod::from_parts("periodic", Some(DayCount::Act360)).is_err());
    /// ```
    pub fn from_parts(name: &str, day_count: Option<DayCount>) -> Result<InterestMethod> {
        match (name_key(name).as_str(), day_count) {
            ("periodic", None) => Ok(InterestMethod::Periodic),
            ("periodic", Some(dc)) => Err(Error::invalid(
                "day_count",
                dc.name(),
                "periodic interest takes no day count (use the daily method)",
            )),
            ("daily", dc) => Ok(InterestMethod::Daily(dc.unwrap_or(DayCount::Act365Fixed))),
            _ => Err(Error::invalid(
                "interest_method",
                name,
                "expected periodic or daily",
            )),
        }
    }

    /// `periodic` or `daily`.
    pub fn name(&self) -> &'static str {
        match self {
            InterestMethod::Periodic => "periodic",
            InterestMethod::Daily(_) => "daily",
        }
    }
}

/// The parameters a [`ScheduleKind`] may take, for building one from its name (the Python and C
/// surfaces); a parameter the kind does not use is an error, so a typo cannot pass unnoticed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindParams {
    /// For `balloon`: the periods the payment is computed over.
    pub amortization_periods: Option<u32>,
    /// For `graduated`: the step in percent.
    pub step_percent: Option<Decimal>,
    /// For `graduated`: periods between steps.
    pub every: Option<u32>,
    /// For `custom`: the payment of each period.
    pub payments: Option<Vec<Decimal>>,
}

impl ScheduleKind {
    /// The kind names [`ScheduleKind::from_parts`] takes.
    pub const NAMES: [&'static str; 6] = [
        "level_payment",
        "level_principal",
        "interest_only",
        "balloon",
        "graduated",
        "custom",
    ];

    /// The canonical name (one of [`ScheduleKind::NAMES`]).
    pub fn name(&self) -> &'static str {
        match self {
            ScheduleKind::LevelPayment => "level_payment",
            ScheduleKind::LevelPrincipal => "level_principal",
            ScheduleKind::InterestOnlyThenBalloon => "interest_only",
            ScheduleKind::Balloon { .. } => "balloon",
            ScheduleKind::Graduated { .. } => "graduated",
            ScheduleKind::Custom(_) => "custom",
        }
    }

    /// Builds a kind from its name and parameters: `balloon` needs `amortization_periods`,
    /// `graduated` needs `step_percent` and `every`, `custom` needs `payments`; the others take none.
    /// `interest_only_then_balloon` is accepted for `interest_only`.
    ///
    /// ```
    /// use collections_core::schedule::{KindParams, ScheduleKind};
    /// use rust_decimal_macros::dec;
    /// let k = ScheduleKind::from_parts("graduated", KindParams { step_percent: Some(dec!(5)), every: Some(12), ..Default::default() }).unwrap();
    /// assert_eq!(k, ScheduleKind::Graduated { step_percent: dec!(5), every: 12 });
    /// let err = ScheduleKind::from_parts("balloon", KindParams::default()).unwrap_err();
    /// assert_eq!(err.field(), "amortization_periods");
    /// ```
    pub fn from_parts(name: &str, params: KindParams) -> Result<ScheduleKind> {
        let key = name_key(name);
        let kind_name = match key.as_str() {
            "interestonlythenballoon" => "interest_only",
            k => ScheduleKind::NAMES
                .into_iter()
                .find(|n| name_key(n) == k)
                .ok_or_else(|| {
                    Error::invalid(
                        "kind",
                        name,
                        format!("expected one of {}", ScheduleKind::NAMES.join(", ")),
                    )
                })?,
        };
        let KindParams {
            amortization_periods,
            step_percent,
            every,
            payments,
        } = params;
        let missing = |field: &'static str| {
            Error::invalid(field, "none", format!("a {kind_name} schedule needs it"))
        };
        let unused: [(&'static str, bool, &'static str); 4] = [
            (
                "amortization_periods",
                amortization_periods.is_some(),
                "balloon",
            ),
            ("step_percent", step_percent.is_some(), "graduated"),
            ("every", every.is_some(), "graduated"),
            ("payments", payments.is_some(), "custom"),
        ];
        if let Some((field, _, _)) = unused
            .iter()
            .find(|(_, given, owner)| *given && *owner != kind_name)
        {
            return Err(Error::invalid(
                field,
                "given",
                format!("a {kind_name} schedule does not take it"),
            ));
        }
        Ok(match kind_name {
            "level_payment" => ScheduleKind::LevelPayment,
            "level_principal" => ScheduleKind::LevelPrincipal,
            "interest_only" => ScheduleKind::InterestOnlyThenBalloon,
            "balloon" => ScheduleKind::Balloon {
                amortization_periods: amortization_periods
                    .ok_or_else(|| missing("amortization_periods"))?,
            },
            "graduated" => ScheduleKind::Graduated {
                step_percent: step_percent.ok_or_else(|| missing("step_percent"))?,
                every: every.ok_or_else(|| missing("every"))?,
            },
            _ => ScheduleKind::Custom(payments.ok_or_else(|| missing("payments"))?),
        })
    }
}
