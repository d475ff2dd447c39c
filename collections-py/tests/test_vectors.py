"""Runs every case of every file in tests/vectors/ through the Python API.

The Rust and C suites run the same files, so the three surfaces are held to the same answers. An unknown
``op`` fails, so a new kind of case cannot be skipped silently.
"""

from __future__ import annotations

import datetime
import json
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import pytest

import collections_core as cc
from collections_core import affordability as afford
from collections_core import contact
from collections_core import debt, finance
from collections_core import plan

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"
FILES = sorted(VECTORS.glob("*.json"))

ERRORS: Dict[str, type[cc.CollectionsError]] = {
    "invalid_argument": cc.InvalidArgumentError,
    "invalid_decimal": cc.InvalidDecimalError,
    "invalid_date": cc.InvalidDateError,
    "unknown_currency": cc.UnknownCurrencyError,
    "currency_mismatch": cc.CurrencyMismatchError,
    "invalid_rate": cc.InvalidRateError,
    "overflow": cc.ArithmeticOverflowError,
    "date_out_of_range": cc.DateOutOfRangeError,
    "no_solution": cc.NoSolutionError,
}

Case = Dict[str, Any]


def load_cases() -> List[Any]:
    params = []
    for path in FILES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(doc["cases"]):
            params.append(pytest.param(case, id=f"{path.stem}-{i:03d}-{case.get('op', '?')}"))
    return params


CASES = load_cases()


def text(value: Decimal) -> str:
    """Canonical decimal text, without exponent notation: Decimal('2.50') -> '2.50'."""
    return format(value, "f")


def rounded(value: Decimal, places: int) -> str:
    return text(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN))


def calendar(case: Case) -> cc.HolidayCalendar:
    if case["calendar"] == "custom":
        return cc.HolidayCalendar(weekend=case["weekend"], holidays=case["holidays"])
    return cc.HolidayCalendar.builtin(case["calendar"])


def day_count(case: Case) -> cc.DayCount:
    keys = ("reference_start", "reference_end", "frequency", "maturity", "end_of_month_rule")
    return cc.DayCount(case["convention"], **{k: case[k] for k in keys if k in case})


def compounding(case: Case) -> Dict[str, Any]:
    if case.get("continuous"):
        return {"continuous": True}
    return {"periods_per_year": case["periods_per_year"]}


def year_fraction(case: Case) -> Dict[str, Any]:
    dc = day_count(case)
    out: Dict[str, Any] = {"days": dc.days(case["start"], case["end"])}
    fraction = dc.year_fraction(case["start"], case["end"])
    if "year_fraction" in case:
        out["year_fraction"] = rounded(fraction, case["places"])
    return out


def date_schedule(case: Case) -> Dict[str, Any]:
    end = {"count": case["count"]} if "count" in case else {"until": case["until"]}
    dates = cc.date_schedule(
        case["start"], case["frequency"], end_of_month=case.get("end_of_month", False), **end
    )
    out: Dict[str, Any] = {"expected": [d.isoformat() for d in dates]}
    if "calendar" in case:
        adjusted = calendar(case).adjust_all(dates, case["convention"])
        out["adjusted"] = [d.isoformat() for d in adjusted]
    return out


# finance.json: each op's arguments, by numpy-financial's (or pyxirr's) names, in call order.
FINANCE_ARGS: Dict[str, tuple[str, ...]] = {
    "fv": ("rate", "nper", "pmt", "pv", "when"),
    "pv": ("rate", "nper", "pmt", "fv", "when"),
    "pmt": ("rate", "nper", "pv", "fv", "when"),
    "nper": ("rate", "pmt", "pv", "fv", "when"),
    "ipmt": ("rate", "per", "nper", "pv", "fv", "when"),
    "ppmt": ("rate", "per", "nper", "pv", "fv", "when"),
    "rate": ("nper", "pmt", "pv", "fv", "when"),
    "cumipmt": ("rate", "nper", "pv", "start_period", "end_period", "when"),
    "cumprinc": ("rate", "nper", "pv", "start_period", "end_period", "when"),
    "npv": ("rate", "values"),
    "irr": ("values",),
    "mirr": ("values", "finance_rate", "reinvest_rate"),
}


def finance_op(op: str) -> Callable[[Case], str]:
    """A finance.json op: the function called with the case's arguments by keyword, rounded to ``places``.

    Every argument and ``places`` must be in the case, as the Rust suite requires: a case that left one
    out would otherwise get Python's default, or be rounded to a whole number, and could pass here alone.
    """
    function = getattr(finance, op)

    def run(case: Case) -> str:
        kwargs = {name: case[name] for name in FINANCE_ARGS[op]}
        return rounded(function(**kwargs), case["places"])

    return run


def dated(case: Case) -> Dict[str, Any]:
    """xnpv/xirr arguments: the case's ``[date, amount]`` flows as pyxirr's dates and amounts."""
    return {
        "dates": [date for date, _ in case["flows"]],
        "amounts": [amount for _, amount in case["flows"]],
        "day_count": case["day_count"],
    }


def split_flows(flows: List[List[str]]) -> tuple[List[str], List[str]]:
    """``[[date, amount], ...]`` as the dates and the amounts."""
    return [date for date, _ in flows], [amount for _, amount in flows]


def apr_regulation_z(case: Case) -> Dict[str, Any]:
    """apr.json's Regulation Z case: the APR rounded to ``places``, the unit period and the irregular test."""
    kwargs = {"unit_period": case["unit_period"]} if "unit_period" in case else {}
    result = finance.apr_regulation_z(
        *split_flows(case["advances"]), *split_flows(case["payments"]), **kwargs
    )
    return {
        "expected": rounded(result.apr, case["places"]),
        "expected_unit_period": result.unit_period,
        "expected_irregular": result.irregular,
    }


