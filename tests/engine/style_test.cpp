// Style notes never carry a replacement.
#include <gtest/gtest.h>

#include "engine_test_support.hpp"

using namespace galley::test;

TEST(style, long_sentence_is_a_note) {
    std::string s = "La ";
    const char* words[] = {"casa", "perro", "árbol", "río", "monte", "nube", "sol", "mar", "pan"};
    for (int i = 0; i < 70; ++i) s += std::string(words[i % 9]) + " ";
    s += "fin.";
    auto ss = check(s, "es");
    bool seen = false;
    for (const auto& x : ss)
        if (x.rule_id == "LONG_SENTENCE") {
            seen = true;
            EXPECT_FALSE(x.replacement);
        }
    EXPECT_TRUE(seen);
    EXPECT_FALSE(fires("Una oración corta y clara.", "es", "LONG_SENTENCE"));
}

TEST(style, mente_adverbs) {
    EXPECT_TRUE(fires("Lo hizo rápidamente y fácilmente.", "es", "ES_MENTE_ADVERBS"));
    EXPECT_FALSE(fires("Lo hizo rápidamente y bien.", "es", "ES_MENTE_ADVERBS"));
}

TEST(style, nearby_repetition) {
    EXPECT_TRUE(fires("La montaña era alta y la otra montaña también.", "es", "NEARBY_REPETITION"));
    EXPECT_FALSE(fires("La montaña era alta y el valle profundo.", "es", "NEARBY_REPETITION"));
}
