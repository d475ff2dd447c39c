"""collections_core.affordability: statements, guidelines, assess, fair_share, recommend, assess_many.

Hand values come from tests/vectors/affordability.json and the core's documented examples.
"""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from typing import Any, Dict, List

import pytest

import collections_core as cc
from collections_core.affordability import (
    CATEGORIES,
    Assessment,
    FairShare,
    Guidelines,
    Household,
    Item,
    PlanPolicy,
    Statement,
    assess,
    assess_many,
    fair_share,
    from_monthly,
    recommend,
    to_monthly,
)

ITEMS: List[Any] = [
    ("earnings", 600, "weekly"),
    ("housing", 950, "monthly"),
    ("utilities", 180, "monthly"),
    ("food_and_housekeeping", 1100, "monthly"),
    ("priority_debt_payments", 50, "monthly"),
]


def statement(adults: int = 2, items: Any = None) -> Statement:
    return Statement("2025-06-01", "USD", Household(adults), ITEMS if items is None else items)


def test_to_monthly_and_back() -> None:
    assert to_monthly("50.00", "four-weekly", "GBP") == Decimal("54.17")
    assert to_monthly("50.00", "weekly", "GBP", "half-up") == Decimal("216.67")
    assert to_monthly("50.00", "weekly", "GBP", "down") == Decimal("216.66")
    assert from_monthly("216.67", "weekly", "GBP") == Decimal("50.00")


def test_floats_and_bad_names_are_refused() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        to_monthly(50.0, "weekly", "GBP")  # type: ignore[arg-type]
    assert e.value.field == "amount"
    with pytest.raises(cc.InvalidArgumentError) as e:
        Item("yachts", 1, "monthly")
    assert (e.value.field, e.value.value) == ("category", "yachts")
    with pytest.raises(cc.InvalidArgumentError) as e:
        to_monthly(10, "hourly", "GBP")
    assert e.value.field == "frequency"


def test_household() -> None:
    h = Household(2, 1, vehicles=1, region="south")
    assert (h.persons, h.vehicles, h.region, h.children_16_to_18) == (3, 1, "south", 0)
    assert h == Household(2, 1, 0, vehicles=1, region="south")
    assert hash(h) == hash(Household(2, 1, vehicles=1, region="south"))
    assert pickle.loads(pickle.dumps(h)) == h
    assert h.to_dict()["adults"] == 2
    assert "Household(" in repr(h)
    with pytest.raises(cc.InvalidArgumentError) as e:
        Household(0)
    assert e.value.field == "household"
    with pytest.raises(cc.InvalidArgumentError) as e:
        Household(1, aged_65_or_over=2)
    assert e.value.field == "aged_65_or_over"


def test_statement() -> None:
    s = statement()
    assert s.monthly_amounts[0] == Decimal("2600.00")
    assert s.section_total("income") == Decimal("2600.00")
    assert s.monthly("housing") == Decimal("950.00")
    assert s.section_totals["priority_debts"] == Decimal("50.00")
    assert s.items[0] == Item("earnings", 600, "weekly")
    assert pickle.loads(pickle.dumps(s)) == s
    with pytest.raises(cc.InvalidArgumentError) as e:
        statement(items=[("earnings", 1, "monthly"), ("housing", "5.001", "monthly")])
    assert (e.value.field, e.value.value) == ("items", "#1 housing: 5.001")


def test_assess_irs_two_people() -> None:
    a = assess(statement(), Guidelines.irs())
    assert isinstance(a, Assessment)
    assert a.allowable_expenditure == Decimal(950 + 180 + 1481 + 168 + 244)
    assert a.disposable_income == Decimal(2600 - 3023 - 50)
    assert a.is_deficit and a.max_affordable_payment == 0
    assert a.table == "irs-2025"
    assert [g.guideline for g in a.guidelines][0] == "national_standards"
    assert a.lines and all(line.kind in {"item", "guideline", "total", "note"} for line in a.lines)
    assert a.affordability_ratio(10) is None
    assert a.debt_to_income(260) == Decimal("0.1")
    assert pickle.loads(pickle.dumps(a)) == a
    html = a._repr_html_()
    assert html.startswith("<div") and "disposable_income" in html and "<table>" in html
    assert a.to_dict()["income"] == Decimal("2600.00")


