#!/usr/bin/env bash
# Terminology figures of `versalign terms` and `check --glossary`, written to scripts/results/:
#   terms-en-zh.csv, terms-en-fr.csv, terms-en-ru.csv  top 100 candidates on the UN dev set
#   terms-bench.md    how many of corpora/un-terms-glossary.csv are among them, and speed:
#                     `terms` over a 100,000-row aligned CSV on one core, and `check` with and
#                     without a synthetic 10,000-concept glossary.
# The UN dev set (VERSALIGN_CORPORA, default ../shared/corpora) is one sentence per line and
# line-aligned: its aligned tables are written here, in /tmp, one row per line (the true
# alignment). Nothing generated from it is committed but the candidate lists.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPORA="${VERSALIGN_CORPORA:-../shared/corpora}"
DEV="$CORPORA/unpc-devset"
RESULTS=scripts/results
TMP="$(mktemp -d /tmp/bench-terms.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-target}/release/versalign"

# Aligned table of two line-aligned files, repeated `copies` times.
table() { # src tgt copies out
    python3 - "$DEV" "$1" "$2" "$3" "$4" <<'PY'
import csv, sys
dev, a, b, copies, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
A = open(f"{dev}/{a}.txt", encoding="utf-8").read().split("\n")
B = open(f"{dev}/{b}.txt", encoding="utf-8").read().split("\n")
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["row", "kind", "label", "method", "score", a, b, f"{a}_line", f"{b}_line", "findings"])
    n = 0
    for _ in range(copies):
        for i, (x, y) in enumerate(zip(A, B)):
            if x.strip() and y.strip():
                n += 1
                w.writerow([n, "text", "", "dp", "1.000", x, y, i + 1, i + 1, ""])
PY
}

# Seconds of the fastest of RUNS runs (default 3) of a command: the least wall time, then the
# least CPU time (user + system), which a loaded machine changes less.
fastest_of() {
    python3 - "${RUNS:-3}" "$@" <<'PY'
import resource, subprocess, sys, time
runs = []
for _ in range(int(sys.argv.pop(1))):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    runs.append((wall, cpu))
wall, cpu = min(w for w, _ in runs), min(c for _, c in runs)
print(f"{wall:.3f} {cpu:.3f}")
PY
}

# "wall (CPU)" of a fastest_of result.
shown() { set -- $1; echo "$1 ($2 CPU)"; }

REPORT="$RESULTS/terms-bench.md"
{
echo "# \`versalign terms\` and \`check --glossary\` on the UN dev set"
echo
echo "Written by \`scripts/bench-terms.sh\` at commit $(git rev-parse --short HEAD) on $(nproc) cores ($(date -u +%Y-%m-%d))."
echo "Dev set: $DEV (4,000 line-aligned sentences, one row each). Candidates: default floors (\`--min-count 3\`)."
echo
echo "## Glossary terms among the candidates"
echo
echo "corpora/un-terms-glossary.csv (52 concepts written for versalign, not taken from the corpus): a"
echo "concept counts as *in the data* when its en term and a rendering occur in one dev-set row, as"
echo "*found* when a candidate pair matches it (same words, inflections allowed)."
echo
echo "| pair | in the data | found in top 100 | found among all candidates | candidates |"
echo "|---|---|---|---|---|"
} > "$REPORT"
for tgt in zh fr ru; do
    table en "$tgt" 1 "$TMP/en-$tgt.csv"
    "$BIN" terms "$TMP/en-$tgt.csv" --src en --tgt "$tgt" --top 100 -o "$TMP/top-en-$tgt.csv"
    # The example columns quote the corpus: only the first six columns are kept.
    python3 -c 'import csv, sys; w = csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8")); [w.writerow(r[:6]) for r in csv.reader(open(sys.argv[1], encoding="utf-8"))]' "$TMP/top-en-$tgt.csv" "$RESULTS/terms-en-$tgt.csv"
    "$BIN" terms "$TMP/en-$tgt.csv" --src en --tgt "$tgt" -o "$TMP/all-en-$tgt.csv"
    python3 - corpora/un-terms-glossary.csv "$tgt" "$TMP/en-$tgt.csv" "$RESULTS/terms-en-$tgt.csv" "$TMP/all-en-$tgt.csv" >> "$REPORT" <<'PY'
import csv, re, sys
glossary, tgt, table, top, full = sys.argv[1:]
csv.field_size_limit(1 << 30)
def words(s):
    return [w for w in re.split(r"[\s'’]+", s.lower()) if w]
def word_match(a, b):
    if a == b:
        return True
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= 4 and k >= max(len(a), len(b)) - 3
def term_match(a, b, lang):
    if lang == "zh":
        return a.replace(" ", "") == b.replace(" ", "")
    wa, wb = words(a), words(b)
    return len(wa) == len(wb) and all(word_match(x, y) for x, y in zip(wa, wb))
concepts = [(r["en"], [t.strip() for t in r[tgt].split(";") if t.strip()]) for r in csv.DictReader(open(glossary, encoding="utf-8"))]
rows = [(r["en"].lower(), r[tgt].lower()) for r in csv.DictReader(open(table, encoding="utf-8"))]
def stem_in(term, text, lang):
    if lang == "zh":
        return term.lower() in text
    return all(any(word_match(w, x) for x in words(text)) for w in words(term))
