#!/usr/bin/env python3
"""Builds rules/names-data.toml, a glossary pack of the official spellings of
legislators, from a checkout of the EveryPolitician data (CC0).

Usage: build_glossary.py EVERYPOLITICIAN_CHECKOUT [COMMIT] > rules/names-data.toml

Besides the checkout, every `*.txt` member list in this folder (one name a
line, `#` comments citing its source) adds the people the checkout's
snapshot does not know yet: a listed name that is already a form of some
entry adds nothing.

For each chosen legislature, every person of its names.csv (all its terms)
becomes one glossary entry: the canonical form is the name the latest term
file gives (or, failing that, the first well-formed name of the person),
every other well-formed name of the same person and the ASCII spelling of
each are accepted variants. A form is kept only when the glossary can read
it as a name: two to five capitalised words in Latin script, lowercase
particles allowed between them ("Amélie de Montchalin"). Forms in capitals
or with the surname first in capitals ("DE LORENZIS Diego") are left out,
since their word order cannot be told.
"""

import csv
import io
import os
import subprocess
import sys
import unicodedata

# Legislatures whose members machine translation into English names most
# often: the source languages of the development set (French, Spanish,
# Italian, German, Portuguese, Turkish, Vietnamese, Chinese of Taiwan and Hong
# Kong) and the francophone and hispanophone states.
LEGISLATURES = [
    "France/National_Assembly",
    "Spain/Congress",
    "Italy/House",
    "Italy/Senate",
    "Germany/Bundestag",
    "Belgium/Representatives",
    "Switzerland/National_Council",
    "Canada/Commons",
    "Luxembourg/Chamber",
    "Austria/Nationalrat",
    "Portugal/Assembly",
    "Brazil/Deputies",
    "Mexico/Deputies",
    "Argentina/Diputados",
    "Chile/Deputies",
    "Peru/Congreso",
    "Senegal/Assembly",
    "Mali/Assembly",
    "Taiwan/Legislative_Yuan",
    "Hong_Kong/Legislative_Council",
    "Vietnam/National_Assembly",
    "Turkey/Assembly",
]

PARTICLES = {
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du",
    "ibn", "van", "von", "zu", "la", "le", "y", "e", "den", "ter", "ten", "vom", "zum",
}


def git_show(repo, commit, path):
    out = subprocess.run(
        ["git", "-C", repo, "show", f"{commit}:{path}"], capture_output=True, check=False
    )
    return out.stdout.decode("utf-8") if out.returncode == 0 else None


def git_ls(repo, commit, path):
    out = subprocess.run(
        ["git", "-C", repo, "ls-tree", "--name-only", commit, path + "/"],
        capture_output=True,
        check=True,
    )
    return out.stdout.decode("utf-8").split()


def is_latin(text):
    for c in text:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def well_formed(name):
    """Two to five capitalised words, lowercase particles between them."""
    name = " ".join(name.split())
    if not name or not is_latin(name):
        return None
    if any(c in name for c in "()[],;:/\"0123456789.") or "’" in name:
        return None
    words = name.split(" ")
    capitalised = 0
    for i, w in enumerate(words):
        if w in PARTICLES and 0 < i < len(words) - 1:
            continue
        if not w[0].isupper():
            return None
        letters = [c for c in w if c.isalpha()]
        # a word in capitals ("DE LORENZIS", "SHEK"): the order is unknown
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return None
        if not all(c.isalpha() or c == "-" for c in w) or w.startswith("-") or w.endswith("-") or "--" in w:
            return None
        capitalised += 1
    if capitalised < 2 or len(words) > 5:
        return None
    return name


# Letters that Unicode does not decompose into a base letter and a mark.
STROKED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                         "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "þ": "th"})


def ascii_fold(name):
    return "".join(
        c for c in unicodedata.normalize("NFKD", name.translate(STROKED))
        if not unicodedata.combining(c)
    )


