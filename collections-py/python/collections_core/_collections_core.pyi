"""Type stubs of the compiled module collections_core._collections_core (checked by mypy.stubtest).

Import from ``collections_core``. Amount, rate and weight arguments take a ``Decimal``, an ``int`` or a
``str`` (never a float, except in the finance functions, where a float chooses their f64 path); date
arguments take a ``datetime.date`` or ``"YYYY-MM-DD"``, and arguments that take several dates also a
one-dimensional numpy ``datetime64[D]`` array.
"""

import datetime
from decimal import Decimal
from typing import Any, Iterable, Iterator, Optional, Sequence, SupportsIndex, Union, final, overload

import numpy as np
import numpy.typing as npt

_DecimalLike = Union[Decimal, int, str]
_DateLike = Union[datetime.date, str]
# Several dates: an iterable of them, or a one-dimensional datetime64[D] array (read from its buffer).
_DateSeries = Union[Iterable[_DateLike], npt.NDArray[np.datetime64]]
_FrequencyLike = Union[Frequency, str]
_DayCountLike = Union[DayCount, str]
# numpy-financial's 'end'/'begin' or 0/1.
_WhenLike = Union[str, int]
# The finance functions: a float anywhere gives a float; arrays and lists of numbers broadcast.
_FloatLike = Union[float, Decimal, int, str]
_ColumnLike = Union[_FloatLike, npt.NDArray[Any], Sequence[_FloatLike]]
_FloatSeries = Union[Iterable[_FloatLike], npt.NDArray[Any]]

__all__ = [
    "__version__",
    "BUSINESS_DAY_CONVENTIONS",
    "DAY_COUNTS",
    "ROUNDING_MODES",
    "Currency",
    "DayCount",
    "Frequency",
    "HolidayCalendar",
    "Money",
    "Rate",
    "date_schedule",
    "parse_decimal",
    "round_decimal",
    "round_to_multiple",
    "fv",
    "pv",
    "pmt",
    "nper",
    "ipmt",
    "ppmt",
    "cumipmt",
    "cumprinc",
    "rate",
    "npv",
    "irr",
    "mirr",
    "xnpv",
    "xirr",
    "apr_regulation_z",
    "aprc_eu",
    "RegulationZApr",
    "Aprc",
    "amortize",
    "Schedule",
    "ScheduleRow",
    "ScheduleTotals",
]

__version__: str
ROUNDING_MODES: tuple[str, ...]
BUSINESS_DAY_CONVENTIONS: tuple[str, ...]
DAY_COUNTS: tuple[str, ...]

