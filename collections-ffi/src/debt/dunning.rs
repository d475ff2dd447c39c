//! Dunning runs across the ABI: invoices (each with its payments) and a policy of levels in, the
//! `coll_dunning_run` handle out: one line per invoice, ordered by customer, due date and invoice id,
//! grouped by customer with totals. The rules are the core's `debt::dunning` (SAP FI, Odoo and Business
//! Central style levels; ERPNext, balance-due, average-daily-balance and statutory interest).

use std::ffi::c_char;

use collections_core::debt::dunning::{
    dunning_run, DunningInterest, DunningLevel, DunningLine, DunningOutcome, DunningPolicy,
    DunningRun, DunningTotals, Invoice, Payment,
};
use collections_core::debt::late_interest::StatutoryTables;

use super::late_interest::{
    coll_debtor_kind, coll_statute, coll_statutory_tables, debtor, statute, tables_or_default,
    COLL_DEBTOR_BUSINESS, COLL_STATUTE_EU_2011_7,
};
use super::{bad_index, name_key, not_taken, text_or_empty, Text};
use crate::calendar::coll_date;
use crate::error::{boundary, coll_status, Failure, FfiResult};
use crate::money::{
    coll_currency, coll_decimal, coll_rounding_mode, rounding_mode_of, COLL_ROUND_HALF_UP,
};
use crate::ptr;

/// How a dunning level charges interest: one of the `COLL_DUNNING_INTEREST_` constants.
#[allow(non_camel_case_types)]
pub type coll_dunning_interest_method = u32;

/// No interest (the default).
pub const COLL_DUNNING_INTEREST_NONE: coll_dunning_interest_method = 0;
/// ERPNext: outstanding × `rate_percent` (annual) / 100 / 365 × days overdue.
pub const COLL_DUNNING_INTEREST_ERPNEXT: coll_dunning_interest_method = 1;
/// Business Central balance due: outstanding × `rate_percent` / 100.
pub const COLL_DUNNING_INTEREST_BALANCE_DUE: coll_dunning_interest_method = 2;
/// Business Central average daily balance: Σ balance × days from the due date ÷
/// `interest_period_days` × `rate_percent` / 100, the balance falling with each payment.
pub const COLL_DUNNING_INTEREST_AVERAGE_DAILY_BALANCE: coll_dunning_interest_method = 3;
/// Statutory interest under `statute` for `debtor`, from the day after the due date through the run
/// date, on the balance as payments reduce it, from the policy's tables (fixed compensation not added:
/// make it the level's fee).
pub const COLL_DUNNING_INTEREST_STATUTORY: coll_dunning_interest_method = 4;

/// What a run decided for an invoice: one of the `COLL_DUNNING_OUTCOME_` constants.
#[allow(non_camel_case_types)]
pub type coll_dunning_outcome = u32;

/// Blocked from dunning (litigation, dispute).
pub const COLL_DUNNING_OUTCOME_BLOCKED: coll_dunning_outcome = 0;
/// Nothing outstanding.
pub const COLL_DUNNING_OUTCOME_PAID: coll_dunning_outcome = 1;
/// Not past its due date.
pub const COLL_DUNNING_OUTCOME_NOT_OVERDUE: coll_dunning_outcome = 2;
/// Overdue, but no level's days and minimum reached.
pub const COLL_DUNNING_OUTCOME_NO_LEVEL_REACHED: coll_dunning_outcome = 3;
/// The level reached was already sent (no fee, no interest).
pub const COLL_DUNNING_OUTCOME_ALREADY_NOTIFIED: coll_dunning_outcome = 4;
/// A new notice at the line's level.
pub const COLL_DUNNING_OUTCOME_NOTICE: coll_dunning_outcome = 5;

const OUTCOMES: [(DunningOutcome, coll_dunning_outcome, &std::ffi::CStr); 6] = [
    (
        DunningOutcome::Blocked,
        COLL_DUNNING_OUTCOME_BLOCKED,
        c"blocked",
    ),
    (DunningOutcome::Paid, COLL_DUNNING_OUTCOME_PAID, c"paid"),
    (
        DunningOutcome::NotOverdue,
        COLL_DUNNING_OUTCOME_NOT_OVERDUE,
        c"not_overdue",
    ),
    (
        DunningOutcome::NoLevelReached,
        COLL_DUNNING_OUTCOME_NO_LEVEL_REACHED,
        c"no_level_reached",
    ),
    (
        DunningOutcome::AlreadyNotified,
        COLL_DUNNING_OUTCOME_ALREADY_NOTIFIED,
        c"already_notified",
    ),
    (
        DunningOutcome::Notice,
        COLL_DUNNING_OUTCOME_NOTICE,
        c"notice",
    ),
];

