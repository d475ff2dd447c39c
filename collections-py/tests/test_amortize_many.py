"""amortize_many: the schedules of many loans in long format, and the progress of long batch calls."""

from __future__ import annotations

import datetime
import sys
from decimal import Decimal
from typing import Any, Dict, Iterator, List, Tuple

import pytest

import collections_core as cc
from collections_core import amortize, amortize_many

pa = pytest.importorskip("pyarrow")

D = datetime.date


@pytest.fixture(autouse=True)
def default_threads() -> Iterator[None]:
    yield
    cc.set_threads(None)


def two_loans() -> Dict[str, List[Any]]:
    return {
        "loan_id": ["a", "b"],
        "principal": [300, 1200],
        "annual_rate": ["0.12", "0"],
        "start_date": ["2026-01-01"] * 2,
        "first_due_date": ["2026-02-01"] * 2,
        "term": [3, 2],
    }


def test_hand_worked_schedules() -> None:
    got = amortize_many(two_loans()).to_pydict()
    # Loan a: 300 at 1% a month over 3 months. The level payment is 300 x 0.01 / (1 - 1.01^-3)
    # = 3 / 0.0294099 = 102.0066..., 102.01 (half-up).
    #   1: interest 300.00 x 1% = 3.00, principal 102.01 - 3.00 = 99.01, balance 200.99
    #   2: interest 200.99 x 1% = 2.0099 -> 2.01, principal 100.00, balance 100.99
    #   3: interest 100.99 x 1% = 1.0099 -> 1.01, the last pays the balance off: 100.99 + 1.01 = 102.00
    # Loan b: 1,200 at 0% over 2 months: 600.00 twice.
    assert got["loan_id"] == ["a", "a", "a", "b", "b"]
    assert got["number"] == [1, 2, 3, 1, 2]
    assert got["due_date"] == [D(2026, 2, 1), D(2026, 3, 1), D(2026, 4, 1), D(2026, 2, 1), D(2026, 3, 1)]
    dec = [Decimal(x) for x in ("102.01", "102.01", "102.00", "600.00", "600.00")]
    assert got["payment"] == dec
    assert got["interest"] == [Decimal(x) for x in ("3.00", "2.01", "1.01", "0.00", "0.00")]
    assert got["principal"] == [Decimal(x) for x in ("99.01", "100.00", "100.99", "600.00", "600.00")]
    assert got["balance"] == [Decimal(x) for x in ("200.99", "100.99", "0.00", "600.00", "0.00")]


def test_money_is_decimal128_at_minor_units() -> None:
    t = amortize_many(two_loans())
    assert t.schema.field("payment").type == pa.decimal128(38, 2)
    assert t.schema.field("balance").type == pa.decimal128(38, 2)
    assert t.schema.field("due_date").type == pa.date32()
    jpy = amortize_many(dict(two_loans(), principal=[300, 1200]), currency="JPY").to_pydict()
    # 300 yen at 1% a month over 3: 102.0066 -> 102 (no minor units); interest 3, 2, 1.
    assert jpy["payment"][:3] == [Decimal(102), Decimal(102), Decimal(102)]
    assert jpy["interest"][:3] == [Decimal(3), Decimal(2), Decimal(1)]


LOANS: List[Tuple[str, int, str, str, str, Dict[str, Any]]] = [
    ("m", 200000, "0.06", "2026-01-01", "2026-02-01", {"term": 360}),
    ("w", 5000, "0.199", "2026-03-02", "2026-03-09", {"term": 52, "frequency": "weekly"}),
    ("p", 2000, "0.10", "2026-01-01", "2026-02-01", {"payment": 100}),
    ("z", 750, "0", "2026-01-15", "2026-02-15", {"term": 7}),
]


def test_agrees_with_amortize() -> None:
    table: Dict[str, List[Any]] = {
        "loan_id": [], "principal": [], "annual_rate": [], "start_date": [], "first_due_date": [],
        "term": [], "payment": [], "frequency": [],
    }
    for loan_id, principal, rate, start, first, opts in LOANS:
        table["loan_id"].append(loan_id)
        table["principal"].append(principal)
        table["annual_rate"].append(rate)
        table["start_date"].append(start)
        table["first_due_date"].append(first)
        table["term"].append(opts.get("term"))
        table["payment"].append(opts.get("payment"))
        table["frequency"].append(opts.get("frequency", "monthly"))
    got = amortize_many(table).to_pydict()
    expected: Dict[str, List[Any]] = {k: [] for k in got}
    for loan_id, principal, rate, start, first, opts in LOANS:
        s = amortize(principal, rate, start, first, **opts)
        for r in s:
            expected["loan_id"].append(loan_id)
            expected["number"].append(r.number)
            expected["due_date"].append(r.due_date)
            expected["payment"].append(r.payment)
            expected["interest"].append(r.interest)
            expected["principal"].append(r.principal)
            expected["balance"].append(r.closing_balance)
    assert got == expected
    # The mortgage's first row as amortize's own docstring works it: 1,199.10, of which 1,000.00 interest.
    assert (got["payment"][0], got["interest"][0]) == (Decimal("1199.10"), Decimal("1000.00"))
    assert len(got["loan_id"]) == 360 + 52 + 22 + 7


