"""The finance functions over Arrow columns: pyarrow arrays, pandas and polars Series. float64 columns
take the f64 path (float64 out), decimal128 columns the exact path (decimal128 out), row by row without
a Python object per value; the result is the kind of column given."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, List, Optional

import pytest

import collections_core as cc
from collections_core.finance import fv, ipmt, nper, pmt, ppmt, pv, rate

pa = pytest.importorskip("pyarrow")


def dec(values: List[Optional[str]], scale: int = 4) -> Any:
    return pa.array([None if v is None else Decimal(v) for v in values], pa.decimal128(20, scale))


def test_float64_columns_give_float64() -> None:
    # 1,000 at 1% a period over 12: 1000 x 0.01 / (1 - 1.01^-12) = 10 / 0.1125508... = 88.8487887;
    # at 0% the payment is the principal over the periods: 1200 / 12 = 100.
    out = pmt(pa.array([0.01, 0.0]), 12, pa.array([1000.0, 1200.0]))
    assert isinstance(out, pa.Array) and out.type == pa.float64()
    got = out.to_pylist()
    assert round(got[0], 7) == -88.8487887 and got[1] == -100.0
    # The first period's interest is the balance's: 1000 x 1% = 10; the rest of the payment is
    # principal: 88.8487887 - 10 = 78.8487887.
    assert ipmt(pa.array([0.01]), 1, 12, 1000).to_pylist() == [-10.0]
    assert round(ppmt(pa.array([0.01]), 1, 12, 1000).to_pylist()[0], 7) == -78.8487887
    # A chunked array reads as one column.
    assert ipmt(pa.chunked_array([[0.01], [0.02]]), 1, 12, 1000).to_pylist() == [-10.0, -20.0]


def test_decimal128_columns_are_exact() -> None:
    # 100 at 10% for 2 periods grows to 100 x 1.1^2 = 121; 10 a period for 10 periods at 0% is 100 today.
    out = fv(dec(["0.1", "0"]), pa.array([2, 2]), 0, dec(["-100", "-50"], 2))
    assert out.type.id == pa.decimal128(1, 0).id
    assert out.to_pylist() == [Decimal("121"), Decimal("50")]
    assert pv(dec(["0"]), 10, -10).to_pylist() == [Decimal("100")]
    # 1,200 over 12 periods at 0%: -100 a period; 100 a period repays 1,000 at 0% in 10 periods.
    assert pmt(dec(["0"]), 12, 1200).to_pylist() == [Decimal("-100")]
    assert nper(dec(["0"]), -100, 1000).to_pylist() == [Decimal("10")]
    # -100 today and +121 in 2 periods: 10% a period.
    assert rate(pa.array([2]), 0, dec(["-100"]), 121).to_pylist() == [Decimal("0.1")]


def test_nulls_give_nulls_and_bad_rows_name_their_index() -> None:
    assert pmt(dec(["0", None]), 12, 1200).to_pylist() == [Decimal("-100"), None]
    assert pmt(pa.array([0.0, None]), 12, 1200).to_pylist() == [-100.0, None]
    with pytest.raises(cc.CollectionsError) as e:
        pmt(pa.array([0.01, -1.0]), 12, 1000)
    assert e.value.field == "rate" and str(e.value.value).endswith("at index 1")
    with pytest.raises(cc.InvalidArgumentError) as e:
        pmt(pa.array([0.01, 0.02]), pa.array([12]), 1000)
    assert (e.value.field, e.value.value) == ("nper", "1 values")
    with pytest.raises(cc.InvalidArgumentError) as e:
        pmt(pa.array(["2026-01-01"], pa.string()).cast(pa.date32()), 12, 1000)
    assert e.value.field == "rate"


def test_pandas_series_in_pandas_series_out() -> None:
    pd = pytest.importorskip("pandas")
    rates = pd.Series([0.01, 0.0], index=[5, 6], name="r")
    out = pmt(rates, 12, 1200)
    assert isinstance(out, pd.Series)
    assert list(out.index) == [5, 6] and out.name == "r" and out.dtype == "float64"
    assert out[6] == -100.0
    exact = pmt(pd.Series([Decimal("0"), Decimal("0")], dtype=pd.ArrowDtype(pa.decimal128(10, 2))), 12, 1200)
    assert list(exact) == [Decimal("-100"), Decimal("-100")]


def test_polars_series_in_polars_series_out() -> None:
    pl = pytest.importorskip("polars")
    out = pmt(pl.Series("r", [0.0, 0.0]), 12, 1200)
    assert isinstance(out, pl.Series)
    assert out.to_list() == [-100.0, -100.0]


def test_numpy_behaviour_unchanged() -> None:
    np = pytest.importorskip("numpy")
    out = pmt(np.array([0.0, 0.0]), 12, 1200)
    assert isinstance(out, np.ndarray) and list(out) == [-100.0, -100.0]


def test_arrow_overloads_type_check() -> None:
    # mypy checks this file against the shipped stubs: a polars Series (an Arrow stream) is accepted
    # by the column overloads, and the result is what was given back (typed Any).
    pl = pytest.importorskip("polars")
    import polars

    series: polars.Series = pl.Series("r", [0.01])
    out = pmt(series, 12, 1000)
    assert isinstance(out, pl.Series) and round(out[0], 2) == -88.85
