//! # collections-core
//!
//! The pure Rust core of an embeddable library for debt collections: exact money, interest rates, day
//! counts, payment frequencies, date schedules and business-day calendars, on which the ledger, schedule,
//! affordability, plan and contact-rule chapters build. The C ABI (`collections-ffi`) and the Python
//! package (`collections_core`) are thin skins over this crate; every rule lives here once.
//!
//! ## Module map
//! - [`money`]: [`Currency`] (ISO 4217 and user-defined), [`Money`] with checked arithmetic, named
//!   [`RoundingMode`]s, rounding to a multiple, and splitting by weights to the cent.
//! - [`rate`]: [`Rate`], an annual rate; periodic rates and nominal/effective (APY) conversion.
//! - [`calendar`]: [`DayCount`] conventions, [`Frequency`] and [`date_schedule`], [`HolidayCalendar`]s
//!   with [`BusinessDayConvention`]s and built-in US federal and England-and-Wales holidays.
//! - [`finance`]: time value of money (`pmt`, `ipmt`, `rate`, `irr`, `xirr`, ...) in exact Decimal, with
//!   numpy-financial's names and signs.
//! - [`schedule`]: amortized repayment schedules (level payment, level principal, balloons, graduated,
//!   custom), periodic or daily interest, odd first periods, payment holidays, re-amortization.
//! - [`affordability`]: income and expenditure statements, guideline tables (the IRS Collection
//!   Financial Standards embedded), disposable income, fair-share offers and plan recommendations.
//! - [`contact`]: contact-rule eligibility (Regulation F, TCPA, state and UK presets): may we contact
//!   this person now, on this channel, about this debt, and if not, when?
//! - [`plan`]: repayment arrangements on one or more debts, promise tracking, settlements, plan
//!   scoring, cash-flow forecasts, portfolio KPIs and the treatment policy.
//! - [`parse`]: text and year/month/day input to validated values, naming the field on failure.
//! - [`Error`]: the one error type; each variant names the field and value at fault.
//!
//! ## Conventions
//! Money is [`rust_decimal::Decimal`], never a float. Nothing rounds unless asked, and every rounding
//! names its mode. Inputs are validated at construction. No input panics: arithmetic is checked and an
//! overflow is an [`Error::Overflow`].
//!
//! ```
//! use chrono::NaiveDate;
//! use collections_core::*;
//! use rust_decimal::Decimal;
//!
//! // Split a 100.00 USD payment across three debts by balance, to the cent.
//! let payment = Money::new(Decimal::new(10000, 2), Currency::from_code("USD")?);
//! let parts = payment.split(&[Decimal::from(500), Decimal::from(300), Decimal::from(200)])?;
//! assert_eq!(parts.iter().map(|p| p.amount().to_string()).collect::<Vec<_>>(), ["50.00", "30.00", "20.00"]);
//!
//! // Monthly due dates from January 31, rolled to US business days.
//! let start = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
//! let dates = date_schedule(start, Frequency::Monthly, ScheduleEnd::Count(3), false)?;
//! let due = HolidayCalendar::us_federal().adjust_all(&dates, BusinessDayConvention::Following)?;
//! assert_eq!(due.iter().map(|d| d.to_string()).collect::<Vec<_>>(), ["2026-02-02", "2026-03-02", "2026-03-31"]);
//! # Ok::<(), collections_core::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod affordability;
pub mod calendar;
pub mod contact;
pub mod debt;
mod error;
pub mod finance;
pub mod money;
pub mod parse;
pub mod plan;
pub mod rate;
pub mod schedule;

pub use calendar::{
    date_schedule, BusinessDayConvention, DayCount, DayCountParams, Frequency, HolidayCalendar,
    HolidayRules, ScheduleEnd, SemiMonthlyDays,
};
pub use error::{Error, Result};
pub use money::{round_decimal, round_to_multiple, Currency, Money, RoundingMode};
pub use rate::{Compounding, Rate};

/// The crate version, as in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The README's Rust example, compiled and run as a doc test so it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
