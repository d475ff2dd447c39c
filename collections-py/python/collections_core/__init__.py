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
Every class pickles (``pickle`` and ``cloudpickle``), so values travel to multiprocessing, Dask and
Spark workers; an unpickled value is checked again like any input, so a tampered pickle raises a
``CollectionsError`` naming the field.

Batch calls
-----------
The batch calls (``amortize_many``, the finance functions over arrays, ``affordability.assess_many``,
``contact.evaluate_many`` and ``evaluate_table``, ``plan.score_many`` and ``forecast_portfolio``,
``debt.age_accounts`` and ``dunning_many``) take columns (a pandas DataFrame, a pyarrow Table, a
polars DataFrame (a polars LazyFrame is collected first) or a dict of columns; ``age_accounts`` pyarrow arrays, pandas or polars Series or
lists; numpy arrays, pyarrow arrays and pandas or polars Series for the finance functions, an Arrow
column giving the same kind of column back: float64 for float64, decimal128 for decimal128, a null for
a null) and the table calls give the same kind of table back: a pandas DataFrame for a pandas one, a
polars DataFrame for a polars one (polars ``Decimal`` money columns, exact), otherwise a pyarrow Table.
Every class with ``to_arrow()`` also has ``to_polars()`` (``polars.from_arrow`` of that table); polars
is the optional ``polars`` extra (``pip install 'collections-core[polars]'``).
The tables are read as Arrow columns: anything with ``__arrow_c_stream__`` or ``__arrow_c_array__``
(pyarrow, pandas, polars) is read through the Arrow C interface, and a dict's lists or numpy arrays are
turned into Arrow arrays once, so no Python object is made per cell of an Arrow, pandas (non-object),
polars or numpy column; any other Arrow stream than pandas or polars gives a pyarrow Table back. A
list column holds one kind of value (None apart): ints among Decimals are decimals,
ints among floats floats, ints, Decimals and dates among str their text; any other mix is refused
naming the column and the first row of the second kind (every row of it, with ``errors='column'``).
A cell that cannot be read (a ``Decimal('NaN')`` amount, a datetime with no date in UTC) is its own
row's error; pandas' ``NaT`` and ``NA`` and a NaN float in a pandas column are missing values.
They take their input with the GIL held, then work without it on several threads, a rayon thread pool
kept across calls (the table calls read the cells, group the rows and build the result columns without
it too). ``set_threads(n)`` (or the environment variable ``COLLECTIONS_CORE_THREADS``, read at import)
sets how many threads they all use (the pool is rebuilt when the count changes), ``get_threads()``
tells, ``set_threads(None)`` goes back to every core; results do not depend on the count. The long
ones (``amortize_many``, ``assess_many``, ``score_many``, ``forecast_portfolio``, ``evaluate_table``,
``age_accounts``, ``dunning_many``) take ``progress=``: a callable called with ``(done, total)`` from
the calling thread at most 100 times, or ``True`` for a tqdm bar (tqdm must be installed).
``errors='raise'`` (the default) raises the first bad row's or group's error. ``errors='column'``
(every table call) raises nothing for a bad row, loan, statement, plan or account (a bad cell, rows
that disagree, a refusal of the core): its result cells are null and an ``error`` column holds
``'<field>: <message>'`` (null where all went well). A missing or wrong-length column still raises.

Money in columns
----------------
- In: an amount column is exact. A pyarrow ``decimal128`` column (or a polars ``Decimal`` one) is
  preferred (read exactly); a column of ``Decimal``, ``int`` or ``str`` is read exactly too.
- A float column (float64 or a polars ``Float64``, or Python floats) is refused with an
  ``InvalidArgumentError`` naming it, unless the function takes ``float_rounding=`` (``amortize_many``,
  ``assess_many``, ``score_many``, ``forecast_portfolio`` and ``dunning_many`` do): then each float is
  read as its shortest text (``0.1`` is ``0.1``, not the binary value) and rounded to the currency's
  minor units by the rounding mode named (one of ``ROUNDING_MODES``: ``'half-up'``, ``'half-even'``,
  ...); a NaN or infinity is refused.
- Out: amounts are ``decimal128(38, s)``, ``s`` the currency's minor units (or more where a value has
  more places, as a ratio); ``money='float64'`` (``amortize_many``, ``assess_many``, ``score_many``,
  ``forecast_portfolio``, ``dunning_many`` and ``age_accounts``'s tables) casts them to float64 on the
  way out, and ``table.column(name).cast(pyarrow.float64())`` does the same for the other calls.
- Bad input: a missing column is an ``InvalidArgumentError`` naming the table argument, its value the
  column; a column of the wrong length names the column (``'2 values'``); a null or bad cell names
  its column, its value led by the first bad row (``'row 4: None'``). Where the result's amounts share
  one column the rows must share one currency: ``amortize_many`` raises an ``InvalidArgumentError``
  naming ``currency`` and the first row that differs, ``forecast_portfolio`` a
  ``CurrencyMismatchError`` naming ``currency`` and the first plan that differs (its value
  ``'USD (plan a), EUR (plan b)'``). A plan or statement whose own rows disagree on currency is an
  ``InvalidArgumentError`` naming ``currency`` and the plan or statement.

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
