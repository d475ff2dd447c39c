//! The status lifecycle of a debt: the statuses, the transitions allowed between them, and a dated history.
//!
//! Beyond the statuses the issue names, a collections system needs three pauses besides a dispute
//! (`hardship`, a breathing space or forbearance; `fraud`, an identity-theft claim under investigation)
//! and three ends besides payment and write-off (`closed`, administratively without a loss; `recalled`,
//! returned to the client that placed it; `sold`, assigned to a debt buyer).
//!
//! The statuses fall in three groups:
//! - **working**: `current`, `delinquent`, `in_arrangement`, `arrangement_broken`, `legal`,
//!   `charged_off`, `bankrupt`, `deceased`;
//! - **pauses**: `disputed`, `hardship`, `fraud`: collection stops, and the account returns to the status
//!   it held before (or ends);
//! - **terminal**: `settled`, `paid_in_full`, `written_off`, `closed`, `recalled`, `sold`: nothing
//!   follows (a debt that comes back, a reversed final payment say, is a new account).
//!
//! The rules, checked in this order by [`transition`] (each pair's answer is the first rule that
//! decides it):
//! 1. A status cannot change to itself.
//! 2. Nothing follows a terminal status.
//! 3. Any open status may end as `paid_in_full`, `settled`, `written_off`, `closed` or `recalled`.
//! 4. `sold` follows any open status but `bankrupt` and the pauses (Regulation F, 12 CFR 1006.30(b),
//!    bars selling a debt discharged in bankruptcy or under an identity-theft report; here a debt in an
//!    open case, a dispute or hardship waits for the outcome too).
//! 5. `deceased` follows any open status.
//! 6. `bankrupt` follows any open status but `deceased`.
//! 7. A pause follows any open status but `bankrupt` and `deceased` (the court or the estate decides).
//! 8. A pause returns to a working status ([`StatusHistory`] allows only the status held before it).
//! 9. `current` follows `delinquent`, `in_arrangement` or `arrangement_broken` (the arrears are cleared).
//! 10. `delinquent` follows `current` (a missed payment), `arrangement_broken` (back to ordinary
//!     collections) or `bankrupt` (the case dismissed).
//! 11. `in_arrangement` follows `current`, `delinquent`, `arrangement_broken`, `legal` or `charged_off`.
//! 12. `arrangement_broken` follows only `in_arrangement`.
//! 13. `legal` follows `delinquent`, `arrangement_broken`, `charged_off` or `deceased` (a claim on the
//!     estate).
//! 14. `charged_off` follows `delinquent`, `in_arrangement`, `arrangement_broken`, `legal`, `bankrupt` or
//!     `deceased` (FFIEC: on the days-past-due threshold, or when a loss is known).
//! 15. Anything else is refused.
//!
//! [`StatusHistory`] adds two rules that need the past: a pause returns only to the working status held
//! before it (rule 8), and once `charged_off`, never `current` or `delinquent` again (a charge-off is not
//! undone by a status; recoveries are credited to it).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::aging::by_name;
use crate::error::{Error, Result};

/// The status of a debt.
///
/// ```
/// use collections_core::debt::status::Status;
///
/// let s: Status = "paid-in-full".parse()?;
/// assert_eq!(s, Status::PaidInFull);
/// assert_eq!(s.name(), "paid_in_full");
/// assert!(s.is_terminal());
/// assert_eq!("lost".parse::<Status>().unwrap_err().field(), "status");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Up to date.
    Current,
    /// Past due, in ordinary collections.
    Delinquent,
    /// Paying under a repayment arrangement.
    InArrangement,
    /// An arrangement was broken; not yet decided what follows.
    ArrangementBroken,
    /// The debtor disputes the debt; collection paused.
    Disputed,
    /// Hardship, breathing space or forbearance; collection paused.
    Hardship,
    /// An identity-theft or fraud claim under investigation; collection paused.
    Fraud,
    /// In legal proceedings or under a judgment.
    Legal,
    /// The debtor is in bankruptcy or another insolvency procedure.
    Bankrupt,
    /// The debtor has died; the estate is dealt with.
    Deceased,
    /// Charged off the books; collection may continue.
    ChargedOff,
    /// Settled for less than the balance, and the settlement paid (terminal).
    Settled,
    /// Paid in full (terminal).
    PaidInFull,
    /// Written off: no further collection (terminal).
    WrittenOff,
    /// Closed administratively without a loss, e.g. opened in error or fraud confirmed (terminal).
    Closed,
    /// Returned to the client that placed it (terminal).
    Recalled,
    /// Sold to a debt buyer (terminal).
    Sold,
}

impl Status {
    /// Every status, in declaration order.
    pub const ALL: [Status; 17] = [
        Status::Current,
        Status::Delinquent,
        Status::InArrangement,
        Status::ArrangementBroken,
        Status::Disputed,
        Status::Hardship,
        Status::Fraud,
        Status::Legal,
        Status::Bankrupt,
        Status::Deceased,
        Status::ChargedOff,
        Status::Settled,
        Status::PaidInFull,
        Status::WrittenOff,
        Status::Closed,
        Status::Recalled,
        Status::Sold,
    ];

