//! Statutory late-payment interest: EU Directive 2011/7/EU, Germany BGB §288, and the UK Late Payment of
//! Commercial Debts (Interest) Act 1998. Simple interest in every case.
//!
//! Interest accrues for each day of the half-open period `[from, to)` at the rate in force that day;
//! the days are split into segments at every change of rate (half-years for the EU and Germany), and
//! each segment contributes `principal × rate% × days / (100 × year basis)`. The numerators are summed
//! exactly and divided once, and the total is rounded once, by a named mode, to the currency's minor
//! units. So splitting a period anywhere gives the same total before rounding.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::rates::{RateRow, RateTable, Verification};
use super::{name_key, round_fraction};
use crate::calendar::DayCount;
use crate::error::{Error, Result};
use crate::money::{Currency, Money, RoundingMode};

/// The law a statutory interest claim is made under.
///
/// | name | reference rate | margin | day basis (default) | fixed sum |
/// |---|---|---|---|---|
/// | `eu-2011-7` | ECB main refinancing rate on 1 January / 1 July, per half-year | ≥ 8 points (default 8) | ACT/365F | EUR 40 |
/// | `de-bgb-288` | Basiszinssatz (§247), moving each half-year | 5 points consumer, 9 business (8 for obligations before 2014-07-29) | ACT/365F | EUR 40 business (obligations from 2014-07-29) |
/// | `uk-late-payment-1998` | Bank Rate on 31 December / 30 June before the due date, fixed for the debt | 8 points | ACT/365F | GBP 40 / 70 / 100 |
///
/// None of the three laws fixes a day basis in its text: ACT/365F is the UK convention (daily interest =
/// amount × rate / 365) and common German and EU practice. ACT/360 and ACT/ACT ISDA (366 in leap years)
/// may be chosen per claim.
///
/// ```
/// use collections_core::debt::late_interest::Statute;
///
/// let s: Statute = "DE_BGB_288".parse().unwrap();
/// assert_eq!(s, Statute::GermanyBgb288);
/// assert_eq!(s.name(), "de-bgb-288");
/// assert!("us-ucc".parse::<Statute>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Statute {
    /// EU Late Payment Directive 2011/7/EU (commercial transactions and public authorities).
    #[serde(rename = "eu-2011-7")]
    Eu2011_7,
    /// Germany, BGB §288 with §247 (Basiszinssatz).
    #[serde(rename = "de-bgb-288")]
    GermanyBgb288,
    /// United Kingdom, Late Payment of Commercial Debts (Interest) Act 1998.
    #[serde(rename = "uk-late-payment-1998")]
    UkLatePayment1998,
}

impl Statute {
    /// Every statute, in declaration order.
    pub const ALL: [Statute; 3] = [
        Statute::Eu2011_7,
        Statute::GermanyBgb288,
        Statute::UkLatePayment1998,
    ];