def aprc_eu(case: Case) -> str:
    """apr.json's EU case: the APRC in percent, already rounded half up to ``decimals`` by the function."""
    result = finance.aprc_eu(
        *split_flows(case["drawdowns"]),
        *split_flows(case["payments"]),
        basis=case["basis"],
        decimals=case["decimals"],
    )
    return text(result.percent)


# schedules.json: the keys of a case that are not amortize's arguments.
SCHEDULE_META = {"op", "source", "note", "error", "error_field", "exact_text", "reamortize"}


def row_values(row: cc.ScheduleRow, wanted: Case) -> Dict[str, Any]:
    """The keys of a partial expected row, read from ``row``: amounts as exact text, dates as ISO text."""
    out: Dict[str, Any] = {}
    for key in wanted:
        value = wanted["number"] if key == "number" else getattr(row, key)
        if isinstance(value, Decimal):
            value = text(value)
        elif key == "due_date":
            value = value.isoformat()
        out[key] = value
    return out


def amortize(case: Case) -> Dict[str, Any]:
    """schedules.json: the case's terms are amortize's keyword arguments, by the same names; the
    expected rows are picked by number (negative from the end)."""
    terms = {k: v for k, v in case.items() if k not in SCHEDULE_META and not k.startswith("expected")}
    schedule = cc.amortize(**terms)
    if "reamortize" in case:
        change = dict(case["reamortize"])
        schedule = schedule.reamortize(change.pop("from_row"), **change)
    rows = schedule.rows
    picked: List[Any] = []
    for wanted in case.get("expected_rows", []):
        number = wanted["number"]
        index = number if number < 0 else number - 1
        picked.append(row_values(rows[index], wanted) if -len(rows) <= index < len(rows) else None)
    level = schedule.level_payment
    return {
        "expected_level_payment": None if level is None else text(level),
        "expected_row_count": len(rows),
        "expected_rows": picked,
        "expected_totals": {k: text(v) for k, v in schedule.totals.to_dict().items()},
    }


# ---------------------------------------------------------------- debts
# Each function mirrors its op in collections-core/tests/vectors.rs: the same defaults where a case leaves
# a field out, and the same result keys. Amounts are the canonical text of the core's Decimal.


def date_text(value: Optional[datetime.date]) -> Optional[str]:
    return None if value is None else value.isoformat()


def statutory(case: Case) -> Dict[str, Any]:
    """late_interest.json's statutory case: the built-in tables; options left out are ``None`` (the
    core's defaults), as in the Rust suite."""
    r = debt.statutory_interest(
        case["statute"],
        case["debtor"],
        case["principal"],
        case["currency"],
        case["due_date"],
        case["through"],
        margin_points=case.get("margin_points"),
        obligation_date=case.get("obligation_date"),
        day_count=case.get("day_count"),
        rounding=case.get("rounding", "half-up"),
    )
    fixed = r.fixed_compensation
    return {
        "expected_interest": text(r.interest),
        "expected_days": r.days,
        "expected_fixed_compensation": None
        if fixed is None
        else {"amount": text(fixed.amount), "currency": fixed.currency.code},
        "expected_any_unverified": r.any_unverified,
        "expected_segments": [
            {
                "from": s.from_date.isoformat(),
                "to": s.to_date.isoformat(),
                "days": s.days,
                "rate_percent": text(s.rate_percent),
                "year_basis": s.year_basis,
            }
            for s in r.segments
        ],
    }


def erpnext(case: Case) -> Dict[str, Any]:
    r = debt.erpnext_dunning(
        case["outstanding"],
        case["annual_rate_percent"],
        case["due_date"],
        case["posting_date"],
        currency=case["currency"],
        dunning_fee=case["dunning_fee"],
        earlier_dunnings=case.get("earlier_dunnings", 0),
        rounding=case.get("rounding", "half-up"),
    )
    return {
        "expected_overdue_days": r.overdue_days,
        "expected_interest": text(r.interest),
        "expected_dunning_amount": text(r.dunning_amount),
        "expected_level": r.level,
    }


def finance_charge(case: Case) -> Dict[str, Any]:
    terms = debt.FinanceChargeTerms(
        case["method"],
        case["interest_rate_percent"],
        case.get("interest_period_days", 30),
        grace_days=case.get("grace_days", 0),
        minimum_amount=case.get("minimum_amount", 0),
        additional_fee=case.get("additional_fee", 0),
    )
    c = terms.charge(
        case["remaining"],
        case["due_date"],
        case["as_of"],
        currency=case["currency"],
        rounding=case.get("rounding", "half-up"),
    )
    return {
        "expected_days_overdue": c.days_overdue,
        "expected_charged": c.charged,
        "expected_interest": text(c.interest),
        "expected_total": text(c.total),
    }


def average_daily_balance(case: Case) -> str:
    return text(
        debt.average_daily_balance_interest(
            [(amount, days) for amount, days in case["items"]],
            case["rate_percent"],
            case["interest_period_days"],
            case["currency"],
            rounding=case.get("rounding", "half-up"),
        )
    )


def dunning_level(level: Case) -> debt.DunningLevel:
    """A policy level; its ``interest`` object's ``method`` is the ``interest`` argument, the rest of it
    the keyword arguments of the same names."""
    interest = dict(level.get("interest", {}))
    method = interest.pop("method", None)
    return debt.DunningLevel(
        level["days_overdue"],
        level["action"],
        grace_days=level.get("grace_days", 0),
        fee=level.get("fee", 0),
        minimum_outstanding=level.get("minimum_outstanding", 0),
        interest=method,
        **interest,
    )


