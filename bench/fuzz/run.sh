#!/usr/bin/env bash
# Runs each libFuzzer target (tests/fuzz) for SECONDS, seeded from ../shared/corpus, keeping
# what it learns in BUILD_DIR/fuzz-corpus/<target> between runs. A crash, leak, timeout or
# out-of-memory stops with exit 1 and leaves the input in BUILD_DIR/fuzz-artifacts/ (replay it:
# BUILD_DIR/tests/fuzz/<target> <file>; then make it a regression test).
# Usage: bench/fuzz/run.sh SECONDS [TARGET...]   (BUILD_DIR defaults to ./build-fuzz, which
# `scripts/test.sh` builds; FUZZ_SEED fixes the random seed, default 1)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:?usage: run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_document fuzz_engine fuzz_request)
build=${BUILD_DIR:-$root/build-fuzz}
corpus=${GALLEY_CORPUS_DIR:-$root/../shared/corpus}
seeds=$(mktemp -d /tmp/galley-fuzz-seeds-XXXXXX)
trap 'rm -rf "$seeds"' EXIT

# --- seeds: real files cut to sizes a fuzzer can mutate quickly ---
mkdir -p "$seeds"/{fuzz_document,fuzz_engine,fuzz_request}
cp "$corpus"/docx/*.docx "$seeds/fuzz_document/"
for novel in "$corpus"/text/*.txt; do
    name=$(basename "$novel" .txt)
    head -c 4096 "$novel" >"$seeds/fuzz_document/$name.txt"
    # The engine target reads its first byte as the language: odd is Spanish, even English.
    case "$name" in es__*) lang=1 ;; *) lang=2 ;; esac
    for part in 0 1 2 3; do
        { printf '%s' "$lang"; head -c $((200000 * part + 2048)) "$novel" | tail -c 2048; } \
            >"$seeds/fuzz_engine/$name.$part"
    done
done
for lang in es en; do
    head -n 400 "$corpus/lt/$lang.tsv" | cut -f2 | split -l 20 - "$seeds/fuzz_engine/lt_$lang."
done
for f in "$seeds"/fuzz_engine/lt_es.*; do sed -i '1s/^/1/' "$f"; done
for f in "$seeds"/fuzz_engine/lt_en.*; do sed -i '1s/^/2/' "$f"; done
# The request target's first byte chooses the reader: 0 multipart, 1 JSON, 2 list parameters.
printf '0multipart/form-data; boundary=XyZ\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nHola.\r\n--XyZ--\r\n' \
    >"$seeds/fuzz_request/multipart"
printf '1{"name":"Novela","language":"es","email":"a@b.c","password":"correct horse"}' \
    >"$seeds/fuzz_request/json"
printf '250&MTcwMDAwMDAwMDAwMDAwMDpkb2NfMDE' >"$seeds/fuzz_request/list"

mkdir -p "$build/fuzz-artifacts"
status=0
for target in "${targets[@]}"; do
    bin="$build/tests/fuzz/$target"
    [ -x "$bin" ] || { echo "no $bin: build it first (scripts/test.sh builds $build)" >&2; exit 1; }
    mkdir -p "$build/fuzz-corpus/$target"
    # Inputs no longer than the seeds need: the largest corpus DOCX, a page of text.
    case "$target" in fuzz_document) max_len=524288 ;; fuzz_engine) max_len=16384 ;; *) max_len=65536 ;; esac
    echo "== $target, ${seconds}s"
    if ! "$bin" -max_total_time="$seconds" -seed="${FUZZ_SEED:-1}" -max_len="$max_len" -timeout=60 \
        -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$target-" \
        "$build/fuzz-corpus/$target" "$seeds/$target" >"$build/fuzz-$target.log" 2>&1; then
        echo "$target FAILED; its log: $build/fuzz-$target.log" >&2
        grep -E "ERROR|SUMMARY|fuzz_|Test unit written" "$build/fuzz-$target.log" | head -20 >&2
        status=1
        continue
    fi
    grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+ +DONE" "$build/fuzz-$target.log" || true
done
exit $status
