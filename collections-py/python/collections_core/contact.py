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
    evaluate_table,
    next_eligible,
    presets,
)

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
