#!/usr/bin/env python3
"""How long `calque lsp` takes from a change to a 1 MB document to its fresh
diagnostics: the time from writing a one-character `didChange` to reading the
`publishDiagnostics` of that version, as an editor would wait for it.

    cargo build --release
    python3 benches/lsp_latency.py [--binary target/release/calque] [--size 1] [--changes 30]

The document is made of the repository's clean English (fixtures/clean),
with machine-translation errors sprinkled in, repeated to the size asked
for. Prints the median and the worst latency over the changes.
"""

import argparse
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "lsp"))
from jsonrpc import Server  # noqa: E402  (the tests' framing)


def document(size: int) -> str:
    clean = sorted((ROOT / "fixtures" / "clean").rglob("*.txt"))
    prose = "\n\n".join(p.read_text(encoding="utf-8") for p in clean[:20])
    if not prose:
        prose = "The ministers met in Geneva and agreed on a plan.\n"
    errors = "XI reaffirmed the long -term plan and the all-terrain friendship.\n\n"
    text = ""
    while len(text.encode()) < size:
        text += prose[:20000] + "\n\n" + errors
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(ROOT / "target" / "release" / "calque"))
    parser.add_argument("--size", type=float, default=1.0, help="document size in MB")
    parser.add_argument("--changes", type=int, default=30)
    args = parser.parse_args()

    text = document(int(args.size * 2**20))
    lsp = Server(args.binary)
    server, send = lsp.process, lsp.send

    def diagnostics_of(version):
        while True:
            message = lsp.read()
            if (
                message.get("method") == "textDocument/publishDiagnostics"
                and message["params"].get("version") == version
            ):
                return message["params"]["diagnostics"]

    uri = "file:///bench/large.txt"
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    lsp.read()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    start = time.perf_counter()
    send({
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
    })
    found = diagnostics_of(1)
    opened = time.perf_counter() - start

    lines = text.count("\n")
    latencies = []
    for version in range(2, args.changes + 2):
        # Type a letter somewhere in the middle, then delete it: the
        # document keeps its findings, and every change is a real edit.
        line = lines // 2 + version
        position = {"line": line, "character": 0}
        if version % 2 == 0:
            change = {"range": {"start": position, "end": position}, "text": "a"}
        else:
            end = {"line": line - 1, "character": 1}
            change = {"range": {"start": {"line": line - 1, "character": 0}, "end": end}, "text": ""}
        start = time.perf_counter()
        send({
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        })
        diagnostics_of(version)
        latencies.append(time.perf_counter() - start)

    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(timeout=30)
    ms = [s * 1000 for s in latencies]
    print(f"document: {len(text.encode()) / 2**20:.2f} MB, {lines} lines, {len(found)} diagnostics")
    print(f"open to diagnostics: {opened * 1000:.1f} ms")
    print(
        f"change to fresh diagnostics over {len(ms)} changes: "
        f"median {statistics.median(ms):.1f} ms, worst {max(ms):.1f} ms"
    )


if __name__ == "__main__":
    main()
