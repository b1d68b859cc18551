#!/usr/bin/env python3
"""Random-deletion benchmark of `versalign check` where no paragraph number anchors the rows.

    scripts/bench-deletions.py BIN [OUT.md]

Each of the 4,000 unpc-devset sentences (line-aligned in six languages) is one paragraph; with a
fixed seed, 5 % of every translation's paragraphs and 2 % of the English paragraphs are deleted
(disjoint sets), and `BIN check --json --pivot en` runs on the pairs en–zh, en–ar, en–ru, en–fr,
en–es and on the triple en+fr+zh. A deletion counts as found when a paragraph-missing or
paragraph-extra finding stands on a row where the version lacking the paragraph has no cell and
every other version has exactly that one paragraph. Every other presence finding is "elsewhere";
of those, the ones `check` also gives on the untouched versions (the same code on a row holding
the same devset lines: lines of the devset that are not translations of each other, or that
versalign fails to pair whatever is deleted) are counted apart, as the mutation suite subtracts
the findings of the unmutated set. The wall time of each check (start-up included) is reported
too.

VERSALIGN_CORPORA defaults to ../shared/corpora. Writes the table to OUT.md when given, keeping
what OUT.md holds from a line "## Earlier figures" on.
"""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 11
RATE_TRANSLATION = 0.05
RATE_PIVOT = 0.02
SETS = [["en", "zh"], ["en", "ar"], ["en", "ru"], ["en", "fr"], ["en", "es"], ["en", "fr", "zh"]]


def corpus_lines(root):
    dev = Path(os.environ.get("VERSALIGN_CORPORA", root / ".." / "shared" / "corpora"))
    dev = dev / "unpc-devset"
    return {lang: (dev / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
            for lang in ["en", "zh", "ar", "ru", "fr", "es"]}


def deletions(langs, n):
    """Paragraph indices deleted from each version: disjoint, seeded by the set's languages."""
    rng = random.Random(f"{SEED}-{'-'.join(langs)}")
    order = list(range(n))
    rng.shuffle(order)
    out, start = {}, 0
    for lang in langs:
        k = round(n * (RATE_PIVOT if lang == "en" else RATE_TRANSLATION))
        out[lang] = set(order[start:start + k])
        start += k
    return out


def write_version(path, lines, deleted):
    """One paragraph per kept line, a blank line between; returns {line number: paragraph}."""
    at, text, line = {}, [], 1
    for i, sentence in enumerate(lines):
        if i in deleted:
            continue
        at[line] = i
        text.append(sentence)
        line += 2
    path.write_text("\n\n".join(text) + "\n", encoding="utf-8")
    return at


def presence_findings(report, langs, line_maps):
    """The paragraph-missing/extra findings of a report, each with its row number and a key:
    the code and the devset lines of the row's cells."""
    rows = {r["row"]: r for r in report["rows"]}
    out = []
    for f in report["findings"]:
        if f["code"] not in ("paragraph-missing", "paragraph-extra") or f["row"] not in rows:
            continue
        cells = rows[f["row"]]["cells"]
        lines = tuple((lang, line_maps[lang].get(cells[lang]["line"]))
                      for lang in langs if cells.get(lang))
        out.append((f["row"], (f["code"], lines)))
    return out


def score(report, langs, line_maps, deleted, baseline):
    """(found, deletions, elsewhere findings, of them in `baseline`) of one check report;
    `baseline` holds the keys of the findings on the untouched versions."""
    own = {}
    for r in report["rows"]:
        cells = r["cells"]
        present = [lang for lang in langs if cells.get(lang)]
        absent = [lang for lang in langs if not cells.get(lang)]
        if len(absent) != 1 or not present:
            continue
        paras = set()
        for lang in present:
            c = cells[lang]
            if len(c["ids"]) != 1:
                break
            paras.add(line_maps[lang].get(c["line"]))
        else:
            if len(paras) == 1:
                (p,) = paras
                if p in deleted[absent[0]]:
                    own[r["row"]] = (absent[0], p)
    found, elsewhere, untouched = set(), 0, 0
    for row, key in presence_findings(report, langs, line_maps):
        hit = own.get(row)
        if hit:
            found.add(hit)
        else:
            elsewhere += 1
            untouched += key in baseline
    total = sum(len(d) for d in deleted.values())
    return len(found), total, elsewhere, untouched


def check(binary, files):
    """The JSON report of `check --pivot en` on `files`, and its wall time."""
    start = time.perf_counter()
    out = subprocess.run([binary, "check", "--json", "--pivot", "en", *files],
                         capture_output=True, check=False)
    took = time.perf_counter() - start
    if out.returncode not in (0, 1):
        sys.exit(f"check failed on {files}: {out.stderr.decode()}")
    return json.loads(out.stdout), took


def untouched_findings(binary, lines, langs, folder):
    """The keys of the presence findings `check` gives on the versions with nothing deleted."""
    line_maps, files = {}, []
    for lang in langs:
        path = folder / f"untouched-{lang}.txt"
        line_maps[lang] = write_version(path, lines[lang], set())
        files.append(str(path))
    report, _ = check(binary, files)
    return {key for _, key in presence_findings(report, langs, line_maps)}


def run_set(binary, lines, langs, work):
    n = len(lines["en"])
    deleted = deletions(langs, n)
    folder = work / "-".join(langs)
    folder.mkdir()
    line_maps, files = {}, []
    for lang in langs:
        path = folder / f"{lang}.txt"
        line_maps[lang] = write_version(path, lines[lang], deleted[lang])
        files.append(str(path))
    best = None
    for _ in range(3):
        report, took = check(binary, files)
        best = took if best is None else min(best, took)
    baseline = untouched_findings(binary, lines, langs, folder)
    return (*score(report, langs, line_maps, deleted, baseline), best)


# Handwritten history below this line of OUT.md is kept when the file is rewritten.
HISTORY = "## Earlier figures"


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    binary = os.path.realpath(sys.argv[1])
    root = Path(__file__).resolve().parent.parent
    lines = corpus_lines(root)
    table = ["| versions | deletions | on their own row | presence findings elsewhere "
             "| of them also on the untouched versions | check time |",
             "|---|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        for langs in SETS:
            found, total, elsewhere, untouched, took = run_set(binary, lines, langs, Path(tmp))
            table.append(f"| {'+'.join(langs)} | {total} | {found} ({100 * found / total:.1f} %) "
                         f"| {elsewhere} ({100 * elsewhere / total:.1f} % of deletions) "
                         f"| {untouched} | {took:.2f} s |")
            print(table[-1], flush=True)
    text = ("Random deletions (seed %d: %d %% of each translation's, %d %% of the English "
            "paragraphs), 4,000 unpc-devset paragraphs, `check --json --pivot en`, best of 3 "
            "wall times.\n\n" % (SEED, RATE_TRANSLATION * 100, RATE_PIVOT * 100)) + "\n".join(table) + "\n"
    if len(sys.argv) == 3:
        out = Path(sys.argv[2])
        history = ""
        if out.exists():
            old = out.read_text(encoding="utf-8")
            if HISTORY in old:
                history = "\n" + old[old.index(HISTORY):]
        command = "Command: `" + " ".join([f"scripts/{Path(sys.argv[0]).name}", *sys.argv[1:]]) + "`\n\n"
        out.write_text(command + text + history, encoding="utf-8")
    else:
        print(text)


if __name__ == "__main__":
    main()
