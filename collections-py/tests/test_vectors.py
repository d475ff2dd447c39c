"""Runs every case of every file in tests/vectors/ through the Python API.

The Rust and C suites run the same files, so the three surfaces are held to the same answers. An unknown
``op`` fails, so a new kind of case cannot be skipped silently.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any, Callable, Dict, List

import pytest

import collections_core as cc
from collections_core import finance

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"
FILES = sorted(VECTORS.glob("*.json"))

ERRORS: Dict[str, type[cc.CollectionsError]] = {
    "invalid_argument": cc.InvalidArgumentError,
    "invalid_decimal": cc.InvalidDecimalError,
    "invalid_date": cc.InvalidDateError,
    "unknown_currency": cc.UnknownCurrencyError,
    "currency_mismatch": cc.CurrencyMismatchError,
    "invalid_rate": cc.InvalidRateError,
    "overflow": cc.ArithmeticOverflowError,
    "date_out_of_range": cc.DateOutOfRangeError,
    "no_solution": cc.NoSolutionError,
}

Case = Dict[str, Any]


def load_cases() -> List[Any]:
    params = []
    for path in FILES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(doc["cases"]):
            params.append(pytest.param(case, id=f"{path.stem}-{i:03d}-{case.get('op', '?')}"))
    return params


CASES = load_cases()


def text(value: Decimal) -> str:
    """Canonical decimal text, without exponent notation: Decimal('2.50') -> '2.50'."""
    return format(value, "f")


def rounded(value: Decimal, places: int) -> str:
    return text(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN))


def calendar(case: Case) -> cc.HolidayCalendar:
    if case["calendar"] == "custom":
        return cc.HolidayCalendar(weekend=case["weekend"], holidays=case["holidays"])
    return cc.HolidayCalendar.builtin(case["calendar"])


def day_count(case: Case) -> cc.DayCount:
    keys = ("reference_start", "reference_end", "frequency", "maturity", "end_of_month_rule")
    return cc.DayCount(case["convention"], **{k: case[k] for k in keys if k in case})


def compounding(case: Case) -> Dict[str, Any]:
    if case.get("continuous"):
        return {"continuous": True}
    return {"periods_per_year": case["periods_per_year"]}


def year_fraction(case: Case) -> Dict[str, Any]:
    dc = day_count(case)
    out: Dict[str, Any] = {"days": dc.days(case["start"], case["end"])}
    fraction = dc.year_fraction(case["start"], case["end"])
    if "year_fraction" in case:
        out["year_fraction"] = rounded(fraction, case["places"])
    return out


def date_schedule(case: Case) -> Dict[str, Any]:
    end = {"count": case["count"]} if "count" in case else {"until": case["until"]}
    dates = cc.date_schedule(
        case["start"], case["frequency"], end_of_month=case.get("end_of_month", False), **end
    )
    out: Dict[str, Any] = {"expected": [d.isoformat() for d in dates]}
    if "calendar" in case:
        adjusted = calendar(case).adjust_all(dates, case["convention"])
        out["adjusted"] = [d.isoformat() for d in adjusted]
    return out


# finance.json: each op's arguments, by numpy-financial's (or pyxirr's) names, in call order.
FINANCE_ARGS: Dict[str, tuple[str, ...]] = {
    "fv": ("rate", "nper", "pmt", "pv", "when"),
    "pv": ("rate", "nper", "pmt", "fv", "when"),
    "pmt": ("rate", "nper", "pv", "fv", "when"),
    "nper": ("rate", "pmt", "pv", "fv", "when"),
    "ipmt": ("rate", "per", "nper", "pv", "fv", "when"),
    "ppmt": ("rate", "per", "nper", "pv", "fv", "when"),
    "rate": ("nper", "pmt", "pv", "fv", "when"),
    "cumipmt": ("rate", "nper", "pv", "start_period", "end_period", "when"),
    "cumprinc": ("rate", "nper", "pv", "start_period", "end_period", "when"),
    "npv": ("rate", "values"),
    "irr": ("values",),
    "mirr": ("values", "finance_rate", "reinvest_rate"),
}


def finance_op(op: str) -> Callable[[Case], str]:
    """A finance.json op: the function called with the case's arguments by keyword, rounded to ``places``.

    Every argument and ``places`` must be in the case, as the Rust suite requires: a case that left one
    out would otherwise get Python's default, or be rounded to a whole number, and could pass here alone.
    """
    function = getattr(finance, op)

    def run(case: Case) -> str:
        kwargs = {name: case[name] for name in FINANCE_ARGS[op]}
        return rounded(function(**kwargs), case["places"])

    return run


def dated(case: Case) -> Dict[str, Any]:
    """xnpv/xirr arguments: the case's ``[date, amount]`` flows as pyxirr's dates and amounts."""
    return {
        "dates": [date for date, _ in case["flows"]],
        "amounts": [amount for _, amount in case["flows"]],
        "day_count": case["day_count"],
    }


def split_flows(flows: List[List[str]]) -> tuple[List[str], List[str]]:
    """``[[date, amount], ...]`` as the dates and the amounts."""
    return [date for date, _ in flows], [amount for _, amount in flows]


def apr_regulation_z(case: Case) -> Dict[str, Any]:
    """apr.json's Regulation Z case: the APR rounded to ``places``, the unit period and the irregular test."""
    kwargs = {"unit_period": case["unit_period"]} if "unit_period" in case else {}
    result = finance.apr_regulation_z(
        *split_flows(case["advances"]), *split_flows(case["payments"]), **kwargs
    )
    return {
        "expected": rounded(result.apr, case["places"]),
        "expected_unit_period": result.unit_period,
        "expected_irregular": result.irregular,
    }


