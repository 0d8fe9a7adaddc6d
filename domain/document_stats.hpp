#pragma once
// Word count and language of an uploaded document, from its text as the engine will read it.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/formats/document_inspector.hpp"

namespace galley {

struct document_stats {
    std::int64_t words = 0;
    std::int64_t chars = 0;  // code points of the text
    std::string language = "und";
    double language_confidence = 0;
};

/// REQUIRES: `inspected` is inspect_document(bytes)'s verdict.
document_stats measure_document(std::string_view bytes, const formats::inspected_document& inspected);

}  // namespace galley
