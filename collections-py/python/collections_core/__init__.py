"""collections_core: exact money, rates, day counts, schedules, calendars and time value of money.

The Python package of the collections library. Amounts are ``decimal.Decimal`` and dates are
``datetime.date``, in and out; amount, rate and weight arguments also take an ``int`` or a ``str``, and
date arguments an ISO ``"YYYY-MM-DD"`` string (and where several dates are taken, a numpy
``datetime64[D]`` array). Floats are refused (``InvalidArgumentError``): they cannot
hold most decimal amounts exactly. Every error is a ``CollectionsError`` (a ``ValueError``) naming the
argument at fault. The time-value-of-money functions (numpy-financial's ``pmt``, ``irr``, ... and
pyxirr's ``xirr``) are in ``collections_core.finance``; late-payment interest, dunning runs, aging
and the status lifecycle of debts in ``collections_core.debt``; income and expenditure
statements, affordability assessments, fair shares and plan recommendations in
``collections_core.affordability``; contact-rule eligibility (may we call now, and if not, when) in
``collections_core.contact``; repayment arrangements, tracking, settlements, plan scoring, forecasts,
portfolio KPIs and the treatment policy in ``collections_core.plan``. ``amortize`` (or
``ScheduleBuilder``) builds an
amortized repayment ``Schedule``, which exports to numpy, pyarrow and pandas when they are installed.

Batch calls (the finance functions over arrays, ``assess_many``, ``evaluate_many``/``evaluate_table``,
``score_many``, ``forecast_portfolio``, ``age_portfolio``) read their input with the GIL held, then work
without it on every core; ``set_threads(n)`` (or the environment variable ``COLLECTIONS_CORE_THREADS``,
read at import) sets how many threads they all use, ``get_threads()`` tells, ``set_threads(None)``
goes back to every core. Results do not depend on the count.

>>> from collections_core import Money, HolidayCalendar, date_schedule
>>> [str(p) for p in Money("100.00", "USD").split([500, 300, 200])]
['50.00 USD', '30.00 USD', '20.00 USD']
>>> HolidayCalendar.us_federal().adjust_all(date_schedule("2026-01-31", "monthly", count=2))
[datetime.date(2026, 2, 2), datetime.date(2026, 3, 2)]
"""

from __future__ import annotations

from collections_core import affordability, contact, debt, finance, plan
from collections_core._collections_core import (
    BUSINESS_DAY_CONVENTIONS,
    DAY_COUNTS,
    ROUNDING_MODES,
    THREADS_ENV_VAR,
    Currency,
    DayCount,
    Frequency,
    HolidayCalendar,
    Money,
    Rate,
    __version__,
    date_schedule,
    get_threads,
    parse_decimal,
    round_decimal,
    round_to_multiple,
    set_threads,
)
from collections_core._collections_core import (
    Schedule,
    ScheduleRow,
    ScheduleTotals,
    amortize,
    amortize_many,
)
from collections_core._errors import (
    ArithmeticOverflowError,
    CollectionsError,
    CurrencyMismatchError,
    DateOutOfRangeError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidDecimalError,
    InvalidRateError,
    NoSolutionError,
    UnknownCurrencyError,
)
from collections_core.schedule import ScheduleBuilder

__all__ = [
    "__version__",
    "BUSINESS_DAY_CONVENTIONS",
    "DAY_COUNTS",
    "ROUNDING_MODES",
    "THREADS_ENV_VAR",
    "Currency",
    "DayCount",
    "Frequency",
    "HolidayCalendar",
    "Money",
    "Rate",
    "affordability",
    "contact",
    "date_schedule",
    "debt",
    "finance",
    "plan",
    "parse_decimal",
    "round_decimal",
    "round_to_multiple",
    "set_threads",
    "get_threads",
    "amortize",
    "amortize_many",
    "Schedule",
    "ScheduleBuilder",
    "ScheduleRow",
    "ScheduleTotals",
    "ArithmeticOverflowError",
    "CollectionsError",
    "CurrencyMismatchError",
    "DateOutOfRangeError",
    "InvalidArgumentError",
    "InvalidDateError",
    "InvalidDecimalError",
    "InvalidRateError",
    "NoSolutionError",
    "UnknownCurrencyError",
]
