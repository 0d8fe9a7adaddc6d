#pragma once
// Plain-text manuscripts (DESIGN.md, Text model; the layouts in domain/formats/README.md).
// Where blank lines separate paragraph-sized blocks, a paragraph is a block of lines (lines
// holding only spaces and tabs are blank). Where lines follow each other without blank lines,
// each line is a paragraph, except in hard-wrapped text (lines of similar width near one
// column), where a paragraph starts at an indented line or after a line ending well short of
// the column. Inside a paragraph each line is read without its leading and trailing
// spaces/tabs, and the lines are joined by ONE space: that space stands for the line break plus
// the layout around it. `\n` and `\r\n` both end
// lines; a UTF-8 BOM is skipped. Everything that is not paragraph text (BOM, line endings,
// indentation, trailing spaces, blank lines) is written back byte for byte.
//
// Edits over a line break: the break's glue (trailing blanks, newline, indentation) is written
// back where the replacement keeps the space that stood for it. That space is found by aligning
// the old and new text: a break inside their common prefix or suffix keeps its place; each break
// in the changed middle takes the free space of the replacement's changed middle nearest to its
// old byte position (in order, the earlier one on a tie).
// A break with no space left to stand on is dropped and the lines are joined (no space).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "domain/text_model.hpp"

namespace galley::formats {

class txt_document {
public:
    /// Reads UTF-8 text. Fails with unsupported_media when `bytes` is not valid UTF-8.
    static result<txt_document> parse(std::string_view bytes);

    /// Body paragraphs, index 0.. in file order.
    const document_text& text() const { return text_; }

    /// `original` with `edits` applied, every other byte unchanged. REQUIRES: `original` is the
    /// buffer this document was parsed from (checked by size: invalid_argument otherwise).
    /// Edit failures are those of plan_edits (invalid_argument, field `edits`).
    result<std::string> apply_edits(std::string_view original,
                                    std::span<const text_edit> edits) const;

private:
    struct line_piece {
        std::uint32_t byte_begin = 0;  // in the file
        std::uint32_t byte_end = 0;
        std::uint32_t char_begin = 0;  // code points, in the paragraph text
        std::uint32_t char_end = 0;    // the separator (or the paragraph's end) follows here
    };
    // Where the last lookup ended, so that edits in offset order cost one pass over each
    // paragraph however long it is (a novel saved as one line is one paragraph).
    struct walk_cache {
        std::size_t piece = static_cast<std::size_t>(-1);
        std::uint32_t chars = 0;  // code point reached in the piece's paragraph
        std::size_t byte = 0;     // its byte in the file
        std::size_t paragraph = static_cast<std::size_t>(-1);
        std::uint32_t text_chars = 0;  // the same in the paragraph's text
        std::size_t text_byte = 0;
    };
    std::uint32_t byte_at(std::size_t paragraph, std::uint32_t offset, std::string_view original,
                          walk_cache& cache) const;
    std::size_t text_byte_at(std::size_t paragraph, std::uint32_t offset, walk_cache& cache) const;
    void write_replacement(std::string& out, std::size_t paragraph, std::uint32_t offset,
                           std::uint32_t length, std::string_view replacement,
                           std::string_view original, walk_cache& cache) const;

    document_text text_;
    std::vector<line_piece> pieces_;
    std::vector<std::uint32_t> first_piece_;  // per paragraph, plus one past the end
    std::size_t size_ = 0;
};

/// Parses `original` and applies `edits` in one call.
result<std::string> apply_txt_edits(std::string_view original, std::span<const text_edit> edits);

}  // namespace galley::formats