    /// The name: `eu-2011-7`, `de-bgb-288` or `uk-late-payment-1998`.
    pub fn name(self) -> &'static str {
        match self {
            Statute::Eu2011_7 => "eu-2011-7",
            Statute::GermanyBgb288 => "de-bgb-288",
            Statute::UkLatePayment1998 => "uk-late-payment-1998",
        }
    }

    /// The statutory margin over the reference rate, in percentage points.
    ///
    /// Germany: 5 points where a consumer is party; otherwise 9, or 8 for obligations that arose before
    /// 2014-07-29. The reference notes say only "8 before 2014"; the date is from the transitional rule
    /// of the act transposing Directive 2011/7/EU (Gesetz zur Bekämpfung von Zahlungsverzug im
    /// Geschäftsverkehr of 22 July 2014, BGBl. I p. 1218): Art. 229 §34 EGBGB applies §§ 286, 288 BGB
    /// as in force from 29 July 2014 only to obligations (Schuldverhältnisse) arising after 28 July 2014,
    /// and to an earlier continuing obligation (Dauerschuldverhältnis) for performance after 30 June
    /// 2016 (for which pass the performance date as the obligation date). Text as published at
    /// lxgesetze.de/egbgb/229-34 and gesetzklar.de, agreeing. The same rule governs the EUR 40 fee
    /// (§288(5)). The rest of the world's margins are 8 points.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::late_interest::{DebtorKind, Statute};
    /// use rust_decimal::Decimal;
    ///
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// assert_eq!(Statute::GermanyBgb288.statutory_margin(DebtorKind::Business, d(2014, 7, 29)), Decimal::from(9));
    /// assert_eq!(Statute::GermanyBgb288.statutory_margin(DebtorKind::Business, d(2014, 7, 28)), Decimal::from(8));
    /// assert_eq!(Statute::GermanyBgb288.statutory_margin(DebtorKind::Consumer, d(2025, 1, 1)), Decimal::from(5));
    /// ```
    pub fn statutory_margin(self, debtor: DebtorKind, obligation_date: NaiveDate) -> Decimal {
        match (self, debtor) {
            (Statute::GermanyBgb288, DebtorKind::Consumer) => Decimal::from(5),
            (Statute::GermanyBgb288, DebtorKind::Business)
                if obligation_date < de_2014_reform() =>
            {
                Decimal::from(8)
            }
            (Statute::GermanyBgb288, DebtorKind::Business) => Decimal::from(9),
            _ => Decimal::from(8),
        }
    }

    /// The fixed compensation for one claim (the EU's EUR 40 per invoice, Germany's EUR 40 flat fee where
    /// the debtor is not a consumer and the obligation arose from 2014-07-29, the UK's GBP 40 / 70 / 100
    /// for a debt under 1,000 / up to 9,999.99 / 10,000 or more); `None` where the law gives none.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::late_interest::{DebtorKind, Statute};
    /// use rust_decimal::Decimal;
    ///
    /// let d = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    /// let uk = |amount| Statute::UkLatePayment1998.fixed_compensation(DebtorKind::Business, amount, d).unwrap().to_string();
    /// assert_eq!(uk(Decimal::new(99999, 2)), "40.00 GBP");
    /// assert_eq!(uk(Decimal::from(1000)), "70.00 GBP");
    /// assert_eq!(uk(Decimal::new(999999, 2)), "70.00 GBP");
    /// assert_eq!(uk(Decimal::from(10000)), "100.00 GBP");
    /// assert_eq!(Statute::GermanyBgb288.fixed_compensation(DebtorKind::Consumer, Decimal::ONE, d), None);
    /// ```
    pub fn fixed_compensation(
        self,
        debtor: DebtorKind,
        principal: Decimal,
        obligation_date: NaiveDate,
    ) -> Option<Money> {
        let eur40 = Money::new(Decimal::new(4000, 2), Currency::EUR);
        match self {
            Statute::Eu2011_7 => Some(eur40),
            Statute::GermanyBgb288 => (debtor == DebtorKind::Business
                && obligation_date >= de_2014_reform())
            .then_some(eur40),
            Statute::UkLatePayment1998 => {
                let pounds = if principal < Decimal::from(1000) {
                    4000
                } else if principal < Decimal::from(10000) {
                    7000
                } else {
                    10000
                };
                Some(Money::new(Decimal::new(pounds, 2), Currency::GBP))
            }
        }
    }

    /// The day count used when a claim names none: ACT/365F for all three.
    pub fn default_day_count(self) -> DayCount {
        DayCount::Act365Fixed
    }

    /// Checks that the law covers this debtor (the EU directive and the UK Act cover commercial debts
    /// only) and currency (EUR for Germany, GBP for the UK; any for the EU).
    ///
    /// ```
    /// use collections_core::debt::late_interest::{DebtorKind, Statute};
    /// use collections_core::Currency;
    ///
    /// assert!(Statute::GermanyBgb288.check_parties(DebtorKind::Consumer, Currency::EUR).is_ok());
    /// assert_eq!(Statute::UkLatePayment1998.check_parties(DebtorKind::Business, Currency::EUR).unwrap_err().field(), "currency");
    /// assert_eq!(Statute::Eu2011_7.check_parties(DebtorKind::Consumer, Currency::EUR).unwrap_err().field(), "debtor");
    /// ```
    pub fn check_parties(self, debtor: DebtorKind, currency: Currency) -> Result<()> {
        if debtor == DebtorKind::Consumer && self != Statute::GermanyBgb288 {
            return Err(Error::invalid(
                "debtor",
                debtor,
                format!("{self} covers commercial debts only"),
            ));
        }
        let required = match self {
            Statute::GermanyBgb288 => Some(Currency::EUR),
            Statute::UkLatePayment1998 => Some(Currency::GBP),
            Statute::Eu2011_7 => None,
        };
        match required {
            Some(code) if currency != code => Err(Error::CurrencyMismatch {
                field: "currency",
                left: code.to_string(),
                right: currency.to_string(),
            }),
            _ => Ok(()),
        }
    }

    fn table(self, tables: &StatutoryTables) -> &RateTable {
        match self {
            Statute::Eu2011_7 => &tables.ecb,
            Statute::GermanyBgb288 => &tables.de_base_rate,
            Statute::UkLatePayment1998 => &tables.uk_reference,
        }
    }
}

