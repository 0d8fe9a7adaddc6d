#pragma once
// UTF-8 helpers over std::string_view: validation, decoding and code-point counting.
// Offsets in the API count code points (API.md), while the engine works on byte offsets.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace galley::utf8 {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid(std::string_view s);

/// Decodes the code point starting at s[i] and advances i past it.
/// REQUIRES: is_valid(s) and i < s.size(); on malformed input returns U+FFFD and advances by 1.
char32_t next(std::string_view s, std::size_t& i);

/// Number of code points in valid UTF-8.
std::size_t count(std::string_view s);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

/// The code points of valid UTF-8 `s`, and back.
std::u32string decode(std::string_view s);
std::string encode(std::u32string_view s);

/// `s` with A-Z lowered and every other byte kept (header names, schemes, origins, e-mails).
std::string ascii_lower(std::string_view s);

/// True when `s` starts with the UTF-8 byte order mark.
inline bool has_bom(std::string_view s) { return s.substr(0, 3) == "\xEF\xBB\xBF"; }

}  // namespace galley::utf8
