//! The event-sourced account ledger: obligations, interest accrual, fees, payment posting and
//! allocation, reversals, refunds, waivers, extensions, settlements, charge-offs and write-offs.
//!
//! A [`Ledger`] holds an [`Account`] and the [`Event`]s posted to it; every balance is derived by
//! replaying the events in date order ([`Event`]'s ordering, which never depends on the order they were
//! posted in). Posting an event dated before others re-derives everything after it; an event that
//! cannot be applied (a refund beyond the credit, a reversal of an unknown payment, an invalid status
//! transition, even one that only fails further down the replay) is refused and the ledger is left
//! exactly as it was.
//!
//! The replay's rules:
//! - the principal is owed from the opening day; each obligation event makes part of it due on its
//!   date (obligations may not add up to more than the principal; what they leave is owed, not yet due);
//! - interest accrues day by day on the principal outstanding (plus, when compounding, the interest
//!   left unpaid at an obligation's due date) at the rate in force, the penalty rate on days more than
//!   its threshold past the oldest unpaid due date, held under the maximum rate, and none on frozen days
//!   or after a charge-off. The exact interest is kept unrounded (under a fixed-basis day count as
//!   balance x rate x days, divided by the basis only when rounded); at every event it is posted,
//!   rounded so that the total posted is the exact total rounded once, and falls due with the next
//!   obligation (after the last one, with the last one: interest after maturity is due at once; with
//!   no obligations at all, it is not yet due). So where interest is posted never changes what is owed:
//!   an accrual event, or any event that moves no money, leaves every balance as it was (for the
//!   Actual day counts, whose day numbers add up);
//! - fees are due when charged; the late-fee rule checks each obligation the day after its grace days
//!   without pyramiding (see [`LateFeeRule`]); a charge cap cuts interest, fees and penalties to what is
//!   left under it, and records the cut;
//! - a payment is allocated by the [`AllocationStrategy`] and what is left by the [`OverpaymentRule`];
//!   a credit balance is applied to charges as they fall due. Every [`Entry`] of a payment lists where
//!   the money went; allocations plus the part held as credit are the payment, to the cent;
//! - a payment reversal takes the payment out as if it had never been made (its effect on interest and
//!   fees included); a settlement or write-off forgives what is still owed; a charge-off stops interest;
//!   all three, and any status change, are checked against [`crate::debt::status`]'s transitions;
//! - when nothing is owed any more, the account becomes paid in full. After a terminal status only
//!   payments (held as credit), refunds and reversals are taken.
//!
//! ```
//! use chrono::NaiveDate;
//! use collections_core::debt::ledger::{Account, Event, Ledger, RateHistory, Terms};
//! use collections_core::Currency;
//! use rust_decimal::Decimal;
//!
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! // 3.65% a year on 1,000.00, Actual/365 Fixed: 0.10 a day.
//! let terms = Terms::new(RateHistory::fixed(d(1, 1), Decimal::new(365, 4))?);
//! let account = Account::new("A-1", Currency::USD, d(1, 1), Decimal::new(100_000, 2), terms)?;
//! let mut ledger = Ledger::new(account);
//! ledger.post(Event::obligation(d(1, 31), Decimal::new(50_000, 2)))?;
//! ledger.post(Event::obligation(d(3, 2), Decimal::new(50_000, 2)))?;
//! ledger.post(Event::payment(d(1, 31), "P-1", Decimal::new(50_300, 2), Currency::USD))?;
//!
//! // 30 days of interest (3.00) and the first 500.00 of principal were paid.
//! let b = ledger.balances();
//! assert_eq!((b.principal, b.interest, b.credit), (Decimal::new(50_000, 2), Decimal::ZERO, Decimal::ZERO));
//! let paid = ledger.payment_entry("P-1").unwrap();
//! assert_eq!(paid.allocations.iter().map(|a| a.amount).sum::<Decimal>(), Decimal::new(50_300, 2));
//!
//! // Thirty more days on 500.00 (0.05 a day): a payoff on March 2 is 501.50.
//! assert_eq!(ledger.balances_on(d(3, 2))?.owed(), Decimal::new(50_150, 2));
//! // A reversal of an unknown payment is refused, and nothing changes.
//! assert_eq!(ledger.post(Event::reversal(d(2, 1), "P-9", "NSF")).unwrap_err().field(), "payment_id");
//! assert_eq!(ledger.events().len(), 3);
//! # Ok::<(), collections_core::Error>(())
//! ```

