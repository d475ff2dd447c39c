"""Debts: statutory late-payment interest, dunning runs, aging, the status lifecycle, the account ledger
and reconciliation.

Amounts are ``decimal.Decimal`` (or ``int``/``str``; floats are refused), dates ``datetime.date`` (or
``"YYYY-MM-DD"``), and every option is a name parsed by the core's rule (case, ``_``, ``-`` and spaces
do not matter: ``"DE_BGB_288"`` is ``"de-bgb-288"``). A bad argument raises a ``CollectionsError``
naming the field and the value. Every class is an immutable value: it compares, hashes and pickles;
``to_dict()`` gives its fields; tabular results have ``to_arrow()`` and ``to_pandas()`` (amounts as
exact ``decimal128``).

Late interest:

- ``statutory_interest``: EU Directive 2011/7/EU, German BGB §288 (business and consumer) and the UK
  Late Payment Act 1998 (with its fixed sums), from ``RateTable``s (built in, or with rows the caller
  adds), giving a ``LateInterest`` with one ``InterestSegment`` per rate.
- ``erpnext_dunning`` (ERPNext's dunning interest and fee), ``FinanceChargeTerms`` (Business Central's
  balance-due and average-daily-balance finance charges) and ``average_daily_balance_interest``.

Dunning: ``DunningLevel``s make a ``DunningPolicy``; ``dunning_run(invoices, policy, as_of)`` takes
each ``Invoice`` once and returns a ``DunningRun`` of ``DunningLine``s grouped by customer
(``CustomerDunning``) with ``DunningTotals``; ``dunning_many(invoices, policy, as_of)`` is the same run
over a table of invoice columns (the ERP's batch), giving a table of lines.

Aging: ``AgingRules`` (FFIEC shortfall methods and tolerances, grace days, buckets), ``Account``
(``age``, ``charge_off``, ``time_bar``), ``AccountActivity`` (delinquency history, month-end agings),
``age_accounts`` over columns (numpy, pandas, pyarrow or lists; the GIL released, every core used),
giving a ``PortfolioAging``, and ``roll_rates``.

Status: ``Status`` values, ``transition`` (errors name both states), ``StatusChange`` and
``StatusHistory``.

Ledger: a ``LedgerAccount`` (id, currency, opening date, principal and ``Terms``: rate history, penalty
rate, maximum rate, charge cap, freezes, day count, simple or compound interest, a ``LateFeeRule``,
payment allocation, overpayment rule, rounding) and the ``Event``s posted to it (obligations, accruals,
fees, payments, reversals, refunds, waivers, adjustments, extensions, settlements, charge-offs,
write-offs, status changes) make a ``Ledger``, the one mutable class: ``post``/``post_all`` raise on an
event that cannot be applied and leave it unchanged. It gives ``Balances``, ``LedgerTotals``, its
``Entry``s with their ``Allocation``s (``entries_to_arrow()``/``entries_to_pandas()``,
``allocations_to_arrow()``/``allocations_to_pandas()``), the status, days past due, obligations and
aging on any date, and the ``posted_payments()`` reconciliation takes; it pickles as its account and
events, replayed when unpickled.

Reconciliation: ``reconcile(reported, posted, tolerances)`` matches the ``PaymentRecord``s a bank or
processor reported against those the ledger posted (by reference, then by account, amount and a date
within ``Tolerances``), giving a ``Reconciliation``: the matched pairs and each ``Discrepancy`` with a
suggested resolution. A record's ``payment`` is the ``(date, amount)`` pair
``collections_core.plan.track`` takes, so ``[r.payment for r in ledger.posted_payments()]`` tracks a plan
against what the ledger posted. ``compare_to_expected(expected, received, grace_days, as_of)`` spreads the
payments received over the installments a schedule or plan expected, giving an ``ExpectedComparison``
of ``ExpectedOutcome``s (paid, late, short, missed, not due) and what no installment took.

>>> from collections_core.debt import statutory_interest
>>> r = statutory_interest("uk-late-payment-1998", "business", 5000, "GBP", "2025-02-28", "2025-04-29")
>>> r.interest, str(r.fixed_compensation), r.any_unverified
(Decimal('104.79'), '70.00 GBP', True)

>>> from collections_core.debt import Event, Ledger, LedgerAccount, Terms
>>> terms = Terms([("2026-01-01", "0.073")])  # 7.30% on 10,000.00 under ACT/365F: 2.00 a day
>>> ledger = Ledger(LedgerAccount("A-1", "USD", "2026-01-01", "10000.00", terms))
>>> ledger.post(Event.obligation("2026-01-31", "10000.00"))
0
>>> ledger.post(Event.payment("2026-02-01", "P-1", "5000.00", "USD"))
1
>>> [(a.component, a.amount) for a in ledger.payment_entry("P-1").allocations]
[('interest', Decimal('62.00')), ('principal', Decimal('4938.00'))]
>>> from collections_core.debt import reconcile
>>> r = reconcile([("P-1", "A-1", "2026-02-01", "5000.00", "USD"), ("P-2", "A-1", "2026-02-03", "10.00", "USD")],
...               ledger.posted_payments())
>>> r.matched, [(d.kind, d.resolution) for d in r.discrepancies]
(((0, 0),), [('missing_in_ledger', 'post 10.00 USD to account A-1 dated 2026-02-03')])
"""

