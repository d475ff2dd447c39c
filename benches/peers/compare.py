#!/usr/bin/env python3
"""The peer comparison: the same work through collections_core, numpy-financial, pyxirr and QuantLib.

Run by ``make bench`` in the benches' own virtual environment (build/bench-venv: the pins of
benches/peers/requirements.txt and a release wheel of collections-py); it builds nothing itself. Every
cell is the median time per call over several repeats of ``timeit.Timer.repeat``, each repeat running
as many calls as ``Timer.autorange`` found to take 0.2 s, all in this one run; the functions of one
workload letter are timed round-robin, so ours and the peers share the machine's load. Before anything is timed,
each workload checks that ours and every peer computed the same thing (payments and rates to 1e-9, the
schedule's interest column against ipmt), so no ratio compares different work.

Issue 8 adds the batch calls over about a million rows: amortize_many (1,000,008 installments) against
numpy-financial's and pyxirr's ipmt and ppmt over the same rows, and the throughput of plan.score_many
and contact.evaluate_many / evaluate_table, which no peer has; then each batch call on one thread
against two (``set_threads``), unless ``--no-scaling``.

A feature of collections_core that is missing or refuses the workload's arguments prints ``n/a`` with
the reason as a footnote, instead of failing the run.

    python benches/peers/compare.py [--repeat 7] [--markdown build/bench/peers.md] [--only TEXT]
        [--no-scaling]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import os
import platform
import statistics
import sys
import timeit
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable, Dict, List, Optional

import numpy as np
import numpy_financial as npf
import pyarrow as pa
import pyxirr
import QuantLib as ql

import collections_core as cc
import collections_core.finance as ccf
from collections_core.contact import (
    Attempt,
    ContactHistory,
    ContactProfile,
    ContactRequest,
    Destination,
    Policy,
    evaluate_many,
    evaluate_table,
)
from collections_core.plan import score_many

# ---------------------------------------------------------------- columns of the table

NPF, PYXIRR, QL, DECIMAL = "numpy-financial", "pyxirr", "QuantLib", "Python decimal"
PEERS = (NPF, PYXIRR, QL, DECIMAL)
SHORT = {NPF: "npf", PYXIRR: "pyxirr", QL: "QL", DECIMAL: "decimal"}

# ---------------------------------------------------------------- inputs

CENT = Decimal("0.01")
PRINCIPAL, ANNUAL = Decimal("200000"), Decimal("0.06")
MONTHLY = ANNUAL / 12  # 0.005 exactly
TERM = 360
START, FIRST_DUE = dt.date(2026, 1, 1), dt.date(2026, 2, 1)
PERIODS = np.arange(1, TERM + 1)


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    return d.replace(year=d.year + y, month=m + 1)


# 121 dated flows: an advance of 100000, then 120 monthly payments of about 1100.
FLOW_DATES = [add_months(dt.date(2020, 1, 15), i) for i in range(121)]
FLOWS_DEC = [Decimal("-100000")] + [Decimal("1100.00") + 5 * (i % 12) for i in range(120)]
FLOWS_F = [float(a) for a in FLOWS_DEC]
QL_DATES = [ql.Date(d.day, d.month, d.year) for d in FLOW_DATES]
# The same flows as numpy columns, as a notebook holds them.
FLOW_DAYS = np.array(FLOW_DATES, dtype="datetime64[D]")
FLOWS_ARRAY = np.array(FLOWS_F)

# Regulation Z: 10000 advanced on 2026-01-10, 36 monthly payments of 330.
APR_ADVANCE_DATES, APR_ADVANCES = [dt.date(2026, 1, 10)], [Decimal("10000")]
APR_PAYMENT_DATES = [add_months(dt.date(2026, 1, 10), k) for k in range(1, 37)]
APR_PAYMENTS = [Decimal("330")] * 36

# 1,000,000 float64 rows and 10,000 Decimal rows of (monthly rate, periods, present value).
RNG = np.random.default_rng(20260101)
N_FLOAT = 1_000_000
F_RATE = RNG.uniform(0.0005, 0.02, N_FLOAT)
F_NPER = RNG.integers(12, 361, N_FLOAT).astype(np.float64)
F_PV = RNG.uniform(1_000.0, 500_000.0, N_FLOAT)

N_DEC = 10_000
D_RATE_LIST = [Decimal(f"{r:.6f}") for r in RNG.uniform(0.0005, 0.02, N_DEC)]
D_NPER_LIST = [int(n) for n in RNG.integers(12, 361, N_DEC)]
D_PV_LIST = [Decimal(f"{p:.2f}") for p in RNG.uniform(1_000.0, 500_000.0, N_DEC)]
D_RATE = np.array(D_RATE_LIST, dtype=object)
D_NPER = np.array(D_NPER_LIST, dtype=object)
D_PV = np.array(D_PV_LIST, dtype=object)
# The same values as float64 (each the nearest double to its Decimal).
DF_RATE = np.array([float(x) for x in D_RATE_LIST])
DF_NPER = np.array(D_NPER_LIST, dtype=np.float64)
DF_PV = np.array([float(x) for x in D_PV_LIST])
# The same rows as pyarrow arrays: float64 (d) and decimal128 (e), read through the Arrow C interface.
PA_RATE, PA_NPER, PA_PV = pa.array(F_RATE), pa.array(F_NPER), pa.array(F_PV)
PA_D_RATE = pa.array(D_RATE_LIST, pa.decimal128(10, 6))
PA_D_NPER = pa.array(D_NPER_LIST, pa.int64())
PA_D_PV = pa.array(D_PV_LIST, pa.decimal128(14, 2))

# Issue 8: the batch calls over about 1,000,000 rows. 27,778 loans of 36 monthly installments make
# 1,000,008 installment rows (amortize_many) and as many promises (score_many, one plan a loan);
# 1,000,000 contact requests about 1,000 people (evaluate_many, evaluate_table).
N_LOANS, LOAN_TERM = 27_778, 36
N_INSTALLMENTS = N_LOANS * LOAN_TERM
L_PRINCIPAL = [Decimal(f"{p:.2f}") for p in RNG.uniform(1_000.0, 50_000.0, N_LOANS)]
L_RATE = [Decimal(f"{r:.4f}") for r in RNG.uniform(0.05, 0.30, N_LOANS)]
L_START = [dt.date(2026, 1, 1) + dt.timedelta(days=k % 28) for k in range(N_LOANS)]
L_FIRST_DUE = [add_months(d, 1) for d in L_START]
# The peers' row-wise inputs: one row per installment, loan by loan (ours' order), as float64.
L_RATE_ROWS = np.repeat(np.array([float(r) for r in L_RATE]) / 12, LOAN_TERM)
L_PV_ROWS = np.repeat(np.array([float(p) for p in L_PRINCIPAL]), LOAN_TERM)
L_PER_ROWS = np.tile(np.arange(1, LOAN_TERM + 1, dtype=np.float64), N_LOANS)


@functools.lru_cache(maxsize=None)
def loans_table() -> Any:
    return pa.table({
        "loan_id": pa.array([f"L{k}" for k in range(N_LOANS)]),
        "principal": pa.array(L_PRINCIPAL, pa.decimal128(12, 2)),
        "annual_rate": pa.array(L_RATE, pa.decimal128(6, 4)),
        "start_date": pa.array(L_START, pa.date32()),
        "first_due_date": pa.array(L_FIRST_DUE, pa.date32()),
        "term": pa.array([LOAN_TERM] * N_LOANS, pa.int64()),
    })


@functools.lru_cache(maxsize=None)
def promises_table() -> Any:
    """One plan a loan: its 36 installments (from amortize_many) as the promises, the balance what
    they add up to (principal and interest), a probability falling from 0.99 by 0.01 a month."""
    rows = cc.amortize_many(loans_table())
    payments = rows.column("payment").to_pylist()
    totals = [sum(payments[k : k + LOAN_TERM]) for k in range(0, N_INSTALLMENTS, LOAN_TERM)]
    balance = pa.array(np.repeat(np.array(totals, dtype=object), LOAN_TERM), pa.decimal128(14, 2))
    start = pa.array(np.repeat(np.array(L_START, dtype=object), LOAN_TERM), pa.date32())
    probability = [Decimal(99 - k) / 100 for k in range(LOAN_TERM)] * N_LOANS
    return pa.table({
        "plan_id": rows.column("loan_id"),
        "date": rows.column("due_date"),
        "amount": rows.column("payment"),
        "currency": pa.array(["USD"] * N_INSTALLMENTS),
        "balance": balance,
        "start_date": start,
        "probability": pa.array(probability, pa.decimal128(4, 2)),
    })


N_PEOPLE, N_REQUESTS = 1_000, 1_000_000
US_ZONES = ("America/New_York", "America/Los_Angeles")
CONTACT_CELL = "+1 212 555 0100"


@functools.lru_cache(maxsize=None)
def contact_inputs() -> Any:
    """1,000 people in New York or Los Angeles (both zones checked for each), each with a cell and an
    email and a history of 10 attempts over the week before; 1,000 requests a person: calls and
    emails at every quarter hour of Monday 2026-04-13 (UTC), so some are allowed and some blocked."""
    profiles, histories = [], {}
    for k in range(N_PEOPLE):
        person = f"p{k}"
        profiles.append(ContactProfile(
            person, [US_ZONES[k % 2], US_ZONES[(k + 1) % 2]],
            destinations=[Destination(CONTACT_CELL, "phone", line="cell"),
                          Destination(f"{person}@example.com", "email")],
        ))
        attempts = [
            Attempt(dt.datetime(2026, 4, 6 + a % 5, 14 + a % 6, 0, tzinfo=dt.timezone.utc), "call",
                    "no_answer" if a % 3 else "right_party_conversation", CONTACT_CELL, ["card"])
            for a in range(10)
        ]
        histories[person] = ContactHistory(attempts)
    base = dt.datetime(2026, 4, 13, tzinfo=dt.timezone.utc)
    per = N_REQUESTS // N_PEOPLE
    columns: Dict[str, List[Any]] = {"person": [], "debt": [], "channel": [], "destination": [], "at": []}
    for k in range(N_PEOPLE):
        person = f"p{k}"
        for j in range(per):
            email = j % 4 == 3
            columns["person"].append(person)
            columns["debt"].append("card")
            columns["channel"].append("email" if email else "call")
            columns["destination"].append(f"{person}@example.com" if email else CONTACT_CELL)
            columns["at"].append(base + dt.timedelta(minutes=15 * (j % 96)))
    return profiles, histories, columns


@functools.lru_cache(maxsize=None)
def contact_items() -> Any:
    """The same requests as evaluate_many's items: (profile, history, request) per row."""
    profiles, histories, c = contact_inputs()
    by_person = {p.person: p for p in profiles}
    return [
        (by_person[person], histories[person], ContactRequest(person, debt, channel, destination, at))
        for person, debt, channel, destination, at in zip(
            c["person"], c["debt"], c["channel"], c["destination"], c["at"]
        )
    ]


