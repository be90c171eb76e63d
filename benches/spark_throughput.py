#!/usr/bin/env python3
"""Throughput of calque on PySpark in local[N] mode, both ways of
docs/scale-out.md: `mapInPandas` with the Python package, and `rdd.pipe`
through the binary. Input: the segments file of
benches/python_throughput.py (run it first with the same --size-mb).

    python3 benches/spark_throughput.py [--size-mb 10] [--cores 2]

Prints wall time, MB/s and MB/s per core of each, and whether both outputs
equal `fix_batch` on the driver. Spark's start-up is not timed.
"""

import argparse
import os
import sys
import time
from pathlib import Path

import calque
from pyspark.sql import SparkSession

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "target" / "bench-data"
CALQUE = ROOT / "target" / "release" / "calque"


def fix_partitions(batches):
    import calque

    linter = calque.Linter()
    for frame in batches:
        frame["value"] = linter.fix_batch(frame["value"].tolist(), threads=1)
        yield frame


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=int, default=10)
    parser.add_argument("--cores", type=int, default=2)
    args = parser.parse_args()
    path = DATA / f"segments-{args.size_mb}mb.txt"
    mb = path.stat().st_size / 1e6
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    lines = path.read_text("utf-8").splitlines()
    expected = calque.Linter().fix_batch(lines)

    frame = spark.read.text(str(path)).repartition(args.cores * 4).cache()
    frame.count()
    start = time.perf_counter()
    fixed = frame.mapInPandas(fix_partitions, schema=frame.schema).collect()
    pandas_s = time.perf_counter() - start
    pandas_same = sorted(r.value for r in fixed) == sorted(expected)

    rdd = spark.sparkContext.textFile(str(path), args.cores * 4).cache()
    rdd.count()
    start = time.perf_counter()
    piped = rdd.pipe(f"{CALQUE} -j1 --no-config fix -").collect()
    pipe_s = time.perf_counter() - start
    pipe_same = piped == expected
    spark.stop()

    print(f"{path.relative_to(ROOT)}: {mb:.1f} MB, {len(lines)} segments, local[{args.cores}]")
    for label, wall, same in (("mapInPandas + fix_batch", pandas_s, pandas_same),
                              ("rdd.pipe(calque fix -)", pipe_s, pipe_same)):
        print(f"{label:<24} {wall:6.2f} s  {mb / wall:5.1f} MB/s"
              f"  {mb / wall / args.cores:5.1f} MB/s per core  equal to fix_batch: {same}")


if __name__ == "__main__":
    main()
