"""The account ledger, on the cases collections-core/tests/ledger.rs works by hand. Rates are chosen so
that a day's interest is a whole number of cents under Actual/365 Fixed (7.30% on 10,000.00 is 2.00 a
day), so every expected value below is days x a daily amount. Then bad input (error class, field and
value; a refused post leaves the ledger as it was), pickling, to_dict and the Arrow/pandas exports. The
docstring examples run in test_docs.py."""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from typing import Any, Callable, Dict, List, Optional, Tuple, Type

import pytest

from collections_core import (
    ArithmeticOverflowError,
    CollectionsError,
    CurrencyMismatchError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidDecimalError,
    Money,
)
from collections_core.debt import (
    ALLOCATION_ORDERS,
    COMPONENTS,
    EVENT_KINDS,
    INTEREST_MODES,
    OVERPAYMENT_RULES,
    SCOPES,
    TIMINGS,
    Account,
    AgingRules,
    Event,
    LateFeeRule,
    Ledger,
    LedgerAccount,
    Status,
    Terms,
)

D = datetime.date
M = Decimal


def terms(rate: str, **options: Any) -> Terms:
    return Terms([("2026-01-01", rate)], **options)


def ledger(principal: str, t: Terms) -> Ledger:
    return Ledger(LedgerAccount("A-1", "USD", "2026-01-01", principal, t))


def pay(date: str, id: str, amount: str) -> Event:
    return Event.payment(date, id, amount, "USD")


def ob(date: str, amount: str) -> Event:
    return Event.obligation(date, amount)


def unpaid(account: Account) -> List[Tuple[datetime.date, Decimal]]:
    return [(due, amount - paid) for due, amount, paid in account.obligations]


# ---------------------------------------------------------------- interest


def test_interest_follows_rate_changes() -> None:
    # 7.30% to January 31, 3.65% from February 1: 31 x 2.00 + 28 x 1.00 = 90.00 by March 1.
    l = ledger("10000.00", Terms([("2026-01-01", "0.073"), ("2026-02-01", "0.0365")]))
    assert l.balances_on("2026-03-01").interest == M("90.00")
    assert l.balances_on(D(2026, 2, 1)).interest == M("62.00")
    # A payoff on the opening day is the principal.
    assert l.balances_on("2026-01-01").owed == M("10000.00")


def test_freezes_stop_interest() -> None:
    # Ten frozen days (January 11 to 20 inclusive) in January: 21 x 2.00 = 42.00 by February 1.
    l = ledger("10000.00", terms("0.073", freezes=[("2026-01-11", "2026-01-20")]))
    assert l.balances_on("2026-02-01").interest == M("42.00")
    assert l.balances_on("2026-01-15").interest == M("20.00")
    assert l.account.terms.freezes == ((D(2026, 1, 11), D(2026, 1, 20)),)


def test_penalty_rate_after_days_past_due_and_max_rate() -> None:
    # Everything due January 31 and unpaid. 7.30% (2.00 a day) until more than 30 days past due, then
    # 14.60% (4.00 a day) from March 3: by March 10, 30 x 2 (January 1-30) + 31 x 2 (January 31 -
    # March 2) + 7 x 4 (March 3-9) = 150.00.
    l = ledger("10000.00", terms("0.073", penalty_rate="0.146", penalty_after_days=30))
    l.post(ob("2026-01-31", "10000.00"))
    assert l.balances_on("2026-03-10").interest == M("150.00")
    assert l.balances_on("2026-03-03").interest == M("122.00")
    assert l.days_past_due("2026-03-10") == 38
    # Held under a maximum of 10.95% (3.00 a day): 60 + 62 + 7 x 3 = 143.00.
    capped = ledger(
        "10000.00", terms("0.073", penalty_rate="0.146", penalty_after_days=30, max_rate="0.1095")
    )
    capped.post(ob("2026-01-31", "10000.00"))
    assert capped.balances_on("2026-03-10").interest == M("143.00")


def test_compounding_at_due_dates() -> None:
    # 36.5% on 1,000.00 is 1.00 a day. 30.00 falls due unpaid on January 31 and bears interest from
    # then: 30 days on 1,030.00 to March 2 is 30.90, so 60.90 in all (simple interest: 60.00).
    c = ledger("1000.00", terms("0.365", interest_mode="compound_at_due_dates"))
    c.post(ob("2026-01-31", "1000.00"))
    assert c.balances_on("2026-03-02").interest == M("60.90")
    s = ledger("1000.00", terms("0.365"))
    s.post(ob("2026-01-31", "1000.00"))
    assert s.balances_on("2026-03-02").interest == M("60.00")
    # Paying the 30.00 on January 31 stops the compounding: 30.00 on 1,000.00 after it.
    c.post(pay("2026-01-31", "P", "30.00"))
    assert c.balances_on("2026-03-02").interest == M("30.00")


# ---------------------------------------------------------------- allocation


