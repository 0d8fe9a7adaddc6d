#pragma once
// What a slip costs: a Damerau (optimal string alignment) distance over code points whose
// operations are cheaper where hands and ears slip — a missing or extra accent, a neighbouring
// key, a doubled letter, swapped letters and, in Spanish, letters that sound alike (b/v, c/z/s,
// g/j, ll/y, a silent h, ue/o and ie/e). One unit is an arbitrary edit.
#include <string>
#include <string_view>

#include "domain/engine/rule_context.hpp"

namespace galley::engine_detail {

/// The accent-free, ñ-free lower-case letter (á→a, ü→u, ñ→n, ç→c); others unchanged.
char32_t fold_letter(char32_t c);
/// Every letter of `word` folded: the key of accent-insensitive comparisons ("cuál" = "cual").
std::u32string fold_word(std::u32string_view word);
std::u32string fold_word_utf8(std::string_view utf8_word);

/// The cost of turning `typed` into `word` (both lower case), or a value above `limit` as soon
/// as the cost must exceed it. Words over 40 code points cost more than any limit.
double edit_cost(std::u32string_view typed, std::u32string_view word, lang l, double limit);

/// The cost as above and how many slips it takes (accents left out do not count): one slip is
/// the usual typo, two are much rarer than their summed cost says.
struct edit {
    double cost = 0;
    int slips = 0;
};
edit edit_of(std::u32string_view typed, std::u32string_view word, lang l, double limit);

}  // namespace galley::engine_detail
