"""polars: to_polars() on every class with an Arrow export, and polars DataFrames in (and out of) the
batch calls, giving the same values as pandas, pyarrow and dict input."""

from __future__ import annotations

import datetime
import subprocess
import sys
from decimal import Decimal
from typing import Any, Callable, Dict, List

import pytest

import collections_core as cc
from collections_core import amortize, amortize_many
from collections_core.affordability import assess_many, fair_share
from collections_core.contact import ContactProfile, Destination, Policy, evaluate_table
from collections_core.debt import (
    DunningLevel,
    DunningPolicy,
    Event,
    Invoice,
    Ledger,
    LedgerAccount,
    Terms,
    age_accounts,
    compare_to_expected,
    dunning_run,
    reconcile,
    statutory_interest,
)
from collections_core.plan import Arrangement, PlanTerms, Probabilities, forecast, forecast_portfolio, score_many, track

pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

D = datetime.date


# ---------------------------------------------------------------- to_polars()


def ledger() -> Ledger:
    # 3.65% a year on 1,000.00 is 0.10 a day (ACT/365F): 30 days to 2026-01-31 are 3.00 of interest.
    led = Ledger(LedgerAccount("A-1", "USD", "2026-01-01", "1000.00", Terms([("2026-01-01", "0.0365")])))
    led.post_all([Event.obligation("2026-01-31", "500.00"), Event.payment("2026-01-31", "P-1", "503.00", "USD")])
    return led


def recon() -> Any:
    bank = [("T1", "A-1", "2026-03-02", "100.00", "EUR"), ("T3", "A-3", "2026-03-04", "7.00", "EUR")]
    return reconcile(bank, [("T1", "A-1", "2026-03-02", "100.00", "EUR")])


def plan3() -> Arrangement:
    return Arrangement.from_promises(
        PlanTerms("USD", [("card", 300)], "2026-01-01"), [("2026-01-15", 100), ("2026-02-15", 100), ("2026-03-15", 100)]
    )


# (name, the object, the Arrow export, the polars export)
EXPORTS: List[Any] = [
    ("Schedule", lambda: amortize(300, "0.12", "2026-01-01", "2026-02-01", term=3), "to_arrow", "to_polars"),
    (
        "LateInterest",
        lambda: statutory_interest("de-bgb-288", "business", "10000.00", "EUR", "2025-03-14", "2025-09-29"),
        "to_arrow",
        "to_polars",
    ),
    ("Ledger.entries", ledger, "entries_to_arrow", "entries_to_polars"),
    ("Ledger.allocations", ledger, "allocations_to_arrow", "allocations_to_polars"),
    (
        "DunningRun",
        lambda: dunning_run(
            [Invoice("A-1", "ACME", 100, "2026-01-01", currency="EUR")],
            DunningPolicy("EUR", [DunningLevel(14, "reminder", fee=5)]),
            "2026-02-20",
        ),
        "to_arrow",
        "to_polars",
    ),
    (
        "PortfolioAging",
        lambda: age_accounts(["A", "B", "A"], ["2026-01-31", "2026-03-10", "2026-02-28"], [40, 20, 40], [0, 0, 0], "2026-03-31"),
        "to_arrow",
        "to_polars",
    ),
    ("Reconciliation", recon, "to_arrow", "to_polars"),
    ("Reconciliation.matched", recon, "matched_to_arrow", "matched_to_polars"),
    (
        "ExpectedComparison",
        lambda: compare_to_expected(
            [("2026-01-28", 100), ("2026-02-28", 100), ("2026-03-28", 100)],
            [("2026-01-27", 100), ("2026-03-05", 60)],
            5,
            "2026-04-10",
        ),
        "to_arrow",
        "to_polars",
    ),
    (
        "FairShare",
        lambda: fair_share(100, "GBP", [("bank", 6000), ("card", 3000), ("catalogue", 500)], minimum=15),
        "to_arrow",
        "to_polars",
    ),
    (
        "Forecast",
        lambda: forecast([(plan3(), Probabilities.per_installment(["1", "0.5", "0.5"]))], "2026-01-01"),
        "to_arrow",
        "to_polars",
    ),
    ("Tracking", lambda: track(plan3(), [("2026-01-14", 100)], "2026-02-01"), "to_arrow", "to_polars"),
]


