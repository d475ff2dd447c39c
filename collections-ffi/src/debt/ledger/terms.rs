//! An account's terms across the ABI (`coll_ledger_terms`): what the core's `Terms` holds, as a plain
//! struct whose arrays are read during `coll_ledger_new`.

use chrono::NaiveDate;
use collections_core::debt::ledger::{AllocationStrategy, LateFeeRule, RateHistory, Terms};
use rust_decimal::Decimal;

use super::{
    coll_allocation_order, coll_allocation_scope, coll_component, coll_interest_mode,
    coll_overpayment_rule, coll_timing, ALLOCATION_ORDERS, ALLOCATION_SCOPES, COMPONENTS,
    INTEREST_MODES, OVERPAYMENT_RULES, TIMINGS,
};
use crate::calendar::{coll_date, coll_day_count};
use crate::debt::aging::coll_date_range;
use crate::debt::{at_item, not_taken, optional};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::{coll_decimal, coll_rounding_mode, rounding_mode_constant, rounding_mode_of};
use crate::ptr;
use collections_core::debt::aging::{DateRange, FrozenPeriods};

/// A late-fee rule: assessed once per obligation still short after its due date plus `grace_days`,
/// as `flat + percent × the overdue amount`, held between `minimum` and `maximum`; never pyramided
/// (FTC Credit Practices Rule, 16 CFR 444.4) and not on a day in a freeze. A plain value, part of
/// `coll_ledger_terms`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_late_fee_rule {
    /// A fixed amount, at least zero. Default 0.
    pub flat: coll_decimal,
    /// A fraction of the overdue amount (0.05 for 5%), 0 to 1. Default 0.
    pub percent: coll_decimal,
    /// The least fee charged when a fee is due at all, at least zero. Default 0.
    pub minimum: coll_decimal,
    /// 1 when `maximum` is given; default 0 (no maximum).
    pub has_maximum: u8,
    /// The most charged, not below `minimum`.
    pub maximum: coll_decimal,
    /// Days after the due date before the fee applies (assessed on day `grace_days + 1`). Default 0.
    pub grace_days: u32,
    /// `COLL_COMPONENT_PENALTY` (the default, as Apache Fineract books late fees) or
    /// `COLL_COMPONENT_FEE`.
    pub component: coll_component,
}

/// One pair of an advanced allocation order (Apache Fineract's advanced payment allocation): the
/// charges of `component` falling due with `timing`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_allocation_pair {
    /// A `COLL_TIMING_` constant.
    pub timing: coll_timing,
    /// A `COLL_COMPONENT_` constant.
    pub component: coll_component,
}

/// Everything that decides how an account's balances move. Start from `coll_ledger_terms_init` (the
/// core's defaults), then set the rate history and what differs. The flags are `uint8_t`, 0 or 1; a
/// value behind a flag of 0 is not read.
///
/// Ownership: the struct and its arrays belong to the caller; `coll_ledger_new` reads them during the
/// call and keeps a copy of the terms, not the arrays.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_ledger_terms {
    /// The effective dates of the annual rates, strictly increasing; the first on or before the day
    /// the account opens (a history with a gap at the start is refused, naming `rates`).
    pub rate_dates: *const coll_date,
    /// The annual rates (fractions, 0 to 100), `rates[i]` in force from `rate_dates[i]` until the next.
    pub rates: *const coll_decimal,
    /// The number of `rate_dates` and of `rates`, at least 1 (use a rate of 0 for none).
    pub n_rates: usize,
    /// 1 when a penalty (default) rate applies once more than `penalty_after_days` past due.
    pub has_penalty_rate: u8,
    /// The penalty rate (a fraction, 0 to 100), replacing the contract rate.
    pub penalty_rate: coll_decimal,
    /// Days past due after which the penalty rate applies (from day `penalty_after_days + 1`).
    pub penalty_after_days: u32,
    /// 1 when `max_rate` is given.
    pub has_max_rate: u8,
    /// A maximum annual rate every rate is held under (a fraction, 0 to 100).
    pub max_rate: coll_decimal,
    /// 1 when `charge_cap` is given.
    pub has_charge_cap: u8,
    /// A cap on the interest, fees and penalties charged over the account's life, as a fraction of the
    /// original principal (0 to 1000; 0.5 is half the principal).
    pub charge_cap: coll_decimal,
    /// Date ranges (both ends included, in order, not overlapping) on which no interest accrues and no
    /// late fee is assessed; NULL when `n_freezes` is 0.
    pub freezes: *const coll_date_range,
    /// The number of `freezes`.
    pub n_freezes: usize,
    /// The day count that turns days into a fraction of a year. Default Actual/365 Fixed.
    pub day_count: coll_day_count,
    /// A `COLL_INTEREST_MODE_` constant. Default simple.
    pub interest_mode: coll_interest_mode,
    /// 1 when `late_fee` applies. Default 0.
    pub has_late_fee: u8,
    /// The late-fee rule.
    pub late_fee: coll_late_fee_rule,
    /// A `COLL_ALLOCATION_ORDER_` constant. Default fees, interest, principal, penalties.
    pub allocation_order: coll_allocation_order,
    /// A `COLL_ALLOCATION_SCOPE_` constant. Default oldest first.
    pub allocation_scope: coll_allocation_scope,
    /// An advanced allocation order instead of `allocation_order` and `allocation_scope` (which must
    /// then be left at their defaults): the (timing, component) pairs in the order they are paid, each
    /// at most once. NULL when `n_advanced_allocation` is 0 (the named order applies).
    pub advanced_allocation: *const coll_allocation_pair,
    /// The number of `advanced_allocation` pairs.
    pub n_advanced_allocation: usize,
    /// A `COLL_OVERPAYMENT_` constant. Default hold as credit.
    pub overpayment: coll_overpayment_rule,
    /// How interest, percentage fees and pro-rata splits are rounded, a `COLL_ROUND_` constant.
    /// Default half up.
    pub rounding: coll_rounding_mode,
}

