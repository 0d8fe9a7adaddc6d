#!/usr/bin/env bash
# Times `galley correct` on a ~300-page DOCX (~90 000 words of La Regenta, runs split every few
# words, some bold and italic) with its tracked-changes copy (target <= 5 s), and `galley correct`
# on es__la_regenta.txt against `hunspell -d es_ES -l` on the same file (target ratio <= 3x).
# Usage: bench/engine/docx_300_pages.sh [BUILD_DIR]    (default: ./build; GALLEY_BINARY overrides)
# Prints best-of-N wall-clock seconds (N = $RUNS, default 3); nothing here fails on timing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
galley=${GALLEY_BINARY:-${1:-$root/build}/galley}
corpus=${GALLEY_CORPUS_DIR:-$root/../shared/corpus}
novel=$corpus/text/es__la_regenta.txt
runs=${RUNS:-3}
words=${WORDS:-90000}
[ -x "$galley" ] || { echo "no galley binary at $galley (build it first)" >&2; exit 1; }
command -v ziptool >/dev/null || { echo "ziptool missing: apt-get install -y ziptool" >&2; exit 1; }
if ! command -v hunspell >/dev/null; then
    apt-get install -y --no-install-recommends hunspell >/dev/null || { apt-get update -qq &&
        apt-get install -y --no-install-recommends hunspell >/dev/null; }
fi
work=$(mktemp -d /tmp/galley-docx300-XXXXXX)
trap 'rm -rf "$work"' EXIT

# --- build the package: paragraphs of the novel until $words words ---
mkdir -p "$work/pkg"
awk -v max_words="$words" '
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
function flush(   n, i, w, run, k, props) {
    if (para == "") return
    n = split(para, w, " "); run = ""; k = 0
    printf "<w:p><w:pPr><w:spacing w:after=\"120\"/></w:pPr>"
    for (i = 1; i <= n; i++) {
        run = run w[i] (i < n ? " " : "")
        if (i % 5 == 0 || i == n) {
            k++; runs++
            props = (runs % 9 == 0) ? "<w:b/>" : (runs % 13 == 0) ? "<w:i/>" : ""
            printf "<w:r><w:rPr><w:rFonts w:ascii=\"Garamond\" w:hAnsi=\"Garamond\"/>%s" \
                   "<w:sz w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">%s</w:t></w:r>", \
                   props, esc(run)
            run = ""
        }
    }
    print "</w:p>"
    total += n; para = ""
    if (total >= max_words) { done = 1 }
}
BEGIN {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    print "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
}
done { next }
{ sub(/\r$/, ""); gsub(/^[ \t]+|[ \t]+$/, "") }
$0 == "" { flush(); next }
{ para = (para == "" ? $0 : para " " $0) }
END {
    if (!done) flush()
    print "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
    printf "%d words\n", total > "/dev/stderr"
}' "$novel" > "$work/pkg/document.xml" 2> "$work/words"
cat > "$work/pkg/types.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
XML
cat > "$work/pkg/rels.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
XML
docx=$work/regenta_300_pages.docx
ziptool -n "$docx" add_file '[Content_Types].xml' "$work/pkg/types.xml" 0 0 \
    add_file _rels/.rels "$work/pkg/rels.xml" 0 0 \
    add_file word/document.xml "$work/pkg/document.xml" 0 0 >/dev/null
echo "built $(basename "$docx"): $(cat "$work/words"), $(stat -c %s "$docx") bytes" \
     "(document.xml $(stat -c %s "$work/pkg/document.xml") bytes)"

# --- timing helpers: best wall-clock seconds of $runs runs ---
best_of() {
    local best="" t0 t1 s
    for _ in $(seq "$runs"); do
        t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || [ $? -eq 2 ] || return 1; t1=$(date +%s.%N)
        s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
        if [ -z "$best" ] || awk -v s="$s" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$s; fi
    done
    printf '%.3f' "$best"
}

docx_s=$(best_of "$galley" correct "$docx" --out "$work/out-docx")
ls "$work/out-docx"/regenta_300_pages.tracked.docx >/dev/null
sugg=$(wc -l < "$work/out-docx/regenta_300_pages.corrections.jsonl")
echo "galley correct, 300-page DOCX with tracked copy: ${docx_s} s ($sugg suggestions; target <= 5 s)"

hun_s=$(best_of sh -c "hunspell -d es_ES -l < '$novel'")
txt_s=$(best_of "$galley" correct "$novel" --out "$work/out-txt")
echo "hunspell -d es_ES -l es__la_regenta.txt: ${hun_s} s"
echo "galley correct es__la_regenta.txt:      ${txt_s} s" \
     "($(wc -l < "$work/out-txt/es__la_regenta.corrections.jsonl") suggestions)"
echo "ratio galley / hunspell -l: $(awk -v a="$txt_s" -v b="$hun_s" 'BEGIN { printf "%.2f", a / b }')x (target <= 3x)"
