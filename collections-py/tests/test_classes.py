"""The classes are immutable values: repr, equality, hashing, pickling, to_dict; exceptions pickle too."""

from __future__ import annotations

import copy
import datetime
import pickle
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator, List

import cloudpickle
import pytest

import collections_core as cc
from collections_core import (
    Currency,
    DayCount,
    Frequency,
    HolidayCalendar,
    Money,
    Rate,
)
from collections_core.finance import Aprc, RegulationZApr, apr_regulation_z, aprc_eu

VALUES: List[Any] = [
    pytest.param(Currency("USD"), id="currency-iso"),
    pytest.param(Currency("PTS", 0), id="currency-user-defined"),
    pytest.param(Currency("JPY", 1), id="currency-iso-code-other-units"),
    pytest.param(Money("2.50", "USD"), id="money"),
    pytest.param(Money("-0.001", "KWD"), id="money-kwd"),
    pytest.param(Money("7", Currency("PTS", 0)), id="money-user-currency"),
    pytest.param(Rate("5.25%"), id="rate"),
    pytest.param(Rate.from_fraction("0.0500"), id="rate-scaled"),
    pytest.param(Frequency("monthly"), id="frequency"),
    pytest.param(Frequency.semi_monthly(15, 31), id="frequency-semi-monthly"),
    pytest.param(DayCount("ACT/360"), id="day-count"),
    pytest.param(DayCount("30/360 US", end_of_month_rule=False), id="day-count-30-360-no-eom"),
    pytest.param(DayCount("30/360 US"), id="day-count-30-360"),
    pytest.param(DayCount("30E/360 ISDA", maturity="2030-02-28"), id="day-count-30e-isda"),
    pytest.param(DayCount("30E/360 ISDA"), id="day-count-30e-isda-no-maturity"),
    pytest.param(
        DayCount(
            "ACT/ACT ICMA",
            reference_start="2003-11-01",
            reference_end="2004-05-01",
            frequency="semi-annual",
        ),
        id="day-count-icma",
    ),
    pytest.param(HolidayCalendar(), id="calendar-default"),
    pytest.param(HolidayCalendar.us_federal(), id="calendar-us"),
    pytest.param(HolidayCalendar.england_and_wales(), id="calendar-uk"),
    pytest.param(
        HolidayCalendar(weekend=("fri", "sat"), holidays=["2026-03-19", "2026-03-20"]),
        id="calendar-custom",
    ),
    pytest.param(
        HolidayCalendar(weekend=["Friday"], holidays=["2026-01-02"], rules=["us-federal", "uk"]),
        id="calendar-custom-with-rules",
    ),
    pytest.param(
        apr_regulation_z(
            ["1978-01-10"], [5000], cc.date_schedule("1978-02-10", "monthly", count=24), [230] * 24
        ),
        id="regulation-z-apr",
    ),
    pytest.param(
        apr_regulation_z(["2026-01-01", "2026-02-01"], [3000, 2000], ["2026-03-01"], [5100]),
        id="regulation-z-apr-irregular",
    ),
    pytest.param(apr_regulation_z(["2026-01-01"], [1000], ["2026-04-01"], [1050]), id="regulation-z-apr-days"),
    pytest.param(RegulationZApr("0.24", "0.01", "semimonth", 24, True), id="regulation-z-apr-built"),
    pytest.param(aprc_eu(["1994-01-01"], [1000], ["1995-07-01"], [1200], decimals=2), id="aprc"),
    pytest.param(Aprc("12.960", "0.1296"), id="aprc-built"),
]

NAMESPACE = {
    **{name: getattr(cc, name) for name in cc.__all__},
    **{name: getattr(cc.finance, name) for name in cc.finance.__all__},
    "datetime": datetime,
    "Decimal": Decimal,
}


@pytest.mark.parametrize("value", VALUES)
def test_repr_evaluates_to_an_equal_value(value: Any) -> None:
    assert eval(repr(value), NAMESPACE) == value