/// A payment against an invoice. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_dunning_payment {
    /// The day it was received; a payment after the run date is ignored (not yet known).
    pub date: coll_date,
    /// The amount, greater than zero.
    pub amount: coll_decimal,
    /// Its currency, which must be the invoice's; all zeros (`{0}`) means the invoice's currency.
    pub currency: coll_currency,
}

/// An invoice as a dunning run sees it. Start from `coll_dunning_invoice_init`, then set `id`,
/// `customer_id`, `currency`, `amount`, `due_date` and any payments. Text is UTF-8 with its length
/// (no NUL needed). `blocked` is a `uint8_t` flag, 0 or 1.
///
/// Ownership: the struct, its text and its payments belong to the caller and are copied by
/// `coll_dunning_run_new`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_dunning_invoice {
    /// The invoice id, unique within a run.
    pub id: *const c_char,
    /// Bytes in `id`.
    pub id_len: usize,
    /// The customer it belongs to.
    pub customer_id: *const c_char,
    /// Bytes in `customer_id`.
    pub customer_id_len: usize,
    /// Its currency, which must be the policy's.
    pub currency: coll_currency,
    /// The invoiced amount, greater than zero.
    pub amount: coll_decimal,
    /// The date payment was due.
    pub due_date: coll_date,
    /// The payments, in date order; NULL when `n_payments` is 0.
    pub payments: *const coll_dunning_payment,
    /// The number of `payments`.
    pub n_payments: usize,
    /// The level of the last notice already sent (0: none).
    pub dunning_level: u32,
    /// 1 when blocked from dunning (litigation, dispute, handed over), else 0.
    pub blocked: u8,
}

/// One rung of a dunning ladder. Start from `coll_dunning_level_init`. The interest data belongs to
/// the methods that take it: `rate_percent` to ERPNext, balance due and average daily balance,
/// `interest_period_days` to the average daily balance, `statute` and `debtor` to statutory interest.
/// A method always reads its own fields; any other method refuses one that is given, that is not zero,
/// with `COLL_INVALID_ARGUMENT` naming it (so `COLL_STATUTE_EU_2011_7` and `COLL_DEBTOR_BUSINESS`, both
/// 0, are what a statutory level gets unless it says otherwise). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_dunning_level {
    /// Days overdue at which the level is reached (before grace days); strictly increasing from level
    /// to level.
    pub days_overdue: u32,
    /// Further days of tolerance: the level is reached at `days_overdue + grace_days`. Default 0.
    pub grace_days: u32,
    /// The fee charged with the notice, at least zero, with at most the currency's minor units.
    pub fee: coll_decimal,
    /// The level is reached only when at least this much is outstanding. Default 0.
    pub minimum_outstanding: coll_decimal,
    /// A `COLL_DUNNING_INTEREST_` constant. Default: none.
    pub interest_method: coll_dunning_interest_method,
    /// The rate in percent (annual for ERPNext, per charge for balance due, per interest period for
    /// the average daily balance), at least zero.
    pub rate_percent: coll_decimal,
    /// Average daily balance: days in the interest period, at least 1.
    pub interest_period_days: u32,
    /// Statutory: the law, a `COLL_STATUTE_` constant.
    pub statute: coll_statute,
    /// Statutory: the debtor, a `COLL_DEBTOR_` constant.
    pub debtor: coll_debtor_kind,
    /// What to do: a key such as `reminder`, `final notice`, `legal handover` (UTF-8, may be empty).
    pub action: *const c_char,
    /// Bytes in `action`.
    pub action_len: usize,
}

