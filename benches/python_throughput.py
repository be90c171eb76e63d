#!/usr/bin/env python3
"""Throughput of the Python package's `fix_batch` against `calque fix -`.

Generates ~100 MB of segments, one per line (the non-blank lines of
fixtures/clean/ in a fixed random order, with the machine-translated seed's
lines every 256 KB, as benches/run.py does with paragraphs), under
target/bench-data/ (never committed); then times, best of --repeat runs:

- `calque -j2 fix - < segments > out` (the whole process);
- `Linter().fix_batch(segments, threads=2)` on the lines already in memory;
- the Python path end to end: read and split the file, fix_batch, join and
  write the result;

and compares the outputs: the Python ones must be identical; the command
line's differs where one of its matches crosses a line break (it reads
consecutive lines as one paragraph, fix_batch each segment alone), and the
lines where it does are counted and shown. Needs the package
installed (`pip install ./crates/calque-py`) and a release build of the
binary (`cargo build --release`). Usage:

    python3 benches/python_throughput.py [--size-mb 100] [--repeat 2]
"""

import argparse
import random
import resource
import subprocess
import time
from pathlib import Path

import calque

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "target" / "bench-data"
CALQUE = ROOT / "target" / "release" / "calque"


def generate(size: int) -> Path:
    path = DATA / f"segments-{size >> 20}mb.txt"
    if path.exists():
        return path
    rng = random.Random(20)
    clean = [
        line
        for f in sorted((ROOT / "fixtures" / "clean").glob("*"))
        for line in f.read_text("utf-8").splitlines()
        if line.strip()
    ]
    seed = [
        line
        for f in sorted((ROOT / "fixtures" / "seed").glob("*.txt"))
        for line in f.read_text("utf-8").splitlines()
        if line.strip()
    ]
    out, total, since_seed = [], 0, 0
    while total < size:
        rng.shuffle(clean)
        for line in clean:
            out.append(line)
            total += len(line.encode()) + 1
            since_seed += len(line) + 1
            if since_seed >= 256 << 10:
                out.extend(seed)
                total += sum(len(s.encode()) + 1 for s in seed)
                since_seed = 0
            if total >= size:
                break
    DATA.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in out), encoding="utf-8")
    return path


def cpu_seconds():
    """CPU time (user + system) of this process and its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best(repeat, run):
    """Best wall time of `repeat` runs, the CPU time of that run, the result.
    (On a shared machine the CPU time drifts less than the wall time.)"""
    runs = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), cpu_seconds()
        result = run()
        runs.append((time.perf_counter() - start, cpu_seconds() - cpu))
    wall, cpu = min(runs)
    return wall, cpu, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    path = generate(args.size_mb << 20)
    mb = path.stat().st_size / 1e6
    lines = path.read_text("utf-8").splitlines()
    print(f"{path.relative_to(ROOT)}: {mb:.1f} MB, {len(lines)} segments")

    out = DATA / "segments-fixed-cli.txt"

    def cli():
        with open(path, "rb") as stdin, open(out, "wb") as stdout:
            done = subprocess.run(
                [CALQUE, f"-j{args.threads}", "--no-config", "fix", "-"],
                stdin=stdin, stdout=stdout,
            )
        assert done.returncode in (0, 1)
        return out.read_text("utf-8")

    linter = calque.Linter()

    def batch():
        return linter.fix_batch(lines, threads=args.threads)

    py_out = DATA / "segments-fixed-py.txt"

    def end_to_end():
        segments = path.read_text("utf-8").splitlines()
        fixed = linter.fix_batch(segments, threads=args.threads)
        py_out.write_text("".join(t + "\n" for t in fixed), encoding="utf-8")
        return py_out.read_text("utf-8")

    cli_s, cli_cpu, cli_text = best(args.repeat, cli)
    batch_s, batch_cpu, fixed = best(args.repeat, batch)
    e2e_s, e2e_cpu, e2e_text = best(args.repeat, end_to_end)
    batch_text = "".join(t + "\n" for t in fixed)
    assert batch_text == e2e_text

    def row(label, wall, cpu):
        print(f"{label:<26} {wall:7.2f} s wall {mb / wall:6.1f} MB/s ({cli_s / wall:.2f}x)"
              f"   {cpu:7.2f} s CPU {mb / cpu:6.1f} MB/s ({cli_cpu / cpu:.2f}x)")

    print("(x: throughput relative to the command line)")
    row(f"calque -j{args.threads} fix -", cli_s, cli_cpu)
    row(f"fix_batch(threads={args.threads})", batch_s, batch_cpu)
    row("read + fix_batch + write", e2e_s, e2e_cpu)
    # fix_batch fixes each segment alone; the command line reads lines
    # without a blank line between them as one paragraph, where a rule may
    # match across a line break: count the lines where that made a difference.
    py_out.write_text(batch_text, encoding="utf-8")
    diff = subprocess.run(["diff", out, py_out], capture_output=True, text=True).stdout
    differing = sum(1 for line in diff.splitlines() if line.startswith("<"))
    print(f"lines of the command line's output that fix_batch's lacks: {differing}")
    print(diff[:2000], end="")


if __name__ == "__main__":
    main()
