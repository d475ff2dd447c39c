"""The officer's day (examples/demo.py, `make demo`) runs, and its report holds figures checked by hand and
by independent scripts over the portfolio's CSVs (collections-core/examples/portfolio)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Dict, List

import pytest

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo.py"


@pytest.fixture(scope="module")
def report() -> List[str]:
    done = subprocess.run([sys.executable, str(DEMO)], check=True, capture_output=True, text=True, timeout=120)
    assert done.stderr == ""
    return done.stdout.splitlines()


def demo_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("officers_day", DEMO)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def aging_table(report: List[str], heading: str) -> Dict[str, int]:
    """Accounts per bucket in the aging table that follows the line starting with `heading`."""
    start = next(i for i, line in enumerate(report) if line.strip().startswith(heading))
    rows = report[start + 2:start + 11]
    assert rows[-1].split()[0] == "total"
    return {row.split()[0]: int(row.split()[1]) for row in rows}


def test_the_aging_buckets_are_those_counted_by_an_independent_script(report: List[str]) -> None:
    # Counted with awk over the CSVs, without the library: each account's payments (payments.csv) applied
    # to its installments (installments.csv) oldest first; the first installment due before 2026-03-02
    # that the rest does not cover in full gives the days past due (2026-03-02 minus its due date, by a
    # days-from-civil formula), 0 when none; buckets of 30 days from 1, 181+ beyond 180.
    assert aging_table(report, "1. Aging as of 2026-03-02") == {
        "current": 169, "1-30": 32, "31-60": 9, "61-90": 10, "91-120": 19, "121-150": 12, "151-180": 9,
        "181+": 40, "total": 300,
    }
    assert "  delinquent accounts: 131" in report  # 300 - 169


def test_an_account_that_never_paid_is_aged_from_its_first_installment() -> None:
    # L-0058 (behaviour "never") has no row in payments.csv or week.csv. Its installments are 1,359.06 on
    # the 22nd of each month from 2025-09-22. On 2026-03-02 it counts from 2025-09-22: 8 days to
    # September 30, then 31 + 30 + 31 + 31 + 28 for October to February and 2 in March: 161 days,
    # bucket 151-180. Six installments have fallen due (September to February): 6 x 1,359.06 = 8,154.36.
    # The demo's ledger of the account (no payment event) ages it so.
    demo = demo_module()
    portfolio = demo.load(demo.PORTFOLIO)
    assert "L-0058" not in portfolio.payments and "L-0058" not in portfolio.week
    account = next(a for a in portfolio.accounts if a.id == "L-0058")
    aging = demo.open_ledger(account, portfolio).aging(demo.AS_OF, demo.AgingRules())
    assert (aging.days_past_due, aging.bucket_label) == (161, "151-180")
    assert aging.past_due_amount == Decimal("8154.36")


def test_an_add_on_loan_on_the_ledger_worked_by_hand(report: List[str]) -> None:
    # L-0004 (opened 2025-07-03): 48 installments on the 3rd from 2025-08-03, 47 of 250.07 and the last
    # (2029-07-03) 249.95: 47 x 250.07 = 11,753.29 + 249.95 = 12,003.24, the ledger's principal at rate 0.
    # payments.csv holds 5 payments of 250.07 (2025-08-01 to 2025-12-02): oldest first, they pay the
    # installments of August to December (those made before a due date prepay it). On 2026-03-02 January and
    # February are unpaid: from the oldest, 2026-01-03, 28 days (to January 31) + 28 (February) + 2 = 58
    # days past due, arrears 2 x 250.07 = 500.14 (March's falls due on 2026-03-03).
    # week.csv's L-0004-W1, 500.14 on 2026-03-06, pays January's and February's 250.07 each, past due;
    # March's (2026-03-03) stays unpaid: 4 days past due on 2026-03-07, so the account is not cured.
    demo = demo_module()
    portfolio = demo.load(demo.PORTFOLIO)
    account = next(a for a in portfolio.accounts if a.id == "L-0004")
    ledger = demo.open_ledger(account, portfolio)
    assert ledger.account.principal == Decimal("12003.24")
    aging = ledger.aging(demo.AS_OF, demo.AgingRules())
    assert (aging.days_past_due, aging.past_due_amount) == (58, Decimal("500.14"))
    assert ("    L-0004-W1 2026-03-06 500.14: principal due 2026-01-03 250.07, principal due 2026-02-03 250.07; "
            "to credit 0.00") in report
    cured = next(line for line in report if line.startswith("  accounts cured ("))
    assert "L-0004" not in cured.split(": ")[1].split()


def test_the_chosen_plans_freeze_interest_on_their_ledgers(report: List[str]) -> None:
    # Every chosen plan is built on PlanTerms' defaults, which freeze interest: each of the 62 ledgers is
    # opened again with the plan's frozen period on its terms.
    assert "  chosen plans: 62" in report
    assert ("  payment events on the ledgers; interest frozen on 62 ledgers over their chosen plan (its start to its "
            "last promise)") in report


def test_the_week_collects_what_week_csv_holds(report: List[str]) -> None:
    # awk -F, 'NR > 1 { s += $4 } END { printf "%.2f %d\n", s, NR - 1 }' week.csv: 36954.72 in 52 rows.
    assert "5. The week: 52 payments posted (2026-03-02 to 2026-03-06), as of 2026-03-07" in report
    assert any(line.startswith("  collected 36954.72, ") for line in report)


def test_the_right_party_contact_rate_is_that_of_contacts_csv(report: List[str]) -> None:
    # grep -c ',call,' contacts.csv: 414 calls; grep -c ',call,outbound,right_party,': 77 reached the right
    # party. 77 / 414 = 0.18599... -> 18.6%.
    assert "    right-party contacts     18.6%  (77 of 414 calls in contacts.csv)" in report


def test_the_plans_of_an_account_worked_by_hand(report: List[str]) -> None:
    # L-0015: 15 installments of 49.89 due before 2026-03-02 (2024-12-27 to 2026-02-27), 4 paid (awk over
    # installments.csv and payments.csv): arrears 11 x 49.89 = 548.79. Its statement leaves 4,112.66 a month,
    # so the affordable plan is the arrears at once on 2026-03-06, hazard 5%. Discounted at 10% a year over
    # the 4 days from 2026-03-02: 1.1^(-4/365) = exp(-0.0010444951) = 0.9989560. NPV 548.79 x 0.9989560 =
    # 548.217 -> 548.22; expected 0.95 x 548.79 = 521.35 (to the cent) x 0.9989560 = 520.806 -> 520.81.
    # The 80% settlement: 439.032 -> 439.03, NPV x 0.9989560 = 438.572 -> 438.57; expected 0.95 x 439.03 =
    # 417.08 x 0.9989560 = 416.644 -> 416.64.
    # The affordable plan has the best expected NPV.
    at = report.index("  L-0015 arrears 548.79 disposable 4112.66:")
    assert report[at + 1] == "    * affordable     1 promises total    548.79 npv    548.22 expected npv    520.81"
    assert report[at + 3] == "      settlement-80  1 promises total    439.03 npv    438.57 expected npv    416.64"
