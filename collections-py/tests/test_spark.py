"""plan.score_many on Spark: PySpark in local mode (two cores) scores a Spark DataFrame of promises, grouped
by plan, with applyInPandas, and gets what score_many gives over the whole pandas frame.

Spark runs on Java: without `java` on PATH this test FAILS (it does not skip), so a CI machine without Java
is noticed. Every expected value is worked by hand in the comment beside it, or compared with the
one-process path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from typing import Any, Dict, Iterator, List

import pytest

from collections_core.plan import score_many

pd = pytest.importorskip("pandas")
pyspark_sql = pytest.importorskip("pyspark.sql")
T = pytest.importorskip("pyspark.sql.types")
pa = pytest.importorskip("pyarrow")
spark_cloudpickle = pytest.importorskip("pyspark.cloudpickle")

RATE = "0.10"


def input_schema() -> Any:
    """The promises: exact decimals for the money and probabilities, dates as dates."""
    return T.StructType([
        T.StructField("plan_id", T.StringType(), False),
        T.StructField("date", T.DateType(), False),
        T.StructField("amount", T.DecimalType(12, 2), False),
        T.StructField("currency", T.StringType(), False),
        T.StructField("balance", T.DecimalType(12, 2), False),
        T.StructField("start_date", T.DateType(), False),
        T.StructField("probability", T.DecimalType(5, 4), False),
        T.StructField("disposable_income", T.LongType(), False),
    ])


def output_schema() -> Any:
    """score_many's columns: amounts decimal(38, 2), the ratios decimal(38, 28), as its Arrow table has them."""
    def money(name: str) -> Any:
        return T.StructField(name, T.DecimalType(38, 2))

    def ratio(name: str) -> Any:
        return T.StructField(name, T.DecimalType(38, 28))

    return T.StructType([
        T.StructField("plan_id", T.StringType()),
        money("total"),
        T.StructField("promises", T.LongType()),
        T.StructField("duration_days", T.LongType()),
        money("npv"),
        ratio("recovery_ratio"),
        money("largest_monthly_payment"),
        ratio("payment_to_income"),
        money("expected_value"),
        money("expected_npv"),
    ])


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """A local Spark session of two cores and 512 MiB, no UI, warnings only; stopped at the end."""
    # Spark starts $JAVA_HOME/bin/java when JAVA_HOME is set, otherwise the `java` on PATH.
    home = os.environ.get("JAVA_HOME")
    java = shutil.which(os.path.join(home, "bin", "java") if home else "java")
    if java is None:
        pytest.fail(f"PySpark needs Java 17 or later (no `java` {'in ' + home if home else 'on PATH'}): install a "
                    "JDK (e.g. apt-get install openjdk-17-jre-headless) to run the Spark test")
    # `java -version` writes e.g. 'openjdk version "17.0.15" 2025-04-15' (Java 8: '"1.8.0_402"') to stderr.
    version = subprocess.run([java, "-version"], capture_output=True, text=True, check=True).stderr
    found = re.search(r'version "(\d+)(?:\.(\d+))?', version)
    assert found is not None, f"cannot read the version of {java}: {version}"
    major = int(found[2] if found[1] == "1" and found[2] else found[1])
    if major < 17:
        pytest.fail(f"PySpark 4 needs Java 17 or later; {java} is Java {major}")
    with pytest.MonkeyPatch.context() as mp:
        # The driver binds to the loopback address (no warning about the host's name resolving to it).
        mp.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        # The Python workers run this interpreter (the venv's, with collections_core), and get this module's
        # functions by value: pytest imports it under a name they cannot import.
        mp.setenv("PYSPARK_PYTHON", sys.executable)
        spark_cloudpickle.register_pickle_by_value(sys.modules[__name__])
        session = (
            pyspark_sql.SparkSession.builder.master("local[2]")
            .appName("collections-core-test")
            .config("spark.driver.memory", "512m")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("WARN")
        try:
            yield session
        finally:
            session.stop()
            spark_cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


def score_group(rows: Any) -> Any:
    """score_many over one plan's promises (in date order), its decimals as Decimal objects for Spark."""
    scores = score_many(rows.sort_values("date", kind="stable"), RATE)
    return scores.astype(object)


# PySpark 4.3 warns (a FutureWarning, and a UserWarning quoting it) that it "does not yet fully support pandas
# >= 3.0.0" (the pinned pandas is 3.1) whenever applyInPandas is called; the grouped-map path used
# here is checked value by value below.
@pytest.mark.filterwarnings(r"ignore:.*PySpark does not yet fully support pandas >= 3\.0\.0")
def test_apply_in_pandas_equals_score_many(spark: Any, promises: Dict[str, List[Any]]) -> None:
    # Handed over as an Arrow table: the amounts, balances and probabilities (text in the shared table) as
    # decimals, the dates as dates.
    exact = {"amount": pa.decimal128(12, 2), "balance": pa.decimal128(12, 2), "probability": pa.decimal128(5, 4)}
    arrow = pa.table({n: pa.array([Decimal(v) for v in promises[n]], exact[n]) if n in exact else promises[n]
                      for n in input_schema().names})
    frame = spark.createDataFrame(arrow, schema=input_schema())
    scored = frame.groupBy("plan_id").applyInPandas(score_group, schema=output_schema())
    # Collected as rows (Spark's toPandas trips on a pandas 3 deprecation): the decimals come back as Decimals.
    got = {r["plan_id"]: r.asDict() for r in scored.collect()}

    # The one-process path: the whole table, as a dict of columns, gives a pyarrow Table.
    expected = {r["plan_id"]: r for r in score_many(promises, RATE).to_pylist()}
    assert len(got) == len(expected) == 402
    assert got == expected

    h1, h2 = got["H-1"], got["H-2"]
    # H-1: 500.00 on its start date, 550.00 a year (365 days) later, at 10% a year: NPV 500 + 550 / 1.1 =
    # 1,000.00; expected 1 x 500 + 0.5 x 550 = 775.00, discounted 500 + 275 / 1.1 = 750.00; recovery
    # 1,000 / 1,050 = 0.95238095238... (20 / 21).
    assert (h1["npv"], h1["expected_value"], h1["expected_npv"]) == (
        Decimal("1000.00"), Decimal("775.00"), Decimal("750.00"))
    assert h1["recovery_ratio"].quantize(Decimal("1e-10")) == Decimal("0.9523809524")
    # H-2: 100.00 at once on 100.00 owed: recovery 1, and 100 / 200 of income = 0.5.
    assert (h2["recovery_ratio"], h2["payment_to_income"]) == (Decimal(1), Decimal("0.5"))