@pytest.mark.parametrize(("name", "make", "arrow", "polars"), EXPORTS, ids=[e[0] for e in EXPORTS])
def test_to_polars_is_the_arrow_table(name: str, make: Callable[[], Any], arrow: str, polars: str) -> None:
    obj = make()
    table = getattr(obj, arrow)()
    df = getattr(obj, polars)()
    assert isinstance(df, pl.DataFrame)
    assert df.columns == table.column_names
    assert df.height == table.num_rows
    for field in table.schema:
        column = df.get_column(field.name)
        if pa.types.is_decimal(field.type):
            # Money stays exact: decimal128(38, s) is polars Decimal(38, s).
            assert column.dtype == pl.Decimal(38, field.type.scale), field.name
        # Every value as the Arrow table has it (Decimals, dates, ints, text, nulls).
        assert column.to_list() == table.column(field.name).to_pylist(), field.name


def test_to_polars_hand_worked() -> None:
    df = amortize(300, "0.12", "2026-01-01", "2026-02-01", term=3).to_polars()
    # 300 at 1% a month over 3 months: 300 x 0.01 / (1 - 1.01^-3) = 102.0066... -> 102.01; interest
    # 3.00, then 200.99 x 1% = 2.01, then 100.99 x 1% = 1.01, the last payment 100.99 + 1.01 = 102.00.
    assert df["payment"].to_list() == [Decimal("102.01"), Decimal("102.01"), Decimal("102.00")]
    assert df["interest"].to_list() == [Decimal("3.00"), Decimal("2.01"), Decimal("1.01")]
    assert df["due_date"].to_list() == [D(2026, 2, 1), D(2026, 3, 1), D(2026, 4, 1)]
    assert df["payment"].sum() == Decimal("306.02")
    entries = ledger().entries_to_polars()
    # 0.10 a day for 30 days is 3.00 of interest; 1,003.00 owed; the payment of 503.00 leaves 500.00.
    assert entries["kind"].to_list() == ["interest", "obligation", "payment"]
    assert entries["owed"].to_list() == [Decimal("1003.00"), Decimal("1003.00"), Decimal("500.00")]
    aging = age_accounts(["A", "B", "A"], ["2026-01-31", "2026-03-10", "2026-02-28"], [40, 20, 40], [0, 0, 0], "2026-03-31")
    # A's oldest unpaid due date is 31 January: 28 days of February and 31 of March are 59 days.
    assert aging.to_polars()["days_past_due"].to_list() == [59, 21]


@pytest.mark.parametrize(("name", "make", "arrow", "polars"), EXPORTS, ids=[e[0] for e in EXPORTS])
def test_to_polars_without_polars_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, name: str, make: Callable[[], Any], arrow: str, polars: str
) -> None:
    obj = make()
    monkeypatch.setitem(sys.modules, "polars", None)  # import polars raises ImportError
    with pytest.raises(ImportError, match=r"needs polars, which is not installed.*\[polars\]") as e:
        getattr(obj, polars)()
    assert polars in str(e.value)
    # Everything else still works.
    assert getattr(obj, arrow)().num_rows >= 1


# ---------------------------------------------------------------- polars into the batch calls


def as_lists(out: Any) -> Dict[str, List[Any]]:
    """A pyarrow Table, pandas or polars DataFrame, or dict of lists, as a dict of lists of values."""
    if isinstance(out, pl.DataFrame):
        return {name: out.get_column(name).to_list() for name in out.columns}
    if isinstance(out, pd.DataFrame):
        return pa.Table.from_pandas(out, preserve_index=False).to_pydict()  # type: ignore[no-any-return]
    if isinstance(out, dict):
        return out
    return out.to_pydict()  # type: ignore[no-any-return]


