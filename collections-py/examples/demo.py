"""`make demo`: a collections officer's day over the sample portfolio in
collections-core/examples/portfolio (300 synthetic loans with their installments, payments, contact
attempts and household statements; see its generate.py), through the Python package. The Rust example
(collections-core/examples/demo.rs) and the C demo (tests/c/demo.c) print the same report, line for line,
and `make demo` compares them. The steps are described in demo.rs.

Run it with `python examples/demo.py [portfolio directory]`.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Dict, List, Optional, Tuple
from zoneinfo import ZoneInfo

from collections_core.affordability import Assessment, Guidelines, Household, Item, Statement, assess
from collections_core.contact import (
    Attempt,
    ContactHistory,
    ContactProfile,
    ContactRequest,
    Destination,
    Policy,
    evaluate,
)
from collections_core.debt import (
    Account as Obligations,
    AccountActivity,
    Aging,
    AgingRules,
    DunningLevel,
    DunningPolicy,
    Invoice,
    dunning_run,
)

PORTFOLIO = Path(__file__).resolve().parents[2] / "collections-core" / "examples" / "portfolio"
AS_OF = date(2026, 3, 2)
OFFICER_AT = "2026-03-02T14:30:00Z"
WEEK_END = date(2026, 3, 7)
FIRST_PROMISE = date(2026, 3, 6)
DISCOUNT_RATE = "0.10"
SETTLEMENT_PERCENT = 80
MAX_PLAN_MONTHS = 12
SHOW = 5
CENT = Decimal("0.01")


def money(d: Decimal) -> str:
    """An amount to the cent, half up, always with two decimals."""
    return str(Decimal(d).quantize(CENT, rounding=ROUND_HALF_UP))


def percent(ratio: Optional[Decimal]) -> str:
    """A ratio as a percentage with one decimal, half up."""
    if ratio is None:
        return "n/a"
    return f"{(Decimal(ratio) * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def read(directory: Path, name: str) -> List[Dict[str, str]]:
    with open(directory / name, newline="") as f:
        return list(csv.DictReader(f))


@dataclass
class Account:
    id: str
    customer: str
    state: str
    zones: List[str]
    phone: str
    line: str
    email: str


@dataclass
class Contact:
    at: datetime
    channel: str
    outcome: str
    kind: str


@dataclass
class Portfolio:
    accounts: List[Account]
    dues: Dict[str, List[Tuple[date, Decimal]]]
    installments: int
    payments: Dict[str, List[Tuple[date, Decimal]]]
    payment_count: int
    week: Dict[str, List[Tuple[date, Decimal]]]
    week_count: int
    contacts: Dict[str, List[Contact]]
    calls: int
    right_party_calls: int
    statements: List[Tuple[str, Statement]] = field(default_factory=list)


def grouped(rows: List[Dict[str, str]], when: str) -> Dict[str, List[Tuple[date, Decimal]]]:
    out: Dict[str, List[Tuple[date, Decimal]]] = {}
    for r in rows:
        out.setdefault(r["account_id"], []).append((date.fromisoformat(r[when]), Decimal(r["amount"])))
    for v in out.values():
        v.sort(key=lambda x: x[0])
    return out


def load(directory: Path) -> Portfolio:
    accounts = [
        Account(r["account_id"], r["customer_id"], r["state"], r["time_zones"].split(";"), r["phone"],
                r["phone_type"], r["email"])
        for r in read(directory, "accounts.csv")
    ]
    installments = read(directory, "installments.csv")
    payments = read(directory, "payments.csv")
    week = read(directory, "week.csv")
    contacts: Dict[str, List[Contact]] = {}
    calls = right_party = 0
    for r in read(directory, "contacts.csv"):
        local = datetime.fromisoformat(r["local_time"]).replace(tzinfo=ZoneInfo(r["time_zone"]))
        # The portfolio's "right_party" is a conversation with the consumer.
        outcome = "right_party_conversation" if r["outcome"] == "right_party" else r["outcome"]
        if r["channel"] == "call":
            calls += 1
            right_party += outcome == "right_party_conversation"
        contacts.setdefault(r["account_id"], []).append(
            Contact(local.astimezone(timezone.utc), r["channel"], outcome, r["destination"]))
    statements: List[Tuple[str, Statement]] = []
    rows = read(directory, "statements.csv")
    i = 0
    while i < len(rows):
        first = rows[i]
        items = []
        while i < len(rows) and rows[i]["statement_id"] == first["statement_id"]:
            items.append(Item(rows[i]["category"], Decimal(rows[i]["amount"]), rows[i]["frequency"]))
            i += 1
        household = Household(int(first["adults"]), int(first["children_under_16"]), 0,
                              vehicles=int(first["vehicles"]), region=first["region"])
        statements.append((first["statement_id"],
                           Statement(date.fromisoformat(first["date"]), first["currency"], household, items)))
    return Portfolio(accounts, grouped(installments, "due_date"), len(installments), grouped(payments, "date"),
                     len(payments), grouped(week, "date"), len(week), contacts, calls, right_party, statements)


def print_aging(labels: List[str], ages: List[Aging]) -> None:
    print(f"  {'bucket':<9} {'accounts':>8} {'outstanding':>14} {'past due':>14}")
    counts = [0 for _ in labels]
    outstanding = [Decimal(0) for _ in labels]
    past_due = [Decimal(0) for _ in labels]
    for a in ages:
        counts[a.bucket] += 1
        outstanding[a.bucket] += a.outstanding
        past_due[a.bucket] += a.past_due_amount
    for k, label in enumerate(labels):
        print(f"  {label:<9} {counts[k]:>8} {money(outstanding[k]):>14} {money(past_due[k]):>14}")
    print(f"  {'total':<9} {len(ages):>8} {money(sum((a.outstanding for a in ages), Decimal(0))):>14} "
          f"{money(sum((a.past_due_amount for a in ages), Decimal(0))):>14}")


def policy_for(state: str) -> Policy:
    """The US federal rule sets plus the state's own where there is one."""
    names = ["regulation_f", "tcpa", "status_holds"]
    extra = {"MA": "massachusetts", "WA": "washington", "FL": "florida"}.get(state)
    if extra:
        names.append(extra)
    return Policy(*names)


