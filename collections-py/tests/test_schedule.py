"""Amortized schedules: amortize, ScheduleBuilder, Schedule and its rows, exports, pickling, bad input."""

from __future__ import annotations

import copy
import datetime
import pickle
import subprocess
import sys
from decimal import Decimal
from typing import Any, Dict, List

import cloudpickle
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import collections_core as cc
from collections_core import (
    Currency,
    DayCount,
    Frequency,
    Rate,
    Schedule,
    ScheduleBuilder,
    ScheduleRow,
    ScheduleTotals,
    amortize,
)

START = datetime.date(2026, 1, 1)
FIRST_DUE = datetime.date(2026, 2, 1)
AMOUNTS = ("opening_balance", "payment", "interest", "deferred_interest", "principal", "closing_balance")


def reference() -> Schedule:
    """finance.md's reference loan: 200000 at 6% monthly over 360 months."""
    return amortize(200000, "0.06", START, FIRST_DUE, term=360)


def loan(**options: Any) -> Schedule:
    """2000 at 10% from 2026-01-01, first due 2026-02-01, over 24 months unless a payment is given."""
    if "payment" not in options:
        options.setdefault("term", 24)
    return amortize(2000, "0.10", "2026-01-01", "2026-02-01", **options)


# A schedule of each shape, for the properties every schedule has.
SHAPES: List[Any] = [
    pytest.param(lambda: reference(), id="reference"),
    pytest.param(lambda: loan(), id="level-payment"),
    pytest.param(lambda: loan(payment=100), id="fixed-payment"),
    pytest.param(lambda: loan(kind="level_principal"), id="level-principal"),
    pytest.param(lambda: loan(kind="interest_only"), id="interest-only"),
    pytest.param(lambda: loan(kind="balloon", amortization_periods=60), id="balloon"),
    pytest.param(lambda: loan(kind="graduated", step_percent=5, every=6), id="graduated"),
    pytest.param(lambda: loan(term=5, kind="custom", payments=["500", "500.50", 0, 400]), id="custom"),
    pytest.param(lambda: loan(interest_method="daily", day_count="ACT/360"), id="daily"),
    pytest.param(
        lambda: loan(interest_method="daily", day_count=DayCount("30/360 US", end_of_month_rule=False)),
        id="daily-30-360-no-eom",
    ),
    pytest.param(lambda: loan(payment_holidays=[3, 4], holiday_interest="defer"), id="holidays-deferred"),
    pytest.param(lambda: loan(payment_holidays=(2,)), id="holiday-capitalized"),
    pytest.param(
        lambda: amortize(1000, "0.12", "2026-01-15", "2026-03-01", term=12, odd_first_period="capitalize"),
        id="odd-first-period-capitalized",
    ),
    pytest.param(
        lambda: amortize(
            "1000.000", "0.08", "2026-01-31", "2026-02-28", term=12, currency="KWD", end_of_month=True
        ),
        id="kwd-end-of-month",
    ),
    pytest.param(lambda: amortize(100000, "0.015", START, FIRST_DUE, term=12, currency="JPY"), id="jpy"),
    pytest.param(lambda: loan(currency=Currency("PTS", 1)), id="user-currency"),
    pytest.param(lambda: loan(frequency="biweekly", payment_multiple=5, payment_rounding="up"), id="multiple"),
    pytest.param(lambda: loan().reamortize(13, annual_rate="0.05"), id="reamortized"),
]


def test_reference_loan() -> None:
    s = reference()
    assert s.level_payment == Decimal("1199.10") and str(s.level_payment) == "1199.10"
    assert len(s) == 360 and len(s.rows) == 360
    first = s.rows[0]
    assert (first.number, first.due_date, first.days) == (1, FIRST_DUE, 31)
    assert first.opening_balance == Decimal("200000.00")
    assert (first.payment, first.interest, first.principal) == (
        Decimal("1199.10"),
        Decimal("1000.00"),
        Decimal("199.10"),
    )
    assert str(first.closing_balance) == "199800.90"
    assert first.deferred_interest == 0 and first.holiday is False
    last = s[-1]
    assert last.number == 360 and last.due_date == datetime.date(2056, 1, 1)
    assert str(last.payment) == "1200.14" and last.closing_balance == 0
    assert s.totals == ScheduleTotals("431677.04", "231677.04", "200000.00")
    assert str(s.totals.interest) == "231677.04"
    assert sum(r.principal for r in s) == 200000
    assert s.currency == Currency("USD")
    for row in s:
        assert type(row.due_date) is datetime.date
        assert all(type(getattr(row, name)) is Decimal for name in AMOUNTS)
        assert all(getattr(row, name).as_tuple().exponent == -2 for name in AMOUNTS)