@final
class Currency:
    def __new__(cls, code: str, minor_units: Optional[int] = None) -> Currency: ...
    @property
    def code(self) -> str: ...
    @property
    def minor_units(self) -> int: ...
    @property
    def is_iso(self) -> bool: ...
    @staticmethod
    def iso_currencies() -> list[Currency]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[type[Currency], tuple[str, int]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __lt__(self, other: Currency, /) -> bool: ...
    def __le__(self, other: Currency, /) -> bool: ...
    def __gt__(self, other: Currency, /) -> bool: ...
    def __ge__(self, other: Currency, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Money:
    def __new__(cls, amount: _DecimalLike, currency: Union[Currency, str]) -> Money: ...
    @staticmethod
    def from_minor_units(units: int, currency: Union[Currency, str]) -> Money: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def currency(self) -> Currency: ...
    def round(self, mode: str = "half-up") -> Money: ...
    def round_to_multiple(self, multiple: _DecimalLike, mode: str = "half-up") -> Money: ...
    def split(self, weights: Iterable[_DecimalLike]) -> list[Money]: ...
    def to_minor_units(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __add__(self, other: Money, /) -> Money: ...
    def __sub__(self, other: Money, /) -> Money: ...
    def __mul__(self, factor: Union[Decimal, int], /) -> Money: ...
    def __rmul__(self, factor: Union[Decimal, int], /) -> Money: ...
    def __neg__(self) -> Money: ...
    def __reduce__(self) -> tuple[type[Money], tuple[Decimal, Currency]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Rate:
    def __new__(cls, value: Union[Rate, _DecimalLike]) -> Rate: ...
    @staticmethod
    def from_percent(percent: _DecimalLike) -> Rate: ...
    @staticmethod
    def from_fraction(fraction: Union[Rate, _DecimalLike]) -> Rate: ...
    @staticmethod
    def from_effective_annual(
        effective: Union[Rate, _DecimalLike],
        periods_per_year: Union[int, Frequency, None] = None,
        *,
        continuous: bool = False,
    ) -> Rate: ...
    @property
    def fraction(self) -> Decimal: ...
    @property
    def percent(self) -> Decimal: ...
    def periodic(self, frequency: _FrequencyLike) -> Decimal: ...
    def effective_annual(
        self, periods_per_year: Union[int, Frequency, None] = None, *, continuous: bool = False
    ) -> Rate: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[type[Rate], tuple[Decimal]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __lt__(self, other: Rate, /) -> bool: ...
    def __le__(self, other: Rate, /) -> bool: ...
    def __gt__(self, other: Rate, /) -> bool: ...
    def __ge__(self, other: Rate, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Frequency:
    def __new__(cls, name: str) -> Frequency: ...
    @staticmethod
    def semi_monthly(first_day: int, second_day: int) -> Frequency: ...
    @property
    def name(self) -> str: ...
    @property
    def periods_per_year(self) -> int: ...
    def add_periods(self, anchor: _DateLike, n: int, end_of_month: bool = False) -> datetime.date: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[type[Frequency], tuple[str]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class DayCount:
    def __new__(
        cls,
        name: str,
        *,
        reference_start: Optional[_DateLike] = None,
        reference_end: Optional[_DateLike] = None,
        frequency: Optional[_FrequencyLike] = None,
        maturity: Optional[_DateLike] = None,
        end_of_month_rule: Optional[bool] = None,
    ) -> DayCount: ...
    @property
    def name(self) -> str: ...
    def days(self, start: _DateLike, end: _DateLike) -> int: ...
    def year_fraction(self, start: _DateLike, end: _DateLike) -> Decimal: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class HolidayCalendar:
    def __new__(
        cls,
        weekend: Iterable[str] = ("sat", "sun"),
        holidays: _DateSeries = (),
        rules: Iterable[str] = (),
    ) -> HolidayCalendar: ...
    @staticmethod
    def builtin(name: str) -> HolidayCalendar: ...
    @staticmethod
    def us_federal() -> HolidayCalendar: ...
    @staticmethod
    def england_and_wales() -> HolidayCalendar: ...
    @staticmethod
    def weekends_only() -> HolidayCalendar: ...
    @property
    def weekend(self) -> tuple[str, ...]: ...
    @property
    def rules(self) -> tuple[str, ...]: ...
    def is_weekend(self, date: _DateLike) -> bool: ...
    def is_holiday(self, date: _DateLike) -> bool: ...
    def is_business_day(self, date: _DateLike) -> bool: ...
    def adjust(self, date: _DateLike, convention: str = "following") -> datetime.date: ...
    def adjust_all(
        self, dates: _DateSeries, convention: str = "following"
    ) -> list[datetime.date]: ...
    def add_business_days(self, date: _DateLike, n: int) -> datetime.date: ...
    def holidays(self, year: int) -> list[tuple[datetime.date, str]]: ...
    def with_holidays(self, dates: _DateSeries) -> HolidayCalendar: ...
    def union(self, other: HolidayCalendar) -> HolidayCalendar: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(
        self,
    ) -> tuple[type[HolidayCalendar], tuple[tuple[str, ...], tuple[datetime.date, ...], tuple[str, ...]]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def round_decimal(value: _DecimalLike, places: int, mode: str = "half-up") -> Decimal: ...
def round_to_multiple(value: _DecimalLike, multiple: _DecimalLike, mode: str = "half-up") -> Decimal: ...
def date_schedule(
    start: _DateLike,
    frequency: _FrequencyLike,
    *,
    count: Optional[int] = None,
    until: Optional[_DateLike] = None,
    end_of_month: bool = False,
) -> list[datetime.date]: ...
def parse_decimal(text: str) -> Decimal: ...

# Time value of money (re-exported by collections_core.finance). Decimal, int and str arguments give a
# Decimal; a float among them gives a float (computed in f64); a numpy array, list or tuple among the
# arguments of a row function (fv ... rate, cumipmt, cumprinc) broadcasts and gives a numpy array
# (float64, or objects holding Decimals for object arrays). A float64 array of cash flows gives a float.
@overload
def fv(  # type: ignore[overload-overlap]
    rate: _DecimalLike,
    nper: _DecimalLike,
    pmt: _DecimalLike,
    pv: _DecimalLike,
    when: _WhenLike = "end",
) -> Decimal: ...
@overload
def fv(  # type: ignore[overload-overlap]
    rate: _FloatLike,
    nper: _FloatLike,
    pmt: _FloatLike,
    pv: _FloatLike,
    when: _WhenLike = "end",
) -> float: ...
@overload
def fv(
    rate: _ColumnLike,
    nper: _ColumnLike,
    pmt: _ColumnLike,
    pv: _ColumnLike,
    when: _WhenLike = "end",
) -> npt.NDArray[Any]: ...
@overload
def pv(  # type: ignore[overload-overlap]
    rate: _DecimalLike,
    nper: _DecimalLike,
    pmt: _DecimalLike,
    fv: _DecimalLike = 0,
    when: _WhenLike = "end",
) -> Decimal: ...
@overload
def pv(  # type: ignore[overload-overlap]
    rate: _FloatLike,
    nper: _FloatLike,
    pmt: _FloatLike,
    fv: _FloatLike = 0,
    when: _WhenLike = "end",
) -> float: ...
@overload
def pv(
    rate: _ColumnLike,
    nper: _ColumnLike,
    pmt: _ColumnLike,
    fv: _ColumnLike = 0,
    when: _WhenLike = "end",
) -> npt.NDArray[Any]: ...
@overload
def pmt(  # type: ignore[overload-overlap]
    rate: _DecimalLike,
    nper: _DecimalLike,
    pv: _DecimalLike,
    fv: _DecimalLike = 0,
    when: _WhenLike = "end",
) -> Decimal: ...
@overload
def pmt(  # type: ignore[overload-overlap]
    rate: _FloatLike,
    nper: _FloatLike,
    pv: _FloatLike,
    fv: _FloatLike = 0,
    when: _WhenLike = "end",
) -> float: ...
@overload
def pmt(
    rate: _ColumnLike,
    nper: _ColumnLike,
    pv: _ColumnLike,
    fv: _ColumnLike = 0,
    when: _WhenLike = "end",
) -> npt.NDArray[Any]: ...
@overload
def nper(  # type: ignore[overload-overlap]
    rate: _DecimalLike,
    pmt: _DecimalLike,
    pv: _DecimalLike,
    fv: _DecimalLike = 0,
    when: _WhenLike = "end",
) -> Decimal: ...
@overload
def nper(  # type: ignore[overload-overlap]
    rate: _FloatLike,
    pmt: _FloatLike,
    pv: _FloatLike,
    fv: _FloatLike = 0,
    when: _WhenLike = "end",
) -> float: ...
@overload
def nper(
    rate: _ColumnLike,
    pmt: _ColumnLike,
    pv: _ColumnLike,
    fv: _ColumnLike = 0,
    when: _WhenLike = "end",
) -> npt.NDArray[Any]: ...
@overload
def ipmt(  # type: ignore[overload-overlap]
    rate: _DecimalLike,
    per: _DecimalLike,
    nper: _DecimalLike,
    pv: _DecimalLike,
    fv: _DecimalLike = 0,
    when: _WhenLike = "end",
) -> Decimal: ...
@overload
def ipmt(  # type: ignore[overload-overlap]
    rate: _FloatLike,
    per: _FloatLike,
    nper: _FloatLike,
    pv: _FloatLike,
    fv: _FloatLike = 0,
    when: _WhenLike = "end",
) -> float: ...
@overload
def ipmt(
    rate: _ColumnLike,
    per: _ColumnLike,
    nper: _ColumnLike,
    pv: _ColumnLike,
    fv: _ColumnLike = 0,
    when: _WhenLike = "end",
) -> npt.NDArray[Any]: ...
@overload
def ppmt(  # type: ignore[overload-overlap]
    rate: _DecimalLike,
    per: _DecimalLike,
    nper: _DecimalLike,
    pv: _DecimalLike,
    fv: _DecimalLike = 0,
    when: _WhenLike = "end",
) -> Decimal: ...
@overload
def ppmt(  # type: ignore[overload-overlap]
    rate: _FloatLike,
    per: _FloatLike,
    nper: _FloatLike,
    pv: _FloatLike,
    fv: _FloatLike = 0,
    when: _WhenLike = "end",
) -> float: ...
@overload
def ppmt(
    rate: _ColumnLike,
    per: _ColumnLike,
    nper: _ColumnLike,
    pv: _ColumnLike,
    fv: _ColumnLike = 0,
    when: _WhenLike = "end",
) -> npt.NDArray[Any]: ...
@overload
def cumipmt(  # type: ignore[overload-overlap]
    rate: _DecimalLike,
    nper: _DecimalLike,
    pv: _DecimalLike,
    start_period: _DecimalLike,
    end_period: _DecimalLike,
    when: _WhenLike = "end",
) -> Decimal: ...
@overload
def cumipmt(  # type: ignore[overload-overlap]
    rate: _FloatLike,
    nper: _FloatLike,
    pv: _FloatLike,
    start_period: _FloatLike,
    end_period: _FloatLike,
    when: _WhenLike = "end",
) -> float: ...
@overload
def cumipmt(
    rate: _ColumnLike,
    nper: _ColumnLike,
    pv: _ColumnLike,
    start_period: _ColumnLike,
    end_period: _ColumnLike,
    when: _WhenLike = "end",
) -> npt.NDArray[Any]: ...
@overload
def cumprinc(  # type: ignore[overload-overlap]
    rate: _DecimalLike,
    nper: _DecimalLike,
    pv: _DecimalLike,
    start_period: _DecimalLike,
    end_period: _DecimalLike,
    when: _WhenLike = "end",
) -> Decimal: ...
@overload
def cumprinc(  # type: ignore[overload-overlap]
    rate: _FloatLike,
    nper: _FloatLike,
    pv: _FloatLike,
    start_period: _FloatLike,
    end_period: _FloatLike,
    when: _WhenLike = "end",
) -> float: ...
@overload
def cumprinc(
    rate: _ColumnLike,
    nper: _ColumnLike,
    pv: _ColumnLike,
    start_period: _ColumnLike,
    end_period: _ColumnLike,
    when: _WhenLike = "end",
) -> npt.NDArray[Any]: ...
@overload
def rate(  # type: ignore[overload-overlap]
    nper: _DecimalLike,
    pmt: _DecimalLike,
    pv: _DecimalLike,
    fv: _DecimalLike,
    when: _WhenLike = "end",
    guess: Optional[_DecimalLike] = None,
) -> Decimal: ...
@overload
def rate(  # type: ignore[overload-overlap]
    nper: _FloatLike,
    pmt: _FloatLike,
    pv: _FloatLike,
    fv: _FloatLike,
    when: _WhenLike = "end",
    guess: Optional[_FloatLike] = None,
) -> float: ...
@overload
def rate(
    nper: _ColumnLike,
    pmt: _ColumnLike,
    pv: _ColumnLike,
    fv: _ColumnLike,
    when: _WhenLike = "end",
    guess: Optional[_ColumnLike] = None,
) -> npt.NDArray[Any]: ...
@overload
def npv(rate: _DecimalLike, values: npt.NDArray[np.floating[Any]]) -> float: ...
@overload
def npv(rate: _DecimalLike, values: Iterable[_DecimalLike]) -> Decimal: ...  # type: ignore[overload-overlap]
@overload
def npv(rate: _FloatLike, values: _FloatSeries) -> float: ...
@overload
def irr(values: npt.NDArray[np.floating[Any]], guess: Optional[_FloatLike] = None) -> float: ...
@overload
def irr(values: Iterable[_DecimalLike], guess: Optional[_DecimalLike] = None) -> Decimal: ...  # type: ignore[overload-overlap]
@overload
def irr(values: _FloatSeries, guess: Optional[_FloatLike] = None) -> float: ...
@overload
def mirr(
    values: npt.NDArray[np.floating[Any]], finance_rate: _FloatLike, reinvest_rate: _FloatLike
) -> float: ...
@overload
def mirr(  # type: ignore[overload-overlap]
    values: Iterable[_DecimalLike], finance_rate: _DecimalLike, reinvest_rate: _DecimalLike
) -> Decimal: ...
@overload
def mirr(values: _FloatSeries, finance_rate: _FloatLike, reinvest_rate: _FloatLike) -> float: ...
@overload
def xnpv(
    rate: _DecimalLike,
    dates: _DateSeries,
    amounts: npt.NDArray[np.floating[Any]],
    day_count: _DayCountLike = "ACT/365F",
) -> float: ...
@overload
def xnpv(  # type: ignore[overload-overlap]
    rate: _DecimalLike,
    dates: _DateSeries,
    amounts: Iterable[_DecimalLike],
    day_count: _DayCountLike = "ACT/365F",
) -> Decimal: ...
@overload
def xnpv(
    rate: _FloatLike,
    dates: _DateSeries,
    amounts: _FloatSeries,
    day_count: _DayCountLike = "ACT/365F",
) -> float: ...
@overload
def xirr(
    dates: _DateSeries,
    amounts: npt.NDArray[np.floating[Any]],
    day_count: _DayCountLike = "ACT/365F",
    guess: Optional[_FloatLike] = None,
) -> float: ...
@overload
def xirr(  # type: ignore[overload-overlap]
    dates: _DateSeries,
    amounts: Iterable[_DecimalLike],
    day_count: _DayCountLike = "ACT/365F",
    guess: Optional[_DecimalLike] = None,
) -> Decimal: ...
@overload
def xirr(
    dates: _DateSeries,
    amounts: _FloatSeries,
    day_count: _DayCountLike = "ACT/365F",
    guess: Optional[_FloatLike] = None,
) -> float: ...

# Annual percentage rates (re-exported by collections_core.finance).
@final
class RegulationZApr:
    def __new__(
        cls,
        apr: _DecimalLike,
        rate_per_unit_period: _DecimalLike,
        unit_period: str,
        unit_periods_per_year: _DecimalLike,
        irregular: bool,
    ) -> RegulationZApr: ...
    @property
    def apr(self) -> Decimal: ...
    @property
    def rate_per_unit_period(self) -> Decimal: ...
    @property
    def unit_period(self) -> str: ...
    @property
    def unit_periods_per_year(self) -> Decimal: ...
    @property
    def irregular(self) -> bool: ...
    @property
    def tolerance(self) -> Decimal: ...
    def is_accurate(self, disclosed: _DecimalLike) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(
        self,
    ) -> tuple[type[RegulationZApr], tuple[Decimal, Decimal, str, Decimal, bool]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Aprc:
    def __new__(cls, percent: _DecimalLike, rate: _DecimalLike) -> Aprc: ...
    @property
    def percent(self) -> Decimal: ...
    @property
    def rate(self) -> Decimal: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[type[Aprc], tuple[Decimal, Decimal]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def apr_regulation_z(
    advance_dates: _DateSeries,
    advance_amounts: Iterable[_DecimalLike],
    payment_dates: _DateSeries,
    payment_amounts: Iterable[_DecimalLike],
    *,
    unit_period: Optional[str] = None,
) -> RegulationZApr: ...
def aprc_eu(
    drawdown_dates: _DateSeries,
    drawdown_amounts: Iterable[_DecimalLike],
    payment_dates: _DateSeries,
    payment_amounts: Iterable[_DecimalLike],
    *,
    basis: str = "days",
    decimals: int = 1,
) -> Aprc: ...

# Amortized repayment schedules (re-exported by collections_core).
@final
class ScheduleRow:
    def __new__(
        cls,
        number: int,
        due_date: _DateLike,
        days: int,
        opening_balance: _DecimalLike,
        payment: _DecimalLike,
        interest: _DecimalLike,
        deferred_interest: _DecimalLike,
        principal: _DecimalLike,
        closing_balance: _DecimalLike,
        holiday: bool,
    ) -> ScheduleRow: ...
    @property
    def number(self) -> int: ...
    @property
    def due_date(self) -> datetime.date: ...
    @property
    def days(self) -> int: ...
    @property
    def opening_balance(self) -> Decimal: ...
    @property
    def payment(self) -> Decimal: ...
    @property
    def interest(self) -> Decimal: ...
    @property
    def deferred_interest(self) -> Decimal: ...
    @property
    def principal(self) -> Decimal: ...
    @property
    def closing_balance(self) -> Decimal: ...
    @property
    def holiday(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(
        self,
    ) -> tuple[
        type[ScheduleRow],
        tuple[int, datetime.date, int, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, bool],
    ]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class ScheduleTotals:
    def __new__(
        cls, payment: _DecimalLike, interest: _DecimalLike, principal: _DecimalLike
    ) -> ScheduleTotals: ...
    @property
    def payment(self) -> Decimal: ...
    @property
    def interest(self) -> Decimal: ...
    @property
    def principal(self) -> Decimal: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[type[ScheduleTotals], tuple[Decimal, Decimal, Decimal]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Schedule:
    @property
    def rows(self) -> tuple[ScheduleRow, ...]: ...
    @property
    def totals(self) -> ScheduleTotals: ...
    @property
    def level_payment(self) -> Optional[Decimal]: ...
    @property
    def currency(self) -> Currency: ...
    @property
    def terms(self) -> dict[str, Any]: ...
    def reamortize(
        self,
        from_row: int,
        *,
        annual_rate: Union[Rate, _DecimalLike, None] = None,
        term: Optional[int] = None,
        payment: Optional[_DecimalLike] = None,
    ) -> Schedule: ...
    # numpy arrays by column name (numpy is optional, so typed loosely).
    def columns(self) -> dict[str, Any]: ...
    # A pyarrow.Table and a pandas.DataFrame (optional dependencies, so typed as Any).
    def to_arrow(self) -> Any: ...
    def to_pandas(self) -> Any: ...
    def to_dict(self) -> dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: SupportsIndex, /) -> ScheduleRow: ...
    @overload
    def __getitem__(self, index: slice, /) -> tuple[ScheduleRow, ...]: ...
    def __iter__(self) -> Iterator[ScheduleRow]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def amortize(
    principal: _DecimalLike,
    annual_rate: Union[Rate, _DecimalLike],
    start_date: _DateLike,
    first_due_date: _DateLike,
    *,
    term: Optional[int] = None,
    payment: Optional[_DecimalLike] = None,
    frequency: _FrequencyLike = "monthly",
    currency: Union[Currency, str] = "USD",
    end_of_month: bool = False,
    interest_method: str = "periodic",
    day_count: Optional[_DayCountLike] = None,
    kind: str = "level_payment",
    amortization_periods: Optional[int] = None,
    step_percent: Optional[_DecimalLike] = None,
    every: Optional[int] = None,
    payments: Optional[Iterable[_DecimalLike]] = None,
    odd_first_period: str = "add_to_first_installment",
    stub_day_count: _DayCountLike = "ACT/365F",
    payment_holidays: Iterable[int] = (),
    holiday_interest: str = "capitalize",
    payment_rounding: str = "half-up",
    payment_multiple: Optional[_DecimalLike] = None,
    interest_rounding: str = "half-up",
    max_rows: int = 1200,
) -> Schedule: ...
