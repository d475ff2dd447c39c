//! Fair-share (pro-rata) offers among non-priority creditors.

use std::collections::HashSet;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::money::{Currency, Money};

/// A non-priority creditor and what is owed to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Creditor {
    /// The creditor's (or the debt's) reference.
    pub id: String,
    /// The balance owed.
    pub balance: Decimal,
}

impl Creditor {
    /// A creditor; the balance is checked by [`fair_share`].
    pub fn new(id: impl Into<String>, balance: Decimal) -> Creditor {
        Creditor {
            id: id.into(),
            balance,
        }
    }
}

/// Token payments and the per-creditor minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferPolicy {
    /// The token payment offered to each creditor when there is no surplus, and to a creditor whose
    /// share falls below `minimum` (1.00 by default).
    pub token_payment: Decimal,
    /// The least pro-rata offer; a creditor whose share is below it gets the token payment and the rest
    /// is shared again among the others (0 by default: no minimum).
    pub minimum: Decimal,
}

impl Default for OfferPolicy {
    fn default() -> Self {
        OfferPolicy {
            token_payment: Decimal::ONE,
            minimum: Decimal::ZERO,
        }
    }
}

/// How an offer was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OfferBasis {
    /// A pro-rata share of what is available.
    ProRata,
    /// A token payment (no surplus, or a share below the minimum).
    Token,
}

impl OfferBasis {
    /// Both bases.
    pub const ALL: [OfferBasis; 2] = [OfferBasis::ProRata, OfferBasis::Token];

    /// `pro_rata` or `token`.
    pub fn name(self) -> &'static str {
        match self {
            OfferBasis::ProRata => "pro_rata",
            OfferBasis::Token => "token",
        }
    }
}

crate::debt::aging::by_name!(OfferBasis, "basis");

/// One creditor's offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    /// The creditor.
    pub creditor: String,
    /// What it is owed.
    pub balance: Decimal,
    /// The monthly offer.
    pub amount: Decimal,
    /// How it was made.
    pub basis: OfferBasis,
}

/// The result of [`fair_share`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairShare {
    /// What was available a month.
    pub available: Decimal,
    /// One offer per creditor, in the order given.
    pub offers: Vec<Offer>,
    /// The sum of the offers: `available` exactly whenever it is above zero.
    pub total: Decimal,
    /// True when there was no surplus and every offer is a token payment.
    pub no_surplus: bool,
    /// True when the token payments of the creditors below the minimum would have taken everything
    /// available, so the minimum was set aside and `available` shared pro rata among all creditors.
    pub minimum_set_aside: bool,
}

