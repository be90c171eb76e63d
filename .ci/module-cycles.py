#!/usr/bin/env python3
"""Reports import cycles between the top-level modules of each crate.

A top-level module is a file or directory directly under a crate's src/
(`engine`, `pack`, ...). Module A depends on module B when a file of A names
`crate::B` in code (comments and `#[cfg(test)]` or `#[cfg(all(test, ...))]` test modules are left out:
tests may use anything). Exit status 1 when some modules import each other,
directly or through others, with the cycle printed.

Usage: .ci/module-cycles.py [CRATE_SRC_DIR]...   (default: every crate's src)
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def code_of(text: str) -> str:
    """The text without comments and without `#[cfg(test)] mod tests { ... }`."""
    text = re.sub(r"//[^\n]*", "", text)
    match = re.search(r"#\[cfg\((?:all\()?test\b[^\]]*\]\s*mod \w+\s*\{", text)
    if match:
        text = text[: match.start()]  # test modules close a file, by convention
    return text


def graph(src: Path) -> dict:
    modules = {p.stem if p.is_file() else p.name for p in src.iterdir()
               if (p.is_file() and p.suffix == ".rs") or p.is_dir()}
    modules -= {"lib", "main"}
    edges = {m: set() for m in modules}
    for file in src.rglob("*.rs"):
        rel = file.relative_to(src).parts
        owner = Path(rel[0]).stem
        if owner not in modules or file.name == "tests.rs":
            continue
        for used in re.findall(r"\bcrate::(\w+)", code_of(file.read_text())):
            if used in modules and used != owner:
                edges[owner].add(used)
    return edges


def cycles(edges: dict) -> list:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def main() -> int:
    dirs = [Path(a) for a in sys.argv[1:]] or [ROOT / "src"] + sorted(ROOT.glob("crates/*/src"))
    status = 0
    for src in dirs:
        edges = graph(src)
        for component in cycles(edges):
            status = 1
            links = [f"{a} -> {b}" for a in component for b in sorted(edges[a]) if b in component]
            print(f"{src.relative_to(ROOT)}: modules import each other: {', '.join(links)}")
    if status == 0:
        print(f"no import cycle between the top-level modules of {len(dirs)} crates")
    return status


if __name__ == "__main__":
    sys.exit(main())