/// A dunning ladder in one currency. Start from `coll_dunning_policy_init`, then set `currency` and the
/// levels. `one_level_at_a_time` is a `uint8_t` flag. A plain value: the levels and tables are borrowed
/// by `coll_dunning_run_new` for the call.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_dunning_policy {
    /// The currency of every invoice and fee.
    pub currency: coll_currency,
    /// The levels, level 1 first; at least one.
    pub levels: *const coll_dunning_level,
    /// The number of `levels`.
    pub n_levels: usize,
    /// The rounding of interest, a `COLL_ROUND_` constant. Default: half up.
    pub rounding: coll_rounding_mode,
    /// 1 (the default): an invoice climbs at most one level above its `dunning_level` per run, so no
    /// notice is skipped; 0: it gets the highest level reached.
    pub one_level_at_a_time: u8,
    /// The statutory rate tables, or NULL for the built-in ones (the default).
    pub tables: *const coll_statutory_tables,
}

/// One invoice's line of a run. Amounts have the currency's minor units. The text pointers point into
/// the run: they stay valid until `coll_dunning_run_free`, are NUL-terminated, and hold their length
/// in bytes (ids may contain NUL bytes). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_dunning_line {
    /// The invoice's position in the array given to `coll_dunning_run_new`.
    pub invoice_index: usize,
    /// The invoice id (owned by the run).
    pub invoice_id: *const c_char,
    /// Bytes in `invoice_id`.
    pub invoice_id_len: usize,
    /// Amount - payments known at the run date, never below zero.
    pub outstanding: coll_decimal,
    /// Run date - due date (negative before the due date).
    pub days_overdue: i64,
    /// The decision, a `COLL_DUNNING_OUTCOME_` constant.
    pub outcome: coll_dunning_outcome,
    /// The level reached (1 is the first) for a notice or one already sent; 0 for none.
    pub level: u32,
    /// The level's action key (owned by the run), or NULL when `level` is 0.
    pub action: *const c_char,
    /// Bytes in `action` (0 when NULL).
    pub action_len: usize,
    /// The level's fee (zero unless a notice).
    pub fee: coll_decimal,
    /// The interest (zero unless a notice at a level with interest).
    pub interest: coll_decimal,
    /// fee + interest.
    pub total: coll_decimal,
    /// 1 when the interest used a reference-rate row marked unverified (statutory only), else 0.
    pub unverified_rate: u8,
}

/// Sums over some lines. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_dunning_totals {
    /// Invoices.
    pub invoices: usize,
    /// New notices.
    pub notices: usize,
    /// Outstanding over all the invoices (blocked ones included).
    pub outstanding: coll_decimal,
    /// Fees of the notices.
    pub fee: coll_decimal,
    /// Interest of the notices.
    pub interest: coll_decimal,
    /// fee + interest.
    pub total: coll_decimal,
}

/// One customer's group of lines: lines `first_line` to `first_line + n_lines - 1` of the run. The
/// `customer_id` text is owned by the run (valid until `coll_dunning_run_free`, NUL-terminated). A
/// plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_dunning_customer {
    /// The customer id.
    pub customer_id: *const c_char,
    /// Bytes in `customer_id`.
    pub customer_id_len: usize,
    /// The index of the customer's first line.
    pub first_line: usize,
    /// The number of the customer's lines (at least 1).
    pub n_lines: usize,
    /// The customer's totals.
    pub totals: coll_dunning_totals,
}

/// The result of a dunning run. Opaque; made by `coll_dunning_run_new`, freed by
/// `coll_dunning_run_free`. It never changes, so threads may share it.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_dunning_run {
    run: DunningRun,
    /// Per invoice, in input order.
    invoice_ids: Vec<Text>,
    /// Per customer, in run order.
    customer_ids: Vec<Text>,
    /// Per level.
    actions: Vec<Text>,
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

impl coll_dunning_invoice {
    /// The core invoice, its text and payments copied.
    ///
    /// # Safety
    /// The pointers are NULL or valid for their lengths.
    unsafe fn to_core(self) -> FfiResult<Invoice> {
        // SAFETY: the caller's contract.
        let (id, customer, payments) = unsafe {
            (
                text_or_empty(self.id, self.id_len, "id")?,
                text_or_empty(self.customer_id, self.customer_id_len, "customer_id")?,
                ptr::read_slice_or_empty(self.payments, self.n_payments, "payments")?,
            )
        };
        let currency = self.currency.to_core("currency")?;
        let mut invoice = Invoice::new(
            id,
            customer,
            currency,
            self.amount.to_core("amount")?,
            self.due_date.to_core("due_date")?,
        );
        invoice.payments = payments
            .iter()
            .map(|p| {
                Ok(Payment {
                    date: p.date.to_core("payments.date")?,
                    amount: p.amount.to_core("payments.amount")?,
                    currency: if p.currency == NO_CURRENCY {
                        currency
                    } else {
                        p.currency.to_core("payments.currency")?
                    },
                })
            })
            .collect::<FfiResult<Vec<Payment>>>()?;
        invoice.dunning_level = self.dunning_level;
        invoice.blocked = ptr::flag(self.blocked, "blocked")?;
        Ok(invoice)
    }
}

