"""The exceptions of collections_core: one class per kind of core error, all under CollectionsError.

Each carries the core error's message, the argument at fault (``field``) and the value it was given
(``value``, as text). They are plain Python classes, so they pickle; the compiled module raises them.
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "CollectionsError",
    "InvalidArgumentError",
    "InvalidDecimalError",
    "InvalidDateError",
    "UnknownCurrencyError",
    "CurrencyMismatchError",
    "InvalidRateError",
    "ArithmeticOverflowError",
    "DateOutOfRangeError",
    "NoSolutionError",
]


class CollectionsError(ValueError):
    """Base class of every error raised by collections_core (a ``ValueError``).

    ``field`` names the argument at fault and ``value`` is what it was given, as text.
    """

    field: Optional[str]
    value: Optional[str]

    def __init__(self, message: str, field: Optional[str] = None, value: Optional[str] = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value

    def __reduce__(self) -> tuple[type[CollectionsError], tuple[str, Optional[str], Optional[str]]]:
        message = str(self.args[0]) if self.args else ""
        return (type(self), (message, self.field, self.value))


class InvalidArgumentError(CollectionsError):
    """A value outside what the function accepts (a zero count, weights summing to zero, a float, a
    value of the wrong type)."""


class InvalidDecimalError(CollectionsError):
    """Text that is not a decimal number, NaN or infinity, or a number beyond Decimal's range."""


class InvalidDateError(CollectionsError):
    """A date that does not exist (2025-02-30) or text that is not ``YYYY-MM-DD``."""


class UnknownCurrencyError(CollectionsError):
    """A currency code not in ISO 4217 (and not defined with its minor units), or a malformed code."""


class CurrencyMismatchError(CollectionsError):
    """An operation combined amounts in two different currencies."""


class InvalidRateError(CollectionsError):
    """A rate at or below -100%."""


class ArithmeticOverflowError(CollectionsError):
    """Arithmetic beyond Decimal's range (about 7.9e28)."""


class DateOutOfRangeError(CollectionsError):
    """A date computation left the supported range of dates (years 1 to 9999 in Python)."""


class NoSolutionError(CollectionsError):
    """No value solves the equation, or more than one does: a payment that never repays the balance
    (``field`` is ``'pmt'``), cash flows that never change sign, or several rates of return. Where
    numpy-financial returns NaN or picks one root, collections_core raises this."""