def extra_lists():
    """Names of the member lists kept beside this script, in file order."""
    here = os.path.dirname(os.path.abspath(__file__))
    names = []
    for file in sorted(f for f in os.listdir(here) if f.endswith(".txt")):
        with open(os.path.join(here, file), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    names.append(line)
    return names


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    repo = sys.argv[1]
    commit = sys.argv[2] if len(sys.argv) > 2 else "HEAD"
    resolved = subprocess.run(
        ["git", "-C", repo, "rev-parse", commit], capture_output=True, check=True
    ).stdout.decode().strip()
    people = {}  # id -> (canonical or None, [forms])
    order = []
    for leg in LEGISLATURES:
        names = git_show(repo, resolved, f"data/{leg}/names.csv")
        if names is None:
            continue
        terms = sorted(
            (p for p in git_ls(repo, resolved, f"data/{leg}") if "/term-" in p),
            key=lambda p: [int(x) if x.isdigit() else x for x in p.replace("-", ".").split(".")],
        )
        canonical = {}
        for term in terms:  # later terms overwrite earlier ones
            text = git_show(repo, resolved, term)
            for row in csv.DictReader(io.StringIO(text)):
                form = well_formed(row.get("name", ""))
                if form:
                    canonical[row["id"]] = form
        for row in csv.DictReader(io.StringIO(names)):
            form = well_formed(row["name"])
            if not form:
                continue
            pid = row["id"]
            if pid not in people:
                people[pid] = [canonical.get(pid), []]
                order.append(pid)
            if form not in people[pid][1]:
                people[pid][1].append(form)
    seen = set()
    entries = []
    for pid in order:
        canonical, forms = people[pid]
        name = canonical or forms[0]
        if name in seen:
            continue
        seen.add(name)
        variants = []
        for f in forms + [ascii_fold(f) for f in forms]:
            if f != name and f not in variants:
                variants.append(f)
        entries.append((name, variants))
    known = {f for name, variants in entries for f in [name] + variants}
    for listed in extra_lists():
        name = well_formed(listed)
        if not name or name in known:
            continue
        folded = ascii_fold(name)
        variants = [folded] if folded != name else []
        known.update([name] + variants)
        entries.append((name, variants))
    entries.sort(key=lambda e: e[0])
    out = sys.stdout
    out.write(HEADER.format(commit=resolved, count=len(entries)))
    out.write("glossary = [\n")
    for name, variants in entries:
        if variants:
            out.write(f"  {{ name = {toml_str(name)}, variants = [{', '.join(map(toml_str, variants))}] }},\n")
        else:
            out.write(f"  {{ name = {toml_str(name)} }},\n")
    out.write("]\n")
    out.write(FOOTER)


HEADER = """# names-data: the official spellings of legislators, for near-miss names.
#
# GENERATED by data/names/build_glossary.py from the EveryPolitician data
# (everypolitician-data, commit {commit}, and the later member lists
# in data/names/*.txt; CC0 1.0, public domain dedication). Do not edit by
# hand: change the script and rebuild. See data/names/README.md.

[pack]
name = "names-data"
description = "Official spellings of {count} legislators of Europe, the Americas, francophone Africa, Turkey, Vietnam, Taiwan and Hong Kong (EveryPolitician, CC0): near-misses are suggestions"

[[rule]]
id = "legislator-misspelt"
level = "warning"
safe = false
message = "near-miss of a legislator's name: check the spelling"
rationale = \"\"\"
Machine translation respells names it does not know (a vowel changed, a
letter dropped: "Clémentine Autin" for Autain, "Jorge Fernández Díez" for
Díaz). This glossary holds the names of the members of the legislatures of
the main source languages of machine-translated news, in the official
spelling the legislatures publish, with every other spelling EveryPolitician
records for the same person and their ASCII forms accepted. A run of
capitalised words that has the same initials as one of them and is close
to it word by word is reported as a suggestion; a word of fewer than five
letters must match exactly, and a single surname is only compared when the
document also names the person in full, rightly.\"\"\"
reference = "EveryPolitician (everypolitician-data, CC0): the members' lists of the legislatures, as published by them and Wikidata"
"""

FOOTER = """examples = [
  { bad = "Chancellor Angela Merkl spoke.", good = "Chancellor Angela Merkel spoke." },
  { bad = "the deputy Jean-Christophe Cambadélas said", good = "the deputy Jean-Christophe Cambadélis said" },
  { bad = "Jean-Luc Mélenchon spoke; the rebels follow Mélanchon.", good = "Jean-Luc Mélenchon spoke; the rebels follow Mélenchon." },
]
ok = ["Jean-Christophe Cambadelis", "Angela Merkel met the press.", "Mélanchon said it.", "Jean-Luc Mélenchon met François Ruffin; Ruffin spoke."]
"""

if __name__ == "__main__":
    main()