def allocated(**allocation: Any) -> Tuple[Decimal, Decimal, Decimal]:
    """Principal 200.00 at 0%, 100.00 due January 10 and February 10, a fee of 10.00 on January 5 and a
    penalty of 5.00 on January 20; 50.00 paid on February 15."""
    l = ledger("200.00", terms("0", **allocation))
    l.post_all(
        [
            ob("2026-01-10", "100.00"),
            ob("2026-02-10", "100.00"),
            Event.fee("2026-01-05", "fee", "10.00", "statement"),
            Event.fee("2026-01-20", "penalty", "5.00", "late"),
            pay("2026-02-15", "P", "50.00"),
        ]
    )
    b = l.balances
    entry = l.payment_entry("P")
    assert entry is not None
    assert sum(a.amount for a in entry.allocations) + entry.to_credit == M("50.00")
    return (b.principal, b.fees, b.penalties)


def test_allocation_strategies_by_name() -> None:
    # Oldest first: the January 5 fee (10), then January 10 principal (40).
    assert allocated(allocation="fees-interest-principal", scope="oldest_first") == (
        M("160.00"), M("0.00"), M("5.00"),
    )
    assert allocated() == (M("160.00"), M("0.00"), M("5.00"))
    # Component first: the penalty (5), the fee (10), then principal (35).
    assert allocated(allocation="penalties-fees-interest-principal", scope="component_first") == (
        M("165.00"), M("0.00"), M("0.00"),
    )
    # Principal first across obligations: 50 to January's principal.
    assert allocated(allocation="interest-principal-fees", scope="component_first") == (
        M("150.00"), M("10.00"), M("5.00"),
    )
    # Oldest first with interest-principal-fees: January 5 has only the fee, so it is paid first.
    assert allocated(allocation="interest-principal-fees", scope="oldest_first") == (
        M("160.00"), M("0.00"), M("5.00"),
    )
    # Advanced: past-due penalties, then past-due principal.
    assert allocated(allocation=[("past_due", "penalty"), ("past_due", "principal")]) == (
        M("155.00"), M("10.00"), M("0.00"),
    )


def test_advanced_order_pays_not_yet_due_nearest_first() -> None:
    t = terms("0", allocation=[("due", "principal"), ("not_yet_due", "principal")])
    assert t.allocation == (("due", "principal"), ("not_yet_due", "principal"))
    assert t.scope is None
    l = ledger("300.00", t)
    l.post_all(
        [
            ob("2026-01-31", "100.00"),
            ob("2026-02-28", "100.00"),
            ob("2026-03-31", "50.00"),
            pay("2026-01-31", "P", "280.00"),
        ]
    )
    e = l.payment_entry("P")
    assert e is not None
    assert [(a.due_date, a.amount) for a in e.allocations] == [
        (D(2026, 1, 31), M("100.00")),
        (D(2026, 2, 28), M("100.00")),
        (D(2026, 3, 31), M("50.00")),
        (None, M("30.00")),
    ]
    assert l.balances.principal == M("20.00")


def overpaid(rule: str, date: str, amount: str) -> List[Tuple[datetime.date, Decimal]]:
    l = ledger("300.00", terms("0", overpayment=rule))
    l.post_all(
        [
            ob("2026-01-31", "100.00"),
            ob("2026-02-28", "100.00"),
            ob("2026-03-31", "100.00"),
            pay(date, "P", amount),
        ]
    )
    return unpaid(l.obligations_on("2026-01-31"))


def test_overpayment_rules() -> None:
    dates = [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31)]

    def rows(*v: str) -> List[Tuple[datetime.date, Decimal]]:
        return list(zip(dates, map(M, v)))

    # 150.00 on January 31: 100.00 to January, 50.00 left.
    assert overpaid("reduce_term", "2026-01-31", "150.00") == rows("0.00", "100.00", "50.00")
    assert overpaid("reduce_payment", "2026-01-31", "150.00") == rows("0.00", "75.00", "75.00")
    # Held as credit on January 31; it pays February's when that falls due.
    assert overpaid("hold_as_credit", "2026-01-31", "150.00") == rows("0.00", "100.00", "100.00")
    # 100.00 before anything is due, pro rata: 33.33 each, the cent left to the last.
    assert overpaid("reduce_payment", "2026-01-15", "100.00") == rows("66.67", "66.67", "66.66")


def test_credit_is_applied_when_charges_fall_due() -> None:
    l = ledger("300.00", terms("0"))
    l.post_all(
        [
            ob("2026-01-31", "100.00"),
            ob("2026-02-28", "100.00"),
            ob("2026-03-31", "100.00"),
            pay("2026-01-31", "P", "150.00"),
        ]
    )
    assert l.balances.credit == M("50.00")
    b = l.balances_on("2026-02-28")
    assert (b.principal, b.credit) == (M("150.00"), M("0.00"))
    assert unpaid(l.obligations_on("2026-02-28"))[1] == (D(2026, 2, 28), M("50.00"))


# ---------------------------------------------------------------- late fees


