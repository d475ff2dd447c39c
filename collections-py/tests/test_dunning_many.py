"""dunning_many: the dunning run over invoice columns. The figures are the hand-worked cases of
test_debt_dunning.py (collections-core/tests/dunning.rs) and tests/vectors/dunning.json, and each row
must equal dunning_run's line for the same Invoice. Days overdue = as_of - due date."""

from __future__ import annotations

import json
import pathlib
from decimal import Decimal
from typing import Any, Dict, List

import pandas as pd
import pyarrow as pa
import pytest

from collections_core import CollectionsError, CurrencyMismatchError, InvalidArgumentError, Money, set_threads
from collections_core.debt import DunningLevel, DunningPolicy, Invoice, dunning_many, dunning_run

AS_OF = "2026-03-01"
VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors" / "dunning.json"


def policy(one_level_at_a_time: bool = False) -> DunningPolicy:
    """The policy of the vectors' first case (test_debt_dunning.py's): 1: reminder at 7 days + 3
    grace, no fee; 2: final notice at 21 days, 5.00 and ERPNext interest at 10%; 3: legal handover at 45
    days for 100.00 or more, 40.00 and German B2B statutory interest."""
    first = json.loads(VECTORS.read_text(encoding="utf-8"))["cases"][0]["policy"]
    return vector_policy({**first, "one_level_at_a_time": one_level_at_a_time})


# One row per invoice: id, due date, amount, paid, paid date, blocked; then the expected
# (days overdue, outcome, level, action, fee, interest, total), worked by hand beside each.
ROWS: List[Any] = [
    # 9 days: past level 1's 7 days but within its 3 grace days.
    ("G-1", "2026-02-20", "365", None, None, False, (9, "no_level_reached", None, None, "0.00", "0.00", "0.00")),
    # 10 days = 7 + 3: level 1 at its threshold plus grace; no fee, no interest.
    ("G-2", "2026-02-19", "365", None, None, False, (10, "notice", 1, "reminder", "0.00", "0.00", "0.00")),
    # 21 days: level 2, 365 x 10 x 21 / 36500 = 2.10, + 5.00.
    ("G-4", "2026-02-08", "365", None, None, False, (21, "notice", 2, "final notice", "5.00", "2.10", "7.10")),
    # 45 days on 99.99, below level 3's minimum: level 2, 99.99 x 10 x 45 / 36500 = 1.2327 -> 1.23, + 5.00.
    ("G-5", "2026-01-15", "99.99", None, None, False, (45, "notice", 2, "final notice", "5.00", "1.23", "6.23")),
    # 45 days on 1,000: level 3, 1.27 + 9 = 10.27%: 1000 x 10.27 x 45 / 36500 = 12.6616 -> 12.66, + 40.00.
    ("G-6", "2026-01-15", "1000", None, None, False, (45, "notice", 3, "legal handover", "40.00", "12.66", "52.66")),
    # 2,000, 1,000 paid 2026-02-04: 20 days on 2,000, 25 on 1,000: 10.27 x 65,000 / 36500 = 18.289 -> 18.29.
    ("P-1", "2026-01-15", "2000", "1000", "2026-02-04", False, (45, "notice", 3, "legal handover", "40.00", "18.29", "58.29")),
    ("B-1", "2025-12-31", "500", None, None, True, (60, "blocked", None, None, "0.00", "0.00", "0.00")),
    ("F-1", "2025-12-31", "500", "500", "2026-01-05", False, (60, "paid", None, None, "0.00", "0.00", "0.00")),
    ("N-1", AS_OF, "100", None, None, False, (0, "not_overdue", None, None, "0.00", "0.00", "0.00")),
]


def columns() -> Dict[str, List[Any]]:
    return {
        "invoice_id": [r[0] for r in ROWS],
        "customer_id": ["C"] * len(ROWS),
        "due_date": [r[1] for r in ROWS],
        "amount": [r[2] for r in ROWS],
        "paid": [r[3] for r in ROWS],
        "paid_date": [r[4] for r in ROWS],
        "blocked": [r[5] for r in ROWS],
    }


def rows_of(table: Any) -> List[Any]:
    t = table if isinstance(table, pa.Table) else pa.Table.from_pandas(table)
    d = t.to_pydict()
    return [
        (d["days_overdue"][i], d["outcome"][i], d["level"][i], d["action"][i], d["fee"][i], d["interest"][i], d["total"][i])
        for i in range(t.num_rows)
    ]


