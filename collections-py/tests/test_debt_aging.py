"""Aging: the core's hand-checked cases (collections-core/tests/aging.rs, arithmetic beside each), the
batch over columns (lists, numpy, pandas, pyarrow) and its DataFrame, roll rates, pickling, bad input."""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from typing import Any, Optional

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from collections_core import ArithmeticOverflowError, CollectionsError, InvalidArgumentError, InvalidDecimalError
from collections_core.debt import (
    Account,
    AccountActivity,
    AgingRules,
    PortfolioAging,
    age_accounts,
    roll_rates,
)

D = datetime.date
ONE_MISSED = Account([("2026-01-01", 100, 0)])


def test_three_missed_installments() -> None:
    a = Account([(f"2026-{m:02d}-15", 100, 100 if m == 1 else 0) for m in range(1, 6)])
    aging = a.age("2026-04-20")
    # From Feb 15 to Apr 20: 13 + 31 + 20 = 64 days.
    assert (aging.days_past_due, aging.counting_from, aging.bucket_label) == (64, D(2026, 2, 15), "61-90")
    assert (aging.past_due_amount, aging.outstanding) == (Decimal(300), Decimal(400))
    # Receivables aging: Feb 64 days (61-90), Mar 36 (31-60), Apr 5 (1-30).
    assert aging.past_due_by_bucket == {
        "current": 0, "1-30": 100, "31-60": 100, "61-90": 100, "91-120": 0, "121-150": 0, "151-180": 0, "181+": 0,
    }
    on_due = Account([("2026-02-15", 100, 0)]).age("2026-02-15")
    assert (on_due.days_past_due, on_due.past_due_amount) == (0, Decimal(0))


def test_ninety_percent_tolerance_and_cumulative_method() -> None:
    ffiec = AgingRules.ffiec_ninety_percent()
    assert (ffiec.shortfall_method, ffiec.tolerance, ffiec.tolerance_value) == ("per-installment", "percent", Decimal(10))
    # 90.00 of 100 counts as full; the 10.00 is owed but does not age.
    paid_90 = Account([("2026-01-01", 100, 90)])
    a = paid_90.age("2026-02-10", ffiec)
    assert (a.days_past_due, a.counting_from, a.bucket_label) == (0, None, "current")
    assert (a.past_due_amount, a.tolerated_shortfall, a.outstanding) == (Decimal(0), Decimal(10), Decimal(10))
    # 89.99 is below 90%: 40 days past due from Jan 1.
    short = Account([("2026-01-01", 100, "89.99")]).age("2026-02-10", ffiec)
    assert (short.days_past_due, short.past_due_amount) == (40, Decimal("10.01"))
    assert paid_90.age("2026-02-10").days_past_due == 40  # no tolerance by default
    # Three installments of 100 each paid 95, pooled: cumulative due 300, paid 285, short by 15, more than
    # 10% of March's installment: past due from March 1, 14 days on Mar 15.
    paid_95 = Account([("2026-01-01", 100, 95), ("2026-02-01", 100, 95), ("2026-03-01", 100, 95)])
    cumulative = AgingRules("cumulative", "percent", 10)
    cum = paid_95.age("2026-03-15", cumulative)
    assert (cum.counting_from, cum.days_past_due, cum.past_due_amount) == (D(2026, 3, 1), 14, Decimal(15))
    per = paid_95.age("2026-03-15", AgingRules("per-installment", "percent", Decimal(10)))
    assert (per.days_past_due, per.tolerated_shortfall) == (0, Decimal(15))
    assert paid_95.age("2026-03-15", AgingRules("cumulative", "amount", 20)).days_past_due == 0


