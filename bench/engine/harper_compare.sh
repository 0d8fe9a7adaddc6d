#!/usr/bin/env bash
# Galley and Harper side by side on the English slips development set (README.md).
# Usage: bench/engine/harper_compare.sh [BUILD_DIR] [PER_KIND]
# Installs harper.js from npm into bench/engine/harper/node_modules (bench-only; never shipped).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:-$ROOT/build}"
PER_KIND="${2:-200}"
HERE="$ROOT/bench/engine/harper"
[ -d "$HERE/node_modules/harper.js" ] || npm install --prefix "$HERE" --no-audit --no-fund --loglevel=error >&2
SET="$(mktemp /tmp/galley-slips.XXXXXX.tsv)"
trap 'rm -f "$SET"' EXIT
echo "== galley =="
"$BUILD/bench/engine/galley_slips_eval" en --per-kind "$PER_KIND" --dump "$SET"
echo "== harper =="
node "$HERE/harper_eval.mjs" "$SET"
