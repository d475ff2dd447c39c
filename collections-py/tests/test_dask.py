"""plan.score_many on a Dask cluster: a distributed LocalCluster of two worker processes scores a Dask
DataFrame of promises partition by partition (map_partitions), each plan's rows in one partition, and
gets what score_many gives over the whole pandas frame.

Every expected value is worked by hand in the comment beside it, or compared with the one-process path.
"""

from __future__ import annotations

import logging
import sys
from decimal import Decimal
from typing import Any, Dict, Iterator, List

import pytest

from collections_core.plan import score_many

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")

RATE = "0.10"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """Two worker processes of one thread and 512 MiB each, no dashboard, their logs silenced; shut down
    at the end of the module."""
    # pytest imports this module under a name the workers cannot import: its functions go by value.
    # (Dask pickles a task's nested functions by reference when plain pickle can: run from
    # collections-py, as `make test` does, so the workers can import `tests.test_dask`.)
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        memory_limit="512MiB",
        dashboard_address=None,
        # With the dashboard off the scheduler still serves HTTP, by default on 8787; a second run on
        # the machine would find it taken and warn (an error under -W error): any free port instead.
        scheduler_kwargs={"dashboard_address": ":0"},
        silence_logs=logging.ERROR,
    )
    try:
        with distributed.Client(cluster) as c:
            yield c
    finally:
        cluster.close()
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


def promises_frame(table: Dict[str, List[Any]]) -> Any:
    """The promises as pandas: dates as datetime64, amounts as text (exact; a float column is refused)."""
    df = pd.DataFrame(table)
    for name in ("date", "start_date"):
        df[name] = pd.to_datetime(df[name])
    return df


def score_partition(part: Any) -> Any:
    """score_many over one partition (indexed by plan_id), its promises in date order within each plan."""
    rows = part.reset_index().sort_values(["plan_id", "date"], kind="stable")
    return score_many(rows, RATE)


def by_plan(scores: Any) -> Any:
    """The scores in plan order, on a fresh index, every column as text (to compare exactly)."""
    return scores.sort_values("plan_id").reset_index(drop=True).astype(str)


def test_map_partitions_on_a_local_cluster_equals_score_many(client: Any, promises: Dict[str, List[Any]]) -> None:
    frame = promises_frame(promises)
    # Indexed by plan_id and split at plan boundaries (divisions are index values: equal ids share a
    # partition), so no plan is cut in two.
    ddf = dd.from_pandas(frame.set_index("plan_id"), npartitions=4, sort=True)
    assert ddf.npartitions > 1
    meta = score_partition(frame.set_index("plan_id").iloc[:0])
    scored = ddf.map_partitions(score_partition, meta=meta)
    got = scored.compute()
    # Each plan is scored once: one row per plan, none lost or split.
    assert len(got) == frame["plan_id"].nunique() == 402
    assert got["plan_id"].is_unique

    whole = score_many(frame, RATE)
    pd.testing.assert_frame_equal(by_plan(got), by_plan(whole))

    # Every promise is counted once and the totals add up to the table's amounts.
    assert int(got["promises"].sum()) == len(frame)
    assert sum(got["total"], Decimal(0)) == sum(map(Decimal, frame["amount"]), Decimal(0))

    row = got.set_index("plan_id")
    # H-1: 500.00 on its start date, 550.00 a year (365 days) later, at 10% a year: NPV 500 + 550 / 1.1 =
    # 1,000.00; expected 1 x 500 + 0.5 x 550 = 775.00, discounted 500 + 275 / 1.1 = 750.00. Its largest
    # month is 550.00 on an income of 1,100: payment-to-income 0.5.
    h1 = row.loc["H-1"]
    assert (h1["total"], h1["promises"], h1["duration_days"]) == (Decimal("1050.00"), 2, 365)
    assert (h1["npv"], h1["expected_value"], h1["expected_npv"]) == (
        Decimal("1000.00"), Decimal("775.00"), Decimal("750.00"))
    assert h1["payment_to_income"] == Decimal("0.5")
    # H-2: 100.00 at once, certain: NPV and expected NPV 100.00; 100 / 200 of income = 0.5.
    h2 = row.loc["H-2"]
    assert (h2["npv"], h2["expected_npv"], h2["payment_to_income"]) == (
        Decimal("100.00"), Decimal("100.00"), Decimal("0.5"))
