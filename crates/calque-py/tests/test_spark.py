"""calque on Apache Spark in local[2] mode: a DataFrame column fixed with
mapInPandas (the installed package on the executors) and with the command
line through rdd.pipe; both equal calque's own output on the same segments.

Skipped when pyspark is not installed, unless CALQUE_REQUIRE_SPARK=1 (set
by .ci/run), where a missing pyspark fails.
"""

import os
import shlex
import sys

import pytest

import calque

if os.environ.get("CALQUE_REQUIRE_SPARK") != "1":
    pytest.importorskip("pyspark")
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")

from pyspark.sql import SparkSession  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    # The executors' Python workers run this interpreter, so they import
    # the same installed calque.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("calque-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def segments(seed_text):
    # Each line of the seed is a segment; blank ones dropped, as a corpus
    # of segments would have none.
    return [line for line in seed_text.splitlines() if line.strip()]


def test_map_in_pandas_fixes_a_column(spark, segments, run_cli):
    # Defined here, so that it is shipped to the executors by value (a
    # module-level function is sent by name, and the test module is not
    # importable there).
    def fix_partitions(batches):
        import calque

        linter = calque.Linter(from_="any")
        for frame in batches:
            # One thread per task: Spark already runs a task per core.
            frame["text"] = linter.fix_batch(frame["text"].tolist(), threads=1)
            yield frame

    frame = spark.createDataFrame(list(enumerate(segments)), "id long, text string")
    assert frame.rdd.getNumPartitions() == 2
    fixed = frame.mapInPandas(fix_partitions, schema=frame.schema).orderBy("id").collect()
    got = [row.text for row in fixed]
    assert got == calque.Linter(from_="any").fix_batch(segments)
    assert "".join(t + "\n" for t in got) == run_cli(["--from", "any", "fix", "-"], "".join(t + "\n" for t in segments))
    assert got != segments


def test_rdd_pipe_through_the_command_line(spark, segments, calque_bin):
    frame = spark.createDataFrame(list(enumerate(segments)), "id long, text string")
    command = f"{shlex.quote(calque_bin)} --no-config --from any fix -"
    got = frame.rdd.map(lambda row: row.text).pipe(command).collect()
    assert got == calque.Linter(from_="any").fix_batch(segments)
