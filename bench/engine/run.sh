#!/usr/bin/env bash
# The engine's whole benchmark in one command (issue #10, deliverable 8), printing one table:
#   (a) LanguageTool's examples per claimed family, detected and correct sentences changed;
#   (b) the injected-slips development set per slip kind, and clean paragraphs changed;
#   (c) Harper side by side on the English slips set (harper.js from npm, bench-only);
#   (d) words/s of a fresh `galley correct` on La Regenta and its ratio to `hunspell -l`.
# Usage: bench/engine/run.sh [BUILD_DIR]     (default ./build; HARPER=0 skips (c), RUNS=N)
# Needs the bench targets and the galley binary built in BUILD_DIR. Nothing fails on figures.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
corpus=${GALLEY_CORPUS_DIR:-$root/../shared/corpus}
bin=$build/bench/engine
for t in galley_lt_eval galley_slips_eval; do
    [ -x "$bin/$t" ] || { echo "missing $bin/$t: ninja -C $build $t" >&2; exit 1; }
done
work=$(mktemp -d /tmp/galley-engine-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "## (a) LanguageTool examples, claimed families"
printf "%-5s %8s %9s %7s %10s %12s\n" lang errors detected "det%" ok "ok changed%"
for lang in es en; do
    "$bin/galley_lt_eval" "$lang" > "$work/lt_$lang.txt"
    awk -v lang="$lang" '
        $1 ~ /^(TYPOGRAPHY|ACCURATE_TYPOGRAPHY|TYPOS|MISSPELLING|DIACRITICS|PUNCTUATION|CASING|CONFUSED_WORDS|REPETITIONS)$/ {
            e += $2; c += $3; o += $5; ch += $6 }
        $1 == "ALL" { all_ok = $7; all_changed = $8 }
        END { printf "%-5s %8d %9d %6.1f%% %10d %11.1f%%   (all categories: %d of %d ok changed)\n",
                     lang, e, c, e ? 100 * c / e : 0, o, o ? 100 * ch / o : 0, all_changed, all_ok }' \
        "$work/lt_$lang.txt"
done

echo
echo "## (b) one slip per paragraph of the novels (seeded), fixed exactly"
for lang in es en; do
    "$bin/galley_slips_eval" "$lang" --dump "$work/slips_$lang.tsv" | sed -n '2,$p'
done

if [ "${HARPER:-1}" != 0 ] && command -v node >/dev/null && command -v npm >/dev/null; then
    echo
    echo "## (c) Harper on the same English rows"
    here=$root/bench/engine/harper
    [ -d "$here/node_modules/harper.js" ] ||
        npm install --prefix "$here" --no-audit --no-fund --loglevel=error >&2
    node "$here/harper_eval.mjs" "$work/slips_en.tsv"
else
    echo
    echo "## (c) Harper skipped (HARPER=0, or node/npm missing)"
fi

echo
echo "## (d) speed: a fresh galley correct on La Regenta vs hunspell -l (best of ${RUNS:-3})"
novel=$corpus/text/es__la_regenta.txt
if [ -x "$build/galley" ] && command -v hunspell >/dev/null; then
    best_of() {
        local best="" t0 t1 s
        for _ in $(seq "${RUNS:-3}"); do
            t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
            s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
            if [ -z "$best" ] || awk -v s="$s" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$s; fi
        done
        echo "$best"
    }
    words=$(wc -w < "$novel")
    h=$(best_of sh -c "hunspell -d es_ES -l < '$novel'")
    g=$(best_of "$build/galley" correct "$novel" --out "$work/out")
    awk -v w="$words" -v h="$h" -v g="$g" 'BEGIN {
        printf "hunspell -l      %6.2f s  %8.0f words/s\n", h, w / h
        printf "galley correct   %6.2f s  %8.0f words/s   ratio %.2fx (target <= 3x)\n", g, w / g, g / h }'
else
    echo "skipped: needs $build/galley (ninja -C $build galley) and hunspell"
fi
