#pragma once
// Reads a corrections.jsonl artefact back into suggestions, so run-level artefacts (changelog,
// summary) are built from what each document published, on whichever node finishes the run, and
// so the review tables store exactly what the artefact says (ids and contexts included).
#include <string_view>
#include <vector>

#include "domain/engine/suggestion.hpp"
#include "domain/result.hpp"
#include "domain/review/review_model.hpp"

namespace galley {

/// One suggestion per non-empty line; invalid_argument naming the line when a line is not a
/// suggestion object.
result<std::vector<suggestion>> read_corrections_jsonl(std::string_view jsonl);

/// Like read_corrections_jsonl, with each line's id, document_id and context {text, offset}:
/// pending records ready to store (run_id left empty). invalid_argument when a line has no
/// well-formed id.
result<std::vector<suggestion_record>> read_suggestion_records(std::string_view jsonl);

}  // namespace galley
