//! Fair-share offers across the ABI (the core's `affordability::offers`): what is available a month
//! split among non-priority creditors (`coll_creditor`) pro rata by balance, to the minor unit, with
//! token payments and a per-creditor minimum (`coll_offer_policy`), into the `coll_fair_share` handle.

use std::ffi::c_char;

use collections_core::affordability::{fair_share, Creditor, FairShare, OfferPolicy};

use super::{coll_offer_basis, OFFER_BASES};
use crate::debt::{at_item, bad_index, text_or_empty, Text};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::{coll_currency, coll_decimal};
use crate::ptr;

/// A non-priority creditor and what is owed to it. A plain value; its id is read during the call.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_creditor {
    /// The creditor's (or the debt's) reference (UTF-8), not blank, unique in the list.
    pub id: *const c_char,
    /// Bytes in `id`.
    pub id_len: usize,
    /// The balance owed, above zero, in the currency's minor units.
    pub balance: coll_decimal,
}

/// Token payments and the per-creditor minimum. Start from `coll_offer_policy_init`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_offer_policy {
    /// The token payment offered to each creditor when nothing is available, and to a creditor whose
    /// share falls below `minimum` (zero or more, in minor units). Default 1.
    pub token_payment: coll_decimal,
    /// The least pro-rata offer; a creditor whose share is below it gets the token payment and the rest
    /// is shared again among the others (zero or more). Default 0: no minimum.
    pub minimum: coll_decimal,
}

/// One creditor's offer. `creditor` points into the `coll_fair_share` (valid until it is freed,
/// NUL-terminated). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_offer {
    /// The creditor's id.
    pub creditor: *const c_char,
    /// Bytes in `creditor`.
    pub creditor_len: usize,
    /// What it is owed.
    pub balance: coll_decimal,
    /// The monthly offer.
    pub amount: coll_decimal,
    /// How it was made, a `COLL_OFFER_BASIS_` constant.
    pub basis: coll_offer_basis,
}

/// The totals of a fair share. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_fair_share_totals {
    /// What was available a month.
    pub available: coll_decimal,
    /// The sum of the offers: `available` exactly whenever it is above zero.
    pub total: coll_decimal,
    /// 1 when there was no surplus and every offer is a token payment, else 0.
    pub no_surplus: u8,
    /// 1 when the token payments of the creditors below the minimum would have taken everything, so
    /// the minimum was set aside and `available` shared pro rata among all creditors; else 0.
    pub minimum_set_aside: u8,
}

/// Offers to every creditor, from `coll_fair_share_new`. Opaque; freed by `coll_fair_share_free`. It
/// never changes, so threads may share it.
#[allow(non_camel_case_types)]
#[derive(Debug, Clone)]
pub struct coll_fair_share {
    inner: FairShare,
    /// Per offer, the creditor's id.
    ids: Vec<Text>,
}

fn into_handle(inner: FairShare) -> *mut coll_fair_share {
    let ids = inner
        .offers
        .iter()
        .map(|o| Text::new(&o.creditor))
        .collect();
    ptr::into_handle(coll_fair_share { inner, ids })
}

/// Fills `*out` with the core's defaults: a token payment of 1, no minimum.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_offer_policy`.
#[no_mangle]
pub unsafe extern "C" fn coll_offer_policy_init(out: *mut coll_offer_policy) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let p = OfferPolicy::default();
        out.write(coll_offer_policy {
            token_payment: coll_decimal::from_core(p.token_payment),
            minimum: coll_decimal::from_core(p.minimum),
        });
        Ok(())
    })
}

