#!/usr/bin/env bash
# Hostile-input benchmark (issue #11, item 8): a TXT of one 8 MB line — a single paragraph —
# against the same text in its normal paragraphs. The engine checks an overlong paragraph in
# segments (domain/engine/segments.hpp) and builds one segment's view at a time, so both should
# cost about the same time and memory; before segments the one-line file peaked at ~1.25 GB.
# Usage: bench/engine/one_line_text.sh [BUILD_DIR]   (default ./build; MB=8 sets the size)
# Prints wall-clock seconds, peak RSS and the ratios one-line / paragraphs; nothing fails on them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
galley=${GALLEY_BINARY:-${1:-$root/build}/galley}
corpus=${GALLEY_CORPUS_DIR:-$root/../shared/corpus}
mb=${MB:-8}
[ -x "$galley" ] || { echo "no galley binary at $galley (build it first)" >&2; exit 1; }
[ -x /usr/bin/time ] || apt-get install -y --no-install-recommends time >/dev/null
work=$(mktemp -d /tmp/galley-oneline-XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 - "$corpus/text/es__la_regenta.txt" "$work" "$mb" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
size = int(sys.argv[3]) * 1_000_000
def fill(unit):
    out = unit
    while len(out.encode()) < size: out += unit
    return out.encode()[:size].decode("utf-8", "ignore")
open(sys.argv[2] + "/paragraphs.txt", "w", encoding="utf-8").write(fill(text + "\n\n"))
open(sys.argv[2] + "/one_line.txt", "w", encoding="utf-8").write(fill(" ".join(text.split()) + " "))
PY

measure() {  # prints "seconds peak_kb"
    /usr/bin/time -f "%e %M" -o "$work/time" "$galley" correct "$work/$1.txt" --out "$work/out_$1" \
        --lang es >/dev/null 2>&1
    cat "$work/time"
}
read -r p_s p_kb < <(measure paragraphs)
read -r o_s o_kb < <(measure one_line)
printf '%-12s %8s %10s\n' input seconds peak_MB
printf '%-12s %8s %10d\n' paragraphs "$p_s" $((p_kb / 1024)) one_line "$o_s" $((o_kb / 1024))
awk -v a="$o_s" -v b="$p_s" -v c="$o_kb" -v d="$p_kb" \
    'BEGIN { printf "one_line / paragraphs: time %.2fx, peak memory %.2fx\n", a / b, c / d }'