def aprc_eu(case: Case) -> str:
    """apr.json's EU case: the APRC in percent, already rounded half up to ``decimals`` by the function."""
    result = finance.aprc_eu(
        *split_flows(case["drawdowns"]),
        *split_flows(case["payments"]),
        basis=case["basis"],
        decimals=case["decimals"],
    )
    return text(result.percent)


# schedules.json: the keys of a case that are not amortize's arguments.
SCHEDULE_META = {"op", "source", "note", "error", "error_field", "exact_text", "reamortize"}


def row_values(row: cc.ScheduleRow, wanted: Case) -> Dict[str, Any]:
    """The keys of a partial expected row, read from ``row``: amounts as exact text, dates as ISO text."""
    out: Dict[str, Any] = {}
    for key in wanted:
        value = wanted["number"] if key == "number" else getattr(row, key)
        if isinstance(value, Decimal):
            value = text(value)
        elif key == "due_date":
            value = value.isoformat()
        out[key] = value
    return out


def amortize(case: Case) -> Dict[str, Any]:
    """schedules.json: the case's terms are amortize's keyword arguments, by the same names; the
    expected rows are picked by number (negative from the end)."""
    terms = {k: v for k, v in case.items() if k not in SCHEDULE_META and not k.startswith("expected")}
    schedule = cc.amortize(**terms)
    if "reamortize" in case:
        change = dict(case["reamortize"])
        schedule = schedule.reamortize(change.pop("from_row"), **change)
    rows = schedule.rows
    picked: List[Any] = []
    for wanted in case.get("expected_rows", []):
        number = wanted["number"]
        index = number if number < 0 else number - 1
        picked.append(row_values(rows[index], wanted) if -len(rows) <= index < len(rows) else None)
    level = schedule.level_payment
    return {
        "expected_level_payment": None if level is None else text(level),
        "expected_row_count": len(rows),
        "expected_rows": picked,
        "expected_totals": {k: text(v) for k, v in schedule.totals.to_dict().items()},
    }


