#pragma once
// What the spelling rule (rules/spelling.cpp) accepts as written beyond the dictionary's own
// words: verb + enclitic forms es_ES lacks ("volvióse"), hyphenated words whose parts are known,
// English possessives, plurals of nouns the analyser knows, roman numerals, metrical diaereses;
// and what is likely a word though unlisted (derivatives of known words).
#include <string>

#include "domain/engine/rule_context.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

bool is_roman(const std::string& lower);
/// ’ → '.
std::string normalise_apostrophes(std::string w);
std::string strip_accents(const std::string& w);
/// A stem known without one or two enclitic pronouns and the accent they add ("dárselo").
bool known_with_enclitics(spell_session& sp, const std::string& lower);
/// Known as a whole, or every hyphen-separated part known, or a known English possessive.
bool accepted(spell_session& sp, word_entry& e, const std::string& lower);
/// The plural of a noun the analyser knows, which the dictionary lacks ("howlings", "asomos").
bool plural_of_known_noun(rule_context& cx, const std::string& lower);
/// A diminutive, augmentative, pejorative or superlative of a known word ("corralón").
bool derived_from_known(spell_session& sp, const std::string& lower);
/// A metrical diaeresis on a known word ("fïel", "jüicio").
bool poetic_diaeresis(spell_session& sp, const std::string& lower);

}  // namespace galley::engine_detail