def kinds(table: Dict[str, List[Any]], money: List[str], dates: List[str]) -> Dict[str, Any]:
    """The same table as a dict of plain values, a typed pyarrow Table (decimal128 money, date32 dates),
    a pandas DataFrame of Python objects and a polars DataFrame (Decimal money, Date dates)."""
    typed = {
        name: [
            None if v is None else Decimal(str(v)) if name in money else D.fromisoformat(v) if name in dates else v
            for v in values
        ]
        for name, values in table.items()
    }
    arrow = pa.table(typed)
    return {
        "dict": table,
        "pyarrow": arrow,
        "pandas": pd.DataFrame(typed),
        "polars": pl.from_arrow(arrow),
    }


def agree(call: Callable[[Any], Any], table: Dict[str, List[Any]], money: List[str], dates: List[str]) -> Dict[str, List[Any]]:
    """`call` of every kind of the table: the same values from each, a polars DataFrame for polars."""
    outs = {kind: call(t) for kind, t in kinds(table, money, dates).items()}
    assert isinstance(outs["polars"], pl.DataFrame)
    assert isinstance(outs["pandas"], pd.DataFrame)
    got = as_lists(outs["dict"])
    for kind, out in outs.items():
        assert as_lists(out) == got, kind
    return got


def test_amortize_many() -> None:
    loans: Dict[str, List[Any]] = {
        "loan_id": ["a", "b"],
        "principal": [300, 1200],
        "annual_rate": ["0.12", "0"],
        "start_date": ["2026-01-01"] * 2,
        "first_due_date": ["2026-02-01"] * 2,
        "term": [3, 2],
    }
    got = agree(amortize_many, loans, ["principal", "annual_rate"], ["start_date", "first_due_date"])
    # Loan a as test_to_polars_hand_worked; loan b: 1,200 at 0% over 2 months, 600.00 twice.
    assert got["payment"] == [Decimal(x) for x in ("102.01", "102.01", "102.00", "600.00", "600.00")]
    assert got["balance"] == [Decimal(x) for x in ("200.99", "100.99", "0.00", "600.00", "0.00")]
    out = amortize_many(kinds(loans, ["principal", "annual_rate"], [])["polars"], money="float64")
    assert out["payment"].dtype == pl.Float64
    assert out["payment"].to_list()[:3] == [102.01, 102.01, 102.0]


def test_amortize_many_polars_floats_and_errors() -> None:
    loans = pl.DataFrame(
        {
            "loan_id": ["a", "b"],
            "principal": [300.005, 1200.0],
            "annual_rate": ["0.12", "0"],
            "start_date": [D(2026, 1, 1)] * 2,
            "first_due_date": [datetime.datetime(2026, 2, 1, 9, 30)] * 2,  # a Datetime column: its dates
            "term": [3, 2],
        }
    )
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(loans)
    assert e.value.field == "principal"
    # 300.005 to cents: half-even keeps the even 300.00, half-up gives 300.01.
    even = amortize_many(loans, float_rounding="half-even")
    up = amortize_many(loans, float_rounding="half-up")
    assert isinstance(even, pl.DataFrame)
    # 300.00: interest 3.00, payment 102.01, balance 300.00 - 99.01 = 200.99. 300.01: interest 3.0001 ->
    # 3.00, payment 300.01 x 0.01 / (1 - 1.01^-3) = 102.0100 -> 102.01, balance 300.01 - 99.01 = 201.00.
    assert even["balance"][0] == Decimal("200.99")
    assert up["balance"][0] == Decimal("201.00")
    assert even["due_date"].to_list()[:2] == [D(2026, 2, 1), D(2026, 3, 1)]


def test_polars_null_cell_errors_as_the_dict_does() -> None:
    loans: Dict[str, List[Any]] = {
        "loan_id": ["a", "b"],
        "principal": [300, None],
        "annual_rate": ["0.12", "0"],
        "start_date": ["2026-01-01"] * 2,
        "first_due_date": ["2026-02-01"] * 2,
        "term": [3, 2],
    }
    errors = []
    for kind, t in kinds(loans, ["principal", "annual_rate"], ["start_date", "first_due_date"]).items():
        with pytest.raises(cc.CollectionsError) as e:
            amortize_many(t)
        errors.append((kind, type(e.value), e.value.field, e.value.value))
    # Row 1's principal is null, whatever the kind of table.
    assert {(t, f, v) for _, t, f, v in errors} == {(cc.InvalidArgumentError, "principal", "row 1: None")}


