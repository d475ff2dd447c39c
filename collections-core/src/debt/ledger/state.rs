//! The replay: balances derived from an account and its events, one step at a time.

use chrono::{Days, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use super::allocation::{Item, OverpaymentRule};
use super::event::{Allocation, Balances, Component, Entry, EntryKind, Event, EventKind};
use super::terms::{money_amount, Account, InterestMode};
use crate::debt::late_interest::round_fraction;
use crate::debt::status::{Status, StatusHistory};
use crate::error::{Error, Result};
use crate::money::round_decimal;

/// Sums a ledger keeps, per component, for the conservation check and for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Totals {
    /// Charged (principal: the original principal plus positive adjustments), by
    /// [`Component`] order: penalty, fee, interest, principal.
    pub charged: [Decimal; 4],
    /// Paid by payments and credit.
    pub paid: [Decimal; 4],
    /// Forgiven: waivers, negative adjustments, settlements, write-offs.
    pub forgiven: [Decimal; 4],
    /// Payments received (reversed payments excluded).
    pub payments: Decimal,
    /// Credit refunded.
    pub refunds: Decimal,
    /// Interest, fees and penalties a cap cut off (never charged).
    pub capped: Decimal,
}

/// Steps the terms make on their own, ordered by date then kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Auto {
    /// A principal obligation falls due (item index).
    Due(usize),
    /// A charge that had fallen due and was moved later by an extension falls due again on its new
    /// date (item index): interest is posted and credit applied there, as on any due date. It makes no
    /// entry of its own (the obligation's entry was made when it first fell due), starts no late-fee
    /// check (the rule assesses an obligation once) and leaves the compounding base as it is.
    DueAgain(usize),
    /// The late-fee check of an obligation (item index).
    LateFeeCheck(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct State {
    items: Vec<Item>,
    /// For principal items made by an obligation event: that event's index.
    item_event: Vec<Option<usize>>,
    /// Outstanding by component (the running sum of the items).
    owed: [Decimal; 4],
    credit: Decimal,
    totals: Totals,
    status: StatusHistory,
    charged_off: bool,
    /// Interest is computed for the days before this date.
    accrued_through: NaiveDate,
    /// Interest since opening, unrounded: under a fixed-basis day count, the sum of balance x rate x
    /// days (divided by the basis only when rounded, so the total is exact whatever the posting
    /// points); otherwise the sum of balance x rate x year fraction.
    exact_interest: Decimal,
    /// `exact_interest` rounded at the last posting.
    rounded_interest: Decimal,
    /// Interest, fees and penalties charged (for the cap).
    charges: Decimal,
    /// Unpaid interest that bears interest (compounding): the sum of the items' `bearing`.
    bearing_interest: Decimal,
    /// Pending steps, sorted latest first (the next one is popped from the end; a copy is a memcpy).
    auto: Vec<(NaiveDate, Auto)>,
    /// Net money in (payments − refunds), for the late-fee test.
    funds: Decimal,
    /// The date of the last step.
    pub(crate) date: NaiveDate,
    pub(crate) entries: Vec<Entry>,
}

fn add(a: Decimal, b: Decimal, field: &'static str) -> Result<Decimal> {
    a.checked_add(b)
        .ok_or_else(|| Error::overflow(field, format!("{a} + {b}")))
}

fn mul(a: Decimal, b: Decimal, field: &'static str) -> Result<Decimal> {
    a.checked_mul(b)
        .ok_or_else(|| Error::overflow(field, format!("{a} * {b}")))
}

fn next_day(d: NaiveDate) -> Result<NaiveDate> {
    d.succ_opt().ok_or_else(|| Error::date_range("date", d))
}

impl State {
    /// The state of an account with no events: all its principal owed, none of it due yet.
    pub(crate) fn new(account: &Account) -> State {
        let mut totals = Totals::default();
        totals.charged[Component::Principal.index()] = account.principal();
        let mut owed = [Decimal::ZERO; 4];
        owed[Component::Principal.index()] = account.principal();
        State {
            items: vec![Item {
                component: Component::Principal,
                due: None,
                charged: account.principal(),
                paid: Decimal::ZERO,
                waived: Decimal::ZERO,
                bearing: Decimal::ZERO,
            }],
            item_event: vec![None],
            owed,
            credit: Decimal::ZERO,
            totals,
            status: StatusHistory::new(Status::Current, account.opened_on()),
            charged_off: false,
            accrued_through: account.opened_on(),
            exact_interest: Decimal::ZERO,
            rounded_interest: Decimal::ZERO,
            charges: Decimal::ZERO,
            bearing_interest: Decimal::ZERO,
            auto: Vec::new(),
            funds: Decimal::ZERO,
            date: account.opened_on(),
            entries: Vec::new(),
        }
    }

    /// The state on the day the account opens: the principal split into the obligations' items and
    /// what no obligation makes due.
    pub(crate) fn open(account: &Account, events: &[Event]) -> Result<State> {
        let mut items = Vec::new();
        let mut item_event = Vec::new();
        let mut scheduled = Decimal::ZERO;
        let mut obligations: Vec<(NaiveDate, Decimal, usize)> = events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match e.kind {
                EventKind::Obligation { amount } => Some((e.date, amount, i)),
                _ => None,
            })
            .collect();
        obligations.sort();
        let mut auto = Vec::new();
        let grace = account.terms().late_fee().map(|r| r.grace_days);
        for (date, amount, i) in obligations {
            scheduled = add(scheduled, amount, "amount")?;
            if scheduled > account.principal() {
                return Err(Error::invalid(
                    "amount",
                    format!("#{i} {amount} on {date}"),
                    format!(
                        "the obligations add up to more than the principal {}",
                        account.principal()
                    ),
                ));
            }
            auto.push((date, Auto::Due(items.len())));
            if let Some(g) = grace {
                let check = date
                    .checked_add_days(Days::new(u64::from(g) + 1))
                    .ok_or_else(|| Error::date_range("date", date))?;
                auto.push((check, Auto::LateFeeCheck(items.len())));
            }
            items.push(Item {
                component: Component::Principal,
                due: Some(date),
                charged: amount,
                paid: Decimal::ZERO,
                waived: Decimal::ZERO,
                bearing: Decimal::ZERO,
            });
            item_event.push(Some(i));
        }
        let rest = account.principal() - scheduled;
        if rest > Decimal::ZERO {
            items.push(Item {
                component: Component::Principal,
                due: None,
                charged: rest,
                paid: Decimal::ZERO,
                waived: Decimal::ZERO,
                bearing: Decimal::ZERO,
            });
            item_event.push(None);
        }
        auto.sort_unstable_by(|a, b| b.cmp(a));
        Ok(State {
            items,
            item_event,
            auto,
            ..State::new(account)
        })
    }

    pub(crate) fn balances(&self) -> Balances {
        Balances {
            principal: self.owed[Component::Principal.index()],
            interest: self.owed[Component::Interest.index()],
            fees: self.owed[Component::Fee.index()],
            penalties: self.owed[Component::Penalty.index()],
            credit: self.credit,
        }
    }

    pub(crate) fn totals(&self) -> &Totals {
        &self.totals
    }

    pub(crate) fn status(&self) -> &StatusHistory {
        &self.status
    }

    pub(crate) fn items(&self) -> &[Item] {
        &self.items
    }

    fn push_entry(
        &mut self,
        date: NaiveDate,
        kind: EntryKind,
        event: Option<usize>,
        amount: Decimal,
        allocations: Vec<Allocation>,
    ) {
        self.entries.push(Entry {
            date,
            kind,
            event,
            amount,
            allocations,
            to_credit: Decimal::ZERO,
            capped: Decimal::ZERO,
            balances: self.balances(),
            status: self.status.current(),
        });
    }

    fn pay_item(&mut self, i: usize, amount: Decimal) {
        let c = self.items[i].component.index();
        self.items[i].paid += amount;
        self.owed[c] -= amount;
        self.totals.paid[c] += amount;
        self.stop_bearing(i, amount);
    }

    fn forgive_item(&mut self, i: usize, amount: Decimal) {
        let c = self.items[i].component.index();
        self.items[i].waived += amount;
        self.owed[c] -= amount;
        self.totals.forgiven[c] += amount;
        self.stop_bearing(i, amount);
    }

    /// `amount` of item `i` paid or forgiven: as much of its interest-bearing part stops bearing
    /// interest (that part is the oldest, so it goes first).
    fn stop_bearing(&mut self, i: usize, amount: Decimal) {
        let cut = self.items[i].bearing.min(amount);
        self.items[i].bearing -= cut;
        self.bearing_interest -= cut;
    }

    /// Adds a charge of `component` due on `due`, cut to the cap's headroom for non-principal
    /// components. Returns (charged, cut off).
    fn charge(
        &mut self,
        account: &Account,
        component: Component,
        due: Option<NaiveDate>,
        amount: Decimal,
    ) -> Result<(Decimal, Decimal)> {
        let mut charged = amount;
        if component != Component::Principal {
            if let Some(cap) = account.terms().charge_cap() {
                let limit = mul(cap, account.principal(), "charge_cap")?.round_dp_with_strategy(
                    account.currency().minor_units(),
                    RoundingStrategy::ToZero,
                );
                let room = (limit - self.charges).max(Decimal::ZERO);
                charged = charged.min(room);
            }
            self.charges = add(self.charges, charged, "amount")?;
        }
        let capped = amount - charged;
        self.totals.capped += capped;
        if charged > Decimal::ZERO {
            let c = component.index();
            self.owed[c] = add(self.owed[c], charged, "amount")?;
            self.totals.charged[c] = add(self.totals.charged[c], charged, "amount")?;
            match self
                .items
                .iter()
                .rposition(|it| it.component == component && it.due == due)
            {
                Some(i) => self.items[i].charged += charged,
                None => self.items.push(Item {
                    component,
                    due,
                    charged,
                    paid: Decimal::ZERO,
                    waived: Decimal::ZERO,
                    bearing: Decimal::ZERO,
                }),
            }
            if self.item_event.len() < self.items.len() {
                self.item_event.push(None);
            }
        }
        Ok((charged, capped))
    }

    /// The oldest due date among principal and interest not fully paid, due before `on` (or on it,
    /// with `inclusive`).
    pub(crate) fn oldest_unpaid(&self, on: NaiveDate, inclusive: bool) -> Option<NaiveDate> {
        self.items
            .iter()
            .filter(|it| matches!(it.component, Component::Principal | Component::Interest))
            .filter(|it| it.unpaid() > Decimal::ZERO)
            .filter_map(|it| it.due.filter(|d| *d < on || (inclusive && *d == on)))
            .min()
    }

    /// The due date of interest posted on `on`: the next obligation's due date, or the last one's when
    /// none falls due later (interest after maturity is due at once), or none without obligations.
    /// It depends only on which obligation period the interest accrued in, never on when it was
    /// posted.
    fn interest_due(&self, on: NaiveDate) -> Option<NaiveDate> {
        let dues = self
            .items
            .iter()
            .filter(|it| it.component == Component::Principal)
            .filter_map(|it| it.due);
        let mut next = None;
        let mut last = None;
        for d in dues {
            if d >= on && next.is_none_or(|n| d < n) {
                next = Some(d);
            }
            if last.is_none_or(|l| d > l) {
                last = Some(d);
            }
        }
        next.or(last)
    }

    /// Computes interest for the days from `accrued_through` up to (not including) `to`.
    fn accrue(&mut self, account: &Account, to: NaiveDate) -> Result<()> {
        if to <= self.accrued_through {
            return Ok(());
        }
        let terms = account.terms();
        let mut base = self.owed[Component::Principal.index()];
        if terms.interest_mode() == InterestMode::CompoundAtDueDates {
            base = add(base, self.bearing_interest, "interest")?;
        }
        if base <= Decimal::ZERO || self.charged_off || self.status.current().is_terminal() {
            self.accrued_through = to;
            return Ok(());
        }
        let oldest = self.oldest_unpaid(self.accrued_through, true);
        let basis = terms.day_count().basis();
        let penalty = terms.penalty_rate();
        let mut t = self.accrued_through;
        while t < to {
            let mut next = to;
            if let Some(c) = terms.rates().next_change_after(t) {
                next = next.min(c);
            }
            let mut frozen = false;
            for r in terms.freezes().ranges() {
                if r.end() < t {
                    continue;
                }
                if r.start() <= t {
                    frozen = true;
                    next = next.min(next_day(r.end())?);
                } else {
                    next = next.min(r.start());
                }
                break;
            }
            // The penalty rate applies on days more than `after_days` past the oldest unpaid due
            // date (unpaid before this accrual started: nothing is paid or falls due in between,
            // except obligations, which are steps of their own).
            let mut penalised = false;
            if let (Some(p), Some(o)) = (penalty, oldest) {
                let start = o
                    .checked_add_days(Days::new(u64::from(p.after_days) + 1))
                    .ok_or_else(|| Error::date_range("date", o))?;
                if start <= t {
                    penalised = true;
                } else {
                    next = next.min(start);
                }
            }
            if !frozen {
                let mut rate = terms.rates().rate_on(t).unwrap_or(Decimal::ZERO);
                if penalised {
                    if let Some(p) = penalty {
                        rate = p.rate;
                    }
                }
                if let Some(max) = terms.max_rate() {
                    rate = rate.min(max);
                }
                let years = match basis {
                    Some(_) => Decimal::from(terms.day_count().days(t, next)),
                    None => terms.day_count().year_fraction(t, next)?,
                };
                let amount = mul(mul(base, rate, "interest")?, years, "interest")?;
                self.exact_interest = add(self.exact_interest, amount, "interest")?;
            }
            t = next;
        }
        self.accrued_through = to;
        Ok(())
    }

    /// Accrues to `date` and posts what has accrued, rounded so that the posted total is always the
    /// exact total rounded once.
    fn post_interest(&mut self, account: &Account, date: NaiveDate) -> Result<()> {
        self.accrue(account, date)?;
        let rounding = account.terms().rounding();
        let rounded = match account.terms().day_count().basis() {
            Some(b) => round_fraction(
                self.exact_interest,
                u64::from(b),
                account.currency(),
                rounding,
            )?,
            None => round_decimal(
                self.exact_interest,
                account.currency().minor_units(),
                rounding,
            )?,
        };
        let delta = rounded - self.rounded_interest;
        if delta <= Decimal::ZERO {
            return Ok(());
        }
        self.rounded_interest = rounded;
        let due = self.interest_due(date);
        let (charged, capped) = self.charge(account, Component::Interest, due, delta)?;
        self.push_entry(date, EntryKind::Interest, None, charged, Vec::new());
        if let Some(e) = self.entries.last_mut() {
            e.capped = capped;
        }
        Ok(())
    }

    /// Runs the terms' own steps dated on or before `through`, accruing interest up to each.
    fn catch_up(&mut self, account: &Account, through: NaiveDate) -> Result<()> {
        while let Some(&(date, step)) = self.auto.last() {
            if date > through {
                break;
            }
            self.auto.pop();
            self.post_interest(account, date)?;
            self.date = date;
            match step {
                Auto::Due(i) => {
                    if account.terms().interest_mode() == InterestMode::CompoundAtDueDates {
                        // Interest unpaid on a due date bears interest from then on.
                        for it in &mut self.items {
                            if it.component == Component::Interest {
                                it.bearing = it.unpaid();
                            }
                        }
                        self.bearing_interest = self.owed[Component::Interest.index()];
                    }
                    let amount = self.items[i].unpaid();
                    let event = self.item_event.get(i).copied().flatten();
                    self.push_entry(date, EntryKind::Obligation, event, amount, Vec::new());
                }
                Auto::DueAgain(_) => {}
                Auto::LateFeeCheck(i) => self.late_fee_check(account, date, i)?,
            }
            self.apply_credit(account, date)?;
        }
        Ok(())
    }

    /// The late fee of obligation `i` on `date` (its check day), if it is still short, by the rule
    /// without pyramiding.
    fn late_fee_check(&mut self, account: &Account, date: NaiveDate, i: usize) -> Result<()> {
        let Some(rule) = account.terms().late_fee().cloned() else {
            return Ok(());
        };
        let Some(due) = self.items[i].due else {
            return Ok(());
        };
        if self.status.current().is_terminal()
            || self.charged_off
            || account.terms().freezes().contains(date)
        {
            return Ok(());
        }
        // Principal and interest due up to this obligation, net of forgiveness, against every
        // payment so far applied to them alone.
        let mut due_by = Decimal::ZERO;
        let mut own = Decimal::ZERO;
        for it in &self.items {
            if matches!(it.component, Component::Principal | Component::Interest) {
                if let Some(d) = it.due.filter(|d| *d <= due) {
                    let net = it.charged - it.waived;
                    due_by += net;
                    if d == due {
                        own += net;
                    }
                }
            }
        }
        let short = (due_by - self.funds).min(own);
        if short <= Decimal::ZERO {
            return Ok(());
        }
        let units = account.currency().minor_units();
        let mut fee = rule.flat
            + round_decimal(
                mul(short, rule.percent, "late_fee")?,
                units,
                account.terms().rounding(),
            )?;
        fee = fee.max(rule.minimum);
        if let Some(max) = rule.maximum {
            fee = fee.min(max);
        }
        if fee <= Decimal::ZERO {
            return Ok(());
        }
        let (charged, capped) = self.charge(account, rule.component, Some(date), fee)?;
        self.push_entry(date, EntryKind::LateFee, None, charged, Vec::new());
        if let Some(e) = self.entries.last_mut() {
            e.capped = capped;
        }
        Ok(())
    }

    /// Pays items in the strategy's order from `funds`; returns the allocations and what is left.
    fn allocate(
        &mut self,
        account: &Account,
        date: NaiveDate,
        mut funds: Decimal,
        overpayment: bool,
    ) -> Result<(Vec<Allocation>, Decimal)> {
        let mut allocations = Vec::new();
        let order = account.terms().allocation().order(&self.items, date);
        for i in order {
            if funds <= Decimal::ZERO {
                break;
            }
            let take = self.items[i].unpaid().min(funds);
            self.pay_item(i, take);
            funds -= take;
            allocations.push(Allocation {
                component: self.items[i].component,
                due_date: self.items[i].due,
                amount: take,
            });
        }
        if overpayment && funds > Decimal::ZERO {
            let ahead = |it: &Item| {
                it.component == Component::Principal
                    && it.unpaid() > Decimal::ZERO
                    && it.due.is_none_or(|d| d > date)
            };
            match account.terms().overpayment() {
                OverpaymentRule::HoldAsCredit => {}
                OverpaymentRule::ReduceTerm => {
                    let mut idx: Vec<usize> = (0..self.items.len())
                        .filter(|i| ahead(&self.items[*i]))
                        .collect();
                    // Unscheduled principal first, then the latest obligations.
                    idx.sort_by_key(|i| {
                        std::cmp::Reverse((self.items[*i].due.is_none(), self.items[*i].due))
                    });
                    for i in idx {
                        if funds <= Decimal::ZERO {
                            break;
                        }
                        let take = self.items[i].unpaid().min(funds);
                        self.pay_item(i, take);
                        funds -= take;
                        allocations.push(Allocation {
                            component: Component::Principal,
                            due_date: self.items[i].due,
                            amount: take,
                        });
                    }
                }
                OverpaymentRule::ReducePayment => {
                    let mut idx: Vec<usize> = (0..self.items.len())
                        .filter(|i| ahead(&self.items[*i]))
                        .collect();
                    idx.sort_by_key(|i| (self.items[*i].due.is_none(), self.items[*i].due));
                    let total: Decimal = idx.iter().map(|i| self.items[*i].unpaid()).sum();
                    let spend = funds.min(total);
                    let units = account.currency().minor_units();
                    let mut shares: Vec<Decimal> = idx
                        .iter()
                        .map(|i| {
                            if spend == total {
                                self.items[*i].unpaid()
                            } else {
                                (spend * self.items[*i].unpaid() / total)
                                    .round_dp_with_strategy(units, RoundingStrategy::ToZero)
                            }
                        })
                        .collect();
                    let unit = Decimal::new(1, units);
                    let mut left = spend - shares.iter().copied().sum::<Decimal>();
                    // Cents left by rounding down go to the latest obligations.
                    for (k, i) in idx.iter().enumerate().rev() {
                        if left <= Decimal::ZERO {
                            break;
                        }
                        if shares[k] < self.items[*i].unpaid() {
                            shares[k] += unit;
                            left -= unit;
                        }
                    }
                    for (k, i) in idx.iter().enumerate() {
                        if shares[k] > Decimal::ZERO {
                            self.pay_item(*i, shares[k]);
                            funds -= shares[k];
                            allocations.push(Allocation {
                                component: Component::Principal,
                                due_date: self.items[*i].due,
                                amount: shares[k],
                            });
                        }
                    }
                }
            }
        }
        Ok((allocations, funds))
    }

    /// Applies a credit balance to what has fallen due, by the strategy.
    fn apply_credit(&mut self, account: &Account, date: NaiveDate) -> Result<()> {
        if self.credit <= Decimal::ZERO {
            return Ok(());
        }
        let credit = self.credit;
        let (allocations, left) = self.allocate(account, date, credit, false)?;
        if allocations.is_empty() {
            return Ok(());
        }
        self.credit = left;
        self.push_entry(
            date,
            EntryKind::CreditApplied,
            None,
            credit - left,
            allocations,
        );
        self.settle_if_paid(date)
    }

    /// Marks the account paid in full when nothing is owed any more.
    fn settle_if_paid(&mut self, date: NaiveDate) -> Result<()> {
        if self.balances().owed() == Decimal::ZERO && !self.status.current().is_terminal() {
            self.change_status(date, Status::PaidInFull, "everything owed is paid", None)?;
        }
        Ok(())
    }

    fn change_status(
        &mut self,
        date: NaiveDate,
        to: Status,
        reason: &str,
        event: Option<usize>,
    ) -> Result<()> {
        self.status.change(to, date, reason)?;
        self.push_entry(date, EntryKind::Status, event, Decimal::ZERO, Vec::new());
        Ok(())
    }

    /// Forgives `amount` of `component` (oldest charges first), or everything owed when `component`
    /// is `None`; returns the allocations.
    fn forgive(
        &mut self,
        component: Option<Component>,
        amount: Option<Decimal>,
    ) -> Vec<Allocation> {
        let mut idx: Vec<usize> = (0..self.items.len())
            .filter(|i| component.is_none_or(|c| self.items[*i].component == c))
            .filter(|i| self.items[*i].unpaid() > Decimal::ZERO)
            .collect();
        idx.sort_by_key(|i| (self.items[*i].due.is_none(), self.items[*i].due, *i));
        let mut left = amount;
        let mut allocations = Vec::new();
        for i in idx {
            let take = match left {
                Some(l) if l <= Decimal::ZERO => break,
                Some(l) => self.items[i].unpaid().min(l),
                None => self.items[i].unpaid(),
            };
            self.forgive_item(i, take);
            if let Some(l) = left.as_mut() {
                *l -= take;
            }
            allocations.push(Allocation {
                component: self.items[i].component,
                due_date: self.items[i].due,
                amount: take,
            });
        }
        allocations
    }

    /// Brings the state to the end of `through`'s steps and posts interest to it (used for balances as
    /// of a date after the last event).
    pub(crate) fn advance(&mut self, account: &Account, through: NaiveDate) -> Result<()> {
        self.catch_up(account, through)?;
        self.post_interest(account, through)?;
        self.apply_credit(account, through)?;
        if through > self.date {
            self.date = through;
        }
        Ok(())
    }

    /// Applies one event (already validated on its own) at its date.
    pub(crate) fn apply(&mut self, account: &Account, index: usize, event: &Event) -> Result<()> {
        let date = event.date;
        self.catch_up(account, date)?;
        self.post_interest(account, date)?;
        self.date = date;
        let current = self.status.current();
        let refuse_closed = |what: &str| -> Result<()> {
            if current.is_terminal() {
                return Err(Error::invalid(
                    "status",
                    current,
                    format!("the account is closed: no {what} after a terminal status"),
                ));
            }
            Ok(())
        };
        match &event.kind {
            EventKind::Obligation { .. } => {}
            EventKind::Accrue => {}
            EventKind::Fee {
                component, amount, ..
            } => {
                refuse_closed("fee")?;
                let (charged, capped) = self.charge(account, *component, Some(date), *amount)?;
                self.push_entry(date, EntryKind::Fee, Some(index), charged, Vec::new());
                if let Some(e) = self.entries.last_mut() {
                    e.capped = capped;
                }
            }
            EventKind::Payment { amount, .. } => {
                self.funds += *amount;
                self.totals.payments += *amount;
                let (allocations, left) = self.allocate(account, date, *amount, true)?;
                self.credit += left;
                self.push_entry(date, EntryKind::Payment, Some(index), *amount, allocations);
                if let Some(e) = self.entries.last_mut() {
                    e.to_credit = left;
                }
                self.settle_if_paid(date)?;
            }
            EventKind::Reversal { .. } => {
                self.push_entry(
                    date,
                    EntryKind::Reversal,
                    Some(index),
                    Decimal::ZERO,
                    Vec::new(),
                );
            }
            EventKind::Refund { amount } => {
                if *amount > self.credit {
                    return Err(Error::invalid(
                        "amount",
                        amount,
                        format!("is more than the credit balance {} on {date}", self.credit),
                    ));
                }
                self.credit -= *amount;
                self.funds -= *amount;
                self.totals.refunds += *amount;
                self.push_entry(date, EntryKind::Refund, Some(index), *amount, Vec::new());
            }
            EventKind::Waiver {
                component, amount, ..
            } => {
                refuse_closed("waiver")?;
                let owed = self.owed[component.index()];
                if *amount > owed {
                    return Err(Error::invalid(
                        "amount",
                        amount,
                        format!("is more than the {component} balance {owed} on {date}"),
                    ));
                }
                let allocations = self.forgive(Some(*component), Some(*amount));
                self.push_entry(date, EntryKind::Waiver, Some(index), *amount, allocations);
                self.settle_if_paid(date)?;
            }
            EventKind::Adjustment {
                component, amount, ..
            } => {
                refuse_closed("adjustment")?;
                if *amount > Decimal::ZERO {
                    let (charged, capped) =
                        self.charge(account, *component, Some(date), *amount)?;
                    self.push_entry(
                        date,
                        EntryKind::Adjustment,
                        Some(index),
                        charged,
                        Vec::new(),
                    );
                    if let Some(e) = self.entries.last_mut() {
                        e.capped = capped;
                    }
                } else {
                    let owed = self.owed[component.index()];
                    if -*amount > owed {
                        return Err(Error::invalid(
                            "amount",
                            amount,
                            format!("would take the {component} balance {owed} below zero"),
                        ));
                    }
                    let allocations = self.forgive(Some(*component), Some(-*amount));
                    self.push_entry(
                        date,
                        EntryKind::Adjustment,
                        Some(index),
                        *amount,
                        allocations,
                    );
                    self.settle_if_paid(date)?;
                }
            }
            EventKind::Extension { days, .. } => {
                refuse_closed("extension")?;
                self.extend(date, *days)?;
                self.push_entry(
                    date,
                    EntryKind::Extension,
                    Some(index),
                    Decimal::from(*days),
                    Vec::new(),
                );
            }
            EventKind::Settlement { reason } => {
                refuse_closed("settlement")?;
                let allocations = self.forgive(None, None);
                let amount = allocations.iter().map(|a| a.amount).sum();
                self.push_entry(
                    date,
                    EntryKind::Settlement,
                    Some(index),
                    amount,
                    allocations,
                );
                self.change_status(date, Status::Settled, reason, Some(index))?;
            }
            EventKind::WriteOff { reason } => {
                refuse_closed("write-off")?;
                let allocations = self.forgive(None, None);
                let amount = allocations.iter().map(|a| a.amount).sum();
                self.push_entry(date, EntryKind::WriteOff, Some(index), amount, allocations);
                self.change_status(date, Status::WrittenOff, reason, Some(index))?;
            }
            EventKind::ChargeOff { reason } => {
                refuse_closed("charge-off")?;
                self.charged_off = true;
                self.push_entry(
                    date,
                    EntryKind::ChargeOff,
                    Some(index),
                    Decimal::ZERO,
                    Vec::new(),
                );
                self.change_status(date, Status::ChargedOff, reason, Some(index))?;
            }
            EventKind::StatusChange { to, reason } => {
                self.change_status(date, *to, reason, Some(index))?;
            }
        }
        self.apply_credit(account, date)
    }

    /// Moves every principal and interest charge not fully paid, and every obligation still to fall
    /// due, `days` later; their pending steps move with them. A charge that had already fallen due
    /// falls due again on its new date (a step of its own, so that credit is applied to it then).
    fn extend(&mut self, date: NaiveDate, days: u32) -> Result<()> {
        let shift = |d: NaiveDate| {
            d.checked_add_days(Days::new(u64::from(days)))
                .ok_or_else(|| Error::date_range("days", d))
        };
        let mut moved = Vec::new();
        let mut due_again = Vec::new();
        for (i, it) in self.items.iter_mut().enumerate() {
            if !matches!(it.component, Component::Principal | Component::Interest) {
                continue;
            }
            if let Some(d) = it.due {
                if it.unpaid() > Decimal::ZERO || d > date {
                    let new = shift(d)?;
                    it.due = Some(new);
                    moved.push(i);
                    if d <= date {
                        due_again.push((new, Auto::DueAgain(i)));
                    }
                }
            }
        }
        for (d, a) in self.auto.iter_mut() {
            let (Auto::Due(i) | Auto::DueAgain(i) | Auto::LateFeeCheck(i)) = *a;
            if moved.contains(&i) {
                *d = shift(*d)?;
            }
        }
        self.auto.extend(due_again);
        self.auto.sort_unstable_by(|a, b| b.cmp(a));
        Ok(())
    }
}

