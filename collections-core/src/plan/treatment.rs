//! Treatment and escalation: a policy, as data, mapping an account's state to the next action, with the
//! rule that fired and why.
//!
//! Rules are tried in order and the first whose every condition holds fires (a decision list: the order
//! is the priority, so a dispute or hardship rule goes before the dunning ladder). A policy is plain JSON
//! (serde), checked on the way in as when built. [`TreatmentPolicy::standard`] is a starting point, not
//! advice: a disputed debt is verified before collection goes on (FDCPA §809(b), 15 U.S.C. 1692g(b)),
//! a customer in financial difficulty is offered forbearance (FCA CONC 7.3.4), debtors unwilling or unable
//! to pay are brought to a supervisor, and legal action is reviewed before it is taken.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::affordability::Assessment;
use crate::debt::aging::by_name;
use crate::error::{Error, Result};

/// A recommended next action.
///
/// ```
/// use collections_core::plan::Action;
/// assert_eq!("legal-review".parse::<Action>()?, Action::LegalReview);
/// assert_eq!(Action::ALL.len(), 10);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Action {
    /// A payment reminder (letter, e-mail, text).
    Reminder,
    /// A call to the debtor.
    Call,
    /// Offer a repayment plan.
    PaymentPlanOffer,
    /// Offer a settlement.
    SettlementOffer,
    /// The final notice before escalation.
    FinalNotice,
    /// Bring the account to a supervisor.
    EscalateToSupervisor,
    /// Review the account for legal action.
    LegalReview,
    /// Place the account with a collection agency.
    AgencyPlacement,
    /// Review the debtor's hardship (forbearance, breathing space).
    HardshipReview,
    /// Write the balance off.
    WriteOff,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 10] = [
        Action::Reminder,
        Action::Call,
        Action::PaymentPlanOffer,
        Action::SettlementOffer,
        Action::FinalNotice,
        Action::EscalateToSupervisor,
        Action::LegalReview,
        Action::AgencyPlacement,
        Action::HardshipReview,
        Action::WriteOff,
    ];

    /// The kebab-case name (`payment-plan-offer`).
    pub fn name(self) -> &'static str {
        match self {
            Action::Reminder => "reminder",
            Action::Call => "call",
            Action::PaymentPlanOffer => "payment-plan-offer",
            Action::SettlementOffer => "settlement-offer",
            Action::FinalNotice => "final-notice",
            Action::EscalateToSupervisor => "escalate-to-supervisor",
            Action::LegalReview => "legal-review",
            Action::AgencyPlacement => "agency-placement",
            Action::HardshipReview => "hardship-review",
            Action::WriteOff => "write-off",
        }
    }
}

by_name!(Action, "action");

/// The outcome of the last contact attempt.
///
/// ```
/// use collections_core::plan::ContactOutcome;
/// assert_eq!("right-party-contact".parse::<ContactOutcome>()?, ContactOutcome::RightPartyContact);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ContactOutcome {
    /// No attempt yet.
    #[default]
    NotAttempted,
    /// Nobody answered.
    NoAnswer,
    /// A message was left.
    LeftMessage,
    /// Someone other than the debtor.
    WrongParty,
    /// The debtor was reached.
    RightPartyContact,
    /// The debtor was reached and promised to pay.
    PromisedToPay,
    /// The debtor was reached and refused to pay.
    RefusedToPay,
}

impl ContactOutcome {
    /// Every outcome.
    pub const ALL: [ContactOutcome; 7] = [
        ContactOutcome::NotAttempted,
        ContactOutcome::NoAnswer,
        ContactOutcome::LeftMessage,
        ContactOutcome::WrongParty,
        ContactOutcome::RightPartyContact,
        ContactOutcome::PromisedToPay,
        ContactOutcome::RefusedToPay,
    ];

    /// The kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            ContactOutcome::NotAttempted => "not-attempted",
            ContactOutcome::NoAnswer => "no-answer",
            ContactOutcome::LeftMessage => "left-message",
            ContactOutcome::WrongParty => "wrong-party",
            ContactOutcome::RightPartyContact => "right-party-contact",
            ContactOutcome::PromisedToPay => "promised-to-pay",
            ContactOutcome::RefusedToPay => "refused-to-pay",
        }
    }
}

by_name!(ContactOutcome, "contact_outcome");

/// What an affordability assessment found.
///
/// ```
/// use collections_core::plan::Affordability;
/// assert_eq!("deficit".parse::<Affordability>()?, Affordability::Deficit);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Affordability {
    /// No assessment.
    #[default]
    NotAssessed,
    /// Disposable income above zero.
    Surplus,
    /// Disposable income at or below zero.
    Deficit,
}

