//! Affordability assessment: an income and expenditure statement turned into what a debtor can afford,
//! which spending stands out, and how the surplus is shared among creditors.
//!
//! - [`Statement`]: the household and the items, each with a [`Category`] (the UK Standard Financial
//!   Statement's structure, with a documented mapping to the US IRS Form 433-A/433-F lines) and a
//!   [`Frequency`](crate::Frequency), normalized to monthly with a named rounding mode
//!   ([`to_monthly`]).
//! - [`Guidelines`]: versioned guideline tables (rows keyed by household composition, with a [`Rule`]:
//!   allowed in full, the lesser of actual and standard, or a trigger figure that only flags). The IRS
//!   Collection Financial Standards are embedded ([`Guidelines::irs`]); users load their own from JSON or
//!   CSV.
//! - [`assess`]: totals, allowable expenditure, surplus, an optional contingency allowance, disposable
//!   income, flags of unusually high and low spending, and the derivation of every figure, line by line.
//! - [`fair_share`]: disposable income split pro rata by balance, to the cent, with token payments and a
//!   per-creditor minimum.
//! - [`recommend`]: a plan per debt within a [`PlanPolicy`] (the IRS streamlined agreement is one), or
//!   the fallbacks when it cannot be afforded.
//!
//! ```
//! use chrono::NaiveDate;
//! use collections_core::affordability::*;
//! use collections_core::{Currency, Frequency};
//! use rust_decimal::Decimal;
//!
//! let item = |c, a: i64, f| Item::new(c, Decimal::from(a), f).unwrap();
//! let items = vec![
//!     item(Category::Earnings, 600, Frequency::Weekly),        // 2,600.00 a month
//!     item(Category::Housing, 950, Frequency::Monthly),
//!     item(Category::Utilities, 180, Frequency::Monthly),
//!     item(Category::FoodAndHousekeeping, 1100, Frequency::Monthly),
//!     item(Category::PriorityDebtPayments, 50, Frequency::Monthly),
//! ];
//! let date = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
//! let statement = Statement::new(date, Currency::USD, Household::new(2, 0, 0)?, items)?;
//! let a = assess(&statement, Some(&Guidelines::irs()), &AssessmentPolicy::default())?;
//! // IRS 2025, two people, no vehicle: national standards 1,481 (1,100 spent), health care 2 x 84 and
//! // public transportation 244, each allowed in full.
//! assert_eq!(a.allowable_expenditure, Decimal::from(950 + 180 + 1481 + 168 + 244));
//! assert_eq!(a.disposable_income, Decimal::from(2600 - 3023 - 50));
//! assert!(a.is_deficit());
//! # Ok::<(), collections_core::Error>(())
//! ```

mod assessment;
mod guidelines;
mod offers;
mod recommend;
mod statement;

pub use assessment::{
    assess, Assessment, AssessmentPolicy, Contingency, Flag, FlagKind, GuidelineUse, Line, LineKind,
};
pub use guidelines::{GuidelineRow, GuidelineTable, Guidelines, Rule, Standard, Unit};
pub use offers::{fair_share, Creditor, FairShare, Offer, OfferBasis, OfferPolicy};
pub use recommend::{
    recommend, Debt, Fallback, FreezeInterest, MinimumPayment, Plan, PlanPolicy, Recommendation,
    MAX_TERM_MONTHS,
};
pub use statement::{
    from_monthly, to_monthly, Category, Household, Item, Section, Statement, MAX_ITEM_AMOUNT,
    MAX_PERSONS,
};
