"""Debts: statutory late-payment interest, dunning runs, aging, and the status lifecycle.

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
(``CustomerDunning``) with ``DunningTotals``.

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
aging on any date; it pickles as its account and events, replayed when unpickled.

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
]