def ours_amortize_many() -> Any:
    return cc.amortize_many(loans_table())


def ours_amortize_many_float() -> Any:
    return cc.amortize_many(loans_table(), money="float64")


def npf_installments() -> Any:
    return (npf.ipmt(L_RATE_ROWS, L_PER_ROWS, LOAN_TERM, L_PV_ROWS),
            npf.ppmt(L_RATE_ROWS, L_PER_ROWS, LOAN_TERM, L_PV_ROWS))


def pyxirr_installments() -> Any:
    return (pyxirr.ipmt(L_RATE_ROWS, L_PER_ROWS, LOAN_TERM, L_PV_ROWS),
            pyxirr.ppmt(L_RATE_ROWS, L_PER_ROWS, LOAN_TERM, L_PV_ROWS))


def ours_score_many() -> Any:
    return score_many(promises_table(), "0.12")


def ours_evaluate_many() -> Any:
    return evaluate_many(Policy.us_federal(), contact_items())


def ours_evaluate_table() -> Any:
    profiles, histories, columns = contact_inputs()
    return evaluate_table(Policy.us_federal(), profiles, columns, histories)

# ---------------------------------------------------------------- the workloads' implementations


def ours_schedule() -> Any:
    return cc.amortize(PRINCIPAL, ANNUAL, START, FIRST_DUE, term=TERM)


