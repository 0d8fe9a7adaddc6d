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

// A long word one slip from a word outside the frequency list, when no listed word is as
// near: the rarer word is meant. Rare words only hunspell knows are no such answer.
TEST(spelling, fixes_a_long_word_one_slip_from_a_rarer_word) {
    EXPECT_EQ(fixed("Los autores citsdos en la nota son antiguos.", "es"),
              "Los autores citados en la nota son antiguos.");
    EXPECT_EQ(fixed("Ella nsinuaba que no vendría.", "es"), "Ella insinuaba que no vendría.");
    for (const auto& s : check("Sus movimientos eran señoriles y lentos.", "es"))
        EXPECT_FALSE(s.replacement) << s.original << " -> " << *s.replacement;
}

// An accent the writer typed is meant: the fix keeps it rather than take its more frequent
// accentless twin.
TEST(spelling, a_typed_accent_survives_the_fix) {
    EXPECT_EQ(fixed("—¿Y es muy grande? —pereguntó Sancho.", "es"), "—¿Y es muy grande? —preguntó Sancho.");
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

// A document of classical Spanish keeps its spellings in every paragraph, short ones too.
TEST(spelling, a_document_of_classical_spanish_keeps_its_spellings_everywhere) {
    document_text doc;
    doc.paragraphs.push_back({story_kind::body, 0, "Agora dél se dice que vino ansí, y desto no hay duda."});
    doc.paragraphs.push_back({story_kind::body, 0, "La llevó al monesterio."});
    check_options o;
    o.language = "es";
    for (const auto& s : shared_engine().check(doc, o))
        EXPECT_FALSE(s.rule_id == "ES_SPELLING_TYPO" && s.replacement) << s.original;
    EXPECT_EQ(fixed("La llevó al monesterio.", "es"), "La llevó al monasterio.");  // alone: modern
}

TEST(spelling, a_paragraph_of_classical_spanish_keeps_its_spellings) {
    EXPECT_EQ(fixed("Llegó un hombre extrangero a la ciudad.", "es"), "Llegó un hombre extranjero a la ciudad.");
    // "vuestra merced" marks Golden Age Spanish: its unknown words get notes, not replacements.
    for (const auto& s : check("Y vuestra merced vio llegar un hombre extrangero a la ciudad.", "es"))
        EXPECT_FALSE(s.rule_id == "ES_SPELLING_TYPO" && s.replacement) << s.original;
}

// A slip of the hand (a neighbouring key, an extra key beside it) far ahead of any other
// spelling is no period spelling: it is fixed even in Golden Age Spanish; period forms are not.
TEST(spelling, a_slip_of_the_hand_is_fixed_in_classical_spanish_too) {
    EXPECT_EQ(fixed("Mire vuestra merced, sdñor caballero, lo que hace.", "es"),
              "Mire vuestra merced, señor caballero, lo que hace.");
    EXPECT_EQ(fixed("Vuestra merced es un cavballero andante.", "es"), "Vuestra merced es un caballero andante.");
    EXPECT_EQ(fixed("Vuestra merced tenga prudnecia con el escudero.", "es"),
              "Vuestra merced tenga prudencia con el escudero.");  // two letters swapped
    // Ahead of a likelier word one slip away, though not far ahead ("dio").
    EXPECT_EQ(fixed("Vuestra merced, djio Sancho, no entiende.", "es"), "Vuestra merced, dijo Sancho, no entiende.");
    for (const char* text : {"Vuestra merced y sus amigos combatistes en la venta.",
                             "Vuestra merced sabe que no veredes tal cosa."})
        for (const auto& s : check(text, "es"))
            EXPECT_FALSE(s.rule_id == "ES_SPELLING_TYPO" && s.replacement) << text << ": " << s.original;
}

TEST(spelling, latin_locutions_are_not_misspellings) {
    EXPECT_TRUE(check("Es condición sine qua non tener permiso para entrar.", "es").empty());
    EXPECT_TRUE(check("Lo resolvieron grosso modo y de facto.", "es").empty());
    EXPECT_TRUE(check("Visitaban a las señoritas comme il faut.", "es").empty());
}

TEST(spelling, one_slip_of_the_hand_beats_a_likelier_word_two_slips_away) {
    // An extra key next to the one meant, a dropped letter, a swap.
    EXPECT_EQ(fixed("Dios lo rwemediará pronto.", "es"), "Dios lo remediará pronto.");
    EXPECT_EQ(fixed("No fueon golpes.", "es"), "No fueron golpes.");
    EXPECT_EQ(fixed("Era un hombre de una erobustez envidiable.", "es"),
              "Era un hombre de una robustez envidiable.");
    // Ahead of every other spelling, although they are likelier words two slips away.
    EXPECT_EQ(fixed("Don Fermín seguía sentado en su lexcho.", "es"), "Don Fermín seguía sentado en su lecho.");
    EXPECT_EQ(fixed("Cogió el guante con dos ddeos.", "es"), "Cogió el guante con dos dedos.");
    // A far rarer word one vowel away ("cuarteo") does not make "cuartio" a period spelling.
    EXPECT_EQ(fixed("Se cerró la puerta del cuartio de Petra.", "es"), "Se cerró la puerta del cuarto de Petra.");
}

// A slip of the hand one neighbouring key, doubled letter or swap away is fixed although the
// typed word looks like Spanish; a long word with a letter left out is fixed although the word
// meant is rare.
TEST(spelling, a_plausible_looking_slip_of_the_hand_and_a_long_dropped_letter) {
    EXPECT_EQ(fixed("Era un hombre porbe y honrado.", "es"), "Era un hombre pobre y honrado.");
    EXPECT_EQ(fixed("Vuestra merded lo sabe bien.", "es"), "Vuestra merced lo sabe bien.");
    EXPECT_EQ(fixed("Lo aceptó con resignción cristiana.", "es"), "Lo aceptó con resignación cristiana.");
    EXPECT_EQ(fixed("Subió despacio por la esclera del patio.", "es"), "Subió despacio por la escalera del patio.");
    // A swap is a cheaper slip than a letter added: ahead by less, still the fix.
    EXPECT_EQ(fixed("Todo etso lo sabía ella.", "es"), "Todo esto lo sabía ella.");
}

TEST(spelling, the_determiner_before_a_typo_decides_number_and_gender) {
    EXPECT_EQ(fixed("Rezaba a todos sus santso.", "es"), "Rezaba a todos sus santos.");
    // ... and the noun after a determiner typed wrong ("aquella fuentes" cannot be).
    EXPECT_EQ(fixed("Sintió humedad en aquellsa fuentes secas.", "es"),
              "Sintió humedad en aquellas fuentes secas.");
}

TEST(spelling, accent_twins_are_one_candidate_and_frequency_picks_the_accent) {
    EXPECT_EQ(fixed("Cada cyal se fue a su casa.", "es"), "Cada cual se fue a su casa.");
    EXPECT_EQ(fixed("Si lo tomas por dionde quema, no insisto.", "es"),
              "Si lo tomas por donde quema, no insisto.");
}

TEST(spelling, a_word_before_an_ellipsis_is_checked_unless_it_may_be_cut_short) {
    EXPECT_EQ(fixed("Los nervios, la primavra…, la sangre.", "es"), "Los nervios, la primavera…, la sangre.");
    // Spanish speech trails off at a paragraph's end: the last word is still checked.
    EXPECT_EQ(fixed("—No me atreví a deseprtarla…", "es"), "—No me atreví a despertarla…");
    for (const auto& s : check("—Es una sop…", "es")) EXPECT_NE(s.original, "sop") << s.rule_id;
    for (const auto& s : check("He read the article on institut… and left.", "en"))
        EXPECT_NE(s.original, "institut") << s.rule_id;
}

TEST(spelling, deliberate_forms_are_left_alone) {
    // A broken-off verse or suspended prefix, a sound repeated, a ligature, a regular plural.
    EXPECT_TRUE(check("Soy Rocinante, el famo- bisnieto del gran Babie-.", "es").empty());
    for (const auto& s : check("El chin chin de los platillos sonaba lejos.", "es"))
        EXPECT_FALSE(s.replacement) << s.original;
    for (const auto& s : check("The dæmon of the house was silent.", "en"))
        EXPECT_FALSE(s.replacement) << s.original;
    for (const auto& s : check("We heard the howlings of the wolves.", "en"))
        EXPECT_NE(s.original, "howlings");
    // A clitic assimilated to the infinitive, a spoken "-ao": period and dialect, not slips.
    for (const char* text : {"Mucho tardó en respondelle a la carta.",
                             "Ya lo decía el beneficiao de la parroquia.",
                             "Estaba sentao en la puerta de la venta."})
        for (const auto& s : check(text, "es"))
            EXPECT_FALSE(s.replacement) << text << ": " << s.original << " -> " << *s.replacement;
}

TEST(spelling, an_accent_the_dictionary_lacks_is_noted_not_removed) {
    for (const auto& s : check("No quiero que nadie me rehúya.", "es"))
        EXPECT_FALSE(s.replacement) << s.original;
    EXPECT_EQ(fixed("Ella fué a la plaza.", "es"), "Ella fue a la plaza.");
    // Unless the unaccented spelling is no word the analyser knows: then it is a typo.
    EXPECT_EQ(fixed("No abía nadie en la casa.", "es"), "No había nadie en la casa.");
}

TEST(spelling, a_passage_in_another_language_gets_notes_only) {
    for (const auto& s : check("Donec eris felix, multos numerabis amicos, tempora si fuerint nubila, solus eris.", "es"))
        EXPECT_FALSE(s.replacement) << s.original << " -> " << *s.replacement;
}

// Two unknown words side by side are a foreign phrase: notes, no corrections; a frequent word
// that only lacks its accent is still fixed beside one.
TEST(spelling, a_foreign_phrase_is_noted_not_corrected) {
    for (const auto& s : check("Era uno de tantos canónigos laudatores temporis acti, como decía él.", "es"))
        EXPECT_FALSE(s.replacement) << s.original << " -> " << *s.replacement;
    EXPECT_EQ(fixed("Lo dijo tambien xqzvw ayer.", "es"), "Lo dijo también xqzvw ayer.");
    // A capitalised unknown neighbour may be a name opening the sentence: a clear slip of one
    // letter is fixed beside it, nothing else.
    EXPECT_EQ(fixed("Obdulia hablabz con el Magistral.", "es"), "Obdulia hablaba con el Magistral.");
    for (const auto& s : check("Caveant consules, dijo el cura.", "es"))
        EXPECT_FALSE(s.replacement) << s.original << " -> " << *s.replacement;
}

// Diminutives and augmentatives of known words ("pilluelos", "corralón") and a metrical
// diaeresis ("fïel") are words, not slips.
TEST(spelling, derivatives_and_metrical_diaereses_are_not_slips) {
    for (const auto& s : check("Los pilluelos se dispersaron por el corralón.", "es"))
        EXPECT_FALSE(s.replacement) << s.original << " -> " << *s.replacement;
    EXPECT_TRUE(check("Era escudero el más fïel que vio el trato.", "es").empty());
}

// In a paragraph of period spelling a dropped letter is a slip of the hand, except where period
// spelling drops one: a consonant before a consonant ("efeto", "dotor") or a silent h.
TEST(spelling, a_dropped_letter_is_a_slip_even_in_period_spelling) {
    EXPECT_EQ(fixed("Levantaron, vuestra merced, las trincheas tan altas que sobrepujaban las murallas.", "es"),
              "Levantaron, vuestra merced, las trincheras tan altas que sobrepujaban las murallas.");
    for (const char* text : {"Tuvo vuestra merced el efeto que quería.", "Llamaron al dotor, vuestra merced."})
        for (const auto& s : check(text, "es")) EXPECT_FALSE(s.replacement) << text << ": " << s.original;
}
