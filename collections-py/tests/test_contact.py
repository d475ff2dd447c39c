"""collections_core.contact: the native constructors, bad input, and a dialer's questions.

The expected instants are worked by hand (the official examples and the hand-worked cases themselves
run from tests/vectors/contact.json, in test_vectors.py).
"""

from __future__ import annotations

import datetime
import json
import pickle

import pytest

import collections_core as cc
from collections_core.contact import (
    Attempt,
    ContactHistory,
    ContactProfile,
    ContactRequest,
    Decision,
    Destination,
    OptOut,
    Policy,
    PriorConsent,
    StatusFlag,
    TcpaConsent,
    TimePlaceConsent,
    WeeklyWindow,
    eligible_windows,
    evaluate,
    evaluate_many,
    next_eligible,
    presets,
)

UTC = datetime.timezone.utc
EDT = datetime.timezone(datetime.timedelta(hours=-4))
CELL = "+1 212 555 0100"
WORK = "+1 212 555 0200"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def new_yorker(**kwargs: object) -> ContactProfile:
    return ContactProfile(
        "p1",
        ["America/New_York"],
        destinations=[
            Destination(CELL, "phone", line="cell"),
            Destination(WORK, "phone", line="landline", place_of_employment=True),
            Destination("pat@example.com", "email"),
        ],
        **kwargs,  # type: ignore[arg-type]
    )


def call(at: str, outcome: str = "no_answer", debt: str = "card") -> Attempt:
    return Attempt(at, "call", outcome, CELL, [debt])


FEDERAL = Policy.us_federal()


# ---------------------------------------------------------------- a dialer's questions


def test_dialer_may_i_call_now_and_if_not_when() -> None:
    # 21:30 in Chicago on Sunday, November 1, 2026 (CST, UTC-6): too late; 8 a.m. CST is 14:00 UTC.
    profile = ContactProfile("p9", ["America/Chicago"], destinations=[Destination("+1 312 555 0100", "phone", line="cell")])
    now = utc(2026, 11, 2, 3, 30)
    request = ContactRequest("p9", "card-1", "call", "+1 312 555 0100", now)
    decision = evaluate(FEDERAL, profile, None, request)
    assert not decision.allowed
    assert [r.rule for r in decision.reasons] == ["reg_f.time_of_day"]
    assert decision.reasons[0].citation.startswith("12 CFR 1006.6(b)(1)(i)")
    assert decision.reasons[0].mark == "V"
    assert decision.next_eligible == utc(2026, 11, 2, 14, 0)
    assert decision.next_eligible.tzinfo is not None
    assert next_eligible(FEDERAL, profile, None, request) == decision.next_eligible
    # At the next eligible instant the same request is allowed, and its own instant is the answer.
    later = evaluate(FEDERAL, profile, None, request.at_instant(decision.next_eligible))
    assert later.allowed and later.reasons == () and later.next_eligible == utc(2026, 11, 2, 14, 0)


def test_seven_calls_in_seven_days_then_the_next_day() -> None:
    # Comment 14(b)(2)(i)-1.i: a message on April 1, six unanswered calls April 2-7 (10 a.m. EDT).
    history = ContactHistory(
        [call("2026-04-01T10:00:00-04:00", "limited_content_message")]
        + [call(f"2026-04-0{day}T10:00:00-04:00") for day in range(2, 8)]
    )
    eighth = ContactRequest("p1", "card", "call", CELL, datetime.datetime(2026, 4, 7, 15, 0, tzinfo=EDT))
    d = evaluate(FEDERAL, new_yorker(), history, eighth)
    assert (d.allowed, d.rule_ids) == (False, ("reg_f.call_frequency",))
    assert d.next_eligible == utc(2026, 4, 8, 12, 0)  # 8 a.m. EDT on April 8
    # Another debt is counted on its own (§1006.14(b)(4)).
    other = ContactRequest("p1", "loan", "call", CELL, datetime.datetime(2026, 4, 7, 15, 0, tzinfo=EDT))
    assert evaluate(FEDERAL, new_yorker(), history, other).allowed


