"""Affordability: income and expenditure statements, guideline tables, and what a debtor can afford.

A ``Statement`` holds a ``Household`` and its ``Item``s (a category by name, an amount and how often:
``("earnings", 450, "weekly")``), each normalized to monthly with a named rounding (``to_monthly``,
``from_monthly``). ``assess(statement, guidelines)`` applies versioned ``Guidelines`` (the embedded US
IRS Collection Financial Standards, ``Guidelines.irs()``, or your own from JSON or CSV): each guideline
allows its categories in full, as the lesser of spending and the standard, or flags spending above a
trigger figure. The ``Assessment`` gives every figure as a ``Decimal`` (income, allowable expenditure,
surplus, an optional contingency allowance, disposable income), the ``flags`` of unusually high and low
spending, and the derivation line by line (``lines``; ``_repr_html_`` shows it in a notebook).
``fair_share`` splits what is available among creditors pro rata (to the cent, with token payments and
a minimum), and ``recommend`` proposes a ``Plan`` per debt within a ``PlanPolicy`` (the IRS streamlined
agreement is one), or the fallbacks when none can be afforded. ``assess_many`` assesses many statements
from one long table (pandas, pyarrow or a dict of columns) on every core.

Amounts are ``Decimal`` (or ``int``/``str``; floats are refused); a bad argument raises a
``CollectionsError`` naming the field and the value. Every class is an immutable value: it compares,
hashes and pickles, and ``to_dict()`` gives its fields.

>>> from collections_core.affordability import Household, Statement, Guidelines, assess, fair_share
>>> s = Statement("2025-06-01", "USD", Household(2), [
...     ("earnings", 600, "weekly"), ("housing", 950, "monthly"), ("utilities", 180, "monthly"),
...     ("food_and_housekeeping", 1100, "monthly"), ("priority_debt_payments", 50, "monthly")])
>>> a = assess(s, Guidelines.irs())
>>> a.income, a.allowable_expenditure, a.disposable_income, a.is_deficit
(Decimal('2600.00'), Decimal('3023.00'), Decimal('-473.00'), True)
>>> [(o.creditor, o.amount) for o in fair_share(100, "GBP", [("bank", 6000), ("card", 3000)]).offers]
[('bank', Decimal('66.67')), ('card', Decimal('33.33'))]
"""

from __future__ import annotations

from collections_core._collections_core import (
    CATEGORIES,
    Assessment,
    FairShare,
    Flag,
    GuidelineTable,
    GuidelineUse,
    Guidelines,
    Household,
    Item,
    Line,
    Offer,
    Plan,
    PlanPolicy,
    Recommendation,
    Statement,
    assess,
    assess_many,
    fair_share,
    from_monthly,
    recommend,
    to_monthly,
)

__all__ = [
    "CATEGORIES",
    "Household",
    "Item",
    "Statement",
    "to_monthly",
    "from_monthly",
    "Guidelines",
    "GuidelineTable",
    "assess",
    "assess_many",
    "Assessment",
    "GuidelineUse",
    "Flag",
    "Line",
    "fair_share",
    "FairShare",
    "Offer",
    "PlanPolicy",
    "Plan",
    "Recommendation",
    "recommend",
]