    /// The snake_case name: `current`, `delinquent`, `in_arrangement`, `arrangement_broken`,
    /// `disputed`, `hardship`, `fraud`, `legal`, `bankrupt`, `deceased`, `charged_off`, `settled`,
    /// `paid_in_full`, `written_off`, `closed`, `recalled`, `sold`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Delinquent => "delinquent",
            Status::InArrangement => "in_arrangement",
            Status::ArrangementBroken => "arrangement_broken",
            Status::Disputed => "disputed",
            Status::Hardship => "hardship",
            Status::Fraud => "fraud",
            Status::Legal => "legal",
            Status::Bankrupt => "bankrupt",
            Status::Deceased => "deceased",
            Status::ChargedOff => "charged_off",
            Status::Settled => "settled",
            Status::PaidInFull => "paid_in_full",
            Status::WrittenOff => "written_off",
            Status::Closed => "closed",
            Status::Recalled => "recalled",
            Status::Sold => "sold",
        }
    }

    /// Whether nothing may follow it: settled, paid in full, written off, closed, recalled, sold.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            Status::Settled
                | Status::PaidInFull
                | Status::WrittenOff
                | Status::Closed
                | Status::Recalled
                | Status::Sold
        )
    }

    /// Whether it pauses collection and returns to the prior status: disputed, hardship, fraud.
    pub fn is_pause(self) -> bool {
        matches!(self, Status::Disputed | Status::Hardship | Status::Fraud)
    }

    /// Whether a transition from `self` to `to` is allowed by the table (rules 1 to 15 of the module
    /// documentation), without the history's rules.
    ///
    /// ```
    /// use collections_core::debt::status::Status;
    ///
    /// assert!(Status::Delinquent.can_become(Status::InArrangement));
    /// assert!(!Status::PaidInFull.can_become(Status::Delinquent));
    /// ```
    pub fn can_become(self, to: Status) -> bool {
        rule(self, to).is_ok()
    }
}

by_name!(Status, "status");

/// The table: `Ok` or the reason for refusing, by the module documentation's rules in order.
fn rule(from: Status, to: Status) -> std::result::Result<(), &'static str> {
    use Status::*;
    if from == to {
        return Err("the status is already that");
    }
    if from.is_terminal() {
        return Err("nothing follows a terminal status");
    }
    let allowed = match to {
        PaidInFull | Settled | WrittenOff | Closed | Recalled => return Ok(()),
        Sold if from == Bankrupt || from.is_pause() => {
            return Err(
                "a debt in bankruptcy, dispute, hardship or under a fraud claim is not sold",
            )
        }
        Sold | Deceased => return Ok(()),
        Bankrupt if from == Deceased => {
            return Err("a deceased debtor's estate is not made bankrupt")
        }
        Bankrupt => return Ok(()),
        Disputed | Hardship | Fraud if matches!(from, Bankrupt | Deceased) => {
            return Err("the court or the estate decides; no pause")
        }
        Disputed | Hardship | Fraud => return Ok(()),
        _ if from.is_pause() => return Ok(()),
        Current => &[Delinquent, InArrangement, ArrangementBroken][..],
        Delinquent => &[Current, ArrangementBroken, Bankrupt][..],
        InArrangement => &[Current, Delinquent, ArrangementBroken, Legal, ChargedOff][..],
        ArrangementBroken => &[InArrangement][..],
        Legal => &[Delinquent, ArrangementBroken, ChargedOff, Deceased][..],
        ChargedOff => &[
            Delinquent,
            InArrangement,
            ArrangementBroken,
            Legal,
            Bankrupt,
            Deceased,
        ][..],
    };
    if allowed.contains(&from) {
        Ok(())
    } else {
        Err("not an allowed transition")
    }
}

/// One change of status: from, to, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// The status before.
    pub from: Status,
    /// The status after.
    pub to: Status,
    /// The date it took effect.
    pub date: NaiveDate,
    /// Why (for the audit trail; not empty).
    pub reason: String,
}

/// Checks a change against the transition table and returns its record.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::status::{transition, Status};
///
/// let date = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
/// let change = transition(Status::Delinquent, Status::InArrangement, date, "12-month plan agreed")?;
/// assert_eq!(change.to, Status::InArrangement);
///
/// let err = transition(Status::PaidInFull, Status::Delinquent, date, "payment reversed").unwrap_err();
/// assert_eq!((err.field(), err.value()), ("status", "paid_in_full -> delinquent".to_string()));
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn transition(
    from: Status,
    to: Status,
    date: NaiveDate,
    reason: impl Into<String>,
) -> Result<StatusChange> {
    let reason = reason.into();
    rule(from, to).map_err(|why| Error::invalid("status", format!("{from} -> {to}"), why))?;
    if reason.trim().is_empty() {
        return Err(Error::invalid(
            "reason",
            format!("{reason:?}"),
            "a status change needs a reason",
        ));
    }
    Ok(StatusChange {
        from,
        to,
        date,
        reason,
    })
}