const ZERO: coll_decimal = coll_decimal {
    lo: 0,
    hi: 0,
    scale: 0,
};

impl coll_late_fee_rule {
    fn from_core(rule: &LateFeeRule) -> FfiResult<coll_late_fee_rule> {
        Ok(coll_late_fee_rule {
            flat: coll_decimal::from_core(rule.flat),
            percent: coll_decimal::from_core(rule.percent),
            minimum: coll_decimal::from_core(rule.minimum),
            has_maximum: u8::from(rule.maximum.is_some()),
            maximum: rule.maximum.map_or(ZERO, coll_decimal::from_core),
            grace_days: rule.grace_days,
            component: COMPONENTS.constant(rule.component)?,
        })
    }

    fn to_core(self) -> FfiResult<LateFeeRule> {
        Ok(LateFeeRule {
            flat: self.flat.to_core("late_fee.flat")?,
            percent: self.percent.to_core("late_fee.percent")?,
            minimum: self.minimum.to_core("late_fee.minimum")?,
            maximum: optional(self.has_maximum, "late_fee.has_maximum", || {
                self.maximum.to_core("late_fee.maximum")
            })?,
            grace_days: self.grace_days,
            component: COMPONENTS.core(self.component, "late_fee.component")?,
        })
    }
}

impl coll_ledger_terms {
    /// The struct of the core's default terms, with no rates.
    fn defaults() -> FfiResult<coll_ledger_terms> {
        let terms = Terms::new(RateHistory::fixed(NaiveDate::MIN, Decimal::ZERO)?);
        let (order, scope) = match terms.allocation() {
            AllocationStrategy::Components { order, scope } => (
                ALLOCATION_ORDERS.constant(*order)?,
                ALLOCATION_SCOPES.constant(*scope)?,
            ),
            // The core's default is a named order; an advanced one would have no pairs to point to.
            _ => (0, 0),
        };
        Ok(coll_ledger_terms {
            rate_dates: std::ptr::null(),
            rates: std::ptr::null(),
            n_rates: 0,
            has_penalty_rate: 0,
            penalty_rate: ZERO,
            penalty_after_days: 0,
            has_max_rate: 0,
            max_rate: ZERO,
            has_charge_cap: 0,
            charge_cap: ZERO,
            freezes: std::ptr::null(),
            n_freezes: 0,
            day_count: coll_day_count::from_core(*terms.day_count())?,
            interest_mode: INTEREST_MODES.constant(terms.interest_mode())?,
            has_late_fee: 0,
            // The rule a caller starts from: no amounts, booked as a penalty.
            late_fee: coll_late_fee_rule::from_core(&LateFeeRule::flat(Decimal::ZERO, 0))?,
            allocation_order: order,
            allocation_scope: scope,
            advanced_allocation: std::ptr::null(),
            n_advanced_allocation: 0,
            overpayment: OVERPAYMENT_RULES.constant(terms.overpayment())?,
            rounding: rounding_mode_constant(terms.rounding()),
        })
    }