def test_inputs_in_every_accepted_form() -> None:
    s = reference()
    assert amortize(Decimal("200000.00"), Rate("6%"), "2026-01-01", "2026-02-01", term=360) == s
    assert amortize("200000", Decimal("0.06"), START, FIRST_DUE, term=360, frequency=Frequency("monthly")) == s
    assert amortize(200000, "0.06", START, FIRST_DUE, term=360, currency=Currency("USD")) == s
    daily = loan(interest_method="daily", day_count="ACT/360")
    assert loan(interest_method="daily", day_count=DayCount("ACT/360")) == daily
    assert loan(interest_method="DAILY", day_count="actual/360") == daily
    assert loan(kind="Level-Principal") == loan(kind="level_principal")
    assert loan(term=24, stub_day_count=DayCount("ACT/365F")) == loan()
    # None means the default, for every option.
    assert loan(frequency=None, currency=None, kind=None, payment_holidays=None, max_rows=None) == loan()


def test_sequence_protocol() -> None:
    s = loan()
    assert s[0] == s.rows[0] and s[-1] == s.rows[23] and s[23] is s.rows[-1]
    assert s[1:3] == s.rows[1:3] and isinstance(s[1:3], tuple)
    assert [r.number for r in s] == list(range(1, 25))
    assert list(reversed(s))[0] == s[-1]
    with pytest.raises(IndexError):
        s[24]
    with pytest.raises(TypeError):
        s["1"]  # type: ignore[call-overload]


@pytest.mark.parametrize("make", SHAPES)
def test_every_schedule_adds_up(make: Any) -> None:
    s: Schedule = make()
    rows = s.rows
    assert rows and [r.number for r in rows] == list(range(1, len(rows) + 1))
    assert rows[-1].closing_balance == 0
    assert s.totals.payment == sum(r.payment for r in rows)
    assert s.totals.interest == sum(r.interest for r in rows)
    assert s.totals.principal == sum(r.principal for r in rows)
    for before, after in zip(rows, rows[1:]):
        assert after.opening_balance == before.closing_balance


@pytest.mark.parametrize("make", SHAPES)
def test_columns_equal_the_rows(make: Any) -> None:
    s: Schedule = make()
    columns = s.columns()
    assert list(columns) == ["number", "due_date", "days", *AMOUNTS, "holiday"]
    n = len(s)
    assert all(len(a) == n for a in columns.values())
    assert columns["number"].dtype == np.int64 and columns["days"].dtype == np.int64
    assert columns["due_date"].dtype == np.dtype("datetime64[D]")
    assert columns["holiday"].dtype == np.bool_
    scale = 10**s.currency.minor_units
    for i, row in enumerate(s):
        assert columns["number"][i] == row.number and columns["days"][i] == row.days
        assert columns["due_date"][i] == np.datetime64(row.due_date, "D")
        assert bool(columns["holiday"][i]) is row.holiday
        for name in AMOUNTS:
            assert Decimal(int(columns[name][i])) / scale == getattr(row, name)
    # The arrays are the caller's: writable, and independent of each other.
    columns["payment"][0] += 1
    assert s.columns()["payment"][0] == columns["payment"][0] - 1
    assert columns["interest"][0] == s.columns()["interest"][0]


@pytest.mark.parametrize("make", SHAPES)
def test_arrow_equals_the_rows(make: Any) -> None:
    s: Schedule = make()
    table = s.to_arrow()
    assert isinstance(table, pa.Table)
    assert table.column_names == ["number", "due_date", "days", *AMOUNTS, "holiday"]
    scale = s.currency.minor_units
    assert table.schema.field("payment").type == pa.decimal128(38, scale)
    assert table.schema.field("due_date").type == pa.date32()
    assert table.schema.field("number").type == pa.int64()
    assert table.schema.field("holiday").type == pa.bool_()
    assert table.to_pylist() == [row.to_dict() for row in s]
    # Exact text, scale included.
    assert [str(v) for v in table.column("payment").to_pylist()] == [str(r.payment) for r in s]
    table.validate(full=True)
    # The columns are views at offsets into one buffer; Arrow IPC writes and reads them back whole.
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    assert pa.ipc.open_stream(sink.getvalue()).read_all().equals(table)


