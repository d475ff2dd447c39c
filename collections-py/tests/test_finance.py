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
    "apr_regulation_z": "(advance_dates, advance_amounts, payment_dates, payment_amounts, *, unit_period=None)",
    "aprc_eu": "(drawdown_dates, drawdown_amounts, payment_dates, payment_amounts, *, basis='days', decimals=1)",
}
# The result classes of the APR functions.
CLASSES = {
    "RegulationZApr": "(apr, rate_per_unit_period, unit_period, unit_periods_per_year, irregular)",
    "Aprc": "(percent, rate)",
}

DATES = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
AMOUNTS = [-10000, 2750, 4250, 3250, 2750]
MONTHLY_8 = cc.Rate("8%").periodic("monthly")


def test_every_function_is_exported() -> None:
    assert sorted(fin.__all__) == sorted([*SIGNATURES, *CLASSES])
    assert cc.finance is fin


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_result_classes(name: str) -> None:
    cls = getattr(fin, name)
    assert str(inspect.signature(cls)) == CLASSES[name]
    assert cls.__module__ == "collections_core.finance"
    assert cls.__doc__ and ">>>" in cls.__doc__
    with pytest.raises(TypeError):
        type("Sub", (cls,), {})


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


def test_decimals_read_as_their_text() -> None:
    # A Decimal is read from str(): short text through a buffer on the stack, long text (more digits
    # than 28) and subclasses the general way; every form gives what its text gives.
    class Amount(Decimal):
        pass

    for rate in ("0.005", "5E-3", "0.00500000000000000000000000000001", "1.23456789E-41"):
        assert fin.pmt(Decimal(rate), 360, 200000) == fin.pmt(rate, 360, 200000)
        assert fin.pmt(Amount(rate), 360, 200000) == fin.pmt(rate, 360, 200000)
    assert len(str(Decimal("1." + "0" * 70))) > 64
    assert fin.npv(Decimal("0.1"), [Decimal("1." + "0" * 70)]) == Decimal(1)
    with pytest.raises(cc.InvalidDecimalError) as raised:
        fin.pmt(Decimal("NaN"), 360, 200000)
    assert raised.value.field == "rate" and raised.value.value == "NaN"


def test_ints_read_as_their_text() -> None:
    # An int that fits 64 bits is read as a number, a larger one through its text: the same values.
    class Count(int):
        pass

    for pv in (0, 1, -200000, 2**63 - 1, -(2**63), 2**63, 10**27, -(10**28)):
        assert fin.pmt(Decimal("0.01"), 12, pv) == fin.pmt("0.01", "12", str(pv))
        assert fin.pmt(Decimal("0.01"), Count(12), Count(pv)) == fin.pmt("0.01", "12", str(pv))
    assert fin.irr([-150000, 15000, 25000, 35000, 45000, 60000]) == fin.irr(
        ["-150000", "15000", "25000", "35000", "45000", "60000"]
    )
    with pytest.raises(cc.InvalidDecimalError) as raised:
        fin.pmt("0.01", 12, 10**40)
    assert raised.value.field == "pv" and raised.value.value == str(10**40)
    with pytest.raises(cc.InvalidArgumentError):
        fin.pmt("0.01", 12, True)


def test_python_decimal_division_is_rounded_to_28_digits() -> None:
    # Python's default context gives Decimal("0.08") / 12 thirty places; the core keeps 28, as Python does.
    assert cc.parse_decimal(str(Decimal("0.08") / 12)) == Decimal("0.0066666666666666666666666667")
    assert round(fin.pmt(Decimal("0.08") / 12, 60, 15000), 6) == Decimal("-304.145914")
    assert cc.parse_decimal("0.12345678901234567890123456789") == Decimal("0.1234567890123456789012345679")


# Appendix J (c)(1)(i): 5,000 advanced 1978-01-10, 24 monthly payments of 230 from 1978-02-10.
APPENDIX_J_PAYMENTS = cc.date_schedule("1978-02-10", "monthly", count=24)


def appendix_j(**kwargs: Any) -> fin.RegulationZApr:
    return fin.apr_regulation_z(["1978-01-10"], [5000], APPENDIX_J_PAYMENTS, [230] * 24, **kwargs)


