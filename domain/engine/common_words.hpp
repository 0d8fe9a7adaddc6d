#pragma once
// Small built-in word lists: the most frequent words of each language (to trust a spelling
// candidate) and function words (never worth a repetition note).
#include <string_view>

#include "domain/engine/rule_context.hpp"

namespace galley::engine_detail {

/// One of the ~250 most frequent words of `l` (lower case).
bool is_common_word(lang l, std::string_view lower);

/// Articles, prepositions, pronouns, conjunctions and auxiliaries of Spanish and English.
bool is_function_word(std::string_view lower);

}  // namespace galley::engine_detail