def ours_schedule_arrow() -> Any:
    return ours_schedule().to_arrow()


def ours_schedule_columns() -> Any:
    return ours_schedule().columns()


def npf_schedule() -> Any:
    return npf.ipmt(0.005, PERIODS, TERM, 200000.0), npf.ppmt(0.005, PERIODS, TERM, 200000.0)


def pyxirr_schedule() -> Any:
    return pyxirr.ipmt(0.005, PERIODS, TERM, 200000.0), pyxirr.ppmt(0.005, PERIODS, TERM, 200000.0)


QL_TERM = ql.Period(TERM, ql.Months)
QL_CALENDAR = ql.NullCalendar()
QL_DAY_COUNT = ql.Thirty360(ql.Thirty360.BondBasis)


def quantlib_schedule() -> Any:
    """A mortgage-style amortizing bond: QuantLib's sinking-fund schedule and annuity notionals, the
    bond's 360 coupons (interest) and 360 redemptions (principal) read into two float64 arrays."""
    start = ql.Date(1, 1, 2026)
    schedule = ql.sinkingSchedule(start, QL_TERM, ql.Monthly, QL_CALENDAR)
    notionals = ql.sinkingNotionals(QL_TERM, ql.Monthly, 0.06, 200000.0)
    bond = ql.AmortizingFixedRateBond(
        0, notionals, schedule, [0.06], QL_DAY_COUNT, ql.Unadjusted, start
    )
    amounts = np.fromiter((cf.amount() for cf in bond.cashflows()), np.float64, 2 * TERM)
    # Each due date has its coupon, then its redemption.
    return amounts[0::2], amounts[1::2]


def decimal_schedule() -> Any:
    """The plain Python loop: the annuity payment rounded to cents, each row's interest rounded half
    up to cents, the last row paying off the balance; three columns of Decimals."""
    r = MONTHLY
    payment = (PRINCIPAL * r / (1 - (1 + r) ** -TERM)).quantize(CENT, ROUND_HALF_UP)
    balance = PRINCIPAL
    interest_col: List[Decimal] = []
    principal_col: List[Decimal] = []
    balance_col: List[Decimal] = []
    for k in range(1, TERM + 1):
        interest = (balance * r).quantize(CENT, ROUND_HALF_UP)
        part = balance if k == TERM else payment - interest
        balance -= part
        interest_col.append(interest)
        principal_col.append(part)
        balance_col.append(balance)
    return interest_col, principal_col, balance_col