@pytest.mark.parametrize("value", VALUES)
def test_equal_values_hash_equal(value: Any) -> None:
    twin = eval(repr(value), NAMESPACE)
    assert twin == value and not (twin != value)
    assert hash(twin) == hash(value)
    assert value != object() and not (value == "something else")
    assert len({value, twin}) == 1


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(value: Any, protocol: int) -> None:
    back = pickle.loads(pickle.dumps(value, protocol=protocol))
    assert back == value and type(back) is type(value)
    assert repr(back) == repr(value)


@pytest.mark.parametrize("value", VALUES)
def test_cloudpickle_and_copy_round_trip(value: Any) -> None:
    back = cloudpickle.loads(cloudpickle.dumps(value))
    assert back == value and repr(back) == repr(value)
    assert copy.copy(value) == value
    assert copy.deepcopy(value) == value


@pytest.mark.parametrize("value", VALUES)
def test_immutable(value: Any) -> None:
    with pytest.raises(AttributeError):
        value.anything = 1
    for name in ("amount", "currency", "code", "fraction", "name", "weekend", "apr", "unit_period", "percent"):
        if hasattr(value, name):
            with pytest.raises(AttributeError):
                setattr(value, name, None)


@pytest.mark.parametrize("cls", [Currency, Money, Rate, Frequency, DayCount, HolidayCalendar])
def test_classes_are_final(cls: type) -> None:
    with pytest.raises(TypeError):
        type("Sub", (cls,), {})
    assert cls.__module__ == "collections_core"


@pytest.mark.parametrize("value", VALUES)
def test_to_dict_has_plain_values(value: Any) -> None:
    d = value.to_dict()
    assert isinstance(d, dict) and d
    assert all(isinstance(k, str) for k in d)


@pytest.mark.parametrize(
    "value",
    [
        v
        for v in VALUES
        if isinstance(v.values[0], (Currency, Frequency, DayCount, HolidayCalendar, RegulationZApr, Aprc))
    ],
)
def test_to_dict_rebuilds(value: Any) -> None:
    assert type(value)(**value.to_dict()) == value


def test_money_values() -> None:
    m = Money("2.50", "USD")
    assert m.amount == Decimal("2.50") and str(m.amount) == "2.50"  # the scale is kept
    assert isinstance(m.amount, Decimal)
    assert m.currency == Currency("usd")
    assert str(m) == "2.50 USD" and repr(m) == "Money('2.50', 'USD')"
    assert m == Money(Decimal("2.5"), Currency("USD")) and hash(m) == hash(Money("2.5", "USD"))
    assert m != Money("2.50", "EUR")
    assert m.to_dict() == {"amount": Decimal("2.50"), "currency": {"code": "USD", "minor_units": 2}}
    assert Money(m.to_dict()["amount"], Currency(**m.to_dict()["currency"])) == m
    assert str(Money("10.005", "USD").round()) == "10.01 USD"
    assert str(Money("10.005", "USD").round("half-even")) == "10.00 USD"
    assert str(Money("7", "EUR").round("down").amount) == "7.00"
    assert str(Money("304.15", "USD").round_to_multiple(5, "up")) == "305.00 USD"
    assert [str(p.amount) for p in Money("100.00", "USD").split([500, 300, 200])] == [
        "50.00",
        "30.00",
        "20.00",
    ]
    assert [str(p.amount) for p in Money("100.00", "USD").split(["1", Decimal(1), 1])] == [
        "33.34",
        "33.33",
        "33.33",
    ]
    assert str(m + Money("1.005", "USD")) == "3.505 USD"
    assert str(m - Money("3", "USD")) == "-0.50 USD"
    assert str(-m) == "-2.50 USD"
    assert m * 2 == Money("5", "USD") and 2 * m == m * 2
    assert m * Decimal("0.1") == Money("0.25", "USD")
    assert Money("12.34", "USD").to_minor_units() == 1234
    assert Money.from_minor_units(12345, "KWD") == Money("12.345", "KWD")
    assert Money.from_minor_units(-500, Currency("JPY")).to_minor_units() == -500
    assert repr(Money("1", Currency("PTS", 0))) == "Money('1', Currency('PTS', 0))"


