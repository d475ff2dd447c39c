"""The one thread-count setting of every batch call: set_threads, get_threads, COLLECTIONS_CORE_THREADS."""

from __future__ import annotations

import os
import subprocess
import threading
import time
import sys
from decimal import Decimal
from typing import Any, Dict, Iterator, List

import pytest

import collections_core as cc
from collections_core import finance as fin
from collections_core.affordability import assess_many
from collections_core.contact import ContactProfile, ContactRequest, Destination, Policy, evaluate_many
from collections_core.plan import score_many


@pytest.fixture(autouse=True)
def default_threads() -> Iterator[None]:
    yield
    cc.set_threads(None)


def test_set_and_get() -> None:
    cc.set_threads(1)
    assert cc.get_threads() == 1
    cc.set_threads(2)
    assert cc.get_threads() == 2
    cc.set_threads(1024)
    assert cc.get_threads() == 1024
    cc.set_threads(None)
    # Back to the machine's cores (not the 1,024 set before).
    assert 1 <= cc.get_threads() < 1024
    assert cc.THREADS_ENV_VAR == "COLLECTIONS_CORE_THREADS"


@pytest.mark.parametrize("bad", [0, -1, 1025, 10**30, True, 1.5, "2"])
def test_bad_counts_name_threads(bad: Any) -> None:
    cc.set_threads(3)
    with pytest.raises(cc.InvalidArgumentError) as e:
        cc.set_threads(bad)
    assert e.value.field == "threads"
    # A refused count leaves the setting as it was.
    assert cc.get_threads() == 3


def run_python(code: str, threads: str) -> "subprocess.CompletedProcess[str]":
    env = dict(os.environ, COLLECTIONS_CORE_THREADS=threads)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)


def test_environment_variable_read_at_import() -> None:
    done = run_python("import collections_core as cc; print(cc.get_threads())", "3")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "3"
    for bad in ("0", "-1", "1025", "two"):
        done = run_python("import collections_core", bad)
        assert done.returncode != 0, bad
        assert "COLLECTIONS_CORE_THREADS" in done.stderr
        assert "from 1 to 1024" in done.stderr
    # Empty is unset: the machine's cores.
    done = run_python("import collections_core as cc; print(cc.get_threads() >= 1)", "")
    assert done.stdout.strip() == "True", done.stderr


def both(call: Any) -> List[Any]:
    """The result of `call()` on one thread and on two."""
    out = []
    for n in (1, 2):
        cc.set_threads(n)
        out.append(call())
    return out


def test_finance_float_columns_agree() -> None:
    np = pytest.importorskip("numpy")
    # 2 x 65,536 rows: enough for two threads on the float path.
    rates = np.linspace(0.001, 0.02, 1 << 17)
    one, two = both(lambda: fin.pmt(rates, 12, 1000.0))
    assert np.array_equal(one, two)
    # 1,000 at 1% a month over 12 months: 88.85 a month (the annuity factor 11.2551), paid out.
    assert round(float(one[np.argmin(np.abs(rates - 0.01))]), 0) in (-89.0, -88.0)


def test_finance_first_bad_row_whatever_the_count() -> None:
    np = pytest.importorskip("numpy")
    rates = np.full(1 << 17, 0.01)
    # Rates at or below -100% have no payment; the second half's bad row comes first in C order.
    rates[100_000] = -2.0
    rates[70_000] = -2.0
    for n in (1, 2):
        cc.set_threads(n)
        with pytest.raises(cc.CollectionsError) as e:
            fin.pmt(rates, 12, 1000.0)
        assert "at index 70000" in str(e.value.value)


def test_finance_exact_columns_agree() -> None:
    np = pytest.importorskip("numpy")
    rates = np.array([Decimal(k) / 10000 for k in range(1, 601)], dtype=object)
    one, two = both(lambda: fin.pmt(rates, 12, 1000))
    assert list(one) == list(two)
    # Row 99 is 1% a month: 1,000 over 12 months is 88.8487886783... a month, paid out.
    assert round(one[99], 2) == Decimal("-88.85")


def statements(n: int) -> Dict[str, List[Any]]:
    """n one-adult statements, statement k earning 1,000 + k a month with 1,000 of housing."""
    ids = [f"s{k}" for k in range(n) for _ in range(2)]
    return {
        "statement_id": ids,
        "date": ["2025-06-01"] * (2 * n),
        "currency": ["GBP"] * (2 * n),
        "adults": [1] * (2 * n),
        "category": ["earnings", "housing"] * n,
        "amount": [x for k in range(n) for x in (1000 + k, 1000)],
        "frequency": ["monthly"] * (2 * n),
    }


def test_assess_many_agrees() -> None:
    pytest.importorskip("pyarrow")
    one, two = both(lambda: assess_many(statements(600)).to_pydict())
    assert one == two
    # Statement k: 1,000 + k in, 1,000 out, so k disposable.
    assert one["disposable_income"][599] == Decimal("599.00")