def test_assess_policy() -> None:
    s = Statement("2025-06-01", "GBP", Household(1), [("earnings", 1500, "monthly"), ("housing", 1000, "monthly")])
    a = assess(s, contingency=("0.10", 20), debt_administration_fee=5)
    assert (a.contingency, a.debt_administration_fee) == (Decimal("20.00"), Decimal("5"))
    assert a.disposable_income == Decimal("475.00")
    assert a.affordability_ratio("95") == Decimal("0.2")
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess(s, contingency=("1.5", 20))
    assert e.value.field == "contingency.percent"
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess(s, Guidelines.irs(), low_spending_fraction=2)
    assert e.value.field == "low_spending_fraction"


def test_guidelines_round_trip() -> None:
    g = Guidelines.irs()
    assert [t.name for t in g.tables] == ["irs-2024", "irs-2025"]
    assert Guidelines.from_json(g.to_json()) == g
    assert pickle.loads(pickle.dumps(g)) == g
    with pytest.raises(cc.InvalidArgumentError) as e:
        g.table_on("2024-01-31")
    assert e.value.field == "date"
    csv = "table,effective,guideline,categories,rule,unit,amount\nsfs,2025-04-07,food,food_and_housekeeping,trigger,household,300\n"
    t = Guidelines.from_csv(csv).tables[0]
    assert (t.name, t.effective.isoformat(), t.row_count) == ("sfs", "2025-04-07", 1)


def test_fair_share() -> None:
    f = fair_share(100, "GBP", [("bank", 6000), ("card", 3000), ("catalogue", 500)], minimum=15)
    assert isinstance(f, FairShare)
    assert [(o.amount, o.basis) for o in f.offers] == [
        (Decimal("66.00"), "pro_rata"),
        (Decimal("33.00"), "pro_rata"),
        (Decimal("1.00"), "token"),
    ]
    assert not f.no_surplus and f.total == Decimal("100.00")
    assert pickle.loads(pickle.dumps(f)) == f
    with pytest.raises(cc.InvalidArgumentError) as e:
        fair_share(10, "GBP", [])
    assert e.value.field == "creditors"


def test_fair_share_exports() -> None:
    pytest.importorskip("pandas")
    f = fair_share(100, "GBP", [("bank", 6000), ("card", 3000)])
    t = f.to_arrow()
    assert t.column("creditor").to_pylist() == ["bank", "card"]
    assert t.column("amount").to_pylist() == [Decimal("66.67"), Decimal("33.33")]
    assert list(f.to_pandas().columns) == ["creditor", "balance", "amount", "basis"]


def test_recommend() -> None:
    s = Statement("2025-06-01", "GBP", Household(1), [("earnings", 1500, "monthly"), ("housing", 1350, "monthly")])
    a = assess(s)
    r = recommend(a, [("card", 2000, 0), ("loan", 4000, 0)])
    plan = r[0].plan
    assert plan is not None and (plan.payment, plan.term_months) == (Decimal("50.00"), 40)
    assert r[0].debt == "card" and r[0].fair_share == Decimal("50.00")
    assert recommend(a, [("card", 2000, 0)], "irs_streamlined")[0].plan is not None
    p = PlanPolicy(max_term_months=24, max_share_of_surplus="0.5", minimum_payment="irs_streamlined")
    assert (p.max_term_months, p.minimum_payment) == (24, "irs_streamlined")
    assert pickle.loads(pickle.dumps(p)) == p
    none = recommend(a, [("big", 100000, 0)], PlanPolicy(max_term_months=12))[0]
    assert none.plan is None and none.fallbacks
    with pytest.raises(cc.InvalidArgumentError) as e:
        PlanPolicy(max_term_months=0)
    assert e.value.field == "max_term_months"
    with pytest.raises(cc.InvalidArgumentError) as e:
        recommend(a, [("a", 100, "-0.1")])
    assert e.value.field == "debts"