def late_fees(strategy: str, rule: LateFeeRule) -> Tuple[Decimal, int]:
    l = ledger("200.00", terms("0", allocation=strategy, scope="oldest_first", late_fee=rule))
    l.post_all(
        [
            ob("2026-01-31", "100.00"),
            ob("2026-02-28", "100.00"),
            # January's installment is paid late (after the ten grace days), February's on time.
            pay("2026-02-15", "P1", "100.00"),
            pay("2026-02-28", "P2", "100.00"),
        ]
    )
    t = l.totals
    count = sum(1 for e in l.entries if e.kind == "late_fee")
    return (t.charged["penalty"] + t.charged["fee"], count)


def test_late_fee_once_and_without_pyramiding() -> None:
    # 16 CFR 444.4: the on-time February payment is not late because January's 25.00 fee is unpaid,
    # even when the allocation put money to the fee first.
    rule = LateFeeRule(flat="25.00", grace_days=10)
    assert late_fees("fees-interest-principal", rule) == (M("25.00"), 1)
    assert late_fees("penalties-fees-interest-principal", rule) == (M("25.00"), 1)
    # 5% of the 100.00 overdue is 5.00, held at the 10.00 minimum.
    pct = LateFeeRule(
        flat=0, percent="0.05", minimum="10.00", maximum="15.00", grace_days=10, component="fee"
    )
    assert late_fees("fees-interest-principal", pct) == (M("10.00"), 1)


def test_late_fee_checked_the_day_after_grace() -> None:
    l = ledger("100.00", terms("0", late_fee=LateFeeRule(flat="25.00", grace_days=10)))
    l.post(ob("2026-01-31", "100.00"))
    # Paid on the last grace day (February 10): no fee.
    on_time = pickle.loads(pickle.dumps(l))
    on_time.post(pay("2026-02-10", "P", "100.00"))
    assert on_time.balances_on("2026-03-31").penalties == M("0")
    assert on_time.status == Status("paid_in_full")
    # Not paid: 25.00 on February 11, not on February 10.
    assert l.balances_on("2026-02-10").penalties == M("0")
    assert l.balances_on("2026-02-11").penalties == M("25.00")


# ---------------------------------------------------------------- reversals and back-dating


def test_reversal_restores_and_rederives() -> None:
    l = ledger("10000.00", terms("0.073"))
    l.post(ob("2026-01-31", "10000.00"))
    before = l.balances_on("2026-03-31")
    l.post(pay("2026-02-01", "P", "5000.00"))
    # After the last obligation, interest is due with it (at once): the 62.00 of January 1-31 is paid
    # first, then 4,938.00 of principal.
    b = l.balances
    assert (b.principal, b.interest) == (M("5062.00"), M("0.00"))
    l.post(Event.reversal("2026-02-05", "P", "NSF"))
    assert l.is_reversed("P")
    assert l.balances_on("2026-03-31") == before
    assert l.payment_entry("P") is None
    # A second reversal, or one of a payment never posted, is refused and changes nothing.
    snapshot = pickle.loads(pickle.dumps(l))
    entries = l.entries
    for event, value in [
        (Event.reversal("2026-02-06", "P", "again"), '"P"'),
        (Event.reversal("2026-02-06", "Q", "unknown"), '"Q"'),
    ]:
        with pytest.raises(InvalidArgumentError) as err:
            l.post(event)
        assert (err.value.field, err.value.value) == ("payment_id", value)
        assert l == snapshot
        assert l.entries == entries


def test_back_dated_event_rederives_everything_after_it() -> None:
    events = [
        ob("2026-01-31", "5000.00"),
        ob("2026-02-28", "5000.00"),
        pay("2026-01-31", "A", "5060.00"),
        pay("2026-02-28", "B", "1000.00"),
        Event.fee("2026-02-10", "fee", "15.00", "dunning"),
    ]
    in_order = Ledger(LedgerAccount("A-1", "USD", "2026-01-01", "10000.00", terms("0.073")), events)
    one_by_one = ledger("10000.00", terms("0.073"))
    for e in reversed(events):
        one_by_one.post(e)
    assert one_by_one.balances == in_order.balances
    assert len(one_by_one.entries) == len(in_order.entries)
    # The same events in another order: not equal ledgers, the same entries.
    assert one_by_one != in_order
    assert [e.to_dict() | {"event": None} for e in one_by_one.entries] == [
        e.to_dict() | {"event": None} for e in in_order.entries
    ]
    # January: 30 x 2.00 = 60.00 interest; 5,060.00 pays it and January's 5,000.00. February 1-27 on
    # 5,000.00 at 1.00 a day = 28.00 (January 31 - February 27), paid with the fee 15.00 by B, the
    # rest (957.00) to principal.
    b = in_order.balances
    assert (b.principal, b.interest, b.fees) == (M("4043.00"), M("0.00"), M("0.00"))


# ---------------------------------------------------------------- refunds, waivers, adjustments, extensions


