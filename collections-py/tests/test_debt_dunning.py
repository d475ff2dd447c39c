"""Dunning runs: the core's hand-worked cases (collections-core/tests/dunning.rs), grouping by customer,
the DataFrame and Arrow exports, pickling, and bad input.

Every case runs as of 2026-03-01 unless it says otherwise; days overdue = as_of − due date.
"""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from typing import Any, List, Optional, Tuple

import pandas as pd
import pyarrow as pa
import pytest

from collections_core import CollectionsError, CurrencyMismatchError, InvalidArgumentError, Money
from collections_core.debt import (
    CustomerDunning,
    DunningLevel,
    DunningLine,
    DunningPolicy,
    DunningRun,
    DunningTotals,
    Invoice,
    RateTable,
    dunning_run,
)

AS_OF = "2026-03-01"


def policy(one_level_at_a_time: bool = False) -> DunningPolicy:
    """1: reminder at 7 days + 3 grace, no fee; 2: final notice at 21 days, 5.00 and ERPNext interest at
    10%; 3: legal handover at 45 days for 100.00 or more, 40.00 and German B2B statutory interest."""
    return DunningPolicy(
        "EUR",
        [
            DunningLevel(7, "reminder", grace_days=3),
            DunningLevel(21, "final notice", fee="5.00", interest="erpnext", rate_percent=10),
            DunningLevel(
                45,
                "legal handover",
                fee=40,
                minimum_outstanding=100,
                interest="statutory",
                statute="de-bgb-288",
                debtor="business",
            ),
        ],
        one_level_at_a_time=one_level_at_a_time,
    )


def invoice(id: str, customer: str, amount: str, due: str, **options: Any) -> Invoice:
    return Invoice(id, customer, amount, due, currency="EUR", **options)


# (invoice, days overdue, outcome, level, fee, interest, total), with the arithmetic beside each.
CASES: List[Tuple[Invoice, int, str, Optional[int], str, str, str]] = [
    # 9 days: past level 1's 7 days but within its 3 grace days.
    (invoice("G-1", "C", "365", "2026-02-20"), 9, "no_level_reached", None, "0.00", "0.00", "0.00"),
    # 10 days = 7 + 3: level 1 exactly at its threshold plus grace; no fee, no interest.
    (invoice("G-2", "C", "365", "2026-02-19"), 10, "notice", 1, "0.00", "0.00", "0.00"),
    (invoice("G-3", "C", "365", "2026-02-09"), 20, "notice", 1, "0.00", "0.00", "0.00"),
    # 21 days, exactly level 2's threshold: 365 × 10 × 21 / 36500 = 2.10, + 5.00.
    (invoice("G-4", "C", "365", "2026-02-08"), 21, "notice", 2, "5.00", "2.10", "7.10"),
    # 45 days but 99.99 is below level 3's minimum: level 2, 99.99 × 10 × 45 / 36500 = 1.23274 -> 1.23.
    (invoice("G-5", "C", "99.99", "2026-01-15"), 45, "notice", 2, "5.00", "1.23", "6.23"),
    # 45 days on 1,000: level 3, statutory 45 days at 1.27 + 9 = 10.27%:
    # 1000 × 10.27 × 45 / 36500 = 12.6616... -> 12.66, + 40.00.
    (invoice("G-6", "C", "1000", "2026-01-15"), 45, "notice", 3, "40.00", "12.66", "52.66"),
    # 2,000 with 1,000 paid on 2026-02-04: 20 days on 2,000, 25 on 1,000:
    # 10.27 × (40,000 + 25,000) / 36500 = 18.2890... -> 18.29, + 40.00.
    (
        invoice("P-1", "C", "2000", "2026-01-15", payments=[("2026-02-04", "1000")]),
        45,
        "notice",
        3,
        "40.00",
        "18.29",
        "58.29",
    ),
    (invoice("B-1", "C", "500", "2025-12-31", blocked=True), 60, "blocked", None, "0.00", "0.00", "0.00"),
    (
        invoice("F-1", "C", "500", "2025-12-31", payments=[("2026-01-05", "500")]),
        60,
        "paid",
        None,
        "0.00",
        "0.00",
        "0.00",
    ),
    (invoice("N-1", "C", "100", AS_OF), 0, "not_overdue", None, "0.00", "0.00", "0.00"),
]