def test_grace_and_frozen_days() -> None:
    grace = AgingRules(grace_days=10)
    day10 = ONE_MISSED.age("2026-01-11", grace)
    assert (day10.days_past_due, day10.counting_from) == (0, D(2026, 1, 1))
    assert ONE_MISSED.age("2026-02-01", grace).days_past_due == 21  # 31 - 10
    # Jan 10 to Jan 19 frozen (10 days): Jan 31 is 30 - 10 = 20 days; with 5 grace days 15.
    frozen = Account([("2026-01-01", 100, 0)], frozen_periods=[("2026-01-10", "2026-01-19")])
    assert frozen.age("2026-01-31").days_past_due == 20
    assert frozen.age("2026-01-19").days_past_due == 8
    assert frozen.age("2026-01-31", AgingRules(grace_days=5)).days_past_due == 15
    assert frozen.frozen_periods == ((D(2026, 1, 10), D(2026, 1, 19)),)


def test_bucket_edges_and_custom_buckets() -> None:
    edges = [("2026-01-01", 0, "current"), ("2026-01-02", 1, "1-30"), ("2026-01-31", 30, "1-30"),
             ("2026-02-01", 31, "31-60"), ("2026-03-02", 60, "31-60"), ("2026-03-03", 61, "61-90"),
             ("2026-06-30", 180, "151-180"), ("2026-07-01", 181, "181+")]
    for as_of, days, label in edges:
        a = ONE_MISSED.age(as_of)
        assert (a.days_past_due, a.bucket_label) == (days, label), as_of
    consumer = AgingRules(buckets=[29, 59, 89])
    assert consumer.buckets == (("0-29", 0, 29), ("30-59", 30, 59), ("60-89", 60, 89), ("90+", 90, None))
    assert ONE_MISSED.age("2026-01-31", consumer).bucket_label == "30-59"
    named = AgingRules(buckets=[("fresh", 0, 10), ("old", 11, None)])
    assert ONE_MISSED.age("2026-01-31", named).bucket_label == "old"


def test_charge_off_and_time_bar() -> None:
    # Jan 1 + 120 days = May 1 (closed-end); + 180 = June 30 (open-end).
    before = ONE_MISSED.charge_off("2026-04-30", "closed-end")
    assert (before.threshold_days, before.days_past_due, before.eligible, before.eligible_on) == (
        120, 119, False, D(2026, 5, 1),
    )
    assert ONE_MISSED.charge_off("2026-05-01", "closed_end").eligible
    assert ONE_MISSED.charge_off("2026-05-01", "open-end").eligible_on == D(2026, 6, 30)
    assert ONE_MISSED.charge_off("2026-02-01", "closed-end", closed_end_days=90).eligible_on == D(2026, 4, 1)
    frozen = Account([("2026-01-01", 100, 0)], frozen_periods=[("2026-02-01", "2026-02-10")])
    assert frozen.charge_off("2026-03-01", "closed-end").eligible_on == D(2026, 5, 11)
    # Six years from 2019-06-01: the last day to sue is 2025-06-01, barred from 2025-06-02.
    old = Account([("2019-06-01", 100, 0)])
    on_last_day = old.time_bar("2025-06-01", years=6)
    assert (on_last_day.start, on_last_day.barred_on, on_last_day.time_barred) == (D(2019, 6, 1), D(2025, 6, 2), False)
    assert old.time_bar("2025-06-02", years=6).time_barred
    # A payment on 2021-03-10 restarts it (barred from 2027-03-11); an acknowledgment on 2022-01-05 again.
    restart = "last-payment-or-acknowledgment"
    assert old.time_bar("2025-06-02", years=6, limitation_start=restart, last_payment="2021-03-10").barred_on == D(2027, 3, 11)
    acknowledged = old.time_bar(
        "2025-06-02", years=6, limitation_start=restart, last_payment="2021-03-10", last_acknowledgment="2022-01-05"
    )
    assert acknowledged.barred_on == D(2028, 1, 6)
    assert old.time_bar("2025-01-01", months=36).barred_on == D(2022, 6, 2)
    assert old.time_bar("2025-01-01", days=30).barred_on == D(2019, 7, 2)


