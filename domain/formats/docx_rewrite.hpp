#pragma once
// Internal to the DOCX writers: applies located edits to the parts they touch and rebuilds the
// package. Untouched zip entries are copied raw (no recompression) in their original order;
// touched parts are re-serialised by pugixml without indentation (format_raw), keeping their
// declaration, BOM and encoding.
#include <pugixml.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/formats/docx_map.hpp"
#include "domain/formats/edit_plan.hpp"
#include "domain/formats/stop_check.hpp"
#include "domain/formats/wordml.hpp"
#include "domain/formats/zip_reader.hpp"
#include "domain/result.hpp"

namespace galley::formats::detail {

/// One paragraph to edit, with its source elements resolved in the freshly parsed part.
struct paragraph_job {
    pugi::xml_node paragraph;  // the w:p element
    std::span<const docx_segment> segments;
    std::vector<pugi::xml_node> nodes;  // parallel to segments
    std::string_view text;              // the paragraph text the map describes
    std::vector<located_edit> edits;    // ascending, non-overlapping
};

/// What a writer does to each part and paragraph.
class paragraph_editor {
public:
    virtual ~paragraph_editor() = default;
    /// Called once before any part is edited, with the whole package.
    virtual status begin(const zip_reader& zip, const docx_map& map) { return {}; }
    /// Called for each touched part before its paragraphs.
    virtual void begin_part(pugi::xml_document& doc, const wordml::names& ns) {}
    /// Applies job.edits to the DOM. Runs once per touched paragraph.
    virtual status edit(paragraph_job& job, const wordml::names& ns) = 0;
};

/// Validates `edits` (plan_edits), hands each touched paragraph to `editor` and returns the new
/// package. Fails with invalid_argument for bad edits, unsupported_media when `docx` is not the
/// package `source` was read from; with stopped() when `stop` says so between parts or edited
/// paragraphs.
result<std::string> rewrite_docx(std::string_view docx, const docx_document& source,
                                 std::span<const text_edit> edits, paragraph_editor& editor,
                                 const stop_check& stop);

}  // namespace galley::formats::detail
