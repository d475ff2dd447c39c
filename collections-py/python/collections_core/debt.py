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

>>> from collections_core.debt import statutory_interest
>>> r = statutory_interest("uk-late-payment-1998", "business", 5000, "GBP", "2025-02-28", "2025-04-29")
>>> r.interest, str(r.fixed_compensation), r.any_unverified
(Decimal('104.79'), '70.00 GBP', True)
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
]