def invoice(inv: Case, policy_currency: str) -> debt.Invoice:
    """An invoice in the policy's currency unless it names one; a payment in the invoice's currency
    unless it names one (then a ``Money``)."""
    payments = [
        (p["date"], cc.Money(p["amount"], p["currency"]) if "currency" in p else p["amount"])
        for p in inv.get("payments", [])
    ]
    return debt.Invoice(
        inv["id"],
        inv["customer_id"],
        inv["amount"],
        inv["due_date"],
        currency=inv.get("currency", policy_currency),
        payments=payments,
        dunning_level=inv.get("dunning_level", 0),
        blocked=inv.get("blocked", False),
    )


def dunning_totals(t: debt.DunningTotals) -> Dict[str, Any]:
    return {
        "invoices": t.invoices,
        "notices": t.notices,
        "outstanding": text(t.outstanding),
        "fee": text(t.fee),
        "interest": text(t.interest),
        "total": text(t.total),
    }


def pick(values: Dict[str, Any], wanted: Any) -> Dict[str, Any]:
    """The keys of a partial expected object (every one must be a key the surface answers), or all of
    them where the case states no object at that position."""
    if not isinstance(wanted, dict):
        return values
    unknown = set(wanted) - set(values)
    assert not unknown, f"unknown fields {sorted(unknown)}"
    return {key: values[key] for key in wanted}


def dunning(case: Case) -> Dict[str, Any]:
    p = case["policy"]
    policy = debt.DunningPolicy(
        p["currency"],
        [dunning_level(level) for level in p["levels"]],
        one_level_at_a_time=p.get("one_level_at_a_time", True),
    )
    invoices = [invoice(i, p["currency"]) for i in case["invoices"]]
    run = debt.dunning_run(invoices, policy, case["as_of"])
    wanted_lines = case.get("expected_lines", [])
    lines = [
        pick(
            {
                "invoice_id": line.invoice_id,
                "invoice_index": line.invoice_index,
                "outstanding": text(line.outstanding),
                "days_overdue": line.days_overdue,
                "outcome": line.outcome,
                "level": line.level,
                "action": line.action,
                "fee": text(line.fee),
                "interest": text(line.interest),
                "total": text(line.total),
                "unverified_rate": line.unverified_rate,
            },
            wanted_lines[i] if i < len(wanted_lines) else None,
        )
        for i, line in enumerate(run.lines)
    ]
    # A customer's first line as its position in the run (the Rust suite's range start).
    position = {line.invoice_index: i for i, line in enumerate(run.lines)}
    wanted_customers = case.get("expected_customers", [])
    customers = [
        pick(
            {
                **dunning_totals(c.totals),
                "customer_id": c.customer_id,
                "first_line": position[c.lines[0].invoice_index] if c.lines else None,
                "n_lines": len(c.lines),
            },
            wanted_customers[i] if i < len(wanted_customers) else None,
        )
        for i, c in enumerate(run.customers)
    ]
    return {
        "expected_lines": lines,
        "expected_customers": customers,
        "expected_totals": dunning_totals(run.totals),
    }


def aging_rules(case: Case) -> debt.AgingRules:
    tolerance = case.get("tolerance")
    return debt.AgingRules(
        case.get("method", "per-installment"),
        "none" if tolerance is None else tolerance["kind"],
        None if tolerance is None else tolerance.get("value"),
        case.get("grace_days", 0),
        case.get("bucket_upper_bounds"),
    )


def aging_account(account: Case) -> debt.Account:
    return debt.Account(
        [tuple(o) for o in account["obligations"]],
        frozen_periods=[tuple(r) for r in account.get("frozen", [])],
    )


def limitation_period(name: str) -> Dict[str, int]:
    """``"years:6"`` as ``time_bar``'s ``years=6``."""
    unit, n = name.split(":")
    assert unit in ("years", "months", "days"), f"unknown limitation unit {unit!r}"
    return {unit: int(n)}


def age_portfolio(case: Case, rules: debt.AgingRules) -> Dict[str, Any]:
    """``age_accounts`` over columns, one row per obligation in the order listed, the account's position
    as its id and its frozen periods by that id."""
    ids: List[int] = []
    rows: List[List[str]] = []
    frozen: Dict[int, List[tuple[str, str]]] = {}
    for k, account in enumerate(case["accounts"]):
        # The columns cannot carry an account without rows: fail rather than age a different portfolio.
        if not account["obligations"]:
            pytest.fail("age_accounts cannot take an account without obligations (#%d)" % k)
        for o in account["obligations"]:
            ids.append(k)
            rows.append(o)
        if "frozen" in account:
            frozen[k] = [(start, end) for start, end in account["frozen"]]
    p = debt.age_accounts(
        ids,
        [o[0] for o in rows],
        [o[1] for o in rows],
        [o[2] for o in rows],
        case["as_of"],
        rules=rules,
        frozen_periods=frozen,
    )
    return {
        "expected_accounts": [[p[i].days_past_due, p[i].bucket] for i in range(len(p))],
        "expected_totals": [
            {"accounts": t.accounts, "outstanding": text(t.outstanding), "past_due": text(t.past_due)}
            for t in p.bucket_totals
        ],
    }