def expected() -> List[Any]:
    return [
        (days, outcome, level, action, Decimal(fee), Decimal(interest), Decimal(total))
        for (*_, (days, outcome, level, action, fee, interest, total)) in ROWS
    ]


def test_the_hand_worked_cases_in_the_tables_order() -> None:
    t = dunning_many(columns(), policy(), AS_OF)
    assert isinstance(t, pa.Table)
    assert t.column("invoice_id").to_pylist() == [r[0] for r in ROWS]
    assert rows_of(t) == expected()
    assert t.column("outstanding").to_pylist()[5] == Decimal("1000.00")  # P-1: 2000 - 1000
    assert t.column("total").type == pa.decimal128(38, 2)
    assert "error" not in t.column_names


def test_same_lines_as_dunning_run_on_invoices() -> None:
    invoices = [
        Invoice(r[0], "C", r[2], r[1], currency="EUR", payments=[(r[4], r[3])] if r[3] else [], blocked=r[5])
        for r in ROWS
    ]
    run = dunning_run(invoices, policy(), AS_OF)
    t = dunning_many(columns(), policy(), AS_OF).to_pydict()
    for line in run:
        k = line.invoice_index
        assert t["invoice_id"][k] == line.invoice_id
        got = (t["outstanding"][k], t["days_overdue"][k], t["outcome"][k], t["level"][k], t["action"][k],
               t["fee"][k], t["interest"][k], t["total"][k], t["unverified_rate"][k])
        assert got == (line.outstanding, line.days_overdue, line.outcome, line.level, line.action,
                       line.fee, line.interest, line.total, line.unverified_rate)


def test_pandas_arrow_and_dict_agree_and_threads_do_not_matter() -> None:
    cols = columns()
    frame = pd.DataFrame(cols)
    out = dunning_many(frame, policy(), AS_OF)
    assert isinstance(out, pd.DataFrame)
    assert out["invoice_id"].tolist() == cols["invoice_id"]
    assert rows_of(out) == expected()
    assert rows_of(dunning_many(pa.table(cols), policy(), AS_OF)) == expected()
    many = {k: v * 700 for k, v in cols.items()}
    many["invoice_id"] = [f"{i}-{k}" for k in range(700) for i in cols["invoice_id"]]
    try:
        set_threads(1)
        one = dunning_many(many, policy(), AS_OF)
        set_threads(2)
        two = dunning_many(many, policy(), AS_OF)
    finally:
        set_threads(None)
    assert one.equals(two) and rows_of(one)[:9] == expected()


def test_one_level_at_a_time_and_earlier_levels() -> None:
    cols = {"invoice_id": ["X-1", "X-2", "X-3"], "customer_id": ["C"] * 3, "amount": [1000] * 3,
            "due_date": ["2026-01-15"] * 3, "dunning_level": [None, 1, 3]}
    t = dunning_many(cols, policy(one_level_at_a_time=True), AS_OF)
    assert list(zip(t.column("level").to_pylist(), t.column("outcome").to_pylist())) == [
        (1, "notice"), (2, "notice"), (3, "already_notified"),
    ]
    # Level 2 on 1,000 for 45 days by ERPNext at 10%: 1000 x 10 x 45 / 36500 = 12.33, + 5.00.
    assert t.column("total").to_pylist()[1] == Decimal("17.33")


def test_a_payment_after_the_run_date_is_ignored() -> None:
    cols = {"invoice_id": ["A"], "customer_id": ["C"], "amount": ["365"], "due_date": ["2026-02-08"],
            "paid": ["365"], "paid_date": ["2026-03-02"]}
    t = dunning_many(cols, policy(), AS_OF)
    # Paid the day after the run: still 365 outstanding, 21 days: 2.10 + 5.00.
    assert (t.column("outstanding")[0].as_py(), t.column("total")[0].as_py()) == (Decimal("365.00"), Decimal("7.10"))


