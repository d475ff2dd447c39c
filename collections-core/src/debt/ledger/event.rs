//! Ledger events (what the caller posts) and entries (what the replay derives).

use std::cmp::Ordering;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::debt::status::Status;
use crate::money::Currency;

/// A balance component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    /// Penalties: late fees (as Apache Fineract books them) and other penalty charges.
    Penalty,
    /// Fees: servicing, dunning and other charges.
    Fee,
    /// Interest.
    Interest,
    /// Principal.
    Principal,
}

impl Component {
    /// Every component.
    pub const ALL: [Component; 4] = [
        Component::Penalty,
        Component::Fee,
        Component::Interest,
        Component::Principal,
    ];

    /// `penalty`, `fee`, `interest` or `principal`.
    pub fn name(self) -> &'static str {
        match self {
            Component::Penalty => "penalty",
            Component::Fee => "fee",
            Component::Interest => "interest",
            Component::Principal => "principal",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

crate::debt::aging::by_name!(Component, "component");

/// When a charge falls due relative to the day a payment is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    /// Due before the payment date.
    PastDue,
    /// Due on the payment date.
    Due,
    /// Due after it (including principal no obligation has made due yet).
    NotYetDue,
}

impl Timing {
    /// Every timing.
    pub const ALL: [Timing; 3] = [Timing::PastDue, Timing::Due, Timing::NotYetDue];

    /// `past_due`, `due` or `not_yet_due`.
    pub fn name(self) -> &'static str {
        match self {
            Timing::PastDue => "past_due",
            Timing::Due => "due",
            Timing::NotYetDue => "not_yet_due",
        }
    }

    pub(crate) fn of(due: Option<NaiveDate>, on: NaiveDate) -> Timing {
        match due {
            Some(d) if d < on => Timing::PastDue,
            Some(d) if d == on => Timing::Due,
            _ => Timing::NotYetDue,
        }
    }
}

crate::debt::aging::by_name!(Timing, "timing");

/// What happened. Each kind is posted with an effective date as an [`Event`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// `amount` of the principal falls due on the event's date (an installment or an invoice).
    Obligation {
        /// The principal that falls due.
        amount: Decimal,
    },
    /// Post the interest accrued up to the date (interest is also posted at every other event).
    Accrue,
    /// A fee or penalty assessed (a dunning fee, a returned-payment fee, ...).
    Fee {
        /// [`Component::Fee`] or [`Component::Penalty`].
        component: Component,
        /// The amount.
        amount: Decimal,
        /// What it is for.
        reason: String,
    },
    /// A payment received, allocated by the account's strategy.
    Payment {
        /// The caller's unique reference (a reversal names it).
        id: String,
        /// The amount.
        amount: Decimal,
        /// Its currency (must be the account's).
        currency: Currency,
    },
    /// A returned, dishonoured (NSF) or mistaken payment: the payment is taken out of the ledger as if
    /// it had never been made, and everything after it is derived again.
    Reversal {
        /// The id of the payment.
        payment_id: String,
        /// Why.
        reason: String,
    },
    /// Part or all of a credit balance paid back to the debtor.
    Refund {
        /// The amount (at most the credit balance on the date).
        amount: Decimal,
    },
    /// A charge forgiven (goodwill, a complaint, a settlement of a dispute).
    Waiver {
        /// The component reduced.
        component: Component,
        /// The amount (at most the component's balance).
        amount: Decimal,
        /// Why.
        reason: String,
    },
    /// A correction: `amount` added to (positive) or taken from (negative) a component; a component
    /// never goes below zero.
    Adjustment {
        /// The component corrected.
        component: Component,
        /// The signed amount.
        amount: Decimal,
        /// Why.
        reason: String,
    },
    /// A due-date extension (deferral): every principal obligation not fully paid, and every obligation
    /// falling due later, moves `days` later. One already past due falls due again on its new date
    /// (credit held is applied to it then); its late fee, if any, is not assessed a second time.
    Extension {
        /// How many days (at least one).
        days: u32,
        /// Why.
        reason: String,
    },
    /// A settlement: what is still owed after the payments so far is forgiven and the status becomes
    /// settled.
    Settlement {
        /// Why (the settlement's terms).
        reason: String,
    },
    /// A charge-off: balances stay owed, interest stops accruing, the status becomes charged off.
    ChargeOff {
        /// Why.
        reason: String,
    },
    /// A write-off: everything owed is written off and the status becomes written off.
    WriteOff {
        /// Why.
        reason: String,
    },
    /// A change of status, checked against the transition table of [`crate::debt::status`].
    StatusChange {
        /// The new status.
        to: Status,
        /// Why.
        reason: String,
    },
}