def test_delinquency_history_with_a_freeze() -> None:
    activity = AccountActivity([("2026-01-01", 100)], [], frozen_periods=[("2026-01-20", "2026-02-09")])
    points = [(c.date, c.days_past_due, c.bucket_label, c.frozen) for c in activity.delinquency_history("2026-01-01", "2026-03-31")]
    assert points == [
        (D(2026, 1, 1), 0, "current", False),
        (D(2026, 1, 2), 1, "1-30", False),
        (D(2026, 1, 20), 18, "1-30", True),  # 19 days less Jan 20
        (D(2026, 2, 10), 19, "1-30", False),  # 40 days less 21 frozen
        (D(2026, 2, 22), 31, "31-60", False),
        (D(2026, 3, 24), 61, "61-90", False),
    ]
    months = activity.month_end_agings("2026-01-15", "2026-03-31")
    assert [m.days_past_due for m in months] == [18, 37, 68]  # 30-12, 58-21, 89-21
    # Payments are applied oldest first: 150 paid on Jan 5 leaves February's 100 half paid.
    paying = AccountActivity([("2026-01-01", 100), ("2026-02-01", 100)], [("2026-01-05", 150)])
    assert paying.obligations_on("2026-01-31").obligations[1] == (D(2026, 2, 1), Decimal(100), Decimal(50))
    assert paying.last_payment_on("2026-01-31") == D(2026, 1, 5)
    assert paying.last_payment_on("2026-01-04") is None


def portfolio_columns() -> dict[str, Any]:
    return {
        "account_ids": ["a1", "a2", "a3", "a4", "a5"],
        "due_dates": ["2026-03-31", "2026-03-10", "2026-03-20", "2026-01-31", "2026-01-31"],
        "amounts_due": [10, 20, 30, 40, 50],
        "amounts_paid": [0, 0, 0, 0, 50],  # a5 is paid
    }


def test_portfolio_and_roll_rates() -> None:
    cols = portfolio_columns()
    march = age_accounts(**cols, as_of="2026-03-31")
    april = age_accounts(**cols, as_of="2026-04-30")
    assert [march[i].days_past_due for i in range(len(march))] == [0, 21, 11, 59, 0]
    totals = {t.label: (t.accounts, t.outstanding) for t in march.bucket_totals}
    assert totals["current"] == (2, Decimal(10)) and totals["1-30"] == (2, Decimal(50)) and totals["31-60"] == (1, Decimal(40))
    assert [(t.label, t.outstanding) for t in april.bucket_totals[1:4]] == [("1-30", Decimal(10)), ("31-60", Decimal(50)), ("61-90", Decimal(40))]
    rates = april.roll_rates_from(march)
    assert rates[:4] == [Decimal(1), Decimal(1), Decimal(1), None] and len(rates) == 7
    assert april.roll_rates_from(march, "accounts")[0] == Decimal("0.5")
    with pytest.raises(InvalidArgumentError) as err:
        march.roll_rates_from(april, "past-due")
    assert err.value.field == "earlier"
    assert roll_rates([1000, 200, 0], [900, 100, 50]) == [Decimal("0.1"), Decimal("0.25")]


def test_columns_from_numpy_pandas_and_pyarrow_agree() -> None:
    cols = portfolio_columns()
    expected = age_accounts(**cols, as_of="2026-04-30")
    numpy_cols = age_accounts(
        np.array(cols["account_ids"]),
        np.array(cols["due_dates"], dtype="datetime64[D]"),
        np.array(cols["amounts_due"], dtype=np.int64),
        np.array(cols["amounts_paid"], dtype=np.int64),
        "2026-04-30",
    )
    frame = pd.DataFrame(cols)
    pandas_cols = age_accounts(
        frame["account_ids"], pd.to_datetime(frame["due_dates"]), frame["amounts_due"], frame["amounts_paid"], D(2026, 4, 30)
    )
    arrow_cols = age_accounts(
        pa.array(cols["account_ids"]),
        pa.array([D.fromisoformat(d) for d in cols["due_dates"]]),
        pa.array([Decimal(x) for x in cols["amounts_due"]], pa.decimal128(10, 2)),
        pa.array([Decimal(x) for x in cols["amounts_paid"]], pa.decimal128(10, 2)),
        "2026-04-30",
    )
    for other in (numpy_cols, pandas_cols, arrow_cols):
        assert [other[i].days_past_due for i in range(5)] == [expected[i].days_past_due for i in range(5)]
        assert [t.outstanding for t in other.bucket_totals] == [t.outstanding for t in expected.bucket_totals]
        assert other.account_ids == ["a1", "a2", "a3", "a4", "a5"]