def aging(case: Case) -> Dict[str, Any]:
    rules = aging_rules(case)
    if case["op"] == "age_portfolio":
        return age_portfolio(case, rules)
    account = aging_account(case)
    if case["op"] == "age_account":
        a = account.age(case["as_of"], rules)
        return {
            "expected_days_past_due": a.days_past_due,
            "expected_counting_from": date_text(a.counting_from),
            "expected_bucket": a.bucket,
            "expected_bucket_label": a.bucket_label,
            "expected_past_due_amount": text(a.past_due_amount),
            "expected_tolerated_shortfall": text(a.tolerated_shortfall),
            "expected_outstanding": text(a.outstanding),
            # by label, in the rules' bucket order
            "expected_past_due_by_bucket": [text(a.past_due_by_bucket[b]) for b in rules.bucket_labels],
        }
    if case["op"] == "charge_off":
        c = account.charge_off(
            case["as_of"],
            case["credit_type"],
            rules=rules,
            closed_end_days=case.get("closed_end_days", 120),
            open_end_days=case.get("open_end_days", 180),
        )
        return {
            "expected_threshold_days": c.threshold_days,
            "expected_days_past_due": c.days_past_due,
            "expected_eligible": c.eligible,
            "expected_eligible_on": date_text(c.eligible_on),
        }
    assert case["op"] == "time_bar"
    t = account.time_bar(
        case["as_of"],
        limitation_start=case["limitation_start"],
        rules=rules,
        last_payment=case.get("last_payment"),
        last_acknowledgment=case.get("last_acknowledgment"),
        **limitation_period(case["limitation_period"]),
    )
    return {
        "expected_start": date_text(t.start),
        "expected_barred_on": date_text(t.barred_on),
        "expected_time_barred": t.time_barred,
    }


def transition(case: Case) -> bool:
    debt.transition(case["from"], case["to"], case["date"], case["reason"])
    return True


def status_history(case: Case) -> Dict[str, Any]:
    """The changes applied one by one (the first refused one raises)."""
    h = debt.StatusHistory(case["initial"], case["opened_on"])
    for c in case["changes"]:
        h = h.change(c["to"], c["date"], c["reason"])
    returns_to = h.returns_to
    on = []
    for d, _ in case.get("expected_status_on", []):
        status = h.status_on(d)
        on.append([d, None if status is None else status.name])
    return {
        "expected_current": h.current.name,
        "expected_change_count": len(h.changes),
        "expected_returns_to": None if returns_to is None else returns_to.name,
        "expected_status_on": on,
    }


def ledger_terms(t: Case) -> debt.Terms:
    """ledger.json's terms as ``Terms``' keyword arguments (the names match, but for ``penalty_rate``'s
    object and ``allocation``'s); what a case leaves out is the core's default."""
    options: Dict[str, Any] = {}
    if "penalty_rate" in t:
        options["penalty_rate"] = t["penalty_rate"]["rate"]
        options["penalty_after_days"] = t["penalty_rate"]["after_days"]
    for key in ("max_rate", "charge_cap", "day_count", "interest_mode", "overpayment", "rounding"):
        if key in t:
            options[key] = t[key]
    if "freezes" in t:
        options["freezes"] = [(start, end) for start, end in t["freezes"]]
    if "late_fee" in t:
        # flat, percent, minimum, maximum, grace_days, component: LateFeeRule's own names and defaults.
        options["late_fee"] = debt.LateFeeRule(**t["late_fee"])
    if "allocation" in t:
        a = t["allocation"]
        if "advanced" in a:
            options["allocation"] = [(timing, component) for timing, component in a["advanced"]]
        else:
            options["allocation"] = a["order"]
            options["scope"] = a["scope"]
    return debt.Terms([(date, rate) for date, rate in t["rates"]], **options)


# ledger.json's event types: each an Event constructor with the event's fields, in its argument order.
EVENTS: Dict[str, Callable[[Case, str], debt.Event]] = {
    "obligation": lambda e, _: debt.Event.obligation(e["date"], e["amount"]),
    "accrue": lambda e, _: debt.Event.accrue(e["date"]),
    "fee": lambda e, _: debt.Event.fee(e["date"], e["component"], e["amount"], e["reason"]),
    # A payment is in the account's currency unless it names one.
    "payment": lambda e, currency: debt.Event.payment(
        e["date"], e["id"], e["amount"], e.get("currency", currency)
    ),
    "reversal": lambda e, _: debt.Event.reversal(e["date"], e["payment_id"], e["reason"]),
    "refund": lambda e, _: debt.Event.refund(e["date"], e["amount"]),
    "waiver": lambda e, _: debt.Event.waiver(e["date"], e["component"], e["amount"], e["reason"]),
    "adjustment": lambda e, _: debt.Event.adjustment(e["date"], e["component"], e["amount"], e["reason"]),
    "extension": lambda e, _: debt.Event.extension(e["date"], e["days"], e["reason"]),
    "settlement": lambda e, _: debt.Event.settlement(e["date"], e["reason"]),
    "charge_off": lambda e, _: debt.Event.charge_off(e["date"], e["reason"]),
    "write_off": lambda e, _: debt.Event.write_off(e["date"], e["reason"]),
    "status_change": lambda e, _: debt.Event.status_change(e["date"], e["to"], e["reason"]),
}


def balances(b: debt.Balances) -> Dict[str, str]:
    return {
        "principal": text(b.principal),
        "interest": text(b.interest),
        "fees": text(b.fees),
        "penalties": text(b.penalties),
        "credit": text(b.credit),
    }


def post_events(ledger: debt.Ledger, events: List[Case], currency: str) -> None:
    """Posts each event alone (``post``, never ``post_all``). An event marked ``refused`` must be refused
    with that error kind (and field), leaving the ledger exactly as it was; any other error is the
    case's outcome."""
    for i, e in enumerate(events):
        kind = e["type"]
        if kind not in EVENTS:
            pytest.fail(f"unknown event type {kind!r}")
        refused = e.get("refused")
        before = (ledger.events, ledger.entries)
        try:
            ledger.post(EVENTS[kind](e, currency))
        except cc.CollectionsError as err:
            if refused is None:
                raise
            field = e.get("refused_field")
            assert isinstance(err, ERRORS[refused]) and field in (None, err.field), (
                f"event {i}: expected a refusal {refused} {field!r}, got {type(err).__name__} {err.field!r}: {err}"
            )
            assert (ledger.events, ledger.entries) == before, f"event {i} was refused but changed the ledger"
            continue
        if refused is not None:
            pytest.fail(f"event {i} was accepted; expected a refusal {refused}")


