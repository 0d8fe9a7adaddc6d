#pragma once
// Word count and language of an uploaded document, from its text as the engine will read it.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/formats/document_inspector.hpp"
#include "domain/text_model.hpp"

namespace galley {

struct document_stats {
    std::int64_t words = 0;
    std::int64_t chars = 0;  // code points of every story the engine reads (the budget's measure)
    std::string language = "und";
    double language_confidence = 0;
};

/// What the monthly budget counts for a document: the code points of every paragraph of every
/// story the engine corrects (body, headers, footers, notes, comments, text boxes), plus one per
/// paragraph break. Used at upload (the estimate) and when a correction is charged.
std::int64_t budget_chars(const document_text& text);

/// REQUIRES: `inspected` is inspect_document(bytes)'s verdict.
document_stats measure_document(std::string_view bytes, const formats::inspected_document& inspected);

}  // namespace galley