@pytest.mark.parametrize("make", SHAPES)
def test_pandas_equals_the_rows(make: Any) -> None:
    s: Schedule = make()
    df = s.to_pandas()
    assert list(df.columns) == ["number", "due_date", "days", *AMOUNTS, "holiday"]
    assert all(isinstance(t, pd.ArrowDtype) for t in df.dtypes)
    assert len(df) == len(s)
    for i, row in enumerate(s):
        record = df.iloc[i]
        assert record["number"] == row.number and record["days"] == row.days
        assert record["due_date"] == row.due_date
        assert bool(record["holiday"]) is row.holiday
        for name in AMOUNTS:
            value = record[name]
            assert type(value) is Decimal and str(value) == str(getattr(row, name))
    assert df["interest"].sum() == s.totals.interest


def test_amounts_finer_than_the_currency_are_refused() -> None:
    # So every amount column is a whole number of minor units.
    with pytest.raises(cc.InvalidArgumentError) as raised:
        amortize("1000.005", "0.12", START, FIRST_DUE, term=3)
    assert raised.value.field == "principal"
    with pytest.raises(cc.InvalidArgumentError) as raised:
        loan(kind="custom", payments=["1.001"])
    assert raised.value.field == "payments"
    assert amortize("1000.005", "0.12", START, FIRST_DUE, term=3, currency="KWD")[0].opening_balance == Decimal("1000.005")


def test_exports_name_the_missing_package() -> None:
    script = (
        "import sys\n"
        "sys.modules['numpy'] = sys.modules['pyarrow'] = sys.modules['pandas'] = None\n"
        "import collections_core as cc\n"
        "s = cc.amortize(1000, '0.12', '2026-01-01', '2026-02-01', term=12)\n"
        "for export in ('columns', 'to_arrow', 'to_pandas'):\n"
        "    try:\n"
        "        getattr(s, export)()\n"
        "    except ImportError as e:\n"
        "        print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == [
        "Schedule.columns() needs numpy, which is not installed: pip install numpy",
        "Schedule.to_arrow() needs pyarrow, which is not installed: pip install pyarrow",
        "Schedule.to_pandas() needs pandas, which is not installed: pip install pandas",
    ]


@pytest.mark.parametrize("make", SHAPES)
def test_pickle_copy_and_equality(make: Any) -> None:
    s: Schedule = make()
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(s, protocol=protocol))
        assert back == s and type(back) is Schedule and hash(back) == hash(s)
        assert back.rows == s.rows and back.terms == s.terms and back.level_payment == s.level_payment
    assert cloudpickle.loads(cloudpickle.dumps(s)) == s
    assert copy.copy(s) == s and copy.deepcopy(s) == s
    assert s == make() and hash(s) == hash(make()) and not (s != make())
    assert s != object() and not (s == "schedule")
    assert s.to_dict() == pickle.loads(pickle.dumps(s)).to_dict()


@pytest.mark.parametrize("make", SHAPES)
def test_rows_and_totals_are_values(make: Any) -> None:
    s: Schedule = make()
    namespace: Dict[str, Any] = {"ScheduleRow": ScheduleRow, "ScheduleTotals": ScheduleTotals}
    namespace.update(Decimal=Decimal, datetime=datetime)
    for value in (s[0], s[-1], s.totals):
        twin = eval(repr(value), namespace)
        assert twin == value and hash(twin) == hash(value)
        assert type(value)(**value.to_dict()) == value
        assert pickle.loads(pickle.dumps(value)) == value
        assert cloudpickle.loads(cloudpickle.dumps(value)) == value
        with pytest.raises(AttributeError):
            value.payment = Decimal(0)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        s.rows = ()  # type: ignore[misc]


def test_schedule_classes_are_final() -> None:
    for cls in (Schedule, ScheduleRow, ScheduleTotals):
        with pytest.raises(TypeError):
            type("Sub", (cls,), {})
        assert cls.__module__ == "collections_core"
    with pytest.raises(TypeError):
        Schedule()


