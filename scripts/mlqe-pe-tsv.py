#!/usr/bin/env python3
"""Turn an MLQE-PE post-editing split into a TSV that `calque check` reads.

MLQE-PE (Fomicheva et al., 2022; CC0) gives, per language pair and split,
line-aligned files: `*.src` (the source), `*.mt` (the machine translation)
and `*.pe` (its post-edit). This writes one table per split with the
columns `source`, `target` (the MT) and `post_edit`, so that

    calque check --select bilingual pairs.tsv                        # the MT
    calque check --select bilingual --columns source,post_edit pairs.tsv   # the post-edit

judge the MT and its human correction with the same checks.

MLQE-PE's segments are tokenized, and the Nepali tokenizer also split
numbers (`४७ . ४` for 47.4, `५० , ०००` for 50,000): such a split, a
point with a space on each side between numbers of one to three digits,
or such a comma before three digits, is joined again, since no real file writes
numbers that way. Nothing else is changed.

Input is the repository's tarball (`data/post-editing/dev/ru-en-dev.tar.gz`)
or a directory it was unpacked to; a tab or line break inside a segment
would break the table and is replaced by a space (MLQE-PE has none).

    scripts/mlqe-pe-tsv.py ru-en-dev.tar.gz ru-en-dev.tsv
"""

import re
import sys
import tarfile
from pathlib import Path


def members(path):
    """The .src, .mt and .pe lines of a tarball or a directory."""
    wanted = {}
    if Path(path).is_dir():
        for file in Path(path).rglob("*"):
            if file.suffix in (".src", ".mt", ".pe"):
                wanted[file.suffix] = file.read_text(encoding="utf-8")
    else:
        with tarfile.open(path) as tar:
            for member in tar.getmembers():
                suffix = Path(member.name).suffix
                if member.isfile() and suffix in (".src", ".mt", ".pe"):
                    wanted[suffix] = tar.extractfile(member).read().decode("utf-8")
    missing = {".src", ".mt", ".pe"} - wanted.keys()
    if missing:
        sys.exit(f"{path}: no {', '.join(sorted(missing))} file")
    return [wanted[s].split("\n") for s in (".src", ".mt", ".pe")]


SPLIT_NUMBER = re.compile(r"(?<!\d)(\d{1,3})(?: (\.) (\d{1,3})| (,) (\d{3}))(?!\d)")


def cell(text):
    text = SPLIT_NUMBER.sub(lambda m: "".join(g for g in m.groups() if g), text)
    return text.replace("\t", " ").replace("\r", " ")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, mt, pe = members(sys.argv[1])
    if not (len(src) == len(mt) == len(pe)):
        sys.exit(f"{sys.argv[1]}: {len(src)} sources, {len(mt)} MT, {len(pe)} post-edits")
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("source\ttarget\tpost_edit\n")
        for row in zip(src, mt, pe):
            if any(row):
                out.write("\t".join(cell(c) for c in row) + "\n")


if __name__ == "__main__":
    main()