def test_level_selection_at_the_boundaries() -> None:
    invoices = [case[0] for case in CASES]
    run = dunning_run(invoices, policy(), AS_OF)
    assert len(run) == len(CASES)
    for line in run:
        inv, days, outcome, level, fee, interest, total = CASES[line.invoice_index]
        assert line.invoice_id == inv.id
        got = (line.days_overdue, line.outcome, line.level, line.fee, line.interest, line.total)
        assert got == (days, outcome, level, Decimal(fee), Decimal(interest), Decimal(total)), inv.id
        assert str(line.total) == total  # two places, as the currency's minor units
    by_id = {line.invoice_id: line for line in run}
    assert by_id["G-2"].action == "reminder"
    assert by_id["G-6"].action == "legal handover"
    assert by_id["G-1"].action is None
    assert by_id["P-1"].outstanding == Decimal("1000")


def test_one_level_at_a_time_caps_the_climb() -> None:
    invoices = [
        invoice("X-1", "C", "1000", "2026-01-15"),
        invoice("X-2", "C", "1000", "2026-01-15", dunning_level=1),
        invoice("X-3", "C", "1000", "2026-01-15", dunning_level=3),
    ]
    run = dunning_run(invoices, policy(one_level_at_a_time=True), AS_OF)
    assert [(line.level, line.outcome) for line in run] == [
        (1, "notice"),
        (2, "notice"),
        (3, "already_notified"),
    ]
    # Level 2 on 1,000 for 45 days by ERPNext at 10%: 1000 × 10 × 45 / 36500 = 12.33, + 5.00.
    assert run.lines[1].total == Decimal("17.33")


def test_average_daily_balance_follows_payments() -> None:
    charge = DunningLevel(1, "charge", interest="average-daily-balance", rate_percent="1.5", interest_period_days=30)
    inv = invoice("A-1", "C", "3000", "2026-01-01", payments=[("2026-01-21", "1000")])
    # 20 days at 3,000 and 27 days at 2,000: (60,000 + 54,000) × 1.5 / 3000 = 57.00.
    run = dunning_run([inv], DunningPolicy("EUR", [charge]), "2026-02-17")
    assert run.lines[0].interest == Decimal("57.00")


def grouped_run() -> Tuple[List[Invoice], DunningRun]:
    invoices = [
        invoice("I-5", "bravo", "100", "2026-01-10"),
        invoice("I-2", "alpha", "365", "2026-02-08"),
        invoice("I-9", "charlie", "50", "2026-02-28"),
        invoice("I-1", "alpha", "365", "2026-02-08"),
        invoice("I-3", "alpha", "200", "2026-01-01"),
        invoice("I-4", "bravo", "80", "2026-03-10"),
    ]
    return invoices, dunning_run(invoices, policy(), AS_OF)


def test_grouped_by_customer_in_a_fixed_order() -> None:
    invoices, run = grouped_run()
    # alpha by due date then id (I-1 and I-2 share a due date), then bravo, then charlie.
    assert [line.invoice_id for line in run] == ["I-3", "I-1", "I-2", "I-5", "I-4", "I-9"]
    assert [invoices[line.invoice_index].id for line in run] == ["I-3", "I-1", "I-2", "I-5", "I-4", "I-9"]
    customers = [(c.customer_id, len(c.lines), c.totals.invoices, c.totals.notices) for c in run.customers]
    assert customers == [("alpha", 3, 3, 3), ("bravo", 2, 2, 1), ("charlie", 1, 1, 0)]
    # alpha: I-3 59 days on 200: level 3, statutory 59 days at 10.27%: 200 × 10.27 × 59 / 36500 = 3.32,
    # + 40.00; I-1 and I-2 21 days: 2.10 + 5.00 each. Fees 50.00, interest 7.52, total 57.52.
    alpha = run.customer("alpha")
    assert isinstance(alpha, CustomerDunning)
    totals = alpha.totals
    assert (totals.outstanding, totals.fee, totals.interest, totals.total) == (
        Decimal("930"),
        Decimal("50.00"),
        Decimal("7.52"),
        Decimal("57.52"),
    )
    assert [line.invoice_id for line in alpha.lines] == ["I-3", "I-1", "I-2"]
    assert run.customer("nobody") is None
    assert run.totals.invoices == 6
    assert run.totals.total == sum((c.totals.total for c in run.customers), Decimal(0))
    assert run.actions == ("reminder", "final notice", "legal handover")
    assert run.as_of == datetime.date(2026, 3, 1)
    assert run.currency.code == "EUR"
    # The same invoices in another order give the same groups and totals.
    again = dunning_run(list(reversed(invoices)), policy(), AS_OF)
    assert [c.totals for c in again.customers] == [c.totals for c in run.customers]
    assert again.totals == run.totals


