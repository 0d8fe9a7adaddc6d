// Punctuation: ¿ ¡, "?.", brackets, commas after markers, serial comma.
#include <gtest/gtest.h>

#include "engine_test_support.hpp"

using namespace galley::test;

TEST(punctuation, inserts_opening_question_and_exclamation_marks) {
    EXPECT_EQ(fixed("Vienes mañana? Claro.", "es"), "¿Vienes mañana? Claro.");
    EXPECT_EQ(fixed("Qué bonito!", "es"), "¡Qué bonito!");
    EXPECT_EQ(fixed("—Vienes? —preguntó.", "es"), "—¿Vienes? —preguntó.");
    EXPECT_FALSE(fires("¿Vienes mañana?", "es", "ES_OPENING_QUESTION"));
}

TEST(punctuation, opens_a_question_where_it_starts_mid_sentence) {
    EXPECT_EQ(fixed("Si no llueve, vienes mañana?", "es"), "Si no llueve, ¿vienes mañana?");
    EXPECT_EQ(fixed("Si lo sabes, por qué no lo dices?", "es"), "Si lo sabes, ¿por qué no lo dices?");
    EXPECT_EQ(fixed("Sí, señor; pero qué sucede?", "es"), "Sí, señor; pero ¿qué sucede?");
    // A preposition before the interrogative word opens the question with it.
    EXPECT_EQ(fixed("—A quién le importará más, a él o a mí? —repetía.", "es"),
              "—¿A quién le importará más, a él o a mí? —repetía.");
    EXPECT_EQ(fixed("Si no vienes, para qué te espero?", "es"), "Si no vienes, ¿para qué te espero?");
    EXPECT_EQ(fixed("—Bravo, paisano! —gritó.", "es"), "—¡Bravo, paisano! —gritó.");
    // A tail opening with "que" depends on what comes before; an inverted subject asks already.
    EXPECT_EQ(fixed("—Paréceos, caballeros, que tengo yo talle de ventero? —respondió.", "es"),
              "—¿Paréceos, caballeros, que tengo yo talle de ventero? —respondió.");
    EXPECT_EQ(fixed("Querrá usted decirle adiós, verdad?", "es"), "¿Querrá usted decirle adiós, verdad?");
    EXPECT_EQ(fixed("Es natural, verdad?", "es"), "Es natural, ¿verdad?");
}

// An interjection mid-sentence, capitalised words quoted after a colon, and a question
// quoted mid-sentence each open where they start.
TEST(punctuation, opens_an_interjection_a_quotation_after_a_colon_and_a_quoted_question) {
    EXPECT_EQ(fixed("Mas ay! en vano fue.", "es"), "Mas ¡ay! en vano fue.");
    // An exclamation opens before its conjunction; a question after it.
    EXPECT_EQ(fixed("—Pero qué divina, Ana, pero qué divina! —le decía.", "es"),
              "—¡Pero qué divina, Ana, pero qué divina! —le decía.");
    EXPECT_EQ(fixed("Y qué bonito era!", "es"), "¡Y qué bonito era!");
    EXPECT_EQ(fixed("Pero adónde irían?", "es"), "Pero ¿adónde irían?");
    EXPECT_EQ(fixed("Esto es algo fuerte; pero ay de él si se subleva!", "es"),
              "Esto es algo fuerte; pero ¡ay de él si se subleva!");
    EXPECT_EQ(fixed("Y, sin embargo, qué deliciosa podría ser una charla con Ana!", "es"),
              "Y, sin embargo, ¡qué deliciosa podría ser una charla con Ana!");
    EXPECT_EQ(fixed("Gritaron sin cesar desde la mañana a la noche: Al campo, al campo!", "es"),
              "Gritaron sin cesar desde la mañana a la noche: ¡Al campo, al campo!");
    EXPECT_EQ(fixed("Se había dicho: «Se acercará don Álvaro a saludarme?» Y tuvo miedo.", "es"),
              "Se había dicho: «¿Se acercará don Álvaro a saludarme?» Y tuvo miedo.");
}

// A long question whose start nothing marks: the whole sentence is the guess, as a suggestion
// below the confidence applied by default.
TEST(punctuation, a_long_question_whose_start_is_unclear_is_a_guess) {
    auto ss = check("La madre de todos ellos esperaba la carta del hijo que vivía lejos en la "
                    "ciudad desde hacía tantos años?", "es");
    ASSERT_EQ(ss.size(), 1u);
    EXPECT_EQ(ss[0].rule_id, "ES_OPENING_QUESTION");
    EXPECT_EQ(ss[0].replacement.value_or(""), "¿La");
    EXPECT_LT(ss[0].confidence, 0.6);
}