def quantlib_xirr() -> float:
    """CashFlows.yieldRate: the advance as the leg's price on its date, annual compounding, ACT/365F."""
    leg = ql.Leg([ql.SimpleCashFlow(a, d) for a, d in zip(FLOWS_F[1:], QL_DATES[1:])])
    return ql.CashFlows.yieldRate(
        leg, -FLOWS_F[0], ql.Actual365Fixed(), ql.Compounded, ql.Annual,
        False, QL_DATES[0], QL_DATES[0], 1e-12, 100, 0.1,
    )


def ours_pmt_decimal_rows() -> Any:
    return ccf.pmt(D_RATE, D_NPER, D_PV)


def decimal_pmt_rows() -> List[Decimal]:
    """pmt row by row in Python decimals (fv 0, payments at period ends)."""
    out = []
    for r, n, pv in zip(D_RATE_LIST, D_NPER_LIST, D_PV_LIST):
        growth = (1 + r) ** n
        out.append(-pv * r * growth / (growth - 1))
    return out


# ---------------------------------------------------------------- agreement checks


def close(a: Any, b: Any, rel: float = 1e-9, what: str = "") -> None:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape or not np.allclose(a, b, rtol=rel, atol=0.0):
        worst = np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300)) if a.shape == b.shape else None
        raise AssertionError(f"{what}: results differ (shapes {a.shape} {b.shape}, worst relative {worst})")


def check_schedule(r: Dict[str, Any]) -> None:
    npf_i, npf_p = (-x for x in r[NPF])
    close(r[PYXIRR][0], -npf_i, what="pyxirr ipmt vs numpy-financial")
    close(r[PYXIRR][1], -npf_p, what="pyxirr ppmt vs numpy-financial")
    close(r[QL][0], npf_i, what="QuantLib coupons vs numpy-financial ipmt")
    close(r[QL][1], npf_p, rel=1e-8, what="QuantLib redemptions vs numpy-financial ppmt")
    dec_interest = r[DECIMAL][0]
    if "arrow" in r:
        table = r["arrow"]
        assert table.num_rows == TERM
        assert table.column("interest").to_pylist() == dec_interest, "ours (to_arrow) vs decimal loop"
        assert table.column("principal").to_pylist() == r[DECIMAL][1], "ours (to_arrow) principal"
        assert table.column("closing_balance").to_pylist() == r[DECIMAL][2], "ours (to_arrow) balance"
    if "columns" in r:
        cols = r["columns"]
        cents = [int(x * 100) for x in dec_interest]
        assert cols["interest"].tolist() == cents, "ours (columns) vs decimal loop"
    # The rounded schedule and the unrounded annuity: each row's interest within a few cents, the
    # totals within a few dollars (the payment is rounded to 1199.10 from 1199.1010...).
    ours_interest = np.array([float(x) for x in dec_interest])
    assert np.max(np.abs(ours_interest - npf_i)) < 0.05, "rounded interest vs ipmt, per row"
    assert abs(ours_interest.sum() - npf_i.sum()) < 5.0, "rounded interest vs ipmt, total"


def check_same(reference: str, rel: float = 1e-9) -> Callable[[Dict[str, Any]], None]:
    def check(r: Dict[str, Any]) -> None:
        for name, value in r.items():
            if name != reference:
                close(value, r[reference], rel=rel, what=f"{name} vs {reference}")

    return check


def check_apr(r: Dict[str, Any]) -> None:
    # A regular transaction: the APR is 12 times the monthly IRR.
    monthly = pyxirr.irr([-10000.0] + [330.0] * 36)
    close(float(r["ours"].apr), 12 * monthly, rel=1e-6, what="APR vs 12 x monthly irr")


def money_floats(column: Any) -> np.ndarray:
    return column.cast(pa.float64()).to_numpy()


def check_installments(r: Dict[str, Any]) -> None:
    npf_i, npf_p = (-x for x in r[NPF])
    close(r[PYXIRR][0], -npf_i, what="pyxirr ipmt vs numpy-financial")
    close(r[PYXIRR][1], -npf_p, what="pyxirr ppmt vs numpy-financial")
    for key in ("arrow", "float"):
        if key not in r:
            continue
        t = r[key]
        assert t.num_rows == N_INSTALLMENTS, f"ours ({key}): {t.num_rows} rows"
        assert t.column("number").to_numpy().tolist() == L_PER_ROWS.astype(np.int64).tolist(), "numbers"
        interest, principal = money_floats(t.column("interest")), money_floats(t.column("principal"))
        # Ours rounds the payment and each row's interest to cents and lets the last row pay the
        # balance off; the peers' rows are unrounded. Every row's interest stays within two cents of
        # ipmt, and so does the principal but for the last row's, which takes the payment's rounding
        # (at most half a cent a row) with its interest: under 0.005 x 36 x 1.025^36 = 0.44.
        last = L_PER_ROWS == LOAN_TERM
        assert np.max(np.abs(interest - npf_i)) < 0.02, f"ours ({key}) interest vs ipmt"
        assert np.max(np.abs(principal - npf_p)[~last]) < 0.02, f"ours ({key}) principal vs ppmt"
        assert np.max(np.abs(principal - npf_p)[last]) < 0.5, f"ours ({key}) last principal vs ppmt"