def long_table() -> Dict[str, List[Any]]:
    return {
        "statement_id": ["a", "a", "b", "a"],
        "date": ["2025-06-01"] * 4,
        "currency": ["USD"] * 4,
        "adults": [2, 2, 1, 2],
        "category": ["earnings", "housing", "earnings", "food_and_housekeeping"],
        "amount": [600, 950, "3000.00", 1100],
        "frequency": ["weekly", "monthly", "monthly", "monthly"],
    }


def test_assess_many_matches_assess() -> None:
    pytest.importorskip("pyarrow")
    t = assess_many(long_table(), Guidelines.irs())
    assert t.column("statement_id").to_pylist() == ["a", "b"]
    one = assess(
        Statement("2025-06-01", "USD", Household(2), [("earnings", 600, "weekly"), ("housing", 950, "monthly"),
                                                       ("food_and_housekeeping", 1100, "monthly")]),
        Guidelines.irs(),
    )
    assert t.column("disposable_income").to_pylist()[0] == one.disposable_income
    assert t.column("max_affordable_payment").to_pylist()[0] == one.max_affordable_payment
    assert t.column("table").to_pylist() == ["irs-2025", "irs-2025"]


def test_assess_many_pandas_and_threads() -> None:
    pd = pytest.importorskip("pandas")
    cols = long_table()
    n = 3000  # enough statements for several threads
    big = {k: [v[2] for _ in range(n)] for k, v in cols.items()}
    big["statement_id"] = [f"s{i}" for i in range(n)]
    out = assess_many(pd.DataFrame(big))
    assert isinstance(out, pd.DataFrame) and len(out) == n
    assert out["income"].iloc[-1] == Decimal("3000.00")


def test_assess_many_errors_name_the_statement() -> None:
    cols = long_table()
    cols["amount"][2] = "-1"
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess_many(cols)
    assert e.value.field == "amount" and e.value.value is not None and e.value.value.startswith("statement b")
    cols = long_table()
    cols["adults"][1] = 3
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess_many(cols)
    assert e.value.field == "household" and "statement a" in str(e.value.value)
    del cols["frequency"]
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess_many(cols)
    assert (e.value.field, e.value.value) == ("table", "frequency")


# The shared batch options: errors='column', float_rounding=, money='float64', mixed currencies.


def test_assess_many_errors_column() -> None:
    t = long_table()
    t["amount"][2] = "-1"
    got = assess_many(t, errors="column").to_pydict()
    assert got["statement_id"] == ["a", "b"]
    # a: income 2,600.00; expenditure 950 + 1,100 = 2,050.00; b null.
    assert got["income"] == [Decimal("2600.00"), None]
    assert got["expenditure"] == [Decimal("2050.00"), None]
    assert got["flag_count"][1] is None and got["table"][1] is None
    assert got["error"][0] is None and got["error"][1].startswith("amount: ")
    # Raised without it, naming the statement.
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess_many(t)
    assert e.value.field == "amount" and str(e.value.value).startswith("statement b")


def test_assess_many_errors_column_bad_cell_names_the_row() -> None:
    t = long_table()
    t["frequency"][3] = "hourly"
    got = assess_many(t, errors="column").to_pydict()
    # a's row 3 is bad: a null, b (income 3,000.00) assessed.
    assert got["income"] == [None, Decimal("3000.00")]
    assert got["error"][0].startswith("frequency: expected weekly, ")
    assert got["error"][0].endswith("(got statement a: row 3: hourly)") and got["error"][1] is None


