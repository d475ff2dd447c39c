"""Reconciliation: every discrepancy kind with its resolution (the rules of
collections-core/src/debt/reconcile.rs), tolerances, records as PaymentRecords or tuples, the ledger's
posted payments, compare_to_expected's verdicts, the Arrow/pandas/HTML exports, pickling and bad input.
The docstring examples run in test_docs.py."""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from typing import Any, List, Optional, Tuple

import pandas as pd
import pyarrow as pa
import pytest

from collections_core import (
    CollectionsError,
    CurrencyMismatchError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidDecimalError,
    Money,
    UnknownCurrencyError,
)
from collections_core.debt import (
    DISCREPANCY_KINDS,
    Discrepancy,
    Event,
    ExpectedComparison,
    ExpectedOutcome,
    Ledger,
    LedgerAccount,
    PaymentRecord,
    Reconciliation,
    Terms,
    Tolerances,
    compare_to_expected,
    reconcile,
)

D = datetime.date
M = Decimal
Record = Tuple[str, str, str, str, str]


def rec(reference: str, account: str, day: int, amount: str, currency: str = "EUR") -> Record:
    return (reference, account, f"2026-03-{day:02d}", amount, currency)


def kinds(r: Reconciliation) -> List[Tuple[str, Optional[int], Optional[int], Optional[Decimal]]]:
    return [(d.kind, d.reported, d.posted, d.difference) for d in r.discrepancies]


# ---------------------------------------------------------------- reconcile


def test_every_kind_of_discrepancy_with_its_resolution() -> None:
    reported = [
        rec("T1", "A-1", 2, "100.00"),  # 0: agrees with posting 0
        rec("T2", "A-2", 3, "50.00"),  # 1: posted to A-9
        rec("T3", "A-3", 4, "7.00", "USD"),  # 2: posted in EUR
        rec("T4", "A-4", 5, "80.00"),  # 3: 70.00 posted: 10.00 missing
        rec("T5", "A-5", 5, "60.00"),  # 4: 65.00 posted: 5.00 too much
        rec("T6", "A-6", 9, "20.00"),  # 5: posted on the 6th
        rec("B7", "A-7", 10, "33.00"),  # 6: posted as L7 two days later
        rec("T8", "A-8", 11, "1.00"),  # 7: never posted
        rec("T1", "A-1", 2, "100.00"),  # 8: the report lists T1 twice
    ]
    posted = [
        rec("T1", "A-1", 2, "100.00"),
        rec("T2", "A-9", 3, "50.00"),
        rec("T3", "A-3", 4, "7.00"),
        rec("T4", "A-4", 5, "70.00"),
        rec("T5", "A-5", 5, "65.00"),
        rec("T6", "A-6", 6, "20.00"),
        rec("L7", "A-7", 12, "33.00"),
        rec("T9", "A-9", 12, "9.00"),  # never reported
        rec("T2", "A-2", 3, "50.00"),  # T2 posted twice
    ]
    r = reconcile(reported, posted)
    assert r.matched == ((0, 0),)
    assert kinds(r) == [
        ("wrong_account", 1, 1, None),
        ("currency_mismatch", 2, 2, None),
        ("amount_mismatch", 3, 3, M("10.00")),
        ("amount_mismatch", 4, 4, M("-5.00")),
        ("date_mismatch", 5, 5, M(3)),
        ("reference_mismatch", 6, 6, None),
        ("missing_in_ledger", 7, None, None),
        ("duplicate", 8, None, None),
        ("missing_in_report", None, 7, None),
        ("duplicate", None, 8, None),
    ]
    assert [d.resolution for d in r.discrepancies] == [
        "move the posting from account A-9 to A-2",
        "the report says USD and the ledger EUR: reverse and repost in USD",
        "post the missing 10.00",
        "reverse and repost: 5.00 too much was posted",
        "correct the posting date from 2026-03-06 to 2026-03-09 (interest is derived again)",
        "same payment under two references: record B7 against posting L7",
        "post 1.00 EUR to account A-8 dated 2026-03-11",
        "the report lists reference T1 twice (#0 and #8): ask the bank which one stands",
        "investigate posting T9: if the money never arrived, reverse it",
        "reverse the duplicate posting #8 of reference T2 (first posted as #1)",
    ]
    assert set(DISCREPANCY_KINDS) == {d.kind for d in r.discrepancies}
    assert r.reported[6] == PaymentRecord(*rec("B7", "A-7", 10, "33.00"))
    assert len(r.posted) == 9


