//! Repayment arrangements: promises to pay on one or more debts, tracking them against posted payments,
//! settlements, plan scoring, cash-flow forecasts, portfolio KPIs and the treatment policy.
//!
//! - [`Arrangement`]: promises (a down payment and installments) from a list or from an amortization
//!   [`Schedule`](crate::schedule::Schedule), with interest and fees frozen or not, checked against
//!   [`PlanBounds`] (maximum term, minimum installment) and kept by a [`KeptRule`] (grace days and an
//!   aging [`Tolerance`](crate::debt::aging::Tolerance)).
//! - [`track`]: posted payments matched to promises earliest first; each promise pending, kept,
//!   partially kept or broken; the arrangement active, completed, broken (by a [`BreakRule`]) or
//!   cancelled; [`Arrangement::replan`] amortizes what is left after a break.
//! - [`settle`]: a settlement at a percentage of the balance, at once or in installments;
//!   [`minimum_settlement`]: the NPV of the alternative path's expected recovery less its costs, with a
//!   floor; [`settlement_offers`]: offers within a [`SettlementPolicy`]'s discount bands.
//! - [`Scorer`]: total, duration, NPV, recovery ratio, payment-to-income ratio and expected value of a
//!   plan whose promises are paid with [`Probabilities`]; [`compare_plans`] and [`rank`].
//! - [`forecast`]: expected cash flows of a portfolio of plans by week or month; portfolio KPIs
//!   ([`collection_effectiveness_index`] with an explicit N, [`days_sales_outstanding`],
//!   [`recovery_rate`], [`liquidation_rate`], [`promise_kept_rate`], [`right_party_contact_rate`]) and
//!   the [`roll_rate_matrix`] between two dates (the aging report is
//!   [`age_portfolio`](crate::debt::aging::age_portfolio)).
//! - [`TreatmentPolicy`]: rules, as data, from an [`AccountState`] to the next [`Action`], each
//!   [`Recommendation`] with the rule that fired and why.
//!
//! Amounts are `Decimal`s in the arrangement's currency, in its minor units;
//! nothing is rounded without a named [`RoundingMode`](crate::RoundingMode).
//!
//! ```
//! use chrono::NaiveDate;
//! use collections_core::affordability::Debt;
//! use collections_core::debt::aging::Payment;
//! use collections_core::plan::*;
//! use collections_core::Currency;
//! use rust_decimal::Decimal;
//!
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let terms = PlanTerms::new(Currency::USD, vec![Debt::new("card", Decimal::from(300))], d(1, 1));
//! let promises = vec![Promise::new(d(1, 15), Decimal::from(100)), Promise::new(d(2, 15), Decimal::from(100)),
//!                     Promise::new(d(3, 15), Decimal::from(100))];
//! let plan = Arrangement::from_promises(&terms, None, promises)?;
//! let paid = [Payment { date: d(1, 14), amount: Decimal::from(100) }];
//! let t = track(&plan, &paid, d(2, 1), &BreakRule::default())?;
//! assert_eq!(t.promises[0].status, PromiseStatus::Kept);
//! assert_eq!(t.promises[1].status, PromiseStatus::Pending);
//! assert_eq!(t.status, ArrangementStatus::Active);
//! # Ok::<(), collections_core::Error>(())
//! ```

mod arrangement;
mod forecast;
mod kpi;
mod score;
mod settlement;
mod tracking;
mod treatment;
mod value;

pub use arrangement::{Arrangement, Freeze, KeptRule, PlanBounds, PlanTerms, Promise};
pub use forecast::{forecast, Forecast, ForecastPeriod, ForecastRow};
pub use kpi::{
    collection_effectiveness_index, days_sales_outstanding, liquidation_rate, promise_kept_rate,
    recovery_rate, right_party_contact_rate, roll_rate_matrix, CeiInputs, RollMatrix,
};
pub use score::{compare_plans, rank, PlanScore, RankBy, Scorer};
pub use settlement::{
    minimum_settlement, settle, settlement_offers, AlternativePath, DiscountBand, ExpectedRecovery,
    MinimumSettlement, Settlement, SettlementOffer, SettlementPolicy,
};
pub use tracking::{
    track, ArrangementStatus, BreakRule, PromiseStatus, PromiseTrack, ReplanTerms, Tracking,
};
pub use treatment::{
    AccountState, Action, Affordability, Conditions, ContactOutcome, Recommendation,
    TreatmentPolicy, TreatmentRule,
};
pub use value::Probabilities;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::{Currency, Money};

/// Fails naming `field` unless `value` is above zero and in `currency`'s minor units.
pub(crate) fn positive_amount(
    field: &'static str,
    value: Decimal,
    currency: Currency,
) -> Result<()> {
    if value <= Decimal::ZERO {
        return Err(Error::invalid(field, value, "must be greater than zero"));
    }
    if !Money::new(value, currency).is_rounded() {
        return Err(Error::invalid(
            field,
            value,
            format!(
                "must be in the {} minor units of {currency}",
                currency.minor_units()
            ),
        ));
    }
    Ok(())
}
