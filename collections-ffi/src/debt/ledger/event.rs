//! Ledger events across the ABI: one tagged struct (`coll_ledger_event`) for every kind of the core's
//! `EventKind`. Each kind reads its own fields; a field it does not take that is given (not zero) is
//! refused, so a mistake is not silently ignored.

use std::ffi::c_char;

use collections_core::debt::ledger::{Event, EventKind};
use collections_core::Currency;

use super::{coll_component, COMPONENTS};
use crate::calendar::coll_date;
use crate::debt::status::{coll_debt_status, constant as status_constant, status};
use crate::debt::{not_taken, text_or_empty, CEnum, Text};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::{coll_currency, coll_decimal};
use crate::ptr;

/// What happened to an account: one of the `COLL_LEDGER_EVENT_` constants.
#[allow(non_camel_case_types)]
pub type coll_ledger_event_kind = u32;

/// `amount` of the principal falls due on the event's date (an installment or an invoice).
pub const COLL_LEDGER_EVENT_OBLIGATION: coll_ledger_event_kind = 0;
/// Post the interest accrued up to the date (interest is also posted at every other event).
pub const COLL_LEDGER_EVENT_ACCRUE: coll_ledger_event_kind = 1;
/// A fee or penalty assessed (`component`, `amount`, `reason`).
pub const COLL_LEDGER_EVENT_FEE: coll_ledger_event_kind = 2;
/// A payment received (`id`, `amount`, `currency`), allocated by the terms.
pub const COLL_LEDGER_EVENT_PAYMENT: coll_ledger_event_kind = 3;
/// A returned, dishonoured or mistaken payment (`id`: the payment's id; `reason`): taken out as if it
/// had never been made.
pub const COLL_LEDGER_EVENT_REVERSAL: coll_ledger_event_kind = 4;
/// Part or all of a credit balance paid back (`amount`).
pub const COLL_LEDGER_EVENT_REFUND: coll_ledger_event_kind = 5;
/// A charge forgiven (`component`, `amount`, `reason`).
pub const COLL_LEDGER_EVENT_WAIVER: coll_ledger_event_kind = 6;
/// A correction (`component`, signed `amount`, `reason`); a component never goes below zero.
pub const COLL_LEDGER_EVENT_ADJUSTMENT: coll_ledger_event_kind = 7;
/// A due-date extension (`days`, `reason`).
pub const COLL_LEDGER_EVENT_EXTENSION: coll_ledger_event_kind = 8;
/// A settlement (`reason`): what is still owed is forgiven; the status becomes settled.
pub const COLL_LEDGER_EVENT_SETTLEMENT: coll_ledger_event_kind = 9;
/// A charge-off (`reason`): balances stay owed, interest stops.
pub const COLL_LEDGER_EVENT_CHARGE_OFF: coll_ledger_event_kind = 10;
/// A write-off (`reason`): everything owed is written off.
pub const COLL_LEDGER_EVENT_WRITE_OFF: coll_ledger_event_kind = 11;
/// A change of status (`to`, `reason`), checked against the status transitions.
pub const COLL_LEDGER_EVENT_STATUS_CHANGE: coll_ledger_event_kind = 12;

/// The kinds by the core's names (`EventKind::name`).
pub(crate) const EVENT_KINDS: CEnum<&str> = CEnum {
    prefix: "COLL_LEDGER_EVENT_",
    field: "kind",
    constants: &[
        (COLL_LEDGER_EVENT_OBLIGATION, "obligation", c"obligation"),
        (COLL_LEDGER_EVENT_ACCRUE, "accrue", c"accrue"),
        (COLL_LEDGER_EVENT_FEE, "fee", c"fee"),
        (COLL_LEDGER_EVENT_PAYMENT, "payment", c"payment"),
        (COLL_LEDGER_EVENT_REVERSAL, "reversal", c"reversal"),
        (COLL_LEDGER_EVENT_REFUND, "refund", c"refund"),
        (COLL_LEDGER_EVENT_WAIVER, "waiver", c"waiver"),
        (COLL_LEDGER_EVENT_ADJUSTMENT, "adjustment", c"adjustment"),
        (COLL_LEDGER_EVENT_EXTENSION, "extension", c"extension"),
        (COLL_LEDGER_EVENT_SETTLEMENT, "settlement", c"settlement"),
        (COLL_LEDGER_EVENT_CHARGE_OFF, "charge_off", c"charge_off"),
        (COLL_LEDGER_EVENT_WRITE_OFF, "write_off", c"write_off"),
        (
            COLL_LEDGER_EVENT_STATUS_CHANGE,
            "status_change",
            c"status_change",
        ),
    ],
};