def test_tolerances() -> None:
    reported = [rec("T1", "A-1", 2, "100.00"), rec("X", "A-2", 2, "50.00")]
    posted = [rec("T1", "A-1", 4, "100.04"), rec("Y", "A-2", 7, "50.00")]
    strict = reconcile(reported, posted)
    assert kinds(strict) == [
        ("amount_mismatch", 0, 0, M("-0.04")),
        ("date_mismatch", 0, 0, M(-2)),
        ("missing_in_ledger", 1, None, None),
        ("missing_in_report", None, 1, None),
    ]
    loose = reconcile(reported, posted, Tolerances(date_days=2, amount="0.05", match_window_days=5))
    assert loose.matched == ((0, 0),)
    assert kinds(loose) == [("reference_mismatch", 1, 1, None)]
    assert reconcile(reported, posted, None) == strict
    assert Tolerances() == Tolerances(date_days=0, amount=0, match_window_days=3)


def test_records_as_objects_tuples_and_money() -> None:
    as_objects = [PaymentRecord("T1", "A-1", D(2026, 3, 2), M("100.00"), "EUR")]
    as_money = [("T1", "A-1", "2026-03-02", Money("100.00", "EUR"))]
    as_lists = [["T1", "A-1", "2026-03-02", "100.00", "EUR"]]
    for reported in (as_objects, as_money, as_lists):
        r = reconcile(reported, as_objects)
        assert r.matched == ((0, 0),) and r.discrepancies == ()
    assert PaymentRecord("T1", "A-1", "2026-03-02", Money("100.00", "EUR")) == as_objects[0]
    # Nothing on either side: nothing to say.
    empty = reconcile([], [])
    assert empty.matched == () and empty.discrepancies == ()


def test_the_ledger_posts_what_reconcile_takes() -> None:
    account = LedgerAccount("A-1", "EUR", "2026-01-01", "1000.00", Terms([("2026-01-01", 0)]))
    ledger = Ledger(account)
    ledger.post_all(
        [
            Event.obligation("2026-01-31", "1000.00"),
            Event.payment("2026-01-10", "P-1", "100.00", "EUR"),
            Event.payment("2026-01-20", "P-2", "200.00", "EUR"),
            Event.reversal("2026-01-25", "P-2", "NSF"),
            Event.payment("2026-01-05", "P-3", "50.00", "EUR"),
        ]
    )
    posted = ledger.posted_payments()
    # Posting order, reversed payments left out.
    assert posted == [
        PaymentRecord("P-1", "A-1", "2026-01-10", "100.00", "EUR"),
        PaymentRecord("P-3", "A-1", "2026-01-05", "50.00", "EUR"),
    ]
    bank = [("P-3", "A-1", "2026-01-05", "50.00", "EUR"), ("P-1", "A-1", "2026-01-10", "100.00", "EUR")]
    assert reconcile(bank, posted).matched == ((0, 1), (1, 0))
    assert Ledger(account).posted_payments() == []


def test_the_ledger_posted_payments_are_tracked_against_a_plan() -> None:
    from collections_core.plan import Arrangement, PlanTerms, track

    # A debt of 300.00 at rate 0; a plan of three promises of 100.00 on the 6th from March 6. The ledger
    # posted 100.00 on March 6 (and 40.00 on February 1, before the plan started: the tracking ignores it).
    account = LedgerAccount("A-1", "USD", "2026-01-01", "300.00", Terms([("2026-01-01", 0)]))
    ledger = Ledger(account, [Event.obligation("2026-01-31", "300.00"),
                              Event.payment("2026-02-01", "P-0", "40.00", "USD"),
                              Event.payment("2026-03-06", "P-1", "100.00", "USD")])
    paid = [r.payment for r in ledger.posted_payments()]
    assert paid == [(datetime.date(2026, 2, 1), Decimal("40.00")), (datetime.date(2026, 3, 6), Decimal("100.00"))]
    plan = Arrangement.from_promises(PlanTerms("USD", [("A-1", "260.00")], "2026-03-02"),
                                     [("2026-03-06", "100.00"), ("2026-04-06", "100.00"), ("2026-05-06", "60.00")])
    t = track(plan, paid, "2026-03-07")
    assert [p.status for p in t.promises][:1] == ["kept"]
    assert t.paid == Decimal("100.00")