OPS: Dict[str, Callable[[Case], Any]] = {
    **{op: finance_op(op) for op in FINANCE_ARGS},
    "xnpv": lambda c: rounded(finance.xnpv(c["rate"], **dated(c)), c["places"]),
    "xirr": lambda c: rounded(finance.xirr(**dated(c)), c["places"]),
    "apr_regulation_z": apr_regulation_z,
    "aprc_eu": aprc_eu,
    "amortize": amortize,
    "year_fraction": year_fraction,
    "adjust": lambda c: calendar(c).adjust(c["date"], c["convention"]).isoformat(),
    "add_business_days": lambda c: calendar(c).add_business_days(c["date"], c["n"]).isoformat(),
    "is_business_day": lambda c: calendar(c).is_business_day(c["date"]),
    "holidays": lambda c: [d.isoformat() for d, _ in calendar(c).holidays(c["year"])],
    "date_schedule": date_schedule,
    "round": lambda c: text(cc.Money(c["amount"], c["currency"]).round(c["mode"]).amount),
    "round_decimal": lambda c: text(cc.round_decimal(c["value"], c["places"], c["mode"])),
    "round_to_multiple": lambda c: text(
        cc.Money(c["amount"], c["currency"]).round_to_multiple(c["multiple"], c["mode"]).amount
    ),
    "split": lambda c: [
        text(p.amount) for p in cc.Money(c["total"], c["currency"]).split(c["weights"])
    ],
    "add": lambda c: text((cc.Money(**c["left"]) + cc.Money(**c["right"])).amount),
    "minor_units": lambda c: cc.Currency(c["currency"]).minor_units,
    "to_minor_units": lambda c: cc.Money(c["amount"], c["currency"]).to_minor_units(),
    "parse_decimal": lambda c: text(cc.parse_decimal(c["text"])),
    "periodic": lambda c: text(cc.Rate.from_fraction(c["rate"]).periodic(c["frequency"])),
    "effective_annual": lambda c: rounded(
        cc.Rate.from_fraction(c["rate"]).effective_annual(**compounding(c)).fraction, c["places"]
    ),
    "nominal_from_effective": lambda c: rounded(
        cc.Rate.from_effective_annual(c["effective"], **compounding(c)).fraction, c["places"]
    ),
    "from_percent": lambda c: text(cc.Rate.from_percent(c["percent"]).fraction),
}


def same(expected: Any, got: Any, exact_text: bool) -> bool:
    """Decimal text compares as numbers unless ``exact_text``; everything else compares as JSON."""
    if isinstance(expected, str) and isinstance(got, str) and not exact_text:
        try:
            return Decimal(expected) == Decimal(got)
        except ArithmeticError:
            return expected == got
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(
            same(e, g, exact_text) for e, g in zip(expected, got)
        )
    return bool(expected == got) and type(expected) is type(got)


def test_the_vector_files_are_there() -> None:
    names = {p.name for p in FILES}
    assert {
        "apr.json",
        "business_days.json",
        "date_schedules.json",
        "day_counts.json",
        "finance.json",
        "money.json",
        "rates.json",
        "schedules.json",
    } <= names
    assert len(CASES) >= 100


@pytest.mark.parametrize("case", CASES)
def test_vector(case: Case) -> None:
    assert "source" in case, "every case names its source"
    op = OPS.get(case["op"])
    if op is None:
        pytest.fail(f"unknown op {case['op']!r}")
    if "error" in case:
        with pytest.raises(ERRORS[case["error"]]) as raised:
            op(case)
        assert isinstance(raised.value, cc.CollectionsError)
        assert isinstance(raised.value, ValueError)
        if "error_field" in case:
            assert raised.value.field == case["error_field"], f"the error names {raised.value.field!r}"
        return
    got = op(case)
    exact = bool(case.get("exact_text", False))
    if isinstance(got, dict):
        stated = [key for key in got if key in case]
        assert stated, "the case states no expected value"
        for key in stated:
            assert same(case[key], got[key], exact), f"{key}: expected {case[key]!r}, got {got[key]!r}"
    else:
        assert same(case["expected"], got, exact), f"expected {case['expected']!r}, got {got!r}"
