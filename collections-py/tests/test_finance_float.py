"""collections_core.finance with floats and arrays: numpy-financial's results, shapes and types.

A float among the arguments takes the f64 path (a float out); numpy arrays, lists and tuples broadcast
as in numpy-financial (an ndarray out). These tests hold the float path to numpy-financial's own results
and to the exact path, within 1e-9 relative, on a grid of ordinary loans; check the shapes and dtypes
against numpy-financial's; and check that bad input raises the exception of the exact path, naming
the argument (and, in an array, the row).
"""

from __future__ import annotations

import datetime
import itertools
import subprocess
import sys
from decimal import Decimal
from typing import Any, Callable, Iterator, List, Tuple, cast

import numpy as np
import numpy_financial as npf
import pytest

import collections_core as cc
from collections_core import finance as fin

RELATIVE = 1e-9

RATES = [0.0, 0.001, 0.005, 0.08 / 12, 0.01, 0.05]
NPERS = [1, 12, 60, 360]
PVS = [1000.0, -250000.0]
FVS = [0.0, -500.0]
WHENS = ["end", "begin"]


def close(ours: float, theirs: float, floor: float = 1e-9) -> bool:
    return abs(ours - theirs) <= RELATIVE * abs(theirs) + floor


def exact(x: float) -> Decimal:
    return Decimal(repr(x))


def grid() -> List[Tuple[float, int, float, float, str]]:
    return list(itertools.product(RATES, NPERS, PVS, FVS, WHENS))


def npf_value(name: str, *args: Any, **kwargs: Any) -> float:
    # numpy-financial divides by a zero rate before it picks its zero-rate formula, and warns.
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(getattr(npf, name)(*args, **kwargs))


@pytest.mark.parametrize("name", ["fv", "pv", "pmt"])
def test_closed_forms_match_numpy_financial_and_the_exact_path(name: str) -> None:
    ours_fn: Callable[..., Any] = getattr(fin, name)
    for rate, nper, a, b, when in grid():
        ours = ours_fn(rate, nper, a, b, when)
        assert type(ours) is float
        theirs = npf_value(name, rate, nper, a, b, when)
        scale = abs(a) + abs(b)
        assert close(ours, theirs, 1e-12 * scale), (name, rate, nper, a, b, when, ours, theirs)
        precise = ours_fn(exact(rate), nper, exact(a), exact(b), when)
        assert type(precise) is Decimal
        assert close(ours, float(precise), 1e-12 * scale), (name, rate, nper, a, b, when, ours, precise)


def test_nper_matches_numpy_financial() -> None:
    for rate, nper, pv, fv, when in grid():
        if nper == 1 and rate == 0.05:
            continue
        payment = npf_value("pmt", rate, nper, pv, fv, when)
        ours = fin.nper(rate, payment, pv, fv, when)
        assert type(ours) is float
        assert close(ours, nper, 1e-8)
        # numpy-financial 1.0's scalar zero-rate branch has the sign of pv wrong ((-fv + pv) / pmt).
        if rate != 0.0:
            assert close(ours, npf_value("nper", rate, payment, pv, fv, when), 1e-8)


