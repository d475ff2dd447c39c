//! Payment allocation strategies and overpayment rules.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::event::{Component, Timing};
use crate::error::{Error, Result};

/// A named order of the four components.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ComponentOrder {
    /// Fees, interest, principal, then penalties (the common default: penalties last, so a late fee
    /// never eats an installment).
    #[default]
    FeesInterestPrincipal,
    /// Interest, principal, fees, then penalties.
    InterestPrincipalFees,
    /// Penalties, fees, interest, principal (Apache Fineract's "penalties, fees, interest, principal
    /// order").
    PenaltiesFeesInterestPrincipal,
    /// Interest, principal, penalties, fees (Apache Fineract's "interest, principal, penalties, fees
    /// order").
    InterestPrincipalPenaltiesFees,
    /// Principal, interest, penalties, fees (Apache Fineract's "principal, interest, penalties, fees
    /// order").
    PrincipalInterestPenaltiesFees,
}

impl ComponentOrder {
    /// Every named order.
    pub const ALL: [ComponentOrder; 5] = [
        ComponentOrder::FeesInterestPrincipal,
        ComponentOrder::InterestPrincipalFees,
        ComponentOrder::PenaltiesFeesInterestPrincipal,
        ComponentOrder::InterestPrincipalPenaltiesFees,
        ComponentOrder::PrincipalInterestPenaltiesFees,
    ];

    /// `fees-interest-principal`, `interest-principal-fees`, `penalties-fees-interest-principal`,
    /// `interest-principal-penalties-fees`, `principal-interest-penalties-fees`.
    pub fn name(self) -> &'static str {
        match self {
            ComponentOrder::FeesInterestPrincipal => "fees-interest-principal",
            ComponentOrder::InterestPrincipalFees => "interest-principal-fees",
            ComponentOrder::PenaltiesFeesInterestPrincipal => "penalties-fees-interest-principal",
            ComponentOrder::InterestPrincipalPenaltiesFees => "interest-principal-penalties-fees",
            ComponentOrder::PrincipalInterestPenaltiesFees => "principal-interest-penalties-fees",
        }
    }

    /// The components in the order they are paid.
    pub fn components(self) -> [Component; 4] {
        use Component::*;
        match self {
            ComponentOrder::FeesInterestPrincipal => [Fee, Interest, Principal, Penalty],
            ComponentOrder::InterestPrincipalFees => [Interest, Principal, Fee, Penalty],
            ComponentOrder::PenaltiesFeesInterestPrincipal => [Penalty, Fee, Interest, Principal],
            ComponentOrder::InterestPrincipalPenaltiesFees => [Interest, Principal, Penalty, Fee],
            ComponentOrder::PrincipalInterestPenaltiesFees => [Principal, Interest, Penalty, Fee],
        }
    }
}

crate::debt::aging::by_name!(ComponentOrder, "allocation");

/// Whether a component order runs within each obligation, oldest first, or across all obligations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Everything due on the oldest date, in component order, then the next date ("horizontal").
    #[default]
    OldestFirst,
    /// The first component on every date, oldest first, then the next component ("vertical").
    ComponentFirst,
}

impl Scope {
    /// Both scopes.
    pub const ALL: [Scope; 2] = [Scope::OldestFirst, Scope::ComponentFirst];

    /// `oldest_first` or `component_first`.
    pub fn name(self) -> &'static str {
        match self {
            Scope::OldestFirst => "oldest_first",
            Scope::ComponentFirst => "component_first",
        }
    }
}

crate::debt::aging::by_name!(Scope, "scope");

/// How a payment is spread over what is owed.
///
/// A component order pays only what is due on or before the payment date; the rest goes to the
/// [`OverpaymentRule`]. The advanced order (Apache Fineract's advanced payment allocation) pays the
/// listed (timing, component) pairs in turn, each oldest due date first; not-yet-due principal is paid
/// nearest due date first and principal no obligation has made due yet last. What no pair takes goes
/// to the overpayment rule.
///
/// ```
/// use collections_core::debt::ledger::{AllocationStrategy, Component, Scope, Timing};
///
/// let s = AllocationStrategy::from_parts("penalties-fees-interest-principal", "component_first")?;
/// assert_eq!(s.name(), "penalties-fees-interest-principal");
/// let adv = AllocationStrategy::advanced(vec![
///     (Timing::PastDue, Component::Interest),
///     (Timing::PastDue, Component::Principal),
///     (Timing::Due, Component::Interest),
///     (Timing::Due, Component::Principal),
/// ])?;
/// assert_eq!(adv.name(), "advanced");
/// let dup = AllocationStrategy::advanced(vec![(Timing::Due, Component::Fee); 2]).unwrap_err();
/// assert_eq!(dup.field(), "allocation");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum AllocationStrategy {
    /// A named component order over due and past-due charges.
    Components {
        /// The order.
        order: ComponentOrder,
        /// Oldest obligation first or component first.
        scope: Scope,
    },
    /// A caller-given order of (timing, component) pairs, each at most once.
    Advanced {
        /// The pairs, in the order they are paid.
        order: Vec<(Timing, Component)>,
    },
}

