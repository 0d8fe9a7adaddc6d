#pragma once
// Where every character of a DOCX document_text comes from, so writers can land edits in the
// right run. Compact: one segment per source element, not per character. Elements are named by
// their byte offset in their part (see wordml.hpp), so the map is a plain value that stays valid
// for the same DOCX bytes.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/text_model.hpp"

namespace galley::formats {

/// One source element's contribution to a paragraph.
struct docx_segment {
    std::uint32_t node = 0;    // offset of the element in its part
    std::uint32_t begin = 0;   // first code point in the paragraph text
    std::uint32_t length = 0;  // code points (1 for every element but w:t)
    bool is_text = false;      // w:t (editable text) or a one-character element (w:tab, w:br...)
};

struct docx_paragraph_source {
    std::uint32_t part = 0;           // index into docx_map::parts
    std::uint32_t node = 0;           // offset of the w:p element
    std::uint32_t first_segment = 0;  // into docx_map::segments; segments tile the text in order
    std::uint32_t segment_count = 0;
};

struct docx_map {
    std::vector<std::string> parts;                 // zip entry names, main part first
    std::vector<docx_paragraph_source> paragraphs;  // parallel to document_text::paragraphs
    std::vector<docx_segment> segments;
};

/// A read DOCX: its text and where each character came from.
struct docx_document {
    document_text text;
    docx_map map;
};

}  // namespace galley::formats