def test_regulation_z_appendix_j() -> None:
    result = appendix_j()
    assert round(result.apr * 100, 2) == Decimal("9.69")
    assert result.unit_period == "months:1" and result.unit_periods_per_year == 12
    assert result.apr == result.rate_per_unit_period * 12
    assert result.irregular is False and result.tolerance == Decimal("0.00125")
    # Accurate within 1/8 of a percentage point either way.
    assert result.is_accurate(Decimal("0.0969")) and result.is_accurate("0.0975") and result.is_accurate(Decimal("0.0957"))
    assert not result.is_accurate(Decimal("0.0985")) and not result.is_accurate(Decimal("0.0955"))
    assert all(type(v) is Decimal for v in (result.apr, result.rate_per_unit_period, result.tolerance))


def test_regulation_z_arguments_take_dates_text_and_iterables() -> None:
    expected = appendix_j()
    assert appendix_j(unit_period="months:1") == expected
    assert appendix_j(unit_period=" Months:1 ") == expected
    as_text = [d.isoformat() for d in APPENDIX_J_PAYMENTS]
    again = fin.apr_regulation_z(
        (d for d in [datetime.date(1978, 1, 10)]), iter(["5000.00"]), tuple(as_text), (Decimal(230) for _ in range(24))
    )
    assert again == expected and hash(again) == hash(expected)


def test_regulation_z_unit_period_override_and_tolerance() -> None:
    weekly = appendix_j(unit_period="weeks:4")
    assert weekly.unit_period == "weeks:4" and weekly.unit_periods_per_year == 13
    # Monthly payments measured in 4-week periods are irregular: 1/4 of a percentage point.
    assert weekly.irregular is True and weekly.tolerance == Decimal("0.0025")
    assert appendix_j(unit_period="semimonth").unit_periods_per_year == 24
    assert appendix_j(unit_period="days:30").unit_period == "days:30"


def test_regulation_z_single_advance_and_payment() -> None:
    # One advance repaid by one payment within a year: one unit period of that many days.
    result = fin.apr_regulation_z(["2026-01-01"], [1000], ["2026-04-01"], [1050])
    assert result.unit_period == "days:90" and result.rate_per_unit_period == Decimal("0.05")
    assert round(result.apr, 10) == Decimal("0.2027777778")


def test_regulation_z_result_as_a_value() -> None:
    result = appendix_j()
    d = result.to_dict()
    assert d == {
        "apr": result.apr,
        "rate_per_unit_period": result.rate_per_unit_period,
        "unit_period": "months:1",
        "unit_periods_per_year": Decimal(12),
        "irregular": False,
    }
    assert fin.RegulationZApr(**d) == result
    assert repr(result).startswith("RegulationZApr(apr=Decimal('0.09685708")
    assert result != appendix_j(unit_period="weeks:4") and result != object()


def test_aprc_directive_98_7_example() -> None:
    result = fin.aprc_eu(["1994-01-01"], [1000], ["1995-07-01"], [1200], decimals=2)
    assert result.percent == Decimal("12.96") and str(result.percent) == "12.96"
    assert round(result.rate, 6) == Decimal("0.129620")
    # Defaults: the days basis, one decimal (half up).
    default = fin.aprc_eu(["1994-01-01"], [1000], ["1995-07-01"], [1200])
    assert str(default.percent) == "13.0" and default.rate == result.rate
    assert fin.aprc_eu(["1994-01-01"], [1000], ["1995-07-01"], [1200], basis="days") == default
    months = fin.aprc_eu(["1994-01-01"], [1000], ["1995-07-01"], [1200], basis="MONTHS", decimals=2)
    assert months.percent == Decimal("12.92")
    assert fin.Aprc(**result.to_dict()) == result
    assert repr(result) == f"Aprc(percent=Decimal('12.96'), rate={result.rate!r})"


def test_apr_functions_run_from_many_threads() -> None:
    # The solves run detached from the interpreter; concurrent calls give the same answers.
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: appendix_j(), range(8)))
        aprcs = list(pool.map(lambda _: fin.aprc_eu(["1994-01-01"], [1000], ["1995-07-01"], [1200]), range(8)))
    assert len(set(results)) == 1 and len(set(aprcs)) == 1
