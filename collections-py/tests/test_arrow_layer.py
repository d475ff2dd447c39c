"""The Arrow layer every batch call reads and writes through, exercised through amortize_many: the kinds
of table and column it reads (pyarrow, pandas, polars, dicts of Arrow arrays, numpy arrays or lists),
the typed reads and their errors, and the kinds of table it gives back."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Dict, List

import pytest

import collections_core as cc
from collections_core import amortize_many

pa = pytest.importorskip("pyarrow")

D = datetime.date

# Loan a: 300 at 12% a year (1% a month) over 3 months. The level payment is 300 x 0.01 / (1 - 1.01^-3)
# = 3 / 0.0294099 = 102.0066..., 102.01 (half-up).
#   1: interest 300.00 x 1% = 3.00, principal 99.01, balance 200.99
#   2: interest 200.99 x 1% = 2.0099 -> 2.01, principal 100.00, balance 100.99
#   3: interest 100.99 x 1% = 1.0099 -> 1.01, the last pays the balance off: 100.99 + 1.01 = 102.00
# Loan b: 1,200 at 0% over 2 months: 600.00 twice.
PAYMENTS = [Decimal(x) for x in ("102.01", "102.01", "102.00", "600.00", "600.00")]
INTEREST = [Decimal(x) for x in ("3.00", "2.01", "1.01", "0.00", "0.00")]
BALANCES = [Decimal(x) for x in ("200.99", "100.99", "0.00", "600.00", "0.00")]
DUE = [D(2026, 2, 1), D(2026, 3, 1), D(2026, 4, 1), D(2026, 2, 1), D(2026, 3, 1)]


def two_loans() -> Dict[str, List[Any]]:
    return {
        "loan_id": ["a", "b"],
        "principal": [300, 1200],
        "annual_rate": ["0.12", "0"],
        "start_date": ["2026-01-01"] * 2,
        "first_due_date": ["2026-02-01"] * 2,
        "term": [3, 2],
    }


def check(got: Dict[str, List[Any]], ids: List[Any] = ["a", "a", "a", "b", "b"]) -> None:
    assert got["loan_id"] == ids
    assert got["number"] == [1, 2, 3, 1, 2]
    assert got["due_date"] == DUE
    assert got["payment"] == PAYMENTS
    assert got["interest"] == INTEREST
    assert got["balance"] == BALANCES


def arrow_loans() -> Any:
    return pa.table({
        "loan_id": ["a", "b"],
        "principal": pa.array([Decimal("300.00"), Decimal("1200.00")], pa.decimal128(10, 2)),
        "annual_rate": pa.array([Decimal("0.12"), Decimal("0")], pa.decimal128(6, 4)),
        "start_date": pa.array([D(2026, 1, 1)] * 2, pa.date32()),
        "first_due_date": pa.array([D(2026, 2, 1)] * 2, pa.date32()),
        "term": pa.array([3, 2], pa.int32()),
    })


def test_every_kind_of_table_reads_alike() -> None:
    check(amortize_many(two_loans()).to_pydict())
    t = arrow_loans()
    check(amortize_many(t).to_pydict())
    # A RecordBatch (__arrow_c_array__), a RecordBatchReader (a stream), a table of two chunks.
    check(amortize_many(t.to_batches()[0]).to_pydict())
    check(amortize_many(pa.RecordBatchReader.from_batches(t.schema, t.to_batches())).to_pydict())
    two_chunks = pa.concat_tables([t.slice(0, 1), t.slice(1, 1)])
    assert two_chunks.column("principal").num_chunks == 2
    check(amortize_many(two_chunks).to_pydict())
    # A dict of Arrow arrays, chunked arrays and numpy arrays.
    np = pytest.importorskip("numpy")
    mixed = {
        "loan_id": pa.array(["a", "b"]),
        "principal": pa.chunked_array([[Decimal("300")], [Decimal("1200")]], pa.decimal128(10, 0)),
        "annual_rate": ["0.12", "0"],
        "start_date": np.array(["2026-01-01", "2026-01-01"], dtype="datetime64[D]"),
        "first_due_date": np.array(["2026-02-01T10:00", "2026-02-01T23:59"], dtype="datetime64[m]"),
        "term": np.array([3, 2], dtype=np.int16),
    }
    check(amortize_many(mixed).to_pydict())


class Stream:
    """Any object with __arrow_c_stream__ (neither pyarrow nor pandas)."""

    def __init__(self, table: Any) -> None:
        self.table = table

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self.table.__arrow_c_stream__(requested_schema)


def test_any_arrow_stream_reads_and_gives_a_pyarrow_table() -> None:
    out = amortize_many(Stream(arrow_loans()))
    assert isinstance(out, pa.Table)
    check(out.to_pydict())


def test_pandas_in_pandas_out() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(two_loans())
    df["start_date"] = pd.to_datetime(df["start_date"])
    df["principal"] = [Decimal("300"), Decimal("1200.00")]
    out = amortize_many(df)
    assert isinstance(out, pd.DataFrame)
    assert list(out["payment"]) == PAYMENTS
    assert list(out["loan_id"]) == ["a", "a", "a", "b", "b"]
    assert str(out["payment"].dtype) == "decimal128(38, 2)[pyarrow]"
    # pandas' own text column (Arrow-backed) is read through Arrow and its ids come back as text.
    assert list(amortize_many(pd.DataFrame(two_loans()))["loan_id"]) == ["a", "a", "a", "b", "b"]
    # A pandas column with a missing term (pandas makes it float64 with NaN) is refused as a float.
    df2 = pd.DataFrame(dict(two_loans(), term=[3, None], payment=[None, "600"]))
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(df2)
    assert (e.value.field, e.value.value) == ("term", "row 0: 3.0")
    # As a nullable integer column it reads, the null row taking its payment.
    df2["term"] = df2["term"].astype("Int64")
    got = amortize_many(df2)
    assert list(got["payment"]) == PAYMENTS


def test_polars_in_polars_out() -> None:
    pl = pytest.importorskip("polars")
    df = pl.DataFrame(two_loans())
    out = amortize_many(df)
    assert isinstance(out, pl.DataFrame)
    assert out["payment"].to_list() == PAYMENTS
    check(amortize_many({k: pl.Series(v) for k, v in two_loans().items()}).to_pydict())


def test_text_kinds_and_timestamps() -> None:
    t = pa.table({
        "loan_id": pa.array(["a", "b"], pa.large_string()),
        "principal": pa.array([Decimal("300"), Decimal("1200")], pa.decimal256(40, 0)),
        "annual_rate": pa.array(["0.12", "0"], pa.string_view()),
        # 2026-01-01 23:30 in New York is 2026-01-02 04:30 UTC: its UTC date is the 2nd, and a
        # start on the 2nd with the first due on 2026-02-01 is still one monthly period.
        "start_date": pa.array([datetime.datetime(2026, 1, 1, 4, 30)] * 2, pa.timestamp("us", tz="UTC")),
        "first_due_date": pa.array(["2026-02-01"] * 2).dictionary_encode(),
        "term": pa.array([3, 2], pa.uint8()),
        "currency": pa.array(["USD", "USD"]).dictionary_encode(),
    })
    out = amortize_many(t)
    # The ids keep their Arrow type.
    assert out.schema.field("loan_id").type == pa.large_string()
    check(out.to_pydict())
    ids = amortize_many(dict(two_loans(), loan_id=pa.array([7, 9], pa.int32())))
    assert ids.schema.field("loan_id").type == pa.int32()
    assert ids.column("loan_id").to_pylist() == [7, 7, 7, 9, 9]
    views = amortize_many(dict(two_loans(), loan_id=pa.array(["a", "b"], pa.string_view())))
    assert views.schema.field("loan_id").type == pa.string_view()
    check(views.to_pydict())


def test_decimals_in_lists_take_the_largest_scale() -> None:
    # 300 and 1200.000 make a decimal128 column at scale 3; the amounts are still 300 and 1,200.
    loans = dict(two_loans(), principal=[Decimal("300"), Decimal("1200.000")])
    check(amortize_many(loans).to_pydict())
    # Decimals and ints mix; ints, Decimals and text mix as their exact text.
    check(amortize_many(dict(two_loans(), principal=[300, Decimal("1200.0")])).to_pydict())
    check(amortize_many(dict(two_loans(), annual_rate=[Decimal("0.12"), "0"])).to_pydict())


@pytest.mark.parametrize(
    ("change", "error", "field", "value"),
    [
        # A float among text: the column mixes kinds, named with the first row of the second kind.
        ({"annual_rate": ["0.12", 0.5]}, cc.InvalidArgumentError, "annual_rate", "row 1: 0.5"),
        ({"principal": [300, object()]}, cc.InvalidArgumentError, "principal", None),
        ({"start_date": ["2026-01-01", "2026-13-01"]}, cc.InvalidDateError, "start_date", "row 1: 2026-13-01"),
        ({"start_date": [D(2026, 1, 1), 5]}, cc.InvalidArgumentError, "start_date", "row 1: 5"),
        ({"term": [3, "2"]}, cc.InvalidArgumentError, "term", "row 0: 3"),
        ({"term": [3, 2.0]}, cc.InvalidArgumentError, "term", "row 0: 3.0"),
        ({"term": [3, -1]}, cc.InvalidArgumentError, "term", "row 1: -1"),
        ({"principal": [True, False]}, cc.InvalidArgumentError, "principal", "row 0: True"),
        ({"principal": ["300", None]}, cc.InvalidArgumentError, "principal", "row 1: None"),
        ({"loan_id": ["a"]}, cc.InvalidArgumentError, "principal", "2 values"),
    ],
)
def test_bad_columns_name_column_and_row(
    change: Dict[str, Any], error: Any, field: str, value: Any
) -> None:
    loans = two_loans()
    loans.update(change)
    with pytest.raises(error) as e:
        amortize_many(loans)
    assert e.value.field == field
    if value is not None:
        assert e.value.value == value
    else:
        assert str(e.value.value).startswith("row 1: <object")


def test_arrow_type_errors_name_column_and_row() -> None:
    t = arrow_loans().set_column(5, "term", pa.array([3.0, 2.0]))
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(t)
    assert (e.value.field, e.value.value) == ("term", "row 0: 3.0")
    assert "expected an int, not float" in str(e.value)
    t = arrow_loans().set_column(1, "principal", pa.array([300.0, 1200.0]))
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(t)
    assert (e.value.field, e.value.value) == ("principal", "row 0: 300.0")
    assert "float_rounding" in str(e.value)
    check(amortize_many(t, float_rounding="half-even").to_pydict())
    nulls = arrow_loans().set_column(3, "start_date", pa.array([D(2026, 1, 1), None]))
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(nulls)
    assert (e.value.field, e.value.value) == ("start_date", "row 1: None")
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many({"loan_id": "ab"})
    assert e.value.field == "table"


def test_errors_column() -> None:
    loans = dict(two_loans(), loan_id=["a", "x", "b"], principal=[300, None, 1200],
                 annual_rate=["0.12", "0.1", "0"], start_date=["2026-01-01"] * 3,
                 first_due_date=["2026-02-01"] * 3, term=[3, 4, 2])
    with pytest.raises(cc.InvalidArgumentError):
        amortize_many(loans)
    got = amortize_many(loans, errors="column").to_pydict()
    # Loan x has no principal: one row, its id and nulls, and why.
    assert got["loan_id"] == ["a", "a", "a", "x", "b", "b"]
    assert got["number"] == [1, 2, 3, None, 1, 2]
    assert got["payment"] == PAYMENTS[:3] + [None] + PAYMENTS[3:]
    assert got["error"][:3] == [None] * 3 and got["error"][4:] == [None, None]
    assert got["error"][3] == "principal: a value is required (got row 1: None)"
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(loans, errors="ignore")
    assert (e.value.field, e.value.value) == ("errors", "ignore")


def test_money_float64_and_empty_tables() -> None:
    t = amortize_many(arrow_loans(), money="float64")
    assert t.schema.field("balance").type == pa.float64()
    assert t.column("balance").to_pylist() == [200.99, 100.99, 0.0, 600.0, 0.0]
    empty = amortize_many({k: [] for k in two_loans()})
    assert empty.num_rows == 0
    assert empty.column_names == ["loan_id", "number", "due_date", "payment", "interest", "principal", "balance"]


@pytest.mark.parametrize("make", ["list", "object_series"])
def test_nat_is_a_missing_date_and_an_unreadable_one_names_its_column(make: str) -> None:
    pd = pytest.importorskip("pandas")

    def column(values: List[Any]) -> Any:
        return values if make == "list" else pd.Series(values, dtype=object)

    # pandas' NaT (a datetime subclass) is a missing value: the required-value error of a None.
    loans = dict(two_loans(), start_date=column([D(2026, 1, 1), pd.NaT]))
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(loans)
    assert (e.value.field, e.value.value) == ("start_date", "row 1: None")
    # An aware datetime at 0001-01-01 05:00+05:00 has no date in UTC: an error naming its column and
    # row (it was a bare OverflowError).
    early = datetime.datetime(1, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=5)))
    loans = dict(two_loans(), start_date=column([D(2026, 1, 1), early]))
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(loans)
    assert e.value.field == "start_date" and str(e.value.value).startswith("row 1: datetime.datetime(1, 1, 1")


def test_an_unreadable_cell_fails_its_row_only() -> None:
    # A cell that cannot be read (a Decimal NaN amount, a datetime with no UTC date) is its row's
    # error: with errors='column' the other loans are built (it used to fail the whole column).
    early = datetime.datetime(1, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=5)))
    loans = {
        "loan_id": ["a", "b", "c", "d"],
        "principal": [300, Decimal("NaN"), 1200, 300],
        "annual_rate": ["0.12", "0.12", "0", "0.12"],
        "start_date": [D(2026, 1, 1), D(2026, 1, 1), D(2026, 1, 1), early],
        "first_due_date": ["2026-02-01"] * 4,
        "term": [3, 3, 2, 3],
    }
    with pytest.raises(cc.InvalidDecimalError) as e:
        amortize_many(loans)
    assert (e.value.field, e.value.value) == ("principal", "row 1: NaN")
    got = amortize_many(loans, errors="column").to_pydict()
    assert got["loan_id"] == ["a", "a", "a", "b", "c", "c", "d"]
    assert got["payment"] == PAYMENTS[:3] + [None] + PAYMENTS[3:] + [None]
    assert got["error"][:3] == [None] * 3 and got["error"][4:6] == [None] * 2
    assert got["error"][3] == 'principal: not a valid decimal number: "row 1: NaN"'
    assert got["error"][6].startswith("start_date: the date could not be read")
    assert "row 3: datetime.datetime(1, 1, 1" in got["error"][6]