def test_mixed_currencies_refuse_the_foreign_invoice() -> None:
    # Customer C has an EUR and a USD invoice; the policy is in EUR, as dunning_run requires.
    cols = {"invoice_id": ["E", "U"], "customer_id": ["C", "C"], "amount": ["365", "365"],
            "due_date": ["2026-02-08"] * 2, "currency": ["EUR", "USD"]}
    with pytest.raises(CurrencyMismatchError) as e:
        dunning_many(cols, policy(), AS_OF)
    # The core's mismatch names the invoice (it has no one value to lead with a row).
    assert e.value.field == "currency" and 'invoice "U"' in str(e.value)
    with pytest.raises(CurrencyMismatchError):
        dunning_run([Invoice("U", "C", "365", "2026-02-08", currency="USD")], policy(), AS_OF)
    t = dunning_many(cols, policy(), AS_OF, errors="column").to_pydict()
    assert t["total"] == [Decimal("7.10"), None] and t["outcome"] == ["notice", None]
    assert t["error"][0] is None and t["error"][1].startswith("currency: ")


def test_errors_column_keeps_the_good_rows() -> None:
    cols = {"invoice_id": ["A", "B", "A", "D", "E"], "customer_id": ["C", "C", "C", None, "C"],
            "amount": ["365", "-1", "365", "365", "365"], "due_date": ["2026-02-08"] * 5,
            "paid": [None, None, None, None, "10"], "paid_date": [None] * 5}
    t = dunning_many(cols, policy(), AS_OF, errors="column").to_pydict()
    assert t["total"] == [Decimal("7.10"), None, None, None, None]
    fields = [e and e.split(":")[0] for e in t["error"]]
    # B: amount not above zero (the core); A again: duplicate id; D: null customer; E: paid, no date.
    assert fields == [None, "amount", "invoice_id", "customer_id", "paid_date"]
    assert "rows 0 and 2" in t["error"][2]
    with pytest.raises(InvalidArgumentError) as e:
        dunning_many(cols, policy(), AS_OF)
    assert e.value.field == "customer_id" and str(e.value.value).startswith("row 3: ")
    del cols["customer_id"]
    with pytest.raises(InvalidArgumentError) as e:
        dunning_many(cols, policy(), AS_OF, errors="column")
    assert e.value.field == "invoices" and e.value.value == "customer_id"


def test_duplicate_ids_and_lengths_raise() -> None:
    cols = {"invoice_id": ["A", "A"], "customer_id": ["C", "C"], "amount": [1, 1], "due_date": [AS_OF] * 2}
    with pytest.raises(InvalidArgumentError) as e:
        dunning_many(cols, policy(), AS_OF)
    assert e.value.field == "invoice_id" and "rows 0 and 1" in str(e.value)
    with pytest.raises(InvalidArgumentError) as e:
        dunning_many({**cols, "amount": [1]}, policy(), AS_OF)
    assert e.value.field == "amount" and e.value.value == "1 values"
    with pytest.raises(InvalidArgumentError) as e:
        dunning_many(cols, policy(), AS_OF, errors="ignore")
    assert e.value.field == "errors"


def test_floats_money_float64_and_progress() -> None:
    cols = {"invoice_id": ["A"], "customer_id": ["C"], "amount": pa.array([365.004]), "due_date": ["2026-02-08"]}
    with pytest.raises(InvalidArgumentError) as e:
        dunning_many(cols, policy(), AS_OF)
    assert e.value.field == "amount"
    # 365.004 rounded half-up to cents is 365.00: 2.10 interest + 5.00.
    t = dunning_many(cols, policy(), AS_OF, float_rounding="half-up")
    assert t.column("outstanding")[0].as_py() == Decimal("365.00") and t.column("total")[0].as_py() == Decimal("7.10")
    f = dunning_many(cols, policy(), AS_OF, float_rounding="half-up", money="float64")
    assert f.column("total").type == pa.float64() and f.column("total")[0].as_py() == pytest.approx(7.1)
    seen: List[Any] = []
    dunning_many(columns(), policy(), AS_OF, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(ROWS), len(ROWS))


def load_vectors() -> List[Any]:
    doc = json.loads(VECTORS.read_text(encoding="utf-8"))
    return [pytest.param(c, id=f"dunning-{i:03d}") for i, c in enumerate(doc["cases"])]


