#pragma once
// What a writer gets back: a paragraph with every replacement of a check applied (notes leave
// the text alone). Shared by the engine benchmarks.
#include <string>
#include <vector>

#include "domain/engine/suggestion.hpp"
#include "domain/utf8.hpp"

namespace galley::bench {

inline std::string apply_replacements(const std::string& text, const std::vector<suggestion>& ss) {
    std::u32string t;
    for (std::size_t i = 0; i < text.size();) t.push_back(utf8::next(text, i));
    for (auto it = ss.rbegin(); it != ss.rend(); ++it)  // sorted by offset, no overlaps
        if (it->replacement) {
            std::u32string r;
            for (std::size_t i = 0; i < it->replacement->size();) r.push_back(utf8::next(*it->replacement, i));
            t.replace(it->offset, it->length, r);
        }
    std::string out;
    for (char32_t c : t) utf8::append(out, c);
    return out;
}

}  // namespace galley::bench