present = [c for c in concepts if any(c[0].lower() in e and any(stem_in(t, z, tgt) for t in c[1]) for e, z in rows)]
def found(path):
    pairs = [(r["src_term"], r["tgt_term"]) for r in csv.DictReader(open(path, encoding="utf-8"))]
    hits = [c for c in concepts if any(term_match(s, c[0], "en") and any(term_match(t, r, tgt) for r in c[1]) for s, t in pairs)]
    return hits, len(pairs)
top_hits, _ = found(top)
all_hits, n = found(full)
print(f"| en–{tgt} | {len(present)} | {len(top_hits)} | {len(all_hits)} | {n} |")
missed = [c[0] for c in present if c not in all_hits]
print(f"|  | missed: {', '.join(missed) if missed else '—'} | | | |", file=sys.stderr)
PY
done 2> "$TMP/missed.txt"
{
echo
echo "Concepts in the data but not among the candidates:"
echo
sed 's/^|  | missed: /* /; s/ | | | |$//' "$TMP/missed.txt" | paste -d' ' <(printf 'en–zh:\nen–fr:\nen–ru:\n') -
echo
echo "## Speed"
echo
} >> "$REPORT"

# terms over 100,000 rows (the en–zh dev set 25 times), one core.
table en zh 25 "$TMP/en-zh-100k.csv"
rows=$(( $(wc -l < "$TMP/en-zh-100k.csv") - 1 ))
one_core=$(RAYON_NUM_THREADS=1 fastest_of taskset -c 0 "$BIN" terms "$TMP/en-zh-100k.csv" --src en --tgt zh -o "$TMP/out.csv")
all_cores=$(fastest_of "$BIN" terms "$TMP/en-zh-100k.csv" --src en --tgt zh -o "$TMP/out.csv")
table en fr 25 "$TMP/en-fr-100k.csv"
fr_one_core=$(RAYON_NUM_THREADS=1 fastest_of taskset -c 0 "$BIN" terms "$TMP/en-fr-100k.csv" --src en --tgt fr -o "$TMP/out.csv")

# A synthetic 10,000-concept glossary: the 52 UN concepts and 9,948 made-up ones (pseudo-words
# in en/fr/ru, random Han characters in zh), so that the index, not luck, keeps the check fast.
python3 - corpora/un-terms-glossary.csv "$TMP/glossary-10k.csv" <<'PY'
import csv, random, sys
random.seed(12)
src, out = sys.argv[1:]
rows = list(csv.DictReader(open(src, encoding="utf-8")))
def pseudo(alphabet):
    return " ".join("".join(random.choice(alphabet) for _ in range(random.randint(4, 9))) for _ in range(random.randint(1, 4)))
latin, cyrillic = "abcdefghijklmnoprstuvw", "абвгдежзиклмнопрстуфхцч"
han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "en", "fr", "ru", "zh", "es"])
    for r in rows:
        w.writerow([r["id"], r["en"], r["fr"], r["ru"], r["zh"], r["es"]])
    for k in range(10000 - len(rows)):
        w.writerow([f"s{k}", pseudo(latin), pseudo(latin), pseudo(cyrillic),
                    "".join(random.choice(han) for _ in range(random.randint(2, 6))), pseudo(latin)])
PY
concepts=$(( $(wc -l < "$TMP/glossary-10k.csv") - 1 ))
VERSIONS=("$DEV/en.txt" "$DEV/zh.txt" "$DEV/fr.txt" "$DEV/ru.txt")
plain=$(RUNS=9 fastest_of "$BIN" check "${VERSIONS[@]}")
with=$(RUNS=9 fastest_of "$BIN" check --glossary "$TMP/glossary-10k.csv" "${VERSIONS[@]}")
findings=$({ "$BIN" check --json --glossary "$TMP/glossary-10k.csv" "${VERSIONS[@]}" 2>/dev/null || true; } | python3 -c 'import json,sys; print(sum(f["code"]=="term-mismatch" for f in json.load(sys.stdin)["findings"]))')
{
echo "| what | input | seconds, wall (CPU), least of 3 runs (of 9 for check) |"
echo "|---|---|---|"
echo "| \`terms --src en --tgt zh\`, one core (\`taskset -c 0\`, \`RAYON_NUM_THREADS=1\`) | $rows rows (dev set ×25) | $(shown "$one_core") |"
echo "| \`terms --src en --tgt zh\`, all $(nproc) cores | $rows rows | $(shown "$all_cores") |"
echo "| \`terms --src en --tgt fr\`, one core | $rows rows | $(shown "$fr_one_core") |"
echo "| \`check\` en zh fr ru | dev set, 4 versions × 4,000 lines | $(shown "$plain") |"
echo "| \`check --glossary\` ($concepts concepts) | same | $(shown "$with") |"
echo
python3 -c "import sys; w0,c0,w1,c1=map(float,sys.argv[1:5]); print(f'The glossary adds {100*(w1-w0)/w0:+.1f} % to the wall time of check and {100*(c1-c0)/c0:+.1f} % to its CPU time ({sys.argv[5]} term-mismatch findings). Load average as it ended (its own runs included): {sys.argv[6]}.')" $plain $with "$findings" "$(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$REPORT"
cat "$REPORT"
