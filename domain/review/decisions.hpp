#pragma once
// Applying editors' decisions to text (API.md, Suggestions and review: preview, finalize and the
// training export all use these, so they agree). Only accepted suggestions change text, with their
// edited replacement when there is one; rejected and pending ones leave the text as written.
//
// Neighbouring and clashing spans are settled deterministically: accepted records are taken in
// (story, paragraph, offset, length, id) order and one that overlaps an earlier taken one (or is a
// second insertion at the same offset) is skipped. Touching spans ([0,3) then [3,5)) both apply.
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/review/review_model.hpp"
#include "domain/text_model.hpp"

namespace galley {

/// The accepted records that change text, in the order above, overlaps removed.
std::vector<const suggestion_record*> select_accepted(std::span<const suggestion_record> records);

/// Their edits (final_replacement of each), for the document writers and plan_edits.
std::vector<text_edit> accepted_edits(std::span<const suggestion_record> records);

/// True when [a, a+alen) and [b, b+blen) clash as edits: they overlap, or both are insertions at
/// one offset. Touching spans do not clash.
bool spans_clash(std::uint32_t a, std::uint32_t alen, std::uint32_t b, std::uint32_t blen);

/// `text` with `edits` applied; the edits address this paragraph in code points, sorted by
/// offset and not clashing. Edits reaching past the end are clamped to it.
std::string apply_edits_to_text(std::string_view text, std::span<const text_edit> edits);

using paragraph_key = std::pair<story_kind, std::uint32_t>;

/// `edits` grouped by paragraph, each group in offset order.
std::map<paragraph_key, std::vector<text_edit>> edits_by_paragraph(
    std::span<const text_edit> edits);

/// Byte offset of every code point of valid UTF-8 `text`, plus text.size() at the end.
std::vector<std::size_t> code_point_offsets(std::string_view text);

}  // namespace galley
