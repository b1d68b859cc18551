#!/usr/bin/env python3
"""Build a synthetic archive of UN documents for `versalign batch` from the real corpora.

Each document takes the paragraphs of a few UN Parallel Corpus documents (unpc-devset, grouped by
document id; six languages, same content), gets a new symbol and a header per language, and is
written under one of the file-naming patterns `versalign batch` understands. A share of the
documents lack some languages or carry a mutation in one version; some files are broken (binary
bytes, truncated UTF-8) and some cannot be placed at all (no symbol anywhere).

    scripts/gen-archive.py --corpora ../shared/corpora --out /tmp/archive --docs 1000 [--seed 7] [--manifest]

Prints a line of counts; with --manifest also writes OUT/manifest.csv (symbol,language,path).
"""

import argparse
import collections
import csv
import os
import random
import re

LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
JOB_LETTER = {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}
HEADER_LANGUAGE = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "Français", "ru": "Russian", "es": "Español"}
DATE = {
    "ar": "19 May 2026",
    "zh": "19 May 2026",
    "en": "19 May 2026",
    "ru": "19 May 2026",
    "fr": "19 mai 2026",
    "es": "19 de mayo de 2026",
}
DISTR = {"fr": "Distr. générale", "es": "Distr. general"}


def load_devset(corpora):
    """Paragraph lists per unpc-devset document: {doc_id: {lang: [lines]}}."""
    folder = os.path.join(corpora, "unpc-devset")
    with open(os.path.join(folder, "ids.txt"), encoding="utf-8") as f:
        ids = [line.split()[0] for line in f]
    texts = {}
    for lang in LANGS:
        with open(os.path.join(folder, lang + ".txt"), encoding="utf-8") as f:
            texts[lang] = [line.rstrip("\n") for line in f]
    docs = collections.OrderedDict()
    for n, doc in enumerate(ids):
        entry = docs.setdefault(doc, {lang: [] for lang in LANGS})
        for lang in LANGS:
            entry[lang].append(texts[lang][n])
    return list(docs.values())


def strip_number(line):
    return re.sub(r"^\s*(\d{1,3}\s?[.\-]\s+)", "", line)


def version_text(symbol, lang, paragraphs):
    number = "{} - " if lang == "ar" else "{}. "
    lines = [
        symbol,
        "",
        DISTR.get(lang, "Distr.: General"),
        DATE[lang],
        HEADER_LANGUAGE[lang],
        "Original: English",
        "",
    ]
    for k, p in enumerate(paragraphs, 1):
        lines.append(number.format(k) + strip_number(p))
        lines.append("")
    return "\n".join(lines)


def mutate(paragraphs, rng):
    """One deliberate change: a paragraph deleted, or a digit changed."""
    paragraphs = list(paragraphs)
    if rng.random() < 0.5 and len(paragraphs) > 2:
        del paragraphs[rng.randrange(1, len(paragraphs))]
        return paragraphs, "paragraph deleted"
    for k in rng.sample(range(len(paragraphs)), len(paragraphs)):
        digits = [m.start() for m in re.finditer(r"\d", paragraphs[k])]
        if digits:
            i = rng.choice(digits)
            d = str((int(paragraphs[k][i]) + 1) % 10)
            paragraphs[k] = paragraphs[k][:i] + d + paragraphs[k][i + 1 :]
            return paragraphs, "digit changed"
    return paragraphs, "unchanged"


def file_path(out, pattern, name, lang, i):
    if pattern == "iso":
        return os.path.join(out, "iso", f"{name}-{lang.upper()}.txt")
    if pattern == "letter":
        return os.path.join(out, "letter", f"{name}_{JOB_LETTER[lang]}.txt")
    if pattern == "dotted":
        return os.path.join(out, "dotted", name.replace("_", "-") + f".{lang}.txt")
    if pattern == "folder":
        return os.path.join(out, "folders", name, f"{lang}.txt")
    return os.path.join(out, "by-header", f"version-{i:05d}-{LANGS.index(lang)}.txt")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--per-doc", type=int, default=3, help="devset documents joined into one")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--manifest", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    source = load_devset(args.corpora)
    counts = collections.Counter()
    manifest = []
    for i in range(args.docs):
        picks = [source[(i * args.per_doc + k) % len(source)] for k in range(args.per_doc)]
        paragraphs = {lang: [p for d in picks for p in d[lang]] for lang in LANGS}
        symbol = f"A/{80 + i % 5}/{1000 + i}" if i % 3 else f"E/CN.{15 + i % 4}/2026/L.{i}"
        name = symbol.replace("/", "_")
        langs = list(LANGS)
        if rng.random() < 0.15:
            for lang in rng.sample([l for l in LANGS if l != "en"], rng.randint(1, 3)):
                langs.remove(lang)
                counts["missing versions"] += 1
        if rng.random() < 0.1:
            lang = rng.choice([l for l in langs if l != "en"])
            paragraphs[lang], what = mutate(paragraphs[lang], rng)
            counts[what] += 1
        pattern = rng.choices(["iso", "letter", "dotted", "folder", "header"], [4, 2, 2, 2, 1])[0]
        for lang in langs:
            path = file_path(args.out, pattern, name, lang, i)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            data = version_text(symbol, lang, paragraphs[lang]).encode("utf-8")
            roll = rng.random()
            if roll < 0.004:
                data = b"\x89PNG\r\n\x1a\n\x00\x00" + data[:200]
                counts["broken files"] += 1
            elif roll < 0.008:
                data = data[: len(data) - 1] if data[-1:] >= b"\x80" else data + "大".encode()[:2]
                counts["broken files"] += 1
            elif roll < 0.02:
                data = b"\xff\xfe" + version_text(symbol, lang, paragraphs[lang]).encode("utf-16-le")
                counts["UTF-16 files"] += 1
            with open(path, "wb") as f:
                f.write(data)
            counts["files"] += 1
            manifest.append((symbol, lang, os.path.relpath(path, args.out)))
        counts["documents"] += 1
        if i % 97 == 0:
            loose = os.path.join(args.out, "loose", f"note-{i:05d}.txt")
            os.makedirs(os.path.dirname(loose), exist_ok=True)
            with open(loose, "w", encoding="utf-8") as f:
                f.write("\n\n".join(paragraphs["en"][:3]) + "\n")
            counts["unplaceable files"] += 1
            counts["files"] += 1
    if args.manifest:
        with open(os.path.join(args.out, "manifest.csv"), "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["symbol", "language", "path"])
            writer.writerows(manifest)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(args.out) for f in fs)
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())), f"bytes={size}")


if __name__ == "__main__":
    main()