def test_reconciliation_as_tables() -> None:
    reported = [rec("T1", "A-1", 2, "100.00"), rec("T4", "A-4", 5, "80.00"), rec("T8", "A-8", 11, "1.5")]
    posted = [rec("T1", "A-1", 2, "100.00"), rec("T4", "A-4", 5, "70.00"), rec("T9", "A-9", 12, "9.00")]
    r = reconcile(reported, posted)
    table = r.to_arrow()
    assert isinstance(table, pa.Table)
    schema = {field.name: field.type for field in table.schema}
    assert schema == {
        "kind": pa.string(),
        "reported": pa.int64(),
        "posted": pa.int64(),
        "reported_reference": pa.string(),
        "posted_reference": pa.string(),
        "difference": pa.decimal128(38, 2),
        "resolution": pa.string(),
    }
    df = r.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df["kind"]) == ["amount_mismatch", "missing_in_ledger", "missing_in_report"]
    assert list(df["reported_reference"].fillna("-")) == ["T4", "T8", "-"]
    assert list(df["posted_reference"].fillna("-")) == ["T4", "-", "T9"]
    assert df["difference"].iloc[0] == M("10.00") and isinstance(df["difference"].iloc[0], Decimal)
    assert pd.isna(df["difference"].iloc[1]) and pd.isna(df["posted"].iloc[1])
    assert df["resolution"].iloc[0] == r.discrepancies[0].resolution
    matched = r.matched_to_pandas()
    assert matched.to_dict("records") == [
        {"reported": 0, "posted": 0, "reported_reference": "T1", "posted_reference": "T1"}
    ]
    assert r.matched_to_arrow().num_rows == 1
    assert reconcile([], []).to_pandas().shape == (0, 7)
    html = r._repr_html_()
    assert html.startswith("<div") and html.endswith("</div>")
    assert "3 reported, 3 posted, 1 matched, 3 discrepancies" in html
    assert "<td>amount_mismatch</td>" in html and "&lt;NA&gt;" in html


def test_values_pickle_and_rebuild() -> None:
    r = reconcile([rec("T1", "A-1", 2, "100.00")], [rec("T1", "A-2", 2, "100.00")], Tolerances(amount=1))
    for value in (r, r.discrepancies[0], r.reported[0], Tolerances(date_days=1, amount="0.01")):
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value and hash(copy) == hash(value)
        assert type(copy).__module__ == "collections_core.debt"
    record = r.reported[0]
    assert PaymentRecord(**record.to_dict()) == record
    t = Tolerances(date_days=1, amount="0.01", match_window_days=7)
    assert Tolerances(**t.to_dict()) == t
    assert isinstance(r.discrepancies[0], Discrepancy)
    assert repr(r) == "<Reconciliation 1 reported, 1 posted: 0 matched, 1 discrepancies>"
    assert r.to_dict()["matched"] == ()
    assert repr(record).startswith("PaymentRecord(reference='T1', account_id='A-1', date=datetime.date(2026, 3, 2)")


def fails(error: type, field: str, value: Optional[str], make: Any) -> None:
    with pytest.raises(error) as err:
        make()
    assert isinstance(err.value, CollectionsError)
    assert err.value.field == field, f"the error names {err.value.field!r}"
    if value is not None:
        assert err.value.value == value, f"the error's value is {err.value.value!r}"