/// 2014-07-29: from this date German §288 gives 9 points and the EUR 40 fee (see
/// [`Statute::statutory_margin`]).
fn de_2014_reform() -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, 7, 29).unwrap_or(NaiveDate::MIN)
}

impl fmt::Display for Statute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Statute {
    type Err = Error;

    /// Parses a statute name; case, `_`, `-` and spaces are not significant.
    fn from_str(s: &str) -> Result<Self> {
        let key = name_key(s);
        Statute::ALL
            .into_iter()
            .find(|x| name_key(x.name()) == key)
            .ok_or_else(|| {
                Error::invalid(
                    "statute",
                    s,
                    "expected one of eu-2011-7, de-bgb-288, uk-late-payment-1998",
                )
            })
    }
}

/// Who owes: a consumer, or a business (public authorities count as businesses here).
///
/// ```
/// use collections_core::debt::late_interest::DebtorKind;
/// assert_eq!("Business".parse::<DebtorKind>().unwrap(), DebtorKind::Business);
/// assert_eq!(DebtorKind::Consumer.name(), "consumer");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DebtorKind {
    /// A consumer is party to the transaction.
    Consumer,
    /// No consumer is party (business-to-business, or a public authority).
    Business,
}

impl DebtorKind {
    /// The name: `consumer` or `business`.
    pub fn name(self) -> &'static str {
        match self {
            DebtorKind::Consumer => "consumer",
            DebtorKind::Business => "business",
        }
    }
}

impl fmt::Display for DebtorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for DebtorKind {
    type Err = Error;

    /// Parses `consumer` or `business` (case-insensitive).
    fn from_str(s: &str) -> Result<Self> {
        match name_key(s).as_str() {
            "consumer" => Ok(DebtorKind::Consumer),
            "business" => Ok(DebtorKind::Business),
            _ => Err(Error::invalid("debtor", s, "expected consumer or business")),
        }
    }
}

/// The reference-rate tables statutory interest is computed from; the built-in ones by default.
///
/// ```
/// use collections_core::debt::late_interest::StatutoryTables;
/// let tables = StatutoryTables::default();
/// assert!(tables.ecb.all_verified());
/// assert!(!tables.de_base_rate.all_verified());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatutoryTables {
    /// ECB main refinancing rate (EU Directive 2011/7/EU).
    pub ecb: RateTable,
    /// German Basiszinssatz by half-year (BGB §288).
    pub de_base_rate: RateTable,
    /// Bank of England reference rate by half-year of the due date (UK 1998 Act).
    pub uk_reference: RateTable,
}