def check_scores(r: Dict[str, Any]) -> None:
    t = r["ours"]
    assert t.num_rows == N_LOANS, "one row per plan"
    assert t.column("plan_id").to_pylist()[:2] == ["L0", "L1"], "plans in the order they appear"
    # Each plan's total is the sum of its 36 promises (the schedule's payments), exactly.
    payments = promises_table().column("amount").to_pylist()[:LOAN_TERM]
    assert t.column("total").to_pylist()[0] == sum(payments), "plan L0's total"
    assert t.column("promises").to_pylist()[0] == LOAN_TERM, "plan L0's promises"
    npv, ev = money_floats(t.column("npv")), money_floats(t.column("expected_value"))
    total = money_floats(t.column("total"))
    assert np.all(npv < total) and np.all(ev < total), "discounting and probabilities lower the value"


def check_decisions(r: Dict[str, Any]) -> None:
    out = r["ours"]
    allowed = [d.allowed for d in out] if isinstance(out, list) else out["allowed"]
    assert len(allowed) == N_REQUESTS, "one decision per request"
    assert 0 < sum(allowed) < N_REQUESTS, "some requests allowed, some blocked"
    if not isinstance(out, list):  # evaluate_table decides as evaluate_many does
        assert allowed == [d.allowed for d in ours_evaluate_many()], "evaluate_table vs evaluate_many"


# ---------------------------------------------------------------- workloads


@dataclass
class Workload:
    name: str
    ours: Callable[[], Any]
    peers: Dict[str, Callable[[], Any]]
    check: Callable[[Dict[str, Any]], None]
    # The peers ours must beat: (names, "<" strictly faster or "<=" at least as fast), or None to report.
    target: Optional[tuple] = None
    ours_key: str = "ours"
    # For a batch call: how many of what one call does, to print ours as a throughput.
    rows: Optional[tuple] = None


