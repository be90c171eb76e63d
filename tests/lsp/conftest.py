"""End-to-end tests of `calque lsp` with a real LSP client (pytest-lsp).

The server is the real binary: CALQUE_BIN names it, or target/debug/calque
(built by `cargo build`) is used.
"""

import os
import pathlib

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
CALQUE = os.environ.get("CALQUE_BIN", str(ROOT / "target" / "debug" / "calque"))

if not pathlib.Path(CALQUE).exists():
    pytest.exit(f"no calque binary at {CALQUE}: run `cargo build` first", returncode=2)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[CALQUE, "lsp"]))
async def client(lsp_client: LanguageClient):
    # Each test initializes the session itself (encodings, options differ).
    yield
    if lsp_client.capabilities is not None:
        await lsp_client.shutdown_session()


@pytest.fixture
def calque_bin() -> str:
    return CALQUE