def test_to_pandas_and_to_arrow() -> None:
    _, run = grouped_run()
    table = run.to_arrow()
    assert isinstance(table, pa.Table)
    assert table.num_rows == 6
    schema = {field.name: field.type for field in table.schema}
    for amount in ("outstanding", "fee", "interest", "total"):
        assert schema[amount] == pa.decimal128(38, 2)
    assert schema["due_date"] == pa.date32()
    assert schema["level"] == pa.int64()
    assert schema["customer_id"] == pa.string()
    df = run.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == [
        "invoice_index",
        "invoice_id",
        "customer_id",
        "due_date",
        "outstanding",
        "days_overdue",
        "outcome",
        "level",
        "action",
        "fee",
        "interest",
        "total",
        "unverified_rate",
    ]
    assert list(df["invoice_id"]) == ["I-3", "I-1", "I-2", "I-5", "I-4", "I-9"]
    # Exact decimals survive, and a level not reached is missing, not 0.
    assert df["total"].iloc[0] == Decimal("43.32")
    assert isinstance(df["total"].iloc[0], Decimal)
    assert pd.isna(df["level"].iloc[5]) and pd.isna(df["action"].iloc[5])
    assert df["due_date"].iloc[0] == datetime.date(2026, 1, 1)
    by_customer = df.groupby("customer_id")["total"].sum()
    assert by_customer["alpha"] == Decimal("57.52")
    assert by_customer["charlie"] == Decimal("0.00")
    # The rows agree with the line objects.
    assert df.to_dict("records")[1]["fee"] == run.lines[1].fee


def test_html() -> None:
    _, run = grouped_run()
    html = run._repr_html_()
    assert html.startswith("<div") and html.endswith("</div>")
    assert "DunningRun 2026-03-01 EUR: 6 invoices of 3 customers" in html
    assert html.count("<tr><td") == 6 and "<td>I-3</td>" in html
    assert '<td style="text-align:right">43.32</td>' in html
    assert "<p>DunningRun" in dunning_run([], policy(), AS_OF)._repr_html_()


def test_unverified_rates_are_reported_per_line() -> None:
    # Due 2025-12-01, run 2026-02-01: 62 days, level 3, 30 days of 2025 H2 (1.27, marked U) and 32 of
    # 2026 H1 (1.27, V) at 10.27%: 1000 × 10.27 × 62 / 36500 = 17.4449... -> 17.44.
    run = dunning_run([invoice("U-1", "C", "1000", "2025-12-01")], policy(), "2026-02-01")
    line = run.lines[0]
    assert (line.level, line.interest, line.unverified_rate) == (3, Decimal("17.44"), True)
    fresh = dunning_run([invoice("V-1", "C", "1000", "2026-01-01")], policy(), AS_OF)
    assert (fresh.lines[0].level, fresh.lines[0].unverified_rate) == (3, False)


def test_statutory_interest_past_the_tables_and_extended_tables() -> None:
    late = invoice("L-1", "C", "1000", "2026-05-01")
    with pytest.raises(InvalidArgumentError) as err:
        dunning_run([late], policy(), "2026-07-01")
    assert err.value.field == "as_of"
    assert "2026-06-30" in str(err.value) and 'invoice "L-1"' in str(err.value)
    assert err.value.value is not None and "L-1" in err.value.value
    # Before the first Basiszinssatz row: the due date is at fault.
    with pytest.raises(InvalidArgumentError) as err:
        dunning_run([invoice("O-1", "C", "1000", "2023-10-01")], policy(), "2024-01-31")
    assert err.value.field == "due_date"
    # A policy with the table extended through 2026-12-31: 61 days at 10.27%,
    # 1000 × 10.27 × 61 / 36500 = 17.1634... -> 17.16, + 40.00.
    levels = list(policy().levels)
    table = RateTable.de_basiszinssatz().extended_through("2026-12-31")
    extended = DunningPolicy("EUR", levels, one_level_at_a_time=False, de_base_rate=table)
    assert extended.de_base_rate.valid_through == datetime.date(2026, 12, 31)
    line = dunning_run([late], extended, "2026-07-01").lines[0]
    assert (line.level, line.total) == (3, Decimal("57.16"))


