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

TEST(segments, long_paragraphs_are_cut_after_a_sentence_end) {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "Él dormía la siesta, sin prisa y sin café. ";
    auto segs = cut_segments(text, 1000);
    expect_exact_cover(text, segs, 1000);
    ASSERT_GT(segs.size(), 8u);
    for (std::size_t i = 1; i < segs.size(); ++i)
        EXPECT_EQ(text.substr(segs[i].begin, 4), "Él ") << i;
}

TEST(segments, not_after_an_abbreviation_before_lower_case) {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "Vino el Sr. del Valle y se fue. ";
    auto segs = cut_segments(text, 500);
    expect_exact_cover(text, segs, 500);
    ASSERT_GT(segs.size(), 5u);
    for (std::size_t i = 1; i < segs.size(); ++i) EXPECT_EQ(text.substr(segs[i].begin, 5), "Vino ") << i;
}

TEST(segments, text_without_spaces_is_cut_between_code_points) {
    std::string text;
    for (int i = 0; i < 3000; ++i) text += "ñ€";
    auto segs = cut_segments(text, 100);
    expect_exact_cover(text, segs, 100);
    for (const segment& s : segs)
        EXPECT_NE(static_cast<unsigned char>(text[s.begin]) & 0xC0, 0x80u);
}
