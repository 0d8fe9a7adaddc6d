#pragma once
// UTF-8 ↔ ICU UTF-16 strings for the Apertium wrappers (lttoolbox's UString is
// std::basic_string<UChar>). Invalid input becomes U+FFFD; callers pass valid UTF-8.
#include <string>
#include <string_view>
#include <unicode/utf16.h>

#include "domain/utf8.hpp"

namespace galley::engine_detail {

inline std::basic_string<char16_t> utf8_to_ustring(std::string_view s) {
    std::basic_string<char16_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = utf8::next(s, i);
        if (c < 0x10000) {
            out.push_back(static_cast<char16_t>(c));
        } else {
            out.push_back(static_cast<char16_t>(U16_LEAD(c)));
            out.push_back(static_cast<char16_t>(U16_TRAIL(c)));
        }
    }
    return out;
}

inline std::string ustring_to_utf8(std::basic_string_view<char16_t> s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        UChar32 c;
        U16_NEXT(s.data(), i, s.size(), c);
        utf8::append(out, static_cast<char32_t>(c < 0 ? 0xFFFD : c));
    }
    return out;
}

}  // namespace galley::engine_detail