def test_refunds_waivers_adjustments() -> None:
    l = ledger("100.00", terms("0"))
    l.post(ob("2026-01-31", "100.00"))
    l.post(Event.fee("2026-02-01", "fee", "20.00", "returned mail"))
    l.post(Event.waiver("2026-02-02", "fee", "5.00", "test"))
    assert l.balances.fees == M("15.00")
    # More than the balance is refused.
    with pytest.raises(InvalidArgumentError) as err:
        l.post(Event.waiver("2026-02-02", "fee", "15.01", "test"))
    assert err.value.field == "amount"
    l.post(Event.adjustment("2026-02-03", "fee", "-15.00", "test"))
    assert l.balances.fees == M("0.00")
    l.post(pay("2026-02-04", "P", "130.00"))
    assert l.balances.credit == M("30.00")
    assert l.status.name == "paid_in_full"
    with pytest.raises(InvalidArgumentError) as err:
        l.post(Event.refund("2026-02-05", "30.01"))
    assert err.value.field == "amount"
    l.post(Event.refund("2026-02-05", "30.00"))
    assert l.balances.credit == M("0.00")
    # After paid in full, no more charges.
    with pytest.raises(InvalidArgumentError) as err:
        l.post(Event.fee("2026-02-06", "fee", "1.00", "late"))
    assert err.value.field == "status"
    t = l.totals
    assert t.payments - t.refunds == sum(t.paid.values()) + l.balances.credit


def test_extension_moves_unpaid_obligations() -> None:
    l = ledger("200.00", terms("0"))
    l.post_all([ob("2026-01-31", "100.00"), ob("2026-02-28", "100.00")])
    assert l.days_past_due("2026-02-10") == 10
    l.post(Event.extension("2026-02-05", 30, "hardship"))
    assert l.days_past_due("2026-02-10") == 0
    assert [o[0] for o in l.obligations_on("2026-02-10").obligations] == [D(2026, 3, 2), D(2026, 3, 30)]
    assert l.days_past_due("2026-03-05") == 3
    assert l.aging("2026-03-05", AgingRules()).days_past_due == 3
    assert l.aging("2026-03-05").bucket_label == "1-30"


# ---------------------------------------------------------------- closing events, caps, status


def test_settlement_charge_off_write_off() -> None:
    l = ledger("10000.00", terms("0.073"))
    l.post(ob("2026-01-31", "10000.00"))
    charge_off = Event.charge_off("2026-02-01", "120 days")
    with pytest.raises(InvalidArgumentError) as err:
        l.post(charge_off)
    assert (err.value.field, err.value.value) == ("status", "current -> charged_off")
    l.post(Event.status_change("2026-02-01", "delinquent", "test"))
    l.post(charge_off)
    assert l.status == Status("charged_off")
    # No interest after the charge-off: January's 62.00 (January 1-31) and nothing more.
    assert l.balances_on("2026-06-01").interest == M("62.00")
    l.post(pay("2026-03-01", "P", "6000.00"))
    l.post(Event.settlement("2026-03-01", "60% settlement"))
    assert l.status.name == "settled"
    assert l.balances.owed == M("0")
    settled = [e for e in l.entries if e.kind == "settlement"]
    assert [e.amount for e in settled] == [M("4062.00")]
    with pytest.raises(InvalidArgumentError) as err:
        l.post(Event.write_off("2026-03-02", "x"))
    assert err.value.field == "status"

    w = ledger("500.00", terms("0"))
    w.post(Event.write_off("2026-05-01", "uncollectable"))
    assert (w.status.name, w.balances.owed) == ("written_off", M("0"))
    assert w.totals.forgiven["principal"] == M("500.00")


def test_charge_cap_cuts_charges() -> None:
    # Charges at most 1% of 10,000.00 = 100.00: interest 2.00 a day stops at day 50, then a fee is cut
    # to nothing.
    l = ledger("10000.00", terms("0.073", charge_cap="0.01"))
    l.post(Event.accrue("2026-03-01"))
    assert l.balances.interest == M("100.00")
    assert l.totals.capped == M("18.00")
    l.post(Event.fee("2026-03-02", "fee", "10.00", "dunning"))
    assert l.balances.fees == M("0")
    assert l.entries[-1].capped == M("10.00")
    assert l.totals_on("2026-03-01").capped == M("18.00")


def test_status_changes_are_checked_and_recorded() -> None:
    l = ledger("100.00", terms("0"))
    l.post(Event.status_change("2026-02-01", Status("delinquent"), "test"))
    l.post(Event.status_change("2026-02-02", "in_arrangement", "test"))
    with pytest.raises(InvalidArgumentError) as err:
        l.post(Event.status_change("2026-02-03", "in_arrangement", "test"))
    assert (err.value.field, err.value.value) == ("status", "in_arrangement -> in_arrangement")
    assert len(l.status_history.changes) == 2
    assert l.status_history.status_on("2026-02-01") == Status("delinquent")
    assert [e.status.name for e in l.entries if e.kind == "status"] == ["delinquent", "in_arrangement"]


