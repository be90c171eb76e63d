#!/usr/bin/env python3
"""calque's end-to-end benchmark: one run, one table.

Generates (deterministically, from the repository's fixtures) a ~100 MB
English corpus with machine-translation errors planted in it, synthetic
phrase packs of 100, 1,000 and 10,000 rules, the same phrases as ripgrep
pattern and phrase lists and as a GNU sed script; then times whole processes
(`calque check`, `calque diff`, `calque fix -`, ripgrep, sed), peak memory
(`/usr/bin/time -v`), the parallel speed-up over many files, start-up time
and the memory of `fix -` over a 1 GB stream. Prints the table and writes it
into docs/performance.md between the `bench:begin` / `bench:end` markers.

Generated data lives under target/bench-data/ (not in git). Not run in CI:
it takes several minutes. Usage: python3 benches/run.py [--size-mb 100]
[--stream-gb 1] [--sed-mb 4] [--no-write]
"""

import argparse
import datetime
import hashlib
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "target" / "bench-data"
CALQUE = ROOT / "target" / "release" / "calque"
DOC = ROOT / "docs" / "performance.md"
SEED = 20261128
PACK_SIZES = (100, 1000, 10000)
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


# ------------------------------------------------------------------ setup


def ensure_tools():
    """ripgrep and GNU time come from apt when missing (hyperfine is optional)."""
    missing = [
        pkg
        for tool, pkg in (("rg", "ripgrep"), ("/usr/bin/time", "time"))
        if shutil.which(tool) is None
    ]
    if missing and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", *missing], check=False,
                       stdout=subprocess.DEVNULL)
    for tool in ("rg", "/usr/bin/time", "sed"):
        if shutil.which(tool) is None:
            sys.exit(f"benches/run.py: {tool} is needed (apt-get install ripgrep time)")


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)


# ------------------------------------------------------------ generation


def paragraphs(path):
    text = path.read_text(encoding="utf-8")
    return [p.strip("\n") for p in re.split(r"\n[ \t\r]*\n", text) if p.strip()]


def vocabulary(clean_paragraphs):
    """Distinct lower-case words of four letters or more, sorted (deterministic)."""
    words = set()
    for p in clean_paragraphs:
        words.update(w.lower() for w in re.findall(r"\b[A-Za-z]{4,}\b", p))
    return sorted(words)


def synthetic_phrases(vocab, count, rng):
    """`count` distinct three-word phrases of corpus words; the first 100 of
    them are the ones planted, so every pack size has the same planted hits."""
    seen, phrases = set(), []
    while len(phrases) < count:
        phrase = tuple(rng.choice(vocab) for _ in range(3))
        if phrase not in seen and len(set(phrase)) == 3:
            seen.add(phrase)
            phrases.append(phrase)
    return phrases


def replacement(phrase):
    a, b, c = phrase
    return f"{a} {b}-{c}"


def plant(paragraph, phrase, rng):
    """Puts `phrase` after a random word of `paragraph`, sometimes capitalised
    or wrapped over a line break, as MT output and hard-wrapped text have it."""
    words = paragraph.split(" ")
    at = rng.randrange(len(words) + 1)
    text = " ".join(phrase)
    roll = rng.random()
    if roll < 0.2:
        text = text[0].upper() + text[1:]
    elif roll < 0.3:
        text = text.replace(" ", "\n", 1)
    words.insert(at, text)
    return " ".join(words)