mod allocation;
mod event;
mod state;
mod terms;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use allocation::{AllocationStrategy, ComponentOrder, OverpaymentRule, Scope};
pub use event::{Allocation, Balances, Component, Entry, EntryKind, Event, EventKind, Timing};
pub use state::Totals;
pub use terms::{
    Account, InterestMode, LateFeeRule, PenaltyRate, RateHistory, Terms, MAX_AMOUNT, MAX_RATE,
};

use crate::debt::aging::{AccountObligations, Aging, AgingRules, Obligation};
use crate::debt::status::{Status, StatusHistory};
use crate::error::{Error, Result};
use state::State;

/// An account and its events, with the balances and entries derived from them.
///
/// See the [module documentation](self) for the rules and an example.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "LedgerRepr", into = "LedgerRepr")]
pub struct Ledger {
    account: Account,
    events: Vec<Event>,
    /// Payment id -> event index.
    payments: HashMap<String, usize>,
    /// Payment id -> index of the reversal event.
    reversals: HashMap<String, usize>,
    /// The index of the event that sorts last among those replayed (not obligations).
    last: Option<usize>,
    state: State,
}

#[derive(Serialize, Deserialize)]
struct LedgerRepr {
    account: Account,
    events: Vec<Event>,
}

impl TryFrom<LedgerRepr> for Ledger {
    type Error = Error;
    fn try_from(r: LedgerRepr) -> Result<Ledger> {
        Ledger::with_events(r.account, r.events)
    }
}

impl From<Ledger> for LedgerRepr {
    fn from(l: Ledger) -> LedgerRepr {
        LedgerRepr {
            account: l.account,
            events: l.events,
        }
    }
}

impl PartialEq for Ledger {
    /// Two ledgers are equal when they hold the same account and the same events, in the same order.
    fn eq(&self, other: &Ledger) -> bool {
        self.account == other.account && self.events == other.events
    }
}

fn replayed(event: &Event) -> bool {
    !matches!(event.kind, EventKind::Obligation { .. })
}

fn is_reversal(event: &Event) -> bool {
    matches!(event.kind, EventKind::Reversal { .. })
}

impl Ledger {
    /// A ledger with no events.
    pub fn new(account: Account) -> Ledger {
        let state = State::new(&account);
        Ledger {
            account,
            events: Vec::new(),
            payments: HashMap::new(),
            reversals: HashMap::new(),
            last: None,
            state,
        }
    }

    /// A ledger with these events, all or nothing.
    pub fn with_events(account: Account, events: Vec<Event>) -> Result<Ledger> {
        let mut ledger = Ledger::new(account);
        ledger.post_all(events)?;
        Ok(ledger)
    }

    /// Posts one event and returns its index in [`Ledger::events`]. On error the ledger is unchanged.
    ///
    /// An event dated on or after every other (and not an obligation or a reversal) is applied to the
    /// current state; any other is replayed with all the events from the opening day.
    pub fn post(&mut self, event: Event) -> Result<usize> {
        state::check_event(&self.account, &event)?;
        let index = self.events.len();
        self.check_reference(&event, &[], &HashMap::new(), &HashMap::new())?;
        let latest = self.last.is_none_or(|l| self.events[l] <= event);
        let state = if replayed(&event) && !is_reversal(&event) && latest {
            // Applied to a copy of the state without its entries, which are only appended to: on
            // error they are cut back to where they were.
            let entries = std::mem::take(&mut self.state.entries);
            let kept = entries.len();
            let mut s = self.state.clone();
            s.entries = entries;
            if let Err(e) = s.apply(&self.account, index, &event) {
                s.entries.truncate(kept);
                self.state.entries = s.entries;
                return Err(e);
            }
            s
        } else {
            let mut events = self.events.clone();
            events.push(event.clone());
            let mut reversed: HashSet<&str> = self.reversals.keys().map(String::as_str).collect();
            if let EventKind::Reversal { payment_id, .. } = &event.kind {
                reversed.insert(payment_id.as_str());
            }
            replay(&self.account, &events, &reversed, None, Some(index))?
        };
        match &event.kind {
            EventKind::Payment { id, .. } => {
                self.payments.insert(id.clone(), index);
            }
            EventKind::Reversal { payment_id, .. } => {
                self.reversals.insert(payment_id.clone(), index);
            }
            _ => {}
        }
        if replayed(&event) && latest {
            self.last = Some(index);
        }
        self.events.push(event);
        self.state = state;
        Ok(index)
    }