def test_module_example_payoff() -> None:
    # The core's module example: 3.65% on 1,000.00 is 0.10 a day; 503.00 on January 31 pays 30 days of
    # interest (3.00) and the first 500.00; thirty more days on 500.00 (0.05 a day) make a payoff on
    # March 2 of 501.50.
    l = ledger("1000.00", terms("0.0365"))
    l.post(ob("2026-01-31", "500.00"))
    l.post(ob("2026-03-02", "500.00"))
    assert l.post(pay("2026-01-31", "P-1", "503.00")) == 2
    b = l.balances
    assert (b.principal, b.interest, b.credit) == (M("500.00"), M("0"), M("0"))
    paid = l.payment_entry("P-1")
    assert paid is not None and sum(a.amount for a in paid.allocations) == M("503.00")
    assert l.balances_on("2026-03-02").owed == M("501.50")
    assert l.last_date == D(2026, 1, 31)


# ---------------------------------------------------------------- bad input


def base() -> Ledger:
    l = ledger("100.00", terms("0.05"))
    l.post(ob("2026-01-31", "100.00"))
    l.post(pay("2026-02-01", "P", "10.00"))
    return l


BAD_EVENTS = [
    (pay("2026-02-02", "Z", "0"), InvalidArgumentError, "amount", "0"),
    (pay("2026-02-02", "Z", "-5.00"), InvalidArgumentError, "amount", "-5.00"),
    (pay("2026-02-02", "Z", "1.001"), InvalidArgumentError, "amount", "1.001"),
    (pay("2026-02-02", "P", "5.00"), InvalidArgumentError, "id", '"P"'),
    (Event.payment("2026-02-02", "E", "5.00", "EUR"), CurrencyMismatchError, "currency", None),
    (pay("2025-12-31", "Z", "5.00"), InvalidArgumentError, "date", "2025-12-31"),
    (Event.reversal("2026-01-15", "P", "too early"), InvalidArgumentError, "date", "2026-01-15"),
    (ob("2026-03-31", "0.01"), InvalidArgumentError, "amount", None),
    (Event.refund("2026-02-02", "1.00"), InvalidArgumentError, "amount", None),
    (Event.extension("2026-02-02", 0, "test"), InvalidArgumentError, "days", "0"),
    (Event.fee("2026-02-02", "interest", "1.00", "x"), InvalidArgumentError, "component", "interest"),
    (Event.fee("2026-02-02", "fee", "1.00", " "), InvalidArgumentError, "reason", '" "'),
    (Event.status_change("2026-02-02", "current", "test"), InvalidArgumentError, "status", None),
    (Event.write_off("2026-02-02", ""), InvalidArgumentError, "reason", '""'),
]


@pytest.mark.parametrize("event, error, field, value", BAD_EVENTS, ids=[e[2] + "-" + e[0].kind for e in BAD_EVENTS])
def test_bad_events_are_refused_and_nothing_changes(
    event: Event, error: Type[CollectionsError], field: str, value: Optional[str]
) -> None:
    l = base()
    snapshot = pickle.loads(pickle.dumps(l))
    entries, balances, events = l.entries, l.balances, l.events
    with pytest.raises(error) as err:
        l.post(event)
    assert err.value.field == field
    if value is not None:
        assert err.value.value == value
    assert l == snapshot and l.entries == entries and l.balances == balances and l.events == events
    # All or nothing: the same event among good ones is refused too.
    with pytest.raises(error) as err:
        l.post_all([pay("2026-02-03", "OK", "1.00"), event])
    assert err.value.field == field
    assert l == snapshot and l.entries == entries
    # Nor can a ledger be built with it.
    with pytest.raises(error):
        Ledger(l.account, [*l.events, event])


def test_an_event_that_fails_later_in_the_replay_is_refused() -> None:
    # A back-dated refund-sized payment reversal: reversing P makes February's refund exceed the credit.
    l = ledger("100.00", terms("0"))
    l.post_all([ob("2026-01-31", "100.00"), pay("2026-01-31", "P", "130.00"), Event.refund("2026-02-05", "30.00")])
    snapshot = pickle.loads(pickle.dumps(l))
    with pytest.raises(InvalidArgumentError) as err:
        l.post(Event.reversal("2026-02-01", "P", "NSF"))
    assert err.value.field == "amount"
    assert err.value.value is not None and "replaying event #2" in err.value.value
    assert l == snapshot and l.entries == snapshot.entries