def ledger_case(case: Case) -> Dict[str, Any]:
    """ledger.json: the account and terms built (a case-level error if they cannot be), the events
    posted one at a time, then every expected value read from the ledger."""
    a = case["account"]
    account = debt.LedgerAccount(a["id"], a["currency"], a["opened"], a["principal"], ledger_terms(case["terms"]))
    ledger = debt.Ledger(account)
    post_events(ledger, case["events"], a["currency"])
    on = []
    for c in case.get("expected_on", []):
        point: Dict[str, Any] = {"as_of": c["as_of"]}
        if "balances" in c:
            point["balances"] = balances(ledger.balances_on(c["as_of"]))
        if "days_past_due" in c:
            point["days_past_due"] = ledger.days_past_due(c["as_of"])
        on.append(point)
    # The payments posted (refused ones are not), by id; only those the case names are compared.
    ids = [e["id"] for e in case["events"] if e["type"] == "payment" and "refused" not in e]
    allocations: Dict[str, Any] = {}
    to_credit: Dict[str, Any] = {}
    for id in ids:
        entry = ledger.payment_entry(id)
        if entry is not None:
            allocations[id] = [[x.component, date_text(x.due_date), text(x.amount)] for x in entry.allocations]
            to_credit[id] = text(entry.to_credit)
    t = ledger.totals
    return {
        "expected_balances": balances(ledger.balances),
        "expected_status": ledger.status.name,
        "expected_on": on,
        "expected_allocations": {k: v for k, v in allocations.items() if k in case.get("expected_allocations", {})},
        "expected_to_credit": {k: v for k, v in to_credit.items() if k in case.get("expected_to_credit", {})},
        "expected_entries": [[e.date.isoformat(), e.kind, text(e.amount)] for e in ledger.entries],
        "expected_totals": {
            "charged": {c: text(v) for c, v in t.charged.items()},
            "paid": {c: text(v) for c, v in t.paid.items()},
            "forgiven": {c: text(v) for c, v in t.forgiven.items()},
            "payments": text(t.payments),
            "refunds": text(t.refunds),
            "capped": text(t.capped),
        },
        "expected_reversed": sorted({id for id in ids if ledger.is_reversed(id)}),
    }


def reconcile_case(case: Case) -> Dict[str, Any]:
    """reconcile.json: records built one by one as ``PaymentRecord``s (as the Rust suite builds them with
    ``PaymentRecord::new``), then ``reconcile``; or ``compare_to_expected``."""
    if case["op"] == "reconcile":
        reported = [debt.PaymentRecord(*r) for r in case["reported"]]
        posted = [debt.PaymentRecord(*r) for r in case["posted"]]
        # date_days, amount, match_window_days: Tolerances' own names and defaults.
        tolerances = debt.Tolerances(**case["tolerances"]) if "tolerances" in case else None
        r = debt.reconcile(reported, posted, tolerances)
        return {
            "expected_matched": [list(pair) for pair in r.matched],
            "expected_discrepancies": [
                [d.kind, d.reported, d.posted, None if d.difference is None else text(d.difference), d.resolution]
                for d in r.discrepancies
            ],
        }
    c = debt.compare_to_expected(
        [(date, amount) for date, amount in case["expected"]],
        [(date, amount) for date, amount in case["received"]],
        case.get("grace_days", 0),
        case["as_of"],
    )
    return {
        "expected_installments": [
            [text(o.covered), text(o.shortfall), date_text(o.paid_on), text(o.over), o.status]
            for o in c.installments
        ],
        "expected_unapplied": text(c.unapplied),
    }


# affordability.json: households, items and policies as the README describes them.
def household(h: Case) -> afford.Household:
    keys = ("other_dependants", "non_dependants", "aged_65_or_over", "vehicles", "region")
    return afford.Household(
        h.get("adults", 0),
        h.get("children_under_16", 0),
        h.get("children_16_to_18", 0),
        **{k: h[k] for k in keys if k in h},
    )


def afford_assessment(case: Case) -> afford.Assessment:
    statement = afford.Statement(
        case["date"],
        case["currency"],
        household(case["household"]),
        [tuple(i) for i in case.get("items", [])],
        case.get("rounding", "half-up"),
    )
    g = case.get("guidelines")
    guidelines = None if g is None else afford.Guidelines.irs() if g == "irs" else afford.Guidelines.from_json(json.dumps(g))
    policy = case.get("policy", {})
    kwargs: Dict[str, Any] = {k: policy[k] for k in ("low_spending_fraction", "debt_administration_fee") if k in policy}
    if "contingency" in policy:
        kwargs["contingency"] = (policy["contingency"]["percent"], policy["contingency"]["cap"])
    return afford.assess(statement, guidelines, **kwargs)


def afford_assess(case: Case) -> Dict[str, Any]:
    a = afford_assessment(case)
    return {
        "expected_income": text(a.income),
        "expected_expenditure": text(a.expenditure),
        "expected_allowable_expenditure": text(a.allowable_expenditure),
        "expected_surplus": text(a.surplus),
        "expected_contingency": text(a.contingency),
        "expected_disposable_income": text(a.disposable_income),
        "expected_table": a.table,
        "expected_guidelines": [
            [g.guideline, g.rule, text(g.actual), text(g.standard), text(g.allowed)] for g in a.guidelines
        ],
        "expected_flags": [[f.guideline, f.kind, text(f.difference)] for f in a.flags],
    }


