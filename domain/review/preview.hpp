#pragma once
// The review preview (API.md: GET /runs/{id}/preview): a document's body text with accepted
// suggestions applied, rendered in chunks so a long manuscript can be sent while it renders.
//
// txt:  body paragraphs with accepted suggestions applied, joined by a single "\n".
// html: a small UTF-8 HTML page, one <p> per body paragraph; every accepted suggestion shows as
//       <del data-id>original</del><ins data-id>replacement</ins> (either side omitted when
//       empty), every pending one as <mark data-id title=message>original</mark>; rejected ones
//       are plain text. Text and attributes are escaped. A pending span that clashes with an
//       applied one or an earlier mark (decisions.hpp order) is shown plain, so the output is
//       the same for the same decisions every time.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/review/decisions.hpp"
#include "domain/review/review_model.hpp"
#include "domain/text_model.hpp"

namespace galley {

enum class preview_format { txt, html };

/// & < > " ' escaped for HTML text and attribute values.
std::string html_escape(std::string_view text);

/// One paragraph as HTML (without <p>), marked as described above. `records` are that
/// paragraph's suggestions in any order.
std::string paragraph_html(std::string_view text, std::span<const suggestion_record> records);

class preview_renderer {
public:
    /// `records`: the document's suggestions (any story; only body ones matter). Keeps copies
    /// of the body paragraphs and records, so it may outlive its arguments.
    preview_renderer(const document_text& text, std::vector<suggestion_record> records,
                     preview_format format);

    /// Appends the next chunk (about `chunk_bytes`, whole paragraphs) to `out`; false, with
    /// nothing appended, once everything was rendered.
    bool next(std::string& out, std::size_t chunk_bytes = 64 * 1024);

    /// Everything at once.
    std::string render_all();

private:
    void render_paragraph(std::size_t i, std::string& out) const;

    std::vector<paragraph> body_;
    std::map<std::uint32_t, std::vector<suggestion_record>> by_paragraph_;
    preview_format format_;
    std::size_t next_ = 0;
    bool started_ = false, finished_ = false;
};

}  // namespace galley