impl Default for StatutoryTables {
    fn default() -> Self {
        StatutoryTables {
            ecb: RateTable::ecb_main_refinancing(),
            de_base_rate: RateTable::de_basiszinssatz(),
            uk_reference: RateTable::uk_bank_rate_reference(),
        }
    }
}

/// A claim for statutory interest on one debt.
///
/// Interest accrues for the days of `[from, to)`. [`StatutoryClaim::new`] sets `from` to the day after
/// the due date and `to` to the day after `through`, so the days counted are `through − due_date`, as in
/// ERPNext's overdue days; change the fields for another convention. Fields left `None` take the law's
/// defaults: the statutory margin, the due date as the date the obligation arose, the statute's day
/// count.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::late_interest::{DebtorKind, Statute, StatutoryClaim, StatutoryTables};
/// use collections_core::Currency;
/// use rust_decimal::Decimal;
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// // EUR 10,000 owed by a business, due 2025-03-14, interest through 2025-09-29: 199 days.
/// let claim = StatutoryClaim::new(Statute::GermanyBgb288, DebtorKind::Business, Decimal::from(10_000),
///     Currency::EUR, d(2025, 3, 14), d(2025, 9, 29))?;
/// let result = claim.compute(&StatutoryTables::default())?;
/// // 108 days at 11.27% and 91 days at 10.27%: 333.46849... + 256.04657... = 589.515... -> 589.52
/// assert_eq!(result.interest.to_string(), "589.52");
/// assert_eq!(result.segments.len(), 2);
/// assert!(result.any_unverified); // the 2025 Basiszinssatz rows are marked U
/// assert_eq!(result.fixed_compensation.unwrap().to_string(), "40.00 EUR");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatutoryClaim {
    /// The law.
    pub statute: Statute,
    /// Consumer or business.
    pub debtor: DebtorKind,
    /// The amount on which interest runs (greater than zero).
    pub principal: Decimal,
    /// Its currency (EUR for Germany, GBP for the UK).
    pub currency: Currency,
    /// The date payment was due (the UK reference rate is fixed by its half-year).
    pub due_date: NaiveDate,
    /// The first day that accrues interest.
    pub from: NaiveDate,
    /// The day after the last day that accrues interest (exclusive).
    pub to: NaiveDate,
    /// The margin over the reference rate in points; at least the statutory one (`None`: statutory).
    pub margin_points: Option<Decimal>,
    /// When the obligation arose (Germany's 2014 change); `None`: the due date.
    pub obligation_date: Option<NaiveDate>,
    /// ACT/365F, ACT/360 or ACT/ACT ISDA (`None`: the statute's default).
    pub day_count: Option<DayCount>,
    /// How the total is rounded to minor units.
    pub rounding: RoundingMode,
}

impl StatutoryClaim {
    /// A claim with interest for the days after `due_date` up to and including `through`, the law's
    /// defaults and half-up rounding. Fails only when a date has no successor.
    pub fn new(
        statute: Statute,
        debtor: DebtorKind,
        principal: Decimal,
        currency: Currency,
        due_date: NaiveDate,
        through: NaiveDate,
    ) -> Result<StatutoryClaim> {
        Ok(StatutoryClaim {
            statute,
            debtor,
            principal,
            currency,
            due_date,
            from: next_day("due_date", due_date)?,
            to: next_day("through", through)?,
            margin_points: None,
            obligation_date: None,
            day_count: None,
            rounding: RoundingMode::HalfUp,
        })
    }

