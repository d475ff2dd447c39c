#!/usr/bin/env python3
"""Writes the demo portfolio: a few hundred synthetic consumer loans with their histories.

`make demo` runs a collections officer's day over these files from Rust, C and Python. They are
generated, not real: names are account numbers, phone numbers use the 555-01xx range reserved for
fiction, e-mail addresses use example.com (RFC 2606). The generator is deterministic (a fixed seed and
only the standard library), so running it again rewrites the same bytes:

    python3 collections-core/examples/portfolio/generate.py

Files (CSV, comma-separated, no quoting: no field contains a comma):
- accounts.csv: one row per loan; the officer's day (AS_OF) is Monday 2026-03-02.
- installments.csv: the loan's monthly installments (level payments, the last absorbing the cents).
- payments.csv: payments received up to the day before the officer's day.
- week.csv: payments arriving during the officer's week (2026-03-02 to 2026-03-06).
- contacts.csv: outbound calls, texts, e-mails and letters over the 30 days before the officer's day.
- statements.csv: an income and expenditure statement for the accounts that gave one, one row per item,
  in the long format of `collections_core.affordability.assess_many`.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20260302
AS_OF = dt.date(2026, 3, 2)
ACCOUNTS = 300
CENT = Decimal("0.01")

# US states with their zones; a quarter of the people have a phone from another zone (several zones).
STATES = [
    ("NY", "America/New_York"),
    ("MA", "America/New_York"),
    ("FL", "America/New_York"),
    ("IL", "America/Chicago"),
    ("TX", "America/Chicago"),
    ("CO", "America/Denver"),
    ("AZ", "America/Phoenix"),
    ("WA", "America/Los_Angeles"),
    ("CA", "America/Los_Angeles"),
]
REGION = {
    "NY": "northeast", "MA": "northeast", "FL": "south", "IL": "midwest", "TX": "south",
    "CO": "west", "AZ": "west", "WA": "west", "CA": "west",
}
# How an account behaves: weights, then (share of installments paid, chance a payment is late).
BEHAVIOURS = {
    "prompt": (45, 1.0, 0.05),
    "late": (20, 1.0, 0.6),
    "partial": (12, 0.6, 0.4),
    "stopped": (18, 0.0, 0.2),
    "never": (5, 0.0, 0.0),
}


def money(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31,
            30, 31, 30, 31][month - 1]
    return dt.date(year, month, min(d.day, last))


def level_payment(principal: Decimal, annual_rate: Decimal, n: int) -> Decimal:
    r = annual_rate / 12
    if r == 0:
        return money(principal / n)
    return money(principal * r / (1 - (1 + r) ** -n))


def installments(principal: Decimal, annual_rate: Decimal, n: int, first: dt.date) -> list[tuple[dt.date, Decimal]]:
    """Level payments on a monthly schedule, interest rounded half up, the last clearing the balance."""
    pay = level_payment(principal, annual_rate, n)
    balance, out = principal, []
    for k in range(n):
        interest = money(balance * annual_rate / 12)
        amount = pay if k < n - 1 else balance + interest
        balance -= amount - interest
        out.append((add_months(first, k), amount))
    return out


def main() -> None:
    rnd = random.Random(SEED)
    accounts, schedule, payments, week, contacts, statements = [], [], [], [], [], []
    kinds = list(BEHAVIOURS)
    weights = [BEHAVIOURS[k][0] for k in kinds]
    for i in range(1, ACCOUNTS + 1):
        account = f"L-{i:04d}"
        customer = f"C-{i:04d}"
        state, zone = rnd.choice(STATES)
        zones = [zone]
        if rnd.random() < 0.25:
            other = rnd.choice([z for _, z in STATES if z != zone])
            zones.append(other)
        principal = Decimal(rnd.randrange(1000, 25001, 50))
        rate = Decimal(rnd.choice(["0.0599", "0.0899", "0.1299", "0.1799", "0.2499"]))
        term = rnd.choice([12, 24, 36, 48, 60])
        opened = AS_OF - dt.timedelta(days=rnd.randrange(120, 720))
        first_due = add_months(opened, 1)
        kind = rnd.choices(kinds, weights)[0]
        _, paid_share, late_chance = BEHAVIOURS[kind]
        phone_type = "cell" if rnd.random() < 0.8 else "landline"
        accounts.append({
            "account_id": account, "customer_id": customer, "currency": "USD", "principal": principal,
            "annual_rate": rate, "opened": opened, "first_due": first_due, "term_months": term,
            "behaviour": kind, "state": state, "time_zones": ";".join(zones),
            "phone": f"+1202555{i % 100:02d}{i // 100:02d}", "phone_type": phone_type,
            "email": f"{customer.lower()}@example.com",
        })
        rows = installments(principal, rate, term, first_due)
        for k, (due, amount) in enumerate(rows, 1):
            schedule.append({"account_id": account, "number": k, "due_date": due, "amount": amount})
        due_so_far = [(d, a) for d, a in rows if d < AS_OF]
        # A "stopped" account paid its first installments and then nothing.
        stop_after = rnd.randrange(1, max(2, len(due_so_far))) if kind == "stopped" else len(due_so_far)
        n = 0
        for k, (due, amount) in enumerate(due_so_far):
            if kind == "never" or k >= stop_after:
                break
            share = Decimal(1) if kind != "partial" else Decimal(rnd.choice(["0.5", "0.6", "0.75", "1"]))
            late = rnd.random() < late_chance
            paid_on = due + dt.timedelta(days=rnd.randrange(5, 45) if late else -rnd.randrange(0, 4))
            if paid_on >= AS_OF:
                continue
            n += 1
            payments.append({"account_id": account, "payment_id": f"{account}-P{n:02d}", "date": paid_on,
                             "amount": money(amount * share)})
        # Some of the late, partial and stopped payers pay during the officer's week.
        if kind in ("late", "partial", "stopped") and rnd.random() < 0.35 and due_so_far:
            amount = due_so_far[-1][1] * Decimal(rnd.choice(["0.5", "1", "2"]))
            week.append({"account_id": account, "payment_id": f"{account}-W1",
                         "date": AS_OF + dt.timedelta(days=rnd.randrange(0, 5)), "amount": money(amount)})
        # Contact attempts over the last 30 days for accounts in arrears.
        if kind != "prompt":
            for _ in range(rnd.randrange(0, 9)):
                day = AS_OF - dt.timedelta(days=rnd.randrange(1, 31))
                local = dt.datetime.combine(day, dt.time(rnd.randrange(9, 20), rnd.choice([0, 15, 30, 45])))
                channel = rnd.choices(["call", "text", "email", "letter"], [6, 2, 1, 1])[0]
                outcome = {
                    "call": rnd.choices(["no_answer", "voicemail", "busy", "right_party", "wrong_number"],
                                        [5, 3, 1, 2, 0.3])[0],
                    "text": "sent", "email": "sent", "letter": "sent",
                }[channel]
                destination = {"call": "phone", "text": "phone", "email": "email", "letter": "address"}[channel]
                contacts.append({"account_id": account, "local_time": local.isoformat(timespec="minutes"),
                                 "time_zone": zone, "channel": channel, "direction": "outbound",
                                 "outcome": outcome, "destination": destination})
        # A statement from about half of the accounts in arrears.
        if kind != "prompt" and rnd.random() < 0.5:
            adults = rnd.choice([1, 1, 2])
            children = rnd.choice([0, 0, 1, 2, 3])
            vehicles = rnd.choice([0, 1, 1, 2])
            date = AS_OF - dt.timedelta(days=rnd.randrange(1, 20))
            base = dict(statement_id=account, date=date, currency="USD", adults=adults,
                        children_under_16=children, vehicles=vehicles, region=REGION[state])
            items = [
                ("earnings", Decimal(rnd.randrange(350, 1400, 5)), "weekly"),
                ("housing", Decimal(rnd.randrange(600, 2200, 10)), "monthly"),
                ("utilities", Decimal(rnd.randrange(120, 400, 5)), "monthly"),
                ("food_and_housekeeping", Decimal(rnd.randrange(80, 260, 5)), "weekly"),
                ("personal_costs", Decimal(rnd.randrange(40, 250, 5)), "monthly"),
                ("communications_and_leisure", Decimal(rnd.randrange(40, 200, 5)), "monthly"),
                ("health_care", Decimal(rnd.randrange(0, 200, 5)), "monthly"),
            ]
            if adults == 2 and rnd.random() < 0.6:
                items.append(("earnings", Decimal(rnd.randrange(600, 2400, 10)), "fortnightly"))
            if children:
                items.append(("benefits", Decimal(rnd.randrange(100, 500, 5)), "four_weekly"))
            if vehicles:
                items.append(("vehicle_ownership", Decimal(rnd.randrange(0, 600, 10)), "monthly"))
                items.append(("vehicle_operating", Decimal(rnd.randrange(80, 400, 5)), "monthly"))
            else:
                items.append(("public_transport", Decimal(rnd.randrange(40, 200, 5)), "monthly"))
            if rnd.random() < 0.3:
                items.append(("priority_debt_payments", Decimal(rnd.randrange(25, 300, 5)), "monthly"))
            for category, amount, frequency in items:
                statements.append({**base, "category": category, "amount": amount, "frequency": frequency})

    write("accounts.csv", accounts)
    write("installments.csv", schedule)
    write("payments.csv", payments)
    write("week.csv", week)
    write("contacts.csv", contacts)
    write("statements.csv", statements)


def write(name: str, rows: list[dict[str, object]]) -> None:
    with open(HERE / name, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow(row)


if __name__ == "__main__":
    main()
