// The spelling corrector's ranking: slips of the hand and ear cost less, frequent words win.
#include <gtest/gtest.h>

#include "domain/engine/spelling/candidate_index.hpp"
#include "domain/engine/spelling/edit_cost.hpp"
#include "engine_test_support.hpp"

using namespace galley;
using namespace galley::engine_detail;

TEST(edit_cost, typical_slips_cost_less_than_arbitrary_edits) {
    auto cost = [](std::u32string_view a, std::u32string_view b, lang l = lang::es) {
        return edit_cost(a, b, l, 3.0);
    };
    EXPECT_DOUBLE_EQ(cost(U"casa", U"casa"), 0.0);
    EXPECT_LT(cost(U"informacion", U"información"), 0.5);  // an accent
    EXPECT_LT(cost(U"vurro", U"burro"), cost(U"purro", U"burro"));  // b/v sounds alike
    EXPECT_LT(cost(U"abia", U"había"), 1.0);                       // silent h plus accent
    EXPECT_LT(cost(U"yamar", U"llamar"), 1.0);                     // ll/y
    EXPECT_LT(cost(U"cssa", U"casa", lang::en), 1.0);              // neighbouring keys
    EXPECT_LT(cost(U"recieve", U"receive", lang::en), 1.0);        // swapped letters
    EXPECT_DOUBLE_EQ(cost(U"casa", U"cosa"), 1.0);
    EXPECT_GT(edit_cost(U"abcdefgh", U"zyxwvuts", lang::en, 2.0), 2.0);  // gives up early
    // Leaving an accent out is the usual slip; dropping one the writer typed is not.
    EXPECT_LT(cost(U"pregunto", U"preguntó"), cost(U"preguntó", U"pregunto"));
    EXPECT_LT(cost(U"pereguntó", U"preguntó") + 0.2, cost(U"pereguntó", U"pregunto"));
}

TEST(candidate_index, finds_words_two_edits_away_and_ranks_by_frequency) {
    candidate_index index({{"pobres", 5000}, {"pebres", 3}, {"hombre", 90000}, {"home", 40},
                           {"casa", 80000}, {"cosa", 70000}},
                          lang::es);
    auto r = index.lookup("puebres", 2.0, 5);
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r[0].word, "pobres");
    r = index.lookup("hombe", 2.0, 5);
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r[0].word, "hombre");
    r = index.lookup("caza", 1.0, 5);
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r[0].word, "casa");  // z/s sound alike: cheaper than c/z or a/o
    EXPECT_TRUE(index.lookup("casa", 2.0, 5).size() >= 1);  // itself excluded, cosa found
    for (const auto& c : index.lookup("casa", 2.0, 5)) EXPECT_NE(c.word, "casa");
    EXPECT_EQ(index.count("hombre"), 90000u);
    EXPECT_EQ(index.count("mujer"), 0u);
}

TEST(spelling_corrector, ranks_real_dictionary_candidates) {
    using galley::test::fixed;
    // "puedes" is far more frequent: without context the ranking only puts "pobres" first.
    auto ss = galley::test::check("Los niños puebres no tenían zapatos.", "es");
    ASSERT_EQ(ss.size(), 1u);
    EXPECT_NE(ss[0].message.find("pobres"), std::string::npos) << ss[0].message;
    EXPECT_EQ(fixed("Aquel hombe no dijo nada.", "es"), "Aquel hombre no dijo nada.");
    EXPECT_EQ(fixed("She walked into the kitchn quietly.", "en"), "She walked into the kitchen quietly.");
}

TEST(edit_cost, counts_slips_and_an_extra_key_beside_its_neighbour_is_cheap) {
    EXPECT_EQ(edit_of(U"fueon", U"fueron", lang::es, 3.0).slips, 1);
    EXPECT_EQ(edit_of(U"fueon", U"bueno", lang::es, 3.0).slips, 2);
    EXPECT_EQ(edit_of(U"cyal", U"cuál", lang::es, 3.0).slips, 1);  // the accent is no slip
    // "w" sits beside "e": typed together. A missing letter is no cheaper beside its neighbour.
    EXPECT_LT(edit_cost(U"rwemediar", U"remediar", lang::es, 3.0), 1.0);
    EXPECT_DOUBLE_EQ(edit_cost(U"remdiar", U"remediar", lang::es, 3.0), 1.0);
}

TEST(candidate_index, one_slip_outranks_a_more_frequent_word_two_slips_away) {
    candidate_index index({{"fueron", 84000}, {"bueno", 1000000}}, lang::es);
    auto r = index.lookup("fueon", 2.0, 5);
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r[0].word, "fueron");
}

TEST(candidate_index, a_word_with_unattested_letter_trigrams_is_implausible) {
    candidate_index index({{"casa", 10}, {"casas", 10}, {"cosa", 10}, {"caso", 10}, {"paso", 10},
                           {"pasos", 10}, {"osos", 10}},
                          lang::es);
    EXPECT_TRUE(index.plausible("casos"));   // every trigram in two words: looks like a word
    EXPECT_FALSE(index.plausible("cassa"));  // "ass" in none
    EXPECT_FALSE(index.plausible("pasoo"));  // "soo" in none
}
