#pragma once
// What a writer gets back: the suggestions for one paragraph checked alone in a forced language,
// and the paragraph with every replacement applied (notes leave the text alone). Shared by the
// engine benchmarks.
#include <string>
#include <vector>

#include "domain/engine/engine.hpp"
#include "domain/engine/suggestion.hpp"
#include "domain/utf8.hpp"

namespace galley::bench {

inline std::vector<suggestion> check_paragraph(const engine& e, const std::string& text,
                                               const std::string& lang) {
    document_text doc;
    doc.paragraphs.push_back({story_kind::body, 0, text});
    check_options o;
    o.language = lang;
    return e.check(doc, o);
}

inline std::string apply_replacements(const std::string& text, const std::vector<suggestion>& ss) {
    std::u32string t = utf8::decode(text);
    for (auto it = ss.rbegin(); it != ss.rend(); ++it)  // sorted by offset, no overlaps
        if (it->replacement) t.replace(it->offset, it->length, utf8::decode(*it->replacement));
    return utf8::encode(t);
}

}  // namespace galley::bench
