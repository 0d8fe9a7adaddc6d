#pragma once
// What a writer gets back: a paragraph with every replacement of a check applied (notes leave
// the text alone). Shared by the engine benchmarks.
#include <string>
#include <vector>

#include "domain/engine/suggestion.hpp"
#include "domain/utf8.hpp"

namespace galley::bench {

inline std::string apply_replacements(const std::string& text, const std::vector<suggestion>& ss) {
    std::u32string t = utf8::decode(text);
    for (auto it = ss.rbegin(); it != ss.rend(); ++it)  // sorted by offset, no overlaps
        if (it->replacement) t.replace(it->offset, it->length, utf8::decode(*it->replacement));
    return utf8::encode(t);
}

}  // namespace galley::bench