def test_currency_values() -> None:
    usd = Currency("usd")
    assert usd.code == "USD" and usd.minor_units == 2 and usd.is_iso
    assert str(usd) == "USD" and repr(usd) == "Currency('USD')"
    assert Currency("USD", 2) == usd
    assert not Currency("JPY", 1).is_iso and Currency("JPY", 1) != Currency("JPY")
    isos = Currency.iso_currencies()
    assert len(isos) > 150 and usd in isos and isos == sorted(isos)
    assert Currency("KWD").minor_units == 3


def test_rate_values() -> None:
    r = Rate("5.25%")
    assert r.fraction == Decimal("0.0525") and r.percent == Decimal("5.25")
    assert str(r) == "5.25%" and repr(r) == "Rate('5.25%')"
    assert r == Rate("0.0525") == Rate(Decimal("0.0525")) == Rate.from_percent("5.25") == Rate(r)
    assert Rate.from_percent(1) < Rate.from_percent(2) <= Rate.from_percent(2)
    assert Rate.from_percent(12).periodic("monthly") == Decimal("0.01")
    assert Rate.from_percent(26).periodic(Frequency("biweekly")) == Decimal("0.01")
    assert Rate.from_percent(8).effective_annual(4).fraction == Decimal("0.08243216")
    assert Rate.from_percent(8).effective_annual(Frequency("quarterly")) == Rate("8.243216%")
    back = Rate.from_effective_annual(Rate.from_percent(8).effective_annual(continuous=True), continuous=True)
    assert abs(back.fraction - Decimal("0.08")) < Decimal("1e-20")
    assert Rate.from_fraction("0.0500").to_dict() == {"fraction": Decimal("0.0500")}
    assert str(pickle.loads(pickle.dumps(Rate.from_fraction("0.0500"))).fraction) == "0.0500"


def test_frequency_values() -> None:
    f = Frequency("Semi-Monthly(15, 31)")
    assert f == Frequency.semi_monthly(15, 31)
    assert f.name == "semi-monthly(15,31)" and f.periods_per_year == 24
    assert Frequency("semi-monthly").name == "semi-monthly(1,15)"
    assert Frequency("fortnightly") == Frequency("biweekly")
    assert repr(Frequency("yearly")) == "Frequency('annual')"
    feb29 = Frequency("monthly").add_periods(datetime.date(2024, 1, 31), 1)
    assert feb29 == datetime.date(2024, 2, 29) and type(feb29) is datetime.date
    assert Frequency("monthly").add_periods("2024-02-29", 1, end_of_month=True) == datetime.date(2024, 3, 31)
    assert Frequency("monthly").add_periods("2024-03-31", -1) == datetime.date(2024, 2, 29)


def test_day_count_values() -> None:
    isda = DayCount("actual/actual isda")
    assert isda == DayCount("ACT/ACT ISDA") and isda.name == "ACT/ACT ISDA"
    fraction = isda.year_fraction("2003-11-01", datetime.date(2004, 5, 1))
    assert isinstance(fraction, Decimal) and round(fraction, 12) == Decimal("0.497724380567")
    assert DayCount("ACT/360").days("2003-11-01", "2004-05-01") == 182
    assert DayCount("ACT/360").year_fraction("2004-05-01", "2003-11-01") < 0
    assert DayCount("30/360 US") != DayCount("30/360 US", end_of_month_rule=False)
    assert DayCount("30/360 US", end_of_month_rule=False).to_dict() == {
        "name": "30/360 US",
        "end_of_month_rule": False,
    }
    icma = DayCount(
        "act/act icma", reference_start="1998-07-01", reference_end="1999-07-01", frequency="annual"
    )
    assert round(icma.year_fraction("1999-02-01", "1999-07-01"), 12) == Decimal("0.410958904110")
    assert tuple(cc.DAY_COUNTS)[4] == icma.name


