#pragma once
// Helpers for the formats tests: corpus access and tiny DOCX packages built in memory.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/formats/docx_map.hpp"
#include "domain/text_model.hpp"

namespace galley::formats::testing {

std::string corpus_dir();
std::string read_file(const std::string& path);
/// Every *.docx in the corpus, sorted by name.
std::vector<std::string> corpus_docx_files();

/// A zip holding `entries` (name → bytes) in the given order.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries);
/// A minimal DOCX whose word/document.xml body is `body_xml` (w: prefix bound), plus extra
/// parts related from the main part: (relationship type suffix, part name, xml).
struct extra_part {
    std::string type;  // header, footer, footnotes, endnotes, comments
    std::string name;  // e.g. word/header1.xml
    std::string xml;
};
std::string make_docx(const std::string& body_xml, const std::vector<extra_part>& extras = {});
inline constexpr std::string_view w_ns =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// The bytes of one zip entry ("" when missing).
std::string entry_bytes(std::string_view zip, const std::string& name);
/// Entry names in order.
std::vector<std::string> zip_names(std::string_view zip);

/// Paragraph texts of one story.
std::vector<std::string> story_texts(const document_text& text, story_kind story);

}  // namespace galley::formats::testing

namespace galley::formats::testing {

/// `text` with `edits` (one paragraph's, any order, non-overlapping) applied on code points.
std::string apply_on_text(const std::string& text, std::vector<text_edit> edits);

/// Synthetic corrections for a paragraph: every third word gets its first letter changed, one
/// edit per paragraph spans a word boundary, one inserts text.
std::vector<text_edit> synthetic_edits(const paragraph& p);

/// The package with every galley revision rejected (w:ins removed, w:del unwrapped).
std::string reject_all(std::string_view docx, const docx_map& map);

}  // namespace galley::formats::testing
