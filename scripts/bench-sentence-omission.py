#!/usr/bin/env python3
"""Sentence-omission benchmark of `versalign check`: a sentence left out inside a paragraph.

    scripts/bench-sentence-omission.py BIN [OUT.md]

Paragraphs of three sentences of one unpc-devset document (ids.txt tells the documents apart;
the devset samples sentences, so the three are the document's next sampled ones in paragraph
order, not always adjacent in the original) are written in en, fr and zh. From every fourth
paragraph (k % 4 == 0) one sentence of 8 words or more (in English) is deleted from zh, and
from the paragraphs k % 4 == 2 one from fr, chosen with a fixed seed. `BIN check --json --pivot
en en.txt fr.txt zh.txt` then runs; a deletion is found when a sentence-missing finding names
the version on the paragraph's row. An untouched paragraph (k % 4 odd) is flagged when any
sentence-missing or sentence-extra finding stands on its row.

Two constructions are measured: paragraphs of three real sentences (lines of running text that
end in a full stop, question or exclamation mark and open with no paragraph or list label; see
`is_sentence`), and
paragraphs of any three lines, where a heading without punctuation runs into the next sentence
and numbered paragraphs are glued together.

VERSALIGN_CORPORA defaults to ../shared/corpora. Writes the tables to OUT.md when given,
keeping what OUT.md holds from a line "## Earlier figures" on.
"""

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

SEED = 11
LANGS = ["en", "fr", "zh"]
MIN_WORDS = 8


# A line of running text that is a whole sentence: it ends in a full stop, question or
# exclamation mark and does not open with a paragraph or list label. Headings, list items and
# lead-ins (ending in a semicolon or colon) and numbered paragraphs of the devset are left out of
# the "real sentences" construction: glued into one paragraph, a heading has no punctuation to
# end it, list items are clauses of one sentence, and numbered paragraphs are split apart again
# by their numbers.
SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*$")
LABEL = re.compile(r"^(\(?([0-9]+(\.[0-9]+)*|[a-zA-Z]|[ivxlcIVXLC]+)[.)]|[a-z])\s")


def is_sentence(line):
    """Whether an English devset line is a real sentence of running text."""
    line = line.strip()
    return bool(SENTENCE_END.search(line)) and not LABEL.match(line)


def paragraphs(root, real_only):
    """Lists of three line numbers of one document each, in document order; only lines that are
    real sentences (see `is_sentence`) when `real_only`."""
    dev = Path(os.environ.get("VERSALIGN_CORPORA", root / ".." / "shared" / "corpora"))
    dev = dev / "unpc-devset"
    lines = {lang: (dev / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
             for lang in LANGS}
    docs = defaultdict(list)
    for n, line in enumerate((dev / "ids.txt").read_text(encoding="utf-8").splitlines()):
        fields = line.split()
        en = next(f for f in fields[1:] if f.startswith("en:"))
        _, para, sent = en.split(":")
        if not real_only or is_sentence(lines["en"][n]):
            docs[fields[0]].append((int(para), int(sent), n))
    groups = []
    for name in sorted(docs):
        order = [n for _, _, n in sorted(docs[name])]
        groups.extend(order[k:k + 3] for k in range(0, len(order) - 2, 3))
    return lines, groups


def build(lines, groups, folder):
    """Write the three versions; return per paragraph (deleted version or None) and the line
    of each paragraph in the English file."""
    rng = random.Random(SEED)
    texts = {lang: [] for lang in LANGS}
    deleted = []
    for k, group in enumerate(groups):
        victim = {0: "zh", 2: "fr"}.get(k % 4)
        drop = None
        if victim:
            long = [n for n in group if len(lines["en"][n].split()) >= MIN_WORDS]
            drop = rng.choice(long) if long else None
        deleted.append(victim if drop is not None else None)
        for lang in LANGS:
            kept = [lines[lang][n].strip() for n in group if not (lang == victim and n == drop)]
            texts[lang].append(("" if lang == "zh" else " ").join(kept))
    for lang in LANGS:
        (folder / f"{lang}.txt").write_text("\n\n".join(texts[lang]) + "\n", encoding="utf-8")
    return deleted, {1 + 2 * k: k for k in range(len(groups))}


CONSTRUCTIONS = [
    (True, "three real sentences (lines ending in . ? or !, without a paragraph or list "
           "label)"),
    (False, "any three lines (headings, list items and numbered paragraphs included)"),
]

# Handwritten history below this line of OUT.md is kept when the file is rewritten.
HISTORY = "## Earlier figures"


def measure(binary, lines, groups):
    """Run `check` on the built versions; the table rows, the findings by code and the time."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        deleted, en_line = build(lines, groups, folder)
        files = [str(folder / f"{lang}.txt") for lang in LANGS]
        start = time.perf_counter()
        out = subprocess.run([binary, "check", "--json", "--pivot", "en", *files],
                             capture_output=True, check=False)
        took = time.perf_counter() - start
    if out.returncode not in (0, 1):
        sys.exit(f"check failed: {out.stderr.decode()}")
    report = json.loads(out.stdout)
    row_of = {}
    for r in report["rows"]:
        cell = r["cells"].get("en")
        if cell and len(cell["ids"]) == 1 and cell["line"] in en_line:
            row_of[r["row"]] = en_line[cell["line"]]
    missing, flagged = defaultdict(set), defaultdict(set)
    for f in report["findings"]:
        k = row_of.get(f["row"])
        if k is None or f["code"] not in ("sentence-missing", "sentence-extra"):
            continue
        flagged[k].add(f["code"])
        if f["code"] == "sentence-missing":
            missing[k].update(f["languages"])
    rows = []
    for lang in ["zh", "fr"]:
        targets = [k for k, d in enumerate(deleted) if d == lang]
        found = sum(1 for k in targets if lang in missing[k])
        rows.append(f"| sentence left out of {lang} | {len(targets)} | {found} "
                    f"({100 * found / max(1, len(targets)):.1f} %) found as sentence-missing |")
    untouched = [k for k in range(len(groups)) if k % 2 == 1]
    false = sum(1 for k in untouched if flagged[k])
    rows.append(f"| untouched paragraphs | {len(untouched)} | {false} "
                f"({100 * false / max(1, len(untouched)):.1f} %) flagged |")
    codes = defaultdict(int)
    for f in report["findings"]:
        codes[f["code"]] += 1
    return rows, codes, took


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    binary = os.path.realpath(sys.argv[1])
    root = Path(__file__).resolve().parent.parent
    text = ""
    for real_only, what in CONSTRUCTIONS:
        lines, groups = paragraphs(root, real_only)
        rows, codes, took = measure(binary, lines, groups)
        text += ("### Paragraphs of %s\n\nSeed %d: %d paragraphs of one document each, "
                 "en+fr+zh, `check --json --pivot en`, %.2f s wall time.\n\n"
                 "| case | paragraphs | result |\n|---|---:|---:|\n"
                 % (what, SEED, len(groups), took)
                 + "\n".join(rows) + "\n\nAll findings by code: "
                 + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())) + "\n\n")
    print(text)
    if len(sys.argv) == 3:
        out = Path(sys.argv[2])
        history = ""
        if out.exists():
            old = out.read_text(encoding="utf-8")
            if HISTORY in old:
                history = old[old.index(HISTORY):]
        command = "Command: `" + " ".join([f"scripts/{Path(sys.argv[0]).name}", *sys.argv[1:]]) + "`\n\n"
        out.write_text(command + text + history, encoding="utf-8")


if __name__ == "__main__":
    main()