impl coll_dunning_level {
    /// The core level; `action` copied.
    ///
    /// # Safety
    /// `action` is NULL or valid for `action_len` bytes.
    unsafe fn to_core(self) -> FfiResult<DunningLevel> {
        // SAFETY: the caller's contract.
        let action = unsafe { text_or_empty(self.action, self.action_len, "levels.action")? };
        let mut level = DunningLevel::new(self.days_overdue, action);
        level.grace_days = self.grace_days;
        level.fee = self.fee.to_core("levels.fee")?;
        level.minimum_outstanding = self
            .minimum_outstanding
            .to_core("levels.minimum_outstanding")?;
        level.interest = self.interest()?;
        Ok(level)
    }

    /// The interest method, built by the core from its name and the data given (see the struct).
    fn interest(&self) -> FfiResult<Option<DunningInterest>> {
        let method = self.interest_method;
        let rate = self.rate_percent.to_core("rate_percent")?;
        let name = match method {
            COLL_DUNNING_INTEREST_NONE => {
                let given = [
                    ("rate_percent", !rate.is_zero(), rate.to_string()),
                    (
                        "interest_period_days",
                        self.interest_period_days != 0,
                        self.interest_period_days.to_string(),
                    ),
                    (
                        "statute",
                        self.statute != COLL_STATUTE_EU_2011_7,
                        self.statute.to_string(),
                    ),
                    (
                        "debtor",
                        self.debtor != COLL_DEBTOR_BUSINESS,
                        self.debtor.to_string(),
                    ),
                ];
                return match given.into_iter().find(|g| g.1) {
                    Some((field, _, value)) => Err(not_taken(field, value, "interest method none")),
                    None => Ok(None),
                };
            }
            COLL_DUNNING_INTEREST_ERPNEXT => "erpnext",
            COLL_DUNNING_INTEREST_BALANCE_DUE => "balance-due",
            COLL_DUNNING_INTEREST_AVERAGE_DAILY_BALANCE => "average-daily-balance",
            COLL_DUNNING_INTEREST_STATUTORY => "statutory",
            other => {
                return Err(Failure::unknown_value(
                    "interest_method",
                    other,
                    "a COLL_DUNNING_INTEREST_ constant, 0 to 4",
                ))
            }
        };
        let owns_rate = method != COLL_DUNNING_INTEREST_STATUTORY;
        let owns_period = method == COLL_DUNNING_INTEREST_AVERAGE_DAILY_BALANCE;
        let owns_law = method == COLL_DUNNING_INTEREST_STATUTORY;
        let statute = (owns_law || self.statute != COLL_STATUTE_EU_2011_7)
            .then(|| statute(self.statute, "statute"))
            .transpose()?;
        let debtor = (owns_law || self.debtor != COLL_DEBTOR_BUSINESS)
            .then(|| debtor(self.debtor, "debtor"))
            .transpose()?;
        Ok(Some(DunningInterest::from_parts(
            name,
            (owns_rate || !rate.is_zero()).then_some(rate),
            (owns_period || self.interest_period_days != 0).then_some(self.interest_period_days),
            statute,
            debtor,
        )?))
    }
}

fn outcome_constant(outcome: DunningOutcome) -> FfiResult<coll_dunning_outcome> {
    OUTCOMES
        .iter()
        .find(|o| o.0 == outcome)
        .map(|o| o.1)
        .ok_or_else(|| {
            super::late_interest::no_constant("outcome", outcome.name(), "COLL_DUNNING_OUTCOME_")
        })
}

fn totals(t: &DunningTotals) -> coll_dunning_totals {
    coll_dunning_totals {
        invoices: t.invoices,
        notices: t.notices,
        outstanding: coll_decimal::from_core(t.outstanding),
        fee: coll_decimal::from_core(t.fee),
        interest: coll_decimal::from_core(t.interest),
        total: coll_decimal::from_core(t.total),
    }
}

