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
from collections_core.plan import (
    AccountState,
    Arrangement,
    PlanTerms,
    Probabilities,
    Scorer,
    Tracking,
    TreatmentPolicy,
    collection_effectiveness_index,
    forecast,
    promise_kept_rate,
    rank,
    recovery_rate,
    right_party_contact_rate,
    settle,
    track,
)
from collections_core.debt import (
    Account as Obligations,
    AgingRules,
    DunningLevel,
    DunningPolicy,
    Event,
    Invoice,
    Ledger,
    LedgerAccount,
    Terms,
    age_accounts,
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
    opened: date
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
class Received:
    """One row of payments.csv or week.csv: the payment's id, date and amount."""

    id: str
    date: date
    amount: Decimal


@dataclass
class Portfolio:
    accounts: List[Account]
    dues: Dict[str, List[Tuple[date, Decimal]]]
    installments: int
    payments: Dict[str, List[Received]]
    payment_count: int
    week: Dict[str, List[Received]]
    week_count: int
    contacts: Dict[str, List[Contact]]
    calls: int
    right_party_calls: int
    statements: List[Tuple[str, Statement]] = field(default_factory=list)


def grouped(rows: List[Dict[str, str]]) -> Dict[str, List[Tuple[date, Decimal]]]:
    out: Dict[str, List[Tuple[date, Decimal]]] = {}
    for r in rows:
        out.setdefault(r["account_id"], []).append((date.fromisoformat(r["due_date"]), Decimal(r["amount"])))
    for v in out.values():
        v.sort(key=lambda x: x[0])
    return out


def grouped_payments(rows: List[Dict[str, str]]) -> Dict[str, List[Received]]:
    out: Dict[str, List[Received]] = {}
    for r in rows:
        out.setdefault(r["account_id"], []).append(
            Received(r["payment_id"], date.fromisoformat(r["date"]), Decimal(r["amount"])))
    for v in out.values():
        v.sort(key=lambda x: x.date)
    return out


def load(directory: Path) -> Portfolio:
    accounts = [
        Account(r["account_id"], r["customer_id"], date.fromisoformat(r["opened"]), r["state"], r["time_zones"].split(";"), r["phone"],
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
    return Portfolio(accounts, grouped(installments), len(installments), grouped_payments(payments), len(payments),
                     grouped_payments(week), len(week), contacts, calls, right_party, statements)


def print_aging(accounts: List[Account], obligations: List[Obligations], as_of: date, rules: AgingRules) -> None:
    """The portfolio's aging by bucket, from the accounts' obligations as columns (``age_accounts``)."""
    ids, due_dates, amounts_due, amounts_paid = [], [], [], []
    for a, o in zip(accounts, obligations):
        for due, amount_due, amount_paid in o.obligations:
            ids.append(a.id)
            due_dates.append(due)
            amounts_due.append(amount_due)
            amounts_paid.append(amount_paid)
    aged = age_accounts(ids, due_dates, amounts_due, amounts_paid, as_of, rules=rules)
    print(f"  {'bucket':<9} {'accounts':>8} {'outstanding':>14} {'past due':>14}")
    for t in aged.bucket_totals:
        print(f"  {t.label:<9} {t.accounts:>8} {money(t.outstanding):>14} {money(t.past_due):>14}")
    totals = aged.bucket_totals
    print(f"  {'total':<9} {sum(t.accounts for t in totals):>8} "
          f"{money(sum((t.outstanding for t in totals), Decimal(0))):>14} "
          f"{money(sum((t.past_due for t in totals), Decimal(0))):>14}")


# How the ledgers allocate a payment: principal (the only component of an add-on loan at rate 0) past due,
# then due that day, then not yet due, each oldest due date first: oldest first, a payment made before its
# installment's due date prepaying it (see demo.rs).
ALLOCATION = (("past_due", "principal"), ("due", "principal"), ("not_yet_due", "principal"))


def ledger_terms(opened: date, freezes: Tuple[Tuple[date, date], ...] = ()) -> Terms:
    """Rate 0 from the opening day, the demo's allocation and `freezes`."""
    return Terms([(opened, "0")], allocation=ALLOCATION, freezes=freezes)


def open_ledger(a: Account, p: Portfolio) -> Ledger:
    """An account's ledger with the payments of payments.csv posted. The loans are precomputed-interest
    (add-on) installment loans: the finance charge is already in the installments, so the ledger opens on
    `opened` with the sum of the installments as its principal and a rate of 0, and each installment is an
    obligation (they add up to the principal exactly)."""
    dues = p.dues.get(a.id, [])
    principal = sum((amount for _, amount in dues), Decimal(0))
    events = [Event.obligation(d, amount) for d, amount in dues]
    events += [Event.payment(x.date, x.id, x.amount, "USD") for x in p.payments.get(a.id, [])]
    return Ledger(LedgerAccount(a.id, "USD", a.opened, principal, ledger_terms(a.opened)), events)


def policy_for(state: str) -> Policy:
    """The US federal rule sets plus the state's own where there is one."""
    names = ["regulation_f", "tcpa", "status_holds"]
    extra = {"MA": "massachusetts", "WA": "washington", "FL": "florida"}.get(state)
    if extra:
        names.append(extra)
    return Policy(*names)


@dataclass
class Proposal:
    """One proposed plan with its name, the hazard it is scored at and the arrangement."""

    name: str
    hazard: Decimal
    plan: Arrangement


def hazard(largest_monthly: Decimal, disposable: Decimal) -> Decimal:
    """The chance a plan fails before each promise: low when the largest monthly payment fits the disposable
    income, higher when it takes up to twice that, high beyond (or with no surplus)."""
    if disposable > 0 and largest_monthly <= disposable:
        return Decimal("0.05")
    if disposable > 0 and largest_monthly <= disposable * 2:
        return Decimal("0.25")
    return Decimal("0.50")


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return d.replace(year=d.year + y, month=m + 1)  # the 6th exists in every month


def proposals(account: str, arrears: Decimal, disposable: Decimal) -> List[Proposal]:
    """What the disposable income affords (at most 12 months; none without a surplus), the arrears in three
    equal months, and a settlement at 80% in one payment."""
    terms = PlanTerms("USD", [(account, arrears)], AS_OF)
    out = []
    step = min(disposable.quantize(CENT, rounding=ROUND_DOWN), arrears)
    if step > 0:
        a, st = int(arrears * 100), int(step * 100)
        n = (a + st - 1) // st
        if n <= MAX_PLAN_MONTHS:
            last = arrears - step * (n - 1)
            promises = [(add_months(FIRST_PROMISE, k), step if k + 1 < n else last) for k in range(n)]
            out.append(Proposal("affordable", hazard(step, disposable), Arrangement.from_promises(terms, promises)))
    three = settle(arrears, "USD", 100, [add_months(FIRST_PROMISE, k) for k in range(3)])
    out.append(Proposal("three-months", hazard(three.installments[0][1], disposable),
                        Arrangement.from_promises(terms, list(three.installments))))
    lump = settle(arrears, "USD", SETTLEMENT_PERCENT, [FIRST_PROMISE])
    out.append(Proposal("settlement-80", hazard(lump.amount, disposable),
                        Arrangement.from_promises(terms, list(lump.installments))))
    return out


def main() -> None:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else PORTFOLIO
    p = load(directory)
    rules = AgingRules()

    print(f"A collections officer's day, Monday {AS_OF}")
    print(f"portfolio: {len(p.accounts)} accounts, {p.installments} installments, {p.payment_count} payments to "
          f"{AS_OF - timedelta(days=1)}, {p.week_count} payments in the week, "
          f"{sum(len(v) for v in p.contacts.values())} contact attempts, {len(p.statements)} statements")

    # ------------------------------------------------------------------ 1. aging
    # Every loan on an event-sourced ledger, its payments to AS_OF posted; the week's come in step 5.
    ledgers = [open_ledger(a, p) for a in p.accounts]
    before = [ledger.obligations_on(AS_OF) for ledger in ledgers]
    ages = [ledger.aging(AS_OF, rules) for ledger in ledgers]
    allocated = ", ".join(f"{t} {c}" for t, c in ALLOCATION)
    print()
    print(f"1. Aging as of {AS_OF} from the ledgers (add-on loans: principal the sum of the installments, rate 0; "
          f"payments allocated advanced ({allocated}); days past due from the oldest unpaid installment)")
    print_aging(p.accounts, before, AS_OF, rules)
    delinquent = [i for i, a in enumerate(ages) if a.days_past_due > 0]
    print(f"  delinquent accounts: {len(delinquent)}")

    # ------------------------------------------------------------------ 2. contact
    print()
    print(f"2. Contact at {OFFICER_AT} (09:30 in New York): Regulation F, TCPA and status holds, plus MA, WA "
          "and FL rules")
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
        found = assess(statement, guidelines)
        print(f"  {sid:<7} {money(found.income):>10} {money(found.allowable_expenditure):>10} "
              f"{money(found.disposable_income):>10}")
        assessments[sid] = found
    surplus = sum(1 for found in assessments.values() if found.disposable_income > 0)
    print(f"  with a surplus: {surplus}; in deficit: {len(assessments) - surplus}")

    # ------------------------------------------------------------------ 4. plans
    print()
    print(f"4. Plans for the arrears of delinquent accounts with a statement: affordable (at most {MAX_PLAN_MONTHS} "
          f"months), three months, settlement at {SETTLEMENT_PERCENT}% on {FIRST_PROMISE}")
    print(f"  scored at {DISCOUNT_RATE} a year, hazard 5% a promise if it fits the disposable income, 25% within "
          "twice it, else 50%; best by expected NPV")
    chosen: List[Tuple[int, Proposal]] = []
    by_plan: Dict[str, int] = {}
    listed = 0
    for i in delinquent:
        a = p.accounts[i]
        if a.id not in assessments:
            continue
        arrears = ages[i].past_due_amount
        disposable = assessments[a.id].disposable_income
        props = proposals(a.id, arrears, disposable)
        scorer = Scorer(DISCOUNT_RATE, disposable)
        scores = scorer.score_all([(x.plan, Probabilities.constant_hazard(x.hazard)) for x in props])
        best = rank(scores, "expected-npv")[0]
        if listed < SHOW:
            print(f"  {a.id} arrears {money(arrears)} disposable {money(disposable)}:")
            for k, (x, sc) in enumerate(zip(props, scores)):
                print(f"    {'*' if k == best else ' '} {x.name:<13} {sc.promises:>2} promises total "
                      f"{money(sc.total):>9} npv {money(sc.npv):>9} expected npv {money(sc.expected_npv):>9}")
            listed += 1
        by_plan[props[best].name] = by_plan.get(props[best].name, 0) + 1
        chosen.append((i, props[best]))
    print(f"  chosen plans: {len(chosen)}")
    for name in sorted(by_plan):
        print(f"    {name:<13} {by_plan[name]:>4}")

    # ------------------------------------------------------------------ 5. the week
    # A chosen plan freezes interest (and fees) from its start to its last promise: the ledger's terms take
    # that freeze. Terms are fixed when an account opens, so the ledger is opened again with the freeze and
    # the same events. At rate 0 this changes no figure.
    frozen = 0
    for i, x in chosen:
        if not x.plan.freeze_interest:
            continue
        old = ledgers[i].account
        account = LedgerAccount(old.id, old.currency, old.opened_on, old.principal,
                                ledger_terms(old.opened_on, (x.plan.frozen_period,)))
        ledgers[i] = Ledger(account, ledgers[i].events)
        frozen += bool(ledgers[i].account.terms.freezes)
    for a, ledger in zip(p.accounts, ledgers):
        ledger.post_all([Event.payment(x.date, x.id, x.amount, "USD") for x in p.week.get(a.id, [])])
    after = [ledger.obligations_on(WEEK_END) for ledger in ledgers]
    after_ages = [ledger.aging(WEEK_END, rules) for ledger in ledgers]

    def in_week(ledger: Ledger) -> List[Tuple[date, Decimal]]:
        """The week's payments as the ledger posted them."""
        return [r.payment for r in ledger.posted_payments() if AS_OF <= r.date < WEEK_END]

    posted = 0
    collected = delinquent_collected = Decimal(0)
    cured = []
    for i, a in enumerate(p.accounts):
        week = in_week(ledgers[i])
        received = sum((x[1] for x in week), Decimal(0))
        posted += len(week)
        collected += received
        if ages[i].days_past_due > 0:
            delinquent_collected += received
            if after_ages[i].days_past_due == 0:
                cured.append(a.id)
    print()
    print(f"5. The week: {posted} payments posted (2026-03-02 to 2026-03-06), as of {WEEK_END}")
    print(f"  payment events on the ledgers; interest frozen on {frozen} ledgers over their chosen plan (its start to "
          "its last promise)")
    print(f"  collected {money(collected)}, of which from delinquent accounts {money(delinquent_collected)}")
    print(f"  the first {SHOW} posted, as the ledger allocated them:")
    shown_entries = 0
    for a, ledger in zip(p.accounts, ledgers):
        for paid in p.week.get(a.id, []):
            entry = ledger.payment_entry(paid.id)
            if entry is None or shown_entries == SHOW:
                continue
            to = [f"{al.component} due {al.due_date or 'unscheduled'} {money(al.amount)}" for al in entry.allocations]
            print(f"    {paid.id} {entry.date} {money(entry.amount)}: {', '.join(to) if to else 'nothing'}; "
                  f"to credit {money(entry.to_credit)}")
            shown_entries += 1
    print(f"  accounts cured ({len(cured)}): {' '.join(cured)}")
    # The chosen plans tracked against the payments the ledgers posted (those before the plan's start are
    # ignored by the tracking).
    trackings: List[Tracking] = []
    kept = missed = with_payment = 0
    for i, x in chosen:
        with_payment += bool(in_week(ledgers[i]))
        t = track(x.plan, [r.payment for r in ledgers[i].posted_payments()], WEEK_END)
        kept += t.promises[0].status == "kept"
        missed += t.promises[0].status in ("partially-kept", "broken")
        trackings.append(t)
    print(f"  first promises (due {FIRST_PROMISE}): kept {kept}, missed {missed}, of {len(chosen)}; {with_payment} "
          "planned accounts paid in the week")

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
    print_aging(p.accounts, after, WEEK_END, rules)
    past_due_before = sum((a.past_due_amount for a in ages), Decimal(0))
    past_due_after = sum((a.past_due_amount for a in after_ages), Decimal(0))
    # Installments falling due during the week: what was billed between the two agings.
    billed = sum((amount for dues in p.dues.values() for d, amount in dues if AS_OF <= d < WEEK_END), Decimal(0))
    cei = collection_effectiveness_index(past_due_before, billed, 1, past_due_after, 0)
    print("  KPIs:")
    print(f"    promise-kept rate      {percent(promise_kept_rate(trackings)):>7}  (the chosen plans' promises due by "
          f"{WEEK_END})")
    print(f"    recovery rate          {percent(recovery_rate(delinquent_collected, past_due_before)):>7}  (the week's "
          f"payments from delinquent accounts / their past due on {AS_OF})")
    print(f"    right-party contacts   {percent(right_party_contact_rate(p.right_party_calls, p.calls)):>7}  "
          f"({p.right_party_calls} of {p.calls} calls in contacts.csv)")
    print(f"    CEI (the week)         {percent(None if cei is None else cei / 100):>7}  (past due "
          f"{money(past_due_before)} + billed {money(billed)} - past due {money(past_due_after)})")

    # Treatment: every account past due after the week, by the standard policy.
    treatment = TreatmentPolicy.standard()
    actions: Dict[str, int] = {}
    planned = {i: t for (i, _), t in zip(chosen, trackings)}
    for i, a in enumerate(p.accounts):
        age = after_ages[i]
        if age.days_past_due == 0:
            continue
        calls = [c for c in p.contacts.get(a.id, []) if c.channel == "call"]
        # The latest call (the last in the file among calls at the same instant).
        last_outcome = calls[max(range(len(calls)), key=lambda k: (calls[k].at, k))].outcome if calls else None
        last_contact = {None: "not-attempted", "right_party_conversation": "right-party-contact",
                        "voicemail": "left-message", "wrong_number": "wrong-party"}.get(last_outcome, "no-answer")
        failed = sum(1 for c in calls if c.outcome != "right_party_conversation")
        tracking = planned.get(i)
        assessment = assessments.get(a.id)
        state = AccountState(
            days_past_due=age.days_past_due, balance=age.outstanding,
            broken_promises=tracking.missed if tracking else 0, failed_contact_attempts=failed,
            last_contact=last_contact,
            affordability=("not-assessed" if assessment is None
                           else "surplus" if assessment.disposable_income > 0 else "deficit"),
            active_plan=tracking is not None and tracking.status == "active")
        recommendation = treatment.recommend(state)
        action = recommendation.action if recommendation else "none"
        actions[action] = actions.get(action, 0) + 1
    print(f"  treatment (standard policy) for the {sum(actions.values())} accounts past due:")
    for action in sorted(actions):
        print(f"    {action:<24} {actions[action]:>4}")

    f = forecast([(x.plan, Probabilities.constant_hazard(x.hazard)) for _, x in chosen], AS_OF, "monthly")
    print("  expected cash flow of the chosen plans by month:")
    print(f"    {'month':<7} {'promises':>8} {'scheduled':>12} {'expected':>12}")
    for row in f.rows:
        print(f"    {row.period_start.strftime('%Y-%m'):<7} {row.promises:>8} {money(row.scheduled):>12} "
              f"{money(row.expected):>12}")
    n, scheduled, expected = f.totals
    print(f"    {'total':<7} {n:>8} {money(scheduled):>12} {money(expected):>12}")


if __name__ == "__main__":
    main()
