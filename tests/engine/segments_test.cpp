// Cutting overlong paragraphs into segments: exact cover, bounded size, cuts after sentence ends,
// never inside a code point, code-point offsets right with multi-byte letters.
#include <gtest/gtest.h>

#include <string>

#include "domain/engine/segments.hpp"

using namespace galley::engine_detail;

namespace {

std::uint32_t code_points(std::string_view s) {
    std::uint32_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

void expect_exact_cover(const std::string& text, const std::vector<segment>& segs,
                        std::size_t max_bytes) {
    ASSERT_FALSE(segs.empty());
    std::size_t at = 0;
    for (const segment& s : segs) {
        EXPECT_EQ(s.begin, at);
        EXPECT_LE(s.end - s.begin, max_bytes);
        EXPECT_EQ(s.code_points, code_points(std::string_view(text).substr(0, s.begin)));
        at = s.end;
    }
    EXPECT_EQ(at, text.size());
}

}  // namespace

TEST(segments, a_paragraph_that_fits_is_one_segment) {
    auto segs = cut_segments("Una frase corta.", 64);
    ASSERT_EQ(segs.size(), 1u);
    EXPECT_EQ(segs[0].end, 16u);
    EXPECT_EQ(cut_segments("", 64).size(), 1u);
}

// `unit` repeated `times` and cut at `max_bytes`: more than `min_segments` segments, every one
// after the first starting with `start`.
void expect_cuts_before(const std::string& unit, int times, std::size_t max_bytes,
                        std::string_view start, std::size_t min_segments) {
    std::string text;
    for (int i = 0; i < times; ++i) text += unit;
    auto segs = cut_segments(text, max_bytes);
    expect_exact_cover(text, segs, max_bytes);
    ASSERT_GT(segs.size(), min_segments);
    for (std::size_t i = 1; i < segs.size(); ++i)
        EXPECT_EQ(text.substr(segs[i].begin, start.size()), start) << i;
}

TEST(segments, long_paragraphs_are_cut_after_a_sentence_end) {
    expect_cuts_before("Él dormía la siesta, sin prisa y sin café. ", 200, 1000, "Él ", 8);
}

TEST(segments, not_after_an_abbreviation_before_lower_case) {
    expect_cuts_before("Vino el Sr. del Valle y se fue. ", 100, 500, "Vino ", 5);
}

TEST(segments, text_without_spaces_is_cut_between_code_points) {
    std::string text;
    for (int i = 0; i < 3000; ++i) text += "ñ€";
    auto segs = cut_segments(text, 100);
    expect_exact_cover(text, segs, 100);
    for (const segment& s : segs)
        EXPECT_NE(static_cast<unsigned char>(text[s.begin]) & 0xC0, 0x80u);
}
