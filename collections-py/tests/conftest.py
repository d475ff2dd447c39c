"""Shared by the cluster tests (test_dask.py, test_spark.py): a long table of promises, the input of
collections_core.plan.score_many, for a synthetic portfolio of plans."""

from __future__ import annotations

import datetime
import random
from typing import Any, Dict, List

import pytest

# The two plans worked by hand in the cluster tests (H-1 and H-2); the rest are generated.
HAND_PLANS: Dict[str, List[Any]] = {
    "plan_id": ["H-1", "H-1", "H-2"],
    "date": [datetime.date(2026, 1, 1), datetime.date(2027, 1, 1), datetime.date(2026, 1, 1)],
    "amount": ["500.00", "550.00", "100.00"],
    "currency": ["USD"] * 3,
    "balance": ["1050.00", "1050.00", "100.00"],
    "start_date": [datetime.date(2026, 1, 1)] * 3,
    "probability": ["1", "0.5", "1"],
    "disposable_income": [1100, 1100, 200],
}


def synthetic_promises(plans: int, seed: int = 8) -> Dict[str, List[Any]]:
    """`plans` generated plans (P-0000, ...) after the hand-worked ones, deterministically (a seeded
    `random.Random`): each 1 to 6 monthly promises of whole cents from a start date in 2026, a balance at
    least what is promised, probabilities falling by 0.1 a month from 0.9, a whole monthly income."""
    rng = random.Random(seed)
    table: Dict[str, List[Any]] = {name: list(values) for name, values in HAND_PLANS.items()}
    for k in range(plans):
        start = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(180))
        count = rng.randint(1, 6)
        cents = [rng.randrange(2_000, 50_000) for _ in range(count)]
        balance = sum(cents) + rng.randrange(0, 20_000)
        income = rng.randrange(300, 3_000)
        for n, c in enumerate(cents):
            table["plan_id"].append(f"P-{k:04}")
            table["date"].append(start + datetime.timedelta(days=7 + 30 * n))
            table["amount"].append(f"{c // 100}.{c % 100:02}")
            table["currency"].append("USD")
            table["balance"].append(f"{balance // 100}.{balance % 100:02}")
            table["start_date"].append(start)
            table["probability"].append(f"0.{9 - n}")
            table["disposable_income"].append(income)
    return table


@pytest.fixture(scope="session")
def promises() -> Dict[str, List[Any]]:
    """The hand-worked plans and 400 generated ones (about 1,400 promises), as a dict of columns."""
    return synthetic_promises(400)