TEST(punctuation, no_period_after_question_mark) {
    EXPECT_EQ(fixed("¿Vienes?. Bien.", "es"), "¿Vienes? Bien.");
    EXPECT_FALSE(fires("¡Ay!... qué pena.", "es", "PERIOD_AFTER_QUESTION"));
}

TEST(punctuation, unbalanced_brackets_are_notes) {
    auto ss = check("Llegó (tarde como siempre.", "es");
    ASSERT_EQ(ss.size(), 1u);
    EXPECT_EQ(ss[0].rule_id, "UNBALANCED_BRACKET");
    EXPECT_FALSE(ss[0].replacement);
    EXPECT_FALSE(fires("a) primero, b) segundo", "es", "UNBALANCED_BRACKET"));
}

TEST(punctuation, comma_after_discourse_marker) {
    EXPECT_EQ(fixed("Sin embargo no vino.", "es"), "Sin embargo, no vino.");
    EXPECT_EQ(fixed("Moreover the plan failed.", "en"), "Moreover, the plan failed.");
    EXPECT_FALSE(fires("No obstante lo anterior, vino.", "es", "ES_COMMA_AFTER_MARKER"));
    EXPECT_FALSE(fires("However hard he tried, he failed.", "en", "EN_COMMA_AFTER_MARKER"));
}

TEST(punctuation, spanish_serial_comma_in_a_simple_list) {
    EXPECT_EQ(fixed("Compré peras, uvas, manzanas, y naranjas.", "es"),
              "Compré peras, uvas, manzanas y naranjas.");
    EXPECT_FALSE(fires("Llegó cansado, y se durmió enseguida.", "es", "ES_SERIAL_COMMA"));
}

// English punctuation in certain frames (rules/punctuation_en.cpp).
TEST(punctuation_en, tag_questions_dates_and_compound_adjectives) {
    EXPECT_EQ(galley::test::fixed("She isn't coming is she?", "en"), "She isn't coming, is she?");
    EXPECT_EQ(galley::test::fixed("You can drive can't you?", "en"), "You can drive, can't you?");
    EXPECT_FALSE(galley::test::fires("What time is it?", "en", "EN_COMMA_TAG_QUESTION"));
    EXPECT_FALSE(galley::test::fires("Do you know where he is?", "en", "EN_COMMA_TAG_QUESTION"));
    EXPECT_FALSE(galley::test::fires("She isn't coming, is she?", "en", "EN_COMMA_TAG_QUESTION"));
    EXPECT_EQ(galley::test::fixed("Checkers exist, e.g. LanguageTool.", "en"), "Checkers exist, e.g., LanguageTool.");
    EXPECT_EQ(galley::test::fixed("Public places, ie a library.", "en"), "Public places, i.e., a library.");
    EXPECT_EQ(galley::test::fixed("My birthday is October 18 1983.", "en"), "My birthday is October 18, 1983.");
    EXPECT_EQ(galley::test::fixed("It closed in October, 1958.", "en"), "It closed in October 1958.");
    EXPECT_EQ(galley::test::fixed("We will meet Friday July 15.", "en"), "We will meet Friday, July 15.");
    EXPECT_FALSE(galley::test::fires("We met on 18 October 1983.", "en", "EN_DATE_COMMA"));
    EXPECT_EQ(galley::test::fixed("Rudolph is a two year old reindeer.", "en"), "Rudolph is a two-year-old reindeer.");
    EXPECT_EQ(galley::test::fixed("France has a 35 hour working week.", "en"), "France has a 35-hour working week.");
    EXPECT_FALSE(galley::test::fires("He waited for two hours and left.", "en", "EN_COMPOUND_HYPHEN"));
    EXPECT_FALSE(galley::test::fires("She is two years old.", "en", "EN_COMPOUND_HYPHEN"));
    EXPECT_EQ(galley::test::fixed("He is her right hand man.", "en"), "He is her right-hand man.");
    EXPECT_EQ(galley::test::fixed("We present a state of the art solution.", "en"),
              "We present a state-of-the-art solution.");
    EXPECT_EQ(galley::test::fixed("They meet at 2 o' clock.", "en"), "They meet at 2 o'clock.");
    EXPECT_EQ(galley::test::fixed("For heavens sake!", "en"), "For heaven's sake!");
    EXPECT_EQ(galley::test::fixed("The car's are cheap.", "en"), "The cars are cheap.");
    EXPECT_FALSE(galley::test::fires("The let's are cheap here.", "en", "EN_FIXED_PUNCTUATION"));
}