def generate_corpus(size, clean, seed_paragraphs, planted, rng):
    """Clean paragraphs in random order, each with a 1 in 8 chance of a planted
    phrase error, and the MT seed article (79 annotated errors in 14 KB)
    every ~256 KB: about one error per 2 KB overall."""
    out, total, since_seed = [], 0, 0
    seed_text = "\n\n".join(seed_paragraphs)
    while total < size:
        p = rng.choice(clean)
        if rng.random() < 0.125:
            p = plant(p, rng.choice(planted), rng)
        out.append(p)
        total += len(p.encode()) + 2
        since_seed += len(p.encode()) + 2
        if since_seed >= 256 << 10:
            out.append(seed_text)
            total += len(seed_text.encode()) + 2
            since_seed = 0
    return "\n\n".join(out) + "\n"


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_pack(path, phrases):
    lines = ["[pack]", f'name = "synthetic-{len(phrases)}"',
             f'description = "{len(phrases)} generated three-word phrase rules (benchmark)"', ""]
    for i, phrase in enumerate(phrases):
        text, fixed = " ".join(phrase), replacement(phrase)
        lines += ["[[rule]]", f'id = "p{i}"', f"phrase = {toml_string(text)}",
                  f"replace = {toml_string(fixed)}", "safe = true",
                  'message = "synthetic phrase"',
                  f"examples = [{{ bad = {toml_string(text)}, good = {toml_string(fixed)} }}]", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_tool_inputs(base, phrases):
    """The same phrases for ripgrep (regexes and literals) and GNU sed."""
    n = len(phrases)
    (base / f"patterns-{n}.txt").write_text(
        "".join(rf"(?i)\b{a}\s+{b}\s+{c}\b" + "\n" for a, b, c in phrases))
    (base / f"phrases-{n}.txt").write_text("".join(" ".join(p) + "\n" for p in phrases))
    (base / f"sed-{n}.sed").write_text("".join(
        rf"s/\b{a}[[:space:]]+{b}[[:space:]]+{c}\b/{replacement((a, b, c))}/Ig" + "\n"
        for a, b, c in phrases))


def split_into_files(corpus, directory, target=64 << 10):
    """Cuts the corpus at paragraph breaks into files of about 64 KB."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    parts, current, size, n = [], [], 0, 0
    for p in corpus.split("\n\n"):
        current.append(p)
        size += len(p) + 2
        if size >= target:
            parts.append("\n\n".join(current) + "\n")
            current, size = [], 0
    if current:
        parts.append("\n\n".join(current) + "\n")
    for n, part in enumerate(parts):
        (directory / f"doc{n:05}.txt").write_text(part, encoding="utf-8")
    return len(parts)


def corpus_slice(corpus_path, mb):
    """The first ~`mb` MB of the corpus, cut at a paragraph break, as a file
    (for the tools too slow to run over all of it), and its size in MB."""
    path = DATA / f"corpus-first-{mb:.2f}mb.txt"
    if not path.exists():
        data = corpus_path.read_bytes()
        cut = data.rfind(b"\n\n", 0, int(mb * (1 << 20)))
        path.write_bytes(data[:cut + 2])
    return path, path.stat().st_size / 1e6


def sed_mb_for(rules, sed_mb):
    """GNU sed reads `sed_mb` at 100 rules, less the more rules (by the square
    root of their number), so that it runs in about a minute at most.
    (ripgrep at 10,000 rules is slow too, but compiling its patterns takes
    most of its time there, so a slice would not shorten it.)"""
    return sed_mb / (rules / 100) ** 0.5


def generate(size_mb):
    DATA.mkdir(parents=True, exist_ok=True)
    for stale in DATA.glob("corpus-first-*.txt"):
        stale.unlink()
    rng = random.Random(SEED)
    clean = []
    for path in sorted((ROOT / "fixtures" / "clean").iterdir()):
        if path.suffix in (".txt", ".md") and path.name not in ("README.md", "SOURCES.md"):
            clean += paragraphs(path)
    seed_paragraphs = []
    for path in sorted((ROOT / "fixtures" / "seed").glob("*.txt")):
        seed_paragraphs += paragraphs(path)
    vocab = vocabulary(clean)
    phrases = synthetic_phrases(vocab, max(PACK_SIZES), rng)
    for n in PACK_SIZES:
        write_pack(DATA / f"synthetic-{n}.toml", phrases[:n])
        write_tool_inputs(DATA, phrases[:n])
    corpus = generate_corpus(size_mb << 20, clean, seed_paragraphs, phrases[:100], rng)
    (DATA / "corpus.txt").write_text(corpus, encoding="utf-8")
    files = split_into_files(corpus, DATA / "many")
    (DATA / "tiny.txt").write_text("A short note with nothing to fix.\n")
    digest = hashlib.sha256(corpus.encode()).hexdigest()[:16]
    return {"files": files, "digest": digest}


# ---------------------------------------------------------------- timing


def run_timed(command, stdin=None, shell=False):
    """Wall time (perf_counter) and peak RSS in MB (GNU time -v) of one process."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        if shell:
            wrapped = command.replace("@TIME@", f"/usr/bin/time -v -o {report.name}")
            argv = ["bash", "-c", wrapped]
        else:
            argv = ["/usr/bin/time", "-v", "-o", report.name, *map(str, command)]
        stdin_file = open(stdin, "rb") if stdin else subprocess.DEVNULL
        start = time.perf_counter()
        result = subprocess.run(argv, stdin=stdin_file, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if stdin:
            stdin_file.close()
        text = report.read()
    # calque and rg exit 1 when they find something; 2 is an error.
    if result.returncode not in (0, 1):
        sys.exit(f"benches/run.py: {argv} failed ({result.returncode}):\n"
                 f"{result.stderr.decode(errors='replace')[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return wall, rss / 1024


def best_of(command, repeat, **kwargs):
    """Fastest of `repeat` runs (fewer for slow commands), with its peak RSS."""
    wall, rss = run_timed(command, **kwargs)
    runs = 1
    while runs < repeat and wall < 20:
        w, r = run_timed(command, **kwargs)
        wall, rss = min(wall, w), max(rss, r)
        runs += 1
    return wall, rss


def startup_ms(runs=100):
    tiny = DATA / "tiny.txt"
    if shutil.which("hyperfine"):
        out = DATA / "hyperfine.json"
        subprocess.run(["hyperfine", "-N", "-i", "--warmup", "10", "--runs", str(runs),
                        "--export-json", str(out), f"{CALQUE} check --color never {tiny}"],
                       check=True, stdout=subprocess.DEVNULL)
        import json
        result = json.loads(out.read_text())["results"][0]
        return result["median"] * 1000, "hyperfine, median of %d" % runs
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([CALQUE, "check", "--color", "never", tiny],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2] * 1000, "median of %d runs" % runs


def output_of(args):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout


# ---------------------------------------------------------------- report


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} logical CPUs ({len(os.sched_getaffinity(0))} usable), {cpu}, " \
           f"Linux {platform.release()}, load average at the start {os.getloadavg()[0]:.1f}"


def version(argv):
    try:
        return subprocess.run(argv, stdout=subprocess.PIPE, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--stream-gb", type=float, default=1)
    parser.add_argument("--sed-mb", type=float, default=4,
                        help="GNU sed runs on the first N MB at 100 rules, less with more "
                             "rules (it is slow)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/")
    args = parser.parse_args()

    ensure_tools()
    build()
    print("generating data under target/bench-data/ ...", file=sys.stderr)
    gen = generate(args.size_mb)
    corpus = DATA / "corpus.txt"
    mb = corpus.stat().st_size / 1e6
    # `calque rules` lists one rule a line (`pack/rule ...`) on stdout.
    listed = output_of([CALQUE, "rules"]).decode().split("\n")
    ids = [line.split()[0] for line in listed if line.strip()]
    builtin_rules = f"{len(ids)} rules in {len({i.split('/')[0] for i in ids})} packs"

    rows = []

    def record(group, label, wall, rss, size_mb, note=""):
        rows.append(dict(group=group, label=label, wall=wall, rss=rss, mbps=size_mb / wall,
                         note=note))
        print(f"{group:>10} {label:<48} {wall:8.3f} s {size_mb / wall:9.1f} MB/s "
              f"{rss:8.1f} MB {note}", file=sys.stderr)

    calque = [str(CALQUE), "--color", "never", "-j", "1"]
    for n in PACK_SIZES:
        pack = DATA / f"synthetic-{n}.toml"
        g = f"{n} rules"
        for verb in ("check", "diff"):
            w, r = best_of([*calque, verb, "--pack", pack, corpus], args.repeat)
            record(g, f"calque {verb}", w, r, mb)
        w, r = best_of([*calque, "fix", "--pack", pack, "-"], args.repeat, stdin=corpus)
        record(g, "calque fix -", w, r, mb)
        # In place, on a fresh copy (one run: the fix changes the file).
        copy = DATA / "fix-copy.txt"
        shutil.copyfile(corpus, copy)
        w, r = run_timed([*calque, "fix", "--pack", pack, copy])
        copy.unlink()
        record(g, "calque fix FILE (a copy)", w, r, mb)
        w, r = best_of(["rg", "-c", "--no-unicode", "-f", DATA / f"patterns-{n}.txt", corpus],
                       args.repeat)
        record(g, "rg -c --no-unicode -f patterns", w, r, mb)
        w, r = best_of(["rg", "-c", "-F", "-w", "-i", "--no-unicode", "-f",
                        DATA / f"phrases-{n}.txt", corpus], args.repeat)
        record(g, "rg -c -F -w -i --no-unicode -f phrases", w, r, mb)
        sed_input, sed_size = corpus_slice(corpus, sed_mb_for(n, args.sed_mb))
        w, r = best_of(["sed", "-E", "-f", DATA / f"sed-{n}.sed", sed_input], 1)
        record(g, "sed -E -f script", w, r, sed_size, f"(first {sed_size:.2f} MB)")

    w, r = best_of([*calque, "check", "--no-default-packs", "--pack",
                    DATA / "synthetic-1000.toml", corpus], args.repeat)
    record("1000 rules", "calque check, synthetic pack only", w, r, mb)

    def by_threads(group, label, verb_args, **kwargs):
        """Best wall times with -j1 and -j2 ({j} in `label`), recorded in `group`."""
        walls = {}
        for j in (1, 2):
            w, r = best_of([str(CALQUE), "--color", "never", "-j", str(j), *verb_args],
                           args.repeat, **kwargs)
            walls[j] = w
            record(group, label.format(j=j), w, r, mb)
        return walls

    pack_1000 = DATA / "synthetic-1000.toml"
    many = DATA / "many"
    par = by_threads("many files", f"calque check -j{{j}} ({gen['files']} files)",
                     ["check", "--pack", pack_1000, many])
    same_order = output_of([str(CALQUE), "--color", "never", "-j", "1", "check", many]) == \
        output_of([str(CALQUE), "--color", "never", "-j", "2", "check", many])

    # One large input over two threads: cut into stretches at clear breaks
    # (check), or pieces fixed side by side (fix -).
    one = by_threads("one file", f"calque check -j{{j}} (one {mb:.0f} MB file)",
                     ["check", "--pack", pack_1000, corpus])
    one_fix = by_threads("one file", f"calque fix - -j{{j}} (a {mb:.0f} MB stream)",
                         ["fix", "--pack", pack_1000, "-"], stdin=corpus)

    def json_of(j):
        return output_of([str(CALQUE), "-j", str(j), "check", "--format", "json", "--pack",
                          pack_1000, corpus])

    one_same = json_of(1) == json_of(2)

    stream_cmd = (f"for i in $(seq {max(1, int(args.stream_gb * 1024 ** 3 / corpus.stat().st_size))})"
                  f"; do cat {corpus}; done | @TIME@ {CALQUE} -j 1 fix --pack "
                  f"{DATA / 'synthetic-1000.toml'} - > /dev/null")
    repeats = max(1, int(args.stream_gb * 1024 ** 3 / corpus.stat().st_size))
    w, r = run_timed(stream_cmd, shell=True)
    record("stream", f"calque fix - on {repeats * mb / 1000:.2f} GB", w, r, repeats * mb)

    start_ms, start_how = startup_ms()
    print(f"start-up: {start_ms:.1f} ms ({start_how})", file=sys.stderr)

    table = render(rows, mb, gen, builtin_rules, par, same_order, (one, one_fix, one_same),
                   start_ms, start_how, args)
    print(table)
    if not args.no_write:
        write_doc(table)


def render(rows, mb, gen, builtin_rules, par, same_order, one_input, start_ms, start_how, args):
    one, one_fix, one_same = one_input
    def find(group, prefix):
        return next(r for r in rows if r["group"] == group and r["label"].startswith(prefix))

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = [f"Run of `python3 benches/run.py` on {now}.", "",
           f"- Machine: {machine()}.",
           f"- Corpus: {mb:.1f} MB (sha256 {gen['digest']}), built-in packs: {builtin_rules}",
           f"- Tools: {version(['rg', '--version'])}; {version(['sed', '--version'])}.",
           "- Single thread (`calque -j 1`); best of "
           f"{args.repeat} runs (one run when a run takes over 20 s); wall time of the "
           "whole process; peak RSS from `/usr/bin/time -v`.",
           "- GNU sed runs on the first few MB only (fewer the more rules: see the rows), "
           "and line by line (it cannot match a phrase across a line break); its MB/s is "
           "of what it read.", "",
           "| rules | command | time (s) | MB/s | peak RSS (MB) | vs rg -F -w -i | vs sed |",
           "|---:|---|---:|---:|---:|---:|---:|"]
    for n in PACK_SIZES:
        g = f"{n} rules"
        rg_f = find(g, "rg -c -F")["mbps"]
        sed = find(g, "sed")["mbps"]
        for r in (x for x in rows if x["group"] == g):
            out.append(f"| {n} | `{r['label']}` {r['note']} | {r['wall']:.2f} | {r['mbps']:.1f} | "
                       f"{r['rss']:.1f} | {r['mbps'] / rf_or(rg_f):.2f}x | "
                       f"{r['mbps'] / rf_or(sed):.1f}x |")
    out += ["", "| other | time (s) | MB/s | peak RSS (MB) |", "|---|---:|---:|---:|"]
    for r in rows:
        if r["group"] in ("many files", "one file", "stream"):
            out.append(f"| `{r['label']}` | {r['wall']:.2f} | {r['mbps']:.1f} | {r['rss']:.1f} |")
    c100 = find("100 rules", "calque check")["wall"]
    c10k = find("10000 rules", "calque check")["wall"]
    f100 = find("100 rules", "calque fix")["wall"]
    f10k = find("10000 rules", "calque fix")["wall"]
    out += ["",
            f"- Parallel speed-up over {gen['files']} files, -j2 vs -j1: "
            f"{par[1] / par[2]:.2f}x; output identical and in the same order: {same_order}.",
            f"- Parallel speed-up on one {mb:.0f} MB input (1,000 rules), -j2 vs -j1: "
            f"check {one[1] / one[2]:.2f}x (JSON output identical: {one_same}), "
            f"fix - {one_fix[1] / one_fix[2]:.2f}x.",
            f"- Cost of 10,000 rules / 100 rules: check {c10k / c100:.2f}x, fix - {f10k / f100:.2f}x.",
            f"- Start-up (`calque check` of a one-line file, built-in packs compiled): "
            f"{start_ms:.1f} ms ({start_how}).",
            f"- Peak memory / file size, check of the {mb:.0f} MB file at 1,000 rules: "
            f"{find('1000 rules', 'calque check')['rss'] / mb:.2f}x; fix FILE: "
            f"{find('1000 rules', 'calque fix FILE')['rss'] / mb:.2f}x; diff: "
            f"{find('1000 rules', 'calque diff')['rss'] / mb:.2f}x."]
    return "\n".join(out)


def rf_or(x):
    return x if x > 0 else float("nan")


def write_doc(table):
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    DOC.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
