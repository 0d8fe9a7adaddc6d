#pragma once
// The training data set of a run's decisions (API.md: GET /runs/{id}/reviews/export).
//
// schema=sft: one row {input, output} per paragraph with at least one decided (accepted or
//   rejected) suggestion, in document order: input is the paragraph as written, output the
//   paragraph with the accepted suggestions applied (decisions.hpp).
// schema=preference: one row {prompt, chosen, rejected, rule_id, category, decision} per decided
//   suggestion that would change text, in document order. prompt is the suggestion's context
//   text; for an accepted one chosen applies its final replacement to it and rejected is the
//   context unchanged; for a rejected one chosen is the context unchanged and rejected applies
//   the suggested replacement. Accepted notes without an edit and rejected notes are skipped.
// format=jsonl: one JSON object per line. format=csv: a header line of the field names, then RFC
//   4180 rows with CRLF line ends (cells defused against formula injection like changelog.csv).
// With an anonymizer, every text field goes through it (one anonymizer for the whole export, so
// placeholders are stable across rows).
#include <span>
#include <string>
#include <vector>

#include "domain/review/anonymizer.hpp"
#include "domain/review/review_model.hpp"
#include "domain/text_model.hpp"

namespace galley {

enum class training_schema { sft, preference };
enum class training_format { jsonl, csv };

struct reviewed_document {
    document_text text;                      // read from the original bytes
    std::vector<suggestion_record> records;  // every suggestion of the document
};

/// The export body for `documents` (in run order). `anon` may be null (no anonymization).
std::string training_export(std::span<const reviewed_document> documents, training_schema schema,
                            training_format format, anonymizer* anon);
/// The same body piece by piece, so a run's documents can be read one at a time: the header
/// (CSV only; empty for JSONL), then the rows of each document in run order, all through the
/// same `anon`.
std::string training_export_header(training_schema schema, training_format format);
std::string training_export_rows(const reviewed_document& doc, training_schema schema,
                                 training_format format, anonymizer* anon);

}  // namespace galley
