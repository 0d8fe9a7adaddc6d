#include "domain/utf8.hpp"

namespace galley::utf8 {

namespace {
// Length of the sequence introduced by lead byte b, or 0 when b cannot start one.
int sequence_length(unsigned char b) {
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) return 2;
    if (b >= 0xE0 && b <= 0xEF) return 3;
    if (b >= 0xF0 && b <= 0xF4) return 4;
    return 0;
}
bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }
}  // namespace

bool is_valid(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t n = s.size(), i = 0;
    while (i < n) {
        unsigned char b = p[i];
        if (b < 0x80) { ++i; continue; }
        int len = sequence_length(b);
        if (len == 0 || i + len > n) return false;
        for (int k = 1; k < len; ++k)
            if (!is_continuation(p[i + k])) return false;
        unsigned char b1 = p[i + 1];
        if (b == 0xE0 && b1 < 0xA0) return false;  // overlong
        if (b == 0xED && b1 > 0x9F) return false;  // surrogate
        if (b == 0xF0 && b1 < 0x90) return false;  // overlong
        if (b == 0xF4 && b1 > 0x8F) return false;  // past U+10FFFF
        i += len;
    }
    return true;
}

char32_t next(std::string_view s, std::size_t& i) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = sequence_length(b);
    if (len <= 1 || i + len > s.size()) {
        ++i;
        return len == 1 ? b : U'\uFFFD';
    }
    char32_t cp = b & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    return cp;
}

std::size_t count(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += !is_continuation(c);
    return n;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) out.push_back(next(s, i));
    return out;
}

std::string encode(std::u32string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) append(out, c);
    return out;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace galley::utf8