def test_pickle_and_values() -> None:
    _, run = grouped_run()
    back = pickle.loads(pickle.dumps(run))
    assert back == run and hash(back) == hash(run)
    assert back.lines == run.lines
    for value in (run.lines[0], run.totals, run.customers[0], policy(), policy().levels[2], CASES[6][0]):
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value and hash(copy) == hash(value)
        assert type(copy).__module__ == "collections_core.debt"
    assert isinstance(run.lines[0], DunningLine)
    assert isinstance(run.totals, DunningTotals)
    # Constructors rebuild values from to_dict().
    level = policy().levels[2]
    assert DunningLevel(**level.to_dict()) == level
    inv = CASES[6][0]
    assert Invoice(**inv.to_dict()) == inv
    assert inv.payments == ((datetime.date(2026, 2, 4), Money("1000", "EUR")),)
    assert "DunningRun 2026-03-01 EUR: 6 invoices of 3 customers" in repr(run)
    assert repr(run.totals).startswith("DunningTotals(invoices=6, notices=4,")


def test_bad_input_names_the_field_and_value() -> None:
    def fails(error: type, field: str, value: Optional[str], make: Any) -> None:
        with pytest.raises(error) as err:
            make()
        assert isinstance(err.value, CollectionsError)
        assert err.value.field == field
        if value is not None:
            assert err.value.value == value

    fails(InvalidArgumentError, "fee", "1.5", lambda: DunningLevel(1, "x", fee=1.5))  # type: ignore[arg-type]
    fails(InvalidArgumentError, "interest", "monthly", lambda: DunningLevel(1, "x", interest="monthly"))
    fails(InvalidArgumentError, "rate_percent", None, lambda: DunningLevel(1, "x", interest="erpnext"))
    fails(InvalidArgumentError, "rate_percent", None, lambda: DunningLevel(1, "x", rate_percent=5))
    fails(InvalidArgumentError, "statute", "us-ucc", lambda: DunningLevel(1, "x", interest="statutory", statute="us-ucc"))
    fails(InvalidArgumentError, "days_overdue", "-1", lambda: DunningLevel(-1, "x"))
    fails(InvalidArgumentError, "levels.days_overdue", "14", lambda: DunningPolicy("EUR", [DunningLevel(30, "a"), DunningLevel(14, "b")]))
    fails(InvalidArgumentError, "levels", None, lambda: DunningPolicy("EUR", []))
    fails(InvalidArgumentError, "levels", None, lambda: DunningPolicy("EUR", ["reminder"]))  # type: ignore[list-item]
    fails(InvalidArgumentError, "levels.fee", "0.001", lambda: DunningPolicy("EUR", [DunningLevel(1, "x", fee="0.001")]))
    uk = DunningLevel(30, "uk", interest="statutory", statute="uk-late-payment-1998", debtor="business")
    fails(CurrencyMismatchError, "currency", None, lambda: DunningPolicy("EUR", [uk]))
    fails(InvalidArgumentError, "currency", None, lambda: Invoice("I", "C", "10", AS_OF))
    fails(InvalidArgumentError, "amount", "10.5", lambda: Invoice("I", "C", 10.5, AS_OF, currency="EUR"))  # type: ignore[arg-type]
    fails(InvalidArgumentError, "id", None, lambda: Invoice(7, "C", "10", AS_OF, currency="EUR"))  # type: ignore[arg-type]
    fails(CurrencyMismatchError, "currency", "EUR, USD", lambda: Invoice("I", "C", Money("10", "EUR"), AS_OF, currency="USD"))
    p = policy()
    duplicate = [invoice("D", "C", "1", AS_OF), invoice("D", "C", "2", AS_OF)]
    fails(InvalidArgumentError, "id", None, lambda: dunning_run(duplicate, p, AS_OF))
    fails(InvalidArgumentError, "amount", None, lambda: dunning_run([invoice("Z", "C", "0", AS_OF)], p, AS_OF))
    usd = Invoice("U", "C", "5", AS_OF, currency="USD")
    fails(CurrencyMismatchError, "currency", None, lambda: dunning_run([usd], p, AS_OF))
    backwards = invoice("P", "C", "10", "2026-01-01", payments=[("2026-02-01", 1), ("2026-01-15", 1)])
    fails(InvalidArgumentError, "payments.date", None, lambda: dunning_run([backwards], p, AS_OF))
    fails(InvalidArgumentError, "invoices", None, lambda: dunning_run(["I-1"], p, AS_OF))  # type: ignore[list-item]
    fails(InvalidArgumentError, "policy", None, lambda: dunning_run([], "policy", AS_OF))  # type: ignore[arg-type]
    fails(InvalidArgumentError, "as_of", None, lambda: dunning_run([], p, datetime.datetime(2026, 3, 1)))


def test_an_empty_run() -> None:
    run = dunning_run([], policy(), AS_OF)
    assert len(run) == 0 and run.customers == () and run.totals.invoices == 0
    assert run.to_pandas().shape == (0, 13)