/// One event, of any kind. Start from `coll_ledger_event_init(kind, date, &e)`, then set the fields
/// the kind takes:
///
/// | kind | fields |
/// |---|---|
/// | obligation, refund | `amount` |
/// | accrue | none |
/// | fee, waiver, adjustment | `component`, `amount` (signed for an adjustment), `reason` |
/// | payment | `id`, `amount`, `currency` (all zeros: the account's) |
/// | reversal | `id` (the payment's), `reason` |
/// | extension | `days`, `reason` |
/// | settlement, charge off, write off | `reason` |
/// | status change | `to`, `reason` |
///
/// A field the kind does not take must be left as `_init` leaves it (zero, NULL with length 0, all-zero
/// currency); one that is given is refused with `COLL_INVALID_ARGUMENT` naming it. Text is UTF-8 with
/// its length (no NUL needed); NULL with length 0 is empty (refused where the core needs text).
///
/// Ownership: the struct and its text belong to the caller; posting copies them. An event read back
/// from a ledger (`coll_ledger_event_at`) points to text owned by the ledger, valid until it is freed.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_ledger_event {
    /// The effective date, not before the account opened.
    pub date: coll_date,
    /// A `COLL_LEDGER_EVENT_` constant.
    pub kind: coll_ledger_event_kind,
    /// The amount: greater than zero with at most the currency's minor units (an adjustment's is signed
    /// and not zero).
    pub amount: coll_decimal,
    /// A `COLL_COMPONENT_` constant (a fee event: fee or penalty).
    pub component: coll_component,
    /// A payment's unique id, or the id of the payment a reversal reverses.
    pub id: *const c_char,
    /// Bytes in `id`.
    pub id_len: usize,
    /// Why (not empty where the kind takes it).
    pub reason: *const c_char,
    /// Bytes in `reason`.
    pub reason_len: usize,
    /// An extension's days, 1 to 36,500.
    pub days: u32,
    /// A status change's new status, a `COLL_DEBT_STATUS_` constant.
    pub to: coll_debt_status,
    /// A payment's currency, which must be the account's; all zeros for the account's currency.
    pub currency: coll_currency,
}

const ZERO: coll_decimal = coll_decimal {
    lo: 0,
    hi: 0,
    scale: 0,
};

const NO_CURRENCY: coll_currency = coll_currency {
    code: [0; 4],
    minor_units: 0,
};

/// The fields each kind takes.
fn takes(kind: &str) -> &'static [&'static str] {
    match kind {
        "obligation" | "refund" => &["amount"],
        "accrue" => &[],
        "fee" | "waiver" | "adjustment" => &["component", "amount", "reason"],
        "payment" => &["id", "amount", "currency"],
        "reversal" => &["id", "reason"],
        "extension" => &["days", "reason"],
        "status_change" => &["to", "reason"],
        _ => &["reason"],
    }
}

/// Text shown in a message: the text itself when it is UTF-8, else its size.
///
/// # Safety
/// `p` is NULL or points to `len` readable bytes.
unsafe fn shown(p: *const c_char, len: usize) -> String {
    // SAFETY: forwarded contract.
    match unsafe { ptr::text(p, len, "") } {
        Ok(text) => format!("{text:?}"),
        Err(_) => format!("{len} bytes"),
    }
}

