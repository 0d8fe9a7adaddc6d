#include "domain/document_stats.hpp"

#include "domain/formats/docx_reader.hpp"
#include "domain/text_stats.hpp"
#include "domain/utf8.hpp"

namespace galley {

std::int64_t budget_chars(const document_text& text) {
    std::int64_t n = 0;
    for (const auto& p : text.paragraphs) n += static_cast<std::int64_t>(utf8::count(p.text)) + 1;
    return n;
}

document_stats measure_document(std::string_view bytes, const formats::inspected_document& inspected) {
    document_stats out;
    std::string_view text = bytes;
    if (inspected.format == formats::document_format::txt) {
        if (utf8::has_bom(text)) text.remove_prefix(3);
        out.words = static_cast<std::int64_t>(count_words(text));
        out.chars = static_cast<std::int64_t>(utf8::count(text));
        auto guess = detect_language(text);
        out.language = guess.language;
        out.language_confidence = guess.confidence;
        return out;
    }
    auto doc = formats::read_inspected_docx(bytes, inspected);  // inspected by the caller
    if (!doc) return out;
    std::string body;
    for (const auto& p : doc->text.paragraphs) {
        if (p.story != story_kind::body) continue;
        body += p.text;
        body += '\n';
    }
    out.words = static_cast<std::int64_t>(count_words(body));
    out.chars = budget_chars(doc->text);
    auto guess = detect_language(body);
    out.language = guess.language;
    out.language_confidence = guess.confidence;
    return out;
}

}  // namespace galley