    /// The interest, segment by segment, and the fixed compensation.
    pub fn compute(&self, tables: &StatutoryTables) -> Result<LateInterest> {
        if self.principal <= Decimal::ZERO {
            return Err(Error::invalid(
                "principal",
                self.principal,
                "must be greater than zero",
            ));
        }
        if self.to < self.from {
            return Err(Error::invalid(
                "to",
                self.to,
                format!("must not be before from {}", self.from),
            ));
        }
        let rules = Rules::new(
            self.statute,
            self.debtor,
            self.currency,
            self.due_date,
            self.margin_points,
            self.obligation_date,
            self.day_count,
            tables,
        )?;
        let mut accrual = Accrual::default();
        let mut segments = Vec::new();
        rules.accrue(self.principal, self.from, self.to, &mut accrual, |s| {
            let interest = s
                .numerator
                .checked_div(Decimal::from(100 * s.year_basis))
                .unwrap_or_default();
            segments.push(InterestSegment {
                from: s.from,
                to: s.to,
                days: s.days,
                reference: *s.reference,
                margin_points: rules.margin,
                rate_percent: s.rate_percent,
                year_basis: s.year_basis,
                interest,
            });
        })?;
        let (numerator, denominator) = accrual.fraction(rules.basis)?;
        let interest = accrual.rounded(rules.basis, self.currency, self.rounding)?;
        let denominator = Decimal::from(denominator);
        let obligation = self.obligation_date.unwrap_or(self.due_date);
        Ok(LateInterest {
            statute: self.statute,
            currency: self.currency,
            principal: self.principal,
            day_count: rules.day_count,
            days: (self.to - self.from).num_days(),
            any_unverified: segments
                .iter()
                .any(|s| s.reference.verification == Verification::Unverified),
            segments,
            numerator,
            denominator,
            interest,
            rounding: self.rounding,
            fixed_compensation: self.statute.fixed_compensation(
                self.debtor,
                self.principal,
                obligation,
            ),
        })
    }
}

/// One stretch of days at one rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestSegment {
    /// The first day of the stretch.
    pub from: NaiveDate,
    /// The day after its last day (exclusive).
    pub to: NaiveDate,
    /// `to − from`.
    pub days: i64,
    /// The reference-rate row used, with its mark.
    pub reference: RateRow,
    /// The margin in points.
    pub margin_points: Decimal,
    /// Reference + margin, in percent (never below zero: a negative statutory rate accrues nothing).
    pub rate_percent: Decimal,
    /// The days of the year this stretch is divided by: 365, 366 or 360.
    pub year_basis: u32,
    /// `principal × rate% × days / (100 × year_basis)`, unrounded (28 significant digits), for display:
    /// the total is computed from the exact numerators, not by adding these.
    pub interest: Decimal,
}

/// The result of [`StatutoryClaim::compute`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LateInterest {
    /// The law.
    pub statute: Statute,
    /// The claim's currency.
    pub currency: Currency,
    /// The principal interest ran on.
    pub principal: Decimal,
    /// The day count used.
    pub day_count: DayCount,
    /// All days of the period.
    pub days: i64,
    /// The stretches at one rate, in date order.
    pub segments: Vec<InterestSegment>,
    /// The interest before rounding is exactly `numerator / denominator`.
    pub numerator: Decimal,
    /// See `numerator` (100 × 365, 100 × 360, or 100 × 365 × 366 for ACT/ACT ISDA).
    pub denominator: Decimal,
    /// The interest rounded to minor units.
    pub interest: Decimal,
    /// The rounding used.
    pub rounding: RoundingMode,
    /// The fixed compensation the law adds per claim, in the law's currency.
    pub fixed_compensation: Option<Money>,
    /// Whether any row used is marked unverified.
    pub any_unverified: bool,
}