impl coll_dunning_run {
    fn line(&self, line: &DunningLine) -> FfiResult<coll_dunning_line> {
        let id = self.invoice_ids.get(line.invoice_index);
        let action = line
            .level
            .and_then(|l| usize::try_from(l).ok())
            .and_then(|l| l.checked_sub(1))
            .and_then(|l| self.actions.get(l));
        Ok(coll_dunning_line {
            invoice_index: line.invoice_index,
            invoice_id: id.map_or(std::ptr::null(), Text::ptr),
            invoice_id_len: id.map_or(0, Text::len),
            outstanding: coll_decimal::from_core(line.outstanding),
            days_overdue: line.days_overdue,
            outcome: outcome_constant(line.outcome)?,
            level: line.level.unwrap_or(0),
            action: action.map_or(std::ptr::null(), Text::ptr),
            action_len: action.map_or(0, Text::len),
            fee: coll_decimal::from_core(line.fee),
            interest: coll_decimal::from_core(line.interest),
            total: coll_decimal::from_core(line.total),
            unverified_rate: u8::from(line.unverified_rate),
        })
    }
}

/// Borrows the run behind a handle.
///
/// # Safety
/// `p` is NULL or a live handle.
unsafe fn run<'a>(p: *const coll_dunning_run) -> FfiResult<&'a coll_dunning_run> {
    // SAFETY: NULL or a live handle, never changed after it was made.
    unsafe { p.as_ref() }.ok_or_else(|| Failure::null("run"))
}

/// Fills `*out` with an empty invoice: no text (NULL, 0), zero amount, currency and due date, no
/// payments, dunning level 0, not blocked.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_dunning_invoice`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_invoice_init(out: *mut coll_dunning_invoice) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_dunning_invoice {
            id: std::ptr::null(),
            id_len: 0,
            customer_id: std::ptr::null(),
            customer_id_len: 0,
            currency: NO_CURRENCY,
            amount: ZERO,
            due_date: coll_date {
                year: 0,
                month: 0,
                day: 0,
            },
            payments: std::ptr::null(),
            n_payments: 0,
            dunning_level: 0,
            blocked: 0,
        });
        Ok(())
    })
}

/// Fills `*out` with a level reached at `days_overdue` days: no grace days, no fee, no minimum, no
/// interest, no action text (NULL, 0).
///
/// # Safety
/// `out` is NULL or points to a writable `coll_dunning_level`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_level_init(
    days_overdue: u32,
    out: *mut coll_dunning_level,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_dunning_level {
            days_overdue,
            grace_days: 0,
            fee: ZERO,
            minimum_outstanding: ZERO,
            interest_method: COLL_DUNNING_INTEREST_NONE,
            rate_percent: ZERO,
            interest_period_days: 0,
            statute: COLL_STATUTE_EU_2011_7,
            debtor: COLL_DEBTOR_BUSINESS,
            action: std::ptr::null(),
            action_len: 0,
        });
        Ok(())
    })
}

/// Fills `*out` with the defaults: no currency and no levels (set them), half-up rounding, one level at
/// a time, the built-in statutory tables.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_dunning_policy`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_policy_init(out: *mut coll_dunning_policy) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_dunning_policy {
            currency: NO_CURRENCY,
            levels: std::ptr::null(),
            n_levels: 0,
            rounding: COLL_ROUND_HALF_UP,
            one_level_at_a_time: 1,
            tables: std::ptr::null(),
        });
        Ok(())
    })
}

