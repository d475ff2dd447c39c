"""Contact rules: may we contact this person now, on this channel, about this debt, and if not, when?

A ``Policy`` is the rules that apply: presets by name (``presets()`` lists them with their sources and
verification marks: Regulation F, the TCPA, the status holds, Massachusetts, Washington, New York City,
Florida and the United Kingdom), less the rules you ``disable``, plus your own (``with_rule``), in code
or as JSON (``Policy.from_json``). A ``ContactProfile`` holds what is known about the person: the IANA
time zones they may be in (every one is respected), their ``Destination``s, consents (``PriorConsent``,
``TcpaConsent``, ``TimePlaceConsent``), ``OptOut``s, inconvenient times (``WeeklyWindow``) and dates,
and ``StatusFlag``s (cease, attorney, bankruptcy, dispute, breathing space, ...). A ``ContactHistory``
holds their ``Attempt``s; a ``ContactRequest`` is the contact you want to make.

``evaluate(policy, profile, history, request)`` gives a ``Decision``: ``allowed``, every ``Reason``
(rule, citation, mark and a sentence), ``warnings`` that do not block, and ``next_eligible``, the
earliest instant at or after the request when every rule allows (exact across daylight-saving changes
and several zones). ``eligible_windows`` lists the intervals over the next days, for dialer scheduling;
``evaluate_many`` decides many requests on every core, and ``evaluate_table`` a table of them (pandas,
pyarrow, polars or a dict of columns), giving a table back.

Instants are aware ``datetime.datetime``s (any zone) or RFC 3339 text, and come back as aware UTC
datetimes; a naive datetime is refused. A bad argument raises a ``CollectionsError`` naming the field,
never a silent "allowed". Every class is an immutable value: it compares, hashes and pickles, and
``to_dict()`` gives its fields; ``to_json()`` gives the core's JSON.

A dialer asks: may I call now, and if not, when?

>>> from collections_core.contact import ContactProfile, ContactRequest, Destination, Policy, evaluate
>>> profile = ContactProfile("p1", ["America/Chicago"], destinations=[Destination("+1 312 555 0100", "phone", line="cell")])
>>> now = "2026-11-02T03:30:00Z"  # 21:30 in Chicago
>>> d = evaluate(Policy.us_federal(), profile, None, ContactRequest("p1", "card-1", "call", "+1 312 555 0100", now))
>>> d.allowed, d.reasons[0].rule, d.next_eligible.isoformat()
(False, 'reg_f.time_of_day', '2026-11-02T14:00:00+00:00')
"""

from __future__ import annotations