@pytest.mark.parametrize("make", [p for p in SHAPES if p.id != "reamortized"])
def test_terms_rebuild_the_schedule(make: Any) -> None:
    s: Schedule = make()
    assert amortize(**s.terms) == s


def test_terms_values() -> None:
    terms = loan(kind="custom", payments=["100", 50], interest_method="daily").terms
    assert terms["payments"] == (Decimal("100"), Decimal("50")) and terms["kind"] == "custom"
    assert terms["interest_method"] == "daily" and terms["day_count"] == "ACT/365F"
    assert terms["term"] == 24 and terms["payment"] is None
    assert terms["principal"] == 2000 and terms["annual_rate"] == Decimal("0.10")
    assert loan(payment=100).terms["payment"] == 100
    assert loan(currency=Currency("PTS", 1)).terms["currency"] == Currency("PTS", 1)
    icma = DayCount("ACT/ACT ICMA", reference_start="2026-01-01", reference_end="2026-02-01", frequency="monthly")
    assert loan(interest_method="daily", day_count=icma).terms["day_count"] == icma
    assert loan().reamortize(13, term=6).terms["term"] == 18


def test_to_dict() -> None:
    s = loan(term=3)
    d = s.to_dict()
    assert list(d) == ["terms", "rows", "totals", "level_payment"]
    assert d["rows"] == [r.to_dict() for r in s] and d["totals"] == s.totals.to_dict()
    assert d["terms"] == s.terms and d["level_payment"] == s.level_payment
    assert loan(kind="level_principal").to_dict()["level_payment"] is None


def test_builder_equals_amortize() -> None:
    base = ScheduleBuilder(2000, "0.10", START, FIRST_DUE)
    assert base.term(24).build() == loan()
    assert base.payment(100).build() == loan(payment=100)
    assert base.term(24).payment(100).build() == loan(payment=100)
    assert base.payment(100).term(24).build() == loan()
    assert base.term(24).frequency("biweekly", end_of_month=False).build() == loan(frequency="biweekly")
    assert base.term(24).currency("EUR").build() == loan(currency="EUR")
    assert base.term(24).daily("ACT/360").build() == loan(interest_method="daily", day_count="ACT/360")
    assert base.term(24).daily().build() == loan(interest_method="daily")
    assert base.term(24).level_principal().build() == loan(kind="level_principal")
    assert base.term(24).interest_only().build() == loan(kind="interest_only")
    assert base.term(24).balloon(60).build() == loan(kind="balloon", amortization_periods=60)
    assert base.term(24).graduated(5, 6).build() == loan(kind="graduated", step_percent=5, every=6)
    # Choosing a kind clears the last one's parameters.
    assert base.term(24).balloon(60).graduated(5, 6).build() == loan(kind="graduated", step_percent=5, every=6)
    assert base.term(5).custom(iter(["500", "400"])).build() == loan(term=5, kind="custom", payments=["500", 400])
    assert base.term(24).odd_first_period("ignore", stub_day_count="ACT/360").build() == loan(
        odd_first_period="ignore", stub_day_count="ACT/360"
    )
    assert base.term(24).holidays([3], interest="defer").build() == loan(
        payment_holidays=[3], holiday_interest="defer"
    )
    assert base.term(24).rounding(payment="up", interest="half-even", multiple=5).build() == loan(
        payment_rounding="up", interest_rounding="half-even", payment_multiple=5
    )
    assert base.term(24).rounding(payment="up").rounding(multiple=5).build() == loan(
        payment_rounding="up", payment_multiple=5
    )
    with pytest.raises(cc.InvalidArgumentError) as raised:
        base.payment(100).max_rows(12).build()
    assert raised.value.field == "max_rows"
    assert "ScheduleBuilder(2000, '0.10'" in repr(base.term(24)) and "term=24" in repr(base.term(24))


def test_builder_is_never_changed() -> None:
    base = ScheduleBuilder(2000, "0.10", START, FIRST_DUE).term(24)
    variant = base.level_principal()
    assert base.build() == loan() and variant.build() == loan(kind="level_principal")
    with pytest.raises(cc.InvalidArgumentError) as raised:
        ScheduleBuilder(2000, "0.10", START, FIRST_DUE).build()
    assert raised.value.field == "term"


