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
    // Degree words: "muy muy" insists, "más más" and "tan tan" do not; a second capital is a
    // key pressed twice even where an answer may repeat ("sí sí, señor").
    EXPECT_EQ(fixed("Estaba cada vez más más cerca.", "es"), "Estaba cada vez más cerca.");
    EXPECT_EQ(fixed("Era tan tan breve que nadie lo oyó.", "es"), "Era tan breve que nadie lo oyó.");
    EXPECT_FALSE(fires("Está muy muy lejos.", "es", "WORD_REPETITION"));
    EXPECT_EQ(fixed("—Sí Sí, señor, ya voy.", "es"), "—Sí, señor, ya voy.");
    EXPECT_FALSE(fires("—Sí sí, señor, ya voy.", "es", "WORD_REPETITION"));
}

TEST(casing, sentence_capital_after_a_period) {
    EXPECT_EQ(fixed("Llovía mucho. después salió el sol.", "es"),
              "Llovía mucho. Después salió el sol.");
    EXPECT_FALSE(fires("Vino a las 5 p. m. después de comer.", "es", "SENTENCE_CAPITAL"));
    EXPECT_FALSE(fires("We met at 8 a.m. near the station.", "en", "SENTENCE_CAPITAL"));
    EXPECT_FALSE(fires("Apples, pears, etc. are fruit.", "en", "SENTENCE_CAPITAL"));
}

