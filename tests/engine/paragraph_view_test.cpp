// The tokenizer and sentence splitter every rule relies on.
#include "domain/engine/paragraph_view.hpp"

#include <gtest/gtest.h>

using namespace galley::engine_detail;

TEST(paragraph_view, cuts_words_numbers_and_urls) {
    auto p =
        analyse_paragraph("Visita https://example.com/a?b=1 o escribe a ana@correo.es, ¿vale?");
    int urls = 0;
    for (const auto& t : p.tokens) urls += t.kind == token_kind::url;
    EXPECT_EQ(urls, 2);
    auto n = analyse_paragraph("Pesa 3.5 kg y mide 1,80 m.");
    EXPECT_EQ(n.tokens[2].kind, token_kind::number);
    EXPECT_EQ(n.tokens[2].text, "3.5");
}

TEST(paragraph_view, offsets_count_code_points) {
    auto p = analyse_paragraph("¿Qué día?");
    ASSERT_GE(p.tokens.size(), 3u);
    EXPECT_EQ(p.tokens[1].begin, 1u);  // after ¿
    EXPECT_EQ(p.tokens[1].end, 4u);
    EXPECT_EQ(p.tokens[1].lower, "qué");
}

TEST(paragraph_view, sentences_do_not_stop_at_abbreviations) {
    auto p = analyse_paragraph("Vino el Sr. García a las 5 p. m. y se fue. Luego llovió.");
    EXPECT_EQ(p.sentences.size(), 2u);
    auto e = analyse_paragraph("He said e.g. this one. Then he left...");
    EXPECT_EQ(e.sentences.size(), 2u);
}

TEST(paragraph_view, inner_apostrophes_and_hyphens_stay_in_words) {
    auto p = analyse_paragraph("don't well-known");
    EXPECT_EQ(p.tokens[0].text, "don't");
    EXPECT_EQ(p.tokens[2].text, "well-known");
}