impl EventKind {
    /// The snake_case name of the kind (`obligation`, `payment`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Obligation { .. } => "obligation",
            EventKind::Accrue => "accrue",
            EventKind::Fee { .. } => "fee",
            EventKind::Payment { .. } => "payment",
            EventKind::Reversal { .. } => "reversal",
            EventKind::Refund { .. } => "refund",
            EventKind::Waiver { .. } => "waiver",
            EventKind::Adjustment { .. } => "adjustment",
            EventKind::Extension { .. } => "extension",
            EventKind::Settlement { .. } => "settlement",
            EventKind::ChargeOff { .. } => "charge_off",
            EventKind::WriteOff { .. } => "write_off",
            EventKind::StatusChange { .. } => "status_change",
        }
    }

    /// The order of kinds on one day: obligations fall due first, then charges, then money in, money
    /// out, corrections, extensions, and the closing events last.
    fn rank(&self) -> u8 {
        match self {
            EventKind::Obligation { .. } => 0,
            EventKind::Fee { .. } => 1,
            EventKind::Accrue => 2,
            EventKind::Payment { .. } => 3,
            EventKind::Reversal { .. } => 4,
            EventKind::Refund { .. } => 5,
            EventKind::Waiver { .. } => 6,
            EventKind::Adjustment { .. } => 7,
            EventKind::Extension { .. } => 8,
            EventKind::StatusChange { .. } => 9,
            EventKind::Settlement { .. } => 10,
            EventKind::ChargeOff { .. } => 11,
            EventKind::WriteOff { .. } => 12,
        }
    }

    /// A total order within a rank, by the kind's own fields, so that replay never depends on the order
    /// in which events were posted.
    fn cmp_fields(&self, other: &EventKind) -> Ordering {
        use EventKind::*;
        match (self, other) {
            (Obligation { amount: a }, Obligation { amount: b }) => a.cmp(b),
            (Refund { amount: a }, Refund { amount: b }) => a.cmp(b),
            (
                Fee {
                    component: c1,
                    amount: a1,
                    reason: r1,
                },
                Fee {
                    component: c2,
                    amount: a2,
                    reason: r2,
                },
            )
            | (
                Waiver {
                    component: c1,
                    amount: a1,
                    reason: r1,
                },
                Waiver {
                    component: c2,
                    amount: a2,
                    reason: r2,
                },
            )
            | (
                Adjustment {
                    component: c1,
                    amount: a1,
                    reason: r1,
                },
                Adjustment {
                    component: c2,
                    amount: a2,
                    reason: r2,
                },
            ) => (c1, a1, r1).cmp(&(c2, a2, r2)),
            (Payment { id: a, .. }, Payment { id: b, .. }) => a.cmp(b),
            (Reversal { payment_id: a, .. }, Reversal { payment_id: b, .. }) => a.cmp(b),
            (
                Extension {
                    days: d1,
                    reason: r1,
                },
                Extension {
                    days: d2,
                    reason: r2,
                },
            ) => (d1, r1).cmp(&(d2, r2)),
            (StatusChange { to: a, reason: r1 }, StatusChange { to: b, reason: r2 }) => {
                (a, r1).cmp(&(b, r2))
            }
            (Settlement { reason: a }, Settlement { reason: b })
            | (ChargeOff { reason: a }, ChargeOff { reason: b })
            | (WriteOff { reason: a }, WriteOff { reason: b }) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }
}

/// An event with its effective date.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::ledger::{Event, EventKind};
/// use collections_core::Currency;
/// use rust_decimal::Decimal;
///
/// let date = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
/// let pay = Event::payment(date, "P-1", Decimal::new(25_000, 2), Currency::USD);
/// assert_eq!(pay.kind.name(), "payment");
/// assert!(Event::new(date, EventKind::Accrue) < pay); // same day: interest is posted first
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The effective date.
    pub date: NaiveDate,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

impl Event {
    /// An event of `kind` on `date`.
    pub fn new(date: NaiveDate, kind: EventKind) -> Event {
        Event { date, kind }
    }

    /// An obligation: `amount` of principal due on `date`.
    pub fn obligation(date: NaiveDate, amount: Decimal) -> Event {
        Event::new(date, EventKind::Obligation { amount })
    }

    /// A payment.
    pub fn payment(
        date: NaiveDate,
        id: impl Into<String>,
        amount: Decimal,
        currency: Currency,
    ) -> Event {
        Event::new(
            date,
            EventKind::Payment {
                id: id.into(),
                amount,
                currency,
            },
        )
    }