def vector_policy(p: Dict[str, Any]) -> DunningPolicy:
    levels = []
    for level in p["levels"]:
        interest = dict(level.get("interest", {}))
        method = interest.pop("method", None)
        levels.append(DunningLevel(
            level["days_overdue"], level["action"], grace_days=level.get("grace_days", 0), fee=level.get("fee", 0),
            minimum_outstanding=level.get("minimum_outstanding", 0), interest=method, **interest,
        ))
    return DunningPolicy(p["currency"], levels, one_level_at_a_time=p.get("one_level_at_a_time", True))


@pytest.mark.parametrize("case", load_vectors())
def test_vector_cases_match_dunning_run(case: Dict[str, Any]) -> None:
    try:
        pol = vector_policy(case["policy"])
    except CollectionsError:
        pytest.skip("a policy the core refuses: no invoice column is involved")
    invs = case["invoices"]
    if any(len(i.get("payments", [])) > 1 for i in invs):
        pytest.skip("one paid total per row: a case with several payments has no column form")
    if any(p.get("currency", i.get("currency")) != i.get("currency") for i in invs for p in i.get("payments", [])):
        pytest.skip("a paid column is in its invoice's currency: a payment in another has no column form")
    cur = case["policy"]["currency"]
    cols = {
        "invoice_id": [i["id"] for i in invs],
        "customer_id": [i["customer_id"] for i in invs],
        "amount": [i["amount"] for i in invs],
        "due_date": [i["due_date"] for i in invs],
        "currency": [i.get("currency", cur) for i in invs],
        "paid": [i["payments"][0]["amount"] if i.get("payments") else None for i in invs],
        "paid_date": [i["payments"][0]["date"] if i.get("payments") else None for i in invs],
        "dunning_level": [i.get("dunning_level", 0) for i in invs],
        "blocked": [i.get("blocked", False) for i in invs],
    }
    invoices = [
        Invoice(i["id"], i["customer_id"], i["amount"], i["due_date"], currency=i.get("currency", cur),
                payments=[(p["date"], Money(p["amount"], p.get("currency", i.get("currency", cur)))) for p in i.get("payments", [])],
                dunning_level=i.get("dunning_level", 0), blocked=i.get("blocked", False))
        for i in invs
    ]
    try:
        run = dunning_run(invoices, pol, case["as_of"])
    except CollectionsError as err:
        assert "error" in case
        with pytest.raises(type(err)) as many:
            dunning_many(cols, pol, case["as_of"])
        # The same field, named by its column: Invoice's id is the invoice_id column, its payment paid.
        column = {"id": "invoice_id", "payments.amount": "paid", "payments.date": "paid_date"}
        assert err.field == case["error_field"]
        assert err.field is not None and many.value.field == column.get(err.field, err.field)
        return
    assert "error" not in case
    t = dunning_many(cols, pol, case["as_of"]).to_pydict()
    for line in run:
        k = line.invoice_index
        assert (t["invoice_id"][k], t["outcome"][k], t["level"][k], t["fee"][k], t["interest"][k], t["total"][k]) == (
            line.invoice_id, line.outcome, line.level, line.fee, line.interest, line.total)
    # The vector's own hand-worked lines (in the run's order), where it states them.
    order = [line.invoice_index for line in run]
    for wanted, k in zip(case.get("expected_lines", []), order):
        for key in ("outcome", "level", "action", "days_overdue"):
            if key in wanted:
                assert t[key][k] == wanted[key], (key, wanted)
        for key in ("fee", "interest", "total", "outstanding"):
            if key in wanted:
                assert t[key][k] == Decimal(wanted[key]), (key, wanted)


def test_polars_in_polars_out() -> None:
    pl = pytest.importorskip("polars")
    cols = columns()
    frame = pl.DataFrame({**cols, "amount": [Decimal(a) for a in cols["amount"]],
                          "paid": [Decimal(p) if p else None for p in cols["paid"]]})
    out = dunning_many(frame, policy(), AS_OF)
    assert isinstance(out, pl.DataFrame)
    assert rows_of(out.to_arrow()) == expected()


def test_integer_ids_keep_their_arrow_type() -> None:
    # Integer ids keep their Arrow type (int64 in, int64 out).
    ints = dunning_many({"invoice_id": pa.array([10, 11]), "customer_id": ["C", "C"], "amount": [1, 1],
                         "due_date": [AS_OF] * 2}, policy(), AS_OF)
    assert ints.column("invoice_id").type == pa.int64() and ints.column("invoice_id").to_pylist() == [10, 11]