/// Splits `available` a month among non-priority creditors pro rata by balance (offer = available x
/// balance / total owed), each rounded to `currency`'s minor units by the largest-remainder method so
/// that the offers add up to `available` exactly (the cents left over go to the largest remainders,
/// ties to the earlier creditor).
///
/// With nothing available (zero or less), each creditor is offered the token payment. A creditor
/// whose share falls below `policy.minimum` gets the token payment instead and the rest is shared again
/// among the others, until every pro-rata share is at least the minimum; if the tokens would take
/// everything, the minimum is set aside and `available` is shared among all.
///
/// ```
/// use collections_core::affordability::{fair_share, Creditor, OfferPolicy};
/// use collections_core::Currency;
/// use rust_decimal::Decimal;
///
/// let creditors = [Creditor::new("bank", Decimal::from(3000)), Creditor::new("card", Decimal::from(1500)),
///                  Creditor::new("catalogue", Decimal::from(500))];
/// let f = fair_share(Decimal::from(100), Currency::GBP, &creditors, &OfferPolicy::default())?;
/// let amounts: Vec<String> = f.offers.iter().map(|o| o.amount.to_string()).collect();
/// assert_eq!(amounts, ["60.00", "30.00", "10.00"]);
/// // A minimum of 15: the catalogue gets a token 1.00 and 99.00 is shared by the other two.
/// let policy = OfferPolicy { minimum: Decimal::from(15), ..OfferPolicy::default() };
/// let f = fair_share(Decimal::from(100), Currency::GBP, &creditors, &policy)?;
/// let amounts: Vec<String> = f.offers.iter().map(|o| o.amount.to_string()).collect();
/// assert_eq!(amounts, ["66.00", "33.00", "1.00"]);
/// # Ok::<(), collections_core::Error>(())
/// ```
pub fn fair_share(
    available: Decimal,
    currency: Currency,
    creditors: &[Creditor],
    policy: &OfferPolicy,
) -> Result<FairShare> {
    let units = currency.minor_units();
    let in_units = |field: &'static str, v: Decimal| -> Result<()> {
        if v.normalize().scale() > units {
            return Err(Error::invalid(
                field,
                v,
                format!("must be in the {units} minor units of {currency}"),
            ));
        }
        Ok(())
    };
    in_units("available", available)?;
    in_units("token_payment", policy.token_payment)?;
    in_units("minimum", policy.minimum)?;
    if policy.token_payment.is_sign_negative() && !policy.token_payment.is_zero() {
        return Err(Error::invalid(
            "token_payment",
            policy.token_payment,
            "must not be negative",
        ));
    }
    if policy.minimum.is_sign_negative() && !policy.minimum.is_zero() {
        return Err(Error::invalid(
            "minimum",
            policy.minimum,
            "must not be negative",
        ));
    }
    if creditors.is_empty() {
        return Err(Error::invalid("creditors", "[]", "at least one creditor"));
    }
    let mut ids = HashSet::new();
    for (i, c) in creditors.iter().enumerate() {
        if c.id.trim().is_empty() {
            return Err(Error::invalid(
                "creditors",
                format!("#{i} {:?}", c.id),
                "a creditor needs an id",
            ));
        }
        if !ids.insert(c.id.as_str()) {
            return Err(Error::invalid(
                "creditors",
                format!("#{i} {}", c.id),
                "the id appears twice",
            ));
        }
        if c.balance <= Decimal::ZERO || c.balance.normalize().scale() > units {
            return Err(Error::invalid(
                "creditors",
                format!("#{i} {}: {}", c.id, c.balance),
                format!("a balance must be above zero, in the {units} minor units of {currency}"),
            ));
        }
    }
    let mut token = policy.token_payment;
    if token.scale() < units {
        token.rescale(units);
    }
    let mut offers: Vec<Offer> = creditors
        .iter()
        .map(|c| Offer {
            creditor: c.id.clone(),
            balance: c.balance,
            amount: token,
            basis: OfferBasis::Token,
        })
        .collect();
    if available <= Decimal::ZERO {
        let total = sum(offers.iter().map(|o| o.amount))?;
        return Ok(FairShare {
            available,
            offers,
            total,
            no_surplus: true,
            minimum_set_aside: false,
        });
    }
    let mut pro_rata: Vec<usize> = (0..creditors.len()).collect();
    let mut minimum_set_aside = false;
    loop {
        let tokens = policy
            .token_payment
            .checked_mul(Decimal::from(creditors.len() - pro_rata.len()))
            .ok_or_else(|| Error::overflow("token_payment", policy.token_payment))?;
        let rest = available - tokens;
        if pro_rata.is_empty() || rest <= Decimal::ZERO {
            // The tokens would take everything: share what is available among all.
            pro_rata = (0..creditors.len()).collect();
            minimum_set_aside = true;
            share(available, currency, creditors, &pro_rata, &mut offers)?;
            break;
        }
        share(rest, currency, creditors, &pro_rata, &mut offers)?;
        let below: Vec<usize> = pro_rata
            .iter()
            .copied()
            .filter(|&i| offers[i].amount < policy.minimum)
            .collect();
        if below.is_empty() {
            break;
        }
        for i in &below {
            offers[*i].amount = token;
            offers[*i].basis = OfferBasis::Token;
        }
        pro_rata.retain(|i| !below.contains(i));
    }
    let total = sum(offers.iter().map(|o| o.amount))?;
    Ok(FairShare {
        available,
        offers,
        total,
        no_surplus: false,
        minimum_set_aside,
    })
}

fn share(
    amount: Decimal,
    currency: Currency,
    creditors: &[Creditor],
    among: &[usize],
    offers: &mut [Offer],
) -> Result<()> {
    let weights: Vec<Decimal> = among.iter().map(|&i| creditors[i].balance).collect();
    let parts = Money::new(amount, currency)
        .split(&weights)
        .map_err(|e| e.with_field("available"))?;
    for (&i, part) in among.iter().zip(parts) {
        offers[i].amount = part.amount();
        offers[i].basis = OfferBasis::ProRata;
    }
    Ok(())
}

fn sum(values: impl Iterator<Item = Decimal>) -> Result<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
        .ok_or_else(|| Error::overflow("offers", "sum of offers"))
}
