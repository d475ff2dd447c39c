"""The status lifecycle (collections-core/tests/status.rs: every pair of the transition table against the
hand-written matrix, the history's rules), pickling and bad input. The debt module's docstring examples
run in test_docs.py."""

from __future__ import annotations

import datetime
import pickle
from typing import Any, List

import pytest

from collections_core import CollectionsError, InvalidArgumentError
from collections_core.debt import STATUSES, Status, StatusChange, StatusHistory, transition

D = datetime.date

# Rows from, columns to, both in STATUSES order:
# cur del arr brk dis har fra leg bkr dec chg set pif wof clo rec sol.
MATRIX = [
    ("current", "0 1 1 0 1 1 1 0 1 1 0 1 1 1 1 1 1"),
    ("delinquent", "1 0 1 0 1 1 1 1 1 1 1 1 1 1 1 1 1"),
    ("in_arrangement", "1 0 0 1 1 1 1 0 1 1 1 1 1 1 1 1 1"),
    ("arrangement_broken", "1 1 1 0 1 1 1 1 1 1 1 1 1 1 1 1 1"),
    ("disputed", "1 1 1 1 0 1 1 1 1 1 1 1 1 1 1 1 0"),
    ("hardship", "1 1 1 1 1 0 1 1 1 1 1 1 1 1 1 1 0"),
    ("fraud", "1 1 1 1 1 1 0 1 1 1 1 1 1 1 1 1 0"),
    ("legal", "0 0 1 0 1 1 1 0 1 1 1 1 1 1 1 1 1"),
    ("bankrupt", "0 1 0 0 0 0 0 0 0 1 1 1 1 1 1 1 0"),
    ("deceased", "0 0 0 0 0 0 0 1 0 0 1 1 1 1 1 1 1"),
    ("charged_off", "0 0 1 0 1 1 1 1 1 1 0 1 1 1 1 1 1"),
    ("settled", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
    ("paid_in_full", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
    ("written_off", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
    ("closed", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
    ("recalled", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
    ("sold", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
]


def test_every_pair_is_allowed_or_refused_as_documented() -> None:
    assert [row[0] for row in MATRIX] == list(STATUSES) == [s.name for s in Status.all()]
    allowed = 0
    for from_name, cells in MATRIX:
        for to_name, cell in zip(STATUSES, cells.split()):
            assert Status(from_name).can_become(to_name) is (cell == "1")
            if cell == "1":
                change = transition(from_name, Status(to_name), "2026-03-01", "test")
                assert (change.from_status.name, change.to_status.name, change.date, change.reason) == (
                    from_name, to_name, D(2026, 3, 1), "test",
                )
                allowed += 1
            else:
                with pytest.raises(InvalidArgumentError) as err:
                    transition(from_name, to_name, "2026-03-01", "test")
                # The error names both states.
                assert (err.value.field, err.value.value) == ("status", f"{from_name} -> {to_name}")
    assert allowed == 145


def test_groups_and_names() -> None:
    assert [s.name for s in Status.all() if s.is_terminal] == [
        "settled", "paid_in_full", "written_off", "closed", "recalled", "sold",
    ]
    assert [s.name for s in Status.all() if s.is_pause] == ["disputed", "hardship", "fraud"]
    assert Status("Paid In Full") == Status("paid_in_full") and Status("CHARGED-OFF").name == "charged_off"
    assert str(Status("legal")) == "legal" and repr(Status("legal")) == "Status(name='legal')"
    assert len({Status("legal"), Status("LEGAL"), Status("sold")}) == 2


def test_a_pause_returns_to_the_status_before_it() -> None:
    h = StatusHistory("delinquent", "2026-01-01")
    h = h.change("in_arrangement", "2026-01-10", "plan agreed")
    h = h.change("disputed", "2026-02-01", "disputes interest")
    h = h.change("fraud", "2026-02-05", "claims identity theft")
    assert h.returns_to == Status("in_arrangement")
    for wrong in ("current", "delinquent", "legal", "charged_off"):
        with pytest.raises(InvalidArgumentError) as err:
            h.change(wrong, "2026-03-01", "resolved")
        assert err.value.field == "status" and "in_arrangement" in str(err.value)
    h = h.change("in_arrangement", "2026-03-01", "claim withdrawn")
    assert (h.current, h.returns_to, len(h)) == (Status("in_arrangement"), None, 4)


def test_a_charge_off_is_never_undone_by_a_status() -> None:
    h = StatusHistory("delinquent", "2026-01-01").change("charged_off", "2026-05-01", "120 days past due")
    h = h.change("in_arrangement", "2026-06-01", "post-charge-off plan")
    h = h.change("arrangement_broken", "2026-08-01", "two payments missed")
    with pytest.raises(InvalidArgumentError) as err:
        h.change("delinquent", "2026-08-02", "back to collections")
    assert err.value.value == "arrangement_broken -> delinquent"
    # The pairwise table alone allows it; only the history knows.
    assert Status("arrangement_broken").can_become("delinquent")


def test_dates_and_the_status_on_a_date() -> None:
    h = StatusHistory("current", "2026-01-01")
    with pytest.raises(InvalidArgumentError) as err:
        h.change("delinquent", "2025-12-31", "before opening")
    assert err.value.field == "date"
    h = h.change("delinquent", "2026-02-02", "missed").change("in_arrangement", "2026-02-10", "plan")
    h2 = h.change("arrangement_broken", "2026-02-10", "first payment bounced")
    with pytest.raises(InvalidArgumentError) as err:
        h2.change("legal", "2026-02-09", "claim issued")
    assert err.value.field == "date" and "2026-02-10" in str(err.value)
    # A history is immutable: change() returned new ones.
    assert (len(h), len(h2), h.current.name, h2.last_date) == (2, 3, "in_arrangement", D(2026, 2, 10))
    assert h2.status_on("2025-12-31") is None
    assert h2.status_on("2026-02-01") == Status("current")
    assert h2.status_on("2026-02-09") == Status("delinquent")
    assert h2.status_on("2026-02-10") == Status("arrangement_broken")


def test_pickle_and_rebuild_replay_the_rules() -> None:
    h = StatusHistory("current", "2026-01-01").change("delinquent", "2026-02-02", "missed")
    h = h.change("paid_in_full", "2026-03-01", "paid")
    for value in (h, h.changes[0], Status("sold")):
        back = pickle.loads(pickle.dumps(value))
        assert back == value and hash(back) == hash(value)
        assert type(back).__module__ == "collections_core.debt"
    assert StatusHistory(**h.to_dict()) == h
    change = h.changes[1]
    assert StatusChange(**change.to_dict()) == change
    # Replayed through the rules: a change from a status the account was not in is refused.
    with pytest.raises(InvalidArgumentError) as err:
        StatusHistory("current", "2026-01-01", [h.changes[1]])
    assert err.value.field == "changes"


def test_bad_input_names_the_field_and_value() -> None:
    cases: List[Any] = [
        ("name", "returned", lambda: Status("returned")),
        # A name that is no status: the core's field, as in C and Rust (tests/vectors/status.json).
        ("status", "lost", lambda: transition("lost", "current", "2026-01-01", "x")),
        ("status", "found", lambda: transition("current", "found", "2026-01-01", "x")),
        ("reason", None, lambda: transition("current", "delinquent", "2026-01-02", "  ")),
        ("status", "nowhere", lambda: Status("current").can_become("nowhere")),
        ("initial", None, lambda: StatusHistory(3, "2026-01-01")),  # type: ignore[arg-type]
        ("date", None, lambda: StatusHistory("current", "2026-01-01").status_on(datetime.datetime(2026, 1, 2))),
        ("changes", None, lambda: StatusHistory("current", "2026-01-01", ["delinquent"])),  # type: ignore[list-item]
    ]
    for field, value, make in cases:
        with pytest.raises(InvalidArgumentError) as err:
            make()
        assert isinstance(err.value, CollectionsError)
        assert err.value.field == field
        if value is not None:
            assert err.value.value == value
