#!/usr/bin/env bash
# The screenshot of the demo's review page shown in README.md: `versalign check --format html`
# on corpora/demo/review, rendered by headless Chromium (Debian package chromium).
# Usage: scripts/screenshot-report.sh [BIN]   (default: a release build of this checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin=${CARGO_TARGET_DIR:-target}/release/versalign
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" check corpora/demo/review --format html -o "$tmp/review.html" || [ $? -eq 1 ]
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --window-size=1400,1000 \
    --screenshot="$PWD/scripts/results/review-report.png" "file://$tmp/review.html" 2>/dev/null
echo "wrote scripts/results/review-report.png"
