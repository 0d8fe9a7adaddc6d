// Typography: spaces, units, ellipsis, Spanish dialogue dashes and quotes.
#include <gtest/gtest.h>

#include "engine_test_support.hpp"

using namespace galley::test;

TEST(typography, space_before_punctuation) {
    EXPECT_EQ(fixed("Hola , adiós .", "es"), "Hola, adiós.");
    EXPECT_EQ(fixed("Really ? Yes !", "en"), "Really? Yes!");
    EXPECT_FALSE(fires("Vale ;-) nos vemos.", "es", "SPACE_BEFORE_PUNCT"));
    EXPECT_FALSE(fires("C'est vrai ? Oui !", "fr", "SPACE_BEFORE_PUNCT"));  // French spacing
}

TEST(typography, missing_space_after_punctuation) {
    EXPECT_EQ(fixed("Vino,vio y se fue.Luego volvió.", "es"), "Vino, vio y se fue. Luego volvió.");
    EXPECT_EQ(fixed("Ven.Como prefieras, ya hablaremos mañana en casa.", "es"),
              "Ven. Como prefieras, ya hablaremos mañana en casa.");
    EXPECT_EQ(fixed("Es una frase.Y luego viene otra frase distinta.", "es"),
              "Es una frase. Y luego viene otra frase distinta.");
    EXPECT_FALSE(fires("Lo firmó J.R.R. Tolkien en persona.", "es", "MISSING_SPACE_AFTER_PUNCT"));
    EXPECT_FALSE(fires("El grupo Y.Z. Banda toca hoy.", "es", "MISSING_SPACE_AFTER_PUNCT"));
    EXPECT_FALSE(fires("Cuesta 3.5 euros, es decir, 3,50.", "es", "MISSING_SPACE_AFTER_PUNCT"));
    EXPECT_FALSE(
        fires("See e.g. the file.txt on example.com today.", "en", "MISSING_SPACE_AFTER_PUNCT"));
}

TEST(typography, double_spaces) {
    EXPECT_EQ(fixed("Una  casa.", "es"), "Una casa.");
    EXPECT_FALSE(fires("     Sangría de párrafo.", "es", "DOUBLE_SPACE"));
}

TEST(typography, number_and_unit) {
    EXPECT_EQ(fixed("Pesa 3kg y mide 20cm.", "es"), "Pesa 3 kg y mide 20 cm.");
    EXPECT_FALSE(fires("The 4G network and the 2nd floor.", "en", "NUMBER_UNIT_SPACE"));
}

TEST(typography, degrees_take_the_degree_sign_after_a_space) {
    EXPECT_EQ(fixed("Hacía 1ºC en la calle aquella mañana de invierno.", "es"),
              "Hacía 1 °C en la calle aquella mañana de invierno.");
    EXPECT_EQ(fixed("Marcaba 25 ºC a la sombra del patio interior.", "es"),
              "Marcaba 25 °C a la sombra del patio interior.");
    EXPECT_EQ(fixed("The temperature is 25°C today.", "en"), "The temperature is 25\u00A0°C today.");
    EXPECT_FALSE(fires("Llegó el 2º clasificado.", "es", "UNIT_SYMBOL"));
}

TEST(typography, spanish_abbreviations_and_ordinals) {
    EXPECT_EQ(fixed("El 9° clasificado llegó tarde a la meta de la carrera.", "es"),
              "El 9.º clasificado llegó tarde a la meta de la carrera.");
    EXPECT_EQ(fixed("Vive en el núm 25 de la calle mayor del pueblo.", "es"),
              "Vive en el núm. 25 de la calle mayor del pueblo.");
    EXPECT_FALSE(fires("Hacía 9° en la sierra aquella mañana de enero.", "es", "ES_ORDINAL_ABBREVIATION"));
}