def test_score_many_agrees() -> None:
    pytest.importorskip("pyarrow")
    n = 600
    table = {
        "plan_id": [f"p{k}" for k in range(n)],
        "date": ["2026-01-01"] * n,
        "amount": [100 + k for k in range(n)],
        "currency": ["USD"] * n,
        "balance": [100 + k for k in range(n)],
        "start_date": ["2026-01-01"] * n,
    }
    one, two = both(lambda: score_many(table, "0.10").to_pydict())
    assert one == two
    # Plan k: 100 + k paid on the start date, so its value today is all of it.
    assert one["npv"][599] == Decimal("699.00")


def test_evaluate_many_agrees() -> None:
    p = ContactProfile("p1", ["Europe/London"], destinations=[Destination("a@b.uk", "email")])
    # 4,096 requests (the core's least for several threads), at every hour of Monday 1 June 2026.
    reqs = [ContactRequest("p1", "d", "email", "a@b.uk", f"2026-06-01T{k % 24:02}:00:00Z") for k in range(4096)]
    items = [(p, None, r) for r in reqs]
    one, two = both(lambda: [d.allowed for d in evaluate_many(Policy("united_kingdom"), items)])
    assert one == two
    # 06:00 UTC is 07:00 in London in June, before the UK's 08:00; 12:00 UTC is 13:00, allowed.
    assert one[6] is False and one[12] is True


def pool_threads() -> int:
    """The threads of this process named as the batch pool's workers (``collections-0``, ...)."""
    count = 0
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/comm") as comm:
                count += comm.read().startswith("collections-")
        except FileNotFoundError:  # a thread that ended meanwhile
            pass
    return count


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="thread names are read from /proc (Linux)")
def test_pool_follows_the_count() -> None:
    pytest.importorskip("pyarrow")
    table = statements(600)
    expected = None
    for n in (2, 3, 1, 2):
        cc.set_threads(n)
        out = assess_many(table).to_pydict()
        expected = expected or out
        assert out == expected
        # The pool has the count set (one is never needed: a single part runs on the calling thread,
        # but the pool of the last count stays). The threads of a replaced pool end soon after.
        want = n if n > 1 else None
        for _ in range(200):
            if want is None or pool_threads() == want:
                break
            time.sleep(0.025)
        if want is not None:
            assert pool_threads() == want


def test_progress_is_reported_from_the_calling_thread() -> None:
    pytest.importorskip("pyarrow")
    cc.set_threads(2)
    seen = set()
    out = assess_many(statements(1200), progress=lambda done, total: seen.add(threading.get_ident()))
    assert seen == {threading.get_ident()}
    assert out.column("disposable_income").to_pylist()[1199] == Decimal("1199.00")


def test_first_bad_loan_whatever_the_count() -> None:
    pytest.importorskip("pyarrow")
    from collections_core import amortize_many

    n = 64
    loans: Dict[str, List[Any]] = {
        "loan_id": [f"L{k}" for k in range(n)],
        "principal": [1200] * n,
        "annual_rate": ["0.12"] * n,
        "start_date": ["2026-01-01"] * n,
        "first_due_date": ["2026-02-01"] * n,
        "term": [3] * n,
        "payment": [None] * n,
    }
    # 1 a month never repays 1,200 at 12% (12 of interest a month): loans L10 and L50 fail when
    # their schedules are built, on the pool, in different parts on two threads (32 loans each).
    for k in (10, 50):
        loans["term"][k] = None
        loans["payment"][k] = 1
    for n_threads in (1, 2):
        cc.set_threads(n_threads)
        for progress in (None, lambda done, total: None):
            with pytest.raises(cc.NoSolutionError) as e:
                amortize_many(loans, progress=progress)
            assert e.value.field == "payment"
            assert str(e.value.value).startswith("loan L10: ")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork")
def test_a_forked_child_builds_its_own_pool() -> None:
    pytest.importorskip("pyarrow")
    # The parent's pool (two threads) exists before the fork; the child has none of its threads, so it
    # must build its own (multiprocessing's fork start method, as Dask or Spark workers may be).
    code = """
import os
import collections_core as cc
from collections_core.affordability import assess_many
n = 600
t = {"statement_id": [f"s{k}" for k in range(n) for _ in range(2)], "date": ["2025-06-01"] * (2 * n),
     "currency": ["GBP"] * (2 * n), "adults": [1] * (2 * n), "category": ["earnings", "housing"] * n,
     "amount": [x for k in range(n) for x in (1000 + k, 1000)], "frequency": ["monthly"] * (2 * n)}
cc.set_threads(2)
assess_many(t)
pid = os.fork()
if pid == 0:
    print(assess_many(t).column("disposable_income").to_pylist()[599], flush=True)
    os._exit(0)
os.waitpid(pid, 0)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    # Statement 599: 1,599 in, 1,000 out.
    assert done.stdout.strip() == "599.00"