def test_rows_of_an_account_need_not_be_adjacent() -> None:
    # Account 7's rows are not adjacent; account 3 first appears second.
    p = age_accounts([7, 3, 7], ["2026-01-31", "2026-03-10", "2026-02-28"], [40, 20, 40], [0, 0, 0], "2026-03-31")
    assert p.account_ids == [7, 3]
    assert (p[0].days_past_due, p[0].past_due_amount, p[-1].days_past_due) == (59, Decimal(80), 21)
    assert len(p) == 2
    # Equal due dates are in order.
    same_day = age_accounts([1, 1], ["2026-01-31", "2026-01-31"], [40, 40], [40, 0], "2026-03-31")
    assert same_day[0].past_due_amount == Decimal(40)


def test_an_account_out_of_due_date_order_is_refused_as_the_core_refuses_it() -> None:
    # The core (Account, Rust's AccountObligations, C's coll_age_portfolio) takes an account's
    # obligations in due-date order only: so does age_accounts, rather than sort what it was given.
    err = fails(
        InvalidArgumentError, "obligations", "account #1: #1 due 2026-01-31 after #0 due 2026-02-28",
        lambda: age_accounts([3, 7, 7], ["2026-03-10", "2026-02-28", "2026-01-31"], [20, 40, 40], [0] * 3, "2026-03-31"),
    )
    assert "due-date order" in str(err)
    with pytest.raises(InvalidArgumentError) as single:
        Account([("2026-02-28", 40, 0), ("2026-01-31", 40, 0)])
    assert single.value.field == err.field


def test_portfolio_frozen_periods_by_account() -> None:
    # February frozen for "A" only: its 59 days from January 31 lose the 28 frozen ones, as Account's do.
    ids, dates = ["A", "B", "A"], ["2026-01-31", "2026-01-31", "2026-02-28"]
    frozen = {"A": [("2026-02-01", "2026-02-28")]}
    p = age_accounts(ids, dates, [40, 40, 40], [0, 0, 0], "2026-03-31", frozen_periods=frozen)
    alone = Account([("2026-01-31", 40, 0), ("2026-02-28", 40, 0)], frozen_periods=frozen["A"]).age("2026-03-31")
    assert (p[0].days_past_due, p[1].days_past_due) == (alone.days_past_due, 59) == (31, 59)
    assert p[0] == alone
    assert age_accounts(ids, dates, [40] * 3, [0] * 3, "2026-03-31", frozen_periods={})[0].days_past_due == 59
    fails(InvalidArgumentError, "frozen_periods", "'C'", lambda: age_accounts(ids, dates, [1] * 3, [0] * 3, "2026-03-31", frozen_periods={"C": []}))
    fails(InvalidArgumentError, "frozen_periods", None, lambda: age_accounts(ids, dates, [1] * 3, [0] * 3, "2026-03-31", frozen_periods={"A": [("2026-02-28", "2026-02-01")]}))
    fails(InvalidArgumentError, "frozen_periods", None, lambda: age_accounts(ids, dates, [1] * 3, [0] * 3, "2026-03-31", frozen_periods=[("2026-02-01", "2026-02-28")]))  # type: ignore[arg-type]


def test_portfolio_html() -> None:
    p = age_accounts(**portfolio_columns(), as_of="2026-03-31")
    html = p._repr_html_()
    assert html.startswith("<div") and html.endswith("</div>")
    assert "PortfolioAging 2026-03-31 5 accounts" in html and "<td>a4</td>" in html
    assert html.count("<tr><td>") == 5


