#pragma once
// The text model shared by formats and the engine (DESIGN.md, Text model): a document is a list
// of paragraphs, each in a story, each plain UTF-8 text. Readers produce it, the engine checks
// it, writers apply edits addressed by (story, paragraph, code-point offset) back to the bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

enum class story_kind : std::uint8_t { body, header, footer, footnote, endnote, comment };

/// API.md spelling: body, header, footer, footnote, endnote, comment.
std::string_view story_name(story_kind s);
std::optional<story_kind> parse_story(std::string_view s);

struct paragraph {
    story_kind story = story_kind::body;
    std::uint32_t index = 0;  // 0-based within its story, in document order
    std::string text;         // plain UTF-8; soft line breaks inside TXT paragraphs read as spaces
};

struct document_text {
    std::vector<paragraph> paragraphs;  // stories in order body, header, footer, footnote, endnote, comment
};

/// One change to apply to a paragraph: replace `length` code points at `offset` by `replacement`.
struct text_edit {
    story_kind story = story_kind::body;
    std::uint32_t paragraph = 0;
    std::uint32_t offset = 0;  // code points
    std::uint32_t length = 0;  // code points
    std::string replacement;
};

}  // namespace galley