impl Affordability {
    /// Every result.
    pub const ALL: [Affordability; 3] = [
        Affordability::NotAssessed,
        Affordability::Surplus,
        Affordability::Deficit,
    ];

    /// `not-assessed`, `surplus` or `deficit`.
    pub fn name(self) -> &'static str {
        match self {
            Affordability::NotAssessed => "not-assessed",
            Affordability::Surplus => "surplus",
            Affordability::Deficit => "deficit",
        }
    }

    /// Surplus or deficit, from an assessment's disposable income.
    pub fn of(assessment: &Assessment) -> Affordability {
        if assessment.disposable_income > Decimal::ZERO {
            Affordability::Surplus
        } else {
            Affordability::Deficit
        }
    }
}

by_name!(Affordability, "affordability");

/// An account's state, as the policy reads it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AccountState {
    /// Days past due (the aging module's count).
    pub days_past_due: u32,
    /// What is owed.
    pub balance: Decimal,
    /// Promises broken (tracking's missed installments, over the account's arrangements).
    pub broken_promises: u32,
    /// Contact attempts since the last right-party contact.
    pub failed_contact_attempts: u32,
    /// The last contact's outcome.
    pub last_contact: ContactOutcome,
    /// What the affordability assessment found.
    pub affordability: Affordability,
    /// Whether the debt is disputed.
    pub disputed: bool,
    /// Whether the debtor declared hardship (or vulnerability).
    pub hardship: bool,
    /// Whether an arrangement is active.
    pub active_plan: bool,
}

/// The conditions of a rule; every one given must hold (none given: always).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Conditions {
    /// At least this many days past due.
    pub min_days_past_due: Option<u32>,
    /// At most this many days past due.
    pub max_days_past_due: Option<u32>,
    /// A balance of at least this.
    pub min_balance: Option<Decimal>,
    /// A balance of at most this.
    pub max_balance: Option<Decimal>,
    /// At least this many broken promises.
    pub min_broken_promises: Option<u32>,
    /// At least this many failed contact attempts.
    pub min_failed_contact_attempts: Option<u32>,
    /// The last contact's outcome is one of these.
    pub last_contact: Option<Vec<ContactOutcome>>,
    /// The affordability result is one of these.
    pub affordability: Option<Vec<Affordability>>,
    /// Disputed or not.
    pub disputed: Option<bool>,
    /// Hardship or not.
    pub hardship: Option<bool>,
    /// An active plan or not.
    pub active_plan: Option<bool>,
}

impl Conditions {
    fn validate(&self) -> Result<()> {
        if let (Some(lo), Some(hi)) = (self.min_days_past_due, self.max_days_past_due) {
            if lo > hi {
                return Err(Error::invalid(
                    "max_days_past_due",
                    hi,
                    format!("must not be below min_days_past_due {lo}"),
                ));
            }
        }
        for (field, v) in [
            ("min_balance", self.min_balance),
            ("max_balance", self.max_balance),
        ] {
            if let Some(v) = v.filter(|v| *v < Decimal::ZERO) {
                return Err(Error::invalid(field, v, "must not be negative"));
            }
        }
        if let (Some(lo), Some(hi)) = (self.min_balance, self.max_balance) {
            if lo > hi {
                return Err(Error::invalid(
                    "max_balance",
                    hi,
                    format!("must not be below min_balance {lo}"),
                ));
            }
        }
        if self.last_contact.as_ref().is_some_and(Vec::is_empty) {
            return Err(Error::invalid(
                "last_contact",
                "[]",
                "list at least one outcome",
            ));
        }
        if self.affordability.as_ref().is_some_and(Vec::is_empty) {
            return Err(Error::invalid(
                "affordability",
                "[]",
                "list at least one result",
            ));
        }
        Ok(())
    }

