#include "domain/engine/segments.hpp"

namespace galley::engine_detail {

namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Whether text[i] ends a sentence: . ? ! or the last byte of '…'.
bool sentence_end_at(std::string_view text, std::size_t i) {
    char c = text[i];
    if (c == '.' || c == '?' || c == '!') return true;
    return i >= 2 && text.substr(i - 2, 3) == "\xE2\x80\xA6";
}

// A new sentence can start at text[i]: not a lower-case ASCII letter or a digit, which follow
// abbreviations ("Sr. del Valle", "p. 3").
bool may_start_sentence(std::string_view text, std::size_t i) {
    char c = text[i];
    return !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9');
}

// The end of the piece that starts at `begin`, given that text.size() - begin > max_bytes.
std::size_t cut_after(std::string_view text, std::size_t begin, std::size_t max_bytes) {
    const std::size_t limit = begin + max_bytes;  // the piece is [begin, cut), cut <= limit
    const std::size_t floor = begin + max_bytes / 2;
    // After a sentence end and its spaces, before the next sentence's first character.
    for (std::size_t cut = limit; cut > floor; --cut) {
        if (space(text[cut - 1]) && !space(text[cut]) && may_start_sentence(text, cut)) {
            std::size_t mark = cut - 1;
            while (mark > begin && space(text[mark])) --mark;
            if (sentence_end_at(text, mark)) return cut;
        }
    }
    for (std::size_t cut = limit; cut > floor; --cut)
        if (space(text[cut - 1]) && !space(text[cut])) return cut;
    std::size_t cut = limit;
    while (cut > begin + 1 && continuation_byte(text[cut])) --cut;
    return cut;
}

}  // namespace

std::vector<segment> cut_segments(std::string_view text, std::size_t max_bytes) {
    if (max_bytes < 8) max_bytes = 8;  // room for any code point
    std::vector<segment> out;
    std::size_t begin = 0;
    std::uint32_t code_points = 0;
    while (text.size() - begin > max_bytes) {
        std::size_t end = cut_after(text, begin, max_bytes);
        out.push_back({begin, end, code_points});
        for (std::size_t i = begin; i < end; ++i) code_points += !continuation_byte(text[i]);
        begin = end;
    }
    out.push_back({begin, text.size(), code_points});
    return out;
}

}  // namespace galley::engine_detail
