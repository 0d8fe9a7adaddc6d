#pragma once
// The opaque, URL-safe cursor of GET /runs/{id}/suggestions: the document-order key of the last
// suggestion of a page (run position of its document, story, paragraph, offset, id), so paging
// stays stable while decisions change states. A tampered cursor is rejected, never trusted.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace galley {

struct suggestion_position {
    std::int32_t document_position = 0;  // run_documents.position
    std::int32_t story = 0;              // story_kind as a number: body first, comment last
    std::int32_t paragraph = 0;
    std::int32_t offset = 0;
    std::string id;  // 32 hex digits: breaks ties between suggestions at one offset
};

/// base64url (no padding) of "s1:<position>:<story>:<paragraph>:<offset>:<id>".
std::string encode_suggestion_cursor(const suggestion_position& p);
/// nullopt unless `text` is exactly what encode_suggestion_cursor produces for some position
/// with non-negative numbers, story 0..5 and a well-formed id.
std::optional<suggestion_position> decode_suggestion_cursor(std::string_view text);

}  // namespace galley