TEST(punctuation, opens_each_question_or_exclamation_of_a_sentence) {
    // A closing mark followed by a comma ends a part of the sentence, not the sentence.
    EXPECT_EQ(fixed("Ya lo sabían!, estaban en confianza.", "es"), "¡Ya lo sabían!, estaban en confianza.");
    EXPECT_EQ(fixed("¿Qué enseña eso?, qué vamos aprendiendo?", "es"),
              "¿Qué enseña eso?, ¿qué vamos aprendiendo?");
    // A tag question after a comma is the question itself.
    EXPECT_EQ(fixed("Es chusco, eh?", "es"), "Es chusco, ¿eh?");
    // The first interrogative after a break, not the last one.
    EXPECT_EQ(fixed("Si no, dime: qué gusto puede haber, o qué contento?", "es"),
              "Si no, dime: ¿qué gusto puede haber, o qué contento?");
    // A dialogue tag inside the question does not start it.
    EXPECT_EQ(fixed("—Pues, cómo supo mi padre —dijo don Luis— que yo venía?", "es"),
              "—Pues, ¿cómo supo mi padre —dijo don Luis— que yo venía?");
    // After an exclamation, the next one is whole; a dialogue tag after it is not opened.
    EXPECT_EQ(fixed("—¡Conque ya ve usted! Sólo que al pobre Marqués, por supuesto, no hay que decirle nada!", "es"),
              "—¡Conque ya ve usted! ¡Sólo que al pobre Marqués, por supuesto, no hay que decirle nada!");
    EXPECT_FALSE(fires("—¡Bah! —decía Visitación con un poco de envidia.", "es", "ES_OPENING_EXCLAMATION"));
    // ... though an interjection after a break in the tag opens one.
    EXPECT_EQ(fixed("—¡Bah! —decía Visitación con envidia—; bah!, tú has caído esta vez.", "es"),
              "—¡Bah! —decía Visitación con envidia—; ¡bah!, tú has caído esta vez.");
}

// Where nothing says where a long exclamation starts, its whole sentence is the guess, offered
// at a confidence below the fixes applied by default; after a semicolon or a colon the guess
// starts after the last of them.
TEST(punctuation, a_guessed_opening_is_a_suggestion_after_the_last_semicolon_or_colon) {
    auto guess = check("La pobre mujer lo miraba desde la puerta, pálida y quieta, sin decir una palabra!", "es");
    ASSERT_EQ(guess.size(), 1u);
    EXPECT_EQ(guess[0].replacement.value_or(""), "¡La");
    EXPECT_LT(guess[0].confidence, 0.6);
    auto divided = check("Ella lo miraba, pálida y quieta; no podía decir una sola palabra de todo aquello!", "es");
    ASSERT_EQ(divided.size(), 1u);
    EXPECT_EQ(divided[0].replacement.value_or(""), "¡no");
    EXPECT_LT(divided[0].confidence, 0.6);
    auto after_colon = check("Y la otra, muy asustada, repetía una y otra vez: estarán en la casa del leñador!", "es");
    ASSERT_EQ(after_colon.size(), 1u);
    EXPECT_EQ(after_colon[0].replacement.value_or(""), "¡estarán");
}

TEST(punctuation, opening_marks_in_continued_quotations_and_before_an_ellipsis) {
    EXPECT_EQ(fixed("»—Luego, todo aquello que los poetas dicen es verdad?", "es"),
              "»—Luego, ¿todo aquello que los poetas dicen es verdad?");
    EXPECT_EQ(fixed("—No faltaba más…! Tome usted.", "es"), "—¡No faltaba más…! Tome usted.");
}

TEST(punctuation, an_exclamation_in_another_language_is_noted_not_opened) {
    auto ss = check("«In illo tempore…!» continuó el Arcipreste.", "es");
    for (const auto& s : ss)
        if (s.rule_id == "ES_OPENING_EXCLAMATION") EXPECT_FALSE(s.replacement);
    EXPECT_EQ(fixed("—Anita, ven aquí! —gritó.", "es"), "—¡Anita, ven aquí! —gritó.");
}