def test_assess_many() -> None:
    table: Dict[str, List[Any]] = {
        "statement_id": ["a", "a", "b"],
        "date": ["2025-06-01"] * 3,
        "currency": ["GBP"] * 3,
        "adults": [1, 1, 2],
        "category": ["earnings", "housing", "earnings"],
        "amount": [1500, 1000, 2000],
        "frequency": ["monthly"] * 3,
    }
    got = agree(assess_many, table, ["amount"], ["date"])
    # a: 1,500 earned less 1,000 of housing is 500.00; b: 2,000 earned and nothing spent.
    assert got["statement_id"] == ["a", "b"]
    assert got["disposable_income"] == [Decimal("500.00"), Decimal("2000.00")]
    out = assess_many(kinds(table, ["amount"], ["date"])["polars"])
    assert out["income"].dtype == pl.Decimal(38, 2)


def test_assess_many_polars_float_and_null_cells() -> None:
    table: Dict[str, List[Any]] = {
        "statement_id": ["a", "a"],
        "date": ["2025-06-01"] * 2,
        "currency": ["GBP"] * 2,
        "adults": [1, 1],
        "category": ["earnings", "housing"],
        "amount": [1500.0, 1000.0],
        "frequency": ["monthly"] * 2,
    }
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess_many(pl.DataFrame(table))
    assert e.value.field == "amount"
    # The first float of statement a, refused: floats are inexact without float_rounding=.
    assert e.value.value == "statement a: row 0: 1500.0"
    assert "floats are inexact" in str(e.value)
    table["amount"] = [1500, None]
    with pytest.raises(cc.CollectionsError) as null:
        assess_many(pl.DataFrame(table))
    assert null.value.field == "amount"
    assert str(null.value.value).startswith("statement a: ")


SCORED: Dict[str, List[Any]] = {
    "plan_id": ["p0", "p1", "p2"],
    "date": ["2026-01-01"] * 3,
    "amount": [100, 101, 102],
    "currency": ["USD"] * 3,
    "balance": [100, 101, 102],
    "start_date": ["2026-01-01"] * 3,
}


def test_score_many() -> None:
    got = agree(lambda t: score_many(t, "0.10"), SCORED, ["amount", "balance"], ["date", "start_date"])
    # Plan k: 100 + k paid on the start date, so its value today is all of it.
    assert got["plan_id"] == ["p0", "p1", "p2"]
    assert got["npv"] == [Decimal("100.00"), Decimal("101.00"), Decimal("102.00")]


def test_forecast_portfolio() -> None:
    table: Dict[str, List[Any]] = {
        "plan_id": ["a", "a", "a", "b", "b"],
        "date": ["2026-01-10", "2026-02-10", "2026-03-10", "2026-01-20", "2026-03-05"],
        "amount": [100, 100, 100, 50, 50],
        "currency": ["USD"] * 5,
        "balance": [300, 300, 300, 100, 100],
        "start_date": ["2026-01-01"] * 5,
        "probability": ["1", "1", "1", "0.5", "0.25"],
    }
    got = agree(
        lambda t: forecast_portfolio(t, "2026-02-01"), table, ["amount", "balance", "probability"], ["date", "start_date"]
    )
    # From 1 February: a's 100 in February (p 1); in March a's 100 (p 1) and b's 50 (p 0.25): 150
    # scheduled, 100 + 12.50 = 112.50 expected.
    assert got["period_start"] == [D(2026, 2, 1), D(2026, 3, 1)]
    assert got["scheduled"] == [Decimal(100), Decimal(150)]
    assert got["expected"] == [Decimal(100), Decimal("112.50")]