def workloads() -> List[Workload]:
    schedule_peers = {
        NPF: npf_schedule,
        PYXIRR: pyxirr_schedule,
        QL: quantlib_schedule,
        DECIMAL: decimal_schedule,
    }
    pmt_peers = {
        NPF: lambda: npf.pmt(0.005, 360, 200000.0),
        PYXIRR: lambda: pyxirr.pmt(0.005, 360, 200000.0),
    }
    rate_peers = {
        NPF: lambda: npf.rate(360, -1199.10, 200000.0, 0.0),
        PYXIRR: lambda: pyxirr.rate(360, -1199.10, 200000.0),
    }
    xirr_peers = {PYXIRR: lambda: pyxirr.xirr(FLOW_DATES, FLOWS_F), QL: quantlib_xirr}
    irr_peers = {NPF: lambda: npf.irr(FLOWS_F), PYXIRR: lambda: pyxirr.irr(FLOWS_F)}
    both = ((NPF, PYXIRR), "<")
    return [
        Workload(
            "a. schedule, 360 monthly rows, to_arrow()",
            ours_schedule_arrow, schedule_peers, check_schedule, ((PYXIRR,), "<"), "arrow",
        ),
        Workload(
            "a. schedule, 360 monthly rows, columns() (numpy)",
            ours_schedule_columns, schedule_peers, check_schedule, ((PYXIRR,), "<"), "columns",
        ),
        Workload(
            "a. schedule, 360 rows, amortize() alone (rows kept in Rust)",
            ours_schedule, {}, lambda r: None,
        ),
        Workload(
            "b. pmt, one loan, Decimal arguments",
            lambda: ccf.pmt(MONTHLY, 360, PRINCIPAL), pmt_peers, check_same(NPF), both,
        ),
        Workload(
            "b. pmt, one loan, float arguments",
            lambda: ccf.pmt(0.005, 360, 200000.0), pmt_peers, check_same(NPF), both,
        ),
        Workload(
            "b. rate, 360 periods, Decimal arguments",
            lambda: ccf.rate(360, Decimal("-1199.10"), PRINCIPAL, 0), rate_peers, check_same(NPF), both,
        ),
        Workload(
            "b. rate, 360 periods, float arguments",
            lambda: ccf.rate(360, -1199.10, 200000.0, 0.0), rate_peers, check_same(NPF), both,
        ),
        Workload(
            "c. xirr, 121 dated flows, Decimal amounts",
            lambda: ccf.xirr(FLOW_DATES, FLOWS_DEC), xirr_peers, check_same(PYXIRR), ((PYXIRR,), "<"),
        ),
        Workload(
            "c. xirr, 121 dated flows, float amounts",
            lambda: ccf.xirr(FLOW_DATES, FLOWS_F), xirr_peers, check_same(PYXIRR), ((PYXIRR,), "<"),
        ),
        Workload(
            "c. xirr, 121 dated flows, numpy columns (datetime64[D], float64)",
            lambda: ccf.xirr(FLOW_DAYS, FLOWS_ARRAY),
            {PYXIRR: lambda: pyxirr.xirr(FLOW_DAYS, FLOWS_ARRAY)},
            check_same(PYXIRR), ((PYXIRR,), "<"),
        ),
        Workload(
            "d. pmt over 1,000,000 float64 rows",
            lambda: ccf.pmt(F_RATE, F_NPER, F_PV),
            {NPF: lambda: npf.pmt(F_RATE, F_NPER, F_PV), PYXIRR: lambda: pyxirr.pmt(F_RATE, F_NPER, F_PV)},
            check_same(NPF), ((NPF,), "<="),
        ),
        Workload(
            "d. pmt over 1,000,000 float64 rows as pyarrow arrays (float64 array out)",
            lambda: ccf.pmt(PA_RATE, PA_NPER, PA_PV),
            {NPF: lambda: npf.pmt(F_RATE, F_NPER, F_PV), PYXIRR: lambda: pyxirr.pmt(F_RATE, F_NPER, F_PV)},
            check_same(NPF),
        ),
        Workload(
            "e. pmt over 10,000 decimal128 rows (pyarrow arrays, exact, decimal128 out); peers on float64",
            lambda: ccf.pmt(PA_D_RATE, PA_D_NPER, PA_D_PV),
            {
                NPF: lambda: npf.pmt(DF_RATE, DF_NPER, DF_PV),
                PYXIRR: lambda: pyxirr.pmt(DF_RATE, DF_NPER, DF_PV),
                DECIMAL: decimal_pmt_rows,
            },
            check_same(DECIMAL),
        ),
        Workload(
            "e. pmt over 10,000 Decimal rows (object arrays); peers on the same values as float64",
            ours_pmt_decimal_rows,
            {
                NPF: lambda: npf.pmt(DF_RATE, DF_NPER, DF_PV),
                PYXIRR: lambda: pyxirr.pmt(DF_RATE, DF_NPER, DF_PV),
                DECIMAL: decimal_pmt_rows,
            },
            check_same(DECIMAL),
        ),
        Workload(
            "e. pmt over 10,000 Decimal rows; numpy-financial on the same object arrays",
            ours_pmt_decimal_rows,
            {NPF: lambda: npf.pmt(D_RATE, D_NPER, D_PV)},
            check_same(NPF, rel=1e-20),
        ),
        Workload(
            "f. Regulation Z APR, 36 monthly payments (no peer has one)",
            lambda: ccf.apr_regulation_z(APR_ADVANCE_DATES, APR_ADVANCES, APR_PAYMENT_DATES, APR_PAYMENTS),
            {}, check_apr,
        ),
        Workload(
            "g. irr, 121 values, Decimal",
            lambda: ccf.irr(FLOWS_DEC), irr_peers, check_same(PYXIRR), both,
        ),
        Workload(
            "g. irr, 121 values, float",
            lambda: ccf.irr(FLOWS_F), irr_peers, check_same(PYXIRR), both,
        ),
        Workload(
            "h. amortize_many, 27,778 loans x 36 months = 1,000,008 installment rows, decimal128 money",
            ours_amortize_many, {NPF: npf_installments, PYXIRR: pyxirr_installments},
            check_installments, ((NPF, PYXIRR), "<"), "arrow", (N_INSTALLMENTS, "installments"),
        ),
        Workload(
            "h. amortize_many, the same 1,000,008 rows, money='float64'",
            ours_amortize_many_float, {NPF: npf_installments, PYXIRR: pyxirr_installments},
            check_installments, ((NPF, PYXIRR), "<"), "float", (N_INSTALLMENTS, "installments"),
        ),
        Workload(
            "i. plan.score_many, 27,778 plans x 36 promises = 1,000,008 promises (no peer scores plans)",
            ours_score_many, {}, check_scores, rows=(N_LOANS, "plans"),
        ),
        Workload(
            "j. contact.evaluate_many, 1,000,000 requests, 1,000 people (no peer has contact rules)",
            ours_evaluate_many, {}, check_decisions, rows=(N_REQUESTS, "decisions"),
        ),
        Workload(
            "j. contact.evaluate_table, the same 1,000,000 requests as a dict of columns",
            ours_evaluate_table, {}, check_decisions, rows=(N_REQUESTS, "decisions"),
        ),
    ]


