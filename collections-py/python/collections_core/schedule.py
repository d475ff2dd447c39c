"""A fluent front for ``amortize``: ``ScheduleBuilder``; and ``amortize_many``, the schedules of many
loans from a table of loans, in long format (one row per installment).

Each method returns a new builder with one more option set (a builder is never changed, so a base
builder can be reused for variants), and ``build()`` calls ``amortize`` with the options gathered. The
options, their names and their checks are ``amortize``'s own. A builder pickles as its arguments and
options (checked by ``amortize`` when the copy builds).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Dict, Iterable, Optional, Union

from collections_core._collections_core import (
    Currency,
    DayCount,
    Frequency,
    Rate,
    Schedule,
    amortize,
    amortize_many,
)

__all__ = ["ScheduleBuilder", "amortize_many"]

_DecimalLike = Union[Decimal, int, str]
_DateLike = Union[datetime.date, str]

# The options that set the schedule's kind, cleared when another kind is chosen.
_KIND_OPTIONS = ("kind", "amortization_periods", "step_percent", "every", "payments")


class ScheduleBuilder:
    """Builds a ``Schedule`` step by step; ``build()`` is ``amortize`` with the options given.

    >>> s = (
    ...     ScheduleBuilder(200000, "0.06", "2026-01-01", "2026-02-01")
    ...     .term(360)
    ...     .rounding(payment="up")
    ...     .build()
    ... )
    >>> s.level_payment
    Decimal('1199.11')
    >>> base = ScheduleBuilder(2000, Rate("10%"), "2026-01-01", "2026-02-01").term(24)
    >>> base.level_principal().build().rows[0].payment
    Decimal('100.00')
    >>> base.build() == amortize(2000, Rate("10%"), "2026-01-01", "2026-02-01", term=24)
    True
    """

    __slots__ = ("_args", "_options")

    _args: tuple[Any, ...]
    _options: Dict[str, Any]

    def __init__(
        self,
        principal: _DecimalLike,
        annual_rate: Union[Rate, _DecimalLike],
        start_date: _DateLike,
        first_due_date: _DateLike,
    ) -> None:
        self._args = (principal, annual_rate, start_date, first_due_date)
        self._options = {}

    def _with(self, clear: Iterable[str] = (), **options: Any) -> ScheduleBuilder:
        """A copy with ``clear`` removed and ``options`` set."""
        new = ScheduleBuilder.__new__(ScheduleBuilder)
        new._args = self._args
        new._options = {k: v for k, v in self._options.items() if k not in clear}
        new._options.update(options)
        return new

    def term(self, periods: int) -> ScheduleBuilder:
        """The number of periods (payment holidays included); replaces a ``payment``."""
        return self._with(("payment",), term=periods)

    def payment(self, amount: _DecimalLike) -> ScheduleBuilder:
        """A level payment, the term solved from it; replaces a ``term``."""
        return self._with(("term",), payment=amount)

    def frequency(
        self, frequency: Union[Frequency, str], *, end_of_month: bool = False
    ) -> ScheduleBuilder:
        """How often payments fall due (``'monthly'`` by default); with ``end_of_month`` a first due
        date on a month's last day keeps month ends."""
        return self._with(frequency=frequency, end_of_month=end_of_month)

    def currency(self, currency: Union[Currency, str]) -> ScheduleBuilder:
        """The currency (``'USD'`` by default): amounts are rounded to its minor units."""
        return self._with(currency=currency)

    def daily(self, day_count: Union[DayCount, str] = "ACT/365F") -> ScheduleBuilder:
        """Daily interest: the annual rate times the ``day_count`` year fraction between due dates."""
        return self._with(interest_method="daily", day_count=day_count)

    def level_principal(self) -> ScheduleBuilder:
        """Equal principal in each payment, plus that row's interest."""
        return self._with(_KIND_OPTIONS, kind="level_principal")

    def interest_only(self) -> ScheduleBuilder:
        """Interest only, and the whole principal with the last payment."""
        return self._with(_KIND_OPTIONS, kind="interest_only")

    def balloon(self, amortization_periods: int) -> ScheduleBuilder:
        """Payments as if amortizing over ``amortization_periods``, the rest due with the last one."""
        return self._with(_KIND_OPTIONS, kind="balloon", amortization_periods=amortization_periods)

    def graduated(self, step_percent: _DecimalLike, every: int) -> ScheduleBuilder:
        """Level payments stepping up by ``step_percent`` (5 for 5%) every ``every`` periods."""
        return self._with(_KIND_OPTIONS, kind="graduated", step_percent=step_percent, every=every)

    def custom(self, payments: Iterable[_DecimalLike]) -> ScheduleBuilder:
        """The payment of each paying period; the last row pays off what remains."""
        return self._with(_KIND_OPTIONS, kind="custom", payments=tuple(payments))

    def odd_first_period(
        self, rule: str, *, stub_day_count: Optional[Union[DayCount, str]] = None
    ) -> ScheduleBuilder:
        """The odd first period's interest: ``'add_to_first_installment'`` (the default),
        ``'capitalize'`` or ``'ignore'``, counted under ``stub_day_count`` (Actual/365 Fixed)."""
        options: Dict[str, Any] = {"odd_first_period": rule}
        if stub_day_count is not None:
            options["stub_day_count"] = stub_day_count
        return self._with(("stub_day_count",), **options)

    def holidays(self, periods: Iterable[int], *, interest: str = "capitalize") -> ScheduleBuilder:
        """Payment holidays (1-based periods with no payment); their interest is added to the balance
        (``interest='capitalize'``) or paid with the next payment (``'defer'``)."""
        return self._with(payment_holidays=tuple(periods), holiday_interest=interest)

    def rounding(
        self,
        *,
        payment: Optional[str] = None,
        interest: Optional[str] = None,
        multiple: Optional[_DecimalLike] = None,
    ) -> ScheduleBuilder:
        """Rounding-mode names for the payment and the interest (``'half-up'`` by default), and a
        multiple to round the payment to; options not given are left as they were."""
        options: Dict[str, Any] = {}
        if payment is not None:
            options["payment_rounding"] = payment
        if interest is not None:
            options["interest_rounding"] = interest
        if multiple is not None:
            options["payment_multiple"] = multiple
        return self._with(**options)

    def max_rows(self, rows: int) -> ScheduleBuilder:
        """The most rows the schedule may have (1200 by default)."""
        return self._with(max_rows=rows)

    def build(self) -> Schedule:
        """``amortize`` with the arguments and options given."""
        return amortize(*self._args, **self._options)

    def __repr__(self) -> str:
        args = ", ".join(repr(a) for a in self._args)
        options = "".join(f" {k}={v!r}" for k, v in self._options.items())
        return f"<ScheduleBuilder({args}){options}>"