def afford_fair_share(case: Case) -> Dict[str, Any]:
    kwargs = {k: case[k] for k in ("token_payment", "minimum") if k in case}
    f = afford.fair_share(case["available"], case["currency"], [tuple(c) for c in case["creditors"]], **kwargs)
    return {
        "expected_offers": [[text(o.amount), o.basis] for o in f.offers],
        "expected_total": text(f.total),
        "expected_no_surplus": f.no_surplus,
        "expected_minimum_set_aside": f.minimum_set_aside,
    }


def afford_recommend(case: Case) -> Dict[str, Any]:
    p = case["plan_policy"]
    policy: Any = p if isinstance(p, str) else afford.PlanPolicy(**p)
    plans: List[Any] = []
    for r in afford.recommend(afford_assessment(case), [tuple(d) for d in case["debts"]], policy):
        if r.plan is None:
            plans.append([r.debt, text(r.fair_share), None])
        else:
            pl = r.plan
            plans.append(
                [r.debt, text(r.fair_share), text(pl.payment), pl.term_months, text(pl.final_payment), pl.freeze_interest]
            )
    return {"expected_plans": plans}


def afford_guidelines_csv(case: Case) -> Dict[str, Any]:
    g = afford.Guidelines.from_csv(case["csv"])
    return {"expected_tables": [[t.name, t.effective.isoformat(), t.row_count] for t in g.tables]}


def instant_text(t: datetime.datetime) -> str:
    return t.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z")


def error_result(case: Case, e: cc.CollectionsError) -> Dict[str, Any]:
    """An error as the result ``expected_error`` states (its kind and field), or raised again when the
    case expects none."""
    if "expected_error" not in case:
        raise e
    kind = next((k for k, cls in ERRORS.items() if type(e) is cls), type(e).__name__)
    return {"expected_error": {"kind": kind, "field": e.field}}


def contact_case(case: Case) -> Dict[str, Any]:
    """evaluate and eligible_windows (contact.json): the four inputs from the core's JSON; an error is a
    result too, compared with ``expected_error``."""
    try:
        policy = contact.Policy.from_json(json.dumps(case["policy"]))
        profile = contact.ContactProfile.from_json(json.dumps(case["profile"]))
        history = contact.ContactHistory.from_json(json.dumps(case["history"]))
        request = contact.ContactRequest.from_json(json.dumps(case["request"]))
        out: Dict[str, Any]
        if case["op"] == "evaluate":
            d = contact.evaluate(policy, profile, history, request)
            out = {
                "expected_allowed": d.allowed,
                "expected_rules": [r.rule for r in d.reasons],
                "expected_warnings": [w.code for w in d.warnings],
                "expected_next_eligible": None if d.next_eligible is None else instant_text(d.next_eligible),
            }
        else:
            windows = contact.eligible_windows(policy, profile, history, request, case["days"])
            out = {"expected_windows": [[instant_text(s), instant_text(e)] for s, e in windows]}
    except cc.CollectionsError as e:
        return error_result(case, e)
    if "expected_error" in case:
        out["expected_error"] = None
    return out



def plan_json(cls: Any, value: Any) -> Any:
    """A plan input from the core's JSON, as ``cls.from_json`` reads it."""
    return cls.from_json(json.dumps(value))


def plan_pairs(pairs: Any) -> List[List[str]]:
    return [[d.isoformat(), text(a)] for d, a in pairs]


def plan_tracking(case: Case) -> plan.Tracking:
    arrangement = plan_json(plan.Arrangement, case["arrangement"])
    rule = plan_json(plan.BreakRule, case["break_rule"]) if "break_rule" in case else None
    return plan.track(arrangement, [tuple(p) for p in case["payments"]], case["as_of"], rule)


def plan_probabilities(value: Any) -> Optional[plan.Probabilities]:
    return None if value is None else plan_json(plan.Probabilities, value)


def plan_ratio(value: Optional[Decimal], case: Case) -> Optional[str]:
    return None if value is None else rounded(value, case["places"])