/// Every status change of one account, in order, with the history's own rules: a change may not be dated
/// before the last one (several on one day keep their order), a pause returns only to the status held
/// before it, and after a charge-off the account is never current or delinquent again.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::status::{Status, StatusHistory};
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let mut h = StatusHistory::new(Status::Current, d(1, 1));
/// h.change(Status::Delinquent, d(2, 2), "January installment missed")?;
/// h.change(Status::Disputed, d(2, 10), "debtor disputes the amount")?;
/// assert_eq!(h.change(Status::Current, d(3, 1), "dispute resolved").unwrap_err().value(),
///            "disputed -> current");
/// h.change(Status::Delinquent, d(3, 1), "dispute rejected")?;
/// assert_eq!(h.status_on(d(2, 15)), Some(Status::Disputed));
/// assert_eq!(h.status_on(d(2, 1)), Some(Status::Current));
/// assert_eq!(h.status_on(d(1, 1).pred_opt().unwrap()), None); // before it opened
/// assert!(h.change(Status::Legal, d(2, 28), "back-dated").is_err());
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StatusHistoryRepr")]
pub struct StatusHistory {
    initial: Status,
    opened_on: NaiveDate,
    changes: Vec<StatusChange>,
}

#[derive(Deserialize)]
struct StatusHistoryRepr {
    initial: Status,
    opened_on: NaiveDate,
    changes: Vec<StatusChange>,
}

impl TryFrom<StatusHistoryRepr> for StatusHistory {
    type Error = Error;
    /// Replays the changes, so a stored history obeys the same rules.
    fn try_from(r: StatusHistoryRepr) -> Result<Self> {
        let mut h = StatusHistory::new(r.initial, r.opened_on);
        for c in r.changes {
            if c.from != h.current() {
                return Err(Error::invalid(
                    "changes",
                    format!("{} -> {} on {}", c.from, c.to, c.date),
                    format!("the account was {} then", h.current()),
                ));
            }
            h.change(c.to, c.date, c.reason)?;
        }
        Ok(h)
    }
}

impl StatusHistory {
    /// A history that starts in `initial` on `opened_on` (any status, so an account can be taken over
    /// mid-life).
    pub fn new(initial: Status, opened_on: NaiveDate) -> StatusHistory {
        StatusHistory {
            initial,
            opened_on,
            changes: Vec::new(),
        }
    }

    /// The status now (after the last change).
    pub fn current(&self) -> Status {
        self.changes.last().map_or(self.initial, |c| c.to)
    }

    /// The status it started in.
    pub fn initial(&self) -> Status {
        self.initial
    }

    /// The date it starts.
    pub fn opened_on(&self) -> NaiveDate {
        self.opened_on
    }

    /// The date of the last change (or of the opening).
    pub fn last_date(&self) -> NaiveDate {
        self.changes.last().map_or(self.opened_on, |c| c.date)
    }

    /// Every change, in order.
    pub fn changes(&self) -> &[StatusChange] {
        &self.changes
    }

    /// The working status a pause would return to: the status held before the current run of pauses.
    /// `None` when the account is not paused, or was opened paused.
    pub fn returns_to(&self) -> Option<Status> {
        if !self.current().is_pause() {
            return None;
        }
        self.changes
            .iter()
            .rev()
            .find(|c| !c.from.is_pause())
            .map(|c| c.from)
    }

    /// Records a change to `to` on `date`, after checking the table and the history's rules.
    pub fn change(
        &mut self,
        to: Status,
        date: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<&StatusChange> {
        let from = self.current();
        let pair = || format!("{from} -> {to}");
        if date < self.last_date() {
            return Err(Error::invalid(
                "date",
                date,
                format!(
                    "is before the last change on {} ({})",
                    self.last_date(),
                    pair()
                ),
            ));
        }
        let change = transition(from, to, date, reason)?;
        if from.is_pause() && !to.is_pause() && is_return(to) {
            if let Some(prior) = self.returns_to().filter(|p| *p != to) {
                return Err(Error::invalid(
                    "status",
                    pair(),
                    format!("a pause returns to the status before it ({prior})"),
                ));
            }
        }
        let charged_off = self.initial == Status::ChargedOff
            || self.changes.iter().any(|c| c.to == Status::ChargedOff);
        if charged_off && matches!(to, Status::Current | Status::Delinquent) {
            return Err(Error::invalid(
                "status",
                pair(),
                "a charged-off account is never current or delinquent again",
            ));
        }
        self.changes.push(change);
        Ok(&self.changes[self.changes.len() - 1])
    }

    /// The status in force at the end of `date`; `None` before the history opens.
    pub fn status_on(&self, date: NaiveDate) -> Option<Status> {
        if date < self.opened_on {
            return None;
        }
        let n = self.changes.partition_point(|c| c.date <= date);
        Some(match n {
            0 => self.initial,
            _ => self.changes[n - 1].to,
        })
    }
}

/// Whether leaving a pause for `to` is a return (rule 8) rather than an end (rules 3 to 6).
fn is_return(to: Status) -> bool {
    !to.is_terminal() && !matches!(to, Status::Bankrupt | Status::Deceased)
}
