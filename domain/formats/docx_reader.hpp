#pragma once
// Reads the text of a DOCX package (DESIGN.md, Text model).
//
// Stories, in this order: body (the main part found through _rels/.rels), header and footer
// (every part related from the main part, in the order of its .rels file), footnote and endnote
// (skipping separator notes: any w:type other than "normal"), comment. Paragraphs come in
// document order, including tables (nested too), content controls, text boxes (their paragraphs
// follow the paragraph that anchors them) and mc:AlternateContent (first mc:Choice holding text,
// else mc:Fallback). Inside a paragraph: w:t text, including hyperlinks, smart tags, fields'
// results (w:instrText skipped), w:ins and w:moveTo; never w:delText, w:del or w:moveFrom.
// w:tab/w:ptab read as "\t", w:br/w:cr (any break type) as "\n", w:noBreakHyphen as "-",
// w:sym as its code point (w:char), w:softHyphen as nothing.
// Namespace prefixes are resolved by URI (transitional and Strict WordprocessingML).
#include <string_view>

#include "domain/formats/docx_map.hpp"
#include "domain/formats/document_inspector.hpp"
#include "domain/formats/stop_check.hpp"
#include "domain/result.hpp"

namespace galley::formats {

/// Inspects `bytes` first (inspect_document: hostile packages fail with its errors, a non-DOCX
/// with unsupported_media), then reads every story. Fails with unsupported_media when a story
/// part is not well-formed XML or has no WordprocessingML namespace. `stop` is polled before
/// each story part (stop_check.hpp).
result<docx_document> read_docx(std::string_view bytes, const stop_check& stop = {});

/// read_docx without its inspection, for a caller that has just inspected `bytes` and got
/// `inspected` (an upload: one inspection, one read). REQUIRES: inspected ==
/// inspect_document(bytes); anything else would let an uninspected package through.
result<docx_document> read_inspected_docx(std::string_view bytes, const inspected_document& inspected,
                                          const stop_check& stop = {});

}  // namespace galley::formats
