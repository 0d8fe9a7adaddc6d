// Spelling: accents restored, single-candidate typos fixed, names and ambiguities left alone.
#include <gtest/gtest.h>

#include "engine_test_support.hpp"

using namespace galley;
using namespace galley::test;

TEST(spelling, restores_missing_accents) {
    EXPECT_EQ(fixed("Yo tambien lo vi aquel dia.", "es"), "Yo también lo vi aquel día.");
    EXPECT_EQ(fixed("La informacion llegó tarde.", "es"), "La información llegó tarde.");
    EXPECT_EQ(fixed("Tambien llegó.", "es"), "También llegó.");  // sentence-initial
}

TEST(spelling, leaves_ambiguous_accents_alone) {
    EXPECT_TRUE(check("Esta casa es grande y esta lejos.", "es").empty());
    EXPECT_TRUE(check("El sabia que su madre estaba bien.", "es").empty());
}

TEST(spelling, fixes_a_unique_frequent_typo) {
    EXPECT_EQ(fixed("Dijo qeu vendría pronto.", "es"), "Dijo que vendría pronto.");
    EXPECT_EQ(fixed("I saw teh house.", "en"), "I saw the house.");
}

TEST(spelling, notes_unknown_words_without_a_replacement) {
    auto ss = check("El xqzvw llegó ayer.", "es");
    ASSERT_EQ(ss.size(), 1u);
    EXPECT_EQ(ss[0].rule_id, "ES_SPELLING_UNKNOWN");
    EXPECT_FALSE(ss[0].replacement);
    EXPECT_LT(ss[0].confidence, 0.5);
}

TEST(spelling, skips_names_acronyms_numbers_urls_and_roman_numerals) {
    EXPECT_TRUE(check("Ayer vino Fermín de Pas con la ONU en el siglo XIX.", "es").empty());
    EXPECT_TRUE(check("Mira www.ejemplo.com o escribe a pepe@ejemplo.es hoy.", "es").empty());
    EXPECT_TRUE(check("El modelo MP3 cuesta 20 euros.", "es").empty());
    EXPECT_TRUE(check("Yesterday Mr Darcy met Elizabeth at Netherfield.", "en").empty());
}

TEST(spelling, accepts_project_dictionary_words) {
    check_options o;
    o.dictionary = {"xqzvw"};
    EXPECT_TRUE(check("El xqzvw llegó ayer.", "es", o).empty());
}

TEST(spelling, english_accepts_both_variants_unless_one_is_chosen) {
    EXPECT_TRUE(check("My favourite colour is blue.", "en").empty());
    check_options us;
    us.variant = "en_US";
    EXPECT_FALSE(check("My favourite colour is blue.", "en", us).empty());
}

TEST(spelling, fixes_a_slip_of_the_hand_into_a_word_the_frequency_list_lacks) {
    // "meretrices" and "apóstata" are in the dictionary but not among the 50 000 listed words.
    EXPECT_EQ(fixed("Lo sabían las meretricse de Babilonia.", "es"),
              "Lo sabían las meretrices de Babilonia.");
    EXPECT_EQ(fixed("Sabía algo de algún apótsata español.", "es"),
              "Sabía algo de algún apóstata español.");
}

TEST(spelling, classical_spellings_get_a_note_not_a_modern_replacement) {
    for (const char* text : {"Era una doncella fermosa y discreta.", "Quiso entregalle la carta.",
                             "Nunca había recebido tal merced.", "Ansí lo dijo el cura.",
                             "Hablaremos desa pesadumbre mañana."}) {
        for (const auto& s : check(text, "es"))
            EXPECT_FALSE(s.replacement && s.rule_id.starts_with("ES_SPELLING")) << text << ": " << s.original;
    }
}

TEST(spelling, a_paragraph_of_classical_spanish_keeps_its_spellings) {
    EXPECT_EQ(fixed("Llegó un hombre estranjero a la ciudad.", "es"), "Llegó un hombre extranjero a la ciudad.");
    // "vuestra merced" marks Golden Age Spanish: its unknown words get notes, not replacements.
    for (const auto& s : check("Y vuestra merced vio llegar un hombre estranjero a la ciudad.", "es"))
        EXPECT_FALSE(s.rule_id == "ES_SPELLING_TYPO" && s.replacement) << s.original;
}

TEST(spelling, latin_locutions_are_not_misspellings) {
    EXPECT_TRUE(check("Es condición sine qua non tener permiso para entrar.", "es").empty());
    EXPECT_TRUE(check("Lo resolvieron grosso modo y de facto.", "es").empty());
}
