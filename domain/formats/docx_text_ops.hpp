#pragma once
// Internal to the DOCX writers: small DOM operations on runs and their text elements, and the
// code-point arithmetic both writers share.
#include <pugixml.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/formats/docx_map.hpp"
#include "domain/utf8.hpp"
#include "domain/formats/wordml.hpp"

namespace galley::formats::detail {

/// Byte offset of code point `chars` in UTF-8 `s` (s.size() when past the end).
std::size_t byte_of(std::string_view s, std::size_t chars);

using utf8::decode;
using utf8::encode;

/// Index of the segment holding code point `pos`. REQUIRES: pos < end of the last segment.
std::size_t segment_at(std::span<const docx_segment> segments, std::uint32_t pos);

/// Narrows an edit [a, b) → repl so that it neither starts nor ends on an unchanged
/// one-character element (w:tab, w:br...): " \n" → "\n" deletes only the space.
void trim_fixed_edges(std::span<const docx_segment> segments, std::u32string_view text,
                      std::uint32_t& a, std::uint32_t& b, std::u32string& repl);

/// Sets xml:space="preserve" on a w:t.
void preserve_space(pugi::xml_node t);

/// Gives w:t `t` the text `text`; each "\t" / "\n" in it becomes a w:tab / w:br sibling after
/// `t`, with further w:t for the text that follows.
void set_run_text(pugi::xml_node t, std::string_view text, const wordml::names& ns);

/// Turns a one-character element (w:tab, w:sym...) into a w:t holding `text`.
void make_text_element(pugi::xml_node n, std::string_view text, const wordml::names& ns);

/// Inserts a new w:t holding `text` after (or before) `anchor`, in the same parent.
void insert_text_after(pugi::xml_node anchor, std::string_view text, const wordml::names& ns);
void insert_text_before(pugi::xml_node anchor, std::string_view text, const wordml::names& ns);

/// Appends to `run` the w:t / w:tab / w:br elements that spell `text`.
void append_run_text(pugi::xml_node run, std::string_view text, const wordml::names& ns);

/// Records the mc:AlternateContent whose mc:Choice holds `n`: once its text changes, the stale
/// mc:Fallback copy must go (drop_fallbacks), or older readers would show the old text.
void note_alternate(pugi::xml_node n, const wordml::names& ns, std::vector<pugi::xml_node>& out);
void drop_fallbacks(std::vector<pugi::xml_node>& alternates, const wordml::names& ns);

}  // namespace galley::formats::detail