def test_eligible_windows_for_scheduling() -> None:
    # Midnight in New York on April 8: 8 a.m. to 9 p.m. EDT each day, the end after 21:00:00 excluded.
    request = ContactRequest("p1", "card", "call", CELL, "2026-04-08T04:00:00Z")
    windows = eligible_windows(FEDERAL, new_yorker(), None, request, 2)
    assert windows == [
        (utc(2026, 4, 8, 12, 0), utc(2026, 4, 9, 1, 0, 1)),
        (utc(2026, 4, 9, 12, 0), utc(2026, 4, 10, 1, 0, 1)),
    ]


def test_eastern_and_pacific_both_respected() -> None:
    # Comment 6(b)(1)(i)-2.i: 11:00 a.m. to 9:00 p.m. Eastern.
    p = ContactProfile("p1", ["America/New_York", "America/Los_Angeles"], destinations=[Destination(CELL, "phone")])
    early = ContactRequest("p1", "card", "call", CELL, "2026-04-08T10:59:59-04:00")
    assert next_eligible(FEDERAL, p, None, early) == utc(2026, 4, 8, 15, 0)


def test_evaluate_many_matches_one_by_one() -> None:
    p = new_yorker()
    h = ContactHistory([call("2026-04-08T09:00:00-04:00")])
    items = [
        (p, h, ContactRequest("p1", "card", "call", CELL, f"2026-04-08T{hour:02}:30:00-04:00"))
        for hour in range(9, 24)
    ]
    many = evaluate_many(FEDERAL, items)
    assert many == [evaluate(FEDERAL, p, h, r) for _, _, r in items]
    assert [d.allowed for d in many] == [True] * 12 + [False] * 3  # 9:30 to 20:30 allowed, 21:30 on not
    assert evaluate_many(FEDERAL, []) == []
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate_many(FEDERAL, [(p, None)])  # type: ignore[list-item]
    assert e.value.field == "items"


# ---------------------------------------------------------------- the native constructors


def test_profile_with_every_part() -> None:
    given = datetime.datetime(2026, 4, 3, 14, 5, tzinfo=EDT)
    p = new_yorker(
        prior_consents=[PriorConsent("card", given, until="2026-04-06")],
        tcpa_consents=[TcpaConsent(CELL, "2026-01-01T00:00:00Z")],
        opt_outs=[OptOut("text", "2026-03-01T00:00:00Z", destination=CELL)],
        time_place_consents=[TimePlaceConsent("2026-05-01T00:00:00Z", channel="call", until="2026-05-02T00:00:00Z")],
        inconvenient_times=[WeeklyWindow("Wed", "15:00", datetime.time(17, 0))],
        inconvenient_dates=[datetime.date(2026, 12, 31)],
        flags=[StatusFlag("dispute_pending", "2026-04-08T00:00:00Z", debt="card", until="2026-04-15T00:00:00Z")],
        combined_debts=[["loan-1", "loan-2"]],
    )
    assert p.person == "p1" and p.time_zones == ("America/New_York",)
    assert [d.address for d in p.destinations] == [CELL, WORK, "pat@example.com"]
    assert p.destinations[1].place_of_employment and p.destinations[0].line == "cell"
    assert p.prior_consents[0].given_at == utc(2026, 4, 3, 18, 5)
    assert p.prior_consents[0].until == datetime.date(2026, 4, 6)
    assert p.opt_outs[0].to_dict() == {
        "channel": "text",
        "destination": CELL,
        "since": utc(2026, 3, 1),
        "until": None,
    }
    assert p.inconvenient_times[0].weekday == "Wed"
    assert p.inconvenient_times[0].end == datetime.time(17, 0)
    assert p.flags[0].kind == "dispute_pending" and p.flags[0].debt == "card"
    # The JSON is the core's, and reads back to the same value.
    assert ContactProfile.from_json(p.to_json()) == p
    assert json.loads(p.to_json())["combined_debts"] == [["loan-1", "loan-2"]]
    assert pickle.loads(pickle.dumps(p)) == p
    # The dispute holds the card until April 15 (its end, midnight UTC).
    d = evaluate(FEDERAL, p, None, ContactRequest("p1", "card", "email", "pat@example.com", "2026-04-08T14:00:00Z"))
    assert d.rule_ids == ("reg_f.dispute_hold",)
    assert d.next_eligible == utc(2026, 4, 15)