def test_reamortize() -> None:
    s = loan()
    cheaper = s.reamortize(13, annual_rate=Rate("5%"))
    assert cheaper.rows[:12] == s.rows[:12] and len(cheaper) == 24
    assert cheaper.totals.interest < s.totals.interest and cheaper.totals.principal == 2000
    assert s.reamortize(13, annual_rate="0.05") == cheaper
    longer = s.reamortize(13, term=24)
    assert len(longer) == 36 and longer[12].opening_balance == s[12].opening_balance
    faster = s.reamortize(13, payment=200)
    assert faster[12].payment == 200 and len(faster) < 24 and faster.level_payment == 200
    assert s.reamortize(1) == s
    assert pickle.loads(pickle.dumps(faster)) == faster
    for kwargs, field in (
        ({"from_row": 0}, "from_row"),
        ({"from_row": 25}, "from_row"),
        ({"from_row": -1}, "from_row"),
        ({"from_row": 13, "term": 12, "payment": 100}, "payment"),
        ({"from_row": 13, "annual_rate": 0.05}, "annual_rate"),
        ({"from_row": 13, "payment": "1"}, "payment"),
    ):
        with pytest.raises(cc.CollectionsError) as raised:
            s.reamortize(**kwargs)
        assert raised.value.field == field, kwargs


BAD: List[Any] = [
    pytest.param({"principal": 0}, cc.InvalidArgumentError, "principal", id="zero-principal"),
    pytest.param({"principal": 2000.0}, cc.InvalidArgumentError, "principal", id="float-principal"),
    pytest.param({"principal": "2,000"}, cc.InvalidDecimalError, "principal", id="not-a-number"),
    pytest.param({"principal": "7e28"}, cc.ArithmeticOverflowError, "principal", id="overflowing-principal"),
    pytest.param({"annual_rate": 0.1}, cc.InvalidArgumentError, "annual_rate", id="float-rate"),
    pytest.param({"annual_rate": "-1"}, cc.InvalidRateError, "annual_rate", id="rate-minus-100"),
    pytest.param({"term": 0}, cc.InvalidArgumentError, "term", id="term-0"),
    pytest.param({"term": -1}, cc.InvalidArgumentError, "term", id="negative-term"),
    pytest.param({"term": True}, cc.InvalidArgumentError, "term", id="bool-term"),
    pytest.param({"term": None}, cc.InvalidArgumentError, "term", id="no-term-nor-payment"),
    pytest.param({"payment": 100}, cc.InvalidArgumentError, "payment", id="term-and-payment"),
    pytest.param({"term": None, "payment": "16.67"}, cc.NoSolutionError, "payment", id="payment-too-small"),
    pytest.param({"term": None, "payment": -100}, cc.InvalidArgumentError, "payment", id="negative-payment"),
    pytest.param({"kind": "bullet"}, cc.InvalidArgumentError, "kind", id="unknown-kind"),
    pytest.param({"kind": 1}, cc.InvalidArgumentError, "kind", id="kind-not-a-name"),
    pytest.param({"kind": "balloon"}, cc.InvalidArgumentError, "amortization_periods", id="balloon-no-periods"),
    pytest.param({"step_percent": 5}, cc.InvalidArgumentError, "step_percent", id="parameter-not-taken"),
    pytest.param({"kind": "custom", "payments": []}, cc.InvalidArgumentError, "payments", id="no-payments"),
    pytest.param({"kind": "custom", "payments": "100"}, cc.InvalidArgumentError, "payments", id="payments-str"),
    pytest.param({"kind": "custom", "payments": [1.5]}, cc.InvalidArgumentError, "payments", id="float-payment"),
    pytest.param({"payment_holidays": [1, 2, 3], "term": 3}, cc.InvalidArgumentError, "payment_holidays",
                 id="holidays-cover-the-term"),
    pytest.param({"payment_holidays": [25]}, cc.InvalidArgumentError, "payment_holidays", id="holiday-past-term"),
    pytest.param({"payment_holidays": [1.0]}, cc.InvalidArgumentError, "payment_holidays", id="float-holiday"),
    pytest.param({"holiday_interest": "waive"}, cc.InvalidArgumentError, "holiday_interest", id="holiday-rule"),
    pytest.param({"term": 400, "max_rows": 360}, cc.InvalidArgumentError, "term", id="term-over-max-rows"),
    pytest.param({"term": None, "payment": 100, "max_rows": 12}, cc.InvalidArgumentError, "max_rows",
                 id="max-rows-exceeded"),
    pytest.param({"max_rows": 0}, cc.InvalidArgumentError, "max_rows", id="max-rows-0"),
    pytest.param({"frequency": "daily"}, cc.InvalidArgumentError, "frequency", id="unknown-frequency"),
    pytest.param({"currency": "XYZ"}, cc.UnknownCurrencyError, "currency", id="unknown-currency"),
    pytest.param({"end_of_month": 1}, cc.InvalidArgumentError, "end_of_month", id="end-of-month-int"),
    pytest.param({"day_count": "ACT/360"}, cc.InvalidArgumentError, "day_count", id="day-count-periodic"),
    pytest.param({"interest_method": "daily", "day_count": "nope"}, cc.InvalidArgumentError, "day_count",
                 id="unknown-day-count"),
    pytest.param({"interest_method": "weekly"}, cc.InvalidArgumentError, "interest_method", id="unknown-method"),
    pytest.param({"stub_day_count": "ACT/ACT ICMA"}, cc.InvalidArgumentError, "stub_day_count", id="stub-icma"),
    pytest.param({"odd_first_period": "skip"}, cc.InvalidArgumentError, "odd_first_period", id="odd-rule"),
    pytest.param({"payment_rounding": "bankers"}, cc.InvalidArgumentError, "rounding_mode", id="payment-rounding"),
    pytest.param({"interest_rounding": 2}, cc.InvalidArgumentError, "interest_rounding", id="rounding-not-a-name"),
    pytest.param({"payment_multiple": 0}, cc.InvalidArgumentError, "payment_multiple", id="multiple-0"),
    pytest.param({"start_date": "2026-02-30"}, cc.InvalidDateError, "start_date", id="not-a-date"),
    pytest.param({"start_date": datetime.datetime(2026, 1, 1)}, cc.InvalidArgumentError, "start_date",
                 id="datetime"),
    pytest.param({"first_due_date": "2026-01-01"}, cc.InvalidArgumentError, "first_due_date", id="due-on-start"),
]