def test_parts_of_payments_match_numpy_financial() -> None:
    # numpy-financial's retrospective balance loses digits late in long, dear loans (its issue #35), so
    # its figures are compared where they are sound, and the exact path everywhere.
    for rate, nper, pv, fv, when in grid():
        for per in sorted({1, (nper + 1) // 2, nper}):
            for name in ("ipmt", "ppmt"):
                ours = getattr(fin, name)(rate, per, nper, pv, fv, when)
                assert type(ours) is float
                precise = getattr(fin, name)(exact(rate), per, nper, exact(pv), exact(fv), when)
                scale = abs(pv) + abs(fv)
                assert close(ours, float(precise), 1e-12 * scale), (name, rate, per, nper, pv, fv, when)
                if nper <= 60:
                    theirs = npf_value(name, rate, per, nper, pv, fv, when)
                    assert close(ours, theirs, 1e-10 * scale), (name, rate, per, nper, pv, fv, when, theirs)


def test_issue_35_is_right_in_floats_too() -> None:
    # numpy-financial gives ipmt 0.0 and ppmt 40.008 here; the true values are 16.9656 and 23.0428.
    assert round(fin.ipmt(0.1479, 297, 300, -270.51), 4) == 16.9656
    assert round(fin.ppmt(0.1479, 297, 300, -270.51), 4) == 23.0428
    assert abs(npf_value("ipmt", 0.1479, 297, 300, -270.51) - 16.9656) > 1


def test_cumulative_parts_match_the_exact_path() -> None:
    for rate, nper, pv, _, when in grid():
        for start, end in [(1, 1), (1, nper), ((nper + 1) // 2, nper)]:
            for name in ("cumipmt", "cumprinc"):
                ours = getattr(fin, name)(rate, nper, pv, start, end, when)
                precise = getattr(fin, name)(exact(rate), nper, exact(pv), start, end, when)
                assert type(ours) is float
                assert close(ours, float(precise), 1e-12 * abs(pv) * nper), (name, rate, nper, pv, start, end)


def test_rate_matches_numpy_financial() -> None:
    for rate, nper, pv, fv, when in grid():
        if rate == 0.0 or nper == 1:
            continue
        payment = npf_value("pmt", rate, nper, pv, fv, when)
        ours = fin.rate(nper, payment, pv, fv, when)
        assert type(ours) is float
        # numpy-financial stops at a step of 1e-6 unless told otherwise.
        assert close(ours, npf_value("rate", nper, payment, pv, fv, when, tol=1e-14, maxiter=1000), 1e-12)
        assert close(ours, float(fin.rate(nper, exact(payment), exact(pv), exact(fv), when)), 1e-12)


FLOWS = [
    [-150000.0, 15000.0, 25000.0, 35000.0, 45000.0, 60000.0],
    [-100.0, 39.0, 59.0, 55.0, 20.0],
    [-1000.0] + [90.0] * 12,
]


@pytest.mark.parametrize("flows", FLOWS)
def test_cash_flow_functions_match_numpy_financial(flows: List[float]) -> None:
    exact_flows = [exact(v) for v in flows]
    for rate in (0.0, 0.05, 0.1):
        assert close(fin.npv(rate, flows), float(npf.npv(rate, flows)), 1e-9)
        assert close(fin.npv(rate, flows), float(fin.npv(exact(rate), exact_flows)), 1e-9)
    ours = fin.irr(flows)
    assert type(ours) is float
    assert close(ours, float(npf.irr(flows)), 1e-12)
    assert close(ours, float(fin.irr(exact_flows)), 1e-12)
    assert fin.irr(np.array(flows)) == ours
    m = fin.mirr(flows, 0.1, 0.12)
    assert close(m, float(npf.mirr(flows, 0.1, 0.12)), 1e-12)
    assert close(m, float(fin.mirr(exact_flows, Decimal("0.1"), Decimal("0.12"))), 1e-12)


def test_dated_flows_agree_with_the_exact_path() -> None:
    dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
    amounts = [-10000.0, 2750.0, 4250.0, 3250.0, 2750.0]
    for day_count in ("ACT/365F", "ACT/ACT ISDA", "30/360 US"):
        ours = fin.xirr(dates, amounts, day_count)
        assert type(ours) is float
        assert close(ours, float(fin.xirr(dates, [int(a) for a in amounts], day_count)), 1e-12)
        assert fin.xirr(dates, np.array(amounts), day_count) == ours
        whole = [int(a) for a in amounts]
        assert close(fin.xnpv(0.09, dates, amounts, day_count), float(fin.xnpv(Decimal("0.09"), dates, whole, day_count)))
    assert round(fin.xirr(dates, amounts), 9) == 0.373362534


def test_float_lists_are_read_by_their_own_iteration() -> None:
    class Doubled(List[float]):
        def __iter__(self) -> Iterator[float]:
            return (2 * x for x in list(super().__iter__()))

    flows = [-100.0, 60.0, 60.0]
    assert fin.npv(0.1, Doubled(flows)) == fin.npv(0.1, [2 * x for x in flows])
    assert fin.irr(tuple(flows)) == fin.irr(flows) == fin.irr(iter(flows))


def test_dates_may_be_a_datetime64_array() -> None:
    dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
    days = np.array(dates, dtype="datetime64[D]")
    floats = [-10000.0, 2750.0, 4250.0, 3250.0, 2750.0]
    exact_amounts = [-10000, 2750, 4250, 3250, 2750]
    # The same dates as the list: the same results, to the last bit and digit.
    for day_count in ("ACT/365F", "ACT/ACT ISDA", "30/360 US"):
        assert fin.xirr(days, floats, day_count) == fin.xirr(dates, floats, day_count)
        assert fin.xirr(days, exact_amounts, day_count) == fin.xirr(dates, exact_amounts, day_count)
        assert fin.xnpv(0.09, days, floats, day_count) == fin.xnpv(0.09, dates, floats, day_count)
        exact_npv = fin.xnpv("0.09", dates, exact_amounts, day_count)
        assert fin.xnpv("0.09", days, exact_amounts, day_count) == exact_npv
    assert round(fin.xirr(days, floats), 9) == 0.373362534
    assert round(fin.xirr(days, exact_amounts), 10) == Decimal("0.3733625335")
    assert round(fin.xnpv(Decimal("0.09"), days, exact_amounts), 2) == Decimal("2086.65")
    # A strided view and a float64 array of amounts.
    every_other = np.repeat(days, 2)[::2]
    assert fin.xirr(every_other, np.array(floats)) == fin.xirr(dates, floats)
    # Every argument that takes several dates.
    advances = ["1978-01-10"]
    payments = [f"{1978 + m // 12}-{m % 12 + 1:02}-10" for m in range(1, 25)]
    assert fin.apr_regulation_z(
        np.array(advances, dtype="datetime64[D]"), [5000], np.array(payments, dtype="datetime64[D]"), [230] * 24
    ) == fin.apr_regulation_z(advances, [5000], payments, [230] * 24)
    eu = fin.aprc_eu(
        np.array(["1994-01-01"], dtype="datetime64[D]"),
        [1000],
        np.array(["1995-07-01"], dtype="datetime64[D]"),
        [1200],
        decimals=2,
    )
    assert eu.percent == Decimal("12.96")
    holidays = np.array(["2026-07-03", "2026-12-25"], dtype="datetime64[D]")
    company = cc.HolidayCalendar(holidays=holidays)
    assert company == cc.HolidayCalendar(holidays=["2026-07-03", "2026-12-25"])
    assert company.adjust_all(np.array(["2026-07-03", "2026-07-04"], dtype="datetime64[D]")) == [
        datetime.date(2026, 7, 6),
        datetime.date(2026, 7, 6),
    ]
    assert cc.HolidayCalendar().with_holidays(holidays) == company


def test_datetime64_dates_refuse_other_units_nat_and_shapes() -> None:
    amounts = [-100.0, 110.0]
    with pytest.raises(cc.InvalidArgumentError, match=r"datetime64\[D\], not datetime64\[ns\]") as info:
        fin.xirr(np.array(["2026-01-01", "2027-01-01"], dtype="datetime64[ns]"), amounts)
    assert info.value.field == "dates"
    with pytest.raises(cc.InvalidArgumentError, match="not a date") as info:
        fin.xirr(np.array(["2026-01-01", "NaT"], dtype="datetime64[D]"), amounts)
    assert info.value.value == "NaT at index 1"
    with pytest.raises(cc.InvalidArgumentError, match="one-dimensional"):
        fin.xirr(np.array([["2026-01-01", "2027-01-01"]], dtype="datetime64[D]"), amounts)
    with pytest.raises(cc.DateOutOfRangeError) as out:
        fin.xirr(np.array(["2026-01-01", "10000-01-01"], dtype="datetime64[D]"), amounts)
    assert out.value.field == "dates" and out.value.value == "2932897 days from 1970-01-01 at index 1"
    with pytest.raises(cc.InvalidArgumentError, match="need one amount per date"):
        fin.xirr(np.array(["2026-01-01"], dtype="datetime64[D]"), amounts)
    # A subclass of ndarray (here a masked array) is read item by item, and its items are not dates.
    masked = np.ma.masked_array(np.array(["2026-01-01", "2027-01-01"], dtype="datetime64[D]"), [False, True])
    with pytest.raises(cc.InvalidArgumentError, match="expected a datetime.date"):
        fin.xirr(masked, amounts)


def test_result_types_follow_the_arguments() -> None:
    assert type(fin.pmt(Decimal("0.01"), 12, 1000)) is Decimal
    assert type(fin.pmt(0.01, 12, 1000)) is float
    # Any float among the arguments chooses the float path; ints and text follow the others.
    assert type(fin.pmt(Decimal("0.01"), 12.0, 1000)) is float
    assert type(fin.pmt("0.01", 12, 1000.0)) is float
    assert type(fin.npv(Decimal("0.05"), [-100, 110.0])) is float
    assert type(fin.irr([-100, 110], 0.1)) is float
    assert type(fin.irr([-100, 110])) is Decimal
    # numpy's float64 scalars are floats.
    assert type(fin.pmt(np.float64(0.01), 12, 1000)) is float
    assert fin.pmt(Decimal("0.01"), 12.0, 1000) == fin.pmt(0.01, 12, 1000)


def test_arrays_give_float64_arrays_with_numpy_financials_shapes() -> None:
    rates = np.array([0.005, 0.01, 0.02])[:, None]
    npers = np.array([12, 24, 36, 60])
    ours = fin.pmt(rates, npers, 10000.0)
    theirs = npf.pmt(rates, npers, 10000.0)
    assert isinstance(ours, np.ndarray) and ours.dtype == np.float64
    assert ours.shape == theirs.shape == (3, 4)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12)
    # Lists and tuples broadcast too, as numpy-financial's do; int arrays are numbers.
    balloons = np.array([[0], [1000]])
    listed = fin.fv([0.01, 0.02], (12, 24), -100, balloons)
    assert listed.shape == npf.fv([0.01, 0.02], (12, 24), -100, balloons).shape == (2, 2)
    np.testing.assert_allclose(listed, npf.fv([0.01, 0.02], (12, 24), -100, balloons), rtol=1e-12)
    per = np.arange(1, 13)
    np.testing.assert_allclose(fin.ipmt(0.01, per, 12, 1000), npf.ipmt(0.01, per, 12, 1000), rtol=1e-10)
    np.testing.assert_allclose(fin.ppmt(0.01, per, 12, 1000, 0, "begin"), npf.ppmt(0.01, per, 12, 1000, 0, "begin"), rtol=1e-10)
    np.testing.assert_allclose(fin.nper([0.01, 0.02], -100, 1000), npf.nper([0.01, 0.02], -100, 1000), rtol=1e-12)
    np.testing.assert_allclose(fin.rate([12, 24], -100, 1000, 0), npf.rate([12, 24], -100, 1000, 0), rtol=1e-10)
    # A strided view and an empty array.
    strided = np.linspace(0.001, 0.02, 20)[::3]
    np.testing.assert_allclose(fin.pv(strided, 60, -100), npf.pv(strided, 60, -100), rtol=1e-12)
    assert fin.pmt(np.array([]), 12, 1000).shape == (0,)


def test_long_columns_match_row_by_row() -> None:
    # Long enough to be split over threads; the rows are the scalar results.
    rng = np.random.default_rng(7)
    n = 200_000
    rate = rng.uniform(0.0005, 0.03, n)
    nper = rng.integers(1, 481, n).astype(np.float64)
    pv = rng.uniform(-1e6, 1e6, n)
    ours = fin.pmt(rate, nper, pv)
    np.testing.assert_allclose(ours, npf.pmt(rate, nper, pv), rtol=1e-9)
    for i in (0, 1, n // 2, n - 1):
        assert ours[i] == fin.pmt(float(rate[i]), float(nper[i]), float(pv[i]))


def test_object_arrays_of_decimals_give_decimals() -> None:
    rates = np.array([Decimal("0.005"), Decimal("0.01")], dtype=object)
    ours = fin.pmt(rates, [12, 24], 1000)
    assert ours.dtype == object and ours.shape == (2,)
    assert all(type(v) is Decimal for v in ours.tolist())
    assert ours[1] == fin.pmt(Decimal("0.01"), 24, 1000)
    # Lists of Decimals, and int arrays with a Decimal among the arguments, are exact too.
    assert fin.pmt([Decimal("0.01")], 24, 1000)[0] == ours[1]
    assert fin.pmt(Decimal("0.01"), np.array([12, 24]), 1000).dtype == object
    grid2 = fin.fv(np.array([[Decimal("0.01")], [Decimal("0.02")]], dtype=object), [12, 24], -100, 0)
    assert grid2.shape == (2, 2) and grid2[1, 0] == fin.fv(Decimal("0.02"), 12, -100, 0)
    # A zero-dimensional argument gives a scalar, as numpy-financial does.
    # (The stubs cannot tell a zero-dimensional array from others: they promise an ndarray.)
    assert type(cast(object, fin.pmt(np.array(Decimal("0.01"), dtype=object), 12, 1000))) is Decimal
    assert type(cast(object, fin.pmt(np.array(0.01), 12, 1000))) is float


def test_exact_and_float_arrays_agree() -> None:
    rng = np.random.default_rng(3)
    rates = np.round(rng.uniform(0.001, 0.02, 200), 6)
    npers = rng.integers(1, 361, 200)
    floats = fin.pmt(rates, npers, 25000.0)
    decimals = fin.pmt(np.array([Decimal(repr(float(r))) for r in rates], dtype=object), npers, 25000)
    np.testing.assert_allclose(floats, decimals.astype(np.float64), rtol=1e-12)


def test_the_first_bad_row_is_named() -> None:
    with pytest.raises(cc.InvalidRateError, match=r"^rate: .*got -2 at index 2\)") as raised:
        fin.pmt([0.01, 0.02, -2.0, -3.0], 12, 1000)
    assert raised.value.field == "rate" and raised.value.value == "-2 at index 2"
    with pytest.raises(cc.InvalidArgumentError, match=r"at index \(1, 0\)") as nan:
        fin.pmt(np.array([[0.01], [np.nan]]), [12, 24], 1000)
    assert nan.value.field == "rate"
    with pytest.raises(cc.NoSolutionError, match=r"at index 1") as never:
        fin.nper(0.01, np.array([-100.0, -5.0]), 1000)
    assert never.value.field == "pmt"
    with pytest.raises(cc.InvalidDecimalError, match=r"at index 1"):
        fin.pmt(np.array([Decimal("0.01"), Decimal("NaN")], dtype=object), 12, 1000)


def test_numpy_is_not_imported_for_scalars() -> None:
    code = (
        "import sys, collections_core.finance as f\n"
        "f.pmt(0.01, 12, 1000.0); f.pmt('0.01', 12, 1000); f.irr([-100.0, 110.0])\n"
        "assert 'numpy' not in sys.modules, 'numpy was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