def test_lists_of_dates_read_every_kind_of_item() -> None:
    # A list or tuple of exact dates is read in one pass from the dates themselves; anything else in it
    # (text, a date subclass) sends the whole list down the general path. Either way the same dates.
    open_every_day = HolidayCalendar(weekend=())
    edges = [
        datetime.date(1, 1, 1),
        datetime.date(255, 12, 31),
        datetime.date(256, 1, 1),
        datetime.date(2000, 2, 29),
        datetime.date(2026, 11, 23),
        datetime.date(9999, 12, 31),
    ]
    assert open_every_day.adjust_all(edges, "unadjusted") == edges
    assert open_every_day.adjust_all(tuple(edges), "unadjusted") == edges
    assert open_every_day.adjust_all(iter(edges), "unadjusted") == edges
    assert open_every_day.adjust_all([d.isoformat() for d in edges], "unadjusted") == edges

    class Day(datetime.date):
        pass

    mixed: List[Any] = [edges[0], edges[4].isoformat(), Day(2026, 11, 24)]
    assert open_every_day.adjust_all(mixed, "unadjusted") == [
        edges[0],
        edges[4],
        datetime.date(2026, 11, 24),
    ]
    with pytest.raises(cc.InvalidArgumentError, match="datetime.datetime is refused"):
        open_every_day.adjust_all([edges[4], datetime.datetime(2026, 11, 24)])

    # A list subclass is read by its own iteration, as any iterable is.
    class Reversed(List[datetime.date]):
        def __iter__(self) -> Iterator[datetime.date]:
            return reversed(list(super().__iter__()))

    assert open_every_day.adjust_all(Reversed(edges), "unadjusted") == edges[::-1]


def test_holiday_calendar_values() -> None:
    us = HolidayCalendar.us_federal()
    assert us == HolidayCalendar.builtin("US") == HolidayCalendar(rules=["us-federal"])
    assert us.weekend == ("sat", "sun") and us.rules == ("us-federal",)
    assert us.is_holiday("2026-07-03") and not us.is_business_day("2026-07-03")
    assert us.is_weekend(datetime.date(2026, 7, 4))
    assert us.adjust("2026-07-04") == datetime.date(2026, 7, 6)
    assert us.adjust("2026-07-04", "preceding") == datetime.date(2026, 7, 2)
    assert us.adjust("2026-10-31", "modified-following") == datetime.date(2026, 10, 30)
    assert us.adjust_all(["2026-01-31", "2026-02-28"]) == [
        datetime.date(2026, 2, 2),
        datetime.date(2026, 3, 2),
    ]
    holidays = us.holidays(2021)
    assert len(holidays) == 12 and holidays[0] == (datetime.date(2021, 1, 1), "New Year's Day")
    uk = HolidayCalendar.england_and_wales()
    assert uk.add_business_days("2026-04-02", 1) == datetime.date(2026, 4, 7)
    assert uk.add_business_days("2026-04-07", -1) == datetime.date(2026, 4, 2)
    company = HolidayCalendar(weekend=("FRIDAY", "sat"), holidays=[datetime.date(2026, 7, 5)])
    assert company.weekend == ("fri", "sat") and company.rules == ()
    assert not company.is_business_day("2026-07-05")
    assert company.holidays(2026) == [(datetime.date(2026, 7, 5), "holiday")]
    more = company.with_holidays(["2026-07-06"])
    assert more != company and more.is_holiday("2026-07-06") and not company.is_holiday("2026-07-06")
    both = company.union(us)
    assert both.weekend == ("fri", "sat", "sun") and both.rules == ("us-federal",)
    assert both.to_dict() == {
        "weekend": ["fri", "sat", "sun"],
        "holidays": [datetime.date(2026, 7, 5)],
        "rules": ["us-federal"],
    }