def test_values_compare_hash_pickle_and_show() -> None:
    r = ContactRequest("p1", "card", "call", CELL, "2026-04-08T12:00:00Z", autodialed=True)
    assert r == ContactRequest.from_json(r.to_json())
    assert hash(r) == hash(pickle.loads(pickle.dumps(r)))
    assert r.to_dict()["at"] == utc(2026, 4, 8, 12) and r.autodialed and r.purpose == "collection"
    assert repr(r).startswith("ContactRequest(person='p1'")
    a = Attempt("2026-04-08T11:00:00Z", "call", "right_party_conversation", CELL, ["card"], direction="inbound")
    assert (a.direction, a.outcome, a.debts) == ("inbound", "right_party_conversation", ("card",))
    h = ContactHistory([a])
    assert len(h) == 1 and ContactHistory.from_json(h.to_json()) == h


def test_decision_json_and_html() -> None:
    p = new_yorker(flags=[StatusFlag("cease_received", "2026-04-01T00:00:00Z")])
    d = evaluate(FEDERAL, p, [], ContactRequest("p1", "card", "call", CELL, "2026-04-08T02:00:00Z"))
    assert isinstance(d, Decision)
    assert d.rule_ids == ("reg_f.time_of_day", "reg_f.cease")
    assert d.next_eligible is None  # a cease: no future instant qualifies
    logged = json.loads(d.to_json())
    assert logged["allowed"] is False and [r["rule"] for r in logged["reasons"]] == list(d.rule_ids)
    html = d._repr_html_()
    assert "<strong>Blocked</strong>" in html and "reg_f.cease" in html and "12 CFR 1006.6(c)" in html
    assert pickle.loads(pickle.dumps(d)) == d


def test_policies_presets_and_json() -> None:
    listed = presets()
    assert [s.name for s in listed] == [
        "regulation_f",
        "tcpa",
        "status_holds",
        "massachusetts",
        "washington",
        "new_york_city",
        "florida",
        "united_kingdom",
    ]
    assert all(s.source and s.mark in ("V", "S", "?") and s.rules for s in listed)
    assert all(r.citation for s in listed for r in s.rules)
    ma = Policy("regulation_f", "massachusetts", disable=["reg_f.inconvenient_times"], assume_time_zone="America/New_York")
    assert "ma.time_of_day" in ma.rule_ids and "reg_f.inconvenient_times" not in ma.rule_ids
    assert ma.assume_time_zone == "America/New_York" and ma.search_days == 400
    assert Policy.from_json(ma.to_json()) == ma
    assert ma.rule("ma.time_of_day") is not None and ma.rule("nope") is None
    assert Policy.from_json('{"presets": ["regulation_f", "tcpa", "status_holds"]}') == FEDERAL
    assert FEDERAL.without("reg_f.cease").rule("reg_f.cease") is None
    from collections_core.contact import Rule

    cap = Rule.from_json(
        '{"id": "creditor.two_a_day", "kind": "attempt_cap", "channels": ["call"], "max": 2, "days": 1,'
        ' "per_debt": false, "count": "attempts", "numbers": "any"}'
    )
    assert FEDERAL.with_rule(cap).rule_ids[-1] == "creditor.two_a_day"