/// Splits `available` a month (in `currency`) among `n_creditors` creditors pro rata by balance
/// (available × balance / total owed), each offer rounded to the currency's minor units by the
/// largest-remainder method so the offers add up to `available` exactly (the cents left over go to the
/// largest remainders, ties to the earlier creditor). With nothing available (zero or less) every
/// creditor is offered the token payment. A creditor whose share falls below the policy's minimum gets
/// the token payment instead and the rest is shared again among the others; if the tokens would take
/// everything, the minimum is set aside and `available` is shared among all. `policy` may be NULL (the
/// defaults of `coll_offer_policy_init`); `creditors` may be NULL when `n_creditors` is 0 (which is
/// refused).
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`creditors`: none, a blank or repeated id, a
/// balance not above zero or finer than the currency's minor units, the value naming the creditor;
/// `available`, `token_payment`, `minimum`: finer than the minor units; `token_payment`, `minimum`:
/// negative), `COLL_INVALID_DECIMAL` (`available`, `creditors.balance`, `token_payment`, `minimum`),
/// `COLL_UNKNOWN_CURRENCY` (`currency`), `COLL_INVALID_UTF8` (`creditors.id`) or `COLL_OVERFLOW`. An
/// error about one creditor names it (`#1`) after the field.
///
/// Ownership: every input is borrowed for the call. On success `*out` is a new handle the caller owns
/// and frees with `coll_fair_share_free`.
///
/// # Safety
/// `available` and `currency` are NULL or readable; `creditors` is NULL or points to `n_creditors`
/// readable creditors whose ids are NULL or valid for their lengths; `policy` is NULL or readable;
/// `out` is NULL or points to a writable `coll_fair_share *`.
#[no_mangle]
pub unsafe extern "C" fn coll_fair_share_new(
    available: *const coll_decimal,
    currency: *const coll_currency,
    creditors: *const coll_creditor,
    n_creditors: usize,
    policy: *const coll_offer_policy,
    out: *mut *mut coll_fair_share,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (available, currency, creditors, policy, out) = unsafe {
            (
                ptr::read(available, "available")?,
                ptr::read(currency, "currency")?,
                ptr::read_slice_or_empty(creditors, n_creditors, "creditors")?,
                ptr::read_optional(policy),
                ptr::out(out, "out")?,
            )
        };
        let creditors = creditors
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let one = || -> FfiResult<Creditor> {
                    // SAFETY: the caller's contract for each id.
                    let id = unsafe { text_or_empty(c.id, c.id_len, "creditors.id")? };
                    Ok(Creditor::new(id, c.balance.to_core("creditors.balance")?))
                };
                one().map_err(|f| at_item(f, &format!("#{i}")))
            })
            .collect::<FfiResult<Vec<_>>>()?;
        let policy = match policy {
            Some(p) => OfferPolicy {
                token_payment: p.token_payment.to_core("token_payment")?,
                minimum: p.minimum.to_core("minimum")?,
            },
            None => OfferPolicy::default(),
        };
        let inner = fair_share(
            available.to_core("available")?,
            currency.to_core("currency")?,
            &creditors,
            &policy,
        )?;
        out.write(into_handle(inner));
        Ok(())
    })
}

/// Frees a fair share (and the ids it lent). NULL is a no-op.
///
/// # Safety
/// `fair_share` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_fair_share_free(fair_share: *mut coll_fair_share) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(fair_share) }
}

/// A copy of a fair share, freed separately with `coll_fair_share_free`.
///
/// Ownership: on success `*out` is a new handle the caller owns; the copy lends text of its own.
///
/// # Safety
/// `fair_share` is NULL or a live handle; `out` is NULL or points to a writable `coll_fair_share *`.
#[no_mangle]
pub unsafe extern "C" fn coll_fair_share_clone(
    fair_share: *const coll_fair_share,
    out: *mut *mut coll_fair_share,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(fair_share, "fair_share", out, |f| {
            Ok(into_handle(f.inner.clone()))
        })
    }
}

/// What was available, the total offered and the two flags, in `*out`.
///
/// # Safety
/// `fair_share` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_fair_share_totals`.
#[no_mangle]
pub unsafe extern "C" fn coll_fair_share_get_totals(
    fair_share: *const coll_fair_share,
    out: *mut coll_fair_share_totals,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(fair_share, "fair_share", out, |f| {
            Ok(coll_fair_share_totals {
                available: coll_decimal::from_core(f.inner.available),
                total: coll_decimal::from_core(f.inner.total),
                no_surplus: u8::from(f.inner.no_surplus),
                minimum_set_aside: u8::from(f.inner.minimum_set_aside),
            })
        })
    }
}

/// The number of offers: one per creditor, in the order given.
///
/// # Safety
/// `fair_share` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_fair_share_offer_count(
    fair_share: *const coll_fair_share,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(fair_share, "fair_share", out, |f| Ok(f.inner.offers.len())) }
}

/// Offer `index` (the creditor at `index` in the list given) in `*out`, its creditor id lent by the
/// fair share. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `fair_share` is NULL or a live handle; `out` is NULL or points to a writable `coll_offer`.
#[no_mangle]
pub unsafe extern "C" fn coll_fair_share_offer_at(
    fair_share: *const coll_fair_share,
    index: usize,
    out: *mut coll_offer,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(fair_share, "fair_share", out, |f| {
            let offers = &f.inner.offers;
            let (offer, id) = offers
                .iter()
                .zip(&f.ids)
                .nth(index)
                .ok_or_else(|| bad_index("index", index, offers.len()))?;
            Ok(coll_offer {
                creditor: id.ptr(),
                creditor_len: id.len(),
                balance: coll_decimal::from_core(offer.balance),
                amount: coll_decimal::from_core(offer.amount),
                basis: OFFER_BASES.constant(offer.basis)?,
            })
        })
    }
}