def test_bad_terms_and_accounts() -> None:
    # Overlapping freezes, a rate history starting after the opening, rates out of order, none,
    # negative.
    with pytest.raises(InvalidArgumentError) as err:
        terms("0", freezes=[("2026-01-01", "2026-01-10"), ("2026-01-10", "2026-01-20")])
    assert err.value.field == "freezes"
    late = Terms([("2026-01-02", "0.05")])
    with pytest.raises(InvalidArgumentError) as err:
        LedgerAccount("A", "USD", "2026-01-01", "1.00", late)
    assert (err.value.field, err.value.value) == ("rates", "2026-01-02")
    with pytest.raises(InvalidArgumentError) as err:
        Terms([("2026-02-01", "0.05"), ("2026-01-01", "0.04")])
    assert (err.value.field, err.value.value) == ("rates", "#1 2026-01-01 after 2026-02-01")
    with pytest.raises(InvalidArgumentError) as err:
        Terms([])
    assert (err.value.field, err.value.value) == ("rates", "[]")
    with pytest.raises(InvalidArgumentError) as err:
        terms("-0.01")
    assert err.value.field == "rates"
    cases: List[Tuple[Callable[[], Any], Type[CollectionsError], str]] = [
        (lambda: terms(0.05), InvalidArgumentError, "rates"),  # type: ignore[arg-type]
        (lambda: Terms("0.05"), InvalidArgumentError, "rates"),  # type: ignore[arg-type]
        (lambda: terms("0", penalty_rate="101"), InvalidArgumentError, "penalty_rate"),
        (lambda: terms("0", penalty_after_days=30), InvalidArgumentError, "penalty_after_days"),
        (lambda: terms("0", penalty_rate="0.1", penalty_after_days=-1), InvalidArgumentError, "penalty_after_days"),
        (lambda: terms("0", max_rate="-1"), InvalidArgumentError, "max_rate"),
        (lambda: terms("0", charge_cap="1001"), InvalidArgumentError, "charge_cap"),
        (lambda: terms("0", day_count="act/999"), InvalidArgumentError, "day_count"),
        (lambda: terms("0", interest_mode="monthly"), InvalidArgumentError, "interest_mode"),
        (lambda: terms("0", late_fee="25"), InvalidArgumentError, "late_fee"),
        (lambda: terms("0", allocation="principal-first"), InvalidArgumentError, "allocation"),
        (lambda: terms("0", scope="newest_first"), InvalidArgumentError, "scope"),
        (lambda: terms("0", allocation=[]), InvalidArgumentError, "allocation"),
        (lambda: terms("0", allocation=[("due", "fee"), ("due", "fee")]), InvalidArgumentError, "allocation"),
        (lambda: terms("0", allocation=[("overdue", "fee")]), InvalidArgumentError, "allocation"),
        (lambda: terms("0", allocation=[("due", "fee")], scope="oldest_first"), InvalidArgumentError, "scope"),
        (lambda: terms("0", overpayment="refund"), InvalidArgumentError, "overpayment"),
        (lambda: terms("0", rounding="sideways"), InvalidArgumentError, "rounding"),
        (lambda: terms("x"), InvalidDecimalError, "rates"),
        (lambda: Terms([("2026-02-30", "0")]), InvalidDateError, "rates"),
        (lambda: LateFeeRule(percent="1.5"), InvalidArgumentError, "late_fee.percent"),
        (lambda: LateFeeRule(minimum="10", maximum="5"), InvalidArgumentError, "late_fee.maximum"),
        (lambda: LateFeeRule(component="interest"), InvalidArgumentError, "late_fee.component"),
        (lambda: LateFeeRule(flat=1.5), InvalidArgumentError, "late_fee.flat"),  # type: ignore[arg-type]
        (lambda: LedgerAccount(" ", "USD", "2026-01-01", "1", terms("0")), InvalidArgumentError, "id"),
        (lambda: LedgerAccount("A", "USD", "2026-01-01", "0", terms("0")), InvalidArgumentError, "principal"),
        (lambda: LedgerAccount("A", "USD", "2026-01-01", "1.001", terms("0")), InvalidArgumentError, "principal"),
        (lambda: LedgerAccount("A", "USD", "2026-01-01", "1e16", terms("0")), InvalidArgumentError, "principal"),
        (lambda: LedgerAccount("A", "USD", "2026-01-01", 1.0, terms("0")), InvalidArgumentError, "principal"),  # type: ignore[arg-type]
        (lambda: LedgerAccount("A", "EUR", "2026-01-01", Money("1", "USD"), terms("0")), CurrencyMismatchError, "currency"),
        (lambda: LedgerAccount("A", "USD", "2026-01-01", "1", "terms"), InvalidArgumentError, "terms"),  # type: ignore[arg-type]
        (lambda: Ledger("account"), InvalidArgumentError, "account"),  # type: ignore[arg-type]
    ]
    for build, error, field in cases:
        with pytest.raises(error) as caught:
            build()
        assert caught.value.field == field, caught.value