def test_schedule_values() -> None:
    dates = cc.date_schedule("2024-01-31", "monthly", count=4)
    assert [d.isoformat() for d in dates] == ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]
    weekly = cc.date_schedule(datetime.date(2024, 1, 31), Frequency("weekly"), until="2024-02-29")
    assert len(weekly) == 5 and all(type(d) is datetime.date for d in weekly)
    eom = cc.date_schedule("2023-02-28", "monthly", count=3, end_of_month=True)
    assert eom[-1] == datetime.date(2023, 4, 30)


def test_functions_and_constants() -> None:
    assert cc.round_decimal("2.345", 2, "half-even") == Decimal("2.34")
    assert str(cc.round_decimal(Decimal("1.005"), 2)) == "1.01"
    assert str(cc.round_to_multiple("12.3", "0.50", "up")) == "12.50"
    assert str(cc.parse_decimal("1.5e3")) == "1500"
    assert str(cc.parse_decimal(" -0.50 ")) == "-0.50"
    assert cc.ROUNDING_MODES == ("half-up", "half-even", "half-down", "up", "down", "ceiling", "floor")
    assert cc.BUSINESS_DAY_CONVENTIONS == (
        "unadjusted",
        "following",
        "modified-following",
        "preceding",
        "modified-preceding",
    )
    assert len(cc.DAY_COUNTS) == 10 and "ACT/ACT ISDA" in cc.DAY_COUNTS
    for mode in cc.ROUNDING_MODES:
        cc.round_decimal("2.5", 0, mode)
    for convention in cc.BUSINESS_DAY_CONVENTIONS:
        HolidayCalendar().adjust("2026-10-31", convention)


def test_version_is_the_crate_version() -> None:
    cargo = (Path(__file__).resolve().parents[2] / "Cargo.toml").read_text(encoding="utf-8")
    match = re.search(r'^\[workspace\.package\][^\[]*?^version = "([^"]+)"', cargo, re.M | re.S)
    assert match is not None
    assert cc.__version__ == match.group(1)


EXCEPTIONS = [
    cc.CollectionsError,
    cc.InvalidArgumentError,
    cc.InvalidDecimalError,
    cc.InvalidDateError,
    cc.UnknownCurrencyError,
    cc.CurrencyMismatchError,
    cc.InvalidRateError,
    cc.ArithmeticOverflowError,
    cc.DateOutOfRangeError,
    cc.NoSolutionError,
]


@pytest.mark.parametrize("cls", EXCEPTIONS)
def test_exception_classes_pickle(cls: type[cc.CollectionsError]) -> None:
    e = cls("amount: something is wrong", "amount", "12,50")
    assert issubclass(cls, cc.CollectionsError) and issubclass(cls, ValueError)
    for dump, load in ((pickle.dumps, pickle.loads), (cloudpickle.dumps, cloudpickle.loads)):
        back = load(dump(e))
        assert type(back) is cls
        assert str(back) == str(e) and back.args == e.args
        assert (back.field, back.value) == ("amount", "12,50")
    assert repr(e).startswith(cls.__name__ + "(")
    assert cls.__module__ == "collections_core._errors"


def test_raised_exceptions_pickle() -> None:
    with pytest.raises(cc.CurrencyMismatchError) as raised:
        Money("1", "USD") + Money("1", "EUR")
    back = pickle.loads(pickle.dumps(raised.value))
    assert type(back) is cc.CurrencyMismatchError
    assert str(back) == str(raised.value) and back.field == "currency"
    assert cloudpickle.loads(cloudpickle.dumps(raised.value)).value == raised.value.value


def test_raised_no_solution_pickles() -> None:
    with pytest.raises(cc.NoSolutionError) as raised:
        cc.finance.nper("0.01", -5, 1000)
    for dump, load in ((pickle.dumps, pickle.loads), (cloudpickle.dumps, cloudpickle.loads)):
        back = load(dump(raised.value))
        assert type(back) is cc.NoSolutionError
        assert str(back) == str(raised.value) and back.args == raised.value.args
        assert (back.field, back.value) == ("pmt", raised.value.value)
