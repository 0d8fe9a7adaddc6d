#pragma once
// Validates a list of text_edit against a document_text and orders it for the writers.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "domain/text_model.hpp"

namespace galley::formats {

/// One edit addressed by its position in document_text::paragraphs.
struct located_edit {
    std::size_t paragraph = 0;     // index into document_text::paragraphs
    std::uint32_t offset = 0;      // code points
    std::uint32_t length = 0;      // code points
    std::string_view replacement;  // views the caller's text_edit
};

/// Returns `edits` sorted by (paragraph position, offset). Fails with invalid_argument (field
/// `edits`) when an edit names a missing paragraph, reaches past its paragraph's end, carries a
/// replacement that is not UTF-8 or holds NUL, or overlaps another edit (two insertions at one
/// offset count as overlapping; an insertion at a replacement's start or end does not).
result<std::vector<located_edit>> plan_edits(const document_text& text,
                                             std::span<const text_edit> edits);

}  // namespace galley::formats