    /// Posts several events, all or nothing, with one replay.
    pub fn post_all(&mut self, new: Vec<Event>) -> Result<()> {
        if new.is_empty() {
            return Ok(());
        }
        let base = self.events.len();
        let mut payments = HashMap::new();
        let mut reversals = HashMap::new();
        for (k, event) in new.iter().enumerate() {
            state::check_event(&self.account, event)
                .map_err(|e| e.map_value(|v| format!("{v} (event #{})", base + k)))?;
            self.check_reference(event, &new[..k], &payments, &reversals)?;
            match &event.kind {
                EventKind::Payment { id, .. } => {
                    payments.insert(id.clone(), base + k);
                }
                EventKind::Reversal { payment_id, .. } => {
                    reversals.insert(payment_id.clone(), base + k);
                }
                _ => {}
            }
        }
        let mut events = self.events.clone();
        events.extend(new);
        let state = {
            let reversed: HashSet<&str> = self
                .reversals
                .keys()
                .chain(reversals.keys())
                .map(String::as_str)
                .collect();
            replay(&self.account, &events, &reversed, None, None)?
        };
        self.last = (0..events.len())
            .filter(|i| replayed(&events[*i]))
            .max_by(|a, b| events[*a].cmp(&events[*b]).then(a.cmp(b)));
        self.events = events;
        self.payments.extend(payments);
        self.reversals.extend(reversals);
        self.state = state;
        Ok(())
    }