/// The `COLL_DUNNING_INTEREST_` constant named by `name`: `none`, `erpnext`, `balance-due`,
/// `average-daily-balance` or `statutory` (case, `-`, `_` and spaces are not significant). Unknown
/// names give `COLL_INVALID_ARGUMENT` naming `interest_method`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_dunning_interest_method`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_interest_method_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_dunning_interest_method,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (name, out) = unsafe { (ptr::text(name, len, "name")?, ptr::out(out, "out")?) };
        let names = [
            (COLL_DUNNING_INTEREST_NONE, "none"),
            (COLL_DUNNING_INTEREST_ERPNEXT, "erpnext"),
            (COLL_DUNNING_INTEREST_BALANCE_DUE, "balance-due"),
            (
                COLL_DUNNING_INTEREST_AVERAGE_DAILY_BALANCE,
                "average-daily-balance",
            ),
            (COLL_DUNNING_INTEREST_STATUTORY, "statutory"),
        ];
        let found = names
            .iter()
            .find(|(_, n)| name_key(name) == name_key(n))
            .ok_or_else(|| -> Failure {
                collections_core::Error::InvalidArgument {
                    field: "interest_method",
                    value: name.to_string(),
                    reason: "expected one of none, erpnext, balance-due, average-daily-balance, \
                             statutory"
                        .into(),
                }
                .into()
            })?;
        out.write(found.0);
        Ok(())
    })
}

/// The name of a `COLL_DUNNING_OUTCOME_` constant (`"notice"`, `"already_notified"`, ...) in `*out`.
/// An unknown number gives `COLL_INVALID_ARGUMENT` naming `outcome`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_outcome_name(
    outcome: coll_dunning_outcome,
    out: *mut *const c_char,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let found = OUTCOMES.iter().find(|o| o.1 == outcome).ok_or_else(|| {
            Failure::unknown_value(
                "outcome",
                outcome,
                "a COLL_DUNNING_OUTCOME_ constant, 0 to 5",
            )
        })?;
        out.write(found.2.as_ptr());
        Ok(())
    })
}

/// Runs `policy` over `n_invoices` invoices as of `as_of` (see the core's `dunning_run` for the rules:
/// payments after `as_of` ignored; outstanding = amount - payments; blocked invoices get no level; the
/// level reached is the highest whose days (plus grace) and minimum the invoice reaches, at most one
/// above its `dunning_level` when the policy says so; a new level charges its fee and interest).
///
/// Fails, naming the field and the invoice (`amount: -5 (invoice "A-1"): ...`), with
/// `COLL_INVALID_ARGUMENT` (a duplicate `id`, `amount` or `payments.amount` not above zero,
/// `payments.date` out of order, `levels` empty, `levels.days_overdue` not increasing, `levels.fee`
/// negative or with more places than the currency, interest data a method does not take, a period the
/// statutory tables do not cover as `due_date` or `as_of`, an unknown constant, a flag not 0 or 1),
/// `COLL_CURRENCY_MISMATCH` (`currency`, `payments.currency`), `COLL_INVALID_DECIMAL`,
/// `COLL_INVALID_DATE`, `COLL_UNKNOWN_CURRENCY`, `COLL_INVALID_UTF8` or `COLL_OVERFLOW`. The first bad
/// invoice in the input is the one reported.
///
/// Ownership: the invoices, their payments and text, the policy, its levels and tables are borrowed for
/// the call (copied). On success `*out` is a new run the caller owns and frees with
/// `coll_dunning_run_free`. `invoices` may be NULL when `n_invoices` is 0 (an empty run).
///
/// # Safety
/// `invoices` is NULL or points to `n_invoices` readable `coll_dunning_invoice`s whose pointers are
/// valid for their lengths; `policy` is NULL or points to a readable `coll_dunning_policy` whose
/// `levels` point to `n_levels` readable levels and whose `tables` is NULL or a live handle; `out` is
/// NULL or points to a writable `coll_dunning_run *`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_run_new(
    invoices: *const coll_dunning_invoice,
    n_invoices: usize,
    policy: *const coll_dunning_policy,
    as_of: coll_date,
    out: *mut *mut coll_dunning_run,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (invoices, policy, out) = unsafe {
            (
                ptr::read_slice_or_empty(invoices, n_invoices, "invoices")?,
                ptr::read(policy, "policy")?,
                ptr::out(out, "out")?,
            )
        };
        // SAFETY: the caller's contract for the levels.
        let levels = unsafe { ptr::read_slice_or_empty(policy.levels, policy.n_levels, "levels")? };
        let levels = levels
            .iter()
            // SAFETY: the caller's contract for each level's text.
            .map(|l| unsafe { l.to_core() })
            .collect::<FfiResult<Vec<DunningLevel>>>()?;
        let built_in = StatutoryTables::default();
        // SAFETY: the caller's contract for `tables`.
        let tables = unsafe { tables_or_default(policy.tables, &built_in) };
        let core_policy = DunningPolicy::new(policy.currency.to_core("currency")?, levels)?
            .with_rounding(rounding_mode_of(policy.rounding, "rounding")?)
            .with_one_level_at_a_time(ptr::flag(
                policy.one_level_at_a_time,
                "one_level_at_a_time",
            )?)
            .with_tables(tables.clone());
        let invoices = invoices
            .iter()
            // SAFETY: the caller's contract for each invoice's pointers.
            .map(|i| unsafe { i.to_core() })
            .collect::<FfiResult<Vec<Invoice>>>()?;
        let run = dunning_run(&invoices, &core_policy, as_of.to_core("as_of")?)?;
        let handle = coll_dunning_run {
            invoice_ids: invoices.iter().map(|i| Text::new(&i.id)).collect(),
            customer_ids: run
                .customers
                .iter()
                .map(|c| Text::new(&c.customer_id))
                .collect(),
            actions: run.actions.iter().map(|a| Text::new(a)).collect(),
            run,
        };
        out.write(Box::into_raw(Box::new(handle)));
        Ok(())
    })
}