# ---------------------------------------------------------------- bad input


def test_unknown_time_zone() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        ContactProfile("p1", ["America/Atlantis"])
    assert (e.value.field, e.value.value) == ("time_zones", "America/Atlantis")
    with pytest.raises(cc.InvalidArgumentError) as e:
        ContactProfile.from_json('{"person": "p1", "time_zones": ["Mars/Base"]}')
    assert e.value.field == "profile" and "Mars/Base" in str(e.value)
    with pytest.raises(cc.InvalidArgumentError) as e:
        Policy("regulation_f", assume_time_zone="Nowhere/Town")
    assert e.value.field == "assume_time_zone"


def test_unknown_channel_outcome_and_names() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        ContactRequest("p1", "card", "carrier pigeon", CELL, "2026-04-08T12:00:00Z")
    assert e.value.field == "channel"
    with pytest.raises(cc.InvalidArgumentError) as e:
        Attempt("2026-04-08T12:00:00Z", "call", "hung up", CELL)
    assert e.value.field == "outcome"
    with pytest.raises(cc.InvalidArgumentError) as e:
        ContactRequest.from_json('{"person":"p1","debt":"d","channel":"fax","destination":"555","at":"2026-04-08T10:00:00Z"}')
    assert e.value.field == "request"
    with pytest.raises(cc.InvalidArgumentError) as e:
        Policy("texas")
    assert e.value.field == "presets"
    with pytest.raises(cc.InvalidArgumentError) as e:
        Destination(CELL, "pager")
    assert e.value.field == "medium"


def test_history_after_the_request() -> None:
    late = ContactHistory([call("2026-04-08T11:00:00-04:00")])
    request = ContactRequest("p1", "card", "call", CELL, "2026-04-08T10:00:00-04:00")
    for f in (evaluate, next_eligible):
        with pytest.raises(cc.InvalidArgumentError) as e:
            f(FEDERAL, new_yorker(), late, request)
        assert e.value.field == "history.at"
    with pytest.raises(cc.InvalidArgumentError) as e:
        eligible_windows(FEDERAL, new_yorker(), late, request, 3)
    assert e.value.field == "history.at"


def test_no_time_zone_blocks_or_assumes() -> None:
    p = ContactProfile("p1", [], destinations=[Destination(CELL, "phone")])
    request = ContactRequest("p1", "card", "call", CELL, "2026-04-08T15:00:00Z")
    d = evaluate(FEDERAL, p, None, request)
    assert (d.allowed, d.rule_ids, d.next_eligible) == (False, ("policy.missing_time_zone",), None)
    assert "time zone" in d.reasons[0].message
    assert eligible_windows(FEDERAL, p, None, request, 3) == []
    # Assuming Chicago: 07:00 CDT is early; 8 a.m. CDT is 13:00 UTC.
    chicago = FEDERAL.with_assumed_time_zone("America/Chicago")
    early = request.at_instant("2026-04-08T12:00:00Z")
    assert evaluate(chicago, p, None, early).next_eligible == utc(2026, 4, 8, 13)


def test_other_bad_arguments() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        ContactRequest("p1", "card", "call", CELL, datetime.datetime(2026, 4, 8, 12, 0))  # naive
    assert e.value.field == "at"
    with pytest.raises(cc.InvalidArgumentError) as e:
        ContactRequest("p1", "card", "call", CELL, "yesterday")
    assert e.value.field == "at"
    with pytest.raises(cc.InvalidArgumentError) as e:
        ContactRequest("p1", "card", "call", CELL, "2999-01-01T00:00:00Z")
    assert e.value.field == "at"
    request = ContactRequest("p2", "card", "call", CELL, "2026-04-08T14:00:00Z")
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate(FEDERAL, new_yorker(), None, request)
    assert e.value.field == "person"
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate(FEDERAL, new_yorker(), None, ContactRequest("p1", "card", "call", "+1 000", "2026-04-08T14:00:00Z"))
    assert e.value.field == "destination"
    with pytest.raises(cc.InvalidArgumentError) as e:
        eligible_windows(FEDERAL, new_yorker(), None, request, 0)
    assert e.value.field == "days"
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate(FEDERAL, new_yorker(), None, "not a request")  # type: ignore[arg-type]
    assert e.value.field == "request"
    with pytest.raises(cc.InvalidArgumentError) as e:
        WeeklyWindow("Funday", "15:00", "17:00")
    assert e.value.field == "weekday"