def test_bad_records_and_tolerances() -> None:
    ok = [rec("T1", "A-1", 2, "1.00")]
    # PaymentRecord checks each field by name.
    fails(InvalidArgumentError, "reference", '" "', lambda: PaymentRecord(" ", "A", "2026-03-02", "1", "EUR"))
    fails(InvalidArgumentError, "account_id", '""', lambda: PaymentRecord("T", "", "2026-03-02", "1", "EUR"))
    fails(InvalidArgumentError, "amount", "0", lambda: PaymentRecord("T", "A", "2026-03-02", "0", "EUR"))
    fails(InvalidArgumentError, "amount", "1.5", lambda: PaymentRecord("T", "A", "2026-03-02", 1.5, "EUR"))  # type: ignore[arg-type]
    fails(InvalidArgumentError, "currency", None, lambda: PaymentRecord("T", "A", "2026-03-02", "1"))
    fails(UnknownCurrencyError, "currency", "XXY", lambda: PaymentRecord("T", "A", "2026-03-02", "1", "XXY"))
    fails(InvalidDateError, "date", "2026-02-30", lambda: PaymentRecord("T", "A", "2026-02-30", "1", "EUR"))
    fails(CurrencyMismatchError, "currency", "EUR, USD", lambda: PaymentRecord("T", "A", "2026-03-02", Money(1, "EUR"), "USD"))
    # In reconcile's lists, the list is at fault, the record's position and reference in the value.
    fails(InvalidArgumentError, "amount", "reported #1 T2: -1", lambda: reconcile(ok + [rec("T2", "A", 3, "-1")], ok))
    fails(InvalidArgumentError, "account_id", 'posted #0 T1: ""', lambda: reconcile(ok, [rec("T1", "", 3, "1")]))
    fails(InvalidDateError, "posted", "2026-03-32", lambda: reconcile(ok, [rec("T1", "A", 32, "1")]))
    fails(InvalidDecimalError, "reported", "1,00", lambda: reconcile([rec("T1", "A", 2, "1,00")], ok))
    fails(InvalidArgumentError, "reported", None, lambda: reconcile([("T1", "A-1", "2026-03-02")], ok))
    fails(InvalidArgumentError, "reported", None, lambda: reconcile(["T1"], ok))
    fails(InvalidArgumentError, "posted", None, lambda: reconcile(ok, "T1"))
    fails(InvalidArgumentError, "tolerances", None, lambda: reconcile(ok, ok, {"amount": 1}))  # type: ignore[arg-type]
    # Tolerances are checked when made, naming the field as the core does.
    fails(InvalidArgumentError, "tolerances.amount", "-0.01", lambda: Tolerances(amount="-0.01"))
    fails(InvalidArgumentError, "tolerances.date_days", "-1", lambda: Tolerances(date_days=-1))
    fails(InvalidArgumentError, "tolerances.match_window_days", None, lambda: Tolerances(match_window_days="3"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Tolerances(1)  # type: ignore[call-arg]


# ---------------------------------------------------------------- compare_to_expected

PLAN = [("2026-01-28", "100.00"), ("2026-02-28", "100.00"), ("2026-03-28", "100.00")]


def outcomes(c: ExpectedComparison) -> List[Tuple[Decimal, Decimal, Optional[datetime.date], Decimal, str]]:
    return [(o.covered, o.shortfall, o.paid_on, o.over, o.status) for o in c]


def test_paid_late_short_missed_and_not_due() -> None:
    # 100.00 on time; the February one covered on March 10 (after its 5 days of grace); 30.00 of March's.
    paid = [("2026-01-27", "100.00"), ("2026-03-01", "60.00"), ("2026-03-10", "70.00")]
    c = compare_to_expected(PLAN, paid, 5, "2026-04-10")
    assert outcomes(c) == [
        (M("100.00"), M("0.00"), D(2026, 1, 27), M("0"), "paid"),
        (M("100.00"), M("0.00"), D(2026, 3, 10), M("0"), "late"),
        (M("30.00"), M("70.00"), None, M("30.00"), "short"),
    ]
    assert c.unapplied == M("0.00")
    # On April 2, March's installment is still within its grace days; a payment after as_of is unknown.
    early = compare_to_expected(PLAN, paid + [("2026-04-05", "70.00")], 5, "2026-04-02")
    assert early[2].status == "not_due" and early[-1].shortfall == M("70.00")
    # Nothing paid: missed once past grace.
    assert [o.status for o in compare_to_expected(PLAN, [], 0, "2026-03-01")] == ["missed", "missed", "not_due"]
    # More than every installment: the rest is unapplied; over is what came in during the period.
    rich = compare_to_expected(PLAN[:1], [("2026-01-02", 150), ("2026-02-01", 10)], 0, "2026-02-10")
    assert rich[0].over == M(50) and rich.unapplied == M(60)
    assert len(rich) == 1 and rich.installments[0].due_date == D(2026, 1, 28)
    assert rich[0].amount == M("100.00")
    with pytest.raises(IndexError):
        rich[1]


def test_a_schedule_as_the_plan() -> None:
    from collections_core import amortize

    s = amortize(
        principal="1200.00",
        annual_rate="0",
        start_date="2026-01-01",
        first_due_date="2026-02-01",
        term=3,
    )
    plan = [(row.due_date, row.payment) for row in s.rows]
    c = compare_to_expected(plan, [("2026-02-01", "400.00"), ("2026-03-03", "400.00")], 0, "2026-04-02")
    assert [o.status for o in c] == ["paid", "late", "missed"]


def test_comparison_as_tables_and_values() -> None:
    c = compare_to_expected(PLAN, [("2026-01-27", "100.00"), ("2026-03-01", "60.00")], 5, "2026-04-10")
    table = c.to_arrow()
    schema = {field.name: field.type for field in table.schema}
    assert schema == {
        "due_date": pa.date32(),
        "amount": pa.decimal128(38, 2),
        "covered": pa.decimal128(38, 2),
        "shortfall": pa.decimal128(38, 2),
        "paid_on": pa.date32(),
        "over": pa.decimal128(38, 2),
        "status": pa.string(),
    }
    df = c.to_pandas()
    assert list(df["status"]) == ["paid", "short", "missed"]
    assert pd.isna(df["paid_on"].iloc[1]) and df["paid_on"].iloc[0] == D(2026, 1, 27)
    assert df["shortfall"].sum() == M("140.00")
    html = c._repr_html_()
    assert "3 installments, unapplied 0.00" in html and "<td>short</td>" in html
    assert repr(c) == (
        "<ExpectedComparison 3 installments: 1 paid, 0 late, 1 short, 1 missed, 0 not due; unapplied 0.00>"
    )
    for value in (c, c[0]):
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value and hash(copy) == hash(value)
    assert isinstance(c[0], ExpectedOutcome)
    assert c[0].to_dict() == {
        "due_date": D(2026, 1, 28),
        "amount": M("100.00"),
        "covered": M("100.00"),
        "shortfall": M("0.00"),
        "paid_on": D(2026, 1, 27),
        "over": M("0"),
        "status": "paid",
    }


def test_bad_plans_and_payments() -> None:
    fails(InvalidArgumentError, "expected", "#1 2026-01-01", lambda: compare_to_expected(PLAN[:1] + [("2026-01-01", 1)], [], 0, "2026-04-01"))
    fails(InvalidArgumentError, "expected", "#0 0", lambda: compare_to_expected([("2026-01-01", 0)], [], 0, "2026-04-01"))
    fails(InvalidArgumentError, "received", "#1 2026-01-01", lambda: compare_to_expected(PLAN, [("2026-02-01", 1), ("2026-01-01", 1)], 0, "2026-04-01"))
    fails(InvalidArgumentError, "received", "#0 -5", lambda: compare_to_expected(PLAN, [("2026-02-01", -5)], 0, "2026-04-01"))
    fails(InvalidDateError, "expected", "2026-02-30", lambda: compare_to_expected([("2026-02-30", 1)], [], 0, "2026-04-01"))
    fails(InvalidArgumentError, "received", None, lambda: compare_to_expected(PLAN, [("2026-02-01",)], 0, "2026-04-01"))  # type: ignore[list-item]
    fails(InvalidArgumentError, "received", None, lambda: compare_to_expected(PLAN, [("2026-02-01", 1.5)], 0, "2026-04-01"))  # type: ignore[list-item]
    fails(InvalidArgumentError, "grace_days", "-1", lambda: compare_to_expected(PLAN, [], -1, "2026-04-01"))
    fails(InvalidDateError, "as_of", None, lambda: compare_to_expected(PLAN, [], 0, "April"))
