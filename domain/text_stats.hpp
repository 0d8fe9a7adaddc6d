#pragma once
// Cheap facts about a text recorded at upload: word count and the likely language.
// Runs in one pass without allocation per word, so it is affordable on every upload.
#include <cstddef>
#include <string>
#include <string_view>

namespace galley {

struct language_guess {
    std::string language;  // "es", "en" or "und" (undetermined)
    double confidence = 0;  // share of recognised function words that voted for `language`
};

/// Words are maximal runs of letters, digits and inner apostrophes/hyphens.
std::size_t count_words(std::string_view utf8_text);

/// Spanish/English by function-word frequency; "und" when neither reaches a clear majority or
/// the text is too short to tell.
language_guess detect_language(std::string_view utf8_text);

}  // namespace galley