def test_validation_period_flag() -> None:
    # Provided Friday, November 20, 2026; received Monday, November 30 (five business days, Thanksgiving
    # skipped); the period runs through Wednesday, December 30: it ends at midnight EST, 05:00 UTC.
    flag = StatusFlag.validation_period("card", datetime.date(2026, 11, 20), "America/New_York")
    assert (flag.kind, flag.debt) == ("validation_period", "card")
    assert flag.since == utc(2026, 11, 20, 5) and flag.until == utc(2026, 12, 31, 5)
    with pytest.raises(cc.InvalidArgumentError) as e:
        StatusFlag.validation_period("card", "2026-11-20", "Atlantis")
    assert e.value.field == "zone"


def test_evaluate_table_over_columns() -> None:
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    from collections_core.contact import evaluate_table

    p = new_yorker()
    h = ContactHistory([call("2026-04-01T10:00:00-04:00")])
    # 07:00, 09:00 and 22:00 EDT on April 8: early, fine, late (08:00 EDT is 12:00 UTC).
    at = [utc(2026, 4, 8, 11), utc(2026, 4, 8, 13), utc(2026, 4, 9, 2)]
    columns = {
        "person": ["p1"] * 3,
        "debt": ["card"] * 3,
        "channel": ["call", "call", "text"],
        "destination": [CELL] * 3,
        "at": at,
    }
    expected_next = [utc(2026, 4, 8, 12), utc(2026, 4, 8, 13), utc(2026, 4, 9, 12)]
    plain = evaluate_table(FEDERAL, {"p1": p}, columns, {"p1": h})
    assert plain["allowed"] == [False, True, False]
    assert plain["rules"] == [["reg_f.time_of_day"], [], ["reg_f.time_of_day"]]
    assert plain["next_eligible"] == expected_next
    frame = evaluate_table(FEDERAL, [p], pd.DataFrame(columns, index=[10, 11, 12]), {"p1": h})
    assert list(frame.index) == [10, 11, 12] and frame["allowed"].tolist() == [False, True, False]
    assert [t.to_pydatetime() for t in frame["next_eligible"]] == expected_next
    table = evaluate_table(FEDERAL, [p], pa.table(columns), {"p1": h})
    assert table.column("allowed").to_pylist() == [False, True, False]
    assert table.column("next_eligible").to_pylist() == expected_next
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate_table(FEDERAL, [], columns)
    assert e.value.field == "person"
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate_table(FEDERAL, [p], {"person": ["p1"]})
    assert e.value.field == "requests"
    # A null cell: the error of its column, led by the first bad row.
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate_table(FEDERAL, [p], dict(columns, at=[at[0], None, at[2]]), {"p1": h})
    assert e.value.field == "at" and str(e.value.value).startswith("row 1: ")
    assert str(e.value).startswith("row 1: ")
    # Columns of different lengths: the short column is named with its length, not an IndexError.
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate_table(FEDERAL, [p], {**columns, "debt": ["card"] * 2}, {"p1": h})
    assert e.value.field == "debt" and e.value.value == "2 values"