def test_threads_agree() -> None:
    n = 200
    table = {
        "loan_id": list(range(n)),
        "principal": [1000 + 10 * k for k in range(n)],
        "annual_rate": [f"0.{k % 20 + 1:02}" for k in range(n)],
        "start_date": ["2026-01-01"] * n,
        "first_due_date": ["2026-02-01"] * n,
        "term": [12 + k % 48 for k in range(n)],
    }
    out = []
    for threads in (1, 2):
        cc.set_threads(threads)
        out.append(amortize_many(table).to_pydict())
    assert out[0] == out[1]
    # Every loan repays its principal.
    assert out[0]["loan_id"].count(0) == 12 and out[0]["loan_id"].count(199) == 12 + 199 % 48


def test_arrow_decimal_and_pandas_in() -> None:
    t = pa.table({
        "loan_id": ["a", "b"],
        "principal": pa.array([Decimal("300.00"), Decimal("1200.00")], pa.decimal128(10, 2)),
        "annual_rate": pa.array([Decimal("0.12"), Decimal("0")], pa.decimal128(6, 4)),
        "start_date": pa.array([D(2026, 1, 1)] * 2, pa.date32()),
        "first_due_date": pa.array([D(2026, 2, 1)] * 2, pa.date32()),
        "term": [3, 2],
    })
    assert amortize_many(t).to_pydict() == amortize_many(two_loans()).to_pydict()
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(two_loans())
    df["start_date"] = pd.to_datetime(df["start_date"])
    out = amortize_many(df)
    assert isinstance(out, pd.DataFrame)
    assert list(out["payment"])[:3] == [Decimal("102.01"), Decimal("102.01"), Decimal("102.00")]


def test_floats_only_with_a_named_rounding() -> None:
    loans = dict(two_loans(), principal=[300.005, 1200.0])
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(loans)
    assert (e.value.field, e.value.value) == ("principal", "row 0: 300.005")
    # 300.005 to cents: half-even keeps the even 300.00, half-up gives 300.01.
    even = amortize_many(loans, float_rounding="half-even").to_pydict()
    up = amortize_many(loans, float_rounding="half-up").to_pydict()
    assert even["principal"][:3] == [Decimal("99.01"), Decimal("100.00"), Decimal("100.99")]
    assert sum(up["principal"][:3]) == Decimal("300.01")
    np = pytest.importorskip("numpy")
    arr = dict(two_loans(), principal=np.array([300.0, 1200.0]))
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(arr)
    assert e.value.field == "principal"
    assert amortize_many(arr, float_rounding="half-up").to_pydict() == amortize_many(two_loans()).to_pydict()
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(dict(two_loans(), principal=[float("nan"), 1.0]), float_rounding="half-up")
    assert (e.value.field, e.value.value) == ("principal", "row 0: NaN")


@pytest.mark.parametrize(
    ("change", "error", "field", "value"),
    [
        ({"principal": [300, None]}, cc.InvalidArgumentError, "principal", "row 1: None"),
        ({"start_date": ["2026-01-01", None]}, cc.InvalidArgumentError, "start_date", "row 1: None"),
        ({"term": [3, None]}, cc.InvalidArgumentError, "term", "row 1: None"),
        ({"principal": [300]}, cc.InvalidArgumentError, "principal", "1 values"),
        ({"annual_rate": ["0.12", "x"]}, cc.InvalidDecimalError, "annual_rate", "row 1: x"),
        ({"currency": ["USD", "EUR"]}, cc.InvalidArgumentError, "currency", "row 1: EUR"),
        ({"currency": ["USD", "XYZ"]}, cc.UnknownCurrencyError, "currency", "row 1: XYZ"),
        ({"payment": [None, 1]}, cc.InvalidArgumentError, "payment", "row 1: 1"),
    ],
)
def test_bad_cells(change: Dict[str, Any], error: Any, field: str, value: str) -> None:
    loans = two_loans()
    loans.update(change)
    with pytest.raises(error) as e:
        amortize_many(loans)
    assert (e.value.field, e.value.value) == (field, value)


