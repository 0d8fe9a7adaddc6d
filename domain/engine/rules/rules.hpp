#pragma once
// The rule families. Each reads one analysed paragraph through a rule_context and emits
// findings; none of them resolves overlaps or knows about other families.
#include <vector>

#include "domain/engine/rule_context.hpp"

namespace galley::engine_detail {

void check_spelling(rule_context& cx);     // spelling.cpp: hunspell, accents, typos (es, en)
void check_typography(rule_context& cx);   // typography.cpp: spaces, units, ellipsis (any)
void check_typography_marks(rule_context& cx);  // typography_marks.cpp: ordinals, units, p. ej.
void check_typography_signs(rule_context& cx);  // typography_signs.cpp: ™ © ± × →, $100, 1990s
void check_dialogue(rule_context& cx);     // dialogue.cpp: dashes and quotes (es)
void check_punctuation(rule_context& cx);  // punctuation.cpp: ?., brackets, commas
void check_opening_marks_es(rule_context& cx);  // opening_marks_es.cpp: ¿ ¡ (called by the above)
void check_grammar_es(rule_context& cx);   // grammar_es.cpp: haber, dequeísmo, hecho, haya
void check_accents_es(rule_context& cx);   // accents_es.cpp: término/termino, hacía, está, aún
void check_preterite_es(rule_context& cx); // preterite_es.cpp: "y paso el siguiente" in narration
void check_preterite_subject_es(rule_context& cx);  // preterite_subject_es.cpp: "Paula la tomo"
void check_future_es(rule_context& cx);    // future_es.cpp: "yo le explicare" in a main clause
void check_agreement_es(rule_context& cx); // agreement_es.cpp: "la problema", "la casa blanco"
void check_monosyllables_es(rule_context& cx);  // monosyllables_es.cpp: tú él mí sé sí, ¿qué?
void check_verbs_es(rule_context& cx);     // verbs_es.cpp: voy a hablar, he comido, co-fundador
void check_grammar_en(rule_context& cx);   // grammar_en.cpp: confusables, a/an, could of
void check_confusables_en(rule_context& cx);  // confusables_en.cpp: then/than, to/too, i, dont
void check_confusion_context_en(rule_context& cx);  // confusion_context_en.cpp: their/there by the tagger
void check_phrases_en(rule_context& cx);   // phrases_en.cpp: has bee, in the word, tow the line
void check_context_typos_en(rule_context& cx);  // context_typos_en.cpp: his should, he cold do
void check_eggcorns_en(rule_context& cx);  // eggcorns_en.cpp: peace of cake, give advise
void check_punctuation_en(rule_context& cx);  // punctuation_en.cpp: tag questions, dates, hyphens
void check_casing(rule_context& cx);       // casing.cpp: sentence capitals, days and months
void check_repetition(rule_context& cx);   // repetition.cpp: "the the"
void check_style(rule_context& cx);        // style.cpp: long sentences, -mente, nearby repeats

// Document-wide consistency (mixed quote or dash styles) is consistency.hpp's scan.

}  // namespace galley::engine_detail