impl Default for AllocationStrategy {
    fn default() -> Self {
        AllocationStrategy::Components {
            order: ComponentOrder::default(),
            scope: Scope::default(),
        }
    }
}

impl AllocationStrategy {
    /// A component order and scope by name (see [`ComponentOrder::name`] and [`Scope::name`]).
    pub fn from_parts(order: &str, scope: &str) -> Result<AllocationStrategy> {
        Ok(AllocationStrategy::Components {
            order: order.parse()?,
            scope: scope.parse()?,
        })
    }

    /// An advanced order; fails on an empty list or a pair given twice.
    pub fn advanced(order: Vec<(Timing, Component)>) -> Result<AllocationStrategy> {
        let s = AllocationStrategy::Advanced { order };
        s.validate()?;
        Ok(s)
    }

    /// The order's name, or `advanced`.
    pub fn name(&self) -> &'static str {
        match self {
            AllocationStrategy::Components { order, .. } => order.name(),
            AllocationStrategy::Advanced { .. } => "advanced",
        }
    }

    /// Checks an advanced order: not empty, no pair twice.
    pub fn validate(&self) -> Result<()> {
        if let AllocationStrategy::Advanced { order } = self {
            if order.is_empty() {
                return Err(Error::invalid(
                    "allocation",
                    "[]",
                    "an advanced order needs at least one (timing, component) pair",
                ));
            }
            for (i, p) in order.iter().enumerate() {
                if order[..i].contains(p) {
                    return Err(Error::invalid(
                        "allocation",
                        format!("#{i} {}:{}", p.0, p.1),
                        "each (timing, component) pair may appear once",
                    ));
                }
            }
        }
        Ok(())
    }

    /// The indices of `items` (with unpaid amounts) in the order this strategy pays them on `on`.
    pub(crate) fn order(&self, items: &[Item], on: NaiveDate) -> Vec<usize> {
        let open = |i: &usize| items[*i].unpaid() > Decimal::ZERO;
        match self {
            AllocationStrategy::Components { order, scope } => {
                let comps = order.components();
                let rank = |c: Component| comps.iter().position(|x| *x == c).unwrap_or(4);
                let mut idx: Vec<usize> = (0..items.len())
                    .filter(open)
                    .filter(|i| items[*i].due.is_some_and(|d| d <= on))
                    .collect();
                match scope {
                    Scope::OldestFirst => {
                        idx.sort_by_key(|i| (items[*i].due, rank(items[*i].component), *i))
                    }
                    Scope::ComponentFirst => {
                        idx.sort_by_key(|i| (rank(items[*i].component), items[*i].due, *i))
                    }
                }
                idx
            }
            AllocationStrategy::Advanced { order } => {
                let mut out = Vec::new();
                for (timing, component) in order {
                    let mut idx: Vec<usize> = (0..items.len())
                        .filter(open)
                        .filter(|i| {
                            items[*i].component == *component
                                && Timing::of(items[*i].due, on) == *timing
                        })
                        .collect();
                    // Oldest first; unscheduled principal (no due date) last.
                    idx.sort_by_key(|i| (items[*i].due.is_none(), items[*i].due, *i));
                    out.extend(idx);
                }
                out
            }
        }
    }
}

/// What happens to money a payment has left after its allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OverpaymentRule {
    /// Held as a credit balance, applied to charges as they fall due (and refundable).
    #[default]
    HoldAsCredit,
    /// Prepays principal from the end: principal no obligation has made due yet, then the latest
    /// obligations first, so the last installments go and the term shortens. Any rest is credit.
    ReduceTerm,
    /// Prepays the principal of every not-yet-due obligation pro rata to what each still owes, so
    /// each installment gets smaller; cents left by rounding down go to the latest obligations. Any
    /// rest is credit.
    ReducePayment,
}

impl OverpaymentRule {
    /// Every rule.
    pub const ALL: [OverpaymentRule; 3] = [
        OverpaymentRule::HoldAsCredit,
        OverpaymentRule::ReduceTerm,
        OverpaymentRule::ReducePayment,
    ];

    /// `hold_as_credit`, `reduce_term` or `reduce_payment`.
    pub fn name(self) -> &'static str {
        match self {
            OverpaymentRule::HoldAsCredit => "hold_as_credit",
            OverpaymentRule::ReduceTerm => "reduce_term",
            OverpaymentRule::ReducePayment => "reduce_payment",
        }
    }
}

crate::debt::aging::by_name!(OverpaymentRule, "overpayment");

/// One charge the ledger tracks: a component falling due on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub(crate) component: Component,
    /// `None`: principal no obligation has made due yet.
    pub(crate) due: Option<NaiveDate>,
    pub(crate) charged: Decimal,
    pub(crate) paid: Decimal,
    pub(crate) waived: Decimal,
    /// For interest compounded at due dates: the part of what is unpaid that was unpaid on a due date
    /// and so bears interest (paid or forgiven first, being the oldest part).
    pub(crate) bearing: Decimal,
}

impl Item {
    pub(crate) fn unpaid(&self) -> Decimal {
        self.charged - self.paid - self.waived
    }
}