def test_bad_tables_and_loans() -> None:
    loans = two_loans()
    del loans["term"]
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(loans)
    assert (e.value.field, e.value.value) == ("loans", "term")
    del loans["principal"]
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(loans)
    assert (e.value.field, e.value.value) == ("loans", "principal")
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many([1, 2])
    assert e.value.field == "table"
    # 1 a month never repays 1,200 at 12%: the loan's error, led by its id.
    small = dict(two_loans(), annual_rate=["0.12", "0.12"], term=[3, None], payment=[None, 1])
    with pytest.raises(cc.NoSolutionError) as no:
        amortize_many(small)
    assert no.value.field == "payment" and str(no.value.value).startswith("loan b: ")


def many_loans(n: int) -> Dict[str, List[Any]]:
    return {
        "loan_id": list(range(n)),
        "principal": [10000] * n,
        "annual_rate": ["0.05"] * n,
        "start_date": ["2026-01-01"] * n,
        "first_due_date": ["2026-02-01"] * n,
        "term": [360] * n,
    }


def test_progress_callback() -> None:
    calls: List[Tuple[int, int]] = []
    t = amortize_many(many_loans(3000), progress=lambda done, total: calls.append((done, total)))
    assert t.num_rows == 3000 * 360
    assert 1 <= len(calls) <= 100
    assert calls[-1] == (3000, 3000)
    assert all(total == 3000 for _, total in calls)
    dones = [d for d, _ in calls]
    assert dones == sorted(dones) and len(set(dones)) == len(dones)


def test_progress_callback_error_stops_the_batch() -> None:
    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt("stop")

    with pytest.raises(KeyboardInterrupt):
        amortize_many(many_loans(3000), progress=stop)


def test_progress_bad_and_missing_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(two_loans(), progress="yes")  # type: ignore[arg-type]
    assert e.value.field == "progress"
    # False is no progress.
    assert amortize_many(two_loans(), progress=False).num_rows == 5
    monkeypatch.setitem(sys.modules, "tqdm", None)
    with pytest.raises(ImportError, match="needs tqdm"):
        amortize_many(two_loans(), progress=True)