def test_bad_event_arguments() -> None:
    cases: List[Tuple[Callable[[], Any], Type[CollectionsError], str]] = [
        (lambda: Event("loan", "2026-01-01"), InvalidArgumentError, "kind"),
        (lambda: Event("payment", "2026-01-01", id="P", currency="USD"), InvalidArgumentError, "amount"),
        (lambda: Event("payment", "2026-01-01", id="P", amount="1"), InvalidArgumentError, "currency"),
        (lambda: Event("obligation", "2026-01-01", amount="1", reason="x"), InvalidArgumentError, "reason"),
        (lambda: Event.obligation("2026-01-01", 1.5), InvalidArgumentError, "amount"),  # type: ignore[arg-type]
        (lambda: Event.obligation("2026-13-01", "1"), InvalidDateError, "date"),
        (lambda: Event.obligation(datetime.datetime(2026, 1, 1), "1"), InvalidArgumentError, "date"),
        (lambda: Event.payment("2026-01-01", "P", "1", "XXX"), CollectionsError, "currency"),
        (lambda: Event.payment("2026-01-01", 7, "1", "USD"), InvalidArgumentError, "id"),  # type: ignore[arg-type]
        (lambda: Event.fee("2026-01-01", "tax", "1", "x"), InvalidArgumentError, "component"),
        (lambda: Event.extension("2026-01-01", -1, "x"), InvalidArgumentError, "days"),
        (lambda: Event.extension("2026-01-01", 2**40, "x"), InvalidArgumentError, "days"),
        (lambda: Event.status_change("2026-01-01", "happy", "x"), InvalidArgumentError, "status"),
        (lambda: Event.status_change("2026-01-01", 3, "x"), InvalidArgumentError, "to"),  # type: ignore[arg-type]
        (lambda: Event.adjustment("2026-01-01", "fee", "1" + "0" * 40, "x"), InvalidDecimalError, "amount"),
    ]
    for build, error, field in cases:
        with pytest.raises(error) as caught:
            build()
        assert caught.value.field == field, caught.value
    l = base()
    calls: List[Callable[[], Any]] = [
        lambda: l.post("payment"),  # type: ignore[arg-type]
        lambda: l.post_all([ob("2026-02-01", "1"), "x"]),  # type: ignore[list-item]
        lambda: l.post_all("x"),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(InvalidArgumentError):
            call()
    methods: List[Callable[[str], Any]] = [l.balances_on, l.totals_on, l.days_past_due, l.obligations_on, l.aging]
    for method in methods:
        with pytest.raises(InvalidArgumentError) as caught:
            method("2025-12-31")
        assert (caught.value.field, caught.value.value) == ("as_of", "2025-12-31")
    assert len(l.events) == 2


def test_amounts_at_the_limit() -> None:
    # 10^15 is the most one event takes; many such payments stay exact or fail cleanly.
    big = "1000000000000000"
    l = ledger(big, terms("100"))
    l.post(ob("2026-01-31", big))
    try:
        b = l.balances_on("9999-12-31")
    except (ArithmeticOverflowError, InvalidArgumentError):
        pass
    else:
        assert b.owed > M(big)
    with pytest.raises(InvalidArgumentError) as err:
        l.post(pay("2026-02-01", "P", "1000000000000000.01"))
    assert err.value.field == "amount"


# ---------------------------------------------------------------- values, pickling, exports


def sample() -> Ledger:
    l = ledger(
        "1000.00",
        terms("0.1", late_fee=LateFeeRule(flat=10, grace_days=5), day_count="ACT/360", rounding="half-even"),
    )
    l.post_all([ob("2026-01-31", "500.00"), ob("2026-02-28", "500.00"), pay("2026-02-20", "P", "300.00")])
    return l


def test_pickle_round_trip_replays() -> None:
    l = sample()
    back = pickle.loads(pickle.dumps(l))
    assert back == l and back is not l
    assert back.entries == l.entries
    assert back.balances == l.balances
    assert back.account == l.account and hash(back.account) == hash(l.account)
    # The copy is independent: posting to it leaves the original as it was.
    back.post(pay("2026-02-28", "Q", "10.00"))
    assert back != l and len(l.events) == 3
    for value in [l.account, l.account.terms, l.account.terms.late_fee, *l.events, *l.entries, l.balances, l.totals]:
        assert pickle.loads(pickle.dumps(value)) == value
    # A tampered state is checked again: the core's validation, not just its deserializer.
    state = l.__reduce__()[1][0]
    with pytest.raises(InvalidArgumentError) as err:
        Ledger._from_state(state.replace('"principal":"1000.00"', '"principal":"-1"'))  # type: ignore[attr-defined]
    assert err.value.field == "principal"
    with pytest.raises(InvalidArgumentError) as err:
        Ledger._from_state("{}")  # type: ignore[attr-defined]
    assert err.value.field == "state"
    terms_state = l.account.terms.__reduce__()[1][0]
    with pytest.raises(InvalidArgumentError) as err:
        Terms._from_state(terms_state.replace('"percent":"0"', '"percent":"5"'))  # type: ignore[attr-defined]
    assert err.value.field == "late_fee.percent"
    with pytest.raises(InvalidArgumentError) as err:
        Terms._from_state(terms_state.replace('"charge_cap":null', '"charge_cap":"-1"'))  # type: ignore[attr-defined]
    assert err.value.field == "charge_cap"
    with pytest.raises(InvalidArgumentError) as err:
        Terms._from_state(terms_state.replace('"0.1"', '"-0.1"'))  # type: ignore[attr-defined]
    assert err.value.field == "state"  # the rate history's own deserializer refuses it


def test_values_and_to_dict() -> None:
    l = sample()
    t = l.account.terms
    assert Terms(**t.to_dict()) == t
    assert t.day_count == "ACT/360" and t.rounding == "half-even" and t.penalty_after_days is None
    assert LateFeeRule(**t.late_fee.to_dict()) == t.late_fee  # type: ignore[union-attr]
    assert LedgerAccount(**l.account.to_dict()) == l.account
    for e in l.events:
        assert Event(**e.to_dict()) == e
    assert Event("Charge Off", "2026-01-01", reason="x") == Event.charge_off("2026-01-01", "x")
    # Every kind the core has, built from its name, reports that name.
    samples: Dict[str, Dict[str, Any]] = {
        "obligation": dict(amount="1"), "accrue": {}, "fee": dict(component="fee", amount="1", reason="x"),
        "payment": dict(id="P", amount=Money("1", "USD")), "reversal": dict(payment_id="P", reason="x"),
        "refund": dict(amount="1"), "waiver": dict(component="fee", amount="1", reason="x"),
        "adjustment": dict(component="fee", amount="-1", reason="x"), "extension": dict(days=3, reason="x"),
        "settlement": dict(reason="x"), "charge_off": dict(reason="x"), "write_off": dict(reason="x"),
        "status_change": dict(to="legal", reason="x"),
    }
    assert sorted(samples) == sorted(EVENT_KINDS)
    for kind, fields in samples.items():
        e = Event(kind, "2026-01-01", **fields)
        assert e.kind == kind and Event(**e.to_dict()) == e and hash(e) == hash(Event(**e.to_dict()))
    d = l.to_dict()
    assert Ledger(d["account"], d["events"]) == l
    assert d["balances"] == l.balances and d["status"] == l.status and d["totals"] == l.totals
    assert repr(l).startswith("<Ledger 'A-1' USD opened 2026-01-01: 3 events")
    with pytest.raises(TypeError):
        hash(l)
    assert l != "ledger"
    assert set(l.totals.charged) == set(COMPONENTS)
    assert ALLOCATION_ORDERS[0] == "fees-interest-principal" and SCOPES == ("oldest_first", "component_first")
    assert OVERPAYMENT_RULES == ("hold_as_credit", "reduce_term", "reduce_payment")
    assert INTEREST_MODES == ("simple", "compound_at_due_dates")
    assert TIMINGS == ("past_due", "due", "not_yet_due")


def test_entries_and_allocations_as_tables() -> None:
    pa = pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    l = sample()
    entries = l.entries
    table = l.entries_to_arrow()
    assert table.num_rows == len(entries)
    assert table.column_names == [
        "entry", "date", "kind", "event", "amount", "to_credit", "capped",
        "principal", "interest", "fees", "penalties", "credit", "owed", "status",
    ]
    assert table.schema.field("amount").type == pa.decimal128(38, 2)
    assert table.schema.field("date").type == pa.date32()
    rows = table.to_pylist()
    for i, (row, e) in enumerate(zip(rows, entries)):
        assert row["entry"] == i and row["date"] == e.date and row["kind"] == e.kind
        assert row["event"] == e.event and row["amount"] == e.amount and row["status"] == e.status.name
        assert (row["principal"], row["interest"], row["fees"], row["penalties"], row["credit"], row["owed"]) == (
            e.balances.principal, e.balances.interest, e.balances.fees, e.balances.penalties,
            e.balances.credit, e.balances.owed,
        )
    # The terms' own entries (interest, late fees) have no event.
    assert any(r["event"] is None for r in rows) and any(r["kind"] == "late_fee" for r in rows)
    alloc = l.allocations_to_arrow().to_pylist()
    assert alloc == [
        {"entry": i, "component": a.component, "due_date": a.due_date, "amount": a.amount}
        for i, e in enumerate(entries)
        for a in e.allocations
    ]
    paid = sum(r["amount"] for r in alloc if entries[r["entry"]].kind == "payment")
    payment = l.payment_entry("P")
    assert payment is not None and paid + payment.to_credit == M("300.00")
    df = l.entries_to_pandas()
    assert list(df.columns) == table.column_names and len(df) == len(entries)
    assert df["owed"].iloc[-1] == l.balances.owed
    assert str(df["amount"].dtype).startswith("decimal128(38, 2)")
    adf = l.allocations_to_pandas()
    assert len(adf) == len(alloc)
    # An empty ledger gives empty tables with the same columns.
    empty = ledger("1.00", terms("0"))
    assert empty.entries_to_arrow().num_rows == len(empty.entries)
    assert empty.allocations_to_arrow().num_rows == 0


def test_entries_as_html() -> None:
    l = sample()
    html = l._repr_html_()
    assert html.startswith("<div") and html.endswith("</div>")
    assert html.count("<tr><td") == len(l.entries)
    assert "<p>" + repr(l)[1:-1].replace("'", "&#39;") + "</p>" in html
    assert "<td>late_fee</td>" in html and "&lt;NA&gt;" in html
    # A long journal shows its first and last ten entries.
    many = ledger("10000.00", terms("0.073"))
    many.post_all([ob(f"2026-{m:02d}-01", "100.00") for m in range(2, 13)])
    many.post_all([Event.accrue(f"2026-{m:02d}-15") for m in range(2, 13)])
    html = many._repr_html_()
    assert f"{len(many.entries) - 20} more rows" in html
    assert html.count("<tr><td") == 21