import importlib
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from collections_core._collections_core import (
    Attempt,
    ContactHistory,
    ContactProfile,
    ContactRequest,
    ContactWarning,
    Decision,
    Destination,
    OptOut,
    Policy,
    PriorConsent,
    Reason,
    Rule,
    RuleSet,
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
from collections_core._errors import CollectionsError, InvalidArgumentError

__all__ = [
    "Policy",
    "Rule",
    "RuleSet",
    "presets",
    "ContactProfile",
    "Destination",
    "PriorConsent",
    "TcpaConsent",
    "OptOut",
    "TimePlaceConsent",
    "WeeklyWindow",
    "StatusFlag",
    "Attempt",
    "ContactHistory",
    "ContactRequest",
    "evaluate",
    "next_eligible",
    "eligible_windows",
    "evaluate_many",
    "evaluate_table",
    "Decision",
    "Reason",
    "ContactWarning",
]


_REQUIRED = ("person", "debt", "channel", "destination", "at")


def _is_polars(table: Any) -> bool:
    """Whether ``table`` is a polars DataFrame (its class defined in polars)."""
    return type(table).__module__.split(".")[0] == "polars" and hasattr(table, "get_column")


def _columns(table: Any) -> Dict[str, List[Any]]:
    """The columns of a pyarrow Table, a pandas or polars DataFrame or a mapping of name to sequence,
    as lists."""
    if _is_polars(table):
        return {str(name): table.get_column(name).to_list() for name in table.columns}
    if hasattr(table, "to_pydict"):
        return dict(table.to_pydict())
    if hasattr(table, "columns") and hasattr(table, "__getitem__") and not isinstance(table, Mapping):
        return {str(name): table[name].tolist() for name in table.columns}
    if isinstance(table, Mapping):
        return {str(name): list(values) for name, values in table.items()}
    raise InvalidArgumentError(
        "requests: expected a pandas DataFrame, a pyarrow Table, a polars DataFrame or a dict of columns",
        "requests",
        repr(table),
    )


def evaluate_table(
    policy: Policy,
    profiles: Union[Mapping[str, ContactProfile], Iterable[ContactProfile]],
    requests: Any,
    histories: Optional[Mapping[str, ContactHistory]] = None,
) -> Any:
    """Decides a table of requests: the columns ``person``, ``debt``, ``channel``, ``destination`` and
    ``at`` (aware timestamps or RFC 3339 text), optionally ``autodialed`` and ``purpose``, each row
    decided against the profile and history of its person (``profiles`` and ``histories`` by person id;
    ``profiles`` may also be a list of profiles). The rows are decided on every core (``evaluate_many``).
    Gives ``allowed``, ``rules`` (the blocking rule ids) and ``next_eligible`` (UTC) per row, as the same
    kind of table: a pandas DataFrame (with the requests' index), a pyarrow Table, a polars DataFrame
    (``polars.from_arrow`` of the pyarrow Table: the same column types), or a dict of lists. A
    person with no profile, or a row that cannot be decided, raises an ``InvalidArgumentError``; a null
    or bad cell raises the error of its column, its value led by its row (``'row 1: None'``).

    >>> p = ContactProfile("p1", ["America/New_York"], destinations=[Destination("555", "phone")])
    >>> out = evaluate_table(Policy.us_federal(), [p], {"person": ["p1", "p1"], "debt": ["d", "d"],
    ...     "channel": ["call", "call"], "destination": ["555", "555"],
    ...     "at": ["2026-04-08T11:00:00Z", "2026-04-08T13:00:00Z"]})
    >>> out["allowed"], out["rules"]
    ([False, True], [['reg_f.time_of_day'], []])
    """
    by_person: Dict[str, ContactProfile]
    if isinstance(profiles, Mapping):
        by_person = dict(profiles)
    else:
        by_person = {p.person: p for p in profiles}
    histories = histories or {}
    columns = _columns(requests)
    for name in _REQUIRED:
        if name not in columns:
            raise InvalidArgumentError(f"requests: no column {name!r}", "requests", name)
    rows = len(columns["person"])
    for name in (*_REQUIRED, "autodialed", "purpose"):
        if name in columns and len(columns[name]) != rows:
            raise InvalidArgumentError(
                f"requests: column {name!r} has {len(columns[name])} rows, column 'person' has {rows}",
                name,
                str(len(columns[name])),
            )
    autodialed = columns.get("autodialed", [None] * rows)
    purpose = columns.get("purpose", [None] * rows)
    items = []
    for i in range(rows):
        person = columns["person"][i]
        profile = by_person.get(person)
        if profile is None:
            raise InvalidArgumentError(f"person: no profile for {person!r} (row {i})", "person", str(person))
        try:
            request = ContactRequest(
                person,
                columns["debt"][i],
                columns["channel"][i],
                columns["destination"][i],
                columns["at"][i],
                autodialed=autodialed[i],
                purpose=purpose[i],
            )
        except CollectionsError as err:
            # The same error, led by its row (the package's rule for a bad cell: 'row 4: None').
            raise type(err)(f"row {i}: {err}", err.field, f"row {i}: {err.value}") from err
        items.append((profile, histories.get(person), request))
    decisions = evaluate_many(policy, items)
    out: Dict[str, List[Any]] = {
        "allowed": [d.allowed for d in decisions],
        "rules": [list(d.rule_ids) for d in decisions],
        "next_eligible": [d.next_eligible for d in decisions],
    }
    if _is_polars(requests):
        return importlib.import_module("polars").from_arrow(importlib.import_module("pyarrow").table(out))
    if hasattr(requests, "to_pydict"):
        return importlib.import_module("pyarrow").table(out)
    if hasattr(requests, "columns") and hasattr(requests, "index") and not isinstance(requests, Mapping):
        return importlib.import_module("pandas").DataFrame(out, index=requests.index)
    return out