def test_progress_tqdm_bar(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    t = amortize_many(many_loans(500), progress=True)
    assert t.num_rows == 500 * 360
    # The bar, on stderr, ends at 500 of 500.
    assert "500/500" in capsys.readouterr().err


def test_progress_of_assess_many_and_score_many() -> None:
    from collections_core.affordability import assess_many
    from collections_core.plan import score_many

    n = 1000
    statements = {
        "statement_id": [f"s{k}" for k in range(n)],
        "date": ["2025-06-01"] * n,
        "currency": ["GBP"] * n,
        "adults": [1] * n,
        "category": ["earnings"] * n,
        "amount": [1000 + k for k in range(n)],
        "frequency": ["monthly"] * n,
    }
    calls: List[Tuple[int, int]] = []
    out = assess_many(statements, progress=lambda d, t: calls.append((d, t))).to_pydict()
    # Statement k earns 1,000 + k a month and spends nothing.
    assert out["disposable_income"][999] == Decimal("1999.00")
    assert 1 <= len(calls) <= 100 and calls[-1] == (n, n)
    plans = {
        "plan_id": [f"p{k}" for k in range(n)],
        "date": ["2026-01-01"] * n,
        "amount": [100] * n,
        "currency": ["USD"] * n,
        "balance": [100] * n,
        "start_date": ["2026-01-01"] * n,
    }
    calls.clear()
    scored = score_many(plans, "0.10", progress=lambda d, t: calls.append((d, t))).to_pydict()
    # 100 paid on the start date: worth 100.00 today.
    assert scored["npv"][0] == Decimal("100.00")
    assert 1 <= len(calls) <= 100 and calls[-1] == (n, n)
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(plans, "0.10", progress=3)  # type: ignore[arg-type]
    assert e.value.field == "progress"


def test_score_many_floats_with_a_named_rounding() -> None:
    from collections_core.plan import forecast_portfolio, score_many

    plans = {
        "plan_id": ["a"],
        "date": ["2026-01-01"],
        "amount": [100.125],
        "currency": ["USD"],
        "balance": [100.125],
        "start_date": ["2026-01-01"],
    }
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(plans, "0")
    assert (e.value.field, e.value.value) == ("amount", "row 0: 100.125")
    # 100.125 to cents: half-even 100.12, half-up 100.13; paid today, the npv is the amount.
    assert score_many(plans, "0", float_rounding="half-even").to_pydict()["npv"] == [Decimal("100.12")]
    assert score_many(plans, "0", float_rounding="half-up").to_pydict()["npv"] == [Decimal("100.13")]
    got = forecast_portfolio(plans, "2026-01-01", float_rounding="half-up").to_pydict()
    assert got["scheduled"] == [Decimal("100.13")]


def test_float64_money_on_request() -> None:
    t = amortize_many(two_loans(), money="float64")
    assert t.schema.field("payment").type == pa.float64()
    assert t.schema.field("number").type == pa.int64()
    assert t.column("payment").to_pylist() == [102.01, 102.01, 102.0, 600.0, 600.0]
    assert amortize_many(two_loans(), money="decimal128").schema.field("payment").type == pa.decimal128(38, 2)
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(two_loans(), money="float32")
    assert (e.value.field, e.value.value) == ("money", "float32")


@pytest.mark.parametrize("money", ["decimal128", "float64"])
@pytest.mark.parametrize("threads", [1, 2])
def test_a_loan_failing_after_some_rows_leaves_one_row(money: str, threads: int) -> None:
    # Loan b pays 20 a month on 1,200 at 12% (12.00 interest the first month): 5 rows are made before
    # max_rows=5 says it does not repay; with errors='column' they are dropped for its one error row.
    cc.set_threads(threads)
    loans = dict(two_loans(), annual_rate=["0.12", "0.12"], term=[3, None], payment=[None, 20])
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(loans, max_rows=5, money=money)
    assert e.value.field == "max_rows" and str(e.value.value).startswith("loan b: ")
    got = amortize_many(loans, max_rows=5, money=money, errors="column").to_pydict()
    assert got["loan_id"] == ["a", "a", "a", "b"]
    assert got["number"] == [1, 2, 3, None]
    # Loan a: 300 at 1% a month, 102.01 a month: 300 - (102.01 - 3.00) = 200.99, then
    # 200.99 - (102.01 - 2.01) = 100.99, then 0.
    assert got["balance"][:3] == ([Decimal("200.99"), Decimal("100.99"), Decimal("0.00")]
                                  if money == "decimal128" else [200.99, 100.99, 0.0])
    assert got["payment"][3] is None and got["due_date"][3] is None
    assert got["error"][:3] == [None] * 3
    assert got["error"][3].startswith("max_rows: ") and "loan b" in got["error"][3]


@pytest.mark.parametrize("threads", [1, 2])
def test_loans_priced_alike_agree_with_amortize(threads: int) -> None:
    # Rates and terms that repeat (the annuity factor is kept per rate and term within a call), in
    # different pairings, and a second call: every schedule is amortize's for its own loan.
    cc.set_threads(threads)
    n = 120
    rates = ["0.05", "0.0735", "0.12", "0.299"]
    table: Dict[str, List[Any]] = {
        "loan_id": list(range(n)),
        "principal": [500 + 37 * k for k in range(n)],
        "annual_rate": [rates[k % 4] for k in range(n)],
        "start_date": ["2026-01-15"] * n,
        "first_due_date": ["2026-02-01"] * n,
        "term": [(6, 12, 36)[k % 3] for k in range(n)],
    }
    for _ in range(2):
        got = amortize_many(table).to_pydict()
        for k in (0, 1, 2, 5, 13, 59, 119):
            s = amortize(table["principal"][k], table["annual_rate"][k], "2026-01-15", "2026-02-01",
                         term=table["term"][k])
            rows = [i for i, loan in enumerate(got["loan_id"]) if loan == k]
            assert [got["payment"][i] for i in rows] == [r.payment for r in s]
            assert [got["balance"][i] for i in rows] == [r.closing_balance for r in s]


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("max_rows", [0, 100_001, 2**32 - 1])
def test_max_rows_out_of_range_is_each_loans_error(threads: int, max_rows: int) -> None:
    # max_rows outside 1..100,000 (once a panic sizing the output when 0): every loan's own error.
    cc.set_threads(threads)
    loans = many_loans(40)
    with pytest.raises(cc.InvalidArgumentError) as e:
        amortize_many(loans, max_rows=max_rows)
    assert e.value.field == "max_rows" and str(e.value.value) == f"loan 0: {max_rows}"
    got = amortize_many(loans, max_rows=max_rows, errors="column").to_pydict()
    assert got["loan_id"] == list(range(40)) and got["number"] == [None] * 40
    assert all(err.startswith("max_rows: ") for err in got["error"])
