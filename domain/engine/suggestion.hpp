#pragma once
// What the engine reports: one suggestion per span of a paragraph (API.md, Suggestions).
// Offsets and lengths count Unicode code points of the paragraph's plain text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/text_model.hpp"

namespace galley {

/// The five categories of API.md; the order is the order of the summary's tables.
enum class category : std::uint8_t { spelling, typography, punctuation, grammar, style };

/// API.md spelling: "spelling", "typography", "punctuation", "grammar", "style".
std::string_view category_name(category c);
std::optional<category> parse_category(std::string_view s);

struct suggestion {
    story_kind story = story_kind::body;
    std::uint32_t paragraph = 0;             // index within its story
    std::uint32_t offset = 0;                // code points into the paragraph text
    std::uint32_t length = 0;                // code points covered by `original`
    std::string original;                    // the covered text, UTF-8
    std::optional<std::string> replacement;  // nullopt: a note that changes nothing
    std::string rule_id;
    category cat = category::spelling;
    double confidence = 0;  // in [0, 1]
    std::string message;    // in the document's language (English for other languages)
};

/// The stable id of `s` in a document: 32 lower-case hex digits of SHA-256 over document id,
/// document sha256, story, paragraph, offset, original, replacement and rule id (each field
/// length-prefixed, so no two field lists hash alike). Same inputs give the same id in every run.
std::string suggestion_id(std::string_view document_id, std::string_view document_sha256,
                          const suggestion& s);

}  // namespace galley