/// Frees a run made by `coll_dunning_run_new` (and with it every text pointer its lines and customers
/// lent). NULL is a no-op.
///
/// # Safety
/// `run` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_run_free(run: *mut coll_dunning_run) {
    if run.is_null() {
        return;
    }
    boundary(|| {
        // SAFETY: made by Box::into_raw in `coll_dunning_run_new`, not freed before.
        drop(unsafe { Box::from_raw(run) });
        Ok(())
    });
}

/// The number of lines: one per invoice.
///
/// # Safety
/// `run` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_run_line_count(
    run: *const coll_dunning_run,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (run, out) = unsafe { (self::run(run)?, ptr::out(out, "out")?) };
        out.write(run.run.lines.len());
        Ok(())
    })
}

/// The line at `index` in run order (by customer id, then due date, then invoice id); past the end:
/// `COLL_INVALID_ARGUMENT` naming `index`. Its text points into the run.
///
/// # Safety
/// `run` is NULL or a live handle; `out` is NULL or points to a writable `coll_dunning_line`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_run_line_at(
    run: *const coll_dunning_run,
    index: usize,
    out: *mut coll_dunning_line,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (run, out) = unsafe { (self::run(run)?, ptr::out(out, "out")?) };
        let lines = &run.run.lines;
        let line = lines
            .get(index)
            .ok_or_else(|| bad_index("index", index, lines.len()))?;
        out.write(run.line(line)?);
        Ok(())
    })
}

/// The number of customers (groups of lines).
///
/// # Safety
/// `run` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_run_customer_count(
    run: *const coll_dunning_run,
    out: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (run, out) = unsafe { (self::run(run)?, ptr::out(out, "out")?) };
        out.write(run.run.customers.len());
        Ok(())
    })
}

/// The customer at `index`, by customer id: their lines and totals; past the end:
/// `COLL_INVALID_ARGUMENT` naming `index`. Its text points into the run.
///
/// # Safety
/// `run` is NULL or a live handle; `out` is NULL or points to a writable `coll_dunning_customer`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_run_customer_at(
    run: *const coll_dunning_run,
    index: usize,
    out: *mut coll_dunning_customer,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (run, out) = unsafe { (self::run(run)?, ptr::out(out, "out")?) };
        let customers = &run.run.customers;
        let (customer, id) = customers
            .get(index)
            .zip(run.customer_ids.get(index))
            .ok_or_else(|| bad_index("index", index, customers.len()))?;
        out.write(coll_dunning_customer {
            customer_id: id.ptr(),
            customer_id_len: id.len(),
            first_line: customer.lines.start,
            n_lines: customer.lines.len(),
            totals: totals(&customer.totals),
        });
        Ok(())
    })
}

/// The totals over every line. (Not `coll_dunning_totals`: that is the struct's name.)
///
/// # Safety
/// `run` is NULL or a live handle; `out` is NULL or points to a writable `coll_dunning_totals`.
#[no_mangle]
pub unsafe extern "C" fn coll_dunning_run_get_totals(
    run: *const coll_dunning_run,
    out: *mut coll_dunning_totals,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (run, out) = unsafe { (self::run(run)?, ptr::out(out, "out")?) };
        out.write(totals(&run.run.totals));
        Ok(())
    })
}