# What each cell does, printed under the table.
NOTES = [
    "a: ours builds the whole schedule (due dates, day counts, six amount columns rounded to cents, "
    "holiday flags) and exports it as a pyarrow Table (decimal128 amounts) or a dict of numpy arrays "
    "(int64 cents); its interest, principal and balance columns equal the Python decimal loop's exactly. "
    "numpy-financial and pyxirr compute unrounded ipmt and ppmt float64 arrays over periods 1..360. "
    "QuantLib builds an AmortizingFixedRateBond from sinkingSchedule and sinkingNotionals (monthly 30/360 "
    "coupons) and reads its 720 cash flows into two float64 arrays. Python decimal is a loop over Decimal "
    "rows (interest rounded half up to cents, the annuity payment rounded to cents) into three lists.",
    "b, g: QuantLib has no pmt, rate or periodic irr; numpy-financial has no xirr.",
    "c: QuantLib is CashFlows.yieldRate (annual compounding, ACT/365F) on a leg of SimpleCashFlows, "
    "timed with building the leg from the same Python dates and floats. The numpy-columns row gives "
    "ours and pyxirr the same datetime64[D] and float64 arrays.",
    "d: ours splits long float64 columns over the machine's cores; numpy-financial and pyxirr use one.",
    "e: ours reads each Decimal of the object arrays and returns an object array of Decimals; Python "
    "decimal is a loop over the same Decimals.",
    "f: no peer computes a Regulation Z APR (ours is checked against 12 x pyxirr.irr, which it equals "
    "for this regular transaction).",
    "h: ours reads a pyarrow table of 27,778 loans (decimal128 principal and rate, date32 dates, int64 "
    "term) and returns the long table (loan_id, number, due_date, payment, interest, principal, "
    "balance; rounded to cents, the last row paying off) as a pyarrow Table, on the threads of "
    "set_threads (here the machine's cores). numpy-financial and pyxirr compute unrounded ipmt and "
    "ppmt over 1,000,008 float64 rows prepared beforehand (each loan's monthly rate, principal and "
    "period number repeated per installment), on one core, with no dates.",
    "i: score_many reads a pyarrow table of 1,000,008 promises (the loans of h as plans: their "
    "payments, due dates, a probability per promise) and scores each plan at 12% a year (NPV, recovery "
    "ratio, expected value and expected NPV, exact decimals).",
    "j: the federal policy (Regulation F, the TCPA, status holds); each person in New York and Los "
    "Angeles (both zones checked), a history of 10 attempts, calls and emails at every quarter hour of "
    "one day. evaluate_many takes prebuilt (profile, history, request) tuples; evaluate_table reads "
    "the same requests as a dict of Python lists (a datetime object per row) and builds them in Rust.",
]

# ---------------------------------------------------------------- timing


def medians_per_call(functions: List[Callable[[], Any]], repeat: int) -> Dict[int, float]:
    """The median time per call of each function (by id): ``Timer.autorange`` finds how many calls
    take 0.2 s, then ``repeat`` rounds each time every function for its number of calls."""
    timers = [timeit.Timer(fn) for fn in functions]
    numbers = [timer.autorange()[0] for timer in timers]
    samples: List[List[float]] = [[] for _ in functions]
    for _ in range(repeat):
        for timer, number, sample in zip(timers, numbers, samples):
            sample.append(timer.repeat(repeat=1, number=number)[0] / number)
    return {id(fn): statistics.median(sample) for fn, sample in zip(functions, samples)}


def fmt_time(seconds: Optional[float]) -> str:
    if seconds is None:
        return "n/a"
    if seconds < 1e-6:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        us = seconds * 1e6
        return f"{us:.3g} µs" if us < 100 else f"{us:.0f} µs"
    ms = seconds * 1e3
    return f"{ms:.3g} ms" if ms < 100 else f"{ms:.0f} ms"


def fmt_ratio(ratio: float) -> str:
    return f"{ratio:.2g}" if ratio < 0.1 else f"{ratio:.2f}" if ratio < 10 else f"{ratio:.0f}"


@dataclass
class Row:
    workload: Workload
    ours: Optional[float]
    peers: Dict[str, float]
    footnote: Optional[str] = None


def machine_note() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    versions = ", ".join(
        [
            f"collections_core {cc.__version__}",
            f"numpy {np.__version__}",
            f"numpy-financial {npf.__version__}",
            f"pyxirr {pyxirr.__version__}",
            f"QuantLib {ql.__version__}",
            f"CPython {platform.python_version()}",
        ]
    )
    return f"{dt.date.today().isoformat()}, {cpu}, {os.cpu_count()} cores, {platform.system()}; {versions}"