def plan_op(case: Case) -> Dict[str, Any]:
    """One plan.json case (tests/vectors/plan.json; the format is in its description); an error is a
    result too, compared with ``expected_error``."""
    op = case["op"]
    if op == "arrangement":
        terms = plan_json(plan.PlanTerms, case["terms"])
        down = tuple(case["down_payment"]) if "down_payment" in case else None
        a = plan.Arrangement.from_promises(terms, [tuple(p) for p in case["promises"]], down)
        return {
            "expected_balance": text(a.balance),
            "expected_total_promised": text(a.total_promised),
            "expected_promises": plan_pairs(a.promises),
            "expected_debt_shares": [[text(x) for x in row] for row in a.debt_shares()],
        }
    if op == "track":
        t = plan_tracking(case)
        return {
            "expected_status": t.status,
            "expected_status_date": date_text(t.status_date),
            "expected_promises": [[p.status, text(p.paid), text(p.paid_on_time)] for p in t.promises],
            "expected_paid": text(t.paid),
            "expected_unmatched": text(t.unmatched),
            "expected_remaining": text(t.remaining),
            "expected_missed": t.missed,
            "expected_tolerated_shortfall": text(t.tolerated_shortfall),
        }
    if op == "replan":
        arrangement = plan_json(plan.Arrangement, case["arrangement"])
        t = plan_tracking(case)
        bounds = plan_json(plan.PlanBounds, case["bounds"]) if "bounds" in case else None
        again = arrangement.replan(t, plan_json(plan.ReplanTerms, case["replan"]), bounds)
        return {
            "expected_promises": plan_pairs(again.promises),
            "expected_balance": text(again.balance),
            "expected_debts": [[i, text(b)] for i, b, _ in again.debts],
        }
    if op == "score":
        scorer = plan.Scorer(case["discount_rate"], case.get("disposable_income"), case.get("rounding"))
        s = scorer.score(plan_json(plan.Arrangement, case["arrangement"]), plan_probabilities(case.get("probabilities")))
        return {
            "expected_total": text(s.total),
            "expected_promise_count": s.promises,
            "expected_duration_days": s.duration_days,
            "expected_npv": text(s.npv),
            "expected_recovery_ratio": text(s.recovery_ratio),
            "expected_largest_monthly_payment": text(s.largest_monthly_payment),
            "expected_payment_to_income": None if s.payment_to_income is None else text(s.payment_to_income),
            "expected_expected_value": text(s.expected_value),
            "expected_expected_npv": text(s.expected_npv),
        }
    if op in ("rank", "forecast"):
        plans = [
            (plan_json(plan.Arrangement, p["arrangement"]), plan_probabilities(p.get("probabilities")))
            for p in case["plans"]
        ]
        if op == "rank":
            scorer = plan.Scorer(case["discount_rate"], case.get("disposable_income"), case.get("rounding"))
            return {"expected_order": [i for i, _ in plan.compare_plans(scorer, plans, case.get("by"))]}
        f = plan.forecast(plans, case["from"], case.get("period"), case.get("rounding"))
        promises, scheduled, expected = f.totals
        return {
            "expected_rows": [
                [r.period_start.isoformat(), r.promises, text(r.scheduled), text(r.expected)] for r in f.rows
            ],
            "expected_totals": [promises, text(scheduled), text(expected)],
        }
    if op == "settle":
        st = plan.settle(case["balance"], case["currency"], case["percent"], case["dates"], case.get("rounding"))
        return {
            "expected_amount": text(st.amount),
            "expected_discount": text(st.discount),
            "expected_installments": plan_pairs(st.installments),
        }
    if op == "minimum_settlement":
        m = plan.minimum_settlement(
            plan_json(plan.AlternativePath, case["path"]),
            case["valuation_date"],
            case["discount_rate"],
            case["currency"],
            floor=case.get("floor"),
            rounding=case.get("rounding"),
        )
        places = case.get("places")

        def npv(value: Decimal) -> str:
            return text(value) if places is None else rounded(value, places)

        return {
            "expected_recovery_npv": npv(m.recovery_npv),
            "expected_cost_npv": npv(m.cost_npv),
            "expected_net": text(m.net),
            "expected_minimum": text(m.minimum),
        }
    if op == "settlement_offers":
        offers = plan.settlement_offers(
            case["balance"],
            case["currency"],
            case["days_past_due"],
            plan_json(plan.SettlementPolicy, case["policy"]),
            minimum=case.get("minimum"),
        )
        return {
            "expected_offers": [
                [o.installments, text(o.amount), text(o.discount), o.band_min_days_past_due, o.at_minimum]
                for o in offers
            ]
        }
    if op == "cei":
        names = ("opening_receivables", "credit_sales", "months", "closing_receivables", "closing_current_receivables")
        return {"expected": plan_ratio(plan.collection_effectiveness_index(*(case[n] for n in names)), case)}
    if op == "dso":
        value = plan.days_sales_outstanding(case["receivables"], case["credit_sales"], case["days"])
        return {"expected": plan_ratio(value, case)}
    if op == "recovery_rate":
        return {"expected": plan_ratio(plan.recovery_rate(case["collected"], case["outstanding"]), case)}
    if op == "liquidation_rate":
        return {"expected": plan_ratio(plan.liquidation_rate(case["gross_recoveries"], case["placements"]), case)}
    if op == "right_party_contact_rate":
        value = plan.right_party_contact_rate(case["right_party_contacts"], case["denominator"])
        return {"expected": plan_ratio(value, case)}
    if op == "promise_kept_rate":
        return {"expected": plan_ratio(plan.promise_kept_rate([plan_tracking(t) for t in case["trackings"]]), case)}
    if op == "roll_rate_matrix":
        rolls = plan.roll_rate_matrix(
            [aging_account(a) for a in case["accounts"]], case["from"], case["to"], aging_rules(case)
        )
        return {
            "expected_accounts": [list(row) for row in rolls.accounts],
            "expected_outstanding": [[text(x) for x in row] for row in rolls.outstanding],
            "expected_rates": [[plan_ratio(x, case) for x in row] for row in rolls.rates],
        }
    assert op == "treatment", f"unknown plan op {op!r}"
    policy = (
        plan.TreatmentPolicy.standard()
        if case["policy"] == "standard"
        else plan_json(plan.TreatmentPolicy, case["policy"])
    )
    r = policy.recommend(plan_json(plan.AccountState, case["state"]))
    return {
        "expected_action": None if r is None else r.action,
        "expected_rule": None if r is None else r.rule,
    }


def plan_case(case: Case) -> Dict[str, Any]:
    try:
        out = plan_op(case)
    except cc.CollectionsError as e:
        return error_result(case, e)
    if "expected_error" in case:
        out["expected_error"] = None
    return out


PLAN_OPS = (
    "arrangement track replan score rank settle minimum_settlement settlement_offers forecast cei dso "
    "recovery_rate liquidation_rate right_party_contact_rate promise_kept_rate roll_rate_matrix treatment"
).split()