def test_age_accounts_polars_series() -> None:
    ids, dates, due, paid = ["A", "B", "A"], ["2026-01-31", "2026-03-10", "2026-02-28"], [40, 20, 40], [0, 0, 0]
    plain = age_accounts(ids, dates, due, paid, "2026-03-31").to_arrow().to_pydict()
    series = age_accounts(
        pl.Series(ids),
        pl.Series([D.fromisoformat(d) for d in dates]),
        pl.Series([Decimal(x) for x in due], dtype=pl.Decimal(38, 2)),
        pl.Series(paid),
        "2026-03-31",
    )
    assert series.to_arrow().to_pydict() == plain
    # A: 59 days from 31 January (28 of February, 31 of March), 80 outstanding; B: 21 days, 20.
    assert plain["days_past_due"] == [59, 21]
    assert plain["outstanding"] == [Decimal(80), Decimal(20)]
    with pytest.raises(cc.InvalidArgumentError) as e:
        age_accounts(pl.Series(ids), pl.Series(dates), pl.Series([40.0, 20.0, 40.0]), pl.Series(paid), "2026-03-31")
    assert e.value.field == "amounts_due"


def test_evaluate_table() -> None:
    profile = ContactProfile("p1", ["America/New_York"], destinations=[Destination("555", "phone")])
    requests: Dict[str, List[Any]] = {
        "person": ["p1", "p1"],
        "debt": ["d", "d"],
        "channel": ["call", "call"],
        "destination": ["555", "555"],
        "at": ["2026-04-08T11:00:00Z", "2026-04-08T13:00:00Z"],
    }
    outs = {
        kind: evaluate_table(Policy.us_federal(), [profile], t) for kind, t in kinds(requests, [], []).items()
    }
    assert isinstance(outs["polars"], pl.DataFrame)
    got = as_lists(outs["dict"])
    for kind, out in outs.items():
        assert as_lists(out) == got, kind
    # 11:00 UTC is 07:00 in New York (EDT), before Regulation F's 08:00; 13:00 UTC is 09:00.
    assert got["allowed"] == [False, True]
    assert got["rules"] == [["reg_f.time_of_day"], []]


def test_batch_calls_name_polars_in_the_wrong_type() -> None:
    with pytest.raises(cc.InvalidArgumentError, match="a polars DataFrame") as e:
        assess_many(pl.Series([1, 2]))
    assert e.value.field == "table"


def test_the_package_works_without_polars() -> None:
    # A fresh interpreter where `import polars` fails: the package imports, a batch call on a dict gives a
    # pyarrow Table, and only to_polars() says what is missing.
    code = """
import sys
sys.modules["polars"] = None
import collections_core as cc
from collections_core.affordability import assess_many
t = assess_many({"statement_id": ["a"], "date": ["2025-06-01"], "currency": ["GBP"], "adults": [1],
                 "category": ["earnings"], "amount": [1500], "frequency": ["monthly"]})
print(t.column("disposable_income").to_pylist())
try:
    cc.amortize(300, "0.12", "2026-01-01", "2026-02-01", term=3).to_polars()
except ImportError as e:
    print(e)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # 1,500 earned, nothing spent.
    assert lines[0] == "[Decimal('1500.00')]"
    assert lines[1].startswith("Schedule.to_polars() needs polars, which is not installed: pip install")
    assert "collections-core[polars]" in lines[1]


def test_a_lazy_frame_is_collected() -> None:
    # A LazyFrame's query runs (here a filter dropping loan c), and the result is a polars DataFrame
    # equal to the eager call's.
    loans = pl.DataFrame(
        {
            "loan_id": ["a", "b", "c"],
            "principal": [300, 1200, 5],
            "annual_rate": ["0.12", "0", "0.5"],
            "start_date": ["2026-01-01"] * 3,
            "first_due_date": ["2026-02-01"] * 3,
            "term": [3, 2, 1],
        }
    )
    lazy = loans.lazy().filter(pl.col("loan_id") != "c")
    out = amortize_many(lazy)
    assert isinstance(out, pl.DataFrame)
    assert out.equals(amortize_many(loans.filter(pl.col("loan_id") != "c")))
    assert out["payment"].to_list() == [Decimal(x) for x in ("102.01", "102.01", "102.00", "600.00", "600.00")]
    with pytest.raises(cc.InvalidArgumentError, match="LazyFrame"):
        assess_many(pl.Series([1, 2]))