    /// Checks that a payment's id is new, and that a reversal names a payment posted (here or among
    /// `pending`, whose ids and reversals are in the two maps), not reversed, dated on or before it.
    fn check_reference(
        &self,
        event: &Event,
        pending: &[Event],
        pending_payments: &HashMap<String, usize>,
        pending_reversals: &HashMap<String, usize>,
    ) -> Result<()> {
        match &event.kind {
            EventKind::Payment { id, .. }
                if self.payments.contains_key(id) || pending_payments.contains_key(id) =>
            {
                return Err(Error::invalid(
                    "id",
                    format!("{id:?}"),
                    "a payment with this id is already posted",
                ));
            }
            EventKind::Reversal { payment_id, .. } => {
                let index = self
                    .payments
                    .get(payment_id)
                    .or_else(|| pending_payments.get(payment_id));
                let Some(&p) = index else {
                    return Err(Error::invalid(
                        "payment_id",
                        format!("{payment_id:?}"),
                        "no payment with this id is posted",
                    ));
                };
                if self.reversals.contains_key(payment_id)
                    || pending_reversals.contains_key(payment_id)
                {
                    return Err(Error::invalid(
                        "payment_id",
                        format!("{payment_id:?}"),
                        "the payment is already reversed",
                    ));
                }
                let paid = self
                    .events
                    .get(p)
                    .or_else(|| pending.get(p.wrapping_sub(self.events.len())));
                if let Some(paid) = paid.filter(|e| event.date < e.date) {
                    return Err(Error::invalid(
                        "date",
                        event.date,
                        format!(
                            "is before the payment {payment_id:?} of {} it reverses",
                            paid.date
                        ),
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The account.
    pub fn account(&self) -> &Account {
        &self.account
    }

    /// The events, in the order they were posted.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The entries of the replay, in date order: what each event and each rule of the terms did.
    pub fn entries(&self) -> &[Entry] {
        &self.state.entries
    }

    /// The entry of a payment (its allocations), if it was posted and not reversed.
    pub fn payment_entry(&self, id: &str) -> Option<&Entry> {
        let index = *self.payments.get(id)?;
        self.state
            .entries
            .iter()
            .find(|e| e.kind == EntryKind::Payment && e.event == Some(index))
    }

    /// Whether payment `id` has been reversed.
    pub fn is_reversed(&self, id: &str) -> bool {
        self.reversals.contains_key(id)
    }

    /// The balances after the last event.
    pub fn balances(&self) -> Balances {
        self.state.balances()
    }

    /// The running totals after the last event (charged, paid and forgiven per component, payments,
    /// refunds, capped).
    pub fn totals(&self) -> &Totals {
        self.state.totals()
    }

    /// The status after the last event.
    pub fn status(&self) -> Status {
        self.state.status().current()
    }

    /// Every status change, dated.
    pub fn status_history(&self) -> &StatusHistory {
        self.state.status()
    }

    /// The date of the last step replayed (the last event, or the opening day).
    pub fn last_date(&self) -> NaiveDate {
        self.state.date
    }

    /// The state at the end of `as_of`: events dated after it are left out; interest is posted up to
    /// it (for the days before `as_of`), and the terms' own steps up to it are run.
    fn state_on(&self, as_of: NaiveDate) -> Result<State> {
        if as_of < self.account.opened_on() {
            return Err(Error::invalid(
                "as_of",
                as_of,
                format!(
                    "is before the account opened on {}",
                    self.account.opened_on()
                ),
            ));
        }
        if as_of >= self.state.date {
            let mut s = self.state.clone();
            s.advance(&self.account, as_of)?;
            return Ok(s);
        }
        let reversed: HashSet<&str> = self
            .reversals
            .iter()
            .filter(|(_, r)| self.events[**r].date <= as_of)
            .map(|(id, _)| id.as_str())
            .collect();
        replay(&self.account, &self.events, &reversed, Some(as_of), None)
    }

    /// The balances at the end of `as_of`, with interest accrued up to it: what a payoff on that day
    /// must cover (less the credit).
    pub fn balances_on(&self, as_of: NaiveDate) -> Result<Balances> {
        Ok(self.state_on(as_of)?.balances())
    }

    /// The running totals at the end of `as_of` (see [`Ledger::balances_on`]).
    pub fn totals_on(&self, as_of: NaiveDate) -> Result<Totals> {
        Ok(*self.state_on(as_of)?.totals())
    }

    /// Days past due on `as_of`: from the oldest obligation (principal or interest) not fully paid
    /// whose due date has passed; zero when none.
    pub fn days_past_due(&self, as_of: NaiveDate) -> Result<u32> {
        let s = self.state_on(as_of)?;
        Ok(s.oldest_unpaid(as_of, false)
            .map(|d| u32::try_from((as_of - d).num_days()).unwrap_or(u32::MAX))
            .unwrap_or(0))
    }

    /// The obligations as [`crate::debt::aging`] sees them on `as_of`: per due date, the principal
    /// and interest due and what was paid of them (fees and penalties are not obligations).
    pub fn obligations_on(&self, as_of: NaiveDate) -> Result<Vec<Obligation>> {
        let s = self.state_on(as_of)?;
        let mut by_date: Vec<(NaiveDate, Decimal, Decimal)> = Vec::new();
        for it in s.items() {
            if !matches!(it.component, Component::Principal | Component::Interest) {
                continue;
            }
            let Some(due) = it.due else { continue };
            let amount = it.charged - it.waived;
            match by_date.iter_mut().find(|(d, _, _)| *d == due) {
                Some(row) => {
                    row.1 += amount;
                    row.2 += it.paid;
                }
                None => by_date.push((due, amount, it.paid)),
            }
        }
        by_date.sort_by_key(|r| r.0);
        by_date
            .into_iter()
            .map(|(d, due, paid)| Obligation::new(d, due, paid))
            .collect()
    }

    /// Ages the account on `as_of` under `rules` (days past due with the rules' tolerance, bucket).
    pub fn aging(&self, as_of: NaiveDate, rules: &AgingRules) -> Result<Aging> {
        AccountObligations::new(self.obligations_on(as_of)?)?.age(as_of, rules)
    }
}

/// Replays `events` (skipping reversed payments and obligations, which are steps of their own) up to
/// `until` if given. An error at an event other than `new` names that event.
fn replay(
    account: &terms::Account,
    events: &[Event],
    reversed: &HashSet<&str>,
    until: Option<NaiveDate>,
    new: Option<usize>,
) -> Result<State> {
    let mut state = State::open(account, events)?;
    let mut order: Vec<usize> = (0..events.len())
        .filter(|i| replayed(&events[*i]))
        .filter(|i| match &events[*i].kind {
            EventKind::Payment { id, .. } => !reversed.contains(id.as_str()),
            EventKind::Reversal { payment_id, .. } => reversed.contains(payment_id.as_str()),
            _ => true,
        })
        .collect();
    order.sort_by(|a, b| events[*a].cmp(&events[*b]).then(a.cmp(b)));
    for i in order {
        let e = &events[i];
        if until.is_some_and(|u| e.date > u) {
            break;
        }
        state.apply(account, i, e).map_err(|err| {
            if Some(i) == new {
                err
            } else {
                err.map_value(|v| {
                    format!(
                        "{v} (replaying event #{i}, {} on {})",
                        e.kind.name(),
                        e.date
                    )
                })
            }
        })?;
    }
    if let Some(u) = until {
        state.advance(account, u)?;
    }
    Ok(state)
}