    /// Why the conditions hold for `s`, one fact per condition, or `None` when one fails.
    fn explain(&self, s: &AccountState) -> Option<Vec<String>> {
        let mut facts = Vec::new();
        let mut check = |holds: bool, fact: String| {
            facts.push(fact);
            holds
        };
        let holds = self.min_days_past_due.is_none_or(|m| {
            check(
                s.days_past_due >= m,
                format!("{} days past due >= {m}", s.days_past_due),
            )
        }) && self.max_days_past_due.is_none_or(|m| {
            check(
                s.days_past_due <= m,
                format!("{} days past due <= {m}", s.days_past_due),
            )
        }) && self
            .min_balance
            .is_none_or(|m| check(s.balance >= m, format!("balance {} >= {m}", s.balance)))
            && self
                .max_balance
                .is_none_or(|m| check(s.balance <= m, format!("balance {} <= {m}", s.balance)))
            && self.min_broken_promises.is_none_or(|m| {
                check(
                    s.broken_promises >= m,
                    format!("{} broken promises >= {m}", s.broken_promises),
                )
            })
            && self.min_failed_contact_attempts.is_none_or(|m| {
                check(
                    s.failed_contact_attempts >= m,
                    format!(
                        "{} failed contact attempts >= {m}",
                        s.failed_contact_attempts
                    ),
                )
            })
            && self.last_contact.as_ref().is_none_or(|list| {
                check(
                    list.contains(&s.last_contact),
                    format!("last contact {}", s.last_contact),
                )
            })
            && self.affordability.as_ref().is_none_or(|list| {
                check(
                    list.contains(&s.affordability),
                    format!("affordability {}", s.affordability),
                )
            })
            && self.disputed.is_none_or(|b| {
                check(s.disputed == b, format!("disputed: {}", yes_no(s.disputed)))
            })
            && self.hardship.is_none_or(|b| {
                check(s.hardship == b, format!("hardship: {}", yes_no(s.hardship)))
            })
            && self.active_plan.is_none_or(|b| {
                check(
                    s.active_plan == b,
                    format!("active plan: {}", yes_no(s.active_plan)),
                )
            });
        holds.then_some(facts)
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// A named rule: when its conditions hold, recommend `action` because of `reason`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreatmentRule {
    /// A name, unique in its policy.
    pub name: String,
    /// When it fires.
    #[serde(default)]
    pub when: Conditions,
    /// What it recommends.
    pub action: Action,
    /// Why (shown to the collector).
    pub reason: String,
}

/// A recommendation: the action, the rule that fired, its reason and the facts that made it fire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The action.
    pub action: Action,
    /// The rule's name.
    pub rule: String,
    /// The rule's reason.
    pub reason: String,
    /// Each condition of the rule, as it held for the account.
    pub facts: Vec<String>,
}

/// An ordered list of rules; the first that holds fires.
///
/// ```
/// use collections_core::plan::{AccountState, Action, TreatmentPolicy};
/// use rust_decimal::Decimal;
///
/// let policy: TreatmentPolicy = serde_json::from_str(r#"{"rules": [
///     {"name": "dispute", "when": {"disputed": true}, "action": "escalate-to-supervisor", "reason": "verify first"},
///     {"name": "late", "when": {"min_days_past_due": 30}, "action": "call", "reason": "a month late"}
/// ]}"#)?;
/// let state = AccountState { days_past_due: 45, balance: Decimal::from(800), ..AccountState::default() };
/// let r = policy.recommend(&state).unwrap();
/// assert_eq!((r.action, r.rule.as_str()), (Action::Call, "late"));
/// assert_eq!(r.facts, ["45 days past due >= 30"]);
/// assert!(policy.recommend(&AccountState::default()).is_none());
/// // A policy is checked as it is read.
/// let bad = r#"{"rules": [{"name": "x", "when": {"min_days_past_due": 9, "max_days_past_due": 3}, "action": "call", "reason": "r"}]}"#;
/// assert!(serde_json::from_str::<TreatmentPolicy>(bad).unwrap_err().to_string().contains("max_days_past_due"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TreatmentPolicyRepr")]
pub struct TreatmentPolicy {
    rules: Vec<TreatmentRule>,
}

#[derive(Deserialize)]
struct TreatmentPolicyRepr {
    rules: Vec<TreatmentRule>,
}

impl TryFrom<TreatmentPolicyRepr> for TreatmentPolicy {
    type Error = Error;
    fn try_from(r: TreatmentPolicyRepr) -> Result<Self> {
        TreatmentPolicy::new(r.rules)
    }
}

impl TreatmentPolicy {
    /// Checks the rules: at least one; names and reasons not blank, names distinct; each rule's bounds
    /// in order. An error's value names the rule.
    pub fn new(rules: Vec<TreatmentRule>) -> Result<TreatmentPolicy> {
        if rules.is_empty() {
            return Err(Error::invalid("rules", "[]", "need at least one rule"));
        }
        for (i, r) in rules.iter().enumerate() {
            let at = |e: Error| e.map_value(|v| format!("rule #{i} {:?}: {v}", r.name));
            if r.name.trim().is_empty() {
                return Err(at(Error::invalid("name", "\"\"", "must not be blank")));
            }
            if rules[..i].iter().any(|o| o.name == r.name) {
                return Err(at(Error::invalid("name", &r.name, "appears twice")));
            }
            if r.reason.trim().is_empty() {
                return Err(at(Error::invalid("reason", "\"\"", "must not be blank")));
            }
            r.when.validate().map_err(at)?;
        }
        Ok(TreatmentPolicy { rules })
    }

