#pragma once
// The artefacts of a run built from suggestions (DESIGN.md, Artefacts of a run): per document
// corrections.jsonl, per run changelog.csv and summary.md, and the edits a writer applies.
// Pure functions: bytes out, no I/O.
#include <string>
#include <vector>

#include "domain/engine/suggestion.hpp"
#include "domain/text_model.hpp"

namespace galley {

/// One checked document as the artefacts need it.
struct document_report {
    std::string document_id;
    std::string sha256;                   // of the original bytes, part of every suggestion id
    std::string name;                     // the filename people see
    std::string language;                 // "es", "en" or "und"
    std::vector<suggestion> suggestions;  // as returned by engine::check
};

/// corrections.jsonl: one JSON object per line and suggestion, in document order, with the
/// API.md fields minus run_id/state: id, document_id, story, paragraph, offset, length,
/// original, replacement (null for notes), rule_id, category, confidence, message and
/// context {text, offset}: at most ~300 code points of the paragraph around the suggestion,
/// `offset` counting code points into that window. `doc` must be the text that was checked.
std::string corrections_jsonl(const document_report& report, const document_text& doc);

/// changelog.csv: header plus one row per suggestion with a replacement (document, story,
/// paragraph, original, replacement, rule, category, confidence). RFC 4180 quoting, CRLF line
/// ends; a cell starting with = + - @ (or tab/CR) gets a leading ' against formula injection.
std::string changelog_csv(const std::vector<document_report>& reports);

/// summary.md: an editorial letter in the run's dominant language: counts by category per
/// document and in total, the most frequent issues with examples, consistency notes, and
/// unknown words that may be names to add to the project dictionary.
std::string summary_md(const std::vector<document_report>& reports);

/// The edits that apply every suggestion that has a replacement (notes are skipped).
/// Only suggestions whose confidence is at least `min_confidence` are applied.
std::vector<text_edit> edits_of(const std::vector<suggestion>& suggestions,
                                double min_confidence = 0.0);

/// A CSV cell: quoted when needed (RFC 4180) and defused against formula injection.
std::string csv_cell(std::string_view value);

}  // namespace galley
