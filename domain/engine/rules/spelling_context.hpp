#pragma once
// What the words around a misspelling say about its candidates (rules/spelling.cpp): a candidate
// that cannot agree in gender and number with the determiner or noun beside it loses, and the
// tagger's likelihood of the sentence with each of the best three reorders close candidates.
#include <cstddef>
#include <string>
#include <vector>

#include "domain/engine/rule_context.hpp"
#include "domain/engine/spelling/candidate_index.hpp"

namespace galley::engine_detail {

/// False when `word`, put in place of the word at token `at`, cannot agree in gender and number
/// with the determiner or noun beside it ("otra pregunta inopinado").
bool agrees_with_neighbours(rule_context& cx, std::size_t at, const std::string& word);

/// Reorders `ranked` (best score first) for the word at token `at`; scores are adjusted in place.
void rerank_by_context(rule_context& cx, std::size_t at,
                       std::vector<candidate_index::candidate>& ranked);

}  // namespace galley::engine_detail