impl coll_ledger_event {
    /// The core event; `currency` is the account's (a payment's all-zero currency).
    ///
    /// # Safety
    /// `id` and `reason` are NULL or valid for their lengths.
    pub(crate) unsafe fn to_core(self, currency: Currency) -> FfiResult<Event> {
        let kind = EVENT_KINDS.core(self.kind, "kind")?;
        let takes = takes(kind);
        // A field the kind does not take, given: refused (its value shown only then).
        let given = [
            ("amount", self.amount.mantissa() != 0),
            ("component", self.component != 0),
            ("id", self.id_len != 0),
            ("reason", self.reason_len != 0),
            ("days", self.days != 0),
            ("to", self.to != 0),
            ("currency", self.currency != NO_CURRENCY),
        ];
        if let Some((field, _)) = given
            .into_iter()
            .find(|(field, given)| *given && !takes.contains(field))
        {
            let value = match field {
                "amount" => self.amount.to_core("amount").map_or_else(
                    |_| {
                        format!(
                            "mantissa {} with scale {}",
                            self.amount.mantissa(),
                            self.amount.scale
                        )
                    },
                    |d| d.to_string(),
                ),
                // SAFETY: the caller's contract.
                "id" => unsafe { shown(self.id, self.id_len) },
                // SAFETY: the caller's contract.
                "reason" => unsafe { shown(self.reason, self.reason_len) },
                "component" => self.component.to_string(),
                "days" => self.days.to_string(),
                "to" => self.to.to_string(),
                _ => self
                    .currency
                    .to_core("currency")
                    .map_or_else(|_| "a currency".to_string(), |c| c.code().to_string()),
            };
            return Err(not_taken(field, value, &format!("a {kind} event")));
        }
        let amount = || self.amount.to_core("amount");
        let component = || COMPONENTS.core(self.component, "component");
        // SAFETY: the caller's contract.
        let reason = || unsafe { text_or_empty(self.reason, self.reason_len, "reason") };
        // SAFETY: the caller's contract.
        let id = || unsafe { text_or_empty(self.id, self.id_len, "id") };
        let kind = match self.kind {
            COLL_LEDGER_EVENT_OBLIGATION => EventKind::Obligation { amount: amount()? },
            COLL_LEDGER_EVENT_ACCRUE => EventKind::Accrue,
            COLL_LEDGER_EVENT_FEE => EventKind::Fee {
                component: component()?,
                amount: amount()?,
                reason: reason()?.to_string(),
            },
            COLL_LEDGER_EVENT_PAYMENT => EventKind::Payment {
                id: id()?.to_string(),
                amount: amount()?,
                currency: if self.currency == NO_CURRENCY {
                    currency
                } else {
                    self.currency.to_core("currency")?
                },
            },
            COLL_LEDGER_EVENT_REVERSAL => EventKind::Reversal {
                payment_id: id()?.to_string(),
                reason: reason()?.to_string(),
            },
            COLL_LEDGER_EVENT_REFUND => EventKind::Refund { amount: amount()? },
            COLL_LEDGER_EVENT_WAIVER => EventKind::Waiver {
                component: component()?,
                amount: amount()?,
                reason: reason()?.to_string(),
            },
            COLL_LEDGER_EVENT_ADJUSTMENT => EventKind::Adjustment {
                component: component()?,
                amount: amount()?,
                reason: reason()?.to_string(),
            },
            COLL_LEDGER_EVENT_EXTENSION => EventKind::Extension {
                days: self.days,
                reason: reason()?.to_string(),
            },
            COLL_LEDGER_EVENT_SETTLEMENT => EventKind::Settlement {
                reason: reason()?.to_string(),
            },
            COLL_LEDGER_EVENT_CHARGE_OFF => EventKind::ChargeOff {
                reason: reason()?.to_string(),
            },
            COLL_LEDGER_EVENT_WRITE_OFF => EventKind::WriteOff {
                reason: reason()?.to_string(),
            },
            _ => EventKind::StatusChange {
                to: status(self.to, "to")?,
                reason: reason()?.to_string(),
            },
        };
        Ok(Event::new(self.date.to_core("date")?, kind))
    }
}

/// The text of a posted event, kept by the ledger and lent to C.
#[derive(Debug, Clone)]
pub(crate) struct EventText {
    /// A payment's id or a reversal's payment id.
    id: Option<Text>,
    /// The reason, for the kinds that have one.
    reason: Option<Text>,
}

