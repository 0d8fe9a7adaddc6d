#pragma once
// Data files linked into the binary (see README.md): bytes that live as long as the program.
#include <string_view>

namespace galley::engine_data {

/// `word count` lines, most frequent first (CC-BY-SA 4.0, FrequencyWords / OpenSubtitles 2018).
std::string_view word_frequencies_es();
std::string_view word_frequencies_en();

}  // namespace galley::engine_data