from __future__ import annotations

from collections_core._collections_core import (
    STATUTES,
    DunningLevel,
    DunningLine,
    DunningPolicy,
    DunningRun,
    DunningTotals,
    CustomerDunning,
    ErpNextDunning,
    FinanceCharge,
    FinanceChargeTerms,
    InterestSegment,
    Invoice,
    LateInterest,
    RateRow,
    RateTable,
    average_daily_balance_interest,
    dunning_many,
    dunning_run,
    erpnext_dunning,
    statutory_interest,
)
from collections_core._collections_core import (
    Account,
    AccountActivity,
    Aging,
    AgingRules,
    BucketTotals,
    ChargeOff,
    DelinquencyChange,
    PortfolioAging,
    TimeBar,
    age_accounts,
    roll_rates,
)
from collections_core._collections_core import (
    ALLOCATION_ORDERS,
    COMPONENTS,
    EVENT_KINDS,
    INTEREST_MODES,
    OVERPAYMENT_RULES,
    SCOPES,
    TIMINGS,
    Allocation,
    Balances,
    Entry,
    Event,
    LateFeeRule,
    Ledger,
    LedgerAccount,
    LedgerTotals,
    Terms,
)
from collections_core._collections_core import (
    DISCREPANCY_KINDS,
    Discrepancy,
    ExpectedComparison,
    ExpectedOutcome,
    PaymentRecord,
    Reconciliation,
    Tolerances,
    compare_to_expected,
    reconcile,
)
from collections_core._collections_core import (
    STATUSES,
    Status,
    StatusChange,
    StatusHistory,
    transition,
)

__all__ = [
    "STATUTES",
    "RateRow",
    "RateTable",
    "InterestSegment",
    "LateInterest",
    "statutory_interest",
    "ErpNextDunning",
    "erpnext_dunning",
    "FinanceChargeTerms",
    "FinanceCharge",
    "average_daily_balance_interest",
    "DunningLevel",
    "DunningPolicy",
    "Invoice",
    "DunningLine",
    "DunningTotals",
    "CustomerDunning",
    "DunningRun",
    "dunning_run",
    "dunning_many",
    "AgingRules",
    "Account",
    "Aging",
    "ChargeOff",
    "TimeBar",
    "AccountActivity",
    "DelinquencyChange",
    "age_accounts",
    "PortfolioAging",
    "BucketTotals",
    "roll_rates",
    "STATUSES",
    "Status",
    "StatusChange",
    "StatusHistory",
    "transition",
    "ALLOCATION_ORDERS",
    "COMPONENTS",
    "EVENT_KINDS",
    "INTEREST_MODES",
    "OVERPAYMENT_RULES",
    "SCOPES",
    "TIMINGS",
    "LateFeeRule",
    "Terms",
    "LedgerAccount",
    "Event",
    "Ledger",
    "Entry",
    "Allocation",
    "Balances",
    "LedgerTotals",
    "DISCREPANCY_KINDS",
    "PaymentRecord",
    "Tolerances",
    "Discrepancy",
    "Reconciliation",
    "reconcile",
    "ExpectedOutcome",
    "ExpectedComparison",
    "compare_to_expected",
]