OPS: Dict[str, Callable[[Case], Any]] = {
    **{op: finance_op(op) for op in FINANCE_ARGS},
    "xnpv": lambda c: rounded(finance.xnpv(c["rate"], **dated(c)), c["places"]),
    "xirr": lambda c: rounded(finance.xirr(**dated(c)), c["places"]),
    "apr_regulation_z": apr_regulation_z,
    "aprc_eu": aprc_eu,
    "amortize": amortize,
    "year_fraction": year_fraction,
    "adjust": lambda c: calendar(c).adjust(c["date"], c["convention"]).isoformat(),
    "add_business_days": lambda c: calendar(c).add_business_days(c["date"], c["n"]).isoformat(),
    "is_business_day": lambda c: calendar(c).is_business_day(c["date"]),
    "holidays": lambda c: [d.isoformat() for d, _ in calendar(c).holidays(c["year"])],
    "date_schedule": date_schedule,
    "round": lambda c: text(cc.Money(c["amount"], c["currency"]).round(c["mode"]).amount),
    "round_decimal": lambda c: text(cc.round_decimal(c["value"], c["places"], c["mode"])),
    "round_to_multiple": lambda c: text(
        cc.Money(c["amount"], c["currency"]).round_to_multiple(c["multiple"], c["mode"]).amount
    ),
    "split": lambda c: [
        text(p.amount) for p in cc.Money(c["total"], c["currency"]).split(c["weights"])
    ],
    "add": lambda c: text((cc.Money(**c["left"]) + cc.Money(**c["right"])).amount),
    "minor_units": lambda c: cc.Currency(c["currency"]).minor_units,
    "to_minor_units": lambda c: cc.Money(c["amount"], c["currency"]).to_minor_units(),
    "parse_decimal": lambda c: text(cc.parse_decimal(c["text"])),
    "periodic": lambda c: text(cc.Rate.from_fraction(c["rate"]).periodic(c["frequency"])),
    "effective_annual": lambda c: rounded(
        cc.Rate.from_fraction(c["rate"]).effective_annual(**compounding(c)).fraction, c["places"]
    ),
    "nominal_from_effective": lambda c: rounded(
        cc.Rate.from_effective_annual(c["effective"], **compounding(c)).fraction, c["places"]
    ),
    "from_percent": lambda c: text(cc.Rate.from_percent(c["percent"]).fraction),
    "statutory_interest": statutory,
    "erpnext_dunning": erpnext,
    "finance_charge": finance_charge,
    "average_daily_balance": average_daily_balance,
    "dunning_run": dunning,
    "age_account": aging,
    "charge_off": aging,
    "time_bar": aging,
    "age_portfolio": aging,
    "can_become": lambda c: debt.Status(c["from"]).can_become(c["to"]),
    "transition": transition,
    "status_history": status_history,
    "ledger": ledger_case,
    "reconcile": reconcile_case,
    "compare_to_expected": reconcile_case,
    "to_monthly": lambda c: text(afford.to_monthly(c["amount"], c["frequency"], c["currency"], c["rounding"])),
    "assess": afford_assess,
    "fair_share": afford_fair_share,
    "recommend": afford_recommend,
    "guidelines_csv": afford_guidelines_csv,
    "evaluate": contact_case,
    "eligible_windows": contact_case,
    **{op: plan_case for op in PLAN_OPS},
}

# The ops whose cases compare decimals as numbers inside objects too (ledger.json's balances and
# totals, reconcile.json), as the README says; elsewhere an object's amounts are exact text.
NUMERIC_IN_OBJECTS = {"ledger", "reconcile", "compare_to_expected"}


def same(expected: Any, got: Any, exact_text: bool, exact_in_objects: bool = True) -> bool:
    """Decimal text compares as numbers unless ``exact_text``; everything else compares as JSON: inside
    an object every value exactly (text as text) unless not ``exact_in_objects``, and ``1`` is not
    ``True``."""
    if isinstance(expected, str) and isinstance(got, str) and not exact_text:
        try:
            return Decimal(expected) == Decimal(got)
        except ArithmeticError:
            return expected == got
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(
            same(e, g, exact_text, exact_in_objects) for e, g in zip(expected, got)
        )
    if isinstance(expected, dict) and isinstance(got, dict):
        inner = exact_text or exact_in_objects
        return expected.keys() == got.keys() and all(
            same(expected[k], got[k], inner, exact_in_objects) for k in expected
        )
    return bool(expected == got) and type(expected) is type(got)


def test_the_vector_files_are_there() -> None:
    names = {p.name for p in FILES}
    assert {
        "apr.json",
        "business_days.json",
        "date_schedules.json",
        "day_counts.json",
        "finance.json",
        "money.json",
        "rates.json",
        "schedules.json",
        "late_interest.json",
        "dunning.json",
        "aging.json",
        "status.json",
        "ledger.json",
        "reconcile.json",
        "affordability.json",
        "contact.json",
        "plan.json",
    } <= names
    assert len(CASES) >= 100


@pytest.mark.parametrize("case", CASES)
def test_vector(case: Case) -> None:
    assert "source" in case, "every case names its source"
    op = OPS.get(case["op"])
    if op is None:
        pytest.fail(f"unknown op {case['op']!r}")
    if "error" in case:
        with pytest.raises(ERRORS[case["error"]]) as raised:
            op(case)
        assert isinstance(raised.value, cc.CollectionsError)
        assert isinstance(raised.value, ValueError)
        if "error_field" in case:
            assert raised.value.field == case["error_field"], f"the error names {raised.value.field!r}"
        if "error_value" in case:
            assert raised.value.value == case["error_value"], f"the error's value is {raised.value.value!r}"
        return
    got = op(case)
    exact = bool(case.get("exact_text", False))
    in_objects = case["op"] not in NUMERIC_IN_OBJECTS
    if isinstance(got, dict):
        stated = [key for key in got if key in case]
        assert stated, "the case states no expected value"
        for key in stated:
            assert same(case[key], got[key], exact, in_objects), f"{key}: expected {case[key]!r}, got {got[key]!r}"
    else:
        assert same(case["expected"], got, exact), f"expected {case['expected']!r}, got {got!r}"
