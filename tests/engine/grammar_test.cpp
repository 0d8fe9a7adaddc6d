// Grammar and confusables, repeated words and casing.
#include <gtest/gtest.h>

#include "engine_test_support.hpp"

using namespace galley::test;

TEST(grammar_es, impersonal_haber) {
    EXPECT_EQ(fixed("Habían muchas personas en la plaza.", "es"),
              "Había muchas personas en la plaza.");
    EXPECT_EQ(fixed("Ayer hubieron dos accidentes.", "es"), "Ayer hubo dos accidentes.");
    EXPECT_FALSE(fires("Ellos habían llegado tarde.", "es", "ES_HABER_IMPERSONAL"));
    EXPECT_FALSE(fires("Se habían muchos ido ya.", "es", "ES_HABER_IMPERSONAL"));
}

TEST(grammar_es, dequeismo_a_ver_hecho_haya) {
    EXPECT_EQ(fixed("Pienso de que es tarde.", "es"), "Pienso que es tarde.");
    EXPECT_FALSE(fires("Me acuerdo de que llovía.", "es", "ES_DEQUEISMO"));
    EXPECT_EQ(fixed("Vamos haber qué pasa.", "es"), "Vamos a ver qué pasa.");
    EXPECT_FALSE(fires("Tiene que haber una razón.", "es", "ES_A_VER"));
    EXPECT_EQ(fixed("Ya lo he echo todo.", "es"), "Ya lo he hecho todo.");
    EXPECT_FALSE(fires("Te echo de menos.", "es", "ES_HECHO"));
    EXPECT_EQ(fixed("Aunque halla sido tarde, vino.", "es"), "Aunque haya sido tarde, vino.");
    EXPECT_FALSE(fires("El pueblo se halla situado en el valle.", "es", "ES_HAYA"));
}

TEST(grammar_en, confusables) {
    EXPECT_EQ(fixed("You could of told me.", "en"), "You could have told me.");
    EXPECT_EQ(fixed("I like it alot.", "en"), "I like it a lot.");
    EXPECT_EQ(fixed("Their is a problem.", "en"), "There is a problem.");
    EXPECT_EQ(fixed("I think its a dog.", "en"), "I think it's a dog.");
    EXPECT_EQ(fixed("The dog wagged it's own tail.", "en"), "The dog wagged its own tail.");
    EXPECT_EQ(fixed("Thanks! Your welcome.", "en"), "Thanks! You're welcome.");
    EXPECT_EQ(fixed("I want to loose weight.", "en"), "I want to lose weight.");
    EXPECT_EQ(fixed("Then they was gone.", "en"), "Then they were gone.");
    EXPECT_FALSE(fires("Of course we could, of course.", "en", "EN_HAVE_OF"));
    EXPECT_FALSE(fires("The company lost its way.", "en", "EN_ITS"));
    EXPECT_FALSE(fires("Your welcome was warm.", "en", "EN_YOURE"));
}

TEST(grammar_en, a_and_an_by_sound) {
    EXPECT_EQ(fixed("It was a apple and an pear.", "en"), "It was an apple and a pear.");
    EXPECT_EQ(fixed("Wait a hour.", "en"), "Wait an hour.");
    EXPECT_TRUE(
        check("A university, a user, an hour, a one-off, an honest man, an FBI agent.", "en")
            .empty());
}

TEST(repetition, repeated_words) {
    EXPECT_EQ(fixed("I saw the the dog.", "en"), "I saw the dog.");
    EXPECT_EQ(fixed("La casa de de mi madre.", "es"), "La casa de mi madre.");
    EXPECT_FALSE(fires("He had had enough.", "en", "WORD_REPETITION"));
    EXPECT_FALSE(fires("I know that that is true.", "en", "WORD_REPETITION"));
    EXPECT_FALSE(fires("No, no y no.", "es", "WORD_REPETITION"));
}

TEST(casing, sentence_capital_after_a_period) {
    EXPECT_EQ(fixed("Llovía mucho. después salió el sol.", "es"),
              "Llovía mucho. Después salió el sol.");
    EXPECT_FALSE(fires("Vino a las 5 p. m. después de comer.", "es", "SENTENCE_CAPITAL"));
    EXPECT_FALSE(fires("We met at 8 a.m. near the station.", "en", "SENTENCE_CAPITAL"));
    EXPECT_FALSE(fires("Apples, pears, etc. are fruit.", "en", "SENTENCE_CAPITAL"));
}

TEST(casing, days_and_months) {
    EXPECT_EQ(fixed("Nos vemos el Lunes que viene.", "es"), "Nos vemos el lunes que viene.");
    EXPECT_EQ(fixed("Nació el 5 de Mayo de 1990.", "es"), "Nació el 5 de mayo de 1990.");
    EXPECT_FALSE(fires("El Jueves Santo habrá procesión.", "es", "ES_LOWERCASE_DAYS_MONTHS"));
    EXPECT_FALSE(fires("Vive en la Plaza de Mayo.", "es", "ES_LOWERCASE_DAYS_MONTHS"));
    EXPECT_FALSE(fires("Juan Domingo Perón.", "es", "ES_LOWERCASE_DAYS_MONTHS"));
    EXPECT_EQ(fixed("See you on monday in january.", "en"), "See you on Monday in January.");
    EXPECT_FALSE(fires("You may march in august company.", "en", "EN_CAPITAL_DAYS_MONTHS"));
}