def main() -> None:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else PORTFOLIO
    p = load(directory)
    rules = AgingRules()

    print(f"A collections officer's day, Monday {AS_OF}")
    print(f"portfolio: {len(p.accounts)} accounts, {p.installments} installments, {p.payment_count} payments to "
          f"{AS_OF - timedelta(days=1)}, {p.week_count} payments in the week, "
          f"{sum(len(v) for v in p.contacts.values())} contact attempts, {len(p.statements)} statements")

    # ------------------------------------------------------------------ 1. aging
    before: List[Obligations] = []
    after: List[Obligations] = []
    for a in p.accounts:
        dues = p.dues.get(a.id, [])
        paid = p.payments.get(a.id, [])
        before.append(AccountActivity(dues, paid).obligations_on(AS_OF))
        after.append(AccountActivity(dues, paid + p.week.get(a.id, [])).obligations_on(WEEK_END))
    ages = [o.age(AS_OF, rules) for o in before]
    print()
    print(f"1. Aging as of {AS_OF} (payments applied oldest first; days past due from the oldest unpaid installment)")
    print_aging(rules.bucket_labels, ages)
    delinquent = [i for i, a in enumerate(ages) if a.days_past_due > 0]
    print(f"  delinquent accounts: {len(delinquent)}")

    # ------------------------------------------------------------------ 2. contact
    print()
    print(f"2. Contact at {OFFICER_AT} (09:30 in New York): Regulation F, TCPA and status holds, plus MA, WA and FL rules")
    policies: Dict[str, Policy] = {}
    channels = ["call", "text", "email"]
    allowed = [0, 0, 0]
    blocked = [0, 0, 0]
    by_reason: Dict[str, int] = {}
    shown: List[str] = []
    for i in delinquent:
        a = p.accounts[i]
        if a.state not in policies:
            policies[a.state] = policy_for(a.state)
        profile = ContactProfile(a.customer, a.zones, destinations=[
            Destination(a.phone, "phone", line=a.line), Destination(a.email, "email")])
        attempts = []
        for c in p.contacts.get(a.id, []):
            destination = {"phone": a.phone, "email": a.email}.get(c.kind, f"postal address of {a.customer}")
            attempts.append(Attempt(c.at, c.channel, c.outcome, destination, [a.id], direction="outbound"))
        history = ContactHistory(attempts)
        for k, channel in enumerate(channels):
            destination = a.email if channel == "email" else a.phone
            decision = evaluate(policies[a.state], profile, history,
                                ContactRequest(a.customer, a.id, channel, destination, OFFICER_AT))
            if decision.allowed:
                allowed[k] += 1
                continue
            blocked[k] += 1
            for r in decision.reasons:
                by_reason[r.rule] = by_reason.get(r.rule, 0) + 1
            if len(shown) < SHOW:
                when = decision.next_eligible
                nxt = when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if when else "none within the search"
                shown.append(f"    {a.id} {channel:<5} {a.state} ({' '.join(a.zones)}): blocked by "
                             f"{', '.join(r.rule for r in decision.reasons)}; next eligible {nxt}")
    for k, channel in enumerate(channels):
        print(f"  {channel:<5} allowed {allowed[k]:>4}  blocked {blocked[k]:>4}")
    print("  blocked by rule (a decision may cite several):")
    for rule in sorted(by_reason):
        print(f"    {rule:<34} {by_reason[rule]:>4}")
    print(f"  the first {len(shown)} blocked, with the next eligible instant:")
    for line in shown:
        print(line)

    # ------------------------------------------------------------------ 3. affordability
    print()
    print(f"3. Affordability: {len(p.statements)} statements against the IRS Collection Financial Standards")
    guidelines = Guidelines.irs()
    assessments: Dict[str, Assessment] = {}
    print(f"  {'account':<7} {'income':>10} {'allowable':>10} {'disposable':>10}")
    for sid, statement in p.statements:
        x = assess(statement, guidelines)
        print(f"  {sid:<7} {money(x.income):>10} {money(x.allowable_expenditure):>10} {money(x.disposable_income):>10}")
        assessments[sid] = x
    surplus = sum(1 for x in assessments.values() if x.disposable_income > 0)
    print(f"  with a surplus: {surplus}; in deficit: {len(assessments) - surplus}")

    # ------------------------------------------------------------------ 4. plans
    print()
    print(f"4. Plans for the arrears of delinquent accounts with a statement: affordable (at most {MAX_PLAN_MONTHS} "
          f"months), three months, settlement at {SETTLEMENT_PERCENT}% on {FIRST_PROMISE}")
    print(f"  scored at {DISCOUNT_RATE} a year, hazard 5% a promise if it fits the disposable income, 25% within "
          "twice it, else 50%; best by expected NPV")

    # ------------------------------------------------------------------ 5. the week
    print()
    print(f"5. The week: {p.week_count} payments posted (2026-03-02 to 2026-03-06), as of {WEEK_END}")
    after_ages = [o.age(WEEK_END, rules) for o in after]
    collected = delinquent_collected = Decimal(0)
    cured = []
    for i, a in enumerate(p.accounts):
        received = sum((x[1] for x in p.week.get(a.id, [])), Decimal(0))
        collected += received
        if ages[i].days_past_due > 0:
            delinquent_collected += received
            if after_ages[i].days_past_due == 0:
                cured.append(a.id)
    print(f"  collected {money(collected)}, of which from delinquent accounts {money(delinquent_collected)}")
    print(f"  accounts cured ({len(cured)}): {' '.join(cured)}")

    # ------------------------------------------------------------------ 6. dunning
    print()
    print(f"6. Dunning as of {WEEK_END}: reminder at 1 day overdue, second notice at 30, final notice at 60, "
          "pre-legal at 90 (no fee, no interest; levels may be skipped)")
    levels = [DunningLevel(1, "reminder"), DunningLevel(30, "second notice"), DunningLevel(60, "final notice"),
              DunningLevel(90, "pre-legal")]
    dunning = DunningPolicy("USD", levels, one_level_at_a_time=False)
    invoices = []
    for a, o in zip(p.accounts, after):
        for k, (due, amount_due, amount_paid) in enumerate(o.obligations):
            if due < WEEK_END and amount_due > amount_paid:
                invoices.append(Invoice(f"{a.id}-{k + 1:02}", a.customer, amount_due - amount_paid, due,
                                        currency="USD"))
    run = dunning_run(invoices, dunning, WEEK_END)
    highest = [0, 0, 0, 0]
    for customer in run.customers:
        reached = [line.level for line in customer.lines if line.level is not None]
        if reached:
            highest[max(reached) - 1] += 1
    print(f"  {run.totals.invoices} overdue installments of {len(run.customers)} customers, {run.totals.notices} "
          f"notices, outstanding {money(run.totals.outstanding)}")
    print("  customers by the highest level reached:")
    for k, count in enumerate(highest):
        print(f"    {k + 1} {levels[k].action:<14} {count:>4}")

    # ------------------------------------------------------------------ 7. report
    print()
    print("7. Report")
    print(f"  aging as of {WEEK_END}:")
    print_aging(rules.bucket_labels, after_ages)


if __name__ == "__main__":
    main()
