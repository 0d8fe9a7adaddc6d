#include "engine_test_support.hpp"

#include <cstdlib>
#include <iostream>

#include "domain/utf8.hpp"

namespace galley::test {

const engine& shared_engine() {
    static const engine e = [] {
        auto loaded = engine::load();
        if (!loaded) {
            std::cerr << "cannot load dictionaries: " << loaded.err().message << "\n";
            std::abort();
        }
        return std::move(*loaded);
    }();
    return e;
}

std::vector<suggestion> check(const std::string& text, const std::string& language,
                              check_options options) {
    document_text doc;
    doc.paragraphs.push_back({story_kind::body, 0, text});
    options.language = language;
    return shared_engine().check(doc, options);
}

std::string fixed(const std::string& text, const std::string& language, check_options options) {
    auto ss = check(text, language, std::move(options));
    std::u32string t;
    std::size_t i = 0;
    while (i < text.size()) t.push_back(utf8::next(text, i));
    for (auto it = ss.rbegin(); it != ss.rend(); ++it) {
        if (!it->replacement) continue;
        std::u32string r;
        std::size_t k = 0;
        while (k < it->replacement->size()) r.push_back(utf8::next(*it->replacement, k));
        t.replace(it->offset, it->length, r);
    }
    std::string out;
    for (char32_t c : t) utf8::append(out, c);
    return out;
}

bool fires(const std::string& text, const std::string& language, const std::string& rule_id) {
    for (const auto& s : check(text, language))
        if (s.rule_id == rule_id) return true;
    return false;
}

}  // namespace galley::test