impl EventText {
    pub(crate) fn of(event: &Event) -> EventText {
        let (id, reason) = match &event.kind {
            EventKind::Payment { id, .. } => (Some(id.as_str()), None),
            EventKind::Reversal { payment_id, reason } => {
                (Some(payment_id.as_str()), Some(reason.as_str()))
            }
            EventKind::Fee { reason, .. }
            | EventKind::Waiver { reason, .. }
            | EventKind::Adjustment { reason, .. }
            | EventKind::Extension { reason, .. }
            | EventKind::Settlement { reason }
            | EventKind::ChargeOff { reason }
            | EventKind::WriteOff { reason }
            | EventKind::StatusChange { reason, .. } => (None, Some(reason.as_str())),
            _ => (None, None),
        };
        EventText {
            id: id.map(Text::new),
            reason: reason.map(Text::new),
        }
    }

    /// The id lent to C (NULL and 0 when the event has none).
    pub(crate) fn id(&self) -> (*const c_char, usize) {
        self.id
            .as_ref()
            .map_or((std::ptr::null(), 0), |t| (t.ptr(), t.len()))
    }

    fn reason(&self) -> (*const c_char, usize) {
        self.reason
            .as_ref()
            .map_or((std::ptr::null(), 0), |t| (t.ptr(), t.len()))
    }
}

/// The struct of a posted event, its text pointing into `text`.
pub(crate) fn event_of(event: &Event, text: &EventText) -> FfiResult<coll_ledger_event> {
    let mut out = blank(EVENT_KINDS.constant(event.kind.name())?, event.date);
    (out.id, out.id_len) = text.id();
    (out.reason, out.reason_len) = text.reason();
    match &event.kind {
        EventKind::Obligation { amount } | EventKind::Refund { amount } => {
            out.amount = coll_decimal::from_core(*amount);
        }
        EventKind::Fee {
            component, amount, ..
        }
        | EventKind::Waiver {
            component, amount, ..
        }
        | EventKind::Adjustment {
            component, amount, ..
        } => {
            out.component = COMPONENTS.constant(*component)?;
            out.amount = coll_decimal::from_core(*amount);
        }
        EventKind::Payment {
            amount, currency, ..
        } => {
            out.amount = coll_decimal::from_core(*amount);
            out.currency = coll_currency::from_core(*currency);
        }
        EventKind::Extension { days, .. } => out.days = *days,
        EventKind::StatusChange { to, .. } => out.to = status_constant(*to)?,
        _ => {}
    }
    Ok(out)
}

fn blank(kind: coll_ledger_event_kind, date: chrono::NaiveDate) -> coll_ledger_event {
    coll_ledger_event {
        date: coll_date::from_core(date),
        kind,
        amount: ZERO,
        component: 0,
        id: std::ptr::null(),
        id_len: 0,
        reason: std::ptr::null(),
        reason_len: 0,
        days: 0,
        to: 0,
        currency: NO_CURRENCY,
    }
}

/// Fills `*out` with an event of `kind` on `date` and nothing else given: a zero amount, component 0,
/// NULL text of length 0, 0 days, `to` 0 and an all-zero currency. Set the fields the kind takes (see
/// `coll_ledger_event`). An unknown `kind` gives `COLL_INVALID_ARGUMENT` naming `kind`; the date is
/// checked when the event is posted.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_ledger_event`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_event_init(
    kind: coll_ledger_event_kind,
    date: coll_date,
    out: *mut coll_ledger_event,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        EVENT_KINDS.core(kind, "kind")?;
        let mut event = blank(kind, chrono::NaiveDate::MIN);
        event.date = date;
        out.write(event);
        Ok(())
    })
}

/// The `COLL_LEDGER_EVENT_` constant named by `name` (`obligation`, `accrue`, `fee`, `payment`,
/// `reversal`, `refund`, `waiver`, `adjustment`, `extension`, `settlement`, `charge_off`, `write_off`,
/// `status_change`; case, `-`, `_` and spaces are not significant). Unknown names give
/// `COLL_INVALID_ARGUMENT` naming `kind`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_ledger_event_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_event_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_ledger_event_kind,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { EVENT_KINDS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_LEDGER_EVENT_` constant (`"status_change"`) in `*out`. An unknown number
/// gives `COLL_INVALID_ARGUMENT` naming `kind`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_ledger_event_kind_name(
    kind: coll_ledger_event_kind,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { EVENT_KINDS.write_name_call(kind, out) }
}
