#!/usr/bin/env bash
# Do LibreOffice Writer open what galley writes? Runs `galley correct` over every corpus DOCX,
# converts every corrected and tracked copy with `libreoffice --headless --convert-to txt`, and
# prints how many opened (a non-empty .txt for a document with text, any .txt for an empty one).
# Installs libreoffice-writer-nogui (--no-install-recommends, ~260 MB) when it is missing.
# Usage: bench/formats/lo_check.sh [BUILD_DIR]   (default ./build; GALLEY_BINARY overrides)
# Exit 0 when every file opened, 1 otherwise. KEEP=1 keeps the work directory.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
galley=${GALLEY_BINARY:-${1:-$root/build}/galley}
corpus=${GALLEY_CORPUS_DIR:-$root/../shared/corpus}
[ -x "$galley" ] || { echo "no galley binary at $galley (build it first)" >&2; exit 1; }
if ! command -v libreoffice >/dev/null; then
    echo "installing libreoffice-writer-nogui..." >&2
    { apt-get install -y --no-install-recommends libreoffice-writer-nogui ||
      { apt-get update -qq && apt-get install -y --no-install-recommends libreoffice-writer-nogui; }
    } >/dev/null || { echo "cannot install LibreOffice" >&2; exit 1; }
fi
work=$(mktemp -d /tmp/galley-lo-XXXXXX)
[ "${KEEP:-0}" = 1 ] && echo "work directory: $work" || trap 'rm -rf "$work"' EXIT
profile="-env:UserInstallation=file://$work/profile"

"$galley" correct "$corpus"/docx/*.docx --out "$work/out" > "$work/galley.log" 2>&1
rc=$?
inputs=$(ls "$corpus"/docx/*.docx | wc -l)
corrected=$(ls "$work/out"/*.corrected.docx 2>/dev/null | wc -l)
echo "galley correct: exit $rc, $inputs inputs, $corrected corrected" \
     "(refused: $(grep -c ': refused: ' "$work/galley.log"))"
grep ': refused: \|^galley: ' "$work/galley.log" | sed 's/^/  /'

# One LibreOffice process per batch (start-up dominates); stragglers retried one by one.
# The originals are converted too: a copy "opened" when LibreOffice wrote its .txt, and that
# .txt has text whenever the original's has.
convert() {  # OUTDIR FILE...
    local outdir=$1; shift
    mkdir -p "$outdir"
    timeout 900 libreoffice "$profile" --headless --convert-to txt:Text --outdir "$outdir" "$@" \
        >> "$work/lo.log" 2>&1
    for f in "$@"; do
        [ -e "$outdir/$(basename "${f%.docx}").txt" ] && continue
        timeout 120 libreoffice "$profile" --headless --convert-to txt:Text --outdir "$outdir" \
            "$f" >> "$work/lo.log" 2>&1
    done
}
files=("$work/out"/*.corrected.docx "$work/out"/*.tracked.docx)
convert "$work/txt" "${files[@]}"
originals=()
for f in "$work/out"/*.corrected.docx; do
    originals+=("$corpus/docx/$(basename "${f%.corrected.docx}").docx")
done
convert "$work/orig" "${originals[@]}"
opened=0 failed=()
for f in "${files[@]}"; do
    txt="$work/txt/$(basename "${f%.docx}").txt"
    stem=$(basename "$f"); stem=${stem%.corrected.docx}; stem=${stem%.tracked.docx}
    orig="$work/orig/$stem.txt"
    if [ -e "$txt" ] && { [ -s "$txt" ] || [ ! -s "$orig" ]; }; then
        opened=$((opened + 1))
    else
        failed+=("$(basename "$f")")
    fi
done
echo "LibreOffice opened $opened of ${#files[@]} files" \
     "($corrected corrected + $((${#files[@]} - corrected)) tracked);" \
     "originals opened: $(ls "$work/orig" | wc -l) of ${#originals[@]}"
for f in "${failed[@]}"; do echo "  did not open: $f"; done

# Does LibreOffice see galley's revisions as tracked changes? Every tracked copy whose
# corrections.jsonl holds a replacement is converted to flat ODT and searched for a changed
# region by author galley. (Its .txt export shows inserted and deleted text alike, so the .txt
# of a tracked copy is not the accepted text; galley's own reader checks that in the e2e tests.)
with_changes=()
for f in "$work/out"/*.tracked.docx; do
    grep -q '"replacement":"' "${f%.tracked.docx}.corrections.jsonl" && with_changes+=("$f")
done
mkdir -p "$work/fodt"
timeout 900 libreoffice "$profile" --headless --convert-to fodt --outdir "$work/fodt" \
    "${with_changes[@]}" >> "$work/lo.log" 2>&1
shown=0 not_shown=()
for f in "${with_changes[@]}"; do
    x="$work/fodt/$(basename "${f%.docx}").fodt"
    if [ -e "$x" ] && grep -q '<text:changed-region' "$x" && grep -q '>galley</dc:creator>' "$x"
    then shown=$((shown + 1)); else not_shown+=("$(basename "$f")"); fi
done
echo "LibreOffice shows galley's tracked changes in $shown of ${#with_changes[@]} tracked" \
     "copies that have replacements"
for f in "${not_shown[@]}"; do echo "  no galley change seen: $f"; done
[ ${#failed[@]} -eq 0 ]