impl LateInterest {
    /// The interest before rounding (`numerator / denominator` to 28 significant digits).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::late_interest::{DebtorKind, Statute, StatutoryClaim, StatutoryTables};
    /// use collections_core::Currency;
    /// use rust_decimal::Decimal;
    ///
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let claim = StatutoryClaim::new(Statute::GermanyBgb288, DebtorKind::Consumer, Decimal::from(1000),
    ///     Currency::EUR, d(2026, 1, 31), d(2026, 3, 2))?;
    /// let r = claim.compute(&StatutoryTables::default())?;
    /// // 30 days at 1.27 + 5 = 6.27%: 1000 × 6.27 × 30 / 36500 = 5.15342465...
    /// assert_eq!(r.unrounded().round_dp(8).to_string(), "5.15342466");
    /// assert_eq!(r.interest.to_string(), "5.15");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn unrounded(&self) -> Decimal {
        self.numerator
            .checked_div(self.denominator)
            .unwrap_or_default()
    }
}

pub(crate) fn next_day(field: &'static str, date: NaiveDate) -> Result<NaiveDate> {
    date.checked_add_days(Days::new(1))
        .ok_or_else(|| Error::date_range(field, date))
}

/// The year divisor of a day count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Basis {
    Fixed(u32),
    /// ACT/ACT ISDA: 365 or 366 by the calendar year of the day.
    ActualYear,
}

/// Exact sums of `principal × rate% × days`, by year basis.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Accrual {
    /// Days in 365-day years, or every day under a fixed basis.
    main: Decimal,
    /// Days in 366-day years (ACT/ACT ISDA).
    leap: Decimal,
}

impl Accrual {
    /// The sum as one fraction: numerator and denominator.
    pub(crate) fn fraction(&self, basis: Basis) -> Result<(Decimal, u64)> {
        let overflow = || Error::overflow("principal", self.main);
        match basis {
            Basis::Fixed(b) => Ok((self.main, 100 * u64::from(b))),
            Basis::ActualYear if self.leap.is_zero() => Ok((self.main, 36_500)),
            Basis::ActualYear if self.main.is_zero() => Ok((self.leap, 36_600)),
            Basis::ActualYear => {
                let a = self
                    .main
                    .checked_mul(Decimal::from(366))
                    .ok_or_else(overflow)?;
                let b = self
                    .leap
                    .checked_mul(Decimal::from(365))
                    .ok_or_else(overflow)?;
                let n = a.checked_add(b).ok_or_else(overflow)?;
                Ok((n, 100 * 365 * 366))
            }
        }
    }

    /// The sum rounded once to the currency's minor units.
    pub(crate) fn rounded(
        &self,
        basis: Basis,
        currency: Currency,
        mode: RoundingMode,
    ) -> Result<Decimal> {
        let (n, d) = self.fraction(basis)?;
        round_fraction(n, d, currency, mode).map_err(|e| e.with_field("principal"))
    }
}

/// One stretch as the accrual loop sees it.
pub(crate) struct RawSegment<'t> {
    pub(crate) from: NaiveDate,
    pub(crate) to: NaiveDate,
    pub(crate) days: i64,
    pub(crate) reference: &'t RateRow,
    pub(crate) rate_percent: Decimal,
    pub(crate) year_basis: u32,
    pub(crate) numerator: Decimal,
}

/// A claim's law resolved against the tables: checked once, then used for any number of periods
/// (the dunning run accrues each balance between payments through the same rules).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rules<'t> {
    statute: Statute,
    pub(crate) margin: Decimal,
    pub(crate) basis: Basis,
    pub(crate) day_count: DayCount,
    table: &'t RateTable,
    /// The UK rate row, fixed for the life of the debt.
    fixed: Option<&'t RateRow>,
}