TEST(casing, a_lowercase_paragraph_start_is_fixed_unless_it_may_be_a_fragment) {
    EXPECT_EQ(fixed("el tren salió tarde y llegamos a la estación cuando ya era de noche.", "es"),
              "El tren salió tarde y llegamos a la estación cuando ya era de noche.");
    EXPECT_FALSE(fires("con piscina, ascensor, balcón amplio.", "es", "SENTENCE_CAPITAL"));
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

// Real words in frames where only another word fits (rules/phrases_en.cpp).
TEST(grammar_en, slips_a_spell_checker_passes) {
    EXPECT_EQ(fixed("She has not bee injured in the accident.", "en"), "She has not been injured in the accident.");
    EXPECT_EQ(fixed("The car can be see from here.", "en"), "The car can be seen from here.");
    EXPECT_FALSE(fires("A bee stung me, so I went to see a doctor.", "en", "EN_PARTICIPLE"));
    EXPECT_EQ(fixed("This is the best cake in the word.", "en"), "This is the best cake in the world.");
    EXPECT_EQ(fixed("He fought in the Word War II.", "en"), "He fought in the World War II.");
    EXPECT_FALSE(fires("She believed in the word.", "en", "EN_WORLD_WORD"));
    EXPECT_FALSE(fires("The first word of the book is short.", "en", "EN_WORLD_WORD"));
    EXPECT_EQ(fixed("Everyone must tow the line.", "en"), "Everyone must toe the line.");
    EXPECT_FALSE(fires("While the boat was towed the line broke.", "en", "EN_FIXED_PHRASES"));
    EXPECT_EQ(fixed("He wracked his brain about it.", "en"), "He racked his brain about it.");
    EXPECT_EQ(fixed("Professionals, as oppose to amateurs, get paid.", "en"),
              "Professionals, as opposed to amateurs, get paid.");
    EXPECT_EQ(fixed("We explain it as follow: first the data.", "en"), "We explain it as follows: first the data.");
    EXPECT_EQ(fixed("These words are miss used.", "en"), "These words are misused.");
    EXPECT_FALSE(fires("I miss you.", "en", "EN_FIXED_PHRASES"));
    EXPECT_EQ(fixed("How many brother-in-laws do you have?", "en"), "How many brothers-in-law do you have?");
    EXPECT_EQ(fixed("How is your new teacher like?", "en"), "What is your new teacher like?");
    EXPECT_FALSE(fires("How is your new teacher?", "en", "EN_WHAT_LIKE"));
    EXPECT_EQ(fixed("Yes, it did'nt work.", "en"), "Yes, it didn't work.");
    EXPECT_EQ(fixed("There was lot's of stuff.", "en"), "There was lots of stuff.");
    EXPECT_EQ(fixed("If it's running, your should stop it.", "en"), "If it's running, you should stop it.");
    EXPECT_FALSE(fires("Your shoulder hurts.", "en", "EN_YOUR_YOU"));
    EXPECT_EQ(fixed("He looked over his should.", "en"), "He looked over his shoulder.");
    EXPECT_EQ(fixed("He is also know as the poet.", "en"), "He is also known as the poet.");
    EXPECT_FALSE(fires("I know as much as you.", "en", "EN_CONTEXT_TYPO"));
}

TEST(grammar_en, pronoun_case_in_coordinated_phrases) {
    EXPECT_EQ(fixed("My mother and me went to California.", "en"), "My mother and I went to California.");
    EXPECT_EQ(fixed("My sister and him might go to Paris.", "en"), "My sister and he might go to Paris.");
    EXPECT_EQ(fixed("He gave it to Tim and I.", "en"), "He gave it to Tim and me.");
    EXPECT_FALSE(fires("They invited Tim and me to dinner.", "en", "EN_PRONOUN_CASE"));
    EXPECT_FALSE(fires("Tim and I work together.", "en", "EN_PRONOUN_CASE"));
    EXPECT_FALSE(fires("She called her sister and me would not answer.", "en", "EN_PRONOUN_CASE"));
}

// Set phrases written wrong, and nouns where verbs stand (rules/eggcorns_en.cpp).
TEST(grammar_en, eggcorns_and_noun_verb_pairs) {
    EXPECT_EQ(fixed("For all intensive purposes the case is closed.", "en"),
              "For all intents and purposes the case is closed.");
    EXPECT_EQ(fixed("It was a peace of cake.", "en"), "It was a piece of cake.");
    EXPECT_EQ(fixed("Marry Christmas to you all!", "en"), "Merry Christmas to you all!");
    EXPECT_FALSE(fires("Free Reign Entertainment supplies games.", "en", "EN_EGGCORNS"));
    EXPECT_FALSE(fires("Take the reigns of these kings as examples.", "en", "EN_EGGCORNS"));
    EXPECT_EQ(fixed("She does knot know everything.", "en"), "She does not know everything.");
    EXPECT_EQ(fixed("Let me give you some advise.", "en"), "Let me give you some advice.");
    EXPECT_EQ(fixed("We advice you to come early.", "en"), "We advise you to come early.");
    EXPECT_EQ(fixed("Take a deep breathe and relax.", "en"), "Take a deep breath and relax.");
    EXPECT_FALSE(fires("Then he had her breathe on the canvas.", "en", "EN_NOUN_VERB_PAIRS"));
    EXPECT_EQ(fixed("I cannot breath.", "en"), "I cannot breathe.");
    EXPECT_EQ(fixed("She won the first price.", "en"), "She won the first prize.");
    EXPECT_FALSE(fires("The price of bread rose.", "en", "EN_NOUN_VERB_PAIRS"));
    EXPECT_EQ(fixed("There were quiet a few ways.", "en"), "There were quite a few ways.");
    EXPECT_FALSE(fires("Children who are quiet a lot of the time get overlooked.", "en", "EN_NOUN_VERB_PAIRS"));
    EXPECT_EQ(fixed("Please be quite!", "en"), "Please be quiet!");
    EXPECT_EQ(fixed("I walked passed the school.", "en"), "I walked past the school.");
    EXPECT_EQ(fixed("I go there everyday.", "en"), "I go there every day.");
    EXPECT_FALSE(fires("These are everyday problems.", "en", "EN_NOUN_VERB_PAIRS"));
    EXPECT_EQ(fixed("We agreed in principal, but not in detail.", "en"), "We agreed in principle, but not in detail.");
    EXPECT_FALSE(fires("They invested in principal protected notes.", "en", "EN_NOUN_VERB_PAIRS"));
}

// Spanish homophones in verb frames and compounds written apart (rules/verbs_es.cpp).
TEST(grammar_es, homophones_in_verb_frames_and_joined_compounds) {
    EXPECT_EQ(fixed("Mañana voy ha hablar con ella en la oficina.", "es"), "Mañana voy a hablar con ella en la oficina.");
    EXPECT_EQ(fixed("Mañana voy hablar con ella en la oficina.", "es"), "Mañana voy a hablar con ella en la oficina.");
    EXPECT_FALSE(fires("El tren se va mañana temprano desde la estación.", "es", "ES_HOMOPHONES_VERB"));
    EXPECT_FALSE(fires("No ha lugar la petición del abogado defensor.", "es", "ES_HOMOPHONES_VERB"));
    EXPECT_EQ(fixed("Siempre e comido bien en esta casa de campo.", "es"), "Siempre he comido bien en esta casa de campo.");
    EXPECT_FALSE(fires("Padre e hijo llegaron juntos a la fiesta.", "es", "ES_HOMOPHONES_VERB"));
    EXPECT_EQ(fixed("Haz agotado mi paciencia con tantas excusas.", "es"), "Has agotado mi paciencia con tantas excusas.");
    EXPECT_FALSE(fires("El haz dividido se proyecta en varios sitios.", "es", "ES_HOMOPHONES_VERB"));
    EXPECT_EQ(fixed("La mesa está echa de madera de roble.", "es"), "La mesa está hecha de madera de roble.");
    EXPECT_EQ(fixed("Estaba apunto de llegar a casa cuando llamaste.", "es"),
              "Estaba a punto de llegar a casa cuando llamaste.");
    EXPECT_EQ(fixed("Es el país del cuál vengo yo, el mío.", "es"), "Es el país del cual vengo yo, el mío.");
    EXPECT_EQ(fixed("Vivimos en el mismo uso horario que Londres.", "es"), "Vivimos en el mismo huso horario que Londres.");
    EXPECT_EQ(fixed("Es co-fundador de la empresa desde el principio.", "es"),
              "Es cofundador de la empresa desde el principio.");
    EXPECT_EQ(fixed("Fue un resultado extra ordinario para todos nosotros.", "es"),
              "Fue un resultado extraordinario para todos nosotros.");
    EXPECT_FALSE(fires("Dejó los papeles sobre mesa y arcones de la casa.", "es", "ES_COMPOUND_JOINED"));
    EXPECT_FALSE(fires("Corea lanza misiles al mar cada semana este año.", "es", "ES_COMPOUND_JOINED"));
    // Capitalised, a doubled r where the parts join, a compound noun after a determiner.
    EXPECT_EQ(fixed("Co-fundador de la empresa, llegó tarde.", "es"), "Cofundador de la empresa, llegó tarde.");
    EXPECT_EQ(fixed("Vivían en el extra-radio de la ciudad.", "es"), "Vivían en el extrarradio de la ciudad.");
    EXPECT_EQ(fixed("Tiene un apaga fuegos en la cocina.", "es"), "Tiene un apagafuegos en la cocina.");
    EXPECT_FALSE(fires("El bombero apaga fuegos todos los días.", "es", "ES_COMPOUND_JOINED"));
}

TEST(grammar_en, more_real_words_in_the_wrong_frame) {
    EXPECT_EQ(fixed("Well, its okay.", "en"), "Well, it's okay.");
    EXPECT_EQ(fixed("For all it's charm, I could not like it.", "en"), "For all its charm, I could not like it.");
    EXPECT_FALSE(fires("After all it's my birthday weekend.", "en", "EN_ITS"));
    EXPECT_EQ(fixed("Did you know that your beautiful?", "en"), "Did you know that you're beautiful?");
    EXPECT_FALSE(fires("It is your right to vote.", "en", "EN_YOURE"));
    EXPECT_EQ(fixed("This is all he cold do.", "en"), "This is all he could do.");
    EXPECT_FALSE(fires("The water is cold today.", "en", "EN_CONTEXT_TYPO"));
    EXPECT_EQ(fixed("It is no possible to come.", "en"), "It is not possible to come.");
    EXPECT_FALSE(fires("It is no good at all.", "en", "EN_CONTEXT_TYPO"));
    EXPECT_EQ(fixed("Julia does not feel save in her house.", "en"), "Julia does not feel safe in her house.");
    EXPECT_FALSE(fires("I could not save him.", "en", "EN_CONTEXT_TYPO"));
    EXPECT_EQ(fixed("Please fill in this from.", "en"), "Please fill in this form.");
    EXPECT_EQ(fixed("I got a letter form my friend.", "en"), "I got a letter from my friend.");
    EXPECT_EQ(fixed("It grew from 30 too 37 seconds.", "en"), "It grew from 30 to 37 seconds.");
    EXPECT_EQ(fixed("The parents loved there son.", "en"), "The parents loved their son.");
    EXPECT_FALSE(fires("Were there angels in the story?", "en", "EN_CONTEXT_TYPO"));
    EXPECT_EQ(fixed("There is an on going investigation.", "en"), "There is an ongoing investigation.");
    EXPECT_FALSE(fires("Keep on going until the end.", "en", "EN_FIXED_PHRASES"));
    EXPECT_EQ(fixed("Come quickly; some one needs help here.", "en"), "Come quickly; someone needs help here.");
    EXPECT_FALSE(fires("Any one of them will do.", "en", "EN_FIXED_PHRASES"));
    EXPECT_FALSE(fires("No one came.", "en", "EN_FIXED_PHRASES"));
}

TEST(grammar_en, contractions_and_typos_in_frames) {
    EXPECT_EQ(fixed("It's not mine, it's your's.", "en"), "It's not mine, it's yours.");
    EXPECT_EQ(fixed("Hell be there tomorrow.", "en"), "He'll be there tomorrow.");
    EXPECT_FALSE(fires("What the hell be there?", "en", "EN_CONTEXT_TYPO"));
    EXPECT_EQ(fixed("Actually, wed love to do this!", "en"), "Actually, we'd love to do this!");
    EXPECT_EQ(fixed("Have your seen my sister?", "en"), "Have you seen my sister?");
    EXPECT_EQ(fixed("This will take some tome.", "en"), "This will take some time.");
    EXPECT_FALSE(fires("She read the tome twice.", "en", "EN_CONTEXT_TYPO"));
    EXPECT_EQ(fixed("Th water is hot.", "en"), "The water is hot.");
    EXPECT_FALSE(fires("Th is the symbol for thorium.", "en", "EN_CONTEXT_TYPO"));
    EXPECT_EQ(fixed("The light was switched of.", "en"), "The light was switched off.");
    EXPECT_FALSE(fires("It was the turn of the century.", "en", "EN_CONTEXT_TYPO"));
    EXPECT_EQ(fixed("Go back to were you came from.", "en"), "Go back to where you came from.");
    EXPECT_EQ(fixed("I am looking TV.", "en"), "I am watching TV.");
    EXPECT_EQ(fixed("I always loose the password.", "en"), "I always lose the password.");
    EXPECT_EQ(fixed("We expanded too all the new locations.", "en"), "We expanded to all the new locations.");
}

TEST(grammar_es, impersonal_haber_with_any_plural_noun_phrase) {
    EXPECT_EQ(fixed("No habían coches en la calle.", "es"), "No había coches en la calle.");
    EXPECT_EQ(fixed("Mañana habrán problemas.", "es"), "Mañana habrá problemas.");
    EXPECT_EQ(fixed("Hubieron fiestas en el pueblo.", "es"), "Hubo fiestas en el pueblo.");
    EXPECT_FALSE(fires("Los niños habían comido.", "es", "ES_HABER_IMPERSONAL"));
    EXPECT_FALSE(fires("Habían de volver pronto.", "es", "ES_HABER_IMPERSONAL"));
    EXPECT_FALSE(fires("¿Habían los niños comido ya?", "es", "ES_HABER_IMPERSONAL"));
}

// Tense and person conditions hold on one reading: "cree" is a third-person present (creer)
// and a first-person subjunctive (crear), never a first-person present.
TEST(pattern_rules, feature_conditions_hold_together_on_one_reading) {
    EXPECT_FALSE(fires("—¿De modo que usted cree que ayer era devota?", "es", "ES_PRETERITE_THIRD_PERSON"));
    EXPECT_EQ(fixed("Ella llego tarde a casa.", "es"), "Ella llegó tarde a casa.");
}

// A dialogue turn that ends in an ellipsis is prose: its first word takes a capital, even as
// the first paragraph of a story.
TEST(casing, a_dialogue_turn_ending_in_an_ellipsis_starts_with_a_capital) {
    EXPECT_EQ(fixed("—señores, estamos fuera de la cuestión —gritó Ripamilán—, el caso es…", "es"),
              "—Señores, estamos fuera de la cuestión —gritó Ripamilán—, el caso es…");
}

// "an" before h: only a silent h or an accepted older variant ("an historic") keeps it.
TEST(grammar_en, an_before_a_sounded_h_is_a_slip) {
    EXPECT_EQ(fixed("She married an husband of fortune.", "en"), "She married a husband of fortune.");
    EXPECT_FALSE(fires("It is an hour's drive from here.", "en", "EN_A_AN"));
    EXPECT_FALSE(fires("It was an historic day.", "en", "EN_A_AN"));
    EXPECT_FALSE(fires("He is an honest man.", "en", "EN_A_AN"));
}
