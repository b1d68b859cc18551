#!/usr/bin/env bash
# Speed of reading Word .docx files (a benchmark, not a test): the demo versions of
# tests/fixtures/docx/clean made large by repeating their body (footnote references and
# automatic numbering included) until word/document.xml holds about SIZE MB, then timed on one
# thread (rayon is not involved in reading one file) with examples/docx_speed.rs: the .docx read
# as text alone, and read + parsed. Target: >= 20 MB/s of document.xml per core.
#
#   scripts/bench-docx.sh [SIZE_MB]      default 30; results in scripts/results/docx-speed.txt
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-30}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && cargo build --quiet --release --example docx_speed)
bin="${CARGO_TARGET_DIR:-$root/target}/release/examples/docx_speed"

echo "# scripts/bench-docx.sh $size at commit $(cd "$root" && git rev-parse --short HEAD) (target: >= 20 MB/s of document.xml per core)" \
    >"$root/scripts/results/docx-speed.txt"
for lang in en zh ar; do
    python3 - "$root/tests/fixtures/docx/clean/$lang.docx" "$work/$lang-large.docx" "$size" <<'PY'
import re, sys, zipfile
src, dst, size = sys.argv[1], sys.argv[2], float(sys.argv[3]) * 1e6
with zipfile.ZipFile(src) as z:
    parts = {i.filename: z.read(i.filename) for i in z.infolist()}
xml = parts["word/document.xml"].decode()
start = xml.index("<w:body>") + len("<w:body>")
end = xml.rindex("<w:sectPr")
body = xml[start:end]
copies = max(1, int(size // len(body.encode())) + 1)
parts["word/document.xml"] = (xml[:start] + body * copies + xml[end:]).encode()
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
PY
    "$bin" "$work/$lang-large.docx"
done | sed "s#$work/##" | tee -a "$root/scripts/results/docx-speed.txt"
echo "($(nproc) cores, $(date -u +%Y-%m-%d), one thread per file)" | tee -a "$root/scripts/results/docx-speed.txt"