def test_portfolio_to_pandas_and_arrow() -> None:
    p = age_accounts(**portfolio_columns(), as_of="2026-03-31")
    table = p.to_arrow()
    assert table.num_rows == 5
    assert table.schema.field("counting_from").type == pa.date32()
    assert pa.types.is_decimal(table.schema.field("outstanding").type)
    df = p.to_pandas()
    assert list(df.columns) == [
        "account_id", "days_past_due", "bucket", "bucket_label", "counting_from",
        "past_due_amount", "tolerated_shortfall", "outstanding",
    ]
    assert list(df["account_id"]) == ["a1", "a2", "a3", "a4", "a5"]
    assert list(df["days_past_due"]) == [0, 21, 11, 59, 0]
    assert df["outstanding"].iloc[3] == Decimal(40) and isinstance(df["outstanding"].iloc[3], Decimal)
    assert pd.isna(df["counting_from"].iloc[0]) and df["counting_from"].iloc[1] == D(2026, 3, 10)
    assert df.groupby("bucket_label")["outstanding"].sum()["1-30"] == Decimal(50)


def test_a_larger_portfolio_split_over_threads() -> None:
    # 6,000 accounts (more than one thread's share): account k owes 1 due k days before the as-of date.
    n = 6000
    as_of = D(2026, 12, 31)
    dates = [as_of - datetime.timedelta(days=k % 400) for k in range(n)]
    p = age_accounts(list(range(n)), dates, [1] * n, [0] * n, as_of)
    assert [p[k].days_past_due for k in (0, 1, 399, 400, 5999)] == [0, 1, 399, 0, 399]
    assert sum(t.accounts for t in p.bucket_totals) == n
    assert sum((t.outstanding for t in p.bucket_totals), Decimal(0)) == n


def test_values_pickle_compare_and_rebuild() -> None:
    p = age_accounts(**portfolio_columns(), as_of="2026-03-31")
    values: list[Any] = [
        p,
        p[1],
        p.bucket_totals[1],
        AgingRules.ffiec_ninety_percent(),
        ONE_MISSED,
        ONE_MISSED.charge_off("2026-03-01", "closed-end"),
        ONE_MISSED.time_bar("2026-03-01", years=6),
        AccountActivity([("2026-01-01", 100)], [("2026-01-05", 50)]),
        AccountActivity([("2026-01-01", 100)], []).delinquency_history("2026-01-01", "2026-01-05")[1],
    ]
    for value in values:
        back = pickle.loads(pickle.dumps(value))
        assert back == value and hash(back) == hash(value)
        assert type(back).__module__ == "collections_core.debt"
    assert isinstance(p, PortfolioAging)
    assert p != age_accounts(**portfolio_columns(), as_of="2026-04-30")
    rules = AgingRules("cumulative", "amount", "12.50", 3, [29, 59])
    assert AgingRules(**rules.to_dict()) == rules
    assert Account(**ONE_MISSED.to_dict()) == ONE_MISSED
    activity = values[7]
    assert AccountActivity(**activity.to_dict()) == activity
    d = p.to_dict()
    assert d["accounts"][1]["account_id"] == "a2" and d["accounts"][1]["days_past_due"] == 21
    assert "PortfolioAging 2026-03-31 5 accounts" in repr(p)


def fails(error: type, field: str, value: Optional[str], make: Any) -> CollectionsError:
    with pytest.raises(error) as err:
        make()
    assert isinstance(err.value, CollectionsError)
    assert err.value.field == field, err.value
    if value is not None:
        assert err.value.value == value
    return err.value