    /// The rules, in priority order.
    pub fn rules(&self) -> &[TreatmentRule] {
        &self.rules
    }

    /// The first rule that holds for `state`, or `None` when none does (nothing to do).
    pub fn recommend(&self, state: &AccountState) -> Option<Recommendation> {
        self.rules.iter().find_map(|r| {
            r.when.explain(state).map(|facts| Recommendation {
                action: r.action,
                rule: r.name.clone(),
                reason: r.reason.clone(),
                facts,
            })
        })
    }

    /// A starting policy (edit it as data): disputes, hardship, small balances long overdue, legal review
    /// and agency placement late, supervisors for debtors unwilling or unable to pay, then the dunning
    /// ladder (settlement or final notice at 90 days, a plan offer at 30 with a surplus, a call at 15,
    /// a reminder from the first day).
    ///
    /// ```
    /// use collections_core::plan::{AccountState, Action, Affordability, TreatmentPolicy};
    /// use rust_decimal::Decimal;
    ///
    /// let p = TreatmentPolicy::standard();
    /// let state = |days, broken| AccountState { days_past_due: days, balance: Decimal::from(3000),
    ///     broken_promises: broken, affordability: Affordability::Surplus, ..AccountState::default() };
    /// assert_eq!(p.recommend(&state(5, 0)).unwrap().action, Action::Reminder);
    /// assert_eq!(p.recommend(&state(40, 0)).unwrap().action, Action::PaymentPlanOffer);
    /// assert_eq!(p.recommend(&state(40, 2)).unwrap().action, Action::EscalateToSupervisor);
    /// assert_eq!(p.recommend(&state(130, 2)).unwrap().action, Action::LegalReview);
    /// assert_eq!(p.recommend(&AccountState { disputed: true, ..state(130, 2) }).unwrap().action, Action::EscalateToSupervisor);
    /// ```
    pub fn standard() -> TreatmentPolicy {
        let rule = |name: &str, when: Conditions, action, reason: &str| TreatmentRule {
            name: name.to_string(),
            when,
            action,
            reason: reason.to_string(),
        };
        let days = |d| Conditions {
            min_days_past_due: Some(d),
            ..Conditions::default()
        };
        let rules = vec![
            rule(
                "dispute",
                Conditions { disputed: Some(true), ..Conditions::default() },
                Action::EscalateToSupervisor,
                "a disputed debt is verified before collection goes on (FDCPA 809(b))",
            ),
            rule(
                "hardship",
                Conditions { hardship: Some(true), ..Conditions::default() },
                Action::HardshipReview,
                "a customer in financial difficulty is offered forbearance (FCA CONC 7.3.4)",
            ),
            rule(
                "small-balance-write-off",
                Conditions { max_balance: Some(Decimal::from(50)), ..days(180) },
                Action::WriteOff,
                "a small balance six months past due costs more to collect than it brings",
            ),
            rule(
                "legal-review",
                Conditions {
                    min_balance: Some(Decimal::from(2500)),
                    min_broken_promises: Some(2),
                    ..days(120)
                },
                Action::LegalReview,
                "a large balance, 120 days past due, with promises broken: legal action is reviewed before it is taken",
            ),
            rule(
                "agency-placement",
                days(150),
                Action::AgencyPlacement,
                "in-house collection has run its course",
            ),
            rule(
                "unwilling",
                Conditions {
                    min_broken_promises: Some(2),
                    ..Conditions::default()
                },
                Action::EscalateToSupervisor,
                "promises broken twice: the debtor seems unwilling to pay",
            ),
            rule(
                "unable",
                Conditions {
                    affordability: Some(vec![Affordability::Deficit]),
                    ..days(1)
                },
                Action::HardshipReview,
                "the assessment shows no surplus: the debtor cannot pay as agreed",
            ),
            rule(
                "settle",
                Conditions {
                    last_contact: Some(vec![
                        ContactOutcome::RightPartyContact,
                        ContactOutcome::PromisedToPay,
                    ]),
                    ..days(90)
                },
                Action::SettlementOffer,
                "90 days past due and reachable: a settlement recovers more than escalation",
            ),
            rule(
                "final-notice",
                days(90),
                Action::FinalNotice,
                "90 days past due: the last notice before escalation",
            ),
            rule(
                "plan-offer",
                Conditions {
                    affordability: Some(vec![Affordability::Surplus]),
                    active_plan: Some(false),
                    ..days(30)
                },
                Action::PaymentPlanOffer,
                "a month past due with a surplus to pay from",
            ),
            rule("call", days(15), Action::Call, "two weeks past due"),
            rule("reminder", days(1), Action::Reminder, "a payment was missed"),
        ];
        TreatmentPolicy { rules }
    }
}