impl<'t> Rules<'t> {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        statute: Statute,
        debtor: DebtorKind,
        currency: Currency,
        due_date: NaiveDate,
        margin_points: Option<Decimal>,
        obligation_date: Option<NaiveDate>,
        day_count: Option<DayCount>,
        tables: &'t StatutoryTables,
    ) -> Result<Rules<'t>> {
        statute.check_parties(debtor, currency)?;
        let statutory = statute.statutory_margin(debtor, obligation_date.unwrap_or(due_date));
        let margin = margin_points.unwrap_or(statutory);
        if margin < statutory || margin >= Decimal::ONE_HUNDRED {
            return Err(Error::invalid(
                "margin_points",
                margin,
                format!("must be at least the statutory {statutory} points (and below 100) under {statute}"),
            ));
        }
        let day_count = day_count.unwrap_or(statute.default_day_count());
        let basis = match day_count {
            DayCount::Act365Fixed => Basis::Fixed(365),
            DayCount::Act360 => Basis::Fixed(360),
            DayCount::ActActIsda => Basis::ActualYear,
            other => {
                return Err(Error::invalid(
                    "day_count",
                    other.name(),
                    "statutory interest takes ACT/365F, ACT/360 or ACT/ACT ISDA",
                ))
            }
        };
        let table = statute.table(tables);
        let fixed = match statute {
            Statute::UkLatePayment1998 => {
                Some(table.lookup_for("due_date", half_year_start(due_date))?)
            }
            _ => None,
        };
        Ok(Rules {
            statute,
            margin,
            basis,
            day_count,
            table,
            fixed,
        })
    }

    /// Adds the interest on `principal` for `[from, to)` to `accrual`, calling `each` per stretch.
    pub(crate) fn accrue(
        &self,
        principal: Decimal,
        from: NaiveDate,
        to: NaiveDate,
        accrual: &mut Accrual,
        mut each: impl FnMut(RawSegment<'t>),
    ) -> Result<()> {
        let mut day = from;
        while day < to {
            let field = if day == from { "from" } else { "to" };
            let (reference, mut end) = match self.fixed {
                Some(row) => (row, to),
                None => {
                    let half = next_half_year_start(day)?;
                    match self.statute {
                        // The ECB rate in force on the first day of the half-year, for the whole of it.
                        Statute::Eu2011_7 => (
                            self.table.lookup_for(field, half_year_start(day))?,
                            half.min(to),
                        ),
                        _ => {
                            let row = self.table.lookup_for(field, day)?;
                            let change = self.table.next_change_after(day).unwrap_or(half);
                            (row, half.min(change).min(to))
                        }
                    }
                }
            };
            if self.basis == Basis::ActualYear {
                end = end.min(next_year_start(day)?);
            }
            let days = (end - day).num_days();
            let rate = reference
                .percent
                .checked_add(self.margin)
                .ok_or_else(|| Error::overflow("margin_points", self.margin))?
                .max(Decimal::ZERO);
            let year_basis = match self.basis {
                Basis::Fixed(b) => b,
                Basis::ActualYear if day.leap_year() => 366,
                Basis::ActualYear => 365,
            };
            let numerator = principal
                .checked_mul(rate)
                .and_then(|x| x.checked_mul(Decimal::from(days)))
                .ok_or_else(|| Error::overflow("principal", principal))?;
            let slot = if year_basis == 366 {
                &mut accrual.leap
            } else {
                &mut accrual.main
            };
            *slot = slot
                .checked_add(numerator)
                .ok_or_else(|| Error::overflow("principal", principal))?;
            each(RawSegment {
                from: day,
                to: end,
                days,
                reference,
                rate_percent: rate,
                year_basis,
                numerator,
            });
            day = end;
        }
        Ok(())
    }
}

/// 1 January or 1 July on or before `date`.
pub(crate) fn half_year_start(date: NaiveDate) -> NaiveDate {
    let month = if date.month() >= 7 { 7 } else { 1 };
    date.with_day(1)
        .and_then(|d| d.with_month(month))
        .unwrap_or(date)
}

/// The 1 January or 1 July after `date`.
fn next_half_year_start(date: NaiveDate) -> Result<NaiveDate> {
    let next = if date.month() >= 7 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), 7, 1)
    };
    next.ok_or_else(|| Error::date_range("to", date))
}