TEST(typography, signs_typed_with_ascii_and_english_money_and_decades) {
    EXPECT_EQ(fixed("The new product is Choice(TM) Plus.", "en"), "The new product is Choice\u2122 Plus.");
    EXPECT_EQ(fixed("Copyright (C) 2010 The Estate.", "en"), "Copyright \u00A9 2010 The Estate.");
    EXPECT_FALSE(fires("Options (a), (b) and (C) are listed.", "en", "TYPOGRAPHIC_SIGNS"));
    EXPECT_EQ(fixed("It runs on Intel(R) chips only.", "en"), "It runs on Intel\u00AE chips only.");
    EXPECT_FALSE(fires("The senators were Richard Burr (D) and Kay Hagan (R).", "en", "TYPOGRAPHIC_SIGNS"));
    EXPECT_EQ(fixed("We know that 5 * 2 = 10 and 3*4 = 12.", "en"), "We know that 5 \u00D7 2 = 10 and 3\u00D74 = 12.");
    EXPECT_FALSE(fires("Rate it * or ** as you like.", "en", "TYPOGRAPHIC_SIGNS"));
    EXPECT_EQ(fixed("The mass is 75,5 +- 0,1 g today.", "en"), "The mass is 75,5 \u00B1 0,1 g today.");
    EXPECT_EQ(fixed("The board is 2 x 4 inches wide.", "en"), "The board is 2 \u00D7 4 inches wide.");
    EXPECT_EQ(fixed("You owe me 100$ now.", "en"), "You owe me $100 now.");
    EXPECT_EQ(fixed("You owe me $ 100 now.", "en"), "You owe me $100 now.");
    EXPECT_FALSE(fires("Me debes 100 $ ahora mismo, amigo mío.", "es", "TYPOGRAPHIC_SIGNS"));
    EXPECT_EQ(fixed("Where were you in the 1990's?", "en"), "Where were you in the 1990s?");
    EXPECT_EQ(fixed("I´ll be here.", "en"), "I'll be here.");
    EXPECT_EQ(fixed("What did you do on Valentines day?", "en"), "What did you do on Valentine's Day?");
}

TEST(typography, ellipsis_in_spanish) {
    EXPECT_EQ(fixed("Pues... no sé.", "es"), "Pues… no sé.");
    EXPECT_FALSE(fires("Well... I don't know.", "en", "ELLIPSIS"));
}

TEST(typography, spanish_dialogue_dashes) {
    EXPECT_EQ(fixed("-No, señor -contestó el cura-. Ya lo sabe.", "es"),
              "—No, señor —contestó el cura—. Ya lo sabe.");
    EXPECT_EQ(fixed("— Hola.", "es"), "—Hola.");
    EXPECT_FALSE(fires("Es un ex-ministro de 1990-1995.", "es", "ES_DIALOGUE_DASH"));
    EXPECT_FALSE(fires("- primer punto de la lista", "es", "ES_DIALOGUE_DASH"));
    // A speech already under way: the aside opens at a spaced dash before a verb of saying.
    EXPECT_EQ(fixed("Ven aquí -dijo el cura-, que ya es tarde.", "es"), "Ven aquí —dijo el cura—, que ya es tarde.");
    EXPECT_EQ(fixed("Ven –dijo.", "es"), "Ven —dijo.");
    EXPECT_FALSE(fires("Los años 1990 -2000 fueron buenos.", "es", "ES_DIALOGUE_DASH"));
    EXPECT_FALSE(fires("Hay un guion - aquí está - entre palabras.", "es", "ES_DIALOGUE_DASH"));
}

TEST(typography, straight_quotes_in_spanish_are_only_a_note) {
    auto ss = check("Dijo \"hola\" y se fue.", "es");
    ASSERT_EQ(ss.size(), 2u);  // both ends of the pair
    for (const auto& s : ss) {
        EXPECT_EQ(s.rule_id, "ES_STRAIGHT_QUOTES");
        EXPECT_FALSE(s.replacement);
    }
    EXPECT_EQ(ss[0].offset, 5u);
    EXPECT_EQ(ss[1].offset, 10u);
}

TEST(typography, mixed_quote_styles_are_noted_once_per_document) {
    galley::document_text doc;
    doc.paragraphs.push_back({galley::story_kind::body, 0, "Dijo «hola» y «adiós» y «bueno»."});
    doc.paragraphs.push_back({galley::story_kind::body, 1, "Luego dijo \"basta\"."});
    galley::check_options o;
    o.language = "es";
    int mixed = 0;
    for (const auto& s : shared_engine().check(doc, o))
        if (s.rule_id == "QUOTE_STYLE_MIXED") {
            ++mixed;
            EXPECT_EQ(s.paragraph, 1u);
        }
    EXPECT_EQ(mixed, 1);
}