    /// The core terms, built with the core's `with_*` checks; the arrays copied.
    ///
    /// # Safety
    /// The arrays are NULL or valid for their counts.
    pub(crate) unsafe fn to_core(self) -> FfiResult<Terms> {
        // SAFETY: the caller's contract.
        let (dates, rates, freezes, advanced) = unsafe {
            (
                ptr::read_slice_or_empty(self.rate_dates, self.n_rates, "rate_dates")?,
                ptr::read_slice_or_empty(self.rates, self.n_rates, "rates")?,
                ptr::read_slice_or_empty(self.freezes, self.n_freezes, "freezes")?,
                ptr::read_slice_or_empty(
                    self.advanced_allocation,
                    self.n_advanced_allocation,
                    "advanced_allocation",
                )?,
            )
        };
        let rows = dates
            .iter()
            .zip(&rates)
            .enumerate()
            .map(|(i, (d, r))| {
                let row = || Ok((d.to_core("rates")?, r.to_core("rates")?));
                row().map_err(|f| at_item(f, &format!("#{i}")))
            })
            .collect::<FfiResult<Vec<_>>>()?;
        let mut terms = Terms::new(RateHistory::new(rows)?);
        if let Some(rate) = optional(self.has_penalty_rate, "has_penalty_rate", || {
            self.penalty_rate.to_core("penalty_rate")
        })? {
            terms = terms.with_penalty_rate(rate, self.penalty_after_days)?;
        }
        if let Some(rate) = optional(self.has_max_rate, "has_max_rate", || {
            self.max_rate.to_core("max_rate")
        })? {
            terms = terms.with_max_rate(rate)?;
        }
        if let Some(cap) = optional(self.has_charge_cap, "has_charge_cap", || {
            self.charge_cap.to_core("charge_cap")
        })? {
            terms = terms.with_charge_cap(cap)?;
        }
        terms = terms
            .with_freezes(freeze_ranges(&freezes)?)
            .with_day_count(self.day_count.to_core("day_count")?)
            .with_interest_mode(INTEREST_MODES.core(self.interest_mode, "interest_mode")?)
            .with_overpayment(OVERPAYMENT_RULES.core(self.overpayment, "overpayment")?)
            .with_rounding(rounding_mode_of(self.rounding, "rounding")?);
        if let Some(rule) = optional(self.has_late_fee, "has_late_fee", || {
            self.late_fee.to_core()
        })? {
            terms = terms.with_late_fee(rule)?;
        }
        let order = ALLOCATION_ORDERS.core(self.allocation_order, "allocation_order")?;
        let scope = ALLOCATION_SCOPES.core(self.allocation_scope, "allocation_scope")?;
        let allocation = if advanced.is_empty() {
            AllocationStrategy::from_parts(order.name(), scope.name())?
        } else {
            // A named order given beside the pairs would be silently ignored: refuse it.
            if self.allocation_order != 0 {
                return Err(not_taken(
                    "allocation_order",
                    order,
                    "an advanced allocation",
                ));
            }
            if self.allocation_scope != 0 {
                return Err(not_taken(
                    "allocation_scope",
                    scope,
                    "an advanced allocation",
                ));
            }
            let pairs = advanced
                .iter()
                .map(|p| {
                    Ok((
                        TIMINGS.core(p.timing, "advanced_allocation.timing")?,
                        COMPONENTS.core(p.component, "advanced_allocation.component")?,
                    ))
                })
                .collect::<FfiResult<Vec<_>>>()?;
            AllocationStrategy::advanced(pairs)?
        };
        Ok(terms.with_allocation(allocation))
    }
}

/// Fills `*out` with the core's default terms (`Terms::new`): no penalty rate, no maximum rate, no
/// charge cap, no freezes, Actual/365 Fixed, simple interest, no late fee (the rule zeroed, booked as
/// a penalty), fees-interest-principal oldest first, overpayment held as credit, half-up rounding. The
/// rates are empty (NULL, 0): set `rate_dates`, `rates` and `n_rates`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_ledger_terms`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_terms_init(out: *mut coll_ledger_terms) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_ledger_terms::defaults()?);
        Ok(())
    })
}

/// The freezes as the core's frozen periods; a bad range names `freezes` (the struct's field).
fn freeze_ranges(ranges: &[coll_date_range]) -> FfiResult<FrozenPeriods> {
    let ranges = ranges
        .iter()
        .map(|r| {
            Ok(
                DateRange::new(r.start.to_core("freezes")?, r.end.to_core("freezes")?)
                    .map_err(|e| e.with_field("freezes"))?,
            )
        })
        .collect::<FfiResult<Vec<DateRange>>>()?;
    Ok(FrozenPeriods::new(ranges).map_err(|e| e.with_field("freezes"))?)
}