fn next_year_start(date: NaiveDate) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(date.year() + 1, 1, 1).ok_or_else(|| Error::date_range("to", date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn half_years() {
        assert_eq!(half_year_start(d(2025, 6, 30)), d(2025, 1, 1));
        assert_eq!(half_year_start(d(2025, 7, 31)), d(2025, 7, 1));
        assert_eq!(next_half_year_start(d(2025, 7, 1)).unwrap(), d(2026, 1, 1));
        assert_eq!(next_half_year_start(d(2025, 1, 1)).unwrap(), d(2025, 7, 1));
    }

    #[test]
    fn names_round_trip() {
        for s in Statute::ALL {
            assert_eq!(s.name().parse::<Statute>().unwrap(), s);
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.name()));
        }
        for k in [DebtorKind::Consumer, DebtorKind::Business] {
            assert_eq!(k.name().parse::<DebtorKind>().unwrap(), k);
        }
        assert_eq!("debtor", "b2b".parse::<DebtorKind>().unwrap_err().field());
    }

    #[test]
    fn bad_claims_name_their_field() {
        let tables = StatutoryTables::default();
        let base = StatutoryClaim::new(
            Statute::Eu2011_7,
            DebtorKind::Business,
            Decimal::from(100),
            Currency::EUR,
            d(2025, 1, 10),
            d(2025, 2, 10),
        )
        .unwrap();
        let field = |c: StatutoryClaim| c.compute(&tables).unwrap_err().field();
        assert_eq!(
            field(StatutoryClaim {
                principal: Decimal::ZERO,
                ..base.clone()
            }),
            "principal"
        );
        assert_eq!(
            field(StatutoryClaim {
                principal: -Decimal::ONE,
                ..base.clone()
            }),
            "principal"
        );
        assert_eq!(
            field(StatutoryClaim {
                debtor: DebtorKind::Consumer,
                ..base.clone()
            }),
            "debtor"
        );
        assert_eq!(
            field(StatutoryClaim {
                margin_points: Some(Decimal::from(7)),
                ..base.clone()
            }),
            "margin_points"
        );
        assert_eq!(
            field(StatutoryClaim {
                day_count: Some(DayCount::Act364),
                ..base.clone()
            }),
            "day_count"
        );
        assert_eq!(
            field(StatutoryClaim {
                to: d(2025, 1, 1),
                ..base.clone()
            }),
            "to"
        );
        assert_eq!(
            field(StatutoryClaim {
                from: d(2020, 1, 1),
                ..base.clone()
            }),
            "from"
        );
        assert_eq!(
            field(StatutoryClaim {
                to: d(2026, 3, 1),
                ..base.clone()
            }),
            "to"
        );
        assert_eq!(
            field(StatutoryClaim {
                statute: Statute::UkLatePayment1998,
                ..base.clone()
            }),
            "currency"
        );
        let uk = StatutoryClaim {
            statute: Statute::UkLatePayment1998,
            currency: Currency::GBP,
            due_date: d(2023, 12, 31),
            ..base.clone()
        };
        assert_eq!(field(uk), "due_date");
        assert_eq!(
            StatutoryClaim::new(
                Statute::Eu2011_7,
                DebtorKind::Business,
                Decimal::ONE,
                Currency::EUR,
                NaiveDate::MAX,
                NaiveDate::MAX
            )
            .unwrap_err()
            .field(),
            "due_date"
        );
    }

    #[test]
    fn zero_days_is_zero_interest() {
        let tables = StatutoryTables::default();
        let claim = StatutoryClaim::new(
            Statute::GermanyBgb288,
            DebtorKind::Consumer,
            Decimal::from(100),
            Currency::EUR,
            d(2025, 1, 10),
            d(2025, 1, 10),
        )
        .unwrap();
        let r = claim.compute(&tables).unwrap();
        assert_eq!(r.interest.to_string(), "0.00");
        assert!(r.segments.is_empty());
        assert_eq!(r.fixed_compensation, None);
    }
}
