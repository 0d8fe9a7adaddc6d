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

TEST(punctuation, only_notes_a_question_that_may_start_mid_sentence) {
    auto ss = check("Si no llueve, vienes mañana?", "es");
    ASSERT_EQ(ss.size(), 1u);
    EXPECT_EQ(ss[0].rule_id, "ES_OPENING_QUESTION");
    EXPECT_FALSE(ss[0].replacement);
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
