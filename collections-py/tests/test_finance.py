"""collections_core.finance takes numpy-financial's and pyxirr's calls as written, and returns exact Decimals.

The figures are checked by the shared vectors (test_vectors.py) and bad input by test_errors.py; this file
checks the Python surface: signatures, argument kinds, iterables, day counts and the documented conventions.
"""

from __future__ import annotations

import datetime
import inspect
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any, Dict, Iterator

import pytest

import collections_core as cc
from collections_core import finance as fin

# numpy-financial 1.0's signatures (without its tol/maxiter/raise_exceptions extras), and pyxirr's order
# for the dated functions.
SIGNATURES: Dict[str, str] = {
    "fv": "(rate, nper, pmt, pv, when='end')",
    "pv": "(rate, nper, pmt, fv=0, when='end')",
    "pmt": "(rate, nper, pv, fv=0, when='end')",
    "nper": "(rate, pmt, pv, fv=0, when='end')",
    "ipmt": "(rate, per, nper, pv, fv=0, when='end')",
    "ppmt": "(rate, per, nper, pv, fv=0, when='end')",
    "rate": "(nper, pmt, pv, fv, when='end', guess=None)",
    "npv": "(rate, values)",
    "irr": "(values, guess=None)",
    "mirr": "(values, finance_rate, reinvest_rate)",
    "cumipmt": "(rate, nper, pv, start_period, end_period, when='end')",
    "cumprinc": "(rate, nper, pv, start_period, end_period, when='end')",
    "xnpv": "(rate, dates, amounts, day_count='ACT/365F')",
    "xirr": "(dates, amounts, day_count='ACT/365F', guess=None)",
}

DATES = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
AMOUNTS = [-10000, 2750, 4250, 3250, 2750]
MONTHLY_8 = cc.Rate("8%").periodic("monthly")


def test_every_function_is_exported() -> None:
    assert sorted(fin.__all__) == sorted(SIGNATURES)
    assert cc.finance is fin


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signatures_are_numpy_financials(name: str) -> None:
    function = getattr(fin, name)
    assert str(inspect.signature(function)) == SIGNATURES[name]
    assert function.__doc__ and ">>>" in function.__doc__


def test_keyword_calls_with_numpy_financial_names() -> None:
    by_position = fin.pmt(MONTHLY_8, 60, 15000, 0, "begin")
    by_name = fin.pmt(rate=MONTHLY_8, nper=60, pv=15000, fv=0, when="begin")
    assert by_position == by_name
    assert round(by_name, 6) == Decimal("-302.131703")
    # The root to the solver's tolerance (1e-18) from either starting guess.
    from_guess = fin.rate(10, 0, -3500, 10000, guess="0.2")
    assert abs(from_guess - fin.rate(10, 0, -3500, 10000)) < Decimal("1e-18")


def test_results_are_decimals_and_arguments_take_decimal_int_str() -> None:
    values = [
        fin.fv(Decimal("0.075"), 20, "-2000", 0),
        fin.fv("0.075", "20", -2000, Decimal(0)),
        fin.fv(Decimal("0.0750"), Decimal("20"), Decimal("-2000.00"), "0", 0),
    ]
    assert all(type(v) is Decimal for v in values)
    assert len(set(values)) == 1


def test_series_take_any_iterable() -> None:
    flows = [-150000, 15000, 25000, 35000, 45000, 60000]
    expected = fin.irr(flows)

    def generate() -> Iterator[int]:
        yield from flows

    assert fin.irr(tuple(flows)) == expected
    assert fin.irr(generate()) == expected
    assert fin.irr([str(v) for v in flows]) == expected
    assert fin.irr(Decimal(v) for v in flows) == expected
    assert fin.npv("0.05", iter(flows)) == fin.npv("0.05", flows)


def test_dated_flows_take_dates_text_and_iterables() -> None:
    as_dates = [datetime.date.fromisoformat(d) for d in DATES]
    expected = fin.xirr(DATES, AMOUNTS)
    assert fin.xirr(as_dates, AMOUNTS) == expected
    assert fin.xirr(iter(as_dates), (a for a in AMOUNTS)) == expected
    assert round(expected, 8) == Decimal("0.37336253")


def test_day_count_by_name_or_object() -> None:
    by_name = fin.xnpv("0.09", DATES, AMOUNTS, "ACT/360")
    assert fin.xnpv("0.09", DATES, AMOUNTS, cc.DayCount("ACT/360")) == by_name
    assert fin.xnpv("0.09", DATES, AMOUNTS, day_count="actual/360") == by_name
    assert round(by_name, 10) == Decimal("2074.5227849245")
    assert fin.xnpv("0.09", DATES, AMOUNTS) == fin.xnpv("0.09", DATES, AMOUNTS, "ACT/365F")
    icma = cc.DayCount(
        "ACT/ACT ICMA", reference_start="2008-01-01", reference_end="2009-01-01", frequency="annual"
    )
    assert type(fin.xirr(DATES, AMOUNTS, icma)) is Decimal


def test_npv_discounts_the_first_value_at_t0() -> None:
    assert fin.npv("0.1", [100]) == 100
    # Excel's NPV(0.1, 100, 200) discounts the first value one period: npv with a leading 0.
    excel_npv = fin.npv("0.1", [0, 100, 200])
    assert abs(excel_npv - fin.npv("0.1", [100, 200]) / Decimal("1.1")) < Decimal("1e-24")
    assert round(excel_npv, 6) == Decimal("256.198347")


def test_numpy_financial_issue_35_is_exact() -> None:
    # numpy-financial's floats give ipmt 0.0 and ppmt 40.008 here.
    args: Dict[str, Any] = {"rate": Decimal("0.1479"), "per": 297, "nper": 300, "pv": Decimal("-270.51")}
    assert round(fin.ipmt(**args), 4) == Decimal("16.9656")
    assert round(fin.ppmt(**args), 4) == Decimal("23.0428")
    payment = fin.pmt(Decimal("0.1479"), 300, Decimal("-270.51"))
    assert abs(fin.ipmt(**args) + fin.ppmt(**args) - payment) < Decimal("1e-24")


def test_cumulative_parts_add_up_to_the_payments() -> None:
    rate, nper, pv = Decimal("0.0075"), 360, 125000
    payment = fin.pmt(rate, nper, pv)
    total = fin.cumipmt(rate, nper, pv, 13, 24) + fin.cumprinc(rate, nper, pv, 13, 24)
    assert abs(total - 12 * payment) < Decimal("1e-20")


def test_runs_from_many_threads() -> None:
    # The solvers run detached from the interpreter; concurrent calls give the same answers.
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: fin.xirr(DATES, AMOUNTS), range(16)))
    assert len(set(results)) == 1


def test_python_decimal_division_is_rounded_to_28_digits() -> None:
    # Python's default context gives Decimal("0.08") / 12 thirty places; the core keeps 28, as Python does.
    assert cc.parse_decimal(str(Decimal("0.08") / 12)) == Decimal("0.0066666666666666666666666667")
    assert round(fin.pmt(Decimal("0.08") / 12, 60, 15000), 6) == Decimal("-304.145914")
    assert cc.parse_decimal("0.12345678901234567890123456789") == Decimal("0.1234567890123456789012345679")