def test_evaluate_table_errors_column_progress_and_threads() -> None:
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    from collections_core.contact import evaluate_table

    p = new_yorker()
    # Row 0: 07:00 EDT, too early (next 08:00 EDT = 12:00 UTC); row 1: no profile for p2; row 2: a
    # null instant; row 3: 09:00 EDT, allowed; row 4: a channel the core does not know.
    columns: dict[str, list[object]] = {
        "person": ["p1", "p2", "p1", "p1", "p1"],
        "debt": ["card"] * 5,
        "channel": ["call", "call", "call", "call", "fax"],
        "destination": [CELL] * 5,
        "at": [utc(2026, 4, 8, 11), utc(2026, 4, 8, 13), None, utc(2026, 4, 8, 13), utc(2026, 4, 8, 13)],
        "purpose": [None, None, None, "collection", None],
    }
    out = evaluate_table(FEDERAL, [p], columns, errors="column")
    assert out["allowed"] == [False, None, None, True, None]
    assert out["rules"] == [["reg_f.time_of_day"], None, None, [], None]
    assert out["next_eligible"] == [utc(2026, 4, 8, 12), None, None, utc(2026, 4, 8, 13), None]
    assert [e and e.split(":")[0] for e in out["error"]] == [None, "person", "at", None, "channel"]
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate_table(FEDERAL, [p], columns)
    assert e.value.field == "person" and str(e.value.value) == "row 1: p2"
    # pandas (its missing purposes are NaN) and pyarrow give the same, with the error column.
    frame = evaluate_table(FEDERAL, [p], pd.DataFrame(columns), errors="column")
    assert frame["allowed"].tolist()[3] is True and pd.isna(frame["error"].tolist()[0])
    assert frame["error"].tolist()[1].startswith("person: ")
    table = evaluate_table(FEDERAL, [p], pa.table(columns), errors="column")
    assert table.column("allowed").to_pylist() == out["allowed"]
    # Many rows on one and two threads, with a progress callback: the same decisions.
    many = {k: v[:1] * 3000 + v[3:4] * 3000 for k, v in columns.items() if k != "purpose"}
    seen: list[tuple[int, int]] = []
    try:
        cc.set_threads(1)
        one = evaluate_table(FEDERAL, [p], many, progress=lambda d, t: seen.append((d, t)))
        cc.set_threads(2)
        two = evaluate_table(FEDERAL, [p], many)
    finally:
        cc.set_threads(None)
    assert one == two and one["allowed"].count(True) == 3000
    assert seen[-1] == (6000, 6000)
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate_table(FEDERAL, [p], columns, errors="skip")
    assert e.value.field == "errors"


def test_evaluate_table_timestamps_of_any_unit_and_zone() -> None:
    pa = pytest.importorskip("pyarrow")
    from collections_core.contact import evaluate_table

    p = new_yorker()
    # 11:00 and 13:00 UTC on April 8 (07:00 and 09:00 EDT), as seconds in New York's zone.
    at = [utc(2026, 4, 8, 11), utc(2026, 4, 8, 13)]
    base = {"person": ["p1"] * 2, "debt": ["card"] * 2, "channel": ["call"] * 2, "destination": [CELL] * 2}
    zoned = pa.table({**base, "at": pa.array(at, pa.timestamp("s", tz="America/New_York"))})
    out = evaluate_table(FEDERAL, [p], zoned)
    assert out.column("allowed").to_pylist() == [False, True]
    assert out.column("next_eligible").to_pylist() == [utc(2026, 4, 8, 12), utc(2026, 4, 8, 13)]
    naive = pa.table({**base, "at": pa.array([t.replace(tzinfo=None) for t in at], pa.timestamp("us"))})
    with pytest.raises(cc.InvalidArgumentError) as e:
        evaluate_table(FEDERAL, [p], naive)
    assert e.value.field == "at" and str(e.value.value).startswith("row 0: ")
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame({**base, "at": at})
    back = evaluate_table(FEDERAL, [p], frame)
    assert isinstance(back, pl.DataFrame) and back["allowed"].to_list() == [False, True]