def run(repeat: int, only: Optional[str]) -> List[Row]:
    """Checks each workload, then times the rows of one letter together: each distinct function once,
    round-robin, so a change in the machine's load falls on ours and the peers alike."""
    rows = []
    selected = [w for w in workloads() if not only or only in w.name]
    for _, group in itertools.groupby(selected, key=lambda w: w.name[0]):
        group = list(group)
        functions: Dict[int, Callable[[], Any]] = {}
        footnotes: Dict[int, str] = {}
        for w in group:
            print(f"  {w.name} ...", file=sys.stderr, flush=True)
            results = {name: fn() for name, fn in w.peers.items()}
            try:
                results[w.ours_key] = w.ours()
                functions[id(w.ours)] = w.ours
            except Exception as e:  # a feature of ours not there yet, or refusing these arguments
                footnotes[id(w)] = f"{type(e).__name__}: {e}"
            w.check(results)  # the peers among themselves, and ours if it ran
            functions.update((id(fn), fn) for fn in w.peers.values())
        times = medians_per_call(list(functions.values()), repeat)
        for w in group:
            ours = None if id(w) in footnotes else times[id(w.ours)]
            peers = {name: times[id(fn)] for name, fn in w.peers.items()}
            rows.append(Row(w, ours, peers, footnotes.get(id(w))))
    return rows


def target_cell(row: Row) -> str:
    if row.workload.target is None:
        return "report"
    names, op = row.workload.target
    want = " and ".join(SHORT[n] for n in names)
    if row.ours is None:
        return f"{op} {want}: n/a"
    missed = [
        n for n in names
        if (row.ours >= row.peers[n] if op == "<" else row.ours > row.peers[n])
    ]
    if not missed:
        return f"{op} {want}: met"
    return f"{op} {want}: missed ({', '.join(SHORT[n] for n in missed)})"


def table(rows: List[Row]) -> List[str]:
    header = ["workload", "ours (median)", *PEERS, *(f"ours/{SHORT[p]}" for p in PEERS), "target"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    notes = []
    for row in rows:
        name = row.workload.name
        ours = fmt_time(row.ours)
        if row.footnote:
            notes.append(row.footnote)
            ours += f" [{len(notes)}]"
        cells = [name, ours]
        cells += [fmt_time(row.peers[p]) if p in row.peers else "—" for p in PEERS]
        cells += [
            fmt_ratio(row.ours / row.peers[p]) if p in row.peers and row.ours is not None else "—"
            for p in PEERS
        ]
        cells.append(target_cell(row))
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for row in rows:
        if row.workload.rows and row.ours is not None:
            count, unit = row.workload.rows
            lines.append(
                f"- throughput, {row.workload.name}: {count:,} {unit} in "
                f"{fmt_time(row.ours)} = {count / row.ours:,.0f} {unit} a second"
            )
    lines += [f"- [{i}] ours n/a: {note}" for i, note in enumerate(notes, 1)]
    lines += [f"- {note}" for note in NOTES]
    return lines


# The batch calls whose scaling from one core to two is measured (issue 8), by their rows' letters.
SCALED = "dhij"


def scaling(repeat: int, only: Optional[str]) -> List[str]:
    """Each batch call of ours on one thread and on two (``set_threads``), alternated ``repeat`` times
    in this one run (one, two, one, two...), so a change in load falls on both; medians per call."""
    lines = [
        "| workload | 1 thread (median) | 2 threads (median) | speedup (1 thread / 2 threads) |",
        "|---|---|---|---|",
    ]
    selected = [w for w in workloads() if w.name[0] in SCALED and (not only or only in w.name)]
    try:
        for w in selected:
            print(f"  scaling: {w.name} ...", file=sys.stderr, flush=True)
            timer = timeit.Timer(w.ours)
            cc.set_threads(2)
            number = timer.autorange()[0]
            samples: Dict[int, List[float]] = {1: [], 2: []}
            for _ in range(repeat):
                for threads in (1, 2):
                    cc.set_threads(threads)
                    samples[threads].append(timer.repeat(repeat=1, number=number)[0] / number)
            one, two = statistics.median(samples[1]), statistics.median(samples[2])
            lines.append(f"| {w.name} | {fmt_time(one)} | {fmt_time(two)} | {one / two:.2f}x |")
    finally:
        cc.set_threads(None)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=9, help="repeats per cell (median taken)")
    parser.add_argument("--markdown", metavar="PATH", help="also write the table as Markdown here")
    parser.add_argument("--only", metavar="TEXT", help="run only the workloads whose name contains TEXT")
    parser.add_argument(
        "--no-scaling", action="store_true", help="skip timing the batch calls on one thread against two"
    )
    args = parser.parse_args()

    note = machine_note()
    print(f"peer comparison: {note}", file=sys.stderr)
    rows = run(args.repeat, args.only)
    lines = [
        f"Medians per call of {args.repeat} repeats (timeit, each repeat >= 0.2 s, a workload's functions "
        f"round-robin), {note}. "
        "Ratios are ours / theirs: below 1 we are faster.",
        "",
        *table(rows),
    ]
    if not args.no_scaling:
        lines += [
            "",
            f"Scaling of the batch calls from one core to two (`set_threads(1)` against `set_threads(2)`, "
            f"alternated, medians per call of {args.repeat}; {os.cpu_count()} cores on this machine):",
            "",
            *scaling(args.repeat, args.only),
        ]
    print("\n".join(lines))
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write("\n".join(lines).rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
