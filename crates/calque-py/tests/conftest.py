"""Shared fixtures: the repository, the calque binary, the seed text."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def calque_bin() -> str:
    """The command line to compare with: $CALQUE_BIN, else the newest
    build in target/, else `calque` on PATH."""
    named = os.environ.get("CALQUE_BIN")
    if named:
        return named
    built = [ROOT / "target" / p / "calque" for p in ("release", "debug")]
    built = [b for b in built if b.is_file()]
    if built:
        return str(max(built, key=lambda b: b.stat().st_mtime))
    found = shutil.which("calque")
    if found is None:
        pytest.fail("no calque binary: build it (cargo build --release) or set CALQUE_BIN")
    return found


@pytest.fixture(scope="session")
def run_cli(calque_bin):
    """Runs the command line on stdin and returns its stdout (exit codes 0
    and 1 are success: 1 only says that something was found)."""

    def run(args, text: str) -> str:
        done = subprocess.run(
            [calque_bin, "--no-config", *args],
            input=text.encode("utf-8"),
            capture_output=True,
        )
        assert done.returncode in (0, 1), done.stderr.decode()
        return done.stdout.decode("utf-8")

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "fixtures" / "seed" / "000_0a50a29a47c1f7ef.txt").read_text("utf-8")