def test_bad_input_names_the_field_and_value() -> None:
    fails(InvalidArgumentError, "amount_due", "-1", lambda: Account([("2026-01-01", -1, 0)]))
    fails(InvalidArgumentError, "amount_paid", "-0.01", lambda: Account([("2026-01-01", 1, "-0.01")]))
    fails(InvalidArgumentError, "amount_due", "1.5", lambda: Account([("2026-01-01", 1.5, 0)]))  # type: ignore[list-item]
    fails(InvalidArgumentError, "obligations", None, lambda: Account([("2026-02-01", 1, 0), ("2026-01-01", 1, 0)]))
    fails(InvalidArgumentError, "frozen_periods", None, lambda: Account([], frozen_periods=[("2026-02-01", "2026-01-01")]))
    fails(InvalidArgumentError, "frozen_periods", None, lambda: Account([], frozen_periods=[("2026-01-01", "2026-01-10"), ("2026-01-05", "2026-01-20")]))
    fails(InvalidArgumentError, "tolerance", "101%", lambda: AgingRules("cumulative", "percent", 101))
    fails(InvalidArgumentError, "tolerance", "percent", lambda: AgingRules(tolerance="percent"))
    fails(InvalidArgumentError, "tolerance", "share", lambda: AgingRules(tolerance="share", tolerance_value=1))
    fails(InvalidArgumentError, "shortfall_method", "monthly", lambda: AgingRules("monthly"))
    fails(InvalidArgumentError, "buckets", None, lambda: AgingRules(buckets=[30, 30]))
    fails(InvalidArgumentError, "buckets", None, lambda: AgingRules(buckets=[("a", 1, None)]))
    fails(InvalidArgumentError, "credit_type", "revolving", lambda: ONE_MISSED.charge_off("2026-03-01", "revolving"))
    fails(InvalidArgumentError, "open_end_days", "0", lambda: ONE_MISSED.charge_off("2026-03-01", "open-end", open_end_days=0))
    fails(InvalidArgumentError, "limitation_period", None, lambda: ONE_MISSED.time_bar("2026-03-01", years=0))
    fails(InvalidArgumentError, "limitation_period", None, lambda: ONE_MISSED.time_bar("2026-03-01"))
    fails(InvalidArgumentError, "last_payment", "2027-01-01", lambda: ONE_MISSED.time_bar("2026-03-01", years=6, last_payment="2027-01-01"))
    fails(InvalidArgumentError, "limitation_start", "whenever", lambda: ONE_MISSED.time_bar("2026-03-01", years=6, limitation_start="whenever"))
    fails(InvalidArgumentError, "rules", None, lambda: ONE_MISSED.age("2026-03-01", "ffiec"))  # type: ignore[arg-type]
    fails(InvalidArgumentError, "payments", None, lambda: AccountActivity([], [("2026-02-01", 1), ("2026-01-01", 1)]))
    fails(InvalidArgumentError, "dues", None, lambda: AccountActivity([("2026-01-01", -5)], []))
    fails(InvalidArgumentError, "to", None, lambda: AccountActivity([], []).delinquency_history("2026-01-01", "2025-01-01"))
    fails(InvalidArgumentError, "now", None, lambda: roll_rates([1], [1]))
    fails(InvalidArgumentError, "earlier", "-1", lambda: roll_rates([-1, 1], [1, 1]))
    fails(InvalidArgumentError, "roll_measure", "balance", lambda: age_accounts([], [], [], [], "2026-01-01").roll_rates_from(age_accounts([], [], [], [], "2025-01-01"), "balance"))
    # Columns: lengths, floats, bad values.
    fails(InvalidArgumentError, "amounts_paid", "1 values", lambda: age_accounts(["a", "b"], ["2026-01-01"] * 2, [1, 1], [0], "2026-02-01"))
    fails(InvalidArgumentError, "amounts_due", None, lambda: age_accounts(["a"], ["2026-01-01"], np.array([1.5]), [0], "2026-02-01"))
    fails(InvalidArgumentError, "amounts_due", None, lambda: age_accounts(["a"], ["2026-01-01"], [1.5], [0], "2026-02-01"))
    fails(InvalidArgumentError, "amount_due", None, lambda: age_accounts(["a"], ["2026-01-01"], [-1], [0], "2026-02-01"))
    fails(InvalidArgumentError, "due_dates", None, lambda: age_accounts(["a"], [None], [1], [0], "2026-02-01"))
    # An account's error keeps its kind and field, its value naming the account's position.
    huge = Decimal("79228162514264337593543950335")
    err = fails(
        ArithmeticOverflowError, "tolerance", None,
        lambda: age_accounts(["ok", "big"], ["2026-01-01"] * 2, [10, huge], [0, 0], "2026-02-01", rules=AgingRules.ffiec_ninety_percent()),
    )
    assert err.value is not None and err.value.startswith("account #1: ")
    with pytest.raises(ArithmeticOverflowError):
        Account([("2026-01-01", huge, 0), ("2026-01-01", huge, 0)]).age("2026-02-01")


