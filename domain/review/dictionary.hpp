#pragma once
// Project dictionaries (API.md: /projects/{id}/dictionary): words the engine accepts as spelled
// in that project's later runs (names, jargon).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace galley {

inline constexpr std::size_t kMaxDictionaryWords = 10'000;

/// A word: valid UTF-8, 1..100 code points, no white space and no control characters.
/// invalid_argument naming `field` otherwise.
status validate_dictionary_word(std::string_view word, const std::string& field);

/// Validates every word (field "words[i]"), drops exact duplicates and sorts (byte order).
/// invalid_argument (field "words") over kMaxDictionaryWords distinct words.
result<std::vector<std::string>> normalize_dictionary(std::vector<std::string> words);

}  // namespace galley