/// Checks an event on its own (amounts, currency) before any replay.
pub(crate) fn check_event(account: &Account, event: &Event) -> Result<()> {
    if event.date < account.opened_on() {
        return Err(Error::invalid(
            "date",
            event.date,
            format!("is before the account opened on {}", account.opened_on()),
        ));
    }
    let currency = account.currency();
    let reason_ok = |reason: &str| -> Result<()> {
        if reason.trim().is_empty() {
            return Err(Error::invalid(
                "reason",
                format!("{reason:?}"),
                "must not be empty",
            ));
        }
        Ok(())
    };
    match &event.kind {
        EventKind::Obligation { amount } | EventKind::Refund { amount } => {
            money_amount("amount", *amount, currency)
        }
        EventKind::Accrue => Ok(()),
        EventKind::Fee {
            component,
            amount,
            reason,
        } => {
            if !matches!(component, Component::Fee | Component::Penalty) {
                return Err(Error::invalid(
                    "component",
                    component,
                    "a fee event charges a fee or a penalty",
                ));
            }
            money_amount("amount", *amount, currency)?;
            reason_ok(reason)
        }
        EventKind::Payment {
            id,
            amount,
            currency: paid_in,
        } => {
            if id.trim().is_empty() {
                return Err(Error::invalid(
                    "id",
                    format!("{id:?}"),
                    "a payment needs an id",
                ));
            }
            if *paid_in != currency {
                return Err(Error::CurrencyMismatch {
                    field: "currency",
                    left: currency.code().to_string(),
                    right: paid_in.code().to_string(),
                });
            }
            money_amount("amount", *amount, currency)
        }
        EventKind::Reversal { reason, .. } => reason_ok(reason),
        EventKind::Waiver { amount, reason, .. } => {
            money_amount("amount", *amount, currency)?;
            reason_ok(reason)
        }
        EventKind::Adjustment { amount, reason, .. } => {
            if *amount == Decimal::ZERO {
                return Err(Error::invalid(
                    "amount",
                    amount,
                    "an adjustment may not be zero",
                ));
            }
            money_amount("amount", amount.abs(), currency)?;
            reason_ok(reason)
        }
        EventKind::Extension { days, reason } => {
            if *days == 0 || *days > 36_500 {
                return Err(Error::invalid("days", days, "must be from 1 to 36,500"));
            }
            reason_ok(reason)
        }
        EventKind::Settlement { reason }
        | EventKind::ChargeOff { reason }
        | EventKind::WriteOff { reason }
        | EventKind::StatusChange { reason, .. } => reason_ok(reason),
    }
}