def test_assess_many_mixed_currency_in_a_statement() -> None:
    t = long_table()
    t["currency"][1] = "GBP"
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess_many(t)
    assert (e.value.field, e.value.value) == ("currency", "statement a: GBP")
    got = assess_many(t, errors="column").to_pydict()
    assert got["error"] == ["currency: differs from the statement's first row (got statement a: GBP)", None]
    assert got["income"] == [None, Decimal("3000.00")]


def test_assess_many_float_rounding() -> None:
    t = {"statement_id": ["x"], "date": ["2025-06-01"], "currency": ["USD"], "adults": [1],
         "category": ["earnings"], "amount": [1234.565], "frequency": ["monthly"]}
    # 1234.565 read as its text: half-up to cents 1,234.57, half-even 1,234.56 (6 is even).
    up = assess_many(t, float_rounding="half-up").to_pydict()
    even = assess_many(t, float_rounding="half-even").to_pydict()
    assert (up["income"], even["income"]) == ([Decimal("1234.57")], [Decimal("1234.56")])
    # No expenditure: disposable income is the income.
    assert up["disposable_income"] == [Decimal("1234.57")]
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess_many(t)
    assert e.value.field == "amount"
    pd = pytest.importorskip("pandas")
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess_many(pd.DataFrame(t))
    assert e.value.field == "amount"
    out = assess_many(pd.DataFrame(t), float_rounding="half-up")
    assert isinstance(out, pd.DataFrame) and list(out["income"]) == [Decimal("1234.57")]


def test_assess_many_money_float64_and_pandas_errors() -> None:
    pa = pytest.importorskip("pyarrow")
    got = assess_many(long_table(), money="float64")
    assert got.schema.field("income").type == pa.float64()
    assert got.column("income").to_pylist() == [2600.0, 3000.0]
    assert got.schema.field("flag_count").type == pa.int64()
    pd = pytest.importorskip("pandas")
    t = long_table()
    t["adults"][2] = -1
    out = assess_many(pd.DataFrame(t), errors="column")
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns)[-1] == "error"
    assert pd.isna(out["error"].iloc[0]) and pd.isna(out["income"].iloc[1])
    assert out["error"].iloc[1] == "adults: must be a whole number from 0 to 4294967295 (got statement b: row 2: -1)"


def test_assess_many_errors_argument_is_checked() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        assess_many(long_table(), errors="ignore")
    assert (e.value.field, e.value.value) == ("errors", "ignore")



def test_assess_many_input_kinds_agree() -> None:
    """long_table() as a dict and as a typed pyarrow Table (decimal128 amounts, dictionary text, date32):
    a's income 2,600.00 (600 a week: 600 x 52 / 12) and b's 3,000.00 either way."""
    pa = pytest.importorskip("pyarrow")
    t = long_table()
    typed = pa.table({
        "statement_id": pa.array(t["statement_id"]).dictionary_encode(),
        "date": pa.array([datetime.date(2025, 6, 1)] * 4, pa.date32()),
        "currency": pa.array(t["currency"]),
        "adults": pa.array(t["adults"], pa.int8()),
        "category": pa.array(t["category"]),
        "amount": pa.array([Decimal(600), Decimal(950), Decimal(3000), Decimal(1100)], pa.decimal128(10, 0)),
        "frequency": pa.array(t["frequency"], pa.string_view()),
    })
    for out in (assess_many(t), assess_many(typed)):
        assert out.column("income").to_pylist() == [Decimal("2600.00"), Decimal("3000.00")]
        assert out.column("expenditure").to_pylist() == [Decimal("2050.00"), Decimal("0.00")]
    pl = pytest.importorskip("polars")
    out = assess_many(pl.DataFrame(typed.cast(typed.schema.set(0, pa.field("statement_id", pa.string())))))
    assert isinstance(out, pl.DataFrame) and out["income"].to_list() == [Decimal("2600.00"), Decimal("3000.00")]


def test_categories() -> None:
    assert len(CATEGORIES) == 24 and CATEGORIES[0] == "earnings"