    /// A fee or penalty.
    pub fn fee(
        date: NaiveDate,
        component: Component,
        amount: Decimal,
        reason: impl Into<String>,
    ) -> Event {
        Event::new(
            date,
            EventKind::Fee {
                component,
                amount,
                reason: reason.into(),
            },
        )
    }

    /// A reversal of payment `payment_id`.
    pub fn reversal(
        date: NaiveDate,
        payment_id: impl Into<String>,
        reason: impl Into<String>,
    ) -> Event {
        Event::new(
            date,
            EventKind::Reversal {
                payment_id: payment_id.into(),
                reason: reason.into(),
            },
        )
    }
}

impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Event) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Event {
    /// By date, then kind (see [`EventKind`]'s order on one day), then the kind's fields.
    fn cmp(&self, other: &Event) -> Ordering {
        self.date
            .cmp(&other.date)
            .then(self.kind.rank().cmp(&other.kind.rank()))
            .then_with(|| self.kind.cmp_fields(&other.kind))
    }
}

/// Where part of an amount went: a component of the charges falling due on a date (`None`: principal
/// no obligation has made due yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    /// The component.
    pub component: Component,
    /// The due date of the charge it went to.
    pub due_date: Option<NaiveDate>,
    /// The amount.
    pub amount: Decimal,
}

/// What a replay derived at one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntryKind {
    /// Principal fell due (an obligation event).
    Obligation,
    /// Interest posted.
    Interest,
    /// A late fee assessed by the account's rule.
    LateFee,
    /// A fee or penalty posted by an event.
    Fee,
    /// A payment allocated.
    Payment,
    /// Credit balance applied to charges as they fell due.
    CreditApplied,
    /// A payment reversed (the entry of the payment is gone; this records the reversal).
    Reversal,
    /// Credit refunded.
    Refund,
    /// A waiver.
    Waiver,
    /// An adjustment.
    Adjustment,
    /// Due dates extended.
    Extension,
    /// A status change (including those a settlement, charge-off or write-off makes).
    Status,
    /// What was still owed, forgiven by a settlement.
    Settlement,
    /// A charge-off.
    ChargeOff,
    /// What was still owed, written off.
    WriteOff,
}

impl EntryKind {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            EntryKind::Obligation => "obligation",
            EntryKind::Interest => "interest",
            EntryKind::LateFee => "late_fee",
            EntryKind::Fee => "fee",
            EntryKind::Payment => "payment",
            EntryKind::CreditApplied => "credit_applied",
            EntryKind::Reversal => "reversal",
            EntryKind::Refund => "refund",
            EntryKind::Waiver => "waiver",
            EntryKind::Adjustment => "adjustment",
            EntryKind::Extension => "extension",
            EntryKind::Status => "status",
            EntryKind::Settlement => "settlement",
            EntryKind::ChargeOff => "charge_off",
            EntryKind::WriteOff => "write_off",
        }
    }
}

/// The balances of an account at a point of the replay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Balances {
    /// Principal outstanding (due or not).
    pub principal: Decimal,
    /// Interest posted and unpaid.
    pub interest: Decimal,
    /// Fees unpaid.
    pub fees: Decimal,
    /// Penalties unpaid.
    pub penalties: Decimal,
    /// Money received and not applied to any charge (owed back to the debtor or held for later).
    pub credit: Decimal,
}

impl Balances {
    /// Principal + interest + fees + penalties (the credit is not netted).
    pub fn owed(&self) -> Decimal {
        self.principal + self.interest + self.fees + self.penalties
    }

    /// A component's balance.
    pub fn component(&self, c: Component) -> Decimal {
        match c {
            Component::Penalty => self.penalties,
            Component::Fee => self.fees,
            Component::Interest => self.interest,
            Component::Principal => self.principal,
        }
    }
}

/// One step of the replay: the event (or the rule) that made it, the amount, where money went and the
/// balances after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The effective date.
    pub date: NaiveDate,
    /// What it was.
    pub kind: EntryKind,
    /// The index of the caller's event in [`Ledger::events`](super::Ledger::events) that made it, or
    /// `None` for what the terms made (interest, late fees, credit applied).
    pub event: Option<usize>,
    /// The amount: charged, paid, refunded, waived or written off (signed for adjustments).
    pub amount: Decimal,
    /// For payments, credit applied, waivers, settlements and write-offs: where the amount went.
    pub allocations: Vec<Allocation>,
    /// For payments: the part held as credit.
    pub to_credit: Decimal,
    /// For charges: the part a cap cut off (not charged).
    pub capped: Decimal,
    /// The balances after this step.
    pub balances: Balances,
    /// For status entries, the new status; otherwise the status after the step.
    pub status: Status,
}