@pytest.mark.parametrize(("options", "error", "field"), BAD)
def test_bad_input_names_the_field(options: Dict[str, Any], error: type[cc.CollectionsError], field: str) -> None:
    arguments: Dict[str, Any] = {
        "principal": 2000,
        "annual_rate": "0.10",
        "start_date": "2026-01-01",
        "first_due_date": "2026-02-01",
        "term": 24,
        **options,
    }
    with pytest.raises(error) as raised:
        amortize(**arguments)
    assert type(raised.value) is error and raised.value.field == field
    assert isinstance(raised.value, ValueError)


def test_unknown_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        loan(frequence="monthly")


def test_dates_beyond_python_are_an_error_not_a_crash() -> None:
    s = amortize(2000, "0.10", "9999-06-01", "9999-07-01", term=24)
    assert len(s) == 24 and s[5].due_date == datetime.date(9999, 12, 1)
    with pytest.raises(cc.DateOutOfRangeError) as raised:
        s[6].due_date
    assert raised.value.field == "due_date"
    assert len(s.to_arrow()) == 24 and len(s.columns()["due_date"]) == 24


def test_repr_and_html() -> None:
    s = reference()
    assert repr(s) == (
        "<Schedule 360 rows 2026-02-01..2056-01-01 USD level_payment=1199.10 "
        "payment=431677.04 interest=231677.04 principal=200000.00>"
    )
    assert "level_payment=None" in repr(loan(kind="interest_only"))
    html = s._repr_html_()
    assert html.startswith("<div") and html.endswith("</div>")
    assert "231677.04" in html and "1199.10" in html and "340 more rows" in html
    assert html.count("<tr><td>") == 20 and "<td>360</td>" in html and "<td>11</td>" not in html
    short = loan(term=20, payment_holidays=[2])._repr_html_()
    assert short.count("<tr><td>") == 20 and "more rows" not in short and "holiday" in short
    assert "PTS" in loan(currency=Currency("PTS", 1))._repr_html_()


def test_builder_and_amortize_are_exported() -> None:
    for name in ("amortize", "Schedule", "ScheduleBuilder", "ScheduleRow", "ScheduleTotals"):
        assert name in cc.__all__ and getattr(cc, name) is not None
