#pragma once
// Readings for words the analyser does not know, guessed from capitalisation and suffix so the
// tagger and the rules still see a part of speech: a capitalised or all-capital word is a proper
// noun ("Mesía", "Vetusta"); a lower-case word by its ending ("-mente" adverb, "-ción" noun,
// "-ado" participle; "-ly", "-tion", "-ed" in English; any other English word of four letters or
// more is taken for a noun). Contractions and other Spanish words get nothing.
#include <string>
#include <string_view>
#include <vector>

#include "domain/engine/rule_context.hpp"

namespace galley::engine_detail {

/// Apertium lexical forms ("Mesía<np><ant>") guessed for the unknown word `token` (UTF-8, as
/// written); empty when there is no guess. The lemma is the token itself.
std::vector<std::string> guess_readings(std::string_view token, lang l);

}  // namespace galley::engine_detail