def test_age_accounts_errors_column_money_and_progress() -> None:
    # a1: 40 due 2026-01-31, unpaid: 59 days on 2026-03-31 (28 + 31), bucket 31-60.
    # a2: a null due date; a3: a negative amount (the core refuses it); a4: 20 due 2026-03-10, 21 days.
    ids = ["a1", "a2", "a3", "a4"]
    dates = ["2026-01-31", None, "2026-02-28", "2026-03-10"]
    p = age_accounts(ids, dates, [40, 10, -5, 20], [0, 0, 0, 0], "2026-03-31", errors="column")
    assert p.account_ids == ids and len(p) == 4
    errors: Any = p.errors
    assert [e and e.split(":")[0] for e in errors] == [None, "due_dates", "amount_due", None]
    agings: Any = [p[i] for i in range(4)]
    assert (agings[0].days_past_due, agings[1], agings[2], agings[3].days_past_due) == (59, None, None, 21)
    totals = {t.label: (t.accounts, t.outstanding) for t in p.bucket_totals if t.accounts}
    assert totals == {"1-30": (1, Decimal(20)), "31-60": (1, Decimal(40))}
    t = p.to_arrow()
    assert t.column("days_past_due").to_pylist() == [59, None, None, 21]
    assert t.column("error").to_pylist()[0] is None and t.column("error").to_pylist()[1].startswith("due_dates: ")
    assert pickle.loads(pickle.dumps(p)) == p and pickle.loads(pickle.dumps(p)).errors == p.errors
    assert p.to_dict()["accounts"][1] == {"account_id": "a2", "error": errors[1]}
    with pytest.raises(InvalidArgumentError) as e:
        age_accounts(ids, dates, [40, 10, -5, 20], [0, 0, 0, 0], "2026-03-31")
    assert e.value.field == "due_dates" and str(e.value.value).startswith("row 1: ")
    assert age_accounts(ids[:1], dates[:1], [40], [0], "2026-03-31").errors is None
    # money="float64": the amounts as float64 in both tables.
    f = age_accounts(["a"], ["2026-01-31"], ["40.25"], [0], "2026-03-31", money="float64")
    assert f.to_arrow().column("outstanding").type == pa.float64()
    assert f.to_arrow().column("outstanding").to_pylist() == [40.25]
    assert f.to_pandas()["past_due_amount"].tolist() == [40.25]
    with pytest.raises(InvalidArgumentError):
        age_accounts(["a"], ["2026-01-31"], [1], [0], "2026-03-31", money="float32")
    seen: list[tuple[int, int]] = []
    n = 5000
    big = age_accounts(list(range(n)), ["2026-01-31"] * n, [1] * n, [0] * n, "2026-03-31",
                       progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (n, n) and big.bucket_totals[2].accounts == n


def test_age_accounts_from_polars_series() -> None:
    pl = pytest.importorskip("polars")
    cols = portfolio_columns()
    expected = age_accounts(**cols, as_of="2026-04-30")
    got = age_accounts(
        pl.Series(cols["account_ids"]),
        pl.Series([D.fromisoformat(d) for d in cols["due_dates"]]),
        pl.Series([Decimal(x) for x in cols["amounts_due"]]),
        pl.Series([Decimal(x) for x in cols["amounts_paid"]]),
        "2026-04-30",
    )
    assert got.account_ids == ["a1", "a2", "a3", "a4", "a5"]
    assert [got[i].days_past_due for i in range(5)] == [expected[i].days_past_due for i in range(5)]
    assert [t.outstanding for t in got.bucket_totals] == [t.outstanding for t in expected.bucket_totals]


def test_an_unreadable_account_id_is_an_error() -> None:
    # A Decimal NaN among the ids cannot be read: an error naming account_ids and the row (an id of
    # another kind was once grouped by its text).
    with pytest.raises(InvalidDecimalError) as e:
        age_accounts(["a1", Decimal("NaN"), "a3"], ["2026-01-01"] * 3, ["10", "20", "30"], ["0"] * 3,
                     D(2026, 4, 30))
    assert (e.value.field, e.value.value) == ("account_ids", "row 1: NaN")
